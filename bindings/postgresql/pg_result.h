/*
 * pg_result.h — reading the library's JSON result line in place (pg_result.c).
 */
#ifndef PG_RESULT_H_
#define PG_RESULT_H_

#include "pg_sipolicy.h"

/* A piece of the result text: a value as written ("\"800.00\"", "[…]", "true"). */
typedef struct pgsip_span {
  const char* start;
  int len; /* 0: absent */
} pgsip_span;

typedef void (*pgsip_member_fn)(pgsip_span key, pgsip_span value, void* arg);

/* Calls fn for each member of a JSON object (the key without its quotes). */
void pgsip_object_members(pgsip_span object, pgsip_member_fn fn, void* arg);

/* Whether the span is exactly `literal`. */
bool pgsip_span_is(pgsip_span s, const char* literal);

/* A JSON string's text, unescaped, palloc'd. */
char* pgsip_string(pgsip_span s, int* out_len);

/* The SQL value of a result field; false = NULL (absent or JSON null). */
bool pgsip_value(pgsip_out_kind kind, pgsip_span s, Datum* out);

#endif /* PG_RESULT_H_ */
