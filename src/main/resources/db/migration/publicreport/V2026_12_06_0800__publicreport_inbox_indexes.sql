-- The inbox reads a territory's reports newest first (by id), optionally of one status: by
-- district for district administrators, by street for street administrators. The first inbox
-- index (by submission time) served no query; these serve the keyset pages directly.
DROP INDEX public_report_inbox_idx;
CREATE INDEX public_report_district_inbox_idx ON public_report (district_code, status, id DESC);
CREATE INDEX public_report_street_inbox_idx ON public_report (street_code, status, id DESC);
CREATE INDEX public_report_district_all_idx ON public_report (district_code, id DESC);
CREATE INDEX public_report_street_all_idx ON public_report (street_code, id DESC);
