"""The second pass: drafts → the roadmap model. Decides what the author meant.

Pure. Sections nobody studies go; "Resources"-like groups become resources of their topic;
"Goal:"-like bullets become notes; a lone description line under a bullet becomes its notes;
the document title is found; a wrapper section holding all the phases is opened; a ticked
parent ticks its plain children; the model never gets deeper than MAX_DEPTH.
"""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from roadvault.model import Node, Resource, Status
from roadvault.parse.checklist import (
    is_checklist_document,
    read_as_checklist,
    read_unit_checklists,
)
from roadvault.parse.drafts import (
    CALLOUT,
    DETAILS,
    HEADING,
    ITEM,
    PSEUDO,
    ROOT,
    ROW,
    Draft,
    holds_items,
    holds_task,
    is_facet_title,
    name_as_written,
    name_like,
    names_further_reading,
    resource_kind,
    split_label,
    walk,
)
from roadvault.parse.durations import ORDINAL, days_in_unit, is_pace, is_slot, leading_duration
from roadvault.parse.labels import (
    adopt_entries_after_part_entries,
    collapse_one_child_groups,
    drop_breaks,
    drop_check_in_logs,
    drop_empty_facets,
    drop_placeholders,
    leading_captions_to_notes,
    level_fields_to_notes,
    lift_sole_captions,
    name_before_explanation,
    name_before_sources,
    name_slots_by_topic,
    names_a_when,
    names_only_a_slot,
)
from roadvault.parse.links import links_to_code, links_to_resources
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import (
    HOUSEKEEPING,
    advice_to_notes,
    answer_plan_only,
    carry_states_from_excluded,
    carry_ticks,
    contents_headings_to_notes,
    date_fields,
    dated_logs_to_notes,
    drop_assistant_offers,
    drop_empty_details,
    drop_promotions,
    drop_repeated_sections,
    drop_repo_chatter,
    environment_to_notes,
    examples_to_notes,
    file_lists_to_notes,
    first_lesson_to_its_row,
    fold_into_notes,
    goals_to_notes,
    grading_to_notes,
    holds_a_topic_tree,
    is_about_people,
    is_aside_title,
    is_intro_title,
    is_statistics,
    is_step_kind_title,
    linked_notes_to_boxes,
    named_sections,
    names_a_page,
    news_to_notes,
    open_generic_details,
    open_wrapper,
    order_advice_to_notes,
    overviews_to_notes,
    part_descriptions_to_notes,
    prerequisites_to_notes,
    project_cards_to_steps,
    prose_sections_to_notes,
    reads_as_action,
    recaps_to_notes,
    reports_a_figure,
    restated_entries_to_notes,
    restated_sections_to_notes,
    retold_logs_to_notes,
    schedule_is_the_plan,
    section_role,
    section_text,
    sections_after_the_plan,
    sections_before_the_plan,
    self_checks_to_notes,
    series_word,
    statistics_to_notes,
    status_boards_to_notes,
    text_says_what_to_do,
)
from roadvault.parse.statuses import (
    BOLD_FIELD_RE,
    DONE_WORD,
    drop_box_legend,
    inherited_status,
    read_board_columns,
    read_legend,
    read_part_marks,
    read_plus_marks,
    read_state_suffixes,
    read_status_glyphs,
    read_ticked_summaries,
    said_state,
)
from roadvault.parse.titles import (
    clean_title,
    has_stage_word,
    led_by_a_weekday,
    light_clean,
    opens_a_part,
    plain_label,
    remove_controls,
    settled_title,
    shows_progress_bar,
    strip_decorations,
    with_numbering,
)

logger = logging.getLogger(__name__)

MAX_DEPTH = 48  # deepest model level kept; anything below is flattened into it
_CANONICAL_MARKERS = (" ", "x", "X", "/", "-")

# "- **Goal**: …", "- Status: done": a line about its parent, not a step of its own.
_NOTE_LABEL_RE = re.compile(
    r"^(?:goals?|objectives?|context|why|description|notes?|tips?|purpose|outcomes?"
    r"|expected outcomes?|results?|status|difficulty|level|priority|deadline|due(?: date)?|dates?"
    r"|start(?:ing)?(?: date| on)?|end(?:ing)?(?: date)?|started(?: on)?|owner|tags?|summary"
    r"|success criteria|definition of done"
    # who the plan is for: "Name: Aradhya", "Student: …"
    r"|name|student|learner|nombre|nome|姓名|名前|이름"
    r"|approach|breaks?"
    r"|current date|completion date|completed on|target (?:date|finish|completion)|finish date"
    r"|targets?"  # "Target: Interview Ready in 8-10 weeks": what the plan aims at
    r"|date (?:started|completed|finished)|constraints?"
    r"|deliverables?|pace|effort|commitment|time commitment|hours|schedule|progress"
    r"|progress tracker|calendar|score|grade|last updated|updated|key takeaways?|takeaways?"
    r"|best suited for|suited for|ideal for|who (?:is )?this is for|who it(?:'|’)?s for"
    r"|(?:target )?audience|north star(?: outcome| goal)?|end goal|final goal|vision|mission"
    r"|(?:expected )?weekly hours|expected weekly hours|motivation|rationale|why it matters"
    r"|meta|metas|objetivos?|o que aprender|qu[ée] aprender|descripci[óo]n|descri[çc][ãa]o"
    r"|objectifs?|notions?|comp[ée]tences?(?: vis[ée]es*)?|modalit[ée]s?(?: p[ée]dagogiques?)?"
    r"|ziele?|lernziele?|kompetenzen"
    r"|resultados?|por qu[ée]|ziel|ziele|lernziele?|beschreibung|thema|warum|objectifs?"
    r"|pourquoi|目标|目的|描述|为什么|ゴール|目標|説明|なぜ|목표|설명|왜"
    r"|mục tiêu|tujuan|hedef|цель|цели|obiettivi?|cel"
    # a note or a tip beside a step: "Nota:", "Hinweis:", "Consejo:", "备注：", "팁:"
    r"|notas?|hinweis|remarque|примечание|uwaga|catatan|ghi chú|lưu ý|备注|注意|メモ|참고"
    r"|tipps?|consejos?|dicas?|astuces?|suggerimenti?|совет|wskazówka|ipucu|kiat|mẹo"
    r"|提示|小贴士|ヒント|팁"
    # what must come first: "Prerequisite: Module 2" is an edge of the plan, not a step
    r"|pre-?requisites?|prerequisite modules?|requires|depends on|prérequis"
    r"|pr[ée]-?requisitos?|prerrequisitos?|voraussetzungen?|前置(?:知识|条件)?|先修(?:课程)?"
    r"|前提(?:条件|知識)?|선수(?: ?과목| ?지식)?|tiên quyết|điều kiện tiên quyết|prasyarat"
    r"|требования|пререквизиты)$"
)
# What a course or book is, beside its name: "Type: Online course", "Provided by: edX",
# "Language: English"; "Language: Start with Python." says what to do, a step.
_COURSE_FACET_RE = re.compile(
    r"^(?:type|format|provider|provided by|offered by|platform|authors?|instructors?|teachers?"
    r"|cost|price|rating|syllabus|publisher|certificate|language"
    # a course's own facts: "Semester: 2023 fall", "Credits: 3", "教材：《高等数学》"
    r"|semester|term|credits?|lecturers?|tas?|teaching assistants?|office hours|location|room"
    r"|(?:main |required |supplementary )?textbooks?|class hours|grading"
    r"|学期|教师|老师|讲师|主讲|助教|课时|学分|(?:补充|参考)?教材|上课时间|上课地点|考核方式"
    r"|担当教員|教員|単位|教科書|학기|교수|강사|학점|교재"
    r"|semestre|profesora?|docente|créditos|libro de texto|dozent(?:in)?|lehrbuch"
    r"|семестр|преподаватель|учебник)$"
)


def _course_facet(key: str, value: str) -> bool:
    return bool(_COURSE_FACET_RE.match(key)) and not reads_as_action(value)


# A group of bullets that says what a step is for, not what to do ("**Objectives:**" ›
# "Understand X", "Be able to Y"); deliverables and tasks are steps.
_NOTE_GROUP_RE = re.compile(
    r"^(?:(?:learning |course |key )?(?:goals?|objectives?|outcomes?)|objectifs?|objetivos?"
    r"|ziele?|lernziele?|purpose|why|context|notes?|description|descripci[óo]n"
    r"|comp[ée]tences?(?: vis[ée]es*)?|modalit[ée]s?(?: p[ée]dagogiques?)?|notions?"
    r"|目标|学习目标|目標|学習目標|목표|학습 목표|mục tiêu|tujuan|hedef|цель|цели|obiettivi?)$"
)
_DURATION_ITEM_LABEL_RE = re.compile(
    r"^(?:timebox|time ?box|duration|time|estimated time|estimate|est\.? time|timeframe"
    r"|time frame|length|expected duration|time estimate|estimated duration|time needed"
    r"|time required|suggested duration|expected time|time to complete|how long|estimated hours"
    r"|estimated effort|effort estimate|effort|estimated hours|time investment|total hours"
    r"|study time|workload|total time|expected effort|duracao|duracion|carga hor[áa]ria"
    r"|dedicaci[óo]n|dedica[çc][ãa]o|tempo de estudo|tiempo de estudio|charge de travail"
    r"|zeitaufwand|lernzeit|学习时长|每日时长"
    r"|duración|duracion|tiempo estimado|duração|durée|temporalit[ée]|dauer|时长|预计时间"
    r"|学习时间|所要時間|目安|期間|기간|예상 기간"
    r"|thời gian|thời lượng|waktu|durasi|süre|время|срок|продолжительность|durata|czas)$"
)


def _resource_of(draft: Draft, *, strip_label: bool = False) -> list[Resource]:
    """What a bullet in a resources group names: its links, or its text."""
    text = draft.text
    if strip_label:
        split = split_label(remove_controls(text))
        if split:
            text = split[1]
    text = light_clean(text)
    links = [(t, href) for t, href in draft.links if not href.startswith("#")]
    if len(links) == 1:
        return [Resource(text or links[0][0] or links[0][1], links[0][1])]
    if links and text and all(t and t in text for t, _ in links):
        return [Resource(light_clean(t) or href, href) for t, href in links]
    return [Resource(text)] if text else []


def _collect_resources(group: Draft) -> tuple[list[Resource], list[Draft]]:
    """Resources named under a resources group; the tasks in it stay items."""
    resources: list[Resource] = list(group.resources)
    kept: list[Draft] = []
    for child in group.children:
        if child.is_task:
            kept.append(child)
            continue
        if child.kind in (ITEM, ROW):
            # "Book: The Visual Display…" without a link is named after its label
            split = None if child.links else split_label(remove_controls(child.text))
            labelled = bool(split) and resource_kind(split[0]) == "strong"
            resources.extend(_resource_of(child, strip_label=labelled))
        inner, inner_kept = _collect_resources(child)
        resources.extend(inner)
        if inner_kept and child.kind in (HEADING, PSEUDO, DETAILS, CALLOUT):
            # "**Lecture channels**" over boxes inside "# Courses": a group of tasks stays one
            child.children = inner_kept
            child.resources = []
            kept.append(child)
            continue
        kept.extend(inner_kept)
    return resources, kept


def _title_heading(draft: Draft) -> Draft | None:
    """The document's one top heading ("# Course") when it holds everything."""
    if draft.kind != ROOT or len(draft.children) != 1:
        return None
    only = draft.children[0]
    return only if only.kind == HEADING and only.level == 1 else None


MIN_READING_PARTS = 3
READING_SHARE = 0.75  # of the parts that hold anything


@rule("reading-plan")
def is_reading_plan(root: Draft) -> bool:
    """A plan whose every part lists nothing but what to read and watch ("## 3. Ancient
    civilizations" › "Books:" › two titles, "Online course:" › one), with no link and no
    other entry, is a reading plan: those books and courses are the steps, not resources
    of empty parts. Three such parts at least, and three in four of the parts; a document
    with a link or a task box anywhere is not one."""
    title = _title_heading(root)
    parts = [
        c
        for c in (title.children if title is not None else root.children)
        if c.kind in (HEADING, PSEUDO) and c.children
    ]
    if any(d.links or d.is_task for d in walk(root)):
        return False
    reading = [part for part in parts if _lists_only_reading(part)]
    if len(reading) < MIN_READING_PARTS or len(reading) < READING_SHARE * len(parts):
        return False
    for part in reading:
        for group in part.children:
            fired("reading-plan", group.line, "topic")
    return True


def _lists_only_reading(part: Draft) -> bool:
    """ "Books:" › titles, "Online course:" › a title, and nothing else under the part."""
    return all(
        c.kind in (HEADING, PSEUDO)
        and _is_resource_group(c)
        and all(d.kind == ITEM and not d.children for d in c.children)
        for c in part.children
    )


def _is_resource_group(draft: Draft, *, literal: bool = False, boxed: bool = False) -> bool:
    if draft.is_task or draft.kind not in (ITEM, HEADING, PSEUDO, CALLOUT, DETAILS):
        return False
    if draft.kind == ITEM and not draft.children:
        return False
    if draft.kind == HEADING and has_stage_word(draft.text):
        return False  # "Module 1: Materials" is a part of the plan named for its subject
    if not literal and links_to_code(draft):
        return False  # "Quick Links" › "[Add two matrices](./Add_matrix.c)": programs written
    sections = [c for c in draft.children if c.kind in (HEADING, PSEUDO, DETAILS, CALLOUT)]
    unread = [c for c in sections if resource_kind(c.text) is None and not _only_links(c)]
    if (
        not names_further_reading(draft.text)
        and unread
        and not (boxed and _reading_appendix(draft, sections, unread))
    ):
        # "Course" over "Introduction" and "Plan": structure, not a reading list; but
        # "Recommended resources" over "Bash", "Python": reading by subject
        return False
    if any(c.section_status is not None for c in sections):
        return False  # "Reading list" › "Read" / "Currently reading" / "To read": a board
    kind = resource_kind(draft.text)
    entries = [c for c in draft.children if c.kind == ITEM]
    if (
        not literal  # roadvault's own outline form says "Resources:" and means it
        and entries
        and not any(d.links for d in walk(draft))
        and sum(1 for c in entries if reads_as_action(c.title)) * 2 >= len(entries)
    ):
        return False  # "Materials" › "1. Read the PDF of unit 4", "2. Watch the video": steps
    if any(_states_its_progress(entry) for entry in entries):
        return False  # "Courses" › "Course 1: …" › "Status: Completed": what is being done
    if kind == "strong":
        return True
    if kind == "weak":
        items = [d for d in walk(draft) if d is not draft and d.kind in (ITEM, ROW)]
        if draft.kind == ITEM and not any(d.links for d in items):
            return False  # "• Tools:" › "ChatGPT, Copilot" beside "• Prompting:": a topic
        return bool(items) and all(name_like(light_clean(d.text)) for d in items)
    return False


def _reading_appendix(draft: Draft, sections: list[Draft], unread: list[Draft]) -> bool:
    """ "# Essential Resources" over "Official Documentation", "Training Resources" (links)
    and one summary, in a plan ticked in boxes, with no box of its own: reading beside the
    plan, by its name and by most of its sections."""
    return (
        resource_kind(draft.text) == "strong"
        and not holds_task(draft)
        and len(unread) * 2 < len(sections)
    )


def _states_its_progress(entry: Draft) -> bool:
    """A "- **Status:** Completed" line right under the entry: the learner tracks it."""
    for child in entry.children:
        split = split_label(remove_controls(child.text)) if child.kind == ITEM else None
        if split and split[1] and said_state(split[0], split[1]) is not None:
            return True
    return False


_UNAMBIGUOUS_RESOURCE_RE = re.compile(
    r"\b(?:resources?|recommend\w*|books?|textbooks?|courses?|reading|tutorials?|videos?"
    r"|mooc|recursos|ressources|risorse|ressourcen|zasoby|kaynaklar|ресурсы|ресурси"
    r"|(?:ال)?مصادر|(?:ال)?موارد|(?:ال)?مراجع|منابع|משאבים|संसाधन)\b"
    r"|资源|资料|リソース|자료"
)


# "Basic Resources: Pods, Deployments": a kind of the subject's own resources, not reading.
_NAMES_A_KIND_RE = re.compile(
    r"^(?:basic|advanced|core|common|other|more|additional|key|main|cluster|cloud|compute"
    r"|system|shared|static|human|natural|network|kubernetes|k8s|aws|azure|gcp)\b"
)


@rule("resource-label")
def _inline_resource(draft: Draft, *, quiet: bool = False) -> list[Resource] | None:
    """ "Resource Recommendation: X" / "Resources: [MDN](…)" as a bullet is the resources of
    the topic it stands in; a label that could also be a topic needs a link to be one."""
    if draft.is_task or draft.kind != ITEM or draft.children:
        return None
    split = split_label(remove_controls(draft.text))
    if not split or not split[1]:
        return None
    if resource_kind(split[0]) != "strong":
        return None
    if not any(href.startswith(("http", "www.")) for _, href in draft.links) and not (
        _UNAMBIGUOUS_RESOURCE_RE.search(plain_label(split[0]))
        and not _NAMES_A_KIND_RE.search(plain_label(split[0]))
    ):
        # "Channels: buffered and unbuffered" is a topic: a resource needs a link, or a label
        # that says resource in so many words
        return None
    if not quiet:
        fired("resource-label", draft.line, "resource")
    return _resource_of(draft, strip_label=True)


def _only_links(section: Draft) -> bool:
    """ "### Self assessments" › links alone, under "## Resources": more reading, whatever
    its name (a section with no entries at all, "### Concept map" and a picture, too)."""
    entries = [d for d in walk(section) if d is not section and d.kind in (ITEM, ROW)]
    return all(d.links and not d.is_task and not d.children for d in entries)


def _is_link_list(draft: Draft) -> bool:
    items = [c for c in draft.children if c.kind == ITEM]
    return (
        draft.kind in (HEADING, PSEUDO)
        and len(items) >= 2
        and len(items) == len(draft.children)
        and all(map(_links_throughout, items))
    )


def _plain_topic(draft: Draft, *, weak: bool) -> bool:
    """A heading over plain entries that link nowhere: named for a topic, or (`weak`) for a
    kind of thing that could be either ("Tools")."""
    entries = [d for d in walk(draft) if d is not draft and d.kind in (ITEM, ROW)]
    kind = resource_kind(draft.text)
    return (
        draft.kind == HEADING
        and bool(entries)
        # "#### Learning Objectives" beside "#### Tools" in a week: facets of one step
        and (kind == "weak" if weak else kind is None and not is_facet_title(draft.title))
        and not any(d.links or _BARE_URL_RE.search(d.raw or d.text) for d in entries)
    )


def _is_title_list(draft: Draft) -> bool:
    """A heading over plain entries, none a box or a group: a list of works by name."""
    items = [c for c in draft.children if c.kind == ITEM]
    return (
        draft.kind == HEADING
        and len(items) >= 2
        and len(items) == len(draft.children)
        and not any(c.is_task or c.children for c in items)
    )


def _links_throughout(item: Draft) -> bool:
    """An entry that links, or a name over entries that all do ("Jon Gjengset videos:" over
    his talks): a link list may group its links by who made them."""
    if item.links or _BARE_URL_RE.search(item.raw or item.text):
        return True  # "Async Testing: https://…" links as much as "[Async Testing](…)"
    entries = [c for c in item.children if c.kind == ITEM]
    return (
        bool(entries)
        and len(entries) == len(item.children)
        and all(map(_links_throughout, entries))
    )


_BARE_URL_RE = re.compile(r"(?:^|\s)(?:https?://|www\.)\S+")


def _topic_link_lists(draft: Draft) -> int:
    """How many of the groups under `draft` are link lists named for a topic."""
    return sum(
        1
        for c in draft.children
        # a board's "To read" column of books is a state, not a topic beside "References"
        if _is_link_list(c) and resource_kind(c.text) is None and c.section_status is None
    )


def _is_materials_list(children: list[Draft], *, slot: bool = False) -> bool:
    """ "**Hussein Nasser**: OS Fundamentals", "**Book**: Galvin", "**Udemy course**: Linux
    deep dive": every entry names a material by its source or kind, most of them read as
    steps, so the "Book" among them is one more thing to study, not the others' reading.
    Under a week or a day ("### Week 3") the materials named one by one are that slot's
    work however many of them there are (two or more): a slot has no subject to be the
    reading of."""
    items = [c for c in children if c.kind == ITEM and not c.is_task]
    if not items or (not slot and (len(items) < 3 or len(items) != len(children))):
        return False
    labelled = [c for c in items if not c.children and split_label(remove_controls(c.text))]
    if len(labelled) != len(items):
        return False
    resources = [c for c in items if _inline_resource(c, quiet=True) is not None]
    # "**Book**: Galvin" names one material; "**Resources**: [MDN](…)" is the others' reading
    kinds = all(
        _MATERIAL_KIND_RE.match(plain_label(split_label(remove_controls(c.text))[0]))
        for c in resources
    )
    if slot:  # a week's one course is the week's resource: the week stays the step
        return kinds and len(resources) >= 2
    return kinds and 0 < len(resources) * 2 < len(items)


def _is_slot(draft: Draft) -> bool:
    """ "### Week 3 (Statistics)", "Day 12": a section named by its place in the calendar."""
    return draft.kind in (HEADING, PSEUDO) and is_slot(draft.duration)


_MATERIAL_KIND_RE = re.compile(
    r"^(?:\w+ )?(?:book|textbook|course|video|playlist|article|paper|podcast|tutorial|mooc"
    r"|libro|livro|livre|buch|curso|cours|kurs|书|書籍|本|책|강의)$"
)


# "Click here to see the notes", "Clique aqui para ver…", "Haz clic aquí": a pointer.
_POINTER_RE = re.compile(
    r"^(?:click (?:here|to|on)|tap here|see (?:here|more)|read more|clique aqui|clica aqui"
    r"|haz clic(?: aquí| aqui| para)|pulsa aquí|cliquez ici|hier klicken|klicke? hier"
    r"|点击(?:这里|此处)?|クリック|여기를 클릭|click vào đây)\b",
    re.I,
)


@rule("pointer-link")
def _pointers_to_notes(draft: Draft) -> None:
    """An entry that is only a link saying "click here" ("👉 [Click here to see my notes]
    (./docs)") points the reader somewhere: text of the section it stands in, link and
    all, not a step. One that only says "Answer" ("[Resposta.](…)", "[Solution](…)") right
    after a step links that step's worked answer: its resource."""
    kept: list[Draft] = []
    for child in draft.children:
        _pointers_to_notes(child)
        text = light_clean(remove_controls(child.text)).strip(" 👉➡→")
        if (
            child.kind in (ITEM, PSEUDO)
            and not child.is_task
            and not child.children
            and len(child.links) == 1
            and _POINTER_RE.match(text)
            and text == light_clean(child.links[0][0]).strip()
        ):
            draft.notes.append(child.raw or child.text)
            fired("pointer-link", child.line, "note")
            continue
        if (
            child.kind == ITEM
            and not child.is_task
            and not child.children
            and len(child.links) == 1
            and _SOLUTION_RE.match(text)
            and text == light_clean(child.links[0][0]).strip()
            and kept
            and kept[-1].kind == ITEM
        ):
            # "- Build your first page" then "- [Resposta.](…)": that step's answer
            name, href = child.links[0]
            kept[-1].resources.append(Resource(light_clean(name) or href, href))
            fired("pointer-link", child.line, "resource", kept[-1].title)
            continue
        kept.append(child)
    draft.children = kept


# "Answer", "Solution", "Resposta", "解答": a link to the worked answer of the step before.
_SOLUTION_RE = re.compile(
    r"^(?:(?:my |the )?(?:answers?|solutions?)|respostas?|respuestas?|soluci[óo]n(?:es)?"
    r"|solu[çc][ãa]o|solu[çc][õo]es|l[öo]sung(?:en)?|corrig[ée]s?|ответ|решение"
    r"|解答|答案|题解|정답|풀이)\W*$",
    re.I,
)


@rule("resource-group")
def _dissolve_resources(draft: Draft, *, literal: bool = False, boxed: bool = False) -> None:
    """A group named for resources ("Recommended Resources", "Books", or a "Tools" heading over
    names) holds the topic's resources, not steps; resource bullets become resources of the
    topic they stand in. A "Tools:" bullet over names without links, beside topic bullets,
    is a topic. Tasks written inside such a group stay items. Where every section is a list
    of links ("Learning path", then "Video resources"), the links are the plan and a
    resource-named list among them is one more part of it."""
    kept: list[Draft] = []
    peers = _topic_link_lists(draft)
    plain_peers = sum(1 for c in draft.children if _plain_topic(c, weak=False))
    title = _title_heading(draft)
    materials = _is_materials_list(draft.children, slot=_is_slot(draft))
    # "Learning path" and "Video resources", each a list of links and nothing else beside
    # them: the plan is the material, the videos one more list of it to work through
    sections = [c for c in draft.children if c.kind in (HEADING, PSEUDO)]
    all_links = peers >= 1 and len(sections) >= 2 and all(map(_is_link_list, sections))
    for child in draft.children:
        # whole, before its entries are read one by one; "#### Recommendations:" beside
        # "#### Adtech" and "#### Food delivery" (link lists too) is a topic like them
        # ("### Intermediate Books" of unlinked titles beside "### Official Documentation"
        # and "### Videos & Talks" is one more list of the same materials)
        # ("### Additional Resources" after them is reading beyond the plan all the same)
        topic_peer = (
            peers >= 2
            and (_is_link_list(child) or _is_title_list(child))
            and not names_further_reading(child.title)
        )
        # "## Tools" › "Git", "Linux Commands" beside "## Databases" › "SQL": one more topic
        topic_peer = topic_peer or (plain_peers >= 2 and _plain_topic(child, weak=True))
        topic_peer = topic_peer or (all_links and not names_further_reading(child.title))
        # "# Course" over the whole document names it; it is no reading list
        group = (
            _is_resource_group(child, literal=literal, boxed=boxed)
            and not topic_peer
            and child is not title
        )
        if not group:
            _dissolve_resources(child, literal=literal, boxed=boxed)
        if group:
            # "**Tutorial to follow**", its link, then "| Day | Task |": the table under the
            # label is the part's schedule, not more material
            rows = [
                c for c in child.children if c.kind == ROW and not c.links and is_slot(c.duration)
            ]
            if rows and len(rows) < len(child.children):
                child.children = [c for c in child.children if c not in rows]
            else:
                rows = []
            for inner in walk(child):
                if not inner.is_task:
                    fired("resource-group", inner.line, "resource")
            found, tasks = _collect_resources(child)
            draft.resources.extend(found)
            for task in tasks:
                _dissolve_resources(task, literal=literal, boxed=boxed)  # a task's "Resources:"
            if tasks:
                child.children = tasks
                child.resources = []
                kept.append(child)
            else:
                draft.notes.extend(child.notes)
            kept.extend(rows)
            continue
        inline = None if materials else _inline_resource(child)
        if inline is not None:
            draft.resources.extend(inline)
            continue
        kept.append(child)
    draft.children = kept


# Tracker lines that log the work rather than name it ("- [x] Study time: 45 min",
# "- [x] Review: 5/5"): even ticked, they describe the step above them.
_LOG_LABEL_RE = re.compile(
    r"^(?:time spent|study time|time|hours|duration|review|self[- ]review|score|rating|grade"
    r"|reflection|retrospective|deliverables?|output|result|notes?|date|started|finished"
    r"|completed(?: on)?|学習時間|所要時間|作業時間|レビュー|振り返り|成果物|学习时间|用时|耗时"
    r"|复盘|成果|产出|评分|日期|备注|메모|학습 시간|tiempo|tiempo dedicado|fecha|notas|resultado"
    r"|entregable|revisión)$"
)


_ITALIC_LINE_RE = re.compile(r"^(?:\*(?!\*)[^*]+\*|_(?!_)[^_]+_)[.:]?$")


# "Each week allocate:", "Every day:", "每周安排：": a label naming a period that recurs.
_RECURRING_PERIOD_RE = re.compile(
    r"\b(?:each|every|per|a) (?:week|day|month)\b"
    r"|\b(?:weekly|daily) (?:rhythm|split|routine|schedule)"
    r"|\bcada (?:semana|d[íi]a|mes)\b|\bjede[nrs]? (?:woche|tag|monat)\b"
    r"|\bchaque (?:semaine|jour|mois)\b|每周|每天|每日|毎週|毎日|매주|매일",
    re.I,
)
MIN_RHYTHM_ENTRIES = 2
MIN_WEEKDAY_ENTRIES = 3


@rule("week-rhythm")
def rhythm_to_notes(draft: Draft) -> None:
    """ "Each week allocate:" over "2 days theory reading", "3 days coding practice", "1 day
    break": how every week of the plan is split, each entry led by its length — the plan's
    rhythm, the note of the part it stands in, not steps of the last week. So is a "Weekly
    Schedule" whose three entries or more are days of the week ("Monday morning" › "Material
    is released", "Friday" › "Assignments are due")."""
    kept: list[Draft] = []
    for child in draft.children:
        rhythm_to_notes(child)
        entries = [c for c in child.children if c.kind == ITEM]
        if (
            child.kind in (PSEUDO, ITEM, HEADING)
            and _RECURRING_PERIOD_RE.search(plain_label(child.title))
            and len(entries) >= MIN_RHYTHM_ENTRIES
            and len(entries) == len(child.children)
            and not holds_task(child)
            and (
                all(_led_by_a_length(e) and not e.children for e in entries)
                # "Monday morning" › "Material is released", "Friday" › "Work is due"
                or (
                    len(entries) >= MIN_WEEKDAY_ENTRIES
                    and all(led_by_a_weekday(e.text or e.title) for e in entries)
                )
            )
        ):
            draft.notes.append(section_text(child))
            for inner in walk(child):
                fired("week-rhythm", inner.line, "note")
            continue
        kept.append(child)
    draft.children = kept


def _led_by_a_length(entry: Draft) -> bool:
    """ "2 days theory reading", "3 h practice": an amount of time first, not a slot
    ("第1-2周: …") or a name with its length after it."""
    text = remove_controls(entry.text).strip(" *_")
    found = leading_duration(text) if text[:1].isdigit() else None
    return found is not None and not is_slot(found[0])


def _is_time_budget(children: list[Draft]) -> bool:
    """A list whose every entry is "label: pace" or "label: length" ("Weekdays: 1 hour/day",
    "Weekend: 3 hours/day", "**Daily commitment**: 2 hours", "**Total duration**: 1
    month") is the learner's time budget, not steps."""
    items = [c for c in children if c.kind == ITEM]
    if len(items) < 2:
        return False
    for item in items:
        split = split_label(remove_controls(item.text))
        if item.children or item.is_task or not split:
            return False
        value = split[1].strip(" *_")
        budget = _BUDGET_LABEL_RE.search(plain_label(split[0])) and leading_duration(
            value, whole=True
        )
        if not (is_pace(value) or budget):
            return False  # "JavaScript basics: 15 hours" is a step and its length
    return True


# "Daily commitment", "Total duration", "Time per week": what a length is the budget of.
_BUDGET_LABEL_RE = re.compile(
    r"\b(?:daily|weekly|monthly|total|overall|commitment|duration|time|per (?:day|week)"
    r"|weekdays?|weekends?|hours|schedule|pace|length)\b"
)


def _is_log_entry(item: Draft) -> bool:
    split = split_label(remove_controls(item.text))
    return bool(split and split[1] and _LOG_LABEL_RE.match(plain_label(split[0])))


# "- [ ] Review: DynamoDB limits": going over a topic again is work, unless it records a score.
_REVIEW_RE = re.compile(r"^(?:(?:self[- ]?)?review|revisión|レビュー)$")


_SCORE_RE = re.compile(r"\b\d{1,3}\s*/\s*\d{1,3}\b|\d\s*%")


@rule("note-label")
def _a_record(value: str) -> bool:
    """ "5/5", "45 min", "2026-03-01", "done": what a log line records; "All June topics"
    after "Review:" is work still to do."""
    if _SCORE_RE.search(value):
        return True  # "Correctness 5/5, Readability 4/5": scores
    words = [w for w in re.findall(r"[^\W\d_]+", value) if len(w) > 1]
    return len(words) <= 2


# "- *Why:* …", "- **Connects to:** …": a label set off by emphasis at the start of a line.
_SET_OFF_LABEL = (
    r"^\s*(?:(?P<a>\*\*|__|\*|_)(?P<x>[^*_\n]{1,30}?)\s*[:：]\s*(?P=a)"
    r"|(?P<b>\*\*|__|\*|_)(?P<y>[^*_\n]{1,30}?)(?P=b)\s*[:：])\s*"
)
_SET_OFF_LABEL_RE = re.compile(_SET_OFF_LABEL + r"\S")
# "- **Plan**:" over the list of the plan's points: a label set off, with nothing after it
_SET_OFF_LABEL_ALONE_RE = re.compile(_SET_OFF_LABEL + "$")
MIN_FACET_REPEATS = 3


def _set_off_label(item: Draft) -> str | None:
    found = _SET_OFF_LABEL_RE.match(item.raw or "")
    return plain_label(found["x"] or found["y"]) if found else None


def _recurring_facets(root: Draft) -> set[str]:
    """Labels set off by emphasis under three entries or more ("- *Why:* …", "- *Connects
    to:* …" under every day): the facets the author describes each entry by."""
    counts: Counter[str] = Counter()
    for draft in walk(root):
        if draft.kind == ITEM:
            counts.update(
                {
                    label
                    for child in draft.children
                    if child.kind == ITEM and not child.children and not child.is_task
                    if (label := _set_off_label(child))
                }
            )
    # "*Mon-Fri:* Learn syntax", "**Nhiệm vụ:** Bài tập": when and what to do, the work
    facets = {label for label, count in counts.items() if count >= MIN_FACET_REPEATS}
    # "a) Matematika Dasar" › "Tingkat kesulitan: Sedang", "Waktu penguasaan: 40-60 jam",
    # "Fokus: …", and the same labels under every skill: a card's fields, set off or not
    for labels, count in _field_cards(root).items():
        if count >= MIN_FACET_REPEATS and all(_a_facet(label) for label in labels):
            facets.update(labels)
    return {label for label in facets if _a_facet(label)}


def _a_facet(label: str) -> bool:
    return not (is_step_kind_title(label) or names_a_when(label) or _WORK_LABEL_RE.search(label))


def _field_cards(root: Draft) -> Counter[tuple[str, ...]]:
    """How often each set of labels (two or more) makes up all the lines under an entry."""
    cards: Counter[tuple[str, ...]] = Counter()
    for draft in walk(root):
        lines = draft.children
        if draft.kind != ITEM or len(lines) < 2:
            continue
        first_word = (draft.title.split() or [""])[0]  # "Mon" of "Mon 9/22"
        if is_slot(draft.duration) or names_a_when(draft.title) or names_a_when(first_word):
            continue  # "**Mon 9/22**" › "Udemy: Services…": the day's work, where to do it
        if _WORK_LABEL_RE.search(plain_label(draft.title)):
            continue  # "Tasks:" › "GS: Polity Ch 1-3", "CSAT: Numeracy": the work itself
        if (own := split_label(remove_controls(draft.text))) and own[1]:
            continue  # "CSAT: Numeracy" › "Current Affairs: …": a field, fields beside it
        if any(c.kind != ITEM or c.children or c.is_task for c in lines):
            continue
        fields = [split_label(remove_controls(c.text)) for c in lines]
        if all(field and field[1] for field in fields):
            cards[tuple(sorted({plain_label(f[0]) for f in fields if f}))] += 1
    return cards


def _field_label(item: Draft) -> str | None:
    """The label of a "Label: value" line, set off by emphasis or not."""
    found = _set_off_label(item)
    if found:
        return found
    field = split_label(remove_controls(item.text))
    return plain_label(field[0]) if field and field[1] else None


MIN_LESSON_CARDS = 3
MIN_PARAGRAPH_WORDS = 12


@rule("lesson-card")
def _lesson_cards_to_steps(root: Draft) -> None:
    """A lesson written as labelled paragraphs ("### Урок 2: Little's law" › "**Теория:** The
    link between…", "**Пример (Kafka):** If a topic receives…"), in a text whose lessons are
    written so and share a label (one under three lessons or more: "Теория", "Theory",
    "Example"), is one step, the lesson: its paragraphs say what it teaches and become its
    notes; so is a lesson of their series ("Урок 7") written the same way with labels of its
    own, and one written as folded blocks whose summaries recur ("## 1. Sinus de la somme" ›
    "<summary>Chapitre</summary>", "<summary>Énoncé</summary>"), or as a task's card whose
    labels stand over lists ("### Task 3" › "**Plan**:" › its points, "**Definition of
    Done**:" › its checks, task after task). Labels that are the work
    ("**Task:** …"), a kind of step ("**Project:** …"), a time or a place in the plan
    ("**Day 1:** …", "**Ngày 3:** …") or a facet of the plan ("**Topics:** …"), and parts
    whose labels name topics of their own with none shared, keep their entries as steps."""
    cards = [
        d
        for d in walk(root)
        if d.kind in (HEADING, PSEUDO)
        and (_labelled_paragraphs(d) or _folded_blocks(d))
        and not _week_of_tracks(d)
    ]
    counts: Counter[str] = Counter(
        label for card in cards for label in {_entry_label(c) for c in card.children}
    )
    shared = {
        label
        for label, count in counts.items()
        if count >= MIN_LESSON_CARDS
        and not _WORK_LABEL_RE.search(label)
        and not is_step_kind_title(label)
        and not names_a_when(label)
        and not is_facet_title(label)
        and not any(char.isdigit() for char in label)  # "Ngày 1", "Minggu 3-4": a place
    }
    sharing = {id(c) for c in cards if {_entry_label(e) for e in c.children} & shared}
    series = {word for card in cards if id(card) in sharing and (word := series_word(card.title))}
    # "### Урок 7" written as the other lessons are, with labels of its own: a lesson too
    for card in cards:
        if id(card) in sharing or series_word(card.title) in series:
            fold_into_notes(card, "lesson-card")


MIN_PROSE_LESSONS = 3


@rule("prose-lessons")
def _prose_lessons_to_steps(root: Draft) -> None:
    """A course whose lessons are told in prose ("## Tema 1: ¿Qué es Git?" over paragraphs
    and commands, "## Tema 2", … most of them with no list at all) takes each lesson of the
    series as one step: a lesson told the same way with a list among its paragraphs (the
    three states of a file, the clicks that make a repository) explains itself with it, and
    the list goes to its notes, and so do the short sections it walks through. A lesson with
    task boxes keeps its entries; so does one with less than two paragraphs of its own (or
    one and code)."""
    for draft in walk(root):
        series: dict[str, list[Draft]] = {}
        for child in draft.children:
            word = series_word(child.title) if child.kind in (HEADING, PSEUDO) else ""
            if word:
                series.setdefault(word, []).append(child)
        for lessons in series.values():
            told = [c for c in lessons if not _holds_entries(c) and len(c.notes) >= 2]
            if len(told) < MIN_PROSE_LESSONS or len(told) * 2 < len(lessons):
                continue
            for lesson in lessons:
                if lesson.children and _explained_in_prose(lesson):
                    fold_into_notes(lesson, "prose-lessons")


MIN_FACET_LESSONS = 3
MIN_SHARED_FACETS = 2
MIN_LESSON_PARTS = 2
_FACET_NAME_RE = re.compile(r"\s*[(（].*$|\s*[:：—–-]\s.*$")


@rule("facet-sections")
def _faceted_lessons_to_steps(root: Draft) -> None:
    """A lesson split into the same sub-sections as the lessons beside it ("## Day 3" ›
    "### Grammar Focus", "### Key Phrases", "### Exercises", and so every day) is one step,
    the lesson: its sub-sections are how each lesson is written, not steps of their own, and
    become its notes. Two such names at least, each under three lessons or more, and most
    of the lesson's sub-sections so named; a lesson of the same series ("Day 17") split in
    sub-sections of its own is one step too. Names that are a facet of the plan
    ("Resources", "Project") or the work ("Tasks") alone keep the sections they name as the
    plan's parts, and so does a part with a sub-section over what it teaches ("Key
    Topics"), with task boxes, or with entries of its own, a session of a day ("Morning"),
    and lessons that are all the plan's parts under one heading (the hours of "One-Day
    Schedule", each a phase)."""
    candidates = [
        section
        for section in walk(root)
        if section.kind in (HEADING, PSEUDO)
        and len(_sub_sections(section)) >= MIN_SHARED_FACETS
        and _may_be_a_lesson(section)
    ]
    counts: Counter[str] = Counter(
        name for section in candidates for name in {_facet_name(s) for s in _sub_sections(section)}
    )
    recurring = {
        name
        for name, count in counts.items()
        if name and count >= MIN_FACET_LESSONS and not _names_a_slot(name)
    }
    lessons = [c for c in candidates if _split_as_the_others(c, recurring)]
    series = {word for lesson in lessons if (word := series_word(lesson.title))}
    lessons += [c for c in candidates if c not in lessons and series_word(c.title) in series]
    parents = {id(section): parent for parent in walk(root) for section in parent.children}
    # lessons in parts of their own ("# Week 1" › its days, "# Week 2" › its days)
    if len({id(parents[id(lesson)]) for lesson in lessons}) < MIN_LESSON_PARTS:
        return
    for lesson in lessons:
        fold_into_notes(lesson, "facet-sections")


def _may_be_a_lesson(section: Draft) -> bool:
    names = [_facet_name(s) for s in _sub_sections(section)]
    return not (
        # "Buổi sáng" › "Lý thuyết", "Tips": a session of the day, over its work
        _TIME_OF_DAY_RE.search(plain_label(section.title))
        # "Week 1" › "DSA", "GitHub": a slot and no topic, split in the tracks of its work
        or names_only_a_slot(section.title)
        # "Topics & Concepts" › "High-Level Design", "Low-Level Design": topics, each a step
        or any(_TOPICS_FACET_RE.search(name) for name in [_facet_name(section), *names])
        or holds_task(section)
        # "### Contenido" › its topics, and "#### ¿Por qué?" under it: the topics are the
        # steps, the sub-sections say more of them
        or any(c.kind in (ITEM, ROW) and not _label_over_entries(c) for c in section.children)
    )


def _split_as_the_others(section: Draft, recurring: set[str]) -> bool:
    names = [_facet_name(s) for s in _sub_sections(section)]
    alike = [name for name in names if name in recurring]
    return (
        len(set(alike)) >= MIN_SHARED_FACETS
        and len(alike) * 2 >= len(names)
        # one name at least no plan's facet: "Resources", "Project" split a module or a
        # phase as well as a lesson
        and any(_names_a_lesson_facet(name) for name in alike)
    )


def _sub_sections(section: Draft) -> list[Draft]:
    """The parts `section` is split into: its headings, and its labels over lists ("-
    **What I learned:**" › what was learned)."""
    return [
        c
        for c in section.children
        if c.kind in (HEADING, PSEUDO) or (c.kind == ITEM and _label_over_entries(c))
    ]


def _label_over_entries(entry: Draft) -> bool:
    return bool(entry.children) and bool(_SET_OFF_LABEL_ALONE_RE.match(entry.raw or ""))


def _facet_name(section: Draft) -> str:
    """ "Grammar Focus: Dativ Prepositions" → "grammar focus"; "Quick Review (15 min)" →
    "quick review"."""
    return plain_label(_FACET_NAME_RE.sub("", section.title))


def _names_a_lesson_facet(name: str) -> bool:
    return not (is_facet_title(name) or _WORK_LABEL_RE.search(name) or is_step_kind_title(name))


def _names_a_slot(name: str) -> bool:
    """ "Monday", "Day 3", "Buổi sáng": a time, the work done then under it."""
    return (
        any(char.isdigit() for char in name)
        or names_a_when(name)
        or bool(_TIME_OF_DAY_RE.search(name))
    )


# "Key Topics", "What you'll learn", "Contenidos": a sub-section over what the part teaches,
# each a step; a lesson's other sub-sections are how it is taught.
_TOPICS_FACET_RE = re.compile(
    r"\b(?:topics?|subtopics?|concepts?|(?:talking |key )?points|(?:learning|study|key) focus"
    r"|skills?|contents?|syllabus|curriculum|what (?:to|you'll"
    r"|you will) (?:learn|cover)|temas?|contenidos?|conteúdos?|thèmes|contenus?|themen|inhalte"
    r"|argomenti|темы|konu(?:lar)?|materi|chủ đề|nội dung|conceptos|conceitos|konzepte|concetti"
    r"|kavramlar|khái niệm|konsep|что (?:изучим|изучаем|узнаем))\b|концепци|主题|知识点|内容|概念"
    r"|重点|要点|トピック|주제|내용|개념"
)


# "Buổi sáng (4 giờ)", "Afternoon", "午後": a day's sessions, each over its own work.
_TIME_OF_DAY_RE = re.compile(
    r"\b(?:morning|afternoon|evening|night|mañana|tarde|noche|manhã|noite|matin|après-midi"
    r"|soir(?:ée)?|vormittag|nachmittag|abend|mattina|pomeriggio|sera|sáng|chiều|tối|trưa"
    r"|pagi|siang|sore|malam|утро|вечер|sabah|öğle|akşam)\b|上午|下午|晚上|午前|午後|夜|오전|오후|저녁"
)


def _holds_entries(section: Draft) -> bool:
    """Whether any list entry or table row stands anywhere under `section`."""
    return any(d.kind in (ITEM, ROW) for d in walk(section) if d is not section)


def _explained_in_prose(lesson: Draft) -> bool:
    """Paragraphs of its own (two at least, or one and code), and no task box under it."""
    return (len(lesson.notes) >= 2 or bool(lesson.notes and lesson.held_code)) and not (
        holds_task(lesson)
    )


def _week_of_tracks(section: Draft) -> bool:
    """ "### Week 1" › "**DSA**:" › its problems, "**GitHub**:" › its tasks: a slot of the
    plan whose labels name the tracks of its work, each over the steps of that track, not
    a lesson's card."""
    return is_slot(section.duration) and all(
        _card_label_over_list(c) is not None for c in section.children
    )


def _entry_label(entry: Draft) -> str:
    """The label an entry of a lesson is set off by: "**Theory:**", or a folded block's
    summary ("<summary>Énoncé</summary>")."""
    if entry.kind == DETAILS:
        return plain_label(entry.title)
    alone = _card_label_over_list(entry)
    if alone is not None:
        return plain_label(alone["x"] or alone["y"])
    return _set_off_label(entry) or ""


def _card_label_over_list(entry: Draft) -> re.Match[str] | None:
    """ "- **Plan**:" over the plan's points, "- **Definition of Done**:" over its checks:
    a label of a card with its lines below it."""
    if not entry.children or any(c.is_task or c.children for c in entry.children):
        return None
    found = _SET_OFF_LABEL_ALONE_RE.match(entry.raw or "")
    label = plain_label(found["x"] or found["y"]) if found else ""
    if not label or _WORK_LABEL_RE.search(label) or is_facet_title(label):
        return None  # "**Key topics**:", "**Exercises**:" over their list: the steps
    if is_step_kind_title(label) or names_a_when(label):
        return None
    return found


def _folded_blocks(section: Draft) -> bool:
    """Whether `section` holds only folded blocks (two at least), each with a summary:
    "## 1. Sinus de la somme" › "<details><summary>Chapitre</summary>…", "<summary>Énoncé"."""
    entries = section.children
    return len(entries) >= 2 and all(e.kind == DETAILS and e.title for e in entries)


def _card_line(entry: Draft) -> re.Match[str] | None:
    """ "- **Theory:** …", or "- **Plan**:" over its lines: an entry of a lesson's card."""
    if entry.kind != ITEM or entry.is_task or not entry.raw:
        return None
    return _SET_OFF_LABEL_RE.match(entry.raw) or _card_label_over_list(entry)


def _labelled_paragraphs(section: Draft) -> bool:
    """Whether every entry of `section` (two at least) is a paragraph led by a label set off
    by emphasis ("- **Theory:** The response time of a system is…")."""
    lengths: list[int] = []
    for entry in section.children:
        found = _card_line(entry)
        if found is None:
            return False
        inner = sum(len((d.raw or d.text).split()) for d in walk(entry) if d is not entry)
        lengths.append(len(entry.raw[found.end() - 1 :].split()) + inner)
    # paragraphs, not a task's name and a few words on it ("**Add Testing**: Write unit tests")
    return len(lengths) >= 2 and statistics.median(lengths) >= MIN_PARAGRAPH_WORDS


# "Task", "To do", "Practice", "Nhiệm vụ", "任务": a label over the work itself.
_WORK_LABEL_RE = re.compile(
    r"\b(?:tasks?|to ?do|todo|assignments?|homework|exercises?|practi[cs]e|drills?|work"
    r"|tareas?|tarefas?|aufgaben?|tâches?|задач[аи]|ödev|tugas|latihan|nhiệm vụ|bài tập)\b"
    r"|任务|作业|练习|課題|タスク|演習|과제|할 일|연습",
    re.I,
)


def _absorb_note_items(draft: Draft, facets: set[str] | None = None) -> None:
    """ "- **Goal**: …", "- Status: …" and "- Timebox: 2 hours" under a step describe the
    step (its note, its duration); they are not steps of their own. So does a line led by a
    label the author sets off under entry after entry ("- *Why:* …", "- *Connects to:* …"),
    and the lines of a card whose labels come back whole under entry after entry ("a)
    Matematika Dasar" › "Tingkat kesulitan: Sedang", "Waktu penguasaan: 40-60 jam"; not
    under a day, where "Udemy: Services…" is the day's work)."""
    if facets is None:
        facets = _recurring_facets(draft)
    if draft.kind != ITEM and date_fields(draft):
        return  # "Start date: …" / "End date: …" under a heading: the section is text
    kept: list[Draft] = []
    pace_list = _is_time_budget(draft.children)
    stated = any(_status_line(c) for c in draft.children)
    for child in draft.children:
        _absorb_note_items(child, facets)
        if (
            draft.kind == ITEM
            and child.kind == ITEM
            and not child.is_task
            and not child.children
            and _field_label(child) in facets
        ):
            fired("note-label", child.line, "note")
            _take_said_state(draft, child)  # "Status: Completed" under course after course
            draft.label_notes += 1
            draft.notes.append(child.raw or child.text)
            continue
        if _facet_heading(draft, child):
            # "### 🎯 Goal: Learn Python fundamentals quickly" alone under a phase heading
            fired("note-label", child.line, "note")
            draft.notes.append(section_text(child))
            continue
        if (
            draft.kind == ITEM
            and child.kind == ITEM
            and not child.is_task
            and not child.children
            and _ITALIC_LINE_RE.match(child.raw.strip())
        ):
            # "- Course\n  - *what you learn: …*": an aside in italics describes the item
            fired("note-label", child.line, "note")
            draft.notes.append(child.raw)
            continue
        if (
            draft.kind != ROOT
            and child.kind == ITEM
            and child.children
            and not child.is_task
            and not holds_task(child)
            and _NOTE_GROUP_RE.match(plain_label(child.title))
            and (child.label or not split_label(remove_controls(child.text)))
        ):
            # "- **Objectives:**" over the objectives' bullets: what the step is for
            fired("note-label", child.line, "note")
            draft.label_notes += 1
            draft.notes.append(
                "\n".join(f"- {d.raw or d.text}" for d in walk(child) if d.raw or d.text)
            )
            continue
        if (
            child.kind == ITEM
            and not child.children
            and (not child.is_task or _is_log_entry(child))
        ):
            split = split_label(remove_controls(child.text))
            if split and split[1]:
                key = plain_label(split[0])
                key = re.split(r"\s+(?:&|and|y|e|und|et)\s+", key)[0]  # "Goal & why it matters"
                if _DURATION_ITEM_LABEL_RE.match(key):
                    found = leading_duration(split[1])
                    # "### Week 1: Basics" says when; "- Time: 7-10 hours" under it how long
                    slot_only = is_slot(draft.duration)
                    if found and (draft.duration is None or slot_only) and draft.kind != ROOT:
                        draft.duration, draft.planned = found
                        draft.label_notes += 1
                        fired("note-label", child.line, "note", f"duration {found[0]}")
                        continue
                if key.startswith("tag") and "<" in split[1]:
                    pass  # "Tags: <header>, <nav>": HTML tags to learn, not the note's tags
                elif (
                    _NOTE_LABEL_RE.match(key)
                    or _course_facet(key, split[1])
                    or _DURATION_ITEM_LABEL_RE.match(key)
                    or (
                        _LOG_LABEL_RE.match(key)
                        and (_a_record(split[1]) or (child.is_task and not _REVIEW_RE.match(key)))
                    )
                    or pace_list  # "Weekdays: 1 hour/day", "Weekend: 3 hours/day"
                ):
                    fired("note-label", child.line, "note")
                    _take_said_state(draft, child)
                    draft.label_notes += 1
                    draft.notes.append(child.raw or child.text)
                    draft.notes.extend(child.notes)
                    continue
        kept.append(child)
    draft.children = kept
    if stated and draft.said is not None and _status_card(draft):
        # "#### Week 1: Math for ML" › "**Focus**: …", "**Coding Task**: …", "**Status**: ⬜
        # Not Started": a card whose status is the week's, its other lines the week's fields
        for child in draft.children:
            fired("status-card", child.line, "note")
            draft.notes.append(child.raw or child.text)
            draft.label_notes += 1
        draft.children = []


@rule("status-card")
def _status_card(draft: Draft) -> bool:
    """A part whose lines are all labels set off by emphasis, one of them its status
    ("#### Week 1" › "- **Focus**: …", "- **Coding Task**: …", "- **Status**: ⬜ Not
    Started") is one step with that state: the other lines are its fields, its notes."""
    fields = draft.children
    return (
        draft.kind in (HEADING, PSEUDO, DETAILS)
        and len(fields) >= MIN_CARD_FIELDS
        and all(
            c.kind == ITEM and not c.children and not c.is_task and _set_off_label(c)
            for c in fields
        )
    )


MIN_CARD_FIELDS = 2


def _state_said_by(entry: Draft) -> str | None:
    """The state a "- **Status:** Completed" line gives the part it stands in, or None."""
    split = split_label(remove_controls(entry.text))
    return said_state(split[0], split[1]) if split and split[1] else None


def _status_line(entry: Draft) -> bool:
    return entry.kind == ITEM and _state_said_by(entry) is not None


def _take_said_state(draft: Draft, child: Draft) -> None:
    """ "- **Status:** Completed" under a course: the course's state, when its line has no
    box of its own."""
    said = _state_said_by(child)
    if said is not None and draft.marker is None and draft.kind != ROOT:
        draft.said = said
        fired("state-suffix", child.line, "item", f"[{said}]")


def _facet_heading(parent: Draft, child: Draft) -> bool:
    """An empty heading that states a facet of the part it stands in ("Goal: …", "Pace: …")
    under a part heading, beside its real sections."""
    if parent.kind not in (HEADING, PSEUDO) or child.kind != HEADING:
        return False
    if child.children or child.is_task or child.numbered:
        return False
    split = split_label(remove_controls(child.text))
    if not split or not split[1]:
        return False
    key = re.split(r"\s+(?:&|and|y|e|und|et)\s+", plain_label(split[0]))[0]
    return bool(_NOTE_LABEL_RE.match(key)) or _course_facet(key, split[1])


def describes_the_entry(line: str) -> bool:
    """ "目标：掌握一款游戏引擎的使用", "Goal: build a chat app": a field that says what the
    entry above it is for (its goal, why, a note), not more of its name."""
    split = split_label(remove_controls(line))
    return bool(split and split[1] and _NOTE_LABEL_RE.match(plain_label(split[0])))


_PAREN_ASIDE_RE = re.compile(r"\s*[(（][^()（）]{1,12}[)）]")


def _row_name(row: Draft) -> str:
    """A row's name as a section may give it: "Temporal Difference (TD) Learning" is named
    by "### Week 5: Temporal Difference Learning"."""
    name = plain_label(_PAREN_ASIDE_RE.sub(" ", row.title))
    return _ROW_NUMBER_RE.sub("", name, count=1) or name  # "| 4 | 系统开发方法 |"


_ROW_NUMBER_RE = re.compile(r"^\d{1,3}\s+")


def _pass_row_states(members: list[Draft], sections: list[Draft]) -> None:
    """ "| 3 | Dynamic Programming | Tamamlandi |" above the "### Week 3: Dynamic Programming"
    heading: the overview's state is that part's, when nothing inside it says its own."""
    for row in members:
        if row.marker is None or row.marker == " ":
            continue
        name = _row_name(row)
        for section in sections:
            if section.kind != HEADING or section.section_status is not None:
                continue  # a bold day line naming a module is not the module's own part
            if holds_task(section):
                continue
            text = _PAREN_ASIDE_RE.sub(" ", section.text or section.title)
            names = {plain_label(section.title), plain_label(text)}
            names |= {plain_label(part) for part in re.split(r"\s+[-–—:]\s+", text.strip())[:2]}
            if _names_one_of(name, names - {""}):
                section.section_status = row.marker
                fired("overview-table", row.line, "item", f"[{row.marker}] {section.title}")


def _section_names(section: Draft) -> set[str]:
    """A section's title as cleaned, and each side of a label as written: "M01 - Frontend
    I" is named by a row "M01", "TRACK B — Breakout" by a row "Breakout"."""
    forms = [section.title]
    if section.text:
        text = section.text.strip()
        forms += _LABEL_SPLIT_RE.split(text)[:2]
        # "6주차 예외처리", "Week5 Loops": the place it opens with may be the row's own cell
        forms.append(_LEADING_PLACE_RE.sub("", text, count=1))
    # "18주차 AOP(Aspect Oriented Programming)": a row may leave the aside out
    forms += [_ANY_ASIDE_RE.sub(" ", form) for form in forms]
    return {plain_label(form) for form in forms}


# "M01 - Frontend I", "TRACK B — Breakout", "模块4：系统开发方法": a label and a name
_LABEL_SPLIT_RE = re.compile(r"\s+[-–—:]\s+|\s*[：]\s*")
_LEADING_PLACE_RE = re.compile(r"^\S*\d\S*\s+")
_ANY_ASIDE_RE = re.compile(r"\s*[(（][^()（）]*[)）]")


def _names_above(draft: Draft, parents: dict[int, Draft]) -> set[str]:
    """The names of the sections `draft` stands in."""
    names: set[str] = set()
    parent = parents.get(id(draft))
    while parent is not None:
        if parent.kind in (HEADING, PSEUDO) and parent.title:
            names |= _section_names(parent)
        parent = parents.get(id(parent))
    return names


def _names_one_of(name: str, titles: set[str]) -> bool:
    """The row names a section: the same words, or (two words or more) words the section's
    title contains ("Git basics" in "Module 2: Git basics and branching") or that start
    with it; a name in Chinese, Japanese or Korean, written without spaces, within the title."""
    if name in titles:
        return True
    if _CJK_NAME_RE.fullmatch(name):
        # no spaces between words: "可靠性与性能" in "系统可靠性与性能评价"
        return any(name in title for title in titles)
    if len(name.split()) < 2:
        return False
    # "Git basics" in "Module 2: Git basics and branching", and a row that adds words of its
    # own after a section's name ("스프링과 스프링부트, 개발환경설정")
    return any(
        f" {name} " in f" {title} " or (len(title.split()) >= 2 and name.startswith(f"{title} "))
        for title in titles
    )


# A name in Chinese, Japanese or Korean of three characters or more, without spaces
_CJK_NAME_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{3,}")


# "## 2. Phase overview", "전체 단계 개요", "Übersicht": a section that sums the plan up.
_OVERVIEW_TITLE_RE = re.compile(
    r"\b(?:overview|summary|at a glance|resumen|resumo|übersicht|aperçu|vue d'ensemble)\b"
    r"|개요|概要|总览|概览|一覧"
)
MIN_SECTIONS_AFTER_OVERVIEW = 3


def _tables_under_an_overview(root: Draft, rows: dict[int, list[Draft]]) -> set[int]:
    """A table that is all an "overview" section holds, before at least three sections with
    steps of their own, sums up the plan those sections spell out."""
    found: set[int] = set()
    sections = [d for d in walk(root) if d.kind in (HEADING, PSEUDO)]
    asides: set[int] | None = None  # worked out once, when an overview table is found
    for holder in sections:
        tables = {c.table for c in holder.children if c.kind == ROW}
        if (
            len(tables) != 1
            or any(c.kind != ROW for c in holder.children)
            or any(c.marker is not None for c in holder.children)  # a tracker: the plan itself
            or not _OVERVIEW_TITLE_RE.search(plain_label(holder.title))
        ):
            continue
        asides = asides if asides is not None else _inside_asides(root)
        later = [
            d
            for d in sections
            if (d.line or 0) > (holder.line or 0)
            and id(d) not in asides  # "Prerequisites", "Learning Resources" spell out no plan
            and any(c.kind in (ITEM, ROW) and c.table not in tables for c in d.children)
        ]
        if len(later) >= MIN_SECTIONS_AFTER_OVERVIEW:
            found |= {t for t in tables if t is not None}
    return found


def _inside_asides(root: Draft) -> set[int]:
    """The sections named as asides to the plan, and every section under one."""
    found: set[int] = set()
    stack: list[tuple[Draft, bool]] = [(root, False)]
    while stack:
        current, aside = stack.pop()
        if current.kind in (HEADING, PSEUDO):
            aside = aside or is_aside_title(current.title)
            if aside:
                found.add(id(current))
        stack.extend((child, aside) for child in current.children)
    return found


def _outside_resource_groups(root: Draft) -> Iterator[Draft]:
    """The drafts under `root`, leaving out everything under a heading named for resources."""
    stack = [root]
    while stack:
        current = stack.pop()
        heading = current is not root and current.kind in (HEADING, PSEUDO)
        if heading and resource_kind(current.title) == "strong":
            continue
        yield current
        stack.extend(reversed(current.children))


MIN_OVERVIEW_NAMES = 2


@rule("overview-table")
def _drop_overview_tables(root: Draft) -> None:
    """A table listing the same weeks/phases the sections below (or above: "## 完成追踪"
    closing a checklist of modules) spell out is an overview: its rows are not extra items.
    A row may leave out the place a heading opens with ("6주차"), its module label
    ("模块4："), its aside ("AOP(Aspect Oriented Programming)") or add words after its name;
    a name in Chinese, Japanese or Korean is found within the heading's. So is a table that
    is all an "Overview" section holds, before three or more sections with steps. Sections
    under a resources heading ("Phase 1" advice under "Recommended resources") spell nothing
    out. A state the overview gives a row ("| 3 | Dynamic Programming | Completed |") is the
    state of the part heading it names, when nothing inside that part says its own."""
    # sections under "Recommended resources" advise on the parts; they do not spell them out
    sections = [
        d for d in _outside_resource_groups(root) if d.kind in (HEADING, PSEUDO) and d.title
    ]
    # the title as cleaned, and as written: "M01 - Frontend I" is named by a row "M01"
    # and each side of a label: "TRACK B — Breakout" is named by a row "Breakout"
    section_titles = set().union(*(_section_names(d) for d in sections))
    section_titles.discard("")
    rows: dict[int, list[Draft]] = {}
    for draft in walk(root):
        if draft.kind == ROW and draft.table is not None:
            rows.setdefault(draft.table, []).append(draft)
    parents = {id(c): d for d in walk(root) for c in d.children} if rows else {}
    overview = set()
    for table, members in rows.items():
        # "### Semana 10 - Solução de exercícios" over its own rows "Solução de exercícios":
        # a part's table naming that part spells it out; it sums up nothing
        titles = section_titles - _names_above(members[0], parents)
        naming = [name for m in members if _names_one_of(name := _row_name(m), titles)]
        # two rows at least name two sections: one name alike ("Fundamentos" in a part's own
        # table and a part "1) Fundamentos", "Solução de exercícios" twice in a week) is a
        # coincidence, not an overview
        if (
            len(members) >= 2
            and len(set(naming)) >= MIN_OVERVIEW_NAMES
            and len(naming) * 2 >= len(members)
        ):
            overview.add(table)
    overview |= _tables_under_an_overview(root, rows)
    if not overview:
        return
    for table in overview:
        _pass_row_states(rows[table], sections)
        for member in rows[table]:
            fired("overview-table", member.line, "dropped")
    emptied: set[int] = set()
    for draft in walk(root):
        kept = [c for c in draft.children if not (c.kind == ROW and c.table in overview)]
        if draft.children and not kept:
            emptied.add(id(draft))  # "## Timeline" over the table alone: nothing left to do
        draft.children = kept
    for draft in walk(root):
        draft.children = [
            c
            for c in draft.children
            if not (id(c) in emptied and c.kind in (HEADING, PSEUDO) and not c.is_task)
        ]


# "How to Use This Tracker" › "- [ ] Mark completed items with [x]": a box that shows how.
_HOW_TO_USE_RE = re.compile(
    r"\b(?:how to use|usage|instructions?|guidance|session guides?|c[oó]mo usar|como usar"
    r"|mode d'emploi|anleitung|quick ?start(?: guide)?)\b"
    r"|使い方|使用方法|使用说明|사용법",
    re.I,
)


_DASHBOARD_RE = re.compile(
    r"\bdashboard\b|\bskills? (?:status|matrix|progress|overview)\b|\b(?:overall|total) progress\b"
    r"|\bprogress (?:overview|summary|at a glance)\b",
    re.I,
)


def _tracked_in(task: Draft, section: Draft) -> bool:
    """A box the author ticks; a status column in a "Skills Dashboard" restates the plan."""
    return task.kind != ROW or not _DASHBOARD_RE.search(section.title)


@rule("tracked-housekeeping")
def _keep_sections_with_tasks(root: Draft, front_title: str | None) -> None:
    """A "Contributing"-like heading is left out, unless the author put checkboxes under it
    (then it is theirs to track), it is the document's own title, or leaving it out would
    leave nothing (a "Table of Contents" heading over the day-by-day sections). A table of
    contents kept for the boxed groups after it ("<details> 1. Arrays") was never closed:
    the groups take its place."""
    title_key = plain_label(front_title) if front_title else None
    _lift_progress_lines(root)
    part_names = _PartNames(root)
    for draft in walk(root):
        if draft.excluded and (
            (
                any(
                    d.is_task and _tracked_in(d, draft) and not _points_here(d) for d in walk(draft)
                )
                and not _HOW_TO_USE_RE.search(draft.title)
                and not _is_key_to_marks(draft)
                and not part_names.restated_by(draft)
                # "Progress Summary" › "🚧 In Progress: 1", "⏳ Remaining: 72": icons on counts
                and not is_statistics(draft)
            )
            or plain_label(draft.title) == title_key
            # "How to Use This Curriculum" › "### Step 1: Get Your Own Copy": setting up
            or (_holds_numbered_parts(draft) and not _HOW_TO_USE_RE.search(draft.title))
            or _contents_that_teach(draft)
            or _contents_of_lessons(draft)
            # "Quick Links" › "[Ramp schedule](./m1/ramp.c)": the programs written, not a menu
            or links_to_code(draft)
            # "Currently reading" beside "Read" and "To read": a column of the board
            or (draft.section_status is not None and holds_items(draft))
        ):
            draft.excluded = False
            fired("tracked-housekeeping", draft.line, "phase", draft.title)
            if _contents_over_groups(draft):
                draft.opened = True
        elif draft.excluded and part_names.restated_by(draft):
            # "## Progress" › "- [x] Day 1": left out, but its ticks are the parts' own
            carry_ticks([d for d in walk(draft) if d.is_task], named_sections(root), draft)
    _open_marked(root)
    if not _items_outside_excluded(root):
        # Dropping the sections would leave nothing: a "Table of Contents" heading over
        # "### Day 1: …" sections with their steps is where the author put the plan.
        for draft in walk(root):
            if draft.excluded and _holds_sections_with_items(draft):
                draft.excluded = False
                fired("tracked-housekeeping", draft.line, "phase", draft.title)
                draft.opened = _contents_over_groups(draft)
        _open_marked(root)
    if not _steps_outside_excluded(root):
        # still nothing: a "## Progress" table of the courses taken is the whole roadmap,
        # and refusing the file would be the worst reading of it
        for draft in walk(root):
            if draft.excluded and holds_items(draft):
                draft.excluded = False
                fired("tracked-housekeeping", draft.line, "phase", draft.title)


class _PartNames:
    """The names of the document's headings, gathered once, to tell a "## Progress" list of
    boxes that names the plan's own parts ("[✅] Beginner Level", "[ ] Expert Level") from
    one that tracks steps of its own."""

    def __init__(self, root: Draft) -> None:
        self.root = root
        self.names: Counter[str] | None = None

    def restated_by(self, section: Draft) -> bool:
        if self.names is None:
            self.names = Counter(
                plain_label(d.title) for d in walk(self.root) if d.kind in (HEADING, PSEUDO)
            )
        own = Counter(plain_label(d.title) for d in walk(section) if d.kind in (HEADING, PSEUDO))
        tasks = [plain_label(d.title) for d in walk(section) if d.is_task]
        named = sum(1 for name in tasks if name and self.names[name] > own[name])
        return named >= MIN_RESTATED_PARTS and named * 2 >= len(tasks)


MIN_RESTATED_PARTS = 2


# "Progress Markers Legend", "凡例": a section that says what the marks mean.
_KEY_TITLE_RE = re.compile(
    r"\blegends?\b|\bmarkers\b|凡例|图例|圖例|범례|leyenda|légende|legenda|легенда", re.I
)
MAX_KEY_ENTRY_WORDS = 4


def _is_key_to_marks(section: Draft) -> bool:
    """ "## Progress Markers Legend" › "- [⬜] Not started", "- [🔄] In progress": boxes
    that show what each mark means, each a word or two; nothing to study."""
    tasks = [d for d in walk(section) if d.is_task]
    return bool(_KEY_TITLE_RE.search(section.title)) and all(
        len(task.title.split()) <= MAX_KEY_ENTRY_WORDS for task in tasks
    )


# "## Contenido", "## Contents": the name of a table of contents, or of what is taught.
_CONTENTS_TITLE_RE = re.compile(
    r"^(?:(?:table of )?contents?|contenidos?|conte[úu]dos?|contenu|inhalt|содержание"
    r"|оглавление|зміст|índice|indice|sum[áa]rio|sommario|sommaire|table des matières"
    r"|inhaltsverzeichnis|spis treści|içindekiler|mục lục|daftar isi|สารบัญ|विषय सूची"
    r"|(?:ال)?فهرس|جدول المحتويات|فهرست(?: مطالب)?"
    r"|目录|目錄|目次|목차)$"
)


def _contents_over_groups(section: Draft) -> bool:
    """ "## 📚 Table of Contents" over its links, then "<details> 1. Arrays" with the
    boxes: the heading was never closed, the groups after it are the plan's parts."""
    groups = [c for c in section.children if not _points_within(c)]
    return (
        bool(_CONTENTS_TITLE_RE.match(plain_label(section.title)))
        and not _contents_that_teach(section)
        and bool(groups)
        and all(c.kind in (DETAILS, CALLOUT, HEADING, PSEUDO) for c in groups)
    )


def _points_within(draft: Draft) -> bool:
    """A contents entry: "- [Arrays](#1-arrays)", and the entries under it, link only to
    sections of this page."""
    entries = [d for d in walk(draft) if d.kind == ITEM]
    return (
        draft.kind == ITEM
        and all(d.links for d in entries)
        and all(href.startswith("#") for d in entries for _, href in d.links)
    )


def _open_marked(draft: Draft) -> None:
    kept: list[Draft] = []
    for child in draft.children:
        _open_marked(child)
        if child.opened:
            kept.extend(c for c in child.children if not _points_within(c))
            draft.notes.extend(child.notes)
            continue
        kept.append(child)
    draft.children = kept


def _contents_that_teach(section: Draft) -> bool:
    """ "## Contenido" › "1. **Conceptos Básicos**" › "Fundamentos de programación", or
    "## Contents" › "### 1. Programming Basic" › its goals: a contents section whose
    entries link nowhere and stand in groups lists what the roadmap teaches; a table of
    contents links to the sections it names. So does one whose groups link nowhere and
    whose entries link only away from the page ("# Content" › "- Week 1" › "- Lecture 1:
    Introduction [slides](./lecture1.pdf)"): the material of each step."""
    entries = [d for d in walk(section) if d is not section and d.kind == ITEM]
    parts = [c for c in section.children if c.kind in (HEADING, PSEUDO) and holds_items(c)]
    groups = [d for d in entries if d.children]
    if not (
        _CONTENTS_TITLE_RE.match(plain_label(section.title)) and len(entries) >= MIN_TAUGHT_ENTRIES
    ):
        return False
    if not any(d.links for d in entries):
        return bool(groups) or len(parts) >= 2
    return (
        len(groups) >= MIN_TAUGHT_GROUPS
        and not any(d.links for d in groups)
        and not any(href.startswith("#") for d in entries for _, href in d.links)
    )


MIN_TAUGHT_ENTRIES = 4
MIN_TAUGHT_GROUPS = 2


def _contents_of_lessons(section: Draft) -> bool:
    """ "## Contenido" › "| Dia 1 | [print()](./Dia-01/README.md) |": a contents section
    of eight entries or more, nearly all linking to files of the repository (a lesson's
    folder or notes; never a "#section" of this page or another site), lists the lessons
    the learner goes through: the plan."""
    entries = [d for d in walk(section) if d is not section and d.kind in (ITEM, ROW)]
    hrefs = [href for d in entries for _, href in d.links]
    return (
        bool(_CONTENTS_TITLE_RE.match(plain_label(section.title)))
        and len(entries) >= MIN_LESSON_ENTRIES  # not "Rules", "Log", "FAQ", "Usage"
        and sum(1 for d in entries if d.links) * 5 >= len(entries) * 4  # a lesson not written up
        and all(_RELATIVE_FILE_RE.match(href) for href in hrefs)
    )


MIN_LESSON_ENTRIES = 8


# "./Dia-01/README.md", "lessons/02-loops", "notes/week1.md": a file beside the README.
_RELATIVE_FILE_RE = re.compile(r"^(?![a-z][\w+.-]*:|#|/)[^\s#]+", re.I)


def _points_here(task: Draft) -> bool:
    """ "- [X] [Fundamentals](#fundamentals)": a box beside a link to a section of this page
    ticks the section, which is counted where it stands; the contents list is navigation."""
    return bool(task.links) and all(
        href.startswith("#") and plain_label(text) == plain_label(task.title)
        for text, href in task.links
    )


def _holds_numbered_parts(section: Draft) -> bool:
    """ "Folder structure" › "### Part 1: Foundation (Weeks 1-4)" › the week folders: the
    plan itself, laid out as the repository's folders."""
    parts = [
        c
        for c in section.children
        if c.kind in (HEADING, PSEUDO) and has_stage_word(c.text or c.title) and holds_items(c)
    ]
    return len(parts) >= 2


def _lift_progress_lines(draft: Draft) -> None:
    """ "**Progress:** ☐☐☐☐☐☐" above a track's boxes draws how far the track is: a line of
    the track's text, not a group around its boxes."""
    kept: list[Draft] = []
    for child in draft.children:
        _lift_progress_lines(child)
        if child.excluded and child.kind == PSEUDO and shows_progress_bar(child.raw or ""):
            draft.notes.append(child.raw)
            fired("tracked-housekeeping", child.line, "note")
            kept.extend(child.children)
            continue
        kept.append(child)
    draft.children = kept


def _steps_outside_excluded(draft: Draft) -> bool:
    """Any step left once the excluded sections go: an entry, or a section over prose."""
    return any(
        c.kind in (ITEM, ROW)
        or (c.kind in (HEADING, PSEUDO) and (not c.children or _steps_outside_excluded(c)))
        for c in draft.children
        if not c.excluded
    )


def _items_outside_excluded(draft: Draft) -> bool:
    return any(
        c.kind in (ITEM, ROW) or (not c.excluded and _items_outside_excluded(c))
        for c in draft.children
        if not c.excluded
    )


def _holds_sections_with_items(draft: Draft) -> bool:
    """Two sections with entries under it, or one under a contents heading that was never
    closed ("# Table of Contents" over "## Roadmap Summary" and its table)."""
    sections = [
        c
        for c in draft.children
        if c.kind in (HEADING, PSEUDO) and any(d.kind in (ITEM, ROW) for d in walk(c))
    ]
    if _CONTENTS_TITLE_RE.match(plain_label(draft.title)):
        return len(sections) >= 1
    return len(sections) >= 2


def _drop_excluded(draft: Draft) -> None:
    kept: list[Draft] = []
    for child in draft.children:
        if not child.excluded:
            kept.append(child)
        elif _lists_the_days_work(child):
            # "**Today's Progress**:" over "1. Finished CRUD routes": the day's steps
            fired("housekeeping-section", child.line, "item", "the day's work")
            kept.extend(child.children)
            draft.notes.extend(child.notes)
        elif _navigation_times_the_plan(child):
            # "## Navegação Rápida" over "| Fase 1 | 2 meses | Fundamentos Ruby |": the plan
            child.excluded = False
            fired("housekeeping-section", child.line, "phase", "the plan it lays out")
            kept.append(child)
        elif _navigation_as_a_topic(child):
            # "📦 Navigation" › "Stack Navigator", "Tab Navigator": how an app moves between
            # screens, a topic of the plan, not links to move around the page
            child.excluded = False
            fired("housekeeping-section", child.line, "topic", "a topic named navigation")
            kept.append(child)
        elif _progress_holds_the_plan(child):
            # "## 学习进度" over a table of 48 days and their topics: the plan itself
            child.excluded = False
            fired("housekeeping-section", child.line, "phase", "the plan it tracks")
            kept.append(child)
    draft.children = kept
    # "## Getting Started" over nothing but "### Installation" and "### Usage": emptied by
    # what was left out, it was about the repository too, not a step
    all_out = {
        id(c)
        for c in draft.children
        if c.kind in (HEADING, PSEUDO)
        and not c.is_task
        and c.children
        and all(d.excluded for d in c.children)
        # "### Hour 1: Role alignment" over a misread "Review:": a numbered part stays
        and not any(char.isdigit() for char in c.text or c.title)
    }
    for child in draft.children:
        _drop_excluded(child)
    emptied = [c for c in draft.children if id(c) in all_out and not c.children]
    for child in emptied:
        fired("housekeeping-section", child.line, "dropped", child.title)
        draft.notes.extend(child.notes)
    draft.children = [c for c in draft.children if c not in emptied]


_NAVIGATION_RE = re.compile(r"navega|navigation|导航|ナビゲーション|바로가기")
MIN_TIMED_ROWS = 3


def _navigation_times_the_plan(section: Draft) -> bool:
    """A part named for navigation whose table gives each phase its length (three rows
    or more with a duration): the plan laid out, not links to move around the page."""
    if section.kind not in (HEADING, PSEUDO) or not _NAVIGATION_RE.search(
        plain_label(section.title)
    ):
        return False
    rows = [d for d in walk(section) if d.kind == ROW]
    return sum(1 for d in rows if d.duration) >= MIN_TIMED_ROWS


def _navigation_as_a_topic(section: Draft) -> bool:
    """ "Navigation" as a heading of its own over entries that link nowhere: a topic."""
    if section.kind != HEADING or plain_label(section.title) not in _NAVIGATION_TOPICS:
        return False
    entries = [d for d in walk(section) if d.kind == ITEM]
    return bool(entries) and not any(d.links for d in entries)


_NAVIGATION_TOPICS = frozenset({"navigation", "navegação", "navegación", "navigazione"})


# "Learning progress", "学习进度", "進捗": a part named for how far the learner got.
_PROGRESS_NAME_RE = re.compile(
    r"\bprogress\b|progreso|progresso|fortschritt|progrès|прогресс|进度|進捗|진도|진행 상황"
)
MIN_TRACKED_ENTRIES = 8


def _progress_holds_the_plan(section: Draft) -> bool:
    """A part named for progress that lists many things to study, not figures about them
    (a table of "Day 1 | CFD basics" rows): the plan being tracked, not a report."""
    if section.kind not in (HEADING, PSEUDO) or section.is_task:
        return False
    if not _PROGRESS_NAME_RE.search(plain_label(section.title)):
        return False
    entries = [d for d in walk(section) if d.kind in (ITEM, ROW) and not d.children]
    return (
        len(entries) >= MIN_TRACKED_ENTRIES
        and not date_fields(section)
        and not any(reports_a_figure(d.text or d.title) for d in entries[:MIN_TRACKED_ENTRIES])
    )


# "Today's Progress", "What I did today": a log's label for the day's work.
_DAYS_WORK = r"today['’]?s progress|progress today|what i did today"
_DAYS_WORK_RE = re.compile(rf"^(?:{_DAYS_WORK})$")


# The fields of a coding log's day ("Today's Progress", "Link(s) to work"): a day that
# carries one is a journal entry.
_LOG_FIELD_RE = re.compile(
    rf"^(?:{_DAYS_WORK}|what i learned today|links? to (?:work|code|commits?)"
    r"|today['’]?s work)$"
)
MIN_JOURNAL_DAYS = 3


@rule("journal-days")
def read_journal_days(root: Draft) -> None:
    """A coding log's entries named for a day ("### Day 12: May 3, Friday", or a fold
    `<summary>Day 12: May 3</summary>` whose fields are headings), each a form of
    labelled fields ("Today's Progress", "Thoughts", "Link(s) to work", three entries at
    least): where most days list their work under the progress label, those lists are the
    steps; where most say it in a sentence, each day is one step. Every other field —
    thoughts, links, whatever else the learner wrote — is the day's note and resources."""
    days = [
        d
        for d in walk(root)
        if d.kind in (HEADING, DETAILS)
        and _names_a_day(d.title)
        and _holds_log_fields(d)
        and _filled_in(d)
    ]
    if len(days) < MIN_JOURNAL_DAYS:
        return
    # "## NEW Day 1: …" among them, written on the same form: an entry too
    parents = {id(c): d for d in walk(root) for c in d.children}
    found = {id(d) for d in days}
    for parent in {id(p): p for d in days if (p := parents.get(id(d)))}.values():
        days.extend(
            c
            for c in parent.children
            if c.kind in (HEADING, DETAILS)
            and id(c) not in found
            and _holds_log_fields(c)
            and _filled_in(c)
        )
    # most days list their work: those lists are the steps; most days say it in a sentence:
    # each day is a step, and a list some days give is its note like the rest
    listing = sum(1 for day in days if any(_lists_the_days_work(c) for c in day.children))
    steps_listed = listing * 2 >= len(days)
    for day in days:
        kept: list[Draft] = []
        for child in day.children:
            keep = steps_listed and _lists_the_days_work(child)
            if keep or holds_task(child) or not _is_field(child, day):
                kept.append(child)
                continue
            day.notes.append(section_text(child))
            for inner in walk(child):
                day.resources.extend(
                    Resource(light_clean(text) or href, href) for text, href in inner.links if href
                )
                day.resources.extend(inner.resources)
                fired("journal-days", inner.line, "note")
        day.children = kept
        day.label = False  # "### Day 1 - August 18, 2019:" names the entry, not a list
        day.numbered = True  # one of the log's numbered days, even "NEW Day 1", no preamble


def _names_a_day(title: str) -> bool:
    """ "Day 12: May 3", "Day 10-12 - September 1", "2024-05-03": an entry named by its day."""
    head = re.split(r"\s*[:：|–—]\s*|\s+-\s+", title, maxsplit=1)[0]
    return names_a_when(head) or names_a_when(title) or days_in_unit(series_word(head)) == 1


def _filled_in(day: Draft) -> bool:
    """A blank copy of the form ("## Day: //" over empty labels) is no entry."""
    return bool(day.notes) or any(
        f.notes or _after_label(f.title) or any(c.title.strip() or c.children for c in f.children)
        for f in day.children
    )


def _after_label(title: str) -> str:
    """The field's own words: "Unarchived the repo" of "Today's Progress: Unarchived the repo"."""
    parts = re.split(r"[:：]", title, maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _holds_log_fields(day: Draft) -> bool:
    """A field of the log under the day, or its words in the day's text
    ("**Today's Progress**: Fixed the form")."""
    return any(_log_field(c) for c in day.children) or any(
        _LOG_FIELD_RE.match(plain_label(re.split(r"[:：]", note, maxsplit=1)[0]))
        for note in day.notes
    )


def _log_field(draft: Draft) -> bool:
    """ "**Today's Progress**:" over the day's words, or "Today's Progress: Fixed the form";
    in a day folded into a `<details>`, "### Today's Progress:" as a heading."""
    label = re.split(r"[:：]", draft.title, maxsplit=1)[0]
    return draft.kind in (PSEUDO, ITEM, HEADING) and bool(_LOG_FIELD_RE.match(plain_label(label)))


def _is_field(child: Draft, day: Draft) -> bool:
    """A labelled part of the day's form: a bold label or entry, or a heading where the
    day itself is a fold (the headings inside it can be nothing but its fields)."""
    return child.kind in (PSEUDO, ITEM) or (day.kind == DETAILS and child.kind == HEADING)


def _lists_the_days_work(section: Draft) -> bool:
    """A log's "Today's Progress" label over a list of what was done that day: the day's
    steps, where the label over a sentence only reports on the day."""
    return (
        section.kind in (HEADING, PSEUDO)
        and bool(_DAYS_WORK_RE.match(plain_label(section.title).rstrip(":：")))
        and bool(section.children)
        # the list under the label, not the label's own words ("**Today's Progress**: Fixed")
        and all(c.kind == ITEM and (c.line or 0) > (section.line or 0) for c in section.children)
    )


def _drop_sections_about_people(draft: Draft) -> None:
    for child in draft.children:
        _drop_sections_about_people(child)
    draft.children = [c for c in draft.children if c.is_task or not is_about_people(c)]


def _tidy(draft: Draft) -> None:
    """Drop what is not an item: untitled bullets (their children move up), images, empty
    labels ("Notes:"), callouts and label lines that hold only text (they become notes)."""
    kept: list[Draft] = []
    for child in draft.children:
        _tidy(child)
        if child.excluded:
            continue
        if child.kind in (ITEM, ROW) and (not child.title or child.image_only):
            kept.extend(child.children)
            draft.resources.extend(child.resources)
            draft.notes.extend(child.notes)
            continue
        if child.kind in (HEADING, PSEUDO, DETAILS, CALLOUT) and not child.title:
            kept.extend(child.children)
            draft.notes.extend(child.notes)
            draft.resources.extend(child.resources)
            continue
        empty = not child.children and not child.resources
        # "**1.2 Embeddings:**" over "**Topics:** …", "**Practice:** …" bullets: an entry
        # described by its fields, not a label over text
        described = child.label_notes > 0
        if (
            empty
            and not child.is_task
            and child.label
            and not described
            and not text_says_what_to_do(child)
            # "### Day 075:" over what was done that day: one of the log's days, not a field
            and not (child.kind == HEADING and opens_a_part(child.text or child.title))
        ):
            # "**Goal:**" over a paragraph, or a placeholder bullet "Notes:": text, not a step.
            if child.notes:
                draft.notes.append(f"{child.title}: " + "\n\n".join(child.notes))
            continue
        if empty and child.kind == CALLOUT:
            draft.notes.append("\n\n".join([child.title, *child.notes]))
            continue
        if empty and _leaves_itself_out(child):
            draft.notes.append("\n\n".join([child.title, *child.notes]))
            continue
        if empty and _left_blank(child):
            draft.notes.append("\n\n".join([child.title, *child.notes]))
            continue
        if empty and _exclaims_or_signs(child):
            # "## 🔮 Upcoming!" over nothing: text, not a step
            draft.notes.append("\n\n".join([child.title, *child.notes]))
            continue
        kept.append(child)
    draft.children = kept


@rule("blank-table")
def _left_blank(draft: Draft) -> bool:
    """A heading over nothing but the column names of a table the author fills in topic
    after topic ("## Geometry" over "| # | Title | Solution |" and no row, the same header
    written above the other topics' problems) is a part left blank, not a step. A header
    written only once ("| Jenkins | GitHub Actions |") is a row of entries."""
    blank = draft.blank_table and draft.kind == HEADING and not draft.is_task
    if blank:
        fired("blank-table", draft.line, "note", draft.title)
    return blank


# "… so skip it", "(omitted)", "bỏ qua", "跳过" closing a heading: the part is left out
# ("Skip lists" names a topic).
_SKIP_RE = re.compile(
    r"(?:\bskip(?:ped)?(?: (?:it|this|them|for now))?|\bomitted|\bleft out|bỏ qua|lược bỏ"
    r"|\bsaltar(?:lo)?|omitid[oa]|\bpular|übersprungen|\bsauté|跳过|略过|省略|スキップ|건너뜀)"
    r"\W*$",
    re.I,
)


@rule("skipped-part")
def _leaves_itself_out(draft: Draft) -> bool:
    """A heading over nothing that says the part is left out ("### The last semester is the
    thesis, so skip it", "Học kì cuối … nên bỏ qua", "(omitted)") is a remark: text of the
    part it stands in, not a step."""
    skipped = (
        not draft.is_task and draft.kind in (HEADING, PSEUDO) and bool(_SKIP_RE.search(draft.title))
    )
    if skipped:
        fired("skipped-part", draft.line, "note", draft.title)
    return skipped


def _exclaims_or_signs(draft: Draft) -> bool:
    """A heading that exclaims over nothing ("## 🔮 Upcoming!", "**Stay tuned!**") cheers
    the reader; a step does not exclaim."""
    if draft.is_task or draft.kind not in (HEADING, PSEUDO) or draft.numbered:
        return False
    return draft.title.strip().endswith(("!", "！"))


MIN_WRAPPER_REPEATS = 3
MAX_WRAPPER_WORDS = 4


@rule("repeated-wrapper")
def lift_repeated_wrappers(root: Draft) -> None:
    """A group named alike in three parts or more ("### Topics covered" under every day,
    "**Subtópicos:**" or "- 重点：" under every module), each time the only group of its part, names
    nothing the part does not: its entries are the part's own. A kind of step ("Exercises",
    "Project"), a linked or a numbered group keeps its name; so does a group beside others
    in its part (there the names tell the groups apart), unless its name is one that wraps
    three parts alone and it comes first. A wrapper that is a board's column ("✅ Completed
    tasks") leaves its status with its entries."""

    def key(draft: Draft) -> str:
        if draft.section_status is not None:
            return "\0column"  # "✅ Completed tasks", "🔜 To-do list": columns of one board
        return plain_label(draft.title).rstrip(":：").casefold()

    def group(draft: Draft) -> bool:
        # "- 重点：" over the part's bullets wraps them as a heading would
        colon = draft.kind == ITEM and (draft.raw or draft.text).rstrip(" *_").endswith((":", "："))
        return (draft.kind in (HEADING, PSEUDO) or colon) and bool(draft.children)

    def wrapper(draft: Draft) -> bool:
        return (
            group(draft)
            and not draft.is_task
            and not draft.numbered
            and not draft.links
            and 0 < len(key(draft).split()) <= MAX_WRAPPER_WORDS
            and not is_step_kind_title(draft.title)
        )

    only_groups: dict[int, tuple[Draft, Draft]] = {}  # id(part) -> (part, its one group)
    named_groups: list[tuple[Draft, Draft]] = []  # every (part, group) that may be a wrapper
    for parent in (d for d in walk(root) if d.kind != ROOT):
        groups = [c for c in parent.children if group(c)]
        if len(groups) == 1 and wrapper(groups[0]):
            only_groups[id(parent)] = (parent, groups[0])
        # its first group: where the wrapper stands in the parts it is the only group of
        elif groups and wrapper(groups[0]) and parent.children[0] is groups[0]:
            named_groups.append((parent, groups[0]))
    repeats = Counter(key(group) for _, group in only_groups.values())
    # a name that wraps the entries of three parts names nothing in a fourth either, even
    # beside a "**Projects:**" group there
    for parent, found in [*only_groups.values(), *named_groups]:
        if repeats[key(found)] < MIN_WRAPPER_REPEATS:
            continue
        at = parent.children.index(found)
        lead = parent.children[:at]
        if (
            _TASKS_NAME_RE.match(key(found))
            and lead
            and all(c.kind == ITEM and not c.is_task for c in lead)
        ):
            # "- Skim through the book…" above "#### Tasks": what the part is, not its tasks
            for entry in lead:
                parent.notes.append("\n".join(f"- {d.raw or d.text}" for d in walk(entry)))
                for inner in walk(entry):
                    fired("repeated-wrapper", inner.line, "note", "describes the part")
            parent.children = parent.children[at:]
            at = 0
        if found.section_status not in (None, " "):
            # "### ✅ Completed tasks" under each day: a board's column, its entries done
            for entry in found.children:
                if not entry.is_task and entry.said is None:
                    entry.said = found.section_status
        parent.children[at : at + 1] = found.children
        fired(
            "repeated-wrapper", found.line, "dropped", f"its entries belong to line {parent.line}"
        )


MAX_NAME_WORDS = 4


def _names_one(draft: Draft) -> bool:
    """A short name ("Webpack", "npm scripts"), not a phrase about something."""
    title = draft.title.strip()
    return (
        draft.kind == ITEM
        and not draft.children
        and 0 < len(title.split()) <= MAX_NAME_WORDS
        and not title.endswith((".", "!", "?", "。", "！", "？", ":", "："))
    )


def _one_described_heading(draft: Draft) -> bool:
    """ "#### Section 03: Node.js" › "- Learn how Node.js works." and nothing else (a
    sentence, not a field: "2. Contents: episode 2" is what the section holds)."""
    if draft.kind != HEADING or len(draft.children) != 1:
        return False
    only = draft.children[0]
    return (
        only.kind == ITEM
        and not only.children
        and not only.is_task
        and not (only.raw or "").lstrip()[:1].isdigit()
        and split_label(only.text) is None
        and _describes(only)
    )


MIN_DESCRIBED_HEADINGS = 3


@rule("description-line")
def _fold_descriptions(
    draft: Draft, *, among_groups: bool = False, among_described: bool = False
) -> None:
    """A bullet's single plain sub-bullet describes it: it becomes the bullet's notes. One
    that names a step by its kind ("Project: Chat app", "Lab 2 – Joins"), or one under a
    bullet named only by its slot ("Semaine 15" › "Prepare the exam"), is that step. A
    linked heading's single bullet describes it when it is a sentence ("### [Read the Code
    Book](…)" › "- the best first book on ciphers, fun to read"), and so does a heading's
    among three or more headings each over one sentence ("#### Section 01: Clay" › "- Learn
    how clay behaves when wet."). An action under an action
    ("Learn the ML stack" › "Learn Numpy, Pandas") is the step spelt out: it stays. So does a
    name under a bullet whose siblings group names ("Module bundlers" › "Webpack" beside
    "Linters" › "Prettier", "ESLint"): one thing of that kind to learn. Under a step named
    only by its kind of material ("Lecture Notes" › "Test-Driven Development"), the line is
    what the material covers: it joins the title ("Lecture Notes: Test-Driven Development")."""
    groups = any(
        child.kind == ITEM
        and len(child.children) >= 2
        and all(_names_one(g) for g in child.children)
        for child in draft.children
    )
    # "#### Section 01" › one sentence, "#### Section 02" › one sentence, …: each sentence
    # says what its section is about, section after section
    described = sum(map(_one_described_heading, draft.children)) >= MIN_DESCRIBED_HEADINGS
    for child in draft.children:
        _fold_descriptions(child, among_groups=groups, among_described=described)
    if len(draft.children) != 1:
        return
    only = draft.children[0]
    if only.kind != ITEM or only.is_task or only.children or is_step_kind_title(only.title):
        return
    if among_groups and _names_one(only):
        return
    if names_only_a_slot(draft.title):
        return  # "15. Semaine 15" › "1. Prepare the final exam": the week's one step
    if (
        reads_as_action(draft.title)
        and reads_as_action(only.title)
        and not only.title.rstrip().endswith(".")
    ):
        return  # "3. Learn the ML stack" › "- Learn Numpy, Pandas": the step, spelt out
    if draft.links and only.links and (only.raw or "").lstrip().startswith("["):
        return  # "[Android course](…)" › "[Unit 4: Pathway 3](…)": the part of it to do
    if draft.kind not in (ITEM, ROW) and not (
        draft.kind == HEADING
        and (draft.links or (among_described and _one_described_heading(draft)))
        and _describes(only)
    ):
        return  # "### [1. Read the Code Book](…)" › "- a great first book because…" too
    if (
        draft.kind == ITEM
        and _MATERIAL_ONLY_RE.match(plain_label(draft.title))
        and _names_one(only)
        and len(only.title.split()) <= MAX_SUBJECT_WORDS
    ):
        # "[Lecture Notes](…)" › "Test-Driven Development": every day has lecture notes;
        # what they are about is what tells this step from the others
        fired("description-line", only.line, "item", "what the material covers")
        draft.title = f"{draft.title}: {only.title}"
        draft.notes.extend(only.notes)
        draft.resources.extend(only.resources)
        draft.children = []
        return
    fired("description-line", only.line, "note")
    draft.notes.append(only.raw or only.text)
    draft.notes.extend(only.notes)
    draft.resources.extend(only.resources)
    draft.children = []


MIN_DESCRIPTION_WORDS = 7
MAX_SUBJECT_WORDS = 8
# A step named only by the kind of material it is ("Lecture Notes", "Slides", "Video").
_MATERIAL_ONLY_RE = re.compile(
    r"^(?:lecture(?: notes| slides| videos?| recordings?)?|notes|class notes|slides|videos?"
    r"|readings?|recordings?|handouts?|worksheets?|notebooks?|exercises|problem sets?"
    r"|apuntes|diapositivas|lecturas|anotações|slides da aula|cours|notes de cours|skript"
    r"|讲义|课件|笔记|講義|資料|강의 ?자료|강의 ?노트)$",
    re.I,
)


@rule("lead-sentences")
def _lead_sentences_to_notes(draft: Draft) -> None:
    """Sentences in bullets at the top of a part that has parts of its own ("# History" ›
    "- it is best we learn from the mistakes already made" › "## Basics") introduce it:
    they are its notes, not steps. So are any bullets above a sub-part that names the part's
    tasks ("- Skim through the book…" above "#### Tasks")."""
    for child in draft.children:
        _lead_sentences_to_notes(child)
    if draft.kind not in (HEADING, PSEUDO):
        return
    lead = 0
    # "#### Tasks" after the bullets: the part names its steps, the bullets above describe it
    tasks_follow = any(
        c.kind in (HEADING, PSEUDO) and _TASKS_NAME_RE.match(plain_label(c.title).rstrip(":："))
        for c in draft.children
    )
    plain_lessons = _lists_plain_lessons(draft)
    while lead < len(draft.children):
        entry = draft.children[lead]
        if entry.kind != ITEM or entry.is_task:
            break
        if not tasks_follow and (entry.children or not _describes(entry)):
            break
        if reads_as_action(entry.title) and not tasks_follow:
            break  # "Solve challenges on Frontend Mentor.": a step written as a sentence
        if _reads_as_a_name(entry) and plain_lessons:
            break  # "Giới thiệu tổng quan về Javascript" before the part's lessons
        lead += 1
    rest = draft.children[lead:]
    if not lead or not rest or not all(c.kind in (HEADING, PSEUDO) for c in rest):
        return
    for entry in draft.children[:lead]:
        fired("lead-sentences", entry.line, "note")
        draft.notes.append(entry.raw or entry.text)
    draft.children = rest


# "Tasks", "Aufgaben", "Tareas", "任务": a sub-section that names the part's steps.
_TASKS_NAME_RE = re.compile(
    r"^(?:(?:my |your |the )?(?:tasks?|to-?dos?)|aufgaben|tareas|tarefas|t[âa]ches|compiti|zadania"
    r"|задачи|任务|任務|タスク|課題|과제|할 일|nhiệm vụ|tugas|görevler)$"
)


def _reads_as_a_name(entry: Draft) -> bool:
    """A lead line that is no sentence: a capital first letter, no full stop at its end."""
    text = entry.text.strip()
    return text[:1].isupper() and not text.endswith((".", "!", "?", "。", "！"))


def _lists_plain_lessons(part: Draft) -> bool:
    """The part's sub-parts list their lessons as names, not sentences (nine in ten at least):
    a lead line named the same way is the part's first lesson."""
    lessons = [
        d
        for c in part.children
        if c.kind in (HEADING, PSEUDO)
        for d in c.children
        if d.kind == ITEM
    ]
    plain = sum(1 for d in lessons if not d.text.strip().endswith((".", "!", "。")))
    return len(lessons) >= MIN_SIBLING_LESSONS and plain * 10 >= len(lessons) * 9


MIN_SIBLING_LESSONS = 6


def _describes(entry: Draft) -> bool:
    """A sentence about the step above it, not a step: long, no link, no numbering."""
    text = entry.text.strip()
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    capitalised = sum(1 for word in words if word[:1].isupper())
    return (
        not entry.links
        and not entry.numbered
        and not _lists_by_semicolons(text)
        and capitalised * 2 < len(words)  # a sentence, not a Title Cased name
        and (
            len(words) >= MIN_DESCRIPTION_WORDS
            or (len(words) >= 3 and text.endswith((".", "!", "。")))
        )
    )


MAX_LISTED_PIECE_WORDS = 8


def _lists_by_semicolons(text: str) -> bool:
    """ "Leitura de mapas; Projeções cartográficas; Tecnologia e cartografia": topics set
    side by side, not a sentence about them."""
    pieces = [piece for piece in re.split(r"\s*[;；]\s*", text) if piece.strip()]
    return len(pieces) >= 3 and all(len(p.split()) <= MAX_LISTED_PIECE_WORDS for p in pieces)


def _is_prose_only(draft: Draft) -> bool:
    return draft.kind in (HEADING, PSEUDO) and not draft.children and not draft.is_task


def _is_prose_only_details(draft: Draft) -> bool:
    return not draft.children and not draft.is_task and bool(draft.notes)


def _says_how_to_use(draft: Draft) -> bool:
    """ "<summary>Instructions</summary>" over a paragraph: how to use the page."""
    return bool(_HOW_TO_USE_RE.fullmatch(plain_label(draft.title)))


def _section_text(draft: Draft) -> str:
    return "\n\n".join(part for part in [draft.title, *draft.notes] if part)


@rule("intro-section")
def _move_intro_sections(
    root: Draft, notes: list[str], *, named_only: bool = False, first_heading: int | None = None
) -> str | None:
    """Prose-only sections before the first real phase (an introduction), and prose-only
    sections named like one ("Overview", "Conclusion") or like instructions anywhere at the
    top, become notes; so does a collapsed block of prose ("<details>" "Instructions"), and
    a section of short facts before the plan ("**Format 1**" › "**5 Gün**", "**Ders
    Süresi:** 50 dakika": how the course runs, not what it teaches). A first "#" heading
    over the introduction alone ("# 30 Days of JavaScript" › "This is a 30-day challenge…",
    then "# Daily Log") names the document: its title is given back."""
    named: str | None = None
    kept: list[Draft] = []
    leading = not named_only
    others_hold_items = sum(1 for c in root.children if holds_items(c)) >= 2
    for child in root.children:
        if (
            others_hold_items
            and child.kind in (HEADING, PSEUDO)
            and is_intro_title(child.title)
            and not child.numbered
            and not holds_task(child)
            and not any(c.kind == HEADING for c in child.children)
            and not holds_a_topic_tree(child)  # a course's "Introduction" unit of topics
        ):
            # "## Summary" or "## About" with a list of its own, beside the real phases
            fired("intro-section", child.line, "note", child.title)
            notes.append(section_text(child))
            continue
        if leading and _fact_sheet(child):
            # "**Format 1**" › "**5 Gün**", "**Ders Süresi:** 50 dakika": how the course
            # runs, before its plan
            for line in walk(child):
                fired("intro-section", line.line, "note")
            notes.append(_section_text(child))
            continue
        if _is_prose_only(child) or (child.kind == DETAILS and _is_prose_only_details(child)):
            named_intro = (
                is_intro_title(child.title) and not names_a_page(child)
            ) or _says_how_to_use(child)
            if named_intro or (
                leading
                and not child.numbered
                and (child.duration is None or child.label_notes >= 2)
                and not reads_as_action(child.title)
            ):
                fired("intro-section", child.line, "note", child.title)
                if (
                    not named_intro
                    and child.line == first_heading
                    and child.kind == HEADING
                    and (
                        (child.level == 1 and child.notes)  # "# repo-name" over "# The roadmap"
                        # "### Matura informatyka" alone over the parts: the page's name
                        # line ("# repo-name" alone over "# The roadmap" names the file;
                        # "### a tagline" over the one "# Bread Course" is that one's)
                        or (
                            child.level > 1
                            and not (child.notes or child.children or child.resources)
                            and not _one_title_after(root, child)
                        )
                    )
                ):
                    named = name_as_written(child)
                    if child.notes:
                        notes.append("\n\n".join(child.notes))
                    continue
                notes.append(_section_text(child))
                continue
        leading = False
        kept.append(child)
    if kept:
        root.children = kept
    return named


def _one_title_after(root: Draft, first: Draft) -> bool:
    """ "### a tagline" over "# Bread Baking Course" that holds the rest of the page."""
    after = root.children[root.children.index(first) + 1 :]
    return len(after) == 1 and after[0].kind == HEADING and after[0].level == 1


MAX_FACT_WORDS = 8


def _fact_sheet(section: Draft) -> bool:
    """A section of short facts about the course, two at least: bold fields whose short
    value is a quantity ("**Lesson length:** 50 minutes", "**Hours:** 10:00 - 17:00") and
    lengths alone ("**5 days**"); no step among them."""
    entries = section.children
    if section.kind not in (HEADING, PSEUDO) or len(entries) < 2:
        return False
    if section.duration is not None or section.numbered:
        return False  # "**Week 1-2**" › "**Topics:** HTML", "**Project:** Portfolio": a part
    fields = 0
    for entry in entries:
        if entry.kind != ITEM or entry.children or entry.is_task or entry.links:
            return False
        text = remove_controls(entry.text).strip()
        length = leading_duration(text)
        if length is not None and length[0].strip() == text:
            continue  # "5 Gün"
        field = split_label(text)
        if not field or not BOLD_FIELD_RE.match(entry.raw or ""):
            return False
        if is_facet_title(field[0]) or is_step_kind_title(field[0]):
            return False  # "**Topics:** …", "**Project:** …": what a part holds
        if re.search(r"\d", field[0]):
            return False  # "**07:30–10:00** → Wedging": a time slot and its work
        if len(field[1].split()) > MAX_FACT_WORDS or not re.search(r"\d", field[1]):
            return False  # a fact is a quantity: a length, an hour, a count, a date
        fields += 1
    return fields > 0


MIN_PLAN_AFTER_PREAMBLE = 6


def _preamble_items_to_notes(root: Draft, notes: list[str]) -> None:
    """ "Each lesson gives you: 1. **Patterns:** … 2. **Vocabulary:** …" before the first
    heading of a plan written under headings: the answer's preamble, not steps. The same
    under the document's title heading, when that holds everything. Entries that are groups
    ("1. Fundamentos:" › four topics, "3. Gramática:" › five) are a plan of their own: a
    first answer before a second one, not its preamble."""
    holder = _title_heading(root) or root
    lead = 0
    while lead < len(holder.children) and holder.children[lead].kind == ITEM:
        lead += 1
    leading = holder.children[:lead]
    sections = [c for c in holder.children[lead:] if c.kind in (HEADING, PSEUDO) and holds_items(c)]
    planned = sum(1 for c in sections for d in walk(c) if d.kind in (ITEM, ROW) and not d.children)
    if not leading or not sections or any(d.is_task for c in leading for d in walk(c)):
        return
    if planned < max(MIN_PLAN_AFTER_PREAMBLE, 3 * len(leading)):
        return
    groups = sum(1 for e in leading if sum(1 for c in e.children if c.kind == ITEM) >= 2)
    if groups * 2 > len(leading):
        return  # "1. Fundamentos:" › four topics, "3. Gramática:" › five: a plan of its own
    for entry in leading:
        for line in walk(entry):
            fired("intro-section", line.line, "note")
    # the entries with what stands under them ("**Making**" › "Help you throw pots…")
    notes.append("\n".join(f"- {d.raw or d.text}" for e in leading for d in walk(e)))
    holder.children = holder.children[lead:]


def _opening_name(root: Draft) -> Draft | None:
    """The H1 the document opens with, when only prose stands under it ("# Rust learning!",
    a paragraph, then "# Materials" over the parts): the page's name, whatever follows."""
    first = root.children[0] if root.children else None
    if (
        first is None
        or first.kind != HEADING
        or first.level != 1
        or first.is_task
        or first.children
        or sum(1 for c in root.children if c.kind == HEADING and c.level == 1) < 2
        # "# Вводные данные" (the course's preface), then "# Курс: …": the second names it
        or section_role(first.title) is not None
    ):
        return None
    return first


@rule("title-heading")
def _take_title(root: Draft, fm_title: str | None, opening: Draft | None = None) -> str | None:
    """The document's own title heading, when one holds everything, is the roadmap's title,
    not its only phase; so is a first heading that holds only its caption lines ("### Target:
    junior developer") above the parts of the plan written at its level. A smaller empty
    heading right under the title ("#### Spring 2026 Cohort Syllabus") is its subtitle. A
    page that opens with an H1 over its introduction alone ("# Rust learning!", then "#
    Materials" over every part) is named by that first H1; the second is a section."""
    sections = [c for c in root.children if c.kind in (HEADING, PSEUDO)]
    others = [c for c in root.children if c.kind not in (HEADING, PSEUDO)]
    if _captioned_title(root):
        return _take_captioned_title(root)
    if (
        opening is not None
        and all(c is not opening for c in root.children)
        and not _is_greeting(opening.title)
    ):
        fired("title-heading", opening.line, "title", opening.title)
        return name_as_written(opening)
    if len(sections) != 1 or others:
        return None
    top = sections[0]
    if top.is_task or top.label:
        return None
    is_h1 = top.kind == HEADING and top.level == 1
    same_as_fm = fm_title is not None and plain_label(fm_title) == plain_label(top.title)
    if not (is_h1 or same_as_fm or not top.numbered):
        return None
    if top.kind == PSEUDO and not top.children:
        return None
    greeting = _is_greeting(top.title)
    fired("title-heading", top.line, "note" if greeting else "title", top.title)
    root.children = top.children
    root.notes.extend(top.notes)
    root.resources.extend(top.resources)
    _subtitle_to_notes(root)
    if greeting:
        return None  # "## Hello..." over the whole page greets the reader, names nothing
    if is_slot(top.duration) and top.duration in top.text:
        # "# Critical Care: Week 3": the week is part of the page's name, not its length
        return " ".join(strip_decorations(remove_controls(top.text)).split()).strip(" *_")
    if top.duration:
        root.notes.insert(0, f"Duration: {top.duration}")
    return name_as_written(top)


# "Hello...", "Hi there!", "Welcome", "Hola", "你好": a greeting, not the name of a plan.
_GREETING_RE = re.compile(
    r"^(?:hello|hi|hey|greetings|welcome|hola|bonjour|salut|hallo|ol[áa]|ciao|merhaba"
    r"|xin chào|привет|здравствуйте|你好|您好|大家好|こんにちは|안녕하세요)"
    r"(?:,? (?:there|everyone|all|world|friends?|folks|guys|mundo|tout le monde))?[\s!.…,:~]*$",
    re.I,
)


def _is_greeting(title: str) -> bool:
    return bool(_GREETING_RE.match(strip_decorations(remove_controls(title)).strip(" *_")))


def _subtitle_to_notes(root: Draft) -> None:
    """ "# Bootcamp" then "#### April 2016 Cohort Syllabus" with nothing under it, then the
    "## …" parts: a smaller heading right under the title, above the parts, is its
    subtitle."""
    if len(root.children) < 2:
        return
    first, rest = root.children[0], root.children[1:]
    if (
        first.kind == HEADING
        and not (first.children or first.notes or first.is_task or first.resources)
        and all(c.kind == HEADING and c.level < first.level for c in rest if c.kind == HEADING)
        and any(c.kind == HEADING for c in rest)
    ):
        fired("title-heading", first.line, "note", first.title)
        root.notes.append(first.title)
        root.children = rest


def _captioned_title(root: Draft) -> bool:
    """ "# Full-stack roadmap" › "### Target: junior developer", "### Pace: 10 h a week",
    then "# Stage 1 …", "# Stage 2 …": the first heading holds only empty headings (its
    caption lines) while the parts of the plan follow at its level."""
    if len(root.children) < 3:
        return False
    top = root.children[0]
    if top.kind != HEADING or top.is_task or not top.children:
        return False
    captions = all(
        c.kind == HEADING
        and not c.is_task
        and (
            (not c.children and len(c.notes) <= 1)
            # "### 🧠 Target outcome:" › "✔ Confident in Python": about the plan, too
            or (is_intro_title(c.title) and not holds_task(c))
        )
        for c in top.children
    )
    parts = [
        c for c in root.children[1:] if c.kind == HEADING and c.level == top.level and c.children
    ]
    return captions and len(parts) >= 2


def _take_captioned_title(root: Draft) -> str:
    top = root.children.pop(0)
    fired("title-heading", top.line, "title", top.title)
    root.notes.extend([*top.notes, *(section_text(c) for c in top.children)])
    return top.title


_SLOT_START_RE = re.compile(rf"^(?:{ORDINAL})", re.I)
MIN_CHECKLIST_SLOTS = 2


def _slot_key(title: str) -> str | None:
    """ "第1天" of "第1天：Git + SSH", "day3" of "Day 3: Loops": the slot a title opens with."""
    found = _SLOT_START_RE.match(plain_label(title))
    return "".join(found.group(0).casefold().split()) if found else None


@rule("slot-checklist")
def merge_slot_checklists(root: Draft) -> None:
    """A checklist after the plan whose groups are named by the plan's own slots only
    ("每日检查清单" › "第1天" › "Git命令熟练使用", "Day 2" › …), each slot a part laid out
    before with no steps of its own ("### 第1天：Git + SSH + GitHub" over a morning,
    afternoon and evening), gives those parts their steps: the entries move under the part
    of the same slot, and the checklist is spent. Parts that list steps already keep
    theirs, and the checklist stays."""
    parts: dict[str, Draft] = {}
    for at, section in enumerate(root.children):
        groups = [c for c in section.children if c.kind in (HEADING, PSEUDO)]
        slots = [_slot_key(g.title) for g in groups]
        only_slots = all(
            key and len(plain_label(g.title)) <= len(key) + 4
            for g, key in zip(groups, slots, strict=True)
        )
        if (
            section.kind == HEADING
            and len(groups) >= MIN_CHECKLIST_SLOTS
            and len(groups) == len(section.children)
            and only_slots
            and all(g.children and all(c.kind == ITEM for c in g.children) for g in groups)
            and all(key in parts and not parts[key].children for key in slots if key)
        ):
            for group, key in zip(groups, slots, strict=True):
                fired("slot-checklist", group.line, "topic", group.title)
                parts[str(key)].children = group.children
            section.children = []
            section.excluded = True
            root.children = root.children[:at] + root.children[at + 1 :]
            return
        for draft in walk(section):
            if draft.kind in (HEADING, PSEUDO) and (key := _slot_key(draft.title)):
                parts.setdefault(key, draft)


MIN_LISTED_GROUPS = 2


def _list_of_groups(section: Draft) -> bool:
    """The section is one list whose entries group entries of their own, most of them."""
    entries = section.children
    groups = [e for e in entries if e.kind == ITEM and e.children and not e.is_task]
    return (
        all(e.kind == ITEM for e in entries)
        and len(groups) >= MIN_LISTED_GROUPS
        and len(groups) * 2 >= len(entries)
    )


@rule("single-wrapper")
def _hoist_wrapper(root: Draft) -> tuple[str | None, Draft | None]:
    """A single section that holds all the phases ("## Learning Plan") is opened, and so is
    one over a single list whose entries group entries of their own ("## Completion status"
    › "1. Getting Started" › its sections); when it is the document's one "#" heading, it
    names the roadmap. Gives that title (or None) and the
    innermost section opened (or None)."""
    named = None
    opened: Draft | None = None
    while len(root.children) == 1:
        wrapper = root.children[0]
        if wrapper.kind not in (HEADING, PSEUDO) or wrapper.is_task or wrapper.numbered:
            return named, opened
        sections = [c for c in wrapper.children if c.kind in (HEADING, PSEUDO, DETAILS, CALLOUT)]
        if not sections and _list_of_groups(wrapper):
            # "## Completion status" over "1. Getting Started" › its sections, "2. …": the
            # list's groups are the parts, the heading only where they stand
            sections = wrapper.children
        if len(wrapper.children) < 2 or not sections:
            return named, opened
        if _chapter_over_its_sections(wrapper, sections):
            return named, opened  # "## 1 Building Abstractions" over "### 1.1 …", "### 1.2 …"
        if all(c.children and all(g.kind == ROW for g in c.children) for c in sections):
            return named, opened  # a timetable's rows grouped by week: the table is the part
        # "# Оглавление" kept over the lessons is where they stand, not what they are called
        if (
            named is None
            and wrapper.kind == HEADING
            and wrapper.level == 1
            and section_role(wrapper.title) != HOUSEKEEPING
        ):
            named = wrapper.title
        fired("single-wrapper", wrapper.line, "dropped", wrapper.title)
        root.children = wrapper.children
        root.notes.extend(wrapper.notes)
        root.resources.extend(wrapper.resources)
        opened = wrapper
    return named, opened


# "1 Building…", "2.", "1.3 Loops": the number a chapter or section opens with
_CHAPTER_NUMBER_RE = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)(?![\d])")


def _chapter_over_its_sections(wrapper: Draft, sections: list[Draft]) -> bool:
    """ "## 1 Building Abstractions" over "### 1.1 …" and "### 1.2 …": the one chapter of a
    book tracked so far, numbered as its sections' numbers begin, is a part, not a wrapper."""
    head = _CHAPTER_NUMBER_RE.match(wrapper.numbering[0] or wrapper.title)
    if head is None:
        return False
    inside = [s for s in sections if (s.numbering[0] or "").startswith(f"{head[1]}.")]
    return len(inside) >= 2 and len(inside) == len(sections)


def _flatten_below(draft: Draft, depth: int, warned: list[bool], source: str) -> None:
    """Keep the model at most MAX_DEPTH deep: deeper items become leaves of the last level."""
    stack = [(draft, depth)]
    while stack:
        current, level = stack.pop()
        if level >= MAX_DEPTH and current.children:
            leaves = [d for d in walk(current) if d is not current]
            for leaf in leaves:
                leaf.children = []
            current.children = leaves
            if not warned[0]:
                warned[0] = True
                logger.warning(
                    "%s:%s: items nested more than %d levels deep were flattened",
                    source,
                    current.line or 1,
                    MAX_DEPTH,
                )
            continue
        stack.extend((child, level + 1) for child in current.children)


def _dedupe(parts: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for part in parts:
        part = part.strip()
        if part and part not in seen:
            seen.add(part)
            out.append(part)
    return out


def _dedupe_resources(resources: list[Resource]) -> list[Resource]:
    seen: set[tuple[str, str | None]] = set()
    out = []
    for res in resources:
        key = (res.text, res.url)
        if res.text and key not in seen:
            seen.add(key)
            out.append(res)
    return out


def _title_links(draft: Draft) -> list[Resource]:
    """Links written in an item's title: the title keeps their text, the topic their URL."""
    return [
        Resource(light_clean(text) or href, href)
        for text, href in draft.links
        if href and not href.startswith("#")
    ]


# "Completed Phase 1", "Phase 2 done", "Finished week 3", "Module 4 abgeschlossen": a box
# that marks a part of the plan done, not a step of it.
_PART_REF = (
    r"(?:the\s+)?(?:phase|stage|part|module|section|chapter|unit|week|month|level|fase|etapa"
    r"|módulo|semana|mes|mês|woche|monat|kapitel|semaine|mois)\s+(?:\d{1,3}|[ivx]{1,4})"
)
_PART_DONE_RE = re.compile(
    rf"^(?:{DONE_WORD}(?:\s+with)?\s+{_PART_REF}|{_PART_REF}\s+{DONE_WORD})[.!]?$", re.I
)


@rule("part-done-box")
def _drop_part_done_boxes(root: Draft) -> None:
    """A box that marks a part of the plan done ("- [ ] Completed Phase 1", "- [ ] Week 3
    finished"), as a progress tracker at the end repeats the parts, is that part's state,
    not one more step: the learner ticks the part's own steps."""
    for draft in walk(root):
        kept = []
        for child in draft.children:
            if child.is_task and not child.children and _PART_DONE_RE.match(child.title or ""):
                fired("part-done-box", child.line, "note")
                draft.notes.append(child.raw or child.title)
                continue
            kept.append(child)
        draft.children = kept


# "- **Task:** ~~Install Git and set up VS Code.~~": the author struck it out when done.
_STRUCK_OUT_RE = re.compile(
    r"^\s*(?:(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*:?\s*)?"
    # "*~~05/25~~*": the strike may sit inside an emphasis of its own
    r"(?P<em>\*{1,2}|_{1,2})?~~[^~\n]+~~(?P=em)?[.!]?"
    # "~~You-Dont-Know-JS~~ —— not needed after the red book": the name struck, a remark after
    r"(?:\s+[-–—]{1,2}\s*[^~\n]*)?\s*$"
)


# "延期", "postponed: covered by the course above": why an entry was struck, when it was
# not done.
_PUT_OFF_RE = re.compile(
    r"\b(?:postponed?|deferred|put off|skip(?:ped)?|dropped|cancell?ed|not needed|later"
    r"|aplazad[oa]|pospuest[oa]|adiad[oa]|verschoben|report[ée]e?|annul[ée]e?|rinviat[oa])\b"
    r"|延期|見送|後回し|スキップ|中止|推迟|延后|跳过|放弃|取消|연기|보류|취소|отложен|пропущен",
    re.I,
)


@rule("struck-out")
def _struck_out(draft: Draft) -> Status | None:
    """An entry struck through from end to end ("~~Install Git~~", "**Task:** ~~Study the
    tutorial.~~"), or its name struck and a remark after a dash ("~~Node.js开发指南~~ ——
    不推荐"), is one its author crossed off: done, or skipped when its note says it was
    put off ("~~BigQuery SQL~~" over "延期: the course above covers it")."""
    if draft.kind not in (ITEM, ROW) or not _STRUCK_OUT_RE.match(draft.raw or ""):
        return None
    status = (
        Status.SKIPPED if any(_PUT_OFF_RE.search(note) for note in draft.notes) else Status.DONE
    )
    fired("struck-out", draft.line, "item", status.value)
    return status


def _to_node(draft: Draft, inherited: Status | None, numbers: dict[int, tuple[Node, str]]) -> Node:
    """The model's node for `draft`; `numbers` gets the author's number of each node whose
    title still is the one it was cut from (see `show_numbering`)."""
    status = Status.from_marker(draft.marker) if draft.marker is not None else Status.TODO
    if draft.marker is None and draft.said is not None:
        status = Status.from_marker(draft.said)  # "Git (done)", "Status: Completed"
    if draft.marker is None and (struck := _struck_out(draft)) is not None:
        status = struck
    marker = draft.marker if draft.marker not in (None, *_CANONICAL_MARKERS) else None
    from_parent = inherited_status(draft, inherited)
    if from_parent is not None and status is Status.TODO and marker is None:
        status = from_parent
    passed = inherited
    if draft.is_task or draft.said is not None:
        passed = status if status in (Status.DONE, Status.SKIPPED) else None
        if draft.kind in (HEADING, PSEUDO) and any(
            d.marker is not None for d in walk(draft) if d is not draft
        ):
            passed = inherited  # a part said done whose entries carry marks of their own
    if draft.section_status is not None and not any(
        d.marker is not None or d.glyph is not None for d in walk(draft) if d is not draft
    ):
        # a board's "Done" column; where its entries carry marks of their own ("Ch1 √"
        # beside a bare "Ch6"), those say which are done
        passed = Status.from_marker(draft.section_status)
    node = Node(
        title=_without_its_length(settled_title(draft.title), draft.duration),
        status=status,
        marker=marker,
        duration=draft.duration,
        planned_days=draft.planned,
        resources=_dedupe_resources([*draft.resources, *_title_links(draft)]),
        notes="\n\n".join(_dedupe(draft.notes)),
        children=[_to_node(child, passed, numbers) for child in draft.children],
        line=draft.line,
    )
    number, numbered_title = draft.numbering
    if number and draft.title == numbered_title:
        numbers[id(node)] = (node, number)  # the node kept alive: its id stays its own
    return node


def _without_its_length(title: str, duration: str | None) -> str:
    """ "阶段1：基础建立 (第1-2周)" read with the length "第1-2周" (a state written after the
    bracket kept it in the title): the bracket goes, as a closing length's always does, so
    the title reads back the same from the outline form."""
    if not duration:
        return title
    for opening, closing in ("()", "（）"):
        tail = f"{opening}{duration}{closing}"
        if title.endswith(tail) and title[: -len(tail)].strip():
            return title[: -len(tail)].rstrip()
    return title


def _resources_as_notes(resources: list[Resource]) -> str:
    lines = []
    for res in _dedupe_resources(resources):
        lines.append(f"- [{res.text}]({res.url})" if res.url else f"- {res.text}")
    return "Resources:\n" + "\n".join(lines) if lines else ""


def title_from_source(source: str) -> str:
    """A title from the file name: "my_ml-plan.md" → "My Ml Plan"; a README or an index
    page, or a list of tasks or notes, is named by its folder ("python-roadmap/README.md" →
    "Python Roadmap", "jvm-100-days/tasks.md" → "Jvm 100 Days")."""
    parts = [part for part in re.split(r"[\\/]", source) if part not in ("", ".")]
    name = re.sub(_EXTENSION_RE, "", parts[-1] if parts else "")
    if _GENERIC_NAME_RE.match(name) and len(parts) > 1 and parts[-2] != "..":
        name = parts[-2]
    if name in ("", "-", "<stdin>", "<text>"):
        return "Roadmap"
    words = re.sub(r"[_\-.]+", " ", name).split()
    pretty = " ".join(w[:1].upper() + w[1:] if w.islower() else w for w in words)
    return remove_controls(pretty) or "Roadmap"


_EXTENSION_RE = re.compile(r"\.(?:md|markdown|mdown|txt|text|html?)$", re.I)
_GENERIC_NAME_RE = re.compile(
    r"^(?:readme|index|tasks?|todos?|to-?do|notes|main|home|progress|tracker)$", re.I
)


@dataclass(frozen=True, slots=True)
class Shaped:
    """What the second pass found: the document's own title (if any), phases and notes."""

    title: str | None
    nodes: list[Node]
    notes: str
    wrapper: tuple[str, int | None] | None = None  # the section opened over the phases
    numbers: dict[int, tuple[Node, str]] = field(default_factory=dict)  # `show_numbering`


MIN_FLAT_ENTRIES = 3


@rule("flat-plan")
def gather_flat_plan(nodes: list[Node], name: str, line: int | None) -> list[Node]:
    """A plan that is one run of entries with no parts ("### Day 1" … "### Day 100" in a
    coding log, a "## Schedule" of weeks each one step, a checklist under its title) is one
    part: the entries are gathered under the section that held them ("Log", "Schedule"), or
    under the roadmap's name, so that each stays a step of a part, not a part of its own
    (a vault of a hundred one-step parts, each its own row in the progress table). A plan
    with any part holding steps keeps its parts as they are."""
    if len(nodes) < MIN_FLAT_ENTRIES or not all(node.is_leaf for node in nodes):
        return nodes
    fired("flat-plan", line, "phase", name)
    # named as a heading of that name would be read ("Glaze practice, week 2": its slot)
    parts = clean_title(name)
    return [
        Node(
            title=settled_title(parts.title or name),
            duration=parts.duration,
            planned_days=parts.planned_days,
            children=nodes,
            line=line,
        )
    ]


def shape_roadmap(
    root: Draft, *, source: str, front_title: str | None, literal: bool = False
) -> Shaped:
    """Turn the drafts under `root` into the model (in this order: each step relies on the
    ones before it). `literal`: the document is roadvault's own outline form (docs/OUTLINE.md),
    read as written — its "Resources:" lists and nothing else interpreted."""
    notes: list[str] = []
    first_heading = next((c.line for c in root.children if c.kind == HEADING), None)
    opening_name = _opening_name(root)
    root_notes_before = list(root.notes)
    root.notes = []
    if not literal:
        adopt_entries_after_part_entries(root)
    _flatten_below(root, 0, [False], source)
    if literal:
        _dissolve_resources(root, literal=True)
        _tidy(root)
        title = _take_title(root, front_title)
        return _shaped(root, title, [*root_notes_before, *root.notes])
    drop_box_legend(root, notes)
    read_legend(root, notes)
    read_part_marks(root)
    read_status_glyphs(root)
    read_ticked_summaries(root)
    read_state_suffixes(root)
    _drop_part_done_boxes(root)
    read_plus_marks(root)
    read_board_columns(root)
    _drop_overview_tables(root)
    if not is_reading_plan(root):
        _dissolve_resources(root, boxed=is_checklist_document(root))
    _pointers_to_notes(root)
    _absorb_note_items(root)
    _lesson_cards_to_steps(root)
    _prose_lessons_to_steps(root)
    _faceted_lessons_to_steps(root)
    read_journal_days(root)
    _keep_sections_with_tasks(root, front_title)
    _drop_sections_about_people(root)
    carry_states_from_excluded(root)
    _drop_excluded(root)
    first_lesson_to_its_row(root)
    linked_notes_to_boxes(root)
    if not read_as_checklist(root, notes):
        read_unit_checklists(root)
    drop_repo_chatter(root, notes)
    drop_assistant_offers(root, notes)
    drop_promotions(root, notes)
    news_to_notes(root, notes)
    open_generic_details(root)
    drop_empty_details(root)
    _tidy(root)
    name_slots_by_topic(root)
    drop_check_in_logs(root, notes)
    drop_placeholders(root, notes)
    drop_breaks(root)
    drop_empty_facets(root)
    leading_captions_to_notes(root)
    level_fields_to_notes(root)
    advice_to_notes(root, notes)
    rhythm_to_notes(root)
    file_lists_to_notes(root, notes)
    goals_to_notes(root, notes)
    environment_to_notes(root, notes)
    grading_to_notes(root, notes)
    statistics_to_notes(root, notes)
    examples_to_notes(root)
    self_checks_to_notes(root)
    project_cards_to_steps(root)
    recaps_to_notes(root)
    _move_intro_sections(root, notes, named_only=True)
    _preamble_items_to_notes(root, notes)
    title = _take_title(root, front_title, opening_name)
    name_before_sources(root)
    name_before_explanation(root)
    links_to_resources(root)
    lift_repeated_wrappers(root)
    collapse_one_child_groups(root)
    lift_sole_captions(root)
    _fold_descriptions(root)
    _lead_sentences_to_notes(root)
    named_by_intro = _move_intro_sections(root, notes, first_heading=first_heading)
    overviews_to_notes(root, notes)
    status_boards_to_notes(root, notes)
    order_advice_to_notes(root, notes)
    merge_slot_checklists(root)
    hoisted, opened = _hoist_wrapper(root)
    dated_logs_to_notes(root, notes)
    retold_logs_to_notes(root, notes)
    title = title or named_by_intro or hoisted
    answer_plan_only(root, notes)
    schedule_is_the_plan(root, notes)
    open_wrapper(root)
    _move_intro_sections(root, notes)
    sections_after_the_plan(root, notes)
    sections_before_the_plan(root, notes)
    contents_headings_to_notes(root, notes)
    restated_sections_to_notes(root, notes)
    restated_entries_to_notes(root, notes)
    part_descriptions_to_notes(root)
    drop_repeated_sections(root, notes)
    prerequisites_to_notes(root, notes)
    prose_sections_to_notes(root, notes)
    shaped = _shaped(root, title, [*root_notes_before, *root.notes, *notes])
    if opened is not None and opened.title != hoisted:
        # "## Log" opened over its days: the name for them, should they stand alone
        return replace(shaped, wrapper=(opened.title, opened.line))
    return shaped


def _shaped(root: Draft, title: str | None, notes: list[str]) -> Shaped:
    roadmap_notes = _dedupe(notes)
    resource_text = _resources_as_notes(root.resources)
    if resource_text:
        roadmap_notes.append(resource_text)
    numbers: dict[int, tuple[Node, str]] = {}
    return Shaped(
        title=title,
        nodes=[_to_node(child, None, numbers) for child in root.children],
        notes="\n\n".join(roadmap_notes),
        numbers=numbers,
    )


def show_numbering(nodes: list[Node], numbers: dict[int, tuple[Node, str]]) -> None:
    """Give each title back the number its author wrote before it ("1.1 Variables", "IV.
    Recursion", "(04) Processes"). The rules read titles without it (a part is told by its
    name and ordered by the outline), so it goes back once they are done: the learner sees
    the numbering of the course they follow, and ids are made without it (parse/ids.py)."""
    for top in nodes:
        for node in top.walk():
            found = numbers.get(id(node))
            if found is not None and found[0] is node:
                node.title = settled_title(with_numbering(node.title, found[1]))
