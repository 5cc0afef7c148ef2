#!/usr/bin/env bash
# sanitize.sh - the doctest suite and the CLI tests under AddressSanitizer + UndefinedBehaviorSanitizer
# (+ LeakSanitizer, libstdc++ assertions): a separate native tree in build/asan (g++ by default; CXX=clang++-14
# works too) with -fsanitize=address,undefined -fno-sanitize-recover=all, then `ctest -R '^(unit|cli/)'`
# there, so the CLI scripts drive the ASan build of `papertide`. Any sanitizer report fails the test.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=build/asan
start=$(date +%s)

flags="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"
if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
        -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
echo "== sanitize: building papertide_tests and papertide ($BUILD, ASan + UBSan)"
if ! cmake --build "$BUILD" --target papertide_tests papertide -j "${JOBS:-2}" >"$BUILD/build.log" 2>&1; then
  grep -vE '^\[[0-9]+/[0-9]+\] ' "$BUILD/build.log" | tail -n 40 >&2
  echo "sanitize.sh: build failed" >&2
  exit 1
fi

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_string_checks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
echo "== sanitize: ctest -R '^(unit|cli/)' in $BUILD"
status=0
ctest --test-dir "$BUILD" -R '^(unit|cli/)' --output-on-failure -j "${JOBS:-2}" || status=$?
# A report that a test script swallowed would still be in the log.
log="$BUILD/Testing/Temporary/LastTest.log"
if [ -f "$log" ] && grep -qE '^(==[0-9]+==ERROR: |SUMMARY: (Address|UndefinedBehavior|Leak)Sanitizer)|runtime error: ' "$log"; then
  echo "sanitize.sh: sanitizer reports in $log:" >&2
  grep -E '==ERROR|SUMMARY: |runtime error: ' "$log" | head -n 20 >&2
  status=1
fi
echo "== sanitize.sh: $([ $status = 0 ] && echo PASSED || echo FAILED) in $(( $(date +%s) - start )) s"
exit $status
