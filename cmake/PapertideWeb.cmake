# PapertideWeb.cmake - the browser build of the papertide target: link flags, preloaded fonts, and the
# static site in PAPERTIDE_WEB_OUTPUT_DIR (build/web): index.html + papertide.{js,wasm,data} + the shell bundle.

set_target_properties(papertide PROPERTIES SUFFIX ".js")
target_link_options(papertide PRIVATE
  ${PAPERTIDE_WEB_RUNTIME_FLAGS}  # PapertideEmscripten.cmake: WebGL 2, the stack, memory growth
  -sEXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free
  -sMINIFY_HTML=0)
if(CMAKE_BUILD_TYPE STREQUAL "Debug")
  target_link_options(papertide PRIVATE -sASSERTIONS=1)
endif()

# Preloaded files (MEMFS): the fonts only, which the first frame needs. The corpus is not in the package: the page
# fetches data/corpus.snapshot beside the wasm, and the JSON files only when the app asks (PapertideShip.cmake).
# Listed as link dependencies so an edited font relinks.
target_link_options(papertide PRIVATE "SHELL:--preload-file \"${PAPERTIDE_FONT_FILE}@/fonts/papertide-font.ttf\""
                    "SHELL:--preload-file \"${PAPERTIDE_SYMBOL_FONT_FILE}@/fonts/papertide-symbols.ttf\"")
set_property(TARGET papertide APPEND PROPERTY LINK_DEPENDS "${PAPERTIDE_FONT_FILE}" "${PAPERTIDE_SYMBOL_FONT_FILE}")

# The site: emcc outputs + web/ files + the font licence, copied when any of them changes, and the page's ES
# modules (web/shell/*.js) bundled into one papertide-shell.js (scripts/ship-web.py shell).
file(GLOB PAPERTIDE_WEB_SHELL LIST_DIRECTORIES false CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/web/*")
list(FILTER PAPERTIDE_WEB_SHELL EXCLUDE REGEX "/sw\\.js$")  # a template: PapertideShip.cmake writes the real one
file(GLOB PAPERTIDE_WEB_MODULES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/web/shell/*.js")
find_program(PAPERTIDE_PYTHON NAMES python3 python REQUIRED)  # emcc itself runs on Python 3
set(_stamp "${PROJECT_BINARY_DIR}/web-site.stamp")
add_custom_command(
  OUTPUT "${_stamp}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${PAPERTIDE_WEB_OUTPUT_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E copy_if_different
          "$<TARGET_FILE_DIR:papertide>/papertide.js" "$<TARGET_FILE_DIR:papertide>/papertide.wasm"
          "$<TARGET_FILE_DIR:papertide>/papertide.data" ${PAPERTIDE_WEB_SHELL} "${PAPERTIDE_FONT_LICENSE}"
          "${PAPERTIDE_WEB_OUTPUT_DIR}/"
  COMMAND "${PAPERTIDE_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/ship-web.py" shell "${PAPERTIDE_WEB_OUTPUT_DIR}"
          --entry "${PROJECT_SOURCE_DIR}/web/shell/main.js"
  COMMAND "${CMAKE_COMMAND}" -E touch "${_stamp}"
  DEPENDS papertide ${PAPERTIDE_WEB_SHELL} ${PAPERTIDE_WEB_MODULES} "${PAPERTIDE_FONT_LICENSE}"
          "${PROJECT_SOURCE_DIR}/scripts/ship-web.py"
  COMMENT "Assembling the static site in ${PAPERTIDE_WEB_OUTPUT_DIR}"
  VERBATIM)
add_custom_target(papertide_web_site ALL DEPENDS "${_stamp}")
