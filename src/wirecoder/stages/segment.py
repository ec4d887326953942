"""Stage `segment`: sentences and named-entity candidates from spaCy.

Reads: blocks (the kept parts of the text after cleaning)
Writes: sentences (offsets into the original article text; a sentence never crosses a block)
Settings: spacy_model

Only the statistical NER and the sentence recogniser run: the dependency parser, tagger and lemmatizer
are excluded because no later stage needs them, and they are most of spaCy's cost. Entities are only
candidates: the small model calls many Syrian villages ORG or PERSON, so `places` and `actors` confirm
them against the gazetteer and the registry.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

import spacy
from spacy.language import Language

from ..records import AnalyzedArticle, Entity, Sentence, Span
from ..settings import Settings

KEPT_ENTITY_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "NORP", "PERSON", "DATE", "TIME", "CARDINAL"})
EXCLUDED_PIPES = ["parser", "tagger", "attribute_ruler", "lemmatizer"]


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy model once per process (workers rebuild it from the name)."""
    nlp = spacy.load(name, exclude=EXCLUDED_PIPES)
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    return nlp


class SegmentStage:
    name = "segment"
    reads = ("blocks",)
    writes = ("sentences",)

    def __init__(self, nlp: Language):
        self.nlp = nlp

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        text = doc.article.text
        blocks = [block for block in doc.blocks if block.text.strip()]
        sentences: list[Sentence] = []
        # monitoring services insert editorial words in brackets ("in [eastern] Paktika"): the model ends a
        # sentence at "[", so it reads them as spaces (same length: offsets stay the article's)
        for block, parsed in zip(blocks, self.nlp.pipe(block.text.translate(BRACKETS_AS_SPACES) for block in blocks)):
            sentences.extend(_sentences_of(parsed, block.start, text))
        return replace(doc, sentences=tuple(sentences))


BRACKETS_AS_SPACES = str.maketrans("[]", "  ")


def _sentences_of(parsed, offset: int, text: str) -> list[Sentence]:
    sentences = []
    for sent in parsed.sents:
        start, end = _strip(text, offset + sent.start_char, offset + sent.end_char)
        if start >= end:
            continue
        entities = tuple(
            Entity(Span(offset + ent.start_char, offset + ent.end_char, text[offset + ent.start_char : offset + ent.end_char]), ent.label_)
            for ent in sent.ents
            if ent.label_ in KEPT_ENTITY_LABELS
        )
        sentences.append(Sentence(Span(start, end, text[start:end]), entities))
    return sentences


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace so a sentence span starts and ends on a character."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def build(settings: Settings) -> SegmentStage:
    return SegmentStage(load_model(settings.spacy_model))
