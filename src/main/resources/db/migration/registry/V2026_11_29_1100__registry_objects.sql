-- Supervised objects (监督管理对象). division_code is the most specific division the object lies in
-- (village, else street, else district), so every scoped query is one prefix match on it.
CREATE TABLE supervised_object (
    id                        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    district_code             varchar(6)   NOT NULL,
    street_code               varchar(9),
    village_code              varchar(12),
    division_code             varchar(12)  NOT NULL,
    grid_code                 varchar(64),
    grid_override_by          varchar(100),
    grid_override_reason      varchar(500),
    grid_override_at          timestamptz,
    kind                      varchar(40)  NOT NULL,
    uscc                      varchar(18),
    uscc_override_reason      varchar(500),
    name                      varchar(200) NOT NULL,
    address                   varchar(300) NOT NULL,
    lon                       double precision,
    lat                       double precision,
    industry_code             varchar(5),
    scale                     varchar(10),
    employees                 integer CHECK (employees >= 0),
    hazards                   text[]       NOT NULL DEFAULT '{}',
    contact_name              varchar(100),
    contact_phone             varchar(40),
    status                    varchar(16)  NOT NULL DEFAULT 'OPERATING'
        CHECK (status IN ('OPERATING', 'SUSPENDED', 'CLOSED')),
    direct_supervision        boolean      NOT NULL DEFAULT false,
    direct_supervision_reason varchar(40)
        CHECK (direct_supervision_reason IN ('LARGE_SCALE', 'HIGH_SPECIFICATION', 'HIGH_RISK',
                                             'BEYOND_GRASSROOTS_CAPACITY')),
    last_accident_on          date,
    risk_level                varchar(8)   NOT NULL CHECK (risk_level IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    risk_rule                 varchar(40)  NOT NULL,
    risk_override_level       varchar(8)   CHECK (risk_override_level IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    risk_override_reason      varchar(500),
    risk_override_by          varchar(100),
    created_at                timestamptz  NOT NULL DEFAULT now(),
    updated_at                timestamptz  NOT NULL DEFAULT now(),
    version                   integer      NOT NULL DEFAULT 0,
    synthetic                 boolean      NOT NULL DEFAULT false,
    CHECK ((lon IS NULL) = (lat IS NULL)),
    CHECK (direct_supervision = (direct_supervision_reason IS NOT NULL)),
    CHECK ((risk_override_level IS NULL) = (risk_override_reason IS NULL)),
    CHECK ((grid_override_reason IS NULL) = (grid_override_by IS NULL))
);

-- scoped search: the territory prefix, then the common filters
CREATE INDEX supervised_object_scope_idx
    ON supervised_object (division_code text_pattern_ops, status, kind);
CREATE INDEX supervised_object_district_status_kind_idx
    ON supervised_object (district_code, status, kind);
-- q on the name (and duplicate detection of name + address)
CREATE INDEX supervised_object_name_idx ON supervised_object (name text_pattern_ops);
CREATE INDEX supervised_object_name_address_idx ON supervised_object (district_code, name, address);
CREATE INDEX supervised_object_grid_idx ON supervised_object (grid_code);
CREATE INDEX supervised_object_industry_idx ON supervised_object (industry_code text_pattern_ops);
-- one object per USCC
CREATE UNIQUE INDEX supervised_object_uscc_key ON supervised_object (uscc) WHERE uscc IS NOT NULL;
-- the attention list: objects outside every grid
CREATE INDEX supervised_object_outside_grids_idx
    ON supervised_object (division_code text_pattern_ops) WHERE grid_code IS NULL;

-- Departments responsible for an object: from the responsibility rules or set by hand.
CREATE TABLE object_department (
    object_id       bigint      NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    department_code varchar(64) NOT NULL,
    source          varchar(8)  NOT NULL CHECK (source IN ('RULE', 'MANUAL')),
    rule_id         varchar(64),
    PRIMARY KEY (object_id, department_code)
);
-- department staff's scope: the objects of one department
CREATE INDEX object_department_department_idx ON object_department (department_code, object_id);

-- Who changed what, field by field.
CREATE TABLE object_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_id     bigint       NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    district_code varchar(6)   NOT NULL,
    at            timestamptz  NOT NULL DEFAULT now(),
    actor         varchar(100) NOT NULL,
    action        varchar(40)  NOT NULL,
    changes       jsonb        NOT NULL
);
CREATE INDEX object_history_object_idx ON object_history (object_id, at DESC, id DESC);

-- Objects moved between grids because the grids changed.
CREATE TABLE object_grid_move (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object_id          bigint      NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    district_code      varchar(6)  NOT NULL,
    at                 timestamptz NOT NULL DEFAULT now(),
    from_grid_code     varchar(64),
    to_grid_code       varchar(64),
    from_division_code varchar(12) NOT NULL,
    to_division_code   varchar(12) NOT NULL,
    reason             varchar(40) NOT NULL
);
CREATE INDEX object_grid_move_district_at_idx ON object_grid_move (district_code, at, id);
