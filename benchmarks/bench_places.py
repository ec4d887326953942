"""Geoparsing: toponym precision/recall and resolution accuracy on GeoWebNews and LGL, and how close
whole-pipeline events land to PITF's gold points. Run: python benchmarks/bench_places.py [--shared ../shared]

Scoring (the usual geoparsing conventions): a gold toponym is found when a predicted toponym overlaps
its span; accuracy@161 km counts gold toponyms with coordinates whose overlapping prediction resolved
within 161 km (unfound ones count as misses). GeoWebNews gold = literal locational types only.

Two more rows put the distances beside the gold's own GeoNames ids: "exact GeoNames entry" (the
measure Mordecai-style geoparsers publish: of the found gold toponyms, the share resolved to the very
entry the gold names), and accuracy@161 km where resolving to that very entry counts as 0 km. The
embedded gazetteer puts a country at the CIA World Factbook's point, not at GeoNames' (the United
States at 38N 97W, GeoNames at 39.76N 98.5W: 235 km), so the plain row misses some exact answers.

"Geocoding alone" gives the gold spans to the places stage (``PlacesStage.resolve_spans``, the
``wirecoder places --toponyms`` path) and scores resolution by itself, as geocoders given gold
toponyms are compared in the literature; the other rows score finding and resolving together.
"""

from __future__ import annotations

import json
import math
import statistics
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from common import SHARED_DEFAULT, RawPipeline, km, parse_date, print_rows, row, sample, skipped  # noqa: E402

LITERAL = {"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"}
ARTICLES = {"GeoWebNews": 200, "LGL": 150}  # LGL sampled (588 articles) to keep the suite short
PITF_SAMPLE = 400


@dataclass
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None
    literal: bool
    geonameid: int | None = None


def read_gwn(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    articles = []
    for article in ET.parse(path).iter("article"):
        toponyms = []
        for t in article.iter("toponym"):
            lat, lon, gid = t.findtext("latitude"), t.findtext("longitude"), t.findtext("geonamesID")
            toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), float(lat) if lat else None,
                                        float(lon) if lon else None, t.findtext("type") in LITERAL, int(gid) if gid and gid.isdigit() else None))
        articles.append((article.findtext("text") or "", toponyms))
    return articles


def read_lgl(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    articles = []
    for article in ET.parse(path).iter("article"):
        toponyms = []
        for t in article.iter("toponym"):
            tag = t.find("gaztag")
            lat = tag.findtext("lat") if tag is not None else None
            lon = tag.findtext("lon") if tag is not None else None
            gid = tag.get("geonameid") if tag is not None else None
            toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")), float(lat) if lat else None,
                                        float(lon) if lon else None, True, int(gid) if gid and gid.isdigit() else None))
        articles.append((article.findtext("text") or "", toponyms))
    return articles


def score_toponyms(name: str, articles, pipeline) -> list[dict]:
    from wirecoder.records import Article

    predicted = found = gold_count = true_predictions = 0
    errors: list[float] = []
    entry_errors: list[float] = []  # the same, with the gold's own GeoNames entry at 0 km
    resolvable = with_id = exact = 0
    given_errors: list[float] = []  # geocoding alone: the gold spans given to the places stage
    for index, (text, golds) in enumerate(articles):
        doc = pipeline.analyze(Article(id=str(index), text=text))
        mentions = [m for m in doc.places if m.place is not None]
        literal = [g for g in golds if g.literal]
        located = [g for g in literal if g.lat is not None]
        given = pipeline.stages[-1].resolve_spans(doc, [(g.start, g.end) for g in located])
        given_errors += [km(g.lat, g.lon, m.place.latitude, m.place.longitude) if m.place else math.inf for g, m in zip(located, given)]
        predicted += len(mentions)
        gold_count += len(literal)
        true_predictions += sum(1 for m in mentions if any(_overlap(m.span, g) for g in golds if g.literal))
        for gold in literal:
            match = next((m for m in mentions if _overlap(m.span, gold)), None)
            found += match is not None
            if gold.lat is None:
                continue
            resolvable += 1
            if match is not None:
                same_entry = gold.geonameid is not None and match.place.geonameid == gold.geonameid
                errors.append(km(gold.lat, gold.lon, match.place.latitude, match.place.longitude))
                entry_errors.append(0.0 if same_entry else errors[-1])
                with_id += gold.geonameid is not None
                exact += same_entry
    within = lambda limit: round(sum(e <= limit for e in errors) / resolvable, 3) if resolvable else None  # noqa: E731
    return [
        row(name, "toponym precision", round(true_predictions / predicted, 3) if predicted else None),
        row(name, "toponym recall", round(found / gold_count, 3) if gold_count else None, None, f"{gold_count} gold, {len(articles)} articles"),
        row(name, "accuracy@161km of gold toponyms", within(161), 0.85 if name == "GeoWebNews" else None),
        row(name, "accuracy@50km of gold toponyms", within(50)),
        row(name, "median error km (found ones)", round(statistics.median(errors), 1) if errors else None),
        row(name, "accuracy@161km of found toponyms", round(sum(e <= 161 for e in errors) / len(errors), 3) if errors else None),
        row(name, "exact GeoNames entry (found, with an id)", round(exact / with_id, 3) if with_id else None),
        row(name, "accuracy@161km of gold, own entry at 0 km",
            round(sum(e <= 161 for e in entry_errors) / resolvable, 3) if resolvable else None),
        row(name, "geocoding alone: accuracy@161km of gold spans",
            round(sum(e <= 161 for e in given_errors) / resolvable, 3) if resolvable else None, None, "gold spans given, none unfound"),
    ]


def _overlap(span, gold: GoldToponym) -> bool:
    return span.start < gold.end and gold.start < span.end


def score_pitf(path: Path) -> list[dict]:
    from wirecoder import Pipeline
    from wirecoder.records import Article

    pipeline = Pipeline()
    incidents = sample([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()], PITF_SAMPLE)
    within, located, with_event = 0, 0, 0
    errors: list[float] = []
    for incident in incidents:
        if incident.get("lat") is None:
            continue
        located += 1
        article = Article(id=incident["id"], text=incident["description"], published=parse_date(incident.get("start_date")))
        events = [e for e in pipeline.extract(article) if e.latitude is not None]
        if not events:
            continue
        with_event += 1
        best = max(events, key=lambda e: (e.fatalities_best or e.fatalities or 0))
        errors.append(km(incident["lat"], incident["lon"], best.latitude, best.longitude))
        within += errors[-1] <= 50
    return [
        row("pitf-atrocities", "events within 50 km of gold point", round(within / located, 3), 0.70, f"sample {located}"),
        row("pitf-atrocities", "share of incidents with a located event", round(with_event / located, 3)),
        row("pitf-atrocities", "median event error km (located ones)", round(statistics.median(errors), 1) if errors else None),
        row("pitf-atrocities", "mean event error km (located ones)", round(statistics.mean(errors), 1) if errors else None),
    ]


def run(shared: Path) -> list[dict]:
    folder = shared / "gold" / "geoparsing-news"
    rows: list[dict] = []
    if folder.exists():
        pipeline = RawPipeline(("segment", "actors", "places"))
        rows += score_toponyms("GeoWebNews", sample(read_gwn(folder / "GeoWebNews_GWN.xml"), ARTICLES["GeoWebNews"]), pipeline)
        rows += score_toponyms("LGL", sample(read_lgl(folder / "LGL.xml"), ARTICLES["LGL"]), pipeline)
    else:
        rows += skipped("geoparsing-news", f"{folder} not found")
    pitf = shared / "gold" / "pitf-atrocities" / "incidents_with_description.jsonl"
    rows += score_pitf(pitf) if pitf.exists() else skipped("pitf-atrocities", f"{pitf} not found")
    return rows


if __name__ == "__main__":
    shared = Path(sys.argv[sys.argv.index("--shared") + 1]) if "--shared" in sys.argv else SHARED_DEFAULT
    print_rows(run(shared))
