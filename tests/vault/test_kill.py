"""A build killed at any moment (SIGKILL) leaves every file old or new, never torn, and the
next build finishes the job: the result equals an uninterrupted build.

Slow (many subprocess runs): `scripts/test --slow` and CI run it.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.slow

ITERATIONS = int(os.environ.get("ROADVAULT_KILL_ITERATIONS", "60"))


def roadmap(version: int) -> str:
    """A roadmap big enough that its build takes a while to write (~1,000 files)."""
    lines = ["# Kill Test Plan", ""]
    for p in range(12):
        title = f"Stage {p} {'revised' if version == 2 and p % 3 == 0 else 'plain'}"
        lines += [f"## {title}", ""]
        for t in range(8):
            lines += [f"### Topic {p}-{t}", ""]
            for i in range(6):
                suffix = " updated" if version == 2 and (i + t) % 4 == 0 else ""
                lines.append(f"- [ ] Item {p}-{t}-{i}{suffix}")
            if version == 2 and t == 0:
                lines.append(f"- [ ] Extra {p}")
            lines.append("")
    if version == 2:
        lines = [line for line in lines if "Topic 11-7" not in line]
    return "\n".join(lines) + "\n"


def run_build(roadmap_path: Path, vault: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "roadvault",
            "-q",
            "build",
            str(roadmap_path),
            "--vault",
            str(vault),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def snapshot(vault: Path) -> dict[str, bytes]:
    """Every file, except the lock, the history log and Progress.md (they follow the clock)."""
    out = {}
    for path in sorted(vault.rglob("*")):
        rel = path.relative_to(vault).as_posix()
        if path.is_file() and rel not in (
            ".roadvault/lock",
            ".roadvault/history.jsonl",
            "Progress.md",
        ):
            out[rel] = path.read_bytes()
    return out


def learner_work(vault: Path) -> None:
    """Ticks and lines in a few notes, so the rebuild merges rather than only replaces."""
    notes = (p for p in vault.rglob("Topic *-1.md") if ".roadvault" not in p.parts)
    for number, path in enumerate(sorted(notes)):
        text = path.read_text()
        text = text.replace("- [ ] Item", "- [x] Item", 1)
        path.write_text(text + f"\nMy note {number}.\n")


def prepare(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes], float]:
    """A vault built from V1 with learner work in it (`start`), the V2 roadmap, and the
    snapshots before and after an uninterrupted update (with how long that took)."""
    v1, v2 = tmp_path / "v1.md", tmp_path / "v2.md"
    v1.write_text(roadmap(1))
    v2.write_text(roadmap(2))
    start = tmp_path / "start"
    assert run_build(v1, start).wait() == 0
    learner_work(start)
    reference = tmp_path / "reference"
    shutil.copytree(start, reference)
    began = time.monotonic()
    assert run_build(v2, reference).wait() == 0
    duration = time.monotonic() - began
    old, new = snapshot(start), snapshot(reference)
    assert old != new
    return start, v2, old, new, duration


def test_killed_builds_leave_old_or_new_files_and_the_next_build_completes(
    tmp_path: Path,
) -> None:
    start, v2, old, new, duration = prepare(tmp_path)

    rng = random.Random(20261126)
    torn_checked = 0
    for iteration in range(ITERATIONS):
        vault = tmp_path / f"run{iteration}"
        shutil.copytree(start, vault)
        process = run_build(v2, vault)
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(vault)
        for rel, data in now.items():
            if "/.rv-" in f"/{rel}" and rel.endswith(".tmp"):
                continue  # a temp file the kill left behind (hidden; cleaned by the next build)
            if rel == ".roadvault/pending.json":
                continue  # what the killed build was writing, left for the next one
            assert data in (old.get(rel), new.get(rel)), f"run {iteration}: {rel} is torn"
            torn_checked += 1
        # The next build completes and equals an uninterrupted one.
        assert run_build(v2, vault).wait() in (0, 3)
        after = snapshot(vault)
        assert after == new, f"run {iteration}: differs from an uninterrupted build: " + str(
            sorted(set(after.items()) ^ set(new.items()))[:3]
        )
        shutil.rmtree(vault)
    assert torn_checked > 0


# Dies (like SIGKILL: no cleanup, no finally) at the N-th replace or unlink the build makes.
_DIE_AT_NTH_WRITE = """
import os, sys
limit, calls = int(sys.argv[1]), [0]
def dying(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == limit:
            os._exit(9)
        return real(*args, **kwargs)
    return call
os.replace, os.unlink = dying(os.replace), dying(os.unlink)
sys.argv = ["roadvault", "-q", "build", sys.argv[2], "--vault", sys.argv[3]]
from roadvault.cli import main
main()
"""


def test_a_build_dying_at_any_write_recovers_on_the_next(tmp_path: Path) -> None:
    """Deterministic companion of the SIGKILL test: die at every Nth file operation."""
    start, v2, old, new, _ = prepare(tmp_path)
    step = int(os.environ.get("ROADVAULT_DIE_STEP", "3"))
    died = 0
    for limit in range(1, 100_000, step):
        vault = tmp_path / "run"
        shutil.copytree(start, vault)
        command = [sys.executable, "-c", _DIE_AT_NTH_WRITE, str(limit), str(v2), str(vault)]
        code = subprocess.run(command, cwd=REPO, capture_output=True).returncode
        if code != 9:
            assert code == 0
            break  # the build made fewer writes than `limit`: every point was covered
        died += 1
        for rel, data in snapshot(vault).items():
            if rel == ".roadvault/pending.json":
                continue  # what the dying build was writing, left for the next one
            if not (rel.rsplit("/", 1)[-1].startswith(".rv-") and rel.endswith(".tmp")):
                assert data in (old.get(rel), new.get(rel)), f"died at {limit}: {rel} is torn"
        assert run_build(v2, vault).wait() == 0
        assert snapshot(vault) == new, f"died at write {limit}: recovery differs"
        shutil.rmtree(vault)
    assert died * step >= 150  # the build was big enough to have many write points
