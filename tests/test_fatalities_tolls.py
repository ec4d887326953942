"""`wirecoder tolls`: each campaign's cumulative toll timeline, from stored events."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from helpers import make_event
from wirecoder.cli import app
from wirecoder.cli.tolls import toll_timelines
from wirecoder.records import Source
from wirecoder.store import Store


def toll(event_id: str, date: str, figure: int, claimant: str | None = None, **fields):
    source = Source(article_id=event_id, outlet="Levant Wire", reported_by=claimant)
    return make_event(
        event_id, date_end=date, fatalities=figure, fatalities_best=figure, fatalities_scope="cumulative",
        sources=(source,), **fields,
    )


def test_fatalities_tolls_timeline_orders_points_and_keeps_claimants():
    events = [
        toll("t2", "2018-10-05", 341, "Syrian Observatory for Human Rights"),
        toll("t1", "2018-09-20", 200),
        make_event("e1", fatalities=5, fatalities_best=5),  # one day's event: not a toll
        toll("t3", "2018-10-01", 90, actor2="Military Forces of Syria", admin1="Homs"),
    ]
    campaigns = {c.region: c for c in toll_timelines(events)}
    assert sorted(campaigns) == ["Deir ez-Zor", "Homs"] and len(campaigns["Homs"].points) == 1
    hajin = campaigns["Deir ez-Zor"]
    assert [(p.date, p.figure, p.source) for p in hajin.points] == [
        ("2018-09-20", 200, "Levant Wire"),
        ("2018-10-05", 341, "Syrian Observatory for Human Rights"),
    ]
    assert "Islamic State" in hajin.label and "Deir ez-Zor" in hajin.label


def test_fatalities_tolls_command_prints_json(tmp_path):
    db = tmp_path / "w.db"
    with Store(db) as store:
        store.replace_events([toll("t1", "2018-09-20", 200), toll("t2", "2018-10-05", 341, "SOHR")], {})
    result = CliRunner().invoke(app, ["tolls", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    campaigns = json.loads(result.output)
    assert [p["figure"] for p in campaigns[0]["points"]] == [200, 341]


def test_fatalities_tolls_command_with_no_tolls(tmp_path):
    db = tmp_path / "w.db"
    Store(db).close()
    result = CliRunner().invoke(app, ["tolls", "--db", str(db)])
    assert result.exit_code == 0 and "No cumulative death tolls" in result.output
