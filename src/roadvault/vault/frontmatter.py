"""Note properties (YAML front matter) roadvault owns: emit them, read the owned ones,
replace one key textually. Where a note's front matter ends and how its YAML is loaded is
the dialect's (obsidian/frontmatter.py).

Why textual: PyYAML/python-frontmatter re-dumps sort keys, drop comments and rewrap lines,
and a learner's own properties must stay byte-for-byte. So roadvault never
dumps YAML it did not write: it emits its own keys from one function (`render_property`)
and, in an existing note, swaps one key's lines for new ones (`set_property`), leaving every
other line exactly as it was.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from typing import Any

from roadvault.errors import InputError
from roadvault.obsidian.frontmatter import load_yaml, read_properties, split_front_matter

OWNED_KEYS: tuple[str, ...] = (
    "roadvault_id",
    "roadvault_kind",
    "roadmap",
    "phase",
    "up",
    "duration",
    "planned_days",
    "planned_start",
    "planned_end",
    "tags",
    "aliases",
    "roadvault_status",
)
# Every generated note has these; the others appear where they apply.
REQUIRED_KEYS: tuple[str, ...] = ("roadvault_id", "roadvault_kind", "roadmap", "tags")
LIST_KEYS = frozenset({"tags", "aliases"})
FLOW_LIST_KEYS = frozenset({"planned_days"})
LINK_KEYS = frozenset({"phase", "up"})
# ISO dates written plain (`planned_end: 2026-03-12`), so Obsidian's property view, Dataview
# and Bases read a date and can sort by it (a quoted one is text).
DATE_KEYS = frozenset({"planned_start", "planned_end", "start"})
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

PropertyValue = str | Sequence[str] | Sequence[float] | None

_FENCE = "---"
# Words YAML 1.1 (PyYAML) or 1.2 (Obsidian) read as something other than a string.
_SPECIAL_WORDS = re.compile(
    r"^(?:y|n|yes|no|on|off|true|false|null|~|\.nan|[-+]?\.inf)$", re.IGNORECASE
)
_NUMBER_LIKE = re.compile(
    r"^[-+]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:e[-+]?\d+)?$"
    r"|^0x[0-9a-f_]+$|^0o[0-7_]+$|^0b[01_]+$|^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.\d*)?$",
    re.IGNORECASE,
)
_PLAIN_START_FORBIDDEN = set("-?:,[]{}#&*!|>'\"%@`")


# --- emitting ------------------------------------------------------------------------------


def yaml_string(value: str) -> str:
    """`value` as a YAML scalar that both PyYAML and Obsidian read back as this exact string:
    plain when that is unambiguous, else double-quoted (JSON escaping is valid YAML)."""
    if _is_plain_safe(value):
        return value
    return _double_quoted(value)


# Characters YAML refuses raw (non-printable) or reads as line breaks inside a scalar.
_YAML_ESCAPE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar: JSON's escaping plus YAML's own non-printables."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_ESCAPE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


@functools.lru_cache(maxsize=65536)
def _is_plain_safe(value: str) -> bool:
    if not value or value != value.strip() or "\n" in value or "\r" in value:
        return False
    if value[0] in _PLAIN_START_FORBIDDEN or value.endswith(":"):
        return False
    if ": " in value or " #" in value or "\t" in value:
        return False
    if _SPECIAL_WORDS.match(value) or _NUMBER_LIKE.match(value):
        return False
    if any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in value):
        return False
    try:
        loaded = load_yaml(f"k: {value}\n")
    except InputError:
        return False
    return isinstance(loaded, dict) and loaded.get("k") == value


def yaml_link(target: str) -> str:
    """A wikilink property value: always quoted, or YAML reads `[[x]]` as a nested list."""
    return _double_quoted(target)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def render_property(key: str, value: PropertyValue) -> str:
    """The lines (LF-terminated) of one property; "" when there is nothing to say."""
    if value is None:
        return ""
    if key in FLOW_LIST_KEYS:
        numbers = ", ".join(_number(float(item)) for item in value)  # type: ignore[union-attr,arg-type]
        return f"{key}: [{numbers}]\n"
    if key in LIST_KEYS:
        items = [str(item) for item in value]  # type: ignore[union-attr]
        if not items:
            return ""
        return f"{key}:\n" + "".join(f"  - {yaml_string(item)}\n" for item in items)
    if not isinstance(value, str):
        raise TypeError(f"property {key!r} wants a string, got {type(value).__name__}")
    if key in LINK_KEYS:
        return f"{key}: {yaml_link(value)}\n"
    if key in DATE_KEYS and _ISO_DATE.match(value):
        return f"{key}: {value}\n"
    return f"{key}: {yaml_string(value)}\n"


def render_front_matter(properties: dict[str, PropertyValue]) -> str:
    """The whole front matter block (`---` … `---`) for owned properties, in OWNED_KEYS
    order; keys whose value is None or empty are left out."""
    unknown = set(properties) - set(OWNED_KEYS)
    if unknown:
        raise ValueError(f"not an owned property: {sorted(unknown)}")
    body = "".join(render_property(key, properties.get(key)) for key in OWNED_KEYS)
    return f"{_FENCE}\n{body}{_FENCE}\n"


# --- reading -------------------------------------------------------------------------------


def read_owned_properties(text: str) -> dict[str, Any]:
    """The owned keys' values from a note's front matter (see `read_properties`)."""
    return {key: value for key, value in read_properties(text).items() if key in OWNED_KEYS}


# --- replacing one key, textually ----------------------------------------------------------

_KEY_LINE = re.compile(r"""^(?:"([^"]*)"|'([^']*)'|([^\s#'"][^:]*?))\s*:(?:\s|$)""")


def _key_of(line: str) -> str | None:
    """The top-level key a line starts, if any (indented lines and comments start none)."""
    if not line or line[0] in " \t#-\n\r":
        return None
    match = _KEY_LINE.match(line)
    if not match:
        return None
    return next(group for group in match.groups() if group is not None)


def _continues(line: str) -> bool:
    """Whether `line` belongs to the value above it: indented, or a zero-indent list item."""
    return line[:1] in (" ", "\t") or line.startswith("- ") or line.rstrip("\r\n") == "-"


def _key_span(lines: list[str], key: str) -> tuple[int, int] | None:
    """[start, stop) of `key`'s lines among the YAML lines, or None when absent."""
    for start, line in enumerate(lines):
        if _key_of(line) != key:
            continue
        stop = start + 1
        while stop < len(lines):
            if _continues(lines[stop]):
                stop += 1
            elif lines[stop].strip() == "":
                # A blank line belongs to the value only when the value goes on after it.
                ahead = stop
                while ahead < len(lines) and lines[ahead].strip() == "":
                    ahead += 1
                if ahead < len(lines) and lines[ahead][:1] in (" ", "\t"):
                    stop = ahead
                else:
                    break
            else:
                break
        return start, stop
    return None


def set_property(text: str, key: str, value: PropertyValue) -> str:
    """`text` with property `key` set to `value` (None removes it), touching only that
    key's lines. A missing key is added after the owned keys that precede it in
    OWNED_KEYS order (or at the end of the front matter); a note without front matter gets
    one. Line ends of the front matter are kept as they are (CRLF notes stay CRLF)."""
    return set_property_lines(text, key, render_property(key, value))


def set_property_lines(text: str, key: str, new_lines: str) -> str:
    """Like `set_property` with the key's lines already rendered ("" removes the key)."""
    head, body = split_front_matter(text)
    if not head:
        if not new_lines:
            return text
        return f"{_FENCE}\n{new_lines}{_FENCE}\n{body}"
    all_lines = head.splitlines(keepends=True)
    newline = "\r\n" if all_lines[0].endswith("\r\n") else "\n"
    if newline != "\n":
        new_lines = new_lines.replace("\n", newline)
    opening, yaml_lines, closing = all_lines[0], all_lines[1:-1], all_lines[-1]
    span = _key_span(yaml_lines, key)
    if span is not None:
        start, stop = span
        yaml_lines[start:stop] = [new_lines] if new_lines else []
    elif new_lines:
        yaml_lines.insert(_insert_position(yaml_lines, key), new_lines)
    return opening + "".join(yaml_lines) + closing + body


def _insert_position(lines: list[str], key: str) -> int:
    """Just after the last line of the nearest owned key that comes before `key`."""
    if key in OWNED_KEYS:
        earlier = OWNED_KEYS[: OWNED_KEYS.index(key)]
        for previous in reversed(earlier):
            span = _key_span(lines, previous)
            if span is not None:
                return span[1]
    # Otherwise at the end, but before trailing blank lines or comments of the block.
    position = len(lines)
    while position > 0 and lines[position - 1].strip() == "":
        position -= 1
    return position
