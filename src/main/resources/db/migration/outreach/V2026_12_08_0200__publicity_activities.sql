-- Publicity activities (宣传活动): one row per lecture, drill, leaflet round, door-to-door round or
-- media piece, recorded from the desk, the phone page, or made from the officers' publicity visits
-- (source VISIT: one activity per officer and day, each visit adds its object). The objects reached
-- are listed once per activity; photos are kept in the file store by SHA-256.
CREATE TABLE publicity_activity (
    id            bigserial     PRIMARY KEY,
    client_id     uuid          NOT NULL,
    recorded_by   bigint        NOT NULL REFERENCES app_user (id),
    recorder_name varchar(200)  NOT NULL,
    scope_code    varchar(12)   NOT NULL,
    district_code varchar(6)    NOT NULL,
    street_code   varchar(9),
    grid_code     varchar(64),
    type          varchar(16)   NOT NULL
        CHECK (type IN ('LECTURE', 'DRILL', 'LEAFLETS', 'DOOR_TO_DOOR', 'MEDIA')),
    starts_at     timestamptz   NOT NULL,
    ends_at       timestamptz   NOT NULL,
    place         varchar(200)  NOT NULL,
    audience      varchar(200),
    audience_size integer       NOT NULL CHECK (audience_size BETWEEN 0 AND 100000),
    materials     varchar(1000),
    notes         varchar(4000),
    source        varchar(8)    NOT NULL CHECK (source IN ('DESK', 'PHONE', 'VISIT')),
    created_at    timestamptz   NOT NULL DEFAULT now(),
    UNIQUE (recorded_by, client_id),
    CHECK (ends_at >= starts_at)
);
CREATE INDEX publicity_activity_scope ON publicity_activity (scope_code text_pattern_ops, starts_at);
CREATE INDEX publicity_activity_starts ON publicity_activity (starts_at);

CREATE TABLE publicity_object (
    activity_id   bigint       NOT NULL REFERENCES publicity_activity (id),
    object_id     bigint       NOT NULL,
    division_code varchar(12)  NOT NULL,
    grid_code     varchar(64),
    kind          varchar(32)  NOT NULL,
    reached_at    timestamptz  NOT NULL,
    inspection_id bigint,
    PRIMARY KEY (activity_id, object_id)
);
-- coverage: the objects reached in a year, per grid and kind
CREATE INDEX publicity_object_year_grid ON publicity_object (reached_at, grid_code, kind);
CREATE INDEX publicity_object_division ON publicity_object (division_code text_pattern_ops);
CREATE UNIQUE INDEX publicity_object_inspection ON publicity_object (inspection_id)
    WHERE inspection_id IS NOT NULL;

CREATE TABLE publicity_photo (
    id           bigserial    PRIMARY KEY,
    activity_id  bigint       NOT NULL REFERENCES publicity_activity (id),
    position     integer      NOT NULL,
    filename     varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       varchar(64)  NOT NULL,
    UNIQUE (activity_id, position)
);
