#!/usr/bin/env bash
# Runs every example program (examples/*.ts; the demo runs separately with `npm run demo`).
set -euo pipefail
cd "$(dirname "$0")/.."
export TZ=UTC
for file in examples/*.ts; do
  [ "$file" = examples/demo.ts ] && continue
  echo "--- $file"
  npx tsx --tsconfig examples/tsconfig.json "$file" > /dev/null
done
echo "all examples ran"
