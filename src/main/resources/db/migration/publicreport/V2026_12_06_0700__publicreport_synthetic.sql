-- Demo reports are marked so the demo seeding is idempotent and they can be told apart.
ALTER TABLE public_report ADD COLUMN synthetic boolean NOT NULL DEFAULT false;
