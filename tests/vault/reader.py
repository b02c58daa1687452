"""An independent reading of built notes with markdown-it-py + mdit_py_plugins (tasklists,
front_matter): which tasks, with which status and block id, nested under which item, and
which wikilinks. It shares no code with roadvault's own scanners."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

_MD = MarkdownIt("commonmark").use(front_matter_plugin).use(tasklists_plugin)
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
    tokens = _MD.parse(text)
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
