#!/usr/bin/env bash
# bench-snapshot.sh [BUILD_DIR] [SIZES...] - snapshot versus JSON, natively (docs/SNAPSHOT.md):
# for the seed corpus and synthetic corpora (default 1k 10k 100k papers; tools/synth), the transfer size
# (raw, gzip -9, brotli -q $BROTLI_Q (default 11) when the brotli tool is installed) of the digest JSON and of the snapshot, and
# start-up time and peak RSS of the JSON path (read + parse/validate/merge + index) and of the snapshot path
# (from the file, section by section; and from one buffer holding the whole file), each path in its own
# process (/usr/bin/time -v's maximum RSS beside the process's own VmHWM). Prints Markdown tables.
# BUILD_DIR (default build/native) must be a Release build with papertide-gen and papertide-snapshot-bench.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build/native}
shift || true
SIZES=${*:-1k 10k 100k}
GEN="$BUILD/papertide-gen"
BENCH="$BUILD/papertide-snapshot-bench"
for b in "$GEN" "$BENCH"; do [ -x "$b" ] || { echo "bench-snapshot.sh: $b missing (cmake --build $BUILD --target $(basename "$b"))" >&2; exit 1; }; done
WORK=${BENCH_WORK:-$BUILD/bench-snapshot}
mkdir -p "$WORK"
has_brotli=0; command -v brotli >/dev/null 2>&1 && has_brotli=1
BROTLI_Q=${BROTLI_Q:-11}  # -q 11 runs at about 1 MB/s: BROTLI_Q=5 for the 100k files

sizes_of() {  # FILE... -> raw gzip brotli (the JSON: all digest files and topics.json, each compressed)
  local raw=0 gz=0 br=0
  for f in "$@"; do
    raw=$((raw + $(stat -c %s "$f")))
    gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
    if [ $has_brotli = 1 ]; then br=$((br + $(brotli -q "$BROTLI_Q" -c "$f" | wc -c))); fi
  done
  echo "$raw $gz $([ $has_brotli = 1 ] && echo "$br" || echo -)"
}
mb() { [ "$1" = - ] && echo - || awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
timed() {  # prints the bench line and the time -v maximum RSS (MB)
  local out
  out=$(/usr/bin/time -v "$BENCH" "$@" 2>"$WORK/time.txt")
  echo "$out maxrss_mb=$(awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }' "$WORK/time.txt")"
}

echo "| corpus | papers | JSON raw / gzip / brotli (MB) | snapshot raw / gzip / brotli (MB) |"
echo "|---|---:|---|---|"
rows=()
for size in seed $SIZES; do
  if [ "$size" = seed ]; then dir=data; else
    dir="$WORK/corpus-$size"
    [ -f "$dir/topics.json" ] || "$GEN" --papers "$size" --out "$dir" >/dev/null
  fi
  snap="$WORK/$size.snap"
  packed=$("$BENCH" pack "$dir" "$snap")
  json_files=("$dir/topics.json" "$dir"/digests/*.json)
  [ -f "$dir/glossary.json" ] && json_files+=("$dir/glossary.json")
  read -r jr jg jb <<<"$(sizes_of "${json_files[@]}")"
  read -r sr sg sb <<<"$(sizes_of "$snap")"
  papers=$(field papers "$packed")
  echo "| $size | $papers | $(mb "$jr") / $(mb "$jg") / $(mb "$jb") | $(mb "$sr") / $(mb "$sg") / $(mb "$sb") |"
  json=$(timed json "$dir")
  file=$(timed load "$snap")
  memory=$(timed load-memory "$snap")
  rows+=("| $size | $(field total_ms "$json") ($(field parse_ms "$json") parse + $(field index_ms "$json") index) | $(field load_ms "$file") | $(field load_ms "$memory") | $(field steady_mb "$json") / $(field peak_mb "$json") | $(field steady_mb "$file") / $(field peak_mb "$file") | $(field steady_mb "$memory") / $(field peak_mb "$memory") |")
done
echo
echo "| corpus | JSON path ms | snapshot (file) ms | snapshot (buffer) ms | JSON steady / peak MB | snapshot file steady / peak MB | snapshot buffer steady / peak MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
