-- Cases (事件/隐患): the closed loop report → register → dispatch → rectification → feedback →
-- re-inspection on site → close, after GB/T 30428. safety_case holds the current state and the
-- figures the indicators need; case_event is the timeline every figure is derived from (each
-- transition writes both in one transaction).

-- The working-day calendar's exceptions: statutory holidays on weekdays (and inside holiday
-- periods) and make-up working days on weekends. The shipped schedules are loaded at start-up for
-- the years that have no row yet; administrators edit them afterwards.
CREATE TABLE calendar_day (
    day         date         PRIMARY KEY,
    kind        varchar(8)   NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name        varchar(60)  NOT NULL,
    updated_by  varchar(100) NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- Working days allowed per stage and case type (configurable).
CREATE TABLE case_deadline_rule (
    case_type     varchar(24)  NOT NULL,
    stage         varchar(24)  NOT NULL,
    working_days  integer      NOT NULL CHECK (working_days BETWEEN 1 AND 365),
    updated_by    varchar(100),
    updated_at    timestamptz  NOT NULL DEFAULT now(),
    version       integer      NOT NULL DEFAULT 0,
    PRIMARY KEY (case_type, stage),
    CHECK (case_type IN ('GENERAL_HAZARD', 'MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'ACCIDENT', 'OTHER')),
    CHECK (stage IN ('REGISTER', 'DISPATCH', 'RECTIFY', 'REINSPECT', 'CLOSE'))
);

INSERT INTO case_deadline_rule (case_type, stage, working_days) VALUES
    ('GENERAL_HAZARD', 'REGISTER', 1), ('GENERAL_HAZARD', 'DISPATCH', 1), ('GENERAL_HAZARD', 'RECTIFY', 10),
    ('GENERAL_HAZARD', 'REINSPECT', 3), ('GENERAL_HAZARD', 'CLOSE', 2),
    ('MAJOR_HAZARD', 'REGISTER', 1), ('MAJOR_HAZARD', 'DISPATCH', 1), ('MAJOR_HAZARD', 'RECTIFY', 60),
    ('MAJOR_HAZARD', 'REINSPECT', 5), ('MAJOR_HAZARD', 'CLOSE', 5),
    ('ILLEGAL_OPERATION', 'REGISTER', 1), ('ILLEGAL_OPERATION', 'DISPATCH', 1), ('ILLEGAL_OPERATION', 'RECTIFY', 5),
    ('ILLEGAL_OPERATION', 'REINSPECT', 2), ('ILLEGAL_OPERATION', 'CLOSE', 2),
    ('ACCIDENT', 'REGISTER', 1), ('ACCIDENT', 'DISPATCH', 1), ('ACCIDENT', 'RECTIFY', 15),
    ('ACCIDENT', 'REINSPECT', 3), ('ACCIDENT', 'CLOSE', 3),
    ('OTHER', 'REGISTER', 2), ('OTHER', 'DISPATCH', 2), ('OTHER', 'RECTIFY', 10),
    ('OTHER', 'REINSPECT', 3), ('OTHER', 'CLOSE', 2);

-- Readable case numbers, unique per district and year: 120101-2026-000123.
CREATE TABLE case_number_counter (
    district_code  varchar(6) NOT NULL,
    year           integer    NOT NULL,
    last_value     integer    NOT NULL,
    PRIMARY KEY (district_code, year)
);

CREATE TABLE safety_case (
    id                      bigserial     PRIMARY KEY,
    number                  varchar(24)   NOT NULL UNIQUE,
    district_code           varchar(6)    NOT NULL,
    street_code             varchar(9),
    village_code            varchar(12),
    -- the most specific division of the place (village, else street, else district): the scope key
    division_code           varchar(12)   NOT NULL,
    grid_code               varchar(64),
    type                    varchar(24)   NOT NULL
        CHECK (type IN ('GENERAL_HAZARD', 'MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'ACCIDENT', 'OTHER')),
    source                  varchar(24)   NOT NULL
        CHECK (source IN ('OFFICER_INSPECTION', 'VILLAGE_REPORT', 'PUBLIC_REPORT', 'DEPARTMENT', 'THIRD_PARTY')),
    object_id               bigint,
    title                   varchar(200)  NOT NULL,
    description             text          NOT NULL,
    address                 varchar(300),
    lon                     double precision,
    lat                     double precision,
    status                  varchar(24)   NOT NULL
        CHECK (status IN ('REPORTED', 'REGISTERED', 'VOIDED', 'DISPATCHED', 'RECTIFYING',
                          'FEEDBACK_SUBMITTED', 'REINSPECTED', 'CLOSED')),
    -- who handles it now: a department (code), a street (code) or the enterprise (object id)
    handler_type            varchar(16)   CHECK (handler_type IN ('DEPARTMENT', 'STREET', 'ENTERPRISE')),
    handler_code            varchar(64),
    -- the current stage's clock
    stage                   varchar(24)   CHECK (stage IN ('REGISTER', 'DISPATCH', 'RECTIFY', 'REINSPECT', 'CLOSE')),
    stage_started_at        timestamptz,
    stage_due_at            timestamptz,
    -- the rectification deadline (应结案 by), set at dispatch, moved by approved extensions
    due_at                  timestamptz,
    reported_at             timestamptz   NOT NULL,
    registered_at           timestamptz,
    first_dispatched_at     timestamptz,
    feedback_at             timestamptz,
    closed_at               timestamptz,
    voided_at               timestamptz,
    closed_on_time          boolean,
    rework_count            integer       NOT NULL DEFAULT 0,
    wrong_dispatch_count    integer       NOT NULL DEFAULT 0,
    extension_count         integer       NOT NULL DEFAULT 0,
    -- an extension asked for and not yet decided
    extension_requested_days integer,
    extension_reason        varchar(500),
    -- supervision (督办) by the level above, with its own deadline
    supervision_level       varchar(10)   CHECK (supervision_level IN ('DISTRICT', 'CITY')),
    supervision_due_at      timestamptz,
    -- major hazards: the rectification plan (治理方案) and the acceptance (验收)
    plan                    jsonb,
    accepted_at             timestamptz,
    accepted_by             varchar(100),
    -- illegal production: the stop order (制止) and the penalty decision
    stop_order_at           timestamptz,
    penalty_decision        varchar(500),
    reporter_user_id        bigint,
    reporter_name           varchar(100)  NOT NULL,
    idempotency_key         varchar(100),
    created_at              timestamptz   NOT NULL DEFAULT now(),
    updated_at              timestamptz   NOT NULL DEFAULT now(),
    version                 integer       NOT NULL DEFAULT 0,
    synthetic               boolean       NOT NULL DEFAULT false,
    CHECK ((lon IS NULL) = (lat IS NULL)),
    CHECK ((handler_type IS NULL) = (handler_code IS NULL))
);

CREATE UNIQUE INDEX safety_case_idempotency_key
    ON safety_case (reporter_user_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX safety_case_scope_idx ON safety_case (division_code text_pattern_ops, status);
CREATE INDEX safety_case_district_reported_idx ON safety_case (district_code, reported_at);
CREATE INDEX safety_case_district_due_idx ON safety_case (district_code, due_at);
CREATE INDEX safety_case_open_stage_due_idx ON safety_case (stage_due_at)
    WHERE status NOT IN ('CLOSED', 'VOIDED');
CREATE INDEX safety_case_handler_idx ON safety_case (handler_type, handler_code, status);
CREATE INDEX safety_case_object_idx ON safety_case (object_id) WHERE object_id IS NOT NULL;

-- The timeline: every transition and every action on a case, with who, when, why and data.
CREATE TABLE case_event (
    id             bigserial     PRIMARY KEY,
    case_id        bigint        NOT NULL REFERENCES safety_case (id),
    district_code  varchar(6)    NOT NULL,
    at             timestamptz   NOT NULL,
    actor_user_id  bigint,
    actor_name     varchar(100)  NOT NULL,
    actor_role     varchar(32),
    action         varchar(32)   NOT NULL,
    from_status    varchar(24),
    to_status      varchar(24),
    reason         varchar(1000),
    data           jsonb         NOT NULL DEFAULT '{}'
);

CREATE INDEX case_event_case_idx ON case_event (case_id, id);
CREATE INDEX case_event_district_at_idx ON case_event (district_code, at);

-- Files attached to a case event (photos, documents), stored in the shared file store.
CREATE TABLE case_attachment (
    id            bigserial     PRIMARY KEY,
    case_id       bigint        NOT NULL REFERENCES safety_case (id),
    event_id      bigint        REFERENCES case_event (id),
    file_name     varchar(200)  NOT NULL,
    content_type  varchar(100)  NOT NULL,
    size_bytes    bigint        NOT NULL CHECK (size_bytes >= 0),
    sha256        varchar(64)   NOT NULL,
    storage_key   varchar(300)  NOT NULL,
    uploaded_by   varchar(100)  NOT NULL,
    uploaded_at   timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX case_attachment_case_idx ON case_attachment (case_id);
