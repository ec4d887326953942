import pytest

from wirecoder.records import ActorMention, Span
from wirecoder.settings import Settings
from wirecoder.stages import classify

from stagekit import analyzed


@pytest.fixture(scope="module")
def stage():
    return classify.build(Settings())


def types(stage, text, actors=()):
    doc = stage(__import__("dataclasses").replace(analyzed(text), actors=tuple(actors)))
    return [(t.sub_event_type, t.negated) for t in doc.triggers]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Heavy clashes broke out between tribal fighters and the rebels near the dam.", "Armed clash"),
        ("Warplanes struck a fuel depot outside the port city on Sunday.", "Air/drone strike"),
        ("Government artillery shelled the old quarter for a third day.", "Shelling/artillery/missile attack"),
        ("A roadside bomb hit an army convoy on the highway.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("Gunmen abducted eleven passengers from a bus.", "Abduction/forced disappearance"),
        ("Hundreds of protesters marched against fuel prices in the capital.", "Peaceful protest"),
        ("Police fired tear gas to disperse the crowd outside parliament.", "Protest with intervention"),
        ("Police fired tear gas at protesters in the central business district.", "Protest with intervention"),
        ("Soldiers fired live rounds at demonstrators outside the palace.", "Excessive force against protesters"),
        ("Strikes on Rafah killed at least 22 people overnight, medics said.", "Air/drone strike"),
        ("The two sides signed a ceasefire agreement in the evening.", "Agreement"),
        ("Security forces arrested four suspected members of the cell.", "Arrests"),
        ("Engineers defused a bomb planted under a bridge.", "Disrupted weapons use"),
        ("The militia looted shops and torched homes in the market.", "Looting/property destruction"),
        ("Russian forces struck the port of Odesa with drones overnight, wounding four.", "Air/drone strike"),
        ("The army attacked rebel hideouts in the hills with helicopter gunships.", "Air/drone strike"),
    ],
)
def test_classify_types_common_event_reports(stage, text, expected):
    assert (expected, False) in types(stage, text)


def test_classify_attack_on_civilians_is_violence_against_civilians(stage):
    assert types(stage, "Gunmen attacked a wedding party, killing seven villagers.") == [("Attack", False)]
    assert types(stage, "Gunmen attacked an army checkpoint, killing two soldiers.")[0][0] == "Armed clash"


def test_classify_territory_depends_on_who_takes_it(stage):
    text = "The army recaptured the town after a week of fighting."
    army = ActorMention(Span(4, 8, "army"), 0, "Military Forces of Ruritania", inter=1)
    assert ("Government regains territory", False) in types(stage, text, [army])
    rebels_text = "The rebels captured the town after a week of fighting."
    rebels = ActorMention(Span(4, 10, "rebels"), 0, "Ruritanian Rebels", inter=2)
    assert ("Non-state actor overtakes territory", False) in types(stage, rebels_text, [rebels])


def test_classify_marks_denials_and_threats_as_negated(stage):
    assert types(stage, "The ministry denied carrying out air strikes on the market.") == [("Air/drone strike", True)]
    assert all(negated for _, negated in types(stage, "The group threatened to attack the city again."))


@pytest.mark.parametrize(
    "text",
    [
        "The price war between the two airlines hurt profits.",
        "She won her battle against cancer last year.",
        "An earthquake killed 40 people and destroyed hundreds of homes.",
        "The striker scored twice as the home side attacked all evening in the match.",
        "A driver was killed when his car crashed into a truck on the highway.",
        "Stocks rallied after the central bank decision.",
        "Investigators found a shotgun and three shells in the trunk of his car.",
        "The wounded guard had yet to regain consciousness on Wednesday, doctors said.",
    ],
)
def test_classify_figurative_and_non_conflict_text_yields_nothing(stage, text):
    assert [t for t in types(stage, text) if not t[1]] == []


def test_classify_user_file_adds_a_trigger(tmp_path):
    extra = tmp_path / "triggers_local.csv"
    extra.write_text('pattern,sub_event_type,if_civilians,if_state,confidence\ntechnicals? (?:opened up|raked),Armed clash,,,0.8\n')
    stage = classify.build(Settings(knowledge_paths=(extra,)))
    assert types(stage, "Technicals raked the hillside positions.")[0][0] == "Armed clash"


def test_classify_match_report_yields_no_event_but_an_attack_on_a_derby_does(stage):
    match_report = (
        "The visitors' attack looked sharper before half-time. The hosts won the battle in midfield and the "
        "goalkeeper was beaten twice. Two players were booked after a clash near the touchline."
    )
    assert types(stage, match_report) == []
    attack = "Gunmen opened fire on fans leaving the derby at the city stadium, killing four people."
    assert types(stage, attack) != []


def test_classify_diplomatic_clash_and_verbal_attack_are_no_events(stage):
    text = "Diplomats described a clash of positions, and Ethiopia attacked what it called outdated colonial-era treaties."
    assert types(stage, text) == []


def test_classify_prison_riot_and_execution_style_shooting(stage):
    assert types(stage, "Six inmates died in a riot at Oke Kura Prison on Monday.")[0][0] == "Mob violence"
    assert types(stage, "Gunmen shot the two elders in the head outside their homes.")[0][0] == "Attack"


def test_classify_fire_set_by_attackers_is_part_of_their_attack_not_a_riot(stage):
    attack = "The attackers stormed the outpost before dawn and set fire to two vehicles."
    assert "Violent demonstration" not in [t for t, _ in types(stage, attack)]
    riot = "Angry protesters set fire to tyres and blocked the main road into the town."
    assert "Violent demonstration" in [t for t, _ in types(stage, riot)]


def test_classify_what_a_group_does_habitually_is_no_event(stage):
    text = "The group has carried out similar raids on isolated army posts in the region."
    assert all(negated for _, negated in types(stage, text))


def test_classify_fleeing_the_fighting_points_at_fighting_told_elsewhere(stage):
    assert all(negated for _, negated in types(stage, "Hundreds of families were allowed to flee the fighting on Monday."))


def test_classify_a_killing_stands_when_the_only_other_word_is_negated(stage):
    text = "Insurgents killed at least nine people from one clan as they tried to flee the besieged town."
    assert [t for t, negated in types(stage, text) if not negated] == ["Attack"]  # "killed ... people"


@pytest.mark.parametrize("text", [
    "Seven rifles, a rocket launcher and two grenades were found in the skiff after the crew surrendered.",
    "The pirates were spotted by a missile frigate on anti-piracy duty.",
])
def test_classify_weapons_named_but_not_used_are_no_attack(stage, text):
    assert "Shelling/artillery/missile attack" not in [t for t, negated in types(stage, text) if not negated]
