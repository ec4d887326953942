"""Export formats: JSONL contract, ACLED CSV columns (no cumulative tolls), GeoJSON points."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import make_event
from wirecoder.export import ACLED_COLUMNS, write
from wirecoder.records import Event

CONTRACT = (
    "event_id event_date date_end time_precision disorder_type event_type sub_event_type actor1 assoc_actor_1 "
    "inter1 actor2 assoc_actor_2 inter2 country iso3 admin1 admin2 location latitude longitude geo_precision "
    "geonameid fatalities fatalities_low fatalities_best fatalities_high fatalities_scope sources evidence confidence"
).split()


def test_export_jsonl_keeps_the_contract_field_names():
    out = io.StringIO()
    assert write([make_event()], out, "jsonl") == 1
    record = json.loads(out.getvalue())
    assert set(CONTRACT) <= set(record)
    assert record["sources"][0] == {
        "article_id": "a1", "outlet": "Levant Wire", "url": None, "published": "2018-10-05", "reported_by": None,
        "fatalities": None,
    }  # fmt: skip
    assert record["evidence"][0]["text"] == "Clashes"


def test_export_acled_csv_leaves_out_cumulative_tolls():
    events = [make_event("e-1", fatalities=4), make_event("e-2", fatalities=341, fatalities_scope="cumulative")]
    out = io.StringIO()
    assert write(events, out, "acled-csv") == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert [r["event_id_cnty"] for r in rows] == ["e-1"]
    assert rows[0]["inter1"] == "Rebel group" and rows[0]["fatalities"] == "4"
    assert rows[0]["interaction"] == "Rebel group-Rebel group"


def test_export_geojson_skips_events_without_coordinates():
    events = [make_event("e-1"), make_event("e-2", latitude=None, longitude=None)]
    out = io.StringIO()
    assert write(events, out, "geojson") == 1
    collection = json.loads(out.getvalue())
    point = collection["features"][0]["geometry"]
    assert point == {"type": "Point", "coordinates": [40.83, 34.69]}


names = st.text(min_size=1, max_size=20)


@settings(max_examples=40, deadline=None)
@given(
    actor=st.one_of(st.none(), names),
    fatalities=st.integers(min_value=0, max_value=10_000),
    assoc=st.lists(names, max_size=3).map(tuple),
    lat=st.one_of(st.none(), st.floats(min_value=-90, max_value=90)),
)
def test_export_jsonl_round_trip_is_identity(actor, fatalities, assoc, lat):
    event = make_event(actor2=actor, fatalities=fatalities, assoc_actor_2=assoc, latitude=lat)
    out = io.StringIO()
    write([event], out, "jsonl")
    assert Event.from_dict(json.loads(out.getvalue())) == event
