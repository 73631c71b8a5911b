#!/usr/bin/env python3
"""Measures the per-record costs docs/scale-out.md projects from (not run by the tests).

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/release/bindings/c/libsipolicy.so.1 \\
        /usr/bin/python3 bindings/python/bench_scale_out.py [N] [PARTITIONS]

N records (default 1,000,000) of each kind, synthetic: monthly pension
contributions of 吉安 and 武汉 units of every size, Feb–Dec 2020 (fen in
int64), and 2022 稳岗返还 screenings of units of every size (2021 figures).

1. One process, the columnar call itself: ``Engine.batch_columns`` on numpy
   columns of codes, integer outputs (ns/record, best of 3).
2. One process, the pandas door (``sipolicy.pandas.run``, integer fen in and
   out, which is what each Dask partition runs): ns/record, best of 3.
3. Dask: a LocalCluster of 2 worker processes × 1 thread on 127.0.0.1; the
   partitions are generated on the workers (nothing is shipped from here),
   each goes through ``sipolicy.dask.run``, and only a sum comes back; the
   engines are built first (``check_workers``). Records/s, best of 3, next to
   the same pipeline without the sipolicy step (generation and the sum only).
   The screening is also timed through ``sipolicy.dask.screening_summary``.

And, for scale, what reading such a ledger costs: ``pandas.read_csv`` of the
N contribution rows written to a temporary CSV file.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SIZES = ("large", "medium", "small", "micro")


def contribution_part(number: int, n: int):
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(number)  # partition number: its own rows
    return pd.DataFrame({
        "region": rng.choice(np.array([360800, 420100], np.int64), n),
        "unit.size": pd.Categorical.from_codes(rng.integers(0, 4, n), SIZES).astype(object),
        "insurance": "pension",
        "period": rng.integers(202002, 202013, n),
        "base": rng.integers(300000, 3500000, n),
    })


def refund_part(number: int, n: int):
    import numpy as np
    import pandas as pd
    rng = np.random.default_rng(number)  # partition number: its own rows
    insured = rng.integers(1, 500, n)
    return pd.DataFrame({
        "region": rng.choice(np.array([360800, 420100], np.int64), n),
        "unit.size": pd.Categorical.from_codes(rng.integers(0, 4, n), SIZES).astype(object),
        "prior_year_paid": insured * rng.integers(30000, 150000, n),
        "months_paid": rng.choice(np.array([9, 12, 12, 12], np.int64), n),
        "layoffs": np.minimum(rng.integers(0, 4, n), insured),
        "insured": insured,
        "county": rng.choice(np.array(["a", "b", "c"], object), n),
    })


def codes(frame, op: str):
    """The frame as batch_columns' integer columns."""
    import numpy as np
    cols = {"region": frame["region"].to_numpy(np.int32),
            "unit.size": frame["unit.size"].map(SIZES.index).to_numpy(np.int32)}
    if op == "contribution":
        cols.update(insurance=np.zeros(len(frame), np.int32),
                    period=frame["period"].to_numpy(np.int32),
                    base=frame["base"].to_numpy(np.int64))
    else:
        cols.update(year=np.full(len(frame), 2022, np.int32),
                    prior_year_paid=frame["prior_year_paid"].to_numpy(np.int64),
                    months_paid=frame["months_paid"].to_numpy(np.int32),
                    layoffs=frame["layoffs"].to_numpy(np.int64),
                    insured=frame["insured"].to_numpy(np.int64))
    return cols


def best(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


OPTS = {"contribution": dict(int_money="fen", money="fen"),
        "stable_job_refund": dict(int_money="fen", money="fen", defaults={"year": 2022})}
# The integer outputs (the "error" text column is a Python list: left out).
OUTPUTS = {"contribution": ("due", "relief", "payable", "relief_ratio.num", "relief_ratio.den",
                            "status"),
           "stable_job_refund": ("eligible", "amount", "reasons", "payee", "status")}
MAKE = {"contribution": contribution_part, "stable_job_refund": refund_part}
SUMMED = {"contribution": "payable", "stable_job_refund": "amount"}


def main() -> int:
    sys.dont_write_bytecode = True
    if HERE not in sys.path:
        sys.path.insert(0, HERE)
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import sipolicy
    import sipolicy.dask as sd
    import sipolicy.pandas as sp

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    parts = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    engine = sipolicy.Engine()
    print(f"sipolicy library {engine.library.version} at {engine.library.path}; "
          f"dask {dask.__version__}; {os.cpu_count()} CPUs; N={n:,}, {parts} partitions")
    ns = lambda seconds: seconds / n * 1e9  # noqa: E731

    print("\n1-2. one process (best of 3)")
    for op in ("contribution", "stable_job_refund"):
        frame = MAKE[op](1, n)
        cols = codes(frame, op)
        out = engine.batch_columns(op, cols, OUTPUTS[op])
        failed = int((out["status"] != 0).sum())
        t_cols = best(lambda: engine.batch_columns(op, cols, OUTPUTS[op]))
        t_door = best(lambda: sp.run(engine, op, frame, **OPTS[op]))
        print(f"  {op:18} batch_columns {ns(t_cols):7.0f} ns/record   "
              f"pandas door {ns(t_door):7.0f} ns/record   ({failed} failed records)")
    t_hash = best(lambda: [engine.catalog_hash for _ in range(100)]) / 100
    print(f"  catalog_hash (the per-partition check): {t_hash * 1e6:.0f} µs per call")
    with tempfile.TemporaryDirectory(prefix="sipolicy-bench-") as scratch:
        import pandas as pd
        path = os.path.join(scratch, "ledger.csv")
        contribution_part(2, n).to_csv(path, index=False)
        t_read = best(lambda: pd.read_csv(path))
        print(f"  reading the ledger: pandas.read_csv {ns(t_read):7.0f} ns/record "
              f"({os.path.getsize(path) / n:.0f} bytes/record of CSV)")

    print("\n3. Dask, 2 worker processes × 1 thread (best of 3)")
    with tempfile.TemporaryDirectory(prefix="sipolicy-bench-") as scratch, \
            LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                         dashboard_address=None, local_directory=scratch,
                         silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        sd.check_workers(client)
        per = n // parts
        # A fresh graph per timing (other partition numbers): the scheduler
        # would hand back a result it still holds for the same keys.
        rounds = iter(range(1, 1000))

        def graph(make):
            r = next(rounds)
            return dd.from_map(make, range(r * parts, (r + 1) * parts), [per] * parts)

        for op in ("contribution", "stable_job_refund"):
            graph(MAKE[op])["region"].sum().compute()  # warm: imports, engines
            t_plain = best(lambda: graph(MAKE[op])["region"].sum().compute())
            t_run = best(lambda: sd.run(op, graph(MAKE[op]), **OPTS[op])[SUMMED[op]].sum()
                         .compute())
            print(f"  {op:18} {per * parts / t_run:12,.0f} records/s ({t_run:.2f} s for "
                  f"{per * parts:,}; generating the partitions alone {t_plain:.2f} s)")

        def bulletin():
            units = graph(refund_part)
            results = sd.run("stable_job_refund", units, **OPTS["stable_job_refund"])
            return sd.screening_summary(units, results, by="county")

        t_sum = best(bulletin)
        print(f"  screening_summary  {per * parts / t_sum:12,.0f} units/s ({t_sum:.2f} s: "
              f"screening and the bulletin by county)")
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
