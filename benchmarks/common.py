"""What every benchmark shares: where the gold data is, result rows, a pipeline, distances."""

from __future__ import annotations

import datetime as dt
import math
import random
from pathlib import Path

SHARED_DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared"
SAMPLE_SEED = 20181005
# the example extension for users who code criminal violence too (GVDB, ECB+'s shootings and bank bombing)
CRIME_EXTENSION = Path(__file__).resolve().parent.parent / "examples" / "knowledge" / "role_words_crime.csv"


def row(dataset: str, metric: str, value, target=None, note: str = "") -> dict:
    return {"dataset": dataset, "metric": metric, "value": value, "target": target, "note": note}


def skipped(dataset: str, why: str) -> list[dict]:
    return [row(dataset, "skipped", None, None, why)]


def sample(items: list, size: int | None) -> list:
    """A fixed random sample (the same on every run), or everything."""
    if size is None or len(items) <= size:
        return items
    return random.Random(SAMPLE_SEED).sample(items, size)


def parse_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


def print_rows(rows: list[dict]) -> None:
    for r in rows:
        value = r["value"] if r["value"] is not None else "-"
        target = "" if r["target"] is None else f"(target {r['target']})"
        print(f"{r['dataset']:<28} {r['metric']:<44} {value!s:<10} {target} {r.get('note', '')}")


class RawPipeline:
    """Stages run on the raw text (no cleaning): gold offsets and snippets stay as they are."""

    def __init__(self, stages: tuple[str, ...]):
        from wirecoder.pipeline import build_stage
        from wirecoder.settings import Settings

        settings = Settings()
        self.stages = [build_stage(name, settings) for name in stages]

    def analyze(self, article):
        from wirecoder.records import AnalyzedArticle, Span

        doc = AnalyzedArticle(article=article, blocks=(Span(0, len(article.text), article.text),))
        for stage in self.stages:
            doc = stage(doc)
        return doc

    def extract(self, article):
        return list(self.analyze(article).events)
