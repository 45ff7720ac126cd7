-- Unread counts for groups, and story pushes.
--
-- A group message has one archive row with the room as both sender and recipient (V10), and its real sender only
-- inside the stored stanza (a muc#user item). A member's unread count must leave out the member's own messages, which
-- the database cannot do without parsing every stanza after the member's read mark. So the real sender becomes a
-- column, written with the row (GroupArchive knows it); NULL for one-to-one rows (whose sender column is the real
-- sender) and for the room's own events (member added, name changed: not unread messages).
ALTER TABLE archive_message ADD COLUMN group_sender TEXT;

-- Rows archived before this migration: the sender from the stanza's muc#user item, which GroupArchive appends last
-- (hence the greedy match). Retracted rows have no stanza and are not counted anyway.
UPDATE archive_message
   SET group_sender = substring(stanza from '.*<x xmlns="http://jabber.org/protocol/muc#user"><item jid="([^"]+)"')
 WHERE sender = recipient AND stanza IS NOT NULL;

-- A member's unread count in a group is a range of this index, (room, read mark or join < id), and because the
-- sender and the retraction are included, an index-only scan: no heap page is read to leave out the member's own
-- and retracted messages. Partial: one-to-one rows and room events are not in it.
CREATE INDEX archive_message_group_unread ON archive_message (recipient, id) INCLUDE (group_sender, retracted_at)
    WHERE group_sender IS NOT NULL;

-- Story pushes (off by default): whether the user's offline devices hear of stories posted by contacts.
ALTER TABLE push_preference ADD COLUMN stories BOOLEAN;
