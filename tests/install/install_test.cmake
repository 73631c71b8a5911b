# install_test.cmake — ctest `install_find_package` (registered in
# tests/verification/CMakeLists.txt). Run with cmake -P and:
#   BUILD_DIR        the sipolicy build tree to install
#   WORK_DIR         scratch directory (prefix/ and consumer-build/ go here)
#   CONSUMER_SOURCE  tests/install/consumer
#   LIBDIR           CMAKE_INSTALL_LIBDIR of the parent build (usually "lib")
#   GENERATOR, MAKE_PROGRAM, CXX_COMPILER, BUILD_TYPE, CXX_FLAGS, LINK_FLAGS
#                    taken from the parent build, so that a sanitized build is
#                    consumed by a sanitized consumer.
# Steps: cmake --install into WORK_DIR/prefix; check lib/pkgconfig/sipolicy.pc;
# configure, build and run the consumer with CMAKE_PREFIX_PATH = the prefix.
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR WORK_DIR CONSUMER_SOURCE LIBDIR GENERATOR CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install_test.cmake: -D${var}=... is required")
  endif()
endforeach()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
file(REMOVE_RECURSE "${prefix}" "${consumer_build}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install test: ${what} failed (${rc})\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

# 1. Install the build tree.
run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
message(STATUS "installed ${BUILD_DIR} into ${prefix}")

# 2. The pkg-config file.
set(pc "${prefix}/${LIBDIR}/pkgconfig/sipolicy.pc")
if(NOT EXISTS "${pc}")
  message(FATAL_ERROR "install test: ${pc} was not installed")
endif()
# Informational: every -lNAME in Libs: should name an installed library.
file(STRINGS "${pc}" libs_line REGEX "^Libs:")
string(REGEX MATCHALL "-l[^ ]+" libs "${libs_line}")
foreach(flag IN LISTS libs)
  string(SUBSTRING "${flag}" 2 -1 name)
  if(NOT EXISTS "${prefix}/${LIBDIR}/lib${name}.a" AND NOT EXISTS "${prefix}/${LIBDIR}/lib${name}.so")
    message(WARNING "sipolicy.pc says ${flag}, but ${prefix}/${LIBDIR} has no lib${name}.a/.so")
  endif()
endforeach()

# 3. Configure the consumer against the prefix only (no package registry, no
#    build tree), with the parent's compiler, build type and flags.
set(configure_args
  -S "${CONSUMER_SOURCE}" -B "${consumer_build}" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${prefix}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}"
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
run("configuring the consumer" "${CMAKE_COMMAND}" ${configure_args})
run("building the consumer" "${CMAKE_COMMAND}" --build "${consumer_build}")

# 4. Run it: 100.05 x 1/2 = 50.03.
run("running the consumer" "${consumer_build}/consumer")
string(STRIP "${last_output}" got)
if(NOT got STREQUAL "50.03 999999999000000.00")
  message(FATAL_ERROR "install test: the consumer printed '${got}', expected '50.03 999999999000000.00'")
endif()
message(STATUS "consumer printed: ${got}")
