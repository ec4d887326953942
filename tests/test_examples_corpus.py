"""The demo corpus in examples/ is well-formed: every article reads cleanly, and examples/gold.csv
parses, follows the seed coding's columns and ACLED's taxonomy, and quotes the articles it codes (issue 2).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest

from wirecoder.ingest import read_inputs
from wirecoder.records import Article

EXAMPLES = Path(__file__).parent.parent / "examples"
SEEDS = Path(__file__).parent.parent.parent / "shared" / "seeds"
GOLD_COLUMNS = (
    "article,required,event_date,date_end,time_precision,event_type,sub_event_type,actor1,actor2,"
    "location,admin1,country,fatalities,fatalities_scope,evidence"
).split(",")
ACLED_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    },
}  # fmt: skip
SCOPES = {"", "event", "cumulative", "cumulative-at-least"}
REQUIRED = {"yes", "optional", "forbidden"}
MIN_WORDS, MAX_WORDS = 80, 350


@pytest.fixture(scope="module")
def corpus() -> dict[str, Article]:
    items = list(read_inputs(EXAMPLES / "articles"))
    problems = [item for item in items if not isinstance(item, Article)]
    assert problems == [], "every demo article must read without a skip or notice"
    return {article.id: article for article in items}


@pytest.fixture(scope="module")
def gold() -> list[dict[str, str]]:
    with open(EXAMPLES / "gold.csv", newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == GOLD_COLUMNS
        return list(reader)


def coded(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Rows that describe an event (required or optional), not a forbidden reading."""
    return [row for row in rows if row["required"] != "forbidden"]


def flat(text: str) -> str:
    """Whitespace folded: the articles keep the non-breaking spaces real copy-paste brings."""
    return " ".join(text.split())


def test_examples_corpus_size_and_length(corpus):
    assert 18 <= len(corpus) <= 22
    lengths = {article_id: len(article.text.split()) for article_id, article in corpus.items()}
    assert {k: n for k, n in lengths.items() if not MIN_WORDS <= n <= MAX_WORDS} == {}


def test_examples_corpus_has_every_input_format(corpus):
    ids = list(corpus)
    assert any(i.endswith(".txt") for i in ids) and any(i.endswith(".html") for i in ids)
    assert sum("#" in i for i in ids) >= 2, "an RSS feed with several entries"
    assert sum("/" not in i for i in ids) >= 2, "a JSONL file with several articles (ids without a path)"


def test_examples_corpus_has_exactly_one_undated_article(corpus):
    undated = [article_id for article_id, article in corpus.items() if article.published is None]
    assert len(undated) == 1


def test_examples_gold_articles_match_corpus(corpus, gold):
    assert {row["article"] for row in gold} == set(corpus)


def test_examples_gold_values_are_valid(gold):
    for row in gold:
        assert row["required"] in REQUIRED, row
        assert row["fatalities_scope"] in SCOPES, row
        assert row["fatalities"] == "" or int(row["fatalities"]) >= 0, row
        if row["event_type"]:
            allowed = ACLED_TYPES[row["event_type"]]
            assert row["sub_event_type"] in allowed | {""}, row


def test_examples_gold_dates_are_consistent(corpus, gold):
    for row in coded(gold):
        published = corpus[row["article"]].published
        if published is None:
            assert row["event_date"] == "unknown", "an undated article cannot date its events"
            continue
        start, end = dt.date.fromisoformat(row["event_date"]), dt.date.fromisoformat(row["date_end"])
        assert start <= end <= published, row
        assert row["time_precision"] in {"1", "2", "3"}, row
        assert (row["time_precision"] == "1") == (start == end), row


def test_examples_gold_cumulative_tolls_span_a_campaign(gold):
    tolls = [row for row in gold if row["fatalities_scope"].startswith("cumulative")]
    assert len(tolls) >= 2, "a toll timeline needs an earlier and a later running toll"
    for row in tolls:
        assert row["event_date"] < row["date_end"] and row["time_precision"] == "3", row


def test_examples_gold_evidence_quotes_the_article(corpus, gold):
    for row in coded(gold):
        assert flat(row["evidence"]) in flat(corpus[row["article"]].text), row


def test_examples_gold_non_conflict_articles_are_forbidden_whole(gold):
    """A forbidden row with no event type and no place means: this article yields no event at all."""
    whole = {row["article"] for row in gold if row["required"] == "forbidden" and not row["location"]}
    assert 5 <= len(whole) <= 7
    assert whole.isdisjoint(row["article"] for row in coded(gold))


def test_examples_syndicated_wire_copy_is_nearly_verbatim(corpus):
    copies = [article for article_id, article in corpus.items() if article_id.endswith("coalition-strikes.txt")]
    assert len(copies) == 2
    shared = set(paragraphs(copies[0].text)) & set(paragraphs(copies[1].text))
    assert len(shared) >= 3, "the wire body is the same; headline, date line and sign-off differ"
    assert copies[0].text != copies[1].text


def paragraphs(text: str) -> list[str]:
    return [flat(part) for part in text.split("\n\n") if part.strip()]


def test_examples_corpus_copies_no_seed_sentence(corpus):
    """Project rule: retell real events in our own words, never copy the seed articles."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        pytest.skip(f"seed articles not found in {SEEDS}")
    seed_shingles = {shingle for path in seeds for shingle in shingles(path.read_text(encoding="utf-8"))}
    ours = {shingle for article in corpus.values() for shingle in shingles(article.text)}
    assert ours & seed_shingles == set()


def shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}
