-- The name prefix index served the first text search; the search now uses the bigram GIN index
-- and the per-division name-order indexes. Over the 300,000-object search benchmark's query mix it
-- was scanned 0 times (pg_stat_user_indexes), while every insert and import paid for it.
DROP INDEX IF EXISTS supervised_object_name_idx;
