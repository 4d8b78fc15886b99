#!/usr/bin/env bash
# The restore drill: backs up the database and the file store (backup.sh), WIPES both (drops every
# schema of the database and re-creates an empty public, deletes the file store), restores
# (restore.sh) and compares the result with the backup's manifest (verify-restore.sh): every table's
# row count, every file's SHA-256, the audit chain re-computed end to end and its head. Exits
# non-zero, naming each difference, when anything differs.
#
# Destroys the database's content and the file store between the backup and the restore: run it on a
# copy or a staging server, with the application stopped. --confirm-wipe must name the database.
#
# usage: backup-restore-check.sh --confirm-wipe DATABASE [connection options, see lib/common.sh]
#                                [--files DIR] [--out DIR]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

parse_connection "$@"
files_dir="./data/files"
out="./backups"
confirm=""
pass=()
set -- "${REST[@]+"${REST[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) files_dir="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    --confirm-wipe) confirm="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
find_client
database=$(run_psql -c "SELECT current_database()")
[[ -n "$confirm" && "$confirm" == "$database" ]] ||
  die "this check wipes the database $database and the file store $files_dir; pass --confirm-wipe $database"

# the connection options again, for the three scripts
[[ -n "$CONN" ]] && pass=(--url "$CONN")

backup=$("$ANWANG_SCRIPTS/backup.sh" "${pass[@]+"${pass[@]}"}" --files "$files_dir" --out "$out")
info "backup in $backup"

info "wiping the database $database and the file store $files_dir"
run_psql <<'SQL'
SET client_min_messages = warning;
SELECT format('DROP SCHEMA %I CASCADE', nspname) FROM pg_namespace
 WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\_%'
\gexec
CREATE SCHEMA public;
SQL
left=$(run_psql -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND n.nspname NOT LIKE 'pg\_%'")
[[ "$left" == "0" ]] || die "the wipe left $left tables"
rm -rf "$files_dir"
info "wiped: no table left, the file store deleted"

"$ANWANG_SCRIPTS/restore.sh" "$backup" "${pass[@]+"${pass[@]}"}" --files "$files_dir"
"$ANWANG_SCRIPTS/verify-restore.sh" "$backup" "${pass[@]+"${pass[@]}"}" --files "$files_dir"
