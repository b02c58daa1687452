"""Loose lines: text copied out of a rendered page or a chat window, where the Markdown is gone.

What is left is one thing per line, blank lines between them, section lines marked by a
number or a glyph ("🔹 1. Understand the Basics", "🟢 2. Basic HTML Elements"), labels ending
in a colon ("📘 Resources:"), and short lines that were bullets. Markdown reads all of it as
paragraphs, so the document would be refused as having no items. This last reading, tried
only when nothing else found an item, turns those lines back into headings, labels and
bullets so the usual rules can read them; `original_line` maps line numbers back.
"""

from __future__ import annotations

import re
import unicodedata

from roadvault.parse.rules import rule
from roadvault.parse.titles import strip_decorations

# A section line: numbering or an ordinal word first, after any glyphs.
_SECTION_RE = re.compile(
    r"^(?:\d{1,2}[.)、．]|(?:step|phase|stage|part|module|week|month|day|level|unit)\s+\d{1,3}\b"
    r"|第\s*[一二三四五六七八九十\d]{1,3}\s*[阶階步章周週天月部]|[一二三四五六七八九十]{1,3}[、.．])",
    re.I,
)
_LABEL_END_RE = re.compile(r"[:：]\s*$")
_BULLET_RE = re.compile(r"^[-*+•◦▪‣]\s+")
MAX_ITEM_WORDS = 16
MAX_ITEM_CHARS = 120


def _is_item_text(text: str) -> bool:
    words = text.split()
    if not words or len(text) > MAX_ITEM_CHARS or len(words) > MAX_ITEM_WORDS:
        return False
    return not (text.endswith((".", "。")) and len(words) > 8)


@rule("loose-lines")
def loose_lines_to_markdown(text: str) -> str:
    """Text with no Markdown structure left (copied from a page or a chat window): numbered
    or glyph-marked lines are sections, lines ending in a colon are labels, other short lines
    are items, long sentences stay text. Tried only when nothing else found an item."""
    out: list[str] = []
    in_section = False
    for line in text.split("\n"):
        stripped = line.strip()
        plain = strip_decorations(stripped).strip()
        if not any(char.isalnum() for char in plain):
            out.append("")  # blank, or a rule of dashes: nothing to read
            out.append("")
            continue
        bullet = _BULLET_RE.match(plain)
        body = plain[bullet.end() :] if bullet else plain
        indent = len(line) - len(line.lstrip())
        glyph_led = unicodedata.category(stripped[0]) == "So" and not bullet
        short = len(plain.split()) <= 14 and not plain.endswith((".", "。"))
        if not bullet and indent == 0 and short and (_SECTION_RE.match(plain) or glyph_led):
            out.append(f"## {plain}")
            in_section = True
        elif not bullet and _LABEL_END_RE.search(plain) and len(plain.split()) <= 4:
            out.append(f"### {plain}")
        elif _is_item_text(body) and (in_section or bullet) and not _LABEL_END_RE.search(body):
            out.append(f"- {body}")
        else:
            out.append(plain)
        out.append("")  # every line its own block: no lazy continuation
    return "\n".join(out)


def original_line(line: int) -> int:
    """The input line an output line of `loose_lines_to_markdown` came from (each input line
    is written followed by a blank one)."""
    return (line + 1) // 2
