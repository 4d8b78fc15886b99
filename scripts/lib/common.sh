# Shared by backup.sh, restore.sh, verify-restore.sh and backup-restore-check.sh (sourced).
#
# Connection options, one of:
#   --data-dir DIR   the embedded PostgreSQL's data directory (anwang.embedded-database.data-directory,
#                    default ./data/postgres); its port is read from DIR/postmaster.pid, the user is
#                    postgres. When no server runs on DIR (the application is stopped), one is
#                    started with the bundled binaries for the script's duration, on a free loopback
#                    port, and stopped at the end: do not start the application meanwhile
#   --url URL        postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE
#   (neither)        the standard PG* environment (PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD
#                    or ~/.pgpass); when PGHOST and PGDATABASE are both unset, --data-dir ./data/postgres
#   --dbname NAME    with --data-dir: the database in the cluster (anwang.embedded-database.database-name,
#                    default postgres)
# The client tools come from scripts/pg-client.sh (ANWANG_PG_BIN to choose them).

ANWANG_SCRIPTS="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() {
  echo "ERROR: $*" >&2
  exit 1
}

info() {
  echo "[$(date -u +%H:%M:%S)] $*" >&2
}

# Parses the connection options out of "$@"; sets CONN (the database argument for psql, pg_dump and
# pg_restore: a URI, or empty for the PG* environment), DB_LABEL, and REST (the other arguments).
parse_connection() {
  local data_dir="" url="" dbname="postgres"
  REST=()
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --data-dir) data_dir="${2:?--data-dir needs a directory}"; shift 2 ;;
      --url) url="${2:?--url needs a URL}"; shift 2 ;;
      --dbname) dbname="${2:?--dbname needs a name}"; shift 2 ;;
      *) REST+=("$1"); shift ;;
    esac
  done
  if [[ -z "$data_dir" && -z "$url" && -z "${PGHOST:-}" && -z "${PGDATABASE:-}" ]]; then
    data_dir="./data/postgres"
  fi
  if [[ -n "$data_dir" ]]; then
    local pidfile="$data_dir/postmaster.pid" port pid
    [[ -f "$data_dir/PG_VERSION" ]] || die "$data_dir is not a PostgreSQL data directory"
    pid=""
    [[ -f "$pidfile" ]] && pid=$(head -1 "$pidfile" | tr -d '[:space:]')
    if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
      start_embedded "$data_dir"
    fi
    port=$(sed -n 4p "$pidfile" | tr -d '[:space:]')
    [[ "$port" =~ ^[0-9]+$ ]] || die "cannot read the port from $pidfile"
    CONN="postgresql://postgres@localhost:$port/$dbname"
    DB_LABEL="embedded $data_dir (port $port) database $dbname"
  elif [[ -n "$url" ]]; then
    CONN="$url"
    DB_LABEL="${url%%@*}"
    DB_LABEL="${DB_LABEL%:*}@${url#*@}"
  else
    CONN=""
    DB_LABEL="PG* environment: host ${PGHOST:-local} port ${PGPORT:-5432} database ${PGDATABASE:-${PGUSER:-$USER}}"
  fi
}

# psql with the connection, quiet, unaligned, tuples only, stopping at the first error
run_psql() {
  local args
  mapfile -t args < <(conn_args)
  "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 "${args[@]}" "$@"
}

# the database argument for psql, pg_dump and pg_restore (pg_restore needs one: without it, it
# prints SQL instead of restoring)
conn_args() {
  echo "-d"
  if [[ -n "$CONN" ]]; then echo "$CONN"; else echo "${PGDATABASE:-${PGUSER:-$USER}}"; fi
}

# Finds client tools able to talk to the server: first any psql to ask the version, then a
# pg_dump/pg_restore of that major version or newer. Sets PG_BIN and SERVER_MAJOR.
find_client() {
  PG_BIN=$("$ANWANG_SCRIPTS/pg-client.sh" 0 2>/dev/null) || die "no psql found; install postgresql-client"
  local num
  num=$(run_psql -c "SHOW server_version_num") || die "cannot connect to $DB_LABEL"
  SERVER_MAJOR=$((num / 10000))
  PG_BIN=$("$ANWANG_SCRIPTS/pg-client.sh" ${ANWANG_PG_CLIENT_INSTALL:+--install} "$SERVER_MAJOR") || exit 1
}

# Row counts of every ordinary table outside the system schemas, "schema.table<TAB>count", sorted.
# Runs in the snapshot given as $1 when set (see backup.sh), else in a fresh one.
table_counts() {
  local snapshot="${1:-}"
  {
    echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;"
    [[ -n "$snapshot" ]] && echo "SET TRANSACTION SNAPSHOT '$snapshot';"
    cat <<'SQL'
SELECT format('SELECT %L, count(*) FROM %I.%I', n.nspname || '.' || c.relname, n.nspname, c.relname)
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
   AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
 ORDER BY n.nspname, c.relname
\gexec
COMMIT;
SQL
  } | run_psql -F $'\t' -f - | LC_ALL=C sort
}

# sha256sum lines ("HASH  ./path") of every file in the file store, sorted by path; the store's
# half-written uploads (.upload-*.tmp) are left out
file_checksums() {
  local dir="$1"
  [[ -d "$dir" ]] || return 0
  (cd "$dir" && find . -type f ! -name '.upload-*.tmp' -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum)
}

# the audit chain re-computed in SQL (sql/audit-chain.sql), as one line:
# checked|broken id|broken seq|problem|head seq|head hash|unsealed (empty fields when intact)
audit_chain() {
  run_psql -F '|' -f "$ANWANG_SCRIPTS/sql/audit-chain.sql" | tail -1
}

has_audit_table() {
  [[ "$(run_psql -c "SELECT to_regclass('audit_event') IS NOT NULL")" == "t" ]]
}

# Starts PostgreSQL on a stopped embedded data directory with the binaries the application unpacked
# (/tmp/embedded-pg/PG-*/bin, or ANWANG_PG_SERVER_BIN), on a free loopback port, and stops it when
# the script exits. As root it runs in a user namespace, as the application's embedded server does.
start_embedded() {
  local dir="$1" major server="" candidate port sockets
  major=$(cat "$dir/PG_VERSION")
  for candidate in ${ANWANG_PG_SERVER_BIN:-} /tmp/embedded-pg/PG-*/bin /usr/lib/postgresql/"$major"/bin; do
    if [[ -x "$candidate/pg_ctl" && -x "$candidate/postgres" ]] &&
      [[ "$("$candidate/postgres" --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')" == "$major" ]]; then
      server="$candidate"
      break
    fi
  done
  [[ -n "$server" ]] || die "no PostgreSQL $major server binaries to open the stopped $dir (start the application once, or set ANWANG_PG_SERVER_BIN)"
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  sockets=$(mktemp -d)
  chmod 777 "$sockets"
  local as=()
  [[ "$(id -u)" == "0" ]] && as=(unshare -U --map-user=1000 --map-group=1000)
  info "no server runs on $dir: starting one with $server on port $port for this script"
  "${as[@]}" "$server/pg_ctl" -D "$dir" -w -t 60 -l "$sockets/postgres.log" \
    -o "-p $port -c listen_addresses=localhost -k $sockets" start >/dev/null ||
    die "could not start PostgreSQL on $dir: $(tail -5 "$sockets/postgres.log")"
  EMBEDDED_STOP=("${as[@]}" "$server/pg_ctl" -D "$dir" -m fast -w stop)
  trap 'stop_embedded' EXIT
}

stop_embedded() {
  if [[ -n "${EMBEDDED_STOP:-}" ]]; then
    "${EMBEDDED_STOP[@]}" >/dev/null 2>&1 || echo "WARNING: could not stop the temporary PostgreSQL" >&2
    EMBEDDED_STOP=()
  fi
}
