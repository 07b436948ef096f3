-- The outbox gains `seq`, the commit order the relay of libs/messaging publishes in.
CREATE TABLE outbox_ordered (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT
);
INSERT INTO outbox_ordered (id, aggregate_type, aggregate_id, type, payload, created_at, published_at)
    SELECT id, aggregate_type, aggregate_id, type, payload, created_at, published_at
    FROM outbox ORDER BY created_at, id;
DROP TABLE outbox;
ALTER TABLE outbox_ordered RENAME TO outbox;
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
