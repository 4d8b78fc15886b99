-- Rewards for public reports (举报奖励), after 安全生产领域举报奖励办法 (安监总财〔2018〕19号).
--
-- The case type the street chose when verifying decides the finding a reward may be for.
ALTER TABLE public_report ADD COLUMN case_type varchar(24);
-- An anonymous web reporter gets a claim secret with the tracking code: its hash is kept for the
-- claim; the secret itself (encrypted) only until the confirmation page showed it once.
ALTER TABLE public_report ADD COLUMN claim_secret_hash varchar(64);
ALTER TABLE public_report ADD COLUMN claim_secret_enc text;

-- The rules: one row per district that has its own, and the city's ('12') for all others.
CREATE TABLE public_reward_rule (
  district_code        varchar(6)   PRIMARY KEY,
  -- comma list of MAJOR_HAZARD, ILLEGAL_OPERATION, CONCEALED_ACCIDENT
  eligible_findings    varchar(100) NOT NULL,
  fine_percent         numeric(5, 2) NOT NULL CHECK (fine_percent > 0 AND fine_percent <= 100),
  min_yuan             integer      NOT NULL CHECK (min_yuan >= 0),
  max_yuan             integer      NOT NULL CHECK (max_yuan >= min_yuan),
  -- per concealed death, by accident grade 一般 / 较大 / 重大 / 特别重大
  per_death_general    integer      NOT NULL CHECK (per_death_general >= 0),
  per_death_larger     integer      NOT NULL CHECK (per_death_larger >= 0),
  per_death_major      integer      NOT NULL CHECK (per_death_major >= 0),
  per_death_especially integer      NOT NULL CHECK (per_death_especially >= 0),
  accident_cap_yuan    integer      NOT NULL CHECK (accident_cap_yuan >= 0),
  -- the reporter claims within claim_days of the notice and may object within objection_days
  claim_days           integer      NOT NULL CHECK (claim_days BETWEEN 1 AND 365),
  objection_days       integer      NOT NULL CHECK (objection_days BETWEEN 1 AND 90),
  -- Tianjin rewards real-name reporters only; a district may let anonymous ones claim
  anonymous_claim      boolean      NOT NULL,
  updated_by           varchar(100) NOT NULL,
  updated_at           timestamptz  NOT NULL DEFAULT now()
);
INSERT INTO public_reward_rule VALUES
  ('12', 'MAJOR_HAZARD,ILLEGAL_OPERATION,CONCEALED_ACCIDENT', 15, 3000, 300000,
   30000, 40000, 50000, 60000, 300000, 60, 10, false, 'system', now());

-- One reward per matter (the primary report whose case closed), for one reporter: the first
-- real-name reporter among the primary and its merged duplicates (or the first anonymous one where
-- the district lets anonymous reporters claim).
--
-- status: PROPOSED (the case closed with an eligible finding) → ASSESSED (amount worked out) →
--   APPROVED (the district's decision; the reporter is notified) → CLAIMED → PAID;
--   REJECTED (the district refused the assessed reward) or NOT_ELIGIBLE (the conditions are not
--   met), both with a reason the reporter reads; EXPIRED (not claimed in time).
CREATE TABLE public_reward (
  id                 bigserial    PRIMARY KEY,
  report_id          bigint       NOT NULL UNIQUE REFERENCES public_report (id),
  primary_report_id  bigint       NOT NULL UNIQUE REFERENCES public_report (id),
  district_code      varchar(6)   NOT NULL,
  street_code        varchar(9)   NOT NULL,
  division_code      varchar(12)  NOT NULL,
  case_id            bigint       NOT NULL,
  case_number        varchar(40),
  finding            varchar(24)  NOT NULL
                     CHECK (finding IN ('MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'CONCEALED_ACCIDENT')),
  status             varchar(16)  NOT NULL
                     CHECK (status IN ('PROPOSED', 'ASSESSED', 'APPROVED', 'REJECTED', 'NOT_ELIGIBLE',
                                       'CLAIMED', 'PAID', 'EXPIRED')),
  anonymous          boolean      NOT NULL,
  fine_yuan          bigint,
  accident_grade     varchar(16)
                     CHECK (accident_grade IN ('GENERAL', 'LARGER', 'MAJOR', 'ESPECIALLY')),
  deaths             integer,
  amount_yuan        bigint,
  computation        varchar(300),
  reason             varchar(2000),
  proposed_at        timestamptz  NOT NULL,
  assessed_by        varchar(100),
  assessed_at        timestamptz,
  decided_by         varchar(100),
  decided_at         timestamptz,
  claim_deadline     timestamptz,
  objection_deadline timestamptz,
  objection          varchar(2000),
  objected_at        timestamptz,
  review_note        varchar(2000),
  reviewed_by        varchar(100),
  reviewed_at        timestamptz,
  failed_claims      integer      NOT NULL DEFAULT 0,
  payee_name_enc     text,
  payee_account_enc  text,
  claimed_at         timestamptz,
  paid_by            varchar(100),
  paid_at            timestamptz,
  payment_method     varchar(24)  CHECK (payment_method IN ('BANK_TRANSFER', 'CASH', 'OTHER')),
  payment_reference  varchar(100),
  version            integer      NOT NULL DEFAULT 0
);
CREATE INDEX public_reward_territory_idx ON public_reward (district_code, status, id DESC);
CREATE INDEX public_reward_street_idx ON public_reward (street_code, status, id DESC);
CREATE INDEX public_reward_deadline_idx ON public_reward (claim_deadline) WHERE status = 'APPROVED';
