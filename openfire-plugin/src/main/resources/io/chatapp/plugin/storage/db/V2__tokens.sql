-- Token signing keys (Ed25519). The newest unretired key signs; retired keys keep verifying until retire_after.
CREATE TABLE signing_key (
    kid          TEXT PRIMARY KEY,
    algorithm    TEXT        NOT NULL,
    private_key  BYTEA       NOT NULL, -- PKCS#8
    public_key   BYTEA       NOT NULL, -- X.509 SubjectPublicKeyInfo
    created_at   TIMESTAMPTZ NOT NULL,
    retired_at   TIMESTAMPTZ,
    verify_until TIMESTAMPTZ
);

-- Refresh tokens, stored as SHA-256 hashes only. Each refresh marks its token used and issues the next one in the
-- same family; presenting a used token again revokes the whole family (RFC 6819 5.2.2.3 / OAuth 2.0 BCP).
CREATE TABLE refresh_token (
    token_hash  BYTEA PRIMARY KEY,
    family_id   UUID        NOT NULL,
    username    TEXT        NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (username);

-- Access tokens revoked before they expire (logout), by jti; rows can go once expires_at has passed.
CREATE TABLE revoked_access_token (
    jti        TEXT PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL
);
