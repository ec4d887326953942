"""The two seed articles against the analyst's hand coding (../shared/seeds/gold.csv), through
``wirecoder evaluate``: the numbers a reader can check by hand. Run: python benchmarks/bench_seeds.py"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, print_rows, row, skipped  # noqa: E402


def run(shared: Path) -> list[dict]:
    folder = shared / "seeds"
    if not (folder / "gold.csv").exists():
        return skipped("seeds", f"{folder / 'gold.csv'} not found")
    from wirecoder import Pipeline
    from wirecoder.evaluate import evaluate_files
    from wirecoder.ingest import read_inputs
    from wirecoder.records import Article

    pipeline = Pipeline()
    events = [e for a in read_inputs(sorted(folder.glob("*.txt"))) if isinstance(a, Article) for e in pipeline.extract(a)]
    report = evaluate_files(folder / "gold.csv", events=events)
    fields = report.fields
    toll = [e for e in events if e.fatalities_scope == "cumulative" and e.fatalities == 341]
    day_341 = [e for e in events if e.fatalities_scope == "event" and e.fatalities == 341]
    share = lambda name: fields[name]["share"]  # noqa: E731
    return [
        row("seeds", "required events found (recall)", report.detection["recall"], 1.0, f"{report.detection['tp']} of {report.detection['tp'] + report.detection['fn']}"),
        row("seeds", "event precision", report.detection["precision"], None, f"{report.detection['fp']} unmatched predictions"),
        row("seeds", "forbidden rows hit", report.counts["forbidden_hits"], 0),
        row("seeds", "sub-event type agreement", share("sub_event_type"), None, f"of {fields['sub_event_type']['of']}"),
        row("seeds", "date exact", share("date_exact"), None, f"of {fields['date_exact']['of']}"),
        row("seeds", "341 is a cumulative SOHR toll, no day event has it",
            float(bool(toll) and not day_341 and toll[0].sources[0].reported_by == "Syrian Observatory for Human Rights"), 1.0),
    ]


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
