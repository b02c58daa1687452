"""Fuzzing (hypothesis) where the existing property tests are thin.

Existing, cited in docs/SAFETY.md and not repeated here: arbitrary text and bytes into the
parser (tests/parse/test_properties.py), safe/unique/stable names over random titles
(tests/vault/render/test_names.py), the merge laws over a 7-line alphabet
(tests/vault/update/test_note_merge.py), random roadmap edits interleaved with learner work
through whole builds (tests/vault/update/test_update_properties.py).

Added here:
- bytes in every encoding and shape a roadmap arrives in, through `decode_roadmap` *and*
  `parse_roadmap` (the existing test stops after decoding): only RoadvaultError;
- names judged by an independent Windows validator, a claimed name always "fits" its title
  again (else every rebuild renames the note), slugs never a device name;
- the merge on whole notes (front matter, nested checklists with block ids, learner lines,
  ticks, Tasks-plugin extras): the laws, every learner line kept, ticks by block id kept,
  block ids unique, and a merge repeated after an interrupted build changes nothing;
- `regenerate` over several notes with items moving between them: ticks travel.

Profiles: the CI profile runs each test's own few hundred examples;
`HYPOTHESIS_PROFILE=long` (tests/conftest.py) raises every one of them to 5,000.
"""

from __future__ import annotations

import codecs
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples as profile_examples
from roadvault.errors import RoadvaultError
from roadvault.obsidian.blocks import (
    ATTACHED_INDENTED_CODE,
    INDENTED_CODE,
    code_mask,
    read_blocks,
)
from roadvault.obsidian.conflicts import CONFLICT_END, CONFLICT_START
from roadvault.parse import decode_roadmap, parse_roadmap
from roadvault.vault.render.layout import name_fits_title
from roadvault.vault.render.names import NameRegistry, safe_name
from roadvault.vault.update.item_travel import NoteVersions, regenerate
from roadvault.vault.update.note_merge import merge_note, nested_orphans, repeated_block_ids
from roadvault.vaultformat import slugify

from .helpers import link_name_problem, name_key, windows_name_problem


def examples(count: int) -> settings:
    """`count` examples in CI; the profile's own number under any other (conftest.examples)."""
    return settings(
        max_examples=profile_examples(count),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


# --- the parser: bytes as roadmaps arrive ------------------------------------------------------

_PIECES = [
    "# Title\n", "## Phase 1: Basics (2 weeks)\n", "### **Topic**\n", "- [ ] item\n",
    "- [x] done\n", "\t- [/] nested\n", "1. first\n", "* star\n", "> [!todo] callout\n",
    "<details>\n<summary>More</summary>\n", "</details>\n", "```\ncode\n```\n", "| a | b |\n",
    "|---|---|\n", "---\ntitle: T\n---\n", "+++\ntitle = 'T'\n+++\n", "[[Link]] ", "%%c%%",
    "CON", "../../x", "é", "’", "🚀", "\u202e", "\x00", "\r\n", "\r", "\ufeff", "x" * 300, "\n",
]  # fmt: skip
markdownish = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)
_ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]


@st.composite
def roadmap_bytes(draw: st.DrawFn) -> bytes:
    """Roadmap text in some encoding, sometimes damaged: bytes flipped, cut, prefixed."""
    text = draw(st.one_of(markdownish, st.text(max_size=300)))
    encoding = draw(st.sampled_from(_ENCODINGS))
    data = text.encode(encoding, errors="replace")
    damage = draw(st.sampled_from(["none", "flip", "cut", "prefix", "raw"]))
    if damage == "flip" and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
    elif damage == "cut" and data:
        data = data[: draw(st.integers(0, len(data)))]
    elif damage == "prefix":
        data = draw(st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, b"\x89PNG"])) + data
    elif damage == "raw":
        data = draw(st.binary(max_size=300))
    return data


@examples(400)
@given(roadmap_bytes())
def test_any_bytes_read_as_a_roadmap_give_a_model_or_a_clear_error(data: bytes) -> None:
    try:
        text = decode_roadmap(data, source="fuzz.md")
        roadmap = parse_roadmap(text, source="fuzz.md")
    except RoadvaultError as err:
        assert str(err).startswith("fuzz.md")  # names the file
        return
    ids = [node.id for node in roadmap.walk()]
    assert len(ids) == len(set(ids))
    for node in roadmap.walk():
        assert node.title == node.title.strip() and "\x00" not in node.title
    roadmap.to_json()


# --- names -----------------------------------------------------------------------------------

titles = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)
_HOSTILE = ["CON", "com0", "LPT¹", "nul.md", "Nul ", "..", "...", "a" * 400, "漢" * 200]
_HOSTILE += ["\U00020000" * 99, "#", "[[x]]", "a|b", "%%", "../../etc", "C:\\x", "\u202egnp.exe"]
hostile_titles = st.sampled_from([*_HOSTILE, " . ", "-", "~"])
any_title = titles | hostile_titles
qualifiers = st.none() | any_title


@examples(400)
@given(st.lists(st.tuples(any_title, qualifiers), max_size=30), st.sampled_from([".md", ".canvas"]))
def test_claimed_names_are_valid_unique_and_fit_their_titles(
    wanted: list[tuple[str, str | None]], ext: str
) -> None:
    registry = NameRegistry(["Home.md", "Progress.md", "home.canvas"])
    keys = set()
    for title, qualifier in wanted:
        name = registry.claim(title, ext=ext, qualifier=qualifier)
        assert windows_name_problem(name) is None, (name, windows_name_problem(name))
        assert link_name_problem(name) is None, (name, link_name_problem(name))
        assert name.endswith(ext) and name_key(name) not in keys
        keys.add(name_key(name))
        # A rebuild keeps a note's name while it fits its title: every name handed out for
        # a title must fit it, or the note would be renamed on every rebuild.
        assert name_fits_title(name, title, ext), (name, title)
    assert not keys & {name_key(n) for n in ["Home.md", "Progress.md", "home.canvas"]}


@examples(300)
@given(any_title, st.integers(1, 40))
def test_names_stay_the_same_for_the_same_titles(title: str, copies: int) -> None:
    first = [NameRegistry().claim(title, ext=".md", qualifier="Q") for _ in range(2)]
    assert first[0] == first[1] == safe_name(title, ext=".md")
    registry, again = NameRegistry(), NameRegistry()
    names = [registry.claim(title, ext=".md", qualifier="Q") for _ in range(copies)]
    assert names == [again.claim(title, ext=".md", qualifier="Q") for _ in range(copies)]


@examples(300)
@given(any_title)
def test_slugs_are_never_device_names(title: str) -> None:
    slug = slugify(title)
    assert windows_name_problem(f"{slug}.json") is None, slug
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug), slug


# --- the merge on whole notes --------------------------------------------------------------------

FRONT = (
    "---\nroadvault_id: rv-note01\nroadvault_kind: topic\nroadmap: Fuzz\n"
    'up: "[[Phase]]"\ntags:\n  - roadmap/fuzz\n  - roadvault/topic\n---\n'
)
_WORDS = ["Vectors", "Matrices", "Eigen", "SVD", "Norms", "Bases", "Rank", "Trace", "Kernels"]
_MARKS = [" ", "x", "X", "/", "-", ">"]
_ITEM = re.compile(r"^(\s*)- \[(.)\] (.*?) \^(rv-[a-z0-9]+)$")


@st.composite
def checklists(draw: st.DrawFn) -> list[tuple[str, str, str, int]]:
    """(id, title, mark, depth) items with unique ids; depth 1 items follow a depth-0 one."""
    count = draw(st.integers(1, 8))
    items = []
    for index in range(count):
        depth = draw(st.integers(0, 1)) if index else 0
        items.append((f"rv-i{index:02d}", draw(st.sampled_from(_WORDS)), " ", depth))
    return items


def render(items: list[tuple[str, str, str, int]], heading: str = "Linear Algebra") -> str:
    lines = [f"# {heading}", "", "## Checklist"]
    lines += [f"{chr(9) * depth}- [{mark}] {title} ^{i}" for i, title, mark, depth in items]
    return FRONT + "\n".join([*lines, "", "## My notes", ""]) + "\n"


@st.composite
def roadmap_update(draw: st.DrawFn, items: list, *, moves: bool = True) -> list:
    """The roadmap's next version: renames, removals, additions, moves, its own statuses."""
    new = list(items)
    kinds = ["rename", "remove", "add", "status"] + (["move"] if moves else [])
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(kinds))
        if kind == "add" or not new:
            at = draw(st.integers(0, len(new)))
            depth = draw(st.integers(0, 1)) if at else 0
            new.insert(at, (f"rv-n{len(new) + draw(st.integers(0, 99)):03d}", "Added", " ", depth))
            continue
        at = draw(st.integers(0, len(new) - 1))
        item_id, title, mark, depth = new[at]
        if kind == "rename":
            new[at] = (item_id, title + " revised", mark, depth)
        elif kind == "remove":
            del new[at]
        elif kind == "status":
            new[at] = (item_id, title, draw(st.sampled_from(["x", " "])), depth)
        else:
            item = new.pop(at)
            new.insert(draw(st.integers(0, len(new))), item)
    deduped: dict[str, tuple] = {}
    for item in new:
        deduped.setdefault(item[0], item)
    out = list(deduped.values())
    if out:
        out[0] = (*out[0][:3], 0)
    return out


@st.composite
def learner_edit(draw: st.DrawFn, base: str) -> tuple[str, list[str], dict[str, str]]:
    """The learner's version of `base`: ticks, lines written anywhere below the title, an own
    task, a Tasks-plugin date, an own property. Returns (mine, lines added, marks set)."""
    lines = base.split("\n")
    marks: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _ITEM.match(line)
        if match and draw(st.booleans()):
            mark = draw(st.sampled_from(_MARKS))
            extra = " ✅ 2026-11-20" if mark == "x" and draw(st.booleans()) else ""
            lines[index] = f"{match[1]}- [{mark}] {match[3]}{extra} ^{match[4]}"
            if mark != match[2]:
                marks[match[4]] = mark
    body_start = lines.index("## Checklist")
    added: list[str] = []
    for number in range(draw(st.integers(0, 4))):
        text = draw(
            st.sampled_from(
                [f"My note {number}.", f"\t- my sub-note {number}", f"- [ ] my task {number}"]
            )
        )
        at = draw(st.integers(body_start + 1, len(lines) - 1))
        lines.insert(at, text)
        added.append(text)
    if draw(st.booleans()):
        # A fenced example holding conflict markers, a task line with one of our ids and a
        # block id: text, never a conflict, an item or a repeated id.
        item_id = draw(st.sampled_from([f"rv-i{i:02d}" for i in range(8)]))
        fence = [
            "```text",
            draw(st.sampled_from(["<<<<<<< HEAD", "<<<<<<< vault"])),
            f"- [x] Vectors ^{item_id}",
            "=======",
            "- [ ] code task",
            draw(st.sampled_from([">>>>>>> feature", ">>>>>>> roadmap"])),
            "```",
        ]
        # Before a line that is not indented: a fence ends a list, so an indented item
        # after it would be indented code (also for Obsidian), not an item any more.
        places = [i for i in range(body_start + 1, len(lines)) if not lines[i][:1].isspace()]
        at = draw(st.sampled_from(places))
        lines[at:at] = ["", *fence, ""]
        added.extend(fence)
    if draw(st.booleans()):
        lines.insert(1, "rating: 5  # mine")
        added.append("rating: 5  # mine")
    return "\n".join(lines), added, marks


@st.composite
def merges(draw: st.DrawFn, *, moves: bool = True) -> tuple[str, str, str, list[str], dict]:
    items = draw(checklists())
    base = render(items)
    update = draw(roadmap_update(items, moves=moves))
    new = render(update, draw(st.sampled_from(["Linear Algebra", "LA 2"])))
    mine, added, marks = draw(learner_edit(base))
    return base, mine, new, added, marks


def statuses(text: str, rendering: str | None = None) -> dict[str, list[str]]:
    """Id → the marks of its item lines, as the next merge reads the note: outside code (a
    fenced example is not an item). With `rendering` (the next merge's base), a nested item
    the merge left in indented code after the learner's lines counts too (`nested_orphans`):
    the merge can put the learner's lines between an item and its nested items (docs/
    SAFETY.md, known issues), and the next merge reads the tick there."""
    found: dict[str, list[str]] = {}
    kinds = read_blocks(text).code
    orphans = nested_orphans(rendering, text) if rendering is not None else frozenset()
    for index, line in enumerate(text.split("\n")):
        kind = kinds[index]
        if kind not in (0, ATTACHED_INDENTED_CODE, INDENTED_CODE):
            continue
        match = _ITEM.match(re.sub(r" ✅ \d{4}-\d\d-\d\d", "", line))
        if match and (kind != INDENTED_CODE or match[4] in orphans):
            found.setdefault(match[4], []).append(match[2])
    return found


def conflict_lines(text: str) -> set[str]:
    inside, lines = False, set()
    in_code = code_mask(text, attached_indented_code=False)  # as merge reads notes
    for index, line in enumerate(text.split("\n")):
        if in_code[index]:
            continue
        if line.startswith(CONFLICT_START):
            inside = True
        elif line.startswith(CONFLICT_END):
            inside = False
        elif inside:
            lines.add(line)
    return lines


@examples(400)
@given(merges())
def test_merge_laws_on_whole_notes(case: tuple) -> None:
    base, mine, new, _, _ = case
    assert merge_note(base, base, new).text == new
    assert merge_note(base, mine, base).text == mine
    assert merge_note(base, mine, mine).text == mine


@examples(400)
@given(merges())
def test_merge_keeps_every_learner_line_and_tick(case: tuple) -> None:
    base, mine, new, added, marks = case
    result = merge_note(base, mine, new)
    out = result.text.split("\n")
    for line in added:
        assert line in out, (line, result.text)
    found = statuses(result.text, new)
    in_conflict = conflict_lines(result.text)
    new_ids = set(statuses(new))
    for item_id, mark in marks.items():
        if item_id in new_ids and not any(item_id in line for line in in_conflict):
            assert mark in found.get(item_id, []), (item_id, mark, result.text)
    assert not repeated_block_ids(result.text, mine), result.text  # the invariant, always
    if not result.conflicts:
        repeated = [item_id for item_id, seen in found.items() if len(seen) > 1]
        mine_repeated = [item_id for item_id, seen in statuses(mine).items() if len(seen) > 1]
        assert not set(repeated) - set(mine_repeated), (repeated, result.text)


@examples(400)
@given(merges())
def test_merge_repeated_after_an_interrupted_build_changes_nothing(case: tuple) -> None:
    """A build killed after writing a note but before its base copy: the next build merges
    the note it already merged against the same old base. It must come out the same, also
    when the roadmap reordered items (items travel by block id: vault/update/reorder.py)."""
    base, mine, new, _, _ = case
    first = merge_note(base, mine, new)
    if first.conflicts:
        return
    assert merge_note(base, first.text, new).text == first.text


def test_merge_repeated_after_reordered_items_changes_nothing() -> None:
    """Found by the property above: the roadmap reorders items and the learner wrote a line
    between two of them; merging the merged note again with the old base used to report a
    conflict and repeat a line (merge3 aligned the moved lines)."""
    items = [(f"rv-i0{i}", "Vectors", " ", 0) for i in range(5)]
    base = render(items)
    mine = base.replace("^rv-i01\n", "^rv-i01\nMy note 0.\n")
    new = render([items[3], items[1], items[2], items[0], items[4]])
    first = merge_note(base, mine, new)
    assert first.conflicts == 0 and "My note 0." in first.text
    assert merge_note(base, first.text, new).text == first.text


# --- regenerate: items travelling between notes ---------------------------------------------


@examples(300)
@given(checklists(), checklists(), st.data())
def test_ticks_travel_with_items_between_notes(a: list, b: list, data: st.DataObject) -> None:
    """Two notes; the update moves items from one to the other. Every tick the learner set
    on an item still in the roadmap is found, once, wherever the item now is."""
    b = [(f"rv-b{i[0][4:]}", *i[1:]) for i in b]
    notes = {"A.md": a, "B.md": b}
    moving = data.draw(st.lists(st.sampled_from([i[0] for i in a]), unique=True, max_size=3))
    new_a = [i for i in a if i[0] not in moving]
    new_b = b + [(i[0], i[1], i[2], 0) for i in a if i[0] in moving]
    if new_a:
        new_a[0] = (*new_a[0][:3], 0)
    versions = {}
    all_marks: dict[str, str] = {}
    for key, items in notes.items():
        base = render(items, key)
        mine, _, marks = data.draw(learner_edit(base))
        all_marks.update(marks)
        new = render(new_a if key == "A.md" else new_b, key)
        versions[key] = NoteVersions(base=base, mine=mine, new=new)
    outcomes = regenerate(versions)
    texts = "\n".join(outcome.text or "" for outcome in outcomes.values())
    found: dict[str, list[str]] = {}
    for key, outcome in outcomes.items():
        for item_id, marks in statuses(outcome.text or "", versions[key].new).items():
            found.setdefault(item_id, []).extend(marks)
    for item_id, mark in all_marks.items():
        assert found.get(item_id, [None])[0] == mark or mark in found.get(item_id, []), (
            item_id,
            mark,
            texts,
        )
        assert len(found.get(item_id, [])) == 1, (item_id, texts)
