-- Proposed changes to an object's information (new contact, closed business) from an officer in
-- the field; the street confirms (the change is applied to the object) or rejects them.
CREATE TABLE object_change_proposal (
    id              bigserial    PRIMARY KEY,
    object_id       bigint       NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    district_code   varchar(6)   NOT NULL,
    division_code   varchar(12)  NOT NULL,
    contact_name    varchar(100),
    contact_phone   varchar(40),
    business_status varchar(16)  CHECK (business_status IN ('OPERATING', 'SUSPENDED', 'CLOSED')),
    note            varchar(1000),
    status          varchar(10)  NOT NULL DEFAULT 'PROPOSED'
                    CHECK (status IN ('PROPOSED', 'CONFIRMED', 'REJECTED')),
    proposed_by     bigint       NOT NULL,
    proposed_by_name varchar(100) NOT NULL,
    idempotency_key varchar(100),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    decided_by      varchar(100),
    decided_at      timestamptz,
    decision_reason varchar(500)
);
CREATE INDEX object_change_proposal_scope_idx
    ON object_change_proposal (division_code text_pattern_ops, status, created_at);
CREATE UNIQUE INDEX object_change_proposal_key
    ON object_change_proposal (proposed_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
