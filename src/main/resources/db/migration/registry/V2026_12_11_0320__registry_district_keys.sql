-- Province scale (docs/scale.md): every primary and unique key of supervised_object and of the
-- tables that grow with it includes district_code, and their foreign keys to the object carry it,
-- so that all rows of an object live in its district's partition or Citus shard. Ids come from their
-- sequences and stay unique by construction; leading with the id, each key still serves the lookups
-- by id alone.
--
-- An object can move to another district (a corrected location, a grid change): its rows follow it
-- through ON UPDATE CASCADE. (Citus cannot update a distribution column; there a move is a delete
-- and an insert in the new district, see docs/scale.md.)

-- CASCADE drops every foreign key into the object, also inspection's (patrol_task, inspection);
-- the inspection migration after this one adds them back with the district.
ALTER TABLE supervised_object DROP CONSTRAINT supervised_object_pkey CASCADE;
ALTER TABLE supervised_object ADD CONSTRAINT supervised_object_pkey PRIMARY KEY (id, district_code);

-- One object per USCC in a district. The check across the city is ObjectService's look-up before
-- every write (ObjectRepository.idWithUscc); only two writes of the same USCC in two districts at
-- the same moment would pass it (docs/scale.md).
DROP INDEX supervised_object_uscc_key;
CREATE UNIQUE INDEX supervised_object_uscc_key
    ON supervised_object (uscc, district_code) WHERE uscc IS NOT NULL;

ALTER TABLE object_department ADD COLUMN district_code varchar(6);
UPDATE object_department d SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = d.object_id;
ALTER TABLE object_department ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE object_department DROP CONSTRAINT object_department_pkey;
ALTER TABLE object_department ADD CONSTRAINT object_department_pkey
    PRIMARY KEY (object_id, department_code, district_code);
ALTER TABLE object_department ADD CONSTRAINT object_department_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE object_history DROP CONSTRAINT object_history_pkey;
ALTER TABLE object_history ADD CONSTRAINT object_history_pkey PRIMARY KEY (id, district_code);
-- entries written before the object moved carried the district of their time
UPDATE object_history h SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = h.object_id AND h.district_code <> o.district_code;
ALTER TABLE object_history ADD CONSTRAINT object_history_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE object_grid_move DROP CONSTRAINT object_grid_move_pkey;
ALTER TABLE object_grid_move ADD CONSTRAINT object_grid_move_pkey PRIMARY KEY (id, district_code);
UPDATE object_grid_move m SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = m.object_id AND m.district_code <> o.district_code;
ALTER TABLE object_grid_move ADD CONSTRAINT object_grid_move_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE object_account ADD COLUMN district_code varchar(6);
UPDATE object_account a SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = a.object_id;
ALTER TABLE object_account ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE object_account DROP CONSTRAINT object_account_pkey;
ALTER TABLE object_account ADD CONSTRAINT object_account_pkey
    PRIMARY KEY (object_id, user_id, district_code);
ALTER TABLE object_account ADD CONSTRAINT object_account_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE object_change_proposal DROP CONSTRAINT object_change_proposal_pkey;
ALTER TABLE object_change_proposal ADD CONSTRAINT object_change_proposal_pkey
    PRIMARY KEY (id, district_code);
UPDATE object_change_proposal p SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = p.object_id AND p.district_code <> o.district_code;
-- a retried proposal is about the same object, hence the same district
DROP INDEX object_change_proposal_key;
CREATE UNIQUE INDEX object_change_proposal_key
    ON object_change_proposal (proposed_by, idempotency_key, district_code)
    WHERE idempotency_key IS NOT NULL;
ALTER TABLE object_change_proposal ADD CONSTRAINT object_change_proposal_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;
