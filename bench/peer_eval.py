"""The `sipolicy eval` peer: the same JSON Lines, answered with json + decimal.

    python3 peer_eval.py < requests.jsonl > results.jsonl

What an analyst writes to serve contribution requests without the library:
one JSON result line per request line, in order, with the fields sipolicy
puts first (it also cites the rules; this peer does not).
"""

import json
import sys
from decimal import Decimal

import py_rules


def answer(line):
    req = json.loads(line)
    unit = req.get("unit", {})
    rate = req.get("rate")
    r = py_rules.assess(req["region"], unit["size"], unit.get("type", "enterprise"),
                        req["insurance"], req["period"], Decimal(req["base"]),
                        Decimal(rate) if rate is not None else None)
    if r is None:
        return {"id": req.get("id"), "ok": False,
                "error": {"code": "not_found", "field": "rate",
                          "message": f"no default employer rate for {req['insurance']}"}}
    due, relief, payable, ratio, rate = r
    return {"id": req.get("id"), "ok": True, "due": str(due), "relief_ratio": str(ratio),
            "relief": str(relief), "payable": str(payable), "rate": str(rate)}


def main():
    out = sys.stdout
    for line in sys.stdin:
        out.write(json.dumps(answer(line), ensure_ascii=False, separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
