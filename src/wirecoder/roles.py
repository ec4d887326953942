"""Who did it to whom: actor1 (initiator), actor2 (target) and their allies, from surface patterns.

The pipeline runs spaCy without its parser (for speed), so roles come from word order and a few cue
words that news prose uses:

- "clashes between X and Y", "fighting pitted X against Y"  -> X, Y
- "X attacked / shelled / killed Y" (actors on both sides of the trigger) -> X, Y
- "Y were attacked by X", "... by X" (passive)             -> X, Y
- "X, backed by Y" / "supported by Y" / "with the help of Y" / "X is coordinating with Y" -> Y is X's associate
- "X and Y attacked Z"                                     -> Y is X's associate
- Violence against civilians: the civilians are always actor2; protests: protesters are actor1.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .numbers import DIGITS, NUMBER_WORDS
from .records import ActorMention, TriggerMention

CIVILIANS, PROTESTERS, RIOTERS = 7, 6, 5
BACKED_BY = re.compile(r"\b(?:backed|supported|assisted|aided|helped|joined|accompanied|bolstered|reinforced)\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|\bwith the (?:help|support|backing) of\s*$|\balong(?:side| with)\s*$|\b(?:coordinat|cooperat|collaborat|allied|partner)\w*\s+(?:closely\s+)?with\s+(?:the\s+)?$|\bin (?:coordination|cooperation) with\s+(?:the\s+)?$", re.I)
# "the SDF said", "a police officer said", "army sources told": the speaker's noun may follow the actor
CLAIMANT = re.compile(
    r"^(?:\s+(?:officers?|officials?|sources?|spokes(?:man|woman|person)|commanders?|chiefs?|officer)){0,2}"
    r"(?:\s+[A-Z][\w'’-]+){0,3}"  # "police officer Abdikadir Hassan said"
    r"\s+(?:said|say|says|told|reported|reports|claimed|added|stated|confirmed)\b(?!\s+(?:\w+\s+)?responsibility)",
    re.I,
)  # "IS claimed responsibility for the bombing": the claimant is who did it
# "said (on Saturday) (that) it had", "say they have", "the Taliban government said its forces": the speaker is the
# subject of what follows
OWN_ACT = re.compile(r"^(?:\s+(?:government|administration|authorities|military|army|ministry|command|spokes(?:man|woman|person)))?\s+(?:said|says|say|announced|claimed)\s+(?:\w+\s+){0,2}?(?:that\s+)?(?:it|they|(?:its|their)\s+(?:fighters|forces|troops|men|units|jets|warplanes|aircraft|planes|helicopters|drones|soldiers|ships))\s+(?:\w+\s+){0,2}$", re.I)
OWNER_GAP = 16  # characters between an actor and the trigger noun it qualifies
OWNER_WORDS = re.compile(r"(?:['’]s)?(?:\s+[a-z][\w-]*){0,2}\s+", re.I)  # "'s", "cross-border", "heavy artillery"
PASSIVE_GAP = 30  # characters between the trigger and "by X"
BY = re.compile(r"\bby\s+(?:the\s+)?$", re.I)
CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|while|whereas|yet)\b|\bbut\b", re.I)
# "...killed 12 Taliban fighters", "shot dead three police officers": whoever follows is who was hit
HIT = r"(?:killed|killing|kills|shot(?: dead)?|struck|strikes|hit|hitting|targeted|targeting|wounded|injured|bombed|shelled|ambushed|abducted|kidnapped|executed|beheaded)"
COUNT = rf"(?:(?:at least|more than|as many as|up to|about|around|nearly|some|dozens of|scores of|hundreds of|several|{NUMBER_WORDS}|{DIGITS})\s+)*"
# "a senior commander of", "two members of": the people hit belong to the actor named next
MEMBERS_OF = r"(?:(?:(?!(?:in|at|on|near|outside|inside|into|to|by|with|after|during)\b)(?-i:[a-z][\w-]*)\s+){1,3}(?:of|from)\s+(?:the\s+)?)?"
# "...in the market, killing four soldiers", "killed a senior commander of Hayat Tahrir al-Sham"
VICTIMS = re.compile(rf"\b{HIT}\s+{COUNT}(?:the\s+|an?\s+)?{MEMBERS_OF}$", re.I)
ONLY_A_COUNT = re.compile(rf"^\s+{COUNT}(?:the\s+|an?\s+)?{MEMBERS_OF}$", re.I)  # the trigger itself is the verb: "killed [30] militants"
VICTIM_TRIGGER = re.compile(rf"\b{HIT}$", re.I)
# "17 fighters of the SDF were killed when IS militants stormed...": the subject of a passive "were killed"
PASSIVE_VICTIM = re.compile(rf"^\s*(?:were|was|have been|has been|had been)\s+(?:\w+\s+)?{HIT}\b", re.I)
OUR_FORCES = re.compile(r"\bour\s+(?:fighters|forces|troops|men|units|soldiers|brigades?|heroes|mujahideen)\b", re.I)
NOUN_BEFORE_BY = re.compile(r"\b(?:after|following|amid|during|despite|before)\s+(?:an?\s+|the\s+)?[\w-]+\s+by\s+(?:the\s+)?$", re.I)
MUTUAL = re.compile(r"\b(?:clash\w*|fought|fight\w*|battl\w*|skirmish\w*|exchanged (?:fire|gunfire))", re.I)
BOTH_SIDES = re.compile(r"^\s*(?:[\w-]+\s+)?and\s+(?:the\s+)?$", re.I)
SHARED_SUBJECT = re.compile(r",?\s*\bbut\s+(?:then\s+|later\s+)?$", re.I)
TARGETED = re.compile(r"^\s*(?:at|on|against|toward|towards)\s+(?:the\s+)?$", re.I)
SUBORDINATE = re.compile(r"\b(?:when|as|after|while|because|before|that|which|whom)\s+(?:the\s+)?$", re.I)
INTRO_PHRASE = re.compile(r"\s*(?:With|Without|Despite|Amid)\b[^,;]{0,120},")
BETWEEN = re.compile(r"\b(?:between|pitting|pitted)\b", re.I)
AGAINST = re.compile(r"\b(?:against|on|targeting|repel\w*|repuls\w*|fought off|beat back|pushed back|(?:clash\w*|fight\w*|fought|battl\w*|skirmish\w*) with)\s+(?:the\s+|an?\s+)?$", re.I)


@dataclass(frozen=True)
class Roles:
    actor1: ActorMention | None
    actor2: ActorMention | None
    assoc_actor_1: tuple[ActorMention, ...] = ()
    assoc_actor_2: tuple[ActorMention, ...] = ()


def assign_roles(
    trigger: TriggerMention,
    actors: Sequence[ActorMention],
    sentence_text: str,
    sentence_start: int,
    sub_event_type: str | None,
) -> Roles:
    """Roles of the actors of one sentence for one trigger (actors in text order)."""
    def between(left: int, right: int) -> str:
        return sentence_text[left - sentence_start : right - sentence_start]

    actors = mentions = sorted(actors, key=lambda a: a.span.start)
    # "The RSF shelled a market, while army warplanes bombed RSF positions": each verb has its own clause
    actors = [a for a in actors if not _other_clause(a, trigger, between)] or actors
    # "With coalition aircraft unable to fly, the militants overran...": the lead-in sets the scene
    intro = INTRO_PHRASE.match(sentence_text)
    if intro and trigger.span.start - sentence_start > intro.end():
        actors = [a for a in actors if a.span.start - sentence_start >= intro.end()] or actors
    # "'Our fighters took control of the silos,' an SDF commander said": the speaker's side did it
    in_sentence = sentence_start <= trigger.span.start <= sentence_start + len(sentence_text)
    ours = in_sentence and bool(OUR_FORCES.search(between(sentence_start, trigger.span.start)))
    actors = [a for a in _distinct(actors)
              if not _is_claimant(a, sentence_text, sentence_start) or ours or _says_it_did(a, trigger, sentence_text, sentence_start)]
    if not actors:
        return Roles(None, None)

    allies = {id(a): _ally_of(a, actors, between) for a in actors}
    principals = [a for a in actors if allies[id(a)] is None]
    owner = _owner_of(trigger, actors, between)
    if owner is not None and allies[id(owner)] is not None:
        # "the SDF offensive is bolstered by Coalition air strikes": the strikes are the Coalition's own act
        principals = [owner, *(a for a in principals if a.span.start >= trigger.span.end)]
        allies[id(owner)] = None
    actor1, actor2 = _principal_roles(trigger, principals, between)
    subject = _subordinate_subject(trigger, mentions, between)
    if subject is not None and actor1 is not None and subject.name != actor1.name:
        # "Nine SDF fighters and 15 militants were killed when IS fighters attacked SDF positions"
        actor1, actor2 = next((a for a in principals if a.name == subject.name), subject), actor1
    actor1, actor2 = _fix_civilian_and_protest_roles(actor1, actor2, principals, trigger.event_type)
    return Roles(
        actor1,
        actor2,
        tuple(a for a in actors if allies[id(a)] is actor1 and actor1 is not None),
        tuple(a for a in actors if allies[id(a)] is actor2 and actor2 is not None),
    )


def _other_clause(actor: ActorMention, trigger: TriggerMention, between) -> bool:
    gap = between(actor.span.end, trigger.span.start) if actor.span.end <= trigger.span.start else between(trigger.span.end, actor.span.start)
    if actor.span.end <= trigger.span.start and SHARED_SUBJECT.search(gap):
        return False  # "SDF units entered the village but withdrew": the verb after "but" is still theirs
    return bool(CLAUSE_BREAK.search(gap))


def _owner_of(trigger: TriggerMention, actors: list[ActorMention], between) -> ActorMention | None:
    """The actor whose name qualifies the trigger's noun: "Coalition cross-border air strikes"."""
    earlier = [a for a in actors if a.span.end <= trigger.span.start]
    if not earlier:
        return None
    gap = between(earlier[-1].span.end, trigger.span.start)
    return earlier[-1] if len(gap) <= OWNER_GAP and OWNER_WORDS.fullmatch(gap) else None


def _is_claimant(actor: ActorMention, text: str, offset: int) -> bool:
    """ "Residents said ...", "the SDF told reporters": who reports an event is not in it."""
    return bool(CLAIMANT.match(text[actor.span.end - offset :]))


def _says_it_did(actor: ActorMention, trigger: TriggerMention, text: str, offset: int) -> bool:
    """ "The Indian Navy said Saturday it had captured 23 pirates": a claimant that reports its own act."""
    gap = text[actor.span.end - offset : trigger.span.start - offset]
    return actor.span.end <= trigger.span.start and bool(OWN_ACT.search(gap))


def _distinct(actors: list[ActorMention]) -> list[ActorMention]:
    """One mention per actor name: the first one (its position decides its role)."""
    seen: set[str] = set()
    kept = []
    for actor in actors:
        if actor.name not in seen:
            seen.add(actor.name)
            kept.append(actor)
    return kept


def _ally_of(actor: ActorMention, actors: list[ActorMention], between) -> ActorMention | None:
    """The actor this one backs: "X, backed by Y" or "X and Y attacked" (Y right after X)."""
    earlier = [a for a in actors if a.span.end <= actor.span.start]
    if not earlier:
        return None
    previous = earlier[-1]
    gap = between(previous.span.end, actor.span.start)
    if BACKED_BY.search(gap):
        return previous
    return None


def _principal_roles(trigger: TriggerMention, actors: list[ActorMention], between):
    if not actors:
        return None, None
    # an actor that contains the trigger ("coalition air strikes") acts: it counts as before it
    after = [a for a in actors if a.span.start >= trigger.span.end]
    before = [a for a in actors if a not in after]
    if after and BETWEEN.search(between(trigger.span.end, after[0].span.start) or ""):
        return after[0], (after[1] if len(after) > 1 else None)
    passive_agent = next((a for a in after if _passive_agent(between(trigger.span.end, a.span.start))), None)
    if passive_agent is not None:
        # "...slowed the SDF's assault, but air strikes conducted by the coalition pushed the militants back":
        # an actor of an earlier clause is not what the strikes hit
        same_clause = [a for a in before if not CLAUSE_BREAK.search(between(a.span.end, trigger.span.start))]
        later = next((a for a in after if a is not passive_agent), None)
        return passive_agent, same_clause[-1] if same_clause else later
    if len(before) > 1 and PASSIVE_VICTIM.search(between(before[0].span.end, before[1].span.start)):
        return before[1], before[0]
    if before:
        hit = next((b for a, b in zip(before, before[1:]) if a is before[0] and VICTIMS.search(between(a.span.end, b.span.start))), None)
        # "Jihadists killed 16 soldiers in an attack on a post": who they killed is whom the attack hit
        return before[0], (hit or (after[0] if after else _second_subject(trigger, before, between)))
    if trigger.event_type == "Riots" and TARGETED.search(between(trigger.span.end, after[0].span.start)):
        return None, after[0]  # "threw stones at police": the police were the target
    if trigger.event_type != "Battles" and _hit(trigger, between(trigger.span.end, after[0].span.start)):
        # "Air strikes killed 12 Taliban fighters": no one named did it; the Taliban were hit
        return None, after[0]
    return after[0], (after[1] if len(after) > 1 else None)


def _subordinate_subject(trigger: TriggerMention, actors: list[ActorMention], between) -> ActorMention | None:
    """The actor right before a trigger that opens a "when/as/after" clause: the verb is its act, whatever
    the main clause told first."""
    before = [a for a in actors if a.span.end <= trigger.span.start]
    if len(before) < 2:
        return None
    last = before[-1]
    gap = between(last.span.end, trigger.span.start)
    if len(gap.split()) > 2 or "," in gap:
        return None
    return last if SUBORDINATE.search(between(before[-2].span.end, last.span.start)) else None


def _hit(trigger: TriggerMention, gap: str) -> bool:
    """The actor after the trigger is its object: "killed 30 militants", "strikes killed four al-Shabaab"."""
    return bool(VICTIMS.search(gap)) or (bool(VICTIM_TRIGGER.search(trigger.span.text)) and bool(ONLY_A_COUNT.match(gap)))


def _passive_agent(gap: str) -> bool:
    """ "shelled by X", "were attacked on Monday by X": a short gap ending in "by" (not "withdrew after a
    counter-attack by X": that "by" belongs to the noun before it)."""
    return len(gap) <= PASSIVE_GAP and bool(BY.search(gap)) and not NOUN_BEFORE_BY.search(gap)


def _second_subject(trigger: TriggerMention, before: list[ActorMention], between) -> ActorMention | None:
    """ "X clashed with Y in ..." puts both before a later trigger word: Y after "with/against";
    "federal troops and Fano militiamen clashed": Y after "and", when the verb takes two sides (not "X
    and Y attacked the town", which they did together)."""
    for left, right in zip(before, before[1:]):
        if AGAINST.search(between(left.span.end, right.span.start)):
            return right
    if len(before) > 1 and MUTUAL.search(trigger.span.text) and BOTH_SIDES.match(between(before[0].span.end, before[1].span.start)):
        return before[1]
    return None


def _fix_civilian_and_protest_roles(actor1, actor2, actors, event_type):
    """Civilians never initiate political violence; protesters always lead a protest."""
    if actor1 is not None and actor1.inter == CIVILIANS and event_type not in ("Protests", "Riots"):
        armed = [a for a in actors if a.inter != CIVILIANS]
        civilians = actor1
        actor1 = armed[0] if armed else None
        actor2 = actor2 if actor2 is not None and actor2 is not actor1 and event_type != "Violence against civilians" else civilians
    if event_type == "Violence against civilians":
        civilians = next((a for a in actors if a.inter == CIVILIANS), None)
        if civilians is not None and civilians is not actor2:
            others = [a for a in (actor1, actor2) if a is not None and a is not civilians]
            return (others[0] if others else None), civilians
    if event_type in ("Protests", "Riots"):
        crowd = next((a for a in actors if a.inter in (PROTESTERS, RIOTERS)), None)
        if crowd is not None and crowd is not actor1:
            others = [a for a in (actor1, actor2) if a is not None and a is not crowd]
            return crowd, (others[0] if others else None)
    return actor1, actor2
