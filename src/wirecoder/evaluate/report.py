"""Showing an evaluation: a rich text report, JSON, or a self-contained HTML page with SVG plots."""

from __future__ import annotations

import html
import json

from rich.console import Console
from rich.table import Table

from .metrics import Report

LISTED = 10  # rows shown of the missed and unmatched lists (the JSON holds them all)


def print_text(report: Report, console: Console | None = None) -> None:
    console = console or Console()
    counts, detection = report.counts, report.detection
    console.print(
        f"gold: {counts['gold_required']} required, {counts['gold_optional']} optional, {counts['gold_forbidden']} forbidden; "
        f"predicted {counts['predicted']}, matched {counts['matched']}, forbidden hits {counts['forbidden_hits']}"
    )
    table = Table("measure", "value", "of")
    table.add_row("event detection precision", f"{detection['precision']:.3f}", f"{detection['tp'] + detection['fp']}")
    table.add_row("event detection recall", f"{detection['recall']:.3f}", f"{detection['tp'] + detection['fn']}")
    table.add_row("event detection F1", f"{detection['f1']:.3f}", "")
    for name, value in report.fields.items():
        if "share" in value:
            table.add_row(name.replace("_", " "), "-" if value["share"] is None else f"{value['share']:.3f}", str(value["of"]))
    location, fatalities = report.fields["location_km"], report.fields["fatalities"]
    table.add_row("location error median km", _show(location["median"]), str(location["of"]))
    table.add_row("location within 10 / 50 km", f"{_show(location['within_10km'])} / {_show(location['within_50km'])}", str(location["of"]))
    table.add_row("fatalities exact / within 1", f"{_show(fatalities['exact'])} / {_show(fatalities['within_1'])}", str(fatalities["of"]))
    table.add_row("fatalities mean abs. error", _show(fatalities["mae"]), str(fatalities["of"]))
    console.print(table)
    if report.worst:
        worst = Table("gold row", "event", "what disagrees", "gold evidence")
        for row in report.worst:
            worst.add_row(str(row["gold_row"]), row["event_id"][:14], "\n".join(row["wrong"]), row["gold_evidence"][:90])
        console.print(worst)
    if report.missed:
        missed = Table("gold row", "missed: required gold event", "date", "gold evidence", title=f"{len(report.missed)} missed")
        for row in report.missed[:LISTED]:
            missed.add_row(str(row["gold_row"]), f"{row['sub_event_type'] or ''} @ {row['location']}", row["date"] or "", row["gold_evidence"][:90])
        console.print(missed)
    if report.unmatched:
        extra = Table("event", "predicted, matching no gold event", "date", "words", title=f"{len(report.unmatched)} unmatched")
        for row in report.unmatched[:LISTED]:
            extra.add_row(row["event_id"][:14], f"{row['sub_event_type']} @ {row['location']}", row["date"] or "", row["pred_evidence"][:60])
        console.print(extra)


def _show(value) -> str:
    return "-" if value is None else str(value)


def to_json(report: Report) -> str:
    return json.dumps(report.to_dict(), indent=2, default=str)


def to_html(report: Report) -> str:
    counts = html.escape(json.dumps(report.counts))
    rows = "".join(
        f"<tr><td>{html.escape(k)}</td><td>{html.escape(json.dumps(v))}</td></tr>"
        for k, v in [("detection", report.detection), *report.fields.items()]
    )
    worst = "".join(
        f"<tr><td>{r['gold_row']}</td><td>{html.escape('; '.join(r['wrong']))}</td><td>{html.escape(r['gold_evidence'])}</td></tr>"
        for r in report.worst
    )
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>wirecoder evaluation</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #ccc;padding:4px 8px}}</style>
</head><body><h1>wirecoder evaluation</h1><p>{counts}</p>
<h2>Agreement</h2><table>{rows}</table>
<h2>Sub-event type confusion (gold rows, predicted columns)</h2>{_confusion_table(report.confusion)}
<h2>Location error (km)</h2>{_histogram(report.location_errors_km)}
<h2>Fatalities: gold (x) against predicted (y)</h2>{_scatter(report.fatality_pairs)}
<h2>Worst mismatches</h2><table><tr><th>gold row</th><th>what disagrees</th><th>gold evidence</th></tr>{worst}</table>
</body></html>"""


def _confusion_table(confusion: dict) -> str:
    predicted = sorted({p for row in confusion.values() for p in row})
    if not predicted:
        return "<p>no matched events</p>"
    top = max(n for row in confusion.values() for n in row.values())
    head = "".join(f"<th>{html.escape(p)}</th>" for p in predicted)
    body = ""
    for gold in sorted(confusion):
        cells = ""
        for p in predicted:
            n = confusion[gold].get(p, 0)
            shade = int(255 - 155 * n / top) if n else 255
            cells += f'<td style="background:rgb({shade},{shade},255)">{n or ""}</td>'
        body += f"<tr><th>{html.escape(gold)}</th>{cells}</tr>"
    return f"<table><tr><th></th>{head}</tr>{body}</table>"


def _histogram(errors: list[float], width: int = 480, height: int = 160) -> str:
    if not errors:
        return "<p>no matched events with coordinates on both sides</p>"
    edges = [0, 1, 5, 10, 25, 50, 100, 250, float("inf")]
    counts = [sum(lo <= e < hi for e in errors) for lo, hi in zip(edges, edges[1:])]
    bar = width / len(counts)
    top = max(counts) or 1
    bars = "".join(
        f'<rect x="{i * bar + 2:.0f}" y="{height - 20 - (height - 40) * n / top:.0f}" width="{bar - 4:.0f}" '
        f'height="{(height - 40) * n / top:.0f}" fill="#4a7"/><text x="{i * bar + 4:.0f}" y="{height - 5}" font-size="10">'
        f'&lt;{edges[i + 1] if edges[i + 1] != float("inf") else "more"}</text>'
        f'<text x="{i * bar + 4:.0f}" y="{height - 24 - (height - 40) * n / top:.0f}" font-size="10">{n}</text>'
        for i, n in enumerate(counts)
    )
    return f'<svg width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">{bars}</svg>'


def _scatter(pairs: list, size: int = 260) -> str:
    points = [(g, p) for g, p in pairs if g is not None and p is not None]
    if not points:
        return "<p>no matched events with gold fatalities</p>"
    top = max(max(g, p) for g, p in points) or 1
    scale = (size - 20) / top
    dots = "".join(f'<circle cx="{10 + g * scale:.1f}" cy="{size - 10 - p * scale:.1f}" r="3" fill="#c33"/>' for g, p in points)
    diagonal = f'<line x1="10" y1="{size - 10}" x2="{size - 10}" y2="10" stroke="#999"/>'
    return f'<svg width="{size}" height="{size}" xmlns="http://www.w3.org/2000/svg">{diagonal}{dots}</svg>'
