#!/usr/bin/env bash
# test.sh - everything, from a clean clone: dependencies, native build (build/native), web build
# (build/wasm -> build/web), then CTest: doctest units, CLI scripts, layering, native smoke (Xvfb)
# and browser tests (headless chromium). Prints each runner's summary; exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/install-deps.sh
echo "== native build (build/native)"
bash scripts/build-native.sh
echo "== web build (build/wasm -> build/web)"
bash scripts/build-web.sh

echo "== tests"
export PAPERTIDE_REQUIRE_ALL_TESTS=1  # a missing tool fails the run instead of skipping a test
status=0
ctest --test-dir build/native --output-on-failure -j "${JOBS:-2}" || status=$?
bash scripts/sanitize.sh || status=$?                   # units + CLI tests under ASan/UBSan (build/asan)
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}" || status=$?  # each libFuzzer target, time-boxed (build/fuzz)

log=build/native/Testing/Temporary/LastTest.log
if [ -f "$log" ]; then
  echo "== runner summaries"
  awk '/^[0-9]+\/[0-9]+ Testing: / { name = $3 }
       /^\[doctest\] (test cases|assertions)|^ℹ (tests|pass|fail) |^smoke: |^idle: |^# idle: |^-- layering: / {
         printf "%-16s %s\n", name, $0 }' "$log"
fi
echo "== test.sh: $([ $status = 0 ] && echo PASSED || echo FAILED) in $(( $(date +%s) - start )) s"
exit $status
