"""Damaged `.roadvault/` state: one clear line naming the damaged file, never "internal
error" and never blame put on the roadmap. Before: deep nesting (RecursionError), a
5,000-digit `format` (ValueError) and a model of the wrong shape (AttributeError) were
"internal error"; a model id `../../../etc/x` was blamed on the roadmap's file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from roadvault.cli import cli
from roadvault.parse import parse_roadmap
from roadvault.vault import build_vault

from .scenario import ROADMAP_V1, ROADMAP_V2, do_learner_work, lost_work

DEEP = "[" * 100_000 + "]" * 100_000


def _model(vault: Path) -> Path:
    return next((vault / ".roadvault" / "roadmaps").glob("*.json"))


def _manifest(vault: Path) -> Path:
    return vault / ".roadvault" / "manifest.json"


def _bad_id(vault: Path) -> None:
    text = _model(vault).read_text()
    _model(vault).write_text(text.replace('"rv-', '"../../../etc/x', 1))


# case → (damage, the file the message must name, whether the build goes on without it)
CASES: dict[str, tuple[Callable[[Path], object], str, bool]] = {
    "manifest nested too deeply": (
        lambda v: _manifest(v).write_text(DEEP),
        "manifest.json",
        False,
    ),
    "manifest format of 5000 digits": (
        lambda v: _manifest(v).write_text('{"format": ' + "9" * 5000 + "}"),
        "manifest.json",
        False,
    ),
    "model nested too deeply": (lambda v: _model(v).write_text(DEEP), "roadmaps/", True),
    "model of the wrong shape": (
        lambda v: _model(v).write_text('{"title": 5, "nodes": "x"}'),
        "roadmaps/",
        True,
    ),
    "model with a path for an id": (_bad_id, "roadmaps/", True),
    "pending nested too deeply": (
        lambda v: (v / ".roadvault" / "pending.json").write_text(DEEP),
        "pending.json",
        True,
    ),
}


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


@pytest.mark.parametrize("case", sorted(CASES))
def test_damaged_state_is_one_line_naming_the_file(case: str, tmp_path: Path) -> None:
    damage, named, goes_on = CASES[case]
    vault = tmp_path / "vault"
    build_vault(parse_roadmap(ROADMAP_V1, source="plan.md"), vault)
    work = do_learner_work(vault)
    damage(vault)
    v2 = tmp_path / "plan.md"
    v2.write_text(ROADMAP_V2)
    for args in (("build", v2, "--vault", vault), ("status", vault), ("doctor", vault)):
        result = run(*args)
        assert "internal error" not in result.stderr, (args[0], result.stderr)
        assert "Traceback" not in result.stderr
        assert "plan.md" not in result.stderr, (args[0], result.stderr)  # not the roadmap's fault
        if args[0] == "build":
            if goes_on:
                assert result.exit_code == 0, result.stderr
                assert named in result.stderr and "damaged" in result.stderr
                assert not lost_work(vault, work)
            else:
                assert result.exit_code == 1
                first = result.stderr.splitlines()[0]
                assert named in first and "damaged" in first, first
