/*
 * sipolicy.h — the C ABI of sipolicy (libsipolicy.so.1).
 *
 * Plain C99. Opaque handles with create/free pairs (free accepts NULL);
 * out-parameters first; every function returns an int status code
 * (SIPOLICY_OK = 0) and never throws, aborts or crashes on bad input. After a
 * failure, sipolicy_last_error() gives the message and
 * sipolicy_last_error_field() the request field it concerns, for the calling
 * thread, until that thread's next call into the library.
 *
 * Strings are UTF-8 and NUL-terminated unless a length is passed. Strings the
 * library returns through `char** out` are owned by the caller and must be
 * released with sipolicy_string_free(). Money crosses the boundary as integer
 * fen (int64, 1 yuan = 100 fen) or as decimal text ("7413.11"); rates as
 * decimal or fraction text ("0.16", "2/3") or as a numerator/denominator
 * pair. No floating point crosses this boundary.
 *
 * Thread safety: an engine may be used from any number of threads at once,
 * including sipolicy_engine_load_pack (calls already running keep the catalog
 * they started with). sipolicy_engine_free must not race with other calls on
 * the same engine.
 *
 *   sipolicy_engine* e = NULL;
 *   if (sipolicy_engine_create(&e) != SIPOLICY_OK) { puts(sipolicy_last_error()); }
 *   char* out = NULL;
 *   sipolicy_eval_json(&out, e, "{\"op\":\"late_fee\",\"amount\":\"1000\","
 *                      "\"due_date\":\"2020-03-15\",\"paid_date\":\"2020-04-01\"}", 0);
 *   puts(out);                      // {"id":null,"ok":true,"days":17,...}
 *   sipolicy_string_free(out);
 *   sipolicy_engine_free(e);
 */
#ifndef SIPOLICY_H_
#define SIPOLICY_H_

#include <stddef.h>
#include <stdint.h>

#if defined(_WIN32)
#define SIPOLICY_API __declspec(dllexport)
#else
#define SIPOLICY_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* Version of this header; sipolicy_version_number() gives the library's. */
#define SIPOLICY_VERSION_MAJOR 0
#define SIPOLICY_VERSION_MINOR 1
#define SIPOLICY_VERSION_PATCH 0
#define SIPOLICY_VERSION_NUMBER \
  (SIPOLICY_VERSION_MAJOR * 10000 + SIPOLICY_VERSION_MINOR * 100 + SIPOLICY_VERSION_PATCH)
/* The soname's number: bumped only on an incompatible ABI change. */
#define SIPOLICY_ABI_VERSION 1

/* Status codes. Stable for ever: new codes are only ever appended. */
enum {
  SIPOLICY_OK = 0,
  SIPOLICY_INVALID_ARGUMENT = 1, /* a bad value: NULL, bad decimal, bad UTF-8, unknown name */
  SIPOLICY_OUT_OF_RANGE = 2,     /* a value or result beyond the documented range */
  SIPOLICY_NOT_FOUND = 3,        /* no rule or rate for that region/period */
  SIPOLICY_PARSE_ERROR = 4,      /* a JSON request or pack that is not valid JSON */
  SIPOLICY_UNKNOWN_OP = 5,       /* a JSON request with an unknown "op" */
  SIPOLICY_INTERNAL = 6,         /* a bug: please report it with the message */
  SIPOLICY_NO_MEMORY = 7
};

/* Enumerations used by the typed functions (stable values). */
enum { SIPOLICY_PENSION = 0, SIPOLICY_UNEMPLOYMENT = 1, SIPOLICY_WORK_INJURY = 2 };
enum { SIPOLICY_LARGE = 0, SIPOLICY_MEDIUM = 1, SIPOLICY_SMALL = 2, SIPOLICY_MICRO = 3 };
enum {
  SIPOLICY_ENTERPRISE = 0,
  SIPOLICY_INDIVIDUAL_BUSINESS = 1,
  SIPOLICY_SOCIAL_ORGANIZATION = 2,
  SIPOLICY_PUBLIC_INSTITUTION = 3
};

typedef struct sipolicy_engine sipolicy_engine;

/* --- Version and errors ---------------------------------------------------- */
/* "0.1.0"; a static string. */
SIPOLICY_API const char* sipolicy_version(void);
/* SIPOLICY_VERSION_NUMBER of the library actually loaded. */
SIPOLICY_API int sipolicy_version_number(void);
/* The message of the calling thread's last failure ("" if none); valid until
 * the thread's next call into the library. Never NULL. */
SIPOLICY_API const char* sipolicy_last_error(void);
/* The request field the last failure concerns ("" if none). Never NULL. */
SIPOLICY_API const char* sipolicy_last_error_field(void);
/* "ok", "invalid_argument", …; "unknown" for codes this library doesn't know. */
SIPOLICY_API const char* sipolicy_status_name(int status);
/* Frees a string returned by the library; NULL is fine. */
SIPOLICY_API void sipolicy_string_free(char* s);

/* --- Engine: the built-in catalog plus any loaded policy packs -------------- */
SIPOLICY_API int sipolicy_engine_create(sipolicy_engine** out);
SIPOLICY_API void sipolicy_engine_free(sipolicy_engine* engine);
/* Loads a pack (JSON with // comments) given as text; `len` 0 means
 * NUL-terminated. `source` names it in error messages (may be NULL). On any
 * error the engine is unchanged. */
SIPOLICY_API int sipolicy_engine_load_pack(sipolicy_engine* engine, const char* text, size_t len,
                                           const char* source);
SIPOLICY_API int sipolicy_engine_load_pack_file(sipolicy_engine* engine, const char* path);

/* --- JSON entry point (docs/json.md) ---------------------------------------- */
/* Evaluates one JSON request; *out receives one JSON result line (no newline)
 * to free with sipolicy_string_free. Returns SIPOLICY_OK whenever a result
 * was produced — including {"ok":false,…} results for bad requests; a
 * non-zero status means no result (NULL arguments, no memory). `len` 0 means
 * NUL-terminated. */
SIPOLICY_API int sipolicy_eval_json(char** out, const sipolicy_engine* engine, const char* request,
                                    size_t len);
/* JSON Lines: one result line per input line (blank lines give a parse_error
 * result, so line numbers stay aligned), each ending in '\n'. */
SIPOLICY_API int sipolicy_eval_jsonl(char** out, const sipolicy_engine* engine, const char* lines,
                                     size_t len);

/* --- Typed calls ---------------------------------------------------------------
 * Codes as integers: region 360800, period 202002 (YYYYMM), date 20200701
 * (YYYYMMDD), 0 = "not given" where optional. */

/* One month of employer contribution: due = round(base × rate), relief =
 * round(due × relief ratio), payable = due − relief. rate_den 0 → the
 * catalog's default rate. as_of_date 0 → every document counts. */
SIPOLICY_API int sipolicy_contribution(int64_t* out_due_fen, int64_t* out_relief_fen,
                                       int64_t* out_payable_fen, int64_t* out_relief_ratio_num,
                                       int64_t* out_relief_ratio_den,
                                       const sipolicy_engine* engine, int32_t region, int unit_size,
                                       int unit_type, int insurance, int32_t period,
                                       int64_t base_fen, int64_t rate_num, int64_t rate_den,
                                       int32_t as_of_date);

/* The same over n records held in parallel arrays (JNA/ctypes-friendly).
 * out_status[i] is each record's status; the return value is SIPOLICY_OK
 * when every argument was usable, even if some records failed; *out_failed
 * (may be NULL) counts the failed records. Messages of failed records are
 * not kept: call sipolicy_contribution for one to see it. rate_den[i] 0 →
 * catalog default; rate_num/rate_den may be NULL together (all defaults). */
SIPOLICY_API int sipolicy_contribution_batch(
    int64_t* out_due_fen, int64_t* out_relief_fen, int64_t* out_payable_fen, int32_t* out_status,
    size_t* out_failed, const sipolicy_engine* engine, size_t n, const int32_t* region,
    const int32_t* unit_size, const int32_t* unit_type, const int32_t* insurance,
    const int32_t* period, const int64_t* base_fen, const int64_t* rate_num,
    const int64_t* rate_den, int32_t as_of_date);

/* 滞纳金 on `amount_fen` owed since due_date, paid on paid_date (region 0 =
 * national). */
SIPOLICY_API int sipolicy_late_fee(int64_t* out_fee_fen, int32_t* out_days,
                                   const sipolicy_engine* engine, int64_t amount_fen,
                                   int32_t due_date, int32_t paid_date, int32_t region,
                                   int32_t as_of_date);

/* Exact decimal arithmetic for callers without one: round(amount × rate) to
 * money. amount and rate are decimal text ("1234.56", "0.0005" or "2/3"),
 * rounding is "HALF_UP@2" style (NULL = HALF_UP@2). *out receives money
 * text with two decimals, to free with sipolicy_string_free. */
SIPOLICY_API int sipolicy_multiply_round(char** out, const char* amount, const char* rate,
                                         const char* rounding);

#ifdef __cplusplus
}
#endif

#endif /* SIPOLICY_H_ */
