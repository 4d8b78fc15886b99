-- Inspection (巡查检查): checklists, patrol plans and their tasks, inspection records and photos.

-- A checklist (检查表) version. Editing a checklist inserts its next version and makes it current;
-- inspections keep the id of the version they used. district_code null: a city-wide checklist.
-- kinds / industries / hazards say which objects it applies to (object kind, industry code prefix,
-- hazard feature); the best match wins (hazard, then industry, then kind, then a general one).
CREATE TABLE checklist (
    id            bigserial    PRIMARY KEY,
    code          varchar(64)  NOT NULL,
    version       integer      NOT NULL CHECK (version > 0),
    name          varchar(200) NOT NULL,
    district_code varchar(6),
    kinds         text[]       NOT NULL DEFAULT '{}',
    industries    text[]       NOT NULL DEFAULT '{}',
    hazards       text[]       NOT NULL DEFAULT '{}',
    example       boolean      NOT NULL DEFAULT false,
    current       boolean      NOT NULL DEFAULT true,
    items         jsonb        NOT NULL,
    created_by    varchar(100) NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (code, version)
);
CREATE UNIQUE INDEX checklist_current_key ON checklist (code) WHERE current;

-- Months per patrol period for each risk level, and the distance (metres) from the object within
-- which an inspection's position counts as on site. scope_code '12': the city default; a district
-- row overrides it. Periods are aligned to the calendar year (monthly, Jan-Feb, quarters, halves).
CREATE TABLE patrol_plan_setting (
    scope_code         varchar(6)   PRIMARY KEY,
    red_months         integer      NOT NULL CHECK (red_months IN (1, 2, 3, 4, 6, 12)),
    orange_months      integer      NOT NULL CHECK (orange_months IN (1, 2, 3, 4, 6, 12)),
    yellow_months      integer      NOT NULL CHECK (yellow_months IN (1, 2, 3, 4, 6, 12)),
    blue_months        integer      NOT NULL CHECK (blue_months IN (1, 2, 3, 4, 6, 12)),
    allowed_distance_m integer      NOT NULL DEFAULT 200 CHECK (allowed_distance_m BETWEEN 10 AND 5000),
    updated_by         varchar(100),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            integer      NOT NULL DEFAULT 0
);
INSERT INTO patrol_plan_setting (scope_code, red_months, orange_months, yellow_months, blue_months)
VALUES ('12', 1, 2, 3, 6);

-- A required inspection of one object in one period, for the officer of the object's grid.
CREATE TABLE patrol_task (
    id            bigserial    PRIMARY KEY,
    object_id     bigint       NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    officer_id    bigint       NOT NULL REFERENCES officer (id) ON DELETE CASCADE,
    district_code varchar(6)   NOT NULL,
    division_code varchar(12)  NOT NULL,
    grid_code     varchar(64)  NOT NULL,
    risk_level    varchar(8)   NOT NULL,
    period_start  date         NOT NULL,
    due_date      date         NOT NULL,
    status        varchar(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE')),
    inspection_id bigint,
    done_at       timestamptz,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (object_id, period_start),
    CHECK (due_date >= period_start)
);
-- the officer's task list: open tasks, and done ones of the current period
CREATE INDEX patrol_task_officer_idx ON patrol_task (officer_id, status, due_date);
-- coverage per grid / street / district
CREATE INDEX patrol_task_scope_idx ON patrol_task (division_code text_pattern_ops, due_date);

-- Photos, uploaded before the inspection that uses them; id is the phone's uuid for the photo.
CREATE TABLE inspection_photo (
    id            uuid         PRIMARY KEY,
    user_id       bigint       NOT NULL REFERENCES app_user (id),
    sha256        varchar(64)  NOT NULL,
    content_type  varchar(40)  NOT NULL,
    size_bytes    integer      NOT NULL,
    storage_key   varchar(200) NOT NULL,
    taken_at      timestamptz,
    lon           double precision,
    lat           double precision,
    created_at    timestamptz  NOT NULL DEFAULT now()
);

-- An inspection (or a document delivery / publicity visit) by an officer at an object.
-- (user_id, client_id) is unique: the phone's uuid, so a retried sync finds the first record.
CREATE TABLE inspection (
    id                   bigserial    PRIMARY KEY,
    client_id            uuid         NOT NULL,
    user_id              bigint       NOT NULL REFERENCES app_user (id),
    officer_id           bigint       REFERENCES officer (id) ON DELETE SET NULL,
    kind                 varchar(20)  NOT NULL CHECK (kind IN ('INSPECTION', 'DOCUMENT_DELIVERY', 'PUBLICITY')),
    object_id            bigint       NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    task_id              bigint       REFERENCES patrol_task (id) ON DELETE SET NULL,
    checklist_id         bigint       REFERENCES checklist (id),
    district_code        varchar(6)   NOT NULL,
    division_code        varchar(12)  NOT NULL,
    grid_code            varchar(64),
    started_at           timestamptz  NOT NULL,
    ended_at             timestamptz  NOT NULL,
    lon                  double precision,
    lat                  double precision,
    accuracy_m           double precision,
    distance_m           double precision,
    inside_grid          boolean      NOT NULL DEFAULT false,
    outside_allowed_area boolean      NOT NULL,
    answers              jsonb        NOT NULL DEFAULT '[]',
    photo_ids            uuid[]       NOT NULL DEFAULT '{}',
    signature_png        bytea,
    signer_name          varchar(100),
    findings             text,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (user_id, client_id),
    CHECK (ended_at >= started_at)
);
CREATE INDEX inspection_object_idx ON inspection (object_id, ended_at DESC);
CREATE INDEX inspection_user_idx ON inspection (user_id, ended_at DESC);
CREATE INDEX inspection_scope_idx ON inspection (division_code text_pattern_ops, ended_at DESC);

-- Items answered NO (failed) in an inspection; each may become one case.
CREATE TABLE inspection_failed_item (
    inspection_id bigint       NOT NULL REFERENCES inspection (id) ON DELETE CASCADE,
    item_key      varchar(64)  NOT NULL,
    text          varchar(500) NOT NULL,
    severity      varchar(8)   NOT NULL CHECK (severity IN ('GENERAL', 'MAJOR')),
    case_type     varchar(24)  NOT NULL,
    case_id       bigint,
    case_number   varchar(40),
    PRIMARY KEY (inspection_id, item_key)
);
