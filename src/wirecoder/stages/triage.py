"""Stage `triage`: is this article about political violence, protest or strategic moves at all,
and which parts of it are worth reading closely?

Reads: blocks
Writes: relevant (False: no trigger word in any kept block; the language model never runs),
        blocks (narrowed to the passages around trigger words, plus the lede)
Settings: knowledge_paths (extra ``triggers*.csv`` and ``role_words*.csv`` files)

Every trigger pattern is searched with one compiled alternation. Weak triggers ("killed", "attacked")
count only near a word for an armed party ("gunmen", "troops"), an actor of the registry ("Boko
Haram") or counted victims ("killing 11 villagers", "five people were shot dead"): local crime news is
full of them, and a lone weak word is rarely political violence.
Most of a real news stream is not about conflict, and most of a long article is not about its event;
sending spaCy only the passages around triggers is what makes the whole pipeline faster than a bare
spaCy pass. Triage only narrows: ``classify`` decides what is an event.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..actors import load_registry
from ..knowledge import compile_for_lowered_text, lowered_text, read_rows
from ..numbers import DIGITS, NUMBER_WORDS
from ..records import WEAK_TRIGGER as WEAK
from ..records import AnalyzedArticle, Span
from ..settings import Settings

NEAR = 200  # characters around a weak trigger searched for an armed party
NEAR_VICTIMS = 150  # counted victims must be close: "killing 11 villagers", "five people were shot dead"
BEFORE, AFTER = 700, 400  # characters of context kept around a trigger (places and dates come first)
LEDE = 400  # the start of the article is always kept: datelines and the main place live there
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")


def _alternation(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class TriggerWords:
    """One alternation of trigger patterns, searched on lower-cased text when it can be.

    Python's ``re`` tries a long case-insensitive alternation several times slower than a
    case-sensitive one, and triage runs on every article of the stream.
    """

    def __init__(self, patterns: list[str]):
        # the few case-sensitive patterns keep their own search on the original text
        fast = [p for p in patterns if compile_for_lowered_text(p) is not None]
        self.lowered = compile_for_lowered_text(_alternation(fast).pattern) if fast else None
        self.folded = _alternation([p for p in patterns if p not in fast])
        self.fallback = _alternation(fast)  # for text whose lower-casing changes its length

    def starts(self, text: str, lowered: str | None, start: int, end: int) -> list[re.Match]:
        if lowered is None:  # "İ" lower-cases to two characters: offsets would drift
            return [m for p in (self.fallback, self.folded) if p for m in p.finditer(text, start, end)]
        found = list(self.lowered.finditer(lowered, start, end)) if self.lowered else []
        return found + (list(self.folded.finditer(text, start, end)) if self.folded else [])


class TriageStage:
    name = "triage"
    reads = ("blocks",)
    writes = ("relevant", "blocks")

    def __init__(
        self,
        strong: TriggerWords,
        weak: TriggerWords,
        armed: re.Pattern | None,
        actors: list[re.Pattern] = (),
        victims: re.Pattern | None = None,
    ):
        self.strong, self.weak = strong, weak
        named = [p for p in actors if p is not None]  # named armed groups: "Boko Haram killed..."
        context = [(p, NEAR) for p in [armed, *named] if p is not None]
        if victims is not None:
            context.append((victims, NEAR_VICTIMS))
        self.context = [(p, _for_lowered(p), near) for p, near in context]

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        text = doc.article.text
        lowered = lowered_text(text)
        hits = [h for block in doc.blocks for h in self.hits(text, lowered, block)]
        if not hits:
            return replace(doc, relevant=False)
        return replace(doc, relevant=True, blocks=tuple(self.passages(text, doc.blocks, hits)))

    def hits(self, text: str, lowered: str | None, block: Span) -> list[int]:
        found = [m.start() for m in self.strong.starts(text, lowered, block.start, block.end)]
        for match in self.weak.starts(text, lowered, block.start, block.end):
            if any(
                _search(pattern, fast, text, lowered, max(block.start, match.start() - near), min(block.end, match.end() + near))
                for pattern, fast, near in self.context
            ):
                found.append(match.start())
        return found

    def passages(self, text: str, blocks: Iterable[Span], hits: list[int]) -> list[Span]:
        """Each block's parts around the hits, widened to sentence ends; the lede always."""
        kept = []
        blocks = list(blocks)
        # the lede spans paragraphs: wire copy often gives each sentence its own line
        lede_end = blocks[0].start + LEDE if blocks else 0
        for block in blocks:
            # the window crosses paragraph breaks: "... came under attack." / "Four passengers died."
            wanted = [(h - BEFORE, h + AFTER) for h in hits if h - BEFORE < block.end and block.start < h + AFTER]
            if block.start < lede_end:
                wanted.append((block.start, lede_end))
            for start, end in _merged(wanted):
                start, end = _to_sentence_ends(text, max(block.start, start), min(block.end, end), block)
                kept.append(Span(start, end, text[start:end]))
        return kept


def _for_lowered(pattern: re.Pattern) -> re.Pattern | None:
    return compile_for_lowered_text(pattern.pattern) if pattern.flags & re.IGNORECASE else None


def _search(pattern: re.Pattern, fast: re.Pattern | None, text: str, lowered: str | None, start: int, end: int) -> bool:
    if fast is not None and lowered is not None:
        return fast.search(lowered, start, end) is not None
    return pattern.search(text, start, end) is not None


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
    roles = list(read_rows("role_words", ("pattern", "kind"), settings.knowledge_paths))
    armed = [r["pattern"] for r in roles if r["kind"] == "combatant"]
    registry = load_registry(tuple(settings.knowledge_paths))
    victims = counted_victims([r["pattern"] for r in roles if r["kind"] == "civilian"], settings)
    return TriageStage(
        TriggerWords(strong), TriggerWords(weak), _alternation(armed), registry.named_armed_patterns(), victims
    )


def counted_victims(civilian_words: list[str], settings: Settings) -> re.Pattern | None:
    """ "11 villagers", "five people", "dozens of civilians": a number of people, the mark of a
    massacre or an attack rather than one crime."""
    if not civilian_words:
        return None
    vague = [
        re.escape(r["phrase"]).replace(r"\ ", r"\s+")
        for r in read_rows("count_words", ("phrase", "kind"), settings.knowledge_paths)
        if r["kind"] == "exact" or (r["kind"] == "vague" and int(r["value"] or 0) >= 10)  # not "some"
    ]
    quantity = "|".join([DIGITS, NUMBER_WORDS, *vague])
    # "two Palestinians", "seven Afghans": counted people of a nation
    nationals = [re.escape(w) for r in read_rows("demonyms", ("demonym",), settings.knowledge_paths)
                 for w in r["demonym"].split("|") if w.endswith("s")]
    people = "|".join(f"(?:{w})" for w in [*civilian_words, *nationals])
    counted = rf"(?:{quantity})\s+(?:of\s+)?(?:[\w-]+\s+){{0,2}}?(?:{people})\b"
    left_dead = rf"\b(?:left|leaving)\s+(?:at\s+least\s+)?(?:{quantity})\s+(?:people\s+)?dead\b"  # "left five dead"
    return re.compile(f"{counted}|{left_dead}", re.IGNORECASE)
