"""Event typing on CASE 2021 task 2 (ACLED-style snippets): macro-F1 over violent sub-event types,
and the share of peaceful snippets that yield a violent event. Places there are partly fictional:
only the type is scored. Run: python benchmarks/bench_events.py [--shared ../shared]"""

from __future__ import annotations

import csv
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, RawPipeline, print_rows, row, skipped  # noqa: E402

LABELS = {
    "ARMED_CLASH": "Armed clash", "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory", "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike", "SUIC_BOMB": "Suicide bomb", "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED", "GRENADE": "Grenade", "SEX_VIOL": "Sexual violence", "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance", "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention", "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration", "MOB_VIOL": "Mob violence", "AGREEMENT": "Agreement", "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity", "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established", "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory", "OTHER": "Other",
}
PEACEFUL = {"PEACE_PROTEST", "PROTEST_WITH_INTER", "DIPLO", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "ORG_CRIME", "AGREEMENT"}


def read_snippets(path: Path) -> list[tuple[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        return [(r["EventSnippet"] or "", (r["SubType"] or "").strip()) for r in reader if r.get("SubType")]


def predict(pipeline, text: str) -> str | None:
    """The snippet's type: its first event trigger; a protest is raised to the highest demonstration type
    of its sentence (ACLED: a protest where stones are thrown is a violent demonstration)."""
    from wirecoder import taxonomy
    from wirecoder.records import Article

    doc = pipeline.analyze(Article(id="snippet", text=text))
    triggers = [t for t in doc.triggers if not t.negated]
    if not triggers:
        return None
    first = min(triggers, key=lambda t: t.span.start)
    family = taxonomy.family(first.sub_event_type)
    if family != "demonstrations":  # armed tactics in one snippet are usually one event told in order
        return first.sub_event_type
    same = [t for t in triggers if t.sentence == first.sentence and taxonomy.family(t.sub_event_type) == family]
    return max(same, key=lambda t: (taxonomy.rank(t.sub_event_type), -t.span.start)).sub_event_type


def run(shared: Path) -> list[dict]:
    path = shared / "gold" / "case2021-task2" / "test_set_final_release_with_labels.tsv"
    if not path.exists():
        return skipped("case2021-task2", f"{path} not found")
    from wirecoder import taxonomy
    pipeline = RawPipeline(("segment", "actors", "classify"))
    pairs = [(LABELS.get(label, label), predict(pipeline, text), label) for text, label in read_snippets(path)]
    violent = sorted({LABELS[k] for k in LABELS if taxonomy.is_violent(LABELS[k])})
    f1s = [_f1(pairs, label) for label in violent if any(g == label for g, _, _ in pairs)]
    peaceful = [p for g, p, raw in pairs if raw in PEACEFUL]
    false_alarms = sum(1 for p in peaceful if p and taxonomy.is_violent(p))
    accuracy = sum(1 for g, p, _ in pairs if g == p) / len(pairs)
    confusions = Counter((g, p) for g, p, _ in pairs if g != p and g in violent).most_common(3)
    return [
        row("case2021-task2", "macro-F1 violent sub-event types", round(sum(f1s) / len(f1s), 3), 0.75, f"{len(f1s)} types"),
        row("case2021-task2", "peaceful snippets with a violent event", round(false_alarms / len(peaceful), 3), 0.10, f"of {len(peaceful)}"),
        row("case2021-task2", "sub-event accuracy (all labels)", round(accuracy, 3), None, f"of {len(pairs)}"),
        row("case2021-task2", "top confusions", "; ".join(f"{g}->{p}:{n}" for (g, p), n in confusions), None),
    ]


def _f1(pairs, label: str) -> float:
    tp = sum(1 for g, p, _ in pairs if g == label and p == label)
    fp = sum(1 for g, p, _ in pairs if g != label and p == label)
    fn = sum(1 for g, p, _ in pairs if g == label and p != label)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
