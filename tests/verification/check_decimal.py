#!/usr/bin/env python3
"""Differential test: sipolicy's exact decimal arithmetic versus Python's decimal.

Usage: check_decimal.py GENERATOR [--multiplier N] [--min-cases N]

Runs GENERATOR (decimal_differential_gen), which prints one line per random
case with the inputs and sipolicy's result (see the format in
decimal_differential_gen.cc), recomputes every case here with the standard
library only, and requires an exact textual match.

The reference semantics, written down from sipolicy/decimal.hpp's documentation:
  * Text grammar: -?[0-9]+(\\.[0-9]+)?, at most 18 fraction digits, and the
    digits of int+frac (leading zeros dropped) at most 10^18 as an integer.
    Anything else is INVALID_ARGUMENT.
  * Money: at most 2 decimals once trailing zeros are dropped (else
    INVALID_ARGUMENT), |x| <= 10^15 yuan (else OUT_OF_RANGE); printed with
    exactly two decimals and never as -0.00.
  * Ratio: "p/q" (two integers, q written without '-', q != 0) or a decimal,
    kept in lowest terms, parts <= 10^18; printed as the shortest decimal when
    the denominator is 2^a 5^b, else "p/q".
  * Exact: a rational in lowest terms with |num|, den <= 10^36, else
    OUT_OF_RANGE; division by zero is INVALID_ARGUMENT.
  * Rounding {scale, mode}: quantize to 10^-scale; UNNECESSARY is
    INVALID_ARGUMENT when the value is not exact at the scale. Scale outside
    -6..18 is INVALID_ARGUMENT; money rounding allows scale <= 2 only.
    A rounded Decimal must have |units| <= 10^18 (units at max(scale, 0)
    decimals), money |x| <= 10^15 yuan; else OUT_OF_RANGE.
Values are computed with a 120-digit decimal context: products are exact
(the Inexact condition is trapped), the one division per case uses ROUND_DOWN
so that the later quantize() in the requested mode rounds correctly (120
digits leave > 37 digits below any rounding position, and a nonzero remainder
of p/q with q <= 10^36 shows within 37 digits), and the Inexact flag of that
division tells whether the quotient was exact, for UNNECESSARY.
"""

import argparse
import math
import re
import subprocess
import sys
import time
from decimal import (ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_HALF_EVEN,
                     ROUND_HALF_UP, ROUND_UP, Context, Decimal, DivisionByZero, Inexact,
                     InvalidOperation, Overflow, Rounded)

INVALID = "ERROR INVALID_ARGUMENT"
RANGE = "ERROR OUT_OF_RANGE"

# Products and sums must be exact: any rounding raises.
EXACT = Context(prec=120, rounding=ROUND_DOWN, Emax=10**6, Emin=-10**6,
                traps=[InvalidOperation, DivisionByZero, Overflow, Inexact, Rounded])
# The one division per case truncates; flags record whether it was exact.
DIV = Context(prec=120, rounding=ROUND_DOWN, Emax=10**6, Emin=-10**6,
              traps=[InvalidOperation, DivisionByZero, Overflow])

MODES = {
    "UP": ROUND_UP, "DOWN": ROUND_DOWN, "CEILING": ROUND_CEILING, "FLOOR": ROUND_FLOOR,
    "HALF_UP": ROUND_HALF_UP, "HALF_DOWN": ROUND_HALF_DOWN, "HALF_EVEN": ROUND_HALF_EVEN,
    "UNNECESSARY": None,  # Python has no such mode: exactness is checked below
}

GRAMMAR = re.compile(rb"(-?)([0-9]+)(?:\.([0-9]+))?")
EXACT_LIMIT = 10**36
RATIO_LIMIT = 10**18
MONEY_LIMIT = Decimal(10) ** 15


class Failure(Exception):
    """The case ends in an error status; str() is the expected output."""


def fail(what):
    raise Failure(what)


def parse_text(text):
    """bytes -> (negative, int digits, frac digits) or Failure(INVALID)."""
    m = GRAMMAR.fullmatch(text)
    if not m:
        fail(INVALID)
    intp, frac = m.group(2), m.group(3) or b""
    digits = (intp + frac).lstrip(b"0")
    if len(frac) > 18 or len(digits) > 19 or (digits and int(digits) > 10**18):
        fail(INVALID)
    return m.group(1) == b"-", intp, frac


def money(text):
    """Money text -> exact Decimal value."""
    _, _, frac = parse_text(text)
    value = Decimal(text.decode("ascii"))
    if frac[2:].strip(b"0"):
        fail(INVALID)  # more than two decimals that matter
    if abs(value) > MONEY_LIMIT:
        fail(RANGE)
    return value


class Q:
    """An exact operand: reduced integers (for the range rules) and an
    unreduced decimal numerator/denominator (for the arithmetic)."""
    __slots__ = ("n", "d", "N", "D")

    def __init__(self, n, d, N, D):
        if d < 0:
            n, d = -n, -d
        g = math.gcd(n, d)
        self.n, self.d = n // g, d // g
        self.N, self.D = N, D

    def check(self, limit=EXACT_LIMIT):
        if abs(self.n) > limit or self.d > limit:
            fail(RANGE)
        return self


_RATIO_MEMO = {}


def ratio(text):
    """Ratio text -> Q (ratio range checked); memoised, rates repeat a lot."""
    hit = _RATIO_MEMO.get(text)
    if hit is None:
        try:
            hit = (True, parse_ratio(text))
        except Failure as e:
            hit = (False, str(e))
        if len(_RATIO_MEMO) < 200_000:
            _RATIO_MEMO[text] = hit
    if not hit[0]:
        fail(hit[1])
    return hit[1]


def parse_ratio(text):
    """Ratio text -> Q (ratio range checked)."""
    if b"/" in text:
        a, b = text.split(b"/", 1)
        na, ia, fa = parse_text(a)
        nb, ib, fb = parse_text(b)
        if fa or fb or nb:
            fail(INVALID)
        n, d = (-1 if na else 1) * int(ia), int(ib)
        if d == 0:
            fail(INVALID)
        return Q(n, d, Decimal(a.decode()), Decimal(b.decode())).check(RATIO_LIMIT)
    neg, ip, fp = parse_text(text)
    n = (-1 if neg else 1) * int(ip + fp)
    return Q(n, 10 ** len(fp), Decimal(text.decode()), Decimal(1)).check(RATIO_LIMIT)


def mul(a, b):
    return Q(a.n * b.n, a.d * b.d, EXACT.multiply(a.N, b.N), EXACT.multiply(a.D, b.D)).check()


def div(a, b):
    if b.n == 0:
        fail(INVALID)
    return Q(a.n * b.d, a.d * b.n, EXACT.multiply(a.N, b.D), EXACT.multiply(a.D, b.N)).check()


def add(a, b, sign=1):
    N = EXACT.add(EXACT.multiply(a.N, b.D), EXACT.multiply(EXACT.multiply(b.N, a.D), sign))
    return Q(a.n * b.d + sign * b.n * a.d, a.d * b.d, N, EXACT.multiply(a.D, b.D)).check()


def round_value(N, D, scale, mode, money_rule=False):
    """Rounds N/D to 10^-scale; returns an integer count of 10^-scale units."""
    if money_rule and scale > 2:
        fail(INVALID)
    if scale < -6 or scale > 18:
        fail(INVALID)
    DIV.clear_flags()
    x = DIV.divide(N, D)
    inexact = DIV.flags[Inexact]
    quantum = Decimal(1).scaleb(-scale)
    if MODES[mode] is None:
        q = x.quantize(quantum, rounding=ROUND_DOWN, context=DIV)
        if inexact or q != x:
            fail(INVALID)
    else:
        q = x.quantize(quantum, rounding=MODES[mode], context=DIV)
    units = q.scaleb(scale, context=EXACT)
    assert units == units.to_integral_value()
    return int(units)


def fmt_units(units, scale):
    """units / 10^scale with exactly scale decimals, no -0."""
    digits = str(abs(units)).rjust(scale + 1, "0")
    sign = "-" if units < 0 else ""
    return sign + (digits[:-scale] + "." + digits[-scale:] if scale > 0 else digits)


def money_result(units, scale):
    fen = units * 10 ** (2 - scale)
    if abs(fen) > 10**17:
        fail(RANGE)
    return fmt_units(fen, 2)


def decimal_result(units, scale):
    if scale < 0:
        units *= 10 ** (-scale)
        scale = 0
    if abs(units) > 10**18:
        fail(RANGE)
    return fmt_units(units, scale)


def ratio_string(q):
    d = q.d
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return f"{q.n}/{q.d}"
    k = 0
    while 10**k % q.d:
        k += 1
    return fmt_units(q.n * (10**k // q.d), k)


def ratio_matches(q, got):
    """Ratio::ToString as documented; when the decimal does not fit the grammar
    (more than 18 digits), "p/q" is accepted too. Either way the C++ side
    checks that the text parses back (else it appends ROUNDTRIP-MISMATCH)."""
    want = ratio_string(q)
    if got != want and got == f"{q.n}/{q.d}":
        try:
            parse_text(want.encode())
        except Failure:
            return got
    return want


def expected(fields, got):
    kind = fields[0]
    if kind in ("ADD", "SUB"):
        a, b = money(fields[1].encode()), money(fields[2].encode())
        r = EXACT.add(a, b) if kind == "ADD" else EXACT.subtract(a, b)
        if abs(r) > MONEY_LIMIT:
            fail(RANGE)
        return fmt_units(int(r.scaleb(2, context=EXACT)), 2)
    if kind == "MR":
        m = money(fields[1].encode())
        q = ratio(fields[2].encode())
        mode, scale = fields[3], int(fields[4])
        units = round_value(EXACT.multiply(m, q.N), q.D, scale, mode, money_rule=True)
        return money_result(units, scale)
    if kind in ("RP", "RQ", "RA", "RS", "RM"):
        a, b = ratio(fields[1].encode()), ratio(fields[2].encode())
        x = {"RP": mul, "RQ": div, "RM": div, "RA": add,
             "RS": lambda p, q: add(p, q, -1)}[kind](a, b)
        mode, scale = fields[3], int(fields[4])
        if kind == "RM":
            return money_result(round_value(x.N, x.D, scale, mode, money_rule=True), scale)
        return decimal_result(round_value(x.N, x.D, scale, mode), scale)
    if kind == "RQ3":
        a, b, c = (ratio(f.encode()) for f in fields[1:4])
        x = div(mul(a, b), c)
        mode, scale = fields[4], int(fields[5])
        return decimal_result(round_value(x.N, x.D, scale, mode), scale)
    if kind in ("PM", "PD", "PR"):
        assert fields[1].startswith("x")
        text = bytes.fromhex(fields[1][1:])
        if kind == "PM":
            return fmt_units(int(money(text).scaleb(2, context=EXACT)), 2)
        if kind == "PD":
            neg, ip, fp = parse_text(text)
            return fmt_units((-1 if neg else 1) * int(ip + fp), len(fp))
        return ratio_matches(ratio(text), got)
    raise ValueError(f"unknown case kind {kind!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("generator")
    ap.add_argument("--multiplier", type=int, default=1)
    ap.add_argument("--min-cases", type=int, default=200_000)
    args = ap.parse_args()

    t0 = time.monotonic()
    proc = subprocess.run([args.generator, str(args.multiplier)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    t1 = time.monotonic()
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode(errors="replace"))
        print(f"generator exited with status {proc.returncode}")
        return 1
    lines = proc.stdout.decode("ascii").splitlines()
    if not lines or not lines[-1].startswith("END "):
        print("generator output is truncated (no END line)")
        return 1
    declared = int(lines[-1].split()[1])
    lines = lines[:-1]

    passed = failed = 0
    mismatches = []
    stats = {}
    for line in lines:
        inputs, sep, got = line.partition(" | ")
        fields = inputs.split(" ")
        try:
            want = expected(fields, got)
        except Failure as e:
            want = str(e)
        except (ValueError, IndexError, AssertionError, UnicodeDecodeError) as e:
            want = f"(malformed case line: {e!r})"
        key = fields[0]
        s = stats.setdefault(key, [0, 0, 0])
        s[0] += 1
        if want == INVALID:
            s[1] += 1
        elif want == RANGE:
            s[2] += 1
        if sep and got == want:
            passed += 1
        else:
            failed += 1
            if len(mismatches) < 10:
                mismatches.append((line, want))
    t2 = time.monotonic()

    for line, want in mismatches:
        print(f"MISMATCH: {line}\n   python decimal expects: {want}")
    print("case kinds (cases / expected INVALID_ARGUMENT / expected OUT_OF_RANGE):")
    for k, (n, inv, rng) in sorted(stats.items()):
        print(f"  {k:4} {n:7} {inv:7} {rng:7}")
    print(f"generator {t1 - t0:.2f}s, python check {t2 - t1:.2f}s")
    ok = failed == 0
    if len(lines) != declared:
        print(f"generator declared {declared} cases but printed {len(lines)}")
        ok = False
    if len(lines) < args.min_cases:
        print(f"only {len(lines)} cases; at least {args.min_cases} are required")
        ok = False
    print(f"{passed} passed, {failed} failed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
