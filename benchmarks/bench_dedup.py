"""Cross-article event coreference on ECB+ and a scale check of clustering.

ECB+ topics each hold two different real events of the same kind (files ``N_kecb.xml`` report one,
``N_kecbplus.xml`` the other), told by many documents. Documents go through the whole pipeline and
dedup; two documents "report the same event" when they share a merged event. Scored over document
pairs: precision, recall, F1, and the share of look-alike pairs (same topic, other event) merged.
Run: python benchmarks/bench_dedup.py [--shared ../shared]
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import CRIME_EXTENSION, SHARED_DEFAULT, print_rows, row, skipped  # noqa: E402


def read_document(path: Path) -> str:
    sentences: dict[int, list[str]] = defaultdict(list)
    for token in ET.parse(path).getroot().iter("token"):
        sentences[int(token.get("sentence"))].append(token.text or "")
    skip_url = path.name.endswith("ecbplus.xml")  # sentence 0 of ECB+ documents is the source URL
    return "\n".join(" ".join(words) for number, words in sorted(sentences.items()) if not (skip_url and number == 0))


def gold_event(path: Path) -> tuple[str, str]:
    topic = path.name.split("_")[0]
    return topic, "plus" if path.name.endswith("ecbplus.xml") else "ecb"


def score_ecbplus(folder: Path, knowledge_paths: tuple[Path, ...] = (), dataset: str = "ecbplus") -> list[dict]:
    from wirecoder import Pipeline
    from wirecoder.dedup import article_stories, cluster_events, near_duplicate_articles
    from wirecoder.records import Article
    from wirecoder.settings import Settings

    pipeline = Pipeline(Settings(knowledge_paths=knowledge_paths))
    paths = sorted(folder.rglob("*.xml"))
    texts = {p.name: read_document(p) for p in paths}
    reports = [e for p in paths for e in pipeline.extract(Article(id=p.name, text=texts[p.name]))]
    events = cluster_events(reports, (), near_duplicate_articles(texts.items()), stories=article_stories(list(texts.items()))).events
    shared: dict[str, set[str]] = defaultdict(set)
    for event in events:
        for source in event.sources:
            shared[source.article_id].add(event.event_id)
    tp = fp = fn = lookalike_pairs = lookalike_merged = 0
    for a, b in itertools.combinations(paths, 2):
        same_gold = gold_event(a) == gold_event(b)
        same_pred = bool(shared[a.name] & shared[b.name])
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
        if gold_event(a)[0] == gold_event(b)[0] and not same_gold:
            lookalike_pairs += 1
            lookalike_merged += same_pred
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    with_events = sum(1 for p in paths if shared[p.name])
    note = f"{len(paths)} documents ({with_events} with events), {len(reports)} reports -> {len(events)} events"
    return [
        row(dataset, "document-pair precision", round(precision, 3), 0.85, note),
        row(dataset, "document-pair recall", round(recall, 3), 0.85),
        row(dataset, "document-pair F1", round(f1, 3), 0.85),
        row(dataset, "look-alike pairs merged", round(lookalike_merged / lookalike_pairs, 3) if lookalike_pairs else None, 0.05),
    ]


def synthetic_reports(count: int, seed: int = 7):
    """Reports of count/3 events in 40 countries over two years, each told by about three outlets."""
    from wirecoder.records import Event, Source

    rng = random.Random(seed)
    start = dt.date(2018, 1, 1)
    reports = []
    for index in range(count):
        event = index // 3
        local = random.Random(event)
        day = start + dt.timedelta(days=local.randrange(730))
        lat, lon = local.uniform(-30, 50), local.uniform(-20, 120)
        reports.append(Event(
            event_id=f"r-{index}", event_date=day.isoformat(), date_end=day.isoformat(), time_precision=1,
            disorder_type="Political violence", event_type="Battles", sub_event_type="Armed clash",
            actor1=f"Group {local.randrange(50)}", actor2=f"Group {local.randrange(50, 100)}",
            iso3=f"C{local.randrange(40):02d}", latitude=lat + rng.uniform(-0.01, 0.01), longitude=lon,
            geo_precision=1, geonameid=event, sources=(Source(article_id=f"a-{index}"),),
        ))
    return reports


def scale() -> list[dict]:
    from wirecoder.dedup import cluster_events

    rows = []
    for count in (10_000, 100_000):
        reports = synthetic_reports(count)
        began = time.perf_counter()
        events = cluster_events(reports).events
        seconds = time.perf_counter() - began
        rows.append(row("dedup scale", f"cluster {count:,} reports (s)", round(seconds, 2), None, f"-> {len(events):,} events"))
    rows.append(row("dedup scale", "time ratio 100k / 10k (linear = 10)", round(rows[1]["value"] / rows[0]["value"], 1)))
    return rows


def run(shared: Path) -> list[dict]:
    """ECB+ twice: in the default scope (political violence; its office shootings are crimes and stay
    out) and with the example crime extension, as a user coding crime news would run it."""
    folder = shared / "gold" / "ecbplus" / "ECB+"
    if not folder.exists():
        return skipped("ecbplus", f"{folder} not found") + scale()
    with_crime = score_ecbplus(folder, (CRIME_EXTENSION,), "ecbplus +crime") if CRIME_EXTENSION.exists() else []
    return score_ecbplus(folder) + with_crime + scale()


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
