-- Encoding jobs: one per accepted upload of a video or trailer (ARCHITECTURE §7). The job's id
-- is the encoding id, the folder media/<video_id>/<kind>/<id>/ in storage. A copy of the
-- encoder claims a due job by taking its lease and renews it while ffmpeg runs; a job whose
-- lease expired (its copy died) is due again. `attempts` counts claims.
CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    video_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('video', 'trailer')),
    upload_id TEXT NOT NULL UNIQUE,
    source_key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before TEXT NOT NULL,
    lease_owner TEXT,
    lease_until TEXT,
    progress INTEGER NOT NULL DEFAULT 0,
    failure_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX jobs_due ON jobs (status, not_before);

-- Events to publish (libs/messaging outbox relay), in `seq` order.
CREATE TABLE outbox (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    aggregate_type TEXT NOT NULL,
    aggregate_id TEXT NOT NULL,
    type TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT
);
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Events handled (libs/messaging Consumer).
CREATE TABLE inbox (
    consumer TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_received_at ON inbox (consumer, received_at);
