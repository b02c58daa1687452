"""Markdown snippets shared by the note and canvas renderers (pure)."""

from __future__ import annotations

import re

from roadvault.obsidian.ids import defuse_block_id

__all__ = ["alias_text", "defuse_block_id", "inline_text", "plain_item_text", "wikilink"]

_WHITESPACE = re.compile(r"\s+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")  # not tab, newline, CR (whitespace)
# Starts of a list item's text that Markdown would read as structure (a heading, a quote,
# a nested list, a fence, HTML, a checkbox) instead of the title.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?:\s|$)|[>\[<]|[-+*](?:\s|$)|`{3,}|~{3,}|={3,}|_{3,}|-{3,}|\*{3,})"
)
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(\s|$)")


def inline_text(text: str) -> str:
    """One line of Markdown: whitespace collapsed, control characters dropped (a NUL makes
    readers take the note for binary), `%%` (Obsidian's comment) defused."""
    text = _WHITESPACE.sub(" ", _CONTROLS.sub("", text)).strip()
    return defuse_block_id(text.replace("%%", "%\\%"))


def plain_item_text(text: str) -> str:
    """Text for a plain bullet (`- text`) that reads as text, not as Markdown structure."""
    ordered = _ORDERED_START.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{text[len(ordered.group(1)) :]}"
    if _BLOCK_START.match(text):
        return "\\" + text
    return text


def alias_text(title: str) -> str:
    """Text that is safe as the display part of a wikilink (no `|`, `[` or `]`)."""
    text = inline_text(title).replace("|", "-").replace("[", "(").replace("]", ")")
    return text or "Untitled"


def wikilink(name: str, title: str | None = None, *, block: str | None = None) -> str:
    """`[[Name]]`, or `[[Name|Title]]` when the title differs from the name (never a bare
    alias, which Obsidian does not resolve), optionally to a block: `[[Name#^id|Title]]`."""
    target = f"{name}#^{block}" if block else name
    if title is None:
        return f"[[{target}]]"
    text = alias_text(title)
    if text == name and not block:
        return f"[[{target}]]"
    return f"[[{target}|{text}]]"
