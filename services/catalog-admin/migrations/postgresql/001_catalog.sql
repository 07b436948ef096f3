-- The catalog: categories, genres, cast members and videos, soft-deleted, versioned.
-- name_key is the case-folded name (uniqueness); search_key the accent- and case-folded
-- name or title (the q filter). Both are computed by the service and compare byte-wise
-- (COLLATE "C"), as in SQLite, so lists sort the same on both databases.
CREATE TABLE categories (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    search_key TEXT COLLATE "C" NOT NULL,
    description TEXT,
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX categories_live_name ON categories (name_key) WHERE deleted_at IS NULL;
CREATE INDEX categories_created_at ON categories (created_at);

CREATE TABLE genres (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT COLLATE "C" NOT NULL,
    search_key TEXT COLLATE "C" NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX genres_live_name ON genres (name_key) WHERE deleted_at IS NULL;
CREATE INDEX genres_created_at ON genres (created_at);

CREATE TABLE genre_categories (
    genre_id TEXT NOT NULL REFERENCES genres (id),
    category_id TEXT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (genre_id, category_id)
);
CREATE INDEX genre_categories_category ON genre_categories (category_id);

CREATE TABLE cast_members (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    search_key TEXT COLLATE "C" NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('director', 'actor')),
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX cast_members_created_at ON cast_members (created_at);

CREATE TABLE videos (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    search_key TEXT COLLATE "C" NOT NULL,
    description TEXT NOT NULL,
    year_launched INTEGER NOT NULL,
    opened INTEGER NOT NULL CHECK (opened IN (0, 1)),
    rating TEXT NOT NULL CHECK (rating IN ('L', '10', '12', '14', '16', '18')),
    duration INTEGER NOT NULL CHECK (duration >= 1),
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    video_status TEXT NOT NULL DEFAULT 'none',
    trailer_status TEXT NOT NULL DEFAULT 'none',
    thumbnail_status TEXT NOT NULL DEFAULT 'none',
    thumbnail_half_status TEXT NOT NULL DEFAULT 'none',
    banner_status TEXT NOT NULL DEFAULT 'none',
    version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX videos_created_at ON videos (created_at);
CREATE INDEX videos_year ON videos (year_launched);

CREATE TABLE video_categories (
    video_id TEXT NOT NULL REFERENCES videos (id),
    category_id TEXT NOT NULL REFERENCES categories (id),
    PRIMARY KEY (video_id, category_id)
);
CREATE INDEX video_categories_category ON video_categories (category_id);

CREATE TABLE video_genres (
    video_id TEXT NOT NULL REFERENCES videos (id),
    genre_id TEXT NOT NULL REFERENCES genres (id),
    PRIMARY KEY (video_id, genre_id)
);
CREATE INDEX video_genres_genre ON video_genres (genre_id);

CREATE TABLE video_cast_members (
    video_id TEXT NOT NULL REFERENCES videos (id),
    cast_member_id TEXT NOT NULL REFERENCES cast_members (id),
    PRIMARY KEY (video_id, cast_member_id)
);
CREATE INDEX video_cast_members_cast_member ON video_cast_members (cast_member_id);

-- Answers of POSTs that carried an Idempotency-Key, replayed for the same key and body.
CREATE TABLE idempotency_keys (
    scope TEXT NOT NULL,
    idempotency_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status INTEGER NOT NULL,
    location TEXT,
    etag TEXT,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
