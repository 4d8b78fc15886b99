-- Grid officers (网格员), their grid assignments, training and certification, staffing norms,
-- workload weights and rebalancing proposals. Every table keeps the district code so it can be
-- partitioned or distributed by district like every big table.

-- An officer belongs to a street (tier STREET, 街镇网格员) or a village/community (tier VILLAGE,
-- 村居网格员): division_code is that street or village. The ID number is never stored in clear:
-- id_number_cipher is AES-GCM under the platform's PII key, id_number_hash an HMAC of the
-- normalised number (one officer per person), id_number_tail its last four characters for display.
CREATE TABLE officer (
    id                bigserial    PRIMARY KEY,
    district_code     varchar(6)   NOT NULL,
    division_code     varchar(12)  NOT NULL REFERENCES division (code),
    name              varchar(100) NOT NULL,
    phone             varchar(40),
    id_number_cipher  bytea,
    id_number_hash    varchar(64),
    id_number_tail    varchar(4),
    tier              varchar(8)   NOT NULL CHECK (tier IN ('STREET', 'VILLAGE')),
    employment        varchar(16)  NOT NULL CHECK (employment IN ('STAFF', 'PURCHASED', 'PART_TIME')),
    enforcement_power boolean      NOT NULL DEFAULT false,
    status            varchar(12)  NOT NULL DEFAULT 'CANDIDATE'
                      CHECK (status IN ('CANDIDATE', 'ACTIVE', 'SUSPENDED', 'LEFT')),
    user_id           bigint       REFERENCES app_user (id),
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    version           integer      NOT NULL DEFAULT 0,
    synthetic         boolean      NOT NULL DEFAULT false,
    CHECK ((id_number_cipher IS NULL) = (id_number_hash IS NULL)),
    CHECK (tier <> 'VILLAGE' OR length(division_code) = 12),
    CHECK (tier <> 'STREET' OR length(division_code) = 9)
);

CREATE INDEX officer_scope_idx ON officer (division_code text_pattern_ops, status);
CREATE UNIQUE INDEX officer_id_number_key ON officer (id_number_hash) WHERE id_number_hash IS NOT NULL;
CREATE UNIQUE INDEX officer_user_key ON officer (user_id) WHERE user_id IS NOT NULL;

-- Officer ↔ grid, with history: an assignment is current while ends_on is null; ending it keeps
-- the row. grid_division_code is the grid's street or village at assignment time (for scoping).
CREATE TABLE officer_assignment (
    id                  bigserial    PRIMARY KEY,
    officer_id          bigint       NOT NULL REFERENCES officer (id),
    grid_code           varchar(64)  NOT NULL,
    district_code       varchar(6)   NOT NULL,
    grid_division_code  varchar(12)  NOT NULL,
    starts_on           date         NOT NULL,
    ends_on             date,
    start_reason        varchar(500),
    end_reason          varchar(500),
    rebalance_id        bigint,
    created_by          varchar(100) NOT NULL,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    ended_by            varchar(100),
    ended_at            timestamptz,
    CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

CREATE UNIQUE INDEX officer_assignment_current_key
    ON officer_assignment (officer_id, grid_code) WHERE ends_on IS NULL;
CREATE INDEX officer_assignment_grid_current_idx
    ON officer_assignment (grid_code) WHERE ends_on IS NULL;
CREATE INDEX officer_assignment_scope_idx
    ON officer_assignment (grid_division_code text_pattern_ops) WHERE ends_on IS NULL;
CREATE INDEX officer_assignment_officer_idx ON officer_assignment (officer_id, starts_on DESC);

-- Training courses. district_code null: a city-wide course. pre_post: a certificate of this course
-- is what "trained before post" (先培训后上岗) means for the tiers in required_for.
CREATE TABLE training_course (
    id                  bigserial    PRIMARY KEY,
    district_code       varchar(6),
    code                varchar(40)  NOT NULL UNIQUE,
    title               varchar(200) NOT NULL,
    topic               varchar(200) NOT NULL,
    hours               numeric(5,1) NOT NULL CHECK (hours > 0),
    required_for        varchar(8)   NOT NULL DEFAULT 'ALL'
                        CHECK (required_for IN ('ALL', 'STREET', 'VILLAGE', 'NONE')),
    pre_post            boolean      NOT NULL DEFAULT false,
    pass_mark           numeric(5,1) NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
    validity_months     integer      NOT NULL DEFAULT 24 CHECK (validity_months > 0),
    active              boolean      NOT NULL DEFAULT true,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    version             integer      NOT NULL DEFAULT 0
);

CREATE TABLE training_session (
    id             bigserial    PRIMARY KEY,
    course_id      bigint       NOT NULL REFERENCES training_course (id),
    district_code  varchar(6)   NOT NULL,
    held_on        date         NOT NULL,
    place          varchar(200) NOT NULL,
    trainer        varchar(100) NOT NULL,
    created_by     varchar(100) NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    version        integer      NOT NULL DEFAULT 0
);

CREATE INDEX training_session_district_idx ON training_session (district_code, held_on DESC);

-- Who attended a session and how they did in its exam.
CREATE TABLE training_attendance (
    session_id   bigint       NOT NULL REFERENCES training_session (id),
    officer_id   bigint       NOT NULL REFERENCES officer (id),
    attended     boolean      NOT NULL,
    score        numeric(5,1) CHECK (score BETWEEN 0 AND 100),
    passed       boolean      NOT NULL DEFAULT false,
    recorded_by  varchar(100) NOT NULL,
    recorded_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, officer_id)
);

CREATE INDEX training_attendance_officer_idx ON training_attendance (officer_id);

-- Certificates: issued when an officer passes a session's exam (or imported from paper records).
CREATE TABLE training_certificate (
    id             bigserial    PRIMARY KEY,
    officer_id     bigint       NOT NULL REFERENCES officer (id),
    course_id      bigint       NOT NULL REFERENCES training_course (id),
    session_id     bigint       REFERENCES training_session (id),
    district_code  varchar(6)   NOT NULL,
    number         varchar(64)  NOT NULL UNIQUE,
    issued_on      date         NOT NULL,
    expires_on     date         NOT NULL,
    revoked_at     timestamptz,
    revoked_reason varchar(500),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CHECK (expires_on > issued_on)
);

CREATE INDEX training_certificate_officer_idx ON training_certificate (officer_id, course_id, expires_on DESC);
CREATE INDEX training_certificate_expiry_idx ON training_certificate (expires_on) WHERE revoked_at IS NULL;

-- The annual training plan of a district: which courses its officers must take that year, by when.
CREATE TABLE training_plan_item (
    id             bigserial    PRIMARY KEY,
    district_code  varchar(6)   NOT NULL,
    year           integer      NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    course_id      bigint       NOT NULL REFERENCES training_course (id),
    tier           varchar(8)   NOT NULL DEFAULT 'ALL' CHECK (tier IN ('ALL', 'STREET', 'VILLAGE')),
    due_by         date         NOT NULL,
    created_by     varchar(100) NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (district_code, year, course_id, tier)
);

-- Staffing norms (网格员配备标准) per district category; each district has a category.
CREATE TABLE staffing_norm (
    category                   varchar(16)  PRIMARY KEY,
    min_per_street             integer      NOT NULL CHECK (min_per_street >= 0),
    max_per_street             integer      NOT NULL,
    heavy_village_min_objects  integer      NOT NULL CHECK (heavy_village_min_objects > 0),
    heavy_village_min_high_risk integer     NOT NULL CHECK (heavy_village_min_high_risk > 0),
    updated_by                 varchar(100),
    updated_at                 timestamptz  NOT NULL DEFAULT now(),
    version                    integer      NOT NULL DEFAULT 0,
    CHECK (max_per_street >= min_per_street)
);

INSERT INTO staffing_norm (category, min_per_street, max_per_street, heavy_village_min_objects, heavy_village_min_high_risk)
VALUES ('CENTRAL', 5, 10, 150, 10),
       ('OUTER', 10, 20, 150, 10);

CREATE TABLE staffing_district_category (
    district_code  varchar(6)  PRIMARY KEY,
    category       varchar(16) NOT NULL REFERENCES staffing_norm (category)
);

-- Districts not listed here are OUTER. 市内六区: 和平 120101, 河东 120102, 河西 120103,
-- 南开 120104, 河北 120105, 红桥 120106.
INSERT INTO staffing_district_category (district_code, category)
VALUES ('120101', 'CENTRAL'), ('120102', 'CENTRAL'), ('120103', 'CENTRAL'),
       ('120104', 'CENTRAL'), ('120105', 'CENTRAL'), ('120106', 'CENTRAL');

-- Workload weights per risk level and the band around the street's mean outside which an
-- officer is flagged as over or under loaded. scope_code '12' is the city default; a district
-- row overrides it.
CREATE TABLE workload_setting (
    scope_code     varchar(6)   PRIMARY KEY,
    weight_red     numeric(6,2) NOT NULL CHECK (weight_red >= 0),
    weight_orange  numeric(6,2) NOT NULL CHECK (weight_orange >= 0),
    weight_yellow  numeric(6,2) NOT NULL CHECK (weight_yellow >= 0),
    weight_blue    numeric(6,2) NOT NULL CHECK (weight_blue >= 0),
    over_ratio     numeric(4,2) NOT NULL DEFAULT 1.30 CHECK (over_ratio > 1),
    under_ratio    numeric(4,2) NOT NULL DEFAULT 0.70 CHECK (under_ratio > 0 AND under_ratio < 1),
    updated_by     varchar(100),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    version        integer      NOT NULL DEFAULT 0
);

INSERT INTO workload_setting (scope_code, weight_red, weight_orange, weight_yellow, weight_blue)
VALUES ('12', 8, 4, 2, 1);

-- A proposed rebalancing of one street's grid assignments; applying it ends and starts the
-- assignments it names (each new assignment carries rebalance_id). basis_hash fingerprints the
-- street's current assignments when proposed: a proposal whose street changed since is stale.
CREATE TABLE rebalance_proposal (
    id              bigserial    PRIMARY KEY,
    street_code     varchar(9)   NOT NULL,
    district_code   varchar(6)   NOT NULL,
    status          varchar(12)  NOT NULL DEFAULT 'PROPOSED'
                    CHECK (status IN ('PROPOSED', 'APPLIED', 'DISCARDED', 'STALE')),
    basis_hash      varchar(64)  NOT NULL,
    moves           jsonb        NOT NULL,
    spread_before   numeric(12,2) NOT NULL,
    spread_after    numeric(12,2) NOT NULL,
    created_by      varchar(100) NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    decided_by      varchar(100),
    decided_at      timestamptz,
    version         integer      NOT NULL DEFAULT 0
);

CREATE INDEX rebalance_proposal_street_idx ON rebalance_proposal (street_code, created_at DESC);

ALTER TABLE officer_assignment
    ADD CONSTRAINT officer_assignment_rebalance_fk FOREIGN KEY (rebalance_id) REFERENCES rebalance_proposal (id);

-- Starter courses (editable). GRID-PRE-POST is the pre-post course every officer needs before
-- taking a grid.
INSERT INTO training_course (code, title, topic, hours, required_for, pre_post, pass_mark, validity_months)
VALUES ('GRID-PRE-POST', '网格员岗前安全生产培训', '安全生产法律法规、网格化监管职责、隐患排查与报告', 16, 'ALL', true, 60, 24),
       ('GRID-ANNUAL', '网格员年度安全生产复训', '年度政策更新、典型事故案例、巡查要点', 8, 'ALL', false, 60, 12),
       ('HAZCHEM-BASICS', '危险化学品使用单位检查要点', '危险化学品储存、使用、应急处置', 6, 'STREET', false, 70, 24),
       ('CONFINED-SPACE', '有限空间作业安全检查', '有限空间辨识、作业审批、通风检测、应急救援', 4, 'STREET', false, 70, 24),
       ('VILLAGE-HAZARD-REPORT', '村居隐患发现与报告', '九小场所常见隐患、拍照取证、上报流程', 4, 'VILLAGE', false, 60, 24);
