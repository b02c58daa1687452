"""`roadvault today DIR --daily-note`: the day's portion written into today's daily note,
between two marker lines roadvault owns — every other line of the note stays the learner's.

Off by default. Where today's note is: Obsidian's Daily notes settings,
`.obsidian/daily-notes.json` (`folder`, `format` in moment.js tokens; Obsidian's defaults
when a key is missing: the vault root, `YYYY-MM-DD`). Only a note that exists is written:
creating it would stop Obsidian from applying the learner's daily-note template.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

from roadvault.errors import InputError, VaultError
from roadvault.fsio import edit_note, read_regular, vault_path
from roadvault.vaultformat import CONFIG_DIR

SETTINGS = f"{CONFIG_DIR}/daily-notes.json"
BEGIN = "%% roadvault: today %%"
END = "%% roadvault: end %%"
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_TOKEN = re.compile(r"\[[^\]]*\]|YYYY|YY|MMMM|MMM|MM|M|Do|DD|D|dddd|ddd|.", re.DOTALL)


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def moment_format(pattern: str, day: date) -> str:
    """`day` in the moment.js date tokens Obsidian's daily notes use (pure). Letters that
    are no supported token are refused rather than guessed (a wrong file name would be
    another note)."""
    tokens = {
        "YYYY": f"{day.year:04d}",
        "YY": f"{day.year % 100:02d}",
        "MMMM": _MONTHS[day.month - 1],
        "MMM": _MONTHS[day.month - 1][:3],
        "MM": f"{day.month:02d}",
        "M": str(day.month),
        "Do": _ordinal(day.day),
        "DD": f"{day.day:02d}",
        "D": str(day.day),
        "dddd": _DAYS[day.weekday()],
        "ddd": _DAYS[day.weekday()][:3],
    }
    out = []
    for token in _TOKEN.findall(pattern):
        if token.startswith("[") and token.endswith("]"):
            out.append(token[1:-1])
        elif token in tokens:
            out.append(tokens[token])
        elif token.isalpha():
            raise InputError(f"the daily note format {pattern!r} uses {token!r}, not supported")
        else:
            out.append(token)
    return "".join(out)


def daily_note_relpath(vault: Path, day: date) -> str:
    try:
        data = json.loads(read_regular(vault_path(vault, SETTINGS), what="settings file"))
    except FileNotFoundError as exc:
        raise VaultError(
            "no daily notes settings (.obsidian/daily-notes.json)",
            path=vault,
            hint="turn on Obsidian's Daily notes plugin and set its folder",
        ) from exc
    except ValueError as exc:
        raise VaultError(f"{SETTINGS} is not valid JSON", path=vault) from exc
    if not isinstance(data, dict):
        raise VaultError(f"{SETTINGS} is not a JSON object", path=vault)
    folder = str(data.get("folder") or "").strip("/")
    name = moment_format(str(data.get("format") or "YYYY-MM-DD"), day)
    relpath = f"{folder}/{name}.md" if folder else f"{name}.md"
    if ".." in relpath.split("/") or relpath.startswith("/"):
        raise VaultError(f"{SETTINGS} names a note outside the vault", path=vault)
    return relpath


def with_block(text: str, lines: list[str]) -> str:
    """`text` with roadvault's block set to `lines` (added at the end when absent)."""
    block = [BEGIN, *lines, END]
    rows = text.split("\n")
    begin = next((n for n, row in enumerate(rows) if row.strip() == BEGIN), None)
    end = None
    if begin is not None:
        end = next((n for n in range(begin + 1, len(rows)) if rows[n].strip() == END), None)
    if begin is None or end is None:
        body = text.rstrip("\n")
        return (body + "\n\n" if body else "") + "\n".join(block) + "\n"
    return "\n".join([*rows[:begin], *block, *rows[end + 1 :]])


def write_daily_note(vault: Path, day: date, lines: list[str]) -> str:
    """Put `lines` into the daily note of `day`; returns its relpath. VaultError when the
    note does not exist (see the module docstring). It is changed as every note edited in
    place is (`fsio.edit_note`): a save of the learner's made meanwhile is kept."""
    relpath = daily_note_relpath(vault, day)
    try:
        edit_note(vault, relpath, lambda text: with_block(text, lines))
    except FileNotFoundError as exc:
        raise VaultError(
            "today's daily note does not exist yet",
            path=vault / relpath,
            hint="open today's daily note in Obsidian once, then run this again",
        ) from exc
    return relpath
