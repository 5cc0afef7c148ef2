#!/usr/bin/env bash
# build-native.sh [CMAKE_ARGS...] - configures (first time) and builds the native tree: build/native/papertide,
# build/native/papertide_tests. BUILD_TYPE=Debug|Release|RelWithDebInfo (default Debug), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${PAPERTIDE_NATIVE_BUILD_DIR:-build/native}
args=(-S . -B "$build" "$@")
if [ ! -f "$build/CMakeCache.txt" ]; then
  command -v ninja >/dev/null 2>&1 && args+=(-G Ninja)
  args+=("-DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Debug}")
elif [ -n "${BUILD_TYPE:-}" ]; then
  args+=("-DCMAKE_BUILD_TYPE=$BUILD_TYPE")
fi
cmake "${args[@]}" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
