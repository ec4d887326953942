"""One reader per input format. Each yields Drafts (an article before metadata is completed) and
Skipped/Notice records; none raises for bad content, only for I/O errors (handled by the caller).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from ..errors import W101, W102, W103, W105, W106, W107, W108, W111, W112, W113
from ..records import Notice, Skipped
from .decode import BinaryInput, decode, decode_line, looks_binary, read_head
from .metadata import parse_date

MARKUP_MAX_BYTES = 20_000_000  # HTML and feeds are parsed whole: cap what a parser is given
BYTES_PER_CHAR = 4  # UTF-8 worst case: read enough bytes for max_chars characters
BLOCK_TAGS = re.compile(r"(?i)<\s*/?\s*(?:p|div|br|li|h[1-6]|blockquote|tr|section|article|figure)\b[^>]*>")
ANY_TAG = re.compile(r"<[^>]*>")
FEED_ROOT = re.compile(r"(?i)<(?:rss|feed|rdf:rdf)\b")


@dataclass(frozen=True)
class InputFile:
    path: Path
    article_id: str  # relative to the input root, or the file name

    @property
    def origin(self) -> str:
        return str(self.path)


@dataclass
class Draft:
    """Fields of an article as the format gives them; ``origin`` names it in warnings."""

    id: str
    text: str
    origin: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None


Item = Draft | Skipped | Notice
TooLong = tuple[str, str, int]


def skipped(template: str, code: str, **values: object) -> Skipped:
    return Skipped(str(values["origin"]), template.format(**values), code)


def notice(template: str, code: str, **values: object) -> Notice:
    return Notice(str(values["origin"]), template.format(**values), code)


def read_decoded(file: InputFile, limit: int, too_long: TooLong) -> Iterator[Skipped | Notice | str]:
    """The file's text (last item), after any notice; a Skipped instead when it is empty or binary.

    ``too_long`` is the (template, code, limit shown) of the notice for a file over ``limit`` bytes.
    """
    raw = read_head(file.path, limit)
    if not raw.data.strip():
        yield skipped(W101, "W101", origin=file.origin)
        return
    try:
        text, encoding = decode(raw.data, raw.truncated)
    except BinaryInput:
        yield skipped(W102, "W102", origin=file.origin)
        return
    if encoding not in ("utf-8", "utf-8-sig", "ascii"):
        yield notice(W103, "W103", origin=file.origin, encoding=encoding)
    if raw.truncated:
        template, code, shown_limit = too_long
        yield notice(template, code, origin=file.origin, size=raw.size, limit=shown_limit)
    yield text


def read_text(file: InputFile, max_chars: int) -> Iterator[Item]:
    """A plain text file; a huge one is read only up to what ``max_chars`` needs."""
    cut = False
    for item in read_decoded(file, max_chars * BYTES_PER_CHAR, (W111, "W111", max_chars)):
        if isinstance(item, str):
            yield Draft(file.article_id, item[:max_chars] if cut else item, file.origin)
        else:
            cut = cut or item.code == "W111"
            yield item


def markup_text(file: InputFile) -> Iterator[Skipped | Notice | str]:
    return read_decoded(file, MARKUP_MAX_BYTES, (W113, "W113", MARKUP_MAX_BYTES))


def read_html(file: InputFile, max_chars: int) -> Iterator[Item]:
    for item in markup_text(file):
        if not isinstance(item, str):
            yield item
            continue
        draft = html_article(item, file)
        yield draft if draft else skipped(W108, "W108", origin=file.origin)


def html_article(html: str, file: InputFile) -> Draft | None:
    """Main text and metadata of a web page (trafilatura, offline); None when there is no text."""
    import trafilatura  # slow to import: only when an HTML file turns up

    try:
        page = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception:  # a parser crash on broken markup is "no readable text", not a failed run
        return None
    if page is None or not (page.text or "").strip():
        return None
    published = meta_date(html)
    return Draft(file.article_id, page.text, file.origin, page.title, published, page.sitename, page.url)


def meta_date(html: str) -> dt.date | None:
    """Publication date from the page's meta tags only: no guessing from copyright lines or today."""
    from htmldate import find_date

    try:
        return parse_date(find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate on malformed markup: no date rather than no article
        return None


def html_to_text(html: str) -> str:
    """Text of an HTML fragment (a feed entry), one paragraph per block element."""
    text = unescape(ANY_TAG.sub("", BLOCK_TAGS.sub("\n\n", html)))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def read_feed(file: InputFile, max_chars: int) -> Iterator[Item]:
    import feedparser

    for item in markup_text(file):
        if not isinstance(item, str):
            yield item
            continue
        feed = feedparser.parse(item)
        yield from feed_entries(feed, file)


def feed_entries(feed, file: InputFile) -> Iterator[Item]:
    problem = feed_problem(feed)
    if not feed.entries:
        yield skipped(W107, "W107", origin=file.origin, detail=problem or "no entries", count=0)
        return
    if problem:
        yield notice(W107, "W107", origin=file.origin, detail=problem, count=len(feed.entries))
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, start=1):
        yield feed_entry(entry, number, outlet, file)


def feed_problem(feed) -> str | None:
    if not feed.get("bozo"):
        return None
    error = feed.get("bozo_exception")
    if type(error).__name__ == "CharacterEncodingOverride":  # declared vs actual encoding: harmless
        return None
    return str(error).splitlines()[0] if error else "parse error"


def feed_entry(entry, number: int, outlet: str | None, file: InputFile) -> Item:
    origin = f"{file.origin}#{number}"
    contents = entry.get("content") or []
    html = contents[0].get("value", "") if contents else entry.get("summary", "")
    text = html_to_text(html or "")
    if not text:
        return skipped(W112, "W112", origin=origin, entry=number)
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    return Draft(
        id=f"{file.article_id}#{entry.get('id') or number}",
        text=text,
        origin=origin,
        title=entry.get("title") or None,
        published=dt.date(*published[:3]) if published else None,
        source=outlet,
        url=web_link(entry.get("link")),
    )


def web_link(value: object) -> str | None:
    """Only a web address: Atom gives ``urn:`` ids as links when an entry has none."""
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def read_jsonl(file: InputFile, max_chars: int) -> Iterator[Item]:
    """One article per line; a bad line is reported and skipped, the rest are kept."""
    with open(file.path, "rb") as handle:
        head = handle.read(1024 * 64)
        if not head.strip():
            yield skipped(W101, "W101", origin=file.origin)
            return
        if looks_binary(head):
            yield skipped(W102, "W102", origin=file.origin)
            return
        handle.seek(0)
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield from jsonl_line(line, number, file)


def jsonl_line(line: bytes, number: int, file: InputFile) -> Iterator[Item]:
    origin = f"{file.origin}:{number}"
    text, encoding = decode_line(line)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        yield skipped(W105, "W105", origin=file.origin, line=number, detail=error.msg)
        return
    if not isinstance(record, dict) or not valid_id(record.get("id")) or not text_field(record):
        yield skipped(W106, "W106", origin=file.origin, line=number)
        return
    if encoding != "utf-8":
        yield notice(W103, "W103", origin=origin, encoding=encoding)
    yield Draft(
        id=str(record["id"]),
        text=record["text"],
        origin=origin,
        title=optional_text(record.get("title")),
        published=parse_date(record.get("published")),
        source=optional_text(record.get("source")),
        url=optional_text(record.get("url")),
    )


def valid_id(value: object) -> bool:
    return isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip() != ""


def text_field(record: dict) -> bool:
    return isinstance(record.get("text"), str) and bool(record["text"].strip())


def optional_text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def sniff_format(file: InputFile) -> str:
    """For a file without a known extension: feed, html, jsonl or text, from its first bytes."""
    head = read_head(file.path, 4096).data.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed"):
        return "feed" if FEED_ROOT.search(head.decode("latin-1")) else "html"
    if head.startswith((b"<!doctype html", b"<html")):
        return "html"
    if head.startswith(b"{") and head.split(b"\n", 1)[0].rstrip().endswith(b"}"):
        return "jsonl"
    return "text"


READERS = {"text": read_text, "html": read_html, "feed": read_feed, "jsonl": read_jsonl}
SUFFIXES = {
    ".txt": "text", ".md": "text", ".text": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}  # fmt: skip


def read_any(file: InputFile, max_chars: int) -> Iterator[Item]:
    kind = SUFFIXES.get(file.path.suffix.lower()) or sniff_format(file)
    yield from READERS[kind](file, max_chars)

