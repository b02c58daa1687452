"""A deterministic synthetic vault for benchmarks and scale tests, with its true counts.

`make_synthetic_vault(notes, seed=…)` builds, in memory, a vault shaped like one roadvault
builds and a learner then uses: roadmap, phase and topic notes with owned properties, ~2.8 KB
topic notes holding ~20 tasks of every status and indentation (roadmap items with `^rv-` ids,
the learner's own nested tasks, numbered tasks, tasks in a callout), fake tasks in a code
fence, an Obsidian comment, an HTML comment and an indented code block, wikilinks and prose;
plus `.roadvault/manifest.json`. The true counts are known by construction (`Truth`), so a
benchmark can assert the scanner and the aggregation get them right before timing them.
"""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from roadvault.model import Status

ROADMAPS = 10
PHASES_PER_ROADMAP = 10

_WORDS = (
    "data",
    "model",
    "query",
    "index",
    "join",
    "window",
    "stream",
    "batch",
    "schema",
    "vector",
    "matrix",
    "tensor",
    "graph",
    "tree",
    "cache",
    "queue",
    "lock",
    "thread",
    "socket",
    "route",
    "parse",
    "token",
    "lexer",
    "compile",
    "deploy",
    "test",
    "mock",
    "fixture",
    "review",
    "design",
    "pattern",
    "layer",
    "service",
    "client",
    "server",
    "proxy",
    "metric",
    "trace",
    "log",
    "alert",
    "budget",
)
_MARKERS = [" ", " ", " ", "x", "x", "X", "/", "-", ">", "?"]


@dataclass
class Truth:
    """What a correct scan of the synthetic vault finds."""

    markers: Counter[str] = field(default_factory=Counter)  # raw checkbox characters
    # Per roadmap slug: effective statuses (a done or skipped parent carries its subtree).
    statuses: dict[str, Counter[Status]] = field(default_factory=dict)
    items: int = 0  # tasks with an `^rv-` block id (only some are manifest items)
    fake: int = 0  # task-looking lines that are not tasks (code, comments)


@dataclass
class SyntheticVault:
    files: dict[str, str]  # relpath -> text (notes and the manifest)
    truth: Truth


def _words(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(count))


def _effective(marker: str, parent: Status | None) -> Status:
    if parent in (Status.DONE, Status.SKIPPED):
        return parent
    return Status.from_marker(marker)


class _NoteWriter:
    """Writes one topic note and records every real task it emits."""

    def __init__(self, rng: random.Random, truth: Truth, slug: str, prefix: str) -> None:
        self.rng = rng
        self.truth = truth
        self.counts = truth.statuses.setdefault(slug, Counter())
        self.prefix = prefix
        self.lines: list[str] = []
        self.items: list[tuple[str, str]] = []  # (block id, title) in note order
        self.serial = 0

    def task(
        self, indent: str, bullet: str, *, parent: Status | None, item: bool = False
    ) -> Status:
        marker = self.rng.choice(_MARKERS)
        title = _words(self.rng, self.rng.randint(2, 5)).capitalize()
        suffix = ""
        if item:
            self.serial += 1
            block_id = f"{self.prefix}{self.serial:x}"
            self.items.append((block_id, title))
            suffix = f" ^{block_id}"
            self.truth.items += 1
            title += f" · {self.rng.randint(1, 5)} days"
        self.lines.append(f"{indent}{bullet}[{marker}] {title}{suffix}")
        self.truth.markers[marker] += 1
        status = _effective(marker, parent)
        self.counts[status] += 1
        return status

    def fake(self, line: str) -> None:
        self.lines.append(line)
        self.truth.fake += 1


def _topic_note(
    rng: random.Random,
    truth: Truth,
    *,
    slug: str,
    roadmap_title: str,
    phase_title: str,
    title: str,
    note_id: str,
    prefix: str,
    neighbours: tuple[str, str],
) -> tuple[str, list[tuple[str, str]]]:
    w = _NoteWriter(rng, truth, slug, prefix)
    w.lines += [
        "---",
        f"roadvault_id: {note_id}",
        "roadvault_kind: topic",
        f"roadmap: {roadmap_title}",
        f'phase: "[[{phase_title}]]"',
        f'up: "[[{phase_title}]]"',
        "duration: 1 week",
        "planned_days: [7, 7]",
        "tags:",
        f"  - roadmap/{slug}",
        "  - roadvault/topic",
        "---",
        f"# {title}",
        "",
        f"[[{roadmap_title}]] › [[{phase_title}]] · ← previous: [[{neighbours[0]}]] · "
        f"next: [[{neighbours[1]}]] →",
        "",
        f"{_words(rng, 28).capitalize()}, see [[{neighbours[1]}|the next topic]].",
        "",
        "## Checklist",
    ]
    for _ in range(4):
        parent = w.task("", "- ", parent=None, item=True)
        if rng.random() < 0.5:
            child = w.task("\t", "- ", parent=parent)
            w.task("\t\t", "- ", parent=child)
    w.lines.append(f"- {_words(rng, 3).capitalize()} ^rv-{prefix}g")
    for _ in range(2):
        w.task("\t", "- ", parent=None, item=True)
    w.lines.append("")
    w.lines.append("## Practice")
    first = w.task("", "1. ", parent=None)
    w.task("   ", "- ", parent=first)
    w.task("", "2) ", parent=None)
    w.task("", "* ", parent=None)
    w.lines += ["", "> [!todo] Exercises"]
    quoted = w.task("> ", "- ", parent=None)
    w.task("> \t", "- ", parent=quoted)
    w.task("> ", "+ ", parent=None)
    w.lines += ["", "```python"]
    w.fake("- [ ] not a task: inside a code fence")
    w.lines += [f"print('{_words(rng, 3)}')", "```", "", "%%"]
    w.fake("- [x] not a task: inside an Obsidian comment")
    w.lines += ["%%", ""]
    w.fake("<!-- - [ ] not a task: an HTML comment -->")
    w.lines += ["", "Example output:", ""]
    w.fake("    - [ ] not a task: indented code")
    w.lines += ["", "## My notes", ""]
    while sum(len(line) + 1 for line in w.lines) < 2650:
        w.lines.append(
            f"{_words(rng, 14).capitalize()} [[{rng.choice(neighbours)}]] {_words(rng, 8)}."
        )
        w.lines.append("")
    return "\n".join(w.lines) + "\n", w.items


ITEMS_PER_TOPIC = 6  # tasks with an `^rv-` id in each topic note


def make_synthetic_vault(notes: int, *, items: int = 10_000, seed: int = 7) -> SyntheticVault:
    """A vault of about `notes` notes (at least one topic per phase) and its true counts.

    Every topic note carries 6 tasks with block ids; in every k-th topic note they are `^rv-`
    roadmap items the manifest lists (about `items` of them, like a vault holding a
    10,000-item roadmap); elsewhere they are `^own-` ids, the learner's own tasks, counted
    for the same roadmap and phase — so the true totals do not depend on `items`.
    """
    truth = Truth()
    files: dict[str, str] = {}
    roadmaps: dict[str, object] = {}
    manifest_files: dict[str, dict[str, object]] = {}
    overhead = ROADMAPS * (PHASES_PER_ROADMAP + 1)
    topics_total = max(ROADMAPS * PHASES_PER_ROADMAP, notes - overhead)
    every = max(1, round(topics_total * ITEMS_PER_TOPIC / max(items, 1)))
    serial = 0
    for r in range(ROADMAPS):
        slug = f"synthetic-{r:02d}"
        roadmap_title = f"Synthetic Roadmap {r:02d}"
        folder = roadmap_title
        roadmap_id = f"rv-r{r:02d}"
        roadmap_note = f"{folder}/{roadmap_title}.md"
        phases = []
        roadmap_items: list[dict[str, object]] = []
        notes_map: dict[str, str] = {roadmap_id: roadmap_note}
        for p in range(PHASES_PER_ROADMAP):
            phase_title = f"Phase {r:02d}-{p:02d}"
            phase_id = f"rv-p{r:02d}{p:02d}"
            phase_dir = f"{folder}/{p + 1:02d} {phase_title}"
            phase_note = f"{phase_dir}/{phase_title}.md"
            count = topics_total // (ROADMAPS * PHASES_PER_ROADMAP) + (
                1
                if (r * PHASES_PER_ROADMAP + p) < topics_total % (ROADMAPS * PHASES_PER_ROADMAP)
                else 0
            )
            titles = [f"Topic {r:02d}-{p:02d}-{t:03d}" for t in range(count)]
            links = []
            for t, title in enumerate(titles):
                serial += 1
                rng = random.Random(seed * 1_000_003 + serial)
                note_id = f"rv-t{serial:x}"
                relpath = f"{phase_dir}/{title}.md"
                neighbours = (titles[t - 1] if t else phase_title,
                              titles[t + 1] if t + 1 < count else roadmap_title)  # fmt: skip
                text, note_items = _topic_note(
                    rng,
                    truth,
                    slug=slug,
                    roadmap_title=roadmap_title,
                    phase_title=phase_title,
                    title=title,
                    note_id=note_id,
                    # Items of the roadmap carry roadvault ids; the learner's own tasks in
                    # other notes carry ids of their own (an `rv-` id the manifest does not
                    # list is a dropped item, and is not counted).
                    prefix=f"rv-{serial:x}x" if serial % every == 0 else f"own-{serial:x}x",
                    neighbours=neighbours,
                )
                files[relpath] = text
                notes_map[note_id] = relpath
                links.append(f"- [[{title}]] · 1 week")
                manifest_files[relpath] = {"roadmap": slug, "id": note_id, "kind": "topic",
                                           "phase": phase_id, "sha256": ""}  # fmt: skip
                if serial % every == 0:
                    roadmap_items += [
                        {"id": block_id, "title": item_title, "note": relpath,
                         "phase": phase_id, "topic": note_id, "status": "todo"}
                        for block_id, item_title in note_items
                    ]  # fmt: skip
            files[phase_note] = "\n".join([
                "---", f"roadvault_id: {phase_id}", "roadvault_kind: phase",
                f"roadmap: {roadmap_title}", f'up: "[[{roadmap_title}]]"',
                "duration: 10 weeks", "planned_days: [70, 70]", "tags:",
                f"  - roadmap/{slug}", "  - roadvault/phase", "---", f"# {phase_title}", "",
                *links, "",
            ])  # fmt: skip
            notes_map[phase_id] = phase_note
            manifest_files[phase_note] = {"roadmap": slug, "id": phase_id, "kind": "phase",
                                          "phase": phase_id, "sha256": ""}  # fmt: skip
            phases.append({"id": phase_id, "title": phase_title, "note": phase_note,
                           "duration": "10 weeks", "planned_days": [70, 70]})  # fmt: skip
        files[roadmap_note] = "\n".join([
            "---", f"roadvault_id: {roadmap_id}", "roadvault_kind: roadmap",
            f"roadmap: {roadmap_title}", "tags:", f"  - roadmap/{slug}",
            "  - roadvault/roadmap", "---", f"# {roadmap_title}", "",
            *(f"- [[{phase['title']}]] · 10 weeks" for phase in phases), "",
        ])  # fmt: skip
        manifest_files[roadmap_note] = {"roadmap": slug, "id": roadmap_id, "kind": "roadmap",
                                        "phase": None, "sha256": ""}  # fmt: skip
        roadmaps[slug] = {
            "title": roadmap_title,
            "source": f"{slug}.md",
            "folder": folder,
            "depth": 2,
            "note": roadmap_note,
            "canvas": None,
            "planned_days": [700, 700],
            "phases": phases,
            "items": roadmap_items,
            "notes": notes_map,
        }
    manifest = {
        "format": 1,
        "generator": "roadvault bench",
        "roadmaps": roadmaps,
        "files": dict(sorted(manifest_files.items())),
    }
    files[".roadvault/manifest.json"] = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    return SyntheticVault(files=files, truth=truth)


def write_synthetic_vault(root: Path, vault: SyntheticVault) -> None:
    """Write the files under `root` (plain writes: a benchmark fixture, not user data)."""
    made: set[str] = set()
    for relpath, text in vault.files.items():
        folder = os.path.dirname(relpath)
        if folder and folder not in made:
            os.makedirs(root / folder, exist_ok=True)
            made.add(folder)
        with open(root / relpath, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)


def make_synthetic_roadmap(items: int, *, seed: int = 11) -> str:
    """A deterministic Markdown roadmap of about `items` checkboxes: phases (H2, with a
    duration), topics (H3) of ~10 items each — some ticked, some nested one level, a
    resource list now and then — the shape `roadvault build` meets in real READMEs."""
    rng = random.Random(seed)
    lines = [f"# Synthetic Roadmap of {items} Items", "", "A generated roadmap for benchmarks.", ""]
    made = topic = 0
    while made < items:
        if topic % 10 == 0:
            phase = topic // 10 + 1
            lines += [f"## Phase {phase}: {_words(rng, 2).title()} ({rng.randint(1, 6)} weeks)", ""]
        lines += [f"### {_words(rng, 3).capitalize()} {topic}", ""]
        for number in range(min(10, items - made)):
            mark = rng.choice("      x/")
            title = f"{_words(rng, rng.randint(2, 6)).capitalize()} {topic}.{number}"
            if number % 7 == 6:
                lines.append(f"- {title}")  # a parent: two sub-items
                lines += [f"\t- [{mark}] {_words(rng, 3)} {topic}.{number}.{k}" for k in (1, 2)]
                made += 2
            else:
                lines.append(f"- [{mark}] {title}")
                made += 1
        if topic % 4 == 0:
            lines += ["", "**Resources:**", f"- [{_words(rng, 2)}](https://example.org/{topic})"]
        lines.append("")
        topic += 1
    return "\n".join(lines) + "\n"
