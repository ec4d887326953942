"""The ``wirecoder`` command line: a thin layer over the library.

Each topic's commands live in their own module with a ``register(app)`` function; the list below is
explicit so that the set of commands is visible in one place.
"""

from __future__ import annotations

import typer

from . import core, dedup, evaluate, events, gazetteer, tolls

app = typer.Typer(
    name="wirecoder",
    help="Turn conflict news into an ACLED-style event dataset, every field backed by the article's words.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = (core, gazetteer, events, tolls, dedup, evaluate)
for _module in COMMAND_MODULES:
    _module.register(app)
