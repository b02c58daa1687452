"""Shared test helpers: the Hypothesis profiles, write and read whole folder trees, and the
fixtures of tests/support (a private cache for every test, a clock moved by hand)."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from support.cache import private_cache_dir  # noqa: F401 (autouse: every test its own cache)
from support.clock import FakeClock
from support.disk import no_disk_flushes  # noqa: F401 (autouse: no flushes in tests)

# Under PYTHONDONTWRITEBYTECODE every run (and every xdist worker, and every `python -m
# roadvault` a test starts) compiled the sources and rewrote the tests' asserts anew: ~4 s of
# CPU per process before the first test. Keep the bytecode in the venv instead (nothing is
# written next to the sources, which is what that setting is for).
if sys.dont_write_bytecode and not sys.pycache_prefix and sys.prefix != sys.base_prefix:
    sys.pycache_prefix = os.path.join(sys.prefix, "pycache")
    sys.dont_write_bytecode = False
    os.environ["PYTHONPYCACHEPREFIX"] = sys.pycache_prefix
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Hypothesis profiles, chosen by HYPOTHESIS_PROFILE:
# - "quick": the default of a local run (scripts/test, plain pytest): a fifth of the examples
#   of "ci" (QUICK_SHARE), so the quick suite stays within a minute on 2 cores.
# - "ci": the default when CI is set (.ci/run) and of scripts/test --slow: the figures the
#   tests were tuned to (a test's `examples(n)`, else Hypothesis' 100). Run it locally with
#   HYPOTHESIS_PROFILE=ci scripts/test before a change to a property's code.
# - "long": local soak runs, 5,000 examples each: HYPOTHESIS_PROFILE=long scripts/test --slow
# "quick" and "ci" run the same examples every time (derandomize): a gate that passes or fails
# on the code, not on the draw. New examples are explored by "long", random each run.
QUICK_SHARE = 5
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile(
    "quick",
    settings.get_profile("ci"),
    max_examples=settings.get_profile("ci").max_examples // QUICK_SHARE,
)
settings.register_profile(
    "long",
    deadline=None,
    max_examples=5000,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "quick")
settings.load_profile(PROFILE)


def examples(ci: int) -> int:
    """How many examples a property test draws: `ci` (the figure it was tuned to) under the
    "ci" profile, a fifth of it (at least 10) under "quick", the profile's own
    `max_examples` under any other (5,000 under "long").

    Use it in place of a bare `max_examples=` pin, which would override the profile:
    `@settings(max_examples=examples(150))`.
    """
    if PROFILE == "ci":
        return ci
    if PROFILE == "quick":
        return max(10, ci // QUICK_SHARE)
    return settings.default.max_examples


REPO = Path(__file__).resolve().parents[1]

# roadvault's caches (scan cache, build fast path) live outside vaults, in the user's cache
# folder: keep the suite's own away from the real one, and fresh for every run. Each test
# gets one of its own besides (support.cache); this one serves module-scoped set-ups.
os.environ["ROADVAULT_CACHE_DIR"] = tempfile.mkdtemp(prefix="roadvault-test-cache-")
# Dates in Progress.md are the learner's local dates: golden files are made in UTC unless
# the run asks for a zone (TZ=Pacific/Kiritimati scripts/test); zone tests set their own.
os.environ.setdefault("TZ", "UTC")
SHARED = REPO.parent / "shared"


def write_tree(root: Path, files: dict[str, str | bytes]) -> None:
    """Create `files` (POSIX relpath -> text or bytes) under `root`."""
    for relpath, content in files.items():
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_bytes(content.encode("utf-8"))
        else:
            path.write_bytes(content)


def read_tree(root: Path, *, skip: Callable[[str], bool] | None = None) -> dict[str, str]:
    """Every file under `root` as POSIX relpath -> text (sorted), optionally skipping some."""
    tree: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            relpath = path.relative_to(root).as_posix()
            if skip is None or not skip(relpath):
                tree[relpath] = path.read_bytes().decode("utf-8", errors="replace")
    return tree


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite expected golden files from the current output (review the diff!)",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))
