#!/usr/bin/env bash
# Compares a database and file store with a backup's manifest (made by backup.sh): every table's row
# count, every stored file's SHA-256 (and no file missing or added), and the audit chain re-computed
# end to end in SQL (sql/audit-chain.sql), whose head must be the one the backup recorded. Prints
# each difference and exits 1 when there is any, 0 when everything matches.
#
# usage: verify-restore.sh BACKUP_DIR [connection options, see lib/common.sh] [--files DIR]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

backup="${1:?usage: verify-restore.sh BACKUP_DIR [options]}"
shift
parse_connection "$@"
files_dir="./data/files"
set -- "${REST[@]+"${REST[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) files_dir="${2:?}"; shift 2 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[[ -f "$backup/manifest.txt" ]] || die "$backup is not a backup made by backup.sh"
find_client

differences=0
differ() {
  echo "DIFFERENCE: $*" >&2
  differences=$((differences + 1))
}

# 1. row counts, table by table
work=$(mktemp -d)
trap 'rm -rf "$work"; stop_embedded' EXIT
table_counts > "$work/tables.tsv"
while IFS=$'\t' read -r table expected actual; do
  if [[ "$actual" == "-" ]]; then
    differ "table $table: $expected rows in the backup, missing after the restore"
  elif [[ "$expected" == "-" ]]; then
    differ "table $table: not in the backup ($actual rows)"
  elif [[ "$expected" != "$actual" ]]; then
    differ "table $table: $expected rows in the backup, $actual after the restore"
  fi
done < <(LC_ALL=C join -t $'\t' -a1 -a2 -e '-' -o 0,1.2,2.2 "$backup/tables.tsv" "$work/tables.tsv" \
  | awk -F'\t' '$2 != $3')
tables=$(wc -l < "$work/tables.tsv")
rows=$(awk -F'\t' '{s += $2} END {print s + 0}' "$work/tables.tsv")

# 2. the file store, file by file
file_checksums "$files_dir" > "$work/files.sha256"
to_tsv() { sed -E 's/^\\?([0-9a-f]{64})  (.*)$/\2\t\1/' "$1" | LC_ALL=C sort -t $'\t' -k1,1; }
while IFS=$'\t' read -r path expected actual; do
  if [[ "$actual" == "-" ]]; then
    differ "file $path: in the backup, missing after the restore"
  elif [[ "$expected" == "-" ]]; then
    differ "file $path: not in the backup"
  else
    differ "file $path: content differs (SHA-256 $actual, the backup has $expected)"
  fi
done < <(LC_ALL=C join -t $'\t' -a1 -a2 -e '-' -o 0,1.2,2.2 <(to_tsv "$backup/files.sha256") \
  <(to_tsv "$work/files.sha256") | awk -F'\t' '$2 != $3')
files=$(wc -l < "$work/files.sha256")

# 3. the audit chain, re-computed end to end, and its head the one recorded at backup time
audit_summary="no audit log in the backup"
if [[ -f "$backup/audit.txt" ]]; then
  IFS='|' read -r _ head_seq head_hash sealed unsealed < "$backup/audit.txt"
  if ! has_audit_table; then
    differ "audit_event: in the backup, missing after the restore"
  else
    IFS='|' read -r checked broken_id broken_seq problem now_seq now_hash now_unsealed < <(audit_chain)
    if [[ -n "$broken_id" ]]; then
      differ "audit chain broken at audit_event id $broken_id (seq $broken_seq): its $problem does not check out"
    fi
    if [[ "$checked" != "$sealed" ]]; then
      differ "audit chain: $sealed sealed entries in the backup, $checked after the restore"
    fi
    if [[ "$head_seq" != "0" ]]; then
      restored_hash=$(run_psql -c "SELECT hash FROM audit_event WHERE seq = $head_seq")
      [[ "$restored_hash" == "$head_hash" ]] ||
        differ "audit chain: the head recorded in the backup (seq $head_seq, $head_hash) is ${restored_hash:-missing} after the restore"
    fi
    audit_summary="audit chain of $checked entries verified end to end, head seq ${now_seq:-0} ${now_hash:-}, $now_unsealed not yet sealed"
  fi
fi

if [[ $differences -gt 0 ]]; then
  echo "FAILED: $differences difference(s) between $backup and $DB_LABEL / $files_dir" >&2
  exit 1
fi
echo "OK: $tables tables with $rows rows, $files files and the $audit_summary match the backup $backup"
