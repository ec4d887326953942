"""The clean stage: what is dropped, what is kept, and that offsets stay exact (issue 2)."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from wirecoder.errors import KnowledgeError
from wirecoder.records import AnalyzedArticle, Article
from wirecoder.settings import Settings
from wirecoder.stages import clean

REPORT = """Independent reporting from the Khabur valley since 2011

Shelling kills three in Varo as army presses rebels

March 12, 2019 at 9:15 am

Residents inspect a damaged shop after an air strike on 2 January, 2019 in Tal Sura [Omar Haddad/Valley Press Agency]

Artillery shells struck the market of Varo on Monday, killing three civilians and wounding eight others, the local council said.

READ: Floods cut the road between Tal Sura and the coast

The army said its units had answered rebel fire from the hills east of the town.

Related: Rebels and army trade blame over the Varo market

By Lina Barakat

(Reporting by Sami Idris; Editing by Jane Holt)
"""


@pytest.fixture(scope="module")
def stage():
    return clean.build(Settings())


def run(stage, text: str, title: str | None = None) -> AnalyzedArticle:
    return stage(AnalyzedArticle(article=Article(id="t", text=text, title=title)))


def kept(doc: AnalyzedArticle) -> list[str]:
    return [block.text for block in doc.blocks]


def reasons(doc: AnalyzedArticle) -> dict[str, str]:
    return {d.span.text: d.reason for d in doc.dropped}


def test_clean_stage_declares_what_it_reads_and_writes(stage):
    assert (stage.name, stage.reads, stage.writes) == ("clean", ("article",), ("blocks", "dropped"))


def test_clean_keeps_only_the_report_paragraphs(stage):
    doc = run(stage, REPORT)
    assert kept(doc) == [
        "Artillery shells struck the market of Varo on Monday, killing three civilians and wounding "
        "eight others, the local council said.",
        "The army said its units had answered rebel fire from the hills east of the town.",
    ]


def test_clean_names_the_reason_for_each_dropped_part(stage):
    found = reasons(run(stage, REPORT))
    assert found["Independent reporting from the Khabur valley since 2011"] == "slogan"
    assert found["Shelling kills three in Varo as army presses rebels"] == "headline"
    assert found["March 12, 2019 at 9:15 am"] == "date"
    assert [r for t, r in found.items() if t.startswith("Residents inspect")] == ["caption"]
    assert found["READ: Floods cut the road between Tal Sura and the coast"] == "read-link"
    assert found["Related: Rebels and army trade blame over the Varo market"] == "read-link"
    assert found["By Lina Barakat"] == "byline"
    assert found["(Reporting by Sami Idris; Editing by Jane Holt)"] == "byline"


def test_clean_offsets_point_into_the_original_text(stage):
    text = REPORT.replace("\n", "\r\n").replace("struck the", "struck\xa0the")
    doc = run(stage, text)
    spans = [b for b in doc.blocks] + [d.span for d in doc.dropped]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert len(doc.blocks) == 2 and all(not s.text.endswith("\r") for s in spans)


def test_clean_wire_dateline_prefix_is_dropped_and_the_rest_kept(stage):
    text = "QARYA, Syria, March 5 (Valley Wire) - Rebels retook a checkpoint south of Qarya on Tuesday."
    doc = run(stage, "Rebels retake checkpoint\n\n" + text)
    assert kept(doc) == ["Rebels retook a checkpoint south of Qarya on Tuesday."]
    assert reasons(doc)["QARYA, Syria, March 5 (Valley Wire) - "] == "dateline"


@pytest.mark.parametrize(
    "prefix",
    ["BAGHDAD (Reuters) - ", "DEIR AL-ZOR (Kurdistan 24)\xa0– ", "Mosul, Iraq (Rudaw) – ", "KABUL — ", "JOS, Nigeria, Jan 25, 2024 (AFP) - "],
)
def test_clean_recognises_common_wire_datelines(stage, prefix):
    doc = run(stage, prefix + "Gunmen attacked a police post overnight.")
    assert kept(doc) == ["Gunmen attacked a police post overnight."]
    assert doc.dropped[0].reason == "dateline"


def test_clean_repeated_lede_keeps_the_first_copy(stage):
    lede = "The council said the operation would target the last rebel-held villages of Qarya and Sura."
    text = f"Army resumes offensive\n\n{lede}\n\nVARO (Valley Wire) - The army resumed its offensive.\n\n“{lede}”"
    doc = run(stage, text)
    assert kept(doc) == [lede, "The army resumed its offensive."]
    assert [d.reason for d in doc.dropped if d.span.start > text.index("offensive.")] == ["repeated"]


def test_clean_short_paragraphs_may_repeat(stage):
    doc = run(stage, "Troops left Varo on Monday.\n\nNo one was hurt.\n\nThey came back on Tuesday.\n\nNo one was hurt.")
    assert kept(doc).count("No one was hurt.") == 2


def test_clean_text_without_blank_lines_has_one_paragraph_per_line(stage):
    text = "Shelling hits Varo\nShells struck Varo on Monday, officials said.\nREAD: Floods in Tal Sura\nThree people died."
    doc = run(stage, text)
    assert kept(doc) == ["Shells struck Varo on Monday, officials said.", "Three people died."]


def test_clean_wrapped_lines_inside_a_paragraph_stay_together(stage):
    text = "Shells struck Varo on Monday,\nofficials said.\n\nThree people died."
    assert kept(run(stage, text)) == ["Shells struck Varo on Monday,\nofficials said.", "Three people died."]


def test_clean_headline_is_kept_when_there_is_no_body(stage):
    assert kept(run(stage, "Shelling kills three in Varo")) == ["Shelling kills three in Varo"]


def test_clean_headline_matching_the_title_is_dropped_after_a_kicker(stage):
    text = "Breaking news\n\nShelling kills three in Varo\n\nShells struck Varo on Monday, officials said."
    doc = run(stage, text, title="Shelling kills three in Varo")
    assert reasons(doc)["Shelling kills three in Varo"] == "headline"
    assert kept(doc) == ["Shells struck Varo on Monday, officials said."]  # the kicker before it is no news either


def test_clean_a_masthead_headline_and_time_line_before_the_lede_are_all_headline(stage):
    text = ("The Varo Courier\n\nShelling kills three in Varo\n\nMarch 3, 2021 at 9:10 am\n\n"
            "Shells struck Varo on Monday, killing three people, officials said.\n\nThe army denied firing.")
    doc = run(stage, text)
    assert kept(doc) == ["Shells struck Varo on Monday, killing three people, officials said.", "The army denied firing."]
    assert {reasons(doc)[p] for p in ("The Varo Courier", "Shelling kills three in Varo")} == {"headline"}


def test_clean_first_sentence_lede_is_not_taken_for_a_headline(stage):
    text = "Shells struck Varo on Monday, officials said.\n\nThree people died."
    assert len(run(stage, text).blocks) == 2


@pytest.mark.parametrize(
    "paragraph",
    [
        "By Monday evening, the rebels had withdrawn from the village.",
        "More than 20 people were killed in the clashes, medics said.",
        "Read the statement, the spokesman told reporters, and you will see who fired first.",
        "The photo, taken on Sunday, shows the burned market in Varo.",
        "Fighting has raged in the valley since 2011.",
    ],
)
def test_clean_keeps_ordinary_sentences_that_look_like_boilerplate(stage, paragraph):
    lede = "Shells struck Varo on Monday."
    assert kept(run(stage, f"{lede}\n\n{paragraph}")) == [lede, paragraph]


def test_clean_user_patterns_extend_the_bundled_ones(tmp_path):
    extra = tmp_path / "boilerplate-mysite.csv"
    extra.write_text('kind,reason,pattern,notes\nparagraph,boilerplate,"^Listen to this article$",audio player\n')
    stage = clean.build(Settings(knowledge_paths=(extra,)))
    doc = run(stage, "Listen to this article\n\nShells struck Varo on Monday.\n\nThree people died.")
    assert reasons(doc)["Listen to this article"] == "boilerplate"


def test_clean_is_fast_on_a_long_article(stage):
    text = (REPORT + "\n") * 400  # ~170 KB, every paragraph repeated
    started = time.perf_counter()
    doc = run(stage, text)
    assert time.perf_counter() - started < 2
    assert len(doc.blocks) == 2  # later copies are all repeats


@given(st.text(alphabet=st.sampled_from(list("ab .:\n\r\xa0\t[]/(-)READ2019")), max_size=300))
def test_clean_spans_are_exact_and_do_not_overlap(text):
    blocks, dropped = clean.clean_text(text)
    spans = sorted([*blocks, *(d.span for d in dropped)], key=lambda s: s.start)
    assert all(text[s.start : s.end] == s.text and s.text.strip() for s in spans)
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_clean_boilerplate_line_inside_a_paragraph_is_split_out(stage):
    wrapped = "Shells struck Varo on Monday,\nofficials said."
    doc = run(stage, f"{wrapped}\nREAD: Floods in Tal Sura\nThree people died.\n\nThe army blamed rebels.")
    assert kept(doc) == [wrapped, "Three people died.", "The army blamed rebels."]
    assert reasons(doc)["READ: Floods in Tal Sura"] == "read-link"


def test_clean_byline_with_date_is_dropped_as_the_date_line(stage):
    doc = run(stage, "Shelling hits Varo\n\nBy Lina Barakat | March 12, 2019\n\nShells struck Varo, officials said.")
    assert reasons(doc)["By Lina Barakat | March 12, 2019"] == "date"
    assert kept(doc) == ["Shells struck Varo, officials said."]


@pytest.mark.parametrize(
    "row, column", [('paragraph,caption,"[unclosed",broken', "pattern"), ("sentence,caption,^x$,wrong kind", "kind")]
)
def test_clean_bad_user_pattern_names_the_file_and_column(tmp_path, row, column):
    extra = tmp_path / "boilerplate-bad.csv"
    extra.write_text(f"kind,reason,pattern,notes\n{row}\n")
    with pytest.raises(KnowledgeError) as caught:
        clean.load_boilerplate((extra,))
    assert caught.value.code == "W202" and "boilerplate-bad.csv:2" in str(caught.value) and column in str(caught.value)


def test_clean_user_relation_with_an_unquoted_comma_names_the_file_and_column(tmp_path):
    from wirecoder.stages import place_knowledge

    extra = tmp_path / "place_relations-mine.csv"
    extra.write_text("pattern,relation,geo_precision,where_prec\n(?:\\w+ ){0,3}in $,speaker,1,1\n")
    with pytest.raises(KnowledgeError) as caught:
        place_knowledge.load_relations((extra,))
    assert caught.value.code == "W202" and "place_relations-mine.csv:2" in str(caught.value) and "double quotes" in str(caught.value)
