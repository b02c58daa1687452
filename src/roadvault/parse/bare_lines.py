"""Bare lines: a section whose steps are written one per line, without list markers.

Text pasted from a document or a chat often keeps its headings but loses its bullets: under
"## Phase 1 – Basics (1–2 months)" come "Primitive types", "Control flow", "Loops", each
alone on its line. Read as Markdown those are paragraphs, so the phase would hold nothing.
When a section opens with a run of such short lines, they are given the list marker they
lost, before the Markdown is read; line numbers do not change.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from roadvault.parse.durations import ORDINAL, parse_duration
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import is_plan_tail, reads_as_action
from roadvault.parse.titles import opens_a_part, strip_decorations

MIN_BARE_LINES = 3
MAX_QUESTION_WORDS = 10
MAX_BARE_CHARS = 70
MAX_BARE_WORDS = 10
MAX_CJK_NAME_CHARS = 20
_ASIDE_RE = re.compile(r"[（(][^（）()]*[）)]")

_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)")
_FENCE_RE = re.compile(r"^ {0,3}(```|~~~)")
_BOLD_LINE_RE = re.compile(r"^ {0,3}(\*\*|__)(?!\s)[^*_\n]+(?<!\s)\1[ \t]*$")
# Lines that are Markdown already, or not a step: lists, quotes, tables, HTML, rules, links.
_NOT_BARE_RE = re.compile(
    r"^(?: {4}|\t)"  # indented code
    r"|^\s*(?:[-*+][ \t]|\d{1,3}[.)][ \t]|>|\||<|!\[|\[|https?://|---|\*\*\*|___|={3,}|\$\$"
    r"|```|~~~|//|#|%%|:-)"  # ":--" opens a table's alignment row
    r"|[─│├└┌┐┘┬┴┼═║]"  # a drawn tree or box
)
# Shell commands pasted without a fence ("npm install", "pip install -r requirements.txt").
_COMMAND_RE = re.compile(
    r"^\$?\s*(?:npm|npx|yarn|pnpm|pip3?|python3?|py|node|git|cd|ls|mkdir|rm|cp|mv|cat|echo"
    r"|docker|kubectl|brew|apt(?:-get)?|sudo|curl|wget|cargo|go|rustup|make|conda|poetry|uv"
    r"|java|javac|mvn|gradle|dotnet|gem|bundle|rails|php|composer|ssh|chmod|export|source)"
    r"(?:\s+[-\w./:=@~\\]+)+\s*$"
)


def is_command(text: str) -> bool:
    """A shell command pasted as a line ("npm install", "git clone https://…")."""
    return bool(_COMMAND_RE.match(text.strip()))


# "Semana 1: Variables, tipos de datos." / "Day 3 – Loops": a slot of the plan and its topic,
# a step however long its text.
_SLOT_LINE_RE = re.compile(rf"^[*_]{{0,2}}(?:{ORDINAL})[*_]{{0,2}}\s*[:：\-–—|]\s*\S", re.I)
MAX_SLOT_CHARS = 300
# A line led by a link to a page: "[CS61B](https://…)", "[**Crafting Interpreters** by …](…)".
_LINK_LINE_RE = re.compile(r"^\[(?!\s*\d{1,3}[.)]\s)[^\]\n]{2,}\]\((?:https?://|www\.)[^)\s]+\)")
# "Go by Example https://…", "CS 6120: Advanced Compilers https://…" (a bare "Label: https://…"
# is a field, not a name).
_NAMED_URL_LINE_RE = re.compile(
    r"^(?P<name>[^\s\[(<`#>|*-][^:：]{0,80}?(?:[:：]\s+[^\s:：][^:：]{0,80}?)?)"
    r"\s+(?:https?://|www\.)\S+(?:\s*\(\s*\S+\s*\))?\s*$"
)
_NUMBERED_LINK_RE = re.compile(r"^\[\s*\d{1,3}[.)]\s+[^\]]+\]\([^)\s]+\)")
# "**4.** [Loops](lessons/4.md)", "**12.** Inheritance": a number set in bold leads an entry.
_BOLD_NUMBER_RE = re.compile(r"^(?:\*\*|__)\d{1,3}[.)]?(?:\*\*|__)\s*\S")
MAX_ACTION_WORDS = 25
# A sentence, a label ("Resources:") or emphasis used as a heading is not a bare step.
_SENTENCE_END_RE = re.compile(r"[.!?。！？:：;；…]\s*$")


def _kind(line: str) -> str | None:
    """ "bare" (a short plain line), "label" ("DevOps basics:" over the next lines),
    "field" ("Resilience: circuit breakers"), or None for anything else."""
    text = line.strip()
    if _NUMBERED_LINK_RE.match(text) and len(text) <= MAX_SLOT_CHARS:
        return "bare"  # "[1. Programming](part1/README.md) (February)": a numbered step
    if _BOLD_NUMBER_RE.match(text) and len(_shown(text)) <= MAX_SLOT_CHARS:
        return "link"  # "**4.** [Loops](lessons/4.md)": the same, numbered in bold
    if _LINK_LINE_RE.match(text) and len(text) <= MAX_SLOT_CHARS:
        return "link"  # "[**SICP**](…)" alone on its line: one entry of a list of them
    named = _NAMED_URL_LINE_RE.match(text)
    if named and len(named["name"].split()) <= MAX_BARE_WORDS:
        return "link"  # "Go by Example https://gobyexample.com/": the same, address shown
    if not text or _NOT_BARE_RE.match(line) or _COMMAND_RE.match(text):
        return None
    if _AUTHOR_NOTE_RE.match(text):
        return None  # "TODO: more examples": the author's note to self, not a step
    if _SLOT_LINE_RE.match(text) and len(text) <= MAX_SLOT_CHARS:
        return "bare"
    if len(text.split()) <= MAX_ACTION_WORDS and reads_as_action(text) and text[-1] in ".!":
        return "bare"  # "Learn what HTML is and its role in web development."
    shown = _shown(text)
    if (len(shown) > MAX_BARE_CHARS or len(shown.split()) > MAX_BARE_WORDS) and not (
        _in_capitals(shown) and len(shown) <= MAX_SLOT_CHARS
    ):
        return None
    outside = _ASIDE_RE.sub("", shown)  # "异常处理（try/catch，throws）" lists inside its aside
    if "，" in outside and len(shown) > MAX_CJK_NAME_CHARS:
        return None  # "这是一份…的记录清单，原型来源于…": clauses of a sentence, not a name
    if text.startswith(("**", "__")) and text.endswith(("**", "__")):
        return None  # a bold line alone names a group
    if text.endswith((":", "：")):
        return "label"
    if text.endswith(("?", "？")) and len(shown.split()) <= MAX_QUESTION_WORDS:
        # "What is HTTP?": one short question; a run of nothing else is a list to study
        return None if _SENTENCE_END_RE.search(text[:-1]) else "question"
    if _SENTENCE_END_RE.search(text):
        return None
    plain = strip_decorations(text).replace("**", "").replace("*", "").replace("__", "")
    if (":" in plain or "：" in plain) and parse_duration(plain.strip()):
        return None  # "⌛ *Estimated duration:* **4 – 5 weeks**" times the part
    if ": " in plain or "：" in plain:
        return "field"  # "**Platform:** an LMS" is a field too, its colon inside the bold
    return "bare"


_AUTHOR_NOTE_RE = re.compile(r"^(?:todo|fixme|tbd|xxx|note|nb|memo|メモ|备注|備考)\s*[:：]", re.I)
_INLINE_LINK_RE = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]*\)")


def _shown(text: str) -> str:
    """The text a reader sees: a link's address takes no room on the page."""
    return _INLINE_LINK_RE.sub(r"\1", text)


@rule("bare-lines")
def mark_bare_lines(body: str) -> tuple[str, list[int]]:
    """Under a heading, a run of at least three short lines with no sentence punctuation and
    no list marker ("Primitive types" / "Control flow" / "Loops"), or of lines that open with
    a slot of the plan ("Semana 1: Variables y tipos."), before any list of the section, is
    the section's list written without bullets: each line is an item. Lines each led by a
    link ("[CS61B](…)" / "[SICP](…)", or a name and its bare address: "Go by Example
    https://gobyexample.com/") are such a run from two on, or alone in a section without
    sub-sections, lists or tables (over a table, "Based on the X course https://…" introduces
    its rows); a table written without outer pipes ("Day | Topic" over "-|:-") is a table,
    none of its lines bare; a hard break or a quote ends a line's paragraph, and lines the
    author broke one by one ("Design patterns  " / "linux: [a book]()  ") are such a run from
    two plain ones on, at any length short of a sentence, a link's address taking no room,
    and a "???" among them holds a place (no entry). A bold line alone ("**5 suggested
    questions**") heads the lines under it as a heading would. Three short questions and
    nothing else
    ("What is HTTP?" / "What is DNS?") are such a run. Two such lines are a run too when the
    glyph they open with ("✅") leads the entries of the document's other runs, or when other
    headings of their level hold such runs. A sentence
    closing the last block with no blank line before it is the section's text, not a step.
    A section of prose, or one that opens with a list, is left as it is."""
    lines = body.split("\n")
    tables = _table_lines(lines)
    for at in tables:
        lines[at] = "|" + lines[at]  # a table written without outer pipes is a table still
    marked: list[int] = []
    short: list[list[int]] = []  # runs of two bare lines: entries if their glyph says so
    levels: set[int] = set()  # levels of the headings whose lines were read as entries
    short_levels: list[int] = []
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        # "**5 suggested questions**" alone over its link lines heads them as a heading would
        label = _BOLD_LINE_RE.match(line) and (index == 0 or not lines[index - 1].strip())
        if in_fence or not (_HEADING_RE.match(line) or label):
            index += 1
            continue
        run, held, tail = _opening_run(lines, index + 1)
        kinds = [_kind_of_broken(lines, at) for at in run]
        links = kinds.count("link")
        only_links = links == len(kinds) and (
            links >= 2 or (_is_leaf_section(lines, index) and _no_entries_below(lines, index, run))
        )
        plain = kinds.count("bare") + links
        broken = plain >= (1 if held else 2) and _broken_one_by_one(lines, sorted(run + held))
        asked = kinds.count("question") == len(kinds) >= MIN_BARE_LINES
        if plain >= MIN_BARE_LINES or (links and only_links) or broken or asked:
            for at in held:
                lines[at] = ""  # "???": a place held for an entry not chosen yet
            marked.extend(_as_entries(lines, run))
            if not label and kinds.count("bare") == len(kinds):
                levels.add(_heading_level(line))  # names with no link: a list without bullets
            for at in tail:
                # the sentence closing the block, with no blank line before it, is the
                # section's text: quoted, it cannot run on into the last entry's title
                lines[at] = f"> {lines[at].lstrip()}"
        elif plain == len(run) >= 2:
            short.append(run)
            bare_names = not label and kinds.count("bare") == len(kinds)
            short_levels.append(_heading_level(line) if bare_names else 0)
        index += 1
    # "✅ Creating a nav bar" / "✅ Using <nav>": two lines led by the glyph that leads the
    # entries of the other sections are entries as well; so are two lines under a heading
    # of the level whose other sections list their entries as bare lines
    glyphs = {_lead_glyph(lines[at - 1][2:]) for at in marked} - {None}
    for run, level in zip(short, short_levels, strict=True):
        if {_lead_glyph(lines[at]) for at in run} <= glyphs or level in levels:
            marked.extend(_as_entries(lines, run))
    for at in tables:
        lines[at] = lines[at][1:]
    return "\n".join(lines), sorted(marked)


# "-|:-|-:|", "--- | ---": a table's alignment row, with or without outer pipes.
_DELIMITER_ROW_RE = re.compile(r"^ {0,3}\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$")


def _table_lines(lines: list[str]) -> list[int]:
    """The lines of the pipe tables in the text: a header over an alignment row, and the rows
    with a bar after them, up to a blank line."""
    found: list[int] = []
    at = 1
    while at < len(lines):
        if "|" in lines[at - 1] and _DELIMITER_ROW_RE.match(lines[at]):
            found += [at - 1, at]
            at += 1
            while at < len(lines) and "|" in lines[at] and lines[at].strip():
                found.append(at)
                at += 1
        at += 1
    return found


def _as_entries(lines: list[str], run: list[int]) -> list[int]:
    for at in run:
        lines[at] = f"- {lines[at].lstrip()}"  # a hard break at its end stays
    return [at + 1 for at in run]


def _lead_glyph(line: str) -> str | None:
    """The symbol a line opens with ("✅", "📌", "➤"), if any."""
    first = line.lstrip()[:1]
    return first if first and unicodedata.category(first) in ("So", "Sm") else None


def _is_leaf_section(lines: list[str], heading: int) -> bool:
    """Whether the section under `lines[heading]` has no headings of its own."""
    level = _heading_level(lines[heading])
    for line in lines[heading + 1 :]:
        if _HEADING_RE.match(line):
            return _heading_level(line) <= level
    return True


# A table row or a list item: what holds a section's entries when it has them.
_ENTRIES_RE = re.compile(r"^\s*(?:\||[-*+][ \t]|\d{1,3}[.)][ \t])")


def _no_entries_below(lines: list[str], heading: int, run: list[int]) -> bool:
    """Whether the section under `lines[heading]` holds no table or list beside `run`: a
    link line over a table ("Based on the X course https://…") introduces its rows."""
    for at in range(heading + 1, len(lines)):
        if _HEADING_RE.match(lines[at]):
            break
        if at not in run and _ENTRIES_RE.match(lines[at]):
            return False
    return True


def _heading_level(line: str) -> int:
    return len(line.lstrip(" ")) - len(line.lstrip(" ").lstrip("#"))


def _in_capitals(text: str) -> bool:
    """ "ИНФОРМАЦИОННЫЕ СИСТЕМЫ УПРАВЛЕНИЯ РЕСУРСАМИ ПРЕДПРИЯТИЯ (1С:ERP)": a course's name
    as a curriculum prints it, however long; prose is not typed in capitals."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_CAPITAL_LETTERS and all(c.isupper() for c in letters)


MIN_CAPITAL_LETTERS = 12


def _bare_prefix(kinds: list[str | None]) -> int:
    """How many of a paragraph's first lines are bare entries."""
    count = 0
    while count < len(kinds) and kinds[count] in ("bare", "link"):
        count += 1
    return count


MAX_TAIL_LINES = 3


def _opening_run(lines: list[str], start: int) -> tuple[list[int], list[int], list[int]]:
    """The bare lines a section opens with: whole paragraphs of bare lines, up to its first
    paragraph with anything else (so the first lines of wrapped prose never count). A label
    line ("DevOps basics:") counts when bare lines follow it; "Label: text" lines count
    among bare lines, not on their own (the label-lines rule reads those)."""
    paragraphs: list[list[int]] = [[]]
    for at in range(start, len(lines)):
        if _HEADING_RE.match(lines[at]):
            break
        if lines[at].strip():
            if _QUOTE_RE.match(lines[at]) and paragraphs[-1]:
                paragraphs.append([])  # a quote interrupts a paragraph
            paragraphs[-1].append(at)
            if _HARD_BREAK_RE.search(lines[at]):
                paragraphs.append([])  # "…  " ends its line as the author meant it
        elif paragraphs[-1]:
            paragraphs.append([])
    run: list[int] = []
    held: list[int] = []
    tail: list[int] = []
    pending: list[int] = []
    for paragraph in paragraphs:
        if not paragraph:
            continue
        kinds = [_kind_of_broken(lines, at) for at in paragraph]
        if kinds == ["placeholder"]:
            held.extend(paragraph)  # "???" where the author has not chosen yet
            continue
        if kinds == ["label"]:
            pending = paragraph
            continue
        if _BOLD_NUMBER_RE.match(lines[paragraph[0]].strip()) and all(
            lines[at][:1] in " \t" for at in paragraph[1:]
        ):
            # "**57.** Stream API." over its indented links ("    [Part I](…)"): one entry
            run.extend(pending + paragraph[:1])
            pending = []
            continue
        if run and kinds[0] == "label" and None not in kinds and "label" not in kinds[1:]:
            run.extend(pending + paragraph)  # "project:" with its step on the next line
            pending = []
            continue
        if None in kinds or "label" in kinds:
            if run and _LIST_LINE_RE.match(lines[paragraph[0]]) and opens_a_part(lines[run[-1]]):
                # "Этап 1" right over a list: the name of the part that list makes up
                run.pop()
                break
            cut = _bare_prefix(kinds)
            closing = kinds[cut:]
            # a sentence closes it: its first line reads as one, the rest wrap it
            if cut >= MIN_BARE_LINES and len(closing) <= MAX_TAIL_LINES and closing[0] is None:
                # "Routing" / "Deployment" / "Practice building apps after (items 52-62)" /
                # "to solidify them": the block's entries, then a sentence with no blank
                # line before it
                run.extend(pending + paragraph[:cut])
                tail = paragraph[cut:]
            break
        run.extend(pending + paragraph)
        pending = []
    if run and all(_kind_of_broken(lines, at) == "question" for at in run):
        return run, held, []  # questions only: the reader decides whether there are enough
    plain = sum(1 for at in run if _kind_of_broken(lines, at) in ("bare", "link"))
    if plain >= 2 and _broken_one_by_one(lines, run):
        return run, held, tail  # "linux: [book]  " among "Design patterns  ": one by one
    return (run, held, tail) if plain * 2 >= len(run) else ([], [], [])


_PLACEHOLDER_RE = re.compile(r"^[?？.…·\-–—_*]+$")


def _kind_of_broken(lines: list[str], at: int) -> str | None:
    """`_kind` of a line, but a line the author ended with a hard break, or that follows
    one, is an entry at any length short of a sentence ("The Rainbow Connection from *Muppet
    Movie* by **…** and **…**  "), and "???" on such a line holds a place."""
    kind = _kind(lines[at])
    broken = _HARD_BREAK_RE.search(lines[at]) or (at > 0 and _HARD_BREAK_RE.search(lines[at - 1]))
    if kind is not None or not broken:
        return kind
    text = lines[at].strip().rstrip("\\").strip()
    if _PLACEHOLDER_RE.match(text):
        return "placeholder"
    if _NOT_BARE_RE.match(lines[at]) or _SENTENCE_END_RE.search(text):
        return None
    if _AUTHOR_NOTE_RE.match(text):
        return None  # "TODO: more examples  " is no entry, broken line or not
    return "bare" if len(_shown(text)) <= MAX_SLOT_CHARS else None


def _broken_one_by_one(lines: list[str], run: list[int]) -> bool:
    """Whether the author ended each line of `run` with a hard break, as a list written
    without markers; two such lines count only when each names a link, written as Markdown
    or as a bare address after the name (a two-line caption under a chapter is its text)."""
    return (
        len(run) >= 2
        and all(_HARD_BREAK_RE.search(lines[at]) for at in run[:-1])
        and (len(run) >= MIN_BARE_LINES or all(_NAMES_A_LINK_RE.search(lines[at]) for at in run))
    )


# "[Go by Example](…)" or "Go by Example https://gobyexample.com/": a line that names a link.
_NAMES_A_LINK_RE = re.compile(r"\]\(|\S\s+(?:https?://|www\.)\S+")


_QUOTE_RE = re.compile(r"^ {0,3}>")
_HARD_BREAK_RE = re.compile(r"\S(?: {2,}|\\)$")
MIN_HEADING_LINES = 8
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})[ \t]+(\S.*?)[ \t#]*$")
_LIST_LINE_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])[ \t]+\S")


@rule("heading-lines")
def demote_heading_lines(body: str) -> tuple[str, list[int]]:
    """A text where every line is a heading of one level ("# Month 1 – Python", "# Basics
    of Python", "# Libraries: NumPy", "# Month 2 – Statistics"), with no list at all, was
    typed with "#" on each line: the lines that open a part of the plan ("Month 1", "Phase
    2", or "Projects to try" after the last one) stay headings, the lines between them are
    its items."""
    lines = body.split("\n")
    if any(_LIST_LINE_RE.match(line) for line in lines) or "```" in body:
        return body, []
    headings = [(at, m) for at, line in enumerate(lines) if (m := _ATX_RE.match(line))]
    nonblank = sum(1 for line in lines if line.strip())
    levels = {len(m.group(1)) for _, m in headings}
    parts = [at for at, m in headings if opens_a_part(m.group(2))]
    if (
        len(headings) < MIN_HEADING_LINES
        or len(levels) != 1
        or len(headings) * 10 < nonblank * 8
        or len(parts) < 2
    ):
        return body, []
    # "# 🎯 Projects to try" after the last part opens one more
    parts += [
        at
        for at, m in headings
        if at > parts[-1] and is_plan_tail(m.group(2)) and len(m.group(2).split()) <= 5
    ]
    marked: list[int] = []
    for at, match in headings:
        if at > parts[0] and at not in parts:
            lines[at] = f"- {match.group(2)}"
            marked.append(at + 1)
    return "\n".join(lines), marked


MIN_SLOT_LINES = 3
# "Day 1:", "Day2:", "Week 3", "Semana 4:" alone on a line of plain text.
_LONE_SLOT_RE = re.compile(
    r"^\s*[*_]{0,2}(?:day|week|month|phase|stage|step|part|module|lesson|semana|d[ií]a|mes"
    r"|tag|woche|jour|semaine|fase|etapa|etape|étape)\s*\d{1,3}[*_]{0,2}\s*[:：.)\-–—]?\s*$",
    re.I,
)


@rule("slot-lines")
def promote_slot_lines(body: str) -> tuple[str, list[int]]:
    """Plain text with a slot alone on its line ("Day 1:", then "Introduction to HTML" on
    the next) and no Markdown headings: each slot opens a part, named by the line after it
    when that line is a short name; the steps after it are then read as bare lines."""
    lines = body.split("\n")
    if any(_HEADING_RE.match(line) for line in lines):
        return body, []
    slots = [at for at, line in enumerate(lines) if _LONE_SLOT_RE.match(line)]
    if len(slots) < MIN_SLOT_LINES:
        return body, []
    for at in slots:
        slot = lines[at].strip().strip("*_").rstrip(" :：.)-–—")
        after = lines[at + 1].strip() if at + 1 < len(lines) else ""
        if after and _kind(after) == "bare" and not reads_as_action(after):
            lines[at] = f"## {slot}: {after}"
            lines[at + 1] = ""
        else:
            lines[at] = f"## {slot}"
    return "\n".join(lines), [at + 1 for at in slots]


_EQUALS_RULE_RE = re.compile(r"^ {0,3}={3,}[ \t]*$")
_COMMENT_LINE_RE = re.compile(r"^\s*<!--.*-->\s*$")


@rule("rule-banner")
def blank_banner_rules(body: str) -> tuple[str, list[int]]:
    """A name between two rules of "=" ("=====" / "Ruby Learning Order" / "=====") is a
    banner, as plain-text files draw a title: the name is the heading the lower rule makes
    it, and the upper rule only frames it. Read as Markdown, the upper rule would join the
    name ("===== Ruby Learning Order"). A rule under a paragraph of its own is left alone.
    Two or more names framed so by rules of dashes, each over its text ("-----" / "1. CORE
    SKILLS" / "-----"), are the headings of the document's parts. Rules drawn as comment
    lines ("# ------------ #") box the title the lines between them spell ("#  MATHEMATIQUES:"
    / "#  PROGRAMME DE TERMINALE"), and alone they part the text: no heading names them; so
    does a rule of "=" after a blank line over a part's name or its table ("=====" over
    "minggu 2")."""
    lines = body.split("\n")
    framed: list[int] = []
    for at in range(len(lines) - 2):
        if not (
            _EQUALS_RULE_RE.match(lines[at])
            and lines[at + 1].strip()
            and not _EQUALS_RULE_RE.match(lines[at + 1])
            and _EQUALS_RULE_RE.match(lines[at + 2])
        ):
            continue
        above = lines[at - 1] if at else ""
        if above.strip() and not _COMMENT_LINE_RE.match(above):
            continue  # "Intro\n=====": the rule makes the line above it a heading
        lines[at] = ""
        lines[at + 1] = lines[at + 1].strip()  # centred by spaces: still the name, not code
        framed.append(at + 1)
        fired("rule-banner", at + 1, "dropped", f"frames line {at + 2}")
    outside = {at for at, _ in unfenced(lines)}  # a "# ---- #" in a fenced script is code
    for top, bottom in _comment_boxes(lines, outside):
        # "# ------ #" / "#  MATHEMATIQUES:" / "#  PROGRAMME DE TERMINALE" / "# ------ #": a
        # title boxed in comment rules, one name over as many lines as the box holds
        inside = [lines[at].strip().strip("#").strip() for at in range(top + 1, bottom)]
        for at in range(top, bottom + 1):
            lines[at] = ""
        lines[top + 1] = "# " + " ".join(part for part in inside if part)
        framed.append(top + 1)
        fired("rule-banner", top + 1, "dropped", f"frames line {top + 2}")
    for at, line in enumerate(lines):
        if _COMMENT_RULE_RE.match(line) and at in outside:
            lines[at] = ""  # "## ---------- ##" alone: a rule between parts, naming none
            fired("rule-banner", at + 1, "dropped")
    for at, line in enumerate(lines):
        above = lines[at - 1] if at else ""
        below = lines[at + 1].strip() if at + 1 < len(lines) else ""
        if (
            _EQUALS_RULE_RE.match(line)
            and at in outside
            and not above.strip()
            and (below.startswith("|") or _WORD_AND_NUMBER_RE.match(below))
        ):
            # "=====" after a blank line, over "minggu 2" or a table: a line drawn between
            # parts; read as Markdown it would be text joined to the line under it
            lines[at] = ""
            fired("rule-banner", at + 1, "dropped")
    banners = [at for at in range(len(lines) - 2) if _dash_banner(lines, at)]
    if len(banners) >= MIN_DASH_BANNERS:
        for at in banners:
            # "-----" / "1. CORE SKILLS (70%)" / "-----": a part's heading, drawn in dashes
            lines[at], lines[at + 2] = "", ""
            lines[at + 1] = "## " + lines[at + 1].strip()
            framed.append(at + 1)
            fired("rule-banner", at + 1, "dropped", f"frames line {at + 2}")
    return "\n".join(lines), framed


_DASH_RULE_RE = re.compile(r"^ {0,3}-{3,}[ \t]*$")
# "minggu 2", "Week 3:", "Tag 4": a part named by a word and its number, alone on its line
_WORD_AND_NUMBER_RE = re.compile(r"^[^\W\d_]{2,12}\s*\d{1,3}\s*[:：.)\-–—]?$")
# "# ------------------------------------------------- #": a rule drawn in a comment line
_COMMENT_RULE_RE = re.compile(r"^#{1,6}[ \t]*(?:-{5,}|={5,}|\*{5,})[ \t]*#*[ \t]*$")
_COMMENT_TEXT_RE = re.compile(r"^#{1,6}(?:[ \t].*)?$")
MAX_BOX_LINES = 6


def unfenced(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index, line) of every line outside a fenced code block (a fence line excluded)."""
    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if not in_fence:
            yield at, line


def _comment_boxes(lines: list[str], outside: set[int]) -> list[tuple[int, int]]:
    """(top, bottom) of each box of comment rules around comment lines with a name in them,
    outside fenced code."""
    boxes: list[tuple[int, int]] = []
    at = 0
    while at < len(lines):
        if _COMMENT_RULE_RE.match(lines[at]) and at in outside:
            end = at + 1
            while (
                end < len(lines)
                and end - at <= MAX_BOX_LINES
                and (_COMMENT_TEXT_RE.match(lines[end]) and not _COMMENT_RULE_RE.match(lines[end]))
            ):
                end += 1
            named = any(
                re.search(r"\w", lines[inner].strip("# \t")) for inner in range(at + 1, end)
            )
            if end < len(lines) and _COMMENT_RULE_RE.match(lines[end]) and named:
                boxes.append((at, end))
                at = end + 1
                continue
        at += 1
    return boxes


MIN_DASH_BANNERS = 2


def _dash_banner(lines: list[str], at: int) -> bool:
    """A line between two rules of dashes, after a blank line, with more text right under
    the lower rule: the heading of what follows."""
    return (
        bool(_DASH_RULE_RE.match(lines[at]))
        and bool(_DASH_RULE_RE.match(lines[at + 2]))
        and bool(lines[at + 1].strip())
        and not lines[at + 1].lstrip().startswith("#")
        and (at == 0 or not lines[at - 1].strip())
        and at + 3 < len(lines)
        and bool(lines[at + 3].strip())
    )


MIN_LONE_HEADS = 2
MAX_HEAD_WORDS = 8


def _paragraphs(lines: list[str]) -> list[list[int]]:
    """The blank-line separated paragraphs of `lines`, as lists of line indexes."""
    found: list[list[int]] = [[]]
    for at, line in enumerate(lines):
        if line.strip():
            found[-1].append(at)
        elif found[-1]:
            found.append([])
    return [paragraph for paragraph in found if paragraph]


def _lone_head(line: str) -> bool:
    """A short name alone in its paragraph ("Foundation (Weeks 1-3)", "Rails basics:")."""
    text = line.strip()
    return _kind(line) in ("bare", "label") and len(_shown(text).split()) <= MAX_HEAD_WORDS


def _stacked_part(lines: list[str], paragraph: list[int]) -> bool:
    """A short line opening a part ("Week 4: Interfaces") inside a paragraph of several
    lines, after its first: parts typed with no blank line to set them apart."""
    return any(_lone_head(lines[at]) and opens_a_part(lines[at].strip()) for at in paragraph[1:])


@rule("lone-line-heads")
def promote_lone_line_heads(body: str) -> tuple[str, list[int]]:
    """Plain text without lists or section headings, where a short name alone in its
    paragraph ("Foundation (Weeks 1-3)") stands over a paragraph of short bare lines
    ("Variables and constants" / "Loops" / "Hashes"), at least twice: the text was typed
    with a blank line under each part's name and none between its steps. Each such name
    opens a part, as a heading would; its lines are then read as bare lines. A lone line
    over prose, or a text with lists or headings of its own, is left as it is."""
    lines = body.split("\n")
    atx = [line for line in lines if _HEADING_RE.match(line)]
    if len(atx) > 1 or any(_LIST_LINE_RE.match(line) for line in lines) or "```" in body:
        return body, []
    paragraphs = _paragraphs(lines)
    if any(_stacked_part(lines, paragraph) for paragraph in paragraphs):
        # "Month 1: Basics" typed right under the plan's name: the blank lines do not
        # part the plan, so it is read one line at a time (the loose-lines reading)
        return body, []
    heads: list[int] = []
    parts: list[int] = []  # "WEEK 1: Basics" alone: a part above the named groups
    for paragraph, following in pairwise(paragraphs):
        if len(paragraph) != 1 or not _lone_head(lines[paragraph[0]]):
            continue
        if opens_a_part(lines[paragraph[0]]):
            parts.append(paragraph[0])
            continue
        kinds = [_kind(lines[at]) for at in following]
        bare = sum(1 for kind in kinds if kind in ("bare", "link", "field"))
        if len(following) >= MIN_BARE_LINES and bare * 3 >= len(following) * 2:
            heads.append(paragraph[0])
    if len(heads) < MIN_LONE_HEADS:
        return body, []
    parts = [at for at in parts if at < max(heads)] if len(parts) >= MIN_LONE_HEADS else []
    for at in heads:
        # under a part the names are its groups, one level down
        level = "###" if parts and parts[0] < at else "##"
        lines[at] = f"{level} {lines[at].strip()}"
    for at in parts:
        lines[at] = f"## {lines[at].strip()}"
    return "\n".join(lines), sorted(at + 1 for at in heads + parts)


_COMMENT_LABEL_RE = re.compile(r"^\s*<!--\s*([^<>]{1,60}?)\s*-->\s*$")
MIN_COMMENT_LABELS = 2
MAX_COMMENT_LABEL_WORDS = 6


@rule("comment-headings")
def promote_comment_labels(body: str) -> tuple[str, list[int]]:
    """A text without a single heading whose parts are each named by an HTML comment alone
    on its line ("<!-- HTML/HTML5 -->" over a list, "<!-- Basic -->" over lines) — a file
    its author reads in an editor, where the comments stand out — is divided by them: each
    such label opens a part, as a heading would. Comments that are sentences, or a single
    one, stay comments."""
    lines = body.split("\n")
    if any(_HEADING_RE.match(line) for line in lines):
        return body, []
    labels = []
    for at, line in enumerate(lines):
        match = _COMMENT_LABEL_RE.match(line)
        if not match or at + 1 >= len(lines) or not lines[at + 1].strip():
            continue
        label = match[1].strip()
        words = label.split()
        if not words or len(words) > MAX_COMMENT_LABEL_WORDS or label.endswith((".", "!", "?")):
            continue
        labels.append((at, label))
    if len(labels) < MIN_COMMENT_LABELS:
        return body, []
    for at, label in labels:
        lines[at] = f"## {label}"
    return "\n".join(lines), [at + 1 for at, _ in labels]


# the heading's marks with the space after them, and its text: "## " and "Clay"
_ATX_PARTS_RE = re.compile(r"^( {0,3}#{1,6}[ \t]+)(\S.*?)[ \t]*$")
MIN_KICKERS = 2


@rule("heading-kicker")
def fold_heading_kickers(body: str) -> tuple[str, list[int]]:
    """A slot alone on its line ("Phase 1") and perhaps a length alone on the next ("2-3天"),
    each a paragraph of its own right above a heading: a card on a page (HTML converted, or
    copied) shows a part's place and length in small type over its name. They belong to that
    heading — its length goes into it — not parts of their own. Only when the document does
    it twice or more; a lone "Week 1" above a heading may be a part of its own."""
    lines = body.split("\n")
    found: list[tuple[int, int | None, int]] = []  # (kicker, length line or None, heading)
    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence or not _ATX_PARTS_RE.match(line):
            continue
        above = _paragraph_above(lines, at)
        length = None
        if above is not None and parse_duration(_plain(lines[above])):
            length, above = above, _paragraph_above(lines, above)
        if above is not None and _LONE_SLOT_RE.match(lines[above]):
            found.append((above, length, at))
    if len(found) < MIN_KICKERS:
        return body, []
    folded: list[int] = []
    for kicker, length, heading in found:
        if length is not None:
            match = _ATX_PARTS_RE.match(lines[heading])
            assert match is not None
            lines[heading] = f"{match[1]}{match[2]} ({_plain(lines[length])})"
            lines[length] = ""
            folded.append(length + 1)
        lines[kicker] = ""
        folded.append(kicker + 1)
        fired("heading-kicker", kicker + 1, "dropped", f"the place of line {heading + 1}")
        if length is not None:
            fired("heading-kicker", length + 1, "dropped", f"the length of line {heading + 1}")
    return "\n".join(lines), sorted(folded)


def _paragraph_above(lines: list[str], at: int) -> int | None:
    """The line above `at` (past blank lines) when it is a one-line paragraph of its own."""
    above = at - 1
    while above >= 0 and not lines[above].strip():
        above -= 1
    if above < 0 or above == at - 1:
        return None  # nothing above, or no blank line between: part of what comes next
    if above > 0 and lines[above - 1].strip():
        return None  # the last line of a longer paragraph
    return above


def _plain(line: str) -> str:
    return line.strip().strip("*_").strip()


# "[!todo] Wedging", "[!note]- Folded": an Obsidian callout's first line, inside its quote
_CALLOUT_TEXT_RE = re.compile(r"^\[![\w-]+[|\]]")
_QUOTE_LINE_RE = re.compile(r"^(>+)[ \t]*(\S.*?)\s*$")
MIN_QUOTE_OUTLINE_LINES = 8
MAX_QUOTE_OUTLINE_CHARS = 160


@rule("quote-outline")
def unquote_outline(body: str) -> tuple[str, list[int]]:
    """Notes that draw an outline by quote depth (">数学" › ">>线性代数" › ">>>基础课"): each
    quoted line is one entry, its depth its level; the top ones name the parts. Quotes of
    one depth, or of sentences, stay quotes, and so do Obsidian callouts nested in each other
    ("> [!multi-column]" › ">> [!todo] Wedging"). Line numbers do not change."""
    lines = body.split("\n")
    quoted: list[tuple[int, int, str]] = []
    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _QUOTE_LINE_RE.match(line)
        if match:
            quoted.append((at, len(match[1]), match[2]))
    depths = [depth for _, depth, _ in quoted]
    if any(_CALLOUT_TEXT_RE.match(text) for _, _, text in quoted):
        return body, []  # "> [!todo] Wedging" inside "> [!multi-column]": callouts, nested
    if (
        len(quoted) < MIN_QUOTE_OUTLINE_LINES
        or len(set(depths)) < 2
        or sum(1 for depth in depths if depth >= 2) < MIN_QUOTE_OUTLINE_LINES // 2
        or any(len(text) > MAX_QUOTE_OUTLINE_CHARS for _, _, text in quoted)
        or sum(1 for _, _, text in quoted if _SENTENCE_END_RE.search(text)) * 4 > len(quoted)
    ):
        return body, []
    for at, depth, text in quoted:
        lines[at] = f"## {text}" if depth == 1 else f"{'  ' * (depth - 2)}- {text}"
    return "\n".join(lines), [at + 1 for at, _, _ in quoted]


_INDENTED_HEADING_RE = re.compile(r"^ {1,3}(#{1,6}[ \t]+\S)")
# "- ####  HTML": a heading written as the whole of a bullet.
_BULLETED_HEADING_RE = re.compile(r"^[-*+][ \t]+(#{1,6}[ \t]+\S.*)$")
# "\t* #### Introduction" under "* ### Week 1": a heading bulleted at any depth of such a list
_NESTED_BULLETED_HEADING_RE = re.compile(r"^[ \t]+[-*+][ \t]+(#{1,6}[ \t]+\S.*)$")
_LIST_START_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])[ \t]")
# "💡 **Mini Project:** …", "🎥 **Videos:**": an icon, then a bold label.
_ICON_LABEL_RE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<icon>(?:[^\w\s*_`\[<>#|\\-][\ufe0f\u200d]?){1,3})[ \t]+"
    r"(?=(?:\*\*|__)[^*_\n]{1,40}?[:：])"
)


def _is_icon(text: str) -> bool:
    return all(
        unicodedata.category(char) in ("So", "Sk", "Mn", "Cf") or char in "\ufe0f\u200d"
        for char in text
    )


@rule("icon-labels")
def unicon_labels(body: str) -> tuple[str, list[int]]:
    """An icon before a bold label ("💡 **Mini Project:** Titanic analysis", "🎥
    **Videos:**") decorates it: the line is read as the label would be without it (a step
    named by its kind, a group of links), not as prose. Line numbers do not change."""
    lines = body.split("\n")
    marked: list[int] = []
    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        found = None if in_fence else _ICON_LABEL_RE.match(line)
        if found and _is_icon(found["icon"]):
            lines[at] = found["indent"] + line[found.end() :]
            marked.append(at + 1)
    return "\n".join(lines), marked


@rule("indented-heading")
def outdent_headings(body: str) -> tuple[str, list[int]]:
    """A heading indented a space or two after a list ("- Final review" then a blank line and
    "  ### Week 11-12: React") is read by Markdown as part of the last item, but its author
    started the next part: it is taken back to the margin. So is a heading written as the
    whole of a bullet ("- ####  HTML" over the numbered list of its topics), and after one,
    a heading bulleted deeper ("* ### Week 1" over "\t* #### Introduction"): the levels of
    the headings keep the nesting. Line numbers do not change."""
    lines = body.split("\n")
    marked: list[int] = []
    in_fence = False
    in_list = False
    headings_bulleted = False  # a heading was written as a bullet at the margin before
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or not line.strip():
            continue
        bulleted = _BULLETED_HEADING_RE.match(line) or (
            headings_bulleted and _NESTED_BULLETED_HEADING_RE.match(line)
        )
        if bulleted:
            headings_bulleted = True
            # "- ####  HTML" over "1. HTML의 기초", "2. …" at the margin: the bullet only
            # sets the heading off; the list under it is the heading's
            lines[at] = bulleted[1]
            marked.append(at + 1)
            in_list = False
            continue
        match = _INDENTED_HEADING_RE.match(line)
        if match and in_list:
            lines[at] = match[1] + line[match.end(1) :]
            marked.append(at + 1)
            in_list = False
            continue
        if _LIST_START_RE.match(line):
            in_list = True
        elif not line.startswith((" ", "\t")):
            in_list = False
    return "\n".join(lines), marked


# "*Tactics*: Every day, …", "**Checkmates:** Learn to …": a paragraph led by a label.
_LABEL_PARAGRAPH_RE = re.compile(
    r"^(?P<mark>\*\*|__|\*|_)(?P<label>[^*_\n:：]{2,40}?)(?:(?P=mark)\s*[:：]|[:：](?P=mark))\s+\S"
)
MIN_LABEL_PARAGRAPHS = 3
# "Arrays: Learn how to …" with no emphasis: a name, then what to learn about it.
_PLAIN_LABEL_PARAGRAPH_RE = re.compile(
    r"^(?P<label>[^\W\d_][^:：*_\[\]<>`#|\n\d]{1,40}?)[:：]\s+(?P<rest>\S.{20,})$"
)
MAX_PLAIN_LABEL_WORDS = 5
MIN_PLAIN_LABEL_PARAGRAPHS = 4


def _label_paragraph(line: str) -> re.Match[str] | None:
    """A paragraph's first line led by a label: set off by emphasis, or plain ("Arrays:
    Learn how to …") when it is a short name before a sentence (with no number: "Week 3:
    Loops" is a slot, read by the slot rules)."""
    found = _LABEL_PARAGRAPH_RE.match(line)
    if found is not None:
        return found
    plain = _PLAIN_LABEL_PARAGRAPH_RE.match(line)
    if plain is None or len(plain["label"].split()) > MAX_PLAIN_LABEL_WORDS:
        return None
    return plain


@rule("label-paragraphs")
def mark_label_paragraphs(body: str) -> tuple[str, list[int]]:
    """Paragraphs one after another, each led by its own label ("*Tactics*: Every day, …",
    "*Checkmates*: Learn to …", "*Basic Endgames*: …"), as essay-like plans write what to
    study, are the entries of a list: each an item named by its label, the rest its notes.
    Four or more such paragraphs do it with plain labels too ("Arrays: Learn how to …", a
    short name before a sentence, as chat answers pasted as text have them).
    Labels of a step's facets ("**Goal:**", "**Why:**", "**Resources:**"), and labels that
    come back ("**Thoughts:**" under every day of a log), stay text."""
    lines = body.split("\n")
    marked: list[int] = []
    run: list[int] = []
    labels = [m["label"].strip().casefold() for m in map(_label_paragraph, lines) if m]

    def close() -> None:
        found = [_label_paragraph(lines[at]) for at in run]
        own = [m["label"].strip().casefold() for m in found if m]
        # labels without emphasis need a longer run to be a list rather than prose
        plain = any(not _LABEL_PARAGRAPH_RE.match(lines[at]) for at in run)
        least = MIN_PLAIN_LABEL_PARAGRAPHS if plain else MIN_LABEL_PARAGRAPHS
        # "**Today's Progress**:" in every day of a log is a facet of each entry, not a step
        if len(run) >= least and all(labels.count(label) == 1 for label in own):
            for at in run:
                lines[at] = f"- {lines[at]}"
            marked.extend(at + 1 for at in run)
        run.clear()

    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            close()
            continue
        if in_fence or not line.strip():
            continue
        match = _label_paragraph(line)
        opens_paragraph = at == 0 or not lines[at - 1].strip()
        if match and opens_paragraph and not _is_facet_label(match["label"]):
            run.append(at)
        elif opens_paragraph or not run:
            close()
    close()
    return "\n".join(lines), marked


def _is_facet_label(label: str) -> bool:
    from roadvault.parse.tables import is_facet_label  # tables reads sections, which reads us

    return is_facet_label(label)


# "Tools:" / "🧰 Suggested tools:" alone on a line: a label over the list after it.
_LAZY_LABEL_RE = re.compile(r"^(?P<text>[^\s\-*+>|#`<][^:：]{0,58}[:：])\s*$")
_ITEM_LINE_RE = re.compile(r"^(?P<indent>\s*)(?:[-*+]|\d{1,3}[.)])[ \t]+\S")


@rule("lazy-label")
def mark_lazy_labels(body: str) -> tuple[str, list[int]]:
    """A label at the margin right after a list ("- Kaggle course" then "Tools:" then "- MySQL")
    is read by Markdown as more text of the last entry, but its author started a new group:
    it becomes an entry of its own, the list after it its entries. Line numbers do not
    change."""
    lines = body.split("\n")
    marked: list[int] = []
    in_fence = False
    for at in range(1, len(lines) - 1):
        line = lines[at]
        if _FENCE_RE.match(line):
            in_fence = not in_fence
        if in_fence:
            continue
        label = _LAZY_LABEL_RE.match(line)
        before = _ITEM_LINE_RE.match(lines[at - 1])
        after = _ITEM_LINE_RE.match(lines[at + 1])
        if not (label and before and after):
            continue
        lines[at] = f"- {label['text']}"
        if not after["indent"]:  # "- MySQL" at the margin too: nest it under the label
            for below in range(at + 1, len(lines)):
                item = _ITEM_LINE_RE.match(lines[below])
                if not item or item["indent"]:
                    break
                lines[below] = "  " + lines[below]
        marked.append(at + 1)
    return "\n".join(lines), marked


# ":::caution", ":::tip Title", ":::details 展开": a Docusaurus / VuePress container.
_CONTAINER_OPEN_RE = re.compile(
    r"^ {0,3}:::[ \t]*(?P<kind>note|tip|info|caution|warning|danger|important|details|success"
    r"|question|example|quote)\b[ \t]*(?P<title>.*)$",
    re.I,
)
_CONTAINER_CLOSE_RE = re.compile(r"^ {0,3}:::[ \t]*$")


@rule("admonition-block")
def quote_admonitions(body: str) -> tuple[str, list[int]]:
    """A site generator's container (":::caution" … ":::") is a callout, as Obsidian writes
    one ("> [!caution]"): the advice in it ("1. Don't use a translator…") is the note's
    text, never steps. Written as a callout, it is read as one; lines keep their numbers."""
    lines = body.split("\n")
    opened: int | None = None
    found: list[int] = []
    for at, line in enumerate(lines):
        if opened is None:
            match = _CONTAINER_OPEN_RE.match(line)
            if match and any(_CONTAINER_CLOSE_RE.match(rest) for rest in lines[at + 1 :]):
                opened = at
                lines[at] = f"> [!{match['kind'].lower()}] {match['title'].strip()}".rstrip()
                found.append(at + 1)
                fired("admonition-block", at + 1, "note")
            continue
        if _CONTAINER_CLOSE_RE.match(line):
            lines[at] = ""
            opened = None
            continue
        lines[at] = f"> {line}" if line.strip() else ">"
    return "\n".join(lines), found


# Hexo's tag plugins, one per line: "{% checkbox blue checked, Collections %}", "{% note info
# flat %}Collections{% endnote %}", "{% progress 1 green Review %}".
_HEXO_CHECKBOX_RE = re.compile(
    r"^\s*\{%\s*checkbox\s+(?P<options>[^,%]*),\s*(?P<text>.*?)\s*%\}\s*$"
)
_HEXO_NOTE_RE = re.compile(r"^\s*\{%\s*note\b[^%]*%\}(?P<text>.*?)\{%\s*endnote\s*%\}\s*$")
_HEXO_DROPPED_RE = re.compile(r"^\s*\{%\s*(?:progress|hideToggle|btn|label)\b[^%]*%\}\s*$")
MAX_HEXO_NAME_CHARS = 30


@rule("hexo-tags")
def hexo_tags(body: str) -> tuple[str, list[int]]:
    """A Hexo blog post writes its checklist with tag plugins: "{% checkbox checked, Sets %}"
    is a ticked box ("- [x] Sets"), "{% checkbox, Maps %}" an open one; a one-line "{% note
    %}Collections{% endnote %}" with a short name over them is the group they stand in (a
    longer one is a note); a progress bar tag is decoration. Lines keep their numbers."""
    if "{%" not in body:
        return body, []
    lines = body.split("\n")
    found: list[int] = []
    for at, line in enumerate(lines):
        if "{%" not in line:
            continue
        box = _HEXO_CHECKBOX_RE.match(line)
        note = _HEXO_NOTE_RE.match(line)
        if box and box["text"]:
            mark = "x" if "checked" in box["options"].split() else " "
            lines[at] = f"- [{mark}] {box['text']}"
        elif note and note["text"].strip():
            text = note["text"].strip()
            named = len(text) <= MAX_HEXO_NAME_CHARS and not _SENTENCE_END_RE.search(text)
            lines[at] = f"**{text}**" if named else f"> {text}"
        elif _HEXO_DROPPED_RE.match(line):
            lines[at] = ""
        else:
            continue
        found.append(at + 1)
        fired("hexo-tags", at + 1, "item" if box else "note")
    return "\n".join(lines), found


# kramdown's "<div markdown="1">": the HTML around it, the Markdown inside it read.
_MARKDOWN_DIV_RE = re.compile(r"""^\s*<div\b[^>]*\bmarkdown=["']?1["']?[^>]*>\s*$""", re.I)
_PAGE_TAG_RE = re.compile(r"^\s*</?(?:body|div)\s*>\s*$", re.I)
# "<button class="collapsible">Lesson 1: Groups</button>": a fold's title, as a summary is.
_FOLD_BUTTON_RE = re.compile(r"^\s*<button\b[^>]*>(?P<text>[^<]{1,300})</button>\s*$", re.I)


@rule("markdown-div")
def open_markdown_divs(body: str) -> tuple[str, list[int]]:
    """A page built with kramdown folds its lessons in HTML whose content is Markdown
    ("<button class=collapsible>Lesson 1: Groups</button>", then "<div class=content
    markdown=1>" over "* Chapter 0: Sets"): the button names the lesson as a heading one
    level under the heading before it, the tags around the Markdown go, and the Markdown
    inside is read (left inside the tags, it is one block of HTML, and its lists are lost).
    Only where a div asks for its Markdown to be read. Lines keep their numbers."""
    if "markdown=" not in body:
        return body, []
    lines = body.split("\n")
    if not any(_markdown_inside(lines, at) for at in range(len(lines))):
        return body, []
    found: list[int] = []
    level = 1
    for at, line in enumerate(lines):
        heading = _ATX_RE.match(line)
        if heading:
            level = len(heading[1])
            continue
        button = _FOLD_BUTTON_RE.match(line)
        if button:
            lines[at] = f"{'#' * min(level + 1, 6)} {button['text'].strip()}"
        elif _MARKDOWN_DIV_RE.match(line) or _PAGE_TAG_RE.match(line):
            lines[at] = ""
        else:
            continue
        found.append(at + 1)
        fired("markdown-div", at + 1, "topic" if button else "dropped")
    return "\n".join(lines), found


# Logseq's own block properties ("collapsed:: true", "id:: 64f0…"): how the outliner keeps a
# block, never words of the plan.
_LOGSEQ_PROPERTY_RE = re.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:collapsed|id|heading|background-color|template"
    r"|template-including-parent|card-[\w-]+|query-[\w-]+|logseq\.[\w.-]+)::[ \t]*\S*[ \t]*$",
    re.I,
)


@rule("logseq-properties")
def drop_logseq_properties(body: str) -> tuple[str, list[int]]:
    """A page kept in Logseq writes how each block is shown as a property line under it
    ("collapsed:: true", "id:: 64f0c1…"). They are the outliner's bookkeeping, not text of
    the plan: left in, "collapsed:: true" would join the title of the entry above it. The
    line is emptied; its number stays. Only the outliner's own keys: a property the author
    named ("status:: done", "source:: …") is theirs."""
    if "::" not in body:
        return body, []
    lines = body.split("\n")
    found = [at for at, line in enumerate(lines) if _LOGSEQ_PROPERTY_RE.match(line)]
    for at in found:
        lines[at] = ""
        fired("logseq-properties", at + 1, "dropped")
    return "\n".join(lines), [at + 1 for at in found]


_TABLE_OPEN_RE = re.compile(r"^ {0,3}<table\b", re.I)
_TABLE_TAG_RE = re.compile(r"<(/?)table\b", re.I)
# A line Markdown would read as a block of its own: the author wrote Markdown in the cell.
_MARKDOWN_BLOCK_RE = re.compile(r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t]|\||```|~~~)")
_KEEP_OPEN = "<!-- -->"  # an empty comment: a line with text, so the HTML block goes on


@rule("html-table-lines")
def join_html_table_lines(body: str) -> tuple[str, list[int]]:
    """A table written in HTML by hand often has empty lines between its rows and cells
    ("</tr>", a blank line, "<!-- WEEK 2 -->"). Markdown ends an HTML block at an empty
    line, so the rest of the table would be read as indented code and loose text, and all
    but its first rows lost. Inside a `<table>` up to its `</table>`, an empty line is no
    end: it is kept as an empty comment, on the same line. Not where the author writes
    Markdown in the cells (GitHub's "<td>", a blank line, "- item"): there the empty lines
    are what make it Markdown."""
    if "<table" not in body.lower():
        return body, []
    lines = body.split("\n")
    # a table shown in a code block is code: its lines stay as written
    outside = {at for at, _line in unfenced(lines)}
    found: list[int] = []
    at = 0
    while at < len(lines):
        opens = at in outside and _TABLE_OPEN_RE.match(lines[at])
        end = _table_end(lines, at) if opens else None
        if end is None:
            at += 1
            continue
        inside = range(at + 1, end)
        blanks = [i for i in inside if not lines[i].strip()]
        if any(i not in outside for i in inside):
            at += 1  # a fence opens before the table closes: not one HTML table to join
            continue
        if blanks and not any(_MARKDOWN_BLOCK_RE.match(lines[i]) for i in inside):
            for i in blanks:
                lines[i] = _KEEP_OPEN
            found.append(at + 1)
            fired("html-table-lines", at + 1, "table")
        at = end + 1
    return "\n".join(lines), found


def _table_end(lines: list[str], at: int) -> int | None:
    """The line closing the table opened on line `at` (nested tables counted), or None."""
    depth = 0
    for index in range(at, len(lines)):
        for tag in _TABLE_TAG_RE.finditer(lines[index]):
            depth += -1 if tag[1] else 1
            if depth == 0:
                return index
    return None


def _markdown_inside(lines: list[str], at: int) -> bool:
    """A div asking for its Markdown to be read, up to its end, holds Markdown entries and
    no HTML of its own ("<ul><li>" inside is read as the HTML it is)."""
    if not _MARKDOWN_DIV_RE.match(lines[at]):
        return False
    inside: list[str] = []
    for line in lines[at + 1 :]:
        if _PAGE_TAG_RE.match(line):
            break
        inside.append(line)
    return any(_LIST_LINE_RE.match(line) or _HEADING_RE.match(line) for line in inside) and not any(
        line.lstrip().startswith("<") for line in inside
    )


# "*   **Status:** Completed", "- Link: <https://…>": one field of a record, its key short.
_FIELD_ITEM_RE = re.compile(
    r"^[ \t]{0,3}[-*+][ \t]+(?:\*\*|__)?"
    r"(?P<key>[^\s:：*_\[\]()#][^:：*_\[\]()#\n]{0,29}?)(?:\*\*|__)?[ \t]*[:：](?:\*\*|__)?[ \t]*\S"
)
MIN_RECORDS = 3
MAX_RECORD_KEY_WORDS = 3


def _record_fields(lines: list[str], start: int) -> tuple[list[int], list[str]] | None:
    """The lines and keys of the list of fields right under line `start` (a blank line may
    stand between), or None when the list after it is anything else."""
    at = start + 1
    if at < len(lines) and not lines[at].strip():
        at += 1
    rows: list[int] = []
    keys: list[str] = []
    while at < len(lines) and lines[at].strip():
        found = _FIELD_ITEM_RE.match(lines[at])
        if found is None or len(found["key"].split()) > MAX_RECORD_KEY_WORDS:
            return None
        rows.append(at)
        keys.append(found["key"].strip().casefold())
        at += 1
    return (rows, keys) if rows else None


def _runs_on_from(above: str) -> bool:
    """Whether a line right under `above` continues its paragraph (a heading has none)."""
    return bool(above.strip()) and not _HEADING_RE.match(above)


@rule("record-lines")
def mark_record_lines(body: str) -> tuple[str, list[int]]:
    """A name alone on its line over a list of its fields ("Course 2: R Programming" over
    "* **Status:** Not Started", "* **Link:** <…>"), record after record with the same keys,
    is a list of entries written as cards: each name an entry, its fields its notes (and a
    "Status" its state). Markdown reads the name as a paragraph and the fields as a list
    of their own; they become one entry with the fields under it. It takes three records
    whose lists share a key; a paragraph of prose, a heading or a list line is no name."""
    lines = body.split("\n")
    records: list[tuple[int, list[int], list[str]]] = []
    in_fence = False
    for at, line in enumerate(lines):
        if _FENCE_RE.match(line):
            in_fence = not in_fence
            continue
        # a heading ends its own paragraph: "### Weekly Schedule:" right over the first record
        if in_fence or not line.strip() or (at > 0 and _runs_on_from(lines[at - 1])):
            continue
        if _kind(line) not in ("bare", "field", "label") or _LIST_LINE_RE.match(line):
            continue
        found = _record_fields(lines, at)
        if found is not None:
            records.append((at, *found))
    shared = Counter(key for _, _, keys in records for key in set(keys))
    records = [r for r in records if any(shared[key] >= MIN_RECORDS for key in r[2])]
    if len(records) < MIN_RECORDS:
        return body, []
    for at, rows, _keys in records:
        lines[at] = f"- {lines[at].strip()}"
        for row in rows:
            lines[row] = "    " + lines[row].lstrip(" \t")
    return "\n".join(lines), [at + 1 for at, _, _ in records]
