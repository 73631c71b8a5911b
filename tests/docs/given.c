/* given.c — the definitions behind given.h (never run: the doc examples are
 * compiled and linked, not executed). */
#include "given.h"

sipolicy_engine* engine = NULL;
