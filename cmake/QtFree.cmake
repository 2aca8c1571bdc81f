# lab_forbid_qt(): the layers below the app (statemachine/, realbackend/) stay Qt-free. A Qt
# include cannot even be found from their targets; this check names the offender at configure time.
function(lab_forbid_qt)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.h ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  foreach(file IN LISTS files)
    file(STRINGS ${file} qt_includes REGEX "#include *<Q[A-Za-z]+")
    if(qt_includes)
      message(FATAL_ERROR "${CMAKE_CURRENT_SOURCE_DIR} must stay Qt-free, but ${file} includes Qt")
    endif()
  endforeach()
endfunction()
