"""A plain-text outline → Markdown, line for line.

Pure. Many roadmaps are typed in a plain editor: structure by indentation and numbering
(`1.`, `1.1`, `1.1.1`, `I.`, `A.`, `a)`), section lines in CAPITALS or ending in a colon.
Markdown misreads them: `1.1 Foo` is not a list marker, and four spaces of indentation is a
code block, so such a file comes out as prose or code and has no items. Here each line gets
a depth from its indentation and its numbering style, and is rewritten as what it means:
top-level lines with children become `##` headings, deeper lines nested `- ` items (their
numbering kept in the text, so "Week 2"-style order words survive), and prose stays prose.

The output has exactly the input's lines, one for one, so every line number the reader
reports still points at the user's file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TAB_WIDTH = 4
PROSE_WORDS = 14  # a line this long that reads as a sentence is prose, not an item
MIN_OUTLINE_LINES = 3  # structural lines needed before a text is read as an outline

# Numbering styles, each a family: the depth of a line is decided by its family's rank and,
# for dotted numbers (1., 1.1, 1.1.1), by how many parts the number has.
_DOTTED_RE = re.compile(r"^(\d{1,4}(?:\.\d{1,4})+)\.?(?=\s|$)")  # 1.1, 1.1.1, 1.1.
_NUMBER_RE = re.compile(r"^\d{1,4}[.)](?=\s|$)")  # 1.  1)
_ROMAN_UPPER_RE = re.compile(r"^[IVXLC]{1,7}[.)](?=\s|$)")
_ROMAN_LOWER_RE = re.compile(r"^[ivxlc]{1,7}[.)](?=\s|$)")
_ALPHA_UPPER_RE = re.compile(r"^[A-Z][.)](?=\s|$)")
_ALPHA_LOWER_RE = re.compile(r"^[a-z][.)](?=\s|$)")
_PAREN_RE = re.compile(r"^\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)(?=\s|$)")  # (1) (a) (iv)
_MULTI_ROMAN_RE = re.compile(r"^(?:II|III|IV|VI|VII|VIII|IX|XI|XII)[.)]\s", re.M)
_MULTI_ROMAN_LOWER_RE = re.compile(r"^\s*(?:ii|iii|iv|vi|vii|viii)[.)]\s", re.M)

# Markdown structure that means the text is already Markdown (it is then left alone).
_ATX_RE = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_BULLET_RE = re.compile(r"^\s*[-*+•]\s+\S")
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-{2,})\s*$")
_QUOTE_RE = re.compile(r"^ {0,3}>")
_TABLE_RE = re.compile(r"^\s*\|.*\|\s*$")
_HTML_RE = re.compile(r"^\s*</?[a-zA-Z][\w-]*(?:\s[^>]*)?/?>")
_INLINE_MD_RE = re.compile(r"\*\*\S|\S\*\*|__\S.*\S__|\]\(|`[^`\s][^`]*`|^\s*[-*]\s\[[ xX]\]")
_CODE_LINE_RE = re.compile(r"[;{}]\s*$|^\s*(?:def|class|import|return|if|for|while)\b.*[:(]")

_CAPS_MIN_LETTERS = 3
_COLON_RE = re.compile(r"^[^:]{2,60}:$")
_SENTENCE_END_RE = re.compile(r"[.!?…。]['\")\]]?$")


@dataclass(frozen=True, slots=True)
class _Line:
    indent: int  # columns, tabs counted as TAB_WIDTH
    text: str  # without indentation and trailing spaces
    family: str  # "dotted", "roman", "ROMAN", "alpha", "ALPHA", "paren", "caps", "colon", "plain"
    parts: int  # dotted numbers: how many parts (1.1.1 → 3); else 1


def looks_like_outline(text: str) -> bool:
    """True when `text` has no Markdown structure and its structure is a plain outline.

    Conservative on purpose: anything Markdown would already read (ATX headings, bullet
    lists on many lines, tables, fences, quotes, bold/links/code spans, HTML) keeps the text
    Markdown; a few plain lines in a Markdown file never tip it."""
    lines = text.splitlines()
    if _markdown_signals(lines):
        return False
    parsed = [_line(raw) for raw in lines if raw.strip()]
    if len(parsed) < MIN_OUTLINE_LINES:
        return False
    return _outline_signals(parsed, lines)


def _markdown_signals(lines: list[str]) -> bool:
    bullets = 0
    nonblank = 0
    previous = ""
    for raw in lines:
        if not raw.strip():
            previous = raw
            continue
        nonblank += 1
        if (
            _ATX_RE.match(raw)
            or _FENCE_RE.match(raw)
            or _QUOTE_RE.match(raw)
            or _TABLE_RE.match(raw)
            or _HTML_RE.match(raw)
            or _INLINE_MD_RE.search(raw)
            or (_SETEXT_RE.match(raw) and previous.strip())
        ):
            return True
        if _BULLET_RE.match(raw):
            bullets += 1
        previous = raw
    return bullets * 3 >= nonblank and bullets > 0


def _outline_signals(parsed: list[_Line], raw_lines: list[str]) -> bool:
    """Numbering that Markdown cannot read, or indentation that it would read as code."""
    numbered = sum(line.family not in ("plain", "caps", "colon") for line in parsed)
    dotted = sum(line.family == "dotted" for line in parsed)
    lettered = sum(line.family in ("roman", "ROMAN", "alpha", "ALPHA", "paren") for line in parsed)
    heads = _section_lines(parsed)
    indented = [line for line in parsed if line.indent >= 2 and not _is_prose(line.text)]
    code_like = sum(bool(_CODE_LINE_RE.search(raw)) for raw in raw_lines)
    if code_like * 4 > len(parsed):
        return False
    if dotted >= 2 or lettered >= 2:
        return numbered >= MIN_OUTLINE_LINES
    if heads >= 2:
        return True
    # Indentation only: children under top-level lines, at least two levels.
    return len(indented) >= MIN_OUTLINE_LINES and _has_parent_child(parsed)


def _section_lines(parsed: list[_Line]) -> int:
    """CAPITAL or `Title:` lines that have a line under them (not the last line)."""
    count = 0
    for index, line in enumerate(parsed[:-1]):
        if line.family in ("caps", "colon") and parsed[index + 1].family not in ("caps",):
            count += 1
    return count


def _has_parent_child(parsed: list[_Line]) -> bool:
    return any(
        before.indent == 0 and after.indent > 0 and not _is_prose(before.text)
        for before, after in zip(parsed, parsed[1:], strict=False)
    )


def outline_to_markdown(text: str) -> str:
    """The outline as Markdown with the same lines: headings, nested items, prose."""
    raw_lines = text.split("\n")
    parsed = {index: _line(raw) for index, raw in enumerate(raw_lines) if raw.strip()}
    families = _family_order(list(parsed.values()), text)
    depths = _depths(parsed, families)
    order = sorted(parsed)
    out = list(raw_lines)
    heading_open = False  # the top-level line above is a heading (its items start at level 0)
    in_prose = False
    for position, index in enumerate(order):
        line = parsed[index]
        depth = depths[index]
        next_depth = depths[order[position + 1]] if position + 1 < len(order) else -1
        has_children = next_depth > depth
        blank_before = index == 0 or not raw_lines[index - 1].strip()
        if in_prose and not blank_before and line.family == "plain":
            out[index] = _escape_start(line.text)  # the wrapped rest of a paragraph
            continue
        in_prose = False
        if depth == 0 and has_children:
            out[index] = "## " + line.text
            heading_open = True
        elif depth == 0 and _is_prose(line.text):
            out[index] = _escape_start(line.text)
            in_prose = True
            heading_open = False
        elif depth == 0 and position == 0 and _is_title(line, parsed, order):
            out[index] = "# " + line.text
        else:
            level = depth - 1 if heading_open and depth > 0 else depth
            out[index] = "  " * level + "- " + _escape_start(line.text)
    return "\n".join(out)


def _is_title(line: _Line, parsed: dict[int, _Line], order: list[int]) -> bool:
    """A first line standing alone above the outline (its name), not an item of it."""
    if len(order) < 2:
        return False
    return line.family in ("caps", "plain", "colon") and len(line.text) <= 80


def _depths(parsed: dict[int, _Line], families: dict[str, int]) -> dict[int, int]:
    """Each line's depth: deeper when more indented, or when its numbering style ranks below
    its parent's at the same indentation (1. → 1.1 → a), or CAPS section → plain line)."""
    stack: list[tuple[int, int]] = []  # (indent, rank) of the open ancestors
    depths: dict[int, int] = {}
    prose_rank = 10**6
    for index in sorted(parsed):
        line = parsed[index]
        rank = prose_rank if line.family == "plain" else families[line.family] * 100 + line.parts
        while stack:
            top_indent, top_rank = stack[-1]
            if line.indent > top_indent or (line.indent == top_indent and rank > top_rank):
                break
            stack.pop()
        depths[index] = min(len(stack), 12)
        stack.append((line.indent, rank))
    return depths


def _family_order(lines: list[_Line], text: str) -> dict[str, int]:
    """Rank numbering families by first appearance: the style an outline opens with is its
    top level (I. → A. → 1. → a) is only one of many conventions people use)."""
    order: dict[str, int] = {}
    for line in lines:
        if line.family != "plain" and line.family not in order:
            order[line.family] = len(order)
    return order


def _line(raw: str) -> _Line:
    expanded = raw.expandtabs(TAB_WIDTH)
    text = expanded.strip()
    indent = len(expanded) - len(expanded.lstrip())
    family, parts = _family(text)
    return _Line(indent=indent, text=text, family=family, parts=parts)


def _family(text: str) -> tuple[str, int]:
    dotted = _DOTTED_RE.match(text)
    if dotted:
        return "dotted", dotted.group(1).count(".") + 1
    if _NUMBER_RE.match(text):
        return "dotted", 1
    for family, pattern in (
        ("ROMAN", _ROMAN_UPPER_RE),
        ("roman", _ROMAN_LOWER_RE),
        ("ALPHA", _ALPHA_UPPER_RE),
        ("alpha", _ALPHA_LOWER_RE),
        ("paren", _PAREN_RE),
    ):
        if pattern.match(text):
            return family, 1
    if _is_caps(text):
        return "caps", 1
    if _COLON_RE.match(text) and not _is_prose(text):
        return "colon", 1
    return "plain", 1


def _is_caps(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return (
        len(letters) >= _CAPS_MIN_LETTERS
        and all(char.isupper() for char in letters)
        and len(text) <= 80
    )


def _is_prose(text: str) -> bool:
    """A sentence people wrote to be read, not an item to study."""
    words = text.split()
    return len(words) >= PROSE_WORDS or (len(words) >= 8 and bool(_SENTENCE_END_RE.search(text)))


# `1. Foo` or `1) Foo` after `- ` would open a list inside the item; `+`, `*`, `-`, `#` and
# `>` at the start would open their own blocks.
_START_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+*#>=])(?=\s|$)")


def _escape_start(text: str) -> str:
    return _START_RE.sub(
        lambda m: f"{m.group(1)}\\{m.group(2)}" if m.group(1) else "\\" + m.group(3), text
    )
