"""A FIFO (or socket) in place of a state file: one clear line and a non-zero exit, never
a hang. Before: `open` on the FIFO blocked `build`, `status` and `doctor` forever.

Each command runs through the CLI in a thread the test waits for with a timeout, so a hang
fails the test (naming the command) instead of hanging the suite: the FIFOs are then
opened for writing, which lets the stuck `open` return. In process rather than in a child
`python -m roadvault` each: the same commands and assertions, without 15 interpreter
start-ups.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadvault.cli import cli
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault

from .scenario import ROADMAP_V1, ROADMAP_V2, do_learner_work

TIMEOUT = 60.0
BASE_NOTE = "Study Plan/01 Basics/Python.md"

# state file → the commands that read it (and so must refuse it)
STATE_FILES = {
    ".roadvault/manifest.json": ("build", "status", "doctor"),
    ".roadvault/history.jsonl": ("build", "status", "doctor"),
    ".roadvault/pending.json": ("build",),
    ".roadvault/roadmaps/{slug}.json": ("build", "doctor"),
    f".roadvault/base/{BASE_NOTE}": ("build",),
    "Progress.md": ("build", "status --write", "doctor"),
}


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


def _release_readers(vault: Path) -> None:
    """Open every FIFO of the vault for writing (without blocking): a reader stuck in
    `open` on one then returns, and the thread that ran the command can end."""
    for path in vault.rglob("*"):
        if path.is_fifo():
            with contextlib.suppress(OSError):
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))


def run(vault: Path, command: str, v2: Path) -> Run:
    name, *flags = command.split()
    args = [name, str(v2), "--vault", str(vault)] if name == "build" else [name, str(vault)]
    done: list[Result] = []
    thread = threading.Thread(
        target=lambda: done.append(CliRunner().invoke(cli, [*args, *flags])), daemon=True
    )
    thread.start()
    thread.join(TIMEOUT)
    if not done:
        _release_readers(vault)
        thread.join(TIMEOUT)
        pytest.fail(f"`roadvault {command}` hung on a FIFO")
    result = done[0]
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback, not one clear line
    return Run(result.exit_code, result.stdout, result.stderr)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    do_learner_work(vault)
    return vault


def _plant_fifo(vault: Path, pattern: str) -> str:
    slug = next((vault / ".roadvault" / "roadmaps").glob("*.json")).stem
    relpath = pattern.format(slug=slug)
    path = vault / relpath
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        path.unlink()
    os.mkfifo(path)
    return relpath


@pytest.mark.parametrize("pattern", sorted(STATE_FILES))
def test_a_fifo_in_place_of_a_state_file_is_one_clear_line(
    pattern: str, vault: Path, tmp_path: Path
) -> None:
    relpath = _plant_fifo(vault, pattern)
    v2 = tmp_path / "plan.md"
    v2.write_text(ROADMAP_V2)
    for command in STATE_FILES[pattern]:
        result = run(vault, command, v2)
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert lines and "FIFO" in lines[0] and Path(relpath).name in lines[0], (command, lines)
        assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert os.path.exists(vault / relpath)  # left where it is, for the learner to look at


def test_a_fifo_note_does_not_hang_status(vault: Path, tmp_path: Path) -> None:
    os.mkfifo(vault / "stray pipe.md")
    result = run(vault, "status", tmp_path / "unused.md")
    assert result.returncode == 0, result.stderr
