"""Stage `dates` (placeholder: not implemented yet).

Reads: sentences
Writes: dates
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class DatesStage:
    name = "dates"
    reads = ('sentences',)
    writes = ('dates',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> DatesStage:
    return DatesStage()
