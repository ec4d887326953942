"""How the drafts of one article combine before they become events.

A draft is one trigger with the fields ``assemble_fields`` chose for it. Here: a running toll splits off
as a cumulative record; "wounded in the attack" folds into the event it refers back to; concurrent
tactics of the same actors, day and place are one event at ACLED's highest-ranked type; one act told twice
in a sentence (a raid and its massacre, car bombs and the killing they did) is one event; a claim of
responsibility gives the event told before its actor; a lone event takes the dead stated paragraphs later;
a killing of civilians is an Attack, not a battle, and so is an abduction raid that killed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .. import taxonomy
from ..records import AnalyzedArticle, CountMention, DateMention, PlaceMention, Span, TriggerMention
from ..roles import Roles

@dataclass(frozen=True)
class Draft:
    """What assemble knows about one trigger before it becomes an Event."""

    trigger: TriggerMention
    roles: Roles
    place: PlaceMention | None
    date: DateMention | None
    counts: tuple[CountMention, ...]
    reported_by: tuple[str | None, Span | None]


CIVILIANS = 7
ARRESTS = "Arrests"
UNIDENTIFIED = "Unidentified Armed Group"
DEMONSTRATIONS = "demonstrations"  # the type family of protests and riots (acled_taxonomy.csv)
ABDUCTION, ATTACK = "Abduction/forced disappearance", "Attack"


def retyped_for_civilian_target(trigger: TriggerMention, roles: Roles) -> TriggerMention:
    """A battle needs two armed sides: "people were killed in an attack" on civilians is an Attack."""
    target = roles.actor2
    # a weak word ("killed", "attack") whatever its type; a strong one ("stormed a hotel") when it is an armed
    # clash: civilians are never a side of a battle (a territory taken from them stays what it is)
    if trigger.event_type != "Battles" or target is None or target.inter != CIVILIANS:
        return trigger
    if not trigger.weak and trigger.sub_event_type != "Armed clash":
        return trigger
    entry = taxonomy.lookup("Attack")
    return replace(trigger, disorder_type=entry.disorder_type, event_type=entry.event_type, sub_event_type=entry.sub_event_type)


def retyped_for_killing(draft: Draft) -> Draft:
    """ "Bandits killed 12 worshippers and abducted 40 others": ACLED codes the killing, an Attack."""
    killed = any(c.kind == "killed" and (c.best or 0) > 0 and c.scope == "event" for c in draft.counts)
    if draft.trigger.sub_event_type != ABDUCTION or not killed:
        return draft
    entry = taxonomy.lookup(ATTACK)
    trigger = replace(draft.trigger, disorder_type=entry.disorder_type, event_type=entry.event_type, sub_event_type=entry.sub_event_type)
    return replace(draft, trigger=trigger)


def split_campaign_toll(doc: AnalyzedArticle, draft: Draft) -> list[Draft]:
    """ "Fighting flared on Wednesday, bringing the toll of the offensive to 212": two records.

    The running toll becomes a cumulative record over the campaign (never one day's dead); the day's
    fighting stays an event of its own when the sentence dates it to a day or gives its own dead. A toll
    told with "killed" alone ("452 people have been killed since ...") tells no day's event, and the day
    after "since" is the campaign's first, not today's.
    """
    cumulative = tuple(c for c in draft.counts if c.kind == "killed" and c.scope == "cumulative")
    if not cumulative:
        return [draft]
    day = replace(draft, counts=tuple(c for c in draft.counts if c.scope != "cumulative"))
    if all(c.sentence != draft.trigger.sentence for c in cumulative):
        return [day]  # a toll told next to the event is that toll's sentence's record, not this event's
    toll = replace(draft, counts=cumulative, date=None)
    date = draft.date
    dated_today = (date is not None and date.time_precision == 1 and date.sentence == draft.trigger.sentence
                   and not _after_since(doc, date) and not draft.trigger.weak and not _after_since(doc, draft.trigger))
    own_dead = any(c.kind == "killed" and c.scope == "event" for c in draft.counts)
    if not (dated_today or own_dead):
        return [toll]
    return [day, toll]


def without_recalled_campaign_starts(doc: AnalyzedArticle, drafts: list[Draft]) -> list[Draft]:
    """Drafts less the campaign starts a report recalls, and what it tells with them on that day ("backed
    by air strikes", the next sentence's "car bombs" dated by it): the campaign's background."""
    recalled = {d.date for d in drafts if told_as_a_campaign_start(doc, d)}
    return [d for d in drafts if d.date not in recalled or _own_dead(d)]


def _own_dead(draft: Draft) -> bool:
    """Deaths its own sentence gives (not a neighbour's, lent to a sentence that gives none)."""
    return any(c.kind == "killed" and c.sentence == draft.trigger.sentence for c in draft.counts)


def told_as_a_campaign_start(doc: AnalyzedArticle, draft: Draft) -> bool:
    """ "...the heaviest setback since it began its push on the enclave on September 10", "have been fighting
    since September 10", "The SDF launched the latest phase of its campaign on September 10" (in October):
    the start of the campaign the report is about, recalled to date it, not an event this report tells."""
    date, trigger = draft.date, draft.trigger
    if date is None or date.sentence != trigger.sentence or _own_dead(draft):
        return False
    published = doc.article.published
    published = published.date() if isinstance(published, dt.datetime) else published
    dated_to_a_day = date.time_precision in (1, 2)  # "over the past three years" says how long, not when
    if trigger.starts_campaign and dated_to_a_day and published and date.start and date.start <= published - RECALLED_START:
        return True
    return _after_since(doc, date)


def _after_since(doc: AnalyzedArticle, mention: TriggerMention | DateMention) -> bool:
    """ "killed since the SDF began their assault", "fighting since September 10": words in a "since" clause
    date a campaign's start, not today's news."""
    sentence = doc.sentences[mention.sentence].span
    return SINCE.search(doc.article.text[sentence.start : mention.span.start].split(",")[-1]) is not None


def give_lone_event_its_dead(doc: AnalyzedArticle, drafts: list[Draft]) -> list[Draft]:
    """An article that reports one event may state its dead anywhere: "... was pronounced dead at the
    hospital" three paragraphs below the shooting. With one event and no other taker, the deaths are its."""
    day_events = [d for d in drafts if scope_of_counts(d.counts) == "event"]
    if len(day_events) != 1 or any(c.kind == "killed" for c in day_events[0].counts):
        return drafts
    unclaimed = tuple(c for c in doc.counts if c.kind == "killed" and c.scope == "event")
    if not unclaimed:
        return drafts
    lone = day_events[0]
    return [replace(d, counts=d.counts + unclaimed) if d is lone else d for d in drafts]


# --- back references: "wounded in the attack" ---------------------------------------------------

RECALLED_START = dt.timedelta(days=7)  # a campaign start dated this long before the report is recalled, not news
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)
SINCE = re.compile(r"\bsince\b", re.I)  # "killed since the offensive began on September 10"
BACK_REFERENCE = re.compile(r"\b(?:the|this|that|these|those|same)\s+(?:[\w-]+\s+)?$", re.I)


CLAIMED = re.compile(r"\b(?:claimed|claims|claiming|took|takes|taking|accepted)\s+(?:\w+\s+)?responsibility\s+for\s+(?:the|this|that|these|those|\w+['’]s)?\s*(?:[\w-]+\s+){0,2}$", re.I)


def fold_back_references(text: str, drafts: Sequence[Draft]) -> list[Draft]:
    """ "A bomb went off in Mosul, killing nine. Twenty were wounded in the attack": "the attack" is
    the bombing again, so its counts join the bombing and it makes no record of its own. A claim of
    responsibility names who did it: the claimant becomes the event's actor when the report named none."""
    kept: list[Draft] = []
    for draft in drafts:
        earlier = _referent(text, draft, kept)
        if earlier is None:
            kept.append(draft)
            continue
        index = kept.index(earlier)
        if _claim(text, draft.trigger) and earlier.roles.actor1 is None and draft.roles.actor1 is not None:
            earlier = replace(earlier, roles=replace(earlier.roles, actor1=draft.roles.actor1))
        if _refines(draft, earlier) or _names_its_village(draft, earlier):
            # "...in Helmand province. The device exploded near Lashkar Gah"
            earlier = replace(earlier, place=draft.place)
        kept[index] = _fill_from(earlier, draft)
    return kept


def _claim(text: str, trigger: TriggerMention) -> bool:
    return bool(CLAIMED.search(text[max(0, trigger.span.start - 60) : trigger.span.start]))


def _referent(text: str, draft: Draft, earlier: list[Draft]) -> Draft | None:
    trigger = draft.trigger
    if _claim(text, trigger):
        # "IS claimed responsibility for the bombing": the bombing told before, by the one who claims it
        same_kind = [d for d in earlier if taxonomy.family(d.trigger.event_type) == taxonomy.family(trigger.event_type)]
        return same_kind[-1] if same_kind else None
    if not BACK_REFERENCE.search(text[max(0, trigger.span.start - 30) : trigger.span.start]):
        return None
    before = [d for d in earlier if d.trigger.sentence <= trigger.sentence and scope_of_counts(d.counts) == scope_of_counts(draft.counts)]
    if not trigger.weak:
        # "...setting off two car bombs. The attack began with the explosions": a strong word with "the",
        # no day of its own and no count, told after one of its kind, is that event again
        own_day = draft.date is not None and draft.date.sentence == trigger.sentence
        before = [d for d in before if d.trigger.sub_event_type == trigger.sub_event_type and d.trigger.sentence < trigger.sentence]
        # "...destroyed a mosque in Al-Susah. The strike killed several fighters": its dead, told next
        told_next = bool(before) and before[-1].trigger.sentence == trigger.sentence - 1
        if own_day or (draft.counts and not told_next):
            return None
    if not before or not _same_place(before[-1], draft):
        return None
    return before[-1]


def _same_place(one: Draft, other: Draft) -> bool:
    """The same place, or a town and the province that holds it ("...in Itumbiara. The deputy governor
    of Goias State was wounded in the attack")."""
    places = [d.place.place for d in (one, other) if d.place and d.place.place]
    if len(places) < 2 or places[0].geonameid == places[1].geonameid:
        return True
    town, area = sorted(places, key=lambda p: p.feature != "city")
    return town.feature == "city" and area.feature == "admin1" and (town.iso3, town.admin1) == (area.iso3, area.admin1)


# --- concurrent tactics: ACLED's hierarchy -------------------------------------------------------


def merge_concurrent(drafts: Sequence[Draft]) -> list[Draft]:
    """Keep one draft per (actors, day, place, family); the highest-ranked type wins, evidence joins."""
    kept: dict[tuple, Draft] = {}
    for draft in drafts:
        key = _concurrency_key(draft)
        current = kept.get(key)
        if current is None or _precedence(draft) > _precedence(current):
            kept[key] = _fill_from(draft, current) if current else draft
        else:
            kept[key] = _fill_from(current, draft)
    return list(kept.values())


def _precedence(draft: Draft) -> tuple[bool, int]:
    # "A bomb went off ... wounded in the attack": the weak word refers back, the bomb says what happened
    return (not draft.trigger.weak, taxonomy.rank(draft.trigger.sub_event_type))


def _concurrency_key(draft: Draft) -> tuple:
    roles = draft.roles
    place = draft.place.place.geonameid if draft.place and draft.place.place else None
    # a day the report gives but no publication date resolves ("two days earlier") is its own day here
    date = ((draft.date.start, draft.date.end) if draft.date.start else draft.date.span.text.lower()) if draft.date else None
    scope = scope_of_counts(draft.counts)
    family = taxonomy.family(draft.trigger.event_type) if draft.trigger.event_type else None
    # one town's demonstrations of one day are one event, the highest-ranked (a rally that turned into a riot)
    crowd = family == DEMONSTRATIONS
    # the same two sides whichever a sentence names first ("suicide attackers" of the battle it tells)
    sides = () if crowd else tuple(sorted(a.name for a in (roles.actor1, roles.actor2) if a))
    return (
        sides,
        place or (draft.place.span.text if draft.place else None),
        date,
        scope,
        family,
    )


CLAIMS_THE_ACT = re.compile(
    r"\s+(?:said|says|claimed|announced|stated)\b[^.]{0,60}?\b(?:its|their)\s+(?:fighters|men|militants|forces|members|units)\s+"
    r"(?:had\s+|have\s+)?(?:planted|carried out|conducted|staged|launched|were behind|was behind|attacked|detonated|set off)\b",
    re.I,
)


def claimed_in_a_statement(doc: AnalyzedArticle, drafts: Sequence[Draft]) -> list[Draft]:
    """ "A roadside bomb struck an army truck... Al-Shabaab said in a statement that its fighters had planted
    the device": the group that says its fighters did it is the actor of the event told just before."""
    kept = list(drafts)
    text = doc.article.text
    for actor in doc.actors:
        if actor.generic or not CLAIMS_THE_ACT.match(text, actor.span.end):
            continue
        earlier = [d for d in kept if d.trigger.sentence in (actor.sentence - 1, actor.sentence - 2) and d.roles.actor1 is None]
        if earlier:
            told = earlier[-1]
            kept[kept.index(told)] = replace(told, roles=replace(told.roles, actor1=actor))
    return kept


def fold_one_act_told_twice(drafts: Sequence[Draft]) -> list[Draft]:
    """ "Rebels hacked 22 villagers to death in an overnight raid": a battle word with one side named, in
    the sentence of an attack by that side, is the attack told again, not a second event. And "gunmen
    stormed a hotel, setting off two car bombs and killing 21 people": the attack on civilians of a
    sentence that tells an explosion by the same hands is that explosion (ACLED codes explosions that hit
    civilians as Explosions/Remote violence, with the civilians as actor 2)."""
    kept = list(drafts)
    for draft in drafts:
        if draft not in kept or not _told_with_another(draft):
            continue
        told = next((d for d in kept if d is not draft and d.trigger.sentence == draft.trigger.sentence
                     and _absorbs(d, draft) and _compatible(d.roles, draft.roles)
                     and _same_place(d, draft) and _same_day(d.date, draft.date)), None)
        if told is not None:
            roles = told.roles if told.roles.actor2 is not None else replace(told.roles, actor2=draft.roles.actor2)
            kept[kept.index(told)] = _fill_from(replace(told, roles=roles), draft)
            kept.remove(draft)
    return kept


def _told_with_another(draft: Draft) -> bool:
    one_sided_battle = draft.trigger.event_type == "Battles" and draft.roles.actor2 is None
    return one_sided_battle or draft.trigger.event_type == "Violence against civilians" and draft.trigger.sub_event_type == ATTACK


def _absorbs(other: Draft, draft: Draft) -> bool:
    if draft.trigger.event_type == "Battles":
        # "police arrested 23 people in a week of raids": raids that kill no one are the arrests
        arrests = other.trigger.sub_event_type == ARRESTS and not _own_dead(draft)
        return arrests or other.trigger.event_type != "Battles" and taxonomy.is_violent(other.trigger.sub_event_type)
    return other.trigger.event_type == "Explosions/Remote violence"


# --- the place told later: "...killed seven in Balochistan. The blast hit near Naseerabad" -----------


def refine_places(drafts: Sequence[Draft]) -> list[Draft]:
    """An event told first at a province or country and then, without new figures, at a town inside
    it is one event at the town (ACLED codes the most precise place the report gives)."""
    kept = list(drafts)
    for finer in drafts:
        coarse = next((d for d in kept if d is not finer and _refines(finer, d)), None)
        if coarse is not None and finer in kept:
            kept[kept.index(coarse)] = _fill_from(replace(coarse, place=finer.place), finer)
            kept.remove(finer)
    return kept


def _refines(finer: Draft, coarse: Draft) -> bool:
    town, area = finer.place and finer.place.place, coarse.place and coarse.place.place
    if finer.counts or town is None or area is None or town.feature != "city" or finer.place.geo_precision not in (1, 2):
        return False
    if scope_of_counts(coarse.counts) != "event":  # a campaign's toll is no one day's event
        return False
    if area.feature not in ("admin1", "country") or town.iso3 != area.iso3 or (area.feature == "admin1" and town.admin1 != area.admin1):
        return False
    same_kind = taxonomy.family(finer.trigger.event_type) == taxonomy.family(coarse.trigger.event_type)
    return same_kind and _compatible(finer.roles, coarse.roles) and _same_day(finer.date, coarse.date)


def _names_its_village(finer: Draft, coarse: Draft) -> bool:
    """ "...fought al-Shabaab; seven were killed. The battle began near Koranbod": a village the gazetteer
    lacks, in the country the event was only known in, names where it happened."""
    village, country = finer.place, coarse.place
    if village is None or country is None or village.place is None or country.place is None:
        return False
    return (country.place.feature == "country" and village.relation == "within"
            and village.place.iso3 == country.place.iso3 and village.span.text != country.span.text)


def fold_unnamed_into_named(drafts: Sequence[Draft]) -> list[Draft]:
    """ "Boko Haram fighters abducted 12 women outside Gamboru on Wednesday. The gunmen rounded up the women
    at gunpoint": unidentified armed men doing the same kind of thing on the same day at the same place as
    a group the report names are that group, told again."""
    kept = list(drafts)
    for draft in drafts:
        actor = draft.roles.actor1
        if draft not in kept or actor is None or not actor.generic or not actor.name.startswith(UNIDENTIFIED):
            continue
        named = next((d for d in kept if d is not draft and d.roles.actor1 is not None and not d.roles.actor1.generic
                      and taxonomy.family(d.trigger.event_type) == taxonomy.family(draft.trigger.event_type)
                      and _same_place(d, draft) and _same_day(d.date, draft.date)
                      and (d.roles.actor2 is None or draft.roles.actor2 is None or d.roles.actor2.name == draft.roles.actor2.name)), None)
        if named is not None:
            kept[kept.index(named)] = _fill_from(named, draft)
            kept.remove(draft)
    return kept


def _compatible(one: Roles, other: Roles) -> bool:
    return all(a is None or b is None or a.name == b.name for a, b in ((one.actor1, other.actor1), (one.actor2, other.actor2)))


def _same_day(one: DateMention | None, other: DateMention | None) -> bool:
    if one is None or other is None:
        return True
    keys = _day_key(one), _day_key(other)
    return None in keys or keys[0] == keys[1]


def _day_key(mention: DateMention):
    """The day a mention gives. With no publication date to resolve it, a weekday is still its own day
    ("on Wednesday" is not "on Sunday"); other words ("yesterday", "two days earlier") may be any day."""
    if mention.start:
        return (mention.start, mention.end)
    weekday = WEEKDAY.search(mention.span.text)
    return weekday.group().lower() if weekday else None


def _fill_from(winner: Draft, other: Draft | None) -> Draft:
    """The winner keeps its own counts and takes the kinds it lacks (the injured of the next sentence)."""
    if other is None:
        return winner
    kinds = {c.kind for c in winner.counts}
    return replace(winner, counts=winner.counts + tuple(c for c in other.counts if c.kind not in kinds))


def scope_of_counts(counts: Sequence[CountMention]) -> str:
    return "cumulative" if any(c.scope == "cumulative" and c.kind == "killed" for c in counts) else "event"
