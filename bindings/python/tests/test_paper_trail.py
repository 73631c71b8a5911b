"""The paper trail through the Python door: the catalog hash, the packs,
signed packs in trusted-keys mode, receipts and their replay (docs/receipts.md)."""

import json
import os
import re
import tempfile
import unittest

from tests import support

import sipolicy

# A pack replacing the national pension rate by 14% and its detached signature,
# made with a throwaway key (`sipolicy keygen`; the private key was not kept).
SIGNED_PACK = '{"format":"sipolicy-pack/1","name":"c-test","version":"1","documents":[{"id":"c-1","number":"test","issuer":"test","title":"t","issued":"2020-03-01"}],"rates":[{"id":"cn-2019-pension-16","document":"c-1","insurance":"pension","periods":["2019-05",null],"rate":"0.14"}]}'
SIGNATURE = '{"format":"sipolicy-signature/1","algorithm":"ed25519","key":"ef54b54cb7f31bdf0db2ad33ec4a0b232f5e8f4643a713fd01c3cec9bcf48bbe","pack_sha256":"09fd4a413b300a6d4b96d23f050da6772a54d994b8a8f5f131199e3fbf2531eb","signature":"86e4b3b0c1149f1f941751d4c383e2dcd1b2592f7b5e2ab5e7d61a1166ed4464bbbb024bcc45621858f798d97d3736c9aec893856d8ab5deff7c9297ecd18e02"}'
TEST_KEY = 'ef54b54cb7f31bdf0db2ad33ec4a0b232f5e8f4643a713fd01c3cec9bcf48bbe'
OTHER_KEY = "7a5c58dd53a5045e79fd8697e97c83d958d9f5e931b80247022bef266fa9aef9"

REQUEST = {"id": 1, "op": "contribution", "region": "440000", "unit": {"size": "large"},
           "insurance": "pension", "period": "2021-03", "base": "10000.00"}


class PaperTrailTest(unittest.TestCase):
    def setUp(self):
        if not support.LIB.has("sipolicy_engine_catalog_hash"):
            self.skipTest("the library under test predates the paper trail (0.2.0)")
        self.engine = sipolicy.Engine(support.LIB)

    def tearDown(self):
        self.engine.close()

    def test_hash_and_packs(self):
        h = self.engine.catalog_hash
        self.assertRegex(h, r"^[0-9a-f]{64}$")
        result = self.engine.call(REQUEST)
        self.assertEqual(result["catalog"], h[:16])
        self.assertEqual(result["sipolicy"], support.LIB.version)
        self.assertEqual(result["payable"], "1600.00")  # the national 16%
        self.assertEqual([p[0] for p in self.engine.packs],
                         ["builtin-contributions", "builtin-employment"])
        self.engine.load_pack_text(SIGNED_PACK, "c.jsonc")
        self.assertNotEqual(self.engine.catalog_hash, h)
        self.assertEqual(self.engine.packs[-1], ("c-test", "1", "c.jsonc"))
        self.assertEqual(self.engine.call(REQUEST)["payable"], "1400.00")  # 10,000.00 × 14%
        # The same pack with a comment and other spacing: the same catalog.
        with sipolicy.Engine(support.LIB) as other:
            other.load_pack_text("// reviewed\n" + SIGNED_PACK.replace(",", ", "), "x.jsonc")
            self.assertEqual(other.catalog_hash, self.engine.catalog_hash)

    def test_trusted_keys(self):
        before = self.engine.catalog_hash
        with self.assertRaises(sipolicy.InvalidArgumentError):
            self.engine.trust_key("not hex")
        self.engine.trust_key(TEST_KEY + "\n")  # a .pub file's text
        with self.assertRaisesRegex(sipolicy.PermissionDeniedError, "pack 'c.jsonc' is not signed"):
            self.engine.load_pack_text(SIGNED_PACK, "c.jsonc")
        with self.assertRaisesRegex(sipolicy.PermissionDeniedError, "changed after it was signed"):
            self.engine.load_pack_text(SIGNED_PACK + " ", "c.jsonc", signature=SIGNATURE)
        self.assertTrue(issubclass(sipolicy.PermissionDeniedError, PermissionError))
        self.assertEqual(self.engine.catalog_hash, before)
        self.engine.load_pack_text(SIGNED_PACK, "c.jsonc", signature=SIGNATURE)
        self.assertNotEqual(self.engine.catalog_hash, before)
        # A file with PATH.sig beside it.
        with tempfile.TemporaryDirectory() as d, sipolicy.Engine(support.LIB) as e:
            e.trust_key(OTHER_KEY)
            path = os.path.join(d, "c.jsonc")
            with open(path, "w", encoding="utf-8") as f:
                f.write(SIGNED_PACK)
            with open(path + ".sig", "w", encoding="utf-8") as f:
                f.write(SIGNATURE)
            with self.assertRaisesRegex(sipolicy.PermissionDeniedError, "does not trust"):
                e.load_pack_file(path)
            e.trust_key(TEST_KEY)
            e.load_pack_file(path)
            self.assertEqual(e.call(REQUEST)["payable"], "1400.00")

    def test_receipts(self):
        self.engine.load_pack_text(SIGNED_PACK, "c.jsonc")
        receipt = self.engine.eval_receipt(REQUEST)
        self.assertEqual(receipt["catalog"], self.engine.catalog_hash)
        self.assertEqual(receipt["result"]["payable"], "1400.00")
        self.assertEqual(receipt["packs"][-1], "c-test@1")
        self.assertEqual(receipt["request"], REQUEST)
        same = self.engine.replay_receipt(receipt)
        self.assertTrue(same["same"])
        self.assertEqual(same["kind"], "same")
        edited = json.loads(json.dumps(receipt))
        edited["result"]["payable"] = "1400.01"
        changed = self.engine.replay_receipt(edited)
        self.assertFalse(changed["same"])
        self.assertEqual(changed["differences"],
                         [{"field": "payable", "receipt": "1400.01", "replay": "1400.00"}])
        with sipolicy.Engine(support.LIB) as plain:
            mismatch = plain.replay_receipt(receipt)
            self.assertEqual(mismatch["kind"], "catalog_mismatch")
            self.assertIn(receipt["catalog"], mismatch["message"])
            self.assertIn(plain.catalog_hash, mismatch["message"])
        bad = self.engine.replay_receipt("junk")
        self.assertFalse(bad["ok"])
        self.assertEqual(bad["kind"], "bad_receipt")


if __name__ == "__main__":
    unittest.main()
