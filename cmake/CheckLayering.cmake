# CheckLayering.cmake - script mode (cmake -DROOT=<repo> -P CheckLayering.cmake), run as CTest "layering".
# The link graph keeps core <- ui <- platform honest for symbols; this keeps #includes honest too:
#   src/core, src/io, src/cli: no ImGui, SDL, GL, Emscripten, and nothing from app/ui/gfx/platform
#   src/app:                   the application model: core only (no ImGui, SDL, GL, Emscripten, io, cli)
#   src/import:                 core only; gumbo-parser only in src/import/html/
#   src/gfx, src/ui:           no SDL, Emscripten or platform/ (GL only through gfx/gl.h); ui never reads
#                              files or runs commands itself: no io/ or cli/
#   everywhere but src/platform: no __EMSCRIPTEN__ (CMake picks per-platform files instead)
cmake_minimum_required(VERSION 3.25)
set(failures "")
set(rules
  "core|[#]include[ \t]*[<\"](imgui|SDL|GL/|GLES|emscripten|app/|ui/|gfx/|platform/|io/|cli/)"
  "io|[#]include[ \t]*[<\"](imgui|SDL|GL/|GLES|emscripten|app/|ui/|gfx/|platform/|cli/)"
  "app|[#]include[ \t]*[<\"](imgui|SDL|GL/|GLES|emscripten|ui/|gfx/|platform/|io/|cli/)"
  "import|[#]include[ \t]*[<\"](imgui|SDL|GL/|GLES|emscripten|ui/|gfx/|platform/|io/|cli/|gumbo)"
  "cli|[#]include[ \t]*[<\"](imgui|SDL|GL/|GLES|emscripten|app/|ui/|gfx/|platform/)"
  "gfx|[#]include[ \t]*[<\"](SDL|emscripten|ui/|platform/)"
  "ui|[#]include[ \t]*[<\"](SDL|GL/|GLES|emscripten|platform/|io/|cli/)")
foreach(rule IN LISTS rules)
  string(REPLACE "|" ";" parts "${rule}")
  list(GET parts 0 dir)
  string(REGEX REPLACE "^[a-z]+\\|" "" pattern "${rule}")
  file(GLOB files "${ROOT}/src/${dir}/*.h" "${ROOT}/src/${dir}/*.cpp")
  foreach(file IN LISTS files)
    file(STRINGS "${file}" hits REGEX "^[ \t]*${pattern}")
    foreach(hit IN LISTS hits)
      string(APPEND failures "  ${file}: ${hit}\n")
    endforeach()
  endforeach()
endforeach()
file(GLOB_RECURSE all "${ROOT}/src/*.h" "${ROOT}/src/*.cpp")
foreach(file IN LISTS all)
  if(NOT file MATCHES "/src/platform/")
    file(STRINGS "${file}" hits REGEX "__EMSCRIPTEN__")
    foreach(hit IN LISTS hits)
      string(APPEND failures "  ${file}: ${hit}  (Emscripten specifics belong in src/platform)\n")
    endforeach()
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "layering violations:\n${failures}")
endif()
list(LENGTH all n)
message(STATUS "layering: ok (${n} files checked)")
