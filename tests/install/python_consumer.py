"""python_consumer.py — the pip-installed Python binding, run by
install_test.cmake in a fresh virtual environment with no PYTHONPATH and no
SIPOLICY_LIBRARY: the package and its libsipolicy.so.1 come from the wheel pip
built from <prefix>/share/sipolicy/python.

吉安 (360800), large enterprise, pension, 2020-03, base 10000.05 yuan:
  due = 10000.05 x 0.16 = 1600.008 -> 1600.01; halved (赣人社发〔2020〕11号):
  relief = 800.005 -> 800.01; payable = 1600.01 - 800.01 = 800.00.
Prints "python: <due> <relief> <payable> <package dir> <library>" and exits 0
when the amounts are those.
"""

import os
import sys
from decimal import Decimal

import sipolicy


def main() -> int:
    with sipolicy.Engine() as engine:
        r = engine.contribution(region="360800", unit={"size": "large"}, insurance="pension",
                                period="2020-03", base=Decimal("10000.05"))
        library = os.path.realpath(engine.library.path)
    package = os.path.dirname(os.path.realpath(sipolicy.__file__))
    print(f"python: {r.due} {r.relief} {r.payable} {package} {library}")
    ok = (r.due, r.relief, r.payable) == (Decimal("1600.01"), Decimal("800.01"), Decimal("800.00"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
