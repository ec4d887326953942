"""Loading knowledge files (actors, triggers, place variants...) with a schema check.

Knowledge is data: CSV files in ``wirecoder/knowledge/`` that users can read and extend. A user file
with the same columns is added after the bundled one (``Settings.knowledge_paths``): the loader
picks files by their stem prefix, e.g. ``actors*.csv``.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import W201, W202, KnowledgeError

BUNDLED = Path(str(resources.files("wirecoder") / "knowledge"))


@dataclass(frozen=True)
class Row:
    """One row of a knowledge file, with where it came from (for error messages)."""

    values: dict[str, str]
    path: Path
    line: int

    def __getitem__(self, key: str) -> str:
        return self.values.get(key) or ""


def knowledge_files(kind: str, extra: Iterable[Path] = ()) -> list[Path]:
    """Bundled ``<kind>*.csv`` files, then the user's files whose name starts with ``kind``."""
    bundled = sorted(BUNDLED.glob(f"{kind}*.csv"))
    users = [Path(p) for p in extra if Path(p).name.startswith(kind)]
    return bundled + users


# Columns that hold regular expressions: a user's broken pattern is reported with its file and row.
PATTERN_COLUMNS = {
    "triggers": ("pattern",), "trigger_vetoes": ("pattern",), "trigger_modifiers": ("pattern",),
    "role_words": ("pattern",), "place_relations": ("pattern",), "admin_units": ("unit",),
    "site_words": ("word",), "date_expressions": ("pattern",), "actor_patterns": ("pattern",), "nationality_places": ("word",),
}  # boilerplate patterns hold macros: clean.load_boilerplate checks them once expanded
NUMBER_COLUMNS = {"place_relations": ("geo_precision", "where_prec")}


def read_rows(kind: str, required: Iterable[str], extra: Iterable[Path] = ()) -> Iterator[Row]:
    """Rows of every ``kind`` file; '#' lines are comments; a row missing a required column, or with
    a pattern that does not compile, raises."""
    required = tuple(required)
    patterns = PATTERN_COLUMNS.get(kind, ())
    for path in knowledge_files(kind, extra):
        with open(path, encoding="utf-8", newline="") as handle:
            lines = (line for line in handle if not line.lstrip().startswith("#"))
            for number, values in enumerate(csv.DictReader(lines), start=2):
                clean = {k.strip(): (v or "").strip() for k, v in values.items() if k}
                if not any(clean.values()):
                    continue
                for column in required:
                    if not clean.get(column):
                        raise KnowledgeError(W201.format(path=path, row=number, column=column), "W201")
                for column in patterns:
                    _check_pattern(clean.get(column) or "", path, number, column)
                for column in NUMBER_COLUMNS.get(kind, ()):
                    _check_number(clean.get(column) or "", path, number, column)
                yield Row(clean, path, number)


def _check_number(value: str, path: Path, row: int, column: str) -> None:
    if not value.isdigit():
        # most often a pattern with a comma in it ("{0,3}") that was not put in double quotes
        expected = "a whole number (a pattern holding a comma must be in double quotes)"
        raise KnowledgeError(W202.format(path=f"{path}:{row}", column=column, value=value, expected=expected), "W202")


def _check_pattern(value: str, path: Path, row: int, column: str) -> None:
    try:
        re.compile(value)
    except re.error as error:
        expected = f"a regular expression ({error})"
        raise KnowledgeError(W202.format(path=f"{path}:{row}", column=column, value=value, expected=expected), "W202") from None


def compile_for_lowered_text(pattern: str) -> re.Pattern | None:
    """A case-insensitive pattern of a knowledge file, rewritten to run on lower-cased text.

    Python's ``re`` runs a case-sensitive pattern several times faster than an IGNORECASE one, and
    trigger words are searched in every article of a stream. Letters are lower-cased except escapes
    (``\\W`` is not ``\\w``); a pattern with a case-sensitive part (``(?-i:[A-Z])``) gets None: the
    caller keeps its IGNORECASE form for it.
    """
    if "(?-i" in pattern:
        return None
    out = []
    for part in GROUP_SYNTAX.split(pattern):  # "(?P<year>" keeps its P and its name
        if GROUP_SYNTAX.fullmatch(part):
            out.append(part)
            continue
        escaped = False
        for char in part:
            out.append(char if escaped else char.lower())
            escaped = char == "\\" and not escaped
    return re.compile("".join(out))


GROUP_SYNTAX = re.compile(r"(\(\?P<\w+>|\(\?P=\w+\))")


def lowered_text(text: str) -> str | None:
    """The text in lower case for patterns from :func:`compile_for_lowered_text`, or None when
    lower-casing would move offsets ("İ" becomes two characters): search the original then."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else None
