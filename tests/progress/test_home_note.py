"""Home.md links to Progress and to each roadmap: the list between its marker lines follows
the builds; the rest of Home.md, and a Home.md without the markers, is the learner's."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from progress_vaults import private_cache  # noqa: F401

from roadvault.cli import cli
from roadvault.vault.render.notes import render_home

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "web-backend-roadmap.md"
HOME = (
    "# Home\n\nmine\n%% roadvault: roadmaps — kept by roadvault %%\n- old\n"
    "%% roadvault: end %%\nmine too\n"
)


def test_render_home_replaces_only_the_list() -> None:
    text = render_home(HOME, [("A", "A"), ("B 2", "B")])
    assert text == (
        "# Home\n\nmine\n%% roadvault: roadmaps — kept by roadvault %%\n- [[A]]\n- [[B 2|B]]\n"
        "%% roadvault: end %%\nmine too\n"
    )
    assert render_home("# Home\n- old\n", [("A", "A")]) == "# Home\n- old\n"  # no markers
    unclosed = "%% roadvault: roadmaps %%\n- old\n"
    assert render_home(unclosed, [("A", "A")]) == unclosed


def test_built_home_links_progress_and_the_roadmap_and_keeps_learner_edits(
    tmp_path: Path,
) -> None:
    vault = tmp_path / "v"
    assert CliRunner().invoke(cli, ["build", str(EXAMPLE), "--vault", str(vault)]).exit_code == 0
    home = (vault / "Home.md").read_text(encoding="utf-8")
    assert "**[[Progress]]**" in home
    assert "- [[Backend Web Development Roadmap]]\n%% roadvault: end %%" in home
    (vault / "Home.md").write_text(home + "\nMy own line.\n", encoding="utf-8")
    second = tmp_path / "other.md"
    second.write_text("# Another Path\n\n## Basics\n- [ ] One thing\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(second), "--vault", str(vault)])
    assert result.exit_code == 0, result.output
    home = (vault / "Home.md").read_text(encoding="utf-8")
    assert "- [[Another Path]]\n- [[Backend Web Development Roadmap]]\n" in home
    assert home.endswith("\nMy own line.\n")
