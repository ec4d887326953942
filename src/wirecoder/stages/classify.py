"""Stage `classify`: words that report an event, typed with ACLED's taxonomy.

Reads: sentences, actors
Writes: triggers (one TriggerMention per event mention: span, ACLED types, the lexicon rule, negated)
Settings: knowledge_paths (extra ``triggers*.csv``, ``trigger_vetoes*.csv``, ``trigger_modifiers*.csv``,
          ``role_words*.csv``)

Per sentence:
1. a sentence with a ``sentence`` veto (an earthquake, a road accident, a robbery) reports no political
   violence; ``phrase`` vetoes ("price war", "heart attack") mask their words;
2. every trigger pattern is matched; overlapping matches keep the longest (then the most confident);
3. the type may depend on who is involved: the same "attacked" is an armed clash against soldiers and an
   attack (violence against civilians) when only civilians are hit; "recaptured" is "Government regains
   territory" when state forces do it, otherwise "Non-state actor overtakes territory";
4. a negation or a hypothetical ("denied", "no", "would", "threatened to") in the clause before the
   trigger marks it ``negated``: assemble makes no event of it;
5. one trigger per sentence and sub-event type is kept ("clashes erupted ... heavy fighting" is one
   mention); different types stay, and assemble merges those with the same actors, day and place at the
   highest type (ACLED's hierarchy) while an air strike by one actor and a clash of others stay two.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from .. import taxonomy
from ..errors import W202, KnowledgeError
from ..knowledge import compile_for_lowered_text, lowered_text, read_rows
from ..records import WEAK_TRIGGER as WEAK  # "killed", "attack" yield to any stronger trigger
from ..records import ActorMention, AnalyzedArticle, Sentence, Span, TriggerMention
from ..settings import Settings

CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\b(?:but|while|whereas|after|before|as|when)\b", re.IGNORECASE)
WORDS_BEFORE = 6
ARTICLE_VETO_WORDS = 3  # distinct words of an article-scope veto ("derby", "goalkeeper", "yellow card")
AFTER_NEGATION = re.compile(r"^\W*(?:\w+\s+){0,1}(?:was|were|has|have|had)\s+(?:not|never)\b", re.IGNORECASE)
STATE_INTERS = {taxonomy.STATE, taxonomy.EXTERNAL}
ARMED_INTERS = taxonomy.ARMED_ORGANISED
NO_EVENT = "none"


@dataclass(frozen=True)
class TriggerRule:
    rule: str
    pattern: re.Pattern
    sub_event_type: str
    if_civilians: str
    if_state: str
    confidence: float
    lowered: re.Pattern | None = None  # the pattern for lower-cased text: ``re`` runs it several times faster
    if_armed: str = ""  # "none": the words are no event of their own when armed men, not a crowd, do it
    starts: str = ""  # "campaign": the words tell a campaign's start ("launched its offensive")

    def finditer(self, text: str, lowered: str | None) -> Iterable[re.Match]:
        if lowered is not None and self.lowered is not None:
            return self.lowered.finditer(lowered)
        return self.pattern.finditer(text)


@dataclass(frozen=True)
class Lexicon:
    rules: tuple[TriggerRule, ...]
    phrase_vetoes: re.Pattern | None
    sentence_vetoes: re.Pattern | None
    negation: re.Pattern | None
    hypothetical: re.Pattern | None
    civilian: re.Pattern
    armed: re.Pattern
    state: re.Pattern
    crowd: re.Pattern
    article_vetoes: re.Pattern | None = None
    any_trigger: re.Pattern | None = None  # every rule at once, on lower-cased text: most sentences match none


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    rule: TriggerRule


def _words(patterns: list[str]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    extra = tuple(extra)
    rules = []
    for row in read_rows("triggers", ("pattern", "sub_event_type"), extra):
        for sub in filter(None, (row["sub_event_type"], row["if_civilians"], row["if_state"], row["if_armed"].replace(NO_EVENT, ""))):
            if not taxonomy.is_sub_event_type(sub):  # fail early, where the user can fix it
                raise KnowledgeError(W202.format(path=f"{row.path}:{row.line}", column="sub_event_type", value=sub, expected="an ACLED sub-event type (acled_taxonomy.csv)"), "W202")
        rules.append(
            TriggerRule(
                rule=f"{row.path.stem}:{row.line}",
                pattern=re.compile(r"\b(?:%s)\b" % row["pattern"], re.IGNORECASE),
                lowered=compile_for_lowered_text(r"\b(?:%s)\b" % row["pattern"]),
                sub_event_type=row["sub_event_type"],
                if_civilians=row["if_civilians"],
                if_state=row["if_state"],
                confidence=float(row["confidence"] or 0.7),
                if_armed=row["if_armed"],
                starts=row["starts"],
            )
        )
    vetoes = list(read_rows("trigger_vetoes", ("pattern", "scope"), extra))
    modifiers = list(read_rows("trigger_modifiers", ("pattern", "kind"), extra))
    roles = list(read_rows("role_words", ("pattern", "kind"), extra))
    every = [r.lowered.pattern for r in rules if r.lowered is not None]
    return Lexicon(
        any_trigger=re.compile("|".join(f"(?:{p})" for p in every)) if every else None,
        rules=tuple(rules),
        phrase_vetoes=_words([r["pattern"] for r in vetoes if r["scope"] == "phrase"]),
        sentence_vetoes=_words([r["pattern"] for r in vetoes if r["scope"] == "sentence"]),
        article_vetoes=_words([r["pattern"] for r in vetoes if r["scope"] == "article"]),
        negation=re.compile("|".join(r["pattern"] for r in modifiers if r["kind"] == "negation"), re.I),
        hypothetical=re.compile("|".join(r["pattern"] for r in modifiers if r["kind"] == "hypothetical"), re.I),
        civilian=_words([r["pattern"] for r in roles if r["kind"] == "civilian"]),
        armed=_words([r["pattern"] for r in roles if r["kind"] == "armed"]),
        state=_words([r["pattern"] for r in roles if r["kind"] == "state"]),
        crowd=_words([r["pattern"] for r in roles if r["kind"] == "crowd"]),
    )


class ClassifyStage:
    name = "classify"
    reads = ("sentences", "actors")
    writes = ("triggers",)

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        if self._vetoed_article(doc):
            return replace(doc, triggers=())
        triggers: list[TriggerMention] = []
        for index, sentence in enumerate(doc.sentences):
            actors = [a for a in doc.actors if a.sentence == index]
            triggers.extend(self.classify_sentence(sentence, index, actors))
        return replace(doc, triggers=tuple(triggers))

    def _vetoed_article(self, doc: AnalyzedArticle) -> bool:
        """A match report ("derby", "goalkeeper", "stoppage time") tells of clashes and attacks that are not war."""
        if not self.lexicon.article_vetoes:
            return False
        text = " ".join(s.span.text for s in doc.sentences)
        return len({m.group().lower() for m in self.lexicon.article_vetoes.finditer(text)}) >= ARTICLE_VETO_WORDS

    def classify_sentence(self, sentence: Sentence, index: int, actors: list[ActorMention]) -> list[TriggerMention]:
        text = sentence.span.text
        if self.lexicon.sentence_vetoes and self.lexicon.sentence_vetoes.search(text):
            return []
        matches = [m for m in self._matches(text) if not self._part_of_an_armed_act(text, m, actors)]
        mentions = [self._mention(sentence, index, match, actors) for match in matches]
        if any(m.confidence >= WEAK and not m.negated for m in mentions):
            # "killed" alone makes an event only when no other word of the sentence says what happened
            # (a word that says it did not, "as they fled the besieged town", leaves "killed" its event)
            mentions = [m for m in mentions if m.confidence >= WEAK]
        return keep_one_per_type(mentions)

    def _part_of_an_armed_act(self, text: str, match: Match, actors: list[ActorMention]) -> bool:
        """ "The attackers stormed the post and set fire to vehicles": the fire is part of their attack,
        not a riot; a crowd named in the sentence makes it one again."""
        if match.rule.if_armed != NO_EVENT or self.lexicon.crowd.search(text):
            return False
        return any(a.inter in ARMED_INTERS for a in actors) or bool(self.lexicon.armed.search(text))

    def _matches(self, text: str) -> list[Match]:
        masked = _masked(text, self.lexicon.phrase_vetoes)
        lowered = lowered_text(masked)
        if lowered is not None and not self._may_hold_a_trigger(masked, lowered):
            return []
        found = [Match(m.start(), m.end(), rule) for rule in self.lexicon.rules for m in rule.finditer(masked, lowered)]
        found.sort(key=lambda m: (-(m.end - m.start), -m.rule.confidence, m.start))
        kept: list[Match] = []
        for match in found:
            if all(match.end <= k.start or match.start >= k.end for k in kept):
                kept.append(match)
        return sorted(kept, key=lambda m: m.start)

    def _may_hold_a_trigger(self, masked: str, lowered: str) -> bool:
        if self.lexicon.any_trigger is None or self.lexicon.any_trigger.search(lowered):
            return True
        return any(r.pattern.search(masked) for r in self.lexicon.rules if r.lowered is None)

    def _mention(self, sentence: Sentence, index: int, match: Match, actors: list[ActorMention]) -> TriggerMention:
        text, offset = sentence.span.text, sentence.span.start
        sub = self._sub_event_type(text, match, [a for a in actors if a.span.start < offset + match.start])
        entry = taxonomy.lookup(sub)
        return TriggerMention(
            span=Span(offset + match.start, offset + match.end, text[match.start : match.end]),
            sentence=index,
            disorder_type=entry.disorder_type,
            event_type=entry.event_type,
            sub_event_type=sub,
            rule=match.rule.rule,
            negated=self._negated(text, match),
            confidence=match.rule.confidence,
            starts_campaign=match.rule.starts == "campaign",
        )

    def _sub_event_type(self, text: str, match: Match, actors_before: list[ActorMention]) -> str:
        rule = match.rule
        if rule.if_state and self._done_by_state(_clause_before(text, match.start), actors_before):
            return rule.if_state
        if rule.if_civilians and self._only_civilians_hit(text[match.start :]):
            return rule.if_civilians
        if rule.sub_event_type == "Armed clash" and self.lexicon.crowd.search(text):
            return "Violent demonstration"  # "police clashed with protesters" is not a battle
        return rule.sub_event_type

    def _done_by_state(self, before: str, actors_before: list[ActorMention]) -> bool:
        if actors_before:
            return actors_before[-1].inter in STATE_INTERS
        return bool(self.lexicon.state.search(before))

    def _only_civilians_hit(self, after: str) -> bool:
        window = " ".join(after.split()[:14])
        return bool(self.lexicon.civilian.search(window)) and not self.lexicon.armed.search(window)

    def _negated(self, text: str, match: Match) -> bool:
        before = _clause_before(text, match.start)
        before = " ".join(before.split()[-WORDS_BEFORE:])
        lexicon = self.lexicon
        if any(p and p.search(before) for p in (lexicon.negation, lexicon.hypothetical)):
            return True
        return bool(AFTER_NEGATION.search(text[match.end : match.end + 40]))


def _masked(text: str, vetoes: re.Pattern | None) -> str:
    """The text with vetoed phrases blanked out (same length, so offsets stay true)."""
    if vetoes is None:
        return text
    return vetoes.sub(lambda m: " " * len(m.group()), text)


def _clause_before(text: str, position: int) -> str:
    before = text[:position]
    breaks = list(CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def keep_one_per_type(mentions: list[TriggerMention]) -> list[TriggerMention]:
    """The first non-negated mention of each sub-event type in a sentence, plus the negated ones."""
    seen: set[str] = set()
    kept: list[TriggerMention] = []
    for mention in mentions:
        if mention.negated:
            kept.append(mention)
        elif mention.sub_event_type not in seen:
            kept.append(mention)
            seen.add(mention.sub_event_type)
    return kept


def build(settings: Settings) -> ClassifyStage:
    return ClassifyStage(load_lexicon(settings.knowledge_paths))
