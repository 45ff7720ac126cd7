-- Delivery and read state of archived messages (see docs/protocol.md, "Receipts, markers and message info").
-- message_id is archive_message.id; recipient a bare JID (one row per member for group messages).
-- The first receipt recorded wins: later receipts for the same message and recipient change nothing.
CREATE TABLE message_delivery (
    message_id   BIGINT      NOT NULL,
    recipient    TEXT        NOT NULL,
    delivered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (message_id, recipient)
);

-- Read positions: reader has read every message from peer up to and including archive id up_to_id, at read_at.
-- Append-only, and a row is added only when it advances the reader's position in that conversation, so the read
-- time of message M from peer P to reader R is min(read_at) over R's rows for P with up_to_id >= M (a range scan of
-- the primary key), and R's current position is the row with the highest up_to_id.
CREATE TABLE read_mark (
    reader    TEXT        NOT NULL,
    peer      TEXT        NOT NULL,
    up_to_id  BIGINT      NOT NULL,
    read_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (reader, peer, up_to_id)
);
