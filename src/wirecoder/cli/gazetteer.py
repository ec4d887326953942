"""CLI commands: gazetteer import / info, and places (every toponym of some articles as JSONL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..errors import WirecoderError
from ..settings import Settings

console = Console(stderr=True)
gazetteer_app = typer.Typer(
    help="The offline gazetteer: what it holds, and GeoNames dumps you add to it.\n\nExample: wirecoder gazetteer info",
    no_args_is_help=True,
)


@gazetteer_app.command("import")
def import_dumps(
    files: list[Path] = typer.Argument(..., help="GeoNames dumps: allCountries.txt, SY.txt, alternateNamesV2.txt."),
    knowledge: list[Path] = typer.Option([], "--knowledge", "-k", help="More feature codes to keep (geonames_features*.csv)."),
) -> None:
    """Add GeoNames dumps you downloaded to the local index, so villages below the embedded cut resolve.
    Towns, provinces, and the sites and areas of knowledge/geonames_features.csv (airports, camps, islands) are kept.

    Example: wirecoder gazetteer import SY.txt alternateNamesV2.txt
    """
    from ..gazetteer import Gazetteer, ensure_embedded, user_path
    from ..gazetteer.geonames_dump import import_file, load_features

    settings = Settings(knowledge_paths=tuple(knowledge))
    ensure_embedded(settings)
    countries, admin1 = _reference(Gazetteer([ensure_embedded(settings)]))
    try:
        features = load_features(settings.knowledge_paths)
        for path in files:
            added = import_file(path, user_path(settings), countries=countries, admin1_names=admin1, features=features)
            console.print(f"{path}: {added:,} rows added to {user_path(settings)}")
    except WirecoderError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None


def _reference(gazetteer) -> tuple[dict, dict]:
    """Country names and province names of the embedded index, by the codes GeoNames dumps use
    ("SY" and "SY", "07"), so an imported village lies in the province its embedded neighbours do."""
    from ..gazetteer.embedded import admin1_table

    db = gazetteer.dbs[0]
    countries = {cc: (iso3, name) for cc, iso3, name in db.execute("SELECT cc, iso3, country FROM places WHERE feature = 'country'")}
    embedded = dict(db.execute("SELECT geonameid, admin1 FROM places WHERE feature = 'admin1'"))
    admin1 = {code: embedded.get(geonameid) or display for code, (geonameid, display, _names) in admin1_table().items()}
    return countries, admin1


@gazetteer_app.command("info")
def info() -> None:
    """How many places and names the local gazetteer index holds, and where it lives.

    Example: wirecoder gazetteer info
    """
    from ..gazetteer import Gazetteer

    table = Table("index file", "places", "names")
    for path, places, names in Gazetteer.default(Settings()).stats():
        table.add_row(path, f"{places:,}", f"{names:,}")
    Console().print(table)


def places(
    inputs: list[Path] = typer.Argument(..., help="Articles: text, HTML, feeds, JSONL, directories."),
    published: str = typer.Option(None, help="Publication date for every article (YYYY-MM-DD)."),
    toponyms: Path = typer.Option(
        None, "--toponyms", help="JSONL of toponyms found elsewhere, one per line: {\"article_id\", \"start\", \"end\"} "
        "(character offsets in the article's text, as this command prints them). Only these are resolved: geocoding alone."),
) -> None:
    """Print every toponym found in the articles as JSONL, resolved to the gazetteer.

    With --toponyms, resolve the spans you give instead (an annotator's, another model's), one line each.

    Example: wirecoder places examples/articles/levant-wire
    """
    from ..ingest import read_inputs
    from ..pipeline import Pipeline, build_stage
    from ..records import Article
    from .core import parse_date

    given = read_toponym_spans(toponyms) if toponyms else None
    pipeline = Pipeline(stages=("clean", "segment", "actors") if given is not None else ("clean", "segment", "actors", "places"))
    resolver = build_stage("places", pipeline.settings) if given is not None else None
    seen = set()
    for item in read_inputs(inputs, published=parse_date(published)):
        if not isinstance(item, Article):
            console.print(f"[yellow]{getattr(item, 'origin', '')}: {getattr(item, 'reason', getattr(item, 'message', ''))}[/yellow]")
            continue
        doc = pipeline.analyze(item)
        if given is None:
            mentions = doc.places
        else:
            seen.add(item.id)
            mentions = resolver.resolve_spans(doc, given.get(item.id, [])) if item.id in given else []
        for mention in mentions:
            sys.stdout.write(json.dumps(_toponym(item.id, mention), ensure_ascii=False) + "\n")
    missing = sorted(set(given or ()) - seen)
    if missing:
        console.print(f"[yellow]{len(missing)} article id(s) in {toponyms} matched no article read: {', '.join(missing[:5])}[/yellow]", soft_wrap=True)


def read_toponym_spans(path: Path) -> dict[str, list[tuple[int, int]]]:
    """article id -> its (start, end) spans, in file order; a line that is not such a span stops with its number."""
    spans: dict[str, list[tuple[int, int]]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        console.print(f"[red]{path}: cannot read toponyms ({error})[/red]", soft_wrap=True)
        raise typer.Exit(2) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            start, end, article_id = record["start"], record["end"], str(record["article_id"])
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end):
                raise ValueError("start and end must be whole numbers, 0 <= start < end")
        except (ValueError, KeyError, TypeError) as error:
            reason = f"no {error}" if isinstance(error, KeyError) else str(error)
            console.print(f"[red]{path}, line {number}: not a toponym span ({reason}); expected "
                          '{"article_id": "...", "start": 10, "end": 16}[/red]', soft_wrap=True)
            raise typer.Exit(2) from None
        spans.setdefault(article_id, []).append((start, end))
    return spans


def _toponym(article_id: str, mention) -> dict:
    place = mention.place
    return {
        "article_id": article_id, "start": mention.span.start, "end": mention.span.end, "text": mention.span.text,
        "name": place.name if place else None, "geonameid": place.geonameid if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "country": place.country if place else None, "admin1": place.admin1 if place else None,
        "feature": place.feature if place else None, "relation": mention.relation, "geo_precision": mention.geo_precision,
        # "northeastern Nigeria": the part of the place the text means, where events there are located
        "part": {"name": mention.part.name, "latitude": mention.part.latitude, "longitude": mention.part.longitude} if mention.part else None,
    }


def register(app: typer.Typer) -> None:
    app.add_typer(gazetteer_app, name="gazetteer")
    app.command("places")(places)
