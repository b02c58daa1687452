"""The outline: Markdown text → the roadmap model (docs/MODEL.md), for the shapes people write.

Pure: text in, `Roadmap` out. Two passes:

1. *Build* (this module, with drafts.py and tables.py): markdown-it-py blocks become draft
   nodes. Headings (ATX, setext) and bold lines alone on a line ("pseudo-headings") open
   sections by level; lists, tables, callouts and `<details>` groups add items to the
   section they stand in. Code, HTML comments, images, rules, prose and chat chatter are
   never items (prose becomes notes).
2. *Shape* (shape.py): decide what the drafts mean. Sections nobody studies (table of
   contents, Contributing, License) go; "Resources"-like groups become resources of their
   topic; a lone description line under a bullet becomes its notes; the document title is
   taken from front matter, a single top heading or the file name; a wrapper section
   holding all the phases is opened; a ticked parent ticks its plain children.
"""

from __future__ import annotations

import bisect
import html
import itertools
import logging
import re
import textwrap
import unicodedata
from collections.abc import Callable, Iterable
from functools import cached_property

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from roadvault.model import Node, Resource, Roadmap
from roadvault.parse.bare_lines import is_command, unfenced
from roadvault.parse.boxes import inline_box_diagrams
from roadvault.parse.drafts import (
    CALLOUT,
    DETAILS,
    HEADING,
    ITEM,
    PSEUDO,
    QUOTE,
    ROOT,
    ROW,
    SECTIONS,
    Draft,
    inline_of,
    is_date_title,
    is_facet_title,
    line_of,
    name_as_written,
    resource_kind,
    set_title,
    split_label,
    walk,
)
from roadvault.parse.durations import (
    AMOUNT,
    ORDINAL,
    WRITTEN_FORM,
    is_duration_label,
    is_slot,
    leading_duration,
)
from roadvault.parse.html_input import html_status_cards, html_table_markdown, html_to_markdown
from roadvault.parse.mermaid import inline_mermaid
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import (
    ADVICE,
    HOUSEKEEPING,
    STEP_QUALIFIERS_CJK,
    asks_the_reader,
    is_housekeeping,
    offers_help,
    offers_if_wanted,
    offers_on_its_own_line,
    reads_as_action,
    section_role,
)
from roadvault.parse.shape import (
    Shaped,
    describes_the_entry,
    gather_flat_plan,
    shape_roadmap,
    show_numbering,
    title_from_source,
)
from roadvault.parse.statuses import BOLD_FIELD_RE, said_state
from roadvault.parse.table_status import percent_state
from roadvault.parse.tables import status_of_words, table_items, table_rows
from roadvault.parse.text_outline import (
    MIN_BOX_LINES,
    PROGRAM_LINE,
    escape_line_start,
    is_prose,
    looks_like_outline,
    outline_to_markdown,
)
from roadvault.parse.titles import (
    STATUS_GLYPHS,
    STATUS_MARKS,
    TRAFFIC_LIGHTS,
    InlineText,
    inline_lines,
    join_lines,
    led_by_a_weekday,
    light_clean,
    names_a_plan,
    opens_a_part,
    plain_label,
    remove_controls,
    shows_progress_bar,
    split_callout,
    split_task_marker,
    strip_decorations,
)
from roadvault.parse.trees import inline_tree_diagrams

logger = logging.getLogger(__name__)

# markdown-it stops nesting at this many token levels; indentation beyond MAX_INDENT columns
# and quote markers beyond MAX_QUOTES are clamped first, so deep nesting flattens instead of
# vanishing or exhausting the stack.
MAX_NESTING = 100
MAX_INDENT = 80
MAX_QUOTES = 24
MAX_DETAILS = 12  # open <details> groups inside each other
MAX_BRACKETS = 200  # "[" on one line beyond which they are read as text (link parsing cost)

MAX_CAPTION_LABEL_WORDS = 3
_CHATTER_START_RE = re.compile(
    r"^(?:sure|certainly|absolutely|of course|great question|great|okay|ok|alright|awesome"
    r"|here(?:'|’)?s|here is|here are|below is|below are|i(?:'|’)ve|i have|i(?:'|’)ll|i will"
    r"|i hope|hope this|let me know|feel free|would you like|do you want|if you(?:'|’)?d like"
    r"|if you want|want me to|shall i|good luck|happy (?:learning|coding|studying|hacking)"
    r"|that(?:'|’)s a great|you(?:'|’)ve got this|you got this|best of luck|cheers)\b"
    # "¡Claro!", "Bien sûr !", "Natürlich!", "Конечно!": the answer's first word, then the plan
    r"|^(?:¡?claro|por supuesto|¡?perfecto|bien sûr|d['’]accord|parfait|natürlich|certamente"
    r"|ovviamente|конечно|отлично|oczywiście|jasne|tabii|elbette|tentu saja|tất nhiên"
    r"|được thôi)\s?[!,.:！，]"
    r"|^(?:好的|当然|没问题|可以的|もちろん|承知しました|かしこまりました|물론|좋아요)[!,.:！，。]?",
    re.I,
)
_CHATTER_ANYWHERE_RE = re.compile(
    r"\b(?:let me know|would you like (?:me|a|an|to)|hope this helps|feel free to ask"
    r"|i can (?:also )?(?:help|create|make|adjust|tailor)|want me to"
    r"|here(?:'|’)?s an? (?:\w+ ){0,3}(?:roadmap|plan|timeline|checklist|breakdown|guide))\b",
    re.I,
)
_CHAT_TITLE_RE = re.compile(
    r"(?:roadmap|learning path|study plan|plan|guide|curriculum)\s+(?:to|for|of|on|in)\s+"
    r"(?:(?:learning|mastering|becoming|learn|master|become)\s+)?(?:an?\s+|the\s+)?"
    r"\*\*(?P<title>[^*\n]{2,80})\*\*",
    re.I,
)
# "Below is a more detailed six-month roadmap that…", "Here's a 12-week study plan for…":
# the plan the answer gives, named in its first sentence.
_GENERIC_PLAN_RE = re.compile(
    r"roadmap|study plan|learning plan|learning path|curriculum|plan|guide", re.I
)
_CHAT_PLAN_RE = re.compile(
    r"\b(?:here(?:'|’)?s|here is|below is|this is)\s+(?:a|an|your|the)\s+"
    r"(?:(?:more|detailed|comprehensive|complete|structured|step-by-step|practical|realistic)\s+)*"
    r"(?P<title>(?:[\w-]+\s+){0,3}?"
    r"(?:roadmap|study plan|learning plan|learning path|curriculum))\b",
    re.I,
)
# A tag, or an unclosed one up to its line end: no "<" may survive _html_text, or the text would
# parse as the same HTML block again and recurse forever.
_TAG_RE = re.compile(r"<[^>]*>|<[^>\n]*$", re.M)
_BANNER_HEADING_RE = re.compile(r"<h[1-3]\b[^>]*>(.*?)</h[1-3]>", re.I | re.S)
# A centred block opened in HTML with Markdown inside ('<div align="center">', blank line,
# "# Course name"): the README's banner.
_BANNER_OPEN_RE = re.compile(r"<(?:div|p)\b[^>]*align\s*=\s*[\"']?center", re.I)
_BANNER_CLOSE_RE = re.compile(r"</(?:div|p)>", re.I)
# A centred block that holds nothing but one Markdown heading, between blank lines.
_CENTRED_HEADING_RE = re.compile(
    r"^<(?:div|p)\b[^>\n]*align\s*=\s*[\"']?center[^>\n]*>[ \t]*\n\s*\n"
    r"[ \t]{0,3}#{1,6}[ \t]+\S[^\n]*\n\s*\n[ \t]*</(?:div|p)>",
    re.I | re.M,
)


def centres_its_sections(text: str) -> bool:
    """Three or more centred blocks that each hold one heading: the page centres every
    part's heading, not only its banner."""
    return len(_CENTRED_HEADING_RE.findall(text)) >= 3


@rule("part-index")
def _indexes_part(section: Draft) -> bool:
    """In-page links right under a numbered part of the plan ("### Phase 1: Basics", then
    "1. [Intro to HTML](#1-intro-to-html)") name that part's lessons, whose own sections
    follow further down: they are the part's steps, not the page's table of contents."""
    return (
        section.kind == HEADING and section.numbered and not section.children and section.level > 1
    )


@rule("banner-title")
def _opens_a_banner(content: str) -> bool:
    """A README that opens with a centred block holding Markdown ('<div align="center">',
    "# Course name", "### tagline", '</div>') is named by the heading in it; the block's
    headings are no parts of the plan. A page that centres the heading of every part the
    same way (three blocks or more) has only its first block for a banner, and a heading in
    a fold's summary ("<summary><h2>Git</h2></summary>") names that fold, not the page."""
    return bool(_BANNER_OPEN_RE.search(content)) and not _BANNER_CLOSE_RE.search(content)


_DETAILS_TAG_RE = re.compile(r"<(/?)(details|summary)\b[^>]*>", re.I)
_QUOTE_RUN_RE = re.compile(rf"^((?:[ \t]*>){{{MAX_QUOTES + 1},}})")
_OBSIDIAN_COMMENT_RE = re.compile(r"%%.*?%%", re.S)


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])


_MD = _markdown()


def _is_chatter(text: str) -> bool:
    text = strip_decorations(text).strip()
    return bool(
        _CHATTER_START_RE.match(text)
        or _CHATTER_ANYWHERE_RE.search(text)
        or asks_the_reader(text)
        or offers_if_wanted(text)  # "Se quiser, posso também montar um cronograma."
    )


def _is_plain_label(lines: list[InlineText]) -> bool:
    """ "Focus:" alone on a line: a short label over the list that follows."""
    if len(lines) != 1:
        return False
    text = strip_decorations(remove_controls(lines[0].text))
    return text.endswith((":", "：")) and 1 <= len(text.split()) <= 3 and not lines[0].links


_ORDINAL_LINE_RE = re.compile(
    r"^(?:phase|stage|step|part|module|level|unit|chapter|milestone|lesson|week|month|day|sprint)s?"
    r"\s*\d{1,3}(?:\s*[-–—~]\s*\d{1,3})?\s*(?:[:：.)\-–—|]|$)",
    re.I,
)


MAX_EMOJI_TITLE_WORDS = 6


MIN_EMOJI_PARTS = 2


@rule("emoji-title-line")
def _emoji_title_line(text: str) -> bool:
    """In a document without a single "#" heading (a page copied with its look), a short
    line led by an emoji ("🗓 Progress Log", "🚀 Next Steps") names the part below it, as
    the page showed it in large type, when the page has two such lines at least below its
    first ("🇹🇷 Türkçe" alone labels a language). A status mark (✅ Done) or a sentence is
    no name."""
    text = remove_controls(text).strip()
    if not text or unicodedata.category(text[0]) != "So" or text[0] in STATUS_MARKS:
        return False
    words = strip_decorations(text).split()
    return (
        1 <= len(words) <= MAX_EMOJI_TITLE_WORDS
        and ":" not in text
        and not text.endswith((".", "!", "?", "。", "！", "？", ","))
    )


@rule("ordinal-line")
def _ordinal_line(text: str) -> bool:
    """A plain line that starts with a place in the plan ("📍 WEEK 1 - Tech Roles", "Phase
    2: Data", "阶段一：基础（约 5 天）", "Woche 3 – Schleifen") and is no sentence opens that
    part of the plan, as a heading would; so does a date alone ("April 17, 2019") in a log."""
    text = strip_decorations(remove_controls(text))
    if is_date_title(text):
        return True  # "April 17, 2019" alone on its line opens that day's entry of a log
    if not (_ORDINAL_LINE_RE.match(text) or opens_a_part(text)):
        return False
    if len(text.split()) > 16 or len(text) > 100:
        return False
    if _describes_a_part(text):
        return False  # "**Phase 1 Status**: ⏳ Pending" describes the part, it opens none
    return not text.endswith((".", "!", "?", "。", "！", "？"))


def _describes_a_part(text: str) -> bool:
    """ "Phase 1 Status: ⏳ Pending", "Phase 2 合計: 11 テーマ": a field about a part, with its
    value."""
    split = split_label(strip_decorations(text).replace("**", "").replace("__", ""))
    return bool(split and split[1] and _FIELD_OF_PART_RE.search(plain_label(split[0])))


# "Phase 1 Status", "Week 2 goal", "Week 1 gate", "Fase 3 objetivo": a field about the part,
# not a part.
_FIELD_OF_PART_RE = re.compile(
    r"\b(?:status|state|progress|target|targets|goals?|objectives?|outcomes?|results?"
    r"|deliverables?|checkpoints?|gate|exit criteria|review|reflection|summary|recap|notes?"
    r"|duration|estado"
    r"|progreso|progresso|objetivos?|metas?|resumen|resumo|ziele?|fortschritt|totals?"
    r"|gesamt|subtotal)$"
    r"|(?:状态|进度|目标|总结|目標|進捗|まとめ|상태|목표|진행|合計|合计|总计|小计|총계|합계)$"
)


@rule("facet-duration")
def _is_facet(draft: Draft) -> bool:
    """A duration line under a facet of a step ("**Practice:**" … "⏳ Estimated time: 1–2
    weeks" before the next step) times the step, not the facet: facets are how a step is
    split, not parts of the plan with a length of their own."""
    return draft.kind in (HEADING, PSEUDO) and is_facet_title(draft.title)


def _label_line(text: str) -> tuple[str, str] | None:
    """ "Linear Algebra: vectors, matrices" (or a bare "Supervised Learning:") as a line of
    pasted text: a short label, no sentence before the colon, no link."""
    text = remove_controls(text).strip()
    split = split_label(text)
    if not split:
        return None
    label = strip_decorations(split[0]).strip(" *_")
    # "Introducción a las bibliotecas de terceros": the little words do not make it a sentence
    words = [word for word in label.split() if len(word) > 2]
    if not label or len(words) > 5 or label[-1] in ".!?" or "://" in text:
        return None
    return label, split[1]


_METADATA_LABEL_RE = re.compile(
    r"^(?:author|authors|by|license|licence|version|updated|last updated|date|created"
    r"|source|contact|e-?mail|website|copyright|generated by|maintainer|status|tags?"
    r"|autor|licencia|licença|auteur|licence|lizenz|作者|许可|許可|更新|著者|ライセンス|저자"
    # "*最后更新: 2025-09-13*" / "*当前阶段: Day 4*": when the page was touched, where it is
    r"|last update|current (?:stage|phase|status)|última actualización|última atualização"
    r"|zuletzt aktualisiert|dernière mise à jour|最后更新|最終更新|最近更新|更新日期|更新时间"
    r"|更新日|当前阶段|当前状态|現在のフェーズ|최종 업데이트|현재 단계)$",
    re.I,
)


def _is_metadata_label(label: str) -> bool:
    return bool(_METADATA_LABEL_RE.match(plain_label(label)))


# "Woche 5 (10.–16.10.)", "**Day 12** -", "Week 3:", "Minggu 1-2": a word and its number (or
# range) opening a line or a heading.
_SLOT_LEAD_RE = re.compile(
    r"^[\W_]{0,4}([^\W\d_]{2,12})\.?\s*(\d{1,3})(?:\s*[-–~]\s*(\d{1,3}))?(?!\w|\.\w)"
)
MIN_SLOT_LINES = 2
MIN_SLOT_RUN = 5  # entries in a run that text stands before or after


@rule("slot-paragraph")
def _slot_lines_as_list(lines: list[InlineText]) -> str | None:
    """Lines of one paragraph each opened by the same word and a number ("**Woche 5
    (10.–16.10.)** — Datenstrukturen" / "**Woche 6 (…)** — Klassen"), written without
    bullets, are a list with one entry per line, as the author's editor showed them; a line
    of text before or after a run of five or more ("一些记录" over "进度0：…" … "进度28：…")
    stays text, and a slot written twice in a long run is two entries of it."""
    if len(lines) < MIN_SLOT_LINES:
        return None
    leads = [_SLOT_LEAD_RE.match(remove_controls(line.text).strip()) for line in lines]
    first = next((at for at, lead in enumerate(leads) if lead), None)
    if first is None:
        return None
    last = first
    while last + 1 < len(lines) and leads[last + 1] is not None:
        last += 1
    run = [lead for lead in leads[first : last + 1] if lead]
    if (first or last < len(lines) - 1) and (len(run) < MIN_SLOT_RUN or any(leads[last + 1 :])):
        # "一些记录_java" over "进度0：…" … "进度28：…" then "1111": a line of text
        # before or after a run of entries, not one slot among others
        return None
    words = {lead[1].casefold() for lead in run}
    numbers = [int(lead[2]) for lead in run]
    # a slot written twice in a long run ("进度24" on two days) is two entries of it; in a
    # short one ("✅ Day 1" over "📄 DAY1 notes") it is one day and its file, not a run
    repeats = len(numbers) - len(set(numbers))
    allowed = repeats == 0 or (len(run) >= MIN_SLOT_RUN and repeats * 10 <= len(run))
    if len(words) != 1 or numbers != sorted(numbers) or not allowed:
        return None
    entries = "\n".join(f"- {(line.raw or line.text).strip()}" for line in lines[first : last + 1])
    after = "\n".join((line.raw or line.text).strip() for line in lines[last + 1 :])
    # the text before the run is left as that many blank lines, for the caller to read as
    # text (so each entry keeps its line); the text after it stands apart by a blank line
    after_text = f"\n{after}\n" if after else ""
    return "\n" * first + entries + "\n" + after_text


def _series_part(title: str) -> tuple[str, int] | None:
    """("day", 2) for "Day 2 (2025-05-08)": a part of a series, named by a word and its
    number; a range ("Minggu 1-2") gives its last number, so "Minggu 2" is a part inside it."""
    match = _SLOT_LEAD_RE.match(strip_decorations(remove_controls(title)).strip())
    return (match[1].casefold(), int(match[3] or match[2])) if match else None


@rule("series-level")
def _level_with_its_series(draft: Draft, stack: list[Draft]) -> None:
    """A heading that goes on a series begun at a higher level ("## Day 2", then "### Day 3",
    "### Day 4"…) is the next part of it, not a part inside the first: a slip of the author's
    heading level. It takes its place beside the part it follows."""
    found = _series_part(draft.title)
    if found is None:
        return
    for section in reversed(stack[1:]):
        if section.kind != HEADING or section.level >= draft.level:
            continue
        before = _series_part(section.title)
        if before is not None and before[0] == found[0] and before[1] < found[1]:
            fired("series-level", draft.line, "phase", f"beside {section.title}")
            draft.level = section.level
        return


# "1.1. Greetings", "2.3 Hours and times": a section number of the outline opening a line.
_OUTLINE_NUMBER_LINE_RE = re.compile(r"^\s*\d{1,2}\.\d{1,2}(?P<dot>\.)?\s+(?=[^\W\d_]|\[|`)")


@rule("numbered-lines")
def _numbered_lines_as_list(lines: list[InlineText]) -> str | None:
    """Lines of one paragraph each opened by an outline's section number ("1.1. Greetings",
    "1.2. The alphabet", under "## Module 1"), written without list markers, are a list of
    entries, one per line; a line alone counts when its number ends in a dot ("3.1. …"),
    so "1.5 hours a day" stays text."""
    found = [_OUTLINE_NUMBER_LINE_RE.match(remove_controls(line.text)) for line in lines]
    numbered = [match for match in found if match is not None]
    if len(numbered) != len(lines) or (len(lines) < MIN_SLOT_LINES and not numbered[0]["dot"]):
        return None
    return "\n".join(f"- {(line.raw or line.text).strip()}" for line in lines) + "\n"


@rule("label-lines")
def _label_lines_as_list(lines: list[InlineText]) -> str | None:
    """Lines pasted without bullets, each "Label: what it covers" ("Calculus: derivatives,
    integrals" / "Statistics: distributions, tests"), are a list with one item per line, as
    bullets would be; a bare "Label:" line among them opens a group of the lines after it."""
    if len(lines) < 2 or any(line.links for line in lines):
        return None
    # a closing sentence run on after the last label line ("It is only a suggestion…")
    closing: list[InlineText] = []
    while len(lines) > 2 and _label_line(lines[-1].text) is None and _is_sentence(lines[-1].text):
        closing.insert(0, lines[-1])
        lines = lines[:-1]
    labelled = [_label_line(line.text) for line in lines]
    if sum(1 for found in labelled if found and found[1]) < 2:
        return None
    if any(found and _is_metadata_label(found[0]) for found in labelled):
        return None  # "Author: … / License: MIT": the document's colophon
    if any((line.raw or "").lstrip().startswith(("**", "__")) for line in lines):
        return None  # "**Current date:** …" lines: fields the author formatted, not a list
    out: list[str] = []
    in_group = False
    for line, found in zip(lines, labelled, strict=True):
        raw = (line.raw or line.text).strip()
        if found is None:
            # a plain name inside a group ("Supervised Learning:" / "Linear Regression")
            if not in_group or not _short_title_line(line.text):
                return None
            out.append(f"  - {raw}")
        elif not found[1]:
            out.append(f"- {raw}")
            in_group = True
        else:
            out.append(f"{'  ' if in_group else ''}- {raw}")
    text = "\n".join(out) + "\n"
    if closing:
        text += "\n" + "\n".join((line.raw or line.text).strip() for line in closing) + "\n"
    return text


# Paragraphs whose lines are a list written without markers, by the rule that knows each.
_LINES_AS_LISTS: tuple[tuple[str, Callable[[list[InlineText]], str | None]], ...] = (
    ("label-lines", _label_lines_as_list),
    ("slot-paragraph", _slot_lines_as_list),
    ("numbered-lines", _numbered_lines_as_list),
)


_ATX_HEADING_RE = re.compile(r"^ {0,3}#{1,6}[ \t]+\S", re.M)


@rule("setext-rule")
def _rule_under_a_line(node: SyntaxTreeNode, doc: _Document) -> bool:
    """In a text whose headings are written with "#", a "---" right under the opening line
    is a horizontal rule (chat answers put one there), not an underline that makes the
    line a heading."""
    return node.markup == "-" and doc.atx_headings and not doc.has_heading and not doc.literal


def _is_duration_line(text: str) -> bool:
    """ "**Estimated time**: 1 week", "Duration: 3 weeks": the length of the part it is in."""
    split = split_label(remove_controls(text))
    if not split or not split[1]:
        return False
    return bool(is_duration_label(plain_label(split[0])) and leading_duration(split[1]))


def _is_sentence(text: str) -> bool:
    """Emphasised prose ("**Thanks as well to our team who reviewed every lesson.**") is
    not a heading: a long line, or one that ends like a sentence (in CJK, a line of clauses
    or a long one that ends with "。")."""
    text = strip_decorations(remove_controls(text)).strip(" *_")
    if len(text.split()) <= 14 and opens_a_part(text):
        return False  # "**Semana 1 — Variables CSS y el cascade.**" names a week
    if text.endswith(("。", "！")) and ("，" in text or len(text) > MAX_CJK_HEAD_CHARS):
        return True  # "我是Sam，一个正努力改变自己的人。": CJK writes a sentence without spaces
    return len(text.split()) > 14 or (len(text.split()) > 6 and text.endswith((".", "!")))


MAX_CJK_HEAD_CHARS = 20


def _short_title_line(text: str) -> bool:
    text = strip_decorations(remove_controls(text))
    words = text.split()
    # "7天核心学习计划（每日学习时间建议：3-4小时）": CJK writes a name without spaces
    short = 2 <= len(words) <= 10 or (len(words) == 1 and _CJK_NAME_RE.fullmatch(text))
    return bool(short) and not text.endswith((".", "!", "?", ":", "。", "：", ","))


_TIMESTAMP_RE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?")
MAX_PLAN_NAME_WORDS = 20
TOP_PSEUDO_LEVEL = 6.0


def _plan_name_line(text: str) -> bool:
    """ "🟦 Git & GitHub Roadmap — the full structured outline of every topic": a longer
    first line is still the document's name when it says it is the roadmap and does not end
    as a sentence."""
    text = strip_decorations(remove_controls(text)).strip(" *_")
    return (
        names_a_plan(text)
        and len(text.split()) <= MAX_PLAN_NAME_WORDS
        and not text.endswith((".", "!", "?", ":", "。", "：", ",", "！", "？"))
    )


_CJK_NAME_RE = re.compile(r"(?=.*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]).{4,40}")


_STEP_LINE_RE = re.compile(
    r"^\s*(?:\*\*|__)(?:[^\w\s*_]\ufe0f?\s*)?"  # "**💡 Project:**": a mark before the kind
    rf"(?P<kind>(?:mini[- ]?|final |group |weekly |{STEP_QUALIFIERS_CJK})?"
    r"(?:lab|quiz|exam|midterm|test"
    r"|project|assignment|homework|exercise|challenge|capstone|deliverable|presentation|kata"
    r"|проект|тест|экзамен|домашнее задание|proyecto|examen|tarea|projeto|prova|tarefa|projekt"
    r"|prüfung|übung|aufgabe|projet|examen|devoir|项目|测验|考试|作业|课题|課題|試験|テスト|과제"
    r"|시험|퀴즈|练习|演習|プロジェクト|프로젝트|실습))(?:\s*#?\d{1,3})?(?:\s*[(（][^()（）]{1,30}[)）])?\s*[:：]?\s*(?:\*\*|__)\s*[:：]?\s*(?P<name>\S.{0,100})$",
    re.I,
)
MAX_STEP_NAME_WORDS = 12


def _bar_state(text: str) -> str | None:
    """A progress bar alone on its line: "x" when full, "/" when begun, None when empty."""
    mark = percent_state(text) if shows_progress_bar(text) else None
    return None if mark == " " else mark


@rule("step-line")
def _step_line(raw: str) -> bool:
    """ "**Quiz:** Async basics", "**Lab 3:** Weather app", "**EXAM 1:** Midterm" on a line of
    their own inside a part: a step of a kind the part holds (a quiz to take, a lab to do),
    named after the colon, not a remark about the part."""
    match = _STEP_LINE_RE.match(raw)
    if match is None:
        return False
    name = match["name"].strip()
    return len(name.split()) <= MAX_STEP_NAME_WORDS and not name.endswith((".", "!", "?", "。"))


MAX_PART_LINE_WORDS = 8


@rule("short-label-line")
def _short_label_line(text: str) -> bool:
    """A line of a few words with no sentence punctuation, alone right above a list ("Week
    1", "Data structures"), is the name of that list's group, as a bold line would be."""
    text = strip_decorations(remove_controls(text))
    words = text.split()
    return 1 <= len(words) <= 4 and not text.endswith((".", "!", "?", ",", ";", "。", "！", "？"))


MIN_NUMBER_HEADS = 2


@rule("lone-number-heads")
def _lone_number_heads(blocks: list[SyntaxTreeNode], indent_of: Callable[[int], int]) -> set[int]:
    """Numbered lines each alone in a list of their own ("1. Languages", a blank line, then
    "- C#", "- Java"; "2. Paradigms", then its bullets), two at least, each followed by a
    bullet list: each number heads the bullets after it, as a numbered bold line would.
    Followed by a heading ("1) MODULO BASE" over "## Giorno 1"…"## Giorno 8", then "2)
    MODULO GUI"), each heads the headings after it, a level above them.
    Gives the positions of those one-line lists among `blocks`."""
    found: set[int] = set()
    over_headings: dict[int, int] = {}  # position -> its number
    for index, block in enumerate(blocks[:-1]):
        after = blocks[index + 1]
        if block.type != "ordered_list" or after.type not in ("bullet_list", "heading"):
            continue
        items = [c for c in block.children if c.type == "list_item"]
        if len(items) != 1 or [c.type for c in items[0].children] != ["paragraph"]:
            continue
        lines = inline_lines(inline_of(items[0].children[0]))
        # "1. **Books**:" over its list, or bullets indented under the number, are that
        # entry's own (read where lists are read)
        if len(lines) != 1 or lines[0].text.rstrip(" *_").endswith((":", "：")):
            continue
        if split_task_marker(lines[0].text.lstrip())[0] is not None:
            continue  # "1. [x] Read the chapter": a step ticked, not the name of a group
        if not (block.map and after.map) or indent_of(after.map[0]) != indent_of(block.map[0]):
            continue
        if after.type == "heading":
            if not lines[0].links:  # "1. [Repo](…)" over the next day's heading: a link
                over_headings[index] = _start_number(block)
            continue
        found.add(index)
    # over headings, the numbers count the parts up ("1)", "2)", "3)"), not each "1." anew
    numbers = list(over_headings.values())
    if len(numbers) >= MIN_NUMBER_HEADS and numbers == sorted(set(numbers)):
        found |= set(over_headings)
    return found if len(found) >= MIN_NUMBER_HEADS else set()


def _start_number(block: SyntaxTreeNode) -> int:
    start = block.attrs.get("start", 1) if block.attrs else 1
    return int(start) if isinstance(start, int | str) and str(start).isdigit() else 1


def _quoted_label(lines: list[InlineText]) -> bool:
    """ "> Completed:", "> 未完成：": one short line that names what comes next."""
    if len(lines) != 1 or lines[0].links:
        return False
    text = strip_decorations(remove_controls(lines[0].text)).rstrip()
    return text.endswith((":", "：")) and _short_label_line(text.rstrip(":："))


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _strip_tags(text: str) -> str:
    return " ".join(html.unescape(_TAG_RE.sub(" ", text)).split())


# --- blocks → drafts ---


_H1_LINE_RE = re.compile(r"^ {0,3}#[ \t]+(?P<name>\S.*?)[ \t]*#*[ \t]*$")
# "NODEJS-BACKEND-PATH", "my_study_notes": a repository's or a file's name
_SLUG_RE = re.compile(r"[\w.]+(?:[-_][\w.]+)+")


# "Week 2", "Semana 3", "Woche 4": a week of the calendar named alone
_WEEK_HEADING_RE = re.compile(
    r"^(?:week|semana|semaine|woche|settimana|tydzień|hafta|minggu|tuần|неделя|тиждень)"
    r"\s*\d{1,2}$",
    re.I,
)
DAY_UNDER_WEEK = 0.1


class _Document:
    """The text being read, and what is learnt about it on the way."""

    def __init__(self, text: str, source: str) -> None:
        self.source = source
        self.lines = text.split("\n")
        self.chat_title: str | None = None
        self.banner_title: str | None = None  # <h1> in an HTML banner before any section
        # a short first line, in a text without headings
        self.first_line_title: str | None = None
        self.first_line_at: int | None = None  # where that first line stands
        self.in_banner = False  # inside a centred HTML block at the top of the README
        self.centred_sections = centres_its_sections(text)
        self.has_heading = False
        self.has_atx_heading = False  # a "#" heading, not only lines underlined by rules
        self.has_named_heading = False  # a heading with a letter or digit ("# :" names nothing)
        self.literal = False  # roadvault's own outline form: read as written
        self.first_h1: str | None = None  # the first heading, when it is an H1
        # "LỊCH HỌC (135 ngày)" of the H1 titled "LỊCH HỌC": the name with its length
        self.written_names: dict[str, str] = {}
        self.h1_titles: list[str] = []  # every "#" heading outside lists and quotes
        self.h1_lines: list[int] = []  # where each of them stands
        self.first_heading: str | None = None  # the first heading of any level
        # the heading the text opens with, and the levels of all headings after it
        self.opening_heading: Draft | None = None
        self.heading_levels: list[float] = []
        self.ruled_title: str | None = None  # an opening line with "---" under it
        self.seen_section = False
        self.tables = 0
        self.indented_lists = 0  # lists indented into code blocks, read as lists
        self.atx_headings = bool(_ATX_HEADING_RE.search(text))
        self.open_week: Draft | None = None  # "## Week 2" over days written at its level

    @cached_property
    def lead_in_parts(self) -> bool:
        """Two paragraphs or more that each name a part in bold and lead into its list ("In
        volume 1, **Foundations**, we cover:" over the volume's topics)."""
        paragraphs = re.split(r"\n[ \t]*\n", "\n".join(self.lines))
        return (
            sum(
                1
                for text, after in itertools.pairwise(paragraphs)
                if lead_in_name(text) is not None and _LIST_LINE_RE.match(after.lstrip("\n"))
            )
            >= MIN_LEAD_IN_PARTS
        )

    @cached_property
    def emoji_parts(self) -> bool:
        """A page's parts named by emoji lines: two at least below its first line ("🇹🇷
        Türkçe" alone is a label). Asked only of texts without a "#" heading."""
        first = next((at for at, line in enumerate(self.lines) if line.strip()), -1)
        named = sum(
            1 for at, line in enumerate(self.lines) if at != first and _emoji_title_line(line)
        )
        return named >= MIN_EMOJI_PARTS

    def opens_at(self, line: int | None) -> bool:
        """Whether `line` (1-based) is the first non-blank line of the text."""
        first = next((i for i, text in enumerate(self.lines, 1) if text.strip()), None)
        return line is not None and line == first

    def stacked_title(self) -> str | None:
        """ "# My SAA Master Plan" and right under it "# Holiday schedule, 9/28 to 10/26" over
        the whole plan: two names stacked at the top, the first the document's own, the
        second its subtitle. A repository's name there ("# NODEJS-BACKEND-PATH") names the
        repository, a page's kind ("# Roadmap") or a line of chat ("# I've joined the
        #100DaysOfCode Challenge") no plan: then the second is the name."""
        found = [line for line in self.lines if line.strip()][:2]
        if len(found) < 2 or not all(_H1_LINE_RE.match(line) for line in found):
            return None
        first = strip_decorations(remove_controls(_H1_LINE_RE.match(found[0])["name"]))
        if not first or _SLUG_RE.fullmatch(first) or _is_chatter(first):
            return None  # "# I've joined the challenge" says what the author did
        # "# Roadmap" over "# Дорожная карта по изучению Python": a page's kind, then its name
        return None if _GENERIC_PAGE_TITLE_RE.match(plain_label(first)) else first

    def opening_title(self) -> str | None:
        """ "### 🚀 **A Plan to Become a Developer**" on the first line, over "## Phase 1"
        sections: a chat answer's title, set one level too deep."""
        opening = self.opening_heading
        if opening is None or opening.numbered or not self.heading_levels:
            return None
        if not opening.children and not opening.notes and not opening.excluded:
            return (
                opening.title
            )  # "## CFA Level 1 Notes" alone on the first line, then "## Content"
        return opening.title if opening.level > min(self.heading_levels) else None

    def indent_of(self, line_index: int) -> int:
        if 0 <= line_index < len(self.lines):
            line = re.sub(r"^(?:[ \t]*>[ \t]?)+", "", self.lines[line_index])
            return _indent_width(line)
        return 0

    def parse(self, text: str) -> list[SyntaxTreeNode]:
        return SyntaxTreeNode(_MD.parse(text)).children

    def fragment(self, text: str, first_line: int) -> list[SyntaxTreeNode]:
        """Markdown found inside an HTML block (e.g. `<details>`), with its real line numbers."""
        return self.parse("\n" * first_line + text)


def _bold_caption(section: Draft) -> bool:
    """ "**A personal roadmap to learn back-end**" under the title, or "**Topics**": a bold
    line alone captions what follows it; a heading written after it is no group of it. A
    bold line naming a place in the plan ("**Weeks 1-12**") may hold the weeks below."""
    return section.kind == PSEUDO and not section.numbered


# An embedded picture, video or sound: something to look at, not a step.
_MEDIA_RE = re.compile(r"<(?:iframe|img|video|audio|embed|picture|object)\b", re.I)


class _Sections:
    """Feeds blocks into a container, keeping a stack of open sections by level."""

    def __init__(
        self, doc: _Document, container: Draft, depth: int = 0, parent: _Sections | None = None
    ) -> None:
        self.doc = doc
        self.container = container
        self.parent = parent
        self.stack: list[Draft] = [container]
        self.depth = depth
        self.prev_list: list[Draft] | None = None
        self.prev_list_indent = 0
        self.list_follows = False  # the block after the one being fed is a list
        self.list_next = False  # … on the next line, or after blank lines
        self.table_follows = False  # a table right below the block being fed
        self.housekeeping_label = False
        self.current_line: int | None = None
        self.awaiting_summary: Draft | None = None
        self.quoted_entries = False  # several quotes each holding one linked entry
        self.offer_list_next = False  # the assistant's "I can:" stands right above a list

    @property
    def top(self) -> Draft:
        return self.stack[-1]

    def feed_all(self, nodes: Iterable[SyntaxTreeNode]) -> None:
        blocks = list(nodes)
        linked_quotes = sum(1 for block in blocks if _quotes_a_link(block))
        self.quoted_entries = linked_quotes >= MIN_QUOTED_ENTRIES
        heads = set() if self.doc.literal else _lone_number_heads(blocks, self.doc.indent_of)
        for index, node in enumerate(blocks):
            if index in heads:
                after = blocks[index + 1]
                self._number_head(node, over=after.tag if after.type == "heading" else None)
                continue
            following = blocks[index + 1] if index + 1 < len(blocks) else None
            # a list on the very next line, no blank line between: the line belongs to it
            list_next = following is not None and following.type in ("bullet_list", "ordered_list")
            self.list_follows = (
                list_next and bool(node.map and following.map) and node.map[1] == following.map[0]
            )
            self.list_next = list_next  # after a blank line, too
            # "Section 1" on the line right above a table names the table's rows
            self.table_follows = (
                following is not None
                and following.type == "table"
                and bool(node.map and following.map)
                and node.map[1] == following.map[0]
            )
            self.feed(node)

    def _number_head(self, node: SyntaxTreeNode, over: str | None = None) -> None:
        """ "2. Paradigms" alone in its numbered list, its bullets in the list after it: the
        number opens a part, as "**2. Paradigms**" would; over a heading (`over`, "h2"), a
        part a level above that heading's."""
        item = node.children[0]
        line = inline_lines(inline_of(item.children[0]))[0]
        number = item.info or str(node.attrs.get("start", 1) if node.attrs else 1)
        draft = Draft(PSEUDO, line=line_of(node))
        raw = f"{number}. {line.raw}"
        set_title(draft, InlineText(text=f"{number}. {line.text}", raw=raw, links=line.links))
        draft.numbered = True
        fired("lone-number-heads", line_of(node), "topic")
        self.prev_list = None
        if draft.title:
            draft.level = int(over[1:]) - 0.5 if over else self._pseudo_level(draft)
            self._push_section(draft)

    def feed(self, node: SyntaxTreeNode) -> None:
        kind = node.type
        offer, self.offer_list_next = self.offer_list_next, False
        if kind in ("bullet_list", "ordered_list"):
            if offer:
                for line in range(node.map[0] + 1, node.map[1] + 1) if node.map else ():
                    fired("assistant-offer", line, "dropped")
                return
            self._list(node)
            return
        self.prev_list = None
        label_done = self.top.children or (self.top.notes and kind != "paragraph")
        if self.top.kind == PSEUDO and self.top.label and label_done and len(self.stack) > 1:
            # "**Resources:**" holds the list under it; "**Topics covered:** a, b, c" is a
            # note, and the table after it is not its content
            self.stack.pop()  # "**Resources:**" holds the list under it, not what follows
        if kind == "heading":
            self._heading(node)
        elif kind == "paragraph":
            self._paragraph(node)
        elif kind == "table":
            self._table(node)
        elif kind == "blockquote":
            self._blockquote(node)
        elif kind == "html_block":
            self._html(node)
        elif (
            kind == "code_block"
            and _indented_list(node.content or "", alone=self.doc.indented_lists >= 2)
            and self.depth < 8
        ):
            # A list indented four spaces after a blank line renders as code, but its author
            # wrote a list: read it as one, where it stands.
            first_line = node.map[0] if node.map else 0
            fired("indented-list", first_line + 1, "item")
            self.doc.indented_lists += 1
            listed = _UNSPACED_NUMBER_RE.sub(r"\1 ", textwrap.dedent(node.content or ""))
            self.feed_all(self.doc.fragment(listed, first_line))
        elif kind == "code_block" and _indented_lines(node.content or "") and self.depth < 8:
            # lines of text pasted from a page, indented into code: the list they were
            first_line = node.map[0] if node.map else 0
            fired("indented-list", first_line + 1, "item")
            listed = "\n".join(
                f"- {escape_line_start(line.strip())}" if line.strip() else ""
                for line in (node.content or "").split("\n")
            )
            self.feed_all(self.doc.fragment(listed, first_line))
        elif kind == "fence" and self.depth < 8 and _boxed_fence(node):
            # a chat answer's "□ Set up the project" lines, fenced to keep their look: the
            # week's boxes, where they stand
            first = node.map[0] + 1 if node.map else 0
            fired("boxed-fence", first, "item")
            self.feed_all(self.doc.parse(_box_lines("\n" * first + (node.content or ""))))
        elif kind == "fence" and self.depth < 8 and (timed := _timed_fence(node)):
            # "How to Code - Simple Data 7 weeks" line by line, fenced to keep the columns:
            # the courses of the part, each with its length
            first = node.map[0] + 1 if node.map else 0
            fired("timed-fence", first, "item")
            self.feed_all(self.doc.fragment(timed, first))
        elif kind in ("fence", "code_block"):
            self.top.held_code = True  # never items; a section of code alone is no step
        elif kind == "hr" and self.list_next:
            self._rule_closes_sub_section(node)

    # sections

    def _push_section(self, draft: Draft) -> None:
        if draft.kind == HEADING and not self.doc.literal:
            _level_with_its_series(draft, self.stack)
        while (
            len(self.stack) > 1
            and self.top.kind in SECTIONS
            and (
                self.top.level >= draft.level or (draft.kind == HEADING and _bold_caption(self.top))
            )
        ):
            if self.top.kind == DETAILS and draft.kind == HEADING:
                group = self.top
                if not _heading_names_its_group(group, draft):
                    # "<summary>Inflearn</summary>" then "## Lecture list": the heading is
                    # inside the group the summary names, whatever its level
                    fired("details-heading", draft.line, "topic")
                    break
                # "<summary>Next in line</summary>" then "### Next in line": the heading
                # names the group itself; it takes the group's place
                self.stack.pop()
                if not group.children and group in self.top.children:
                    self.top.children.remove(group)
                continue
            self.stack.pop()
        self.top.children.append(draft)
        self.stack.append(draft)
        self.doc.seen_section = True

    def _heading(self, node: SyntaxTreeNode) -> None:
        if _rule_under_a_line(node, self.doc):
            fired("setext-rule", line_of(node), "note")
            lines = inline_lines(inline_of(node))
            if len(lines) == 1 and _short_title_line(lines[0].text) and not lines[0].links:
                self.doc.ruled_title = strip_decorations(remove_controls(lines[0].text))
            self._paragraph(node)
            return
        draft = Draft(HEADING, level=float(node.tag[1:]), line=line_of(node))
        lines = inline_lines(inline_of(node))
        said: list[InlineText] = []
        if (
            node.markup in ("=", "-")
            and len(lines) > 1
            and not self.doc.literal
            and all(split_label(remove_controls(line.text)) for line in lines[1:])
        ):
            # lines framed by rules in a text file ("STAGE 1 : FOUNDATIONS" / "Duration: 4–6
            # weeks"): the first names the part, the fields under it say more about it (a
            # title wrapped onto a second line, "Open Chords" / "and Strumming", stays one)
            lines, said = lines[:1], lines[1:]
        set_title(draft, join_lines(lines))
        if not self.doc.literal and self._times_the_part_above(draft):
            return
        named = bool(_NAMES_RE.search(draft.title))
        if self.doc.in_banner and self.depth == 0 and not self.doc.has_heading and named:
            # "# Course: AI coding" in the centred block a README opens with: its name
            fired("banner-title", line_of(node), "title")
            self.doc.banner_title = self.doc.banner_title or draft.title
            return
        if not self.doc.has_named_heading and node.tag == "h1" and self.depth == 0 and named:
            self.doc.first_h1 = draft.title  # the first heading, even after a bold line
        if node.tag == "h1" and self.depth == 0 and named:
            self.doc.written_names.setdefault(draft.title, name_as_written(draft))
            self.doc.h1_titles.append(draft.title)
            self.doc.h1_lines.append(line_of(node) or 0)
        if self.depth == 0 and self.doc.first_heading is None and named:
            self.doc.first_heading = draft.title
        self.doc.has_named_heading = self.doc.has_named_heading or named
        if not self.doc.has_heading and self.depth == 0 and self.doc.opens_at(line_of(node)):
            self.doc.opening_heading = draft
        elif self.depth == 0:
            self.doc.heading_levels.append(draft.level)
        self.doc.has_heading = True
        self.doc.has_atx_heading = self.doc.has_atx_heading or node.markup.startswith("#")
        draft.excluded = not self.doc.literal and is_housekeeping(draft)
        if not self.doc.literal:
            self._days_under_their_week(draft)
        self._push_section(draft)
        if said:
            self.prose(said, draft)

    @rule("days-under-week")
    def _days_under_their_week(self, draft: Draft) -> None:
        """ "## Week 2" with nothing under it but days, then "## Monday, January 27", "##
        Wednesday, January 29" at the same level: the days of that week, written one level too
        high (a course page's schedule). They go under the week, until a heading of the week's
        level that names no weekday; a week with entries of its own takes none."""
        week = self.doc.open_week
        if _WEEK_HEADING_RE.match(plain_label(draft.title)):
            self.doc.open_week = draft
            return
        if week is None or draft.level > week.level:
            return
        days_only = all(c.kind == HEADING for c in week.children)
        if draft.level == week.level and led_by_a_weekday(draft.title) and days_only:
            draft.level = week.level + DAY_UNDER_WEEK
            fired("days-under-week", draft.line, "topic", f"under {week.title}")
            return
        self.doc.open_week = None

    @rule("heading-caption")
    def _captions_heading(self, lines: list[InlineText]) -> bool:
        """ "### February 2026" then "**Phase: final exam push**" right under it: a caption
        of the heading (a field and its value), not a group that would take its content. So
        are several fields in one paragraph ("**Daily Time**: 2 hours" / "**Focus**: …"), and
        a field left blank after the heading's filled ones ("**Started:** 2021.12.28", "**Now
        at**: finish", "**Pomodoros:**"): a form not filled in yet, not a label over what
        follows."""
        top = self.top
        if top.kind != HEADING or top.children:
            return False
        if top.notes:
            # "**Learn**:" over its list is the list's label, whatever came before it
            blank = len(lines) == 1 and _blank_field(lines[0]) and not self.list_next
            if not (blank and all(_field_note(note) for note in top.notes)):
                return False
        elif not all(_caption_field(line) for line in lines):
            return False
        fired("heading-caption", self.current_line, "note", top.title)
        return True

    @rule("rule-closes-section")
    def _rule_closes_sub_section(self, node: SyntaxTreeNode) -> None:
        """ "# Core math" › "## Prerequisites" and its list, then a "---" and a list without a
        heading: the rule closed the sub-section; the list is its parent's again."""
        top = self.top
        parent = self.stack[-2] if len(self.stack) > 2 else None
        if (
            self.depth == 0
            and top.kind == HEADING
            and top.children
            and parent is not None
            and parent.kind == HEADING
            and parent.level < top.level
        ):
            self.stack.pop()
            fired("rule-closes-section", line_of(node), "note", parent.title)

    @rule("duration-heading")
    def _times_the_part_above(self, heading: Draft) -> bool:
        """ "## Phase 1: Foundations" then "### Estimated Duration: 3–5 months" under it
        (right under it, or closing it: "### Study Time: 12-15 hours"): the sub-heading is
        the phase's length, not a part of its own."""
        if heading.duration is None or not is_duration_label(plain_label(heading.title)):
            return False
        above = next(
            (d for d in reversed(self.stack) if d.kind == HEADING and d.level < heading.level),
            None,
        )
        if above is None:
            return False
        if is_slot(above.duration):
            # "## Week 1: Compute" is placed by its slot; its study time is a note of it
            above.notes.append(f"{heading.title}: {heading.duration}")
            fired("duration-heading", heading.line, "note", above.title)
            return True
        if above.duration:
            return False
        above.duration, above.planned = heading.duration, heading.planned
        fired("duration-heading", heading.line, "phase", above.title)
        return True

    def _paragraph_line(self, line: InlineText, number: int) -> None:
        """A label line that shares its paragraph with the one above: a section of its own."""
        above = self.top
        sub = Draft(PSEUDO, line=number)
        set_title(sub, line)
        sub.level = above.level + 0.1  # "Week 1: Basics" under "Month 1 — Python"
        self._push_section(sub)

    def _pseudo_level(self, draft: Draft) -> float:
        """Where a bold line alone sits. Under the heading it follows ("**Topics**" under
        "## Phase 1"); a numbered one continues a numbered sequence ("### **1. X**" then
        "**2. Y**" are siblings); a plain one under a numbered one is its group."""
        heading_level = self.container.level if self.container.kind != ROOT else 0.0
        nearest: Draft | None = None
        for open_section in reversed(self.stack):
            if open_section.kind == PSEUDO and nearest is None:
                nearest = open_section
            if open_section.kind == HEADING:
                heading_level = open_section.level
                if nearest is None:
                    nearest = open_section
                break
        if nearest is None:
            if self.container.kind == ROOT and self.doc.has_heading is False:
                # "Phase 1: Linux" typed as a plain line before any heading: a part of the
                # plan as the text was typed; a heading written later ("### Victories",
                # "## Log") is a section of its own, not one of the last part's groups
                return TOP_PSEUDO_LEVEL + (0.3 if draft.numbered else 0.6)
            return heading_level + (0.3 if draft.numbered else 0.6)
        if nearest.kind == HEADING:
            if (
                draft.numbered
                and nearest.numbered
                and _same_numbering(draft, nearest)
                and not _range_holds(nearest.text, draft.text)
            ):
                return nearest.level
            return nearest.level + (0.3 if draft.numbered else 0.6)
        if draft.numbered and nearest.numbered and not _same_numbering(draft, nearest):
            # "Month 2 — EDA" after "Week 4: SQL" under "Month 1": back to the months
            peer = next(
                (
                    d
                    for d in reversed(self.stack)
                    if d.kind == PSEUDO and d.numbered and _same_numbering(draft, d)
                ),
                None,
            )
            if peer is not None:
                return peer.level
            outer = _numbering_kind(nearest.text)
            if (
                outer.startswith("arabic:")
                and outer != "arabic:"
                and (_numbering_kind(draft.text) in ("word", "arabic:"))
            ):
                # "**I. Fundamentals**" under "**PART 1: The Language**": a new kind of
                # number opens inside the worded part, as headings of a lower level would
                return nearest.level + 0.1
        if draft.numbered == nearest.numbered:
            return nearest.level
        if nearest.numbered:
            return nearest.level + 0.3
        return heading_level + 0.3

    def _paragraph(self, node: SyntaxTreeNode) -> None:
        self.current_line = line_of(node)
        lines = inline_lines(inline_of(node))
        if not lines:
            return
        joined = join_lines(lines)
        if self.awaiting_summary is not None:
            set_title(self.awaiting_summary, joined)
            self.awaiting_summary = None
            return
        if joined.image_only or (joined.images and joined.link_only):
            return  # images and badges
        if joined.link_only and joined.anchor_links == len(joined.links):
            return  # in-page navigation ("back to top")
        if joined.link_only and all(_UP_LINK_RE.match(href) for _, href in joined.links):
            return  # "**[Back](./)**", "[⬅ Index](../README.md)": back to the folder's page
        if _is_chatter(joined.text):
            # "If you want, I can also:" over a list: what the assistant offers, not study
            self.offer_list_next = self.list_next and offers_help(joined.text)
            if not self.doc.seen_section and self.doc.chat_title is None:
                match = _CHAT_TITLE_RE.search(joined.raw) or _CHAT_PLAN_RE.search(joined.text)
                title = match["title"].strip() if match else ""
                # "Here is a structured roadmap": the word alone names no roadmap
                if title and not _GENERIC_PLAN_RE.fullmatch(title):
                    self.doc.chat_title = title[:1].upper() + title[1:]
            return
        first = lines[0]
        if (
            not self.doc.seen_section
            and self.doc.first_line_title is None
            and len(lines) == 1
            and self.depth == 0
            and (_short_title_line(first.text) or _plan_name_line(first.text))
            and not first.links
            # "2025-03-21 12:08" atop an Obsidian note: when it was written, not its name
            and not _TIMESTAMP_RE.fullmatch(strip_decorations(first.text).strip())
            and not is_date_title(strip_decorations(first.text))
        ):
            self.doc.first_line_title = strip_decorations(remove_controls(first.text))
            self.doc.first_line_at = line_of(node)
        if self.doc.literal:
            self.prose(lines, self.top)  # the outline's notes are notes, whatever they say
            return
        for name, as_list in _LINES_AS_LISTS:
            listed = as_list(lines)
            if listed is not None and node.map and self.depth < 8:
                # lines pasted without bullets, read again as the list they were
                text_before = len(listed) - len(listed.lstrip("\n"))
                fired(name, (line_of(node) or 0) + text_before, "item", f"{len(lines)} lines")
                if text_before:
                    self.prose(lines[:text_before], self.top)  # "一些记录" over the run
                self.feed_all(self.doc.fragment(listed, node.map[0]))
                return
        if _is_duration_line(first.text):
            self.prose(lines, self._timed_part())  # "**Estimated time**: 1 week" times the part
            return
        # "**Great job!**" cheers the reader; a title does not exclaim
        bold_heading = (
            first.bold_only
            and not _is_sentence(first.text)
            and not first.text.rstrip(" *_").endswith(("!", "！"))
            and not self._signs_off(node, lines)
            and not _describes_a_part(first.text)
        )
        if bold_heading and self._captions_heading(lines):
            self.prose(lines, self.top)
            return
        labelled = (
            bold_heading
            or _is_plain_label(lines)
            or self._names_the_list(lines)
            # "**Lab:** Build your first website" over the lab's own bullets
            or (self.list_follows and len(lines) == 1 and _step_line(first.raw))
        )
        if not labelled and _ordinal_line(first.text):
            fired("ordinal-line", line_of(node), "phase")
            labelled = True
        if (
            not labelled
            and len(lines) == 1
            and not self.doc.atx_headings
            and not self.doc.literal
            and self.depth == 0
            and line_of(node) != self.doc.first_line_at  # the first line names the document
            and self.doc.emoji_parts
            and _emoji_title_line(first.text)
        ):
            fired("emoji-title-line", line_of(node), "phase")
            labelled = True
        name = (
            lead_in_name(joined.raw)
            if not labelled and self.list_next and self.doc.lead_in_parts
            else None
        )
        if name is not None:
            # "In volume 1, **Foundations**, we cover:" over its list: the part it names
            fired("lead-in-part", line_of(node), "phase", name)
            draft = Draft(PSEUDO, line=line_of(node))
            set_title(draft, InlineText(text=name, raw=name))
            draft.level = self._pseudo_level(draft)
            self._push_section(draft)
            self.prose(lines, draft)
            return
        if labelled:
            draft = Draft(PSEUDO, line=line_of(node))
            set_title(draft, first)
            # "March 5, 2026" after "Day 2: March 3, 2026": a place in the log's sequence
            draft.numbered = draft.numbered or is_date_title(strip_decorations(draft.title))
            draft.label = draft.label or self.housekeeping_label
            self.housekeeping_label = False
            if draft.title:
                draft.level = self._pseudo_level(draft)
                draft.excluded = not self.doc.literal and is_housekeeping(draft)
                self._push_section(draft)
                if (
                    len(lines) == 2
                    and self.list_follows
                    and len(lines[1].text.split()) <= MAX_PART_LINE_WORDS
                    and not _is_sentence(lines[1].text)
                    and opens_a_part(strip_decorations(lines[1].text))
                ):
                    # "📅 Month 1 — Python" then "Week 1: Basics" right above the list
                    fired("short-label-line", line_of(node) + 1, "topic")
                    self._paragraph_line(lines[1], line_of(node) + 1)
                elif _broken_entries(lines):
                    for offset, entry_line in enumerate(lines[1:], start=1):
                        entry = Draft(ITEM, line=line_of(node) + offset)
                        set_title(entry, entry_line)
                        if entry.title:
                            fired("broken-entries", entry.line, "item")
                            draft.children.append(entry)
                elif (slots := _slot_entry_lines(lines[1:])) is not None:
                    for offset, entry_line in enumerate(lines[1:], start=1):
                        if offset - 1 not in slots:
                            self.prose([entry_line], draft)
                            continue
                        entry = Draft(ITEM, line=line_of(node) + offset)
                        set_title(entry, entry_line)
                        if entry.title:
                            fired("slot-entries", entry.line, "item")
                            draft.children.append(entry)
                elif len(lines) > 1:
                    self.prose(lines[1:], draft)
                return
        if (
            (len(lines) == 1 or first.hard_break)  # "…  " then its progress bar, say
            and not self.doc.literal
            and node.map
            and self.top.kind in (HEADING, PSEUDO, DETAILS)
            and _step_line(first.raw)
        ):
            fired("step-line", line_of(node), "item")
            # a sibling of "**Lectures:**" or "**Lab:** Weather app" above it, not their entry
            while (
                len(self.stack) > 2
                and self.top.kind == PSEUDO
                and (self.top.label or _step_line(self.top.raw))
            ):
                self.stack.pop()
            self.feed_all(self.doc.fragment(f"- {first.raw.strip()}", node.map[0]))
            if len(lines) > 1:
                step = self.top.children[-1] if self.top.children else None
                bar = _bar_state(lines[1].text) if len(lines) == 2 else None
                if step is not None and step.kind == ITEM and bar is not None:
                    step.marker = step.marker or bar  # "`[██████] 100% ✅`" under the project
                    step.glyph = step.glyph or bar  # a state drawn, not a box written
                    fired("step-line", line_of(node) + 1, "item", f"[{bar}]")
                self.prose(lines[1:], self.top)
            return
        self.prose(lines, self.top)

    def _signs_off(self, node: SyntaxTreeNode, lines: list[InlineText]) -> bool:
        """ "**Shreesh**" as the very last line of the text: the author's signature."""
        if len(lines) != 1 or not node.map or self.depth > 1:
            return False
        if any(line.strip() for line in self.doc.lines[node.map[1] :]):
            return False  # not the last line: checked first, it rules out all the others
        before = next(
            (line.strip() for line in reversed(self.doc.lines[: node.map[0]]) if line.strip()), ""
        )
        words = strip_decorations(lines[0].text).strip(" *_").split()
        return (
            1 <= len(words) <= 3
            and all(word[:1].isupper() for word in words)
            and not reads_as_action(lines[0].text)
            # after a closing paragraph, not after the plan's last step
            and before.endswith((".", "!", "?", "。", "！"))
            and not re.match(r"^(?:[-*+]|\d{1,3}[.)])\s", before)
        )

    def _timed_part(self) -> Draft:
        """The part a duration line times: past facet sub-sections ("Practice", "What to
        learn") that a step is split into, up to the step itself."""
        index = len(self.stack) - 1
        while index > 1 and _is_facet(self.stack[index]) and self.stack[index - 1].duration is None:
            index -= 1
        if index != len(self.stack) - 1:
            fired("facet-duration", self.current_line, "phase", self.stack[index].title)
        return self.stack[index]

    def _names_the_list(self, lines: list[InlineText]) -> bool:
        """A short line alone right above a list ("Week 1", "Backend basics") names it; a
        plain "Table of Contents" or "References" line names the list after it even across a
        blank line."""
        caption = strip_decorations(remove_controls(lines[0].text)) if len(lines) == 1 else ""
        role = section_role(caption) if caption else None
        if (
            len(lines) == 1
            and (self.list_next or self.table_follows)
            and not lines[0].links
            and (
                role == HOUSEKEEPING
                # "👉 After 30 days, you'll know:" over the list of outcomes
                or (role == ADVICE and caption.rstrip().endswith((":", "：")))
                # "References", a blank line, then the links: the list is reading
                or (self.list_next and resource_kind(caption.rstrip(":：")) == "strong")
            )
        ):
            fired("short-label-line", self.current_line, "topic")
            self.housekeeping_label = True  # it holds that list, nothing after it
            return True
        if not (self.list_follows or self.table_follows) or len(lines) != 1 or lines[0].links:
            return False
        if not _short_label_line(lines[0].text):
            return False
        fired("short-label-line", self.current_line, "topic")
        return True

    def _margin_lines(self, item: Draft, count: int) -> list[bool]:
        """For each of an entry's first `count` lines: whether it starts at the list's own
        margin (no deeper than the entry's marker), not indented under the entry."""
        first = (item.line or 1) - 1
        return [
            first + at < len(self.doc.lines) and self.doc.indent_of(first + at) <= item.col
            for at in range(count)
        ]

    def _part(self) -> Draft:
        """The innermost part the text stands in (a heading, a fold, a callout, the root)."""
        return next(
            (d for d in reversed(self.stack) if d.kind in (ROOT, HEADING, DETAILS, CALLOUT)),
            self.top,
        )

    def prose(self, lines: list[InlineText], target: Draft) -> None:
        """A paragraph: notes of `target`, or its duration ("**Duration:** 3 weeks")."""
        text = join_lines(lines)
        visible = remove_controls(text.text)
        if not visible:
            return
        # a slot the title named ("Week 1: Basics") says when; "Time: 8-10 hours" how long
        slot_only = is_slot(target.duration)
        if (target.duration is None or slot_only) and target.kind in (
            HEADING,
            PSEUDO,
            CALLOUT,
            DETAILS,
        ):
            for line in lines:
                split = split_label(remove_controls(line.text))
                if split and is_duration_label(plain_label(split[0])):
                    found = leading_duration(split[1])
                    if found:
                        slot = target.duration if slot_only else None
                        target.duration, target.planned = found
                        if (
                            slot
                            and "(" not in found[0]  # "42 Days (6 Weeks)" says it all
                            and slot.casefold() not in " ".join(target.title.split()).casefold()
                        ):
                            # "PHASE 1 — Basics (Weeks 1–3)" then "Duration: 21 Days": the
                            # slot the title gave up says when, the line how long; keep both
                            target.duration = f"{slot} ({found[0]})"
                        break
        if target.label and resource_kind(target.text) and text.links and text.link_only:
            target.resources.extend(
                Resource(light_clean(t) or href, href) for t, href in text.links
            )
            return
        self._said_status(lines, target)
        target.notes.append(text.raw or visible)

    @rule("status-paragraph")
    def _said_status(self, lines: list[InlineText], target: Draft) -> None:
        """ "### Week 2: Dictionary Mastery ✅" then "**Status:** Completed" under it, before
        anything else: the part's state, as a "Status" line under a list's entry is."""
        if target.kind not in (HEADING, PSEUDO) or target.children or target.marker is not None:
            return
        for line in lines:
            split = split_label(remove_controls(line.text).replace("**", "").replace("__", ""))
            said = said_state(split[0], split[1]) if split and split[1] else None
            if said is not None:
                target.said = said
                fired("status-paragraph", self.current_line, "note", f"[{said}]")
                return

    # lists

    def _list(self, node: SyntaxTreeNode) -> None:
        # The section is fixed before reading the items: a `</details>` inside an item's
        # text closes the group only for what comes after the list.
        section = self.top
        items = [self._item(child) for child in node.children if child.type == "list_item"]
        if items and all(_is_navigation(item) for item in items):
            if not _indexes_part(self.top):
                self.prev_list = None
                return  # a table of contents
            for item in items:
                fired("part-index", item.line, "item")
        items = _group_under_labels(items)
        indent = self.doc.indent_of(node.map[0]) if node.map else 0
        if self.prev_list and _is_empty_label(self.prev_list[-1]):
            # "- **Plan:**" closing one list, the numbered steps right after it.
            self.prev_list[-1].children.extend(items)
            return
        if self.prev_list and indent > self.prev_list_indent:
            # Sub-bullets indented less than their numbered item's text ("1. **Topic**" then
            # "  - point") leave Markdown's list; put them back under the item they follow.
            target = self.prev_list[-1]
            while (
                target.children
                and target.children[-1].kind == ITEM
                and target.children[-1].col < indent
            ):
                target = target.children[-1]
            target.children.extend(items)
            return
        section.children.extend(items)
        self.prev_list = items
        self.prev_list_indent = indent

    def _item(self, node: SyntaxTreeNode) -> Draft:
        draft = Draft(ITEM, line=line_of(node))
        if node.map:
            draft.col = self.doc.indent_of(node.map[0])
        blocks = list(node.children)
        rest: list[InlineText] | None = None
        if blocks and blocks[0].type == "paragraph":
            lines = inline_lines(inline_of(blocks[0]))
            while len(lines) > 1 and offers_on_its_own_line(lines[-1].text):
                # "Would you like me to turn this into a file?" run on into the last entry,
                # without a blank line: the chat's closing, not part of the entry
                fired("assistant-offer", draft.line + len(lines) - 1, "dropped")
                lines = lines[:-1]
            if lines:
                first = lines[0]
                marker, _ = split_task_marker(first.text.lstrip())
                at_margin = self._margin_lines(draft, len(lines))
                fields_at = _run_on_fields(lines, at_margin)
                split_first = len(lines) > 1 and (
                    (marker is not None and not (len(lines) == 2 and _wrapped_on(*lines)))
                    or first.hard_break  # "Name  " and its description on the next line
                    or first.bold_only
                    or strip_decorations(first.text).rstrip(" *_").endswith((":", "："))
                    # "6. 游戏引擎" then "目标：掌握一款游戏引擎的使用": the entry and its goal
                    # (written at the list's margin, it is the part's field: run-on-fields)
                    or (describes_the_entry(lines[1].text) and not fields_at)
                )
                if marker is None and _run_on_entries(lines, at_margin):
                    # "2. Lenses" then "Focal Length: Wide-angle…", "Aperture: f-stops…"
                    # at the margin, no blank line between: the part and its entries
                    set_title(draft, first)
                    for at, line in enumerate(lines[1:], start=1):
                        entry = Draft(ITEM, line=(draft.line or 0) + at, col=draft.col)
                        set_title(entry, line)
                        draft.children.append(entry)
                        fired("run-on-entries", entry.line, "item")
                elif split_first:
                    set_title(draft, first)
                    rest = lines[1:]
                    # "Visit GeeksforGeeks:" wrapped onto its link and purpose: what follows
                    # the colon is in the entry itself, it labels no entries after it
                    draft.label = False
                elif fields_at:
                    # "**Status**: ⏳ **Learning Time**: 2-3 hours" run on into the last
                    # entry without a blank line: the part's fields, not the entry's words
                    fired("run-on-fields", draft.line + fields_at, "note")
                    set_title(draft, join_lines(lines[:fields_at]))
                    self.prose(lines[fields_at:], self._part())
                else:
                    set_title(draft, join_lines(lines))
            blocks = blocks[1:]
        sub = _Sections(self.doc, draft, self.depth + 1, self)
        if rest is not None:
            sub.prose(rest, draft)
        sub.feed_all(blocks)
        return draft

    # tables

    def _table(self, node: SyntaxTreeNode) -> None:
        rows, lines = table_rows(node)
        if not rows:
            return
        cut = _lines_after_the_table(self.doc.lines, lines)
        after = None
        if cut is not None and node.map and self.depth <= 8:
            # the lines the author wrote straight under the table, without a blank line and
            # without a pipe: text after it, not rows
            first = lines[cut] or 1
            after = "\n".join(self.doc.lines[first - 1 : node.map[1]])
            fired("table-end", first, "note", "lines after the table")
            rows, lines = rows[:cut], lines[:cut]
        header, body = rows[0], rows[1:]
        if not body and _repeated_header(self.doc.lines, lines[0]):
            # "## Geometry" over the columns every other topic's table has, and no row yet
            # ("| Jenkins | GitHub Actions |" alone is a row of entries written as a header)
            self.top.blank_table = True
        drafts, resources = table_items(header, body, lines[1:])
        self.doc.tables += 1
        for draft in drafts:
            draft.table = self.doc.tables
            if draft.kind == PSEUDO:  # a group of rows (table-group-column)
                draft.level = self.top.level + 0.5
                for row in draft.children:
                    row.table = self.doc.tables
        self.top.children.extend(drafts)
        self.top.resources.extend(resources)
        if after is not None:
            self.feed_all(self.doc.fragment(after, (lines[-1] or 1) if lines else 0))

    # quotes, callouts, HTML

    def _blockquote(self, node: SyntaxTreeNode) -> None:
        blocks = list(node.children)
        if blocks and blocks[0].type == "paragraph":
            lines = inline_lines(inline_of(blocks[0]))
            callout = split_callout(lines[0].text) if lines else None
            if callout is not None:
                kind, title = callout
                draft = Draft(CALLOUT, line=line_of(node), level=self.top.level + 0.01)
                set_title(draft, InlineText(text=title or kind.capitalize(), raw=title))
                sub = _Sections(self.doc, draft, self.depth + 1, self)
                if len(lines) > 1:
                    sub.prose(lines[1:], draft)
                sub.feed_all(blocks[1:])
                if node.map and draft.children and _advises(kind, draft):
                    # "> [!caution]" over "1. Don't use a translator…": advice, the text of the
                    # part it stands in, whatever lists it holds
                    first, last = node.map
                    self.top.notes.append(
                        "\n".join(_QUOTE_MARK_RE.sub("", x) for x in self.doc.lines[first:last])
                    )
                    for inner in walk(draft):
                        fired("advice-callout", inner.line, "note")
                    return
                if is_callout_layout(draft, title):
                    fired("callout-layout", draft.line, "dropped", kind)
                    for inner in draft.children:
                        inner.level = self.top.level + 0.01
                    self.top.children.extend(draft.children)
                    self.top.notes.extend(draft.notes)
                    return
                self.top.children.append(draft)
                return
        if self.quoted_entries and _quotes_an_entry(node) and node.map:
            # "> [Algebra I](…) Khan Academy", quote after quote: a list set as quotes
            first, last = node.map
            body = " ".join(
                _QUOTE_MARK_RE.sub("", line).strip() for line in self.doc.lines[first:last]
            )
            fired("quoted-entries", first + 1, "item")
            self.feed_all(self.doc.fragment(f"- {body}", first))
            self.quoted_entries = True
            return
        if (
            len(blocks) == 1
            and blocks[0].type == "paragraph"
            and self.list_next
            and _quoted_label(inline_lines(inline_of(blocks[0])))
        ):
            # "> 已完成：" and the list under the quote: the quote sets off the list's name
            fired("short-label-line", line_of(node), "topic")
            self.list_follows = True
            self._paragraph(blocks[0])
            return
        if len(blocks) == 1 and blocks[0].type == "paragraph" and not self.list_next:
            lines = inline_lines(inline_of(blocks[0]))
            if len(lines) == 1 and lines[0].bold_only and not opens_a_part(lines[0].text):
                # "> **Write one quiz per chapter :)**" set off on its own: a remark
                self.prose(lines, self.top)
                return
        # A plain quote: what it holds counts where the quote stands.
        holder = Draft(QUOTE, level=self.top.level)
        _Sections(self.doc, holder, self.depth + 1, self).feed_all(blocks)
        self.top.children.extend(holder.children)
        self.top.notes.extend(holder.notes)
        self.top.resources.extend(holder.resources)

    def _html(self, node: SyntaxTreeNode) -> None:
        content = node.content or ""
        if content.lstrip().startswith("<!--"):
            return
        if (
            _MEDIA_RE.search(content)
            and not _strip_tags(content)
            and not _HTML_LI_RE.search(content)
        ):
            # "## Intro video" › `<iframe …>`, "## Illustration" › `<img …>`: a picture or a
            # video to look at, as a code block is code to read: alone, no step
            self.top.held_code = True
        if not self.doc.seen_section and self.doc.banner_title is None:
            banner = _BANNER_HEADING_RE.search(content)
            # "<summary><h2>Git</h2></summary>": the name of a fold, the first part, not the page
            in_summary = banner and re.search(r"<summary\b[^>]*>\s*$", content[: banner.start()])
            if banner and _strip_tags(banner.group(1)) and not in_summary:
                self.doc.banner_title = _strip_tags(banner.group(1))
        first_line = node.map[0] if node.map else 0
        if self.depth == 0:
            if _opens_a_banner(content):
                # a page that centres every part's heading has one banner, its first block
                later = self.doc.centred_sections and self.doc.banner_title is not None
                self.doc.in_banner = not self.doc.has_heading and not later
            elif _BANNER_CLOSE_RE.search(content):
                self.doc.in_banner = False
        outline = _pre_outline(content)
        if outline is not None and self.depth <= 8:
            fired("pre-outline", first_line + 1, "item")
            self.feed_all(self.doc.fragment(outline, first_line))
            return
        cards = html_status_cards(content) if _STATE_CLASS_HINT_RE.search(content) else None
        if cards is not None and not self._in_details() and self.depth <= 8:
            entries = "\n".join(
                f"- [{status_of_words(state) or ' '}] {html.escape(name, quote=False)}"
                for name, state in cards
            )
            fired("html-status-cards", first_line + 1, "item")
            self.feed_all(self.doc.fragment(entries, first_line))
            return
        if _html_list(content) and not self._in_details() and self.depth <= 8:
            fired("html-list", first_line + 1, "item")
            self.feed_all(self.doc.fragment(html_to_markdown(content), first_line))
            return
        if self.top.kind == HEADING and not self._in_details() and self.depth <= 8:
            cards = _html_cards(content, self.top.level)
            if cards is not None:
                fired("html-cards", first_line + 1, "item")
                self.feed_all(self.doc.fragment(cards, first_line))
                return
        if _html_table(content) and not self._in_details() and self.depth <= 8:
            table = html_table_markdown(content, first_line)
            if table is not None:
                fired("html-table", first_line + 1, "item")
                self.feed_all(self.doc.fragment(table, first_line))
                return
        position = 0
        summary_start: int | None = None
        for match in _DETAILS_TAG_RE.finditer(content):
            closing, tag = match.group(1) == "/", match.group(2).lower()
            if summary_start is None:
                self._html_text(content, position, match.start(), first_line)
            position = match.end()
            if tag == "details" and not closing:
                if sum(1 for open_draft in self.stack if open_draft.kind == DETAILS) >= MAX_DETAILS:
                    continue
                draft = Draft(
                    DETAILS,
                    level=self.top.level + 0.01,
                    line=first_line + content.count("\n", 0, match.start()) + 1,
                )
                self.top.children.append(draft)
                self.stack.append(draft)
                self.awaiting_summary = draft
            elif tag == "summary" and not closing:
                summary_start = match.end()
            elif tag == "summary" and closing:
                inner = content[summary_start or match.start() : match.start()]
                title = _strip_tags(inner)
                summary_start = None
                heading = _SUMMARY_HEADING_RE.search(inner)
                if self.awaiting_summary is not None and heading is not None:
                    self._details_at_level(self.awaiting_summary, float(heading.group(1)))
                if self.awaiting_summary is not None and title:
                    set_title(self.awaiting_summary, InlineText(text=title, raw=title))
                    self.awaiting_summary = None
            elif tag == "details" and closing:
                self._close_details()
        if summary_start is None:
            self._html_text(content, position, len(content), first_line)

    def _details_at_level(self, group: Draft, level: float) -> None:
        """ "<details><summary><h2>Phase 1: Data</h2></summary>": the group is a section at
        the heading's level, closing the sections at that level or below it (a "## How to
        Use This Roadmap" before it does not hold the phases), as the heading itself would."""
        if self.top is not group or len(self.stack) < 2 or group.children:
            return
        self.stack.pop()
        self.top.children.remove(group)
        while len(self.stack) > 1 and self.top.kind in SECTIONS and self.top.level >= level:
            self.stack.pop()
        group.level = level
        self.top.children.append(group)
        self.stack.append(group)
        fired("details-heading", group.line, "phase")

    def _close_details(self) -> None:
        """`</details>`: close the innermost open group, here or (when the tag sits inside a
        list item's text) in the builder around this one."""
        builder: _Sections | None = self
        while builder is not None:
            builder.awaiting_summary = None
            for index in range(len(builder.stack) - 1, 0, -1):
                if builder.stack[index].kind == DETAILS:
                    del builder.stack[index:]
                    return
            builder = builder.parent

    def _in_details(self) -> bool:
        builder: _Sections | None = self
        while builder is not None:
            if any(draft.kind == DETAILS for draft in builder.stack):
                return True
            builder = builder.parent
        return False

    def _html_text(self, content: str, start: int, end: int, first_line: int) -> None:
        """Markdown written inside a `<details>` HTML block (no blank line before it)."""
        if not self._in_details() or self.depth > 8:
            return
        text = content[start:end]
        if not _strip_tags(text):
            return
        line = first_line + content.count("\n", 0, start)
        table = html_table_markdown(text, line) if _html_table(text) else None
        if table is not None:
            fired("html-table", line + 1, "item")
            text = table
        elif _HTML_LI_RE.search(text):
            # "<summary>Spring basics</summary>" then "<ul><li>Setup ✅</li>…": the group's list
            text = _html_list_lines(text) or html_to_markdown(text)
            first = next((at for at, row in enumerate(text.split("\n")) if row.strip()), 0)
            fired("html-list", line + first + 1, "item")
        else:
            text = _TAG_RE.sub("", text)
        self.awaiting_summary = None
        self.feed_all(self.doc.fragment(text, line))


MIN_LINES_AFTER_TABLE = 2


def _repeated_header(source: list[str], line: int | None) -> bool:
    """The table's header line is written again elsewhere in the text: a form the author
    fills in topic after topic."""
    if line is None or not 0 < line <= len(source):
        return False
    header = " ".join(source[line - 1].split())
    return sum(1 for text in source if " ".join(text.split()) == header) >= 2


@rule("table-end")
def _lines_after_the_table(source: list[str], lines: list[int | None]) -> int | None:
    """Lines written straight under a table, without a blank line and without a pipe
    ("Git game: https://…", "Stage one", two lines at least), are the author's text after
    the table, not rows of one cell: the table ends at the first of them. Gives the index
    of that row, or None."""
    head = lines[0] if lines else None
    if head is None or not 0 < head <= len(source) or "|" not in source[head - 1]:
        return None  # a table read from HTML or another form: its lines hold no pipes
    # walk back from the last row while the rows' lines hold no pipe
    cut = len(lines)
    while cut > 2:
        at = lines[cut - 1]
        if at is None or not 0 < at <= len(source) or "|" in source[at - 1]:
            break
        cut -= 1
    return cut if len(lines) - cut >= MIN_LINES_AFTER_TABLE else None


MAX_BROKEN_ENTRY_CHARS = 200
MIN_BROKEN_ENTRIES = 2


# "Day 3: Study SQL joins", "Semana 2 – Funciones": a slot of the plan and what it holds.
_SLOT_ENTRY_RE = re.compile(rf"^(?:{ORDINAL})\s*[:：\-–—|]\s*\S", re.I)
MIN_SLOT_ENTRIES = 3


@rule("slot-entries")
def _slot_entry_lines(lines: list[InlineText]) -> set[int] | None:
    """Under a line that opens a part ("📅 Week 1: ML basics"), lines of the same paragraph
    each led by a slot ("Day 1: Study the basics", "Day 2: …", three at least) are the
    part's entries, one per day; the other lines ("🕒 Study time: 40 hours") are its text.
    Gives the positions of the entries, or None."""
    found = {
        at
        for at, line in enumerate(lines)
        if _SLOT_ENTRY_RE.match(strip_decorations(remove_controls(line.text)).strip())
    }
    return found if len(found) >= MIN_SLOT_ENTRIES else None


@rule("broken-entries")
def _broken_entries(lines: list[InlineText]) -> bool:
    """Under a bold label, lines ended by hard breaks that each open with the same mark
    ("**Week 1: API basics**  " › "✅ Day 3: Install Node.js  " › "✅ Day 4: Routes  ") are
    entries, written as lines of one paragraph: each is an item under the label."""
    entries = lines[1:]
    if len(entries) < MIN_BROKEN_ENTRIES or not all(line.hard_break for line in lines[:-1]):
        return False
    marks = set()
    for line in entries:
        text = remove_controls(line.text).strip()
        if not text or len(text) > MAX_BROKEN_ENTRY_CHARS:
            return False
        marks.add(text[0] if not text[0].isalnum() else "")
    return len(marks) == 1 and "" not in marks


_HTML_LI_RE = re.compile(r"<li\b", re.I)
_LIST_TAG_LINE_RE = re.compile(r"^\s*<(/?)(?:ul|ol)(?:\s[^>]*)?>\s*$", re.I)
_ONE_LINE_ITEM_RE = re.compile(r"^\s*<li(?:\s[^>]*)?>(?P<text>(?:(?!<li\b).)*?)</li>\s*$", re.I)
_WRAPPER_LINE_RE = re.compile(r"^\s*</?(?:div|p|blockquote)(?:\s[^>]*)?>\s*$", re.I)


def _html_list_lines(text: str) -> str | None:
    """An HTML list typed one `<li>…</li>` per line, as Markdown on the same lines ("- …",
    nested as its `<ul>`s are, set in a `<blockquote>` or not), so each entry keeps its line;
    None for any other HTML."""
    out: list[str] = []
    depth = 0
    for line in text.split("\n"):
        tag = _LIST_TAG_LINE_RE.match(line)
        item = _ONE_LINE_ITEM_RE.match(line)
        if tag is not None:
            depth += -1 if tag.group(1) else 1
            out.append("")
        elif item is not None:
            # "<blockquote><li>Lesson 1</li>…": entries without their <ul> are a list too
            words = _strip_tags(item["text"])
            out.append(f"{'  ' * max(depth - 1, 0)}- {words}" if words else "")
        elif not line.strip() or _WRAPPER_LINE_RE.match(line):
            out.append("")
        else:
            return None
    return "\n".join(out)


_HTML_DETAILS_RE = re.compile(r"<(?:details|summary)\b", re.I)
# a class name that may mark a card's state: only then are the cards looked for
_STATE_CLASS_HINT_RE = re.compile(r"class\s*=\s*[\"'][^\"']*(?:status|state|badge)", re.I)


@rule("html-list")
def _html_list(content: str) -> bool:
    """A list written in HTML in a Markdown file (`<ul><li>…</li></ul>` under a step) is a
    list like any other: its entries are read as items where it stands."""
    return bool(_HTML_LI_RE.search(content)) and not _HTML_DETAILS_RE.search(content)


_CARD_HEADING_RE = re.compile(r"<h([2-6])\b[^>]*>(.*?)</h\1\s*>", re.I | re.S)


@rule("callout-layout")
def is_callout_layout(callout: Draft, title: str) -> bool:
    """An Obsidian callout with no title of its own that holds only callouts ("> [!multi-column]"
    around ">> [!todo] Wedging" and ">> [!todo] Centring") lays them out side by side: it
    names nothing, and the callouts inside stand where it stands. A callout with a title, or
    with entries of its own, is a group."""
    return not title and bool(callout.children) and all(c.kind == CALLOUT for c in callout.children)


# The boxes of advice site themes draw: Jekyll's "notice--info", Bootstrap's "alert",
# MkDocs' "admonition", and their kin.
_CALLOUT_CLASS_RE = re.compile(
    r"""\A\s*<\w+[^>]*\bclass\s*=\s*["'][^"']*\b(?:notice|alert|callout|admonition|tip|hint"""
    r"""|warning|caution|danger|info|note|success)\b""",
    re.I,
)


# A card opens with a styled wrapper (`<div class="feature-item">`); a heading written in
# HTML (`<h3 align="center">`) or a plain `<div>` around a sponsor's blurb is no card.
_CARD_OPEN_RE = re.compile(
    r"""\A\s*<(?:div|section|article|li|a)\b[^>]*\bclass\s*=\s*["'][^"']+["']""", re.I
)


@rule("html-cards")
def _html_cards(content: str, section_level: float) -> str | None:
    """Cards written in HTML under a Markdown heading (`<div class="card"><h3><a href=…>
    Title</a></h3><p>One line about it</p></div>`, a styled wrapper as site themes lay out a
    learning path): each card's heading is an entry of that section and its text the entry's
    note. A box of advice (a `notice`, `alert` or `callout` class) is text, and a bare
    heading at the section's own level or above (no line under it) opens no entry: it is a
    heading written in HTML."""
    if _HTML_LI_RE.search(content) or _HTML_DETAILS_RE.search(content) or _html_table(content):
        return None
    headings = list(_CARD_HEADING_RE.finditer(content))
    if not headings or _CALLOUT_CLASS_RE.match(content) or not _CARD_OPEN_RE.match(content):
        return None
    entries: list[tuple[str, str]] = []
    for index, match in enumerate(headings):
        title = " ".join(html_to_markdown(match[2]).split())
        end = headings[index + 1].start() if index + 1 < len(headings) else len(content)
        entries.append((title, " ".join(_strip_tags(content[match.end() : end]).split())))
    described = all(note for _, note in entries)  # a card says a line about its heading
    if not described and any(int(match[1]) <= section_level for match in headings):
        return None
    lines = [f"- {title}" + (f"\n\n  {note}" if note else "") for title, note in entries if title]
    return "\n".join(lines) or None


_OUTLINE_HEADING_RE = re.compile(r"^#{1,6}\s+(.+?)\s*$")
_SUMMARY_HEADING_RE = re.compile(r"<h([1-6])\b", re.I)
_PRE_BLOCK_RE = re.compile(r"\A\s*<pre\b[^>]*>(.*?)</pre>\s*\Z", re.I | re.S)


@rule("pre-outline")
def _pre_outline(content: str) -> str | None:
    """A `<pre>` block holding an outline typed by indentation ("Introduction" over
    "    Vocabulary" over "        compiler") is that outline, read as a plain-text one is;
    the Markdown it becomes keeps the block's lines, one for one. Code in a `<pre>` stays
    text."""
    match = _PRE_BLOCK_RE.match(content)
    if match is None:
        return None
    if "<" in match.group(1):
        return None  # markup inside: a formatted sample, not a typed outline
    inner = html.unescape(match.group(1))
    head = content[: match.start(1)]
    if not looks_like_outline(inner):
        return None
    # keep the "<pre>" line's place, the outline on the lines it had, then the closing line
    # its top lines name parts as a bold line would: the block is one part of the page
    lines = [
        _OUTLINE_HEADING_RE.sub(r"**\1**", line) for line in outline_to_markdown(inner).split("\n")
    ]
    return "\n" * head.count("\n") + "\n".join(lines) + "\n"


_HTML_TABLE_RE = re.compile(r"<table\b", re.I)


@rule("html-table")
def _html_table(content: str) -> bool:
    """A table written in HTML in a Markdown file (alone, or inside a `<details>` group) is
    read as the table it shows — title column by meaning, status column read — not as the
    loose text left when its tags are stripped."""
    return (
        bool(_HTML_TABLE_RE.search(content))
        and not _HTML_DETAILS_RE.search(content)
        and any(char.isalnum() for char in _strip_tags(content))  # not a row of badges
    )


_LIST_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])(?:\s+\S|(?=[^\W\d_]))")
# "1.Closures": a number written against its entry, as notes often do.
_UNSPACED_NUMBER_RE = re.compile(r"^(\s*\d{1,3}[.)])(?=[^\W\d_])", re.M)
_CODE_LINE_RE = re.compile(PROGRAM_LINE)
_CODE_SPAN_RE = re.compile(r"`[^`\n]+`")


# "```markdown" shows a sample of a file to write ("# My Journey" › "- [x] Git"): not the plan
_PLAIN_FENCE_INFO = frozenset({"", "text", "txt", "plain", "plaintext"})
MIN_FENCED_BOXES = 2
# "Focus: ______", "(score: ___%)": a blank left for the learner to fill in
_FILL_IN_RE = re.compile(r"_{3,}")


# "Databases\t12 weeks", "Cryptography I 6 weeks": a name and, after a space or a tab, its length.
_TIMED_LINE_RE = re.compile(rf"^(?P<name>[^\W\d_].*?\S)[ \t]+(?P<d>{AMOUNT})[ \t]*$", re.I)


@rule("timed-fence")
def _timed_fence(node: SyntaxTreeNode) -> str | None:
    """A plain ``` block whose every line is a name and its length ("How to Code - Simple
    Data 7 weeks", "Databases<tab>12 weeks") is a list of courses fenced to keep its
    columns: each line is a step with its duration, written as a list. A block with a
    language, or with any line that is not so or reads like a program, stays code."""
    if (node.info or "").strip().casefold() not in _PLAIN_FENCE_INFO:
        return None
    lines = [line for line in (node.content or "").split("\n") if line.strip()]
    found = [_TIMED_LINE_RE.match(line.strip()) for line in lines]
    if not lines or not all(found) or any(_CODE_LINE_RE.search(line) for line in lines):
        return None
    return "\n".join(
        f"- {escape_line_start(' '.join(m['name'].split()))} ({m['d']})" for m in found if m
    )


@rule("boxed-fence")
def _boxed_fence(node: SyntaxTreeNode) -> bool:
    """A plain ``` block whose lines are task boxes ("□ Proje konusunu belirle", "☐ Read
    chapter 2", "[ ] Set up Django") beside a label and a few fields ("🎯 Çıktı: …") is a
    checklist its author fenced to keep its look: the boxes are steps. A block with a
    language (```markdown shows a sample file to write), with a heading, or with a line
    that reads like a program, stays code; so does a form with blanks to fill in ("Week #:
    ___" above its boxes, "[ ] score: ___%"), which is copied once per week, not ticked where
    it stands. A tally to fill in after the boxes ("Study hours this month: ___") is the
    tracker's own."""
    if (node.info or "").strip().casefold() not in _PLAIN_FENCE_INFO:
        return False
    lines = [line for line in (node.content or "").split("\n") if line.strip()]
    if any(_CODE_LINE_RE.search(line) or _OUTLINE_HEADING_RE.match(line) for line in lines):
        return False
    boxed = [at for at, line in enumerate(lines) if _BOX_LINE_RE.match(line)]
    if any(_FILL_IN_RE.search(line) for line in lines[: boxed[0] + 1 if boxed else None]) or any(
        _FILL_IN_RE.search(lines[at]) for at in boxed
    ):
        return False  # "Week #: ___" over the boxes, "[ ] Fired a tile (cone: ___)": a form
    boxes = len(boxed)
    return boxes >= MIN_FENCED_BOXES and boxes * 10 >= len(lines) * 4


def _wrapped_on(first: InlineText, second: InlineText) -> bool:
    """ "- [ ] How to draw: objects and environments from your" then "imagination by Scott
    Robertson;": one name wrapped mid-phrase onto the next line, not a name and its note."""
    end = first.text.rstrip()
    start = second.text.lstrip()
    return (
        not first.hard_break
        and bool(end)
        and end[-1].isalpha()
        and bool(start)
        and start[0].islower()
    )


MIN_RUN_ON_ENTRIES = 2
MAX_RUN_ON_HEAD_WORDS = 6
_ENTRY_LINE_RE = re.compile(r"^[^\W\d][^:：]{0,40}?[:：]\s+\S")


# A link to the folder the page is in, or the one above, or its index page.
_UP_LINK_RE = re.compile(r"^(?:\.{1,2}/?)+(?:(?:README|index)\.(?:md|html?))?$|^/$", re.I)
MIN_LEAD_IN_PARTS = 2
MAX_LEAD_IN_CHARS = 300
MAX_LEAD_IN_NAME_WORDS = 8
_BOLD_SPAN_RE = re.compile(r"\*\*([^*\n]+?)\*\*|__([^_\n]+?)__")


@rule("lead-in-part")
def lead_in_name(raw: str) -> str | None:
    """ "In volume 1 - **Foundations of Machine Learning** - we cover the following:" right
    above a list, where the page introduces two lists or more so: a sentence leading into
    the list that names, in bold, the part the list is. The name, or None for any other
    paragraph (one that names nothing in bold, or two things, or does not lead on)."""
    text = raw.strip()
    if len(text) > MAX_LEAD_IN_CHARS or not text.endswith((":", "：")):
        return None
    spans = _BOLD_SPAN_RE.findall(text)
    if len(spans) != 1:
        return None
    name = " ".join((spans[0][0] or spans[0][1]).split()).strip(" :：-–—")
    if not name or len(name.split()) > MAX_LEAD_IN_NAME_WORDS or text.startswith(("**", "__")):
        return None  # "**Topics:**" opens its own line: a label, read as one
    return name


@rule("run-on-entries")
def _run_on_entries(lines: list[InlineText], at_margin: list[bool]) -> bool:
    """ "2. Lenses" then "Focal Length: Wide-angle, standard…", "Aperture: f-stops and
    depth of field", each on its own line at the list's margin with no blank line between:
    Markdown runs them on into one entry, but the first line is a part's short name and
    each line after it an entry of that part, a name and what it covers."""
    if len(lines) < 1 + MIN_RUN_ON_ENTRIES or not all(at_margin[1:]):
        return False
    head = lines[0].text.strip()
    if not head or ":" in head or not _short_name(head) or lines[0].hard_break:
        return False
    return all(_ENTRY_LINE_RE.match(line.text.strip()) for line in lines[1:])


MAX_RUN_ON_HEAD_CHARS = 45


def _short_name(text: str) -> bool:
    """A part's short name: a few words, or a short line in a language that spaces every
    syllable ("Làm việc với cấu trúc dữ liệu" is four words of English)."""
    return len(text.split()) <= MAX_RUN_ON_HEAD_WORDS or len(text) <= MAX_RUN_ON_HEAD_CHARS


@rule("run-on-fields")
def _run_on_fields(lines: list[InlineText], at_margin: list[bool]) -> int:
    """Where a bold field ("**Status**: ⏳", "**Learning Time**: 2-3 hours") starts a line
    of an entry after its first, written out at the list's margin rather than indented
    under the entry: it belongs to the part the list is in, and Markdown only ran it on
    into the last entry. 0 when no later line is such a field."""
    return next(
        (
            at
            for at, line in enumerate(lines)
            if at and at_margin[at] and BOLD_FIELD_RE.match(line.raw)
        ),
        0,
    )


@rule("indented-list")
def _indented_list(content: str, *, alone: bool = False) -> bool:
    """An indented code block whose lines are list items ("    - Week 1: HTML") is a list
    that was indented too far, not code: most lines start with a list marker and none reads
    like a program. One entry alone is such a list where the document has indented two
    lists so before it: a part with one lesson, in the author's own layout. Three lines or
    more of plain text with no marker, none a program, a command or an address ("Days 1-5:
    Go basics", "Days 6-10: Collections"), are such a list too, copied from a page without
    its bullets. Code written in backticks in an entry ("- First programs (`main()`)") is
    Markdown naming code: the entry is still a list line."""
    lines = [line for line in content.split("\n") if line.strip()]
    # "- Primeiros programas em Java (`System.out.println()`)": code in backticks is
    # Markdown that names code, not a program
    if len(lines) < (1 if alone else 2) or any(
        _CODE_LINE_RE.search(_CODE_SPAN_RE.sub("code", line)) for line in lines
    ):
        return False
    listed = sum(1 for line in lines if _LIST_LINE_RE.match(line))
    return listed * 10 >= len(lines) * 7 and bool(_LIST_LINE_RE.match(lines[0]))


MIN_INDENTED_LINES = 3
MAX_INDENTED_LINE_CHARS = 200


def _indented_lines(content: str) -> bool:
    """An indented code block of plain lines, each a short text and none a program or a
    command ("Days 1-5: Go basics — variables and types", "Days 6-10: Collections"): a
    list copied from a page without its bullets, indented as the page showed it."""
    lines = [line.strip() for line in content.split("\n") if line.strip()]
    return len(lines) >= MIN_INDENTED_LINES and all(
        len(line) <= MAX_INDENTED_LINE_CHARS
        and line[0].isalpha()
        and " " in line
        and not _CODE_LINE_RE.search(line)
        and not is_command(line)
        and "://" not in line
        for line in lines
    )


def _numbering_kind(text: str) -> str:
    start = strip_decorations(text).lstrip("*_ ")
    if is_date_title(start):
        return "arabic:day"  # "March 5, 2026" follows "Day 2: March 3, 2026" as its peer
    if start[:1] and start[:1] in "一二三四五六七八九十第":
        return "cjk"
    if any(char.isascii() and char.isdigit() for char in start[:12]):
        # "1." and "2." continue each other; "Semana 1" does not continue "Fase 1", nor
        # "2. 중요 코드" the day "3일차" (a number then its counter word: day 3)
        counted = _COUNTER_AFTER_RE.match(start)
        if counted:
            return f"arabic:{counted.group(1)}"
        word = re.match(r"[^\W\d_]*", start)
        return f"arabic:{word.group(0).casefold() if word else ''}"
    return "word"


# "3일차", "2日目", "第3天" without 第, "5주차": a number and the counter word after it
_COUNTER_AFTER_RE = re.compile(
    r"\d{1,3}\s*(일차|주차|회차|차시|일|주|강|日目|日|天|周|週|回|課|章|节|節)"
)


def _same_numbering(a: Draft, b: Draft) -> bool:
    """ "2." after "### 1." continues the sequence; "1." under "### 三、" starts a new one;
    a worded one continues a bare number only with the next number ("**Stage 2**" after
    "### 1."); "**Semana 1**" under "## Fase 1" starts the phase's own sequence."""
    kind_a, kind_b = _numbering_kind(a.text), _numbering_kind(b.text)
    if kind_a == kind_b:
        return True
    if not (kind_a.startswith("arabic") and kind_b == "arabic:"):
        return False  # a bare number may be continued by a worded one, not the reverse
    number_a, number_b = _FIRST_NUMBER_RE.search(a.text), _FIRST_NUMBER_RE.search(b.text)
    return bool(number_a and number_b and int(number_a[0]) == int(number_b[0]) + 1)


_FIRST_NUMBER_RE = re.compile(r"\d{1,3}")
_NAMES_RE = re.compile(r"[^\W_]")
_ADDRESS_RE = re.compile(r"(?:https?://|www\.)\S+")
_FIRST_RANGE_RE = re.compile(r"(\d{1,3})\s*(?:-|–|—|~|to|a|bis|至|到)\s*(\d{1,3})(?!\d)")


def _range_holds(outer: str, inner: str) -> bool:
    """ "**Semana 1:**" under "### Semana 1-2: …" is a part of that range, not the next
    step after it."""
    span, number = _FIRST_RANGE_RE.search(outer), _FIRST_NUMBER_RE.search(inner)
    if not span or not number or _FIRST_RANGE_RE.search(inner):
        return False
    if span.start() > 24:
        return False  # a range far into the title is its subject ("Lab 3: ports 8000-8080")
    return int(span[1]) <= int(number[0]) <= int(span[2])


def _is_empty_label(item: Draft) -> bool:
    return item.kind == ITEM and item.label and not item.is_task and not item.children


def _starts_bold(item: Draft) -> bool:
    return item.raw.lstrip().startswith(("**", "__"))


def _group_under_labels(items: list[Draft]) -> list[Draft]:
    """ "- **Prerequisites:**" followed by plain sibling bullets: the bullets belong to it
    (until the next bold label)."""
    grouped: list[Draft] = []
    current: Draft | None = None
    empty = [_is_empty_label(item) for item in items]
    for at, item in enumerate(items):
        if empty[at] and _in_a_run(empty, at):
            # "- Discrete Math:" / "- Distributed Systems:" / "- Databases:": labels one
            # after another name entries not filled in yet; none heads the bullets after them
            item.label = False
            current = None
            grouped.append(item)
            continue
        if empty[at]:
            grouped.append(item)
            current = item
            continue
        if current is not None and not _starts_bold(item) and not item.label:
            split = split_label(remove_controls(item.text))
            if not (split and len(split[0].split()) <= 3):
                current.children.append(item)
                continue
        current = None
        grouped.append(item)
    return grouped


def _in_a_run(flags: list[bool], at: int) -> bool:
    """Whether the flag at `at` stands next to another one that is set."""
    return (at > 0 and flags[at - 1]) or (at + 1 < len(flags) and flags[at + 1])


def _is_navigation(item: Draft) -> bool:
    """A table-of-contents entry: an in-page link, with only such entries below it."""
    return item.anchor_only and all(_is_navigation(child) for child in item.children)


# --- entry point ---------------------------------------------------------------------------


_GLYPH_BULLET_RE = re.compile(r"^([ \t]*)[•◦○●▪▫‣⁃➢➤►▸◆◇❖·](?:[ \t]+)(?=\S)")
# Word's list glyphs, each followed by a tab: "•" the first level, "o" the second, "§"/"▪"
# the third (Wingdings squares pasted as text).
_WORD_GLYPH_RE = re.compile(r"^([ \t]*)([•o§▪])\t(?=\S)")
_WORD_GLYPH_DEPTH = {"•": 0, "o": 1, "§": 2, "▪": 2}
WORD_LEVEL_WIDTH = 4
# "a. Install Node", "b) Learn npm": lettered lines, read as bullets when a run starts at "a".
_LETTER_BULLET_RE = re.compile(r"^([ \t]*)[a-z][.)](?:[ \t]+)(?=\S)")
# "*", "+ and -", "# of items": text that would open a list, a heading or a quote.
_BARE_MARKER_RE = re.compile(r"^(?:[*+#-](?:[ \t]|$)|>)")
# "1. Introduction to C", "- Basics": an unindented list item glyph bullets may sit under.
_PARENT_ITEM_RE = re.compile(r"^(?:\d{1,3}[.)]|[-*+])[ \t]+(?=\S)")
# "[ ] Paging", "[x] TCP handshake": task boxes typed without a list marker; "☐ Read ch. 2",
# "✔ Intro @done (2018-11-04)", "✘ Skipped": the task lines of PlainTasks / Todo+ files.
# "[✍] CompTIA Network+", "[⌛] CCNP": a tracker's own state marks inside the brackets;
# "[🟨] Circuits" beside "[✅] Basics": a coloured square or dot in a box is a traffic light
# (green done, yellow under way, red not yet), whatever the same dot means in a sentence
_BOXED_MARKS = {
    **STATUS_GLYPHS,
    "✍": "/",
    **TRAFFIC_LIGHTS,
}
_BOX_LINE_RE = re.compile(
    r"^(?P<indent>[ \t]*)"
    r"(?:\[ ?(?P<box>[ xX/\-✅✔✓" + "".join(_BOXED_MARKS) + r"]?) ?\ufe0f?\][ \t]+(?=[^\s:(])"
    r"|(?P<glyph>[☐❑□✔✓☑✘✗])(?:[ \t]|$))"
    r"(?P<rest>.*)$"
)
_BOX_GLYPHS = {**_BOXED_MARKS, "❑": " ", "□": " ", "✘": "-", "✗": "-"}
_BOX_GLYPHS.update({mark: mark for mark in " xX/-"}, **{"✅": "x"})
# "[ ] Section 1 completed", "[ ] Mark as done": a page's control for the part above it.
_COMPLETION_CONTROL_RE = re.compile(
    r"^(?:(?:section|module|chapter|lesson|week|day|part|unit|step)\s*\d*\s*)?"
    r"(?:(?:is )?completed?|done|finished|mark(?:ed)?(?: (?:as|it))? (?:complete[d]?|done|read))"
    r"[.!]?$",
    re.I,
)


@rule("box-lines")
def _box_lines(text: str) -> str:
    """Task boxes typed without a list marker ("[ ] Paging", "[x] TCP handshake", a tracker's
    own marks: "[✍] Network+", "[⌛] CCNP", one per line of a paragraph broken by "\\") and the
    task lines of plain-text task files ("☐ Read chapter 2", "✔ Intro @done (2018-11-04)",
    "✘ Dropped") are list items with that box, where they stand (their indentation nests
    them under the bullet above). A box with nothing after it is an empty line. Two such
    lines at least: one "[x] marks the spot" sentence is not a checklist; nor are "✔"
    lines in a text without a single open box or "@done" tag (a chat answer's bullets).
    In such a file, a short name alone above indented boxes ("Operating systems") is the
    group they stand in, "[ ] - Title" sets its title off with a dash that is no part of
    it, and "-------- Computer Science --------" opens a part."""
    lines = text.split("\n")
    # a fence's lines are code, or the boxed-fence rule's to read where the fence stands
    found = [
        (i, m)
        for i, line in unfenced(lines)
        if (m := _BOX_LINE_RE.match(line)) and not _COMPLETION_CONTROL_RE.match(m["rest"].strip())
    ]
    if not any(
        m["box"] is not None or _BOX_GLYPHS[m["glyph"]] == " " for _, m in found
    ) and not any("@done" in m["rest"] for _, m in found):
        # only "✔ Follow this roadmap" marks and no open box: a chat answer's bullets
        found = [(i, m) for i, m in found if m["box"] is not None]
    if len(found) < MIN_BOX_LINES:
        return text
    for index, match in found:
        # "[] Spring Security": an empty pair of brackets is an open box
        box = _BOX_GLYPHS[match["glyph"] or match["box"] or "☐"]
        rest = re.sub(r"^[-–—]\s+", "", match["rest"].strip())  # "[ ] - Title": the dash sets off
        rest = rest.removesuffix("\\").rstrip()  # "[✍] CompTIA A+\\": a hard break ends the line
        lines[index] = f"{match['indent']}- [{box}] {rest}" if rest else ""
        fired("box-lines", index + 1, "item")
    boxed = {index for index, _ in found}
    for index, match in found:
        if not match["indent"] or index - 1 in boxed:
            continue
        above = index - 1
        name = lines[above].strip() if above >= 0 else ""
        # "Operating systems" over its indented boxes: the group they stand in
        if name and not lines[above][:1].isspace() and _GROUP_NAME_RE.match(name):
            lines[above] = f"- {name.rstrip(':：')}"
            fired("box-lines", above + 1, "topic")
    for index, line in enumerate(lines):
        framed = _FRAMED_NAME_RE.match(line)
        if framed:  # "-------- Computer Science --------": a part of the file
            lines[index] = f"## {framed['name']}"
    return "\n".join(lines)


# A short name alone on its line, no list marker, heading or box of its own.
_GROUP_NAME_RE = re.compile(r"^(?![-*+#>\[|]|\d+[.)]\s)\S(?:[^\n]{0,58}\S)?$")
_FRAMED_NAME_RE = re.compile(r"^\s*([-=~*#])\1{2,}\s+(?P<name>[^-=~*#\s][^\n]{0,58}?)\s+\1{3,}\s*$")


def _has_letter_run(lines: list[str]) -> bool:
    """Lettered lines "a." then "b." (not one stray "a. …" sentence)."""
    letters = [m.group(0).strip()[0] for line in lines if (m := _LETTER_BULLET_RE.match(line))]
    return "a" in letters and "b" in letters


_PIPE_ROW_RE = re.compile(r"^ {0,3}\|.*\|\s*$")
_HEADER_RULE_RE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")


def _cells(row: str) -> int:
    return row.strip().strip("|").count("|") + 1


_LOOSE_RULE_RE = re.compile(r"^( {0,3})\|((?:\s*:?-*:?\s*\|)+)\s*$")


@rule("delimiter-gaps")
def _fill_delimiter_gaps(text: str) -> str:
    """ "| Linux | Windows | HARD Linux | HARD Windows |" over "| --- | --- | --- | |": a
    table whose rule under the header leaves a cell without its dashes is still a table
    (Markdown would read none of it): the gap is filled. So is a rule with fewer or more
    cells than its header ("| # | Date | Topic | Slides |" over "|---|---|---|"), which the
    page builders such tables are written for (kramdown, pandoc) show as the table meant.
    Lines keep their numbers."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    for at in range(1, len(lines)):
        found = _LOOSE_RULE_RE.match(lines[at])
        if not found or not _PIPE_ROW_RE.match(lines[at - 1]) or "-" not in found.group(2):
            continue
        cells = [cell.strip() for cell in found.group(2).split("|")[:-1]]
        width = _cells(lines[at - 1])
        if (all("-" in cell for cell in cells) and width == len(cells)) or len(cells) < 2:
            continue
        filled = [cell if "-" in cell else "---" for cell in cells[:width]]
        filled += ["---"] * (width - len(filled))
        lines[at] = f"{found.group(1)}| {' | '.join(filled)} |"
        fired("delimiter-gaps", at + 1, "item", "the table's rule filled in")
    return "\n".join(lines)


@rule("headless-table")
def _continue_headless_tables(text: str) -> tuple[str, list[int] | None]:
    """Rows of a table that a rule or a blank line cut off from its header ("| Week 2 | Day
    8 | … |" after a "---") go on with the table above them when they have as many cells:
    they are read under its header, not as a line of text. The second value maps each line
    of the result to its line in `text` (None when nothing changed)."""
    if "|" not in text:
        return text, None
    lines = text.split("\n")
    out: list[str] = []
    origin: list[int] = []
    header: tuple[str, str, int] | None = None  # the last table's header, delimiter, width
    outside = {at for at, _ in unfenced(lines)}
    changed = False
    for at, line in enumerate(lines):
        number = at + 1
        starts_block = at in outside and (at == 0 or not _PIPE_ROW_RE.match(lines[at - 1]))
        if starts_block and _PIPE_ROW_RE.match(line):
            following = lines[at + 1] if at + 1 < len(lines) else ""
            if _HEADER_RULE_RE.match(following):
                header = (line, following, _cells(line))
            elif header is not None and _cells(line) == header[2] and _PIPE_ROW_RE.match(following):
                if out and out[-1].strip():
                    out.append("")
                    origin.append(number)
                out += [header[0], header[1]]
                origin += [number, number]
                fired("headless-table", number, "item", "rows under the table above")
                changed = True
        out.append(line)
        origin.append(number)
    return ("\n".join(out), origin) if changed else (text, None)


@rule("glyph-bullets")
def _glyph_bullets(text: str) -> tuple[str, list[int] | None]:
    """Bullets written as glyphs ("• Topic", "    ○ Sub-topic") or letters ("a. Install",
    "b. Configure"), as text pasted from a document or a web page keeps them, are list
    items, as deep as their indentation ranks among the ones above them; indented under a
    numbered line ("1. Pointers" over "   • *"), they are that line's steps. A plain line right
    after them gets a blank line before it, so it is not read as part of the last bullet,
    and one indented less than they are ("   **4.2 Metrics**" after bullets indented six)
    stands outside the list;
    the second value maps each line of the result to its line in `text` (None when nothing
    changed)."""
    lines = text.split("\n")
    lettered = _has_letter_run(lines)
    if not lettered and not any(_GLYPH_BULLET_RE.match(line) for line in lines):
        return text, None
    # pasted from Word, the levels are told by the glyph ("•⇥", then "o⇥"), not the indent
    word = any(line.startswith("o\t") for line in lines) and any(
        line.startswith("•\t") for line in lines
    )
    out: list[str] = []
    origin: list[int] = []
    widths: list[int] = []  # indentation of each open glyph-bullet level
    after_bullet = False
    parent_column: int | None = None  # where the text of the list item above starts
    for number, line in enumerate(lines, start=1):
        word_glyph = _WORD_GLYPH_RE.match(line) if word else None
        match = (
            word_glyph
            or _GLYPH_BULLET_RE.match(line)
            or (lettered and _LETTER_BULLET_RE.match(line))
        )
        if not match:
            if line.strip() and widths and 0 < _indent_width(line) < widths[0]:
                # "   **4.2 Metrics**" after bullets indented six: a line outside the list,
                # which its indentation would otherwise hang on the last bullet
                line = line.lstrip()
                if after_bullet:
                    out.append("")
                    origin.append(number)
                    after_bullet = False
            if line.strip() and after_bullet and _indent_width(line) == 0:
                out.append("")
                origin.append(number)
            if line.strip() and _indent_width(line) == 0:
                widths = []
                marker = _PARENT_ITEM_RE.match(line)
                parent_column = len(marker.group(0)) if marker else None
            # an indented line continues the bullet; a blank or unindented one ends the list
            after_bullet = after_bullet and bool(line.strip()) and _indent_width(line) > 0
            out.append(line)
            origin.append(number)
            continue
        width = _indent_width(match.group(1))
        if word_glyph:
            width += WORD_LEVEL_WIDTH * _WORD_GLYPH_DEPTH[word_glyph.group(2)]
        while widths and widths[-1] >= width and (len(widths) > 1 or widths[-1] > width):
            widths.pop()
        if not widths or widths[-1] < width:
            widths.append(width)
        # indented under "1. Introduction", the bullets are that item's: they keep its column
        base = " " * parent_column if parent_column and widths[0] > 0 else ""
        text = line[match.end() :]
        if _BARE_MARKER_RE.match(text):
            text = "\\" + text  # "• *" (the operator) is a step, not an empty nested list
        out.append(base + "  " * (len(widths) - 1) + "- " + text)
        origin.append(number)
        after_bullet = True
        fired("glyph-bullets", number, "item")
    return "\n".join(out), origin


_OUTLINE_MARKER_RE = re.compile(
    r"^(?:->|=>|→|[-*+•◦○▪]|\d{1,3}[.)]|[a-zA-Z][.)]|[ivxIVX]{1,4}[.)])\s+"
)
_MARKDOWN_BLOCK_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s|```|~~~|\||>)")


def _is_indented_outline(lines: list[str]) -> bool:
    """Most lines indented by four spaces or more, at three depths or more, under unindented
    ones, and no Markdown headings, fences, tables or quotes: an outline written by
    indentation, which CommonMark would read as one long paragraph or as code."""
    body = [line for line in lines if line.strip()]
    if len(body) < 6 or any(_MARKDOWN_BLOCK_RE.match(line) for line in body):
        return False
    if any(_GLYPH_BULLET_RE.match(line) for line in body):
        return False  # glyph bullets carry their own nesting (rule glyph-bullets)
    if any(_HTML_BLOCK_TAG_RE.match(line) for line in body):
        # "<details>" › "  <summary>…</summary>" › "    - topic": folds nested in HTML, their
        # lines indented to show the nesting; the tags say the structure, not the spaces
        return False
    widths = [_indent_width(line) for line in body]
    deep = sum(1 for width in widths if width >= 4)
    return widths[0] == 0 and deep * 10 >= len(body) * 4 and len(set(widths)) >= 3


_HTML_BLOCK_TAG_RE = re.compile(r"^\s*</?(?:details|summary|div|ul|ol|li|table|section)\b", re.I)


@rule("indented-outline")
def _indented_outline(text: str) -> str:
    """An outline whose structure is its indentation ("1. Basics" › "    a. HTML" ›
    "        Semantic elements:" › "            + [x] Build a form") is read by that
    indentation: every line becomes a bullet nested as deep as its indentation ranks. A
    first line underlined with "=" is the outline's name; a line of "=" or "-" alone draws
    a rule; "->" and "→" mark entries as "-" does. A sentence at the margin, or one leading
    into the list ("Das folgende dient lediglich als Platzhalter…, inklusive
    Bearbeitungsstatus:"), is text, not a part. Folds written in HTML ("<details>" ›
    "  <summary>…" › "    - topic") are no such outline: their tags give the nesting."""
    lines = text.split("\n")
    if not _is_indented_outline(lines):
        return text
    named = _underlined_name(lines)
    levels = sorted(
        {_indent_width(line) for at, line in enumerate(lines) if line.strip() and at not in named}
    )
    rank = {width: index for index, width in enumerate(levels)}
    closing = _closing_text(lines)
    out = []
    for number, line in enumerate(lines, start=1):
        if number - 1 in closing or (not _indent_width(line) and _reads_as_text(line.strip())):
            # "This document outlines a path for …": a sentence at the margin is text
            out.append(escape_line_start(line.strip()))
            continue
        if number - 1 in named:
            # "C# Learning Path" over "=====": the document's name, underlined
            out.append("# " + line.strip() if named[number - 1] else "")
            continue
        if not line.strip() or _DRAWN_RULE_RE.match(line):
            out.append("")  # "=====" between parts draws a line, it names nothing
            continue
        content = _OUTLINE_MARKER_RE.sub("", line.strip(), count=1)
        content = re.sub(r"^\[\]\s*", "[ ] ", content)
        out.append("  " * rank[_indent_width(line)] + "- " + content)
        fired("indented-outline", number, "item")
    return "\n".join(out)


_DRAWN_RULE_RE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,}|\*{3,}|~{3,})\s*$")
MIN_LEAD_IN_WORDS = 8


def _reads_as_text(line: str) -> bool:
    """A sentence, or a sentence leading into the list ("The following is only a placeholder
    for an overview of topics, with their status:"): text, not the name of a part."""
    lead_in = line.endswith((":", "：")) and len(line.split()) >= MIN_LEAD_IN_WORDS
    return is_prose(line) or lead_in


def _closing_text(lines: list[str]) -> set[int]:
    """The lines after the outline's last drawn rule when they are text to be read, not
    entries: none indented, and as many sentences as not ("READ THIS WHEN YOU ARE TIRED"
    over paragraphs of encouragement after the last section)."""
    rules = [at for at, line in enumerate(lines) if _DRAWN_RULE_RE.match(line)]
    if not rules:
        return set()
    tail = [at for at in range(rules[-1] + 1, len(lines)) if lines[at].strip()]
    if not tail or any(_indent_width(lines[at]) for at in tail):
        return set()
    sentences = sum(is_prose(lines[at].strip()) for at in tail)
    return set(tail) if sentences * 2 >= len(tail) else set()


def _underlined_name(lines: list[str]) -> dict[int, bool]:
    """The first line and the rule of "=" right under it ({line: is the name}), if so."""
    filled = [at for at, line in enumerate(lines) if line.strip()]
    if len(filled) < 2 or filled[1] != filled[0] + 1:
        return {}
    if not (_DRAWN_RULE_RE.match(lines[filled[1]]) and "=" in lines[filled[1]]):
        return {}
    return {filled[0]: True, filled[1]: False}


def _clamp_nesting(text: str, source: str) -> str:
    """Indentation and quote markers deeper than the limits are cut back to them; a line
    crowded with "[" has them read as text (markdown-it's link search would crawl)."""
    lines = text.split("\n")
    clamped_at: int | None = None
    for index, line in enumerate(lines):
        if not line or line[0] not in " \t>":
            continue
        width = _indent_width(line)
        if width > MAX_INDENT:
            lines[index] = " " * MAX_INDENT + line.lstrip(" \t")
            clamped_at = clamped_at or index + 1
        match = _QUOTE_RUN_RE.match(lines[index])
        if match:
            lines[index] = "> " * MAX_QUOTES + lines[index][match.end() :]
            clamped_at = clamped_at or index + 1
    for index, line in enumerate(lines):
        if line.count("[") > MAX_BRACKETS:
            lines[index] = re.sub(r"(?<!\\)\[", r"\\[", line)
    if clamped_at is not None:
        logger.warning(
            "%s:%d: nesting deeper than roadvault reads; the deepest items were flattened",
            source,
            clamped_at,
        )
    return "\n".join(lines)


_DELIMITER_ROW_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$")
_MARKER_CELL_RE = re.compile(r"^(\s{0,3})([-*+])(\s+\|)")


@rule("dash-cell")
def _escape_marker_cells(text: str) -> str:
    """A table row whose first cell is a dash (" - | 12/21: no class |", a week with no
    number) is a row of the table, not a bullet that would end the table there."""
    if "|" not in text:
        return text
    lines = text.split("\n")
    in_table = False
    for index, line in enumerate(lines):
        if _DELIMITER_ROW_RE.match(line):
            in_table = True
        elif not line.strip() or "|" not in line:
            in_table = False
        elif in_table and (match := _MARKER_CELL_RE.match(line)):
            lines[index] = f"{match[1]}\\{match[2]}{line[match.end(2) :]}"
            fired("dash-cell", index + 1, "item")
    return "\n".join(lines)


def _blank_comments(text: str) -> str:
    """Obsidian `%% comments %%` hold nothing to study; keep their line breaks."""
    if "%%" not in text:
        return text
    return _OBSIDIAN_COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


_QUOTED_HEADING_RE = re.compile(r"^ {0,3}>[ \t]?(?=#{1,6}[ \t]+\S)")
_QUOTE_LINE_RE = re.compile(r"^ {0,3}>")


_UNSPACED_BULLET_RE = re.compile(r"^( {0,3})-(?=[^\W\d_])", re.M)
_SPACED_BULLET_RE = re.compile(r"^[ \t]*[-*+] \S", re.M)
MIN_SPACED_BULLETS = 3


@rule("unspaced-bullet")
def _space_bullets(text: str) -> str:
    """ "-Asian History (Coursera)" in a document whose lists are written "- Books": a
    bullet that lost its space, an entry like the others, not a line of text."""
    if "\n-" not in f"\n{text}" or len(_SPACED_BULLET_RE.findall(text)) < MIN_SPACED_BULLETS:
        return text
    lines = text.split("\n")
    for at, line in unfenced(lines):
        if _UNSPACED_BULLET_RE.match(line):
            lines[at] = _UNSPACED_BULLET_RE.sub(r"\1- ", line, count=1)
            fired("unspaced-bullet", at + 1, "item")
    return "\n".join(lines)


# "1.文本：…", "2、视频", "3.Intro": a number and its dot (or "、") run into the entry, which
# Markdown does not take for a list; a decimal ("1.5 hours") is no such number.
_RUN_IN_NUMBER_RE = re.compile(r"^((?:> ?)*)(\d{1,2})(?:[.．](?=[^\s\d.．、])|、)", re.M)
# "3. Strings" or "> 3. Strings": an entry of a numbered list, written as Markdown reads it
_SPACED_NUMBER_RE = re.compile(r"^((?:> ?)*)(\d{1,2})[.)] ")
MIN_RUN_IN_NUMBERS = 2


@rule("unspaced-number")
def _space_numbers(text: str) -> str:
    """Lines numbered 1, 2, 3… one after another at the margin, each number run into its
    text ("1.文本：[教程](…)", "2.视频：[课程](…)", or "1、" as Chinese writes it), are the
    entries of a numbered list the author meant, not one paragraph of text; so is one such
    line that goes on with a list ("> 3. Strings" then ">4.Exceptions"), in a quote too. A
    lone "1.Intro", or numbers out of order, stay text."""
    if not _RUN_IN_NUMBER_RE.search(text):
        return text
    lines = text.split("\n")
    runs: list[list[int]] = []
    last = 0  # the number of the run's last line
    for at, line in unfenced(lines):
        found = _RUN_IN_NUMBER_RE.match(line) or _SPACED_NUMBER_RE.match(line)
        if found is None:
            continue
        number = int(found[2])
        if number == 1:
            runs.append([at])
        elif runs and number == last + 1:
            runs[-1].append(at)
        else:
            continue
        last = number
    for numbered in runs:
        unspaced = [at for at in numbered if _RUN_IN_NUMBER_RE.match(lines[at])]
        if len(numbered) < MIN_RUN_IN_NUMBERS or not unspaced:
            continue
        for at in unspaced:
            found = _RUN_IN_NUMBER_RE.match(lines[at])
            lines[at] = f"{found[1]}{found[2]}. {lines[at][found.end() :].lstrip()}"
            fired("unspaced-number", at + 1, "item")
    return "\n".join(lines)


# "##Полный план:": two hashes or more run into the name (one "#tag" is an Obsidian tag).
_UNSPACED_HEADING_RE = re.compile(r"^( {0,3}#{2,6})(?=[^\W\d_])")


@rule("unspaced-heading")
def _space_headings(text: str) -> str:
    """ "##Full plan:" alone on its line is a heading that lost its space, as the author
    meant it, not a line of text. A single "#" before a word is a tag, and is left alone."""
    if "##" not in text:
        return text
    lines = text.split("\n")
    for at, line in unfenced(lines):
        if _UNSPACED_HEADING_RE.match(line):
            lines[at] = _UNSPACED_HEADING_RE.sub(r"\1 ", line, count=1)
            fired("unspaced-heading", at + 1, "phase", lines[at].strip())
    return "\n".join(lines)


# "<h3> 6주차 예외처리 </h3>" alone on its line: a heading written in HTML, with only inline
# markup inside ("<h2><a href=…>Week 1</a></h2>").
_HTML_HEADING_LINE_RE = re.compile(
    r"^ {0,3}<h(?P<level>[1-6])\b[^>\n]*>(?P<inner>.*)</h(?P=level)>[ \t]*$", re.I
)
_BLOCK_TAG_RE = re.compile(r"</?(?:h[1-6]|div|p|table|ul|ol|li)\b", re.I)
_INLINE_TAG_RE = re.compile(r"<[^<>\n]*>")
# "<pre>" alone on its line, used as a box around markup rather than around preformatted text
_PRE_LINE_RE = re.compile(r"^\s*</?pre>\s*$", re.I)


@rule("html-heading-lines")
def _html_heading_lines(text: str) -> str:
    """A heading written in HTML alone on its line ("<h3> 6주차 예외처리 </h3>") in a Markdown
    text is a heading, as "### 6주차 예외처리" would be: the lines after it are its part, not
    raw HTML swallowed with it. A "<pre>" around such headings boxes the plan; it holds no
    preformatted text, and is set aside. Headings inside an HTML block of their own (a
    centred banner, a table) are left to the HTML. Under such a heading, bold lines alone
    ("<b>Back-end com Node.js ✅</b>") are its entries and the "<span>" lines under them
    their notes."""
    if "<h" not in text and "<H" not in text:
        return text
    lines = text.split("\n")
    headings: list[int] = []
    pre_lines: list[int] = []
    in_blocks = _html_block_lines(lines)
    for at, line in unfenced(lines):
        if _PRE_LINE_RE.match(line):
            pre_lines.append(at)
            continue
        found = _HTML_HEADING_LINE_RE.match(line)
        if found is None or _BLOCK_TAG_RE.search(found["inner"]):
            continue
        if at in in_blocks:
            continue
        inner = " ".join(_INLINE_TAG_RE.sub("", found["inner"]).split())
        if inner:
            lines[at] = "#" * int(found["level"]) + " " + inner
            fired("html-heading-lines", at + 1, "phase", inner)
            headings.append(at)
            _bold_lines_as_entries(lines, at + 1)
    # "<pre>" … "</pre>" in pairs, in order: a pair around such a heading is set aside
    for start, end in zip(pre_lines[::2], pre_lines[1::2], strict=False):
        paired = lines[start].strip().lower() == "<pre>" and lines[end].strip().lower() == "</pre>"
        if paired and bisect.bisect_right(headings, start) < bisect.bisect_left(headings, end):
            lines[start] = lines[end] = ""
    return "\n".join(lines)


# "<b>Back-end com Node.js ✅</b>" alone on its line; "<span>Nesse módulo …</span>"; "<br />"
_BOLD_LINE_RE = re.compile(r"^\s*<(b|strong)>(?P<text>[^<>\n]+)</\1>\s*(?:<br\s*/?>)?\s*$", re.I)
_SPAN_LINE_RE = re.compile(r"^\s*<(span|p|small|i|em)>(?P<text>.+)</\1>\s*$", re.I)
_BR_LINE_RE = re.compile(r"^\s*<br\s*/?>\s*$", re.I)


def _bold_lines_as_entries(lines: list[str], start: int) -> None:
    """Under a heading written in HTML, the lines up to the next empty line written in HTML
    too: a bold line alone ("<b>Back-end com Node.js ✅</b>") is an entry of the part, the
    "<span>" line under it what it is about, a "<br />" alone the space between them. Read
    as one paragraph of inline HTML they were lost as text."""
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    block = range(start, end)
    if not any(_BOLD_LINE_RE.match(lines[at]) for at in block) or not all(
        _BOLD_LINE_RE.match(lines[at])
        or _SPAN_LINE_RE.match(lines[at])
        or _BR_LINE_RE.match(lines[at])
        for at in block
    ):
        return
    for at in block:
        if bold := _BOLD_LINE_RE.match(lines[at]):
            lines[at] = f"- {bold['text'].strip()}"
        elif span := _SPAN_LINE_RE.match(lines[at]):
            lines[at] = f"  {span['text'].strip()}"
        else:
            lines[at] = ""
        fired("html-heading-lines", at + 1, "item" if bold else "note")


_HTML_BLOCK_OPEN_RE = re.compile(r"^\s*<(?!/?pre\b)(?!h[1-6]\b)[a-z]", re.I)


def _html_block_lines(lines: list[str]) -> set[int]:
    """The lines that continue an HTML block opened on a line above them with no blank line
    between: "<div align="center">" then "<h1>Course</h1>"."""
    inside: set[int] = set()
    opened = False
    for at, line in enumerate(lines):
        if not line.strip():
            opened = False
            continue
        if opened:
            inside.add(at)
        opened = opened or bool(_HTML_BLOCK_OPEN_RE.match(line))
    return inside


@rule("quoted-heading")
def _unquote_headings(text: str) -> str:
    """A heading alone in a quote (">### Environment", a blank line, then the section's
    text) is the section's heading set off by a bar: read as a heading. A quote holding more
    than its heading (a callout, a quoted passage) stays a quote."""
    if ">" not in text:
        return text
    lines = text.split("\n")
    for at, line in unfenced(lines):
        if not _QUOTED_HEADING_RE.match(line):
            continue
        before = lines[at - 1] if at else ""
        after = lines[at + 1] if at + 1 < len(lines) else ""
        if _QUOTE_LINE_RE.match(before) or _QUOTE_LINE_RE.match(after):
            continue
        lines[at] = _QUOTED_HEADING_RE.sub("", line, count=1)
        fired("quoted-heading", at + 1, "phase", lines[at].strip())
    return "\n".join(lines)


def _markdown_fence(blocks: list[SyntaxTreeNode]) -> SyntaxTreeNode | None:
    fences = [
        block
        for block in blocks
        if block.type == "fence"
        and (block.info.strip().lower() in ("markdown", "md") or _markdown_inside(block.content))
    ]
    return max(fences, key=lambda block: len(block.content), default=None)


MIN_FENCED_TASKS = 3
_FENCED_H1_RE = re.compile(r"^#[ \t]+\S", re.M)
_FENCED_TASK_RE = re.compile(r"^[ \t]*[-*+][ \t]+\[[ xX]\][ \t]+\S", re.M)


def _markdown_inside(content: str) -> bool:
    """ "```yaml" over "### 1. Python (2 Minggu)" and "- [ ] Inheritance": Markdown headings
    and task boxes, which no program or data file is written in, under whatever language the
    fence names: a checklist fenced by accident or to keep its look."""
    return bool(_ATX_HEADING_RE.search(content)) and (
        len(_FENCED_TASK_RE.findall(content)) >= MIN_FENCED_TASKS
    )


@rule("fenced-roadmap")
def _fence_holds_the_roadmap(outside: list[Node], inner: Roadmap) -> bool:
    """A roadmap pasted inside a ```markdown fence (as chat answers give it) is the roadmap
    when the text around it holds none, or far fewer items than the fence does."""
    around = sum(1 for top in outside for node in top.walk() if not node.children)
    return not outside or len(inner.leaves()) >= max(2 * around, around + 5)


# A list entry that starts by naming HTML tags ("- <table>, <thead>", "- <form> tag and
# attributes", "- <meta charset=…>" alone) would open an HTML block and vanish.
_NAMED_TAG_ENTRY_RE = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)(?=<(?P<name>[A-Za-z][\w-]*)(?:\s[^<>\n]*)?>"
    r"(?P<after>\s*(?:,|/|\band\b|\bor\b|\bto\b|\btags?\b|\belements?\b|\battributes?\b)"
    r"|\s*$))",
    re.M,
)
# Tags that hold nothing: alone in an entry they can only be named, not open a block.
_VOID_TAGS = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _named_tag_lead(match: re.Match[str]) -> str:
    if not match["after"].strip() and match["name"].lower() not in _VOID_TAGS:
        return match["lead"]  # "- <details>" alone: real markup
    fired("named-tag-entry", match.string.count("\n", 0, match.start()) + 1, "item")
    return f"{match['lead']}\\"


@rule("named-tag-entry")
def _escape_named_tags(text: str) -> str:
    """A bullet that starts with tags named as topics ("<table>, <thead>, <tbody>", "<form>
    tag and attributes", "<meta charset=…>" alone) is about those tags: its "<" is escaped
    so it stays text instead of opening an HTML block that swallows the entry."""
    if "<" not in text:
        return text
    return _NAMED_TAG_ENTRY_RE.sub(_named_tag_lead, text)


MAX_QUOTED_ENTRY_WORDS = 12


def _quotes_an_entry(block: SyntaxTreeNode) -> bool:
    """Among quoted entries, a short quote that holds a link ("> OSSU Computer Science
    [GitHub](…)") is one more; a sentence without a link ("> Follow the paths below") is not."""
    if _quotes_a_link(block):
        return True
    if block.type != "blockquote" or len(block.children) != 1:
        return False
    inline = inline_of(block.children[0]) if block.children[0].type == "paragraph" else None
    if inline is None or not any(child.type == "link" for child in inline.children):
        return False
    return len((inline.content or "").split()) <= MAX_QUOTED_ENTRY_WORDS


# Callout kinds that advise or warn; "[!todo]" or "[!example] Week 1" may hold the plan.
_ADVICE_CALLOUTS = frozenset(
    {"note", "info", "tip", "hint", "important", "caution", "warning", "attention", "danger"}
    | {"error", "abstract", "summary", "tldr", "quote", "cite"}
)


@rule("advice-callout")
def _advises(kind: str, callout: Draft) -> bool:
    """A callout that advises or warns ("> [!caution]", "> [!tip]", or a site's ":::tip"
    container) is text of the part it stands in, lists and all, unless it holds task boxes:
    a learner's own "> [!note]" of ticks stays theirs."""
    return kind in _ADVICE_CALLOUTS and not any(d.is_task for d in walk(callout))


@rule("details-heading")
def _heading_names_its_group(group: Draft, heading: Draft) -> bool:
    """A heading inside a `<details>` group belongs to it, whatever its level ("<summary>
    Inflearn</summary>" then "## Lecture list" and its table: Inflearn's lectures), until
    `</details>`; a heading that repeats the summary ("<summary>Next in line</summary>",
    "### Next in line") names the group itself and takes its place."""
    return plain_label(group.title) == plain_label(heading.title)


def _caption_field(line: InlineText) -> bool:
    """ "**Focus**: basic confidence": a short field name and its value, not "**Week 1:
    Basics**", which names a part of its own."""
    split = split_label(strip_decorations(line.text).replace("**", "").replace("__", ""))
    if not split or not split[1] or len(split[0].split()) > MAX_CAPTION_LABEL_WORDS:
        return False
    return not (opens_a_part(split[0]) or re.search(r"\d", split[0]))


def _blank_field(line: InlineText) -> bool:
    """ "**Pomodoros:**": a short field name with nothing after it."""
    split = split_label(strip_decorations(line.text).replace("**", "").replace("__", ""))
    return bool(split and split[0] and not split[1]) and (
        len(split[0].split()) <= MAX_CAPTION_LABEL_WORDS
        and not (opens_a_part(split[0]) or re.search(r"\d", split[0]))
    )


def _field_note(note: str) -> bool:
    """A note that is a field and its value ("**Started:** 2021.12.28")."""
    return _caption_field(InlineText(text=remove_controls(note), raw=note))


MIN_H1_PARTS = 3  # H1 headings that, each over its steps, are parts rather than a name


def _first_h1_is_a_part(first_h1: str | None, parts: set[str], nodes: list[Node]) -> bool:
    """The first H1 heads one of the parts: it holds steps right under it, or holds steps
    (some grouped) beside three or more H1 parts that do, or it is the first of three or
    more H1 parts of one numbered series ("# 第一篇：HTML", "# 第二篇：CSS", each over its
    chapters)."""
    if first_h1 in parts:
        return True
    holding = [n.title for n in nodes if n.children]
    if first_h1 not in holding:
        return False
    if len(parts) >= MIN_H1_PARTS:
        return True
    kind = _numbering_kind(first_h1 or "")
    series = [t for t in holding if _numbering_kind(t) == kind]
    return kind != "word" and len(series) >= MIN_H1_PARTS


MAX_NAV_TITLE_WORDS = 3


def _before_the_plan(doc: _Document, shaped: Shaped) -> bool:
    """Whether the document's one "#" heading stands before the plan's last step: "#
    References" after every step closes the note, it names nothing."""
    lines = [node.line for top in shaped.nodes for node in top.walk() if node.line]
    return not lines or not doc.h1_lines or doc.h1_lines[0] < max(lines)


def _spells_out(heading: str, short: str) -> bool:
    """The heading gives the short (site navigation) title and more: "Sprint 1 Lesson Plan"
    for "Sprint 1", "Roadmap de Estudos: Inglês - Do Básico à Maestria" for "Inglês"."""
    whole, part = plain_label(heading), plain_label(short)
    if not part or whole == part:
        return False
    within = len(part.split()) <= MAX_NAV_TITLE_WORDS and f" {part} " in f" {whole} "
    return whole.startswith(part + " ") or within


def _named_at_the_top(doc: _Document) -> bool:
    """The text opens with its "#" heading over a few paragraphs and no steps ("# 🚀
    12-Weeks-of-DevOps" / "Welcome to the challenge…"): that heading is its name, whatever a
    later "# Weekly Learning Plan" says."""
    opening = doc.opening_heading
    return (
        opening is not None
        and opening.level == 1
        and opening.title == doc.first_h1
        and not _FILE_NAME_RE.match(opening.title)
        and not any(d.kind in (ITEM, ROW) for d in walk(opening) if d is not opening)
    )


def _plan_named(titles: list[str]) -> str | None:
    """The first of `titles` that names the plan itself, when only one does ("# Tips for a
    Study Plan" is advice about plans, not the name of this one)."""
    named = [
        title
        for title in titles
        if names_a_plan(title) and section_role(title) not in (ADVICE, HOUSEKEEPING)
    ]
    return named[0] if len(named) == 1 else None


_QUOTE_MARK_RE = re.compile(r"^\s{0,3}(?:>\s?)+")
MIN_QUOTED_ENTRIES = 3


@rule("quoted-entries")
def _quotes_a_link(block: SyntaxTreeNode) -> bool:
    """Entries each set in a quote of their own ("> [Algebra I](…) Khan Academy", then
    "> [Geometry](…)"), three such quotes at least in a part, are a list of entries, as
    bullets would be: a quote that starts with a link names a thing to study, not a
    remark."""
    if block.type != "blockquote" or len(block.children) != 1:
        return False
    paragraph = block.children[0]
    inline = inline_of(paragraph) if paragraph.type == "paragraph" else None
    if inline is None or not inline.children:
        return False
    return inline.children[0].type == "link"


# A site generator's page title that says what kind of page it is, not what it teaches.
_GENERIC_PAGE_TITLE_RE = re.compile(
    r"^(?:syllabus|course syllabus|readme|roadmap|home|index|notes|plan|study plan|curriculum"
    r"|overview|untitled|schedule|temario|programa|plan de estudios|sílabo|silabo|ementa"
    r"|lehrplan|programme|大纲|课程大纲|教学大纲|シラバス|강의계획서)$"
)


# "ROADMAP.md", "notes/plan.txt": a file's name, written as a heading by the tool that kept it
_FILE_NAME_RE = re.compile(r"^[\w./-]+\.(?:md|markdown|txt|mdx)$", re.I)


def _names_the_plan_itself(title: str | None) -> bool:
    """A first "#" heading that names the plan ("# Rust Roadmap"), not a file ("# ROADMAP.md")."""
    return names_a_plan(title or "") and not _FILE_NAME_RE.match(title or "")


def build_roadmap(
    text: str,
    *,
    source: str,
    front_title: str | None = None,
    name: str | None = None,
    literal: bool = False,
    _inner: bool = False,
) -> Roadmap:
    """Read Markdown `text` (front matter already removed) into a Roadmap without ids.
    `literal`: roadvault's own outline form, read as written (docs/OUTLINE.md)."""
    line_origin: list[int] | None = None
    text = _blank_comments(text)
    if not literal:
        text = _unquote_headings(text)
        text = _space_numbers(_space_bullets(_space_headings(_html_heading_lines(text))))
        text = _escape_named_tags(_escape_marker_cells(text))
        text = inline_box_diagrams(inline_mermaid(inline_tree_diagrams(text)))
        text, continued = _continue_headless_tables(_fill_delimiter_gaps(text))
        text, line_origin = _glyph_bullets(_indented_outline(_box_lines(text)))
        if continued is not None:
            base = line_origin or list(range(1, text.count("\n") + 2))
            line_origin = [continued[min(at, len(continued)) - 1] for at in base]
    text = _clamp_nesting(text, source)
    doc = _Document(text, source)
    doc.literal = literal
    root = Draft(ROOT)
    blocks = doc.parse(text)
    written = WRITTEN_FORM.set(literal)
    try:
        _Sections(doc, root).feed_all(blocks)
    finally:
        WRITTEN_FORM.reset(written)

    shaped = shape_roadmap(root, source=source, front_title=front_title, literal=literal)

    fence = None if _inner or literal else _markdown_fence(blocks)
    if fence is not None:
        # A whole roadmap pasted inside a ```markdown fence (chat answers do this): read it
        # when the text around it holds (far) fewer items than the fence does.
        first_line = fence.map[0] + 1 if fence.map else 0
        # the page's "#" title names the plan the fence holds, when the fence has none
        outer_name = None if _FENCED_H1_RE.search(fence.content) else doc.first_h1
        inner = build_roadmap(
            "\n" * first_line + fence.content,
            source=source,
            front_title=front_title,
            name=name or outer_name,
            _inner=True,
        )
        if _fence_holds_the_roadmap(shaped.nodes, inner):
            logger.info("%s: reading the roadmap inside the ```markdown block", source)
            fired("fenced-roadmap", fence.map[0] + 1 if fence.map else None, "note")
            return inner
    h1s = set(doc.h1_titles)
    holding_h1s = [n for n in shaped.nodes if n.title in h1s and n.children]
    if len({_numbering_kind(n.title) for n in holding_h1s}) > 1:
        holding_h1s = []  # "# timetable" over "# 1/po:", "# 2/út:": a name over numbered days
    parts = (
        # a part holds its steps right under it; an H1 over sections may name the whole;
        # but where three H1s or more each hold steps, grouped or not ("#
        # Essenciais" › "- [ ] **Praticar:**" › its boxes), the first is a part like them
        {n.title for n in shaped.nodes if n.children and all(c.is_leaf for c in n.children)}
        | ({n.title for n in holding_h1s} if len(holding_h1s) >= MIN_H1_PARTS else set())
        if len(doc.h1_titles) >= MIN_H1_PARTS
        else set()
    )
    # a candidate with no letter or digit (a heading that is only "#  :") names nothing
    h1_before_the_plan = _before_the_plan(doc, shaped)
    h1_is_a_part = _first_h1_is_a_part(doc.first_h1, parts, shaped.nodes)
    candidates = (
        doc.banner_title,  # the <h1> of a README's centred banner names the whole document
        doc.stacked_title(),
        shaped.title,
        doc.chat_title,
        # "# Daily Execution Rule", then "# 🚀 Six-Month Engineering Roadmap": the plan's name
        _plan_named([t for t in doc.h1_titles if not _FILE_NAME_RE.match(t)])
        if not _names_the_plan_itself(doc.first_h1) and not _named_at_the_top(doc)
        else None,
        # "# Pick a Language" over its boxes, then "# Data Structures": a part, not the name
        doc.first_h1 if not h1_is_a_part and h1_before_the_plan else None,
        # a chat answer's one "#" heading after its opening lines names the plan; not when
        # it heads the first of the parts ("# Week 1 - …" over "## Week 2 - …" and on)
        doc.h1_titles[0]
        if len(doc.h1_titles) == 1
        and h1_before_the_plan
        and not (h1_is_a_part and doc.h1_titles[0] == doc.first_h1)
        else None,
        doc.first_heading if names_a_plan(doc.first_heading) else None,
        # "## Your 30-Day Game Dev Plan" opened over the weeks of a chat answer
        shaped.wrapper[0] if shaped.wrapper and names_a_plan(shaped.wrapper[0]) else None,
        doc.opening_title(),
        doc.ruled_title,
        # a text file's first line, above parts framed by rules ("-----" / "STAGE 1" / "-----")
        # or the document's very first line, alone, above its headings ("✅ CHECKLIST …")
        doc.first_line_title
        if not doc.has_atx_heading or doc.opens_at(doc.first_line_at)
        else None,
    )
    named = next(
        (
            t
            for t in candidates
            # "# ROADMAP.md": the file the text was kept in, not its name; "-->> https://…":
            # an address points somewhere, it names nothing
            if t
            and _NAMES_RE.search(_ADDRESS_RE.sub("", t.replace("**", "")))
            and not _FILE_NAME_RE.match(t)
        ),
        None,
    )
    named = doc.written_names.get(named, named) if named else named
    if front_title and named and _GENERIC_PAGE_TITLE_RE.match(plain_label(front_title)):
        front_title = None  # "title: Syllabus" over "# Physics II": the page's kind, its name
    if front_title and named and _spells_out(named, front_title):
        front_title = None  # "title: Sprint 1" over "# Sprint 1 Lesson Plan": its full name
    chosen = name or front_title or named or title_from_source(source)
    chosen = remove_controls(chosen.replace("**", "")) or title_from_source(source)
    nodes = shaped.nodes
    if not literal:
        wrapper, wrapper_line = shaped.wrapper or (chosen, None)
        nodes = gather_flat_plan(nodes, wrapper, wrapper_line)
    if line_origin is not None:
        for top in nodes:
            for node in top.walk():
                if node.line is not None and 0 < node.line <= len(line_origin):
                    node.line = line_origin[node.line - 1]
    show_numbering(nodes, shaped.numbers)
    return Roadmap(title=chosen, source=source, nodes=nodes, notes=shaped.notes)
