"""Durations as written in titles, and what they mean in days."""

from __future__ import annotations

import pytest

from roadvault.parse import parse_roadmap
from roadvault.parse.durations import (
    leading_duration,
    parse_duration,
    slot_length,
    split_duration,
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Linear Algebra (3 weeks)", ("Linear Algebra", "3 weeks", (21, 21), None)),
        ("Foundations (Total: 3 months)", ("Foundations", "3 months", (90, 90), None)),
        # a course section: how many lessons, then how long they take
        ("Storage (13 clases | 1h 8min)", ("Storage", "1h 8min", (0.05, 0.05), None)),
        ("Intro (12 videos · 3 hours)", ("Intro", "3 hours", (0.12, 0.12), None)),
        # a remark, then the length
        ("Electives (choose 2 – 12+ weeks each)", ("Electives", "12+ weeks", (84, 84), None)),
        ("Foundations (1-2 months)", ("Foundations", "1-2 months", (30, 60), None)),
        ("Foundations (1–2 months)", ("Foundations", "1–2 months", (30, 60), None)),
        ("Month 1–2: Foundations", ("Month 1–2: Foundations", "Month 1–2", (60, 60), None)),
        ("Weeks 3-4: SQL", ("Weeks 3-4: SQL", "Weeks 3-4", (14, 14), None)),
        ("Study (~10h)", ("Study", "~10h", (0.42, 0.42), None)),
        ("Learn Python ~10h", ("Learn Python", "~10h", (0.42, 0.42), None)),
        ("Deep stuff (1.5 months)", ("Deep stuff", "1.5 months", (45, 45), None)),
        ("Research (ongoing)", ("Research", "ongoing", None, None)),
        ("Geometry – 2 weeks", ("Geometry", "2 weeks", (14, 14), None)),
        ("Intro · 2 days", ("Intro", "2 days", (2, 2), None)),
        ("Probability (two weeks)", ("Probability", "two weeks", (14, 14), None)),
        ("Capstone (3+ months)", ("Capstone", "3+ months", (90, 90), None)),
        ("Later (Weeks 17+)", ("Later", "Weeks 17+", None, None)),
        ("Scala (Semanas 1 y 2)", ("Scala", "Semanas 1 y 2", (14, 14), None)),
        # a length with a word saying it is the whole of it
        ("Plan (8 weeks to complete)", ("Plan", "8 weeks", (56, 56), None)),
        ("학습 로드맵 (8주 완성)", ("학습 로드맵", "8주", (56, 56), None)),
        ("路线（3个月完成）", ("路线", "3个月", (90, 90), None)),
        ("Ruta (8 semanas en total)", ("Ruta", "8 semanas", (56, 56), None)),
        ("Weeks 1 & 2: Basics", ("Weeks 1 & 2: Basics", "Weeks 1 & 2", (14, 14), None)),
        ("Day 5 and 10 more minutes", ("Day 5 and 10 more minutes", None, None, None)),
        ("Week 1 (Beginner Python)", ("Week 1 (Beginner Python)", "Week 1", (7, 7), None)),
        ("Arithmetic (3 weeks): 2 hours/day", ("Arithmetic", "3 weeks", (21, 21), "2 hours/day")),
        ("NLP (4 weeks): 2-3 hours/day", ("NLP", "4 weeks", (28, 28), "2-3 hours/day")),
        ("Reading (5 hrs per week)", ("Reading", None, None, "5 hrs per week")),
        ("WEEK 11~14：Exams", ("WEEK 11~14：Exams", "WEEK 11~14", (28, 28), None)),
        ("Warm-up drills (45 minutes)", ("Warm-up drills", "45 minutes", (0.03, 0.03), None)),
        ("Scales · 30min", ("Scales", "30min", (0.02, 0.02), None)),
        ("Stretch (10 mins per day)", ("Stretch", None, None, "10 mins per day")),
        # a remark or a second figure beside the length stays with it, the days from the length
        (
            "Setup (One-time, 60-90 minutes)",
            ("Setup", "One-time, 60-90 minutes", (0.04, 0.06), None),
        ),
        ("Glazes (2-3 weeks, ~35-45 hours)", ("Glazes", "2-3 weeks, ~35-45 hours", (14, 21), None)),
        ("WEEK 1. Wedging", ("WEEK 1. Wedging", "WEEK 1", (7, 7), None)),
        ("Teori (30 menit)", ("Teori", "30 menit", (0.02, 0.02), None)),
        ("Kahoot (15 dakika)", ("Kahoot", "15 dakika", (0.01, 0.01), None)),
        # "awk" is a tool, not "a wk"
        ("Text tools (awk, sed, cut)", ("Text tools (awk, sed, cut)", None, None, None)),
    ],
)
def test_split_duration(title: str, expected: tuple) -> None:
    found = split_duration(title)
    assert (found.title, found.duration, found.planned_days, found.pace) == expected


@pytest.mark.parametrize(
    "title",
    ["Learn 3D modeling", "Read chapter 3", "Python 3", "Top 10 tips", "Use 2 GPUs", "Week 1"],
)
def test_titles_without_a_duration_are_left_alone(title: str) -> None:
    assert split_duration(title).title == title
    assert split_duration(title).duration is None


def test_a_pace_is_not_a_duration() -> None:
    assert parse_duration("2 hours/day") is None
    assert leading_duration("2 hours/day for a month") is None


def test_leading_duration_reads_the_start_of_a_sentence() -> None:
    assert leading_duration("3-6 months (depending on weekly commitment).") == (
        "3-6 months",
        (90, 180),
    )
    assert leading_duration("about six weeks") == ("about six weeks", (42, 42))
    assert leading_duration("depends on you") is None


def test_whole_numbers_are_ints_and_fractions_two_decimals() -> None:
    days = parse_duration("1.5 weeks")[1]
    assert days == (10.5, 10.5)
    assert isinstance(parse_duration("2 weeks")[1][0], int)
    assert parse_duration("1 hour")[1] == (0.04, 0.04)


@pytest.mark.parametrize(
    ("title", "duration", "days"),
    [
        ("Q1 (Hafta 1–13)", "Hafta 1–13", (91, 91)),
        ("Ağ temelleri (2 hafta)", "2 hafta", (14, 14)),
        ("Belajar Python (3 minggu)", "3 minggu", (21, 21)),
        ("Linux (1 bulan)", "1 bulan", (30, 30)),
        ("Mạng máy tính (2 tuần)", "2 tuần", (14, 14)),
        ("Reti (3 settimane)", "3 settimane", (21, 21)),
    ],
)
def test_durations_in_turkish_indonesian_vietnamese_and_italian(
    title: str, duration: str, days: tuple[int, int]
) -> None:
    found = split_duration(title)
    assert (found.duration, found.planned_days) == (duration, days)


def test_the_times_of_two_parts_are_no_length_of_the_whole_entry():
    split = split_duration("Monday: Throwing (2h) + Glazing (1h)")
    assert split.title == "Monday: Throwing (2h) + Glazing (1h)"
    assert split.duration is None


def test_sessions_of_a_length_and_hours_with_minutes_are_durations():
    split = split_duration("Jour 1-2 (2×1h30)")
    assert (split.title, split.duration) == ("Jour 1-2", "2×1h30")
    assert split.planned_days == (0.12, 0.12)  # three hours
    assert parse_duration("1h30") == ("1h30", (0.06, 0.06))
    assert split_duration("Matrix 3x3").duration is None


def test_a_dimension_in_capitals_is_no_length():
    assert split_duration("Dynamic Programming (1D)").duration is None
    assert split_duration("Modelling in 3D").duration is None
    assert split_duration("Sprint (3d)").duration == "3d"


def test_a_duration_line_written_without_accents_times_its_module():
    from roadvault.parse import parse_roadmap

    text = "# Trilha\n\n## Modulo 1: Pessoas\n- Duracao: 87 min\n- Aula 1\n- Aula 2\n"
    assert parse_roadmap(text).nodes[0].duration == "87 min"


def test_a_chinese_study_length_line_times_its_stage() -> None:
    from roadvault.parse import parse_roadmap

    text = "# 计划\n\n### 阶段 1：入门\n\n**学习时长：** 3-4 周\n\n- 变量\n- 函数\n"
    stage = parse_roadmap(text).nodes[0]
    assert stage.duration == "3-4 周"


def test_a_workload_entry_in_another_language_is_the_parts_note() -> None:
    from roadvault.parse import parse_roadmap

    text = "# Plano\n\n## Semana 1\n\n* **Carga Horária** : 4 horas/dia (dois blocos).\n* Python\n"
    week = parse_roadmap(text).nodes[0]
    assert [leaf.title for leaf in week.leaves()] == ["Python"]
    assert "4 horas/dia" in week.notes


def test_a_duration_line_of_dates_reads_the_length_in_brackets_after_them() -> None:
    assert leading_duration("Apr 17 – Apr 30 (2 weeks)") == ("2 weeks", (14, 14))
    assert leading_duration("1 de mayo – 15 de junio（6 semanas）") is not None
    assert leading_duration("Apr 17 – Apr 30 (see the calendar)") is None


def test_a_phase_timed_by_a_duration_line_of_dates_takes_its_length() -> None:
    from roadvault.parse import parse_roadmap

    text = (
        "# Plan\n\n## Phase 1 — Sketching\n**Duration:** Apr 17 – Apr 30 (2 weeks)\n\n"
        "- Lines\n- Shapes\n\n## Phase 2 — Shading\n**Duration:** May 1 – May 21 (3 weeks)\n\n"
        "- Values\n"
    )
    assert [p.duration for p in parse_roadmap(text).nodes] == ["2 weeks", "3 weeks"]


def test_polish_italian_and_russian_plural_units_are_lengths() -> None:
    assert parse_duration("3 tygodnie") == ("3 tygodnie", (21, 21))
    assert parse_duration("2 miesiące") == ("2 miesiące", (60, 60))
    assert parse_duration("5 dni") == ("5 dni", (5, 5))
    assert parse_duration("2 часа")[1] == parse_duration("2 hours")[1]
    assert parse_duration("3 ore")[1] == parse_duration("3 hours")[1]
    assert parse_duration("3 godziny")[1] == parse_duration("3 hours")[1]


@pytest.mark.parametrize(
    ("slot", "length"),
    [
        ("Weeks 3-4", "2 weeks"),
        ("Semana 1", "1 week"),
        ("第 7–8 周", "2 weeks"),
        ("Month 1–2", "2 months"),
        ("Days 71-90+", "20+ days"),
        ("3주차", "1 week"),
        ("Weeks 25+", None),  # from week 25 on: no known length
        # slots named one by one, the last after a conjunction
        ("Weeks 1 and 2", "2 weeks"),
        ("Semanas 5, 6 y 7", "3 weeks"),
        ("Wochen 3 und 4", "2 weeks"),
        ("3 weeks", None),  # a length already, not a slot
    ],
)
def test_the_length_a_span_of_slots_makes(slot: str, length: str | None) -> None:
    assert slot_length(slot) == length


def test_a_german_time_line_under_a_module_is_its_length():
    text = (
        "# Töpfern\n\n## Modul 00 – Ton\n\n**Quest:** Der Anfang\n**Zeit:** 12–15 Stunden\n\n"
        "- [ ] Kneten\n- [ ] Zentrieren\n\n## Modul 01 – Drehen\n\n**Zeit:** 8–10 Stunden\n\n"
        "- [ ] Hochziehen\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.duration, p.planned_days) for p in roadmap.nodes] == [
        ("12–15 Stunden", (0.5, 0.62)),
        ("8–10 Stunden", (0.33, 0.42)),
    ]


def test_a_clock_before_a_length_closing_a_title_is_the_length():
    text = (
        "# Kiln course\n\n## Module 1: Clay bodies ⏱️ 2 недели\n\n- Stoneware\n\n"
        "## Module 2: Firing ⏳ 1 week\n\n- Bisque\n\n## Module 3: Glazes ⏱️ 3-4 weeks\n\n- Ash\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, p.duration, p.planned_days) for p in roadmap.nodes] == [
        ("Module 1: Clay bodies", "2 недели", (14, 14)),
        ("Module 2: Firing", "1 week", (7, 7)),
        ("Module 3: Glazes", "3-4 weeks", (21, 28)),
    ]


def test_a_slot_given_again_as_dates_keeps_both_and_plans_the_slot():
    text = (
        "# Kiln course\n\n## Phase 1: Clay（Month 1-4 / 2026年3-6月）\n\n- Wedging\n\n"
        "## ФАЗА 2: Обжиг (недели 1-4)\n\n- Bisque\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, p.duration, p.planned_days) for p in roadmap.nodes] == [
        ("Phase 1: Clay", "Month 1-4 / 2026年3-6月", (120, 120)),
        ("ФАЗА 2: Обжиг", "недели 1-4", (28, 28)),
    ]
    assert slot_length("Month 1-4 / 2026年3-6月") == "4 months"
