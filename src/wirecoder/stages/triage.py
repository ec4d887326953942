"""Stage `triage`: is this article about political violence, protest or strategic moves at all,
and which parts of it are worth reading closely?

Reads: blocks
Writes: relevant (False: no trigger word in any kept block; the language model never runs),
        blocks (narrowed to the passages around trigger words, plus the lede)
Settings: knowledge_paths (extra ``triggers*.csv`` and ``role_words*.csv`` files)

Every trigger pattern is searched with one compiled alternation. Weak triggers ("killed", "attacked")
count only near a word for an armed party ("gunmen", "troops") or an actor of the registry ("Boko
Haram"): local crime news is full of them.
Most of a real news stream is not about conflict, and most of a long article is not about its event;
sending spaCy only the passages around triggers is what makes the whole pipeline faster than a bare
spaCy pass. Triage only narrows: ``classify`` decides what is an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..actors import load_registry
from ..knowledge import read_rows
from ..records import AnalyzedArticle, Span
from ..settings import Settings

WEAK = 0.6  # the same threshold as classify: below it a trigger needs an armed party nearby
NEAR = 200  # characters around a weak trigger searched for an armed party
BEFORE, AFTER = 700, 400  # characters of context kept around a trigger (places and dates come first)
LEDE = 400  # the start of the article is always kept: datelines and the main place live there
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _alternation(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class TriageStage:
    name = "triage"
    reads = ("blocks",)
    writes = ("relevant", "blocks")

    def __init__(self, strong: re.Pattern | None, weak: re.Pattern | None, armed: re.Pattern | None, actors: list[re.Pattern] = ()):
        self.strong, self.weak, self.armed = strong, weak, armed
        self.actors = [p for p in actors if p is not None]  # named armed groups: "Boko Haram killed..."

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        text = doc.article.text
        hits = [h for block in doc.blocks for h in self.hits(text, block)]
        if not hits:
            return replace(doc, relevant=False)
        return replace(doc, relevant=True, blocks=tuple(self.passages(text, doc.blocks, hits)))

    def hits(self, text: str, block: Span) -> list[int]:
        found = [m.start() for m in self.strong.finditer(text, block.start, block.end)] if self.strong else []
        for match in self.weak.finditer(text, block.start, block.end) if self.weak else ():
            window = (max(block.start, match.start() - NEAR), min(block.end, match.end() + NEAR))
            if any(p.search(text, *window) for p in [self.armed, *self.actors] if p is not None):
                found.append(match.start())
        return found

    def passages(self, text: str, blocks: Iterable[Span], hits: list[int]) -> list[Span]:
        """Each block's parts around the hits, widened to sentence ends; the lede always."""
        kept = []
        for index, block in enumerate(blocks):
            wanted = [(h - BEFORE, h + AFTER) for h in hits if block.start <= h < block.end]
            if index == 0:
                wanted.append((block.start, block.start + LEDE))
            for start, end in _merged(wanted):
                start, end = _to_sentence_ends(text, max(block.start, start), min(block.end, end), block)
                kept.append(Span(start, end, text[start:end]))
        return kept


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _to_sentence_ends(text: str, start: int, end: int, block: Span) -> tuple[int, int]:
    if start > block.start:
        before = list(SENTENCE_END.finditer(text, block.start, start))
        start = before[-1].end() if before else block.start
    if end < block.end:
        after = SENTENCE_END.search(text, end, block.end)
        end = after.start() if after else block.end
    return start, end


def build(settings: Settings) -> TriageStage:
    rows = list(read_rows("triggers", ("pattern", "sub_event_type"), settings.knowledge_paths))
    strong = [r["pattern"] for r in rows if float(r["confidence"] or 0.7) >= WEAK]
    weak = [r["pattern"] for r in rows if float(r["confidence"] or 0.7) < WEAK]
    roles = read_rows("role_words", ("pattern", "kind"), settings.knowledge_paths)
    armed = [r["pattern"] for r in roles if r["kind"] == "combatant"]
    registry = load_registry(tuple(settings.knowledge_paths))
    return TriageStage(_alternation(strong), _alternation(weak), _alternation(armed), registry.named_armed_patterns())
