"""An HTML page (or a fragment of one) → Markdown the outline reader understands.

Pure. People save a roadmap from a browser, a course site or a notes app as HTML; the
outline reader only knows Markdown, so the page is rewritten first: headings become `#`
headings, `<ul>/<ol>/<li>` nesting becomes nested lists (a checkbox input becomes `[ ]` or
`[x]`), `<details><summary>` stays a group with its content rewritten as Markdown, tables
become pipe tables and links stay links. Page chrome (scripts, styles, navigation, site
header and footer, comments) is dropped so it never turns into items.

The page is parsed with selectolax's Lexbor engine: a real HTML5 parser written in C, so
broken markup is repaired the way browsers do it and a 1 MB page parses in tens of
milliseconds. (markdownify was measured too: BeautifulSoup's pure-Python parse alone took
~5 s for 1 MB here.) The walk over the tree is ours and kept small; nesting deeper than
`MAX_DEPTH` elements is flattened to its text so hostile pages cannot exhaust the stack.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from contextvars import ContextVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from roadvault.parse.rules import fired, rule

MAX_DEPTH = 80  # element nesting walked as structure; deeper content is read as plain text

# Always dropped: never roadmap content, and their text would only make noise.
_DROP = frozenset(
    {"script", "style", "noscript", "template", "iframe", "svg", "math", "head", "title",
     "nav", "button", "select", "textarea", "object", "embed", "canvas", "video", "audio",
     "img", "picture", "map"}
)  # fmt: skip
# Site chrome only when outside an article/section/main (inside one they hold its title).
_CHROME = frozenset({"header", "footer"})
_CONTENT_PARENTS = frozenset({"article", "section", "main"})
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
     "font", "i", "input", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span",
     "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"}
)  # fmt: skip
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BOLD = frozenset({"b", "strong"})
_ITALIC = frozenset({"em", "i"})
_CODE = frozenset({"code", "kbd", "samp", "tt"})

_WS_RE = re.compile(r"\s+")
# Text that would open a block at the start of a line: an ordered-list number, a bullet,
# heading, quote, setext underline or fence. (`*`, `_` and backticks in text are already
# escaped everywhere; a `**` here is our own bold and stays.)
_LINE_START_RE = re.compile(r"^(\d{1,9})([.)])(?=\s|$)|^([-+#>=~])")
# Characters that would start Markdown syntax inside running text.
_INLINE_ESCAPE_RE = re.compile(r"([\\`*_\[\]<>|&])")


def html_to_markdown(text: str) -> str:
    """The page as Markdown: blocks separated by blank lines, ending in one newline."""
    tree = LexborHTMLParser(_literal_raw_text_tags(text))
    token = _SOURCE.set(_Source(text))
    try:
        body = _body_markdown(tree)
    finally:
        _SOURCE.reset(token)
    if not body:
        return ""
    title = _page_title(tree)
    if title:
        # The page's <title> names the roadmap, as front matter would.
        return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{body}"
    return body


def _body_markdown(tree: LexborHTMLParser) -> str:
    root = tree.body or tree.root
    if root is None:
        return ""
    blocks = _blocks(root, 0)
    return "\n\n".join(block for block in blocks if block.strip()) + "\n"


_TABLE_TAG_RE = re.compile(r"<table\b", re.I)


def html_table_markdown(fragment: str, first_line: int = 0) -> str | None:
    """An HTML `<table>` written in a Markdown file — alone, or inside a `<details>` group —
    is read as the table it shows: its rows are table rows (title column by meaning, status
    column read), as a pipe table's would be, not loose text. Gives the fragment as
    Markdown, or None when it holds no table. `first_line` is the fragment's first line in
    the document (0-based), for `--explain`. (For the outline reader's HTML blocks: a
    `<details>` group's content and a standalone `<table>` block.)"""
    match = _TABLE_TAG_RE.search(fragment)
    if not match:
        return None
    token = _SOURCE.set(_Source(fragment, first_line))
    try:
        return _body_markdown(LexborHTMLParser(_literal_raw_text_tags(fragment)))
    finally:
        _SOURCE.reset(token)


class _Source:
    """The HTML being rewritten, to tell `--explain` on which source line a node stands
    (the parser keeps no positions): its text is looked for from where the last one was
    found, so repeated text maps in order."""

    def __init__(self, text: str, first_line: int = 0) -> None:
        self.text = text
        self.first_line = first_line
        self.cursor = 0

    def line(self, node: LexborNode) -> int:
        words = (node.text(deep=True, separator=" ") or "").split()
        probe = words[0] if words else ""
        found = self.text.find(probe, self.cursor) if probe else -1
        if found < 0:
            return self.first_line + self.text.count("\n", 0, self.cursor) + 1
        self.cursor = found
        return self.first_line + self.text.count("\n", 0, found) + 1


_SOURCE: ContextVar[_Source | None] = ContextVar("roadvault_html_source", default=None)


def _fire(name: str, node: LexborNode, verdict: str, detail: str = "") -> None:
    source = _SOURCE.get()
    fired(name, source.line(node) if source is not None else 1, verdict, detail)


def _page_title(tree: LexborHTMLParser) -> str | None:
    """The page's one <h1>, which names it where the reader sees it (the tab's <title> often
    adds the site's name or a slogan), or else its <title>."""
    headings = [name for h in tree.css("h1") if (name := " ".join(h.text(deep=True).split()))]
    if len(headings) == 1:
        return headings[0][:200]
    node = tree.css_first("head > title") or tree.css_first("title")
    if node is None:
        return None
    title = " ".join(node.text(deep=True).split())
    if _PLACEHOLDER_TITLE_RE.match(title):
        return None  # a converter's or an editor's stand-in: the page's own text names it
    return title[:200] or None


# What a converter or an editor writes into <title> when the author gave none.
_PLACEHOLDER_TITLE_RE = re.compile(
    r"^(?:converted document|untitled(?: document| page)?|new document|document\d*"
    r"|microsoft word\b.*|page \d+|index|home|sans titre|sin t[ií]tulo|无标题(?:文档)?|無題)$",
    re.I,
)


_RAW_TEXT_TAGS = ("script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext")


def _literal_raw_text_tags(text: str) -> str:
    """Escape a `<style>` (or `<script>`…) that is never closed: it is a tag *mentioned* in
    the text ("learn <style> tags"), and read as a tag it would swallow the rest of the page
    as its raw content."""
    lowered = text.lower()
    for tag in _RAW_TEXT_TAGS:
        if f"<{tag}" in lowered and f"</{tag}" not in lowered:
            text = re.sub(rf"<({tag})\b", r"&lt;\1", text, flags=re.I)
            lowered = text.lower()
    if "<head" not in lowered:
        # Head-only void tags in a fragment are mentions too ("<link> tags"), not markup.
        text = re.sub(r"<(link|meta|base)\b", r"&lt;\1", text, flags=re.I)
    return text


def _children(node: LexborNode) -> Iterator[LexborNode]:
    """Direct children including text nodes (comments are skipped by the callers)."""
    return node.iter(include_text=True)


def _is_chrome(node: LexborNode) -> bool:
    """A page-level <header>/<footer>: site banner or copyright, not the roadmap."""
    parent = node.parent
    while parent is not None:
        if parent.tag in _CONTENT_PARENTS:
            return False
        parent = parent.parent
    return True


def _skipped(node: LexborNode) -> bool:
    tag = node.tag or ""
    if tag in _DROP or tag.startswith(("-comment", "!")):
        return True
    return tag in _CHROME and _is_chrome(node)


def _blocks(node: LexborNode, depth: int, *, skip: str = "") -> list[str]:
    """A container's children as Markdown blocks; runs of inline content become paragraphs.

    `skip` names a child tag already rendered by the caller (a details' summary)."""
    if depth > MAX_DEPTH:
        return [_paragraph(_escape(_collapse(node.text(deep=True, separator=" "))))]
    blocks: list[str] = []
    run: list[str] = []
    for child in _children(node):
        tag = child.tag or ""
        if tag == "-text":
            run.append(_text(child))
        elif tag == "img":
            run.append(_image_mark(child))
        elif tag == skip or _skipped(child):
            continue
        elif tag == "br":
            run.append("\n")
        elif tag == "label" and _holds_checkbox(child):
            # "<label><input type=checkbox><span>Mon: Lesson 1</span></label>" one after
            # another: a task list drawn with form controls, one task per label
            blocks.append(_paragraph("".join(run)))
            run = []
            task = _collapse(_inline(child, depth + 1))
            if task:
                blocks.append(f"- {task}")
        elif tag in _INLINE:
            run.append(_inline(child, depth + 1))
        else:
            blocks.append(_paragraph("".join(run)))
            run = []
            blocks.extend(_block(child, depth + 1))
    blocks.append(_paragraph("".join(run)))
    return [block for block in blocks if block]


def _holds_checkbox(node: LexborNode) -> bool:
    return any(
        (inner.attributes.get("type") or "").lower() == "checkbox" for inner in node.css("input")
    )


def _block(node: LexborNode, depth: int) -> list[str]:
    """One block-level element as Markdown blocks."""
    tag = node.tag or ""
    if tag in _HEADINGS:
        return _heading(node, depth, _HEADINGS[tag])
    if tag in ("ul", "ol", "menu"):
        listed = _list(node, depth, ordered=tag == "ol")
        return [listed] if listed else []
    if tag == "table":
        table = _table(node, depth)
        return [table] if table else []
    if tag == "details":
        return _details(node, depth)
    if tag == "pre":
        return [_fence(node.text(deep=True, separator="") or "")]
    if tag == "blockquote":
        inner = "\n\n".join(_blocks(node, depth))
        return ["\n".join(f"> {line}".rstrip() for line in inner.splitlines())] if inner else []
    if tag == "hr":
        return ["---"]
    if tag == "dt":
        term = _one_line(_inline_children(node, depth))
        return [f"**{term}**"] if term else []
    return _blocks(node, depth)


def _heading(node: LexborNode, depth: int, level: int) -> list[str]:
    """`<hN>` → `#`×N and its text. Blocks inside it (a list in an unclosed `<h2>`, which
    browsers show under the heading text) follow it instead of joining its title."""
    blocks = _blocks(node, depth)
    if not blocks or _is_list(blocks[0]) or blocks[0].startswith(("|", "<details>", "```")):
        return blocks
    title = _one_line(blocks[0].replace("\n", " "))
    return [f"{'#' * level} {title}", *blocks[1:]]


def _details(node: LexborNode, depth: int) -> list[str]:
    """`<details><summary>S</summary>…` → the same group, its content rewritten as Markdown.

    The reader already knows `<details>` groups in Markdown (S opens a group, `</details>`
    closes it), which keeps what follows the group out of it; a bold line for S could not
    be closed. Blank lines around the content make it Markdown, not an HTML block."""
    summary = next((child for child in node.iter() if child.tag == "summary"), None)
    title = _one_line(summary.text(deep=True, separator=" ") or "") if summary else ""
    head = f"<details>\n<summary>{html.escape(title, quote=False)}</summary>"
    return [head, *_blocks(node, depth, skip="summary"), "</details>"]


def _list(node: LexborNode, depth: int, *, ordered: bool) -> str:
    """`<ul>/<ol>` → a tight Markdown list; nested lists are indented under their item."""
    start = _int_attr(node, "start", 1) if ordered else 1
    lines: list[str] = []
    number = start
    for child in _children(node):
        tag = child.tag or ""
        if tag == "-text" and not (child.text_content or "").strip():
            continue
        if _skipped(child) or tag == "br":
            continue
        marker = f"{number}." if ordered else "-"
        body = [block for block in _list_child(child, depth + 1) if block.strip()]
        if not body:
            continue  # an empty <li>: no item
        if tag in ("ul", "ol") and lines:
            # A list put straight inside a list (no <li> around it): it belongs to the item
            # before it, as browsers show it.
            lines.extend("  " + line if line else "" for line in "\n\n".join(body).splitlines())
            continue
        lines.extend(_list_item(marker, body))
        number += 1
    return "\n".join(lines)


def _list_child(child: LexborNode, depth: int) -> list[str]:
    """A list's child as blocks: an `<li>` by its content; a stray list, text or element
    (invalid, but common in hand-written pages) by what it is."""
    tag = child.tag or ""
    if tag == "-text":
        return [_paragraph(_text(child))]
    if tag == "li":
        return _blocks(child, depth)
    if tag in _INLINE:
        return [_paragraph(_inline(child, depth))]
    return _block(child, depth)


_BOX_ONLY_RE = re.compile(r"^\[[ xX]\]$")
_ATX_BLOCK_RE = re.compile(r"^#{1,6} (.+)$")


def _list_item(marker: str, blocks: list[str]) -> list[str]:
    """One item: its first block after the marker, the others indented to its content."""
    pad = " " * (len(marker) + 1)
    if not blocks:
        return [marker]
    if len(blocks) > 1 and _BOX_ONLY_RE.match(blocks[0].strip()) and not _is_list(blocks[1]):
        # "<input type=checkbox>" in its own <div> before the item's text: one task line
        blocks = [f"{blocks[0].strip()} {blocks[1]}", *blocks[2:]]
    # "<li>Step 2 … <h4>Some advice:</h4><ul>…</ul></li>": a heading inside an item is a
    # label of the item's own content; as a "#" line it would close the list around it.
    blocks = [_ATX_BLOCK_RE.sub(r"**\1**", block) for block in blocks]
    lines: list[str] = []
    for index, block in enumerate(blocks):
        block_lines = block.splitlines()
        if index == 0:
            first, *more = block_lines or [""]
            lines.append(f"{marker} {first}".rstrip())
        else:
            more = block_lines
            if not _is_list(block):
                lines.append("")  # a second paragraph, not a lazy continuation of the first
        lines.extend(pad + line if line else "" for line in more)
    return lines


def _is_list(block: str) -> bool:
    return block.startswith(("- ", "-\n")) or block == "-" or bool(re.match(r"\d+\. ", block))


def _table(node: LexborNode, depth: int) -> str:
    """`<table>` → a pipe table. The first row is its header when it is one (in `<thead>`, or
    header cells only); otherwise the header is left blank, so no item is lost to it. A cell
    holding several lines (`<br>`, blocks) keeps them apart (see `cell_entries`)."""
    rows = [(row, list(_cells(row))) for row in _rows(node)]
    rows = [(row, cells) for row, cells in rows if cells]
    if not rows:
        return ""
    nodes = _fold_naming_rows(_placed_cells([cells for _, cells in rows]))
    grid = [[_cell_lines(cell, depth) if cell is not None else [] for cell in row] for row in nodes]
    first_row, first_cells = rows[0]
    headed = _is_header_row(first_row, first_cells, rows[1][1] if len(rows) > 1 else [])
    header = [" ".join(lines) for lines in _spanned_names(nodes[0], grid[0])] if headed else []
    body = grid[1:] if headed else grid
    body_nodes = nodes[1:] if headed else nodes
    width = max(len(row) for row in grid)
    header += [""] * (width - len(header))
    body = [row + [[]] * (width - len(row)) for row in body]
    columns = [_column_shape(header[index], [row[index] for row in body]) for index in range(width)]
    slotted = any(shape == "slot" for shape in columns) or any(
        _SLOT_HEADER_RE.match(_plain(name)) for name in header
    )
    head_cells: list[str] = []
    for index, name in enumerate(header):
        head_cells.append(_pipe(name))
        if columns[index] == "slot":
            head_cells.append(_DATES_HEADER)
    # The first column listing entries holds the steps; later ones are the row's notes.
    steps = next(
        (
            index
            for index in range(width)
            if columns[index] == "text" and any(cell_entries(row[index]) for row in body)
        ),
        None,
    )
    body_rows = [row for row, _ in (rows[1:] if headed else rows)]
    finished = _finished_rows(body_rows, header)
    if finished is not None:
        head_cells.append(_FINISHED_HEADER)
    lines = ["| " + " | ".join(head_cells) + " |", "|" + " --- |" * len(head_cells)]
    for at, (row, row_nodes) in enumerate(zip(body, body_nodes, strict=False)):
        cells: list[str] = []
        for index, value in enumerate(row):
            if columns[index] == "slot":
                if len(value) > 1:
                    _fire("slot-cell", row_nodes[index], "phase", "the dates are a note")
                cells.extend([_pipe(value[0] if value else ""), _pipe(" ".join(value[1:]))])
            elif index == steps:
                if cell_entries(value):
                    _fire("cell-entries", row_nodes[index], "item", f"{len(value)} entries")
                cells.append(_pipe(_cell_markdown(value, slotted=slotted)))
            else:
                joiner = "<br>" if cell_entries(value) else " "
                cells.append(_pipe(joiner.join(value)))
        if finished is not None:
            cells.append("Done" if at < len(finished) and finished[at] else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# `<tr class="done">`: a page's style for a row already worked through (greyed out).
_FINISHED_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:done|completed?|finished)(?:$|[\s_-])", re.I)
_FINISHED_HEADER = "Status"


def _spanned_names(cells: list[LexborNode | None], names: list[list[str]]) -> list[list[str]]:
    """A header cell spanning columns ("<td colspan=5>문제 목록</td>" over five problems a
    week) names each column it covers: the rows' cells under it are five of that kind."""
    out: list[list[str]] = []
    for cell, lines in zip(cells, names, strict=True):
        out.append(out[-1] if cell is None and out and out[-1] else lines)
    return out


@rule("finished-rows")
def _finished_rows(rows: list[LexborNode], header: list[str]) -> list[bool] | None:
    """Rows of an HTML table whose class says they are done (`<tr class="done">`, as a
    course page greys out the weeks behind it) are done: the table gets a status column
    saying so. None when no row says it, or the table has a status column of its own."""
    marked = [bool(_FINISHED_CLASS_RE.search(row.attributes.get("class") or "")) for row in rows]
    if not any(marked) or any(_plain(name).casefold() == "status" for name in header):
        return None
    for row, done in zip(rows, marked, strict=True):
        if done:
            _fire("finished-rows", row, "item", "done, by the row's class")
    return marked


MAX_SPAN = 100


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _placed_cells(rows: list[list[LexborNode]]) -> list[list[LexborNode | None]]:
    """Each row's cells in the columns they stand in: a cell spanning rows ("Module 1" with
    `rowspan="20"`, "Week 1" over five days) holds its column in the rows below, which are
    left blank there, as a table that names its week only where it changes; a cell spanning
    columns leaves the columns it covers blank. Without this, every row under a spanning
    cell would shift its topic into the column to its left."""
    held: dict[int, int] = {}  # column -> rows below still covered by a cell above
    placed: list[list[LexborNode | None]] = []
    for cells in rows:
        out: list[LexborNode | None] = []
        queue = list(cells)
        column = 0
        while queue or any(col >= column for col in held):
            if held.get(column, 0) > 0:
                held[column] -= 1
                out.append(None)
            elif queue:
                cell = queue.pop(0)
                rows_down = _span(cell, "rowspan")
                width = _span(cell, "colspan")
                for offset in range(width):
                    out.append(cell if offset == 0 else None)
                    if rows_down > 1:
                        held[column + offset] = rows_down - 1
                column += width - 1
            else:
                out.append(None)
            column += 1
            held = {col: left for col, left in held.items() if left > 0}
        placed.append(out)
    return placed


def _fold_naming_rows(placed: list[list[LexborNode | None]]) -> list[list[LexborNode | None]]:
    """A row holding nothing but a cell that spans the rows below it (`<tr><td rowspan="5">1
    주차</td></tr>`, then the week's chapters) names those rows and is no entry of its own:
    its cell moves into the row below, where the span would have held it."""
    out: list[list[LexborNode | None]] = []
    carried: list[tuple[int, LexborNode]] = []
    width = max((len(row) for row in placed), default=0)
    for at, row in enumerate(placed):
        filled = [(column, cell) for column, cell in enumerate(row) if cell is not None]
        row = list(row)
        for column, cell in carried:
            row += [None] * (column + 1 - len(row))
            row[column] = row[column] or cell
        carried = []
        if (
            filled
            and at + 1 < len(placed)
            and all(_span(cell, "rowspan") > 1 for _, cell in filled)
            and len(filled) < width
        ):
            carried = filled
            continue
        out.append(row)
    return out


def _is_header_row(row: LexborNode, cells: list[LexborNode], after: list[LexborNode]) -> bool:
    """Whether a table's first row is its header: a `<thead>` row or `<th>` cells only are;
    a row shaped like the next one (a `<th>` labelling each row beside `<td>`s) or holding a
    tick box is data. Otherwise the first row is taken as the header, as before."""
    if row.parent is not None and row.parent.tag == "thead":
        return True
    tags = [cell.tag for cell in cells]
    if all(tag == "th" for tag in tags):
        return True
    if "th" in tags and tags == [cell.tag for cell in after]:
        return False
    return not any(_holds_tick(cell) for cell in cells)


def _holds_tick(cell: LexborNode) -> bool:
    for node in cell.traverse():
        if node.tag == "img" and tick_image(
            node.attributes.get("src") or "", node.attributes.get("alt") or ""
        ):
            return True
        if node.tag == "input" and (node.attributes.get("type") or "").lower() == "checkbox":
            return True
    return False


def _rows(table: LexborNode) -> Iterator[LexborNode]:
    """The table's own rows (not those of a table nested in a cell)."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.iter() if row.tag == "tr")


def _cells(row: LexborNode) -> Iterator[LexborNode]:
    return (cell for cell in row.iter() if cell.tag in ("td", "th"))


_LIST_MARK_RE = re.compile(r"^(?:[-*+]|\d{1,9}\.)\s+")


def _cell_lines(cell: LexborNode, depth: int) -> list[str]:
    """A cell's content as its lines of Markdown: one per `<br>`-separated line, paragraph,
    block or list entry (the list marker dropped)."""
    lines: list[str] = []
    for block in _blocks(cell, depth + 1):
        for line in block.splitlines():
            line = _LIST_MARK_RE.sub("", _one_line(line), count=1)
            if line:
                lines.append(line)
    return lines


# "3<br/>01/15-01/21", "Week 3<br>Jan 15": a calendar slot over its dates.
_SLOT_LINE_RE = re.compile(
    r"^(?:(?:week|wk|w|day|d|month|session|semana|semaine|woche|周|週|第)\s*)?\d{1,3}"
    r"(?:\s*[.:周週天日])?$",
    re.I,
)
_MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|ene|abr|ago|set|dic|janv|févr|mai|juin"
    r"|juil|août|sept|déc|mär|okt|dez"
)
_DATE_LINE_RE = re.compile(
    rf"^[(\[]?(?:(?:mon|tue|wed|thu|fri|sat|sun)\w*,?\s*)?"
    rf"(?:\d{{1,4}}[/.\-]\d{{1,2}}(?:[/.\-]\d{{2,4}})?|(?:{_MONTHS})\w*\.?\s*\d{{1,2}}"
    rf"|\d{{1,2}}\.?\s*(?:{_MONTHS})\w*)"
    rf"(?:\s*(?:[-–—]|to|bis|a|au|~)\s*[\w/.\- ]{{1,14}})?[)\]]?$",
    re.I,
)
# Headers that name a calendar slot per row: the table is a schedule.
_SLOT_HEADER_RE = re.compile(
    r"^(?:weeks?|days?|months?|dates?|semanas?|semaines?|wochen?|周|週|周次|日期|주차)$", re.I
)
_DATES_HEADER = "Dates"


def _plain(text: str) -> str:
    return " ".join(re.sub(r"[*_`\\]", "", text).split()).strip()


@rule("slot-cell")
def slot_cell(lines: list[str]) -> bool:
    """A table cell holding a calendar slot over its dates (`3<br/>01/15-01/21`,
    `Week 3<br/>Jan 15 – Jan 21`) names the row by its slot; the dates are a note, not part
    of the name. The column is split in two: the slot, then its dates."""
    return (
        len(lines) >= 2
        and bool(_SLOT_LINE_RE.match(_plain(lines[0])))
        and all(_DATE_LINE_RE.match(_plain(line)) for line in lines[1:])
    )


def _column_shape(header: str, cells: list[list[str]]) -> str:
    """ "slot" when every filled cell of the column is a slot over its dates (most rows say
    so, and none says anything else), else "text"."""
    del header
    filled = [lines for lines in cells if lines]
    if (
        len(filled) >= 2
        and all(
            slot_cell(lines) or (len(lines) == 1 and _SLOT_LINE_RE.match(_plain(lines[0])))
            for lines in filled
        )
        and sum(1 for lines in filled if slot_cell(lines)) * 2 >= len(filled)
    ):
        return "slot"
    return "text"


@rule("cell-entries")
def cell_entries(lines: list[str]) -> bool:
    """A cell whose lines (split by `<br>`, blocks or list entries) each name something on
    their own — a link, or a short phrase — lists several entries
    (`<a>Loops</a><br/><a>Functions</a>`): each is a step of its own, not one title joining
    them; in a calendar the row's slot holds them. A sentence broken over lines, a line that
    continues the one before it (starting in lower case or with punctuation), or a bare
    number (`1<br>Kitchen safety`) is one text."""
    if len(lines) < 2 or len(lines) > 40:
        return False
    for line in lines:
        plain = _plain(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
        if len(plain) > 90 or plain[:1] in ",.;:)]" or not any(c.isalpha() for c in plain):
            return False
        if plain[:1].islower() and not _LINK_LINE_RE.match(line):
            return False
    return True


_LINK_LINE_RE = re.compile(r"^\[[^\]]*\]\([^)]*\)\W*$")


def _cell_markdown(lines: list[str], *, slotted: bool) -> str:
    """A cell's lines as one pipe-table cell. Several entries become the forms the table
    reader splits: `- a<br>- b` in a schedule (the slot is the step, the entries its
    parts), an HTML list elsewhere (one step per entry); other lines are joined by `<br>`."""
    if not lines:
        return ""
    if len(lines) == 1 or not cell_entries(lines):
        return " ".join(lines) if len(lines) == 1 else "<br>".join(lines)
    entries = [_line_html(line) for line in lines]
    if slotted:
        return "<br>".join(f"- {entry}" for entry in entries)
    return "<ul>" + "".join(f"<li>{entry}</li>" for entry in entries) + "</ul>"


_MD_TOKEN_RE = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((<[^>]*>|[^)\s]*)\)|\\(.)|\*\*|`")


def _line_html(line: str) -> str:
    """One line of our own Markdown back as HTML text (links as `<a href>`), for cell forms
    whose entries the table reader takes as HTML."""
    out: list[str] = []
    position = 0
    for match in _MD_TOKEN_RE.finditer(line):
        out.append(html.escape(line[position : match.start()], quote=False))
        label, href, escaped = match.groups()
        if label is not None:
            href = href[1:-1] if href.startswith("<") else href
            text = html.escape(re.sub(r"\\(.)", r"\1", label), quote=False)
            out.append(f'<a href="{html.escape(href)}">{text}</a>')
        elif escaped is not None:
            out.append(html.escape(escaped, quote=False))
        position = match.end()
    out.append(html.escape(line[position:], quote=False))
    return "".join(out)


def _pipe(text: str) -> str:
    """Text for a pipe-table cell: a bare `|` would end the cell."""
    return re.sub(r"(?<!\\)\|", r"\|", text)


_MARKS = {"x": "✅", " ": "⬜", "/": "🔄"}
_DONE_WORDS = frozenset(
    {"checked", "check", "checkmark", "tick", "ticked", "done", "complete", "completed",
     "finished", "yes"}
)  # fmt: skip
_TODO_WORDS = frozenset(
    {"unchecked", "uncheck", "unticked", "todo", "incomplete", "uncompleted", "pending",
     "unfinished", "empty", "blank", "checkbox", "notdone"}
)  # fmt: skip
_DOING_WORDS = frozenset({"progress", "inprogress", "doing", "wip", "started", "ongoing"})


@rule("tick-image")
def tick_image(src: str, alt: str) -> str | None:
    """An HTML image that is a tick box — its file name or alt text says checked /
    unchecked / done / todo (`checked_16.svg`, `alt="done"`, `checkbox-empty.png`) — is the
    status of the row or entry it stands in (a table cell, the start of a list entry): done,
    not started or in progress. Other images (logos, badges, screenshots) say nothing and
    are dropped."""
    name = src.rsplit("/", 1)[-1].split("?", 1)[0].rsplit(".", 1)[0]
    words = set(re.findall(r"[a-z]+", f"{name} {alt}".casefold().replace("to do", "todo")))
    if re.search(r"\bnot[ _-]?(?:done|started|checked)\b", f"{name} {alt}".casefold()):
        return " "
    if words & _DOING_WORDS:
        return "/"
    if words & (_TODO_WORDS - {"checkbox"}):
        return " "
    if words & _DONE_WORDS:
        return "x"
    if "checkbox" in words:
        return " "
    return None


def _image_mark(node: LexborNode) -> str:
    """An `<img>` as text: the status of a tick-box image (see `tick_image`) in a table
    cell (its mark), or at the start of a list entry (a task box); else nothing."""
    place = _status_place(node)
    if place is None:
        return ""
    mark = tick_image(node.attributes.get("src") or "", node.attributes.get("alt") or "")
    if mark is None:
        return ""
    _fire("tick-image", node.parent or node, "item", f"[{mark}]")
    return f"[{mark}] " if place == "li" else f" {_MARKS[mark]} "


def _status_place(node: LexborNode) -> str | None:
    """ "cell" in a table cell, "li" before any text of a list entry, else None."""
    parent = node.parent
    for _ in range(6):
        if parent is None:
            return None
        if parent.tag in ("td", "th"):
            return "cell"
        if parent.tag == "li":
            for part in parent.traverse(include_text=True):
                if part == node:
                    return "li"
                if part.tag == "-text" and (part.text_content or "").strip():
                    return None
            return None
        parent = parent.parent
    return None


def _inline(node: LexborNode, depth: int) -> str:
    """An inline element as Markdown inline text."""
    tag = node.tag or ""
    if tag == "br":
        return "\n"
    if tag == "input":
        if (node.attributes.get("type") or "").lower() != "checkbox":
            return ""
        return "[x] " if "checked" in node.attributes else "[ ] "
    inner = _inline_children(node, depth)
    if tag == "a":
        if inner.strip() in _MARKS.values():
            return inner  # a status image that links somewhere: the mark is what it says
        return _link(inner, node.attributes.get("href") or "")
    if tag in _CODE:
        return _code(node.text(deep=True, separator="") or "")
    if tag in _BOLD:
        return _wrap(inner, "**")
    if tag in _ITALIC:
        return _wrap(inner, "*")
    return inner


def _inline_children(node: LexborNode, depth: int) -> str:
    if depth > MAX_DEPTH:
        return _escape(node.text(deep=True, separator=" ") or "")
    parts: list[str] = []
    for child in _children(node):
        tag = child.tag or ""
        if tag == "-text":
            parts.append(_text(child))
        elif tag == "img":
            parts.append(_image_mark(child))
        elif _skipped(child):
            continue
        elif tag in _INLINE:
            parts.append(_inline(child, depth + 1))
        else:
            # A block inside inline content (a <div> in a link, a list in a <span>): read
            # as text with spaces around, as it would show on one line.
            parts.append(" " + _inline_children(child, depth + 1) + " ")
    return "".join(parts)


def _link(text: str, href: str) -> str:
    """Keep real links; page-internal anchors and scripts are just their text."""
    href = href.strip()
    label = _one_line(text)
    if not href or href.startswith(("#", "javascript:")) or not label:
        return text
    if re.search(r"[\s()<>]", href):
        href = "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
    return f"[{label}]({href})"


def _code(text: str) -> str:
    text = _collapse(text)
    if not text.strip():
        return text
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _wrap(text: str, mark: str) -> str:
    """Emphasis around the words only: `** x **` would not be emphasis in Markdown."""
    core = text.strip()
    if not core or "\n" in core:
        return text
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return f"{lead}{mark}{core}{mark}{trail}"


def _fence(text: str) -> str:
    fence = "```"
    while fence in text:
        fence += "`"
    return f"{fence}\n{text.strip(chr(10))}\n{fence}"


def _paragraph(text: str) -> str:
    """Inline text → a paragraph: whitespace collapsed per line, no accidental block syntax."""
    lines = [_collapse(line).strip() for line in text.split("\n")]
    lines = [_LINE_START_RE.sub(_escaped_start, line, count=1) for line in lines if line]
    return "\n".join(lines)


def _escaped_start(match: re.Match[str]) -> str:
    number, delimiter, mark = match.groups()
    return f"{number}\\{delimiter}" if number else "\\" + mark


def _one_line(text: str) -> str:
    return _collapse(text).strip()


def _collapse(text: str) -> str:
    return _WS_RE.sub(" ", text)


def _text(node: LexborNode) -> str:
    """A text node as Markdown text: source line breaks are only spaces, as in a browser."""
    return _escape(_collapse(node.text_content or ""))


def _escape(text: str) -> str:
    return _INLINE_ESCAPE_RE.sub(r"\\\1", text)


def _int_attr(node: LexborNode, name: str, default: int) -> int:
    value = (node.attributes.get(name) or "").strip()
    return int(value) if value.isdigit() and len(value) < 9 else default


# A card's header and the badge inside it that gives its state, by their class names:
# "course-header" over "course-status", "lesson-title" over "state-badge".
_HEADER_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:header|head|title)(?:$|[\s_-])", re.I)
_STATE_CLASS_RE = re.compile(r"(?:^|[\s_-])(?:status|state|badge|progress)(?:$|[\s_-])", re.I)
_TOGGLE_GLYPHS = "▶▷►▸▼▽▾+−-› "


@rule("html-status-cards")
def html_status_cards(fragment: str) -> list[tuple[str, str]] | None:
    """Cards a page draws in HTML to track courses, each a header element that holds the
    entry's name and, in an element of its own, its state ("<div class='course-header'>
    <span>8.01: Physics I</span><span class='course-status'>COMPLETED</span></div>"): one
    entry per card, with the words of its state; what the card folds away (links, ratings)
    is not read as entries. Gives (name, state words) per card, or None."""
    tree = LexborHTMLParser(fragment)
    cards: list[tuple[str, str]] = []
    for node in tree.css("[class]"):
        if not _HEADER_CLASS_RE.search(node.attributes.get("class") or ""):
            continue
        states = [
            child
            for child in node.css("[class]")
            if child.mem_id != node.mem_id  # the header's own "in-progress" class is no badge
            and _STATE_CLASS_RE.search(child.attributes.get("class") or "")
        ]
        if not states:
            return None  # a header without a state is a page's banner or a card of text
        state = " ".join(" ".join(s.text(separator=" ").split()) for s in states)
        words = " ".join(node.text(separator=" ").split())
        name = words.replace(state, " ") if state else words
        name = " ".join(name.split()).strip(_TOGGLE_GLYPHS)
        if name:
            cards.append((name, state))
    return cards or None
