#!/usr/bin/env bash
# fuzz.sh [SECONDS] - builds the libFuzzer targets (build/fuzz, clang-14 with ASan + UBSan; see
# cmake/PapertideFuzz.cmake) and runs each for SECONDS (default 30), one after another:
#   digest       parseDigest (against data/topics.json), parseTaxonomy, JsonDocument
#   view_state   decodeViewState/encodeViewState round trip, applyViewStateJson
#   search       parseSearchQuery + SearchIndex::match, checked against brute force
#   reader_data  decodePaperSet / decodeSettings and their round trips
#   snapshot     readSnapshot on raw and resealed (checksums recomputed) bytes; accepted ones are queried
#   import       import::draftDigest on text/Markdown/HTML articles: refusals explained, drafts valid, nothing invented
# Each run first replays tests/fuzz/regressions/<target>/ (inputs that once crashed), then mutates the seeds
# of tests/fuzz/corpus/<target>/ (new inputs go to build/fuzz/corpus/<target>/). Fails on any crash, leak,
# sanitizer report, broken invariant or timeout; the input is saved as build/fuzz/artifacts/<target>/crash-*:
# reproduce with `build/fuzz/fuzz_<target> FILE`, fix, then add the file to tests/fuzz/regressions/<target>/
# (the unit tests replay that folder too).
# Environment: FUZZ_TARGETS="digest search" (a subset), FUZZ_RUNS=N (stop after N executions instead of
# a time limit when SECONDS is 0), FUZZ_ARGS="..." (more libFuzzer flags), CXX_FUZZ (default clang++-14).
# FUZZ_BUILD=DIR (default build/fuzz: a helper's own build directory).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER_TARGET=${1:-30}
TARGETS=${FUZZ_TARGETS:-digest view_state search reader_data snapshot import}
CXX_FUZZ=${CXX_FUZZ:-clang++-14}
CC_FUZZ=${CC_FUZZ:-${CXX_FUZZ/clang++/clang}}
BUILD=${FUZZ_BUILD:-build/fuzz}

command -v "$CXX_FUZZ" >/dev/null || { echo "fuzz.sh: $CXX_FUZZ not found (bash scripts/install-deps.sh)" >&2; exit 1; }
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_COMPILER="$CC_FUZZ" \
        -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DPAPERTIDE_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
fi
echo "== fuzz: building ($BUILD)"
mkdir -p "$BUILD/logs"
if ! cmake --build "$BUILD" --target papertide_fuzzers -j "${JOBS:-2}" >"$BUILD/logs/build.log" 2>&1; then
  grep -vE '^\[[0-9]+/[0-9]+\] ' "$BUILD/logs/build.log" | tail -n 40 >&2
  echo "fuzz.sh: build failed" >&2
  exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
printf '%-12s %10s %8s %8s %7s %s\n' target execs seconds exec/s cov result
for t in $TARGETS; do
  bin="$BUILD/fuzz_$t"
  seeds="tests/fuzz/corpus/$t"
  work="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  log="$BUILD/logs/$t.log"
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  result=ok

  regressions=(tests/fuzz/regressions/"$t"/*)
  if [ -e "${regressions[0]}" ]; then
    if ! "$bin" "${regressions[@]}" >"$BUILD/logs/$t.regressions.log" 2>&1; then
      result="REGRESSION (see $BUILD/logs/$t.regressions.log)"
      status=1
    fi
  fi

  start=$(date +%s)
  runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
  # shellcheck disable=SC2086
  if ! "$bin" -max_total_time="$SECONDS_PER_TARGET" "${runs[@]}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} "$work" "$seeds" >"$log" 2>&1; then
    status=1
    found=$(ls -t "$artifacts" 2>/dev/null | head -n1)
    result="FAILED: $artifacts/$found (log: $log)"
    grep -aE 'invariant broken|ERROR: |runtime error|SUMMARY' "$log" | head -n 5 | sed 's/^/    /' || true
  fi
  elapsed=$(( $(date +%s) - start ))
  execs=$(grep -a 'stat::number_of_executed_units' "$log" | awk '{print $2}' | tail -n1)
  cov=$(grep -aoE 'cov: [0-9]+' "$log" | tail -n1 | awk '{print $2}')
  rate=$(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))
  printf '%-12s %10s %8s %8s %7s %s\n' "$t" "${execs:-?}" "$elapsed" "$rate" "${cov:-?}" "$result"
done
echo "== fuzz.sh: $([ $status = 0 ] && echo PASSED || echo FAILED)"
exit $status
