"""The fatalities stage: counts of killed, injured, captured, displaced and bodies, tolls and attribution."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from wirecoder.numbers import add_up, largest_total
from wirecoder.records import ActorMention, AnalyzedArticle, Article, Sentence, Span
from wirecoder.settings import Settings
from wirecoder.stages import dates, fatalities


def analyzed(text: str, published: dt.date | None = dt.date(2018, 10, 5)) -> AnalyzedArticle:
    """An article whose sentences end at '.', built by hand (no spaCy)."""
    sentences = tuple(Sentence(Span(m.start(), m.end(), m.group())) for m in re.finditer(r"[^.\s][^.]*\.?", text))
    return AnalyzedArticle(article=Article(id="t", text=text, published=published), sentences=sentences)


@pytest.fixture(scope="module")
def run():
    date_stage, stage = dates.build(Settings()), fatalities.build(Settings())
    return lambda text, **kw: stage(date_stage(analyzed(text, **kw)))


def counts(doc, kind: str | None = None) -> list[tuple]:
    return [(c.span.text, c.low, c.best, c.high) for c in doc.counts if kind in (None, c.kind)]


def test_fatalities_digits_words_and_separators(run):
    doc = run("Shelling killed 1,200 people in Ard Tiba. Twenty-five soldiers died at the checkpoint.")
    assert counts(doc, "killed") == [("1,200", 1200, 1200, None), ("Twenty-five", 25, 25, None)]


def test_fatalities_qualifiers(run):
    doc = run(
        "At least 13 villagers were killed. More than 100 people were wounded. Up to 40 fighters died. "
        "Between 10 and 15 guards were abducted. Nearly 50 bodies were found."
    )
    assert counts(doc) == [
        ("At least 13", 13, 13, None),
        ("More than 100", 100, 100, None),
        ("Up to 40", None, 40, 40),
        ("Between 10 and 15", 10, 10, 15),
        ("Nearly 50", None, 50, 50),
    ]
    assert [c.kind for c in doc.counts] == ["killed", "injured", "killed", "captured", "bodies"]


def test_fatalities_vague_words_follow_acled(run):
    doc = run("Dozens of civilians were killed. Several soldiers were wounded. Hundreds of families have fled.")
    assert [(c.kind, c.best) for c in doc.counts] == [("killed", 12), ("injured", 10), ("displaced", 100)]


def test_fatalities_sum_of_sides(run):
    doc = run("Two soldiers and three militants were killed in Jabal Ward.")
    assert [(c.best, c.side) for c in doc.counts] == [(2, "state"), (3, "nonstate")]
    assert add_up(doc.counts).best == 5


def test_fatalities_doer_is_not_counted(run):
    doc = run("Three attackers with explosive vests killed 64 shoppers and wounded 110 near the bus station.")
    assert [(c.kind, c.best) for c in doc.counts] == [("killed", 64), ("injured", 110)]


def test_fatalities_subset_is_not_counted_twice(run):
    doc = run("The blast killed 17 worshippers, including five children. Four of those killed were elders.")
    assert counts(doc, "killed") == [("17", 17, 17, None)]
    assert largest_total(doc.counts).best == 17


def test_fatalities_casualties_alone_are_not_deaths(run):
    doc = run("The raid on Kafr Amin caused 30 casualties.")
    assert doc.counts == ()


def test_fatalities_one_person_and_others(run):
    doc = run("A gunman killed a village elder and six others near Dar Salam.")
    assert largest_total(doc.counts).best == 7


def test_fatalities_singular_victim(run):
    doc = run("The driver was shot dead at the gate.")
    assert [(c.kind, c.best, c.span.text) for c in doc.counts] == [("killed", 1, "was shot dead")]


def test_fatalities_running_toll_is_cumulative(run):
    doc = run(
        "Fighting raged on in Wadi Rum, bringing the death toll from both sides to at least 341. "
        "Five fighters were killed yesterday."
    )
    assert [(c.best, c.scope) for c in doc.counts] == [(341, "cumulative"), (5, "event")]
    assert largest_total(doc.counts).best == 5


def test_fatalities_toll_of_one_incident_is_event(run):
    doc = run("The death toll from the bombing in Tal Hamra rose to 30.")
    assert [(c.best, c.scope) for c in doc.counts] == [(30, "event")]


def test_fatalities_campaign_period_is_cumulative(run):
    doc = run("Since the start of the offensive 200 civilians have been killed.")
    assert [(c.best, c.scope, c.side) for c in doc.counts] == [(200, "cumulative", "civilians")]


def test_fatalities_attribution_with_acronym(run):
    doc = run("Clashes killed 12 fighters, according to the Syrian Observatory for Human Rights (SOHR). SOHR added that 4 were wounded.")
    assert [a.reported_by for a in doc.attributions] == ["Syrian Observatory for Human Rights"] * 2
    assert [c.reported_by for c in doc.counts] == ["Syrian Observatory for Human Rights"] * 2


def test_fatalities_attribution_described_speaker(run):
    doc = run("Three policemen were killed in Nahr Saba, a police spokesman said.")
    assert doc.attributions[0].reported_by == "police spokesman"
    assert doc.counts[0].reported_by == "police spokesman" and doc.counts[0].side == "state"


def test_fatalities_weekday_after_said_is_not_a_claimant(run):
    doc = run("Four people were killed, officials said Tuesday.")
    assert [a.reported_by for a in doc.attributions] == ["officials"]


def test_fatalities_named_actor_gives_side(run):
    text = "Six Free Army fighters were killed near Qalaat Zayt."
    start = text.index("Free Army")
    actor = ActorMention(Span(start, start + 9, "Free Army"), 0, "Free Syrian Army", inter=2)
    doc = fatalities.build(Settings())(replace(analyzed(text), actors=(actor,)))
    assert doc.counts[0].side == "Free Syrian Army"


def test_fatalities_ignores_ages_times_and_years(run):
    doc = run("A 25-year-old man was wounded at 5 pm in 2016 when a bomb exploded.")
    assert [(c.kind, c.best) for c in doc.counts] == [("injured", 1)]


def test_fatalities_spans_are_evidence(run):
    doc = run("Rebels said that at least nine soldiers were killed.")
    count = doc.counts[0]
    assert doc.article.text[count.span.start : count.span.end] == "at least nine"


def test_fatalities_scope_is_decided_per_clause(run):
    doc = run(
        "Feuding clans killed seven people at the weekend in Wadi Tin, the latest flare-up in a feud "
        "that has left at least 66 people dead in three weeks."
    )
    assert [(c.best, c.scope) for c in doc.counts] == [(7, "event"), (66, "cumulative")]
    assert largest_total(doc.counts).best == 7


def test_fatalities_lead_in_clause_marks_running_toll(run):
    doc = run("So far, 300 people have been killed in the offensive on Kafr Luz.")
    assert [(c.best, c.scope) for c in doc.counts] == [(300, "cumulative")]


def test_fatalities_user_file_adds_a_casualty_word(tmp_path):
    extra = tmp_path / "casualty_cues_local.csv"
    extra.write_text("phrase,type,kind,position,transitive,side\nmartyred,cue,killed,after,,\n")
    stage = fatalities.build(Settings(knowledge_paths=(extra,)))
    doc = stage(analyzed("Nine fighters were martyred in Tell Abyad."))
    assert [(c.kind, c.best, c.side) for c in doc.counts] == [("killed", 9, "nonstate")]


def test_fatalities_subset_list_is_not_added(run):
    doc = run("Nine villagers, among them four women and a baby, were killed in Umm Tuwaynah.")
    assert counts(doc, "killed") == [("Nine", 9, 9, None)]


def test_fatalities_adjective_is_not_the_casualty_word(run):
    doc = run("Eight displaced villagers were killed at the border crossing.")
    assert [(c.kind, c.best, c.side) for c in doc.counts] == [("killed", 8, "civilians")]


def test_fatalities_animals_and_things_are_not_people(run):
    doc = run("Raiders killed 800 cattle and burned 40 houses; the killing of five herders followed.")
    assert counts(doc, "killed") == [("five", 5, 5, None)]


def test_fatalities_one_named_victim_is_counted_once(run):
    doc = run("An air strike killed a judge loyal to the rebels and seven members of his family in Bayt Nur.")
    assert largest_total(doc.counts).best == 8


def test_fatalities_sum_closed_by_one_person(run):
    doc = run("Gunmen shot dead four farmers and a herder near Gbajimba on Sunday.")
    assert largest_total(doc.counts).best == 5


def test_fatalities_sum_not_closed_by_a_thing(run):
    doc = run("The blast killed four farmers and a cow near Gbajimba on Sunday.")
    assert largest_total(doc.counts).best == 4


def test_fatalities_family_of_and_all_count_the_whole_group(run):
    assert largest_total(run("Gunmen killed a family of five at their farm outside Jos.").counts).best == 5
    assert largest_total(run("Raiders shot dead all seven members of a household near Jos.").counts).best == 7


def test_fatalities_so_far_in_one_clash_is_that_clash(run):
    doc = run("Nine people have so far been killed in a clash between two clans over grazing land.")
    assert [(c.best, c.scope) for c in doc.counts] == [(9, "event")]


def test_fatalities_throats_slit_and_hacking_to_death(run):
    assert largest_total(run("Militants slit the throats of four loggers outside Diffa.").counts).best == 4
    assert largest_total(run("Raiders stormed the camp, hacking to death at least nine people.").counts).best == 9


def test_fatalities_some_of_a_named_group_is_a_count_but_some_of_the_dead_is_not(run):
    assert largest_total(run("Officials said four of the passengers died of their wounds.").counts).best == 4
    doc = run("Twelve people were killed. Five of the dead were children.")
    assert largest_total(doc.counts).best == 12


def test_fatalities_a_toll_since_a_campaign_began_and_its_breakdown_are_cumulative(run):
    doc = run(
        "At least 318 people have been killed since government troops launched their assault on the rebel pocket "
        "on March 2, a monitoring group said. It counted 201 rebels, 96 soldiers and 21 civilians among the dead. "
        "A roadside bomb killed four soldiers near Tabqa on Monday."
    )
    assert [(c.span.text, c.scope) for c in doc.counts if c.kind == "killed"] == [
        ("At least 318", "cumulative"), ("201", "cumulative"), ("96", "cumulative"), ("21", "cumulative"), ("four", "event"),
    ]


def test_fatalities_two_sides_told_with_a_long_name_are_one_sum(run):
    doc = run("Nine fighters of the Turkish-backed Syrian National Army and 15 Kurdish fighters were killed on Monday.")
    assert counts(doc, "killed") == [("Nine", 9, 9, None), ("15", 15, 15, None)]
    far = run("In an ambush by seven gunmen in the hills of the south on Tuesday, 15 people were killed.")
    assert counts(far, "killed") == [("15", 15, 15, None)]


def test_fatalities_nobody_was_killed_counts_no_one(run):
    doc = run("Eleven protesters and seven police officers were injured. Nobody was killed.")
    assert counts(doc, "killed") == []
    assert counts(doc, "injured") == [("Eleven", 11, 11, None), ("seven", 7, 7, None)]
