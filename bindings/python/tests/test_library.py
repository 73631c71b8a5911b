"""Locating and loading the library, version checks, module-level helpers,
the exception classes, and the example script."""

import os
import pickle
import subprocess
import sys
import unittest
from unittest import mock

from tests import support
import sipolicy
from sipolicy import _lib
from sipolicy.errors import error_for_status, error_from_result


class LoadingTest(unittest.TestCase):
    def test_explicit_path_and_cache(self):
        self.assertIs(sipolicy.load_library(support.LIB_PATH), support.LIB)
        self.assertEqual(support.LIB.version, "0.2.0")
        self.assertEqual(support.LIB.version_number, 200)
        self.assertIn("0.2.0", repr(support.LIB))

    def test_environment_variable(self):
        with mock.patch.dict(os.environ, {"SIPOLICY_LIBRARY": support.LIB_PATH}):
            self.assertIs(sipolicy.load_library(), support.LIB)

    def test_bad_paths(self):
        with self.assertRaisesRegex(sipolicy.LibraryError, "cannot load"):
            sipolicy.load_library("/nonexistent/libsipolicy.so.1")
        with mock.patch.dict(os.environ, {"SIPOLICY_LIBRARY": "/nonexistent/libx.so"}):
            with self.assertRaises(sipolicy.LibraryError):
                sipolicy.Engine()
        # A loadable library without sipolicy's functions.
        libc = "libc.so.6" if sys.platform.startswith("linux") else None
        if libc:
            with self.assertRaisesRegex(sipolicy.LibraryError, "no sipolicy_"):
                sipolicy.Library(libc)
        self.assertTrue(issubclass(sipolicy.LibraryError, OSError))

    def test_version_mismatch(self):
        with mock.patch.object(_lib, "EXPECTED_MAJOR", 1):
            with self.assertRaisesRegex(sipolicy.VersionMismatchError, "major version 1"):
                sipolicy.Library(support.LIB_PATH)
        with mock.patch.object(_lib, "MINIMUM_VERSION", 299):
            with self.assertRaisesRegex(sipolicy.VersionMismatchError, "at least 0.2.99"):
                sipolicy.Library(support.LIB_PATH)

    def test_search_without_env(self):
        env = {k: v for k, v in os.environ.items() if k != "SIPOLICY_LIBRARY"}
        cands = sipolicy.candidate_paths()
        self.assertIn("libsipolicy.so.1", cands)
        with mock.patch.dict(os.environ, env, clear=True), \
                mock.patch.object(_lib, "_cache", {}):
            files = [c for c in sipolicy.candidate_paths() if os.path.isabs(c)]
            try:
                lib = sipolicy.load_library()
            except sipolicy.LibraryNotFoundError as e:
                self.assertFalse(files, f"{files} exist but none loaded: {e}")
                self.assertIn("SIPOLICY_LIBRARY", str(e))
            except sipolicy.LibraryError:
                pass  # e.g. only an ASan build is present and Python is not preloaded
            else:
                self.assertIn(lib.path, sipolicy.candidate_paths())

    def test_asan_build_without_runtime_is_refused_cleanly(self):
        # In this process the library loaded, so the check must not object.
        self.assertFalse(_lib._asan_runtime_missing(support.LIB_PATH))
        with open(support.LIB_PATH, "rb") as f:
            is_asan = b"libasan.so" in f.read()
        if not is_asan:
            self.skipTest("the library under test is not an AddressSanitizer build")
        env = support.env_for_subprocess()
        env.pop("LD_PRELOAD", None)
        proc = subprocess.run(
            [sys.executable, "-c", "import sipolicy\n"
             "try:\n    sipolicy.Engine()\n"
             "except sipolicy.LibraryError as e:\n    print('refused:', e)\n"],
            env=env, capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("refused:", proc.stdout)
        self.assertIn("LD_PRELOAD", proc.stdout)

    def test_module_helpers(self):
        self.assertEqual(sipolicy.library_version(), "0.2.0")
        self.assertEqual(sipolicy.library_version_number(support.LIB), 200)
        self.assertEqual(sipolicy.status_name(3), "not_found")
        self.assertEqual(sipolicy.status_name(0), "ok")
        self.assertEqual(sipolicy.status_name(1234), "unknown")
        self.assertEqual(sipolicy.status_name(2**40), "unknown")
        with self.assertRaises(TypeError):
            sipolicy.status_name("3")
        self.assertEqual(sipolicy.STATUS_CODES["unknown_op"], 5)


class ErrorsTest(unittest.TestCase):
    def test_hierarchy(self):
        E = sipolicy
        for cls, code, base in [(E.InvalidArgumentError, 1, ValueError),
                                (E.OutOfRangeError, 2, ValueError),
                                (E.NotFoundError, 3, LookupError),
                                (E.ParseError, 4, ValueError),
                                (E.UnknownOpError, 5, ValueError),
                                (E.InternalError, 6, E.SipolicyError),
                                (E.NoMemoryError, 7, MemoryError)]:
            err = error_for_status(code, "msg", "fld")
            self.assertIs(type(err), cls)
            self.assertIsInstance(err, E.SipolicyError)
            self.assertIsInstance(err, base)
            self.assertEqual((err.code, err.message, err.field), (code, "msg", "fld"))
            self.assertEqual(err.status_name, sipolicy.status_name(code))
        self.assertIs(type(error_for_status(42, "m")), sipolicy.SipolicyError)

    def test_str_repr_pickle(self):
        err = sipolicy.InvalidArgumentError(1, "invalid_argument", "bad base", "base")
        self.assertEqual(str(err), "invalid_argument: bad base (field 'base')")
        self.assertEqual(str(sipolicy.NotFoundError(3, "not_found", "none")), "not_found: none")
        self.assertIn("InvalidArgumentError(code=1", repr(err))
        back = pickle.loads(pickle.dumps(err))
        self.assertIs(type(back), sipolicy.InvalidArgumentError)
        self.assertEqual((back.code, back.field, back.message), (1, "base", "bad base"))

    def test_from_result(self):
        r = {"id": 1, "ok": False, "error": {"code": "not_found", "field": "rate", "message": "m"}}
        err = error_from_result(r)
        self.assertIsInstance(err, sipolicy.NotFoundError)
        self.assertEqual((err.code, err.field, err.result), (3, "rate", r))
        odd = error_from_result({"ok": False, "error": {"code": "brand_new", "message": "m"}})
        self.assertIs(type(odd), sipolicy.SipolicyError)
        self.assertEqual((odd.code, odd.status_name, odd.field), (-1, "brand_new", ""))
        self.assertIsInstance(error_from_result({"ok": False}), sipolicy.InternalError)


class ExampleTest(unittest.TestCase):
    def test_example_runs(self):
        example = support.BINDING_DIR / "example.py"
        proc = subprocess.run([sys.executable, str(example)], env=support.env_for_subprocess(),
                              capture_output=True, text=True, timeout=120)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("payable 800.00", proc.stdout)
        self.assertIn("赣人社发〔2020〕11号", proc.stdout)
        self.assertIn("record 1: invalid_argument on region", proc.stdout)
        self.assertIn("columns:", proc.stdout)


if __name__ == "__main__":
    unittest.main()
