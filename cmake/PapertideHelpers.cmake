# PapertideHelpers.cmake - small functions shared by the top-level CMakeLists.txt.

# Warnings for Papertide's own targets (third-party code builds with -w).
function(papertide_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wno-missing-field-initializers)
  if(PAPERTIDE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# papertide_add_library(<name> <dir relative to the source root> [extra sources...])
# A static library of every <dir>/*.cpp. The glob re-runs at build time (CONFIGURE_DEPENDS) because
# several people add files concurrently; an empty folder still yields a (placeholder) library.
include(PapertideSources)
function(papertide_add_library name dir)
  papertide_sources(sources "${PROJECT_SOURCE_DIR}" "${dir}")
  if(NOT sources)
    set(placeholder "${PROJECT_BINARY_DIR}/generated/empty/${name}.cpp")
    if(NOT EXISTS "${placeholder}")
      file(WRITE "${placeholder}" "// ${dir}/ has no sources yet; keeps ${name} a valid library.\n")
    endif()
    set(sources "${placeholder}")
  endif()
  add_library(${name} STATIC ${sources} ${ARGN})
  papertide_warnings(${name})
endfunction()
