"""Reading gold events: an ACLED CSV export (plus this project's extra columns), UCDP GED CSV, or JSONL.

Everything becomes a ``GoldEvent``. ACLED columns are used as ACLED names them; the extra columns
``article``, ``date_end``, ``required`` (yes / optional / forbidden) and ``fatalities_scope`` are
honoured where present, "unknown" means the text alone cannot tell, and ``A|B`` lists acceptable
alternatives.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import WirecoderError
from ..records import Event

UCDP_TYPES = {"1": "Battles", "2": "Battles", "3": "Violence against civilians"}


@dataclass(frozen=True)
class GoldEvent:
    row: int
    article: str | None = None
    required: str = "yes"  # yes | optional | forbidden
    start: dt.date | None = None
    end: dt.date | None = None
    time_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: tuple[str, ...] = ()
    actor2: tuple[str, ...] = ()
    country: str | None = None
    admin1: tuple[str, ...] = ()
    locations: tuple[str, ...] = ()
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_scope: str | None = None
    evidence: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


def read_gold(path: Path) -> list[GoldEvent]:
    path = Path(path)
    if not path.is_file():
        raise WirecoderError(f"{path}: no such gold file", "W401")
    if path.suffix.lower() in (".jsonl", ".json", ".ndjson"):
        return [from_event(Event.from_dict(row), n) for n, row in enumerate(_jsonl(path), start=1)]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if rows and "side_a" in rows[0]:
        return [_from_ucdp(row, n) for n, row in enumerate(rows, start=2)]
    return [_from_acled(row, n) for n, row in enumerate(rows, start=2)]


def read_predictions(path: Path) -> list[Event]:
    return [Event.from_dict(row) for row in _jsonl(Path(path))]


def _jsonl(path: Path):
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as error:
                    raise WirecoderError(f"{path}:{number}: not JSON ({error.msg})", "W403") from None


def _alternatives(value: str | None) -> tuple[str, ...]:
    value = (value or "").strip()
    if not value or value.lower() == "unknown":
        return ()
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _date(value: str | None) -> dt.date | None:
    value = (value or "").strip()
    if not value or value.lower() == "unknown":
        return None
    for form in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S"):
        try:
            return dt.datetime.strptime(value, form).date()
        except ValueError:
            continue
    raise WirecoderError(f"{value!r} is not a date this reader knows (use YYYY-MM-DD)", "W404")


def _int(value: str | None) -> int | None:
    value = (value or "").strip()
    try:
        return int(float(value)) if value and value.lower() != "unknown" else None
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if (value or "").strip() else None
    except ValueError:
        return None


def _from_acled(row: dict, number: int) -> GoldEvent:
    start = _date(row.get("event_date"))
    scope = (row.get("fatalities_scope") or "").strip() or None
    return GoldEvent(
        row=number,
        article=(row.get("article") or "").strip() or None,
        required=(row.get("required") or "yes").strip().lower() or "yes",
        start=start,
        end=_date(row.get("date_end")) or start,
        time_precision=_int(row.get("time_precision")),
        event_type=(row.get("event_type") or "").strip() or None,
        sub_event_type=(row.get("sub_event_type") or "").strip() or None,
        actor1=_alternatives(row.get("actor1")),
        actor2=_alternatives(row.get("actor2")),
        country=(row.get("country") or "").strip() or None,
        admin1=_alternatives(row.get("admin1")),
        locations=_alternatives(row.get("location")),
        latitude=_float(row.get("latitude")),
        longitude=_float(row.get("longitude")),
        geo_precision=_int(row.get("geo_precision")),
        fatalities=_int(row.get("fatalities")),
        fatalities_scope="cumulative" if scope and scope.startswith("cumulative") else scope,
        evidence=(row.get("evidence") or row.get("notes") or "").strip(),
        extra={"fatalities_scope_raw": scope},
    )


def _from_ucdp(row: dict, number: int) -> GoldEvent:
    start = _date(row.get("date_start"))
    return GoldEvent(
        row=number,
        article=(row.get("article") or "").strip() or None,
        start=start,
        end=_date(row.get("date_end")) or start,
        time_precision=1 if row.get("date_prec") == "1" else (2 if row.get("date_prec") in ("2", "3") else 3),
        event_type=UCDP_TYPES.get((row.get("type_of_violence") or "").strip()),
        actor1=_alternatives(row.get("side_a")),
        actor2=_alternatives(row.get("side_b")),
        country=(row.get("country") or "").strip() or None,
        admin1=_alternatives(row.get("adm_1")),
        locations=_alternatives(row.get("where_coordinates") or row.get("adm_2")),
        latitude=_float(row.get("latitude")),
        longitude=_float(row.get("longitude")),
        geo_precision=1 if row.get("where_prec") in ("1", "2") else (2 if row.get("where_prec") == "3" else 3),
        fatalities=_int(row.get("best")),
        fatalities_scope="event",
        evidence=(row.get("source_headline") or "").strip(),
    )


def from_event(event: Event, number: int) -> GoldEvent:
    start = _date(event.event_date)
    return GoldEvent(
        row=number,
        article=event.sources[0].article_id if event.sources else None,
        start=start,
        end=_date(event.date_end) or start,
        time_precision=event.time_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=(event.actor1,) if event.actor1 else (),
        actor2=(event.actor2,) if event.actor2 else (),
        country=event.country,
        admin1=(event.admin1,) if event.admin1 else (),
        locations=(event.location,) if event.location else (),
        latitude=event.latitude,
        longitude=event.longitude,
        geo_precision=event.geo_precision,
        fatalities=event.fatalities,
        fatalities_scope=event.fatalities_scope,
    )
