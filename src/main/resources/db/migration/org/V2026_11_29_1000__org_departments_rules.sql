-- Departments with safety-supervision duty. A department's code is "<district>-<key>"
-- (120101-YJ) or "12-<key>" at city level; users carry it in app_user.department_code, so it never
-- changes. No foreign key to division: the code shapes are checked here, existence by the service.
CREATE TABLE org_department (
    code             varchar(32)  PRIMARY KEY,
    short_key        varchar(16)  NOT NULL CHECK (short_key ~ '^[A-Z][A-Z0-9]{0,15}$'),
    name             varchar(100) NOT NULL,
    -- null for a city-level department
    district_code    varchar(6)   CHECK (district_code ~ '^[0-9]{6}$'),
    duty_industries  text[]       NOT NULL DEFAULT '{}',
    duty_hazards     text[]       NOT NULL DEFAULT '{}',
    duty_kinds       text[]       NOT NULL DEFAULT '{}',
    fallback         boolean      NOT NULL DEFAULT false,
    active           boolean      NOT NULL DEFAULT true,
    seeded           boolean      NOT NULL DEFAULT false,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL DEFAULT 0,
    CONSTRAINT org_department_code_ck
        CHECK (code = coalesce(district_code, '12') || '-' || short_key)
);

-- serves "departments of a district plus the city-level ones"
CREATE INDEX org_department_district_idx ON org_department (district_code);

-- at most one active fallback per district (and one at city level)
CREATE UNIQUE INDEX org_department_fallback_uq
    ON org_department (coalesce(district_code, '12')) WHERE fallback AND active;

-- Responsibility rules: conditions (any-of inside a condition, all conditions together; an empty
-- condition matches anything) → the department with this key in the object's district, else the
-- city-level one. District rules apply in their district, city-wide rules (district_code null)
-- everywhere. Lower priority numbers are evaluated first and order the result.
CREATE TABLE org_responsibility_rule (
    id                bigserial    PRIMARY KEY,
    district_code     varchar(6)   CHECK (district_code ~ '^[0-9]{6}$'),
    priority          integer      NOT NULL CHECK (priority BETWEEN 0 AND 9999),
    industry_prefixes text[]       NOT NULL DEFAULT '{}',
    hazards           text[]       NOT NULL DEFAULT '{}',
    kinds             text[]       NOT NULL DEFAULT '{}',
    department_key    varchar(16)  NOT NULL CHECK (department_key ~ '^[A-Z][A-Z0-9]{0,15}$'),
    active            boolean      NOT NULL DEFAULT true,
    note              varchar(500),
    -- the shipped default this row came from, so seeding at every start inserts each only once
    seed_key          varchar(64)  UNIQUE,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    version           integer      NOT NULL DEFAULT 0
);

-- serves "the active rules that apply in a district": district_code = ? OR district_code IS NULL
CREATE INDEX org_rule_district_idx ON org_responsibility_rule (district_code, priority) WHERE active;
