# PackSnapshot.cmake - cmake -DCLI=papertide-cli -DDATA=data/ -DOUT=site/data/corpus.snapshot -P PackSnapshot.cmake
# Writes the site's corpus snapshot. When pack refuses (errors in the corpus, which a snapshot never leaves out),
# the site ships without one: the page then reads the JSON files and shows the errors as the app always does.
execute_process(COMMAND "${CLI}" pack --data "${DATA}" --out "${OUT}" RESULT_VARIABLE rc ERROR_VARIABLE log)
if(rc EQUAL 0)
  string(STRIP "${log}" log)
  message(STATUS "${log}")
else()
  file(REMOVE "${OUT}")
  message(WARNING "No corpus snapshot in the site (papertide pack exited with ${rc}); the page reads the JSON files.\n${log}")
endif()
