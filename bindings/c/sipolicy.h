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
#define SIPOLICY_VERSION_MINOR 2
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
  SIPOLICY_NO_MEMORY = 7,
  SIPOLICY_PERMISSION_DENIED = 8 /* a pack not signed by a trusted key (trusted-keys mode) */
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
/* "0.2.0"; a static string. */
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

/* --- The paper trail: catalog hash, packs, signatures, receipts (docs/receipts.md) */
/* The content hash of the engine's catalog: 64 lowercase hex digits (SHA-256
 * over the canonical form of every pack in load order; comments, whitespace
 * and key order do not change it). Every JSON result carries its first 16
 * digits as "catalog". *out is freed with sipolicy_string_free. */
SIPOLICY_API int sipolicy_engine_catalog_hash(char** out, const sipolicy_engine* engine);
/* The packs loaded, in load order, as a JSON array
 * [{"name":"…","version":"…","source":"…"}] (the built-in ones first). */
SIPOLICY_API int sipolicy_engine_packs(char** out, const sipolicy_engine* engine);
/* Trusts an Ed25519 public key (64 hex digits, as `sipolicy keygen` writes
 * it). Once an engine trusts any key it is fail-closed: every later pack must
 * come with a detached signature by a trusted key
 * (sipolicy_engine_load_signed_pack, or PATH.sig beside a pack file), else
 * SIPOLICY_PERMISSION_DENIED naming the pack and the key. */
SIPOLICY_API int sipolicy_engine_trust_key(sipolicy_engine* engine, const char* public_key_hex);
/* Loads a pack with its detached signature (the text of a .sig file written
 * by `sipolicy sign`); the signature is checked before the pack is read. */
SIPOLICY_API int sipolicy_engine_load_signed_pack(sipolicy_engine* engine, const char* text,
                                                  size_t len, const char* source,
                                                  const char* signature, size_t signature_len);
/* Evaluates one JSON request like sipolicy_eval_json and returns its receipt:
 * {"request":…,"result":…,"catalog":"<64 hex>","sipolicy":"<version>",
 *  "packs":["name@version",…]} on one line. */
SIPOLICY_API int sipolicy_eval_receipt(char** out, const sipolicy_engine* engine,
                                       const char* request, size_t len);
/* Recomputes one receipt with this engine: *out is
 * {"ok":true,"same":true|false,…} naming what differs (the result's fields,
 * or the catalog hash when this engine's catalog is not the receipt's). */
SIPOLICY_API int sipolicy_replay_receipt(char** out, const sipolicy_engine* engine,
                                         const char* receipt, size_t len);

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

/* --- Typed calls with positional arguments --------------------------------------
 * Codes as integers: region 360800, period 202002 (YYYYMM), date 20200701
 * (YYYYMMDD), 0 = "not given" where optional.
 *
 * Kept for compatibility (SIPOLICY_1) and superseded by the calls with
 * versioned structs below (sipolicy_contribution_eval, sipolicy_late_fee_eval,
 * sipolicy_stable_job_refund_eval and their _batch forms), which give the same
 * results and status codes and can grow new fields without new symbols. */

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
  SIPOLICY_NO_PUBLIC_ACCOUNT = 16 /* no 对公账户: paid to the contribution account */
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

/* --- Typed calls with versioned structs (SIPOLICY_1.3) -------------------------
 * The three operations above with one request struct and one result struct
 * each, so that a new field is a new member, never a new symbol. Codes as
 * above; money in int64 fen. Every struct starts with `uint32_t struct_size`,
 * sizeof the struct as the caller compiled it: start from the
 * SIPOLICY_*_INIT macro, which sets it and gives every member its default.
 *
 *   sipolicy_contribution_request req = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
 *   sipolicy_contribution_result res = SIPOLICY_CONTRIBUTION_RESULT_INIT;
 *   req.region = 360800;
 *   req.unit_size = SIPOLICY_LARGE;
 *   req.insurance = SIPOLICY_PENSION;
 *   req.period = 202003;
 *   req.base_fen = 1000000;
 *   if (sipolicy_contribution_eval(&res, engine, &req) != SIPOLICY_OK) puts(sipolicy_last_error());
 *   // res.due_fen 160000, res.relief_fen 80000, res.payable_fen 80000
 *
 * Growth rule. Members are only ever appended, each with a default; none
 * moves or changes meaning. The library reads only the request members that
 * lie wholly within the caller's struct_size and gives every later member its
 * default, and it writes only the result members within struct_size: a
 * program compiled against an older sipolicy.h keeps working with a newer
 * library. The members of a request before its SIPOLICY_*_REQUEST_MIN_SIZE
 * are always read; the ones after it may be left out the same way (their
 * defaults apply). struct_size must be at least the struct's MIN_SIZE (its
 * first published size) and at most the size this library knows (a larger
 * one comes from a newer sipolicy.h): otherwise the call fails with
 * SIPOLICY_INVALID_ARGUMENT on field "struct_size" (a request) or
 * "out.struct_size" (a result), reads nothing past struct_size and writes
 * nothing.
 *
 * Single calls (sipolicy_*_eval): *out is written only on success; status,
 * message and field as the positional call gives them.
 *
 * Batches (sipolicy_*_eval_batch): n requests in an array whose stride is
 * requests[0].struct_size; every element must carry that same struct_size
 * (else SIPOLICY_INVALID_ARGUMENT naming the first that differs). The results
 * have the stride out[0].struct_size (only out[0]'s is read; every result
 * written gets it). out_status[i] receives record i's status, the code the
 * single call returns for it; a failed record's result members are 0 and it
 * never stops the others; *out_failed (may be NULL) counts failed records.
 * Messages of failed records are not kept: evaluate one alone to see it. The
 * return value is SIPOLICY_OK when every argument was usable, even if records
 * failed; otherwise (NULL engine, NULL out, out_status or requests with
 * n > 0, a bad or differing struct_size) the call fails and writes nothing.
 * n 0 writes nothing and returns SIPOLICY_OK. */

/* One month of employer contribution: due = round(base × rate), relief =
 * round(due × relief ratio), payable = due − relief. */
typedef struct sipolicy_contribution_request {
  uint32_t struct_size;
  int32_t region;     /* 360800 */
  int32_t unit_size;  /* SIPOLICY_LARGE … SIPOLICY_MICRO */
  int32_t insurance;  /* SIPOLICY_PENSION, _UNEMPLOYMENT, _WORK_INJURY */
  int32_t period;     /* YYYYMM */
  int64_t base_fen;   /* the unit's monthly contribution base */
  /* SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE: optional from here. */
  int32_t unit_type;  /* default SIPOLICY_ENTERPRISE */
  int32_t as_of_date; /* YYYYMMDD; default 0: every document counts */
  int64_t rate_num;   /* the employer rate rate_num/rate_den; */
  int64_t rate_den;   /* default rate_den 0: the catalog's default rate */
} sipolicy_contribution_request;

typedef struct sipolicy_contribution_result {
  uint32_t struct_size;
  int64_t due_fen;
  int64_t relief_fen;
  int64_t payable_fen;
  int64_t relief_ratio_num; /* 0, 1/2 or 1 */
  int64_t relief_ratio_den;
  int64_t rate_num;         /* the rate used: the request's, or the catalog's default */
  int64_t rate_den;
} sipolicy_contribution_result;

#define SIPOLICY_CONTRIBUTION_REQUEST_INIT \
  { (uint32_t)sizeof(sipolicy_contribution_request), 0, 0, 0, 0, 0, SIPOLICY_ENTERPRISE, 0, 0, 0 }
#define SIPOLICY_CONTRIBUTION_RESULT_INIT \
  { (uint32_t)sizeof(sipolicy_contribution_result), 0, 0, 0, 0, 0, 0, 0 }
#define SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE offsetof(sipolicy_contribution_request, unit_type)
#define SIPOLICY_CONTRIBUTION_RESULT_MIN_SIZE \
  (offsetof(sipolicy_contribution_result, rate_den) + sizeof(int64_t))

SIPOLICY_API int sipolicy_contribution_eval(sipolicy_contribution_result* out,
                                            const sipolicy_engine* engine,
                                            const sipolicy_contribution_request* request);
SIPOLICY_API int sipolicy_contribution_eval_batch(sipolicy_contribution_result* out,
                                                  int32_t* out_status, size_t* out_failed,
                                                  const sipolicy_engine* engine,
                                                  const sipolicy_contribution_request* requests,
                                                  size_t n);

/* 滞纳金 on amount_fen owed since due_date, paid on paid_date. */
typedef struct sipolicy_late_fee_request {
  uint32_t struct_size;
  int32_t due_date;       /* YYYYMMDD */
  int64_t amount_fen;     /* the unpaid principal */
  int32_t paid_date;      /* YYYYMMDD */
  int32_t region;         /* default 0: national */
  /* SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE: optional from here. */
  int32_t waived_through; /* YYYYMMDD, e.g. a deferral's end: no fee up to that day
                             (缓缴期间免收滞纳金); default 0: none */
  int32_t as_of_date;     /* default 0: every document counts */
} sipolicy_late_fee_request;

typedef struct sipolicy_late_fee_result {
  uint32_t struct_size;
  int32_t days;        /* days charged, after any waiver */
  int32_t waived_days;
  int64_t fee_fen;
} sipolicy_late_fee_result;

#define SIPOLICY_LATE_FEE_REQUEST_INIT \
  { (uint32_t)sizeof(sipolicy_late_fee_request), 0, 0, 0, 0, 0, 0 }
#define SIPOLICY_LATE_FEE_RESULT_INIT { (uint32_t)sizeof(sipolicy_late_fee_result), 0, 0, 0 }
#define SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE offsetof(sipolicy_late_fee_request, waived_through)
#define SIPOLICY_LATE_FEE_RESULT_MIN_SIZE \
  (offsetof(sipolicy_late_fee_result, fee_fen) + sizeof(int64_t))

SIPOLICY_API int sipolicy_late_fee_eval(sipolicy_late_fee_result* out,
                                        const sipolicy_engine* engine,
                                        const sipolicy_late_fee_request* request);
SIPOLICY_API int sipolicy_late_fee_eval_batch(sipolicy_late_fee_result* out, int32_t* out_status,
                                              size_t* out_failed, const sipolicy_engine* engine,
                                              const sipolicy_late_fee_request* requests, size_t n);

/* 失业保险稳岗返还 for `year` from the unit's previous-year figures: amount =
 * max(round(ratio × prior_year_paid) − already_refunded, 0). The batch is the
 * 免申即享 screening of sipolicy_stable_job_refund_batch, with the year per
 * record and without the totals (sum amount_fen for them). */
typedef struct sipolicy_stable_job_refund_request {
  uint32_t struct_size;
  int32_t region;
  int32_t unit_size;           /* SIPOLICY_LARGE … SIPOLICY_MICRO */
  int32_t unit_type;           /* default SIPOLICY_ENTERPRISE */
  int32_t year;                /* the year the refund is paid for */
  int32_t months_paid;         /* months of year−1 paid, 0..12 */
  int64_t prior_year_paid_fen; /* unemployment insurance paid in year−1, unit + employees */
  int64_t layoffs;             /* layoffs in year−1 */
  int64_t insured;             /* insured headcount at the end of year−1 */
  /* SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE: optional from here. */
  int64_t already_refunded_fen; /* refunded for the same year already (补齐差额); default 0 */
  int32_t arrears;             /* 长期欠费, 0/1; default 0 */
  int32_t dishonest;           /* 违法或严重失信, 0/1; default 0 */
  int32_t liquidation;         /* 破产清算, 0/1; default 0 */
  int32_t zombie;              /* 僵尸企业, 0/1; default 0 */
  int32_t has_public_account;  /* 0/1; default 1 (0: paid to the contribution account) */
  int32_t as_of_date;          /* default 0: every document counts */
} sipolicy_stable_job_refund_request;

typedef struct sipolicy_stable_job_refund_result {
  uint32_t struct_size;
  int32_t eligible;   /* 0/1 */
  int64_t amount_fen;
  int64_t ratio_num;  /* the rate applied; 0 when not eligible */
  int64_t ratio_den;
  uint32_t reasons;   /* bit i = refusal reason i (sipolicy_refund_reason_name); 0 when eligible */
  int32_t payee;      /* SIPOLICY_PAYEE_* */
} sipolicy_stable_job_refund_result;

#define SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT                                             \
  { (uint32_t)sizeof(sipolicy_stable_job_refund_request), 0, 0, SIPOLICY_ENTERPRISE, 0, 0, 0, \
    0, 0, 0, 0, 0, 0, 0, 1, 0 }
#define SIPOLICY_STABLE_JOB_REFUND_RESULT_INIT \
  { (uint32_t)sizeof(sipolicy_stable_job_refund_result), 0, 0, 0, 0, 0, SIPOLICY_PAYEE_NONE }
#define SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE \
  offsetof(sipolicy_stable_job_refund_request, already_refunded_fen)
#define SIPOLICY_STABLE_JOB_REFUND_RESULT_MIN_SIZE \
  (offsetof(sipolicy_stable_job_refund_result, payee) + sizeof(int32_t))

SIPOLICY_API int sipolicy_stable_job_refund_eval(sipolicy_stable_job_refund_result* out,
                                                 const sipolicy_engine* engine,
                                                 const sipolicy_stable_job_refund_request* request);
SIPOLICY_API int sipolicy_stable_job_refund_eval_batch(
    sipolicy_stable_job_refund_result* out, int32_t* out_status, size_t* out_failed,
    const sipolicy_engine* engine, const sipolicy_stable_job_refund_request* requests, size_t n);

/* --- Columnar batches (struct of arrays) ---------------------------------------
 * One call evaluates n records of an operation given as columns. Each column
 * is named after the operation's request field (inputs) or result field
 * (outputs), with nested fields joined by '.' ("unit.size") and ratios split
 * into ".num"/".den". sipolicy_describe() lists every operation's columns,
 * their types, defaults and the codes of enum columns; the ones offered today:
 *
 *   contribution        inputs:  region, unit.size, unit.type (default
 *                                 enterprise), insurance, period (YYYYMM),
 *                                 base (fen), rate.num + rate.den (den 0 or
 *                                 absent: the catalog's default), as_of
 *                       outputs: due, relief, payable (fen), relief_ratio.num,
 *                                 relief_ratio.den, rate.num, rate.den,
 *                                 status, error
 *   stable_job_refund   inputs:  region, unit.size, unit.type, year,
 *                                 prior_year_paid (fen), months_paid, layoffs,
 *                                 insured, arrears, dishonest, liquidation,
 *                                 zombie (0/1, default 0), already_refunded
 *                                 (fen, default 0), has_public_account (0/1,
 *                                 default 1), as_of
 *                       outputs: eligible (0/1), amount (fen), ratio.num,
 *                                 ratio.den, reasons (bit i = reason i, named
 *                                 by sipolicy_refund_reason_name), payee
 *                                 (SIPOLICY_PAYEE_*), status, error
 *   late_fee            inputs:  amount (fen), due_date, paid_date (YYYYMMDD),
 *                                 region (default 0 = national),
 *                                 waived_through (YYYYMMDD, 0 = none), as_of
 *                       outputs: fee (fen), days, waived_days, status, error
 *
 * Codes: regions as integers (360800), periods YYYYMM, dates YYYYMMDD, money
 * as int64 fen, enums as the SIPOLICY_* values above, booleans 0/1; "as_of"
 * 0 = every document counts. Integer columns may be int32 or int64: a value
 * that does not fit its field (an int64 input past int32 for an int32 field,
 * or a result too large for an int32 output column) fails that record alone
 * with SIPOLICY_OUT_OF_RANGE. "status" receives each record's status code; "error" (type
 * SIPOLICY_COLUMN_TEXT, char*[n]) receives NULL for a good record and, for a
 * failed one, "field: message" that the caller frees with
 * sipolicy_string_free. Outputs of a failed record are 0. A bad record never
 * stops the others; *out_failed (may be NULL) counts failed records.
 *
 * The call itself fails (and writes nothing) for: NULL engine/op/columns
 * with n > 0, an unknown operation or one without a columnar form
 * (SIPOLICY_UNKNOWN_OP), an unknown, duplicated or wrongly typed column, a
 * missing required input column, or a NULL data pointer
 * (SIPOLICY_INVALID_ARGUMENT, with the column in sipolicy_last_error_field).
 *
 * A sketch (not compiled: "..." stands for the other columns; tests/c/c_api_test.c
 * makes whole calls):
 *
 *   int32_t region[2] = {360800, 420100}, size[2] = {SIPOLICY_SMALL, SIPOLICY_LARGE};
 *   ...
 *   sipolicy_column in[] = {{"region", SIPOLICY_COLUMN_I32, region}, ...};
 *   int64_t payable[2]; int32_t status[2];
 *   sipolicy_column out[] = {{"payable", SIPOLICY_COLUMN_I64, payable},
 *                            {"status", SIPOLICY_COLUMN_I32, status}};
 *   size_t failed = 0;
 *   sipolicy_batch(out, 2, &failed, engine, "contribution", 2, in, 6);
 */
enum {
  SIPOLICY_COLUMN_I32 = 1,  /* int32_t[n] */
  SIPOLICY_COLUMN_I64 = 2,  /* int64_t[n] */
  SIPOLICY_COLUMN_TEXT = 3  /* inputs: const char*[n] (NULL = absent); outputs: char*[n] */
};

typedef struct sipolicy_column {
  const char* name; /* "base", "unit.size", "relief_ratio.num", … */
  int32_t type;     /* SIPOLICY_COLUMN_* */
  void* data;       /* n values: read for inputs, written for outputs */
} sipolicy_column;

SIPOLICY_API int sipolicy_batch(sipolicy_column* outputs, size_t n_outputs, size_t* out_failed,
                                const sipolicy_engine* engine, const char* op, size_t n,
                                const sipolicy_column* inputs, size_t n_inputs);

/* Every operation as JSON: its request and result fields (name, type,
 * required or default, meaning), the columns of its columnar form if any,
 * and the codes of every enum. *out is freed with sipolicy_string_free. */
SIPOLICY_API int sipolicy_describe(char** out);

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
