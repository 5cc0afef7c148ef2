#!/usr/bin/env bash
# measure-sizes.sh [WEB_DIR] - what a visit to the site (default build/web) transfers, raw, gzip -9 and (when
# the brotli tool is installed) brotli -q 11, as Markdown tables:
#   1. first visit: every file the page loads before window.papertide.ready (the fonts are inside .data, the
#      corpus is data/corpus.snapshot)
#   2. offline: what the service worker adds after that (sw.js, then the precached files the page did not
#      load, the corpus's JSON files among them; the others are revalidated from the HTTP cache, a few hundred bytes each)
#   3. not part of a visit: the single-file papertide.html (a download) and the subset font on its own
set -euo pipefail
cd "$(dirname "$0")/.."
web=${1:-build/web}
has_brotli=0; command -v brotli >/dev/null 2>&1 && has_brotli=1
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
header() {
  printf '| %s | raw | gzip -9 |%s\n' "$1" "$([ $has_brotli = 1 ] && echo ' brotli -q 11 |')"
  printf '|---|---:|---:|%s\n' "$([ $has_brotli = 1 ] && echo '---:|')"
}
sum_raw=0; sum_gz=0; sum_br=0
row() {  # $1 = file, $2 = label, $3 = add to the running sums (1) or not (0)
  local f=$1 raw gz br=0
  [ -f "$f" ] || { echo "measure-sizes: $f missing (build first: scripts/build-web.sh)" >&2; exit 1; }
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  [ $has_brotli = 1 ] && br=$(brotli -q 11 -c "$f" | wc -c)
  local line="| $2 | $(kb "$raw") | $(kb "$gz") |"
  [ $has_brotli = 1 ] && line+=" $(kb "$br") |"
  echo "$line"
  if [ "$3" = 1 ]; then sum_raw=$((sum_raw + raw)); sum_gz=$((sum_gz + gz)); sum_br=$((sum_br + br)); fi
}
total() {
  local line="| **$1** | **$(kb $sum_raw)** | **$(kb $sum_gz)** |"
  [ $has_brotli = 1 ] && line+=" **$(kb $sum_br)** |"
  echo "$line"
}

header "first visit (before ready)"
for f in index.html papertide.css papertide-shell.js papertide.js papertide.wasm; do row "$web/$f" "$f" 1; done
row "$web/papertide.data" "papertide.data (fonts)" 1
row "$web/data/corpus.snapshot" "data/corpus.snapshot (corpus + index)" 1
for f in icon.svg manifest.webmanifest; do row "$web/$f" "$f" 1; done
total "first visit total"
echo
header "then, for offline use (service worker)"
for f in sw.js papers.html FONT-LICENSE.txt data/files.json; do row "$web/$f" "$f" 1; done
for f in "$web"/data/*.json "$web"/data/digests/*.json; do
  case "$f" in */files.json) continue ;; esac
  row "$f" "${f#"$web"/}" 1
done
total "first visit + offline precache"
echo
header "not part of a visit"
row "$web/papertide.html" "papertide.html (single file: everything inlined, base64)" 0
row "${FONT:-build/wasm/font/papertide-font.ttf}" "papertide-font.ttf (inside papertide.data)" 0
