"""Stage `assemble`: one Event per reported event, each field with the words that support it.

Reads: triggers, actors, places, dates, counts, attributions
Writes: events (article-level reports; `dedup` later merges reports of many articles)
Settings: min_confidence

For each trigger that is not negated, ``assemble_fields`` picks the actors, place, date, counts and
claimant that belong to it (the trigger's sentence first, then the nearest earlier ones), and
``assemble_drafts`` combines the drafts of one article (tolls, back references, ACLED's hierarchy for
concurrent tactics). This module turns each draft into an Event with its evidence and a stable id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence
from dataclasses import replace

from .. import taxonomy
from ..records import (
    ActorMention,
    AnalyzedArticle,
    CountMention,
    DateMention,
    Event,
    Evidence,
    Place,
    PlaceMention,
    Source,
    Span,
    TriggerMention,
)
from ..roles import Roles
from ..settings import Settings
from .assemble_drafts import (
    Draft,
    claimed_in_a_statement,
    fold_back_references,
    fold_one_act_told_twice,
    fold_unnamed_into_named,
    give_lone_event_its_dead,
    merge_concurrent,
    refine_places,
    retyped_for_civilian_target,
    retyped_for_killing,
    split_campaign_toll,
    without_recalled_campaign_starts,
)
from .assemble_fields import counts_for, date_for, place_for, reported_by_for, roles_for

UNDATED_WINDOW_DAYS = 6  # an event a dated report gives no day for happened in the week before
BACKGROUND_AFTER = dt.timedelta(days=365)  # older events a report mentions are its background
VAGUE_BACKGROUND_AFTER = dt.timedelta(days=183)  # ...and those known only to the month, half a year back
LONGEST_CAMPAIGN_DATE = dt.timedelta(days=92)  # a date mention wider than a season says how long, not when


class AssembleStage:
    name = "assemble"
    reads = ("triggers", "actors", "places", "country", "dates", "counts", "attributions")
    writes = ("events",)

    def __init__(self, min_confidence: float = 0.0):
        self.min_confidence = min_confidence

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        told = [d for t in doc.triggers if not t.negated for d in split_campaign_toll(doc, self._draft(doc, t))]
        drafts = [retyped_for_killing(d) for d in without_recalled_campaign_starts(doc, told)]
        drafts = fold_back_references(doc.article.text, drafts)
        drafts = merge_concurrent(drafts)
        drafts = fold_unnamed_into_named(drafts)
        drafts = fold_one_act_told_twice(drafts)
        drafts = claimed_in_a_statement(doc, drafts)
        drafts = refine_places(drafts)
        drafts = give_lone_event_its_dead(doc, drafts)
        events = [e for e in (to_event(doc, draft) for draft in drafts) if not _background(e, doc.article.published)]
        events = [e for e in events if not _echo_of_a_day(e, events)]
        events = [e for e in with_stable_ids(doc.article.id, events) if e.confidence >= self.min_confidence]
        return replace(doc, events=tuple(events))

    def _draft(self, doc: AnalyzedArticle, trigger: TriggerMention) -> Draft:
        roles = roles_for(doc, trigger)
        return Draft(
            trigger=retyped_for_civilian_target(trigger, roles),
            roles=roles,
            place=place_for(doc, trigger),
            date=date_for(doc, trigger),
            counts=counts_for(doc, trigger),
            reported_by=reported_by_for(doc, trigger),
        )


# --- building the Event -------------------------------------------------------------------------


def to_event(doc: AnalyzedArticle, draft: Draft) -> Event:
    article, trigger, roles = doc.article, draft.trigger, _crowd_leads(draft.trigger, draft.roles)
    fatalities = _fatality_fields(draft.counts, roles)
    if fatalities["fatalities_scope"] == "event" and _how_long(draft.date, article.published):
        draft = replace(draft, date=None)
    reported_by, attribution_span = draft.reported_by
    killed = [c for c in draft.counts if c.kind == "killed" and c.reported_by]
    reported_by = reported_by or (killed[0].reported_by if killed else None)
    evidence = _evidence(article.id, draft, attribution_span)
    event = Event(
        event_id="",
        **_date_fields(draft.date, article.published, fatalities["fatalities_scope"], _firstdate_for(doc)),
        disorder_type=trigger.disorder_type,
        event_type=trigger.event_type,
        sub_event_type=trigger.sub_event_type,
        actor1=_actor_name(roles.actor1, draft.place),
        assoc_actor_1=tuple(a.name for a in roles.assoc_actor_1),
        inter1=roles.actor1.inter if roles.actor1 else None,
        actor2=_actor_name(roles.actor2, draft.place),
        assoc_actor_2=tuple(a.name for a in roles.assoc_actor_2),
        inter2=roles.actor2.inter if roles.actor2 else None,
        **_place_fields(draft.place),
        **fatalities,
        type_of_violence=taxonomy.type_of_violence(
            trigger.sub_event_type,
            roles.actor1.inter if roles.actor1 else None,
            roles.actor2.inter if roles.actor2 else None,
        ),
        sources=(_source(article, reported_by, fatalities.get("fatalities_best")),),
        evidence=evidence,
        confidence=_confidence(draft),
    )
    return event


def _echo_of_a_day(event: Event, events: Sequence[Event]) -> bool:
    """ "The operation is the last major SDF ground offensive in the valley", told in a report of Thursday's
    clashes in Hajin: a mention known only to the week or the month, with no dead of its own, of the kind
    of event the report dates to a day within it, by the same sides in the same area, is that day's
    event again (or the campaign around it), not another event."""
    if (event.time_precision or 1) < 2 or event.fatalities or event.fatalities_scope != "event" or not event.event_date:
        return False
    return any(
        other is not event and other.time_precision == 1 and _same_kind(other, event)
        and (not event.iso3 or other.iso3 == event.iso3) and (not other.admin1 or not event.admin1 or other.admin1 == event.admin1)
        and event.event_date <= (other.event_date or "") <= (event.date_end or event.event_date)
        and _sides_agree(event, other)
        for other in events
    )


def _same_kind(one: Event, other: Event) -> bool:
    """The same sub-event type; for demonstrations the same family (the rally of the day's riot)."""
    family = taxonomy.family(one.event_type)
    return one.sub_event_type == other.sub_event_type or family == "demonstrations" == taxonomy.family(other.event_type)


def _sides_agree(one: Event, other: Event) -> bool:
    # a crowd is one side whether it protested or rioted
    sides = lambda e: {re.sub(r"^(?:Protesters|Rioters)\b", "Crowd", a) for a in (e.actor1, e.actor2) if a}  # noqa: E731
    return sides(one) <= sides(other) or sides(other) <= sides(one)


def _how_long(mention: DateMention | None, published) -> bool:
    """ "the last offensive ... over the past four years": a span that long, up to the report, says how
    long something has lasted, not the day of one event (a running toll may span it; "in 2009" is a date,
    history the report recalls)."""
    if not (mention and mention.start) or (mention.end or mention.start) - mention.start <= LONGEST_CAMPAIGN_DATE:
        return False
    day = published.date() if isinstance(published, dt.datetime) else published
    return day is None or mention.end is None or mention.end >= day - dt.timedelta(days=UNDATED_WINDOW_DAYS)


def _background(event: Event, published) -> bool:
    """ "Boko Haram has kidnapped thousands since its insurgency began in 2009": history a report recalls,
    not news it reports. An event that ended more than a year before publication is left out, and one
    known only to its month half a year back ("a town government forces retook in October last year")."""
    if published is None or not event.date_end:
        return False
    day = published.date() if isinstance(published, dt.datetime) else published
    ended = dt.date.fromisoformat(event.date_end)
    vague = (event.time_precision or 1) >= 3 and event.fatalities_scope == "event"
    return ended < day - BACKGROUND_AFTER or (vague and ended < day - VAGUE_BACKGROUND_AFTER)


def _firstdate_for(doc: AnalyzedArticle) -> dt.date | None:
    """The earliest day an event of the article is dated to: where a campaign toll starts counting."""
    with_events = {t.sentence for t in doc.triggers if not t.negated}
    # "the brutal rule of Daesh over the past four years" is no day of the fighting: spans of years are left out
    starts = [d.start for d in doc.dates if d.start and d.sentence in with_events and (d.end or d.start) - d.start <= LONGEST_CAMPAIGN_DATE]
    return min(starts) if starts else None


def _date_fields(mention: DateMention | None, published: dt.date | None, scope: str, first: dt.date | None) -> dict:
    if mention is not None:
        return {
            "event_date": _iso(mention.start),
            "date_end": _iso(mention.end or mention.start),
            "time_precision": mention.time_precision if mention.start else None,
            "date_prec": mention.date_prec if mention.start else None,
        }
    if published is None:
        return {"event_date": None, "date_end": None, "time_precision": None, "date_prec": None}
    if scope == "cumulative":
        # a running toll covers the campaign: from the earliest day the article speaks of to publication
        start = first if first and first < published else None
        return {"event_date": _iso(start), "date_end": _iso(published), "time_precision": 3 if start else None, "date_prec": 5 if start else None}
    # An undated event in a dated report happened in the days before publication: a week-wide window.
    return {
        "event_date": _iso(published - dt.timedelta(days=UNDATED_WINDOW_DAYS)),
        "date_end": _iso(published),
        "time_precision": 2,
        "date_prec": 3,
    }


CROWDS = {"Protests": ("Protesters", taxonomy.PROTESTERS), "Riots": ("Rioters", taxonomy.RIOTERS)}


def _crowd_leads(trigger, roles):
    """ "Hundreds of people rallied": the people who protest are Protesters (ACLED), not Civilians."""
    crowd = CROWDS.get(trigger.event_type)
    actor = roles.actor1
    police_alone = actor is not None and actor.inter == taxonomy.STATE and roles.actor2 is None
    if crowd is not None and (actor is None or police_alone):
        # "a group of young men threw stones at police", "riot police fired tear gas": a crowd leads, unnamed
        name, inter = crowd
        unnamed = ActorMention(trigger.span, trigger.sentence, name, inter=inter, inter_label=taxonomy.INTER_LABELS[inter],
                               generic=True, template=f"{name} ({{country}})")
        return replace(roles, actor1=unnamed, actor2=roles.actor2 or actor)
    if crowd is None or actor is None or actor.inter != taxonomy.CIVILIANS or not actor.name.startswith("Civilians"):
        return roles
    name, inter = crowd
    renamed = replace(actor, name=name + actor.name[len("Civilians"):], inter=inter, inter_label=taxonomy.INTER_LABELS[inter],
                      template=actor.template.replace("Civilians", name) if actor.template else None)
    return replace(roles, actor1=renamed)


def _actor_name(actor: ActorMention | None, place: PlaceMention | None) -> str | None:
    """ "Civilians (Saudi Arabia)" hit by an air strike in Yemen are civilians of Yemen: a generic actor
    takes the country of the event's place, not of the first demonym in the article."""
    if actor is None:
        return None
    where = place.place if place and place.place and place.place.iso3 else None
    if actor.generic and actor.country and where and where.iso3 != actor.country and actor.name.endswith(")"):
        return f"{actor.name[: actor.name.rfind(' (')]} ({where.country})"
    if actor.template and where:  # "bandits" in a story that names Zamfara State but no Nigerians: Bandits (Nigeria)
        return actor.template.replace("{country}", where.country)
    return actor.name


def _place_fields(mention: PlaceMention | None) -> dict:
    if mention is None:
        return {}
    place = mention.place
    if place is None:
        return {"location": mention.span.text, "geo_precision": 3, "where_prec": 7}
    shown = mention.part or place  # "northeastern Nigeria": the country's towns that way, not its middle
    # "in Borno State": at the province's capital, as ACLED codes it (the location keeps the province's name); a
    # village the gazetteer lacks ("within" the province) is nearer the province's middle, on average
    at_seat = mention.seat is not None and mention.part is None and mention.geo_precision >= 3 and mention.relation != "within"
    point = mention.seat if at_seat else shown
    return {
        "country": place.country,
        "iso3": place.iso3,
        "admin1": place.admin1,
        "admin2": place.admin2,
        # "within": a village the gazetteer lacks, located at the admin area the text gives
        "location": _location(mention, shown),
        "latitude": point.latitude,
        "longitude": point.longitude,
        "geo_precision": mention.geo_precision,
        "geonameid": shown.geonameid,
        "where_prec": mention.where_prec,
    }


def _location(mention: PlaceMention, place: Place) -> str:
    if mention.relation == "quarter":  # ACLED's "Mogadishu - Hodan": the city, then its quarter
        return f"{place.name} - {mention.span.text}"
    return mention.span.text if mention.relation == "within" else place.name


def _fatality_fields(counts: Sequence[CountMention], roles: Roles) -> dict:
    # bodies found dumped with bullet wounds are the dead of a killing nobody saw
    killed = [c for c in counts if c.kind == "killed"] or [c for c in counts if c.kind == "bodies"]
    injured = [c for c in counts if c.kind == "injured"]
    scope = "cumulative" if any(c.scope == "cumulative" for c in killed) else "event"
    killed = [c for c in killed if c.scope == scope]
    fields: dict = {"fatalities_scope": scope}
    if killed:
        lows = [c.low if c.low is not None else c.best for c in killed]
        bests = [c.best if c.best is not None else (c.low or c.high) for c in killed]
        highs = [c.high if c.high is not None else c.best for c in killed]
        fields["fatalities_low"] = _sum(lows)
        fields["fatalities_best"] = _sum(bests)
        fields["fatalities_high"] = _sum(highs)
        fields["fatalities"] = fields["fatalities_low"] or fields["fatalities_best"] or 0
        fields.update(_deaths_by_side(killed, roles))
    if injured:
        fields["injured"] = _sum([c.best if c.best is not None else c.low for c in injured])
    return fields


def _sum(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _deaths_by_side(killed: Sequence[CountMention], roles: Roles) -> dict:
    sides: dict[str, int] = {}
    for count in killed:
        side = _side_of(count.side, roles)
        sides[side] = sides.get(side, 0) + (count.best or count.low or 0)
    return {f"deaths_{side}": value for side, value in sides.items()}


def _side_of(side: str | None, roles: Roles) -> str:
    if side in ("a", "b"):
        return side
    if side == "civilians":
        return "civilians"
    for role, label in ((roles.actor1, "a"), (roles.actor2, "b")):
        if role is None or side is None:
            continue
        if side == role.name or (side == "state" and role.inter == 1) or (
            side == "nonstate" and role.inter in (2, 3, 4)
        ):
            return label
    return "unknown"


def _evidence(article_id: str, draft: Draft, attribution: Span | None) -> tuple[Evidence, ...]:
    spans: list[tuple[str, Span]] = [("event_type", draft.trigger.span)]
    roles = draft.roles
    for field, mention in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        if mention is not None:
            spans.append((field, mention.span))
    for mention in roles.assoc_actor_1:
        spans.append(("assoc_actor_1", mention.span))
    for mention in roles.assoc_actor_2:
        spans.append(("assoc_actor_2", mention.span))
    if draft.place:
        spans.append(("location", draft.place.span))
    if draft.date:
        spans.append(("event_date", draft.date.span))
    for count in draft.counts:
        spans.append(("fatalities" if count.kind == "killed" else count.kind, count.span))
    if attribution:
        spans.append(("reported_by", attribution))
    return tuple(Evidence(field, article_id, s.start, s.end, s.text) for field, s in spans)


def _source(article, reported_by: str | None, fatalities: int | None) -> Source:
    return Source(
        article_id=article.id,
        outlet=article.source,
        url=article.url,
        published=_iso(article.published),
        reported_by=reported_by,
        fatalities=fatalities,
    )


def _confidence(draft: Draft) -> float:
    found = [draft.roles.actor1, draft.place, draft.date, draft.roles.actor2]
    score = 0.4 + 0.12 * sum(1 for part in found if part is not None)
    if draft.place is not None and draft.place.place is None:
        score -= 0.05
    return round(min(score, 0.95), 2)


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# --- ids ----------------------------------------------------------------------------------------


def with_stable_ids(article_id: str, events: Sequence[Event]) -> list[Event]:
    """Report ids that survive re-runs: derived from the article and what the event is, not its order."""
    seen: dict[str, int] = {}
    result = []
    for event in events:
        key = "|".join(
            str(part)
            for part in (
                article_id,
                event.sub_event_type,
                event.event_date,
                event.geonameid or event.location,
                event.actor1,
                event.actor2,
                event.fatalities_scope,
            )
        )
        ordinal = seen.get(key, 0)
        seen[key] = ordinal + 1
        digest = hashlib.sha1(f"{key}|{ordinal}".encode()).hexdigest()[:16]
        result.append(replace(event, event_id=f"r-{digest}"))
    return result


def build(settings: Settings) -> AssembleStage:
    return AssembleStage(settings.min_confidence)
