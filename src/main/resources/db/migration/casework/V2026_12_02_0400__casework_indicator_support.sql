-- Indicators: the working time a closed case took from registration to closing, written by the
-- close transition from the timeline's two moments (so the average needs no calendar at query
-- time), and a small index over the timeline lines the indicators count.
ALTER TABLE safety_case ADD COLUMN handling_working_seconds bigint;

CREATE INDEX case_event_counted_idx ON case_event (district_code, at)
    WHERE action IN ('REWORK', 'RETURN', 'APPROVE_EXTENSION');
