/* c_consumer.c — the installed C ABI from plain C, built by install_test.cmake
 * with nothing but `pkg-config --cflags --libs sipolicy` (and an rpath to the
 * libdir pkg-config names). Prints "c: <payable> <fee> <half>" and exits 0
 * when every value is the hand-computed one:
 *   吉安 (360800), large enterprise, pension, 2020-03, base 10000.05 yuan:
 *     due = 10000.05 x 0.16 = 1600.008 -> 1600.01; halved (赣人社发〔2020〕11号):
 *     relief = 800.005 -> 800.01; payable = 1600.01 - 800.01 = 800.00;
 *   late fee on 1000.00 due 2020-03-15, paid 2020-04-01: 17 days (03-16..04-01)
 *     x 0.05% x 1000.00 = 8.50;
 *   100.05 x 1/2 = 50.025 -> 50.03 (HALF_UP). */
#include <stdio.h>
#include <string.h>

#include "sipolicy.h"

int main(void) {
  sipolicy_engine* engine = NULL;
  int64_t due = 0, relief = 0, payable = 0, num = 0, den = 0;
  char* fee = NULL;
  char* half = NULL;
  int ok = 1;
  if (sipolicy_engine_create(&engine) != SIPOLICY_OK) {
    fprintf(stderr, "engine: %s\n", sipolicy_last_error());
    return 2;
  }
  if (sipolicy_contribution(&due, &relief, &payable, &num, &den, engine, 360800, SIPOLICY_LARGE,
                            SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202003, 1000005, 0, 0,
                            0) != SIPOLICY_OK) {
    fprintf(stderr, "contribution: %s: %s\n", sipolicy_last_error_field(), sipolicy_last_error());
    ok = 0;
  }
  if (sipolicy_eval_json(&fee, engine,
                         "{\"op\":\"late_fee\",\"amount\":\"1000.00\",\"due_date\":\"2020-03-15\","
                         "\"paid_date\":\"2020-04-01\"}",
                         0) != SIPOLICY_OK ||
      strstr(fee, "\"fee\":\"8.50\"") == NULL) {
    fprintf(stderr, "late_fee: %s\n", fee ? fee : sipolicy_last_error());
    ok = 0;
  }
  if (sipolicy_multiply_round(&half, "100.05", "1/2", "HALF_UP@2") != SIPOLICY_OK) {
    fprintf(stderr, "multiply_round: %s\n", sipolicy_last_error());
    ok = 0;
  }
  printf("c: %lld %s %s\n", (long long)payable, fee && strstr(fee, "8.50") ? "8.50" : "?",
         half ? half : "?");
  ok = ok && due == 160001 && relief == 80001 && payable == 80000 && num == 1 && den == 2 &&
       half != NULL && strcmp(half, "50.03") == 0;
  sipolicy_string_free(fee);
  sipolicy_string_free(half);
  sipolicy_engine_free(engine);
  return ok ? 0 : 1;
}
