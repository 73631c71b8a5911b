/* c_abi_matrix_test.c — the C ABI rows of the bad-input matrix
 * (docs/bad-input.md) that tests/c/c_api_test.c does not already cover:
 * packs that are not UTF-8, hold a NUL or pass the size limit (as text and as
 * a file, refused before reading); a request whose length cuts it short; a
 * bad record in the middle of a columnar batch; an absurdly long decimal.
 * Plain C99. Ends with "N passed, N failed". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipolicy.h"

#include "../c/c_check.h"  /* CHECK, contains */

/* The engine's answer to a fixed probe, to show a rejected pack changed nothing. */
static char* probe(sipolicy_engine* e) {
  char* out = NULL;
  const char* req =
      "{\"op\":\"contribution\",\"region\":\"360800\",\"unit\":{\"size\":\"large\"},"
      "\"insurance\":\"pension\",\"period\":\"2020-03\",\"base\":\"5000.00\"}";
  CHECK(sipolicy_eval_json(&out, e, req, 0) == SIPOLICY_OK);
  return out;
}

static void test_bad_packs(sipolicy_engine* e) {
  char* before = probe(e);
  /* Not UTF-8: the bad byte is named, the message itself stays UTF-8. */
  const char bad_utf8[] = "{\"format\":\"sipolicy-pack/1\",\"name\":\"\xff\"}";
  CHECK(sipolicy_engine_load_pack(e, bad_utf8, sizeof bad_utf8 - 1, "bad.jsonc") ==
        SIPOLICY_PARSE_ERROR);
  CHECK(contains(sipolicy_last_error(), "not valid UTF-8 (byte 0xFF)"));
  /* A NUL inside the given length. */
  const char nul[] = "{\"format\":\"sipolicy-pack/1\",\0\"name\":\"x\"}";
  CHECK(sipolicy_engine_load_pack(e, nul, sizeof nul - 1, "nul.jsonc") == SIPOLICY_PARSE_ERROR);
  /* Past 16 MiB as text. */
  const size_t big = ((size_t)16 << 20) + 1;
  char* text = malloc(big + 1);
  CHECK(text != NULL);
  if (text != NULL) {
    memset(text, ' ', big);
    text[big] = '\0';
    CHECK(sipolicy_engine_load_pack(e, text, big, "huge.jsonc") == SIPOLICY_OUT_OF_RANGE);
    CHECK(contains(sipolicy_last_error(), "at most 16777216 bytes"));
    free(text);
  }
  /* Past 16 MiB as a file: refused from its size, before it is read (a
   * sparse file, so the test writes one byte). */
  const char* path = "c_abi_matrix_huge_pack.jsonc";
  FILE* f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f != NULL) {
    fseek(f, (long)big, SEEK_SET);
    fputc(' ', f);
    fclose(f);
    CHECK(sipolicy_engine_load_pack_file(e, path) == SIPOLICY_OUT_OF_RANGE);
    CHECK(strcmp(sipolicy_last_error_field(), "path") == 0);
    CHECK(contains(sipolicy_last_error(), "a pack holds at most"));
    remove(path);
  }
  /* The engine answers exactly as before. */
  char* after = probe(e);
  CHECK(before != NULL && after != NULL && strcmp(before, after) == 0);
  sipolicy_string_free(before);
  sipolicy_string_free(after);
}

static void test_lengths(sipolicy_engine* e) {
  char* out = NULL;
  /* A length that cuts the request short: a parse_error result, not a read
   * past the length. */
  const char* req = "{\"op\":\"late_fee\",\"amount\":\"1000\",\"due_date\":\"2020-03-15\"}";
  CHECK(sipolicy_eval_json(&out, e, req, 20) == SIPOLICY_OK);
  CHECK(contains(out, "\"code\":\"parse_error\""));
  sipolicy_string_free(out);
  out = NULL;
  /* "" with length 0: NUL-terminated and empty. */
  CHECK(sipolicy_eval_json(&out, e, "", 0) == SIPOLICY_OK);
  CHECK(contains(out, "the text is empty"));
  sipolicy_string_free(out);
  out = NULL;
  /* A 5,000-digit amount: a clear error with a short message. */
  char digits[5001];
  memset(digits, '9', 5000);
  digits[5000] = '\0';
  CHECK(sipolicy_multiply_round(&out, digits, "1", NULL) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(out == NULL);
  CHECK(strlen(sipolicy_last_error()) < 300);
  CHECK(contains(sipolicy_last_error(), "(5000 bytes)"));
}

static void test_bad_record_in_batch(sipolicy_engine* e) {
  /* Five Ji'an pension records of March 2020 with a base of 5000.00; the
   * third has month 13. Large units: 5000.00 × 16% (国办发〔2019〕13号) =
   * 800.00 due, halved Feb–Apr 2020 (人社部发〔2020〕11号) = 400.00 payable;
   * small units: exempted in full, 0.00 payable. */
  enum { N = 5 };
  int32_t region[N] = {360800, 360800, 360800, 360800, 360800};
  int32_t size[N] = {SIPOLICY_LARGE, SIPOLICY_SMALL, SIPOLICY_LARGE, SIPOLICY_SMALL, SIPOLICY_LARGE};
  int32_t ins[N] = {SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_PENSION,
                    SIPOLICY_PENSION};
  int32_t period[N] = {202003, 202003, 202013, 202003, 202003};
  int64_t base[N] = {500000, 500000, 500000, 500000, 500000};
  sipolicy_column in[] = {{"region", SIPOLICY_COLUMN_I32, region},
                          {"unit.size", SIPOLICY_COLUMN_I32, size},
                          {"insurance", SIPOLICY_COLUMN_I32, ins},
                          {"period", SIPOLICY_COLUMN_I32, period},
                          {"base", SIPOLICY_COLUMN_I64, base}};
  int64_t payable[N];
  int32_t status[N];
  char* error[N];
  sipolicy_column out[] = {{"payable", SIPOLICY_COLUMN_I64, payable},
                           {"status", SIPOLICY_COLUMN_I32, status},
                           {"error", SIPOLICY_COLUMN_TEXT, error}};
  size_t failed_records = 99;
  CHECK(sipolicy_batch(out, 3, &failed_records, e, "contribution", N, in, 5) == SIPOLICY_OK);
  CHECK(failed_records == 1);
  const int64_t want[N] = {40000, 0, 0, 0, 40000};
  for (int i = 0; i < N; ++i) {
    CHECK(payable[i] == want[i]);
    CHECK(status[i] == (i == 2 ? SIPOLICY_INVALID_ARGUMENT : SIPOLICY_OK));
    CHECK((error[i] == NULL) == (i != 2));
  }
  CHECK(contains(error[2], "period"));
  for (int i = 0; i < N; ++i) sipolicy_string_free(error[i]);
  /* An output column of the wrong type fails the call and writes nothing. */
  int32_t narrow[N] = {7, 7, 7, 7, 7};
  sipolicy_column wrong[] = {{"payable", 99, narrow}};
  CHECK(sipolicy_batch(wrong, 1, NULL, e, "contribution", N, in, 5) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(narrow[0] == 7 && narrow[4] == 7);
}

/* Every int32 field given as an int64 column with a value past int32 at
 * record 1 of 3: record 1 fails out_of_range naming the column, records 0 and
 * 2 are computed — never the whole call. `cols` are valid int32 columns of 3
 * records; each is in turn replaced by a widened copy. */
static void unfit_each(sipolicy_engine* e, const char* op, sipolicy_column* cols, size_t n_cols,
                       const char* const* money) {
  for (size_t c = 0; c < n_cols; ++c) {
    int is_money = 0;
    for (const char* const* m = money; *m != NULL; ++m) is_money |= strcmp(*m, cols[c].name) == 0;
    if (is_money || cols[c].type != SIPOLICY_COLUMN_I32) continue;
    sipolicy_column in[16];
    memcpy(in, cols, n_cols * sizeof *cols);
    int64_t wide[3];
    for (int i = 0; i < 3; ++i) wide[i] = ((const int32_t*)cols[c].data)[i];
    wide[1] = (int64_t)1 << 40;
    in[c].type = SIPOLICY_COLUMN_I64;
    in[c].data = wide;
    int32_t status[3];
    char* error[3];
    sipolicy_column out[] = {{"status", SIPOLICY_COLUMN_I32, status},
                             {"error", SIPOLICY_COLUMN_TEXT, error}};
    size_t failed_records = 0;
    const int rc = sipolicy_batch(out, 2, &failed_records, e, op, 3, in, n_cols);
    CHECK(rc == SIPOLICY_OK);
    if (rc != SIPOLICY_OK) {
      fprintf(stderr, "  %s.%s\n", op, cols[c].name);
      continue;
    }
    CHECK(failed_records == 1);
    CHECK(status[0] == SIPOLICY_OK && status[2] == SIPOLICY_OK);
    CHECK(status[1] == SIPOLICY_OUT_OF_RANGE);
    CHECK(contains(error[1], cols[c].name) && contains(error[1], "1099511627776"));
    if (status[1] != SIPOLICY_OUT_OF_RANGE) fprintf(stderr, "  %s.%s\n", op, cols[c].name);
    for (int i = 0; i < 3; ++i) sipolicy_string_free(error[i]);
  }
}

static void test_unfit_values(sipolicy_engine* e) {
  int32_t region[3] = {360800, 360800, 360800}, size[3] = {SIPOLICY_SMALL, SIPOLICY_SMALL, SIPOLICY_SMALL};
  int32_t type[3] = {0, 0, 0}, ins[3] = {0, 0, 0}, period[3] = {202003, 202003, 202003};
  int32_t as_of[3] = {20300101, 20300101, 20300101};
  int64_t base[3] = {500000, 500000, 500000};
  sipolicy_column contribution[] = {
      {"region", SIPOLICY_COLUMN_I32, region}, {"unit.size", SIPOLICY_COLUMN_I32, size},
      {"unit.type", SIPOLICY_COLUMN_I32, type}, {"insurance", SIPOLICY_COLUMN_I32, ins},
      {"period", SIPOLICY_COLUMN_I32, period},  {"base", SIPOLICY_COLUMN_I64, base},
      {"as_of", SIPOLICY_COLUMN_I32, as_of}};
  const char* const contribution_money[] = {"base", NULL};
  unfit_each(e, "contribution", contribution, 7, contribution_money);

  int32_t year[3] = {2020, 2020, 2020}, months[3] = {12, 12, 12}, layoffs[3] = {0, 0, 0};
  int32_t insured[3] = {20, 20, 20}, zero[3] = {0, 0, 0}, one[3] = {1, 1, 1};
  int64_t paid[3] = {1200000, 1200000, 1200000}, refunded[3] = {0, 0, 0};
  sipolicy_column refund[] = {
      {"region", SIPOLICY_COLUMN_I32, region},   {"unit.size", SIPOLICY_COLUMN_I32, size},
      {"unit.type", SIPOLICY_COLUMN_I32, type},  {"year", SIPOLICY_COLUMN_I32, year},
      {"prior_year_paid", SIPOLICY_COLUMN_I64, paid}, {"months_paid", SIPOLICY_COLUMN_I32, months},
      {"layoffs", SIPOLICY_COLUMN_I32, layoffs}, {"insured", SIPOLICY_COLUMN_I32, insured},
      {"arrears", SIPOLICY_COLUMN_I32, zero},    {"dishonest", SIPOLICY_COLUMN_I32, zero},
      {"liquidation", SIPOLICY_COLUMN_I32, zero}, {"zombie", SIPOLICY_COLUMN_I32, zero},
      {"already_refunded", SIPOLICY_COLUMN_I64, refunded},
      {"has_public_account", SIPOLICY_COLUMN_I32, one}, {"as_of", SIPOLICY_COLUMN_I32, as_of}};
  const char* const refund_money[] = {"prior_year_paid", "already_refunded", NULL};
  unfit_each(e, "stable_job_refund", refund, 15, refund_money);

  int64_t amount[3] = {100000, 100000, 100000};
  int32_t due[3] = {20200315, 20200315, 20200315}, paid_on[3] = {20200401, 20200401, 20200401};
  int32_t waived[3] = {20200320, 20200320, 20200320};
  sipolicy_column late[] = {{"amount", SIPOLICY_COLUMN_I64, amount},
                            {"due_date", SIPOLICY_COLUMN_I32, due},
                            {"paid_date", SIPOLICY_COLUMN_I32, paid_on},
                            {"region", SIPOLICY_COLUMN_I32, region},
                            {"waived_through", SIPOLICY_COLUMN_I32, waived},
                            {"as_of", SIPOLICY_COLUMN_I32, as_of}};
  const char* const late_money[] = {"amount", NULL};
  unfit_each(e, "late_fee", late, 6, late_money);
}

int main(void) {
  sipolicy_engine* e = NULL;
  CHECK(sipolicy_engine_create(&e) == SIPOLICY_OK);
  test_bad_packs(e);
  test_lengths(e);
  test_bad_record_in_batch(e);
  test_unfit_values(e);
  sipolicy_engine_free(e);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
