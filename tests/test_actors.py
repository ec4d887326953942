import datetime as dt

import pytest

from wirecoder.actors import load_registry
from wirecoder.settings import Settings
from wirecoder.stages import actors

from stagekit import analyzed


@pytest.fixture(scope="module")
def stage():
    return actors.build(Settings())


def names(stage, text, published=dt.date(2018, 10, 5), entities=None):
    return [(a.span.text, a.name) for a in stage(analyzed(text, published, entities)).actors]


def test_actors_aliases_resolve_to_one_canonical_name(stage):
    found = names(stage, "Daesh fighters and ISIL militants fled as the so-called Islamic State lost ground.")
    assert {name for _, name in found} == {"Islamic State"}


def test_actors_capitalised_short_alias_is_not_the_verb(stage):
    assert names(stage, "The situation is calm, and IS has withdrawn.") == [("IS", "Islamic State")]


def test_actors_longest_alias_wins(stage):
    found = names(stage, "The US-backed Syrian Democratic Forces advanced.")
    assert found == [("US-backed Syrian Democratic Forces", "Syrian Democratic Forces")]


def test_actors_validity_dates_follow_publication(stage):
    before = names(stage, "Nusra fighters shelled the village.", published=dt.date(2014, 5, 1))
    after = names(stage, "Nusra fighters shelled the village.", published=dt.date(2016, 9, 1))
    assert before[0][1] == "Jabhat al-Nusra" and after[0][1] == "Jabhat Fatah al-Sham"


def test_actors_nationality_and_force_noun_make_state_forces(stage):
    assert ("Chadian troops", "Military Forces of Chad") in names(stage, "Chadian troops crossed the lake.")


def test_actors_generic_actors_take_the_article_country(stage):
    found = names(stage, "Somali troops said gunmen killed three civilians.")
    assert ("civilians", "Civilians (Somalia)") in found
    assert ("gunmen", "Unidentified Armed Group (Somalia)") in found


def test_actors_unknown_armed_group_is_kept_as_written(stage):
    text = "The Hamza Lions Brigade attacked a checkpoint."
    doc = stage(analyzed(text, entities={"The Hamza Lions Brigade": "ORG"}))
    unknown = [a for a in doc.actors if not a.known]
    assert [a.name for a in unknown] == ["Hamza Lions Brigade"]


def test_actors_user_registry_file_is_added(tmp_path):
    extra = tmp_path / "actors_mine.csv"
    extra.write_text("canonical,aliases,inter,country,valid_from,valid_to,generic\nRiver Guard Militia,River Guard|RGM,3,SYR,,,\n")
    stage = actors.build(Settings(knowledge_paths=(extra,)))
    assert names(stage, "The River Guard ambushed a patrol.")[0][1] == "River Guard Militia"
    assert load_registry((extra,)).canonical("RGM") == "River Guard Militia"


def test_actors_demonyms_of_countries_the_knowledge_files_leave_out_come_from_countryinfo(stage):
    assert ("Greek police", "Police Forces of Greece") in names(stage, "Greek police fired tear gas at the crowd.")


def test_actors_a_country_possessive_and_its_weapons_name_its_forces(stage):
    found = dict(names(stage, "Myanmar's military bombed the village while Iraq's army sealed the border.", dt.date(2023, 1, 10)))
    assert found["Myanmar's military"] == "Military Forces of Myanmar"
    assert found["Iraq's army"] == "Military Forces of Iraq"
    found = dict(names(stage, "Russian missiles hit the power station overnight.", dt.date(2023, 1, 10)))
    assert found["Russian missiles"] == "Military Forces of Russia (2000-)"  # the registry's name, period included


@pytest.mark.parametrize("text, name", [
    ("The People's Defence Force said its fighters ambushed a convoy.", "PDF: People's Defense Force"),
    ("Naxalites set off a landmine under a police vehicle.", "CPI-Maoist: Communist Party of India-Maoist"),
    ("ELN guerrillas blew up a stretch of the pipeline.", "ELN: National Liberation Army"),
])
def test_actors_registry_knows_the_armed_groups_of_other_theatres(stage, text, name):
    assert name in {n for _, n in names(stage, text, dt.date(2023, 1, 10))}


def test_actors_militants_in_a_story_of_one_jihadist_group_are_that_group(stage):
    text = ("Islamic State fighters attacked SDF positions near Hajin. The militants later retook two villages, "
            "and SDF commanders said the jihadists had used car bombs.")
    found = names(stage, text)
    assert ("militants", "Islamic State") in found and ("jihadists", "Islamic State") in found
    text = "Boko Haram and ISWAP fighters clashed near Lake Chad. The militants then withdrew."
    found = dict(names(stage, text))
    assert found["militants"].startswith("Unidentified Armed Group")  # two groups called so: unknown which


def test_actors_miners_and_workers_killed_are_civilians(stage):
    doc = stage(analyzed("Armed men attacked a gold mine in Burkina Faso, killing 15 miners and six construction workers."))
    assert [(a.span.text, a.inter) for a in doc.actors if a.inter == 7] == [("miners", 7), ("construction workers", 7)]


def test_actors_rebels_of_a_story_elsewhere_are_not_syria_s(stage):
    text = "The army took control of the town of Kidal in northern Mali from Tuareg rebels."
    assert names(stage, text, entities={"Mali": "GPE"}) == [("The army", "Military Forces of Mali"), ("rebels", "Unidentified Armed Group (Mali)")]


def test_actors_a_local_chief_shot_dead_is_a_civilian(stage):
    text = "Unknown gunmen shot dead a local chief in the town, residents said."
    assert names(stage, text)[:2] == [("Unknown gunmen", "Unidentified Armed Group"), ("local chief", "Civilians")]
