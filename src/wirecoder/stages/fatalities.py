"""Stage `fatalities`: how many people were killed, injured, captured, displaced or found dead, and who says so.

Reads: sentences, actors (a named actor in a counted phrase gives its side), dates (a toll dated to one
       day is that day's event, not a campaign's running toll)
Writes: counts (CountMention per number: kind, low/best/high, scope, side, reported_by, evidence span),
        attributions (Attribution per "according to X" / "X said")
Settings: knowledge_paths (extra ``count_words*``, ``casualty_cues*``, ``toll_cues*``, ``attribution_cues*``)

How a number becomes a count, inside one sentence:

1. ``numbers.QuantityFinder`` finds quantity phrases ("at least 13", "dozens", "a dozen").
2. Each is linked to a casualty word (``casualty_cues.csv``) right before it ("killing 13", "the death
   toll rose to 341") or after it ("13 soldiers were killed", "seven deaths"). "Two bombers killed 92
   people" links only 92: a number before an active verb with an object is the doer, not the victims.
3. A number joined by "and" to a linked one shares its word: "two soldiers and three militants were
   killed" gives two counts (2 state, 3 nonstate) that sum to 5; "killed a judge and seven relatives"
   gives 1 + 7. "including five children" and "five of those killed" are parts of a count already
   given, so they are not counted again. Numbers of things ("800 cattle"), ages and times are not counts.
   With no number, one person said in the singular ("the driver was shot dead") is a count of 1.
4. Side is semantic (``state``, ``nonstate``, ``civilians``) from the counted noun, or the canonical name
   of an actor named in the phrase ("five SDF fighters" -> "Syrian Democratic Forces"); the assemble stage
   maps sides onto actor1/actor2. ``None`` when the text does not say ("five people").
5. Scope is ``cumulative`` for a running toll (``toll_cues.csv``): "the death toll rose to 341", "so far",
   "since the start of the offensive" - unless its clause names one incident or one day ("the toll
   from Tuesday's bombing rose to 30" is that bombing's).
6. ``reported_by`` is the claimant attributed in the same sentence, acronyms expanded ("SOHR").

"casualties" is not a casualty word here: it mixes dead and wounded (ACLED codes 0 for it).
Counts are not summed here: ``numbers.add_up`` and ``numbers.largest_total`` do that for callers.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from ..attribution import AttributionFinder, load_attribution
from ..knowledge import compile_for_lowered_text, lowered_text, read_rows
from ..numbers import Quantity, QuantityFinder, load_count_words
from ..records import AnalyzedArticle, Attribution, CountMention, Sentence, Span
from ..settings import Settings

# Between a number and a casualty word that follows it: the counted noun and its verb ("five people,
# believed to be farmers, have been killed"); no clause break (", and", ";", "after", "when").
TAG = r"(?:\s*</?\w+>)*"  # stray HTML tags left in scraped text ("<b>killed</b>")
CLAUSE_WORDS = r",\s*(?:and|but|while|as)\b|;|:|\b(?:after|when|while|because|before|where|but|although|until|since)\b"
POST_GAP = re.compile(rf"^(?!.*(?:{CLAUSE_WORDS}))(?:{TAG}\s*,?\s+[\w'’.()\[\]-]+){{0,16}}{TAG}\s*,?\s*$")
SHORT_GAP = 8  # words; a longer gap needs a passive verb ("... in the Darfur region have been killed")
# The verb is passive when an auxiliary comes right before it (adverbs and times aside): "were on Monday killed".
PASSIVE = re.compile(
    r"\b(?:were|was|been|being|be|are|is|got|get)(?:\s+(?:\w+ly|on|last|early|late|this|yesterday|today|overnight"
    r"|later|also|all|feared|at|the|\w+day|morning|afternoon|evening|night|weekend)){0,3}\s*$",
    re.IGNORECASE,
)
# Words allowed between a casualty word and the number after it ("killing another 25", "killing
# themselves and seven others": the attackers are not counted, as ACLED counts them only when told).
PRE_GAP = re.compile(
    rf"^{TAG}\s*(?:(?:another|an additional|a further|additional|the|off|a total of|(?:him|her|them)sel(?:f|ves) and)\s+)?$",
    re.IGNORECASE,
)
# After a transitive verb, these start an object: "bombers killed 92 people" (the bombers did the killing).
OBJECT = re.compile(r"^\s+(?:\d|(?:a|an|the|his|her|their|its|at least|more than|some|about|dozens|scores|hundreds|several|many|one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.IGNORECASE)
# Between two numbers counted together: "two soldiers and three militants".
NOBODY = re.compile(r"\b(?:nobody|no one|no-one|none)(?:\s+(?:else|of them|of the \w+))?\s*$", re.I)
JOINED = re.compile(r"^(?:\s+[\w'’-]+){0,4}?\s*,?\s*(?:and|as well as|plus|,)\s*$", re.IGNORECASE)
# "Nine fighters of the US-backed Syrian Democratic Forces and 15 militants": a longer gap, only the name of a side
JOINED_BY_A_NAME = re.compile(r"^(?=[^,;]*\b[A-Z])(?:\s+[\w'’-]+){5,8}?\s+and\s*$")
# "killed [a lawmaker] and six others", "killing [him] and five relatives": one person, then the number.
ONE_AND = re.compile(r"\s+(?P<one>him|her|(?:a|an|the|one)\s[^,;]{1,40}?)\s+and\s+", re.IGNORECASE)
# What may follow a casualty verb that ends its clause: "were wounded in", "were wounded, and".
FOLLOWS_VERB = re.compile(r"^\s*(?:$|[,.;:)\-–—]|(?:in|on|at|by|from|to|and|or|after|when|while|during|with|as|near|outside|inside|since|last|yesterday|today|overnight)\b)", re.IGNORECASE)
# After a number: "five of those killed" is part of a count already given.
PART_OF = re.compile(
    r"^\s+of\s+(?:those|them|whom|these|the\s+(?:dead|victims|killed|casualties|injured|wounded|bodies|deceased))\b",
    re.IGNORECASE,
)  # "four of the passengers died" counts four; "five of the dead were children" is part of a count


@dataclass(frozen=True)
class Cue:
    start: int
    end: int
    kind: str
    before: bool  # may come before its number
    after: bool  # may come after its number
    transitive: bool
    toll: bool = False


@dataclass(frozen=True)
class Lexicon:
    cues: tuple[tuple[re.Pattern, str, str, bool, re.Pattern | None], ...]  # (regex, kind, position, transitive, lowered)
    victims: tuple[tuple[re.Pattern, str], ...]
    singles: tuple[tuple[re.Pattern, str, re.Pattern | None], ...]  # (regex, kind, lowered): "the driver was shot dead"
    tolls: dict[str, re.Pattern]  # type -> one regex of all its phrases


def _word_regex(phrases: Iterable[str]) -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % "|".join(f"(?:{p})" for p in phrases), re.IGNORECASE)


def load_lexicon(extra: Iterable[Path] = ()) -> Lexicon:
    cues, victims, singles = [], [], []
    for row in read_rows("casualty_cues", ("phrase", "type"), extra):
        regex = re.compile(rf"\b(?:{row['phrase']})\b", re.IGNORECASE)
        if row["type"] == "cue":
            lowered = compile_for_lowered_text(rf"\b(?:{row['phrase']})\b")
            cues.append((regex, row["kind"], row["position"] or "both", row["transitive"] == "yes", lowered))
        elif row["type"] == "victim":
            victims.append((regex, row["side"]))
        elif row["type"] == "single":
            singles.append((regex, row["kind"], compile_for_lowered_text(rf"\b(?:{row['phrase']})\b")))
    by_type: dict[str, list[str]] = {}
    for row in read_rows("toll_cues", ("phrase", "type"), extra):
        by_type.setdefault(row["type"], []).append(row["phrase"])
    tolls = {kind: _word_regex(phrases) for kind, phrases in by_type.items()}
    return Lexicon(tuple(cues), tuple(victims), tuple(singles), tolls)


# --- finding cues and linking numbers to them ------------------------------------------------------


def find_cues(text: str, lexicon: Lexicon) -> list[Cue]:
    """Casualty words and toll phrases; where two overlap, the longer wins ("shot dead" over "dead")."""
    lowered = lowered_text(text)
    found = [
        Cue(m.start(), m.end(), kind, position != "after", position != "before", transitive)
        for regex, kind, position, transitive, fast in lexicon.cues
        for m in (fast.finditer(lowered) if fast is not None and lowered is not None else regex.finditer(text))
    ]
    toll = lexicon.tolls.get("toll")
    found += [Cue(m.start(), m.end(), "killed", True, False, False, toll=True) for m in toll.finditer(text)] if toll else []
    found.sort(key=lambda c: (c.start - c.end, c.start))
    kept: list[Cue] = []
    for cue in found:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def cue_before(text: str, quantity: Quantity, cues: list[Cue]) -> Cue | None:
    """The casualty word just before the number: "killing at least 13"."""
    earlier = [c for c in cues if c.before and c.end <= quantity.start]
    if earlier and PRE_GAP.match(text[earlier[-1].end : quantity.start]):
        return earlier[-1]
    return None


def cue_after(text: str, quantity: Quantity, cues: list[Cue], quantities: list[Quantity]) -> Cue | None:
    """The casualty word after the number and its noun: "13 soldiers were killed", "seven deaths"."""
    later = [c for c in cues if c.start >= quantity.end]
    if len(later) > 1 and later[1].kind == "killed" and _modifier(text, later[0]):
        later = later[1:]  # "eight displaced Syrians were killed", "refugees who had fled X were killed"
    if not later or not later[0].after:
        return None
    cue = later[0]
    between = [q for q in quantities if quantity.end <= q.start < cue.start and not _inside_phrase(text, q)]
    gap = text[quantity.end : cue.start]
    if POST_GAP.match(gap) is None or between:
        return None
    passive = PASSIVE.search(text[: cue.start]) is not None
    if len(gap.split()) > SHORT_GAP and not passive:
        return None
    active = cue.transitive and not passive and OBJECT.match(text[cue.end :])
    return None if active else cue


def _inside_phrase(text: str, quantity: Quantity) -> bool:
    """A number within the counted phrase ("members of two rival groups", "including a child") blocks nothing."""
    return quantity.subset or quantity.article or re.search(r"\bof\s+$", text[: quantity.start]) is not None


def _modifier(text: str, cue: Cue) -> bool:
    """A non-lethal word used before the noun or with an object ("displaced Syrians", "fled the war")."""
    return cue.kind != "killed" and not FOLLOWS_VERB.match(text[cue.end :])


def link(text: str, quantities: list[Quantity], cues: list[Cue], lexicon: Lexicon) -> dict[int, Cue]:
    """Quantity index -> its casualty word; sums ("two soldiers and three militants") share one word.
    May mark subsets in ``quantities`` and add the unnumbered one of "killed a judge and seven others"."""
    links: dict[int, Cue] = {}
    _spread_subsets(text, quantities)
    for i, quantity in enumerate(quantities):
        cue = cue_before(text, quantity, cues) or cue_after(text, quantity, cues, quantities)
        if cue is not None and (not quantity.article or _names_victim(text, quantity, cue, lexicon)):
            links[i] = cue
    for i in reversed(range(len(quantities) - 1)):  # "two soldiers and [three militants were killed]"
        _join(text, quantities, cues, links, i, i + 1, lexicon)
    for i in range(1, len(quantities)):  # "[killing five soldiers] and three civilians"
        _join(text, quantities, cues, links, i, i - 1, lexicon)
    _one_and_others(text, quantities, cues, links)
    _drop_inner(text, quantities, links)
    return {i: cue for i, cue in links.items() if _counts(text, quantities[i], cue)}


def _spread_subsets(text: str, quantities: list[Quantity]) -> None:
    """"including three women and two children": the two are part of the count too."""
    for i in range(1, len(quantities)):
        previous = quantities[i - 1]
        if previous.subset and JOINED.match(text[previous.end : quantities[i].start]):
            quantities[i] = replace(quantities[i], subset=True)


def _drop_inner(text: str, quantities: list[Quantity], links: dict[int, Cue]) -> None:
    """"Eleven members of an Afghan family were killed": "an" is inside the counted phrase, not a count."""
    previous: dict[Cue, int] = {}
    for i in sorted(links, key=lambda k: quantities[k].start):
        cue, quantity = links[i], quantities[i]
        if cue.start < quantity.end:
            continue
        if cue in previous and not _joined(text[quantities[previous[cue]].end : quantity.start]):
            del links[i]
            continue
        previous[cue] = i


def _one_and_others(text: str, quantities: list[Quantity], cues: list[Cue], links: dict[int, Cue]) -> None:
    """"killed a lawmaker and six others", "killing him and five relatives": one more, on the same word."""
    for i, quantity in enumerate(list(quantities)):
        earlier = [c for c in cues if c.before and c.end <= quantity.start]
        if i in links or not earlier:
            continue
        one = ONE_AND.fullmatch(text, earlier[-1].end, quantity.start)
        if one is None:
            continue
        links[i] = earlier[-1]
        if not any(one.start("one") <= quantities[k].start < one.end("one") for k in links):  # "a" already counted
            quantities.append(Quantity(one.start("one"), one.end("one"), one.group("one"), 1, 1, 1))
            links[len(quantities) - 1] = earlier[-1]


def _join(text: str, quantities: list[Quantity], cues: list[Cue], links: dict[int, Cue], i: int, neighbour: int,
          lexicon: Lexicon) -> None:
    if i in links or neighbour not in links:
        return
    if quantities[i].article and neighbour < i and not _closes_sum(text, quantities[i], lexicon):
        return  # "a" opens a sum ("a tribal elder and six relatives were killed"), or closes one with a person
    left, right = sorted((quantities[i], quantities[neighbour]), key=lambda q: q.start)
    gap = text[left.end : right.start]
    opens = quantities[i].article and neighbour > i
    if opens and not (gap.rstrip().endswith("and") and _side_word(gap, lexicon) is not None):
        return  # "a house and eight people": only "a <person> and" opens a sum
    if _joined(gap) and not any(left.end <= c.start < right.start for c in cues):
        links[i] = links[neighbour]


def _joined(gap: str) -> bool:
    return bool(JOINED.match(gap) or JOINED_BY_A_NAME.match(gap))


def _closes_sum(text: str, quantity: Quantity, lexicon: Lexicon) -> bool:
    """ "two soldiers and a civilian": "and a" followed at once by a person."""
    before = text[max(0, quantity.start - 6) : quantity.start]
    after = " ".join(text[quantity.end :].split()[:3])
    return before.rstrip().lower().endswith("and") and _side_word(after, lexicon) is not None


def _names_victim(text: str, quantity: Quantity, cue: Cue, lexicon: Lexicon) -> bool:
    """'a' counts as one only when a victim noun follows: "a soldier was killed", not "a bomb killed"."""
    phrase = text[quantity.end : cue.start] if cue.start > quantity.end else text[quantity.end : quantity.end + 40]
    return _side_word(phrase, lexicon) is not None


def _counts(text: str, quantity: Quantity, cue: Cue) -> bool:
    """Not a part of a count given before: "including five children", "five of those killed"."""
    part_of = cue.start >= quantity.end and PART_OF.match(text[quantity.end :])
    return not quantity.subset and not part_of


# --- sides, scope, attribution --------------------------------------------------------------------


def _side_word(phrase: str, lexicon: Lexicon) -> str | None:
    """The side of the first victim noun in the phrase: "" for a person of no stated side, None for no noun."""
    hits = [(m.start(), -len(m.group()), side) for regex, side in lexicon.victims for m in [regex.search(phrase)] if m]
    return min(hits)[2] if hits else None


def counted_phrase(text: str, quantity: Quantity, cue: Cue) -> tuple[int, int]:
    """Offsets of the words naming who was counted: between number and word, or just after the number."""
    if cue.start >= quantity.end:
        return quantity.end, cue.start
    tail = re.match(r"(?:\s+(?!and\b|in\b|at\b|on\b|when\b|as\b|after\b)[\w'’-]+){0,4}", text[quantity.end :])
    return quantity.end, quantity.end + tail.end()


def side_of(doc: AnalyzedArticle, sentence: Sentence, bounds: tuple[int, int], lexicon: Lexicon) -> str | None:
    start, end = (sentence.span.start + b for b in bounds)
    for actor in doc.actors:
        if start <= actor.span.start and actor.span.end <= end and actor.known and not actor.generic:
            return actor.name
    return _side_word(sentence.span.text[bounds[0] : bounds[1]], lexicon) or None


CLAUSE_BREAK = re.compile(r",\s|;\s|\s[-–—]+\s")


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding text[start:end], with a short lead-in clause ("So far, ...") before it."""
    breaks = [(m.start(), m.end()) for m in CLAUSE_BREAK.finditer(text)]
    before = [b for b in breaks if b[1] <= start]
    left = before[-1][1] if before else 0
    if before and len(text[before[-2][1] if len(before) > 1 else 0 : before[-1][0]].split()) <= 4:
        left = before[-2][1] if len(before) > 1 else 0
    right = next((b[0] for b in breaks if b[0] >= end), len(text))
    return left, right


def scope_of(cue: Cue, clause: str, one_day: bool, lexicon: Lexicon) -> str:
    """cumulative for a campaign's running toll; event when the clause names one incident or day."""
    def has(kind: str) -> bool:
        return kind in lexicon.tolls and lexicon.tolls[kind].search(clause) is not None

    if has("campaign"):
        return "cumulative"
    if (cue.toll or has("running")) and not (has("incident") or one_day):
        return "cumulative"
    return "event"


class FatalitiesStage:
    name = "fatalities"
    reads = ("sentences", "actors", "dates")
    writes = ("counts", "attributions")

    def __init__(self, finder: QuantityFinder, lexicon: Lexicon, attribution: AttributionFinder):
        self.finder = finder
        self.lexicon = lexicon
        self.attribution = attribution

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        counts: list[CountMention] = []
        attributions: list[Attribution] = []
        for index, sentence in enumerate(doc.sentences):
            claims = self.attribution.find(sentence, index)
            attributions += claims
            found = self.sentence_counts(doc, index, sentence, claims)
            if self._continues_a_toll(doc, index, sentence, found, counts):
                found = [replace(c, scope="cumulative") for c in found]
            counts += found
        return replace(doc, counts=tuple(counts), attributions=tuple(attributions))

    def _continues_a_toll(self, doc: AnalyzedArticle, index: int, sentence: Sentence,
                          found: list[CountMention], earlier: list[CountMention]) -> bool:
        """ "At least 452 have been killed since the offensive began. The monitor counted 274 militants, 153
        fighters and 25 civilians among the dead.": the second sentence breaks the toll down; it names no
        incident and no day of its own."""
        before = [c for c in earlier if c.sentence == index - 1 and c.kind == "killed"]
        if not found or not before or any(c.scope != "cumulative" for c in before):
            return False
        incident = self.lexicon.tolls.get("incident")
        own_day = any(d.sentence == index for d in doc.dates)
        return not own_day and not (incident and incident.search(sentence.span.text))

    def sentence_counts(self, doc: AnalyzedArticle, index: int, sentence: Sentence,
                        claims: list[Attribution]) -> list[CountMention]:
        text = sentence.span.text
        quantities = self.finder.find(text)
        # no number, nothing to link: most sentences give none, and the casualty words are many patterns
        links = link(text, quantities, find_cues(text, self.lexicon), self.lexicon) if quantities else {}
        # A toll dated to one day is that day's; an unresolved date (no publication date) may be one day too.
        days = [(d.span.start - sentence.span.start, d.time_precision) for d in doc.dates if d.sentence == index]
        found = []
        for i, cue in sorted(links.items(), key=lambda item: quantities[item[0]].start):
            quantity = quantities[i]
            start = sentence.span.start + quantity.start
            side = side_of(doc, sentence, counted_phrase(text, quantity, cue), self.lexicon)
            left, right = clause_around(text, min(quantity.start, cue.start), max(quantity.end, cue.end))
            one_day = any(left <= at < right and precision in (1, None) for at, precision in days)
            found.append(CountMention(
                Span(start, start + len(quantity.text), quantity.text), index, cue.kind,
                quantity.low, quantity.best, quantity.high, scope_of(cue, text[left:right], one_day, self.lexicon),
                side, nearest_claim(claims, start),
            ))
        return found + self.singular_counts(doc, index, sentence, claims, {c.kind for c in found})

    def singular_counts(self, doc: AnalyzedArticle, index: int, sentence: Sentence,
                        claims: list[Attribution], counted: set[str]) -> list[CountMention]:
        """One person per kind, from "X was shot dead", when the sentence gives no number of that kind."""
        text, found = sentence.span.text, []
        lowered = lowered_text(text)
        for regex, kind, fast in self.lexicon.singles:
            if kind in counted:
                continue
            match = fast.search(lowered) if fast is not None and lowered is not None else regex.search(text)
            if match is None or NOBODY.search(text[: match.start()]):  # "Nobody was killed"
                continue
            counted.add(kind)
            start = sentence.span.start + match.start()
            before = (max(0, match.start() - 50), match.start())
            words = text[match.start() : match.end()]
            found.append(CountMention(
                Span(start, start + len(words), words), index, kind, 1, 1, 1,
                "event", side_of(doc, sentence, before, self.lexicon), nearest_claim(claims, start),
            ))
        return found


def nearest_claim(claims: list[Attribution], offset: int) -> str | None:
    if not claims:
        return None
    return min(claims, key=lambda c: abs(c.span.start - offset)).reported_by


@lru_cache(maxsize=8)
def _cached_stage(extra: tuple[Path, ...]) -> FatalitiesStage:
    finder = QuantityFinder(load_count_words(extra))
    return FatalitiesStage(finder, load_lexicon(extra), AttributionFinder(load_attribution(extra)))


def build(settings: Settings) -> FatalitiesStage:
    return _cached_stage(tuple(settings.knowledge_paths))
