"""Property test of regeneration: random roadmaps, random roadmap edits interleaved with random
learner work; after every rebuild the promises hold. The roadmap adds, removes, renames and
moves items, swaps neighbours, reorders phases; the learner ticks, annotates, writes own
tasks (also right under an item, at its level), notes, properties, and fenced git examples
holding conflict markers and a block id.

Promises checked after each rebuild:
- no conflict (the learner never edits generated lines here: a reorder or a fenced example
  is never one);
- no tick (or other status) the learner set on a surviving item is lost; a removed item the
  learner had ticked is kept (archived), with its tick;
- every line the learner wrote is still in the vault;
- every roadvault block id is unique in the vault;
- the vault of a twin who never touched anything equals a fresh build of the same roadmap
  (block ids aside: carried-over ids differ from freshly hashed ones by design);
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

from conftest import read_tree
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


# --- a roadmap the test can edit, with a stable identity per leaf ------------------------------


@dataclass
class Leaf:
    uid: int
    title: str


@dataclass
class Topic:
    title: str
    leaves: list[Leaf] = field(default_factory=list)


@dataclass
class Phase:
    title: str
    topics: list[Topic] = field(default_factory=list)


def to_model(phases: list[Phase]) -> Roadmap:
    roadmap = Roadmap(
        title="Property Plan",
        source="plan.md",
        nodes=[
            Node(
                phase.title,
                children=[
                    Node(topic.title, children=[Node(leaf.title) for leaf in topic.leaves])
                    for topic in phase.topics
                ],
            )
            for phase in phases
        ],
    )
    assign_ids(roadmap)
    return roadmap


@st.composite
def roadmaps(draw: st.DrawFn) -> list[Phase]:
    names = iter(draw(st.permutations(WORDS)))
    uid = iter(range(10_000))
    phases = []
    for _ in range(draw(st.integers(1, 3))):
        phase = Phase(f"Phase {next(names)}")
        for _ in range(draw(st.integers(1, 2))):
            topic = Topic(f"Topic {next(names)}")
            for _ in range(draw(st.integers(1, 3))):
                topic.leaves.append(Leaf(next(uid), f"Item {next(names)} {next(uid)}"))
            phase.topics.append(topic)
        phases.append(phase)
    return phases


# Roadmap edits and learner actions, as (kind, random numbers) resolved against the state.
ROADMAP_EDITS = st.sampled_from(
    ["add", "remove", "rename", "move", "reorder", "rename_topic", "swap"]
)
LEARNER_ACTIONS = st.sampled_from(
    ["tick", "doing", "untick", "note", "own_task", "property", "annotate", "task_under", "fence"]
)
STEP = st.tuples(
    st.lists(st.tuples(LEARNER_ACTIONS, st.integers(0, 10**6)), max_size=4),
    st.lists(st.tuples(ROADMAP_EDITS, st.integers(0, 10**6)), min_size=1, max_size=3),
)


def all_leaves(phases: list[Phase]) -> list[tuple[Topic, Leaf]]:
    return [(topic, leaf) for phase in phases for topic in phase.topics for leaf in topic.leaves]


def apply_edit(phases: list[Phase], kind: str, n: int, counter: list[int]) -> None:
    leaves = all_leaves(phases)
    topics = [topic for phase in phases for topic in phase.topics]
    if kind == "add":
        counter[0] += 1
        topic = topics[n % len(topics)]
        topic.leaves.insert(
            n % (len(topic.leaves) + 1), Leaf(10_000 + counter[0], f"New {counter[0]}")
        )
    elif kind == "remove" and len(leaves) > 1:
        topic, leaf = leaves[n % len(leaves)]
        if len(topic.leaves) > 1:
            topic.leaves.remove(leaf)
    elif kind == "rename":
        _, leaf = leaves[n % len(leaves)]
        if not leaf.title.endswith(" basics"):
            leaf.title += " basics"  # one title extends the other: a rename the matcher sees
    elif kind == "move" and len(topics) > 1:
        topic, leaf = leaves[n % len(leaves)]
        target = topics[(n // 7) % len(topics)]
        if target is not topic and len(topic.leaves) > 1:
            topic.leaves.remove(leaf)
            target.leaves.append(leaf)
    elif kind == "reorder" and len(phases) > 1:
        phases.append(phases.pop(0))
    elif kind == "swap":  # two items of a topic change places (next to the learner's lines)
        topic = topics[n % len(topics)]
        if len(topic.leaves) > 1:
            i = (n // 3) % (len(topic.leaves) - 1)
            topic.leaves[i], topic.leaves[i + 1] = topic.leaves[i + 1], topic.leaves[i]
    elif kind == "rename_topic":
        topic = topics[n % len(topics)]
        if not topic.title.endswith(" revised"):
            topic.title += " revised"


# --- the learner, acting on files ---------------------------------------------------------------


@dataclass
class Learner:
    vault: Path
    marks: dict[int, str] = field(default_factory=dict)  # leaf uid -> mark they set
    lines: list[str] = field(default_factory=list)  # every line they wrote
    counter: int = 0

    def notes(self) -> list[Path]:
        return sorted(
            path
            for path in self.vault.rglob("*.md")
            if ".roadvault" not in path.parts
            and path.name not in ("Progress.md", "Home.md")
            and "Templates" not in path.parts
        )

    def find_leaf(self, leaf: Leaf) -> tuple[Path, str] | None:
        pattern = re.compile(rf"^- \[.\] {re.escape(leaf.title)} \^rv-[a-z0-9]+$", re.M)
        for path in self.notes():
            match = pattern.search(path.read_text())
            if match:
                return path, match.group(0)
        return None

    def act(self, phases: list[Phase], kind: str, n: int) -> None:
        self.counter += 1
        leaves = [leaf for _, leaf in all_leaves(phases)]
        notes = [p for p in self.notes() if "roadvault_kind: topic" in p.read_text()]
        if kind in ("tick", "doing", "untick", "annotate", "task_under"):
            leaf = leaves[n % len(leaves)]
            found = self.find_leaf(leaf)
            if found is None:
                return
            path, line = found
            text = path.read_text()
            if kind in ("annotate", "task_under"):
                note = (
                    f"\t- learner note {self.counter}"
                    if kind == "annotate"
                    else f"- [ ] my task under it {self.counter}"  # at the item's level
                )
                path.write_text(text.replace(line + "\n", f"{line}\n{note}\n", 1))
                self.lines.append(note.strip())
                return
            mark = {"tick": "x", "doing": "/", "untick": " "}[kind]
            path.write_text(text.replace(line, line[:3] + mark + line[4:], 1))
            self.marks[leaf.uid] = mark
        elif kind in ("note", "own_task", "property", "fence") and notes:
            path = notes[n % len(notes)]
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
                # A git example: conflict markers, a task with a block id of this note —
                # text, never a conflict, an item or a repeated id.
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


def check_promises(learner: Learner, phases: list[Phase], removed: dict[int, Leaf]) -> None:
    text = vault_text(learner.vault)
    for leaf in (leaf for _, leaf in all_leaves(phases)):
        want = learner.marks.get(leaf.uid)
        found = learner.find_leaf(leaf)
        assert found is not None, f"{leaf.title!r} is missing from the vault"
        if want is not None:
            assert found[1][3] == want, (
                f"{leaf.title!r}: mark {found[1][3]!r}, learner set {want!r}"
            )
    for uid, leaf in removed.items():
        if learner.marks.get(uid, " ") != " ":
            assert re.search(
                rf"- \[{re.escape(learner.marks[uid])}\] {re.escape(leaf.title)}", text
            ), f"removed ticked item {leaf.title!r} was not kept"
    for line in learner.lines:
        assert line in text, f"learner line {line!r} lost"
    files = {
        p.relative_to(learner.vault).as_posix(): p.read_text()
        for p in learner.vault.rglob("*.md")
        if ".roadvault" not in p.parts
    }
    assert check.check_block_ids(files) == []


def run_scenario(initial: list[Phase], steps: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        vault, twin = root / "vault", root / "twin"
        phases = initial
        build_vault(to_model(phases), vault)
        build_vault(to_model(phases), twin)
        learner = Learner(vault)
        counter = [0]
        removed: dict[int, Leaf] = {}
        for step, (actions, edits) in enumerate(steps):
            for kind, n in actions:
                learner.act(phases, kind, n)
            # Titles as the vault has them now: a removed item is archived under this one.
            built = {leaf.uid: Leaf(leaf.uid, leaf.title) for _, leaf in all_leaves(phases)}
            for kind, n in edits:
                apply_edit(phases, kind, n, counter)
            after = {leaf.uid for _, leaf in all_leaves(phases)}
            removed.update({uid: leaf for uid, leaf in built.items() if uid not in after})
            report = build_vault(to_model(phases), vault)
            assert report.conflicts == 0  # the learner never edits generated lines here
            check_promises(learner, phases, removed)
            again = build_vault(to_model(phases), vault)
            assert again.written == 0 and again.state_written == 0, [
                (p.action.value, p.relpath) for p in again.files if p.writes
            ]
            build_vault(to_model(phases), twin)
            fresh = root / f"fresh{step}"
            build_vault(to_model(phases), fresh)
            assert normalised(twin) == normalised(fresh)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps(), st.lists(STEP, min_size=1, max_size=3))
def test_regeneration_keeps_every_promise(initial: list[Phase], steps: list) -> None:
    run_scenario(initial, steps)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps(), st.lists(STEP, min_size=1, max_size=4))
def test_regeneration_keeps_every_promise_long(initial: list[Phase], steps: list) -> None:
    run_scenario(initial, steps)
