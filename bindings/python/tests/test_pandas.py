"""sipolicy.pandas: operations over DataFrames and the bulletin summaries.

Skipped with a message when this Python cannot import pandas (Debian's
python3-pandas serves /usr/bin/python3: ctest's python_binding_system runs
these). Expected amounts are computed by hand from the documents, as each
comment shows; summaries are also checked against independent sums (the
library's own stable_job_screening summary, and plain per-row typed calls).
"""

import datetime
import subprocess
import sys
import unittest
from decimal import Decimal as D
from fractions import Fraction
from unittest import mock

from tests import support
import sipolicy

pd = support.import_optional("pandas")
np = support.import_optional("numpy")
NO_PANDAS = ("pandas is not importable by this Python (Debian's python3-pandas serves "
             "/usr/bin/python3; ctest's python_binding_system runs these tests)")
REPO = support.BINDING_DIR.parent.parent
if pd is not None and np is not None:
    import sipolicy.pandas as sp


class OptionalTest(unittest.TestCase):
    """Runs with any Python: the module is optional and says what it needs."""

    def run_python(self, code):
        return subprocess.run([sys.executable, "-c", code], env=support.env_for_subprocess(),
                              capture_output=True, text=True, timeout=120)

    def test_core_never_imports_pandas(self):
        p = self.run_python("import sys, sipolicy; e = sipolicy.Engine(); e.close(); "
                            "print('pandas' in sys.modules, 'numpy' in sys.modules)")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(p.stdout.split(), ["False", "False"])

    def test_clear_import_error_without_pandas(self):
        # sys.modules["pandas"] = None makes "import pandas" fail as if absent.
        p = self.run_python("import sys; sys.modules['pandas'] = None\n"
                            "try:\n    import sipolicy.pandas\n"
                            "except ImportError as e:\n    print('ImportError:', e)\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("ImportError: sipolicy.pandas needs pandas and numpy", p.stdout)
        self.assertIn("python3-pandas", p.stdout)
        self.assertIn("the rest of sipolicy works without them", p.stdout)


@unittest.skipUnless(pd is not None and np is not None and support.HAS_DESCRIBE, NO_PANDAS)
class RunTest(unittest.TestCase):
    def setUp(self):
        self.e = sipolicy.Engine(support.LIB)
        self.addCleanup(self.e.close)

    def contribution_frame(self):
        # 吉安 (360800), pension at the default 16% (国办发〔2019〕13号):
        #   due    = round(10000.05 × 0.16 = 1600.008)            = 1600.01
        #   large, 2020-03: halved (赣人社发〔2020〕11号 / 人社部发〔2020〕11号)
        #          relief = round(1600.01 / 2 = 800.005, HALF_UP)  = 800.01, payable 800.00
        #   small, 2020-03: exempt: relief 1600.01, payable 0.00
        #   public institution: no relief: payable 1600.01
        #   large, 2020-07: halving ended 2020-06 (人社部发〔2020〕49号): payable 1600.01
        #   unemployment at 0.5%: due 10000.00 × 0.005 = 50.00, small: exempt
        return pd.DataFrame({
            "region": ["360800", "360800", "360800", "999999", "360800", "360800", "360800",
                       "360800"],
            "unit.size": ["large", "small", "large", "large", "large", "large", "small", "small"],
            "unit.type": [None, None, "public_institution", None, None, None, None, None],
            "insurance": ["pension"] * 6 + ["unemployment", "pension"],
            "period": ["2020-03", "2020-03", "2020-03", "2020-03", "2020-07", "2020-03",
                       pd.Period("2020-03", "M"), 202003],
            "base": [D("10000.05"), "10000.05", D("10000.05"), D("1"), D("10000.05"),
                     D("1.005"), D("10000.00"), 3.5],
            "rate": [None] * 6 + [D("0.005"), None],
            "note": list("abcdefgh"),          # no field: ignored
        }, index=[f"u{i}" for i in range(8)])

    def test_contribution_columnar(self):
        frame = self.contribution_frame()
        out = sp.run(self.e, "contribution", frame)
        self.assertEqual(list(out.index), list(frame.index))
        self.assertEqual(list(out.columns), ["due", "relief_ratio", "relief", "payable", "rate",
                                             "status", "error_field", "error"])
        ok = out[out.status == "ok"]
        self.assertEqual(list(ok.index), ["u0", "u1", "u2", "u4", "u6"])
        self.assertEqual(list(ok.due), [D("1600.01")] * 4 + [D("50.00")])
        self.assertEqual(list(ok.relief), [D("800.01"), D("1600.01"), D("0.00"), D("0.00"),
                                           D("50.00")])
        self.assertEqual(list(ok.payable), [D("800.00"), D("0.00"), D("1600.01"),
                                            D("1600.01"), D("0.00")])
        self.assertEqual(list(ok.relief_ratio), [Fraction(1, 2), 1, 0, 0, 1])
        self.assertEqual(list(ok.rate), [Fraction(16, 100)] * 4 + [Fraction(5, 1000)])
        # Bad rows: the library's or the binding's own message, field named.
        self.assertEqual(tuple(out.loc["u3", ["status", "error_field"]]),
                         ("invalid_argument", "region"))
        self.assertIn("999999", out.loc["u3", "error"])
        self.assertEqual(tuple(out.loc["u5", ["status", "error_field"]]),
                         ("invalid_argument", "base"))
        self.assertIn("more than 2 decimals", out.loc["u5", "error"])
        self.assertEqual(out.loc["u7", "error_field"], "base")
        self.assertIn("binary floating point", out.loc["u7", "error"])
        self.assertIsNone(out.loc["u3", "due"])
        self.assertEqual(out.attrs["sipolicy"]["ignored"], ["note"])

    def test_columnar_and_records_agree(self):
        frame = self.contribution_frame()
        a = sp.run(self.e, "contribution", frame)
        b = sp.run(self.e, "contribution", frame, columnar=False)
        pd.testing.assert_frame_equal(a, b)
        # money="fen": nullable Int64 columns, the same amounts.
        f = sp.run(self.e, "contribution", frame, money="fen")
        self.assertEqual(str(f.due.dtype), "Int64")
        self.assertEqual(f.loc["u0", "relief"], 80001)
        self.assertTrue(pd.isna(f.loc["u3", "due"]))

    def test_integer_money_must_say_its_unit(self):
        frame = pd.DataFrame({"region": [360800, 360800], "unit.size": ["large", "small"],
                              "insurance": ["pension", "pension"], "period": [202003, 202003],
                              "base": np.array([1000005, 1000000], dtype=np.int64)})
        with self.assertRaisesRegex(TypeError, "int_money='fen' or int_money='yuan'"):
            sp.run(self.e, "contribution", frame)
        # fen: 10000.05 and 10000.00 yuan; large halved, small exempt (as above).
        seen = {}
        real = self.e.batch_columns

        def spy(op, columns, outputs=None):
            seen.update(columns)
            return real(op, columns, outputs)
        with mock.patch.object(self.e, "batch_columns", spy):
            out = sp.run(self.e, "contribution", frame, int_money="fen")
        self.assertEqual(list(out.payable), [D("800.00"), D("0.00")])
        # The int64 column reached C without a copy.
        self.assertTrue(np.shares_memory(seen["base"], frame["base"].to_numpy()))
        # yuan: 1000005 yuan × 0.16 = 160000.80; halved 80000.40.
        out = sp.run(self.e, "contribution", frame, int_money="yuan")
        self.assertEqual(out.loc[0, "relief"], D("80000.40"))
        with self.assertRaisesRegex(ValueError, "int_money"):
            sp.run(self.e, "contribution", frame, int_money="jiao")

    def test_float_columns_refused_as_today(self):
        frame = pd.DataFrame({"region": ["360800"], "unit.size": ["large"],
                              "insurance": ["pension"], "period": ["2020-03"],
                              "base": [10000.05]})
        with self.assertRaises(TypeError) as ctx:
            sp.run(self.e, "contribution", frame)
        msg = str(ctx.exception)
        # The typed call's message, then how to read the column exactly.
        with self.assertRaises(TypeError) as typed:
            self.e.contribution(region="360800", unit="large", insurance="pension",
                                period="2020-03", base=10000.05)
        self.assertTrue(msg.startswith(str(typed.exception)), (msg, str(typed.exception)))
        self.assertIn("converters={'base': decimal.Decimal}", msg)
        # A float column that holds nothing (every cell NaN) is no value at all.
        frame["base"] = [D("10000.05")]
        frame["rate"] = [float("nan")]
        self.assertEqual(sp.run(self.e, "contribution", frame).loc[0, "due"], D("1600.01"))
        with self.assertRaisesRegex(TypeError, "an integer"):
            sp.run(self.e, "late_fee", pd.DataFrame({"amount": ["1"], "due_date": ["2020-01-01"],
                                                    "paid_date": ["2020-01-02"],
                                                    "region": [360800.0]}))

    def test_call_level_mistakes(self):
        frame = self.contribution_frame()
        with self.assertRaisesRegex(ValueError, "needs a column 'base'"):
            sp.run(self.e, "contribution", frame.drop(columns=["base"]))
        with self.assertRaisesRegex(ValueError, "not request fields"):
            sp.run(self.e, "contribution", frame, rename={"bsae": "base"})
        with self.assertRaisesRegex(ValueError, "unknown operation"):
            sp.run(self.e, "contributions", frame)
        with self.assertRaisesRegex(ValueError, "one or the other"):
            sp.run(self.e, "contribution", frame.assign(unit=["large"] * 8))
        with self.assertRaisesRegex(TypeError, "DataFrame"):
            sp.run(self.e, "contribution", frame.to_dict("records"))

    def test_rename_defaults_unit_column(self):
        # The same rows as test_contribution_columnar's first two, spelled otherwise.
        frame = pd.DataFrame({"险种": ["pension", "pension"],
                              "unit": [{"size": "large"}, sipolicy.Unit("small")],
                              "base": [D("10000.05"), D("10000.05")]})
        out = sp.run(self.e, "contribution", frame, rename={"insurance": "险种"},
                     defaults={"region": "360800", "period": "2020-03"})
        self.assertEqual(list(out.payable), [D("800.00"), D("0.00")])
        # as_of: on 2020-03-01 no 2020 relief document was issued yet: no relief.
        out = sp.run(self.e, "contribution", frame, rename={"insurance": "险种"},
                     defaults={"region": "360800", "period": "2020-03"},
                     as_of=datetime.date(2020, 2, 1))
        self.assertEqual(list(out.relief), [D("0.00"), D("0.00")])
        # A unit with an industry cannot be a column: evaluated per record, same answer.
        frame["unit"] = [{"size": "large", "industry": "catering"}, "small"]
        out = sp.run(self.e, "contribution", frame, rename={"insurance": "险种"},
                     defaults={"region": "360800", "period": "2020-03"})
        self.assertEqual(list(out.payable), [D("800.00"), D("0.00")])

    def test_late_fee(self):
        # 1000.00 owed since 2020-03-15, paid 2020-04-01: 17 days (16 in March + 1)
        # × 0.05% (社会保险法 第八十六条) × 1000.00 = 8.50.
        # 10000.00 owed since 2020-01-15, paid 2020-01-25: 10 days × 5.00 = 50.00.
        frame = pd.DataFrame({
            "amount": [D("1000.00"), "10000.00", D("1000.00"), D("1000.00"), D("1000.00")],
            "due_date": pd.to_datetime(["2020-03-15", "2020-01-15", "2020-03-15",
                                        "2020-03-15", "2020-03-15"]),
            "paid_date": [datetime.date(2020, 4, 1), "2020-01-25", 20200401, "2020-02-30",
                          pd.Timestamp("2020-04-01 12:00")]})
        out = sp.run(self.e, "late_fee", frame)
        self.assertEqual(list(out.columns), ["days", "fee", "waived_days", "status",
                                             "error_field", "error"])
        self.assertEqual(list(out.fee[:3]), [D("8.50"), D("50.00"), D("8.50")])
        self.assertEqual(list(out.days[:3]), [17, 10, 17])
        self.assertEqual(str(out.days.dtype), "Int64")
        self.assertEqual(tuple(out.loc[3, ["status", "error_field"]]),
                         ("invalid_argument", "paid_date"))
        self.assertEqual(out.loc[4, "error_field"], "paid_date")
        self.assertIn("datetime", out.loc[4, "error"])
        # The JSON path has every result field (daily_rate, segments too).
        full = sp.run(self.e, "late_fee", frame, columnar=False)
        self.assertEqual(full.loc[0, "daily_rate"], Fraction(5, 10000))
        self.assertEqual(list(full.fee[:3]), list(out.fee[:3]))

    def test_per_record_operations(self):
        # 国统字〔2017〕213号, 工业: large needs X ≥ 1000 and Y ≥ 40000万元; small X ≥ 20,
        # Y ≥ 300万元; 15 employees is below small: micro.
        frame = pd.DataFrame({"sector": ["industry", "industry", "industry", "mining"],
                              "employees": pd.array([1000, 20, 15, None], dtype="Int64"),
                              "revenue": [D("400000000"), "3000000", D("3000000"), D("1")]})
        out = sp.run(self.e, "classify_enterprise", frame)
        self.assertEqual(list(out["size"][:3]), ["large", "small", "micro"])
        self.assertEqual(tuple(out.loc[3, ["status", "error_field"]]),
                         ("invalid_argument", "sector"))
        self.assertIsInstance(out.loc[0, "reasons"], tuple)
        # Objects and lists in cells: a ledger per row. 2020-03 pension of a small
        # 吉安 unit was exempt, so the 1600.00 paid is all overpaid and refunded.
        frame = pd.DataFrame({"region": ["360800"], "unit.size": ["small"],
                              "ledger": [[{"period": "2020-03", "insurance": "pension",
                                           "base": D("10000.00"), "paid": D("1600.00")}]]})
        out = sp.run(self.e, "overpayment", frame)
        self.assertEqual((out.loc[0, "total_overpaid"], out.loc[0, "refund"]),
                         (D("1600.00"), D("1600.00")))

    def test_fields_come_from_the_description(self):
        d = self.e.describe()
        for o in d["operations"]:
            if o["name"] == "stable_job_screening":
                continue
            names = set(sp.fields(self.e, o["name"]))
            expected = {f["name"] for f in o["request"]
                        if f["name"] not in ("op", "id", "explain", "detail")}
            self.assertTrue(expected <= names, o["name"])
            for f in o["request"]:  # an object's members ("unit.size"), not a list's
                for g in f.get("fields", ()) if f["type"] == "object" else ():
                    self.assertIn(f"{f['name']}.{g['name']}", names)

    def test_bad_row_in_a_large_frame(self):
        # 10,001 rows: row 5,000 is bad; every other row is answered, in order,
        # on its own index, as the typed call answers it.
        n = 10_001
        rng = np.random.default_rng(7)
        frame = pd.DataFrame({
            "region": rng.choice([360800, 420100, 520000], n),
            "unit.size": rng.choice(["large", "medium", "small", "micro"], n),
            "insurance": "pension", "period": rng.integers(1, 13, n) + 202000,
            "base": rng.integers(0, 5_000_000, n)}, index=np.arange(n) * 3 + 100)
        frame.loc[frame.index[5000], "period"] = 202013
        out = sp.run(self.e, "contribution", frame, int_money="fen", money="fen")
        self.assertEqual(list(out.index), list(frame.index))
        self.assertEqual(list(out.status != "ok"), [i == 5000 for i in range(n)])
        self.assertEqual(out.iloc[5000]["error_field"], "period")
        for i in list(range(0, n, 997)) + [4999, 5001]:
            row = frame.iloc[i]
            p = int(row.period)
            r = self.e.contribution(region=int(row.region), unit=row["unit.size"],
                                    insurance="pension", period=(p // 100, p % 100),
                                    base=D(int(row.base)).scaleb(-2))
            self.assertEqual(out.iloc[i]["payable"], int(r.payable * 100), i)


@unittest.skipUnless(pd is not None and np is not None and support.HAS_DESCRIBE, NO_PANDAS)
class ScreeningTest(unittest.TestCase):
    def setUp(self):
        self.e = sipolicy.Engine(support.LIB)
        self.addCleanup(self.e.close)

    # The 2021 refund (人社部发〔2021〕29号): large 30%, SMEs 60% of 2020's paid
    # contributions; 2020's layoffs against 2020's target of 6%; units of at most
    # 30 insured pass with layoffs ≤ 20%; 12 months paid; no exclusion.
    # Columns: id, region, size, type, prior_year_paid, months_paid, layoffs,
    # insured, arrears, has_public_account.
    UNITS = [
        # 0.6 × 12000.00 = 7200.00
        ("A", "520000", "small", None, D("12000.00"), 12, 0, 25, False, True),
        # layoffs 5% ≤ 6%: 0.3 × 100000.00 = 30000.00
        ("B", "520000", "large", None, D("100000.00"), 12, 5, 100, False, True),
        # 7% > 6%: layoff_rate_above_target
        ("C", "520000", "large", None, D("100000.00"), 12, 7, 100, False, True),
        # 11 months and arrears: months_paid_below_required, long_term_arrears
        ("D", "360800", "micro", None, D("500.00"), 11, 0, 5, True, True),
        # 10 insured, 30% > 20%: layoff_rate_above_small_unit_limit
        ("E", "360800", "small", None, D("6000.00"), 12, 3, 10, False, True),
        # 20 insured, 20% ≤ 20%: 0.6 × 3333.33 = 1999.998 → 2000.00 (HALF_UP)
        ("F", "360800", "small", None, D("3333.33"), 12, 4, 20, False, True),
        # 机关事业单位: public_institution
        ("G", "360800", "medium", "public_institution", D("9000.00"), 12, 0, 40, False, True),
        # a bad record
        ("H", "360800", "small", None, "abc", 12, 0, 10, False, True),
        # no public account: 0.6 × 1000.05 = 600.03 to the contribution account
        ("I", "360800", "micro", None, D("1000.05"), 12, 0, 5, False, False),
    ]

    def frame(self):
        cols = ["region", "unit.size", "unit.type", "prior_year_paid", "months_paid", "layoffs",
                "insured", "arrears", "has_public_account"]
        return pd.DataFrame([u[1:] for u in self.UNITS], columns=cols,
                            index=[u[0] for u in self.UNITS])

    def test_per_unit_results(self):
        units = self.frame()
        out = sp.run(self.e, "stable_job_screening", units, defaults={"year": 2021})
        self.assertEqual(list(out.columns), ["eligible", "ratio", "amount", "reasons", "payee",
                                             "status", "error_field", "error"])
        ok = out[out.status == "ok"]
        self.assertEqual(list(ok.index), list("ABCDEFGI"))
        self.assertEqual(list(ok.amount), [D("7200.00"), D("30000.00"), 0, 0, 0, D("2000.00"),
                                           0, D("600.03")])
        self.assertEqual(list(ok.eligible), [True, True, False, False, False, True, False, True])
        self.assertEqual(list(ok.ratio), [Fraction(3, 5), Fraction(3, 10), 0, 0, 0,
                                          Fraction(3, 5), 0, Fraction(3, 5)])
        self.assertEqual(ok.loc["C", "reasons"], ("layoff_rate_above_target",))
        self.assertEqual(ok.loc["D", "reasons"], ("months_paid_below_required",
                                                  "long_term_arrears"))
        self.assertEqual(ok.loc["E", "reasons"], ("layoff_rate_above_small_unit_limit",))
        self.assertEqual(ok.loc["G", "reasons"], ("public_institution",))
        self.assertEqual((ok.loc["A", "payee"], ok.loc["I", "payee"]),
                         ("public_account", "contribution_account"))
        self.assertEqual(tuple(out.loc["H", ["status", "error_field"]]),
                         ("invalid_argument", "prior_year_paid"))
        # The JSON path answers the same.
        pd.testing.assert_frame_equal(
            out, sp.run(self.e, "stable_job_screening", units, defaults={"year": 2021},
                        columnar=False))

    def test_summary_by_hand_and_by_the_library(self):
        units = self.frame()
        out = sp.run(self.e, "stable_job_screening", units, defaults={"year": 2021})
        s = sp.screening_summary(units, out)
        t = s.loc["total"]
        # Paid: A, B, F, I; 7200.00 + 30000.00 + 2000.00 + 600.03 = 39800.03 yuan
        # (3.980003 万元); employees 25 + 100 + 20 + 5 = 150; refused C, D, E, G.
        self.assertEqual((t.units_screened, t.units_eligible, t.units_paid, t.not_eligible,
                          t.bad_records, t.employees_covered), (9, 4, 4, 4, 1, 150))
        self.assertEqual(t.total_amount, D("39800.03"))
        self.assertEqual(t.total_amount_wan, D("3.980003"))
        self.assertEqual((t.layoff_rate_above_target, t.months_paid_below_required,
                          t.long_term_arrears, t.layoff_rate_above_small_unit_limit,
                          t.public_institution, t.zombie_enterprise), (1, 1, 1, 1, 1, 0))
        # An independent sum: the library's own screening of the same units.
        lib = self.e.stable_job_screening(year=2021, units=[
            dict(region=u[1], unit=dict(size=u[2], **({"type": u[3]} if u[3] else {})),
                 prior_year_paid=u[4], months_paid=u[5], layoffs=u[6], insured=u[7],
                 arrears=u[8], has_public_account=u[9]) for u in self.UNITS]).summary
        self.assertEqual((lib.units_screened, lib.units_eligible, lib.units_paid,
                          lib.total_amount, lib.employees_covered, lib.bad_records),
                         (t.units_screened, t.units_eligible, t.units_paid, t.total_amount,
                          t.employees_covered, t.bad_records))
        self.assertEqual({k: v for k, v in lib.by_reason.items() if v},
                         {k: int(t[k]) for k in lib.by_reason if t[k]})
        # By region: 520000 paid A and B (37200.00, 125 employees); 360800 paid F and I
        # (2600.03, 25 employees); each as the library's by_region has it.
        by = sp.screening_summary(units, out, by="region")
        self.assertEqual(list(by.index), ["360800", "520000", "total"])
        self.assertEqual(list(by.total_amount), [D("2600.03"), D("37200.00"), D("39800.03")])
        self.assertEqual(list(by.employees_covered), [25, 125, 150])
        for r in lib.by_region:  # the library's "units" of a region leave bad records out
            self.assertEqual((by.loc[r.region, "units_screened"] - by.loc[r.region, "bad_records"],
                              by.loc[r.region, "units_paid"],
                              by.loc[r.region, "total_amount"],
                              by.loc[r.region, "employees_covered"]),
                             (r.units, r.units_paid, r.amount, r.employees_covered))
        # Two keys: region × size, the groups add up to the total.
        two = sp.screening_summary(units, out, by=["region", "unit.size"])
        self.assertEqual(two.loc[("520000", "large"), "units_paid"], 1)
        groups = two.drop(index=("total", ""))
        self.assertEqual(sum(groups.total_amount, D(0)), D("39800.03"))
        self.assertEqual(int(groups.units_screened.sum()), 9)

    def test_example_ledger(self):
        """examples/pandas_ledger.py runs, and its bulletin equals per-unit typed calls."""
        script = REPO / "examples" / "pandas_ledger.py"
        p = subprocess.run([sys.executable, str(script)], env=support.env_for_subprocess(),
                           capture_output=True, text=True, timeout=300)
        self.assertEqual(p.returncode, 0, p.stderr)
        # Independently: one typed call per CSV line (read with the csv module).
        import csv
        paid = heads = units = bad = 0
        total = D(0)
        with open(REPO / "examples" / "data" / "jian_units_2021.csv", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                units += 1
                try:
                    r = self.e.stable_job_refund(
                        region=row["region"], year=2022,
                        unit={"size": row["size"], "type": row["type"]},
                        prior_year_paid=row["prior_year_paid"],
                        months_paid=int(row["months_paid"]), layoffs=int(row["layoffs"]),
                        insured=int(row["insured"]), arrears=row["arrears"] == "true",
                        dishonest=row["dishonest"] == "true",
                        has_public_account=row["has_public_account"] == "true")
                except sipolicy.SipolicyError:
                    bad += 1
                    continue
                if r.eligible and r.amount > 0:
                    paid += 1
                    heads += int(row["insured"])
                    total += r.amount
        # By hand (2022: 人社部发〔2022〕23号 SMEs 90%, large 50%; 2021 target 5.5%):
        # 8 units paid 308460.96 yuan (30.85万元), 709 employees, 1 bad line.
        self.assertEqual((units, paid, heads, bad, total), (16, 8, 709, 1, D("308460.96")))
        wan = (total / 10000).quantize(D("0.01"))
        self.assertIn(f"向{paid}户企业返还稳岗资金{wan}万元，惠及职工{heads}人", p.stdout)
        self.assertIn(f"错误记录{bad}条", p.stdout)
        self.assertIn("JA0013: invalid_argument prior_year_paid", p.stdout)


@unittest.skipUnless(pd is not None and np is not None and support.HAS_DESCRIBE, NO_PANDAS)
class ReliefSummaryTest(unittest.TestCase):
    def setUp(self):
        self.e = sipolicy.Engine(support.LIB)
        self.addCleanup(self.e.close)

    def test_by_month_and_insurance(self):
        # 吉安, relief in yuan (rules as in RunTest.contribution_frame):
        #   2020-02 pension large 10000.05: 800.01; small: 1600.01; public institution: 0
        #   2020-03 unemployment small 10000.00 at 0.5%: 50.00 (exempt)
        #   2020-03 work injury large 10000.00 at 0.4%: due 40.00, halved 20.00
        #   a bad row (region 999999) is left out.
        frame = pd.DataFrame({
            "region": [360800, 360800, 360800, 360800, 360800, 999999],
            "unit.size": ["large", "small", "large", "small", "large", "large"],
            "unit.type": [None, None, "public_institution", None, None, None],
            "insurance": ["pension", "pension", "pension", "unemployment", "work_injury",
                          "pension"],
            "period": pd.PeriodIndex(["2020-02"] * 3 + ["2020-03"] * 2 + ["2020-02"], freq="M"),
            "base": [D("10000.05")] * 3 + [D("10000.00")] * 2 + [D("1")],
            "rate": [None, None, None, "0.005", D("0.004"), None]})
        out = sp.run(self.e, "contribution", frame)
        t = sp.relief_summary(frame, out)
        self.assertEqual(list(t.index), ["2020-02", "2020-03", "total"])
        self.assertEqual(list(t.columns), ["pension", "unemployment", "work_injury", "total"])
        # 万元, exact: 2400.02 yuan = 0.240002; 50.00 = 0.005; 20.00 = 0.002.
        self.assertEqual(t.loc["2020-02", "pension"], D("0.240002"))
        self.assertEqual(t.loc["2020-03", "unemployment"], D("0.005000"))
        self.assertEqual(t.loc["2020-03", "work_injury"], D("0.002000"))
        self.assertEqual(t.loc["2020-02", "unemployment"], D("0"))
        self.assertEqual(t.loc["total", "total"], D("0.247002"))
        self.assertEqual(t.attrs["bad_records"], 1)
        # Independent sum: the relief of the good rows, added as Decimals.
        self.assertEqual(sum(out.relief[out.status == "ok"], D(0)) / 10000,
                         t.loc["total", "total"])
        # As bulletins print (HALF_UP to 0.01 万元): 0.24, 0.01, 0.00; total 0.25.
        r = sp.relief_summary(frame, out, places=2)
        self.assertEqual([str(x) for x in r.loc["total"]], ["0.24", "0.01", "0.00", "0.25"])
        y = sp.relief_summary(frame, out, rows="region", unit="yuan")
        self.assertEqual(y.loc[360800, "total"], D("2470.02"))
        # The same from money in fen.
        f = sp.run(self.e, "contribution", frame, money="fen")
        pd.testing.assert_frame_equal(sp.relief_summary(frame, f), t)


if __name__ == "__main__":
    unittest.main()
