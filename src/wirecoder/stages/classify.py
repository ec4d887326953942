"""Stage `classify` (placeholder: not implemented yet).

Reads: sentences
Writes: triggers
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class ClassifyStage:
    name = "classify"
    reads = ('sentences',)
    writes = ('triggers',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> ClassifyStage:
    return ClassifyStage()
