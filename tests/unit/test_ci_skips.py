"""Issue 13, Build: under CI=true a skipped test fails the run (tests/support/ci_skips.py),
unless it is marked impossible on this OS; the skips are listed at the end. Each case runs a
real pytest in a subprocess on a small test file."""

from __future__ import annotations

import pytest

from tests.support.relay import ROOT

TESTS = """
import sys
import pytest

def test_runs():
    pass

def test_needs_a_program():
    pytest.skip("frobnicator is not installed")

@pytest.mark.os_only("windows")
def test_windows_only():
    assert sys.platform == "win32"

@pytest.mark.os_only("linux", "macos", "windows")
def test_anywhere():
    pass

def test_impossible_by_reason():
    pytest.skip("impossible on this OS: a Windows named pipe")

@pytest.mark.xfail(reason="a known bug")
def test_known_bug():
    assert False
"""


def _run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, ci: str | None, *args: str):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    return pytester.runpytest_subprocess(
        "-p", "tests.support.ci_skips", "-p", "no:cacheprovider", "-rs", *args
    )


def test_ci_true_a_skip_fails_the_run_and_is_listed(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 Build (CI=true skips fail): a test that skips for a missing program fails the
    run under CI=true, and the summary names it with its reason."""
    pytester.makepyfile(test_sample=TESTS)
    result = _run(pytester, monkeypatch, "true")
    assert result.ret == 1, result.stdout.str()
    result.assert_outcomes(passed=2, skipped=3, xfailed=1)
    out = result.stdout.str()
    assert "CI=true: a skipped test fails the run" in out
    assert "test_sample.py::test_needs_a_program: frobnicator is not installed" in out
    assert "::test_windows_only:" not in out.split("a skipped test fails the run")[1]
    assert "::test_impossible_by_reason:" not in out.split("a skipped test fails the run")[1]


def test_ci_true_skips_impossible_on_this_os_pass(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 Build (CI=true skips fail): os_only tests for another OS and skips whose reason
    says impossible on this OS are the only skips CI accepts."""
    pytester.makepyfile(test_sample=TESTS)
    result = _run(pytester, monkeypatch, "true", "-k", "not needs_a_program")
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(passed=2, skipped=2, xfailed=1)
    assert "impossible on this OS: needs windows" in result.stdout.str()


def test_without_ci_a_skip_is_only_a_skip(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 13 Build: outside CI a missing program still only skips (a developer's machine)."""
    pytester.makepyfile(test_sample=TESTS)
    result = _run(pytester, monkeypatch, None)
    assert result.ret == 0, result.stdout.str()
    result.assert_outcomes(passed=2, skipped=3, xfailed=1)
    assert "a skipped test fails the run" not in result.stdout.str()
