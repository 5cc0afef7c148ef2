#!/usr/bin/env bash
# draft.sh BINARY REPO_ROOT [OUTPUT_DIR] - "New digest from article…" in the native window: an article file
# dropped on the window (--drop, the SDL_DROPFILE path) opens the dialog with its draft, an HTML page goes through
# gumbo-parser, a .json file dropped while the dialog is open is drafted (not added as a digest); screenshots.
set -euo pipefail
bin=${1:?binary}; root=${2:?repo root}; out=${3:-$root/build/test-output/native}
# shellcheck source=lib.sh
source "$root/tests/native/lib.sh"  # skip or fail without Xvfb or node
mkdir -p "$out"
config=$(mktemp -d); trap 'rm -rf "$config"' EXIT

pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
run() {
  XDG_CONFIG_HOME="$config" LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" "$bin" "$@" 2>>"$config/stderr"
}
field() { node -e 'const s=JSON.parse(process.argv[1]); console.log(JSON.stringify(eval("s."+process.argv[2])))' "$state" "$1"; }

state=$(run --print-state --frames 3 --state '#v=digests' --drop "$root/tests/import/english_digest.txt" \
          --screenshot "$out/native-draft-text.png" | grep '^{')
check "the dropped article opens the dialog" '[ "$(field draft.open)" = true ]'
check "its three entries are listed" '[ "$(field draft.entries.length)" = 3 ]'
check "the third one is uncertain" '[ "$(field draft.entries[2].uncertain)" = true ]'
check "the month found on the page" '[ "$(field draft.month)" = "\"2022-08\"" ]'
check "an article is not added as a digest" '[ "$(field userDigests)" = "[]" ]'
check "the screenshot was written" '[ -s "$out/native-draft-text.png" ]'

state=$(run --print-state --frames 3 --drop "$root/tests/import/html_ol.html" | grep '^{')
check "an HTML page is drafted through gumbo" '[ "$(field draft.entries.length)" = 6 ]'
check "its <a href> links are kept" '[ "$(field draft.entries[1].links.code)" = "\"https://github.com/microsoft/torchscale\"" ]'

printf '{"format": 1}' > "$config/digest.json"
state=$(run --print-state --frames 3 --drop "$root/tests/import/english_digest.txt" --drop "$config/digest.json" | grep '^{')
check "a .json dropped while the dialog is open is the article" '[ "$(field draft.article)" = "\"digest.json\"" ]'
check "and is not judged as a digest" '[ "$(field fileProblems)" = "[]" ]'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
