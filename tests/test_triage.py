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


def test_triage_weak_word_with_counted_victims_is_read():
    stage = triage.build(Settings())
    text = "Twelve villagers were killed overnight when their settlement near the river was raided."
    assert stage(analyzed(text)).relevant


def test_triage_weak_word_with_counted_people_of_a_nation_is_read():
    stage = triage.build(Settings())
    assert stage(analyzed("Two Palestinians were killed by Israeli fire near the village at dawn.")).relevant
    assert not stage(analyzed("A Palestinian-born chef was killed in a car crash, his family said.")).relevant


def test_triage_weak_word_about_one_unnamed_person_is_not_read():
    stage = triage.build(Settings())
    text = "A man was shot dead outside a petrol station late on Sunday, a police spokesman said."
    assert not stage(analyzed(text)).relevant


def test_triage_weak_word_near_a_political_target_is_read():
    stage = triage.build(Settings())
    text = "The country's ambassador was shot dead outside the embassy on Monday evening."
    assert stage(analyzed(text)).relevant


def test_triage_text_whose_lower_case_changes_length_still_works():
    stage = triage.build(Settings())
    text = "İzmir residents said soldiers clashed with militants near the port on Friday."
    doc = stage(analyzed(text))
    assert doc.relevant and doc.blocks[0].text.startswith("İzmir")


def test_triage_upper_case_acronyms_in_the_lexicon_still_match():
    stage = triage.build(Settings())
    assert stage(analyzed("Two VBIEDs struck the checkpoint at dawn.")).relevant


def test_knowledge_pattern_for_lowered_text_keeps_escapes():
    from wirecoder.knowledge import compile_for_lowered_text

    assert compile_for_lowered_text(r"IEDs?\W+\d").fullmatch("ieds: 3")
    assert compile_for_lowered_text(r"(?-i:[A-Z])x") is None


def test_triage_killing_of_a_lawyer_reported_by_a_party_worker_is_read():
    stage = triage.build(Settings())
    text = "A lawyer and his driver were shot dead in Orangi Town on Saturday, a party worker said."
    assert stage(analyzed(text)).relevant


def test_triage_keeps_a_lede_told_one_sentence_per_line():
    from dataclasses import replace

    from wirecoder.records import Span

    stage = triage.build(Settings())
    lines = [
        "Grief in a farming village",
        "Families in Tudun Wada, a village of Kaduna State, buried four relatives on Saturday.",
        *["Neighbours brought food and sat with the mourners through the afternoon."] * 30,
        "A gunman opened fire on the wedding party on Friday night, killing four guests.",
    ]
    text = "\n".join(lines)
    starts = [sum(len(line) + 1 for line in lines[:n]) for n in range(len(lines))]
    blocks = tuple(Span(start, start + len(line), line) for start, line in zip(starts, lines))
    doc = stage(replace(analyzed(text), blocks=blocks))
    kept = " ".join(block.text for block in doc.blocks)
    assert doc.relevant and "Tudun Wada" in kept
    assert kept.count("afternoon") < 30  # the middle of the article is still left out
