#!/usr/bin/env bash
# `npm test`: every vitest project (node, browser, db), then the closing line "N passed, N failed".
# Fails loudly, never skips, when Chromium or PostgreSQL is missing.
set -uo pipefail
export TZ=UTC
missing=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=("Chromium (${CHROMIUM_PATH:-/usr/bin/chromium})")
[ -n "${PG_URL:-}" ] || { command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; } || missing+=("PostgreSQL (pg_config/initdb)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "npm test needs: ${missing[*]}." >&2
  echo "Install them with: bash test/setup/install-system-deps.sh" >&2
  exit 1
fi
# The package tests import the built dist/ under plain Node: build it first.
npx tsup --silent >/dev/null || { echo "build failed: npx tsup" >&2; echo "0 passed, 1 failed"; exit 1; }
rm -f .vitest-results.json
npx vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json "$@"
status=$?
if [ -f .vitest-results.json ]; then
  node -e 'const r=require("./.vitest-results.json");console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`+(r.numPendingTests?`, ${r.numPendingTests} skipped`:""))'
else
  echo "0 passed, 0 failed (vitest wrote no report)"
  [ $status -ne 0 ] || status=1
fi
exit $status
