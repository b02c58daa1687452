"""`roadvault build` as a user runs it: output lines, summary, exit statuses, errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from conftest import REPO, read_tree
from roadvault.cli import cli
from roadvault.fsio import vault_lock

EXAMPLE = REPO / "examples" / "web-backend-roadmap.md"
TOPIC = "Backend Web Development Roadmap/02 A First Service/Data and SQL.md"


def run(*args: str | Path):
    return CliRunner().invoke(cli, ["build", *map(str, args)], catch_exceptions=False)


def test_first_build_lists_each_file_and_a_summary(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    result = run(EXAMPLE, "--vault", vault)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"create     {TOPIC}" in lines
    assert "create     .obsidian/app.json" in lines
    assert lines[-1] == f"21 created, 0 updated, 0 unchanged → {vault.resolve()}"
    assert result.stderr == ""


def test_rebuild_says_nothing_to_do(tmp_path: Path) -> None:
    run(EXAMPLE, "--vault", tmp_path)
    result = run(EXAMPLE, "--vault", tmp_path)
    assert result.exit_code == 0
    assert result.stdout == (
        f"0 created, 0 updated, 21 unchanged → {tmp_path.resolve()} "
        "(nothing to write: the vault is up to date)\n"
    )


def test_quiet_prints_the_summary_only(tmp_path: Path) -> None:
    result = run(EXAMPLE, "--vault", tmp_path, "-q")
    assert result.stdout.count("\n") == 1 and result.stdout.startswith("21 created")
    group_quiet = CliRunner().invoke(
        cli, ["-q", "build", str(EXAMPLE), "--vault", str(tmp_path / "b")]
    )
    assert group_quiet.stdout.count("\n") == 1


def test_dry_run_with_diff_shows_changes_and_writes_nothing(tmp_path: Path) -> None:
    run(EXAMPLE, "--vault", tmp_path)
    note = tmp_path / TOPIC
    note.write_text(note.read_text() + "my notes\n")
    edited = tmp_path / "edited.md"
    edited.write_text(EXAMPLE.read_text().replace("- [ ] Migrations", "- [ ] Schema migrations"))
    before = read_tree(tmp_path)
    result = run(edited, "--vault", tmp_path, "--dry-run", "--diff")
    assert result.exit_code == 0
    assert f"merge      {TOPIC}" in result.stdout
    assert f"--- a/{TOPIC}\n+++ b/{TOPIC}\n" in result.stdout
    assert (
        "-- [ ] Migrations ^rv-" in result.stdout
        and "+- [ ] Schema migrations ^rv-" in result.stdout
    )
    assert result.stdout.splitlines()[-1].startswith("dry run: 0 created, 0 updated, 1 merged")
    assert result.stdout.rstrip().endswith("(nothing written)")
    assert read_tree(tmp_path) == before


def test_conflicts_exit_3(tmp_path: Path) -> None:
    run(EXAMPLE, "--vault", tmp_path)
    note = tmp_path / TOPIC
    note.write_text(note.read_text().replace("# Data and SQL", "# Data and SQL, my way"))
    edited = tmp_path / "edited.md"
    edited.write_text(EXAMPLE.read_text().replace("### Data and SQL", "### Data and databases"))
    result = run(edited, "--vault", tmp_path)
    assert result.exit_code == 3
    renamed = TOPIC.replace("Data and SQL.md", "Data and databases.md")
    assert f"conflict   {renamed}" in result.stdout
    assert "conflict(s) to resolve" in result.stderr
    assert (
        "<<<<<<< vault\n# Data and SQL, my way\n=======\n# Data and databases\n"
        in (tmp_path / renamed).read_text()
    )
    assert not note.exists()


def test_bad_input_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    prose = tmp_path / "prose.md"
    prose.write_text("Just a paragraph, no list at all.\n")
    result = run(prose, "--vault", tmp_path / "v")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"roadvault: {prose}: has no roadmap items")
    assert not (tmp_path / "v").exists()
    missing = run(tmp_path / "missing.md", "--vault", tmp_path / "v")
    assert missing.exit_code == 1 and missing.stderr.endswith("missing.md: no such roadmap\n")
    a_file = tmp_path / "file"
    a_file.write_text("x")
    result = run(EXAMPLE, "--vault", a_file)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"roadvault: {a_file}: is a file, not a folder; give a folder for the vault\n"
    )
    assert run(EXAMPLE, "--vault", tmp_path / "v", "--depth", "99").exit_code == 2


def test_damaged_manifest_is_one_line_with_a_hint(tmp_path: Path) -> None:
    run(EXAMPLE, "--vault", tmp_path)
    (tmp_path / ".roadvault" / "manifest.json").write_text("{oops")
    result = run(EXAMPLE, "--vault", tmp_path)
    assert result.exit_code == 1
    first, hint = result.stderr.splitlines()
    assert "manifest.json:1: manifest is not valid JSON" in first
    assert hint.startswith("  hint: move .roadvault/manifest.json aside")


def test_busy_vault_exits_4(tmp_path: Path) -> None:
    run(EXAMPLE, "--vault", tmp_path)
    edited = tmp_path / "edited.md"
    edited.write_text(EXAMPLE.read_text().replace("### Testing", "### Testing well"))
    with vault_lock(tmp_path):
        result = run(edited, "--vault", tmp_path)
    assert result.exit_code == 4 and "another roadvault process" in result.stderr


def test_name_and_depth(tmp_path: Path) -> None:
    result = run(EXAMPLE, "--vault", tmp_path, "--name", "Backend", "--depth", "1")
    assert result.exit_code == 0
    manifest = json.loads((tmp_path / ".roadvault" / "manifest.json").read_text())
    entry = manifest["roadmaps"]["backend"]
    assert entry["folder"] == "Backend" and entry["depth"] == 1
    assert sorted(p for p in read_tree(tmp_path) if p.startswith("Backend/")) == [
        "Backend/01 The Web and HTTP/The Web and HTTP.md",
        "Backend/02 A First Service/A First Service.md",
        "Backend/03 Production Habits/Production Habits.md",
        "Backend/Backend.canvas",
        "Backend/Backend.md",
    ]
