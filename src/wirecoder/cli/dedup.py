"""CLI command: duplicates - near-duplicate article groups and events merged from many reports."""

from __future__ import annotations

import typer
from rich.console import Console
from rich.table import Table

from .core import DbOption, open_store


def duplicates(db=DbOption, show: int = typer.Option(20, help="Show up to this many merged events.")) -> None:
    """Near-duplicate articles (syndicated copies) and the events merged from several reports.

    Example: wirecoder duplicates --db wirecoder.db
    """
    from ..dedup import near_duplicate_articles

    console = Console()
    with open_store(db) as store:
        groups = near_duplicate_articles((a.id, a.text) for a in store.iter_articles())
        copies: dict[str, list[str]] = {}
        for article_id, representative in groups.items():
            copies.setdefault(representative, []).append(article_id)
        table = Table("original", "copies")
        for representative, members in sorted(copies.items()):
            if len(members) > 1:
                table.add_row(representative, ", ".join(m for m in sorted(members) if m != representative))
        console.print(table if table.row_count else "No near-duplicate articles.")
        merged = sorted((e for e in store.iter_events() if e.n_sources > 1), key=lambda e: -e.n_sources)
        events = Table("event", "date", "type", "location", "sources", "independent", "fatalities low/best/high")
        for event in merged[:show]:
            figures = "/".join(str(x) if x is not None else "-" for x in (event.fatalities_low, event.fatalities_best, event.fatalities_high))
            events.add_row(event.event_id, event.event_date or "", event.sub_event_type, event.location or "",
                           str(event.n_sources), str(event.n_independent_sources), figures)
        console.print(events if merged else "No event has more than one source.")


def register(app: typer.Typer) -> None:
    app.command("duplicates")(duplicates)
