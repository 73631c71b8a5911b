"""The C ABI directly, through the declared prototypes: NULL handling,
status names, last-error state and string ownership."""

import ctypes
import unittest
from ctypes import byref, c_int32, c_int64, c_size_t, c_void_p

from tests import support

LIB = support.LIB
raw = LIB.raw
OK, INVALID = 0, 1


class RawAbiTest(unittest.TestCase):
    def setUp(self):
        self.engine = c_void_p()
        self.assertEqual(raw.sipolicy_engine_create(byref(self.engine)), OK)
        self.assertTrue(self.engine.value)
        self.addCleanup(raw.sipolicy_engine_free, self.engine)

    def assertNullError(self, status, field):
        self.assertEqual(status, INVALID)
        self.assertIn("must not be NULL", LIB.last_error())
        self.assertEqual(LIB.last_error_field(), field)

    def test_every_prototype_is_declared(self):
        import sipolicy._lib as lib_mod
        header = (support.BINDING_DIR.parent / "c" / "sipolicy.h")
        if header.is_file():
            import re
            declared = set(re.findall(r"SIPOLICY_API[^;]*?\b(sipolicy_\w+)\s*\(", header.read_text()))
            # Required at load time, or looked up on first use (newer functions).
            self.assertEqual(declared, set(lib_mod._PROTOTYPES) | set(lib_mod._OPTIONAL_PROTOTYPES))
            self.assertFalse(set(lib_mod._PROTOTYPES) & set(lib_mod._OPTIONAL_PROTOTYPES))
        for name in lib_mod._PROTOTYPES:
            fn = getattr(raw, name)
            self.assertIsNotNone(fn.argtypes, name)
        for name in lib_mod._OPTIONAL_PROTOTYPES:
            fn = LIB.optional(name)
            self.assertIs(fn is not None, hasattr(raw, name), name)
            if fn is not None:
                self.assertIsNotNone(fn.argtypes, name)

    def test_version_and_status_names(self):
        self.assertEqual(raw.sipolicy_version(), b"0.2.0")
        self.assertEqual(raw.sipolicy_version_number(), 200)
        names = [raw.sipolicy_status_name(i) for i in range(8)]
        self.assertEqual(names, [b"ok", b"invalid_argument", b"out_of_range", b"not_found",
                                 b"parse_error", b"unknown_op", b"internal", b"no_memory"])
        self.assertEqual(raw.sipolicy_status_name(99), b"unknown")
        self.assertEqual(raw.sipolicy_status_name(-1), b"unknown")

    def test_free_accepts_null(self):
        raw.sipolicy_engine_free(None)
        raw.sipolicy_string_free(None)

    def test_last_error_is_cleared_by_success(self):
        self.assertNullError(raw.sipolicy_engine_create(None), "out")
        out = c_void_p()
        self.assertEqual(raw.sipolicy_multiply_round(byref(out), b"1", b"1", None), OK)
        self.assertEqual(LIB.take_string(out), "1.00")
        self.assertEqual(raw.sipolicy_last_error(), b"")
        self.assertEqual(raw.sipolicy_last_error_field(), b"")

    def test_eval_json_nulls(self):
        out = c_void_p()
        self.assertNullError(raw.sipolicy_eval_json(None, self.engine, b"{}", 0), "out")
        self.assertNullError(raw.sipolicy_eval_json(byref(out), None, b"{}", 0), "engine")
        self.assertIsNone(out.value)
        self.assertNullError(raw.sipolicy_eval_json(byref(out), self.engine, None, 0), "request")
        self.assertNullError(raw.sipolicy_eval_jsonl(None, self.engine, b"{}", 0), "out")
        self.assertNullError(raw.sipolicy_eval_jsonl(byref(out), None, b"{}", 0), "engine")
        self.assertNullError(raw.sipolicy_eval_jsonl(byref(out), self.engine, None, 0), "lines")

    def test_eval_json_with_length(self):
        out = c_void_p()
        req = b'{"op":"nope"}trailing garbage'
        self.assertEqual(raw.sipolicy_eval_json(byref(out), self.engine, req, 13), OK)
        self.assertIn('"unknown_op"', LIB.take_string(out))
        self.assertIsNone(out.value)
        self.assertEqual(raw.sipolicy_eval_jsonl(byref(out), self.engine, b"{}\r\n\n{", 0), OK)
        self.assertEqual(LIB.take_string(out).count("\n"), 3)
        self.assertEqual(raw.sipolicy_eval_jsonl(byref(out), self.engine, b"", 0), OK)
        self.assertEqual(LIB.take_string(out), "")

    def test_load_pack_nulls(self):
        self.assertNullError(raw.sipolicy_engine_load_pack(None, b"{}", 0, None), "engine")
        self.assertNullError(raw.sipolicy_engine_load_pack(self.engine, None, 0, None), "text")
        self.assertNullError(raw.sipolicy_engine_load_pack_file(None, b"x"), "engine")
        self.assertNullError(raw.sipolicy_engine_load_pack_file(self.engine, None), "path")
        pack = support.TWO_THIRDS_PACK.encode()
        self.assertEqual(raw.sipolicy_engine_load_pack(self.engine, pack, len(pack), b"t"), OK)
        self.assertEqual(raw.sipolicy_engine_load_pack(self.engine, pack, 0, None), OK)

    def test_contribution_nulls_and_values(self):
        outs = [c_int64() for _ in range(5)]
        refs = [byref(o) for o in outs]
        args = (360800, 0, 0, 0, 202003, 1000005, 0, 0, 0)
        self.assertNullError(raw.sipolicy_contribution(None, *refs[1:], self.engine, *args), "out")
        self.assertNullError(raw.sipolicy_contribution(*refs, None, *args), "engine")
        self.assertEqual(raw.sipolicy_contribution(*refs, self.engine, *args), OK)
        self.assertEqual([o.value for o in outs], [160001, 80001, 80000, 1, 2])
        # Integer-coded argument checks.
        bad_period = (360800, 0, 0, 0, 202013, 1000005, 0, 0, 0)
        self.assertEqual(raw.sipolicy_contribution(*refs, self.engine, *bad_period), INVALID)
        self.assertEqual(LIB.last_error_field(), "period")
        bad_as_of = (360800, 0, 0, 0, 202003, 1000005, 0, 0, 20200230)
        self.assertEqual(raw.sipolicy_contribution(*refs, self.engine, *bad_as_of), INVALID)
        self.assertEqual(LIB.last_error_field(), "as_of")
        bad_rate = (360800, 0, 0, 0, 202003, 1000005, 1, -3, 0)  # den < 0 is normalised
        self.assertEqual(raw.sipolicy_contribution(*refs, self.engine, *bad_rate), 2)
        self.assertEqual(LIB.last_error_field(), "rate")

    def test_batch_nulls(self):
        n = 2
        I32, I64 = c_int32 * n, c_int64 * n
        due, relief, payable, status = I64(), I64(), I64(), I32()
        failed = c_size_t(99)
        region, size, utype, ins, period = I32(360800, 1), I32(0, 0), I32(0, 0), I32(0, 0), I32(
            202003, 202003)
        base = I64(1000005, 100)
        self.assertNullError(raw.sipolicy_contribution_batch(
            due, relief, payable, status, byref(failed), None, n, region, size, utype, ins,
            period, base, None, None, 0), "engine")
        self.assertEqual(failed.value, 0)
        self.assertNullError(raw.sipolicy_contribution_batch(
            None, relief, payable, status, None, self.engine, n, region, size, utype, ins,
            period, base, None, None, 0), "out")
        self.assertNullError(raw.sipolicy_contribution_batch(
            due, relief, payable, status, None, self.engine, n, None, size, utype, ins,
            period, base, None, None, 0), "input array")
        self.assertEqual(raw.sipolicy_contribution_batch(
            due, relief, payable, status, None, self.engine, n, region, size, utype, ins,
            period, base, I64(4, 4), None, 0), INVALID)
        self.assertEqual(LIB.last_error_field(), "rate")
        # n = 0 needs no arrays.
        self.assertEqual(raw.sipolicy_contribution_batch(
            None, None, None, None, None, self.engine, 0, None, None, None, None, None, None,
            None, None, 0), OK)
        self.assertEqual(raw.sipolicy_contribution_batch(
            due, relief, payable, status, byref(failed), self.engine, n, region, size, utype,
            ins, period, base, None, None, 0), OK)
        self.assertEqual(failed.value, 1)  # region 1 is not a region code
        self.assertEqual(list(status), [OK, INVALID])
        self.assertEqual(list(due), [160001, 0])

    def test_late_fee_nulls(self):
        fee, days = c_int64(), c_int32()
        self.assertNullError(raw.sipolicy_late_fee(None, byref(days), self.engine, 100000,
                                                   20200315, 20200401, 0, 0), "out")
        self.assertNullError(raw.sipolicy_late_fee(byref(fee), byref(days), None, 100000,
                                                   20200315, 20200401, 0, 0), "engine")
        self.assertEqual(raw.sipolicy_late_fee(byref(fee), byref(days), self.engine, 100000,
                                               20200315, 20200401, 0, 0), OK)
        self.assertEqual((fee.value, days.value), (850, 17))
        self.assertEqual(raw.sipolicy_late_fee(byref(fee), byref(days), self.engine, 100000,
                                               0, 20200401, 0, 0), INVALID)
        self.assertEqual(LIB.last_error_field(), "due_date")

    def test_multiply_round_nulls(self):
        out = c_void_p()
        self.assertNullError(raw.sipolicy_multiply_round(None, b"1", b"1", None), "out")
        self.assertNullError(raw.sipolicy_multiply_round(byref(out), None, b"1", None), "amount")
        self.assertNullError(raw.sipolicy_multiply_round(byref(out), b"1", None, None), "rate")
        self.assertEqual(raw.sipolicy_multiply_round(byref(out), b"1.005", b"1", None), INVALID)
        self.assertEqual(LIB.last_error_field(), "amount")
        self.assertIn("more than 2 decimals", LIB.last_error())
        self.assertEqual(raw.sipolicy_multiply_round(byref(out), b"1", b"x", None), INVALID)
        self.assertEqual(LIB.last_error_field(), "rate")
        self.assertIsNone(out.value)

    def test_returned_strings_are_owned_and_freed(self):
        out = c_void_p()
        for _ in range(1000):
            self.assertEqual(raw.sipolicy_eval_json(byref(out), self.engine, b'{"op":"x"}', 0), OK)
            ptr = out.value
            text = ctypes.string_at(ptr)
            self.assertTrue(text.startswith(b'{"id":null,"ok":false'))
            raw.sipolicy_string_free(out)


if __name__ == "__main__":
    unittest.main()
