#!/usr/bin/env bash
# smoke.sh - the native window under Xvfb with Mesa's software GL (llvmpipe):
#   1. --screenshot: the PNG exists and is not blank (many distinct colours, via ImageMagick)
#   2. --idle-report 5: an idle window renders only a handful of frames (< 10) in 5 seconds
#   3. --check-shaders: every embedded shaders/<name>.vert + .frag pair compiles and links (GL 3.3 core)
#   4. the timeline wrapped into bands of 4 months (as when a corpus has more months than the GPU's widest
#      texture) draws exactly the same pixels as the unwrapped one (ImageMagick's compare); both frames must
#      come from the shader ("renderer":"gl" in the printed state), not from the ImGui fallback
#   5. the fallback forced (PAPERTIDE_TIMELINE_RENDERER=imgui) reports "imgui" and draws the cells: the grid's
#      rectangle of its screenshot holds the topic colours, not an empty background
# usage: smoke.sh PAPERTIDE_BINARY REPO_ROOT [OUTPUT_DIR]     (exit 77 = skipped: no xvfb-run/identify;
#        with PAPERTIDE_REQUIRE_ALL_TESTS=1 a missing tool fails the run instead)
set -euo pipefail
bin=${1:?usage: smoke.sh PAPERTIDE_BINARY REPO_ROOT [OUTPUT_DIR]}
root=${2:?REPO_ROOT}
out=${3:-$root/build/test-output/native}

skip() {
  echo "skipped: $*"
  [ "${PAPERTIDE_REQUIRE_ALL_TESTS:-0}" = 1 ] && exit 1
  exit 77
}
command -v xvfb-run >/dev/null 2>&1 || skip "xvfb-run missing (apt-get install xvfb xauth)"
command -v python3 >/dev/null 2>&1 || skip "python3 missing (apt-get install python3)"
command -v identify >/dev/null 2>&1 || skip "ImageMagick's identify missing (apt-get install imagemagick)"
command -v convert >/dev/null 2>&1 || skip "ImageMagick's convert missing (apt-get install imagemagick)"
command -v compare >/dev/null 2>&1 || skip "ImageMagick's compare missing (apt-get install imagemagick)"

mkdir -p "$out"
config=$(mktemp -d "${TMPDIR:-/tmp}/papertide-smoke.XXXXXX")
trap 'rm -rf "$config"' EXIT
export XDG_CONFIG_HOME="$config"   # never touch the user's real settings
export LIBGL_ALWAYS_SOFTWARE=1
x() { xvfb-run -a -s "-screen 0 1280x800x24" "$@"; }

# 1. Screenshot.
png="$out/native-smoke.png"
rm -f "$png"
renderer_of() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])["timeline"]["renderer"])' "$1"; }
state=$(x "$bin" --width 1280 --height 800 --screenshot "$png" --print-state --frames 5 | grep '^{')
[ -s "$png" ] || { echo "FAIL: no screenshot at $png"; exit 1; }
colours=$(identify -format '%k' "$png")
size=$(identify -format '%wx%h' "$png")
echo "screenshot: $png ($size, $colours colours)"
[ "$colours" -ge 32 ] || { echo "FAIL: the screenshot looks blank ($colours colours)"; exit 1; }
renderer=$(renderer_of "$state")
[ "$renderer" = gl ] || { echo "FAIL: the timeline was drawn by '$renderer', not by the shader (gl)"; exit 1; }

# 2. Idle: no input for 5 s must not keep rendering.
report=$(x "$bin" --idle-report 5)
frames=$(printf '%s\n' "$report" | sed -n 's/^frames_rendered \([0-9]*\)$/\1/p')
[ -n "$frames" ] || { echo "FAIL: no 'frames_rendered N' line in: $report"; exit 1; }
echo "idle: $frames frames rendered in 5 s"
[ "$frames" -lt 10 ] || { echo "FAIL: $frames frames in 5 idle seconds (expected < 10)"; exit 1; }
printf '%s\n' "$report" | grep -qx 'timeline_renderer gl' || { echo "FAIL: --idle-report did not say 'timeline_renderer gl': $report"; exit 1; }

# 3. Shaders.
x "$bin" --check-shaders

# 4. More months than the widest texture: the same picture from the wrapped texture.
wrapped="$out/native-smoke-wrapped.png"
rm -f "$wrapped"
state=$(PAPERTIDE_TIMELINE_MAX_TEXTURE_WIDTH=4 x "$bin" --width 1280 --height 800 --screenshot "$wrapped" --print-state --frames 5 | grep '^{')
[ -s "$wrapped" ] || { echo "FAIL: no screenshot at $wrapped"; exit 1; }
renderer=$(renderer_of "$state")
[ "$renderer" = gl ] || { echo "FAIL: the wrapped timeline was drawn by '$renderer', not by the shader (gl)"; exit 1; }
differing=$(compare -metric AE "$png" "$wrapped" /dev/null 2>&1 || true)
echo "wrapped timeline texture: $differing pixel(s) differ"
[ "$differing" = 0 ] || { echo "FAIL: the timeline drawn from a wrapped texture differs ($differing pixels; $png vs $wrapped)"; exit 1; }

# 5. The ImGui fallback, forced: it must say so and draw the cells.
fallback="$out/native-smoke-fallback.png"
rm -f "$fallback"
state=$(PAPERTIDE_TIMELINE_RENDERER=imgui x "$bin" --width 1280 --height 800 --screenshot "$fallback" --print-state --frames 5 | grep '^{')
renderer=$(renderer_of "$state")
[ "$renderer" = imgui ] || { echo "FAIL: with the shaders disabled the timeline reports '$renderer', not 'imgui'"; exit 1; }
grid=$(python3 -c 'import json,sys; x,y,w,h=json.loads(sys.argv[1])["targets"]["timeline:grid"]; print("%dx%d+%d+%d" % (w,h,x,y))' "$state")
grid_colours() { convert "$1" -crop "$grid" +repage -format '%k' info:; }
fallback_colours=$(grid_colours "$fallback")
gl_colours=$(grid_colours "$png")
echo "timeline grid $grid: $gl_colours colours drawn by the shader, $fallback_colours by the ImGui fallback"
# The seed corpus has 22 topics in their own colours, faint and bright: an empty grid is one or two colours.
[ "$fallback_colours" -ge 16 ] || { echo "FAIL: the ImGui fallback drew no cells ($fallback_colours colours in $grid)"; exit 1; }

echo "smoke: native ok ($colours colours, $frames idle frames, wrapped timeline identical, fallback draws $fallback_colours colours)"
