"""Model → Markdown: a roadmap as one nested checklist that `parse_roadmap` reads back to the
same titles, statuses, durations and shape; and model → the JSON `roadvault parse --json`
prints. Pure."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from roadvault.model import Node, Resource, Roadmap
from roadvault.parse.durations import WRITTEN_FORM, slot_length, split_duration

# Inline characters Markdown would read as syntax (emphasis, links, code, HTML, strike).
_INLINE_RE = re.compile(r"([\\`*_\[\]<~])")
# What would start a block at the beginning of a line: heading, quote, list, rule.
_BLOCK_START_RE = re.compile(r"^([#>+\-=|]|\d{1,9}(?=[.)]))")


def escape_text(text: str) -> str:
    """Backslash-escape what Markdown (or Obsidian) would read as syntax, and nothing more."""
    text = _INLINE_RE.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)
    text = text.replace("%%", "\\%\\%")
    if text.endswith("#"):
        text = text[:-1] + "\\#"  # an ATX heading would drop a closing "#"
    match = _BLOCK_START_RE.match(text)
    if match:
        end = match.end()
        text = text[:end] + "\\" + text[end:] if match.group(1)[0].isdigit() else "\\" + text
    return text


def _resource_line(res: Resource) -> str:
    text = escape_text(res.text)
    if res.url:
        return f"[{text}](<{res.url.replace('>', '%3E').replace('<', '%3C')}>)"
    return text


# What would open a block, or end the paragraph, at the start of a line of notes: heading,
# quote, bullet, numbered item, rule or setext underline, table row, fence, HTML block,
# link reference definition.
_NOTE_BLOCK_RE = re.compile(
    r"^(?:#{1,6}(?:[ \t]|$)|>|[-+*](?:[ \t]|$)|[-*_](?:[ \t]*[-*_]){2,}[ \t]*$|=+[ \t]*$"
    r"|\||```|~~~|<|\[[^\]]*\]:)"
)
_NOTE_NUMBER_RE = re.compile(r"^\d{1,9}(?=[.)](?:[ \t]|$))")


def escape_note_line(line: str) -> str:
    """Keep a line of notes as the Markdown it is (notes are written by people, with their
    emphasis and links), escaping only what would turn it into an item or another block,
    and Obsidian's `%%`, which would hide everything up to the next one."""
    line = line.replace("%%", "\\%\\%")
    match = _NOTE_NUMBER_RE.match(line)
    if match:
        return line[: match.end()] + "\\" + line[match.end() :]
    if _NOTE_BLOCK_RE.match(line):
        return "\\" + line
    return line


def _notes_block(notes: str, indent: str) -> list[str]:
    """Notes as plain paragraphs (one blank line between them) that never read as items."""
    out: list[str] = []
    for raw in notes.splitlines():
        line = raw.strip()
        if line:
            out.append(f"{indent}{escape_note_line(line)}")
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return out


def _ends_in_a_length(title: str) -> bool:
    """Whether the outline form would read the bracket closing `title` as its length."""
    if not re.search(r"\([^()\n]*\)\s*$", title):
        return False
    token = WRITTEN_FORM.set(True)
    try:
        return split_duration(title).duration is not None
    finally:
        WRITTEN_FORM.reset(token)


def _node_lines(node: Node, depth: int) -> list[str]:
    indent = "\t" * depth
    # "\:" reads back as ":" but tells the label rule the colon is part of the name.
    title = escape_text(node.title).replace(":", "\\:")
    if node.duration is None and _ends_in_a_length(node.title):
        # "Plan (5 min) + Draft (15 min)", no length of its own: the closing bracket is the
        # title's, where the outline form writes a length; escaped, it reads back as title
        at = title.rfind("(")
        title = title[:at] + "\\" + title[at:]
    if node.duration and f"({node.duration})" not in node.title:
        # a slot the title names in brackets ("Week 1 (Days 1-7): Basics") reads back as is
        title += f" ({node.duration})"
    lines = [f"{indent}- [{node.checkbox}] {title}"]
    inner = "\t" * (depth + 1)
    if node.notes:
        lines.append("")
        lines.extend(_notes_block(node.notes, inner))
        lines.append("")
    if node.resources:
        lines.append(f"{inner}- Resources:")
        lines.extend(f"{inner}\t- {_resource_line(res)}" for res in node.resources)
    for child in node.children:
        lines.extend(_node_lines(child, depth + 1))
    return lines


def roadmap_to_markdown(roadmap: Roadmap) -> str:
    """The roadmap as front matter (its title), an H1, its notes, and a nested checklist."""
    # `roadvault: outline` asks the reader to take this form as written (docs/OUTLINE.md)
    title = json.dumps(roadmap.title, ensure_ascii=False)
    out = ["---", f"title: {title}", "roadvault: outline", "---", ""]
    out += [f"# {escape_text(roadmap.title)}", ""]
    if roadmap.notes:
        out += [*_notes_block(roadmap.notes, ""), ""]
    for node in roadmap.nodes:
        out.extend(_node_lines(node, 0))
    return "\n".join(out).rstrip("\n") + "\n"


def roadmap_to_json(roadmap: Roadmap) -> dict[str, Any]:
    """What `roadvault parse --json` prints: the model's JSON form, where a duration that is a
    span of calendar slots also says the length it makes ("Weeks 3-4 (2 weeks)"): a reader
    asking when and a reader asking how long both find their answer (docs/MODEL.md §5)."""
    data = roadmap.to_json()
    for node in _json_nodes(data["nodes"]):
        written = node.get("duration")
        length = slot_length(written) if written else None
        if length is not None:
            node["duration"] = f"{written} ({length})"
    return data


def _json_nodes(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from _json_nodes(node["children"])
