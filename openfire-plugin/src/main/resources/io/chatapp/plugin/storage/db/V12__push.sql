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
