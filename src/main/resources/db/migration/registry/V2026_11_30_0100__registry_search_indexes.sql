-- The scoped object search at Tianjin scale (300,000 objects; measured in docs/benchmarks.md).
-- Every list request is: a scope (city, district, street or village; for department staff also a
-- department), some filters, ordered by name, one page of 50, and a count capped at 10,000.
-- ObjectRepository turns a district, street or village scope into an equality on district_code,
-- street_code or village_code, so the indexes below can serve it.

-- The list order inside each scope level: a page is read in index order and the scan stops once
-- the page (plus its offset) is full, instead of sorting the whole scope.
CREATE INDEX supervised_object_name_order_idx ON supervised_object (name, id);
CREATE INDEX supervised_object_district_name_idx ON supervised_object (district_code, name, id);
CREATE INDEX supervised_object_street_name_idx ON supervised_object (street_code, name, id);
CREATE INDEX supervised_object_village_name_idx ON supervised_object (village_code, name, id);

-- The effective risk level (the override when there is one), in list order: a rare level (RED)
-- city-wide reads only its own rows instead of filtering the whole city in name order.
CREATE INDEX supervised_object_effective_risk_idx
    ON supervised_object ((COALESCE(risk_override_level, risk_level)), name, id);

-- An industry code prefix inside a district.
CREATE INDEX supervised_object_district_industry_idx
    ON supervised_object (district_code, industry_code text_pattern_ops);

-- Text search (q) in name and address. Chinese search words are mostly two characters (化工, 超市,
-- 餐饮), which pg_trgm cannot index (it needs three), and pg_trgm only sees CJK characters at all
-- when the database's LC_CTYPE classifies them as letters (not under the C locale). So the index
-- holds every two-character substring (bigram) of name and address in a GIN index on plain text
-- arrays, which needs no extension: a fragment of two or more characters narrows the search to the
-- rows holding all its bigrams, and LIKE confirms the fragment itself.
CREATE FUNCTION supervised_object_bigrams(t text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$
    SELECT coalesce(array_agg(DISTINCT substr(t, i, 2)), '{}')
    FROM generate_series(1, char_length(t) - 1) AS i
$$;

CREATE INDEX supervised_object_text_bigrams_idx ON supervised_object
    USING gin ((supervised_object_bigrams(name) || supervised_object_bigrams(address)));
