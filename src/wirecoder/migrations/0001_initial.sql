-- wirecoder schema 1: articles, their article-level event reports, merged events, aliases, change log.
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    text_hash TEXT NOT NULL,
    title TEXT,
    published TEXT,
    source TEXT,
    url TEXT,
    text TEXT NOT NULL,
    n_reports INTEGER NOT NULL DEFAULT 0,
    pipeline_version TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE reports (
    report_id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    data TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX reports_by_article ON reports(article_id);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'withdrawn')),
    event_date TEXT,
    country TEXT,
    event_type TEXT,
    data TEXT NOT NULL CHECK (json_valid(data)),
    updated_at TEXT NOT NULL
);
CREATE INDEX events_by_date ON events(event_date);

CREATE TABLE event_aliases (
    alias TEXT PRIMARY KEY,
    event_id TEXT NOT NULL
);

CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    event_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('new', 'updated', 'merged', 'withdrawn')),
    detail TEXT
);
CREATE INDEX changes_by_time ON changes(at);

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
