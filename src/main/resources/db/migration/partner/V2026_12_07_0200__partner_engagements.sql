-- Engagements of third-party organisations: bought by the government (政府购买服务) or hired by an
-- enterprise, for services over grids or objects of one district, for a period, under a contract;
-- the organisation notifies the local authority before on-site work (notice_on).
CREATE TABLE partner_engagement (
  id              bigserial    PRIMARY KEY,
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id),
  district_code   varchar(6)   NOT NULL,
  kind            varchar(24)  NOT NULL CHECK (kind IN ('GOVERNMENT_PURCHASE', 'ENTERPRISE_HIRE')),
  client          varchar(200) NOT NULL,
  -- comma list of RISK_ASSESSMENT, HAZARD_SURVEY, RECTIFICATION_GUIDANCE, GRID_BUILDING
  services        varchar(200) NOT NULL,
  contract_ref    varchar(100) NOT NULL,
  starts_on       date         NOT NULL,
  ends_on         date         NOT NULL,
  notice_on       date,
  ended_at        timestamptz,
  ended_reason    varchar(1000),
  created_by      varchar(100) NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX partner_engagement_org_idx ON partner_engagement (organisation_id);
CREATE INDEX partner_engagement_district_idx ON partner_engagement (district_code, ends_on);

-- The engagement's scope: whole grids or single objects (one of the two per row).
CREATE TABLE partner_engagement_scope (
  engagement_id bigint      NOT NULL REFERENCES partner_engagement (id) ON DELETE CASCADE,
  grid_code     varchar(40),
  object_id     bigint,
  CHECK ((grid_code IS NULL) <> (object_id IS NULL))
);
CREATE UNIQUE INDEX partner_engagement_scope_grid_idx
  ON partner_engagement_scope (engagement_id, grid_code) WHERE grid_code IS NOT NULL;
CREATE UNIQUE INDEX partner_engagement_scope_object_idx
  ON partner_engagement_scope (engagement_id, object_id) WHERE object_id IS NOT NULL;
CREATE INDEX partner_engagement_scope_object_lookup_idx ON partner_engagement_scope (object_id);
CREATE INDEX partner_engagement_scope_grid_lookup_idx ON partner_engagement_scope (grid_code);
