"""The pipeline: an explicit, ordered list of stages, checked when it is built.

Each stage lives in ``wirecoder/stages/<name>.py`` and exposes ``build(settings) -> stage``. A stage
is a callable ``AnalyzedArticle -> AnalyzedArticle`` with ``name``, ``reads`` and ``writes``
(field names of :class:`~wirecoder.records.AnalyzedArticle`). When triage marks an article as not
relevant, the remaining stages are skipped: no language model runs on sports news.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import Protocol

from .errors import W501, PipelineError
from .records import AnalyzedArticle, Article, Event
from .settings import Settings

STAGES: tuple[str, ...] = (
    "clean",  # drop slogans, captions, READ: links, bylines, repeated ledes (offsets kept)
    "triage",  # cheap trigger-word check: is this article about conflict at all?
    "segment",  # spaCy sentences and entity candidates
    "actors",  # actor registry: aliases -> canonical ACLED names, inter codes
    "places",  # toponyms -> gazetteer places
    "classify",  # event triggers -> ACLED disorder/event/sub-event types
    "dates",  # date expressions resolved against the publication date
    "fatalities",  # counts (killed, injured...), cumulative tolls, attributions
    "assemble",  # one Event per trigger, each field with its evidence
)


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle: ...


def build_stage(name: str, settings: Settings) -> Stage:
    module = importlib.import_module(f"wirecoder.stages.{name}")
    return module.build(settings)


def check_chain(stages: Sequence[Stage]) -> None:
    """Raise W501 when a stage reads a field that no earlier stage writes."""
    available = {"article"}
    for stage in stages:
        for read in stage.reads:
            if read not in available:
                raise PipelineError(W501.format(stage=stage.name, field=read), "W501")
        available.update(stage.writes)


class Pipeline:
    """Articles in, events out.

    >>> pipeline = Pipeline()
    >>> events = pipeline.extract(Article(id="a", text="...", published=datetime.date(2018, 10, 5)))
    """

    def __init__(self, settings: Settings | None = None, stages: Iterable[str] = STAGES):
        self.settings = settings or Settings()
        self.stages: list[Stage] = [build_stage(name, self.settings) for name in stages]
        check_chain(self.stages)

    def analyze(self, article: Article) -> AnalyzedArticle:
        doc = AnalyzedArticle(article=article)
        for stage in self.stages:
            if not doc.relevant:
                break
            doc = stage(doc)
        return doc

    def extract(self, article: Article) -> list[Event]:
        return list(self.analyze(article).events)
