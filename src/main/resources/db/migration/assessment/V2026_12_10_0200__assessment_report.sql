-- Generated assessment reports (issue 14): each row one generation of a unit's MONTHLY or ANNUAL
-- report in one language, with both files (XLSX and PDF) in the file store under their SHA-256.
-- Nothing in them is typed in; a re-generation is a new version, the old ones stay.
CREATE TABLE assessment_report (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind          text        NOT NULL CHECK (kind IN ('MONTHLY', 'ANNUAL')),
    unit_code     text        NOT NULL,
    district_code text,
    unit_name     text        NOT NULL,
    period        text        NOT NULL,
    period_first  date        NOT NULL,
    period_last   date        NOT NULL,
    lang          text        NOT NULL CHECK (lang IN ('zh-CN', 'en')),
    version       integer     NOT NULL,
    status        text        NOT NULL DEFAULT 'READY' CHECK (status IN ('READY')),
    generated_at  timestamptz NOT NULL,
    -- the user who asked for it; null: the scheduler
    generated_by  text,
    xlsx_key      text        NOT NULL,
    xlsx_sha256   text        NOT NULL,
    xlsx_size     bigint      NOT NULL,
    pdf_key       text        NOT NULL,
    pdf_sha256    text        NOT NULL,
    pdf_size      bigint      NOT NULL,
    CONSTRAINT assessment_report_version UNIQUE (kind, unit_code, period, lang, version)
);

-- the scheduler generates a unit's period once, however often it runs
CREATE UNIQUE INDEX assessment_report_scheduled_once
    ON assessment_report (kind, unit_code, period, lang) WHERE generated_by IS NULL;

-- the list of a territory's reports, newest first
CREATE INDEX assessment_report_by_unit
    ON assessment_report (unit_code text_pattern_ops, generated_at DESC);
