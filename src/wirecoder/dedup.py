"""One event, many sources: near-duplicate articles, event coreference, corroboration, stable ids.

``near_duplicate_articles`` links syndicated copies and light rewrites (MinHash LSH over word
shingles). ``cluster_events`` merges article-level reports of the same real event (ACLED's rule: same
type family, same actors, same place, overlapping dates; thresholds in ``knowledge/dedup_rules.toml``)
into events with many sources, and keeps event ids stable across runs. Reports are compared only
within blocks (country x type family) and, inside a block, only with reports whose dates can
overlap; an undated report is also compared, across blocks, with the reports whose articles share
one of its story's telling words (``article_stories``). The work grows with the number of reports,
not with its square.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import statistics
import tomllib
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from datasketch import MinHash, MinHashLSH

from . import taxonomy
from .knowledge import BUNDLED
from .records import Event

UNDATED = dt.date.max


@lru_cache(maxsize=4)
def load_rules(path: Path | None = None) -> dict:
    with open(path or BUNDLED / "dedup_rules.toml", "rb") as handle:
        return tomllib.load(handle)


# --- articles -----------------------------------------------------------------------------------


def near_duplicate_articles(articles: Iterable[tuple[str, str]], rules: dict | None = None) -> dict[str, str]:
    """{article_id: representative id} for articles that are copies or light rewrites of each other."""
    config = (rules or load_rules())["articles"]
    lsh = MinHashLSH(threshold=config["threshold"], num_perm=config["num_perm"])
    hashes: dict[str, MinHash] = {}
    for article_id, text in articles:
        signature = _minhash(text, config["shingle_words"], config["num_perm"])
        if signature is None:
            continue
        hashes[article_id] = signature
        lsh.insert(article_id, signature)
    groups = _UnionFind()
    for article_id, signature in hashes.items():
        for other in lsh.query(signature):
            if other != article_id and signature.jaccard(hashes[other]) >= config["threshold"]:
                groups.union(article_id, other)
    return {article_id: groups.find(article_id) for article_id in hashes}


WORD = re.compile(r"[a-z0-9][a-z0-9'-]+")
STORY_TERMS = 100  # an article's story is its most telling words; the rest is noise and memory
STORY_KEY_WORDS = 10  # undated reports are compared when their stories share one of these
LEDE_WORDS = 80  # a headline and a lede
LEDE_WEIGHT = 3
NAME_WORD = re.compile(r"\b[A-Z][a-z]+\b")


@dataclass(frozen=True)
class Story:
    """What an article is about, as weighted words (tf-idf over the articles clustered together).

    Reports of one story share its telling words ("Grigoropoulos", "Exarchia", "teenager"); two riots
    in one city years apart share the city's name and little else. With no dates to compare, this is
    what keeps them apart."""

    weights: Mapping[str, float]
    key_words: tuple[str, ...] = ()  # its rarest words that other articles use too: where to look for them

    def similarity(self, other: Story, ignore: Iterable[str] = ()) -> float:
        """Cosine similarity, leaving out words both reports share anyway (the place's own name)."""
        small, large = sorted((self.weights, other.weights), key=len)
        skip = {w for phrase in ignore for w in WORD.findall(phrase.casefold())}
        return sum(weight * large.get(word, 0.0) for word, weight in small.items() if word not in skip)


def article_stories(articles: Sequence[tuple[str, str]], wanted: Collection[str] | None = None) -> dict[str, Story]:
    """{article_id: Story}: a word weighs more the more the article uses it and the fewer of
    ``articles`` do. With ``wanted`` (the articles of undated reports), only those stories and the
    stories of articles sharing one of their key words: the others are never compared by story."""
    documents: Counter[str] = Counter()
    for _, text in articles:
        documents.update(set(_story_words(text)))
    stories = {a: _story(text, documents, len(articles)) for a, text in articles if wanted is None or a in wanted}
    if wanted is not None:
        keys = {w for story in stories.values() for w in story.key_words}
        for article_id, text in articles:
            if article_id not in stories and keys.intersection(_story_words(text)):
                stories[article_id] = _story(text, documents, len(articles))
    return stories


def _story(text: str, documents: Counter, total: int) -> Story:
    words = _story_counts(text)
    weights = {w: (1 + math.log(n)) * (math.log((total + 1) / (documents[w] + 1)) + 1) for w, n in words.items()}
    top = dict(sorted(weights.items(), key=lambda item: -item[1])[:STORY_TERMS])
    norm = math.sqrt(sum(x * x for x in top.values())) or 1.0
    shared = [w for w in top if documents[w] > 1][:STORY_KEY_WORDS]
    return Story({w: x / norm for w, x in top.items()}, tuple(shared))


def _story_counts(text: str) -> Counter[str]:
    """How much each word tells of this article's event. News puts the event in its first lines and
    background after, and names (people, ships, villages) tell one event from its look-alike better
    than common words ("pirates", "riot"): the lede counts three times, a capitalised word twice."""
    counts = Counter(_story_words(text))
    lede = " ".join(text.split()[:LEDE_WORDS])
    for _ in range(LEDE_WEIGHT - 1):
        counts.update(_story_words(lede))
    counts.update(_story_words(" ".join(NAME_WORD.findall(text))))
    return counts


def _story_words(text: str) -> list[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # the word list only, no model

    return [w for w in WORD.findall(text.casefold()) if w not in STOP_WORDS]


def _minhash(text: str, size: int, num_perm: int) -> MinHash | None:
    words = re.findall(r"\w+", text.lower())  # punctuation edits do not make a new story
    if len(words) < size:
        return None
    signature = MinHash(num_perm=num_perm, seed=1)
    signature.update_batch(" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1))
    return signature


class _UnionFind:
    def __init__(self):
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: str, b: str) -> None:
        first, second = sorted((self.find(a), self.find(b)))  # the smallest id represents the group
        self.parent[second] = first


# --- events -------------------------------------------------------------------------------------


@dataclass
class DedupResult:
    events: list[Event]
    aliases: dict[str, str] = field(default_factory=dict)  # old event id -> the id that replaces it


def cluster_events(
    reports: Sequence[Event],
    previous: Sequence[Event] = (),
    article_groups: Mapping[str, str] | None = None,
    rules: dict | None = None,
    stories: Mapping[str, Story] | None = None,
) -> DedupResult:
    """Merge article-level reports of the same real event; keep ids of earlier events stable.

    ``stories`` (from :func:`article_stories`) lets undated reports merge only within one story."""
    rules = rules or load_rules()
    clusters = _clusters(list(reports), rules, stories or {})
    groups = article_groups or {}
    merged = [merge_reports(cluster, groups, rules) for cluster in clusters]
    return _stable_ids(merged, previous)


def campaign_of(event: Event, rules: dict | None = None) -> str | None:
    """The same two named sides in the same admin-1 area: one campaign, whatever the day or the town.

    Generic actors ("Civilians", "Unidentified Armed Group") name no side, so they make no campaign."""
    return _campaign(event.actor1, event.actor2, event.iso3, event.admin1, rules or load_rules())


def _campaign(actor1: str | None, actor2: str | None, iso3: str | None, admin1: str | None, rules: dict) -> str | None:
    wildcards = tuple(rules["actors"].get("wildcards", ()))
    sides = sorted({a for a in (actor1, actor2) if a and not a.startswith(wildcards)})
    if len(sides) != 2 or not iso3 or not admin1:
        return None
    key = "|".join([*sides, iso3, admin1.casefold()])
    return "c-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _clusters(reports: list[Event], rules: dict, stories: Mapping[str, Story]) -> list[list[Event]]:
    """Day-precise reports link first; a vaguer report joins only when exactly one day-cluster fits
    it, and vague reports no day-cluster fits link with each other.

    Union-find alone would chain two different days through one "last week" report; ACLED keeps
    different days apart, so a vague report that fits several day-events stays on its own.
    """
    links = _UnionFind()
    vague_pairs: list[tuple[Event, Event]] = []
    loose_pairs: list[tuple[Event, Event]] = []
    loose_rules = _loose(rules)
    pairs = [pair for block in _blocks(reports, rules).values() for pair in _candidate_pairs(block)]
    for a, b in pairs + list(_undated_story_pairs(reports, rules, stories)):
        if not same_event(a, b, rules, stories):
            if loose_rules and not a.event_date and not b.event_date and same_event(a, b, loose_rules, stories):
                loose_pairs.append((a, b))
            continue
        if _precise(a) == _precise(b) and (_precise(a) or _window_key(a) == _window_key(b)):
            links.union(a.event_id, b.event_id)
        else:
            vague_pairs.append((a, b))
    articles = _articles_of(links, reports)
    fits: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b in vague_pairs:
        if _precise(a) != _precise(b):
            vague, precise = (a, b) if not _precise(a) else (b, a)
            cluster = links.find(precise.event_id)
            similarity = _story_similarity(vague, precise, stories) or 0.0
            fits[vague.event_id][cluster] = max(similarity, fits[vague.event_id].get(cluster, 0.0))
    joins = []
    for vague_id, clusters in fits.items():
        best = _clearly_best(_other_stories(clusters, articles), rules["dates"]["vague_story_margin"], rules["dates"]["undated_min_story_similarity"])
        if best:
            joins.append((vague_id, best))
    for vague_id, best in joins:
        links.union(vague_id, best)
    # two vague reports ("this week", a report with no day) that no day-event claims are one event
    for a, b in vague_pairs:
        if not _precise(a) and not _precise(b) and not fits[a.event_id] and not fits[b.event_id]:
            links.union(a.event_id, b.event_id)
    _join_stories_they_fit(links, reports, loose_pairs, rules, stories)
    clusters: dict[str, list[Event]] = defaultdict(list)
    for report in reports:
        clusters[links.find(report.event_id)].append(report)
    return list(clusters.values())


def _loose(rules: dict) -> dict | None:
    """The rules a lone report's story must pass to be considered for the story it fits best."""
    fit = rules["dates"].get("undated_fit_similarity")
    if not fit:
        return None
    loosened = {"undated_min_story_similarity": fit["town"], "undated_area_story_similarity": fit["area"]}
    return {**rules, "dates": {**rules["dates"], **loosened}}


def _join_stories_they_fit(links: _UnionFind, reports: list[Event], loose_pairs, rules: dict, stories) -> None:
    """An undated report at a sea or a province that no other article's report joined joins the event
    (told by several articles) whose story it tells clearly better than any other's: a short item ("the navy captured 23 pirates in the
    Gulf of Aden") shares too few words with any one long report to pass the area threshold, yet
    plainly belongs to one of the two look-alike stories of that sea."""
    articles = _articles_of(links, reports)
    fits: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b in loose_pairs:
        for report, other in ((a, b), (b, a)):
            if len(articles[links.find(report.event_id)]) > 1:
                continue
            cluster = links.find(other.event_id)
            if len(articles[cluster]) < 2:  # a story other articles tell already: two lone items never chain
                continue
            similarity = _story_similarity(report, other, stories) or 0.0
            fits[report.event_id][cluster] = max(similarity, fits[report.event_id].get(cluster, 0.0))
    joins = []
    for report_id, clusters in fits.items():
        best = _clearly_best(_other_stories(clusters, articles), rules["dates"]["vague_story_margin"], enough=0.0)  # each passed the loose rules
        if best:
            joins.append((report_id, best))
    for report_id, best in joins:
        links.union(report_id, best)


def _articles_of(links: _UnionFind, reports: list[Event]) -> dict[str, set[str]]:
    articles: dict[str, set[str]] = defaultdict(set)
    for report in reports:
        articles[links.find(report.event_id)].update(s.article_id for s in report.sources)
    return articles


def _other_stories(clusters: Mapping[str, float], articles: Mapping[str, set[str]]) -> dict[str, float]:
    """The best-fitting cluster and its rivals: other stories, not the other events its own articles tell."""
    first = max(clusters, key=clusters.__getitem__)
    return {c: s for c, s in clusters.items() if c == first or not articles[c] & articles[first]}


def _clearly_best(clusters: Mapping[str, float], margin: float, enough: float) -> str | None:
    """The one day-event a vague report fits, or the one whose story it tells clearly better than
    the others' ("a petrol bomb set a bank on fire" fits the strike's riot, not the same week's
    earlier march)."""
    if len(clusters) == 1:
        return next(iter(clusters))
    ranked = sorted(clusters.items(), key=lambda item: -item[1])
    (best, first), (_, second) = ranked[0], ranked[1]
    return best if first >= enough and first >= second * margin else None


def _precise(event: Event) -> bool:
    return event.time_precision == 1 and bool(event.event_date)


def _window_key(event: Event) -> tuple:
    return (event.event_date, event.date_end)


def _blocks(reports: list[Event], rules: dict) -> dict[tuple, list[Event]]:
    blocks: dict[tuple, list[Event]] = defaultdict(list)
    mergeable = set(rules["types"]["merge_families"])
    for report in reports:
        family = taxonomy.family(report.event_type)
        key = (report.iso3, _block_family(family, rules), report.fatalities_scope) if family in mergeable else (report.event_id,)
        blocks[key].append(report)
    return blocks


def _block_family(family: str | None, rules: dict) -> str | None:
    """Families whose reports are compared with each other (armed and civilians: see _families_match)."""
    untargeted = rules["types"].get("untargeted_families", [])
    return "+".join(untargeted) if family in untargeted else family


def _families_match(a: Event, b: Event, rules: dict) -> bool:
    """Same family; or a battle or a blast whose target no report of it names and an attack on civilians:
    "the attack on Konduga killed 19" is the raid on the farmers another outlet tells."""
    family_a, family_b = taxonomy.family(a.event_type), taxonomy.family(b.event_type)
    if family_a == family_b:
        return True
    untargeted = rules["types"].get("untargeted_families", [])
    if family_a not in untargeted or family_b not in untargeted:
        return False
    armed = a if family_a == untargeted[0] else b
    return armed.actor2 is None


def _candidate_pairs(block: list[Event]):
    """Pairs whose date windows can overlap: a sweep over reports sorted by start date."""
    dated = sorted((r for r in block if r.event_date), key=lambda r: r.event_date)
    active: list[Event] = []
    for report in dated:
        active = [a for a in active if (a.date_end or a.event_date) >= report.event_date]
        for other in active:
            yield other, report
        active.append(report)
    undated = [r for r in block if not r.event_date]
    by_place: dict = defaultdict(list)
    for report in block:
        for key in _place_keys(report):
            by_place[key].append(report)
    for report in undated:
        seen = {id(report)}
        for key in _place_keys(report):
            for other in by_place[key]:
                if id(other) not in seen:
                    seen.add(id(other))
                    yield report, other


def _undated_story_pairs(reports: list[Event], rules: dict, stories: Mapping[str, Story]):
    """Undated reports and the reports whose articles share a telling word with theirs, whatever
    country block they fell in: one story may place its event "off Somalia" in one report and "in the
    Gulf of Aden" in another, and only some of its articles may carry a date."""
    mergeable = set(rules["types"]["merge_families"])
    limit = rules["dates"]["story_word_max_reports"]
    by_word: dict[tuple, list[Event]] = defaultdict(list)
    for report in reports:
        story = stories.get(report.sources[0].article_id) if report.sources else None
        family = taxonomy.family(report.event_type)
        if story is None or family not in mergeable:
            continue
        for word in story.key_words:
            by_word[(_block_family(family, rules), word)].append(report)
    seen: set[tuple[str, str]] = set()
    for group in by_word.values():
        if len(group) > limit:  # a word this many reports share tells no one story
            continue
        for index, a in enumerate(group):
            for b in group[index + 1 :]:
                key = (a.event_id, b.event_id)
                # pairs of dated reports, and same-country pairs, come from the blocks (which pair
                # places, so not a report placed only at its country with the towns of that country)
                elsewhere = a.iso3 != b.iso3 or _country_only(a) or _country_only(b)
                if (not a.event_date or not b.event_date) and elsewhere and key not in seen:
                    seen.add(key)
                    yield a, b


def _place_keys(report: Event) -> list:
    """The town, and the province it lies in: an undated report may join a story told at either."""
    keys = [("place", report.geonameid or report.location)]
    if report.admin1:
        keys.append(("area", report.iso3, report.admin1))
    return keys


def same_event(a: Event, b: Event, rules: dict, stories: Mapping[str, Story] | None = None) -> bool:
    """ACLED's rule: same family, compatible actors, close places, overlapping dates."""
    if not _families_match(a, b, rules):
        return False
    if a.fatalities_scope != b.fatalities_scope:
        return False
    if not a.event_date or not b.event_date:
        return _undated_match(a, b, rules, stories or {}) and _actors_compatible(a, b, rules)
    return _dates_overlap(a, b, rules) and _places_close(a, b, rules) and _actors_compatible(a, b, rules)


def _undated_match(a: Event, b: Event, rules: dict, stories: Mapping[str, Story]) -> bool:
    """With no date to compare, the same town joins two reports, and only when their articles tell
    the same story; a story told unmistakably may join a vaguer place."""
    config = rules["dates"]
    if not config["undated_merges"]:
        return False
    same_town = a.geonameid is not None and a.geonameid == b.geonameid and max(a.geo_precision or 3, b.geo_precision or 3) <= 2
    similarity = _story_similarity(a, b, stories)
    if similarity is None:  # no article text known: the place alone decides, as before
        return same_town
    if same_town:
        return similarity >= config["undated_min_story_similarity"]
    # a dated cluster is a day somewhere; an undated report of the same sea or province may be any year,
    # unless its story is told in nearly the same words
    both_undated = not a.event_date and not b.event_date
    needed = config["undated_area_story_similarity"] if both_undated else config["undated_dated_story_similarity"]
    return similarity >= needed and _story_places_close(a, b, config)


def _story_places_close(a: Event, b: Event, config: dict) -> bool:
    """One story tells its place at several levels ("off Somalia", "the Gulf of Aden", "near Aden"),
    but two towns are two places: only neighbourhoods of one city ("Brooklyn", "East Flatbush") join."""
    if a.latitude is None or b.latitude is None:
        return bool(a.location) and (a.location or "").casefold() == (b.location or "").casefold()
    if _in_other_provinces(a, b):
        return False
    if a.iso3 and a.iso3 == b.iso3 and (_country_only(a) or _country_only(b)):
        return True  # "a gunman opened fire, The Canadian Press reported": somewhere in that country
    both_towns = a.geo_precision == 1 and b.geo_precision == 1
    limit = config["undated_story_towns_max_km"] if both_towns else config["undated_story_max_km"]
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit


def _in_other_provinces(a: Event, b: Event) -> bool:
    """A report placed only at a province ("in Oregon") is not about a town of another province."""
    coarse = max(a.geo_precision or 1, b.geo_precision or 1) >= 3
    return coarse and bool(a.admin1 and b.admin1) and (a.iso3, a.admin1) != (b.iso3, b.admin1)


def _country_only(event: Event) -> bool:
    return (event.geo_precision or 1) >= 3 and not event.admin1 and (event.location or "") == (event.country or "")


def _story_similarity(a: Event, b: Event, stories: Mapping[str, Story]) -> float | None:
    first, second = (stories.get(e.sources[0].article_id) if e.sources else None for e in (a, b))
    if first is None or second is None:
        return None
    # the place's own names say nothing: both reports are there already
    return first.similarity(second, ignore=[n for e in (a, b) for n in (e.location, e.admin1, e.country) if n])


def _dates_overlap(a: Event, b: Event, rules: dict) -> bool:
    if not a.event_date or not b.event_date:
        return False
    slack = dt.timedelta(days=rules["dates"]["slack_days"])
    a_start, a_end = _window(a)
    b_start, b_end = _window(b)
    return a_start - slack <= b_end and b_start - slack <= a_end


def _window(event: Event) -> tuple[dt.date, dt.date]:
    start = dt.date.fromisoformat(event.event_date)
    return start, dt.date.fromisoformat(event.date_end) if event.date_end else start


def _places_close(a: Event, b: Event, rules: dict) -> bool:
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.latitude is None or b.latitude is None:
        return bool(a.location) and (a.location or "").casefold() == (b.location or "").casefold()
    precision = max(a.geo_precision or 1, b.geo_precision or 1)
    if precision >= rules["places"]["same_admin1_at"] and a.admin1 != b.admin1:
        return False
    limit = rules["places"]["max_km"][str(precision)]
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= limit


def _actors_compatible(a: Event, b: Event, rules: dict) -> bool:
    wildcards = tuple(rules["actors"].get("wildcards", ()))
    sides_a = {x for x in (a.actor1, a.actor2) if x and not x.startswith(wildcards)}
    sides_b = {x for x in (b.actor1, b.actor2) if x and not x.startswith(wildcards)}
    if not rules["actors"]["allow_unknown_side"]:
        return sides_a == sides_b
    return sides_a <= sides_b or sides_b <= sides_a


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


# --- merging ------------------------------------------------------------------------------------


def merge_reports(cluster: Sequence[Event], article_groups: Mapping[str, str], rules: dict | None = None) -> Event:
    """One event from its reports: the most precise report's fields, every source and its evidence."""
    ordered = sorted(cluster, key=_specificity)
    base = ordered[0]
    # the kind of event is told by a report that names its target ("killed 12 farmers"), not by one
    # that only says "the attack"; each side comes with its inter code from the report that names it
    side1 = next((r for r in ordered if r.actor1), base)
    side2 = next((r for r in ordered if r.actor2), base)
    typed = side2 if taxonomy.family(side2.event_type) != taxonomy.family(base.event_type) else base
    sources = _one_source_per_report(s for r in cluster for s in r.sources)
    independent = {_original(s, article_groups) for s in _one_per_article(sources)}
    figures = [r for r in cluster if r.fatalities_best is not None or r.fatalities_low is not None]
    return replace(
        base,
        disorder_type=typed.disorder_type,
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        type_of_violence=taxonomy.type_of_violence(typed.sub_event_type, side1.inter1, side2.inter2),
        event_date=_latest_start(cluster),
        date_end=_earliest_end(cluster),
        actor1=side1.actor1,
        assoc_actor_1=side1.assoc_actor_1,
        inter1=side1.inter1,
        actor2=side2.actor2,
        assoc_actor_2=side2.assoc_actor_2,
        inter2=side2.inter2,
        campaign_id=_campaign(side1.actor1, side2.actor2, base.iso3, base.admin1, rules or load_rules()),
        sources=sources,
        evidence=tuple(dict.fromkeys(e for r in cluster for e in r.evidence)),
        n_sources=len({s.article_id for s in sources}),
        n_independent_sources=len(independent),
        confidence=_corroborated(max(r.confidence for r in cluster), len(independent)),
        report_ids=tuple(sorted(r.event_id for r in cluster)),
        **_fatality_range(figures),
    )


def _specificity(report: Event) -> tuple:
    return (report.geo_precision or 9, report.time_precision or 9, -report.confidence, report.event_id)


def _latest_start(cluster: Sequence[Event]) -> str | None:
    """The narrowest window all reports agree on (they overlap, or they would not be one event)."""
    starts = [r.event_date for r in cluster if r.event_date]
    return max(starts) if starts else None


def _earliest_end(cluster: Sequence[Event]) -> str | None:
    ends = [r.date_end or r.event_date for r in cluster if r.event_date]
    return min(ends) if ends else None


def _one_source_per_report(sources) -> tuple:
    """An article's two sentences about one event are one source; it keeps the figure it gave."""
    kept: dict[tuple, object] = {}
    for source in sources:
        key = (source.article_id, source.outlet, source.url, source.published, source.reported_by)
        if key not in kept or kept[key].fatalities is None:
            kept[key] = source
    return tuple(kept.values())


def _one_per_article(sources):
    """An article quoting several claimants is still one report: its first claimant speaks for it."""
    return list({s.article_id: s for s in reversed(sources)}.values())


def _original(source, article_groups: Mapping[str, str]) -> str:
    """Reports quoting the same monitor or copying the same wire story count once."""
    if source.reported_by:
        return "claim:" + source.reported_by.casefold()
    return "article:" + article_groups.get(source.article_id, source.article_id)


def _fatality_range(figures: Sequence[Event]) -> dict:
    if not figures:
        return {}
    lows = [r.fatalities_low if r.fatalities_low is not None else r.fatalities_best for r in figures]
    bests = [r.fatalities_best if r.fatalities_best is not None else r.fatalities_low for r in figures]
    highs = [r.fatalities_high if r.fatalities_high is not None else r.fatalities_best for r in figures]
    low = min(x for x in lows if x is not None)
    return {
        "fatalities": low,  # ACLED: the lowest reported figure
        "fatalities_low": low,
        "fatalities_best": int(statistics.median_low([x for x in bests if x is not None])),
        "fatalities_high": max(x for x in highs if x is not None),
    }


def _corroborated(confidence: float, independent: int) -> float:
    """Each independent confirmation removes part of the remaining doubt."""
    return round(1 - (1 - confidence) * 0.7 ** (independent - 1), 3)


# --- stable ids ---------------------------------------------------------------------------------


def _stable_ids(events: list[Event], previous: Sequence[Event]) -> DedupResult:
    """An event keeps the id of the earlier event it shares most reports with; merged ids become aliases."""
    owner: dict[str, Event] = {}
    for old in previous:
        for report_id in old.report_ids:
            owner[report_id] = old
    claims: dict[str, list[tuple[int, int]]] = defaultdict(list)  # old id -> [(shared reports, index)]
    for index, event in enumerate(events):
        shared: dict[str, int] = defaultdict(int)
        for report_id in event.report_ids:
            if report_id in owner:
                shared[owner[report_id].event_id] += 1
        for old_id, count in shared.items():
            claims[old_id].append((count, index))
    assigned: dict[int, str] = {}
    for old_id in sorted(claims):
        for count, index in sorted(claims[old_id], key=lambda c: (-c[0], c[1])):
            if index not in assigned:
                assigned[index] = old_id
                break
    result, aliases = [], {}
    for index, event in enumerate(events):
        event_id = assigned.get(index) or _new_id(event)
        old_ids = {owner[r].event_id for r in event.report_ids if r in owner} - {event_id}
        aliases.update({old: event_id for old in old_ids if old not in assigned.values()})
        result.append(replace(event, event_id=event_id, aliases=tuple(sorted(set(event.aliases) | old_ids))))
    return DedupResult(result, aliases)


def _new_id(event: Event) -> str:
    return "e-" + hashlib.sha1(event.report_ids[0].encode()).hexdigest()[:12]
