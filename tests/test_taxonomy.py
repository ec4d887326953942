from wirecoder import taxonomy


def test_taxonomy_has_acled_six_types_and_twenty_five_sub_types():
    assert len(taxonomy.event_types()) == 6
    assert len(taxonomy.sub_event_types()) == 25
    assert taxonomy.event_type_of("Suicide bomb") == "Explosions/Remote violence"
    assert taxonomy.disorder_type_of("Peaceful protest") == "Demonstrations"


def test_taxonomy_hierarchy_ranks_battles_over_remote_violence_over_strategic():
    assert taxonomy.rank("Armed clash") > taxonomy.rank("Shelling/artillery/missile attack")
    assert taxonomy.rank("Shelling/artillery/missile attack") > taxonomy.rank("Looting/property destruction")
    assert taxonomy.rank("not a type") == 0


def test_taxonomy_family_joins_battles_and_remote_violence():
    assert taxonomy.family("Battles") == taxonomy.family("Air/drone strike") == "armed"
    assert taxonomy.family("Violence against civilians") != "armed"


def test_taxonomy_type_of_violence_follows_ucdp():
    assert taxonomy.type_of_violence("Armed clash", 1, 2) == 1  # state-based
    assert taxonomy.type_of_violence("Armed clash", 2, 3) == 2  # non-state
    assert taxonomy.type_of_violence("Attack", 2, 7) == 3  # one-sided
    assert taxonomy.type_of_violence("Peaceful protest", 6, None) is None
