"""``wirecoder evaluate``: measure predicted events against a gold dataset you trust.

>>> report = evaluate_files(Path("gold.csv"), predictions=Path("events.jsonl"))
>>> report.detection["f1"]

Gold: an ACLED CSV export (extra columns ``article``, ``date_end``, ``required``, ``fatalities_scope``
honoured), UCDP GED CSV, or this project's JSONL. Predictions: JSONL or a wirecoder database.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..records import Event
from .gold import GoldEvent, read_gold, read_predictions
from .metrics import Report, evaluate

__all__ = ["GoldEvent", "Report", "evaluate", "evaluate_files", "read_gold", "read_predictions"]


def evaluate_files(gold: Path, *, predictions: Path | None = None, db: Path | None = None, events: Sequence[Event] | None = None) -> Report:
    """Evaluate predictions from a JSONL file, a database, or given events against a gold file."""
    if events is None:
        events = read_predictions(predictions) if predictions else _from_db(db)
    return evaluate(read_gold(gold), list(events), canonical=_canonical())


def _from_db(db: Path | None) -> list[Event]:
    from ..store import Store

    if db is None or not Path(db).exists():
        raise FileNotFoundError(f"{db}: no such database")
    with Store(db) as store:
        return list(store.iter_events())


def _canonical():
    from ..actors import load_registry

    registry = load_registry()
    return lambda name: registry.canonical(name).casefold()
