-- Partner users: accounts with the THIRD_PARTY role, each working for one organisation; what they
-- may touch is the scope of their organisation's active engagements.
CREATE TABLE partner_user (
  user_id         bigint       PRIMARY KEY,
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id) ON DELETE CASCADE,
  granted_by      varchar(100) NOT NULL,
  granted_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX partner_user_org_idx ON partner_user (organisation_id);

-- A partner's finding at an object in scope: the case it became (source THIRD_PARTY), kept for
-- the organisation's performance.
CREATE TABLE partner_finding (
  id              bigserial    PRIMARY KEY,
  engagement_id   bigint       NOT NULL REFERENCES partner_engagement (id),
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id),
  object_id       bigint       NOT NULL,
  user_id         bigint       NOT NULL,
  case_id         bigint       NOT NULL UNIQUE,
  case_number     varchar(40)  NOT NULL,
  case_type       varchar(24)  NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX partner_finding_engagement_idx ON partner_finding (engagement_id);
CREATE INDEX partner_finding_org_idx ON partner_finding (organisation_id, created_at);
