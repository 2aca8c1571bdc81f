# Installs the build into a fresh prefix, as `cmake --install` would for a packager, and checks
# that the desktop finds the lab: the executable, its desktop entry (valid, naming the installed
# executable and icon) and its icon.
# Usage: cmake -DBUILD_DIR=... -DPREFIX=... -P check_install.cmake
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}"
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${installed})")
endif()

set(entry "${PREFIX}/share/applications/lifecycle-lab.desktop")
set(icon "${PREFIX}/share/icons/hicolor/scalable/apps/lifecycle-lab.svg")
foreach(path "${PREFIX}/bin/lifecycle-lab" "${entry}" "${icon}")
  if(NOT EXISTS "${path}")
    message(FATAL_ERROR "not installed: ${path}")
  endif()
endforeach()

file(STRINGS "${entry}" exec REGEX "^Exec=")
file(STRINGS "${entry}" icon_name REGEX "^Icon=")
if(NOT exec STREQUAL "Exec=lifecycle-lab" OR NOT icon_name STREQUAL "Icon=lifecycle-lab")
  message(FATAL_ERROR "the entry must run lifecycle-lab with its icon: ${exec}, ${icon_name}")
endif()
file(READ "${icon}" svg)
if(NOT svg MATCHES "<svg ")
  message(FATAL_ERROR "${icon} is not an SVG")
endif()

find_program(VALIDATE desktop-file-validate)
if(VALIDATE)
  execute_process(COMMAND "${VALIDATE}" "${entry}" RESULT_VARIABLE valid
                  OUTPUT_VARIABLE complaints ERROR_VARIABLE complaints)
  if(NOT valid EQUAL 0)
    message(FATAL_ERROR "desktop-file-validate: ${complaints}")
  endif()
else()
  message(STATUS "desktop-file-validate not found (package desktop-file-utils): entry not validated")
endif()
file(REMOVE_RECURSE "${PREFIX}")
