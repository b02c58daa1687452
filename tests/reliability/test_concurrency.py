"""Concurrency: `roadvault watch` running (a real child process) while `build` regenerates
the vault again and again, an editor saves a note every 200 ms (in place and by atomic
rename) and a sync tool replaces notes by renaming over them.

Afterwards, once quiet: Progress.md is whole, valid Markdown with the right counts (checked
against an independent count), every tick the editor made last is there, and a roadvault
process killed while holding the vault lock never leaves it stale.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import REPO
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault

from .scenario import (
    DATA,
    FOLDER,
    ITEM,
    PYTHON,
    ROADMAP_V1,
    ROADMAP_V2,
    TOOLS,
    do_learner_work,
    item_ids,
    lost_work,
)

WAIT = 30.0
_TASK = re.compile(r"^\s*(?:>\s*)*[-*+] \[(.)\] ")
_HEADLINE = re.compile(r"^## (?P<title>.+?) — (?P<done>\d+)/(?P<total>\d+) · \d+%$", re.M)


def roadvault(*args: str | Path, **options) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "roadvault", *map(str, args)],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        **options,
    )


def independent_counts(vault: Path) -> tuple[int, int]:
    """(done, total) of the study plan, counted from the notes by a plain line reader: a
    checkbox line is a task, `[x]` done, `[-]` skipped (out of the total); items kept
    under "Removed from the roadmap" are no longer the roadmap's (not counted), nor are
    those on the roadmap's side of an open conflict (a proposal until the learner picks;
    docs/FORMAT.md)."""
    done = total = 0
    for path in sorted((vault / FOLDER).rglob("*.md")):
        removed = proposed = False
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("## "):
                removed = line == "## Removed from the roadmap"
            if line in ("=======", ">>>>>>> roadmap"):
                proposed = line == "======="
                continue
            match = _TASK.match(line)
            if match and match[1] != "-" and not removed and not proposed:
                total += 1
                done += match[1] in "xX"
    return done, total


def progress_problems(text: str) -> list[str]:
    """Whether a Progress.md read at any moment is a whole, valid document."""
    problems = []
    if not text.startswith("---\nroadvault: progress\n") or "\n---\n# Progress\n" not in text:
        problems.append("no front matter / title: torn or not ours")
    if not text.endswith(("```\n", "that belong to no roadmap.\n")):
        problems.append("does not end with its chart (or the other notes' line): torn")
    if text.count("```") % 2:
        problems.append("an unclosed code fence")
    tokens = MarkdownIt("commonmark").parse(text)
    if not any(token.type == "heading_open" for token in tokens):
        problems.append("no heading when parsed as Markdown")
    if not _HEADLINE.search(text):
        problems.append("no roadmap headline")
    return problems


def headline(text: str) -> tuple[int, int] | None:
    match = _HEADLINE.search(text)
    return (int(match["done"]), int(match["total"])) if match else None


@dataclass
class Editor:
    """Saves a note every 200 ms: sets its own marks on its items (by block id), half the
    time in place (open, truncate, write), half the time by atomic rename, as editors do."""

    vault: Path
    relpath: str
    seed: int
    intended: dict[str, str] = field(default_factory=dict)
    saves: int = 0
    lost: list[str] = field(default_factory=list)  # marks found undone at the next save

    def save(self, rng: random.Random) -> None:
        path = self.vault / self.relpath
        text = path.read_text(encoding="utf-8")
        ids = item_ids(text)
        if not ids:
            return  # caught mid-write by another writer in place: try again next time
        for block_id, mark in self.intended.items():
            if block_id in ids and ids[block_id][0] != mark:
                self.lost.append(f"{self.relpath} {block_id}: [{mark}] became [{ids[block_id][0]}]")
        block_id = rng.choice(sorted(ids))
        self.intended[block_id] = rng.choice(["x", " ", "/", "x"])
        lines = []
        for line in text.split("\n"):
            match = ITEM.match(line)
            if match and match["id"] in self.intended:
                mark = self.intended[match["id"]]
                line = f"{match['lead']}[{mark}] {match['text']} ^{match['id']}"
            lines.append(line)
        data = "\n".join(lines).encode("utf-8")
        if self.saves % 2:
            temp = path.with_name(f".{path.name}.editor~")
            temp.write_bytes(data)
            os.replace(temp, path)
        else:
            with open(path, "r+b") as handle:
                handle.truncate(0)
                handle.write(data)
        self.saves += 1

    def run(self, stop: threading.Event, errors: list[BaseException]) -> None:
        rng = random.Random(self.seed)
        try:
            while not stop.wait(0.2):
                self.save(rng)
        except BaseException as exc:
            errors.append(exc)


def sync_tool(vault: Path, relpath: str, stop: threading.Event, errors: list) -> None:
    """Every 300 ms, replace a note by renaming a copy over it (the same text back, as a sync
    client does when it downloads the version it already had)."""
    try:
        path = vault / relpath
        while not stop.wait(0.3):
            data = path.read_bytes()
            incoming = vault / f".sync-{path.name}.part"
            incoming.write_bytes(data)
            os.rename(incoming, path)
    except BaseException as exc:
        errors.append(exc)


def builder(vault: Path, roadmaps: list[Path], stop: threading.Event, codes: list[int]) -> None:
    """Rebuild from alternating roadmap versions (each build really changes notes)."""
    turn = 0
    while not stop.is_set():
        process = roadvault("-q", "build", roadmaps[turn % 2], "--vault", vault)
        codes.append(process.wait())
        turn += 1


def reader(vault: Path, stop: threading.Event, samples: list[str]) -> None:
    path = vault / "Progress.md"
    while not stop.wait(0.05):
        try:
            samples.append(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            samples.append("")


def start_watch(vault: Path, log: Path) -> subprocess.Popen:
    handle = open(log, "wb")  # noqa: SIM115 - closed with the process
    watch = roadvault("watch", vault, "--debounce", "0.2", stderr=handle)
    began = time.monotonic()
    while b"Watching" not in log.read_bytes():
        assert watch.poll() is None, log.read_text()
        assert time.monotonic() - began < WAIT, "watch did not start"
        time.sleep(0.05)
    return watch


def wait_for_progress(vault: Path, watch: subprocess.Popen, log: Path) -> str:
    """Progress.md once the watcher has caught up with the notes as they are now."""
    began = time.monotonic()
    expected = independent_counts(vault)
    while True:
        text = (vault / "Progress.md").read_text(encoding="utf-8")
        if headline(text) == expected:
            return text
        assert watch.poll() is None, log.read_text()
        assert time.monotonic() - began < WAIT, (headline(text), expected, log.read_text())
        time.sleep(0.1)


def settle(vault: Path, roadmap: Path) -> None:
    """Build once more, now that nothing else writes (the watcher may hold the lock a moment)."""
    began = time.monotonic()
    while (code := roadvault("-q", "build", roadmap, "--vault", vault).wait()) == 4:
        assert time.monotonic() - began < WAIT, "the vault stayed locked"
        time.sleep(0.2)
    assert code in (0, 3), code


def run_storm(tmp_path: Path, seconds: float) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)
    roadmaps = []
    for name, text in (("v2", ROADMAP_V2), ("v1", ROADMAP_V1)):
        folder = tmp_path / name
        folder.mkdir()
        (folder / "plan.md").write_text(text)
        roadmaps.append(folder / "plan.md")
    log = tmp_path / "watch.log"
    watch = start_watch(vault, log)
    stop, errors, codes, samples = threading.Event(), [], [], []
    editors = [Editor(vault, PYTHON, 1), Editor(vault, DATA, 2)]
    threads = [threading.Thread(target=e.run, args=(stop, errors)) for e in editors]
    threads.append(threading.Thread(target=sync_tool, args=(vault, TOOLS, stop, errors)))
    threads.append(threading.Thread(target=builder, args=(vault, roadmaps, stop, codes)))
    threads.append(threading.Thread(target=reader, args=(vault, stop, samples)))
    try:
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        stop.set()
        for thread in threads:
            thread.join(WAIT)
        assert not errors, errors
        assert codes and set(codes) <= {0, 3, 4}, codes  # 4: the watcher held the lock
        assert codes.count(0) + codes.count(3) >= 1, codes  # (a loaded machine: few builds)
        assert sum(editor.saves for editor in editors) >= seconds * 2
        assert not [lost for editor in editors for lost in editor.lost]  # no save undone

        # A note saved while the last build ran was left as it was (reported): the next
        # build, once quiet, brings every note to the roadmap the manifest names.
        settle(vault, roadmaps[(len(codes) - 1) % 2])
        text = wait_for_progress(vault, watch, log)
        assert not progress_problems(text), progress_problems(text)
        torn = [(problems, sample) for sample in samples if (problems := progress_problems(sample))]
        assert not torn, torn[:1]
        assert watch.poll() is None, log.read_text()
    finally:
        watch.send_signal(signal.SIGTERM)
        watch.wait(WAIT)
    assert "Traceback" not in log.read_text() and "internal error" not in log.read_text()

    # No tick lost: the editors' last saves, and the learner's earlier work, are all there.
    for editor in editors:
        marks = item_ids((vault / editor.relpath).read_text(encoding="utf-8"))
        for block_id, mark in editor.intended.items():
            if block_id in marks:  # an item the roadmap version of the last build has
                assert marks[block_id][0] == mark, (editor.relpath, block_id)
    untouched = {k: v for k, v in work.marks.items() if all(k not in e.intended for e in editors)}
    work.marks = untouched
    assert not lost_work(vault, work), lost_work(vault, work)


def test_watch_build_editor_and_sync_tool_at_once(tmp_path: Path) -> None:
    run_storm(tmp_path, seconds=3.0)


@pytest.mark.slow
def test_watch_build_editor_and_sync_tool_at_once_long(tmp_path: Path) -> None:
    run_storm(tmp_path, seconds=float(os.environ.get("ROADVAULT_STORM_SECONDS", "30")))


# --- a save while the build writes the same note -------------------------------------------


def test_a_save_while_the_build_writes_that_note_is_kept_and_reported(
    tmp_path: Path, monkeypatch
) -> None:
    """The learner saves Python.md while the build is writing (and then flushing) its new
    version to a temp file: the rename must not undo that save. The build checks the note
    again only after its temp file is written and flushed, just before the rename (a check
    made before the write left milliseconds of fsync open to exactly this)."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)
    note = vault / PYTHON
    real_write = os.write
    saved = []

    def write_and_let_the_learner_save(fd: int, data) -> int:
        if not saved and b"Functions and closures" in bytes(data):  # Python.md's new text
            note.write_text(note.read_text().replace("- [ ] Classes", "- [x] Classes"))
            saved.append(True)
        return real_write(fd, data)

    monkeypatch.setattr("roadvault.fsio.os.write", write_and_let_the_learner_save)
    report = build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    monkeypatch.undo()

    assert saved
    python = [planned for planned in report.files if planned.relpath == PYTHON]
    assert python and "changed while roadvault was building" in python[0].notes[0]
    assert "- [x] Classes" in note.read_text()
    assert not lost_work(vault, work), lost_work(vault, work)

    build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)  # the next run merges it
    text = note.read_text()
    assert "- [x] Classes" in text and "Functions and closures" in text
    assert not lost_work(vault, work), lost_work(vault, work)


def test_an_old_copy_saved_over_the_update_merges_cleanly_when_the_roadmap_goes_back(
    tmp_path: Path,
) -> None:
    """An editor read Python.md (ticked, a line under "Functions") just before a build
    renamed the update over it, and saves its copy back: the note is the old roadmap's
    again, the record the new one's. When the roadmap goes back to that version, both
    sides dropped "Decorators" and "Functions" travels with the learner's line to where
    "Decorators" stood: no conflict (the storm test once ended on an open one whose vault
    side was empty, its items not counted until resolved), every tick and line kept."""
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)
    note = vault / PYTHON
    read_by_the_editor = note.read_bytes()
    build_vault(parse_roadmap(ROADMAP_V2, source="plan.md"), vault)
    assert "Decorators" in note.read_text()
    note.write_bytes(read_by_the_editor)  # the editor's save, over the build's update

    report = build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    text = note.read_text()
    assert not report.conflicts and "<<<<<<<" not in text, text
    assert not lost_work(vault, work), lost_work(vault, work)
    assert text == read_by_the_editor.decode("utf-8")  # already this roadmap's version
    again = build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    assert note.read_text() == text and not again.conflicts


# --- the lock after a kill ------------------------------------------------------------------


def lock_is_free(vault: Path) -> bool:
    with open(vault / ".roadvault" / "lock", "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


_HOLD_LOCK = """
import sys, time
from pathlib import Path
from roadvault.fsio import vault_lock
with vault_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(60)
"""


def test_a_killed_lock_holder_leaves_no_stale_lock(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    roadmap = tmp_path / "plan.md"
    roadmap.write_text(ROADMAP_V2)
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(vault)], cwd=REPO, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"held\n"
    busy = subprocess.run(
        [sys.executable, "-m", "roadvault", "build", str(roadmap), "--vault", str(vault)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert busy.returncode == 4 and "another roadvault process" in busy.stderr
    holder.kill()
    holder.wait()
    began = time.monotonic()
    after = subprocess.run(
        [sys.executable, "-m", "roadvault", "-q", "build", str(roadmap), "--vault", str(vault)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert after.returncode == 0, after.stderr  # the lock was free at once: no wait, no 4
    assert time.monotonic() - began < 10


def big_roadmap() -> str:
    lines = ["# Big Plan", ""]
    for phase in range(10):
        lines += [f"## Phase {phase}", ""]
        for topic in range(30):
            lines += [f"### Topic {phase}-{topic}", ""]
            lines += [f"- [ ] Item {phase}-{topic}-{i}" for i in range(5)] + [""]
    return "\n".join(lines)


@pytest.mark.slow
def test_a_build_killed_while_writing_leaves_no_stale_lock(tmp_path: Path) -> None:
    """SIGKILL a real build while it holds the lock (mid-write), many times: each time the
    next build gets the lock at once and completes."""
    roadmap = tmp_path / "big.md"
    roadmap.write_text(big_roadmap())
    rng = random.Random(8)
    for iteration in range(int(os.environ.get("ROADVAULT_LOCK_KILLS", "10"))):
        vault = tmp_path / f"v{iteration}"
        build = roadvault("-q", "build", roadmap, "--vault", vault, stderr=subprocess.DEVNULL)
        began = time.monotonic()
        while not (vault / ".roadvault" / "lock").exists() or lock_is_free(vault):
            assert build.poll() is None and time.monotonic() - began < WAIT, "never locked"
            time.sleep(0.005)
        time.sleep(rng.uniform(0, 0.3))
        build.kill()
        build.wait()
        assert lock_is_free(vault), f"iteration {iteration}: lock stale after SIGKILL"
        again = roadvault("-q", "build", roadmap, "--vault", vault)
        assert again.wait() == 0, iteration


@pytest.mark.slow
def test_a_watcher_killed_at_random_leaves_no_stale_lock(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    roadmap = tmp_path / "plan.md"
    roadmap.write_text(ROADMAP_V2)
    rng = random.Random(9)
    for iteration in range(int(os.environ.get("ROADVAULT_LOCK_KILLS", "10"))):
        log = tmp_path / f"watch{iteration}.log"
        watch = start_watch(vault, log)
        editor = Editor(vault, PYTHON, iteration)
        for _ in range(rng.randint(1, 5)):
            editor.save(rng)
            time.sleep(rng.uniform(0.05, 0.3))
        watch.kill()
        watch.wait()
        assert lock_is_free(vault), f"iteration {iteration}: lock stale after SIGKILL"
        build = roadvault("-q", "build", roadmap, "--vault", vault)
        assert build.wait() in (0, 3), iteration
