"""CLI commands: run, extract, export, changes, settings."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import WirecoderError
from ..records import Event, RunSummary
from ..settings import Settings

DEFAULT_DB = Path("wirecoder.db")
console = Console(stderr=True)

DbOption = typer.Option(DEFAULT_DB, "--db", help="Database file (created if missing).")


def parse_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; use YYYY-MM-DD") from None


def settings_with(knowledge: list[Path]) -> Settings:
    return Settings(knowledge_paths=tuple(knowledge))


def open_store(db: Path):
    from ..store import Store

    try:
        return Store(db)
    except WirecoderError as error:
        console.print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None


def run(
    inputs: list[Path] = typer.Argument(..., help="Text, HTML, RSS/Atom, JSONL files or directories."),
    db: Path = DbOption,
    published: Optional[str] = typer.Option(None, help="Publication date for every article (YYYY-MM-DD)."),
    source: Optional[str] = typer.Option(None, help="Outlet name for every article."),
    knowledge: list[Path] = typer.Option([], "--knowledge", "-k", help="Extra knowledge CSV (actors*.csv...)."),
    show: int = typer.Option(12, help="Show up to this many events in a table at the end (0: none)."),
) -> None:
    """Read articles, extract events and store both in the database.

    Example: wirecoder run examples/articles --db demo.db
    """
    from .. import runner

    store = open_store(db)
    with _progress() as progress:
        task = progress.add_task("reading", total=None)
        try:
            summary = runner.run(
                inputs,
                store,
                settings=settings_with(knowledge),
                published=parse_date(published),
                source=source,
                on_item=lambda name: progress.update(task, advance=1, description=name[-60:]),
            )
        except KeyboardInterrupt:
            console.print("[yellow]interrupted: every article saved so far is kept; run again to resume[/yellow]")
            raise typer.Exit(130) from None
        except WirecoderError as error:  # a broken knowledge file: say which row, keep what is stored
            console.print(f"[red]{error}[/red]")
            raise typer.Exit(2) from None
    print_summary(summary, db)
    if show:
        print_events_table(list(store.iter_events())[:show], total=store.count("events"))


def _progress() -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.completed} items"), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=console, transient=True,
    )  # fmt: skip


def print_summary(summary: RunSummary, db: Path) -> None:
    console.print(
        f"[bold]{summary.articles_read}[/bold] articles read "
        f"({summary.articles_unchanged} unchanged), {len(summary.skipped)} skipped; "
        f"events: {summary.events_new} new, {summary.events_updated} updated, "
        f"{summary.events_removed} merged or withdrawn. Database: {db}"
    )
    for skipped in summary.skipped:
        console.print(f"  [yellow]skipped[/yellow] {skipped.code}: {skipped.reason}", highlight=False)
    for notice in summary.notices:
        console.print(f"  [cyan]note[/cyan] {notice.code}: {notice.message}", highlight=False)


def print_events_table(events: list[Event], total: int) -> None:
    table = Table(title=f"{len(events)} of {total} events", title_justify="left")
    for column in ("date", "type", "actor1", "actor2", "location", "fatal.", "sources"):
        table.add_column(column, overflow="fold")
    for e in events:
        toll = f"{e.fatalities}" + (" (cumul.)" if e.fatalities_scope == "cumulative" else "")
        table.add_row(
            e.event_date or "?", e.sub_event_type, e.actor1 or "", e.actor2 or "",
            ", ".join(x for x in (e.location, e.admin1, e.country) if x), toll, str(len(e.sources)),
        )  # fmt: skip
    Console().print(table)


def extract(
    file: Path = typer.Argument(..., help="One article file (text, HTML, feed or JSONL)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD)."),
    source: Optional[str] = typer.Option(None, help="Outlet name."),
    knowledge: list[Path] = typer.Option([], "--knowledge", "-k", help="Extra knowledge CSV."),
) -> None:
    """Print the events of one article as JSONL, storing nothing.

    Example: wirecoder extract examples/articles/levant-wire/2018-10-05-hajin.txt --published 2018-10-05
    """
    from ..ingest import read_inputs
    from ..pipeline import Pipeline
    from ..records import Article, Notice, Skipped

    settings = settings_with(knowledge)
    pipeline = Pipeline(settings)
    for item in read_inputs(
        [file],
        published=parse_date(published),
        source=source,
        max_chars=settings.max_chars,
        knowledge_paths=settings.knowledge_paths,
    ):
        if isinstance(item, (Skipped, Notice)):
            console.print(f"[yellow]{item.code}[/yellow]: {getattr(item, 'reason', None) or item.message}")
        elif isinstance(item, Article):
            for event in pipeline.extract(item):
                sys.stdout.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def export(
    db: Path = DbOption,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | acled-csv | geojson"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
) -> None:
    """Write the stored events as JSONL, ACLED CSV or GeoJSON.

    Example: wirecoder export --db demo.db --format acled-csv -o events.csv
    """
    from ..export import FORMATS, write

    if fmt not in FORMATS:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if not db.exists():
        console.print(f"[red]W403: {db} does not exist; run `wirecoder run INPUT --db {db}` first.[/red]")
        raise typer.Exit(2)
    store = open_store(db)
    if output is None:
        count = write(store.iter_events(), sys.stdout, fmt)
    else:
        with open(output, "w", encoding="utf-8", newline="") as handle:
            count = write(store.iter_events(), handle, fmt)
    console.print(f"{count} events written" + (f" to {output}" if output else ""))


def changes(
    db: Path = DbOption,
    since: Optional[str] = typer.Option(None, help="ISO date or time (UTC); default: everything."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per line."),
) -> None:
    """List events new, updated, merged or withdrawn since a time.

    Example: wirecoder changes --db demo.db --since 2026-11-24
    """
    store = open_store(db)
    rows = store.changes(since)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row) + "\n")
        return
    table = Table(title=f"{len(rows)} changes" + (f" since {since}" if since else ""), title_justify="left")
    for column in ("at", "event_id", "kind", "detail"):
        table.add_column(column)
    for row in rows:
        table.add_row(row["at"], row["event_id"], row["kind"], row["detail"] or "")
    Console().print(table)


def settings() -> None:
    """Show every setting with its default and what it does.

    Example: wirecoder settings
    """
    table = Table(title="settings", title_justify="left")
    for column in ("name", "default", "help"):
        table.add_column(column)
    for name, default, help_text in Settings.table():
        table.add_row(name, str(default), help_text)
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command()(run)
    app.command()(extract)
    app.command()(export)
    app.command()(changes)
    app.command(name="settings")(settings)
