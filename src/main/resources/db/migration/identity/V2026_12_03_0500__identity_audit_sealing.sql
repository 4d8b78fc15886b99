-- Audit entries are written unsealed, without any lock, in the transaction of the change they
-- describe. A sealer (one at a time across all servers) links committed entries into the hash
-- chain shortly after: seq is the entry's position in the chain, prev_hash/hash its link.
ALTER TABLE audit_event
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD COLUMN seq bigint;

-- the chain so far was built in id order
UPDATE audit_event SET seq = id;

ALTER TABLE audit_event
    ADD CONSTRAINT audit_event_sealed_whole
        CHECK ((seq IS NULL) = (hash IS NULL) AND (hash IS NULL) = (prev_hash IS NULL));

CREATE UNIQUE INDEX audit_event_seq_idx ON audit_event (seq);
CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE hash IS NULL;
