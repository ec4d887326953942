"""CLI command: actors - the actor registry (canonical names, aliases, inter codes, validity)."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table


def actors(
    search: str = typer.Option(None, "--search", "-s", help="Only actors whose name or an alias contains this."),
    file: list[Path] = typer.Option([], "--file", "-f", help="Your own actors*.csv, added to the bundled registry."),
    as_json: bool = typer.Option(False, "--json", help="JSONL instead of a table."),
) -> None:
    """List the actor registry: canonical ACLED-style names, aliases, inter codes, validity dates.

    Example: wirecoder actors --search daesh
    """
    from ..actors import load_registry

    registry = load_registry(tuple(file))
    found = registry.search(search) if search else registry.actors
    if as_json:
        for actor in found:
            typer.echo(json.dumps({"canonical": actor.canonical, "aliases": list(actor.aliases), "inter": actor.inter,
                                   "country": actor.country, "valid_from": str(actor.valid_from or ""),
                                   "valid_to": str(actor.valid_to or ""), "source": actor.source}))
        return
    table = Table("canonical", "inter", "country", "valid", "aliases", "from")
    for actor in found:
        valid = f"{actor.valid_from or ''}..{actor.valid_to or ''}" if actor.valid_from or actor.valid_to else ""
        table.add_row(actor.canonical, f"{actor.inter} {actor.inter_label}", actor.country or "", valid,
                      ", ".join(actor.aliases[:6]) + (" …" if len(actor.aliases) > 6 else ""), actor.source)
    Console().print(table)
    Console(stderr=True).print(f"{len(found)} of {len(registry.actors)} actors")


def register(app: typer.Typer) -> None:
    app.command("actors")(actors)
