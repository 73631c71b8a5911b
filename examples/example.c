/* The C ABI in a few lines: one contribution (typed call) and one late fee
 * (JSON entry point), with error handling. */
#include <stdio.h>

#include "sipolicy.h"

int main(void) {
  sipolicy_engine* engine = NULL;
  int64_t due, relief, payable, num, den;
  char* result = NULL;
  int rc = sipolicy_engine_create(&engine);
  if (rc != SIPOLICY_OK) {
    fprintf(stderr, "%s: %s\n", sipolicy_status_name(rc), sipolicy_last_error());
    return 1;
  }
  /* A large enterprise in 吉安 (360800), pension, March 2020, base 10000.05 yuan:
     due 1600.01, halved under 赣人社发〔2020〕11号. */
  rc = sipolicy_contribution(&due, &relief, &payable, &num, &den, engine, 360800, SIPOLICY_LARGE,
                             SIPOLICY_ENTERPRISE, SIPOLICY_PENSION, 202003, 1000005, 0, 0, 0);
  if (rc != SIPOLICY_OK) {
    fprintf(stderr, "%s (%s): %s\n", sipolicy_status_name(rc), sipolicy_last_error_field(),
            sipolicy_last_error());
    sipolicy_engine_free(engine);
    return 1;
  }
  printf("due %lld.%02lld, relief ratio %lld/%lld, relief %lld.%02lld, payable %lld.%02lld\n",
         (long long)(due / 100), (long long)(due % 100), (long long)num, (long long)den,
         (long long)(relief / 100), (long long)(relief % 100), (long long)(payable / 100),
         (long long)(payable % 100));
  rc = sipolicy_eval_json(&result, engine,
                          "{\"op\":\"late_fee\",\"amount\":\"1000.00\",\"due_date\":\"2020-03-15\","
                          "\"paid_date\":\"2020-04-01\"}",
                          0);
  if (rc == SIPOLICY_OK) printf("%s\n", result);
  sipolicy_string_free(result);
  sipolicy_engine_free(engine);
  return rc == SIPOLICY_OK && payable == 80000 ? 0 : 1;
}
