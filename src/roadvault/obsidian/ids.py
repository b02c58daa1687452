"""Block ids: the `^id` at the end of a line that Obsidian links to (`[[Note#^id]]`).

One grammar for every reader. An id is letters, digits and dashes, written after a space or
a tab (or alone on its line), with nothing but spaces or tabs after it. roadvault's own ids
are `rv-` and lowercase base 36 (docs/FORMAT.md §2); every other id is the learner's. Ticks
travel by roadvault ids, so a second grammar anywhere would let a line count in one place
and be lost in another.
"""

from __future__ import annotations

import hashlib
import re

__all__ = [
    "BLOCK_ID_CHARS",
    "ROADVAULT_ID",
    "ROADVAULT_PREFIX",
    "defuse_block_id",
    "fresh_block_id",
    "is_roadvault_id",
    "trailing_block_id",
]

ROADVAULT_PREFIX = "rv-"
# Pattern pieces, for readers that match a whole line at once (merge's item lines).
BLOCK_ID_CHARS = r"[A-Za-z0-9-]+"
ROADVAULT_ID = ROADVAULT_PREFIX + r"[a-z0-9]+"

_TRAILING = re.compile(r"(?:^|[ \t])\^(" + BLOCK_ID_CHARS + r")[ \t]*$")
_TRAILING_ALL = re.compile(r"(?:^|[ \t])\^(" + BLOCK_ID_CHARS + r")[ \t]*$", re.MULTILINE)
_ID_TAIL = re.compile("(" + BLOCK_ID_CHARS + r")[ \t]*$")
_ROADVAULT_ID = re.compile(ROADVAULT_ID)
# Wider than the grammar on purpose: text roadvault writes must not look like an id to any
# reader (Obsidian's included, whatever it counts as a space), so any whitespace before a
# trailing `^word` has it escaped.
_DEFUSE = re.compile(r"(^|\s)\^(" + BLOCK_ID_CHARS + r"\s*)$")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


def trailing_block_id(line: str, start: int = 0) -> str | None:
    """The block id at the end of `line` (looking from `start` on), or None."""
    found = _TRAILING.search(line, start)
    return found.group(1) if found else None


def id_after_caret(line: str, caret: int) -> str | None:
    """The id when the `^` at index `caret` starts one (the scanner's fast path: it has
    already found the last `^` and checked that a space or tab comes before it)."""
    found = _ID_TAIL.match(line, caret + 1)
    return found.group(1) if found else None


def block_ids_in(body: str) -> list[re.Match[str]]:
    """Every block id of a text known to hold no code (group 1 is the id)."""
    return list(_TRAILING_ALL.finditer(body))


def is_roadvault_id(block_id: str) -> bool:
    """Is this (caret-less) id one roadvault minted, rather than the learner's own?"""
    return _ROADVAULT_ID.fullmatch(block_id) is not None


def defuse_block_id(line: str) -> str:
    """`line` without a trailing `^id` that would read as a block id (the caret escaped):
    roadmap text must not mint one, or copy one of ours (two lines claiming one tick)."""
    return _DEFUSE.sub(r"\1\\^\2", line)


def _base36(number: int) -> str:
    out = ""
    while number:
        number, rest = divmod(number, 36)
        out = _BASE36[rest] + out
    return out.rjust(6, "0")


def fresh_block_id(base_id: str, taken: set[str]) -> str:
    """A roadvault id derived from `base_id`, deterministically, that is not in `taken`:
    `base_id` itself when free, else a hash of it with a counter (so a rebuild mints the
    same ids again)."""
    counter = 1
    candidate = base_id
    while candidate in taken:
        digest = hashlib.sha1(f"{base_id}\x1f{counter}".encode()).digest()
        candidate = ROADVAULT_PREFIX + _base36(int.from_bytes(digest[:8], "big"))[:6]
        counter += 1
    return candidate
