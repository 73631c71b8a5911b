#!/usr/bin/env python3
"""sipolicy.dask on a real distributed cluster: a LocalCluster of two worker
processes on the loopback interface (127.0.0.1, no dashboard).

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/dev/bindings/c/libsipolicy.so.1 \\
        /usr/bin/python3 bindings/python/run_dask_tests.py [-v]

What it checks: results over Dask equal the pandas door's (a single process)
record by record, for contribution and for stable_job_refund; the 稳岗返还
bulletin computed with Dask aggregations equals sipolicy.pandas's and the
hand-computed totals; a bad record fails its row, not its partition; a worker
whose catalog differs from the client's fails with both hashes named; each
worker builds one engine per (library, packs) and keeps it.

Its own runner (not under tests/, which the binding's suite discovers) so the
cluster starts once, from one interpreter: Debian's /usr/bin/python3, which has
python3-distributed. Exits 77 (ctest: skipped) when dask, distributed or pandas
cannot be imported, 0 when every test passes, 1 otherwise. The cluster's
scratch space is a temporary directory, removed at the end.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SKIP = 77
# A bound on each computation; ctest's TIMEOUT bounds the whole run.
RESULT_TIMEOUT = 60


def _importable() -> str:
    """'' when the optional stack imports, else why not."""
    try:
        import dask.dataframe  # noqa: F401
        import distributed  # noqa: F401
        import numpy  # noqa: F401
        import pandas  # noqa: F401
    except Exception as e:  # noqa: BLE001 - ImportError, or a broken install
        return f"{type(e).__name__}: {e}"
    return ""


# The tests proper. Module-level names are set by main() after the imports
# succeed; the worker processes import this file as __mp_main__ and need none
# of it (they run sipolicy.dask's functions).
if __name__ == "__main__":
    sys.dont_write_bytecode = True
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    WHY_NOT = _importable()
    if not WHY_NOT:
        import logging
        import random
        import tempfile
        from decimal import Decimal as D

        import dask
        import dask.dataframe as dd
        import pandas as pd
        from distributed import Client, LocalCluster

        import sipolicy
        import sipolicy.dask as sd
        import sipolicy.pandas as sp

        from tests import support

# 吉安's 2021 ledger of sixteen units (synthetic, examples/data): every
# refusal reason of the 2022 rules and one bad record (JA0013's "9,720.00").
LEDGER = os.path.join(HERE, "..", "..", "examples", "data", "jian_units_2021.csv")
COPIES = 125  # 2000 units
# A pack no worker is given: it changes the catalog (and so its hash).
OTHER_PACK = """{
  "format": "sipolicy-pack/1", "name": "dask-test-other", "version": "1",
  "documents": [{"id": "dask-test-doc", "number": "测试〔2022〕1号", "issuer": "test",
                 "title": "dask test", "issued": "2021-12-01"}],
  "exemptions": [{"id": "dask-test-half", "document": "dask-test-doc", "region": "330000",
                  "units": ["large_or_other"], "periods": ["2022-01", "2022-01"],
                  "ratio": "1/2"}]
}
"""


def contribution_frame(n: int):
    """n monthly contributions over regions, sizes, insurances and months
    2019-05..2021-12, led by rows whose results are worked out by hand below,
    and with bad rows scattered through every partition."""
    rng = random.Random(14)
    rows = [
        # 北京, large, 2021-02, under TWO_THIRDS_PACK (relief 2/3):
        #   due = 10000.00 × 16% = 1600.00 (国办发〔2019〕13号)
        #   relief = round(1600.00 × 2/3 = 1066.666…) = 1066.67, payable 533.33
        ("110000", "large", "pension", "2021-02", D("10000.00"), None),
        # 吉安, small, 2020-03: exempt (人社部发〔2020〕11号): 1600.01 relieved, payable 0.00
        ("360800", "small", "pension", "2020-03", D("10000.05"), None),
        # 吉安, large, 2020-03: halved: relief round(800.005) = 800.01, payable 800.00
        ("360800", "large", "pension", "2020-03", D("10000.05"), None),
        # bad: no such region; a base with three decimals
        ("999999", "large", "pension", "2020-03", D("1"), None),
        ("360800", "large", "pension", "2020-03", D("1.005"), None),
    ]
    regions = ("360800", "110000", "420000", "520000")
    sizes = ("large", "medium", "small", "micro")
    months = [f"{y}-{m:02d}" for y in (2019, 2020, 2021) for m in range(1, 13)
              if (y, m) >= (2019, 5)]
    while len(rows) < n:
        if len(rows) % 997 == 0:  # a bad row in every partition
            rows.append(("360800", "huge", "pension", "2020-03", D("100.00"), None))
            continue
        insurance, rate = rng.choice((("pension", None), ("unemployment", D("0.005"))))
        base = D(rng.randrange(300000, 3500000)).scaleb(-2)
        rows.append((rng.choice(regions), rng.choice(sizes), insurance, rng.choice(months),
                     base, rate))
    return pd.DataFrame(rows, columns=["region", "unit.size", "insurance", "period", "base",
                                       "rate"])


def ledger_frame():
    one = pd.read_csv(LEDGER, dtype={"prior_year_paid": str})
    frames = []
    for k in range(COPIES):
        copy = one.copy()
        copy["unit_id"] = copy["unit_id"] + f"-{k:03d}"
        frames.append(copy)
    return pd.concat(frames, ignore_index=True).set_index("unit_id")


REFUND = dict(rename={"unit.size": "size", "unit.type": "type"}, defaults={"year": 2022})


class DaskTest(unittest.TestCase):
    cluster = client = scratch = None

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.TemporaryDirectory(prefix="sipolicy-dask-")
        try:
            cls.cluster = LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, local_directory=cls.scratch.name,
                silence_logs=logging.ERROR)
            cls.client = Client(cls.cluster, timeout=RESULT_TIMEOUT)
            cls.client.wait_for_workers(2, timeout=RESULT_TIMEOUT)
        except BaseException:
            cls.tearDownClass()
            raise
        cls.packs = [support.TWO_THIRDS_PACK]
        cls.engine = sipolicy.Engine(support.LIB)
        cls.engine.load_pack_text(support.TWO_THIRDS_PACK)

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.client is not None:
                cls.client.close()
            if cls.cluster is not None:
                cls.cluster.close()
        finally:
            cls.client = cls.cluster = None
            if cls.scratch is not None:
                cls.scratch.cleanup()
            if getattr(cls, "engine", None) is not None:
                cls.engine.close()

    def compute(self, collection, **kwargs):
        return self.client.compute(collection, **kwargs).result(timeout=RESULT_TIMEOUT)

    def tearDown(self):
        # A test that changed a worker's engine must not leak it to the next.
        self.client.run(sd.clear_engines)

    # --- record by record ---------------------------------------------------------

    def test_contribution_equals_pandas(self):
        frame = contribution_frame(6000)
        ddf = dd.from_pandas(frame, npartitions=6)
        got = self.compute(sd.run("contribution", ddf, packs=self.packs, library=support.LIB))
        want = sp.run(self.engine, "contribution", frame)
        pd.testing.assert_frame_equal(got, want)
        self.assertEqual(list(got.loc[0:2, "payable"]), [D("533.33"), D("0.00"), D("800.00")])
        self.assertEqual(got.loc[0, "relief"], D("1066.67"))
        self.assertEqual(list(got.loc[3:4, "status"]), ["invalid_argument"] * 2)
        self.assertEqual(list(got.loc[3:4, "error_field"]), ["region", "base"])

    def test_contribution_fen_in_and_out(self):
        # Integer fen in (passed to C without a copy), nullable Int64 fen out.
        frame = contribution_frame(3000).drop(index=4)  # 1.005 is no whole fen
        frame["base"] = pd.array([int(b.scaleb(2)) for b in frame["base"]], dtype="int64")
        ddf = dd.from_pandas(frame, npartitions=3)
        opts = dict(int_money="fen", money="fen")
        got = self.compute(sd.run("contribution", ddf, packs=self.packs, catalog_column="catalog",
                                  **opts))
        want = sp.run(self.engine, "contribution", frame, **opts)
        self.assertEqual(set(got["catalog"]), {self.engine.catalog_hash})
        pd.testing.assert_frame_equal(got.drop(columns="catalog"), want)
        self.assertEqual(got.loc[0, "payable"], 53333)  # 533.33, as above

    def test_refund_equals_pandas_and_bulletin(self):
        units = ledger_frame()
        ddf = dd.from_pandas(units, npartitions=5, sort=False)
        results = sd.run("stable_job_refund", ddf, packs=self.packs, **REFUND)
        got = self.compute(results)
        want = sp.run(self.engine, "stable_job_refund", units, **REFUND)
        pd.testing.assert_frame_equal(got, want)
        # The bulletin, by county and size, equals the pandas door's …
        for by in (["county", "size"], "county", None):
            table = sd.screening_summary(ddf, results, by=by)
            pd.testing.assert_frame_equal(table, sp.screening_summary(units, want, by=by))
        # … also from results in fen (nullable Int64 amounts) …
        in_fen = sd.run("stable_job_refund", ddf, packs=self.packs, money="fen", **REFUND)
        pd.testing.assert_frame_equal(sd.screening_summary(ddf, in_fen, by="county"),
                                      sp.screening_summary(units, want, by="county"))
        # … and the hand-computed totals. 2022 rates of 2021's unemployment
        # contributions: large units 50% (国发〔2022〕12号), small and micro 90%
        # (人社部发〔2022〕23号):
        #   JA0001 302400.00×50% = 151200.00   JA0002 16128.00×90% = 14515.20
        #   JA0003   3110.40×90% =   2799.36   JA0007 61560.00×90% = 55404.00
        #   JA0009   1296.00×90% =   1166.40   JA0011  6480.00×90% =  5832.00
        #   JA0012  84000.00×90% =  75600.00   JA0014  2160.00×90% =  1944.00
        #   = 308460.96 per copy, 8 units paid, 420+28+6+95+3+12+140+5 = 709 employees.
        # Refused: JA0004 9/130, JA0008 2/35, JA0016 20/310 above the 5.5% target
        # (2021年政府工作报告);
        # JA0010 5/22 above 20% (≤30 insured); JA0005 9 months; JA0006 public
        # institution; JA0015 dishonest; JA0008 also in arrears. JA0013: bad record.
        total = sd.screening_summary(ddf, results).loc["total"]
        self.assertEqual(total["units_screened"], 16 * COPIES)
        self.assertEqual(total["units_paid"], 8 * COPIES)
        self.assertEqual(total["total_amount"], D("308460.96") * COPIES)
        self.assertEqual(total["total_amount"], D("38557620.00"))
        self.assertEqual(total["total_amount_wan"], D("3855.762000"))
        self.assertEqual(total["employees_covered"], 709 * COPIES)
        self.assertEqual(total["not_eligible"], 7 * COPIES)
        self.assertEqual(total["bad_records"], 1 * COPIES)
        self.assertEqual(total["layoff_rate_above_target"], 3 * COPIES)
        self.assertEqual(total["long_term_arrears"], 1 * COPIES)

    def test_bad_record_fails_its_row_only(self):
        units = ledger_frame().iloc[:16]
        ddf = dd.from_pandas(units, npartitions=1, sort=False)
        part = self.compute(sd.run("stable_job_refund", ddf, **REFUND).get_partition(0))
        self.assertEqual(len(part), 16)
        bad = part.loc["JA0013-000"]
        self.assertEqual((bad["status"], bad["error_field"]),
                         ("invalid_argument", "prior_year_paid"))
        self.assertIn("thousands separators", bad["error"])
        self.assertIs(bad["amount"], None)
        good = part.drop(index="JA0013-000")
        self.assertEqual(set(good["status"]), {"ok"})
        self.assertEqual(good.loc["JA0001-000", "amount"], D("151200.00"))

    # --- engines and catalogs ---------------------------------------------------------

    def test_one_engine_per_worker_and_key(self):
        ddf = dd.from_pandas(contribution_frame(1200), npartitions=8)
        self.compute(sd.run("contribution", ddf, packs=self.packs))
        first = self.client.run(lambda packs: id(sd.worker_engine(packs)), self.packs)
        self.compute(sd.run("contribution", ddf, packs=self.packs))
        again = self.client.run(lambda packs: (id(sd.worker_engine(packs)), len(sd._engines)),
                                self.packs)
        for addr, (ident, count) in again.items():
            self.assertEqual(ident, first[addr], addr)
            self.assertEqual(count, 1, addr)  # the packs' key only, reused

    def test_worker_with_another_catalog_fails(self):
        client_hash = sd.catalog_hash(self.packs)
        self.assertRegex(client_hash, "^[0-9a-f]{64}$")
        self.assertEqual(sd.check_workers(self.client, self.packs), client_hash)
        addr = sorted(self.client.scheduler_info()["workers"])[0]

        def give_another_pack(packs):
            sd.worker_engine(packs).load_pack_text(OTHER_PACK, "other.json")
            return sd.worker_engine(packs).catalog_hash

        worker_hash = self.client.run(give_another_pack, self.packs, workers=[addr])[addr]
        self.assertNotEqual(worker_hash, client_hash)
        with self.assertRaises(sd.CatalogMismatchError) as caught:
            sd.check_workers(self.client, self.packs)
        self.assertEqual(caught.exception.worker, addr)
        ddf = dd.from_pandas(contribution_frame(100), npartitions=2)
        with self.assertRaises(sd.CatalogMismatchError) as caught:
            self.compute(sd.run("contribution", ddf, packs=self.packs), workers=[addr])
        e = caught.exception
        self.assertEqual((e.worker, e.worker_hash, e.client_hash),
                         (addr, worker_hash, client_hash))
        self.assertIn(worker_hash, str(e))
        self.assertIn(client_hash, str(e))
        self.assertIn(f"catalog mismatch on worker {addr}", str(e))

    def test_packs_travel_as_text(self):
        path = os.path.join(self.scratch.name, "two-thirds.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(support.TWO_THIRDS_PACK)
        packs = sd.normalize_packs([path])
        self.assertEqual(packs, (sd.Pack(support.TWO_THIRDS_PACK, path),))
        self.assertEqual(sd.normalize_packs(support.TWO_THIRDS_PACK),
                         (sd.Pack(support.TWO_THIRDS_PACK, None),))
        # The graph holds text only: the file may be gone when the workers run.
        ddf = dd.from_pandas(contribution_frame(10), npartitions=2)
        lazy = sd.run("contribution", ddf, packs=packs)
        os.remove(path)
        self.assertEqual(self.compute(lazy).loc[0, "payable"], D("533.33"))

    def test_bad_calls_fail_on_the_client(self):
        ddf = dd.from_pandas(contribution_frame(10), npartitions=1)
        with self.assertRaisesRegex(ValueError, "not request fields"):
            sd.run("contribution", ddf, rename={"nonsense": "x"})
        floats = contribution_frame(10).assign(base=1.5)
        floats = dd.from_pandas(floats, npartitions=1)
        with self.assertRaisesRegex(TypeError, "float"):
            sd.run("contribution", floats)
        with self.assertRaisesRegex(TypeError, "dask DataFrame"):
            sd.run("contribution", contribution_frame(1))


def main() -> int:
    if WHY_NOT:
        print(f"skipped: sipolicy.dask needs dask, distributed and pandas, and {sys.executable} "
              f"cannot import them ({WHY_NOT}); Debian's python3-distributed serves "
              f"/usr/bin/python3")
        return SKIP
    print(f"sipolicy {sipolicy.__version__} / library {support.LIB.version} at "
          f"{support.LIB_PATH} / dask {dask.__version__} / "
          f"Python {sys.version.split()[0]} ({sys.executable})", flush=True)
    verbosity = 2 if "-v" in sys.argv[1:] else 1
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(DaskTest)
    result = unittest.TextTestRunner(verbosity=verbosity).run(suite)
    return 0 if result.wasSuccessful() and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
