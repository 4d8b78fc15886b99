-- What a document delivery or publicity visit was for, as the owning module named it in the
-- officer's task (for example 'document:12'); null for inspections and hand-chosen kinds.
ALTER TABLE inspection ADD COLUMN duty_reference varchar(100);
