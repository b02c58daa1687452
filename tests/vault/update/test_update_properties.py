"""Property test of regeneration: random roadmaps, random roadmap edits interleaved with random
learner work; after every rebuild the promises hold. The roadmap adds, removes, renames and
moves items at every level, swaps neighbours, reorders phases, gives an item sub-items and
takes them away again (a leaf becomes a parent, a topic or a phase with its own note, and
back), brings a removed item back, and the build's `depth` changes between builds (a topic
note folds into its phase note as a nested list, a nested parent gets a note of its own).
The learner ticks, marks doing and skipped, annotates, writes own tasks (also right under an
item, at its level), notes, properties and fenced git examples holding conflict markers and a
block id; appends a Tasks-plugin `✅ 2026-02-10` when ticking (and drops it when unticking);
extends an item's wording; and copy-pastes an item line, marking the upper copy and writing
under the lower one.

Promises checked after each rebuild:
- no conflict (the learner's only edits of generated lines are ones merge takes as theirs: a
  mark, an appended date, words appended to an item the roadmap does not reword; a reorder,
  a move, a depth change or a fenced example is never one);
- every tick (or other status) the learner set on a surviving item is still that status on
  its line, with the words they appended; a copy-pasted item is one line with the most
  advanced status of its copies; an item that became a note hands a done or skipped mark to
  its items, or is archived with it;
- a removed item the learner had marked is kept (archived) with its mark, and comes back
  with its mark and appended words when the roadmap brings it back;
- every line the learner wrote is still in the vault;
- every roadvault block id is unique in the vault;
- the vault of a twin who never touched anything equals a fresh build of the same roadmap at
  the same depth (block ids aside: carried-over ids differ from freshly hashed ones by design);
- a second rebuild writes nothing.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples, read_tree
from roadvault.model import Node, Roadmap
from roadvault.parse.ids import assign_ids
from roadvault.vault import check
from roadvault.vault.build import build_vault

WORDS = [
    "alpha", "bravo", "cedar", "delta", "ember", "fjord", "gamma", "harbor", "indigo", "jasper",
    "kernel", "lumen", "mosaic", "nectar", "orbit", "prism", "quartz", "raven", "sierra", "tundra",
    "umber", "vortex", "willow", "xenon", "yonder", "zephyr", "basalt", "cobalt", "dune", "falcon",
]  # fmt: skip
_ID = re.compile(r"rv-[a-z0-9]+")
STAMP = " ✅ 2026-02-10"  # what the Tasks plugin appends to a line it ticks
RANK = {"x": 3, "/": 2, "-": 1, " ": 0}  # merge's order of progress (most advanced wins)
ARCHIVE = "## Removed from the roadmap"
MAX_LEVEL = 4  # levels of the generated roadmaps: phase, topic, item, sub-item


# --- a roadmap the test can edit, with a stable identity per node ------------------------------


@dataclass
class Item:
    uid: int
    title: str
    children: list[Item] = field(default_factory=list)


def to_model(phases: list[Item]) -> Roadmap:
    def node(item: Item) -> Node:
        return Node(item.title, children=[node(child) for child in item.children])

    roadmap = Roadmap(title="Property Plan", source="plan.md", nodes=[node(p) for p in phases])
    assign_ids(roadmap)
    return roadmap


def walk(phases: list[Item]) -> list[tuple[Item | None, Item, int]]:
    """(parent, node, level) of every node, in roadmap order; phases are level 1."""
    out: list[tuple[Item | None, Item, int]] = []

    def visit(parent: Item | None, items: list[Item], level: int) -> None:
        for item in items:
            out.append((parent, item, level))
            visit(item, item.children, level + 1)

    visit(None, phases, 1)
    return out


def has_note(item: Item, level: int, depth: int) -> bool:
    """A node with children at a level the depth gives notes to is a note, not a line."""
    return bool(item.children) and level <= depth


@st.composite
def roadmaps(draw: st.DrawFn) -> list[Item]:
    names = iter(draw(st.permutations(WORDS)))
    uid = iter(range(10_000))
    phases = []
    for _ in range(draw(st.integers(1, 3))):
        phase = Item(next(uid), f"Phase {next(names)}")
        for _ in range(draw(st.integers(0, 2))):  # 0: the phase itself is an item
            topic = Item(next(uid), f"Topic {next(names)}")
            for _ in range(draw(st.integers(0, 3))):  # 0: the topic is an item of its phase
                n = next(uid)
                leaf = Item(n, f"Item {next(names)} {n}")
                for _ in range(draw(st.integers(0, 2)) // 2):  # now and then a sub-item
                    m = next(uid)
                    leaf.children.append(Item(m, f"Sub {m}"))
                topic.children.append(leaf)
            phase.children.append(topic)
        phases.append(phase)
    return phases


# Roadmap edits and learner actions, as (kind, random numbers) resolved against the state.
# Repeats weigh a kind: reshaping, removing and bringing back are what loses ticks.
ROADMAP_EDITS = st.sampled_from(
    [
        "add", "remove", "remove", "rename", "move", "reorder", "rename_topic", "swap",
        "grow", "grow", "shrink", "shrink", "readd", "readd", "readd", "depth", "depth",
    ]
)  # fmt: skip
LEARNER_ACTIONS = st.sampled_from(
    [
        "tick", "tick", "doing", "skip", "untick", "note", "own_task", "property", "annotate",
        "task_under", "fence", "stamp", "stamp", "extend", "copy", "copy",
    ]
)  # fmt: skip
STEP = st.tuples(
    st.lists(st.tuples(LEARNER_ACTIONS, st.integers(0, 10**6)), max_size=6),
    st.lists(st.tuples(ROADMAP_EDITS, st.integers(0, 10**6)), min_size=1, max_size=3),
)


@dataclass
class Plan:
    """The roadmap as the author edits it, and what the edits need to remember."""

    phases: list[Item]
    depth: int = 2
    counter: int = 0
    removed: dict[int, tuple[Item, int | None]] = field(default_factory=dict)  # uid -> parent
    reworded: set[int] = field(default_factory=set)  # learner-extended: never renamed
    built_titles: dict[int, str] = field(default_factory=dict)  # as of the last build
    # Every title a node was built under: an archived line keeps the one it left with.
    titles_built: dict[int, set[str]] = field(default_factory=dict)

    def new_uid(self) -> int:
        self.counter += 1
        return 10_000 + self.counter

    def edit(self, kind: str, n: int) -> None:
        nodes = walk(self.phases)
        pick = nodes[n % len(nodes)]
        parent, node, _ = pick
        siblings = parent.children if parent else self.phases
        if kind == "add":
            hosts = [(p, i, lv) for p, i, lv in nodes if i.children and lv < MAX_LEVEL]
            uid = self.new_uid()
            new = Item(uid, f"New {uid}")
            if not hosts or n % 5 == 0:
                self.phases.insert(n % (len(self.phases) + 1), new)
            else:
                host = hosts[n % len(hosts)][1]
                host.children.insert(n % (len(host.children) + 1), new)
        elif kind == "grow":  # an item gains sub-items (a leaf becomes a parent or a note)
            leaves = [i for _, i, lv in nodes if not i.children and lv < MAX_LEVEL]
            leaves = [i for i in leaves if i.uid not in self.reworded]
            if leaves:
                leaf = leaves[n % len(leaves)]
                for _ in range(1 + n % 2):
                    uid = self.new_uid()
                    leaf.children.append(Item(uid, f"Part {uid}"))
        elif kind == "shrink":  # a parent loses every sub-item (back to an item)
            parents = [i for _, i, _ in nodes if i.children]
            if parents:
                parents[n % len(parents)].children.clear()
        elif kind == "remove":
            if len(nodes) > 1 and not (parent is None and len(self.phases) == 1):
                siblings.remove(node)
        elif kind == "readd" and self.removed:
            uid = sorted(self.removed)[n % len(self.removed)]
            item, parent_uid = self.removed[uid]
            if any(i.uid == uid for _, i, _ in nodes):
                return  # back already (this step)
            # Back under the parent it left, with the title it had then — wherever its id
            # was made (moved, re-parented or renamed before it left: its id is not the
            # hash of its place; it takes it back from the archive, or from its kept note).
            if parent_uid is None:
                self.phases.append(Item(item.uid, item.title))
                return
            hosts = [i for _, i, lv in nodes if i.uid == parent_uid and lv < MAX_LEVEL]
            if hosts:
                hosts[0].children.append(Item(item.uid, item.title))
        elif kind == "rename" and not node.children and node.uid not in self.reworded:
            if not node.title.endswith(" basics"):
                node.title += " basics"  # one title extends the other: a rename the matcher sees
        elif kind == "move" and parent is not None:
            inside = {i.uid for _, i, _ in walk([node])}
            hosts = [
                i
                for _, i, lv in nodes
                if i.children and i is not parent and i.uid not in inside and lv < MAX_LEVEL
            ]
            if hosts and len(siblings) > 1:
                siblings.remove(node)
                hosts[(n // 7) % len(hosts)].children.append(node)
        elif kind == "reorder" and len(self.phases) > 1:
            self.phases.append(self.phases.pop(0))
        elif kind == "swap":  # two items change places (next to the learner's lines)
            if len(siblings) > 1:
                i = (n // 3) % (len(siblings) - 1)
                siblings[i], siblings[i + 1] = siblings[i + 1], siblings[i]
        elif kind == "rename_topic" and node.children and not node.title.endswith(" revised"):
            node.title += " revised"
        elif kind == "depth":
            self.depth = n % 4  # 0: one roadmap note … 3: nested parents get notes too


# --- the learner, acting on files ---------------------------------------------------------------


@dataclass
class Line:
    path: Path
    text: str  # the whole line
    lead: str  # its indentation
    mark: str | None  # None: a plain bullet (a parent nobody marked)
    id: str


def live(text: str) -> str:
    """A note's text without its "Removed from the roadmap" section (archived lines); a
    note kept for the learner's work (`roadvault_status: removed`) is all archive: progress
    does not count it either."""
    if "\nroadvault_status: removed\n" in text.split("\n---\n", 1)[0] + "\n":
        return ""
    start = text.find(f"\n{ARCHIVE}\n")
    if start < 0:
        return text
    end = text.find("\n## ", start + len(ARCHIVE) + 2)
    return text[:start] + (text[end:] if end >= 0 else "")


@dataclass
class Learner:
    vault: Path
    marks: dict[int, str] = field(default_factory=dict)  # node uid -> mark they set
    suffix: dict[int, str] = field(default_factory=dict)  # node uid -> words they appended
    lines: list[str] = field(default_factory=list)  # every line they wrote
    counter: int = 0
    touched: set[int] = field(default_factory=set)  # copy-pasted this step: left alone
    note_items: dict[int, list[int]] = field(default_factory=dict)  # note uid -> its items
    annotated: set[int] = field(default_factory=set)  # items with lines of theirs under them
    # This step's box changes: node uid -> (the node, its line as built, the mark recorded
    # before). A box ticked and unticked again between two builds never changed in a file.
    boxes: dict[int, tuple[Item, str, str | None]] = field(default_factory=dict)

    def notes(self) -> list[Path]:
        return sorted(
            path
            for path in self.vault.rglob("*.md")
            if ".roadvault" not in path.parts
            and path.name not in ("Progress.md", "Home.md")
            and "Templates" not in path.parts
        )

    def pattern(self, item: Item) -> re.Pattern[str]:
        words = re.escape(item.title + self.suffix.get(item.uid, ""))
        return re.compile(rf"^(\t*)- (?:\[(.)\] )?{words} \^(rv-[a-z0-9]+)$", re.M)

    def find(self, item: Item) -> list[Line]:
        """The node's live lines (outside the archive), in note order."""
        pattern = self.pattern(item)
        found = []
        for path in self.notes():
            for match in pattern.finditer(live(path.read_text())):
                found.append(Line(path, match[0], match[1], match[2], match[3]))
        return found

    def write_line(self, line: Line, new: str) -> None:
        text = line.path.read_text()
        line.path.write_text(text.replace(line.text + "\n", new + "\n", 1))

    def act(self, plan: Plan, kind: str, n: int) -> None:
        self.counter += 1
        # Items with a line (a node that is a note has none): what a learner can touch.
        nodes = [i for _, i, lv in walk(plan.phases) if not has_note(i, lv, plan.depth)]
        if not nodes:
            return
        item = nodes[n % len(nodes)]
        notes = [p for p in self.notes() if "roadvault_kind: topic" in p.read_text()]
        if kind in ("note", "own_task", "property", "fence"):
            if notes:
                self.write_in_note(notes[n % len(notes)], kind)
            return
        if item.uid in self.touched:
            return
        found = self.find(item)
        if not found:
            return  # a note now, or not built yet
        line = found[0]
        if kind == "annotate":
            note = f"{line.lead}\t- learner note {self.counter}"
            self.write_line(line, f"{line.text}\n{note}")
            self.lines.append(note.strip())
            self.annotated.add(item.uid)
            return
        if kind == "task_under":  # at the item's level, after the lines nested under it
            note = f"{line.lead}- [ ] my task under it {self.counter}"
            lines = line.path.read_text().split("\n")
            at = lines.index(line.text) + 1
            while at < len(lines) and lines[at].startswith(line.lead + "\t"):
                at += 1
            line.path.write_text("\n".join([*lines[:at], note, *lines[at:]]))
            self.lines.append(note.strip())
            return
        if line.mark is None:
            return  # a plain bullet: no box to tick
        words = item.title + self.suffix.get(item.uid, "")
        head, tail = f"{line.lead}- [", f"] {words} ^{line.id}"
        if kind == "extend":
            if item.uid in self.suffix or item.children:
                return
            extra = f" (chapter {self.counter})"
            self.suffix[item.uid] = extra
            plan.reworded.add(item.uid)
            self.write_line(line, f"{head}{line.mark}] {words}{extra} ^{line.id}")
        elif kind == "copy":
            if item.children or len(found) > 1:
                return
            mark = "x/-"[n % 3]
            under = f"{line.lead}\t- under the copy {self.counter}"
            self.write_line(line, f"{head}{mark}{tail}\n{line.text}\n{under}")
            self.lines.append(under.strip())
            self.annotated.add(item.uid)
            best = max((mark, line.mark), key=RANK.__getitem__)
            self.marks[item.uid] = best
            self.touched.add(item.uid)
        elif kind == "stamp":
            stamped = self.suffix.get(item.uid, "") + STAMP
            if self.suffix.get(item.uid, "").endswith(STAMP):
                return
            self.boxes.setdefault(item.uid, (item, line.text, self.marks.get(item.uid)))
            self.suffix[item.uid] = stamped
            self.write_line(line, f"{head}x] {item.title}{stamped} ^{line.id}")
            self.marks[item.uid] = "x"
        else:
            mark = {"tick": "x", "doing": "/", "skip": "-", "untick": " "}[kind]
            if mark == line.mark:
                return  # the box already shows it: nothing in the file says they set it
            self.boxes.setdefault(item.uid, (item, line.text, self.marks.get(item.uid)))
            kept = self.suffix.get(item.uid, "")
            if mark != "x" and kept.endswith(STAMP):  # the Tasks plugin drops its date
                kept = kept[: -len(STAMP)]
                self.suffix[item.uid] = kept
                if not kept:
                    del self.suffix[item.uid]
            self.write_line(line, f"{head}{mark}] {item.title}{kept} ^{line.id}")
            self.marks[item.uid] = mark

    def settle(self) -> None:
        """At the end of a step: a box whose line reads as at the last build (ticked and
        unticked again) was never set, as far as any file can tell. (A date stamped on a
        box that was ticked already is a change: the mark is theirs.)"""
        for uid, (item, built, before) in self.boxes.items():
            found = self.find(item)
            if uid in self.touched or not found or found[0].text != built:
                continue
            if before is None:
                self.marks.pop(uid, None)
            else:
                self.marks[uid] = before
        self.boxes.clear()

    def write_in_note(self, path: Path, kind: str) -> None:
        text = path.read_text()
        if kind == "property":
            key = f"my_key_{self.counter}: {self.counter}"
            path.write_text(text.replace("---\n", f"---\n{key}\n", 1))
            self.lines.append(key)
        elif kind == "own_task":
            line = f"- [ ] my own task {self.counter}"
            path.write_text(text.replace("## My notes", f"{line}\n\n## My notes", 1))
            self.lines.append(line)
        elif kind == "fence":
            # A git example: conflict markers, a task with a block id of this note — text,
            # never a conflict, an item or a repeated id.
            found = re.search(r"\^(rv-[a-z0-9]+)$", text, re.M)
            item_id = found.group(1) if found else "rv-none"
            fence = [
                "```",
                f"<<<<<<< HEAD {self.counter}",
                f"- [x] copied task ^{item_id}",
                "=======",
                ">>>>>>> feature",
                "```",
            ]
            path.write_text(text.rstrip("\n") + "\n\n" + "\n".join(fence) + "\n")
            self.lines.append(fence[1])
        else:
            line = f"My thought number {self.counter}."
            path.write_text(text.rstrip("\n") + f"\n{line}\n")
            self.lines.append(line)


# --- the invariants ---------------------------------------------------------------------------


def vault_text(vault: Path) -> str:
    return "\n".join(
        path.read_text() for path in sorted(vault.rglob("*.md")) if ".roadvault" not in path.parts
    )


def normalised(vault: Path) -> dict[str, str]:
    tree = read_tree(vault, skip=lambda rel: rel.startswith(".roadvault/") or rel == "Progress.md")
    return {path: _ID.sub("rv-ID", text) for path, text in tree.items()}


def archived(text: str, learner: Learner, item: Item, mark: str) -> bool:
    words = re.escape(item.title + learner.suffix.get(item.uid, ""))
    return re.search(rf"^\t*- \[{re.escape(mark)}\] {words} \^rv-", text, re.M) is not None


def hand_over(learner: Learner, plan: Plan, text: str) -> None:
    """A marked item that became a note: a done or skipped mark goes to every item of the
    note the learner had not marked (the report says so), else the item is archived with
    its mark (doing, or lines of theirs under it). From then on those items carry it."""
    for _, item, level in walk(plan.phases):
        mark = learner.marks.get(item.uid, " ")
        if mark == " " or not has_note(item, level, plan.depth):
            continue
        leaves = [
            leaf
            for _, leaf, lv in walk(item.children)
            if not leaf.children and leaf.uid not in learner.marks
        ]
        handed = mark in "x-" and all(
            (lines := learner.find(leaf)) and lines[0].mark == mark for leaf in leaves
        )
        # Archived under its title now, or any it was built under (renamed since?).
        titles = {item.title} | plan.titles_built.get(item.uid, set())
        kept = any(archived(text, learner, Item(item.uid, t), mark) for t in sorted(titles))
        assert handed or kept, (
            f"{item.title!r} became a note: its mark {mark!r} is neither on its items nor kept"
        )
        if handed and not kept:  # (no unmarked items: "handed" says nothing, the line tells)
            learner.marks.update({leaf.uid: mark for leaf in leaves})
            learner.suffix.pop(item.uid, None)  # its line, and the date on it, went
            plan.reworded.discard(item.uid)
            del learner.marks[item.uid]
        # Archived: the mark stays the learner's; the line comes back with it, if ever.


def note_items(item: Item) -> list[Item] | None:
    """The items of a node's note when they are all plain leaves (None: it holds a parent
    or a link to a deeper note, whose boxes the test does not model)."""
    if any(child.children for child in item.children):
        return None
    return list(item.children)


def fold_back(learner: Learner, plan: Plan) -> None:
    """A node that was a note at the last check and is an item now (it lost its sub-items):
    when every item of its note carried done or skipped, the item takes done (skipped if
    all were skipped) — the reverse of `hand_over`. A box the learner set stays, but an
    open box with lines of theirs under it is not theirs to keep: the line was archived
    for those lines, and shows the box it had then."""
    for _, item, _ in walk(plan.phases):
        leaves = learner.note_items.get(item.uid)
        if leaves is None or item.children:
            continue
        if learner.marks.get(item.uid, " ") != " " or (
            item.uid in learner.marks and item.uid not in learner.annotated
        ):
            continue
        marks = [learner.marks.get(uid, " ") for uid in leaves]
        if marks and all(mark in "x-" for mark in marks):
            learner.marks[item.uid] = "x" if "x" in marks else "-"
    learner.note_items = {
        item.uid: [leaf.uid for leaf in leaves]
        for _, item, level in walk(plan.phases)
        if has_note(item, level, plan.depth) and (leaves := note_items(item)) is not None
    }


def check_promises(learner: Learner, plan: Plan) -> None:
    text = vault_text(learner.vault)
    hand_over(learner, plan, text)
    fold_back(learner, plan)
    for _, item, level in walk(plan.phases):
        if has_note(item, level, plan.depth):
            continue
        found = learner.find(item)
        assert len(found) == 1, f"{item.title!r}: {len(found)} live lines ({learner.suffix})"
        want = learner.marks.get(item.uid)
        if want is not None and want != " ":
            assert found[0].mark == want, (
                f"{item.title!r}: mark {found[0].mark!r}, learner set {want!r}"
            )
        elif want == " ":
            assert found[0].mark in (" ", None), f"{item.title!r}: {found[0].text!r}"
    for item, _ in plan.removed.values():
        mark = learner.marks.get(item.uid, " ")
        if mark != " ":
            # Archived under any title it was built under: a line archived (say, when it
            # became a note) keeps the title it left with, though the note was renamed.
            titles = {item.title} | plan.titles_built.get(item.uid, set())
            kept = any(archived(text, learner, Item(item.uid, t), mark) for t in sorted(titles))
            assert kept, f"removed {item.title!r} was not kept"
    for line in learner.lines:
        assert line in text, f"learner line {line!r} lost"
    files = {
        p.relative_to(learner.vault).as_posix(): p.read_text()
        for p in learner.vault.rglob("*.md")
        if ".roadvault" not in p.parts
    }
    assert check.check_block_ids(files) == []


def run_scenario(initial: list[Item], steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        vault, twin = root / "vault", root / "twin"
        plan = Plan(initial)
        build_vault(to_model(plan.phases), vault, depth=plan.depth)
        build_vault(to_model(plan.phases), twin, depth=plan.depth)
        learner = Learner(vault)
        for step, (actions, edits) in enumerate(steps):
            learner.touched.clear()
            for kind, n in actions:
                learner.act(plan, kind, n)
            learner.settle()
            # Nodes as the vault has them now: a removed one is archived under this title.
            before = {
                item.uid: (Item(item.uid, item.title), parent.uid if parent else None)
                for parent, item, _ in walk(plan.phases)
            }
            plan.built_titles = {uid: item.title for uid, (item, _) in before.items()}
            for uid, title in plan.built_titles.items():
                plan.titles_built.setdefault(uid, set()).add(title)
            for kind, n in edits:
                plan.edit(kind, n)
            after = {item.uid for _, item, _ in walk(plan.phases)}
            plan.removed.update({uid: v for uid, v in before.items() if uid not in after})
            for uid in after & set(plan.removed):
                del plan.removed[uid]  # brought back
            model = to_model(plan.phases)
            report = build_vault(model, vault, depth=plan.depth)
            assert report.conflicts == 0  # no edit of the learner's is a conflict here
            check_promises(learner, plan)
            again = build_vault(to_model(plan.phases), vault, depth=plan.depth)
            assert again.written == 0 and again.state_written == 0, [
                (p.action.value, p.relpath) for p in again.files if p.writes
            ]
            build_vault(to_model(plan.phases), twin, depth=plan.depth)
            fresh = root / f"fresh{step}"
            build_vault(to_model(plan.phases), fresh, depth=plan.depth)
            assert normalised(twin) == normalised(fresh)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps(), st.lists(STEP, min_size=1, max_size=3))
def test_regeneration_keeps_every_promise(initial: list[Item], steps: list) -> None:
    run_scenario(initial, steps)


@pytest.mark.slow
@settings(max_examples=examples(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps(), st.lists(STEP, min_size=1, max_size=4))
def test_regeneration_keeps_every_promise_long(initial: list[Item], steps: list) -> None:
    run_scenario(initial, steps)


# --- bugs the property test found, kept as named examples -----------------------------------


def _two_topics() -> list[Item]:
    return [
        Item(0, "Phase one", [Item(1, "Topic a", [Item(2, "Item a1"), Item(3, "Item a2")])]),
        Item(4, "Phase two", [Item(5, "Topic b", [Item(6, "Item b1")])]),
    ]


def test_copies_in_a_note_the_update_leaves_alone_are_joined(tmp_path: Path) -> None:
    """The learner copy-pastes an item line, ticks the upper copy and writes under the lower
    one; the roadmap update changes another note only. Before: both copies stayed, the
    block id twice in the vault (doctor: a repeated id), however many builds followed."""
    phases = _two_topics()
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    learner.act(Plan(phases), "copy", 9)  # Item a1: upper copy [x], a line under the lower
    note = learner.find(phases[0].children[0].children[0])[0].path
    assert note.read_text().count("Item a1 ^") == 2
    phases[1].children[0].children.append(Item(7, "Item b2"))  # only Topic b changes
    report = build_vault(to_model(phases), tmp_path)
    text = note.read_text()
    assert re.search(r"^- \[x\] Item a1 \^rv-\w+\n\t- under the copy 1$", text, re.M), text
    assert text.count("Item a1 ^") == 1
    assert any("joined your copies" in n for p in report.files for n in p.notes)
    files = {p.name: p.read_text() for p in tmp_path.rglob("*.md") if ".roadvault" not in p.parts}
    assert check.check_block_ids(files) == []
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_items_that_left_a_kept_note_come_back_with_its_topic(tmp_path: Path) -> None:
    """A topic note the learner wrote in is kept (`roadvault_status: removed`) when `--depth
    0` folds it into the roadmap note; its items, one ticked, go there. Back at depth 2 the
    note is generated again. Before: its base copy still held the items roadvault had taken
    out, so the merge read their return as the learner deleting them — both items vanished
    from the vault, the tick with them (or the merge wrote a conflict)."""
    phases = [
        Item(0, "Phase one", [Item(1, "Topic a", [Item(2, "Item a1"), Item(3, "Item a2")])]),
    ]
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    plan = Plan(phases)
    learner.act(plan, "property", 0)  # a line of theirs in the topic note
    learner.act(plan, "tick", 2)  # Item a1
    assert learner.marks == {2: "x"}
    folded = build_vault(to_model(phases), tmp_path, depth=0)
    topic = tmp_path / "Property Plan/01 Phase one/Topic a.md"
    assert [p.action.value for p in folded.files if p.relpath.endswith("Topic a.md")] == ["archive"]
    assert "Item a1" not in topic.read_text()
    back = build_vault(to_model(phases), tmp_path, depth=2)
    assert back.conflicts == 0
    text = topic.read_text()
    assert re.search(r"^- \[x\] Item a1 \^rv-\w+\n- \[ \] Item a2 \^rv-\w+$", text, re.M), text
    assert "my_key_1: 1" in text and "roadvault_status" not in text
    check_promises(learner, Plan(phases, depth=2))
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_a_ticked_item_that_became_a_topic_and_back_is_still_ticked(tmp_path: Path) -> None:
    """A ticked (`✅` dated) leaf phase gains sub-items: a phase note, its tick on every
    item there. The roadmap then takes the sub-items away again: it is one item once more.
    Before: it came back `[ ]` — done 1 → 0, the sub-items' ticks only in the archive."""
    phases = [Item(0, "Phase one"), Item(1, "Phase two", [Item(2, "Topic b", [Item(3, "B1")])])]
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    plan = Plan(phases)
    learner.act(plan, "stamp", 0)  # Phase one, an item of the roadmap note
    roadmap_note = tmp_path / "Property Plan/Property Plan.md"
    assert re.search(r"^- \[x\] Phase one ✅ 2026-02-10 \^rv-", roadmap_note.read_text(), re.M)
    phases[0].children += [Item(4, "Part a"), Item(5, "Part b")]
    grown = build_vault(to_model(phases), tmp_path)
    note = tmp_path / "Property Plan/01 Phase one/Phase one.md"
    assert re.search(r"^- \[x\] Part a \^rv-\w+\n- \[x\] Part b \^rv-\w+$", note.read_text(), re.M)
    assert grown.conflicts == 0
    phases[0].children.clear()
    back = build_vault(to_model(phases), tmp_path)
    assert back.conflicts == 0
    assert re.search(r"^- \[x\] Phase one \^rv-\w+$", roadmap_note.read_text(), re.M)
    remarks = [n for p in back.files for n in p.notes]
    assert any("is an item again" in n for n in remarks), remarks
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0
    # From then on the box is the learner's: unticked, it stays unticked.
    text = roadmap_note.read_text()
    roadmap_note.write_text(text.replace("- [x] Phase one ^", "- [ ] Phase one ^"))
    build_vault(to_model(phases), tmp_path)
    assert re.search(r"^- \[ \] Phase one \^rv-\w+$", roadmap_note.read_text(), re.M)


def test_a_ticked_leaf_phase_that_gains_topics_ticks_their_items(tmp_path: Path) -> None:
    """A ticked phase-level item gains a topic with items in one update: a phase note of
    links and a topic note of items. Before: the report said "every item of it ticked",
    but the phase note has no items and the topic's stayed `[ ]` — the tick was lost."""
    phases = [Item(0, "Phase one"), Item(1, "Phase two", [Item(2, "Topic b", [Item(3, "B1")])])]
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    learner.act(Plan(phases), "tick", 0)
    phases[0].children.append(Item(4, "Topic a", [Item(5, "A1"), Item(6, "A2", [Item(7, "S")])]))
    report = build_vault(to_model(phases), tmp_path)
    assert report.conflicts == 0
    topic = (tmp_path / "Property Plan/01 Phase one/Topic a.md").read_text()
    assert re.search(r"^- \[x\] A1 \^rv-\w+\n- A2 \^rv-\w+\n\t- \[x\] S \^rv-\w+$", topic, re.M)
    other = (tmp_path / "Property Plan/02 Phase two/Topic b.md").read_text()
    assert "- [ ] B1 ^" in other  # only the notes under it
    check_promises(learner, Plan(phases))
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_a_dated_tick_archived_then_back_under_a_new_title_keeps_its_date(
    tmp_path: Path,
) -> None:
    """A ticked, dated item with a line of the learner's under it moves up a level with a
    sub-item, so it becomes a topic: the line is archived (lines of theirs stay with it).
    As a topic it is renamed, then loses the sub-item: it comes back from the archive
    under the new title. Before: `[x]` came back,
    the `✅ 2026-02-10` did not (no base copy to tell the learner's words from the title)."""
    phases = [Item(0, "Phase one", [Item(1, "Topic a", [Item(2, "Item a1")])])]
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    plan = Plan(phases)
    learner.act(plan, "stamp", 2)
    learner.act(plan, "annotate", 2)
    topic = phases[0].children[0]
    topic.children = [Item(3, "Part one")]  # Topic a is an item now, Item a1 gone …
    phases[0].children.append(Item(2, "Item a1", [Item(4, "Part two")]))  # … and a topic
    build_vault(to_model(phases), tmp_path)
    archived_in = (tmp_path / "Property Plan/01 Phase one/Topic a.md").read_text()
    assert re.search(r"^- \[x\] Item a1 ✅ 2026-02-10 \^rv-", archived_in, re.M), archived_in
    phases[0].children[1].title = "Item a1 revised"
    build_vault(to_model(phases), tmp_path)
    phases[0].children[1].children.clear()
    back = build_vault(to_model(phases), tmp_path)
    assert back.conflicts == 0
    text = vault_text(tmp_path)
    assert re.search(
        r"^- \[x\] Item a1 revised ✅ 2026-02-10 \^rv-\w+\n\t- learner note 2$", text, re.M
    ), text
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_an_own_task_between_items_the_roadmap_replaces_is_no_conflict(tmp_path: Path) -> None:
    """The learner writes an own task between two items; the roadmap swaps both items for
    others. No line was changed by both sides. Before: a conflict (exit 3, the note frozen
    until resolved), its vault side holding the two dropped items."""
    phases = [Item(0, "Phase one", [Item(1, "Topic a", [Item(2, "A1"), Item(3, "A2")])])]
    build_vault(to_model(phases), tmp_path)
    Learner(tmp_path).act(Plan(phases), "task_under", 2)  # after A1, at its level
    phases[0].children[0].children = [Item(4, "P1"), Item(5, "P2")]
    report = build_vault(to_model(phases), tmp_path)
    assert report.conflicts == 0
    text = (tmp_path / "Property Plan/01 Phase one/Topic a.md").read_text()
    assert re.search(
        r"^- \[ \] P1 \^rv-\w+\n- \[ \] P2 \^rv-\w+\n- \[ \] my task under it 1$", text, re.M
    ), text
    assert "A1" not in text and "A2" not in text
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_a_topic_folded_back_reads_copied_lines_as_one_item(tmp_path: Path) -> None:
    """A topic whose only item the learner copy-pasted (upper copy ticked) loses that item:
    it is one item again, done — the copies are one item with the most advanced box, as
    when joined (found by the property test while the fold-back was written)."""
    phases = [Item(0, "Phase one", [Item(1, "Topic a", [Item(2, "A1")]), Item(3, "Lone")])]
    build_vault(to_model(phases), tmp_path)
    Learner(tmp_path).act(Plan(phases), "copy", 6)  # A1: upper copy [x], lower [ ]
    note = (tmp_path / "Property Plan/01 Phase one/Topic a.md").read_text()
    assert note.count("A1 ^") == 2 and "- [x] A1 ^" in note
    phases[0].children[0].children.clear()
    report = build_vault(to_model(phases), tmp_path)
    assert report.conflicts == 0
    phase = (tmp_path / "Property Plan/01 Phase one/Phase one.md").read_text()
    assert re.search(r"^- \[x\] Topic a \^rv-\w+$", phase, re.M), phase


def test_an_untick_of_a_folded_back_tick_survives_a_second_fold() -> None:
    """Phase alpha loses its topics: folded back, it takes the `[x]` of its note's only
    item. The learner unticks it; the item returns (Phase alpha is a note again, the item
    `[x]`), then leaves again. Expected: the learner's `[ ]`. Before: `[x]` once more (the
    base copy is the rendering, so the untick read as no change, and the line went).
    Now the to-do line is archived when its note comes back all done, and revived with
    the box the learner set."""
    initial = [Item(0, "Phase alpha", [Item(1, "Topic b", [Item(2, "Item c", [Item(3, "S")])])])]
    steps = [
        ([], [("add", 423)]),  # "New 10001" in Phase alpha
        ([("tick", 347)], [("shrink", 0)]),  # New 10001 [x]; Phase alpha folds back: [x]
        ([("untick", 0)], [("readd", 287)]),  # Phase alpha [ ]; New 10001 back under it
        ([], [("shrink", 0)]),  # folded again
    ]
    run_scenario(initial, steps)


def test_a_ticked_copy_renamed_into_a_note_stays_archived_a_build_later() -> None:
    """Found by the soak (a limit of this test's model, not of roadvault): the ticked and
    copy-pasted "Phase alpha" is renamed and becomes a phase note in one update; its line,
    with the learner's line under it, is archived under its old title. A build later the
    model looked for it under the new title and the last one only."""
    steps = [([("copy", 0)], [("rename", 0), ("grow", 0)]), ([], [("add", 0)])]
    run_scenario([Item(0, "Phase alpha")], steps)


def test_a_copied_dated_line_of_an_item_whose_items_are_all_marked_stays_archived() -> None:
    """Found by the soak (a limit of this test's model, not of roadvault): "Phase bravo"
    (ticked, dated, copy-pasted, a line under the copy) gets its topic back, whose only item
    the learner had ticked. Nothing is left to hand its mark to, and its line is archived
    with the learner's line; the model took the mark as handed over (vacuously) and forgot
    the date, then found no "Phase bravo" when it came back from the archive, dated."""
    initial = [Item(0, "Phase alpha"), Item(1, "Phase bravo", [Item(2, "Topic cedar")])]
    initial.append(Item(3, "Phase delta"))
    steps = [
        ([("tick", 0), ("tick", 35950)], [("shrink", 0)]),
        ([("stamp", 130)], [("readd", 0), ("remove", 240778)]),
        ([("copy", 449509)], [("readd", 0)]),
        ([], [("shrink", 0)]),
    ]
    run_scenario(initial, steps)


def test_an_untouched_box_under_a_ticked_item_that_becomes_a_topic_is_ticked() -> None:
    """Found by the soak (a limit of this test's model): the learner "unticked" a sub-item
    box that was already `[ ]` (the file did not change), then its ticked parent became a
    topic and handed its tick to it. The model had counted the no-op as their mark."""
    initial = [Item(0, "Phase alpha", [Item(1, "Topic bravo", [Item(2, "Item cedar 2")])])]
    run_scenario(initial, [([("tick", 0)], [("grow", 0)]), ([("untick", 1)], [("depth", 3)])])


def test_a_ticked_leaf_phase_back_under_a_new_title_takes_its_tick_back() -> None:
    """Found by the long soak (3,589 examples): a ticked leaf phase (its line in the roadmap
    note) is removed, so archived there; it comes back renamed ("New 10001 basics"). An
    item back renamed takes its archived id and tick when the line was kept in a note of
    its ancestors — but a phase has none: the roadmap note was no place of it. Before: a
    new `[ ]` line beside the archived `[x]`."""
    initial = [Item(0, "Phase alpha"), Item(1, "Phase bravo", [Item(2, "Topic cedar")])]
    steps = [
        ([], [("add", 0)]),  # "New 10001", a leaf phase
        ([("tick", 0)], [("add", 1)]),
        ([], [("remove", 0), ("rename", 0)]),  # New 10001 [x] archived in the roadmap note
        ([], [("readd", 0), ("rename", 24)]),  # back as "New 10001 basics"
    ]
    run_scenario(initial, steps)


def test_a_ticked_phase_removed_as_another_returns_in_its_place_stays_its_own() -> None:
    """Phase gamma (a leaf phase, last) is ticked and Phase alpha removed; then Phase alpha
    comes back (appended: last) while Phase gamma is removed. Expected: gamma's `[x]` kept
    under "Removed from the roadmap", alpha back as `[ ]`. Got: alpha takes gamma's tick."""
    items = [Item(3, "Item delta 3"), Item(4, "Item ember 4"), Item(5, "Item fjord 5")]
    initial = [Item(0, "Phase alpha"), Item(1, "Phase bravo", [Item(2, "Topic cedar", items)])]
    initial.append(Item(6, "Phase gamma"))
    steps = [([("tick", 244)], [("remove", 0)]), ([], [("readd", 0), ("remove", 838)])]
    run_scenario(initial, steps)


def test_a_tick_on_a_grown_part_survives_the_removal_of_a_sibling_part() -> None:
    """Found by the long soak: leaf "Phase alpha" grows "Part 10001", which the learner
    annotates; it grows "Part 10002", so it becomes a topic and its line is archived with
    the learner's line. The learner ticks Part 10002, which the roadmap then removes:
    Part 10001 is an item again, every item of its note ticked. Before: its line came back
    from the archive `[ ]` (that box won over the fold-back, though the learner never set
    it). An explicit example: test_fold_back.py."""
    initial = [Item(0, "Phase alpha")]
    steps = [([], [("grow", 0)]), ([("annotate", 0)], [("grow", 0)])]
    steps.append(([("tick", 0)], [("remove", 5864)]))
    run_scenario(initial, steps)


def test_an_open_part_stays_open_after_a_reorder_and_a_removal() -> None:
    """Found by the long soak (a limit of this test's model, not of roadvault): the learner
    ticked "Part 10002" and unticked it again before the next build — no file ever showed
    it — and the model took that as their `[ ]`. Part 10002 then became a topic whose only
    item they ticked, and folded back done, as an untouched item does. The model now counts
    a box only when it differs from the last build's (`Learner.settle`)."""
    first = [("stamp", 11596), ("tick", 22438), ("doing", 1867), ("own_task", 4075)]
    steps = [
        (first, [("add", 238), ("remove", 238), ("grow", 23382)]),
        ([("tick", 0), ("untick", 0)], [("reorder", 0), ("grow", 0)]),
        ([("tick", 0)] * 6, [("remove", 5864)]),
    ]
    run_scenario([Item(0, "Phase quartz")], steps)


def test_a_date_stamped_on_a_folded_back_tick_goes_with_its_line() -> None:
    """Found by the long soak (a limit of this test's model, introduced with
    `Learner.settle`): "Phase alpha" folds back done; the learner stamps a `✅` date on
    the `[x]` already there, and Phase alpha becomes a note again, handing its tick on
    (its line, and the date on it, go). The model took a box that still showed `[x]` as
    never set, so it kept waiting for the date."""
    initial = [Item(0, "Phase alpha", [Item(1, "Topic bravo")])]
    steps = [([("tick", 0)], [("shrink", 0)]), ([("stamp", 0)], [("readd", 0)])]
    steps.append(([], [("shrink", 0)]))
    run_scenario(initial, steps)


def test_a_sibling_renamed_beside_a_removed_ticked_item_does_not_take_its_tick() -> None:
    """Found by the long soak: "Phase alpha" grows "Part 10001" and "Part 10002", the second
    renamed "Part 10002 basics"; the learner ticks it, and the roadmap removes it while
    "Part 10001" becomes "Part 10001 basics". Before: the renamed sibling took the removed
    item's id (letters closer than its own old title's, though the number differs), so its
    tick, and the removed item's tick was nowhere in the archive."""
    steps = [([], [("grow", 1), ("rename", 74)])]
    steps.append(([("tick", 1)], [("remove", 98), ("rename", 1)]))
    run_scenario([Item(0, "Phase alpha")], steps)


@pytest.mark.parametrize("ticked", ["Docker basics", "Containers"])
def test_an_item_renamed_to_a_removed_siblings_title_gets_no_tick_it_never_had(
    tmp_path: Path, ticked: str
) -> None:
    """The roadmap removes "Docker basics" and renames its sibling "Containers" to exactly
    "Docker basics". The item of that title is the learner's "Docker basics": a tick on it
    stays on it; a tick on "Containers" (gone) is kept under "Removed from the roadmap" and
    the "Docker basics" line stays `[ ]`. Either way no tick is lost or invented."""
    topic = Item(1, "Topic a", [Item(2, "Docker basics"), Item(3, "Containers")])
    phases = [Item(0, "Phase one", [topic, Item(4, "Lone")])]
    build_vault(to_model(phases), tmp_path)
    learner = Learner(tmp_path)
    plan = Plan(phases)
    learner.act(plan, "tick", 0 if ticked == "Docker basics" else 1)
    topic.children = [Item(3, "Docker basics")]
    report = build_vault(to_model(phases), tmp_path)
    assert report.conflicts == 0
    text = (tmp_path / "Property Plan/01 Phase one/Topic a.md").read_text()
    live_mark = "x" if ticked == "Docker basics" else " "
    assert re.search(rf"^- \[{live_mark}\] Docker basics \^rv-\w+$", live(text), re.M), text
    if ticked == "Containers":
        archive = text[text.index(ARCHIVE) :]
        assert re.search(r"^- \[x\] Containers \^rv-\w+$", archive, re.M), text
    else:
        assert "Containers" not in text
    again = build_vault(to_model(phases), tmp_path)
    assert again.written == 0 and again.state_written == 0


def test_a_ticked_copy_archived_then_renamed_and_removed_is_kept_under_its_old_title() -> None:
    """Found by the long soak (a limit of this test's model, not of roadvault): the ticked,
    copy-pasted "Topic bravo" is renamed and becomes a topic note in one update, so its line
    (with the learner's line under it) is archived under its old title; then the roadmap
    drops it. The tick is kept there; the model looked for it under the new title only."""
    initial = [Item(0, "Phase alpha", [Item(1, "Topic bravo")])]
    steps = [([("copy", 0)], [("rename", 1), ("grow", 0)]), ([], [("shrink", 0)])]
    run_scenario(initial, steps)
