#!/usr/bin/env bash
# run.sh - CTest's entry for one browser test file: node --test FILE, or exit 77 (skipped) when the web
# build, chromium or playwright-core is missing (a failure instead when PAPERTIDE_REQUIRE_ALL_TESTS=1).
set -euo pipefail
file=${1:?usage: run.sh tests/web/NAME.test.mjs}
root=$(cd "$(dirname "$0")/../.." && pwd)
web=${PAPERTIDE_WEB_DIR:-$root/build/web}
missing=""
[ -f "$web/index.html" ] && [ -f "$web/papertide.wasm" ] || missing="the web build ($web: run scripts/build-web.sh)"
[ -x "${PAPERTIDE_CHROMIUM:-/usr/bin/chromium}" ] || missing="chromium (apt-get install chromium)"
[ -d "$root/node_modules/playwright-core" ] || missing="playwright-core (npm ci)"
command -v "${PAPERTIDE_NODE:-node}" >/dev/null 2>&1 || missing="node (apt-get install nodejs)"
if [ -n "$missing" ]; then
  if [ "${PAPERTIDE_REQUIRE_ALL_TESTS:-0}" = 1 ]; then echo "FAIL: missing $missing"; exit 1; fi
  echo "skipped: missing $missing"
  exit 77
fi
cd "$root"
exec "${PAPERTIDE_NODE:-node}" --test --test-reporter=spec "$file"
