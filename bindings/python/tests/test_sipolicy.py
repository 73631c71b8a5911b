"""The binding against the real library: values computed by hand from the
policy documents, every typed helper, the JSON entry points, and errors."""

import datetime
import gc
import threading
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support
import sipolicy
from sipolicy import (ContributionResult, Engine, EngineClosedError, Insurance,
                      InvalidArgumentError, NotFoundError, OutOfRangeError, ParseError,
                      UnitSize, UnknownOpError)

JIAN = "360800"  # 吉安市, Jiangxi


def contribution_request(**kw):
    req = {"op": "contribution", "region": JIAN, "unit": {"size": "large"},
           "insurance": "pension", "period": "2020-03", "base": "10000.05"}
    req.update(kw)
    return req


class EngineTestCase(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)


# ---------------------------------------------------------------------------
class ContributionTest(EngineTestCase):
    def c(self, region=JIAN, unit="large", insurance="pension", period="2020-03",
          base="10000.05", **kw):
        return self.engine.contribution(region=region, unit=unit, insurance=insurance,
                                        period=period, base=base, **kw)

    def test_large_enterprise_jian_2020_03(self):
        # 人社部发〔2020〕11号 / 赣人社发〔2020〕11号: large units halved 2020-02..04.
        # due = 10000.05 × 0.16 = 1600.008 → 1600.01; relief = 1600.01 × 1/2 = 800.005 → 800.01.
        r = self.c(base=Decimal("10000.05"))
        self.assertIsInstance(r, ContributionResult)
        self.assertEqual((r.due, r.relief, r.payable, r.relief_ratio),
                         (Decimal("1600.01"), Decimal("800.01"), Decimal("800.00"), Fraction(1, 2)))
        self.assertEqual(str(r.payable), "800.00")
        self.assertEqual(r.due - r.relief, r.payable)

    def test_small_enterprise_is_exempt(self):
        r = self.c(unit="small")
        self.assertEqual((r.due, r.relief, r.payable, r.relief_ratio),
                         (Decimal("1600.01"), Decimal("1600.01"), Decimal("0.00"), 1))

    def test_public_institution_gets_no_relief(self):
        r = self.c(unit={"size": "large", "type": "public_institution"})
        self.assertEqual((r.due, r.relief, r.payable, r.relief_ratio),
                         (Decimal("1600.01"), Decimal("0.00"), Decimal("1600.01"), 0))

    def test_explicit_rate_and_int_base(self):
        # 10000 × 0.005 = 50.00 (unemployment has no employer default: pass the rate).
        r = self.c(insurance="unemployment", base=10000, rate="0.005")
        self.assertEqual((r.due, r.relief, r.payable, r.rate),
                         (Decimal("50.00"), Decimal("25.00"), Decimal("25.00"), Fraction(1, 200)))

    def test_non_decimal_relief_ratio_is_a_fraction(self):
        self.engine.load_pack(support.TWO_THIRDS_PACK)
        r = self.c(region="110000", period="2021-02", base="3000")
        # 3000 × 0.16 = 480.00; × 2/3 = 320.00.
        self.assertEqual(r.relief_ratio, Fraction(2, 3))
        self.assertIsInstance(r.relief_ratio, Fraction)
        with self.assertRaises(ValueError):
            sipolicy.ratio_to_decimal(r.relief_ratio)
        self.assertEqual((r.due, r.relief, r.payable),
                         (Decimal("480.00"), Decimal("320.00"), Decimal("160.00")))

    def test_bad_decimals(self):
        for base in ("10000.055", Decimal("0.001"), "1e4", "1,000", " 1", Decimal("NaN"),
                     Decimal("Infinity")):
            with self.assertRaises(ValueError, msg=repr(base)):
                self.c(base=base)

    def test_library_errors(self):
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.c(region="999999", base="1")
        self.assertEqual((ctx.exception.field, ctx.exception.code, ctx.exception.status_name),
                         ("region", 1, "invalid_argument"))
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.c(unit="huge")
        self.assertEqual(ctx.exception.field, "unit.size")
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.c(base="-5")
        self.assertEqual(ctx.exception.field, "base")
        with self.assertRaises(OutOfRangeError) as ctx:
            self.c(base="1000000000000000.01")
        self.assertEqual(ctx.exception.field, "base")
        with self.assertRaises(NotFoundError):
            self.c(region="110000", period="2018-03", base="1000")  # before 2019-05
        for kw in (dict(insurance="dental"), dict(period="2020-13"),
                   dict(unit={"size": "large", "type": "ngo"}), dict(as_of="2020-02-30")):
            with self.assertRaises(InvalidArgumentError, msg=kw):
                self.c(**kw)

    def test_binding_argument_errors(self):
        with self.assertRaises(InvalidArgumentError) as ctx:  # None: not given
            self.c(region=None)
        self.assertEqual(ctx.exception.field, "region")
        for kw in (dict(period=202003), dict(unit=1.5),
                   dict(insurance=True), dict(as_of=datetime.datetime(2020, 7, 1)),
                   dict(base=True), dict(rate=False), dict(base=Fraction(1, 2))):
            with self.assertRaises(TypeError, msg=kw):
                self.c(**kw)
        with self.assertRaises(ValueError):
            self.c(unit={"size": 9})  # not a UnitSize code
        with self.assertRaises(TypeError):
            self.c(unit=9)
        with self.assertRaises(ValueError):
            self.c(region=1234567)


class LateFeeTest(EngineTestCase):
    def test_no_arrears_and_as_of(self):
        r = self.engine.late_fee(amount="1000", due_date="2020-04-01", paid_date="2020-04-01")
        self.assertEqual((r.fee, r.days), (Decimal("0.00"), 0))
        with self.assertRaises(NotFoundError) as ctx:
            self.engine.late_fee(amount=1000, due_date="2020-03-15", paid_date="2020-04-01",
                                 region=JIAN, as_of="2000-01-01")
        self.assertEqual(ctx.exception.field, "due_date")

    def test_errors(self):
        e = self.engine
        with self.assertRaisesRegex(TypeError, "amount.*float"):
            e.late_fee(amount=1000.0, due_date="2020-03-15", paid_date="2020-04-01")
        with self.assertRaises(ValueError):
            e.late_fee(amount="1000.001", due_date="2020-03-15", paid_date="2020-04-01")
        with self.assertRaises(TypeError):
            e.late_fee(amount="1000", due_date=20200315, paid_date="2020-04-01")
        with self.assertRaises(InvalidArgumentError) as ctx:
            e.late_fee(amount="1000", due_date="2020-03-15", paid_date="2020-04-01",
                       region="999999")
        self.assertEqual(ctx.exception.field, "region")
        with self.assertRaises(OutOfRangeError) as ctx:
            e.late_fee(amount="1000000000000000.01", due_date="2020-03-15",
                       paid_date="2020-04-01")
        self.assertEqual(ctx.exception.field, "amount")


# ---------------------------------------------------------------------------
class MultiplyRoundTest(EngineTestCase):
    def test_values(self):
        self.assertEqual(sipolicy.multiply_round("10000.05", "0.16"), Decimal("1600.01"))
        self.assertEqual(sipolicy.multiply_round(Decimal("1600.01"), Fraction(1, 2)),
                         Decimal("800.01"))
        self.assertEqual(sipolicy.multiply_round("1600.01", "1/2", "HALF_EVEN@2"),
                         Decimal("800.00"))
        self.assertEqual(sipolicy.multiply_round("1600.01", "0.5", "DOWN@2"), Decimal("800.00"))
        self.assertEqual(sipolicy.multiply_round("1600.01", "0.5", "ROUND_HALF_UP@2"),
                         Decimal("800.01"))
        self.assertEqual(sipolicy.multiply_round("1600.01", "0.5", None), Decimal("800.01"))
        self.assertEqual(sipolicy.multiply_round(100, "2/3"), Decimal("66.67"))
        self.assertEqual(sipolicy.multiply_round(100, 2), Decimal("200.00"))
        r = sipolicy.multiply_round("1600.01", "1/2", "HALF_UP@0")
        self.assertEqual(r, Decimal("800"))
        self.assertEqual(str(r), "800.00")  # money text, two decimals
        self.assertEqual(self.engine.multiply_round("10000.05", "0.16"), Decimal("1600.01"))
        self.assertEqual(sipolicy.multiply_round("1", "1", library=support.LIB), Decimal("1.00"))

    def test_errors(self):
        with self.assertRaises(TypeError):
            sipolicy.multiply_round(1600.01, "0.5")
        with self.assertRaises(TypeError):
            sipolicy.multiply_round("1600.01", 0.5)
        with self.assertRaises(TypeError):
            sipolicy.multiply_round("1600.01", "0.5", 2)
        with self.assertRaises(ValueError):
            sipolicy.multiply_round("1600.011", "0.5")
        with self.assertRaises(ValueError):
            sipolicy.multiply_round("1600.01", "0.5", "HALF_UP@2\0")
        with self.assertRaises(InvalidArgumentError) as ctx:
            sipolicy.multiply_round("1600.01", "1/2", "UNNECESSARY@2")
        self.assertEqual(ctx.exception.field, "rounding")
        with self.assertRaises(InvalidArgumentError) as ctx:
            sipolicy.multiply_round("1600.01", "1/2", "bogus")
        self.assertEqual(ctx.exception.field, "rounding")
        with self.assertRaises(InvalidArgumentError):
            sipolicy.multiply_round("1600.01", "1/2", "HALF_UP@3")  # money holds 2 decimals


# ---------------------------------------------------------------------------
class CallTest(EngineTestCase):
    def test_contribution(self):
        r = self.engine.call(contribution_request(id=7))
        self.assertIs(r["ok"], True)
        self.assertEqual(r["id"], 7)
        self.assertEqual((r["due"], r["relief_ratio"], r["relief"], r["payable"], r["rate"]),
                         ("1600.01", "0.5", "800.01", "800.00", "0.16"))
        citations = [rule["citation"] for rule in r["rules"]]
        self.assertIn("赣人社发〔2020〕11号", citations)
        self.assertNotIn("trace", r)
        self.assertIn("trace", self.engine.call(contribution_request(explain=True)))

    def test_python_values_in_requests(self):
        r = self.engine.call(contribution_request(base=Decimal("10000.05"), rate=Fraction(4, 25),
                                                  unit={"size": UnitSize.SMALL},
                                                  insurance=Insurance.PENSION))
        self.assertEqual((r["due"], r["payable"]), ("1600.01", "0.00"))
        r = self.engine.call(contribution_request(unit={"size": "small"}, period="2020-07",
                                                  as_of=datetime.date(2020, 6, 1)))
        self.assertEqual(r["relief_ratio"], "0")
        r = self.engine.call(contribution_request(unit={"size": "small"}, period="2020-07",
                                                  as_of="2020-07-01"))
        self.assertEqual(r["relief_ratio"], "1")
        r = self.engine.call(contribution_request(unit={"size": "large",
                                                        "type": "public_institution"}))
        self.assertEqual(r["relief"], "0.00")

    def test_late_fee(self):
        r = self.engine.call({"op": "late_fee", "amount": "10000.00", "due_date": "2011-06-15",
                              "paid_date": "2011-07-10"})
        self.assertEqual((r["days"], r["fee"]), (25, "350.00"))
        self.assertIsInstance(r["days"], int)
        self.assertEqual([(s["days"], s["daily_rate"]) for s in r["segments"]],
                         [(15, "0.002"), (10, "0.0005")])

    def test_ids_round_trip(self):
        for id_ in ("吉安-1", [1, {"a": None}], None, True, 12345678901234567890, "\u0000x"):
            self.assertEqual(self.engine.call({"op": "nope", "id": id_})["id"], id_)
        self.assertEqual(self.engine.call({"id": Decimal("1.50"), "op": "nope"})["id"],
                         Decimal("1.50"))

    def test_json_text_requests(self):
        text = '{"op":"late_fee","amount":1000.00,"due_date":"2020-03-15","paid_date":"2020-04-01"}'
        self.assertEqual(self.engine.call(text)["fee"], "8.50")
        self.assertEqual(self.engine.call(text.encode())["fee"], "8.50")

    def test_error_results_are_returned(self):
        r = self.engine.call({"op": "no_such_op", "id": "x"})
        self.assertIs(r["ok"], False)
        self.assertEqual(r["id"], "x")
        self.assertEqual(r["error"]["code"], "unknown_op")
        self.assertEqual(r["error"]["field"], "op")
        self.assertEqual(self.engine.call("{not json")["error"]["code"], "parse_error")
        self.assertEqual(self.engine.call(b"\xff")["error"]["code"], "parse_error")
        self.assertEqual(self.engine.call("[1]")["error"]["code"], "invalid_argument")
        self.assertEqual(self.engine.call({})["error"]["field"], "op")
        r = self.engine.call(contribution_request(bogus=1))
        self.assertEqual((r["error"]["code"], r["error"]["field"]), ("invalid_argument", "bogus"))
        r = self.engine.call(contribution_request(region="110000", insurance="unemployment",
                                                  period="2021-03"))
        self.assertEqual(r["error"]["code"], "not_found")

    def test_raise_on_error(self):
        with self.assertRaises(UnknownOpError) as ctx:
            self.engine.call({"op": "no_such_op", "id": 1}, raise_on_error=True)
        err = ctx.exception
        self.assertEqual((err.code, err.status_name, err.field), (5, "unknown_op", "op"))
        self.assertIn("no_such_op", err.message)
        self.assertEqual(err.result["id"], 1)
        with self.assertRaises(ParseError):
            self.engine.call("{", raise_on_error=True)
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.engine.call(contribution_request(base="1.005"), raise_on_error=True)
        self.assertEqual(ctx.exception.field, "base")
        with self.assertRaises(OutOfRangeError):
            self.engine.call(contribution_request(base="1000000000000000.01"),
                             raise_on_error=True)
        with self.assertRaises(NotFoundError):
            self.engine.call(contribution_request(region="110000", period="2018-01"),
                             raise_on_error=True)
        ok = self.engine.call(contribution_request(), raise_on_error=True)
        self.assertEqual(ok["payable"], "800.00")

    def test_binding_errors(self):
        with self.assertRaisesRegex(TypeError, r"request\.base.*float"):
            self.engine.call(contribution_request(base=10000.05))
        with self.assertRaisesRegex(TypeError, r"request\.unit\.size"):
            self.engine.call(contribution_request(unit={"size": 1.5}))
        with self.assertRaises(ValueError):
            self.engine.call(contribution_request(base=Decimal("NaN")))
        for bad in (None, 5, ["op"], 1.5):
            with self.assertRaises(TypeError):
                self.engine.call(bad)

    def test_every_operation_answers(self):
        # The generic entry point works for whatever operations the library
        # has (the list comes from the unknown_op message).
        msg = self.engine.call({"op": "?"})["error"]["message"]
        ops = [o.strip() for o in msg.split("(known:", 1)[1].rstrip(")").split(",")]
        self.assertIn("contribution", ops)
        self.assertIn("late_fee", ops)
        requests = [{"op": op, "id": i, "no_such_field": True} for i, op in enumerate(ops)]
        for i, r in enumerate(self.engine.call_many(requests)):
            self.assertEqual(r["id"], i)
            self.assertIs(r["ok"], False)
            self.assertEqual(r["error"]["code"], "invalid_argument", r)
            self.assertEqual(r, self.engine.call(requests[i]))

    def test_call_many(self):
        reqs = [
            contribution_request(id=0),
            {"op": "late_fee", "amount": "1000.00", "due_date": "2020-03-15",
             "paid_date": "2020-04-01", "id": 1},
            {"op": "no_such_op", "id": 2},
            '{"op":"late_fee","amount":"1","due_date":"2020-01-01","paid_date":"2020-01-02","id":3}',
            "",             # a blank line: parse_error, the count stays aligned
            "{bad json",
            contribution_request(id=6, base="-1"),
        ]
        out = self.engine.call_many(reqs)
        self.assertEqual(len(out), len(reqs))
        self.assertEqual(out[0]["payable"], "800.00")
        self.assertEqual(out[1]["fee"], "8.50")
        self.assertEqual(out[2]["error"]["code"], "unknown_op")
        self.assertEqual(out[3]["id"], 3)
        self.assertEqual(out[4]["error"]["code"], "parse_error")
        self.assertEqual(out[5]["error"]["code"], "parse_error")
        self.assertEqual((out[6]["id"], out[6]["error"]["field"]), (6, "base"))
        # A trailing blank request still yields its own result.
        self.assertEqual(len(self.engine.call_many([contribution_request(), ""])), 2)
        self.assertEqual(self.engine.call_many([]), [])
        self.assertEqual(self.engine.call_many(iter([contribution_request()]))[0]["due"],
                         "1600.01")

    def test_call_many_matches_call(self):
        reqs = [contribution_request(id=i, base=f"{1000 + i}.{i % 100:02d}",
                                     unit={"size": ("large", "small")[i % 2]})
                for i in range(500)]
        many = self.engine.call_many(reqs)
        self.assertEqual(many, [self.engine.call(r) for r in reqs])

    def test_call_many_errors(self):
        with self.assertRaises(ValueError):
            self.engine.call_many(['{"op":\n"late_fee"}'])
        with self.assertRaisesRegex(TypeError, r"requests\[1\]\.base"):
            self.engine.call_many([contribution_request(), contribution_request(base=1.0)])
        with self.assertRaises(TypeError):
            self.engine.call_many([None])
        with self.assertRaises(UnknownOpError):
            self.engine.call_many([contribution_request(), {"op": "x"}], raise_on_error=True)


# ---------------------------------------------------------------------------
class BatchTest(EngineTestCase):
    def test_matches_single_calls(self):
        sizes = ("large", "medium", "small", "micro")
        records = [dict(region=JIAN, unit=sizes[i % 4], insurance="pension",
                        period=f"2020-{1 + i % 12:02d}", base=f"{3000 + i}.{i % 100:02d}")
                   for i in range(1000)]
        items = self.engine.contribution_batch(records)
        for rec, item in zip(records, items):
            single = self.engine.contribution(**rec)
            self.assertEqual((item.due, item.relief, item.payable, item.relief_ratio),
                             (single.due, single.relief, single.payable, single.relief_ratio))

    def test_none_and_garbage_records(self):
        items = self.engine.contribution_batch([None, 42, "x", contribution_request()])
        self.assertEqual([type(i).__name__ for i in items],
                         ["BatchError", "BatchError", "BatchError", "BatchError"])
        self.assertEqual(items[3].field, "op")  # "op" is not a request field of the batch
        rec = {k: v for k, v in contribution_request().items() if k != "op"}
        self.assertEqual(self.engine.contribution_batch([rec])[0].payable, Decimal("800.00"))


# ---------------------------------------------------------------------------
class PackTest(EngineTestCase):
    def test_load_text_and_file(self):
        import os
        import tempfile
        base = self.engine.contribution(region=JIAN, unit="large", insurance="pension",
                                        period="2020-03", base="10000.05")
        self.assertEqual(base.due, Decimal("1600.01"))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "round.jsonc")
            with open(path, "w", encoding="utf-8") as f:
                f.write(support.ROUND_TO_YUAN_PACK)
            other = Engine(support.LIB)
            other.load_pack_file(path)
            self.assertEqual(other.contribution(region=JIAN, unit="large", insurance="pension",
                                                period="2020-03", base="10000.05").due,
                             Decimal("1600.00"))
            third = Engine(support.LIB)
            third.load_pack(path)  # a str that is not pack text: a path
            self.assertEqual(third.call(contribution_request())["due"], "1600.00")
            import pathlib
            fourth = Engine(support.LIB)
            fourth.load_pack(pathlib.Path(path))
            self.assertEqual(fourth.call(contribution_request())["due"], "1600.00")
            for e in (other, third, fourth):
                e.close()
        # Packs are per engine.
        self.assertEqual(self.engine.call(contribution_request())["due"], "1600.01")
        self.engine.load_pack(support.ROUND_TO_YUAN_PACK.encode())
        self.assertEqual(self.engine.call(contribution_request())["due"], "1600.00")
        self.engine.load_pack_text(support.TWO_THIRDS_PACK, source="two-thirds.jsonc")
        self.assertEqual(self.engine.call(contribution_request(region="110000",
                                                               period="2021-01"))["relief_ratio"],
                         "2/3")

    def test_errors_leave_the_engine_unchanged(self):
        with self.assertRaises(ParseError) as ctx:
            self.engine.load_pack_text("{", source="broken.jsonc")
        self.assertIn("broken.jsonc", ctx.exception.message)
        with self.assertRaises(ParseError):
            self.engine.load_pack("{\n  oops\n}")
        with self.assertRaises(InvalidArgumentError) as ctx:
            self.engine.load_pack('{"format": "sipolicy-pack/9"}')
        self.assertEqual(ctx.exception.field, "format")
        with self.assertRaises(NotFoundError) as ctx:
            self.engine.load_pack_file("/nonexistent/dir/pack.jsonc")
        self.assertEqual(ctx.exception.field, "path")
        with self.assertRaises(NotFoundError):
            self.engine.load_pack("no-such-pack.jsonc")
        with self.assertRaises(TypeError):
            self.engine.load_pack(123)
        with self.assertRaises(TypeError):
            self.engine.load_pack_file(None)
        with self.assertRaises(TypeError):
            self.engine.load_pack_text(None)
        with self.assertRaises(ValueError):
            self.engine.load_pack_file("a\0b")
        self.assertEqual(self.engine.call(contribution_request())["due"], "1600.01")


# ---------------------------------------------------------------------------
class LifetimeTest(unittest.TestCase):
    def test_context_manager(self):
        with Engine(support.LIB) as e:
            self.assertFalse(e.closed)
            self.assertEqual(e.call(contribution_request())["due"], "1600.01")
        self.assertTrue(e.closed)
        self.assertIn("closed", repr(e))

    def test_close_is_idempotent_and_use_after_close_raises(self):
        e = Engine(support.LIB)
        e.close()
        e.close()
        calls = [
            lambda: e.call({"op": "late_fee"}),
            lambda: e.call_many([{"op": "late_fee"}]),
            lambda: e.contribution(region=JIAN, unit="large", insurance="pension",
                                   period="2020-03", base="1"),
            lambda: e.contribution_batch([dict(region=JIAN, unit="large", insurance="pension",
                                               period="2020-03", base="1")]),
            lambda: e.late_fee(amount="1", due_date="2020-01-01", paid_date="2020-02-01"),
            lambda: e.skill_subsidy_batch([{}]),
            lambda: e.batch_columns("contribution", {}),
            lambda: e.multiply_round("1", "1"),
            lambda: e.load_pack(support.TWO_THIRDS_PACK),
            lambda: e.load_pack_file("x.jsonc"),
            lambda: e.__enter__(),
        ]
        for call in calls:
            with self.assertRaisesRegex(EngineClosedError, "closed"):
                call()
        self.assertIsInstance(EngineClosedError("x"), RuntimeError)

    def test_finalizer_frees_a_forgotten_engine(self):
        e = Engine(support.LIB)
        fin = e._finalizer
        self.assertTrue(fin.alive)
        func, args = fin.peek()[1:3]
        self.assertIs(args[0], support.LIB.raw.sipolicy_engine_free)
        self.assertEqual(args[1], e._handle)
        del e, func, args
        gc.collect()
        self.assertFalse(fin.alive)

    def test_close_runs_the_finalizer_once(self):
        e = Engine(support.LIB)
        fin = e._finalizer
        e.close()
        self.assertFalse(fin.alive)
        self.assertIsNone(fin())  # a second call does nothing
        del e
        gc.collect()

    def test_engines_cannot_be_copied(self):
        import copy
        import pickle
        with Engine(support.LIB) as e:
            for f in (copy.copy, copy.deepcopy, pickle.dumps):
                with self.assertRaisesRegex(TypeError, "cannot be"):
                    f(e)

    def test_many_engines(self):
        for _ in range(200):
            Engine(support.LIB)  # each freed by its finalizer
        gc.collect()

    def test_library_argument(self):
        for lib in (support.LIB, support.LIB_PATH, None):
            with Engine(lib) as e:
                self.assertIs(e.library, support.LIB)

    def test_threads(self):
        e = Engine(support.LIB)
        errors = []
        start = threading.Barrier(8)

        def work(k):
            try:
                start.wait()
                for i in range(100):
                    r = e.contribution(region=JIAN, unit="large", insurance="pension",
                                       period="2020-03", base=f"{k}{i}.05")
                    expect = sipolicy.multiply_round(f"{k}{i}.05", "0.16")
                    assert r.due == expect, (r, expect)
                    if i % 10 == 0:
                        e.load_pack(support.ROUND_TO_YUAN_PACK if k == 0 and i == 50 else
                                    support.TWO_THIRDS_PACK)
            except BaseException as x:  # noqa: BLE001
                errors.append(x)

        threads = [threading.Thread(target=work, args=(k + 1,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        e.close()
        self.assertEqual(errors, [])

    def test_close_waits_for_running_calls(self):
        e = Engine(support.LIB)
        reqs = [contribution_request()] * 20000
        results = []

        def run():
            results.append(len(e.call_many(reqs)))

        t = threading.Thread(target=run)
        t.start()
        while not e._active and t.is_alive():
            pass
        e.close()  # must not free the engine under the running call
        t.join()
        self.assertEqual(results, [20000])
        self.assertTrue(e.closed)


if __name__ == "__main__":
    unittest.main()
