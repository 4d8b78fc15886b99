-- A partner's checklist at an object: the answers as submitted, once per user and client id (a
-- retry finds this row again); each NO became one finding (one case), which points back here.
CREATE TABLE partner_submission (
  id              bigserial    PRIMARY KEY,
  user_id         bigint       NOT NULL,
  client_id       varchar(100) NOT NULL,
  engagement_id   bigint       NOT NULL REFERENCES partner_engagement (id),
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id),
  object_id       bigint       NOT NULL,
  checklist_id    bigint       NOT NULL,
  answers         jsonb        NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  UNIQUE (user_id, client_id)
);

ALTER TABLE partner_finding ADD COLUMN submission_id bigint REFERENCES partner_submission (id);
ALTER TABLE partner_finding ADD COLUMN item_key varchar(64);
ALTER TABLE partner_finding ADD COLUMN title varchar(200);
-- the case's status as last heard from casework's CaseProgressed, for the partner's list
ALTER TABLE partner_finding ADD COLUMN case_status varchar(24) NOT NULL DEFAULT 'REPORTED';
ALTER TABLE partner_finding ADD COLUMN case_status_at timestamptz;
CREATE INDEX partner_finding_user_idx ON partner_finding (user_id, created_at);
CREATE INDEX partner_finding_submission_idx ON partner_finding (submission_id);
