-- Re-computes the audit log's hash chain (audit_event) in SQL, the way identity's ChainedFields
-- does in Java: each sealed entry's hash is the SHA-256 of the JSON array
--   [prev_hash, id, occurred_at as java.time.Instant#toString, actor_username, action, target_type,
--    target_id, territory_code, before::text, after::text, remote_addr]
-- written as Jackson writes it (no spaces; \b \t \n \f \r and upper-case \u00XX for the other
-- control characters; nothing else escaped but " and \), and each prev_hash is the hash of the
-- entry before it in seq order (64 zeros for the first).
--
-- Answers one row: entries checked, the first broken entry's id and seq and what is wrong with it
-- ('link' or 'content'; nulls when the chain is intact), the head's seq and hash, and the entries
-- not yet sealed. Creates only a function in the session's own temporary schema.

CREATE OR REPLACE FUNCTION pg_temp.anwang_json(s text) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $fn$
DECLARE
  r text;
  c int;
BEGIN
  IF s IS NULL THEN
    RETURN 'null';
  END IF;
  r := replace(replace(s, '\', '\\'), '"', '\"');
  IF r ~ '[\x01-\x1f]' THEN
    FOR c IN 1..31 LOOP
      r := replace(r, chr(c), CASE c WHEN 8 THEN '\b' WHEN 9 THEN '\t' WHEN 10 THEN '\n'
                                     WHEN 12 THEN '\f' WHEN 13 THEN '\r'
                                     ELSE '\u' || lpad(upper(to_hex(c)), 4, '0') END);
    END LOOP;
  END IF;
  RETURN '"' || r || '"';
END
$fn$;

-- java.time.Instant#toString: seconds always, then 3 or 6 fraction digits as needed, then Z
CREATE OR REPLACE FUNCTION pg_temp.anwang_instant(t timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
  SELECT to_char(u, 'YYYY-MM-DD"T"HH24:MI:SS')
         || CASE WHEN us = 0 THEN ''
                 WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                 ELSE '.' || lpad(us::text, 6, '0') END
         || 'Z'
    FROM (SELECT t AT TIME ZONE 'UTC' AS u,
                 (extract(microseconds FROM t AT TIME ZONE 'UTC'))::bigint % 1000000 AS us) x
$fn$;

WITH chain AS (
  SELECT id, seq, hash,
         prev_hash = coalesce(lag(hash) OVER (ORDER BY seq), repeat('0', 64)) AS linked,
         hash = encode(sha256(convert_to(
                  '[' || pg_temp.anwang_json(prev_hash::text)
                  || ',' || id::text
                  || ',' || pg_temp.anwang_json(pg_temp.anwang_instant(occurred_at))
                  || ',' || pg_temp.anwang_json(actor_username)
                  || ',' || pg_temp.anwang_json(action)
                  || ',' || pg_temp.anwang_json(target_type)
                  || ',' || pg_temp.anwang_json(target_id)
                  || ',' || pg_temp.anwang_json(territory_code)
                  || ',' || pg_temp.anwang_json(before::text)
                  || ',' || pg_temp.anwang_json(after::text)
                  || ',' || pg_temp.anwang_json(remote_addr)
                  || ']', 'UTF8')), 'hex') AS matches
    FROM audit_event
   WHERE seq IS NOT NULL
),
broken AS (
  SELECT id, seq, CASE WHEN NOT linked THEN 'link' ELSE 'content' END AS problem
    FROM chain WHERE NOT (linked AND matches) ORDER BY seq LIMIT 1
),
head AS (
  SELECT seq, hash FROM chain ORDER BY seq DESC LIMIT 1
)
SELECT (SELECT count(*) FROM chain) AS checked,
       (SELECT id FROM broken) AS broken_id,
       (SELECT seq FROM broken) AS broken_seq,
       (SELECT problem FROM broken) AS problem,
       (SELECT seq FROM head) AS head_seq,
       (SELECT hash FROM head) AS head_hash,
       (SELECT count(*) FROM audit_event WHERE seq IS NULL) AS unsealed;
