#!/usr/bin/env bash
# measure-sizes.sh [WEB_DIR] - sizes of the shipped web site (default build/web) and the subset font,
# raw, gzip -9 and (when the brotli tool is installed) brotli -q 11, as a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
web=${1:-build/web}
files=("$web/papertide.wasm" "$web/papertide.js" "$web/papertide.data" build/font/papertide-font.ttf
       "$web/index.html" "$web/papertide-shell.js")
has_brotli=0; command -v brotli >/dev/null 2>&1 && has_brotli=1
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KB", b / 1024 }'; }
printf '| file | raw | gzip -9 |%s\n' "$([ $has_brotli = 1 ] && echo ' brotli -q 11 |')"
printf '|---|---:|---:|%s\n' "$([ $has_brotli = 1 ] && echo '---:|')"
total=0; total_gz=0
for f in "${files[@]}"; do
  [ -f "$f" ] || { echo "measure-sizes: $f missing (build first)" >&2; exit 1; }
  raw=$(wc -c <"$f"); gz=$(gzip -9 -c "$f" | wc -c)
  line="| $(basename "$f") | $(kb "$raw") | $(kb "$gz") |"
  [ $has_brotli = 1 ] && line+=" $(kb "$(brotli -q 11 -c "$f" | wc -c)") |"
  echo "$line"
  case $f in *papertide-font.ttf) ;; *) total=$((total + raw)); total_gz=$((total_gz + gz)) ;; esac
done
echo "| **site total** (font is inside .data) | $(kb $total) | $(kb $total_gz) |$([ $has_brotli = 1 ] && echo ' |')"
