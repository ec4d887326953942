from pathlib import Path

import pytest

from wirecoder.errors import WirecoderError
from wirecoder.gazetteer import Gazetteer
from wirecoder.gazetteer.geonames_dump import import_file
from wirecoder.gazetteer.names import exact_key, loose_key
from wirecoder.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "geonames"


@pytest.fixture(scope="session")
def gazetteer():
    return Gazetteer.default(Settings())


@pytest.mark.parametrize(
    "variant, name",
    [("Hajeen", "Hajin"), ("Deir al-Zor", "Deir ez-Zor"), ("Deir ez-Zor", "Dayr az Zawr"), ("Suwaida", "As-Suwayda"), ("Hasakeh", "Al-Hasakah")],
)
def test_gazetteer_loose_keys_survive_transliteration(variant, name):
    assert loose_key(variant) == loose_key(name)


def test_gazetteer_exact_key_drops_articles_and_punctuation():
    assert exact_key("Al-Raqqa") == exact_key("ar Raqqa") == "raqqa"


@pytest.mark.parametrize(
    "written, expected",
    [("Hajeen", "Hajin"), ("Al-Bukamal", "Albu Kamal"), ("Abu Kamal", "Albu Kamal"), ("Deir al-Zor", "Deir ez-Zor"), ("Hasakeh", "Al Hasakah")],
)
def test_gazetteer_resolves_syrian_spellings(gazetteer, written, expected):
    names = [p.name for p in gazetteer.candidates(written, countries=("SY",)) if p.feature == "city"]
    assert expected in names


def test_gazetteer_loose_match_never_leaves_the_article_countries(gazetteer):
    assert all(p.iso3 == "IRQ" for p in gazetteer.candidates("Hajeen", countries=("IQ",)))


def test_gazetteer_villages_below_the_cut_need_an_import(gazetteer):
    assert gazetteer.candidates("Tall Zaytun", countries=("SY",)) == []


def test_gazetteer_import_adds_villages_and_alternate_names(tmp_path):
    index = tmp_path / "user.sqlite"
    countries = {"SY": ("SYR", "Syria")}
    added = import_file(FIXTURES / "SY-villages.txt", index, countries=countries, admin1_names={("SY", "07"): "Deir ez-Zor"})
    assert added == 2  # the wadi (a stream, class H) is not a place events happen in
    import_file(FIXTURES / "alternateNames-villages.txt", index, countries=countries, admin1_names={})
    found = Gazetteer([index])
    village = found.candidates("Tal Zeitoun")[0]
    assert (village.name, village.admin1, village.country) == ("Tall Zaytun", "Deir ez-Zor", "Syria")
    assert found.candidates("Ghazlan Ruins")[0].geonameid == 9900002
    assert found.candidates("Wadi al Qasab") == []


def test_gazetteer_import_keeps_sites_and_areas_events_happen_at(tmp_path):
    index = tmp_path / "user.sqlite"
    countries = {"SY": ("SYR", "Syria"), "IQ": ("IRQ", "Iraq")}
    added = import_file(FIXTURES / "IQ-SY-sites.txt", index, countries=countries, admin1_names={("IQ", "01"): "Anbar"})
    assert added == 3  # the air base, the camp and the mountains; not the river nor the school
    found = Gazetteer([index])
    base = found.candidates("Ain al-Asad Air Base")[0]
    assert (base.name, base.feature, base.admin1, base.country) == ("Ayn al Asad Air Base", "site", "Anbar", "Iraq")
    assert found.candidates("Sinjar Mountains")[0].feature == "area"
    assert found.candidates("Khabur River") == [] and found.candidates("Al-Nur School") == []


def test_gazetteer_import_takes_feature_codes_a_user_adds(tmp_path):
    from wirecoder.errors import KnowledgeError
    from wirecoder.gazetteer.geonames_dump import load_features

    rivers = tmp_path / "geonames_features_rivers.csv"
    rivers.write_text("code,kind\nSTM,area\n", encoding="utf-8")
    index = tmp_path / "user.sqlite"
    import_file(FIXTURES / "IQ-SY-sites.txt", index, countries={"SY": ("SYR", "Syria")}, admin1_names={}, features=load_features([rivers]))
    assert Gazetteer([index]).candidates("Khabur River")[0].feature == "area"
    rivers.write_text("code,kind\nSTM,river\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="kind"):
        load_features([rivers])


def _plan(index: Path, column: str) -> str:
    import sqlite3

    db = sqlite3.connect(index)
    try:
        query = f"SELECT p.name FROM names n JOIN places p ON p.geonameid = n.geonameid WHERE n.{column} = ?"
        return " ".join(row[-1] for row in db.execute("EXPLAIN QUERY PLAN " + query, ("hajin",)))
    finally:
        db.close()


def test_gazetteer_an_imported_dump_is_looked_up_by_index_not_scanned(tmp_path):
    # a full allCountries.txt holds millions of names: a lookup that scans them takes seconds per name
    index = tmp_path / "user.sqlite"
    import_file(FIXTURES / "SY-villages.txt", index, countries={"SY": ("SYR", "Syria")}, admin1_names={})
    assert "INDEX names_exact" in _plan(index, "exact") and "INDEX names_loose" in _plan(index, "loose")


def test_gazetteer_an_index_imported_without_name_indexes_gets_them(tmp_path, monkeypatch):
    import shutil
    import sqlite3

    from wirecoder.gazetteer import embedded_path, ensure_embedded, user_path
    from wirecoder.gazetteer.index import SCHEMA

    shared = ensure_embedded(Settings())  # the session's index, copied so the test does not rebuild it
    monkeypatch.setenv("WIRECODER_CACHE", str(tmp_path))
    settings = Settings()
    shutil.copy(shared, embedded_path(settings))
    old = sqlite3.connect(user_path(settings))  # as an older version left it: tables, no name indexes
    old.executescript(SCHEMA)
    old.close()
    Gazetteer.default(settings)
    assert "INDEX names_exact" in _plan(user_path(settings), "exact")


def test_gazetteer_import_rejects_a_file_that_is_not_a_dump(tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("a\tfew\tcolumns\n" * 3)
    with pytest.raises(WirecoderError, match="not a GeoNames dump line"):
        import_file(bad, tmp_path / "user.sqlite", countries={}, admin1_names={})


def test_gazetteer_codes_among_alternate_names_are_not_names(gazetteer):
    from wirecoder.gazetteer.names import other_names

    assert other_names("Ardabil", ["ADU", "OITL", "Ardebil", "1A", ""]) == ["Ardabil", "Ardebil"]
    assert other_names("Hit", []) == ["Hit"]  # a town's own name stays, however short
    assert not any(p.name == "Ardabil" for p in gazetteer.candidates("Adu"))


def test_gazetteer_provinces_go_by_their_geonames_name(gazetteer):
    assert [p.name for p in gazetteer.candidates("Kandahar") if p.feature == "admin1"] == ["Kandahar"]
    assert [p.name for p in gazetteer.candidates("Qandahor viloyati") if p.feature == "admin1"] == ["Kandahar"]
    assert [p.name for p in gazetteer.candidates("Salahuddin")] == ["Salah ad Din"]
