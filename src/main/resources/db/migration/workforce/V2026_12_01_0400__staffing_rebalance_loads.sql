-- Rebalancing proposals keep each officer's load before and after the proposed moves, so the
-- proposal can be reviewed as it was computed, and say how the spread was measured
-- (MAX_MINUS_MIN: the most loaded officer's load minus the least loaded one's, over the street's
-- active officers). The standard deviation is kept alongside for information.
ALTER TABLE rebalance_proposal
    ADD COLUMN officer_loads  jsonb         NOT NULL DEFAULT '[]',
    ADD COLUMN spread_metric  varchar(16)   NOT NULL DEFAULT 'MAX_MINUS_MIN',
    ADD COLUMN stddev_before  numeric(12,2),
    ADD COLUMN stddev_after   numeric(12,2),
    ADD COLUMN reason         varchar(500);
