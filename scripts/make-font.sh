#!/usr/bin/env bash
# make-font.sh - subsets WenQuanYi Micro Hei to the characters Papertide can show.
#   scripts/make-font.sh OUT.ttf DATA_DIR UI_DIR [LICENSE_OUT]
# Keeps: every character in DATA_DIR/**/*.json (decoded, so \uXXXX escapes count too), every
# non-ASCII character in UI_DIR/*.cpp|*.h (the UI's own strings), printable ASCII and a few symbols.
# OUT is rewritten only when the subset changes, so an unchanged font does not relink the web build.
set -euo pipefail
out=${1:?usage: make-font.sh OUT.ttf DATA_DIR UI_DIR [LICENSE_OUT]}
data_dir=${2:?DATA_DIR}
ui_dir=${3:?UI_DIR}
license_out=${4:-}
font=${PAPERTIDE_FONT_SOURCE:-/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}
face=${PAPERTIDE_FONT_FACE:-0}
license=/usr/share/doc/fonts-wqy-microhei/copyright
python=/usr/bin/python3  # Debian's: the pyenv python on PATH lacks fontTools

[ -f "$font" ] || { echo "make-font: $font missing: apt-get install fonts-wqy-microhei" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
work=$(mktemp -d "${TMPDIR:-/tmp}/papertide-font.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. The characters: one UTF-8 text file with each distinct code point once.
"$python" - "$data_dir" "$ui_dir" >"$work/chars.txt" <<'PY'
import json, pathlib, sys
data_dir, ui_dir = map(pathlib.Path, sys.argv[1:3])
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
if command -v hb-subset >/dev/null 2>&1; then
  # --unicodes+= (not --unicodes=) after --text-file: '=' would replace the text's set.
  hb-subset --font-file="$font" --face-index="$face" --text-file="$work/chars.txt" --unicodes+="$extra" \
    --no-hinting --layout-features= --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,kern,VORG,gasp \
    --output-file="$work/font.ttf"
else
  "$python" -m fontTools.subset "$font" --font-number="$face" --text-file="$work/chars.txt" \
    --unicodes="$(echo "$extra" | sed 's/\([0-9A-F]*\)/U+\1/g')" --no-hinting --layout-features= \
    --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx,kern,VORG,gasp --output-file="$work/font.ttf"
fi
[ -s "$work/font.ttf" ] || { echo "make-font: subsetting produced nothing" >&2; exit 1; }

# 3. Characters the font cannot show (ImGui would draw its fallback glyph): name them, don't fail.
"$python" - "$work/chars.txt" "$work/font.ttf" <<'PY' || true
import sys, unicodedata
try:
    from fontTools.ttLib import TTFont
except ImportError:
    sys.exit(0)
wanted = set(open(sys.argv[1], encoding="utf-8").read())
cmap = TTFont(sys.argv[2]).getBestCmap()
missing = sorted(c for c in wanted if ord(c) not in cmap and not c.isspace() and unicodedata.category(c)[0] != "C")
if missing:
    shown = ", ".join(f"U+{ord(c):04X} {c} ({unicodedata.name(c, '?').lower()})" for c in missing[:12])
    more = f" and {len(missing) - 12} more" if len(missing) > 12 else ""
    print(f"make-font: warning: {len(missing)} character(s) not in WenQuanYi Micro Hei: {shown}{more}", file=sys.stderr)
PY

if ! cmp -s "$work/font.ttf" "$out"; then
  mv "$work/font.ttf" "$out.tmp$$" && mv "$out.tmp$$" "$out"
  echo "make-font: $out ($(wc -c <"$out") bytes, $(wc -m <"$work/chars.txt") corpus/UI characters)"
fi
if [ -n "$license_out" ]; then
  mkdir -p "$(dirname "$license_out")"
  { echo "Papertide's font is a subset of WenQuanYi Micro Hei (Debian package fonts-wqy-microhei)."
    echo "Its licence, from $license:"; echo; cat "$license"; } >"$work/license.txt"
  cmp -s "$work/license.txt" "$license_out" || mv "$work/license.txt" "$license_out"
fi
