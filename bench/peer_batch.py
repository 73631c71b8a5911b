"""The `sipolicy batch` peer: the same CSV, assessed with csv + decimal.

    python3 peer_batch.py units.csv out.csv

Reads the columns `sipolicy batch` reads (id, region, unit_size, unit_type,
insurance, period, base, rate) and writes the columns it writes (without the
rule citations).
"""

import csv
import sys
from decimal import Decimal

import py_rules

HEADER = ["id", "ok", "due", "relief_ratio", "relief", "payable", "rate", "rules",
          "error_code", "error_field", "error_message"]


def main():
    with open(sys.argv[1], newline="", encoding="utf-8") as fin, \
            open(sys.argv[2], "w", newline="", encoding="utf-8") as fout:
        w = csv.writer(fout, lineterminator="\n")
        w.writerow(HEADER)
        for row in csv.DictReader(fin):
            r = py_rules.assess(row["region"], row["unit_size"], row["unit_type"] or "enterprise",
                                row["insurance"], row["period"], Decimal(row["base"]),
                                Decimal(row["rate"]) if row["rate"] else None)
            if r is None:
                w.writerow([row["id"], "false", "", "", "", "", "", "", "not_found", "rate",
                            f"no default employer rate for {row['insurance']}"])
            else:
                due, relief, payable, ratio, rate = r
                w.writerow([row["id"], "true", due, ratio, relief, payable, rate, "", "", "", ""])


if __name__ == "__main__":
    main()
