/* Plain-C test of the C ABI (compiled as C99): every exported function and
 * every error path. Expected values are worked out by hand in comments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipolicy.h"

#include "c_check.h"  /* CHECK, contains */

static void test_version_and_names(void) {
  CHECK(strcmp(sipolicy_version(), "0.2.0") == 0);
  CHECK(sipolicy_version_number() == SIPOLICY_VERSION_NUMBER);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_OK), "ok") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_INVALID_ARGUMENT), "invalid_argument") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_OUT_OF_RANGE), "out_of_range") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_NOT_FOUND), "not_found") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_PARSE_ERROR), "parse_error") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_UNKNOWN_OP), "unknown_op") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_INTERNAL), "internal") == 0);
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_NO_MEMORY), "no_memory") == 0);
  CHECK(strcmp(sipolicy_status_name(999), "unknown") == 0);
  CHECK(sipolicy_last_error() != NULL);
  CHECK(sipolicy_last_error_field() != NULL);
  sipolicy_string_free(NULL); /* accepted */
  sipolicy_engine_free(NULL); /* accepted */
}

static void test_engine(sipolicy_engine** out) {
  CHECK(sipolicy_engine_create(NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "out must not be NULL"));
  CHECK(sipolicy_engine_create(out) == SIPOLICY_OK);
  CHECK(*out != NULL);
  CHECK(strcmp(sipolicy_last_error(), "") == 0);
}

static void test_json(const sipolicy_engine* e) {
  char* out = NULL;
  /* 1000.00 owed from 2020-03-15 to 2020-04-01: 17 days x 0.0005 = 8.50 */
  CHECK(sipolicy_eval_json(&out, e,
                           "{\"id\":1,\"op\":\"late_fee\",\"amount\":\"1000.00\",\"due_date\":"
                           "\"2020-03-15\",\"paid_date\":\"2020-04-01\"}",
                           0) == SIPOLICY_OK);
  CHECK(contains(out, "\"ok\":true,\"days\":17,\"daily_rate\":\"0.0005\",\"fee\":\"8.50\""));
  sipolicy_string_free(out);
  /* A bad request is still a result (ok:false), with status OK. */
  out = NULL;
  CHECK(sipolicy_eval_json(&out, e, "{\"op\":\"nope\"}", 0) == SIPOLICY_OK);
  CHECK(contains(out, "\"code\":\"unknown_op\""));
  sipolicy_string_free(out);
  /* Explicit length: only the first 2 bytes "{}" are read. */
  out = NULL;
  CHECK(sipolicy_eval_json(&out, e, "{}garbage", 2) == SIPOLICY_OK);
  CHECK(contains(out, "\"field\":\"op\""));
  sipolicy_string_free(out);
  /* Invalid UTF-8 is a parse error, not a crash. */
  out = NULL;
  CHECK(sipolicy_eval_json(&out, e, "{\"op\":\"\xff\"}", 0) == SIPOLICY_OK);
  CHECK(contains(out, "not valid UTF-8"));
  sipolicy_string_free(out);
  /* NULL arguments. */
  CHECK(sipolicy_eval_json(NULL, e, "{}", 0) == SIPOLICY_INVALID_ARGUMENT);
  out = (char*)1;
  CHECK(sipolicy_eval_json(&out, NULL, "{}", 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK(strcmp(sipolicy_last_error_field(), "engine") == 0);
  CHECK(sipolicy_eval_json(&out, e, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);

  /* JSON Lines: one result per line, blank lines included. */
  out = NULL;
  CHECK(sipolicy_eval_jsonl(&out, e,
                            "{\"id\":1,\"op\":\"late_fee\",\"amount\":\"1\",\"due_date\":\"2020-01-01\","
                            "\"paid_date\":\"2020-01-01\"}\r\n\nnot json\n",
                            0) == SIPOLICY_OK);
  {
    int lines = 0;
    const char* p;
    for (p = out; p && *p; ++p) lines += *p == '\n';
    CHECK(lines == 3);
  }
  CHECK(contains(out, "{\"id\":1,\"ok\":true"));
  CHECK(contains(out, "\"code\":\"parse_error\""));
  sipolicy_string_free(out);
  CHECK(sipolicy_eval_jsonl(NULL, e, "", 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_eval_jsonl(&out, NULL, "", 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_eval_jsonl(&out, e, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
}

static void test_contribution(const sipolicy_engine* e) {
  int64_t due = -1, relief = -1, payable = -1, num = -1, den = -1;
  /* Ji'an large enterprise, pension, 2020-03, base 10000.05, catalog rate 16%:
     due 1600.008 -> 1600.01; relief 800.005 -> 800.01; payable 800.00. */
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, SIPOLICY_LARGE,
                              SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202003, 1000005, 0, 0,
                              0) == SIPOLICY_OK);
  CHECK(due == 160001 && relief == 80001 && payable == 80000 && num == 1 && den == 2);
  /* Same for an SME with an explicit rate 16/100: exempt. */
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, SIPOLICY_SMALL,
                              SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202003, 1000005, 16, 100,
                              0) == SIPOLICY_OK);
  CHECK(due == 160001 && relief == 160001 && payable == 0 && num == 1 && den == 1);
  /* July 2020 as known on 2020-06-01: no relief yet (49号 came 2020-06-22). */
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, SIPOLICY_SMALL,
                              SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202007, 1000000, 0, 0,
                              20200601) == SIPOLICY_OK);
  CHECK(due == 160000 && relief == 0 && payable == 160000 && num == 0);
  /* Error paths, each with its code and field. */
  CHECK(sipolicy_contribution(NULL, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, NULL, 360800, 0, 0, 0, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 990000, 0, 0, 0, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "region") == 0);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, -5, 0, 0, 0, 202003, 100, 0,
                              0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 9, 0, 0, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "unit_size") == 0);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 7, 0, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 3, 202003,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202013,
                              100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "period") == 0);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202003,
                              -100, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "base") == 0);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202003,
                              INT64_MAX, 0, 0, 0) == SIPOLICY_OUT_OF_RANGE);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202003,
                              100, 16, 1, 0) == SIPOLICY_OUT_OF_RANGE);
  CHECK(contains(sipolicy_last_error(), "write 16% as 0.16"));
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0,
                              SIPOLICY_UNEMPLOYMENT, 202003, 100, 0, 0, 0) == SIPOLICY_NOT_FOUND);
  CHECK(strcmp(sipolicy_last_error_field(), "rate") == 0);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 360800, 0, 0, 0, 202003,
                              100, 0, 0, 20201332) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "as_of") == 0);
}

static void test_batch(const sipolicy_engine* e) {
  enum { N = 4 };
  int64_t due[N], relief[N], payable[N];
  int32_t status[N];
  size_t failed_count = 99;
  const int32_t region[N] = {360800, 360800, 990000, 420000};
  const int32_t size[N] = {SIPOLICY_LARGE, SIPOLICY_SMALL, SIPOLICY_SMALL, SIPOLICY_LARGE};
  const int32_t type[N] = {0, 0, 0, 0};
  const int32_t ins[N] = {SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_PENSION,
                          SIPOLICY_WORK_INJURY};
  const int32_t period[N] = {202003, 202003, 202003, 202005};
  const int64_t base[N] = {1000005, 1000005, 100, 500000};
  const int64_t rate_num[N] = {0, 0, 0, 4};
  const int64_t rate_den[N] = {0, 0, 0, 1000};
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, &failed_count, e, N, region,
                                    size, type, ins, period, base, rate_num, rate_den,
                                    0) == SIPOLICY_OK);
  CHECK(failed_count == 1);
  CHECK(status[0] == SIPOLICY_OK && due[0] == 160001 && payable[0] == 80000);
  CHECK(status[1] == SIPOLICY_OK && payable[1] == 0);
  CHECK(status[2] == SIPOLICY_INVALID_ARGUMENT && due[2] == 0);
  /* Hubei large unit, work injury 0.4% of 5000.00 = 20.00, May 2020: exempt. */
  CHECK(status[3] == SIPOLICY_OK && due[3] == 2000 && relief[3] == 2000);
  /* All-default rates (NULL arrays) and argument errors. */
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, NULL, e, 2, region, size, type,
                                    ins, period, base, NULL, NULL, 0) == SIPOLICY_OK);
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, NULL, e, 2, region, size, type,
                                    ins, period, base, rate_num, NULL,
                                    0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, NULL, e, 2, NULL, size, type,
                                    ins, period, base, NULL, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution_batch(NULL, relief, payable, status, NULL, e, 2, region, size, type,
                                    ins, period, base, NULL, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, NULL, NULL, 2, region, size,
                                    type, ins, period, base, NULL, NULL,
                                    0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution_batch(due, relief, payable, status, NULL, e, 2, region, size, type,
                                    ins, period, base, NULL, NULL, 1) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_contribution_batch(NULL, NULL, NULL, NULL, &failed_count, e, 0, NULL, NULL, NULL,
                                    NULL, NULL, NULL, NULL, NULL, 0) == SIPOLICY_OK);
  CHECK(failed_count == 0);
}

static void test_late_fee(const sipolicy_engine* e) {
  int64_t fee = -1;
  int32_t days = -1;
  /* 10000.00 from 2011-06-15 to 2011-07-10: 15 days x 0.2% + 10 days x 0.05% = 3.5% = 350.00 */
  CHECK(sipolicy_late_fee(&fee, &days, e, 1000000, 20110615, 20110710, 0, 0) == SIPOLICY_OK);
  CHECK(fee == 35000 && days == 25);
  CHECK(sipolicy_late_fee(&fee, &days, e, 100000, 20200315, 20200401, 360800, 0) == SIPOLICY_OK);
  CHECK(fee == 850 && days == 17);
  CHECK(sipolicy_late_fee(NULL, &days, e, 1, 20200315, 20200401, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, NULL, 1, 20200315, 20200401, 0, 0) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, e, -1, 20200315, 20200401, 0, 0) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, e, 1, 20190229, 20200401, 0, 0) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "due_date") == 0);
  CHECK(sipolicy_late_fee(&fee, &days, e, 1, 20200315, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, e, 1, 20200315, 20200401, 123, 0) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, e, 1, 20200315, 20200401, 0, 1) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_late_fee(&fee, &days, e, 100, 19980101, 19980301, 0, 0) == SIPOLICY_NOT_FOUND);
  CHECK(sipolicy_late_fee(&fee, &days, e, INT64_MAX, 20200315, 20200401, 0, 0) ==
        SIPOLICY_OUT_OF_RANGE);
}

static void test_stable_job_refund(const sipolicy_engine* e) {
  int64_t amount = -1, num = -1, den = -1;
  int32_t eligible = -1, payee = -1;
  uint32_t reasons = 99;
  /* 2022, Guizhou SME: 90% of 12000.00 paid in 2021 = 10800.00 (人社部发〔2022〕23号). */
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000,
                                   SIPOLICY_SMALL, SIPOLICY_ENTERPRISE, 2022, 1200000, 12, 0, 25, 0,
                                   0, 0) == SIPOLICY_OK);
  CHECK(amount == 1080000 && eligible == 1 && num == 9 && den == 10 && reasons == 0);
  CHECK(payee == SIPOLICY_PAYEE_PUBLIC_ACCOUNT);
  /* Without a public account a micro unit is paid to its contribution account (as in the Guizhou
     prefecture bureau's 2022 work report). */
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000,
                                   SIPOLICY_MICRO, SIPOLICY_ENTERPRISE, 2022, 1200000, 12, 0, 5,
                                   SIPOLICY_NO_PUBLIC_ACCOUNT, 0, 0) == SIPOLICY_OK);
  CHECK(payee == SIPOLICY_PAYEE_CONTRIBUTION_ACCOUNT);
  /* Layoffs 11 of 200 = 5.5% exactly: passes 2021's 5.5% target; 12 of 200 = 6% fails. */
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000,
                                   SIPOLICY_MEDIUM, SIPOLICY_ENTERPRISE, 2022, 1000000, 12, 11, 200, 0,
                                   0, 0) == SIPOLICY_OK);
  CHECK(eligible == 1 && amount == 900000);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000,
                                   SIPOLICY_MEDIUM, SIPOLICY_ENTERPRISE, 2022, 1000000, 12, 12, 200, 0,
                                   0, 0) == SIPOLICY_OK);
  CHECK(eligible == 0 && amount == 0 && (reasons & (1u << 2)) != 0);
  CHECK(strcmp(sipolicy_refund_reason_name(2), "layoff_rate_above_target") == 0);
  /* 11 months paid; long-term arrears; a public institution. */
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000,
                                   SIPOLICY_SMALL, SIPOLICY_ENTERPRISE, 2022, 1000000, 11, 0, 20,
                                   SIPOLICY_ARREARS, 0, 0) == SIPOLICY_OK);
  CHECK(eligible == 0 && reasons == ((1u << 4) | (1u << 5)));
  CHECK(strcmp(sipolicy_refund_reason_name(4), "months_paid_below_required") == 0);
  CHECK(strcmp(sipolicy_refund_reason_name(5), "long_term_arrears") == 0);
  CHECK(strcmp(sipolicy_refund_reason_name(99), "unknown") == 0);
  CHECK(strcmp(sipolicy_refund_reason_name(-1), "unknown") == 0);
  /* The top-up (补齐差额): 2020 SME 100% of 8000.00 minus 4000.00 already refunded at 50%. */
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 360800,
                                   SIPOLICY_SMALL, SIPOLICY_ENTERPRISE, 2020, 800000, 12, 0, 20, 0,
                                   400000, 0) == SIPOLICY_OK);
  CHECK(eligible == 1 && amount == 400000);
  /* Errors. */
  CHECK(sipolicy_stable_job_refund(NULL, &eligible, &num, &den, &reasons, &payee, e, 520000, 0, 0,
                                   2022, 1, 12, 0, 1, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, NULL, 520000,
                                   0, 0, 2022, 1, 12, 0, 1, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000, 0,
                                   0, 2022, 1, 12, 0, 1, 64, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "flags") == 0);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000, 0,
                                   0, 2022, 1, 13, 0, 1, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000, 0,
                                   0, 2022, 1, 12, 5, 1, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000, 0,
                                   0, 2022, -1, 12, 0, 1, 0, 0, 0) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund(&amount, &eligible, &num, &den, &reasons, &payee, e, 520000, 0,
                                   0, 2022, 1, 12, 0, 1, 0, 0, 20221301) == SIPOLICY_INVALID_ARGUMENT);
  {
    enum { N = 3 };
    int64_t amounts[N];
    int32_t elig[N], status[N];
    uint32_t why[N];
    int64_t total = -1, paid_units = -1, covered = -1;
    size_t failed_count = 99;
    const int32_t region[N] = {520000, 990000, 520000};
    const int32_t size[N] = {SIPOLICY_SMALL, SIPOLICY_SMALL, SIPOLICY_LARGE};
    const int32_t type[N] = {0, 0, 0};
    const int64_t paid[N] = {1200000, 100, 1000000};
    const int32_t months[N] = {12, 12, 12};
    const int64_t layoffs[N] = {0, 0, 0};
    const int64_t insured[N] = {25, 3, 400};
    /* Large unit 2022: 50% (raised from 30% by 国发〔2022〕12号) of 10000.00 = 5000.00. */
    CHECK(sipolicy_stable_job_refund_batch(amounts, elig, why, status, &total, &paid_units, &covered,
                                           &failed_count, e, N, 2022, region, size, type, paid,
                                           months, layoffs, insured, NULL, NULL, 0) == SIPOLICY_OK);
    CHECK(failed_count == 1 && status[1] == SIPOLICY_INVALID_ARGUMENT);
    CHECK(status[0] == SIPOLICY_OK && amounts[0] == 1080000 && elig[0] == 1);
    CHECK(status[2] == SIPOLICY_OK && amounts[2] == 500000);
    CHECK(total == 1580000 && paid_units == 2 && covered == 425);
    CHECK(sipolicy_stable_job_refund_batch(amounts, elig, why, status, NULL, NULL, NULL, NULL, e, N,
                                           2022, NULL, size, type, paid, months, layoffs, insured,
                                           NULL, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(sipolicy_stable_job_refund_batch(NULL, elig, why, status, NULL, NULL, NULL, NULL, e, N,
                                           2022, region, size, type, paid, months, layoffs, insured,
                                           NULL, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(sipolicy_stable_job_refund_batch(amounts, elig, why, status, NULL, NULL, NULL, NULL, NULL,
                                           N, 2022, region, size, type, paid, months, layoffs,
                                           insured, NULL, NULL, 0) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(sipolicy_stable_job_refund_batch(amounts, elig, why, status, NULL, NULL, NULL, NULL, e, N,
                                           2022, region, size, type, paid, months, layoffs, insured,
                                           NULL, NULL, 7) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(sipolicy_stable_job_refund_batch(NULL, NULL, NULL, NULL, &total, NULL, NULL, &failed_count,
                                           e, 0, 2022, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                           NULL, 0) == SIPOLICY_OK);
    CHECK(total == 0 && failed_count == 0);
  }
}

static void test_multiply_round(void) {
  char* out = NULL;
  CHECK(sipolicy_multiply_round(&out, "1000.00", "2/3", NULL) == SIPOLICY_OK); /* 666.666… */
  CHECK(out != NULL && strcmp(out, "666.67") == 0);
  sipolicy_string_free(out);
  CHECK(sipolicy_multiply_round(&out, "12.31", "1", "CEILING@1") == SIPOLICY_OK); /* 见分进角 */
  CHECK(out != NULL && strcmp(out, "12.40") == 0);
  sipolicy_string_free(out);
  CHECK(sipolicy_multiply_round(&out, "1e5", "1", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "amount") == 0);
  CHECK(contains(sipolicy_last_error(), "exponent notation"));
  CHECK(sipolicy_multiply_round(&out, "1", "x", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "rate") == 0);
  CHECK(sipolicy_multiply_round(&out, "1", "1", "HALF_UP@9") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, "1", "1", "bogus") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, "0.01", "1/2", "UNNECESSARY@2") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, "\xff\xfe", "1", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "'\\xFF\\xFE'")); /* bad bytes named, the message stays valid UTF-8 */
  CHECK(sipolicy_multiply_round(NULL, "1", "1", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, NULL, "1", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, "1", NULL, NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_multiply_round(&out, "1000000000000000", "2", NULL) == SIPOLICY_OUT_OF_RANGE);
}

static void test_packs(sipolicy_engine* e) {
  int64_t due, relief, payable, num, den;
  const char* pack =
      "// Guangdong: an imaginary 2021 exemption\n"
      "{\"format\":\"sipolicy-pack/1\",\"name\":\"gd\",\"version\":\"1\","
      "\"documents\":[{\"id\":\"gd-1\",\"number\":\"粤人社发〔2021〕1号\",\"issuer\":\"广东省\","
      "\"title\":\"t\",\"issued\":\"2021-01-01\"}],"
      "\"exemptions\":[{\"id\":\"gd-sme\",\"document\":\"gd-1\",\"region\":\"440000\","
      "\"units\":[\"sme\"],\"periods\":[\"2021-01\",\"2021-03\"],\"ratio\":\"1\"}]}";
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 440300, SIPOLICY_SMALL, 0, 0,
                              202102, 100000, 0, 0, 0) == SIPOLICY_OK);
  CHECK(payable == 16000);
  CHECK(sipolicy_engine_load_pack(e, pack, 0, "gd.jsonc") == SIPOLICY_OK);
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 440300, SIPOLICY_SMALL, 0, 0,
                              202102, 100000, 0, 0, 0) == SIPOLICY_OK);
  CHECK(payable == 0);
  /* A malformed pack is rejected and leaves the engine as it was. */
  CHECK(sipolicy_engine_load_pack(e, "{\"format\":", 0, "bad.jsonc") == SIPOLICY_PARSE_ERROR);
  CHECK(contains(sipolicy_last_error(), "bad.jsonc: line 1"));
  CHECK(sipolicy_engine_load_pack(e, "{\"format\":\"sipolicy-pack/1\",\"name\":\"x\",\"version\":\"1\",\"x\":1}",
                                  0, "x.jsonc") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "x.jsonc:1:") && contains(sipolicy_last_error(), "unknown field"));
  CHECK(sipolicy_contribution(&due, &relief, &payable, &num, &den, e, 440300, SIPOLICY_SMALL, 0, 0,
                              202102, 100000, 0, 0, 0) == SIPOLICY_OK);
  CHECK(payable == 0);
  CHECK(sipolicy_engine_load_pack(NULL, pack, 0, NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_load_pack(e, NULL, 0, NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_load_pack_file(e, "/nonexistent/pack.jsonc") == SIPOLICY_NOT_FOUND);
  CHECK(sipolicy_engine_load_pack_file(NULL, "x") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_load_pack_file(e, NULL) == SIPOLICY_INVALID_ARGUMENT);
  {
    const char* path = "c_api_test_pack.jsonc";
    FILE* f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f != NULL) {
      fputs(pack, f);
      fclose(f);
      CHECK(sipolicy_engine_load_pack_file(e, path) == SIPOLICY_OK);
      remove(path);
    }
  }
}

/* Columnar batches: sipolicy_batch with named columns. */
static void test_columns(const sipolicy_engine* e) {
  /* 吉安 SME pension March 2020, base 10000.00: due 1600.00, exempt.
   * 吉安 large enterprise, base 10000.05: due 1600.01, halved: relief 800.01, payable 800.00.
   * A record with size 9: invalid_argument on "unit.size"; the others are answered. */
  int32_t region[3] = {360800, 360800, 360800};
  int32_t size[3] = {SIPOLICY_SMALL, 9, SIPOLICY_LARGE};
  int32_t insurance[3] = {SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_PENSION};
  int64_t period64[3] = {202003, 202003, 202003}; /* int64 where int32 is natural: converted */
  int64_t base[3] = {1000000, 1000000, 1000005};
  int64_t due[3], relief[3], num[3], den[3];
  int32_t payable32[3]; /* int32 output of an int64 field: fits here */
  int32_t status[3];
  char* errors[3] = {NULL, NULL, NULL};
  size_t failed = 99;
  sipolicy_column in[5] = {{"region", SIPOLICY_COLUMN_I32, region},
                           {"unit.size", SIPOLICY_COLUMN_I32, size},
                           {"insurance", SIPOLICY_COLUMN_I32, insurance},
                           {"period", SIPOLICY_COLUMN_I64, period64},
                           {"base", SIPOLICY_COLUMN_I64, base}};
  sipolicy_column out[7] = {{"due", SIPOLICY_COLUMN_I64, due},
                            {"relief", SIPOLICY_COLUMN_I64, relief},
                            {"payable", SIPOLICY_COLUMN_I32, payable32},
                            {"relief_ratio.num", SIPOLICY_COLUMN_I64, num},
                            {"relief_ratio.den", SIPOLICY_COLUMN_I64, den},
                            {"status", SIPOLICY_COLUMN_I32, status},
                            {"error", SIPOLICY_COLUMN_TEXT, errors}};
  CHECK(sipolicy_batch(out, 7, &failed, e, "contribution", 3, in, 5) == SIPOLICY_OK);
  CHECK(failed == 1);
  CHECK(status[0] == SIPOLICY_OK && due[0] == 160000 && relief[0] == 160000 && payable32[0] == 0);
  CHECK(num[0] == 1 && den[0] == 1);
  CHECK(status[1] == SIPOLICY_INVALID_ARGUMENT && due[1] == 0);
  CHECK(errors[0] == NULL && errors[2] == NULL);
  CHECK(contains(errors[1], "unit.size: "));
  CHECK(status[2] == SIPOLICY_OK && due[2] == 160001 && relief[2] == 80001 && payable32[2] == 80000);
  CHECK(num[2] == 1 && den[2] == 2);
  sipolicy_string_free(errors[1]);

  /* 贵州 small enterprise, 2022: 12000.00 paid, no layoffs, 12 months: 90% = 10800.00. */
  {
    int32_t r_region[1] = {520000}, r_size[1] = {SIPOLICY_SMALL}, year[1] = {2022}, months[1] = {12};
    int64_t paid[1] = {1200000}, layoffs[1] = {0}, insured[1] = {25};
    int64_t amount[1] = {-1};
    int32_t eligible[1] = {-1}, payee[1] = {-1}, r_status[1] = {-1};
    sipolicy_column rin[7] = {{"region", SIPOLICY_COLUMN_I32, r_region},
                              {"unit.size", SIPOLICY_COLUMN_I32, r_size},
                              {"year", SIPOLICY_COLUMN_I32, year},
                              {"prior_year_paid", SIPOLICY_COLUMN_I64, paid},
                              {"months_paid", SIPOLICY_COLUMN_I32, months},
                              {"layoffs", SIPOLICY_COLUMN_I64, layoffs},
                              {"insured", SIPOLICY_COLUMN_I64, insured}};
    sipolicy_column rout[4] = {{"amount", SIPOLICY_COLUMN_I64, amount},
                               {"eligible", SIPOLICY_COLUMN_I32, eligible},
                               {"payee", SIPOLICY_COLUMN_I32, payee},
                               {"status", SIPOLICY_COLUMN_I32, r_status}};
    CHECK(sipolicy_batch(rout, 4, NULL, e, "stable_job_refund", 1, rin, 7) == SIPOLICY_OK);
    CHECK(r_status[0] == SIPOLICY_OK && eligible[0] == 1 && amount[0] == 1080000);
    CHECK(payee[0] == SIPOLICY_PAYEE_PUBLIC_ACCOUNT);
  }
  /* 滞纳金: 1000.00 due 2020-03-15, paid 2020-04-01: 17 days x 0.05% = 8.50. */
  {
    int64_t amount[1] = {100000}, fee[1] = {0};
    int32_t due_date[1] = {20200315}, paid_date[1] = {20200401}, days[1] = {0}, l_status[1];
    sipolicy_column lin[3] = {{"amount", SIPOLICY_COLUMN_I64, amount},
                              {"due_date", SIPOLICY_COLUMN_I32, due_date},
                              {"paid_date", SIPOLICY_COLUMN_I32, paid_date}};
    sipolicy_column lout[3] = {{"fee", SIPOLICY_COLUMN_I64, fee},
                               {"days", SIPOLICY_COLUMN_I32, days},
                               {"status", SIPOLICY_COLUMN_I32, l_status}};
    CHECK(sipolicy_batch(lout, 3, NULL, e, "late_fee", 1, lin, 3) == SIPOLICY_OK);
    CHECK(l_status[0] == SIPOLICY_OK && fee[0] == 850 && days[0] == 17);
    /* Several converted columns at once (int32 <-> int64 both ways). */
    {
      int32_t fee32[1] = {0};
      int64_t days64[1] = {0}, waived64[1] = {-1}, status64[1] = {-1};
      sipolicy_column conv[4] = {{"fee", SIPOLICY_COLUMN_I32, fee32},
                                 {"days", SIPOLICY_COLUMN_I64, days64},
                                 {"waived_days", SIPOLICY_COLUMN_I64, waived64},
                                 {"status", SIPOLICY_COLUMN_I64, status64}};
      CHECK(sipolicy_batch(conv, 4, NULL, e, "late_fee", 1, lin, 3) == SIPOLICY_OK);
      CHECK(fee32[0] == 850 && days64[0] == 17 && waived64[0] == 0 && status64[0] == SIPOLICY_OK);
    }
  }

  /* Call-level errors name the column and write nothing. */
  status[0] = 77;
  CHECK(sipolicy_batch(out, 7, &failed, e, "contribution", 3, in, 4) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(strcmp(sipolicy_last_error_field(), "base") == 0);
  CHECK(status[0] == 77);
  {
    sipolicy_column bad[6];
    memcpy(bad, in, sizeof in);
    bad[5].name = "bsae";
    bad[5].type = SIPOLICY_COLUMN_I64;
    bad[5].data = base;
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 6) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(strcmp(sipolicy_last_error_field(), "bsae") == 0);
    CHECK(contains(sipolicy_last_error(), "inputs: region"));
    bad[5].name = "base"; /* twice */
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 6) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(contains(sipolicy_last_error(), "twice"));
    memcpy(bad, in, sizeof in);
    bad[4].data = NULL;
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 5) == SIPOLICY_INVALID_ARGUMENT);
    bad[4].data = base;
    bad[4].type = SIPOLICY_COLUMN_TEXT;
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 5) == SIPOLICY_INVALID_ARGUMENT);
    bad[4].type = 42;
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 5) == SIPOLICY_INVALID_ARGUMENT);
    bad[4].name = NULL;
    CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, bad, 5) == SIPOLICY_INVALID_ARGUMENT);
  }
  {
    sipolicy_column badout[1] = {{"payable", SIPOLICY_COLUMN_I64, NULL}};
    CHECK(sipolicy_batch(badout, 1, NULL, e, "contribution", 3, in, 5) == SIPOLICY_INVALID_ARGUMENT);
    badout[0].name = "region"; /* an input name is not an output */
    badout[0].data = due;
    CHECK(sipolicy_batch(badout, 1, NULL, e, "contribution", 3, in, 5) == SIPOLICY_INVALID_ARGUMENT);
  }
  CHECK(sipolicy_batch(out, 7, NULL, e, "deferral", 3, in, 5) == SIPOLICY_UNKNOWN_OP);
  CHECK(contains(sipolicy_last_error(), "no columnar form"));
  CHECK(sipolicy_batch(out, 7, NULL, e, "nonsense", 3, in, 5) == SIPOLICY_UNKNOWN_OP);
  CHECK(sipolicy_batch(out, 7, NULL, e, "\xff\xfe", 3, in, 5) == SIPOLICY_UNKNOWN_OP);
  CHECK(sipolicy_batch(out, 7, NULL, NULL, "contribution", 3, in, 5) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_batch(out, 7, NULL, e, NULL, 3, in, 5) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_batch(out, 7, NULL, e, "contribution", 3, NULL, 5) == SIPOLICY_INVALID_ARGUMENT);
  /* No records: fine, nothing written. */
  CHECK(sipolicy_batch(out, 7, &failed, e, "contribution", 0, in, 5) == SIPOLICY_OK);
  CHECK(failed == 0);
}

/* Every operation described as JSON, with the columns of the columnar ones. */
static void test_describe(void) {
  char* out = NULL;
  CHECK(sipolicy_describe(&out) == SIPOLICY_OK);
  CHECK(contains(out, "\"operations\""));
  CHECK(contains(out, "\"name\":\"collection_target\""));
  CHECK(contains(out, "\"unit.size\""));
  sipolicy_string_free(out);
  CHECK(sipolicy_describe(NULL) == SIPOLICY_INVALID_ARGUMENT);
}

/* A directory is not a pack file (it used to read as an empty text). */
static void test_pack_directory(sipolicy_engine* e) {
  CHECK(sipolicy_engine_load_pack_file(e, ".") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "is a directory"));
  CHECK(strcmp(sipolicy_last_error_field(), "path") == 0);
}

/* The paper trail: the catalog hash, receipts and their replay, and packs
 * signed with a throwaway test key (made with `sipolicy keygen`; its private
 * key is not kept) in trusted-keys mode. */
static const char kSignedPack[] = "{\"format\":\"sipolicy-pack/1\",\"name\":\"c-test\",\"version\":\"1\",\"documents\":[{\"id\":\"c-1\",\"number\":\"test\",\"issuer\":\"test\",\"title\":\"t\",\"issued\":\"2020-03-01\"}],\"rates\":[{\"id\":\"cn-2019-pension-16\",\"document\":\"c-1\",\"insurance\":\"pension\",\"periods\":[\"2019-05\",null],\"rate\":\"0.14\"}]}";
static const char kPackSignature[] = "{\"format\":\"sipolicy-signature/1\",\"algorithm\":\"ed25519\",\"key\":\"ef54b54cb7f31bdf0db2ad33ec4a0b232f5e8f4643a713fd01c3cec9bcf48bbe\",\"pack_sha256\":\"09fd4a413b300a6d4b96d23f050da6772a54d994b8a8f5f131199e3fbf2531eb\",\"signature\":\"86e4b3b0c1149f1f941751d4c383e2dcd1b2592f7b5e2ab5e7d61a1166ed4464bbbb024bcc45621858f798d97d3736c9aec893856d8ab5deff7c9297ecd18e02\"}";
static const char kTestKey[] = "ef54b54cb7f31bdf0db2ad33ec4a0b232f5e8f4643a713fd01c3cec9bcf48bbe";

static void test_paper_trail(void) {
  sipolicy_engine* e = NULL;
  char* hash0 = NULL;
  char* hash1 = NULL;
  char* out = NULL;
  char* receipt = NULL;
  const char* request = "{\"op\":\"contribution\",\"region\":\"440000\",\"unit\":{\"size\":\"large\"},"
                        "\"insurance\":\"pension\",\"period\":\"2021-03\",\"base\":\"10000.00\"}";
  CHECK(sipolicy_engine_create(&e) == SIPOLICY_OK);
  if (e == NULL) return;
  CHECK(sipolicy_engine_catalog_hash(&hash0, e) == SIPOLICY_OK);
  CHECK(hash0 != NULL && strlen(hash0) == 64);
  CHECK(sipolicy_engine_catalog_hash(NULL, e) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_catalog_hash(&out, NULL) == SIPOLICY_INVALID_ARGUMENT);

  /* Trusted mode: a bad key is refused; an unsigned pack is refused. */
  CHECK(sipolicy_engine_trust_key(e, "not hex") == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_trust_key(e, kTestKey) == SIPOLICY_OK);
  CHECK(sipolicy_engine_load_pack(e, kSignedPack, 0, "c.jsonc") == SIPOLICY_PERMISSION_DENIED);
  CHECK(contains(sipolicy_last_error(), "pack 'c.jsonc' is not signed"));
  CHECK(strcmp(sipolicy_status_name(SIPOLICY_PERMISSION_DENIED), "permission_denied") == 0);
  CHECK(sipolicy_engine_load_signed_pack(e, kSignedPack, 0, "c.jsonc", "{}", 0) ==
        SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_engine_load_signed_pack(e, kSignedPack, strlen(kSignedPack) - 1, "c.jsonc",
                                         kPackSignature, 0) == SIPOLICY_PERMISSION_DENIED);
  CHECK(contains(sipolicy_last_error(), "changed after it was signed"));
  /* Unchanged after every refusal. */
  CHECK(sipolicy_engine_catalog_hash(&hash1, e) == SIPOLICY_OK);
  CHECK(hash1 != NULL && strcmp(hash0, hash1) == 0);
  sipolicy_string_free(hash1);
  hash1 = NULL;
  CHECK(sipolicy_engine_load_signed_pack(e, kSignedPack, 0, "c.jsonc", kPackSignature, 0) ==
        SIPOLICY_OK);
  CHECK(sipolicy_engine_catalog_hash(&hash1, e) == SIPOLICY_OK);
  CHECK(hash1 != NULL && strcmp(hash0, hash1) != 0);
  CHECK(sipolicy_engine_packs(&out, e) == SIPOLICY_OK);
  CHECK(contains(out, "\"name\":\"c-test\",\"version\":\"1\",\"source\":\"c.jsonc\""));
  sipolicy_string_free(out);

  /* A receipt: the result (10,000.00 x 14%), the full hash, the packs. */
  CHECK(sipolicy_eval_receipt(&receipt, e, request, 0) == SIPOLICY_OK);
  CHECK(contains(receipt, "\"payable\":\"1400.00\""));
  CHECK(hash1 != NULL && contains(receipt, hash1));
  CHECK(contains(receipt, "\"c-test@1\""));
  CHECK(sipolicy_replay_receipt(&out, e, receipt, 0) == SIPOLICY_OK);
  CHECK(contains(out, "\"same\":true"));
  sipolicy_string_free(out);
  {
    /* Without the pack the catalog cannot be rebuilt, and the report says so. */
    sipolicy_engine* plain = NULL;
    CHECK(sipolicy_engine_create(&plain) == SIPOLICY_OK);
    CHECK(sipolicy_replay_receipt(&out, plain, receipt, 0) == SIPOLICY_OK);
    CHECK(contains(out, "\"kind\":\"catalog_mismatch\""));
    sipolicy_string_free(out);
    CHECK(sipolicy_replay_receipt(&out, plain, "junk", 0) == SIPOLICY_OK);
    CHECK(contains(out, "\"ok\":false") && contains(out, "bad_receipt"));
    sipolicy_string_free(out);
    sipolicy_engine_free(plain);
  }
  sipolicy_string_free(receipt);
  sipolicy_string_free(hash0);
  sipolicy_string_free(hash1);
  sipolicy_engine_free(e);
}

int main(void) {
  sipolicy_engine* e = NULL;
  test_version_and_names();
  test_engine(&e);
  if (e == NULL) {
    printf("%d passed, %d failed\n", passed, failed + 1);
    return 1;
  }
  test_json(e);
  test_contribution(e);
  test_batch(e);
  test_columns(e);
  test_describe();
  test_pack_directory(e);
  test_late_fee(e);
  test_stable_job_refund(e);
  test_multiply_round();
  test_packs(e);
  test_paper_trail();
  sipolicy_engine_free(e);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
