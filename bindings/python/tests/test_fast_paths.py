"""The fast paths of the columnar batches: Engine.batch_columns writing into
the caller's own arrays (out=), and contribution_batch of
ContributionRequest objects through the grouped, chunked columns
(sipolicy/_grouped.py), which must give exactly what the JSON path gives,
record by record, failures included.

Hand values (吉安 360800, March 2020, base 10000.05, pension 16%): due =
round(1600.008) = 1600.01; a large enterprise is halved (人社部发〔2020〕11号):
relief = round(800.005) = 800.01, payable 800.00; a small one is exempt:
relief 1600.01, payable 0.00; a public institution gets nothing: relief 0.00.
"""

import array
import datetime
import gc
import random
import unittest
from decimal import Decimal
from fractions import Fraction

from tests import support
import sipolicy
from sipolicy import BatchError, ContributionRequest, Engine, Unit, UnitSize, UnitType

D = Decimal
np = support.import_optional("numpy")
JIAN = "360800"

HAND_COLUMNS = {
    "region": array.array("i", [360800] * 3),
    "unit.size": array.array("i", [0, 2, 0]),      # large, small, large
    "unit.type": array.array("i", [0, 0, 3]),      # enterprise, enterprise, public institution
    "insurance": array.array("i", [0] * 3),        # pension
    "period": array.array("i", [202003] * 3),
    "base": array.array("q", [1000005] * 3),
}
HAND_DUE, HAND_RELIEF, HAND_PAYABLE = [160001] * 3, [80001, 160001, 0], [80000, 0, 160001]


@unittest.skipUnless(support.HAS_BATCH, support.NO_BATCH)
class BatchColumnsIntoTest(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)

    def call(self, **kw):
        return self.engine.batch_columns("contribution", HAND_COLUMNS, **kw)

    def test_written_in_place_and_reused(self):
        self.assertEqual(UnitSize.SMALL.code, 2)
        self.assertEqual(UnitType.PUBLIC_INSTITUTION.code, 3)
        out = {"due": array.array("q", [7] * 3), "relief": array.array("i", [7] * 3),
               "payable": array.array("q", [7] * 3), "status": array.array("i", [7] * 3)}
        for _ in range(2):  # the second call overwrites the first one's values
            got = self.call(out=out)
            self.assertEqual(list(got), ["due", "relief", "payable", "status"])
            for name in out:
                self.assertIs(got[name], out[name])
            self.assertEqual(list(out["due"]), HAND_DUE)
            self.assertEqual(list(out["relief"]), HAND_RELIEF)  # an int32 column
            self.assertEqual(list(out["payable"]), HAND_PAYABLE)
            self.assertEqual(list(out["status"]), [0, 0, 0])

    def test_with_outputs_and_memoryviews(self):
        payable = memoryview(bytearray(8 * 3)).cast("q")
        got = self.call(outputs=("payable", "status", "error"), out={"payable": payable})
        self.assertIs(got["payable"], payable)
        self.assertEqual(payable.tolist(), HAND_PAYABLE)
        self.assertEqual(got["status"].typecode, "i")  # made by the call
        self.assertEqual(got["error"], [None] * 3)

    def test_an_int32_column_too_small_fails_the_record(self):
        cols = dict(HAND_COLUMNS, base=array.array("q", [1000005, 10**14, 1000005]))
        out = {"due": array.array("i", bytes(12)), "status": array.array("i", bytes(12))}
        got = self.engine.batch_columns("contribution", cols, outputs=("due", "status", "error"),
                                        out=out)
        self.assertEqual(out["due"][0], 160001)
        self.assertEqual(out["due"][1], 0)
        self.assertEqual(out["status"][1], sipolicy.STATUS_CODES["out_of_range"])
        self.assertIn("int32", got["error"][1])

    def test_bad_buffers_are_refused(self):
        with self.assertRaisesRegex(ValueError, "3 records"):
            self.call(out={"due": array.array("q", bytes(16))})
        with self.assertRaisesRegex(TypeError, "int32 or int64"):
            self.call(out={"due": array.array("d", bytes(24))})
        with self.assertRaisesRegex(TypeError, "read-only"):
            self.call(out={"due": memoryview(bytes(24)).cast("q")})
        with self.assertRaisesRegex(TypeError, "text column"):
            self.call(outputs=("due", "error"), out={"error": [None] * 3})
        with self.assertRaisesRegex(ValueError, "not among the outputs"):
            self.call(outputs=("due",), out={"payable": array.array("q", bytes(24))})
        with self.assertRaisesRegex(TypeError, "mapping"):
            self.call(out=[array.array("q", bytes(24))])

    @unittest.skipUnless(np is not None, "numpy is not importable by this Python")
    def test_numpy_arrays(self):
        out = {"payable": np.zeros(3, dtype=np.int64), "status": np.ones(3, dtype=np.int32)}
        got = self.call(out=out)
        self.assertIs(got["payable"], out["payable"])
        self.assertEqual(out["payable"].tolist(), HAND_PAYABLE)
        self.assertEqual(out["status"].tolist(), [0, 0, 0])
        with self.assertRaisesRegex(TypeError, "writable, contiguous"):
            self.call(out={"payable": np.zeros(6, dtype=np.int64)[::2]})


def generated_requests(n, seed):
    """ContributionRequest objects with every kind of rate, as_of and some failures."""
    rnd = random.Random(seed)
    sizes, types = list(UnitSize), list(UnitType)
    out = []
    for i in range(n):
        region = rnd.choice(["360800", "420100", "110000", "520000"])
        if i % 53 == 7:
            region = "999999"  # not a region: a failure
        base = D(rnd.randrange(0, 3_000_000)).scaleb(-2)
        if i % 59 == 3:
            base = D("-1.00")  # refused by the library
        rate = rnd.choice([None, None, D("0.16"), Fraction(1, 200), "0.005", 0])
        as_of = rnd.choice([None, None, datetime.date(2020, 3, 1), "2020-07-01"])
        out.append(ContributionRequest(
            region=region, unit=Unit(rnd.choice(sizes), rnd.choice(types)),
            insurance=rnd.choice(["pension", "unemployment", "work_injury"]),
            period=f"{rnd.choice([2019, 2020, 2021])}-{rnd.randint(1, 12):02d}",
            base=base, rate=rate, as_of=as_of))
    return out


@unittest.skipUnless(support.HAS_BATCH, support.NO_BATCH)
class GroupedRequestsTest(unittest.TestCase):
    def setUp(self):
        self.engine = Engine(support.LIB)
        self.addCleanup(self.engine.close)

    def assert_as_json_path(self, requests):
        got = self.engine.contribution_batch(requests)
        expected = self.engine._json_batch("contribution", requests, False)
        self.assertEqual(len(got), len(expected))
        for i, (g, e) in enumerate(zip(got, expected)):
            self.assertEqual(g, e, i)
            if e.ok:  # the same digits, not only the same values
                self.assertEqual((str(g.due), str(g.relief), str(g.payable)),
                                 (str(e.due), str(e.relief), str(e.payable)), i)
        return got

    def test_hand_values(self):
        requests = [ContributionRequest(region=JIAN, unit=Unit(size, utype), insurance="pension",
                                        period="2020-03", base=D("10000.05"))
                    for size, utype in (("large", "enterprise"), ("small", "enterprise"),
                                        ("large", "public_institution"))]
        got = self.assert_as_json_path(requests)
        self.assertEqual([str(r.due) for r in got], ["1600.01"] * 3)
        self.assertEqual([str(r.relief) for r in got], ["800.01", "1600.01", "0.00"])
        self.assertEqual([str(r.payable) for r in got], ["800.00", "0.00", "1600.01"])
        self.assertEqual([r.relief_ratio for r in got], [Fraction(1, 2), 1, 0])
        self.assertEqual({r.rate for r in got}, {Fraction(4, 25)})
        self.assertIn("赣人社发〔2020〕11号", [rule.citation for rule in got[0].rules])

    def test_equal_to_the_json_path_across_chunks(self):
        from sipolicy import _grouped
        requests = generated_requests(300, seed=5)
        saved = _grouped.CHUNK
        _grouped.CHUNK = 7  # many chunks, the last one short
        try:
            got = self.assert_as_json_path(requests)
        finally:
            _grouped.CHUNK = saved
        self.assertGreater(sum(not r.ok for r in got), 5)
        self.assertGreater(sum(r.ok for r in got), 100)

    def test_many_distinct_values_of_a_field(self):
        # 300 distinct regions (most not regions at all): past the 256 the
        # byte-wise layout takes, that column is looked up record by record.
        requests = [ContributionRequest(region=f"{360000 + i:06d}" if i % 3 else JIAN,
                                        unit=Unit("small"), insurance="pension",
                                        period="2020-03", base=D(i))
                    for i in range(900)]
        got = self.assert_as_json_path(requests)
        self.assertEqual(str(got[0].payable), "0.00")

    def test_unusual_records_take_the_general_path(self):
        usual = dict(region=JIAN, unit=Unit("large"), insurance="pension", period="2020-03",
                     base=D("10000.05"))
        for odd in (dict(rate=0.16), dict(base=True), dict(base=D("1.005")),
                    dict(unit={"size": "small"}), dict(unit=Unit("small", industry="catering")),
                    dict(region=360800), dict(period=(2020, 3))):
            requests = [ContributionRequest(**dict(usual, **odd)), ContributionRequest(**usual)]
            with self.subTest(odd=odd):
                got = self.assert_as_json_path(requests)
                self.assertTrue(got[1].ok)
        # Equal rates written differently share a group; each failure quotes its own.
        requests = [ContributionRequest(**dict(usual, insurance="unemployment", rate=rate))
                    for rate in (D("1.5"), D("1.50"), D("1.500"), D("0.005"))]
        got = self.assert_as_json_path(requests)
        self.assertEqual(sum(not r.ok for r in got), 3)
        got = self.engine.contribution_batch([ContributionRequest(**dict(usual, rate=0.16))])
        self.assertIsInstance(got[0], BatchError)
        self.assertEqual(got[0].field, "rate")

    def test_the_collector_is_left_as_it_was(self):
        requests = generated_requests(20, seed=6)
        self.assertTrue(gc.isenabled())
        self.engine.contribution_batch(requests)
        self.assertTrue(gc.isenabled())
        gc.disable()
        try:
            self.engine.contribution_batch(requests)
            self.assertFalse(gc.isenabled())
        finally:
            gc.enable()


if __name__ == "__main__":
    unittest.main()
