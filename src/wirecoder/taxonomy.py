"""ACLED's event taxonomy and UCDP's type of violence, read from ``knowledge/acled_taxonomy.csv``.

Used by classify (types), assemble (ACLED's hierarchy for concurrent tactics), dedup and evaluate
(which types may describe the same real event).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .knowledge import read_rows

# ACLED inter codes
STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = range(1, 9)
ARMED_ORGANISED = {STATE, REBEL, POLITICAL_MILITIA, IDENTITY_MILITIA, EXTERNAL}

INTER_LABELS = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


@dataclass(frozen=True)
class SubEventType:
    disorder_type: str
    event_type: str
    sub_event_type: str
    rank: int
    family: str
    violent: bool


@lru_cache(maxsize=1)
def _table() -> dict[str, SubEventType]:
    required = ("disorder_type", "event_type", "sub_event_type", "rank", "family")
    return {
        row["sub_event_type"]: SubEventType(
            row["disorder_type"],
            row["event_type"],
            row["sub_event_type"],
            int(row["rank"]),
            row["family"],
            row["violent"] == "yes",
        )
        for row in read_rows("acled_taxonomy", required)
    }


def sub_event_types() -> list[str]:
    return list(_table())


def event_types() -> list[str]:
    return list(dict.fromkeys(entry.event_type for entry in _table().values()))


def lookup(sub_event_type: str) -> SubEventType:
    """The taxonomy entry of a sub-event type; KeyError names the unknown type."""
    return _table()[sub_event_type]


def is_sub_event_type(name: str) -> bool:
    return name in _table()


def event_type_of(sub_event_type: str) -> str:
    return lookup(sub_event_type).event_type


def disorder_type_of(sub_event_type: str) -> str:
    return lookup(sub_event_type).disorder_type


def rank(sub_event_type: str | None) -> int:
    """Position in ACLED's hierarchy; higher wins when concurrent tactics make one event."""
    entry = _table().get(sub_event_type or "")
    return entry.rank if entry else 0


def is_violent(sub_event_type: str | None) -> bool:
    entry = _table().get(sub_event_type or "")
    return bool(entry and entry.violent)


def family(event_type: str | None) -> str | None:
    """Family of an event type *or* sub-event type: events of one family may be the same real event."""
    for entry in _table().values():
        if event_type in (entry.event_type, entry.sub_event_type):
            return entry.family
    return None


def type_of_violence(sub_event_type: str | None, inter1: int | None, inter2: int | None) -> int | None:
    """UCDP's type of violence: 1 state-based, 2 non-state, 3 one-sided; None outside UCDP's scope."""
    entry = _table().get(sub_event_type or "")
    if entry is None or entry.event_type in ("Protests", "Riots", "Strategic developments"):
        return None
    if entry.event_type == "Violence against civilians" or inter2 == CIVILIANS:
        return 3
    if STATE in (inter1, inter2):
        return 1
    if inter1 in ARMED_ORGANISED and inter2 in ARMED_ORGANISED:
        return 2
    return None
