"""Exact conversions done by the binding before anything crosses into C."""

import datetime
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support  # noqa: F401  (puts the binding on sys.path)
from sipolicy import _convert as cv
from sipolicy import Insurance, OutOfRangeError, UnitSize, UnitType


class MoneyTest(unittest.TestCase):
    def test_exact_inputs(self):
        self.assertEqual(cv.money_to_fen(Decimal("10000.05")), 1000005)
        self.assertEqual(cv.money_to_fen("10000.05"), 1000005)
        self.assertEqual(cv.money_to_fen(10000), 1000000)
        self.assertEqual(cv.money_to_fen("0"), 0)
        self.assertEqual(cv.money_to_fen("-1.5"), -150)
        self.assertEqual(cv.money_to_fen(Decimal("-0.01")), -1)
        self.assertEqual(cv.money_to_fen(Decimal("1E+2")), 10000)
        self.assertEqual(cv.money_to_fen(Decimal("0E+1000000")), 0)

    def test_trailing_zeros_are_not_rounding(self):
        # More than two decimals, but exact to the fen: accepted (as the library does).
        self.assertEqual(cv.money_to_fen("1.500"), 150)
        self.assertEqual(cv.money_to_fen(Decimal("7413.1100000")), 741311)

    def test_more_than_two_decimals_is_an_error(self):
        for v in ("1.005", Decimal("1.005"), Decimal("0.001"), "800.005", Decimal("1E-99999999")):
            with self.assertRaises(ValueError) as ctx:
                cv.money_to_fen(v, "base")
            self.assertIn("more than 2 decimals", str(ctx.exception))
            self.assertIn("base", str(ctx.exception))

    def test_float_and_bool_are_type_errors(self):
        for v in (1.5, 0.1, 100.0, float("nan"), True, False):
            with self.assertRaises(TypeError) as ctx:
                cv.money_to_fen(v, "amount")
            self.assertIn("amount", str(ctx.exception))
        with self.assertRaisesRegex(TypeError, "floating point"):
            cv.money_to_fen(0.1)

    def test_other_types(self):
        for v in (None, b"1.00", [1], Fraction(1, 2), object()):
            with self.assertRaises(TypeError):
                cv.money_to_fen(v)

    def test_non_finite(self):
        for v in (Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")):
            with self.assertRaisesRegex(ValueError, "finite"):
                cv.money_to_fen(v)

    def test_strict_text(self):
        for v in ("1e3", " 1", "1 ", "+1", "1_000", "1,000", "", ".5", "5.", "NaN", "１２",
                  "0x10", "Infinity", "1.2.3"):
            with self.assertRaises(ValueError, msg=v):
                cv.money_to_fen(v)

    def test_range(self):
        with self.assertRaises(OutOfRangeError):
            cv.money_to_fen(2**63 // 100 + 1)
        with self.assertRaises(OutOfRangeError):
            cv.money_to_fen(Decimal("1E+30"))
        self.assertIsInstance(OutOfRangeError(2, "out_of_range", "m"), ValueError)
        # Within int64 but beyond the library's 10^15 yuan: the library decides.
        self.assertEqual(cv.money_to_fen("1000000000000000.01"), 100000000000000001)

    def test_fen_to_decimal(self):
        self.assertEqual(str(cv.fen_to_decimal(80000)), "800.00")
        self.assertEqual(str(cv.fen_to_decimal(0)), "0.00")
        self.assertEqual(str(cv.fen_to_decimal(-150)), "-1.50")
        self.assertEqual(str(cv.fen_to_decimal(5)), "0.05")
        self.assertEqual(str(cv.fen_to_decimal(-5)), "-0.05")
        self.assertEqual(str(cv.fen_to_decimal(100000000000000000)), "1000000000000000.00")


class RateTest(unittest.TestCase):
    def test_pairs(self):
        self.assertEqual(cv.rate_to_pair("0.16"), (4, 25))
        self.assertEqual(cv.rate_to_pair(Decimal("0.16")), (4, 25))
        self.assertEqual(cv.rate_to_pair("2/3"), (2, 3))
        self.assertEqual(cv.rate_to_pair("4/6"), (2, 3))
        self.assertEqual(cv.rate_to_pair(Fraction(1, 2)), (1, 2))
        self.assertEqual(cv.rate_to_pair(0), (0, 1))
        self.assertEqual(cv.rate_to_pair(1), (1, 1))
        self.assertEqual(cv.rate_to_pair("0.0005"), (1, 2000))
        self.assertEqual(cv.rate_to_pair("-1/2"), (-1, 2))

    def test_rejected(self):
        for v in (0.16, True, None, b"0.16", [1]):
            with self.assertRaises(TypeError, msg=repr(v)):
                cv.rate_to_pair(v)
        for v in ("1/0", "16%", "0.16 ", "2/-3", "1e-2", "a/b", "", Decimal("NaN")):
            with self.assertRaises(ValueError, msg=repr(v)):
                cv.rate_to_pair(v)
        with self.assertRaises(OutOfRangeError):
            cv.rate_to_pair(Fraction(1, 2**64))

    def test_text(self):
        self.assertEqual(cv.rate_text("0.16"), "0.16")
        self.assertEqual(cv.rate_text(Decimal("0.160")), "0.160")
        self.assertEqual(cv.rate_text(Fraction(2, 3)), "2/3")
        self.assertEqual(cv.rate_text(Fraction(4, 2)), "2")
        self.assertEqual(cv.rate_text(3), "3")
        with self.assertRaises(TypeError):
            cv.rate_text(0.5)

    def test_ratio_from_pair(self):
        self.assertEqual(cv.ratio_from_pair(1, 2), Decimal("0.5"))
        self.assertEqual(str(cv.ratio_from_pair(1, 2)), "0.5")
        self.assertEqual(str(cv.ratio_from_pair(1, 1)), "1")
        self.assertEqual(str(cv.ratio_from_pair(0, 1)), "0")
        self.assertEqual(str(cv.ratio_from_pair(1, 2000)), "0.0005")
        self.assertEqual(str(cv.ratio_from_pair(-3, 4)), "-0.75")
        self.assertEqual(str(cv.ratio_from_pair(5, 2)), "2.5")
        r = cv.ratio_from_pair(2, 3)
        self.assertIsInstance(r, Fraction)
        self.assertEqual(r, Fraction(2, 3))
        self.assertIsInstance(cv.ratio_from_pair(1, 6), Fraction)


class DatePeriodRegionTest(unittest.TestCase):
    def test_dates(self):
        self.assertEqual(cv.date_to_int("2020-03-15"), 20200315)
        self.assertEqual(cv.date_to_int(datetime.date(2011, 7, 1)), 20110701)
        self.assertEqual(cv.optional_date_to_int(None, "as_of"), 0)
        for v in ("2020-02-30", "2020-3-15", "20200315", "2020/03/15", ""):
            with self.assertRaises(ValueError, msg=v):
                cv.date_to_int(v)
        for v in (20200315, None, datetime.datetime(2020, 3, 15), 1.5):
            with self.assertRaises(TypeError, msg=repr(v)):
                cv.date_to_int(v)

    def test_periods(self):
        self.assertEqual(cv.period_to_int("2020-03"), 202003)
        self.assertEqual(cv.period_to_int((2020, 12)), 202012)
        for v in ("2020-13", "2020-00", "2020-3", "202003", (2020, 0), (0, 1)):
            with self.assertRaises(ValueError, msg=repr(v)):
                cv.period_to_int(v)
        for v in (202003, [2020, 3], (2020, 3.0), (2020, True), (2020,), None):
            with self.assertRaises(TypeError, msg=repr(v)):
                cv.period_to_int(v)

    def test_regions(self):
        self.assertEqual(cv.region_to_int("360800"), 360800)
        self.assertEqual(cv.region_to_int(360800), 360800)
        for v in ("36080", "3608000", "36O800", ""):
            with self.assertRaises(ValueError):
                cv.region_to_int(v)
        for v in (True, 360800.0, None):
            with self.assertRaises(TypeError):
                cv.region_to_int(v)
        with self.assertRaises(OutOfRangeError):
            cv.region_to_int(2**40)

    def test_enums(self):
        self.assertEqual(cv.enum_to_int("pension", Insurance, "insurance"), 0)
        self.assertEqual(cv.enum_to_int("work_injury", Insurance, "insurance"), 2)
        self.assertEqual(cv.enum_to_int(Insurance.UNEMPLOYMENT, Insurance, "insurance"), 1)
        self.assertEqual(cv.enum_to_int("micro", UnitSize, "unit_size"), 3)
        self.assertEqual(cv.enum_to_int("public_institution", UnitType, "unit_type"), 3)
        self.assertEqual(cv.enum_to_int(2, UnitSize, "unit_size"), 2)
        with self.assertRaisesRegex(ValueError, "'large', 'medium', 'small', 'micro'"):
            cv.enum_to_int("huge", UnitSize, "unit_size")
        with self.assertRaises(TypeError):
            cv.enum_to_int(True, UnitSize, "unit_size")
        with self.assertRaises(TypeError):
            cv.enum_to_int(1.0, UnitSize, "unit_size")
        # The enums are str Enums: members are their JSON names, with C codes.
        self.assertEqual(Insurance.PENSION, "pension")
        self.assertEqual([m.code for m in UnitType], [0, 1, 2, 3])
        self.assertEqual(cv.enum_to_int("individual_business", UnitType, "unit_type"), 1)


class JsonTest(unittest.TestCase):
    def test_dump_exact(self):
        self.assertEqual(cv.dump_json({"base": Decimal("10000.05")}), '{"base":10000.05}')
        self.assertEqual(cv.dump_json(Decimal("1E+2")), "100")
        self.assertEqual(cv.dump_json(Decimal("0.10")), "0.10")
        self.assertEqual(cv.dump_json(Fraction(2, 3)), '"2/3"')
        self.assertEqual(cv.dump_json(datetime.date(2020, 7, 1)), '"2020-07-01"')
        self.assertEqual(cv.dump_json([None, True, False, 3, "x"]), '[null,true,false,3,"x"]')
        self.assertEqual(cv.dump_json((1, 2)), "[1,2]")
        self.assertEqual(cv.dump_json(Insurance.WORK_INJURY), '"work_injury"')
        self.assertEqual(cv.dump_json({"unit": {"size": UnitSize.SMALL}}),
                         '{"unit":{"size":"small"}}')
        self.assertEqual(cv.dump_json("吉安\n"), '"\\u5409\\u5b89\\n"')

    def test_dump_rejects(self):
        with self.assertRaisesRegex(TypeError, r"request\.unit\.size.*float"):
            cv.dump_json({"unit": {"size": 1.0}})
        with self.assertRaisesRegex(TypeError, r"request\.ledger\[1\]"):
            cv.dump_json({"ledger": [1, 2.5]})
        with self.assertRaises(TypeError):
            cv.dump_json({1: "x"})
        with self.assertRaises(TypeError):
            cv.dump_json({"x": {1, 2}})
        with self.assertRaises(TypeError):
            cv.dump_json({"x": datetime.datetime(2020, 1, 1)})
        with self.assertRaises(ValueError):
            cv.dump_json({"x": Decimal("NaN")})
        with self.assertRaises(ValueError):
            cv.dump_json({"x": Decimal("1E+999")})

    def test_load_never_float(self):
        v = cv.load_json('{"a": 1.50, "b": 2, "c": "3.00", "d": [1e2]}')
        self.assertEqual(v["a"], Decimal("1.50"))
        self.assertIsInstance(v["a"], Decimal)
        self.assertIsInstance(v["b"], int)
        self.assertEqual(v["c"], "3.00")
        self.assertIsInstance(v["d"][0], Decimal)
        with self.assertRaises(ValueError):
            cv.load_json('{"a": NaN}')


if __name__ == "__main__":
    unittest.main()
