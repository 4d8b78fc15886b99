-- E-mail address and preferred language of a user, for notifications by e-mail (casework
-- reminders). Both optional: no address, no e-mail; no language, Chinese.
ALTER TABLE app_user ADD COLUMN email varchar(254);
ALTER TABLE app_user ADD COLUMN language varchar(8) CHECK (language IN ('zh', 'en'));
