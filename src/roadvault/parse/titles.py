"""Titles: markdown-it inline nodes → visible text, and the clean-up people expect of a title.

Pure. `inline_lines` turns an inline node into one `InlineText` per source line (soft and hard
breaks split lines), remembering links, bold-only lines and images. `clean_title` takes the
visible text and removes what is decoration, not name: emphasis left-overs, emoji bullets,
numbering ("1.", "Step 1:", "Phase 2 –"), trailing colons, control characters, and the
duration and pace (returned separately).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath

from markdown_it.tree import SyntaxTreeNode

from roadvault.parse.durations import ORDINAL, WRITTEN_FORM, parse_duration, split_duration

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\ufeff]")
_BREAK_RE = re.compile(r"[\r\u2028\u2029]")
_WIKILINK_RE = re.compile(r"(!?)\[\[([^\[\]|#^]*)(?:#\^?([^\[\]|]*))?(?:\|([^\[\]]*))?\]\]")
# "[^1]" footnote references ("[^]" one not numbered yet), and "[1][2]" citations a chat
# answer puts after a word.
_FOOTNOTE_REF_RE = re.compile(r"\[\^[^\]\s]{0,40}\]|(?<=[^\s\[])(?:\[[1-9]\d?\])+(?=[.,;:]?\s*$)")
# A reference number ("[1] [Title](url)") is no checkbox: statuses are letters and symbols.
# "[x ] Connect to GitHub", "[ x] …": a tick typed with a stray space is a tick all the same
_TASK_RE = re.compile(
    r"^\[([^\]\n0-9])\ufe0f?\](?:\s+|$)|^\[\](?:\s+|$)|^\[([ xX])\](?=[^\s\[(])"
    r"|^\[ ?([xX]) ?\](?:\s+|$)"
)
# Check marks written inside the brackets ("[✔️]", "[✓]") mean done, like "[x]".
# Every mark a roadmap uses to show a state, wherever it stands.
STATUS_MARKS = frozenset("✅✔☑⬜☐❌⏳🔄➖✓✗✘🔲🔒")
# "[√]" (a square-root sign typed for a tick), "[v]" / "[V]" (a tick typed as a letter),
# "[:thumbsup:]" (a thumbs-up shortcode beside "[ ]" and "[:hourglass:]" boxes: the ones passed)
_CHECK_GLYPHS = frozenset("✔✓☑✅√vV✗✘👍")
_DONE_GLYPHS = frozenset("✔✓☑✅√vV👍")
# A status glyph at the start of an item ("✅ Arrays", "⏳ Trees"): read as a status only in a
# document that uses several of them (see parse/statuses.py), never alone.
STATUS_GLYPHS = {
    "✅": "x",
    "✔": "x",
    "☑": "x",
    "✓": "x",
    "⏳": "/",
    "🔄": "/",
    "🚧": "/",
    "⌛": "/",
    "⬜": " ",
    "☐": " ",
    "🔲": " ",
    "➖": " ",
    "❌": " ",
    "🔳": " ",
    "🛑": " ",
    "🔒": " ",  # locked: not open to the learner yet
    "✗": " ",
    "✘": " ",
    "✕": " ",
    "╳": " ",
}
# 🟢 done, 🟡 under way, 🔴 not yet: coloured squares and dots as a tracker's traffic light
# (read so only where the place says it is a state: in a box, in a status column)
TRAFFIC_LIGHTS = {
    **dict.fromkeys("🟩🟢", "x"),
    **dict.fromkeys("🟨🟡🟧🟠", "/"),
    **dict.fromkeys("🟥🔴", " "),
}
# "✓ [Lesson 1](…)", "╳[Lesson 2](…)": the name may follow the mark without a space
_STATUS_GLYPH_RE = re.compile("^(" + "|".join(re.escape(g) for g in STATUS_GLYPHS) + ")\ufe0f?")
# "**HTML Basics** ✅", "Accessibility 🛑": the same marks written after the title.
# "Continue the course ✅⏳": marks run together, the entry partly done
# "Ch1  √": after a name, a square-root sign is a tick typed on a keyboard without one
# (before a name it may be mathematics: "√2")
_TRAILING_GLYPHS = {**STATUS_GLYPHS, "√": "x"}
_TRAILING_STATUS_GLYPH_RE = re.compile(
    # "Arrays ✅", and in CJK text with no space: "第1周 - 经典ML（Day1-7）✅"
    "(?:\\S[*_]*\\s+|[)）\\]」』\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][*_]*)((?:(?:"
    + "|".join(re.escape(g) for g in _TRAILING_GLYPHS)
    + ")\ufe0f?){1,3})[*_]*\\s*$"
)
_CALLOUT_RE = re.compile(r"^\[!([A-Za-z][\w-]*)\]([+-]?)\s*(.*)$")
# Obsidian Tasks fields at the end of a task: dates, priorities, recurrence, ids.
_TASKS_FIELD_RE = re.compile(
    r"\s*(?:[📅⏳🛫✅➕❌]\ufe0f?\s*\d{4}-\d{2}-\d{2}|[⏫🔼🔽⏬🔺]\ufe0f?"
    r"|🔁\ufe0f?\s*every[\w ,]*|🆔\ufe0f?\s*[\w-]+|⛔\ufe0f?\s*[\w,-]+)"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:\d{{4}}[-./]\d{{1,2}}(?:[-./]\d{{1,2}})?|\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?)"
)
# "[May 19, 2025 - May 25, 2025]", "(2020.5.25-2020.5.31)": when, not what.
_DATE_GROUP_RE = re.compile(
    rf"\s*(?:[-–—:|]\s*)?[\[(（]\s*[^\[\]()（）]*?{_DATE}[^\[\]()（）]*[\])）]", re.I
)
_BLOCK_ID_RE = re.compile(r"\s+\^[A-Za-z0-9-]+\s*$")
# "## Basics {#basics}", "{ .lg .middle } Module 1", "Setup {: .note }": an attribute list
# (Pandoc, kramdown, MkDocs) styles or anchors the line; the reader never sees it.
_ATTR = r"""(?:[.#][\w-]+|[\w-]+=(?:"[^"]*"|'[^']*'|[^\s}]+))"""
_ATTR_LIST_RE = re.compile(rf"\s*\{{:?\s*{_ATTR}(?:\s+{_ATTR})*\s*\}}\s*")
# "@(2019-04-15 00:17)": a completion stamp some trackers append; the date, not the title.
# Obsidian tags after a title ("MySQL #to-learn", "Kanban #learned #pm"): labels, not name.
# "C#" and "#1" are no tags: a tag follows a space and starts with a letter.
_TRAILING_TAGS_RE = re.compile(r"(?:\s+#[^\W\d_][\w/-]*)+\s*$")
# "학습 세부 항목 (펼쳐보세요)", "Week 1 (click to expand)": how to open a group, not its name.
_EXPAND_HINT_RE = re.compile(
    r"\s*[(（\[](?:click(?: here)? to (?:expand|open|see more)|expand|tap to expand|펼쳐보세요"
    r"|펼치기|클릭|클릭해서 펼치기|展开|点击展开|點擊展開|クリックで展開|クリックして展開"
    r"|clic para expandir|haz clic para expandir|clique para expandir|cliquez pour développer)"
    r"[)）\]]\s*$",
    re.I,
)
# "#include", "#define": a C preprocessor directive is the step itself, never a tag.
_DIRECTIVE_RE = re.compile(
    r"^#(?:include|define|undef|ifn?def|if|elif|else|endif|pragma|error|line)\b"
)
# "[B3 – Ball physics] (issues/B3.md)": a link typed with a space before its address, which
# Markdown does not read as a link; the brackets and the address are not the title.
_SPACED_LINK_RE = re.compile(
    r"\[(?P<text>[^\[\]\n]{1,200})\]\s+\((?P<href>[^()\s]*[/.#][^()\s]*)\)"
)
# "1. Gün: Giriş", "3. Woche - Loops", "2. tydzień": the number first, as Turkish, German,
# Polish, Czech, Hungarian and the Nordic languages write an ordinal; the same as "Gün 1".
_NUMBER_BEFORE_UNIT_RE = re.compile(
    r"^(?P<number>\d{1,3})\.\s*(?P<unit>gün|hafta|ay|ders|tag|woche|monat|lektion|kapitel"
    r"|einheit|dzień|tydzień|miesiąc|lekcja|týden|den|lekce|uke|dag|vecka|nap|hét|hónap)"
    r"(?=\s*(?:[:：\-–—|]|$))",
    re.I,
)
# Words that leave a title unfinished without what follows them ("check out", "visit").
_WANTS_AN_OBJECT_RE = re.compile(
    r"\b(?:check(?: it)? out|see|visit|read|watch|try|use|at|on|to|from|via|in|of|for|with"
    r"|the|this|and|or)\s*$",
    re.I,
)
# "[Coursera: ML](https://www.coursera.org/learn" with no ")": a link the line cut off.
_UNCLOSED_LINK_RE = re.compile(
    r"\[(?P<text>[^\[\]\n]{1,200})\]\((?P<href>(?:https?://|www\.)[^()\s]*)\s*$"
)
# "… | https://t.me/post/1", "Functions: https://youtu.be/…", "Loops - https://…",
# "Loops https://…": an address written at the end of a title.
# An address inside an aside ("(see https://….)") stays where it is.
# It starts only where a run of spaces does, so a long run is walked once, not once a space.
_BARE_URL_TAIL_RE = re.compile(
    r"(?<!\s)(?:\s*\||\s*[:：]|\s+[-–—])?\s+(https?://(?:[^\s()]|\([^\s()]*\))+)\s*$"
)
# "Networking | globe | concept": one-word lowercase tags after bars (an icon, a kind).
_TAG_TAIL_RE = re.compile(r"\s+\|\s+([a-z][a-z0-9-]{1,15})\s*$")
# PlainTasks / TaskPaper tags: "@done (2018-11-04 21:17)", "@started(…)", "@high".
_TASK_TAG_RE = re.compile(
    r"(?:^|\s)@(?P<tag>done|cancell?ed|started|created|lasted|wasted|due|today|critical|high"
    r"|low|flag)\b(?:\s*\((?P<value>[^()\n]{0,40})\))?(?=\s|$)",
    re.I,
)
_DONE_STAMP_RE = re.compile(r"\s*@\(\s*(\d{4}-\d{2}-\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s*\)")
# "Variables — _Last Reviewed: yyyy-mm-dd_": a field of the template still to fill in, a date
# written as its pattern; nothing the learner studies.
_BLANK_DATE = (
    r"(?:y{4}|y{2})[-/.]m{1,2}[-/.]d{1,2}|d{1,2}[-/.]m{1,2}[-/.](?:y{4}|y{2})|m{1,2}/d{1,2}/y{2,4}"
)
_BLANK_FIELD_TAIL_RE = re.compile(
    rf"(?:\s*[—–|]\s*|\s+-\s+|\s+|(?=[(（]))[(（]?[*_]*"
    rf"(?:[^\W\d][^:：\n—–|()]{{0,30}}[:：]\s*)?(?:{_BLANK_DATE})[*_]*[)）]?\s*$",
    re.I,
)
# "🟩🟩🟩⬜⬜ 60%": a progress bar drawn in the title.
_PROGRESS_BAR_RE = re.compile(r"\s*[🟩🟦🟨🟧🟥🟪⬜⬛█▓▒░■□▰▱●○☐☑☒]{3,}\s*(?:\d{1,3}(?:\.\d)?\s*%)?")


def shows_progress_bar(text: str) -> bool:
    """ "**Progress:** ☐☐☐☐☐☐", "███░░ 60%": a line that draws how far the learner is."""
    return bool(_PROGRESS_BAR_RE.search(text))


# "@article@ Title", "@video@ Title": a resource type written before the title.
# "@article@ Title" (a type prefix); "Title: Data Science" / "Name: …" (a form's field name)
_TYPE_PREFIX_RE = re.compile(
    r"^(?:@[a-z]{2,12}@\s*|(?:\*\*|__)?(?:title|name|t[íi]tulo|nombre|nome|titre|标题|名称|タイトル"
    r"|제목|название)\s*[:：]\s*(?:\*\*|__)?\s*(?=\S))",
    re.I,
)
# "1 > Title", "2 ) Title" after an emoji: a list decoration with a number.
_NUMBER_ARROW_RE = re.compile(r"^\d{1,3}\s*[>»›]\s+")
# Month names as dates write them ("Oct 10th", "June 27"), for date-shaped text.
MONTH_NAMES = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_KEYCAP_RE = re.compile(r"^[0-9#*]\ufe0f?\u20e3\s*")
_DECORATION_CHARS = set("•◦▪▫‣⁃►▸▶→⇒➔➜➤»«✓✔✗✘☐☑☒·")
_NUMBERING_RE = re.compile(
    r"^(?!\d{1,3}\.0\d)(?:#?\d{1,3}(?:\.\d{1,2})*[.):]|\d{1,3}[a-h][.)]|\d{1,3}(?:\.\d{1,2})+|\(\d{1,3}\)"
    r"|[IVXLC]{1,6}[.)]|[A-H][.)]|\d{1,3}\s*[-–—>»›])\s+"
    # "1.1 to 1.7": the first number of a range is the title's, not its numbering
    r"(?!(?:to|through|thru|till|until|bis|até|hasta|à|au|до|по)\s+#?\d)"
    # "7.参考文献", "3、数据结构": CJK text needs no space after the number
    r"|^\d{1,3}[.．、)）](?=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])"
    # "⑤ 알고리즘", "❷ Basics", "Ⅲ. Advanced": circled and Roman-numeral characters
    r"|^[\u2460-\u2473\u2776-\u2793\u2160-\u216b](?:[.．、)）:：]\s*|\s+)"
)
_ORDINAL_NUMBER = (
    # "Step 4-5 done" is a range of steps, not "Step 4" and a title "5 done"
    r"(?:\d{1,3}(?:\.\d{1,3})*(?!\s*[-–—~]\s*\d)|[ivxlc]{1,6}\b|[a-h]\b|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty)\s*[:：.)\]|–—-]+\s*"  # "Chapter 10 Summary" keeps its words
)
# "Phase 1: Core": the words that only say where a part stands in the plan. The rules read
# the title without them; the learner sees them again, as the author's numbering
# (`_split_numbering`), and ids and note names are made without them (`without_numbering`).
_PHASE_WORD_RE = re.compile(
    # "PART: 2: DOCUMENT": a colon may stand between the word and its number
    rf"^(?:phase|stage|step|part|module|level|unit|section|m(?=\d))\s*(?::\s*(?=\d))?"
    rf"{_ORDINAL_NUMBER}",
    re.I,
)
# "Chapter 3: Loops", "Track A — Godot", "Project 2: Chat app" keep their label: it names the
# kind of part (a chapter of a book, a track, a project), as the author wrote it. Ids are made
# without it (see `without_kind_label`), as they were when these labels were cut.
_KIND_WORD_RE = re.compile(
    rf"^(?:chapter|milestone|lesson|tier|sprint|track|round|session|topic|period|block|task"
    rf"|exercise|project)\s*{_ORDINAL_NUMBER}",
    re.I,
)


def without_kind_label(title: str) -> str:
    """ "Chapter 3: Loops" → "Loops" (a title that is only the label stays)."""
    bare = strip_decorations(_KIND_WORD_RE.sub("", title, count=1)).strip()
    return bare if any(char.isalpha() for char in bare) else title


_ORDER_WORD_RE = re.compile(
    r"^(?:phase|stage|step|part|module|level|unit|chapter|milestone|lesson|week|month|day"
    r"|hour|session|sprint|class|lecture|sesi[óo]n|sess[ãa]o|s[ée]ance|sitzung|lektion|clase|aula"
    r"|m[óo]dulo|fase|etapa|semana|mes|d[íi]a|unidad|[ée]tape|semaine|mois|jour|woche|monat"
    r"|tag|этап|неделя|месяц|день)s?"
    r"\s*(?:\d{1,3}|[ivxlc]{1,6})\b",
    re.I,
)
# "Pathway 3", "Part 2 - …": a word and a number, a place and no topic.
_NUMBERED_NAME_RE = re.compile(r"^[^\W\d_]{2,20}\s*\d{1,3}(?![\w.])")
# a backslash at the end is a hard break pandoc wrote ("Week 1 --- Core\\"), not text
_TRAILING_PUNCT = frozenset(":：-–—|\\")


@dataclass(slots=True)
class InlineText:
    """The visible text of one line of an inline node."""

    text: str = ""
    raw: str = ""  # the Markdown source of the line (links kept as [text](url))
    links: list[tuple[str, str]] = field(default_factory=list)  # (visible text, href)
    bold_text: str = ""  # the part of `text` inside strong emphasis
    outside_bold: str = ""  # the part of `text` outside strong emphasis
    images: int = 0
    anchor_links: int = 0  # links to "#…" (in-page navigation)
    hard_break: bool = False  # the line ends in a hard break ("…  " or "…\\")

    @property
    def bold_only(self) -> bool:
        """Bold is the whole line, apart from decorations, punctuation and a duration."""
        if not self.bold_text.strip():
            return False
        rest = strip_decorations(self.outside_bold)
        rest = re.sub(r"[\s:：.,;!?|\-–—()\[\]]+", " ", rest).strip()
        return not rest or parse_duration(rest) is not None

    @property
    def link_only(self) -> bool:
        """The line is one or more links and nothing else (besides separators)."""
        if not self.links:
            return False
        rest = self.text
        for visible, _href in self.links:
            rest = rest.replace(visible, " ", 1)
        return not re.sub(r"[\s,;|·•\-–—:]+", "", strip_decorations(rest))

    @property
    def image_only(self) -> bool:
        return self.images > 0 and not strip_decorations(self.text).strip()


# "\_" inside a link's alias is the alias's own; "\[" and a table's "\|" are not undone
_ESCAPED_NOT_BRACKET_RE = re.compile(r"\\([^\[\]|])")


def _render_wikilinks(text: str, source: str | None = None) -> str:
    """Obsidian's "[[page|alias]]" as the words it shows. Brackets the source escaped
    ("\\[\\[MX-XX\\]\\]", as the outline form writes literal ones) are text, not a link."""

    # "[[25章#^320bbc|25.1 \\_exit()]]": other escapes inside the link are its text's own
    written = None if source is None else _ESCAPED_NOT_BRACKET_RE.sub(r"\1", source)

    def visible(match: re.Match[str]) -> str:
        if written is not None and match.group(0) not in written:
            return match.group(0)
        embed, page, heading, alias = match.groups()
        if embed:
            return ""
        if alias and alias.strip():
            return alias.strip()
        page = (page or "").strip()
        heading = (heading or "").strip()
        if heading and page:
            return f"{page} > {heading}"
        return heading or page

    return _WIKILINK_RE.sub(visible, text)


_FORMATTING_TAGS = frozenset(
    re.split(
        r"\s+",
        "a abbr b bdi bdo big br cite code del dfn em font i img ins kbd mark q s samp small"
        " span strike strong sub sup time tt u var wbr",
    )
)
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][\w-]*)")


def _is_generic(
    tag: str, before: str, closed: frozenset[str], attached: frozenset[str] = frozenset()
) -> bool:
    """`<T>` right after a name ("Option<T>") or a tag no HTML has ("<Vec>"): text. So is a
    lone structural tag named in a title ("Headings (<h1> to <h6>)"); a tag closed in the
    same text (`<li>…</li>`), one written right against the text it wraps (`<li>Git`), a
    closing tag, or one that formats text (<b>, <code>) is markup."""
    match = _TAG_NAME_RE.match(tag)
    if match is None:
        return tag.startswith("<!") and not tag.startswith("<!--")  # "<!DOCTYPE html>"
    name = match.group(1).lower()
    if tag.startswith("</"):
        return False
    if before[-1:].isalnum():
        return True
    if name in closed or tag in attached:
        return False
    return name not in _FORMATTING_TAGS


def _closes_in(tag: str, closed: frozenset[str]) -> bool:
    match = _TAG_NAME_RE.match(tag)
    return tag.startswith("</") or (match is not None and match.group(1).lower() in closed)


# Python's special names, which Markdown reads as bold when written bare ("__init__").
_DUNDER_NAMES = frozenset(
    {
        "name",
        "main",
        "init",
        "str",
        "repr",
        "call",
        "len",
        "eq",
        "ne",
        "lt",
        "gt",
        "le",
        "ge",
        "hash",
        "bool",
        "iter",
        "next",
        "getitem",
        "setitem",
        "delitem",
        "contains",
        "enter",
        "exit",
        "new",
        "del",
        "dict",
        "slots",
        "class",
        "doc",
        "file",
        "all",
        "future",
        "builtins",
        "add",
        "sub",
        "mul",
        "getattr",
        "setattr",
        "getattribute",
        "post_init",
        "await",
        "aiter",
        "anext",
        "format",
    }
)


def _dunder_name(strong: SyntaxTreeNode) -> str | None:
    """ "__init__" for a strong span typed "__init__" around one of Python's special names."""
    if strong.markup != "__" or len(strong.children) != 1 or strong.children[0].type != "text":
        return None
    word = strong.children[0].content
    return f"__{word}__" if word in _DUNDER_NAMES else None


def inline_lines(inline: SyntaxTreeNode | None) -> list[InlineText]:
    """The visible text of an inline node, one entry per source line."""
    if inline is None:
        return []
    lines: list[InlineText] = [InlineText()]

    def add(text: str, bold: bool) -> None:
        line = lines[-1]
        line.text += text
        if bold:
            line.bold_text += text
        else:
            line.outside_bold += text

    def walk(node: SyntaxTreeNode, bold: bool, link: tuple[str, str] | None) -> None:
        for at, child in enumerate(node.children):
            kind = child.type
            if kind == "text":
                add(_render_wikilinks(child.content, content), bold)
            elif kind == "code_inline":
                add(child.content, bold)
            elif kind in ("softbreak", "hardbreak"):
                if link is None:
                    lines[-1].hard_break = kind == "hardbreak"
                    lines.append(InlineText())
                else:
                    add(" ", bold)
            elif kind == "image" and _NOTE_FILE_RE.search(str(child.attrs.get("src", ""))):
                # "![Pętla for](for.md)": a link to a note typed with a "!", not a picture
                href = str(child.attrs.get("src", ""))
                before = len(lines[-1].text)
                walk(child, bold, (href, ""))
                lines[-1].links.append((lines[-1].text[before:].strip(), href))
            elif kind == "image":
                lines[-1].images += 1
            elif kind == "link":
                href = str(child.attrs.get("href", ""))
                before = len(lines[-1].text)
                walk(child, bold, (href, ""))
                visible = lines[-1].text[before:].strip()
                if href.startswith("#"):
                    lines[-1].anchor_links += 1
                if visible or href:
                    lines[-1].links.append((visible, href))
                if _REFERENCE_MARK_RE.fullmatch(visible) and lines[-1].text[:before].strip():
                    references.append((len(lines) - 1, before, len(lines[-1].text), visible))
            elif kind == "strong" and (dunder := _dunder_name(child)):
                add(dunder, bold)  # "__name__ e __main__": Python's names, not bold
            elif kind == "strong":
                walk(child, True, link)
            elif kind == "html_inline":
                # named in a list of tags ("(<br>, <hr>)", "Adding images (<img>)")
                named = lines[-1].text.rstrip().endswith(("(", ",", "，")) and not (
                    _closes_in(child.content, closed_tags)
                )
                if re.match(r"<br\s*/?>", child.content, re.I):
                    after = node.children[at + 1] if at + 1 < len(node.children) else None
                    # "(<br>, <hr>)" names the tag; "…, <br>[Next](…)" breaks the line
                    listed = after is not None and after.type == "text"
                    listed = listed and after.content.lstrip().startswith((",", ")", "，", "、"))
                    add(child.content if named and listed else " ", bold)
                elif named or _is_generic(
                    child.content, lines[-1].text, closed_tags, attached_tags
                ):
                    add(child.content, bold)  # "Box<T>", "Vec<String>": code, not a tag
            elif child.children:
                walk(child, bold, link)

    content = inline.content or ""
    closed_tags = frozenset(name.lower() for name in re.findall(r"</([A-Za-z][\w-]*)", content))
    attached_tags = frozenset(re.findall(r"<[A-Za-z][^<>]*>(?=\w)", content))
    references: list[tuple[int, int, int, str]] = []
    walk(inline, False, None)
    _drop_trailing_references(lines, references)
    raw_lines = (inline.content or "").split("\n")
    if len(raw_lines) == len(lines):
        for line, raw in zip(lines, raw_lines, strict=True):
            line.raw = raw.strip()
    else:
        joined = " ".join(part.strip() for part in raw_lines)
        for line in lines:
            line.raw = ""
        lines[0].raw = joined
    return lines


# A page of text a local link opens ("for.md", "notes/std.html"); pictures are all else.
_NOTE_FILE_RE = re.compile(
    r"^(?![a-z][\w+.-]*:)[^?#]*\.(?:md|markdown|html?|txt|ipynb)(?:[?#].*)?$", re.I
)


# "React [1 ⇲](…) [2 ⇲](…)", "Pods [[3]](…)", "Docker [🔗](…)": links after a name that
# number or mark the sources behind it. A lone plain digit ("Chapter [1](…)") may be the name.
_REFERENCE_MARK_RE = re.compile(
    r"[\[(]?\d{1,2}[\])]?\s*[^\w\s]{1,2}|[\[(]\d{1,2}[\])]|[^\w\s]{1,2}|\d{1,2}"
)


def _drop_trailing_references(
    lines: list[InlineText], references: list[tuple[int, int, int, str]]
) -> None:
    """Cut the reference links that end a line from its visible text (they stay links)."""
    for index, line in enumerate(lines):
        spans = [(start, end, seen) for at, start, end, seen in references if at == index]
        plain = [seen for _, _, seen in spans if seen.isdigit()]
        if len(plain) == 1 and len(spans) == 1:
            continue  # "Chapter [1](…)": one bare number may be part of the name
        cut = len(line.text)
        for start, end, _ in reversed(spans):
            if line.text[end:cut].strip(" \t,;") or not line.text[:start].strip():
                break
            cut = start
        if cut < len(line.text):
            line.text = line.text[:cut].rstrip(" \t,;")


def join_lines(lines: list[InlineText]) -> InlineText:
    """Several lines read as one (a hard-wrapped sentence)."""
    if len(lines) == 1:
        return lines[0]
    joined = InlineText()
    for line in lines:
        sep = " " if joined.text else ""
        joined.text += sep + line.text
        joined.raw = (joined.raw + "\n" + line.raw).strip("\n")
        joined.links += line.links
        joined.bold_text += sep + line.bold_text
        joined.outside_bold += sep + line.outside_bold
        joined.images += line.images
        joined.anchor_links += line.anchor_links
    return joined


def remove_controls(text: str) -> str:
    """Control characters out, whitespace collapsed."""
    return " ".join(_CONTROL_RE.sub("", _BREAK_RE.sub(" ", text)).split())


def _is_decoration(char: str) -> bool:
    if char in _DECORATION_CHARS or char.isspace():
        return True
    return unicodedata.category(char) in ("So", "Sk", "Cf", "Mn", "Me", "Co", "Cs")


def strip_decorations(text: str) -> str:
    """Emoji, bullets and symbols off both ends ("🔰 Phase 1 ✅" → "Phase 1")."""
    text = _KEYCAP_RE.sub("", text)
    start, end = 0, len(text)
    while start < end and _is_decoration(text[start]):
        start += 1
    while (
        end > start
        and (
            _is_decoration(text[end - 1])
            # "Ch1  √": a tick typed as a square-root sign, after the name and a space
            or (text[end - 1] == "√" and text[start : end - 1].endswith((" ", "\t")))
        )
    ):
        if text[end - 1] == "»" and "«" in text[start : end - 1]:
            break  # the close of a «quotation», not an arrow
        if _marks_a_letter(text, start, end):
            break  # "หาไฟล์", "सीखें": the word's own vowel or tone mark
        end -= 1
    if start >= end and _OPERATOR_RE.fullmatch(text.strip()):
        return text.strip()  # "^", "<<": an operator to learn, not a decoration
    return text[start:end]


# "^", "~", "<<", ">>=": a title that is an operator of a language (a bitwise lesson's list).
_OPERATOR = r"[\^~<>|!=%&+]{1,3}"
_OPERATOR_RE = re.compile(_OPERATOR)
# "^ (3 weeks)": an operator, then at most its length in brackets
_OPERATOR_TITLE_RE = re.compile(rf"\s*{_OPERATOR}(?=\s*(?:[(\[（【][^()\[\]]*[)\]）】])?\s*$)")


def _marks_a_letter(text: str, start: int, end: int) -> bool:
    """The combining marks ending text[start:end] sit on a letter or digit: in Thai, Hindi
    or Arabic they are part of the word; after an emoji (a variation selector) they are not."""
    base = end
    while base > start and unicodedata.category(text[base - 1]) in ("Mn", "Mc"):
        if "\ufe00" <= text[base - 1] <= "\ufe0f":
            return False
        base -= 1
    return base < end and base > start and text[base - 1].isalnum()


def split_task_marker(text: str) -> tuple[str | None, str]:
    """("x", rest) for "[x] rest"; (None, text) when the text is not a task."""
    match = _TASK_RE.match(text)
    if not match:
        return None, text
    # "[ ]Paging": a box typed without the space after it is a box all the same
    marker = next((g for g in match.groups() if g is not None), " ")
    if marker in _CHECK_GLYPHS:
        marker = "x" if marker in _DONE_GLYPHS else " "
    # "[🔄] Pulling walls", "[⬜] Trimming": the tracker's own marks in the box
    return STATUS_GLYPHS.get(marker, marker), text[match.end() :]


def leading_status_glyph(text: str) -> str | None:
    """The checkbox a leading status glyph stands for ("✅ Arrays" → "x"), or None."""
    match = _STATUS_GLYPH_RE.match(text.lstrip())
    return STATUS_GLYPHS[match.group(1)] if match else None


def trailing_status_glyph(text: str) -> str | None:
    """The checkbox a status glyph after the title stands for ("**Arrays** ✅" → "x",
    "Trees 🛑" → " "), or None."""
    match = _TRAILING_STATUS_GLYPH_RE.search(text)
    if not match:
        return None
    marks = match.group(1).replace("\ufe0f", "")
    states = {_TRAILING_GLYPHS[g] for g in marks if g in _TRAILING_GLYPHS}
    if len(states) > 1:
        return "/"  # "✅⏳": partly done, under way
    return states.pop() if states else None


# "Hello World✔️[7/24/22]", "Arrays ✅ 2024-03-01", "Heaps (2024-03-01) ✓": a tick with the
# date beside it is a completion stamp (nobody dates a decoration).
_DATE = r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}"  # day, month and year: "0/10" is a count
_TICK = r"[✔✓✅☑]\ufe0f?"
_DATED_TICK_RE = re.compile(
    rf"(?:{_TICK}[*_]*\s*[\[(（]?\s*(?P<after>{_DATE})\s*[\])）]?"
    rf"|[\[(（]?\s*(?P<before>{_DATE})\s*[\])）]?\s*{_TICK})[*_]*\s*$"
)


def dated_tick(text: str) -> str | None:
    """The date of a completion stamp ending the text ("Intro✔️[7/24/22]" → "7/24/22")."""
    match = _DATED_TICK_RE.search(text)
    if not match or not text[: match.start()].strip():
        return None
    return match["after"] or match["before"]


def split_callout(text: str) -> tuple[str, str] | None:
    """(type, title) for "[!note] Title" / "[!tip]- Title"; None otherwise."""
    match = _CALLOUT_RE.match(text.strip())
    if not match:
        return None
    return match.group(1).lower(), match.group(3).strip()


@dataclass(frozen=True, slots=True)
class TitleParts:
    title: str
    duration: str | None = None
    planned_days: tuple[float, float] | None = None
    extra: tuple[str, ...] = ()  # text taken off the title that belongs in the notes
    numbering: str = ""  # the author's number the title started with ("1.", "2.3", "IV.")


def _strip_emphasis_leftovers(text: str) -> str:
    """Unbalanced emphasis markers Markdown left as text ("**Title", "Title_", "~~ Write")."""
    text = _DUNDER_RE.sub("\0\0\\1\0\0", text)  # "__init__" keeps its underscores
    text = text.replace("**", "").replace("__", "").replace("~~", "")
    text = text.replace("\0\0", "__")
    for mark in "*_":
        if text.count(mark) == 1 and not _STARRED_NAME_RE.search(text):
            text = re.sub(rf"^\{mark}(?=\S)|(?<=\S)\{mark}$", "", text)
    return text


_DUNDER_RE = re.compile(rf"(?<!\w)__({'|'.join(sorted(_DUNDER_NAMES))})__(?!\w)")
# "A*", "IDA*": a search algorithm's name ends in its star, no emphasis left open.
_STARRED_NAME_RE = re.compile(r"(?:^|[\s,(])[A-Z]{1,3}\*$")


# "第一阶段：", "第2章 ", "1단계:", "ステップ1：": ordinal labels in Chinese, Japanese, Korean.
# "第四", "第 2": the ordinal a Chinese or Japanese part name opens with.
_CJK_NTH = r"第\s*[一二三四五六七八九十百\d]{1,4}\s*"
_CJK_ORDINAL_RE = re.compile(
    rf"^(?:{_CJK_NTH}(?:阶段|階段|部分|篇|章|节|節|步|部|期|单元|單元|课|課|回|讲|講)"
    r"|\d{1,3}\s*단계|ステップ\s*\d{1,3}|[一二三四五六七八九十]{1,3}[、.．])\s*[：:、.．\-–—]?\s*"
)


# "Fase 1:", "Módulo 2 –", "Étape 3": a place in the plan in other languages. These (and the
# CJK ones) count as numbering but stay in the title: they are the author's words, and
# the vault's own numbering does not translate them.
_FOREIGN_PHASE_RE = re.compile(
    r"^(?:m[óo]dulo|fase|etapa|unidad|unidade|cap[íi]tulo|lecci[óo]n|aula|paso|nivel|tema"
    r"|[ée]tape|partie|chapitre|le[çc]on|niveau|modul|kapitel|teil|stufe|lektion"
    r"|этап|шаг|модуль|уровень|часть|глава|урок"
    # Vietnamese, Indonesian, Turkish, Italian, Polish, Dutch slots and stages
    r"|tuần|tháng|ngày|giai đoạn|bài|chương|hari|minggu|bulan|tahap|bab|pertemuan|sesi"
    r"|hafta|gün|aşama|bölüm|ders|settimana|giorno|mese|lezione|capitolo|modulo"
    r"|tydzień|dzień|etap|rozdział|lekcja|dag|maand|hoofdstuk"
    # levels, modules, units and parts in the languages above
    r"|miesiąc|ay|livello|poziom|seviye|cấp độ|moduł|modül|unité|einheit|unità|раздел"
    r"|ünite|parte|część|kısım|bagian|phần|pelajaran"
    # steps and phases: Polish, German, Italian, Portuguese, Turkish, Vietnamese,
    # Indonesian, Dutch; Ukrainian stages, steps, sections, levels and parts
    r"|krok|faza|schritt|passo|adım|bước|langkah|stap"
    r"|етап|крок|розділ|рівень|частина)"
    r"\s*(?:\d{1,3}|[ivxlc]{1,6}\b)",
    re.I,
)
# "阶段三：", "階段2 ", "3단계": a stage number after the word.
_CJK_STAGE_RE = re.compile(r"^(?:阶段|階段|ステージ|단계)\s*[一二三四五六七八九十\d]{1,3}")


# "项目 1：", "任务2", "プロジェクト3", "과제 1": a numbered piece of work inside a part.
_CJK_WORK_RE = re.compile(
    r"^(?:项目|任务|练习|作业|课时|模块|单元|プロジェクト|課題|演習|프로젝트|과제)\s*\d{1,3}(?!\d)"
)
_CJK_SLOT_RE = re.compile(
    r"^第\s*[一二三四五六七八九十百\d]{1,4}\s*(?:周|週|天|日|月|个月|ヶ月|か月|週目|日目|주|일차"
    r"|回|讲|講|课|課|节|節)"
    # "1회차", "3차시", "2강", "4回目": the course's n-th session, counted in Korean or Japanese
    r"|^\d{1,3}\s*(?:주차|일차|週目|日目|회차|차시|강(?![가-힣])|回目)"
)


def opens_a_part(text: str) -> bool:
    """A place in the plan in any language ("Woche 3", "Fase 2", "阶段一", "第3周", "2단계"),
    as a line's first words."""
    text = strip_decorations(remove_controls(text)).replace("**", "").replace("__", "")
    return bool(
        _ORDER_WORD_RE.match(text)
        or _FOREIGN_PHASE_RE.match(text)
        or _CJK_STAGE_RE.match(text)
        or _CJK_ORDINAL_RE.match(text)
        or _CJK_SLOT_RE.match(text)
        or _CJK_WORK_RE.match(text)
    )


_LEFT_SEPARATOR_RE = re.compile(r"^[-–—:|]{1,3}\s+(?=\w)")


def _strip_numbering(text: str) -> str:
    """ "1. Foo", "Step 1: Foo", "Phase II – Foo" → "Foo" (repeatedly; never down to a title
    without a letter)."""
    return _split_numbering(text)[0]


def _split_numbering(text: str) -> tuple[str, str]:
    """The title without its numbering (see `_strip_numbering`), and the author's number it
    started with ("1.", "1.1", "(04)", "IV.", "A)"), which the title shows again once the
    outline is read (`with_numbering`); a "Phase 2:" label comes back the same way."""
    written, number = text, ""
    for _ in range(4):
        new = _NUMBERING_RE.sub("", text, count=1)
        if new != text:
            new = _LEFT_SEPARATOR_RE.sub("", new)  # "18.10 -- demo 1": the dashes after it
            if text is written:
                number = " ".join(text[: len(text) - len(new)].split())
        unworded = _PHASE_WORD_RE.sub("", new, count=1)
        if not _NUMBERED_NAME_RE.match(unworded):
            if unworded != new and text is written and not number:
                # "Phase 2: Core": the label says where the part stands, as "2." would;
                # the learner sees it as the author wrote it
                number = " ".join(new[: len(new) - len(unworded)].split())
            new = unworded  # "Unit 4: Pathway 3" keeps its unit: "Pathway 3" names no topic
        new = strip_decorations(new).strip()
        if new == text or not any(char.isalpha() for char in new):
            break  # "Topic 0-1" stays itself: numbering alone is not a title
        text = new
    return text, number if text is not written else ""


def with_numbering(title: str, numbering: str) -> str:
    """ "Building Abstractions" numbered "1 -" → "1 - Building Abstractions": the title as
    its author numbered it. Parts are told apart and ordered by the outline, not by this
    number, so the reading rules compare titles without it; the learner sees it."""
    if not numbering or not title or title.startswith(numbering):
        return title
    return f"{numbering} {title}"


def without_numbering(title: str) -> str:
    """ "1.1 Variables" → "Variables": a title without the number `with_numbering` gave it
    back (for what was made from titles before they kept it: ids, note names), and so
    "Phase 2: Core" → "Core"."""
    new = _NUMBERING_RE.sub("", title, count=1)
    if new == title:
        new = _PHASE_WORD_RE.sub("", title, count=1)
        if new == title or _NUMBERED_NAME_RE.match(new):
            return title
    new = _LEFT_SEPARATOR_RE.sub("", new).strip()
    return new if any(char.isalpha() for char in new) else title


def _tidy_end(text: str) -> str:
    """Trailing colons and dashes off. A sentence keeps its full stop: it is the author's
    ("Implement it from scratch."); ids are made without it (parse/ids.py). A loop, not a
    regular expression: "----Tags----" would cost a pattern exponential time."""
    end = len(text)
    while end and (text[end - 1] in _TRAILING_PUNCT or text[end - 1].isspace()):
        end -= 1
    return text[:end].strip()


def settled_title(title: str) -> str:
    """The title with its end tidied until nothing changes, so that reading it back (from
    the outline form, or a note) gives the same title: "syntax: >, []. --" → "syntax: >, []."""
    for _ in range(4):
        tidy = _tidy_end(title)
        if tidy == title or not tidy:
            return title
        title = tidy
    return title


# "[Data Mining](documents/PLAN MC17/Data mining.pdf)", "<summary>[Intro](intro.md)</summary>":
# a link Markdown left as text (spaces in the address, or inside HTML); its text is the name.
_LITERAL_LINK_RE = re.compile(r"\[(?P<text>[^\[\]\n]*\w[^\[\]\n]*)\]\([^()\n]*\)")


# GitHub's emoji shortcodes (":fire:", ":white_check_mark:"): pictures where GitHub shows
# the page, letters in Obsidian. The ones trackers tick with stand for their glyph.
_SHORTCODES_RE = re.compile(r"(?<![:\w/])(?::[a-z][a-z0-9_+-]{1,40}:)+(?![:\w/])")
_SHORTCODE_RE = re.compile(r":([a-z][a-z0-9_+-]{1,40}):")
_STATUS_SHORTCODES = {
    "white_check_mark": "✅",
    "heavy_check_mark": "✔",
    "ballot_box_with_check": "☑",
    "hourglass": "⏳",
    "hourglass_flowing_sand": "⏳",
    "construction": "🚧",
    "arrows_counterclockwise": "🔄",
    "white_large_square": "⬜",
    "black_square_button": "🔲",
    "heavy_minus_sign": "➖",
    "x": "❌",
    "stop_sign": "🛑",
}
# "- [:thumbsup:] Welcome" beside "- [ ] Shodan": a box ticked with a thumbs-up (elsewhere
# the shortcode is decoration and goes like the others)
_THUMBS_UP_BOX_RE = re.compile(r"^(\s*)\[:(?:thumbsup|\+1):\]")


def replace_shortcodes(text: str) -> str:
    """Emoji shortcodes out of a title line: a status one becomes its glyph, others go."""
    if ":" not in text:
        return text
    text = _THUMBS_UP_BOX_RE.sub(r"\1[👍]", text)
    replaced = _SHORTCODES_RE.sub(
        lambda run: _SHORTCODE_RE.sub(
            lambda m: _STATUS_SHORTCODES.get(m.group(1), ""), run.group(0)
        ),
        text,
    )
    return " ".join(replaced.split()) if replaced != text else text


# "--- Problem solving ---", "== Part 2 ==": a name drawn between rules, as a banner.
_BANNER_RE = re.compile(
    r"^(?P<rule>[-=~_]{2,6})\s+(?P<inner>[^\s=~_-](?:.*?\S)?)(?:\s+(?P=rule))?$"
)


# "-> -> Le Denombrement <-<-", ". Calcul vectoriel", "=> Loops": arrows and a lone dot typed
# in ASCII as bullets, around a title that plain text could not mark otherwise.
_ASCII_LEAD_RE = re.compile(r"^(?:(?:-{1,2}>|={1,2}>|>{2,3}|\.(?!\.))\s+)+")
_ASCII_TAIL_RE = re.compile(r"\s+(?:<{1,2}[-=]{1,2}){2,}<?$")


def clean_title(text: str) -> TitleParts:
    """A title as the learner should see it, with its duration and pace taken out."""
    # the outline form reads durations its own way: one cache entry for each reading
    return _clean_title(text, WRITTEN_FORM.get())


@lru_cache(maxsize=16384)
def _clean_title(text: str, _written: bool) -> TitleParts:
    extra: list[str] = []
    text = remove_controls(_FOOTNOTE_REF_RE.sub("", text))
    text = _BLOCK_ID_RE.sub("", text)
    if "](" in text:
        text = _LITERAL_LINK_RE.sub(r"\g<text>", text)
    if not _written:
        # (the outline form writes "1. Ay: Basics" where the author numbered a part "Ay",
        # month, after an emoji that kept the number from reading as "Ay 1")
        text = _NUMBER_BEFORE_UNIT_RE.sub(r"\g<unit> \g<number>", text, count=1)
    if "{" in text:
        text = _ATTR_LIST_RE.sub(" ", text).strip()
    blank = _BLANK_FIELD_TAIL_RE.search(text)
    if blank and blank.start() > 0:
        text = text[: blank.start()]
    stamp = _DONE_STAMP_RE.search(text)
    if stamp:
        extra.append(f"✅ {stamp.group(1)}")
        text = remove_controls(text[: stamp.start()] + " " + text[stamp.end() :])
    # "Paging vs Segmentation :: how memory is split | https://…": the name, then its
    # description and addresses (a plain-text checklist's own syntax)
    name, sep, rest = text.partition(" :: ")
    if sep and name.strip():
        extra.append(rest.strip())
        text = name
    while (bare := _BARE_URL_TAIL_RE.search(text) or _TAG_TAIL_RE.search(text)) and bare.start():
        unmarked = bare.group(0).lstrip().startswith("http")  # no colon, bar or dash before
        if unmarked and _WANTS_AN_OBJECT_RE.search(text[: bare.start()]):
            break  # "check out https://…": the address is what the title is about
        extra.append(bare.group(1))
        text = text[: bare.start()]
    unclosed = _UNCLOSED_LINK_RE.search(text)
    if unclosed:  # "… - [Coursera: ML](https://www.coursera.org/learn": a link cut off
        extra.append(unclosed["href"])
        text = text[: unclosed.start()] + unclosed["text"]
    for link in list(_SPACED_LINK_RE.finditer(text))[::-1]:
        extra.append(link["href"])
        text = text[: link.start()] + link["text"] + text[link.end() :]
    for tag in list(_TASK_TAG_RE.finditer(text))[::-1]:
        day = re.match(r"\s*(\d{4}-\d{2}-\d{2})", tag["value"] or "")
        if tag["tag"].casefold() == "done" and day and not stamp:
            extra.append(f"✅ {day.group(1)}")
        text = text[: tag.start()] + " " + text[tag.end() :]
    text = remove_controls(_PROGRESS_BAR_RE.sub(" ", text))
    text = _TYPE_PREFIX_RE.sub("", _EXPAND_HINT_RE.sub("", text))
    tags = _TRAILING_TAGS_RE.search(f" {text}")
    if tags and not _DIRECTIVE_RE.match(text):
        extra.append(" ".join(tags.group(0).split()))
        text = text[: max(tags.start() - 1, 0)]  # tags only ("- #learned"): no title at all
    fields = [m.group(0).strip() for m in _TASKS_FIELD_RE.finditer(text)]
    if fields:
        extra.append(" ".join(fields))
        text = remove_controls(_TASKS_FIELD_RE.sub(" ", text))
    # "^ (3 weeks)": an operator and its length; its symbols are its name, kept
    operator = _OPERATOR_TITLE_RE.match(text)
    text = _strip_emphasis_leftovers(text.strip() if operator else strip_decorations(text)).strip()
    if not _written:
        # the outline form writes titles already clean: "-- (3 weeks)" is the title "--"
        # with its length, not a name drawn between rules
        text = _BANNER_RE.sub(r"\g<inner>", text)
    # every date group, so that cleaning a clean title changes nothing (the outline form)
    while (dates := _DATE_GROUP_RE.search(text)) and (dates.start() > 0 or dates.end() < len(text)):
        rest = remove_controls(text[: dates.start()] + " " + text[dates.end() :])
        bare = split_duration(rest).title  # "Week 1 (Week 1)": the outline form's slot too
        if any(re.fullmatch(ORDINAL, t.strip(" -–—:|."), re.I) for t in (rest, bare)):
            break  # "Week 2 (Apr 29–May 5)": the dates tell this week from other Week 2s
        if dates.group(0).lstrip()[:1] in "(（" and re.match(r"\s*[:：]\s*\S", text[dates.end() :]):
            break  # "Week 1 (Jan 1 - Jan 7): Python": the dates in the name say when, as a slot
        extra.append(dates.group(0).strip(" -–—:|"))
        text = rest
    found = split_duration(text)
    if found.pace:
        extra.append(found.pace)
    # after the duration is out: ". (3 weeks)" is a title "." that lasts 3 weeks
    text = strip_decorations(_ASCII_TAIL_RE.sub("", _ASCII_LEAD_RE.sub("", found.title)))
    duration, planned = found.duration, found.planned_days
    text, numbering = _split_numbering(text)
    text = _tidy_end(text)
    text = _strip_emphasis_leftovers(strip_decorations(text)).strip()
    if duration is None and re.fullmatch(ORDINAL, text, re.I):
        whole = parse_duration(text)
        if whole:
            duration, planned = whole
    if not text and found.title:
        text = _tidy_end(strip_decorations(found.title)) or found.title.strip()
        numbering = ""
    text = " ".join(text.split())  # "3 ** 2" leaves two spaces where the emphasis was
    return TitleParts(
        title=text,
        duration=duration,
        planned_days=planned,
        extra=tuple(extra),
        numbering=numbering,
    )


_IMAGE_RE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)")


def bare_task_title(visible: str, raw: str) -> str:
    """A name for a task box whose text has nothing left to clean into a title: the author
    made a box, so it is an item. Emoji only ("- [ ] 🚀") keeps the emoji; an embed or an
    image ("- [ ] ![[diagram.png]]") is named by its alt text or its file name."""
    shown = " ".join(remove_controls(visible).split()).strip(" *_~")
    if shown:
        return shown
    for match in _WIKILINK_RE.finditer(raw):
        page = (match.group(4) or match.group(2) or "").strip()
        if page:
            return PurePosixPath(page).stem or page
    for match in _IMAGE_RE.finditer(raw):
        alt, src = match.group(1).strip(), match.group(2).split("?")[0]
        if alt or src:
            return alt or PurePosixPath(src).stem or src
    return ""


_INCLUSIVE_DOT_RE = re.compile(r"(?<=\w)[•·](?=\w)")


_OPTIONAL_PLURAL_RE = re.compile(r"(?<=[^\W\d_])\(s\)", re.I)


# "一、总体原则", "（二）学习资源": a Chinese document's section numbers, not the section's name.
_CJK_SECTION_NUMBER_RE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．:：]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*"
)


# What a label keeps: letters and digits with the marks on them (Thai "หัวข้อ", Hindi
# "विषय" write vowels as combining marks), and the signs rules spell ("C#", "Q&A").
_LETTER_MARKS = "".join(
    chr(code)
    for code in range(0x300, 0x3000)
    # not the marks drawn on symbols (U+20D0 on)
    if unicodedata.category(chr(code)) in ("Mn", "Mc") and not 0x20D0 <= code < 0x2100
)
_NOT_LABEL_CHAR_RE = re.compile(f"[^\\w&+#'’ {re.escape(_LETTER_MARKS)}-]")


@lru_cache(maxsize=16384)
def plain_label(text: str) -> str:
    """A label reduced for matching: decorations, numbering, emphasis and end punctuation
    removed, case folded ("📚 **Recommended Resources:**" → "recommended resources")."""
    text = _strip_emphasis_leftovers(strip_decorations(remove_controls(text)))
    text = _tidy_end(_strip_numbering(_CJK_SECTION_NUMBER_RE.sub("", text, count=1)))
    text = _INCLUSIVE_DOT_RE.sub("", text)  # "Objectif•s", "étudiant·e·s": one word
    text = _OPTIONAL_PLURAL_RE.sub("s", text)  # "Link(s) to work", "Resource(s)"
    # "İ" folds to "i" and a combining dot; the dot is no letter of the word
    folded = _NOT_LABEL_CHAR_RE.sub(" ", text).casefold().replace("\u0307", "")
    # "Vue d’ensemble", "Let’s Build": a typographic apostrophe is the one the rules spell
    return " ".join(folded.replace("’", "'").split())


# "June 2025 – Economics", "Oct 2024:": a month of the calendar, a place in the plan.
_MONTH_SLOT_RE = re.compile(rf"^(?:{MONTH_NAMES})[a-z]*\.?\s+\d{{4}}\b", re.I)


# "01_HTML", "02_CSS": chapters named like the folders that hold them, in order.
_FOLDER_NUMBER_RE = re.compile(r"^\d{1,3}_(?=[^\W\d_])")


_KEYCAP_NUMBER_RE = re.compile("^\\s*(?:[0-9]\ufe0f?\u20e3|\U0001f51f)")


def has_numbering(text: str) -> bool:
    """Whether a title starts with numbering or a "Phase N"/"Step N" word (a sign of order);
    a keycap ("3️⃣", "🔟") is numbering too, though the title does not keep it."""
    text = remove_controls(text).replace("**", "").replace("__", "")
    if _KEYCAP_NUMBER_RE.match(text):
        return True
    text = strip_decorations(text)
    return bool(
        _NUMBERING_RE.match(text)
        or _FOLDER_NUMBER_RE.match(text)
        or _MONTH_SLOT_RE.match(text)
        or _PHASE_WORD_RE.match(text)
        or _ORDER_WORD_RE.match(text)
        or _CJK_ORDINAL_RE.match(text)
        or _CJK_STAGE_RE.match(text)
        or _FOREIGN_PHASE_RE.match(text)
        # "1주차", "3日目", "第2周": a slot counted in CJK, its number first or wrapped
        or _CJK_SLOT_RE.match(text)
    )


def has_stage_word(text: str) -> bool:
    """Whether a title opens with a word for a part of a plan and its number ("Stage 0",
    "Phase 2:", "Fase 1", "第一阶段"), not just a number ("5. Tips")."""
    text = strip_decorations(remove_controls(text)).replace("**", "").replace("__", "")
    return bool(
        _PHASE_WORD_RE.match(text)
        or _CJK_STAGE_RE.match(text)
        or _CJK_PART_RE.match(text)
        or _FOREIGN_PHASE_RE.match(text)
    )


# "第四篇", "第二部分", "第一阶段": a part of the plan by its number, in Chinese or Japanese.
_CJK_PART_RE = re.compile(rf"^{_CJK_NTH}(?:阶段|階段|部分|篇|部)")


def light_clean(text: str) -> str:
    """Clean-up for resource names: no numbering or duration stripping, just decoration."""
    text = replace_shortcodes(remove_controls(text))
    text = _strip_emphasis_leftovers(strip_decorations(text)).strip()
    return _tidy_end(text) or text


# "AI Learning Roadmap: 90 days", "Lộ Trình 52 Tuần", "学习路线", "Plan de estudio": a name
# that says it is the plan itself.
_PLAN_NAME_RE = re.compile(
    r"\b(?:road ?map|learning (?:path|plan|journey)|curriculum|timeline"
    r"|(?:study|learning|exam|training) (?:plan|guide|path|schedule)"
    r"|syllabus|hoja de ruta|ruta de aprendizaje|plan de estudios?|roteiro|trilha"
    r"|feuille de route|parcours|lernpfad|lernplan|fahrplan|lộ trình|kế hoạch học"
    r"|учебный план|план обучения|дорожная карта"
    # "Four Week Plan", "30-Day Plan", "30-Day Game Dev Plan": a plan named by its length
    r"|(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[- ]"
    r"(?:day|week|month)s?[- ](?:[^\W\d_]+ ){0,3}plan)\b"
    r"|学习路线|学习路径|学习计划|学习规划|复习计划|备考计划|路线图|ロードマップ|学習計画|勉強計画"
    r"|로드맵|(?:학습|공부) ?계획",
    re.I,
)


def names_a_plan(title: str | None) -> bool:
    """Whether a heading's name says it is the roadmap ("AI Learning Roadmap: 90 days"); a
    question about it ("Should You Read the Roadmap Fully?") is not its name."""
    return bool(
        title and _PLAN_NAME_RE.search(title) and not title.rstrip(" *_").endswith(("?", "？"))
    )


# Days of the week, in the languages the plans are written in.
WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|周[一二三四五六日天]|星期[一二三四五六日天]|[月火水木金土日]曜日?"
    r"|[월화수목금토일](?:요일)?|weekends?|weekdays?|周末|週末|주말"
)
_LEADING_WEEKDAY_RE = re.compile(rf"^(?:{WEEKDAY})\b", re.I)


def led_by_a_weekday(text: str) -> bool:
    """ "Monday morning", "Friday end of day", "周三 复习": a day of the week first."""
    return bool(_LEADING_WEEKDAY_RE.match(strip_decorations(text).strip(" *_")))
