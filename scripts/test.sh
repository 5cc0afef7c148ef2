#!/usr/bin/env bash
# test.sh - everything, from a clean clone: dependencies, native build (build/native), web build
# (build/wasm -> build/web), then CTest: doctest units, CLI scripts, layering, native smoke (Xvfb)
# and browser tests (headless chromium), then the sanitizer suite and the fuzzers. Prints each runner's summary
# and, last, one line "test.sh: N passed, N failed" over all stages; exits non-zero on any failure.
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
out=build/test-summary
mkdir -p "$out"
rm -f "$out"/*.failed
ctest --test-dir build/native --output-on-failure -j "${JOBS:-2}" 2>&1 | tee "$out/ctest.txt" || status=$?
bash scripts/sanitize.sh 2>&1 | tee "$out/sanitize.txt" || { status=1; echo 1 >"$out/sanitize.failed"; }
bash scripts/fuzz.sh "${FUZZ_SECONDS:-30}" 2>&1 | tee "$out/fuzz.txt" || { status=1; echo 1 >"$out/fuzz.failed"; }

log=build/native/Testing/Temporary/LastTest.log
if [ -f "$log" ]; then
  echo "== runner summaries"
  awk '/^[0-9]+\/[0-9]+ Testing: / { name = $3 }
       /^\[doctest\] (test cases|assertions)|^ℹ (tests|pass|fail) |^smoke: |^idle: |^# idle: |^-- layering: / {
         printf "%-16s %s\n", name, $0 }' "$log"
fi

# One closing line over every stage: each CTest test (native, then the sanitizer tree) and each fuzz target counts
# once; a stage that failed without a count (e.g. its build) counts as one failure.
passed=0 failed=0
count_ctest() {  # $1 = ctest output, $2 = 1 if the stage failed
  local line total bad
  line=$(grep -oE '[0-9]+ tests? failed out of [0-9]+' "$1" | tail -n1 || true)
  if [ -z "$line" ]; then failed=$((failed + 1)); return; fi
  bad=${line%% *}; total=${line##* }
  passed=$((passed + total - bad)); failed=$((failed + bad))
  [ "$bad" = 0 ] && [ "${2:-0}" = 1 ] && failed=$((failed + 1))  # e.g. a sanitizer report outside any test
  return 0
}
count_ctest "$out/ctest.txt"
count_ctest "$out/sanitize.txt" "$(cat "$out/sanitize.failed" 2>/dev/null || echo 0)"
fuzz_ok=$(grep -cE '^[a-z_]+ +[0-9?]+ +[0-9]+ +[0-9]+ +[0-9?]+ ok$' "$out/fuzz.txt" || true)
fuzz_bad=$(grep -cE '^[a-z_]+ +[0-9?]+ +[0-9]+ +[0-9]+ +[0-9?]+ (REGRESSION|FAILED)' "$out/fuzz.txt" || true)
[ "$fuzz_ok$fuzz_bad" = 00 ] && fuzz_bad=1  # the fuzzers never ran
[ -f "$out/fuzz.failed" ] && [ "$fuzz_bad" = 0 ] && fuzz_bad=1
passed=$((passed + fuzz_ok)); failed=$((failed + fuzz_bad))
rm -f "$out/sanitize.failed" "$out/fuzz.failed"
echo "== test.sh: $([ $status = 0 ] && echo PASSED || echo FAILED) in $(( $(date +%s) - start )) s"
echo "test.sh: $passed passed, $failed failed"
exit $status
