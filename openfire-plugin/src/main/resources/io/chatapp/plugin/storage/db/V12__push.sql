-- Push notifications (XEP-0357). One row per device that enabled push: the enabling full JID's resource names the
-- device, the app server's JID and node name where to publish, and the publish-options form (the app server's
-- secret) kept as the client sent it, to be sent back with every publish.
CREATE TABLE push_registration (
    username        TEXT        NOT NULL,
    resource        TEXT        NOT NULL,
    service         TEXT        NOT NULL,
    node            TEXT        NOT NULL,
    publish_options TEXT,
    enabled_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, service, node)
);

-- What a user wants notified: whether pushes may carry message text (previews), and per chat a mute with an expiry
-- and, for a group, the level (ALL, MENTIONS, OFF). A missing row or NULL column means the default.
CREATE TABLE push_preference (
    username TEXT PRIMARY KEY,
    previews BOOLEAN
);

CREATE TABLE push_chat_setting (
    username    TEXT NOT NULL,
    chat        TEXT NOT NULL,
    muted_until TIMESTAMPTZ,
    group_level TEXT CHECK (group_level IN ('ALL', 'MENTIONS', 'OFF')),
    PRIMARY KEY (username, chat)
);

-- The VAPID key (RFC 8292) that signs for WebPush, shared by every node (columns as in RotatingKeys). A WebPush
-- registration is a push_registration row whose service is the endpoint URL and node 'webpush', its publish_options
-- the subscription's keys (base64url p256dh, a dot, base64url auth).
CREATE TABLE push_vapid_key (
    kid          TEXT PRIMARY KEY,
    algorithm    TEXT        NOT NULL,
    private_key  BYTEA       NOT NULL,
    public_key   BYTEA       NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    retired_at   TIMESTAMPTZ,
    verify_until TIMESTAMPTZ
);
