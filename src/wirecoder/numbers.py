"""Numbers of people written in text: "1,200", "twenty-five", "at least 13", "between 10 and 15", "dozens".

:class:`QuantityFinder` finds quantity phrases in a sentence and reads them as ``low``/``best``/``high``
following ``knowledge/count_words.csv``. Conventions (ACLED's conservative coding, UCDP's range):

- "at least 13", "more than 100" -> low = best = the number, high unknown
- "up to 40", "as many as 40" -> best = high = 40, low unknown; "nearly 50" likewise
- "about 30" -> low = best = high = 30
- "between 10 and 15", "10 to 15" -> low 10, best 10 (the conservative figure), high 15
- vague words ("several", "dozens") -> low = best = the value the CSV gives, high unknown

:func:`add_up` sums the counts of one event; :func:`largest_total` gives an article's biggest
per-sentence sum (what a benchmark scoring "the event with the most deaths" needs).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from text_to_num import text2num

from .knowledge import read_rows
from .records import CountMention

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety"
).split()
SCALES = ("hundred", "thousand", "million")
_WORD = r"(?:%s)" % "|".join(UNITS + list(SCALES))
NUMBER_WORDS = rf"\b{_WORD}(?:(?:\s+|-)(?:and\s+)?{_WORD})*\b"
DIGITS = r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?(?:\s+(?:million|thousand))?\b"
# What follows a number that is not a count of people: ages, times, distances, shares, dates.
NOT_A_COUNT = re.compile(
    r"^(?:-year|\s*years?[- ]old|-?\s*(?:%|percent|per cent|pm\b|am\b|a\.m\.|p\.m\.|gmt\b|km\b|kilomet|miles?\b"
    r"|met(?:er|re)s?\b|hours?\b|minutes?\b|o'clock|:\d|-member|-strong|\s*block\b|-?\s*(?:foot|feet|mm|caliber|calibre)\b|(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))",
    re.IGNORECASE,
)


def word_to_int(text: str) -> int | None:
    """'1,200' -> 1200, 'twenty-five' -> 25, 'a hundred' -> 100, '2 million' -> 2000000; None if not a number."""
    text = text.strip().lower().replace(",", "")
    if text in ("a", "an"):
        return 1
    text = re.sub(r"^an? (?=hundred|thousand|million)", "one ", text)
    head, _, scale = text.partition(" ")
    if head.replace(".", "", 1).isdigit():
        multiplier = {"": 1, "thousand": 1000, "million": 1_000_000}.get(scale, 1)
        return int(float(head) * multiplier)
    try:
        return text2num(text, "en")
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    """A number of people as written: offsets relative to the searched text."""

    start: int
    end: int
    text: str
    low: int | None
    best: int | None
    high: int | None
    vague: bool = False
    subset: bool = False  # "including five children": part of a count already given
    article: bool = False  # "a"/"an": one, but only where a victim noun and a casualty word follow


@dataclass(frozen=True)
class CountWords:
    vague: dict[str, int]
    exact: dict[str, int]
    bounds: dict[str, str]  # qualifier -> low | high | approx | below
    subsets: tuple[str, ...]
    things: tuple[str, ...] = ()  # nouns that are not people: "800 cattle"


def load_count_words(extra: Iterable[Path] = ()) -> CountWords:
    vague, exact, bounds, subsets, things = {}, {}, {}, [], []
    for row in read_rows("count_words", ("phrase", "kind"), extra):
        phrase = row["phrase"].lower()
        if row["kind"] == "vague":
            vague[phrase] = int(row["value"])
        elif row["kind"] == "exact":
            exact[phrase] = int(row["value"])
        elif row["kind"] == "qualifier":
            bounds[phrase] = row["bound"]
        elif row["kind"] == "subset":
            subsets.append(phrase)
        elif row["kind"] == "thing":
            things.append(phrase)
    return CountWords(vague, exact, bounds, tuple(subsets), tuple(things))


def _alternatives(phrases: Iterable[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)  # longest first: "tens of thousands of" before "tens of"
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def bounds_for(number: int, bound: str | None) -> tuple[int | None, int | None, int | None]:
    """(low, best, high) for a number under a qualifier."""
    if bound == "low":
        return number, number, None
    if bound in ("high", "below"):
        return None, number, number
    return number, number, number if bound == "approx" else None


class QuantityFinder:
    """Finds quantity phrases; built once from the count words."""

    def __init__(self, words: CountWords):
        self.words = words
        number = rf"(?:{_alternatives(words.exact)}|{DIGITS}|{NUMBER_WORDS})"
        qualifier = rf"(?:(?P<qual>{_alternatives(words.bounds)})\s+)?"
        self.pattern = re.compile(
            rf"\b(?:between\s+(?P<lo>{number})\s+and\s+(?P<hi>{number})"
            rf"|{qualifier}(?P<num>{number})(?:\s*(?:-|to|or)\s*(?P<num2>{number}))?"
            rf"|(?P<vague>{_alternatives(words.vague)})(?!\s+(?:of\s+)?\d)"
            rf"|(?P<article>an?)\s)",
            re.IGNORECASE,
        )
        self.subset = re.compile(rf"(?:{_alternatives(words.subsets)})\s*,?\s*$", re.IGNORECASE)
        things = _alternatives(words.things) or "(?!)"
        self.thing = re.compile(rf"^(?:\s+[\w-]+)?\s+(?:{things})\b", re.IGNORECASE)

    def find(self, text: str) -> list[Quantity]:
        found = []
        for match in self.pattern.finditer(text):
            quantity = self._read(match, text)
            if quantity is not None:
                found.append(quantity)
        return found

    def _read(self, match: re.Match, text: str) -> Quantity | None:
        groups = match.groupdict()
        end = match.end("article") if groups["article"] else match.end()
        if NOT_A_COUNT.match(text[end:]) or self.thing.match(text[end:]) or _is_year(groups.get("num")):
            return None
        if _is_age(text, match.start(), end):
            return None
        low, best, high = self._values(groups)
        if best is None:
            return None
        subset = bool(self.subset.search(text[: match.start()]))
        return Quantity(match.start(), end, text[match.start() : end], low, best, high,
                        vague=bool(groups["vague"]), subset=subset, article=bool(groups["article"]))

    def _values(self, groups: dict) -> tuple[int | None, int | None, int | None]:
        if groups["vague"]:
            value = self.words.vague[re.sub(r"\s+", " ", groups["vague"].lower())]
            return value, value, None
        if groups["article"]:
            return 1, 1, 1
        if groups["lo"]:
            low, high = word_to_int(groups["lo"]), word_to_int(groups["hi"])
            return low, low, high
        number = self._number(groups["num"])
        if number is None:
            return None, None, None
        if groups["num2"]:
            return number, number, self._number(groups["num2"])
        qualifier = re.sub(r"\s+", " ", (groups["qual"] or "").lower())
        return bounds_for(number, self.words.bounds.get(qualifier))

    def _number(self, text: str) -> int | None:
        key = re.sub(r"\s+", " ", text.lower())
        return self.words.exact.get(key) or word_to_int(text)


def _is_year(text: str | None) -> bool:
    """A bare four-digit 19xx/20xx is a year far more often than a count of people."""
    return bool(text) and re.fullmatch(r"(?:19|20)\d\d", text) is not None


def _is_age(text: str, start: int, end: int) -> bool:
    """"Jonathan Reyes, 32, died", "then 18": a number set off by commas after a name is an age."""
    if re.search(r"\b(?:then|aged?)\s+$", text[:start], re.IGNORECASE):
        return True
    return bool(re.search(r"[A-Z][\w'’-]+\s*,\s*$", text[:start]) and re.match(r"\s*[,)\-–—]", text[end:]))


# --- adding counts up -------------------------------------------------------------------------


@dataclass(frozen=True)
class Totals:
    """Counts added up: low/best/high, and best per side (None for counts whose side is unknown)."""

    low: int
    best: int
    high: int | None
    by_side: dict[str | None, int]


def add_up(counts: Iterable[CountMention]) -> Totals:
    """Sum counts of one event ("two soldiers and three militants were killed" -> 5). A missing low
    counts as its best figure; the high is known only when every count has one."""
    counts = list(counts)
    by_side: dict[str | None, int] = {}
    for count in counts:
        by_side[count.side] = by_side.get(count.side, 0) + (count.best or 0)
    highs = [c.high for c in counts]
    high = sum(highs) if counts and None not in highs else None
    low = sum(c.low if c.low is not None else (c.best or 0) for c in counts)
    return Totals(low, sum(c.best or 0 for c in counts), high, by_side)


def largest_total(counts: Iterable[CountMention], kind: str = "killed", scope: str = "event") -> Totals | None:
    """The biggest per-sentence sum of one kind: repeated mentions of one figure are not added up."""
    by_sentence: dict[int, list[CountMention]] = {}
    for count in counts:
        if count.kind == kind and count.scope == scope:
            by_sentence.setdefault(count.sentence, []).append(count)
    totals = [add_up(group) for group in by_sentence.values()]
    return max(totals, key=lambda t: t.best, default=None)
