"""The test suite's one markdown-it-py oracle: an independent reading of notes with
markdown-it-py + mdit_py_plugins, sharing no code with roadvault's own scanners.

- `oracle_tasks(text)`: every task of a note as roadvault's scanner reads them (line,
  column, depth, marker, parent) — for the differential tests of the progress scan.
- `read_note(text)`: the tasks of a built note with status, block id and parent item, and
  its wikilinks — for the tests of built vaults.

oracle_tasks: markdown-it-py (CommonMark preset, html on, front matter plugin, its `tasklists`
option) gives the block structure; this module only adapts it to roadvault's reading:
- markdown-it knows `[ ]`, `[x]`, `[X]` followed by a space; roadvault reads any one character
  and also a box at the end of the line. markdown-it's own checkbox test is swapped for that
  wider one while the oracle parses (and restored after, for other tests in the process).
- Obsidian comments `%% … %%` are not CommonMark. A `%%` in text (a line covered by an
  inline token) with an odd count opens a comment; the lines after it up to the next line
  holding `%%` are removed before parsing again (they are invisible), and line numbers map
  back to the original note.

read_note: markdown-it-py with the front matter and tasklists plugins; Obsidian's other
statuses (`[/]`, `[-]`, …) are read from the text of the list items the plugin leaves.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

import markdown_it.rules_block.list as mdit_list
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

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


# --- read_note: tasks with block ids, nesting and wikilinks of a built note ----------------

_MD_READER = MarkdownIt("commonmark").use(front_matter_plugin).use(tasklists_plugin)
_BLOCK_ID = re.compile(r" \^([A-Za-z0-9-]+)$")
# Obsidian's extra statuses ([/] doing, [-] skipped, [>] …) are not GFM tasks: the plugin
# leaves them as list items whose text starts with the box.
_OTHER_BOX = re.compile(r"^\[([^ xX\]])\] ")
_WIKILINK = re.compile(r"\[\[([^\[\]|#\n]*)(?:#[^\[\]|\n]*)?(?:\|[^\[\]\n]*)?\]\]")


@dataclass(frozen=True)
class ReadTask:
    block_id: str | None
    marker: str
    parent_id: str | None  # block id of the list item it is nested in


@dataclass
class ReadNote:
    tasks: list[ReadTask]
    links: list[str]  # wikilink targets in the body, in order
    item_ids: dict[str, str | None]  # block id of every list item -> its parent item's id


def _source_text(inline: Token) -> str:
    """The inline text with emphasis markers put back (markdown-it may pair the `_` of two
    wikilinks into emphasis; Obsidian reads wikilinks first) and code spans left out."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "softbreak"):
            parts.append(child.content)
        elif child.type in ("em_open", "em_close", "strong_open", "strong_close"):
            parts.append(child.markup)
    return "".join(parts)


def read_note(text: str) -> ReadNote:
    tokens = _MD_READER.parse(text)
    tasks: list[ReadTask] = []
    links: list[str] = []
    item_ids: dict[str, str | None] = {}
    stack: list[dict] = []  # open list items: {"task": bool, "id": str | None}
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            classes = str(token.attrs.get("class", ""))
            stack.append({"task": "task-list-item" in classes, "id": None, "seen": False})
        elif token.type == "list_item_close":
            stack.pop()
        elif token.type == "inline":
            text_only = _source_text(token)
            links += [match.group(1) for match in _WIKILINK.finditer(text_only)]
            first_paragraph = (
                stack and not stack[-1]["seen"] and tokens[index - 1].type == "paragraph_open"
            )
            if not first_paragraph:
                continue
            item = stack[-1]
            item["seen"] = True
            match = _BLOCK_ID.search(token.content)
            item["id"] = match.group(1) if match else None
            parent = stack[-2]["id"] if len(stack) > 1 else None
            if item["id"]:
                item_ids[item["id"]] = parent
            if item["task"]:
                checked = any(
                    child.type == "html_inline" and "checked" in child.content
                    for child in token.children or []
                )
                marker = "x" if checked else " "  # GFM knows only these two
                tasks.append(ReadTask(item["id"], marker, parent))
            else:
                other = _OTHER_BOX.match(token.content)
                if other:
                    tasks.append(ReadTask(item["id"], other.group(1), parent))
    return ReadNote(tasks, links, item_ids)
