"""Stage `dates`: date expressions in each sentence, resolved against the publication date.

Reads: sentences
Writes: dates (one DateMention per expression: its span, start and end dates, ACLED time_precision,
        UCDP date_prec, and whether it was relative to the publication date)
Settings: knowledge_paths (extra ``date_expressions*.csv`` files)

Spans are found with the patterns of ``knowledge/date_expressions.csv`` (never by searching the whole
text with a date parser, which reads "We" as a Wednesday), then resolved: absolute dates with
dateparser, relative ones by the resolver the row names. Decisions:

- "on Monday" is the most recent Monday on or before publication; "last Monday" is strictly before.
- "last week" is the previous Monday-Sunday; "over the past week" the seven days up to publication.
- "since the start of the offensive" ends at publication; its start is unknown (``start=None``),
  to be filled from the campaign's own dates by whoever links the toll to its campaign.
- With no publication date, a full date at the very top of the text ("Published: 13 March 2013",
  "Updated: November 11, 2011 20:09 IST", a wire dateline "JOS, Nigeria, Jan 25, 2024 (AFP) -") stands in for it; with none there either, relative
  expressions stay unresolved (dates and precisions ``None``) and absolute dates resolve only when
  they carry a year. Today's date is never used.
- time_precision follows the span (1 one day, 2 up to a week, 3 longer) unless the row overrides it;
  date_prec follows UCDP (1 exact day, 2 two to six days, 3 a week, 4 a month, 5 more).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import dateparser

from ..knowledge import compile_for_lowered_text, lowered_text, read_rows
from ..numbers import word_to_int
from ..records import AnalyzedArticle, DateMention, Span
from ..settings import Settings
from .clean import Boilerplate, load_boilerplate, paragraphs

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365}
Resolved = tuple[dt.date | None, dt.date | None]
MACRO = re.compile(r"\{(\w+)\}")  # {month} in a pattern; regex repeats like {1,2} are left alone


@dataclass(frozen=True)
class DatePattern:
    name: str
    regex: re.Pattern
    resolver: str
    amount: int
    precision: int | None
    lowered: re.Pattern | None = None  # the same pattern for lower-cased text (several times faster)


def load_patterns(extra: Iterable[Path] = ()) -> list[DatePattern]:
    """Date patterns from the knowledge files, macros ({month}) expanded, in file order."""
    macros: dict[str, str] = {}
    patterns = []
    for row in read_rows("date_expressions", ("name", "kind", "pattern"), extra):
        text = MACRO.sub(lambda m: macros.get(m.group(1), m.group(0)), row["pattern"])
        if row["kind"] == "macro":
            macros[row["name"]] = text
            continue
        amount = int(row["amount"] or 0)
        precision = int(row["precision"]) if row["precision"] else None
        regex = re.compile(text, re.IGNORECASE)
        patterns.append(DatePattern(row["name"], regex, row["resolver"], amount, precision, compile_for_lowered_text(text)))
    return patterns


# --- resolvers: (match groups, amount, published) -> (start, end) --------------------------------


def _month_number(name: str) -> int:
    return dateparser.parse(f"1 {name.rstrip('.')} 2000", languages=["en"]).month


def _month_span(year: int, month: int) -> Resolved:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _minus_months(day: dt.date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 - months
    return index // 12, index % 12 + 1


def _count(groups: dict) -> int:
    return word_to_int(groups.get("n") or "one") or 1


def _unit(groups: dict) -> str:
    return groups["unit"].lower().rstrip("s")


def resolve_days_ago(groups: dict, amount: int, published: dt.date) -> Resolved:
    day = published - dt.timedelta(days=amount)
    return day, day


def resolve_weekday(groups: dict, amount: int, published: dt.date) -> Resolved:
    wanted = WEEKDAYS.index(groups["weekday"].lower())
    back = (published.weekday() - wanted) % 7 or (7 if amount else 0)
    day = published - dt.timedelta(days=back)
    return day, day


def resolve_ago(groups: dict, amount: int, published: dt.date) -> Resolved:
    count, unit = _count(groups), _unit(groups)
    if unit == "month":
        return _month_span(*_minus_months(published, count))
    if unit == "year":
        year = published.year - count
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    day = published - dt.timedelta(days=count * UNIT_DAYS[unit])
    return day, day


def resolve_last_week(groups: dict, amount: int, published: dt.date) -> Resolved:
    monday = published - dt.timedelta(days=published.weekday() + 7)
    return monday, monday + dt.timedelta(days=6)


def resolve_this_week(groups: dict, amount: int, published: dt.date) -> Resolved:
    monday = published - dt.timedelta(days=published.weekday())
    return monday, max(monday, published - dt.timedelta(days=amount))


def resolve_past_span(groups: dict, amount: int, published: dt.date) -> Resolved:
    count, unit = _count(groups), _unit(groups)
    if unit == "year":
        return published.replace(year=published.year - count), published
    if unit == "month":
        year, month = _minus_months(published, count)
        return dt.date(year, month, min(published.day, calendar.monthrange(year, month)[1])), published
    return published - dt.timedelta(days=count * UNIT_DAYS[unit]), published


def resolve_last_month(groups: dict, amount: int, published: dt.date) -> Resolved:
    return _month_span(*_minus_months(published, 1))


def resolve_this_month(groups: dict, amount: int, published: dt.date) -> Resolved:
    return published.replace(day=1), published


def resolve_last_year(groups: dict, amount: int, published: dt.date) -> Resolved:
    return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)


def resolve_this_year(groups: dict, amount: int, published: dt.date) -> Resolved:
    return dt.date(published.year, 1, 1), published


def resolve_since_start(groups: dict, amount: int, published: dt.date) -> Resolved:
    return None, published


def resolve_month(groups: dict, amount: int, published: dt.date | None) -> Resolved:
    month = _month_number(groups["month"])
    if groups.get("year"):
        return _month_span(int(groups["year"]), month)
    if published is None:
        return None, None
    year = published.year if month <= published.month else published.year - 1
    if amount:  # "in October last year": that many years before the publication's year
        year = published.year - amount
    return _month_span(year, month)


def resolve_year(groups: dict, amount: int, published: dt.date | None) -> Resolved:
    year = int(groups["year"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def resolve_absolute(groups: dict, amount: int, published: dt.date | None) -> Resolved:
    """A day and a month: dateparser, anchored on publication so a missing year is the latest past one."""
    if not groups.get("year") and published is None:
        return None, None
    month = groups.get("month") or groups.get("mon")
    text = f"{groups['day']} {month.rstrip('.')} {groups.get('year') or ''}".strip()
    base = dt.datetime.combine(published or dt.date(int(groups["year"]), 12, 31), dt.time())
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return (parsed.date(), parsed.date()) if parsed else (None, None)


RESOLVERS: dict[str, Callable[[dict, int, dt.date], Resolved]] = {
    name.removeprefix("resolve_"): func for name, func in globals().items() if name.startswith("resolve_")
}
# Resolvers that need no publication date (the others are relative to it).
ABSOLUTE = frozenset({"absolute", "month", "year"})
OVERRIDE_DATE_PREC = {1: 1, 2: 3, 3: 4}  # the UCDP date_prec an ACLED time_precision override implies


# --- precisions ---------------------------------------------------------------------------------


def time_precision(start: dt.date | None, end: dt.date | None) -> int | None:
    """ACLED: 1 one day, 2 within a week, 3 longer; an open start counts as longer."""
    if end is None:
        return None
    if start is None:
        return 3
    days = (end - start).days
    return 1 if days == 0 else 2 if days <= 7 else 3


def date_prec(start: dt.date | None, end: dt.date | None) -> int | None:
    """UCDP: 1 exact day, 2 two to six days, 3 a week, 4 a month, 5 more (or an open start)."""
    if end is None:
        return None
    if start is None:
        return 5
    days = (end - start).days + 1
    for limit, prec in ((1, 1), (6, 2), (8, 3), (31, 4)):
        if days <= limit:
            return prec
    return 5


# --- finding spans ------------------------------------------------------------------------------


def _finditer(pattern: DatePattern, text: str, lowered: str | None) -> Iterable[re.Match]:
    if lowered is None or pattern.lowered is None:
        yield from pattern.regex.finditer(text)
        return
    for hit in pattern.lowered.finditer(lowered):
        # resolvers read the words as written ("May" the month): match again on the original text
        match = pattern.regex.match(text, hit.start())
        if match is not None:
            yield match


def find_matches(text: str, patterns: list[DatePattern]) -> list[tuple[re.Match, DatePattern]]:
    """Non-overlapping matches: the longest wins, then the earliest row."""
    lowered = lowered_text(text)
    found = [(m, p, rank) for rank, p in enumerate(patterns) for m in _finditer(p, text, lowered)]
    found.sort(key=lambda item: (-(item[0].end() - item[0].start()), item[2]))
    kept: list[tuple[re.Match, DatePattern]] = []
    for match, pattern, _ in found:
        if all(match.end() <= k.start() or match.start() >= k.end() for k, _ in kept):
            kept.append((match, pattern))
    return sorted(kept, key=lambda item: item[0].start())


def resolve(match: re.Match, pattern: DatePattern, published: dt.date | None) -> tuple:
    """(start, end, time_precision, date_prec, relative) for one match."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    relative = pattern.resolver not in ABSOLUTE or not groups.get("year")
    if published is None and pattern.resolver not in ABSOLUTE:
        return None, None, None, None, True
    start, end = RESOLVERS[pattern.resolver](groups, pattern.amount, published)
    precision, prec = time_precision(start, end), date_prec(start, end)
    if pattern.precision and end is not None:  # "two weeks ago": one day, known only to the week
        precision = pattern.precision
        prec = max(prec, OVERRIDE_DATE_PREC[precision])
    return start, end, precision, prec, relative


class DatesStage:
    name = "dates"
    reads = ("sentences",)
    writes = ("dates",)  # and the article's publication date, when only its date line gives it

    def __init__(self, patterns: list[DatePattern], boilerplate: Boilerplate | None = None):
        self.patterns = patterns
        self.boilerplate = boilerplate  # its wire datelines ("JOS, Nigeria, Jan 25, 2024 (AFP) -") date the report

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        published = doc.article.published
        if isinstance(published, dt.datetime):
            published = published.date()
        if published is None:
            published = self.header_date(doc)
            if published is not None:  # the page's date line is the report's date for every later stage
                doc = replace(doc, article=replace(doc.article, published=published))
        datelines = self._datelines(doc.article.text)
        mentions = []
        for index, sentence in enumerate(doc.sentences):
            # "Updated: November 11, 2011 20:09 IST" and "JOS, Nigeria, Jan 25, 2024 (AFP) -" date the page, not an event
            matches = [(m, p) for m, p in find_matches(sentence.span.text, self.patterns)
                       if not _publication_line(doc, sentence.span, m)
                       and not any(a <= sentence.span.start + m.start() < b for a, b in datelines)]
            reported = _report_day(sentence.span.text, matches, published)
            for match, pattern in matches:
                start = sentence.span.start + match.start()
                span = Span(start, start + len(match.group()), match.group())
                # "killed 18 overnight, officials said Wednesday": the night before Wednesday, not before publication
                anchor = reported if reported and pattern.resolver in REPORT_RELATIVE else published
                mentions.append(DateMention(span, index, *resolve(match, pattern, anchor)))
        return replace(doc, dates=tuple(mentions))


    def header_date(self, doc: AnalyzedArticle) -> dt.date | None:
        """A day with its year in the first words of the article: the date line of a copied page (read
        from the raw text: cleaning drops "Posted: ..." lines as page furniture)."""
        for line in doc.article.text[:HEADER_CHARS].splitlines():
            for match, pattern in find_matches(line, self.patterns):
                if pattern.resolver in ABSOLUTE and match.groupdict().get("year") and _date_line(line, match):
                    start, end, *_ = resolve(match, pattern, None)
                    if start is not None and start == end:
                        return start
        for a, b in self._datelines(doc.article.text):
            for match, pattern in find_matches(doc.article.text[a:b], self.patterns):
                if pattern.resolver in ABSOLUTE and match.groupdict().get("year"):
                    start, end, *_ = resolve(match, pattern, None)
                    if start is not None and start == end:
                        return start
        return None

    def _datelines(self, text: str) -> list[tuple[int, int]]:
        """Where the wire datelines at the top of the text are: the clean stage's own dateline patterns."""
        if self.boilerplate is None:
            return []
        found = []
        for paragraph in paragraphs(text[:DATELINE_CHARS]):
            prefix = self.boilerplate.prefix(paragraph.text)
            if prefix and prefix[1] == "dateline":
                found.append((paragraph.start, paragraph.start + prefix[0].end()))
        return found


REPORT_VERB = re.compile(r"\b(?:said|says|told \w+|announced|reported|added|confirmed|stated)\s+(?:on\s+|late\s+|early\s+)?$", re.I)
REPORT_RELATIVE = frozenset({"days_ago"})  # "yesterday", "overnight", "today": relative to the day of the report


def _report_day(text: str, matches: list[tuple[re.Match, DatePattern]], published: dt.date | None) -> dt.date | None:
    """The day a sentence says its report was made ("officials said Wednesday"), when it names one."""
    for match, pattern in matches:
        if pattern.resolver in REPORT_RELATIVE or not REPORT_VERB.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        start, end, *_ = resolve(match, pattern, published)
        if start is not None and start == end:
            return start
    return None


HEADER_CHARS = 160  # a date line sits above or beside the headline, not in the story
DATELINE_CHARS = 400  # a wire dateline opens the story's first paragraph, under its headline
PUBLICATION_LINE_WORDS = 6  # besides its date, a page's date line holds a few words ("Updated", "IST")


def _publication_line(doc: AnalyzedArticle, sentence: Span, match: re.Match) -> bool:
    """A sentence at the top of the page that is little more than a date."""
    return sentence.start < HEADER_CHARS and _date_line(sentence.text, match)


def _date_line(text: str, match: re.Match) -> bool:
    """ "Updated: November 11, 2011 20:09 IST", "Friday, November 11, 2011": a date and a few page words."""
    rest = re.findall(r"[A-Za-z]+", text[: match.start()] + " " + text[match.end() :])
    if len(rest) > PUBLICATION_LINE_WORDS:
        return False
    # "Updated", "Posted on", "IST", "GMT": a page's words; "Fighting raged on Tuesday" is a story
    return not any(w.islower() for w in rest) or any(w.lower() in PUBLICATION_WORDS for w in rest)


PUBLICATION_WORDS = {"updated", "published", "posted", "modified", "last", "first", "date", "ist", "gmt", "utc", "est", "edt", "am", "pm"}


@lru_cache(maxsize=8)
def _cached_patterns(extra: tuple[Path, ...]) -> list[DatePattern]:
    return load_patterns(extra)


def build(settings: Settings) -> DatesStage:
    return DatesStage(_cached_patterns(tuple(settings.knowledge_paths)), load_boilerplate(tuple(settings.knowledge_paths)))
