"""`wirecoder run`: read inputs, extract what changed, store it, then merge reports into events.

The steps, in order:
1. ``ingest`` turns each input into Articles (or a Skipped/Notice with a reason).
2. An article whose text, metadata and pipeline version are unchanged since the last run is skipped:
   re-running on the same input changes nothing.
3. Otherwise the pipeline extracts its reports, and the store replaces that article's old reports in
   one transaction (so a run killed half way keeps every article already saved).
4. When any report changed, ``dedup`` re-clusters all reports into events, keeping ids stable, and
   the store logs what is new, updated, merged or withdrawn.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from . import __version__, dedup
from .ingest import read_inputs
from .knowledge import BUNDLED
from .pipeline import Pipeline
from .records import Article, Notice, RunSummary, Skipped
from .settings import Settings
from .store import Store


@lru_cache(maxsize=8)
def pipeline_version(extra_knowledge: tuple[Path, ...] = ()) -> str:
    """Changes when the code version or any knowledge file changes, so stored reports get re-derived."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(BUNDLED.rglob("*")) + sorted(Path(p) for p in extra_knowledge):
        if Path(path).is_file():
            digest.update(Path(path).name.encode())
            digest.update(Path(path).read_bytes())
    return digest.hexdigest()[:16]


def article_hash(article: Article, version: str) -> str:
    parts = (article.text, article.title, article.published, article.source, article.url, version)
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def run(
    inputs: Iterable[Path],
    store: Store,
    *,
    settings: Settings | None = None,
    published: dt.date | None = None,
    source: str | None = None,
    on_item: Callable[[str], None] | None = None,
) -> RunSummary:
    """Extract and store every article of ``inputs``; return what happened."""
    settings = settings or Settings()
    version = pipeline_version(tuple(settings.knowledge_paths))
    summary = RunSummary()
    pipeline: Pipeline | None = None
    for item in read_inputs(
        list(inputs),
        published=published,
        source=source,
        max_chars=settings.max_chars,
        knowledge_paths=settings.knowledge_paths,
    ):
        if on_item:
            on_item(getattr(item, "id", None) or getattr(item, "origin", ""))
        if isinstance(item, Skipped):
            summary.skipped.append(item)
            continue
        if isinstance(item, Notice):
            summary.notices.append(item)
            continue
        summary.articles_read += 1
        text_hash = article_hash(item, version)
        if store.article_hash(item.id) == text_hash:
            summary.articles_unchanged += 1
            continue
        pipeline = pipeline or Pipeline(settings)
        store.save_article(item, text_hash, pipeline.extract(item), version)
    if store.dirty:
        changes = merge_events(store)
        summary.events_new, summary.events_updated = changes.new, changes.updated
        summary.events_removed = changes.merged + changes.withdrawn
    return summary


def merge_events(store: Store):
    """Re-cluster every stored report into events (ids stay stable) and log the changes."""
    articles = [(a.id, a.text) for a in store.iter_articles()]
    groups = dedup.near_duplicate_articles(articles)
    reports = list(store.iter_reports())
    # only undated reports need their article's story: the others are compared by date
    undated = {s.article_id for r in reports if not r.event_date for s in r.sources}
    stories = dedup.article_stories(articles, wanted=undated)
    result = dedup.cluster_events(reports, list(store.iter_events()), groups, stories=stories)
    return store.replace_events(result.events, result.aliases)
