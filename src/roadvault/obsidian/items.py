"""The line of a list item as the note's updates read it: lead (indent, quote marks),
bullet, an optional checkbox, the text, and roadvault's block id at the end.

Merge finds the items it carries across an update with `ITEM_LINE`; joining copies of an
item reads and sets their checkbox with `CHECKBOX`. Both are built from the same pieces,
so a line is an item with a mark in one place exactly when it is in the other. (The block
scanner in `blocks.py` reads lists the CommonMark way, character by character, for
progress and the checks.)
"""

from __future__ import annotations

import re

from roadvault.obsidian.ids import ROADVAULT_ID

__all__ = ["CHECKBOX", "ITEM_LINE"]

# Indent and quote marks before the bullet ("  ", "> ", ">> "), then "-", "*", "+" or "1." / "1)".
_LEAD = r"[ \t]*(?:>[ \t]?)*[ \t]*"
_BULLET = r"[-*+]|\d{1,9}[.)]"

# A list item carrying one of our block ids, possibly inside a blockquote/callout.
ITEM_LINE = re.compile(
    rf"^(?P<lead>{_LEAD})"
    rf"(?P<bullet>{_BULLET})[ \t]+"
    r"(?:\[(?P<mark>[^\]\n])\][ \t]+)?"
    r"(?P<text>.*?)"
    r"[ \t]+\^(?P<id>" + ROADVAULT_ID + r")[ \t]*$"
)
# The checkbox of an item line: (lead and bullet)(mark).
CHECKBOX = re.compile(rf"^((?:{_LEAD})(?:{_BULLET})[ \t]+)\[([^\]\n])\][ \t]+")
