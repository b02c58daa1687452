"""An independent task reader built on markdown-it-py, for differential tests.

markdown-it-py (CommonMark preset, html on, front matter plugin, its `tasklists` option) gives
the block structure; this module only adapts it to roadvault's reading of a note:
- markdown-it knows `[ ]`, `[x]`, `[X]` followed by a space; roadvault reads any one character
  and also a box at the end of the line. markdown-it's own checkbox test is swapped for that
  wider one while the oracle parses (and restored after, for other tests in the process).
- Obsidian comments `%% … %%` are not CommonMark. A `%%` in text (a line covered by an
  inline token) with an odd count opens a comment; the lines after it up to the next line
  holding `%%` are removed before parsing again (they are invisible), and line numbers map
  back to the original note.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import markdown_it.rules_block.list as mdit_list
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

_OPTIONS = {"tasklists": True, "maxNesting": 10_000}
_MD = MarkdownIt("commonmark", _OPTIONS)
# The front matter plugin also fires inside a list item that starts the note with `- ---`
# (it only checks for line 0), so it is used only when the note opens with a `---` line.
_MD_FRONT = MarkdownIt("commonmark", _OPTIONS).use(front_matter_plugin)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")

OracleTask = tuple[int, int, int, str, int | None]  # line, col, depth, marker, parent


def _odd_marks(text: str) -> bool:
    if "`" in text:
        text = _CODE_SPAN.sub("", text)
    return text.count("%%") % 2 == 1


def _any_checkbox(src: str, pos: int, maximum: int) -> bool | None:
    """`[c]` (any one character) followed by a space, a tab or the end of the line."""
    if pos + 3 > maximum or src[pos] != "[" or src[pos + 2] != "]" or src[pos + 1] == "\n":
        return None
    if pos + 3 < maximum and src[pos + 3] not in (" ", "\t"):
        return None
    return src[pos + 1] != " "


@contextlib.contextmanager
def _wide_checkboxes() -> Iterator[None]:
    original = mdit_list._detect_task_checkbox
    mdit_list._detect_task_checkbox = _any_checkbox
    try:
        yield
    finally:
        mdit_list._detect_task_checkbox = original


def oracle_tasks(text: str) -> list[OracleTask]:
    lines = text.split("\n")
    hidden: set[int] = set()
    searched_to = -1
    while True:
        kept = [i for i in range(len(lines)) if i not in hidden]
        with _wide_checkboxes():
            # The extra line end dodges a markdown-it-py IndexError on a final `>` line after
            # an HTML block in a list in a quote; it changes no structure.
            md = _MD_FRONT if lines[0].rstrip(" \t") == "---" else _MD
            tokens = md.parse("\n".join(lines[i] for i in kept) + "\n")
        text_lines = sorted(
            kept[j]
            for tok in tokens
            if tok.type == "inline" and tok.map
            for j in range(tok.map[0], tok.map[1])
        )
        opener = next(
            (
                i
                for i in text_lines
                if i > searched_to and "%%" in lines[i] and _odd_marks(lines[i])
            ),
            None,
        )
        if opener is None:
            break
        searched_to = opener
        j = opener + 1
        while j < len(lines):
            hidden.add(j)
            at = lines[j].find("%%")
            if at >= 0 and not _odd_marks(lines[j][at + 2 :]):
                break
            j += 1

    tasks: list[OracleTask] = []
    open_items: list[int] = []  # task index or -1 per open list item
    for tok in tokens:
        if tok.type == "list_item_open":
            index = -1
            if tok.meta and "checked" in tok.meta:
                line_no = kept[tok.map[0]]
                original = lines[line_no]
                col = original.index("[") + 1
                parent = next((p for p in reversed(open_items) if p >= 0), None)
                tasks.append((line_no, col, len(open_items), original[col], parent))
                index = len(tasks) - 1
            open_items.append(index)
        elif tok.type == "list_item_close":
            open_items.pop()
    return tasks
