-- Province scale (docs/scale.md): every primary and unique key of the patrol tasks, inspections,
-- their failed items and photos includes district_code, and their foreign keys to the object and to
-- each other carry it. Ids come from their sequences (photos: the phone's uuid) and stay unique by
-- construction; leading with the id, each key still serves the lookups by id alone. The registry
-- migration before this one dropped the links to supervised_object with its old key.

ALTER TABLE inspection_failed_item DROP CONSTRAINT inspection_failed_item_inspection_id_fkey;
-- Dropped for good: an inspection's link to the patrol task it completed. With the district in it,
-- ON DELETE SET NULL would clear the inspection's district as well; and inspections are the table
-- to partition by time, patrol tasks by period. The link is set by Inspections in the same
-- transaction that marks the task done; only open tasks are ever deleted (PatrolPlanGenerator), and
-- deleting an object deletes its tasks and inspections together.
ALTER TABLE inspection DROP CONSTRAINT inspection_task_id_fkey;

-- An inspection's district follows its object (a moved object takes its inspections along).
UPDATE patrol_task t SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = t.object_id AND t.district_code <> o.district_code;
UPDATE inspection i SET district_code = o.district_code
  FROM supervised_object o WHERE o.id = i.object_id AND i.district_code <> o.district_code;

ALTER TABLE patrol_task DROP CONSTRAINT patrol_task_pkey;
ALTER TABLE patrol_task ADD CONSTRAINT patrol_task_pkey PRIMARY KEY (id, district_code);
-- PatrolPlanGenerator inserts ON CONFLICT on these columns
ALTER TABLE patrol_task DROP CONSTRAINT patrol_task_object_id_period_start_key;
ALTER TABLE patrol_task ADD CONSTRAINT patrol_task_object_period_key
    UNIQUE (object_id, period_start, district_code);
ALTER TABLE patrol_task ADD CONSTRAINT patrol_task_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE inspection DROP CONSTRAINT inspection_pkey;
ALTER TABLE inspection ADD CONSTRAINT inspection_pkey PRIMARY KEY (id, district_code);
-- a retried sync of the phone's record is about the same object, hence the same district
ALTER TABLE inspection DROP CONSTRAINT inspection_user_id_client_id_key;
ALTER TABLE inspection ADD CONSTRAINT inspection_client_key UNIQUE (user_id, client_id, district_code);
ALTER TABLE inspection ADD CONSTRAINT inspection_object_fkey
    FOREIGN KEY (object_id, district_code) REFERENCES supervised_object (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

ALTER TABLE inspection_failed_item ADD COLUMN district_code varchar(6);
UPDATE inspection_failed_item f SET district_code = i.district_code
  FROM inspection i WHERE i.id = f.inspection_id;
ALTER TABLE inspection_failed_item ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE inspection_failed_item DROP CONSTRAINT inspection_failed_item_pkey;
ALTER TABLE inspection_failed_item ADD CONSTRAINT inspection_failed_item_pkey
    PRIMARY KEY (inspection_id, item_key, district_code);
ALTER TABLE inspection_failed_item ADD CONSTRAINT inspection_failed_item_inspection_fkey
    FOREIGN KEY (inspection_id, district_code) REFERENCES inspection (id, district_code)
    ON UPDATE CASCADE ON DELETE CASCADE;

-- A photo is uploaded before the inspection that uses it, so its district is the uploader's: the
-- first six digits of the territory, or the territory itself above a district ("12").
ALTER TABLE inspection_photo ADD COLUMN district_code varchar(6);
UPDATE inspection_photo p
   SET district_code = CASE WHEN length(u.territory_code) >= 6 THEN substr(u.territory_code, 1, 6)
                            ELSE u.territory_code END
  FROM app_user u WHERE u.id = p.user_id;
ALTER TABLE inspection_photo ALTER COLUMN district_code SET NOT NULL;
ALTER TABLE inspection_photo DROP CONSTRAINT inspection_photo_pkey;
ALTER TABLE inspection_photo ADD CONSTRAINT inspection_photo_pkey PRIMARY KEY (id, district_code);
