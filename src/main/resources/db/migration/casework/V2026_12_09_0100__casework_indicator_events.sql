-- The assessment counts more timeline lines than the case indicators did (dispatches and passed
-- re-inspections beside rework, returns and extensions): one partial index over all of them
-- replaces the narrower one.
CREATE INDEX case_event_indicator_idx ON case_event (district_code, at)
    WHERE action IN ('REWORK', 'RETURN', 'APPROVE_EXTENSION', 'DISPATCH', 'REINSPECT_PASS');
DROP INDEX case_event_counted_idx;
