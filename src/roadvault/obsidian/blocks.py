"""The block structure of a note, in one pass over its lines: its tasks, and which lines are
not Markdown content.

`read_blocks(text)` reads a note the way a CommonMark parser would, without building a
syntax tree, and gives (1) every task item and (2) for every line whether it is code or
otherwise not Markdown content — front matter, fenced and indented code, HTML blocks, and
Obsidian comments `%% … %%`. Every reader of a note asks this one function ("is this line
code?", "is this line a task?"), so progress, merge, the vault checks and doctor cannot
disagree about a note. It follows the block-structure algorithm of the CommonMark
reference implementation (commonmark.js): per line, match the open containers (block
quotes, list items), then try new block starts, then decide between lazy continuation and
a new paragraph. That is what decides, token-accurately, whether `- [ ] x` is a task:

- not content: YAML front matter at the top (`obsidian.frontmatter`), fenced code (``` and
  ~~~, any length ≥ 3, closed by the same character at least as long, indented up to 3
  columns, an unclosed fence runs to the end of its container — so also inside quotes and
  list items), indented code (4+ columns where no paragraph is open; told apart by whether
  its block opens after a blank line, see `code_mask`), HTML blocks (all seven
  CommonMark kinds, so `<!-- … -->` spanning lines, and `<div>` or `<details>` up to the next
  blank line), Obsidian comments `%% … %%` (possibly multi-line; opened only in text, never
  inside code or HTML; the line that opens one is content up to its `%%`, the lines after
  it up to the closing `%%` line are not);
- read: tasks inside block quotes and callouts (`> - [ ] x`, `> > - [x] y`), every list marker
  (`-`, `*`, `+`, `1.`, `1)`), any indentation of tabs and spaces with CommonMark's tab stops
  and its rules for what continues a list item and what becomes indented code; an ordered
  item other than `1.` does not interrupt a paragraph, nor does an empty item.

A task is a list item whose first line starts with `[c]` (any one character) followed by a
space, a tab or the end of the line. Its block id is a trailing ` ^id` (`obsidian.ids`).

Where markdown-it-py (the reference of the differential test) departs from the CommonMark
spec, the scanner follows markdown-it: an open block quote continues at any indentation of
its `>`; a line indented 4+ columns that would lazily continue a paragraph inside a list
item ends it instead when it starts a block (and becomes indented code); a task with nothing
after its box does not take the next line as a lazy continuation. One markdown-it bug is
not copied: inside two nested block quotes it computes tab stops from the inner quote, the
scanner (like the spec) from the start of the line.

Known, deliberate differences from a full Markdown parse: GFM tables are read as paragraphs
(only matters for an ordered task `2. [ ]` written directly under a table row), and `$$`
math blocks are not recognised. Correctness is checked by a differential property test
against markdown-it-py (tests/progress/test_progress_scan_differential.py), on random line
soups and on realistic generated notes.

Input: note text with LF line ends (`fsio.decode_note`); CR/CRLF are normalised here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from roadvault.model import Task
from roadvault.obsidian.frontmatter import front_matter_span
from roadvault.obsidian.ids import id_after_caret, trailing_block_id

__all__ = [
    "ATTACHED_INDENTED_CODE",
    "INDENTED_CODE",
    "SCANNER_VERSION",
    "NoteBlocks",
    "NoteItems",
    "code_mask",
    "content_lines",
    "is_heading_line",
    "read_blocks",
    "read_list_items",
    "scan_raw",
    "scan_tasks",
]

# Bump when the scanner's output can change for the same text (invalidates persisted caches).
SCANNER_VERSION = 2  # 2: front matter read by the capped loader

# The kinds of a non-content line that is indented code (see `code_mask`): in a block that
# opens after a blank line (as code is written), or in one that opens right under the line
# before it — a heading, a rule, a fence, an HTML block, the front matter, the top of the text.
INDENTED_CODE = 2
ATTACHED_INDENTED_CODE = 3

# Container kinds on the stack.
_QUOTE = 0
_ITEM = 1
# Leaf block kinds (the "tip" of the document).
_NONE = 0
_PARA = 1
_FENCE = 2
_ICODE = 3
_HTML = 4

# First characters that may start a block other than a paragraph (commonmark.js
# reMaybeSpecial): anything else after the indentation is plain text.
_MAYBE_SPECIAL = frozenset("#`~*+_=<>0123456789-")

_ATX = re.compile(r"#{1,6}(?:[ \t]|$)")
_FENCE_OPEN = re.compile(r"(`{3,})(?!.*`)|(~{3,})")
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*$")
_SETEXT = re.compile(r"(?:=+|-+)[ \t]*$")
_HR = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})$")
_BULLET = re.compile(r"[-*+](?=[ \t]|$)")
_ORDERED = re.compile(r"([0-9]{1,9})[.)](?=[ \t]|$)")
_CHECKBOX = re.compile(r"\[([^\n])\](?=[ \t]|$)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

# Fast path: a list item at the top level or under list items only, indented by tabs or
# by spaces, 1-4 spaces after its marker, content that starts no other block.
_ITEM_TAIL = (
    r"([-*+]|[0-9]{1,9}[.)])( {1,4})"
    # a checkbox and the first character after it, or content that starts no other block
    r"(?:\[([^\n])\](?:[ \t]+|$)(.?)|(?=[^ \t#`~*+_=<>0-9\-]))"
)
_SIMPLE_ITEM = {  # by the first character: one pattern each is faster than an alternation
    "\t": re.compile(r"(\t*)" + _ITEM_TAIL),
    " ": re.compile(r"( *)" + _ITEM_TAIL),
    "": re.compile(r"()" + _ITEM_TAIL),
}
_ITEM_FIRST = frozenset("\t -*+0123456789")
_SPECIAL_OR_BLANK = _MAYBE_SPECIAL | {" ", "\t"}

# HTML block starts (CommonMark §4.6) and their end conditions; None = ends at a blank line.
_HTML_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    "details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    "h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|"
    "noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|"
    "thead|title|tr|track|ul"
)
_ATTRIBUTE = (
    r"(?:\s+[a-zA-Z_:][a-zA-Z0-9:._-]*"
    r"(?:\s*=\s*(?:[^\"'=<>`\x00-\x20]+|'[^']*'|\"[^\"]*\"))?)"
)
_OPEN_TAG = r"<[A-Za-z][A-Za-z0-9\-]*" + _ATTRIBUTE + r"*\s*/?>"
_CLOSE_TAG = r"</[A-Za-z][A-Za-z0-9\-]*\s*>"
_HTML_STARTS: tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...] = (
    (
        re.compile(r"<(?a:script|pre|style|textarea)(?=\s|>|$)", re.IGNORECASE),
        re.compile(r"</(?a:script|pre|style|textarea)>", re.IGNORECASE),
    ),
    (re.compile(r"<!--"), re.compile(r"-->")),
    (re.compile(r"<\?"), re.compile(r"\?>")),
    (re.compile(r"<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"<!\[CDATA\["), re.compile(r"\]\]>")),
    (re.compile(r"</?(?a:" + _HTML_BLOCK_NAMES + r")(?=\s|/?>|$)", re.IGNORECASE), None),
)
# Kind 7 (any complete tag alone on its line) cannot interrupt a paragraph.
_HTML_START_7 = re.compile(r"(?:" + _OPEN_TAG + "|" + _CLOSE_TAG + r")\s*$")


def _nonspace(line: str, off: int, col: int) -> tuple[int, int]:
    """Index and column of the first non-blank character at or after `off` (tab stops of 4)."""
    n = len(line)
    while off < n:
        ch = line[off]
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
        off += 1
    return off, col


def _advance(line: str, off: int, col: int, count: int) -> tuple[int, int]:
    """Move `count` columns forward; a tab may be consumed partly (off stays on it)."""
    n = len(line)
    while count > 0 and off < n:
        if line[off] == "\t":
            to_tab = 4 - col % 4
            if to_tab > count:
                return off, col + count
            col += to_tab
            count -= to_tab
        else:
            col += 1
            count -= 1
        off += 1
    return off, col


def _odd_comment_marks(text: str) -> bool:
    """True when `text` holds an odd number of `%%` (outside inline code spans)."""
    if "`" in text and len(text) < 10_000:  # (a giant line skips this: the regex backtracks)
        text = _CODE_SPAN.sub("", text)
    return text.count("%%") % 2 == 1


# A task as the scanner finds it: (line, col, depth, marker, block id or None, parent index).
RawTask = tuple[int, int, int, str, str | None, int | None]


class NoteBlocks(NamedTuple):
    """What `read_blocks` finds in a note."""

    lines: list[str]  # the note's lines (BOM dropped, line ends normalised to LF)
    code: list[int]  # per line: 0 content, (ATTACHED_)INDENTED_CODE, 1 any other non-content
    tasks: list[RawTask]


def read_blocks(text: str) -> NoteBlocks:
    """The lines of a note, which of them are not Markdown content, and its tasks."""
    text = _normalize(text)
    lines = text.split("\n")
    code = [0] * len(lines)
    tasks = _scan_lines(lines, front_matter_span(text), code)
    return NoteBlocks(lines, code, tasks)


class NoteItems(NamedTuple):
    """What `read_list_items` finds in a note."""

    code: list[int]  # per line, as `NoteBlocks.code`
    starts: frozenset[int]  # 0-based indexes of the lines that open a list item


def read_list_items(text: str) -> NoteItems:
    """Which lines of a note open a list item (a task or a plain bullet), and which are not
    Markdown content. A line that only looks like an item is none: a line indented four
    columns or more that continues a paragraph, or `2. x` (an ordered item other than 1)
    or an empty item right under a paragraph line — text that continues the paragraph."""
    text = _normalize(text)
    lines = text.split("\n")
    code = [0] * len(lines)
    starts: list[int] = []
    _scan_lines(lines, front_matter_span(text), code, starts)
    return NoteItems(code, frozenset(starts))


def code_mask(text: str, *, attached_indented_code: bool = True) -> list[bool]:
    """Per line of `text` (split at LF after normalising): True where the line is code or
    otherwise not Markdown content, so never a task, an item, a link or a block id.

    `attached_indented_code=False` leaves out of the mask the indented code that opens right
    under a non-blank line (a heading, a rule, a fence, an HTML block, the front matter or
    the top of the text), for merge: it reads notes with items lifted out and notes an
    earlier merge left with an item gone, where a nested item whose parent line left stands
    right under a heading (roadvault writes its lists there) and reads as indented code
    though nobody wrote code. Indented code after a blank line — the only way to write it
    after a paragraph, and how a learner writes an example — stays code for merge too, as
    does every line of a list item's content (a nested item is no code in a whole list).
    """
    code = read_blocks(text).code
    if attached_indented_code:
        return [bool(kind) for kind in code]
    return [bool(kind) and kind != ATTACHED_INDENTED_CODE for kind in code]


def content_lines(blocks: NoteBlocks) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of each line of Markdown content of a note read by
    `read_blocks` (not front matter, code, comments or HTML), its inline code spans blanked
    out (spaces: columns stay): the text where links, block ids and headings can be."""
    for index, line in enumerate(blocks.lines):
        if not blocks.code[index]:
            yield index + 1, _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)


def is_heading_line(line: str) -> bool:
    """An ATX heading line outside any container (`## My notes`): up to 3 spaces, 1 to 6
    `#`, then a space, a tab or the end of the line."""
    stripped = line.lstrip(" ")
    return len(line) - len(stripped) < 4 and _ATX.match(stripped) is not None


def scan_tasks(text: str) -> list[Task]:
    """Every task item of a note, in order. See the module docstring for the rules."""
    lines, _code, raw = read_blocks(text)
    tasks = []
    for line_no, col, depth, marker, block_id, parent in raw:
        rest = lines[line_no][col + 2 :]
        if block_id is not None:
            rest = rest[: rest.rindex("^")]
        tasks.append(Task(line_no, col, depth, marker, block_id, rest.strip(), parent))
    return tasks


def scan_raw(text: str) -> list[RawTask]:
    """The tasks of a note as plain tuples (no text): the fast path for vault scans."""
    return read_blocks(text).tasks


def _normalize(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def _scan_lines(
    lines: list[str], first: int, code: list[int], starts: list[int] | None = None
) -> list[RawTask]:
    """The tasks of `lines` (from line `first` on); marks in `code` the lines that are not
    Markdown content (the front matter, lines before `first`, included): INDENTED_CODE for
    indented code, 1 (True) for the rest. With `starts`, appends to it the index of every
    line that opens a list item (once per line)."""
    code[:first] = [1] * first
    tasks: list[RawTask] = []
    # Open containers, outermost first: [kind, content indent, task index or -1, has child].
    stack: list[list[int]] = []
    leaf = _NONE
    fence_char = ""
    fence_len = 0
    icode = INDENTED_CODE  # the kind of the open indented code block's lines
    html_end: re.Pattern[str] | None = None
    in_comment = False
    quotes = 0  # block quotes open (the fast paths handle at most one, at the bottom)
    nonspace = _nonspace
    item_tabs = _SIMPLE_ITEM["\t"].match
    item_spaces = _SIMPLE_ITEM[" "].match
    item_bare = _SIMPLE_ITEM[""].match

    for line_no in range(first, len(lines)):
        line = lines[line_no]

        if in_comment:
            # Inside an Obsidian comment: the line only matters for where the comment ends.
            code[line_no] = True
            at = line.find("%%")
            if at >= 0:
                in_comment = _odd_comment_marks(line[at + 2 :])
            continue

        # Fast paths, exactly equivalent to the general steps below for the lines most notes
        # are made of (blank lines, plain text, simple list items) while only list items are
        # open, possibly inside one block quote (a callout) written `>` or `> ` at column 0.
        if leaf <= _PARA and quotes <= 1:
            if quotes:
                if stack[0][0] != _QUOTE or line[:1] != ">":
                    off0 = -1
                elif line[1:2] == " ":
                    off0 = 2
                elif line[1:2] != "\t":
                    off0 = 1
                else:
                    off0 = -1  # `>` then a tab: a partly used tab, general path
                items_from = 1
            else:
                off0 = items_from = 0
            if off0 >= 0:
                if len(line) <= off0:  # blank
                    keep = items_from
                    while keep < len(stack) and stack[keep][3]:
                        keep += 1
                    del stack[keep:]
                    leaf = _NONE
                    continue
                first_char = line[off0]
                if len(stack) == items_from and first_char not in _SPECIAL_OR_BLANK:
                    leaf = _PARA
                    if "%%" in line and _odd_comment_marks(line[off0:]):
                        in_comment = True
                    continue
                if first_char in _ITEM_FIRST and (
                    item := (
                        item_tabs
                        if first_char == "\t"
                        else item_spaces
                        if first_char == " "
                        else item_bare
                    )(line, off0)
                ):
                    indent_ws, bullet, spaces, marker, after = item.groups()
                    if indent_ws[:1] == "\t":
                        indent_col = (off0 // 4 + len(indent_ws)) * 4
                    else:
                        indent_col = off0 + len(indent_ws)
                    base = off0
                    matched = items_from
                    while matched < len(stack):
                        step = stack[matched][1]
                        if indent_col < base + step:
                            break
                        base += step
                        matched += 1
                    rel = indent_col - base
                    if rel < 4 and not (
                        leaf == _PARA
                        and matched == len(stack)
                        and bullet[-1] in ".)"
                        and bullet[:-1] != "1"
                    ):
                        del stack[matched:]
                        if stack:
                            stack[-1][3] = 1
                        pos = item.end(3)
                        task_index = -1
                        leaf = _PARA
                        if marker is not None:
                            block_id = None
                            at = line.rfind("^")
                            if at > pos + 3 and line[at - 1] in " \t":
                                block_id = id_after_caret(line, at)
                            parent = None
                            for entry in reversed(stack):
                                if entry[2] >= 0:
                                    parent = entry[2]
                                    break
                            tasks.append(
                                (line_no, pos + 1, matched - items_from, marker, block_id, parent)
                            )
                            task_index = len(tasks) - 1
                            if not after:
                                leaf = _NONE  # nothing after the box (see the general path)
                        stack.append([_ITEM, rel + len(bullet) + len(spaces), task_index, 1])
                        if starts is not None:
                            starts.append(line_no)
                        if "%%" in line and _odd_comment_marks(line[pos:]):
                            in_comment = True
                        continue
        elif leaf == _FENCE and not stack and (not line or line[0] not in (fence_char, " ")):
            code[line_no] = True  # code that cannot close the fence
            continue

        n = len(line)
        off = col = 0

        # 1. Match the open containers.
        depth = len(stack)
        matched = 0
        while matched < depth:
            entry = stack[matched]
            fn, fncol = nonspace(line, off, col)
            if entry[0] == _QUOTE:
                # Like markdown-it (unlike the CommonMark spec), an open block quote goes on at
                # any indentation of its `>`.
                if fn < n and line[fn] == ">":
                    off = fn + 1
                    col = fncol + 1
                    if off < n and line[off] in " \t":
                        off, col = _advance(line, off, col, 1)
                else:
                    break
            elif fn >= n:  # blank line inside a list item
                if not entry[3]:
                    break
                off, col = fn, fncol
            elif fncol - col >= entry[1]:
                off, col = _advance(line, off, col, entry[1])
            else:
                break
            matched += 1
        all_matched = matched == depth

        # 2. Continue the open leaf block when every container matched.
        if all_matched:
            if leaf == _FENCE:
                code[line_no] = True
                fn, fncol = nonspace(line, off, col)
                if fn < n and fncol - col <= 3 and line[fn] == fence_char:
                    closing = _FENCE_CLOSE.match(line, fn)
                    if closing and closing.end(1) - fn >= fence_len:
                        leaf = _NONE
                continue
            if leaf == _HTML:
                code[line_no] = True
                if html_end is None:
                    if nonspace(line, off, col)[0] >= n:
                        leaf = _NONE
                elif html_end.search(line, off):
                    leaf = _NONE
                continue
            if leaf == _ICODE:
                fn, fncol = nonspace(line, off, col)
                if fn >= n or fncol - col >= 4:
                    code[line_no] = icode
                    continue
                leaf = _NONE

        # 3. New block starts, from the last matched container.
        maybe_lazy = leaf == _PARA  # the tip is a paragraph: indented text continues it
        interrupts = maybe_lazy and all_matched  # a start here interrupts that paragraph
        opened = False  # a new block began on this line (so it is not lazy)
        consumed = False  # the line is taken whole by a leaf start (code, HTML, rule, heading)
        heading = False
        while True:
            fn, fncol = nonspace(line, off, col)
            if fn >= n:
                break
            indent = fncol - col
            if indent >= 4:
                if not maybe_lazy or (
                    not all_matched
                    and not opened
                    and _breaks_lazy_line(line, fn, fncol, col, stack[matched:])
                ):
                    leaf = _ICODE
                    consumed = True
                    icode = (
                        INDENTED_CODE
                        if line_no > first and _is_blank(lines[line_no - 1])
                        else ATTACHED_INDENTED_CODE
                    )
                    code[line_no] = icode
                break
            ch = line[fn]
            if ch not in _MAYBE_SPECIAL:
                break
            if ch == ">":
                if not opened:
                    quotes = _close_unmatched(stack, matched, quotes)
                    opened = True
                _mark_child(stack)
                stack.append([_QUOTE, 0, -1, 0])
                quotes += 1
                off = fn + 1
                col = fncol + 1
                if off < n and line[off] in " \t":
                    off, col = _advance(line, off, col, 1)
                leaf = _NONE
                maybe_lazy = interrupts = False
                continue
            if ch == "#" and _ATX.match(line, fn):
                leaf = _NONE
                consumed = heading = True
                off = fn
                break
            if ch in "`~":
                fence = _FENCE_OPEN.match(line, fn)
                if fence:
                    leaf = _FENCE
                    fence_char = ch
                    fence_len = fence.end() - fn
                    consumed = code[line_no] = True
                    break
            elif ch == "<":
                kind_end: re.Pattern[str] | None = None
                found = False
                for start_re, end_re in _HTML_STARTS:
                    if start_re.match(line, fn):
                        kind_end, found = end_re, True
                        break
                if not found and not maybe_lazy and _HTML_START_7.match(line, fn):
                    found = True
                if found:
                    html_end = kind_end
                    leaf = _NONE if kind_end is not None and kind_end.search(line, off) else _HTML
                    consumed = code[line_no] = True
                    break
            if interrupts and ch in "=-" and _SETEXT.match(line, fn):
                # The paragraph becomes a heading; nothing can continue it.
                leaf = _NONE
                consumed = True
                break
            if ch in "-*_" and _HR.match(line, fn):
                leaf = _NONE
                consumed = True
                break
            # A list item?
            if ch in "-*+":
                marker = _BULLET.match(line, fn)
            else:
                marker = _ORDERED.match(line, fn)
                if marker and interrupts and marker.group(1) != "1":
                    marker = None
            if marker is None:
                break
            after = marker.end()
            if interrupts and line[after:].strip(" \t") == "":
                break  # an empty item cannot interrupt a paragraph
            if not opened:
                quotes = _close_unmatched(stack, matched, quotes)
                opened = True
            _mark_child(stack)
            marker_width = after - fn
            off = after
            col = fncol + marker_width
            start_off, start_col = off, col
            # Spaces after the marker: 1-4 columns are padding, 5+ means indented code.
            while off < n and line[off] in " \t" and col - start_col <= 5:
                off, col = _advance(line, off, col, 1)
            spaces = col - start_col
            if spaces >= 5 or spaces < 1 or off >= n:
                padding = marker_width + 1
                off, col = start_off, start_col
                if off < n and line[off] in " \t":
                    off, col = _advance(line, off, col, 1)
                task_index = -1
            else:
                padding = marker_width + spaces
                task_index = _task_at(line, line_no, off, stack, tasks)
            box_only = False
            if task_index >= 0 and line[off + 3 :].strip(" \t") == "":
                # Nothing after the box: like markdown-it, the item's content starts on a
                # later line (so the next line is not a lazy continuation of "[ ]").
                box_only = True
                off = n
            stack.append([_ITEM, indent + padding, task_index, 1 if box_only else 0])
            if starts is not None and (not starts or starts[-1] != line_no):
                starts.append(line_no)
            leaf = _NONE
            maybe_lazy = interrupts = False

        # 4. What remains of the line is text: a lazy continuation, a paragraph line, or blank.
        if consumed:
            # A leaf start closes what did not match and becomes the tip.
            if not opened:
                quotes = _close_unmatched(stack, matched, quotes)
            _mark_child(stack)
            if heading and "%%" in line and _odd_comment_marks(line[off:]):
                in_comment = True
            continue
        if nonspace(line, off, col)[0] >= n:  # blank
            if not opened:
                quotes = _close_unmatched(stack, matched, quotes)
                leaf = _NONE
            continue
        if not opened and leaf == _PARA:
            if not all_matched:
                pass  # lazy continuation: the unmatched containers stay open
        else:
            if not opened:
                quotes = _close_unmatched(stack, matched, quotes)
            _mark_child(stack)
            leaf = _PARA
        if "%%" in line and _odd_comment_marks(line[off:]):
            in_comment = True
    return tasks


def _is_blank(line: str) -> bool:
    """Blank, or blank inside block quotes (`>`, `> >`)."""
    return not line.strip(" \t>")


def _breaks_lazy_line(line: str, fn: int, fncol: int, col: int, unmatched: list[list[int]]) -> bool:
    """Does a deeply indented line end a paragraph it would lazily continue? (markdown-it)

    CommonMark makes a line indented 4+ columns past the last matched container a lazy
    continuation. markdown-it tests block starts against the innermost context, where an
    outdented line may start a block at any indentation: the paragraph ends and the line
    becomes indented code at the matched level. That happens when the paragraph sits in a
    list item with no unmatched block quote around it, when the outermost unmatched block
    quote sits in an unmatched list item, or when two block quotes are unmatched.
    """
    quotes = sum(1 for entry in unmatched if entry[0] == _QUOTE)
    in_items = quotes == 0
    via_item = unmatched[0][0] == _ITEM and quotes > 0
    if not (in_items or via_item or quotes >= 2):
        return False
    ch = line[fn]
    if ch == ">":
        return True
    if ch == "#":
        return _ATX.match(line, fn) is not None
    if ch in "`~":
        return _FENCE_OPEN.match(line, fn) is not None
    if ch == "<":
        return any(start_re.match(line, fn) for start_re, _ in _HTML_STARTS)
    if ch in "-*_" and _HR.match(line, fn):
        return True
    if not (_BULLET.match(line, fn) if ch in "-*+" else _ORDERED.match(line, fn)):
        return False
    if quotes >= 2:
        return True  # the inner quote sees the line at indentation -1: a list starts
    if in_items:
        # markdown-it's own exception: 4+ columns past the enclosing list's context is text.
        list_context = col + sum(entry[1] for entry in unmatched[:-1])
        return fncol - list_context < 4
    return False


def _close_unmatched(stack: list[list[int]], matched: int, quotes: int) -> int:
    """Close the containers this line did not match; the block quotes still open."""
    del stack[matched:]
    return sum(1 for entry in stack if entry[0] == _QUOTE) if quotes else 0


def _mark_child(stack: list[list[int]]) -> None:
    if stack:
        stack[-1][3] = 1


def _task_at(
    line: str, line_no: int, off: int, stack: list[list[int]], tasks: list[RawTask]
) -> int:
    """Record a task if the list item content at `off` starts with a checkbox."""
    if line[off] != "[":
        return -1
    box = _CHECKBOX.match(line, off)
    if box is None:
        return -1
    block_id = trailing_block_id(line, box.end()) if "^" in line else None
    depth = 0
    parent = None
    for entry in reversed(stack):
        if entry[0] == _ITEM:
            if parent is None and entry[2] >= 0:
                parent = entry[2]
            depth += 1
    tasks.append((line_no, off + 1, depth, box.group(1), block_id, parent))
    return len(tasks) - 1
