"""The bad-input matrix of the Python door (docs/bad-input.md).

Every case asserts a clear error — its type and what its message says — or
the documented result; never a crash, never a wrong number. The doors: typed
calls, record batches (``*_batch``), the JSON entry point (``call``,
``call_many``), the columnar batch (``batch_columns``), packs and
``multiply_round``. Amounts are computed by hand in the comments.
"""

import array
import datetime
import unittest
from decimal import Decimal as D

from tests import support
import sipolicy
from sipolicy import Engine, InvalidArgumentError, OutOfRangeError, ParseError, UnknownOpError

# 吉安, large, pension 16%, March 2020 (halved, 赣人社发〔2020〕11号):
# due round(10000.05 × 0.16 = 1600.008) = 1600.01, relief 800.01, payable 800.00.
GOOD = dict(region="360800", unit="large", insurance="pension", period="2020-03",
            base=D("10000.05"))
LATE = dict(amount=D("1000.00"), due_date="2020-03-15", paid_date="2020-04-01")  # 17 days: 8.50
GOOD_LINE = ('{"op":"contribution","region":"360800","unit":{"size":"large"},'
             '"insurance":"pension","period":"2020-03","base":"10000.05"}')
COLS = {"region": [360800], "unit.size": [0], "insurance": [0], "period": [202003],
        "base": [1000005]}


def nested(depth):
    v = []
    for _ in range(depth):
        v = [v]
    return v


class BadInputTest(unittest.TestCase):
    def setUp(self):
        self.e = Engine(support.LIB)
        self.addCleanup(self.e.close)

    def contribution(self, **changes):
        return self.e.contribution(**dict(GOOD, **changes))

    def assertError(self, exc_type, pattern, fn, field=None):
        with self.assertRaisesRegex(exc_type, pattern) as ctx:
            fn()
        if field is not None:
            self.assertEqual(getattr(ctx.exception, "field", None), field)
        return ctx.exception

    def assertRefused(self, result, code, pattern, field=None):
        """A JSON {"ok": false} result with this code, message and field."""
        self.assertIs(result["ok"], False, result)
        self.assertEqual(result["error"]["code"], code, result)
        self.assertRegex(result["error"]["message"], pattern)
        if field is not None:
            self.assertEqual(result["error"]["field"], field)

    def assertGood(self, r):
        self.assertEqual((r.due, r.relief, r.payable),
                         (D("1600.01"), D("800.01"), D("800.00")))

    # --- None and wrong-length arguments --------------------------------------------
    def test_none_arguments(self):
        # None is "not given": a required field then is the library's "is required".
        self.assertError(InvalidArgumentError, "required", lambda: self.contribution(region=None),
                         field="region")
        self.assertError(TypeError, "missing .*keyword", lambda: self.e.contribution(
            region="360800", unit="large", insurance="pension", period="2020-03"))
        self.assertError(TypeError, "expected a dict", lambda: self.e.call(None))
        self.assertError(TypeError, "expected str or bytes", lambda: self.e.load_pack_text(None))
        self.assertError(TypeError, "expected a path", lambda: self.e.load_pack_file(None))
        self.assertError(TypeError, "column 'region'",
                         lambda: self.e.batch_columns("contribution", dict(COLS, region=None)))
        self.assertError(TypeError, "op", lambda: self.e.batch_columns(None, COLS))
        # A None record in a batch is that record's error only.
        items = self.e.contribution_batch([GOOD, None, GOOD])
        self.assertGood(items[0])
        self.assertGood(items[2])
        self.assertIsInstance(items[1], sipolicy.BatchError)
        self.assertEqual((items[1].code, items[1].index), ("invalid_argument", 1))
        self.assertIn("NoneType", items[1].message)

    def test_wrong_length_arguments(self):
        self.assertError(ValueError, "has 2 values but", lambda: self.e.batch_columns(
            "contribution", dict(COLS, base=[1, 2])))
        self.assertError(InvalidArgumentError, "region", lambda: self.contribution(region="36080"),
                         field="region")
        self.assertError(InvalidArgumentError, "region", lambda: self.contribution(
            region="3608000"), field="region")
        self.assertError(TypeError, "year, month", lambda: self.contribution(period=(2020, 3, 1)),
                         field="period")
        self.assertError(InvalidArgumentError, "period", lambda: self.contribution(period="2020-3"),
                         field="period")

    # --- text: invalid UTF-8, lone surrogates, NUL -----------------------------------
    def test_invalid_utf8(self):
        bad = GOOD_LINE.replace("large", "l\xe4rge").encode("latin-1")  # a lone 0xE4 byte
        self.assertRefused(self.e.call(bad), "parse_error", "not valid UTF-8")
        out = self.e.call_many([GOOD_LINE, bad, GOOD_LINE])
        self.assertEqual([r["ok"] for r in out], [True, False, True])
        self.assertEqual(out[2]["payable"], "800.00")
        self.assertError(ParseError, "not valid UTF-8",
                         lambda: self.e.load_pack_text(b'{"format":"\xff"}'))

    def test_lone_surrogates(self):
        # A str with a lone surrogate cannot be UTF-8: raw text is sent as it is
        # (invalid UTF-8), a typed value as a JSON escape the library refuses.
        self.assertRefused(self.e.call('{"op":"\ud800"}'), "parse_error", "not valid UTF-8")
        self.assertError(ParseError, "surrogate", lambda: self.contribution(region="36080\ud800"))
        self.assertError(ParseError, "surrogate", lambda: self.contribution(
            unit={"size": "large", "industry": "\udc00"}))
        items = self.e.late_fee_batch([LATE, dict(LATE, region="\ud800"), LATE])
        self.assertEqual([getattr(i, "fee", None) for i in items], [D("8.50"), None, D("8.50")])
        self.assertEqual(items[1].code, "parse_error")
        self.assertError(ParseError, "not valid UTF-8",
                         lambda: self.e.load_pack_text('{"format": "\ud800"}'))
        # A surrogate pair written as two escapes is one character: not an error.
        r = self.e.call('{"op":"late_fee","amount":"1000.00","due_date":"2020-03-15",'
                        '"paid_date":"2020-04-01","id":"\\ud83d\\ude00"}')
        self.assertEqual((r["id"], r["fee"]), ("\U0001F600", "8.50"))

    def test_embedded_nul(self):
        # In a JSON string it is a character, and no name has it.
        self.assertError(InvalidArgumentError, "insurance", lambda: self.contribution(
            insurance="pen\0sion"), field="insurance")
        # Raw in JSON text: control characters must be escaped.
        self.assertRefused(self.e.call(GOOD_LINE.replace("pension", "pen\0sion")), "parse_error",
                           "control characters")
        self.assertRefused(self.e.call(GOOD_LINE + "\0"), "parse_error", "after the JSON value")
        # Arguments C reads up to a NUL are refused, never cut short.
        self.assertError(ValueError, "NUL", lambda: self.e.batch_columns("contribution\0x", COLS))
        self.assertError(ValueError, "NUL", lambda: self.e.batch_columns(
            "contribution", {("base\0x" if k == "base" else k): v for k, v in COLS.items()}))
        self.assertError(ValueError, "NUL", lambda: self.e.batch_columns(
            "contribution", COLS, outputs=["payable\0x"]))
        self.assertError(ValueError, "NUL", lambda: sipolicy.multiply_round(
            D("1.00"), "0.5", "HALF_UP\0x", library=support.LIB))
        self.assertError(ValueError, "NUL", lambda: self.e.load_pack_file("/tmp/x\0y"))
        self.assertError(ValueError, "NUL", lambda: self.e.load_pack_text("{}", source="a\0b"))

    # --- empty and huge -----------------------------------------------------------------
    def test_empty_inputs(self):
        self.assertRefused(self.e.call(""), "parse_error", "empty")
        self.assertRefused(self.e.call(b"   "), "parse_error", "line 1")
        self.assertEqual(self.e.call_many([]), [])
        self.assertEqual(self.e.contribution_batch([]), [])
        self.assertEqual(self.e.late_fee_batch([]), [])
        out = self.e.batch_columns("contribution", {k: [] for k in COLS})
        self.assertEqual((len(out["due"]), out["error"]), (0, []))
        self.assertError(ParseError, "empty", lambda: self.e.load_pack_text(""))
        self.assertError(InvalidArgumentError, "is not a region",
                         lambda: self.contribution(region=""), field="region")
        r = self.e.stable_job_screening(year=2021, units=[])
        self.assertEqual((r.results, r.summary.units_screened, r.summary.total_amount),
                         ((), 0, D("0.00")))

    def test_huge_inputs(self):
        # A 4 MiB region: refused by name, quickly; the engine answers the next call.
        r = self.e.call(dict(op="late_fee", amount="1", due_date="2020-01-01",
                             paid_date="2020-01-02", region="9" * (4 << 20)))
        self.assertRefused(r, "invalid_argument", "region", field="region")
        # The message quotes the start of the value and its size, not all of it.
        self.assertLess(len(r["error"]["message"]), 1000)
        self.assertIn(str(4 << 20), r["error"]["message"])
        self.assertError(InvalidArgumentError, "too many digits",
                         lambda: self.contribution(base="1" * 100_000), field="base")
        self.assertGood(self.contribution())
        # 50,000 records in one batch: every one answered.
        items = self.e.contribution_batch([GOOD] * 50_000)
        self.assertEqual(len(items), 50_000)
        self.assertEqual({i.payable for i in items}, {D("800.00")})

    # --- decimals ---------------------------------------------------------------------------
    def test_decimal_text(self):
        for text, pattern in (("1e3", "exponent"), ("1E+3", "exponent"), ("NaN", "not a decimal"),
                              ("Infinity", "not a decimal"), ("-Infinity", "not a decimal"),
                              ("１０００", "full-width"), ("1234567890123456789", "too many digits"),
                              ("1,000.00", "thousands separators"), (" 100", ""), ("+100", ""),
                              ("0x10", ""), ("1.005", "more than 2 decimals"), ("", "")):
            with self.subTest(text=text):
                self.assertError(InvalidArgumentError, pattern,
                                 lambda: self.contribution(base=text), field="base")
        self.assertError(InvalidArgumentError, "too many decimal places",
                         lambda: self.contribution(rate="0.1234567890123456789"), field="rate")

    def test_decimal_values(self):
        # A Decimal is a value: its exponent is no error (1E+4 is 10000; 10000 × 0.16
        # = 1600.00, halved 800.00), NaN and Infinity are, and so are digits JSON
        # cannot carry; full-width text parsed by Python is the number it denotes.
        self.assertEqual(self.contribution(base=D("1E+4")).payable, D("800.00"))
        self.assertEqual(self.contribution(base=D("１００００")).payable, D("800.00"))
        for value in (D("NaN"), D("sNaN"), D("Infinity"), D("-Infinity")):
            with self.subTest(value=value):
                self.assertError(ValueError, "finite", lambda: self.contribution(base=value),
                                 field="base")
        self.assertError(ValueError, "too many digits", lambda: self.contribution(
            base=D("1E+70")), field="base")
        self.assertError(ValueError, "too many digits", lambda: self.contribution(
            rate=D("1E-99")), field="rate")
        self.assertError(InvalidArgumentError, "too many digits", lambda: self.contribution(
            base=D("12345678901234567.89")), field="base")
        self.assertError(ValueError, "more than 2 decimals",
                         lambda: sipolicy.multiply_round(D("1.005"), "1", library=support.LIB))
        self.assertError(TypeError, "binary floating point",
                         lambda: self.contribution(base=10000.05), field="base")
        self.assertError(TypeError, "binary floating point",
                         lambda: self.contribution(rate=0.16), field="rate")
        self.assertError(TypeError, "bool", lambda: self.contribution(base=True), field="base")
        items = self.e.contribution_batch([GOOD, dict(GOOD, base=float("nan")), GOOD])
        self.assertEqual((items[1].code, items[1].field), ("invalid_argument", "base"))

    def test_amounts_at_and_past_the_range(self):
        # Money is at most ±10^15 yuan (docs/limits.md): 10^15 × 0.16 = 1.6 × 10^14,
        # halved 8 × 10^13.
        r = self.contribution(base="1000000000000000.00")
        self.assertEqual((r.due, r.payable), (D("160000000000000.00"), D("80000000000000.00")))
        self.assertEqual(self.contribution(base=10**15).due, D("160000000000000.00"))
        self.assertError(OutOfRangeError, "10\\^15", lambda: self.contribution(
            base="1000000000000000.01"), field="base")
        self.assertError(OutOfRangeError, "", lambda: self.contribution(base=10**16),
                         field="base")
        # Columns: fen; 10^17 fen is the limit, one fen more is that record's error.
        out = self.e.batch_columns("contribution", dict(
            {k: v * 3 for k, v in COLS.items()}, base=[10**17, 10**17 + 1, 1000005]))
        self.assertEqual(list(out["status"]), [0, 2, 0])
        self.assertEqual(list(out["due"]), [16 * 10**15, 0, 160001])
        self.assertError(OutOfRangeError, "int64", lambda: self.e.batch_columns(
            "contribution", dict(COLS, base=[2**63])))
        self.assertError(OutOfRangeError, "", lambda: sipolicy.multiply_round(
            10**20, "1", library=support.LIB))

    # --- counts, dates, periods --------------------------------------------------------------
    def test_negative_and_absurd_counts(self):
        refund = dict(region="520000", year=2021, unit="small", prior_year_paid="12000.00",
                      months_paid=12, layoffs=0, insured=25)
        # 60% of 12000.00 (人社部发〔2021〕29号) = 7200.00
        self.assertEqual(self.e.stable_job_refund(**refund).amount, D("7200.00"))
        for field, value, exc, pattern in (
                ("insured", -1, InvalidArgumentError, "negative"),
                ("layoffs", -1, InvalidArgumentError, "negative"),
                ("layoffs", 26, InvalidArgumentError, "layoffs"),
                ("months_paid", 13, InvalidArgumentError, "months_paid"),
                ("months_paid", -1, InvalidArgumentError, "months_paid"),
                ("insured", 10**9 + 1, OutOfRangeError, "beyond"),
                ("insured", 2**70, InvalidArgumentError, "integer"),
                ("prior_year_paid", "-1.00", InvalidArgumentError, "negative")):
            with self.subTest(field=field, value=value):
                self.assertError(exc, pattern, lambda: self.e.stable_job_refund(
                    **dict(refund, **{field: value})), field=field)
        self.assertError(TypeError, "bool", lambda: self.e.stable_job_refund(
            **dict(refund, insured=True)), field="insured")
        self.assertError(TypeError, "binary floating point", lambda: self.e.stable_job_refund(
            **dict(refund, insured=25.0)), field="insured")
        self.assertError(InvalidArgumentError, "negative", lambda: self.e.job_expansion_subsidy(
            region="520000", unit="small", year=2022, hires=-1), field="hires")

    def test_impossible_dates(self):
        for value in ("2020-02-30", "2021-02-29", "2020-13-01", "2020-00-10", "20200401",
                      "2020-4-1", "1899-12-31", "3000-01-01"):
            with self.subTest(value=value):
                self.assertError(InvalidArgumentError, "", lambda: self.e.late_fee(
                    **dict(LATE, paid_date=value)), field="paid_date")
        self.assertError(InvalidArgumentError, "calendar", lambda: self.contribution(
            as_of="2020-02-30"), field="as_of")
        self.assertError(TypeError, "datetime", lambda: self.e.late_fee(
            **dict(LATE, paid_date=datetime.datetime(2020, 4, 1))), field="paid_date")
        # Paid before due: no days, no fee (the documented result).
        r = self.e.late_fee(**dict(LATE, paid_date="2020-03-01"))
        self.assertEqual((r.days, r.fee), (0, D("0.00")))
        # Columns: the record's status, the others answered (17 days: 850 fen).
        out = self.e.batch_columns("late_fee", {"amount": [100000] * 3,
                                                "due_date": [20200315] * 3,
                                                "paid_date": [20200401, 20200230, 20200401]})
        self.assertEqual((list(out["fee"]), list(out["status"])), ([850, 0, 850], [0, 1, 0]))
        self.assertTrue(out["error"][1].startswith("paid_date"))

    def test_periods_outside_every_window(self):
        # No relief document covers 2030-01 or 2019-12: no relief, payable = due.
        for period in ("2030-01", "2019-12", "2999-12"):
            with self.subTest(period=period):
                r = self.contribution(period=period)
                self.assertEqual((r.relief_ratio, r.relief, r.payable),
                                 (0, D("0.00"), D("1600.01")))
        for period in ("1899-12", "3000-01", "2020-13", "2020-00"):
            with self.subTest(period=period):
                self.assertError(InvalidArgumentError, "period",
                                 lambda: self.contribution(period=period), field="period")
        # Before 2019-05 the 16% pension rate did not exist: no rate is no number.
        self.assertError(sipolicy.NotFoundError, "rate",
                         lambda: self.contribution(period="2010-01"), field="rate")
        # A refund year no rule covers.
        self.assertError(sipolicy.NotFoundError, "", lambda: self.e.stable_job_refund(
            region="520000", year=2010, unit="small", prior_year_paid="1", months_paid=12,
            layoffs=0, insured=1))

    # --- unknown names, duplicates, nesting, truncation ----------------------------------
    def test_unknown_regions_ops_fields(self):
        self.assertError(InvalidArgumentError, "unknown region code '999999'",
                         lambda: self.contribution(region="999999"), field="region")
        self.assertError(ValueError, "six-digit", lambda: self.contribution(region=-1),
                         field="region")
        self.assertError(InvalidArgumentError, "unknown insurance",
                         lambda: self.contribution(insurance="dental"), field="insurance")
        self.assertError(TypeError, "unexpected keyword", lambda: self.contribution(colour="red"))
        self.assertRefused(self.e.call(dict(op="nope")), "unknown_op", "unknown operation")
        self.assertRefused(self.e.call(GOOD_LINE[:-1] + ',"colour":1}'), "invalid_argument",
                           "unknown field", field="colour")
        self.assertError(ValueError, "unknown operation", lambda: self.e.batch("nope", [GOOD]))
        self.assertError(UnknownOpError, "", lambda: self.e.batch_columns("nope", COLS))
        self.assertError(InvalidArgumentError, "colour", lambda: self.e.batch_columns(
            "contribution", dict(COLS, colour=[1])), field="colour")
        items = self.e.contribution_batch([GOOD, dict(GOOD, colour="red"), GOOD])
        self.assertEqual((items[1].code, items[1].field), ("invalid_argument", "colour"))
        self.assertGood(items[2])
        # An unknown enum code in a column: that record's error.
        out = self.e.batch_columns("contribution", dict(COLS, **{"unit.size": [9]}))
        self.assertEqual((out["status"][0], out["error"][0][:9]), (1, "unit.size"))

    def test_duplicate_keys(self):
        line = GOOD_LINE.replace('"base":"10000.05"', '"base":"10000.05","base":"1.00"')
        self.assertRefused(self.e.call(line), "parse_error", 'duplicate key .*base')
        self.assertRefused(self.e.call('{"op":"late_fee","op":"late_fee"}'), "parse_error",
                           "duplicate")
        self.assertError(ValueError, "named twice", lambda: self.e.batch_columns(
            "contribution", COLS, outputs=["due", "due"]))
        self.assertError(ParseError, "duplicate", lambda: self.e.load_pack_text(
            '{"format": "sipolicy-pack/1", "format": "sipolicy-pack/1"}'))

    def test_deep_nesting(self):
        self.assertRefused(self.e.call(dict(op="late_fee", x=nested(100))), "parse_error",
                           "nesting is too deep")
        self.assertRefused(self.e.call('{"op":"late_fee","x":' + "[" * 100_000 + "]" * 100_000
                                       + "}"), "parse_error", "nesting is too deep")
        # Deeper than Python's recursion limit: a ValueError, not a RecursionError.
        self.assertError(ValueError, "nests too deeply",
                         lambda: self.e.call(dict(op="late_fee", x=nested(5000))))
        items = self.e.late_fee_batch([LATE, dict(LATE, region=nested(5000)), LATE])
        self.assertEqual([getattr(i, "fee", None) for i in items], [D("8.50"), None, D("8.50")])
        self.assertEqual(items[1].field, "region")

    def test_truncated_json(self):
        for cut in (1, 20, len(GOOD_LINE) - 1):
            with self.subTest(cut=cut):
                self.assertRefused(self.e.call(GOOD_LINE[:cut]), "parse_error", "line 1")
        out = self.e.call_many([GOOD_LINE, GOOD_LINE[:40], GOOD_LINE])
        self.assertEqual([r["ok"] for r in out], [True, False, True])
        self.assertError(ParseError, "", lambda: self.e.load_pack_text('{"format": "sipo'))

    # --- a bad record in the middle of a large batch ---------------------------------------
    def test_bad_record_in_a_large_batch(self):
        # The columnar path (a value C refuses), and the record-by-record paths (a
        # value the binding refuses, a value the fast path cannot take).
        for label, n, bad_record in (("columnar", 20_001, dict(GOOD, period="1899-12")),
                                     ("float", 2_001, dict(GOOD, base=1.5)),
                                     ("record", 2_001, dict(GOOD, unit={"size": "huge"}))):
            bad = n // 2
            records = [GOOD] * bad + [bad_record] + [GOOD] * bad
            with self.subTest(label):
                items = self.e.contribution_batch(records)
                self.assertEqual(len(items), n)
                self.assertIsInstance(items[bad], sipolicy.BatchError)
                self.assertEqual(items[bad].index, bad)
                self.assertEqual(items[bad].code, "invalid_argument")
                self.assertEqual(sum(isinstance(i, sipolicy.BatchError) for i in items), 1)
                self.assertEqual({i.payable for k, i in enumerate(items) if k != bad},
                                 {D("800.00")})
        # JSON lines with ids: every id echoed, in order.
        lines = [GOOD_LINE[:-1] + f',"id":{i}}}' for i in range(2_001)]
        # Truncated; its id still comes back, since the text begins with it.
        lines[1_000] = '{"id":1000,"op":"contribution","region":"3608'
        out = self.e.call_many(lines)
        self.assertEqual([r["id"] for r in out], list(range(2_001)))
        self.assertEqual([r["ok"] for r in out].count(False), 1)
        self.assertFalse(out[1_000]["ok"])
        # Late fees through the JSON batch: 17 days, 8.50 each; one impossible date.
        items = self.e.late_fee_batch([LATE] * 500 + [dict(LATE, due_date="2020-02-30")]
                                      + [LATE] * 500)
        self.assertEqual([getattr(i, "fee", None) for i in items],
                         [D("8.50")] * 500 + [None] + [D("8.50")] * 500)
        self.assertEqual((items[500].index, items[500].field), (500, "due_date"))
        # Columns: the record's status, its error text, zeros; the others answered.
        k, bad = 20_001, 10_000
        cols = {"region": array.array("i", [360800] * k), "unit.size": array.array("i", [0] * k),
                "insurance": array.array("i", [0] * k), "period": array.array("i", [202003] * k),
                "base": array.array("q", [1000005] * k)}
        cols["base"][bad] = -1
        out = self.e.batch_columns("contribution", cols)
        self.assertEqual([i for i, s in enumerate(out["status"]) if s], [bad])
        self.assertEqual(set(out["payable"][:bad]) | set(out["payable"][bad + 1:]), {80000})
        self.assertEqual(out["payable"][bad], 0)
        self.assertTrue(out["error"][bad].startswith("base"))

    def test_out_of_int32_value_in_one_columnar_record(self):
        """An int64 input column whose value does not fit an int32 field
        fails that record alone (status 2, out_of_range); the good records
        around it are answered."""
        out = self.e.batch_columns("contribution", dict(
            {k: v * 3 for k, v in COLS.items()},
            region=array.array("q", [360800, 2**40, 360800])))
        self.assertEqual(list(out["status"]), [0, 2, 0])


if __name__ == "__main__":
    unittest.main()
