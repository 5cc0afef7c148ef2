#!/usr/bin/env bash
# measure-build-times.sh - wall-clock build times in scratch trees under build/bench/ (the real build/
# trees are left alone): clean native, clean web (incl. SDL2's CMake configure), incremental rebuilds.
#   WEB_OPT=-O2 bash scripts/measure-build-times.sh      (default: the project's -Oz)
# JOBS (default 2) as for the build scripts. Needs scripts/install-deps.sh to have run once.
set -euo pipefail
cd "$(dirname "$0")/.."
bench=build/bench${WEB_OPT:+-${WEB_OPT#-}}
rm -rf "$bench"
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
row() { printf '| %s | %s |\n' "$1" "$2"; }
log=$(mktemp); trap 'rm -f "$log"' EXIT
quiet() { "$@" >"$log" 2>&1 || { echo "measure-build-times: failed: $*" >&2; tail -n 30 "$log" >&2; exit 1; }; }

web_args=("-DPAPERTIDE_WEB_OUTPUT_DIR=$PWD/$bench/web")
[ -n "${WEB_OPT:-}" ] && web_args+=("-DPAPERTIDE_WEB_OPT=$WEB_OPT")

echo "| step ($(nproc) cores, -j${JOBS:-2}) | wall time |"
echo "|---|---:|"
t0=$(now); quiet env PAPERTIDE_NATIVE_BUILD_DIR=$bench/native bash scripts/build-native.sh; t1=$(now)
row "clean native build (configure + all targets, Debug)" "$(secs "$t0" "$t1")"
t0=$(now); quiet env PAPERTIDE_WEB_BUILD_DIR=$bench/wasm bash scripts/build-web.sh "${web_args[@]}"; t1=$(now)
row "clean web build (SDL2 configure + all targets, Release ${WEB_OPT:--Oz})" "$(secs "$t0" "$t1")"
t0=$(now); quiet env PAPERTIDE_WEB_BUILD_DIR=$bench/wasm bash scripts/build-web.sh; t1=$(now)
row "web: no-op rebuild (re-configure + nothing to do)" "$(secs "$t0" "$t1")"

touch_one() { local f; f=$(ls "$1"/*.cpp | head -n1); touch "$f"; basename "$f"; }
f=$(touch_one src/core)
t0=$(now); quiet env PAPERTIDE_NATIVE_BUILD_DIR=$bench/native bash scripts/build-native.sh; t1=$(now)
row "native incremental: touch src/core/$f" "$(secs "$t0" "$t1")"
t0=$(now); quiet env PAPERTIDE_WEB_BUILD_DIR=$bench/wasm bash scripts/build-web.sh; t1=$(now)
row "web incremental: touch src/core/$f (recompile + relink)" "$(secs "$t0" "$t1")"
f=$(touch_one src/ui)
t0=$(now); quiet env PAPERTIDE_WEB_BUILD_DIR=$bench/wasm bash scripts/build-web.sh; t1=$(now)
row "web incremental: touch src/ui/$f (+ font check, relink)" "$(secs "$t0" "$t1")"
f=$(ls data/digests/*.json | head -n1); touch "$f"
t0=$(now); quiet env PAPERTIDE_WEB_BUILD_DIR=$bench/wasm bash scripts/build-web.sh; t1=$(now)
row "web incremental: touch data/digests/$(basename "$f") (font + repackage)" "$(secs "$t0" "$t1")"
echo
bash scripts/measure-sizes.sh "$bench/web"
