"""Stage `clean`: split the article into paragraphs and drop the parts that are not the report.

Reads: article
Writes: blocks (kept paragraphs, as spans into ``article.text``), dropped (``Dropped(span, reason)``)
Settings: knowledge_paths (extra ``boilerplate*.csv`` files)

What is dropped, and with which reason: site slogans (``slogan``), share buttons, ads and copyright
lines (``boilerplate``), the date line (``date``), photo captions (``caption``: they often describe
another day and place), links to other stories (``read-link``), bylines and "Editing by"
(``byline``), a paragraph that repeats an earlier one (``repeated``: the first copy is kept), and the
wire dateline prefix "BAGHDAD (Reuters) -" (``dateline``: only the prefix; the rest stays a block).
The patterns are data, in ``knowledge/boilerplate.csv``.

Headline choice: the headline is dropped (``headline``) when a body follows it. Headlines restate the
lede in telegraphic present tense ("Death toll rises to 341 as ... battle continues"), without the
date or attribution the lede carries; keeping them would double-count tolls and create undated events.
When nothing else is left (a headline-only feed entry), the headline is kept as its own block.

Paragraphs are separated by blank lines; a text with no blank line has one paragraph per line.
Offsets are exact: ``\\r\\n`` and non-breaking spaces are left in the text, only trimmed from the
ends of each span.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import W202, KnowledgeError
from ..knowledge import Row, read_rows
from ..records import AnalyzedArticle, Dropped, Span
from ..settings import Settings

BLANK_LINE = re.compile(r"\r?\n[ \t\xa0\r\f\v\u2028\u2029]*\r?\n\s*")
LINE_BREAK = re.compile(r"\r?\n|\r")
MACRO = re.compile(r"\{([a-z_]+)\}")
HEADLINE_MAX_CHARS = 200  # longer first paragraphs are a lede, not a headline
HEADLINE_SEARCH = 4  # the headline is among the first few kept paragraphs
REPEAT_MIN_CHARS = 40  # shorter paragraphs ("Share", a quote) may legitimately recur
Cleaned = tuple[tuple[Span, ...], tuple[Dropped, ...]]  # (blocks, dropped)


@dataclass(frozen=True)
class Rule:
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Boilerplate:
    """The compiled patterns of ``boilerplate*.csv``: whole-paragraph rules and prefix rules."""

    paragraph_rules: tuple[Rule, ...]
    prefix_rules: tuple[Rule, ...]

    def paragraph_reason(self, text: str) -> str | None:
        """Why this whole paragraph is boilerplate, or None to keep it."""
        for rule in self.paragraph_rules:
            if rule.pattern.search(text):
                return rule.reason
        return None

    def prefix(self, text: str) -> tuple[re.Match[str], str] | None:
        """The droppable prefix (wire dateline) at the start of a paragraph, with its reason."""
        for rule in self.prefix_rules:
            match = rule.pattern.match(text)
            if match and match.end() < len(text.rstrip()):
                return match, rule.reason
        return None

    def is_date_line(self, text: str) -> bool:
        return self.paragraph_reason(text) == "date"


@lru_cache(maxsize=16)
def load_boilerplate(extra: tuple[Path, ...] = ()) -> Boilerplate:
    """Compile the bundled boilerplate patterns plus the user's ``boilerplate*.csv`` files."""
    macros: dict[str, str] = {}
    rules: dict[str, list[Rule]] = {"paragraph": [], "prefix": []}
    for row in read_rows("boilerplate", ("kind", "reason", "pattern"), extra):
        pattern = MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), row["pattern"])
        if row["kind"] == "macro":
            macros[row["reason"]] = pattern
        elif row["kind"] in rules:
            rules[row["kind"]].append(Rule(compiled(pattern, row), row["reason"]))
        else:
            raise knowledge_error(row, "kind", row["kind"], "macro, paragraph or prefix")
    return Boilerplate(tuple(rules["paragraph"]), tuple(rules["prefix"]))


def compiled(pattern: str, row: Row) -> re.Pattern[str]:
    try:
        return re.compile(pattern)
    except re.error as error:
        raise knowledge_error(row, "pattern", row["pattern"], f"a regular expression ({error})") from None


def knowledge_error(row: Row, column: str, value: str, expected: str) -> KnowledgeError:
    where = f"{row.path}:{row.line}"
    return KnowledgeError(W202.format(path=where, column=column, value=value, expected=expected), "W202")


def trimmed(text: str, start: int, end: int) -> Span | None:
    """The span of ``text[start:end]`` without surrounding whitespace; None when nothing is left."""
    piece = text[start:end]
    left = len(piece) - len(piece.lstrip())
    right = len(piece.rstrip())
    if right <= left:
        return None
    return Span(start + left, start + right, piece[left:right])


def paragraphs(text: str) -> list[Span]:
    """Paragraph spans: blank-line separated, or one per line when the text has no blank line."""
    separator = BLANK_LINE if BLANK_LINE.search(text) else LINE_BREAK
    spans, start = [], 0
    for match in separator.finditer(text):
        spans.append(trimmed(text, start, match.start()))
        start = match.end()
    spans.append(trimmed(text, start, len(text)))
    return [span for span in spans if span is not None]


def normalized(text: str) -> str:
    """Text for comparing paragraphs: lower case, words only (quotes and spacing vary between copies)."""
    return " ".join(re.findall(r"\w+", text.lower()))


def headline_indices(kept: list[Span], title: str | None) -> list[int]:
    """Indexes of the headline among the kept paragraphs, when a body follows it: the paragraph that is
    the title, else every short unfinished line before the first sentence (a masthead, the headline, a
    kicker: "The River Post" / "Coalition strikes kill 11 ..." / "October 8, 2018 at 8:05 am")."""
    wanted = normalized(title or "")
    first = kept[: min(HEADLINE_SEARCH, len(kept) - 1)]
    titled = [i for i, span in enumerate(first) if wanted and normalized(span.text) == wanted][:1]
    leading = []
    for index, span in enumerate(first):
        if not looks_like_headline(span.text):
            break
        leading.append(index)
    # after a kicker the title is the headline; a short line before the lede ("The River Post") is no news either
    return sorted(set(titled) | (set(leading) if not titled or titled[0] in leading else set()))


def looks_like_headline(text: str) -> bool:
    """One short line that does not end like a sentence."""
    unfinished = not text.rstrip("\"'”’)").endswith((".", ":", ";", ","))
    return "\n" not in text and unfinished and len(text) <= HEADLINE_MAX_CHARS


class Cleaner:
    """Sorts the paragraphs of one article into kept blocks and dropped parts."""

    def __init__(self, boilerplate: Boilerplate):
        self.boilerplate = boilerplate

    def clean(self, text: str, title: str | None = None) -> Cleaned:
        kept: list[Span] = []
        dropped: list[Dropped] = []
        seen: list[str] = []
        for span in self.pieces(text):
            reason = self.boilerplate.paragraph_reason(span.text) or self.repeat_reason(span, seen)
            if reason:
                dropped.append(Dropped(span, reason))
                continue
            seen.append(normalized(span.text))
            kept.append(self.cut_prefix(text, span, dropped))
        kept = self.drop_headline(kept, dropped, title)
        return tuple(kept), tuple(sorted(dropped, key=lambda d: d.span.start))

    def pieces(self, text: str) -> list[Span]:
        """Paragraphs, with a boilerplate line inside a multi-line paragraph split out on its own."""
        found: list[Span] = []
        for span in paragraphs(text):
            if "\n" in span.text and not self.boilerplate.paragraph_reason(span.text):
                found.extend(self.split_lines(text, span))
            else:
                found.append(span)
        return found

    def split_lines(self, text: str, paragraph: Span) -> list[Span]:
        """Runs of ordinary lines stay one paragraph; each boilerplate line becomes its own."""
        pieces, run_start = [], paragraph.start
        for line in paragraphs(paragraph.text):
            start, end = paragraph.start + line.start, paragraph.start + line.end
            if self.boilerplate.paragraph_reason(line.text):
                pieces += [trimmed(text, run_start, start), Span(start, end, line.text)]
                run_start = end
        pieces.append(trimmed(text, run_start, paragraph.end))
        return [piece for piece in pieces if piece is not None]

    @staticmethod
    def repeat_reason(span: Span, seen: list[str]) -> str | None:
        words = normalized(span.text)
        if len(words) < REPEAT_MIN_CHARS:
            return None
        return "repeated" if any(words == earlier or words in earlier for earlier in seen) else None

    def cut_prefix(self, text: str, span: Span, dropped: list[Dropped]) -> Span:
        """Drop a wire dateline prefix and return the rest of the paragraph."""
        found = self.boilerplate.prefix(span.text)
        if not found:
            return span
        match, reason = found
        cut = span.start + match.end()
        dropped.append(Dropped(Span(span.start, cut, text[span.start : cut]), reason))
        return trimmed(text, cut, span.end) or span

    @staticmethod
    def drop_headline(kept: list[Span], dropped: list[Dropped], title: str | None) -> list[Span]:
        """Remove the headline when a body follows it (see the module docstring for why)."""
        indices = headline_indices(kept, title)
        dropped.extend(Dropped(kept[i], "headline") for i in indices)
        return [span for i, span in enumerate(kept) if i not in indices]


class CleanStage:
    name = "clean"
    reads = ("article",)
    writes = ("blocks", "dropped")

    def __init__(self, boilerplate: Boilerplate):
        self.cleaner = Cleaner(boilerplate)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        blocks, dropped = self.cleaner.clean(doc.article.text, doc.article.title)
        return dataclasses.replace(doc, blocks=blocks, dropped=dropped)


def build(settings: Settings) -> CleanStage:
    return CleanStage(load_boilerplate(tuple(Path(p) for p in settings.knowledge_paths)))


def clean_text(text: str, title: str | None = None, extra: Iterable[Path] = ()) -> Cleaned:
    """Blocks and dropped parts of ``text`` with the bundled patterns (handy outside a pipeline)."""
    return Cleaner(load_boilerplate(tuple(extra))).clean(text, title)
