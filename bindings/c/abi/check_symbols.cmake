# Fails when the exported dynamic symbols of LIB differ from EXPECTED (the
# committed list): an accidental ABI change breaks the build's tests.
# cmake -DNM=nm -DLIB=libsipolicy.so -DEXPECTED=symbols.txt -P check_symbols.cmake
execute_process(COMMAND ${NM} -D --defined-only ${LIB} OUTPUT_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "nm failed on ${LIB}")
endif()
string(REGEX REPLACE "[^\n]* [A-Za-z] ([^\n]+)" "\\1" names "${out}")
string(REPLACE "\n" ";" names "${names}")
list(FILTER names EXCLUDE REGEX "^$")
list(SORT names)
file(STRINGS ${EXPECTED} expected)
list(SORT expected)
if(NOT names STREQUAL expected)
  message(FATAL_ERROR "exported symbols changed.\n  expected: ${expected}\n  actual:   ${names}\n"
                      "If the change is intended, update bindings/c/abi/symbols.txt (and the "
                      "soname when it is incompatible).")
endif()
list(LENGTH names n)
message(STATUS "${n} exported symbols match bindings/c/abi/symbols.txt")
