-- Photos added to an activity after it was recorded (the phone's outbox sends each one after its
-- activity, with the photo's own UUID as Idempotency-Key): who added it and that UUID, unique per
-- user, so a photo sent again after a lost answer is stored once. Desk photos have neither.
ALTER TABLE publicity_photo ADD COLUMN client_id uuid;
ALTER TABLE publicity_photo ADD COLUMN added_by bigint REFERENCES app_user (id);
CREATE UNIQUE INDEX publicity_photo_client ON publicity_photo (added_by, client_id)
    WHERE client_id IS NOT NULL;
