# PapertideEmscripten.cmake - Emscripten-wide settings, included before any target is created.

# Debian's emscripten needs the environment emsdk.env sets up (writable cache, NODE_PATH for acorn).
# Bake it into every compile and link so `cmake --build build/wasm` also works from a plain shell.
if(DEFINED ENV{EM_CACHE})
  set(_papertide_em_env "${CMAKE_COMMAND}" -E env "EM_CACHE=$ENV{EM_CACHE}" "EM_FROZEN_CACHE="
      "NODE_PATH=$ENV{NODE_PATH}")
  foreach(lang IN ITEMS C CXX)
    set(CMAKE_${lang}_COMPILER_LAUNCHER ${_papertide_em_env})
    set(CMAKE_${lang}_LINKER_LAUNCHER ${_papertide_em_env})
  endforeach()
elseif(NOT DEFINED ENV{EMSDK})
  message(FATAL_ERROR "Configure the web build with the Emscripten environment: `source emsdk.env` first "
                      "(or use scripts/build-web.sh).")
endif()

# Release optimisation level for everything (SDL2 and ImGui included): measured in docs/BENCHMARKS.md.
set(PAPERTIDE_WEB_OPT "-Oz" CACHE STRING "Emscripten optimisation flag for Release builds (-O2, -O3, -Os, -Oz)")
foreach(lang IN ITEMS C CXX)
  set(CMAKE_${lang}_FLAGS_RELEASE "${PAPERTIDE_WEB_OPT} -DNDEBUG")
endforeach()
set(CMAKE_EXE_LINKER_FLAGS_RELEASE "${PAPERTIDE_WEB_OPT}")

# Exceptions: Emscripten's default (throwing aborts; no catching cost). The core parses without
# throwing (see README "Exceptions"), so nothing here turns -fexceptions on.

# The runtime the app and the floor page (PapertideBench.cmake) both link with, so that the start-up comparison is
# between equals.
set(PAPERTIDE_WEB_RUNTIME_FLAGS
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2  # WebGL2 only (GLES 3.0 context from SDL)
  # Emscripten enables every extension the browser offers when SDL makes the context current: two round trips to
  # the GPU process each, about 20 of them, at start-up while that process is busiest (150-300 ms here). The app
  # draws with WebGL 2's core alone (RGBA8 textures, GLSL ES 3.00 without #extension), so it enables none.
  -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0
  # A wasm memory never shrinks, so what it takes beyond what the app uses, the tab holds for nothing:
  # - the C stack is 512 KiB, not Emscripten's 5 MiB. Locals live in wasm's own locals; only arrays and
  #   address-taken values use this stack, and no string argument is passed on it (web/shell/bridge.js 'text').
  #   Every browser test passes with 64 KiB (and a stack check on each call), the start-up with 8 KiB.
  # - it starts at 4 MiB, not 16 (the seed corpus needs about 7), and grows by 5 % and at most 16 MiB at a time
  #   (Emscripten's default is 20 %, up to 96 MiB). The browser grows a wasm memory in place, so the extra
  #   steps cost no copies. docs/BENCHMARKS.md, sessions 11 to 13.
  -sALLOW_MEMORY_GROWTH=1
  -sTOTAL_STACK=512KB
  -sINITIAL_MEMORY=4MB
  -sMEMORY_GROWTH_GEOMETRIC_STEP=0.05
  -sMEMORY_GROWTH_GEOMETRIC_CAP=16MB)
