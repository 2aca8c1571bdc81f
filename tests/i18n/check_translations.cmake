# Runs lupdate over the window's sources into a copy of the Chinese .ts and fails when a string
# has no finished translation (a new tr() not translated yet, or one marked unfinished), listing
# them. Arguments: LUPDATE, PROJECT (the lupdate project file qt_add_translations writes at
# configure time: the sources and include paths of lab_gui), TS (the .ts in the repository), WORK.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
get_filename_component(name ${TS} NAME)
file(COPY ${TS} DESTINATION ${WORK})
include(${PROJECT}) # lupdate_sources, lupdate_include_paths
list(FILTER lupdate_sources INCLUDE REGEX "/app/.*\\.(cpp|h)$")
list(FILTER lupdate_sources EXCLUDE REGEX "_autogen/")
list(TRANSFORM lupdate_include_paths PREPEND "-I")
execute_process(COMMAND ${LUPDATE} -locations none -no-obsolete ${lupdate_include_paths}
                        ${lupdate_sources} -ts ${WORK}/${name}
                RESULT_VARIABLE status OUTPUT_VARIABLE output ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${status}):\n${output}${errors}")
endif()
file(READ ${WORK}/${name} ts)
string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${ts}")
list(LENGTH unfinished count)
if(count GREATER 0)
  # The usual shape: the source, then straight away its unfinished translation (entities lose
  # their ';', a list separator in CMake).
  string(REPLACE ";" "" plain "${ts}")
  string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\"" shown "${plain}")
  string(REPLACE ";" "\n" listed "${shown}")
  message(FATAL_ERROR "${count} string(s) without a Chinese translation in ${name} "
                      "(cmake --build <dir> --target update_translations, then translate them "
                      "with linguist):\n${listed}")
endif()
message(STATUS "${output}")
