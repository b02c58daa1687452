"""Pre-reading: a roadmap that is not Markdown (an HTML page, a plain-text outline) → Markdown.

Pure. The outline reader understands Markdown only; a page saved from a browser or an
outline typed in a plain editor would be refused ("no roadmap items") or misread. This
stage looks at the *content* (never the file name: files arrive as .txt, .md, .html or on
stdin) and rewrites those two kinds into the Markdown they mean. Everything else, including
Markdown with some HTML in it (README logos, badges, `<details>` groups), is returned
unchanged, so this stage can never make a Markdown roadmap read differently.

A front matter block at the top is kept as it is and never looked at here: its `key: value`
lines are not an outline and its text is not a page.
"""

from __future__ import annotations

import re
import textwrap
from typing import Literal

from roadvault.parse.front import front_data
from roadvault.parse.html_input import html_to_markdown
from roadvault.parse.rules import fired, rule
from roadvault.parse.script_data import (
    fenced_data_markdown,
    plan_markdown,
    script_data_markdown,
)
from roadvault.parse.text_outline import PROGRAM_LINE, looks_like_outline, outline_to_markdown
from roadvault.parse.trees import whole_document_tree

Kind = Literal["markdown", "html", "text", "data"]

# Front matter as front.py reads it (YAML `---` or TOML `+++`, closed on its own line).
_FRONT_RE = re.compile(
    r"\A(?:---[ \t]*\n(?:.*?\n)??(?:---|\.\.\.)|\+\+\+[ \t]*\n(?:.*?\n)??\+\+\+)[ \t]*(?:\n|\Z)",
    re.S,
)
MAX_FRONT_CHARS = 64 * 1024  # as front.py: a longer "front matter" is not one

# A whole page: a doctype, <html>, <head> or <body> first (after comments, an XML header).
_PAGE_TAG_RE = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_BODY_TAG_RE = re.compile(r"^[ \t]*<body\b", re.I | re.M)
# A line that is HTML markup: it opens with a tag (or closing tag) of a block element.
_BLOCK_TAGS = (
    "h[1-6]|ul|ol|li|p|table|thead|tbody|tr|td|th|div|section|article|main|details|summary"
    "|dl|dt|dd|blockquote|pre|header|footer|nav|aside|hr"
)
_TAG_LINE_RE = re.compile(rf"^\s*</?(?:{_BLOCK_TAGS})(?:\s[^>]*)?/?>", re.I)
_STRUCTURE_TAG_RE = re.compile(r"^[ \t]*<(?:h[1-6]|ul|ol|li|table)\b", re.I | re.M)
# Markdown block syntax on a line (outside tags): headings, list markers, pipe tables.
_MD_LINE_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|.*\|\s*$)")
MIN_TAG_LINES = 3


def as_markdown(text: str, *, source: str) -> tuple[str, Kind]:
    """`text` as Markdown the outline reader understands, and what kind it was read as.

    `source` names the input for messages only; it never decides the kind."""
    del source  # detection is by content only; kept in the signature for callers' logs
    try:
        front, body = split_front(text)
        if front and not front.endswith("\n"):
            front += "\n"  # "---" closing the file: what follows must start a line of its own
        if looks_like_html(body):
            markdown = html_to_markdown(body)
            if not _PLAN_LINE_RE.search(markdown):
                # a tracker app: the page is empty until its script draws the plan
                markdown = script_data_markdown(body) or markdown
            return front + markdown, "html"
        tree = whole_document_tree(body)
        if tree is not None:
            return front + tree, "text"
        if looks_like_outline(body):
            return front + outline_to_markdown(body), "text"
        if not _PLAN_LINE_RE.search(_without_fenced_code(body)):
            # a plan kept as data in a ```json block, with nothing else to read
            markdown = fenced_data_markdown(body)
            if markdown is not None:
                return front + markdown, "data"
        if front and not _PLAN_LINE_RE.search(body):
            # a roadmap kept as data: the front matter's `topics:` are the plan
            markdown = plan_markdown(front_data(front))
            if markdown is not None:
                fired("script-data", 1, "item", "the plan read from the front matter")
                return front + markdown, "data"
    except RecursionError:
        # A shape nobody foresaw: read the text as Markdown rather than fail here.
        return text, "markdown"
    return text, "markdown"


# A list entry, a table row or a heading below the title: something the rules can read.
_PLAN_LINE_RE = re.compile(r"^\s*(?:[-*+]\s+\S|\d{1,3}[.)]\s+\S|\|.*\||#{2,6}\s+\S)", re.M)


def split_front(text: str) -> tuple[str, str]:
    """(front matter block with its closing line, the rest); ("", text) when there is none."""
    if not text.startswith(("---", "+++")):
        return "", text
    match = _FRONT_RE.match(text[: MAX_FRONT_CHARS + 16])
    if match is None:
        return "", text
    return text[: match.end()], text[match.end() :]


_MD_HEADING_RE = re.compile(r"^#{1,6}[ \t]+\S", re.M)


def looks_like_html(text: str) -> bool:
    """A page (doctype/<html>/<head>/<body>), or a fragment whose lines are mostly block tags
    with headings or lists among them and hardly any Markdown structure of its own.

    A Markdown README with a centred logo, badges or `<details>` groups has Markdown
    headings and lists around its HTML, so it stays Markdown."""
    if _starts_as_page(text):
        return True
    text = _without_fenced_code(text)  # a ```html sample in a Markdown lesson is code
    if _BODY_TAG_RE.search(text):
        return True
    if _MD_HEADING_RE.search(text):
        return False  # "# Title" over HTML paragraphs: Markdown with HTML inside
    text = _STYLE_OR_SCRIPT_RE.sub("", text)  # a page's CSS and scripts are not its lines
    nonblank = tag_lines = md_lines = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        nonblank += 1
        if _TAG_LINE_RE.match(line):
            tag_lines += 1
        elif _MD_LINE_RE.match(line):
            md_lines += 1
    return (
        tag_lines >= MIN_TAG_LINES
        and tag_lines * 2 >= nonblank
        and md_lines * 5 < tag_lines
        and bool(_STRUCTURE_TAG_RE.search(text))
    )


_STYLE_OR_SCRIPT_RE = re.compile(r"<(style|script)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def _without_fenced_code(text: str) -> str:
    """`text` with the lines of Markdown fenced code blocks left out."""
    if "```" not in text and "~~~" not in text:
        return text
    kept: list[str] = []
    fence = ""
    for line in text.split("\n"):
        match = _FENCE_RE.match(line)
        if fence:
            if match and match[1][0] == fence[0] and len(match[1]) >= len(fence):
                fence = ""
            continue
        if match:
            fence = match[1]
            continue
        kept.append(line)
    return "\n".join(kept)


def _starts_as_page(text: str) -> bool:
    """The first thing after blanks, comments and an `<?xml?>` header is a page-level tag."""
    position = 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if text.startswith("<!--", position):
            end = text.find("-->", position + 4)
            if end < 0:
                return False
            position = end + 3
        elif text.startswith("<?xml", position):
            end = text.find(">", position)
            if end < 0:
                return False
            position = end + 1
        else:
            return bool(_PAGE_TAG_RE.match(text, position))


# "```" or "```text" around a plan typed as an indented outline; "```python" is code.
_PLAIN_FENCE_RE = re.compile(
    r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*(?:te?xt|plain(?:text)?|none)?[ \t]*$", re.I
)
# a program's lines, or a C header, a shell prompt or a Python prompt
_PROGRAM_LINE_RE = re.compile(rf"{PROGRAM_LINE}|^\s*(?:#include|\$|>>>)\s")
MIN_FENCED_PLAN_LINES = 5


@rule("fenced-outline")
def plain_fenced_plan(body: str) -> tuple[str, int] | None:
    """A plan typed as an indented outline and put in a plain ``` block (so that the
    editor keeps its indentation) is the document's plan when the Markdown around it holds
    none: (its text, dedented, and the line the block starts on), or None. A block with a
    language, or one whose lines read like a program or a shell session, is code."""
    lines = body.split("\n")
    best: tuple[int, int] | None = None  # (first content index, end index) of the longest
    start: int | None = None
    fence = ""
    for at, line in enumerate(lines):
        match = _PLAIN_FENCE_RE.match(line)
        if start is None:
            opened = re.match(r"^[ \t]{0,3}(`{3,}|~{3,})", line)
            if opened:
                start, fence = (at + 1, opened[1]) if match else (-1, opened[1])
            continue
        if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
            if start >= 0 and (best is None or at - start > best[1] - best[0]):
                best = (start, at)
            start = None
    if best is None:
        return None
    content = [line for line in lines[best[0] : best[1]] if line.strip()]
    if len(content) < MIN_FENCED_PLAN_LINES or any(_PROGRAM_LINE_RE.search(x) for x in content):
        return None
    fired("fenced-outline", best[0], "note", "the plan in a plain ``` block")
    return textwrap.dedent("\n".join(lines[best[0] : best[1]])), best[0]


# "----------" or "|-----|-----|" under a header typed in a plain ``` block.
_TABLE_RULE_RE = re.compile(r"^[ \t]*[-=+|: \t]{3,}$")
MIN_TABLE_SHARE = 0.8


def _typed_table(rows: list[str]) -> list[str] | None:
    """A header, a rule of dashes, then rows cut by "|": a table typed as text."""
    filled = [row for row in rows if row.strip()]
    if len(filled) < 3 or not _TABLE_RULE_RE.match(filled[1]) or "-" not in filled[1]:
        return None
    body = [filled[0], *filled[2:]]
    piped = sum(1 for row in body if "|" in row)
    if piped < MIN_TABLE_SHARE * len(body) or "|" not in filled[0]:
        return None
    cells = [[cell.strip() for cell in row.strip().strip("|").split("|")] for row in body]
    width = len(cells[0])
    table = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    table += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return table


def _fenced_blocks(lines: list[str]) -> list[tuple[int, int, bool]]:
    """(opening line, closing line, plain?) of every closed fenced block, in order; a block
    with a language ("```python") is skipped whole, its closing fence with it."""
    blocks: list[tuple[int, int, bool]] = []
    at = 0
    while at < len(lines):
        opened = re.match(r"^[ \t]{0,3}(`{3,}|~{3,})", lines[at])
        if opened is None:
            at += 1
            continue
        fence = opened[1]
        end = next(
            (
                i
                for i in range(at + 1, len(lines))
                if lines[i].strip().startswith(fence) and not lines[i].strip().strip(fence[0])
            ),
            None,
        )
        if end is None:
            break
        blocks.append((at, end, bool(_PLAIN_FENCE_RE.match(lines[at]))))
        at = end + 1
    return blocks


@rule("fenced-table")
def unfence_typed_tables(body: str) -> str | None:
    """Tables typed as text in plain ``` blocks (a header, a rule of dashes, rows cut by
    "|"; a monospace font keeps them aligned) are the document's tables when the Markdown
    around them holds no item: each block becomes the table it draws, and a short block of
    marks and their meanings ("✅ completed", "🆘 not started") becomes lines of text, the
    key to those marks. When two or more tables each put a different name in their first
    header cell ("Computer Science Basics | College | Link", "Programming in Java | College |
    …"), that cell names the table's group, as a heading would. None when no block is a
    table."""
    lines = body.split("\n")
    tables = {
        at: (end, table)
        for at, end, plain in _fenced_blocks(lines)
        if plain and (table := _typed_table(lines[at + 1 : end])) is not None
    }
    if not tables:
        return None
    heads = {at: table[0].strip("| ").split(" | ")[0].strip() for at, (_, table) in tables.items()}
    named = len(heads) >= 2 and len(set(heads.values())) == len(heads) and all(heads.values())
    out = list(lines)
    for at, end, plain in _fenced_blocks(lines):
        inner = lines[at + 1 : end]
        if at in tables:
            table = tables[at][1]
            fired("fenced-table", at + 2, "item", "a table typed in a plain ``` block")
            # the same number of lines, so that every line keeps its number
            out[at] = f"## {heads[at]}" if named else ""
            out[at + 1 : end] = table + [""] * (len(inner) - len(table))
            out[end] = ""
        elif plain and inner and all(_KEY_LINE_RE.match(row) for row in inner if row.strip()):
            out[at] = out[end] = ""
            out[at + 1 : end] = [f"- {row.strip()}" if row.strip() else "" for row in inner]
    return "\n".join(out)


# "✅ completed", "🆘 not started": a mark and what it means, a word or three.
_KEY_LINE_RE = re.compile(r"^\s*[^\w\s]{1,3}\s+\w[\w -]{0,30}$")
