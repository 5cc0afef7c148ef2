# PapertideFuzz.cmake - libFuzzer targets (tests/fuzz/fuzz_<target>.cpp), only with -DPAPERTIDE_FUZZ=ON and clang:
#   cmake -S . -B build/fuzz -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
#         -DPAPERTIDE_FUZZ=ON -DBUILD_TESTING=OFF && cmake --build build/fuzz --target papertide_fuzzers
# (scripts/fuzz.sh does this and runs them). The core is compiled a second time, into papertide_core_fuzz,
# with coverage instrumentation and ASan + UBSan; the ordinary targets of the tree are left as they are.
option(PAPERTIDE_FUZZ "Build the libFuzzer targets of tests/fuzz (clang only; see scripts/fuzz.sh)" OFF)
if(NOT PAPERTIDE_FUZZ)
  return()
endif()
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR EMSCRIPTEN)
  message(FATAL_ERROR "PAPERTIDE_FUZZ needs clang (e.g. -DCMAKE_CXX_COMPILER=clang++-14), not ${CMAKE_CXX_COMPILER_ID}")
endif()

set(PAPERTIDE_FUZZ_TARGETS digest view_state search reader_data snapshot import)
set(_fuzz_flags -O2 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
    -D_GLIBCXX_ASSERTIONS)

file(GLOB _fuzz_core_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/core/*.cpp")
add_library(papertide_core_fuzz STATIC ${_fuzz_core_sources})
papertide_warnings(papertide_core_fuzz)
target_include_directories(papertide_core_fuzz PUBLIC "${PROJECT_SOURCE_DIR}/src")
target_link_libraries(papertide_core_fuzz PUBLIC nlohmann_json::nlohmann_json)
target_compile_options(papertide_core_fuzz PUBLIC ${_fuzz_flags} -fsanitize=fuzzer-no-link)

set(_fuzzers "")
foreach(name IN LISTS PAPERTIDE_FUZZ_TARGETS)
  # The harness itself is shared with the unit tests' replay (PapertideTests.cmake); a broken invariant aborts here.
  set(_dir "${PROJECT_SOURCE_DIR}/tests/fuzz")
  add_executable(fuzz_${name} "${_dir}/fuzz_${name}.cpp" "${_dir}/harness_${name}.cpp" "${_dir}/harness_support.cpp"
                              "${_dir}/invariant_abort.cpp")
  papertide_warnings(fuzz_${name})
  target_link_libraries(fuzz_${name} PRIVATE papertide_core_fuzz)
  target_compile_definitions(fuzz_${name} PRIVATE "PAPERTIDE_FUZZ_DATA_DIR=\"${PAPERTIDE_DATA_DIR}\"")
  target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  set_target_properties(fuzz_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
  list(APPEND _fuzzers fuzz_${name})
endforeach()
# fuzz_import also needs src/import, instrumented the same way (with gumbo-parser when libgumbo-dev is there).
file(GLOB _fuzz_import_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/import/*.cpp")
if(TARGET papertide_gumbo)
  list(APPEND _fuzz_import_sources "${PROJECT_SOURCE_DIR}/src/import/html/html_lines_gumbo.cpp")
else()
  list(APPEND _fuzz_import_sources "${PROJECT_SOURCE_DIR}/src/import/html/html_lines_unavailable.cpp")
endif()
add_library(papertide_import_fuzz STATIC ${_fuzz_import_sources})
papertide_warnings(papertide_import_fuzz)
target_link_libraries(papertide_import_fuzz PUBLIC papertide_core_fuzz)
if(TARGET papertide_gumbo)
  target_link_libraries(papertide_import_fuzz PRIVATE papertide_gumbo)
endif()
target_link_libraries(fuzz_import PRIVATE papertide_import_fuzz)
add_custom_target(papertide_fuzzers DEPENDS ${_fuzzers})
