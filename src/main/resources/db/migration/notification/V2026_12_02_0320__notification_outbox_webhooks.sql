-- Webhook endpoints configured by the city administrator: every event whose kind matches one of
-- the endpoint's patterns ("case.*", "case.reminder.overdue", "*") is delivered there, signed
-- with the endpoint's secret (HMAC-SHA256 of the body).
CREATE TABLE webhook_endpoint (
    id           bigserial     PRIMARY KEY,
    url          varchar(500)  NOT NULL,
    secret       varchar(200)  NOT NULL,
    event_kinds  text[]        NOT NULL,
    active       boolean       NOT NULL DEFAULT true,
    created_by   varchar(100)  NOT NULL,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    version      integer       NOT NULL DEFAULT 0
);

-- The outbox: e-mails and webhook deliveries written in the transaction of what caused them and
-- delivered afterwards by a db-scheduler task, at least once, with exponential backoff. The
-- idempotency key names the message: enqueueing it twice adds nothing.
CREATE TABLE notification_outbox (
    id               bigserial     PRIMARY KEY,
    channel          varchar(8)    NOT NULL CHECK (channel IN ('EMAIL', 'WEBHOOK')),
    idempotency_key  varchar(300)  NOT NULL,
    user_id          bigint        REFERENCES app_user (id),
    endpoint_id      bigint        REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    -- EMAIL: the address; WEBHOOK: the event id (the payload's id and X-Anwang-Delivery)
    recipient        varchar(300)  NOT NULL,
    subject          varchar(300),
    payload          text          NOT NULL,
    attempts         integer       NOT NULL DEFAULT 0,
    max_attempts     integer       NOT NULL,
    next_attempt_at  timestamptz   NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    failed_at        timestamptz,
    last_error       varchar(1000),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT notification_outbox_idempotency_key UNIQUE (idempotency_key),
    CHECK ((channel = 'EMAIL') = (user_id IS NOT NULL)),
    CHECK ((channel = 'WEBHOOK') = (endpoint_id IS NOT NULL))
);

-- the delivery task's queue: pending rows by due time
CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at)
    WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX notification_outbox_endpoint_idx ON notification_outbox (endpoint_id, id DESC)
    WHERE endpoint_id IS NOT NULL;
