-- Entitlements, playback sessions and watch progress (docs/playback.md).

-- catalog-api's copy of the subscription service's subscriptions: one row per subscription,
-- replaced only by a newer version. A user may hold several (old ones end as expired).
CREATE TABLE entitlements (
    subscription_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    plan_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('trialing', 'active', 'past_due', 'canceled', 'expired')),
    max_streams INTEGER NOT NULL CHECK (max_streams BETWEEN 1 AND 10),
    max_quality TEXT NOT NULL CHECK (max_quality IN ('480p', '720p', '1080p')),
    current_period_start TEXT COLLATE "C" NOT NULL,
    current_period_end TEXT COLLATE "C" NOT NULL,
    cancel_at_period_end INTEGER NOT NULL CHECK (cancel_at_period_end IN (0, 1)),
    past_due_since TEXT,
    ended_at TEXT,
    version BIGINT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX entitlements_user ON entitlements (user_id);

-- One row per user who ever started playback: starting a session locks it, so the stream
-- limit is checked and enforced by one transaction at a time per user.
CREATE TABLE playback_viewers (
    user_id TEXT PRIMARY KEY
);

-- Positions and durations in integer milliseconds (portable, exact; BIGINT on PostgreSQL).
CREATE TABLE playback_sessions (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    video_id TEXT NOT NULL,
    encoding_id TEXT NOT NULL,
    max_quality TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    position_ms BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('playing', 'paused', 'ended')),
    started_at TEXT COLLATE "C" NOT NULL,
    last_heartbeat_at TEXT COLLATE "C" NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT COLLATE "C"
);
CREATE INDEX playback_sessions_user ON playback_sessions (user_id, ended_at);
CREATE INDEX playback_sessions_heartbeat ON playback_sessions (last_heartbeat_at);

CREATE TABLE watch_progress (
    user_id TEXT NOT NULL,
    video_id TEXT NOT NULL,
    position_ms BIGINT NOT NULL,
    duration_ms BIGINT NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (user_id, video_id)
);
CREATE INDEX watch_progress_recent ON watch_progress (user_id, updated_at);
