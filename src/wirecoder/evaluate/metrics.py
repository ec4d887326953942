"""Per-field agreement between matched gold and predicted events."""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..records import Event
from .gold import GoldEvent
from .match import Pair, actor_agrees, assign, compatible, dates_overlap, location_error_km, same_name


@dataclass
class Report:
    counts: dict = field(default_factory=dict)
    detection: dict = field(default_factory=dict)
    fields: dict = field(default_factory=dict)
    confusion: dict = field(default_factory=dict)
    location_errors_km: list = field(default_factory=list)
    fatality_pairs: list = field(default_factory=list)
    worst: list = field(default_factory=list)
    missed: list = field(default_factory=list)  # required gold events no prediction matched
    unmatched: list = field(default_factory=list)  # predictions no gold event matched

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items()}


def evaluate(golds: Sequence[GoldEvent], preds: Sequence[Event], canonical: Callable[[str], str] = str.casefold) -> Report:
    scored = [g for g in golds if g.required in ("yes", "optional")]
    forbidden = [g for g in golds if g.required == "forbidden"]
    articles = {g.article for g in golds if g.article}
    if articles:  # judge only predictions from articles the gold covers
        preds = [p for p in preds if any(compatible_article(a, p) for a in articles)]
    pairs = assign(scored, preds, canonical)
    matched_preds = {id(p.pred) for p in pairs}
    forbidden_hits = [(g, p) for g in forbidden for p in preds if id(p) not in matched_preds and compatible(g, p)]
    required = [g for g in scored if g.required == "yes"]
    tp = sum(1 for p in pairs if p.gold.required == "yes")
    fp = len(preds) - len(matched_preds)
    report = Report()
    report.counts = {"gold_required": len(required), "gold_optional": len(scored) - len(required),
                     "gold_forbidden": len(forbidden), "predicted": len(preds), "matched": len(pairs),
                     "forbidden_hits": len({id(g) for g, _ in forbidden_hits})}
    report.detection = _prf(tp, fp, len(required) - tp)
    report.fields = _field_agreement(pairs, canonical)
    report.confusion = _confusion(pairs)
    report.location_errors_km = [round(e, 1) for e in (location_error_km(p.gold, p.pred) for p in pairs) if e is not None]
    report.fields.update(_location_summary(report.location_errors_km))
    report.fatality_pairs = [(p.gold.fatalities, p.pred.fatalities) for p in pairs if p.gold.fatalities is not None]
    report.fields.update(_fatality_summary(pairs))
    report.worst = _worst(pairs, canonical, forbidden_hits)
    matched_golds = {id(p.gold) for p in pairs}
    report.missed = [{"gold_row": g.row, "article": g.article, "sub_event_type": g.sub_event_type or g.event_type,
                      "date": g.start.isoformat() if g.start else None, "location": "|".join(g.locations),
                      "gold_evidence": g.evidence} for g in required if id(g) not in matched_golds]
    report.unmatched = [{"event_id": p.event_id, "sub_event_type": p.sub_event_type, "date": p.event_date,
                         "location": p.location, "articles": sorted({s.article_id for s in p.sources}),
                         "pred_evidence": next((e.text for e in p.evidence if e.field == "event_type"), "")}
                        for p in preds if id(p) not in matched_preds]
    return report


def compatible_article(article: str, pred: Event) -> bool:
    wanted = article.rsplit("/", 1)[-1]
    return any(s.article_id == article or s.article_id.rsplit("/", 1)[-1] == wanted for s in pred.sources)


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3)}


def _share(values: list[bool]) -> dict:
    return {"agree": sum(values), "of": len(values), "share": round(sum(values) / len(values), 3) if values else None}


def _field_agreement(pairs: list[Pair], canonical) -> dict:
    typed = [p for p in pairs if p.gold.event_type]
    subtyped = [p for p in pairs if p.gold.sub_event_type]
    dated = [p for p in pairs if p.gold.start]
    return {
        "event_type": _share([p.gold.event_type == p.pred.event_type for p in typed]),
        "sub_event_type": _share([p.gold.sub_event_type == p.pred.sub_event_type for p in subtyped]),
        "actor1": _share([actor_agrees(p.gold.actor1, p.pred.actor1, canonical) for p in pairs if p.gold.actor1]),
        "actor2": _share([actor_agrees(p.gold.actor2, p.pred.actor2, canonical) for p in pairs if p.gold.actor2]),
        "date_exact": _share([_date_exact(p) for p in dated]),
        "date_within_precision": _share([dates_overlap(p.gold, p.pred) for p in dated]),
        "location_name": _share([same_name(p.gold.locations, p.pred.location) for p in pairs if p.gold.locations]),
        "fatalities_scope": _share([(p.gold.fatalities_scope or "event") == p.pred.fatalities_scope for p in pairs if p.gold.fatalities_scope]),
    }


def _date_exact(pair: Pair) -> bool:
    gold, pred = pair.gold, pair.pred
    return pred.event_date == gold.start.isoformat() and (pred.date_end or pred.event_date) == (gold.end or gold.start).isoformat()


def _confusion(pairs: list[Pair]) -> dict:
    counts = Counter((p.gold.sub_event_type or p.gold.event_type, p.pred.sub_event_type) for p in pairs if p.gold.event_type)
    table: dict = {}
    for (gold, pred), n in counts.items():
        table.setdefault(gold, {})[pred] = n
    return table


def _location_summary(errors: list[float]) -> dict:
    if not errors:
        return {"location_km": {"median": None, "within_10km": None, "within_50km": None, "of": 0}}
    return {"location_km": {"median": round(statistics.median(errors), 1),
                            "within_10km": round(sum(e <= 10 for e in errors) / len(errors), 3),
                            "within_50km": round(sum(e <= 50 for e in errors) / len(errors), 3), "of": len(errors)}}


def _fatality_summary(pairs: list[Pair]) -> dict:
    known = [p for p in pairs if p.gold.fatalities is not None]
    if not known:
        return {"fatalities": {"exact": None, "within_1": None, "mae": None, "of": 0}}
    diffs = [abs(p.gold.fatalities - (p.pred.fatalities or 0)) for p in known]
    return {"fatalities": {"exact": round(sum(d == 0 for d in diffs) / len(diffs), 3),
                           "within_1": round(sum(d <= 1 for d in diffs) / len(diffs), 3),
                           "mae": round(sum(diffs) / len(diffs), 2), "of": len(diffs)}}


def _worst(pairs: list[Pair], canonical, forbidden_hits, limit: int = 10) -> list[dict]:
    rows = []
    for pair in pairs:
        wrong = _wrong_fields(pair, canonical)
        if wrong:
            rows.append({"gold_row": pair.gold.row, "event_id": pair.pred.event_id, "wrong": wrong,
                         "gold_evidence": pair.gold.evidence,
                         "pred_evidence": next((e.text for e in pair.pred.evidence if e.field == "event_type"), "")})
    for gold, pred in forbidden_hits:
        rows.append({"gold_row": gold.row, "event_id": pred.event_id, "wrong": ["forbidden: not an event of this article"],
                     "gold_evidence": gold.evidence, "pred_evidence": next((e.text for e in pred.evidence), "")})
    return sorted(rows, key=lambda r: -len(r["wrong"]))[:limit]


def _wrong_fields(pair: Pair, canonical) -> list[str]:
    gold, pred = pair.gold, pair.pred
    wrong = []
    if gold.sub_event_type and gold.sub_event_type != pred.sub_event_type:
        wrong.append(f"sub_event_type: {gold.sub_event_type} != {pred.sub_event_type}")
    for name in ("actor1", "actor2"):
        if getattr(gold, name) and not actor_agrees(getattr(gold, name), getattr(pred, name), canonical):
            wrong.append(f"{name}: {'|'.join(getattr(gold, name))} != {getattr(pred, name)}")
    if gold.start and not _date_exact(pair):
        wrong.append(f"date: {gold.start}..{gold.end} != {pred.event_date}..{pred.date_end}")
    if gold.fatalities is not None and gold.fatalities != pred.fatalities:
        wrong.append(f"fatalities: {gold.fatalities} != {pred.fatalities}")
    return wrong
