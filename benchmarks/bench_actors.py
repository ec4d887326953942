"""Actors on re3d (Syria/Iraq documents with FightingAgainst relations, gold = confidence >= 0.5):
recall of the gold FightingAgainst actor pairs among the events' actor1/actor2, and the share of
gold fighting organisations the actors stage names at all. Run: python benchmarks/bench_actors.py [--shared ../shared]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, print_rows, row, skipped  # noqa: E402


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()]


def read_corpus(folder: Path) -> tuple[dict[str, str], list[dict]]:
    documents, fights = {}, []
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        documents.update({d["_id"]: d["text"] for d in _lines(sub / "documents.json")})
        fights += [r for r in _lines(sub / "relations.json") if r["type"] == "FightingAgainst" and r.get("confidence", 0) >= 0.5]
    return documents, fights


def _canonicaliser(pipeline):
    """Gold names are written as in the text ("the Asad regime"): read them with the actors stage."""
    from wirecoder.records import AnalyzedArticle, Article, Sentence, Span

    actors = next(s for s in pipeline.stages if s.name == "actors")

    def canonical(name: str) -> str:
        doc = AnalyzedArticle(article=Article(id="name", text=name), sentences=(Sentence(Span(0, len(name), name)),))
        found = actors(doc).actors
        return (found[0].name if found else name).casefold()

    return canonical


def run(shared: Path) -> list[dict]:
    folder = shared / "gold" / "re3d"
    if not folder.exists():
        return skipped("re3d", f"{folder} not found")
    from wirecoder import Pipeline
    from wirecoder.records import Article

    documents, fights = read_corpus(folder)
    pipeline = Pipeline()
    canonical = _canonicaliser(pipeline)
    pairs_found: dict[str, set[frozenset]] = {}
    named: dict[str, set[str]] = {}
    for doc_id, text in documents.items():
        doc = pipeline.analyze(Article(id=doc_id, text=text))
        pairs_found[doc_id] = {frozenset({canonical(e.actor1), canonical(e.actor2)}) for e in doc.events if e.actor1 and e.actor2}
        named[doc_id] = {canonical(a.name) for a in doc.actors}
    gold_pairs = {(f["documentId"], frozenset({canonical(f["source"]), canonical(f["target"])})) for f in fights}
    gold_pairs = {(d, p) for d, p in gold_pairs if len(p) == 2}
    hit = sum(1 for doc_id, pair in gold_pairs if pair in pairs_found.get(doc_id, set()))
    actors = {(d, a) for d, p in gold_pairs for a in p}
    recognised = sum(1 for doc_id, actor in actors if actor in named.get(doc_id, set()))
    return [
        row("re3d", "FightingAgainst pairs among event actor1/actor2", round(hit / len(gold_pairs), 3), None, f"{len(gold_pairs)} gold pairs"),
        row("re3d", "gold fighting actors named by the actors stage", round(recognised / len(actors), 3), None, f"{len(actors)} actor mentions"),
    ]


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
