"""`roadvault status`: the table, --json, --write, and the one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from progress_vaults import ROADMAP, make_vault, private_cache  # noqa: F401

from conftest import write_tree
from roadvault.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_status_prints_the_summary(tmp_path: Path) -> None:
    vault = make_vault(tmp_path, rv_j1="x", rv_j2="/")
    code, out, err = run("status", str(vault))
    assert code == 0, err
    # 8 items and the learner's subtask (done with its parent rv-j1).
    assert f"{ROADMAP} — 2/9 · 22%" in out
    assert "SQL Foundations" in out and "2/6" in out
    assert "Doing now: GROUP BY and HAVING" in out
    assert "Next up:   Window functions" in out
    assert not (vault / "Progress.md").exists()  # status alone writes nothing to the vault
    assert not (vault / ".roadvault/history.jsonl").exists()


def test_status_json_is_the_documented_object(tmp_path: Path) -> None:
    vault = make_vault(tmp_path, rv_j1="x", rv_m1="/")
    code, out, _ = run("status", str(vault), "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"format", "today", "updated", "totals", "roadmaps", "other"}
    assert data["format"] == 1
    assert data["totals"] == {
        "done": 2, "doing": 1, "todo": 6, "skipped": 0, "total": 9, "percent": 22.2,
    }  # fmt: skip
    [roadmap] = data["roadmaps"]
    assert set(roadmap) == {
        "slug", "title", "note", "totals", "missing", "phases", "doing", "next_up",
        "recently_done", "pace", "estimate", "last_active", "plan", "today_items",
    }  # fmt: skip
    assert roadmap["slug"] == "data-engineering-starter" and roadmap["missing"] == 0
    assert set(roadmap["phases"][0]) == {
        "id", "title", "note", "duration", "planned_days", "totals", "completed",
        "planned_start", "planned_end", "planned_end_early", "schedule", "schedule_text",
    }  # fmt: skip
    assert roadmap["doing"] == [
        {"id": "rv-m1", "title": "Star schemas",
         "note": "Data Engineering Starter/01 SQL Foundations/Modelling.md"}
    ]  # fmt: skip
    assert [item["id"] for item in roadmap["next_up"]] == [
        "rv-j2",
        "rv-j3",
        "rv-m2",
        "rv-p1",
        "rv-p2",
    ]
    assert set(roadmap["estimate"]) == {
        "started", "planned_days", "planned_finish", "finish", "on_plan",
    }  # fmt: skip
    assert roadmap["estimate"]["planned_days"] == [58, 88]
    assert data["other"] == {"totals": {"done": 0, "doing": 0, "todo": 0, "skipped": 0,
                                        "total": 0, "percent": 0.0}, "notes": 0}  # fmt: skip


def test_status_write_updates_progress_note_once(tmp_path: Path) -> None:
    vault = make_vault(tmp_path, rv_j1="x")
    code, _, err = run("status", str(vault), "--write")
    assert code == 0, err
    text = (vault / "Progress.md").read_text(encoding="utf-8")
    assert "— 2/9 · 22%" in text
    stamp = (vault / "Progress.md").stat().st_mtime_ns
    assert run("status", str(vault), "--write")[0] == 0
    assert (vault / "Progress.md").stat().st_mtime_ns == stamp


def test_a_folder_that_is_not_a_vault_is_one_line_and_exit_1(tmp_path: Path) -> None:
    write_tree(tmp_path, {"a.md": "- [ ] just a note\n"})
    code, out, err = run("status", str(tmp_path))
    assert code == 1 and out == ""
    assert err.startswith(f"roadvault: {tmp_path}: not a roadvault vault")
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2  # the line + a hint
    code, _, err = run("status", str(tmp_path / "nowhere"))
    assert code == 1 and err.strip() == f"roadvault: {tmp_path / 'nowhere'}: no such folder"


def test_status_prints_titles_as_written_and_cuts_huge_ones(tmp_path: Path) -> None:
    vault = make_vault(tmp_path)
    path = vault / ".roadvault/manifest.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data["roadmaps"]["data-engineering-starter"]["items"]
    items[0]["title"] = "[bold]not bold[/] and [link=x]y[/link]"
    items[1]["title"] = "a **b** [c](d) " * 7000  # ~100 KB of inline markup
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run("status", str(vault))
    assert code == 0, err
    assert "[bold]not bold[/] and [link=x]y[/link]" in out  # markup printed, not applied
    assert "a **b** [c](d) a **b**" in out and "…" in out
    assert len(out) < 5000


def test_doctor_and_status_say_the_same_for_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    lines = {run(command, str(missing))[2].strip() for command in ("status", "doctor", "watch")}
    assert lines == {f"roadvault: {missing}: no such folder"}
    (tmp_path / "a file").write_text("x")
    lines = {run(c, str(tmp_path / "a file"))[2].strip() for c in ("status", "doctor")}
    assert lines == {f"roadvault: {tmp_path / 'a file'}: is not a folder"}
