"""Writing events out: this project's JSONL, ACLED's CSV columns, GeoJSON.

The JSONL is the full record (the export contract in records.Event). The ACLED CSV uses ACLED's own
column names so existing tooling reads it, and leaves out cumulative tolls: a running campaign toll
is not an event and would be double counted by anyone who sums the fatalities column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .records import Event
from .taxonomy import INTER_LABELS

FORMATS = ("jsonl", "acled-csv", "geojson")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip



def write(events: Iterable[Event], out: TextIO, fmt: str) -> int:
    """Write events in ``fmt`` to ``out``; return how many were written."""
    writer = {"jsonl": write_jsonl, "acled-csv": write_acled_csv, "geojson": write_geojson}.get(fmt)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return writer(events, out)


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_acled_csv(events: Iterable[Event], out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        if event.fatalities_scope == "cumulative":
            continue
        writer.writerow(acled_row(event))
        count += 1
    return count


def acled_row(event: Event) -> dict:
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date or "",
        "year": (event.event_date or "")[:4],
        "time_precision": event.time_precision or "",
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": INTER_LABELS.get(event.inter1 or 0, ""),
        "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": INTER_LABELS.get(event.inter2 or 0, ""),
        "interaction": _interaction(event),
        "civilian_targeting": "Civilian targeting" if event.inter2 == 7 else "",
        "iso": event.iso3 or "",
        "region": "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": "",
        "location": event.location or "",
        "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": "; ".join(sorted({s.outlet for s in event.sources if s.outlet})),
        "source_scale": "",
        "notes": _notes(event),
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": "",
    }


def _interaction(event: Event) -> str:
    labels = sorted(INTER_LABELS[i] for i in (event.inter1, event.inter2) if i in INTER_LABELS)
    if not labels:
        return ""
    return "-".join(labels) if len(labels) == 2 else f"{labels[0]} only"


def _notes(event: Event) -> str:
    quotes = [e.text for e in event.evidence if e.field == "event_type"]
    return " | ".join(dict.fromkeys(quotes))[:500]


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    features = []
    for event in events:
        if event.latitude is None or event.longitude is None:
            continue
        properties = {k: v for k, v in event.to_dict().items() if k not in ("evidence",)}
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": properties,
            }
        )
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)
