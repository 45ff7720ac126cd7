-- Status stories (issue 17).

-- A file another feature keeps only for a while (a story's image or video) stops being served at expires_at, before
-- that feature's clean-up deletes it; NULL for files that never expire.
ALTER TABLE media_file ADD COLUMN expires_at TIMESTAMPTZ;

-- One story. Its audience is fixed when posted (a later privacy change applies to future stories only): audience is
-- contacts, except (contacts but the story_audience members) or only (the story_audience members who are contacts).
CREATE TABLE story (
    story_id   TEXT PRIMARY KEY, -- random, unguessable
    owner      TEXT        NOT NULL, -- bare JID
    kind       TEXT        NOT NULL, -- text, image or video
    body       TEXT,                 -- the text of a text story, the caption of a media story
    color      TEXT,                 -- background colour of a text story, #rrggbb
    font       TEXT,                 -- font of a text story
    file_id    TEXT,                 -- media_file of an image or video story
    audience   TEXT        NOT NULL,
    posted_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    seq        BIGINT GENERATED ALWAYS AS IDENTITY -- posting order, for stories posted in the same instant
);
CREATE INDEX story_owner_live ON story (owner, expires_at);
CREATE INDEX story_expires ON story (expires_at);
CREATE INDEX story_file ON story (file_id) WHERE file_id IS NOT NULL;

CREATE TABLE story_audience (
    story_id TEXT NOT NULL REFERENCES story ON DELETE CASCADE,
    member   TEXT NOT NULL,
    PRIMARY KEY (story_id, member)
);

-- Who viewed a story, once each.
CREATE TABLE story_view (
    story_id  TEXT        NOT NULL REFERENCES story ON DELETE CASCADE,
    viewer    TEXT        NOT NULL,
    viewed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (story_id, viewer)
);
CREATE INDEX story_view_viewer ON story_view (viewer);

-- A user's choices: the audience of future stories and whether they send read receipts (without receipts they are
-- not listed as viewers and see no viewers of their own stories). No row: contacts, receipts on.
CREATE TABLE story_preference (
    jid           TEXT PRIMARY KEY,
    audience      TEXT    NOT NULL,
    members       TEXT[]  NOT NULL,
    read_receipts BOOLEAN NOT NULL
);

-- Whose stories a user muted (still reachable, no notification, listed last).
CREATE TABLE story_mute (
    muter TEXT NOT NULL,
    muted TEXT NOT NULL,
    PRIMARY KEY (muter, muted)
);
