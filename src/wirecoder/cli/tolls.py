"""CLI command: tolls - each campaign's running death toll over time, from stored cumulative events.

A campaign is the set of cumulative events (``fatalities_scope == "cumulative"``) with the same pair of
actors in the same country and first-level region: "the SDF's offensive against Islamic State in
Deir ez-Zor". Each event is one point of its timeline: the date the toll was reported for (the end of
its span), the figure, and who gave it (the original claimant when the article names one, else the
outlet). These figures are never added up: each is the whole campaign's toll so far.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ..records import Event
from .core import DbOption, open_store


@dataclass(frozen=True)
class TollPoint:
    date: str | None
    figure: int
    source: str | None
    event_id: str


@dataclass
class Campaign:
    actors: tuple[str, ...]
    country: str | None
    region: str | None
    points: list[TollPoint] = field(default_factory=list)

    @property
    def label(self) -> str:
        where = ", ".join(p for p in (self.region, self.country) if p) or "unknown place"
        return f"{' vs '.join(self.actors) or 'unknown actors'} in {where}"


def campaign_key(event: Event) -> tuple:
    actors = tuple(sorted(a for a in (event.actor1, event.actor2) if a))
    return actors, event.country, event.admin1


def claimant(event: Event) -> str | None:
    """The original claimant ("Syrian Observatory for Human Rights") before the outlet that quoted it."""
    for source in event.sources:
        if source.reported_by:
            return source.reported_by
    return next((s.outlet for s in event.sources if s.outlet), None)


def toll_timelines(events: Iterable[Event]) -> list[Campaign]:
    """Campaigns with their cumulative tolls in date order (undated points last)."""
    campaigns: dict[tuple, Campaign] = {}
    for event in events:
        figure = event.fatalities_best if event.fatalities_best is not None else event.fatalities
        if event.fatalities_scope != "cumulative" or not figure:
            continue
        key = campaign_key(event)
        campaign = campaigns.setdefault(key, Campaign(*key))
        campaign.points.append(TollPoint(event.date_end or event.event_date, figure, claimant(event), event.event_id))
    for campaign in campaigns.values():
        campaign.points.sort(key=lambda p: (p.date is None, p.date or "", p.figure))
    return sorted(campaigns.values(), key=lambda c: c.label)


def tolls(
    db: Path = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Print JSON (one object per campaign) for charts."),
) -> None:
    """Show each campaign's death toll timeline (date, figure, source) from the stored cumulative tolls.

    Example: wirecoder tolls --db demo.db --json > tolls.json
    """
    store = open_store(db)
    campaigns = toll_timelines(store.iter_events())
    if as_json:
        rows = [{"campaign": c.label, **asdict(c), "points": [asdict(p) for p in c.points]} for c in campaigns]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not campaigns:
        typer.echo("No cumulative death tolls stored yet.")
        return
    console = Console()
    for campaign in campaigns:
        table = Table(title=campaign.label, title_justify="left")
        for column in ("date", "toll", "source", "event"):
            table.add_column(column, justify="right" if column == "toll" else "left")
        for point in campaign.points:
            table.add_row(point.date or "undated", str(point.figure), point.source or "", point.event_id)
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(tolls)
