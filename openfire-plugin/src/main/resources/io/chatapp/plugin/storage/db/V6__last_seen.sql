-- Last seen (XEP-0012) and who may see it. A row appears when a user first goes offline or chooses a visibility;
-- visibility is NULL while the user keeps the server's default (chatapp.lastSeen.defaultVisibility).
CREATE TABLE last_seen (
    username     TEXT PRIMARY KEY,
    visibility   TEXT CHECK (visibility IN ('EVERYONE', 'CONTACTS', 'NOBODY')),
    last_seen_at TIMESTAMPTZ
);
