#!/usr/bin/env bash
# Restores a backup made by backup.sh: checks the backup's own checksums, restores the database with
# pg_restore --clean --if-exists (into an empty database, or over an existing one: its objects are
# dropped and re-created, in one transaction) and unpacks the file store. Stop the application
# first. Afterwards run verify-restore.sh to compare the result with the backup's manifest.
#
# usage: restore.sh BACKUP_DIR [connection options, see lib/common.sh] [--files DIR] [--replace-files]
#   --files DIR        the file store to restore into (default ./data/files)
#   --replace-files    when that directory holds files, move it aside to DIR.before-restore-STAMP
#                      (without it, a non-empty file store stops the restore)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

backup="${1:?usage: restore.sh BACKUP_DIR [options]}"
shift
parse_connection "$@"
files_dir="./data/files"
replace_files=false
set -- "${REST[@]+"${REST[@]}"}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --files) files_dir="${2:?}"; shift 2 ;;
    --replace-files) replace_files=true; shift ;;
    *) die "unknown option $1 (see the header of $0)" ;;
  esac
done
[[ -f "$backup/manifest.txt" && -f "$backup/SHA256SUMS" ]] || die "$backup is not a backup made by backup.sh"
(cd "$backup" && sha256sum --quiet --strict -c SHA256SUMS) || die "the backup in $backup is damaged (SHA256SUMS)"
find_client
store_in_use=false
if [[ -d "$files_dir" && -n "$(ls -A "$files_dir")" ]]; then
  $replace_files || die "the file store $files_dir is not empty; use --replace-files to move it aside"
  store_in_use=true
fi

info "restoring $backup into $DB_LABEL"
mapfile -t args < <(conn_args)
"$PG_BIN/pg_restore" "${args[@]}" --clean --if-exists --no-owner --no-acl --exit-on-error \
  --single-transaction "$backup/database.dump" || die "pg_restore failed"

if $store_in_use; then
  aside="$files_dir.before-restore-$(date -u +%Y%m%dT%H%M%SZ)"
  mv "$files_dir" "$aside"
  info "moved the file store's previous content to $aside"
fi
mkdir -p "$files_dir"
tar -C "$files_dir" -xf "$backup/files.tar"
info "restored the database and $(wc -l < "$backup/files.sha256") files into $files_dir"
