# PapertideBench.cmake - scale tooling, never shipped (docs/BENCHMARKS.md "Scale and speed"):
#   native:      papertide_synth  (library: the synthetic corpus generator, also used by the unit tests)
#                papertide-gen    (tools/synth: writes a synthetic corpus)
#                papertide-bench  (tools/bench: load, index, memory, query latency, keystrokes on one corpus)
#   Emscripten:  papertide_bench_web    -> build/bench-web/papertide-bench.{js,wasm}: the same measurements in
#                                          the browser, on the app's own core library (-Oz, as shipped)
#                papertide_bench_web_o2 -> build/bench-web/papertide-bench-o2.{js,wasm}: the core rebuilt at -O2
#                papertide_floor        -> build/bench-web/floor/: the bare ImGui page start-up is compared with
#                                          (bench/startup.mjs)
#                All are EXCLUDE_FROM_ALL: `cmake --build build/wasm --target papertide_bench_web` (scripts/bench.sh).
# Nothing here is linked into the app or copied into build/web.
set(_bench_root "${PROJECT_SOURCE_DIR}")

if(NOT EMSCRIPTEN)
  add_library(papertide_synth STATIC "${_bench_root}/tools/synth/synthetic_corpus.cpp"
              "${_bench_root}/tools/synth/digest_writer.cpp" "${_bench_root}/tools/synth/paper_maker.cpp"
              "${_bench_root}/tools/synth/json_writer.cpp" "${_bench_root}/tools/synth/vocabulary.cpp")
  target_include_directories(papertide_synth PUBLIC "${_bench_root}/tools/synth")
  target_link_libraries(papertide_synth PUBLIC papertide_core)
  papertide_warnings(papertide_synth)

  add_executable(papertide-gen "${_bench_root}/tools/synth/papertide_gen.cpp")
  target_link_libraries(papertide-gen PRIVATE papertide_synth papertide_io)
  target_compile_definitions(papertide-gen PRIVATE "PAPERTIDE_DEFAULT_DATA_DIR=\"${PAPERTIDE_DATA_DIR}\"")
  set_target_properties(papertide-gen PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
  papertide_warnings(papertide-gen)
endif()

# The measurements shared by the native and the browser benchmark (tools/bench/bench_core.*).
add_library(papertide_bench_core STATIC "${_bench_root}/tools/bench/bench_core.cpp")
target_include_directories(papertide_bench_core PUBLIC "${_bench_root}/tools/bench")
target_link_libraries(papertide_bench_core PUBLIC papertide_core)
papertide_warnings(papertide_bench_core)
if(EMSCRIPTEN)
  set_target_properties(papertide_bench_core PROPERTIES EXCLUDE_FROM_ALL ON)
  set(PAPERTIDE_BENCH_WEB_DIR "${PROJECT_SOURCE_DIR}/build/bench-web" CACHE PATH "Output of the browser benchmark")
  # The core again at -O2 (the app ships -Oz), to measure what the optimisation level costs.
  file(GLOB _core_sources CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/core/*.cpp")
  add_library(papertide_core_o2 STATIC EXCLUDE_FROM_ALL ${_core_sources})
  target_include_directories(papertide_core_o2 PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(papertide_core_o2 PUBLIC nlohmann_json::nlohmann_json)
  add_library(papertide_bench_core_o2 STATIC EXCLUDE_FROM_ALL "${_bench_root}/tools/bench/bench_core.cpp")
  target_include_directories(papertide_bench_core_o2 PUBLIC "${_bench_root}/tools/bench")
  target_link_libraries(papertide_bench_core_o2 PUBLIC papertide_core_o2)
  target_compile_options(papertide_core_o2 PRIVATE -O2)
  target_compile_options(papertide_bench_core_o2 PRIVATE -O2)
  foreach(variant IN ITEMS "" "_o2")
    string(REPLACE "_" "-" suffix "${variant}")
    add_executable(papertide_bench_web${variant} EXCLUDE_FROM_ALL "${_bench_root}/tools/bench/bench_web.cpp")
    target_link_libraries(papertide_bench_web${variant} PRIVATE papertide_bench_core${variant})
    papertide_warnings(papertide_bench_web${variant})
    set_target_properties(papertide_bench_web${variant} PROPERTIES
      OUTPUT_NAME "papertide-bench${suffix}" SUFFIX ".js" RUNTIME_OUTPUT_DIRECTORY "${PAPERTIDE_BENCH_WEB_DIR}")
    target_link_options(papertide_bench_web${variant} PRIVATE
      -sMODULARIZE=1 -sEXPORT_ES6=1 -sEXPORT_NAME=PapertideBench -sENVIRONMENT=web
      -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB
      -sEXPORTED_FUNCTIONS=_malloc,_free -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString)
  endforeach()
  # Function names kept (no cost in speed): a Chrome DevTools profile of this variant shows the C++ functions.
  target_link_options(papertide_bench_web_o2 PRIVATE -O2 --profiling-funcs)
  # The start-up floor (bench/startup.mjs): ImGui + SDL2 + WebGL2, the same font subset and atlas code, one
  # window; the app's link flags for WebGL and memory. -> build/bench-web/floor/ with bench/floor/index.html.
  add_executable(papertide_floor EXCLUDE_FROM_ALL "${_bench_root}/tools/bench/floor_page.cpp"
                 "${PROJECT_SOURCE_DIR}/src/ui/fonts.cpp")
  target_include_directories(papertide_floor PRIVATE "${PROJECT_SOURCE_DIR}/src")
  target_link_libraries(papertide_floor PRIVATE imgui papertide::sdl2 papertide::gl)
  add_dependencies(papertide_floor papertide_font)
  papertide_warnings(papertide_floor)
  set_target_properties(papertide_floor PROPERTIES OUTPUT_NAME "papertide-floor" SUFFIX ".js"
                        RUNTIME_OUTPUT_DIRECTORY "${PAPERTIDE_BENCH_WEB_DIR}/floor")
  target_link_options(papertide_floor PRIVATE ${PAPERTIDE_WEB_RUNTIME_FLAGS} "SHELL:--preload-file \"${PAPERTIDE_FONT_FILE}@/fonts/papertide-font.ttf\""
    "SHELL:--preload-file \"${PAPERTIDE_SYMBOL_FONT_FILE}@/fonts/papertide-symbols.ttf\"")
  add_custom_command(TARGET papertide_floor POST_BUILD
    COMMAND "${CMAKE_COMMAND}" -E copy_if_different "${_bench_root}/bench/floor/index.html" "${PAPERTIDE_BENCH_WEB_DIR}/floor/")
else()
  add_executable(papertide-bench "${_bench_root}/tools/bench/papertide_bench.cpp")
  target_link_libraries(papertide-bench PRIVATE papertide_bench_core papertide_io)
  target_compile_definitions(papertide-bench PRIVATE "PAPERTIDE_SOURCE_DIR=\"${_bench_root}\"")
  set_target_properties(papertide-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
  papertide_warnings(papertide-bench)

  # Start-up from JSON versus from a snapshot, one path per process (docs/SNAPSHOT.md).
  add_executable(papertide-snapshot-bench "${_bench_root}/tools/bench/snapshot_bench.cpp")
  target_link_libraries(papertide-snapshot-bench PRIVATE papertide_core papertide_io)
  set_target_properties(papertide-snapshot-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
  papertide_warnings(papertide-snapshot-bench)

  # The real window (src/platform's AppHost, compiled in again; its main loop left out) typing into a corpus.
  file(GLOB _frame_platform CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/src/platform/*.cpp")
  list(FILTER _frame_platform EXCLUDE REGEX "(_web|main_loop_native)\\.cpp$")
  add_executable(papertide-frames "${_bench_root}/tools/bench/frame_bench.cpp" ${_frame_platform})
  target_include_directories(papertide-frames PRIVATE "${PROJECT_SOURCE_DIR}/src/platform" "${PROJECT_BINARY_DIR}/generated/platform")
  target_link_libraries(papertide-frames PRIVATE papertide_ui papertide_io papertide::sdl2 Threads::Threads)
  target_compile_definitions(papertide-frames PRIVATE "PAPERTIDE_DEFAULT_FONT_FILE=\"${PAPERTIDE_FONT_FILE}\"")
  add_dependencies(papertide-frames papertide_font)
  set_target_properties(papertide-frames PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
endif()

# The unit tests generate small synthetic corpora in-process (tests/unit/test_synthetic_scale.cpp).
if(TARGET papertide_tests)
  target_link_libraries(papertide_tests PRIVATE papertide_synth)
endif()

# A tiny end-to-end run for CTest (a few seconds; no timing is asserted): generate 1k papers, validate, bench once.
if(NOT EMSCRIPTEN AND BUILD_TESTING AND TARGET papertide)
  add_test(NAME bench/smoke
           COMMAND bash "${_bench_root}/tests/bench/smoke.sh" "$<TARGET_FILE:papertide-gen>" "$<TARGET_FILE:papertide-bench>"
                   "$<TARGET_FILE:papertide>" "${PROJECT_BINARY_DIR}/test-output/bench")
  set_tests_properties(bench/smoke PROPERTIES TIMEOUT 600)
endif()
