/*
 * pg_call.c — the body of every typed function (sipolicy.contribution,
 * sipolicy.try_late_fee, …): the arguments become the operation's JSON
 * request, sipolicy_eval_json answers it, and the answer's fields become the
 * attributes of the operation's result type. Which argument is which field,
 * and which attribute which result, comes from the generated tables
 * (pg_operations.c, written by gen_extension.cc from the operation table).
 *
 * Money never passes through a float: a numeric argument is sent as its exact
 * text, and a money result is read back with numeric_in.
 */
#include "pg_sipolicy.h"

#include "pg_result.h"

#include "funcapi.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"

/* What a call site keeps between rows (fn_extra). */
typedef struct pgsip_call_cache {
  TupleDesc tupdesc; /* the blessed result type */
  int detail_arg;    /* the argument index of "detail", or -1 */
} pgsip_call_cache;

/* ---- The request ------------------------------------------------------------ */

static void append_json_string(StringInfo buf, const char* s, int len) {
  appendStringInfoCharMacro(buf, '"');
  for (int i = 0; i < len; ++i) {
    const unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') {
      appendStringInfoCharMacro(buf, '\\');
      appendStringInfoCharMacro(buf, (char)c);
    } else if (c < 0x20) {
      appendStringInfo(buf, "\\u%04x", c);
    } else {
      appendStringInfoCharMacro(buf, (char)c);
    }
  }
  appendStringInfoCharMacro(buf, '"');
}

/* A numeric's exact text without trailing zeros in its fraction ("1000.50" →
 * "1000.5", "12.000" → "12"), since a money field takes at most 2 decimals
 * and a numeric(12,3) column holds 1000.500. NaN and Infinity are sent as
 * they are and refused by the library, naming the field. */
static void append_decimal(StringInfo buf, Datum value) {
  char* text = DatumGetCString(DirectFunctionCall1(numeric_out, value));
  int len = (int)strlen(text);
  if (strchr(text, '.') != NULL) {
    while (len > 0 && text[len - 1] == '0') --len;
    if (len > 0 && text[len - 1] == '.') --len;
  }
  append_json_string(buf, text, len);
}

/* A date as "YYYY-MM-DD" whatever DateStyle is; ±infinity and years the
 * library cannot hold are sent as text it refuses by name. */
static void append_date(StringInfo buf, DateADT date) {
  int year, month, day;
  if (DATE_IS_NOBEGIN(date)) {
    appendStringInfoString(buf, "\"-infinity\"");
    return;
  }
  if (DATE_IS_NOEND(date)) {
    appendStringInfoString(buf, "\"infinity\"");
    return;
  }
  j2date(date + POSTGRES_EPOCH_JDATE, &year, &month, &day);
  appendStringInfo(buf, "\"%04d-%02d-%02d\"", year, month, day);
}

static void append_value(StringInfo buf, pgsip_in_kind kind, Datum value) {
  switch (kind) {
    case PGSIP_IN_DECIMAL: append_decimal(buf, value); break;
    case PGSIP_IN_INT: appendStringInfo(buf, INT64_FORMAT, DatumGetInt64(value)); break;
    case PGSIP_IN_BOOL: appendStringInfoString(buf, DatumGetBool(value) ? "true" : "false"); break;
    case PGSIP_IN_DATE: append_date(buf, DatumGetDateADT(value)); break;
    case PGSIP_IN_TEXT: {
      text* t = DatumGetTextPP(value);
      append_json_string(buf, VARDATA_ANY(t), (int)VARSIZE_ANY_EXHDR(t));
      break;
    }
    case PGSIP_IN_JSON: {
      Jsonb* j = DatumGetJsonbP(value);
      (void)JsonbToCString(buf, &j->root, (int)VARSIZE(j));
      break;
    }
  }
}

/* The request: {"op":"…", field: value, "unit":{"size":…}, …}; a NULL
 * argument is an absent field (its default applies, or the library names it
 * as required). An object's members are consecutive in request order. */
static void build_request(StringInfo buf, FunctionCallInfo fcinfo, const pgsip_operation* op) {
  const char* open_object = NULL; /* the object being written, "unit" */
  int open_len = 0;
  bool first = false; /* no member yet at the current level ("op" is the first) */
  appendStringInfoString(buf, "{\"op\":");
  append_json_string(buf, op->name, (int)strlen(op->name));
  for (int i = 0; i < op->nparams; ++i) {
    const int arg = op->request_order[i];
    const pgsip_param* p = &op->params[arg];
    const char* dot = strchr(p->path, '.');
    const char* member = p->path;
    if (open_object != NULL && (dot == NULL || (int)(dot - p->path) != open_len ||
                                strncmp(p->path, open_object, (size_t)open_len) != 0)) {
      appendStringInfoCharMacro(buf, '}');
      open_object = NULL;
      first = false;
    }
    if (dot != NULL) {
      if (open_object == NULL) {
        /* The object is written even when all its members are NULL, so that
         * a missing required member is reported by its own name ("unit.size"). */
        if (!first) appendStringInfoCharMacro(buf, ',');
        append_json_string(buf, p->path, (int)(dot - p->path));
        appendStringInfoString(buf, ":{");
        open_object = p->path;
        open_len = (int)(dot - p->path);
        first = true;
      }
      member = dot + 1;
    }
    if (PG_ARGISNULL(arg)) continue;
    if (!first) appendStringInfoCharMacro(buf, ',');
    append_json_string(buf, member, (int)strlen(member));
    appendStringInfoCharMacro(buf, ':');
    append_value(buf, p->kind, PG_GETARG_DATUM(arg));
    first = false;
  }
  if (open_object != NULL) appendStringInfoCharMacro(buf, '}');
  appendStringInfoCharMacro(buf, '}');
}

/* ---- The call ---------------------------------------------------------------- */

static pgsip_call_cache* call_cache(FunctionCallInfo fcinfo, const pgsip_operation* op) {
  pgsip_call_cache* cache = (pgsip_call_cache*)fcinfo->flinfo->fn_extra;
  TupleDesc tupdesc;
  MemoryContext old;
  if (cache != NULL) return cache;
  if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
    elog(ERROR, "sipolicy.%s: the function must return sipolicy.%s_result", op->name, op->name);
  if (tupdesc->natts != op->nattrs)
    ereport(ERROR, (errcode(ERRCODE_OBJECT_NOT_IN_PREREQUISITE_STATE),
                    errmsg("sipolicy.%s_result has %d attributes, the loaded library expects %d", op->name,
                           tupdesc->natts, op->nattrs),
                    errhint("The extension's SQL script and its library are from different builds: "
                            "install both from one build, then DROP EXTENSION sipolicy and CREATE it again.")));
  old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
  cache = palloc(sizeof(pgsip_call_cache));
  cache->tupdesc = BlessTupleDesc(CreateTupleDescCopy(tupdesc));
  cache->detail_arg = -1;
  for (int i = 0; i < op->nparams; ++i) {
    if (strcmp(op->params[i].path, "detail") == 0) cache->detail_arg = i;
  }
  MemoryContextSwitchTo(old);
  fcinfo->flinfo->fn_extra = cache;
  return cache;
}

/* The result's top-level members, gathered by pgsip_object_members. */
typedef struct result_fields {
  const pgsip_operation* op;
  pgsip_span* attrs; /* per attribute, its field's value */
  pgsip_span ok, error, catalog;
} result_fields;

static void gather(pgsip_span key, pgsip_span value, void* arg) {
  result_fields* r = (result_fields*)arg;
  if (pgsip_span_is(key, "ok")) r->ok = value;
  else if (pgsip_span_is(key, "error")) r->error = value;
  else if (pgsip_span_is(key, "catalog")) r->catalog = value;
  for (int i = 0; i < r->op->nattrs; ++i) {
    if (pgsip_span_is(key, r->op->attrs[i].key)) r->attrs[i] = value;
  }
}

typedef struct error_fields {
  pgsip_span code, field, message;
} error_fields;

static void gather_error(pgsip_span key, pgsip_span value, void* arg) {
  error_fields* e = (error_fields*)arg;
  if (pgsip_span_is(key, "code")) e->code = value;
  else if (pgsip_span_is(key, "field")) e->field = value;
  else if (pgsip_span_is(key, "message")) e->message = value;
}

static const char* string_or_empty(pgsip_span s) { return s.len > 0 ? pgsip_string(s, NULL) : ""; }

Datum pgsip_call(FunctionCallInfo fcinfo, const pgsip_operation* op, bool lenient) {
  pgsip_call_cache* cache = call_cache(fcinfo, op);
  const sipolicy_engine* engine = pgsip_engine();
  StringInfoData request;
  char* request_utf8;
  char* result = NULL;
  char* answer;
  int status;
  result_fields fields;
  pgsip_span whole;
  Datum* values = palloc0(sizeof(Datum) * (size_t)op->nattrs);
  bool* nulls = palloc(sizeof(bool) * (size_t)op->nattrs);
  const bool with_details = cache->detail_arg >= 0 && !PG_ARGISNULL(cache->detail_arg);

  initStringInfo(&request);
  build_request(&request, fcinfo, op);
  request_utf8 = pg_server_to_any(request.data, request.len, PG_UTF8);
  status = sipolicy_eval_json(&result, engine, request_utf8, strlen(request_utf8));
  if (status != SIPOLICY_OK) {
    /* No result at all (no memory): there is nothing to return, even leniently. */
    pgsip_raise(sipolicy_status_name(status), sipolicy_last_error_field(), sipolicy_last_error(), op->name);
  }
  answer = pgsip_take_string(result);
  answer = pg_any_to_server(answer, (int)strlen(answer), PG_UTF8);

  memset(&fields, 0, sizeof(fields));
  fields.op = op;
  fields.attrs = palloc0(sizeof(pgsip_span) * (size_t)op->nattrs);
  whole.start = answer;
  whole.len = (int)strlen(answer);
  pgsip_object_members(whole, gather, &fields);
  for (int i = 0; i < op->nattrs; ++i) nulls[i] = true;
  if (!pgsip_span_is(fields.ok, "true")) {
    error_fields e;
    const char* code;
    const char* field;
    const char* message;
    memset(&e, 0, sizeof(e));
    if (fields.error.len > 0) pgsip_object_members(fields.error, gather_error, &e);
    code = e.code.len > 0 ? pgsip_string(e.code, NULL) : "internal";
    field = string_or_empty(e.field);
    message = e.message.len > 0 ? pgsip_string(e.message, NULL) : "a failed result without an error";
    if (!lenient) pgsip_raise(code, field, message, op->name);
    for (int i = 0; i < op->nattrs; ++i) {
      const char* s = NULL;
      switch (op->attrs[i].kind) {
        case PGSIP_OUT_ERROR_CODE: s = code; break;
        case PGSIP_OUT_ERROR_FIELD: s = field; break;
        case PGSIP_OUT_ERROR_MESSAGE: s = message; break;
        default:
          /* The catalog the row was refused with is kept too. */
          if (strcmp(op->attrs[i].key, "catalog") == 0)
            nulls[i] = !pgsip_value(op->attrs[i].kind, fields.catalog, &values[i]);
          break;
      }
      if (s != NULL) {
        values[i] = CStringGetTextDatum(s);
        nulls[i] = false;
      }
    }
  } else {
    for (int i = 0; i < op->nattrs; ++i) {
      if (op->attrs[i].kind == PGSIP_OUT_RULE_DETAILS && !with_details) continue;
      nulls[i] = !pgsip_value(op->attrs[i].kind, fields.attrs[i], &values[i]);
    }
  }
  PG_RETURN_DATUM(HeapTupleGetDatum(heap_form_tuple(cache->tupdesc, values, nulls)));
}
