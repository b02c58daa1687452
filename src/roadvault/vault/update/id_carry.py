"""Carry ids from the last built roadmap over to the new one, so ticks follow their items.

A node of the new roadmap takes the id of the old node it *is*, judged in this order:

1. the same id (ids hash the title path, so an untouched item keeps its id by itself);
2. the same title under the same (matched) parent;
3. a renamed item: an unmatched old sibling whose title is similar enough, or whose
   children are mostly the same (a phase renamed but its topics kept);
4. a moved item: the same title somewhere else, when exactly one unmatched old node has it
   (or one of several is under a parent of the same title);
5. moved and renamed at once: a similar title anywhere, when the two are each other's only
   candidate;
6. back in the roadmap: a node the last roadmap did not have, but whose work the vault kept
   (an archived item line, a note kept with `roadvault_status: removed`: `Retired`), takes
   that id back when it is the one retired thing of its title kept in a note of its
   ancestors, or the one anywhere and its title is the roadmap's only one (or renamed on
   its way back: an item line kept in a note of its ancestors, a kept note with mostly the
   same items). Ids hash the title path, so an item that returns where it was made, as it
   was, comes back by step 1 alone; one that had moved (or been renamed) before it left,
   or comes back renamed, carried an id its new place does not hash to, and came back as a
   new item, its tick left in the archive — or, for a topic, a second note with the same
   `roadvault_id` beside the kept one.

Why the rename threshold is conservative: a missed rename costs little — the old item, if
ticked or annotated, is kept under "Removed from the roadmap" and nothing is lost — while a
false rename hands a tick to a different item, which silently overstates progress. So a
rename needs one title's words contained in the other's ("Linear Algebra" → "Linear Algebra
Basics"), or a character similarity of at least RENAME_RATIO (0.75 on normalised text; short
titles like "CNNs"/"RNNs" need SHORT_RENAME_RATIO, 0.9) *and* two thirds of the shorter
title's words matched by a close word in the other (so "Supervised learning" is not
"Unsupervised clustering") *and* the same numbers ("Chapter 12 exercises" is not "Chapter 13
exercises"), or, for nodes with children, at least half of their children's titles in
common. Measured on the rename table in
tests/vault/update/test_id_carry.py: every listed rename is found and no listed replacement is.
"""

from __future__ import annotations

import difflib
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from roadvault.model import Node, Roadmap
from roadvault.obsidian.ids import fresh_block_id

logger = logging.getLogger(__name__)

RENAME_RATIO = 0.75
SHORT_RENAME_RATIO = 0.9
SHORT_TITLE = 10  # characters, after normalising
CHILD_OVERLAP = 0.5
WORD_COVERAGE = 0.66
CLOSE_WORD_RATIO = 0.85
REWORD_COVERAGE = 0.5  # a rewording in place: position says much, the words need say less

_WORD = re.compile(r"[^\W_]+")
_STOP_WORDS = frozenset({"a", "an", "and", "the", "of", "to", "in", "on", "for", "with", "&"})


def normalise_title(title: str) -> str:
    """Casefolded words only: what a rename that only touches case or punctuation keeps."""
    return " ".join(_WORD.findall(title.casefold()))


def rename_score(old: str, new: str) -> float:
    """How sure we are that title `new` is `old` renamed: 0 when it is not a rename at all,
    else a score ≥ RENAME_RATIO (1.0 = the same words)."""
    a, b = normalise_title(old), normalise_title(new)
    if not a or not b:
        return 0.0
    if a == b or a.replace(" ", "") == b.replace(" ", ""):
        return 1.0
    ratio = difflib.SequenceMatcher(None, a, b).ratio()
    words_a = [w for w in a.split() if w not in _STOP_WORDS] or a.split()
    words_b = [w for w in b.split() if w not in _STOP_WORDS] or b.split()
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        # One title extends the other ("Linear Algebra" → "Linear Algebra Basics"): every
        # word kept is stronger evidence than letters alike, so it ranks above a sibling
        # one word apart ("Phase jasper basics" is not "Phase dune basics", whose ratio is
        # higher than "Phase dune"'s; found by the regeneration soak: the tick went away).
        return RENAME_RATIO + (1 - RENAME_RATIO) * ratio
    if _numbers(words_a) != _numbers(words_b):
        # "Part 10002 basics" and "Part 10001 basics" are two items, however alike their
        # letters (docs/FORMAT.md §5b: the same numbers). Found by the regeneration soak: the
        # ticked one left, "Part 10001" became "Part 10001 basics" and took its tick.
        return 0.0
    need = SHORT_RENAME_RATIO if min(len(a), len(b)) <= SHORT_TITLE else RENAME_RATIO
    if ratio < need or _word_coverage(words_a, words_b) < WORD_COVERAGE:
        return 0.0
    return ratio


def _numbers(words: Iterable[str]) -> frozenset[str]:
    """The numbers among a title's words: what tells "Week 1" from "Week 2"."""
    return frozenset(word for word in words if word.isdigit())


def _word_coverage(words_a: list[str], words_b: list[str]) -> float:
    """Share of the shorter title's words that have a close word in the other title
    (equal, a prefix like intro/introduction, or a spelling variant)."""
    short, long = sorted((words_a, words_b), key=len)
    close = sum(1 for word in short if any(_close_words(word, other) for other in long))
    return close / len(short)


def _close_words(a: str, b: str) -> bool:
    if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= CLOSE_WORD_RATIO


def _child_overlap(old: Node, new: Node) -> float:
    old_titles = {normalise_title(child.title) for child in old.children}
    new_titles = {normalise_title(child.title) for child in new.children}
    if not old_titles or not new_titles:
        return 0.0
    return len(old_titles & new_titles) / len(old_titles | new_titles)


@dataclass(slots=True)
class _Old:
    node: Node
    parent: Node | None
    index: int


ROADMAP_PLACE = "roadmap"  # the `place` of a line kept in the roadmap note (no rv- id)


@dataclass(slots=True)
class Retired:
    """Something of the roadmap's that the vault keeps though the last build no longer had
    it: an archived item line (`node.title` is the line's text, the learner's appended words
    included) or a kept note (`note`: its H1 title, its item lines as children). `place` is
    the `roadvault_id` of the note an item line sits in (ROADMAP_PLACE: the roadmap note)."""

    node: Node
    place: str | None = None
    note: bool = False


@dataclass(slots=True)
class MatchReport:
    """What the matcher decided, for the build report and for tests."""

    same: int = 0
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (old title, new title)
    moved: list[str] = field(default_factory=list)  # titles
    returned: list[str] = field(default_factory=list)  # titles that took a retired id back
    # (old title, new title): reworded in place, judged by position, not by the words alone
    reworded: list[tuple[str, str]] = field(default_factory=list)


def carry_over_ids(
    old: Roadmap | None, new: Roadmap, retired: Sequence[Retired] = ()
) -> MatchReport:
    """Give every node of `new` that is a node of `old` (same, renamed or moved) the old id,
    and a node that returns (step 6) the id of its `retired` work in the vault.

    Mutates `new` in place. Ids of unmatched new nodes stay as parsed, except where one
    would clash with an old id that is still in use, in which case it is re-derived.
    """
    report = MatchReport()
    if old is None:
        return report
    old_by_id: dict[str, _Old] = {}
    for parent, children in _families(None, old.nodes):
        for index, node in enumerate(children):
            old_by_id[node.id] = _Old(node, parent, index)
    claimed: dict[str, Node] = {}  # old id -> new node
    match_of: dict[int, Node] = {}  # id(new node) -> old node

    def claim(new_node: Node, old_node: Node) -> None:
        claimed[old_node.id] = new_node
        match_of[id(new_node)] = old_node

    # 1. Same id, anywhere — except among namesakes, whose ids count occurrences and so
    # shift when one of them is renamed; pass 2 tells those apart by their children.
    ambiguous = _namesake_ids(old.nodes) | _namesake_ids(new.nodes)
    for new_node in _walk(new.nodes):
        hit = old_by_id.get(new_node.id)
        if new_node.id in ambiguous:
            continue
        if hit is not None and hit.node.id not in claimed:
            claim(new_node, hit.node)
            report.same += 1

    # 2 and 3, top-down so that a parent is matched before its children are compared.
    def match_children(old_children: list[Node], new_children: list[Node]) -> None:
        free_old = [node for node in old_children if node.id not in claimed]
        free_new = [node for node in new_children if id(node) not in match_of]
        for position, new_node in enumerate(free_new):  # 2: same title, same parent
            key = normalise_title(new_node.title)
            namesakes = [
                (index, old_node)
                for index, old_node in enumerate(free_old)
                if old_node.id not in claimed and normalise_title(old_node.title) == key
            ]
            if namesakes:
                # Several namesakes ("Projects" in every phase): the one with the same
                # children, then the nearest in order.
                _, best = max(
                    namesakes,
                    key=lambda pair: (_child_overlap(pair[1], new_node), -abs(pair[0] - position)),
                )
                claim(new_node, best)
                report.same += 1
        free_old = [node for node in free_old if node.id not in claimed]
        free_new = [node for node in free_new if id(node) not in match_of]
        for new_node, old_node in _best_renames(free_old, free_new):  # 3: renamed
            claim(new_node, old_node)
            report.renamed.append((old_node.title, new_node.title))
        for new_node, old_node in _reworded_in_place(old_children, new_children, match_of, moving):
            claim(new_node, old_node)  # 3b: the one item that changed between two that did not
            report.reworded.append((old_node.title, new_node.title))
        for new_node in new_children:
            old_node = match_of.get(id(new_node))
            if new_node.children:
                match_children(old_node.children if old_node else [], new_node.children)

    moving = _moving_titles(old, new)
    match_children(old.nodes, new.nodes)

    # 4. Moved: the same title under another parent.
    unclaimed_old: dict[str, list[_Old]] = {}
    for entry in old_by_id.values():
        if entry.node.id not in claimed:
            unclaimed_old.setdefault(normalise_title(entry.node.title), []).append(entry)
    for parent, children in _families(None, new.nodes):
        for new_node in children:
            if id(new_node) in match_of:
                continue
            candidates = [
                entry
                for entry in unclaimed_old.get(normalise_title(new_node.title), [])
                if entry.node.id not in claimed
            ]
            chosen = _pick_moved(candidates, parent)
            if chosen is not None:
                claim(new_node, chosen.node)
                report.moved.append(new_node.title)

    # 5. Moved and renamed at once: only when the pair is each other's one candidate.
    free_old = [e.node for e in old_by_id.values() if e.node.id not in claimed]
    free_new = [node for node in _walk(new.nodes) if id(node) not in match_of]
    for new_node, old_node in _unique_renames(free_old, free_new):
        claim(new_node, old_node)
        report.moved.append(new_node.title)
        report.renamed.append((old_node.title, new_node.title))

    # 6. Back in the roadmap: the id of the work the vault kept for it.
    for new_node, node in _returning(new, retired, old_by_id, match_of):
        claim(new_node, node)
        report.returned.append(new_node.title)

    # Apply: matched nodes take the old id; others keep theirs unless it clashes.
    used = set(claimed)
    for new_node in _walk(new.nodes):
        old_node = match_of.get(id(new_node))
        if old_node is not None:
            new_node.id = old_node.id
    for new_node in _walk(new.nodes):
        if id(new_node) in match_of:
            continue
        if new_node.id in used or new_node.id in old_by_id:
            new_node.id = fresh_block_id(new_node.id, used | set(old_by_id))
        used.add(new_node.id)
    if report.renamed or report.moved or report.returned:
        logger.info(
            "matched %d items as renamed, %d as moved and %d as back from the archive",
            len(report.renamed),
            len(report.moved),
            len(report.returned),
        )
    return report


def _returning(
    new: Roadmap,
    retired: Sequence[Retired],
    old_by_id: dict[str, _Old],
    match_of: dict[int, Node],
) -> list[tuple[Node, Node]]:
    """(new, retired) pairs of step 6, top-down (a returning topic first, so that its items
    are judged under its id). A retired thing is a candidate of a still unmatched node when
    no node of either roadmap has its id (an item back at the place its id was made for
    keeps it by step 1) and its title is the node's (an item line's text may go on with the
    learner's words); a kept note also when it is the node renamed with mostly the same
    items. Leaves take item lines; a node with children a kept note, else an item line
    (the line is revived onto the parent). See `_pick_returning` for how sure it must be:
    a missed return costs a fresh `[ ]` (the old work stays archived), a false one a tick
    on another item."""
    if not retired:
        return []
    in_use = set(old_by_id) | {node.id for node in _walk(new.nodes)}
    free: dict[str, Retired] = {}
    for entry in retired:
        if entry.node.id and entry.node.id not in in_use:
            free.setdefault(entry.node.id, entry)
    if not free:
        return []
    # (normalised title, entry): compared with every unmatched node, normalised once.
    lines = [(normalise_title(e.node.title), e) for e in free.values() if not e.note]
    notes = [(normalise_title(e.node.title), e) for e in free.values() if e.note]
    titles: dict[str, int] = {}  # how many nodes of the new roadmap have a title
    for node in _walk(new.nodes):
        key = normalise_title(node.title)
        titles[key] = titles.get(key, 0) + 1
    claimants: dict[str, int] = {}  # retired id -> how many nodes want it
    choice: dict[int, str] = {}  # id(new node) -> the retired id it wants

    def visit(nodes: list[Node], above: tuple[str, ...]) -> None:
        for new_node in nodes:
            matched = match_of.get(id(new_node))
            if matched is None:
                unique = titles.get(normalise_title(new_node.title), 0) == 1
                picked = None
                if new_node.children:
                    picked = _pick_returning(new_node, above, notes, unique=unique)
                if picked is None:
                    picked = _pick_returning(new_node, above, lines, unique=unique)
                if picked is not None:
                    choice[id(new_node)] = picked.node.id
                    claimants[picked.node.id] = claimants.get(picked.node.id, 0) + 1
            # Its id as it will be (carried over, taken back, or its own), for its children.
            own = matched.id if matched is not None else choice.get(id(new_node), new_node.id)
            ancestors = above[1:] if above[:1] == (ROADMAP_PLACE,) else above
            visit(new_node.children, (*ancestors, own))

    # A phase's line (a leaf phase) is kept in the roadmap note: its place for the phases
    # only (before, a leaf phase back renamed found no place, and came back unticked).
    visit(new.nodes, (ROADMAP_PLACE,))
    return [
        (new_node, free[choice[id(new_node)]].node)
        for new_node in _walk(new.nodes)
        if id(new_node) in choice and claimants[choice[id(new_node)]] == 1
    ]


def _pick_returning(
    new_node: Node,
    above: tuple[str, ...],
    entries: list[tuple[str, Retired]],
    *,
    unique: bool,
) -> Retired | None:
    """The retired thing `new_node` is, if sure: the one of its title kept in a note of its
    own ancestors (back where its work was kept), else the one of its title anywhere when
    no other node of the roadmap has that title ("Review" in every phase is no evidence).
    An item line's text may go on with the learner's words or the item's duration: a
    candidate only when no line has exactly the title. Renamed on its way back (a rename
    by `rename_score`): a kept note when they share most items, an item line kept in a note
    of its ancestors — the one such candidate."""
    key = normalise_title(new_node.title)
    if not key:
        return None
    same = [entry for title, entry in entries if title == key]
    if not same:
        longer = key + " "
        same = [entry for title, entry in entries if not entry.note and title.startswith(longer)]
    if same:
        near = [entry for entry in same if entry.place is not None and entry.place in above]
        if len(near) == 1:
            return near[0]
        if len(same) == 1 and unique:
            return same[0]
        return None
    renamed = [
        entry
        for _title, entry in entries
        if (
            _child_overlap(entry.node, new_node) >= CHILD_OVERLAP
            if entry.note
            else entry.place is not None and entry.place in above
        )
        and rename_score(entry.node.title, new_node.title) > 0
    ]
    return renamed[0] if len(renamed) == 1 else None


def reworded_notices(report: MatchReport) -> list[str]:
    """One line per item judged reworded by its place, for the build report: the learner
    should know a tick moved on by position."""
    return [
        f"{old!r} is now {new!r} (same place in the roadmap): kept as the same item, with "
        "its tick and your lines"
        for old, new in report.reworded
    ]


def _best_renames(old_nodes: list[Node], new_nodes: list[Node]) -> list[tuple[Node, Node]]:
    """Pairs (new, old) judged renames, best score first, each node used once."""
    scored: list[tuple[float, int, int]] = []
    for i, new_node in enumerate(new_nodes):
        for j, old_node in enumerate(old_nodes):
            score = rename_score(old_node.title, new_node.title)
            if new_node.children and old_node.children:
                overlap = _child_overlap(old_node, new_node)
                if overlap >= CHILD_OVERLAP:  # same children: the same node, renamed
                    score = max(score, RENAME_RATIO + overlap / 4)
            if score > 0:
                scored.append((score, -abs(i - j), i * len(old_nodes) + j))
    pairs: list[tuple[Node, Node]] = []
    used_new: set[int] = set()
    used_old: set[int] = set()
    for _score, _closeness, key in sorted(scored, reverse=True):
        i, j = divmod(key, len(old_nodes))
        if i in used_new or j in used_old:
            continue
        used_new.add(i)
        used_old.add(j)
        pairs.append((new_nodes[i], old_nodes[j]))
    return pairs


def _moving_titles(old: Roadmap, new: Roadmap) -> set[str]:
    """Titles (normalised) in both trees that change places: one of them stands under a
    parent whose title has no namesake of it in the other tree (a topic moved to another
    phase). Such a node is no rewording of whatever took its old place: it moved, and step
    4 finds it."""
    places: tuple[dict[str, set[str]], dict[str, set[str]]] = ({}, {})
    for tree, found in zip((old, new), places, strict=True):
        for parent, children in _families(None, tree.nodes):
            above = normalise_title(parent.title) if parent is not None else ""
            for child in children:
                found.setdefault(normalise_title(child.title), set()).add(above)
    before, after = places
    return {
        title
        for title in before.keys() & after.keys()
        if before[title] - after[title] or after[title] - before[title]
    }


def _reworded_in_place(
    old_children: list[Node],
    new_children: list[Node],
    match_of: dict[int, Node],
    moving: set[str],
) -> list[tuple[Node, Node]]:
    """(new, old) pairs that sit in the same place: the only unmatched new sibling and the
    only unmatched old sibling between the same matched neighbours (or a list's end, with
    one real neighbour at least), of the same kind (leaf or not), on the same subject. A
    rewording too large for `rename_score` keeps its id, so its tick (docs/FORMAT.md §5b).
    Neither may be a node that moves (`_moving_titles`): two topics that swap phases are
    each in the other's old place, "Topic cedar" is no rewording of "Topic fjord" (found
    by the regeneration soak: the notes swapped ids, the learner's lines with them)."""
    position = {id(node): index for index, node in enumerate(old_children)}
    matched_old = {match.id for match in match_of.values()}
    shared = _shared_words([*old_children, *new_children])
    pairs: list[tuple[Node, Node]] = []
    for index, new_node in enumerate(new_children):
        if id(new_node) in match_of:
            continue
        before = new_children[index - 1] if index else None
        after = new_children[index + 1] if index + 1 < len(new_children) else None
        if before is None and after is None:
            continue  # no neighbour to tell the place by
        if any(n is not None and id(n) not in match_of for n in (before, after)):
            continue  # more than one new item in this gap
        start = position.get(id(match_of[id(before)])) if before is not None else -1
        end = position.get(id(match_of[id(after)])) if after is not None else None
        if start is None or (after is not None and end is None):
            continue  # a neighbour came from another parent: not the same place
        stop = len(old_children) if end is None else end
        if stop <= start:
            continue
        gap = old_children[start + 1 : stop]
        free = [node for node in gap if node.id not in matched_old]
        if len(gap) != 1 or len(free) != 1:
            continue
        old_node = free[0]
        if bool(old_node.children) != bool(new_node.children):
            continue
        if normalise_title(new_node.title) in moving or normalise_title(old_node.title) in moving:
            continue  # one of them moved here or away: step 4's, not a rewording
        if not _same_subject(old_node.title, new_node.title, ignore=shared):
            continue  # truly unsure: keep both (a worked-on old item is archived, reported)
        pairs.append((new_node, old_node))
    return pairs


MIN_SIBLINGS_FOR_SHARED = 3


def _shared_words(siblings: list[Node]) -> frozenset[str]:
    """Words every sibling's title has ("Phase" in "Phase alpha", "Phase bravo", "Phase
    gamma"): the list's pattern, which says nothing of any one item's subject."""
    titles = [set(normalise_title(node.title).split()) for node in siblings]
    if len(titles) < MIN_SIBLINGS_FOR_SHARED:
        return frozenset()
    return frozenset(set.intersection(*titles))


def _same_subject(a: str, b: str, *, ignore: frozenset[str] = frozenset()) -> bool:
    """Could `b` be `a` reworded? Half the shorter title's words have a close word in the
    other, and the numbers agree ("Week 1" and "Week 2" are two items, not one reworded).
    Words every sibling has (`ignore`: "Phase" in "Phase gamma" and "Phase alpha") are no
    evidence (found by the regeneration soak: a removed ticked phase gave its tick to the
    phase returning in its place)."""
    words_a = [w for w in normalise_title(a).split() if w not in _STOP_WORDS and w not in ignore]
    words_b = [w for w in normalise_title(b).split() if w not in _STOP_WORDS and w not in ignore]
    if not words_a or not words_b:
        return False
    if _numbers(words_a) != _numbers(words_b):
        return False
    return _word_coverage(words_a, words_b) >= REWORD_COVERAGE


def _unique_renames(old_nodes: list[Node], new_nodes: list[Node]) -> list[tuple[Node, Node]]:
    """(new, old) pairs where each is the other's only plausible rename, anywhere in the
    tree: a stricter bar than a rename under the same parent, since position says nothing."""
    if not old_nodes or not new_nodes or len(old_nodes) * len(new_nodes) > 250_000:
        return []  # nothing to pair, or too many loose ends to compare one by one
    candidates_of_new: dict[int, list[Node]] = {}
    candidates_of_old: dict[str, int] = {}
    for index, new_node in enumerate(new_nodes):
        hits = [
            old_node
            for old_node in old_nodes
            if bool(old_node.children) == bool(new_node.children)
            and rename_score(old_node.title, new_node.title) > 0
        ]
        candidates_of_new[index] = hits
        for old_node in hits:
            candidates_of_old[old_node.id] = candidates_of_old.get(old_node.id, 0) + 1
    return [
        (new_nodes[index], hits[0])
        for index, hits in candidates_of_new.items()
        if len(hits) == 1 and candidates_of_old[hits[0].id] == 1
    ]


def _pick_moved(candidates: list[_Old], new_parent: Node | None) -> _Old | None:
    if len(candidates) == 1:
        return candidates[0]
    if not candidates or new_parent is None:
        return None
    key = normalise_title(new_parent.title)
    same_parent_title = [
        entry
        for entry in candidates
        if entry.parent is not None and normalise_title(entry.parent.title) == key
    ]
    return same_parent_title[0] if len(same_parent_title) == 1 else None


def _namesake_ids(nodes: list[Node]) -> set[str]:
    """Ids of nodes that share their title with a sibling."""
    ids: set[str] = set()
    for _parent, children in _families(None, nodes):
        counts: dict[str, int] = {}
        for child in children:
            key = normalise_title(child.title)
            counts[key] = counts.get(key, 0) + 1
        ids.update(child.id for child in children if counts[normalise_title(child.title)] > 1)
    return ids


def _walk(nodes: Iterable[Node]) -> Iterable[Node]:
    for node in nodes:
        yield node
        yield from _walk(node.children)


def _families(parent: Node | None, children: list[Node]) -> Iterable[tuple[Node | None, list]]:
    yield parent, children
    for child in children:
        if child.children:
            yield from _families(child, child.children)
