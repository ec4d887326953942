"""Stage `segment` (placeholder: not implemented yet).

Reads: blocks
Writes: sentences
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class SegmentStage:
    name = "segment"
    reads = ('blocks',)
    writes = ('sentences',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> SegmentStage:
    return SegmentStage()
