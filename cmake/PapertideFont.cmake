# PapertideFont.cmake - target papertide_font: <build tree>/font/papertide-font.ttf, a subset of WenQuanYi
# Micro Hei holding exactly the characters of data/**/*.json and the UI sources (plus ASCII and a few
# symbols), and <build tree>/font/papertide-symbols.ttf, a subset of Symbola holding exactly the characters
# WenQuanYi lacks (merged into the same ImGui atlas). The step fails when a character has no glyph in
# either. Regenerated when any of those files change; each build tree makes its own.
file(GLOB_RECURSE PAPERTIDE_DATA_JSON CONFIGURE_DEPENDS "${PAPERTIDE_DATA_DIR}/*.json")
# The strings a reader sees live in src/ui and src/app (commands, accessible view, UI strings).
file(GLOB PAPERTIDE_UI_TEXT_SOURCES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/src/ui/*.cpp" "${PROJECT_SOURCE_DIR}/src/ui/*.h"
     "${PROJECT_SOURCE_DIR}/src/app/*.cpp" "${PROJECT_SOURCE_DIR}/src/app/*.h")
get_filename_component(PAPERTIDE_FONT_DIR "${PAPERTIDE_FONT_FILE}" DIRECTORY)
set(PAPERTIDE_FONT_LICENSE "${PAPERTIDE_FONT_DIR}/FONT-LICENSE.txt")
# The app looks for this name beside the main font (src/ui/fonts.cpp).
set(PAPERTIDE_SYMBOL_FONT_FILE "${PAPERTIDE_FONT_DIR}/papertide-symbols.ttf")
add_custom_command(
  OUTPUT "${PAPERTIDE_FONT_FILE}" "${PAPERTIDE_FONT_LICENSE}" "${PAPERTIDE_SYMBOL_FONT_FILE}"
  COMMAND bash "${PROJECT_SOURCE_DIR}/scripts/make-font.sh" "${PAPERTIDE_FONT_FILE}"
          "${PAPERTIDE_DATA_DIR}" "${PROJECT_SOURCE_DIR}/src/ui:${PROJECT_SOURCE_DIR}/src/app" "${PAPERTIDE_FONT_LICENSE}"
          "${PAPERTIDE_SYMBOL_FONT_FILE}"
  DEPENDS ${PAPERTIDE_DATA_JSON} ${PAPERTIDE_UI_TEXT_SOURCES} "${PROJECT_SOURCE_DIR}/scripts/make-font.sh"
  COMMENT "Subsetting the font to the corpus and UI characters"
  VERBATIM)
add_custom_target(papertide_font ALL DEPENDS "${PAPERTIDE_FONT_FILE}" "${PAPERTIDE_FONT_LICENSE}"
                  "${PAPERTIDE_SYMBOL_FONT_FILE}")

if(EMSCRIPTEN)
  set(PAPERTIDE_RUNTIME_DATA_DIR "/data")
  set(PAPERTIDE_RUNTIME_FONT_FILE "/fonts/papertide-font.ttf")
else()
  set(PAPERTIDE_RUNTIME_DATA_DIR "${PAPERTIDE_DATA_DIR}")
  set(PAPERTIDE_RUNTIME_FONT_FILE "${PAPERTIDE_FONT_FILE}")
endif()
