"""Bytes → clean text: encodings, line ends, mojibake, and what is refused."""

from __future__ import annotations

import codecs

import pytest

from roadvault.errors import InputError
from roadvault.parse import decode_roadmap

TEXT = "# Plan\n- [ ] Café “quotes” — ok\n"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no BOM, every other byte NUL
        TEXT.replace("\n", "\r\n").encode("utf-8"),
        TEXT.replace("\n", "\r").encode("utf-8"),
        TEXT.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le", "crlf", "cr", "cp1252"],
)
def test_encodings_and_line_ends_give_the_same_text(data: bytes) -> None:
    assert decode_roadmap(data, source="r.md") == TEXT


def test_mojibake_is_repaired_and_typographic_quotes_kept() -> None:
    good = "- [ ] Bayes’ theorem, ‘naïve’ café\n"
    broken = good.encode("utf-8").decode("cp1252").encode("utf-8")
    assert "â€™" in broken.decode("utf-8")
    assert decode_roadmap(broken, source="r.md") == good


def test_correct_accents_survive_unchanged() -> None:
    text = "- [ ] Crème brûlée, naïve Zoë, São Paulo, Ærø\n"
    assert decode_roadmap(text.encode("utf-8"), source="r.md") == text


def test_control_characters_are_removed() -> None:
    assert decode_roadmap(b"- [ ] a\x1b[31mb\x07c\n", source="r.md") == "- [ ] a[31mbc\n"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
        (b"\x7fELF\x02\x01", "program"),
        (b"abc\x00\x01\x02\x03\xff\xfe\x00\x10", "binary"),
    ],
)
def test_binary_files_are_refused_by_name(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        decode_roadmap(data, source="pic.md")
    assert fragment in str(info.value)
    assert str(info.value).startswith("pic.md: ")


def test_invalid_utf8_that_is_not_windows_1252_text_is_refused_with_its_line() -> None:
    with pytest.raises(InputError) as info:
        decode_roadmap(b"- [ ] ok\n- [ ] \x81\x8d\x90 bad\n", source="bad.md")
    assert str(info.value).startswith("bad.md:2: ")
    assert "UTF-8" in str(info.value)


def test_windows_1252_fallback_warns(caplog: pytest.LogCaptureFixture) -> None:
    assert decode_roadmap("- [ ] café\n".encode("cp1252"), source="w.md") == "- [ ] café\n"
    assert "w.md:1" in caplog.text and "Windows-1252" in caplog.text
