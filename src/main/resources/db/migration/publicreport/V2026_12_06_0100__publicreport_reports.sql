-- Public reports (群众举报): what a citizen submits on /report or a partner app through Open311,
-- placed by locate at submission, triaged by the street, linked to the case it became.
--
-- status (the internal triage state; the public sees it in plain words):
--   RECEIVED     submitted, waiting for the street (Open311: open)
--   VERIFIED     the street verified it and a case was made (open)
--   IN_HANDLING  the case is registered / dispatched / being rectified (open)
--   CLOSED       the case closed (closed)
--   REJECTED     not accepted, with a reason the reporter sees (closed)
--   MERGED       a duplicate merged into merged_into; its reporter sees the primary's status
CREATE TABLE public_report (
  id               bigserial PRIMARY KEY,
  tracking_code    varchar(16)  NOT NULL UNIQUE,
  channel          varchar(16)  NOT NULL CHECK (channel IN ('WEB', 'OPEN311')),
  category         varchar(24)  NOT NULL
                   CHECK (category IN ('HAZARD', 'ILLEGAL_OPERATION', 'ACCIDENT', 'OTHER')),
  description      text         NOT NULL,
  -- WGS-84, converted from GCJ-02 on the way in where the client said so
  lon              double precision NOT NULL,
  lat              double precision NOT NULL,
  address          varchar(300),
  district_code    varchar(6)   NOT NULL,
  street_code      varchar(9)   NOT NULL,
  village_code     varchar(12),
  division_code    varchar(12)  NOT NULL,
  grid_code        varchar(40),
  anonymous        boolean      NOT NULL,
  -- the reporter's identity, encrypted with shared.pii's key (never shown publicly, never on
  -- Open311; every view by staff is audited)
  reporter_name_enc  text,
  reporter_phone_enc text,
  reporter_email_enc text,
  consent_at       timestamptz,
  -- abuse protection: a keyed hash of the client address and the device id, never the address
  client_hash      varchar(64),
  device_hash      varchar(64),
  text_hash        varchar(64)  NOT NULL,
  open311_key_id   bigint,
  status           varchar(16)  NOT NULL DEFAULT 'RECEIVED'
                   CHECK (status IN ('RECEIVED', 'VERIFIED', 'IN_HANDLING', 'CLOSED', 'REJECTED', 'MERGED')),
  merged_into      bigint REFERENCES public_report (id),
  public_note      varchar(2000),
  reject_reason    varchar(2000),
  case_id          bigint,
  case_number      varchar(40),
  submitted_at     timestamptz  NOT NULL DEFAULT now(),
  verified_at      timestamptz,
  closed_at        timestamptz,
  updated_at       timestamptz  NOT NULL DEFAULT now(),
  version          integer      NOT NULL DEFAULT 0
);

-- the street inbox: a territory's reports by status, newest first
CREATE INDEX public_report_inbox_idx
  ON public_report (district_code, street_code text_pattern_ops, status, submitted_at DESC);
CREATE INDEX public_report_division_idx ON public_report (division_code text_pattern_ops);
-- duplicate suggestions: open reports of a category in a district, near a point
CREATE INDEX public_report_open_nearby_idx
  ON public_report (district_code, category, lat, lon) WHERE status IN ('RECEIVED', 'VERIFIED', 'IN_HANDLING');
CREATE INDEX public_report_case_idx ON public_report (case_id) WHERE case_id IS NOT NULL;
CREATE INDEX public_report_merged_idx ON public_report (merged_into) WHERE merged_into IS NOT NULL;
-- duplicate-text refusal: the same text from the same client recently
CREATE INDEX public_report_text_idx ON public_report (text_hash, submitted_at DESC);
CREATE INDEX public_report_updated_idx ON public_report (updated_at);

-- photos: the original (EXIF kept, staff only) and the copy that may ever be shown (EXIF stripped)
CREATE TABLE public_report_photo (
  id            bigserial PRIMARY KEY,
  report_id     bigint      NOT NULL REFERENCES public_report (id) ON DELETE CASCADE,
  district_code varchar(6)  NOT NULL,
  file_key      varchar(200) NOT NULL,
  public_key    varchar(200),
  content_type  varchar(60) NOT NULL,
  size_bytes    bigint      NOT NULL,
  exif_lon      double precision,
  exif_lat      double precision,
  exif_taken_at timestamptz,
  -- nothing from the public is shown publicly before a member of staff approved it
  approved_by   varchar(100),
  approved_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX public_report_photo_report_idx ON public_report_photo (report_id);

-- what the reporter sees on the tracking page, oldest first: each status change and each public
-- note of the street (internal notes have public = false)
CREATE TABLE public_report_event (
  id            bigserial PRIMARY KEY,
  report_id     bigint      NOT NULL REFERENCES public_report (id) ON DELETE CASCADE,
  district_code varchar(6)  NOT NULL,
  at            timestamptz NOT NULL DEFAULT now(),
  kind          varchar(32) NOT NULL,
  status        varchar(16),
  note          varchar(2000),
  public        boolean     NOT NULL DEFAULT true,
  actor         varchar(100)
);
CREATE INDEX public_report_event_report_idx ON public_report_event (report_id, at);
