"""Every benchmark in one command, one table: dataset, metric, value, target, ok.

Run:  python benchmarks/run_all.py [--shared ../shared] [--markdown FILE] [--json FILE] [--only NAME...]

Each ``bench_*.py`` module exposes ``run(shared) -> rows``; a benchmark that fails becomes a row
saying so, and a dataset missing from ``shared`` is skipped with a row saying so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, row  # noqa: E402

BENCHMARKS = ("bench_seeds", "bench_events", "bench_places", "bench_gazetteer", "bench_fatalities", "bench_actors", "bench_dedup", "bench_throughput")
LOWER_IS_BETTER = ("peaceful snippets", "look-alike", "forbidden", "RSS")


def ok(result: dict) -> str:
    value, target = result["value"], result["target"]
    if target is None or not isinstance(value, (int, float)):
        return ""
    lower = any(word in result["metric"] for word in LOWER_IS_BETTER)
    return "yes" if (value <= target if lower else value >= target) else "no"


def run_one(name: str, shared: Path) -> list[dict]:
    began = time.perf_counter()
    try:
        rows = importlib.import_module(name).run(shared)
    except Exception as error:  # one broken benchmark must not hide the others
        traceback.print_exc()
        rows = [row(name, "failed", None, None, f"{type(error).__name__}: {error}")]
    print(f"{name}: {time.perf_counter() - began:.0f} s", file=sys.stderr)
    return rows


def markdown(rows: list[dict]) -> str:
    lines = ["| dataset | metric | value | target | ok |", "|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['dataset']} | {r['metric']} | {r['value'] if r['value'] is not None else '-'} | {r['target'] if r['target'] is not None else ''} | {ok(r)} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED_DEFAULT)
    parser.add_argument("--markdown", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only", nargs="*", default=None)
    args = parser.parse_args()
    names = [n for n in BENCHMARKS if not args.only or any(o in n for o in args.only)]
    rows = [r for name in names for r in run_one(name, args.shared)]
    for r in rows:
        value = "-" if r["value"] is None else r["value"]
        target = "" if r["target"] is None else r["target"]
        print(f"{r['dataset']:<22} {r['metric']:<52} {value!s:<9} {target!s:<7} {ok(r):<4} {r.get('note', '')}")
    stamp = f"{dt.date.today()} on {platform.machine()} {platform.system()}, Python {platform.python_version()}"
    print(f"\nmeasured {stamp}")
    if args.markdown:
        args.markdown.write_text(markdown(rows) + f"\n\nMeasured {stamp}.\n", encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"measured": stamp, "rows": rows}, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
