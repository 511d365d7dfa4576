#!/usr/bin/env bash
# Installs what a fresh machine lacks, starts PostgreSQL and Redis if they are down, and runs
# every test: type-check, lint, migration check, unit and integration tests, then the
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

# The PostgreSQL tests create a database of their own on the machine's server (and the
# scale-out tests talk through Redis); CI runs after the session's processes are gone, so start
# them when they do not answer.
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
wait_for() {
  local what=$1
  shift
  for _ in $(seq 60); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "$what did not start within 30 s" >&2
  exit 1
}
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "Starting PostgreSQL…"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  wait_for PostgreSQL pg_isready -q -h 127.0.0.1 -p 5432
fi
if [ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" != PONG ]; then
  echo "Starting Redis…"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
  wait_for Redis sh -c '[ "$(redis-cli -h 127.0.0.1 ping)" = PONG ]'
fi

# pnpm comes through npx, so a machine with only Node and npm is enough.
PNPM=(npx -y pnpm@10)
"${PNPM[@]}" install --frozen-lockfile
rm -rf test-results
"${PNPM[@]}" test
node --import tsx scripts/test-summary.ts
