"""Labels: "Linear Algebra: vectors, matrices, eigenvalues…" is the item "Linear Algebra".

Authors name an item and then explain it on the same line, after a colon, often with the name
in bold. The name is the checkbox; the explanation is the item's note. A short phrase after the
colon ("Channels: buffered and unbuffered") is part of the name and stays in the title; a
calendar slot ("Week 5: …") or a numbering label ("Step 2: …") is read by the duration and
title rules, not here.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from roadvault.parse.drafts import (
    DETAILS,
    HEADING,
    ITEM,
    PSEUDO,
    ROW,
    Draft,
    holds_items,
    is_facet_title,
    resource_kind,
    split_label,
    walk,
)
from roadvault.parse.durations import is_slot, parse_duration
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import (
    STEP_QUALIFIERS_CJK,
    pull_sections,
    reads_as_action,
    series_word,
)
from roadvault.parse.titles import (
    MONTH_NAMES,
    WEEKDAY,
    has_numbering,
    light_clean,
    opens_a_part,
    plain_label,
    remove_controls,
    strip_decorations,
)

# Words after the colon from which the rest reads as an explanation, not part of the name.
MIN_PROSE_WORDS = 6
MAX_LABEL_WORDS = 5
MAX_GROUP_LABEL_WORDS = 3  # "Deliverable", "Homework", "Mini project": kept in the title
_BOLD_LABEL_RE = re.compile(
    r"^\s*(?:\*\*|__)[^*_\n]{1,80}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])"
)
_UNESCAPED_COLON_RE = re.compile(r"(?<!\\)[:：]")
# "🎯 **Kernel locking: spinlock vs mutex**": a bold span that runs on past its colon
_BOLD_OVER_COLON_RE = re.compile(
    r"^\s*(?:[^\w\s*_]{1,3}\s*)?\*\*(?:(?!\*\*)[^\n:：]){1,80}[:：]\s*[^\s*]"
    r"(?:(?!\*\*)[^\n])*\*\*"
)
_KEEP_DOT_END_RE = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|st|no|vol|fig)|\b[A-Za-z])$", re.I
)
_SENTENCE_END_RE = re.compile(r"[.!?。！？]\s*$")


_ASIDES_RE = re.compile(r"\s*[(（][^()（）]*[)）]")


# Chinese and Japanese write words without spaces: two characters make about one word.
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")


def _word_count(text: str) -> int:
    cjk = sum(max(1, len(run) // 2) for run in _CJK_RUN_RE.findall(text))
    return len(_CJK_RUN_RE.sub(" ", text).replace("、", " ").split()) + cjk


def _is_prose(rest: str) -> bool:
    # "LeetCode (Medium: Single Number, Power of Two)": an aside lists, it does not explain
    rest = rest.removesuffix(".")  # titles keep a sentence's full stop; it says no more here
    words = _word_count(_ASIDES_RE.sub(" ", rest))
    if words >= MIN_PROSE_WORDS:
        return True
    return words >= 3 and bool(_SENTENCE_END_RE.search(rest))


_DESCRIPTION_DASH_RE = re.compile(r"^\s*[-–—]\s+(?P<rest>\S.*)$", re.S)


def _split_link_description(draft: Draft) -> tuple[str, str] | None:
    """ "[Rustlings](…) - A by-example guide to the book's content.": the linked name of the
    thing to study, a dash, and what it is — as an awesome list writes each entry."""
    if not draft.links or not (draft.raw or "").lstrip(" *_").startswith("["):
        return None
    name = light_clean(draft.links[0][0]).strip()
    if not name or not draft.title.startswith(name) or _PATH_NAME_RE.search(name):
        return None  # "[`week-01-core-concepts/`](…) - Scalability, …": a folder names nothing
    match = _DESCRIPTION_DASH_RE.match(draft.title[len(name) :])
    return (name, match["rest"].strip()) if match else None


# A folder or file as a link's text: "week-01/", "notes.md".
_PATH_NAME_RE = re.compile(r"/|\.[a-z]{1,5}$|^[\w-]+[-_]\w+$")


_FIRST_SENTENCE_RE = re.compile(r"^(?P<label>[^.!?。]{2,50}?)[.。]\s+(?P<rest>\S.*)$", re.S)


def _split_first_sentence(title: str) -> tuple[str, str] | None:
    """ "Habit Change. Learn how to acquire good habits…": a name written as its own short
    sentence before the explanation (never "e.g. …" or "v2.1")."""
    match = _FIRST_SENTENCE_RE.match(title)
    if match is None or not match["label"][:1].isupper():
        return None
    label, rest = match["label"].strip(), match["rest"].strip()
    if (
        len(label.split()) > 4
        or len(rest.split()) < MIN_PROSE_WORDS
        or _KEEP_DOT_END_RE.search(label)
        # "Find examples. You could find a video…": a step told as sentences, not a name
        or reads_as_action(label)
    ):
        return None
    return label, rest


# "Mon", "Mon–Tue", "월~화", "周一至周三", "Sat/Sun": days of the week, alone or as a range.
_WEEKDAYS_RE = re.compile(
    rf"^(?:{WEEKDAY})(?:\s*(?:[-–—~〜～/,&+]|to|至|and|y|e)\s*(?:{WEEKDAY}))*$", re.I
)


# "January", "Enero", "Février", "März", "3月", "10월": a month of the calendar.
_MONTH = (
    rf"(?:{MONTH_NAMES})\.?"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
    r"|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
    r"|novembro|dezembro|janvier|février|mars|avril|mai|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|(?:[一二三四五六七八九十]|十[一二])月|\d{1,2}\s*[月월]"
)
# "March", "Jan–Mar", "Enero y Febrero": months alone or as a range.
_MONTHS_RE = re.compile(
    rf"^(?:{_MONTH})(?:\s*(?:[-–—~〜～/,&+]|to|至|and|y|e)\s*(?:{_MONTH}))*$", re.I
)


# "W1", "H3", "D12", "S2": a week, day or session code, not a name.
_SLOT_CODE_RE = re.compile(r"^[A-Za-z]{1,2}\d{1,3}$")
# "Bloco 4", "Модуль 3", "Kapitel II", "Unit #2": a numbered part in any language; what
# follows its colon is the part's name, not an explanation.
_ORDINAL_LABEL_RE = re.compile(
    r"^[^\W\d_]{2,20}\.?\s*(?:#|№|n[°º]\s*)?(?:\d{1,3}(?:\.\d{1,2})?|[IVXL]{1,5})[a-z]?$"
)


_KIND_OF_STEP_RE = re.compile(
    r"^(?:(?:mini[- ]?|final |capstone |side |group |weekly |practice |hands-on )?"
    r"(?:projects?|exercises?|tasks?|assignments?|homework|labs?|challenges?|practice|quiz"
    r"|exam|capstone|deliverables?|kata|drill)"
    r"|proyecto|projeto|projekt|projet|ejercicio|exercício|übung|aufgabe|tarea|tarefa"
    # "Вводный урок: настройка окружения…", "Lesson: loops": a lesson, named after the colon
    r"|(?:intro(?:ductory)? |first |final |вводный |первый |заключительный )?"
    r"(?:lesson|lecture|урок|лекция|занятие|lección|aula|leçon|lektion|lezione|lekcja|ders)"
    rf"|(?:{STEP_QUALIFIERS_CJK})?(?:项目|练习|作业|任务|課題|演習|プロジェクト|과제|실습|프로젝트))$"
)


# "Learn:", "Study:", "Read:", "学习:", "読む:": an action whose object follows the colon.
_ACTION_LABEL_RE = re.compile(
    r"^(?:learn|study|read|watch|practi[cs]e|review|revise|build|implement|write|solve"
    r"|aprender|estudiar|leer|practicar|estudar|ler|praticar|lernen|lesen|üben|apprendre|lire"
    r"|学习|学|阅读|练习|复习|实践|实现|学ぶ|学習|読む|練習|復習|実装|공부|학습|읽기|연습)$"
)
# "06-maps", "02_control_flow", "lesson-3", "ch04": a folder or file name, not a topic name.
_SLUG_RE = re.compile(r"^(?:\d{1,3}[-_.][a-z0-9][a-z0-9_-]*|[a-z][a-z0-9]*(?:[-_][a-z0-9]+)+)$")


def split_name_and_prose(draft: Draft) -> tuple[str, str] | None:
    """(name, explanation) when the item's title is a short name, a colon and prose."""
    if draft.kind != ITEM or not draft.title:
        return None
    if any(c.kind == ITEM for c in draft.children):
        # "2. UNIXWAY: everything is a file, streams, pipes" over its topics: what follows the
        # colon says what the part holds, so it belongs to the part's name, not to a note
        return None
    split = split_label(draft.title)
    linked = None if split else _split_link_description(draft)
    split = split or linked or _split_first_sentence(draft.title)
    if split is None or not split[1]:
        return None
    label, rest = split
    label = strip_decorations(label).strip(" *_")
    # a linked name is delimited by its link, so it may be as long as a book's title
    longest = MAX_NAME_WORDS if linked is not None and split is linked else MAX_LABEL_WORDS
    if not label or len(label.split()) > longest or has_numbering(label):
        return None
    last = label.split()[-1].casefold()
    if re.search(rf"(?<!\w){re.escape(last)}\s*:", rest.casefold()):
        # "using display: block vs. display: inline": the colon is the syntax being taught,
        # its key written again after it, not a name's end
        return None
    if _KIND_OF_STEP_RE.match(plain_label(label)):
        return None  # "**Project**: Log analyzer": the kind of step, then its name: keep both
    if _ACTION_LABEL_RE.match(plain_label(label)):
        return None  # "学习: goroutine、channel": what to do, then what it is done to
    if _SLUG_RE.match(label):
        return None  # "**06-maps**: Map CRUD": the folder the work lives in, then what it is
    if (
        parse_duration(label)
        or parse_duration(rest)
        or _WEEKDAYS_RE.match(label)
        or _SLOT_CODE_RE.match(label)
        or _ORDINAL_LABEL_RE.match(label)
    ):
        return None  # "Mon–Tue: closures", "W3: joins": the label is when, the rest is what
    colon = bool(_UNESCAPED_COLON_RE.search(draft.raw or ""))
    if draft.raw and not colon and split_label(draft.title):
        return None  # "Name\: rest" — the author (or --outline) wrote the colon as text
    if _title_cased(rest) or _BY_AUTHOR_RE.search(rest):
        # "Code: The Hidden Language of Computer Hardware", "Force: Dynamic life drawing for
        # animators by Michael Mattesi": a book's subtitle
        return None
    bold = bool(_BOLD_LABEL_RE.match(draft.raw))
    if not bold and _BOLD_OVER_COLON_RE.match(draft.raw or ""):
        return None  # "**Kernel locking: spinlock vs mutex**": one name set in bold, colon and all
    if bold and resource_kind(label) == "strong" and _names_one_thing(rest):
        return None  # "**Book**: The Complete Guide to Glazes": the kind, then a title
    if _is_prose(rest):
        return label, rest
    if bold and not _names_one_thing(rest):
        return label, rest
    return None


# "… by Michael Mattesi;", "… by J. R. Smith": a book's author closing its title.
_BY_AUTHOR_RE = re.compile(r"\bby\s+(?:[A-Z][\w'’-]*\.?\s*){1,4}[;.,]?\s*$")


def _title_cased(text: str) -> bool:
    """ "The Hidden Language of Computer Hardware and Software": most long words capitalised,
    as a title is written, not a sentence."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) > 3]
    if len(words) < MIN_TITLE_CASE_WORDS or text.rstrip().endswith("."):
        return False
    return sum(1 for w in words if w[0].isupper()) * 5 >= len(words) * 4


MIN_TITLE_CASE_WORDS = 3


_ENUMERATION_RE = re.compile(r"[,;、，；]|\s(?:and|or|y|e|und|et|и)\s|\s[-–—]\s")


def _names_one_thing(rest: str) -> bool:
    """ "**Hussein Nasser**: OS Fundamentals", "**Book**: Concurrency in Go": what follows
    the bold label is the name of the thing to study (its source or kind before it), not
    an explanation or a list of what the label covers ("**Linear Algebra:** vectors,
    matrices"). The label stays in the title."""
    words = rest.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and not _ENUMERATION_RE.search(rest)
        and (rest[:1].isupper() or rest[:1].isdigit())
    )


MAX_NAME_WORDS = 8


_ENDS_IN_NUMBER_RE = re.compile(r"\d+(?:\s*[-–—~]\s*\d+)?\s*$")


# "[Foundations](…) | [Odin Project](…) - Completed in July": links side by side.
_LINK_ROW_RE = re.compile(r"^\[[^\[\]]+\]\([^()\s]*\)(?:\s*[|·]\s*\[[^\[\]]+\]\([^()\s]*\))+")


@rule("link-row")
def name_before_sources(root: Draft) -> None:
    """ "[Foundations](./01.md) | [Odin Project](…)" in every entry of a list: the first
    link names the step, the links beside it are where to study it (the same source, named
    alike in entry after entry). The step is "Foundations"; what follows a dash after the
    links is its note."""
    for holder in walk(root):
        rows = [
            (c, _LINK_ROW_RE.match((c.raw or "").lstrip(" *_")))
            for c in holder.children
            if c.kind == ITEM and len(c.links) >= 2
        ]
        rows = [(c, m) for c, m in rows if m is not None]
        if len(rows) < 2:
            continue
        sources = Counter(plain_label(text) for c, _ in rows for text, _href in c.links[1:])
        for draft, match in rows:
            if any(sources[plain_label(text)] < 2 for text, _href in draft.links[1:]):
                continue  # "[HTML](…) | [CSS](…)": two steps named side by side
            rest = _DESCRIPTION_DASH_RE.match(draft.raw.lstrip(" *_")[match.end() :])
            draft.title = light_clean(draft.links[0][0]).strip() or draft.title
            if rest:
                draft.notes.insert(0, rest["rest"].strip())
            fired("link-row", draft.line, "item", draft.title)


@rule("label-prose")
def name_before_explanation(root: Draft) -> None:
    """`- **Linear Algebra:** vectors, matrices…` and `- Probability: This is crucial for…`
    are the items "Linear Algebra" and "Probability"; the text after the colon is the note.
    So is an awesome list's `- [Rustlings](…) - A guide to the book by small exercises.`:
    the linked name, then a dash and a sentence about it (a linked folder names nothing).
    A label that comes back ("**Dialog:** …" in every week, "Graphs" as an item of its own
    before "**Graphs:** BFS, DFS") or ends in a number ("Day 1-2: …") names no step on its
    own: the whole line stays the title. So does a first sentence that tells an action
    ("Find examples. …"), or one among entries that are whole sentences ("**Scaffold**. …"),
    and a label that is a folder or a file's path ("`code/00-requirements/`: two user stories
    and an ADR…", "`app.py`: Streamlit works": where the work is done), and a label that says
    how to take the step ("Optional: repeat the case study a week later"). An entry with
    entries under it is a part: "2. UNIXWAY: everything is a file, streams, pipes" keeps
    its whole line, the words after the colon say what the part holds."""
    splits = [(draft, split_name_and_prose(draft)) for draft in walk(root)]
    labels = Counter(plain_label(found[0]) for _, found in splits if found is not None)
    # "Graphs (directed, undirected)" and later "**Graphs:** BFS, DFS": cut to its label,
    # the second would be a copy of the first
    named = {
        plain_label(_ASIDES_RE.sub("", draft.title))
        for draft, found in splits
        if found is None and draft.title
    }
    labels.update(named & set(labels))
    # "**Vorbereitung**: …" in every week, whether or not the rest reads as prose each time
    labelled = Counter(
        plain_label(strip_decorations(split[0]).strip(" *_"))
        for draft, _ in splits
        if draft.kind == ITEM and draft.title and (split := split_label(draft.title))
    )
    found_of = {id(draft): found for draft, found in splits}
    parents = {id(c): d for d in walk(root) for c in d.children}
    for draft, found in splits:
        if found is None:
            continue
        label, rest = found
        if _lone_sentence_split(draft, parents.get(id(draft)), found_of):
            continue  # "**Scaffold**. Solve easier problems…" among whole-sentence steps
        if (
            labels[plain_label(label)] > 1
            or labelled[plain_label(label)] > 1
            # "Day 1-2: …", and "Lab 14 (May 15): Perceptron": the number before a date too
            or _ENDS_IN_NUMBER_RE.search(_ASIDES_RE.sub("", label))
            or names_a_when(label)
            or _PATH_RE.fullmatch(label.strip(" *_`"))
            or _CODE_FILE_LABEL_RE.match((draft.raw or "").lstrip("-*+ "))
            or _QUALIFIER_LABEL_RE.match(plain_label(label))
        ):
            # "**Dialog:** 'Meeting people'" in every week, "Day 1-2: variables": the label
            # is a kind of task or a slot; only with what follows does it name the step
            continue
        draft.title = label
        draft.notes.insert(0, rest)
        fired("label-prose", draft.line, "item", f"note: {rest[:40]}")


# "`code/00-requirements/`: write two user stories…": where the work is done, not its name.
# A folder ends in "/", a file has an extension: "HTML/CSS" is a name.
_PATH_RE = re.compile(r"\.?/?(?:[\w.-]+/)+|\.?/?(?:[\w.-]+/)+[\w-]+\.\w{1,5}")
# "`app.py`", "`day20_app.py`": a file's name, set as code ("Node.js" unset is a name).
_CODE_FILE_LABEL_RE = re.compile(r"^\s*`[\w.-]+\.\w{1,5}`")
# "Optional: …", "Bonus: …", "Stretch: …": how the step is to be taken, not its name.
_QUALIFIER_LABEL_RE = re.compile(
    r"^(?:optional|bonus|extra|stretch(?: goal)?|advanced|nice to have|if time(?: permits)?"
    r"|opcional|optionnel|facultatif|zusätzlich|freiwillig|opzionale|facoltativo"
    r"|opcjonalnie|isteğe bağlı|opsional|tùy chọn|опционально|дополнительно|необязательно"
    r"|可选|选做|选修|任意|オプション|선택|선택 사항)$"
)


def names_a_when(label: str) -> bool:
    """ "2024-09-11 (周三)", "Monday", "March", "Week 3": a label that says when, not what."""
    bare = strip_decorations(_WHEN_ASIDE_RE.sub(" ", label)).strip(" :：*_")
    bare = " ".join(bare.split())
    return _slot_or_date(bare) or bool(
        _WEEKDAYS_RE.match(bare) or _MONTHS_RE.match(bare) or _LAST_SLOT_RE.match(bare)
    )


# "Final week", "Tuần cuối", "Última semana", "最后一周": the plan's last slot, named by place.
_LAST_SLOT_RE = re.compile(
    r"^(?:(?:the )?(?:final|last|closing) (?:week|day|session|class|lesson|month|sprint)"
    r"|(?:semana|clase|sesión|sessão|aula|lección|día|dia|mes|mês) (?:final|última|último)"
    r"|(?:última|último) (?:semana|clase|sesión|sessão|aula|lección|día|dia|mes|mês)"
    r"|(?:dernière|dernier) (?:semaine|séance|cours|jour|mois)|(?:semaine|séance) finale"
    r"|letzte[rn]? (?:woche|sitzung|stunde|tag|monat)|abschlusswoche"
    r"|(?:tuần|buổi|ngày|tháng) (?:cuối|cuối cùng)|son (?:hafta|gün|ders|ay)"
    r"|(?:minggu|hari|sesi|pertemuan|bulan) terakhir"
    r"|последн(?:яя|ий|ее) (?:неделя|день|занятие|урок|месяц)"
    r"|最后一?(?:周|週|天|课|讲|个月)|最終(?:週|日|回|月)|마지막 (?:주|날|수업|달))$",
    re.I,
)


def _slot_or_date(text: str) -> bool:
    """ "Day 3", "Week 8 - Week 9", "2025/12/29", "3月5日": a place in the calendar."""
    return bool(_SLOTS_ONLY_RE.match(text) or _DATE_ONLY_RE.match(text))


_WHEN_ASIDE_RE = re.compile(r"[(（][^()（）]{0,20}[)）]")


def _lone_sentence_split(
    draft: Draft, parent: Draft | None, found_of: dict[int, tuple[str, str] | None]
) -> bool:
    """A name cut off as its own first sentence, where most entries beside it are whole
    sentences that cut into nothing: the author wrote steps as sentences, this one too."""
    if parent is None or split_label(draft.title) or _split_link_description(draft):
        return False
    if _split_first_sentence(draft.title) is None:
        return False
    entries = [c for c in parent.children if c.kind == ITEM]
    split = sum(1 for c in entries if found_of.get(id(c)) is not None)
    return split * 2 < len(entries)


def _collapse_into_child(group: Draft) -> None:
    only = group.children[0]
    fired("one-child-group", group.line, "note", group.title)
    label = strip_decorations(group.title).rstrip(" :：")
    short = 0 < len(label.split()) <= MAX_GROUP_LABEL_WORDS
    group.title = f"{label}: {only.title}" if short else only.title
    if not short:
        group.notes.insert(0, label)
    group.text, group.raw, group.links = only.text, only.raw, only.links
    group.marker = only.marker
    group.line = only.line
    group.label = False
    group.duration = group.duration or only.duration
    group.planned = group.planned or only.planned
    group.notes.extend(only.notes)
    group.resources.extend(only.resources)
    group.children = only.children


@rule("one-child-group")
def collapse_one_child_groups(draft: Draft, depth: int = 0) -> None:
    """A label over a single entry ("Homework:" › "Design a database for a blog",
    "Deliverable" › "Infra diagram") is one item, named by both ("Deliverable: Infra
    diagram"). A phase with one entry stays a phase."""
    # "**Spreadsheets**:" › "**Excel**: formulas…", beside "**Visualisation**:" › two
    # named tools and "**Practice**:" › two: a series of parts, each a part whatever it
    # holds ("**Homework**:" › "Design a database." is still one item)
    series = sum(1 for c in draft.children if c.kind == ITEM and c.label and len(c.children) >= 2)
    for child in draft.children:
        collapse_one_child_groups(child, depth + 1)
        if child.is_task or len(child.children) != 1 or child.section_status is not None:
            continue  # (a board's "Not done" column over one entry is still a column)
        only = child.children[0]
        if series >= 2 and child.label and split_label(remove_controls(only.text)):
            continue
        if is_slot(child.duration):
            continue  # "**Week 16: Resume**" › one task: a week of the plan, as a phase is
        numbered_entry = child.numbered and child.label_notes and not only.children
        if numbered_entry and split_label(remove_controls(only.text)):
            # "**1.1 Text basics:**" › "**Topics:** …" (a note), "**Libraries:** NLTK": the
            # last field left over is a field too, the numbered step keeps its own name
            fired("one-child-group", only.line, "note")
            child.notes.append(only.raw or only.text)
            child.label_notes += 1
            child.children = []
            continue
        if only.kind != ITEM or not only.title:
            continue
        # "- Homework:" or a bold "- **Detailed plan**" over one entry
        # (over a sentence, "- **Sharpening**" › "Keep the angle." is described instead)
        bold_label = bool(
            re.fullmatch(r"\s*(\*\*|__)[^*_\n]{1,40}\1\s*", child.raw or "")
        ) and not only.text.rstrip().endswith((".", "。", "!", "?"))
        labelled_item = child.kind == ITEM and (child.label or bold_label)
        group_of_one = child.kind == PSEUDO and depth >= 1 and not only.children
        if labelled_item or group_of_one:
            _collapse_into_child(child)
            child.kind = ITEM


@rule("sole-caption")
def lift_sole_captions(draft: Draft) -> None:
    """A section whose only content is one caption over its list ("### 1. HTML" › "Open
    the folder `/html`:" › the lessons; "Topics:" › the topics) holds that list itself: the
    heading already names the group, so the caption is the section's note, not a level of
    its own. A caption that is a part of the plan ("Week 2:"), a task, or one of several
    stays."""
    for child in draft.children:
        lift_sole_captions(child)
    if draft.kind not in (HEADING, DETAILS) or len(draft.children) != 1:
        return
    caption = draft.children[0]
    if (
        caption.kind != PSEUDO
        or not caption.label
        or caption.is_task
        or caption.numbered
        or caption.duration
        or caption.section_status is not None
        or opens_a_part(caption.text or caption.title)
        or len(caption.children) < 2
        or any(c.kind != ITEM for c in caption.children)
    ):
        return
    fired("sole-caption", caption.line, "note", caption.title)
    draft.notes = [*draft.notes, caption.title, *caption.notes]
    draft.resources.extend(caption.resources)
    draft.children = caption.children


# A title of calendar slots only: "Day 1 - Day 2", "Day 3 and Day 4", "Week 8 - Week 9".
# One space-eater per slot: two around an optional separator would backtrack exponentially.
_SLOTS_ONLY_RE = re.compile(
    r"^(?:(?:weeks?|days?|months?|sessions?|class(?:es)?|lectures?|semanas?|d[íi]as?|woche|tage?"
    r"|semaines?|jours?)\s*\d{1,3}\s*(?:[-–—~]\s*\d{1,3}\s*)?"  # "Day 61 - 90"
    r"(?:(?:[-–—&,+/]|\band\b|\by\b|\bund\b|\bet\b)\s*)?)+$",
    re.I,
)


def _is_caption(draft: Draft) -> bool:
    """An empty heading that is no facet ("### Soft Skills" straight above the next one)."""
    return (
        draft.kind in (HEADING, PSEUDO)
        and not draft.children
        and not draft.notes
        and not draft.is_task
        and not is_facet_title(draft.title)
    )


def names_only_a_slot(title: str) -> bool:
    """ "Semaine 15", "Week 3 - Week 4", "Day 12", "Week 1 (Feb. 5-9).": a place in the
    calendar and no topic."""
    return bool(_SLOTS_ONLY_RE.match(plain_label(_ASIDE_AT_END_RE.sub("", title))))


# "(Feb. 5-9).": an aside closing a title, and what punctuation follows it
_ASIDE_AT_END_RE = re.compile(r"\s*[(（][^()（）]*[)）][\s.:;,]*$")


MIN_LISTED_CAPTIONS = 2


@rule("slot-caption")
def name_slots_by_topic(draft: Draft) -> None:
    """A section named only by its calendar slot ("## Week 6 - Day 1 - Day 2") takes its name
    from the topic heading right under it ("### Soft Skills"): the slot is the part's time,
    the topic its name. Further empty headings under it are subtitles (notes); a slot
    holding a single topic section becomes that topic. A slot holding nothing but empty
    headings of one level ("### Week 1" › "#### Introduction", "#### Linear algebra") lists
    its topics: they stay its steps. A day of the week or a date under it
    ("## Week 5" › "Tue") is no topic: the slot keeps its name."""
    for child in draft.children:
        name_slots_by_topic(child)
    for index, child in enumerate(draft.children):
        if child.kind not in (HEADING, PSEUDO) or not child.duration:
            continue
        if child.title and not _SLOTS_ONLY_RE.match(plain_label(child.title)):
            continue
        sections = [c for c in child.children if c.kind in (HEADING, PSEUDO)]
        if not sections or is_facet_title(sections[0].title) or names_a_when(sections[0].title):
            continue  # "## Week 5" › "Tue": a day of the week, no topic to name it by
        first = sections[0]
        alike = [c for c in child.children if _is_caption(c) and c.level == first.level]
        if len(alike) >= MIN_LISTED_CAPTIONS and len(alike) == len(child.children):
            continue  # "### Week 1" › "#### Introduction", "#### Linear algebra": its topics
        if _is_caption(first):
            fired("slot-caption", first.line, "phase", first.title)
            child.title, child.text, child.raw = first.title, first.text, first.raw
            child.children.remove(first)
            for caption in [c for c in child.children if _is_caption(c)]:
                child.children.remove(caption)
                child.notes.append(caption.title)
        elif len(sections) == 1 and len(child.children) == 1:
            fired("slot-caption", first.line, "phase", first.title)
            first.duration = first.duration or child.duration
            first.planned = first.planned or child.planned
            first.level = child.level
            first.notes[:0] = child.notes
            draft.children[index] = first


MIN_FILLED_AFTER_CAPTION = 2


def _a_part_of_the_plan(section: Draft) -> bool:
    """ "Week 1: Basics", "Days 31-40", "2. Tools": a section placed in the plan's order."""
    return bool(section.duration or section.numbered or series_word(section.title))


@rule("leading-caption")
def leading_captions_to_notes(draft: Draft) -> None:
    """An empty heading first in its part, over sections of its own level that each hold
    steps ("## Phase 1" › "### Prerequisites & Core Knowledge", then "### Linux" › its
    topics, "### Networking" › its topics), is the part's subtitle: its note, not a step.
    Where other headings of the part are empty too, each is a topic still to fill in."""
    for child in draft.children:
        leading_captions_to_notes(child)
    if draft.kind not in (HEADING, PSEUDO) or not draft.children:
        return
    first = draft.children[0]
    rest = draft.children[1:]
    if (
        first.kind == HEADING
        and _is_caption(first)
        # "### Week 1: Basics" with its days left out: a part of the plan, empty for now
        and not _a_part_of_the_plan(first)
        and len(rest) >= MIN_FILLED_AFTER_CAPTION
        and all(c.kind == HEADING and c.level == first.level and holds_items(c) for c in rest)
    ):
        fired("leading-caption", first.line, "note", first.title)
        draft.notes.append(first.title)
        draft.children = rest


@rule("empty-facet")
def drop_empty_facets(draft: Draft) -> None:
    """A facet heading with nothing under it ("#### Outline" over a lone "*", "Exercises"
    left to fill in) beside filled facets is a placeholder of a template, not a step to
    tick."""
    kept = []
    # a template's facets side by side ("Outline", "Exercises", "Tools"), one of them filled
    facets = [c for c in draft.children if is_facet_title(c.title)]
    siblings_hold_items = (len(facets) >= 2 and any(c.children for c in facets)) or (
        draft.kind in (HEADING, PSEUDO) and is_facet_title(draft.title)
    )
    for child in draft.children:
        drop_empty_facets(child)
        if (
            siblings_hold_items
            and child.kind in (HEADING, PSEUDO)
            and not child.children
            and not child.notes
            and not child.resources
            and not child.is_task
            and is_facet_title(child.title)
        ):
            fired("empty-facet", child.line, "dropped", child.title)
            continue
        kept.append(child)
    draft.children = kept


_DATE_ONLY_RE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}(?:[-/.]\d{2,4})?"
    r"|\d{4}年\d{1,2}月\d{1,2}日|\d{1,2}月\d{1,2}日)$"
)


def _names_only_a_day(entry: Draft) -> bool:
    """ "Day 3", "2025/12/29", "Day 1: 2025/12/29"."""
    parts = re.split(r"\s*[:：|·-]\s+|\s+[-–—]\s+", strip_decorations(entry.title).strip(" :："))
    return all(_slot_or_date(part) for part in parts if part)


MIN_NAMED_DAYS = 3
MIN_NAMED_WEEKS = 2


def _blank_week_of_a_course(section: Draft, parent: Draft) -> bool:
    """ "### Week 12 - Practice Week" › "Day 01: -" … among weeks whose days are named
    ("Day 01: Introduction to JSON"): a week of the course left to practise, not a log."""
    named_weeks = [
        s
        for s in parent.children
        if s is not section
        and s.kind == section.kind
        and s.level == section.level
        and sum(e.kind == ITEM and not _names_only_a_day(e) for e in s.children) >= MIN_NAMED_DAYS
    ]
    return len(named_weeks) >= MIN_NAMED_WEEKS


@rule("check-in-log")
def drop_check_in_logs(draft: Draft, notes: list[str]) -> None:
    """Boxes that name only a day or a date ("- [ ] Day 1", "- [ ] 2025/12/29", … "Day 14")
    are a habit check-in, not study: the learner's log, kept as text. Entries that each link
    to their page ("[Class 01](week_1/class-01)") are lessons named by their place; a week
    of blank days among weeks of named days ("Week 12 - Practice Week") is the course's."""

    def is_log(child: Draft, parent: Draft) -> bool:
        entries = child.children
        return (
            child.kind in (HEADING, PSEUDO)
            and len(entries) >= 3
            and all(e.kind == ITEM and not e.children and _names_only_a_day(e) for e in entries)
            # "[Class 01](week_1-2/class-01)": each a link to its lesson, a class to take
            and not all(e.links for e in entries)
            and not _blank_week_of_a_course(child, parent)
        )

    def take(log: Draft, _parent: Draft) -> None:
        notes.append("\n".join([log.title, *(f"- {e.raw or e.title}" for e in log.children)]))
        for inner in walk(log):
            fired("check-in-log", inner.line, "note")

    pull_sections(draft, is_log, take)


# "[Lesson]", "X.1 [Leccion]", "[Skill 1]", "____": a blank of a template to copy.
_PLACEHOLDER_RE = re.compile(
    r"^(?:[Xx]{1,2}(?:\.[\dXx]{1,2})*\.?\s+)?(?:\[[^\[\]()\s]{1,20}(?: [^\[\]()\s]{1,20}){0,2}\]"
    r"|_{3,}|\.{3,}|…"
    # "**Project Name**: Description of the project": a form's field, not yet filled in
    r"|(?:(?i:your|my) )?(?i:project|course|book|topic|lesson|task|skill|app|resource)"
    r" (?i:name|title)(?: \d{1,2})?)"
    r"(?:\s*[:：-].*)?$"
)


# "_Add topics here as you identify them_", "*(add your own)*": set apart in italics or
# brackets, the template telling its user what to write in the blank.
_ADD_HERE_RE = re.compile(
    r"^(?:_|\*|\(|\[)+\s*(?:add|write|list|put|insert|fill in|enter|type|paste)\b[^.!?\n]*"
    r"\b(?:here|below|yours?|own)\b[^\n]*?(?:_|\*|\)|\])+\s*$",
    re.I,
)


def _asks_to_add_here(raw: str) -> bool:
    """ "_Add topics here as you identify them_": the whole entry wrapped in emphasis or
    brackets, asking to write one's own; "**Write your own malloc()**" and words after the
    bold is a project named, not the template speaking."""
    text = (raw or "").strip()
    if not _ADD_HERE_RE.match(text):
        return False
    inner = text.lstrip("_*([ ").rstrip("_*)] ")
    return not any(mark in inner for mark in ("*", "__", "](", ")", "]"))


# "[DE 102]", "[CS101]", "[MATH 2410]": a course's code in brackets (a reference link with no
# address yet), a unit to take, not a blank to fill in.
_COURSE_CODE_RE = re.compile(r"\[[A-Z]{2,5}[ -]?\d{2,4}[A-Z]?\]")


_LETTER_SLOT_RE = re.compile(
    r"\b(?:week|day|module|m[óo]dulo|phase|step|stage|semana|woche|lesson|unit|chapter|sprint)"
    r"\s+[NXnx]\b",
    re.I,
)


def section_text_of(draft: Draft) -> str:
    return "\n".join(
        [draft.title, *(f"- {d.raw or d.title}" for d in walk(draft) if d is not draft)]
    )


def _blank_field(entry: Draft) -> bool:
    """ "- [ ] GitHub:" with nothing after the colon and nothing under it."""
    text = strip_decorations(entry.text).strip()
    return (
        entry.kind == ITEM
        and not entry.children
        and not entry.notes
        and text.endswith((":", "："))
        and len(text.split()) <= 4
    )


MIN_FILLED_LABELS = 2


def _filled_labels(draft: Draft) -> list[Draft]:
    """The entries of `draft` named with a closing colon that hold entries of their own."""
    return [
        c
        for c in draft.children
        if c.kind == ITEM and c.children and strip_decorations(c.text).strip().endswith((":", "："))
    ]


_BRACKETS_RE = re.compile(r"\[([^\[\]()\n]{1,40})\](?!\()")


def _holds_a_blank(raw: str) -> bool:
    """ "Module X: [Name]", "Score: [__/9]": a bracket left to fill in. "Week 3 - [June 02,
    2025 - June 08, 2025]" is not one: its numbers say when."""
    return any(
        "_" in inside or not any(char.isdigit() for char in inside)
        for inside in _BRACKETS_RE.findall(raw or "")
    )


# "Break (5 min)", "☕ Coffee break", "Pausa", "休息": the rest between sessions of a
# timetable, named with nothing to study.
_BREAK_RE = re.compile(
    r"^(?:(?:short|long|coffee|tea|lunch|snack|stretch(?:ing)?|screen) )?breaks?"
    r"|pause|pausa|descanso|intervalo|perehat|перерыв|przerwa|mola|istirahat|rehat"
    r"|nghỉ(?: giải lao)?|休息|休憩|휴식|break time$",
    re.I,
)
MIN_BREAKS = 2
# "**Spring Break**", "No class", "Reading week", "Vacances d'hiver": a gap in a course's
# calendar, named once; nothing to study in it.
_HOLIDAY_RE = re.compile(
    r"^(?:(?:spring|winter|summer|fall|autumn|mid-?term|midsemester|mid-semester|semester"
    r"|term|easter|christmas|thanksgiving|holiday|fall reading|half-term)\s+(?:break|recess"
    r"|holidays?|vacation)|(?:no (?:class(?:es)?|lectures?|school|session))|reading week"
    # a season or a feast beside the word: "Vacaciones" alone may be a lesson's vocabulary
    r"|vacances d'hiver|vacances de (?:printemps|noël|la toussaint|février)|vacances d'été"
    r"|(?:winter|sommer|oster|herbst|pfingst|weihnachts|fasnachts|fastnachts|faschings|sport)ferien"
    r"|semana santa"
    r"|vacaciones de (?:invierno|verano|primavera|navidad)|f[ée]rias (?:de inverno|escolares)"
    # "国庆假期", "春节放假", "夏休み", "休講", "방학": a holiday in Chinese, Japanese, Korean
    r"|(?:国庆|春节|五一|清明|端午|中秋|元旦)(?:假期|放假|节)?|寒假|暑假|放假|休講|(?:夏|冬|春)休み"
    r"|祝日|방학|휴강|공휴일)$",
    re.I,
)


MIN_TABLE_ROWS = 3


def _rows_of_a_table(parent: Draft) -> bool:
    return sum(1 for c in parent.children if c.kind == ROW) >= MIN_TABLE_ROWS


@rule("break-entry")
def drop_breaks(root: Draft) -> None:
    """ "Break (5 min)" between "Pomodoro 1" and "Pomodoro 2", again and again: the rest a
    timetable keeps between sessions is not a step to study. Only where the plan keeps two
    breaks or more (one "Break" may be a topic: "Break and continue statements" is longer).
    A holiday in a course's calendar ("**Spring Break**", "No class", "Reading week", a
    table's row "Osterferien") is no step either, even once."""
    breaks = [
        d
        for d in walk(root)
        if d.kind in (ITEM, ROW)
        and not d.children
        and not d.is_task
        and _BREAK_RE.fullmatch(plain_label(d.title))
    ]
    # a caption holds what follows it: "**Spring Break**" over the weeks after the break;
    # in a timetable's row ("- | No class | No class") the cells keep the row's shape
    holidays = [
        d
        for parent in walk(root)
        if parent.kind != ROW
        for d in parent.children
        if (
            d.kind == PSEUDO
            or (d.kind == ITEM and not d.children)
            # a table's row among its rows, not a cell of a timetable's row
            or (d.kind == ROW and not d.children and _rows_of_a_table(parent))
        )
        and not d.is_task
        and _HOLIDAY_RE.match(plain_label(d.title))
    ]
    if len(breaks) < MIN_BREAKS:
        breaks = []
    gone = {id(d) for d in [*breaks, *holidays]}
    if not gone:
        return
    for draft in walk(root):
        if any(id(c) in gone for c in draft.children):
            kept = []
            for child in draft.children:
                if id(child) in gone:
                    fired("break-entry", child.line, "dropped")
                    kept.extend(child.children)
                else:
                    kept.append(child)
            draft.children = kept


@rule("template-placeholder")
def drop_placeholders(draft: Draft, notes: list[str]) -> None:
    """An entry that is only a blank to fill in ("- [ ] [Lesson]", "- [ ] X.1 [Leccion]",
    "- [ ] [Skill 1]") belongs to a template the author left for copying, not to the plan (a
    course's code in brackets, "- [ ] [DE 102]", is a unit to take, and a ticked one, "- [x]
    [Edit Distance]", a step the learner did);
    a section named with such a blank ("Module X: [Name]", "Week N – (topic)") is that
    template."""
    kept: list[Draft] = []
    blanks = [c for c in draft.children if _blank_field(c)]
    if len(_filled_labels(draft)) >= MIN_FILLED_LABELS:
        # "- Databases:" beside "- [Networking:](net/)" › its lessons: a group like the
        # others, none filled in yet, not a form's field
        blanks = []
    for child in draft.children:
        text = strip_decorations(child.text).strip()
        if len(blanks) >= 2 and child in blanks:
            fired("template-placeholder", child.line, "dropped", "blank field")
            continue  # "- [ ] GitHub:", "- [ ] Completion Date:": fields left to fill in
        if (
            child.kind in (ITEM, ROW)
            and not child.children
            and _PLACEHOLDER_RE.match(text)
            and not _COURSE_CODE_RE.search(text)
            # "- [x] [Edit Distance]": a blank nobody ticks; ticked, it is the learner's step
            and (child.marker or " ") == " "
        ):
            fired("template-placeholder", child.line, "dropped")
            continue
        if child.kind in (ITEM, ROW) and not child.children and _asks_to_add_here(child.raw):
            fired("template-placeholder", child.line, "dropped", "instruction")
            continue  # "- [ ] _Add topics here as you identify them_": the template speaking
        if child.kind in (HEADING, PSEUDO) and _LETTER_SLOT_RE.search(child.text):
            # "Week N – (topic of the week)": the blank week to copy, whatever it lists
            fired("template-placeholder", child.line, "note", child.title)
            notes.append(section_text_of(child))
            continue
        if child.kind in (HEADING, PSEUDO) and _holds_a_blank(child.raw):
            drop_placeholders(child, notes)
            if not holds_items(child):
                fired("template-placeholder", child.line, "note", child.title)
                notes.append(child.raw or child.title)
                continue
            kept.append(child)
            continue
        if (
            child.kind in (HEADING, PSEUDO, DETAILS)
            and _TEMPLATE_ONLY_RE.match(plain_label(child.title))
            # beside the real parts; "## Templates" of a Django course is a topic
            and any(holds_items(c) for c in draft.children if c is not child)
        ):
            # "<summary>modelo</summary>" › "- [x] aaa": the skeleton to copy, not a part
            fired("template-placeholder", child.line, "note", child.title)
            notes.append(section_text_of(child))
            continue
        had_children = bool(child.children)
        drop_placeholders(child, notes)
        if (
            had_children
            and child.kind in (HEADING, PSEUDO)
            and not child.children
            and (
                _TEMPLATE_TITLE_RE.search(plain_label(child.title))
                # "## Days 31-40" left blank is a part of the plan still to fill in
                or not (child.notes or _a_part_of_the_plan(child))
            )
        ):
            # "## 4. Empty week template" once its blank week is gone, "## Projects" once
            # its "**Project Name**: …" blanks are: nothing to study
            fired("template-placeholder", child.line, "note", child.title)
            notes.append(child.raw or child.title)
            continue
        kept.append(child)
    draft.children = kept


# A title that is only "Template" ("Daily log template", "Modelo", "Plantilla a copiar").
_TEMPLATE_ONLY_RE = re.compile(
    r"^(?:(?:empty|blank|copy(?: this)?|daily|weekly|day|week|entry|log|note|study)\s+)*"
    r"(?:template|modelo|plantilla|vorlage|modèle|模板|テンプレート|템플릿)"
    r"(?:\s+(?:to copy|a copiar|para copiar|à copier|zum kopieren))?$"
)
_TEMPLATE_TITLE_RE = re.compile(
    r"\b(?:templates?|plantillas?|modelos?|vorlagen?|modèles?)\b|템플릿|テンプレ|模板|範本"
)


MIN_PART_ENTRIES = 2
_FIRST_WORD_RE = re.compile(r"[^\W\d_]+")


def _part_word(entry: Draft) -> str | None:
    """ "month" for "- **Month 1** – Web basics": the kind of part a list entry opens."""
    text = entry.text or entry.title
    if entry.kind not in (ITEM, HEADING) or not opens_a_part(text):
        return None
    # the words as written: `plain_label` would cut "Phase 1:" itself
    shown = strip_decorations(remove_controls(text)).replace("**", "").replace("__", "")
    word = _FIRST_WORD_RE.search(shown)
    return word[0].casefold() if word else None


@rule("part-entry")
def adopt_entries_after_part_entries(draft: Draft) -> None:
    """A list entry that names a part of the plan and holds nothing ("- **Month 1** – Web
    basics"), followed by entries that are not nested under it ("1. Week 1-2: HTML" at the
    margin, with its topics), opens that part as a heading would: what follows it, up to the
    next entry naming the same kind of part, is the part's. Two such entries at least, each
    followed by something. So does an empty heading that names a part ("### PHASE 1: HTML &
    CSS (Month 1)") over the headings written at its own level after it ("### Learning
    Objectives", "### Week 1-2: …"), up to the next such part."""
    for child in draft.children:
        adopt_entries_after_part_entries(child)
    words = [_part_word(entry) for entry in draft.children]
    empty = [at for at, entry in enumerate(draft.children) if words[at] and not entry.children]
    if len(empty) < MIN_PART_ENTRIES or len({words[at] for at in empty}) != 1:
        return
    word = words[empty[0]]
    bounds = [at for at in range(empty[0], len(draft.children)) if words[at] == word]
    bounds.append(len(draft.children))
    empty_set = set(empty)
    if any(end - start < 2 for start, end in pairwise(bounds) if start in empty_set):
        return  # parts named one after another are a list of them, not openers
    kept = draft.children[: empty[0]]
    for start, end in pairwise(bounds):
        opener = draft.children[start]
        kept.append(opener)
        if start in empty_set:
            opener.children = draft.children[start + 1 : end]
            fired("part-entry", opener.line, "phase")
        else:
            kept.extend(draft.children[start + 1 : end])
    draft.children = kept


# "📊 Seviye" over "🟢 Başlangıç", "Difficulty" over "Intermediate": a part's level, as a
# course card gives it beside the card's topics.
_LEVEL_LABEL_RE = re.compile(
    r"^(?:(?:difficulty|skill|course)? ?level|difficulty|seviye|zorluk(?: seviyesi)?|nivel"
    r"|niveau|stufe|schwierigkeit(?:sgrad)?|livello|уровень|сложность|cấp độ|độ khó|tingkat"
    r"|难度|難度|レベル|難易度|난이도|수준)$"
)
_LEVEL_VALUE_RE = re.compile(
    r"^(?:beginner|novice|easy|basic|intermediate|medium|advanced|hard|expert"
    r"|başlangıç|temel|orta|ileri|uzman|básico|básica|principiante|intermedio|avanzado"
    r"|iniciante|intermediário|avançado|débutant|intermédiaire|avancé|anfänger|mittel"
    r"|fortgeschritten|avanzato|начальный|средний|продвинутый"
    r"|cơ bản|trung bình|nâng cao|pemula|menengah|lanjut"
    r"|初级|中级|高级|入门|初級|中級|上級|入門|초급|중급|고급)$"
)


@rule("level-field")
def level_fields_to_notes(draft: Draft) -> None:
    """A lone "**📊 Seviye**" line over "🟢 **Başlangıç**" (a course card's level badge, beside
    its topics) says how hard the part is: the part's note, not two steps."""
    kept: list[Draft] = []
    children = draft.children
    skip = False
    for at, child in enumerate(children):
        if skip:
            skip = False
            continue
        value = children[at + 1] if at + 1 < len(children) else None
        if (
            value is not None
            and not child.children
            and not value.children
            and not child.is_task
            and not value.is_task
            and _LEVEL_LABEL_RE.match(plain_label(child.title))
            and _LEVEL_VALUE_RE.match(plain_label(value.title))
        ):
            draft.notes.append(f"{child.title}: {value.title}")
            fired("level-field", child.line, "note")
            fired("level-field", value.line, "note")
            skip = True
            continue
        level_fields_to_notes(child)
        kept.append(child)
    draft.children = kept
