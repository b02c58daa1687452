"""Hostile vaults: symlinks leading out, damaged `.roadvault/` state, read-only notes, a
folder where a note was, odd line ends, conflict markers left over, junk notes.

Every case: the learner has ticked boxes and written lines first; then the vault is damaged;
then a changed roadmap is built, `status --write` and `watch` run. Afterwards: nothing
outside the vault changed (byte for byte), no crash (a clear one-line error or a safe
build), and every tick and line the learner wrote is still there.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadvault.cli import cli
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault
from roadvault.watch import run_watch

from .helpers import assert_safe_vault, tree_bytes
from .scenario import (
    BASICS,
    DATA,
    FOLDER,
    PYTHON,
    ROADMAP_V1,
    ROADMAP_V2,
    TOOLS,
    LearnerWork,
    do_learner_work,
    item_ids,
    lost_work,
)

WAIT = 15.0


@dataclass
class Worked:
    vault: Path
    outside: Path
    v2: Path
    work: LearnerWork


@pytest.fixture
def worked(tmp_path: Path) -> Worked:
    vault, outside = tmp_path / "vault", tmp_path / "outside"
    outside.mkdir()
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)
    v2 = tmp_path / "plan.md"  # the same file name: the manifest knows it by its source
    v2.write_text(ROADMAP_V2)
    return Worked(vault, outside, v2, work)


def run_cli(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def build(worked: Worked) -> Result:
    return run_cli("build", worked.v2, "--vault", worked.vault)


def assert_clear(result: Result, *, allowed: tuple[int, ...] = (0, 1, 3)) -> None:
    """A result a user can act on: an expected status and, on error, one line (plus a hint)."""
    assert result.exit_code in allowed, (result.exit_code, result.stdout, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), result
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    if result.exit_code == 1:  # one error line, or (doctor) the problems listed on stdout
        errors = [line for line in result.stderr.splitlines() if line.startswith("roadvault:")]
        assert len(errors) == 1 or (not errors and result.stdout.strip()), result.stderr


def watch_briefly(vault: Path, *, touch: str) -> BaseException | None:
    """Run the real watcher, tick a box in `touch`, wait for it to react, stop. Returns the
    error it stopped with (a clear VaultError is fine), None when it ran."""
    stop, ready = threading.Event(), threading.Event()
    batches: queue.Queue[bool] = queue.Queue()
    failures: list[BaseException] = []

    def watch() -> None:
        try:
            run_watch(vault, stop=stop, debounce=0.05, on_batch=batches.put, on_ready=ready.set)
        except BaseException as exc:
            failures.append(exc)
            ready.set()

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        assert ready.wait(WAIT)
        if not failures:
            path = vault / touch
            if path.is_file() and not any(p.is_symlink() for p in [path, *path.parents]):
                text = path.read_text(encoding="utf-8")
                path.write_text(text.replace("- [ ] ", "- [/] ", 1), encoding="utf-8")
                batches.get(timeout=WAIT)
    finally:
        stop.set()
        thread.join(WAIT)
    assert not thread.is_alive()
    return failures[0] if failures else None


# --- symlinks leading out of the vault -----------------------------------------------------------

LINKED = {
    "note": PYTHON,
    "phase-folder": f"{FOLDER}/01 Basics",
    "roadmap-folder": FOLDER,
    "state-folder": ".roadvault",
    "manifest": ".roadvault/manifest.json",
    "base-folder": ".roadvault/base",
    "base-copy": f".roadvault/base/{PYTHON}",
    "lock": ".roadvault/lock",
    "history": ".roadvault/history.jsonl",
    "obsidian-folder": ".obsidian",
    "obsidian-file": ".obsidian/app.json",
    "progress-note": "Progress.md",
    "home-note": "Home.md",
}
# Where the link sits in state or settings, every tick and line is in real notes: all kept.
NOTES_BEHIND_LINK = {"note", "phase-folder", "roadmap-folder"}


def plant_link(vault: Path, relpath: str, outside: Path) -> Path:
    """Move `relpath` out of the vault and leave a symlink to it in its place."""
    source = vault / relpath
    target = outside / relpath.replace("/", "__")
    if source.exists():
        shutil.move(str(source), str(target))
    else:
        target.write_text("made outside\n")
    os.symlink(target, source)
    return target


@pytest.mark.parametrize("case", sorted(LINKED))
def test_symlinks_out_of_the_vault_are_never_written_through(case: str, worked: Worked) -> None:
    relpath = LINKED[case]
    target = plant_link(worked.vault, relpath, worked.outside)
    outside_before = tree_bytes(worked.outside)

    assert_clear(build(worked))
    assert_clear(run_cli("status", "--write", worked.vault))
    assert_clear(run_cli("status", "--json", worked.vault), allowed=(0, 1))
    assert_clear(run_cli("doctor", worked.vault), allowed=(0, 1, 3))
    error = watch_briefly(worked.vault, touch=DATA)
    assert error is None or "roadvault" in type(error).__module__, error

    assert tree_bytes(worked.outside) == outside_before  # not a byte changed outside
    link = worked.vault / relpath
    assert link.is_symlink() and os.readlink(link) == str(target)
    if case not in NOTES_BEHIND_LINK:
        assert not lost_work(worked.vault, worked.work)


def test_a_symlinked_note_is_reported_and_the_rest_is_written(worked: Worked) -> None:
    plant_link(worked.vault, PYTHON, worked.outside)
    result = build(worked)
    assert result.exit_code == 0, result.stderr
    assert f"skip       {PYTHON}" in result.stdout and "symlink" in result.stdout
    assert "Spark" in (worked.vault / DATA).read_text(encoding="utf-8")


def test_a_symlinked_state_folder_is_one_clear_error_and_nothing_is_written(
    worked: Worked,
) -> None:
    plant_link(worked.vault, ".roadvault", worked.outside)
    before = tree_bytes(worked.vault)
    result = build(worked)
    assert result.exit_code == 1
    assert "symlink" in result.stderr and ".roadvault" in result.stderr
    assert tree_bytes(worked.vault) == before


# --- damaged state -------------------------------------------------------------------------------


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _manifest(vault: Path) -> Path:
    return vault / ".roadvault" / "manifest.json"


def _edit_manifest(vault: Path, change) -> None:
    data = json.loads(_manifest(vault).read_text(encoding="utf-8"))
    change(data)
    _manifest(vault).write_text(json.dumps(data), encoding="utf-8")


def _base(vault: Path, relpath: str = PYTHON) -> Path:
    return vault / ".roadvault" / "base" / relpath


def _tamper_base(vault: Path) -> None:
    """The base copy says the learner's ticks were roadvault's: trusting it would lose them."""
    text = _base(vault).read_text(encoding="utf-8")
    _base(vault).write_text(text.replace("- [ ] ", "- [x] "), encoding="utf-8")


def _replace_by_folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("x")


DAMAGE = {
    "state-missing": lambda v: shutil.rmtree(v / ".roadvault"),
    "manifest-missing": lambda v: _manifest(v).unlink(),
    "manifest-truncated": lambda v: _truncate(_manifest(v)),
    "manifest-invalid-json": lambda v: _manifest(v).write_text("{oops"),
    "manifest-empty": lambda v: _manifest(v).write_text(""),
    "manifest-binary": lambda v: _manifest(v).write_bytes(b"\x89PNG\x00\xff" * 100),
    "manifest-newer-format": lambda v: _edit_manifest(v, lambda d: d.update(format=99)),
    "manifest-a-list": lambda v: _manifest(v).write_text("[]"),
    "manifest-a-folder": lambda v: _replace_by_folder(_manifest(v)),
    "manifest-wrong-types": lambda v: _edit_manifest(
        v,
        lambda d: [
            entry.update(notes=["x"], items="x", pinned=5, phases={})
            for entry in d["roadmaps"].values()
        ],
    ),
    "manifest-file-records-junk": lambda v: _edit_manifest(
        v, lambda d: [entry.update(sha256=5, kind=None) for entry in d["files"].values()]
    ),
    "manifest-forgets-a-note": lambda v: _edit_manifest(v, lambda d: d["files"].pop(PYTHON)),
    "manifest-without-folder": lambda v: _edit_manifest(
        v, lambda d: [entry.pop("folder") for entry in d["roadmaps"].values()]
    ),
    "manifest-paths-escape": lambda v: _edit_manifest(
        v,
        lambda d: [
            entry.update(
                folder="../outside",
                note="../outside/x.md",
                notes={k: "../outside/n.md" for k in entry["notes"]},
            )
            for entry in d["roadmaps"].values()
        ],
    ),
    "manifest-file-paths-escape": lambda v: _edit_manifest(
        v, lambda d: d["files"].update({"../outside/f.md": {"roadmap": "study-plan"}})
    ),
    "base-truncated": lambda v: _truncate(_base(v)),
    "base-tampered": _tamper_base,
    "base-missing": lambda v: _base(v).unlink(),
    "base-a-folder": lambda v: _replace_by_folder(_base(v)),
    "base-invalid-utf8": lambda v: _base(v).write_bytes(b"\xff\xfe\x00junk"),
    "bases-all-missing": lambda v: shutil.rmtree(v / ".roadvault" / "base"),
    "model-invalid-json": lambda v: next((v / ".roadvault" / "roadmaps").glob("*.json")).write_text(
        "{oops"
    ),
    "model-missing": lambda v: shutil.rmtree(v / ".roadvault" / "roadmaps"),
    "history-garbage": lambda v: (v / ".roadvault" / "history.jsonl").write_bytes(
        b"\x00not json\n{}\n" * 10
    ),
    "lock-a-folder": lambda v: _replace_by_folder(v / ".roadvault" / "lock"),
}


def repair(vault: Path, stderr: str) -> None:
    """Do what the error line says: follow its hint (move the manifest aside), or remove
    the damaged state file it names — as a learner would."""
    if "hint: move .roadvault/manifest.json aside" in stderr:
        shutil.move(str(_manifest(vault)), str(vault.parent / "manifest.json.aside"))
        return
    error = next(line for line in stderr.splitlines() if line.startswith("roadvault: "))
    named = Path(error.split(": ")[1])
    assert named.is_relative_to(vault / ".roadvault"), stderr
    if named.is_dir():
        shutil.rmtree(named)
    else:
        named.unlink()


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_state_is_a_clear_error_or_a_safe_rebuild(case: str, worked: Worked) -> None:
    DAMAGE[case](worked.vault)
    before = tree_bytes(worked.vault)
    result = build(worked)
    assert_clear(result)
    if result.exit_code == 1:
        if "hint:" in result.stderr:  # refused before anything was written
            assert tree_bytes(worked.vault) == before, "a refused build wrote something"
        # else a state file could not be written, after the notes (FORMAT.md §5)
        assert not lost_work(worked.vault, worked.work)
        repair(worked.vault, result.stderr)
        result = build(worked)
        assert_clear(result, allowed=(0, 3))
    assert not lost_work(worked.vault, worked.work), lost_work(worked.vault, worked.work)
    assert "Spark" in (worked.vault / DATA).read_text(encoding="utf-8")  # the update came in
    assert_clear(run_cli("status", "--write", worked.vault), allowed=(0, 1))
    assert_clear(build(worked), allowed=(0, 3))  # and again: still nothing lost
    assert not lost_work(worked.vault, worked.work)
    assert tree_bytes(worked.outside) == {}


def test_a_tampered_base_is_not_trusted(worked: Worked) -> None:
    """The base copy claims the learner's ticks as roadvault's own; the manifest's hash
    exposes it, so the ticks stay (a trusted base would turn them back to unticked)."""
    _tamper_base(worked.vault)
    result = build(worked)
    assert result.exit_code == 0, result.stderr
    marks = item_ids((worked.vault / PYTHON).read_text(encoding="utf-8"))
    assert sorted(mark for mark, _ in marks.values()) == [" ", " ", "x", "x"]


# --- notes in odd states -------------------------------------------------------------------------


def test_a_read_only_note_is_reported_and_the_others_are_written(
    worked: Worked, monkeypatch: pytest.MonkeyPatch
) -> None:
    note = worked.vault / PYTHON
    note.chmod(0o444)
    real_access = os.access
    # Root ignores file modes: answer as the file system would for the learner.
    monkeypatch.setattr(
        os, "access", lambda path, mode: False if Path(path) == note else real_access(path, mode)
    )
    before = note.read_bytes()
    result = build(worked)
    assert result.exit_code == 0, result.stderr
    assert f"skip       {PYTHON}" in result.stdout and "read-only" in result.stdout
    assert note.read_bytes() == before
    assert "Spark" in (worked.vault / DATA).read_text(encoding="utf-8")
    assert not lost_work(worked.vault, worked.work)


def test_a_read_only_progress_note_is_reported_not_a_crash(
    worked: Worked, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run_cli("status", "--write", worked.vault).exit_code == 0
    progress = worked.vault / "Progress.md"
    progress.chmod(0o444)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda path, mode: False if Path(path) == progress else real_access(path, mode),
    )
    (worked.vault / DATA).write_text(
        (worked.vault / DATA).read_text().replace("- [ ] Pandas", "- [x] Pandas")
    )
    result = run_cli("status", "--write", worked.vault)
    assert_clear(result, allowed=(1,))
    assert "Progress.md" in result.stderr and "read-only" in result.stderr
    assert_clear(build(worked))  # the build still works; only its Progress.md step warns


def test_a_folder_where_a_note_was(worked: Worked) -> None:
    note = worked.vault / TOOLS
    saved = note.read_bytes()
    note.unlink()
    note.mkdir()
    (note / "my file.md").write_bytes(saved)
    result = build(worked)
    assert_clear(result, allowed=(0,))
    assert f"skip       {TOOLS}" in result.stdout
    assert (note / "my file.md").read_bytes() == saved
    assert_clear(run_cli("status", "--write", worked.vault), allowed=(0,))
    assert_clear(run_cli("doctor", worked.vault), allowed=(0, 1))
    assert watch_briefly(worked.vault, touch=DATA) is None
    assert not lost_work(worked.vault, worked.work)


def _with_line_ends(data: bytes, style: str) -> bytes:
    text = data.decode("utf-8")
    if style == "crlf":
        return text.replace("\n", "\r\n").encode()
    if style == "bom-crlf":
        return b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()
    if style == "bom":
        return b"\xef\xbb\xbf" + data
    if style == "cr":
        return text.replace("\n", "\r").encode()
    lines = text.split("\n")  # mixed: CRLF on every other line
    return (
        "".join(
            line + ("\r\n" if index % 2 else "\n") for index, line in enumerate(lines[:-1])
        ).encode()
        + lines[-1].encode()
    )


@pytest.mark.parametrize("style", ["crlf", "bom", "bom-crlf", "cr", "mixed"])
def test_line_ends_and_bom_are_kept(style: str, worked: Worked) -> None:
    """Untouched by the update: byte for byte. Merged: the file's own line ends and BOM
    (a mixed file takes the style of its first line end)."""
    untouched = worked.vault / f"{FOLDER}/02 Advanced/Capstone.md"
    merged = worked.vault / PYTHON
    for path in (untouched, merged):
        path.write_bytes(_with_line_ends(path.read_bytes(), style))
    untouched_before = untouched.read_bytes()
    result = build(worked)
    assert result.exit_code == 0, result.stderr
    assert untouched.read_bytes() == untouched_before
    data = merged.read_bytes()
    assert b"Decorators" in data  # the update came in
    assert data.startswith(b"\xef\xbb\xbf") == style.startswith("bom")
    body = data.removeprefix(b"\xef\xbb\xbf")
    newline = {"crlf": b"\r\n", "bom-crlf": b"\r\n", "cr": b"\r", "bom": b"\n", "mixed": b"\n"}
    expected = newline[style]
    assert body.count(expected) >= 10
    rest = body.replace(expected, b"")
    assert b"\r" not in rest and b"\n" not in rest, "line ends not kept"
    assert not lost_work(worked.vault, worked.work)
    again = build(worked)
    assert again.exit_code == 0 and "nothing to write" in again.stdout


def test_conflict_markers_left_from_an_earlier_run_are_reported_not_merged_again(
    worked: Worked,
) -> None:
    note = worked.vault / PYTHON
    text = note.read_text(encoding="utf-8")
    leftover = text.replace(
        "My python summary (learner line 3).\n",
        "<<<<<<< vault\nMy python summary (learner line 3).\n=======\n"
        "- [ ] Syntax basics\n>>>>>>> roadmap\n",
    )
    note.write_text(leftover, encoding="utf-8")
    result = build(worked)
    assert result.exit_code == 3, result.stderr  # still unresolved: said so
    assert PYTHON in result.stdout and "conflict" in result.stderr
    assert note.read_text(encoding="utf-8") == leftover  # not merged a second time
    doctor = run_cli("doctor", worked.vault)
    assert doctor.exit_code == 3 and PYTHON in doctor.stdout
    # Resolved by the learner: the next build merges it as usual.
    note.write_text(text, encoding="utf-8")
    assert build(worked).exit_code == 0
    assert "Decorators" in note.read_text(encoding="utf-8")
    assert not lost_work(worked.vault, worked.work)


BILLION_LAUGHS_PROPERTIES = "".join(
    f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9) if n else 'lol'}]\n" for n in range(10)
)

ODD_NOTES = {
    "yaml-bomb-properties": (
        "---\nroadvault_id: rv-zzzzzz\nroadmap: Study Plan\n"
        + BILLION_LAUGHS_PROPERTIES
        + "tags: *l9\naliases: *l9\n---\n- [x] mine ^rv-zzzzz1\n"
    ).encode(),
    "python-tag-properties": (
        b"---\nroadvault_id: !!python/object/apply:os.system ['false']\n---\n- [ ] x\n"
    ),
    "deep-yaml": b"---\nroadmap: Study Plan\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n",
    "binary-png": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 100,
    "invalid-utf8": b"# Mine\n\n- [x] caf\xe9 ^rv-aaaaaa\n",
    "nul-bytes": b"- [x] a\x00b\n" * 100,
    "one-huge-line": b"- [ ] " + b"x" * 3_000_000,
    "many-tasks": b"".join(b"- [x] task %d ^rv-t%d\n" % (i, i) for i in range(20_000)),
    "duplicate-our-ids": b"",  # filled in below: a copy of one of our notes
    "unclosed-front-matter": b"---\nroadvault_id: rv-p4w1t1\nroadmap: [\n",
}


@pytest.mark.parametrize("case", sorted(ODD_NOTES))
def test_odd_notes_of_the_learner_are_left_alone(case: str, worked: Worked) -> None:
    odd = worked.vault / FOLDER / "01 Basics" / f"odd {case}.md"
    data = ODD_NOTES[case] or (worked.vault / PYTHON).read_bytes()
    odd.write_bytes(data)
    result = build(worked)
    assert_clear(result, allowed=(0,))
    assert odd.read_bytes() == data
    for command in (["status", "--write"], ["status", "--json"], ["doctor"]):
        assert_clear(run_cli(*command, worked.vault), allowed=(0, 1))
    assert watch_briefly(worked.vault, touch=BASICS) is None
    assert odd.read_bytes() == data
    assert not lost_work(worked.vault, worked.work)


def test_the_built_vault_stays_safe_after_all_this(worked: Worked) -> None:
    """The scenario's own vault is sound (the judge agrees before anything is damaged)."""
    assert build(worked).exit_code == 0
    assert_safe_vault(worked.vault)
    assert not lost_work(worked.vault, worked.work)


def test_a_folder_swapped_for_a_symlink_during_the_build_is_not_written_through(
    worked: Worked, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Someone swaps a phase folder for a link to outside the vault while the build is
    writing into it: nothing may be written outside."""
    folder = worked.vault / f"{FOLDER}/01 Basics"
    aside = worked.outside / "basics"
    real_replace = os.replace
    swapped: list[dict[str, bytes]] = []

    def replace_then_swap(source, target, *args, **kwargs):
        result = real_replace(source, target, *args, **kwargs)
        dir_fd = kwargs.get("dst_dir_fd")  # writes go relative to a folder descriptor
        parent = Path(os.readlink(f"/proc/self/fd/{dir_fd}")) if dir_fd else Path(target).parent
        if not swapped and parent == folder:
            shutil.move(str(folder), str(aside))
            os.symlink(aside, folder)
            swapped.append(tree_bytes(worked.outside))
        return result

    monkeypatch.setattr(os, "replace", replace_then_swap)
    result = build(worked)
    monkeypatch.setattr(os, "replace", real_replace)
    assert swapped, "the build never wrote into the folder"
    assert_clear(result)
    assert tree_bytes(worked.outside) == swapped[0]
