#!/usr/bin/env bash
# build-web.sh [CMAKE_ARGS...] - the Emscripten build: configures build/wasm (first time: SDL2's ~300 checks, a few
# minutes), builds the static site inside its tree (build/wasm/site) and publishes a copy at build/web/, where the
# browser tests and serve.sh read it. BUILD_TYPE (default Release), JOBS (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=../emsdk.env
source ./emsdk.env
command -v emcmake >/dev/null 2>&1 || { echo "build-web: emcmake not found (run scripts/install-deps.sh)" >&2; exit 1; }
build=${PAPERTIDE_WEB_BUILD_DIR:-build/wasm}
args=(-S . -B "$build" "$@")
if [ ! -f "$build/CMakeCache.txt" ]; then
  command -v ninja >/dev/null 2>&1 && args+=(-G Ninja)
  args+=("-DCMAKE_BUILD_TYPE=${BUILD_TYPE:-Release}")
elif [ -n "${BUILD_TYPE:-}" ]; then
  args+=("-DCMAKE_BUILD_TYPE=$BUILD_TYPE")
fi
emcmake cmake "${args[@]}" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
site=$(sed -n 's/^PAPERTIDE_WEB_OUTPUT_DIR:PATH=//p' "$build/CMakeCache.txt")
published=$PWD/build/web
if [ -n "$site" ] && [ "$(cd "$site" && pwd)" != "$published" ]; then
  # Replace the published copy whole, so no file of an earlier build lingers (the service worker lists them all).
  rm -rf "$published.tmp"
  cp -a "$site" "$published.tmp"
  rm -rf "$published"
  mv "$published.tmp" "$published"
fi
echo "build-web: site in $published"
