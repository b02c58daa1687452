"""Front matter: never items, may name the roadmap, never loaded unsafely."""

from __future__ import annotations

import pytest

from roadvault.parse import parse_roadmap
from roadvault.parse.front import split_front_matter


def test_yaml_title_and_line_numbers_kept() -> None:
    front = split_front_matter("---\ntitle: T\ntags: [a]\n---\n- [ ] x\n", source="f.md")
    assert front.title == "T"
    assert front.body.split("\n")[4] == "- [ ] x"  # still line 5


def test_toml_title() -> None:
    assert split_front_matter('+++\ntitle = "T"\n+++\n- [ ] x\n', source="f.md").title == "T"


def test_rules_around_markdown_are_not_front_matter() -> None:
    text = "---\n\n## Phase 1\n- [ ] a\n\n---\n"
    assert split_front_matter(text, source="f.md").body == text
    assert [n.title for n in parse_roadmap(text).nodes] == ["Phase 1"]


def test_broken_yaml_is_a_warning_and_the_checklist_is_still_read(
    caplog: pytest.LogCaptureFixture,
) -> None:
    roadmap = parse_roadmap("---\ntitle: [unclosed\n---\n- [ ] a\n", source="b.md")
    assert [n.title for n in roadmap.nodes] == ["a"]
    assert "b.md:" in caplog.text and "front matter" in caplog.text


def test_python_tags_are_never_executed(caplog: pytest.LogCaptureFixture, tmp_path) -> None:
    marker = tmp_path / "pwned"
    text = f"---\ntitle: !!python/object/apply:os.system ['touch {marker}']\n---\n- [ ] a\n"
    roadmap = parse_roadmap(text, source="evil.md")
    assert not marker.exists()
    assert roadmap.title == "Evil"
    assert "broken YAML front matter" in caplog.text


def test_alias_bombs_are_capped(caplog: pytest.LogCaptureFixture) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    text = "---\n" + "\n".join(lines) + "\ntitle: Bomb\n---\n- [ ] a\n"
    roadmap = parse_roadmap(text, source="bomb.md")
    assert roadmap.title == "Bomb"  # from the file name: the front matter was refused
    assert "aliases" in caplog.text


def test_non_text_titles_are_ignored() -> None:
    assert split_front_matter("---\ntitle: [1, 2]\n---\n", source="f.md").title is None
    assert split_front_matter("---\ntitle: 2024\n---\n", source="f.md").title == "2024"


def test_front_matter_written_as_one_json_object_is_front_matter():
    # Obsidian's Digital Garden writes it so; read as text, the "---" under it is a heading rule
    text = '---\n{"dg-publish":true,"title":"Kiln log","tags":["clay"]}\n---\n\n# Glazes\n'
    front = split_front_matter(text, source="kiln.md")
    assert front.title == "Kiln log"
    assert "dg-publish" not in front.body and front.body.count("\n") == text.count("\n")
