#!/usr/bin/env bash
# Backs up Anwang's database and file store into a new directory OUT/anwang-YYYYMMDDTHHMMSSZ:
#   database.dump   pg_dump -Fc of the whole database
#   files.tar       the file store (anwang.files.directory)
#   tables.tsv      every table's row count         } all three taken in the same snapshot
#   audit.txt       the audit chain's head           } as the dump, so they describe it exactly
#   files.sha256    every stored file's SHA-256 (sha256sum -c format)
#   manifest.txt    what, when, from where; SHA256SUMS over all of the above
# Works online: pg_dump reads one consistent snapshot while the application keeps running.
#
# usage: backup.sh [connection options, see lib/common.sh] [--files DIR] [--out DIR]
#   --files DIR  the file store (default ./data/files)
#   --out DIR    where to create the backup directory (default ./backups)
# Prints the backup directory on stdout.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

parse_connection "$@"
files_dir="./data/files"
out="./backups"
set -- "${REST[@]+"${REST[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) files_dir="${2:?}"; shift 2 ;;
    --out) out="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
find_client

stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$out/anwang-$stamp"
[[ -e "$target" ]] && die "$target exists already"
mkdir -p "$target"
target=$(cd "$target" && pwd)
info "backing up $DB_LABEL and the file store $files_dir into $target"

# Hold a snapshot open and export it, so that the dump, the row counts and the audit head all
# describe the same moment.
mapfile -t args < <(conn_args)
coproc SNAP { "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "${args[@]}" 2>&1; }
# bash unsets SNAP_PID as soon as the coprocess has exited, which may be before the wait below
snap_pid=$SNAP_PID
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAP[1]}"
read -r -t 60 snapshot <&"${SNAP[0]}" || die "could not export a snapshot"
[[ "$snapshot" =~ ^[0-9A-F-]+$ ]] || die "could not export a snapshot: $snapshot"

"$PG_BIN/pg_dump" "${args[@]}" -Fc --snapshot="$snapshot" --no-owner --no-acl -f "$target/database.dump"
table_counts "$snapshot" > "$target/tables.tsv"
if has_audit_table; then
  run_psql -F '|' -c "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
    SET TRANSACTION SNAPSHOT '$snapshot';
    SELECT 'head', coalesce(max(seq), 0), coalesce((SELECT hash FROM audit_event
                   WHERE seq = (SELECT max(seq) FROM audit_event)), repeat('0', 64)),
           count(seq), count(*) - count(seq) FROM audit_event;
    COMMIT;" > "$target/audit.txt"
fi
echo "COMMIT;" >&"${SNAP[1]}"
exec {SNAP[1]}>&-
wait "$snap_pid" 2>/dev/null || true

# The store's files are written once under their key and never changed, so a tar after the
# snapshot holds every file the dump refers to (and perhaps a few newer ones nothing refers to yet).
mkdir -p "$files_dir"
file_checksums "$files_dir" > "$target/files.sha256"
tar -C "$files_dir" --exclude='.upload-*.tmp' -cf "$target/files.tar" .

{
  echo "format	anwang-backup 1"
  echo "created	$stamp"
  echo "source	$DB_LABEL"
  echo "server_major	$SERVER_MAJOR"
  echo "pg_dump	$("$PG_BIN/pg_dump" --version)"
  echo "tables	$(wc -l < "$target/tables.tsv")"
  echo "rows	$(awk -F'\t' '{s += $2} END {print s + 0}' "$target/tables.tsv")"
  echo "files	$(wc -l < "$target/files.sha256")"
  [[ -f "$target/audit.txt" ]] && echo "audit	$(cut -d'|' -f2- "$target/audit.txt")"
} > "$target/manifest.txt"
(cd "$target" && sha256sum database.dump files.tar tables.tsv files.sha256 manifest.txt \
  $( [[ -f audit.txt ]] && echo audit.txt ) > SHA256SUMS)
info "done: $(grep -E '^(tables|rows|files|audit)' "$target/manifest.txt" | tr '\t\n' ' ')"
echo "$target"
