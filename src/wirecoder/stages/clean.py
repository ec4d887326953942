"""Stage `clean` (placeholder: not implemented yet).

Reads: article
Writes: blocks, dropped
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class CleanStage:
    name = "clean"
    reads = ('article',)
    writes = ('blocks', 'dropped')

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> CleanStage:
    return CleanStage()
