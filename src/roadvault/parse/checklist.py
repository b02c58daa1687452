"""Checklist documents: when the author marks study items with task boxes, only those are items.

A study README that ticks its way through a syllabus (`- [ ] Arrays`, `- [x] Heaps`) keeps
plenty of plain bullets between the boxes: the videos to watch for an item, a "Mock interview
sites:" list, a course blurb. Those are what the author attached to a task, not more tasks. In
such a document the plain bullets become the resources (links) and notes (text) of the task
they stand under or after, and a section without a single box is read as text for the roadmap
note. A document with only a few boxes among many plain items (a plan with one "Projects"
checklist) is not a checklist document: its plain items stay items.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from roadvault.model import Resource
from roadvault.parse.drafts import (
    CALLOUT,
    DETAILS,
    HEADING,
    ITEM,
    PSEUDO,
    ROW,
    Draft,
    holds_task,
    walk,
)
from roadvault.parse.durations import days_in_unit
from roadvault.parse.labels import names_a_when
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import (
    fold_into_notes,
    is_step_kind_title,
    section_text,
    series_word,
)
from roadvault.parse.titles import led_by_a_weekday, light_clean, names_a_plan, plain_label

MIN_TASKS = 3
# Share of list items written as tasks above which plain bullets are read as attachments.
MIN_TASK_SHARE = 0.2
# A section without any task is text only in a long checklist where most sections have tasks.
MIN_SECTION_SHARE = 0.6
MIN_TASKS_FOR_SECTIONS = 5

_SECTIONS = (HEADING, PSEUDO, DETAILS, CALLOUT)


def is_checklist_document(root: Draft) -> bool:
    """Enough task boxes among the list items that stand on their own: the plain points
    under a box ("- [ ] **1.1 Context**" › "- token limits", "- /clear") are what it
    covers, so they do not count against the boxes."""
    items = _items_outside_tasks(root)
    # "Caching ✅" after a title: a tick beside the name, not a box laid out to tick
    tasks = sum(1 for d in items if d.is_task and not d.glyph_after)
    return tasks >= MIN_TASKS and tasks >= MIN_TASK_SHARE * len(items)


def _items_outside_tasks(root: Draft) -> list[Draft]:
    """The list items with no task box above them (a task itself counts)."""
    found: list[Draft] = []
    stack = [root]
    while stack:
        draft = stack.pop()
        if draft.kind == ITEM:
            found.append(draft)
        if not (draft.kind == ITEM and draft.is_task):
            stack.extend(draft.children)
    return found


def _attachment(draft: Draft) -> tuple[list[Resource], list[str]]:
    """A plain bullet (and what is under it) as resources and note lines."""
    resources: list[Resource] = []
    notes: list[str] = []
    for inner in walk(draft):
        if inner.image_only:
            continue  # a picture between the boxes is decoration
        links = [(t, h) for t, h in inner.links if h and not h.startswith("#")]
        resources.extend(Resource(light_clean(t) or h, h) for t, h in links)
        resources.extend(inner.resources)
        text = inner.raw or inner.text
        if text and not (links and _link_only(inner)):
            notes.append(text)
        notes.extend(inner.notes)
    return resources, notes


def _link_only(draft: Draft) -> bool:
    text = draft.text
    for visible, _ in draft.links:
        text = text.replace(visible, " ", 1)
    return not light_clean(text.replace(":", " ").replace("-", " ")).strip()


def _attach(target: Draft, plain: Draft) -> None:
    resources, notes = _attachment(plain)
    target.resources.extend(resources)
    target.notes.extend(notes)
    for inner in walk(plain):
        fired("checklist-mode", inner.line, "resource" if inner.links else "note")


_GOALS_RE = re.compile(
    r"^(?:(?:learning |course |main |key )?(?:goals?|objectives?|outcomes?|aims?)"
    r"|objetivos?(?: de aprendizaje| de aprendizagem)?|metas?|ziele?|lernziele?|objectifs?"
    r"|目标|学习目标|目標|学習目標|목표)$"
)


# "Key points", "重点知识", "Python vs Java 对比要点": what the learner noted, not to do.
_NOTES_KIND_RE = re.compile(
    r"(?:^|\b)(?:key (?:points|takeaways|concepts|knowledge|learnings)|takeaways|learnings"
    r"|what i learned|insights|comparison|differences)$"
    r"|(?:要点|重点知识|重点|知识点总结|笔记|心得|对比|ポイント|メモ|学んだこと|포인트|배운 점)$",
    re.I,
)


def _notes_kind(group: Draft) -> bool:
    title = plain_label(group.title).rstrip(":：")
    return bool(_GOALS_RE.match(title) or _NOTES_KIND_RE.search(title))


def _holds_steps(group: Draft) -> bool:
    """A sub-section without boxes that still lists several things to do ("**Practice:**"
    over a numbered list): the author's steps, not an attachment."""
    if _notes_kind(group):
        return False  # "**Objectives:**", "Key points" say what the boxes are for or taught
    steps = [
        d
        for d in group.children
        if d.kind == ITEM and d.title and not (d.links and _link_only(d)) and not d.label
    ]
    if steps and all(_says_when(d) for d in steps):
        return False  # "- Sat: 4-5 hrs Python" beside the week's boxes: when, not what
    return len(steps) >= 2


def _beside_boxes(group: Draft, section: Draft) -> bool:
    """A heading's flat list of plain bullets among headings whose entries are written as
    boxes ("### Focus Areas" beside "### Checklists to Create" › "- [ ] …"). Asked only where
    every list with a box holds nothing but boxes (`_boxes_alone`): that author wrote a box
    for each thing to do, so the plain list is advice or notes for the section, not more
    steps; one who mixes plain bullets into boxed lists may mean a plain list as steps too."""
    if group.kind != HEADING or any(d.kind == ITEM and d.children for d in walk(group)):
        return False  # an outline of its own, topic over sub-topics, is a syllabus: steps
    return any(
        d.boxed for sibling in section.children if sibling is not group for d in walk(sibling)
    )


def _boxes_alone(root: Draft) -> bool:
    """Every list that holds a box written in the source holds only such boxes."""
    for parent in walk(root):
        entries = [c for c in parent.children if c.kind == ITEM]
        if any(c.boxed for c in entries) and not all(c.boxed for c in entries):
            return False
    return True


def _says_when(entry: Draft) -> bool:
    """ "Sat: 4-5 hrs reading", "Day 3 – review": a line of the part's timetable."""
    head = re.split(r"[:：\-–—|]", entry.text or entry.title, maxsplit=1)
    return len(head) == 2 and names_a_when(head[0])


def _numbered_stage(section: Draft) -> bool:
    """ "Etapa 9" in plain bullets after eight ticked stages, or "Phase 5" over "### Project
    1: …" headings with a line each: a stage, not an attachment."""
    inner = [d for d in walk(section) if d is not section]
    steps = [d for d in section.children if d.kind in _SECTIONS and not d.children]
    if _notes_kind(section):
        return False  # "#### 2. 重点知识" numbers a part of the day's log, not a stage
    return section.numbered and (any(d.kind in (ITEM, ROW) for d in inner) or len(steps) >= 2)


MIN_PLAN_PARTS = 3


MIN_TICKED_SIBLINGS = 2


def _continues_series(section: Draft, siblings: list[Draft]) -> bool:
    """ "4. Database Engineer" after three numbered roles that hold boxes, or "Parcours 4"
    between ticked "Parcours" — a numbered part of the same series as its ticked siblings is a
    part of the plan the author did not box, not an attachment of the part before it."""
    if not (section.kind in _SECTIONS and section.children) or _notes_kind(section):
        return False
    key = series_word(section.title)
    if not (section.numbered or key):
        return False
    alike = _boxed_siblings(
        section, siblings, lambda d: series_word(d.title) == key if key else d.numbered
    )
    return alike >= MIN_TICKED_SIBLINGS


def _boxed_siblings(section: Draft, siblings: list[Draft], alike: Callable[[Draft], bool]) -> int:
    """How many sections beside `section`, of its kind, hold boxes and are `alike` it."""
    return sum(
        1
        for d in siblings
        if d is not section and d.kind == section.kind and holds_task(d) and alike(d)
    )


# A schedule named for what it is ("## 8-Week Plan", "## Timeline", "## Cronograma"), beside
# the names of a plan `names_a_plan` knows ("## LỘ TRÌNH 8 TUẦN", "## Roadmap").
_SCHEDULE_NAME_RE = re.compile(
    r"\b(?:plan|schedule|timeline|cronograma|temario|zeitplan|lehrplan|kế hoạch|yol haritası)\b"
    r"|路线|カリキュラム"
)
MIN_NAMED_PLAN_ENTRIES = 3


def _named_plan(section: Draft) -> bool:
    """ "## LỘ TRÌNH 8 TUẦN" over a table of the eight weeks, beside a progress checklist:
    the plan the boxes track, named as the plan and laid out as a table, not a note."""
    entries = [d for d in walk(section) if d.kind == ROW]
    name = plain_label(section.title)
    return (
        section.kind in _SECTIONS
        and (names_a_plan(section.title) or bool(_SCHEDULE_NAME_RE.search(name)))
        # "## Daily schedule — summer template": the hours of one day, a routine
        and not _DAY_ROUTINE_RE.search(name)
        and len(entries) >= MIN_NAMED_PLAN_ENTRIES
    )


_DAY_ROUTINE_RE = re.compile(
    r"\b(?:daily|day|everyday|each day|per day|morning|evening)\s+"
    r"(?:schedule|plan|routine|timetable)"
    r"|\b(?:horario|rutina|rotina|cronograma) (?:diari[oa]|di[áa]ri[oa])|tagesablauf|tagesplan"
    r"|每日|每天|一日|日程表|1日の"
)


def _plan_of_its_own(section: Draft, tasks: int) -> bool:
    """A section without boxes that lays out a plan of its own — three or more parts that
    list items or table rows, at least as many entries as the boxes elsewhere (a course's
    week-by-week syllabus beside the learner's ticked goals) — is study the author did not
    tick, not an attachment."""
    parts = [
        d
        for d in section.children
        if d.kind in _SECTIONS and any(x.kind in (ITEM, ROW) for x in walk(d) if x is not d)
    ]
    leaves = sum(1 for d in walk(section) if d.kind in (ITEM, ROW) and not d.children)
    return (
        (len(parts) >= MIN_PLAN_PARTS and leaves >= tasks)
        or _named_plan(section)
        or _projects_to_build(section)
    )


MIN_PROJECTS = 2


def _projects_to_build(section: Draft) -> bool:
    """ "## Pratik Projeler" › "### Proje 1: Hello macOS", "### Proje 2: Menu Bar App": the
    projects of a ticked plan, each one to build, are study the author did not tick."""
    projects = [c for c in section.children if c.kind in _SECTIONS and is_step_kind_title(c.title)]
    return is_step_kind_title(section.title) and len(projects) >= MIN_PROJECTS


def _absorb_plain(section: Draft, strong: bool, all_tasks: int, alone: bool) -> None:
    """Plain bullets without a task below them go to the task before them (or above them),
    and so do the rows of a table right after a task; plain bullets that hold tasks stay as
    groups. In a strong checklist document a
    sub-section without tasks is the section's text too, unless it lists steps of its own."""
    kept: list[Draft] = []
    last_task: Draft | None = section if section.is_task else None
    parts_after = _parts_after(section.children)
    boxed_entries = any(c.kind == ITEM and c.boxed for c in section.children)
    for index, child in enumerate(section.children):
        plain = not child.is_task and not holds_task(child)
        if plain and boxed_entries and _ticked_by_glyph(child):
            # "- ✅ Classes & objects" beside "- [ ] Inheritance": the box ticked by hand
            fired("checklist-mode", child.line, "item", f"[{child.glyph}]")
            child.marker = child.glyph
            plain = False
        if plain and last_task is None and _part_before_groups(child, parts_after[index]):
            # "1. DSA" before "2. Algorithms" › its boxes: a part with nothing listed yet
            fired("checklist-mode", child.line, "item", "a part of the plan")
            kept.append(child)
            continue
        if plain and strong and _day_beside_boxed_days(child, section.children):
            fold_into_notes(child, "checklist-day")  # "### Saturday - Review" › its points
            kept.append(child)
            continue
        if plain and (
            child.kind == ITEM
            # a table right after a box ("- [ ] Draw a comparison table:") is its material
            or (child.kind == ROW and last_task is not None and child.glyph is None)
            or (
                strong
                and child.kind in _SECTIONS
                and not (_holds_steps(child) and not (alone and _beside_boxes(child, section)))
                and not _numbered_stage(child)
                and not _continues_series(child, section.children)
                # as many entries as the document's boxes, not only this section's
                and not _plan_of_its_own(child, all_tasks)
                and bool(child.children)  # an empty heading is a step of its own
            )
        ):
            _attach(last_task or section, child)
            continue
        if child.kind == ITEM and child.is_task:
            last_task = child
        if holds_task(child):
            _absorb_plain(child, strong, all_tasks, alone)
        kept.append(child)
    section.children = kept


def _ticked_by_glyph(entry: Draft) -> bool:
    """A list entry with nothing under it, led by a state glyph in place of its box."""
    return entry.kind == ITEM and entry.glyph is not None and not entry.children


MIN_BOXED_DAYS = 2


@rule("checklist-day")
def _day_beside_boxed_days(section: Draft, siblings: list[Draft]) -> bool:
    """ "### Saturday/Sunday - Review" › "- ✅ Redo the hard problems", after "### Monday" …
    "### Friday" › their boxes: a day of the week's plan the author wrote without boxes is
    still a day of it, one step whose points are its notes, not a note of Friday's last
    box."""
    if section.kind not in _SECTIONS or not section.children:
        return False
    if not led_by_a_weekday(plain_label(section.title)):
        return False
    days = _boxed_siblings(section, siblings, lambda d: led_by_a_weekday(plain_label(d.title)))
    return days >= MIN_BOXED_DAYS


def _parts_after(entries: list[Draft]) -> list[tuple[int, bool]]:
    """For each entry, how many entries after it hold boxes or are boxes, and whether one of
    them groups boxes under a plain name (counted once, from the end: a long list stays
    linear)."""
    after: list[tuple[int, bool]] = [(0, False)] * len(entries)
    parts, groups = 0, False
    for index in range(len(entries) - 1, -1, -1):
        after[index] = (parts, groups)
        entry = entries[index]
        if entry.kind == ITEM and holds_task(entry):
            parts += 1
            groups = groups or not entry.is_task
    return after


def _part_before_groups(entry: Draft, after: tuple[int, bool]) -> bool:
    """An entry with nothing under it, no caption ("Resources:"), before entries of the same
    list that group boxes or are boxes, two at least: one of the plan's parts, not text
    about the boxes."""
    parts, groups = after
    return (
        entry.kind == ITEM
        and not entry.children
        and not entry.label
        and not entry.links
        and groups
        and parts >= MIN_PARTS_AFTER
    )


MIN_PARTS_AFTER = 2


@rule("checklist-mode")
def read_as_checklist(root: Draft, notes: list[str]) -> bool:
    """In a document whose study items are task boxes, plain bullets are the resources and
    notes of the task they belong to, and a section with no task at all is text — unless it
    lays out a plan of its own (several parts listing items or table rows, at least as many as
    the boxes, or the projects to build: "Pratik Projeler" › "Proje 1", "Proje 2") or
    continues a numbered series of ticked parts ("Ruta 4" after three ticked "Ruta"s). A
    sub-section of what the learner noted ("Key points", "重点知识", "对比要点")
    is text even when it is numbered or lists several lines, and so is a heading's flat list
    of plain bullets beside headings whose entries are written as boxes ("### Focus areas"
    beside "### Checklists to write" › "- [ ] …"), when every list with a box holds only
    boxes. A table under a name that says
    the plan ("## LỘ TRÌNH 8 TUẦN", "## Roadmap") is the plan the boxes track, not a note."""
    if not is_checklist_document(root):
        return False
    strong = _strong(root)
    all_tasks = sum(1 for d in walk(root) if d.is_task)
    alone = _boxes_alone(root)
    if not any(c.kind in _SECTIONS or (not c.is_task and holds_task(c)) for c in root.children):
        # boxes with no section or group around them: a caption bullet above them, or one
        # introducing the links after them, is the roadmap's or the box's text, as inside a
        # section ("3. Projects" beside "1. C++" › its boxes is an area of its own)
        _absorb_plain(root, strong, all_tasks, alone)
        return True
    kept: list[Draft] = []
    for child in root.children:
        if holds_task(child):
            _absorb_plain(child, strong, all_tasks, alone)
            kept.append(child)
        elif strong and child.numbered and _holds_items(child):
            kept.append(child)  # "Etapa 9" in plain bullets after eight ticked stages: a stage
        elif strong and _continues_series(child, root.children):
            kept.append(child)
        elif strong and (_holds_items(child) or child.kind == ITEM):
            if _plan_of_its_own(child, all_tasks):
                kept.append(child)
                continue
            _to_notes(child, notes)
        else:
            kept.append(child)
    root.children = kept
    title = root.children[0] if len(root.children) == 1 else None
    if title is not None and title.kind in _SECTIONS and _strong(title):
        # The document's title heading holds the sections: the same reading one level down.
        kept = []
        for child in title.children:
            if (
                _holds_items(child)
                and not holds_task(child)
                and not child.numbered
                and not _continues_series(child, title.children)
                and not _plan_of_its_own(child, all_tasks)
            ):
                _to_notes(child, notes)
                continue
            kept.append(child)
        title.children = kept
    return True


def _holds_items(section: Draft) -> bool:
    return section.kind in _SECTIONS and any(
        c.kind == ITEM for c in walk(section) if c is not section
    )


def _strong(parent: Draft) -> bool:
    """Enough tasks, and most sections under `parent` hold one: a section without any is
    text."""
    holders = [d for d in parent.children if _holds_items(d)]
    with_tasks = [d for d in holders if holds_task(d)]
    tasks = sum(1 for d in walk(parent) if d.is_task)
    return (
        tasks >= MIN_TASKS_FOR_SECTIONS
        and bool(holders)
        and len(with_tasks) >= MIN_SECTION_SHARE * len(holders)
    )


def _to_notes(child: Draft, notes: list[str]) -> None:
    notes.append(section_text(child) if child.kind in _SECTIONS else _as_text(child))
    for inner in walk(child):
        fired("checklist-mode", inner.line, "note")


def _as_text(draft: Draft) -> str:
    return "\n".join(f"- {d.raw or d.text}" for d in walk(draft) if d.raw or d.text)


MIN_UNITS = 3
WEEK = 7
_UNIT_KINDS = (HEADING, DETAILS)


@rule("unit-checklists")
def read_unit_checklists(root: Draft) -> None:
    """A plan whose days or weeks each end with their own boxes ("**✅ Checklist:**" under
    every "NGÀY N", a "### Checklist" in every "Week N") ticks each unit through those boxes:
    the theory, tips and practice lists beside them describe the unit and go to its note. It
    takes three such days or weeks at least, every one of them holding boxes; a plan where
    only some stages carry a deliverable checklist, or whose months close with a few exit
    checks, keeps its plain items."""
    units = _ticked_units(root)
    if units is None:
        for child in root.children:
            if child.kind in _SECTIONS:
                read_unit_checklists(child)
        return
    for unit in units:
        _keep_boxes(unit)


def _ticked_units(parent: Draft) -> list[Draft] | None:
    """The sections under `parent` that are units ticked through their boxes: a series of
    three or more days or weeks ("NGÀY 21" … "NGÀY 25") all of which hold boxes (a goals
    section or a wrap-up beside them does not count)."""
    holders = [d for d in parent.children if d.kind in _UNIT_KINDS and _holds_items(d)]
    series: dict[str, list[Draft]] = {}
    for holder in holders:
        series.setdefault(series_word(holder.title), []).append(holder)
    # days and weeks, whose few boxes can be the whole of their work: a month's exit checks
    # are not the month's study
    groups = [group for key, group in series.items() if (days_in_unit(key) or 99) <= WEEK]
    for group in groups:
        all_boxed = all(any(_boxed(x) for x in walk(d)) for d in group)
        if len(group) >= MIN_UNITS and all_boxed and any(_plain_beside_boxes(d) for d in group):
            return group
    return None


def _boxed(draft: Draft) -> bool:
    """A list item written with a box ("- [ ] …"), not a status glyph or a progress bar."""
    return draft.kind == ITEM and draft.is_task and draft.glyph is None


def _plain_beside_boxes(section: Draft) -> bool:
    """Some plain list item under `section` that no task holds."""
    for child in section.children:
        if child.is_task:
            continue  # what stands under a box is that box's material
        if child.kind == ITEM and not holds_task(child):
            return True
        if _plain_beside_boxes(child):
            return True
    return False


def _keep_boxes(unit: Draft) -> None:
    """Keep what holds boxes under `unit`; the rest becomes the note of the part above it or
    the attachment of the box before it."""
    kept: list[Draft] = []
    last_task: Draft | None = None
    for child in unit.children:
        if holds_task(child):
            if child.is_task:
                last_task = child
                _absorb_plain(child, False, 0, False)
            else:
                _keep_boxes(child)
            kept.append(child)
        elif child.kind == ITEM and last_task is not None:
            _attach(last_task, child)
        elif child.kind in (ITEM, ROW, *_SECTIONS):
            unit.notes.append(section_text(child) if child.kind in _SECTIONS else _as_text(child))
            for inner in walk(child):
                fired("unit-checklists", inner.line, "note")
        else:
            kept.append(child)
    unit.children = kept
