"""wirecoder: conflict news in, an ACLED-style event dataset out, every field backed by evidence.

Public surface::

    from wirecoder import extract, Pipeline, Article, Event, Settings
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from .pipeline import Pipeline
from .records import Article, Event
from .settings import Settings

__all__ = ["Article", "Event", "Pipeline", "Settings", "extract", "__version__"]
__version__ = "0.1.0"


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return Pipeline()


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    article_id: str = "text",
    title: str | None = None,
    url: str | None = None,
) -> list[Event]:
    """Events reported in one article's text.

    >>> extract("Clashes between the SDF and IS raged in Hajin yesterday.", published="2018-10-05")
    """
    if isinstance(published, str):
        published = dt.date.fromisoformat(published[:10])
    article = Article(id=article_id, text=text, title=title, published=published, source=source, url=url)
    return _default_pipeline().extract(article)
