from wirecoder.dedup import cluster_events, near_duplicate_articles
from wirecoder.records import Source

from helpers import make_event

STORY = (
    "Fighters of the Syrian Democratic Forces pushed into the eastern edge of Hajin on Thursday after a night of "
    "heavy clashes with Islamic State militants, a spokesman said, adding that coalition aircraft had struck "
    "positions in the town and that several families had fled toward the river."
)


def report(report_id, article_id, outlet, **fields):
    source = Source(article_id=article_id, outlet=outlet, published="2018-10-05", reported_by=fields.pop("reported_by", None))
    return make_event(report_id, article_id, sources=(source,), **fields)


def test_dedup_links_syndicated_copies_not_different_stories():
    copy = STORY.replace("Thursday", "Thursday,") + " Reporting by a staff writer."
    other = "Protesters gathered outside the governor's office in Basra on Sunday demanding clean water and jobs for young people."
    groups = near_duplicate_articles([("b-copy", copy), ("a-original", STORY), ("c-other", other)])
    assert groups["b-copy"] == groups["a-original"] == "a-original"
    assert groups["c-other"] == "c-other"


def test_dedup_three_outlets_one_clash_one_event_with_a_range():
    reports = [
        report("r-1", "a1", "Levant Wire", fatalities=12, fatalities_low=12, fatalities_best=12, fatalities_high=12),
        report("r-2", "a2", "Gulf Courier", location="Hajeen", fatalities=15, fatalities_low=15, fatalities_best=15, fatalities_high=15),
        report("r-3", "a3", "Euphrates Post", fatalities=20, fatalities_low=20, fatalities_best=20, fatalities_high=20),
    ]
    events = cluster_events(reports).events
    assert len(events) == 1
    event = events[0]
    assert (event.n_sources, event.fatalities, event.fatalities_low, event.fatalities_best, event.fatalities_high) == (3, 12, 12, 15, 20)


def test_dedup_reports_quoting_one_monitor_are_one_independent_source():
    reports = [report(f"r-{i}", f"a{i}", f"Outlet {i}", reported_by="Syrian Observatory for Human Rights") for i in range(3)]
    event = cluster_events(reports).events[0]
    assert (event.n_sources, event.n_independent_sources) == (3, 1)


def test_dedup_next_day_other_town_and_other_actors_stay_apart():
    reports = [
        report("r-1", "a1", "Levant Wire"),
        report("r-2", "a2", "Gulf Courier", event_date="2018-10-05", date_end="2018-10-05"),
        report("r-3", "a3", "Euphrates Post", location="Al Mayadin", geonameid=170001, latitude=35.02, longitude=40.45),
        report("r-4", "a4", "River Post", actor1="Military Forces of Syria", inter1=1),
    ]
    assert len(cluster_events(reports).events) == 4


def test_dedup_an_attack_told_without_its_target_joins_the_attack_on_civilians_it_is():
    raid = dict(event_type="Violence against civilians", sub_event_type="Attack", actor2="Civilians (Syria)", inter2=7)
    on_civilians = report("r-1", "a1", "Levant Wire", **raid, fatalities=12, fatalities_best=12)
    untargeted = report("r-2", "a2", "Gulf Courier", actor2=None, inter2=None, fatalities=19, fatalities_best=19)
    events = cluster_events([untargeted, on_civilians]).events
    assert [(e.event_type, e.actor2, e.inter2, e.n_sources) for e in events] == [("Violence against civilians", "Civilians (Syria)", 7, 2)]
    # a battle whose other side is named is a battle, not that raid
    battle = report("r-3", "a3", "River Post")
    assert len(cluster_events([battle, on_civilians]).events) == 2


def test_dedup_a_vague_report_joins_only_an_unambiguous_day():
    week = dict(event_date="2018-09-29", date_end="2018-10-05", time_precision=2)
    day_one = report("r-1", "a1", "Levant Wire", event_date="2018-10-01", date_end="2018-10-01")
    day_two = report("r-2", "a2", "Gulf Courier", event_date="2018-10-03", date_end="2018-10-03")
    vague = report("r-3", "a3", "Euphrates Post", **week)
    assert len(cluster_events([day_one, day_two, vague]).events) == 3
    assert len(cluster_events([day_one, vague]).events) == 1


def test_dedup_ids_stay_stable_when_a_source_arrives():
    first = cluster_events([report("r-1", "a1", "Levant Wire"), report("r-2", "a2", "Gulf Courier")]).events
    later = cluster_events([report("r-1", "a1", "Levant Wire"), report("r-2", "a2", "Gulf Courier"), report("r-9", "a9", "Delta Times")], first).events
    assert [e.event_id for e in later] == [first[0].event_id]
    assert later[0].n_sources == 3


def test_dedup_merged_events_keep_the_old_id_as_an_alias():
    a = report("r-1", "a1", "Levant Wire", event_date="2018-10-04", date_end="2018-10-04")
    b = report("r-2", "a2", "Gulf Courier", location="Hajin", actor2=None)
    before = cluster_events([a, replace_actor(b)]).events
    assert len(before) == 2
    after = cluster_events([a, b], before)
    assert len(after.events) == 1
    kept = after.events[0].event_id
    lost = ({e.event_id for e in before} - {kept}).pop()
    assert after.aliases == {lost: kept}
    assert lost in after.events[0].aliases


def replace_actor(event):
    from dataclasses import replace

    return replace(event, actor1="Military Forces of Syria")


def undated(report_id, article_id):
    return report(report_id, article_id, "Wire", event_date=None, date_end=None, time_precision=None)


def test_dedup_undated_reports_in_one_town_merge_only_when_their_articles_tell_one_story():
    from wirecoder.dedup import article_stories

    texts = {
        "a1": "Fighters of the SDF pushed into Hajin on the orders of commander Rojda Felat, near the Sousa road.",
        "a2": "Residents said SDF units led by Rojda Felat advanced into Hajin along the Sousa road.",
        "a3": "In an unrelated incident, gunmen loyal to Abu Khawla attacked a Hajin bakery, said Omar Abu Layla.",
    }
    stories = article_stories(list(texts.items()))
    reports = [undated("r-1", "a1"), undated("r-2", "a2"), undated("r-3", "a3")]
    events = cluster_events(reports, stories=stories).events
    assert sorted(len(e.sources) for e in events) == [1, 2]
    together = next(e for e in events if len(e.sources) == 2)
    assert {s.article_id for s in together.sources} == {"a1", "a2"}


def test_dedup_undated_reports_without_texts_merge_on_the_town_alone():
    events = cluster_events([undated("r-1", "a1"), undated("r-2", "a2")]).events
    assert len(events) == 1


def test_dedup_events_of_one_campaign_share_its_id_and_stay_separate_days():
    first = report("r-1", "a1", "Levant Wire", event_date="2018-10-03", date_end="2018-10-03")
    second = report("r-2", "a2", "Valley Post", event_date="2018-10-04", date_end="2018-10-04", actor1="Islamic State", actor2="Syrian Democratic Forces")
    toll = report("r-3", "a2", "Valley Post", fatalities_scope="cumulative", fatalities=212, location="Deir ez-Zor", geonameid=None)
    elsewhere = report("r-4", "a3", "Gulf Times", admin1="Raqqa", location="Raqqa", geonameid=163915, latitude=35.95, longitude=39.01)
    events = cluster_events([first, second, toll, elsewhere]).events
    by_report = {e.report_ids[0]: e for e in events}
    assert len(events) == 4
    assert by_report["r-1"].campaign_id == by_report["r-2"].campaign_id == by_report["r-3"].campaign_id
    assert by_report["r-4"].campaign_id not in (None, by_report["r-1"].campaign_id)


def test_dedup_generic_sides_make_no_campaign():
    events = cluster_events([report("r-1", "a1", "Wire", actor1="Unidentified Armed Group (Syria)", actor2="Civilians (Syria)")]).events
    assert events[0].campaign_id is None


def sea_report(report_id, article_id, **fields):
    at_sea = dict(location="Gulf of Aden", geonameid=None, admin1=None, country=None, iso3=None, geo_precision=3,
                  latitude=12.5, longitude=48.0, actor1="Military Forces of India", actor2="Pirates (Somalia)")
    return report(report_id, article_id, "Wire", **(at_sea | fields))


def test_dedup_undated_report_at_sea_joins_a_dated_one_only_when_told_in_nearly_the_same_words():
    from wirecoder.dedup import Story

    # similarities: a1-a2 1.0 (undated pair), a1-a3 0.3 (dated: too little for a sea), a1-a4 0.95 (dated, same words)
    stories = {
        "a1": Story({"talwar": 1.0}, ("talwar",)),
        "a2": Story({"talwar": 1.0}, ("talwar",)),
        "a3": Story({"talwar": 0.3, "socotra": 0.954}, ("talwar",)),
        "a4": Story({"talwar": 0.95, "dhow": 0.312}, ("talwar",)),
    }
    undated = dict(event_date=None, date_end=None, time_precision=None)
    first = [sea_report("r-1", "a1", **undated), sea_report("r-2", "a2", **undated), sea_report("r-3", "a3")]
    assert sorted(sorted(s.article_id for s in e.sources) for e in cluster_events(first, stories=stories).events) == [["a1", "a2"], ["a3"]]
    second = first[:2] + [sea_report("r-4", "a4")]
    assert [len(e.sources) for e in cluster_events(second, stories=stories).events] == [3]


def test_dedup_one_undated_story_told_at_sea_and_off_a_country_is_one_event():
    from wirecoder.dedup import article_stories

    texts = {
        "a1": "Commandos from the frigate INS Talwar drove off two skiffs whose crews tried to board the bulk carrier "
              "Ocean Pearl in the Gulf of Aden, the navy said, seizing rifles and a boarding ladder.",
        "a2": "Marine commandos of INS Talwar fired warning shots at pirates trying to board the Ocean Pearl off Somalia "
              "and seized their rifles and ladder.",
        "a3": "A Danish warship freed the crew of the fishing dhow Al Noor, held for a week by pirates off Somalia, "
              "after a brief exchange of fire with the hijackers.",
    }
    stories = article_stories(list(texts.items()))
    undated = dict(event_date=None, date_end=None, time_precision=None)
    off_somalia = dict(location="Somalia", geonameid=51537, admin1=None, country="Somalia", iso3="SOM", latitude=10.0, longitude=49.0)
    reports = [
        sea_report("r-1", "a1", **undated),
        sea_report("r-2", "a2", **undated | off_somalia),
        sea_report("r-3", "a3", **undated | off_somalia | {"actor1": "Military Forces of Denmark"}),
    ]
    events = cluster_events(reports, stories=stories).events
    assert sorted(sorted(s.article_id for s in e.sources) for e in events) == [["a1", "a2"], ["a3"]]


def two_sea_stories_and_a_short_item() -> dict:
    """a1/a2 tell a frigate's boarding, a3/a4 a dhow's rescue (each pair alike, the two stories not); a5 is a
    short item: 0.2 with the boarding (below the 0.24 a sea asks of two reports), 0.06 with the rescue."""
    from wirecoder.dedup import Story

    boarding, rescue = Story({"talwar": 0.8, "boarding": 0.6}, ("talwar",)), Story({"dhow": 0.8, "rescue": 0.6}, ("dhow",))
    return {"a1": boarding, "a2": boarding, "a3": rescue, "a4": rescue,
            "a5": Story({"boarding": 0.33, "dhow": 0.075, "captured": 0.94}, ("boarding",))}


UNDATED = dict(event_date=None, date_end=None, time_precision=None)


def test_dedup_a_short_item_at_sea_joins_the_one_story_it_fits_clearly_best():
    from wirecoder.dedup import Story

    # an item between the stories fits both alike, so neither
    stories = two_sea_stories_and_a_short_item() | {"a6": Story({"boarding": 0.33, "rescue": 0.33, "warship": 0.88}, ("boarding", "rescue"))}
    reports = [sea_report(f"r-{i}", f"a{i}", **UNDATED) for i in range(1, 7)]
    events = cluster_events(reports, stories=stories).events
    assert sorted(sorted(s.article_id for s in e.sources) for e in events) == [["a1", "a2", "a5"], ["a3", "a4"], ["a6"]]


def test_dedup_a_short_item_s_rivals_are_other_stories_not_other_events_of_the_best_one():
    stories = two_sea_stories_and_a_short_item()
    reports = [
        *(sea_report(f"r-{a}", a, **UNDATED) for a in ("a1", "a2", "a3", "a4")),
        # a1 and a2 also tell, apart, a Danish patrol: another event of the boarding's own articles
        *(sea_report(f"r-{a}-dk", a, **UNDATED | {"actor1": "Military Forces of Denmark"}) for a in ("a1", "a2")),
        sea_report("r-5", "a5", **UNDATED | {"actor1": None}),
    ]
    told = sorted(sorted({s.article_id for s in e.sources}) for e in cluster_events(reports, stories=stories).events)
    assert told == [["a1", "a2"], ["a1", "a2", "a5"], ["a3", "a4"]]


def test_dedup_an_undated_report_placed_only_at_its_country_joins_the_story_of_one_of_its_towns():
    from wirecoder.dedup import Story

    stories = {a: Story({"tallgrass": 0.8, "party": 0.6}, ("tallgrass",)) for a in ("a1", "a2", "a3")}
    undated = dict(event_date=None, date_end=None, time_precision=None, event_type="Violence against civilians",
                   sub_event_type="Attack", actor1=None, actor2="Civilians (Canada)")
    vancouver = dict(location="Vancouver", geonameid=6173331, admin1="British Columbia", country="Canada", iso3="CAN",
                     latitude=49.25, longitude=-123.12)
    canada = dict(location="Canada", geonameid=6251999, admin1=None, country="Canada", iso3="CAN", geo_precision=3,
                  latitude=60.0, longitude=-95.0)  # 2,600 km from Vancouver
    portland = dict(location="Portland", geonameid=5746545, admin1="Oregon", country="United States", iso3="USA",
                    latitude=45.52, longitude=-122.68)
    reports = [report("r-1", "a1", "Wire", **undated | vancouver), report("r-2", "a2", "Wire", **undated | canada)]
    assert len(cluster_events(reports, stories=stories).events) == 1
    other_country = [reports[0], report("r-3", "a3", "Wire", **undated | portland | {"actor2": "Civilians (United States)"})]
    assert len(cluster_events(other_country, stories=stories).events) == 2


def test_dedup_one_undated_story_in_two_towns_is_two_events_unless_the_towns_are_one_city():
    from wirecoder.dedup import Story

    # a roundup told in the same words everywhere: the words cannot tell its stories apart, the places must
    stories = {a: Story({"roundup": 1.0}, ("roundup",)) for a in ("a1", "a2", "a3", "a4")}
    undated = dict(event_date=None, date_end=None, time_precision=None, event_type="Violence against civilians",
                   sub_event_type="Attack", actor1=None, actor2="Civilians (Nigeria)", country="Nigeria", iso3="NGA")
    maiduguri = dict(location="Maiduguri", geonameid=2331447, admin1="Borno", latitude=11.85, longitude=13.16)
    konduga = dict(location="Konduga", geonameid=2333121, admin1="Borno", latitude=11.65, longitude=13.42)  # 36 km
    damaturu = dict(location="Damaturu", geonameid=2334802, admin1="Yobe", latitude=11.75, longitude=11.96)  # 130 km
    yobe = dict(location="Yobe", geonameid=2595344, admin1="Yobe", latitude=12.0, longitude=11.5, geo_precision=3)
    reports = [
        report("r-1", "a1", "Wire", **undated | maiduguri),
        report("r-2", "a2", "Wire", **undated | damaturu),
        report("r-3", "a3", "Wire", **undated | konduga),
        report("r-4", "a4", "Wire", **undated | yobe),
    ]
    events = cluster_events(reports, stories=stories).events
    assert sorted(sorted(s.article_id for s in e.sources) for e in events) == [["a1", "a3"], ["a2", "a4"]]


def test_dedup_story_similarity_weighs_rare_words_and_ignores_the_place():
    from wirecoder.dedup import article_stories

    stories = article_stories([
        ("a1", "Police in Athens clashed with youths after the shooting of Alexandros Grigoropoulos in Exarchia."),
        ("a2", "Youths in Athens threw stones at police for a third night over the killing of Grigoropoulos in Exarchia."),
        ("a3", "Police in Athens fired tear gas at strikers marching against pension cuts near the parliament."),
    ])
    same_story = stories["a1"].similarity(stories["a2"], ignore=["Athens"])
    other_story = stories["a1"].similarity(stories["a3"], ignore=["Athens"])
    assert same_story > 0.3 > other_story
    assert stories["a1"].similarity(stories["a3"]) > other_story  # the shared city counted, unless told to ignore it


def test_dedup_two_reports_without_a_day_that_no_dated_event_claims_are_one_event():
    monday_paper = report("r-1", "a1", "Levant Wire", event_date="2018-09-28", date_end="2018-10-04", time_precision=2)
    tuesday_paper = report("r-2", "a2", "Gulf Courier", event_date="2018-09-29", date_end="2018-10-05", time_precision=2)
    assert [len(e.sources) for e in cluster_events([monday_paper, tuesday_paper]).events] == [2]
    day_one = report("r-3", "a3", "Valley Post", event_date="2018-09-30", date_end="2018-09-30")
    # both vague reports fit the one dated event (and each other): all three are one event
    assert [len(e.sources) for e in cluster_events([monday_paper, tuesday_paper, day_one]).events] == [3]
    day_two = report("r-4", "a4", "River Post", event_date="2018-10-03", date_end="2018-10-03")
    events = cluster_events([monday_paper, tuesday_paper, day_one, day_two]).events
    assert sorted(len(e.sources) for e in events) == [1, 1, 1, 1]  # each fits two days: none is merged


def test_dedup_pirates_name_no_organization_so_reports_naming_either_side_merge():
    one = sea_report("r-1", "a1", actor1="Military Forces of India", actor2=None)
    other = sea_report("r-2", "a2", actor1="Pirates", actor2=None)
    assert [len(e.sources) for e in cluster_events([one, other]).events] == [2]


def test_dedup_a_vague_report_joins_the_day_whose_story_it_tells():
    from wirecoder.dedup import article_stories

    texts = {
        "a1": "Rioters hurled petrol bombs into the Marfin bank branch on Stadiou street on Wednesday, and three "
              "clerks died in the blaze as the general strike filled central Athens.",
        "a2": "Police fired tear gas at pensioners marching on Monday against the freeze of their pensions near "
              "the labour ministry in Athens.",
        "a3": "Three bank clerks were killed when a petrol bomb set the Marfin branch on Stadiou street ablaze, "
              "firefighters said. The general strike had brought the city to a halt. Pensioners had marched earlier.",
        "a4": "Athens has seen many demonstrations this year as the government cut spending to win a bailout.",
    }
    stories = article_stories(list(texts.items()))
    athens = dict(event_type="Riots", sub_event_type="Violent demonstration", actor1="Rioters (Greece)", actor2=None,
                  country="Greece", iso3="GRC", admin1="Attica", location="Athens", latitude=37.98, longitude=23.73,
                  geonameid=264371)
    arson = report("r-1", "a1", "Athens Post", event_date="2010-05-05", date_end="2010-05-05", **athens)
    march = report("r-2", "a2", "Aegean Daily", event_date="2010-05-03", date_end="2010-05-03", **athens)
    week = dict(event_date="2010-04-30", date_end="2010-05-06", time_precision=2, **athens)
    told = report("r-3", "a3", "Harbour News", **week)
    untold = report("r-4", "a4", "Island Times", **{**week, "event_date": "2010-05-01", "date_end": "2010-05-07"})
    events = cluster_events([arson, march, told, untold], stories=stories).events
    together = {frozenset(s.article_id for s in e.sources) for e in events}
    assert together == {frozenset({"a1", "a3"}), frozenset({"a2"}), frozenset({"a4"})}


def test_dedup_story_counts_the_lede_and_names_more_than_the_background():
    from wirecoder.dedup import article_stories

    background = (
        " Piracy off the Horn of Africa has risen sharply this year, officials say. Navies of several nations patrol"
        " the shipping lanes and escort merchant convoys, and insurers have raised their premiums for every crossing"
        " of the gulf. Shipowners want armed guards allowed on board. Ransoms paid last year ran to tens of millions"
        " of dollars, and crews held for months describe hunger and beatings. Foreign warships may now enter"
        " territorial waters in pursuit of the gangs, and the fleet will refuel in Salalah before sailing to"
        " Djibouti with fertiliser for the relief agencies."
    )
    lede = "The Indian frigate Tabar drove off pirates who tried to board a bulk carrier on Saturday, the navy said."
    story = article_stories([("a1", lede + background), ("a2", "Markets rose on Monday.")])["a1"]
    # each word once, in no other article: the lede's word and a name outweigh a common word told later
    assert story.weights["tabar"] > story.weights["salalah"] > story.weights["fertiliser"]
