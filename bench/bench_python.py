"""The Python contenders of the policy benchmark (driven by bench/bench.py).

    python3 bench_python.py DIR RUNS

Reads the records bench_policy wrote under DIR, and times, on the same
records:

  py_decimal  the script an analyst writes: Decimal records, ROUND_HALF_UP,
              the rules in py_rules.py
  py_columns  the binding's columnar call, Engine.batch_columns(op, {column:
              array}, out={column: array}): output arrays allocated once and
              reused by every run, as the C ABI contender's are
  py_columns_alloc
              the same call with outputs=(...): fresh output arrays each run
              (informational: the price of new memory, see the README)
  py_records  the binding's typed per-record call, Engine.contribution_batch
              of ContributionRequest objects carrying decimal.Decimal amounts
  py_records_read
              the same, plus reading due, relief and payable (Decimals made
              on first read) of every result (informational)

Each contender's input is built before the clock starts, in the form that
contender takes (Decimal records, or arrays of codes and fen); its outputs
are written to DIR/out/<contender>/<workload>/ for bench.py to compare, and
its timings go to stdout as JSON lines. A binding call that does not exist
(yet) is reported as a skip, not a failure.
"""

from __future__ import annotations

import array
import json
import os
import sys
import time
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import py_rules  # noqa: E402

SIZES = ("large", "medium", "small", "micro")
TYPES = ("enterprise", "individual_business", "social_organization", "public_institution")
INSURANCES = ("pension", "unemployment", "work_injury")
REASONS = ("public_institution", "unit_type_not_covered", "layoff_rate_above_target",
           "layoff_rate_above_small_unit_limit", "months_paid_below_required",
           "long_term_arrears", "seriously_dishonest", "liquidation", "zombie_enterprise")
REASON_BIT = {name: 1 << i for i, name in enumerate(REASONS)}
PAYEES = {"none": 0, "public_account": 1, "contribution_account": 2, "unresolved": 3}

CONTRIBUTION_IN = {"region": "i", "unit.size": "i", "unit.type": "i", "insurance": "i",
                   "period": "i", "base": "q", "rate.num": "q", "rate.den": "q"}
SCREENING_IN = {"region": "i", "unit.size": "i", "unit.type": "i", "year": "i",
                "prior_year_paid": "q", "months_paid": "i", "layoffs": "q", "insured": "q",
                "arrears": "i", "dishonest": "i", "liquidation": "i", "zombie": "i",
                "already_refunded": "q", "has_public_account": "i"}
CONTRIBUTION_OUT = {"due": "q", "relief": "q", "payable": "q", "status": "i"}
SCREENING_OUT = {"eligible": "i", "amount": "q", "reasons": "i", "payee": "i", "status": "i"}


def read_columns(directory, spec):
    cols = {}
    for name, code in spec.items():
        a = array.array(code)
        path = os.path.join(directory, f"{name}.{'i32' if code == 'i' else 'i64'}")
        with open(path, "rb") as f:
            a.frombytes(f.read())
        cols[name] = a
    return cols


def write_outputs(directory, spec, cols):
    os.makedirs(directory, exist_ok=True)
    for name, code in spec.items():
        a = cols[name]
        if not isinstance(a, array.array) or a.typecode != code:
            a = array.array(code, a)
        with open(os.path.join(directory, f"{name}.{'i32' if code == 'i' else 'i64'}"), "wb") as f:
            a.tofile(f)


def emit(obj):
    print(json.dumps(obj), flush=True)


def skip(workload, contender, reason):
    emit({"kind": "skip", "workload": workload, "contender": contender, "reason": reason})


def timed(fn, runs):
    """fn() `runs` times; (last result, [ns, ...])."""
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        result = fn()
        times.append(time.perf_counter_ns() - t0)
    return result, times


def fen(d):
    return int(d.scaleb(2))  # exact: the amounts have two decimals


def money(fen_value):
    return Decimal(fen_value).scaleb(-2)


# --- contribution ------------------------------------------------------------------
def contribution_records(c):
    """(region, size, type, insurance, 'YYYY-MM', base, rate or None), as a ledger export."""
    out = []
    for i in range(len(c["region"])):
        p = c["period"][i]
        rate = Decimal(c["rate.num"][i]).scaleb(-4) if c["rate.den"][i] else None
        out.append((str(c["region"][i]), SIZES[c["unit.size"][i]], TYPES[c["unit.type"][i]],
                    INSURANCES[c["insurance"][i]], f"{p // 100:04d}-{p % 100:02d}",
                    money(c["base"][i]), rate))
    return out


def contribution_decimal(records, runs, out_dir):
    assess = py_rules.assess
    results, times = timed(lambda: [assess(*r) for r in records], runs)
    cols = {k: array.array(v) for k, v in CONTRIBUTION_OUT.items()}
    for r in results:
        if r is None:
            for k in ("due", "relief", "payable"):
                cols[k].append(0)
            cols["status"].append(3)  # not_found: no rate known
        else:
            cols["due"].append(fen(r[0]))
            cols["relief"].append(fen(r[1]))
            cols["payable"].append(fen(r[2]))
            cols["status"].append(0)
    write_outputs(out_dir, CONTRIBUTION_OUT, cols)
    return times


def read_amounts(items):
    """What a caller of contribution_batch reads: the three amounts."""
    for it in items:
        if it.ok:
            it.due, it.relief, it.payable
    return items


def contribution_per_record(sipolicy, engine, records, runs, out_dir, read=False):
    """Typed requests with Decimal amounts, as an integrator builds them."""
    Request, Unit = sipolicy.ContributionRequest, sipolicy.Unit
    requests = [Request(region=r[0], unit=Unit(r[1], r[2]), insurance=r[3], period=r[4],
                        base=r[5], rate=r[6]) for r in records]
    if read:
        items, times = timed(lambda: read_amounts(engine.contribution_batch(requests)), runs)
    else:
        items, times = timed(lambda: engine.contribution_batch(requests), runs)
    cols = {k: array.array(v) for k, v in CONTRIBUTION_OUT.items()}
    for it in items:
        if it.ok:
            cols["due"].append(fen(it.due))
            cols["relief"].append(fen(it.relief))
            cols["payable"].append(fen(it.payable))
            cols["status"].append(0)
        else:  # a BatchError
            for k in ("due", "relief", "payable"):
                cols[k].append(0)
            cols["status"].append(it.status)
    write_outputs(out_dir, CONTRIBUTION_OUT, cols)
    return times


# --- screening ---------------------------------------------------------------------
def screening_records(c):
    out = []
    for i in range(len(c["region"])):
        out.append((SIZES[c["unit.size"][i]], TYPES[c["unit.type"][i]],
                    money(c["prior_year_paid"][i]), c["months_paid"][i], c["layoffs"][i],
                    c["insured"][i], bool(c["arrears"][i]), bool(c["dishonest"][i]),
                    bool(c["liquidation"][i]), bool(c["zombie"][i]),
                    money(c["already_refunded"][i]), bool(c["has_public_account"][i])))
    return out


def screening_decimal(records, runs, out_dir):
    screen = py_rules.screen
    results, times = timed(lambda: [screen(*r) for r in records], runs)
    cols = {k: array.array(v) for k, v in SCREENING_OUT.items()}
    for eligible, amount, reasons, payee in results:
        cols["eligible"].append(int(eligible))
        cols["amount"].append(fen(amount))
        cols["reasons"].append(sum(REASON_BIT[r] for r in reasons))
        cols["payee"].append(PAYEES[payee])
        cols["status"].append(0)
    write_outputs(out_dir, SCREENING_OUT, cols)
    return times


# --- driver --------------------------------------------------------------------------
def main():
    directory, runs = sys.argv[1], int(sys.argv[2])
    out = os.path.join(directory, "out")
    cin = read_columns(os.path.join(directory, "contribution", "in"), CONTRIBUTION_IN)
    sin = read_columns(os.path.join(directory, "screening", "in"), SCREENING_IN)
    n_c, n_s = len(cin["region"]), len(sin["region"])

    records = contribution_records(cin)
    times = contribution_decimal(records, runs, os.path.join(out, "py_decimal", "contribution"))
    emit({"kind": "time", "workload": "contribution", "contender": "py_decimal", "n": n_c,
          "runs_ns": times})
    units = screening_records(sin)
    times = screening_decimal(units, runs, os.path.join(out, "py_decimal", "screening"))
    emit({"kind": "time", "workload": "screening", "contender": "py_decimal", "n": n_s,
          "runs_ns": times})

    try:
        import sipolicy
        engine = sipolicy.Engine()
    except Exception as e:  # the binding cannot load: every binding contender is skipped
        for wl, c in (("contribution", "py_columns"), ("screening", "py_columns"),
                      ("contribution", "py_records")):
            skip(wl, c, f"the Python binding cannot be loaded: {type(e).__name__}: {e}")
        return 0

    if hasattr(engine, "batch_columns"):
        for wl, op, cols, spec, n in (("contribution", "contribution", cin, CONTRIBUTION_OUT, n_c),
                                      ("screening", "stable_job_refund", sin, SCREENING_OUT, n_s)):
            res, times = timed(lambda: engine.batch_columns(op, cols, outputs=tuple(spec)), runs)
            write_outputs(os.path.join(out, "py_columns_alloc", wl), spec, res)
            emit({"kind": "time", "workload": wl, "contender": "py_columns_alloc", "n": n,
                  "runs_ns": times})
            del res
            try:  # the caller's arrays, filled in place (one warm-up call, as in bench_policy)
                bufs = {k: array.array(v, bytes(array.array(v).itemsize * n))
                        for k, v in spec.items()}
                engine.batch_columns(op, cols, out=bufs)
            except TypeError as e:  # a binding without out=
                skip(wl, "py_columns", f"Engine.batch_columns(..., out=) not available: {e}")
                continue
            res, times = timed(lambda: engine.batch_columns(op, cols, out=bufs), runs)
            write_outputs(os.path.join(out, "py_columns", wl), spec, res)
            emit({"kind": "time", "workload": wl, "contender": "py_columns", "n": n,
                  "runs_ns": times})
    else:
        for wl in ("contribution", "screening"):
            skip(wl, "py_columns",
                 "Python binding columnar batch (Engine.batch_columns) not available")

    if hasattr(sipolicy, "ContributionRequest") and hasattr(engine, "contribution_batch"):
        times = contribution_per_record(sipolicy, engine, records, runs,
                                        os.path.join(out, "py_records", "contribution"))
        emit({"kind": "time", "workload": "contribution", "contender": "py_records", "n": n_c,
              "runs_ns": times})
        times = contribution_per_record(sipolicy, engine, records, runs,
                                        os.path.join(out, "py_records_read", "contribution"),
                                        read=True)
        emit({"kind": "time", "workload": "contribution", "contender": "py_records_read",
              "n": n_c, "runs_ns": times})
    else:
        skip("contribution", "py_records",
             "Engine.contribution_batch(ContributionRequest, ...) not available")
    engine.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
