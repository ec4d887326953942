"""Stage `actors`: who is named in each sentence, resolved against the actor registry.

Reads: sentences
Writes: actors (one ActorMention per mention: canonical name, ACLED inter code, country; ``known`` False
        for a group the registry lacks, kept as written)
Settings: knowledge_paths (extra ``actors*.csv``, ``demonyms*.csv``, ``actor_patterns*.csv``)

Matching: the registry's aliases (one compiled alternation; short capitalised aliases such as "IS" match
as written only), "Iraqi troops"-style patterns, then spaCy ORG entities in an armed context ("the
Hamza Brigade", "Jaysh al-Thuwar fighters") kept as written. Overlaps keep the longest match. An alias
valid only in a period ("Jabhat al-Nusra") resolves by the publication date. Generic actors get the
article's country: "Civilians (Syria)".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..actors import Registry, load_registry
from ..knowledge import lowered_text
from ..records import ActorMention, AnalyzedArticle, Sentence, Span
from ..settings import Settings
from ..taxonomy import INTER_LABELS

ARMED_WORDS = re.compile(
    r"\b(?:brigades?|battalions?|army|front|forces|militia|militias|movement|liberation|fighters|militants|rebels|"
    r"jaysh|jaish|liwa|katiba|harakat|ansar|group)\b",
    re.I,
)
ARMED_AFTER = re.compile(r"^\s*(?:fighters|militants|rebels|militia(?:men)?|forces|gunmen|insurgents)\b", re.I)


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str
    inter: int | None
    country: str | None
    known: bool
    generic: bool


class ActorsStage:
    name = "actors"
    reads = ("sentences",)
    writes = ("actors",)

    def __init__(self, registry: Registry):
        self.registry = registry

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        published = doc.article.published
        per_sentence = [self.find(s, published) for s in doc.sentences]
        country = self.article_country(doc, per_sentence)
        mentions = tuple(
            self._mention(found, index, doc.article.text, country)
            for index, founds in enumerate(per_sentence)
            for found in founds
        )
        return replace(doc, actors=self._named_by_generic_words(mentions, published))

    def _named_by_generic_words(self, mentions: tuple[ActorMention, ...], published) -> tuple[ActorMention, ...]:
        """ "Militants retook positions in Hajin" in a story of the Islamic State: the one group the article
        names that news calls so (``called`` in actors.csv); with two such groups named, who is meant is unknown."""
        named = {m.name for m in mentions if not m.generic}
        resolved = []
        for mention in mentions:
            word = mention.span.text.lower()
            groups = {a.canonical: a for a in self.registry.called_by(word, published) if a.canonical in named} if mention.generic else {}
            if len(groups) == 1:
                actor = next(iter(groups.values()))
                mention = replace(mention, name=actor.canonical, inter=actor.inter, inter_label=_inter_label(actor.inter),
                                  country=actor.country, known=True, generic=False, template=None)
            resolved.append(mention)
        return tuple(resolved)

    def find(self, sentence: Sentence, published) -> list[Found]:
        text, offset = sentence.span.text, sentence.span.start
        found = self._aliases(text, published) + self._force_phrases(text, published) + self._unknown_groups(sentence)
        found = _absorb_generic_nouns(_longest(found), text)
        return [replace(f, start=f.start + offset, end=f.end + offset) for f in found]

    def _aliases(self, text: str, published) -> list[Found]:
        found = []
        for start, end in self._alias_spans(text):
            actor = self.registry.resolve(text[start:end], published)
            if actor:
                found.append(Found(start, end, actor.canonical, actor.inter, actor.country, True, actor.generic))
        return found

    def _alias_spans(self, text: str) -> list[tuple[int, int]]:
        registry, lowered = self.registry, lowered_text(text)
        if registry.alias_lowered is not None and lowered is not None:
            spans = [m.span() for m in registry.alias_lowered.finditer(lowered)]
        else:
            spans = [m.span() for m in registry.alias_pattern.finditer(text)] if registry.alias_pattern else []
        return spans + ([m.span() for m in registry.exact_pattern.finditer(text)] if registry.exact_pattern else [])

    def _force_phrases(self, text: str, published) -> list[Found]:
        found: list[Found] = []
        if not self.registry.names_a_nationality(text):
            return found
        for pattern, canonical, inter in self.registry.force_patterns:
            for match in pattern.finditer(text):
                demonym = self.registry.demonyms[match.group("demonym").lower()]
                name = canonical.replace("{country}", demonym.country)
                # "Russian missiles": the registry's "Military Forces of Russia (2000-)", not a name of its own
                known = self.registry.named_like(name, published)
                name, inter = (known.canonical, known.inter) if known else (name, inter)
                found.append(Found(match.start(), match.end(), name, inter, demonym.iso3, True, False))
        return found

    def _unknown_groups(self, sentence: Sentence) -> list[Found]:
        """ORG entities in an armed context, kept as written: the registry cannot know every brigade."""
        found = []
        text, offset = sentence.span.text, sentence.span.start
        for entity in sentence.entities:
            if entity.label != "ORG":
                continue
            start, end = entity.span.start - offset, entity.span.end - offset
            if ARMED_WORDS.search(entity.span.text) or ARMED_AFTER.match(text[end:]):
                name = re.sub(r"^the\s+", "", entity.span.text, flags=re.I)
                found.append(Found(start + len(entity.span.text) - len(name), end, name, None, None, False, False))
        return found

    def article_country(self, doc: AnalyzedArticle, per_sentence: list[list[Found]]) -> tuple[str, str] | None:
        """(country name, iso3) the article is mostly about: its demonyms and its named actors' countries."""
        votes: Counter = Counter()
        for founds in per_sentence:
            votes.update(f.country for f in founds if f.country and f.known and not f.generic)
        for word in re.findall(r"\b[A-Z][a-z]+\b", " ".join(s.span.text for s in doc.sentences)):
            demonym = self.registry.demonyms.get(word.lower())
            if demonym:
                votes[demonym.iso3] += 1
        if not votes:
            return None
        iso3 = votes.most_common(1)[0][0]
        name = next((d.country for d in self.registry.demonyms.values() if d.iso3 == iso3), iso3)
        return name, iso3

    def _mention(self, found: Found, index: int, text: str, country: tuple[str, str] | None) -> ActorMention:
        name, actor_country, template = found.name, found.country, None
        if "{country}" in name:
            template = None if country else name
            name = name.replace("{country}", country[0]) if country else _without_country(name)
            actor_country = country[1] if country else None
        return ActorMention(
            span=Span(found.start, found.end, text[found.start : found.end]),
            sentence=index,
            name=name,
            inter=found.inter,
            inter_label=_inter_label(found.inter),
            country=actor_country,
            known=found.known,
            generic=found.generic,
            template=template,
        )


def _inter_label(inter: int | None) -> str | None:
    return INTER_LABELS.get(inter) if inter else None


def _without_country(name: str) -> str:
    return re.sub(r"\s*\(\{country\}\)|\s+of \{country\}", "", name)


def _absorb_generic_nouns(found: list[Found], text: str) -> list[Found]:
    """ "ISIL militants", "SDF fighters": a generic noun right after a named actor is part of it."""
    kept: list[Found] = []
    for item in found:
        previous = kept[-1] if kept else None
        if previous and item.generic and not previous.generic and not text[previous.end : item.start].strip():
            kept[-1] = replace(previous, end=item.end)
            continue
        kept.append(item)
    return kept


def _longest(found: list[Found]) -> list[Found]:
    # registry matches first: spaCy's ORG spans are often too long ("the SDF and Islamic State")
    ordered = sorted(found, key=lambda f: (not f.known, -(f.end - f.start), f.start))
    kept: list[Found] = []
    for candidate in ordered:
        if all(candidate.end <= k.start or candidate.start >= k.end for k in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda f: f.start)


def build(settings: Settings) -> ActorsStage:
    return ActorsStage(load_registry(tuple(settings.knowledge_paths)))
