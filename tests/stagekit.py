"""Building AnalyzedArticle records by hand, so stage tests need no language model."""

from __future__ import annotations

import datetime as dt
import re

from wirecoder.records import AnalyzedArticle, Article, Entity, Sentence, Span


def analyzed(text: str, published: dt.date | None = dt.date(2018, 10, 5), entities: dict[str, str] | None = None) -> AnalyzedArticle:
    """One Sentence per '. '-separated sentence; ``entities`` maps words of the text to spaCy labels."""
    sentences = []
    for match in re.finditer(r"[^.!?]+[.!?]?", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        span = Span(start, match.end(), text[start : match.end()])
        if span.text.strip():
            sentences.append(Sentence(span, _entities(text, span, entities or {})))
    article = Article(id="test", text=text, published=published)
    return AnalyzedArticle(article=article, blocks=(Span(0, len(text), text),), sentences=tuple(sentences))


def _entities(text: str, sentence: Span, entities: dict[str, str]) -> tuple[Entity, ...]:
    found = []
    for words, label in entities.items():
        for match in re.finditer(re.escape(words), text):
            if sentence.start <= match.start() and match.end() <= sentence.end:
                found.append(Entity(Span(match.start(), match.end(), words), label))
    return tuple(sorted(found, key=lambda e: e.span.start))
