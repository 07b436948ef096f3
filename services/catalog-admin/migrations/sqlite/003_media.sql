-- Media of videos (ARCHITECTURE §7). An upload is one signed PUT into storage that the admin
-- then completes; a slot (video, kind) holds the state of its newest upload and the media that
-- is live, which a replacement keeps until it completes. The status itself is the videos
-- table's <kind>_status column (part of the video's public state and version).
CREATE TABLE media_uploads (
    id TEXT PRIMARY KEY,
    video_id TEXT NOT NULL REFERENCES videos (id),
    kind TEXT NOT NULL CHECK (kind IN ('video', 'trailer', 'thumbnail', 'thumbnail_half', 'banner')),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 1),
    status TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    failure_reason TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    completed_at TEXT
);
CREATE INDEX media_uploads_video ON media_uploads (video_id, kind);
CREATE INDEX media_uploads_open ON media_uploads (expires_at) WHERE status = 'open';

CREATE TABLE video_media (
    video_id TEXT NOT NULL REFERENCES videos (id),
    kind TEXT NOT NULL CHECK (kind IN ('video', 'trailer', 'thumbnail', 'thumbnail_half', 'banner')),
    upload_id TEXT,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    failure_reason TEXT,
    current TEXT,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (video_id, kind)
);

-- Encoder events handled (libs/messaging Consumer).
CREATE TABLE inbox (
    consumer TEXT NOT NULL,
    event_id TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX inbox_received_at ON inbox (consumer, received_at);
