"""Reading inputs: files, folders, feeds and JSONL -> Articles, with a reason for everything skipped.

>>> for item in read_inputs(["news/"], published=None):
...     print(item)   # Article, or Skipped(origin, reason, code), or Notice(origin, message, code)

What is read
1. A text file (.txt, .md), an HTML page (.html, .htm: main text by trafilatura; title, outlet from
   og:site_name, date from meta tags), an RSS/Atom feed (.xml, .rss, .atom, or sniffed: each entry an
   article), a JSONL file (one ``{"id", "text", "title"?, "published"?, "source"?, "url"?}`` a line),
   or a folder of any of these (recursive, in sorted order, hidden files ignored; in a folder, a file
   with another extension, e.g. .csv or .png, is skipped with W114; a file without one is sniffed).
2. Article ids: the JSONL ``id``; else the path relative to the folder given, or the file name for a
   file given directly; feed entries are ``<file id>#<entry id or number>``.
3. Publication date: JSONL field, meta tags or feed entry; else a date line near the top of the text.
   Outlet: JSONL/feed/og:site_name; else a wire dateline ("MOSUL (Rudaw) -"). The ``published`` and
   ``source`` arguments override both. No date anywhere stays None (never today's date).
   Title: JSONL/feed/HTML title; else the headline line the clean stage would drop.

Bad input never raises out of the iterator: it becomes a ``Skipped`` with a coded one-line reason
(W101..W112 in :mod:`wirecoder.errors`). An article read with a warning (legacy encoding, cut to
``max_chars``) is preceded by a ``Notice``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import W104, W109, W110, W114
from ..records import Article, Notice, Skipped
from ..stages.clean import Boilerplate, load_boilerplate
from .formats import SUFFIXES, Draft, InputFile, Item, read_any
from .metadata import date_from_text, headline_from_text, outlet_from_text

__all__ = ["read_inputs"]


@dataclass(frozen=True)
class Options:
    published: dt.date | None
    source: str | None
    max_chars: int
    boilerplate: Boilerplate


def read_inputs(
    paths: Iterable[str | Path] | str | Path,
    *,
    published: dt.date | None = None,
    source: str | None = None,
    max_chars: int = 200_000,
    knowledge_paths: Iterable[Path] = (),
) -> Iterator[Article | Skipped | Notice]:
    """Articles of every input, in order; a Skipped or Notice for what could not be read cleanly."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    options = Options(published, source, max_chars, load_boilerplate(tuple(knowledge_paths)))
    for path in paths:
        for file in input_files(Path(path)):
            yield from read_file(file, options) if isinstance(file, InputFile) else [file]


def input_files(path: Path) -> Iterator[InputFile | Skipped]:
    """The files of one input: itself, or a folder's files (recursive, sorted, hidden ones left out)."""
    try:
        if path.is_dir():
            yield from folder_files(path)
        elif path.is_file():
            yield InputFile(path, path.name)
        else:
            yield Skipped(str(path), W110.format(origin=path), "W110")
    except OSError as error:  # a name too long, a permission denied on the folder...
        yield Skipped(str(path), W109.format(origin=path, detail=error.strerror or error), "W109")


def folder_files(root: Path) -> Iterator[InputFile | Skipped]:
    found = []
    for path in root.rglob("*"):
        relative = path.relative_to(root)
        if not any(part.startswith(".") for part in relative.parts) and not path.is_dir():
            found.append((relative.as_posix(), path))
    for relative, path in sorted(found):
        if path.is_file() and path.suffix and path.suffix.lower() not in SUFFIXES:
            yield Skipped(str(path), W114.format(origin=path, suffix=path.suffix), "W114")
        elif path.is_file():
            yield InputFile(path, relative)
        elif path.is_symlink():
            yield Skipped(str(path), W109.format(origin=path, detail="broken link"), "W109")


def read_file(file: InputFile, options: Options) -> Iterator[Article | Skipped | Notice]:
    try:
        for item in read_any(file, options.max_chars):
            yield from finish(item, options) if isinstance(item, Draft) else [item]
    except OSError as error:
        yield Skipped(file.origin, W109.format(origin=file.origin, detail=error.strerror or error), "W109")
    except Exception as error:  # a parser bug on one file must not end the run over thousands
        detail = f"{type(error).__name__}: {error}"
        yield Skipped(file.origin, W109.format(origin=file.origin, detail=detail), "W109")


def finish(draft: Draft, options: Options) -> Iterator[Item | Article]:
    """Cut an over-long text (with a notice), fill title, date, outlet from the text, apply overrides."""
    text = draft.text
    if len(text) > options.max_chars:
        message = W104.format(origin=draft.origin, size=len(text), limit=options.max_chars)
        yield Notice(draft.origin, message, "W104")
        text = text[: options.max_chars]
    published = options.published or draft.published or date_from_text(text, options.boilerplate)
    source = options.source or draft.source or outlet_from_text(text, options.boilerplate)
    title = draft.title or headline_from_text(text, options.boilerplate)
    yield Article(id=draft.id, text=text, title=title, published=published, source=source, url=draft.url)
