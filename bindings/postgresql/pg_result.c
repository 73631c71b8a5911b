/*
 * pg_result.c — reads the library's JSON result line into SQL values.
 *
 * The typed functions need a handful of top-level fields of a compact,
 * well-formed JSON object; scanning it in place is about a third of the cost
 * of a typed call less than building a jsonb of the whole result first.
 * Only the fields that are returned as jsonb (lists of objects, the rules with
 * detail) go through jsonb_in, on their own text. A result that is not what
 * the library writes raises an internal error; it never yields a value.
 */
#include "pg_result.h"

#include "catalog/pg_type.h"
#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/fmgrprotos.h"
#include "utils/jsonb.h"

static void malformed(const char* at) pg_attribute_noreturn();
static void malformed(const char* at) {
  ereport(ERROR, (errcode(ERRCODE_INTERNAL_ERROR),
                  errmsg("sipolicy: the library's result is not the JSON expected near \"%.40s\"", at)));
}

static const char* skip_ws(const char* p, const char* end) {
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')) ++p;
  return p;
}

/* p at '"': returns the position after the closing quote. */
static const char* skip_string(const char* p, const char* end) {
  for (++p; p < end; ++p) {
    if (*p == '\\') ++p;
    else if (*p == '"') return p + 1;
  }
  malformed(end);
}

/* Returns the position after the value starting at p. */
static const char* skip_value(const char* p, const char* end) {
  int depth = 0;
  p = skip_ws(p, end);
  if (p >= end) malformed(p);
  do {
    if (p >= end) malformed(end);
    switch (*p) {
      case '"': p = skip_string(p, end); continue;
      case '{':
      case '[': ++depth; break;
      case '}':
      case ']':
        if (--depth < 0) malformed(p);
        break;
      default:
        if (depth == 0) { /* a number or a literal */
          while (p < end && *p != ',' && *p != '}' && *p != ']' && *p != ' ') ++p;
          return p;
        }
    }
    ++p;
  } while (depth > 0);
  return p;
}

void pgsip_object_members(pgsip_span object, pgsip_member_fn fn, void* arg) {
  const char* p = skip_ws(object.start, object.start + object.len);
  const char* end = object.start + object.len;
  if (p >= end || *p != '{') malformed(p);
  p = skip_ws(p + 1, end);
  if (p < end && *p == '}') return;
  for (;;) {
    pgsip_span key, value;
    if (p >= end || *p != '"') malformed(p);
    key.start = p + 1;
    p = skip_string(p, end);
    key.len = (int)(p - 1 - key.start);
    p = skip_ws(p, end);
    if (p >= end || *p != ':') malformed(p);
    value.start = skip_ws(p + 1, end);
    p = skip_value(value.start, end);
    value.len = (int)(p - value.start);
    fn(key, value, arg);
    p = skip_ws(p, end);
    if (p < end && *p == ',') {
      p = skip_ws(p + 1, end);
      continue;
    }
    if (p < end && *p == '}') return;
    malformed(p);
  }
}

bool pgsip_span_is(pgsip_span s, const char* literal) {
  size_t n;
  if (s.len == 0 || s.start[0] != literal[0]) return false; /* most keys differ at once */
  n = strlen(literal);
  return (size_t)s.len == n && memcmp(s.start, literal, n) == 0;
}

/* Appends a code point in the server's encoding. */
static void append_code_point(StringInfo buf, pg_wchar c) {
  char utf8[MAX_UNICODE_EQUIVALENT_STRING + 1];
  pg_unicode_to_server(c, (unsigned char*)utf8);
  appendStringInfoString(buf, utf8);
}

static unsigned hex4(const char* p, const char* end) {
  unsigned v = 0;
  if (end - p < 4) malformed(p);
  for (int i = 0; i < 4; ++i) {
    const char c = p[i];
    v <<= 4;
    if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
    else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
    else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
    else malformed(p);
  }
  return v;
}

char* pgsip_string(pgsip_span s, int* out_len) {
  const char* p = s.start;
  const char* end = s.start + s.len;
  StringInfoData buf;
  if (s.len < 2 || *p != '"' || end[-1] != '"') malformed(p);
  ++p;
  --end;
  if (memchr(p, '\\', (size_t)(end - p)) == NULL) { /* the usual case */
    if (out_len != NULL) *out_len = (int)(end - p);
    return pnstrdup(p, (size_t)(end - p));
  }
  initStringInfo(&buf);
  while (p < end) {
    if (*p != '\\') {
      appendStringInfoChar(&buf, *p++);
      continue;
    }
    if (++p >= end) malformed(p);
    switch (*p) {
      case 'b': appendStringInfoChar(&buf, '\b'); break;
      case 'f': appendStringInfoChar(&buf, '\f'); break;
      case 'n': appendStringInfoChar(&buf, '\n'); break;
      case 'r': appendStringInfoChar(&buf, '\r'); break;
      case 't': appendStringInfoChar(&buf, '\t'); break;
      case 'u': {
        unsigned c = hex4(p + 1, end);
        p += 4;
        if (c >= 0xD800 && c <= 0xDBFF && end - p > 6 && p[1] == '\\' && p[2] == 'u') {
          const unsigned low = hex4(p + 3, end);
          if (low >= 0xDC00 && low <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            p += 6;
          }
        }
        if (c == 0) malformed(p); /* text cannot hold NUL */
        append_code_point(&buf, (pg_wchar)c);
        break;
      }
      default: appendStringInfoChar(&buf, *p); break; /* \" \\ \/ */
    }
    ++p;
  }
  if (out_len != NULL) *out_len = buf.len;
  return buf.data;
}

static char* span_cstring(pgsip_span s) { return pnstrdup(s.start, (size_t)s.len); }

static Datum text_of(pgsip_span s) {
  int len;
  char* str;
  if (s.len > 0 && s.start[0] == '"') {
    str = pgsip_string(s, &len);
    return PointerGetDatum(cstring_to_text_with_len(str, len));
  }
  return CStringGetTextDatum(span_cstring(s)); /* a number or a literal, as written */
}

static Datum date_of(pgsip_span s) {
  int year, month, day;
  char tail;
  char* str = pgsip_string(s, NULL);
  if (sscanf(str, "%d-%d-%d%c", &year, &month, &day, &tail) != 3 || !IS_VALID_JULIAN(year, month, day))
    malformed(s.start);
  return DateADTGetDatum(date2j(year, month, day) - POSTGRES_EPOCH_JDATE);
}

typedef struct list_state {
  Datum* items;
  int count;
  int capacity;
  bool citations; /* a list of rules: keep each one's "citation", each once */
} list_state;

static void keep_item(list_state* st, Datum d) {
  if (st->count == st->capacity) {
    st->capacity *= 2;
    st->items = repalloc(st->items, sizeof(Datum) * (size_t)st->capacity);
  }
  st->items[st->count++] = d;
}

static void keep_citation(pgsip_span key, pgsip_span value, void* arg) {
  list_state* st = (list_state*)arg;
  Datum d;
  text* t;
  if (!pgsip_span_is(key, "citation") || value.len == 0 || value.start[0] != '"') return;
  d = text_of(value);
  t = DatumGetTextPP(d);
  for (int i = 0; i < st->count; ++i) {
    text* seen = DatumGetTextPP(st->items[i]);
    if (VARSIZE_ANY_EXHDR(seen) == VARSIZE_ANY_EXHDR(t) &&
        memcmp(VARDATA_ANY(seen), VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t)) == 0)
      return;
  }
  keep_item(st, d);
}

/* A list of strings, or the citations of a list of rules, as text[]. */
static Datum list_of(pgsip_span s, bool citations) {
  const char* p = s.start;
  const char* end = s.start + s.len;
  list_state st;
  st.capacity = 8;
  st.count = 0;
  st.items = palloc(sizeof(Datum) * (size_t)st.capacity);
  st.citations = citations;
  if (p >= end || *p != '[') malformed(p);
  p = skip_ws(p + 1, end);
  while (p < end && *p != ']') {
    pgsip_span item;
    item.start = p;
    p = skip_value(p, end);
    item.len = (int)(p - item.start);
    if (citations) pgsip_object_members(item, keep_citation, &st);
    else if (!pgsip_span_is(item, "null")) keep_item(&st, text_of(item));
    p = skip_ws(p, end);
    if (p < end && *p == ',') p = skip_ws(p + 1, end);
  }
  return PointerGetDatum(construct_array(st.items, st.count, TEXTOID, -1, false, TYPALIGN_INT));
}

bool pgsip_value(pgsip_out_kind kind, pgsip_span s, Datum* out) {
  if (s.len == 0 || pgsip_span_is(s, "null")) return false;
  switch (kind) {
    case PGSIP_OUT_NUMERIC: {
      char* str = s.start[0] == '"' ? pgsip_string(s, NULL) : span_cstring(s);
      *out = DirectFunctionCall3(numeric_in, CStringGetDatum(str), ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
      return true;
    }
    case PGSIP_OUT_INT: *out = DirectFunctionCall1(int8in, CStringGetDatum(span_cstring(s))); return true;
    case PGSIP_OUT_BOOL:
      if (pgsip_span_is(s, "true")) *out = BoolGetDatum(true);
      else if (pgsip_span_is(s, "false")) *out = BoolGetDatum(false);
      else malformed(s.start);
      return true;
    case PGSIP_OUT_TEXT: *out = text_of(s); return true;
    case PGSIP_OUT_DATE: *out = date_of(s); return true;
    case PGSIP_OUT_TEXT_LIST: *out = list_of(s, false); return true;
    case PGSIP_OUT_RULES: *out = list_of(s, true); return true;
    case PGSIP_OUT_JSON:
    case PGSIP_OUT_RULE_DETAILS: *out = DirectFunctionCall1(jsonb_in, CStringGetDatum(span_cstring(s))); return true;
    case PGSIP_OUT_ERROR_CODE:
    case PGSIP_OUT_ERROR_FIELD:
    case PGSIP_OUT_ERROR_MESSAGE: return false;
  }
  return false;
}
