/* given.h — the names a C example in the documentation may use without
 * declaring them (tests/docs/README.md). Keep it short. */
#ifndef SIPOLICY_TESTS_DOCS_GIVEN_H_
#define SIPOLICY_TESTS_DOCS_GIVEN_H_

#include "sipolicy.h"

/* An engine from sipolicy_engine_create. */
extern sipolicy_engine* engine;

#endif /* SIPOLICY_TESTS_DOCS_GIVEN_H_ */
