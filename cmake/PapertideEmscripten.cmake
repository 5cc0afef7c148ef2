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
