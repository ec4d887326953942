from wirecoder.settings import Settings
from wirecoder.stages import triage

from stagekit import analyzed


def test_triage_lets_conflict_news_through():
    stage = triage.build(Settings())
    assert stage(analyzed("Rebels shelled the outskirts of the town overnight.")).relevant


def test_triage_stops_news_without_any_trigger_word():
    stage = triage.build(Settings())
    text = "The central bank kept interest rates unchanged on Thursday, citing slowing growth in exports."
    assert not stage(analyzed(text)).relevant


def test_triage_looks_only_at_kept_blocks():
    stage = triage.build(Settings())
    doc = analyzed("Markets were calm. READ: Air strikes hit the city")
    first = doc.sentences[0].span
    from dataclasses import replace

    assert not stage(replace(doc, blocks=(first,))).relevant
