-- Storage that nothing points to any more, deleted once `delete_after` has passed: the source
-- of a replaced or failed upload (at once), the folder of a replaced encoding (after a grace
-- period, for viewers still playing it) or of a failed one (at once). `is_prefix` 1 deletes
-- every object under `target` (a folder ending in '/'), 0 the one object `target`.
CREATE TABLE media_garbage (
    target TEXT PRIMARY KEY,
    is_prefix INTEGER NOT NULL CHECK (is_prefix IN (0, 1)),
    reason TEXT NOT NULL,
    delete_after TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX media_garbage_due ON media_garbage (delete_after);
