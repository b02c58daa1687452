"""File names: safe on every platform and in Obsidian links, readable, unique, stable."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pathvalidate import is_valid_filename

from roadvault.fsio import check_relpath
from roadvault.vault.render.names import (
    MAX_NAME_BYTES,
    MAX_NAME_CHARS,
    NameRegistry,
    clean_title,
    is_safe_name,
    name_key,
    safe_name,
    unique_slug,
)
from roadvault.vaultformat import slugify

LINK_BREAKERS = set("#^[]|:%")
FORBIDDEN = set('/\\*?"<>')

titles = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=300)
nasty = st.sampled_from(
    [
        "CON",
        "con.txt",
        "nul ",
        "COM1",
        "LPT9.md",
        "..",
        ".",
        "...",
        "../../etc/passwd",
        "..\\..\\boot.ini",
        " ",
        "\x00",
        "#",
        "[[x]]",
        "a" * 400,
        "é" * 300,
        "🚀🚀",
        "\u202e",
    ]
)


def assert_safe(name: str, *, max_chars: int = MAX_NAME_CHARS) -> None:
    assert name
    assert len(name) <= max_chars and len(name.encode("utf-8")) <= MAX_NAME_BYTES
    assert name == unicodedata.normalize("NFC", name)
    assert not name.startswith(".") and not name.endswith((".", " ")) and name == name.strip()
    assert not (set(name) & (LINK_BREAKERS | FORBIDDEN))
    assert not any(unicodedata.category(char) in ("Cc", "Cf") for char in name)
    assert is_valid_filename(name, platform="universal"), name  # independent judge
    check_relpath(f"Vault folder/{name}")  # a plain name: never a path escape


@given(title=titles | nasty, ext=st.sampled_from(["", ".md", ".canvas"]))
def test_safe_name_is_always_safe(title: str, ext: str) -> None:
    name = safe_name(title, ext=ext)
    assert_safe(name)
    assert name.endswith(ext)
    assert is_safe_name(name)


@given(title=titles, suffix=st.sampled_from(["", " 2", " (Deep Learning)", " (日本語の長い題名)"]))
def test_suffixes_fit_the_budget(title: str, suffix: str) -> None:
    name = safe_name(title, ext=".md", suffix=suffix)
    assert_safe(name)
    assert name.endswith(f"{suffix}.md")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Linear Algebra", "Linear Algebra.md"),
        ("Joins: and Aggregation", "Joins - and Aggregation.md"),
        ("Chapter 1: Basics", "Chapter 1 - Basics.md"),
        # "Phase 1:" says where the part stands, as a folder's "01" does: the note keeps
        # the name it had before titles kept the label
        ("Step 1: Basics", "Basics.md"),
        ("TCP/IP", "TCP-IP.md"),
        ("What is DNS?", "What is DNS.md"),
        ("[Optional] Docker", "(Optional) Docker.md"),
        ("C# basics", "C-sharp basics.md"),
        ("Über Schlüssel — 日本語", "Über Schlüssel — 日本語.md"),
        ("../../etc/passwd", "etc-passwd.md"),
        ("..\\..\\boot.ini", "boot.ini.md"),
        ("CON", "CON_.md"),
        ("nul.txt", "nul_.txt.md"),
        ("LPT¹", "LPT¹_.md"),
        ("  .hidden  ", "hidden.md"),
        ("🚀 Launch", "Launch.md"),
        ("", "Untitled.md"),
        ("###", "Untitled.md"),
    ],
)
def test_readable_names(title: str, expected: str) -> None:
    assert safe_name(title, ext=".md") == expected


def test_long_titles_are_cut_within_limits() -> None:
    assert len(safe_name("word " * 100, ext=".md")) <= MAX_NAME_CHARS
    assert len(safe_name("ü" * 200, ext=".md").encode()) <= MAX_NAME_BYTES
    assert len(safe_name("漢" * 200, ext=".md").encode()) <= MAX_NAME_BYTES


def test_nfc_and_case_insensitive_keys() -> None:
    decomposed = unicodedata.normalize("NFD", "Écoles")
    assert clean_title(decomposed) == "Écoles"
    assert name_key("ÉCOLES.md") == name_key(decomposed.lower() + ".md")


def test_duplicates_get_readable_distinct_names() -> None:
    registry = NameRegistry(["projects.md"])  # a learner's note, other case
    names = [
        registry.claim("Projects", ext=".md", qualifier="Deep Learning"),
        registry.claim("Projects", ext=".md", qualifier="Deep Learning"),
        registry.claim("Projects", ext=".md", qualifier="Deep Learning"),
        registry.claim("Projects", ext=".md"),
    ]
    assert names == [
        "Projects (Deep Learning).md",
        "Projects (Deep Learning) 2.md",
        "Projects (Deep Learning) 3.md",
        "Projects 2.md",
    ]


@given(st.lists(titles | nasty, max_size=40), st.lists(titles, max_size=10))
def test_claimed_names_are_unique_and_safe(wanted: list[str], existing: list[str]) -> None:
    taken = [safe_name(title, ext=".md") for title in existing]
    registry = NameRegistry(taken)
    names = [registry.claim(title, ext=".md", qualifier="Phase") for title in wanted]
    keys = [name_key(name) for name in names]
    assert len(set(keys)) == len(keys)
    assert not set(keys) & {name_key(name) for name in taken}
    for name in names:
        assert_safe(name)


@given(st.lists(titles, max_size=20))
def test_names_are_stable(wanted: list[str]) -> None:
    """Same input, same names; and adding titles at the end renames nothing before."""
    first = NameRegistry()
    second = NameRegistry()
    names = [first.claim(title, ext=".md") for title in wanted]
    more = [second.claim(title, ext=".md") for title in [*wanted, "Extra", *wanted]]
    assert more[: len(names)] == names


@given(titles)
def test_slugs(title: str) -> None:
    slug = slugify(title)
    assert slug and set(slug) <= set("abcdefghijklmnopqrstuvwxyz0123456789-")
    assert not slug.replace("-", "").isdigit()
    assert not slug.startswith("-") and not slug.endswith("-")


def test_slug_examples() -> None:
    assert slugify("Data Engineering Starter") == "data-engineering-starter"
    assert slugify("Café & Crème 2025!") == "cafe-creme-2025"
    assert slugify("1984") == "roadmap-1984"
    assert slugify("日本語") == "roadmap"
    assert unique_slug("ml", ["ml", "ml-2"]) == "ml-3"
