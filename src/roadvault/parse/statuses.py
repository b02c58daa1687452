"""Statuses: what the author already marked done, in progress or skipped.

Task boxes are the common way (`[x]`, `[/]`, `[-]`, and check marks written inside the
brackets, `[✔️]`, `[✓]`, which titles.py reads as done). Trackers also mark items with a
leading glyph (✅ done, ⏳ in progress, ⬜ or ➖ not yet) — in a `<summary>`, a heading or a
bullet — and tables with a Status column (tables.py). A glyph is read as a status only in a
document that uses at least two kinds of them: one ✅ in front of every heading is decoration.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from roadvault.model import Node, Status
from roadvault.parse.checklist import is_checklist_document
from roadvault.parse.drafts import (
    DETAILS,
    HEADING,
    ITEM,
    PSEUDO,
    ROOT,
    ROW,
    Draft,
    holds_items,
    walk,
)
from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import section_text
from roadvault.parse.tables import hourglass_waits, status_of_words
from roadvault.parse.titles import (
    STATUS_MARKS,
    leading_status_glyph,
    plain_label,
    remove_controls,
    trailing_status_glyph,
)

MIN_GLYPH_ITEMS = 2


_PLUS_MARK_RE = re.compile(r"\s+\+\s*$")
MIN_PLUS_MARKS = 2


@rule("plus-mark")
def read_plus_marks(root: Draft) -> None:
    """ "1.2. Language basics +" beside "1.3. Generics" with nothing after it: a plus written
    after some entries, and not after the others, marks the ones learned."""
    entries = [d for d in walk(root) if d.kind in (ITEM, ROW, PSEUDO) and d.marker is None]
    plus = [d for d in entries if _plus_marked(d)]
    if len(plus) < MIN_PLUS_MARKS or len(plus) == len(entries):
        return
    for draft in plus:
        draft.marker = "x"
        draft.title = draft.title.rstrip(" +*_")
        fired("plus-mark", draft.line, "item", "done")
    # the document's other entries, without a plus, are still to learn
    for entry in entries:
        if entry.kind in (ITEM, ROW) and entry.marker is None:
            entry.marker = " "


# "…Git<strong>+</strong>", "…Git **+**": the plus set apart by its own emphasis.
_BOLD_PLUS_RE = re.compile(
    r"(?:\*\*\+\*\*|__\+__|<(?:strong|b)\b[^>]*>\s*\+\s*</(?:strong|b)>)\s*$"
)


def _plus_marked(draft: Draft) -> bool:
    return bool(_PLUS_MARK_RE.search(draft.text) or _BOLD_PLUS_RE.search(draft.raw or ""))


def _tick_key(draft: Draft, parents: dict[int, Draft], root: Draft) -> tuple[int, str | None]:
    """The part of the plan `draft` stands in (below a title heading that holds all) and the
    mark before it: where one tick means the same."""
    part = draft
    while (up := parents.get(id(part))) is not None and up is not root:
        if parents.get(id(up)) is root and len(root.children) == 1:
            break  # "# My Roadmap" over every part: the parts are below it
        part = up
    return id(part), _leading_emoji(draft.text)


def _tick_or_own_mark(parent: Draft) -> bool:
    """ "✔️ Functions", "✔️ Loops", "📚 Closures": every entry led by the tick or by one mark
    of the author's (fewer of those), none bare: the other mark is what is not done yet, and
    the tick a state wherever the document uses it."""
    entries = [c for c in parent.children if c.kind == ITEM]
    done = [c for c in entries if c.glyph == "x" and not c.glyph_after]
    own = {_leading_emoji(c.text) for c in entries if c.glyph is None}
    return (
        len(done) >= MIN_GLYPH_ITEMS
        and len(own) == 1
        and None not in own
        and len(done) < len(entries) < 2 * len(done)
    )


MIN_TICKED_SO_FAR = 2


def _lists_ticked_after(root: Draft) -> set[int]:
    """The lists whose entries end in a tick or in nothing ("Fork ✔", "Pin", "Skewer ✔"),
    when one of them at least is a ticked list of its own: the ticks there say done."""
    lists = []
    for parent in walk(root):
        entries = [c for c in parent.children if c.kind == ITEM]
        ticked = [c for c in entries if c.glyph == "x" and c.glyph_after]
        bare = [c for c in entries if c.glyph is None and not _leading_emoji(c.text)]
        if ticked and bare and len(ticked) + len(bare) == len(entries):
            lists.append((parent, entries))
    if not any(_some_ticked(entries) for _, entries in lists):
        return set()
    return {id(parent) for parent, _ in lists}


def _ticked_so_far(parent: Draft | None) -> bool:
    """A list whose first entries end in the same tick ("Intro ✅", "Setup ✅") and whose
    others carry no mark at all: the ticks say how far the learner has got."""
    if parent is None:
        return False
    entries = [c for c in parent.children if c.kind == ITEM]
    ticked = 0
    while ticked < len(entries) and entries[ticked].glyph_after:
        ticked += 1
    rest = entries[ticked:]
    return (
        ticked >= MIN_TICKED_SO_FAR
        and bool(rest)
        and len({e.glyph for e in entries[:ticked]}) == 1
        and all(e.glyph is None and _leading_emoji(e.text) is None for e in rest[1:])
    )


def _first_mark(draft: Draft) -> str:
    """The status glyph the entry's text opens (or, after the title, closes) with."""
    text = remove_controls(draft.text).replace("\ufe0f", "").strip()
    return (text[-1:] if draft.glyph_after else text[:1]) or ""


@rule("status-glyphs")
def read_status_glyphs(root: Draft) -> None:
    """Leading ✅/⏳/⬜/➖ glyphs are statuses when the document uses more than one kind, or when ✅
    marks some entries of a list and the others carry no glyph at all; never where the entries
    around it each wear an icon of their own (then ✅ is an icon too). Glyphs after the title
    ("**Arrays** ✅", "Trees 🛑") are statuses when two kinds are used. Marks in a licence or a
    how-to-help section, a mark used once, and a list of nothing but ❌ don'ts make no second
    kind; in a document ticked with boxes, a list without a box that pairs ✅ with ❌ says do and
    don't. One kind is a state too where the author says so by the shape: ✅ ending a list's
    first entries and none after ("Intro ✅", "Setup ✅", "Beans"), or after some entries of
    lists whose others carry nothing, in a plan without boxes ("Fork ✔", "Pin", "Skewer ✔":
    solved, wherever they stand; the bare ones stay steps, not boxes); ✔ beside one other mark
    of the author's for what is still to do ("📚 Closures"); or ✅ before the entries of a part
    whose heading the author marked done, or of the plan's first parts and of none after them
    (how far the learner has got); or before leaf entries scattered over an outline's lists
    whose other entries are bare ("Sorting" › "✅ Simple sorts", "Advanced sorts"), when no ✅
    of the document heads anything else; and a tick used beside task boxes is a tick in lists
    of its own in the same part. A "**Metric:** …" line closing a list of ✅ goals is a field about
    them, not the one goal still to do. Beside 🔄 for work under way, ⏳ is work waiting its
    turn: not started. A single mark standing in a list of boxes ("🔄 HTML Basics" over
    "[ ] CSS Fundamentals") takes the place of that entry's box. A ✅ on one kind of list in
    every unit ("**Learn**:" › "✅ Git basics" beside "**Practice**:" › bare entries, week
    after week) says the kind, not how far the learner has got."""
    marked = [d for d in walk(root) if d.glyph is not None and d.marker is None]
    examples = {id(d) for d in _examples_right_and_wrong(root)}
    marked = [d for d in marked if id(d) not in examples]
    # a licence's "✅ share / ❌ sell" says nothing of how the plan's marks are meant
    kinds = _kinds_of_marks(root) or {d.glyph for d in marked}
    parents = {id(c): d for d in walk(root) for c in d.children}
    if len(marked) < MIN_GLYPH_ITEMS:
        # "- 🔄 HTML Basics" over "- [ ] CSS Fundamentals": one mark in a list of boxes
        # stands where the box was, whatever the rest of the document holds
        for draft in marked:
            parent = parents.get(id(draft))
            if draft.kind == ITEM and parent is not None and _in_a_list_of_boxes(draft, parent):
                draft.marker = draft.glyph
                fired("status-glyphs", draft.line, "item")
        return
    # "✔️ 3: Unix" in a list beside task boxes ticks as a box does; the same mark before a
    # list of its own, in the same part of the plan, is the same tick
    beside_boxes = {
        _tick_key(d, parents, root)
        for d in marked
        if d.glyph == "x" and any(c.is_task for c in parents[id(d)].children)
    }

    def ticked_as_boxes(draft: Draft) -> bool:
        return draft.glyph == "x" and _tick_key(draft, parents, root) in beside_boxes

    solved: set[int] = set()
    if len(kinds) < 2 and not any(_tick_or_own_mark(p) for p in _studied(root)):
        # one kind after the titles ("… [post](url) ✅") may say published, checked, kept;
        # but "Intro ✅", "Setup ✅", then entries without it: how far the list has got
        ticks = _TickedPart(root)
        # "[4A - Watermelon](…) ✔" among problems not yet solved, in a plan without boxes:
        # the tick says solved, wherever it stands in its list
        solved = set() if is_checklist_document(root) else _lists_ticked_after(root)
        scattered = _scattered_leaf_ticks(marked, parents)
        everywhere = _ticked_after_every_entry(marked, parents)
        rows_ticked = _rows_partly_ticked(root)
        marked = [
            d
            for d in marked
            if d.stamped
            or everywhere
            or (rows_ticked and d.kind == ROW and d.glyph == "x")
            or id(d) in scattered
            or (d.glyph_after and id(parents[id(d)]) in solved)
            or (
                (not d.glyph_after or _ticked_so_far(parents.get(id(d))))
                and (
                    ticks.holds(d)
                    or _in_a_part_marked_done(parents.get(id(d)), parents)
                    or ticked_as_boxes(d)
                )
            )
        ]
    marked = [d for d in marked if d.stamped or not _among_icons(d, parents.get(id(d)))]
    if is_checklist_document(root):
        # the boxes say what is done; "✅ Morning sunlight" in a list without one is an icon
        # unless its list tracks states of its own ("✅ CPU", "🔄 Memory", "⬜ Processes")
        tracked: dict[int, bool] = {}  # one answer per list: a long list is read once
        for draft in marked:
            parent = parents.get(id(draft))
            if id(parent) not in tracked:
                tracked[id(parent)] = _tracked_here(parent) or _in_a_part_marked_done(
                    parent, parents
                )
        marked = [
            d for d in marked if d.stamped or tracked[id(parents.get(id(d)))] or ticked_as_boxes(d)
        ]
    waiting = hourglass_waits({_first_mark(d) for d in marked})
    for draft in marked:
        draft.marker = " " if waiting and _first_mark(draft) == "⏳" else draft.glyph
        fired("status-glyphs", draft.line, "item")
    if len(kinds) < 2:
        # "✅ Economics" beside a bare "Ethics" in the same list: the bare one is still to do
        for parent in {id(p): p for d in marked if (p := parents.get(id(d)))}.values():
            if id(parent) in solved:
                continue  # "Skewer" beside "Fork ✔": to do, a step as written, not a box
            last_mark = max(i for i, c in enumerate(parent.children) if c.glyph is not None)
            for index, sibling in enumerate(parent.children):
                if index > last_mark and _closing_field(sibling):
                    continue  # "- 📍 URL: http://…" after the day's ticks: about them
                # a bare one, or one in a mark of the author's own ("🤓 Docker in Action"
                # among ticked titles): not ticked, so to do
                bare = sibling.glyph is None
                if sibling.kind == ITEM and sibling.marker is None and bare:
                    sibling.marker = " "


MIN_TICKED_ROWS = 2


def _rows_partly_ticked(root: Draft) -> bool:
    """ "| ✔️ Basic Probability | 19 |" over "| Deep Learning | |": a tick in the title cell
    of some table rows, two at least, and none in others, is how far the learner has got. A
    mark on every row would only decorate them."""
    rows = [d for d in walk(root) if d.kind == ROW and d.marker is None]
    ticked = sum(1 for d in rows if d.glyph == "x")
    return ticked >= MIN_TICKED_ROWS and any(d.glyph is None for d in rows)


MIN_LISTS_TICKED_AFTER = 3


def _ticked_after_every_entry(marked: list[Draft], parents: dict[int, Draft]) -> bool:
    """ "Back-end com Node.js ✅", "Desafio: Conceito do Node.js ✅", module after module: a
    tick after the name of every entry of three lists or more, none without it, says all
    of them are done (a decoration stands before names, not after every one)."""
    if not marked or not all(d.glyph_after and d.glyph == "x" for d in marked):
        return False
    lists = {id(p): p for d in marked if (p := parents.get(id(d))) is not None}
    return len(lists) >= MIN_LISTS_TICKED_AFTER and all(
        child.glyph is not None
        for holder in lists.values()
        for child in holder.children
        if child.kind == ITEM
    )


# "公開URL: http://…", "学習ポイント:" over a list, "💡 学習: LocalStorage, DOM": a field of a log
# entry — a short name then a colon, with nothing after it but an address, or led by an icon.
_CLOSING_FIELD_RE = re.compile(
    r"^\s*(?:(?P<icon>[^\w\s*_\[(]\ufe0f?)\s*)?(?:\*\*|__)?[^:：\n]{1,20}?(?:\*\*|__)?\s*[:：]"
    r"(?:\*\*|__)?\s*(?P<rest>.*)$"
)


def _closing_field(draft: Draft) -> bool:
    match = _CLOSING_FIELD_RE.match(draft.raw or draft.text)
    if match is None or draft.kind != ITEM:
        return False
    rest = match.group("rest").strip()
    return bool(match.group("icon")) or not rest or bool(re.fullmatch(r"<?https?://\S+>?", rest))


def _tracked_here(parent: Draft | None) -> bool:
    """Whether a list of marked entries tracks states: it holds task boxes, or marks of two
    states. "❌ No screens after 9:30" beside "✅ Morning sunlight" says don't and do."""
    if parent is None:
        return False
    if any(c.is_task for c in parent.children):
        return True
    marks = {c.text.lstrip()[:1] for c in parent.children if c.glyph is not None}
    return len(marks - _DONT_MARKS) >= 2


_DONT_MARKS = frozenset("❌✗✘")


def _in_a_part_marked_done(draft: Draft | None, parents: dict[int, Draft]) -> bool:
    """ "## PHASE 1.5: OOP basics ✅" over "- ✅ Classes", "## Current modules (complete)"
    over "- ✓ Closures", "## 已完成" over "**Week 1 ✅**": in a part the author marked done,
    the tick before its entries ticks them, boxes or not elsewhere in the document."""
    while draft is not None:
        if draft.kind == HEADING and (
            trailing_status_glyph(draft.text) == "x"
            or _said_done(draft.title)
            or _names_done_work(draft.title)
        ):
            return True
        draft = parents.get(id(draft))
    return False


def _names_done_work(title: str) -> bool:
    """ "## 已完成", "## Completed", "## Done": a heading that is only the word for work
    finished names the part of the plan already done."""
    label = plain_label(title).strip(" :：")
    done_words = _BOARD_COLUMNS[0][1]
    return bool(label) and not done_words.sub("", label).strip(" :：-–—!.")


def _said_done(title: str) -> bool:
    """ "✅ Current modules (complete)", "Módulos Atuais (Completos)": the heading says the
    part is done, in a word after its name."""
    found = state_suffix(title)
    return found is not None and found[1] == "x"


def _kinds_of_marks(root: Draft) -> set[str]:
    """The marks used as states in the parts studied: a licence's "✅ share / ❌ sell" says
    nothing of the plan, and a mark used once ("🔄 six months of updates") is an icon
    unless it stands in a list beside another mark ("✅ Basics", "🔄 OOP", "⏳ Web")."""
    used: Counter[str] = Counter()
    beside: set[str] = set()
    for parent in _studied(root):
        marked = [c for c in parent.children if c.glyph is not None and c.marker is None]
        marks = [c.glyph for c in marked]
        if len(set(marks)) >= 2:
            if _right_and_wrong(marked):
                continue  # "❌ Ich komme, weil ich bin müde." / "✅ …, weil ich müde bin."
            beside.update(marks)
        elif all(c.text.lstrip()[:1] in _DONT_MARKS for c in marked):
            continue  # "❌ Don't rewrite from scratch" alone in its list: a don't, no state
        used.update(marks)
    return {glyph for glyph, count in used.items() if count >= 2 or glyph in beside}


MIN_SENTENCE_WORDS = 6


def _examples_right_and_wrong(root: Draft) -> list[Draft]:
    """The entries of lists that mark the wrong and the right way ("❌ …" / "✅ …")."""
    found: list[Draft] = []
    for parent in walk(root):
        marked = [c for c in parent.children if c.glyph is not None and c.marker is None]
        if marked and _right_and_wrong(marked):
            found.extend(marked)
    return found


def _right_and_wrong(marked: list[Draft]) -> bool:
    """ "❌ Ich komme nicht, weil ich bin müde." beside "✅ Ich komme nicht, weil ich müde
    bin.": a cross and a tick before whole sentences mark the wrong and the right way to say
    or do a thing (an example, a do and a don't), not what the learner has done; a tracker
    marks the names of its topics ("✅ HTML", "❌ CSS")."""
    firsts = {c.text.lstrip()[:1] for c in marked}
    if not firsts & _DONT_MARKS or len(firsts - _DONT_MARKS) != 1:
        return False
    return all(_a_sentence(c.title) for c in marked)


def _a_sentence(text: str) -> bool:
    text = text.strip()
    return text.endswith((".", "!", "?", "。", "！", "？")) or (
        len(text.split()) >= MIN_SENTENCE_WORDS
    )


def _studied(root: Draft) -> Iterator[Draft]:
    """The drafts outside sections nobody studies (a licence, how to contribute)."""
    stack = [root]
    while stack:
        current = stack.pop()
        if current.excluded:
            continue
        yield current
        stack.extend(reversed(current.children))


def _among_icons(draft: Draft, parent: Draft | None) -> bool:
    """ "**✅ Quality**" among "**📜 IaC**", "**🚀 CI/CD**", "**🧐 Monitoring**": each entry
    wears an icon, and ✅ is one of them, not a tick."""
    if parent is None:
        return False
    others = [c for c in parent.children if c.kind == draft.kind and c is not draft]
    icons = [c for c in others if c.glyph is None and _leading_emoji(c.text)]
    return bool(icons) and len(icons) * 2 >= len(others)


def _in_a_list_of_boxes(draft: Draft, parent: Draft) -> bool:
    """The entry stands in a list whose other entries are written as boxes (two at least)."""
    others = [c for c in parent.children if c is not draft and c.kind == ITEM]
    return len(others) >= MIN_GLYPH_ITEMS and all(c.boxed for c in others)


def _scattered_leaf_ticks(marked: list[Draft], parents: dict[int, Draft]) -> set[int]:
    """ "Sorting" › "✅ Simple sorts", "Advanced sorts"; "Searching" › "✅ Linear", "✅
    Binary": a ✅ before some leaf entries of an outline, wherever they stand, the entries
    beside them bare, says which are done, though no one list holds both kinds twice over.
    Every ✅ of the document must lead such an entry (one on a heading or a label over a
    list is an icon, as chat answers use it), each in a list of bare entries or ticks
    only, with at least two ticks and one bare entry in all. Gives the ticked entries'
    ids, or none."""
    ticks = [d for d in marked if d.glyph == "x" and not d.glyph_after]
    if len(ticks) != len(marked) or len(ticks) < MIN_GLYPH_ITEMS:
        return set()
    lists = {id(p): p for d in ticks if (p := parents.get(id(d))) is not None}
    bare = 0
    for parent in lists.values():
        for entry in parent.children:
            if entry.kind != ITEM or entry.children or entry.is_task:
                return set()
            if entry.glyph is None:
                if _leading_emoji(entry.text):
                    return set()  # "🔥 Heaps" beside "✅ Stacks": icons, one each
                bare += 1
    if any(d.kind != ITEM or d.children for d in ticks) or not bare:
        return set()
    return {id(d) for d in ticks}


class _TickedPart:
    """ "✅ Day 1" … "✅ Day 10", then "Day 11" … "Day 90" in the next phases: a ✅ on some
    entries and no glyph at all on the others marks what is done, either within one list or
    as the first entries of the plan's lists; on every entry it is decoration. The tree is
    walked once, whatever the number of marks."""

    def __init__(self, root: Draft) -> None:
        self.parents = {id(c): d for d in walk(root) for c in d.children}
        self.cousins: dict[tuple[str, str, float], list[Draft]] = {}
        for d in walk(root):
            up = self.parents.get(id(d))
            # "Day 11" continues "✅ Day 10"; outcome lists are not the plan
            if up is not None and d.numbered:
                self.cousins.setdefault((d.kind, up.kind, up.level), []).append(d)
        for group in self.cousins.values():
            group.sort(key=lambda d: d.line or 0)
        self.lists: dict[tuple[int, str], bool] = {}
        self.plans: dict[tuple[str, str, float], bool] = {}
        self.done_parts = _parts_ticked_so_far(root)

    def holds(self, draft: Draft) -> bool:
        parent = self.parents.get(id(draft))
        if draft.glyph != "x" or parent is None:
            return False
        if self._in_list(parent, draft.kind):
            return True
        if id(draft) in self.done_parts:
            return True
        return draft.numbered and self._first_of_the_plan((draft.kind, parent.kind, parent.level))

    def _in_list(self, parent: Draft, kind: str) -> bool:
        key = (id(parent), kind)
        if key not in self.lists:
            self.lists[key] = _some_ticked([c for c in parent.children if c.kind == kind])
        return self.lists[key]

    def _first_of_the_plan(self, key: tuple[str, str, float]) -> bool:
        if key not in self.plans:
            cousins = self.cousins.get(key, [])
            ticked = [d.glyph == "x" for d in cousins]
            first_plain = ticked.index(False) if False in ticked else len(ticked)
            self.plans[key] = _some_ticked(cousins) and not any(ticked[first_plain:])
        return self.plans[key]


MIN_PARTS_AFTER_TICKS = 1


def _parts_ticked_so_far(root: Draft) -> set[int]:
    """ "## Phase 1" › "✅ Variables, loops", "✅ Pointers", then "## Phase 2" … "## Phase 5"
    whose entries wear no mark: ✅ on the entries of the plan's first parts, and on none of
    the parts after them, says how far the learner has got, as "✅ Day 10" before "Day 11"
    does. A ✅ on the entries of every part, or of a part after an unmarked one, is
    decoration. Gives the ids of the ticked entries."""
    ticks: list[list[Draft]] = []
    bare: list[list[Draft]] = []
    for part in _plan_parts(root):
        items = [d for d in walk(part) if d.kind == ITEM and not d.is_task]
        if items:  # a part of text or of boxes says nothing of these marks
            ticks.append([d for d in items if d.glyph == "x"])
            bare.append([d for d in items if d.glyph is None and not d.children])
    first_plain = next((i for i, found in enumerate(ticks) if not found), len(ticks))
    after = range(first_plain, len(ticks))
    if first_plain == 0 or len(after) < MIN_PARTS_AFTER_TICKS:
        return set()
    if any(ticks[i] for i in after) or not all(bare[i] for i in after):
        return set()
    if _ticks_mark_one_kind(root):
        return set()
    # the marked entries of those first parts; a bare one beside them ("✅ Economics", then
    # "Ethics") is the other reading's to judge, a list ticked so far
    return {id(d) for found in ticks[:first_plain] for d in found}


MIN_FACET_TICK_UNITS = 3


def _ticks_mark_one_kind(root: Draft) -> bool:
    """ "#### Week 1" › "**Learn**:" › "✅ Git basics", "✅ GitHub", beside "**Practice**:" ›
    "Create a repository", week after week: each week holds a list all ticked beside a list
    all bare, and no list mixes the two; the ✅ marks what kind of entry it is (to learn, not
    to practise), not how far the learner has got."""
    units = 0
    for unit in walk(root):
        lists = [c for c in unit.children if c.children and all(g.kind == ITEM for g in c.children)]
        kinds = set()
        for group in lists:
            marks = {g.glyph == "x" for g in group.children if not g.children}
            if len(marks) > 1:
                return False  # "✅ Intro", "Setup" in one list: how far it has got
            kinds |= marks
        units += kinds == {True, False}
    return units >= MIN_FACET_TICK_UNITS


def _plan_parts(root: Draft) -> list[Draft]:
    """The top parts of the plan: the sections under the root, or under its one title
    heading."""
    sections = [c for c in root.children if c.kind in (HEADING, PSEUDO)]
    while len(sections) == 1:
        inner = [c for c in sections[0].children if c.kind in (HEADING, PSEUDO)]
        if not inner:
            break
        sections = inner
    return sections


def _some_ticked(entries: list[Draft]) -> bool:
    """Some entries ticked, the others bare. One bare entry among three ticked or more counts
    when it is written like them (a link each: "[Ethics](…)" beside "✅ [Economics](…)")."""
    done = [c for c in entries if c.glyph == "x"]
    plain = [c for c in entries if c.glyph is None and not _leading_emoji(c.text)]
    # "🤓 Docker in Action" after the ✅ titles: the one being read, a mark of the author's
    # own beside the ticks; a few of those leave the list a ticked one
    own = [c for c in entries if c.glyph is None and _leading_emoji(c.text)]
    if len(own) * MAX_OWN_MARK_SHARE > len(entries):
        return False
    if len(done) + len(plain) + len(own) != len(entries) or len(done) < MIN_GLYPH_ITEMS:
        return False
    if len(plain) >= MIN_GLYPH_ITEMS:
        return True
    return (
        len(plain) == 1
        and len(done) >= MIN_LONE_BARE_TICKS
        and all(_named_links(c) == _named_links(plain[0]) for c in done)
        # "**Métrica:** 100% done" closing a ✅ list is a field about it, not a step to do
        and not BOLD_FIELD_RE.match(plain[0].raw or plain[0].text)
    )


MIN_LONE_BARE_TICKS = 3


def _named_links(entry: Draft) -> bool:
    """The entry is written as a link ("[Ethics](…)"); an address typed after a field's
    label ("Photos: https://…") is the field's value, not such a link."""
    return any(shown != href for shown, href in entry.links)


MAX_OWN_MARK_SHARE = 4  # at most one entry in four may wear another mark of the author's
# "**Métrica:** …", "**Ders Süresi**: 50 dakika": a field, its label set in bold
BOLD_FIELD_RE = re.compile(
    r"^\s*(?:\*\*|__)[^*_\n]{1,40}?(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：])"
)


_BOARD_COLUMNS = (
    (
        "x",
        re.compile(
            r"\b(?:done|completed?|finished|learned|learnt|mastered|hecho|terminad[oa]s?"
            r"|aprendid[oa]s?|conclu[ií]d[oa]s?|realizad[oa]s?|erledigt|gelernt|termin[ée]s?|appris"
            r"|already read|finished reading|le[ií]dos?|lidos?|gelesen)\b|^\s*read\s*$"
            r"|выучил|изучено|изученное|пройдено|прочитано|已完成|已学|已读|读完|完了|学習済み"
            r"|読了|읽은 책|완료|완독",
            re.I,
        ),
    ),
    (
        "/",
        re.compile(
            r"\b(?:in progress|doing|currently (?:learning|studying|reading)|learning now"
            r"|reading now|now reading|en curso|aprendiendo|leyendo|em andamento|estudando|lendo"
            r"|en cours|lerne gerade|lese gerade)\b"
            r"|сейчас учу|сейчас читаю|в процессе|изучаю|进行中|学习中|在读|正在读|学習中|読書中"
            r"|진행 ?중|읽는 중",
            re.I,
        ),
    ),
    (
        " ",
        re.compile(
            r"\b(?:backlog|to[ -]?do|to learn|to read|(?:plan|want) to read|planned|wish ?list"
            r"|up next|pendiente|pendente|por leer|para ler|geplant|à faire|à lire|zu lesen)\b"
            r"|хочу изучить|хочу прочитать|планирую|计划|待学|待读|想读|予定|積読|예정|읽을 책"
            r"|未完成|未学|未读|未着手|未了|미완료|미완",
            re.I,
        ),
    ),
)
MAX_COLUMN_WORDS = 8


@rule("board-columns")
def read_board_columns(root: Draft) -> None:
    """A board of sections ("Backlog" / "In progress" / "Done", "Что хочу изучить" / "Что я
    выучил", a reading list's "Currently reading" / "Read" / "To read") says how far each
    entry is by where it stands: the entries of a "Done" section are done, of an "In
    progress" one under way. Two kinds of such sections side by side make a board; a lone
    "Finished projects" heading is just a name. So does a log whose every part holds one
    such section, of two kinds or more down the parts ("Day 1" › "✅ Completed tasks", …,
    "Day 4" › "🔜 To-Do list"). A board is no reading list of resources, and a column
    named like a status line ("Currently reading") is not housekeeping. A heading that is
    only the word for work finished ("## Realizado:", "## 已完成", "## Done") says so of its
    entries on its own; "Finished projects" is a name."""
    alone: dict[float, list[tuple[Draft, str]]] = {}
    for parent in walk(root):
        sections = [
            (child, mark)
            for child in parent.children
            if child.kind in (HEADING, PSEUDO, DETAILS)
            and len(plain_label(child.title).split()) <= MAX_COLUMN_WORDS
            and (mark := _column_mark(child.title)) is not None
        ]
        if len(sections) == 1 and parent.kind != ROOT:
            alone.setdefault(sections[0][0].level, []).append(sections[0])
        if len({mark for _, mark in sections}) >= 2:
            _set_columns(sections)
            for column, _mark in sections:
                if not column.children and not column.notes and column.kind == HEADING:
                    # "## 未读" with nothing under it yet: an empty column, not a step
                    column.excluded = True
                    fired("board-columns", column.line, "dropped", "an empty column")
    for sections in alone.values():
        if len(sections) >= MIN_LOG_COLUMNS and len({mark for _, mark in sections}) >= 2:
            _set_columns(sections)
    # "## Realizado:", "## 已完成", "## Done": a heading that is only the word for work
    # finished says its entries are done, board or not
    for draft in walk(root):
        if (
            draft.kind in (HEADING, PSEUDO)
            and draft.section_status is None
            and _names_done_work(draft.title.rstrip(":："))
            and holds_items(draft)
        ):
            _set_columns([(draft, "x")])


MIN_LOG_COLUMNS = 3


def _set_columns(sections: list[tuple[Draft, str]]) -> None:
    for section, mark in sections:
        section.section_status = mark  # "To read" too: a column, to do by its place
        if mark != " ":
            fired("board-columns", section.line, "phase", section.title)
        entries = [d for d in walk(section) if d is not section and not d.children]
        if any(d.glyph == "x" for d in entries) and any(d.glyph is None for d in entries):
            # "## 已读" over "Ch1 √" and a bare "Ch6": the ticks say which are read
            for entry in entries:
                if entry.glyph == "x" and entry.marker is None:
                    entry.said = "x"


@rule("kanban-lanes")
def drop_empty_lanes(nodes: list[Node]) -> list[Node]:
    """A board of Obsidian's Kanban plugin (`kanban-plugin: board` in its properties) is
    lanes ("## Noch offen", "## InProgress", "## Prüfungsreif") holding cards ("- [ ] …"):
    the cards are the steps, each with its own box. A lane with no card is an empty column
    waiting for cards, not a step."""
    kept = []
    for node in nodes:
        if node.children:
            kept.append(node)
        else:
            fired("kanban-lanes", node.line, "dropped", "empty lane")
    return kept


def _column_mark(title: str) -> str | None:
    for mark, pattern in _BOARD_COLUMNS:
        if pattern.search(title):
            return mark
    return None


@rule("ticked-parent")
def inherited_status(draft: Draft, inherited: Status | None) -> Status | None:
    """A ticked parent means its plain sub-bullets are done too; a sub-item written as its
    own task box keeps the status the author gave it."""
    if inherited is None or draft.is_task:
        return None
    fired("ticked-parent", draft.line, "item")
    return inherited


_TODO_WORDS_RE = re.compile(
    r"not (?:yet )?(?:started|studied|learned|learnt|begun|done|completed?)|to ?do|untouched"
    r"|pending|upcoming|planned|未学習|未学习|未开始"
    r"|未開始|未着手|まだ|sin empezar|no iniciado|pendiente|não iniciado|pendente|nicht begonnen"
    r"|pas commencé|à faire|미학습|시작 전",
    re.I,
)
_DOING_WORDS_RE = re.compile(
    r"in progress|studying|learning|doing|started|ongoing|wip|学習中|学习中|进行中|進行中|勉強中"
    r"|en curso|aprendiendo|em andamento|estudando|en cours|lerne|in arbeit|학습 중|진행 중",
    re.I,
)
MIN_LEGEND_ENTRIES = 3


def _leading_emoji(text: str) -> str | None:
    text = text.lstrip()
    if not text or unicodedata.category(text[0]) != "So":
        return None
    return text[0]


def _legend_markers(entries: list[Draft]) -> dict[str, str] | None:
    """glyph → checkbox for a legend ("⬜ not studied", "🔄 studying", "✅ basics", "🌟
    practical"): by its words where they say, else by its order (levels rise)."""
    glyphs = [_leading_emoji(entry.text) for entry in entries]
    if None in glyphs or len(set(glyphs)) != len(glyphs):
        return None
    # a legend of progress, not of categories ("🛠 PE · 🎨 ART · 🔁 BOTH" tags items, it
    # does not tick them): it names a not-yet and an under-way level
    if not (
        any(_TODO_WORDS_RE.search(entry.text) for entry in entries)
        and any(_DOING_WORDS_RE.search(entry.text) for entry in entries)
    ):
        return None
    doing_at = next(
        (i for i, entry in enumerate(entries) if _DOING_WORDS_RE.search(entry.text)), None
    )
    markers: dict[str, str] = {}
    for index, (glyph, entry) in enumerate(zip(glyphs, entries, strict=True)):
        if _TODO_WORDS_RE.search(entry.text):
            markers[str(glyph)] = " "
        elif _DONE_WORDS_RE.search(entry.text) and index != doing_at:
            markers[str(glyph)] = (
                "x"  # "✅ completed" first, then "🈸 in progress": said, not ranked
            )
        elif index == doing_at:
            markers[str(glyph)] = "/"
        elif doing_at is not None:
            markers[str(glyph)] = "x" if index > doing_at else " "
        else:
            markers[str(glyph)] = " " if index == 0 else "x"
    return markers


# What a demo box says it shows: "Ohne x" / "Mit x", "Not done" / "Done", "Offen" / "Erledigt".
_BOX_STATE_RE = re.compile(
    # "表示已完成", "means done", "= in progress": what the box stands for, said as such
    r"^(?:表示|意味|means|indicates|stands for|=|:)?\s*"
    r"(?:(?:ohne|mit|with(?:out)?|sin|con|sem|com|sans|avec|senza)\s+(?:an?\s+|ein\s+)?[\"'„“]?x"
    r"[\"'“”]?|(?:not\s+|un)?(?:done|checked|ticked|completed|finished)|(?:nicht\s+)?erledigt"
    r"|offen|to\s?do|pendiente|hecho|feito|pendente|fait|à faire|完了|未完了|已完成|未完成|완료"
    r"|미완료|in progress|en curso|em andamento|en cours|in bearbeitung|进行中|進行中|진행\s?중"
    r"|not started|未开始|未着手)[.!]?$",
    re.I,
)
MAX_DEMO_BOXES = 4


@rule("box-legend")
def drop_box_legend(root: Draft, notes: list[str]) -> None:
    """Boxes before the plan that only show how to tick ("- [ ] Ohne x" / "- [X] Mit x",
    "- [ ] Not done" / "- [x] Done" under "tick a box by putting an x in it", "说明：" ›
    "- [x] 表示已完成", "- [~] 表示进行中") are the tracker's legend, not steps: the roadmap
    note's text, their ticks counting nothing."""
    _drop_demo_boxes(root, notes)
    if root.children and root.children[0].kind == HEADING and root.children[0].level == 1:
        _drop_demo_boxes(root.children[0], notes)  # under the title, before its parts


def _drop_demo_boxes(holder: Draft, notes: list[str]) -> None:
    for at, child in enumerate(holder.children):
        if child.kind == PSEUDO and _legend_boxes(child.children):
            # "说明：" over "- [x] 表示已完成", "- [ ] 表示未完成": the legend under its label
            for entry in walk(child):
                fired("box-legend", entry.line, "note")
            notes.append(section_text(child))
            holder.children = [c for c in holder.children if c is not child]
            return
        if child.kind in (HEADING, PSEUDO, DETAILS):
            return  # the plan has begun: a list from here on is its own
        if child.kind != ITEM or not child.is_task or child.children:
            continue
        run = [child]
        for after in holder.children[at + 1 :]:
            if after.kind != ITEM or not after.is_task or after.children:
                break
            run.append(after)
        if _legend_boxes(run):
            for entry in run:
                fired("box-legend", entry.line, "note")
            notes.append(
                "\n".join(f"- [{entry.marker}] {entry.raw or entry.text}" for entry in run)
            )
            holder.children = [c for c in holder.children if c not in run]
        return


def _legend_boxes(run: list[Draft]) -> bool:
    """Two to four boxes, each saying only what a box in its state means."""
    return (
        2 <= len(run) <= MAX_DEMO_BOXES
        and all(e.kind == ITEM and e.is_task and not e.children for e in run)
        and all(_BOX_STATE_RE.match(plain_label(entry.title)) for entry in run)
    )


@rule("legend")
def read_legend(root: Draft, notes: list[str]) -> None:
    """A tracker that defines its own marks ("⬜ not studied · 🔄 studying · ✅ basics ·
    🌟 practical · 🏆 can teach" as a list, or on one line before or after the plan: "🔴 =>
    Not started | 🟡 => In progress | 🟢 => Completed", even in a heading of its own) uses
    them as statuses: each item's leading mark says how far the learner is. The legend
    itself is text, and so is a key of one entry per state, each a mark then what it means
    ("![Done](…badge…) - Topic learned", "![Not Started](…) - Not yet begun")."""
    others = [d for d in walk(root) if d.kind in (ITEM, ROW, DETAILS) and d.marker is None]
    for holder in walk(root):
        entries = [c for c in holder.children if c.kind == ITEM]
        if len(entries) < MIN_LEGEND_ENTRIES or len(entries) != len(holder.children):
            continue
        if _keys_of_marks(entries):
            # "![Done](…badge…) - Тема изучена", "![Not Started](…) - Еще не приступал":
            # one entry per state, each saying what its mark means
            for entry in entries:
                fired("legend", entry.line, "note")
            notes.append("\n".join(f"- {e.raw or e.text}" for e in entries))
            holder.children = []
            continue
        markers = _legend_markers(entries)
        if markers is None:
            continue
        marked = [d for d in others if d not in entries and _leading_emoji(d.text) in markers]
        if len(marked) < len(entries):
            continue
        for draft in marked:
            draft.glyph = markers[str(_leading_emoji(draft.text))]
            draft.marker = draft.glyph  # the key says so: a state, not an icon
        for entry in entries:
            fired("legend", entry.line, "note")
        if holder.kind in (HEADING, PSEUDO):
            notes.append(section_text(holder))
            holder.children = []
            holder.excluded = True
        else:
            notes.append("\n".join(f"- {e.raw or e.text}" for e in entries))
            holder.children = [c for c in holder.children if c not in entries]
        return
    _read_inline_legend(root, others)
    _read_instruction_legend(root, others, notes)
    _drop_category_legends(root, notes)


MAX_LEGEND_WORDS = 12
MAX_KEY_ENTRIES = 5


def _keys_of_marks(entries: list[Draft]) -> bool:
    """Each entry a different state's mark, then a dash or an equals sign and what the mark
    means: the key to the marks, not steps."""
    glyphs = [e.glyph for e in entries]
    return (
        len(entries) <= MAX_KEY_ENTRIES
        and None not in glyphs
        and len(set(glyphs)) == len(glyphs)
        and all(re.match(r"^\s*[-–—=:→]\s*\S", e.text) for e in entries)
    )


MAX_KEY_CANDIDATES = 3


def _drop_category_legends(root: Draft, notes: list[str]) -> None:
    """ "🟢 Green – the junior minimum", "🔵 Blue – middle", "🔴 Red – senior": a key to
    marks the plan puts on its entries (levels, categories) explains them; it is text, not
    three items. Its marks must be used on entries all after it (or all before it), and it
    is a list of its own, not the first entries of a longer one."""
    drafts = list(walk(root))
    runs: list[tuple[Draft, list[Draft]]] = []
    for holder in drafts:
        run: list[Draft] = []
        entries = sum(1 for c in holder.children if c.kind == ITEM)  # once: lists run long
        for child in [*holder.children, None]:
            glyph = _leading_emoji(child.text) if child is not None else None
            if (
                child is not None
                and child.kind == ITEM
                and not child.children
                and glyph is not None
                and len(child.text.split()) <= MAX_LEGEND_WORDS
                and not child.links  # "╳ [Lesson 2](lesson2.md)" is marked, not a key
                and not child.duration  # "📚 Afternoon: Contracts (3 hours)": a slot's step
                and glyph not in {_leading_emoji(d.text) for d in run}
            ):
                run.append(child)
                continue
            whole = len(run) == entries
            # a key is a list of its own: "✅ Grokking Algorithms", "🤓 Haskell" opening a
            # reading list with eight bare titles after them are its first entries
            if len(run) >= 2 and whole:
                runs.append((holder, run))
            run = []
    runs.sort(key=lambda pair: pair[1][0].line or 0)
    # a key stands before the plan or after it: the first and last runs are the candidates
    for holder, run in runs[:MAX_KEY_CANDIDATES] + runs[MAX_KEY_CANDIDATES:][-MAX_KEY_CANDIDATES:]:
        # "## 14. Advanced Topics" is a numbered part of the plan, whatever marks its list
        if not holder.numbered and _marks_used(run, drafts):
            notes.append("\n".join(f"- {d.raw or d.text}" for d in run))
            for entry in run:
                fired("legend", entry.line, "note")
            holder.children = [c for c in holder.children if c not in run]
            _apply_key(_legend_markers(run), [d for d in drafts if d not in run])
            return  # a document has one key


def _marks_used(run: list[Draft], drafts: list[Draft]) -> bool:
    glyphs = {str(_leading_emoji(d.text)) for d in run}
    first, last = run[0].line or 0, run[-1].line or 0
    users = [d for d in drafts if d not in run and any(g in d.text for g in glyphs)]
    lines = [d.line or 0 for d in users]
    placed = all(line > last for line in lines) or all(line < first for line in lines)
    # a key stands before the plan or after it, not between two of its parts
    steps = [d.line or 0 for d in drafts if d.kind == ITEM and d not in run and d.line]
    inside = any(line < first for line in steps) and any(line > last for line in steps)
    return len(users) >= 2 * len(run) and placed and not inside


def _apply_key(markers: dict[str, str] | None, drafts: list[Draft]) -> None:
    """ "🈸 in progress", "🆘 not started": marks no tracker shares, named by the key, are the
    states of the entries they lead (a table's rows too)."""
    if markers is None:
        return
    for draft in drafts:
        glyph = _leading_emoji(draft.text)
        if draft.kind in (ITEM, ROW) and draft.marker is None and glyph in markers:
            draft.glyph = draft.marker = markers[str(glyph)]


_DONE_WORDS_RE = re.compile(
    r"\b(?:completed?|done|finished|mastered|learned|learnt|terminad[oa]|completad[oa]"
    r"|conclu[ií]d[oa]|termin[ée]|erledigt|fertig|abgeschlossen)\b|完了|已完成|完成|済み|완료",
    re.I,
)
_LEGEND_SEPARATORS_RE = re.compile(r"\s*(?:\||·|•|;|,|\n)\s*")


def _read_inline_legend(root: Draft, others: list[Draft]) -> None:
    """A legend written on one line ("**NB:** 🔴 => Not started | 🟡 => In progress | 🟢 =>
    Completed"), before or after the plan: its marks are the items' statuses."""
    for holder in walk(root):
        # "## Progress ( 🟢 = Completed, ⚪️ = Pending )": a heading can carry the key too
        said = holder.text if holder.kind in (HEADING, PSEUDO) and not holder.children else ""
        # a key table's rows are one note each ("🟢: Fertig"): together they are the legend
        rows = "\n".join(n for n in holder.notes if _leading_emoji(n))
        for text in [*holder.notes, said, rows]:
            markers = _inline_legend_markers(text)
            if markers is None:
                continue
            marked = [d for d in others if _leading_emoji(d.text) in markers]
            if len(marked) < len(markers):
                continue
            for draft in marked:
                draft.glyph = markers[str(_leading_emoji(draft.text))]
            fired("legend", holder.line, "note")
            if text is said:
                holder.excluded = True  # the key, not a part of the plan
            return


# "Mark each item as done (✅)", "Marque como concluído cada item (✅)", "完成したら ✅ を
# 付ける": the how-to says which mark means done.
_MARK_VERB = r"(?:mark|tick|check|marque|marca|marcar|markier\w*|coche|cochez|标记|打勾|付け|표시)"
# "done" as a word of its own, in the languages plans are written in: what a how-to calls
# the done mark, a part's completion stamp, a box that marks a part done
DONE_WORD = (
    r"(?:done|complete[d]?|finished|conclu[íi]d[oa]|completad[oa]|hech[oa]|terminad[oa]"
    r"|erledigt|fertig|abgeschlossen|termin[ée]e?|fini|fait|完成|已完成|完了|済み|완료)"
)
_INSTRUCTION_LEGEND_RE = re.compile(
    rf"{_MARK_VERB}[^\n()]{{0,60}}?{DONE_WORD}[^\n()]{{0,60}}?[(（]\s*(?P<glyph>[✅✔☑])\ufe0f?\s*[)）]",
    re.I,
)


def _read_instruction_legend(root: Draft, others: list[Draft], notes: list[str]) -> None:
    """ "Mark each item as done (✅)" in the how-to: the items wearing that mark are done,
    even when every one of them does (the author ticked them all)."""
    texts = [*notes, *(n for d in walk(root) for n in d.notes), *(d.text for d in walk(root))]
    found = next((m for t in texts if (m := _INSTRUCTION_LEGEND_RE.search(t))), None)
    if found is None:
        return
    glyph = found["glyph"]
    marked = [d for d in others if _leading_emoji(d.text) == glyph]
    for draft in marked:
        draft.glyph = None  # a status said, not a box written: the plain entries stay items
        draft.said = "x"
        fired("legend", draft.line, "item", "[x]")


def _inline_legend_markers(text: str) -> dict[str, str] | None:
    if len(text) > 300:
        return None
    markers: dict[str, str] = {}
    for part in _LEGEND_SEPARATORS_RE.split(text.replace("**", "")):
        at = next((i for i, ch in enumerate(part) if unicodedata.category(ch) == "So"), None)
        if at is None:
            continue
        glyph, words = part[at], part[at + 1 :].strip(" \ufe0f=>:-–—→")
        if _TODO_WORDS_RE.search(words):
            markers[glyph] = " "
        elif _DOING_WORDS_RE.search(words):
            markers[glyph] = "/"
        elif _DONE_WORDS_RE.search(words):
            markers[glyph] = "x"
        else:
            return None  # a glyph that names no progress: a legend of categories
    states = set(markers.values())
    # two states of progress ("🟢 Fertig", "🔴 In Progress") are no key of categories
    return markers if len(markers) >= 2 and len(states) >= 2 else None


# The plural a part's name takes: "Módulos (Completos)", "Temas (terminados)".
_DONE_PLURALS = (
    "completos",
    "completas",
    "completados",
    "completadas",
    "concluídos",
    "concluídas",
    "terminados",
    "terminadas",
)


@rule("part-marks")
def read_part_marks(root: Draft) -> None:
    """A tick on a part's heading ("### ✅ Week 1", "**Week 1 ✅**") says the whole part is
    done, its entries with it, where the marks read as progress across the parts beside
    it: the first parts ticked and none after them (how far the learner has got), ticks
    beside another state's mark ("### ⏳ Week 2"), or a tick after every part's name (all
    done). Not where the unticked parts wear icons of their own ("📘 Week 2"): then the tick
    is one more icon. Only "done" is read so: a part under way says nothing of which of
    its entries are."""
    for parent in walk(root):
        parts = [c for c in parent.children if c.kind in (HEADING, PSEUDO) and c.marker is None]
        if len(parts) < 2:
            continue
        marks = [_part_mark(part) for part in parts]
        marked = [mark for mark in marks if mark is not None]
        if not marked or any(
            mark is None and _leading_emoji(part.text)
            for part, mark in zip(parts, marks, strict=True)
        ):
            continue
        kinds = {glyph for glyph, _after in marked}
        ticked = [i for i, mark in enumerate(marks) if mark is not None and mark[0] == "x"]
        progress = (
            len(kinds) >= 2
            or (ticked == list(range(len(ticked))) and len(ticked) < len(parts))
            or (len(marked) == len(parts) and all(after for _glyph, after in marked))
        )
        if not progress or not ticked:
            continue
        for at in ticked:
            if parts[at].said is None:
                parts[at].said = "x"
                fired("part-marks", parts[at].line, "phase", "[x]")


def _part_mark(part: Draft) -> tuple[str, bool] | None:
    """The state a status glyph on a part's heading gives, and whether it stands after."""
    text = remove_controls(part.text).strip()
    before = leading_status_glyph(text)
    if before is not None:
        return before, False
    after = trailing_status_glyph(text)
    return (after, True) if after is not None else None


# A state written after the title: "Git basics (완)", "Docker (done)", "Kafka [in progress]",
# "SQL — done", "Copy constructor -> done". Only a word that is a state on its own counts,
# never a word in a sentence.
_STATE_WORD = (
    r"done|completed?|finished|wip|in progress|doing|todo|to do|skipped|not started|started"
    r"|완|완료|진행중|진행 중|미완|完了|済|済み|完成|已完成|进行中|学习中|未完成|terminado|hecho"
    r"|未开始|未開始|未着手|pending|pendiente|pendente"
    r"|completado|concluído|concluido|feito|fertig|erledigt|fait|terminé|en curso"
    r"|em andamento|готово|пройдено|изучено|в процессе|завершён|завершен|завершено|выполнено"
    r"|acquis|acquises|maîtrisé|mastered|dominado|освоено"
    r"|" + "|".join(_DONE_PLURALS)
)
# "mlir概念学习 完成", "ステップ1 済み", "기초 문법 완료": in CJK text a state word set off by a
# space at the end is the entry's state, as a dash or brackets set it off elsewhere
_CJK_STATE_WORD = r"완료|진행중|미완|完了|済み|完成|已完成|进行中|学习中|未完成|未开始|未着手"
_STATE_SUFFIX_RE = re.compile(
    rf"\s*(?:[(（\[]\s*(?P<bracketed>{_STATE_WORD})\s*[.!]?\s*[)）\]]"
    rf"|\s(?:[-–—]|->|=>|→|⇒)\s*(?P<dashed>{_STATE_WORD})"
    rf"|(?<=[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\w])\s+(?P<spaced>{_CJK_STATE_WORD}))\s*$",
    re.I,
)
_SAID = {
    "완": "x",
    "미완": " ",
    "hecho": "x",
    "started": "/",
    **dict.fromkeys(("завершён", "завершен", "завершено", "выполнено"), "x"),
    **dict.fromkeys(_DONE_PLURALS, "x"),
}


def state_suffix(title: str) -> tuple[str, str] | None:
    """(title without it, checkbox) for a title ending in a state word ("Git (완)" →
    ("Git", "x")), or None."""
    boxed = _BOX_SUFFIX_RE.search(title)
    word = (boxed["word"] or "").strip(" *_.") if boxed is not None else ""
    if (
        boxed is not None
        and title[: boxed.start()].strip()
        and (not word or _SAID.get(word.casefold()) or status_of_words(word))
    ):
        # "Dia 1: Revisão [x]", "**1_1_Internet**  - [x] Completada": the box written after
        # the name (with the state it stands for, in words)
        return title[: boxed.start()].rstrip(), " " if boxed["box"] == " " else "x"
    match = _STATE_SUFFIX_RE.search(title)
    if match is None or not title[: match.start()].strip():
        labelled = _STATE_BEFORE_COLON_RE.search(title)
        if labelled is None or not title[: labelled.start()].strip():
            return None
        # "Day 1-5 (已完成): set-up, first cube": the state of a labelled entry
        mark = _SAID.get(labelled["bracketed"].casefold()) or status_of_words(labelled["bracketed"])
        rest = title[: labelled.start()].rstrip() + title[labelled.end() :]
        return (rest, mark) if mark is not None else None
    word = (match["bracketed"] or match["dashed"] or match["spaced"]).casefold()
    mark = _SAID.get(word) or status_of_words(word)
    # "Data Analysis 🔄 (In Progress)": the mark before the word says the same state twice
    rest = _MARK_TAIL_RE.sub("", title[: match.start()]).rstrip() or title[: match.start()]
    return (rest.rstrip(), mark) if mark is not None else None


_MARK_TAIL_RE = re.compile(rf"(?:\s[{''.join(sorted(STATUS_MARKS))}]\ufe0f?)+\s*$")


_BOX_SUFFIX_RE = re.compile(
    r"\s(?:-\s+)?\[(?P<box>[ xX✓✔])\](?:\s+(?P<word>[^\s\[\]][^\[\]]{0,24}?))?\s*$"
)
_STATE_BEFORE_COLON_RE = re.compile(
    rf"\s*[(（\[]\s*(?P<bracketed>{_STATE_WORD})\s*[)）\]](?=\s*\\?[:：])", re.I
)


@rule("state-suffix")
def read_state_suffixes(root: Draft) -> None:
    """A state written after an entry's name — "Git basics (완)", "Docker (done)", "Kafka [in
    progress]", "SQL — done", "Heaps -> done", "mlir概念学习 完成" (in CJK text a space sets
    the word off), a box "Revisão [x]", "Day 1-5 (已完成): …", or a
    "Status: Completed" line under it — is how far the learner got: that entry's status, not
    words of its name. So is a state tag before the name ("[Completed] Linear algebra",
    "[Ongoing] …", "[Plan] …") where the document tags entries so with two states or three times
    at least; "[Reading] Chapter 2" names a kind of work. A sentence that only contains such a
    word ("Done is better than perfect") says nothing. A part whose text opens with a completion
    stamp ("### DAY 1" over "> Completed 05-17-25", or a filled "**Completion Date:** 08.11.2020")
    is done, with everything in it. So is a count of finished exercises after the name
    ("Basic CSS (44 of 44 challenges completed)": see `read_progress_counts`)."""
    prefixed: list[tuple[Draft, tuple[str, str]]] = []
    scoped = _scoped_names(root)
    for draft in walk(root):
        if draft.kind not in (ITEM, HEADING, PSEUDO, ROW) or draft.marker is not None:
            continue
        if draft.kind in (HEADING, PSEUDO) and (
            (draft.notes and _stamped_done(draft.notes[0])) or _dated_completion_field(draft)
        ):
            draft.said = "x"  # "### DAY 1" over "> Completed 05-17-25": the day is done
            fired("state-suffix", draft.line, "phase", "[x]")
            continue
        found = state_suffix(draft.title)
        if found is None:
            tag = state_prefix(draft.title)
            said = state_prefix(draft.text) if tag is None else None
            if said is not None and _tag_read_as_length(draft):
                tag = (draft.title, said[1])
            if tag is not None:
                prefixed.append((draft, tag))
            continue
        if _bare_name(draft.title) in scoped and _COMPLETE_RE.search(draft.title[len(found[0]) :]):
            continue  # "Solutions (Half)" one day, "Solutions (Complete)" the next: how much
        draft.title, draft.said = found
        fired("state-suffix", draft.line, "item", f"[{draft.said}]")
    read_progress_counts(root)
    # "[Plan] Statistics" once may be a name; the same tags down the lists are states
    states = {mark for _, (_, mark) in prefixed}
    if len(prefixed) >= MIN_STATE_TAGS and (len(states) >= 2 or len(prefixed) >= 3):
        for draft, (title, mark) in prefixed:
            if title == draft.title:
                draft.duration = None
            draft.title, draft.said = title, mark
            fired("state-suffix", draft.line, "item", f"[{draft.said}]")


MIN_STATE_TAGS = 2
_BRACKET_TAIL_RE = re.compile(r"\s*[(（][^()（）\n]*[)）]\s*$")
# "complete" says how much as well as how far ("(Half)" one day, "(Complete)" the next)
_COMPLETE_RE = re.compile(r"complet|komplett|完整|全部", re.I)


def _bare_name(title: str) -> str:
    return _BRACKET_TAIL_RE.sub("", title).strip()


def _scoped_names(root: Draft) -> set[str]:
    """Names written again with a bracket that is no state ("Solutions (Half)" beside
    "Solutions (Complete)"): the brackets say how much of it a day covers, and "Complete"
    among them finishes the chapter, it does not tick it ("(done)" still would)."""
    scoped: set[str] = set()
    for draft in walk(root):
        if (
            draft.kind == ITEM
            and _BRACKET_TAIL_RE.search(draft.title)
            and (state_suffix(draft.title) is None)
        ):
            scoped.add(_bare_name(draft.title))
    return scoped


# "(28 of 28 challenges completed)", "(0 of 22)", "(3/10 done)": how many of the entry's
# own exercises are finished, after its name
_PROGRESS_COUNT_RE = re.compile(
    r"\s*[(（]\s*(?P<done>\d{1,4})\s*(?:of|/|из|de|di|von|sur)\s*(?P<total>\d{1,4})"
    r"(?P<words>[^()（）\n]{0,40})[)）]\s*$",
    re.I,
)
_COUNT_WORD_RE = re.compile(
    r"\b(?:completed?|done|solved|finished|challenges?|exercises?|lessons?|problems?|tasks?)\b"
    r"|完成|已做|済|완료",
    re.I,
)
MIN_COUNTED = 2


def read_progress_counts(root: Draft) -> None:
    """Entries that end in how many of their exercises are finished ("Basic CSS (44 of 44
    challenges completed)", "CSS Grid (0 of 22)"), two at least, where a count says so in
    words or starts at none: all of them is done, some is under way, none is still to do.
    "Part (1/3)", "Part (2/3)" with no such sign number the parts of a series instead."""
    counted = [
        (draft, match)
        for draft in walk(root)
        if draft.kind in (ITEM, HEADING, PSEUDO, ROW)
        and draft.marker is None
        and draft.said is None
        and (match := _PROGRESS_COUNT_RE.search(draft.title)) is not None
        and draft.title[: match.start()].strip()
        and 0 < int(match["total"]) >= int(match["done"])
    ]
    if len(counted) < MIN_COUNTED or not any(
        match["done"] == "0" or _COUNT_WORD_RE.search(match["words"]) for _, match in counted
    ):
        return
    for draft, match in counted:
        done, total = int(match["done"]), int(match["total"])
        # the count stays in the title: it is the author's, and says more than the state
        draft.said = "x" if done == total else "/" if done else " "
        fired("state-suffix", draft.line, "item", f"[{draft.said}] {done} of {total}")


# "> Completed 05-17-25", "Done on 2024-03-01", "完了 2025/05/17": the part was finished then.
_COMPLETION_STAMP_RE = re.compile(
    rf"^(?:[>*_\s]|✅)*{DONE_WORD}(?:\s+on)?[\s:：]*\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}[*_\s]*$",
    re.I,
)


# "**Completion Date:** 08.11.2020", "Date completed: 2024-03-01": a log's field, filled in
# when the day was done (left empty until then).
_COMPLETION_FIELD_RE = re.compile(
    r"^(?:[>*_\s]|✅)*(?:completion date|date (?:of )?completion|date completed|completed (?:on|at)"
    r"|finished (?:on|at)|done (?:on|at)|fecha de (?:finalizaci[óo]n|t[ée]rmino)"
    r"|data de conclus[ãa]o|date de fin|abgeschlossen am|完成日期|完成时间|完了日|완료일)"
    r"[*_\s]*[:：][*_\s]*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}",
    re.I,
)


def _dated_completion_field(draft: Draft) -> bool:
    """ "**Completion Date:**" on a line of its own, its date on the next, read as a label
    opening the part's first group: filled in, the part is done."""
    first = draft.children[0] if draft.children else None
    return (
        first is not None
        and first.kind == PSEUDO
        and bool(first.notes)
        and _stamped_done(f"{first.title}: {first.notes[0]}")
    )


def _stamped_done(note: str) -> bool:
    note = note.strip()
    return bool(_COMPLETION_STAMP_RE.match(note) or _COMPLETION_FIELD_RE.match(note))


# "[Completed] Linear algebra", "(WIP) Docker", "【完了】SQL": a state tag before the name.
_STATE_PREFIX_RE = re.compile(
    r"^\s*[\[(（【]\s*(?P<word>[^\[\]()（）【】\d]{2,20}?)\s*[\])）】]\s+(?=\S)"
)
_ACTIVITY_TAG_RE = re.compile(r"\b(?:read|reading|learn|learning|due|next)\b", re.I)
_PLAN_WORDS = frozenset({"plan", "planned", "plano", "计划", "予定", "계획", "план"})


def _tag_read_as_length(draft: Draft) -> bool:
    """ "[Ongoing] Wheel throwing": the tag was read as a length, "ongoing", before now."""
    return bool(draft.duration) and draft.duration.casefold() in draft.text[:24].casefold()


def state_prefix(title: str) -> tuple[str, str] | None:
    """(title without it, checkbox) for a title led by a state tag ("[Ongoing] Khan
    Academy" → ("Khan Academy", "/")), or None. The tag must be a state and nothing else:
    "[Video] Khan Academy" names a kind of resource."""
    match = _STATE_PREFIX_RE.match(title)
    if match is None:
        return None
    word = match["word"].strip()
    if len(word.split()) > 3 or _ACTIVITY_TAG_RE.search(word):
        return None  # "[Reading] Chapter 2", "(Due) Lab 3": what kind, or when; no state
    mark = " " if word.casefold() in _PLAN_WORDS else status_of_words(word)
    if mark is None:
        return None
    return title[match.end() :], mark


def said_state(label: str, value: str) -> str | None:
    """The checkbox a "Status: Completed" line under an entry gives it, or None."""
    if plain_label(label) not in ("status", "state", "estado", "статус", "状态", "状態", "상태"):
        return None
    words = value.strip(" *_.")
    return status_of_words(words) if 0 < len(words.split()) <= 3 else None


# "*If - Else, Switch - Case ✔️*": a line that closes with a tick (in emphasis or not).
_TICKED_LINE_RE = re.compile(r"[✔✅☑✓]\ufe0f?[\s*_]*$")
MIN_TICKED_SUMMARIES = 2


@rule("ticked-summary")
def read_ticked_summaries(root: Draft) -> None:
    """A lesson heading with nothing under it but a line saying what it covered, that line
    closed by a tick ("## Ders 3: Karar Yapıları" › "*If - Else, Switch - Case ✔️*"),
    lesson after lesson: the tick says the lesson is done; a lesson whose line has none is
    still to do. It takes two such lessons."""
    lessons = [
        d
        for d in walk(root)
        if d.kind in (HEADING, PSEUDO) and not d.children and d.marker is None and d.notes
    ]
    ticked = [d for d in lessons if _TICKED_LINE_RE.search(d.notes[0].strip())]
    if len(ticked) < MIN_TICKED_SUMMARIES:
        return
    for draft in ticked:
        draft.marker = "x"
        fired("ticked-summary", draft.line, "item", "[x]")
