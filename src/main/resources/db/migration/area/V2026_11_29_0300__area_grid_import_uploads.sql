-- Files uploaded on the grid import page, kept between the dry run and the confirmation so the
-- user confirms exactly what was checked without uploading it again. In the database (not the
-- HTTP session) so any server can confirm; rows older than the retention are deleted.
CREATE TABLE grid_import_upload (
    token       uuid         PRIMARY KEY,
    username    text         NOT NULL,
    file_name   text,
    repair      boolean      NOT NULL,
    content     bytea        NOT NULL,
    created_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX grid_import_upload_expiry_idx ON grid_import_upload (created_at);
