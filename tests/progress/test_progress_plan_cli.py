"""`roadvault plan` (dates, --start, --json, --ics) and `roadvault today` on a small vault,
with a fixed clock. The calendar is read back with icalendar and with ics (independent)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import ics
import pytest
from click.testing import CliRunner
from progress_vaults import JOINS, ROADMAP, ROADMAP_NOTE, make_vault, private_cache  # noqa: F401
from test_progress_history import tick

import roadvault.cli.plan_cmd
import roadvault.cli.progress_cmd
import roadvault.cli.today_cmd
import roadvault.progress.vault_scan
from roadvault.cli import cli
from support.clock import fix_now

NOW = datetime(2026, 3, 14, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    modules = (roadvault.progress.vault_scan, roadvault.cli.plan_cmd, roadvault.cli.today_cmd)
    fix_now(monkeypatch, NOW, *modules, roadvault.cli.progress_cmd)
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14: still 14 March there


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_plan_start_sets_the_property_and_dates_the_phases(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v", rv_j1="x")
    code, out, err = run("plan", str(vault), "--start", "2026-03-02")
    assert code == 0, err
    assert "start: " in (vault / ROADMAP_NOTE).read_text(encoding="utf-8")
    assert f"{ROADMAP}: from 2026-03-02, ends 2026-04-29 – 2026-05-29" in out
    assert "SQL Foundations: 2026-03-02 → planned by 23 Mar · 1 day behind" in out
    code, out, _ = run("plan", str(vault), "--json")
    data = json.loads(out)["roadmaps"][0]
    assert data["start"] == "2026-03-02" and data["end"] == ["2026-04-29", "2026-05-29"]
    assert [p["planned_start"] for p in data["phases"]] == [
        "2026-03-02", "2026-03-23", "2026-04-22",
    ]  # fmt: skip
    assert run("plan", str(vault), "--start", "March")[0] == 2  # a usage error


def read_back(path: Path) -> tuple[list, list]:
    data = path.read_bytes()
    with_icalendar = icalendar.Calendar.from_ical(data).walk("VEVENT")
    with_ics = sorted(ics.Calendar(data.decode("utf-8")).events, key=lambda e: e.begin)
    return with_icalendar, with_ics


def test_ics_export_parses_back_and_keeps_uids(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    run("plan", str(vault), "--start", "2026-03-02")
    target = tmp_path / "plan.ics"
    code, _, err = run("plan", str(vault), "--ics", str(target))
    assert code == 0, err
    events, others = read_back(target)
    assert [str(e["SUMMARY"]) for e in events] == [
        f"{ROADMAP}: SQL Foundations", f"{ROADMAP}: Pipelines", f"{ROADMAP}: Capstone",
    ]  # fmt: skip
    first = events[0]
    assert first.decoded("DTSTART") == date(2026, 3, 2)
    assert first.decoded("DTEND") == date(2026, 3, 23)  # exclusive: the last day is 22 Mar
    # The independent parser agrees: all-day events on the same days, same UIDs.
    assert [e.uid for e in others] == [str(e["UID"]) for e in events]
    assert others[0].all_day and others[0].begin.date() == date(2026, 3, 2)
    assert others[1].end.date() == date(2026, 5, 22)
    # A re-export after the plan moves keeps every UID (calendars update, not duplicate).
    uids = [str(e["UID"]) for e in events]
    run("plan", str(vault), "--start", "2026-04-01")
    run("plan", str(vault), "--ics", str(target))
    events, _ = read_back(target)
    assert [str(e["UID"]) for e in events] == uids
    assert events[0].decoded("DTSTART") == date(2026, 4, 1)


def test_today_lists_the_days_portion(tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "v")
    run("plan", str(vault), "--start", "2026-03-14")
    run("status", str(vault), "--write")  # the first history entries
    tick(vault, JOINS, "rv-j1")
    run("status", str(vault), "--write")
    code, out, err = run("today", str(vault))
    assert code == 0, err
    # 8 items over 88 days: one a day, and it is done already (it stays, ticked).
    assert out.splitlines()[:2] == [f"{ROADMAP} — 2026-03-14", "  [x] Inner and outer joins"]
    code, out, _ = run("today", str(vault), "--embed")
    assert "- ![[Joins and Aggregation#^rv-j1]]" in out
    data = json.loads(run("today", str(vault), "--json")[1])
    assert data["today"] == "2026-03-14"
    assert data["roadmaps"][0]["items"] == [
        {"id": "rv-j1", "title": "Inner and outer joins", "done": True,
         "note": JOINS},
    ]  # fmt: skip
    text = (vault / "Progress.md").read_text(encoding="utf-8")
    assert "### Today\n- ✅ [[Joins and Aggregation#^rv-j1|Inner and outer joins]]\n" in text


EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "web-backend-roadmap.md"


def phase_notes(vault: Path) -> dict[str, dict]:
    from roadvault.obsidian.frontmatter import read_properties

    found = {}
    for path in sorted(vault.glob("*/*/*.md")):
        props = read_properties(path.read_text(encoding="utf-8"))
        if props.get("roadvault_kind") == "phase":
            found[props["roadvault_id"]] = props
    return found


def test_build_start_dates_the_phase_notes_and_status_agrees(tmp_path: Path) -> None:
    vault = tmp_path / "v"
    code, _, err = run("build", str(EXAMPLE), "--vault", str(vault), "--start", "2026-03-02")
    assert code == 0, err
    phases = phase_notes(vault)
    assert phases and all(isinstance(p["planned_start"], date) for p in phases.values())
    data = json.loads(run("status", str(vault), "--json")[1])["roadmaps"][0]
    for phase in data["phases"]:
        if phase["planned_start"]:
            props = phases[phase["id"]]
            assert props["planned_start"].isoformat() == phase["planned_start"]
            assert props["planned_end"].isoformat() == phase["planned_end"]
    assert data["plan"]["start"] == "2026-03-02"
    # Rebuilt: nothing to write. The learner moves the start: the next build follows it.
    assert "nothing to write" in run("build", str(EXAMPLE), "--vault", str(vault))[1]
    [note] = [p for p in vault.glob("*/*.md") if "start: 2026-03-02" in p.read_text("utf-8")]
    note.write_text(note.read_text("utf-8").replace("2026-03-02", "2026-04-01"), "utf-8")
    assert run("build", str(EXAMPLE), "--vault", str(vault))[0] == 0
    starts = sorted(p["planned_start"] for p in phase_notes(vault).values())
    assert starts[0] == date(2026, 4, 1)
    assert "start: 2026-04-01" in note.read_text("utf-8")  # the learner's edit kept
