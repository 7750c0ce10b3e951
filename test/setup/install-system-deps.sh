#!/usr/bin/env bash
# Installs the two system parts the test suite needs on Debian, only when they are missing:
# Chromium (browser tests) and PostgreSQL (db tests). Needs root (or sudo).
set -euo pipefail
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
echo "chromium: $(command -v chromium)"
echo "postgresql: $(pg_config --bindir)"
