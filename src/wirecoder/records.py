"""Typed records that flow between pipeline stages.

Every stage reads an :class:`AnalyzedArticle` and returns a new one with its own field filled
(``dataclasses.replace``); no stage mutates another's output. All offsets are character offsets
into ``Article.text`` exactly as given, so every extracted value can point back at its words.

Data flow (see ``pipeline.STAGES``)::

    Article -> clean (blocks, dropped) -> segment (sentences, entities)
            -> actors -> places -> classify (triggers) -> dates -> fatalities (counts, attributions)
            -> assemble -> Event (one per article-level report)
    Events of many articles -> dedup -> Event with many sources
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

FatalityScope = Literal["event", "cumulative"]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read from disk or a feed, before any analysis.

    >>> Article(id="a1", text="Clashes erupted in Hajin yesterday.", published=dt.date(2018, 10, 5))
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None  # the outlet, e.g. "Middle East Monitor"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Dropped:
    """A part of the text the clean stage removed, and why (``caption``, ``read-link``, ``slogan``...)."""

    span: Span
    reason: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A spaCy named entity: a *candidate* only (the small model mislabels places as ORG/PERSON)."""

    span: Span
    label: str


@dataclass(frozen=True, slots=True)
class Sentence:
    span: Span
    entities: tuple[Entity, ...] = ()


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in a sentence, resolved against the registry when possible."""

    span: Span
    sentence: int  # index into AnalyzedArticle.sentences
    name: str  # canonical ACLED-style name, or the words as written when unknown
    inter: int | None = None  # ACLED inter code 1..8
    inter_label: str | None = None
    country: str | None = None  # ISO3 of the actor's home country, if any
    known: bool = True  # False: not in the registry, kept as written
    generic: bool = False  # "civilians", "unidentified gunmen"...
    template: str | None = None  # "Bandits ({country})" when no country was known to fill it


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry (GeoNames-based)."""

    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country: str  # country name, e.g. "Syria"
    iso3: str
    admin1: str | None = None
    admin2: str | None = None
    # "city" | "admin1" | "admin2" | "country" | "region"; from an imported GeoNames dump also "site"
    # (an airport, a camp, a base) and "area" (an island, a mountain): knowledge/geonames_features.csv
    feature: str = "city"
    population: int = 0


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    sentence: int
    place: Place | None  # None: a toponym the gazetteer lacks, kept as written
    relation: str | None = None  # "near", "countryside", "east of"... None when the text says "in X"
    geo_precision: int = 1  # ACLED 1 town, 2 near/part of region, 3 admin centroid
    where_prec: int = 1  # UCDP 1..7
    part: Place | None = None  # "northeastern Nigeria": that part of the place, at the mean of its towns there
    seat: Place | None = None  # a province's largest town: ACLED codes events known only at a province at its capital


WEAK_TRIGGER = 0.6  # lexicon confidence below which a trigger needs an armed party or victims nearby


@dataclass(frozen=True, slots=True)
class TriggerMention:
    """Words that signal an event, typed with ACLED's taxonomy."""

    span: Span
    sentence: int
    disorder_type: str
    event_type: str
    sub_event_type: str
    rule: str = ""  # id of the lexicon entry that fired
    negated: bool = False  # "no clashes were reported", "would target" (planned, not happened)
    confidence: float = 0.7  # of the lexicon entry that fired
    starts_campaign: bool = False  # "launched its offensive": a campaign's start, often recalled to date the news

    @property
    def weak(self) -> bool:
        """ "killed", "the attack": words that report an event only with other evidence around them."""
        return self.confidence < WEAK_TRIGGER


@dataclass(frozen=True, slots=True)
class DateMention:
    span: Span
    sentence: int
    start: dt.date | None  # None: relative expression with no publication date
    end: dt.date | None
    time_precision: int | None  # ACLED 1 day, 2 week, 3 month
    date_prec: int | None = None  # UCDP 1..5
    relative: bool = False


@dataclass(frozen=True, slots=True)
class CountMention:
    """A number of people affected: killed, injured, captured, displaced, bodies found."""

    span: Span
    sentence: int
    kind: str  # "killed" | "injured" | "captured" | "displaced" | "bodies"
    low: int | None
    best: int | None
    high: int | None
    scope: FatalityScope = "event"
    side: str | None = None  # "a" | "b" | "civilians" | None when the text does not say
    reported_by: str | None = None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a claim is attributed to: "according to SOHR", "the SDF said"."""

    span: Span
    sentence: int
    reported_by: str


@dataclass(frozen=True, slots=True)
class AnalyzedArticle:
    """An article and everything the stages found in it so far."""

    article: Article
    blocks: tuple[Span, ...] = ()  # kept parts of the text after cleaning
    dropped: tuple[Dropped, ...] = ()
    relevant: bool = True  # False: the cheap triage found no conflict trigger; later stages skip
    sentences: tuple[Sentence, ...] = ()
    actors: tuple[ActorMention, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    # the one country the article is about when it says so only through its people ("Somali forces"):
    # where an event no toponym locates took place, at country precision
    country: PlaceMention | None = None
    triggers: tuple[TriggerMention, ...] = ()
    dates: tuple[DateMention, ...] = ()
    counts: tuple[CountMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    events: tuple["Event", ...] = ()


# ---------------------------------------------------------------------------------------------
# Output records: the JSONL export contract. Keep these field names.


@dataclass(frozen=True, slots=True)
class Evidence:
    field: str
    article_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Source:
    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    reported_by: str | None = None  # the original claimant, e.g. "Syrian Observatory for Human Rights"
    fatalities: int | None = None  # the dead this report gives (its best figure): who said nine, who said eleven


@dataclass(frozen=True, slots=True)
class Event:
    """One conflict event in ACLED terms, with the words that support each field."""

    event_id: str
    event_date: str | None
    date_end: str | None
    time_precision: int | None
    disorder_type: str
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: tuple[str, ...] = ()
    inter1: int | None = None
    actor2: str | None = None
    assoc_actor_2: tuple[str, ...] = ()
    inter2: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonameid: int | None = None
    fatalities: int = 0
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    fatalities_scope: FatalityScope = "event"
    deaths_a: int | None = None
    deaths_b: int | None = None
    deaths_civilians: int | None = None
    deaths_unknown: int | None = None
    injured: int | None = None
    type_of_violence: int | None = None  # UCDP: 1 state-based, 2 non-state, 3 one-sided
    date_prec: int | None = None  # UCDP 1..5
    where_prec: int | None = None  # UCDP 1..7
    sources: tuple[Source, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    n_sources: int = 1
    n_independent_sources: int = 1
    aliases: tuple[str, ...] = ()  # earlier ids of this event (merges, re-derivations)
    notes: str = ""
    report_ids: tuple[str, ...] = ()  # the article-level reports merged into this event
    # the campaign: the same two named sides in the same admin-1 area ("SDF vs Islamic State in Deir
    # ez-Zor"): links a running toll and the day events it counts, and reports of it across articles
    campaign_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (tuples become lists)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        known = {f for f in cls.__dataclass_fields__}
        values = {k: v for k, v in data.items() if k in known}
        values["sources"] = tuple(Source(**s) for s in values.get("sources", ()))
        values["evidence"] = tuple(Evidence(**e) for e in values.get("evidence", ()))
        for name in ("assoc_actor_1", "assoc_actor_2", "aliases", "report_ids"):
            values[name] = tuple(values.get(name, ()))
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input the reader could not turn into an article, with a one-line reason for the summary."""

    origin: str
    reason: str
    code: str = "W000"


@dataclass(frozen=True, slots=True)
class Notice:
    """An input that was read, but with a warning (decoded as cp1252, truncated...); its Article follows."""

    origin: str
    message: str
    code: str = "W000"


@dataclass
class RunSummary:
    articles_read: int = 0
    articles_unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    notices: list = field(default_factory=list)  # Notice records: read, but with a warning
    events_new: int = 0
    events_updated: int = 0
    events_removed: int = 0
