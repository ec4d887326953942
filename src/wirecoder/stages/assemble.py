"""Stage `assemble` (placeholder: not implemented yet).

Reads: triggers, actors, places, dates, counts, attributions
Writes: events
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class AssembleStage:
    name = "assemble"
    reads = ('triggers', 'actors', 'places', 'dates', 'counts', 'attributions')
    writes = ('events',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> AssembleStage:
    return AssembleStage()
