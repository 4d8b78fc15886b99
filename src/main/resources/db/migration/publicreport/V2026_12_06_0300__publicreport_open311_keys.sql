-- Open311 API keys of partner apps: only the SHA-256 of a key is kept; the key is shown once.
CREATE TABLE open311_api_key (
  id          bigserial PRIMARY KEY,
  name        varchar(100) NOT NULL,
  key_hash    varchar(64)  NOT NULL UNIQUE,
  created_by  varchar(100) NOT NULL,
  created_at  timestamptz  NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
