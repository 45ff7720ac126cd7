-- Media sharing (issue 6).

-- HMAC-SHA256 keys that sign upload and download URLs; same shape as signing_key (see RotatingKeys). A retired
-- key keeps verifying until verify_until, so URLs it signed keep working across a rotation.
CREATE TABLE media_url_key (
    kid          TEXT PRIMARY KEY,
    algorithm    TEXT        NOT NULL,
    private_key  BYTEA       NOT NULL, -- the HMAC secret
    public_key   BYTEA       NOT NULL, -- empty: symmetric keys have no public part
    created_at   TIMESTAMPTZ NOT NULL,
    retired_at   TIMESTAMPTZ,
    verify_until TIMESTAMPTZ
);

-- Upload slots handed out (XEP-0363). A slot is used once: used_at is set by the one PUT that may store it. The
-- file id of the GET URL is chosen with the slot (the client learns the GET URL before it uploads).
CREATE TABLE media_slot (
    slot_id      TEXT PRIMARY KEY,
    file_id      TEXT        NOT NULL UNIQUE,
    owner        TEXT        NOT NULL, -- bare JID
    file_name    TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    content_type TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX media_slot_owner ON media_slot (owner) WHERE used_at IS NULL;
CREATE INDEX media_slot_expires ON media_slot (expires_at);

-- Stored files. Recorded only once the upload was complete and valid; deleted_at marks a revoked or deleted file
-- whose bytes the clean-up job removes.
CREATE TABLE media_file (
    file_id      TEXT PRIMARY KEY,
    owner        TEXT        NOT NULL,
    file_name    TEXT        NOT NULL,
    size         BIGINT      NOT NULL,
    media_type   TEXT        NOT NULL,
    sha256       TEXT        NOT NULL, -- lowercase hex
    width        INTEGER,
    height       INTEGER,
    thumb_width  INTEGER,
    thumb_height INTEGER,
    created_at   TIMESTAMPTZ NOT NULL,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX media_file_owner ON media_file (owner) WHERE deleted_at IS NULL;
CREATE INDEX media_file_deleted ON media_file (deleted_at) WHERE deleted_at IS NOT NULL;

-- Which archived messages shared a file, between whom: the participants who may ask for a fresh URL.
CREATE TABLE media_share (
    file_id    TEXT   NOT NULL,
    archive_id BIGINT NOT NULL,
    sender     TEXT   NOT NULL,
    recipient  TEXT   NOT NULL,
    PRIMARY KEY (file_id, archive_id)
);
CREATE INDEX media_share_archive ON media_share (archive_id);
