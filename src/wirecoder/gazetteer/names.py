"""Name keys that survive transliteration: "Hajeen" and "Hajin", "Deir al-Zor" and "Deir ez-Zor".

Two keys per name. The *exact* key is lower-case ASCII with Arabic articles, spaces and punctuation
removed; it is trusted anywhere. The *loose* key also rewrites letter groups (kh/h, q/k, dh/th/z) and
drops vowels after the first letter; it finds many look-alikes, so it is used only within the
countries an article is about. The rules are data: ``knowledge/place_spelling.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unidecode import unidecode

from ..knowledge import read_rows

VOWELS = re.compile(r"(?<=.)[aeiouyw]+")
DOUBLES = re.compile(r"(.)\1+")
TA_MARBUTA = re.compile(r"(?<=[aeiou])h\b")
NOT_LETTER = re.compile(r"[^a-z ]+")
# GeoNames lists airport and station codes among a town's names: "ADU" is Ardabil, "1A" a ward number
CODE_LIKE = re.compile(r"^(?:[A-Z]{1,4}|.*\d.*)$")


def other_names(main: str, alternates: Iterable[str]) -> list[str]:
    """A town's own name, even "Hit", and those of its other names that are not codes."""
    return [main, *(n for n in alternates if n and not CODE_LIKE.match(n))]


@dataclass(frozen=True)
class SpellingRules:
    articles: frozenset[str]
    replace: tuple[tuple[str, str], ...]
    loose: tuple[tuple[str, str], ...]
    word: tuple[tuple[str, str], ...] = ()  # whole words: "St" is "Saint" ("St. Petersburg"), not "st" of "Aleppo West"


@lru_cache(maxsize=4)
def spelling_rules(extra: tuple[Path, ...] = ()) -> SpellingRules:
    rows = list(read_rows("place_spelling", ("kind", "from"), extra))
    return SpellingRules(
        articles=frozenset(r["from"] for r in rows if r["kind"] == "article"),
        replace=tuple((r["from"], r["to"]) for r in rows if r["kind"] == "replace"),
        loose=tuple((r["from"], r["to"]) for r in rows if r["kind"] == "loose"),
        word=tuple((r["from"], r["to"]) for r in rows if r["kind"] == "word"),
    )


def words(name: str) -> list[str]:
    text = unidecode(name).lower().replace("'", "").replace("`", "")
    return NOT_LETTER.sub(" ", text).split()


def _without_articles(name: str, rules: SpellingRules) -> str:
    """Words joined by spaces, Arabic articles dropped (unless the name is nothing else), rewrites applied."""
    rewrite = dict(rules.word)
    text = " ".join([rewrite.get(w, w) for w in words(name) if w not in rules.articles] or words(name))
    for old, new in rules.replace:
        text = text.replace(old, new)
    return text


def exact_key(name: str, rules: SpellingRules | None = None) -> str:
    if rules is None:  # the common case: every toponym of every article, many of them the same names
        return _default_exact_key(name)
    return _without_articles(name, rules).replace(" ", "")


@lru_cache(maxsize=50_000)
def _default_exact_key(name: str) -> str:
    return _without_articles(name, spelling_rules()).replace(" ", "")


def loose_key(name: str, rules: SpellingRules | None = None) -> str:
    if rules is None:
        return _default_loose_key(name)
    return _loose_key(name, rules)


@lru_cache(maxsize=50_000)
def _default_loose_key(name: str) -> str:
    return _loose_key(name, spelling_rules())


def _loose_key(name: str, rules: SpellingRules) -> str:
    text = TA_MARBUTA.sub("", _without_articles(name, rules))
    for old, new in rules.loose:
        text = text.replace(old, new)
    text = "".join(VOWELS.sub("", part) for part in text.split())
    return DOUBLES.sub(r"\1", text)


def keys(names: Iterable[str]) -> set[tuple[str, str]]:
    rules = spelling_rules()
    return {(exact_key(n, rules), loose_key(n, rules)) for n in names if n and exact_key(n, rules)}
