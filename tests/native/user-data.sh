#!/usr/bin/env bash
# user-data.sh BINARY REPO_ROOT - the native window with what a reader keeps in the config folder: digests
# added earlier (one valid, one broken: refused with a located message, not deleted), damaged settings
# values (ignored with a warning, the others kept), and a phone-sized screenshot of the digests view.
set -euo pipefail
bin=${1:?binary}; root=${2:?repo root}; out=${3:-$root/build/test-output/native}
# shellcheck source=lib.sh
source "$root/tests/native/lib.sh"  # skip or fail without Xvfb or node
mkdir -p "$out"
config=$(mktemp -d); trap 'rm -rf "$config"' EXIT
mkdir -p "$config/papertide/digests"
cat > "$config/papertide/digests/reader.json" <<'JSON'
{"format": 1, "id": "reader-native", "month": "2023-05", "title": "读者的摘要", "source": "Reader",
 "language": "zh-Hans", "sections": [{"id": "main", "title": "本月"}],
 "papers": [{"id": "reader-native-paper", "section": "main", "title": "Native Reader Paper",
             "authors": ["Ada Reader"], "topics": ["retrieval"]}]}
JSON
printf '{broken' > "$config/papertide/digests/broken.json"
printf 'papertide.bookmarks={"version":1,"papers":["arxiv:2205.06175"\npapertide.read={"version":1,"papers":["arxiv:2303.01469"]}\n' \
  > "$config/papertide/settings.txt"

pass=0 fail=0
check() { if eval "$2"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $1"; fi; }
run() {
  XDG_CONFIG_HOME="$config" LIBGL_ALWAYS_SOFTWARE=1 timeout 120 xvfb-run -a -s "-screen 0 1280x900x24" "$bin" "$@" 2>"$config/stderr"
}
state=$(run --print-state --frames 3 --width 390 --height 844 --state '#v=digests' --screenshot "$out/native-phone-digests.png" | grep '^{')
field() { node -e 'const s=JSON.parse(process.argv[1]); console.log(JSON.stringify(eval("s."+process.argv[2])))' "$state" "$1"; }
check "6 digests (5 bundled + the reader's)" '[ "$(field digests)" = 6 ]'
check "the reader digest is listed" '[ "$(field userDigests)" = "[\"reader.json\"]" ]'
check "the broken file is refused with a location" '[[ "$(field fileProblems)" == *"broken.json:1:2: /: invalid JSON"* ]]'
check "the broken file is not deleted" '[ -f "$config/papertide/digests/broken.json" ]'
check "damaged bookmarks ignored" '[ "$(field bookmarks)" = "[]" ]'
check "intact read marks kept" '[ "$(field readCount)" = 1 ]'
check "a warning names the damaged value" 'grep -q "papertide.bookmarks" "$config/stderr"'
check "the phone screenshot was written" '[ -s "$out/native-phone-digests.png" ]'
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
