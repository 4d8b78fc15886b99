-- In-app notifications (the bell). The text is a message key and its arguments, rendered in the
-- reader's language. (user_id, dedup_key) is unique: whatever sends a notification names it, so
-- a reminder sent twice (a retried task, a second server) reaches the user once.
CREATE TABLE notification (
    id            bigserial     PRIMARY KEY,
    user_id       bigint        NOT NULL REFERENCES app_user (id),
    kind          varchar(40)   NOT NULL,
    message_key   varchar(120)  NOT NULL,
    message_args  jsonb         NOT NULL DEFAULT '[]',
    link          varchar(300),
    dedup_key     varchar(200)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    read_at       timestamptz,
    CONSTRAINT notification_dedup_key UNIQUE (user_id, dedup_key)
);

CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;
