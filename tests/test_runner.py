"""`wirecoder run` end to end on articles written for the tests: idempotent, updating, resumable."""

import json

import pytest
from typer.testing import CliRunner

from wirecoder import runner
from wirecoder.cli import app
from wirecoder.store import Store

FIRST = """Levant Courier

Fighting between the Syrian Democratic Forces and Islamic State militants flared in Hajin on Thursday, \
killing at least 9 SDF fighters, a spokesman said.
"""
SECOND = """Euphrates Daily

Syrian Democratic Forces fighters clashed with Daesh in Hajeen on Thursday. Eleven SDF fighters were killed, \
the Syrian Observatory for Human Rights said.
"""
SPORT = "The home side won the derby 2-0 on Sunday in front of a full stadium."


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "first.txt").write_text(FIRST, encoding="utf-8")
    (folder / "second.txt").write_text(SECOND, encoding="utf-8")
    (folder / "sport.txt").write_text(SPORT, encoding="utf-8")
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    return folder


def run_cli(*args):
    # wide enough that a long temporary path is never wrapped in the middle of a file name
    result = CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    return result


def test_runner_merges_two_outlets_into_one_event_and_reports_bad_files(corpus, tmp_path):
    db = tmp_path / "w.db"
    result = run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    assert "3 articles read" in result.output and "photo.jpg" in result.output
    with Store(db) as store:
        clashes = [e for e in store.iter_events() if e.sub_event_type == "Armed clash"]
    assert len(clashes) == 1
    clash = clashes[0]
    assert (clash.event_date, clash.location, clash.n_sources) == ("2018-10-04", "Hajin", 2)
    assert (clash.fatalities, clash.fatalities_low, clash.fatalities_high) == (9, 9, 11)
    assert sorted((s.article_id, s.fatalities) for s in clash.sources) == [("first.txt", 9), ("second.txt", 11)]  # who said which


def test_runner_second_run_changes_nothing(corpus, tmp_path):
    db = tmp_path / "w.db"
    run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    with Store(db) as store:
        before = [e.to_dict() for e in store.iter_events()]
        changes = len(store.changes())
    result = run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    assert "(3 unchanged)" in result.output
    with Store(db) as store:
        assert [e.to_dict() for e in store.iter_events()] == before
        assert len(store.changes()) == changes


def test_runner_changed_article_replaces_its_reports_and_keeps_the_event_id(corpus, tmp_path):
    db = tmp_path / "w.db"
    run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    with Store(db) as store:
        old_id = next(e.event_id for e in store.iter_events() if e.sub_event_type == "Armed clash")
    (corpus / "second.txt").write_text(SECOND.replace("Eleven", "Fourteen"), encoding="utf-8")
    run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    with Store(db) as store:
        clash = store.get_event(old_id)
        assert clash is not None and clash.fatalities_high == 14
        assert store.count("reports") == len(list(store.iter_reports()))
    listed = run_cli("changes", "--db", db, "--json")
    kinds = [json.loads(line)["kind"] for line in listed.stdout.splitlines()]
    assert "updated" in kinds


def test_runner_interrupted_run_keeps_saved_articles_and_resumes(corpus, tmp_path):
    db = tmp_path / "w.db"
    seen = []

    def stop_after_first(name):
        seen.append(name)
        if len(seen) == 3:  # two articles handled, interrupted while reading the third item
            raise KeyboardInterrupt

    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        runner.run(sorted(corpus.iterdir()), store, on_item=stop_after_first)
    with Store(db) as store:
        saved = store.count("articles")
    assert saved >= 1
    result = run_cli("run", corpus, "--db", db, "--show", "0")
    assert f"({saved} unchanged)" in result.output


def test_cli_extract_prints_jsonl_and_stores_nothing(corpus, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run_cli("extract", corpus / "first.txt", "--published", "2018-10-05")
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events[0]["sub_event_type"] == "Armed clash" and events[0]["fatalities"] == 9
    assert {e["field"] for e in events[0]["evidence"]} >= {"event_type", "location", "event_date", "fatalities"}
    assert not (tmp_path / "wirecoder.db").exists()


def test_cli_export_formats(corpus, tmp_path):
    db = tmp_path / "w.db"
    run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    csv_out, geo_out = tmp_path / "e.csv", tmp_path / "e.geojson"
    run_cli("export", "--db", db, "--format", "acled-csv", "-o", csv_out)
    run_cli("export", "--db", db, "--format", "geojson", "-o", geo_out)
    header = csv_out.read_text(encoding="utf-8").splitlines()[0]
    assert "event_id_cnty" in header and "sub_event_type" in header
    features = json.loads(geo_out.read_text(encoding="utf-8"))["features"]
    assert features and features[0]["geometry"]["type"] == "Point"


def test_runner_broken_pattern_in_a_user_knowledge_file_is_named_and_stops_cleanly(corpus, tmp_path):
    db = tmp_path / "w.db"
    run_cli("run", corpus, "--db", db, "--published", "2018-10-05", "--show", "0")
    broken = tmp_path / "site_words_mine.csv"
    broken.write_text("word\n(unclosed\n", encoding="utf-8")
    (corpus / "first.txt").write_text(FIRST.replace("9 SDF", "10 SDF"), encoding="utf-8")  # must be re-read
    result = CliRunner().invoke(app, ["run", str(corpus), "--db", str(db), "-k", str(broken)], env={"COLUMNS": "400"})
    assert result.exit_code == 2
    assert "site_words_mine.csv:2" in result.output and "regular expression" in result.output
    with Store(db) as store:
        assert store.count("events") > 0  # what the first run stored is still there
