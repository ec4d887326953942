"""The offline gazetteer: GeoNames places by name, robust to transliteration.

>>> gazetteer = Gazetteer.default(Settings())
>>> [p.name for p in gazetteer.candidates("Hajeen", countries=("SY",))]
['Hajin']

Lookups try, in order: the user's variants (``place_variants*.csv``), the exact key anywhere, then the
loose key within the article's countries only (never forcing an unknown name onto a far-away
look-alike). The embedded index is built once into ``Settings.cache_dir``; places imported from GeoNames
dumps live in a separate user index beside it.
"""

from __future__ import annotations

import sqlite3
import threading
from difflib import SequenceMatcher
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..knowledge import read_rows
from ..records import Place
from ..settings import Settings
from . import embedded
from .index import build_atomically, connect, ensure_indexes, lookup_rows, to_place
from .names import exact_key, loose_key

MIN_LOOSE_KEY = 3
LONG_NAME = 6  # letters from which a name is looked for by a loose key shorter than MIN_LOOSE_KEY (in its countries)
MIN_SIMILARITY = 0.7  # difflib ratio of exact keys for a loose match: Hajeen/Hajin 0.73, Buratai/Burutu 0.62
TOWN_FOR_SHAPE = 1_000  # towns this large draw the shape of a country, for "northern Nigeria"
_build_lock = threading.Lock()


def embedded_path(settings: Settings) -> Path:
    return Path(settings.cache_dir) / f"gazetteer-{embedded.VERSION}.sqlite"


def user_path(settings: Settings) -> Path:
    return Path(settings.cache_dir) / "gazetteer-user.sqlite"


def ensure_embedded(settings: Settings) -> Path:
    path = embedded_path(settings)
    with _build_lock:
        if not path.exists():
            build_atomically(path, embedded.fill)
            for stale in path.parent.glob("gazetteer-embedded-*.sqlite"):
                if stale != path:
                    stale.unlink(missing_ok=True)  # an index of an older version is never read again
    return path


class Gazetteer:
    def __init__(self, paths: Iterable[Path], knowledge_paths: Iterable[Path] = ()):
        self.dbs: list[sqlite3.Connection] = [connect(p, readonly=True) for p in paths if Path(p).exists()]
        self.variants = _variants(tuple(knowledge_paths))
        self._found: dict[tuple, tuple[Place, ...]] = {}  # news repeats its place names: look each up once

    @classmethod
    def default(cls, settings: Settings) -> "Gazetteer":
        return _default(settings)

    def candidates(self, name: str, countries: Iterable[str] = ()) -> list[Place]:
        countries = tuple(sorted(set(countries)))
        exact = exact_key(name)
        if not exact:
            return []
        variant = self.variant(name)
        if variant:
            found = self._rows("exact", exact_key(variant[0]), (variant[1],)) or self._rows("loose", loose_key(variant[0]), (variant[1],))
            if variant[2]:  # "Wash." is the state
                found = [p for p in found if p.feature == variant[2]] or found
            if found:
                return _named_towns_first(found, variant[0])
        found = self._rows("exact", exact, ())
        if found or not countries:
            return found
        return self.look_alikes(name, countries)

    def variant(self, name: str) -> tuple[str, str, str, bool] | None:
        """The variants file's row for a name; an abbreviation only as written, dot and all ("Miss." is
        Mississippi, "Miss" a title)."""
        found = self.variants.get(exact_key(name))
        return found if found and (not found[3] or name.rstrip().endswith(".")) else None

    def is_abbreviation(self, name: str) -> bool:
        found = self.variants.get(exact_key(name))
        return bool(found and found[3])

    def named(self, name: str, place: Place) -> bool:
        """Whether ``name`` is one of the place's own names (or a variant of one), not a look-alike."""
        return any(p.geonameid == place.geonameid for p in self.candidates(name, ()))

    def look_alikes(self, name: str, countries: Iterable[str], similarity: float = MIN_SIMILARITY) -> list[Place]:
        """Places of these countries (any, if none given) spelled like ``name`` give or take
        transliteration (Hajeen/Hajin)."""
        countries = tuple(countries)
        loose = loose_key(name)
        # "Hawija" keeps only "hj" once its vowels go: a name that long is still worth looking for in the
        # story's countries, never in the whole world (Masisi would be Cuba's Maisi)
        if len(loose) < MIN_LOOSE_KEY and (len(exact_key(name)) < LONG_NAME or not countries):
            return []
        # the loose key finds look-alikes; keep those still spelled mostly alike (not Buratai/Burutu)
        return [p for p in self._rows("loose", loose, tuple(sorted(set(countries))))
                if spelled_alike(name, p.name, similarity) and not _nisba_of(name, p.name)]

    def get(self, geonameid: int) -> Place | None:
        for db in reversed(self.dbs):
            row = db.execute("SELECT * FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
            if row:
                return to_place(row)
        return None

    def admin1(self, iso3: str, admin1: str) -> Place | None:
        for db in self.dbs:
            row = db.execute("SELECT * FROM places WHERE iso3 = ? AND admin1 = ? AND feature = 'admin1'", (iso3, admin1)).fetchone()
            if row:
                return to_place(row)
        return None

    def country(self, cc: str) -> Place | None:
        """The country with this ISO alpha-2 code."""
        for db in self.dbs:
            row = db.execute("SELECT * FROM places WHERE cc = ? AND feature = 'country' LIMIT 1", (cc,)).fetchone()
            if row:
                return to_place(row)
        return None

    def country_code(self, iso3: str) -> str | None:
        for db in self.dbs:
            row = db.execute("SELECT cc FROM places WHERE iso3 = ? LIMIT 1", (iso3,)).fetchone()
            if row:
                return row[0]
        return None

    def _rows(self, column: str, key: str, countries: tuple[str, ...]) -> list[Place]:
        wanted = (column, key, countries)
        if wanted not in self._found:
            if len(self._found) > FOUND_CACHE:
                self._found.clear()
            places: dict[int, Place] = {}
            for db in self.dbs:  # the user's index last: its entries replace the embedded ones
                for row in lookup_rows(db, column, key, countries):
                    places[row[0]] = to_place(row)
            self._found[wanted] = tuple(places.values())
        return list(self._found[wanted])

    def town_points(self, cc: str, admin1: str | None = None) -> list[tuple[float, float]]:
        """Where a country's (or province's) towns of some size lie: the shape of it, for "northern Nigeria"."""
        wanted = ("points", cc, admin1)
        if wanted not in self._found:
            query = "SELECT latitude, longitude FROM places WHERE cc = ? AND feature = 'city' AND population >= ?"
            arguments: tuple = (cc, TOWN_FOR_SHAPE)
            if admin1 is not None:
                query, arguments = query + " AND admin1 = ?", arguments + (admin1,)
            self._found[wanted] = tuple(point for db in self.dbs for point in db.execute(query, arguments))
        return list(self._found[wanted])

    def largest_town(self, cc: str, admin1: str) -> Place | None:
        """A province's largest town: most often its capital, which GeoNames' small-town data does not mark."""
        wanted = ("largest", cc, admin1)
        if wanted not in self._found:
            rows = [row for db in self.dbs for row in db.execute(
                "SELECT * FROM places WHERE cc = ? AND admin1 = ? AND feature = 'city' ORDER BY population DESC LIMIT 1", (cc, admin1))]
            self._found[wanted] = tuple(to_place(r) for r in sorted(rows, key=lambda r: -(r[10] or 0))[:1])
        found = self._found[wanted]
        return found[0] if found else None

    def stats(self) -> list[tuple[str, int, int]]:
        return [
            (db.execute("PRAGMA database_list").fetchone()[2], db.execute("SELECT count(*) FROM places").fetchone()[0], db.execute("SELECT count(*) FROM names").fetchone()[0])
            for db in self.dbs
        ]


def _named_towns_first(places: list[Place], name: str) -> list[Place]:
    """ "Md." means Maryland, not Maryland City, which GeoNames also calls "Maryland": when some town
    bears the name itself, towns that only list it among other names go."""
    key = exact_key(name)
    if not any(p.feature == "city" and exact_key(p.name) == key for p in places):
        return [p for p in places if p.feature != "city"] or places
    return [p for p in places if p.feature != "city" or exact_key(p.name) == key]


def spelled_alike(name: str, other: str, similarity: float = MIN_SIMILARITY) -> bool:
    """Two names spelled mostly alike once articles and punctuation are gone (Hajeen/Hajin 0.73)."""
    return spelling_similarity(name, other) >= similarity


@lru_cache(maxsize=100_000)  # the same names meet the same candidates article after article
def spelling_similarity(name: str, other: str) -> float:
    return SequenceMatcher(None, exact_key(name), exact_key(other)).ratio()


def _nisba_of(name: str, place: str) -> bool:
    """ "al-Baghdadi" is "the one from Baghdad" (a surname, a town of Anbar), not Baghdad itself."""
    return exact_key(name) == exact_key(place) + "i"


FOUND_CACHE = 50_000  # lookups remembered per gazetteer before the memory is cleared


@lru_cache(maxsize=4)
def _default(settings: Settings) -> Gazetteer:
    user = user_path(settings)
    if user.exists():
        ensure_indexes(user)
    return Gazetteer([ensure_embedded(settings), user], settings.knowledge_paths)


@lru_cache(maxsize=4)
def _variants(extra: tuple[Path, ...]) -> dict[str, tuple[str, str, str, bool]]:
    rows = read_rows("place_variants", ("variant", "name", "country"), extra)
    # an abbreviation with no other dot in it ("Miss.", "Ill.", not "U.S." nor "D.C.") must keep its dot
    return {exact_key(r["variant"]): (r["name"], r["country"], r["feature"], _abbreviation(r["variant"])) for r in rows}


def _abbreviation(variant: str) -> bool:
    return variant.endswith(".") and variant.count(".") == 1 and " " not in variant
