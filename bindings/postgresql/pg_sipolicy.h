/*
 * pg_sipolicy.h — shared declarations of the sipolicy PostgreSQL extension.
 *
 * The extension is plain C over the library's C ABI (sipolicy.h), which never
 * throws: every PostgreSQL error (ereport, a longjmp) is raised from this C
 * code, never from inside the library, and only after every string the
 * library returned has been copied into palloc'd memory and freed with
 * sipolicy_string_free.
 */
#ifndef PG_SIPOLICY_H_
#define PG_SIPOLICY_H_

#include "postgres.h"

#include "fmgr.h"

#include "sipolicy.h"

/* How an argument is sent in the JSON request. */
typedef enum pgsip_in_kind {
  PGSIP_IN_DECIMAL, /* numeric → its exact text, trailing fraction zeros dropped */
  PGSIP_IN_INT,     /* bigint → a JSON number */
  PGSIP_IN_BOOL,    /* boolean → true/false */
  PGSIP_IN_TEXT,    /* text → a JSON string */
  PGSIP_IN_DATE,    /* date → "YYYY-MM-DD" */
  PGSIP_IN_JSON     /* jsonb → as is */
} pgsip_in_kind;

/* How a result attribute is read from the JSON result. */
typedef enum pgsip_out_kind {
  PGSIP_OUT_NUMERIC,      /* a money string → numeric */
  PGSIP_OUT_INT,          /* a number → bigint */
  PGSIP_OUT_BOOL,
  PGSIP_OUT_TEXT,         /* a string (ratio, enum, period, …) → text */
  PGSIP_OUT_DATE,         /* "YYYY-MM-DD" → date */
  PGSIP_OUT_TEXT_LIST,    /* a list of strings → text[] */
  PGSIP_OUT_JSON,         /* an object or a list of objects → jsonb */
  PGSIP_OUT_RULES,        /* rules[].citation, each once → text[] */
  PGSIP_OUT_RULE_DETAILS, /* rules as jsonb, when the detail argument is given */
  PGSIP_OUT_ERROR_CODE,   /* the error columns of the try_ functions */
  PGSIP_OUT_ERROR_FIELD,
  PGSIP_OUT_ERROR_MESSAGE
} pgsip_out_kind;

typedef struct pgsip_param {
  const char* path; /* the request field: "base", "unit.size" */
  pgsip_in_kind kind;
} pgsip_param;

typedef struct pgsip_attr {
  const char* key; /* the result field ("" for the error columns) */
  pgsip_out_kind kind;
} pgsip_attr;

typedef struct pgsip_operation {
  const char* name;
  int nparams;
  const pgsip_param* params;  /* in SQL argument order */
  const int* request_order;   /* argument indexes in request order (objects' members together) */
  int nattrs;
  const pgsip_attr* attrs;    /* in the result type's attribute order */
} pgsip_operation;

/* pg_operations.c (generated). */
extern const pgsip_operation pgsip_operations[];
extern const int pgsip_operation_count;

/* pg_call.c: a typed function's body; lenient = the try_ variant. */
Datum pgsip_call(FunctionCallInfo fcinfo, const pgsip_operation* op, bool lenient);

/* sipolicy_pg.c: this backend's engine for the current settings (built on
 * first use and again after sipolicy.packs, sipolicy.trusted_keys or the
 * packs loaded with sipolicy.load_pack change); raises on a bad pack. */
const sipolicy_engine* pgsip_engine(void);

/* A library-owned string copied into the current memory context and freed. */
char* pgsip_take_string(char* library_string);

/* Raises the library's error (code, field, message) as a PostgreSQL error. */
void pgsip_raise(const char* code_name, const char* field, const char* message, const char* function)
    pg_attribute_noreturn();

/* The SQLSTATE of a library error code name ("invalid_argument" → 22023). */
int pgsip_sqlstate(const char* code_name);

#endif /* PG_SIPOLICY_H_ */
