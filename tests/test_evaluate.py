"""Evaluate on a small gold file whose numbers were counted by hand (see the comments)."""

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from wirecoder.cli import app
from helpers import make_event
from wirecoder.evaluate import evaluate_files, read_gold
from wirecoder.evaluate.gold import GoldEvent
from wirecoder.evaluate.metrics import evaluate
from wirecoder.records import Source

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"


@pytest.fixture(scope="module")
def report():
    return evaluate_files(FIXTURES / "gold.csv", predictions=FIXTURES / "pred.jsonl")


def test_evaluate_reads_acled_columns_and_the_extras():
    gold = read_gold(FIXTURES / "gold.csv")
    assert [g.required for g in gold] == ["yes", "yes", "optional", "yes", "forbidden", "yes"]
    assert gold[0].locations == ("Qarya", "Qaryah")
    assert gold[3].fatalities_scope == "cumulative"


def test_evaluate_detection_counts_by_hand(report):
    # 4 required rows; e-1, e-2 (same family, day, place), e-3 (toll) and e-5 match them: tp 4.
    # e-4 (Port Sable, the forbidden row) is a false positive; e-6 comes from an article the gold
    # does not cover and is not judged. The optional row matches nothing: no penalty.
    assert report.detection == {"tp": 4, "fp": 1, "fn": 0, "precision": 0.8, "recall": 1.0, "f1": 0.889}
    assert report.counts["forbidden_hits"] == 1


def test_evaluate_field_agreement_by_hand(report):
    fields = report.fields
    assert fields["sub_event_type"] == {"agree": 2, "of": 3, "share": 0.667}  # e-2 is a clash, gold shelling
    # gold names actor2 on three matched rows (the shelling row leaves it open): all three agree
    assert (fields["actor2"]["agree"], fields["actor2"]["of"]) == (3, 3)
    assert fields["fatalities"]["exact"] == 0.5 and fields["fatalities"]["mae"] == 0.75  # |0-2| + |6-5| over 4
    assert fields["location_km"]["within_10km"] == 0.75  # Mirat is 11 km off


def test_evaluate_confusion_and_worst_mismatches(report):
    assert report.confusion["Shelling/artillery/missile attack"] == {"Armed clash": 1}
    assert any("forbidden" in " ".join(row["wrong"]) for row in report.worst)


def test_evaluate_cli_json_and_html(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(FIXTURES / "gold.csv"), "--pred", str(FIXTURES / "pred.jsonl"), "--json", "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["detection"]["tp"] == 4
    assert "<svg" in out.read_text() and "Armed clash" in out.read_text()


def test_evaluate_cli_needs_exactly_one_prediction_source():
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(FIXTURES / "gold.csv")])
    assert result.exit_code != 0


def test_evaluate_one_merged_event_matches_each_article_s_row_of_it():
    day = dt.date(2018, 10, 4)
    rows = [GoldEvent(row=i + 2, article=a, start=day, end=day, event_type="Battles", locations=("Hajin",), country="Syria")
            for i, a in enumerate(("wire/a1.txt", "post/a2.txt", "post/a3.txt"))]
    merged = make_event("e-1", sources=(Source("wire/a1.txt"), Source("post/a2.txt")))
    report = evaluate(rows, [merged])
    assert report.detection == {"tp": 2, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.667, "f1": 0.8}
    assert [m["gold_row"] for m in report.missed] == [4]  # a3 did not report it
