"""Shared helpers: the library under test is $SIPOLICY_LIBRARY (run_tests.py
and ctest set it), else whatever sipolicy.load_library() finds."""

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BINDING_DIR = HERE.parent
if str(BINDING_DIR) not in sys.path:
    sys.path.insert(0, str(BINDING_DIR))

import sipolicy  # noqa: E402

LIB = sipolicy.load_library()
LIB_PATH = LIB.path

#: Whether the library under test has the columnar call and the description.
HAS_BATCH = LIB.has("sipolicy_batch")
HAS_DESCRIBE = LIB.has("sipolicy_describe")
NO_BATCH = ("the library under test does not export sipolicy_batch (built before the "
            "columnar batches)")
NO_DESCRIBE = "the library under test does not export sipolicy_describe"


def import_optional(name):
    """numpy/pandas when this Python has them (Debian's python3-numpy and
    python3-pandas serve /usr/bin/python3 only), else None."""
    import importlib
    try:
        return importlib.import_module(name)
    except Exception:  # noqa: BLE001 — ImportError, or a broken install
        return None

# A pack that halves nothing but grants a 2/3 relief ratio to large units in
# Beijing for 2021-01..03: a ratio that is not a finite decimal.
TWO_THIRDS_PACK = """// test pack: a 2/3 relief ratio
{
  "format": "sipolicy-pack/1", "name": "python-test", "version": "1",
  "documents": [{"id": "py-test-doc", "number": "测试〔2021〕1号", "issuer": "test",
                 "title": "python binding test", "issued": "2020-12-01"}],
  "exemptions": [{"id": "py-test-two-thirds", "document": "py-test-doc", "region": "110000",
                  "units": ["large_or_other"], "periods": ["2021-01", "2021-03"],
                  "ratio": "2/3"}]
}
"""

# Replaces the default contribution rounding (HALF_UP@2) by HALF_UP@0.
ROUND_TO_YUAN_PACK = """{
  "format": "sipolicy-pack/1", "name": "python-test-rounding", "version": "1",
  "rounding": [{"id": "cn-rounding-contribution", "document": "sipolicy-conventions",
                "region": "000000", "item": "contribution", "rule": "HALF_UP@0"}]
}"""


def env_for_subprocess():
    env = dict(os.environ)
    env["SIPOLICY_LIBRARY"] = LIB_PATH
    env["PYTHONPATH"] = os.pathsep.join(
        [str(BINDING_DIR)] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else []))
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
