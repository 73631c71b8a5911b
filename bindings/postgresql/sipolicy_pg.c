/*
 * sipolicy_pg.c — the sipolicy PostgreSQL extension's module: its settings,
 * this backend's engine, and the hand-written SQL functions (eval, load_pack,
 * catalog_hash, packs, describe, version). The typed functions are in
 * pg_call.c and the generated pg_operations.c.
 *
 * The catalog a backend computes with is a function of three settings, so
 * that it is the same in the parallel workers of a query (PostgreSQL copies
 * a session's settings into every worker; it copies nothing else):
 *
 *   sipolicy.packs          pack files loaded at engine creation (postgresql.conf,
 *                           ALTER SYSTEM / DATABASE / ROLE; superuser to change)
 *   sipolicy.trusted_keys   Ed25519 keys: when set, every pack must be signed
 *   sipolicy.session_packs  the packs sipolicy.load_pack() added in this session
 *                           (their text; maintained by load_pack, not by hand)
 *
 * Any change of one of them (SET, RESET, a reload, a rolled-back load_pack)
 * bumps a generation counter; the engine is rebuilt on its next use.
 */
#include "pg_sipolicy.h"

#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/varlena.h"
#include "mb/pg_wchar.h"
#include "utils/fmgrprotos.h"
#include "lib/stringinfo.h"

PG_MODULE_MAGIC;

void _PG_init(void);

static char* packs_setting = NULL;
static char* trusted_keys_setting = NULL;
static char* session_packs_setting = NULL;

static uint64 settings_generation = 1; /* bumped by every change of the settings */
static uint64 engine_generation = 0;   /* the generation `engine` was built for */
static sipolicy_engine* engine = NULL;

/* ---- Errors ------------------------------------------------------------------ */

int pgsip_sqlstate(const char* code) {
  if (strcmp(code, "invalid_argument") == 0 || strcmp(code, "unknown_op") == 0)
    return ERRCODE_INVALID_PARAMETER_VALUE; /* 22023 */
  if (strcmp(code, "out_of_range") == 0) return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE; /* 22003 */
  if (strcmp(code, "not_found") == 0) return ERRCODE_NO_DATA_FOUND;                  /* P0002 */
  if (strcmp(code, "parse_error") == 0) return ERRCODE_INVALID_TEXT_REPRESENTATION;  /* 22P02 */
  if (strcmp(code, "permission_denied") == 0) return ERRCODE_INSUFFICIENT_PRIVILEGE; /* 42501 */
  if (strcmp(code, "no_memory") == 0) return ERRCODE_OUT_OF_MEMORY;                  /* 53200 */
  return ERRCODE_INTERNAL_ERROR;                                                     /* XX000 */
}

void pgsip_raise(const char* code, const char* field, const char* message, const char* function) {
  const bool has_field = field != NULL && field[0] != '\0';
  ereport(ERROR, (errcode(pgsip_sqlstate(code)),
                  has_field ? errmsg("sipolicy.%s: %s: %s", function, field, message)
                            : errmsg("sipolicy.%s: %s", function, message),
                  errdetail("sipolicy error code \"%s\", field \"%s\".", code, has_field ? field : ""),
                  has_field ? err_generic_string(PG_DIAG_COLUMN_NAME, field) : 0));
}

/* The library's last error (UTF-8, thread-local) in the server's encoding. */
static void raise_last_error(int status, const char* function) {
  const char* message = sipolicy_last_error();
  const char* field = sipolicy_last_error_field();
  pgsip_raise(sipolicy_status_name(status), pg_any_to_server(field, (int)strlen(field), PG_UTF8),
              pg_any_to_server(message, (int)strlen(message), PG_UTF8), function);
}

char* pgsip_take_string(char* library_string) {
  char* copy = pstrdup(library_string != NULL ? library_string : "");
  sipolicy_string_free(library_string);
  return copy;
}

/* ---- sipolicy.session_packs: "<n>:<source><n>:<text><n>:<signature>" per pack -- */

typedef struct session_pack {
  const char* source;
  int source_len;
  const char* text;
  int text_len;
  const char* signature; /* signature_len 0: none */
  int signature_len;
} session_pack;

/* Reads one "<n>:<bytes>" piece at *at; false when malformed. */
static bool read_piece(const char** at, const char* end, const char** piece, int* len) {
  long n = 0;
  const char* p = *at;
  if (p >= end || *p < '0' || *p > '9') return false;
  while (p < end && *p >= '0' && *p <= '9') {
    n = n * 10 + (*p++ - '0');
    if (n > INT32_MAX) return false;
  }
  if (p >= end || *p != ':' || (long)(end - p - 1) < n) return false;
  *piece = p + 1;
  *len = (int)n;
  *at = p + 1 + n;
  return true;
}

/* Walks the packs of `value`; calls fn for each unless it returns false. */
static bool walk_session_packs(const char* value, bool (*fn)(const session_pack*, void*), void* arg) {
  const char* at = value != NULL ? value : "";
  const char* end = at + strlen(at);
  while (at < end) {
    session_pack p;
    if (!read_piece(&at, end, &p.source, &p.source_len) || !read_piece(&at, end, &p.text, &p.text_len) ||
        !read_piece(&at, end, &p.signature, &p.signature_len))
      return false;
    if (fn != NULL && !fn(&p, arg)) return false;
  }
  return true;
}

static void append_piece(StringInfo buf, const char* s, int len) {
  appendStringInfo(buf, "%d:", len);
  appendBinaryStringInfo(buf, s, len);
}

/* ---- Settings ------------------------------------------------------------------ */

static bool check_list(char** newval, void** extra, GucSource source) {
  char* raw = pstrdup(*newval != NULL ? *newval : "");
  List* items = NIL;
  bool ok = SplitGUCList(raw, ',', &items);
  (void)extra;
  (void)source;
  if (!ok) GUC_check_errdetail("List syntax is invalid: comma-separated, double quotes around a name with a comma.");
  list_free(items);
  pfree(raw);
  return ok;
}

static bool check_session_packs(char** newval, void** extra, GucSource source) {
  (void)extra;
  (void)source;
  if (walk_session_packs(*newval, NULL, NULL)) return true;
  GUC_check_errdetail("sipolicy.session_packs is maintained by sipolicy.load_pack(); RESET it to unload the packs.");
  return false;
}

static void assign_bump(const char* newval, void* extra) {
  (void)newval;
  (void)extra;
  ++settings_generation;
}

/* ---- The engine ------------------------------------------------------------------ */

typedef struct build_state {
  sipolicy_engine* engine;
  int status;
  char* failed_pack; /* the source of the pack that failed */
} build_state;

/* The settings hold the session's packs in the server's encoding; the
 * library reads UTF-8. */
static const char* to_utf8(const char* s, int len, size_t* out_len) {
  char* converted = pg_server_to_any(s, len, PG_UTF8);
  *out_len = converted == s ? (size_t)len : strlen(converted);
  return converted;
}

static bool load_session_pack(const session_pack* p, void* arg) {
  build_state* b = (build_state*)arg;
  char* source = pnstrdup(p->source, p->source_len);
  size_t text_len, source_len;
  const char* text = to_utf8(p->text, p->text_len, &text_len);
  const char* source_converted = to_utf8(source, p->source_len, &source_len);
  const char* source_utf8 = pnstrdup(source_converted, source_len);
  if (p->signature_len > 0)
    b->status = sipolicy_engine_load_signed_pack(b->engine, text, text_len, source_utf8, p->signature,
                                                 (size_t)p->signature_len);
  else if (text_len == 0)
    b->status = sipolicy_engine_load_pack(b->engine, "", 0, source_utf8); /* an empty pack: refused by name */
  else
    b->status = sipolicy_engine_load_pack(b->engine, text, text_len, source_utf8);
  if (b->status != SIPOLICY_OK) b->failed_pack = source;
  return b->status == SIPOLICY_OK;
}

/* A new engine for these settings, or an error naming the setting and the
 * pack. The library's error is raised only after the engine is freed. */
static sipolicy_engine* build_engine(const char* packs, const char* keys, const char* session) {
  build_state b = {NULL, SIPOLICY_OK, NULL};
  const char* setting = NULL;
  List* items = NIL;
  ListCell* lc;
  char* raw;
  b.status = sipolicy_engine_create(&b.engine);
  if (b.status != SIPOLICY_OK) raise_last_error(b.status, "engine");
  raw = pstrdup(keys != NULL ? keys : "");
  (void)SplitGUCList(raw, ',', &items);
  foreach (lc, items) {
    b.status = sipolicy_engine_trust_key(b.engine, (const char*)lfirst(lc));
    if (b.status != SIPOLICY_OK) {
      setting = "trusted_keys";
      break;
    }
  }
  if (b.status == SIPOLICY_OK) {
    items = NIL;
    raw = pstrdup(packs != NULL ? packs : "");
    (void)SplitGUCList(raw, ',', &items);
    foreach (lc, items) {
      b.status = sipolicy_engine_load_pack_file(b.engine, (const char*)lfirst(lc));
      if (b.status != SIPOLICY_OK) {
        setting = "packs";
        break;
      }
    }
  }
  if (b.status == SIPOLICY_OK && !walk_session_packs(session, load_session_pack, &b) && b.status == SIPOLICY_OK)
    b.status = SIPOLICY_INVALID_ARGUMENT; /* checked by the setting's check hook: not reached */
  if (b.status != SIPOLICY_OK) {
    char* message = pstrdup(sipolicy_last_error());
    char* field = pstrdup(sipolicy_last_error_field());
    const char* code = sipolicy_status_name(b.status);
    sipolicy_engine_free(b.engine);
    if (setting == NULL) setting = b.failed_pack != NULL ? psprintf("load_pack(%s)", b.failed_pack) : "load_pack";
    pgsip_raise(code, pg_any_to_server(field, (int)strlen(field), PG_UTF8),
                pg_any_to_server(message, (int)strlen(message), PG_UTF8), setting);
  }
  return b.engine;
}

const sipolicy_engine* pgsip_engine(void) {
  sipolicy_engine* fresh;
  if (engine != NULL && engine_generation == settings_generation) return engine;
  fresh = build_engine(packs_setting, trusted_keys_setting, session_packs_setting);
  sipolicy_engine_free(engine);
  engine = fresh;
  engine_generation = settings_generation;
  return engine;
}

void _PG_init(void) {
  DefineCustomStringVariable(
      "sipolicy.packs", "Policy pack files every session's catalog loads, in order.",
      "Comma-separated paths (relative ones to the data directory); a file PATH.sig beside a pack is "
      "its signature.",
      &packs_setting, "", PGC_SUSET, GUC_LIST_INPUT, check_list, assign_bump, NULL);
  DefineCustomStringVariable(
      "sipolicy.trusted_keys", "Ed25519 public keys (hex) that packs must be signed by.",
      "Comma-separated; when set, every pack (files and sipolicy.load_pack) must carry a signature by one "
      "of them.",
      &trusted_keys_setting, "", PGC_SUSET, GUC_LIST_INPUT, check_list, assign_bump, NULL);
  DefineCustomStringVariable(
      "sipolicy.session_packs", "The packs sipolicy.load_pack() added in this session (maintained by it).",
      "RESET sipolicy.session_packs unloads them.", &session_packs_setting, "", PGC_USERSET,
      GUC_NO_SHOW_ALL | GUC_NOT_IN_SAMPLE | GUC_DISALLOW_IN_FILE, check_session_packs, assign_bump, NULL);
  MarkGUCPrefixReserved("sipolicy");
  /* Preloaded (shared_preload_libraries): the packs named at server start are
   * read now, so that a bad one stops the server instead of every query. */
  if (process_shared_preload_libraries_in_progress) (void)pgsip_engine();
}

/* ---- SQL functions ---------------------------------------------------------------- */

/* Evaluates a JSON request text; returns the result as jsonb (server encoding). */
static Jsonb* eval_text(const char* request, int len, bool lenient) {
  char* utf8 = pg_server_to_any(request, len, PG_UTF8);
  char* result = NULL;
  char* answer;
  Jsonb* jb;
  JsonbValue* ok;
  int status = sipolicy_eval_json(&result, pgsip_engine(), utf8, strlen(utf8));
  if (status != SIPOLICY_OK) raise_last_error(status, "eval");
  answer = pgsip_take_string(result);
  answer = pg_any_to_server(answer, (int)strlen(answer), PG_UTF8);
  jb = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(answer)));
  ok = getKeyJsonValueFromContainer(&jb->root, "ok", 2, NULL);
  if (!lenient && (ok == NULL || ok->type != jbvBool || !ok->val.boolean)) {
    JsonbValue* error = getKeyJsonValueFromContainer(&jb->root, "error", 5, NULL);
    const char* parts[3] = {"internal", "", "no error in a failed result"};
    const char* keys[3] = {"code", "field", "message"};
    if (error != NULL && error->type == jbvBinary) {
      for (int i = 0; i < 3; ++i) {
        JsonbValue* v = getKeyJsonValueFromContainer(error->val.binary.data, keys[i], (int)strlen(keys[i]), NULL);
        if (v != NULL && v->type == jbvString) parts[i] = pnstrdup(v->val.string.val, v->val.string.len);
      }
    }
    pgsip_raise(parts[0], parts[1], parts[2], "eval");
  }
  return jb;
}

static Jsonb* eval_jsonb(Jsonb* request, bool lenient) {
  StringInfoData buf;
  initStringInfo(&buf);
  (void)JsonbToCString(&buf, &request->root, (int)VARSIZE(request));
  return eval_text(buf.data, buf.len, lenient);
}

PG_FUNCTION_INFO_V1(sipolicy_pg_eval);
Datum sipolicy_pg_eval(PG_FUNCTION_ARGS) { PG_RETURN_JSONB_P(eval_jsonb(PG_GETARG_JSONB_P(0), false)); }

PG_FUNCTION_INFO_V1(sipolicy_pg_try_eval);
Datum sipolicy_pg_try_eval(PG_FUNCTION_ARGS) { PG_RETURN_JSONB_P(eval_jsonb(PG_GETARG_JSONB_P(0), true)); }

static text* catalog_hash_of(const sipolicy_engine* e) {
  char* out = NULL;
  int status = sipolicy_engine_catalog_hash(&out, e);
  if (status != SIPOLICY_OK) raise_last_error(status, "catalog_hash");
  return cstring_to_text(pgsip_take_string(out));
}

PG_FUNCTION_INFO_V1(sipolicy_pg_catalog_hash);
Datum sipolicy_pg_catalog_hash(PG_FUNCTION_ARGS) {
  (void)fcinfo;
  PG_RETURN_TEXT_P(catalog_hash_of(pgsip_engine()));
}

static Datum library_json(int status, char* out, const char* function) {
  char* text;
  if (status != SIPOLICY_OK) raise_last_error(status, function);
  text = pgsip_take_string(out);
  text = pg_any_to_server(text, (int)strlen(text), PG_UTF8);
  return DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
}

PG_FUNCTION_INFO_V1(sipolicy_pg_packs);
Datum sipolicy_pg_packs(PG_FUNCTION_ARGS) {
  char* out = NULL;
  int status = sipolicy_engine_packs(&out, pgsip_engine());
  (void)fcinfo;
  PG_RETURN_DATUM(library_json(status, out, "packs"));
}

PG_FUNCTION_INFO_V1(sipolicy_pg_describe);
Datum sipolicy_pg_describe(PG_FUNCTION_ARGS) {
  char* out = NULL;
  int status = sipolicy_describe(&out);
  (void)fcinfo;
  PG_RETURN_DATUM(library_json(status, out, "describe"));
}

PG_FUNCTION_INFO_V1(sipolicy_pg_version);
Datum sipolicy_pg_version(PG_FUNCTION_ARGS) {
  (void)fcinfo;
  PG_RETURN_TEXT_P(cstring_to_text(sipolicy_version()));
}

/* Sets sipolicy.session_packs for the session (undone if the transaction
 * rolls back) and makes `fresh` the engine of the new generation. */
static void install_session_packs(const char* value, sipolicy_engine* fresh) {
  PG_TRY();
  {
    (void)set_config_option("sipolicy.session_packs", value, PGC_USERSET, PGC_S_SESSION, GUC_ACTION_SET, true, 0,
                            false);
  }
  PG_CATCH();
  {
    sipolicy_engine_free(fresh);
    PG_RE_THROW();
  }
  PG_END_TRY();
  sipolicy_engine_free(engine);
  engine = fresh;
  engine_generation = settings_generation;
}

/* sipolicy.load_pack(pack text, source text, signature text) → the new catalog hash. */
PG_FUNCTION_INFO_V1(sipolicy_pg_load_pack);
Datum sipolicy_pg_load_pack(PG_FUNCTION_ARGS) {
  StringInfoData value;
  text* pack;
  const char* source = PG_ARGISNULL(1) ? "sql" : text_to_cstring(PG_GETARG_TEXT_PP(1));
  sipolicy_engine* fresh;
  if (PG_ARGISNULL(0))
    ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("sipolicy.load_pack: the pack is NULL")));
  pack = PG_GETARG_TEXT_PP(0);
  initStringInfo(&value);
  appendStringInfoString(&value, session_packs_setting != NULL ? session_packs_setting : "");
  append_piece(&value, source, (int)strlen(source));
  append_piece(&value, VARDATA_ANY(pack), (int)VARSIZE_ANY_EXHDR(pack));
  if (PG_ARGISNULL(2)) {
    append_piece(&value, "", 0);
  } else {
    text* signature = PG_GETARG_TEXT_PP(2);
    append_piece(&value, VARDATA_ANY(signature), (int)VARSIZE_ANY_EXHDR(signature));
  }
  fresh = build_engine(packs_setting, trusted_keys_setting, value.data);
  install_session_packs(value.data, fresh);
  PG_RETURN_TEXT_P(catalog_hash_of(engine));
}

/* sipolicy.unload_packs() → the catalog hash without the session's packs. */
PG_FUNCTION_INFO_V1(sipolicy_pg_unload_packs);
Datum sipolicy_pg_unload_packs(PG_FUNCTION_ARGS) {
  (void)fcinfo;
  install_session_packs("", build_engine(packs_setting, trusted_keys_setting, ""));
  PG_RETURN_TEXT_P(catalog_hash_of(engine));
}
