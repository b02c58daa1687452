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

from selectolax.lexbor import LexborHTMLParser, LexborNode

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
    root = tree.body or tree.root
    if root is None:
        return ""
    blocks = _blocks(root, 0)
    body = "\n\n".join(block for block in blocks if block.strip()) + "\n"
    title = _page_title(tree)
    if title:
        # The page's <title> names the roadmap, as front matter would.
        return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n{body}"
    return body


def _page_title(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first("head > title") or tree.css_first("title")
    if node is None:
        return None
    title = " ".join(node.text(deep=True).split())
    return title[:200] or None


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
        elif tag == skip or _skipped(child):
            continue
        elif tag == "br":
            run.append("\n")
        elif tag in _INLINE:
            run.append(_inline(child, depth + 1))
        else:
            blocks.append(_paragraph("".join(run)))
            run = []
            blocks.extend(_block(child, depth + 1))
    blocks.append(_paragraph("".join(run)))
    return [block for block in blocks if block]


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


def _list_item(marker: str, blocks: list[str]) -> list[str]:
    """One item: its first block after the marker, the others indented to its content."""
    pad = " " * (len(marker) + 1)
    if not blocks:
        return [marker]
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
    """`<table>` → a pipe table; the first row is its header."""
    rows = [[_cell(cell, depth) for cell in _cells(row)] for row in _rows(node)]
    rows = [row for row in rows if row]
    if not rows:
        return ""
    width = max(len(row) for row in rows)
    lines = []
    for index, row in enumerate(rows):
        cells = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + " --- |" * width)
    return "\n".join(lines)


def _rows(table: LexborNode) -> Iterator[LexborNode]:
    """The table's own rows (not those of a table nested in a cell)."""
    for child in table.iter():
        if child.tag == "tr":
            yield child
        elif child.tag in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.iter() if row.tag == "tr")


def _cells(row: LexborNode) -> Iterator[LexborNode]:
    return (cell for cell in row.iter() if cell.tag in ("td", "th"))


def _cell(cell: LexborNode, depth: int) -> str:
    """A cell's content on one line (a pipe table cell cannot hold blocks)."""
    return _one_line(" ".join(_blocks(cell, depth + 1)))


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
