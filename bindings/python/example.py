#!/usr/bin/env python3
"""sipolicy from Python: one contribution and one late fee.

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/dev/bindings/c/libsipolicy.so.1 \
        python3 bindings/python/example.py
"""

import sys
from decimal import Decimal

import sipolicy


def main() -> int:
    with sipolicy.Engine() as engine:
        # A large enterprise in Ji'an (360800), pension, March 2020: 减半征收.
        r = engine.contribution(region="360800", unit_size="large", insurance="pension",
                                period="2020-03", base=Decimal("10000.05"))
        print(f"contribution: due {r.due}, relief ratio {r.relief_ratio}, "
              f"relief {r.relief}, payable {r.payable}")

        # 滞纳金 on 1000.00 due 2020-03-15, paid 2020-04-01.
        fee = engine.late_fee(amount="1000.00", due_date="2020-03-15", paid_date="2020-04-01")
        print(f"late fee: {fee.days} days, fee {fee.fee}")

        # The same through the JSON entry point.
        res = engine.call({"op": "late_fee", "amount": "1000.00",
                           "due_date": "2020-03-15", "paid_date": "2020-04-01"},
                          raise_on_error=True)
        print(f"late fee (JSON): {res['days']} days at {res['daily_rate']}/day, fee {res['fee']}")

        ok = (r.payable == Decimal("800.00") and fee.fee == Decimal("8.50")
              and res["fee"] == "8.50")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
