-- "Delete for me" in groups. A group message has one row in archive_message with the room as both sender and
-- recipient, shared by every member, so the per-party flags of V4 cannot say "hidden for this member only": a member's
-- hidden group messages are rows here instead. MessageArchive's room pages leave them out for that member.

CREATE TABLE archive_group_hidden (
    room       TEXT   NOT NULL, -- the room's bare JID (sender and recipient of the archived message)
    member     TEXT   NOT NULL, -- bare JID of the member who hid it
    archive_id BIGINT NOT NULL REFERENCES archive_message (id) ON DELETE CASCADE,
    -- The key is also the index of the room page's anti-join (NOT EXISTS room = ? AND member = ? AND archive_id = id):
    -- one index probe per candidate row, so a room page stays an index range scan on archive_message plus probes here.
    PRIMARY KEY (room, member, archive_id)
);

-- The cascade from archive_message deletes by archive id.
CREATE INDEX archive_group_hidden_message ON archive_group_hidden (archive_id);
