"""No flushes to the disk in the test process: `os.sync` and `os.fsync` return at once.

roadvault flushes what it writes (each replaced note, then one `os.sync` per build: the whole
machine's dirty pages, other programs' too). No test can observe a flush — nothing here cuts
the power; a killed process leaves its writes in the page cache — but each one waits for the
disk, and on a busy machine a build's `os.sync` waited for everyone's writes (the 57 hostile
titles took 35 s instead of 8). The calls are still made, so the fault tests that count and
fail them (tests/reliability/test_write_faults.py) see every one; `fsync` still refuses a bad
descriptor, a pipe or a socket as the real one does. Commands a test runs in a child process
flush for real. ROADVAULT_TEST_REAL_SYNC=1 keeps the real calls in the test process too."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator

import pytest


def _no_sync() -> None:
    return None


def _no_fsync(fd: int) -> None:
    mode = os.fstat(fd).st_mode  # EBADF as fsync would
    if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))


@pytest.fixture(autouse=True, scope="session")
def no_disk_flushes() -> Iterator[None]:
    if os.environ.get("ROADVAULT_TEST_REAL_SYNC"):
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        if hasattr(os, "sync"):
            patch.setattr(os, "sync", _no_sync)
        patch.setattr(os, "fsync", _no_fsync)
        yield
