"""Why each source line became what it did: `roadvault parse ROADMAP --explain`.

A roadmap that was misread is only fixable when its author can see which rule decided each
line. The reading rules report their decisions with `record` (or `rules.fired`, the same
store); nobody pays for that unless `collecting()` is active. `explain_roadmap` then joins
those decisions with the model itself, which has the last word on the lines that became
nodes, and gives every other line the most likely reason it is where it is (or is not).

record(line, verdict, rule, detail="") -> None                 cheap; a no-op unless collecting
collecting() -> ContextManager[list[Decision]]                 the decisions of a block
explain_roadmap(text, *, source, name=None) -> list[LineExplanation]        pure
explain_parse(text, *, source, name=None) -> Explained(roadmap, lines, kind)
explain_lines(text, roadmap, decisions, *, name=None) -> list[LineExplanation]  pure
format_explanations(explanations, *, width=None) -> str                     pure
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from rich.cells import cell_len, get_character_cell_size

from roadvault.model import Node, Roadmap, Status
from roadvault.parse import parse_readable, readable_text
from roadvault.parse.inputs import Kind
from roadvault.parse.read import clean_text
from roadvault.parse.rules import Decision, fired, recording

Verdict = Literal["phase", "topic", "item", "resource", "note", "dropped", "title"]
# Rule names for lines no reading rule spoke about: what the explanation infers itself.
STRUCTURE = "structure"
PROSE = "prose"
RESOURCE = "resource"
NOT_READ = "not-read"
FRONT_MATTER = "front-matter"
TITLE_LINE = "title-line"


@dataclass(frozen=True, slots=True)
class LineExplanation:
    """One source line (1-based, front matter included), what it became and which rule said so.

    A blank line has verdict and rule "" and is left out of the printed explanation."""

    line: int
    text: str
    verdict: str
    rule: str
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "text": self.text,
            "verdict": self.verdict,
            "rule": self.rule,
            "detail": self.detail,
        }


# --- recording ---------------------------------------------------------------------------------


def record(line: int | None, verdict: str, rule: str, detail: str = "") -> None:
    """Note that `rule` decided source `line` (1-based) became `verdict`.

    Shares its store with `rules.fired`, so decisions made through either keep their order
    (the last one for a line wins). Outside `collecting()` this is one context-variable
    lookup, so rules may call it on every line they look at."""
    fired(rule, line, verdict, detail)


@contextmanager
def collecting() -> Iterator[list[Decision]]:
    """Collect every decision recorded while the block runs, in the order they were made."""
    with recording() as decisions:
        yield decisions


# --- explaining --------------------------------------------------------------------------------


def explain_roadmap(text: str, *, source: str, name: str | None = None) -> list[LineExplanation]:
    """Parse `text` as `parse_roadmap` does and explain every one of its lines."""
    return explain_parse(text, source=source, name=name).lines


class Explained(NamedTuple):
    roadmap: Roadmap
    lines: list[LineExplanation]
    kind: Kind  # "html", "data": `lines` are the lines of the Markdown form read


def explain_parse(text: str, *, source: str, name: str | None = None) -> Explained:
    """The model and the explanation of one parse, for callers that need both (the CLI
    refuses an itemless roadmap after showing why nothing was read).

    An HTML page is read through its Markdown form, and its line numbers (in the model and
    in the decisions) are that form's: those are the lines explained, not the page's tags."""
    read, kind = readable_text(text, source=source)
    with collecting() as decisions:
        roadmap = parse_readable(read, kind, source=source, name=name)
    shown = read if kind in ("html", "data") else clean_text(text)
    return Explained(roadmap, explain_lines(shown, roadmap, decisions, name=name), kind)


def explain_lines(
    text: str,
    roadmap: Roadmap,
    decisions: Sequence[Decision],
    *,
    name: str | None = None,
) -> list[LineExplanation]:
    """Every line of `text` (already cleaned, as the parser saw it) with its verdict.

    Precedence: the model for lines that became nodes; the title line; the last decision
    recorded for the line; then what the model shows (notes, resources); else not read."""
    lines = text.split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the final newline ends the last line; it does not start another
    last = _last_decisions(decisions, len(lines))
    nodes = _nodes_by_line(roadmap)
    front_end = front_matter_end(lines)
    titles = _title_lines(lines, roadmap, last, nodes, front_end, name)
    dropped_under = _dropped_sections(lines, last, nodes)
    notes = _notes_text(roadmap)
    urls, resource_texts = _resource_keys(roadmap)
    out: list[LineExplanation] = []
    for number, raw in enumerate(lines, start=1):
        decision = last.get(number)
        if number in nodes:
            verdict, rule, detail = _node_verdict(raw, nodes[number], decision)
        elif number in titles:
            if decision is not None and decision.verdict == "title":
                rule = decision.rule
            else:
                rule = FRONT_MATTER if number <= front_end else TITLE_LINE
            verdict, detail = "title", _title_detail(raw, roadmap.title)
        elif decision is not None:
            verdict, rule, detail = decision.verdict, decision.rule, decision.detail
        elif not raw.strip():
            verdict, rule, detail = "", "", ""
        elif number <= front_end:
            verdict, rule, detail = "dropped", FRONT_MATTER, ""
        else:
            verdict, rule = _inferred(raw, notes, urls, resource_texts)
            detail = ""
            if rule == NOT_READ and number in dropped_under:
                rule, detail = dropped_under[number]
        out.append(LineExplanation(number, raw, verdict, rule, detail))
    return out


def _last_decisions(decisions: Iterable[Decision], count: int) -> dict[int, Decision]:
    """The last decision for each line inside the text (later rules overrule earlier ones)."""
    last: dict[int, Decision] = {}
    for decision in decisions:
        if decision.line is not None and 1 <= decision.line <= count:
            last[decision.line] = decision
    return last


def _nodes_by_line(roadmap: Roadmap) -> dict[int, list[tuple[Node, int]]]:
    """Source line → the nodes read from it with their depth, outermost first."""
    found: dict[int, list[tuple[Node, int]]] = {}
    stack: list[tuple[Node, int]] = [(node, 0) for node in reversed(roadmap.nodes)]
    while stack:  # no recursion: deeply nested roadmaps must not hit the recursion limit
        node, depth = stack.pop()
        if node.line is not None:
            found.setdefault(node.line, []).append((node, depth))
        stack.extend((child, depth + 1) for child in reversed(node.children))
    return found


def _kind(node: Node, depth: int) -> str:
    """phase at the top, topic for a node with children below it, item for any leaf."""
    if node.is_leaf:
        return "item"
    return "phase" if depth == 0 else "topic"


def _node_verdict(
    raw: str, nodes: list[tuple[Node, int]], decision: Decision | None
) -> tuple[str, str, str]:
    """What the model made of a line: its verdict is the model's, whatever a rule said."""
    node, depth = nodes[0]
    parts = []
    if plain(raw) != plain(node.title) and (
        not node.duration or plain(raw) != plain(f"{node.title} ({node.duration})")
    ):
        parts.append(f'"{node.title}"')
    if node.status is not Status.TODO:
        parts.append(node.status.value)
    if node.duration:
        parts.append(node.duration)
    if len(nodes) > 1:
        parts.append(f"+{len(nodes) - 1} more")
    rule = decision.rule if decision is not None else STRUCTURE
    return _kind(node, depth), rule, ", ".join(parts)


def _title_detail(raw: str, title: str) -> str:
    return "" if _unquoted(raw).endswith(plain(title)) else f'"{title}"'


# --- front matter and the title ----------------------------------------------------------------

_FRONT_KEY_RE = re.compile(r"^\s*(?:[\"']?[\w][\w .\"'-]*[\"']?\s*[:=].*|\[.*\])$")
_FRONT_CLOSE = {"---": ("---", "..."), "+++": ("+++",)}
_TITLE_KEY_RE = re.compile(r"^\s*[\"']?title[\"']?\s*[:=]\s*(?P<value>.*)$", re.I)


def front_matter_end(lines: Sequence[str]) -> int:
    """The line number closing the front matter, or 0 when there is none.

    Mirrors the reader's test (a `---`/`+++` pair around `key: value` lines) without
    reading the YAML again, so a broken header is not warned about twice."""
    if not lines:
        return 0
    closers = _FRONT_CLOSE.get(lines[0].rstrip())
    if closers is None:
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in closers:
            body = [line for line in lines[1:index] if line.strip()]
            first = next((line for line in body if not line.lstrip().startswith("#")), None)
            if first is not None and not _FRONT_KEY_RE.match(first):
                return 0  # `---` around ordinary Markdown: horizontal rules
            return index + 1
    return 0


def _title_lines(
    lines: Sequence[str],
    roadmap: Roadmap,
    last: dict[int, Decision],
    nodes: dict[int, list[tuple[Node, int]]],
    front_end: int,
    name: str | None,
) -> set[int]:
    """The lines that name the roadmap: the front matter's `title` and the heading a rule
    took as the title; failing a rule's word, the first line that says the title alone."""
    if name is not None:
        return set()  # given on the command line: no line of the file named the roadmap
    wanted = plain(roadmap.title)
    found = {line for line, decision in last.items() if decision.verdict == "title"}
    for number in range(1, front_end + 1):
        match = _TITLE_KEY_RE.match(lines[number - 1])
        if match and _unquoted(match["value"]) == wanted:
            found.add(number)
    if found:
        return found
    for number in range(front_end + 1, len(lines) + 1):
        if number not in nodes and number not in last and plain(lines[number - 1]) == wanted:
            return {number} if wanted else set()
    return set()


def _unquoted(value: str) -> str:
    return plain(value.strip().strip("\"'"))


# --- lines no rule spoke about -----------------------------------------------------------------

_BLOCK_MARK_RE = re.compile(r"^\s*(?:>\s*|#{1,6}\s+|[-*+]\s+|\d{1,9}[.)]\s+|\[.\]\s+)")
_INLINE_MARK_RE = re.compile(r"\*\*|__|~~|[*_`]")
_URL_RE = re.compile(r"https?://[^\s<>()\[\]\"']+(?:\([^\s()]*\)[^\s<>()\[\]\"']*)*")
_MIN_NOTE_CHARS = 4  # shorter text would "appear" in almost any paragraph


def plain(text: str) -> str:
    """`text` without Markdown's block and emphasis markers, whitespace collapsed,
    casefolded: the form in which a source line and the model's text can be compared."""
    previous = None
    while previous != text:
        previous, text = text, _BLOCK_MARK_RE.sub("", text, count=1)
    text = _INLINE_MARK_RE.sub("", text).replace("\\", "")
    return " ".join(text.split()).casefold()


def _notes_text(roadmap: Roadmap) -> str:
    """All notes of the roadmap and its nodes in plain form, one paragraph per line."""
    texts = [roadmap.notes, *(node.notes for node in roadmap.walk())]
    return "\n".join(" ".join(plain(line) for line in t.splitlines()) for t in texts if t)


def _resource_keys(roadmap: Roadmap) -> tuple[set[str], set[str]]:
    """The URLs and the (plain) texts of every resource in the model."""
    urls: set[str] = set()
    texts: set[str] = set()
    for node in roadmap.walk():
        for res in node.resources:
            if res.url:
                urls.add(res.url.rstrip("/"))
            texts.add(plain(res.text))
    return urls, texts


def _inferred(raw: str, notes: str, urls: set[str], resource_texts: set[str]) -> tuple[str, str]:
    """Where a line no rule spoke about went, judged from the model: notes, a resource, or
    nowhere."""
    text = plain(raw)
    if len(text) >= _MIN_NOTE_CHARS and text in notes:
        return "note", PROSE
    if any(url.rstrip("/") in urls for url in _URL_RE.findall(raw)):
        return "resource", RESOURCE
    if text and text in resource_texts:
        return "resource", RESOURCE
    return "dropped", NOT_READ


_HEADING_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)")


def _dropped_sections(
    lines: Sequence[str], last: dict[int, Decision], nodes: dict[int, list[tuple[Node, int]]]
) -> dict[int, tuple[str, str]]:
    """Line → (rule, detail) for the lines inside a heading's section that a rule dropped:
    whatever a dropped section holds went with it, unless the model shows otherwise."""
    under: dict[int, tuple[str, str]] = {}
    current: tuple[int, str, str] | None = None  # (level, rule, detail) of the open section
    for number, raw in enumerate(lines, start=1):
        match = _HEADING_RE.match(raw)
        if match:
            level = len(match.group(1))
            if current is not None and level <= current[0]:
                current = None
            decision = last.get(number)
            dropped = decision is not None and decision.verdict == "dropped"
            if current is None and dropped and number not in nodes:
                assert decision is not None
                current = (level, decision.rule, f"under line {number}")
            continue
        if current is not None:
            under[number] = (current[1], current[2])
    return under


# --- printing ----------------------------------------------------------------------------------

_RULE_COLUMN = 17
_RULE_COLUMN_MAX = 26
_MIN_TEXT_CELLS = 12


def format_explanations(
    explanations: Sequence[LineExplanation], *, width: int | None = None
) -> str:
    """One line per non-blank source line: number, verdict, rule, source text (and detail).

    `width` (terminal cells) truncates each line with "…"; None keeps lines whole, which is
    what golden files need."""
    shown = [e for e in explanations if e.verdict]
    if not shown:
        return ""
    digits = max(4, len(str(shown[-1].line)))
    rule_width = min(_RULE_COLUMN_MAX, max(_RULE_COLUMN, *(len(e.rule) for e in shown)))
    return "".join(_format_one(e, digits, rule_width, width) + "\n" for e in shown)


def _format_one(item: LineExplanation, digits: int, rule_width: int, width: int | None) -> str:
    prefix = f"{item.line:>{digits}}  {item.verdict:<9} {item.rule:<{rule_width}} "
    text = item.text.strip().replace("\t", "    ")
    suffix = f"  => {item.detail}" if item.detail else ""
    if width is None:
        return prefix + text + suffix
    room = width - cell_len(prefix) - cell_len(suffix)
    if room >= _MIN_TEXT_CELLS:
        return prefix + truncate(text, room) + suffix
    return truncate(prefix + text + suffix, width)


def truncate(text: str, cells: int) -> str:
    """`text` cut to at most `cells` terminal cells, ending in "…" when anything was cut."""
    if cell_len(text) <= cells:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        size = get_character_cell_size(char)
        if used + size > cells - 1:
            break
        out.append(char)
        used += size
    return "".join(out) + "…"
