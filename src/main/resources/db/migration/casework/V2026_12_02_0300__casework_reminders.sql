-- Reminder rules: when a stage's clock gets the early reminder (复查早提醒 and the like), and after
-- how many working days overdue a case is escalated to the next level. The row with case_type '*'
-- is the global default; a row for a case type overrides it.
CREATE TABLE case_reminder_rule (
    case_type            varchar(24)   PRIMARY KEY
        CHECK (case_type IN ('*', 'GENERAL_HAZARD', 'MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'ACCIDENT', 'OTHER')),
    -- early reminder when this share of the stage's working time is used (0.8 = 80 %)...
    early_share          numeric(4, 3) CHECK (early_share > 0 AND early_share < 1),
    -- ...or when at most this many working hours are left, whichever comes first (null: off)
    early_hours          integer       CHECK (early_hours > 0),
    -- escalation to the next level after this many working days overdue (and again after twice)
    escalate_after_days  integer       NOT NULL CHECK (escalate_after_days BETWEEN 1 AND 60),
    updated_by           varchar(100),
    updated_at           timestamptz   NOT NULL DEFAULT now()
);

INSERT INTO case_reminder_rule (case_type, early_share, early_hours, escalate_after_days) VALUES
    ('*', 0.800, NULL, 3),
    ('MAJOR_HAZARD', 0.800, 24, 2);

-- Each reminder of a stage instance, claimed once: the unique key is the exactly-once guarantee.
-- The claim is inserted in the transaction that sends the in-app notifications and enqueues the
-- e-mails and webhooks; a second server's insert waits for it and then does nothing, a server that
-- dies mid-way rolls the claim back with everything else.
CREATE TABLE case_reminder (
    id                bigserial     PRIMARY KEY,
    case_id           bigint        NOT NULL REFERENCES safety_case (id) ON DELETE CASCADE,
    stage_started_at  timestamptz   NOT NULL,
    kind              varchar(24)   NOT NULL
        CHECK (kind IN ('EARLY', 'OVERDUE', 'ESCALATE_DISTRICT', 'ESCALATE_CITY')),
    stage             varchar(24)   NOT NULL,
    recipients        integer       NOT NULL DEFAULT 0,
    claimed_at        timestamptz   NOT NULL DEFAULT now(),
    claimed_by        varchar(100)  NOT NULL,
    CONSTRAINT case_reminder_once UNIQUE (case_id, stage_started_at, kind)
);
