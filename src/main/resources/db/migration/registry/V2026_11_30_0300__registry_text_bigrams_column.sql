-- The bigrams of name and address as a stored column instead of an index expression. Evaluating
-- the SQL function for every row written cost a bulk import about 7 s per 300,000 objects (see
-- docs/benchmarks.md, Object import); the import now computes the bigrams in Java and writes them
-- with the row. Every other writer leaves the column to this trigger, which fills it whenever it is
-- missing or the name or address changed without it.
ALTER TABLE supervised_object ADD COLUMN text_bigrams text[];
UPDATE supervised_object
   SET text_bigrams = supervised_object_bigrams(name) || supervised_object_bigrams(address);
ALTER TABLE supervised_object ALTER COLUMN text_bigrams SET NOT NULL;

CREATE FUNCTION supervised_object_fill_text_bigrams() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.text_bigrams IS NULL
       OR (TG_OP = 'UPDATE'
           AND (NEW.name IS DISTINCT FROM OLD.name OR NEW.address IS DISTINCT FROM OLD.address)
           AND NEW.text_bigrams IS NOT DISTINCT FROM OLD.text_bigrams) THEN
        NEW.text_bigrams := supervised_object_bigrams(NEW.name) || supervised_object_bigrams(NEW.address);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER supervised_object_text_bigrams
    BEFORE INSERT OR UPDATE ON supervised_object
    FOR EACH ROW EXECUTE FUNCTION supervised_object_fill_text_bigrams();

DROP INDEX supervised_object_text_bigrams_idx;
CREATE INDEX supervised_object_text_bigrams_idx ON supervised_object USING gin (text_bigrams);
