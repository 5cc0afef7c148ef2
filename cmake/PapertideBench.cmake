# PapertideBench.cmake - scale tooling, never shipped (docs/BENCHMARKS.md "Scale and speed"):
#   native:      papertide_synth (library: the synthetic corpus generator, also used by the unit tests)
#                papertide-gen    (tools/synth: writes a synthetic corpus)
set(_bench_root "${PROJECT_SOURCE_DIR}")

if(NOT EMSCRIPTEN)
  add_library(papertide_synth STATIC "${_bench_root}/tools/synth/synthetic_corpus.cpp")
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
else()
  add_executable(papertide-bench "${_bench_root}/tools/bench/papertide_bench.cpp")
  target_link_libraries(papertide-bench PRIVATE papertide_bench_core papertide_io)
  target_compile_definitions(papertide-bench PRIVATE "PAPERTIDE_SOURCE_DIR=\"${_bench_root}\"")
  set_target_properties(papertide-bench PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}")
  papertide_warnings(papertide-bench)
endif()

# The unit tests generate small synthetic corpora in-process (tests/unit/test_synthetic_scale.cpp).
if(TARGET papertide_tests)
  target_link_libraries(papertide_tests PRIVATE papertide_synth)
endif()
