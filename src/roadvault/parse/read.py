"""Bytes → clean text: the encodings, line ends and mojibake roadmaps arrive with.

`decode_roadmap` is pure (bytes in, text out); `read_roadmap_bytes` is the small I/O edge that
reads a file or stdin under a size limit. Every refusal is an `InputError` naming the source.
"""

from __future__ import annotations

import codecs
import logging
import re
import sys
import unicodedata
from pathlib import Path

import ftfy

from roadvault.errors import InputError
from roadvault.fsio import read_bytes

logger = logging.getLogger(__name__)

MAX_ROADMAP_BYTES = 5_000_000  # real roadmaps are KBs; dense inline markup costs ~90x in memory
STDIN_NAME = "-"

# File signatures of things people drop on a command by mistake.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.epub)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"\x1f\x8b", "a gzip-compressed file"),
    (b"BZh", "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"RIFF", "a RIFF media file"),
    (b"OggS", "an Ogg media file"),
    (b"ID3", "an MP3 file"),
    (b"\x00\x00\x01\x00", "an icon file"),
    (b"wOFF", "a web font"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that have no business in a roadmap (tab and newline stay).
_CONTROLS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_MOJIBAKE_HINT_RE = re.compile(r"[\x80-\x9f\xc0-\xff]")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refuse_binary(data: bytes, source: str) -> None:
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"is {what}, not a Markdown roadmap", path=source)
    head = data[:8192]
    if b"\x00" in head:
        raise InputError(
            "looks like a binary file (it contains NUL bytes), not a Markdown roadmap",
            path=source,
        )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: every other byte of ASCII text is NUL."""
    head = data[:4096]
    if len(head) < 4:
        return None
    even_nuls = head[0::2].count(0) / len(head[0::2])
    odd_nuls = head[1::2].count(0) / len(head[1::2])
    encoding = None
    if odd_nuls > 0.4 and even_nuls < 0.05:
        encoding = "utf-16-le"
    elif even_nuls > 0.4 and odd_nuls < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible_cp1252(text: str) -> bool:
    """Windows-1252 decodes almost any bytes; accept it only when the result reads as text."""
    if _CONTROLS_RE.search(text.rstrip("\x1a")):
        return False
    non_ascii = sum(1 for char in text if ord(char) > 127)
    return non_ascii <= max(8, len(text) // 5)


def _decode_bytes(data: bytes, source: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"starts with a {encoding.upper()} byte-order mark but is not valid "
                    f"{encoding.upper()} (at byte {exc.start + len(bom)})",
                    path=source,
                ) from exc
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    _refuse_binary(data, source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad_line = _line_of(data, exc.start)
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = None
        if text is None or not _plausible_cp1252(text):
            raise InputError(
                f"is not valid UTF-8 (byte 0x{data[exc.start]:02x}) nor readable as "
                "Windows-1252 text; save it as UTF-8",
                path=source,
                line=bad_line,
            ) from exc
        logger.warning(
            "%s:%d: not valid UTF-8; read as Windows-1252 (save it as UTF-8 to be sure)",
            source,
            bad_line,
        )
        return text


def decode_roadmap(data: bytes, *, source: str) -> str:
    """Clean text from the bytes of a roadmap: BOM or not, UTF-8/UTF-16/UTF-32, CRLF/CR line
    ends, a Windows-1252 fallback, mojibake repaired (typographic quotes and correct accents
    kept as they are), control characters removed. Binary files are refused (InputError)."""
    text = _decode_bytes(data, source)
    if _MOJIBAKE_HINT_RE.search(text):
        # UTF-8 read as Windows-1252/Latin-1 always leaves one of these; ftfy on clean ASCII
        # text would be wasted time.
        text = ftfy.fix_text(
            text,
            uncurl_quotes=False,
            unescape_html=False,
            fix_character_width=False,
            fix_line_breaks=False,
            normalization="NFC",
        )
    return clean_text(text)


def clean_text(text: str) -> str:
    """LF line ends, no control characters (NUL, escape codes…), NFC-normalised."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", _CONTROLS_RE.sub("", text))


# Real roadmap lines are short (the longest seen: ~3,000 characters, a badge row) and real
# tables narrow. Parsing costs ~8 µs a character of dense inline markup and more per table
# cell, so a megabyte line or a 2,000-column table would take minutes: the excess is cut,
# with a warning naming the line, and the rest is read as usual.
MAX_LINE_CHARS = 10_000
MAX_TABLE_CELLS = 64
_CELL_PIPE_RE = re.compile(r"(?<!\\)\|")


def cap_overlong_lines(text: str, *, source: str) -> str:
    """Cut lines over `MAX_LINE_CHARS` and table rows over `MAX_TABLE_CELLS` cells (the same
    cut for every row, so a table stays a table); one warning per kind names the first line."""
    if len(text) <= MAX_LINE_CHARS and text.count("|") <= MAX_TABLE_CELLS:
        return text
    lines = text.split("\n")
    wide: list[int] = []
    long: list[int] = []
    for number, line in enumerate(lines, 1):
        cut = line
        if cut.count("|") > MAX_TABLE_CELLS:
            pipes = [m.start() for m in _CELL_PIPE_RE.finditer(cut)]
            # A row with outer pipes opens with one: its 64th cell ends at the 65th pipe.
            last = MAX_TABLE_CELLS if cut.lstrip().startswith("|") else MAX_TABLE_CELLS - 1
            if len(pipes) > last + 1:
                cut = cut[: pipes[last] + 1]
                wide.append(number)
        if len(cut) > MAX_LINE_CHARS:
            cut = cut[:MAX_LINE_CHARS]
            long.append(number)
        lines[number - 1] = cut
    if wide:
        logger.warning(
            "%s:%d: %s over %d cells; only the first %d cells are read",
            source, wide[0], _rows(len(wide), "table row"), MAX_TABLE_CELLS, MAX_TABLE_CELLS,
        )  # fmt: skip
    if long:
        logger.warning(
            "%s:%d: %s over %s characters; only the first %s characters are read",
            source, long[0], _rows(len(long), "line"), f"{MAX_LINE_CHARS:,}", f"{MAX_LINE_CHARS:,}",
        )  # fmt: skip
    return "\n".join(lines)


def _rows(count: int, what: str) -> str:
    return f"{what} is" if count == 1 else f"{count:,} {what}s are"


def read_roadmap_bytes(path: str | Path) -> tuple[bytes, str]:
    """The bytes of a roadmap file, or of stdin for "-", and the name to show for it."""
    if str(path) == STDIN_NAME:
        stream = sys.stdin.buffer
        data = stream.read(MAX_ROADMAP_BYTES + 1)
        if len(data) > MAX_ROADMAP_BYTES:
            raise InputError(
                f"is over the {MAX_ROADMAP_BYTES / 1e6:.0f} MB limit for a roadmap",
                path="<stdin>",
            )
        return data, "<stdin>"
    return read_bytes(Path(path), limit=MAX_ROADMAP_BYTES, what="roadmap"), str(path)
