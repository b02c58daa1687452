"""Wikilinks are read and written in one place (src/roadvault/obsidian/links.py): what the
renderers write, the checks read back as written, and the roadmap's own links are read by
the same rule as the notes' links."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roadvault.obsidian.links import link_alias, linkable, parse_link, render_link, wikilinks_in
from roadvault.parse import parse_roadmap
from roadvault.vault.build import authored_link_targets
from roadvault.vault.check import check_links

names = st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=30)


@given(target=names, title=names, block=st.none() | st.sampled_from(["rv-a1", "rv-zz9"]))
def test_a_rendered_link_reads_back_as_written(target: str, title: str, block: str | None) -> None:
    for table in (False, True):
        text = render_link(target, title, block=block, table=table)
        links = list(wikilinks_in(text))
        if not linkable(target) or target != target.strip() or "\n" in target:
            continue
        [link] = links
        assert link.target == target
        assert link.subpath == (f"^{block}" if block else None)
        assert link.alias in (None, link_alias(title))


def test_escaped_pipes_in_a_table_cell_read_as_the_separator() -> None:
    assert parse_link("Note\\|Shown", 1, embed=False).target == "Note"
    assert render_link("Note", "A | B", table=True) == "[[Note\\|A - B]]"


def test_the_roadmaps_own_links_are_read_like_the_notes_links() -> None:
    """Before: the build read the roadmap's links with a regex of its own, which kept the
    backslash of a table's `\\|` (`Langchain\\`), so a link the roadmap author wrote in a
    table was reported as broken by the build's own check."""
    roadmap = parse_roadmap("# R\n\n## Tools\n\n| tool |\n|---|\n| [[Langchain\\|the docs]] |\n")
    allowed = authored_link_targets(roadmap)
    assert "Langchain" in allowed
    note = "| tool |\n|---|\n| [[Langchain\\|the docs]] |\n"
    assert check_links({"Tools.md": note}, authored_targets=allowed) == []
