"""Stage `places`: toponyms in each sentence, resolved to gazetteer places, with the event relation.

Reads: sentences, actors
Writes: places (one PlaceMention per toponym: span, Place or None, relation, ACLED geo_precision,
        UCDP where_prec)
Settings: cache_dir (gazetteer index), knowledge_paths (``place_variants*``, ``place_spelling*``,
          ``place_relations*``, ``demonyms*``, ``admin_units*``, ``site_words*``, ``not_places*``,
          ``regions*``, ``nationality_places*`` files: see ``place_knowledge.py``)

Candidates are spaCy GPE/LOC/FAC entities plus capitalised name sequences spaCy missed ("Al-Shafah"),
never words inside an actor's name ("Deir ez-Zor Military Council") nor demonyms ("Syrian"). The
article's countries come from its actors, demonyms and unambiguous place names; they restrict loose
matches and break ties. Among a name's candidates the one in the article's countries, in the admin area
the text names ("X, Deir ez-Zor province"), near the article's other places, and most populous wins.
"near X", "east of X", "the countryside of X" -> geo_precision 2; an admin area or country -> 3.
A village the gazetteer lacks, with an admin area named in its sentence -> that area, relation "within".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..gazetteer import MIN_LOOSE_KEY, Gazetteer, spelled_alike, spelling_similarity
from ..gazetteer.names import exact_key, loose_key
from ..records import AnalyzedArticle, Place, PlaceMention, Sentence, Span
from ..settings import Settings
from .place_knowledge import DATELINE, PATRON, PATRON_OF, PlaceKnowledge, Relation

ENTITY_LABELS = {"GPE", "LOC", "FAC"}
NAME_LABELS = {"ORG", "PERSON", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}  # the small model calls Harare an ORG
NAME_SEQUENCE = re.compile(
    # "Ma'arrat al-Nu'man" keeps its apostrophes; "Baghdad's Tahrir Square" stops at the possessive
    r"(?<![\w-])(?:(?:al|el|ar|as|ash|ad|az|ez|an|at)-)?[A-Z]\w*(?:['’](?!s\b)\w+)*(?:-[A-Za-z]\w*(?:['’](?!s\b)\w+)*)*"
    # "at", "as", "an" between names are English ("a Market at Makeen") unless hyphenated ("Ras al-Ain", "Bab at-Tabbaneh")
    r"(?:\s+(?:(?:al|el|ar|ash|ad|az|ez|de|del|la|da|do|dos|das|di|du)[-\s]+|(?:as|an|at)-)?[A-Z]\w*(?:['’](?!s\b)\w+)*(?:-[A-Za-z]\w*)*)*"
)
# ACLED geo_precision and UCDP where_prec by feature; a sea or a region beyond one country is UCDP 7
PRECISION_BY_FEATURE = {"city": (1, 1), "site": (1, 1), "area": (2, 2), "admin2": (2, 3), "admin1": (3, 4), "country": (3, 6), "region": (3, 7)}
# places known only near home: a village, an airport or an island of the story's countries, not of anywhere
LOCAL_FEATURES = ("city", "site", "area")
ADMIN_FEATURES = ("admin1", "admin2")
CAPITAL_APPOSITION = re.compile(r",\s+(?:the\s+(?:[A-Z][\w'-]+\s+){1,3}(?:[Ss]tate\s+|[Pp]rovincial\s+|[Rr]egional\s+)?capital|(?:the\s+)?capital\s+of)\b")
VILLAGE_SUFFIX = re.compile(r"\s+(?:village|town|city|camp)$", re.I)
VILLAGE_AFTER = re.compile(r"\s+(?:villages?|hamlets?)\b(?!\s+of\b)")  # not "the Niger village of Abadam"
NEAR_KM = 300
MINOR_VOTES = 1  # a country a demonym or a place name stands for is one the story also tells of
MINOR_OVER_HOME = 4  # ...and its town beats namesakes of the story's own countries this many times smaller
DISTRICT_KM = 60  # a town this close to the centroid of the district named beside it lies in it
# the dash may have reached us as U+FFFD, a dash some page decoded wrongly ("BEIRUT (AP) �")
# "SOUTH WAZIRISTAN, April 5 (APP):" and "MEXICO CITY (AP) Mexico's Senate" too
# "JOS, Nigeria, Jan 25, 2024 (AFP) -": a country, a day and a year may come between the place and the agency
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Za-z.]+(?:\s+\d{1,2})?(?:,\s*\d{4})?){0,2}\s*(?:\([^)]{1,40}\)\s*(?:[:–—\-\ufffd]|(?=[A-Z]))|[–—\-\ufffd])")
CAPITAL_OVER_LOCAL = 50  # a foreign capital beats a local namesake this many times smaller
CAPITAL_AT_HOME = 10  # the story's own capital beats its country's namesakes this many times smaller
LEADING_WORD = re.compile(r"^(?:the|The|In|At|On|From|Near|Outside|Inside|Across|Around|Along|Throughout|Elsewhere in|Meanwhile in|Back in|After|Before|Since|Unlike|Like|Beyond|Besides|Including|Except|Even|Only|Then|While|When|Where|Both|With|Without|For|Against)\s+")
COMPASS_PART = re.compile(r"(?i:(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?|central|upper|lower|greater)\s+(?=[A-Z])")
HYPHENATED_NAMES = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)+\b")
MIN_PART = 4  # a hyphenated name's parts shorter than this are articles or initials ("Al-Bukamal"), not places
ROAD_AFTER = re.compile(r"\s+(?:road|highway|motorway|route|axis|corridor)\b", re.I)
ROAD_BETWEEN = re.compile(r"-[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)?\s+(?i:road|highway|motorway|route|axis|corridor)\b")
BASED_IN = re.compile(r"-(?:based|born|bred|headquartered|controlled|held|administered|occupied)$")
SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?)\s+[A-Z]")
SAINT_BEFORE = re.compile(r"\b(?:St|Ste|Saint)\.?\s+$")
# "Žilina, Nitra, Prešov and Košice": what joins the names of one list
LIST_JOINER = re.compile(r"\s*(?:,|/|,?\s+(?:and|or|&))\s*")
PLACES_NAMED = re.compile(r"\b(?:(?:villages|towns|cities|districts|provinces|regions|localities|communities|camps|neighbou?rhoods) of (?:the )?|between )$", re.I)
# "the southern English city of Salisbury", "the Syrian border town of Abu Kamal": the country says whose town it is
COUNTRY_TOWN_OF = re.compile(r"\b([A-Z][a-z]+)\s+(?:(?:border|port|coastal|desert|oil|frontier|northern|southern|eastern|western|central)\s+)?(?:city|town|village|port|province|region|capital|district)\s+of\s+$")
CITY_WORD = re.compile(r" city\b", re.I)
LOWER_WORDS_AFTER = re.compile(r"\s+([a-z]+(?:\s+[a-z]+){0,2})")  # "air base", "refugee camp", "international airport"
APPOSITION = re.compile(r",\s+an?\s+(\w+(?:\s+\w+)?)\s+(?:town|village|city|district|province|region|border town|port)\b")
FAMOUS = 100_000  # population above which a place may be named without its country
KNOWN_TOWN = 1_000  # with no country known at all, smaller places are too likely look-alikes
LOOK_ALIKE_TOWN = 5_000  # with no country known, a transliterated name is trusted only for a town this large
ALIAS_VOTE = 0.5  # a name matched only among a place's other names says less about the story's country
ANYWHERE_SIMILARITY = 0.85  # Mahmoudiya/Mahmudiyah 0.9; Dargai/Daraga 0.83 is too far for a guess abroad
PROVINCE_ANYWHERE_SIMILARITY = 0.8  # "Zabol Province"/Zabul 0.8; Katanga/Katanning 0.75
DWARFS = 10  # ...and only when it is this many times larger than its look-alikes abroad
NAMES_CACHED = 65_536  # names whose places the stage remembers
MIN_LOOK_ALIKE_ABROAD = 6  # letters a name needs before a famous city abroad spelled like it is taken for it
IN_A_NAME = re.compile(r"\b[A-Z][a-z]+(?= [A-Z])")  # "French" of "French Quarter"
NATIONAL_SPEAKERS = re.compile(r"\b([A-Z][a-z]+)\s+(?:local\s+)?(?:officials?|authorities|police|governors?|prosecutors?|emergency services|rescuers|health ministry|interior ministry)\b")
FOREIGNERS = re.compile(r"\b[A-Z][a-z]+\s+(?:nationals?|citizens?|tourists?|pilgrims?|refugees?|migrants?|expatriates?|engineers?|workers?"
                        r"|diplomats?|ambassador|embassy|consulate|journalists?|hostages?|aid workers?|traders?)\b")
INSTITUTION_AFTER = re.compile(r"\s+(?:police|detectives|firefighters|city council|county sheriff|grand jury)\b")
# too common before people's names to make an unknown word a village: "travelling to X"
HEADED_TO = re.compile(r"\b(?:to|via|towards?)\s+$")
# what is done to a place: "shelled Maarat al-Numan", "recaptured Ansongo" (a town the story's countries have, even
# spelled otherwise)
ATTACKED = re.compile(r"\b(?:shelled|bombed|bombarded|besieged|stormed|overran|recaptured|captured|seized|struck|pounded|hit|targeted|attacked|raided)\s+$")
HEADLINE_WORDS = 4  # an unknown capitalised run this long is a title-case headline, not a village
SITE_LOOKBACK = 2  # sentences back to the town a site's sentence or the one before it names
WORLD_CITY = 1_000_000  # such a city abroad beats a namesake of the story's country CAPITAL_OVER_LOCAL times smaller


@dataclass(frozen=True, eq=False)  # each found once: hashed by identity, cheaply, as a key of every choice
class Toponym:
    span: Span
    sentence: int
    from_entity: bool
    admin_word: bool  # followed by "province", "governorate"...
    place_context: bool = False  # "in X", "the village of X", "X village": the text says it is a place
    name_like: bool = False  # a name by its place in the sentence or by the model (any label), not a person's
    person_word: bool = False  # a word of someone's full name in the article ("Riva" after "Paul Riva")
    in_a_name: bool = False  # inside what the model calls a person or an organisation ("the House of Representatives")
    name: str = ""  # the words without their unit: "Kalat" of "Kalat district"
    unit_countries: frozenset[str] = frozenset()  # a "Local Government Area" is Nigerian
    city_said: bool = False  # "Benin, the Edo State capital": a town, not the country of that name
    below_province: bool = False  # "Udi LGA", "Kalat tehsil": a unit never as large as a province
    headed_to: bool = False  # "travelling to X", "via X": a place when a town of the story is named so
    attacked: bool = False  # "shelled X", "captured X and Y": a place when a town of the story is spelled so
    after_comma: bool = False  # "Tacoma, Washington": may be the state or country of the town before it
    institution: bool = False  # "Vancouver" of "Vancouver Police": a place only under its own name
    given: bool = False  # someone else marked it a toponym: a place the gazetteer knows by the name beats none
    list_start: int = -1  # where the list it is written in begins ("Oregon, Washington and Idaho"), -1 outside one
    nationality: bool = False  # "the Turkish border": a nationality naming its country (already counted as one)


@dataclass(frozen=True)
class _Rivals:
    """What a toponym's candidates tell about each other, as each is scored."""

    local_towns: list[int]  # populations of its towns in the story's countries, largest first
    hamlets_at_home: bool  # the story's countries have no unit and no town of any size so named
    vouched: tuple[Place, ...]  # towns abroad the text vouches for ("Klamath Falls, Oregon"; Manchester, England)
    states_so_named: frozenset  # (iso3, admin1) of the provinces the article names by this name
    provinces: frozenset = frozenset()  # (iso3, admin1) of the provinces among its candidates


@dataclass(frozen=True)
class _Around:
    """What the other toponyms were resolved to, as one toponym's candidates are scored against it."""

    admins: frozenset[tuple[str, str | None]]  # ("admin1", "Borno"), ("admin2", "Cavite") named in its sentence
    districts: tuple[Place, ...]  # second-level areas named in its sentence
    towns: tuple[Place, ...]  # towns anywhere in the article
    town_before: Place | None = None  # "Tacoma, Washington": the town this toponym may be the state of
    listed_kinds: frozenset[str] = frozenset()  # what the places listed with it are: "Oregon, Washington and Idaho" are states

    @classmethod
    def of(cls, toponym: Toponym, chosen: dict[Toponym, Place]) -> _Around:
        chosen = {t: p for t, p in chosen.items() if t is not toponym}
        beside = [p for t, p in chosen.items() if t.sentence == toponym.sentence and p.feature in ADMIN_FEATURES]
        before = [p for t, p in chosen.items() if toponym.after_comma and 2 <= toponym.span.start - t.span.end <= 3 and p.feature == "city"]
        listed = [p for t, p in chosen.items() if toponym.list_start >= 0 and t.list_start == toponym.list_start]
        return cls(
            frozenset((p.feature, p.admin1 if p.feature == "admin1" else p.admin2) for p in beside),
            tuple(p for p in beside if p.feature == "admin2"),
            tuple(p for p in chosen.values() if p.feature == "city"),
            before[0] if before else None,
            frozenset(p.feature for p in listed),
        )

    def holds_town_before(self, place: Place) -> bool:
        town = self.town_before
        if town is None or place.iso3 != town.iso3:
            return False
        return place.feature == "country" or (place.feature == "admin1" and place.admin1 == town.admin1)


class PlacesStage:
    name = "places"
    reads = ("sentences", "actors")
    writes = ("places", "country")

    def __init__(self, gazetteer: Gazetteer, knowledge: PlaceKnowledge):
        self.gazetteer = gazetteer
        self.units = knowledge.units
        self.site_words = knowledge.site_words
        self.road_words = knowledge.road_words
        self.capitals = knowledge.capitals
        self.not_places = knowledge.not_places
        self.regions = knowledge.regions
        self.region_adjectives = knowledge.region_adjectives
        self.relations = knowledge.relations
        self.relations_after_first = sorted(self.relations, key=lambda r: not r.after)
        # most toponyms have no relation: one search over all the patterns tells so before trying each in order
        self.any_relation_before = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in self.relations if not r.after) or "(?!)", re.I)
        self.any_relation_after = re.compile("|".join(f"(?:{r.pattern.pattern})" for r in self.relations if r.after) or "(?!)", re.I)
        self.demonyms = knowledge.demonyms
        self.nationality_places = knowledge.nationality_places
        self.iso2 = knowledge.iso2
        words = "|".join(sorted((re.escape(d) for d in self.demonyms), key=len, reverse=True))
        # "the Afghan capital", "Somalia's capital", "the Bangladesh capital"
        self.capital_phrase = re.compile(rf"\b(?:(?P<demonym>(?i:{words}))|(?P<country>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?:['’]s)?) capital\b") if words else None
        self._named_ids = lru_cache(maxsize=NAMES_CACHED)(self._places_so_named)

    def __call__(self, doc: AnalyzedArticle) -> AnalyzedArticle:
        names = doc_names(doc)
        toponyms = [t for i, s in enumerate(doc.sentences) for t in self.toponyms(doc, s, i, names)]
        mentions, countries = self._resolve(doc, toponyms)
        return replace(doc, places=tuple(m for m in mentions if m is not None), country=self._country_of_people(doc, countries))

    def resolve_spans(self, doc: AnalyzedArticle, spans: list[tuple[int, int]]) -> list[PlaceMention]:
        """Geocoding alone: resolve toponyms found elsewhere (an annotator, another model), one mention
        per span in order, unresolved ones with no place. The toponyms this stage finds elsewhere in the
        article are read as context ("Portland, Maine" before a given "Portland") but not returned; a span
        "Springfield, Illinois" is Springfield, in Illinois."""
        names = doc_names(doc)
        parts = [self._given_parts(doc, start, end, names) for start, end in spans]
        given = [p[0] if p else None for p in parts]
        context = [t for i, s in enumerate(doc.sentences) for t in self.toponyms(doc, s, i, names) if not _overlaps(t.span.start, t.span.end, spans)]
        toponyms = sorted({t for p in parts for t in p} | set(context), key=lambda t: t.span.start)
        mentions, _ = self._resolve(doc, toponyms, keep_unknown=True)
        by_toponym = dict(zip(toponyms, mentions))
        return [replace(by_toponym[t], span=Span(a, b, doc.article.text[a:b])) if t is not None
                else PlaceMention(Span(a, b, doc.article.text[a:b]), -1, None, None, 3, 7)
                for t, (a, b) in zip(given, spans)]

    def _given_parts(self, doc: AnalyzedArticle, start: int, end: int, names: DocNames) -> list[Toponym]:
        """A given span as toponyms: its head first, then what a comma adds ("Washington, D.C.")."""
        text = doc.article.text[start:end]
        cut = text.find(", ")
        pieces = [(start, end)] if cut <= 0 else [(start, start + cut), (start + cut + 2, end)]
        found = [self._given_toponym(doc, a, b, names) for a, b in pieces]
        return [t for t in found if t is not None] if found[0] is not None else []

    def _resolve(self, doc: AnalyzedArticle, toponyms: list[Toponym], keep_unknown: bool = False) -> tuple[list[PlaceMention | None], tuple[str, ...]]:
        candidates = {t: self._candidates(t) for t in toponyms}
        votes = self._country_votes(doc, candidates)
        countries = self.article_countries(doc, candidates, votes)
        if not countries:  # "a market in the town of Mahmoudiya": no country named, one town spelled so
            for toponym in toponyms:
                if not candidates[toponym] and (toponym.place_context or toponym.from_entity):
                    candidates[toponym] = self._only_look_alike_town(toponym)
            votes = self._country_votes(doc, candidates)
            countries = self.article_countries(doc, candidates, votes)
        for toponym in toponyms:
            # "al-Baghdadi" in an Iraqi story: Iraq's al-Baghdadi, not Baghdadeh in Iran
            said_to_be_a_place = (toponym.from_entity or toponym.place_context or toponym.attacked) and not toponym.institution
            said_to_be_a_place = said_to_be_a_place and not toponym.span.text.islower()  # a given "bakery" is no Bakir
            at_home = [p for p in candidates[toponym] if _cc(self, p) in countries]
            # "Hawija" alone is the town of Al Hawijah more than the district named after it
            only_districts = not toponym.admin_word and at_home and all(p.feature == "admin2" for p in at_home)
            if countries and said_to_be_a_place and (not at_home or only_districts):
                towns = self.gazetteer.look_alikes(toponym.name, countries)
                candidates[toponym] = candidates[toponym] + [p for p in towns if not only_districts or p.feature == "city"]
        minor = self.minor_countries(votes, countries)
        chosen = _one_place_per_name(toponyms, self.disambiguate(toponyms, candidates, countries, minor))
        chosen = _inside_the_area_said(doc.article.text, toponyms, _as_far_as_said(doc.article.text, toponyms, chosen))
        chosen = _quarters_near_their_city(doc.article.text, toponyms, chosen)
        mentions = [self._mention(doc, t, chosen.get(t), chosen) for t in toponyms]
        if keep_unknown:  # a span given as a toponym stays one, with no place
            mentions = [m or PlaceMention(t.span, t.sentence, None, None, 3, 7) for t, m in zip(toponyms, mentions)]
        return mentions, countries

    # --- finding toponyms -------------------------------------------------------------------------

    def toponyms(self, doc: AnalyzedArticle, sentence: Sentence, index: int, names: DocNames | None = None) -> list[Toponym]:
        text, offset = sentence.span.text, sentence.span.start
        taken = [(a.span.start, a.span.end) for a in doc.actors if a.sentence == index]
        names = names or doc_names(doc)
        found: list[Toponym] = []
        spans = [(e.span.start, self._with_rest_of_name(doc.article.text, e.span.start, e.span.end), True)
                 for e in sentence.entities if e.label in ENTITY_LABELS]
        entity_starts = {start for start, _, _ in spans}
        spans += [(_after_first_word(offset, m, entity_starts), offset + m.end(), False) for m in NAME_SEQUENCE.finditer(text)]
        if self.capital_phrase and "capital" in text:  # "the Afghan capital" is Kabul
            spans += [(offset + m.start(), offset + m.end(), True) for m in self.capital_phrase.finditer(text)]
        # "TORONTO -", "SAN DIEGO (AP) —": a dateline names a place even when the model calls it an ORG
        spans += [(offset + m.start(1), offset + m.end(1), True) for m in DATELINE_NAME.finditer(text)]
        # "OKLAHOMA CITY The Latest on...", "Associated Press WASHINGTON (AP) -": a large city in capitals
        datelines = [(offset + m.start(m.lastindex), offset + m.end(m.lastindex), True) for m in LOOSE_DATELINE.finditer(text)
                     if self._big_place_named(m.group(m.lastindex))] if index < DATELINE_SENTENCES or "\n" in text else []
        # a run of capitalised words ends where a dateline begins ("Associated Press | WASHINGTON")
        cut = {a: min([d for d, _, _ in datelines if a < d < b] or [b]) for a, b, flag in spans if not flag}
        spans = [(a, a + len(doc.article.text[a : cut[a]].rstrip()), flag) if not flag else (a, b, flag) for a, b, flag in spans]
        spans += datelines
        ordered = sorted(self._split_compounds(doc.article.text, spans, entity_starts), key=lambda s: (s[0], not s[2], -s[1]))
        for start, end, from_entity in _with_tails(doc.article.text, ordered):
            words, institution = self._before_institution(doc.article.text[start:end])
            words = BASED_IN.sub("", self._without_trailing_non_places(words))  # "the Kent-based team"
            end = start + len(words)
            start, words = _strip_the(start, words)
            if VILLAGE_SUFFIX.search(words) and not self.gazetteer.candidates(words):  # "Hajin town", not "Cape Town"
                words = VILLAGE_SUFFIX.sub("", words)
            end = start + len(words)
            words, end = self._with_city_word(doc.article.text, start, end, words)
            words, end = self._with_site_word(doc.article.text, start, end, words)
            if doc.article.text[end : end + 1] == "." and self.gazetteer.is_abbreviation(words + "."):
                words, end = words + ".", end + 1  # "Miss." the state; the name runs stop before dots
            # "U.S." in "U.S. officials" (an actor too); "EU" (a region)
            known_variant = self.gazetteer.variant(words) is not None or exact_key(words) in self.regions
            following, preceding = doc.article.text[end : end + 30], doc.article.text[max(0, start - 30) : start]
            # not "A" of "A man"; nor "NY1" or "Super Bowl 52", whose digits the name keys would drop; nor the
            # model's "naira" ("millions of naira"): a place's name is written capitalised
            if len(words) < 2 or words.islower() or DIGIT.search(words) or self._adjective(words) or self.not_places.exclude(words, following, preceding):
                continue
            if self._names_a_road(words, following) or self._owner_of_a_site(words, following):
                continue
            saint = SAINT_BEFORE.search(preceding)
            if saint and (following.startswith(("'s", "’s")) or not self.gazetteer.candidates(saint.group() + words)):
                continue  # "Mary" of "St. Mary's High School": a saint, not Mary in Turkmenistan
            if saint:  # "Louis" of "St. Louis"
                start, words = start - len(saint.group()), saint.group() + words
            if _overlaps(start, end, taken) and not known_variant:
                continue
            if _acronym(words) and not known_variant and not (from_entity and len(words) > 3) and not self._big_place_named(words):
                continue  # "APC", "TASS", "MoD": not the Hungarian town of Apc (but "D.C.", and "SEOUL" in a dateline)
            if any(t.span.start <= start < t.span.end for t in found):
                continue
            found.append(self._describe(doc, index, Span(start, end, words), from_entity, institution, names))
        found += self._nationalities_as_places(doc, sentence, index, names, found)
        return _with_list_context(doc.article.text, sorted(found, key=lambda t: t.span.start), self._vouches_for_a_list)

    def _nationalities_as_places(self, doc: AnalyzedArticle, sentence: Sentence, index: int, names: DocNames, found: list[Toponym]) -> list[Toponym]:
        """ "near the Turkish border", "on Iraqi soil": the nationality names its country."""
        if self.nationality_places is None:
            return []
        nationalities = []
        for match in self.nationality_places.finditer(sentence.span.text):
            start, end = sentence.span.start + match.start(1), sentence.span.start + match.end(1)
            if any(t.span.start < end and start < t.span.end for t in found):
                continue
            toponym = self._describe(doc, index, Span(start, end, match.group(1)), True, False, names)
            nationalities.append(replace(toponym, name=self._named_by_adjective(toponym.name), nationality=True))
        return nationalities

    def _describe(self, doc: AnalyzedArticle, index: int, span: Span, from_entity: bool, institution: bool, names: DocNames) -> Toponym:
        """What the words around a toponym say of it."""
        start, end, words = span.start, span.end, span.text
        entities = doc.sentences[index].entities
        named = {(e.span.start, e.span.end) for e in entities if e.label in NAME_LABELS}
        people = [(e.span.start, e.span.end) for e in entities if e.label == "PERSON"]
        bodies = [(e.span.start, e.span.end) for e in entities if e.label == "ORG"]
        after, before = doc.article.text[end : end + 30], doc.article.text[max(0, start - 25) : start]
        # the unit word of a two-word institution after the name is the institution's ("District Court")
        courts = institution and any(after.lstrip().lower().startswith(i) for i in self.not_places.institutions if " " in i)
        unit = None if courts else self.units.find(before, words, after)
        toponym = Toponym(Span(start, end, words), index, from_entity, unit is not None, name=self.units.bare(words),
                          unit_countries=self.units.countries_of(unit) if unit else frozenset(),
                          below_province=bool(unit) and self.units.is_below_province(unit))
        context = toponym.admin_word or self._looks_like_a_village(doc.article.text, toponym)
        # "flights between Harare and London" (Harare tagged ORG): a name, not a sentence's first word
        # "Douma is surrounded...": a sentence's first word is a name when the article writes it so mid-sentence
        person = names.of_a_person(words, start, end, context)
        institution = institution or bool(INSTITUTION_AFTER.match(doc.article.text, end))  # "Berea police said"
        name_like = ((start, end) in named or start > doc.sentences[index].span.start or words in names.mid_sentence or institution) and not person
        # "Benin, the Edo State capital", "Sabon Gari village": a town, not the country or the district so named
        city_said = bool(CAPITAL_APPOSITION.match(doc.article.text, end) or VILLAGE_AFTER.match(doc.article.text, end))
        # the model calls places people or organisations often enough ("Klamath Falls", "Dasheesha"): only
        # a part of a longer name, or a longer run around a person's name ("President Donald Trump"), counts
        in_a_name = any((a, b) != (start, end) and (a <= start and end <= b or start <= a and b <= end) for a, b in people) or any(
            a <= start and end <= b and (a, b) != (start, end) for a, b in bodies)
        headed_to = bool(HEADED_TO.search(doc.article.text, max(0, start - 15), start))
        attacked = bool(ATTACKED.search(doc.article.text, max(0, start - 15), start))
        after_comma = doc.article.text[max(0, start - 3) : start].endswith((", ", " , "))  # tokenised text too
        return replace(toponym, place_context=context or city_said, name_like=name_like, person_word=person,
                       city_said=city_said, in_a_name=in_a_name, headed_to=headed_to, attacked=attacked, after_comma=after_comma,
                       institution=institution, unit_countries=toponym.unit_countries or self._countries_said_before(doc.article.text[max(0, start - 45) : start]))

    def _given_toponym(self, doc: AnalyzedArticle, start: int, end: int, names: DocNames) -> Toponym | None:
        """A span someone else calls a toponym, described as if found here; None outside every sentence."""
        index = next((i for i, s in enumerate(doc.sentences) if s.span.start <= start < s.span.end), None)
        if index is None or end <= start:
            return None
        toponym = self._describe(doc, index, Span(start, end, doc.article.text[start:end]), True, False, names)
        # "A417": a road's number, which name keys (letters only) would make "A"; "SA" or "OAS": initials,
        # not the towns of Sia or Oas, unless the variants or regions files know them ("UAE", "EU")
        words = toponym.span.text
        known = self.gazetteer.variant(words) is not None or exact_key(words) in self.regions
        initials = _acronym(words) and not known and (len(words) <= 3 or not self._big_place_named(words))  # "ROME", a dateline
        name = "" if DIGIT.search(toponym.name) or initials else self._named_by_adjective(toponym.name)
        return replace(toponym, name=name, place_context=True, name_like=True, person_word=False, in_a_name=False, given=True)

    def _named_by_adjective(self, words: str) -> str:
        """ "Syrian" marked as a toponym stands for Syria, "European" for Europe."""
        region = self.region_adjectives.get(exact_key(words))
        if region is not None:
            return region.name
        country = self.gazetteer.country(self.demonyms[words.lower()]) if self._adjective(words) else None
        return country.name if country is not None else words

    def _countries_said_before(self, before: str) -> frozenset[str]:
        said = COUNTRY_TOWN_OF.search(before) if before.endswith("of ") else None
        country = self.demonyms.get(said.group(1).lower()) if said else None
        return frozenset((country,)) if country else frozenset()

    def _big_place_named(self, words: str) -> bool:
        return any(p.population >= FAMOUS or p.feature in ("country", "admin1") for p in self.gazetteer.candidates(words))

    def _with_city_word(self, text: str, start: int, end: int, words: str) -> tuple[str, int]:
        """ "Benin City", "Kuwait city": the city, when the model tagged only the country in it."""
        follower = CITY_WORD.match(text, end)
        if follower and self.gazetteer.candidates(f"{words} City"):
            end = follower.end()
            return text[start:end], end
        return words, end

    def _with_site_word(self, text: str, start: int, end: int, words: str) -> tuple[str, int]:
        """ "the Ain al-Asad air base", "the al-Hol camp": the site, when an imported GeoNames dump knows it
        by its name and its common noun together (the model tags the name alone)."""
        follower = LOWER_WORDS_AFTER.match(text, end)
        if follower is None:
            return words, end
        nouns = follower.group(1).split()
        for size in range(len(nouns), 0, -1):  # "international airport" before "airport"
            phrase = " ".join(nouns[:size])
            if self.site_words.search(phrase) and any(p.feature in ("site", "area") for p in self.gazetteer.candidates(f"{words} {phrase}")):
                end = follower.start(1) + len(phrase)
                return text[start:end], end
        return words, end

    def _adjective(self, words: str) -> bool:
        """ "Syrian" is not a place; "U.S." is one even when it is used like an adjective."""
        return words.lower() in self.demonyms and self.gazetteer.variant(words) is None

    def _capital_country(self, phrase: re.Match) -> str:
        if phrase.group("demonym"):
            return self.demonyms.get(phrase.group("demonym").lower(), "")
        countries = [p for p in self.gazetteer.candidates(phrase.group("country")) if p.feature == "country"]
        return _cc(self, countries[0]) if countries else ""

    def _candidates(self, toponym: Toponym) -> list[Place]:
        capital = self.capital_phrase.fullmatch(toponym.span.text) if self.capital_phrase else None
        if capital:
            cc = self._capital_country(capital)
            name = self.capitals.get(cc)
            cities = [p for p in self.gazetteer.candidates(name, (cc,)) if p.feature == "city" and _cc(self, p) == cc] if name else []
            return sorted(cities, key=lambda p: -p.population)[:1]
        region = self.regions.get(exact_key(toponym.span.text)) or self.regions.get(exact_key(toponym.name))
        if region:
            return [region]
        found = self.gazetteer.candidates(toponym.name, ()) or self._candidates_of_part(toponym.name)
        if not toponym.admin_word:
            return found
        if not any(p.feature in ADMIN_FEATURES for p in found) and len(loose_key(toponym.name)) >= MIN_LOOSE_KEY:
            # "Zabol Province" is Afghanistan's Zabul, not the Iranian town spelled so; a guess from anywhere in
            # the world, so only a province spelled very nearly so (not Katanning for "Katanga Province")
            return found + [p for p in self.gazetteer.look_alikes(toponym.name, (), PROVINCE_ANYWHERE_SIMILARITY) if p.feature == "admin1"]
        if toponym.below_province:
            # "Udi Local Government Area" is named after the town of Udi, not a province that lists "Udi" among its names
            return [p for p in found if p.feature != "admin1"]
        return found

    def _candidates_of_part(self, name: str) -> list[Place]:
        """ "North Texas", "Western Pennsylvania", "East Mosul": a part of a place the gazetteer knows by its
        whole name only (names like "South Sudan" or "West Bank" are found whole before this)."""
        part = COMPASS_PART.match(name)
        return self.gazetteer.candidates(name[part.end() :], ()) if part else []

    def _only_look_alike_town(self, toponym: Toponym) -> list[Place]:
        """Towns of some size spelled like the name, when they lie in one country, or one of them
        dwarfs the others (Iraq's Mahmudiyah of 350,000, Egypt's of 35,000)."""
        towns = sorted(
            (p for p in self.gazetteer.look_alikes(toponym.name, (), ANYWHERE_SIMILARITY)
             if p.feature == "city" and p.population >= LOOK_ALIKE_TOWN),
            key=lambda p: -p.population,
        )
        if not towns:
            return []
        country = _cc(self, towns[0])
        abroad = [p.population for p in towns if _cc(self, p) != country]
        return [p for p in towns if _cc(self, p) == country] if not abroad or towns[0].population >= DWARFS * abroad[0] else []

    def _before_institution(self, words: str) -> tuple[str, bool]:
        """ "Vancouver Police", "Kano State Police Command": the place whose institution it is."""
        if self.units.trailing.search(words):  # "Hawul Local Government Area" is a district
            return words, False
        parts = words.split(" ")
        # "Cloverhill District Court" is a court of Cloverhill (a two-word institution), not a district
        cut = next((i for i in range(1, len(parts)) if " ".join(parts[i : i + 2]).lower() in self.not_places.institutions), None)
        cut = cut or next((i for i, part in enumerate(parts[1:], 1) if part.lower() in self.not_places.institutions), None)
        return (" ".join(parts[:cut]), True) if cut else (words, False)

    def _without_trailing_non_places(self, words: str) -> str:
        """ "Baghdad Thursday" -> "Baghdad": a capitalised weekday or month ends the name; so does a
        lower-case word the model let in ("Paktika province south"), unless it names the unit."""
        if self.capital_phrase and self.capital_phrase.search(words):  # "the Afghan capital"
            return words
        parts = words.split(" ")
        while len(parts) > 1 and (parts[-1].lower() in self.not_places.words or (parts[-1].islower() and not self.units.trailing.search(" ".join(parts)))):
            parts.pop()
        return " ".join(parts)

    # --- countries and disambiguation -----------------------------------------------------------

    def article_countries(self, doc: AnalyzedArticle, candidates: dict[Toponym, list[Place]], votes: Counter | None = None) -> tuple[str, ...]:
        votes = self._country_votes(doc, candidates) if votes is None else votes
        if not votes:
            return ()
        top = votes.most_common(1)[0][1]
        # a country only half-named ("Okha": a town in India or in Russia) does not join a story told elsewhere
        return tuple(cc for cc, n in votes.items() if n * 2 > top and (n >= 1 or top < 1) and cc)

    @staticmethod
    def minor_countries(votes: Counter, countries: tuple[str, ...]) -> tuple[str, ...]:
        """Countries the story also tells of, less than of its own: the British soldier killed beside American
        ones in Manbij was born in Manchester, England."""
        return tuple(cc for cc, n in votes.items() if cc and cc not in countries and n >= MINOR_VOTES)

    def _country_votes(self, doc: AnalyzedArticle, candidates: dict[Toponym, list[Place]]) -> Counter:
        votes: Counter = Counter()
        for actor in doc.actors:
            if actor.country and actor.country in self.iso2 and not actor.generic:
                votes[self.iso2[actor.country]] += 1
        text = " ".join(s.span.text for s in doc.sentences)
        for cc in self._demonym_countries(text):
            votes[cc] += 1
        # "Russian missiles struck Pokrovsk, Ukrainian officials said": officials speak of their own land, while
        # an attacker's nationality may be a foreign army's
        for speaker in NATIONAL_SPEAKERS.finditer(text):
            votes.update(self._demonym_countries(speaker.group(1)))
        for toponym, places in candidates.items():
            if toponym.nationality:  # its demonym has voted already
                continue
            if toponym.unit_countries:  # "Guma Local Government Area" says Nigeria, whatever Guma else may be
                votes.update({cc: 2 for cc in toponym.unit_countries})
                continue
            if toponym.admin_word:  # "Kalat district" is named after Kalat; "Shiroro LGA" after no Sirolo in Italy
                bare = exact_key(toponym.name)
                places = [p for p in places if p.feature in ADMIN_FEATURES] or [p for p in places if exact_key(p.name) == bare]
            # a country named as such says where the story is, whatever the model called it ("central Mali" as a PERSON)
            named_country = (any(p.feature == "country" and exact_key(p.name) == exact_key(toponym.name) for p in places)
                             and not (toponym.person_word or toponym.in_a_name) and not self._elsewhere(doc.article.text, toponym))
            if not places or not (toponym.from_entity or toponym.place_context or named_country):
                continue
            relation = self._relation(doc.article.text, toponym)
            if relation is not None and relation.relation == "government":
                continue  # "the Kremlin denied", "Washington said": a government's voice, not where the story is
            # a country or province name counts more; "Bangui" says more than a hamlet
            weight = 3 if any(p.feature == "country" for p in places) else (2 if toponym.admin_word else 1)
            if len(places) == 1 and places[0].population >= FAMOUS:
                weight = max(weight, 2)
            if not self._under_own_name(toponym, places):  # "Abbasiya" is an old name GeoNames gives Yehud
                weight *= ALIAS_VOTE
            if toponym.institution and not toponym.from_entity:  # "Cloverhill District Court" names a court first
                weight *= ALIAS_VOTE
            for cc, share in _country_shares(self, places, toponym.admin_word).items():
                votes[cc] += weight * share
        return votes

    def _country_of_people(self, doc: AnalyzedArticle, countries: tuple[str, ...]) -> PlaceMention | None:
        """ "Somali government forces fought al-Shabaab": Somalia, where the article is about one country
        and names it through the demonym of its people (the mention is that word)."""
        if len(countries) != 1:
            return None
        for index, sentence in enumerate(doc.sentences):
            for match in re.finditer(r"[A-Z][a-z]+", sentence.span.text):
                if self.demonyms.get(match.group().lower()) == countries[0]:
                    country = self.gazetteer.country(countries[0])
                    span = Span(sentence.span.start + match.start(), sentence.span.start + match.end(), match.group())
                    return PlaceMention(span, index, country, "people", *PRECISION_BY_FEATURE["country"]) if country else None
        return None

    def _under_own_name(self, toponym: Toponym, places: list[Place]) -> bool:
        key = exact_key(toponym.name)
        return self.gazetteer.variant(toponym.span.text) is not None or any(exact_key(p.name) == key for p in places)

    def disambiguate(self, toponyms, candidates, countries, minor: tuple[str, ...] = ()) -> dict[Toponym, Place]:
        """Two passes: the second sees every other toponym's first choice (places of one story cluster).
        A town of some size in a country the story tells of less (``minor``) is a candidate too."""
        plausible = {t: [p for p in candidates[t] if self._plausible(p, t, countries)] for t in toponyms}
        plausible = {t: ps + self._cities_of_provinces(t, candidates[t], ps) for t, ps in plausible.items()}
        local = {t: sorted((p.population for p in ps if _cc(self, p) in countries and p.feature == "city"), reverse=True) for t, ps in plausible.items()}
        vouched = self._vouched_abroad(toponyms, candidates, plausible, countries, minor)
        plausible = {t: ps + [p for p in vouched[t] if p not in ps] for t, ps in plausible.items()}
        in_areas = self._towns_in_named_areas(toponyms, candidates, plausible)
        # a toponym given as one takes a place known by its name (not a look-alike: "bakery" is no Bakir)
        plausible = {t: ps or in_areas.get(t, []) or (self._candidates(t) if t.given else []) for t, ps in plausible.items()}
        admins = self._named_admins(plausible, countries)
        # "California" in a story told from London: the state, not a Scottish hamlet, when the story's countries have
        # no unit of that name and no town of any size
        hamlets_only = {t for t, ps in plausible.items() if not any(p.feature == "country" or (p.feature in ADMIN_FEATURES and _cc(self, p) in countries) for p in ps)
                        and (not local[t] or local[t][0] < LOOK_ALIKE_TOWN)}
        states_named: dict[str, set] = defaultdict(set)
        for key, names in admins.items():
            for name in names:
                states_named[name].add(key)
        rivals = {t: _Rivals(local[t], t in hamlets_only, tuple(vouched[t]), frozenset(states_named.get(exact_key(t.name), ())),
                             frozenset((p.iso3, p.admin1) for p in plausible[t] if p.feature == "admin1"))
                  for t in toponyms}
        chosen: dict[Toponym, Place] = {}
        for _ in range(2):
            for toponym in toponyms:
                if len(plausible[toponym]) == 1:
                    chosen[toponym] = plausible[toponym][0]
                elif plausible[toponym]:
                    around = _Around.of(toponym, chosen)
                    chosen[toponym] = max(plausible[toponym], key=lambda p: self._score(p, toponym, countries, around, admins, rivals[toponym]))
        return {t: p for t, p in chosen.items() if not _look_alike_elsewhere(t, p, chosen)}

    def _cities_of_provinces(self, toponym: Toponym, candidates: list[Place], plausible: list[Place]) -> list[Place]:
        """ "pounded Saada": where the province is a place the city it is named after is one too (Sa'dah)."""
        provinces = {(p.iso3, p.admin1) for p in plausible if p.feature == "admin1"}
        return [p for p in candidates if p not in plausible and (p.iso3, p.admin1) in provinces and self._city_of_its_province(toponym, p)]

    def _city_of_its_province(self, toponym: Toponym, place: Place) -> bool:
        """Sa'dah, the largest town of Saada governorate, written "Saada" with no "province" after it (ACLED codes the
        city); not Minneota for "Minnesota" nor Oklahoma City for "Oklahoma", which name the state."""
        if place.feature != "city" or toponym.admin_word or not place.admin1 or CITY_WORD.search(place.name):
            return False
        seat = self.gazetteer.largest_town(_cc(self, place), place.admin1)
        return seat is not None and seat.geonameid == place.geonameid and (
            exact_key(place.name) == exact_key(place.admin1) or spelled_alike(toponym.name, place.name))

    def _vouched_abroad(self, toponyms, candidates, plausible, countries, minor) -> dict[Toponym, list[Place]]:
        """Towns outside the story's countries the text vouches for: Manchester, England (570,000) over
        Manchester, New Hampshire (110,000) once the story tells of Britain too; "Klamath Falls, Oregon" in a
        Canadian story."""
        # the story's own towns of that very name (not Richmond, Virginia, once called Manchester), when it has no
        # province or county of that name (Virginia is the state, not a South African town)
        namesakes = {t: [p.population for p in ps if p.feature == "city" and _cc(self, p) in countries and exact_key(p.name) == exact_key(t.name)]
                     if not any(p.feature != "city" and _cc(self, p) in countries for p in ps) else [] for t, ps in plausible.items()}
        vouched = {t: [p for p in candidates[t] if _cc(self, p) in minor and p.feature == "city" and namesakes[t]
                       and p.population >= MINOR_OVER_HOME * max(namesakes[t]) and self._plausible(p, t, (*countries, _cc(self, p)))]
                   for t in toponyms}
        for town, area in zip(toponyms, toponyms[1:]):  # "In Klamath Falls, Oregon" in a Canadian story
            vouched[town] += [p for p in self._in_the_area_after(town, area, candidates[town]) if p not in plausible[town]]
        return vouched

    @staticmethod
    def _in_the_area_after(town: Toponym, area: Toponym, candidates: list[Place]) -> list[Place]:
        """The towns of that name in the province or country written right after it ("Klamath Falls, Oregon")."""
        if not (area.after_comma and 2 <= area.span.start - town.span.end <= 3):
            return []
        said = exact_key(area.name)
        return [p for p in candidates if p.feature == "city" and said in (exact_key(p.admin1 or ""), exact_key(p.country))]

    @staticmethod
    def _towns_in_named_areas(toponyms, candidates, plausible) -> dict[Toponym, list[Place]]:
        """ "a grant to revitalize Immokalee" in a story that names Collier County: a name written as a name is the
        town of that very name in a province or district the article names beyond doubt."""
        areas = {(p.feature, p.iso3, p.admin1 if p.feature == "admin1" else p.admin2)
                 for ps in plausible.values() if len(ps) == 1 for p in ps if p.feature in ADMIN_FEATURES}
        found = {}
        for toponym in toponyms:
            if not toponym.name_like or toponym.person_word or toponym.in_a_name or toponym.institution or plausible[toponym]:
                continue
            towns = [p for p in candidates[toponym] if p.feature == "city" and p.population >= KNOWN_TOWN
                     and exact_key(p.name) == exact_key(toponym.name)
                     and (("admin1", p.iso3, p.admin1) in areas or ("admin2", p.iso3, p.admin2) in areas)]
            if towns:
                found[toponym] = towns
        return found

    def _named_admins(self, plausible, countries) -> dict[tuple[str, str], set[str]]:
        """Provinces and states the article names ("Deir ez-Zor province", "Louisiana"), and by which names."""
        named: dict[tuple[str, str], set[str]] = defaultdict(set)
        for toponym, places in plausible.items():
            for place in places:
                if place.feature == "admin1" and (not countries or _cc(self, place) in countries):
                    named[(place.iso3, place.admin1)].add(exact_key(toponym.name))
        return named

    def _vouches_for_a_list(self, toponym: Toponym) -> bool:
        """Said to be a place, and known as one (not "at Church and Snyder": streets)."""
        return (toponym.place_context or toponym.from_entity) and bool(self.gazetteer.candidates(toponym.name)) and not self.site_words.search(toponym.name)

    def _split_compounds(self, text: str, spans: list[tuple[int, int, bool]], places_at: set[int]) -> list[tuple[int, int, bool]]:
        """ "the Damascus-Aleppo highway", "the Amsterdam-London leg": two places, when the gazetteer knows each
        part and not the whole ("Deir ez-Zor" and "Kafr-Nabl" are known whole). ``places_at``: where the
        model's place names start; only a run that is or holds one is split on its spaces."""
        split = []
        for start, end, from_entity in self._split_at_commas(text, spans):
            if "-" not in text[start:end] and not (from_entity or any(start < at < end for at in places_at)):
                split.append((start, end, from_entity))
                continue
            compound = HYPHENATED_NAMES.search(text, start, end)
            parts = list(re.finditer(r"[^-]+", compound.group())) if compound else []
            # "the Gao-Ansongo road" joins two towns, however short their names
            shortest = 2 if compound and ROAD_AFTER.match(text, compound.end()) else MIN_PART
            if compound and not self.gazetteer.candidates(compound.group()) and all(
                    len(p.group()) > shortest - 1 and self.gazetteer.candidates(p.group()) for p in parts):
                split += [(compound.start() + p.start(), compound.start() + p.end(), from_entity) for p in parts]
            else:
                split += self._split_run(text, start, end, from_entity)
        return split

    def _split_at_commas(self, text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
        """ "Thruxton, Hampshire", "Manila Cathedral, Cardinal Tagle": the model's one name over a comma is
        two, when the gazetteer knows not the whole but a part, or a part names a site."""
        split = []
        for start, end, from_entity in spans:
            parts = [(start + m.start(), start + m.end()) for m in re.finditer(r"[^,]+", text[start:end])]
            parts = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in parts]
            if len(parts) < 2 or not all(_strip_the(a, text[a:b])[1][:1].isupper() for a, b in parts) or self.gazetteer.candidates(text[start:end]):
                split.append((start, end, from_entity))
            elif any(self.gazetteer.candidates(text[a:b]) or self.site_words.search(text[a:b]) for a, b in parts):
                split += [(a, b, from_entity) for a, b in parts]
            else:
                split.append((start, end, from_entity))
        return split

    def _split_run(self, text: str, start: int, end: int, from_entity: bool) -> list[tuple[int, int, bool]]:
        """ "in Maiduguri Borno State", "Cyprus, Greece Italy or Spain": two well-known places a missing comma
        ran together, when the gazetteer knows neither the whole nor anything but the two halves."""
        words = list(re.finditer(r"\S+", text[start:end]))
        whole = text[start:end]
        # "East Mosul" is a part of Mosul, not Cameroon's East Region and Mosul
        if not 2 <= len(words) <= 5 or COMPASS_PART.match(whole) or self.gazetteer.candidates(self.units.bare(whole)):
            return [(start, end, from_entity)]
        if CITY_OWNS.search(text[max(0, start - 3) : start]):
            return [(start, end, from_entity)]  # "Tripoli's Ain Zara district": a quarter's one name
        for cut in range(1, len(words)):
            first, second = whole[: words[cut - 1].end()], whole[words[cut].start() :]
            if self._well_known(first) and self._well_known(self.units.bare(second)):
                return [(start, start + len(first), from_entity), (start + words[cut].start(), end, from_entity)]
        return [(start, end, from_entity)]

    def _well_known(self, name: str) -> bool:
        return name[:1].isupper() and any(
            p.feature != "city" or p.population >= FAMOUS for p in self.gazetteer.candidates(name) if exact_key(p.name) == exact_key(name))

    def _with_rest_of_name(self, text: str, start: int, end: int) -> int:
        """ "North State" + " Street": the model may leave a site's last word out of its name, or the rest of a
        place's name ("U.S." + " Virgin Islands")."""
        word = re.match(r"\s([A-Z][a-z]+)\b", text[end : end + 20])
        if word and self.site_words.search(word.group(1)):
            return end + word.end()
        rest = re.match(r"(?: [A-Z][a-z]+){1,3}\b", text[end : end + 40])
        words = rest.group().split(" ")[1:] if rest else []
        for size in range(len(words), 0, -1):
            longer = end + len(" " + " ".join(words[:size]))
            if self.gazetteer.candidates(text[start:longer]):
                return longer
        return end

    def _owner_of_a_site(self, words: str, following: str) -> bool:
        """ "St. Peter's Basilica", "Caesar's Palace", "St Patrick's" (a church): the saint or person a site is
        named after, not a town ("Baghdad's Tahrir Square" is a town's site: a name stands between)."""
        possessive = re.match(r"['’]s?(?:\s+([A-Z][\w-]*))?", following)
        if not possessive:
            return False
        saint = bool(SAINT.match(words)) and following[:2] in ("'s", "’s")
        return saint or bool(possessive.group(1) and self.site_words.search(possessive.group(1)))

    def _names_a_road(self, words: str, following: str) -> bool:
        """A site's common noun told as the name of another site ("Airport road", "Hospital junction")."""
        next_word = re.match(r"\s+([a-z]+)", following)
        return bool(next_word) and bool(self.site_words.match(words)) and bool(self.site_words.match(next_word.group(1)))

    def _plausible(self, place: Place, toponym: Toponym, countries) -> bool:
        """Outside the article's countries only well-known places: no far-away village look-alikes.
        A capitalised word spaCy did not tag must also stand where a place name stands ("in X")."""
        prominent = self._prominent(place, toponym, countries)
        home_town = self._home_town(place, toponym, countries)
        # "Berea police": a town of some size of the story's country; "the Urban Assembly School" names no town called Urban
        institution_town = prominent or (home_town and place.population >= LOOK_ALIKE_TOWN)
        if not (toponym.from_entity or toponym.place_context or (toponym.name_like and prominent)
                or (toponym.headed_to and home_town) or (toponym.institution and institution_town)
                or (toponym.attacked and place.feature == "city" and _cc(self, place) in countries)):
            return False
        if toponym.unit_countries and _cc(self, place) not in toponym.unit_countries:
            return False
        if toponym.institution and not toponym.from_entity and not institution_town:
            return False
        if toponym.city_said and place.feature != "city":
            return False
        # "the gunman fired at Riva" (Paul Riva): a small namesake of a person named in the story is the person
        if toponym.person_word and not self._prominent(place, toponym, countries):
            return False
        if toponym.unit_countries:  # "the English city of Salisbury" in a story of Russian spies
            return True
        if not countries:  # nothing says where the story is: no unknown hamlets from anywhere in the world
            return place.feature not in LOCAL_FEATURES or place.population >= KNOWN_TOWN
        if _cc(self, place) in countries:
            return True
        if place.feature == "region":  # a sea or a region is known abroad too...
            return True
        if place.feature in ("country", "admin1"):  # ...and so are countries and provinces, by their own names:
            # "Marja District" of a story told in Helmand is not Libya's Al Marj
            return self.gazetteer.named(toponym.name, place)
        # a famous city abroad, but under a name like its own: GeoNames also lists Bochum as "Bohong" (pinyin);
        # never for "Sanga local government" (an admin unit of the story's country, not Sanya in China)
        # (not "Boni", a Malian village, as Bonn: a short name is spelled like too many)
        return not toponym.admin_word and place.population >= FAMOUS and (
            (len(toponym.name) >= MIN_LOOK_ALIKE_ABROAD and spelled_alike(toponym.name, place.name))
            or exact_key(toponym.name) == exact_key(place.name) or exact_key(CITY_WORD.sub("", toponym.name)) == exact_key(place.name))  # "Cork city"

    def _score(self, place: Place, toponym: Toponym, countries, around: _Around, admins, rivals: _Rivals) -> tuple:
        # "London" in an American story is London, not a Kentucky town a thousand times smaller (unless
        # Kentucky is named); "Tripoli" in a Lebanese story stays in Lebanon
        # the largest namesake in the story's countries other than this place itself: Washington, DC
        # dwarfs the twenty small American Washingtons, whatever country the story is about
        others = list(rivals.local_towns)
        if place.feature == "city" and place.population in others:
            others.remove(place.population)
        dwarfs_local = place.population >= max(FAMOUS, CAPITAL_OVER_LOCAL * (others[0] if others else 0))
        at_home = _cc(self, place) in countries
        capital = self._is_capital(place) and (dwarfs_local or (at_home and place.population >= CAPITAL_AT_HOME * (others[0] if others else 0)))
        # "Toronto" in an American story is Toronto, not the Ohio town of 5,000
        world_city = place.feature == "city" and place.population >= WORLD_CITY and dwarfs_local
        # "Saada", "Hodeidah" with no "province" after them: the city the province is named after (ACLED codes it so)
        province_city = (place.iso3, place.admin1) in rivals.provinces and self._city_of_its_province(toponym, place)
        province_abroad = rivals.hamlets_at_home and (province_city or (place.feature == "admin1" and exact_key(place.name) == exact_key(toponym.name)))
        vouched = place in rivals.vouched  # "Klamath Falls, Oregon"; Manchester, England, in a story of American soldiers
        in_country = _cc(self, place) in countries or capital or world_city or province_abroad or vouched
        admin_named = toponym.admin_word and place.feature in ("admin1", "admin2")
        # "Rosario town in Cavite Province": the Rosario of that province, not Batangas' one (by name, or
        # by distance when the town's recorded district is out of date: "Kabasalan, Zamboanga Sibugay")
        in_named_admin = ("admin1", place.admin1) in around.admins or ("admin2", place.admin2) in around.admins
        near_named_district = any(_km(place, district) <= DISTRICT_KM for district in around.districts)
        # in a province the article names: better by another name than the town's own ("Alexandria" names Egypt's
        # Alexandria governorate too, but a story that names Virginia means Virginia's Alexandria)
        naming = admins.get((place.iso3, place.admin1), set()) if place.feature == "city" else set()
        in_article_admin = 2 if naming - {exact_key(toponym.name)} else int(bool(naming))
        near = sum(_km(place, town) < NEAR_KM for town in around.towns)
        # "Russia" is the country, not Russia, Ohio; "Charleston" is Charleston, not a town once called so
        # ...but a city of its own size is no lesser place: "Jalalabad" is the Afghan city, not Kyrgyzstan's Jalal-Abad region
        large_unit = place.feature in ("country", "region", "admin1") or (place.feature == "city" and place.population >= FAMOUS)
        # named as written ("Santa Clara County", the US county) before named as its bare name (Ecuador's Santa Clara)
        primary = 2 if exact_key(place.name) == exact_key(toponym.span.text) else int(exact_key(place.name) == exact_key(toponym.name))
        # "New York" is New York City, the great city of the state so named ("New York City" to GeoNames)
        if place.feature == "city" and dwarfs_local and exact_key(place.admin1 or "") == exact_key(toponym.name) and CITY_WORD.search(place.name):
            primary = 2
        # "a man in Florida" is the state, not a village called Florida in New York state
        off_state = bool(rivals.states_so_named) and place.feature == "city" and place.population < FAMOUS and (place.iso3, place.admin1) not in rivals.states_so_named
        # "Niger State" is the Nigerian state, not the country
        country_named = place.feature in ("country", "region") and not toponym.admin_word
        dateline_city = place.feature == "city" and toponym.span.text.isupper() and toponym.from_entity
        # of two look-alikes, the one spelled closer: "Sheikh Zuweid" is Ash Shaykh Zuwayd, not Ash-Shaykh Zayid
        # ...and a place known by the very name written ("Nikolaev" is one of Mykolaiv's names) is closest of all
        closeness = 1.0 if primary or place.geonameid in self._named_ids(toponym.name) else round(spelling_similarity(toponym.name, place.name) * 20) / 20
        # "Dallas" is the city of a million, not a Pennsylvania borough near two other small namesakes the story seems to cluster at
        dominant = (place.feature == "city" and dwarfs_local) or vouched
        # "western states such as California or Washington", "Alabama, Georgia and Florida": a place of the kind
        # of those listed with it (the state, though a country is called Georgia too)
        listed_kind = place.feature in around.listed_kinds
        return (listed_kind, country_named, in_country, around.holds_town_before(place), admin_named, dateline_city, 2 if province_city else primary, not off_state, in_named_admin, near_named_district,
                world_city, in_article_admin, capital, dominant, near, closeness, province_city, large_unit, math.log1p(place.population))

    def _places_so_named(self, name: str) -> frozenset:
        """The places known by this very name, not look-alikes (cached per stage: asked for every candidate scored)."""
        return frozenset(p.geonameid for p in self.gazetteer.candidates(name, ()))

    def _prominent(self, place: Place, toponym: Toponym, countries) -> bool:
        """A country, a sea, a large city, or a province of the story's countries, under its own name,
        is a place wherever it stands (not "Southern" or "Centre" of some country the story never names)."""
        if place.feature == "region":  # found by one of the names the regions file lists ("Ghouta")
            return True
        if exact_key(place.name) != exact_key(toponym.name):
            # "Douma" for Duma: another spelling of a large town, not a name GeoNames lends it in passing
            return place.feature == "city" and place.population >= FAMOUS and spelled_alike(toponym.name, place.name)
        if place.feature == "admin1":
            return _cc(self, place) in countries
        if place.feature == "admin2":  # "Thruxton, Hampshire" in a British story (not INS Mysore, a ship)
            return _cc(self, place) in countries and (toponym.after_comma or toponym.headed_to)
        return place.feature in ("country", "region") or place.population >= FAMOUS

    def _home_town(self, place: Place, toponym: Toponym, countries) -> bool:
        """A town of the story's countries under its own name ("travelling to Cirencester" in a British story)."""
        return place.feature == "city" and _cc(self, place) in countries and exact_key(place.name) == exact_key(toponym.name)

    def _is_capital(self, place: Place) -> bool:
        capital = self.capitals.get(_cc(self, place))
        return place.feature == "city" and capital is not None and exact_key(capital) == exact_key(place.name)

    # --- the mention ------------------------------------------------------------------------------

    def _mention(self, doc: AnalyzedArticle, toponym: Toponym, place: Place | None, chosen) -> PlaceMention | None:
        relation = self._relation(doc.article.text, toponym)
        if place is None and toponym.given and not toponym.name and _acronym(toponym.span.text):
            return None  # given initials: nothing to place, not even a province around them
        if place is None:
            town = self._town_of_site(doc, toponym, chosen)
            if town is not None:  # "Tahrir Square": a site in Baghdad, coded at Baghdad
                return PlaceMention(toponym.span, toponym.sentence, town, "site", *PRECISION_BY_FEATURE.get(town.feature, (1, 1)))
            held = self._place_in_given_name(toponym, chosen) if toponym.given else None
            if held is not None:  # given "Dubai World Cup" as a toponym: where the name says it is
                return PlaceMention(toponym.span, toponym.sentence, held, "site", *PRECISION_BY_FEATURE.get(held.feature, (1, 1)))
            city = _city_of_quarter(doc.article.text, toponym, chosen)
            if city is not None:  # "Mogadishu's Hodan district": ACLED codes a city's quarter at the city
                return PlaceMention(toponym.span, toponym.sentence, city, "quarter", 1, 1)
            # "Indian Naval action": a nationality and a word, not an unknown village
            nationality = self._adjective(toponym.span.text.split()[0])
            # "the House of Representatives", "President Donald Trump": words of a name, not a village
            if not self._looks_like_a_village(doc.article.text, toponym) or _headline_words(toponym) or nationality or toponym.in_a_name or toponym.institution:
                return None
            if relation is not None and relation.geo_precision == 0:  # "drove them toward the Sambisa forest"
                return PlaceMention(toponym.span, toponym.sentence, None, relation.relation, 0, 0)
            # a village the gazetteer lacks: the province the sentence names, else its country (ACLED precision 3)
            # "Eke community in Udi Local Government Area": the district, or the town it is named after
            district = next((p for t, p in chosen.items() if t.sentence == toponym.sentence and t is not toponym
                             and (p.feature == "admin2" or (t.admin_word and p.feature == "city"))), None)
            if district is not None:
                return PlaceMention(toponym.span, toponym.sentence, district, "within", *PRECISION_BY_FEATURE["admin2"])
            # a name the model tagged as a place may take the province of the sentence before ("Sexual Violence" may not)
            provinces = _provinces_around(toponym, chosen, previous=toponym.from_entity)
            admin = next((p for p in provinces if p.feature == "admin1"), None)
            country = next(
                (p for t, p in chosen.items() if t.sentence == toponym.sentence and p.feature == "country"
                 and _attached(doc.article.text, toponym, t)),
                None,
            )
            if admin is not None:
                return PlaceMention(toponym.span, toponym.sentence, admin, "within", 3, 4)
            if self._apposition_countries(doc, toponym):  # "Wagah, a Pakistani town on the border with India"
                country = None
            country = country or self._country_said(doc, toponym)
            if country is not None:
                return PlaceMention(toponym.span, toponym.sentence, country, "within", 3, 6)
            # "ambushed a patrol on the road to Baghuz" in a story of one province: that province
            provinces = {p.geonameid: p for p in chosen.values() if p.feature == "admin1"}
            if len(provinces) == 1 and relation is not None and relation.geo_precision > 0:
                return PlaceMention(toponym.span, toponym.sentence, next(iter(provinces.values())), "within", 3, 4)
            return PlaceMention(toponym.span, toponym.sentence, None, relation and relation.relation, 3, 7)
        geo_precision, where_prec = PRECISION_BY_FEATURE.get(place.feature, (1, 1))
        if toponym.admin_word and place.feature == "city":  # "Udi LGA": the district around the town
            geo_precision, where_prec = PRECISION_BY_FEATURE["admin2"]
        if relation and (place.feature in ("city", "site") or relation.geo_precision == 0):
            geo_precision, where_prec = relation.geo_precision, relation.where_prec
        part = self._part_said(doc.article.text, toponym, place) if place.feature in ("country", "admin1") else None
        if part is not None and place.feature == "country":
            where_prec = max(where_prec, UCDP_PART_OF_COUNTRY)
        return PlaceMention(toponym.span, toponym.sentence, place, relation and relation.relation, geo_precision, where_prec, part, self._seat(place))

    def _seat(self, place: Place) -> Place | None:
        return self.gazetteer.largest_town(_cc(self, place), place.admin1) if place.feature == "admin1" and place.admin1 else None

    def _part_said(self, text: str, toponym: Toponym, place: Place) -> Place | None:
        """ "northeastern Nigeria", "Pakistan's northwest": the third of the place's towns lying furthest that way."""
        said = COMPASS_BEFORE.search(text, max(0, toponym.span.start - 30), toponym.span.start) or COMPASS_AFTER.match(text, toponym.span.end)
        if said is None:
            return None
        points = self.gazetteer.town_points(_cc(self, place), place.admin1 if place.feature == "admin1" else None)
        if len(points) < MIN_TOWNS_FOR_PART:
            return None
        compass = said.group(said.lastindex).lower().replace("-", "")
        lat0 = sum(p[0] for p in points) / len(points)
        lon0 = sum(p[1] for p in points) / len(points)
        shrink = math.cos(math.radians(lat0))
        north, east = COMPASS_VECTORS[compass]
        if compass == "central":  # the third nearest the middle
            ranked = sorted(points, key=lambda p: (p[0] - lat0) ** 2 + ((p[1] - lon0) * shrink) ** 2)
        else:
            ranked = sorted(points, key=lambda p: -((p[0] - lat0) * north + (p[1] - lon0) * shrink * east))
        chosen = ranked[: max(1, len(ranked) // 3)]
        latitude, longitude = sum(p[0] for p in chosen) / len(chosen), sum(p[1] for p in chosen) / len(chosen)
        word = compass if compass == "central" else f"{compass}ern"
        return replace(place, geonameid=None, name=f"{word} {place.name}", latitude=round(latitude, 5), longitude=round(longitude, 5))

    def _town_of_site(self, doc: AnalyzedArticle, toponym: Toponym, chosen: dict[Toponym, Place]) -> Place | None:
        """The town a site lies in: one its name holds ("Manila Cathedral"), one named just before it
        ("Harare's Third Street", "in Kabul near the Serena Hotel"), else the town the article names most."""
        words = toponym.span.text.split()
        if len(words) < 2 or not self.site_words.search(toponym.span.text) or _is_person(doc, toponym):
            return None
        if all(w.lower() in self.not_places.words or w.lower() in self.demonyms for w in words[:-1]):
            return None  # "the Catholic Church", "the Syrian Embassy": an institution, not a site
        towns = {t: p for t, p in chosen.items() if p.feature == "city"}
        inside = [p for t, p in towns.items() if toponym.span.start <= t.span.start and t.span.end <= toponym.span.end]
        road = bool(self.road_words.search(toponym.span.text))
        inside = [] if road else inside or self._town_in_name(words[:-1])
        if inside:
            return inside[0]
        # "the Convention Centre, Dublin", "the Serena Hotel in Kabul"
        after = [t for t in towns if t.sentence == toponym.sentence and re.fullmatch(r",\s*|\s+in\s+", doc.article.text[toponym.span.end : t.span.start])]
        if after:
            return towns[after[0]]
        # "Donington Park, Leicestershire": the county it lies in, when the text names no town
        area = next((p for t, p in chosen.items() if p.feature in ADMIN_FEATURES and t.sentence == toponym.sentence
                     and re.fullmatch(r",\s*", doc.article.text[toponym.span.end : t.span.start])), None)
        if area is not None:
            return area
        named_after = [] if road else self._home_place_in_name(words[:-1], chosen)
        if named_after:
            return named_after[0]
        before = [t for t in towns if t.span.end <= toponym.span.start and toponym.sentence - t.sentence <= SITE_LOOKBACK]
        if before:
            return towns[max(before, key=lambda t: t.span.end)]
        counts = Counter(p.geonameid for p in towns.values())
        # a town called like a site ("Washington Square", Pennsylvania) is the article's main town last
        return max(towns.values(), key=lambda p: (not self.site_words.search(p.name), counts[p.geonameid]), default=None)

    def _place_in_given_name(self, toponym: Toponym, chosen: dict[Toponym, Place]) -> Place | None:
        """The place a given name holds, longest words first: one the article names elsewhere, else a country,
        a province or a large city ("Riverdale Lukoil South" in a Riverdale story; "University of California")."""
        words = toponym.span.text.split()
        known = {p.geonameid: p for p in chosen.values()}
        for size in range(len(words) - 1, 0, -1):
            for first in range(len(words) - size + 1):
                name = " ".join(words[first : first + size])
                if not name[:1].isupper() or len(name) < 3 or name.lower() in self.not_places.words or name.lower() in self.demonyms:
                    continue
                if COMPASS_PART.match(name + " A") and " " not in name:
                    continue  # the "North" of "River North" or "Eglinton Avenue West" is no province called North
                region = self.regions.get(exact_key(name))
                if region is not None:  # "Northern Europe"
                    return region
                found = [p for p in self.gazetteer.candidates(name) if exact_key(p.name) == exact_key(name) or self.gazetteer.variant(name)]
                article = [known[p.geonameid] for p in found if p.geonameid in known]
                prominent = [p for p in found if p.feature in ("country", "admin1") or p.population >= FAMOUS]
                if article or prominent:
                    return (article or sorted(prominent, key=lambda p: -p.population))[0]
        return None

    def _home_place_in_name(self, words: list[str], chosen: dict[Toponym, Place]) -> list[Place]:
        """ "Titus County Jail", "Eastern Kentucky University", "Middletown High School": a town or a province the
        article names, or a county of the story's countries, the site is named after (not "Cornell University":
        a small town called Cornell is more likely a namesake of the same person)."""
        countries = {_cc(self, p) for p in chosen.values()}
        named = {p.geonameid: p for p in chosen.values()}
        for size in range(len(words), 0, -1):
            for first in (0, 1) if size < len(words) and COMPASS_PART.match(words[0] + " A") else (0,):  # "Eastern Kentucky": Kentucky
                name = " ".join(words[first : first + size])
                if not name[:1].isupper() or name.endswith(("'s", "’s")) or COMPASS_PART.match(name + " A") and " " not in name:
                    continue
                found = [p for p in self.gazetteer.candidates(name, tuple(countries)) if _cc(self, p) in countries
                         and (p.geonameid in named or p.feature == "admin2") and exact_key(self.units.bare(p.name)) == exact_key(self.units.bare(name))]
                if found:
                    return sorted(found, key=lambda p: (p.geonameid not in named, -p.population))[:1]
        return []

    def _town_in_name(self, words: list[str]) -> list[Place]:
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if name.endswith(("'s", "’s")):  # "Saint Peter's Basilica" is named after a saint, not a town
                continue
            # "New York Public Library" lies in New York City: the town's name, or the start of it
            towns = [p for p in self.gazetteer.candidates(name) if p.feature == "city" and p.population >= FAMOUS
                     and (exact_key(p.name) == exact_key(name) or p.name.lower().startswith(name.lower() + " "))]
            if towns:
                return sorted(towns, key=lambda p: -p.population)[:1]
        return []

    def _country_said(self, doc: AnalyzedArticle, toponym: Toponym) -> Place | None:
        """ "the Cameroonian town of Ashigashiya", "Wagah, a Pakistani town": the country of the demonym
        the text gives the place (an apposition after it first, else the nearest one before it)."""
        said = self._apposition_countries(doc, toponym)
        if not said:
            before = doc.article.text[doc.sentences[toponym.sentence].span.start : toponym.span.start]
            # "the French Quarter ... the Mississippi River": a demonym inside a name says nothing of the place, nor
            # one of foreigners ("shot dead a Chinese national in Saddar")
            said = self._demonym_countries(FOREIGNERS.sub("", IN_A_NAME.sub("", before)))
        return self.gazetteer.country(said[-1]) if said else None

    def _apposition_countries(self, doc: AnalyzedArticle, toponym: Toponym) -> list[str]:
        after = APPOSITION.match(doc.article.text, toponym.span.end)
        return self._demonym_countries(after.group(1)) if after else []

    def _demonym_countries(self, text: str) -> list[str]:
        """The country of each demonym in the text, in order ("Syrian", "Iraqi" -> SY, IQ)."""
        return [self.demonyms[w.lower()] for w in re.findall(r"[A-Z][a-z]+", text) if w.lower() in self.demonyms]

    def _elsewhere(self, text: str, toponym: Toponym) -> bool:
        """ "on the border with Cameroon", "fled to Chad", "the Kremlin denied": a place the story is not about."""
        relation = self._relation(text, toponym)
        return relation is not None and relation.relation in ("elsewhere", "government")

    def _relation(self, text: str, toponym: Toponym) -> Relation | None:
        if _is_dateline(text, toponym):
            return DATELINE
        if PATRON.match(text, toponym.span.end):
            return PATRON_OF
        before = text[max(0, toponym.span.start - 40) : toponym.span.start]
        if not (self.any_relation_before.search(before) or self.any_relation_after.match(text, toponym.span.end)):
            return None
        # "near the Pakistani border": what follows a nationality ("border") says more than what precedes it
        relations = self.relations_after_first if toponym.nationality else self.relations
        return next((r for r in relations if (r.pattern.match(text, toponym.span.end) if r.after else r.pattern.search(before))), None)

    @staticmethod
    def _looks_like_a_village(text: str, toponym: Toponym) -> bool:
        """An unknown capitalised name is a place only when the text says so ("the village of X", "in X")."""
        before = text[max(0, toponym.span.start - 30) : toponym.span.start].lower()
        after = text[toponym.span.end : toponym.span.end + 12].lower()
        # "Gwadar port", "Kandahar airport" are named after their town ("the Creole community" is a people)
        if NAMED_AFTER_TOWN.match(after):
            return True
        if PROVINCE_AFTER_TOWN.search(text[max(0, toponym.span.start - 30) : toponym.span.start]):
            return True  # "in Kabasalan, Zamboanga Sibugay": the province after its town
        if text[toponym.span.start - 1 : toponym.span.start] == "-" and ROAD_AFTER.match(text, toponym.span.end):
            return True  # "the Gao-Ansongo road": the towns a road joins
        if ROAD_BETWEEN.match(text, toponym.span.end):
            return True
        return bool(SAID_TO_BE_A_PLACE.search(before))


# the words around an unknown name that say it is a place: "Gwadar port", "in Kabasalan, Zamboanga Sibugay", "the village of X",
# "between Gao and Ansongo" (but "clashes between the Ma'aliya and Rizeigat" are between peoples)
NAMED_AFTER_TOWN = re.compile(r"\s+(?:villages?|towns?|hamlets?|district|area|camp|port|airport|harbou?r)\b")
PROVINCE_AFTER_TOWN = re.compile(r"\b(?:in|at|near) [A-Z][\w'-]+(?: [A-Z][\w'-]+)?, $")
SAID_TO_BE_A_PLACE = re.compile(r"(?:village|town|city|hamlet|area|district|neighbou?rhood|camp|region|outskirts) of (?:the )?$|\bcapital,? $|\bbetween $|\b(?:in|near|at|into|from|outside|toward|towards|around|clearing|of|across|throughout|inside|within|entered|reached|road to|way to|route to|highway to) (?:the )?(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)ern |central )?$")
DIGIT = re.compile(r"\d")
DATELINE_NAME = re.compile(r"(?:^|\n)([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})(?=%s)" % DATELINE_AFTER.pattern)
DATELINE_SENTENCES = 3  # a dateline without a dash is looked for in an article's first sentences (or after a line break)
LOOSE_DATELINE = re.compile(r"(?:(?:^|\n)([A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2})(?=\s+[A-Z][a-z])"
                            r"|(?<=[a-z] )([A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+){0,2})(?=\s+\([^)]{1,40}\)\s*[:–—\-]?\s*[A-Z]))")


def _one_place_per_name(toponyms: list[Toponym], chosen: dict[Toponym, Place]) -> dict[Toponym, Place]:
    """A name the article uses for a place elsewhere is that place wherever it is written ("when Ghouta was
    under their control" after "villages in eastern Ghouta"), unless it is a word of a person's name there."""
    by_name: dict[str, Place] = {}
    # a village the text twice says is a place ("asylum seekers in Samos", "the camp on Samos")
    said_twice = Counter((exact_key(t.span.text), chosen[t].geonameid) for t in toponyms
                         if t in chosen and t.from_entity and t.place_context and exact_key(chosen[t].name) == exact_key(t.name))
    for toponym in toponyms:
        place = chosen.get(toponym)
        # not a hamlet found under some other name of it ("the Bloods street gang": Scio, New York, once "Bloods")
        # nor a village a single weak clue chose ("the office of Riva": Riva, Maryland, of 4,000)
        if place is not None and (place.feature != "city" or place.population >= FAMOUS
                                  or (exact_key(place.name) == exact_key(toponym.name) and place.population >= LOOK_ALIKE_TOWN)
                                  or said_twice[(exact_key(toponym.span.text), place.geonameid)] >= 2):
            by_name.setdefault(exact_key(toponym.span.text), place)
    more = {t: by_name[exact_key(t.span.text)] for t in toponyms if t not in chosen and exact_key(t.span.text) in by_name
            and not (t.person_word or t.in_a_name or t.institution)}
    # "the Kent-based team" is the Kent of "Brands Hatch, Kent" later on: a name the text places is so everywhere
    anchored = {exact_key(t.span.text): chosen[t] for t in toponyms if t in chosen and _anchored(t)}
    same = {t: anchored[exact_key(t.span.text)] for t in chosen if not _anchored(t) and exact_key(t.span.text) in anchored
            and not (t.person_word or t.in_a_name)}
    return _most_chosen_per_name(toponyms, {**chosen, **more, **same})


def _most_chosen_per_name(toponyms: list[Toponym], chosen: dict[Toponym, Place]) -> dict[Toponym, Place]:
    """ "in downtown Hanover" and five "Hanover police": one town, the one chosen most often (the first of a tie),
    where nothing in the text places any of them."""
    votes: dict[str, Counter] = defaultdict(Counter)
    first: dict[tuple[str, int | None], int] = {}
    places: dict[int | None, Place] = {}
    for index, toponym in enumerate(toponyms):
        if toponym in chosen and not (_anchored(toponym) or toponym.person_word or toponym.in_a_name):
            place = chosen[toponym]
            votes[exact_key(toponym.span.text)][place.geonameid] += 1
            first.setdefault((exact_key(toponym.span.text), place.geonameid), index)
            places[place.geonameid] = place
    winners = {name: places[max(counts, key=lambda g: (counts[g], -first[(name, g)]))] for name, counts in votes.items() if len(counts) > 1}
    return {t: winners.get(exact_key(t.span.text), p) if not (_anchored(t) or t.person_word or t.in_a_name) else p for t, p in chosen.items()}


# "northeastern Nigeria", "in the north of Syria", "Pakistan's restive northwest"
COMPASS_BEFORE = re.compile(r"\b(?:(north|south|east|west|north-?east|north-?west|south-?east|south-?west|central)(?:ern)?\s+(?:parts?\s+of\s+)?(?:the\s+)?"
                            r"|the\s+(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of\s+(?:the\s+)?)$", re.I)
COMPASS_AFTER = re.compile(r"['’]s\s+(?:[a-z]+\s+)?(north|south|east|west|north-?east|north-?west|south-?east|south-?west)\b(?!\s+of\b)")
_D = math.sqrt(0.5)
COMPASS_VECTORS = {"north": (1, 0), "south": (-1, 0), "east": (0, 1), "west": (0, -1), "northeast": (_D, _D), "northwest": (_D, -_D),
                   "southeast": (-_D, _D), "southwest": (-_D, -_D), "central": (0, 0)}
MIN_TOWNS_FOR_PART = 6  # fewer towns draw no shape: the place's own point stays
UCDP_PART_OF_COUNTRY = 5  # UCDP where_prec: a part of a country larger than a province

# "the Salaheddine neighbourhood of Aleppo", "Mogadishu's Hodan district" ("the Nesh district of Kandahar" is
# the province's: "district of" says which only when the name after it is a city by the text's other words)
QUARTER_OF = re.compile(r"\s+(?:district|neighbou?rhood|quarter)\s+(?:of|in)\s+(?:the\s+)?(?:city\s+of\s+)?")
CITY_OWNS = re.compile(r"['’]s\s+")
THE_CITYS = re.compile(r"\bthe\s+(?:city|town|capital)['’]s\s+$", re.I)
QUARTER_AFTER = re.compile(r"\s+(?:district|neighbou?rhood|quarter|area)\b")
QUARTER_KM = 40  # a quarter of a city lies this close to it: "Dhaka's Mirpur area" is not Mirpur in Kashmir


def _quarters_near_their_city(text: str, toponyms: list[Toponym], chosen: dict[Toponym, Place]) -> dict[Toponym, Place]:
    """Drops a namesake far from the city the text makes it a quarter of; the quarter is then coded at the city."""
    wrong = {t for t in toponyms if t in chosen and (city := _city_of_quarter(text, t, chosen)) is not None
             and _km(chosen[t], city) > QUARTER_KM}
    return {t: p for t, p in chosen.items() if t not in wrong}


def _city_of_quarter(text: str, quarter: Toponym, chosen: dict[Toponym, Place]) -> Place | None:
    """The city an unknown name is a quarter of, as the text writes it ("the city's Saddar area": the last city named)."""
    if THE_CITYS.search(text, max(0, quarter.span.start - 20), quarter.span.start) and QUARTER_AFTER.match(text, quarter.span.end):
        before = [(t, p) for t, p in chosen.items() if p.feature == "city" and t.span.end <= quarter.span.start and quarter.sentence - t.sentence <= 1]
        if before:
            return max(before, key=lambda tp: tp[0].span.end)[1]
    for toponym, place in chosen.items():
        if toponym.sentence != quarter.sentence or place.feature != "city":
            continue
        if QUARTER_OF.fullmatch(text, quarter.span.end, toponym.span.start):
            return place
        if CITY_OWNS.fullmatch(text, toponym.span.end, quarter.span.start) and QUARTER_AFTER.match(text, quarter.span.end):
            return place
    return None


# "Abbasiya, 15 km north of the Iraqi city of Samarra": the text says how far the place lies from a town
DISTANCE_BETWEEN = re.compile(r",?\s*(?:\w+\s+)?(\d+(?:\.\d+)?)\s*-?\s*(km|kms|kilomet(?:er|re)s|miles)\b[^.;]{0,30}?\b(?:of|from)\b[^.;]{0,30}$", re.I)
DISTANCE_SLACK_KM = 30  # towns are points: a place "10 km from" a city may lie 30 km from the city's recorded point


def _as_far_as_said(text: str, toponyms: list[Toponym], chosen: dict[Toponym, Place]) -> dict[Toponym, Place]:
    """Drops a choice the text contradicts: a namesake 120 km away is not the place "15 km north of" the town."""
    wrong = set()
    for place_said, town in zip(toponyms, toponyms[1:]):
        if place_said not in chosen or town not in chosen or chosen[town].feature != "city" or town.sentence != place_said.sentence:
            continue
        said = DISTANCE_BETWEEN.match(text, place_said.span.end, town.span.start)
        if said:
            limit = float(said.group(1)) * (1.61 if said.group(2).lower() == "miles" else 1.0)
            if _km(chosen[place_said], chosen[town]) > 1.5 * limit + DISTANCE_SLACK_KM:
                wrong.add(place_said)
    return {t: p for t, p in chosen.items() if t not in wrong}


# "Jani Khel area of Lakki Marwat district", "Adu village in Kaura Local Government Area": the area holds the place
IN_THE_AREA = re.compile(r"(?:\s+(?:area|village|town|city|locality|community|hamlet|camp))?\s*(?:,|\s+(?:of|in))\s+(?:the\s+)?", re.I)


def _inside_the_area_said(text: str, toponyms: list[Toponym], chosen: dict[Toponym, Place]) -> dict[Toponym, Place]:
    """Drops a namesake in another country than the province or district the text puts the place in: the
    Afghan Jani Khel is not the Jani Khel "of Lakki Marwat district", in Pakistan (the place is then coded at
    that district, as one the gazetteer lacks)."""
    wrong = set()
    for place_said, area in zip(toponyms, toponyms[1:]):
        if place_said not in chosen or area not in chosen or not area.admin_word or area.sentence != place_said.sentence:
            continue
        inner, outer = chosen[place_said], chosen[area]
        if outer.feature not in ADMIN_FEATURES or inner.feature not in ("city", "admin2") or not IN_THE_AREA.fullmatch(text, place_said.span.end, area.span.start):
            continue
        # another country only: GeoNames files some towns under the wrong province (Mindouli, Pool, under Likouala)
        if inner.iso3 != outer.iso3:
            wrong.add(place_said)
    return {t: p for t, p in chosen.items() if t not in wrong}


def _anchored(toponym: Toponym) -> bool:
    """Written where the text itself places it: "Brands Hatch, Kent", "Kalat district", "Benin, the Edo State capital"."""
    return toponym.after_comma or toponym.admin_word or toponym.city_said or bool(toponym.unit_countries)


def _look_alike_elsewhere(toponym: Toponym, place: Place, chosen: dict[Toponym, Place]) -> bool:
    """ "Sanga local government in Kaduna State" is not Shanga in Kebbi State: a town that only looks like
    the name, outside the province the sentence names, is no better than not knowing the village."""
    if place.feature != "city" or exact_key(toponym.name) in (exact_key(place.name), exact_key(CITY_WORD.sub("", place.name))):
        return False  # "New York" named New York City
    named = {p.admin1 for p in _provinces_around(toponym, chosen) if p.iso3 == place.iso3}
    return bool(named) and place.admin1 not in named


def _provinces_around(toponym: Toponym, chosen: dict[Toponym, Place], previous: bool = True) -> list[Place]:
    """The provinces the toponym's sentence names, else those the sentence before it names ("...in Mopti
    region on Sunday. The attackers stormed the post at Dioura"); a unit named after its town ("Fika
    LGA") says which province it is in too."""
    for sentence in (toponym.sentence, toponym.sentence - 1) if previous else (toponym.sentence,):
        named = [p for t, p in chosen.items() if t.sentence == sentence and t is not toponym and (p.feature == "admin1" or t.admin_word)]
        if named:
            return named
    return []


def _acronym(words: str) -> bool:
    """ "APC", "TASS", "MoD", "UConn": an organisation's initials, written in capitals."""
    letters = words.replace(".", "").replace(" ", "")
    return 2 <= len(letters) <= 5 and sum(c.isupper() for c in letters) >= 2 and letters.isalpha()


def _with_list_context(text: str, toponyms: list[Toponym], vouches: Callable[[Toponym], bool]) -> list[Toponym]:
    """A name listed with places is a place too: "stores in Zilina, Nitra, Presov and Kosice", "between
    Coggeshall and Marks Tey" (the text says so of the list's first or last name only). Only a name the
    gazetteer knows vouches for the others: "at Church and Snyder" are streets, not Snyder, Texas."""
    listed = [i > 0 and bool(LIST_JOINER.fullmatch(text, toponyms[i - 1].span.end, t.span.start)) for i, t in enumerate(toponyms)]
    in_a_list = [listed[i] or (i + 1 < len(toponyms) and listed[i + 1]) for i in range(len(toponyms))]
    # "the villages of Kafr Nouran and Atareb", "between Sarmada and Dana": the text itself calls them all places
    named_places = [bool(PLACES_NAMED.search(text, max(0, t.span.start - 30), t.span.start)) for t in toponyms]
    said = [bool(in_list) and (vouches(t) or named) for t, in_list, named in zip(toponyms, in_a_list, named_places)]
    for i in range(1, len(toponyms)):  # forwards, then backwards along each list
        said[i] = said[i] or (listed[i] and said[i - 1])
    for i in range(len(toponyms) - 2, -1, -1):
        said[i] = said[i] or (listed[i + 1] and said[i + 1])
    starts = []
    for i, t in enumerate(toponyms):
        starts.append((starts[-1] if listed[i] else t.span.start) if in_a_list[i] else -1)
    # a list proper, joined by "and" or "or": not "Parkland, Florida" nor "Matias Romero, Oaxaca State, Mexico"
    joined = {starts[i] for i in range(1, len(toponyms)) if listed[i] and text[toponyms[i - 1].span.end : toponyms[i].span.start].strip(" ,") != ""}
    starts = [start if start in joined else -1 for start in starts]
    # "shelled Maarat al-Numan and Khan Sheikhoun": what is done to the list's first name is done to the others
    attacked = [t.attacked for t in toponyms]
    for i in range(1, len(toponyms)):
        attacked[i] = attacked[i] or (listed[i] and starts[i] != -1 and attacked[i - 1])
    return [replace(t, place_context=t.place_context or (s and not t.from_entity), list_start=start, attacked=hit)
            for t, s, start, hit in zip(toponyms, said, starts, attacked)]


def _with_tails(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """ "in Maiduguri Borno State" with only "Maiduguri" tagged: the capitalised run goes on past the model's
    place, and what follows it ("Borno State") is a name of its own."""
    entities = [(a, b) for a, b, tagged in spans if tagged]
    tails = []
    for start, end, tagged in spans:
        inner = max((b for a, b in entities if a <= start < b < end), default=None) if not tagged else None
        tail = re.search(r"\S", text[inner:end]) if inner is not None else None
        if tail is None:
            tails.append((start, end, tagged))
        elif text[inner + tail.start()].isupper():
            tails.append((inner + tail.start(), end, False))
    return sorted(tails, key=lambda s: (s[0], not s[2], -s[1]))


def _headline_words(toponym: Toponym) -> bool:
    """ "Brooklyn Teen Killed By Police": a headline in title case, not the name of a village."""
    capitalised = [w for w in toponym.span.text.split() if w[:1].isupper()]
    return not toponym.from_entity and len(capitalised) >= HEADLINE_WORDS


def _after_first_word(offset: int, run: re.Match, entity_starts: set[int]) -> int:
    """ "Though London's total": a sentence's first word is capitalised by grammar, so a place the model
    found right after it starts there."""
    second = re.search(r"\s+", run.group())
    if run.start() == 0 and second and offset + run.start() + second.end() in entity_starts:
        return offset + second.end()
    return offset + run.start()


def _is_person(doc: AnalyzedArticle, toponym: Toponym) -> bool:
    """ "Conleth Hill" is an actor, not a hill."""
    return any(
        e.label == "PERSON" and e.span.start < toponym.span.end and toponym.span.start < e.span.end
        for e in doc.sentences[toponym.sentence].entities
    )


@dataclass(frozen=True)
class DocNames:
    people: tuple[Span, ...]  # people's full names: after "Elizabeth Warren", "Warren" is her
    mid_sentence: frozenset[str]  # capitalised words the article uses inside sentences

    def of_a_person(self, words: str, start: int, end: int, place_context: bool = False) -> bool:
        """A word of someone's full name written elsewhere ("Riva" after "Paul Riva"), not the words themselves,
        which the model may have called a PERSON ("Jamroud Town"). A first name only where the text does not
        say a place: "in Riverdale" is the town, though the model took "Riverdale Luke Oil" for a person."""
        return any((person.text.endswith(" " + words) or (not place_context and words in person.text.split()))
                   for person in self.people if not (person.start < end and start < person.end))


MID_SENTENCE_NAME = re.compile(r"(?<=[a-z,;] )[A-Z][\w'’-]+")


def doc_names(doc: AnalyzedArticle) -> DocNames:
    people = tuple(e.span for s in doc.sentences for e in s.entities if e.label == "PERSON" and " " in e.span.text)
    return DocNames(people, frozenset(m.group() for s in doc.sentences for m in MID_SENTENCE_NAME.finditer(s.span.text)))


def _attached(text: str, village: Toponym, country: Toponym) -> bool:
    """ "Umm Zurayqat, Syria", "a village in northern Syria", "Syria's X": the country holds the village;
    "refugees from Syria reached Samos" does not put Samos in Syria."""
    if country.span.start >= village.span.end:
        between = text[village.span.end : country.span.start]
        # "Sarmada, near the Turkish border" lies across the border from Turkey
        return len(between) <= 40 and not country.nationality and not re.search(r"\b(?:from|to|toward|towards|into|fled|crossed|reached|near|border)\b", between)
    return bool(re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,3}", text[country.span.end : village.span.start]))


def _is_dateline(text: str, toponym: Toponym) -> bool:
    """ "DEIR AL-ZOR (Kurdistan 24) – ...": where the reporter files from, not where the event happened."""
    line_start = text.rfind("\n", 0, toponym.span.start) + 1
    return not text[line_start : toponym.span.start].strip() and bool(DATELINE_AFTER.match(text, toponym.span.end)) and toponym.span.text.isupper()


def _strip_the(start: int, words: str) -> tuple[int, str]:
    """ "the Gaza Strip" -> "Gaza Strip"; "In Baghdad" (a sentence's first words) -> "Baghdad"."""
    stripped = LEADING_WORD.sub("", words)
    return start + len(words) - len(stripped), stripped.rstrip("'’s").rstrip() if stripped.endswith(("'s", "’s")) else stripped


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def _cc(stage: PlacesStage, place: Place) -> str:
    return stage.iso2.get(place.iso3, "")


def _km(a: Place, b: Place) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, h)))


def build(settings: Settings) -> PlacesStage:
    gazetteer = Gazetteer.default(settings)
    return PlacesStage(gazetteer, PlaceKnowledge.load(settings, gazetteer))


def _country_shares(stage, places: list[Place], admin_word: bool) -> dict[str, float]:
    """An ambiguous name splits its vote by how prominent each namesake is: "Iraq" is the country far
    more than a city in Iran that GeoNames also calls so; "Bouka" more the town of 19,000 than the hamlet."""
    if admin_word:  # "Niger State" is a state, not the country
        places = [p for p in places if p.feature != "country"] or places
    weights: Counter = Counter()
    for place in places:
        # a province is prominent whatever population the gazetteer gives it ("Borno State", not Borno in
        # Italy), and so is the seat a "Donga Local Government Area" is named after
        population = place.population if place.feature == "city" and not admin_word else max(place.population, FAMOUS)
        # the country's largest namesake speaks for it: twenty American Athenses are not one Athens
        weights[_cc(stage, place)] = max(weights[_cc(stage, place)], math.sqrt(population + 100))
    total = sum(weights.values())
    return {cc: w / total for cc, w in weights.items()}


