"""A folder swapped for a symlink *while* builds write into it (`renameat2` with
RENAME_EXCHANGE in a tight loop, as an attacker or a confused sync tool would): nothing is
ever written outside the vault, and no temp file is left there.

Before: each path was checked with `lstat`, then `mkstemp`/`os.replace` resolved it again,
so 29 of 500 builds wrote outside. Now every write goes through a descriptor of the folder
that was checked (`fsio.open_folder`, `openat` with O_NOFOLLOW|O_DIRECTORY).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from roadvault.errors import RoadvaultError
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault

from .helpers import tree_bytes

RENAME_EXCHANGE = 2
AT_FDCWD = -100

_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or _renameat2 is None, reason="needs renameat2"
)


def exchange(a: Path, b: Path) -> bool:
    return _renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


SWAPPER = """
import ctypes, ctypes.util, os, signal, sys
libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
a, b = os.fsencode(sys.argv[1]), os.fsencode(sys.argv[2])
count = 0
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
while not stop:
    if libc.renameat2(-100, a, -100, b, 2) == 0:
        count += 1
print(count)
"""


def roadmap(step: int) -> str:
    # The Basics topic changes on every build, so every build writes into its folder.
    return (
        "# Swap Plan\n\n## Basics\n\n### Python\n\n"
        f"- [ ] Syntax, take {step}\n- [ ] Functions\n\n"
        "### Tools\n\n- [ ] Git\n- [ ] Shell\n\n## Later\n\n### Web\n\n- [ ] HTTP\n- [ ] HTML\n"
    )


def run_race(tmp_path: Path, builds: int) -> None:
    vault, outside = tmp_path / "vault", tmp_path / "outside"
    build_vault(parse_roadmap(roadmap(0), source="plan.md"), vault)
    folder = vault / "Swap Plan" / "01 Basics"
    shutil.copytree(folder, outside)  # same names outside: a write through would hit them
    decoy = vault / "Swap Plan" / ".swap"
    os.symlink(outside, decoy)
    before = tree_bytes(outside)

    # The swapper is its own process, so it races the build truly in parallel.
    swapper = subprocess.Popen(
        [sys.executable, "-c", SWAPPER, os.fspath(folder), os.fspath(decoy)],
        stdout=subprocess.PIPE,
        text=True,
    )
    errors = 0
    try:
        for step in range(1, builds + 1):
            try:
                build_vault(parse_roadmap(roadmap(step), source="plan.md"), vault)
            except (RoadvaultError, OSError):
                errors += 1  # refusing is fine; writing outside is not
    finally:
        swapper.send_signal(signal.SIGTERM)
        out, _ = swapper.communicate(timeout=30)
    swaps = [int(out.strip() or 0)]
    if folder.is_symlink():
        exchange(folder, decoy)  # put the real folder back where it was
    assert swaps[0] > builds, "the swapper hardly ran"
    after = tree_bytes(outside)
    assert sorted(after) == sorted(before), "files appeared or vanished outside the vault"
    assert after == before, "a file outside the vault was written"


def test_folder_swapped_for_a_symlink_during_builds_quick(tmp_path: Path) -> None:
    run_race(tmp_path, builds=20)


@pytest.mark.slow
def test_folder_swapped_for_a_symlink_during_500_builds(tmp_path: Path) -> None:
    run_race(tmp_path, builds=int(os.environ.get("ROADVAULT_SWAP_BUILDS", "500")))
