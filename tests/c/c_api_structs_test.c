/* Plain-C test of the typed calls with versioned structs (sipolicy_*_eval and
 * their _batch forms): the hand-worked cases of c_api_test.c through the old
 * positional calls and the new struct calls, which must agree; the
 * struct_size growth rule (older and newer callers, a struct that ends at an
 * unreadable page); NULL pointers; a bad record among good ones. */
#if defined(__linux__)
#define _DEFAULT_SOURCE /* mmap, MAP_ANONYMOUS */
#include <sys/mman.h>
#include <unistd.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sipolicy.h"

#include "c_check.h"  /* CHECK, contains */
static int field_is(const char* field) { return strcmp(sipolicy_last_error_field(), field) == 0; }

/* ---- contribution ------------------------------------------------------------ */

/* Evaluates `req` through sipolicy_contribution and sipolicy_contribution_eval;
 * checks that both give the same status, field and amounts; returns the status. */
static int contribution_both(const sipolicy_engine* e, const sipolicy_contribution_request* req,
                             sipolicy_contribution_result* res) {
  int64_t due = -1, relief = -1, payable = -1, num = -1, den = -1;
  char old_field[64];
  const int old_rc = sipolicy_contribution(&due, &relief, &payable, &num, &den, e, req->region,
                                           req->unit_size, req->unit_type, req->insurance,
                                           req->period, req->base_fen, req->rate_num,
                                           req->rate_den, req->as_of_date);
  int new_rc;
  snprintf(old_field, sizeof old_field, "%s", sipolicy_last_error_field());
  new_rc = sipolicy_contribution_eval(res, e, req);
  CHECK(old_rc == new_rc);
  CHECK(strcmp(old_field, sipolicy_last_error_field()) == 0);
  if (old_rc == SIPOLICY_OK && new_rc == SIPOLICY_OK) {
    CHECK(res->due_fen == due && res->relief_fen == relief && res->payable_fen == payable);
    CHECK(res->relief_ratio_num == num && res->relief_ratio_den == den);
  }
  return new_rc;
}

static void test_contribution(const sipolicy_engine* e) {
  sipolicy_contribution_request req = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
  sipolicy_contribution_result res = SIPOLICY_CONTRIBUTION_RESULT_INIT;
  CHECK(req.struct_size == sizeof req && res.struct_size == sizeof res);
  CHECK(req.unit_type == SIPOLICY_ENTERPRISE && req.rate_den == 0 && req.as_of_date == 0);

  /* 吉安 large enterprise, pension, 2020-03, base 10000.05, catalog rate 16%:
   * due 1600.008 -> 1600.01; halved (人社部发〔2020〕11号, 赣人社发〔2020〕5号):
   * relief 800.005 -> 800.01; payable 800.00. */
  req.region = 360800;
  req.unit_size = SIPOLICY_LARGE;
  req.insurance = SIPOLICY_PENSION;
  req.period = 202003;
  req.base_fen = 1000005;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.due_fen == 160001 && res.relief_fen == 80001 && res.payable_fen == 80000);
  CHECK(res.relief_ratio_num == 1 && res.relief_ratio_den == 2);
  CHECK(res.rate_num * 100 == res.rate_den * 16); /* the catalog's 16% */
  CHECK(res.struct_size == sizeof res);

  /* An SME with the rate given as 16/100: exempt, relief = due. */
  req.unit_size = SIPOLICY_SMALL;
  req.rate_num = 16;
  req.rate_den = 100;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.due_fen == 160001 && res.relief_fen == 160001 && res.payable_fen == 0);
  CHECK(res.relief_ratio_num == 1 && res.relief_ratio_den == 1);

  /* A public institution (机关事业单位) gets no relief: due 1600.01 payable in full. */
  req.unit_size = SIPOLICY_LARGE;
  req.unit_type = SIPOLICY_PUBLIC_INSTITUTION;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.due_fen == 160001 && res.relief_fen == 0 && res.payable_fen == 160001);

  /* July 2020 as known on 2020-06-01: no relief yet (人社部发〔2020〕49号 came 2020-06-22). */
  req.unit_size = SIPOLICY_SMALL;
  req.unit_type = SIPOLICY_ENTERPRISE;
  req.period = 202007;
  req.base_fen = 1000000;
  req.rate_num = 0;
  req.rate_den = 0;
  req.as_of_date = 20200601;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.due_fen == 160000 && res.relief_fen == 0 && res.payable_fen == 160000);

  /* Bad values: the same code and field both ways; *out untouched. */
  req.as_of_date = 0;
  req.period = 202003;
  res.due_fen = -7;
  req.region = 990000;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("region"));
  CHECK(res.due_fen == -7);
  req.region = 360800;
  req.unit_size = 9;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("unit_size"));
  req.unit_size = SIPOLICY_LARGE;
  req.period = 202013;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("period"));
  req.period = 202003;
  req.rate_num = 16;
  req.rate_den = 1;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_OUT_OF_RANGE);
  CHECK(contains(sipolicy_last_error(), "write 16% as 0.16"));
  req.rate_num = 0;
  req.rate_den = 0;
  req.insurance = SIPOLICY_UNEMPLOYMENT;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_NOT_FOUND && field_is("rate"));
  req.insurance = SIPOLICY_PENSION;
  req.as_of_date = 20201332;
  CHECK(contribution_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("as_of"));
}

/* A caller compiled against an "older" header: struct_size stops before the
 * optional members, whose bytes here hold values that would change the answer
 * (or fail) if they were read. */
static void test_contribution_older_caller(const sipolicy_engine* e) {
  sipolicy_contribution_request req = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
  sipolicy_contribution_result res = SIPOLICY_CONTRIBUTION_RESULT_INIT;
  req.region = 360800;
  req.unit_size = SIPOLICY_LARGE;
  req.insurance = SIPOLICY_PENSION;
  req.period = 202003;
  req.base_fen = 1000005;
  req.unit_type = SIPOLICY_PUBLIC_INSTITUTION; /* read: no relief */
  req.as_of_date = 20201332;                   /* read: invalid_argument */
  req.rate_num = 16;                           /* read: out_of_range */
  req.rate_den = 1;
  req.struct_size = (uint32_t)SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE;
  /* Defaults: an enterprise, the catalog's rate, every document: the halved 800.00. */
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.due_fen == 160001 && res.relief_fen == 80001 && res.payable_fen == 80000);
  /* Up to as_of_date: unit_type and as_of are read, the rate is not. */
  req.struct_size = (uint32_t)offsetof(sipolicy_contribution_request, rate_num);
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("as_of"));
  req.as_of_date = 0;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.due_fen == 160001 && res.relief_fen == 0 && res.payable_fen == 160001);
  /* A size that cuts rate_num in half reads neither half. */
  req.struct_size = (uint32_t)offsetof(sipolicy_contribution_request, rate_num) + 4;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.payable_fen == 160001);
  /* The whole struct: the rate 16/1 is read and refused. */
  req.struct_size = sizeof req;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_OUT_OF_RANGE && field_is("rate"));
}

/* struct_size too small or too large, on requests and results; NULL pointers. */
static void test_struct_size_and_null(const sipolicy_engine* e) {
  sipolicy_contribution_request req = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
  sipolicy_contribution_result res = SIPOLICY_CONTRIBUTION_RESULT_INIT;
  sipolicy_late_fee_request lreq = SIPOLICY_LATE_FEE_REQUEST_INIT;
  sipolicy_late_fee_result lres = SIPOLICY_LATE_FEE_RESULT_INIT;
  sipolicy_stable_job_refund_request rreq = SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT;
  sipolicy_stable_job_refund_result rres = SIPOLICY_STABLE_JOB_REFUND_RESULT_INIT;
  req.region = 360800;
  req.period = 202003;
  req.base_fen = 100;

  req.struct_size = 0; /* not initialised with the _INIT macro */
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("struct_size"));
  CHECK(contains(sipolicy_last_error(), "SIPOLICY_CONTRIBUTION_REQUEST_INIT"));
  req.struct_size = (uint32_t)SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE - 1;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "smaller than sipolicy_contribution_request's first published size"));
  req.struct_size = sizeof req + 8; /* from a newer sipolicy.h */
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("struct_size") && contains(sipolicy_last_error(), "newer sipolicy.h"));
  req.struct_size = sizeof req;
  res.struct_size = 0;
  res.due_fen = -7;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("out.struct_size") && res.due_fen == -7);
  res.struct_size = sizeof res + 1;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("out.struct_size") && res.due_fen == -7);
  res.struct_size = sizeof res;
  CHECK(sipolicy_contribution_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(strcmp(sipolicy_last_error(), "") == 0);

  lreq.struct_size = 4;
  CHECK(sipolicy_late_fee_eval(&lres, e, &lreq) == SIPOLICY_INVALID_ARGUMENT && field_is("struct_size"));
  lreq.struct_size = 1u << 31;
  CHECK(sipolicy_late_fee_eval(&lres, e, &lreq) == SIPOLICY_INVALID_ARGUMENT && field_is("struct_size"));
  rreq.struct_size = (uint32_t)SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE - 8;
  CHECK(sipolicy_stable_job_refund_eval(&rres, e, &rreq) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("struct_size"));
  rreq.struct_size = sizeof rreq;
  rres.struct_size = (uint32_t)SIPOLICY_STABLE_JOB_REFUND_RESULT_MIN_SIZE - 4;
  CHECK(sipolicy_stable_job_refund_eval(&rres, e, &rreq) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("out.struct_size"));

  /* NULL pointers, each named. */
  CHECK(sipolicy_contribution_eval(NULL, e, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("out"));
  CHECK(sipolicy_contribution_eval(&res, NULL, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("engine"));
  CHECK(sipolicy_contribution_eval(&res, e, NULL) == SIPOLICY_INVALID_ARGUMENT && field_is("request"));
  CHECK(contains(sipolicy_last_error(), "request must not be NULL"));
  CHECK(sipolicy_late_fee_eval(NULL, e, &lreq) == SIPOLICY_INVALID_ARGUMENT && field_is("out"));
  CHECK(sipolicy_late_fee_eval(&lres, NULL, &lreq) == SIPOLICY_INVALID_ARGUMENT && field_is("engine"));
  CHECK(sipolicy_late_fee_eval(&lres, e, NULL) == SIPOLICY_INVALID_ARGUMENT && field_is("request"));
  CHECK(sipolicy_stable_job_refund_eval(NULL, e, &rreq) == SIPOLICY_INVALID_ARGUMENT && field_is("out"));
  CHECK(sipolicy_stable_job_refund_eval(&rres, NULL, &rreq) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(sipolicy_stable_job_refund_eval(&rres, e, NULL) == SIPOLICY_INVALID_ARGUMENT && field_is("request"));
  {
    int32_t status[1] = {77};
    size_t nfailed = 99;
    CHECK(sipolicy_contribution_eval_batch(&res, status, &nfailed, NULL, &req, 1) ==
          SIPOLICY_INVALID_ARGUMENT && field_is("engine"));
    CHECK(nfailed == 0);
    CHECK(sipolicy_contribution_eval_batch(NULL, status, NULL, e, &req, 1) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(field_is("out"));
    CHECK(sipolicy_contribution_eval_batch(&res, NULL, NULL, e, &req, 1) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(field_is("out_status"));
    CHECK(sipolicy_contribution_eval_batch(&res, status, NULL, e, NULL, 1) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(field_is("requests"));
    CHECK(sipolicy_late_fee_eval_batch(&lres, status, NULL, e, NULL, 1) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(sipolicy_stable_job_refund_eval_batch(&rres, NULL, NULL, e, &rreq, 1) ==
          SIPOLICY_INVALID_ARGUMENT);
    CHECK(status[0] == 77);
    /* No records: nothing is read or written. */
    nfailed = 99;
    CHECK(sipolicy_contribution_eval_batch(NULL, NULL, &nfailed, e, NULL, 0) == SIPOLICY_OK);
    CHECK(nfailed == 0);
    CHECK(sipolicy_late_fee_eval_batch(NULL, NULL, NULL, e, NULL, 0) == SIPOLICY_OK);
    CHECK(sipolicy_stable_job_refund_eval_batch(NULL, NULL, NULL, e, NULL, 0) == SIPOLICY_OK);
    /* A result array's stride comes from out[0].struct_size. */
    res.struct_size = 3;
    CHECK(sipolicy_contribution_eval_batch(&res, status, NULL, e, &req, 1) == SIPOLICY_INVALID_ARGUMENT);
    CHECK(field_is("out.struct_size") && status[0] == 77);
    res.struct_size = sizeof res;
  }
}

/* A request that ends where an unreadable page begins: the library reads
 * nothing past struct_size (a read would crash this test). */
static void test_no_read_past_struct(const sipolicy_engine* e) {
#if defined(__linux__)
  const size_t page = (size_t)sysconf(_SC_PAGESIZE);
  unsigned char* mem = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  CHECK(mem != MAP_FAILED);
  if (mem == MAP_FAILED) return;
  CHECK(mprotect(mem + page, page, PROT_NONE) == 0);
  {
    /* A contribution request cut at MIN_SIZE, its last byte the page's last. */
    const size_t min = SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE;
    sipolicy_contribution_request full = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
    sipolicy_contribution_result res = SIPOLICY_CONTRIBUTION_RESULT_INIT;
    sipolicy_contribution_request* at = (sipolicy_contribution_request*)(mem + page - min);
    full.struct_size = (uint32_t)min;
    full.region = 360800;
    full.unit_size = SIPOLICY_SMALL;
    full.insurance = SIPOLICY_PENSION;
    full.period = 202003;
    full.base_fen = 1000000;
    memcpy(at, &full, min);
    CHECK(sipolicy_contribution_eval(&res, e, at) == SIPOLICY_OK);
    CHECK(res.due_fen == 160000 && res.payable_fen == 0); /* 吉安 SME, March 2020: exempt */
    /* A struct_size past the page is refused before anything else is read. */
    {
      const uint32_t big = 1000;
      memcpy(mem + page - 8, &big, sizeof big);
      CHECK(sipolicy_contribution_eval(&res, e, (const sipolicy_contribution_request*)(mem + page - 8)) ==
            SIPOLICY_INVALID_ARGUMENT);
    }
  }
  {
    /* Two packed late-fee requests of MIN_SIZE (stride 24) ending at the page's end. */
    const size_t min = SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE;
    sipolicy_late_fee_request r = SIPOLICY_LATE_FEE_REQUEST_INIT;
    sipolicy_late_fee_result out[2] = {SIPOLICY_LATE_FEE_RESULT_INIT, SIPOLICY_LATE_FEE_RESULT_INIT};
    int32_t status[2] = {-1, -1};
    unsigned char* at = mem + page - 2 * min;
    r.struct_size = (uint32_t)min;
    r.amount_fen = 100000;
    r.due_date = 20200315;
    r.paid_date = 20200401;
    memcpy(at, &r, min);
    r.amount_fen = 1000000;
    r.due_date = 20110615;
    r.paid_date = 20110710;
    memcpy(at + min, &r, min);
    CHECK(sipolicy_late_fee_eval_batch(out, status, NULL, e, (const sipolicy_late_fee_request*)at, 2) ==
          SIPOLICY_OK);
    CHECK(status[0] == SIPOLICY_OK && out[0].fee_fen == 850 && out[0].days == 17);
    CHECK(status[1] == SIPOLICY_OK && out[1].fee_fen == 35000 && out[1].days == 25);
  }
  munmap(mem, 2 * page);
#else
  (void)e;
#endif
}

static void test_contribution_batch(const sipolicy_engine* e) {
  enum { N = 4 };
  /* As c_api_test's batch: 吉安 large and small; an unknown region; Hubei large
   * unit, work injury 0.4% of 5000.00 = 20.00, May 2020: exempt. */
  const int32_t region[N] = {360800, 360800, 990000, 420000};
  const int32_t size[N] = {SIPOLICY_LARGE, SIPOLICY_SMALL, SIPOLICY_SMALL, SIPOLICY_LARGE};
  const int32_t type[N] = {0, 0, 0, 0};
  const int32_t ins[N] = {SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_PENSION, SIPOLICY_WORK_INJURY};
  const int32_t period[N] = {202003, 202003, 202003, 202005};
  const int64_t base[N] = {1000005, 1000005, 100, 500000};
  const int64_t rate_num[N] = {0, 0, 0, 4};
  const int64_t rate_den[N] = {0, 0, 0, 1000};
  int64_t due[N], relief[N], payable[N];
  int32_t old_status[N], status[N];
  size_t old_failed = 99, nfailed = 99;
  sipolicy_contribution_request reqs[N];
  sipolicy_contribution_result res[N];
  int i;
  for (i = 0; i < N; ++i) {
    sipolicy_contribution_request r = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
    r.region = region[i];
    r.unit_size = size[i];
    r.unit_type = type[i];
    r.insurance = ins[i];
    r.period = period[i];
    r.base_fen = base[i];
    r.rate_num = rate_num[i];
    r.rate_den = rate_den[i];
    reqs[i] = r;
    res[i].due_fen = -1;
  }
  res[0].struct_size = sizeof res[0]; /* only out[0]'s is read */
  CHECK(sipolicy_contribution_batch(due, relief, payable, old_status, &old_failed, e, N, region, size,
                                    type, ins, period, base, rate_num, rate_den, 0) == SIPOLICY_OK);
  CHECK(sipolicy_contribution_eval_batch(res, status, &nfailed, e, reqs, N) == SIPOLICY_OK);
  CHECK(nfailed == 1 && old_failed == 1);
  for (i = 0; i < N; ++i) {
    CHECK(status[i] == old_status[i]);
    CHECK(res[i].struct_size == sizeof res[i]);
    CHECK(res[i].due_fen == due[i] && res[i].relief_fen == relief[i] && res[i].payable_fen == payable[i]);
  }
  CHECK(status[0] == SIPOLICY_OK && res[0].due_fen == 160001 && res[0].payable_fen == 80000);
  CHECK(status[1] == SIPOLICY_OK && res[1].payable_fen == 0);
  CHECK(status[2] == SIPOLICY_INVALID_ARGUMENT && res[2].due_fen == 0 && res[2].relief_ratio_den == 0);
  CHECK(status[3] == SIPOLICY_OK && res[3].due_fen == 2000 && res[3].relief_fen == 2000);
  CHECK(res[3].rate_num == 1 && res[3].rate_den == 250); /* 4/1000 in lowest terms */

  /* Every element must carry the same struct_size: nothing written otherwise. */
  reqs[2].struct_size = (uint32_t)SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE;
  status[0] = 77;
  res[0].due_fen = -1;
  CHECK(sipolicy_contribution_eval_batch(res, status, &nfailed, e, reqs, N) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("struct_size") && contains(sipolicy_last_error(), "requests[2].struct_size"));
  CHECK(status[0] == 77 && res[0].due_fen == -1 && nfailed == 0);
  reqs[2].struct_size = sizeof reqs[2];
  reqs[0].struct_size = sizeof reqs[0] + 8;
  CHECK(sipolicy_contribution_eval_batch(res, status, NULL, e, reqs, N) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("struct_size"));

  /* An "older" caller's packed array: stride MIN_SIZE, defaults for the rest. */
  {
    const size_t min = SIPOLICY_CONTRIBUTION_REQUEST_MIN_SIZE;
    unsigned char packed[2 * sizeof(sipolicy_contribution_request)];
    sipolicy_contribution_request r = SIPOLICY_CONTRIBUTION_REQUEST_INIT;
    r.struct_size = (uint32_t)min;
    r.region = 360800;
    r.unit_size = SIPOLICY_LARGE;
    r.insurance = SIPOLICY_PENSION;
    r.period = 202003;
    r.base_fen = 1000005;
    memcpy(packed, &r, min);
    r.unit_size = SIPOLICY_SMALL;
    memcpy(packed + min, &r, min);
    memset(packed + 2 * min, 0xff, sizeof packed - 2 * min); /* never read */
    res[0].struct_size = sizeof res[0];
    CHECK(sipolicy_contribution_eval_batch(res, status, &nfailed, e,
                                           (const sipolicy_contribution_request*)packed, 2) == SIPOLICY_OK);
    CHECK(nfailed == 0 && status[0] == SIPOLICY_OK && status[1] == SIPOLICY_OK);
    CHECK(res[0].due_fen == 160001 && res[0].relief_fen == 80001 && res[0].payable_fen == 80000);
    CHECK(res[1].due_fen == 160001 && res[1].relief_fen == 160001 && res[1].payable_fen == 0);
  }
}

/* ---- late fee ------------------------------------------------------------------ */

static int late_fee_both(const sipolicy_engine* e, const sipolicy_late_fee_request* req,
                         sipolicy_late_fee_result* res) {
  int64_t fee = -1;
  int32_t days = -1;
  char old_field[64];
  const int old_rc = sipolicy_late_fee(&fee, &days, e, req->amount_fen, req->due_date,
                                       req->paid_date, req->region, req->as_of_date);
  int new_rc;
  snprintf(old_field, sizeof old_field, "%s", sipolicy_last_error_field());
  new_rc = sipolicy_late_fee_eval(res, e, req);
  CHECK(old_rc == new_rc);
  CHECK(strcmp(old_field, sipolicy_last_error_field()) == 0);
  if (old_rc == SIPOLICY_OK && new_rc == SIPOLICY_OK) CHECK(res->fee_fen == fee && res->days == days);
  return new_rc;
}

static void test_late_fee(const sipolicy_engine* e) {
  sipolicy_late_fee_request req = SIPOLICY_LATE_FEE_REQUEST_INIT;
  sipolicy_late_fee_result res = SIPOLICY_LATE_FEE_RESULT_INIT;
  CHECK(req.region == 0 && req.waived_through == 0 && req.as_of_date == 0);
  /* 10000.00 from 2011-06-15 to 2011-07-10: 15 days x 0.2% + 10 days x 0.05% = 3.5% = 350.00 */
  req.amount_fen = 1000000;
  req.due_date = 20110615;
  req.paid_date = 20110710;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.fee_fen == 35000 && res.days == 25 && res.waived_days == 0);
  /* 1000.00 due 2020-03-15, paid 2020-04-01, 吉安: 17 days x 0.05% = 8.50. */
  req.amount_fen = 100000;
  req.due_date = 20200315;
  req.paid_date = 20200401;
  req.region = 360800;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.fee_fen == 850 && res.days == 17);
  /* Waived through 2020-03-25 (e.g. a deferral's end): 03-16..03-25 waived (10
   * days), 03-26..04-01 charged (7 days): 1000.00 x 7 x 0.05% = 3.50. */
  req.waived_through = 20200325;
  CHECK(sipolicy_late_fee_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.fee_fen == 350 && res.days == 7 && res.waived_days == 10);
  /* The same through the JSON door. */
  {
    char* out = NULL;
    CHECK(sipolicy_eval_json(&out, e,
                             "{\"op\":\"late_fee\",\"amount\":\"1000.00\",\"due_date\":\"2020-03-15\","
                             "\"paid_date\":\"2020-04-01\",\"region\":\"360800\","
                             "\"waived_through\":\"2020-03-25\"}",
                             0) == SIPOLICY_OK);
    CHECK(contains(out, "\"fee\":\"3.50\"") && contains(out, "\"waived_days\":10"));
    sipolicy_string_free(out);
  }
  /* An older caller: waived_through and as_of (here invalid) are not read. */
  req.as_of_date = 1;
  req.struct_size = (uint32_t)SIPOLICY_LATE_FEE_REQUEST_MIN_SIZE;
  CHECK(sipolicy_late_fee_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.fee_fen == 850 && res.days == 17 && res.waived_days == 0);
  req.struct_size = sizeof req;
  CHECK(sipolicy_late_fee_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("as_of"));
  req.as_of_date = 0;
  req.waived_through = 20200231;
  CHECK(sipolicy_late_fee_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("waived_through"));
  req.waived_through = 0;
  /* Bad values, both ways alike. */
  req.amount_fen = -1;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT);
  req.amount_fen = INT64_MAX;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_OUT_OF_RANGE && field_is("amount"));
  req.amount_fen = 1;
  req.due_date = 20190229;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("due_date"));
  req.due_date = 20200315;
  req.paid_date = 0;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("paid_date"));
  req.paid_date = 20200401;
  req.region = 123;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("region"));
  req.region = 0;
  req.amount_fen = 100;
  req.due_date = 19980101;
  req.paid_date = 19980301;
  CHECK(late_fee_both(e, &req, &res) == SIPOLICY_NOT_FOUND);

  /* A batch with one bad record among good ones. */
  {
    sipolicy_late_fee_request reqs[3];
    sipolicy_late_fee_result out[3];
    int32_t status[3];
    size_t nfailed = 99;
    int i;
    for (i = 0; i < 3; ++i) {
      sipolicy_late_fee_request r = SIPOLICY_LATE_FEE_REQUEST_INIT;
      r.amount_fen = 100000;
      r.due_date = 20200315;
      r.paid_date = 20200401;
      reqs[i] = r;
    }
    reqs[1].paid_date = 20200230;
    reqs[2].waived_through = 20200325;
    out[0].struct_size = sizeof out[0];
    CHECK(sipolicy_late_fee_eval_batch(out, status, &nfailed, e, reqs, 3) == SIPOLICY_OK);
    CHECK(nfailed == 1);
    CHECK(status[0] == SIPOLICY_OK && out[0].fee_fen == 850 && out[0].days == 17);
    CHECK(status[1] == SIPOLICY_INVALID_ARGUMENT && out[1].fee_fen == 0 && out[1].days == 0);
    CHECK(out[1].struct_size == sizeof out[1]);
    CHECK(status[2] == SIPOLICY_OK && out[2].fee_fen == 350 && out[2].waived_days == 10);
    CHECK(strcmp(sipolicy_last_error(), "") == 0);
  }
}

/* ---- 稳岗返还 -------------------------------------------------------------------- */

static int refund_both(const sipolicy_engine* e, const sipolicy_stable_job_refund_request* req,
                       sipolicy_stable_job_refund_result* res) {
  int64_t amount = -1, num = -1, den = -1;
  int32_t eligible = -1, payee = -1;
  uint32_t reasons = 99;
  char old_field[64];
  const uint32_t flags = (req->arrears ? SIPOLICY_ARREARS : 0u) |
                         (req->dishonest ? SIPOLICY_DISHONEST : 0u) |
                         (req->liquidation ? SIPOLICY_LIQUIDATION : 0u) |
                         (req->zombie ? SIPOLICY_ZOMBIE : 0u) |
                         (req->has_public_account ? 0u : SIPOLICY_NO_PUBLIC_ACCOUNT);
  const int old_rc = sipolicy_stable_job_refund(
      &amount, &eligible, &num, &den, &reasons, &payee, e, req->region, req->unit_size,
      req->unit_type, req->year, req->prior_year_paid_fen, req->months_paid, req->layoffs,
      req->insured, flags, req->already_refunded_fen, req->as_of_date);
  int new_rc;
  snprintf(old_field, sizeof old_field, "%s", sipolicy_last_error_field());
  new_rc = sipolicy_stable_job_refund_eval(res, e, req);
  CHECK(old_rc == new_rc);
  CHECK(strcmp(old_field, sipolicy_last_error_field()) == 0);
  if (old_rc == SIPOLICY_OK && new_rc == SIPOLICY_OK) {
    CHECK(res->amount_fen == amount && res->eligible == eligible && res->reasons == reasons);
    CHECK(res->ratio_num == num && res->ratio_den == den && res->payee == payee);
  }
  return new_rc;
}

static sipolicy_stable_job_refund_request guizhou_sme(void) {
  /* 2022, Guizhou small enterprise: 12000.00 paid in 2021, 12 months, no layoffs. */
  sipolicy_stable_job_refund_request r = SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT;
  r.region = 520000;
  r.unit_size = SIPOLICY_SMALL;
  r.year = 2022;
  r.prior_year_paid_fen = 1200000;
  r.months_paid = 12;
  r.insured = 25;
  return r;
}

static void test_refund(const sipolicy_engine* e) {
  sipolicy_stable_job_refund_request req = guizhou_sme();
  sipolicy_stable_job_refund_result res = SIPOLICY_STABLE_JOB_REFUND_RESULT_INIT;
  CHECK(req.has_public_account == 1 && req.unit_type == SIPOLICY_ENTERPRISE && req.arrears == 0);
  /* 90% of 12000.00 = 10800.00 (人社部发〔2022〕23号), to the public account. */
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.amount_fen == 1080000 && res.eligible == 1 && res.ratio_num == 9 && res.ratio_den == 10);
  CHECK(res.reasons == 0 && res.payee == SIPOLICY_PAYEE_PUBLIC_ACCOUNT);
  /* A micro unit without a public account: paid to its contribution account. */
  req.unit_size = SIPOLICY_MICRO;
  req.insured = 5;
  req.has_public_account = 0;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.payee == SIPOLICY_PAYEE_CONTRIBUTION_ACCOUNT && res.amount_fen == 1080000);
  /* An older caller cut before the optional members: has_public_account 0 in
   * memory is not read, the default 1 applies; arrears (1) is not read either. */
  req.arrears = 1;
  req.struct_size = (uint32_t)SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE;
  CHECK(sipolicy_stable_job_refund_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.eligible == 1 && res.payee == SIPOLICY_PAYEE_PUBLIC_ACCOUNT);
  /* Cut before has_public_account: arrears is read (long_term_arrears, bit 5). */
  req.struct_size = (uint32_t)offsetof(sipolicy_stable_job_refund_request, has_public_account);
  CHECK(sipolicy_stable_job_refund_eval(&res, e, &req) == SIPOLICY_OK);
  CHECK(res.eligible == 0 && res.amount_fen == 0 && res.reasons == (1u << 5));
  req.struct_size = sizeof req;
  req.arrears = 0;
  req.has_public_account = 1;
  req.unit_size = SIPOLICY_MEDIUM;
  req.insured = 200;
  req.prior_year_paid_fen = 1000000;
  /* Layoffs 11 of 200 = 5.5%: passes 2021's 5.5% target; 12 of 200 = 6% fails (bit 2). */
  req.layoffs = 11;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.eligible == 1 && res.amount_fen == 900000);
  req.layoffs = 12;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.eligible == 0 && res.amount_fen == 0 && res.reasons == (1u << 2));
  /* 11 months paid and long-term arrears: bits 4 and 5. */
  req = guizhou_sme();
  req.prior_year_paid_fen = 1000000;
  req.months_paid = 11;
  req.insured = 20;
  req.arrears = 1;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.eligible == 0 && res.reasons == ((1u << 4) | (1u << 5)));
  /* The top-up (补齐差额): 吉安 SME 2020, 100% of 8000.00 minus 4000.00 already refunded. */
  req = guizhou_sme();
  req.region = 360800;
  req.year = 2020;
  req.prior_year_paid_fen = 800000;
  req.insured = 20;
  req.already_refunded_fen = 400000;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_OK);
  CHECK(res.eligible == 1 && res.amount_fen == 400000);
  /* Bad values. A flag member is 0 or 1 (the positional flags had no such case). */
  req = guizhou_sme();
  req.zombie = 2;
  CHECK(sipolicy_stable_job_refund_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT && field_is("zombie"));
  req.zombie = 0;
  req.has_public_account = -1;
  CHECK(sipolicy_stable_job_refund_eval(&res, e, &req) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(field_is("has_public_account"));
  req.has_public_account = 1;
  req.months_paid = 13;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT);
  req.months_paid = 12;
  req.layoffs = 30; /* more than insured */
  CHECK(refund_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT);
  req.layoffs = 0;
  req.prior_year_paid_fen = -1;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT);
  req.prior_year_paid_fen = 1;
  req.as_of_date = 20221301;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("as_of"));
  req.as_of_date = 0;
  req.region = 990000;
  CHECK(refund_both(e, &req, &res) == SIPOLICY_INVALID_ARGUMENT && field_is("region"));
}

static void test_refund_batch(const sipolicy_engine* e) {
  enum { N = 4 };
  /* As c_api_test's screening: Guizhou SME 10800.00; an unknown region; a
   * large unit 50% (国发〔2022〕12号) of 10000.00 = 5000.00. Then, with its
   * own year, 吉安 SME 2020's top-up 4000.00. */
  const int32_t region[3] = {520000, 990000, 520000};
  const int32_t size[3] = {SIPOLICY_SMALL, SIPOLICY_SMALL, SIPOLICY_LARGE};
  const int32_t type[3] = {0, 0, 0};
  const int64_t paid[3] = {1200000, 100, 1000000};
  const int32_t months[3] = {12, 12, 12};
  const int64_t layoffs[3] = {0, 0, 0};
  const int64_t insured[3] = {25, 3, 400};
  int64_t amounts[3];
  int32_t elig[3], old_status[3];
  uint32_t why[3];
  int64_t total = -1, units_paid = -1, covered = -1;
  size_t old_failed = 99, nfailed = 99;
  sipolicy_stable_job_refund_request reqs[N];
  sipolicy_stable_job_refund_result out[N];
  int32_t status[N];
  int i;
  CHECK(sipolicy_stable_job_refund_batch(amounts, elig, why, old_status, &total, &units_paid, &covered,
                                         &old_failed, e, 3, 2022, region, size, type, paid, months,
                                         layoffs, insured, NULL, NULL, 0) == SIPOLICY_OK);
  for (i = 0; i < 3; ++i) {
    sipolicy_stable_job_refund_request r = SIPOLICY_STABLE_JOB_REFUND_REQUEST_INIT;
    r.region = region[i];
    r.unit_size = size[i];
    r.unit_type = type[i];
    r.year = 2022;
    r.prior_year_paid_fen = paid[i];
    r.months_paid = months[i];
    r.layoffs = layoffs[i];
    r.insured = insured[i];
    reqs[i] = r;
  }
  reqs[3] = guizhou_sme();
  reqs[3].region = 360800;
  reqs[3].year = 2020;
  reqs[3].prior_year_paid_fen = 800000;
  reqs[3].already_refunded_fen = 400000;
  out[0].struct_size = sizeof out[0];
  CHECK(sipolicy_stable_job_refund_eval_batch(out, status, &nfailed, e, reqs, N) == SIPOLICY_OK);
  CHECK(nfailed == 1 && old_failed == 1);
  for (i = 0; i < 3; ++i) {
    CHECK(status[i] == old_status[i]);
    CHECK(out[i].amount_fen == amounts[i] && out[i].eligible == elig[i] && out[i].reasons == why[i]);
  }
  CHECK(status[0] == SIPOLICY_OK && out[0].amount_fen == 1080000 && out[0].ratio_num == 9);
  CHECK(out[0].payee == SIPOLICY_PAYEE_PUBLIC_ACCOUNT);
  CHECK(status[1] == SIPOLICY_INVALID_ARGUMENT && out[1].amount_fen == 0 && out[1].payee == 0);
  CHECK(status[2] == SIPOLICY_OK && out[2].amount_fen == 500000 && out[2].ratio_num == 1 &&
        out[2].ratio_den == 2);
  CHECK(total == out[0].amount_fen + out[2].amount_fen);
  CHECK(status[3] == SIPOLICY_OK && out[3].amount_fen == 400000 && out[3].eligible == 1);
  /* Each record equals its single call. */
  for (i = 0; i < N; ++i) {
    sipolicy_stable_job_refund_result one = SIPOLICY_STABLE_JOB_REFUND_RESULT_INIT;
    CHECK(sipolicy_stable_job_refund_eval(&one, e, &reqs[i]) == status[i]);
    if (status[i] == SIPOLICY_OK) CHECK(memcmp(&one, &out[i], sizeof one) == 0);
  }
  /* A bad flag member fails its record only. */
  reqs[0].dishonest = 3;
  CHECK(sipolicy_stable_job_refund_eval_batch(out, status, &nfailed, e, reqs, N) == SIPOLICY_OK);
  CHECK(nfailed == 2 && status[0] == SIPOLICY_INVALID_ARGUMENT && status[2] == SIPOLICY_OK);
  CHECK(out[0].amount_fen == 0 && out[3].amount_fen == 400000);
  reqs[0].dishonest = 0;
  /* A differing struct_size: the call fails, nothing written. */
  reqs[3].struct_size = (uint32_t)SIPOLICY_STABLE_JOB_REFUND_REQUEST_MIN_SIZE;
  status[0] = 77;
  CHECK(sipolicy_stable_job_refund_eval_batch(out, status, NULL, e, reqs, N) == SIPOLICY_INVALID_ARGUMENT);
  CHECK(contains(sipolicy_last_error(), "requests[3].struct_size") && status[0] == 77);
}

int main(void) {
  sipolicy_engine* e = NULL;
  CHECK(sipolicy_engine_create(&e) == SIPOLICY_OK);
  if (e == NULL) {
    printf("%d passed, %d failed\n", passed, failed);
    return 1;
  }
  test_contribution(e);
  test_contribution_older_caller(e);
  test_struct_size_and_null(e);
  test_no_read_past_struct(e);
  test_contribution_batch(e);
  test_late_fee(e);
  test_refund(e);
  test_refund_batch(e);
  sipolicy_engine_free(e);
  printf("%d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
