"""The documents point at things that exist: every test that docs/ or the README cites as
proof (`path/test_x.py::test_name`, and a `::test_name` after it in the same place) is a test
of this repository, and every document they link to is here. A promise whose proof was
deleted (a test file emptied by mistake once left docs/SAFETY.md citing tests that were
gone) fails here instead of reading as proven."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO

DOCUMENTS = [*sorted((REPO / "docs").glob("*.md")), REPO / "README.md"]
# `reliability/test_fuzz.py::test_x`, then `::test_y` naming another test of the same file.
_CITED_TEST = re.compile(r"([\w/]+\.py)?::(\w+)")
_DOC_LINK = re.compile(r"\(((?:docs/)?[A-Z][A-Z_]*\.md)\)|\bdocs/([A-Z][A-Z_]*\.md)")


def _test_files() -> dict[str, list[Path]]:
    by_name: dict[str, list[Path]] = {}
    for path in (REPO / "tests").rglob("*.py"):
        by_name.setdefault(path.name, []).append(path)
    return by_name


def test_every_cited_test_exists() -> None:
    files = _test_files()
    missing = []
    for document in DOCUMENTS:
        last: str | None = None
        for match in _CITED_TEST.finditer(document.read_text(encoding="utf-8")):
            last = match.group(1) or last
            if last is None:
                continue
            paths = [p for p in files.get(Path(last).name, []) if p.as_posix().endswith(last)]
            name = re.escape(match.group(2))
            if not any(re.search(rf"def {name}", p.read_text(encoding="utf-8")) for p in paths):
                missing.append(f"{document.name}: {last}::{match.group(2)}")
    assert missing == []


def test_every_linked_document_exists() -> None:
    missing = []
    for document in DOCUMENTS:
        for match in _DOC_LINK.finditer(document.read_text(encoding="utf-8")):
            name = Path(match.group(1) or match.group(2)).name
            if not (REPO / "docs" / name).exists() and not (REPO / name).exists():
                missing.append(f"{document.name}: {name}")
    assert missing == []
