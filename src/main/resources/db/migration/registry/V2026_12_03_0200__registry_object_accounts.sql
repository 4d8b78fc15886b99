-- Enterprise users (ENTERPRISE_USER) linked to the supervised objects they act for: such a user sees
-- the cases of its linked objects and uploads rectification evidence for them. Managed by the street,
-- district and city administrators covering the object.
CREATE TABLE object_account (
    object_id   bigint       NOT NULL REFERENCES supervised_object (id) ON DELETE CASCADE,
    user_id     bigint       NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    created_by  varchar(100) NOT NULL,
    PRIMARY KEY (object_id, user_id)
);

CREATE INDEX object_account_user_idx ON object_account (user_id);
