#!/usr/bin/env bash
# scripts/make-font.sh: the main subset plus the Symbola subset of exactly the characters WenQuanYi lacks,
# and a failing build when a character of the data or UI has no glyph in either font.
# usage: make_font.sh PAPERTIDE_BINARY REPO_ROOT   (the binary is not used; exit 77 = skipped: fonts missing)
set -euo pipefail

source "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3  # Debian's, with fontTools (as make-font.sh uses)
for f in /usr/share/fonts/truetype/wqy/wqy-microhei.ttc /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf; do
  [ -f "$f" ] || { echo "skipped: $f missing (scripts/install-deps.sh)"; exit 77; }
done
cmap() { "$PY" -c 'import sys; from fontTools.ttLib import TTFont; print(" ".join("%X" % c for c in sorted(TTFont(sys.argv[1]).getBestCmap() or {})))' "$1"; }
make_font() {  # make_font DATA_DIR UI_DIR OUT_DIR: stdout/stderr/rc like run
  set +e
  bash "$ROOT/scripts/make-font.sh" "$3/font.ttf" "$1" "$2" "$3/LICENSE.txt" "$3/symbols.ttf" >"$TMP/out" 2>"$TMP/err"
  rc=$?
  set -e
}

# 1. The bundled data and UI: succeeds; the fallback holds exactly what the main font lacks.
mkdir -p "$TMP/real"
make_font "$DATA" "$ROOT/src/ui" "$TMP/real"
check "bundled data: exit 0" test "$rc" -eq 0
check "bundled data: both fonts written" test -s "$TMP/real/font.ttf" -a -s "$TMP/real/symbols.ttf"
main=" $(cmap "$TMP/real/font.ttf") "
symbols=$(cmap "$TMP/real/symbols.ttf")
for cp in 1F4A1 1F917 1F4B8 1F911 2753 2075; do  # 💡 🤗 💸 🤑 ❓ ⁵ (the corpus has them)
  check "bundled data: U+$cp comes from the fallback" grep -qw "$cp" <<<"$symbols"
  check "bundled data: U+$cp is not in the main font" test "${main/ $cp /}" = "$main"
done
check "bundled data: the fallback has nothing the main font has (but U+FFFD)" \
  test -z "$(for c in $symbols; do [ "$c" = FFFD ] || [ "${main/ $c /}" = "$main" ] || echo "$c"; done)"
check "bundled data: the licence names both fonts" grep -q "Symbola" "$TMP/real/LICENSE.txt"

# 2. A digest with a character neither font has (U+1FA90 RINGED PLANET): the step fails and says where.
mkdir -p "$TMP/bad/digests" "$TMP/bad-out"
printf '{"title": "ok",\n "summary": "a ringed planet \xf0\x9f\xaa\x90 here"}\n' >"$TMP/bad/digests/x.json"
check "precondition: neither font has U+1FA90" test -z "$("$PY" -c '
from fontTools.ttLib import TTFont
for f, n in (("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0), ("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf", 0)):
    if 0x1FA90 in TTFont(f, fontNumber=n).getBestCmap(): print(f)')"
make_font "$TMP/bad" "$ROOT/src/ui" "$TMP/bad-out"
check "unknown character: exit 1" test "$rc" -eq 1
check "unknown character: named with its code point" stderr_has "U+1FA90"
check "unknown character: and where it occurs (file:line)" stderr_has "$TMP/bad/digests/x.json:2"
check "unknown character: no font written" test ! -e "$TMP/bad-out/font.ttf"

# 3. The same through a \u escape (a surrogate pair in JSON) and in UI sources.
mkdir -p "$TMP/esc/digests" "$TMP/ui" "$TMP/esc-out"
printf '{"title": "planet \\ud83e\\ude90"}\n' >"$TMP/esc/digests/y.json"
make_font "$TMP/esc" "$TMP/ui" "$TMP/esc-out"
check "escaped character: exit 1" test "$rc" -eq 1
check "escaped character: the file is named" stderr_has "$TMP/esc/digests/y.json (as a \\u escape)"
printf '// ui\nconst char* k = "\xf0\x9f\xaa\x90";\n' >"$TMP/ui/view.cpp"
make_font "$TMP/real-empty" "$TMP/ui" "$TMP/esc-out"
check "UI character: exit 1" test "$rc" -eq 1
check "UI character: file and line" stderr_has "$TMP/ui/view.cpp:2"

finish
