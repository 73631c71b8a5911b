"""sipolicy.testing: the project's golden case files (tests/cases, docs/testing.md)
run from Python, one subTest per case; a deliberately wrong case reported field by
field; malformed case files refused with file:line; the options; and the same
verdicts as `sipolicy test` when the CLI is at hand."""

import json
import os
from decimal import Decimal
import subprocess
import unittest
from pathlib import Path

from tests.support import LIB_PATH, env_for_subprocess  # noqa: F401 (loads the library under test)

import sipolicy
from sipolicy import testing

REPO = Path(__file__).resolve().parents[3]
CASES = REPO / "tests" / "cases"
WRONG = CASES / "selftest" / "wrong.jsonc"
SELFTEST = CASES / "selftest"


def _cli():
    """The `sipolicy` tool of the build under test: $SIPOLICY_CLI, else next to
    the library's build directory (<build>/bindings/c/libsipolicy.so.1 ->
    <build>/sipolicy)."""
    env = os.environ.get("SIPOLICY_CLI")
    if env:
        return env
    lib = Path(LIB_PATH).resolve()
    for candidate in (lib.parent.parent.parent / "sipolicy", lib.parent / "sipolicy",
                      lib.parent.parent / "bin" / "sipolicy"):
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


@unittest.skipUnless(CASES.is_dir(), "tests/cases is not next to this binding")
class ProjectCases(unittest.TestCase):
    def test_golden_cases_one_subtest_each(self):
        with sipolicy.Engine() as engine:
            report = testing.assert_cases(self, CASES, engine)
        self.assertTrue(report.ok)
        self.assertGreaterEqual(len(report.results), 60)
        # Every operation of the library has golden cases.
        ops = {r.case.request.get("op") for r in report.results}
        self.assertEqual(set(sipolicy.OPERATIONS) - ops, set())

    def test_every_case_says_why(self):
        for case in testing.load_cases(CASES):
            with self.subTest(case=case.name):
                self.assertTrue(case.why.strip())
                self.assertTrue(case.expect or case.cites)


@unittest.skipUnless(CASES.is_dir(), "tests/cases is not next to this binding")
class WrongCase(unittest.TestCase):
    def test_reported_field_by_field(self):
        report = testing.run_cases(WRONG)
        self.assertEqual((report.passed, report.failed), (1, 2))
        self.assertFalse(report.ok)
        wrong = report.failures[0]
        self.assertEqual((wrong.case.name, wrong.case.line), ("wrong: relief rounded down", 11))
        self.assertEqual(wrong.mismatches, (
            # 1600.01 / 2 = 800.005 -> 800.01 (half-up); the case claims 800.00.
            testing.Mismatch("relief", '"800.00"', '"800.01"'),
            testing.Mismatch("relief_ratio", "0.5", '"0.5"',
                             "the result gives a string: write the expected value in quotes"),
            testing.Mismatch("no.such.field", "true", None),
            testing.Mismatch("cites", '"人社部发〔2020〕49号"', None, "not among the result's rules"),
        ))
        self.assertIn(("jx-2020-11-large-halved", "赣人社发〔2020〕11号"), wrong.rules)
        text = str(report)
        self.assertIn(f"FAIL {WRONG}:11: wrong: relief rounded down", text)
        self.assertIn('  relief: expected "800.00", got "800.01"', text)
        self.assertTrue(text.endswith("1 passed, 2 failed"))
        error = report.failures[1]
        self.assertEqual(error.mismatches[0].path, "ok")
        self.assertEqual(error.error["field"], "amount")
        self.assertIn('  error: invalid_argument on "amount":', error.describe())

    def test_subtests_fail_one_by_one(self):
        class Inner(unittest.TestCase):
            def test_it(self):
                testing.assert_cases(self, WRONG)

        result = unittest.TestResult()
        Inner("test_it").run(result)
        self.assertEqual(len(result.failures), 2)
        self.assertIn("wrong: relief rounded down", result.failures[0][1])


@unittest.skipUnless(CASES.is_dir(), "tests/cases is not next to this binding")
class BadCaseFiles(unittest.TestCase):
    def check(self, name, line, text):
        with self.assertRaises(testing.CaseFileError) as cm:
            testing.run_cases(SELFTEST / name)
        self.assertEqual((cm.exception.file, cm.exception.line), (str(SELFTEST / name), line))
        self.assertIn(text, str(cm.exception))

    def test_bad_files(self):
        self.check("bad_json.jsonl", 3, "bad_json.jsonl:3:84:")
        self.check("bad_member.jsonl", 1, "'expected': unknown member")
        self.check("missing_why.jsonl", 2, "case 'y': why: is required")
        self.check("missing_pack.jsonc", 2, "packs[0]: no pack file")
        self.check("bad_path.jsonl", 2, "'..fee' is not a dotted path")

    def test_no_cases_and_no_directory_cases(self):
        with self.assertRaises(testing.CaseFileError):
            testing.load_cases(CASES / "packs" / "no-such-file.jsonl")
        with self.assertRaisesRegex(ValueError, "no case name contains"):
            testing.run_cases(WRONG, name_filter="nothing like this")


@unittest.skipUnless(CASES.is_dir(), "tests/cases is not next to this binding")
class Options(unittest.TestCase):
    def test_pack_as_of_filter(self):
        # A 14% pension rate: 10000.00 x 14% = 1400.00, halved 700.00, not 800.00.
        report = testing.run_cases(WRONG, packs=[CASES / "packs" / "pension-14.jsonc"],
                                   name_filter="right:")
        self.assertEqual(report.failures[0].mismatches,
                         (testing.Mismatch("relief", '"800.00"', '"700.00"'),))
        # As known on 2020-06-01 July 2020 was not yet relieved (49号: 2020-06-22).
        name = "Ji'an SME, July 2020: exempt under"
        self.assertTrue(testing.run_cases(CASES / "contribution.jsonl", name_filter=name).ok)
        late = testing.run_cases(CASES / "contribution.jsonl", as_of="2020-06-01", name_filter=name)
        self.assertEqual(late.failures[0].mismatches[0],
                         testing.Mismatch("relief_ratio", '"1"', '"0"'))


@unittest.skipUnless(CASES.is_dir(), "tests/cases is not next to this binding")
class AgreesWithCli(unittest.TestCase):
    def test_same_records_as_sipolicy_test_json(self):
        cli = _cli()
        if cli is None:
            self.skipTest("no `sipolicy` tool found next to the library (set SIPOLICY_CLI)")
        files = sorted(str(p) for p in CASES.glob("*.json[lc]")) + [str(WRONG)]
        proc = subprocess.run([cli, "test", "--json", *files], capture_output=True, text=True,
                              env=env_for_subprocess(), check=False)
        self.assertEqual(proc.returncode, 1, proc.stderr)
        summary = json.loads(proc.stdout.splitlines()[-1])
        report = testing.run_cases(files)
        self.assertEqual(summary, {"passed": report.passed, "failed": report.failed})

        def loads(text):
            return json.loads(text, parse_float=Decimal)  # exact, never binary floating point

        def normal(rec):  # expected/got as parsed JSON values, as the CLI writes them
            rec = dict(rec)
            rec["mismatches"] = [{k: (loads(v) if k in ("expected", "got") else v)
                                  for k, v in m.items()} for m in rec["mismatches"]]
            return rec

        mine = [normal(r.to_record()) for r in report.results]
        theirs = [loads(line) for line in proc.stdout.splitlines()[:-1]]
        self.assertEqual(len(mine), len(theirs))
        for a, b in zip(mine, theirs):
            self.assertEqual(a, b)


if __name__ == "__main__":
    unittest.main()
