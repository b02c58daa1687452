"""`today --daily-note`: the list goes between roadvault's markers in today's daily note
(found through Obsidian's Daily notes settings); the learner's lines stay."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from progress_vaults import make_vault, private_cache  # noqa: F401

import roadvault.cli.today_cmd
import roadvault.progress.vault_scan
from roadvault.cli import cli
from roadvault.errors import InputError
from roadvault.progress.daily_note import BEGIN, END, moment_format, with_block

NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


def test_moment_formats() -> None:
    day = date(2026, 3, 1)
    assert moment_format("YYYY-MM-DD", day) == "2026-03-01"
    assert moment_format("dddd, MMMM Do YYYY", day) == "Sunday, March 1st 2026"
    assert moment_format("YY/M/D [week] ddd MMM", day) == "26/3/1 week Sun Mar"
    with pytest.raises(InputError):
        moment_format("YYYY-[W]ww", day)


def test_with_block_keeps_the_learners_lines() -> None:
    assert with_block("# Today\nmine\n", ["- a"]) == f"# Today\nmine\n\n{BEGIN}\n- a\n{END}\n"
    text = f"# Today\n{BEGIN}\n- old\n{END}\nafter\n"
    assert with_block(text, ["- new"]) == f"# Today\n{BEGIN}\n- new\n{END}\nafter\n"


def test_today_daily_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roadvault.progress.vault_scan, "utc_now", lambda: NOW)
    monkeypatch.setattr(roadvault.cli.today_cmd, "utc_now", lambda: NOW)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # 14 March 23:00 there
    vault = make_vault(tmp_path / "v")
    runner = CliRunner()
    result = runner.invoke(cli, ["today", str(vault), "--daily-note"])
    assert result.exit_code == 1 and "daily-notes.json" in result.stderr
    settings = {"folder": "Journal", "format": "YYYY-MM-DD"}
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian/daily-notes.json").write_text(json.dumps(settings), encoding="utf-8")
    result = runner.invoke(cli, ["today", str(vault), "--daily-note"])
    assert result.exit_code == 1 and "does not exist yet" in result.stderr
    note = vault / "Journal" / "2026-03-14.md"
    note.parent.mkdir()
    note.write_text("# 14 March\n\nMy plans.\n", encoding="utf-8")
    result = runner.invoke(cli, ["today", str(vault), "--daily-note"])
    assert result.exit_code == 0, result.stderr
    assert note.read_text(encoding="utf-8") == (
        f"# 14 March\n\nMy plans.\n\n{BEGIN}\n- ![[Joins and Aggregation#^rv-j1]]\n{END}\n"
    )


def test_a_daily_note_saved_with_a_bom_and_crlf_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The day's block goes in with the note's own line ends and BOM, as every note
    roadvault changes keeps them (`fsio.edit_note`). Before: its lines were added
    with LF among the note's CRLF lines. A note that is not UTF-8 is left unchanged, with
    one line saying why (before: a UnicodeDecodeError)."""
    monkeypatch.setattr(roadvault.progress.vault_scan, "utc_now", lambda: NOW)
    monkeypatch.setattr(roadvault.cli.today_cmd, "utc_now", lambda: NOW)
    monkeypatch.setenv("TZ", "UTC")
    vault = make_vault(tmp_path / "v")
    (vault / ".obsidian").mkdir()
    settings = {"folder": "Journal", "format": "YYYY-MM-DD"}
    (vault / ".obsidian/daily-notes.json").write_text(json.dumps(settings), encoding="utf-8")
    note = vault / "Journal" / "2026-03-14.md"
    note.parent.mkdir()
    note.write_bytes(b"\xef\xbb\xbf# 14 March\r\n\r\nMy plans.\r\n")
    result = CliRunner().invoke(cli, ["today", str(vault), "--daily-note"])
    assert result.exit_code == 0, result.stderr
    expected = f"# 14 March\n\nMy plans.\n\n{BEGIN}\n- ![[Joins and Aggregation#^rv-j1]]\n{END}\n"
    assert note.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode()
    note.write_bytes(b"# 14 March\n\xff\xfe not UTF-8\n")
    result = CliRunner().invoke(cli, ["today", str(vault), "--daily-note"])
    assert result.exit_code == 1 and "is not UTF-8 text" in result.stderr
    assert note.read_bytes() == b"# 14 March\n\xff\xfe not UTF-8\n"
