"""Shared fixtures: expensive things (spaCy model, gazetteer index) are built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests must never touch a user's real cache: build the gazetteer index in one session-wide folder.
os.environ.setdefault("WIRECODER_CACHE", str(Path(__file__).parent.parent / ".test-cache"))


@pytest.fixture(scope="session")
def pipeline():
    from wirecoder.pipeline import Pipeline

    return Pipeline()
