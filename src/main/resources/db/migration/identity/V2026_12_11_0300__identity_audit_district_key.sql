-- Province scale (docs/scale.md): every primary and unique key of a big table includes
-- district_code, the column a Citus distribution (or a LIST partitioning) would use, so that
-- neither needs a key rewrite.
--
-- audit_event.district_code was generated from territory_code and null for events above a district
-- (the city, territory "12"). A key column cannot be null, and Citus cannot distribute on a generated
-- column (an INSERT would have to name it, and PostgreSQL refuses a value for it), so it becomes an
-- ordinary column written by the audit log: the first six digits of the territory, or the territory
-- itself above a district ("12" for city-level events).
ALTER TABLE audit_event ALTER COLUMN district_code DROP EXPRESSION;
UPDATE audit_event SET district_code = territory_code WHERE district_code IS NULL;
ALTER TABLE audit_event ALTER COLUMN district_code SET NOT NULL;

-- The id comes from audit_event_id_seq and stays unique across the table by construction; the key
-- adds the district so that it can be the distribution column.
ALTER TABLE audit_event DROP CONSTRAINT audit_event_pkey;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id, district_code);

-- The chain position: one sealer at a time hands out seq in order, so it stays unique without the
-- index's help; the index keeps the district and still serves the chain walk in seq order.
DROP INDEX audit_event_seq_idx;
CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (seq, district_code);
