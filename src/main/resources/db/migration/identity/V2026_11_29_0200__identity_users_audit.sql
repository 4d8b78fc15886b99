-- Users: one row per person who logs in. Usernames are stored lower-case, so the unique
-- constraint is case-insensitive in effect. The territory is a division code (no foreign key:
-- identity must not depend on the area module's tables).
CREATE TABLE app_user (
    id               bigserial    PRIMARY KEY,
    username         varchar(64)  NOT NULL,
    password_hash    varchar(255) NOT NULL,
    display_name     varchar(100) NOT NULL,
    role             varchar(32)  NOT NULL
                     CHECK (role IN ('CITY_ADMIN', 'DISTRICT_ADMIN', 'STREET_ADMIN', 'DEPARTMENT_STAFF',
                                     'AUDITOR', 'STREET_OFFICER', 'VILLAGE_OFFICER', 'THIRD_PARTY',
                                     'ENTERPRISE_USER')),
    territory_code   varchar(12)  NOT NULL,
    -- kept on the row so users can be partitioned/distributed by district like every big table
    district_code    varchar(6)   GENERATED ALWAYS AS
                     (CASE WHEN length(territory_code) >= 6 THEN substr(territory_code, 1, 6) END) STORED,
    department_code  varchar(32),
    enabled          boolean      NOT NULL DEFAULT true,
    failed_attempts  integer      NOT NULL DEFAULT 0,
    locked_until     timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    version          integer      NOT NULL DEFAULT 0,
    CONSTRAINT app_user_username_uq UNIQUE (username),
    CONSTRAINT app_user_username_lower_ck CHECK (username = lower(username))
);

-- serves the scoped user list: territory_code LIKE '<scope>%'
CREATE INDEX app_user_territory_idx ON app_user (territory_code text_pattern_ops);

-- The audit log: append-only, hash-chained. Ids come from the sequence while the writer holds a
-- transaction-scoped advisory lock, so id order is chain order.
CREATE SEQUENCE audit_event_id_seq;

CREATE TABLE audit_event (
    id              bigint       PRIMARY KEY,
    occurred_at     timestamptz  NOT NULL,
    actor_username  varchar(64)  NOT NULL,
    action          varchar(64)  NOT NULL,
    target_type     varchar(64),
    target_id       varchar(128),
    -- the division the event concerns (the target's territory, else the actor's); "12" = city
    territory_code  varchar(12)  NOT NULL,
    district_code   varchar(6)   GENERATED ALWAYS AS
                    (CASE WHEN length(territory_code) >= 6 THEN substr(territory_code, 1, 6) END) STORED,
    before          jsonb,
    after           jsonb,
    remote_addr     varchar(64),
    prev_hash       char(64)     NOT NULL,
    hash            char(64)     NOT NULL
);

-- serve the audit page's filters: newest first, by actor, by action, by territory subtree
CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_username, occurred_at DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, occurred_at DESC);
CREATE INDEX audit_event_territory_idx ON audit_event (territory_code text_pattern_ops);
