# install_test.cmake — ctest `install_test` (registered in tests/install/CMakeLists.txt):
# install the build tree, move the prefix elsewhere, and from the moved prefix
# only build and run one consumer per door:
#   C       c_consumer.c with `pkg-config --cflags --libs sipolicy`
#   C++     consumer/ with find_package(sipolicy) (and every public header)
#   Java    JavaConsumer.java with share/java/sipolicy.jar alone on the class path
#   Python  python_consumer.py in a fresh venv, after `pip install --no-index
#           --no-build-isolation` of share/sipolicy/python (offline; pip is
#           also pointed at a dead proxy, so any download attempt fails), and
#           the same from the build tree's bindings/python/package
# Each prints its amounts, checked here against hand-computed values (see the
# consumers' comments). Run with cmake -P and:
#   BUILD_DIR        the sipolicy build tree to install
#   WORK_DIR         scratch directory (everything this test writes goes there)
#   LIBDIR, INCLUDEDIR, DATADIR   CMAKE_INSTALL_* of the parent build
#   GENERATOR, MAKE_PROGRAM, C_COMPILER, CXX_COMPILER, BUILD_TYPE,
#   C_FLAGS, CXX_FLAGS, LINK_FLAGS
#                    taken from the parent build, so that a sanitized build is
#                    consumed by sanitized consumers
#   PKG_CONFIG       the pkg-config program
#   JAVA, JAVAC      when the build has the Java binding (else empty: skipped)
#   PYTHON           when the build installs the Python binding (else empty)
#   RUN_ENV_JAVA, RUN_ENV_PYTHON   VAR=value pairs separated by '|' for running
#                    the Java and Python consumers (LD_PRELOAD of the ASan
#                    runtime in a sanitized build)
cmake_minimum_required(VERSION 3.25)

foreach(var BUILD_DIR WORK_DIR LIBDIR INCLUDEDIR DATADIR GENERATOR C_COMPILER CXX_COMPILER)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "install_test.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT PKG_CONFIG)
  message(FATAL_ERROR "install test: pkg-config was not found (Debian: apt install pkg-config)")
endif()
set(here "${CMAKE_CURRENT_LIST_DIR}")
string(REPLACE "|" ";" RUN_ENV_JAVA "${RUN_ENV_JAVA}")
string(REPLACE "|" ";" RUN_ENV_PYTHON "${RUN_ENV_PYTHON}")

set(stage "${WORK_DIR}/stage")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

# run(<what> [WORKING_DIRECTORY dir] COMMAND args...): fails the test with the
# command's output unless it exits 0; its stdout is left in `last_output`.
function(run what)
  cmake_parse_arguments(R "" "WORKING_DIRECTORY" "COMMAND" ${ARGN})
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY "${WORK_DIR}")
  endif()
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY "${R_WORKING_DIRECTORY}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    list(JOIN R_COMMAND " " shown)
    message(FATAL_ERROR "install test: ${what} failed (${rc})\n$ ${shown}\n${out}\n${err}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

function(expect what got pattern)
  if(NOT got MATCHES "${pattern}")
    message(FATAL_ERROR "install test: ${what} printed '${got}', expected to match '${pattern}'")
  endif()
  message(STATUS "${what}: ${got}")
endfunction()

# `path` lies inside `dir` (both resolved through symbolic links).
function(expect_inside what path dir)
  file(REAL_PATH "${path}" real_path)
  file(REAL_PATH "${dir}" real_dir)
  string(FIND "${real_path}/" "${real_dir}/" at)
  if(NOT at EQUAL 0)
    message(FATAL_ERROR "install test: ${what} is ${real_path}, not inside ${real_dir}")
  endif()
endfunction()

# 1. Install, then move the tree: anything that remembered where it was
#    installed breaks from here on.
run("cmake --install" COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${stage}")
file(RENAME "${stage}" "${prefix}")
message(STATUS "installed ${BUILD_DIR} into ${stage}, moved to ${prefix}")

# 2. The layout: public headers only; no installed text file names the
#    staging prefix.
if(EXISTS "${prefix}/${INCLUDEDIR}/sipolicy/internal")
  message(FATAL_ERROR "install test: ${prefix}/${INCLUDEDIR}/sipolicy/internal was installed")
endif()
file(GLOB public_headers "${prefix}/${INCLUDEDIR}/sipolicy/*.hpp")
if(NOT public_headers)
  message(FATAL_ERROR "install test: no header in ${prefix}/${INCLUDEDIR}/sipolicy")
endif()
set(all_headers_tu "${WORK_DIR}/all_headers.cc")
set(tu "// Every installed public header, in one translation unit.\n")
foreach(h IN LISTS public_headers)
  file(READ "${h}" text)
  if(text MATCHES "sipolicy/internal/")
    message(FATAL_ERROR "install test: the public header ${h} includes a private one")
  endif()
  get_filename_component(name "${h}" NAME)
  string(APPEND tu "#include \"sipolicy/${name}\"\n")
endforeach()
file(WRITE "${all_headers_tu}" "${tu}")
file(GLOB_RECURSE text_files "${prefix}/*.pc" "${prefix}/*.cmake" "${prefix}/*.toml" "${prefix}/*.py")
foreach(f IN LISTS text_files)
  file(READ "${f}" text)
  string(FIND "${text}" "${stage}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "install test: ${f} names the install-time prefix ${stage}")
  endif()
endforeach()

# 3. C through pkg-config, searching our prefix only.
set(pc_env "${CMAKE_COMMAND}" -E env "PKG_CONFIG_LIBDIR=${prefix}/${LIBDIR}/pkgconfig"
    --unset=PKG_CONFIG_PATH)
run("pkg-config --cflags" COMMAND ${pc_env} "${PKG_CONFIG}" --cflags sipolicy)
string(STRIP "${last_output}" pc_cflags)
run("pkg-config --libs" COMMAND ${pc_env} "${PKG_CONFIG}" --libs sipolicy)
string(STRIP "${last_output}" pc_libs)
run("pkg-config --variable=libdir" COMMAND ${pc_env} "${PKG_CONFIG}" --variable=libdir sipolicy)
string(STRIP "${last_output}" pc_libdir)
message(STATUS "pkg-config: ${pc_cflags} ${pc_libs}")
expect_inside("pkg-config's libdir" "${pc_libdir}" "${prefix}/${LIBDIR}")
if(NOT EXISTS "${pc_libdir}/libsipolicy.so.1")
  message(FATAL_ERROR "install test: pkg-config's libdir ${pc_libdir} has no libsipolicy.so.1")
endif()
separate_arguments(pc_cflags UNIX_COMMAND "${pc_cflags}")
separate_arguments(pc_libs UNIX_COMMAND "${pc_libs}")
separate_arguments(c_flags UNIX_COMMAND "${C_FLAGS}")
separate_arguments(link_flags UNIX_COMMAND "${LINK_FLAGS}")
run("building the C consumer" COMMAND "${C_COMPILER}" ${c_flags} ${pc_cflags}
    "${here}/c_consumer.c" -o "${WORK_DIR}/c_consumer" ${link_flags} ${pc_libs}
    "-Wl,-rpath,${pc_libdir}")
run("running the C consumer" COMMAND "${WORK_DIR}/c_consumer")
string(STRIP "${last_output}" got)
expect("C (pkg-config)" "${got}" "^c: 80000 8\\.50 50\\.03$")

# 4. C++ through find_package(sipolicy), with the parent's compiler, build
#    type and flags, and no package registry or build tree to fall back on.
set(configure_args
  -S "${here}/consumer" -B "${WORK_DIR}/consumer-build" -G "${GENERATOR}"
  "-DCMAKE_PREFIX_PATH=${prefix}"
  "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
  "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
  "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
  "-DCMAKE_EXE_LINKER_FLAGS=${LINK_FLAGS}"
  "-DSIPOLICY_ALL_HEADERS=${all_headers_tu}"
  -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF
  -DCMAKE_FIND_USE_SYSTEM_PACKAGE_REGISTRY=OFF)
if(MAKE_PROGRAM)
  list(APPEND configure_args "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
endif()
run("configuring the C++ consumer" COMMAND "${CMAKE_COMMAND}" ${configure_args})
run("building the C++ consumer" COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/consumer-build")
run("running the C++ consumer" COMMAND "${WORK_DIR}/consumer-build/consumer")
string(STRIP "${last_output}" got)
expect("C++ (find_package)" "${got}" "^50\\.03 999999999000000\\.00 base$")

# 5. Java: the installed jar alone on the class path (JNA through its
#    manifest, the library through native.properties).
set(jar "${prefix}/${DATADIR}/java/sipolicy.jar")
if(JAVA)
  if(NOT EXISTS "${jar}")
    message(FATAL_ERROR "install test: the build has the Java binding but ${jar} was not installed")
  endif()
  run("compiling the Java consumer" COMMAND "${JAVAC}" -encoding UTF-8 -d "${WORK_DIR}/java"
      -cp "${jar}" "${here}/JavaConsumer.java")
  run("running the Java consumer"
      COMMAND "${CMAKE_COMMAND}" -E env --unset=SIPOLICY_LIBRARY --unset=CLASSPATH
              --unset=JAVA_TOOL_OPTIONS ${RUN_ENV_JAVA}
              "${JAVA}" -cp "${jar}:${WORK_DIR}/java" JavaConsumer)
  string(STRIP "${last_output}" got)
  expect("Java (share/java/sipolicy.jar)" "${got}" "^java: 1600\\.01 800\\.01 800\\.00 /")
  string(REGEX REPLACE "^java: [^ ]+ [^ ]+ [^ ]+ " "" library "${got}")
  expect_inside("the library the JVM loaded" "${library}" "${prefix}/${LIBDIR}")
else()
  message(STATUS "Java: skipped (the build has no Java binding)")
endif()

# 6. Python: pip, offline, into fresh virtual environments — from the install
#    tree and from the build tree.
if(PYTHON)
  set(offline "${CMAKE_COMMAND}" -E env PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
      PIP_CONFIG_FILE=/dev/null http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
      HTTP_PROXY=http://127.0.0.1:9 HTTPS_PROXY=http://127.0.0.1:9 --unset=PYTHONPATH)
  foreach(from install build)
    if(from STREQUAL "install")
      set(project "${prefix}/${DATADIR}/sipolicy/python")
    else()
      set(project "${BUILD_DIR}/bindings/python/package")
    endif()
    if(NOT EXISTS "${project}/pyproject.toml")
      message(FATAL_ERROR "install test: the build has the Python binding but ${project} has no"
                          " pyproject.toml")
    endif()
    set(venv "${WORK_DIR}/venv-${from}")
    execute_process(COMMAND "${PYTHON}" -m venv "${venv}" RESULT_VARIABLE rc
                    OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
      message(FATAL_ERROR "install test: '${PYTHON} -m venv' failed (${rc}); Debian's python3"
                          " needs the python3-venv package\n${out}\n${err}")
    endif()
    run("pip install (offline) of ${project}"
        COMMAND ${offline} "${venv}/bin/python" -m pip install --no-index --no-build-isolation
                --quiet "${project}")
    run("running the Python consumer"
        COMMAND "${CMAKE_COMMAND}" -E env --unset=PYTHONPATH --unset=SIPOLICY_LIBRARY
                PYTHONNOUSERSITE=1 PYTHONDONTWRITEBYTECODE=1 ${RUN_ENV_PYTHON}
                "${venv}/bin/python" "${here}/python_consumer.py")
    string(STRIP "${last_output}" got)
    expect("Python (pip from the ${from} tree)" "${got}" "^python: 1600\\.01 800\\.01 800\\.00 /")
    string(REGEX MATCHALL "[^ ]+" words "${got}")
    list(GET words 4 package)
    list(GET words 5 library)
    expect_inside("the imported package" "${package}" "${venv}")
    expect_inside("the library Python loaded" "${library}" "${venv}")
  endforeach()
else()
  message(STATUS "Python: skipped (the build does not install the Python binding)")
endif()
message(STATUS "install test: every consumer ran from ${prefix}")
