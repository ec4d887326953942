"""Stage `triage`: is this article about political violence, protest or strategic moves at all?

Reads: blocks
Writes: relevant (False: no trigger word in any kept block; the language model never runs)
Settings: knowledge_paths (extra ``triggers*.csv`` files)

One compiled alternation of every trigger pattern, searched over the kept text. Most of a real news
stream is not about conflict; skipping spaCy for it is what makes the whole pipeline faster than a
bare spaCy pass. Triage only lets articles through: ``classify`` decides what is an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..knowledge import read_rows
from ..records import AnalyzedArticle
from ..settings import Settings


def any_trigger_pattern(extra: Iterable[Path] = ()) -> re.Pattern:
    patterns = [row["pattern"] for row in read_rows("triggers", ("pattern", "sub_event_type"), extra)]
    return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class TriageStage:
    name = "triage"
    reads = ("blocks",)
    writes = ("relevant",)

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        text = doc.article.text
        blocks = doc.blocks or ()
        relevant = any(self.pattern.search(text, block.start, block.end) for block in blocks)
        return replace(doc, relevant=relevant)


def build(settings: Settings) -> TriageStage:
    return TriageStage(any_trigger_pattern(settings.knowledge_paths))
