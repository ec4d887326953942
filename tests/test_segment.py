"""Stage segment: sentences inside kept blocks, offsets into the original text."""

from __future__ import annotations

import pytest

from wirecoder.records import AnalyzedArticle, Article, Span
from wirecoder.settings import Settings
from wirecoder.stages.segment import build

TEXT = (
    "Frontline Courier\n\n"
    "Fighters of the SDF clashed with militants near Hajin on Thursday. Two fighters died.\n\n"
    "READ: Floods hit the coast\n\n"
    "The coalition said it   carried out four air strikes.\n"
)


@pytest.fixture(scope="module")
def segment():
    return build(Settings())


def _blocks(text: str, *paragraphs: str) -> tuple[Span, ...]:
    spans = []
    for paragraph in paragraphs:
        start = text.index(paragraph)
        spans.append(Span(start, start + len(paragraph), paragraph))
    return tuple(spans)


def test_segment_sentences_have_offsets_into_the_original_text(segment):
    blocks = _blocks(TEXT, TEXT.split("\n\n")[1], TEXT.split("\n\n")[3].strip())
    doc = segment(AnalyzedArticle(article=Article("a", TEXT), blocks=blocks))
    texts = [s.span.text for s in doc.sentences]
    assert texts == [
        "Fighters of the SDF clashed with militants near Hajin on Thursday.",
        "Two fighters died.",
        "The coalition said it   carried out four air strikes.",
    ]
    for sentence in doc.sentences:
        assert TEXT[sentence.span.start : sentence.span.end] == sentence.span.text
        for entity in sentence.entities:
            assert TEXT[entity.span.start : entity.span.end] == entity.span.text
            assert sentence.span.start <= entity.span.start < entity.span.end <= sentence.span.end


def test_segment_ignores_dropped_text(segment):
    blocks = _blocks(TEXT, TEXT.split("\n\n")[1])
    doc = segment(AnalyzedArticle(article=Article("a", TEXT), blocks=blocks))
    assert not any("Floods" in s.span.text or "Courier" in s.span.text for s in doc.sentences)


def test_segment_finds_entity_candidates(segment):
    blocks = _blocks(TEXT, TEXT.split("\n\n")[1])
    doc = segment(AnalyzedArticle(article=Article("a", TEXT), blocks=blocks))
    labels = {e.span.text: e.label for s in doc.sentences for e in s.entities}
    assert "Hajin" in labels and "Thursday" in labels


def test_segment_empty_blocks_give_no_sentences(segment):
    doc = segment(AnalyzedArticle(article=Article("a", "   \n"), blocks=(Span(0, 3, "   "),)))
    assert doc.sentences == ()


def test_segment_editorial_brackets_do_not_end_a_sentence(segment):
    text = "Six people were killed in a blast in Waza Khwa District of [eastern] Paktika Province on Friday."
    doc = segment(AnalyzedArticle(article=Article("a", text), blocks=_blocks(text, text)))
    assert [s.span.text for s in doc.sentences] == [text]
