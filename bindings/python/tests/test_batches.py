"""The *_batch methods: a result or a BatchError per request, in order; a
bad record never raises and never loses the others; every request has its
own as_of. contribution_batch and stable_job_refund_batch go through the
columnar C call when the library has it, and must give exactly what the
typed per-record calls give."""

import datetime
import pickle
import random
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support
import sipolicy
from sipolicy import (BatchError, ContributionRequest, ContributionResult, Engine,
                      StableJobRefundRequest, Unit)

D = Decimal
JIAN = "360800"
GUIZHOU = "520000"


def contribution(**kw):
    r = {"region": JIAN, "unit": {"size": "large"}, "insurance": "pension",
         "period": "2020-03", "base": D("10000.05")}
    r.update(kw)
    return r


def refund(**kw):
    r = {"region": GUIZHOU, "unit": {"size": "small"}, "year": 2022,
         "prior_year_paid": D("12000.00"), "months_paid": 12, "layoffs": 0, "insured": 25}
    r.update(kw)
    return r


# One good request, one bad (the middle) and one with its own as_of per operation.
GOOD_BAD_GOOD = {
    "contribution": (contribution(), contribution(region="999999"),
                     contribution(unit={"size": "small"}, period="2020-07",
                                  as_of=datetime.date(2020, 6, 1))),
    "late_fee": ({"amount": "1000.00", "due_date": "2020-03-15", "paid_date": "2020-04-01"},
                 {"amount": "1000.00", "due_date": "2020-03-15", "paid_date": "2020-02-30"},
                 {"amount": "1000.00", "due_date": "2020-03-15", "paid_date": "2020-04-01",
                  "region": JIAN, "as_of": "2020-04-01"}),
    "deferral": ({"region": GUIZHOU, "unit": Unit("small", industry="catering"),
                  "insurance": "pension", "period": "2022-05"},
                 {"region": GUIZHOU, "unit": {"size": "huge"}, "insurance": "pension",
                  "period": "2022-05"},
                 {"region": GUIZHOU, "unit": {"size": "small", "industry": "catering"},
                  "insurance": "pension", "period": "2022-05", "as_of": "2022-12-31"}),
    "overpayment": ({"region": JIAN, "unit": "small", "ledger": [
                        {"period": "2020-03", "insurance": "pension", "base": "10000.05",
                         "paid": "1600.01"}]},
                    {"region": JIAN, "unit": "small", "ledger": []},
                    {"region": JIAN, "unit": "small", "as_of": "2020-03-01", "ledger": [
                        {"period": "2020-03", "insurance": "pension", "base": "10000.05",
                         "paid": "1600.01"}]}),
    "stable_job_refund": (refund(), refund(months_paid=13),
                          refund(unit={"size": "large"}, as_of="2022-05-01")),
    "stable_job_screening": ({"year": 2022, "region": GUIZHOU, "units": [refund()]},
                             {"year": 2022, "region": "52", "units": []},
                             {"year": 2022, "region": GUIZHOU, "as_of": "2022-05-01",
                              "units": [{k: v for k, v in refund(unit="large").items()
                                         if k not in ("region", "year")}]}),
    "difficult_enterprise_refund": (
        {"region": "610100", "unit": "medium", "year": 2020, "insured": 10,
         "monthly_benefit": "1500.00"},
        {"region": "610100", "unit": "medium", "year": 2020, "insured": 10,
         "monthly_benefit": "1500.00", "months": 7},
        {"region": "610100", "unit": "medium", "year": 2020, "insured": 10,
         "monthly_benefit": "1500.00", "as_of": "2021-01-01"}),
    "skill_subsidy": (
        {"region": JIAN, "certificate_date": datetime.date(2018, 6, 1), "level": "intermediate",
         "applicant": "employee", "insured_months": 40},
        {"region": JIAN, "certificate_date": datetime.date(2018, 6, 1), "level": "grand",
         "applicant": "employee", "insured_months": 40},
        {"region": JIAN, "certificate_date": datetime.date(2019, 6, 1), "level": "intermediate",
         "applicant": "employee", "insured_months": 20, "as_of": "2018-12-31"}),
    "work_training_subsidy": (
        {"region": "360731", "unit": "small", "hire_period": "2020-04",
         "target_group": "difficult", "contract_months": 12, "months_worked": 4},
        {"region": "360731", "unit": "small", "hire_period": "2020-04",
         "target_group": "difficult", "contract_months": 12, "months_worked": 4,
         "months_already_paid": 5},
        {"region": "360731", "unit": "small", "hire_period": "2020-04",
         "target_group": "difficult", "contract_months": 12, "months_worked": 4,
         "as_of": "2024-01-01"}),
    "social_insurance_subsidy": (
        {"region": "360731", "group": "difficult", "contribution": "3000.00", "months": 6},
        {"region": "360731", "group": "difficult", "contribution": "-3000.00", "months": 6},
        {"region": "360731", "group": "difficult", "contribution": "3000.00", "months": 6,
         "as_of": "2024-01-01"}),
    "retention_training_subsidy": (
        {"region": "110000", "unit": "small", "year": 2022, "insured": 20},
        {"region": "110000", "unit": "small", "year": 2022, "insured": -20},
        {"region": "110000", "unit": "small", "year": 2022, "insured": 20,
         "as_of": "2024-01-01"}),
    "job_expansion_subsidy": (
        {"region": "110000", "unit": "small", "year": 2022, "hires": 3},
        {"region": "110000", "unit": "small", "year": 2022, "hires": -3},
        {"region": "110000", "unit": "small", "year": 2022, "hires": 3, "as_of": "2024-01-01"}),
    "entrepreneurship_subsidy": (
        {"region": "520100", "kind": "venue_rent", "group": "graduate", "claimed": "4500.00",
         "grants": 2},
        {"region": "110000", "kind": "startup", "group": "difficult"},
        {"region": "520100", "kind": "venue_rent", "group": "graduate", "as_of": "2024-01-01"}),
    "classify_enterprise": (
        {"sector": "industry", "employees": 1200, "revenue": "500000000"},
        {"sector": "industry", "employees": 10},
        {"sector": "industry", "employees": 10, "revenue": 1000000, "as_of": "2018-01-01"}),
    "collection_target": (
        {"region": "360400", "year": 2017, "unit_kind": "private", "level": "city_wide",
         "opening_arrears": "1000000", "cleared": "950000", "due": "5000000",
         "new_arrears": "40000"},
        {"region": "360400", "year": 2017, "unit_kind": "private", "level": "city_wide",
         "opening_arrears": "1000000", "cleared": "2000000", "due": "5000000",
         "new_arrears": "40000"},
        {"region": "360400", "year": 2017, "unit_kind": "private", "level": "city_wide",
         "opening_arrears": "1000000", "cleared": "950000", "due": "5000000",
         "new_arrears": "40000", "as_of": "2018-01-01"}),
}


def typed(engine, op, record):
    """The typed call's result for a batch record, or its BatchError."""
    kw = dict(record) if isinstance(record, dict) else {
        f: getattr(record, f) for f in record.__dataclass_fields__}
    kw = {k: v for k, v in kw.items() if v is not None}
    try:
        return getattr(engine, op)(**kw)
    except sipolicy.SipolicyError as e:
        return ("error", e.status_name, e.field, e.message)
    except (TypeError, ValueError) as e:
        field = getattr(e, "field", "")
        message = str(e)
        if field and message.startswith(field + ": "):
            message = message[len(field) + 2:]
        return ("error", "invalid_argument", field, message)


def comparable(item):
    if isinstance(item, BatchError):
        return ("error", item.code, item.field, item.message)
    return item


class EveryOperationTest(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)

    def test_bad_record_in_the_middle(self):
        for op, records in GOOD_BAD_GOOD.items():
            with self.subTest(op=op):
                items = getattr(self.engine, op + "_batch")(list(records))
                self.assertEqual(len(items), 3)
                self.assertNotIsInstance(items[0], BatchError, items[0])
                self.assertIsInstance(items[1], BatchError)
                self.assertEqual(items[1].index, 1)
                self.assertFalse(items[1].ok)
                self.assertTrue(items[1].field, items[1])
                self.assertNotIsInstance(items[2], BatchError, items[2])
                # Each item is what the typed call gives for that record.
                for record, item in zip(records, items):
                    expected = typed(self.engine, op, record)
                    if isinstance(expected, tuple):
                        self.assertEqual(comparable(item)[:3], expected[:3])
                    else:
                        self.assertEqual(item, expected)
                # The same through engine.batch(op, ...), from an iterator.
                again = self.engine.batch(op, iter(records))
                self.assertEqual([comparable(i) for i in again], [comparable(i) for i in items])

    def test_per_record_as_of(self):
        sme = contribution(unit={"size": "small"}, period="2020-07")
        items = self.engine.contribution_batch([
            dict(sme, as_of=datetime.date(2020, 6, 1)),
            dict(sme, as_of=datetime.date(2020, 7, 1)),
            sme,
            ContributionRequest(**dict(sme, as_of="2020-06-01")),
        ])
        self.assertEqual([i.relief_ratio for i in items], [0, 1, 1, 0])
        self.assertEqual([i.payable for i in items],
                         [D("1600.01"), D("0.00"), D("0.00"), D("1600.01")])
        # 2022 large units: 30% (人社部发〔2022〕23号) until 国发〔2022〕12号 raised it to 50%.
        large = refund(unit={"size": "large"}, prior_year_paid=D("20000.00"), insured=100)
        items = self.engine.stable_job_refund_batch([
            dict(large, as_of="2022-05-01"), large,
            StableJobRefundRequest(**dict(large, as_of=datetime.date(2022, 5, 1)))])
        self.assertEqual([i.amount for i in items], [D("6000.00"), D("10000.00"), D("6000.00")])
        self.assertEqual([i.ratio for i in items],
                         [Fraction(3, 10), Fraction(1, 2), Fraction(3, 10)])

    def test_binding_side_errors_are_items(self):
        items = self.engine.contribution_batch([
            contribution(), contribution(base=10000.05), contribution(colour="red"), 42,
            contribution(rate=0.16), contribution(as_of=datetime.datetime(2020, 1, 1)),
            contribution(base=D("1.005")), contribution(base="1,000"), None, contribution()])
        kinds = [type(i).__name__ for i in items]
        self.assertEqual(kinds, ["ContributionResult"] + ["BatchError"] * 8
                         + ["ContributionResult"])
        self.assertEqual((items[1].field, items[1].code), ("base", "invalid_argument"))
        self.assertIn("binary floating point", items[1].message)
        self.assertEqual(items[2].field, "colour")
        self.assertEqual(items[4].field, "rate")
        self.assertEqual(items[5].field, "as_of")
        self.assertEqual(items[6].field, "base")
        self.assertIn("more than 2 decimals", items[6].message)
        self.assertEqual([i.index for i in items[1:9]], list(range(1, 9)))

    def test_empty_and_explain(self):
        self.assertEqual(self.engine.contribution_batch([]), [])
        self.assertEqual(self.engine.late_fee_batch(iter(())), [])
        items = self.engine.contribution_batch([contribution()], explain=True)
        self.assertTrue(items[0].trace)
        items = self.engine.contribution_batch([dict(contribution(), explain=True),
                                                contribution()])
        self.assertTrue(items[0].trace)
        self.assertIsNone(items[1].trace)
        with self.assertRaises(ValueError):
            self.engine.batch("nope", [])


def generated_contributions(n, seed=7):
    rnd = random.Random(seed)
    regions = [JIAN, "420100", "110000", GUIZHOU, 360800]
    out = []
    for i in range(n):
        insurance = rnd.choice(["pension", "pension", "unemployment", "work_injury"])
        rec = {
            "region": rnd.choice(regions),
            "unit": {"size": rnd.choice(["large", "medium", "small", "micro"])},
            "insurance": insurance,
            "period": f"{rnd.choice([2019, 2020, 2020, 2021])}-{rnd.randint(1, 12):02d}",
            "base": D(rnd.randrange(0, 5_000_000)).scaleb(-2),
        }
        if rnd.random() < 0.3:
            rec["unit"]["type"] = rnd.choice(["enterprise", "individual_business",
                                              "social_organization", "public_institution"])
        if insurance != "pension" or rnd.random() < 0.1:
            rec["rate"] = rnd.choice([D("0.005"), D("0.004"), Fraction(1, 250), "0.16"])
        if rnd.random() < 0.3:
            rec["as_of"] = rnd.choice([datetime.date(2020, 3, 1), datetime.date(2020, 7, 1),
                                       "2020-06-22", None])
        if i % 97 == 5:
            rec["base"] = D("-1.00")            # refused by the library
        if i % 89 == 7:
            rec["region"] = "999999"            # not a region
        out.append(rec)
    return out


def generated_refunds(n, seed=11):
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        rec = {
            "region": rnd.choice([GUIZHOU, JIAN, "110000", "610100"]),
            "unit": {"size": rnd.choice(["large", "medium", "small", "micro"]),
                     "type": rnd.choice(["enterprise", "enterprise", "individual_business",
                                         "social_organization", "public_institution"])},
            "year": rnd.choice([2020, 2021, 2022, 2023]),
            "prior_year_paid": D(rnd.randrange(0, 10_000_000)).scaleb(-2),
            "months_paid": rnd.choice([12, 12, 12, 11]),
            "insured": rnd.randint(0, 200),
        }
        rec["layoffs"] = rnd.randint(0, max(rec["insured"] // 10, 0))
        for flag in ("arrears", "dishonest", "liquidation", "zombie"):
            if rnd.random() < 0.05:
                rec[flag] = True
        if rnd.random() < 0.2:
            rec["has_public_account"] = False
        if rnd.random() < 0.2:
            rec["already_refunded"] = D(rnd.randrange(0, 100_000)).scaleb(-2)
        if rnd.random() < 0.3:
            rec["as_of"] = rnd.choice(["2022-05-01", datetime.date(2022, 6, 1), None])
        if i % 53 == 3:
            rec["months_paid"] = 13             # refused by the library
        out.append(rec)
    return out


class ColumnarRecordBatchTest(unittest.TestCase):
    """contribution_batch / stable_job_refund_batch: columnar where possible,
    and equal, record by record, to the typed calls."""

    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)

    def check_equal_to_typed(self, op, records):
        items = getattr(self.engine, op + "_batch")(records)
        self.assertEqual(len(items), len(records))
        errors = 0
        for i, (record, item) in enumerate(zip(records, items)):
            expected = typed(self.engine, op, record)
            if isinstance(expected, tuple):
                errors += 1
                self.assertIsInstance(item, BatchError, (i, record))
                self.assertEqual(comparable(item), expected, (i, record))
                self.assertEqual(item.index, i)
            else:
                self.assertEqual(item, expected, (i, record))
        self.assertGreater(errors, 0)
        self.assertLess(errors, len(records) // 4)
        # And the JSON path gives the same.
        self.assertEqual([comparable(i) for i in self.engine._json_batch(op, records, False)],
                         [comparable(i) for i in items])
        return items

    def test_contribution_dicts(self):
        self.check_equal_to_typed("contribution", generated_contributions(400))

    def test_contribution_dataclasses_and_units(self):
        records = [ContributionRequest(
            region=r["region"], unit=Unit(r["unit"]["size"], r["unit"].get("type", "enterprise")),
            insurance=sipolicy.Insurance(r["insurance"]), period=r["period"], base=r["base"],
            rate=r.get("rate"), as_of=r.get("as_of")) for r in generated_contributions(300, 3)]
        self.check_equal_to_typed("contribution", records)

    def test_contribution_irregular_batch(self):
        # str money, an industry, an explain flag, ints: the record-by-record path.
        records = generated_contributions(200, 5)
        records[3] = dict(records[3], base="123.45")
        records[10] = dict(records[10], unit={"size": "small", "industry": "catering"})
        records[20] = dict(records[20], base=1234)
        records[30] = dict(records[30], base=10000.5)
        items = self.check_equal_to_typed("contribution", records)
        self.assertEqual(items[30].field, "base")

    def test_refund(self):
        self.check_equal_to_typed("stable_job_refund", generated_refunds(300))

    def test_refund_dataclasses(self):
        records = [StableJobRefundRequest(**r) for r in generated_refunds(200, 4)]
        self.check_equal_to_typed("stable_job_refund", records)

    def test_results_outlive_the_engine_and_packs(self):
        engine = Engine(support.LIB)
        items = engine.contribution_batch(generated_contributions(50, 9))
        refunds = engine.stable_job_refund_batch(generated_refunds(20, 9))
        expected = [typed(engine, "contribution", r) for r in generated_contributions(50, 9)]
        engine.load_pack(support.ROUND_TO_YUAN_PACK)  # later results round to the yuan …
        engine.close()
        for item, exp in zip(items, expected):  # … but these keep their own catalog's rules
            if not isinstance(item, BatchError):
                self.assertEqual(item, exp)
                self.assertEqual(pickle.loads(pickle.dumps(item)), exp)
        self.assertTrue(all(isinstance(r.rules, tuple) for r in refunds
                            if not isinstance(r, BatchError)))

    def test_rules_are_shared_per_group(self):
        items = self.engine.contribution_batch([contribution(base=D(i)) for i in range(100)])
        self.assertTrue(all(isinstance(i, ContributionResult) for i in items))
        if support.HAS_BATCH:  # the columnar path reads them once per group
            self.assertIs(items[0].rules, items[99].rules)
        self.assertEqual(items[0].rules, items[99].rules)
        self.assertIn("赣人社发〔2020〕11号", [r.citation for r in items[50].rules])

    @unittest.skipUnless(support.HAS_BATCH, support.NO_BATCH)
    def test_columnar_path_is_taken(self):
        from sipolicy import _records
        calls = []
        real = _records._columns.run_batch

        def spy(*a, **kw):
            calls.append(a[2])
            return real(*a, **kw)

        _records._columns.run_batch = spy
        try:
            self.engine.contribution_batch([contribution()] * 3)
            self.engine.stable_job_refund_batch([refund()] * 3)
        finally:
            _records._columns.run_batch = real
        self.assertEqual(calls, ["contribution", "stable_job_refund"])


if __name__ == "__main__":
    unittest.main()
