"""Benchmark: exact death counts on PITF atrocities excerpts and GVDB articles.

Usage: python benchmarks/bench_fatalities.py [SHARED_DIR] [--stage]

- pitf-atrocities: 1-3 sentence excerpts with the gold deaths of one incident. Scored on the output
  event with the highest death count (event scope); also reported on the subset whose gold number is
  written in the text (as digits or as a number word).
- gvdb (dev.tsv): full US news articles; gold = victims whose "victim-was" includes "killed".
  An article with no killed victim scores right when nothing is counted. Ordinary gun crime is not
  political violence, so the default pipeline leaves most of it out; it is measured again with the
  example extension ``examples/knowledge/role_words_crime.csv`` that lets criminal killings in.
- seeds: the Middle East Monitor article's "death toll ... at least 341" must be a cumulative toll
  attributed to SOHR (checked on the stage output).

By default the full pipeline (``Pipeline().extract``) is measured; ``--stage`` (or a pipeline that
cannot be built yet) measures the `fatalities` stage alone: clean and segment give sentences, then
dates and fatalities, and the article's number is ``largest_total`` of its event-scope killed counts
(bodies found when no one is said to be killed).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
import re
import sys
import time
from pathlib import Path

from wirecoder.numbers import UNITS, largest_total
from wirecoder.pipeline import Pipeline, build_stage
from wirecoder.records import AnalyzedArticle, Article
from wirecoder.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))
from common import CRIME_EXTENSION  # noqa: E402

SAMPLE = 2000  # at most this many PITF incidents (a seeded sample; the dev half has 1,681): ~40 s
GVDB_SAMPLE = 400  # at most this many GVDB articles (dev has 400): ~30 s


class StageCounter:
    """Deaths from the fatalities stage alone (no classify/assemble)."""

    name = "stage"

    def __init__(self):
        settings = Settings()
        self.stages = [build_stage(n, settings) for n in ("clean", "segment", "dates", "fatalities")]

    def analyze(self, article: Article) -> AnalyzedArticle:
        doc = AnalyzedArticle(article=article)
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def deaths(self, article: Article) -> int:
        doc = self.analyze(article)
        total = largest_total(doc.counts) or largest_total(doc.counts, kind="bodies")
        return total.best if total else 0




class PipelineCounter:
    """Deaths of the output event with the most deaths (ACLED `fatalities`, event scope)."""

    name = "pipeline"

    def __init__(self, knowledge: tuple[Path, ...] = ()):
        self.pipeline = Pipeline(Settings(knowledge_paths=knowledge))
        if knowledge:
            self.name = "pipeline + " + ", ".join(p.name for p in knowledge)

    def deaths(self, article: Article) -> int:
        events = [e for e in self.pipeline.extract(article) if e.fatalities_scope == "event"]
        return max((e.fatalities_best or e.fatalities or 0 for e in events), default=0)


def make_counter(stage_only: bool):
    if stage_only:
        return StageCounter()
    try:
        return PipelineCounter()
    except Exception as error:  # the pipeline is still being assembled: say so and measure the stage
        print(f"pipeline unavailable ({type(error).__name__}: {error}); measuring the stage alone")
        return StageCounter()


def written_in_text(number: int, text: str) -> bool:
    words = {n: w for n, w in enumerate(UNITS[:20])} | {20 + 10 * i: w for i, w in enumerate(UNITS[20:])}
    if re.search(rf"(?<![\d,.]){number:,}(?![\d])|(?<![\d,.]){number}(?!\d)", text):
        return True
    return number in words and re.search(rf"\b{words[number]}\b", text, re.IGNORECASE) is not None


def bench_pitf(folder: Path, counter) -> list[dict]:
    rows = [json.loads(line) for line in open(folder / "incidents_with_description.jsonl", encoding="utf-8")]
    rows = random.Random(7).sample(rows, min(SAMPLE, len(rows)))
    hits = literal = literal_hits = 0
    for row in rows:
        text, gold = row["description"], int(row["deaths"])
        article = Article(id=row["id"], text=text)  # raw text only: the gold date is not a publication date
        right = counter.deaths(article) == gold
        hits += right
        if written_in_text(gold, text):
            literal += 1
            literal_hits += right
    dataset = f"pitf-atrocities ({len(rows)} incidents, {counter.name})"
    return [
        {"dataset": dataset, "metric": "exact deaths", "value": round(hits / len(rows), 3), "target": 0.80},
        {"dataset": dataset, "metric": f"exact deaths, number in text (n={literal})",
         "value": round(literal_hits / max(literal, 1), 3), "target": 0.92},
    ]


def gvdb_gold(annotation: str) -> int:
    victims = json.loads(annotation).get("victim-section") or []
    return sum(1 for v in victims if "killed" in (v.get("victim-was") or []))


def bench_gvdb(folder: Path, counter) -> list[dict]:
    csv.field_size_limit(10**8)
    with open(folder / "dev.tsv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    rows = random.Random(7).sample(rows, min(GVDB_SAMPLE, len(rows)))
    hits = 0
    for row in rows:
        article = Article(id=row["Article id"], text=row["Full text"])
        hits += counter.deaths(article) == gvdb_gold(row["Json"])
    dataset = f"gvdb dev ({len(rows)} articles, {counter.name})"
    return [{"dataset": dataset, "metric": "exact killed", "value": round(hits / len(rows), 3), "target": 0.75}]


def bench_seeds(folder: Path, counter) -> list[dict]:
    """The seed article's 341 is SOHR's running toll: cumulative, never one day's event."""
    path = next(folder.glob("000_*.txt"), None)
    if path is None:
        print(f"skipped: {folder}/000_*.txt not found")
        return []
    article = Article(id=path.name, text=path.read_text(encoding="utf-8"), published=dt.date(2018, 10, 5))
    doc = StageCounter().analyze(article) if isinstance(counter, PipelineCounter) else counter.analyze(article)
    tolls = [c for c in doc.counts if c.best == 341]
    right = bool(tolls) and all(
        c.scope == "cumulative" and c.reported_by == "Syrian Observatory for Human Rights" for c in tolls
    )
    return [{"dataset": "seeds", "metric": "341 cumulative, from SOHR", "value": float(right), "target": 1.0}]


def bench_gvdb_with_crime(shared: Path) -> list[dict]:
    """GVDB is ordinary US gun crime, which the default lexicon leaves out (political violence
    only); the example extension for users who code criminal violence too lets it in."""
    folder = Path(shared) / "gold" / "gvdb"
    if not folder.is_dir() or not CRIME_EXTENSION.exists():
        return []
    return bench_gvdb(folder, PipelineCounter((CRIME_EXTENSION,)))


def run(shared: Path, stage_only: bool | None = None) -> list[dict]:
    """Both ways by default: the whole pipeline (what users get: political violence only) and the
    fatalities stage alone (how well numbers are read, whatever the event)."""
    if stage_only is None:
        stage = [r for r in run(shared, stage_only=True) if not r["dataset"].startswith("seeds")]
        return run(shared, stage_only=False) + bench_gvdb_with_crime(shared) + stage
    results: list[dict] = []
    counter = None
    benches = (("gold/pitf-atrocities", bench_pitf), ("gold/gvdb", bench_gvdb), ("seeds", bench_seeds))
    for name, bench in benches:
        folder = Path(shared) / name
        if not folder.is_dir():
            print(f"skipped: {folder} not found")
            continue
        counter = counter or make_counter(stage_only)
        results += bench(folder, counter)
    return results


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    started = time.time()
    for result in run(Path(args[0] if args else "/work/shared"), stage_only=True if "--stage" in sys.argv else None):
        print(f"{result['dataset']:45} {result['metric']:42} {result['value']:.3f}  (target {result['target']})")
    print(f"{time.time() - started:.0f} s")
