"""Stage `fatalities` (placeholder: not implemented yet).

Reads: sentences
Writes: counts, attributions
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class FatalitiesStage:
    name = "fatalities"
    reads = ('sentences',)
    writes = ('counts', 'attributions')

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> FatalitiesStage:
    return FatalitiesStage()
