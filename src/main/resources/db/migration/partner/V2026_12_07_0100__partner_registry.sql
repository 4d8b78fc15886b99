-- Third-party safety technical service organisations (第三方技术服务机构), after
-- 安全评价检测检验机构管理办法 (应急管理部令第1号): the registry with qualifications and contacts.
-- One city-wide registry (qualifications are valid nationwide); each organisation is registered by a
-- district ('12' for the city), whose administrators keep it.
CREATE TABLE partner_organisation (
  id                  bigserial    PRIMARY KEY,
  uscc                varchar(18)  NOT NULL UNIQUE,
  name                varchar(200) NOT NULL,
  address             varchar(300),
  registered_district varchar(6)   NOT NULL,
  blacklisted         boolean      NOT NULL DEFAULT false,
  blacklist_reason    varchar(1000),
  blacklisted_at      timestamptz,
  created_by          varchar(100) NOT NULL,
  created_at          timestamptz  NOT NULL DEFAULT now(),
  updated_at          timestamptz  NOT NULL DEFAULT now(),
  version             integer      NOT NULL DEFAULT 0
);
CREATE INDEX partner_organisation_name_idx ON partner_organisation (name);

-- 安全评价 and 安全生产检测检验 qualifications are granted by the province for 5 years.
CREATE TABLE partner_qualification (
  id              bigserial    PRIMARY KEY,
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id) ON DELETE CASCADE,
  type            varchar(24)  NOT NULL
                  CHECK (type IN ('SAFETY_ASSESSMENT', 'TESTING_INSPECTION', 'OTHER')),
  certificate_no  varchar(60)  NOT NULL,
  scope           varchar(1000),
  issuer          varchar(200) NOT NULL,
  valid_from      date         NOT NULL,
  valid_to        date         NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now(),
  CHECK (valid_to >= valid_from),
  UNIQUE (type, certificate_no)
);
CREATE INDEX partner_qualification_org_idx ON partner_qualification (organisation_id);
CREATE INDEX partner_qualification_expiry_idx ON partner_qualification (valid_to);

-- Contacts: the phone encrypted with shared.pii's key and kept masked for display.
CREATE TABLE partner_contact (
  id              bigserial    PRIMARY KEY,
  organisation_id bigint       NOT NULL REFERENCES partner_organisation (id) ON DELETE CASCADE,
  name            varchar(50)  NOT NULL,
  duty            varchar(60),
  phone_enc       text         NOT NULL,
  phone_masked    varchar(20)  NOT NULL,
  created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX partner_contact_org_idx ON partner_contact (organisation_id);
