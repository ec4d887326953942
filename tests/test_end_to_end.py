"""The whole pipeline on articles written like the messy originals: captions, READ: links, tolls."""

import datetime as dt
import json

from typer.testing import CliRunner

from wirecoder.cli import app
from wirecoder.records import Article

REPORT = """Euphrates Monitor - independent news from the valley

Fighting between the Syrian Democratic Forces (SDF) and Daesh militants flared again in Hajeen on Wednesday, \
bringing the death toll of the offensive to at least 212 since it began last month, according to the Syrian \
Observatory for Human Rights.

Residents said regime forces shelled the outskirts of Al-Mayadin this morning.

Photo: SDF fighters rest near Raqqa on 3 June 2018 [Delil Souleiman/AFP]

READ: Mass grave with 300 bodies found in Raqqa

The coalition said its aircraft had carried out strikes near the town overnight.
"""


def test_end_to_end_seed_like_report(pipeline):
    events = pipeline.extract(Article(id="monitor.txt", text=REPORT, published=dt.date(2018, 10, 12)))
    clash = [e for e in events if e.sub_event_type == "Armed clash" and e.fatalities_scope == "event"]
    assert clash and clash[0].event_date == "2018-10-10" and clash[0].location == "Hajin"
    assert {clash[0].actor1, clash[0].actor2} == {"Syrian Democratic Forces", "Islamic State"}
    toll = [e for e in events if e.fatalities_scope == "cumulative"]
    assert [e.fatalities for e in toll] == [212]
    assert toll[0].sources[0].reported_by == "Syrian Observatory for Human Rights"
    assert all(e.fatalities != 212 for e in events if e.fatalities_scope == "event")
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].event_date == "2018-10-12" and shelling[0].geo_precision == 2
    assert not [e for e in events if e.location and "Raqq" in e.location]
    assert not [e for e in events if e.event_date and e.event_date.startswith("2018-06")]


def test_end_to_end_every_field_has_evidence_in_the_text(pipeline):
    events = pipeline.extract(Article(id="monitor.txt", text=REPORT, published=dt.date(2018, 10, 12)))
    for event in events:
        assert {e.field for e in event.evidence} >= {"event_type"}
        for evidence in event.evidence:
            assert REPORT[evidence.start : evidence.end] == evidence.text


def test_end_to_end_sports_news_gives_no_event(pipeline):
    text = "The home side attacked from the first whistle and the striker shot twice before the break, winning 3-1."
    assert pipeline.extract(Article(id="sport.txt", text=text, published=dt.date(2018, 10, 12))) == []


def test_cli_actors_places_and_duplicates(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(app, ["actors", "--search", "daesh", "--json"])
    assert listed.exit_code == 0 and '"canonical": "Islamic State"' in listed.stdout
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    places = runner.invoke(app, ["places", str(article), "--published", "2018-10-12"])
    assert places.exit_code == 0 and '"name": "Hajin"' in places.stdout
    db = tmp_path / "w.db"
    assert runner.invoke(app, ["run", str(article), "--db", str(db), "--show", "0"]).exit_code == 0
    duplicates = runner.invoke(app, ["duplicates", "--db", str(db)])
    assert duplicates.exit_code == 0 and "No near-duplicate articles" in duplicates.stdout


def test_cli_gazetteer_import_and_info(tmp_path, monkeypatch):
    import os
    import shutil
    from pathlib import Path

    from wirecoder.gazetteer import ensure_embedded
    from wirecoder.settings import Settings

    shared = ensure_embedded(Settings())  # the session's index, copied so the test does not rebuild it
    shutil.copy(shared, tmp_path / shared.name)
    monkeypatch.setenv("WIRECODER_CACHE", str(tmp_path))
    fixture = Path(__file__).parent / "fixtures" / "geonames" / "SY-villages.txt"
    runner = CliRunner()
    result = runner.invoke(app, ["gazetteer", "import", str(fixture)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "gazetteer-user.sqlite").exists() and os.environ["WIRECODER_CACHE"] == str(tmp_path)
    from wirecoder.gazetteer import Gazetteer

    # the dump gives the province as GeoNames' code ("SY", "07"): the village lies in Deir ez-Zor, named as
    # the embedded index names it
    village = Gazetteer([tmp_path / "gazetteer-user.sqlite"]).candidates("Tal Zeitoun")[0]
    assert (village.name, village.admin1) == ("Tall Zaytun", "Deir ez-Zor")
    info = runner.invoke(app, ["gazetteer", "info"])
    assert info.exit_code == 0
    assert runner.invoke(app, ["gazetteer", "import", str(tmp_path / "missing.txt")]).exit_code == 2


def test_cli_places_resolves_the_toponyms_given(tmp_path):
    article = tmp_path / "report.txt"
    article.write_text(REPORT, encoding="utf-8")
    start = REPORT.index("Hajeen")
    spans = tmp_path / "spans.jsonl"
    spans.write_text(json.dumps({"article_id": "report.txt", "start": start, "end": start + 6}) + "\n"
                     + json.dumps({"article_id": "elsewhere.txt", "start": 0, "end": 3}) + "\n", encoding="utf-8")
    runner = CliRunner()
    given = runner.invoke(app, ["places", str(article), "--toponyms", str(spans)])
    lines = [json.loads(line) for line in given.stdout.splitlines() if line.startswith("{")]
    assert given.exit_code == 0 and [(r["start"], r["name"]) for r in lines] == [(start, "Hajin")]
    assert "elsewhere.txt" in given.stderr  # an id that matched no article is reported
    spans.write_text('{"article_id": "report.txt", "start": 9}\n', encoding="utf-8")
    broken = runner.invoke(app, ["places", str(article), "--toponyms", str(spans)])
    assert broken.exit_code == 2 and "line 1" in broken.stderr


def test_end_to_end_a_city_quarter_is_located_at_the_city_and_named_after_it(pipeline):
    text = "Mortar shells hit Mogadishu's Hodan district on Sunday, killing two civilians, police said."
    [event] = pipeline.extract(Article(id="quarter.txt", text=text, published=dt.date(2019, 3, 4)))
    assert (event.location, event.admin1, event.geo_precision) == ("Mogadishu - Hodan", "Banaadir", 1)


def test_end_to_end_an_event_known_only_by_its_province_is_at_the_provincial_capital(pipeline):
    text = "Gunmen killed 11 villagers in Borno State on Sunday, police said."
    [event] = pipeline.extract(Article(id="borno.txt", text=text, published=dt.date(2019, 3, 4)))
    # Maiduguri lies at 11.85N 13.16E; the mean of Borno's towns, 26 km south-west of it, is no place at all
    assert (event.location, event.geo_precision) == ("Borno", 3)
    assert abs(event.latitude - 11.85) < 0.05 and abs(event.longitude - 13.16) < 0.05
