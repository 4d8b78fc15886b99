#!/usr/bin/env bash
# Two Anwang servers on one external PostgreSQL behind HAProxy, started by hand (docs/deployment.md).
#
#   ANWANG_DB_URL=jdbc:postgresql://HOST:5432/anwang ANWANG_DB_USER=anwang ANWANG_DB_PASSWORD=… \
#     scripts/two-servers.sh start     # server a (migrates a new database), then b, then HAProxy
#   scripts/two-servers.sh status      # HAProxy's view of the servers
#   scripts/two-servers.sh stop        # stops what start started (by the pids it wrote)
#
# Settings (environment): ANWANG_JAR (default target/anwang-*.jar, `mvn package` builds it),
# PROXY_PORT (8080), STATS_PORT (8404, http://127.0.0.1:8404/stats), SERVER_PORTS ("8081 8082"),
# ANWANG_FILES (the file store every server must share, ./data/files), ANWANG_PII_KEY (the key
# file every server must share, ./data/pii.key), RUN_DIR (pids, logs, HAProxy's configuration,
# ./data/two-servers), JAVA_OPTS. Needs java 17+ and haproxy (apt-get install haproxy).
set -euo pipefail
cd "$(dirname "$0")/.."

PROXY_PORT=${PROXY_PORT:-8080}
STATS_PORT=${STATS_PORT:-8404}
SERVER_PORTS=${SERVER_PORTS:-"8081 8082"}
RUN_DIR=${RUN_DIR:-./data/two-servers}
ANWANG_FILES=${ANWANG_FILES:-./data/files}
ANWANG_PII_KEY=${ANWANG_PII_KEY:-./data/pii.key}
NAMES=(a b c d e f)

die() {
  echo "two-servers: $*" >&2
  exit 1
}

alive() {
  [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

await_health() { # port, log
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$1/actuator/health" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  tail -40 "$2" >&2
  die "the server on port $1 did not become healthy (log: $2)"
}

start() {
  [ -n "${ANWANG_DB_URL:-}" ] || die "set ANWANG_DB_URL (and ANWANG_DB_USER, ANWANG_DB_PASSWORD)"
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || die "haproxy is missing"
  local haproxy
  haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)
  local jar=${ANWANG_JAR:-$(ls target/anwang-*.jar 2>/dev/null | grep -v plain | head -1)}
  [ -f "$jar" ] || die "no application jar (mvn package, or set ANWANG_JAR)"
  mkdir -p "$RUN_DIR" "$ANWANG_FILES" "$(dirname "$ANWANG_PII_KEY")"
  local servers="" i=0
  for port in $SERVER_PORTS; do
    local name=${NAMES[$i]}
    i=$((i + 1))
    if alive "$RUN_DIR/server-$name.pid"; then
      die "server $name is already running (stop first)"
    fi
    # one after the other: the first start on an empty database creates the schema, loads the
    # division tree and the administrator; the others find them
    # shellcheck disable=SC2086
    java ${JAVA_OPTS:-} -jar "$jar" \
      --server.port="$port" \
      --spring.datasource.url="$ANWANG_DB_URL" \
      --spring.datasource.username="${ANWANG_DB_USER:-anwang}" \
      --spring.datasource.password="${ANWANG_DB_PASSWORD:-}" \
      --server.forward-headers-strategy=native \
      --anwang.node-name="$name" \
      --anwang.casework.reminders.server-name="$name" \
      --db-scheduler.scheduler-name="anwang-$name" \
      --anwang.files.directory="$ANWANG_FILES" \
      --anwang.pii.key-file="$ANWANG_PII_KEY" \
      >"$RUN_DIR/server-$name.log" 2>&1 &
    echo $! >"$RUN_DIR/server-$name.pid"
    echo "server $name (pid $!) starting on port $port, log $RUN_DIR/server-$name.log"
    await_health "$port" "$RUN_DIR/server-$name.log"
    echo "server $name is up"
    servers+="  server $name 127.0.0.1:$port check"$'\n'
  done
  local template
  template=$(cat scripts/haproxy.cfg.in)
  template=${template//@PROXY_ADDRESS@/0.0.0.0:$PROXY_PORT}
  template=${template//@STATS_ADDRESS@/127.0.0.1:$STATS_PORT}
  template=${template//@SERVERS@/$servers}
  printf '%s\n' "$template" >"$RUN_DIR/haproxy.cfg"
  "$haproxy" -c -q -f "$RUN_DIR/haproxy.cfg" || die "HAProxy refuses $RUN_DIR/haproxy.cfg"
  "$haproxy" -f "$RUN_DIR/haproxy.cfg" -db >"$RUN_DIR/haproxy.log" 2>&1 &
  echo $! >"$RUN_DIR/haproxy.pid"
  sleep 2
  alive "$RUN_DIR/haproxy.pid" || die "HAProxy did not start: $(cat "$RUN_DIR/haproxy.log")"
  echo "HAProxy (pid $(cat "$RUN_DIR/haproxy.pid")) on port $PROXY_PORT, stats on 127.0.0.1:$STATS_PORT/stats"
  status
}

status() {
  curl -sf "http://127.0.0.1:$STATS_PORT/stats;csv" |
    awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "status") s = i; next }
             $1 == "anwang" && $2 != "BACKEND" { print $2, $s }' ||
    die "HAProxy's stats do not answer on port $STATS_PORT"
}

stop() {
  local pidfile
  for pidfile in "$RUN_DIR"/haproxy.pid "$RUN_DIR"/server-*.pid; do
    [ -f "$pidfile" ] || continue
    if alive "$pidfile"; then
      # SIGTERM: Spring Boot's graceful shutdown finishes requests in flight
      kill "$(cat "$pidfile")"
      echo "stopped $(basename "$pidfile" .pid) (pid $(cat "$pidfile"))"
    fi
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start) start ;;
  status) status ;;
  stop) stop ;;
  *) die "usage: $0 start|status|stop" ;;
esac
