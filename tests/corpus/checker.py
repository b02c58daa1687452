"""Check a parsed roadmap tree against a corpus case (standard library only).

A case states what the roadmap's author meant; `check_case(tree, case)` lists where the
parser's reading differs (an empty list = read as meant). `tree` is `Roadmap.to_json()`:
{"title", "nodes": [{"title", "status", "duration", "children": [...]}, ...]}.

Matching rules:
- text is normalised: casefolded, en/em dashes to "-", "&" to " and ", then only letters and
  digits are kept (runs of anything else, "_" too, become one space);
- a phase or topic title matches when the normalised text occurs in it as whole words; the
  roadmap title and durations match as normalised substrings, and must / must-not texts as
  raw substrings (the semantics of the shared seed checker the project is judged by);
- phases are looked up in order, in document order after the previous phase found; among
  the matches the shallowest node wins (then the first). A leading label such as
  "Phase 1:", "Part II -", "Module 3." or a bare "2." may be left out of the node's title;
  a length written in the wanted title ("Basics (2-3 months)") may stand in the node's
  duration instead (the shared seed checker wants it out of the title);
- topics are looked up inside their phase ("under");
- `leaves` counts the leaf nodes under a node (a leaf counts itself), `done` the leaves
  whose status is "done" (a number, or a [lo, hi] range where the file is ambiguous);
- texts with no word characters (like "**" or "@ ") are matched raw, not normalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

_LABEL = re.compile(
    r"^\s*(?:(?:phase|part|stage|step|module|level|unit|section)\s+[\w.\-]+\s*[:.\-–—)]"
    r"|\d{1,3}[.)])\s*",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+")  # "_" separates words, as in the shared checker


def normalise(text: str) -> str:
    text = text.casefold().replace("–", "-").replace("—", "-").replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()


def contains(haystack: str, needle: str) -> bool:
    """Whole-word containment of `needle` in `haystack`, both normalised here."""
    want = normalise(needle)
    if not want:
        return needle in haystack
    return f" {want} " in f" {normalise(haystack)} "


def strip_label(title: str) -> str:
    """ "Phase 1: Baby Steps" -> "Baby Steps" (a title that is only a label is kept)."""
    rest = _LABEL.sub("", title, count=1)
    return rest if normalise(rest) else title


def _walk(nodes: list[dict[str, Any]], depth: int = 0) -> Iterator[tuple[dict[str, Any], int]]:
    for node in nodes:
        yield node, depth
        yield from _walk(node.get("children") or [], depth + 1)


def leaves(node: dict[str, Any]) -> list[dict[str, Any]]:
    children = node.get("children") or []
    if not children:
        return [node]
    out: list[dict[str, Any]] = []
    for child in children:
        out.extend(leaves(child))
    return out


def _title_matches(node: dict[str, Any], wanted: str) -> bool:
    title = node.get("title") or ""
    if contains(title, wanted) or contains(title, strip_label(wanted)):
        return True
    # "Basics (2-3 months)" is the node "Basics" lasting "2-3 months": the shared seed
    # checker wants the length out of the title, in the node's duration
    duration = node.get("duration") or ""
    return bool(duration) and contains(f"{title} {duration}", strip_label(wanted))


def _find(
    flat: list[tuple[dict[str, Any], int]], wanted: str, start: int = 0
) -> tuple[int, dict[str, Any]] | None:
    """Shallowest (then first) node at index >= start whose title contains `wanted`."""
    best: tuple[int, int, dict[str, Any]] | None = None
    for index in range(start, len(flat)):
        node, depth = flat[index]
        if _title_matches(node, wanted) and (best is None or depth < best[1]):
            best = (index, depth, node)
    return (best[0], best[2]) if best else None


def _in_range(value: int, bounds: Any) -> bool:
    lo, hi = bounds
    return lo <= value <= hi


def _done_ok(done: int, wanted: Any) -> bool:
    """`done` is a number, or an inclusive [lo, hi] range where the file is ambiguous."""
    return _in_range(done, wanted) if isinstance(wanted, list) else done == wanted


def _show(bounds: Any) -> str:
    return f"{bounds[0]}-{bounds[1]}" if isinstance(bounds, list) else str(bounds)


def _count_problems(
    what: str, node: dict[str, Any], spec: dict[str, Any], problems: list[str]
) -> None:
    node_leaves = leaves(node)
    if "leaves" in spec and not _in_range(len(node_leaves), spec["leaves"]):
        lo, hi = spec["leaves"]
        problems.append(f"{what}: {len(node_leaves)} leaves, expected {lo}-{hi}")
    if "done" in spec:
        done = sum(1 for leaf in node_leaves if leaf.get("status") == "done")
        if not _done_ok(done, spec["done"]):
            problems.append(f"{what}: {done} done, expected {_show(spec['done'])}")
    if "duration" in spec:
        got = node.get("duration") or ""
        options = spec["duration"] if isinstance(spec["duration"], list) else [spec["duration"]]
        if not any(normalise(option) in normalise(got) for option in options):
            problems.append(f"{what}: duration {got!r}, expected {spec['duration']!r}")


def check_case(tree: dict[str, Any], case: dict[str, Any]) -> list[str]:
    """Problems with how `tree` reads the roadmap described by `case` (empty = as meant)."""
    problems: list[str] = []
    nodes = tree.get("nodes") or []
    flat = list(_walk(nodes))

    # As the project's shared seed checker reads them: the title and durations by substring
    # of the normalised text, must/must-not texts by raw substring.
    if case.get("title") and normalise(case["title"]) not in normalise(tree.get("title") or ""):
        problems.append(f"title {tree.get('title')!r} lacks {case['title']!r}")

    found_phases: dict[str, tuple[int, dict[str, Any]]] = {}
    start = 0
    for phase in case.get("phases", []):
        wanted = phase["title"]
        hit = _find(flat, wanted, start)
        if hit is None:
            if _find(flat, wanted) is not None:
                problems.append(f"phase {wanted!r} out of order")
            else:
                problems.append(f"phase {wanted!r} not found")
            continue
        found_phases[wanted] = hit
        start = hit[0] + 1
        _count_problems(f"phase {wanted!r}", hit[1], phase, problems)

    for topic in case.get("topics", []):
        wanted, under = topic["title"], topic.get("under")
        scope = flat
        if under:
            parent = found_phases.get(under)
            if parent is None:
                hit = _find(flat, under)
                if hit is None:
                    problems.append(f"topic {wanted!r}: its phase {under!r} not found")
                    continue
                parent = hit
            scope = list(_walk(parent[1].get("children") or []))
        hit = _find(scope, wanted)
        if hit is None:
            where = f" under {under!r}" if under else ""
            problems.append(f"topic {wanted!r} not found{where}")
            continue
        _count_problems(f"topic {wanted!r}", hit[1], topic, problems)

    all_leaves = [leaf for node in nodes for leaf in leaves(node)]
    if "total_leaves" in case and not _in_range(len(all_leaves), case["total_leaves"]):
        lo, hi = case["total_leaves"]
        problems.append(f"{len(all_leaves)} leaves in all, expected {lo}-{hi}")
    if "done" in case:
        done = sum(1 for leaf in all_leaves if leaf.get("status") == "done")
        if not _done_ok(done, case["done"]):
            problems.append(f"{done} done in all, expected {_show(case['done'])}")

    titles = [node.get("title") or "" for node, _ in flat]
    for text in case.get("must_contain", []):
        if not any(text in title for title in titles):
            problems.append(f"no title contains {text!r}")
    for text in case.get("must_not_contain", []):
        bad = next((title for title in titles if text in title), None)
        if bad is not None:
            problems.append(f"a title contains {text!r}: {bad[:60]!r}")
    return problems
