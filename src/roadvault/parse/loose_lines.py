"""Loose lines: text copied out of a rendered page or a chat window, where the Markdown is gone.

What is left is one thing per line, blank lines between them, section lines marked by a
number or a glyph ("🔹 1. Understand the Basics", "🟢 2. Basic HTML Elements"), labels ending
in a colon ("📘 Resources:"), and short lines that were bullets. Markdown reads all of it as
paragraphs, so the document would be refused as having no items. This reading, tried when
nothing else found an item or when the text has no Markdown structure at all, turns those
lines back into headings, labels and bullets so the usual rules can read them; the second
value returned maps line numbers back.
"""

from __future__ import annotations

import re
import unicodedata

from roadvault.parse.drafts import resource_kind
from roadvault.parse.rules import rule
from roadvault.parse.sections import section_role
from roadvault.parse.text_outline import escape_line_start
from roadvault.parse.titles import STATUS_MARKS, opens_a_part, strip_decorations

# A section line: numbering or an ordinal word first, after any glyphs.
_SECTION_RE = re.compile(
    r"^(?:\d{1,2}[.)、．]|(?:step|phase|stage|part|module|week|month|day|level|unit)\s+\d{1,3}\b"
    r"|第\s*[一二三四五六七八九十\d]{1,3}\s*[阶階步章周週天月部]|[一二三四五六七八九十]{1,3}[、.．])",
    re.I,
)
_LABEL_END_RE = re.compile(r"[:：]\s*$")
_BARE_NUMBER_RE = re.compile(r"^\d{1,3}[.)、．]\s*")
# A directory tree as `tree` prints it ("├── src/", "│   └── main.py"), and the path above it.
_TREE_LINE_RE = re.compile(r"^\s*(?:[├└│┌]|\|--|`--)")
_PATH_LINE_RE = re.compile(r"^[\w.-]+/$")
_BULLET_RE = re.compile(r"^[-*+•◦▪‣]\s+")
# "# my-study-plan": a title heading, the one Markdown a pasted text may start with
TITLE_HEADING_RE = re.compile(r"^#[ \t]+\S")
_SECTION_HEADING_RE = re.compile(r"^(?P<marks>#{2,6})[ \t]+\S")
MAX_ITEM_WORDS = 16
MAX_ITEM_CHARS = 120


def _ordinal_word(text: str) -> str:
    """ "阶段一：…" → "阶段", "Stage 2: …" → "stage", "项目 1：…" → "项目", "3. …" → ""."""
    match = re.match(r"[^\W\d_]+?(?=\s*[\d一二三四五六七八九十])", text)
    word = match.group(0).casefold() if match else ""
    # "Days 1-2" and "Day 3" are one kind of part
    return word[:-1] if word.isascii() and len(word) > 3 and word.endswith("s") else word


def _is_item_text(text: str) -> bool:
    words = text.split()
    if not words or len(text) > MAX_ITEM_CHARS or len(words) > MAX_ITEM_WORDS:
        return False
    if text.count("。") >= 2 or (text.endswith("。") and "，" in text):
        # "共有39个标签。…做两题。", "现在需要复习，总结。": sentences, the text around
        return False
    return not (text.endswith((".", "。")) and len(words) > 8)


def _tabs(line: str) -> int:
    """The tabs between a row's cells, the ones before its empty last cells too (a log's
    "1<TAB>Intro<TAB><TAB>" has the header's width)."""
    return line.strip(" \r\n").count("\t")


def _tab_rows(lines: list[str], start: int) -> int:
    """How many lines from `start` form a table copied as tab-separated text (a header and
    at least one row, each with the same number of cells, two or more)."""
    width = _tabs(lines[start])
    if width < 1:
        return 0
    end = start
    while end < len(lines) and lines[end].strip() and _tabs(lines[end]) == width:
        end += 1
    return end - start if end - start >= 2 else 0


# What a list of steps or terms looks like when it differs from its caption: "1<TAB>…",
# "2. …", "'print()'", "`os`".
_LISTED_RE = re.compile(r"^\s*(?:\d{1,3}(?:\t|[.)]\s)|['\"`‘“])")
MAX_CAPTION_WORDS = 3


MIN_EXPLAINED_LABELS = 3
MAX_STEP_LABEL_WORDS = 6


def _label_over_text(lines: list[str], at: int, ends: str = ":：") -> bool:
    """ "Control the Flow:" alone on its line, after a blank line, right over a line of
    sentences ("Learn about loops and conditionals. These are…") and a blank line after
    them: a step of a chat answer copied as text, and what it is about (three such at
    least). A longer line ending in a colon introduces what follows; a label over a list
    names the list."""
    line = lines[at].strip()
    if not line or (at > 0 and lines[at - 1].strip()) or at + 1 >= len(lines):
        return False
    if not line.endswith(tuple(ends)) or len(line.split()) > MAX_STEP_LABEL_WORDS:
        return False
    if _BULLET_RE.match(line) or _SECTION_RE.match(line):
        return False
    text = lines[at + 1].strip()
    after = lines[at + 2].strip() if at + 2 < len(lines) else ""
    return (
        bool(text)
        and not after
        and not _BULLET_RE.match(text)
        and text.endswith((".", "!", "?", "。", ":", "："))
        and len(text.split()) > MAX_STEP_LABEL_WORDS
    )


MIN_HEADLINED = 4
MAX_HEADLINE_WORDS = 25
MAX_HEADLINE_NOTE_LINES = 3
MIN_HEADLINED_SHARE = 0.75  # three paragraphs in four
_SENTENCE_END = (".", "!", "?", ":", "。", "！", "？", "：")


def _paragraphs(lines: list[str]) -> list[tuple[int, int]]:
    """(first, end) of each run of lines with text; a line of only spaces (an EM SPACE
    too) separates them as a blank line does."""
    runs: list[tuple[int, int]] = []
    start = None
    for at, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = at
        elif not line.strip() and start is not None:
            runs.append((start, at))
            start = None
    return runs


def _headline(lines: list[str], first: int, end: int) -> bool:
    """ "Sie definieren das Bruttoinlandprodukt." over "Das BIP misst den Wert aller…": a
    short line that ends its sentence, over longer lines that start a new one."""
    head = lines[first].strip()
    rest = " ".join(line.strip() for line in lines[first + 1 : end])
    words = head.split()
    if end - first < 2 or not words or len(words) > MAX_HEADLINE_WORDS:
        return False
    if _BULLET_RE.match(head) or _SECTION_RE.match(head) or _TREE_LINE_RE.match(head):
        return False
    if not head.endswith(_SENTENCE_END) and len(words) > MAX_STEP_LABEL_WORDS:
        return False  # a wrapped paragraph's first line, not a line of its own
    # the lines under it are prose, each longer than the headline: not a list of short lines
    under = lines[first + 1 : end]
    if len(under) > MAX_HEADLINE_NOTE_LINES or any(
        len(line.split()) <= len(words) for line in under
    ):
        return False
    return not rest[:1].islower()


def _headlined_paragraphs(lines: list[str]) -> dict[int, int]:
    """Paragraphs each led by a headline ("Sie erklären, was Konjunktur ist." over the
    model answer), most of the text's paragraphs, four at least: the headline is the step,
    the lines under it its note. A list of learning objectives with their answers, a study
    guide's questions: copied as text, their shape is the paragraphs."""
    runs = _paragraphs(lines)
    led = {first: end for first, end in runs if _headline(lines, first, end)}
    several = [run for run in runs if run[1] - run[0] >= 2]
    if len(led) < MIN_HEADLINED or len(led) < MIN_HEADLINED_SHARE * len(several):
        return {}
    return led


def _names_the_list_below(plain: str, lines: list[str], index: int) -> bool:
    """ "Must-learn" over "'print()'", "'variables'"; "Daily tasks" over "1<TAB>Hello": a
    short caption, after a blank line, right above two or more lines of another shape
    (numbered or quoted), names their list as a colon would. So does "Easy" alone over a
    block of lines with no blank line between them."""
    if len(plain.split()) > MAX_CAPTION_WORDS or _LISTED_RE.match(plain):
        return False
    if index >= 2 and lines[index - 2].strip():
        return False  # not after a blank line: one line of a run
    below = lines[index : index + 2]
    if len(below) == 2 and all(line.strip() and _LISTED_RE.match(line) for line in below):
        return True
    # "Easy", a blank line, then a block of lines with none between them: the block's name
    block = lines[index + 1 : index + 3]
    return (
        len(below) == 2
        and not below[0].strip()
        and len(block) == 2
        and all(
            line.strip() == line and _is_item_text(line) and not _LISTED_RE.match(line)
            for line in block
        )
    )


def _numbered_rows(rows: list[str]) -> bool:
    """Rows of two cells whose first cells count 1, 2, 3…: a numbered list copied with tabs."""
    firsts = [row.strip().split("\t")[0].strip() for row in rows]
    if any(row.strip().count("\t") != 1 for row in rows) or not all(f.isdigit() for f in firsts):
        return False
    numbers = [int(f) for f in firsts]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _table_lines(rows: list[str]) -> list[str]:
    cells = [
        [cell.strip().rstrip("=>").strip() for cell in row.strip(" \r\n").split("\t")]
        for row in rows
    ]
    out = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * len(cells[0])]
    out += ["| " + " | ".join(row) + " |" for row in cells[1:]]
    return out


MAX_TITLE_WORDS = 12
_CHAT_OPENING_RE = re.compile(r"^(?:sure|okay|ok|great|certainly|absolutely|here)\b", re.I)


_URL_ONLY_RE = re.compile(r"<?https?://\S+>?")


def _has_text(out: list[str]) -> bool:
    """Something was written before: a line of text, not only the address the text was
    copied from ("https://claude.ai/chat/…" over the plan's name)."""
    return any(line.strip() and not _URL_ONLY_RE.fullmatch(line.strip()) for line in out)


def _names_the_document(plain: str, lines: list[str], index: int) -> bool:
    """ "Complete React Plan - No Code, Just Strategy" on the first line, then the plan: a
    title, not an entry (never a chat opening, a sentence or a label)."""
    following = next((line.strip() for line in lines[index:] if line.strip()), "")
    return (
        len(plain.split()) <= MAX_TITLE_WORDS
        and not plain.endswith((".", "。", ":", "：", "!", "?", ","))
        and not _CHAT_OPENING_RE.match(plain)
        and not _SECTION_RE.match(plain)
        and not _URL_ONLY_RE.fullmatch(plain)
        and bool(following)
    )


MIN_BARE_LIST = 8
MAX_BARE_LIST_WORDS = 8


def _is_bare_list(text: str) -> bool:
    """ "Kernel build" / "initrd" / "Systemd" / "BPF" … one after another, nothing else: a
    list of topics kept as plain lines, every line an entry (the first one too — a title
    would stand apart, over a blank line). A few lines may run longer with a remark ("Move
    semantics. V imp (may impress the interviewer)"): most are short names, none is prose."""
    lines = text.strip("\n").split("\n")
    if len(lines) < MIN_BARE_LIST:
        return False
    if not all(
        line.strip()
        and line == line.lstrip()
        and _is_item_text(line.strip())
        and not _SECTION_RE.match(line)
        and not _BULLET_RE.match(line)
        and not TITLE_HEADING_RE.match(line)  # "# 陶艺记录": the title over the lines
        and "\t" not in line
        for line in lines
    ):
        return False
    names = sum(
        len(line.split()) <= MAX_BARE_LIST_WORDS
        and not line.rstrip().endswith((".", "。", ":", "：", "!", "?"))
        for line in lines
    )
    return names >= len(lines) * MIN_BARE_NAMES_SHARE


MIN_BARE_NAMES_SHARE = 0.75  # "most": three lines in four


_SPACING_RE = re.compile(r"<br\s*/?>|&nbsp;", re.I)


def _leading_glyph(line: str) -> str:
    stripped = line.strip()
    return stripped[0] if stripped and unicodedata.category(stripped[0]) == "So" else ""


def _glyph_bullet(lines: list[str], at: int) -> bool:
    """The next or previous written line starts with the same symbol as `lines[at]`."""
    glyph = _leading_glyph(lines[at])
    for step in (-1, 1):
        other = at + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if 0 <= other < len(lines) and _leading_glyph(lines[other]) == glyph:
            return bool(glyph)
    return False


# "Dia 12: …", "Day 3 → …", "Week 2 | …": a word and its number, then what the slot holds
_SLOT_LINE_RE = re.compile(r"^([^\W\d_]{2,12})\.?\s*\d{1,3}\s*(?:[:：.–—|→⇒-]|->|=>)")


def _slot_word(line: str) -> str:
    """ "Dia 12: …" → "dia"; a line not led by a word and its number → ""."""
    match = _SLOT_LINE_RE.match(strip_decorations(line.strip()).strip())
    return match[1].casefold() if match else ""


def _slot_run(lines: list[str], at: int) -> bool:
    """ "Dia 1: …" next to "Dia 2: …": the written line before or after is led by the same
    word and a number, so the lines are entries of one run, each a step however long."""
    word = _slot_word(lines[at])
    for step in (-1, 1):
        other = at + step
        while 0 <= other < len(lines) and not lines[other].strip():
            other += step
        if word and 0 <= other < len(lines) and _slot_word(lines[other]) == word:
            return True
    return False


_SLOT_SPAN_RE = re.compile(r"^\D{0,20}?(\d{1,3})(?:\s*[-–—~]\s*(\d{1,3}))?(?!\d)")


def _slot_span(text: str) -> tuple[int, int] | None:
    """ "Minggu 1-2: …" → (1, 2); "Minggu 3: …" → (3, 3)."""
    match = _SLOT_SPAN_RE.match(text)
    if match is None:
        return None
    low = int(match[1])
    high = int(match[2]) if match[2] else low
    return (low, high) if high >= low else None


@rule("loose-lines")
def loose_lines_to_markdown(text: str) -> tuple[str, list[int]]:
    """Text with no Markdown structure left (copied from a page or a chat window): numbered
    or glyph-marked lines are sections (under worded parts, "Phase 1: Arrays", a bare "9."
    numbers the part's entries; "Week 1" after a "Weeks 1-2" line is a section inside it),
    lines ending in a colon are labels (a short one right over a line of sentences is a
    step and its note, three such at least: "Control the Flow:" › "Learn about loops…"),
    other short lines (and lines led by the same symbol, or the same word and a number,
    "Dia 3:", as their neighbours, at any length) are items, a title heading left on the
    first line stays it, tab-separated rows are a table, file trees are shown as code,
    long sentences stay text. Paragraphs each led by a short line that ends its sentence, over
    longer prose ("You explain why clay is wedged." › the model answer), four at least and
    most of the text's paragraphs, are steps with their notes: learning objectives, a study
    guide's questions. Tried when nothing else found an item or the text has no
    Markdown structure (no heading, list or table). The second value maps each output line
    to its input line."""
    out: list[str] = []
    origin: list[int] = []

    def emit(line: str, number: int) -> None:
        out.append(line)
        origin.append(number)

    if _is_bare_list(text):
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                emit(f"- {escape_line_start(line.strip())}", number)
        return "\n".join(out), origin
    in_section = False
    glyph_section = False  # a glyph-marked line has opened a top section
    ordinals: list[tuple[str, int]] = []  # the first numbered kind ("stage") and its level
    open_range: tuple[str | None, tuple[int, int], int] | None = None  # "Weeks 1-2" and its level
    section_level = 2
    lines = text.split("\n")
    # "Easy" over one line in a part, where it names a list in the others: a caption still
    captions = {
        line.strip()
        for at, line in enumerate(lines)
        if line.strip() and _names_the_list_below(line.strip(), lines, at + 1)
    }
    # "Control the Flow:" right over the sentences that explain it, step after step
    # "The course treats:" over a line per topic, each its sentences: the topics
    treated = _lines_under_a_label(lines)
    explained = {at for at in range(len(lines)) if _label_over_text(lines, at)}
    if len(explained) < MIN_EXPLAINED_LABELS:
        explained = set()
    elif explained:
        # among them, "Say Hello World!" over its sentences is a step too
        explained |= {at for at in range(len(lines)) if _label_over_text(lines, at, ends="!")}
    # "Sie definieren das BIP." over its model answer, paragraph after paragraph
    headlined = _headlined_paragraphs(lines) if not explained else {}
    bare_run = 0  # entries in a row that end in no stop: names, not sentences
    counted_entry = False  # the last entry was numbered within a worded part ("1) REST API")
    index = 0
    while index < len(lines):
        # "<br>" and "&nbsp;" are spacing a page kept, not words ("<br>" alone: a blank line)
        line = _SPACING_RE.sub(" ", lines[index]).rstrip()
        number = index + 1
        index += 1
        stripped = line.strip()
        plain = strip_decorations(stripped).strip()
        if not any(char.isalnum() for char in plain):
            emit("", number)  # blank, or a rule of dashes: nothing to read
            continue
        rows = _tab_rows(lines, index - 1)
        if rows and _numbered_rows(lines[index - 1 : index - 1 + rows]):
            # "1<TAB>Hello + variables", "2<TAB>If script": a numbered list, not a table
            for offset, row in enumerate(lines[index - 1 : index - 1 + rows]):
                number_text, _, rest = row.strip().partition("\t")
                emit(f"{number_text}. {rest.strip()}", number + offset)
            index += rows - 1
            continue
        if rows:
            emit("", number)
            for offset, row in enumerate(_table_lines(lines[index - 1 : index - 1 + rows])):
                emit(row, number + max(0, offset - 1))
            emit("", number + rows - 1)
            index += rows - 1
            continue
        if _TREE_LINE_RE.match(line) or (
            _PATH_LINE_RE.match(stripped)
            and index < len(lines)
            and _TREE_LINE_RE.match(lines[index])
        ):
            emit(f"    {line}", number)  # a file tree is shown, not read: indented code
            continue
        bullet = _BULLET_RE.match(plain)
        body = plain[bullet.end() :] if bullet else plain
        indent = len(line) - len(line.lstrip())
        # a status glyph ("✔️ Project 1") marks an entry done, not a section
        glyph_led = (
            unicodedata.category(stripped[0]) == "So"
            and stripped[0] not in STATUS_MARKS
            and not bullet
        )
        short = len(plain.split()) <= 14 and not plain.endswith((".", "。"))
        numbered = bool(_SECTION_RE.match(plain) or opens_a_part(plain))
        if numbered and ordinals and ordinals[0][0] and _BARE_NUMBER_RE.match(plain):
            # "9. Best Time to Buy…" under "Phase 1: Arrays": the parts are worded, so a
            # bare number counts the part's entries
            numbered, body = False, _BARE_NUMBER_RE.sub("", plain, count=1)
            counted_entry = body[:1].isupper()
        elif counted_entry and not bullet and body[:1].islower() and _is_item_text(body):
            # "1) Concurrent URL checker" over "10s of URLs checked in parallel": what the
            # numbered entry holds, in lines of its own
            emit(f"  - {body}", number)
            emit("", number)
            continue
        else:
            counted_entry = False
        if index - 1 in treated:
            # the topic's first sentence names it; the rest of its line is its note
            name, _, rest = plain.partition(". ")
            emit(f"- {escape_line_start(name.rstrip('.'))}", number)
            if rest.strip():
                emit("", number)
                emit(f"  {rest.strip()}", number)
            emit("", number)
            continue
        if index - 1 in explained:
            # a step and what it is about: the entry, the sentences its note
            emit(f"- {escape_line_start(_LABEL_END_RE.sub('', plain))}", number)
            emit("", number)
            emit(f"  {lines[index].strip()}", number + 1)
            emit("", number + 1)
            index += 1
            continue
        if index - 1 in headlined:
            # the headline is the step; the paragraph's other lines are its note
            emit(f"- {escape_line_start(plain)}", number)
            emit("", number)
            for offset, note in enumerate(lines[index : headlined[index - 1]]):
                emit(f"  {note.strip()}", number + 1 + offset)
            emit("", number)
            index = headlined[index - 1]
            continue
        if not _has_text(out) and _URL_ONLY_RE.fullmatch(plain):
            emit(plain, number)  # the chat's address over the plan: where it came from
        elif not _has_text(out) and not bullet and TITLE_HEADING_RE.match(stripped):
            emit(stripped, number)  # "# my-study-plan": a repository's title heading
        elif not bullet and (heading := _SECTION_HEADING_RE.match(stripped)):
            # "## 计划" over dated lines: a heading as written opens its section
            section_level = len(heading["marks"])
            in_section = True
            emit(stripped, number)
        elif not _has_text(out) and not bullet and _names_the_document(plain, lines, index):
            emit(f"# {plain}", number)  # the first line, alone, names what follows
        elif (
            not bullet
            and indent == 0
            and glyph_led
            and not numbered
            and ordinals
            and _LABEL_END_RE.search(plain)
        ):
            # "🔹 Phase 1: …" then "⚙️ Tools Setup:": a label inside the numbered part
            emit(f"{'#' * (ordinals[0][1] + 1)} {plain}", number)
        elif (
            not bullet
            and indent == 0
            and short
            and not glyph_led
            and ordinals
            and _closes_the_parts(plain)
        ):
            # "Learning Resources", "Weekend Pattern" after "Week 8" and its days: the
            # chat's closing sections, beside the plan's parts, not inside the last one
            section_level = 2
            emit(f"## {plain}", number)
            in_section = True
        elif not bullet and indent == 0 and short and (numbered or glyph_led):
            # a numbered part under a glyph-marked heading ("🛣️ Route" › "Stage 1: …")
            level = 3 if numbered and not glyph_led and glyph_section else 2
            word = _ordinal_word(plain) if numbered else None
            kinds = dict(ordinals)
            if word and word in kinds:
                # "Week 2" after "Week 1" and its days: its peer; under a glyph-marked
                # section ("🚀 Success Metrics" › "Week 1 Goal:") still inside that section
                level = max(level, kinds[word])
            elif word and ordinals:
                # "Stage 4: …" › "Project 1: …", "Month 1" › "Week 1" › "Days 1-2": another
                # kind of number opens a part inside the last
                level = min(ordinals[-1][1] + 1, 6)
                ordinals.append((word, level))
            elif word:
                ordinals.append((word, level))
            span = _slot_span(plain) if word else None
            if span is not None and span[0] != span[1]:
                open_range = (word, span, level)  # "📌 Minggu 1-2: Dasar Python"
            elif span is not None and open_range and open_range[0] == word:
                low, high = open_range[1]
                if low <= span[0] <= high:
                    level = open_range[2] + 1  # "✅ Minggu 1: …" inside "Minggu 1-2"
                else:
                    open_range = None
            glyph_section = glyph_section or (glyph_led and not numbered)
            section_level = level
            emit(f"{'#' * level} {plain}", number)
            in_section = True
        elif not bullet and (
            (_LABEL_END_RE.search(plain) and len(plain.split()) <= 4)
            or _names_the_list_below(plain, lines, index)
            or (plain in captions and (index < 2 or not lines[index - 2].strip()))
        ):
            emit(f"{'#' * (section_level + 1)} {plain}", number)
        elif (
            (
                _is_item_text(body)
                or (glyph_led and _glyph_bullet(lines, index - 1))
                or _slot_run(lines, index - 1)
            )
            and (in_section or bullet)
            and not _LABEL_END_RE.search(body)
        ):
            # "🔥 Comprendre Node.js et pourquoi il est utilisé côté serveur.": a line led by
            # the glyph its neighbours are led by is a bullet, whatever its length, and so
            # is "Dia 30: Projeto final: …" among the other "Dia N:" lines
            if _a_remark(body, bare_run) and not (bullet or glyph_led):
                # "This is where Go feels magical." after a list of names: said about them
                emit(plain, number)
                bare_run = 0
            else:
                emit(f"- {body}", number)
                bare_run = 0 if body.endswith(_SENTENCE_END) else bare_run + 1
            emit("", number)
            continue
        else:
            emit(plain, number)
        bare_run = 0
        emit("", number)  # every line its own block: no lazy continuation
    return "\n".join(out), origin


MIN_TREATED_LINES = 3
MAX_LEAD_LABEL_WORDS = 8


def _lines_under_a_label(lines: list[str]) -> set[int]:
    """The lines under a label that ends in a colon ("The course treats:"), with no blank
    line between them (one may stand after the label), three at least, each its own
    sentences ("Basic properties of Fourier series. Riemann-Lebesgue lemma."): a syllabus
    typed one topic to a line, which Markdown would run together into one paragraph."""
    found: set[int] = set()
    for at, line in enumerate(lines):
        label = line.strip()
        if not _LABEL_END_RE.search(label) or len(label.split()) > MAX_LEAD_LABEL_WORDS:
            continue
        first = at + 2 if at + 2 < len(lines) and not lines[at + 1].strip() else at + 1
        end = first
        while end < len(lines) and lines[end].strip():
            end += 1
        run = [lines[n].strip() for n in range(first, end)]
        if len(run) >= MIN_TREATED_LINES and all(
            text[:1].isupper() and text.endswith(".") and not _LABEL_END_RE.search(text)
            for text in run
        ):
            found.update(range(first, end))
    return found


def _closes_the_parts(plain: str) -> bool:
    """A section's name that says it is not study (advice, a routine, housekeeping) or that
    it is the reading list, not numbered as a part and not a label ending in a colon."""
    if opens_a_part(plain) or _SECTION_RE.match(plain) or _LABEL_END_RE.search(plain):
        return False  # "Learning Method:" over a day's lines labels a part of that day
    return section_role(plain) is not None or resource_kind(plain) == "strong"


MIN_NAMES_BEFORE_REMARK = 2


def _a_remark(text: str, names_before: int) -> bool:
    """A sentence closing a run of names that end in no stop ("Select statement", "Mutex &
    atomic counters", then "This is where Go feels magical."): a remark on them."""
    return names_before >= MIN_NAMES_BEFORE_REMARK and text.endswith((".", "!", "。", "！"))
