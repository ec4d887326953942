"""The dates stage: expressions found in sentences and resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from wirecoder.records import AnalyzedArticle, Article, Sentence, Span
from wirecoder.settings import Settings
from wirecoder.stages import dates

FRIDAY = dt.date(2018, 10, 5)


def analyzed(text: str, published: dt.date | None = FRIDAY) -> AnalyzedArticle:
    """An article whose sentences end at '.', built by hand (no spaCy)."""
    sentences = tuple(Sentence(Span(m.start(), m.end(), m.group())) for m in re.finditer(r"[^.\s][^.]*\.?", text))
    return AnalyzedArticle(article=Article(id="t", text=text, published=published), sentences=sentences)


@pytest.fixture(scope="module")
def stage():
    return dates.build(Settings())


def mentions(stage, text: str, published: dt.date | None = FRIDAY) -> dict:
    return {m.span.text: m for m in stage(analyzed(text, published)).dates}


def test_dates_relative_days(stage):
    found = mentions(stage, "Fighting raged in Tel Nasr yesterday. Shelling resumed this morning. Raids came last night.")
    assert found["yesterday"].start == found["yesterday"].end == dt.date(2018, 10, 4)
    assert found["this morning"].start == FRIDAY
    assert found["last night"].start == dt.date(2018, 10, 4)
    assert all(m.time_precision == 1 and m.date_prec == 1 and m.relative for m in found.values())


def test_dates_yesterday_of_a_report_dated_in_its_sentence_is_the_day_before_that_report(stage):
    found = mentions(stage, "Drone strikes killed nine people overnight, health officials said on Wednesday. Medics fled yesterday.")
    assert found["overnight"].start == dt.date(2018, 10, 2)  # the night before Wednesday, not before Friday
    assert found["yesterday"].start == dt.date(2018, 10, 4)  # no report day in its sentence: before publication


def test_dates_weekday_is_latest_on_or_before_publication(stage):
    found = mentions(stage, "The assault began on Monday. A convoy was hit Friday. Talks failed last Friday.")
    assert found["on Monday"].start == dt.date(2018, 10, 1)
    assert found["Friday"].start == FRIDAY  # publication day itself
    assert found["last Friday"].start == dt.date(2018, 9, 28)


def test_dates_week_spans(stage):
    found = mentions(stage, "Last week rebels took Qarya. Over the past week troops massed. Earlier this week aid came.")
    assert (found["Last week"].start, found["Last week"].end) == (dt.date(2018, 9, 24), dt.date(2018, 9, 30))
    assert found["Last week"].time_precision == 2 and found["Last week"].date_prec == 3
    past = found["Over the past week"]
    assert (past.start, past.end, past.time_precision) == (dt.date(2018, 9, 28), FRIDAY, 2)
    earlier = found["Earlier this week"]
    assert (earlier.start, earlier.end, earlier.date_prec) == (dt.date(2018, 10, 1), dt.date(2018, 10, 4), 2)


def test_dates_weeks_ago_is_known_to_the_week(stage):
    found = mentions(stage, "Two weeks ago the militia seized Wadi Sahm.")
    ago = found["Two weeks ago"]
    assert ago.start == dt.date(2018, 9, 21) and ago.time_precision == 2 and ago.date_prec == 3


def test_dates_month_spans(stage):
    found = mentions(stage, "The campaign started last month. Heavy rain fell in September. Over the past four years the town changed hands.")
    assert (found["last month"].start, found["last month"].end) == (dt.date(2018, 9, 1), dt.date(2018, 9, 30))
    assert found["last month"].time_precision == 3 and found["last month"].date_prec == 4
    assert found["in September"].start == dt.date(2018, 9, 1)
    years = found["Over the past four years"]
    assert years.start == dt.date(2014, 10, 5) and years.date_prec == 5


def test_dates_month_after_publication_is_last_year(stage):
    found = mentions(stage, "The siege began in November.")
    assert found["in November"].start == dt.date(2017, 11, 1)


def test_dates_since_start_of_offensive_has_open_start(stage):
    found = mentions(stage, "Since the start of the offensive 200 fighters have died.")
    since = next(iter(found.values()))
    assert since.start is None and since.end == FRIDAY
    assert since.time_precision == 3 and since.date_prec == 5 and since.relative


def test_dates_absolute_with_and_without_year(stage):
    found = mentions(stage, "A truce was signed on 16 July, 2018. Clashes resumed October 4. Talks were set for 3 December.")
    assert found["16 July, 2018"].start == dt.date(2018, 7, 16) and not found["16 July, 2018"].relative
    assert found["October 4"].start == dt.date(2018, 10, 4)
    assert found["3 December"].start == dt.date(2017, 12, 3)  # no year: the latest past 3 December


def test_dates_no_publication_date_leaves_relative_unresolved(stage):
    found = mentions(stage, "Fighting resumed on Monday. The town fell on 2 March 2019. Raids hit it in May.", published=None)
    monday = found["on Monday"]
    assert (monday.start, monday.end, monday.time_precision, monday.relative) == (None, None, None, True)
    assert found["2 March 2019"].start == dt.date(2019, 3, 2)
    assert found["in May"].start is None  # a month without a year needs the publication date


def test_dates_never_today(stage):
    today = dt.date.today()
    found = stage(analyzed("Yesterday and today the front was calm; on 5 June shells fell.", published=None)).dates
    assert found and all(today not in (m.start, m.end) for m in found)


def test_dates_ignores_words_that_only_look_like_dates(stage):
    found = mentions(stage, "We may march on the capital. The protesters march daily. Sunni fighters may retreat.")
    assert found == {}


def test_dates_spans_point_into_article_text(stage):
    doc = stage(analyzed("Ceasefire talks collapsed. Artillery hit Kafr Dunya two days ago."))
    mention = doc.dates[0]
    assert doc.article.text[mention.span.start : mention.span.end] == "two days ago"
    assert mention.sentence == 1 and mention.start == dt.date(2018, 10, 3)


def test_dates_user_file_adds_an_expression(tmp_path):
    extra = tmp_path / "date_expressions_local.csv"
    extra.write_text('name,kind,pattern,resolver,amount,precision\neid,date,"\\bon the eve of the offensive\\b",days_ago,1,\n')
    stage = dates.build(Settings(knowledge_paths=(extra,)))
    found = mentions(stage, "Drones struck on the eve of the offensive.")
    assert found["on the eve of the offensive"].start == dt.date(2018, 10, 4)


def with_one_block(doc: AnalyzedArticle) -> AnalyzedArticle:
    from dataclasses import replace

    text = doc.article.text
    return replace(doc, blocks=(Span(0, len(text), text),))


def test_dates_header_date_stands_in_for_a_missing_publication_date(stage):
    text = "Market fire kills three\nUpdated: March 14, 2013 08:12\nThe fire broke out on Wednesday."
    doc = stage(with_one_block(analyzed(text, published=None)))
    wednesday = next(d for d in doc.dates if d.span.text.endswith("Wednesday"))
    assert wednesday.start == dt.date(2013, 3, 13)


def test_dates_a_wire_dateline_dates_the_report_and_no_event(stage):
    text = "Gunmen kill 17 in Plateau\nJOS, Nigeria, Jan 25, 2024 (AFP) - Gunmen killed 17 people in attacks on Wednesday."
    doc = stage(with_one_block(analyzed(text, published=None)))
    assert doc.article.published == dt.date(2024, 1, 25)
    assert [(d.span.text, d.start) for d in doc.dates] == [("on Wednesday", dt.date(2024, 1, 24))]


def test_dates_date_deep_in_the_story_is_not_a_publication_date(stage):
    text = "The fire broke out on Wednesday. " + "Witnesses described the scene at length. " * 6 + "It recalled March 14, 2013."
    doc = stage(with_one_block(analyzed(text, published=None)))
    wednesday = next(d for d in doc.dates if d.span.text.endswith("Wednesday"))
    assert wednesday.start is None


def test_dates_since_a_month_and_day_is_that_day_not_the_month(stage):
    found = mentions(stage, "The two sides have been fighting since September 10. Prices have risen since September.")
    assert [(m.start, m.time_precision) for m in found.values()] == [(dt.date(2018, 9, 10), 1), (dt.date(2018, 9, 1), 3)]


def test_dates_a_month_of_last_year_is_in_the_year_before(stage):
    found = mentions(stage, "Government forces retook the town in October last year.")
    assert (found["in October last year"].start, found["in October last year"].end) == (dt.date(2017, 10, 1), dt.date(2017, 10, 31))
