"""Matching predicted events to gold events one to one, ACLED style.

Two events can be the same when: the prediction comes from the gold row's article (if the gold names
one), same country, date windows overlap, places close for their precision (or the same name when the
gold has no coordinates), same type family. Among such pairs a minimum-cost one-to-one assignment
(Hungarian algorithm) prefers pairs that also agree on sub-event type, actors, dates and place.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from .. import taxonomy
from ..dedup import distance_km
from ..gazetteer.names import loose_key
from ..records import Event
from .gold import GoldEvent

KM_BY_PRECISION = {1: 25.0, 2: 50.0, 3: 150.0}
INCOMPATIBLE = 1e6


@dataclass(frozen=True)
class Pair:
    gold: GoldEvent
    pred: Event


def from_article(gold: GoldEvent, pred: Event) -> bool:
    if not gold.article:
        return True
    wanted = gold.article.rsplit("/", 1)[-1]
    return any(s.article_id == gold.article or s.article_id.rsplit("/", 1)[-1] == wanted for s in pred.sources)


def compatible(gold: GoldEvent, pred: Event) -> bool:
    if not from_article(gold, pred):
        return False
    if gold.event_type and taxonomy.family(gold.event_type) != taxonomy.family(pred.event_type):
        return False
    if gold.country and pred.country and gold.country.casefold() != pred.country.casefold():
        return False
    if (gold.fatalities_scope == "cumulative") != (pred.fatalities_scope == "cumulative"):
        return False  # a running toll is not an event, and an event is not a toll
    return dates_overlap(gold, pred) and place_agrees(gold, pred)


def pred_window(pred: Event) -> tuple[dt.date, dt.date] | None:
    if not pred.event_date:
        return None
    start = dt.date.fromisoformat(pred.event_date)
    return start, dt.date.fromisoformat(pred.date_end) if pred.date_end else start


def dates_overlap(gold: GoldEvent, pred: Event) -> bool:
    if gold.start is None:
        return True
    window = pred_window(pred)
    return window is not None and window[0] <= (gold.end or gold.start) and gold.start <= window[1]


def location_error_km(gold: GoldEvent, pred: Event) -> float | None:
    if None in (gold.latitude, gold.longitude, pred.latitude, pred.longitude):
        return None
    return distance_km(gold.latitude, gold.longitude, pred.latitude, pred.longitude)


def same_name(names: Sequence[str], value: str | None) -> bool:
    return bool(value) and loose_key(value) in {loose_key(n) for n in names}


def place_agrees(gold: GoldEvent, pred: Event) -> bool:
    error = location_error_km(gold, pred)
    if error is not None:
        return error <= KM_BY_PRECISION.get(max(gold.geo_precision or 1, pred.geo_precision or 1), 150.0)
    if not gold.locations:
        return True
    if same_name(gold.locations, pred.location):
        return True
    return (pred.geo_precision or 1) >= 3 and same_name(gold.admin1, pred.admin1)


def cost(gold: GoldEvent, pred: Event, canonical: Callable[[str], str]) -> float:
    if not compatible(gold, pred):
        return INCOMPATIBLE
    penalty = 0.0
    penalty += gold.sub_event_type is not None and gold.sub_event_type != pred.sub_event_type
    penalty += 0.5 * (not actor_agrees(gold.actor1, pred.actor1, canonical))
    penalty += 0.5 * (not actor_agrees(gold.actor2, pred.actor2, canonical))
    penalty += 0.5 * (gold.start is not None and pred.event_date != gold.start.isoformat())
    penalty += 0.5 * (gold.locations != () and not same_name(gold.locations, pred.location))
    penalty += 0.5 * (gold.fatalities is not None and gold.fatalities != pred.fatalities)
    return penalty


def actor_agrees(gold: Sequence[str], pred: str | None, canonical: Callable[[str], str]) -> bool:
    """No gold actor accepts anything; otherwise the prediction must name one of the alternatives."""
    if not gold:
        return True
    return pred is not None and canonical(pred) in {canonical(g) for g in gold}


def assign(golds: Sequence[GoldEvent], preds: Sequence[Event], canonical: Callable[[str], str]) -> list[Pair]:
    """One gold event to one prediction, at least cost. Gold coded article by article may hold one row per
    article for one real event; a merged prediction reported by those articles matches each of them once."""
    if not golds or not preds:
        return []
    by_article = any(g.article for g in golds)
    columns = [(p, a) for p in preds for a in (sorted({s.article_id for s in p.sources}) if by_article else [None]) or [None]]
    matrix = np.array([[cost(g, p, canonical) if _same_article(g, a) else INCOMPATIBLE for p, a in columns] for g in golds])
    rows, cols = linear_sum_assignment(matrix)
    return [Pair(golds[r], columns[c][0]) for r, c in zip(rows, cols) if matrix[r, c] < INCOMPATIBLE]


def _same_article(gold: GoldEvent, article: str | None) -> bool:
    if article is None or not gold.article:
        return True
    return article == gold.article or article.rsplit("/", 1)[-1] == gold.article.rsplit("/", 1)[-1]
