-- TEST STUB ONLY: stands in for the archive feature's V4 migration (branch h-archive) until it is merged, so that
-- the receipts tests have the archive_message table of the shared schema. The real V4 in src/main replaces it.
CREATE SEQUENCE archive_node_number;
CREATE TABLE archive_message (
    id                  BIGINT PRIMARY KEY,
    sender              TEXT NOT NULL,
    recipient           TEXT NOT NULL,
    message_id          TEXT,
    client_ref          TEXT,
    stanza              TEXT,
    retracted_at        TIMESTAMPTZ,
    hidden_by_sender    BOOLEAN NOT NULL DEFAULT FALSE,
    hidden_by_recipient BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX archive_message_conversation ON archive_message (sender, recipient, id);
CREATE INDEX archive_message_sender_ref ON archive_message (sender, client_ref);
