"""Roadmaps drawn as a tree in a code block, as chat answers draw a "visual roadmap":

    Month 1-2: FOUNDATION
    ├── Week 1-3: JavaScript
    │   ├── Fundamentals
    │   └── Project: Task manager
    └── Week 4: HTML & CSS

Each branch is a step, nested as deep as it is drawn; a line the branches hang from is the
part they belong to. A directory tree (`src/`, `main.py`) is a drawing of files, not a plan,
and a tree beside a plan written as lists is its picture: both stay code.

Pure: text → the same text with each such block replaced, where it stands, by headings and
bullets (padded to the block's line count, so later lines keep their numbers).
"""

from __future__ import annotations

import re

from roadvault.parse.rules import fired, rule

# "├── label", "└─ label", "|-- label", "`-- label", "+-- label" after any "│   " guides;
# "|- label" too, the shortest way to draw a branch in plain ASCII.
_BRANCH_RE = re.compile(
    r"^(?P<guides>(?:[│|┃║ \t])*)(?P<glyph>[├└┣┗╠╚]|\|--|`--|\+--|\|-(?=[ \t]))[─━═\-]*\s*"
    r"(?P<label>.*)$"
)
_SHORT_BRANCH_RE = re.compile(r"^[ \t|]*\|-[ \t]+\S", re.M)
_GUIDE_ONLY_RE = re.compile(r"^[\s│|┃║]*$")
_FENCE_OPEN_RE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})\s")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+\S")
# A file or folder name: "src/", "main.py", "package.json", "README.md", ".gitignore".
_FILE_NAME_RE = re.compile(r"^[\w.@-]*(?:/|\.[A-Za-z][A-Za-z0-9]{0,5})(?:\s|$|#)|^\.\w")
# Languages a tree drawing is fenced as; a fence naming a programming language holds code.
_TREE_INFOS = frozenset(["", "text", "txt", "plaintext", "plain", "markdown", "md", "tree"])
MIN_BRANCHES = 4


def _branch(line: str) -> tuple[int, str] | None:
    """(column of the branch glyph, label) of a branch line, or None."""
    match = _BRANCH_RE.match(line)
    if match is None or not match["label"].strip():
        return None
    return len(match["guides"].expandtabs(4)), match["label"].strip()


def _is_file_tree(labels: list[str]) -> bool:
    files = sum(1 for label in labels if _FILE_NAME_RE.match(label))
    return files * 3 >= len(labels)


def tree_markdown(
    lines: list[str], *, heading_level: int, whole_document: bool = False
) -> list[str] | None:
    """The drawn tree in `lines` as Markdown (same line count), or None when the lines are
    not one: a plan needs `MIN_BRANCHES` branches and no line that is neither a branch, a
    guide, blank nor a part name; a file tree is None too, unless it is the whole document
    (then the folders are what the author plans to fill, and their parts are its steps)."""
    branches = [_branch(line) for line in lines]
    labels = [found[1] for found in branches if found is not None]
    if len(labels) < MIN_BRANCHES or (_is_file_tree(labels) and not whole_document):
        return None
    roots = [
        index
        for index, line in enumerate(lines)
        if branches[index] is None and not _GUIDE_ONLY_RE.match(line)
    ]
    # a part name hangs branches: the next drawn line is a branch
    for index in roots:
        following = next((b for b in branches[index + 1 :] if b is not None), None)
        nxt = next((line for line in lines[index + 1 :] if not _GUIDE_ONLY_RE.match(line)), "")
        if following is None or _branch(nxt) is None:
            return None
    out: list[str] = []
    columns: list[int] = []
    # one part name over a tree in a block is a step; over a whole document, its title
    base = 1 if len(roots) == 1 and not whole_document else 0
    level = min(heading_level, 6)
    for index, line in enumerate(lines):
        found = branches[index]
        if found is None:
            if index in roots:
                columns = []
                name = line.strip().rstrip("/") if whole_document else line.strip()
                out.append(f"- {name}" if base else f"{'#' * level} {name or line.strip()}")
            else:
                out.append("")
            continue
        column, label = found
        if whole_document:
            label = label.rstrip("/") or label  # "Phase1_Basics/": the folder's name
        while columns and columns[-1] >= column:
            columns.pop()
        columns.append(column)
        depth = len(columns) - 1 + base
        out.append(f"{'  ' * depth}- {label}")
    return out


def _fenced_blocks(lines: list[str]) -> list[tuple[int, int, str]]:
    """(first content line, closing line, info) of every fenced code block."""
    blocks: list[tuple[int, int, str]] = []
    index = 0
    while index < len(lines):
        opened = _FENCE_OPEN_RE.match(lines[index])
        if opened is None:
            index += 1
            continue
        fence = opened["fence"]
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            end += 1
        blocks.append((index + 1, end, opened["info"].strip().lower()))
        index = end + 1
    return blocks


def _items_outside(lines: list[str], blocks: list[tuple[int, int, str]]) -> int:
    """List items and scheduled table rows ("| **01** | SQL Basics |", "| Week 3 | …")
    outside the code blocks: the plan written out, when there is one."""
    inside = {n for start, end, _ in blocks for n in range(start - 1, end + 1)}
    return sum(
        1
        for n, line in enumerate(lines)
        if n not in inside and (_LIST_ITEM_RE.match(line) or _SLOT_ROW_RE.match(line))
    )


# A table row led by its slot: a number, or a day, week, lesson… and its number.
_SLOT_ROW_RE = re.compile(
    r"^\s*\|\s*[*_]*\s*(?:(?:day|week|month|lesson|session|class|lecture|día|dia|semana|mes"
    r"|tag|woche|jour|semaine|mois|день|неделя|第|주차?|일차)\s*)?\d{1,3}\b",
    re.I,
)


def _heading_level_at(lines: list[str], index: int) -> int:
    for line in reversed(lines[:index]):
        heading = _HEADING_RE.match(line)
        if heading:
            return len(heading.group(1))
    return 0


def _draws_a_tree(text: str) -> bool:
    return "├" in text or "|--" in text or "┣" in text or bool(_SHORT_BRANCH_RE.search(text))


def whole_document_tree(text: str) -> str | None:
    """A document that is nothing but a drawn tree, outside any code block ("roadmap/" ›
    "├── Phase1_Basics/" › "│   ├── exercises/"), as Markdown (same line count): its root
    the title, its branches the parts, nested as drawn. None for any other text."""
    if not _draws_a_tree(text):
        return None
    lines = text.split("\n")
    if any(_FENCE_OPEN_RE.match(line) or _HEADING_RE.match(line) for line in lines):
        return None
    markdown = tree_markdown(lines, heading_level=1, whole_document=True)
    return None if markdown is None else "\n".join(markdown)


def _unfenced_trees(lines: list[str]) -> list[str]:
    """Each run of branch lines drawn outside any code block ("|-- Week 1: Basics" /
    "|   |-- Loops"), four branches at least and not a drawing of files, as the outline it
    draws (same line count). Markdown would run such lines together into one paragraph."""
    inside = {n for start, end, _ in _fenced_blocks(lines) for n in range(start - 1, end + 1)}
    out = list(lines)
    index = 0
    while index < len(lines):
        if index in inside or _branch(lines[index]) is None:
            index += 1
            continue
        end = index
        while end < len(lines) and end not in inside:
            if _branch(lines[end]) is None and not _GUIDE_ONLY_RE.match(lines[end]):
                break
            if not lines[end].strip() and not (end + 1 < len(lines) and lines[end + 1].strip()):
                break  # two blank lines, or a blank line at the end: the drawing is over
            end += 1
        while end > index and not lines[end - 1].strip():
            end -= 1
        level = _heading_level_at(lines, index) + 1
        markdown = tree_markdown(lines[index:end], heading_level=max(level, 2))
        if markdown is not None:
            # a bullet may interrupt the paragraph above: no blank line is needed, and line
            # numbers stay the source's
            fired("tree-diagram", index + 1, "item", f"{end - index} lines drawn outside code")
            out[index:end] = markdown
        index = max(end, index + 1)
    return out


@rule("tree-diagram")
def inline_tree_diagrams(text: str) -> str:
    """A plan drawn as a tree in a code block ("Month 1-2: Foundation" › "├── Week 1-3:
    JavaScript" › "│   └── Closures") is read as the outline it draws, where it stands:
    the lines the branches hang from are parts, each branch a step nested as deep as it is
    drawn; plain ASCII draws its branches "|--" or just "|-" ("  | |- [x] Floats", a box
    and all). A directory tree ("src/", "main.py") stays code, and so does a tree beside a plan
    written as lists or a schedule's table rows (far more than the drawings hold): there it
    is a picture. A document that is nothing but a tree is read before this, as its own kind
    of input (`whole_document_tree`): even folders are then the plan, since nothing else is."""
    if not _draws_a_tree(text):
        return text
    lines = _unfenced_trees(text.split("\n"))
    blocks = [block for block in _fenced_blocks(lines) if block[2] in _TREE_INFOS]
    converted: list[tuple[int, int, list[str]]] = []
    for start, end, _ in blocks:
        level = _heading_level_at(lines, start) + 1
        markdown = tree_markdown(lines[start:end], heading_level=max(level, 2))
        if markdown is not None:
            converted.append((start, end, markdown))
    if not converted:
        return "\n".join(lines)
    drawn = sum(1 for *_, md in converted for line in md if line.lstrip().startswith("- "))
    around = _items_outside(lines, _fenced_blocks(lines))
    if drawn < max(2 * around, around + 5):
        return "\n".join(lines)
    for start, end, markdown in reversed(converted):
        fired("tree-diagram", start + 1, "item", f"{len(markdown)} lines")
        # the fence lines become blank lines: the tree is Markdown now
        lines[start - 1 : end + 1] = ["", *markdown, ""] if end < len(lines) else ["", *markdown]
    return "\n".join(lines)
