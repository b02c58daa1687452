"""A note's front matter: where it ends, and the one YAML loader for it.

One closing rule for every reader: the note opens with a line `---`, and the block closes at
the next line of three or more dashes (indented less than 4 columns) or `...`, trailing
spaces and tabs allowed. An opening line that never closes is not front matter. This is the
rule of the task scanner (it agrees with markdown-it's front matter plugin), so a note whose
block ends with `----` has the same properties for progress, merge, doctor and moved-note
recovery.

One loader: YAML's safe loader only (no `!!python/object`), with caps (a size cap, and a cap
on aliases so a "billion laughs" block stays small) that the roadmap reader uses too. libyaml
reads a block that cannot hold an alias (no `*`); the capped pure-Python loader the rest.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from roadvault.errors import InputError

__all__ = [
    "front_matter_span",
    "front_matter_yaml",
    "load_yaml",
    "read_properties",
    "split_front_matter",
]

MAX_FRONT_MATTER_CHARS = 64 * 1024
MAX_YAML_ALIASES = 64


class CappedSafeLoader(yaml.SafeLoader):
    """The safe loader with a cap on aliases (each alias can multiply what a reader walks).
    The roadmap reader's loader too (parse/front.py): it lives here, where a note's
    properties are read, so reading them does not import the roadmap parser."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_YAML_ALIASES:
                raise yaml.YAMLError(f"more than {MAX_YAML_ALIASES} aliases")
        return super().compose_node(parent, index)


try:  # libyaml is ~10x faster; PyYAML without it still works
    _FastLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _FastLoader = yaml.SafeLoader

# Line ends may be CRLF here: the textual editors keep a note's own line ends.
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:[^\n]*\n)*?(?: {0,3}-{3,}|\.\.\.)[ \t]*\r?(?:\n|\Z)")


def _block(text: str) -> str:
    """The front matter block at the top of `text` (both fences, its final line end), or ""."""
    if not text.startswith("---"):
        return ""
    found = _FRONT_MATTER.match(text)
    return found.group(0) if found else ""


def front_matter_span(text: str) -> int:
    """The number of lines the front matter takes at the top of `text` (0 if none)."""
    block = _block(text)
    if not block:
        return 0
    return block.count("\n") + (0 if block.endswith("\n") else 1)


def split_front_matter(text: str) -> tuple[str, str]:
    """(`head`, `body`) with `head + body == text`: `head` is the front matter block with
    both fence lines and the final line end, or "" when the note has none."""
    block = _block(text)
    return block, text[len(block) :]


def front_matter_yaml(text: str) -> str:
    """The YAML between the fences (its own line ends), "" without front matter."""
    head = _block(text)
    if not head:
        return ""
    return "".join(head.splitlines(keepends=True)[1:-1])


def load_yaml(source: str) -> Any:
    """The YAML document `source`, loaded safely within the caps.

    Raises InputError (with the 1-based line of the note when known, counting the opening
    fence) when it is too large or not valid YAML.
    """
    if len(source) > MAX_FRONT_MATTER_CHARS:
        raise InputError(f"front matter is over {MAX_FRONT_MATTER_CHARS // 1024} KB", line=1)
    loader = _FastLoader(source) if "*" not in source else CappedSafeLoader(source)
    try:
        return loader.get_single_data()
    except (yaml.YAMLError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None  # +1 fence, +1 for 1-based
        raise InputError(
            f"front matter is not valid YAML ({exc.__class__.__name__})", line=line
        ) from exc
    finally:
        loader.dispose()


def read_properties(text: str) -> dict[str, Any]:
    """Every property of a note (its front matter loaded by `load_yaml`); {} without one.

    Raises InputError when the front matter is not valid YAML or not a mapping.
    """
    source = front_matter_yaml(text)
    if not source:
        return {}
    data = load_yaml(source)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("front matter is not a set of properties", line=1)
    return data
