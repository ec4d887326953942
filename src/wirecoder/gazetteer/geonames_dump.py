"""Import GeoNames dumps a user downloaded (``allCountries.txt``, ``SY.txt``, ``alternateNamesV2.txt``).

The embedded index stops at places of 500 people; villages below it (Baghuz, Dashisha, Al-Shafah)
need GeoNames' full dumps. Files are streamed line by line (allCountries.txt is 1.5 GB), populated
places, admin areas and the sites and areas events happen at (airports, camps, islands, mountains: the
codes of ``knowledge/geonames_features.csv``) are kept, and the names of ``alternateNamesV2.txt`` are
added to places already in either index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from unidecode import unidecode

from ..errors import W202, KnowledgeError, WirecoderError
from ..knowledge import read_rows
from .index import INDEXES, connect, write_places
from .names import keys, other_names

KINDS = ("city", "admin1", "admin2", "country", "site", "area", "region")
BATCH = 5000


def load_features(extra: Iterable[Path] = ()) -> dict[str, str]:
    """GeoNames feature code (or class letter) -> the kind of place it becomes, from ``geonames_features*.csv``."""
    features = {}
    for row in read_rows("geonames_features", ("code", "kind"), extra):
        if row["kind"] not in KINDS:
            raise KnowledgeError(W202.format(path=f"{row.path}:{row.line}", column="kind", value=row["kind"], expected=" | ".join(KINDS)), "W202")
        features[row["code"]] = row["kind"]
    return features


def _feature(feature_class: str, feature_code: str, features: dict[str, str]) -> str | None:
    return features.get(feature_code) or features.get(feature_class)


def _lines(path: Path) -> Iterator[list[str]]:
    with open(path, encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if line.startswith("#") or not line.strip():
                continue
            yield [number, *line.rstrip("\n").split("\t")]


def _is_alternate_names(path: Path) -> bool:
    """alternateNames(V2).txt has 8 (10) tab-separated columns; place dumps have 19."""
    for row in _lines(path):
        return len(row) - 1 in (8, 10)
    return False


def import_file(path: Path, db_path: Path, *, countries: dict[str, tuple[str, str]], admin1_names: dict,
                features: dict[str, str] | None = None) -> int:
    """Add one dump to the user index; returns how many rows were added. ``features``: see ``load_features``."""
    if not path.is_file():
        raise WirecoderError(f"{path}: no such file", "W401")
    db = connect(db_path)
    try:
        with db:  # one transaction: a dump that stops half-way (a bad line, Ctrl-C) adds nothing
            db.execute("CREATE INDEX IF NOT EXISTS names_geonameid ON names(geonameid)")
            if _is_alternate_names(path):
                added = _import_alternate_names(db, path)
            else:
                added = _import_places(db, path, countries, admin1_names, features or load_features())
        # lookups by name key need these (without them a full dump is scanned per name); built after the
        # rows go in, which is faster than keeping them up to date row by row
        db.executescript(INDEXES)
        return added
    finally:
        db.close()


def _import_places(db: sqlite3.Connection, path: Path, countries, admin1_names, features: dict[str, str]) -> int:
    added, batch = 0, []
    for row in _lines(path):
        if len(row) - 1 < 15:
            raise WirecoderError(f"{path}:{row[0]}: not a GeoNames dump line (19 tab-separated columns expected)", "W402")
        _, geonameid, name, asciiname, alternates, lat, lon, fclass, fcode, cc, _cc2, admin1, *_rest = row
        population = row[15]
        feature = _feature(fclass, fcode, features)
        if feature is None:
            continue
        iso3, country = countries.get(cc, ("", cc))
        place = (int(geonameid), asciiname or unidecode(name), float(lat), float(lon), cc, iso3, country,
                 admin1_names.get((cc, admin1)), None, feature, int(population or 0))
        batch.append((place, [asciiname, *other_names(name, alternates.split(","))]))
        if len(batch) >= BATCH:
            added += write_places(db, batch)
            batch = []
    return added + write_places(db, batch)


def _import_alternate_names(db: sqlite3.Connection, path: Path) -> int:
    added = 0
    for row in _lines(path):
        _, _id, geonameid, language, name, *_ = row + [""] * 4
        if language in ("link", "post", "iata", "icao", "faac", "abbr", "wkdt", "unlc"):
            continue
        rows = [(exact, loose, int(geonameid)) for exact, loose in keys([name])]
        db.executemany("INSERT INTO names (exact, loose, geonameid) VALUES (?, ?, ?)", rows)
        added += len(rows)
    return added
