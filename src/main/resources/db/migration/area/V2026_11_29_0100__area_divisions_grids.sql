-- Divisions: the statistical division tree (city "12" -> district (6 digits) -> street/town/park (9)
-- -> village/community (12)). A division's subtree is every code that starts with its code.
CREATE TABLE division (
    code                varchar(12) PRIMARY KEY,
    name                text        NOT NULL,
    level               varchar(10) NOT NULL CHECK (level IN ('city', 'district', 'street', 'village')),
    parent_code         varchar(12) REFERENCES division (code),
    district_code       varchar(6),
    -- WGS-84 boundary as WKB; null where none is known
    boundary_wkb        bytea,
    -- true when the boundary was synthesised (demo data), never official
    boundary_synthetic  boolean     NOT NULL DEFAULT false
);

CREATE INDEX division_children_idx ON division (parent_code, code);
CREATE INDEX division_subtree_idx ON division (code text_pattern_ops);
CREATE INDEX division_name_search_idx ON division (name text_pattern_ops);

-- Grids: the smallest unit of responsibility, a polygon or multipolygon inside a village or street.
CREATE TABLE grid (
    id              bigserial    PRIMARY KEY,
    code            varchar(64)  NOT NULL UNIQUE,
    name            text         NOT NULL,
    division_code   varchar(12)  NOT NULL REFERENCES division (code),
    district_code   varchar(6)   NOT NULL,
    type            varchar(24)  NOT NULL DEFAULT 'REGULAR'
                                 CHECK (type IN ('REGULAR', 'INDUSTRIAL_CLUSTER', 'COMMERCIAL_CLUSTER')),
    external_id     varchar(128),
    -- WGS-84 (lon, lat) Polygon or MultiPolygon as WKB
    geometry_wkb    bytea        NOT NULL,
    -- geodesic area in square metres, used to pick the smallest of overlapping grids
    area_m2         double precision NOT NULL,
    min_lon         double precision NOT NULL,
    min_lat         double precision NOT NULL,
    max_lon         double precision NOT NULL,
    max_lat         double precision NOT NULL,
    synthetic       boolean      NOT NULL DEFAULT false,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    version         integer      NOT NULL DEFAULT 0
);

CREATE INDEX grid_subtree_idx ON grid (division_code text_pattern_ops);
CREATE INDEX grid_district_idx ON grid (district_code);

-- Bumped in the same transaction as every grid change; each server polls it and rebuilds its
-- in-memory locate index when it moves.
CREATE TABLE grid_index_version (
    id       integer PRIMARY KEY CHECK (id = 1),
    version  bigint  NOT NULL
);
INSERT INTO grid_index_version (id, version) VALUES (1, 0);
