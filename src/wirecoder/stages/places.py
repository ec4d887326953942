"""Stage `places` (placeholder: not implemented yet).

Reads: sentences, actors
Writes: places
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class PlacesStage:
    name = "places"
    reads = ('sentences', 'actors')
    writes = ('places',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> PlacesStage:
    return PlacesStage()
