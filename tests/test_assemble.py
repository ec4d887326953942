"""Assemble: one record per event, fields taken from the right sentence, concurrent words merged."""

import datetime as dt

import pytest

from wirecoder.records import Article


def events_of(pipeline, text, published=dt.date(2021, 3, 12)):
    return pipeline.extract(Article(id="a.txt", text=text, published=published))


def test_assemble_back_reference_does_not_replace_the_event(pipeline):
    text = (
        "A bomb went off in the main market of Mosul on Thursday, killing nine shoppers. "
        "Twenty-two people were wounded in the attack, a police officer said."
    )
    events = [e for e in events_of(pipeline, text) if e.fatalities_scope == "event"]
    assert [e.sub_event_type for e in events] == ["Remote explosive/landmine/IED"]
    assert events[0].fatalities == 9 and events[0].injured == 22


def test_assemble_attack_on_civilians_is_not_a_battle(pipeline):
    text = "Eleven villagers were killed in an attack on Dalori village near Maiduguri in Borno state on Monday."
    events = events_of(pipeline, text)
    assert events and events[0].event_type == "Violence against civilians"
    assert events[0].sub_event_type == "Attack" and events[0].fatalities == 11


def test_assemble_no_fewer_than_is_not_a_negation(pipeline):
    text = "No fewer than eight persons were killed by gunmen in Kaura, Kaduna State, on Saturday."
    events = events_of(pipeline, text)
    assert [e.fatalities for e in events] == [8]


def test_assemble_takes_counts_from_the_sentence_before_a_back_reference(pipeline):
    text = (
        "Gunmen stormed a wedding party in Zamfara state on Sunday night. "
        "Fourteen guests lost their lives. "
        "The state police command condemned the attack on Monday."
    )
    events = events_of(pipeline, text)
    assert max(e.fatalities for e in events) == 14


def test_assemble_bodies_dumped_with_wounds_are_the_dead_of_a_killing(pipeline):
    text = "The bullet-riddled bodies of six traders were found dumped beside the highway outside Chilpancingo on Tuesday."
    events = events_of(pipeline, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 6)]


def test_assemble_undated_day_toll_beside_a_campaign_toll_keeps_both(pipeline):
    text = (
        "Clashes between rival herding communities in Jonglei killed nine people at the weekend, "
        "in a feud that has left at least 80 people dead since January, local officials said."
    )
    events = events_of(pipeline, text, published=None)
    by_scope = {e.fatalities_scope: e.fatalities for e in events}
    assert by_scope == {"event": 9, "cumulative": 80}


def test_assemble_killing_of_vaccinators_is_not_vetoed_as_health_news(pipeline):
    text = "Gunmen shot dead two polio vaccinators and a policeman in Bajaur on Wednesday, officials said."
    events = events_of(pipeline, text)
    assert events and max(e.fatalities for e in events) == 3


def test_assemble_lone_crime_killing_needs_the_crime_extension():
    from pathlib import Path

    from wirecoder.pipeline import Pipeline
    from wirecoder.settings import Settings

    text = "A 24-year-old man was shot and killed outside a bar on Elm Street late on Friday, police said."
    article = Article(id="crime.txt", text=text, published=dt.date(2021, 3, 13))
    assert Pipeline().extract(article) == []
    extension = Path(__file__).resolve().parent.parent / "examples" / "knowledge" / "role_words_crime.csv"
    events = Pipeline(Settings(knowledge_paths=(extension,))).extract(article)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Attack", 1)]


def test_assemble_lone_event_takes_the_dead_stated_paragraphs_later(pipeline):
    text = (
        "Gunmen opened fire on a minibus carrying traders near Gwoza, Borno State, on Tuesday evening.\n\n"
        "The vehicle was travelling to the weekly market with goods from the border villages.\n\n"
        "Four passengers died of their wounds in hospital overnight, local officials said."
    )
    events = [e for e in events_of(pipeline, text) if e.fatalities_scope == "event"]
    assert len(events) == 1 and events[0].fatalities == 4


def test_assemble_unnamed_battle_after_a_sentence_of_claimants_is_between_the_main_sides(pipeline):
    text = (
        "SDF fighters and Daesh militants traded fire near Hajin on Monday. "
        "Daesh later withdrew from two positions, the SDF said.\n\n"
        "Residents told reporters they had heard explosions all night.\n\n"
        "Clashes continued in the town on Tuesday."
    )
    events = events_of(pipeline, text, published=dt.date(2018, 10, 3))
    tuesday = next(e for e in events if e.event_date == "2018-10-02")
    assert {tuesday.actor1, tuesday.actor2} == {"Syrian Democratic Forces", "Islamic State"}


def test_assemble_generic_victims_belong_to_the_country_of_the_event(pipeline):
    text = "Saudi-led coalition jets struck a fish market in Ad Durayhimi, Yemen, on Saturday, killing seven civilians."
    events = events_of(pipeline, text, published=dt.date(2018, 9, 16))
    assert events and events[0].actor2 == "Civilians (Yemen)"


def test_assemble_navy_foiling_a_piracy_attempt_is_a_clash_with_pirates(pipeline):
    text = "The Indian Navy foiled a piracy attempt on a cargo ship in the Gulf of Aden on Saturday and detained 11 pirates."
    events = events_of(pipeline, text, published=dt.date(2009, 3, 2))
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert (clash.actor1, clash.actor2, clash.location) == ("Military Forces of India", "Pirates", "Gulf of Aden")
    assert any(e.sub_event_type == "Arrests" for e in events)


def test_assemble_province_named_for_the_event_beats_a_city_named_as_a_landmark(pipeline):
    text = "A roadside bomb tore through a minibus in Paktika province south of Kabul on Tuesday, killing eight passengers."
    events = events_of(pipeline, text)
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Paktika", "Paktika", 3)]


def test_assemble_sect_word_is_not_the_place_and_a_town_is_found_without_its_country(pipeline):
    text = "A car bomb went off outside a Shiite mosque in the town of Mahmoudiya on Friday, killing six worshippers."
    events = events_of(pipeline, text)
    assert [(e.location, e.country) for e in events] == [("Al Mahmudiyah", "Iraq")]


def test_assemble_town_named_after_the_province_is_where_the_one_event_happened(pipeline):
    text = (
        "A roadside bomb killed six soldiers in Helmand province on Tuesday, officials said. "
        "The device exploded under their armoured vehicle on a road near Lashkar Gah."
    )
    events = [e for e in events_of(pipeline, text) if e.fatalities_scope == "event"]
    assert [(e.location, e.geo_precision, e.fatalities) for e in events] == [("Lashkar Gah", 2, 6)]


def test_assemble_page_date_line_dates_the_report_not_the_event(pipeline):
    text = "Posted: 12 May 2021 09:30 GMT\nMilitants shelled the village of Kafr Nabl in Idlib province, killing three farmers."
    events = events_of(pipeline, text, published=None)
    assert [(e.event_date, e.date_end, e.time_precision) for e in events] == [("2021-05-06", "2021-05-12", 2)]


def test_assemble_shot_and_later_died_is_a_killing_and_the_attack_told_at_its_province_is_the_same(pipeline):
    text = (
        "A candidate for mayor of Itumbiara was shot on Wednesday afternoon and later died in hospital. "
        "The deputy governor of Goias State was also wounded in the attack."
    )
    events = events_of(pipeline, text)
    assert [(e.sub_event_type, e.location, e.fatalities) for e in events] == [("Attack", "Itumbiara", 1)]


def test_assemble_campaign_toll_starts_at_the_fighting_not_at_years_of_rule(pipeline):
    text = (
        "The offensive on Hajin began in September and aims to free people from the rule of Islamic State over "
        "the past four years, a coalition spokesman said. The toll of the offensive has risen to 212, the "
        "Syrian Observatory for Human Rights said."
    )
    tolls = [e for e in events_of(pipeline, text, published=dt.date(2018, 10, 5)) if e.fatalities_scope == "cumulative"]
    assert [(e.event_date, e.date_end, e.fatalities) for e in tolls] == [("2018-09-01", "2018-10-05", 212)]


def test_assemble_history_the_report_recalls_is_no_event(pipeline):
    text = (
        "Gunmen abducted nine traders near Gwoza on Tuesday, residents said. The group has kidnapped "
        "thousands of people since its insurgency began in 2009."
    )
    events = events_of(pipeline, text, published=dt.date(2018, 10, 19))
    assert [e.event_date for e in events] == ["2018-10-16"]


def test_assemble_where_the_speaker_sits_is_not_where_the_attack_happened(pipeline):
    text = ("The state police command in Jalingo said on Tuesday that gunmen attacked herders near Gassol, "
            "killing nine of them.")
    events = events_of(pipeline, text)
    assert {(e.location, e.admin1) for e in events} == {("Gassol", "Taraba")}


def test_assemble_a_capital_that_speaks_is_not_where_its_jets_struck(pipeline):
    text = "Moscow said its warplanes had bombed a rebel depot near Maarat al-Numan in northwest Syria on Sunday, killing 14 fighters."
    events = events_of(pipeline, text)
    assert events and {(e.location.startswith("Ma"), e.country) for e in events} == {(True, "Syria")}


def test_assemble_a_named_village_coded_at_its_country_beats_a_country_named_as_background(pipeline):
    text = ("Soldiers killed 30 refugees who had fled unrest in Burundi when they opened fire in Kamanyola, "
            "in the neighbouring Democratic Republic of Congo, activists said.")
    events = events_of(pipeline, text)
    assert {(e.location, e.country, e.geo_precision) for e in events} == {("Kamanyola", "Democratic Republic of the Congo", 3)}


def test_assemble_an_event_no_toponym_locates_is_in_the_one_country_its_people_name(pipeline):
    text = ("Somali government troops fought al-Shabaab overnight into Sunday and seven people were killed, "
            "a Somali officer said. The battle began when the troops attacked positions near Koranbod.")
    events = events_of(pipeline, text)
    assert events and {(e.country, e.geo_precision) for e in events} == {("Somalia", 3)}
    assert "Koranbod" in {e.location for e in events}


def test_assemble_generic_actors_take_the_country_of_the_event_place(pipeline):
    text = "Gunmen suspected to be bandits killed 12 villagers in Zurmi, Zamfara State, on Sunday, police said."
    events = events_of(pipeline, text)
    assert {(e.actor1, e.actor2) for e in events} == {("Bandits (Nigeria)", "Civilians (Nigeria)")}
    text = "Armed bandits attacked a merchant ship in the Gulf of Aden on Saturday, and navy commandos clashed with the bandits."
    events = events_of(pipeline, text)
    assert events and not any("Nigeria" in (e.actor1 or "") + (e.actor2 or "") for e in events)


def test_assemble_a_span_up_to_the_report_says_how_long_not_when(pipeline):
    text = ("Rebels launched their last big offensive in the valley to end the militia's rule over the past "
            "three years, a spokesman said, and fighting went on near Ras Kamal.")
    events = events_of(pipeline, text, published=dt.date(2019, 4, 10))
    assert events and all(e.event_date >= "2019-04-01" for e in events)


def test_assemble_a_campaign_mentioned_in_a_report_of_its_day_is_no_second_event(pipeline):
    text = ("Fighters of the Syrian Democratic Forces clashed with Islamic State militants in Hajin on Wednesday, "
            "a spokesman said. \"This is the last big SDF offensive against Islamic State in the valley,\" a "
            "coalition colonel said this week.")
    events = events_of(pipeline, text, published=dt.date(2018, 10, 5))
    assert [(e.event_date, e.sub_event_type) for e in events] == [("2018-10-03", "Armed clash")]


def test_assemble_a_region_inside_one_country_gives_its_events_that_country(pipeline):
    text = "Government artillery pounded towns in Eastern Ghouta on Monday, killing 14 civilians, a monitoring group said."
    events = events_of(pipeline, text, published=dt.date(2018, 2, 20))
    assert {(e.location, e.country, e.geo_precision) for e in events} == {("Eastern Ghouta", "Syria", 3)}


ONE_ATTACK_TOLD_SEVERAL_WAYS = {
    "a claim of responsibility names who did the bombing told before": (
        "A suicide bomber blew himself up at a Shiite mosque in Kandahar during Friday prayers, killing 33 worshippers, "
        "officials said. Islamic State Khorasan Province claimed responsibility for the bombing.",
        ("Suicide bomb", "Islamic State Khorasan Province", "Civilians (Afghanistan)", 33)),
    "a group saying its fighters planted the bomb is its actor": (
        "A roadside bomb struck an army truck near Afgoye on Tuesday, killing four soldiers, an officer said. "
        "Al-Shabaab said in a statement that its fighters had planted the device.",
        ("Remote explosive/landmine/IED", "al-Shabaab", "Military Forces of Somalia", 4)),
    "a raid told with its massacre is the massacre": (
        "Suspected ADF rebels hacked 19 villagers to death in an overnight raid on the village of Kalunguta "
        "in North Kivu province, local officials said on Thursday.",
        ("Attack", "Islamic State Central Africa Province", "Civilians (Democratic Republic of Congo)", 19)),
    "killings during an abduction raid make an attack": (
        "Gunmen on Tuesday killed nine farmers and abducted about 30 others in Kauran Namoda, Zamfara State, police said.",
        ("Attack", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)", 9)),
    "a hotel siege with car bombs told again as 'the explosions' is one explosion": (
        "Al-Shabaab fighters stormed a seafront hotel in Mogadishu on Friday night, setting off two car bombs and "
        "killing at least 19 people, police said. The attack began with the explosions, police officer Ahmed Nur said.",
        ("Remote explosive/landmine/IED", "al-Shabaab", "Civilians (Somalia)", 19)),
}


@pytest.mark.parametrize("case", list(ONE_ATTACK_TOLD_SEVERAL_WAYS))
def test_assemble_one_attack_told_several_ways_is_one_event(pipeline, case):
    text, expected = ONE_ATTACK_TOLD_SEVERAL_WAYS[case]
    events = events_of(pipeline, text, published=dt.date(2021, 3, 12))
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events] == [expected]


def test_assemble_a_toll_since_the_offensive_began_dates_no_day_event(pipeline):
    text = (
        "At least 318 people have been killed since government troops launched their assault on the rebel "
        "pocket around Kafr Nabl on March 2, a monitoring group said on Thursday. It counted 201 rebels, 96 "
        "soldiers and 21 civilians among the dead. Rebel counter-attacks this week cost the army dozens of men. "
        "The army has moved fresh units to the area for the next phase of the battle."
    )
    events = events_of(pipeline, text)
    tolls = [e for e in events if e.fatalities_scope == "cumulative"]
    days = [e for e in events if e.fatalities_scope == "event"]
    assert [e.fatalities for e in tolls] == [318]
    assert all(e.event_date != "2021-03-02" for e in days)  # the campaign's first day is no day event
    assert len(days) == 1 and days[0].time_precision == 2  # this week's counter-attacks; the next phase is no event


def test_assemble_the_campaign_start_a_report_recalls_is_no_event(pipeline):
    text = (
        "Rebels overran two army posts near Kafr Nabl in Idlib province, Syria, on Tuesday. It was the heaviest "
        "setback for the army since it launched its offensive on the town on March 2."
    )
    assert [e.event_date for e in events_of(pipeline, text)] == ["2021-03-09"]


def test_assemble_a_correction_note_tells_no_event(pipeline):
    text = (
        "Gunmen killed nine soldiers at a checkpoint near Konduga, Borno State, Nigeria, on Wednesday. "
        "Correction: an earlier version of this article said seven soldiers had been killed."
    )
    assert [(e.event_date, e.fatalities) for e in events_of(pipeline, text)] == [("2021-03-10", 9)]


def test_assemble_a_village_the_gazetteer_lacks_is_the_event_s_location_at_its_province(pipeline):
    text = "Militants attacked the village of Umm Zurayqat in Deir ez-Zor province, Syria, on Monday, killing three."
    events = events_of(pipeline, text)
    assert [(e.location, e.admin1, e.geo_precision) for e in events] == [("Umm Zurayqat", "Deir ez-Zor", 3)]


def test_assemble_a_campaign_fought_since_a_day_is_no_event_of_that_day(pipeline):
    text = (
        "Army jets struck rebel positions near Kafr Nabl in Idlib province, Syria, on Thursday, killing six fighters. "
        "Government forces have been fighting since January 3 to retake the valley."
    )
    assert [e.event_date for e in events_of(pipeline, text)] == ["2021-03-11"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the strike told next, with its dead, is the same strike
        ("Coalition aircraft on Friday destroyed a school in Al-Susah, Syria, that the militants used as a depot. "
         "The strike killed several Islamic State fighters, a coalition statement said.",
         ("Air/drone strike", "Coalition (Operation Inherent Resolve)", "Islamic State", 10)),
        # a rally that turned into a riot is one riot, of rioters against the police
        ("Hundreds of people rallied in Basra, Iraq, on Friday against power cuts. In the afternoon a group of young "
         "men threw stones at police and set tyres on fire. Riot police fired tear gas to push them back. "
         "Nobody was killed.",
         ("Violent demonstration", "Rioters (Iraq)", "Police Forces of Iraq", 0)),
    ],
)
def test_assemble_what_is_told_again_is_one_event(pipeline, text, expected):
    events = events_of(pipeline, text)
    assert [(e.sub_event_type, e.actor1, e.actor2, e.fatalities) for e in events] == [expected]


def test_assemble_an_abduction_told_again_by_its_gunmen_and_where_captives_were_taken_is_one_event(pipeline):
    text = (
        "Boko Haram fighters abducted nine girls who were fetching water outside Bama in Borno State, Nigeria, on "
        "Tuesday, residents said. The gunmen rounded up the girls at gunpoint and drove them toward the Sambisa "
        "forest. Girls in the camps often walk far for water, which exposes them to attacks by the jihadists."
    )
    events = events_of(pipeline, text)
    assert [(e.sub_event_type, e.location, e.event_date) for e in events] == [
        ("Abduction/forced disappearance", "Bama", "2021-03-09")
    ]


def test_assemble_a_village_told_by_its_bearing_from_a_town_is_the_place_not_the_town(pipeline):
    text = ("Government troops entered the outskirts of Kafr Nabl, a town south of Idlib, Syria, on Monday "
            "after heavy clashes with rebels.")
    assert [e.location for e in events_of(pipeline, text)] == ["Kafranbel"]  # GeoNames spelling


def test_assemble_the_number_killed_since_an_assault_began_is_a_toll_not_a_day_event(pipeline):
    text = ("The number of people killed since government troops began their assault on the rebel pocket around "
            "Kafr Nabl, Syria, has risen to 226, a monitoring group said on Thursday. The dead include 131 rebels, "
            "81 soldiers and 14 civilians.")
    events = events_of(pipeline, text)
    assert [(e.fatalities, e.fatalities_scope) for e in events] == [(226, "cumulative")]


def test_assemble_a_month_recalled_half_a_year_back_is_background(pipeline):
    text = ("Police arrested 14 suspected militants in raids near Hawija in Kirkuk province, Iraq, on Tuesday. "
            "Hawija is a former Islamic State stronghold that government forces retook in October last year.")
    assert [e.sub_event_type for e in events_of(pipeline, text, published=dt.date(2021, 9, 14))] == ["Arrests"]


def test_assemble_where_an_attack_took_place_is_no_capture_of_the_town(pipeline):
    text = ("Gunmen ambushed a police convoy in Michoacan state, Mexico, on Monday, killing 13 officers. "
            "The attack took place near the town of Aguililla.")
    events = events_of(pipeline, text)
    assert [(e.sub_event_type, e.fatalities) for e in events] == [("Armed clash", 13)]


def test_assemble_days_an_undated_report_names_keep_its_events_apart(pipeline):
    text = ("Federal troops and Fano militiamen clashed in Lalibela in the Amhara region of Ethiopia on Wednesday. "
            "A drone strike on a market in Bahir Dar killed at least 26 people on Sunday.")
    events = events_of(pipeline, text, published=None)
    assert sorted((e.sub_event_type, e.location) for e in events) == [("Air/drone strike", "Bahir Dar"), ("Armed clash", "Lalibela")]


def test_assemble_the_ends_of_the_road_an_event_happened_on_give_way_to_its_village(pipeline):
    text = ("Two bombs went off on Monday at an army checkpoint in Maiduwa village, Fika LGA, on the "
            "Potiskum-Gombe road, and 13 travellers died, Yobe State police said.")
    events = events_of(pipeline, text)
    assert [(e.location, e.admin1) for e in events] == [("Maiduwa", "Yobe")]


def test_assemble_where_someone_was_born_is_not_where_he_was_killed(pipeline):
    events = events_of(pipeline, "A Mosul-born commander of the group was killed in an air strike in Anbar province on Sunday.")
    assert [(e.location, e.admin1) for e in events] == [("Anbar", "Anbar")]
