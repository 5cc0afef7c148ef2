#!/usr/bin/env bash
# Installs everything Papertide needs on a fresh Debian 12 machine: Debian packages,
# Debian source packages (Dear ImGui 1.86, SDL2 2.26.5) unpacked into build/deps/,
# and the npm dev-dependencies. Safe to re-run: every step checks before it acts.
#   PAPERTIDE_DEPS=web   only what the web build needs (no native/test packages, no npm), e.g. for
#                        .github/workflows/pages.yml. With an activated emsdk (EMSDK set), Debian's
#                        emscripten package (and Node.js, which emsdk brings) is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS="$ROOT/build/deps"

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

WEB_ONLY=0; [ "${PAPERTIDE_DEPS:-all}" = web ] && WEB_ONLY=1
APT_PACKAGES=(
  build-essential cmake pkg-config dpkg-dev ninja-build
  nlohmann-json3-dev
  libgumbo-dev  # HTML parser of `papertide import` (src/import/html/html_lines_gumbo.cpp)
  fonts-wqy-microhei libharfbuzz-bin python3-fonttools
  fonts-symbola  # glyphs WenQuanYi lacks (emoji, superscript digits), merged into the atlas (scripts/make-font.sh)
)
[ -z "${EMSDK:-}" ] && APT_PACKAGES+=(emscripten)
[ $WEB_ONLY = 0 ] && APT_PACKAGES+=(libsdl2-dev doctest-dev xvfb xauth libgl1-mesa-dri mesa-utils chromium imagemagick)
[ $WEB_ONLY = 0 ] && APT_PACKAGES+=(clang-14 libclang-rt-14-dev llvm-14)  # libFuzzer, sanitizer runtimes, llvm-symbolizer (fuzz.sh, sanitize.sh)

# Node.js: any machine-provided node >= 18 is used; otherwise Debian's (18, which also searches
# /usr/share/nodejs for emscripten's acorn).
if [ $WEB_ONLY = 0 ] || [ -z "${EMSDK:-}" ]; then
  command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs)
  command -v npm >/dev/null 2>&1 || APT_PACKAGES+=(npm)
fi

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

# Source packages need a deb-src line mirroring the existing deb entry.
SRC_LIST=/etc/apt/sources.list.d/papertide-src.sources
need_update=0
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  $SUDO tee "$SRC_LIST" >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  need_update=1
fi

# apt-get, waiting (up to 15 minutes) while another apt run holds apt's locks, e.g. the README's other command
# installing at the same moment on a fresh machine. DPkg::Lock::Timeout covers dpkg's lock; the lists lock of
# `apt-get update` is not covered by it, so a lock failure is retried.
apt_get() {
  local deadline=$((SECONDS + 900)) err
  err=$(mktemp)
  until $SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 "$@" 2>"$err"; do
    if ! grep -qi 'could not get lock\|unable to lock\|is held by process' "$err" || [ $SECONDS -ge $deadline ]; then
      cat "$err" >&2; rm -f "$err"; return 1
    fi
    echo "install-deps: another apt run holds apt's lock; waiting" >&2
    sleep 5
  done
  cat "$err" >&2; rm -f "$err"
}

if [ ${#missing[@]} -gt 0 ] || [ $need_update = 1 ] || [ ! -d "$DEPS/imgui" ] || [ ! -d "$DEPS/SDL2" ]; then
  apt_get update -qq
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  apt_get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Unpack a Debian source package once into build/deps/<name>.
fetch_source() {  # $1 = Debian source package, $2 = folder name under build/deps
  local pkg=$1 name=$2
  [ -f "$DEPS/$name/.papertide-unpacked" ] && return 0
  rm -rf "$DEPS/$name" "$DEPS/tmp-$name"
  mkdir -p "$DEPS/tmp-$name"
  (cd "$DEPS/tmp-$name" && apt-get source -qq "$pkg" >/dev/null 2>&1)
  local dir
  dir=$(find "$DEPS/tmp-$name" -mindepth 1 -maxdepth 1 -type d | head -n1)
  [ -n "$dir" ] || { echo "install-deps: apt-get source $pkg failed" >&2; exit 1; }
  mv "$dir" "$DEPS/$name"
  rm -rf "$DEPS/tmp-$name"
  touch "$DEPS/$name/.papertide-unpacked"
}
mkdir -p "$DEPS"
fetch_source imgui imgui
fetch_source libsdl2 SDL2
# gumbo-parser's source, compiled for the web build (cmake/PapertideImport.cmake). Optional: without it the
# web build refuses HTML articles with a message (text and Markdown still import), so a mirror that lacks
# the source package does not stop the install.
( fetch_source gumbo-parser gumbo ) || echo "install-deps: warning: gumbo-parser source not available; the web build will not import HTML" >&2

# npm dev-dependencies (playwright-core drives Debian's chromium; no browser download).
if [ -f package-lock.json ] && [ $WEB_ONLY = 0 ]; then
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  fi
fi
echo "install-deps: ok"
