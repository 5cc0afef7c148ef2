#!/usr/bin/env bash
# make-corpus-site.sh SITE DATA OUT PAPERTIDE - a copy of the built site SITE (build/web) in OUT whose data/ holds
# the corpus DATA instead (its JSON files, files.json, and corpus.snapshot written by `PAPERTIDE pack`): what the
# web build would ship for that corpus, without rebuilding the wasm (the corpus is not in it). For
# bench/corpus-startup.mjs; sw.js and papertide.html still describe SITE's own corpus.
set -euo pipefail
site=$1 data=$2 out=$3 papertide=$4
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out"
mkdir -p "$out"
for f in "$site"/*; do [ "$(basename "$f")" = data ] || cp -a "$f" "$out/"; done
python3 "$root/scripts/ship-web.py" data "$out" --data "$data"
"$papertide" pack --data "$data" --out "$out/data/corpus.snapshot"
