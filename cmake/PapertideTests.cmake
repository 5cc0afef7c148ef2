# PapertideTests.cmake - everything CTest runs in the native build tree (build/native):
#   unit             doctest runner built from tests/unit/*.cpp (links core, app, io and import: no ImGui)
#   cli/<name>       each tests/cli/*.sh, called with $1 = papertide binary, $2 = repo root
#   layering         no ImGui/SDL/GL/Emscripten below their layer (cmake/CheckLayering.cmake)
#   native-smoke     tests/native/smoke.sh under Xvfb: screenshot + idle frame count
#   web/<name>       each tests/web/*.test.mjs (node --test + playwright-core + /usr/bin/chromium)
# A test that lacks its tools (xvfb-run, chromium, the web build) exits 77 and shows as skipped,
# unless PAPERTIDE_REQUIRE_ALL_TESTS=1 (scripts/test.sh sets it), which turns that into a failure.
set(_test_output "${PROJECT_BINARY_DIR}/test-output")
set(_root "${PROJECT_SOURCE_DIR}")

# --- doctest units -----------------------------------------------------------------------------------
file(GLOB PAPERTIDE_UNIT_SOURCES CONFIGURE_DEPENDS "${_root}/tests/unit/*.cpp")
set(_has_main OFF)
foreach(file IN LISTS PAPERTIDE_UNIT_SOURCES)
  file(STRINGS "${file}" _main_lines REGEX "DOCTEST_CONFIG_IMPLEMENT")
  if(_main_lines)
    set(_has_main ON)
  endif()
endforeach()
if(NOT _has_main)
  set(_main "${PROJECT_BINARY_DIR}/generated/tests/doctest_main.cpp")
  file(CONFIGURE OUTPUT "${_main}" CONTENT
       "// Generated: doctest's own main for papertide_tests.\n#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN\n#include <doctest/doctest.h>\n")
  list(APPEND PAPERTIDE_UNIT_SOURCES "${_main}")
endif()
# The fuzz targets' harnesses (not their libFuzzer entry points) replay their seeds and regressions here.
file(GLOB PAPERTIDE_FUZZ_HARNESSES CONFIGURE_DEPENDS "${_root}/tests/fuzz/harness_*.cpp")
add_executable(papertide_tests ${PAPERTIDE_UNIT_SOURCES} ${PAPERTIDE_FUZZ_HARNESSES})
papertide_warnings(papertide_tests)
target_link_libraries(papertide_tests PRIVATE papertide_core papertide_app papertide_io papertide_import papertide::doctest)
target_compile_definitions(papertide_tests PRIVATE
  "PAPERTIDE_SOURCE_DIR=\"${_root}\"" "PAPERTIDE_TEST_DATA_DIR=\"${PAPERTIDE_DATA_DIR}\""
  "PAPERTIDE_FUZZ_DATA_DIR=\"${PAPERTIDE_DATA_DIR}\"")
set_target_properties(papertide_tests PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
# Timeouts only catch a hang: they are several times what a test takes on a busy 2-core machine (cli/search takes
# 11 s alone and 100 s at load average 8; the unit tests 14 s alone, about 40 s under ASan), never a speed limit.
add_test(NAME unit COMMAND papertide_tests)
set_tests_properties(unit PROPERTIES TIMEOUT 1200)

# --- CLI scripts -------------------------------------------------------------------------------------
file(GLOB PAPERTIDE_CLI_TESTS CONFIGURE_DEPENDS "${_root}/tests/cli/*.sh")
list(FILTER PAPERTIDE_CLI_TESTS EXCLUDE REGEX "/lib\\.sh$")  # shared helpers, not a test
foreach(script IN LISTS PAPERTIDE_CLI_TESTS)
  get_filename_component(name "${script}" NAME_WE)
  add_test(NAME cli/${name} COMMAND bash "${script}" "$<TARGET_FILE:papertide>" "${_root}")
  set_tests_properties(cli/${name} PROPERTIES TIMEOUT 900 SKIP_RETURN_CODE 77
                       ENVIRONMENT "PAPERTIDE_TEST_OUTPUT=${_test_output}/cli/${name}")
endforeach()

# --- layering ------------------------------------------------------------------------------------------
add_test(NAME layering COMMAND "${CMAKE_COMMAND}" "-DROOT=${_root}" -P "${_root}/cmake/CheckLayering.cmake")

# --- native smoke (Xvfb + Mesa llvmpipe) ---------------------------------------------------------------
add_test(NAME native-smoke
         COMMAND bash "${_root}/tests/native/smoke.sh" "$<TARGET_FILE:papertide>" "${_root}" "${_test_output}/native")
set_tests_properties(native-smoke PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77 RUN_SERIAL ON)
add_test(NAME native-user-data
         COMMAND bash "${_root}/tests/native/user-data.sh" "$<TARGET_FILE:papertide>" "${_root}" "${_test_output}/native")
set_tests_properties(native-user-data PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77 RUN_SERIAL ON)
add_test(NAME native-draft
         COMMAND bash "${_root}/tests/native/draft.sh" "$<TARGET_FILE:papertide>" "${_root}" "${_test_output}/native")
set_tests_properties(native-draft PROPERTIES TIMEOUT 600 SKIP_RETURN_CODE 77 RUN_SERIAL ON)

# --- browser tests (need the web build in PAPERTIDE_WEB_OUTPUT_DIR) ------------------------------------
# Registered whether or not node was found at configure time: tests/web/run.sh then names what is missing and
# skips (77), or fails under PAPERTIDE_REQUIRE_ALL_TESTS=1, so a missing tool never hides a test.
find_program(PAPERTIDE_NODE node)
set(_node_env "")
if(PAPERTIDE_NODE)
  set(_node_env "PAPERTIDE_NODE=${PAPERTIDE_NODE}")
endif()
file(GLOB PAPERTIDE_WEB_TESTS CONFIGURE_DEPENDS "${_root}/tests/web/*.test.mjs")
foreach(file IN LISTS PAPERTIDE_WEB_TESTS)
  get_filename_component(name "${file}" NAME)
  string(REGEX REPLACE "\\.test\\.mjs$" "" name "${name}")
  add_test(NAME web/${name} COMMAND bash "${_root}/tests/web/run.sh" "${file}")
  set_tests_properties(web/${name} PROPERTIES TIMEOUT 900 SKIP_RETURN_CODE 77 RUN_SERIAL ON
    ENVIRONMENT "PAPERTIDE_WEB_DIR=${PAPERTIDE_WEB_OUTPUT_DIR};PAPERTIDE_TEST_OUTPUT=${_test_output}/web/${name};${_node_env}")
endforeach()
