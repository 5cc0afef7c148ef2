# Dependencies.cmake - third-party inputs, the same target names for both builds:
#   nlohmann_json::nlohmann_json, papertide::doctest (native only), papertide::sdl2, papertide::gl, imgui.
# Nothing is vendored: headers and libraries come from Debian packages, ImGui and (for the web) SDL2
# from Debian source packages unpacked by scripts/install-deps.sh into build/deps/.

set(PAPERTIDE_DEPS_DIR "${PROJECT_SOURCE_DIR}/build/deps" CACHE PATH
    "Unpacked Debian source packages (imgui/, SDL2/), made by scripts/install-deps.sh")
set(PAPERTIDE_SYSTEM_INCLUDE_DIR "/usr/include" CACHE PATH
    "Where Debian's nlohmann-json3-dev and doctest-dev headers live")

set(PAPERTIDE_IMGUI_DIR "${PAPERTIDE_DEPS_DIR}/imgui")
set(PAPERTIDE_SDL2_SOURCE_DIR "${PAPERTIDE_DEPS_DIR}/SDL2")
foreach(required IN ITEMS "${PAPERTIDE_IMGUI_DIR}/imgui.cpp" "${PAPERTIDE_IMGUI_DIR}/backends/imgui_impl_sdl.cpp")
  if(NOT EXISTS "${required}")
    message(FATAL_ERROR "Missing ${required}: run `bash scripts/install-deps.sh` first.")
  endif()
endforeach()

# The app relies on these exact versions' internals (ImGui 1.86's input handling and backends, SDL 2.26's wheel
# and touch events): a different version must stop the configure, not build into subtle misbehaviour.
file(STRINGS "${PAPERTIDE_IMGUI_DIR}/imgui.h" _imgui_version REGEX "^#define IMGUI_VERSION +\"")
string(REGEX REPLACE ".*\"([^\"]+)\".*" "\\1" _imgui_version "${_imgui_version}")
if(NOT _imgui_version STREQUAL "1.86")
  message(FATAL_ERROR "Dear ImGui ${_imgui_version} found in ${PAPERTIDE_IMGUI_DIR}; Papertide needs 1.86 "
                      "(Debian 12's imgui source package): remove build/deps/imgui and run `bash scripts/install-deps.sh`.")
endif()
function(papertide_require_sdl_2_26 version where)
  if(NOT version MATCHES "^2\\.26\\.")
    message(FATAL_ERROR "SDL2 ${version} found (${where}); Papertide needs 2.26.x (Debian 12's libsdl2-dev / libsdl2 "
                        "source package): run `bash scripts/install-deps.sh`.")
  endif()
endfunction()

if(EMSCRIPTEN)
  # find_package only searches Emscripten's sysroot, and -I/usr/include would let glibc's headers
  # shadow Emscripten's libc: expose just the two header trees through links in the build tree.
  set(_sysdeps "${PROJECT_BINARY_DIR}/sysdeps-include")
  file(MAKE_DIRECTORY "${_sysdeps}")
  foreach(dir IN ITEMS nlohmann doctest)
    if(NOT EXISTS "${_sysdeps}/${dir}" AND EXISTS "${PAPERTIDE_SYSTEM_INCLUDE_DIR}/${dir}")
      file(CREATE_LINK "${PAPERTIDE_SYSTEM_INCLUDE_DIR}/${dir}" "${_sysdeps}/${dir}" SYMBOLIC)
    endif()
  endforeach()
  if(NOT EXISTS "${_sysdeps}/nlohmann/json.hpp")
    message(FATAL_ERROR "nlohmann/json.hpp not found under ${PAPERTIDE_SYSTEM_INCLUDE_DIR}: install nlohmann-json3-dev")
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_sysdeps}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)

  # SDL2 2.26.5 from the Debian source package, built as a static library for the browser.
  # (Emscripten's -sUSE_SDL=2 port downloads from the internet and targets SDL 2.0.20: not used.)
  # Subsystems the app never uses are switched off: smaller wasm, fewer checks.
  foreach(opt IN ITEMS SDL_SHARED SDL_TEST SDL_AUDIO SDL_HAPTIC SDL_SENSOR SDL_POWER SDL_RENDER SDL_HIDAPI SDL_INSTALL_TESTS)
    set(${opt} OFF CACHE BOOL "" FORCE)
  endforeach()
  set(SDL_STATIC ON CACHE BOOL "" FORCE)
  if(NOT EXISTS "${PAPERTIDE_SDL2_SOURCE_DIR}/CMakeLists.txt")
    message(FATAL_ERROR "Missing ${PAPERTIDE_SDL2_SOURCE_DIR}: run `bash scripts/install-deps.sh` first.")
  endif()
  file(STRINGS "${PAPERTIDE_SDL2_SOURCE_DIR}/include/SDL_version.h" _sdl_parts REGEX "^#define SDL_(MAJOR_VERSION|MINOR_VERSION|PATCHLEVEL) +[0-9]+")
  string(REGEX REPLACE ".*MAJOR_VERSION +([0-9]+).*MINOR_VERSION +([0-9]+).*PATCHLEVEL +([0-9]+).*" "\\1.\\2.\\3" _sdl_version "${_sdl_parts}")
  papertide_require_sdl_2_26("${_sdl_version}" "${PAPERTIDE_SDL2_SOURCE_DIR}")
  # Not SYSTEM: -I must beat the SDL 1.x headers in Emscripten's sysroot (include/SDL).
  add_subdirectory("${PAPERTIDE_SDL2_SOURCE_DIR}" "${PROJECT_BINARY_DIR}/SDL2" EXCLUDE_FROM_ALL)
  add_library(papertide_sdl2 INTERFACE)
  target_link_libraries(papertide_sdl2 INTERFACE SDL2::SDL2-static)
  add_library(papertide::sdl2 ALIAS papertide_sdl2)

  # WebGL2 is provided by Emscripten's GL library; the link flags live on the executable.
  add_library(papertide_gl INTERFACE)
  target_compile_definitions(papertide_gl INTERFACE PAPERTIDE_GL_ES3=1)
  add_library(papertide::gl ALIAS papertide_gl)
else()
  find_package(nlohmann_json 3.10 CONFIG REQUIRED)
  find_package(doctest 2.4 CONFIG REQUIRED)
  add_library(papertide_doctest INTERFACE)
  target_link_libraries(papertide_doctest INTERFACE doctest::doctest)
  add_library(papertide::doctest ALIAS papertide_doctest)

  find_package(SDL2 2.0.17 CONFIG REQUIRED)
  papertide_require_sdl_2_26("${SDL2_VERSION}" "${SDL2_DIR}")
  add_library(papertide_sdl2 INTERFACE)
  if(TARGET SDL2::SDL2)
    target_link_libraries(papertide_sdl2 INTERFACE SDL2::SDL2)
  else()
    target_include_directories(papertide_sdl2 SYSTEM INTERFACE ${SDL2_INCLUDE_DIRS})
    target_link_libraries(papertide_sdl2 INTERFACE ${SDL2_LIBRARIES})
  endif()
  add_library(papertide::sdl2 ALIAS papertide_sdl2)

  set(OpenGL_GL_PREFERENCE GLVND)
  find_package(OpenGL REQUIRED COMPONENTS OpenGL)
  add_library(papertide_gl INTERFACE)
  target_link_libraries(papertide_gl INTERFACE OpenGL::GL)
  add_library(papertide::gl ALIAS papertide_gl)
endif()

# Dear ImGui 1.86 (Debian source package): core + SDL2 and OpenGL3 backends. Warnings are not ours.
add_library(imgui STATIC
  "${PAPERTIDE_IMGUI_DIR}/imgui.cpp"
  "${PAPERTIDE_IMGUI_DIR}/imgui_draw.cpp"
  "${PAPERTIDE_IMGUI_DIR}/imgui_tables.cpp"
  "${PAPERTIDE_IMGUI_DIR}/imgui_widgets.cpp"
  "${PAPERTIDE_IMGUI_DIR}/backends/imgui_impl_sdl.cpp"
  "${PAPERTIDE_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp"
  "${PAPERTIDE_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp")  # InputText on a std::string (the article box)
target_include_directories(imgui SYSTEM PUBLIC "${PAPERTIDE_IMGUI_DIR}" "${PAPERTIDE_IMGUI_DIR}/backends"
                           "${PAPERTIDE_IMGUI_DIR}/misc/cpp")
target_link_libraries(imgui PUBLIC papertide::sdl2 papertide::gl)
target_compile_options(imgui PRIVATE -w)
# 32-bit ImWchar: the corpus has emoji beyond the BMP (U+1F4A1 ...), drawn from the merged symbol font.
target_compile_definitions(imgui PUBLIC IMGUI_USE_WCHAR32)
if(EMSCRIPTEN)
  # Without this the 1.86 OpenGL3 backend picks GLES2/WebGL1 under Emscripten.
  target_compile_definitions(imgui PUBLIC IMGUI_IMPL_OPENGL_ES3)
else()
  target_link_libraries(imgui PRIVATE ${CMAKE_DL_LIBS})  # the backend's GL loader dlopen()s libGL
endif()
