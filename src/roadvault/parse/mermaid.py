"""Roadmaps drawn as a Mermaid flowchart (```mermaid graph TD …```), as chat answers and
READMEs give them: the chart's nodes and arrows are the outline.

Pure: the fence's text → Markdown the outline reader understands (headings for the parts
of the plan, bullets for the steps), or None when the chart is no plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from roadvault.parse.rules import fired, rule
from roadvault.parse.sections import HOUSEKEEPING, section_role
from roadvault.parse.titles import has_numbering, opens_a_part

# A node with its label: A["text"], A[text], A(text), A([text]), A{text}, A((text)), A>text].
_NODE_RE = re.compile(
    r"(?P<id>[A-Za-z_][\w-]*)\s*"
    r"(?:\[\[|\[\(|\(\[|\(\(|\{\{|\[/|\[\\|\[|\(|\{|>)"
    r"\s*(?P<label>\"[^\"\n]*\"|[^\[\]\(\)\{\}\"\n]*?)\s*"
    r"(?:\]\]|\)\]|\]\)|\)\)|\}\}|/\]|\\\]|\]|\)|\})"
)
# Arrows between nodes: -->, ---, -.->, ==>, --text-->, -->|text|.
_ARROW_RE = re.compile(r"\s*(?:-->|---|-\.->|==>|--[^->\n]*-->|<-->)\s*(?:\|[^|\n]*\|)?\s*")
_SKIP_LINE_RE = re.compile(
    r"^\s*(?:graph|flowchart|style|classDef|class|click|linkStyle|%%|direction)\b", re.I
)
_SUBGRAPH_RE = re.compile(r"^\s*subgraph\s+(?P<id>[\w-]+)?\s*(?:\[(?P<label>[^\]]*)\])?\s*$")
_BREAK_RE = re.compile(r"<br\s*/?>", re.I)
# "(P1A)", "(P1D1,P1D2)": the chart's own node codes, not words of the title.
_CODES_RE = re.compile(r"\s*\((?:[A-Z]{1,3}\d+[A-Z]?\d*(?:\s*,\s*)?)+\)\s*$")
MIN_NODES = 4


@dataclass
class _Chart:
    labels: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)  # first appearance
    edges: dict[str, list[str]] = field(default_factory=dict)
    incoming: set[str] = field(default_factory=set)
    groups: list[tuple[str, list[str]]] = field(default_factory=list)  # subgraphs


def _label(text: str) -> str:
    text = text.strip().strip('"')
    text = _BREAK_RE.sub(" ", text)
    return _CODES_RE.sub("", " ".join(text.split()))


def _read_chart(source: str) -> _Chart:
    chart = _Chart()
    group: tuple[str, list[str]] | None = None
    for line in source.split("\n"):
        if not line.strip() or _SKIP_LINE_RE.match(line):
            continue
        sub = _SUBGRAPH_RE.match(line)
        if sub:
            group = (_label(sub["label"] or sub["id"] or ""), [])
            chart.groups.append(group)
            continue
        if line.strip() == "end":
            group = None
            continue
        ids: list[str] = []
        for part in _ARROW_RE.split(line.strip()):
            if not part:
                continue
            for chained in re.split(r"\s*&\s*", part):  # A & B --> C
                node = _NODE_RE.match(chained)
                name = node["id"] if node else chained.strip()
                if not re.fullmatch(r"[A-Za-z_][\w-]*", name):
                    continue
                if node and name not in chart.labels:
                    chart.labels[name] = _label(node["label"])
                if name not in chart.order:
                    chart.order.append(name)
                    if group is not None:
                        group[1].append(name)
                ids.append(name)
        for before, after in pairwise(ids):
            chart.edges.setdefault(before, []).append(after)
            chart.incoming.add(after)
    return chart


def _walk(chart: _Chart) -> list[tuple[str, int]]:
    """Nodes in reading order, each with its depth below the chart's start."""
    seen: set[str] = set()
    out: list[tuple[str, int]] = []

    def visit(name: str, depth: int) -> None:
        stack = [(name, depth)]
        while stack:
            current, level = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            out.append((current, level))
            stack.extend((child, level + 1) for child in reversed(chart.edges.get(current, [])))

    for name in chart.order:
        if name not in chart.incoming:
            visit(name, 0)
    for name in chart.order:
        visit(name, 0)
    return out


def _is_part(label: str) -> bool:
    return opens_a_part(label) or has_numbering(label)


@rule("mermaid-roadmap")
def _plan_of(source: str, *, alone: bool) -> str | None:
    """A roadmap drawn as a ```mermaid flowchart is read where it stands: nodes named like
    parts ("第一阶段：基础语法", "Phase 2: Data") or subgraphs open sections and the nodes
    after each, along the arrows, are its steps. A chart without parts counts only when the
    text around it holds no items (then its arrows give the tree). Style and class lines are
    drawing, not text."""
    markdown = mermaid_to_markdown(source)
    if markdown is None:
        return None
    chart = _read_chart(source)
    structured = chart.groups or sum(1 for label in chart.labels.values() if _is_part(label)) >= 2
    return markdown if structured or alone else None


_FENCE_RE = re.compile(
    r"^(?P<fence>```|~~~)[ \t]*mermaid[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)


def inline_mermaid(text: str, *, alone: bool = False) -> str:
    """`text` with each ```mermaid chart that draws a plan replaced, where it stands, by
    that plan in Markdown (padded to the fence's line count so later lines keep theirs)."""
    if "mermaid" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        plan = _plan_of(match["body"], alone=alone)
        if plan is None:
            return match.group(0)
        fired("mermaid-roadmap", text.count("\n", 0, match.start()) + 1, "phase")
        lines = plan.rstrip("\n").split("\n")
        span = match.group(0).count("\n") + (0 if match.group(0).endswith("\n") else 1)
        lines += [""] * max(0, span - len(lines))
        return "\n".join(lines)

    return _FENCE_RE.sub(replace, text)


def mermaid_to_markdown(source: str) -> str | None:
    """The chart's outline: parts and their steps, or the tree its arrows draw."""
    chart = _read_chart(source)
    named = [name for name in chart.order if chart.labels.get(name)]
    if len(named) < MIN_NODES:
        return None
    for name in named:
        if section_role(chart.labels[name]) == HOUSEKEEPING:
            chart.labels[name] = ""  # "Links" → "Article index": the chart's own furniture
    lines: list[str] = []
    if chart.groups and sum(len(members) for _, members in chart.groups) >= MIN_NODES:
        for title, members in chart.groups:
            lines.append(f"## {title}")
            lines.extend(f"- {chart.labels[m]}" for m in members if chart.labels.get(m))
        return "\n".join(lines) + "\n"
    walked = [(name, depth) for name, depth in _walk(chart) if chart.labels.get(name)]
    parts = [name for name, _ in walked if _is_part(chart.labels[name])]
    if len(parts) >= 2:
        started = False
        for name, _ in walked:
            label = chart.labels[name]
            if name in parts:
                lines.append(f"## {label}")
                started = True
            elif started:
                lines.append(f"- {label}")
        return "\n".join(lines) + "\n"
    roots = [depth for _, depth in walked]
    top = min(roots)
    for name, depth in walked:
        if depth == top:
            continue  # the chart's start names the whole roadmap
        indent = "  " * max(0, depth - top - 2)
        label = chart.labels[name]
        lines.append(f"## {label}" if depth == top + 1 else f"{indent}- {label}")
    return "\n".join(lines) + "\n" if lines else None
