import pytest

from wirecoder.records import ActorMention, Span, TriggerMention
from wirecoder.roles import assign_roles


def mention(text, words, name, inter=2):
    start = text.index(words)
    return ActorMention(Span(start, start + len(words), words), 0, name, inter=inter)


def trigger(text, words, event_type="Battles", sub="Armed clash"):
    start = text.index(words)
    return TriggerMention(Span(start, start + len(words), words), 0, "Political violence", event_type, sub)


def roles_of(text, trigger_words, actors, **kind):
    found = assign_roles(trigger(text, trigger_words, **kind), actors, text, 0, kind.get("sub", "Armed clash"))
    name = lambda a: a.name if a else None  # noqa: E731
    return name(found.actor1), name(found.actor2), [a.name for a in found.assoc_actor_1]


TWO_SIDES = {
    "clashes between x and y": ("Clashes between the Desert Hawks and the Valley Front left ten dead.", "Clashes", ("Desert Hawks", "Valley Front")),
    "the subject acts on the object": ("The Valley Front shelled Desert Hawks positions at dawn.", "shelled", ("Valley Front", "Desert Hawks")),
    "a passive voice's agent is actor 1": ("Desert Hawks fighters were ambushed by the Valley Front near the dam.", "ambushed", ("Valley Front", "Desert Hawks")),
    "a battle named only by its dead keeps its first side as actor 1": (
        "Fighting killed six Valley Front fighters and two Desert Hawks near the dam.", "Fighting", ("Valley Front", "Desert Hawks")),
    "a side that repelled the other": ("Valley Front fighters repelled Desert Hawks assaults near the dam.", "assaults", ("Valley Front", "Desert Hawks")),
    "a group that reports its fighters' act is its actor": (
        "The Valley Front said its fighters had clashed with Desert Hawks near the dam.", "clashed", ("Valley Front", "Desert Hawks")),
    "those who were killed are hit by the side that stormed": (
        "Nine fighters of the Desert Hawks were killed at dawn when Valley Front gunmen stormed their posts.", "stormed",
        ("Valley Front", "Desert Hawks")),
    "two sides told with 'and' before a verb of fighting": (
        "Desert Hawks fighters and Valley Front gunmen clashed near the dam on Friday.", "clashed", ("Desert Hawks", "Valley Front")),
    "the verb after 'but' is still its subject's, and a noun's 'by' is no passive agent": (
        "Valley Front units entered the village but withdrew after a counter-attack by Desert Hawks fighters.", "withdrew",
        ("Valley Front", "Desert Hawks")),
    "a side in a lead-in phrase sets the scene": (
        "With Desert Hawks drones grounded by the dust, Valley Front fighters overran two hill posts.", "overran",
        ("Valley Front", None)),
}


@pytest.mark.parametrize("case", list(TWO_SIDES))
def test_roles_of_two_named_sides(case):
    text, trigger_words, expected = TWO_SIDES[case]
    actors = sorted((mention(text, side, side) for side in ("Valley Front", "Desert Hawks")), key=lambda a: a.span.start)
    assert roles_of(text, trigger_words, actors)[:2] == expected


def test_roles_backed_by_is_an_associate():
    text = "Government troops, backed by Ruritanian warplanes, attacked the Valley Front."
    actors = [
        mention(text, "Government troops", "Military Forces of Sylvania", 1),
        mention(text, "Ruritanian warplanes", "Military Forces of Ruritania", 8),
        mention(text, "Valley Front", "Valley Front"),
    ]
    assert roles_of(text, "attacked", actors) == ("Military Forces of Sylvania", "Valley Front", ["Military Forces of Ruritania"])


def test_roles_civilians_are_always_actor2_in_violence_against_civilians():
    text = "Villagers were killed when the Valley Front stormed the market."
    actors = [mention(text, "Villagers", "Civilians (Sylvania)", 7), mention(text, "Valley Front", "Valley Front")]
    found = roles_of(text, "stormed", actors, event_type="Violence against civilians", sub="Attack")
    assert found[:2] == ("Valley Front", "Civilians (Sylvania)")


def test_roles_a_force_coordinating_with_another_is_its_associate_not_its_enemy():
    text = "Heavy fighting went on near the dam, and the Desert Hawks are coordinating with the Ruritanian army."
    actors = [mention(text, "Desert Hawks", "Desert Hawks"), mention(text, "Ruritanian army", "Military Forces of Ruritania", inter=1)]
    assert roles_of(text, "fighting", actors) == ("Desert Hawks", None, ["Military Forces of Ruritania"])


@pytest.mark.parametrize("text, trigger_words, jets", [
    # the target of a passive strike is in its own clause, not an earlier one
    ("Mines slowed the Desert Hawks' advance, but strikes conducted by Ruritanian jets pushed the Valley Front back.",
     "strikes", "Ruritanian jets"),
    # strikes qualified by a backer's name are the backer's own act
    ("The Desert Hawks push on the dam is bolstered by Ruritanian cross-border air strikes on Valley Front trenches.",
     "air strikes", "Ruritanian"),
])
def test_roles_strikes_that_back_one_side_hit_the_other(text, trigger_words, jets):
    actors = [mention(text, "Desert Hawks", "Desert Hawks"), mention(text, jets, "Military Forces of Ruritania", inter=1),
              mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, trigger_words, actors, sub="Air/drone strike", event_type="Explosions/Remote violence")[:2] == (
        "Military Forces of Ruritania", "Valley Front")


def test_roles_a_speaker_that_reports_its_own_act_is_its_actor():
    text = "The Ruritanian navy said on Sunday it had seized a Valley Front boat near the port."
    actors = [mention(text, "Ruritanian navy", "Military Forces of Ruritania", inter=1), mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, "seized", actors, sub="Arrests", event_type="Strategic developments")[:2] == (
        "Military Forces of Ruritania", "Valley Front")
    text = "The Desert Hawks government said its forces killed four Valley Front fighters near the dam."
    actors = [mention(text, "Desert Hawks", "Desert Hawks", inter=1), mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, "killed", actors)[:2] == ("Desert Hawks", "Valley Front")
    text = "The Ruritanian navy said rebels of the Valley Front had seized a boat near the port."
    actors = [mention(text, "Ruritanian navy", "Military Forces of Ruritania", inter=1), mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, "seized", actors, sub="Arrests", event_type="Strategic developments")[0] == "Valley Front"


@pytest.mark.parametrize("text, trigger_words, sub", [
    ("Drone strikes killed nine Valley Front fighters on the ridge road.", "Drone strikes", "Air/drone strike"),
    ("A roadside bomb killed at least four Valley Front commanders near the dam.", "roadside bomb", "Remote explosive/landmine/IED"),
    ("Shells struck two Valley Front outposts overnight.", "Shells", "Shelling/artillery/missile attack"),
    ("A roadside bomb struck a Valley Front pick-up truck on the dam road.", "roadside bomb", "Remote explosive/landmine/IED"),
    ("A drone strike killed a senior commander of the Valley Front and two of his guards.", "killed", "Air/drone strike"),
    ("Drones killed two members of the Valley Front near the dam.", "killed", "Air/drone strike"),
])
def test_roles_who_an_unattributed_strike_hit_is_its_target_not_its_author(text, trigger_words, sub):
    actors = [mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, trigger_words, actors, event_type="Explosions/Remote violence", sub=sub)[:2] == (None, "Valley Front")


def test_roles_who_the_attackers_killed_is_whom_the_attack_hit():
    text = "Desert Hawks fighters killed at least 16 soldiers in an attack on a post, and the police sealed the area."
    actors = [
        mention(text, "Desert Hawks", "Desert Hawks"),
        mention(text, "soldiers", "Military Forces of Sylvania", 1),
        mention(text, "police", "Police Forces of Sylvania", 1),
    ]
    assert roles_of(text, "attack", actors)[:2] == ("Desert Hawks", "Military Forces of Sylvania")


def test_roles_each_verb_takes_the_actors_of_its_own_clause():
    text = "The Valley Front shelled a market, while Sylvanian warplanes bombed Valley Front positions."
    actors = [
        mention(text, "Valley Front", "Valley Front"),
        mention(text, "Sylvanian warplanes", "Military Forces of Sylvania", 1),
        ActorMention(Span(text.rindex("Valley Front"), text.rindex("Valley Front") + 12, "Valley Front"), 0, "Valley Front", inter=2),
    ]
    assert roles_of(text, "bombed", actors, event_type="Explosions/Remote violence", sub="Air/drone strike")[:2] == (
        "Military Forces of Sylvania", "Valley Front")
    assert roles_of(text, "shelled", actors, event_type="Explosions/Remote violence", sub="Shelling/artillery/missile attack")[:2] == (
        "Valley Front", None)


def test_roles_an_officer_quoted_by_name_is_a_claimant_not_an_actor():
    text = "The blast hit the market, police officer Ahmed Nur said, and Valley Front fighters fled."
    actors = [mention(text, "police", "Police Forces of Sylvania", 1), mention(text, "Valley Front", "Valley Front")]
    assert roles_of(text, "blast", actors, event_type="Explosions/Remote violence", sub="Remote explosive/landmine/IED")[0] != "Police Forces of Sylvania"


def test_roles_the_side_that_acts_in_a_when_clause_is_actor1_whoever_died_first():
    text = "Seven Desert Hawks fighters and 12 Valley Front gunmen were killed at dawn when VF gunmen stormed the posts."
    actors = [mention(text, "Desert Hawks", "Desert Hawks"), mention(text, "Valley Front gunmen", "Valley Front"),
              mention(text, "VF gunmen", "Valley Front")]
    assert roles_of(text, "stormed", actors)[:2] == ("Valley Front", "Desert Hawks")


@pytest.mark.parametrize("text, trigger_words, sub, expected", [
    # a quoted commander's "our fighters" are his side's
    ("\u201cOur fighters took control of the silos,\u201d a Valley Front commander said.", "took control",
     "Non-state actor overtakes territory", ("Valley Front", None)),
    # a speaker that reports its aircraft's strikes is their author
    ("The Valley Front said its aircraft had carried out 20 strikes on Desert Hawks positions.", "carried out 20 strikes",
     "Air/drone strike", ("Valley Front", "Desert Hawks")),
])
def test_roles_a_speaker_telling_its_own_forces_act_is_its_actor(text, trigger_words, sub, expected):
    actors = [mention(text, side, side) for side in ("Valley Front", "Desert Hawks") if side in text]
    assert roles_of(text, trigger_words, sorted(actors, key=lambda a: a.span.start), sub=sub)[:2] == expected


def test_roles_a_side_that_repelled_an_attack_fought_its_author():
    text = "The Valley Front said it repelled a Desert Hawks attack on the dam, killing dozens of fighters."
    actors = [mention(text, "Valley Front", "Valley Front"), mention(text, "Desert Hawks", "Desert Hawks")]
    assert roles_of(text, "repelled a Desert Hawks attack", actors)[:2] == ("Valley Front", "Desert Hawks")
