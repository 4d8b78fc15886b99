-- Province scale (docs/scale.md): every primary and unique key of safety_case and of the tables that
-- grow with it includes district_code, and the foreign keys between them carry it, so the cases and
-- their timeline, attachments and reminders can be distributed (Citus) or partitioned on it together.
-- Ids come from their sequences and stay unique by construction; leading with the id, each key still
-- serves the lookups by id alone.

-- the children's links to the case go first, they depend on the case's key
ALTER TABLE case_event DROP CONSTRAINT case_event_case_id_fkey;
ALTER TABLE case_attachment DROP CONSTRAINT case_attachment_case_id_fkey;
ALTER TABLE case_reminder DROP CONSTRAINT case_reminder_case_id_fkey;
-- Dropped for good: an attachment's link to its timeline line. The timeline is the table to
-- partition by time (docs/scale.md), and a key into a time-partitioned table would have to carry the
-- line's time too. The link is set by AttachmentService.link in the transition's own transaction,
-- only for attachments of the same case; no line is ever deleted.
ALTER TABLE case_attachment DROP CONSTRAINT case_attachment_event_id_fkey;

ALTER TABLE safety_case DROP CONSTRAINT safety_case_pkey;
ALTER TABLE safety_case ADD CONSTRAINT safety_case_pkey PRIMARY KEY (id, district_code);
-- the number begins with the district code (120101-2026-000123): the same set of numbers is unique
ALTER TABLE safety_case DROP CONSTRAINT safety_case_number_key;
ALTER TABLE safety_case ADD CONSTRAINT safety_case_number_key UNIQUE (number, district_code);
-- a retried report names the same place, hence the same district
DROP INDEX safety_case_idempotency_key;
CREATE UNIQUE INDEX safety_case_idempotency_key
    ON safety_case (reporter_user_id, idempotency_key, district_code) WHERE idempotency_key IS NOT NULL;

ALTER TABLE case_event DROP CONSTRAINT case_event_pkey;
ALTER TABLE case_event ADD CONSTRAINT case_event_pkey PRIMARY KEY (id, district_code);
ALTER TABLE case_event ADD CONSTRAINT case_event_case_fkey
    FOREIGN KEY (case_id, district_code) REFERENCES safety_case (id, district_code) ON UPDATE CASCADE;

ALTER TABLE case_attachment ADD COLUMN district_code varchar(6);
UPDATE case_attachment a SET district_code = c.district_code FROM safety_case c WHERE c.id = a.case_id;
ALTER TABLE case_attachment ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE case_attachment DROP CONSTRAINT case_attachment_pkey;
ALTER TABLE case_attachment ADD CONSTRAINT case_attachment_pkey PRIMARY KEY (id, district_code);
ALTER TABLE case_attachment ADD CONSTRAINT case_attachment_case_fkey
    FOREIGN KEY (case_id, district_code) REFERENCES safety_case (id, district_code) ON UPDATE CASCADE;

ALTER TABLE case_reminder ADD COLUMN district_code varchar(6);
UPDATE case_reminder r SET district_code = c.district_code FROM safety_case c WHERE c.id = r.case_id;
ALTER TABLE case_reminder ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE case_reminder DROP CONSTRAINT case_reminder_pkey;
ALTER TABLE case_reminder ADD CONSTRAINT case_reminder_pkey PRIMARY KEY (id, district_code);
-- the exactly-once claim keeps its name (ReminderScanner inserts ON CONFLICT ON CONSTRAINT it)
ALTER TABLE case_reminder DROP CONSTRAINT case_reminder_once;
ALTER TABLE case_reminder ADD CONSTRAINT case_reminder_once
    UNIQUE (case_id, stage_started_at, kind, district_code);
ALTER TABLE case_reminder ADD CONSTRAINT case_reminder_case_fkey
    FOREIGN KEY (case_id, district_code) REFERENCES safety_case (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;
