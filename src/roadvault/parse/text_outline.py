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

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from roadvault.parse.durations import ORDINAL
from roadvault.parse.titles import opens_a_part

TAB_WIDTH = 4
PROSE_WORDS = 14  # a line this long that reads as a sentence is prose, not an item
MIN_OUTLINE_LINES = 3  # structural lines needed before a text is read as an outline
MAX_DEPTH = 12  # deeper outline levels are written at this depth

# Numbering styles, each a family: the depth of a line is decided by its family's rank and,
# for dotted numbers (1., 1.1, 1.1.1), by how many parts the number has.
_DOTTED_RE = re.compile(r"^(\d{1,4}(?:\.\d{1,4})+)\.?(?=\s|$)")  # 1.1, 1.1.1, 1.1.
_NUMBER_RE = re.compile(r"^\d{1,4}[.)](?=\s|$)")  # 1.  1)
_ROMAN_UPPER_RE = re.compile(r"^[IVXLC]{1,7}[.)](?=\s|$)")
_ROMAN_LOWER_RE = re.compile(r"^[ivxlc]{1,7}[.)](?=\s|$)")
_ALPHA_UPPER_RE = re.compile(r"^[A-Z][.)](?=\s|$)")
_ALPHA_LOWER_RE = re.compile(r"^[a-z][.)](?=\s|$)")
_PAREN_RE = re.compile(r"^\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)(?=\s|$)")  # (1) (a) (iv)
_NEVER_RE = re.compile(r"(?!)")
_MULTI_ROMAN_RE = re.compile(r"^[ \t]*(?:II|III|IV|VI|VII|VIII|IX|XI|XII)[.)]\s", re.M)
_MULTI_ROMAN_LOWER_RE = re.compile(r"^[ \t]*(?:ii|iii|iv|vi|vii|viii)[.)]\s", re.M)

# Markdown structure that means the text is already Markdown (it is then left alone).
_ATX_RE = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_BULLET_RE = re.compile(r"^\s*[-*+•·◦▪‣●]\s+\S")
_BULLET_MARK_RE = re.compile(r"^[-*+•·◦▪‣●]\s+(?=\S)")
_FENCE_RE = re.compile(r"^ {0,3}(?:```|~~~)")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-{2,})\s*$")
_QUOTE_RE = re.compile(r"^ {0,3}>")
_TABLE_RE = re.compile(r"^\s*\|.*\|\s*$")
_HTML_RE = re.compile(r"^\s*</?[a-zA-Z][\w-]*(?:\s[^>]*)?/?>")
INLINE_MARKDOWN_RE = re.compile(r"\*\*\S|\S\*\*|__\S.*\S__|\]\(|`[^`\s][^`]*`|^\s*[-*]\s\[[ xX]\]")
_CODE_LINE_RE = re.compile(r"[;{}]\s*$|^\s*(?:def|class|import|return|if|for|while)\b.*[:(]")

# "[ ] Paging", "  [x] - TCP handshake": task boxes typed without a list marker, two lines
# of them at least (one "[x] marks the spot" sentence is no checklist).
# "[] Title" too: an empty pair is a box; "[x ] Title": a tick with a stray space
BOX_LINE = r"[ \t]*\[ ?[ xX/\-]? ?\][ \t]+\S"
_BOX_LINE_RE = re.compile(rf"^{BOX_LINE}")
MIN_BOX_LINES = 2
# A line that reads like a program ("x = 1", "def f():", "import os", "{"), not a step.
PROGRAM_LINE = r"[;{}]\s*$|^\s*(?:def|class|import|from|return|if|for|while)\b|=\s*\S|\(\)"
_CAPS_MIN_LETTERS = 3
_ACRONYM_LETTERS = 5
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
    if sum(1 for line in lines if _BOX_LINE_RE.match(line)) >= MIN_BOX_LINES:
        return False  # "[ ] - Operating System Concepts": a checklist, read as one
    romans = _roman_cases(text)
    parsed = [_line(raw, romans) for raw in lines if raw.strip()]
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
            or INLINE_MARKDOWN_RE.search(raw)
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
    indented = [line for line in parsed if line.indent >= 2 and not is_prose(line.text)]
    code_like = sum(bool(_CODE_LINE_RE.search(raw)) for raw in raw_lines)
    if code_like * 4 > len(parsed):
        return False
    if dotted >= 2 or lettered >= 2:
        sections = any(line.family == "dotted" and line.parts >= 2 for line in parsed)
        if not (sections or lettered >= 2) and headings_lost("\n".join(raw_lines)):
            # "Phase 1: Arrays" alone, then "9. Two Sum": the numbers count a part's
            # entries, as in a list; loose lines read that shape, not an outline
            return False
        return numbered >= MIN_OUTLINE_LINES
    if heads >= 2:
        return True
    # Indentation only: children under top-level lines, at least two levels.
    return len(indented) >= MIN_OUTLINE_LINES and _has_parent_child(parsed)


def _section_lines(parsed: list[_Line]) -> int:
    """Section lines with a line under them: CAPITALS, or a `Title:` line whose lines are
    indented under it. (An unindented line ending in a colon is everyday chat prose, "Start
    with the basics:", and alone says nothing about outline structure.)"""
    count = 0
    for line, after in itertools.pairwise(parsed):
        caps = line.family == "caps" and after.family != "caps"
        colon = line.family == "colon" and after.indent > line.indent
        count += caps or colon
    return count


def _has_parent_child(parsed: list[_Line]) -> bool:
    return any(
        before.indent == 0 and after.indent > 0 and not is_prose(before.text)
        for before, after in itertools.pairwise(parsed)
    )


def outline_to_markdown(text: str) -> str:
    """The outline as Markdown with the same lines: headings, nested items, prose."""
    raw_lines = text.split("\n")
    romans = _roman_cases(text)
    parsed = {i: _line(raw, romans) for i, raw in enumerate(raw_lines) if raw.strip()}
    prose = _prose_lines(parsed, raw_lines)
    order = [index for index in sorted(parsed) if index not in prose]
    title = _title_line(order, parsed, raw_lines)
    if title is not None:
        out_title = "# " + parsed[title].text
        order.remove(title)
    depths = _depths([(index, parsed[index]) for index in order])
    following = dict(itertools.pairwise(order))
    out = list(raw_lines)
    if title is not None:
        out[title] = out_title
    root_is_heading = False  # the open top-level line is a heading: its items start at 0
    heading_family = None  # numbering of the top-level lines written as headings
    item_level = -1  # list level of the last item written (-1: none since the last heading)
    for index in sorted(parsed):
        line = parsed[index]
        if index == title:
            continue
        if index in prose:
            # Indented to the last item's content, so it stays that item's text (a note)
            # instead of closing the list (after which a deep item would be a code block).
            pad = "  " * (item_level + 1) if item_level >= 0 else ""
            out[index] = pad + escape_line_start(line.text)
            continue
        depth = depths[index]
        after = following.get(index)
        has_children = after is not None and depths[after] > depth
        if depth == 0:
            # "5. Architecture" after parts "1." to "4.": the last part, with nothing under it
            numbered_peer = heading_family in _NUMBERED and line.family == heading_family
            root_is_heading = has_children
            if has_children or numbered_peer:
                out[index] = "## " + line.text
                heading_family = line.family
                item_level = -1
                continue
        level = depth - 1 if root_is_heading else depth
        out[index] = "  " * level + "- " + escape_line_start(line.text)
        item_level = level
    return "\n".join(out)


_TITLE_FAMILIES = frozenset({"caps", "plain", "colon"})
_NUMBERED = frozenset({"dotted", "roman", "ROMAN", "alpha", "ALPHA", "paren"})


def _title_line(order: list[int], parsed: dict[int, _Line], raw_lines: list[str]) -> int | None:
    """The outline's name: an unnumbered first line set off by a blank line, above a
    top-level line, in a style no other top-level line shares or that the next line shares,
    or a plain line above numbered parts (so it is not a section whose children start after
    a blank line)."""
    if len(order) < 2:
        return None
    first = order[0]
    line = parsed[first]
    if line.family not in _TITLE_FAMILIES or line.indent or len(line.text) > 80:
        return None
    if first + 1 < len(raw_lines) and raw_lines[first + 1].strip():
        return None
    after = parsed[order[1]]
    if after.indent:
        return None
    unique = not any(
        parsed[index].family == line.family and parsed[index].indent == 0 for index in order[1:]
    )
    # "🧠 Algorithm Study Roadmap" over "1. Data Structures": a plain line ranks below a
    # numbered one, so it cannot be the section the numbered parts sit in
    above_numbers = line.family == "plain" and after.family in _NUMBERED
    return first if unique or above_numbers or after.family == line.family else None


def _sentence_entries(parsed: dict[int, _Line], raw_lines: list[str]) -> set[int]:
    """ "Containers:" over "Understand what containers are." / "Learn about Docker, the
    most popular platform.": whole sentences one per line, indented under a label, are the
    label's entries (what to do), however long, not a paragraph wrapped at a width."""
    entries: set[int] = set()
    order = sorted(parsed)
    for at, index in enumerate(order):
        label = parsed[index]
        if not label.text.rstrip().endswith((":", "：")):
            continue
        run = []
        for below in order[at + 1 :]:
            line = parsed[below]
            if not raw_lines[below - 1].strip() and run:
                break  # a blank line ends the run
            if line.indent <= label.indent or line.family != "plain":
                break
            if run and line.indent != parsed[run[0]].indent:
                break
            run.append(below)
        sentences = [
            below
            for below in run
            if parsed[below].text[:1].isupper()
            and _SENTENCE_END_RE.search(parsed[below].text)
            and len(parsed[below].text.split()) < 2 * PROSE_WORDS
        ]
        if len(run) >= MIN_SENTENCE_ENTRIES and sentences == run:
            entries.update(run)
    return entries


MIN_SENTENCE_ENTRIES = 2
# "Vòng lặp: Học các vòng lặp…": a name, a colon, then what it covers
_NAMED_ENTRY_RE = re.compile(r"^[^\W\d][^:：]{0,40}?[:：]\s+\S")


def _named_entries(parsed: dict[int, _Line], raw_lines: list[str]) -> set[int]:
    """ "1. Python basics" over "Loops: for and while, and how to leave them early." /
    "Functions: def, arguments and what they return.": lines right under a numbered part,
    no blank line between, each a name and what it covers, are the part's entries (one per
    line, as a text file shows them), however long, not a paragraph."""
    entries: set[int] = set()
    order = sorted(parsed)
    for at, index in enumerate(order):
        if parsed[index].family not in _NUMBERED:
            continue
        run = []
        for below in order[at + 1 :]:
            line = parsed[below]
            if not raw_lines[below - 1].strip() or line.family != "plain":
                break  # a blank line or the next part ends the run
            if line.indent < parsed[index].indent or not _NAMED_ENTRY_RE.match(line.text):
                break
            run.append(below)
        if len(run) >= MIN_SENTENCE_ENTRIES and run[-1] - index == len(run):
            entries.update(run)
    return entries


_FIELD_RE = re.compile(r"^([^\W\d][^:：]{0,29}?)\s*[:：]\s+\S")
MIN_FIELD_REPEATS = 3


def _prose_lines(parsed: dict[int, _Line], raw_lines: list[str]) -> set[int]:
    """Lines of prose paragraphs: a sentence-like line and the lines wrapped under it; not
    sentences one per line under a label (its entries)."""
    prose: set[int] = set()
    entries = _sentence_entries(parsed, raw_lines) | _named_entries(parsed, raw_lines)
    # "Weekly Test: Prepare for and take test on: …" in every week: a field of the
    # schedule, however long, not a paragraph
    labels = Counter(
        found.group(1).casefold()
        for line in parsed.values()
        if (found := _FIELD_RE.match(line.text))
    )
    for index in sorted(parsed):
        if index in entries:
            continue
        field = _FIELD_RE.match(parsed[index].text)
        if field and labels[field.group(1).casefold()] >= MIN_FIELD_REPEATS:
            continue
        line = parsed[index]
        previous = index - 1
        wrapped = (
            previous in prose
            and line.family == "plain"
            and raw_lines[previous].strip() != ""
            and line.indent == parsed[previous].indent
        )
        if wrapped or (line.family == "plain" and is_prose(line.text)):
            prose.add(index)
    return prose


def _depths(lines: list[tuple[int, _Line]]) -> dict[int, int]:
    """Each line's depth: deeper when more indented, or when its numbering style ranks below
    its parent's at the same indentation (1. → 1.1 → a), or CAPS section → plain line).

    Numbering families rank by first appearance: the style an outline opens with is its top
    level (I. → A. → 1. → a) is only one of the conventions people use). Plain lines rank
    last: under a numbered or CAPS line at the same indentation they are its children."""
    families: dict[str, int] = {}
    for _, line in lines:
        if line.family != "plain":
            families.setdefault(line.family, len(families))
    stack: list[tuple[int, int]] = []  # (indent, rank) of the open ancestors
    depths: dict[int, int] = {}
    for index, line in lines:
        rank = 10**6 if line.family == "plain" else families[line.family] * 100 + line.parts
        while stack:
            top_indent, top_rank = stack[-1]
            if line.indent > top_indent or (line.indent == top_indent and rank > top_rank):
                break
            stack.pop()
        depths[index] = min(len(stack), MAX_DEPTH)
        stack.append((line.indent, rank))
    return depths


def _roman_cases(text: str) -> tuple[bool, bool]:
    """Whether upper/lower roman numerals are in use: only then is `I.`/`i.` a numeral
    rather than the letter I of an `A. B. C.` sequence (and `C.` the third letter)."""
    return bool(_MULTI_ROMAN_RE.search(text)), bool(_MULTI_ROMAN_LOWER_RE.search(text))


def _line(raw: str, romans: tuple[bool, bool] = (True, True)) -> _Line:
    expanded = raw.expandtabs(TAB_WIDTH)
    # "   * https://…" under a numbered line: a bullet among the outline's plain lines is a
    # line of it like the others; its mark is not its text
    text = _BULLET_MARK_RE.sub("", expanded.strip(), count=1)
    indent = len(expanded) - len(expanded.lstrip())
    family, parts = _family(text, romans)
    return _Line(indent=indent, text=text, family=family, parts=parts)


# A line led by a pointer or ornament glyph ("► Módulo 1", "▸ Part 2", "✦ Tipos de datos"),
# as text pasted from a page has.
_GLYPH_LEAD_RE = re.compile(r"^[►▸➢➤▶✦✧◆◇❖★☆◾◼❯➔➜✪]\s*(?=[^\W\d_])")


# "Week 1", "Day 3:", "Semana 2", "Tuần 4" alone on a line: a slot of the schedule.
_SLOT_ONLY_RE = re.compile(rf"^(?:{ORDINAL})\s*[:：.]?$", re.I)


def _family(text: str, romans: tuple[bool, bool]) -> tuple[str, int]:
    if _GLYPH_LEAD_RE.match(text):
        return "glyph", 1  # "► Módulo 2: Git (12 clases)": a level of its own, set by its mark
    dotted = _DOTTED_RE.match(text)
    if dotted:
        return "dotted", dotted.group(1).count(".") + 1
    if _NUMBER_RE.match(text):
        return "dotted", 1
    for family, pattern in (
        ("ROMAN", _ROMAN_UPPER_RE if romans[0] else _NEVER_RE),
        ("roman", _ROMAN_LOWER_RE if romans[1] else _NEVER_RE),
        ("ALPHA", _ALPHA_UPPER_RE),
        ("alpha", _ALPHA_LOWER_RE),
        ("paren", _PAREN_RE),
    ):
        if pattern.match(text):
            return family, 1
    if _SLOT_ONLY_RE.match(text):
        return "slot", 1  # "Week 12" alone: a part of the schedule, whatever comes after it
    if _is_caps(text):
        return "caps", 1
    if _COLON_RE.match(text) and not is_prose(text):
        return "colon", 1
    return "plain", 1


def _is_caps(text: str) -> bool:
    """ "PART ONE: BASICS", "NETWORKING": a heading in capitals. One short word in capitals
    ("BPF", "HTML") is an acronym, a topic's own name."""
    letters = [char for char in text if char.isalpha()]
    return (
        len(letters) >= _CAPS_MIN_LETTERS
        and all(char.isupper() for char in letters)
        and len(text) <= 80
        and (len(text.split()) >= 2 or len(letters) > _ACRONYM_LETTERS)
    )


def is_prose(text: str) -> bool:
    """A sentence people wrote to be read, not an item to study."""
    words = text.split()
    return len(words) >= PROSE_WORDS or (len(words) >= 8 and bool(_SENTENCE_END_RE.search(text)))


# `1. Foo` or `1) Foo` after `- ` would open a list inside the item, and a leading `-`, `+`,
# `*`, `#`, `>`, `=`, `_`, `~` or backtick could open a block of its own (a list, heading,
# quote, rule, setext underline or fence). A backslash keeps each as text.
_START_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+*#>=_~`])")


def escape_line_start(text: str) -> str:
    """`text` as the start of a Markdown line that is read as text, never as block syntax."""
    return _START_RE.sub(_escaped, text, count=1)


def _escaped(match: re.Match[str]) -> str:
    number, delimiter, mark = match.groups()
    return f"{number}\\{delimiter}" if number else "\\" + mark


_ANY_HEADING_RE = re.compile(
    r"^ {0,3}(?:>[ \t]?)*(?:#{1,6}[ \t]|=+[ \t]*$|-{2,}[ \t]*$|\|.*\|)|<h[1-6]\b", re.M | re.I
)
MIN_LOST_PARTS = 2


def headings_lost(body: str) -> bool:
    """No heading anywhere, and two or more lines alone between blank lines that open a
    part ("Phase 1: Arrays & Hashing"): text copied from a chat or a page, whose headings
    were lost. The loose-lines reading knows that shape; an outline reading does not."""
    if _ANY_HEADING_RE.search(body):
        return False
    lines = body.split("\n")
    parts = 0
    for at, line in enumerate(lines):
        text = line.strip()
        alone = (at == 0 or not lines[at - 1].strip()) and (
            at + 1 == len(lines) or not lines[at + 1].strip()
        )
        if alone and text and not text.startswith(("**", "__", "-", "*", "+")):
            parts += opens_a_part(text) and len(text.split()) <= MAX_LOST_PART_WORDS
    return parts >= MIN_LOST_PARTS


MAX_LOST_PART_WORDS = 12
