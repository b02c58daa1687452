"""Wikilinks: `[[target#subpath|alias]]` and embeds `![[…]]`, read and written in one place.

Reading (`wikilinks_in`, `parse_link`, `link_targets`): a link is `[[`, text without
brackets or a line break, `]]`; its target ends at the first `|` or `#`; `\\|` (a pipe
escaped inside a table cell) reads as `|`. Which lines to look in (not code, not comments)
is the block reader's answer (`obsidian/blocks.py`), asked by the caller.

Writing (`render_link`, `link_alias`): one rule for the display part, wherever roadvault
writes a link — notes, the canvas, Progress.md. It is one line of text (`inline_text`)
without `|`, `[` or `]` (`|` becomes `-`, brackets become parentheses), so it can neither
end the link early nor split a table cell; inside a table the separator is written `\\|`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from roadvault.obsidian.ids import defuse_block_id

WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n]+?)\]\]")
_WHITESPACE = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # not tab, newline, CR (whitespace)
_ALIAS_FIXES = str.maketrans({"|": "-", "[": "(", "]": ")"})
# A target holding one of these cannot be linked: it would end or split the link.
_TARGET_BREAKERS = re.compile(r"[\[\]|#^\n]")


@dataclass(frozen=True, slots=True)
class Link:
    line: int  # 1-based
    target: str  # note name or path, as written ("" for a link inside the same note)
    subpath: str | None  # "^block-id" or a heading, without the "#"
    alias: str | None
    embed: bool


def parse_link(inner: str, line: int, *, embed: bool) -> Link:
    """The parts of a link from the text between its brackets."""
    inner = inner.replace("\\|", "|")  # escaped pipe inside tables
    target, _, alias = inner.partition("|")
    target, hash_sign, subpath = target.partition("#")
    return Link(
        line=line,
        target=target.strip(),
        subpath=subpath.strip() if hash_sign else None,
        alias=alias if alias else None,
        embed=embed,
    )


def wikilinks_in(text: str, line: int = 1) -> Iterator[Link]:
    """Every link and embed in `text`, all reported on `line`."""
    for match in WIKILINK.finditer(text):
        yield parse_link(match.group(2), line, embed=bool(match.group(1)))


def link_targets(text: str) -> set[str]:
    """The targets of the links in `text` (note names or paths; "" for the same note)."""
    return {link.target for link in wikilinks_in(text)}


def inline_text(text: str) -> str:
    """One line of Markdown: whitespace collapsed, control characters dropped (a NUL makes
    readers take the note for binary), `%%` (Obsidian's comment) defused, a trailing
    `^word` defused so it does not read as a block id."""
    text = _WHITESPACE.sub(" ", _CONTROLS.sub("", text)).strip()
    return defuse_block_id(text.replace("%%", "%\\%"))


def link_alias(title: str) -> str:
    """Text that is safe as the display part of a wikilink (no `|`, `[` or `]`)."""
    return inline_text(title).translate(_ALIAS_FIXES) or "Untitled"


def render_link(
    target: str,
    title: str | None = None,
    *,
    block: str | None = None,
    table: bool = False,
    embed: bool = False,
) -> str:
    """`[[target]]`, or `[[target|Title]]` when the title differs from the target (never a
    bare alias, which Obsidian does not resolve), optionally to a block:
    `[[target#^id|Title]]`. `table`: the separator is `\\|`, so the link stays in its cell.
    `embed`: `![[target#^id]]`, the block shown in place (no title). A target that cannot
    be linked (`linkable`) gives the title alone, as text."""
    if not linkable(target):
        return link_alias(title) if title is not None else link_alias(target)
    inner = f"{target}#^{block}" if block else target
    if embed:
        return f"![[{inner}]]"
    if title is None:
        return f"[[{inner}]]"
    alias = link_alias(title)
    if alias == target and not block:
        return f"[[{inner}]]"
    separator = "\\|" if table else "|"
    return f"[[{inner}{separator}{alias}]]"


def linkable(target: str) -> bool:
    """Can a link name this target? Not when it holds `[`, `]`, `|`, `#`, `^` or a line
    break: those would end or split the link."""
    return bool(target) and _TARGET_BREAKERS.search(target) is None
