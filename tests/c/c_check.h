/* c_check.h — the plain-C tests' one assertion: CHECK counts a pass or
 * prints the failed condition with the library's last error, and the test's
 * main ends with printf("%d passed, %d failed\n", passed, failed). Included
 * once per test program (it defines the counters). */
#ifndef SIPOLICY_TESTS_C_CHECK_H_
#define SIPOLICY_TESTS_C_CHECK_H_

#include <stdio.h>
#include <string.h>

#include "sipolicy.h"

static int passed = 0, failed = 0;

#define CHECK(cond)                                                                           \
  do {                                                                                        \
    if (cond) {                                                                               \
      ++passed;                                                                               \
    } else {                                                                                  \
      ++failed;                                                                               \
      fprintf(stderr, "%s:%d: CHECK(%s) failed; last error: %s\n", __FILE__, __LINE__, #cond, \
              sipolicy_last_error());                                                         \
    }                                                                                         \
  } while (0)

/* True when `s` is a string holding `part`. */
static int contains(const char* s, const char* part) { return s != NULL && strstr(s, part) != NULL; }

#endif /* SIPOLICY_TESTS_C_CHECK_H_ */
