"""Front matter (YAML `---` or TOML `+++`) at the top of a roadmap: never items; its `title`
may name the roadmap.

Pure. YAML is read with the safe loader only (no `!!python/object`), with caps on size and
aliases so a "billion laughs" document cannot blow up memory. Broken front matter is a warning,
not a refusal: a checklist under a broken header is still a roadmap.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from roadvault.obsidian.frontmatter import MAX_FRONT_MATTER_CHARS
from roadvault.obsidian.frontmatter import CappedSafeLoader as _CappedSafeLoader

logger = logging.getLogger(__name__)

_YAML_RE = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*?\n)??)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TOML_RE = re.compile(r"\A\+\+\+[ \t]*\n(?P<body>(?:.*?\n)??)\+\+\+[ \t]*(?:\n|\Z)", re.S)
# The first meaningful line of real front matter looks like `key: value` (or `key = value`).
_YAML_KEY_RE = re.compile(r"^\s*[\"']?[\w][\w .\"'-]*[\"']?\s*:(?:\s.*|)$")
_TOML_KEY_RE = re.compile(r"^\s*(?:[\w.\"'-]+\s*=.*|\[.*\])$")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    title: str | None  # the `title` key when it is text
    body: str  # the document with the front matter lines blanked (line numbers unchanged)
    outline: bool = False  # `roadvault: outline`: roadvault's own checklist form
    board: bool = False  # `kanban-plugin: board`: a board of Obsidian's Kanban plugin


def _first_meaningful(body: str) -> str | None:
    """The first line that is neither blank nor a comment."""
    for line in body.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            return line
    return None


def _load_yaml(body: str) -> Any:
    loader = _CappedSafeLoader(body)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def yaml_data(text: str) -> Any:
    """The data of a YAML text, or None when it does not load or is too large."""
    if len(text) > MAX_FRONT_MATTER_CHARS:
        return None
    try:
        return _load_yaml(text)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None


def front_data(block: str) -> Any:
    """The data of a YAML front matter block (delimiters included), or None when it is not
    one, is too large, or does not load. Capped like the rest (no aliases bombs)."""
    match = _YAML_RE.match(block)
    return None if match is None else yaml_data(match["body"] or "")


def _title_of(data: Any) -> str | None:
    if not isinstance(data, dict):
        return None
    title = data.get("title")
    if isinstance(title, bool) or title is None:
        return None
    if isinstance(title, str | int | float):
        text = " ".join(str(title).split())
        return text or None
    return None


def _json_object(line: str, kind: str) -> bool:
    """`{"dg-publish":true,"tags":[…]}`: front matter written as one JSON object (YAML's
    flow form), as Obsidian's Digital Garden plugin writes it."""
    return kind == "YAML" and line.lstrip().startswith("{") and line.rstrip().endswith("}")


def _problem_line(exc: Exception) -> int | None:
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        return int(mark.line) + 2  # +1 for 1-based, +1 for the opening `---`
    return None


def split_front_matter(text: str, *, source: str) -> FrontMatter:
    """Separate front matter from the document; warn (and ignore it) when it is broken."""
    for pattern, key_re, kind in (
        (_YAML_RE, _YAML_KEY_RE, "YAML"),
        (_TOML_RE, _TOML_KEY_RE, "TOML"),
    ):
        match = pattern.match(text)
        if not match:
            continue
        body = match["body"] or ""
        first = _first_meaningful(body)
        if first is not None and not key_re.match(first) and not _json_object(first, kind):
            # `---` … `---` around ordinary Markdown: horizontal rules, not front matter.
            return FrontMatter(title=None, body=text)
        blanked = "\n" * match.group(0).count("\n") + text[match.end() :]
        if len(body) > MAX_FRONT_MATTER_CHARS:
            logger.warning(
                "%s:1: front matter is over %d KB; ignored",
                source,
                MAX_FRONT_MATTER_CHARS // 1024,
            )
            return FrontMatter(title=None, body=blanked)
        try:
            data = _load_yaml(body) if kind == "YAML" else tomllib.loads(body)
        except (yaml.YAMLError, tomllib.TOMLDecodeError, ValueError, RecursionError) as exc:
            line = _problem_line(exc)
            where = f"{source}:{line}" if line else f"{source}:1"
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            logger.warning("%s: broken %s front matter ignored (%s)", where, kind, reason)
            return FrontMatter(title=None, body=blanked)
        outline = isinstance(data, dict) and data.get("roadvault") == "outline"
        board = isinstance(data, dict) and bool(data.get("kanban-plugin"))
        return FrontMatter(title=_title_of(data), body=blanked, outline=outline, board=board)
    lines = text.split("\n", 2)
    if len(lines) > 1 and lines[0].rstrip() == "---" and _YAML_KEY_RE.match(lines[1]):
        logger.warning("%s:1: front matter is not closed by a `---` line; read as text", source)
    return FrontMatter(title=None, body=text)
