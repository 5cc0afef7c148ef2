# PapertideShip.cmake - the rest of the shipped site, made after PapertideWeb.cmake has assembled the app in
# PAPERTIDE_WEB_OUTPUT_DIR (web build only):
#   data/            corpus.snapshot (`papertide-cli pack`) and the corpus's JSON files with files.json
#   papers.html      the corpus as plain HTML (fallback, screen readers, search engines), written by
#                    `papertide-cli export-html`: a native build of src/core + src/io + src/cli with the host
#                    compiler (cmake/host-cli, an ExternalProject; g++ and nlohmann-json only)
#   sw.js            the service worker: web/sw.js + the precache list (every file of the site but sw.js and
#                    papertide.html) with per-file SHA-256 and a version hash (scripts/ship-web.py)
#   papertide.html   the single-file build: index.html with CSS, scripts, wasm and data inlined (ship-web.py)
if(NOT EMSCRIPTEN)
  return()
endif()
include(ExternalProject)

# --- the host CLI ----------------------------------------------------------------------------------------
set(_host_dir "${PROJECT_BINARY_DIR}/host-cli")
set(_host_cli "${_host_dir}/papertide-cli${CMAKE_HOST_EXECUTABLE_SUFFIX}")
ExternalProject_Add(papertide_host_cli
  SOURCE_DIR "${PROJECT_SOURCE_DIR}/cmake/host-cli"
  BINARY_DIR "${_host_dir}"
  CMAKE_ARGS "-DPAPERTIDE_SOURCE_DIR=${PROJECT_SOURCE_DIR}" -DCMAKE_BUILD_TYPE=
  INSTALL_COMMAND ""
  BUILD_ALWAYS ON                       # its own build decides what is out of date (a no-op is ~0.1 s)
  BUILD_BYPRODUCTS "${_host_cli}"
  USES_TERMINAL_BUILD OFF)

# --- papers.html ---------------------------------------------------------------------------------------
set(_papers "${PAPERTIDE_WEB_OUTPUT_DIR}/papers.html")
add_custom_command(
  OUTPUT "${_papers}"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${PAPERTIDE_WEB_OUTPUT_DIR}"
  COMMAND "${_host_cli}" export-html --data "${PAPERTIDE_DATA_DIR}" --out "${_papers}"
  DEPENDS "${_host_cli}" ${PAPERTIDE_DATA_JSON}
  COMMENT "papers.html: the corpus as plain HTML (papertide export-html)"
  VERBATIM)
add_custom_target(papertide_papers_html DEPENDS "${_papers}")
add_dependencies(papertide_papers_html papertide_host_cli)

# --- data/: the corpus snapshot and the JSON files -------------------------------------------------------
# `papertide-cli pack` writes data/corpus.snapshot (read back before it is kept); a corpus with errors gets no
# snapshot (pack never leaves data out), and the page then reads the JSON files, reporting the errors as the app
# does. ship-web.py data copies the JSON files and lists them in data/files.json.
set(_data_stamp "${PROJECT_BINARY_DIR}/web-data.stamp")
add_custom_command(
  OUTPUT "${_data_stamp}"
  BYPRODUCTS "${PAPERTIDE_WEB_OUTPUT_DIR}/data/corpus.snapshot" "${PAPERTIDE_WEB_OUTPUT_DIR}/data/files.json"
  COMMAND "${CMAKE_COMMAND}" -E make_directory "${PAPERTIDE_WEB_OUTPUT_DIR}/data"
  COMMAND "${CMAKE_COMMAND}" "-DCLI=${_host_cli}" "-DDATA=${PAPERTIDE_DATA_DIR}"
          "-DOUT=${PAPERTIDE_WEB_OUTPUT_DIR}/data/corpus.snapshot" -P "${PROJECT_SOURCE_DIR}/cmake/PackSnapshot.cmake"
  COMMAND "${PAPERTIDE_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/ship-web.py" data "${PAPERTIDE_WEB_OUTPUT_DIR}"
          --data "${PAPERTIDE_DATA_DIR}"
  COMMAND "${CMAKE_COMMAND}" -E touch "${_data_stamp}"
  DEPENDS "${_host_cli}" ${PAPERTIDE_DATA_JSON} "${PROJECT_SOURCE_DIR}/cmake/PackSnapshot.cmake"
          "${PROJECT_SOURCE_DIR}/scripts/ship-web.py"
  COMMENT "data/: corpus.snapshot (papertide pack) and the JSON files"
  VERBATIM)
add_custom_target(papertide_web_data DEPENDS "${_data_stamp}")
add_dependencies(papertide_web_data papertide_host_cli)

# --- sw.js and papertide.html ----------------------------------------------------------------------------
find_program(PAPERTIDE_PYTHON NAMES python3 python REQUIRED)  # emcc itself runs on Python 3
set(_ship_stamp "${PROJECT_BINARY_DIR}/web-ship.stamp")
add_custom_command(
  OUTPUT "${_ship_stamp}"
  BYPRODUCTS "${PAPERTIDE_WEB_OUTPUT_DIR}/sw.js" "${PAPERTIDE_WEB_OUTPUT_DIR}/papertide.html"  # remade if deleted
  COMMAND "${PAPERTIDE_PYTHON}" "${PROJECT_SOURCE_DIR}/scripts/ship-web.py" all "${PAPERTIDE_WEB_OUTPUT_DIR}"
          --sw-template "${PROJECT_SOURCE_DIR}/web/sw.js"
  COMMAND "${CMAKE_COMMAND}" -E touch "${_ship_stamp}"
  DEPENDS "${PROJECT_BINARY_DIR}/web-site.stamp" "${_papers}" "${_data_stamp}" "${PROJECT_SOURCE_DIR}/web/sw.js"
          "${PROJECT_SOURCE_DIR}/scripts/ship-web.py"
  COMMENT "sw.js (precache list + version) and papertide.html (single file)"
  VERBATIM)
add_custom_target(papertide_ship ALL DEPENDS "${_ship_stamp}")
add_dependencies(papertide_ship papertide_web_site papertide_papers_html papertide_web_data)
