-- Training (part 3): certificate numbers TJ-<district>-<year>-<seq> count per district and year;
-- a session gives an officer at most one certificate that is not revoked (a rescore below the pass
-- mark revokes it; passing again issues a new one); who revoked a certificate is kept.
CREATE TABLE training_certificate_counter (
    district_code  varchar(6)  NOT NULL,
    year           integer     NOT NULL,
    last_seq       integer     NOT NULL,
    PRIMARY KEY (district_code, year)
);

ALTER TABLE training_certificate ADD COLUMN revoked_by varchar(100);

CREATE UNIQUE INDEX training_certificate_session_key
    ON training_certificate (session_id, officer_id) WHERE session_id IS NOT NULL AND revoked_at IS NULL;

CREATE INDEX training_session_course_idx ON training_session (course_id, held_on DESC);
CREATE INDEX training_plan_item_district_idx ON training_plan_item (district_code, year);
