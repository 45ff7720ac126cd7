-- What the plugin knows about accounts beyond Openfire's user store. A row appears when an account registers through
-- the plugin or logs in. Deleting the account leaves only a tombstone (name, deleted_at, tokens_valid_after) until
-- every access token issued before the deletion has expired, so a new account of the same name cannot be opened
-- with them; the tombstone is then purged.
CREATE TABLE account (
    username           TEXT PRIMARY KEY,
    registered_at      TIMESTAMPTZ,          -- NULL when the account was created elsewhere (admin console, import)
    first_seen_at      TIMESTAMPTZ NOT NULL,
    last_login_at      TIMESTAMPTZ,
    disabled_at        TIMESTAMPTZ,          -- set by an administrator; the account cannot log in
    tokens_valid_after TIMESTAMPTZ,          -- access tokens issued before this are refused (forced logout)
    deleted_at         TIMESTAMPTZ
);
CREATE INDEX account_disabled ON account (username) WHERE disabled_at IS NOT NULL OR tokens_valid_after IS NOT NULL;
