"""Small factories for records used across tests."""

from __future__ import annotations

from wirecoder.records import Event, Evidence, Source


def make_event(event_id: str = "r-1", article_id: str = "a1", **fields) -> Event:
    values = dict(
        event_id=event_id,
        event_date="2018-10-04",
        date_end="2018-10-04",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Syrian Democratic Forces",
        inter1=2,
        actor2="Islamic State",
        inter2=2,
        country="Syria",
        iso3="SYR",
        admin1="Deir ez-Zor",
        location="Hajin",
        latitude=34.69,
        longitude=40.83,
        geo_precision=1,
        geonameid=170000,
        sources=(Source(article_id=article_id, outlet="Levant Wire", published="2018-10-05"),),
        evidence=(Evidence("event_type", article_id, 0, 7, "Clashes"),),
    )
    values.update(fields)
    return Event(**values)
