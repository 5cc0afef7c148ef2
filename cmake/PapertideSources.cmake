# PapertideSources.cmake - the one source list of each layer, shared by the main build (papertide_add_library)
# and the window-less host CLI (cmake/host-cli): every <dir>/*.cpp, re-globbed at build time (CONFIGURE_DEPENDS)
# because files are added concurrently. Files that depend on an optional library live in subfolders and are
# added by name (src/import/html/).
function(papertide_sources out root)
  set(all "")
  foreach(dir IN LISTS ARGN)
    file(GLOB sources CONFIGURE_DEPENDS "${root}/${dir}/*.cpp")
    list(APPEND all ${sources})
  endforeach()
  set(${out} ${all} PARENT_SCOPE)
endfunction()
