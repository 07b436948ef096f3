-- catalog-api's read model, built from catalog-admin's events. Each row keeps the version of the
-- last event applied (older events are ignored) and, for what is served, the JSON document
-- rendered when the event arrived, so reads are single-row lookups.
CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    sort_key TEXT COLLATE "C" NOT NULL,
    visible INTEGER NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX categories_visible ON categories (visible, sort_key);

CREATE TABLE genres (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    sort_key TEXT COLLATE "C" NOT NULL,
    visible INTEGER NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX genres_visible ON genres (visible, sort_key);

CREATE TABLE cast_members (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    sort_key TEXT COLLATE "C" NOT NULL,
    visible INTEGER NOT NULL,
    doc TEXT NOT NULL
);
CREATE INDEX cast_members_visible ON cast_members (visible, sort_key);

-- Small columns first, large ones (doc, source) last, so reading the former never walks the
-- latter's overflow pages. facet_keys: "c:<id> g:<id> ...", the categories and genres
-- search counts, read with the row instead of joined. seq: a stable integer handle. search: the weighted full-text vector of a visible video (A title,
-- B cast, C genres and categories, D description) over its folded words (core::search_text).
CREATE TABLE videos (
    id TEXT PRIMARY KEY,
    seq BIGSERIAL UNIQUE,
    version INTEGER NOT NULL,
    visible INTEGER NOT NULL,
    sort_title TEXT COLLATE "C" NOT NULL,
    year_launched INTEGER NOT NULL,
    rating TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    facet_keys TEXT NOT NULL,
    etag TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    search tsvector,
    doc TEXT NOT NULL,
    source TEXT NOT NULL
);
CREATE INDEX videos_title ON videos (visible, sort_title, id);
-- What search joins and sorts by, readable without touching the large columns.
CREATE INDEX videos_by_seq ON videos (seq, visible, rating, year_launched, sort_title, created_at, id);
CREATE INDEX videos_newest ON videos (visible, created_at, id);
CREATE INDEX videos_year ON videos (visible, year_launched);

CREATE TABLE video_categories (
    video_id TEXT NOT NULL,
    category_id TEXT NOT NULL,
    PRIMARY KEY (video_id, category_id)
);
CREATE INDEX video_categories_category ON video_categories (category_id, video_id);
CREATE TABLE video_genres (
    video_id TEXT NOT NULL,
    genre_id TEXT NOT NULL,
    PRIMARY KEY (video_id, genre_id)
);
CREATE INDEX video_genres_genre ON video_genres (genre_id, video_id);
CREATE TABLE video_cast_members (
    video_id TEXT NOT NULL,
    cast_member_id TEXT NOT NULL,
    PRIMARY KEY (video_id, cast_member_id)
);
CREATE INDEX video_cast_members_cast_member ON video_cast_members (cast_member_id, video_id);

CREATE INDEX videos_search ON videos USING gin (search) WHERE visible = 1;

-- Every indexed word, trigram-indexed (pg_trgm) for typo tolerance.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE search_terms (
    term TEXT COLLATE "C" PRIMARY KEY,
    length INTEGER NOT NULL
);
CREATE INDEX search_terms_trigrams ON search_terms USING gin (term gin_trgm_ops);

CREATE TABLE inbox (
    consumer TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_received_at ON inbox (consumer, received_at);
