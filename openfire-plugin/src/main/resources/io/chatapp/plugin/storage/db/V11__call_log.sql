-- The call log (calls feature): one row per call, written by the feature's batching writer from the XEP-0353 JMI
-- messages the server routes, and rewritten as the call moves on (ringing, ongoing, then how it ended). Both parties
-- read the same row; each sees its own outcome (CallOutcome: the callee of a cancelled call missed it).

CREATE TABLE call_log (
    id          BIGSERIAL   PRIMARY KEY,           -- the log's order and its paging cursor
    call_id     TEXT        NOT NULL,              -- the JMI / Jingle session id, chosen by the caller
    caller      TEXT        NOT NULL,              -- bare JID
    callee      TEXT        NOT NULL,              -- bare JID
    video       BOOLEAN     NOT NULL,              -- a video description was proposed
    proposed_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    ended_at    TIMESTAMPTZ,
    state       TEXT        NOT NULL,              -- CallState: ringing, ongoing, ended, failed, rejected, busy, ...
    missed_seen BOOLEAN     NOT NULL DEFAULT FALSE, -- the callee has seen this missed call
    UNIQUE (call_id, caller, callee)
);

-- A user's log is their calls as caller and as callee, newest first.
CREATE INDEX call_log_caller ON call_log (caller, id);
CREATE INDEX call_log_callee ON call_log (callee, id);
-- Unseen missed calls, counted at every login.
CREATE INDEX call_log_unseen_missed ON call_log (callee) WHERE NOT missed_seen AND state IN ('cancelled', 'unanswered');
