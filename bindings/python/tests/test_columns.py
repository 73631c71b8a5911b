"""Engine.batch_columns: columns of integer codes through sipolicy_batch,
equal record by record to the typed per-record calls; every kind of column
input (array.array, memoryview, lists, enum names, numpy, pandas)."""

import array
import datetime
import random
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support
import sipolicy
from sipolicy import Engine, Insurance, InvalidArgumentError, UnitSize, UnitType

D = Decimal
np = support.import_optional("numpy")
pd = support.import_optional("pandas")
NO_NUMPY = "numpy is not importable by this Python (Debian's python3-numpy serves /usr/bin/python3)"
NO_PANDAS = "pandas is not importable by this Python (Debian's python3-pandas serves /usr/bin/python3)"

SIZES = list(UnitSize)
TYPES = list(UnitType)
INSURANCES = list(Insurance)


def contribution_columns(n, seed=1):
    """n generated records as columns of codes, and the same as typed-call kwargs."""
    rnd = random.Random(seed)
    cols = {k: array.array(t) for k, t in (
        ("region", "i"), ("unit.size", "i"), ("unit.type", "i"), ("insurance", "i"),
        ("period", "i"), ("base", "q"), ("rate.num", "q"), ("rate.den", "q"), ("as_of", "i"))}
    kwargs = []
    for i in range(n):
        region = rnd.choice([360800, 420100, 110000, 520000])
        size, utype = rnd.randrange(4), rnd.choice([0, 0, 1, 2, 3])
        ins = rnd.choice([0, 0, 1, 2])
        year, month = rnd.choice([2019, 2020, 2020, 2021]), rnd.randint(1, 12)
        base = rnd.randrange(0, 5_000_000)
        if i % 61 == 4:
            base = -100                     # refused
        if i % 67 == 9:
            region = 999999                 # not a region
        num, den = (1, 200) if ins else (0, 0)
        if ins == 0 and rnd.random() < 0.1:
            num, den = 4, 25
        as_of = rnd.choice([0, 0, 20200301, 20200701])
        for k, v in (("region", region), ("unit.size", size), ("unit.type", utype),
                     ("insurance", ins), ("period", year * 100 + month), ("base", base),
                     ("rate.num", num), ("rate.den", den), ("as_of", as_of)):
            cols[k].append(v)
        kw = dict(region=f"{region:06d}", unit=sipolicy.Unit(SIZES[size], TYPES[utype]),
                  insurance=INSURANCES[ins], period=f"{year}-{month:02d}",
                  base=D(base).scaleb(-2))
        if den:
            kw["rate"] = Fraction(num, den)
        if as_of:
            kw["as_of"] = datetime.date(as_of // 10000, as_of // 100 % 100, as_of % 100)
        kwargs.append(kw)
    return cols, kwargs


def fen(d):
    return int(d.scaleb(2))


@unittest.skipUnless(support.HAS_BATCH, support.NO_BATCH)
class ContributionColumnsTest(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)

    def test_equal_to_typed_calls(self):
        cols, kwargs = contribution_columns(400)
        out = self.engine.batch_columns("contribution", cols)
        self.assertEqual(set(out), {"due", "relief", "payable", "relief_ratio.num",
                                    "relief_ratio.den", "rate.num", "rate.den", "status",
                                    "error"})
        self.assertIsInstance(out["due"], array.array)
        self.assertEqual(out["due"].typecode, "q")
        self.assertEqual(out["status"].typecode, "i")
        failed = 0
        for i, kw in enumerate(kwargs):
            try:
                r = self.engine.contribution(**kw)
            except sipolicy.SipolicyError as e:
                failed += 1
                self.assertEqual(out["status"][i], e.code, (i, kw))
                self.assertEqual((out["due"][i], out["relief"][i], out["payable"][i]), (0, 0, 0))
                self.assertIsNotNone(out["error"][i])
                self.assertIn(e.message, out["error"][i])
                continue
            self.assertEqual(out["status"][i], 0, (i, kw, out["error"][i]))
            self.assertIsNone(out["error"][i])
            self.assertEqual((out["due"][i], out["relief"][i], out["payable"][i]),
                             (fen(r.due), fen(r.relief), fen(r.payable)), (i, kw))
            self.assertEqual(Fraction(out["relief_ratio.num"][i], out["relief_ratio.den"][i]),
                             r.relief_ratio)
            self.assertEqual(Fraction(out["rate.num"][i], out["rate.den"][i]), r.rate)
        self.assertGreater(failed, 5)

    def test_outputs_and_int32(self):
        cols, kwargs = contribution_columns(50, seed=2)
        out = self.engine.batch_columns("contribution", cols, outputs=["payable", "status"])
        self.assertEqual(list(out), ["payable", "status"])
        full = self.engine.batch_columns("contribution", cols)
        self.assertEqual(out["payable"], full["payable"])
        # int32 inputs given as int64 work too.
        wide = {k: array.array("q", v) for k, v in cols.items()}
        self.assertEqual(self.engine.batch_columns("contribution", wide, outputs=("payable",)),
                         {"payable": full["payable"]})

    def test_lists_enum_names_and_buffers(self):
        # 吉安, March 2020: large halved, small exempt, public institution nothing.
        cols = {
            "region": [360800, 360800, 360800],
            "unit.size": ["large", UnitSize.SMALL, 0],
            "unit.type": ["enterprise", "enterprise", "public_institution"],
            "insurance": ["pension", Insurance.PENSION, 0],
            "period": memoryview(array.array("i", [202003] * 3)),
            "base": array.array("q", [1000005] * 3),
        }
        out = self.engine.batch_columns("contribution", cols)
        self.assertEqual(list(out["due"]), [160001] * 3)
        self.assertEqual(list(out["relief"]), [80001, 160001, 0])
        self.assertEqual(list(out["payable"]), [80000, 0, 160001])
        self.assertEqual(list(out["relief_ratio.num"]), [1, 1, 0])
        self.assertEqual(list(out["relief_ratio.den"]), [2, 1, 1])
        self.assertEqual(out["error"], [None] * 3)
        # Read-only buffers and bytes-backed memoryviews are copied, not refused.
        cols["base"] = memoryview(array.array("q", [1000005] * 3).tobytes()).cast("q")
        self.assertEqual(list(self.engine.batch_columns("contribution", cols)["due"]),
                         [160001] * 3)

    def test_bad_calls_raise(self):
        cols = {"region": [360800], "unit.size": [0], "insurance": [0], "period": [202003],
                "base": [100]}
        e = self.engine
        with self.assertRaises(InvalidArgumentError) as ctx:
            e.batch_columns("contribution", dict(cols, colour=[1]))
        self.assertEqual(ctx.exception.field, "colour")
        with self.assertRaises(InvalidArgumentError) as ctx:
            e.batch_columns("contribution", {k: v for k, v in cols.items() if k != "base"})
        self.assertEqual(ctx.exception.field, "base")
        with self.assertRaisesRegex(ValueError, "has 2 values"):
            e.batch_columns("contribution", dict(cols, base=[1, 2]))
        with self.assertRaisesRegex(TypeError, "float"):
            e.batch_columns("contribution", dict(cols, base=[100.0]))
        with self.assertRaisesRegex(TypeError, "floating point"):
            e.batch_columns("contribution", dict(cols, base=array.array("d", [100.0])))
        with self.assertRaisesRegex(ValueError, "not a insurance name|not a insurance"):
            e.batch_columns("contribution", dict(cols, insurance=["dental"]))
        with self.assertRaises(sipolicy.UnknownOpError):
            e.batch_columns("nope", cols)
        with self.assertRaises(sipolicy.UnknownOpError):
            e.batch_columns("deferral", cols, outputs=["status"])
        with self.assertRaises(sipolicy.OutOfRangeError):
            e.batch_columns("contribution", dict(cols, base=[2**70]))
        out = e.batch_columns("contribution", {k: [] for k in cols})
        self.assertEqual(len(out["due"]), 0)

    def test_refund_and_late_fee_equal_typed(self):
        rnd = random.Random(5)
        n = 200
        cols = {k: [] for k in ("region", "unit.size", "unit.type", "year", "prior_year_paid",
                                "months_paid", "layoffs", "insured", "arrears",
                                "has_public_account", "already_refunded")}
        kwargs = []
        for _ in range(n):
            rec = dict(region=rnd.choice([520000, 360800, 110000]), size=rnd.randrange(4),
                       type=rnd.choice([0, 0, 1, 2, 3]), year=rnd.choice([2021, 2022, 2023]),
                       paid=rnd.randrange(0, 10_000_000), months=rnd.choice([12, 12, 11, 13]),
                       insured=rnd.randint(0, 100), arrears=int(rnd.random() < 0.1),
                       hpa=int(rnd.random() < 0.8), refunded=rnd.choice([0, 0, 100_00]))
            rec["layoffs"] = rnd.randint(0, rec["insured"] // 5)
            for k, v in (("region", rec["region"]), ("unit.size", rec["size"]),
                         ("unit.type", rec["type"]), ("year", rec["year"]),
                         ("prior_year_paid", rec["paid"]), ("months_paid", rec["months"]),
                         ("layoffs", rec["layoffs"]), ("insured", rec["insured"]),
                         ("arrears", rec["arrears"]), ("has_public_account", rec["hpa"]),
                         ("already_refunded", rec["refunded"])):
                cols[k].append(v)
            kwargs.append(dict(region=f"{rec['region']:06d}",
                               unit=sipolicy.Unit(SIZES[rec["size"]], TYPES[rec["type"]]),
                               year=rec["year"], prior_year_paid=D(rec["paid"]).scaleb(-2),
                               months_paid=rec["months"], layoffs=rec["layoffs"],
                               insured=rec["insured"], arrears=bool(rec["arrears"]),
                               has_public_account=bool(rec["hpa"]),
                               already_refunded=D(rec["refunded"]).scaleb(-2)))
        out = self.engine.batch_columns("stable_job_refund", cols)
        reasons = list(sipolicy.RefundReason)
        for i, kw in enumerate(kwargs):
            try:
                r = self.engine.stable_job_refund(**kw)
            except sipolicy.SipolicyError as e:
                self.assertEqual(out["status"][i], e.code)
                continue
            self.assertEqual(out["status"][i], 0)
            self.assertEqual((bool(out["eligible"][i]), out["amount"][i],
                              Fraction(out["ratio.num"][i], out["ratio.den"][i]),
                              sipolicy.Payee.from_code(out["payee"][i])),
                             (r.eligible, fen(r.amount), r.ratio, r.payee), (i, kw))
            self.assertEqual(tuple(str(x) for b, x in enumerate(reasons)
                                   if out["reasons"][i] >> b & 1), r.reasons)
        # late_fee: 1000.00 due 2020-03-15 paid 2020-04-01 → 17 days, 8.50.
        out = self.engine.batch_columns("late_fee", {
            "amount": [100000, 1000000, 100000], "due_date": [20200315, 20110615, 20200315],
            "paid_date": [20200401, 20110710, 20200230]})
        self.assertEqual(list(out["fee"][:2]), [850, 35000])
        self.assertEqual(list(out["days"][:2]), [17, 25])
        self.assertEqual(out["status"][2], 1)
        self.assertTrue(out["error"][2].startswith("paid_date"))

    @unittest.skipUnless(np is not None, NO_NUMPY)
    def test_numpy(self):
        cols, kwargs = contribution_columns(300, seed=4)
        arrays = {k: np.array(v, dtype=np.int64 if v.typecode == "q" else np.int32)
                  for k, v in cols.items()}
        out = self.engine.batch_columns("contribution", arrays)
        self.assertIsInstance(out["due"], np.ndarray)
        self.assertEqual(out["due"].dtype, np.int64)
        self.assertEqual(out["status"].dtype, np.int32)
        ref = self.engine.batch_columns("contribution", cols)
        for k in ("due", "relief", "payable", "status"):
            self.assertEqual(out[k].tolist(), list(ref[k]), k)
        # int32/int64 C-contiguous arrays are passed as they are: no copy.
        from sipolicy import _columns
        for k in ("base", "region"):
            self.assertIs(_columns.as_input(k, arrays[k], None).keep, arrays[k])
        if pd is not None:  # a Series' values: the same memory
            series = pd.Series(arrays["base"])
            self.assertTrue(np.shares_memory(_columns.as_input("base", series, None).keep,
                                             series.to_numpy()))
        # Other integer dtypes and strided views are converted; float is refused.
        mixed = dict(arrays, region=arrays["region"].astype(np.uint32),
                     period=arrays["period"].astype(np.int64),
                     base=np.repeat(arrays["base"], 2)[::2],
                     insurance=np.array([str(INSURANCES[c]) for c in cols["insurance"]]))
        self.assertEqual(self.engine.batch_columns("contribution", mixed)["due"].tolist(),
                         list(ref["due"]))
        with self.assertRaisesRegex(TypeError, "floating point"):
            self.engine.batch_columns("contribution",
                                      dict(arrays, base=arrays["base"].astype(np.float64)))

    @unittest.skipUnless(pd is not None and np is not None, NO_PANDAS)
    def test_pandas(self):
        cols, _ = contribution_columns(200, seed=6)
        frame = pd.DataFrame({k: np.array(v, dtype=np.int64 if v.typecode == "q" else np.int32)
                              for k, v in cols.items()})
        frame["insurance"] = [str(INSURANCES[c]) for c in cols["insurance"]]
        out = self.engine.batch_columns("contribution", {k: frame[k] for k in frame.columns})
        ref = self.engine.batch_columns("contribution", cols)
        self.assertEqual(out["payable"].tolist(), list(ref["payable"]))
        result = pd.DataFrame({k: v for k, v in out.items() if k != "error"})
        self.assertEqual(int(result["due"].sum()), sum(ref["due"]))


class WithoutColumnarTest(unittest.TestCase):
    """A library built before sipolicy_batch: a clear error for columns, and
    the record batches through the JSON path."""

    def test_clear_error_and_fallback(self):
        from unittest import mock
        real = support.LIB.optional
        with Engine(support.LIB) as e, \
                mock.patch.object(support.LIB, "optional",
                                  lambda name: None if name == "sipolicy_batch" else real(name)):
            self.assertFalse(support.LIB.has("sipolicy_batch"))
            with self.assertRaisesRegex(sipolicy.BatchUnavailableError, "sipolicy_batch"):
                e.batch_columns("contribution", {"base": [1]})
            items = e.contribution_batch([
                {"region": "360800", "unit": "large", "insurance": "pension",
                 "period": "2020-03", "base": D("10000.05")},
                {"region": "999999", "unit": "large", "insurance": "pension",
                 "period": "2020-03", "base": D("10000.05")}])
            self.assertEqual(items[0].payable, D("800.00"))
            self.assertEqual((items[1].code, items[1].field), ("invalid_argument", "region"))


if __name__ == "__main__":
    unittest.main()
