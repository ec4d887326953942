"""The embedded database: one SQLite file with tracked schema migrations.

Tables (see ``migrations/*.sql``): ``articles`` (text and metadata, with a hash that tells when an
article changed), ``reports`` (article-level events), ``events`` (reports merged across articles by
``dedup``), ``event_aliases`` (old ids of merged events), ``changes`` (what each run added, updated,
merged or withdrew). Each article is saved in its own transaction, so a run killed half way keeps
everything committed before and the next run resumes where it stopped.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .errors import W401, W402, StoreError
from .records import Article, Event

MIGRATIONS = resources.files("wirecoder") / "migrations"


@dataclass(frozen=True)
class ChangeCounts:
    new: int = 0
    updated: int = 0
    merged: int = 0
    withdrawn: int = 0


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for item in MIGRATIONS.iterdir():
        if item.name.endswith(".sql"):
            version = int(item.name.split("_", 1)[0])
            found.append((version, item.name, item.read_text(encoding="utf-8")))
    return sorted(found)


class Store:
    """A wirecoder database file.

    >>> store = Store("wirecoder.db")
    >>> for event in store.iter_events(): print(event.event_id, event.event_type)
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self._migrate()

    # --- schema -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "schema_migrations" not in tables:
            raise StoreError(W402.format(path=self.path), "W402")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
        )
        applied = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        known = _migrations()
        newest_known = known[-1][0] if known else 0
        if applied and max(applied) > newest_known:
            raise StoreError(W401.format(path=self.path, found=max(applied), known=newest_known), "W401")
        for version, name, sql in known:
            if version not in applied:
                self._apply(version, name, sql)

    def _apply(self, version: int, name: str, sql: str) -> None:
        script = f"BEGIN;\n{sql}\nINSERT INTO schema_migrations VALUES ({version}, '{name}', '{_now()}');\nCOMMIT;"
        try:
            self.db.executescript(script)
        except sqlite3.Error:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    @property
    def schema_version(self) -> int:
        return self.db.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

    # --- articles and reports ------------------------------------------------------------------

    def article_hash(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def save_article(self, article: Article, text_hash: str, reports: Sequence[Event], version: str) -> None:
        """Store an article and replace its reports, atomically."""
        with self._transaction():
            self.db.execute("DELETE FROM reports WHERE article_id = ?", (article.id,))
            self.db.execute(
                "INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    article.id,
                    text_hash,
                    article.title,
                    article.published.isoformat() if article.published else None,
                    article.source,
                    article.url,
                    article.text,
                    len(reports),
                    version,
                    _now(),
                ),
            )
            self.db.executemany(
                "INSERT OR REPLACE INTO reports VALUES (?,?,?)",
                [(r.event_id, article.id, json.dumps(r.to_dict())) for r in reports],
            )
            self._set_meta("dirty", "1")

    def iter_articles(self) -> Iterator[Article]:
        for row in self.db.execute("SELECT id, text, title, published, source, url FROM articles ORDER BY id"):
            published = dt.date.fromisoformat(row["published"]) if row["published"] else None
            yield Article(row["id"], row["text"], row["title"], published, row["source"], row["url"])

    def iter_reports(self) -> Iterator[Event]:
        for row in self.db.execute("SELECT data FROM reports ORDER BY report_id"):
            yield Event.from_dict(json.loads(row[0]))

    def count(self, table: str) -> int:
        if table not in {"articles", "reports", "events", "changes", "event_aliases"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    # --- merged events ---------------------------------------------------------------------------

    def iter_events(self, include_withdrawn: bool = False) -> Iterator[Event]:
        where = "" if include_withdrawn else "WHERE status = 'active'"
        for row in self.db.execute(f"SELECT data FROM events {where} ORDER BY event_date, event_id"):
            yield Event.from_dict(json.loads(row[0]))

    def get_event(self, event_id: str) -> Event | None:
        row = self.db.execute(
            "SELECT data FROM events WHERE event_id = ? OR event_id = "
            "(SELECT event_id FROM event_aliases WHERE alias = ?)",
            (event_id, event_id),
        ).fetchone()
        return Event.from_dict(json.loads(row[0])) if row else None

    @property
    def dirty(self) -> bool:
        return self._get_meta("dirty") == "1"

    def replace_events(self, events: Iterable[Event], aliases: dict[str, str]) -> ChangeCounts:
        """Swap in a new set of merged events, logging what changed since the last set."""
        previous = {e.event_id: e for e in self.iter_events()}
        current = {e.event_id: e for e in events}
        at = _now()
        counts = {"new": 0, "updated": 0, "merged": 0, "withdrawn": 0}
        with self._transaction():
            for event_id, event in current.items():
                kind = _change_kind(previous.get(event_id), event)
                if kind:
                    counts[kind] += 1
                    self._log(at, event_id, kind, _what_changed(previous[event_id], event) if kind == "updated" else None)
                self._write_event(event, at)
            for event_id in previous.keys() - current.keys():
                kind = "merged" if event_id in aliases else "withdrawn"
                counts[kind] += 1
                self._log(at, event_id, kind, aliases.get(event_id))
                self.db.execute("UPDATE events SET status='withdrawn', updated_at=? WHERE event_id=?", (at, event_id))
            for alias, target in aliases.items():
                self.db.execute("INSERT OR REPLACE INTO event_aliases VALUES (?, ?)", (alias, target))
            self._set_meta("dirty", "0")
        return ChangeCounts(**counts)

    def _write_event(self, event: Event, at: str) -> None:
        self.db.execute(
            "INSERT INTO events VALUES (?, 'active', ?, ?, ?, ?, ?) ON CONFLICT(event_id) DO UPDATE SET "
            "status='active', event_date=excluded.event_date, country=excluded.country, "
            "event_type=excluded.event_type, data=excluded.data, updated_at=excluded.updated_at",
            (event.event_id, event.event_date, event.country, event.event_type, json.dumps(event.to_dict()), at),
        )

    def changes(self, since: str | None = None) -> list[dict]:
        rows = self.db.execute(
            "SELECT seq, at, event_id, kind, detail FROM changes WHERE at >= ? ORDER BY seq", (since or "",)
        )
        return [dict(row) for row in rows]

    # --- plumbing ---------------------------------------------------------------------------------

    def _log(self, at: str, event_id: str, kind: str, detail: str | None) -> None:
        self.db.execute("INSERT INTO changes (at, event_id, kind, detail) VALUES (?,?,?,?)", (at, event_id, kind, detail))

    def _get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _transaction(self):
        return _Transaction(self.db)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind, value, trace) -> None:
        self.db.execute("ROLLBACK" if kind else "COMMIT")


# fields an analyst reads a change by, shown with their old and new values; others are only named
HEADLINE_FIELDS = ("event_date", "event_type", "sub_event_type", "actor1", "actor2", "location", "fatalities",
                   "fatalities_low", "fatalities_best", "fatalities_high", "n_sources", "n_independent_sources")
QUIET_FIELDS = {"evidence", "report_ids", "confidence", "sources", "aliases"}


def _what_changed(before: Event, after: Event) -> str:
    """ "fatalities_high 14 -> 19; n_sources 2 -> 3; also: date_end": what a later report changed."""
    old, new = before.to_dict(), after.to_dict()
    shown = [f"{field} {old.get(field)} -> {new.get(field)}" for field in HEADLINE_FIELDS if old.get(field) != new.get(field)]
    named = [f for f in new if f not in HEADLINE_FIELDS and f not in QUIET_FIELDS and old.get(f) != new.get(f)]
    return "; ".join(shown + ([f"also: {', '.join(named)}"] if named else [])) or "sources or evidence"


def _change_kind(before: Event | None, after: Event) -> str | None:
    if before is None:
        return "new"
    return "updated" if before.to_dict() != after.to_dict() else None
