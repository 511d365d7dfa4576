#!/usr/bin/env bash
# Installs what a fresh machine lacks and runs every test: type-check, lint, migration check,
# unit and integration tests, then the end-to-end tests in Debian's Chromium.
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

# pnpm comes through npx, so a machine with only Node and npm is enough.
PNPM=(npx -y pnpm@10)
"${PNPM[@]}" install --frozen-lockfile
rm -rf test-results
"${PNPM[@]}" test
node --import tsx scripts/test-summary.ts
