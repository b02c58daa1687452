"""The vault checker finds what a user would trip over (so it can fail, and does)."""

from __future__ import annotations

from roadvault.vault.check import (
    LinkIndex,
    check_block_ids,
    check_links,
    check_names,
    check_properties,
    check_vault,
    find_conflict_markers,
    find_links,
    find_tasks,
)

GOOD = {
    "R/R.md": (
        "---\nroadvault_id: rv-r\nroadvault_kind: roadmap\nroadmap: R\ntags:\n  - roadmap/r\n"
        "---\n# R\n- [[Topic|The topic]]\n"
    ),
    "R/01 P/Topic.md": (
        '---\nroadvault_id: rv-t\nroadvault_kind: topic\nroadmap: R\nup: "[[R]]"\ntags:\n'
        "  - roadmap/r\n---\n# T\n- [ ] a ^rv-aaaaaa\n- [x] b ^rv-bbbbbb\n## Heading\n"
    ),
    "Mine.md": (
        "see [[Topic#^rv-aaaaaa]] and [[R/01 P/Topic#Heading|there]] and [[#Local]]\n## Local\n"
    ),
}


def test_clean_vault_is_clean() -> None:
    assert check_vault(GOOD, owned=["R/R.md", "R/01 P/Topic.md"]) == []


def test_broken_links_and_blocks_are_found() -> None:
    files = {
        **GOOD,
        "Mine.md": (
            "[[Nope]] [[Topic#^rv-zzzzzz]] [[Topic#Missing]] `[[in code]]`\n```\n[[fenced]]\n```\n"
        ),
    }
    problems = check_links(files)
    messages = [p.message for p in problems]
    assert len(problems) == 3, messages
    assert any("broken link [[Nope]]" in m for m in messages)
    assert any("no block ^rv-zzzzzz" in m for m in messages)
    assert any("no heading 'Missing'" in m for m in messages)
    assert check_links(files, authored_targets={"Nope"})[0].message.startswith("no block")


def test_property_links_must_resolve() -> None:
    files = {**GOOD, "R/01 P/Topic.md": GOOD["R/01 P/Topic.md"].replace('"[[R]]"', '"[[Gone]]"')}
    assert [p.message for p in check_links(files)] == ["broken link [[Gone]]"]


def test_duplicate_block_ids() -> None:
    files = {
        "A.md": "- [ ] a ^rv-aaaaaa\n- [ ] again ^rv-aaaaaa\n",
        "B.md": "- [ ] b ^rv-bbbbbb\n",
        "C.md": "- [ ] b elsewhere ^rv-bbbbbb\n- [ ] own id ^mine\n",
        "D.md": "- [ ] own id elsewhere is fine ^mine\n",
    }
    problems = check_block_ids(files)
    assert [(p.relpath, p.message) for p in problems] == [
        ("A.md", "block id ^rv-aaaaaa repeated"),
        ("C.md", "block id ^rv-bbbbbb also in B.md"),
    ]


def test_properties_are_checked() -> None:
    files = {
        "a.md": "---\nroadvault_id: x\n---\n",
        "b.md": "---\nbad: [\n---\n",
        "c.md": (
            "---\nroadvault_id: x\nroadvault_kind: topic\nroadmap: R\n"
            "tags: [1984, 'has space']\nup: not a link\n---\n"
        ),
    }
    problems = check_properties(files, owned=["a.md", "c.md"])
    messages = sorted(f"{p.relpath} {p.message}" for p in problems)
    assert "a.md no 'tags' property" in messages
    assert any(m.startswith("b.md front matter is not valid YAML") for m in messages)
    assert "c.md 'has space' is not a valid tag" in messages
    assert "c.md 'up' is not a link" in messages
    assert any("1984" in m for m in messages) or "c.md 'tags' is not a list" in messages


def test_names_are_checked() -> None:
    problems = check_names(
        [
            "R/Topic.md",
            "Other/topic.md",
            "R/CON.md",
            "R/a:b.md",
            ".obsidian/x.json",
            ".obsidian/X.json",
        ],
        generated=["R/Topic.md", "R/CON.md", "R/a:b.md"],
    )
    messages = sorted(p.message for p in problems)
    assert "unsafe file name 'CON.md'" in messages
    assert "unsafe file name 'a:b.md'" in messages
    assert any("collides with" in m for m in messages)
    assert len(problems) == 3


def test_links_resolve_like_obsidian() -> None:
    index = LinkIndex(["A/Note.md", "B/Map.canvas", "Top.md"])
    assert index.resolve("Note", "Top.md") == "A/Note.md"
    assert index.resolve("A/Note", "Top.md") == "A/Note.md"
    assert index.resolve("Map.canvas", "Top.md") == "B/Map.canvas"
    assert index.resolve("Map", "Top.md") is None  # other extensions must be written
    assert index.resolve("note", "Top.md") is None  # exact case, on purpose
    assert index.resolve("", "Top.md") == "Top.md"


def test_small_readers() -> None:
    text = (
        "---\nx: '- [ ] no'\n---\n- [ ] a\n\t- [/] b\n> - [x] c\n"
        "```\n- [ ] code\n```\n<<<<<<< vault\n"
    )
    assert [marker for _, marker in find_tasks(text)] == [" ", "/", "x"]
    assert find_conflict_markers(text) == [10]
    assert [link.target for link in find_links("![[Pic.png]] [[A|b]] [[C#^d]]")] == [
        "Pic.png",
        "A",
        "C",
    ]
