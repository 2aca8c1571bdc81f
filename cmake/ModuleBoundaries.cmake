# The Qt-free core is six modules, each a target. Every file includes other modules' headers as
# "module/Header.h"; this check, run at configure time, holds the include graph to the declared
# dependencies and keeps a module's private headers to itself (tests may include them: they test
# the inside). A violation names the file and the rule.
#
#   lab_declare_module(NAME FOLDER DEPENDS module... PUBLIC_HEADERS header...)
#       declares a module of the core: the folder it lives in, the modules it may include, and its
#       public headers (every other header of the folder is private).
#   lab_declare_client(DIRECTORY DEPENDS module...)
#       a directory outside the core (realbackend/, app/) and the core modules it may include.
#   lab_check_module_boundaries()
#       runs the check over every declared module and client.

function(lab_declare_module name folder)
  cmake_parse_arguments(arg "" "" "DEPENDS;PUBLIC_HEADERS" ${ARGN})
  set_property(GLOBAL APPEND PROPERTY LAB_MODULES ${name})
  set_property(GLOBAL PROPERTY LAB_MODULE_${name}_DIR ${folder})
  set_property(GLOBAL PROPERTY LAB_MODULE_${name}_DEPENDS ${arg_DEPENDS})
  set_property(GLOBAL PROPERTY LAB_MODULE_${name}_PUBLIC ${arg_PUBLIC_HEADERS})
  foreach(header IN LISTS arg_PUBLIC_HEADERS)
    if(NOT EXISTS ${folder}/${header})
      message(FATAL_ERROR "module ${name}: public header ${header} does not exist in ${folder}")
    endif()
  endforeach()
endfunction()

function(lab_declare_client directory)
  cmake_parse_arguments(arg "" "" "DEPENDS" ${ARGN})
  set_property(GLOBAL APPEND PROPERTY LAB_CLIENTS ${directory})
  set_property(GLOBAL PROPERTY LAB_CLIENT_${directory}_DEPENDS ${arg_DEPENDS})
endfunction()

# Checks the includes of every file below DIRECTORY: OWN is the module the files belong to (or
# empty), ALLOWED the modules they may include.
function(lab_check_includes directory own allowed)
  get_property(modules GLOBAL PROPERTY LAB_MODULES)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${directory}/*.h ${directory}/*.cpp)
  foreach(file IN LISTS files)
    file(STRINGS ${file} includes REGEX "^#include \"[a-z]+/[A-Za-z0-9_]+\\.h\"")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^#include \"([a-z]+)/([A-Za-z0-9_]+\\.h)\".*" "\\1;\\2" parts "${line}")
      list(GET parts 0 module)
      list(GET parts 1 header)
      if(NOT module IN_LIST modules OR module STREQUAL own)
        continue()
      endif()
      if(NOT module IN_LIST allowed)
        message(FATAL_ERROR "${file} includes ${module}/${header}, but ${module} is not among "
                            "the modules it may use (${allowed}): cmake/ModuleBoundaries.cmake")
      endif()
      get_property(public GLOBAL PROPERTY LAB_MODULE_${module}_PUBLIC)
      if(NOT header IN_LIST public)
        message(FATAL_ERROR "${file} includes ${module}/${header}, a private header of module "
                            "${module} (its public headers: ${public})")
      endif()
    endforeach()
  endforeach()
endfunction()

function(lab_check_module_boundaries)
  get_property(modules GLOBAL PROPERTY LAB_MODULES)
  foreach(module IN LISTS modules)
    get_property(dir GLOBAL PROPERTY LAB_MODULE_${module}_DIR)
    get_property(depends GLOBAL PROPERTY LAB_MODULE_${module}_DEPENDS)
    lab_check_includes(${dir} ${module} "${depends}")
  endforeach()
  get_property(clients GLOBAL PROPERTY LAB_CLIENTS)
  foreach(client IN LISTS clients)
    get_property(depends GLOBAL PROPERTY LAB_CLIENT_${client}_DEPENDS)
    lab_check_includes(${client} "" "${depends}")
  endforeach()
endfunction()
