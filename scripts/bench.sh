#!/usr/bin/env bash
# bench.sh [SIZE...] - the scale benchmarks of docs/BENCHMARKS.md ("Scale and speed"), one command:
#   1. a Release native tree (build/bench-native): papertide-gen, papertide-bench, papertide-frames, papertide
#   2. synthetic corpora build/bench/<SIZE> (deterministic: SEED, default 1), each validated (0 errors)
#   3. native benchmark per size (load, index, memory, query latency, keystrokes, filters)
#   4. browser benchmark per size in headless Chromium: Papertide's wasm core (-Oz as shipped, and -O2),
#      FlexSearch and MiniSearch on the same corpus and queries, result counts compared
#   5. start-up of the site against a bare Dear ImGui page in the same browser (bench/startup.mjs; STARTUP_RUNS),
#      then from the corpus snapshot against the JSON path at each size (bench/corpus-startup.mjs; CORPUS_RUNS),
#      then a reader's digest merged on top of each snapshot (bench/merge-on-top.mjs)
#   6. UI frame times while typing (the native window under Xvfb)
#   7. one table (bench/summary.mjs); the JSON reports stay in build/bench/results/
# SIZE: 1k 10k 100k 1M ... (default: 1k 10k 100k). Environment: SEED, JOBS (2), WEB=0 (skip the browser),
# WEB_MAX (largest size the site is started with in the browser, from its corpus snapshot; default 500k, measured
# to fit a 4 GB wasm heap), JSON_WEB_MAX (largest size also started from the JSON files, default 250k: the JSON
# path needs twice the memory), WEB_BENCH_MAX (largest size of the search benchmark against FlexSearch and
# MiniSearch in the browser, which loads the JSON; default 100k),
# FRAMES=0 (skip the UI), MINISEARCH_MAX (largest size MiniSearch is run on, default 100k: it is slow),
# PAPERTIDE_WEB_BUILD_DIR (default build/wasm; configured by scripts/build-web.sh when missing), CORPUS_MBPS
# (default 25: the corpus start-up is also measured with each file served at most that many MB/s, as over a
# network, where the app reads the snapshot during its download; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1k 10k 100k)
seed=${SEED:-1}
jobs=${JOBS:-2}
web=${WEB:-1}
frames=${FRAMES:-1}
native=build/bench-native
results=build/bench/results
mkdir -p "$results"
count() {  # 10k -> 10000
  local s=${1,,}
  case "$s" in *k) echo $(( ${s%k} * 1000 )) ;; *m) echo $(( ${s%m} * 1000000 )) ;; *) echo "$s" ;; esac
}
web_max=$(count "${WEB_MAX:-500k}")
json_web_max=$(count "${JSON_WEB_MAX:-250k}")
bench_web_max=$(count "${WEB_BENCH_MAX:-100k}")
mini_max=$(count "${MINISEARCH_MAX:-100k}")

echo "== native Release build ($native)"
if [ ! -f "$native/CMakeCache.txt" ]; then
  cmake -S . -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
fi
cmake --build "$native" -j "$jobs" --target papertide-gen papertide-bench papertide $( [ "$frames" = 1 ] && echo papertide-frames )

for size in "${sizes[@]}"; do
  n=$(count "$size")
  dir=build/bench/$size
  stamp="papers=$n seed=$seed"
  if [ "$(cat "$dir/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== generating $dir ($n papers, seed $seed)"
    "$native/papertide-gen" --papers "$n" --seed "$seed" --out "$dir"
    echo "$stamp" >"$dir/.stamp"
  fi
  # Search as the app does: with the bundled glossary (cross-language expansion).
  cp data/glossary.json "$dir/glossary.json"
  echo "== validating $dir"
  "$native/papertide" validate --data "$dir" >/dev/null
done

for size in "${sizes[@]}"; do
  echo "== native benchmark: $size"
  "$native/papertide-bench" --data "build/bench/$size" --label "$size" --json "$results/native-$size.json"
done

if [ "$web" = 1 ]; then
  webbuild=${PAPERTIDE_WEB_BUILD_DIR:-build/wasm}
  if [ ! -f "$webbuild/CMakeCache.txt" ]; then
    echo "== configuring the web build ($webbuild, a few minutes the first time)"
    PAPERTIDE_WEB_BUILD_DIR=$webbuild bash scripts/build-web.sh
  fi
  echo "== browser benchmark build ($webbuild -> build/bench-web)"
  # shellcheck source=../emsdk.env
  (source ./emsdk.env && cmake --build "$webbuild" -j "$jobs" --target papertide_bench_web papertide_bench_web_o2)
  [ -d node_modules/flexsearch ] && [ -d node_modules/minisearch ] || npm ci --no-audit --no-fund
  for size in "${sizes[@]}"; do
    n=$(count "$size")
    if [ "$n" -gt "$bench_web_max" ]; then echo "== browser benchmark: $size skipped (WEB_BENCH_MAX=${WEB_BENCH_MAX:-100k})"; continue; fi
    engines=papertide,flexsearch
    [ "$n" -le "$mini_max" ] && engines+=,minisearch
    echo "== browser benchmark: $size ($engines)"
    node bench/web-bench.mjs --data "build/bench/$size" --label "$size" --engines "$engines" --json "$results/web-$size.json"
    node bench/web-bench.mjs --data "build/bench/$size" --label "$size" --engines papertide --variant o2 \
      --json "$results/web-$size-o2.json" >/dev/null
  done
fi

if [ "$web" = 1 ]; then
  # Start-up against the floor of the stack: the site versus a bare ImGui page, alternately (bench/startup.mjs).
  echo "== start-up: Papertide's site against a bare Dear ImGui page (${STARTUP_RUNS:-10} runs each)"
  (source ./emsdk.env && cmake --build "${PAPERTIDE_WEB_BUILD_DIR:-build/wasm}" -j "$jobs" \
    --target papertide_web_site papertide_web_data papertide_floor)
  site=$(sed -n 's/^PAPERTIDE_WEB_OUTPUT_DIR:PATH=//p' "${PAPERTIDE_WEB_BUILD_DIR:-build/wasm}/CMakeCache.txt")
  node bench/startup.mjs --app "${site:-build/web}" --runs "${STARTUP_RUNS:-10}" --json "$results/startup.json"

  # The corpus snapshot against the JSON path, per size: copies of the site with that corpus in data/.
  echo "== start-up from the snapshot and from the JSON, per corpus size (${CORPUS_RUNS:-3} runs each)"
  both="seed=${site:-build/web}" snapshot_only=""
  for size in "${sizes[@]}"; do
    n=$(count "$size")
    if [ "$n" -gt "$web_max" ]; then echo "== start-up: $size skipped (WEB_MAX=${WEB_MAX:-500k})"; continue; fi
    bash bench/make-corpus-site.sh "${site:-build/web}" "build/bench/$size" "build/bench/site-$size" "$native/papertide"
    if [ "$n" -le "$json_web_max" ]; then both+=",$size=build/bench/site-$size"
    else snapshot_only+="${snapshot_only:+,}$size=build/bench/site-$size"; fi
  done
  node bench/corpus-startup.mjs --sites "$both" --runs "${CORPUS_RUNS:-3}" --json "$results/corpus-startup.json"
  if [ "${CORPUS_MBPS:-25}" != 0 ]; then
    node bench/corpus-startup.mjs --sites "$both" --modes snapshot --runs "${CORPUS_RUNS:-3}" --compress 0 \
      --mbps "${CORPUS_MBPS:-25}" --json "$results/corpus-startup-network.json"
  fi
  if [ -n "$snapshot_only" ]; then  # one load each, raw sizes only (compressing gigabytes takes minutes)
    node bench/corpus-startup.mjs --sites "$snapshot_only" --modes snapshot --runs 1 --compress 0 --timeout 1800000 \
      --json "$results/corpus-startup-large.json"
  fi
  # A reader's digest (new papers and papers picked again, made from each corpus) added on top of its snapshot.
  echo "== a reader's digest merged on top of the snapshot, per corpus size (${CORPUS_RUNS:-3} runs each)"
  for entry in ${both//,/ }; do
    name=${entry%%=*} dir=${entry#*=}
    data=$([ "$name" = seed ] && echo data || echo "build/bench/$name")
    node bench/make-reader-digest.mjs "$data" "build/bench/reader-$name.json"
    node bench/merge-on-top.mjs --sites "$entry" --digest "build/bench/reader-$name.json" --runs "${CORPUS_RUNS:-3}" \
      | tee "$results/merge-on-top-$name.md"
  done
fi

if [ "$frames" = 1 ]; then
  for size in "${sizes[@]}"; do
    echo "== UI frame times while typing: $size"
    xvfb-run -a -s "-screen 0 1280x800x24" "$native/papertide-frames" --data "build/bench/$size" \
      --json "$results/frames-$size.json" | tail -n 6
  done
fi

echo "== summary ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
node bench/summary.mjs "$results" "${sizes[@]}"
