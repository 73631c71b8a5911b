/*
 * sipolicy.h — the C ABI of sipolicy (libsipolicy.so.1).
 *
 * Plain C99. Opaque handles with create/free pairs (free accepts NULL);
 * out-parameters first; every function returns an int status code
 * (SIPOLICY_OK = 0) and never throws, aborts or crashes on bad input. After a
 * failure, sipolicy_last_error() gives the message and
 * sipolicy_last_error_field() the request field it concerns, for the calling
 * thread, until that thread's next call of a function that returns a status
 * (the accessors sipolicy_last_error, sipolicy_last_error_field,
 * sipolicy_status_name, sipolicy_refund_reason_name, sipolicy_version* and
 * sipolicy_string_free never change it).
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
 * NUL-terminated (so an empty pack must be passed as "" with len 0). `source` names it in error messages (may be NULL). On any
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

/* 失业保险稳岗返还 (job-stabilisation refund) for the year `year`, from the
 * unit's previous-year figures. Flags: */
enum {
  SIPOLICY_ARREARS = 1,          /* 长期欠费 */
  SIPOLICY_DISHONEST = 2,        /* 违法或严重失信 */
  SIPOLICY_LIQUIDATION = 4,      /* 破产清算 */
  SIPOLICY_ZOMBIE = 8,           /* 僵尸企业 */
  SIPOLICY_NO_PUBLIC_ACCOUNT = 16 /* no 对公账户: paid to the contribution account (seed 002) */
};
/* Payees reported in *out_payee. */
enum {
  SIPOLICY_PAYEE_NONE = 0,
  SIPOLICY_PAYEE_PUBLIC_ACCOUNT = 1,
  SIPOLICY_PAYEE_CONTRIBUTION_ACCOUNT = 2,
  SIPOLICY_PAYEE_UNRESOLVED = 3
};
/* *out_reasons: bit i set = refusal reason i, named by
 * sipolicy_refund_reason_name(i) ("layoff_rate_above_target", …); 0 when
 * eligible. The amount is max(round(ratio × prior_year_paid) −
 * already_refunded, 0). */
SIPOLICY_API int sipolicy_stable_job_refund(int64_t* out_amount_fen, int32_t* out_eligible,
                                            int64_t* out_ratio_num, int64_t* out_ratio_den,
                                            uint32_t* out_reasons, int32_t* out_payee,
                                            const sipolicy_engine* engine, int32_t region,
                                            int32_t unit_size, int32_t unit_type, int32_t year,
                                            int64_t prior_year_paid_fen, int32_t months_paid,
                                            int64_t layoffs, int64_t insured, uint32_t flags,
                                            int64_t already_refunded_fen, int32_t as_of_date);
/* 免申即享 screening of n units for one year, in parallel arrays. Per record:
 * amount, eligible, reasons, status (a bad record gets its status and is
 * skipped). Totals (each pointer may be NULL): amount paid, units paid,
 * employees covered (insured headcount of the units paid), failed records.
 * flags and already_refunded_fen may be NULL (none). */
SIPOLICY_API int sipolicy_stable_job_refund_batch(
    int64_t* out_amount_fen, int32_t* out_eligible, uint32_t* out_reasons, int32_t* out_status,
    int64_t* out_total_fen, int64_t* out_units_paid, int64_t* out_employees_covered,
    size_t* out_failed, const sipolicy_engine* engine, size_t n, int32_t year,
    const int32_t* region, const int32_t* unit_size, const int32_t* unit_type,
    const int64_t* prior_year_paid_fen, const int32_t* months_paid, const int64_t* layoffs,
    const int64_t* insured, const uint32_t* flags, const int64_t* already_refunded_fen,
    int32_t as_of_date);
/* "layoff_rate_above_target" etc. for a reason bit index; "unknown" otherwise. */
SIPOLICY_API const char* sipolicy_refund_reason_name(int reason);

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
