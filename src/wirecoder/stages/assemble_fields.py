"""Which mentions belong to an event trigger: a helper of the ``assemble`` stage, not a stage.

Fields come from the trigger's own sentence first and fall back to the nearest earlier sentences of
the same passage (news prose names the place once and then says "the town"); never across a passage
that triage skipped. A battle reported without names is between the article's main belligerents; an
event with no place nearby is at the article's main place.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..records import AnalyzedArticle, CountMention, DateMention, PlaceMention, Span, TriggerMention
from ..roles import Roles, assign_roles
from ..taxonomy import ARMED_ORGANISED

# How far back (in sentences) a field may be inherited from; beyond that it is left unknown.
LOOKBACK = {"place": 4, "date": 2, "actors": 1}
LANDMARK_RELATIONS = ("direction", "distance")  # "south of Kabul", "40 km from Kabul"
MAX_GAP = 40  # characters between two sentences beyond which text was skipped (not just a caption or a break)
FEATURE_SPECIFICITY = {"city": 0, "site": 0, "area": 1, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def roles_for(doc: AnalyzedArticle, trigger: TriggerMention) -> Roles:
    for distance in range(LOOKBACK["actors"] + 1):
        index = trigger.sentence - distance
        if not _contiguous(doc, index, trigger.sentence):
            break
        actors = [a for a in doc.actors if a.sentence == index]
        if actors and 0 <= index < len(doc.sentences):
            sentence = doc.sentences[index].span
            # an inherited sentence's actors have no position relative to the trigger
            anchor = trigger if distance == 0 else replace(trigger, span=Span(sentence.end, sentence.end, ""))
            roles = assign_roles(anchor, actors, sentence.text, sentence.start, trigger.sub_event_type)
            if roles.actor1 is not None or roles.actor2 is not None:  # only claimants here: look further
                return _other_side_filled(roles, doc, trigger)
    return _main_belligerents(doc, trigger)


def _other_side_filled(roles: Roles, doc: AnalyzedArticle, trigger: TriggerMention) -> Roles:
    """A battle names one side ("SDF fighters advanced"): the other is the article's main enemy of it."""
    if trigger.event_type != "Battles" or roles.actor1 is None or roles.actor2 is not None:
        return roles
    main = _main_belligerents(doc, trigger)
    sides = [a for a in (main.actor1, main.actor2) if a is not None]
    if len(sides) == 2 and roles.actor1.name in {a.name for a in sides}:
        other = next(a for a in sides if a.name != roles.actor1.name)
        return replace(roles, actor2=other)
    return roles


def _contiguous(doc: AnalyzedArticle, first: int, last: int) -> bool:
    """Sentences first..last follow each other in the text: no passage triage skipped lies between them."""
    if first < 0:
        return False
    text = doc.article.text
    for index in range(first, last):
        gap = text[doc.sentences[index].span.end : doc.sentences[index + 1].span.start]
        if len(gap) > MAX_GAP and gap.strip():
            return False
    return True


def _main_belligerents(doc: AnalyzedArticle, trigger: TriggerMention) -> Roles:
    """A battle reported without names ("clashes continued in the town") is between the article's main sides."""
    if trigger.event_type != "Battles":
        return Roles(None, None, (), ())
    counts = Counter(a.name for a in doc.actors if a.known and not a.generic and a.inter in ARMED_ORGANISED)
    named = [name for name, n in counts.most_common(2) if n >= 2]
    first = {name: next(a for a in doc.actors if a.name == name) for name in named}
    ordered = sorted(first.values(), key=lambda a: a.span.start)
    return Roles(ordered[0] if ordered else None, ordered[1] if len(ordered) > 1 else None, (), ())


def place_for(doc: AnalyzedArticle, trigger: TriggerMention) -> PlaceMention | None:
    found = _place_near(doc, trigger) or doc.country
    if found is not None and found.place is None and doc.country is not None:
        # "Koranbod", a village the gazetteer lacks, in a story of Somali forces: kept as written, in Somalia
        return replace(found, place=doc.country.place, relation="within", geo_precision=3, where_prec=doc.country.where_prec)
    return found


def _place_near(doc: AnalyzedArticle, trigger: TriggerMention) -> PlaceMention | None:
    """The trigger's own sentence first; but a bare country there gives way to a town named just before in it."""
    chosen = None
    for distance in range(LOOKBACK["place"] + 1):
        if not _contiguous(doc, trigger.sentence - distance, trigger.sentence):
            break
        candidates = [p for p in doc.places if p.sentence == trigger.sentence - distance and p.geo_precision > 0]
        if not candidates:
            continue
        best = _area_over_landmark(min(candidates, key=lambda p: _place_rank(p, trigger)), candidates)
        if chosen is None:
            chosen = best
            if not _country_only(best):
                return best
        elif best.place and chosen.place and best.place.iso3 == chosen.place.iso3 and not _country_only(best):
            return best
    if chosen is not None and _country_only(chosen):
        return _named_next(doc, trigger, chosen) or chosen
    return chosen or _main_place(doc)


def _area_over_landmark(best: PlaceMention, candidates: list[PlaceMention]) -> PlaceMention:
    """ "in Ghazni province south of Kabul": Kabul only says where the province lies; the event is in the
    province. A town named as a landmark gives way to an area of its country that does not hold it."""
    if best.relation not in LANDMARK_RELATIONS or best.place is None:
        return best
    areas = [
        p for p in candidates
        if p.place and p.place.feature in ("admin1", "admin2") and p.relation is None
        and p.place.iso3 == best.place.iso3 and p.place.admin1 != best.place.admin1
    ]
    return areas[0] if areas else best


def _named_next(doc: AnalyzedArticle, trigger: TriggerMention, country: PlaceMention) -> PlaceMention | None:
    """ "...twin blasts in Iraq. The explosions took place in Wasit": the next sentence names the place."""
    following = trigger.sentence + 1
    if following >= len(doc.sentences) or not _contiguous(doc, trigger.sentence, following):
        return None
    inside = [p for p in doc.places if p.sentence == following and p.place and p.geo_precision > 0
              and not _country_only(p) and p.place.iso3 == country.place.iso3]
    return min(inside, key=lambda p: _place_rank(p, trigger)) if inside else None


def _main_place(doc: AnalyzedArticle) -> PlaceMention | None:
    """No place near the trigger: the article's main place, the one it names most (its first on a tie)."""
    named = [p for p in doc.places if p.place is not None and p.geo_precision > 0]
    if not named:
        return None
    counts = Counter(p.place.geonameid for p in named)
    return min(named, key=lambda p: (_country_only(p), -counts[p.place.geonameid], p.span.start))


def _country_only(mention: PlaceMention) -> bool:
    return mention.place is not None and mention.place.feature == "country"


def _place_rank(mention: PlaceMention, trigger: TriggerMention) -> tuple:
    feature = mention.place.feature if mention.place else "city"
    return (
        mention.place is None and mention.geo_precision >= 3,
        mention.relation == "speaker",  # "a U.N. official in Juba said ... in Cueibet county"
        mention.relation == "route",  # "in Maiduwa village, Fika LGA, along the Potiskum-Gombe road"
        FEATURE_SPECIFICITY.get(feature, 3),
        # "killed in Kamanyola in the neighboring Congo" over "who fled violence in Burundi": a named village
        # coded at its country says where more than a bare country does
        feature == "country" and mention.relation != "within",
        mention.geo_precision,
        # "the outskirts of Al-Susah, a village east of Hajin": Hajin only says where the village lies
        mention.relation in LANDMARK_RELATIONS,
        # "Al-Shafah ... in Deir ez-Zor province": the village, coded at the province, says more than the
        # province (in the trigger's own sentence: one told sentences before may be another place of the story)
        mention.relation not in ("within", "quarter") or mention.sentence != trigger.sentence,
        abs(mention.span.start - trigger.span.start),
    )


def date_for(doc: AnalyzedArticle, trigger: TriggerMention) -> DateMention | None:
    for distance in range(LOOKBACK["date"] + 1):
        if not _contiguous(doc, trigger.sentence - distance, trigger.sentence):
            break
        candidates = [d for d in doc.dates if d.sentence == trigger.sentence - distance]
        if candidates:
            # a sentence before: the day of the event it tells ("rallied ... on Friday"), not of its
            # background ("a wave of protests that began two weeks ago")
            anchor = trigger if distance == 0 else _first_trigger(doc, trigger.sentence - distance) or trigger
            return min(candidates, key=lambda d: abs(d.span.start - anchor.span.start))
    return None


def _first_trigger(doc: AnalyzedArticle, sentence: int) -> TriggerMention | None:
    return next((t for t in doc.triggers if t.sentence == sentence and not t.negated), None)


def counts_for(doc: AnalyzedArticle, trigger: TriggerMention) -> tuple[CountMention, ...]:
    """Counts of the trigger's sentence, else of a neighbouring sentence that reports no event of its
    own: "Seven were killed. The attack..." and "The attack... Seven were killed." """
    own = tuple(c for c in doc.counts if c.sentence == trigger.sentence)
    if own:
        return own
    with_events = {t.sentence for t in doc.triggers}
    for neighbour in (trigger.sentence + 1, trigger.sentence - 1):
        orphans = tuple(c for c in doc.counts if c.sentence == neighbour)
        if orphans and neighbour not in with_events:
            return orphans
    return ()


def reported_by_for(doc: AnalyzedArticle, trigger: TriggerMention) -> tuple[str | None, Span | None]:
    for attribution in doc.attributions:
        if attribution.sentence in (trigger.sentence, trigger.sentence + 1):
            return attribution.reported_by, attribution.span
    return None, None
