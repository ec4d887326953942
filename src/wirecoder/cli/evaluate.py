"""CLI command: evaluate - per-field agreement of predicted events with a gold dataset."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from ..errors import WirecoderError


def evaluate(
    gold: Path = typer.Option(..., "--gold", help="Gold events: ACLED CSV export, UCDP GED CSV, or wirecoder JSONL."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predicted events as JSONL (wirecoder export)."),
    db: Optional[Path] = typer.Option(None, "--db", help="Or: the wirecoder database holding the predictions."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    html_out: Optional[Path] = typer.Option(None, "--html", help="Also write an HTML report with plots here."),
) -> None:
    """Match predicted events to gold events one to one and report agreement field by field.

    Example: wirecoder evaluate --gold examples/gold.csv --db wirecoder.db
    """
    from ..evaluate import evaluate_files
    from ..evaluate.report import print_text, to_html, to_json

    if (pred is None) == (db is None):
        raise typer.BadParameter("give exactly one of --pred FILE or --db PATH")
    try:
        report = evaluate_files(gold, predictions=pred, db=db)
    except (WirecoderError, FileNotFoundError) as error:
        Console(stderr=True).print(f"[red]{error}[/red]")
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(to_json(report))
    else:
        print_text(report)
    if html_out:
        html_out.write_text(to_html(report), encoding="utf-8")
        Console(stderr=True).print(f"HTML report: {html_out}")


def register(app: typer.Typer) -> None:
    app.command("evaluate")(evaluate)
