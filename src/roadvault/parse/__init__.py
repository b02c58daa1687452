"""Reading roadmaps: bytes → clean text → the roadmap model with stable ids.

parse_roadmap(text, *, source="<text>", name=None) -> Roadmap      pure
decode_roadmap(data, *, source) -> str                             pure
read_roadmap(path, *, name=None) -> Roadmap                        reads a file or stdin
roadmap_to_markdown(roadmap) -> str                                pure
roadmap_to_json(roadmap) -> dict                                   pure
assign_ids(roadmap) -> None                                        in place
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from roadvault.errors import InputError
from roadvault.model import Roadmap
from roadvault.parse.bare_lines import (
    blank_banner_rules,
    demote_heading_lines,
    drop_logseq_properties,
    fold_heading_kickers,
    hexo_tags,
    join_html_table_lines,
    mark_bare_lines,
    mark_label_paragraphs,
    mark_lazy_labels,
    mark_record_lines,
    open_markdown_divs,
    outdent_headings,
    promote_comment_labels,
    promote_lone_line_heads,
    promote_slot_lines,
    quote_admonitions,
    unicon_labels,
    unquote_outline,
)
from roadvault.parse.emit import roadmap_to_json, roadmap_to_markdown
from roadvault.parse.front import split_front_matter
from roadvault.parse.ids import assign_ids
from roadvault.parse.inputs import Kind, as_markdown, plain_fenced_plan, unfence_typed_tables
from roadvault.parse.loose_lines import TITLE_HEADING_RE, loose_lines_to_markdown
from roadvault.parse.outline import build_roadmap
from roadvault.parse.read import (
    MAX_ROADMAP_BYTES,
    cap_overlong_lines,
    clean_text,
    decode_roadmap,
    read_roadmap_bytes,
)
from roadvault.parse.rules import fired
from roadvault.parse.shape import title_from_source
from roadvault.parse.statuses import drop_empty_lanes
from roadvault.parse.text_outline import BOX_LINE, INLINE_MARKDOWN_RE, headings_lost

MAX_ROADMAP_LINES = 100_000

logger = logging.getLogger(__name__)
_KIND_NAMES = {
    "html": "an HTML page",
    "text": "a plain-text outline",
    "data": "a plan kept as data in its front matter",
}

__all__ = [
    "MAX_ROADMAP_BYTES",
    "MAX_ROADMAP_LINES",
    "assign_ids",
    "decode_roadmap",
    "parse_roadmap",
    "read_roadmap",
    "read_roadmap_text",
    "roadmap_to_json",
    "roadmap_to_markdown",
]


def parse_roadmap(text: str, *, source: str = "<text>", name: str | None = None) -> Roadmap:
    """Pure: clean text → Roadmap with stable ids. `name` overrides the title (and seeds ids).

    A text without any item gives a Roadmap with no nodes; `read_roadmap` refuses those."""
    text, kind = readable_text(text, source=source)
    return parse_readable(text, kind, source=source, name=name)


def readable_text(text: str, *, source: str = "<text>") -> tuple[str, Kind]:
    """`text` as the Markdown the rules read (an HTML page converted, a plain-text outline
    marked up, overlong lines cut) and what kind of input it was. Line numbers in the model
    and in `--explain` are lines of this text."""
    text = cap_overlong_lines(clean_text(text), source=source)
    text, _divs = open_markdown_divs(text)  # before the page is taken for HTML
    text, _tables = join_html_table_lines(text)  # Markdown ends HTML at an empty line
    text, kind = as_markdown(text, source=source)
    if kind != "markdown":
        logger.info("%s: read as %s", source, _KIND_NAMES[kind])
    return text, kind


def parse_readable(
    text: str, kind: Kind, *, source: str = "<text>", name: str | None = None
) -> Roadmap:
    """`parse_roadmap` after `readable_text`."""
    front = split_front_matter(text, source=source)
    body, comments = (front.body, []) if front.outline else promote_comment_labels(front.body)
    body, _logseq = (body, []) if front.outline else drop_logseq_properties(body)
    body, _banners = (body, []) if front.outline else blank_banner_rules(body)
    body, _containers = (body, []) if front.outline else quote_admonitions(body)
    body, _hexo = (body, []) if front.outline else hexo_tags(body)
    body, _kickers = (body, []) if front.outline else fold_heading_kickers(body)
    body, icons = (body, []) if front.outline else unicon_labels(body)
    body, slots = (body, []) if front.outline else promote_slot_lines(body)
    body, heads = (body, []) if front.outline else promote_lone_line_heads(body)
    body, outdented = (body, []) if front.outline else outdent_headings(body)
    body, unquoted = (body, []) if front.outline else unquote_outline(body)
    body, records = (body, []) if front.outline else mark_record_lines(body)
    body, bare = (body, []) if front.outline else mark_bare_lines(body)
    body, lazy = (body, []) if front.outline else mark_lazy_labels(body)
    body, labelled = (body, []) if front.outline else mark_label_paragraphs(body)
    body, demoted = (body, []) if front.outline else demote_heading_lines(body)
    try:
        roadmap = build_roadmap(
            body,
            source=source,
            front_title=front.title,
            name=name,
            literal=front.outline,
        )
    except RecursionError as exc:
        # Nesting is clamped before parsing; this is the last guard, so a shape nobody
        # foresaw still gets one clear line instead of a traceback.
        raise InputError("is nested too deeply to read as a roadmap", path=source) from exc
    # slot lines promoted to headings are structure the text had, in its own way
    structured = _has_markdown_structure(front.body) or bool(slots) or bool(heads)
    if kind == "markdown" and not roadmap.nodes:
        tables = unfence_typed_tables(front.body)
        if tables is not None:
            typed = build_roadmap(tables, source=source, front_title=front.title, name=name)
            if typed.nodes:
                assign_ids(typed)
                return typed
        fenced = _read_fenced_plan(front.body, roadmap, source=source, name=name)
        if fenced is not None:
            return fenced
    if kind == "markdown" and not (roadmap.nodes and structured):
        loose = _read_loose_lines(front.body, source=source, front_title=front.title, name=name)
        if loose.nodes or not roadmap.nodes:
            roadmap = loose
    for name, lines in (
        ("comment-headings", comments),
        ("icon-labels", icons),
        ("slot-lines", slots),
        ("lone-line-heads", heads),
        ("indented-heading", outdented),
        ("quote-outline", unquoted),
        ("record-lines", records),
        ("bare-lines", bare),
        ("lazy-label", lazy),
        ("label-paragraphs", labelled),
        ("heading-lines", demoted),
    ):
        marked = set(lines)
        for node in roadmap.walk() if marked else ():
            if node.line in marked:
                fired(name, node.line, "item" if node.is_leaf else "topic")
    if front.board:
        roadmap.nodes = drop_empty_lanes(roadmap.nodes)
    assign_ids(roadmap)
    return roadmap


# A heading, a setext underline, a list item or a table row, quoted or not: Markdown the
# author wrote.
_STRUCTURE_RE = re.compile(
    r"^ {0,3}(?:>[ \t]?)*"
    r"(?:#{1,6}[ \t]|[-*+][ \t]+\S|\d{1,3}[.)][ \t]+\S|\|.*\||=+[ \t]*$|-{2,}[ \t]*$)"
    r"|^[ \t]*[•◦▪‣○●■□➢►▸][ \t]+\S"  # glyph bullets, read by the glyph-bullets rule
    rf"|^{BOX_LINE}"  # boxes without a list marker, read by box-lines
    r"|^[ \t]*<(?:h[1-6]|ul|ol|li|table|details)\b",
    re.M | re.I,
)


def _has_markdown_structure(body: str) -> bool:
    """Text copied from a rendered page or a chat window has lost its headings and list
    markers: then the loose-lines reading (docs/READING.md) knows its shape better. So has
    a text whose parts ("Phase 1: Foundation (1-2 Months)") stand as plain lines of their
    own, with no heading anywhere, even when some of its bullets or numbers survived. A
    title heading on the first line ("# my-study-plan", a repository's README) over text
    with no other structure is pasted text all the same."""
    return bool(_STRUCTURE_RE.search(_without_title_heading(body))) and not headings_lost(body)


def _without_title_heading(body: str) -> str:
    """The body without its title heading, when the rest is plain text with no markup of
    its own (no bold, link or code): the heading is then all the Markdown there is."""
    first, _, rest = body.lstrip().partition("\n")
    if not TITLE_HEADING_RE.match(first) or INLINE_MARKDOWN_RE.search(rest):
        return body
    return rest


def _read_fenced_plan(
    body: str, around: Roadmap, *, source: str, name: str | None
) -> Roadmap | None:
    """No item in the Markdown: the plan may be the outline in its plain ``` block, read
    as a document of its own under the title the Markdown around it gives."""
    found = plain_fenced_plan(body)
    if found is None:
        return None
    content, first_line = found
    named = around.title if around.title != title_from_source(source) else None
    text, kind = readable_text("\n" * first_line + content, source=source)
    inner = parse_readable(text, kind, source=source, name=name or named)
    return inner if inner.nodes else None


def _read_loose_lines(
    body: str, *, source: str, front_title: str | None, name: str | None
) -> Roadmap:
    """Nothing read as an item: try the text as loose lines copied from a page or a chat."""
    markdown, origin = loose_lines_to_markdown(body)
    try:
        roadmap = build_roadmap(markdown, source=source, front_title=front_title, name=name)
    except RecursionError as exc:
        raise InputError("is nested too deeply to read as a roadmap", path=source) from exc
    if roadmap.nodes:
        logger.info("%s: read as loose lines (no Markdown structure)", source)
    for node in roadmap.walk():
        if node.line is not None:
            node.line = origin[min(node.line, len(origin)) - 1]
            fired("loose-lines", node.line, "item" if node.is_leaf else "topic")
    return roadmap


def read_roadmap_text(path: str | Path) -> tuple[str, str]:
    """The decoded text of a roadmap file ("-" = stdin) and the name to show for it, under
    the size and line limits; an empty file is refused."""
    data, source = read_roadmap_bytes(path)
    text = decode_roadmap(data, source=source)
    if not text.strip():
        raise InputError("is empty; nothing to read as a roadmap", path=source)
    lines = text.count("\n") + 1
    if lines > MAX_ROADMAP_LINES:
        raise InputError(
            f"has {lines:,} lines, over the {MAX_ROADMAP_LINES:,}-line limit for a roadmap",
            path=source,
        )
    return text, source


def read_roadmap(path: str | Path, *, name: str | None = None) -> Roadmap:
    """Read a roadmap file ("-" = stdin) under the size limit; refuse empty and itemless ones."""
    text, source = read_roadmap_text(path)
    roadmap = parse_roadmap(text, source=source, name=name)
    if not roadmap.nodes:
        raise InputError(
            "has no roadmap items: no headings, lists, checkboxes or tables were found",
            path=source,
        )
    return roadmap
