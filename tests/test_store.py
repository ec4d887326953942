"""The embedded database: migrations, atomic article saves, change log, id aliases."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from helpers import make_event
from wirecoder.errors import StoreError
from wirecoder.records import Article
from wirecoder.store import Store


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "w.db") as s:
        yield s


ARTICLE = Article("levant/1.txt", "Clashes raged in Hajin.", "Hajin", dt.date(2018, 10, 5), "Levant Wire", None)


def test_store_migrations_are_tracked_and_idempotent(tmp_path):
    path = tmp_path / "w.db"
    Store(path).close()
    with Store(path) as again:
        assert again.schema_version >= 1
        rows = again.db.execute("SELECT count(*) FROM schema_migrations").fetchone()[0]
        assert rows == again.schema_version


def test_store_refuses_a_foreign_database(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE customers (id INTEGER)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="W402"):
        Store(path)


def test_store_refuses_a_newer_schema(tmp_path):
    path = tmp_path / "w.db"
    with Store(path) as s:
        s.db.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'x')")
    with pytest.raises(StoreError, match="W401"):
        Store(path)


def test_store_round_trips_reports_exactly(store):
    report = make_event(assoc_actor_1=("Coalition (Operation Inherent Resolve)",), fatalities=3)
    store.save_article(ARTICLE, "h1", [report], "v1")
    assert list(store.iter_reports()) == [report]
    assert store.article_hash(ARTICLE.id) == "h1"
    assert list(store.iter_articles()) == [ARTICLE]


def test_store_save_article_replaces_old_reports(store):
    store.save_article(ARTICLE, "h1", [make_event("r-1"), make_event("r-2")], "v1")
    store.save_article(ARTICLE, "h2", [make_event("r-3")], "v1")
    assert [r.event_id for r in store.iter_reports()] == ["r-3"]


def test_store_failed_save_keeps_earlier_data(store):
    store.save_article(ARTICLE, "h1", [make_event("r-1")], "v1")
    broken = make_event("r-2", latitude=float("nan"))
    with pytest.raises(Exception):
        # json.dumps writes NaN, which SQLite's json_valid rejects: the whole save must roll back
        store.save_article(ARTICLE, "h2", [broken], "v1")
    assert [r.event_id for r in store.iter_reports()] == ["r-1"]
    assert store.article_hash(ARTICLE.id) == "h1"


def test_store_replace_events_logs_new_updated_merged_withdrawn(store):
    first = store.replace_events([make_event("e-1"), make_event("e-2"), make_event("e-3")], {})
    assert (first.new, first.updated) == (3, 0)
    second = store.replace_events([make_event("e-1", fatalities=4)], {"e-2": "e-1"})
    assert (second.new, second.updated, second.merged, second.withdrawn) == (0, 1, 1, 1)
    kinds = [(c["event_id"], c["kind"]) for c in store.changes()]
    assert ("e-2", "merged") in kinds and ("e-3", "withdrawn") in kinds
    assert [e.event_id for e in store.iter_events()] == ["e-1"]
    assert store.get_event("e-2").event_id == "e-1"  # an alias still finds the event


def test_store_unchanged_events_log_nothing(store):
    store.replace_events([make_event("e-1")], {})
    again = store.replace_events([make_event("e-1")], {})
    assert again.new == again.updated == 0
    assert len(store.changes()) == 1


def test_store_an_update_says_what_changed(store):
    store.replace_events([make_event("e-1", fatalities=12, fatalities_best=12, fatalities_high=12, n_sources=2)], {})
    later = make_event("e-1", fatalities=12, fatalities_best=14, fatalities_high=19, n_sources=3, admin2="Konduga")
    store.replace_events([later], {})
    update = store.changes()[-1]
    assert update["kind"] == "updated"
    assert update["detail"] == "fatalities_best 12 -> 14; fatalities_high 12 -> 19; n_sources 2 -> 3; also: admin2"
