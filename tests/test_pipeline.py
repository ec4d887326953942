"""The stage list: chain checking, triage short-circuit, the public surface."""

from __future__ import annotations

from dataclasses import replace

import pytest

import wirecoder
from wirecoder.errors import PipelineError
from wirecoder.pipeline import STAGES, Pipeline, check_chain
from wirecoder.records import AnalyzedArticle, Article, Span


class FakeStage:
    def __init__(self, name, reads, writes, effect=None):
        self.name, self.reads, self.writes, self.effect = name, reads, writes, effect
        self.calls = 0

    def __call__(self, doc):
        self.calls += 1
        return self.effect(doc) if self.effect else doc


def test_pipeline_check_chain_names_the_missing_field():
    stages = [FakeStage("clean", ("article",), ("blocks",)), FakeStage("places", ("sentences",), ("places",))]
    with pytest.raises(PipelineError, match="W501.*'places' reads 'sentences'"):
        check_chain(stages)


def test_pipeline_bundled_stages_chain():
    import importlib

    classes = []
    for name in STAGES:
        module = importlib.import_module(f"wirecoder.stages.{name}")
        found = [v for v in vars(module).values() if isinstance(v, type) and getattr(v, "name", None) == name]
        assert found, f"stages/{name}.py has no stage class named {name!r}"
        classes.append(found[0])
    check_chain(classes)  # reads/writes are class attributes: checked without loading any model


def test_pipeline_skips_later_stages_when_triage_says_not_relevant():
    pipeline = Pipeline.__new__(Pipeline)
    later = FakeStage("segment", ("blocks",), ("sentences",))
    pipeline.stages = [
        FakeStage("clean", ("article",), ("blocks",), lambda d: replace(d, blocks=(Span(0, 4, "Goal"),))),
        FakeStage("triage", ("blocks",), ("relevant",), lambda d: replace(d, relevant=False)),
        later,
    ]
    doc = pipeline.analyze(Article("sport", "Goal"))
    assert isinstance(doc, AnalyzedArticle) and doc.relevant is False
    assert later.calls == 0


def test_pipeline_public_surface_is_pinned():
    assert sorted(wirecoder.__all__) == ["Article", "Event", "Pipeline", "Settings", "__version__", "extract"]
