"""Pages that draw their plan from data in a script: a tracker app saved as one HTML file.

A learner (or a chat assistant) often writes a small tracker page whose body is empty until
a script renders it: the phases and tasks live in a JavaScript literal such as
`const DEFAULT = { title: "…", sections: [{ title: 'Phase 1 — …', items: ['…', …] }] }`.
Read as a page, it has nothing to read, and refusing it would lose the whole plan. Here
the largest such literal is read as data — with no code run — and written out as the
Markdown outline it describes: named groups become headings, their entries list items,
and an entry's own done flag its box.

Pure: page text → Markdown, or None when no script holds a plan.
"""

from __future__ import annotations

import json
import re
from typing import Any

from roadvault.parse.front import yaml_data
from roadvault.parse.rules import fired, rule
from roadvault.parse.tables import status_of_words

MIN_ENTRIES = 3
MAX_LITERAL_CHARS = 40_000  # a plan's data; a longer literal is a bundle of code
MAX_DEPTH = 6
MAX_TRIES = 50  # literals tried per script, so a large bundle of code stays quick

_SCRIPT_RE = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(.*?)</script\s*>", re.S | re.I)
# Where a literal starts: "= {", ": [", "return [", "(["
_LITERAL_START_RE = re.compile(r"(?:=|:|\breturn|\()\s*([\[{])")
_KEY_RE = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)\s*:")
_TRAILING_COMMA_RE = re.compile(r",(\s*[}\]])")
_WORDS = {"undefined": "null"}

NAME_KEYS = ("title", "name", "label", "text", "topic", "task", "heading", "skill")
CHILD_KEYS = (
    "sections", "phases", "stages", "modules", "months", "weeks", "days", "parts", "levels",
    "topics", "items", "tasks", "steps", "lessons", "children", "subtopics", "skills",
    "checklist", "goals", "list",
)  # fmt: skip
NOTE_KEYS = ("subtitle", "description", "desc", "goal", "summary", "details")
DONE_KEYS = ("done", "completed", "complete", "checked", "finished", "isDone", "is_done")
DURATION_KEYS = ("duration", "time", "timeframe", "weeks_needed", "estimate")
STATUS_KEYS = ("status", "state", "progress")
RESOURCE_KEYS = ("resources", "links", "materials", "references")


def _mark(entry: dict[str, Any]) -> str:
    """An entry's box: its done flag, or its status in words ("completed", "in-progress")."""
    if _first(entry, DONE_KEYS, bool):
        return "x"
    status = _first(entry, STATUS_KEYS, str)
    if status:
        return status_of_words(status.replace("-", " ").replace("_", " ")) or " "
    return " "


def _past_comment(text: str, at: int) -> int | None:
    """Where a `// …` or `/* … */` comment starting at `at` ends, or None for no comment."""
    if text.startswith("//", at):
        newline = text.find("\n", at)
        return len(text) if newline < 0 else newline
    if text.startswith("/*", at):
        close = text.find("*/", at + 2)
        return len(text) if close < 0 else close + 2
    return None


def _literal_end(text: str, start: int) -> int | None:
    """Index just past the bracket that closes the one at `start`, skipping strings and
    comments; None when it does not close within `MAX_LITERAL_CHARS`."""
    depth = 0
    at = start
    quote = ""
    stop = min(len(text), start + MAX_LITERAL_CHARS)
    while at < stop:
        char = text[at]
        if quote:
            if char == "\\":
                at += 2
                continue
            if char == quote:
                quote = ""
        elif char in "'\"`":
            quote = char
        elif (past := _past_comment(text, at)) is not None:
            at = past
            continue
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return at + 1
        at += 1
    return None


def _as_json(literal: str) -> str | None:
    """A JavaScript object literal as JSON text, or None when it holds code (a call, a
    variable, a template with `${…}`)."""
    out: list[str] = []
    plain: list[str] = []
    at = 0

    def flush() -> None:
        segment = "".join(plain)
        segment = _KEY_RE.sub(r'\1"\2":', segment)
        segment = _TRAILING_COMMA_RE.sub(r"\1", segment)
        for word, value in _WORDS.items():
            segment = re.sub(rf"\b{word}\b", value, segment)
        out.append(segment)
        plain.clear()

    while at < len(literal):
        char = literal[at]
        if char in "'\"`":
            end = at + 1
            chars: list[str] = []
            while end < len(literal) and literal[end] != char:
                if literal[end] == "\\" and end + 1 < len(literal):
                    chars.append({"n": "\n", "t": "\t"}.get(literal[end + 1], literal[end + 1]))
                    end += 2
                    continue
                chars.append(literal[end])
                end += 1
            value = "".join(chars)
            if char == "`" and "${" in value:
                return None
            flush()
            out.append(json.dumps(value, ensure_ascii=False))
            at = end + 1
            continue
        if (past := _past_comment(literal, at)) is not None:
            at = past
            continue
        plain.append(char)
        at += 1
    flush()
    # the keys after a string value ("'…', next: …") are quoted above; one left unquoted
    # means the literal holds code
    return "".join(out)


def _literals(script: str) -> list[Any]:
    """Every data literal the script assigns or returns, parsed."""
    found: list[Any] = []
    at = 0
    tries = 0
    while (match := _LITERAL_START_RE.search(script, at)) is not None and tries < MAX_TRIES:
        tries += 1  # a bundle of code has thousands of brackets: the data comes early
        start = match.start(1)
        end = _literal_end(script, start)
        if end is None:
            at = match.end()
            continue
        text = _as_json(script[start:end])
        try:
            found.append(json.loads(text) if text is not None else None)
        except ValueError:
            at = match.end()  # code, not data: look inside it
            continue
        at = end
    return [value for value in found if value is not None]


def _first(obj: dict[str, Any], keys: tuple[str, ...], kind: type | tuple[type, ...]) -> Any:
    lowered = {str(key).casefold(): value for key, value in obj.items()}
    for key in keys:
        value = lowered.get(key.casefold())
        if isinstance(value, kind) and value not in ("", []):
            return value
    return None


def _entries(value: Any) -> int:
    """How many named entries a literal holds, as far down as a plan goes."""
    if isinstance(value, str):
        return 1 if value.strip() else 0
    if isinstance(value, list):
        return sum(_entries(item) for item in value)
    if isinstance(value, dict):
        children = _first(value, CHILD_KEYS, list)
        if children is not None:
            return _entries(children)
        return 1 if _entry_name(value) else 0
    return 0


def _entry_name(entry: dict[str, Any]) -> str | None:
    """What an entry with no children is called: its name, or where it has none, the
    sentence that describes it (a session `{"description": "Review the present tense"}`)."""
    return _first(entry, NAME_KEYS, str) or _first(entry, NOTE_KEYS, str)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _outline(value: Any, depth: int, lines: list[str]) -> None:
    """`value` as Markdown: a named group is a heading while groups nest, else a bullet."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, list):
        for item in value:
            _outline(item, depth, lines)
        return
    indent = "  " * max(0, depth - 2)
    if isinstance(value, str):
        if value.strip():
            lines.append(f"{indent}- {_one_line(value)}")
        return
    if not isinstance(value, dict):
        return
    name = _first(value, NAME_KEYS, str)
    children = _first(value, CHILD_KEYS, list)
    duration = _first(value, DURATION_KEYS, str)
    title = _one_line(name or "")
    if title and duration:
        title = f"{title} ({_one_line(duration)})"
    if children is None:
        if not title and (described := _entry_name(value)):
            title = _one_line(described)
        if title:
            lines.append(f"{indent}- [{_mark(value)}] {title}")
            note = _first(value, NOTE_KEYS, str)
            if note and _one_line(note) != title:
                lines.append(f"{indent}  - {_one_line(note)}")
            resources = _first(value, RESOURCE_KEYS, list) or []
            names = [_one_line(r) for r in resources if isinstance(r, str) and r.strip()]
            if names:
                lines.append(f"{indent}  - Resources:")
                lines.extend(f"{indent}    - {name}" for name in names)
        return
    if title and depth < 2:
        lines.extend(["", f"{'#' * (depth + 2)} {title}", ""])
    elif title:
        lines.append(f"{indent}- {title}")
    note = _first(value, NOTE_KEYS, str)
    if note and depth < 2:
        lines.extend([_one_line(note), ""])
    _outline(children, depth + 1 if title else depth, lines)


def plan_markdown(data: Any) -> str | None:
    """Data that lays out a plan (a title, named groups of entries) as Markdown, or None
    when it holds fewer than `MIN_ENTRIES` entries."""
    if _entries(data) < MIN_ENTRIES:
        return None
    lines: list[str] = []
    if isinstance(data, dict) and (name := _first(data, NAME_KEYS, str)):
        lines.append(f"# {_one_line(name)}")
    if isinstance(data, dict) and not _first(data, CHILD_KEYS, list):
        # front matter: the plan is the list under some key of its own ("topics", "plan")
        data = max((v for v in data.values() if isinstance(v, list)), key=_entries, default=[])
    elif isinstance(data, dict) and _first(data, NAME_KEYS, str):
        data = _first(data, CHILD_KEYS, list) or []
    _outline(data, 0, lines)
    return "\n".join(lines).strip() + "\n" if lines else None


@rule("script-data")
def script_data_markdown(page: str) -> str | None:
    """A page with nothing to read but a plan held as data in a script (a tracker app:
    `sections: [{ title: 'Phase 1 — …', items: ['…'] }]`), or a Markdown file whose front
    matter holds the plan (`topics:` of names, statuses and resources), is read as that
    data: named groups are parts, their entries steps, an entry's done flag or status its
    box, its resources and description its own. No code is run; a literal that holds code
    is skipped. Documents with content of their own never get here."""
    best: Any = None
    for script in _SCRIPT_RE.findall(page):
        for value in _literals(script):
            if _entries(value) >= max(MIN_ENTRIES, _entries(best)):
                best = value
    markdown = plan_markdown(best) if best is not None else None
    if markdown is not None:
        fired("script-data", 1, "item", f"{_entries(best)} entries read from a script")
    return markdown


def _json_data(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# A fenced block that says it holds data: ```json, ```yaml, ```yml.
_DATA_FENCE_RE = re.compile(
    r"^ {0,3}(?P<fence>`{3,}|~{3,})[ \t]*(?P<lang>json|ya?ml)[ \t]*\n(?P<body>.*?)"
    r"^ {0,3}(?P=fence)[`~]*[ \t]*$",
    re.S | re.M | re.I,
)


@rule("data-fence")
def fenced_data_markdown(body: str) -> str | None:
    """A Markdown note with no list, table or heading of its own below its title, whose
    plan is kept as data in a fenced block (```json of session objects, each with its
    description, concepts and status), is read as that data, as a tracker page's script
    is: entries are steps, their status their box. A note that lays out its plan in
    Markdown and shows some data as an example keeps its Markdown; the data is code."""
    best: tuple[int, re.Match[str], Any] | None = None
    for match in _DATA_FENCE_RE.finditer(body):
        json_block = match["lang"].lower() == "json"
        data = _json_data(match["body"]) if json_block else yaml_data(match["body"])
        count = _entries(data)
        if count >= MIN_ENTRIES and (best is None or count > best[0]):
            best = (count, match, data)
    if best is None:
        return None
    count, match, data = best
    markdown = plan_markdown(data)
    if markdown is None:
        return None
    line = body.count("\n", 0, match.start()) + 1
    fired("data-fence", line, "item", f"{count} entries read from a {match['lang']} block")
    return body[: match.start()] + markdown + body[match.end() :]
