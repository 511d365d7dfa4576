#!/usr/bin/env bash
# Installs what a fresh machine lacks, starts PostgreSQL and Redis if they are down, and runs
# every test: type-check, lint, migration check, unit and integration tests, then the
# end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium >/dev/null
  else
    sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
  fi
fi

# The scale-out test runs deploy/nginx/samla.conf in Debian's nginx, which it starts itself on
# a loopback port. Installing the package would also start it as a service on port 80 (and
# enable it at boot); a policy-rc.d that forbids every action (exit 101) keeps it stopped.
# nginx is in /usr/sbin, which a user's PATH may lack.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "Installing Debian's nginx for the load-balancer test…"
  policy=/usr/sbin/policy-rc.d
  placed_policy=false
  if [ ! -e "$policy" ]; then
    as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod +x $policy"
    placed_policy=true
  fi
  status=0
  { as_root apt-get update -qq && as_root apt-get install -y -qq nginx >/dev/null; } ||
    status=$?
  if $placed_policy; then as_root rm -f "$policy"; fi
  [ "$status" -eq 0 ] || exit "$status"
  if [ -d /run/systemd/system ]; then as_root systemctl disable --quiet nginx; fi
fi

# The PostgreSQL tests create a database of their own on the machine's server (and the
# scale-out tests talk through Redis); CI runs after the session's processes are gone, so start
# them when they do not answer.
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
