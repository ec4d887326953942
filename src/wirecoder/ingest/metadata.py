"""Publication date, outlet and headline read from the article text itself, when no field gives them.

The date line ("October 5, 2018 at 1:44 pm", "12 March 2019") and the wire dateline
("MOSUL (Rudaw) -") are recognised by the ``date`` and ``dateline`` patterns of
``knowledge/boilerplate.csv``, the same ones the clean stage drops, so the two never disagree.
Only a line that *is* a date is parsed: searching the whole text finds false dates.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from ..stages.clean import Boilerplate, Cleaner, paragraphs

TOP_CHARS = 3000  # the date line and the dateline sit near the top
TOP_PARAGRAPHS = 8
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATEPARSER_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
MAX_LEAD_WORDS = 6  # "Last updated on", "By Name Surname |" before the date itself


def top_paragraphs(text: str) -> list[str]:
    return [span.text for span in paragraphs(text[:TOP_CHARS])[:TOP_PARAGRAPHS]]


def date_from_text(text: str, boilerplate: Boilerplate) -> dt.date | None:
    """The date of the first date line near the top of the text, or None."""
    for paragraph in top_paragraphs(text):
        if boilerplate.is_date_line(paragraph):
            found = parse_date(paragraph)
            if found:
                return found
    return None


def outlet_from_text(text: str, boilerplate: Boilerplate) -> str | None:
    """The outlet named in a wire dateline such as "DEIR AL-ZOR (Kurdistan 24) -"."""
    for paragraph in top_paragraphs(text):
        found = boilerplate.prefix(paragraph)
        if found and found[0].groupdict().get("outlet"):
            return " ".join(found[0].group("outlet").split())
    return None


def headline_from_text(text: str, boilerplate: Boilerplate) -> str | None:
    """The line the clean stage takes for the headline (short, first, followed by a body), if any."""
    _, dropped = Cleaner(boilerplate).clean(text[:TOP_CHARS])
    return next((part.span.text for part in dropped if part.reason == "headline"), None)


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO string, a date line, a datetime or a date; None when it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    iso = ISO_DATE.search(value)
    if iso:
        return iso_date(*iso.groups())
    return parse_words(value.strip())


def iso_date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


@lru_cache(maxsize=1024)
def parse_words(line: str) -> dt.date | None:
    """dateparser on the line, dropping up to a few lead words ("Published on") it cannot read."""
    import dateparser  # slow to import: only when a text carries a date line

    words = line.split()
    for skip in range(min(MAX_LEAD_WORDS, len(words) - 1) + 1):
        found = dateparser.parse(" ".join(words[skip:]), languages=["en"], settings=DATEPARSER_SETTINGS)
        if found:
            return found.date()
    return None
