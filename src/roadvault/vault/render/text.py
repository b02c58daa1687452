"""How a roadmap's titles become list items that read as text (pure). Links and inline text
are the dialect's (`obsidian/links.py`)."""

from __future__ import annotations

import re

# Starts of a list item's text that Markdown would read as structure (a heading, a quote,
# a nested list, a fence, HTML, a checkbox) instead of the title.
_BLOCK_START = re.compile(
    r"^(?:#{1,6}(?:\s|$)|[>\[<]|[-+*](?:\s|$)|`{3,}|~{3,}|={3,}|_{3,}|-{3,}|\*{3,})"
)
_ORDERED_START = re.compile(r"^(\d{1,9})([.)])(\s|$)")


def plain_item_text(text: str) -> str:
    """Text for a plain bullet (`- text`) that reads as text, not as Markdown structure."""
    ordered = _ORDERED_START.match(text)
    if ordered:
        return f"{ordered.group(1)}\\{text[len(ordered.group(1)) :]}"
    if _BLOCK_START.match(text):
        return "\\" + text
    return text
