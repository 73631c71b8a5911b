"""The typed method of every operation: one eligible and one refused or bad
case each, with values computed by hand from the documents the rules cite
(docs/json.md, docs/employment-ops.md), and the API held to the library's
own description of the operations (sipolicy_describe)."""

import dataclasses
import datetime
import inspect
import pickle
import typing
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support
import sipolicy
from sipolicy import (ContributionResult, Engine, Insurance, InvalidArgumentError, NotFoundError,
                      OutOfRangeError, Payee, Rule, Unit, UnitSize, UnitType)

JIAN = "360800"      # 吉安市, Jiangxi
GUIZHOU = "520000"   # 贵州省
D = Decimal


class TypedTestCase(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)


class ContributionTest(TypedTestCase):
    def test_large_enterprise_jian_2020_03(self):
        # 赣人社发〔2020〕11号: large units halved 2020-02..04.
        # due = 10000.05 × 0.16 = 1600.008 → 1600.01; relief = 1600.01 × 1/2 = 800.005 → 800.01.
        r = self.engine.contribution(region=JIAN, unit={"size": "large"}, insurance="pension",
                                     period="2020-03", base=D("10000.05"))
        self.assertIsInstance(r, ContributionResult)
        self.assertEqual((r.due, r.relief_ratio, r.relief, r.payable, r.rate),
                         (D("1600.01"), Fraction(1, 2), D("800.01"), D("800.00"),
                          Fraction(4, 25)))
        self.assertEqual(r.relief_ratio, D("0.5"))  # a Fraction equals the Decimal
        self.assertEqual(sipolicy.ratio_to_decimal(r.relief_ratio), D("0.5"))
        for v in (r.due, r.relief, r.payable):
            self.assertIsInstance(v, Decimal)
            self.assertEqual(v.as_tuple().exponent, -2)
        self.assertIsInstance(r.relief_ratio, Fraction)
        self.assertIn("赣人社发〔2020〕11号", [rule.citation for rule in r.rules])
        self.assertTrue(all(isinstance(rule, Rule) for rule in r.rules))
        self.assertIsNone(r.trace)
        self.assertTrue(r.ok)
        window = next(rule for rule in r.rules if rule.citation == "赣人社发〔2020〕11号")
        self.assertTrue(window.issued_approximate)
        self.assertIsInstance(window.issued_date, datetime.date)
        self.assertFalse(window.verified)

    def test_spellings_and_explain(self):
        ref = self.engine.contribution(region=JIAN, unit={"size": "large"}, insurance="pension",
                                       period="2020-03", base=D("10000.05"))
        same = [
            dict(region=360800, unit=Unit(UnitSize.LARGE), insurance=Insurance.PENSION,
                 period=(2020, 3), base=D("10000.050")),
            dict(region=JIAN, unit="large", insurance="pension", period="2020-03",
                 base="10000.05", rate="0.16"),
            dict(region=JIAN, unit=Unit("large", UnitType.ENTERPRISE), insurance=0,
                 period="2020-03", base=D("10000.05"), rate=Fraction(4, 25)),
            dict(region=JIAN, unit={"size": UnitSize.LARGE, "type": "enterprise"},
                 insurance="pension", period="2020-03", base=D("10000.05"), rate="4/25"),
        ]
        for kw in same:
            r = self.engine.contribution(**kw)
            self.assertEqual((r.due, r.relief, r.payable), (ref.due, ref.relief, ref.payable), kw)
        explained = self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                             period="2020-03", base="10000.05", explain=True)
        self.assertTrue(explained.trace)
        self.assertTrue(all(isinstance(s, sipolicy.TraceStep) for s in explained.trace))
        self.assertTrue(any("赣人社发" in s.zh or s.rule for s in explained.trace))

    def test_as_of(self):
        # 人社部发〔2020〕49号 (issued 2020-06-22) extended the SME exemption to 2020-07..12.
        kw = dict(region=JIAN, unit="small", insurance="pension", period="2020-07",
                  base="10000.05")
        before = self.engine.contribution(**kw, as_of=datetime.date(2020, 6, 1))
        after = self.engine.contribution(**kw, as_of=datetime.date(2020, 7, 1))
        self.assertEqual((before.relief_ratio, before.payable), (0, D("1600.01")))
        self.assertEqual((after.relief_ratio, after.payable), (1, D("0.00")))

    def test_refused(self):
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.engine.contribution(region="999999", unit="large", insurance="pension",
                                     period="2020-03", base="1")
        self.assertEqual(ctx.exception.field, "region")
        with self.assertRaises(NotFoundError) as ctx:  # no default employer rate: pass one
            self.engine.contribution(region="110000", unit="large", insurance="unemployment",
                                     period="2021-03", base="1000")
        self.assertEqual(ctx.exception.field, "rate")
        with self.assertRaises(InvalidArgumentError) as ctx:  # sub-fen money is never rounded
            self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                     period="2020-03", base="10000.055")
        self.assertEqual(ctx.exception.field, "base")
        with self.assertRaises(OutOfRangeError):
            self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                     period="2020-03", base="1", rate="1.5")

    def test_float_is_refused_with_the_binding_error(self):
        for kw, field in ((dict(base=10000.05), "base"), (dict(base="1", rate=0.16), "rate")):
            args = dict(region=JIAN, unit="large", insurance="pension", period="2020-03")
            args.update(kw)
            with self.assertRaisesRegex(TypeError, f"{field}: float .* binary floating point"):
                self.engine.contribution(**args)
        with self.assertRaises(TypeError):
            self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                     period="2020-03", base=True)
        with self.assertRaises(TypeError):
            self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                     period="2020-03", base="1",
                                     as_of=datetime.datetime(2020, 7, 1))
        with self.assertRaises(ValueError):
            self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                     period="2020-03", base=D("NaN"))
        with self.assertRaises(TypeError):  # keyword-only
            self.engine.contribution(JIAN, "large", "pension", "2020-03", "1")  # type: ignore


class LateFeeTest(TypedTestCase):
    def test_after_2011(self):
        # 1000.00 due 2020-03-15 paid 2020-04-01: 03-16..04-01 = 17 days × 0.0005 × 1000 = 8.50.
        r = self.engine.late_fee(amount=D("1000.00"), due_date=datetime.date(2020, 3, 15),
                                 paid_date=datetime.date(2020, 4, 1))
        self.assertEqual((r.days, r.daily_rate, r.fee, r.waived_days),
                         (17, Fraction(1, 2000), D("8.50"), 0))
        self.assertEqual(len(r.segments), 1)

    def test_across_2011_07_01(self):
        # 06-16..06-30 = 15 days at 0.002 + 07-01..07-10 = 10 at 0.0005 = 0.035 → 350.00.
        r = self.engine.late_fee(amount="10000.00", due_date="2011-06-15", paid_date="2011-07-10")
        self.assertEqual((r.days, r.fee), (25, D("350.00")))
        s1, s2 = r.segments
        self.assertEqual((s1.from_, s1.to, s1.days, s1.daily_rate),
                         (datetime.date(2011, 6, 16), datetime.date(2011, 6, 30), 15,
                          Fraction(1, 500)))
        self.assertEqual((s2.from_, s2.days, s2.daily_rate),
                         (datetime.date(2011, 7, 1), 10, Fraction(1, 2000)))

    def test_waiver_and_refused(self):
        # Waived through 2020-03-25: 03-26..04-01 = 7 days × 0.0005 × 1000 = 3.50.
        r = self.engine.late_fee(amount="1000", due_date="2020-03-15", paid_date="2020-04-01",
                                 waived_through="2020-03-25")
        self.assertEqual((r.days, r.waived_days, r.fee), (7, 10, D("3.50")))
        with self.assertRaises(NotFoundError):  # before any late-fee rule (1999-01-22)
            self.engine.late_fee(amount="1000", due_date="1990-03-15", paid_date="1990-04-01")
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.engine.late_fee(amount="1000", due_date="2020-02-30", paid_date="2020-04-01")
        self.assertEqual(ctx.exception.field, "due_date")


class DeferralTest(TypedTestCase):
    def test_guizhou_catering_2022(self):
        # 黔人社通〔2022〕84号: catering (特困行业) may defer pension in 2022.
        r = self.engine.deferral(region=GUIZHOU, unit=Unit("small", industry="catering"),
                                 insurance="pension", period="2022-05")
        self.assertTrue(r.eligible)
        self.assertTrue(r.late_fee_waived)
        self.assertEqual(r.makeup_due, datetime.date(2023, 6, 30))
        self.assertEqual(r.reasons, ())
        self.assertEqual([rule.citation for rule in r.rules], ["黔人社通〔2022〕84号"])

    def test_refused(self):
        r = self.engine.deferral(region=GUIZHOU, unit={"size": "small"}, insurance="pension",
                                 period="2022-05")
        self.assertEqual((r.eligible, r.makeup_due, r.reasons),
                         (False, None, ("industry_not_eligible",)))
        r = self.engine.deferral(region=GUIZHOU, unit=Unit("small", "public_institution"),
                                 insurance="pension", period="2022-05")
        self.assertEqual(r.reasons, ("public_institution",))


class OverpaymentTest(TypedTestCase):
    def test_sme_refund(self):
        # A 吉安 SME paid March 2020 in full (1600.01) but was exempt: all of it is refunded.
        r = self.engine.overpayment(region=JIAN, unit="small", ledger=[
            sipolicy.LedgerEntry(period="2020-03", insurance="pension", base=D("10000.05"),
                                 paid=D("1600.01"))])
        line, = r.lines
        self.assertEqual((line.payable, line.paid, line.overpaid, line.shortfall,
                          line.relief_ratio), (D("0.00"), D("1600.01"), D("1600.01"),
                                               D("0.00"), 1))
        self.assertEqual((r.settlement, r.refund, r.total_overpaid, r.remaining_credit),
                         ("refund", D("1600.01"), D("1600.01"), D("0.00")))

    def test_large_offset(self):
        # Large unit, halved: payable 800.00, paid 1600.01 → 800.01 offset against 1000.00.
        r = self.engine.overpayment(
            region=JIAN, unit="large", settlement="offset",
            ledger=[{"period": "2020-03", "insurance": "pension", "base": "10000.05",
                     "paid": "1600.01"}],
            upcoming=[sipolicy.UpcomingDue(period="2020-08", insurance=Insurance.PENSION,
                                           payable=D("1000.00"))])
        self.assertEqual((r.settlement, r.refund), (sipolicy.Settlement.OFFSET, D("0.00")))
        offset, = r.offsets
        self.assertEqual((offset.payable_before, offset.offset, offset.payable_after),
                         (D("1000.00"), D("800.01"), D("199.99")))

    def test_refused(self):
        with self.assertRaises(InvalidArgumentError):
            self.engine.overpayment(region=JIAN, unit="small", ledger=[])
        with self.assertRaisesRegex(TypeError, r"ledger\[0\]\.paid: float"):
            self.engine.overpayment(region=JIAN, unit="small", ledger=[
                {"period": "2020-03", "insurance": "pension", "base": "1", "paid": 0.5}])


class StableJobRefundTest(TypedTestCase):
    GUIZHOU_SME = dict(region=GUIZHOU, unit={"size": "small"}, year=2022,
                       prior_year_paid=D("12000.00"), months_paid=12, layoffs=0, insured=25)

    def test_guizhou_sme_2022(self):
        # 人社部发〔2022〕23号: SMEs up to 90%: 12000.00 × 0.9 = 10800.00; 2021 target 5.5%.
        r = self.engine.stable_job_refund(**self.GUIZHOU_SME)
        self.assertEqual((r.eligible, r.ratio, r.amount, r.reasons, r.entitlement,
                          r.policy_ratio, r.payee, r.layoff_target, r.target_year),
                         (True, Fraction(9, 10), D("10800.00"), (), D("10800.00"),
                          Fraction(9, 10), Payee.PUBLIC_ACCOUNT, Fraction(55, 1000), 2021))
        self.assertEqual(r.payee, "public_account")

    def test_refused_and_top_up(self):
        r = self.engine.stable_job_refund(**dict(self.GUIZHOU_SME, months_paid=11))
        self.assertEqual((r.eligible, r.ratio, r.amount, r.reasons, r.payee),
                         (False, 0, D("0.00"), ("months_paid_below_required",), "none"))
        # Already refunded 6000.00: the top-up is 10800.00 − 6000.00 = 4800.00.
        r = self.engine.stable_job_refund(**dict(self.GUIZHOU_SME, already_refunded="6000"))
        self.assertEqual((r.amount, r.entitlement), (D("4800.00"), D("10800.00")))
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.engine.stable_job_refund(**dict(self.GUIZHOU_SME, months_paid=13))
        self.assertEqual(ctx.exception.field, "months_paid")


class ScreeningTest(TypedTestCase):
    def test_screening(self):
        units = [
            sipolicy.ScreeningUnit(id="a", unit=Unit("small"), prior_year_paid=D("12000.00"),
                                   months_paid=12, layoffs=0, insured=25),
            {"id": "b", "unit": {"size": "large"}, "prior_year_paid": "-1", "months_paid": 12,
             "layoffs": 0, "insured": 25},
            # 国发〔2022〕12号: large units 50%: 20000.00 × 0.5 = 10000.00.
            {"unit": {"size": "large"}, "prior_year_paid": "20000.00", "months_paid": 12,
             "layoffs": 0, "insured": 100},
        ]
        r = self.engine.stable_job_screening(year=2022, region=GUIZHOU, units=units)
        a, b, c = r.results
        self.assertEqual((a.id, a.eligible, a.amount, a.payee),
                         ("a", True, D("10800.00"), "public_account"))
        self.assertIsInstance(b, sipolicy.BatchError)
        self.assertEqual((b.code, b.field, b.index, b.id),
                         ("invalid_argument", "units[1].prior_year_paid", 1, "b"))
        self.assertEqual((c.ratio, c.amount), (Fraction(1, 2), D("10000.00")))
        s = r.summary
        self.assertEqual((s.units_screened, s.units_paid, s.total_amount, s.employees_covered,
                          s.bad_records), (3, 2, D("20800.00"), 125, 1))
        self.assertEqual(s.by_payee["public_account"], 2)
        self.assertEqual(s.by_region[0].region, GUIZHOU)

    def test_summary_only_and_refused(self):
        r = self.engine.stable_job_screening(year=2022, region=GUIZHOU, summary_only=True, units=[
            {"unit": "small", "prior_year_paid": "100", "months_paid": 6, "layoffs": 0,
             "insured": 3}])
        self.assertIsNone(r.results)
        self.assertEqual(r.summary.by_reason, {"months_paid_below_required": 1})
        # No layoff target for 2025, so a 2026 refund: the unit's own error.
        r = self.engine.stable_job_screening(year=2026, region=GUIZHOU, units=[
            {"unit": "small", "prior_year_paid": "100", "months_paid": 12, "layoffs": 0,
             "insured": 3}])
        self.assertEqual((r.results[0].code, r.results[0].index), ("not_found", 0))
        with self.assertRaises(InvalidArgumentError) as ctx:  # the request itself
            self.engine.stable_job_screening(year=2022, region="52", units=[])
        self.assertEqual(ctx.exception.field, "region")
        with self.assertRaisesRegex(TypeError, "units: expected a list"):
            self.engine.stable_job_screening(year=2022, units={"unit": "small"})  # type: ignore


class DifficultRefundTest(TypedTestCase):
    def test_xian_benefit_basis(self):
        # 西安 2020: 6 months × 1500.00 (local benefit) × 10 insured = 90000.00.
        r = self.engine.difficult_enterprise_refund(region="610100", unit="medium", year=2020,
                                                    insured=10, monthly_benefit=D("1500.00"))
        self.assertEqual((r.eligible, r.basis, r.months, r.monthly, r.entitlement, r.amount),
                         (True, "benefit", 6, D("1500.00"), D("90000.00"), D("90000.00")))

    def test_refused(self):
        r = self.engine.difficult_enterprise_refund(region="610100", unit="medium", year=2020,
                                                    insured=10, monthly_benefit="1500.00",
                                                    arrears=True)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("long_term_arrears",)))
        with self.assertRaises(OutOfRangeError) as ctx:  # beyond the rule's 6 months
            self.engine.difficult_enterprise_refund(region="610100", unit="medium", year=2020,
                                                    insured=10, monthly_benefit="1500.00",
                                                    months=7)
        self.assertEqual(ctx.exception.field, "months")


class SkillSubsidyTest(TypedTestCase):
    def test_intermediate_2018(self):
        # 人社部发〔2017〕40号: 中级 1500; 36 months insured required before 2019.
        r = self.engine.skill_subsidy(region=JIAN, certificate_date=datetime.date(2018, 6, 1),
                                      level="intermediate", applicant="employee",
                                      insured_months=40)
        self.assertEqual((r.eligible, r.amount, r.tier_amount, r.reasons),
                         (True, D("1500.00"), D("1500.00"), ()))

    def test_refused(self):
        r = self.engine.skill_subsidy(region=JIAN, certificate_date=datetime.date(2018, 6, 1),
                                      level=sipolicy.SkillLevel.INTERMEDIATE,
                                      applicant="employee", insured_months=20)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("insured_months_below_minimum",)))


class WorkTrainingTest(TypedTestCase):
    def test_yudu_2020(self):
        # 于人社〔2020〕112号: 600 a month; 4 full months → 2400.00.
        r = self.engine.work_training_subsidy(region="360731", unit="small",
                                              hire_period="2020-04", target_group="difficult",
                                              contract_months=12, months_worked=4)
        self.assertEqual((r.eligible, r.monthly_amount, r.months, r.amount),
                         (True, D("600.00"), 4, D("2400.00")))

    def test_refused(self):
        r = self.engine.work_training_subsidy(region="360731", unit="large",
                                              hire_period="2020-04", target_group="difficult",
                                              contract_months=12, months_worked=4)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("employer_not_covered",)))


class SocialInsuranceSubsidyTest(TypedTestCase):
    def test_two_thirds(self):
        # round(3000.00 × 2/3 × 6/6) = 2000.00; 36 − 6 = 30 months left.
        r = self.engine.social_insurance_subsidy(region="360731", group="difficult",
                                                 contribution=D("3000.00"), months=6)
        self.assertEqual((r.eligible, r.ratio, r.max_months, r.months, r.months_remaining,
                          r.amount), (True, Fraction(2, 3), 36, 6, 30, D("2000.00")))

    def test_refused(self):
        r = self.engine.social_insurance_subsidy(region="360731", group="veteran",
                                                 contribution="3000.00", months=6)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("target_group_not_covered",)))


class RetentionAndExpansionTest(TypedTestCase):
    def test_retention(self):
        # 人社部发〔2022〕23号: 500 per insured employee × 20 = 10000.00.
        r = self.engine.retention_training_subsidy(region="110000", unit="small", year=2022,
                                                   insured=20)
        self.assertEqual((r.eligible, r.per_employee, r.amount), (True, D("500.00"),
                                                                  D("10000.00")))
        r = self.engine.retention_training_subsidy(region="110000", unit="small", year=2022,
                                                   insured=20, already_received=True)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("already_received",)))

    def test_expansion(self):
        # 人社厅发〔2022〕41号: 1500 per hire × 3 = 4500.00.
        r = self.engine.job_expansion_subsidy(region="110000", unit="small", year=2022, hires=3)
        self.assertEqual((r.eligible, r.per_hire, r.amount), (True, D("1500.00"), D("4500.00")))
        r = self.engine.job_expansion_subsidy(region="110000",
                                              unit=Unit("small", "public_institution"),
                                              year=2022, hires=3)
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("public_institution",)))


class EntrepreneurshipTest(TypedTestCase):
    def test_venue_rent(self):
        # Guizhou 创业场所租赁补贴 cap 6000 per grant: min(4500.00, 6000) × 2 = 9000.00.
        r = self.engine.entrepreneurship_subsidy(region="520100", kind="venue_rent",
                                                 group="graduate", grants=2, claimed="4500.00")
        self.assertEqual((r.eligible, r.cap, r.per_grant, r.amount),
                         (True, D("6000.00"), D("4500.00"), D("9000.00")))

    def test_refused(self):
        r = self.engine.entrepreneurship_subsidy(region="520100", kind="startup",
                                                 group="graduate")
        self.assertEqual((r.eligible, r.amount, r.reasons),
                         (False, D("0.00"), ("target_group_not_covered",)))
        with self.assertRaises(NotFoundError) as ctx:  # no such rule in Beijing
            self.engine.entrepreneurship_subsidy(region="110000", kind="startup",
                                                 group="difficult")
        self.assertEqual(ctx.exception.field, "kind")


class ClassifyTest(TypedTestCase):
    def test_large_and_micro(self):
        # 工业: large needs ≥ 1000 employees and ≥ 40000万元 revenue.
        r = self.engine.classify_enterprise(sector="industry", employees=1200,
                                            revenue=D("500000000"))
        self.assertEqual((r.size, r.reasons), (UnitSize.LARGE, ("all_large_bounds_met",)))
        r = self.engine.classify_enterprise(sector=sipolicy.Sector.INDUSTRY, employees=10,
                                            revenue=1000000)
        self.assertEqual(r.size, "micro")
        self.assertEqual(r.reasons[-1], "micro_below_small")

    def test_refused(self):
        with self.assertRaises(InvalidArgumentError) as ctx:  # the measure the sector uses
            self.engine.classify_enterprise(sector="industry", employees=10)
        self.assertEqual(ctx.exception.field, "revenue")


class CollectionTargetTest(TypedTestCase):
    KW = dict(region="360400", year=2017, unit_kind="private", level="city_wide",
              opening_arrears=D("1000000"), due=D("5000000"), new_arrears=D("40000"))

    def test_met(self):
        # 九人社字〔2017〕85号: clearance > 90%, new arrears ≤ 10%: 95% and 0.8%.
        r = self.engine.collection_target(cleared=D("950000"), **self.KW)
        self.assertEqual((r.clearance_rate, r.clearance_rate_percent, r.new_arrears_ratio,
                          r.new_arrears_ratio_percent, r.clearance_target, r.new_arrears_target,
                          r.met), (Fraction(95, 100), D("95.00"), Fraction(8, 1000), D("0.80"),
                                   Fraction(9, 10), Fraction(1, 10), True))

    def test_not_met(self):
        r = self.engine.collection_target(cleared=D("850000"), **self.KW)
        self.assertEqual((r.clearance_met, r.new_arrears_met, r.met, r.reasons),
                         (False, True, False, ("clearance_rate_not_above_target",)))
        with self.assertRaises(InvalidArgumentError) as ctx:  # cleared > opening arrears
            self.engine.collection_target(cleared=D("2000000"), **self.KW)
        self.assertEqual(ctx.exception.field, "cleared")


# ---------------------------------------------------------------------------
# Envelope fields the binding sets itself: "op" is the method, "id" is not
# needed (results come back in order), and "detail" is always "full" (a Rule
# carries the document's whole record). "as_of" and "explain" are keywords.
ENVELOPE = {"op", "id", "detail"}


def _keyword_names(fn):
    return [p.name for p in inspect.signature(fn).parameters.values()
            if p.kind is inspect.Parameter.KEYWORD_ONLY]


class CoverageTest(unittest.TestCase):
    """The typed API against the library's own description."""

    def test_every_operation_has_typed_and_batch_methods(self):
        for op in sipolicy.OPERATIONS:
            self.assertTrue(callable(getattr(Engine, op, None)), op)
            self.assertTrue(callable(getattr(Engine, op + "_batch", None)), op)
            hints = typing.get_type_hints(getattr(Engine, op))
            self.assertIn("return", hints, op)

    def test_results_are_frozen_slotted_dataclasses(self):
        from sipolicy import _ops
        for op in _ops.OPS.values():
            cls = op.result_type
            self.assertTrue(dataclasses.is_dataclass(cls))
            self.assertTrue(cls.__dataclass_params__.frozen)
            self.assertTrue(hasattr(cls, "__slots__"), cls)
            req = op.request_type
            self.assertTrue(dataclasses.is_dataclass(req))
            # The request dataclass has the method's keywords, less explain.
            self.assertEqual([f.name for f in dataclasses.fields(req)],
                             [n for n in _keyword_names(getattr(Engine, op.name))
                              if n != "explain"], op.name)

    def test_matches_sipolicy_describe(self):
        if not support.HAS_DESCRIBE:
            self.skipTest(support.NO_DESCRIBE)
        from sipolicy import _ops
        desc = sipolicy.describe(support.LIB)
        ops = {o["name"]: o for o in desc["operations"]}
        self.assertEqual(set(ops), set(sipolicy.OPERATIONS))
        self.assertEqual(list(ops), list(sipolicy.OPERATIONS))
        for name, o in ops.items():
            method = getattr(Engine, name, None)
            self.assertIsNotNone(method, f"no Engine.{name}")
            described = [f["name"] for f in o["request"] if f["name"] not in ENVELOPE]
            self.assertEqual(sorted(_keyword_names(method)), sorted(described), name)
            # Required request fields are the keywords without a default.
            sig = inspect.signature(method)
            required = {f["name"] for f in o["request"] if f["required"]} - ENVELOPE
            self.assertEqual({p for p, v in sig.parameters.items()
                              if v.kind is inspect.Parameter.KEYWORD_ONLY
                              and v.default is inspect.Parameter.empty}, required, name)
            # Result fields: the dataclass has every described result field.
            result = [_ops.json_key(f.name) for f in dataclasses.fields(_ops.OPS[name].result_type)]
            # The provenance every JSON result ends with ("catalog", "sipolicy")
            # is the engine's, not the record's: Engine.catalog_hash.
            self.assertEqual(result, [f["name"] for f in o["result"]
                                      if f["name"] not in ("id", "ok", "catalog", "sipolicy")],
                             name)
            # Nested request objects (unit, ledger, …) have the described members.
            for f in o["request"]:
                if f.get("fields"):
                    spec = _ops.OPS[name].by_name[f["name"]]
                    self.assertEqual([m.name for m in spec.members],
                                     [m["name"] for m in f["fields"]], f"{name}.{f['name']}")

    def test_enums_match_sipolicy_describe(self):
        if not support.HAS_DESCRIBE:
            self.skipTest(support.NO_DESCRIBE)
        enums = sipolicy.describe(support.LIB)["enums"]
        for name, cls in sipolicy.ENUMS.items():
            self.assertEqual([m.value for m in cls], enums[name], name)
            self.assertEqual([m.code for m in cls], list(range(len(enums[name]))))


class ValuesTest(unittest.TestCase):
    def test_enums_are_strings_with_codes(self):
        self.assertEqual(Insurance.PENSION, "pension")
        self.assertEqual(str(Insurance.WORK_INJURY), "work_injury")
        self.assertEqual(f"{UnitSize.SMALL}", "small")
        self.assertEqual((Insurance.WORK_INJURY.code, UnitType.PUBLIC_INSTITUTION.code,
                          Payee.UNRESOLVED.code), (2, 3, 3))
        self.assertIs(UnitSize.from_code(2), UnitSize.SMALL)
        self.assertEqual({"pension": 1}[Insurance.PENSION], 1)

    def test_results_pickle_and_compare(self):
        with Engine(support.LIB) as e:
            r = e.late_fee(amount="1000", due_date="2020-03-15", paid_date="2020-04-01")
        self.assertEqual(pickle.loads(pickle.dumps(r)), r)
        self.assertEqual(hash(pickle.loads(pickle.dumps(r))), hash(r))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            r.fee = D("0")  # type: ignore[misc]
        self.assertEqual(dataclasses.asdict(r)["fee"], D("8.50"))

    def test_batch_error(self):
        err = sipolicy.BatchError("not_found", "rate", "no rate", 3)
        self.assertFalse(err.ok)
        self.assertEqual(err.status, 3)
        self.assertIsInstance(err.exception(), NotFoundError)
        self.assertEqual(err.exception().field, "rate")


if __name__ == "__main__":
    unittest.main()
