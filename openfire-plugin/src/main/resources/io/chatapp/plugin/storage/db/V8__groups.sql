-- Groups (urn:chatapp:groups:0): the plugin's record of each group room on the MUC service and of who belongs to
-- it when. The MUC service keeps its own affiliations; these tables add what MUC has no notion of: which owner is
-- the group owner, the group settings, and membership periods (a member sees history only from joined_at, and
-- nothing after left_at). A member who is added again gets a new row.
CREATE TABLE group_room (
    room              TEXT PRIMARY KEY,
    owner             TEXT NOT NULL,
    name              TEXT NOT NULL DEFAULT '',
    description       TEXT NOT NULL DEFAULT '',
    announce          BOOLEAN NOT NULL DEFAULT FALSE,
    members_edit_info BOOLEAN NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ NOT NULL,
    deleted_at        TIMESTAMPTZ
);

CREATE TABLE group_member (
    room        TEXT NOT NULL REFERENCES group_room (room) ON DELETE CASCADE,
    jid         TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    joined_at   TIMESTAMPTZ NOT NULL,
    added_by    TEXT,
    admin_since TIMESTAMPTZ,
    left_at     TIMESTAMPTZ,
    PRIMARY KEY (room, jid, joined_at)
);

-- A user's current groups (the group list on every device).
CREATE INDEX group_member_current_idx ON group_member (jid) WHERE left_at IS NULL;

-- The group image (vCard-temp PHOTO of the room, XEP-0486), set by admins (or members when the group allows it).
CREATE TABLE group_image (
    room       TEXT PRIMARY KEY REFERENCES group_room (room) ON DELETE CASCADE,
    mime_type  TEXT NOT NULL,
    image      BYTEA NOT NULL,
    sha1       TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
