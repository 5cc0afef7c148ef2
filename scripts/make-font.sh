#!/usr/bin/env bash
# make-font.sh - subsets WenQuanYi Micro Hei to the characters Papertide can show, plus a fallback font
# (Symbola) subset to exactly the characters WenQuanYi lacks (emoji, superscript digits, ...).
#   scripts/make-font.sh OUT.ttf DATA_DIR UI_DIR[:UI_DIR...] [LICENSE_OUT [SYMBOLS_OUT.ttf]]
# Keeps: every character in DATA_DIR/**/*.json (decoded, so \uXXXX escapes count too), every
# non-ASCII character in each UI_DIR/*.cpp|*.h (the UI's own strings), printable ASCII and a few symbols.
# SYMBOLS_OUT defaults to papertide-symbols.ttf beside OUT; the app merges it into the same atlas.
# Fails (exit 1) naming each character and where it occurs when neither font has a glyph for it.
# Outputs are rewritten only when they change, so an unchanged font does not relink the web build.
set -euo pipefail
out=${1:?usage: make-font.sh OUT.ttf DATA_DIR UI_DIR [LICENSE_OUT [SYMBOLS_OUT.ttf]]}
data_dir=${2:?DATA_DIR}
ui_dir=${3:?UI_DIR}
license_out=${4:-}
symbols_out=${5:-$(dirname "$out")/papertide-symbols.ttf}
font=${PAPERTIDE_FONT_SOURCE:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
face=${PAPERTIDE_FONT_FACE:-0}
license=/usr/share/doc/fonts-wqy-microhei/copyright
symbol_font=${PAPERTIDE_SYMBOL_FONT_SOURCE:-/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf}
symbol_license=/usr/share/doc/fonts-symbola/copyright
python=/usr/bin/python3  # Debian's: the pyenv python on PATH lacks fontTools

[ -f "$font" ] || { echo "make-font: $font missing: apt-get install fonts-wqy-microhei" >&2; exit 1; }
[ -f "$symbol_font" ] || { echo "make-font: $symbol_font missing: apt-get install fonts-symbola" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
work=$(mktemp -d "${TMPDIR:-/tmp}/papertide-font.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The characters: one UTF-8 text file with each distinct code point once.
"$python" - "$data_dir" "$ui_dir" >"$work/chars.txt" <<'PY'
import json, pathlib, sys
data_dir = pathlib.Path(sys.argv[1])
ui_dirs = [pathlib.Path(d) for d in sys.argv[2].split(":") if d]
chars = set()
def walk(v):
    if isinstance(v, str): chars.update(v)
    elif isinstance(v, list):
        for x in v: walk(x)
    elif isinstance(v, dict):
        for k, x in v.items(): chars.update(k); walk(x)
for p in sorted(data_dir.rglob("*.json")) if data_dir.is_dir() else []:
    text = p.read_text(encoding="utf-8", errors="replace")
    try: walk(json.loads(text))
    except ValueError: chars.update(text)   # invalid JSON still shows its characters in messages
for ui_dir in ui_dirs:
    for pattern in ("*.cpp", "*.h"):
        for p in sorted(ui_dir.glob(pattern)) if ui_dir.is_dir() else []:
            chars.update(c for c in p.read_text(encoding="utf-8", errors="replace") if ord(c) > 0x7E)
chars = sorted(c for c in chars if ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF)
sys.stdout.write("".join(chars))
PY

# 2. ASCII, Latin-1 and Latin Extended-A (a reader's own digests name authors like García or Dvořák), the
#    Greek alphabet (titles), typographic symbols the UI uses, and U+FFFD (ImGui's fallback glyph).
#    … · — “ ” ‘ ’ • ✓ ★ ☆ ← ↑ → ↓ × and the ideographic space.
extra="20-7E,A0-17F,391-3A9,3B1-3C9,2014,2018,2019,201C,201D,2022,2026,2190-2193,2605,2606,2713,3000,FFFD"
# subset FONT FACE TEXT_FILE UNICODES OUT: hb-subset (or fontTools) without hinting and layout tables.
subset() {
  if command -v hb-subset >/dev/null 2>&1; then
    # --unicodes+= (not --unicodes=) after --text-file: '=' would replace the text's set.
    hb-subset --font-file="$1" --face-index="$2" --text-file="$3" ${4:+--unicodes+="$4"} \
      --no-hinting --layout-features= --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,kern,VORG,gasp \
      --output-file="$5"
  else
    "$python" -m fontTools.subset "$1" --font-number="$2" --text-file="$3" \
      ${4:+--unicodes="$(echo "$4" | sed 's/\([0-9A-F]*\)/U+\1/g')"} --no-hinting --layout-features= \
      --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,kern,VORG,gasp --output-file="$5"
  fi
  [ -s "$5" ] || { echo "make-font: subsetting $1 produced nothing" >&2; exit 1; }
}
subset "$font" "$face" "$work/chars.txt" "$extra" "$work/font.ttf"

# 3. The characters WenQuanYi lacks (emoji, superscript digits, ...) -> missing.txt; the fallback font keeps
#    exactly those. Whitespace and control/format characters need no glyph.
"$python" - "$work/chars.txt" "$work/font.ttf" >"$work/missing.txt" <<'PY'
import sys, unicodedata
from fontTools.ttLib import TTFont
wanted = set(open(sys.argv[1], encoding="utf-8").read())
cmap = TTFont(sys.argv[2]).getBestCmap()
sys.stdout.write("".join(sorted(c for c in wanted if ord(c) not in cmap and not c.isspace()
                                and unicodedata.category(c)[0] != "C")))
PY
# U+FFFD as well, so the subset always has a cmap (a font without one fails to load); merging skips it.
subset "$symbol_font" 0 "$work/missing.txt" "FFFD" "$work/symbols.ttf"

# 4. A character neither font has would show ImGui's fallback glyph: fail, naming it and where it occurs.
"$python" - "$work/missing.txt" "$work/symbols.ttf" "$data_dir" "$ui_dir" <<'PY'
import json, pathlib, sys, unicodedata
from fontTools.ttLib import TTFont
missing = open(sys.argv[1], encoding="utf-8").read()
cmap = TTFont(sys.argv[2]).getBestCmap() or {}
unshown = [c for c in missing if ord(c) not in cmap]
if not unshown:
    sys.exit(0)
data_dir = pathlib.Path(sys.argv[3])
ui_dirs = [pathlib.Path(d) for d in sys.argv[4].split(":") if d]
files = (sorted(data_dir.rglob("*.json")) if data_dir.is_dir() else []) + \
        [p for ui_dir in ui_dirs for pattern in ("*.cpp", "*.h") for p in (sorted(ui_dir.glob(pattern)) if ui_dir.is_dir() else [])]
def decoded(text):
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text
def places(c):
    found = []
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        lines = [i + 1 for i, line in enumerate(text.splitlines()) if c in line]
        if lines:
            found.append(f"{p}:{lines[0]}" + (f" (+{len(lines) - 1} more lines)" if len(lines) > 1 else ""))
        elif p.suffix == ".json" and c in decoded(text):
            found.append(f"{p} (as a \\u escape)")
    return found or ["(not found again)"]
for c in unshown:
    print(f"make-font: error: U+{ord(c):04X} {c} ({unicodedata.name(c, '?').lower()}) has no glyph in "
          f"WenQuanYi Micro Hei or Symbola; it occurs in {', '.join(places(c))}", file=sys.stderr)
print(f"make-font: {len(unshown)} character(s) cannot be shown; replace them in the data/UI text or add a font "
      "that has them (scripts/make-font.sh)", file=sys.stderr)
sys.exit(1)
PY

install_if_changed() {  # install_if_changed NEW OUT LABEL
  if ! cmp -s "$1" "$2"; then
    mv "$1" "$2.tmp$$" && mv "$2.tmp$$" "$2"
    echo "make-font: $2 ($(wc -c <"$2") bytes, $3)"
  fi
}
install_if_changed "$work/font.ttf" "$out" "$(wc -m <"$work/chars.txt") corpus/UI characters"
mkdir -p "$(dirname "$symbols_out")"
install_if_changed "$work/symbols.ttf" "$symbols_out" "$(wc -m <"$work/missing.txt") character(s) WenQuanYi lacks"
if [ -n "$license_out" ]; then
  mkdir -p "$(dirname "$license_out")"
  { echo "Papertide's font is a subset of WenQuanYi Micro Hei (Debian package fonts-wqy-microhei)."
    echo "Its licence, from $license:"; echo; cat "$license"; echo
    echo "The characters WenQuanYi Micro Hei lacks (emoji, superscript digits, ...) come from a subset of"
    echo "Symbola (Debian package fonts-symbola). Its licence, from $symbol_license:"; echo; cat "$symbol_license"
  } >"$work/license.txt"
  cmp -s "$work/license.txt" "$license_out" || mv "$work/license.txt" "$license_out"
fi
