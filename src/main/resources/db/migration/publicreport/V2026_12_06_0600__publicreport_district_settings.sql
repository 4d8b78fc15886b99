-- Per-district settings of the report desk; a district without a row uses the defaults in code
-- (duplicate suggestions within 200 m).
CREATE TABLE public_report_district_setting (
  district_code    varchar(6)  PRIMARY KEY,
  duplicate_metres integer     NOT NULL CHECK (duplicate_metres BETWEEN 10 AND 5000),
  updated_by       varchar(100) NOT NULL,
  updated_at       timestamptz NOT NULL DEFAULT now()
);
