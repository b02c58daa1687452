"""The CLI's one error boundary: every failure is one line and an exit status."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from roadvault.cli import cli


def test_out_of_memory_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    roadmap = tmp_path / "r.md"
    roadmap.write_text("# R\n- [ ] a\n")

    def exhausted(*_args: object, **_kwargs: object) -> None:
        raise MemoryError

    monkeypatch.setattr("roadvault.cli.parse_cmd.read_roadmap", exhausted)
    result = CliRunner().invoke(cli, ["parse", str(roadmap)])
    assert result.exit_code == 1
    assert result.stderr == (
        "roadvault: ran out of memory: the input is too large or too deeply nested "
        "for this machine\n"
    )


def test_an_unexpected_bug_says_so_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    roadmap = tmp_path / "r.md"
    roadmap.write_text("# R\n- [ ] a\n")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("oops")

    monkeypatch.setattr("roadvault.cli.parse_cmd.read_roadmap", broken)
    result = CliRunner().invoke(cli, ["parse", str(roadmap)])
    assert result.exit_code == 1
    assert result.stderr.startswith("roadvault: internal error: KeyError")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["frobnicate"])
    assert result.exit_code == 2
