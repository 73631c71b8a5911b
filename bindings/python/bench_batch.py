#!/usr/bin/env python3
"""Times the binding's batches against plain ``decimal`` (not run by the tests).

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/release/bindings/c/libsipolicy.so.1 \\
        python3 bindings/python/bench_batch.py [N] [REPEAT]

Every contender evaluates the same N monthly contributions (吉安 and 武汉,
every unit size, Feb–Dec 2020, pension at the default 16%) and their results
are checked against each other to the fen before anything is timed:

* decimal, idiomatic: a function per record, Decimal arithmetic with
  ROUND_HALF_UP, the relief ratio from a small rules table, a frozen
  dataclass per result — what an analyst writes.
* decimal, lean: the same arithmetic inline, results as tuples.
* contribution_batch: the binding's per-record batch on the same dict
  records (Decimal amounts in, frozen ContributionResult with Decimal money
  and Fraction ratios out). Its results compute each field for the whole
  batch when it is first read, so it is also timed with every field read
  back (due, relief, payable, relief_ratio, rate), against the idiomatic
  version with its fields read back the same way.
* batch_columns: the columnar call on array.array columns of codes and fen.

Prints µs/record (best of REPEAT, timeit with the garbage collector off, as
timeit does by default) and each contender's speed-up over idiomatic decimal.
"""

from __future__ import annotations

import array
import random
import sys
import timeit
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from operator import attrgetter

import sipolicy

CENT = Decimal("0.01")
RATE = Decimal("0.16")
ZERO, HALF, ONE = Decimal(0), Decimal("0.5"), Decimal(1)
SIZES = ("large", "medium", "small", "micro")


@dataclass(frozen=True)
class PlainResult:
    due: Decimal
    relief_ratio: Decimal
    relief: Decimal
    payable: Decimal


def relief_ratio(region: str, size: str, month: int) -> Decimal:
    """2020: SMEs exempt Feb–Dec; large units halved Feb–Jun (exempt in 湖北)."""
    if month < 2:
        return ZERO
    if size != "large":
        return ONE
    if month > 6:
        return ZERO
    return ONE if region.startswith("42") else HALF


def assess(record: dict) -> PlainResult:
    due = (record["base"] * RATE).quantize(CENT, ROUND_HALF_UP)
    ratio = relief_ratio(record["region"], record["unit"]["size"], int(record["period"][5:7]))
    relief = (due * ratio).quantize(CENT, ROUND_HALF_UP)
    return PlainResult(due, ratio, relief, due - relief)


def records(n: int, seed: int = 1) -> list:
    rnd = random.Random(seed)
    return [{"region": rnd.choice(("360800", "420100")),
             "unit": {"size": rnd.choice(SIZES)},
             "insurance": "pension",
             "period": f"2020-{rnd.randint(2, 12):02d}",
             "base": Decimal(rnd.randrange(100_000, 5_000_000)).scaleb(-2)} for _ in range(n)]


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    recs = records(n)
    codes = {"region": array.array("i"), "unit.size": array.array("i"),
             "insurance": array.array("i"), "period": array.array("i"),
             "base": array.array("q")}
    for r in recs:
        codes["region"].append(int(r["region"]))
        codes["unit.size"].append(SIZES.index(r["unit"]["size"]))
        codes["insurance"].append(0)
        codes["period"].append(int(r["period"][:4]) * 100 + int(r["period"][5:]))
        codes["base"].append(int(r["base"].scaleb(2)))

    def lean() -> list:
        out = []
        for r in recs:
            due = (r["base"] * RATE).quantize(CENT, ROUND_HALF_UP)
            ratio = relief_ratio(r["region"], r["unit"]["size"], int(r["period"][5:7]))
            relief = (due * ratio).quantize(CENT, ROUND_HALF_UP)
            out.append((due, relief, due - relief))
        return out

    read = attrgetter("due", "relief", "payable", "relief_ratio", "rate")
    with sipolicy.Engine() as engine:
        plain = [assess(r) for r in recs]
        batch = engine.contribution_batch(recs)
        cols = engine.batch_columns("contribution", codes, outputs=("due", "relief", "payable",
                                                                    "status"))
        for i, (p, b) in enumerate(zip(plain, batch)):
            assert (p.due, p.relief, p.payable) == (b.due, b.relief, b.payable), (i, p, b)
            assert p.relief_ratio == b.relief_ratio
            assert (int(p.due.scaleb(2)), int(p.relief.scaleb(2)), cols["status"][i]) == \
                   (cols["due"][i], cols["relief"][i], 0)
        plain_read = attrgetter("due", "relief", "payable", "relief_ratio")
        contenders = [
            ("decimal, idiomatic (dataclass per result)", lambda: [assess(r) for r in recs]),
            ("decimal, idiomatic + read every field",
             lambda: [plain_read(x) for x in [assess(r) for r in recs]]),
            ("decimal, lean (tuples, inline)", lean),
            ("contribution_batch", lambda: engine.contribution_batch(recs)),
            ("contribution_batch + read every field",
             lambda: [read(x) for x in engine.contribution_batch(recs)]),
            ("batch_columns (array.array)",
             lambda: engine.batch_columns("contribution", codes,
                                          outputs=("due", "relief", "payable", "status"))),
        ]
        times = {}
        for name, fn in contenders:
            times[name] = min(timeit.repeat(fn, number=1, repeat=repeat)) / n * 1e6
        base = times[contenders[0][0]]
        print(f"{n} records, best of {repeat}; Python {sys.version.split()[0]}")
        for name, us in times.items():
            print(f"  {name:45s} {us:8.3f} µs/record  {base / us:6.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
