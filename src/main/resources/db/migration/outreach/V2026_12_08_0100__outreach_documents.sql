-- Documents delivered to supervised objects (文件送达): one row per published document, its
-- attachments (content in the file store, by SHA-256), and one delivery per target object, which
-- is received electronically (an enterprise user acknowledges) or in person (an officer's visit,
-- whose inspection record holds the signature and photos).
CREATE TABLE outreach_document (
    id               bigserial    PRIMARY KEY,
    client_id        uuid         NOT NULL,
    published_by     bigint       NOT NULL REFERENCES app_user (id),
    publisher_name   varchar(200) NOT NULL,
    scope_code       varchar(12)  NOT NULL,
    district_code    varchar(6)   NOT NULL,
    title            varchar(200) NOT NULL,
    issuer           varchar(200) NOT NULL,
    doc_number       varchar(100),
    summary          varchar(4000),
    receipt_deadline date         NOT NULL,
    targets          jsonb        NOT NULL,
    target_count     integer      NOT NULL CHECK (target_count > 0),
    published_at     timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (published_by, client_id)
);
CREATE INDEX outreach_document_scope ON outreach_document (scope_code text_pattern_ops);

CREATE TABLE outreach_attachment (
    id           bigserial    PRIMARY KEY,
    document_id  bigint       NOT NULL REFERENCES outreach_document (id),
    position     integer      NOT NULL,
    filename     varchar(200) NOT NULL,
    content_type varchar(100) NOT NULL,
    size_bytes   bigint       NOT NULL,
    sha256       varchar(64)  NOT NULL,
    UNIQUE (document_id, position)
);

CREATE TABLE outreach_delivery (
    id                   bigserial    PRIMARY KEY,
    document_id          bigint       NOT NULL REFERENCES outreach_document (id),
    object_id            bigint       NOT NULL,
    district_code        varchar(6)   NOT NULL,
    street_code          varchar(9),
    division_code        varchar(12)  NOT NULL,
    grid_code            varchar(64),
    status               varchar(10)  NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'OPENED', 'RECEIVED')),
    opened_at            timestamptz,
    method               varchar(10)  CHECK (method IN ('ELECTRONIC', 'IN_PERSON')),
    received_at          timestamptz,
    received_by          bigint       REFERENCES app_user (id),
    signer_name          varchar(200),
    inspection_id        bigint,
    lon                  double precision,
    lat                  double precision,
    outside_allowed_area boolean,
    UNIQUE (document_id, object_id),
    CHECK ((status = 'RECEIVED') = (received_at IS NOT NULL AND method IS NOT NULL))
);
CREATE INDEX outreach_delivery_open_grid ON outreach_delivery (grid_code) WHERE status <> 'RECEIVED';
CREATE INDEX outreach_delivery_object ON outreach_delivery (object_id);
CREATE INDEX outreach_delivery_division ON outreach_delivery (division_code text_pattern_ops);
