"""A roadmap's identity across updates: its source file and its items, not its title.

Golden update cases (tests/golden/update/<case>/), run by tests/support/update_cases.py:
each step builds one roadmap file, then makes the learner's edits (`tick` item titles,
`write` lines appended to a note, `delete` notes); the vault after the last step is compared
file by file with `expected/` (Progress.md and history included, clock fixed).
Regenerate with `pytest tests/vault/update/test_identity_golden.py --update-golden` and
review the diff.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import roadvault.progress
import roadvault.progress.vault_scan
from conftest import read_tree
from roadvault.cli.main import cli
from roadvault.parse import read_roadmap
from roadvault.vault.build import build_vault
from roadvault.vault.state import load_manifest
from roadvault.vault.update.item_travel import Action
from support.clock import fix_now
from support.update_cases import NOW, UPDATE, match_golden, not_compared, run_case, tick

CASES = ["deleted-note", "retitle", "same-title-two-roadmaps", "second-roadmap-md"]


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    fix_now(monkeypatch, NOW, roadvault.progress.vault_scan, roadvault.progress)
    monkeypatch.setenv("TZ", "UTC")  # Progress.md shows local dates; these were made in UTC


def ticked(vault: Path) -> set[str]:
    """Every ticked item line in the vault (text without the block id)."""
    found = set()
    for path in vault.rglob("*.md"):
        for line in path.read_text().splitlines():
            match = re.match(r"\s*- \[x\] (.*?)(?: \^rv-\w+)?$", line)
            if match:
                found.add(match.group(1))
    return found


@pytest.mark.parametrize("name", CASES)
def test_update_case(name: str, tmp_path: Path, update_golden: bool) -> None:
    spec, reports = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    for step, report in zip(spec["steps"], reports, strict=True):
        assert report.notices == step.get("notices", []), step["build"]
        assert report.conflicts == 0
    match_golden(read_tree(vault, skip=not_compared), name, update_golden)


@pytest.mark.parametrize("name", CASES)
def test_update_case_rebuild_writes_nothing(name: str, tmp_path: Path) -> None:
    spec, _ = run_case(name, tmp_path)
    vault = tmp_path / "vault"
    before = read_tree(vault, skip=not_compared)
    last = spec["steps"][-1]
    again = build_vault(read_roadmap(tmp_path / last["build"]), vault)
    assert (again.written, again.state_written) == (0, 0)
    deleted = {
        p.relpath for p in again.files if p.action is Action.SKIP and "deleted" in p.notes[0]
    }
    assert {p.action for p in again.files if p.relpath not in deleted} == {Action.UNCHANGED}
    assert read_tree(vault, skip=not_compared) == before


# --- what each case promises, said plainly --------------------------------------------------


def test_retitled_roadmap_is_renamed_in_place_and_keeps_every_tick(tmp_path: Path) -> None:
    """Before: a second folder of notes at 0%, ticks left in the old one, no word."""
    _spec, reports = run_case("retitle", tmp_path)
    vault = tmp_path / "vault"
    assert sorted(p.name for p in vault.iterdir() if not p.name.startswith(".")) == [
        "Home.md",
        "Learn Go in 12 Weeks",
        "Progress.md",
        "Templates",
    ]
    assert ticked(vault) >= {"Install Go and set up VS Code", "Goroutines"}
    basics = (vault / "Learn Go in 12 Weeks/01 Basics/Basics.md").read_text()
    assert "My own line about Go." in basics
    note = (vault / "Learn Go in 12 Weeks/Learn Go in 12 Weeks.md").read_text()
    assert "roadmap: Learn Go in 12 Weeks" in note
    assert "  - Learn Go in 10 Weeks" in note  # the old title is an alias
    assert "roadmap/learn-go-in-12-weeks" in note
    assert "10 Weeks" not in basics
    manifest = load_manifest(vault)
    assert len(manifest.roadmaps) == 1
    assert reports[-1].count(Action.DELETE) >= 1  # moved, not copied
    assert not any("(Learn Go in" in p.name for p in vault.rglob("*.md"))


def test_retitle_consistent_names_when_phase_notes_were_qualified(tmp_path: Path) -> None:
    """A phase note named after the roadmap's old title (`Basics (Old)`, because another
    roadmap has `Basics`) takes the new title: names never mix old and new titles."""
    other = tmp_path / "other.md"
    other.write_text("# Other\n\n## Basics\n- [ ] Something else\n- [ ] More\n")
    source = tmp_path / "go.md"
    shutil.copyfile(UPDATE / "retitle" / "v1.md", source)
    vault = tmp_path / "vault"
    build_vault(read_roadmap(other), vault)
    build_vault(read_roadmap(source), vault)
    assert (vault / "Learn Go in 10 Weeks/01 Basics/Basics (Learn Go in 10 Weeks).md").is_file()
    tick(vault, "Variables and types")
    shutil.copyfile(UPDATE / "retitle" / "v2.md", source)
    build_vault(read_roadmap(source), vault)
    names = sorted(p.name for p in (vault / "Learn Go in 12 Weeks").rglob("*.md"))
    assert "Basics (Learn Go in 12 Weeks).md" in names
    assert not any("10 Weeks" in name for name in names)
    assert "Variables and types" in ticked(vault)
    assert (vault / "Other/01 Basics/Basics.md").is_file()


def test_two_roadmaps_with_one_title_are_both_kept(tmp_path: Path) -> None:
    """Before: the second overwrote the first's notes and archived its tick, exit 0."""
    run_case("same-title-two-roadmaps", tmp_path)
    vault = tmp_path / "vault"
    manifest = load_manifest(vault)
    assert sorted(entry.folder for entry in manifest.roadmaps.values()) == [
        "Learning Roadmap",
        "Learning Roadmap 2",
    ]
    assert ticked(vault) == {"HTML", "Probability"}
    assert (vault / "Learning Roadmap/01 Frontend/Frontend.md").is_file()
    assert (vault / "Learning Roadmap 2/01 Statistics/Statistics.md").is_file()


def test_second_roadmap_md_from_another_folder_is_another_roadmap(tmp_path: Path) -> None:
    """Before: matched by its file name `roadmap.md`, the Rust roadmap was replaced."""
    run_case("second-roadmap-md", tmp_path)
    vault = tmp_path / "vault"
    assert (vault / "Rust Roadmap/Rust Roadmap.md").is_file()
    assert (vault / "Kubernetes Roadmap/Kubernetes Roadmap.md").is_file()
    assert ticked(vault) == {"Borrowing", "Pods"}


def test_name_stays_an_explicit_override(tmp_path: Path) -> None:
    source = tmp_path / "roadmap.md"
    shutil.copyfile(UPDATE / "same-title-two-roadmaps" / "a.md", source)
    vault = tmp_path / "vault"
    build_vault(read_roadmap(source, name="Web"), vault, name="Web")
    tick(vault, "CSS")
    again = build_vault(read_roadmap(source, name="Web"), vault, name="Web")
    assert again.notices == [] and again.written == 0
    assert ticked(vault) == {"CSS"}
    assert [e.folder for e in load_manifest(vault).roadmaps.values()] == ["Web"]


def test_roadmap_moved_to_another_file_is_found_by_its_items(tmp_path: Path) -> None:
    source = tmp_path / "go.md"
    shutil.copyfile(UPDATE / "retitle" / "v1.md", source)
    vault = tmp_path / "vault"
    build_vault(read_roadmap(source), vault)
    tick(vault, "Channels")
    moved = tmp_path / "notes" / "golang.md"
    moved.parent.mkdir()
    source.rename(moved)
    report = build_vault(read_roadmap(moved), vault)
    assert report.written == 0
    assert len(load_manifest(vault).roadmaps) == 1
    assert load_manifest(vault).roadmaps["learn-go-in-10-weeks"].source_path == (
        "../notes/golang.md"
    )
    assert ticked(vault) == {"Channels"}


def test_cli_reports_the_rename(tmp_path: Path) -> None:
    source = tmp_path / "go.md"
    shutil.copyfile(UPDATE / "retitle" / "v1.md", source)
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(source), "--vault", str(tmp_path / "v")])
    assert first.exit_code == 0, first.output
    shutil.copyfile(UPDATE / "retitle" / "v2.md", source)
    second = runner.invoke(cli, ["build", str(source), "--vault", str(tmp_path / "v")])
    assert second.exit_code == 0, second.output
    assert "renamed 'Learn Go in 10 Weeks' to 'Learn Go in 12 Weeks'" in second.output


SHARED = "# {title}\n\n## Start\n- [ ] Setup\n- [ ] Git basics\n- [ ] Testing\n{own}"


def test_roadmaps_sharing_a_few_items_are_not_taken_for_one(tmp_path: Path) -> None:
    """Two roadmaps from two files, 3 of 5 items alike (generic ones): both kept."""
    web, cli_tools = tmp_path / "web.md", tmp_path / "cli.md"
    web.write_text(SHARED.format(title="Web", own="- [ ] HTML\n- [ ] CSS\n"))
    cli_tools.write_text(SHARED.format(title="Shell", own="- [ ] Bash\n- [ ] Make\n"))
    vault = tmp_path / "vault"
    build_vault(read_roadmap(web), vault)
    tick(vault, "HTML")
    build_vault(read_roadmap(cli_tools), vault)
    assert sorted(e.folder for e in load_manifest(vault).roadmaps.values()) == ["Shell", "Web"]
    assert ticked(vault) == {"HTML"}


def test_a_moved_roadmap_needs_only_half_its_items(tmp_path: Path) -> None:
    """The file it was built from is gone: a retitled, partly rewritten roadmap from the
    new file is still the same roadmap (3 of 5 items alike)."""
    old, new = tmp_path / "web.md", tmp_path / "notes" / "web-2.md"
    old.write_text(SHARED.format(title="Web", own="- [ ] HTML\n- [ ] CSS\n"))
    vault = tmp_path / "vault"
    build_vault(read_roadmap(old), vault)
    tick(vault, "Setup")
    new.parent.mkdir()
    new.write_text(SHARED.format(title="Web Dev", own="- [ ] React\n- [ ] Vue\n"))
    old.unlink()
    report = build_vault(read_roadmap(new), vault)
    assert [e.folder for e in load_manifest(vault).roadmaps.values()] == ["Web Dev"]
    assert report.notices and report.notices[0].startswith("renamed 'Web' to 'Web Dev'")
    assert ticked(vault) == {"Setup"}


def test_same_title_from_stdin_with_other_items_is_refused_naming_name(tmp_path: Path) -> None:
    """Read from stdin there is no file to tell two roadmaps apart: refused, not clobbered."""
    vault = tmp_path / "vault"
    first = tmp_path / "a.md"
    shutil.copyfile(UPDATE / "same-title-two-roadmaps" / "a.md", first)
    build_vault(read_roadmap(first), vault)
    tick(vault, "HTML")
    before = read_tree(vault, skip=not_compared)
    other = (UPDATE / "same-title-two-roadmaps" / "b.md").read_text()
    result = CliRunner().invoke(cli, ["build", "-", "--vault", str(vault)], input=other)
    assert result.exit_code == 1
    assert "--name" in result.stderr and "mostly other items" in result.stderr
    assert read_tree(vault, skip=not_compared) == before
    named = CliRunner().invoke(
        cli, ["build", "-", "--vault", str(vault), "--name", "ML"], input=other
    )
    assert named.exit_code == 0, named.stderr
    assert ticked(vault) == {"HTML"}
    assert len(load_manifest(vault).roadmaps) == 2
