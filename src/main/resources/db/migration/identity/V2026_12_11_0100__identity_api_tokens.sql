-- Personal API tokens (docs/api-tokens.md): a user's credential for /api/v1 beside HTTP Basic.
-- Only the SHA-256 of the secret is kept (the secret is 32 random bytes, so a fast hash is as
-- good as a slow one), and a short prefix of it to tell tokens apart in lists and the audit log.
CREATE TABLE api_token (
    id            bigserial    PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name          varchar(100) NOT NULL,
    prefix        varchar(16)  NOT NULL,
    secret_sha256 char(64)     NOT NULL,
    scope         varchar(8)   NOT NULL CHECK (scope IN ('READ', 'WRITE')),
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz  NOT NULL,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    revoked_by    varchar(64),
    CONSTRAINT api_token_secret_uq UNIQUE (secret_sha256),
    CONSTRAINT api_token_expiry_ck CHECK (expires_at > created_at)
);

-- every API call with a token reads its row by the hash (the unique index above); lists by owner
CREATE INDEX api_token_user_idx ON api_token (user_id, created_at DESC);
