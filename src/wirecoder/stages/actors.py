"""Stage `actors` (placeholder: not implemented yet).

Reads: sentences
Writes: actors
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class ActorsStage:
    name = "actors"
    reads = ('sentences',)
    writes = ('actors',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> ActorsStage:
    return ActorsStage()
