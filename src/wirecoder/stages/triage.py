"""Stage `triage` (placeholder: not implemented yet).

Reads: blocks
Writes: relevant
Settings: none yet
"""

from __future__ import annotations

from ..records import AnalyzedArticle
from ..settings import Settings


class TriageStage:
    name = "triage"
    reads = ('blocks',)
    writes = ('relevant',)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        return doc


def build(settings: Settings) -> TriageStage:
    return TriageStage()
