-- The message archive (XEP-0313) of one-to-one messages: one row per message, shared by both parties' archives.
-- Written in batches by MessageArchive's writer thread; read by keyset pagination on the archive id, never by OFFSET.

-- Each node that starts the archive takes nextval() % 1024 as the node bits of its archive ids (ArchiveIds), so two
-- nodes writing at the same millisecond cannot make the same id.
CREATE SEQUENCE archive_node_number;

CREATE TABLE archive_message (
    id                  BIGINT PRIMARY KEY,  -- ArchiveIds: time-ordered; also the XEP-0359 stanza-id (decimal text).
                                             -- The message's time is ArchiveIds.timeOf(id): no separate column.
    sender              TEXT    NOT NULL,    -- bare JID
    recipient           TEXT    NOT NULL,    -- bare JID
    message_id          TEXT,                -- the stanza's id attribute
    client_ref          TEXT,                -- origin-id if present, else message_id: what receipts, markers and
                                             -- retractions name the message by
    stanza              TEXT,                -- the message XML as received (without our stanza-ids); NULL once retracted
    retracted_at        TIMESTAMPTZ,
    hidden_by_sender    BOOLEAN NOT NULL DEFAULT FALSE, -- "delete for me" by the sender
    hidden_by_recipient BOOLEAN NOT NULL DEFAULT FALSE  -- "delete for me" by the recipient
) WITH (fillfactor = 90); -- rows are written once and rarely updated (retract, hide); the free tenth of each page lets
                          -- those updates stay on the same page (HOT), touching no index.

-- A conversation's page: one range scan per direction (sender = a AND recipient = b, then the reverse), each in id
-- order with a LIMIT, merged by a UNION ALL. The latest page of any conversation reads about max rows per direction.
CREATE INDEX archive_message_conversation ON archive_message (sender, recipient, id);

-- The whole archive of one user (MAM without "with", catch-up after a reconnection): received messages ...
CREATE INDEX archive_message_received ON archive_message (recipient, id);
-- ... and sent messages, as the two branches of a UNION ALL.
CREATE INDEX archive_message_sent ON archive_message (sender, id);

-- Resolving a reference (a receipt, marker, retraction or message-info request names a message by its origin-id or
-- id). Led by client_ref rather than sender: references are nearly unique, and so the same index also finds a message
-- by reference among the messages a user *received* (MessageArchive.find), where the sender is not known.
CREATE INDEX archive_message_reference ON archive_message (client_ref, sender);

-- The few messages whose id attribute differs from their origin-id can also be named by that id. Partial, so that it
-- costs nothing for the usual message whose origin-id and id are the same (or which has no id at all).
CREATE INDEX archive_message_other_id ON archive_message (message_id, sender) WHERE message_id <> client_ref;
