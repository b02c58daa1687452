"""Safe, readable, unique file names for generated notes and folders (pure).

A note's file name is its name in Obsidian links, so it must survive every platform a vault
is synced to (Windows, macOS, Linux, Android) *and* Obsidian's link syntax, while staying
readable: Unicode letters are kept (NFC), only the characters that break something are
dropped or replaced. The title itself lives on in the note's H1 and `aliases`.

Uniqueness is case-insensitive (casefold of the NFC form) across the whole vault, because
Obsidian links by bare name and Windows/macOS volumes ignore case.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from pathvalidate import is_valid_filename

from roadvault.parse.titles import without_numbering
from roadvault.vaultformat import is_device_name as _is_reserved

MAX_NAME_CHARS = 100  # whole file name, extension included (docs/FORMAT.md §1: kept short)
MAX_FOLDER_CHARS = 64  # folders nest: roadmap/phase/note must stay well under MAX_PATH
MAX_NAME_BYTES = 255  # per path component on every common file system
MAX_QUALIFIER_CHARS = 40  # the "(Parent)" part of a disambiguated name
FALLBACK_NAME = "Untitled"

# Characters replaced by something readable; everything else unsafe is dropped.
_SHARP_AFTER_LETTER = re.compile(r"(?<=[^\W\d_])#")  # C#, F# → C-sharp, F-sharp
_COLON_SPACED = re.compile(r"\s*:\s+")  # "Step 1: Basics" → "Step 1 - Basics"
_REPLACE = str.maketrans(
    {
        ":": "-",
        "/": "-",
        "\\": "-",
        "|": "-",
        "[": "(",
        "]": ")",
        '"': "'",
        "\t": " ",
        "\n": " ",
        "\r": " ",
    }
)
_DROP = frozenset("#^%*?<>")
# Unicode categories that are invisible, unassigned, private or emoji-like symbols; the
# emoji are dropped because some Android file systems refuse them (docs/FORMAT.md §1).
_DROP_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "So", "Sk"})
_SPACES = re.compile(r"\s+")
_LEADING_JUNK = re.compile(r"^[\s.\-_~]+")
_TRAILING_JUNK = re.compile(r"[\s.]+$")
_DASH_RUN = re.compile(r"(?:\s*-\s*){2,}")  # "a - - b" → "a - b"
_DOT_RUN = re.compile(r"\.{2,}")  # "a..b" → "a.b": some Android devices dislike dot runs


def name_key(name: str) -> str:
    """The key two names collide on: NFC, then casefold (Obsidian, Windows and macOS)."""
    return unicodedata.normalize("NFC", name).casefold()


def _is_variation_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def _drop_unsafe(text: str) -> str:
    kept: list[str] = []
    for char in text:
        if char in _DROP or _is_variation_selector(char):
            continue
        category = unicodedata.category(char)
        if category in ("Zl", "Zp", "Zs"):
            kept.append(" ")
        elif category not in _DROP_CATEGORIES:
            # A combining mark whose base was dropped (or at the start) would be orphaned.
            if unicodedata.combining(char) and (not kept or kept[-1] == " "):
                continue
            kept.append(char)
    return "".join(kept)


def clean_title(title: str) -> str:
    """`title` with every character that is unsafe in a file name or link removed or
    replaced; may be empty (the caller supplies a fallback)."""
    # the author's number ("1.1 Variables") is the note's title, not its name: names were
    # made without it, and a phase folder carries the vault's own number
    text = unicodedata.normalize("NFC", without_numbering(title))
    text = _SHARP_AFTER_LETTER.sub("-sharp", text)
    text = _COLON_SPACED.sub(" - ", text)
    text = text.translate(_REPLACE)
    text = _drop_unsafe(text)
    text = _DOT_RUN.sub(".", text)
    text = _DASH_RUN.sub(lambda m: " - " if " " in m.group(0) else "-", text)
    text = _SPACES.sub(" ", text)
    text = _LEADING_JUNK.sub("", text)
    text = _TRAILING_JUNK.sub("", text)
    # Re-normalise: dropping a character can leave a combining mark that now composes.
    return unicodedata.normalize("NFC", text)


def _fits(name: str, max_chars: int) -> bool:
    return len(name) <= max_chars and len(name.encode("utf-8")) <= MAX_NAME_BYTES


def _trim(stem: str, room_chars: int, room_bytes: int = MAX_NAME_BYTES) -> str:
    """Cut `stem` to at most `room_chars` characters and `room_bytes` UTF-8 bytes, then
    tidy the cut end (no trailing space, dot or dangling dash)."""
    stem = stem[: max(room_chars, 0)]
    while len(stem.encode("utf-8")) > room_bytes:
        stem = stem[:-1]
    # A cut may separate a base letter from its combining mark: drop the orphan.
    while stem and unicodedata.combining(stem[-1]):
        stem = stem[:-1]
    return re.sub(r"[\s.\-]+$", "", stem)


@functools.lru_cache(maxsize=65536)
def is_safe_name(name: str, *, max_chars: int = MAX_NAME_CHARS) -> bool:
    """Whether `name` (a whole file or folder name) is one roadvault would write.
    (Memoised: a build asks about each name several times, and pathvalidate is slow.)"""
    if not name or not _fits(name, max_chars):
        return False
    if name != unicodedata.normalize("NFC", name) or name != name.strip():
        return False
    if name.startswith(".") or name.endswith(".") or _is_reserved(name):
        return False
    if any(char in _DROP or char in '/\\:|[]"' for char in name):
        return False
    if any(unicodedata.category(char) in _DROP_CATEGORIES for char in name):
        return False
    return is_valid_filename(name, platform="universal")


def safe_name(
    title: str,
    *,
    ext: str = "",
    suffix: str = "",
    max_chars: int = MAX_NAME_CHARS,
    fallback: str = FALLBACK_NAME,
) -> str:
    """A safe file name for `title`: cleaned stem + `suffix` + `ext` (like ".md"),
    within `max_chars` characters and 255 bytes, never empty, never reserved."""
    stem = clean_title(title) or fallback
    room = max_chars - len(suffix) - len(ext)
    room_bytes = MAX_NAME_BYTES - len(f"{suffix}{ext}".encode())
    stem = _trim(stem, room, room_bytes) or fallback[: max(room, 1)]
    if _is_reserved(stem + suffix):
        # "CON" → "CON_", "nul.txt" → "nul_.txt": the device name is the part before a dot.
        head, dot, rest = _trim(stem, room - 1, room_bytes - 1).partition(".")
        stem = f"{head.rstrip()}_{dot}{rest}"
    name = f"{stem}{suffix}{ext}"
    if not is_safe_name(name, max_chars=max_chars):
        # Belt and braces: whatever slipped through, the fallback is always safe.
        name = f"{fallback}{suffix}{ext}"
    return name


class NameRegistry:
    """Hands out names that are unique (case-insensitively) among everything registered.

    Not thread-safe and not pure in the strict sense (it remembers what it gave out), but
    it touches no disk: the caller lists the vault and passes the names in.
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken: set[str] = {name_key(name) for name in taken}
        # (base, ext, max_chars) -> the number to try first: every number below it is
        # taken already (names are never released), so claims stay linear, not quadratic.
        self._next_number: dict[tuple[str, str, int], int] = {}

    def is_free(self, name: str) -> bool:
        return name_key(name) not in self._taken

    def reserve(self, name: str) -> None:
        """Mark `name` as used (a file that exists, or a name kept from a previous build)."""
        self._taken.add(name_key(name))

    def claim(
        self,
        title: str,
        *,
        ext: str = "",
        qualifier: str | None = None,
        max_chars: int = MAX_NAME_CHARS,
    ) -> str:
        """The first free name among `Title`, `Title (Qualifier)`, `Title (Qualifier) 2`, …
        (or `Title 2`, … without a qualifier); reserved before it is returned."""
        candidates = [safe_name(title, ext=ext, max_chars=max_chars)]
        base_title = title
        if qualifier is not None:
            short = _trim(clean_title(qualifier), MAX_QUALIFIER_CHARS, 4 * MAX_QUALIFIER_CHARS)
            if short:
                qualified = safe_name(title, ext=ext, suffix=f" ({short})", max_chars=max_chars)
                candidates.append(qualified)
                base_title = qualified[: len(qualified) - len(ext)] if ext else qualified
        for name in candidates:
            if self.is_free(name):
                self.reserve(name)
                return name
        key = (base_title, ext, max_chars)
        number = self._next_number.get(key, 2)
        while True:
            name = safe_name(base_title, ext=ext, suffix=f" {number}", max_chars=max_chars)
            number += 1
            if self.is_free(name):
                self.reserve(name)
                self._next_number[key] = number
                return name


def unique_slug(slug: str, taken: Iterable[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, … — the first one not in `taken`."""
    used = set(taken)
    if slug not in used:
        return slug
    number = 2
    while f"{slug}-{number}" in used:
        number += 1
    return f"{slug}-{number}"
