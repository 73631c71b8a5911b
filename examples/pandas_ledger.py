#!/usr/bin/env python3
"""A notebook-style walk through sipolicy.pandas: load a CSV ledger of insured
units, run the 2022 job-stabilisation refund screening (稳岗返还 免申即享) over
it, and print the bulletin by county and unit size.

    PYTHONPATH=bindings/python SIPOLICY_LIBRARY=build/dev/bindings/c/libsipolicy.so.1 \\
    /usr/bin/python3 examples/pandas_ledger.py [LEDGER.csv]

The ledger (examples/data/jian_units_2021.csv) is synthetic: sixteen units
of three 吉安 counties with their 2021 figures (insured headcount at year end,
layoffs, months of unemployment insurance paid, what the unit and its
employees paid). Needs pandas (Debian: python3-pandas).
"""

import os
import sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
try:
    import sipolicy
except ImportError:  # run from the checkout: the binding is not installed
    sys.path.insert(0, os.path.join(HERE, "..", "bindings", "python"))
    import sipolicy
import pandas as pd

import sipolicy.pandas as sp

# %% 1. Load the ledger. Money is read as text, never as float: a float column
# is refused (binary floating point cannot hold most amounts exactly).
path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data", "jian_units_2021.csv")
units = pd.read_csv(path, dtype={"prior_year_paid": str}).set_index("unit_id")
print(f"{len(units)} units from {os.path.relpath(path)}")

# %% 2. Screen every unit for the 2022 refund. The columns are the request
# fields by name; "size" and "type" are renamed to the unit's members; "name"
# and "county" are no field and are left alone.
with sipolicy.Engine() as engine:
    results = sp.run(engine, "stable_job_screening", units,
                     rename={"unit.size": "size", "unit.type": "type"},
                     defaults={"year": 2022})

# %% 3. Per-unit results, aligned to the ledger's index.
shown = units[["name"]].join(results[["eligible", "amount", "payee", "reasons", "status"]])
print(shown.to_string())

# %% 4. The bulletin, by county and size (like the 2020-05-06 人民网 report's
# per-city lines): units paid, amount (exact 万元), employees covered, and the
# units refused for each reason.
summary = sp.screening_summary(units, results, by=["county", "size"])
reasons = [c for c in summary.columns[8:] if summary.loc["total", c].sum() > 0]
columns = ["units_screened", "units_paid", "total_amount", "total_amount_wan",
           "employees_covered", "not_eligible", "bad_records"] + reasons
print()
print(summary[columns].to_string())

total = summary.loc["total"].iloc[0]
wan = total["total_amount_wan"].quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
print(f"\n向{total['units_paid']}户企业返还稳岗资金{wan}万元，惠及职工{total['employees_covered']}人"
      f"（筛查{total['units_screened']}户，不符合{total['not_eligible']}户，"
      f"错误记录{total['bad_records']}条）")
for unit_id, row in results[results["status"] != "ok"].iterrows():
    print(f"  {unit_id}: {row['status']} {row['error_field']}: {row['error']}")
