"""Kinds of documents the rules in docs/READING.md must read as their authors meant: each
case is a small roadmap of that kind, written for this test."""

from __future__ import annotations

from roadvault.model import Roadmap
from roadvault.parse import parse_roadmap
from roadvault.parse.sections import reads_as_action


def _tree(roadmap: Roadmap) -> list[tuple[str, list[str]]]:
    return [(phase.title, [leaf.title for leaf in phase.leaves()]) for phase in roadmap.nodes]


def test_text_copied_from_a_page_keeps_its_stages_even_when_one_line_looks_like_a_heading():
    text = "\n\n".join(
        [
            "🌱 Gardening Notes",
            "🗂 Folder layout",
            "garden/",
            "├── beds/        # raised beds",
            "│   └── tomatoes.md",
            "└── README.md",
            "🛣 Route",
            "Stage 1: Soil (about 5 days)",
            "What to learn:",
            "Compost, pH, drainage",
            "Stage 2: Seeds (about 7 days)",
            "What to learn:",
            "Sowing depth",
            "Watering schedule",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert not any("README" in t or "tomatoes" in t or "garden/" in t for t in titles), titles
    stages = [node for node in roadmap.walk() if node.title in ("Stage 1: Soil", "Stage 2: Seeds")]
    assert [s.duration for s in stages] == ["about 5 days", "about 7 days"], titles
    assert [leaf.title for leaf in stages[1].leaves()] == ["Sowing depth", "Watering schedule"]


def test_a_stage_line_in_another_language_opens_a_part_of_the_plan():
    text = (
        "# 学习路线\n\n阶段一：基础（约 5 天）\n\n- 变量\n- 循环\n\n"
        "阶段二：函数（约 7 天）\n\n- 参数\n"
    )
    # the stage word stays: it is the author's (docs/READING.md)
    assert _tree(parse_roadmap(text)) == [
        ("阶段一：基础", ["变量", "循环"]),
        ("阶段二：函数", ["参数"]),
    ]


def test_a_snapshot_of_purpose_and_duration_before_the_phases_is_the_roadmaps_text():
    text = (
        "# Pottery Roadmap\n\n## Snapshot\n"
        "- **Purpose**: learn to throw pots on a wheel, from centring to glazing.\n"
        "- **Duration**: 8 weeks\n"
        "- **Best suited for**: beginners with a free evening a week.\n\n"
        "## Phase 1 - Centring\n- Wedging clay\n- Centring\n"
        "- **Effort estimate**: ~20 hours\n\n"
        "## Phase 2 - Glazing\n- Dipping\n- Brushing\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Phase 1 - Centring", ["Wedging clay", "Centring"]),
        ("Phase 2 - Glazing", ["Dipping", "Brushing"]),
    ]
    assert roadmap.nodes[0].duration == "~20 hours"
    assert "Purpose" in roadmap.notes


def test_a_tools_bullet_among_topic_bullets_is_a_topic_but_a_tools_heading_is_equipment():
    text = (
        "# Studio Week\n\n## Week 1 - Recording\n"
        "- Microphones:\n  - polar patterns, placement\n"
        "- Tools:\n  - Audacity, Reaper\n"
        "- Mixing:\n  - levels, panning\n\n"
        "### Tools\n- Audacity\n- Reaper\n"
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert len(leaves) == 3 and any(title.startswith("Tools") for title in leaves), leaves
    assert {r.text for r in roadmap.nodes[0].resources} >= {"Audacity", "Reaper"}


def test_an_overview_table_of_module_codes_is_not_a_second_set_of_items():
    text = (
        "# Course Plan\n\n## Overview\n\n| Module | Weeks | Status |\n|---|---|---|\n"
        "| K01 | 2 | 🟡 |\n| K02 | 3 | 🔵 |\n\n## Modules\n\n"
        "### K01 - Knots\n- Bowline\n- Clove hitch\n\n### K02 - Splices\n- Eye splice\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Bowline", "Clove hitch", "Eye splice"]


def test_milestone_boxes_naming_phases_by_number_restate_the_plan():
    text = (
        "# Tracker\n\n## Phase 1: Knots and Lines (Weeks 1-2)\n- [ ] Bowline\n- [ ] Cleat hitch\n\n"
        "## Phase 2: Sail Trim Basics (Weeks 3-4)\n- [ ] Telltales\n\n"
        "## Milestones Achieved\n- [ ] Completed Phase 1 - Knots\n- [ ] Completed Phase 2 - Trim\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Bowline", "Cleat hitch", "Telltales"]


def test_a_repository_step_among_many_steps_to_take_is_a_step():
    steps = [
        "Read the rules",
        "Fork this repo and start your log",
        "Sketch for an hour every day",
        "Share a sketch every week",
        "Encourage two other people",
        "Keep going for 100 days",
    ]
    text = "# Challenge\n\n## How to join\n\n" + "".join(
        f"{n}. {step}\n" for n, step in enumerate(steps, 1)
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == steps


def test_a_blog_post_with_a_plain_contents_list_and_a_misspelt_conclusion():
    text = (
        "# Becoming a Baker\n\nAn intro paragraph about baking.\n\nTable Of Content\n\n"
        "1. Basics\n2. Breads\n3. Counclusion\n\n"
        "## 1. Basics\n- Scales\n- Ovens\n\n## 2. Breads\n- Sourdough\n\n"
        "## 3. Counclusion\nThat is all; happy baking, and thanks for reading.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Scales", "Ovens", "Sourdough"]


def test_a_checklist_track_keeps_its_plain_final_stage_and_reads_objectives_as_text():
    marks = "xx   "
    lessons = "".join(f"- [{marks[n - 1]}] **Lesson {n}:** topic {n}\n" for n in range(1, 6))
    text = (
        "# Woodworking Track\n\n## Stage 1: Hand tools\n\n**Objectives:**\n\n"
        "- Sharpen a chisel\n- Cut a straight line\n\n### Chapter 1\n\n" + lessons + "\n"
        "## Stage 2: Joinery\n\n### Chapter 1\n\n" + lessons.replace("Lesson", "Joint") + "\n"
        "## Stage 3: Final project\n\n### Plan\n\n- Choose a piece\n- Draw it\n"
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert "Sharpen a chisel" not in leaves
    assert leaves[-2:] == ["Choose a piece", "Draw it"] and len(leaves) == 12, leaves


def test_a_day_per_row_table_makes_each_day_an_item_with_its_points_under_it():
    text = (
        "## Week 1\n\n| Day | Hours | Focus | Resources |\n|---|---|---|---|\n"
        "| **Mon (1h)** | 1 | - Scales<br>- Chords | [Book](https://example.org/b) |\n"
        "| **Tue (1h)** | 1 | - Rhythm<br>- Reading | - |\n"
    )
    week = parse_roadmap(text).nodes[0]
    assert [(day.title, [p.title for p in day.children]) for day in week.children] == [
        ("Mon", ["Scales", "Chords"]),
        ("Tue", ["Rhythm", "Reading"]),
    ]


def test_a_tracker_table_with_a_status_column_in_another_language_keeps_its_rows():
    text = (
        "## 阶段一：基础\n\n| Skill | 状态 | 笔记 |\n|---|---|---|\n"
        "| brush-basics | ✅ 已完成 | - |\n| ink-mixing | ⬜ 未开始 | - |\n"
        "| paper-choice | 🔄 进行中 | - |\n\n- [ ] Write one page\n- [x] Buy ink\n- [ ] Rest\n"
    )
    leaves = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert {k: leaves[k] for k in ("brush-basics", "ink-mixing", "paper-choice")} == {
        "brush-basics": "done",
        "ink-mixing": "todo",
        "paper-choice": "doing",
    }


def test_bold_week_labels_under_a_phase_heading_are_its_weeks():
    text = (
        "# Plan\n\n## Fase 1: Basics (Semanas 1-2)\n\n**Semana 1:**\n- Install\n- Syntax\n\n"
        "**Semana 2:**\n- Loops\n- Lists\n\n## Fase 2: Objects (Semanas 3-4)\n\n**Semana 3:**\n"
        "- Classes\n- Methods\n"
    )
    phases = parse_roadmap(text).nodes
    assert [(p.title, [w.title for w in p.children]) for p in phases] == [
        ("Fase 1: Basics", ["Semana 1", "Semana 2"]),
        ("Fase 2: Objects", ["Semana 3"]),
    ]


def test_mark_columns_without_a_status_header_are_the_status_but_yes_no_columns_are_not():
    text = (
        "## Web\n\n| Topic | Basic | Advanced | Free |\n|---|---|---|---|\n"
        "| HTML | ✅ | ✅ | yes |\n| CSS | ✅ | ⬜️ | no |\n| JS | ⬜️ | ⬜️ | yes |\n"
    )
    leaves = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert leaves == {"HTML": "done", "CSS": "done", "JS": "todo"}
    plain = "## Web\n\n| Topic | Free |\n|---|---|\n| HTML | yes |\n| CSS | no |\n"
    assert {leaf.status.value for leaf in parse_roadmap(plain).leaves()} == {"todo"}


def test_a_course_schedule_reads_its_assignments_and_keeps_files_as_resources():
    text = (
        "# Course\n\n**Course Coordinators:**\n\n- Ana: labs\n- Bo: grading\n\n## Schedule\n\n"
        "| Week | Assignments | Relevant Files |\n|---|---|---|\n"
        "| 1 | hw1 due Friday | [Sheet 1](hw1.pdf) |\n| 2 | hw2 due Friday | [Sheet 2](hw2.pdf) |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["hw1 due Friday", "hw2 due Friday"]
    assert [r.url for r in leaves[0].resources] == ["hw1.pdf"]


def test_weekday_labels_keep_what_is_studied_and_a_blank_week_template_is_not_a_week():
    text = (
        "# Schedule\n\n### Week 1 – Closures\n\n- **Plan**\n"
        "  - Mon–Tue: scope, hoisting and closures, with examples of each kind\n"
        "  - Wed: the this keyword and how call, apply and bind change it today\n\n"
        "### Week N – (topic of the week)\n\n- **Plan**\n  - Mon:\n  - Tue:\n  - Write the goal\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert any("scope, hoisting and closures" in t for t in titles), titles
    assert not any("goal" in t for t in titles), titles


def test_an_overview_list_naming_weeks_by_number_in_chinese_restates_the_plan():
    text = (
        "# 学习计划\n\n## 总览路线\n\n- 第 1 周：基础与结构\n- 第 2 周：数据访问\n\n"
        "## 详细计划\n\n### 第 1 周（基础）\n- 变量\n- 函数\n\n"
        "### 第 2 周（数据）\n- 连接池\n- 会话\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["变量", "函数", "连接池", "会话"], leaves


def test_a_domain_named_recommendations_beside_other_link_lists_is_a_topic():
    text = (
        "# ML design\n\n## Domains\n\n#### Adtech\n* [CTR](https://e.org/1)\n* [Bids](https://e.org/2)\n\n"
        "#### Search\n* [Ranking](https://e.org/3)\n* [Recall](https://e.org/4)\n\n"
        "#### Recommendations:\n* [Explore feed](https://e.org/5)\n* [Wide & Deep](https://e.org/6)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Wide & Deep" in titles and len(titles) == 6, titles


def test_chinese_section_names_are_read_by_their_head_word():
    text = (
        "# 路线\n\n## 第一阶段：基础\n- 变量\n- 循环\n\n## 深度学习\n- 神经网络\n\n"
        "## 项目学习建议\n- 每天练习\n\n## 专栏文档链接目录（按顺序）\n- [文章一](https://e.org/1)\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["变量", "循环", "神经网络"], leaves


def test_a_lettered_module_number_is_numbering_and_the_module_stays():
    text = (
        "# Plan\n\n## Part 1\n\n### 6. Entity Framework\n\nGoal: connect.\n\n- [Docs](https://e.org/1)\n\n"
        "### 6a. Connect with ADO.NET\n\nGoal: connect without EF.\n\n"
        "### 7. Controllers\n\nGoal: refactor.\n\n- [Docs](https://e.org/2)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "6a. Connect with ADO.NET" in titles, titles


def test_loose_text_nests_a_second_kind_of_number_inside_the_first():
    text = "\n\n".join(
        [
            "🌱 Garden Plan",
            "🛣 Route",
            "Stage 1: Soil",
            "Compost basics",
            "Stage 2: Beds",
            "Module 1: Raised bed",
            "Cut the boards",
            "Module 2: Trellis",
            "Tie the twine",
        ]
    )
    stage2 = parse_roadmap(text).nodes[-1]
    assert [child.title for child in stage2.children] == [
        "Module 1: Raised bed",
        "Module 2: Trellis",
    ]


def test_a_chat_plan_header_of_bold_fields_and_a_tracker_of_blank_fields_add_no_items():
    text = (
        "**Guitar Plan**\n\n**Current Date:** Jan 4, 2026.\n**Target Finish:** April 2026.\n"
        "**Constraint:** 1 hour a day.\n\n### Month 1: Chords\n- Open chords\n- Barre chords\n\n"
        "### Project\n- [ ] Song name:\n- [ ] Recording link:\n- [ ] Record one song\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Open chords", "Barre chords", "Record one song"], leaves


def test_week_codes_before_a_colon_keep_what_is_studied_in_the_title():
    text = "### Q1 (Hafta 1–13)\n- H1: UEFI/BIOS, disk partitions; a dual-boot plan\n- H2: Kern\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0].startswith("H1: UEFI/BIOS"), titles


def test_steps_that_name_a_file_in_code_are_steps_not_code_examples():
    text = (
        "# Week 1\n\n## First steps\n\n1.  **Best practice:** Read `practices.md` to see how to "
        "study well.\n2.  **Pre-test:** Do `pre_test.md` and send your answers.\n\n"
        "## Goals\n- [ ] Present tenses\n- [ ] 100 words\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert any(title.startswith("Pre-test") for title in leaves), leaves


def test_week_lists_that_restate_the_week_sections_are_text_wherever_they_stand():
    """An overview of the weeks after the introduction and prerequisites, and a closing list
    of weekly checkpoints: both restate the week sections, which keep the items."""
    text = (
        "# 木工学习计划\n\n本计划帮助你在四周内入门木工。\n\n"
        "## 前置要求\n\n- 会使用卷尺\n- 有一个工作台\n\n"
        "## 总览路线（3 周）\n\n"
        "- 第 1 周：工具与安全\n- 第 2 周：榫卯结构\n- 第 3 周：打磨与上漆\n\n"
        "## 详细计划\n\n### 第 1 周（工具与安全）\n\n- 认识手锯\n- 护目镜与口罩\n\n"
        "### 第 2 周（榫卯）\n\n- 直角榫\n- 燕尾榫\n\n"
        "### 第 3 周（表面处理）\n\n- 砂纸目数\n- 木蜡油\n\n"
        "## 每周检查点\n\n"
        "- 第 1 周：能安全锯出直线\n- 第 2 周：完成一个直角榫\n- 第 3 周：完成一个小凳子\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["认识手锯", "护目镜与口罩", "直角榫", "燕尾榫", "砂纸目数", "木蜡油"], leaves


def test_a_small_tracker_keeps_its_boxes_and_reads_its_plain_log_as_text():
    """Seven boxes in two sections and a "Log" of plain dated lines: the boxes are the
    items, the log is what the learner wrote about them."""
    text = (
        "# Pottery tracker\n\n## Throwing\n- [x] Wedging\n- [x] Centring\n- [ ] Opening\n"
        "- [/] Pulling walls\n\n## Finishing\n- [ ] Trimming\n- [ ] Glazing\n- [-] Raku\n\n"
        "## Log\n- 2026-01-06: centred 2 lbs at last\n- 2026-01-08: first cylinder\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Throwing", ["Wedging", "Centring", "Opening", "Pulling walls"]),
        ("Finishing", ["Trimming", "Glazing", "Raku"]),
    ]
    assert "first cylinder" in roadmap.notes


def test_a_plan_written_under_a_contents_heading_is_read_not_refused():
    text = (
        "# 30 Days of Knots\n\n## Table of Contents\n\n"
        "### Day 1: [Basics](day1.md)\n- Overhand knot\n- Figure eight\n\n"
        "### Day 2: [Loops](day2.md)\n- Bowline\n"
    )
    assert _tree(parse_roadmap(text)) == [
        ("Day 1: Basics", ["Overhand knot", "Figure eight"]),
        ("Day 2: Loops", ["Bowline"]),
    ]


def test_a_contents_list_beside_the_plan_is_still_dropped():
    text = (
        "# Knots\n\n## Contents\n- [Basics](#basics)\n- [Loops](#loops)\n\n"
        "## Basics\n- Overhand knot\n\n## Loops\n- Bowline\n"
    )
    assert _tree(parse_roadmap(text)) == [("Basics", ["Overhand knot"]), ("Loops", ["Bowline"])]


def test_bold_week_lines_under_a_range_heading_are_its_groups_and_lessons_on_pull_requests_stay():
    text = (
        "# Curso de Cerámica\n\n### Semana 1-2: Fundamentos\n**Semana 1:**\n- Aula 1: Barro\n"
        "- Aula 2: Amasado\n\n**Semana 2:**\n- Aula 3: Torno\n\n"
        "### Semana 3-4: Git para ceramistas\n**Semana 3:**\n- Aula 4: Ramas\n"
        "- Aula 5: Pull requests y revisión\n\n**Semana 4:**\n- Aula 6: Etiquetas\n- Aula 7: Tags\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == [
        "Semana 1-2: Fundamentos",
        "Semana 3-4: Git para ceramistas",
    ]
    assert [t.title for t in roadmap.nodes[1].children] == ["Semana 3", "Semana 4"]
    assert "Aula 5: Pull requests y revisión" in [leaf.title for leaf in roadmap.leaves()]


def test_a_day_plan_with_a_time_budget_line_and_a_table_to_fill_after_a_box():
    """ "**Zeitaufwand:** 60 Min" times the day it stands under; the comparison table right
    after "- [ ] Vergleich erstellen:" is that task's material, not more tasks."""
    text = (
        "# Wochenplan\n\n## Woche 1\n\n### Tag 1: Grundlagen\n**Zeitaufwand:** 60 Min\n\n"
        "- [ ] Video ansehen\n- [ ] Vergleich erstellen:\n\n"
        "| Aspekt | Ton | Porzellan |\n|---|---|---|\n| Brenntemperatur | niedrig | hoch |\n"
        "| Preis | günstig | teuer |\n\n### Tag 2: Glasur\n**Zeitaufwand:** 45 Min\n\n"
        "- [ ] Glasur mischen\n- [ ] Probe brennen\n"
    )
    roadmap = parse_roadmap(text)
    days = roadmap.nodes[0].children
    assert [(d.title, d.duration) for d in days] == [
        ("Tag 1: Grundlagen", "60 Min"),
        ("Tag 2: Glasur", "45 Min"),
    ]
    assert [leaf.title for leaf in days[0].leaves()] == ["Video ansehen", "Vergleich erstellen"]


def test_a_heading_of_punctuation_names_nothing():
    text = "# :\n\n# Pottery in 8 weeks\n\n## Week 1\n- Wedging\n- Centring\n"
    assert parse_roadmap(text, source="pottery.md").title == "Pottery in 8 weeks"


def test_week_lines_under_headings_are_the_weeks_even_as_sentences():
    """A chat answer with several plans, each a heading over "Semana N: …" paragraphs."""
    text = (
        "Aqui estão dois planos:\n\n## Plano para cerâmica:\n\n"
        "Semana 1: Introdução ao barro, amassar e centrar.\n\n"
        "Semana 2: Levantar paredes.\n\nSemana 3: Acabamento e esmalte.\n\n---\n\n"
        "## Plano para vidro:\n\nSemana 1: Segurança no forno.\n\nSemana 2: Soprar.\n\n"
        "Semana 3: Recozimento.\n\nLembre-se de praticar todos os dias.\n"
    )
    roadmap = parse_roadmap(text)
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [3, 3]
    assert roadmap.nodes[1].leaves()[0].title.startswith("Semana 1: Segurança")


def test_a_status_line_of_a_phase_is_no_part_of_the_plan():
    text = (
        "# Tracker\n\n## Phase 1: Clay\n- [x] Wedging\n- [ ] Centring\n\n"
        "**Phase 1 Status**: ⏳ In progress\n\n## Phase 2: Glaze\n- [ ] Dipping\n- [ ] Firing\n"
        "- [ ] Cooling\n\n**Phase 2 Target:** a tea bowl\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centring", "Dipping", "Firing", "Cooling"], leaves


def test_a_check_mark_on_the_first_days_marks_them_done_and_on_every_outcome_is_decoration():
    text = (
        "# 60 Days of Pottery\n\n### Phase 1: Clay (Days 1–3)\n- ✅ **Day 1**: Wedging\n"
        "- ✅ **Day 2**: Centring\n- ✅ **Day 3**: Opening\n\n### Phase 2: Walls (Days 4–6)\n"
        "- **Day 4**: Pulling\n- **Day 5**: Collaring\n- **Day 6**: Trimming\n\n"
        "### What you will be able to do\n- ✅ Throw a cylinder\n- ✅ Trim a foot ring\n"
    )
    roadmap = parse_roadmap(text)
    done = [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"]
    assert done == ["Day 1: Wedging", "Day 2: Centring", "Day 3: Opening"], done


def test_a_one_line_legend_after_the_plan_gives_its_dots_their_meaning():
    text = (
        "# Glassblowing\n\n## Phase 1\n- 🟢 Furnace safety\n- 🟢 Gathering\n- 🟡 Marvering\n\n"
        "## Phase 2\n- 🔴 Blowing a bubble\n- 🔴 Jacks\n\n---\n\n"
        "**NB:** 🔴 => Not started yet | 🟡 => In progress | 🟢 => Completed\n"
    )
    statuses = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert statuses == [
        ("Furnace safety", "done"),
        ("Gathering", "done"),
        ("Marvering", "doing"),
        ("Blowing a bubble", "todo"),
        ("Jacks", "todo"),
    ]


def test_a_key_to_level_marks_is_text_and_the_marks_tick_nothing():
    text = (
        "- 🟢 **Green** – what a beginner needs\n- 🔵 **Blue** – intermediate\n"
        "- 🔴 **Red** – expert level\n\n# Woodturning\n\n## Basics 🟢\n- Sharpening 🟢\n"
        "- Roughing gouge 🟢\n\n## Bowls 🔵\n- Coring 🔵\n- Finishing 🔴\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "Sharpening",
        "Roughing gouge",
        "Coring",
        "Finishing",
    ]
    assert {leaf.status.value for leaf in leaves} == {"todo"}


def test_the_assistants_closing_question_is_no_step():
    text = (
        "Here is a plan to learn pottery:\n\n1. Clay\n\n    - Wedging\n    - Centring\n\n"
        "2. Firing\n\n    - Kiln safety\n    - Bisque\n"
        "    - Would you like recommendations for books or classes?\n\n"
        "💡 **Ce plan te motive ? Tu veux qu'on creuse un point précis ?** 🚀\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centring", "Kiln safety", "Bisque"], leaves


def test_a_topic_asked_as_a_question_stays():
    text = "# Web\n\n## Internet\n- What is HTTP?\n- How does DNS work?\n- Why is UDP fast?\n"
    assert len(parse_roadmap(text).leaves()) == 3


def test_an_html_table_alone_is_a_tracker_not_nothing():
    text = (
        "<table>\n<thead>\n<tr>\n<th>Категория</th>\n<th>Технология</th>\n<th>Статус</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n<td>Гончарное дело</td>\n<td>Глина</td>\n"
        "<td>✅ Изучено</td>\n</tr>\n<tr>\n<td></td>\n<td>Гончарный круг</td>\n"
        "<td>🚧 В процессе</td>\n</tr>\n<tr>\n<td>Обжиг</td>\n<td>Печь</td>\n"
        "<td>Не начато</td>\n</tr>\n<tr>\n<td></td>\n<td>Глазурь</td>\n<td>Не начато</td>\n"
        "</tr>\n</tbody>\n</table>\n"
    )
    roadmap = parse_roadmap(text, source="tracker.html")
    assert [
        (p.title, [(leaf.title, leaf.status.value) for leaf in p.leaves()]) for p in roadmap.nodes
    ] == [
        ("Гончарное дело", [("Глина", "done"), ("Гончарный круг", "doing")]),
        ("Обжиг", [("Печь", "todo"), ("Глазурь", "todo")]),
    ]


def test_an_obsidian_board_gives_statuses_by_column_and_tags_are_no_title():
    text = (
        "# My plan\n\n## 📝 Backlog\n- [[Kilns]] #to-learn\n- [[Glazes]] #to-learn\n\n"
        "## 🚀 In progress\n- [[Wheel]] #learning\n\n## ✅ Done\n- [[Clay]] #learned\n"
        "- [[Wedging]] #learned\n- #learned\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Kilns", "todo"),
        ("Glazes", "todo"),
        ("Wheel", "doing"),
        ("Clay", "done"),
        ("Wedging", "done"),
    ], leaves


def test_a_lone_finished_heading_is_only_a_name():
    text = "# Plan\n\n## Finished projects to study\n- Bridge\n- Tower\n\n## Next\n- Arch\n"
    assert {leaf.status.value for leaf in parse_roadmap(text).leaves()} == {"todo"}


def test_how_to_proceed_sections_are_advice_in_japanese_and_english():
    text = (
        "# 陶芸カリキュラム\n\n## フェーズ1: 土\n- 菊練り\n- 芯出し\n\n"
        "## 学習の進め方\n- 毎日30分は土に触る\n- 分からないことは先生に聞く\n\n"
        "## How to proceed\n- Keep a kiln log\n- Photograph every pot\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["菊練り", "芯出し"]
    assert "毎日30分" in roadmap.notes and "kiln log" in roadmap.notes


def test_a_tracker_template_keeps_project_names_and_reads_reflections_and_how_to_as_text():
    text = (
        "# Pottery tracker\n\n## How to Use This Tracker\n- [ ] Mark completed items with [x]\n"
        "- Update your progress weekly\n\n## Phase 1: Clay\n\n### Week 1\n- [ ] Wedging\n"
        "- [ ] **Project**: A pinch pot\n- **Time spent**: ___ hours\n\n"
        "**Phase 1 Reflection**:\n- What was the hardest part?\n- What did you enjoy most?\n\n"
        "## Phase 2: Kiln\n- [ ] Loading\n- [ ] Basic Resources: cones, shelves and posts\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        "Wedging",
        "Project: A pinch pot",
        "Loading",
        "Basic Resources: cones, shelves and posts",  # a kind of resource, no reading list
    ], leaves


def test_a_chat_answer_titled_one_level_too_deep_keeps_its_title():
    text = (
        "### 🚀 **Un plan pour apprendre la poterie**\n\nCe plan te guidera pas à pas.\n\n"
        "## Phase 1 : Les bases\n- Argile\n- Tournage\n\n## Phase 2 : Cuisson\n- Four\n- Émail\n"
    )
    roadmap = parse_roadmap(text, source="chat.md")
    assert roadmap.title == "Un plan pour apprendre la poterie"
    assert len(roadmap.leaves()) == 4


def test_a_first_heading_at_the_level_of_the_others_is_a_part_not_the_title():
    text = "## Basics\n- Clay\n- Wheel\n\n## Firing\n- Kiln\n"
    roadmap = parse_roadmap(text, source="pottery-notes.md")
    assert roadmap.title == "Pottery Notes" and len(roadmap.nodes) == 2


def test_an_estimated_total_time_line_times_its_path():
    text = (
        "# Paths\n\n## Glaze path\n**Estimated Total Time:** 60-90 hours\n\n- Dipping\n"
        "- Brushing\n\n## Wheel path\n**Estimated Total Time:** 80-120 hours\n\n- Centring\n"
    )
    assert [p.duration for p in parse_roadmap(text).nodes] == ["60-90 hours", "80-120 hours"]


def test_numbered_link_paragraphs_under_a_heading_are_the_steps():
    text = (
        "# Pottery\n\n## The year\n\n[1. Clay](clay/README.md) (January)\n\n"
        "[2. Wheel](wheel/README.md) (February)\n\n[3. Glaze](glaze/README.md) (March)\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "1. Clay (January)",
        "2. Wheel (February)",
        "3. Glaze (March)",
    ]
    assert leaves[0].resources[0].url == "clay/README.md"


def test_steps_that_name_their_tags_are_steps_not_examples():
    text = (
        "# Day 1: Basics\n\n### Structure\n\n- Revise the basic syntax: `<html>`, `<head>`.\n"
        "- Understand semantic elements: `<main>`, `<article>`.\n\n### Examples\n\n"
        "- **Python:** `print('hi')`\n- **Ruby:** `puts 'hi'`\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        "Revise the basic syntax: <html>, <head>.",
        "Understand semantic elements: <main>, <article>.",
    ], leaves


def test_a_wrapped_entry_whose_first_line_ends_in_a_colon_labels_nothing_after_it():
    text = (
        "# Lunes\n\n## Actividades:\n\n-   Leer la guía de\n    fundamentos.\n\n"
        "-   Visitar GeeksforGeeks:\n    https://example.com/big-o\n    para repasar Big-O.\n\n"
        "-   Reflexionar sobre la eficiencia.\n\n-   Resolver dos problemas.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        "Leer la guía de fundamentos.",
        "Visitar GeeksforGeeks",
        "Reflexionar sobre la eficiencia.",
        "Resolver dos problemas.",
    ], leaves


def test_an_exclaiming_heading_over_nothing_is_no_step():
    text = "# Plan\n\n## Clay\n- Wedging\n- Centring\n\n## 🔮 More coming soon!\n"
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedging", "Centring"]


def test_the_same_side_by_side_labels_in_every_week_are_a_comparison_not_steps():
    week = (
        "### Woche {n}: Thema {n}\n- **Kernpunkte:**\n  1. Punkt A{n}\n  2. Punkt B{n}\n\n"
        "**Syntax:**\n- **Python:** `print()` und mehr Text hier\n"
        "- **JavaScript:** `console.log()` und mehr Text hier\n\n"
    )
    text = "# Kurs\n\n" + "".join(week.format(n=n) for n in (1, 2, 3))
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Python" not in leaves and "JavaScript" not in leaves, leaves
    assert "Punkt A1" in leaves and "Punkt B3" in leaves, leaves


def test_a_phase_overview_table_before_the_week_sections_is_an_overview():
    text = (
        "# Pottery\n\n## 1. Phase overview\n\n| Phase | Focus | Time |\n|---|---|---|\n"
        "| 1 | Clay and hand building | 2 weeks |\n| 2 | Wheel | 3 weeks |\n\n"
        "## 2. Weekly plan\n\n### Week 1 – Clay\n- Wedging\n- Pinch pots\n\n"
        "### Week 2 – Coils\n- Coil pots\n- Slabs\n\n### Week 3 – Wheel\n- Centring\n- Opening\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Pinch pots", "Coil pots", "Slabs", "Centring", "Opening"]


def test_a_prose_section_whose_sub_sections_are_prose_too_is_text():
    text = (
        "# Course\n\n## Lessons\n- Clay\n- Wheel\n\n## Quiz\n\nTest yourself [here](https://q.example).\n\n"
        "### PDF\n\nYou can print this course as a PDF.\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Clay", "Wheel"]


def test_closing_remarks_are_text():
    text = (
        "# Plan\n\n## Semana 1\n- Barro\n- Torno\n\n### Observaciones adicionales:\n"
        "- Los días de repaso permiten consolidar lo aprendido.\n- Este plan es flexible.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Barro", "Torno"]
    assert "Este plan es flexible" in roadmap.notes


def test_keys_to_success_are_advice():
    text = (
        "# Plan\n\n## Phase 1\n- Clay\n- Wheel\n\n### 🔥 Résumé : Clés pour Réussir\n\n"
        "1️⃣ **Comprendre avant de tourner.**\n\n2️⃣ **Pratiquer chaque jour.**\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Clay", "Wheel"]


def test_additional_notes_after_the_last_day_are_advice_not_that_days_steps():
    text = (
        "# Plan\n\n## Day 1\n- [ ] Clay\n- [ ] Wheel\n\n## Day 2\n- [ ] Glaze\n- [ ] Kiln\n\n"
        "### **Additional Notes**\n- **Leftovers**: Some pieces will remain. Plan them later.\n"
        "- **Practice**: After each day, throw one more pot.\n"
        "- **Review (Days 3-4)**: Use this time to look back.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Clay", "Wheel", "Glaze", "Kiln"]
    assert "throw one more pot" in roadmap.notes


def test_skills_acquired_in_a_progress_log_are_a_report_not_steps():
    text = (
        "# Pottery in 30 days\n\n## Journey\n\n### Basics done\n- [x] Day 1: clay\n"
        "- [x] Day 2: wheel\n- [ ] Day 3: glaze\n\n### Key Skills Acquired\n"
        "- Centring clay on the wheel\n- Trimming a foot ring\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Day 1: clay", "Day 2: wheel", "Day 3: glaze"], leaves


def test_phases_numbered_with_keycaps_are_all_the_plan():
    text = (
        "# HTML\n\n## 1\ufe0f\u20e3 Basics\n### 1.1 Tags\n- Headings\n### 1.2 Text\n- Bold\n"
        "### 1.3 Lists\n- Bullets\n\n## 2\ufe0f\u20e3 Links\n### 2.1 Anchors\n- Internal links\n"
        "### 2.2 Menus\n- Nav bars\n\n## \U0001f51f Forms\n### 3.1 Inputs\n- Text fields\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Basics", "Links", "Forms"]
    assert len(roadmap.leaves()) == 6


def test_two_lines_led_by_the_documents_item_glyph_are_items_too():
    text = (
        "# HTML\n\n## Links\n\n### Anchors\n\u2705 Internal links\n\u2705 External links\n"
        "\u2705 Email links\n\n### Menus\n\u2705 A simple nav bar\n\u2705 The nav element\n\n"
        "## Images\n\n### Pictures\n\u2705 Adding images\n\u2705 Alt text\n\u2705 Sizes\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "A simple nav bar" in titles and "The nav element" in titles, titles
    assert len(titles) == 8, titles


def test_a_section_of_short_questions_lists_what_to_study():
    text = (
        "# Web\n\n## Basics\n\nWhat is HTTP?\nHow does DNS work?\nWhat is a domain name?\n\n"
        "## FAQ\n\nIs this free? Yes, all of it. Ask in the issues.\n\n## HTML\n- Tags\n- Forms\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:3] == ["What is HTTP?", "How does DNS work?", "What is a domain name?"]
    assert not any("free" in title for title in titles), titles


def test_a_days_timed_steps_led_by_emoji_are_steps_not_a_key_to_the_marks():
    day = (
        "### {day}\n\n- \u23f0 Morning: Review the plan (2 hours)\n"
        "- \U0001f4da Afternoon: Contracts - {topic} (3 hours)\n"
        "- \U0001f4dd Evening: Ten practice questions (1 hour)\n\n"
    )
    text = "# Bar exam\n\n## Week 1\n\n" + "".join(
        day.format(day=name, topic=topic)
        for name, topic in (("Monday", "Formation"), ("Tuesday", "Breach"), ("Friday", "Remedies"))
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 9, titles
    assert any("Formation" in title for title in titles), titles


def test_a_single_name_under_a_group_beside_other_groups_is_an_item():
    text = (
        "# Front end\n\n## Build tools\n- Task runners\n    - npm scripts\n"
        "- Linters & formatters\n    - Prettier\n    - ESLint\n- Module bundlers\n    - Webpack\n\n"
        "## Patterns\n- Observer\n    - one object tells many others about a change in it\n"
        "- Strategy\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Webpack" in titles and "npm scripts" in titles, titles
    observer = next(leaf for leaf in roadmap.leaves() if leaf.title == "Observer")
    assert "many others" in observer.notes  # a phrase under a lone bullet: its note


def test_a_practice_project_line_in_chinese_is_a_step_of_its_stage():
    text = (
        "# JavaScript\n\n## 阶段 1\n\n- 变量\n- 函数\n\n**实战项目：** [待办事项应用](./todo/)\n\n"
        "## 阶段 2\n\n- Promise\n- Fetch\n"
    )
    stage = parse_roadmap(text).nodes[0]
    assert any("待办事项应用" in leaf.title for leaf in stage.leaves()), stage.leaves()


def test_what_each_weekly_folder_contains_describes_the_repo_not_steps():
    text = (
        "# Pottery\n\n## Weeks\n- Clay\n- Wheel\n- Glaze\n\n## Projects\n\n"
        "Each weekly folder contains:\n- `README.md` – what was made\n- photos of the pieces\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:3] == ["Clay", "Wheel", "Glaze"], titles
    assert not any("README" in title or "photos" in title for title in titles), titles


def test_bookmarks_written_as_name_and_address_are_the_sections_entries():
    text = (
        "# Courses\n\n## Go  \nGo by Example https://gobyexample.com/  \n"
        "Learn Go With Tests https://quii.gitbook.io/learn-go-with-tests/  \n\n"
        "## Compilers\nCS 6120: Advanced Compilers https://www.cs.cornell.edu/courses/cs6120/  \n\n"
        "## JavaScript\nModern JavaScript https://javascript.info/  \n"
        "Exploring JavaScript https://exploringjs.com/  \n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Go", "Compilers", "JavaScript"]
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [2, 1, 2]


def test_dos_and_donts_marked_with_ticks_and_crosses_are_advice_not_states():
    text = (
        "# Pottery\n\n## Week 1\n- Wedging\n- Pinch pots\n\n## Week 2\n- Centring\n- Pulling\n\n"
        "## \U0001f4a1 Tips\n\n### Do\n1. \u2705 Throw every day\n2. \u2705 Keep a kiln log\n\n"
        "### Avoid\n1. \u274c Skipping the wedging\n2. \u274c Firing wet pots\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == ["Wedging", "Pinch pots", "Centring", "Pulling"], titles
    assert "Firing wet pots" in roadmap.notes


def test_a_key_to_the_marks_named_in_chinese_is_not_three_items():
    text = (
        "# Go 掌握情况\n\n标记说明：\n- \u2705 熟练掌握\n- \u26a0\ufe0f 部分掌握\n"
        "- \u274c 未掌握\n\n"
        "## 基础语法\n\n| 知识点 | 状态 | 备注 |\n|---|---|---|\n| 切片 | \u2705 | 已复习 |\n"
        "| map | \u26a0\ufe0f | 原理没看 |\n| 接口 | \u274c | 不清楚 |\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert [title for title, _ in leaves] == ["切片", "map", "接口"], leaves
    assert leaves[0][1] == "done"


def test_a_preamble_list_under_the_title_heading_is_text_not_the_first_phase():
    text = (
        "# A potter's path\n\nThis collection serves three aims:\n\n"
        "1. **Making**\n    - Help you throw pots that hold water.\n"
        "2. **Selling**\n    - Help you price your work.\n\n"
        "## Making\n\n### Clay\n- Wedging\n- Pinch pots\n- Coils\n\n"
        "### Wheel\n- Centring\n- Pulling\n- Trimming\n\n"
        "## Selling\n- Pricing\n- Markets\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Making", "Selling"]
    assert "hold water" in roadmap.notes


def test_what_you_will_find_in_the_repository_is_not_part_of_the_plan():
    for heading in ("¿Qué encontrarás aquí?", "What you'll find here", "What's inside"):
        text = (
            f"# Cerámica\n\n## {heading}\n\n1. **Notas** sobre cada tema.\n"
            "2. **Recursos** recomendados.\n\n## Temas\n- Arcilla\n- Torno\n- Esmaltes\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Arcilla", "Torno", "Esmaltes"], (heading, titles)


def test_important_links_and_notes_are_the_courses_resources_not_steps():
    text = (
        "# Pottery course\n\n## Important links and notes\n\n"
        "[Class chat](https://chat.example.org/)\n\n[Homework box](https://hw.example.org)\n\n"
        "## Week 1\n- Wedging\n- Pinch pots\n\n## Week 2\n- Centring\n- Pulling\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Wedging",
        "Pinch pots",
        "Centring",
        "Pulling",
    ]


def test_a_document_that_is_only_a_folder_tree_is_read_as_the_tree_it_draws():
    text = (
        "pottery-course/\n│\n├── Week1_Clay/\n│   ├── wedging.md\n│   └── pinch_pot.md\n"
        "│\n└── Week2_Wheel/\n    ├── centering.md\n    └── cylinder/\n"
        "        └── notes.md\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "pottery-course"
    outline = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert outline == [
        ("Week1_Clay", ["wedging.md", "pinch_pot.md"]),
        ("Week2_Wheel", ["centering.md", "cylinder"]),  # one child: one step
    ]
    assert not any("├" in leaf.title or "│" in leaf.notes for leaf in roadmap.leaves())


def test_a_repeated_wrapper_is_lifted_even_where_a_named_group_follows_it():
    module = "### Module {n}: Glaze {n}\n**Topics:**\n- Dip {n}\n- Pour {n}\n\n"
    text = "# Glazing\n\n" + "".join(module.format(n=n) for n in range(1, 4))
    text += "### Module 4: Firing\n**Topics:**\n- Cone packs\n- Kiln log\n\n"
    text += "**Projects:**\n- A test tile wall\n- A glaze chart\n"
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    # "Topics" named nothing in modules 1-3, so it names nothing in module 4 either
    assert "Topics" not in titles
    fourth = roadmap.nodes[-1]
    assert [child.title for child in fourth.children] == ["Cone packs", "Kiln log", "Projects"]


def test_a_days_actions_group_does_not_rename_the_day():
    day = "**Day {n}:**\n\nBook: Clay {n}\n\nActions:\n\n- Read chapter {n}\n- Throw {n} bowls\n\n"
    text = "# Week of pottery\n\n## Plan\n\n" + "".join(day.format(n=n) for n in (1, 2, 3))
    roadmap = parse_roadmap(text)
    # "Actions:" names what each day holds, not the day
    assert [n.title for n in roadmap.nodes] == ["Day 1", "Day 2", "Day 3"]
    assert [c.title for c in roadmap.nodes[0].children] == ["Read chapter 1", "Throw 1 bowls"]


def test_copied_text_with_marked_weeks_over_numbered_days_nests_the_days():
    text = (
        "Two weeks of clay\n"
        "🔰 Week 1: Hand building\nDay 1 – Pinch pots\n\nPinching\n\nSmoothing\n\n"
        "Day 2 – Coils\n\nRolling coils\n\nJoining\n\n"
        "⚙️ Week 2: The wheel\nDay 3 – Centering\n\nCone up\n\nCone down\n"
    )
    roadmap = parse_roadmap(text, source="clay.txt")
    weeks = [(n.title, [c.title for c in n.children]) for n in roadmap.nodes]
    assert weeks == [
        ("Week 1: Hand building", ["Day 1 – Pinch pots", "Day 2 – Coils"]),
        ("Week 2: The wheel", ["Day 3 – Centering"]),
    ]


def test_a_linked_name_then_a_dash_and_a_sentence_is_the_name_with_a_note():
    text = (
        "# Pottery path\n\n## Start here\n\n"
        "- [The Potter's Book](https://example.org/book) - This is ideal for grasping how "
        "clay behaves on the wheel.\n"
        "- [Clay Club](https://example.org/club) — Weekly glaze demos from working potters.\n"
        "- [`week-01-wedging/`](week-01-wedging/) - Wedging, spiral kneading, slaking\n"
    )
    book, club, week = parse_roadmap(text).leaves()
    assert (book.title, book.notes[:22]) == ("The Potter's Book", "This is ideal for gras")
    assert club.title == "Clay Club"
    # a linked folder names no step: what follows the dash does
    assert "Wedging, spiral kneading" in week.title


def test_a_videos_section_among_sections_of_links_is_a_section_like_them():
    text = (
        "# Clay path\n\n## Start\n\n- Wedging: https://example.org/wedge\n"
        "- Centering: https://example.org/centre\n\n## Glazes\n\n"
        "- Dipping: https://example.org/dip\n- Pouring: https://example.org/pour\n\n"
        "## Videos\n\n- Trimming live: https://example.org/trim\n- Hsin-Chuen Lin:\n"
        "    - Throwing a tall vase: https://example.org/vase\n"
        "    - Pulling handles: https://example.org/handles\n"
    )
    roadmap = parse_roadmap(text)
    assert [n.title for n in roadmap.nodes] == ["Start", "Glazes", "Videos"]
    assert "Throwing a tall vase" in [leaf.title for leaf in roadmap.leaves()]


def test_a_check_on_every_goal_with_a_closing_metric_line_is_decoration():
    week = (
        "#### Week {n}\n- ✅ Throw {n} bowls\n- ✅ Trim {n} feet\n- ✅ Glaze {n} mugs\n"
        "- **Metric:** {n} pieces out of the kiln\n\n"
    )
    text = "# Pottery plan\n\n## Goals\n\n" + "".join(week.format(n=n) for n in (1, 2))
    text += "## Rules\n\n- ❌ **No new clay** until the old bag is used\n- ❌ **No skipping**\n"
    roadmap = parse_roadmap(text)
    # a plan not started: the checks dress its goals, and the don'ts are no second state
    assert not [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"]


def test_a_copied_chat_plan_whose_parts_are_plain_lines_keeps_its_parts():
    text = (
        "🏺 Pottery Roadmap\n\n📚 What You Need to Learn (In Order)\n\n"
        "Phase 1: Hand Building (1-2 Months)\n\n· Pinch pots: shaping by hand\n"
        "· Coil pots: rolling and joining\n\n"
        "Phase 2: The Wheel (2 Months)\n\n· Throwing (Most loved):\n  · Centering\n"
        "  · Pulling walls\n· OR Hand carving (Choose one)\n\n"
        "💪 Daily Routine\n\n1. Morning (30 min): wedge clay\n2. Evening (1 hour): throw on:\n"
        "   · Small bowls\n   · Cups\n\n🚀 Grow\n\n1. Beginner: mugs\n2. Advanced: vases\n"
    )
    roadmap = parse_roadmap(text, source="chat.md")
    parts = {n.title: n for n in roadmap.walk() if n.children}
    assert [leaf.title for leaf in parts["Phase 1: Hand Building"].leaves()] == [
        "Pinch pots: shaping by hand",
        "Coil pots: rolling and joining",
    ]
    assert "Centering" in [leaf.title for leaf in parts["Phase 2: The Wheel"].leaves()]
    assert "Daily Routine" not in parts  # advice after the plan


def test_a_prerequisite_line_under_a_module_is_its_note_not_a_step():
    text = (
        "# Lộ trình\n\n## Module 2: Java\n\n- **Nội dung:**\n  - Cú pháp\n  - Vòng lặp\n"
        "- **Tiên quyết:** Module 1\n\n## Module 3: OOP\n\n- **Content:**\n  - Classes\n"
        "  - Interfaces\n- **Prerequisites:** Module 2\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == ["Cú pháp", "Vòng lặp", "Classes", "Interfaces"]
    assert "Module 1" in roadmap.nodes[0].notes


def test_a_closing_call_to_action_is_not_a_step():
    text = (
        "# Clay in 3 months\n\n## Month 1\n\n- Wedging\n- Pinch pots\n\n## Month 2\n\n"
        "- Centering\n- Trimming\n\n## Start Your Journey Today\n\n"
        "Take the next step toward a studio of your own.\n\n## Ready to begin?\n\nWrite to us.\n"
        "\n## 📈 Let’s Build in Public!\n\nI post each pot to stay accountable.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Pinch pots", "Centering", "Trimming"]


def test_key_points_noted_in_a_ticked_days_log_are_its_notes():
    text = (
        "# Clay log\n\n## Plan\n\n- [x] Wedging\n- [x] Pinch pots\n- [ ] Coils\n\n"
        "## Today (Day 1)\n\n#### 1. Done\n\n- [x] Wedged 2 kg\n- [x] Made a pinch pot\n\n"
        "#### 2. Key points\n\n- Clay dries from the rim down\n- Slip glues leather-hard clay\n\n"
        "#### 3. 对比要点\n\n- 陶土比瓷土更容易成形\n- 瓷土收缩更大\n\n"
        "#### 4. To do\n\n- [ ] Trim the foot\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    # the boxes are what to do; what the learner noted beside them is the day's text
    assert "Clay dries from the rim down" not in titles
    assert "瓷土收缩更大" not in titles
    assert "Trim the foot" in titles


def test_practice_sources_are_resources_but_practice_is_work():
    text = (
        "# Clay\n\n## Stage 1\n\n- Wedging\n- Centering\n\n## Practice\n\n- Throw 10 cylinders\n"
        "- Trim 10 bowls\n\n## Recommended practice sources\n\n- Clay Club sheets\n- Studio log\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Throw 10 cylinders" in titles
    assert "Clay Club sheets" not in titles


def test_a_closing_build_in_public_note_is_not_a_step():
    text = (
        "# Clay journey\n\n## Plan\n\n| Week | Topic | Status |\n|---|---|---|\n"
        "| 1 | Wedging | ✅ |\n| 2 | Pinch pots | ⏳ |\n| 3 | Coils | ⬜ |\n\n"
        "## 📌 Options (after week 3)\n\n- 🔹 Wheel throwing\n- 🔹 Glazing\n\n"
        "## 📈 Let’s Build in Public!\n\nI post each pot to stay accountable.\n\n---\n**Sam**\n"
    )
    assert [n.title for n in parse_roadmap(text).nodes] == ["Plan", "Options (after week 3)"]


def test_a_reading_queue_ticked_with_one_book_in_the_authors_own_mark():
    text = (
        "# Reading\n\n## Queue\n\n### Studio\n\n* ✅ The Potter's Book\n* ✅ Glaze Basics\n"
        "* ✅ Kiln Notes\n* 🤓 Throwing Large\n* Handles and Spouts\n* Slab Work\n"
        "* Raku Firing\n\n### Fun\n\n* ✅ Clay Toys\n* 🤓 Tiny Pots\n* Masks\n* Beads\n"
        "* Tiles\n* Bowls\n"
    )
    leaves = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert [t for t, s in leaves.items() if s == "done"][:3] == [
        "The Potter's Book",
        "Glaze Basics",
        "Kiln Notes",
    ]
    # the book being read is a step still, and two marked titles opening a list are no key
    assert leaves["Throwing Large"] == "todo"
    assert "Tiny Pots" in " ".join(leaves)


def test_a_study_groups_members_and_rules_are_not_steps():
    text = (
        "# 도자기 스터디\n\n## 👥 참여자\n\n| 이름 | 역할 |\n|---|---|\n| 김민 | 리더 |\n"
        "| 박수 | 멤버 |\n\n## 📌 스터디 규칙\n\n- **주기**: 주 2회\n- 과제는 발표 전까지 제출\n\n"
        "## 📖 커리큘럼\n\n- 반죽하기\n- 물레 중심 잡기\n- 굽 깎기\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["반죽하기", "물레 중심 잡기", "굽 깎기"]


def test_a_chat_answers_last_entry_speaking_to_the_reader_is_not_a_step():
    text = (
        "# Clay in 4 weeks\n\n## Week 1\n\n- Wedging\n- Pinch pots\n\n## Next Steps:\n\n"
        "1. Buy 10 kg of clay\n2. Find a kiln\n"
        "3. Tell me when you're ready, and we'll dive deep into each week together!\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Pinch pots", "Buy 10 kg of clay", "Find a kiln"]


def test_lecture_notes_named_by_their_one_topic_keep_the_topic_in_the_title():
    text = (
        "# Clay bootcamp\n\n### w1d1\n+ [Lecture Notes](./w1/d1.md)\n  + Wedging\n"
        "+ [Problem Set](./w1/d1-ps.md)\n\n### w1d2\n+ [Lecture Notes](./w1/d2.md)\n"
        "  + Centering on the wheel\n+ [Problem Set](./w1/d2-ps.md)\n\n"
        "### w1d3\n+ [Kiln safety](./w1/d3.md)\n  + read twice before the first firing, slowly\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Lecture Notes: Wedging" in titles
    assert "Lecture Notes: Centering on the wheel" in titles
    # a named step's one line still describes it
    assert "Kiln safety" in titles


def test_a_heading_describing_a_part_laid_out_elsewhere_is_that_parts_note():
    text = (
        "# Clay school\n\n## Schedule\n\n|  | Day | Topic |\n|---|---|---|\n"
        "| Module 1 | 1 | Pinch pots |\n| | 2 | Coils |\n| Module 2 | 3 | Centering |\n"
        "| | 4 | Trimming |\n\n## Module 1: Hand building\n\n"
        "Module 1 covers pinching and coiling.\n\n## Module 2: The wheel\n\n"
        "Module 2 is all wheel work.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Pinch pots",
        "Coils",
        "Centering",
        "Trimming",
    ]
    # the text goes to the part it describes, where the learner studies it
    parts = {n.title: n for n in roadmap.walk()}
    assert "pinching and coiling" in parts["Module 1"].notes
    assert "all wheel work" in parts["Module 2"].notes


def test_a_linked_book_named_like_a_part_is_not_its_description():
    text = (
        "# OS\n\n## operating systems\n\n- processes\n- memory\n\n## reading\n\n"
        "### [1. operating systems: three easy pieces](https://example.org/ostep)\n\n"
        "- a free book on virtualisation, concurrency and persistence\n"
    )
    titles = [n.title for n in parse_roadmap(text).walk()]
    assert any("three easy pieces" in title for title in titles)


def test_a_block_of_bare_steps_closed_by_a_sentence_keeps_its_steps():
    text = (
        "# Clay\n\n## Wheel work\n\nCentering\nOpening\nPulling walls\nTrimming\n"
        "Practise ten cylinders every single day after covering all of the basics above\n"
        "to make the moves automatic before glazing\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Centering",
        "Opening",
        "Pulling walls",
        "Trimming",
    ]
    assert "ten cylinders every single day" in roadmap.nodes[0].notes


def test_a_reading_list_sorted_into_read_reading_and_to_read_is_a_board():
    text = (
        "# Clay\n\n## Topics\n\n- Wedging\n- Centering\n\n## Reading List\n\n"
        "### Currently Reading\n\n- [The Potter's Book](https://example.org/a)\n\n"
        "### Read\n\n- [Glaze Basics](https://example.org/b)\n- [Kiln Notes](https://example.org/c)\n\n"
        "### Plan to Read\n\n- [Raku](https://example.org/d)\n- [Handles](https://example.org/e)\n\n"
        "### Reference Materials\n\n- [Clay wiki](https://example.org/w)\n"
    )
    roadmap = parse_roadmap(text)
    statuses = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    # where a book stands says how far the learner is; nothing is lost to the resources
    assert statuses["The Potter's Book"] == "doing"
    assert statuses["Glaze Basics"] == statuses["Kiln Notes"] == "done"
    assert statuses["Raku"] == statuses["Handles"] == "todo"
    assert "Clay wiki" not in statuses


def test_a_roadmap_kept_as_data_in_its_front_matter_is_read_from_it():
    text = (
        "---\ntitle: My clay path\ntopics:\n  - name: Wedging\n    status: completed\n"
        "    description: Spiral and ram's head.\n    resources:\n      - The Potter's Book\n"
        "  - name: Centering\n    status: in-progress\n  - name: Trimming\n"
        "    status: planned\n---"
    )
    roadmap = parse_roadmap(text, source="path.md")
    assert roadmap.title == "My clay path"
    statuses = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    assert statuses == {"Wedging": "done", "Centering": "doing", "Trimming": "todo"}
    wedging = roadmap.leaves()[0]
    assert "Spiral" in wedging.notes and wedging.resources[0].text == "The Potter's Book"


def test_a_week_heading_with_its_dates_in_brackets_is_no_template_blank():
    text = (
        "# Clay\n\n### Week 1 (Hand building) - [May 19, 2025 - May 25, 2025]:\n"
        "- Course: [Pinch pots](https://example.org/pinch)\n- Project:\n\n"
        "### Week 2 (Wheel) - [May 26, 2025 - June 01, 2025]:\n"
        "- Course: [Centering](https://example.org/centre)\n- Project:\n\n"
        "### Week N - [Topic]:\n- Course:\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    # each week is a step with its course as a resource; the template week is no step
    assert [t.split(" - ")[0] for t in titles] == ["Week 1 (Hand building)", "Week 2 (Wheel)"]
    assert roadmap.leaves()[0].resources[0].url == "https://example.org/pinch"


def test_a_plain_text_reading_checklist_keeps_its_parts_and_groups():
    text = (
        "---------------------------------------\n\n          Read, apply, analyse.\n\n"
        "---------------------------------------\n\n"
        "-------------------- Clay --------------------\nHand building\n"
        "    [ ] - Pinch pots for beginners\n    [x] - Coil Pots: The Complete Guide to Coiling\n\n"
        "Wheel\n    [x] - Centering\n    [-] - Trimming\n\n"
        "-------------------- Kilns --------------------\nFiring\n"
        "    [ ] - Cone packs\n    [ ] - Kiln logs\n\nMore at [the clay wiki](https://example.org)\n"
    )
    roadmap = parse_roadmap(text, source="reading.txt")
    parts = {n.title: [c.title for c in n.children] for n in roadmap.nodes}
    assert parts == {"Clay": ["Hand building", "Wheel"], "Kilns": ["Firing"]}
    titles = [leaf.title for leaf in roadmap.leaves()]
    # a book's subtitle after its colon is part of its name, not a note about it
    assert "Coil Pots: The Complete Guide to Coiling" in titles
    assert "Cone packs" in titles


def test_a_status_tracker_table_is_the_plan_even_in_an_overview_section():
    text = (
        "# Tracker\n\n## Weekly Progress Overview\n\n| Week | Topic | Status |\n|---|---|---|\n"
        "| 1 | Clay | Completed |\n| 2 | Wheel | In Progress |\n| 3 | Glaze | Upcoming |\n\n"
        "## Projects\n- Mug\n\n## Tools\n- Kiln\n\n## Ideas\n- Vase\n\n"
        "I build this in public to stay accountable.\n\n**Shreesh**\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves[:3] == [("Clay", "done"), ("Wheel", "doing"), ("Glaze", "todo")], leaves
    assert "Shreesh" not in [title for title, _ in leaves]


def test_how_to_reproduce_sections_are_housekeeping():
    text = (
        "# Week 1\n\n## Notebooks\n- day1.ipynb\n- day2.ipynb\n\n## 再現手順（Colab）\n"
        "- 各ノートをColabで開く。\n- 成果はGitHubに保存。\n\n"
        "## How to reproduce\n- Open in Colab\n- Save a copy\n\n"
        "## Next\n- [ ] Mon: setup\n- [ ] Tue: functions\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["day1.ipynb", "day2.ipynb", "Mon: setup", "Tue: functions"], leaves


def test_a_how_to_use_it_section_with_an_example_box_is_housekeeping():
    text = (
        "# Pottery for programmers\n\n## How to use it\n"
        "Work top to bottom; tick each box as you go.\n\n"
        "- [x] Fork the repo so you can tick items, like this one: [x]\n\n"
        "## Clay\n- [ ] Wedging\n- [ ] Centring\n\n## Glaze\n- [ ] Dipping\n"
    )
    roadmap = parse_roadmap(text)
    leaves = [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()]
    assert leaves == [("Wedging", "todo"), ("Centring", "todo"), ("Dipping", "todo")], leaves


def test_contact_sections_named_connect_are_housekeeping():
    text = (
        "# Sourdough\n\n## Starter\n- Feeding\n- Float test\n\n## Loaf\n- Shaping\n\n"
        "## How to Contribute/Connect\n- Star the repo if it helped!\n"
        "- Message me on Mastodon about bread.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Feeding", "Float test", "Shaping"], leaves


def test_encouragement_after_an_indented_outlines_last_rule_is_text():
    text = (
        "Knitting path\n=============\n"
        "This file lists what I practise, one skill after another, in the order I learn it.\n\n"
        "1. Basics\n    1.1. Casting on\n    1.2. Knit stitch\n        -> Garter square\n"
        "    1.3. Purl stitch\n"
        "2. Shaping\n    2.1. Decreases\n        -> Hat crown\n        -> Mitten thumb\n"
        "    2.2. Increases\n\n"
        "==========================\n"
        "READ THIS WHEN THE YARN TANGLES\n\n"
        "Every dropped stitch you pick up again is a skill you keep for good.\n"
        "Slow rows are still rows.\n"
        "The scarf you finish is better than the sweater you only planned to make.\n"
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert leaves == [
        "1.1. Casting on",
        "1.2. Knit stitch",
        "1.3. Purl stitch",
        "Hat crown",
        "Mitten thumb",
        "2.2. Increases",
    ], leaves


def test_state_tags_before_the_names_are_statuses():
    text = (
        "# Ceramics self-study\n\n## Clay\n- [Completed] [Hand building](https://example.org/a)\n"
        "- [Ongoing] Wheel throwing\n- [Plan] Porcelain\n\n## Glaze\n"
        "- [Completed] Dipping\n- [Reading] Glaze chemistry, chapter 2\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Hand building", "done"),
        ("Wheel throwing", "doing"),
        ("Porcelain", "todo"),
        ("Dipping", "done"),
        ("[Reading] Glaze chemistry, chapter 2", "todo"),
    ], leaves


def test_one_state_tag_alone_is_part_of_the_name():
    text = "# Plan\n\n## Week 1\n- [Done] list of my favourite glazes\n- Trimming\n"
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves[0][1] == "todo", leaves


def test_empty_brackets_typed_without_a_list_marker_are_open_boxes():
    text = (
        "### Pottery course\n\n[X] - Clay bodies\n[X] - Wedging\n"
        "[] - Centring\n[] - Pulling walls\n[✅] Trimming\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Clay bodies", "done"),
        ("Wedging", "done"),
        ("Centring", "todo"),
        ("Pulling walls", "todo"),
        ("Trimming", "done"),
    ], leaves


def test_a_progress_list_of_the_plans_own_parts_is_no_part_of_the_plan():
    parts = "## Clay Level\n- Wedging\n- Centring\n\n## Wheel Level\n- Walls\n\n"
    restating = parts + "## Progress\n\n[✅] Clay Level\n[] Wheel Level\n"
    leaves = [leaf.title for leaf in parse_roadmap("# Pottery\n\n" + restating).leaves()]
    assert leaves == ["Wedging", "Centring", "Walls"], leaves
    own = parts + "## Progress\n\n[x] Fire a test tile\n[ ] Book kiln time\n"
    leaves = [leaf.title for leaf in parse_roadmap("# Pottery\n\n" + own).leaves()]
    assert leaves[-2:] == ["Fire a test tile", "Book kiln time"], leaves


def test_turkish_advice_and_outcome_sections_typed_in_capitals_are_text():
    text = (
        "# 🎯 SERAMİK PLANI\n\n## 🏁 MEVCUT DURUMUNUZ\n- Çamur yoğurma\n- Tornada merkezleme\n\n"
        "## 🚀 4 HAFTALIK PLAN\n\n### HAFTA 1: TEMEL\n- [ ] Kil seç\n- [ ] Silindir çek\n\n"
        "### HAFTA 2: SIR\n- [ ] Sır hazırla\n- [ ] Fırınla\n\n"
        "## ⚡ HIZLI İLERLEME İPUÇLARI\n- Her gün çalış\n- Küçük başla\n\n"
        "## 📋 GÜNLÜK ÇALIŞMA RUTINI\n- Sabah: 30 dakika\n- Akşam: 1 saat\n\n"
        "## 🎉 BİTİRDİĞİNİZDE NE KAZANMIŞ OLACAKSINIZ?\n- Kendi kupanız\n- Sabır\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Kil seç", "Silindir çek", "Sır hazırla", "Fırınla"], leaves


def test_the_last_slot_named_by_place_keeps_its_whole_line_as_its_slots_before_it_do():
    text = (
        "# Lộ trình gốm\n\n## Giai đoạn 1\n- **Buổi 1–2:** Nhào đất, định tâm\n"
        "- **Buổi 3–4:** Kéo thành\n- **Tuần cuối:** Dự án cuối khóa: *Bộ chén trà* (men, nung)\n\n"
        "## Phase 2\n- **Week 1:** Glazes\n- **Final week:** Capstone: *a tea set* for the fair\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Tuần cuối: Dự án cuối khóa: Bộ chén trà (men, nung)" in leaves, leaves
    assert "Final week: Capstone: a tea set for the fair" in leaves, leaves


def test_a_resource_compilation_and_success_metrics_are_no_steps():
    text = (
        "# Pottery year\n\n## Quarter 1\n- Wedging\n- Centring\n\n## Quarter 2\n- Glazing\n\n"
        "## 📚 Enhanced Resource Compilation\n\n### **Video Resources**\n"
        "- [Throwing basics](https://example.org/v1)\n- [Trimming](https://example.org/v2)\n\n"
        "## 🎯 Success Metrics & Milestones\n- **Q1:** ten even cylinders\n- **Q2:** a glazed set\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centring", "Glazing"], leaves


def test_attendance_policies_and_submission_rules_are_course_administration():
    text = (
        "# Ceramics 101\n\n## Attendance\n- Two absences allowed\n- Sign in at the door\n\n"
        "## Course Policies\n- No food near the wheels\n\n## Sistema de Avaliação e Frequência\n"
        "- Projeto: 80%\n- Listas: 20%\n\n## Week 1\n- Wedging\n\n## Week 2\n- Centring\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centring"], leaves


def test_sites_to_avoid_and_good_documentation_are_no_steps():
    text = (
        "# Apprendre la poterie\n\n## Les cours\n\n### Tournage\n"
        "* [Cours](https://example.org/tour)\n* [Exercices](https://example.org/ex)\n\n"
        "### Émaillage\n* [Cours](https://example.org/email)\n\n"
        "## Les sites à éviter\n* [ArgileFacile](https://example.org/bad)\n\n"
        "## Bonnes documentations\n* [Glazy](https://example.org/glazy)\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Cours", "Exercices", "Cours"], leaves


def test_simple_rules_after_a_weekly_checklist_are_advice():
    text = (
        "# Töpfer-Tracker\n\n### Wöchentlicher Fortschritt\n- [ ] **Woche 1** - Ton\n"
        "- [ ] **Woche 2** - Drehen\n- [ ] **Woche 3** - Glasur\n\n## Einfache Regeln:\n"
        "1. ✅ Checkbox ankreuzen = Fertig\n2. 🎯 Maximal 5h pro Woche\n\n"
        "## Simple rules\n- Clean the wheel every day\n\n## Reglas básicas\n- Nada de prisa\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Woche 1 - Ton", "Woche 2 - Drehen", "Woche 3 - Glasur"], leaves


def test_caption_bullets_around_boxes_without_sections_are_text():
    text = (
        "- [x] Clay basics ✅ 2025-02-19\n- [x] Wheel throwing ✅ 2025-03-06\n"
        "- [ ] Glaze chemistry\n- [ ] Kiln safety\n\n"
        "- Videos and articles by others that I used to go deeper into kilns, glazes, etc...\n\n"
        "**Centring tutorial:** https://example.org/centring\n"
        "**Glaze blog:** https://example.org/glaze\n**Kiln overview:** https://example.org/kiln\n"
        "**Trimming video:** https://example.org/trim\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Clay basics", "done"),
        ("Wheel throwing", "done"),
        ("Glaze chemistry", "todo"),
        ("Kiln safety", "todo"),
    ], leaves


def test_a_weeks_outcomes_beside_its_topics_are_its_text_in_turkish_too():
    text = (
        "# Seramik\n\n### Hafta 1: Kil\n\n**📖 Konular:**\n- Kil türleri\n- Yoğurma\n\n"
        "**💡 Çıktılar:**\n- Kili tanıyabilme\n- Yoğurabilme\n\n"
        "### Hafta 2: Torna\n\n**📖 Konular:**\n- Merkezleme\n- Çekme\n\n"
        "**💡 Çıktılar:**\n- Silindir\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Kil türleri", "Yoğurma", "Merkezleme", "Çekme"], leaves


def test_a_weekly_schedule_of_weekdays_is_the_rhythm_and_one_of_weeks_is_the_plan():
    routine = (
        "# Pottery bootcamp\n\n## Weeks\n- Week 1\n  - Wedging\n- Week 2\n  - Centring\n\n"
        "## Weekly Schedule\n\n- Monday morning\n  - The week's clay is handed out\n"
        "- Wednesday\n  - Check-in with a tutor\n- Friday end of day\n  - Pots are due\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(routine).leaves()]
    assert leaves == ["Wedging", "Centring"], leaves
    plan = "# Pottery bootcamp\n\n## Weekly Schedule\n\n- Week 1: Wedging\n- Week 2: Centring\n"
    assert len(parse_roadmap(plan).leaves()) == 2


def test_a_bold_label_over_one_entry_and_an_emptied_template_section():
    text = (
        "# Plan\n\n### Week 1 – Clay\n- **Goals**\n- Wedge well\n- Centre well\n"
        "- **Detailed plan**\n  - A simple pinch pot, then a coil pot\n\n"
        "### Week 2 – Wheel\n- Centring\n- Opening\n\n## Empty week template\n\n"
        "### Week N – (topic)\n- **Goals**\n- Mon:\n- Tue:\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Detailed plan: A simple pinch pot, then a coil pot" in leaves, leaves
    assert not any("template" in title.lower() for title in leaves), leaves


def test_a_bold_total_line_of_a_phase_is_no_step():
    text = (
        "# Workbook\n\n## Phase 1: Clay\n\n| No | Theme |\n|---|---|\n| 1 | Wedging |\n"
        "| 2 | Pinching |\n\n**Phase 1 合計: 2テーマ**\n\n## Phase 2: Wheel\n\n| No | Theme |\n"
        "|---|---|\n| 3 | Centring |\n\n**Phase 2 Total: 1 theme**\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Wedging",
        "Pinching",
        "Centring",
    ]


def test_days_with_the_same_facet_labels_are_the_plan_not_a_comparison():
    day = "## Day {n}: Topic {n}\n- **Theory:** Reading {n}\n- **Task:** Exercise {n}\n\n"
    text = "# 30 days\n\n" + "".join(day.format(n=n) for n in range(1, 5))
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes] == [f"Day {n}: Topic {n}" for n in range(1, 5)]
    assert len(roadmap.leaves()) == 8


def test_question_boxes_after_the_plan_check_understanding_and_are_not_steps():
    text = (
        "# Knitting in 30 Days\n\n## Week 1: Stitches\n- Cast on\n- Knit stitch\n\n"
        "## Week 2: Purl\n- Purl stitch\n\n## Week 3: Projects\n- A scarf\n\n"
        "## Success Metrics\nEach week, ask yourself:\n"
        "- [ ] Could you teach this stitch to a friend?\n- [ ] Can you spot a dropped stitch?\n"
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert not any("?" in t for t in titles), titles
    # a box that names work stays a step, even after the plan
    kept = text + "\n## Extra\n- [ ] Knit a hat\n"
    assert "Knit a hat" in [node.title for node in parse_roadmap(kept).walk()]


def test_task_boxes_typed_without_a_list_marker_are_the_checklist():
    text = (
        "# Networks\n\n[x] TCP handshake\n[ ] DNS lookup\n  [ ] Resolvers\n\n"
        "# Storage\n\n[ ] B-trees\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Networks", ["TCP handshake", "Resolvers"]),
        ("Storage", ["B-trees"]),
    ]
    assert [leaf.status.value for leaf in roadmap.nodes[0].leaves()] == ["done", "todo"]
    # one "[x] marks the spot" sentence is no checklist
    assert "marks" not in str(_tree(parse_roadmap("# Maps\n\n[x] marks the spot.\n\n- Legend\n")))


def test_a_numbered_part_label_or_a_listing_aside_keeps_the_name_after_its_colon():
    text = (
        "# Web\n\n## Checklist\n\n"
        "- [x] Bloco 4: Introdução à JavaScript e Lógica da Programação\n"
        "- [ ] Practice problems: LeetCode (Medium: Single Number, Power of Two)\n"
        "- [ ] 《重构：改善既有代码的设计》\n"
        "- [ ] Incidents: when «prod is on fire»\n"
        "- [ ] Probability: this is crucial for every model you will ever train\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).nodes[0].leaves()]
    assert titles == [
        "Bloco 4: Introdução à JavaScript e Lógica da Programação",
        "Practice problems: LeetCode (Medium: Single Number, Power of Two)",
        "《重构：改善既有代码的设计》",
        "Incidents: when «prod is on fire»",
        "Probability",  # a name and its explanation still part
    ]


def test_a_pasted_plain_text_plan_is_named_by_its_first_line():
    text = (
        "Pottery Plan - Wheel First, Glaze Later\n"
        "🎯 Study Philosophy\nThrow every day\nKeep a clay diary\n\n"
        "📅 Week 1: Centring\nWedging clay\nCentring on the wheel\n\n"
        "📅 Week 2: Pulling walls\nCylinders\nBowls\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Pottery Plan - Wheel First, Glaze Later"
    # the philosophy is advice: text, not the first phase
    assert [phase.title for phase in roadmap.nodes] == ["Week 1: Centring", "Week 2: Pulling walls"]
    chat = "Sure, here is a plan\n📅 Week 1: Centring\nWedging clay\n"
    assert parse_roadmap(chat, source="plan.md").title != "Sure, here is a plan"


def test_a_closing_summary_in_a_language_that_puts_the_head_word_first_restates_the_plan():
    text = (
        "# Kế hoạch\n\n## Tháng 1\n- Biến\n- Vòng lặp\n\n## Tháng 2\n- HTML\n- CSS\n\n"
        "### Tóm tắt nội dung 2 tháng:\n1. Tháng 1: lập trình cơ bản\n2. Tháng 2: web\n"
    )
    assert [len(phase.leaves()) for phase in parse_roadmap(text).nodes] == [2, 2]


def test_a_group_of_boxes_inside_a_courses_section_stays_a_group():
    text = (
        "# Courses\n\n- [ ] CMU\n  - [ ] Databases\n\n"
        "**Lecture channels**\n- [ ] Vipin\n- [x] Chris\n\n# Books\n\n- [ ] SICP\n"
    )
    courses = parse_roadmap(text).nodes[0]
    assert [child.title for child in courses.children] == ["CMU", "Lecture channels"]
    assert [leaf.title for leaf in courses.children[1].leaves()] == ["Vipin", "Chris"]


def test_a_tick_among_icons_is_an_icon_and_a_platforms_label_without_a_link_is_a_topic():
    text = (
        "# Data Engineering\n\n## Storage\n"
        "* **❄️ Platforms**: cloud warehouses such as Snowflake and BigQuery\n"
        "* **⏳ History**: slowly changing dimensions over time\n\n"
        "## Operations\n"
        "* **📜 IaC**: infrastructure as code with Terraform\n"
        "* **🚀 CI/CD**: automated testing and deployment pipelines\n"
        "* **✅ Quality**: data tests and a catalogue of datasets\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == ["Platforms", "History", "IaC", "CI/CD", "Quality"]
    assert all(leaf.status.value == "todo" for leaf in leaves)


def test_a_track_dashboard_reads_its_tracks_not_its_overview_bars_or_spaced_links():
    text = (
        "# Game Dev Dashboard\n\n## Track Overview\n\n"
        "| Track | Name | Issues | Progress |\n|---|---|---|---|\n"
        "| **A** | Basics | 2 | ☐☐ |\n| **B** | Breakout | 2 | ☐☐ |\n\n"
        "## TRACK A — Basics\n\n**Progress:** ☐☐☐☐\n\n"
        "- [ ] [A1 – Editor] (issues/A1-editor.md)\n- [x] [A2 – Nodes] (issues/A2.md)\n\n"
        "## TRACK B — Breakout\n\n**Progress:** ☐☐☐☐\n\n"
        "- [ ] [B1 – Paddle] (issues/B1.md)\n- [ ] [B2 – Ball] (issues/B2.md)\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("TRACK A — Basics", ["A1 – Editor", "A2 – Nodes"]),
        ("TRACK B — Breakout", ["B1 – Paddle", "B2 – Ball"]),
    ]


def test_a_pages_completion_box_under_a_module_is_no_step():
    text = (
        "# Course\n\n## 1. Setup\n\n- Install the SDK\n- Create a project\n\n"
        "[ ] Section 1 completed\n\n## 2. APIs\n\n- Routing\n\n[ ] Section 2 completed\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Install the SDK", "Create a project", "Routing"]


def test_a_tree_of_topics_after_the_numbered_plan_is_still_study_material():
    plan = (
        "# Me\n\n# Phase 1: Code\n- Bash\n\n# Phase 2: Maths\n- Algebra\n\n"
        "# Phase 3: AI\n- Papers\n\n"
    )
    tree = (
        "# Continuous learning\n- Systems\n\t- Kernel development\n\t- Processor design\n"
        "- Maths\n\t- Matrix theory\n\t- Probability\n- Computing\n\t- Parallel computing\n"
        "\t- Memory hierarchies\n"
    )
    remarks = (
        "# Staying on track\n- Community\n\t- Join a forum and ask questions.\n"
        "\t- Attend a meetup.\n- Reflection\n\t- What did I learn today?\n"
        "\t- What was hard?\n\t- What will I change?\n\t- Who can I ask?\n"
    )
    kept = [leaf.title for leaf in parse_roadmap(plan + tree).leaves()]
    assert "Matrix theory" in kept and "Memory hierarchies" in kept
    dropped = [leaf.title for leaf in parse_roadmap(plan + remarks).leaves()]
    assert dropped == ["Bash", "Algebra", "Papers"]


def test_a_schedule_of_commitment_and_total_length_is_the_budget_not_steps():
    text = (
        "# Python in a Month\n\n## Schedule\n- **Daily Commitment**: 2 hours\n"
        "- **Total Duration**: 1 month\n\n## Week 1: Basics\n- Variables\n- Loops\n\n"
        "## Week 2: Data\n- JavaScript Basics: 15 hours\n- Dictionaries: 5 hours\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Variables",
        "Loops",
        "JavaScript Basics",
        "Dictionaries",
    ]


def test_course_administration_and_notes_to_self_are_text_in_any_language():
    text = (
        "# Bootcamp\n\n## Week 1: Git\n- Commits\n- Branches\n\n## Week 2: React\n- Hooks\n\n"
        "## Evaluation\n- Final project presentations\n- Peer review\n\n"
        "## Herramientas Necesarias\n- Un editor\n- Un navegador\n\n"
        "## Notes to Self\n- Use spaced repetition for tough topics\n\n"
        "## Recursos adicionales\n- [Docs](https://example.org/docs)\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Commits", "Branches", "Hooks"]


def test_a_topic_named_with_an_advice_word_inside_a_phase_is_still_a_topic():
    part = (
        "# Security\n\n## Phase 1: Core\n\n### Networking\n- TCP/IP\n\n### Linux\n- Permissions\n\n"
        "### Security Mindset\n- Identifying weak points\n- Chaining small issues\n\n"
    )
    tips = "### Common Mistakes\n- Skipping the basics is the fastest way to get stuck.\n\n"
    end = "## Phase 2: Crypto\n- Hashing\n\n## Phase 3: Web\n- XSS\n"
    leaves = [leaf.title for leaf in parse_roadmap(part + tips + end).leaves()]
    assert "Chaining small issues" in leaves
    assert not any("Skipping" in title for title in leaves)


def test_numbered_project_headings_with_a_line_each_are_steps_of_their_phase():
    text = (
        "# Plan\n\n## Phase 1: Basics\n- [x] Python\n- [ ] NumPy\n\n"
        "## Phase 2: Models\n- [ ] Regression\n- [ ] Trees\n\n"
        "## Phase 3: Projects\n\n### 🚀 **Project 1: Recommender**\nBuild a recommender.\n\n"
        "### 🚀 **Project 2: Chatbot**\nBuild a chatbot with retrieval.\n\n"
        "## Tracking\nTick the boxes as you go.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.nodes[2].leaves()] == [
        "Project 1: Recommender",
        "Project 2: Chatbot",
    ]


def test_a_short_line_right_above_a_table_names_its_rows():
    text = (
        "# Terms\n\n## Term 1\n\nMaths\nCourse | Weeks\n:-- | :--:\nAlgebra | 3\nCalculus | 4\n\n"
        "## Term 2\n\nPhysics\nCourse | Weeks\n:-- | :--:\nMechanics | 3\n"
    )
    roadmap = parse_roadmap(text)
    assert [child.title for child in roadmap.nodes[0].children] == ["Maths"]
    assert [leaf.title for leaf in roadmap.nodes[0].leaves()] == ["Algebra", "Calculus"]


def test_an_introductions_list_of_what_the_weeks_cover_is_an_overview():
    text = (
        "# Web Bootcamp\n\n## Introduction\n\n### Technologies\n\nThis course covers:\n\n"
        "- Git: a version control system for your code\n- HTML/CSS: the languages of pages\n"
        "- React: a library for interfaces\n\n## Curriculum\n\n### Week 1: Git\n- Commits\n"
        "### Week 2: HTML/CSS\n- Selectors\n### Week 3: React\n- Hooks\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Commits", "Selectors", "Hooks"]
    assert "version control" in roadmap.notes


def test_a_resources_section_whose_parts_are_link_lists_is_reading_whatever_their_names():
    text = (
        "# SQL\n\n## Week 1\n- Joins\n- Subqueries\n\n## Resources\n\n### Concept Map\n\n"
        "### Self Assessments\n- [Quiz 1](https://example.org/q1)\n- [Quiz 2](https://example.org/q2)\n\n"
        "### Videos\n- [What is SQL?](https://example.org/v)\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Joins", "Subqueries"]
    # a part with steps of its own keeps "## Course" a structure
    steps = text.replace("### Concept Map\n", "### Concept Map\n- Draw the schema\n- Name keys\n")
    assert "Draw the schema" in [leaf.title for leaf in parse_roadmap(steps).leaves()]


def test_a_document_titled_course_or_books_is_no_reading_list():
    text = "# Course\n\n## Week 1\n- Loops\n- Lists\n\n## Week 2\n- Graphs\n"
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Course"
    assert _tree(roadmap) == [("Week 1", ["Loops", "Lists"]), ("Week 2", ["Graphs"])]


def test_a_timetable_under_one_schedule_heading_keeps_the_heading_as_its_part():
    text = (
        "# Data Science\n\n**TA:**\n\n* Jo Smith\n\n### Course Schedule\n\n"
        "Week | Monday | Wednesday\n--- | --- | ---\n1 | Intro | Databases\n"
        " - | No class | No class\n2 | Pandas | Scraping\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Course Schedule"]
    assert "Jo Smith" not in [leaf.title for leaf in roadmap.leaves()]


def test_a_capstones_requirements_inside_its_phase_are_its_steps():
    text = (
        "# ML Engineer\n\n## Prerequisites\n- Python\n- Some algebra\n\n"
        "## Phase 1: Basics\n- NumPy\n\n## Phase 2: Capstone\n\n**Objective:**\n\n"
        "- Ship a monitored service.\n\n**Requirements:**\n\n1. Containerize it.\n"
        "2. Add monitoring.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Containerize it." in leaves and "Add monitoring." in leaves
    assert "Python" not in leaves  # the document's own prerequisites are still a note


def test_what_you_do_not_need_and_a_typical_week_are_not_steps():
    text = (
        "# ML Engineer\n\n## Stage 1: Python\n\nYou must know:\n- Generators\n- Typing\n\n"
        "You DO NOT need:\n- Metaclasses\n- Descriptor protocol\n\n## Stage 2: Models\n\n"
        "In a typical week:\n- Monday lectures introduce the ideas.\n- Friday labs apply them.\n\n"
        "- Regression\n- Trees\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Metaclasses" not in leaves and "Generators" in leaves
    assert not any(title.startswith("Monday") for title in leaves)


def test_a_chinese_label_list_names_every_entry_by_its_label_even_one_with_spaces():
    text = (
        "# 后端学习\n\n## 重点\n\n"
        "- Web 服务 框架：路由、请求生命周期、中间件、错误处理。\n"
        "- 数据库：连接池、事务、迁移策略、索引设计。\n"
        "- 缓存：过期策略、缓存击穿、限流、降级。\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [("重点", ["Web 服务 框架", "数据库", "缓存"])]
    first = roadmap.nodes[0].children[0]
    assert "请求生命周期" in first.notes


def test_a_visual_roadmap_drawn_as_a_tree_is_the_plan_and_a_file_tree_beside_it_is_not():
    text = (
        "# Pottery\n\nYour path:\n\n```\nMonth 1: HAND BUILDING\n"
        "├── Pinch pots\n├── Coil pots\n└── Slab boxes\n\n"
        "Month 2: THE WHEEL\n├── Centering\n│   └── 📦 Project: Five cylinders\n"
        "└── Trimming\n```\n\n## Files\n\n```\nstudio/\n├── glazes.md\n└── kiln-log.csv\n```\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, [leaf.title for leaf in p.leaves()]) for p in roadmap.nodes] == [
        ("Month 1: HAND BUILDING", ["Pinch pots", "Coil pots", "Slab boxes"]),
        ("Month 2: THE WHEEL", ["Project: Five cylinders", "Trimming"]),
    ]


def test_a_course_syllabus_without_boxes_beside_ticked_goals_keeps_its_items():
    weeks = "".join(
        f"### Week {n} - {topic}\n- **Lab {n}:**\n  - {lab}\n- **Problem Set {n}:**\n"
        f"  - {a}\n  - {b}\n\n"
        for n, (topic, lab, a, b) in enumerate(
            [
                ("Knots", "Bowline", "Clove hitch", "Sheet bend"),
                ("Sails", "Reefing", "Trimming", "Tacking"),
                ("Weather", "Barometer", "Fog", "Squalls"),
                ("Navigation", "Charts", "Tides", "Buoys"),
            ]
        )
    )
    goals = "".join(f"- [{'x' if n < 3 else ' '}] Goal {n}\n" for n in range(8))
    text = (
        "# Sailing School\n\n## About\nNotes for the course.\n\n## Course structure\n\n"
        f"{weeks}## Goals per fortnight\n\n{goals}\n## Tools\n\n- A notebook\n- A whistle\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Clove hitch" in titles and "Goal 7" in titles, titles
    assert len(titles) == 4 * 3 + 8, titles
    assert sum(leaf.status.value == "done" for leaf in roadmap.leaves()) == 3
    assert "A whistle" not in titles  # a list beside the boxes is still text


def test_a_chat_plan_with_a_captioned_title_and_a_mindset_stage_keeps_every_stage():
    text = (
        "# 🎨 COMPLETE ILLUSTRATOR ROADMAP\n### Target: Beginner → Paid commissions\n"
        "### Pace: 10 hours a week\n\n---\n\n"
        "# 🧭 STAGE 0 — MINDSET & PRACTICE HABITS (Before Anything)\n\nYou are building:\n"
        "- A daily sketch habit\n- A reference library\n\n---\n\n"
        "# 📘 STAGE 1 — DRAWING FUNDAMENTALS (0–3 Months)\n\n- Gesture\n- Perspective\n\n"
        "# 📗 STAGE 2 — COLOUR (3–5 Months)\n\n- Value\n- Harmony\n\n"
        "# 💡 Tips\n\n- Draw every day\n- Keep old sketches\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "COMPLETE ILLUSTRATOR ROADMAP"
    assert [p.title for p in roadmap.nodes] == [
        "STAGE 0 — MINDSET & PRACTICE HABITS (Before Anything)",
        "STAGE 1 — DRAWING FUNDAMENTALS",
        "STAGE 2 — COLOUR",
    ]
    assert "Target: Beginner → Paid commissions" in roadmap.notes
    assert "Draw every day" in roadmap.notes  # a tips section is still advice


def test_a_tracker_that_marks_topics_after_their_names_gives_them_those_statuses():
    text = (
        "# Knitting\n\n## Beginner\n\n1. **Casting on** ✅\n   - Long-tail cast on\n"
        "   - Cable cast on\n2. **Knit stitch** ✅\n   - Tension\n3. **Purl stitch** 🛑\n"
        "   - Continental purl\n"
    )
    status = {node.title: node.status.value for node in parse_roadmap(text).walk()}
    assert (status["Casting on"], status["Knit stitch"], status["Purl stitch"]) == (
        "done",
        "done",
        "todo",
    ), status


def test_one_kind_of_mark_after_links_says_published_not_learned():
    text = (
        "# Knitting notes\n\n## Articles I wrote\n\n"
        "- Yarn weights: [blog](https://e.org/1) ✅\n- Needle sizes: [blog](https://e.org/2) ✅\n"
        "- Blocking: [blog](https://e.org/3)\n"
    )
    assert all(leaf.status.value == "todo" for leaf in parse_roadmap(text).leaves())


def test_github_emoji_shortcodes_are_no_words_of_a_title_and_a_tick_shortcode_ticks():
    text = (
        "# Rust\n\n## Books :books:\n\n- [x] The Book :fire::fire:\n- [ ] Rust for Rustaceans\n\n"
        "## Topics\n\n- :white_check_mark: Ownership\n- :hourglass: Lifetimes\n"
        "- [ ] `std::mem::swap` and friends\n"
    )
    roadmap = parse_roadmap(text)
    titles = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    assert titles == {
        "The Book": "done",
        "Rust for Rustaceans": "todo",
        "Ownership": "done",
        "Lifetimes": "doing",
        "std::mem::swap and friends": "todo",
    }, titles
    assert [p.title for p in roadmap.nodes] == ["Books", "Topics"]


def test_the_one_hash_heading_under_a_tagline_heading_names_the_roadmap():
    text = (
        "### My notes while studying at the bakery school :bread:\n\n# Bread Baking Course\n\n"
        "The course runs for a year.\n\n## Module 1 - Doughs\n\n"
        "- [x] Lean dough\n- [ ] Enriched dough\n\n"
        "## Module 2 - Ovens\n\n- [ ] Deck ovens\n"
    )
    assert parse_roadmap(text).title == "Bread Baking Course"


def test_a_bold_source_before_a_name_stays_in_the_title_and_a_bold_topic_before_a_list_does_not():
    text = (
        "# Pottery\n\n## Glazes\n\n- **Udemy course**: Glazes from Scratch\n"
        "- **Linda Bloomfield**: Colour in Glazes\n- **Chemistry:** oxides, fluxes, silica\n"
        "- **Firing:** how the kiln's atmosphere changes the colour of every glaze we use\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [
        "Udemy course: Glazes from Scratch",
        "Linda Bloomfield: Colour in Glazes",
        "Chemistry",
        "Firing",
    ]


def test_a_chat_plan_keeps_its_outcomes_goals_schedule_and_pep_talk_out_of_the_checklist():
    text = (
        "Yes, you can do it in a month.\n\n# 🚀 **Your 1-Month Sailing Roadmap**\n\n"
        "### ⏳ Total timeline: **30 days**\n\n### 🧠 Target outcome:\n\n"
        "✔ Confident at the helm\n✔ Able to dock alone\n✔ Ready for a skipper course\n\n"
        "# ⭐ Phase 1 — Boat handling (Week 1)\n\n### 🎯 Goal: Feel the boat\n\n"
        "### Day 1–3: Basics\n\n* Knots\n* Points of sail\n\n### Day 4–7: Manoeuvres\n\n"
        "* Tacking\n* Gybing\n\n# ⭐ Phase 2 — Navigation (Week 2)\n\n"
        "### 🎯 Goal: Find your way\n\n### Topics:\n\n* Charts\n* Tides\n\n"
        "# ⭐ Phase 3 — Docking (Week 3–4)\n\n### Topics:\n\n* Springs\n* Mooring buoys\n\n"
        "# ⭐ Extra DAILY PLAN (1 hour/day)\n\n### ⏳ **Week 1: Boat handling**\n\n"
        "* 20 min theory\n* 40 min on the water\n\n# 💥 Final Reality Check\n\n"
        "✔ Follow this roadmap\n✔ Sail every day\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Your 1-Month Sailing Roadmap"
    assert [p.title for p in roadmap.nodes] == [
        "Phase 1 — Boat handling",
        "Phase 2 — Navigation",
        "Phase 3 — Docking",
    ]
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == [
        "Knots", "Points of sail", "Tacking", "Gybing", "Charts", "Tides", "Springs",
        "Mooring buoys",
    ]  # fmt: skip
    assert "Feel the boat" in roadmap.nodes[0].notes
    assert "Confident at the helm" in roadmap.notes


def test_a_folder_name_before_a_description_keeps_the_description_in_the_title():
    text = (
        "# Go 学习\n\n## 第一阶段\n\n- [x] **01-basics**: 变量、常量与基本类型。\n"
        "- [ ] **02_control-flow**: If, for and switch statements.\n"
        "- [ ] **Linear Algebra:** vectors, matrices, eigenvalues and why they matter here.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [
        "01-basics: 变量、常量与基本类型。",
        "02_control-flow: If, for and switch statements.",
        "Linear Algebra",
    ]


def test_a_numbered_part_with_topics_under_it_keeps_the_words_after_its_colon():
    text = (
        "# Linux course\n1. Shells: the command line, pipes and redirection\n"
        "    - Pipes\n    - Redirection\n2. Networking: TCP/IP basics, DNS and HTTP\n"
        "    - The OSI model\n    - DNS\n3. Processes\n"
        "- Probability: this is crucial for every model you will ever train\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes[:2]] == [
        "Shells: the command line, pipes and redirection",
        "Networking: TCP/IP basics, DNS and HTTP",
    ]
    assert "Probability" in [leaf.title for leaf in roadmap.leaves()]


def test_materials_written_as_steps_are_steps_and_a_progress_list_of_the_phases_is_not():
    text = (
        "# Hoja de ruta - Cerámica\n\n## FASE 1: Torno\n\n### 📖 Materiales\n"
        "1. Leer el PDF del tema 1\n2. Ver el vídeo de centrado\n\n### ✅ Tareas\n"
        "- Hacer tres cilindros\n\n## FASE 2: Esmaltes\n\n### 📖 Materiales\n"
        "1. Leer el PDF del tema 2\n\n### ✅ Tareas\n- Esmaltar dos tazas\n\n"
        "## 📊 PROGRESO\n\n- [ ] Fase 1: Torno\n- [ ] Fase 2: Esmaltes\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == [
        "Leer el PDF del tema 1",
        "Ver el vídeo de centrado",
        "Hacer tres cilindros",
        "Leer el PDF del tema 2",
        "Esmaltar dos tazas",
    ], titles


def test_a_how_to_that_says_which_mark_means_done_makes_those_marks_ticks():
    text = (
        "# Roteiro de Cerâmica\n\n## Como usar\n\n1. Siga os módulos na ordem.\n"
        "2. Marque como concluído cada item (✅) para acompanhar seu progresso.\n\n"
        "## Módulo 1: Torno\n\n- ✅ Centrar o barro\n- ✅ Abrir o cilindro\n\n"
        "## Módulo 2: Esmaltes\n\n- ✅ Preparar o esmalte\n- Queimar a peça\n"
    )
    done = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert done == {
        "Centrar o barro": "done",
        "Abrir o cilindro": "done",
        "Preparar o esmalte": "done",
        "Queimar a peça": "todo",
    }, done


def test_a_chat_answer_without_a_hash_heading_is_named_by_its_first_heading_naming_a_plan():
    text = (
        "Sure! Here is your plan.\n\n### **Lộ Trình 12 Tuần Học Gốm**\n\n#### Cách dùng\n\n"
        "Đọc mỗi tuần một chủ đề.\n\n#### Tháng 1\n\n- Nhào đất\n- Vuốt trụ\n\n#### Tháng 2\n\n"
        "- Men gốm\n- Nung\n"
    )
    assert parse_roadmap(text, source="plan.md").title == "Lộ Trình 12 Tuần Học Gốm"


def test_an_estimated_duration_line_under_a_phase_times_it_and_is_no_step():
    text = (
        "# Ruta de cerámica\n\n## FASE 1 – Torno\n\n⌛ *Duración estimada:* **4 – 5 semanas**\n\n"
        "🎯 **Objetivo:**  \nDominar el centrado.\n\n### 1.1 Centrado\n\n- Cono\n- Presión\n\n"
        "## FASE 2 – Esmaltes\n\n⌛ *Duración:* **2 semanas**\n\n### 2.1 Mezclas\n\n- Feldespato\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, p.duration) for p in roadmap.nodes] == [
        ("FASE 1 – Torno", "4 – 5 semanas"),
        ("FASE 2 – Esmaltes", "2 semanas"),
    ]
    assert [leaf.title for leaf in roadmap.leaves()] == ["Cono", "Presión", "Feldespato"]


def test_a_chat_preamble_list_before_the_plan_is_no_part_of_it():
    text = (
        "Each week I will give you:\n\n1. **Patterns:** sentences to copy\n"
        "2. **Vocabulary:** words to learn\n\n### Plan\n\n#### Month 1\n\n"
        + "".join(f"- Topic {n}\n" for n in range(1, 5))
        + "\n#### Month 2\n\n"
        + "".join(f"- Topic {n}\n" for n in range(5, 9))
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [f"Topic {n}" for n in range(1, 9)], titles


def test_page_spacing_in_loose_text_is_no_step():
    text = "Week 1-2: Programming<br>\nBest book: SICP<br>\n<br>\n&nbsp;&nbsp;Week 3: Math<br>\n"
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert not any("<br>" in t or "nbsp" in t or not t.strip() for t in titles), titles


def test_a_session_described_by_labelled_facets_is_one_step_with_its_time():
    text = (
        "# Session 1\n\n## Semaine 40\n\n#### **Lun 30 Sept :** Découverte du tournage\n\n"
        "* **Notions :** [Tournage](cours/tournage.md)\n* **Objectif•s :**\n"
        "  * Centrer la terre\n  * Monter un cylindre\n* **Compétence•s visée•s :** 3 et 7\n"
        "* **Temporalité :** 2h\n\n#### **Mar 1 Oct :** Les émaux\n\n* **Notions :** Émaux\n"
        "* **Temporalité :** 3h\n\n### Livrables\n\n* **Deliverables**\n  * Un bol\n  * Une tasse\n"
    )
    roadmap = parse_roadmap(text)
    sessions = [n for n in roadmap.walk() if n.title.startswith(("Lun", "Mar"))]
    assert [(s.title, s.duration, s.children) for s in sessions] == [
        ("Lun 30 Sept : Découverte du tournage", "2h", []),
        ("Mar 1 Oct : Les émaux", "3h", []),
    ]
    assert "Centrer la terre" in sessions[0].notes
    assert {"Un bol", "Une tasse"} <= {leaf.title for leaf in roadmap.leaves()}


def test_a_japanese_prerequisites_part_of_environment_and_references_is_no_phase():
    text = (
        "# 陶芸入門\n\n## 前提条件\n\n### 必要な環境\n- **ろくろ** - 電動のもの\n"
        "- **粘土** - 信楽の土\n\n"
        "### 参考リソース\n- [陶芸の基本](https://example.org/a)\n- [釉薬の本](https://example.org/b)\n\n"
        "## 学習コンテンツ\n\n### 1. 菊練り\n\n説明。\n\n### 2. 土殺し\n\n説明。\n\n"
        "### 3. 挽き上げ\n\n説明。\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["1. 菊練り", "2. 土殺し", "3. 挽き上げ"]


def test_plain_text_weeks_with_captioned_term_lists_and_tab_numbered_tasks():
    text = (
        "WEEK 1: Glazes\n\nMust-learn\n'oxides'\n'fluxes'\n\nDaily tasks\n1\tMix a test tile\n"
        "2\tFire a cone 6 test\n3\tCompare the tiles\n\nWEEK 2: Firing\n\nDaily tasks\n"
        "4\tLoad the kiln\n5\tRead the cones\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Mix a test tile" in titles and "Read the cones" in titles, titles
    assert "Must-learn" not in titles and "Daily tasks" not in titles, titles
    assert not any(t.startswith(("1:", "Daily")) for t in titles), titles


def test_a_week_heading_with_a_time_line_takes_the_time_as_its_duration():
    text = (
        "# Glazing in six weeks\n\n## Week 1: Foundations\n**Focus**: clays\n"
        "**Time Commitment**: 8-10 hours\n\n### Day 1: Wedging\n**Time**: 1.5 hours\n\n"
        "- Spiral wedging\n\n## Week 2: Throwing\n\n- Centering\n"
    )
    roadmap = parse_roadmap(text)
    durations = {node.title: node.duration for node in roadmap.walk()}
    assert durations["Week 1: Foundations"] == "8-10 hours"
    assert durations["Day 1: Wedging"] == "1.5 hours"
    assert durations["Week 2: Throwing"] == "Week 2"  # no time line: the slot stays


def test_a_book_among_materials_named_by_their_source_is_one_more_thing_to_study():
    text = (
        "# Pottery reading\n\n## Glazes\n"
        "- **Linda Bloomfield**: Colour in Glazes\n"
        "- **Book**: The Complete Guide to Mid-Range Glazes\n"
        "- **Ceramic Arts Network**: Glaze chemistry workshop\n\n"
        "## Firing\n- Loading a kiln\n- Reading cones\n- **Book**: The Kiln Book\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "The Complete Guide to Mid-Range Glazes" in " ".join(titles), titles
    # beside plain steps, a "Book:" bullet is still the reading for them
    assert not any("Kiln Book" in title for title in titles), titles
    assert any("Kiln Book" in r.text for r in roadmap.nodes[1].resources)


def test_a_resources_label_among_labelled_steps_is_still_their_reading():
    text = (
        "# T\n\n## Week 1\n- **Topics**: wedging\n"
        "- **Resources**: [Clay guide](https://example.org/clay)\n- **Practice**: wedge 2 kg\n"
    )
    roadmap = parse_roadmap(text)
    assert not any("Clay guide" in leaf.title for leaf in roadmap.leaves())
    assert any(r.url == "https://example.org/clay" for r in roadmap.nodes[0].resources)


def test_link_lines_one_per_line_under_subject_headings_are_the_subjects_entries():
    text = (
        "# Ceramics, self-taught\n\n## Clay bodies\n"
        "[**The Potter's Dictionary**](https://example.org/dictionary)  \n"
        "[Clay lab notes](https://example.org/lab)  \n"
        "Wedging by hand  \n"
        "Extra: the best way to learn a clay body is to throw a dozen cylinders from it and "
        "compare how each one dries and shrinks over a week.\n\n"
        "## Kilns\n[Kiln basics](https://example.org/kilns) / firing notes\n"
        "> Fire is the last glaze. -- a potter\n\n"
        "## Studio\n\nImportant Links\n:--\n[Supplier](https://example.org/s)\n"
        "[Forum](https://example.org/f)\n"
    )
    roadmap = parse_roadmap(text)
    tree = {node.title: [leaf.title for leaf in node.leaves()] for node in roadmap.nodes}
    assert tree["Clay bodies"][:3] == [
        "The Potter's Dictionary",
        "Clay lab notes",
        "Wedging by hand",
    ]
    assert not any(title.startswith("Extra") for title in tree["Clay bodies"]), tree
    assert tree["Kilns"] == ["Kiln basics / firing notes"], tree
    assert ":--" not in str(tree), tree  # a one-column table's rows are no bare lines


def test_numbered_topics_indented_as_code_under_a_chapter_heading_are_its_list():
    text = (
        "### 陶艺路线\n\n#### 第1章 揉泥\n\n    1.羊头揉泥\n    2.菊花揉泥\n    3.真空练泥\n\n"
        "#### 第2章 拉坯\n\n    1.定中心\n    2.开孔\n\n"
        "#### 第3章 釉\n\n    x = glaze(1.5)\n    fire(x)\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[:5] == ["羊头揉泥", "菊花揉泥", "真空练泥", "定中心", "开孔"], titles
    assert not any("glaze" in title for title in titles), titles  # real code stays code


def test_a_log_whose_entries_open_with_a_date_alone_on_its_line_has_one_entry_per_date():
    text = (
        "# Throwing log\n\nDay 1: March 2, 2026\n\n**Progress:** centred 2 kg.\n\n"
        "Day 2: March 3, 2026\n\n**Progress:** pulled walls.\n\n"
        "March 5, 2026\n\n**Progress:** trimmed feet.\n\nMore thoughts on trimming.\n\n"
        "2026-03-07\n\n**Progress:** glazed.\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert len(titles) == 4, titles
    assert "March 5, 2026" in " ".join(titles) and "2026-03-07" in " ".join(titles), titles


def test_a_learning_goals_section_beside_the_plan_is_the_roadmaps_text():
    text = (
        "# Glazing plan\n\n## Learning goals\n1. **Mix a stable glaze**.\n"
        "2. **Read a firing chart**.\n\n## 学习计划\n\n### Month 1: Basics\n"
        "- Week 1: oxides\n- Week 2: fluxes\n\n### Month 2: Firing\n- Week 1: cones\n"
        "\n### Week 3 focus\n\n#### Learning Objectives\n- Name three fluxes\n- Test a tile\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert not any("stable glaze" in title for title in titles), titles
    assert "Mix a stable glaze" in roadmap.notes
    assert "Name three fluxes" in titles, titles  # a part's own objectives stay its list


def test_a_week_named_only_by_its_number_keeps_its_single_step_as_a_step():
    text = (
        "# Céramique\n\n1. Semaine 1\n    1. Pétrir la terre\n    2. Centrer\n"
        "2. Semaine 2\n    1. Préparation de l'examen final\n"
        "3. Tournage\n    1. the part of the course where everyone finally gets to use the wheel\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Préparation de l'examen final" in titles, titles
    assert "Tournage" in titles, titles  # a named bullet's one sentence still describes it


def test_an_outline_typed_by_indentation_in_a_pre_block_is_a_part_of_the_page():
    text = (
        "<pre>\nIntroduction\n        what clay is\n            earthenware\n"
        "            stoneware\n        tools of the potter\n"
        "            wheel\n            kiln\n            ribs\n        safety in the studio\n"
        "</pre>\n\n"
        "**Throwing**\n\n- Centering\n- Opening\n\n**Glazing**\n\n- Dipping\n- Brushing\n"
        "\n<pre>\nx = fire(cone=6)\nprint(x)\n</pre>\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["Introduction", "Throwing", "Glazing"]
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "kiln" in titles and "safety in the studio" in titles, titles
    assert not any("fire" in title for title in titles), titles


def test_a_skills_dashboard_restating_the_plan_with_statuses_is_no_part_of_it():
    text = (
        "# My pottery progress\n\n## Phase 1: Throwing\n- [x] Centering\n- [ ] Pulling walls\n\n"
        "## Phase 2: Glazing\n- [ ] Dipping\n\n## Phase 3: Firing\n- [ ] Loading\n\n"
        "## 📊 Skills Dashboard\n\n| Skill | Status |\n|---|---|\n| Centering | ✅ Mastered |\n"
        "| Pulling walls | 🔄 Learning |\n| Dipping | 📝 Not Started |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Centering",
        "Pulling walls",
        "Dipping",
        "Loading",
    ]


def test_lines_ended_by_hard_breaks_under_a_bold_week_label_are_its_entries():
    text = (
        "# Tembikar\n\n**📅 Minggu 1: Dasar**  \n✅ Hari 1-2: Pahami tanah liat.  \n"
        "✅ Hari 3: Centering di roda.  \n✅ Hari 4: Menarik dinding.\n\n"
        "**📅 Minggu 2: Glasir**  \n✅ Hari 8: Mencampur glasir.  \n✅ Hari 9: Mencelup.\n\n"
        "**Note**  \nWedge well.  \nKeep the clay damp.\n"
    )
    roadmap = parse_roadmap(text)
    weeks = {node.title: [c.title for c in node.children] for node in roadmap.nodes}
    assert weeks["Minggu 1: Dasar"][0].startswith("Hari 1-2: Pahami"), weeks
    assert len(weeks["Minggu 1: Dasar"]) == 3 and len(weeks["Minggu 2: Glasir"]) == 2, weeks
    assert roadmap.nodes[0].duration == "Minggu 1"


def test_a_vietnamese_week_plan_keeps_its_weeks_and_leaves_goals_and_requirements_as_text():
    text = (
        "# Gốm 3 tuần\n\n## Tổng Quan Khóa Học\n\nMột khóa học:\n- Nắm vững đất sét\n\n"
        "## Mục Tiêu Học Tập\n- ✅ Nhào đất\n- ✅ Định tâm\n\n## Cấu Trúc\n\n"
        "### **Tuần 1: Cơ Bản**\n- **Day 01**: Nhào đất\n- **Day 02**: Định tâm\n\n"
        "### **Tuần 2: Men**\n- **Day 08**: Trộn men\n\n"
        "### **Tuần 3: Nung**\n- **Day 15**: Xếp lò\n\n"
        "## Yêu Cầu Hệ Thống\n- **Bàn xoay**: có\n\n## Cố lên!\n- Mỗi ngày một bước nhỏ.\n"
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.leaves()) == 4, [leaf.title for leaf in roadmap.leaves()]


def test_a_list_naming_the_sections_with_a_progress_mark_beside_each_is_an_overview():
    text = (
        "# Maths\n\n## Subjects\n\n* Calculus ✅\n* Linear Algebra 🚧\n* Statistics\n\n"
        "### Calculus\n* [x] Limits\n* [x] Derivatives\n\n### Linear Algebra\n* [x] Vectors\n"
        "* [ ] Matrices\n\n### Statistics\n* [ ] Estimators\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Limits",
        "Derivatives",
        "Vectors",
        "Matrices",
        "Estimators",
    ]


def test_resources_and_methods_named_in_turkish_are_no_steps():
    text = (
        "# Seramik\n\n## Öğrenme Yolu\n\n### 1. Temel (0-3 ay)\n- Çamur yoğurma\n- Merkezleme\n\n"
        "### 2. Sır (3-6 ay)\n- Sırlama\n\n## Önerilen Kaynaklar\n\n### Kitaplar:\n"
        '- **Başlangıç:** "The Craft" - A. Potter\n\n## Pratik Öğrenme Yöntemleri\n'
        "- **Günlük:** 1 saat çalışma\n\n## Motivasyon İpuçları\n- Her gün biraz\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Çamur yoğurma", "Merkezleme", "Sırlama"]


def test_vanity_stats_about_the_courses_taken_are_no_courses():
    text = (
        "# Vanity Stats\n\nFun numbers.\n\n| Total | Done |\n|---|---|\n| 3 | 2 |\n\n"
        "Topics covered:\n\n* Glazing (2)\n* Throwing (1)\n\n# Courses\n\n"
        "| Course | Status |\n|---|---|\n| Wheel basics | 🟢 Done |\n| Glaze lab | 🟢 Done |\n"
        "| Kiln safety | 🟠 Doing |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wheel basics", "Glaze lab", "Kiln safety"]


def test_a_general_information_section_is_the_roadmaps_text():
    text = (
        "# Ceramics syllabus\n\n## General information\n- **Credits:** 3\n- **Room:** Studio B\n\n"
        "## Week 1: Clay\n- Wedging\n\n## Week 2: Wheel\n- Centering\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centering"]


def test_a_closing_list_of_what_you_will_know_after_the_plan_is_its_text():
    text = (
        "# Wheel in 2 weeks\n\n### Week 1: Clay\n* **Day 1**: Wedging\n* **Day 2**: Centering\n\n"
        "### Week 2: Forms\n* **Day 8**: Cylinders\n\n---\n\n👉 After 14 days, you’ll know:\n\n"
        "* 3 basic forms\n* How to trim\n"
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.leaves()) == 3, [leaf.title for leaf in roadmap.leaves()]
    assert "How to trim" in roadmap.notes


def test_an_empty_day_of_a_log_is_no_step_named_todays_progress():
    text = (
        "# 100 Days Of Pottery\n\n### Day 1: March 2, 2026\n\n**Today's Progress** wedged 2 kg\n\n"
        "**Thoughts** tiring\n\n### Day 2: March 3, 2026\n\n"
        "**Today's Progress**\n\n**Thoughts**\n\n"
        "**Link to work** photos\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert not any("Progress" in title or "Link to work" in title for title in titles), titles


def test_a_group_named_only_template_is_the_skeleton_to_copy():
    text = (
        "<details>\n<summary><b>Módulo 1</b></summary>\n\n- [x] Tornear\n- [ ] Esmaltar\n\n"
        "</details>\n\n<details>\n<summary><b>modelo</b></summary>\n\n- [x] aaa\n- [ ] bbb\n\n"
        "</details>\n\n## Project template ideas\n- Build a glaze test rack\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "aaa" not in titles and "Tornear" in titles, titles
    assert "Build a glaze test rack" in titles, titles


def test_a_japanese_recommendation_section_after_the_phases_is_advice():
    text = (
        "# 陶芸ロードマップ\n\n### フェーズ1: 土台\n* 菊練り\n* 土殺し\n\n"
        "### フェーズ2: 成形\n* 挽き上げ\n\n"
        "## 並行学習のおすすめ\n* 釉薬 ↔ 焼成（一緒に学ぶ）\n* 成形 ↔ 削り\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["菊練り", "土殺し", "挽き上げ"]


def test_a_learning_method_and_a_difficulty_scale_are_the_roadmaps_text():
    text = (
        "# Pottery year\n\n## Difficulty Weight Scale\n\n| Level | Time |\n|---|---|\n"
        "| ⭐ Easy | 1 day |\n| ⭐⭐ Hard | 5 days |\n\n## Learning Wave Model\n"
        "1. **Learn** — watch\n2. **Apply** — throw\n\n## Month 1: Clay\n- Wedging\n- Centering\n"
        "\n## Month 2: Glaze\n- Dipping\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centering", "Dipping"]


def test_a_month_plan_keeps_its_dated_weeks_reviews_and_final_days():
    text = (
        "# Glaze exam plan\n\n## 📆 Weekly Plan: April\n\n### Week 1 (Apr 1–7)\n- Oxides\n\n"
        "### Week 2 (Apr 8–14)\n- Fluxes\n\n### Week 3 (Apr 15–21)\n- Silica\n\n"
        "## 🗓️ May 2026 – Firing\n\n- **Week 1 (May 1–7)**\n  - Cone packs\n"
        "  - 🔁 Review: All April topics\n\n## 🗓️ June 2026 – Final review\n\n"
        "- **Jun 1–7**\n  - Light revision\n  - Mock test\n- **Jun 8–9**\n  - Rest\n"
        "- **Exam Day – Jun 10**\n  - Arrive early\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert "Week 2 (Apr 8–14)" in titles, titles
    assert "Review: All April topics" in titles, titles
    assert "Light revision" in titles and "Arrive early" in titles, titles


def test_a_study_groups_rules_are_its_text():
    text = (
        "# Wheel club\n\n## Rules\n- 3 people total.\n- Timebox per pot: 35 minutes.\n\n"
        "## Schedule\n\n### Day 1 — Wedging\n- [ ] Spiral wedge\n\n### Day 2 — Centering\n"
        "- [ ] Cone up and down\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Spiral wedge", "Cone up and down"]


def test_a_quarters_project_line_with_its_progress_bar_is_a_step_with_that_state():
    text = (
        "# Four years of clay\n\n## Year 1\n🎯 *Goal:* Master the wheel.  \n"
        "📌 *Approach:* One skill at a time.\n\n"
        "### Quarter 1 — Throwing\n- Centering\n- Pulling\n\n"
        "**💡 Project:** A set of six mugs  \n`[██████████████] 100% ✅`\n\n"
        "### Quarter 2 — Glazing\n- Dipping\n\n**💡 Project:** A glaze test rack  \n"
        "`[███████-------] 60%`\n"
    )
    roadmap = parse_roadmap(text)
    leaves = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    assert leaves["Project: A set of six mugs"] == "done", leaves
    assert leaves["Project: A glaze test rack"] == "doing", leaves
    assert not any(title.startswith("Approach") for title in leaves), leaves


def test_a_numbered_stage_holding_task_tables_stays_beside_a_closing_checklist():
    text = (
        "# Ruta de cerámica\n\n## 2. FASE 1: El taller en casa\n\n### Paso A: Amasar\n\n"
        "| Tarea | Descripción |\n|---|---|\n| **Amasado** | Amasa 2 kg de arcilla cada día |\n"
        "| **Centrado** | Centra una bola de 500 g en el torno |\n\n"
        "## 3. Checklist final\n\n- [ ] Comprar arcilla\n- [ ] Reservar horno\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Amasado" in titles and "Centrado" in titles, titles
    assert "Reservar horno" in titles, titles


def test_a_heading_over_nothing_but_prose_sub_sections_is_text_too():
    text = (
        "# Glazes\n\n## Plan\n\n| Week | Topic |\n|---|---|\n| 1 | Oxides |\n| 2 | Fluxes |\n\n"
        "## Mastery perspective\n\n### In industry\nGlaze chemistry matters in tiles.\n\n"
        "### The bottleneck\nCrawling and crazing are the hard parts.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Oxides", "Fluxes"]


def test_a_templates_topic_of_a_course_is_a_part_of_it():
    roadmap = parse_roadmap("# Django\n\n## Templates\n- Filters\n- Inheritance\n")
    assert [leaf.title for leaf in roadmap.leaves()] == ["Filters", "Inheritance"]


def test_korean_sections_about_why_and_how_to_study_the_curriculum_are_its_text():
    text = (
        "# 도예 커리큘럼\n\n## 왜 이 커리큘럼인가?\n- 기초부터 탄탄하게\n- 실습 중심\n\n"
        "## 커리큘럼 구조\n1. 1단계: 꼬박밀기\n2. 2단계: 중심잡기\n\n"
        "## 어떻게 공부하면 좋은가\n- 매일 30분\n\n## 이 커리큘럼을 보는 방법\n- 순서대로 읽기\n"
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.leaves()) == 2, [leaf.title for leaf in roadmap.leaves()]


def test_a_module_named_for_its_subject_materials_is_a_part_not_a_reading_list():
    text = "\n".join(
        [
            "# Sculpture Course",
            "## Module 1: Materials",
            "- Clay bodies and their firing ranges",
            "- Plaster mixing ratios",
            "## Module 2: Forms",
            "- Coil building",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("Module 1: Materials", ["Clay bodies and their firing ranges", "Plaster mixing ratios"]),
        ("Module 2: Forms", ["Coil building"]),
    ]


def test_a_course_syllabus_is_read_as_its_schedule_with_the_course_facts_as_text():
    text = "\n".join(
        [
            "---",
            "title: Syllabus",
            "nav_order: 2",
            "---",
            "# Ceramics I: Wheel Throwing",
            "",
            "**Programme:** Fine Arts",
            "**Platform:** the studio booking site",
            "**Term:** September - December",
            "",
            "## 1. Teaching methodology",
            "- Demonstrations at the wheel",
            "- Critique circles",
            "## 2. Competencies to develop",
            "- Centring clay reliably",
            "## 3. Course schedule (4 weeks / 8 sessions)",
            "| Week | Topic |",
            "|---|---|",
            "| 1 | Wedging and centring |",
            "| 2 | Pulling walls |",
            "| 3 | Trimming feet |",
            "| 4 | Glazing and firing |",
            "## 4. Resources and tools",
            "### Base bibliography",
            "- Potter, A. (2019). The Wheel Book.",
            "### Platforms and tools",
            "- Kiln log spreadsheet",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Ceramics I: Wheel Throwing"
    assert _tree(roadmap) == [
        (
            "3. Course schedule",
            ["Wedging and centring", "Pulling walls", "Trimming feet", "Glazing and firing"],
        )
    ]
    assert roadmap.nodes[0].duration == "4 weeks"


def test_a_spanish_syllabus_keeps_only_its_weeks_as_steps():
    text = "\n".join(
        [
            "# Cerámica I",
            "## Metodología",
            "- Demostraciones en el torno",
            "## Perfil de ingreso",
            "- Dibujo básico",
            "## Resultados de aprendizaje esperados",
            "- Centrar el barro",
            "## Cronograma (2 semanas / 4 sesiones)",
            "- Semana 1: Amasado y centrado",
            "- Semana 2: Levantar paredes",
            "## Recursos y herramientas",
            "### Bibliografía base",
            "- Alfarero, B. (2020). El torno.",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Cronograma"], _tree(roadmap)
    assert roadmap.nodes[0].duration == "2 semanas"
    assert len(roadmap.nodes[0].leaves()) == 2


def test_a_numbered_tools_section_in_french_is_a_part_of_the_plan():
    text = "\n".join(
        [
            "# Développement web",
            "## 1. Bases",
            "- HTML",
            "- CSS",
            "## 2. Outils",
            "- Git",
            "- Le terminal",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("1. Bases", ["HTML", "CSS"]),
        ("2. Outils", ["Git", "Le terminal"]),
    ]


def test_a_closing_part_led_by_the_months_that_follow_carries_the_plan_on():
    text = "\n".join(
        [
            "# Exam Plan",
            "## Phase 1: Basics",
            "- Algebra",
            "## Phase 2: Practice",
            "- Past papers",
            "## Phase 3: Mock exams",
            "- Timed paper",
            "## After the written exam (October to December)",
            "* October: rest a week, then study the essay topics",
            "* November: write two essays a week",
            "* December: final review of essay structure",
        ]
    )
    phases = _tree(parse_roadmap(text))
    assert phases[-1][0].startswith("After the written exam"), phases
    assert len(phases[-1][1]) == 3


def test_a_numbered_phase_named_like_housekeeping_is_still_a_phase():
    text = "\n".join(
        [
            "# Exam Plan",
            "## Phase 1: Basics",
            "- Algebra",
            "## Phase 2: Review",
            "- Flashcards",
            "## Phase 3: Community",
            "- Join a study group",
        ]
    )
    assert [title for title, _ in _tree(parse_roadmap(text))] == [
        "Phase 1: Basics",
        "Phase 2: Review",
        "Phase 3: Community",
    ]


def test_a_plain_text_file_of_one_topic_per_line_is_a_list_of_those_topics():
    topics = ["Kernel build", "initrd", "EFI boot", "Systemd", "BPF", "SystemTap", "DTrace"]
    topics += ["Terminal setup", "Bash scripting", "NGINX", "Docker"]
    roadmap = parse_roadmap("\n".join(topics) + "\n", source="plan.txt")
    assert [leaf.title for leaf in roadmap.leaves()] == topics


def test_an_acronym_alone_on_its_line_is_a_topic_not_a_heading_in_capitals():
    text = "\n".join(
        [
            "Linux internals",
            "    BPF",
            "    SystemTap",
            "    eBPF tracing",
            "Networking",
            "    DNS",
            "    TCP handshake",
        ]
    )
    assert _tree(parse_roadmap(text, source="notes.txt")) == [
        ("Linux internals", ["BPF", "SystemTap", "eBPF tracing"]),
        ("Networking", ["DNS", "TCP handshake"]),
    ]


def test_weeks_named_in_bold_sentences_with_the_same_kinds_of_task_are_the_plan():
    weeks = []
    for number, topic in (
        (1, "Pencil grip and hatching."),
        (2, "Perspective boxes."),
        (3, "Faces."),
    ):
        weeks += [
            "",
            f"**Week {number} — {topic}**",
            f"- Concept: read chapter {number} and copy the `grid` exercise.",
            f"- Lab: redraw plate {number} twice, slowly.",
            f"- Mini-project: one finished drawing for week {number}.",
        ]
    text = "\n".join(["# Drawing Plan", "", "## Stage 1 — Basics (weeks 1–3)", *weeks])
    roadmap = parse_roadmap(text)
    assert [len(node.children) for node in roadmap.nodes[0].children] == [3, 3, 3], _tree(roadmap)


def test_a_ticked_contents_list_of_links_to_the_sections_is_navigation():
    text = "\n".join(
        [
            "# Self-taught Physics",
            "## Contents",
            "- [x] [Mechanics](#mechanics)",
            "- [ ] [Optics](#optics)",
            "## Mechanics",
            "- [x] Newton's laws",
            "- [x] Momentum",
            "## Optics",
            "- [ ] Refraction",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("Mechanics", ["Newton's laws", "Momentum"]),
        ("Optics", ["Refraction"]),
    ]


def test_a_folder_layout_section_whose_parts_are_the_plan_is_read_as_the_plan():
    text = "\n".join(
        [
            "# Sailing Course",
            "## Folder Structure",
            "### Part 1: Basics (Weeks 1-2)",
            "- [`week-01-knots/`](week-01-knots/) - Bowline, cleat hitch",
            "- [`week-02-points-of-sail/`](week-02-points-of-sail/) - Close hauled, reaching",
            "### Part 2: Racing (Weeks 3-4)",
            "- [`week-03-starts/`](week-03-starts/) - Timing the line",
            "- [`week-04-tactics/`](week-04-tactics/) - Covering, lay lines",
            "## Capstone",
            "- Sail a club regatta",
        ]
    )
    assert [len(leaves) for _, leaves in _tree(parse_roadmap(text))] == [2, 2, 1]


def test_a_review_block_with_its_hours_inside_a_week_is_a_step_not_testimonials():
    text = "\n".join(
        [
            "# Exam Plan",
            "## Week 8",
            "#### Review (3 hours):",
            "- Consolidate notes from weeks 1-7",
            "- Identify weak areas",
            "#### Practice (4 hours):",
            "- Timed labs",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Consolidate notes from weeks 1-7", "Identify weak areas", "Timed labs"]


def test_a_label_that_comes_back_in_every_week_stays_with_what_follows_it():
    text = "\n".join(
        [
            "# Norwegian A1",
            "## Week 1",
            '- **Dialog:** "Meeting people", greetings and names',
            "- **Grammar:** present tense, word order in questions",
            "## Week 2",
            '- **Dialog:** "At the shop", prices and numbers',
            "- **Grammar:** nouns and articles, en/ei/et",
            "## Week 3",
            "- Day 1-2: numbers, the alphabet, spelling your name",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves[0].startswith('Dialog: "Meeting people"'), leaves
    assert leaves[2].startswith('Dialog: "At the shop"'), leaves
    assert leaves[4].startswith("Day 1-2: numbers"), leaves


def test_course_administration_in_italian_and_a_folder_layout_in_indonesian_are_not_steps():
    text = "\n".join(
        [
            "# Laboratorio di Ceramica",
            "## Informazioni",
            "- **Docente:** M. Rossi",
            "- **Aula:** giovedì 10-13",
            "## Lezioni",
            "- Lezione 1: argilla e impasti",
            "- Lezione 2: il tornio",
            "## Modalità di esame",
            "- Un progetto finale",
            "- Un colloquio orale",
            "## Appelli d'esame",
            "- 12 gennaio",
            "- 9 febbraio",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("Lezioni", ["Lezione 1: argilla e impasti", "Lezione 2: il tornio"])
    ]
    text = "\n".join(
        [
            "# Silabus Keramik",
            "## Struktur Folder",
            "- **materi/** - bahan setiap pertemuan",
            "- **tugas/** - tugas mingguan",
            "## Daftar Pertemuan",
            "- Pertemuan 1: tanah liat",
            "- Pertemuan 2: roda putar",
            "## Format Setiap Pertemuan",
            "- Teori 30 menit",
            "- Praktik 60 menit",
        ]
    )
    assert [title for title, _ in _tree(parse_roadmap(text))] == ["Daftar Pertemuan"]


def test_a_bonus_step_told_in_prose_with_its_resources_is_still_a_step():
    text = "\n".join(
        [
            "# Baking Roadmap",
            "### 1. Learn the basic doughs",
            "- Bread",
            "- Pastry",
            "### 2. Learn laminated doughs",
            "- Croissant",
            "### Bonus: Learn sugar work",
            "",
            "Sugar work is where pastry turns into decoration.",
            "",
            "**Resources:**",
            "- [Pulled sugar basics](https://example.org/sugar)",
        ]
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert any(title.endswith("Learn sugar work") for title in titles), titles


def test_a_chat_answers_one_h1_after_its_opening_lines_names_the_plan():
    text = "\n".join(
        [
            "Sure! Since you already paint in watercolour, here is a plan.",
            "",
            "## Total time: 3 months",
            "",
            "# Oil Painting Plan",
            "",
            "## Month 1",
            "- Fat over lean",
            "## Month 2",
            "- Glazing",
        ]
    )
    assert parse_roadmap(text, source="answer.md").title == "Oil Painting Plan"


def test_ticks_and_crosses_before_linked_lessons_are_their_statuses():
    text = "\n".join(
        [
            "# Kanji",
            "## Level 5",
            " * ✓ [Lesson 1](l1.md) - person, mouth, mountain",
            " * ╳[Lesson 2](l2.md) - earth, woman, child",
            " * ✓ [Lesson 3](l3.md) - one, seven, nine",
            " * ✗ [Lesson 4](l4.md)",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["done", "todo", "done", "todo"], [
        (leaf.title, leaf.status) for leaf in leaves
    ]
    assert leaves[1].title.startswith("Lesson 2")


def test_a_contents_list_of_ticked_subjects_is_the_tracker_and_its_bare_entry_is_to_do():
    text = "\n".join(
        [
            "## Pharmacology Notes",
            "",
            "## Content",
            "* [Antibiotics](https://example.org/notes/antibiotics)",
            "* :white_check_mark: [Analgesics](https://example.org/notes/analgesics)",
            "* :white_check_mark: [Anticoagulants](https://example.org/notes/anticoagulants)",
            "* :white_check_mark: [Diuretics](https://example.org/notes/diuretics)",
            "",
            "## References",
            "* [A pharmacology handbook](https://example.org/book)",
        ]
    )
    roadmap = parse_roadmap(text, source="notes.md")
    assert roadmap.title == "Pharmacology Notes"
    leaves = roadmap.leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Antibiotics", "todo"),
        ("Analgesics", "done"),
        ("Anticoagulants", "done"),
        ("Diuretics", "done"),
    ]


def test_the_roadmaps_own_heading_keeps_its_length_in_its_name():
    text = "\n".join(
        [
            "# Planning de révision - 4 semaines",
            "## Semaine 1",
            "- Algèbre",
            "## Semaine 2",
            "- Suites",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Planning de révision - 4 semaines"
    assert "Duration: 4 semaines" in roadmap.notes


def test_a_lecture_struck_through_inside_its_emphasis_is_done():
    text = "\n".join(
        [
            "# Semester",
            "## Linear Algebra",
            "- *~~Vectors and matrices~~*",
            "- _~~Linear maps~~_",
            "- **Eigenvalues**",
        ]
    )
    statuses = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert statuses == ["done", "done", "todo"]


def test_a_box_in_a_details_summary_is_the_groups_status_not_its_name():
    text = "\n".join(
        [
            "# Java Road",
            "<details>",
            "<summary><b>[x] Phase 1: Basics</b></summary>",
            "",
            "- [x] Syntax",
            "- [x] Collections",
            "",
            "</details>",
        ]
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert not any("[x]" in title for title in titles), titles


def test_a_numbered_plan_two_levels_down_still_makes_the_guide_around_it_text():
    text = (
        "# Lesson 3 - study plan\n\n## Quick navigation\n\n- [Plan](#plan)\n- [Tips](#tips)\n\n"
        "## Materials\n\n- Workbook\n- Audio files\n\n"
        "## Plan\n\n### Core phase\n\n"
        "#### Phase 1: Words (40 minutes)\n\n- Learn the twenty words\n- Write them twice\n\n"
        "#### Phase 2: Story (30 minutes)\n\n- Read the story aloud\n\n"
        "#### Phase 3: Speaking (30 minutes)\n\n- Record yourself\n\n"
        "## Learning strategies\n\n### For words\n\n- Say them out loud\n- Use flash cards\n\n"
        "## Colour code\n\n- Blue: nouns\n- Red: verbs\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Learn the twenty words",
        "Write them twice",
        "Read the story aloud",
        "Record yourself",
    ]


def test_a_plan_in_day_tables_beside_a_checklist_of_checkpoints_keeps_its_rows():
    """The boxes are the learner's checkpoints; the plan itself is a table per phase. The
    tables are study the author did not tick, not text of the checklist."""
    phase = "| Day | Topic | Notes |\n|---|---|---|\n"
    text = (
        "# Woodworking Path\n\n## Route\n\n"
        "### Phase 1: Hand tools (Days 1-6)\n\n"
        + phase
        + "| 1-2 | Sawing | straight cuts |\n| 3-4 | Planing | flat faces |\n"
        "| 5-6 | Chiselling | clean mortises |\n\n"
        "### Phase 2: Joinery (Days 7-12)\n\n"
        + phase
        + "| 7-8 | Dovetails | through |\n| 9-10 | Mortise and tenon | haunched |\n"
        "| 11-12 | Bridle joints | corner |\n\n"
        "### Phase 3: Finishing (Days 13-16)\n\n"
        + phase
        + "| 13-14 | Sanding | grits |\n| 15-16 | Oil finish | coats |\n\n"
        "## Checkpoints\n\n### Checkpoint 1\n- [ ] Saw to a line\n- [ ] Plane a board flat\n\n"
        "### Checkpoint 2\n- [ ] Cut a dovetail\n- [ ] Glue up a frame\n\n"
        "### Checkpoint 3\n- [ ] Sand to 240\n- [ ] Oil a tabletop\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    for wanted in ("Sawing", "Dovetails", "Oil finish", "Cut a dovetail"):
        assert any(wanted in t for t in titles), titles
    assert len(titles) == 14, titles


def test_when_the_study_runs_and_tallies_at_zero_are_the_roadmaps_text_not_steps():
    text = (
        "# Ceramics Log\n\n## Study period\n- Start date: 2026-02-02\n- End date: ongoing\n\n"
        "## Kiln firings\n- **Target**: 10-12 firings\n- **Bisque done**: 0\n"
        "- **Glaze done**: 0\n\n"
        "## Plan\n- [ ] Wedging\n- [ ] Centring\n- [ ] Trimming\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Trimming"], titles


def test_dated_steps_and_counted_topics_stay_steps():
    text = (
        "# Ceramics Plan\n\n## Week 1 (2026-02-02)\n- Wedging: 2026 method\n- Centring: basics\n\n"
        "## Week 2\n- Wheel: 2 sessions\n- Kiln: 1 session\n- Glazes: 3 sessions\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 5, titles


def test_pasted_label_lines_with_long_labels_and_a_closing_sentence_run_on():
    """A chat answer pasted as plain lines: each week's topic lines run into one paragraph
    with the next week's line; labels in Spanish take more little words; the closing advice
    follows the last topic line without a blank line."""
    text = (
        "Semana 1:\n\n"
        "Torno de alfarero: cómo centrar el barro sobre el torno y abrir la pieza con las manos\n"
        "Esmaltes: qué esmaltes usar en cada pieza y cómo aplicarlos sin que se corran\n"
        "Semana 2:\n\n"
        "Hornos: cómo cargar el horno eléctrico y programar la curva de la primera cocción\n"
        "Introducción a los engobes de colores: cómo preparar engobes y aplicarlos con pincel\n"
        "Introducción a las herramientas de modelado: qué herramientas comprar y cómo usarlas\n"
        "Semana 3:\n\n"
        "Proyecto final: una vajilla de cuatro piezas hecha con todo lo aprendido en el curso\n"
        "Presentación de proyectos: cada alumno presentará su vajilla al resto del grupo\n"
        "Es importante tener en cuenta que esta es solo una sugerencia y que el curso puede "
        "cambiar según los objetivos de cada alumno."
    )
    tree = _tree(parse_roadmap(text))
    assert [(phase, len(leaves)) for phase, leaves in tree] == [
        ("Semana 1", 2),
        ("Semana 2", 3),
        ("Semana 3", 2),
    ], tree
    assert not any("sugerencia" in leaf for _phase, leaves in tree for leaf in leaves)


def test_lines_broken_one_by_one_are_entries_at_any_length_and_question_marks_hold_a_place():
    text = (
        "## Songs to learn\n#### Level 1\n"
        "Greensleeves from *Old English Airs* by **Anonymous**  \n"
        "Scarborough Fair  \n"
        "The long ballad of the river crossing from *Folk Songs of the North* by **A. Singer** "
        "and **B. Player**  \n\n"
        "#### Level 2\n???  \n???  \nBlackbird by **Lennon and McCartney**  \n"
    )
    tree = _tree(parse_roadmap(text))
    assert [(phase, len(leaves)) for phase, leaves in tree] == [("Level 1", 3), ("Level 2", 1)]
    assert not any("???" in leaf for _phase, leaves in tree for leaf in leaves)


def test_a_key_to_the_marks_in_a_heading_gives_the_entries_their_state():
    from roadvault.model import Status

    text = (
        "# Calligraphy Tracker\n\n## Progress ( 🟢 = Completed, ⚪️ = Pending )\n\n"
        "## Stage 1: Strokes\n- 🟢 Downstrokes\n- 🟢 Upstrokes\n- ⚪️ Ovals\n\n"
        "## Stage 2: Letters\n- ⚪️ Minuscules\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Stage 1: Strokes", "Stage 2: Letters"]
    states = {leaf.title: leaf.status for leaf in roadmap.leaves()}
    assert states == {
        "Downstrokes": Status.DONE,
        "Upstrokes": Status.DONE,
        "Ovals": Status.TODO,
        "Minuscules": Status.TODO,
    }


def test_a_box_typed_without_the_space_after_it_is_a_task():
    from roadvault.model import Status

    text = "# Plan\n\n## Week 1\n- [ ] Arrays\n- [x]Stacks\n\n## Week 2\n- [ ]グラフ\n- [ ] Heaps\n"
    roadmap = parse_roadmap(text)
    assert [(leaf.title, leaf.status) for leaf in roadmap.leaves()] == [
        ("Arrays", Status.TODO),
        ("Stacks", Status.DONE),
        ("グラフ", Status.TODO),
        ("Heaps", Status.TODO),
    ]
    # a link or a bracketed note right after the brackets is no box
    assert [leaf.title for leaf in parse_roadmap("# P\n\n- [a](x.md) b\n- c\n").leaves()] == [
        "a b",
        "c",
    ]


def test_the_last_part_of_a_numbered_series_stays_in_the_plan_with_fewer_groups():
    def year(n: int, groups: int) -> str:
        body = "".join(
            f"**{g}. Group {n}.{g}**\n* **Topic {n}.{g}a:** practise it daily\n"
            f"* **Topic {n}.{g}b:** build something small\n\n"
            for g in range(1, groups + 1)
        )
        return f"### **{n}학년: stage {n}**\n\nWhy this year matters.\n\n{body}---\n\n"

    text = "# Study by year\n\n---\n\n" + year(2, 4) + year(3, 3) + year(4, 1)
    titles = [phase.title for phase in parse_roadmap(text).nodes]
    assert [t.split(":")[0] for t in titles] == ["2학년", "3학년", "4학년"], titles


def test_a_track_without_stages_after_tracks_with_stages_is_still_a_track():
    def track(name: str, stages: bool) -> str:
        parts = (
            ["Stage 1: Basics", "Stage 2: Tools", "Stage 3: Depth"]
            if stages
            else [
                "On the lathe",
                "By hand",
            ]
        )
        return f"## {name}\n\n" + "".join(
            f"### {p}\n- {name} {p} a\n- {name} {p} b\n\n" for p in parts
        )

    text = (
        "# Making things\n\n"
        + track("Woodwork", True)
        + track("Metalwork", True)
        + track("Pottery", False)
    )
    phases = [phase.title for phase in parse_roadmap(text).nodes]
    assert phases == ["Woodwork", "Metalwork", "Pottery"], phases


def test_a_text_file_of_parts_framed_by_rules_reads_their_names_lengths_and_its_title():
    rule = "-" * 40
    text = (
        "BREAD BAKING PLAN (FLOUR → LOAF)\n\n"
        f"{rule}\nSTAGE 0 : PREREQUISITES (1–2 weeks, alongside Stage 1)\n{rule}\n\n"
        "- Kitchen scale\n- Oven thermometer\n\n"
        f"{rule}\nSTAGE 1 : DOUGH (MOST IMPORTANT)\nDuration: 3–4 weeks\nWeight: ~50%\n{rule}\n\n"
        "- Hydration\n- Kneading\n- Proofing\n\n"
        f"{rule}\nSTAGE 2 : SHAPING\nDuration: 2 weeks\n{rule}\n\n- Boules\n- Batards\n"
    )
    roadmap = parse_roadmap(text, source="plan.txt")
    assert roadmap.title.startswith("BREAD BAKING PLAN")
    phases = [(phase.title, phase.duration, len(phase.leaves())) for phase in roadmap.nodes]
    assert phases == [
        ("STAGE 0 : PREREQUISITES", "1–2 weeks, alongside Stage 1", 2),  # the remark is kept
        ("STAGE 1 : DOUGH (MOST IMPORTANT)", "3–4 weeks", 3),
        ("STAGE 2 : SHAPING", "2 weeks", 2),
    ], phases


def test_a_time_and_a_goal_line_in_vietnamese_time_and_describe_the_week():
    text = (
        "# Lộ trình học gốm\n\n### Tuần 1: Nhào đất\n- Nhào đất sét\n- Thời gian: 7-10 giờ\n"
        "- Mục tiêu: Hiểu rõ độ ẩm của đất\n\n### Tuần 2: Bàn xoay\n- Định tâm\n"
        "- Thời gian: 5 giờ\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Nhào đất sét", "Định tâm"]
    assert [phase.duration for phase in roadmap.nodes] == ["7-10 giờ", "5 giờ"]


def test_what_the_repository_is_for_under_the_readmes_own_numbering_is_text():
    text = (
        "# 陶芸ログ\n\n## 1. 目的\n- 学習の進捗管理\n- ポートフォリオとして活用\n\n"
        "## 2. 学習内容\n### ろくろ\n- 土練り\n- 芯出し\n### 釉薬\n- 施釉\n\n"
        "## Phase 1: Goals\n- Centre 1 kg of clay\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "学習の進捗管理" not in titles
    assert titles == ["土練り", "芯出し", "施釉", "Centre 1 kg of clay"], titles


def test_criteria_to_move_on_in_another_language_are_advice_not_steps():
    text = (
        "# Plan de cerámica\n\n## Fase 1: Torno\n- [ ] Centrado\n- [ ] Levantado\n\n"
        "### Criterios de avance:\n- Completar 80% de los ejercicios\n- Terminar un cuenco\n\n"
        "## Fase 2: Esmaltes\n- [ ] Inmersión\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Centrado", "Levantado", "Inmersión"], titles


def test_the_authors_todo_note_under_a_chapter_is_no_step():
    text = (
        "# Curriculum\n\n## 11_Debugging\nBreakpoints in the editor  \nThe browser's tools  \n"
        "Logging  \n\nTODO: more examples  \n\n## 12_Testing\nUnit tests  \nMocks  \nFixtures  \n"
        "\nNOTE: optional\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any(t.startswith(("TODO", "NOTE")) for t in titles), titles
    assert "Breakpoints in the editor" in titles and "Mocks" in titles


def test_lines_led_by_the_same_symbol_are_bullets_even_when_they_are_sentences():
    text = (
        "📅 Plan intensif de poterie sur 2 jours\n"
        "🔹 Jour 1 : Les bases solides\n\n"
        "🔥 Comprendre la préparation de la terre et pourquoi elle compte tant.\n"
        "🔥 Centrer la terre.\n"
        "🔥 Explication détaillée de chaque geste et mise en pratique sur le tour.\n"
        "🔹 Jour 2 : Les formes\n\n"
        "🔥 Monter un cylindre régulier avec des parois fines et droites sur le tour.\n"
        "🔥 Tournasser.\n"
    )
    tree = _tree(parse_roadmap(text, source="plan.txt"))
    assert [(phase, len(leaves)) for phase, leaves in tree] == [
        ("Jour 1 : Les bases solides", 3),
        ("Jour 2 : Les formes", 2),
    ], tree


def test_hours_sessions_and_sprints_number_the_parts_of_a_plan():
    from roadvault.parse.titles import opens_a_part

    assert all(
        opens_a_part(t)
        for t in ["Hour 1: Warm-up", "Session 2 - Glazes", "Sprint 3", "Sesión 4: Hornos"]
    )
    text = (
        "# Interview day\n\n## Schedule\n\n### Hour 1: Role fit\n\nFocus: your story.\n\n"
        "```text\nI am a potter with ten years at the wheel.\n```\n\n"
        "### Hour 2: Portfolio\n\n- Pick three pieces\n- Photograph them\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Hour 1: Role fit" in titles, titles


def test_a_steps_one_sub_bullet_that_is_itself_an_action_is_the_step_spelt_out():
    text = (
        "# Pottery\n\n1. Learn the basics\n\n   - Learn wedging, centring, opening\n\n"
        "2. Glazes\n\n   - the part most people skip, but it matters\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == ["Learn wedging, centring, opening", "Glazes"], titles


def test_a_state_in_brackets_before_a_labels_colon_is_the_entrys_status():
    from roadvault.model import Status

    text = (
        "# 陶艺 30 天\n\n## 阶段一\n- **Day 1-5 (已完成)**: 揉泥、定中心。\n"
        "- **Day 6 (done)**: Opening the clay.\n- **Day 7**: 拉坯。\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status for leaf in leaves] == [Status.DONE, Status.DONE, Status.TODO]
    assert not any("已完成" in leaf.title or "(done)" in leaf.title for leaf in leaves)


def test_plain_text_with_a_name_over_each_block_of_lines_is_read_as_parts():
    text = (
        "Ruby order\n\nBasics (Weeks 1-3)\n\nSyntax\nVariables\nLoops\n\n"
        "Objects (Weeks 4-6)\n\nClasses\nModules\nMixins\n\nMade for my own use.\n"
    )
    roadmap = parse_roadmap(text, source="order.txt")
    parts = [(n.title, n.duration, [c.title for c in n.children]) for n in roadmap.nodes]
    assert parts == [
        ("Basics", "Weeks 1-3", ["Syntax", "Variables", "Loops"]),
        ("Objects", "Weeks 4-6", ["Classes", "Modules", "Mixins"]),
    ]


def test_glyph_bullets_indented_under_a_numbered_topic_are_its_steps_operators_and_all():
    text = "\n".join(
        [
            "SHELL SCRIPTING ROADMAP",
            "",
            "Part 1 - Basics",
            "---------------",
            "1. Redirection",
            "   • >",
            "   • *",
            "   • Here documents",
            "",
            "2. Preprocessing with cpp",
            "   • #include",
            "   • #define",
            "",
            "Part 2 - Jobs",
            "-------------",
            "3. Job control",
            "   • bg and fg",
            "   • nohup",
        ]
    )
    roadmap = parse_roadmap(text)
    phases = [
        (p.title, [(t.title, [s.title for s in t.children]) for t in p.children])
        for p in roadmap.nodes
    ]
    assert phases == [
        (
            "Part 1 - Basics",
            [
                ("Redirection", [">", "*", "Here documents"]),
                ("Preprocessing with cpp", ["#include", "#define"]),
            ],
        ),
        ("Part 2 - Jobs", [("Job control", ["bg and fg", "nohup"])]),
    ], phases


def test_a_key_to_the_trackers_marks_is_no_step_and_sources_beside_a_linked_course_are_no_title():
    text = "\n".join(
        [
            "# Pottery Path",
            "",
            "## Progress Markers Legend",
            "- [⬜] Not started",
            "- [🔄] In progress",
            "- [✅] Completed",
            "",
            "## Courses",
            "01. [✅] [Centering](./01.md) | [Clay Club](https://example.org/1) - Done in May",
            "02. [🔄] [Pulling walls](./02.md) | [Clay Club](https://example.org/2)",
            "03. [⬜] [Trimming](./03.md) | [Clay Club](https://example.org/3)",
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [(leaf.title, leaf.status) for leaf in roadmap.leaves()]
    assert leaves == [("Centering", "done"), ("Pulling walls", "doing"), ("Trimming", "todo")], (
        leaves
    )


def test_files_named_by_their_form_are_the_homeworks_resources_not_steps():
    text = "\n".join(
        [
            "## Lessons",
            "- [Lesson 01: Knots](lessons/01.md)",
            "- [Lesson 02: Splices](lessons/02.md)",
            "",
            "## Homework",
            "- Homework 01",
            "    - Problems",
            "        - [MD](homework/01.md)",
            "        - [PDF](homework/01.pdf)",
            "- Homework 02",
            "    - [Slides](homework/02-slides.pdf)",
            "    - [Video](homework/02.mp4)",
        ]
    )
    roadmap = parse_roadmap(text)
    homework = roadmap.nodes[1]
    assert [(leaf.title, [r.text for r in leaf.resources]) for leaf in homework.leaves()] == [
        ("Homework 01", ["MD", "PDF"]),
        ("Homework 02", ["Slides", "Video"]),
    ], _tree(roadmap)


def test_a_list_of_books_beside_lists_of_linked_works_is_one_more_list_of_them():
    text = "\n".join(
        [
            "# Weaving reading plan",
            "",
            "## Intermediate level",
            "",
            "### Loom set-up",
            "- [Loom Handbook](https://example.org/loom) - setting up a floor loom",
            "- [Draft Notation](https://example.org/drafts) - reading drafts",
            "",
            "### Pattern drafting",
            "- [Twill week](https://example.org/twill) by Ana",
            "- [Overshot basics](https://example.org/overshot)",
            "",
            "### Intermediate Books",
            '- "The Weaver\'s Idea Book" by Jane Patrick',
            '- "Color and Texture" by Ann Sutton',
        ]
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.leaves()) == 6, _tree(roadmap)


def test_a_plain_text_outline_keeps_its_last_bare_part_and_drops_a_repeated_label():
    text = "\n".join(
        [
            "Knitting plan",
            "",
            "1. Basics",
            "    Topics:",
            "        Casting on",
            "        Knit stitch",
            "",
            "2. Shaping",
            "    Topics:",
            "        Increases",
            "        Decreases",
            "",
            "3. Finishing",
            "    Topics:",
            "        Binding off",
            "        Blocking",
            "",
            "4. Your own design",
        ]
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("1. Basics", ["Casting on", "Knit stitch"]),
        ("2. Shaping", ["Increases", "Decreases"]),
        ("3. Finishing", ["Binding off", "Blocking"]),
        ("4. Your own design", ["4. Your own design"]),
    ], _tree(roadmap)


def test_a_schedule_table_set_inside_a_quote_is_still_the_schedule():
    text = "\n".join(
        [
            "The schedule may change.",
            "",
            ">| **Date** | **Topic** | **Reading** |",
            ">| --- | --- | --- |",
            ">| Mon, May 4 | [Clay bodies](lectures/01.pdf) | Chapter 1 |",
            ">| Wed, May 6 | [Wedging](lectures/02.pdf) | Chapter 2 |",
            ">| Fri, May 8 | [Throwing](lectures/03.pdf) | |",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Clay bodies", "Wedging", "Throwing"]


def test_plain_text_parts_with_difficulty_captions_and_numbered_entries_keep_their_entries():
    text = "\n".join(
        [
            "Solve them in order.",
            "",
            "Phase 1: Knots",
            "",
            "Easy",
            "",
            "Square knot",
            "Clove hitch",
            "",
            "Medium",
            "3. Bowline",
            "4. Sheet bend",
            "",
            "Phase 2: Splices",
            "",
            "Easy",
            "",
            "Eye splice",
            "",
            "Medium",
            "2. Back splice",
            "3. Long splice",
        ]
    )
    roadmap = parse_roadmap(text)
    tree = [
        (
            phase.title,
            [(group.title, [leaf.title for leaf in group.leaves()]) for group in phase.children],
        )
        for phase in roadmap.nodes
    ]
    assert tree == [
        (
            "Phase 1: Knots",
            [("Easy", ["Square knot", "Clove hitch"]), ("Medium", ["Bowline", "Sheet bend"])],
        ),
        (
            "Phase 2: Splices",
            [("Easy", ["Eye splice"]), ("Medium", ["Back splice", "Long splice"])],
        ),
    ], tree


def test_part_names_framed_by_dash_rules_in_a_text_plan_head_their_parts():
    text = "\n".join(
        [
            "==========================",
            "POTTERY 3-MONTH PLAN",
            "==========================",
            "",
            "-----------------",
            "1. HAND BUILDING (50%)",
            "-----------------",
            "- Pinch pots",
            "- Coil building",
            "",
            "-----------------",
            "2. WHEEL (50%)",
            "-----------------",
            "- Centering",
            "- Pulling walls",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "POTTERY 3-MONTH PLAN"
    assert _tree(roadmap) == [
        ("1. HAND BUILDING (50%)", ["Pinch pots", "Coil building"]),
        ("2. WHEEL (50%)", ["Centering", "Pulling walls"]),
    ], _tree(roadmap)


def test_a_month_line_over_a_week_line_over_day_bullets_nests_weeks_in_months():
    text = "\n".join(
        [
            "📅 Month 1 — Clay",
            "Week 1: Wedging and centering",
            "•\tDay 1: Wedge a ball.",
            "•\tDay 2: Center it.",
            "Week 2: Pulling",
            "•\tDay 8: Open the ball.",
            "•\tDay 9: Raise the wall.",
            "________________________________________",
            "📅 Month 2 — Glazes and the kiln",
            "Week 5: Mixing glazes from a recipe",
            "•\tDay 29: Weigh the materials.",
            "•\tDay 30: Sieve the slurry.",
            "________________________________________",
            "If you’d like, I can:",
            "•\tTurn this into a printable sheet",
            "•\tMake a tracker",
        ]
    )
    roadmap = parse_roadmap(text)
    tree = [
        (m.title, [(w.title, [d.title for d in w.children]) for w in m.children])
        for m in roadmap.nodes
    ]
    assert [(m, [w for w, _ in weeks]) for m, weeks in tree] == [
        ("Month 1 — Clay", ["Week 1: Wedging and centering", "Week 2: Pulling"]),
        ("Month 2 — Glazes and the kiln", ["Week 5: Mixing glazes from a recipe"]),
    ], tree
    assert not any("printable" in leaf.title for leaf in roadmap.leaves())


def test_an_emoji_led_list_between_two_parts_is_a_part_not_a_key_to_marks():
    parts = [
        ("Throwing", ["🎨 Centering drills", "🔧 Studio etiquette", "🧽 Clay storage"]),
        ("Trimming", ["🔄 Trimming tools", "🌐 Trimming feet", "📦 Sharing wheels"]),
        ("Firing", ["🔄 Loading the kiln", "🌐 Firing schedules", "📦 Packing ware"]),
        ("Glazing", ["🔄 Dipping", "🌐 Storing glaze", "📦 Wax resist"]),
    ]
    text = "\n\n".join(
        f"## {index}. {name}\n\n" + "\n".join(f"- {entry}" for entry in entries)
        for index, (name, entries) in enumerate(parts, start=1)
    )
    roadmap = parse_roadmap(text)
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [3, 3, 3, 3], _tree(roadmap)


def test_a_closing_study_time_heading_and_review_boxes_in_a_week_plan():
    text = "\n".join(
        [
            "## Week 1: Clay",
            "",
            "**Day 1-2: Wedging**",
            "- [ ] Wedge five balls",
            "- [ ] Review: spiral and ram's head wedging",
            "",
            "### Study Time: 6-8 hours",
            "",
            "## Week 2: Wheel",
            "",
            "- [x] Center a ball",
            "- [x] Review: Centering 4/5, Speed 3/5",
            "",
            "### Estimated duration: 1 week",
        ]
    )
    roadmap = parse_roadmap(text)
    week1, week2 = roadmap.nodes
    assert [leaf.title for leaf in week1.leaves()] == [
        "Wedge five balls",
        "Review: spiral and ram's head wedging",
    ]
    assert "Study Time: 6-8 hours" in week1.notes
    assert [leaf.title for leaf in week2.leaves()] == ["Center a ball"]
    assert "Centering 4/5" in week2.leaves()[0].notes or "Centering 4/5" in week2.notes


def test_a_contents_section_that_lists_topics_without_links_is_the_plan():
    text = "\n".join(
        [
            "# Ruta de cerámica",
            "",
            "## Índice",
            "- [Contenido](#contenido)",
            "- [Licencia](#licencia)",
            "",
            "## Contenido",
            "",
            "1. **Amasado**",
            "   - Amasado en espiral",
            "   - Amasado de cabeza de carnero",
            "2. **Torno**",
            "   - Centrado",
            "   - Levantado de paredes",
            "",
            "## Proyecto final",
            "- Un juego de tazas",
            "",
            "## Licencia",
            "MIT",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == [
        "Amasado en espiral",
        "Amasado de cabeza de carnero",
        "Centrado",
        "Levantado de paredes",
        "Un juego de tazas",
    ], titles


def test_a_contents_section_of_linked_part_headings_over_plain_goals_is_the_plan():
    text = "\n".join(
        [
            "## Introduction",
            "A pottery course.",
            "",
            "## Studio links",
            "- [Booking](https://example.org/book)",
            "- [Blog](https://example.org/blog)",
            "",
            "## Contents",
            "",
            "### [1. Hand building](./docs/1_hand/README.md)",
            "- Make a pinch pot",
            "- Make a coil pot",
            "",
            "### [2. Wheel](./docs/2_wheel/README.md)",
            "- Center clay",
            "- Pull a cylinder",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert [t for t in titles if t not in ("Booking", "Blog")] == [
        "Make a pinch pot",
        "Make a coil pot",
        "Center clay",
        "Pull a cylinder",
    ], titles


def test_a_sites_caution_container_and_a_chart_heading_are_text_in_a_roadmap_of_headings():
    text = "\n".join(
        [
            "# 陶艺自学路径",
            "",
            "## Roadmap",
            "",
            "```mermaid",
            "graph",
            "    A[Hand building] --> B[Wheel]",
            "    B --> C[Glazes]",
            "```",
            "",
            ":::caution",
            "",
            "1. 不要跳过基础。",
            "2. 每天练习。",
            "",
            ":::",
            "",
            "## Hand building",
            "捏塑和泥条盘筑，适合入门。",
            "",
            "## Wheel",
            "拉坯需要大量练习。",
            "",
            "## Glazes",
            "釉料配方与烧成。",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Hand building", "Wheel", "Glazes"]
    assert any("每天练习" in note for note in [roadmap.notes, *(n.notes for n in roadmap.walk())])


def test_numbered_setup_steps_under_how_to_use_are_no_part_of_the_plan():
    text = "\n".join(
        [
            "# Pottery Bootcamp",
            "",
            "## How to Use This Curriculum",
            "",
            "### Step 1: Get Your Own Copy",
            "1. **Fork this repository:** click Fork.",
            "2. **Clone your fork:** clone it to your machine.",
            "",
            "### Step 2: Set Up Your Studio",
            "- **Setup time:** 10 minutes",
            "- **Best for:** everyone",
            "",
            "## Bootcamp Structure",
            "",
            "### Shared Foundation",
            "- [Day 0: Studio safety](docs/day_0.md)",
            "- [Day 1: Wedging](docs/day_1.md)",
            "",
            "### Wheel Track",
            "- [Day 2: Centering](docs/day_2.md)",
            "- [Day 3: Pulling](docs/day_3.md)",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == [
        "Day 0: Studio safety",
        "Day 1: Wedging",
        "Day 2: Centering",
        "Day 3: Pulling",
    ], titles


def test_a_weeks_objectives_beside_its_key_topics_restate_them():
    week = "\n".join(
        [
            "**Learning Objectives:**",
            "- Understand clay bodies",
            "- Master wedging",
            "",
            "**Key Topics:**",
            "- Earthenware and stoneware",
            "- Spiral wedging",
            "- Ram's head wedging",
        ]
    )
    text = f"# Bootcamp\n\n## Week 1: Clay\n\n{week}\n\n## Week 2: More clay\n\n{week}\n"
    roadmap = parse_roadmap(text)
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [3, 3], _tree(roadmap)
    lone = parse_roadmap("# Bootcamp\n\n## Week 1: Clay\n\n**Learning Objectives:**\n- A\n- B\n")
    assert len(lone.leaves()) == 2  # a week with nothing but its objectives keeps them


def test_the_h1_that_names_the_plan_titles_it_and_a_weeks_outcomes_restate_its_topics():
    week = "\n".join(
        [
            "### Topics",
            "- Wedging",
            "- Centering",
            "",
            "### Dependency Outcome",
            "- Why wet clay tears",
        ]
    )
    text = "\n".join(
        [
            "# ⏱️ Daily Rule",
            "• 10 min → warm up",
            "",
            "# 🚀 Six-Month Pottery Roadmap",
            "",
            "# MONTH 1 — Clay",
            "",
            f"## Week 1 — Wedging\n\n{week}\n",
            f"## Week 2 — Wheel\n\n{week}\n",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Six-Month Pottery Roadmap"
    assert not any("wet clay" in leaf.title for leaf in roadmap.leaves()), _tree(roadmap)


def test_reference_tables_beside_a_few_boxes_in_a_ticked_plan_are_text():
    weeks = "\n\n".join(
        f"## Week {n}\n" + "\n".join(f"- [ ] Throw bowl {n}.{k}" for k in range(1, 7))
        for n in range(1, 4)
    )
    tables = "### Troubleshooting\n\n" + "\n\n".join(
        f"**{name}**\n\n| Problem | Fix |\n|---|---|\n"
        "| Wobbly | Recenter |\n| Thin base | Trim less |"
        for name in ("Centering trouble", "Wall trouble", "Trimming trouble")
    )
    text = "\n\n".join(
        [
            "# Wheel plan",
            weeks,
            "## When You Get Stuck",
            tables,
            "### Stories to tell",
            "- [x] First bowl\n- [ ] First crack",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert not any(t in ("Wobbly", "Thin base", "Recenter") for t in titles), titles
    assert len(titles) == 20, titles


def test_a_repos_purpose_and_a_see_also_table_are_no_steps_of_its_tracker():
    text = "\n".join(
        [
            "## 🎯 Repo Ini Dibuat Untuk:",
            "- 📚 Menyimpan catatan latihan",
            "- 🧠 Membangun fondasi",
            "",
            "## 🗺️ Roadmap",
            "| Stage | Focus Learning | Status |",
            "|---|---|---|",
            "| 1️⃣ | Wedging | ✅ Done |",
            "| 2️⃣ | Throwing | 🟥 Not Started |",
            "| 3️⃣ | Glazing | 🟥 Not Started |",
            "",
            "📂 Lihat juga Repositori lainnya yang relevan dengan:",
            "| Projects | Others |",
            "|---|---|",
            "| [Kiln log](https://example.org/kiln) | [Glaze notes](https://example.org/glaze) |",
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()]
    assert leaves == [("Wedging", "done"), ("Throwing", "todo"), ("Glazing", "todo")], leaves


def test_a_notes_section_in_any_of_several_languages_is_text():
    for name in ("Notes", "Ghi chú", "Catatan", "Catatan Harian", "Daily Notes", "Notas", "备注"):
        text = "\n".join(
            [
                "# Plan",
                "## Stages",
                "- Wedging",
                "- Throwing",
                f"## 📌 {name}",
                "- Every exercise has several versions.",
                "- Each one has a statement and a sample.",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Wedging", "Throwing"], (name, titles)


def test_a_career_progression_table_after_the_levels_is_no_step():
    text = "\n".join(
        [
            "# Trilha de cerâmica",
            "## Nível 1",
            "- Amassar",
            "- Centralizar",
            "## Nível 2",
            "- Tornear",
            "- Esmaltar",
            "## Evolução de Carreira",
            "| Nível | Cargo |",
            "|---|---|",
            "| 1 | Aprendiz |",
            "| 2 | Ceramista |",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Amassar", "Centralizar", "Tornear", "Esmaltar"], titles


def test_link_lines_under_a_bold_label_are_its_list():
    text = "\n".join(
        [
            "## Week 1 — Clay",
            "",
            "Clay is the bread and butter of pottery.",
            "",
            "**3 suggested exercises (in order of difficulty)**",
            "",
            "[Pinch pot](https://example.org/pinch)",
            "",
            "[Coil pot](https://example.org/coil)",
            "",
            "[Slab box](https://example.org/slab)",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Pinch pot", "Coil pot", "Slab box"], titles


def test_h1_parts_over_their_boxes_do_not_name_the_vault_note():
    text = "\n".join(
        [
            "Website: [example](https://example.org)",
            "# Pick a Clay",
            "- [ ] [[Stoneware]]",
            "# Hand Building",
            "- [ ] [[Pinch pots]]",
            "- [ ] [[Coil pots]]",
            "# Wheel",
            "- [ ] [[Centering]]",
        ]
    )
    roadmap = parse_roadmap(text, source="Pottery Basics.md")
    assert roadmap.title == "Pottery Basics"
    assert [phase.title for phase in roadmap.nodes] == ["Pick a Clay", "Hand Building", "Wheel"]


def test_a_tools_topic_among_plain_topics_is_a_topic_and_a_weeks_tools_stay_resources():
    text = "\n".join(
        [
            "# Roadmap",
            "## Clay",
            "- Earthenware",
            "- Stoneware",
            "## Tools",
            "- Wire cutter",
            "- Rib and sponge",
            "## Firing",
            "- Bisque",
            "- Glaze",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Wire cutter" in titles and "Rib and sponge" in titles, titles
    week = "\n".join(
        [
            "## Week 1",
            "### Learning Objectives",
            "* Explain wedging",
            "* Explain centering",
            "### Tools",
            "* Banding wheel",
            "* Kiln app",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(week).leaves()]
    assert "Banding wheel" not in titles, titles


def test_a_plain_text_box_checklist_keeps_its_framed_parts_and_group_names():
    text = "\n".join(
        [
            "Reading list",
            "",
            "-------- Clay --------",
            "",
            "Bodies",
            "    [x] - The Potter's Dictionary",
            "    [ ] - Clay and Glazes",
            "",
            "-------- Kilns --------",
            "",
            "Firing",
            "    [ ] - The Kiln Book",
            "    [ ] - Electric Kilns",
        ]
    )
    roadmap = parse_roadmap(text)
    tree = [
        (p.title, [(g.title, [(b.title, b.status.value) for b in g.children]) for g in p.children])
        for p in roadmap.nodes
    ]
    assert tree == [
        ("Clay", [("Bodies", [("The Potter's Dictionary", "done"), ("Clay and Glazes", "todo")])]),
        ("Kilns", [("Firing", [("The Kiln Book", "todo"), ("Electric Kilns", "todo")])]),
    ], tree


def test_a_chat_answer_names_its_plan_in_its_first_sentence():
    text = "\n".join(
        [
            "Certainly! Below is a more detailed six-month pottery roadmap that includes tasks.",
            "",
            "### **Month 1: Clay**",
            "- Wedging",
            "- Centering",
            "",
            "### **Month 2: Wheel**",
            "- Pulling",
            "- Trimming",
        ]
    )
    assert parse_roadmap(text).title == "Six-month pottery roadmap"


def test_the_first_line_alone_above_the_headings_names_the_checklist():
    text = "\n".join(
        [
            " ✅ CHECKLIST PERSIAPAN PEMULA KERAMIK",
            "",
            "## 🎯 PHASE 0: SETUP",
            "- [ ] Meja kerja",
            "- [ ] Tanah liat",
            "",
            "## 🎯 PHASE 1: DASAR",
            "- [ ] Pinch pot",
        ]
    )
    assert parse_roadmap(text).title == "CHECKLIST PERSIAPAN PEMULA KERAMIK"


def test_a_box_written_as_code_shows_the_syntax_and_ticks_nothing():
    text = "\n".join(
        [
            "# Pottery checklist",
            "",
            "### How to track",
            "- `[ ]` = not done",
            "- `[x]` = done",
            "",
            "## Step 1",
            "- [ ] Wedge clay",
            "- [x] Center clay",
        ]
    )
    roadmap = parse_roadmap(text)
    done = [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"]
    assert done == ["Center clay"], [(n.title, n.status) for n in roadmap.leaves()]


def test_the_learners_name_line_at_the_top_is_no_step():
    text = "\n".join(
        [
            "POTTERY ROADMAP",
            "===============",
            "",
            "Name: Aradhya",
            "Goal: Throw a set of bowls",
            "",
            "-----------------",
            "PHASE 0: CLAY",
            "-----------------",
            "- Wedging",
            "- Pinch pots",
            "",
            "-----------------",
            "PHASE 1: WHEEL",
            "-----------------",
            "- Centering",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Pinch pots", "Centering"], titles


def test_a_why_heading_inside_the_plan_explains_it():
    for heading in ("Why build projects?", "Tại sao phải làm dự án?", "为什么要做项目？"):
        text = "\n".join(
            [
                "## Week 1",
                "- **Day 1**: Wedging (2 hours)",
                "- **Day 2**: Centering (2 hours)",
                f"### **{heading}**",
                "- **Videos are not enough**! You have to make pots.",
                "- **Projects make you think**, not just follow.",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert len(titles) == 2, (heading, titles)


def test_what_you_will_have_built_by_the_end_is_no_list_of_steps():
    text = "\n".join(
        [
            "## Month 1",
            "- **Day 1-3**: Wedging",
            "- **Day 4-7**: Centering",
            "",
            "## 🛠️ Project Portfolio",
            "By the end of this roadmap, you'll have built:",
            "- A set of bowls",
            "- A lidded jar",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any("bowls" in t or "jar" in t for t in titles), titles


def test_a_portfolio_readmes_index_goals_and_how_it_is_organised_are_no_steps():
    text = "\n".join(
        [
            "# Mis roadmaps",
            "## 🚀 Roadmaps disponibles",
            "- Cerámica — En progreso (12 semanas)",
            "- Próximamente nuevos roadmaps",
            "## 🎯 Objetivos del repositorio",
            "- Consolidar conocimientos",
            "- Mostrar buenas prácticas",
            "## 📘 Cómo está organizado cada roadmap",
            "- Un README con los objetivos",
            "- Notas personales",
            "## 📅 Progreso",
            "- [x] Semana 1 — Amasado",
            "- [ ] Semana 2 — Torno",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Semana 1 — Amasado", "Semana 2 — Torno"], titles


def test_how_the_course_is_assessed_is_no_list_of_steps():
    for heading in ("Assessment Methods", "评估方式 (Assessment)", "Método de evaluación"):
        text = "\n".join(
            [
                "## Semester goals",
                "- [ ] Wedging",
                "- [ ] Centering",
                f"## {heading}",
                "- Weekly report",
                "- Final show",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Wedging", "Centering"], (heading, titles)


def test_a_numbered_part_without_boxes_among_ticked_parts_is_still_a_part():
    # The fourth route lists its work in a table and a plain list, not in boxes: it is the
    # same series as the three routes before it, not a note of the third.
    def route(n: int, name: str) -> list[str]:
        return [f"## Ruta {n}: {name}", "- [ ] Read the guide", "- [x] Glaze a test tile"]

    text = "\n".join(
        [
            "# Ceramics paths",
            *route(1, "Hand building"),
            *route(2, "Wheel"),
            *route(3, "Kiln"),
            "## Ruta 4: Your own studio (2 weeks)",
            "| Task | Where | Time |",
            "|---|---|---|",
            "| Choose a space | garage | 1 week |",
            "| Buy a kiln | supplier | 1 week |",
        ]
    )
    phases = [(p.title, len(p.leaves())) for p in parse_roadmap(text).nodes]
    assert [t for t, _ in phases][-1].startswith("Ruta 4"), phases
    assert phases[-1][1] == 2, phases


def test_a_numbered_role_whose_resources_are_read_first_stays_a_part():
    def role(n: int, name: str) -> list[str]:
        return [f"### {n}. {name}", "- [ ] Centre the clay", "- [ ] Pull a wall"]

    text = "\n".join(
        [
            "# Studio roles",
            "## Roles",
            *role(1, "Thrower"),
            *role(2, "Glazer"),
            *role(3, "Firer"),
            "### 4. Decorator",
            "#### Level 1: Basics (Week 1-2)",
            "**Resources:**",
            "1. **Teaching pottery**",
            "   - URL: https://example.org/teach",
            "**Exercise:**",
        ]
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert any(t.startswith("4. Decorator") for t in titles), titles


def test_deliverables_after_the_numbered_modules_are_part_of_the_plan():
    text = "\n".join(
        [
            "# Sourdough course",
            *[f"## Module {n}: Step {n}\n- Knead {n}\n- Proof {n}" for n in (1, 2, 3)],
            "## ✅ Final Deliverables",
            "- A country loaf",
            "- A baking log",
            "Would you like me to turn this into a printable checklist?",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes][-1] == "Final Deliverables"
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[-2:] == ["A country loaf", "A baking log"], titles


def test_additional_resources_after_topic_link_lists_are_reading_not_a_topic():
    for heading in ("Additional Resources", "Weitere Ressourcen", "Otros recursos"):
        text = "\n".join(
            [
                "# Glazing on the web",
                "## Clays",
                "* [Clay basics](https://example.org/clay)",
                "* [Wedging video](https://example.org/wedge)",
                "## Glazes",
                "* [Glaze chemistry](https://example.org/glaze)",
                "## Kilns",
                "* [Kiln safety](https://example.org/kiln)",
                f"## {heading}",
                "* [Pottery forum](https://example.org/forum)",
                "* [Ceramics magazine](https://example.org/mag)",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert "Pottery forum" not in titles and "Kiln safety" in titles, (heading, titles)


def test_recommended_reading_by_subject_and_a_learning_strategy_are_not_steps():
    text = "\n".join(
        [
            "# Piano di ceramica",
            "## Argilla",
            "### Settimana 1",
            "- Impastare",
            "- Centrare",
            "## Smalti",
            "### Settimana 2",
            "- Smaltare una tazza",
            "## Strategia di Apprendimento",
            "- Lavorare ogni giorno",
            "## Risorse Consigliate",
            "### Argilla",
            "- Manuale del tornio",
            "### Smalti",
            "- Libro degli smalti",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Impastare", "Centrare", "Smaltare una tazza"], titles


def test_a_section_holding_the_stages_is_opened_whatever_its_name():
    text = "\n".join(
        [
            "# Pottery roadmap",
            "## Current status",
            "- Level: beginner",
            "## Learning Phases",
            "### Phase 1: Clay (Weeks 1-2)",
            "- Wedge clay",
            "- Pinch a pot",
            "### Phase 2: Wheel (Weeks 3-4)",
            "- Centre",
            "- Pull walls",
            "### Phase 3: Glaze (Weeks 5-6)",
            "- Dip glaze",
            "- Fire",
            "## Studio setup",
            "### 1. Clean the wheel",
            "- Sponge it",
        ]
    )
    phases = [p.title for p in parse_roadmap(text).nodes]
    assert phases[:3] == ["Phase 1: Clay", "Phase 2: Wheel", "Phase 3: Glaze"], phases


def test_stages_named_by_what_they_cover_are_opened_too_but_not_beside_numbered_parts():
    staged = "\n".join(
        [
            "# 陶艺路线",
            "## 学期目标",
            "### 基础阶段",
            "- [ ] 揉泥",
            "- [ ] 捏塑",
            "### 拉坯阶段",
            "- [ ] 定中心",
            "### 上釉阶段",
            "- [ ] 浸釉",
            "## 作品展示",
            "- [ ] 一只碗",
        ]
    )
    phases = [p.title for p in parse_roadmap(staged).nodes]
    assert phases[:3] == ["基础阶段", "拉坯阶段", "上釉阶段"], phases
    beside_blocks = "\n".join(
        [
            "# Pottery",
            "## Block 1: Clay",
            "- [x] Wedge",
            "## Block 2: Wheel",
            "### Stage 2.1: Centre",
            "- [ ] Cone up",
            "### Stage 2.2: Walls",
            "- [ ] Pull",
            "### Stage 2.3: Trim",
            "- [ ] Foot ring",
        ]
    )
    phases = [p.title for p in parse_roadmap(beside_blocks).nodes]
    assert len(phases) == 2 and phases[1].endswith("Wheel"), phases


def test_what_each_folder_holds_and_the_technologies_used_are_not_steps():
    text = "\n".join(
        [
            "# Pottery projects",
            "## Projects",
            "1. [Tea bowl](https://example.org/bowl)",
            "2. [Vase](https://example.org/vase)",
            "## Technologies & Skills Covered",
            "- **Stoneware**: mid-fire clay body",
            "- **Celadon**: a glaze",
            "## Learning path",
            "These projects follow the studio's beginner course.",
            "",
            "Each project folder contains its own notes with:",
            "- Project goals",
            "- Firing notes",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Tea bowl", "Vase"], titles


def test_the_rules_of_a_challenge_are_not_steps():
    for heading in ("📋 Challenge Rules", "The Rules", "Rules of the challenge"):
        text = "\n".join(
            [
                "# 100 days of clay",
                f"## {heading}",
                "- Throw every day",
                "- Post a photo",
                "## Log",
                "- [x] Day 1: Wedging",
                "- [x] Day 2: Centering",
                "- [ ] Day 3: Pulling",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert "Throw every day" not in titles and len(titles) == 3, (heading, titles)


def test_a_table_of_contents_heading_left_open_over_the_groups_is_not_their_part():
    text = "\n".join(
        [
            "# Glaze checklist",
            "## 📚 Table of Contents",
            "1. [Clays](#1-clays)",
            "2. [Glazes](#2-glazes)",
            "",
            "<details>",
            "<summary><strong>1. Clays</strong></summary>",
            "",
            "### Easy",
            "- [x] Stoneware",
            "### Hard",
            "- [ ] Porcelain",
            "",
            "</details>",
        ]
    )
    phases = [(p.title, len(p.leaves())) for p in parse_roadmap(text).nodes]
    assert phases == [("1. Clays", 2)], phases


def test_a_resource_caption_over_a_list_across_a_blank_line_makes_it_reading():
    for caption in ("References", "本文参考", "Recommended books:"):
        text = "\n".join(
            [
                "# Pottery path",
                "",
                caption,
                "",
                "- [Clay guide](https://example.org/clay)",
                "",
                "## Wedging",
                "- [ ] Ram's head",
                "## Throwing",
                "- [ ] Centre",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Ram's head", "Centre"], (caption, titles)


def test_a_collapsed_block_of_instructions_before_the_table_is_not_a_step():
    text = "\n".join(
        [
            "# Kiln path",
            "",
            "<details>",
            "<summary><b>Instructions</b></summary>",
            "",
            "Copy this page and tick the rooms you finish.",
            "",
            "</details>",
            "",
            "| Status | Room | Category |",
            "| --- | --- | --- |",
            "| ☑ | Loading | Basics |",
            "| ☐ | Firing | Basics |",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Loading", "Firing"], titles


def test_a_table_of_technologies_covered_and_an_about_this_project_section_are_text():
    text = "\n".join(
        [
            "# 陶艺学习计划",
            "## 关于本项目",
            "- 记录我的学习",
            "## 课程",
            "| # | Course | Status |",
            "|---|---|---|",
            "| 1 | Wedging | ✅ |",
            "| 2 | Throwing | ⬜ |",
            "## Technologies & Concepts Covered (so far)",
            "| Area | Topics |",
            "|---|---|",
            "| **Clay bodies** | Stoneware, porcelain, earthenware and their firing ranges |",
            "| **Tools** | Wheel, kiln, banding wheel |",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Throwing"], titles


def test_a_study_plan_heading_over_one_instruction_is_an_introduction_not_a_step():
    text = "\n".join(
        [
            "# Mentorship · Block 1",
            "## Study Plan",
            "",
            "> Work through these topics in order. Tick every box before moving on.",
            "",
            "## 01 Clay",
            "- [ ] Wedge",
            "- [ ] Pinch",
            "## 02 Wheel",
            "- [ ] Centre",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedge", "Pinch", "Centre"], titles
    # a verb-like word that names a kind of thing is no action; an action still is
    assert not reads_as_action("Study Plan") and not reads_as_action("Practice log")
    assert reads_as_action("Study the glaze chart")


def test_a_subtitle_under_the_title_and_the_course_requirements_are_not_steps():
    text = "\n".join(
        [
            "# The Pottery Bootcamp",
            "#### Spring 2026 Cohort Syllabus",
            "## Minimum Requirements",
            "#### Homework",
            "You must hand in 90% of the pots.",
            "## Curriculum By Week",
            "| Week | Subject |",
            "|---|---|",
            "| 1 | Wedging |",
            "| 2 | Throwing |",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Throwing"], titles


def test_how_i_learn_and_what_to_do_when_stuck_are_advice():
    for heading in ("🧠 How I’m Learning", "When You Get Stuck", "My study process"):
        text = "\n".join(
            [
                "# Clay year",
                "## Week 1",
                "- [ ] Wedge",
                "## Week 2",
                "- [ ] Throw",
                f"## {heading}",
                "- Watch a video, then practise",
                "- Ask the studio tutor",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Wedge", "Throw"], (heading, titles)


def test_an_indented_text_outline_keeps_its_underlined_name_and_reads_arrows_and_rules():
    text = "\n".join(
        [
            "Pottery Path",
            "============",
            "1. Clay",
            "    1.1 Wedging",
            "        -> Ram's head",
            "        -> Spiral",
            "    1.2 Pinching",
            "=============",
            "2. Wheel",
            "    2.1 Centering",
            "        -> Cone up",
            "        -> Cone down",
            "    2.2 Trimming",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Pottery Path"
    titles = [node.title for node in roadmap.walk()]
    assert "Ram's head" in titles and "Cone up" in titles, titles
    assert not any("=" in t or t.startswith("->") for t in titles), titles


def test_a_step_told_in_sentences_keeps_its_whole_text_among_sentence_steps():
    text = "\n".join(
        [
            "## Practise",
            "- ☐ Tie the **details** back to the main idea.",
            "- ☐ Connect what you throw to what you already know.",
            "- ☐ Stay in the **middle** of the challenge. If too hard, step back a level.",
            "- ☐ **Scaffold**. Throw small cylinders before trying tall vases today.",
            "- ☐ Find **examples**. A video of a potter centring helps a great deal.",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[3].startswith("Scaffold. Throw small cylinders"), titles
    assert titles[4].startswith("Find examples. A video"), titles


def test_rules_written_as_boxes_are_kept_every_day_not_steps():
    text = "\n".join(
        [
            "# Four weeks of clay",
            "## Week 1",
            "- [ ] Wedge",
            "- [ ] Pinch",
            "## Week 2",
            "- [ ] Throw",
            "## Rules",
            "- [ ] Stop at the end of each session",
            "- [ ] Clean the wheel",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedge", "Pinch", "Throw"], titles


def _steps_beside(heading: str, entries: list[str]) -> list[str]:
    """The steps of a two-part Polish pottery plan with one more section after it."""
    text = "\n".join(
        [
            "# Ceramika",
            "## Glina",
            "- [ ] Ugniatanie",
            "## Koło",
            "- [ ] Centrowanie",
            f"## {heading}",
            *(f"- {entry}" for entry in entries),
        ]
    )
    return [leaf.title for leaf in parse_roadmap(text).leaves()]


def test_boilerplate_sections_are_known_in_the_languages_learners_write():
    headings = [
        "Domande frequenti",
        "Często zadawane pytania",
        "Sıkça sorulan sorular",
        "Câu hỏi thường gặp",
        "자주 묻는 질문",
        "Licenza",
        "Spis treści",
        "Fazit",
        "Заключение",
        "Podsumowanie",
        "Ringraziamenti",
        "Автор",
        "Fortschritt",
        "Prerequisiti",
        "Wymagania wstępne",
        "Prasyarat",
    ]
    for heading in headings:
        titles = _steps_beside(heading, ["Anna K.", "Jan B."])
        assert titles == ["Ugniatanie", "Centrowanie"], (heading, titles)


def test_community_news_about_me_and_audience_sections_are_known_in_many_languages():
    headings = ["Społeczność", "Haberler", "Über mich", "Sobre mim", "Для кого", "対象者", "Uwagi"]
    for heading in headings:
        titles = _steps_beside(heading, ["Dołącz do nas", "Napisz do mnie"])
        assert titles == ["Ugniatanie", "Centrowanie"], (heading, titles)


def test_a_note_or_tip_under_a_step_is_its_note_in_other_languages():
    for label in ("Nota", "Hinweis", "Consejo", "Dica", "Uwaga", "Catatan", "备注", "팁"):
        text = "\n".join(
            [
                "## Semana 1",
                "- Amasar la arcilla",
                "  - Cabeza de carnero",
                "  - Espiral",
                f"  - {label}: usa agua tibia",
                "- Centrar",
            ]
        )
        roadmap = parse_roadmap(text)
        titles = [leaf.title for leaf in roadmap.leaves()]
        assert titles == ["Cabeza de carnero", "Espiral", "Centrar"], (label, titles)


def test_a_chat_answers_offer_in_another_language_lists_no_steps():
    offers = [
        "Se quiser, posso também:",
        "Si quieres, también puedo:",
        "Wenn du willst, kann ich noch:",
        "如果你愿意，我可以：",
        "원하시면 제가:",
    ]
    for offer in offers:
        text = "\n".join(
            [
                "Claro! Aqui está o seu plano.",
                "",
                "## Semana 1",
                "- Amassar o barro",
                "- Centrar",
                "## Semana 2",
                "- Esmaltar",
                "",
                offer,
                "",
                "- montar um cronograma",
                "- criar flashcards",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Amassar o barro", "Centrar", "Esmaltar"], (offer, titles)


def test_overall_status_methodology_and_what_each_file_holds_are_not_parts():
    text = "\n".join(
        [
            "# PAINEL DE PROGRESSO",
            "## 🎯 STATUS GERAL",
            "- **Progresso Total:** 25/60 aulas",
            "## 🧠 METODOLOGIA LIMPA",
            "### 📝 CADA ARQUIVO .MD CONTÉM:",
            "- **Conceitos da aula:** direto ao ponto",
            "## Módulo 1",
            "- [x] Argila",
            "## Módulo 2",
            "- [ ] Torno",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Argila", "Torno"], titles


def test_pasted_weeks_inside_a_two_week_range_line_are_its_sections():
    text = "\n".join(
        [
            "Silabus Kursus Keramik (4 Minggu)",
            "",
            "📌 Minggu 1-2: Dasar Tanah Liat",
            "✅ Minggu 1: Menguleni",
            "",
            "Menguleni tanah liat",
            "Membuat mangkuk jepit",
            "✅ Minggu 2: Roda",
            "",
            "Memusatkan tanah liat",
            "📌 Minggu 3-4: Glasir",
            "✅ Minggu 3: Glasir dasar",
            "",
            "Mencelup glasir",
            "✅ Minggu 4: Pembakaran",
            "",
            "Memuat tungku",
        ]
    )
    roadmap = parse_roadmap(text)
    phases = [(p.title, len(p.leaves())) for p in roadmap.nodes]
    assert phases == [("Minggu 1-2: Dasar Tanah Liat", 3), ("Minggu 3-4: Glasir", 2)], phases


def test_a_course_line_that_says_we_will_go_through_something_stays_in_its_entry():
    text = "\n".join(
        [
            "## Module 1",
            "- Glazes: in class",
            "  we will go through the cone chart",
            "- Firing",
            "Would you like me to make this a printable sheet?",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any("printable" in t for t in titles), titles
    assert any("cone chart" in t for t in titles) or any(
        "cone chart" in n for leaf in parse_roadmap(text).leaves() for n in [leaf.notes or ""]
    ), titles


def test_a_final_boss_after_the_numbered_phases_is_the_plans_capstone():
    text = "\n".join(
        [
            "# Pottery mastery",
            *[f"## PHASE {n}: Skill {n}\n- Practice {n}\n- Review {n}" for n in (1, 2, 3)],
            "## 🏁 FINAL BOSS: A DINNER SET",
            "* Twelve matching plates",
            "* A serving bowl",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[-2:] == ["Twelve matching plates", "A serving bowl"], titles


def test_a_contents_heading_that_holds_the_whole_readme_gives_way_to_its_sections():
    text = "\n".join(
        [
            "# Pottery Roadmap",
            "Learn pottery in four weeks.",
            "# Table of Contents",
            "- [Roadmap Summary](#roadmap-summary)",
            "- [FAQ](#faq)",
            "## 📅 Roadmap Summary",
            "| Week | Topics Covered | Tools |",
            "|---|---|---|",
            "| 1 | Wedging | hands |",
            "| 2 | Centering | wheel |",
            "| 3 | Trimming | tools |",
            "## ❓ FAQ",
            "### Q: Which clay?",
            "Stoneware.",
        ]
    )
    phases = [(p.title, [leaf.title for leaf in p.leaves()]) for p in parse_roadmap(text).nodes]
    assert ("Roadmap Summary", ["Wedging", "Centering", "Trimming"]) in phases, phases
    assert not any(title == "Table of Contents" for title, _ in phases), phases


def test_the_books_and_courses_named_under_a_week_are_that_weeks_steps():
    weeks = [
        "# Pottery self-study",
        "### Week 1 (Clay) - [Mar 2 - Mar 8]:",
        "- Course: [Clay basics - Studio A](https://example.org/clay)",
        "- Book: [The Potter's Bench](https://example.org/bench)",
        "- Notes:",
        "### Week 2 (Wheel) - [Mar 9 - Mar 15]:",
        "- Course: [Centering - Studio A](https://example.org/centre)",
        "- Book: [Throwing Forms](https://example.org/forms)",
        "- Course: [Trimming - Studio B](https://example.org/trim)",
        "- Notes:",
    ]
    roadmap = parse_roadmap("\n".join(weeks))
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [2, 3]
    assert "Course: Trimming - Studio B" in [leaf.title for leaf in roadmap.leaves()]


def test_a_bold_date_before_the_days_work_is_when_not_what():
    text = "\n".join(
        [
            "# Kiln schedule",
            "### Week 1",
            "- **2024-09-09 (Mon)**: Wedge and centre, practise pulling walls",
            "    - Three cylinders",
            "- **2024-09-11 (Wed)**: Trim the cylinders, add handles",
            "    - Two mugs",
            "### Week 2",
            "- **Monday**: Bisque firing, check the kiln log",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert any("Trim the cylinders" in title for title in titles), titles
    assert any("Bisque firing" in title for title in titles), titles


def test_sites_to_practise_on_are_the_weeks_reading_in_any_language():
    for caption in ("**🧩 Sitios Para Practicar**", "**Sites to practice**"):
        text = "\n".join(
            [
                "# Cerámica",
                "## Semana 1: Arcilla",
                "* Amasar la arcilla.",
                "* Centrar en el torno.",
                "",
                caption,
                "- [Clayshare](https://example.org/clay)",
                "- [Kilnbook](https://example.org/kiln)",
                "## Semana 2: Esmaltes",
                "* Mezclar un esmalte.",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Amasar la arcilla.", "Centrar en el torno.", "Mezclar un esmalte."]


def test_a_part_with_one_named_tool_stays_a_part_beside_parts_with_two():
    text = "\n".join(
        [
            "## Roadmap for a potter",
            "1. **Clay Bodies**:",
            "   - **Stoneware**: Start with a forgiving mid-fire body and learn how it dries.",
            "",
            "2. **Glazing**:",
            "   - **Celadon**: A classic glaze that shows every mistake in application.",
            "   - **Shino**: Learn how carbon trap works before you try it on big pieces.",
            "",
            "3. **Firing**:",
            "   - **Bisque**: Slow and steady, with the lid cracked for the first hours.",
            "   - **Glaze firing**: Watch the cones and write down every schedule you run.",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["Clay Bodies", "Glazing", "Firing"]


def test_what_the_repository_is_for_is_its_text_not_steps():
    for heading in ("## 🎯 Repository Goals", "## 🎯 Tujuan Repository"):
        text = "\n".join(
            [
                "# Keramik",
                heading,
                "* Membangun dasar yang kuat",
                "* Melatih pola pikir pengrajin",
                "## Level 1",
                "- Uleni tanah liat",
                "## Level 2",
                "- Centering",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Uleni tanah liat", "Centering"], heading


def test_a_box_written_after_the_entry_is_its_state_not_part_of_its_name():
    text = "# Cerâmica\n## Semana 1\n- Dia 1: Amassar [x]\n- Dia 2: Centrar [x]\n- Dia 3: Tornear\n"
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Dia 1: Amassar", "done"),
        ("Dia 2: Centrar", "done"),
        ("Dia 3: Tornear", "todo"),
    ]


def test_labels_set_off_under_every_day_describe_the_day_they_are_no_steps():
    text = "\n".join(
        [
            "# Kiln plan",
            "## Week 1: Clay",
            "- **Day 1:** Wedging and the spiral",
            "  - *Why:* Air pockets crack pots",
            "  - *Connects to:* Centering",
            "- **Day 2:** Centering on the wheel",
            "  - *Why:* Everything starts centred",
            "  - *Notes:* Wet hands",
            "- **Day 3:** Pulling walls",
            "  - *Patterns:* Cylinder, bowl",
            "  - *Connects to:* Trimming",
            "## Week 2: Glaze",
            "- **Day 4:** Dipping",
            "  - *Why:* Even coats",
            "  - *Connects to:* Firing",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 4 and all(title.startswith("Day") for title in titles), titles


def test_the_work_of_each_weeks_weekdays_and_weekend_stays_its_steps():
    weeks = []
    for week, topic in ((1, "Clay"), (2, "Wheel"), (3, "Glaze")):
        weeks += [
            f"*   **Week {week}: {topic}**",
            f"    *   *Focus:* {topic} basics.",
            f"    *   *Mon-Fri:* Practise {topic.lower()} for an hour a day.",
            f"    *   *Weekend:* Make one {topic.lower()} piece.",
        ]
    weeks += ["*   **Week 4: Portfolio and Sales**", "    *   *Task:* Photograph every piece."]
    roadmap = parse_roadmap("\n".join(["# Pottery in a month", "### Month 1", *weeks]))
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert sum("Mon-Fri" in t for t in titles) == 3 and sum("Weekend" in t for t in titles) == 3
    weeks_found = [node.title for node in roadmap.nodes[0].children]
    assert "Week 4: Portfolio and Sales" in weeks_found, weeks_found


def test_an_example_of_use_under_a_week_shows_the_week_it_is_no_step():
    for caption in ("#### Ejemplo de Aplicación", "#### Application example"):
        text = "\n".join(
            [
                "# Cerámica",
                "## Semana 1: Arcilla",
                "1. **Amasado**",
                "2. **Centrado**",
                caption,
                "- Un cuenco que se usa cada mañana (Mes 2).",
                "## Semana 2: Esmaltes",
                "1. **Inmersión**",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Amasado", "Centrado", "Inmersión"], (caption, titles)


def test_quoted_done_and_not_done_labels_over_lists_give_their_entries_state():
    text = "\n".join(
        [
            "# 陶艺",
            "### 0、目录介绍",
            "| path | means |",
            "| --- | --- |",
            "| ./clay | 揉泥笔记 |",
            "| ./glaze | 釉料笔记 |",
            "### 1、学习路线",
            "> 已完成：",
            "",
            "* 揉泥",
            "* 拉坯",
            "",
            "> 未完成：",
            "",
            "* 施釉",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("揉泥", "done"),
        ("拉坯", "done"),
        ("施釉", "todo"),
    ]


def test_two_bare_lines_are_entries_where_sections_beside_them_list_bare_lines():
    text = "\n".join(
        [
            "# 도예 로드맵",
            "## 01 흙",
            "흙 고르기 기초",
            "",
            "반죽과 꼬막밀기",
            "",
            "물레 중심 잡기",
            "",
            "## 02 유약",
            "유약 1편 - 기본 원리",
            "",
            "유약 2편 - 시유 기법",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [3, 2]


def test_an_html_list_folded_in_details_is_the_groups_list_ticked_so_far():
    text = "\n".join(
        [
            "# 도예",
            "## 01 흙",
            "<details>",
            "    <summary>흙 다루기 입문 🟢</summary>",
            '    <div markdown="1">',
            "        <ul>",
            "          <li>강의 소개 ✅</li>",
            "          <li>꼬막밀기 ✅</li>",
            "          <li>물레 중심 잡기 🟢</li>",
            "          <li>굽 깎기</li>",
            "        </ul>",
            "    </div>",
            "</details>",
            "",
            "## 02 유약",
            "- 시유",
            "- 소성",
        ]
    )
    roadmap = parse_roadmap(text)
    states = [(leaf.title, leaf.status.value) for leaf in roadmap.nodes[0].leaves()]
    assert states == [
        ("강의 소개", "done"),
        ("꼬막밀기", "done"),
        ("물레 중심 잡기", "todo"),
        ("굽 깎기", "todo"),
    ], states
    assert [leaf.line for leaf in roadmap.nodes[0].leaves()] == [7, 8, 9, 10]


def test_a_contents_table_of_lesson_folders_is_the_plan_and_the_tools_described_are_text():
    rows = [
        f"| Dia {n} | [*Lección {n}*](./Dia-{n:02}/README.md) | [Codigo](./Dia-{n:02}/main.py) |"
        for n in range(1, 10)
    ]
    text = "\n".join(
        [
            "# 100 días de cerámica",
            "## Entorno de Desarrollo",
            "1. Torno: Donde doy forma a la arcilla cada mañana.",
            "",
            "2. Horno: Cuece las piezas. Todo lo que esmalto pasa por aquí.",
            "",
            "3. Mesa: Para amasar.",
            "## Contenido",
            "| Dia | README | Codigo |",
            "|---|---|---|",
            *rows,
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [f"Lección {n}" for n in range(1, 10)], titles


def test_a_contents_list_of_the_repositorys_pages_is_still_navigation():
    text = "\n".join(
        [
            "# Kiln",
            "## Contents",
            "* [Rules](rules.md)",
            "* [Log](log.md)",
            "* [FAQ](FAQ.md)",
            "* [Resources](resources.md)",
            "## Plan",
            "- Wedge",
            "- Throw",
        ]
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedge", "Throw"]


def test_ticks_before_entries_count_in_a_part_marked_done_of_a_boxed_plan():
    text = "\n".join(
        [
            "# Töpfern",
            "## PHASE 1: TON ✅",
            "- [x] Kneten",
            "- [x] Zentrieren",
            "## PHASE 1.5: GLASUR ✅",
            "### Lernziele",
            "- ✅ Tauchen",
            "- ✅ Pinseln",
            "",
            "**Key Learnings:**",
            "- Dünn glasieren",
            "- Ränder sauber halten",
            "",
            "## PHASE 2: BRAND",
            "- [ ] Schrühbrand",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Kneten", "done"),
        ("Zentrieren", "done"),
        ("Tauchen", "done"),
        ("Pinseln", "done"),
        ("Schrühbrand", "todo"),
    ]


def test_a_weeks_pedagogical_goals_and_notions_covered_are_its_text():
    text = "\n".join(
        [
            "# Semaine 01 – Céramique",
            "## Objectifs pédagogiques",
            "- Comprendre la terre",
            "- Centrer sur le tour",
            "## Notions abordées",
            "- Argile et chamotte",
            "- Séchage",
            "## Plan de travail",
            "- [x] Pétrir",
            "- [ ] Tourner un bol",
        ]
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Pétrir", "Tourner un bol"]


def test_reading_materials_named_in_chinese_are_the_days_reading():
    text = "\n".join(
        [
            "# 陶艺路线图",
            "## 第一阶段",
            "**Day 1-2: 揉泥**",
            "- [ ] 菊花揉",
            "- [ ] 羊头揉",
            "",
            "**阅读材料**:",
            "- 《陶艺入门》第一章",
            "- 笔记：[[揉泥要点]]",
            "",
            "## 第二阶段",
            "- [ ] 拉坯",
        ]
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["菊花揉", "羊头揉", "拉坯"]


def test_next_steps_and_resources_after_the_plan_is_reading_not_a_step():
    text = "\n".join(
        [
            "# Kiln plan",
            "### Week 1 (Clay):",
            "- Course: [Wedging](https://example.org/w)",
            "- Book: [Clay Bodies](https://example.org/c)",
            "",
            "Next Steps and Resources:",
            "- Book: [Glaze Chemistry](https://example.org/g)",
            "- Course: [Raku](https://example.org/r)",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any("Next Steps" in title for title in titles), titles


def test_lessons_numbered_in_bold_as_paragraphs_are_the_steps_under_a_contents_heading():
    lessons = []
    for n, name in enumerate(["Глина", "Центровка", "Вытягивание", "Обточка"], start=1):
        lessons += [f"**{n}.** [{name}](lessons/{n}.md)", ""]
    text = "\n".join(
        [
            "Гончарное дело. План",
            "====================",
            "",
            "Статья содержит примерный план обучения.",
            "",
            "# Оглавление",
            "",
            "### Основы",
            "",
            *lessons,
            "### Глазурь",
            "",
            "**5.** [Окунание](lessons/5.md)",
            "",
            "**6.** Роспись",
            "",
            "**7.** [Обжиг](lessons/7.md)",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [4, 3]
    assert roadmap.title != "Оглавление"


def test_a_section_holding_only_its_start_date_says_when_not_what():
    text = "\n".join(
        [
            "# 陶芸ノート",
            "## 進捗",
            "- [x] 土練り",
            "- [ ] ろくろ",
            "## 🗓 学習開始日",
            "",
            "2026-01-01",
            "",
            "## 次の目標",
            "- [ ] 釉薬",
        ]
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["土練り", "ろくろ", "釉薬"]


def test_a_tick_beside_one_other_mark_of_the_authors_is_a_state_in_every_list():
    text = "\n".join(
        [
            "# 도예 스터디",
            "## 1주차",
            "✔️ [꼬막밀기](a.md)",
            "✔️ [물레 중심](b.md)",
            "✔️ [굽 깎기](c.md)",
            "📚 [유약]() <br/>",
            "",
            "## 2주차",
            "✔️ [시유](d.md)",
            "✔️ [초벌](e.md)",
            "✔️ [재벌](f.md)",
        ]
    )
    states = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert states == ["done", "done", "done", "todo", "done", "done", "done"], states


def test_four_paragraphs_each_led_by_a_plain_name_are_a_list_of_steps():
    names = ["Wedging", "Centering", "Pulling walls", "Trimming (foot rings)"]
    body = [f"{name}: Learn how to do this well, slowly, until it feels easy.\n" for name in names]
    text = "# Pottery\n\n### Exercises\n\n" + "\n".join(body)
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == names


def test_three_plain_label_paragraphs_or_weeks_written_so_stay_what_they_were():
    text = "\n".join(
        [
            "# Pottery",
            "## Notes",
            "Clay: The studio buys it by the bag, twenty kilos at a time.",
            "",
            "Kiln: It fires on Thursdays, so glaze by Wednesday evening.",
            "",
            "Tools: Keep your own ribs and wires in the locker by the door.",
            "## Plan",
            "- Wedge",
            "- Throw",
        ]
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedge", "Throw"]


def test_a_project_named_tip_calculator_is_no_advice():
    text = "\n".join(
        [
            "# 100 days of pottery code",
            "## Guided projects",
            "### `day002`: [Tip Calculator](./day002/)",
            "### `day005`: [Glaze Mixer](./day005/)",
            "### `day007`: [Kiln Log](./day007/)",
            "## Pro tip",
            "- Commit every day",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["day002: Tip Calculator", "day005: Glaze Mixer", "day007: Kiln Log"], titles


def test_the_exams_structure_is_about_the_exam_not_a_part_of_the_plan():
    for heading in ("## Exam Structure", "## 시험 구조", "## Prüfungsstruktur"):
        text = "\n".join(
            [
                "# Kiln exam plan",
                heading,
                "- Part 1: theory, 40 points",
                "- Part 2: practice, 60 points",
                "## Week 1",
                "- Clay bodies",
                "## Week 2",
                "- Firing curves",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Clay bodies", "Firing curves"], heading


def test_a_tick_used_beside_boxes_ticks_the_lists_of_the_same_part_written_without_boxes():
    text = "\n".join(
        [
            "# Escola de cerâmica",
            "## Fundamentos :hourglass_flowing_sand:",
            "#### Bloco 1: Argila",
            "- :heavy_check_mark: 1: _Amassar_",
            "- :heavy_check_mark: 2: _Centrar_",
            "#### Bloco 2: Torno",
            "- :heavy_check_mark: 1: _Puxar paredes_",
            "- [ ] 2: _Tornear tigelas_",
            "- [ ] 3: _Retorneado_",
            "## Esmaltes",
            "#### Bloco 3: Mergulho",
            "- [ ] 1: _Esmalte transparente_",
            "",
            "## Dicas",
            "- ✅ Lave as mãos",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    done = [leaf.title for leaf in leaves if leaf.status.value == "done"]
    assert done == ["1: Amassar", "2: Centrar", "1: Puxar paredes"], done


def test_the_weekday_timetable_beside_a_weeks_boxes_is_when_to_study_not_more_steps():
    text = "\n".join(
        [
            "# Pottery in 12 weeks",
            "## PHASE 1: CLAY",
            "### WEEK 1",
            "**Status:** DONE",
            "",
            "**MAIN TRACK (Heavy):**",
            "- Sat: 4 hrs wedging practice",
            "- Sun: 3 hrs centring drills",
            "",
            "**Deliverables:**",
            "- [x] Ten centred lumps",
            "- [x] Notes on clay bodies",
            "### WEEK 2",
            "**Light weeknight study:**",
            "- Tue: 1 hr glaze reading",
            "- Thu: 1 hr glaze reading",
            "",
            "**Deliverables:**",
            "- [ ] First cylinder",
            "- [ ] Glaze test tiles",
            "- [ ] Kiln log started",
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert leaves == [
        "Ten centred lumps",
        "Notes on clay bodies",
        "First cylinder",
        "Glaze test tiles",
        "Kiln log started",
    ], leaves
    notes = " ".join(node.notes for node in roadmap.walk())
    assert "Sat: 4 hrs wedging practice" in notes, notes


def test_a_group_of_tasks_for_the_days_beside_boxes_stays_steps_when_it_says_what_to_do():
    text = "\n".join(
        [
            "# Pottery",
            "## Week 1",
            "**Practice:**",
            "- Wedge the clay",
            "- Centre a lump",
            "",
            "**Deliverables:**",
            "- [ ] First cylinder",
            "- [ ] Glaze test tiles",
            "- [ ] Kiln log started",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Wedge the clay" in leaves and "First cylinder" in leaves, leaves


def test_a_paragraph_of_fields_under_a_week_heading_is_its_caption_not_a_group_of_the_week():
    text = "\n".join(
        [
            "# Pottery month",
            "## WEEK 1: FOUNDATION",
            "",
            "**Daily Time**: 2 hours  ",
            "**Focus**: wedging and centring",
            "",
            "### Special Week 1 Activities",
            "- Wedge ten lumps",
            "- Centre five",
            "## WEEK 2: CYLINDERS",
            "- Pull walls",
        ]
    )
    roadmap = parse_roadmap(text)
    week = roadmap.nodes[0]
    assert [child.title for child in week.children] == ["Special Week 1 Activities"]
    assert "Focus" in week.notes, week.notes


def test_a_language_label_that_says_what_to_do_is_a_step_while_a_courses_language_is_a_note():
    text = "\n".join(
        [
            "# Ceramics school",
            "## Phase 1: Choose your path",
            "**Option A: Studio pottery**",
            "- **Wheel:** Learn to centre and pull walls.",
            "- **Glazes:** Mix three base glazes.",
            "",
            "**Option B: Ceramic science**",
            "- **Language:** Start with Python. It is the most forgiving.",
            "- **Concepts:** Variables, loops, functions, file I/O.",
            "",
            "## Phase 2: Courses",
            "- [Kiln firing basics](https://example.org/kiln)",
            "  - Language: English",
            "  - Platform: Coursera",
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert "Language" in leaves and "Concepts" in leaves, leaves
    assert "Kiln firing basics" in leaves and "Platform" not in leaves, leaves


def test_a_plan_pasted_from_word_keeps_its_levels_by_glyph_bullet_then_letter_o():
    text = "\n".join(
        [
            "Programme de poterie",
            "1. Les bases",
            "•\tL'argile",
            "o\tTypes d'argile",
            "o\tPréparer la terre",
            "•\tLe tour",
            "o\tCentrer",
            "2. Les formes",
            "•\tCylindres",
            "•\tBols",
        ]
    )
    roadmap = parse_roadmap(text)
    tree = [
        (
            phase.title,
            [(topic.title, [leaf.title for leaf in topic.leaves()]) for topic in phase.children],
        )
        for phase in roadmap.nodes
    ]
    assert tree == [
        (
            "1. Les bases",
            [("L'argile", ["Types d'argile", "Préparer la terre"]), ("Le tour", ["Centrer"])],
        ),
        ("2. Les formes", [("Cylindres", ["Cylindres"]), ("Bols", ["Bols"])]),
    ], tree


def test_a_bold_line_set_off_alone_in_a_quote_is_a_remark_not_a_step():
    text = "\n".join(
        [
            "# Pottery club",
            "## How we meet",
            "- Thursdays at the studio",
            "",
            "> **_Bring your own apron, please :)_**",
            "",
            "## Weeks",
            "- Wedging",
            "- Centring",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert not any("apron" in title for title in titles), titles
    # "How we meet" is how the club runs: the roadmap's text, the remark with it
    notes = [roadmap.notes, *(node.notes for node in roadmap.walk())]
    assert "Bring your own apron" in " ".join(notes)


def test_marks_after_entries_read_a_lock_as_not_yet_and_two_marks_run_together_as_under_way():
    text = "\n".join(
        [
            "# Estudos de cerâmica",
            "## Roadmap",
            "- Amassar a argila ✅",
            "- Centrar no torno ✅",
            "- Puxar paredes ✅⏳",
            "- Esmaltar ⏳",
            "- Queima raku 🔒",
        ]
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Amassar a argila", "done"),
        ("Centrar no torno", "done"),
        ("Puxar paredes", "doing"),
        ("Esmaltar", "doing"),
        ("Queima raku", "todo"),
    ], leaves


def test_a_logs_progress_label_over_a_list_gives_the_days_steps_and_its_links_are_not_steps():
    text = "\n".join(
        [
            "# 100 Days Of Pottery - Log",
            "",
            "### Day 2: March 3, 2026",
            "**Today's Progress**:",
            "1. [Studio] Trimmed four bowls",
            "2. [Glaze] Mixed a celadon",
            "",
            "**Thoughts**",
            "- [Studio] The clay was too wet.",
            "",
            "**Link(s) to work**",
            "1. [Photos](https://example.org/photos)",
            "",
            "### Day 1: March 2, 2026",
            "##### (delete me or comment me out)",
            "**Today's Progress**:",
            "1. [Studio] Wedged 2 kg",
        ]
    )
    roadmap = parse_roadmap(text)
    days = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert days == [
        ("Day 2: March 3, 2026", ["[Studio] Trimmed four bowls", "[Glaze] Mixed a celadon"]),
        ("Day 1: March 2, 2026", ["[Studio] Wedged 2 kg"]),
    ], days


def test_a_parts_first_lessons_above_its_sub_parts_stay_lessons_when_they_read_like_the_rest():
    text = "\n".join(
        [
            "# Khóa học gốm",
            "## Module 6: Bàn xoay",
            "- Giới thiệu tổng quan về bàn xoay. Tầm quan trọng của bàn xoay",
            "- Phương pháp học làm gốm trên bàn xoay hiệu quả",
            "### Kiến thức cơ bản",
            "- Nhồi đất sét",
            "- Định tâm khối đất",
            "- Kéo thành bình",
            "### Trang trí",
            "- Vẽ men lam",
            "- Khắc hoa văn",
            "- Tráng men trong",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves[:2] == [
        "Giới thiệu tổng quan về bàn xoay. Tầm quan trọng của bàn xoay",
        "Phương pháp học làm gốm trên bàn xoay hiệu quả",
    ], leaves
    assert len(leaves) == 8, leaves


def test_a_part_written_as_lines_of_what_to_do_under_its_heading_stays_a_part_of_the_plan():
    text = "\n".join(
        [
            "### Ruta de cerámica",
            "",
            "#### Fundamentos:",
            "- Curso de amasado",
            "- Curso de centrado",
            "",
            "#### Esmaltes:",
            "",
            "Aprender a mezclar esmaltes transparentes y opacos.",
            "Comprender cómo cambia el color en el horno.",
            "",
            "#### Historia:",
            "",
            "La cerámica es una de las artes más antiguas del mundo.",
            "Los primeros cuencos tienen miles de años.",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert "Esmaltes" in titles, titles
    assert "Historia" not in titles, titles


def test_lessons_numbered_in_bold_are_entries_alone_in_a_section_or_wrapped_over_lines():
    text = "\n".join(
        [
            "# Гончарная дорога",
            "",
            "## Подготовка мастерской",
            "",
            "**0.** [Подготовка мастерской](lessons/0.md)",
            "",
            "## Основы",
            "",
            "**1.** [Глина и её виды](lessons/1.md)",
            "",
            "**2.** Центровка.",
            "    [Часть I](lessons/2a.md)",
            "    и [Часть II](lessons/2b.md).",
            "",
            "**3.** [Итоги раздела](lessons/3.md)",
        ]
    )
    roadmap = parse_roadmap(text)
    parts = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert [(title, len(leaves)) for title, leaves in parts] == [
        ("Подготовка мастерской", 1),
        ("Основы", 3),
    ], parts
    assert parts[1][1][1].startswith("2. Центровка.") and parts[1][1][2] == "3. Итоги раздела"


def test_a_numbered_task_box_is_a_step_even_where_lone_numbered_lines_head_groups():
    day = "\n".join(
        [
            "### Morning: Clay",
            "",
            "1. [x] Read the chapter on clay bodies.",
            "2. [ ] Throw three forms:",
            "    - [x] Cylinder",
            "    - [x] Bowl",
            "3. [x] Review the wedging notes.",
            "",
            "### Extras",
            "",
            "1. Additional forms",
            "    - [ ] Plate",
            "2. Glaze tests",
            "    - [x] Celadon",
        ]
    )
    text = "\n\n".join(["# Week 1", "## Day 1", day, "## Day 2", day])
    leaves = parse_roadmap(text).leaves()
    first = [(leaf.title, leaf.status.value) for leaf in leaves[:5]]
    assert first == [
        ("Read the chapter on clay bodies.", "done"),
        ("Cylinder", "done"),
        ("Bowl", "done"),
        ("Review the wedging notes.", "done"),
        ("Plate", "todo"),
    ], first


def test_a_part_named_for_progress_that_lists_the_days_is_the_plan_not_a_report():
    rows = "\n".join(f"| Day {n} | [第{n}课](./weeks/week{n}.md) |" for n in range(1, 10))
    text = "\n".join(
        [
            "# 365天学陶艺",
            "",
            "## 写在开始",
            "",
            "这是一份给我自己学习陶艺的记录清单，原型来源于一位朋友的学习计划",
            "",
            "作为一个设计师，我会在学习的过程中补充相关的材料知识",
            "",
            "## 学习进度",
            "",
            "| 日期 | 标题 |",
            "| --- | --- |",
            rows,
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert leaves == [f"第{n}课" for n in range(1, 10)], leaves
    report = parse_roadmap(
        "# Plan\n\n## Steps\n- Clay\n- Wheel\n\n## My progress\n- Done: 3 of 9 (33%)\n"
    )
    assert [leaf.title for leaf in report.leaves()] == ["Clay", "Wheel"]


def test_a_plain_text_syllabus_whose_parts_are_led_by_a_pointer_glyph_holds_its_numbered_classes():
    text = "\n".join(
        [
            "PROGRAMA DE CERÁMICA",
            "► Módulo 1: Arcilla. (3 clases)",
            "",
            "1. Tipos de arcilla.",
            "2. Amasado.",
            "3. Secado.",
            "",
            "► Módulo 2: Torno. (2 clases)",
            "4. Centrado.",
            "5. Levantado de paredes.",
        ]
    )
    roadmap = parse_roadmap(text)
    parts = [
        (len(node.leaves()), node.leaves()[0].title)
        for node in roadmap.walk()
        if "Módulo" in node.title
    ]
    assert parts == [(3, "1. Tipos de arcilla."), (2, "4. Centrado.")], [
        (n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes
    ]


def test_a_numbered_lesson_titled_as_a_question_stays_a_lesson_in_a_roadmap_of_headings():
    text = "\n".join(
        [
            "# Learning pottery",
            "## Getting started",
            "### 1.  Getting started with clay",
            "### 2.  Setting up a corner of the studio",
            "### 3.  What should your first pot be?",
            "### 4.  Wedging",
            "## Glazes",
            "### 1.  Glaze basics",
            "### 2.  Glaze mixing",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "3. What should your first pot be?" in titles, titles
    assert len(titles) == 6, titles


def test_a_week_named_by_its_place_that_repeats_the_week_before_is_practice_not_a_copy():
    week = "\n".join(
        [
            "- 作业",
            "  - 观看课程视频",
            "  - 整理思维导图",
            "- [课堂测验](quiz.md)",
        ]
    )
    text = "\n\n".join(["# 陶艺课", "### 第六周", week, "---", "### 第七周", week])
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["第六周", "第七周"], [
        node.title for node in roadmap.nodes
    ]


def test_a_link_that_only_says_answer_after_a_step_is_that_steps_resource():
    text = "\n".join(
        [
            "# Módulo de cerâmica",
            "### Bloco 03: Argila",
            "**📌 Exercícios 3.1 - Amassar:**",
            "",
            "- Amassando seu primeiro bloco!",
            "- [Resposta.](https://example.org/bloco3/3.1)",
            "",
            "**📌 Exercícios 3.2 - Centrar**",
            "",
            "- Centrando no torno!",
            "- [Resposta.](https://example.org/bloco3/3.2)",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "Amassando seu primeiro bloco!",
        "Centrando no torno!",
    ]
    assert [r.url for r in leaves[0].resources] == ["https://example.org/bloco3/3.1"]


def test_bullets_above_a_parts_tasks_describe_the_part_and_the_tasks_are_its_steps():
    step = "\n".join(
        [
            "- Skim through the [glaze book](https://example.org/glaze) to learn the basics.",
            "- Focus on:",
            "  - Oxides and fluxes.",
            "  - Firing ranges.",
            "",
            "#### **Tasks**",
            "1. **Mix a base glaze** (1 hour)",
            "2. **Test three oxides** (2 hours)",
        ]
    )
    text = "\n\n".join(
        ["# Glaze roadmap"] + [f"### **Step {n}: Glazes {n}**\n\n{step}" for n in (1, 2, 3)]
    )
    roadmap = parse_roadmap(text)
    steps = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert steps[0][1] == ["Mix a base glaze", "Test three oxides"], steps
    assert len(roadmap.leaves()) == 6, steps
    assert "Skim through" in roadmap.nodes[0].notes


def test_a_trackers_reports_on_the_learner_are_not_steps():
    text = "\n".join(
        [
            "# 📊 30-Day Pottery Tracker",
            "## 🎯 Weekly Progress",
            "### Week 1: Clay",
            "- [x] Wedging",
            "- [ ] Centring",
            "## 📈 Overall Statistics",
            "### Time Investment",
            "- **Total Hours:** 22 so far",
            "- **Pace:** steady",
            "## 🏆 Achievements Unlocked",
            "- 🥇 First Pot - finished a cylinder",
            "- 🔥 Streak - five days in a row",
            "## 💪 Strengths & Areas for Growth",
            "- Good hand position",
            "- Trimming needs work",
            "## 📊 Comparison to Plan",
            "### On Track ✅",
            "- Week 1 content done",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centring"], leaves


def test_a_list_of_problems_to_solve_after_the_numbered_weeks_is_practice_in_the_plan():
    text = "\n".join(
        [
            "# Twelve weeks of kiln practice",
            "### Week 1-2: Basics",
            "- Load a kiln",
            "### Week 3-4: Cones",
            "- Read witness cones",
            "### Week 5-6: Glazes",
            "- Fire a glaze test",
            "## A list of Problems to Solve",
            "### Cracks",
            "- **S-cracks in a bowl base** (Easy)",
            "- **Dunting after firing** (Medium)",
            "## Further reading",
            "Some thoughts on kiln logs.",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "S-cracks in a bowl base (Easy)" in leaves and len(leaves) == 5, leaves


def test_two_tiers_named_alike_are_parts_side_by_side_and_a_bold_name_keeps_its_colon():
    wiring = (
        "- [ ] 🎯 **Kiln wiring: relays versus contactors, thermocouple_types, per-zone "
        "control, safety** — [kiln/wiring](../../notes/kiln/wiring.md) part 2"
    )
    text = "\n".join(
        [
            "# Kiln technician prep",
            "## 🏃 Tier SPRINT",
            "### Week 1 — Wiring",
            wiring,
            "- [ ] Read the controller manual",
            "### Week 2 — Firing",
            "- [ ] 🎯 **Firing schedules**",
            "- [ ] Log three firings",
            "### Week 3 — Repair",
            "- [ ] 🎯 **Element replacement**",
            "- [ ] Replace a thermocouple",
            "## 📚 Tier BASICS",
            "**Clay**",
            "- [ ] Clay bodies",
            "- [ ] Shrinkage",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert any(t.startswith("Kiln wiring: relays versus contactors") for t in titles), titles
    tiers = "\n".join(
        [
            "# Kế hoạch ôn gốm",
            "## 🏃 Tầng SPRINT (≈3 tuần — chỉ mục 🎯)",
            "### Tuần 1 — Đất sét",
            "- [ ] 🎯 **Nhào đất**",
            "- [ ] Phơi đất",
            "### Tuần 2 — Bàn xoay",
            "- [ ] 🎯 **Định tâm**",
            "- [ ] Kéo thành",
            "### Tuần 3 — Men",
            "- [ ] 🎯 **Pha men**",
            "- [ ] Nhúng men",
            "## 📚 Tầng NỀN TẢNG (dài hơi)",
            "**Lò nung**",
            "- [ ] Nhiệt độ",
            "- [ ] Côn nhiệt",
        ]
    )
    parts = [node.title for node in parse_roadmap(tiers).nodes]
    assert len(parts) == 2 and all(p.startswith("Tầng") for p in parts), parts


def test_a_chinese_weekly_plans_suggested_tasks_are_steps_and_its_goals_sources_and_tools_are_not():
    text = "\n".join(
        [
            "# 陶艺学习计划（4 周）",
            "## 总体目标",
            "- 巩固拉坯能力",
            "- 能独立完成一套茶具",
            "## 第 1 周：拉坯基础",
            "### 每日任务建议",
            "- 揉泥练习",
            "- 定中心",
            "- 拉筒",
            "### 推荐数据源",
            "- [陶艺论坛](https://example.org/forum)",
            "### 推荐工具",
            "- 拉坯机",
            "## 第 2 周：修坯",
            "### 每日任务建议",
            "- 修碗底",
            "- 修杯把",
            "# 附录：工具与环境推荐",
            "- 电窑",
            "- 釉料",
        ]
    )
    roadmap = parse_roadmap(text)
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert leaves == ["揉泥练习", "定中心", "拉筒", "修碗底", "修杯把"], leaves


def test_a_section_named_for_the_weeks_totals_reports_its_hours_and_holds_no_steps():
    text = "\n".join(
        [
            "# Pottery week 1",
            "## Monday",
            "- **07:30–10:00 (2.5h)** → Wedging",
            "- **18:00–20:00 (2h)** → Centring",
            "## Tuesday",
            "- **07:30–10:00 (2.5h)** → Pulling walls",
            "# ✅ Week 1 Totals",
            "- **Wheel** → 25 hrs (goal met 🎯)",
            "- **Glazing** → 17.5 hrs (goal met 🎯)",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert len(titles) == 3 and not any("hrs" in t for t in titles), titles


def test_a_numbered_part_named_for_tools_and_tips_is_a_part_of_the_plan_not_advice():
    text = "\n".join(
        [
            "# 第一篇：拉坯",
            "## 第一章：揉泥",
            "- 羊头揉",
            "# 第二篇：修坯",
            "## 第二章：修底",
            "- 修圈足",
            "# 第三篇：施釉",
            "## 第三章：浸釉",
            "- 浸釉练习",
            "# 第四篇：工具与技巧 - 打造高效工作室",
            "## 第四章：工具",
            "- 选择拉坯机",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "选择拉坯机" in leaves, leaves


def test_the_fields_closing_a_days_ticks_are_about_them_not_steps_still_to_do():
    text = (
        "# Pottery log\n\n"
        "## Day 2 - Bowls\n\n- ✅ Wedged three balls\n- ✅ Threw two bowls\n- ✅ Trimmed one foot\n"
        "- Photos: https://example.org/day2\n- Lessons:\n  - Keep the rim wet\n  - Slow wheel\n\n"
        "## Day 3 - Mugs\n\n- ✅ Pulled four handles\n- ✅ Joined two handles\n- ✅ Glazed a mug\n"
        "- ✅ Fired the kiln\n- Photos: https://example.org/day3\n- 💡 Learned: score first\n"
    )
    roadmap = parse_roadmap(text)
    done = [leaf.title for leaf in roadmap.leaves() if leaf.status == "done"]
    todo = [leaf.title for leaf in roadmap.leaves() if leaf.status != "done"]
    assert len(done) == 7, done
    # a photo link, a lessons list and icon-led fields say how the day went: nothing left to do
    assert todo == [], todo


def test_the_templates_example_days_after_a_log_are_not_more_days_of_the_log():
    day = "**Today's progress**: {0}\n\n**Thoughts**: slow but steady.\n"
    text = "\n\n".join(
        [
            "# 100 Days of Pottery - Log",
            "### Day 0: March 1, 2024",
            day.format("wedged clay"),
            "### Day 1: March 2, 2024",
            day.format("threw a cylinder"),
            "### Day 2: March 3, 2024",
            day.format("trimmed a bowl"),
            "# Template examples:",
            "### Day 0: February 30, 2016 (Example)",
            day.format("fixed the kiln"),
            "### Day 1: June 27, Monday",
            "**Today's progress**: two challenges",
            "1. [Centre a ball](https://example.org/c1)\n2. [Pull a wall](https://example.org/c2)",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 3, titles
    assert not any("2016" in title or "June" in title for title in titles), titles


def test_a_bare_chinese_topic_that_lists_its_parts_in_an_aside_is_a_topic():
    text = "\n\n".join(
        [
            "## 第一阶段 – 陶艺基础（1至2个月）",
            "认识陶土",
            "揉泥简介（羊头揉 / ram head，菊花揉，螺旋揉，真空练泥）",
            "拉坯基础入门与练习（定中心，开孔，拉高，收口，切底）",
            "修坯",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 4, titles
    assert any(title.startswith("揉泥") for title in titles), titles


def test_a_coding_logs_days_are_its_steps_and_their_thoughts_and_links_are_notes():
    day = (
        "### Day {0} - March {0}, 2024:\n\n**Today's Progress**:\nThrew {0} cylinders.\n\n"
        "**Thoughts:**\n\n- Centre before opening\n- Slow the wheel at the rim\n\n"
        "**Link(s) to work:**\n\n- [Photos](https://example.org/day{0})\n"
    )
    text = "# 100 Days of Pottery - Log\n\n" + "\n".join(day.format(n) for n in range(1, 5))
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [f"Day {n} - March {n}, 2024" for n in range(1, 5)]
    # what the learner thought and linked stays with the day it was written for
    assert "Centre before opening" in leaves[0].notes
    assert [r.url for r in leaves[1].resources] == ["https://example.org/day2"]


def test_a_coding_log_whose_days_list_their_work_keeps_those_lists_as_steps():
    day = (
        "### Day {0}: March {0}, 2024\n\n**Today's Progress**:\n\n"
        "1. Wedged clay\n2. Threw a bowl\n\n**Thoughts**:\n\n- The rim cracked\n"
    )
    text = "# Pottery log\n\n" + "\n".join(day.format(n) for n in range(1, 4))
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedged clay", "Threw a bowl"] * 3, titles


def test_a_coding_log_folded_into_details_keeps_only_its_work_as_steps():
    # each day a <details> fold, its form's fields written as headings inside it
    day = (
        "<details>\n  <summary>Day {0}: March {0}, 2024</summary>\n\n"
        "  ### Today's Progress:\n  * Threw {0} cylinders\n  * Trimmed a bowl\n\n"
        "  ### Link to work:\n  * None\n\n"
        "  ### New thing(s) learned:\n  1. A slower wheel keeps the rim even.\n\n"
        "  ### Time spent working\n  * 2.5 hrs\n</details>\n"
    )
    text = "# Pottery log\n\n" + "\n".join(day.format(n) for n in range(1, 4))
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == [t for n in range(1, 4) for t in (f"Threw {n} cylinders", "Trimmed a bowl")]
    # what was learned and how long it took stays with its day, as its note
    day_one = roadmap.nodes[0]
    assert day_one.title == "Day 1: March 1, 2024"
    assert "A slower wheel keeps the rim even." in day_one.notes
    assert "2.5 hrs" in day_one.notes


def test_a_blank_copy_of_a_logs_form_is_no_day_of_it():
    form = (
        "## Day{0}: {1}\n### Today's Progress:\n-{2}\n### Thoughts:\n-\n### Link(s) to Work:\n-\n\n"
    )
    text = (
        "# Pottery log\n\n"
        + form.format("", "//", "")
        + "".join(form.format(n, f"3/{n}/26", f" Threw {n} cylinders") for n in (3, 2, 1))
    )
    titles = [node.title for node in parse_roadmap(text).nodes]
    assert titles == ["Day3: 3/3/26", "Day2: 3/2/26", "Day1: 3/1/26"], titles


def test_a_progress_legend_for_a_status_column_is_text_not_three_steps():
    text = (
        "# Pottery path\n\n## 🚀 Progress Legend\n\n- ✅ Completed\n- ⏳ In Progress\n"
        "- 🔲 Not Started\n\n## Basics\n\n| Course | Status |\n|---|---|\n"
        "| Wedging | ✅ |\n| Centring | ⏳ |\n| Trimming | 🔲 |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centring", "Trimming"]
    assert [leaf.status.value for leaf in roadmap.leaves()] == ["done", "doing", "todo"]


def test_a_numbered_label_described_by_field_bullets_is_a_step_not_a_label_over_text():
    text = (
        "### Phase 1: Hand building (2-4 weeks)\n\n"
        "* **1.1 Pinch pots:**\n"
        "    * **Topics:** Opening, thinning, rims.\n"
        "    * **Why:** Every later form starts here.\n"
        "* **1.2 Coil building:**\n"
        "    * **Topics:** Rolling even coils, joining them.\n"
        "    * **Why:** Walls of any height.\n"
        "* **1.3 Slab work:**\n"
        "    * **Topics:** Rolling slabs, scoring and slipping.\n"
        "    * **Why:** Flat, sharp-edged forms.\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "1.1 Pinch pots",
        "1.2 Coil building",
        "1.3 Slab work",
    ]
    assert "Rolling even coils" in leaves[1].notes


def test_a_numbered_step_keeps_its_name_when_one_field_is_left_beside_its_notes():
    entry = "* **1.{0} {1}:**\n    * **Topics:** {2}.\n    * **Why:** {3}.\n"
    text = "### Phase 1: Glazes\n\n" + "".join(
        [
            entry.format(1, "Glaze chemistry", "Fluxes, silica, alumina", "Fewer crazed pots"),
            entry.format(2, "Mixing", "Sieving, specific gravity", "Even coats"),
            "* **1.3 Firing:**\n    * **Topics:** Cones, ramps.\n"
            "    * **Kilns:** electric, gas.\n    * **Why:** Colours depend on it.\n",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["1.1 Glaze chemistry", "1.2 Mixing", "1.3 Firing"]
    assert "electric, gas" in leaves[2].notes


def test_classes_named_by_their_number_that_link_to_their_pages_are_lessons():
    text = (
        "# Summary\n\n**Weeks 1-2**: Hand building\n\n"
        "* [Class 01](week_1-2/class-01)\n* [Class 02](week_1-2/class-02)\n"
        "* [Class 03](week_1-2/class-03)\n\n**Weeks 3-4**: The wheel\n\n"
        "* [Class 04](week_3-4/class-04)\n* [Class 05](week_3-4/class-05)\n"
        "* [Class 06](week_3-4/class-06)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [f"Class 0{n}" for n in range(1, 7)], titles


def test_a_greeting_heading_over_the_whole_page_is_not_the_roadmaps_name():
    text = (
        "## Hello...\n\nThe pottery curriculum checklist\n\n"
        "- [x] Hand building\n  - [x] Pinch pots\n  - [ ] Coils\n- [ ] Wheel throwing\n"
    )
    roadmap = parse_roadmap(text, source="pottery-checklist/README.md")
    assert roadmap.title != "Hello..."
    assert [leaf.title for leaf in roadmap.leaves()] == ["Pinch pots", "Coils", "Wheel throwing"]


def test_a_stack_section_of_problems_is_a_topic_not_a_list_of_tools():
    table = "| # | Title | Solution |\n|---|---|---|\n"
    text = (
        "# Interview tracker\n\n## Queue\n\n"
        + table
        + "| 1 | [Moving Average](https://example.org/q1) | [Py](q1.py) |\n\n## Stack\n\n"
        + table
        + "| 2 | [Valid Parentheses](https://example.org/s1) | [Py](s1.py) |\n"
        + "| 3 | [Min Stack](https://example.org/s2) | [Py](s2.py) |\n"
    )
    roadmap = parse_roadmap(text)
    assert [(n.title, len(n.leaves())) for n in roadmap.nodes] == [("Queue", 1), ("Stack", 2)]


def test_a_topic_over_the_trackers_column_names_and_no_row_is_left_blank_not_a_step():
    header = "| # | Title | Solution |\n|---|---|---|\n"
    text = (
        "# Interview tracker\n\n## Array\n\n"
        + header
        + "| 1 | [Two Sum](https://example.org/a1) | [Py](a1.py) |\n\n## Geometry\n\n"
        + header
        + "\n## Graph\n\n"
        + header
        + "| 2 | [Clone Graph](https://example.org/g1) | |\n\n"
        "## Tools\n\n| Jenkins | GitHub Actions |\n| :---: | :---: |\n"
    )
    roadmap = parse_roadmap(text)
    assert [n.title for n in roadmap.nodes] == ["Array", "Graph", "Tools"]


def test_a_quick_navigation_list_is_housekeeping_but_a_timed_plan_under_it_is_the_plan():
    text = (
        "# Grupo de estudos de cerâmica\n\n## Navegação rápida\n\n"
        "- [Índice geral](src/_indice.md)\n- [Como contribuir](src/como_contribuir.md)\n\n"
        "## Tópicos\n\n### Fundamentos\n\n- [Amassar o barro](amassar/README.md)\n"
        "- [Centralizar](centralizar/README.md)\n\n"
        "### Torno\n\n- [Levantar paredes](paredes/README.md)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Amassar o barro", "Centralizar", "Levantar paredes"], titles
    timed = (
        "# Cerâmica\n\n## Navegação Rápida\n\n| Fase | Duração | Descrição |\n|---|---|---|\n"
        "| Fase 1 | 2 meses | Modelagem manual |\n| Fase 2 | 2 meses | Torno |\n"
        "| Fase 3 | 2 meses | Esmaltes |\n"
    )
    assert len(parse_roadmap(timed).leaves()) == 3


def test_a_daily_schedule_table_beside_a_checklist_is_the_days_routine_not_the_plan():
    text = (
        "# Summer plan\n\n## The checklist\n\n### Pottery\n\n- [ ] Throw ten cylinders\n"
        "- [ ] Trim five bowls\n- [ ] Glaze a set\n\n### Drawing\n\n- [ ] Fill one sketchbook\n"
        "- [ ] Draw hands for a week\n\n## Daily schedule — summer template\n\n"
        "| Block | Length | What |\n|---|---|---|\n"
        "| Morning wheel | 90 min | Hardest form first |\n"
        "| Drawing | 30 min | Hands and feet |\n| Evening review | 10 min | Tick this list |\n\n"
        "- **One priority per day**, named the night before.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 5, titles


def test_a_label_that_comes_back_in_every_week_keeps_its_line_even_where_it_reads_as_prose():
    text = (
        "# Pottery course\n\n### Week 1: Clay\n"
        "- **Preparation**: read chapter 1 of the handbook, watch the videos\n"
        "- **Class**: wedging, centring, first pots\n\n### Week 2: Walls\n"
        "- **Preparation**: Chapter 2\n- **Class**: Pulling walls\n\n### Week 3: Trimming\n"
        "- **Preparation**: Chapter 3\n- **Class**: Trimming and feet\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0].startswith("Preparation: read chapter 1"), titles
    assert titles[1].startswith("Class: wedging"), titles


def test_a_pages_last_update_and_current_stage_lines_are_no_steps():
    text = (
        "# 陶艺学习清单\n\n## Day 1\n\n- ✅ 揉泥\n- ✅ 定中心\n\n"
        "## Day 2\n\n- 拉坯\n- 修坯\n\n---\n\n"
        "*最后更新: 2025-09-13*\n*当前阶段: Day 2 (拉坯) - 进行中*\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["揉泥", "定中心", "拉坯", "修坯"], titles


def test_suggested_courses_named_with_the_adjective_after_the_noun_are_resources():
    text = (
        "# Plan semanal\n\n## Lunes – Torno\n\n"
        "- [ ] Centrar cuatro bolas\n- [ ] Abrir dos cuencos\n\n"
        "## Martes – Esmaltes\n\n- [ ] Tamizar un esmalte\n- [ ] Probar tres capas\n\n"
        "# 📌 Cursos sugeridos\n\n- **Torno desde cero – Ana Ruiz**\n- **Esmaltes – Luis Pérez**\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 4, titles


def test_a_fenced_form_with_blanks_to_fill_in_is_a_template_not_more_steps():
    text = (
        "# Kiln course\n\n## Week 1\n- [ ] Load the kiln\n- [ ] Read the cones\n\n"
        "## Week 2\n- [ ] Fire a bisque\n\n"
        "Copy this each week:\n\n```\nWeek #: ___\n\n[ ] Read the chapter\n"
        "[ ] Fired a test tile (cone: ___)\n[ ] Logged the firing\n```\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Load the kiln",
        "Read the cones",
        "Fire a bisque",
    ]


def test_a_planning_template_section_is_text_but_a_topic_named_templates_is_study():
    text = (
        "# Web course\n\n## Week 1\n- [ ] HTML forms\n\n## Week 2\n### Django templates\n"
        "- [ ] Template inheritance\n- [ ] Filters\n\n"
        "## Daily Study Routine Template\n1. **Read (30 min)**\n   - Skim the chapter\n"
        "2. **Build (45 min)**\n   - Code it from scratch\n\n"
        "## 学习笔记模板\n- 今天学了什么\n- 遇到的问题\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "HTML forms",
        "Template inheritance",
        "Filters",
    ]
    assert "Skim the chapter" in roadmap.notes and "遇到的问题" in roadmap.notes


def test_the_first_of_a_numbered_series_of_h1_parts_is_a_part_not_the_title():
    text = (
        "# 第一篇：陶土\n\n## 第一章：揉泥\n- 菊花揉\n- 羊头揉\n\n## 第二章：拉坯\n- 定中心\n\n"
        "# 第二篇：上釉\n\n## 第三章：釉料\n- 调釉\n\n# 第三篇：烧成\n\n## 第四章：窑\n- 装窑\n"
    )
    roadmap = parse_roadmap(text, source="pottery-course/README.md")
    assert roadmap.title == "Pottery Course"
    assert roadmap.nodes[0].title.startswith("第一篇")


def test_attribute_lists_of_pandoc_kramdown_and_mkdocs_are_not_title_text():
    text = (
        "# Kiln course {#kiln}\n\n## Week 1 {#week-1 .unnumbered}\n- Load the kiln {: .note }\n"
        "- { .lg .middle } Read the cones\n- Sets like {a, b} stay\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Kiln course"
    assert [node.title for node in roadmap.nodes] == ["Week 1"]
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Load the kiln",
        "Read the cones",
        "Sets like {a, b} stay",
    ]


def test_a_tick_typed_with_a_stray_space_in_its_box_is_a_tick():
    text = (
        "Kiln Plan\n\nPhase 1: Clay\n\n[x ] Wedge the clay\n\n[ x] Centre a ball\n\n"
        "[ ] Pull a wall\n\nPhase 2: Fire\n\n[ ] Load the kiln\n\n[ ] Read the cones\n"
    )
    roadmap = parse_roadmap(text)
    assert [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()] == [
        ("Wedge the clay", "done"),
        ("Centre a ball", "done"),
        ("Pull a wall", "todo"),
        ("Load the kiln", "todo"),
        ("Read the cones", "todo"),
    ]
    listed = parse_roadmap("# Kiln\n\n## Clay\n- [x ] Wedge\n- [ X] Centre\n- [ ] Pull\n")
    assert [leaf.status.value for leaf in listed.leaves()] == ["done", "done", "todo"]


def test_the_first_line_of_a_plain_text_roadmap_names_it():
    numbered = (
        "🏺 Pottery Study Roadmap\n\n1. 🧱 Clay (Basics)\n🪨 Wedging\n💧 Slip\n🔥 Drying\n\n"
        "2. 🌀 Wheel (Throwing)\n🎯 Centering\n🥣 Bowls\n🏺 Vases\n\n"
        "3. 🔥 Kiln (Firing)\n🧪 Glazes\n🌡 Cones\n"
    )
    roadmap = parse_roadmap(numbered, source="notes/pottery.md")
    assert roadmap.title == "Pottery Study Roadmap"
    assert [phase for phase, _ in _tree(roadmap)] == [
        "1. Clay (Basics)",
        "2. Wheel (Throwing)",
        "3. Kiln (Firing)",
    ]
    long_name = (
        "🟫 Pottery & Glazing Roadmap — a complete outline of every topic, nothing skipped\n\n"
        "⸻\n\n"
        "⭐ 1. Clay — the material\n\n1.1 What clay is\n•\tEarthenware\n•\tStoneware\n\n"
        "1.2 Preparing clay\n•\tWedging\n•\tRecycling\n\n"
        "⭐ 2. Wheel — throwing\n\n2.1 Centering\n•\tCone up\n•\tCone down\n"
    )
    named = parse_roadmap(long_name, source="notes/pottery.md")
    assert named.title.startswith("Pottery & Glazing Roadmap — a complete outline")
    # a first line that is a sentence names nothing: the title comes from the file's place
    sentence = long_name.replace("nothing skipped", "nothing skipped.")
    assert parse_roadmap(sentence, source="notes/pottery.md").title == "Pottery"


def test_a_heading_after_parts_typed_as_plain_lines_is_no_group_of_the_last_part():
    text = (
        "Pottery Plan\n\nPhase 1: Clay\n\n[x] Wedge the clay\n\n[ ] Centre a ball\n\n"
        "Phase 2: Wheel\n\n[ ] Pull a wall\n\n[ ] Trim a foot\n\n---\n"
        "### Wins\n- [x] Sold my first mug!\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Phase 1: Clay", ["Wedge the clay", "Centre a ball"]),
        ("Phase 2: Wheel", ["Pull a wall", "Trim a foot"]),
        ("Wins", ["Sold my first mug!"]),
    ]
    # under a heading, a plain line naming a part is still that heading's group
    headed = "# Pottery\n\n## Term 1\n\nPhase 1: Clay\n\n- Wedge\n- Centre\n\n### Glazes\n- Dip\n"
    assert [node.title for node in parse_roadmap(headed).nodes[0].children] == ["Phase 1: Clay"]


def test_a_bold_caption_line_holds_no_heading_written_after_it():
    text = (
        "# Pottery Roadmap\n\n**A personal plan to learn the wheel**  \nSix projects, in order.\n\n"
        "## Projects\n\n### 1. A mug\nThrow and trim a mug.\n\n### 2. A bowl\nA wide bowl.\n\n"
        "### 3. A vase\nA tall vase.\n\n## Tools\n- Wheel\n- Kiln\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()][:3] == ["1. A mug", "2. A bowl", "3. A vase"]
    assert all("personal plan" not in node.title for node in roadmap.walk())
    # a bold line naming a place in the plan still holds the weeks written under it
    ranged = (
        "# Plan\n\n## Phase 1: Clay\n**Weeks 1-2**\n\n### Week 1\n- Wedge\n\n### Week 2\n- Centre\n"
        "\n## Phase 2: Fire\n**Weeks 3-4**\n\n### Week 3\n- Load\n\n### Week 4\n- Fire\n"
    )
    phases = parse_roadmap(ranged).nodes
    assert [leaf.title for leaf in phases[0].leaves()] == ["Wedge", "Centre"]
    assert all(not leaf.title.startswith("Weeks") for phase in phases for leaf in phase.leaves())


def test_ticks_on_the_first_parts_only_say_how_far_the_learner_has_got():
    text = (
        "# My Pottery Journey\n\n## Phase 1: Clay\n\n* ✅ Wedging and centring\n"
        "* ✅ Pinch pots, coil pots\n\n## Phase 2: Wheel\n\n* Pulling walls\n* Trimming\n\n"
        "## Phase 3: Kiln\n\n* Bisque firing\n* Glaze firing\n"
    )
    roadmap = parse_roadmap(text)
    assert [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()] == [
        ("Wedging and centring", "done"),
        ("Pinch pots, coil pots", "done"),
        ("Pulling walls", "todo"),
        ("Trimming", "todo"),
        ("Bisque firing", "todo"),
        ("Glaze firing", "todo"),
    ]
    # a ✅ before the entries of every part is how the answer looks, not progress
    every = text.replace("* Pulling", "* ✅ Pulling").replace("* Trimming", "* ✅ Trimming")
    every = every.replace("* Bisque", "* ✅ Bisque").replace("* Glaze", "* ✅ Glaze")
    assert {leaf.status.value for leaf in parse_roadmap(every).leaves()} == {"todo"}


def test_links_to_program_files_are_programs_to_write_not_pages_to_read():
    text = (
        "# Kiln Controller Course\n\n## Module 1: Sensors\n\n"
        "- Demo\n  - [Read a thermocouple](https://github.com/me/kiln/blob/main/m1/thermo.py)\n"
        "  - [Average readings](https://github.com/me/kiln/blob/main/m1/average.py)\n"
        "- Thermocouple types\n  - [Thermocouple guide](https://example.org/thermocouples)\n"
        "  - [Cone chart](https://example.org/cones)\n\n"
        "### Workouts\n\n#### Quick Links\n\n* [Ramp schedule](./m1/ramp.c)\n"
        "* [Hold timer](./m1/hold.c)\n* [Cool down](./m1/cool.c)\n* [Sample log](./m1/log.txt)\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Read a thermocouple",
        "Average readings",
        "Thermocouple types",
        "Ramp schedule",
        "Hold timer",
        "Cool down",
        "Sample log",
    ]
    # links to pages to read stay the step's resources
    types = next(node for node in roadmap.walk() if node.title == "Thermocouple types")
    assert [resource.url for resource in types.resources] == [
        "https://example.org/thermocouples",
        "https://example.org/cones",
    ]


def test_the_fuller_heading_names_a_page_and_the_first_of_two_stacked_names_is_the_title():
    jekyll = (
        "---\nlayout: default\ntitle: Cerâmica\nnav_order: 4\n---\n\n"
        "# Roteiro de Estudos: Cerâmica - Do Básico ao Torno\n\n## Fase 1: Argila\n"
        "- [ ] Amassar\n- [ ] Centrar\n\n## Fase 2: Forno\n- [ ] Queimar\n"
    )
    assert parse_roadmap(jekyll).title == "Roteiro de Estudos: Cerâmica - Do Básico ao Torno"
    stacked = (
        "# My Kiln Master Plan 🎯\n\n# 9/28〜10/26 週末スケジュール（窯焚き＋釉薬）\n\n"
        "## 凡例\n\n- **Clay**：粘土\n- **Kiln**：窯\n\n---\n\n"
        "## 9 月\n### 9/27(土)\n\n- [ ] 午前：Clay\n- [ ] 午後：Kiln\n\n"
        "### 9/28(日)\n\n- [ ] 午前：Kiln\n- [ ] 午後：Clay\n\n---\n\n"
        "## 10 月\n\n### 10/4(土)\n\n- [ ] 午前：Clay\n- [ ] 午後：Kiln\n"
    )
    assert parse_roadmap(stacked).title == "My Kiln Master Plan"


def test_a_practice_routine_beside_the_plan_is_its_text_not_more_steps():
    for routine in ("Practice Routine", "Rutina de práctica", "練習のルーティン"):
        text = (
            "# Wheel Throwing Plan\n\n## Course Plan\n\n| Level | Topic | Weeks |\n|---|---|---|\n"
            "| 1 | Centering | 1-2 |\n| 2 | Cylinders | 3-4 |\n| 3 | Bowls | 5-6 |\n\n"
            f"## {routine}\n\n- **Daily (15 min)**: wedge and centre one ball\n"
            "- **Weekly (30 min)**: throw five cylinders and cut one in half\n"
        )
        roadmap = parse_roadmap(text)
        assert [leaf.title for leaf in roadmap.leaves()] == ["Centering", "Cylinders", "Bowls"]
        assert "wedge and centre one ball" in roadmap.notes


def test_a_closing_table_that_restates_the_parts_tracks_them_and_adds_no_steps():
    text = (
        "# 陶艺学习路线\n\n### 模块1：揉泥与定中心\n- [ ] 菊花揉\n- [ ] 定中心\n\n"
        "### 模块2：拉坯成型\n- [ ] 拉筒\n- [ ] 修坯\n\n"
        "### 模块3：釉料与烧成\n- [ ] 调釉\n- [ ] 装窑\n\n"
        "## 完成追踪\n\n| 模块 | 名称 | 状态 |\n|---|---|---|\n| 1 | 揉泥与定中心 | ✅ |\n"
        "| 2 | 拉坯 | ✅ |\n| 3 | 釉料与烧成 | ⏳ |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "菊花揉",
        "定中心",
        "拉筒",
        "修坯",
        "调釉",
        "装窑",
    ]
    # a table of steps of its own, whose names are no parts above, stays
    own = text.replace("| 1 | 揉泥与定中心 | ✅ |", "| 1 | 烧一只碗 | ✅ |")
    own = own.replace("| 2 | 拉坯 | ✅ |", "| 2 | 办个展 | ✅ |")
    assert len(parse_roadmap(own).leaves()) == 9


def test_a_schedule_table_whose_weeks_are_laid_out_below_in_html_is_an_overview():
    text = (
        "# 도예 스터디\n\n<h3>계획</h3>\n\n| 주차 | 내용 |\n|---|---|\n1주차 | 꼬박밀기\n"
        "2주차 | 중간고사 기간\n3주차 | 물레 성형, 중심잡기\n4주차 | 유약(Glaze Basics)\n\n"
        "<pre>\n<h2> 주차별 세부계획 </h2>\n<h3> 1주차 꼬박밀기 </h3>\n"
        "-국화 꼬박밀기\n-양머리 꼬박밀기\n\n"
        "<h3> 3주차 물레 성형 </h3>\n- 중심잡기\n- 구멍 내기\n\n"
        "<h3> 4주차 유약(Glaze Basics) </h3>\n- 담금 시유\n</pre>\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["국화 꼬박밀기", "양머리 꼬박밀기", "중심잡기", "구멍 내기", "담금 시유"]


def test_a_suggested_weekly_routine_and_a_general_strategy_are_the_plans_text():
    text = (
        "# Cronograma de cerâmica\n\n## Estratégia geral\n- ~3 meses de prática\n"
        "- Foco em **torno** + **esmaltes**\n\n## Mês 1 — Argila\n| Semana | Foco principal |\n"
        "|---|---|\n| 1 | Amassar e centrar |\n| 2 | Cilindros |\n\n## Mês 2 — Forno\n"
        "| Semana | Foco principal |\n|---|---|\n| 3 | Biscoito |\n| 4 | Esmalte |\n\n"
        "## Rotina semanal sugerida\n- **Seg-Sex:** 1h de torno por dia\n"
        "- **Sábado:** Queima de teste\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Amassar e centrar",
        "Cilindros",
        "Biscoito",
        "Esmalte",
    ]


def test_a_heading_that_links_to_the_course_it_names_is_a_step_even_over_prose():
    text = (
        "# Pottery path\n\n## Throwing\n- [Centering guide](https://example.org/centre)\n"
        "- [Pulling walls](https://example.org/walls)\n\n"
        "## [The Glaze Course](https://example.org/glaze-course)\n"
        "A class on mixing, testing and firing glazes.\n\n"
        "## Project layout\nThe notes live in one folder per piece.\n\n"
        "## Firing\n- [Cone chart](https://example.org/cones)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "The Glaze Course" in titles
    assert "Project layout" not in titles


def test_a_lesson_written_as_folded_blocks_with_recurring_summaries_is_one_step():
    def lesson(number: int, name: str) -> str:
        return (
            f"## {number}. {name}\n\n<details>\n<summary><b>Chapitre</b></summary>\n"
            "<blockquote>\nCéramique\n</blockquote>\n</details>\n\n"
            "<details>\n<summary><b>Énoncé</b></summary>\n\n"
            f"- Ce que dit {name}\n- Et pourquoi\n\n</details>\n\n"
        )

    names = ["1. Loi du retrait", "2. Point de fusion", "3. Cône de Seger"]
    text = "# 20/09/2026\n\n" + "".join(lesson(i, n) for i, n in enumerate(names, 1))
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == names


def test_a_closing_references_heading_and_a_timestamp_line_do_not_name_an_obsidian_note():
    text = (
        "---\ndate modified: Sunday, 23rd/March/2025\n---\n2025-03-21 12:08\n\n"
        "Status: In Progress\n\n**Clay**\n\n• Wedging\n• Centring\n\n**Kiln**\n\n"
        "• Bisque firing\n• Glaze firing\n\n# References\n(source material)\n"
    )
    roadmap = parse_roadmap(text, source="vault/Pottery Plan.md")
    assert roadmap.title == "Pottery Plan"


def test_an_address_typed_after_a_step_is_its_resource_not_part_of_its_name():
    text = (
        "# Pottery course\n\n## Block 1\n\n"
        "- Wedging https://example.org/wedging\n"
        "- Centering (see https://example.org/centre).\n"
        "- Throwing\n  - https://example.org/throw/1\n  - https://example.org/throw/2\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Block 1", ["Wedging", "Centering (see https://example.org/centre).", "Throwing"])
    ]
    wedging, centering, throwing = roadmap.leaves()
    assert [r.url for r in wedging.resources] == ["https://example.org/wedging"]
    # the closing ")." is the sentence's: the address ends before it
    assert [r.url for r in centering.resources] == ["https://example.org/centre"]
    # a list of addresses only under a step is its reading list, not more steps
    assert [r.url for r in throwing.resources] == [
        "https://example.org/throw/1",
        "https://example.org/throw/2",
    ]


def test_a_plain_text_outlines_bullet_lines_are_lines_of_it_without_their_mark():
    text = (
        "BLOCK 1 - CLAY BASICS\n"
        "1) Wedging https://example.org/wedging\n"
        "2) Centering\n"
        "   * https://example.org/centre/a\n"
        "   * https://example.org/centre/b\n"
        "3) Throwing\n\n"
        "BLOCK 2 - GLAZES\n"
        "1) Mixing a glaze\n"
        "2) Dipping\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("BLOCK 1 - CLAY BASICS", ["1) Wedging", "2) Centering", "3) Throwing"]),
        ("BLOCK 2 - GLAZES", ["1) Mixing a glaze", "2) Dipping"]),
    ]
    centering = roadmap.leaves()[1]
    assert [r.url for r in centering.resources] == [
        "https://example.org/centre/a",
        "https://example.org/centre/b",
    ]


def test_a_day_table_without_outer_pipes_under_a_link_line_is_the_schedule():
    text = (
        "# Glaze Exam Study Schedule\n\n"
        "Based on the Glaze Chemistry course https://example.org/glaze-course/.\n\n\n"
        "Day | Chapters | Time |\n-|:-|-:|\n"
        "1 | **1.1** to **1.7** | 20min\n2 | **2.8** to **2.28** | 2hrs\n"
        "3 | mock exam | 2hrs\n\n---\n\n"
        "# Curriculum:\n### 40% - Oxides\n- [ ] Fluxes\n- [ ] Stabilizers\n"
        "### 60% - Firing\n- [ ] Cone charts\n- [ ] Cooling schedules\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Glaze Exam Study Schedule"
    titles = [leaf.title for leaf in roadmap.leaves()]
    # the rows are the days; "1.1 to 1.7" is a range of chapters, not "1.1" numbering "to 1.7"
    assert titles[:3] == ["1.1 to 1.7", "2.8 to 2.28", "mock exam"], titles
    # the line naming the course introduces the table; it is no step of its own
    assert not any("Based on" in title or "|" in title for title in titles), titles
    assert titles[3:] == ["Fluxes", "Stabilizers", "Cone charts", "Cooling schedules"]


def test_an_entry_struck_through_with_a_note_that_it_was_put_off_is_skipped_not_done():
    text = (
        "# Kiln study\n\n## May\n\n"
        "- ~~[Reduction firing course](https://example.org/reduction)~~\n"
        "  - 延期: the glaze course covers it\n"
        "- ~~Oxidation basics~~\n"
        "- Cone charts\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {
        "Reduction firing course": "skipped",
        "Oxidation basics": "done",  # struck with no word why: crossed off, done
        "Cone charts": "todo",
    }


def test_a_modules_outcome_and_completion_criteria_are_its_text_in_russian_too():
    text = (
        "# Гончарное дело\n\n## Модуль 1. Глина\n\n### Теория\n\n- виды глины\n- усадка\n\n"
        "### Практика\n\n- замесить глину\n- вылепить чашку\n\n"
        "### Что должно получиться\n\n- понимать, как сохнет глина\n\n"
        "### Критерии завершения\n\n- чашка не треснула при сушке\n- стенки ровные\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["виды глины", "усадка", "замесить глину", "вылепить чашку"], titles


def test_a_log_day_written_as_a_paragraph_is_a_day_of_the_log_like_its_listed_neighbours():
    text = (
        "# Pottery log\n\nMy log of a hundred days at the wheel.\n\n"
        "### R1D1\n* wedged clay\n* check out https://example.org/wheel-basics\n\n"
        "### R1D2\nThrew three cylinders and collapsed two of them.\n\n"
        "### R1D3\n* trimmed the survivors\n\n"
        "### Thoughts\nSlow but steady.\n"
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    # the day told in a paragraph stays a day; a heading outside the series is still text
    assert "R1D2" in titles and "Thoughts" not in titles, titles
    # "check out" alone names nothing: the address it points to stays in the title
    assert "check out https://example.org/wheel-basics" in titles, titles


def test_box_lines_with_a_trackers_own_marks_and_hard_breaks_are_each_a_box():
    text = (
        "## Kiln certificates\n\n### Firing\n\n"
        "[✔] Kiln safety basics\\\n[✍] Cone 6 firing \\\n[⌛] Wood firing\n\n"
        "### Glazes\n\n[✔] Glaze chemistry\\\n[⌛] Ash glazes\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {
        "Kiln safety basics": "done",
        "Cone 6 firing": "doing",  # the writing hand: being worked on
        "Wood firing": "doing",
        "Glaze chemistry": "done",
        "Ash glazes": "doing",
    }, statuses


def test_numbered_lines_over_day_headings_are_the_modules_that_hold_the_days():
    text = (
        "1) MODULE CLAY (Days 1–2)\n\n## Day 1\n\n- Wedging\n\n## Day 2\n\n- Centering\n\n"
        "2) MODULE GLAZE (Days 3–4)\n\n## Day 3\n\n- Dipping\n\n## Day 4\n\n- Firing\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [c.title for c in n.children]) for n in roadmap.nodes]
    assert tree == [
        ("1. MODULE CLAY", ["Day 1", "Day 2"]),
        ("2. MODULE GLAZE", ["Day 3", "Day 4"]),
    ], tree


def test_a_link_numbered_one_under_each_day_heads_nothing():
    text = (
        "# Log\n\n### Day 2\n- Worked on routes\n\n**Link to work**\n1. [Repo](https://example.org/r)\n\n"
        "### Day 1\n- Set up the repo\n\n**Link to work**\n1. [Repo](https://example.org/r)\n\n"
        "### Day 0\n- Planned\n"
    )
    roadmap = parse_roadmap(text)
    assert [n.title for n in roadmap.nodes] == ["Day 2", "Day 1", "Day 0"]


def test_course_goals_in_polish_ukrainian_and_italian_are_the_plans_text():
    for heading in ("Cele kursu", "Цілі курсу", "Obiettivi del corso", "Kursziele"):
        text = (
            f"# Glina\n\n## {heading}\n- Poznać rodzaje gliny\n- Ulepić kubek\n\n"
            "## Harmonogram\n\n### Blok 1\n- Ugniatanie\n- Centrowanie\n\n"
            "### Blok 2\n- Szkliwienie\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Ugniatanie", "Centrowanie", "Szkliwienie"], (heading, titles)


def test_facts_about_how_a_course_runs_are_its_text_and_day_numbers_written_first_are_slots():
    text = (
        "# Kiln course\n\n**Format 1**\n\n- **5 Gün**\n- **Ders Süresi:** 50 dakika\n"
        "- **Eğitim Saati:** 10:00 - 17:00\n\n**Format 2**\n\n- **12 Gün**\n"
        "- **Ders Süresi:** 50 dakika\n\n### İçerik\n\n#### 1. Gün: Fırına Giriş\n\n"
        "- Fırın türleri\n- Güvenlik\n\n#### 2. Gün: Sırlar\n\n- Sır hazırlama\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert not any("Ders Süresi" in title or title == "Gün" for title in titles), titles
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Fırın türleri",
        "Güvenlik",
        "Sır hazırlama",
    ]
    days = [node for node in roadmap.walk() if node.children and node.title.startswith("Gün")]
    # "1. Gün" is the Turkish for "day 1": a slot of the plan, not a number before "Gün"
    assert [(d.title, d.duration) for d in days] == [
        ("Gün 1: Fırına Giriş", "Gün 1"),
        ("Gün 2: Sırlar", "Gün 2"),
    ], days


def test_a_day_stamped_completed_is_done_and_its_objectives_restate_its_tasks():
    text = (
        "# Wheel bootcamp\n\n### DAY 1: Setup\n\n> Completed 05-17-25\n\n"
        "**Objectives:**\n\n* Know the studio\n* Learn the wheel's controls\n\n"
        "**Tasks:**\n\n1. **Clean the wheel**\n2. **Tour the studio**\n\n"
        "### DAY 2: Centering\n\n> Target Date 05-18-25\n\n"
        "**Objectives:**\n\n* Understand centering\n* Feel an even wall\n\n"
        "**Tasks:**\n\n1. **Wedge clay**\n2. **Center a ball**\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {
        "Clean the wheel": "done",
        "Tour the studio": "done",
        "Wedge clay": "todo",  # a target date is a plan, not a stamp
        "Center a ball": "todo",
    }, statuses


def test_a_video_list_beside_the_link_list_that_is_the_plan_is_more_of_the_plan():
    text = (
        "Learn pottery\n=============\n\nLearning path\n-------------\n"
        "- [Clay basics](https://example.org/clay)\n- [Wedging](https://example.org/wedge)\n"
        "- [Centering](https://example.org/center)\n\nVideo resources\n---------------\n"
        "- [Throwing a bowl](https://example.org/v/bowl)\n"
        "- [Trimming a foot](https://example.org/v/trim)\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert tree == [
        ("Learning path", ["Clay basics", "Wedging", "Centering"]),
        ("Video resources", ["Throwing a bowl", "Trimming a foot"]),
    ], tree
    # beside a part of plain steps, a list of video links is still that plan's reading
    steps = text.replace("- [Clay basics](https://example.org/clay)", "- Clay basics")
    steps = steps.replace("- [Wedging](https://example.org/wedge)", "- Wedging")
    steps = steps.replace("- [Centering](https://example.org/center)", "- Centering")
    titles = [leaf.title for leaf in parse_roadmap(steps).leaves()]
    assert titles == ["Clay basics", "Wedging", "Centering"], titles


def test_an_indented_bold_line_after_glyph_bullets_opens_the_next_group():
    text = (
        "# Kiln exam guide\n\n## Section 1: Firing\n\n**1.1 Loading. Topics:**\n"
        "      ●  Shelves\n      ●  Posts\n\n"
        "   **1.2 Cooling. Topics:**\n      ●  Slow cooling\n      ●  Crash cooling\n"
    )
    roadmap = parse_roadmap(text)
    groups = [(n.title, [c.title for c in n.children]) for n in roadmap.nodes[0].children]
    assert [len(children) for _, children in groups] == [2, 2], groups
    assert groups[1][1] == ["Slow cooling", "Crash cooling"], groups


def test_suggested_resources_in_arabic_are_resources_with_or_without_links():
    text = (
        "# مسارات الخزف\n\n## 1. مسار الدولاب\n\n**المرحلة 1: الأساسيات**\n"
        "- **العجن:** تحضير الطين.\n- **التمركز:** على الدولاب.\n"
        "- **المصادر المقترحة:** [Clay School](https://example.org/clay)، [Wheel Club](https://example.org/wheel).\n\n"
        "**المرحلة 2: الزجاج**\n- **الطلاء:** خلط الزجاج.\n"
        "- **المصادر المقترحة:** كتاب الزجاج، دورات على الإنترنت.\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    # no suggestion is a step (the second stage's one topic is named with its stage)
    assert titles[:2] == ["العجن", "التمركز"] and titles[2].endswith("الطلاء"), titles
    assert len(titles) == 3, titles
    urls = [r.url for node in roadmap.walk() for r in node.resources if r.url]
    assert urls == ["https://example.org/clay", "https://example.org/wheel"], urls


def test_a_heading_written_as_a_bullet_holds_the_numbered_list_after_it():
    text = (
        "# Pottery basics\n\n## Guide\n\n- ####  Clay\n\n1. Kinds of clay\n\n2. Wedging\n\n\n"
        "- ####  Wheel\n\n1. Centering\n2. Opening\n3. Pulling walls\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert tree == [
        ("Clay", ["Kinds of clay", "Wedging"]),
        ("Wheel", ["Centering", "Opening", "Pulling walls"]),
    ], tree


def test_a_starting_date_over_a_day_log_is_a_field_not_a_step():
    text = (
        "# 100 Days of Clay\n\n> 📅 Starting Date: August 7, 2025  \n"
        "> 🧠 Goal: throw a set of six mugs.\n\n## Daily Log\n\n| Day | Topic |\n|---|---|\n"
        "| Day 1 | Wedging |\n| Day 2 | Centering |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centering"], titles


def test_a_weeks_gate_after_its_table_is_a_field_about_the_week_not_a_part():
    text = (
        "# Kiln course\n\n## Week 1\n\n| Day | Work |\n|---|---|\n| Mon | Load a kiln |\n"
        "| Tue | Fire to cone 04 |\n\n**Week 1 gate:** You can load a kiln safely and\n"
        "read a cone pack.\n\n## Week 2\n\n| Day | Work |\n|---|---|\n| Mon | Glaze a tile |\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert tree == [
        ("Week 1", ["Load a kiln", "Fire to cone 04"]),
        ("Week 2", ["Glaze a tile"]),
    ], tree


def test_a_folder_before_a_colon_says_where_the_work_is_not_its_name():
    text = (
        "# Studio path\n\n## Session 1\n- [ ] `notes/00_clay.html` durchgehen\n"
        "- [ ] `code/00-glazes/`: zwei Rezepte und eine Testreihe für ein eigenes "
        "Szenario schreiben\n"
        "- [ ] HTML/CSS: die Galerie der Arbeiten als einfache Seite mit Bildern und Texten bauen\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[1].startswith("code/00-glazes/: zwei Rezepte"), titles
    # a name with a slash in it is no folder: the label still names the step
    assert titles[2] == "HTML/CSS", titles


def test_japanese_caveats_purpose_and_study_memo_sections_are_the_plans_text():
    text = (
        "# 陶芸学習\n\n## 注意事項\n\n- 途中で教材を変えました\n\n## 学習の目的\n\n"
        "- 基礎を習得する\n- 毎日続ける\n\n## カリキュラム\n\n### 基本編\n\n- 土練り\n- 成形\n\n"
        "### 応用編\n\n- 釉薬\n\n## 学習メモ\n\n- 学んだこと\n- つまずいたポイント\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["土練り", "成形", "釉薬"], titles


def test_a_section_named_the_plan_with_two_numbered_weeks_starts_the_plan():
    # "## 2주 공부 계획" (two-week study plan) › "### 1주차", "### 2주차": what comes before
    # it (the exam room, the set-up) is reading, not steps
    text = (
        "# 도예 기능사 실기 공부계획\n\n## 시험 환경\n\n### 화면 구성\n\n- 작업대\n- 물레\n\n"
        "### 제약사항\n\n- 시간 제한 3시간\n- 지정 점토만 사용\n\n"
        "## 작업 환경 구성\n\n### 권장: 공방 대여\n\n- 주말 이용 가능\n\n"
        "## 2주 공부 계획\n\n### 1주차 — 물레 기초\n\n- [x] 중심 잡기\n- [x] 원통 뽑기\n\n"
        "### 2주차 — 시험 과제\n\n- [ ] 사발 성형\n- [ ] 굽 깎기\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "중심 잡기",
        "원통 뽑기",
        "사발 성형",
        "굽 깎기",
    ]
    assert "주말 이용 가능" in roadmap.notes


def test_a_part_with_one_lesson_indented_like_the_others_keeps_it():
    # every part's numbered lessons indented by a tab (code to Markdown); one part has one
    text = (
        "# Pottery course\n\n### Hand building\n\t1. Pinch pots\n\t2. Coils\n\t\n"
        "### Throwing\n\t1. Centring\n\t2. Opening\n\t\n"
        "### Raku\n\t1. Bonus: a raku firing\n\t\n"
        "### Glazing\n\t1. Dipping\n\t2. Brushing\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == [
        "Hand building",
        "Throwing",
        "Raku",
        "Glazing",
    ]
    assert "Bonus: a raku firing" in [leaf.title for leaf in roadmap.leaves()]


def test_numbered_lesson_files_with_what_each_teaches_are_the_lessons_not_code_examples():
    # "each file is one chapter": `01-…` names a lesson, the words after the colon describe it
    text = (
        "# Pottery course\n\n### 1. Hand building\n"
        "- `01-pinch.md`: Start here. Pinching a cup.\n- `02-coils.md`: Rolling even coils.\n"
        "- `03-slabs.md`: Cutting and joining slabs.\n\n"
        "### 2. Glazes\n- `01-dipping.md`: Dipping a bisque pot.\n"
        "- `02-brushing.md`: Brushing layers.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 5, titles
    assert titles[0].startswith("01-pinch.md") and titles[4].startswith("02-brushing.md"), titles


def test_a_backslash_that_breaks_a_boxed_line_is_not_part_of_its_title():
    # pandoc writes a hard break as "\" at the end of the line
    text = "# Pottery\n\n## Checklist\n\n-   [ ] Week 1 --- Centring\\\n-   [ ] Week 2 --- Walls\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Week 1 --- Centring", "Week 2 --- Walls"], titles


def test_lines_of_a_plan_indented_into_code_are_its_list_but_commands_stay_code():
    # copied from a rendered page: the bullets gone, the lines indented as the page showed them
    text = (
        "# 30 Days of Clay\n\n## Setting up\n\n    git clone https://example.org/clay.git\n"
        "    cd clay\n    make kiln\n\n## The plan\n\n"
        "    Days 1-5: Wedging — ram's head and spiral wedging.\n"
        "    Days 6-10: Centring and opening.\n"
        "    Days 11-15: Pulling walls and shaping.\n"
        "    Days 16-20: Trimming and glazing.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert len(titles) == 4, titles
    assert titles[1].startswith("Days 6-10") or "Centring and opening" in titles[1], titles
    assert not any("git clone" in title or "make kiln" in title for title in titles), titles


def test_resources_named_recommended_after_the_noun_are_reading_not_steps():
    # "学习资源推荐" (learning resources, recommended), "おすすめ教材": the noun comes first
    for heading in ("学习资源推荐", "教程推荐", "おすすめ教材", "추천 도서"):
        text = (
            "# 陶艺计划\n\n## 基础\n\n- 揉泥\n- 定中心\n\n"
            f"## {heading}\n\n- [陶艺入门](https://example.org/a)\n- [拉坯教程](https://example.org/b)\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["揉泥", "定中心"], (heading, titles)


def test_a_title_boxed_in_comment_rules_names_the_roadmap_and_lone_rules_part_nothing():
    text = (
        "# ------------------------------------------ #\n#    POTTERY:\n"
        "#    PROGRAMME DE PREMIERE ANNEE\n#\n# ------------------------------------------ #\n\n"
        "## PROGRAMME\n\n####I - MAINS\n##### . Pincer\n##### . Colombins\n\n"
        "## ---------------------- ##\n####II - TOUR\n##### . Centrer\n##### . Monter\n"
    )
    roadmap = parse_roadmap(text)
    assert "PROGRAMME DE PREMIERE ANNEE" in roadmap.title
    titles = [node.title for node in roadmap.walk()]
    assert not any(set(title) <= set("-# ") for title in titles), titles
    assert len(roadmap.leaves()) == 4


def test_ascii_arrows_and_a_lone_dot_typed_as_bullets_are_not_part_of_the_title():
    text = (
        "# Clay\n\n## Hand building\n\n### -> ->  Pinching <-<-\n\n#### . Cups\n#### . Bowls\n\n"
        "### => Coiling\n\n#### >> Pots\n#### ... and more later\n"
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert "Pinching" in titles and "Cups" in titles and "Coiling" in titles, titles
    assert "Pots" in titles and "... and more later" in titles, titles
    # comparison operators are what a step is about, not arrows around it
    operators = parse_roadmap("# JS\n\n## Operators\n\n- [ ] > < >= <=\n- [ ] a <= b\n").leaves()
    assert [leaf.title for leaf in operators] == ["> < >= <=", "a <= b"]


def test_a_sentence_leading_into_an_indented_checklist_is_text_not_its_part():
    text = (
        "---\ntitle: Pottery for beginners\n---\n\n"
        "What follows is only a placeholder overview, with each status:\n\n"
        "- [ ] Wedging\n- [x] Centring\n    - [x] Coning\n    - [ ] Opening\n"
        "- [ ] Glazing\n    - [x] Dipping\n        - [x] Test tiles\n        - [ ] Layering\n"
        "- [x] Trimming\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert not any(title.startswith("What follows") for title in titles), titles
    assert len(roadmap.leaves()) == 6


def test_free_resources_named_after_the_noun_are_reading_not_steps():
    for label in (
        "Recursos gratuitos recomendados",
        "Cursos gratuitos sugeridos",
        "Ressources gratuites",
        "Kostenlose Ressourcen",
    ):
        text = (
            "# Cerâmica\n\n## 1. Fundamentos\n\n- Amassar o barro\n- Centralizar\n\n"
            f"**{label}:**\n\n- [Curso de torno](https://example.org/a)\n"
            "- [Esmaltes - guia](https://example.org/b)\n\n"
            "## 2. Torno\n\n- Abrir\n- Puxar paredes\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Amassar o barro", "Centralizar", "Abrir", "Puxar paredes"], (
            label,
            titles,
        )


def test_points_to_remember_are_advice_not_steps():
    text = (
        "# Pottery\n\n## Hand building\n\n- Pinch a cup\n- Coil a pot\n\n"
        "## Additional Points to Remember\n\n- Practise every day to keep your hands sure.\n"
        "- Join a studio to learn from others.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Pinch a cup", "Coil a pot"]
    assert "Join a studio" in roadmap.notes


def test_an_aside_after_a_sections_name_does_not_hide_what_the_section_is():
    text = (
        "# Clay in 30 days\n\n## RULES (READ ONCE)\n\n* One pot a day, even a bad one\n"
        "* Revisit cracked pots on Sundays\n\n"
        "## FAQ (read first)\n\n- Which clay? Any stoneware.\n\n"
        "## Week 1\n\n- Pinch a cup\n- Coil a pot\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Pinch a cup", "Coil a pot"]


def test_a_numbered_entry_run_into_its_text_goes_on_with_the_list_before_it():
    text = (
        "# Clay\n\nPhase 1: Hand building (Days 1–10)\n>1. Pinching\n>2. Coiling\n>3.Slabs\n\n"
        "Phase 2: The wheel (Days 11–20)\n>1. Centring\n>2.Opening\n>3.Pulling walls\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Pinching", "Coiling", "Slabs", "Centring", "Opening", "Pulling walls"], (
        titles
    )


def test_a_heading_that_is_a_file_name_does_not_name_the_roadmap():
    text = (
        "# ROADMAP.md\n\n# Roadmap — Pottery (Hand building + Wheel)\n\n"
        "## Phase 1\n\n- [ ] Pinch a cup\n"
    )
    assert parse_roadmap(text).title == "Roadmap — Pottery (Hand building + Wheel)"


def test_additional_notes_in_other_languages_are_advice_not_steps():
    for heading in ("🏁 Notas adicionales", "Notes supplémentaires", "Weitere Hinweise"):
        text = (
            "# Cerámica\n\n## Torno\n\n- Centrar\n- Abrir\n\n"
            f"## {heading}\n\n- Este plan te permite avanzar paso a paso.\n- ¡Ánimo!\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Centrar", "Abrir"], (heading, titles)


def test_a_setup_checklist_before_a_numbered_plan_is_steps_to_tick():
    text = (
        "# Clay course\n\n## Why this course\n\n- Hand building is calm\n- The wheel is fun\n\n"
        "## ✅ Tools & Setup Checklist\n- Buy 10 kg of stoneware\n- Install a wedging table\n\n"
        "## Week 1: Pinching\n- Pinch a cup\n\n## Week 2: Coiling\n- Coil a pot\n\n"
        "## Week 3: Slabs\n- Build a box\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:2] == ["Buy 10 kg of stoneware", "Install a wedging table"], titles
    assert "Hand building is calm" not in titles


def test_a_comment_rule_inside_a_fenced_script_stays_code():
    from roadvault.parse.rules import recording

    text = (
        "# Kiln scripts\n\n## Firing\n\n- Load the kiln\n- Fire to cone 6\n\n"
        "```bash\n# ------------------------ #\n# fire.sh: ramp the kiln\n"
        "# ------------------------ #\nramp 100\n```\n"
    )
    with recording() as decisions:
        roadmap = parse_roadmap(text)
    assert roadmap.title == "Kiln scripts"
    assert [d.line for d in decisions if d.rule == "rule-banner"] == []


def test_a_title_that_is_only_a_dot_keeps_it_and_its_duration():
    # the outline form writes it "- [ ] . (3 weeks)": no bullet typed as a dot, a title
    roadmap = parse_roadmap("# 0\n\n- [ ] Pinch\n- [ ] . (3 weeks)\n- [ ] Coil\n")
    leaves = [(leaf.title, leaf.duration) for leaf in roadmap.leaves()]
    assert (".", "3 weeks") in leaves, leaves


def test_a_pasted_plan_under_a_repository_title_reads_each_day_however_long():
    text = (
        "# pottery-plan\n"
        "Daily pottery practice (3×20 min)\n\n"
        "Plan for 3 weeks\nWeek 1 – Hand building\n\n"
        "Day 1: What clay is, how to wedge it and how to keep it wet between the sessions.\n\n"
        "Day 2: Pinch pots.\n\n"
        "Day 3: Coil pots.\n\n"
        "Week 2 – Wheel\n\n"
        "Day 4: Centering.\n\n"
        "Day 5: Final piece: a set of four cups with handles, trimmed and signed underneath.\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "pottery-plan"
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert len(leaves) == 5 and leaves[0].startswith("Day 1: What clay is"), leaves
    assert leaves[-1].startswith("Day 5: Final piece"), leaves


def test_a_notes_file_title_does_not_make_its_modules_advice():
    # "# notas" (Portuguese: notes) names the file; its levels are the course's modules
    text = (
        "# notas\n\n"
        "## Nível 1 - Argila\n\nNeste módulo você aprende o que é argila e como prepará-la.\n\n"
        "## Nível 2 - Torno\n\nNeste módulo você aprende a centrar e a levantar paredes.\n\n"
        "## Nível 3 - Esmalte\n\nNeste módulo você mistura esmaltes e testa em placas.\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "notas"
    leaves = [leaf.title for leaf in roadmap.leaves()]
    assert leaves == ["Nível 1 - Argila", "Nível 2 - Torno", "Nível 3 - Esmalte"], leaves


def test_ornament_led_lines_in_a_plain_numbered_outline_are_its_groups():
    text = (
        "1. Hand building\n✦ Clay\nWedging\nStoring wet clay\n✦ Forms\nPinch pots\nCoil pots\n"
        "Slab boxes\n2. Wheel\n✦ Basics\nCentering\nOpening\n✦ Trimming\nFoot rings\nLids\n"
    )
    roadmap = parse_roadmap(text)
    tree = {
        phase.title: {group.title: [c.title for c in group.children] for group in phase.children}
        for phase in roadmap.nodes
    }
    assert tree == {
        "1. Hand building": {
            "Clay": ["Wedging", "Storing wet clay"],
            "Forms": ["Pinch pots", "Coil pots", "Slab boxes"],
        },
        "2. Wheel": {"Basics": ["Centering", "Opening"], "Trimming": ["Foot rings", "Lids"]},
    }, tree


def test_sessions_counted_in_korean_or_chinese_keep_what_each_covers():
    text = (
        "# 도예 스터디\n\n### 회차별 내용\n"
        "- **1회차:** 챕터 1 - 흙 고르기\n- **2회차:** 챕터 2 - 꼬박밀기\n"
        "- **3회차:** 챕터 3 - 물레\n\n"
        "### 课程\n- **第1讲：** 揉泥与保存\n- **第2讲：** 拉坯入门\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0].startswith("1회차") and titles[0].endswith("흙 고르기"), titles
    assert titles[-1].startswith("第2讲") and titles[-1].endswith("拉坯入门"), titles


def test_goals_and_method_under_a_second_level_title_are_the_roadmaps_text():
    text = (
        "## 도예 스터디 커리큘럼\n\n### **학습 방식:**\n- 회차별로 교재를 읽고 물레로 실습\n\n"
        "### **학습 목표:**\n1. 흙의 성질을 이해하고 기본 기법을 익힌다\n"
        "2. 혼자서 그릇을 완성한다\n\n"
        "### 회차별 학습 내용:\n- **1회차:** 흙 고르기\n- **2회차:** 꼬박밀기\n- **3회차:** 물레\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "1회차: 흙 고르기",
        "2회차: 꼬박밀기",
        "3회차: 물레",
    ], [leaf.title for leaf in roadmap.leaves()]
    assert "그릇을 완성한다" in roadmap.notes and "물레로 실습" in roadmap.notes


def test_sections_numbered_in_chinese_are_known_by_their_names():
    text = (
        "# 陶艺入门计划\n\n## 一、总体原则\n"
        "1. **先练揉泥**：每天十分钟。\n2. **多看少急**：慢慢来。\n\n"
        "## 二、分阶段计划\n\n### 阶段 1：手捏\n- 捏杯子\n- 泥条盘筑\n\n"
        "### 阶段 2：拉坯\n- 定中心\n- 开孔\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["捏杯子", "泥条盘筑", "定中心", "开孔"]
    assert "先练揉泥" in roadmap.notes


def test_aims_and_technologies_used_in_turkish_are_the_roadmaps_text():
    text = (
        "# 30 Günlük Seramik\n\n## 🎯 Amaçlar\n\n- Her gün çamurla çalışmak\n- Sabır kazanmak\n\n"
        "## Plan\n\n- Çamur yoğurma\n- Çark\n- Sırlama\n\n"
        "## 🛠️ Kullanılan Teknolojiler\n\n- **Elektrikli çark**\n- **Fırın**\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Çamur yoğurma", "Çark", "Sırlama"], leaves


def test_a_week_named_for_files_keeps_the_files_it_sets_to_read():
    text = (
        "# Kiln course\n\n### Week 1 — Clay\n\n"
        "1. [clay.md](clay.md)\n2. [wedging.md](wedging.md)\n\n"
        "### Week 2 — Glaze Files & Recipes\n\n"
        "1. [topics/glaze-basics.md](topics/glaze-basics.md)\n"
        "2. [topics/cone-six.md](topics/cone-six.md)\n"
    )
    tree = _tree(parse_roadmap(text))
    assert [len(leaves) for _, leaves in tree] == [2, 2], tree


def test_a_note_to_self_beside_the_plan_is_text():
    text = (
        "# Pottery log\n\n## What I finished\n\n- Wedging\n- Centering\n- Trimming\n\n"
        "## Note to self\n\n1. Clean the wheel before leaving.\n2. Cover the pots with plastic.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Wedging", "Centering", "Trimming"], leaves


def test_a_month_before_the_colon_says_when_and_the_step_is_what_follows():
    text = (
        "# Cerámica en un año\n\n## Cronograma\n\n"
        "1. **Enero**: Amasado - Prepararemos el barro para todo el mes.\n"
        "2. **Febrero**: Torno - Centraremos y levantaremos paredes.\n"
        "3. **Marzo**: Esmaltes - Probaremos tres esmaltes en placas.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert all(" - " in title for title in leaves) and "Torno" in leaves[1], leaves


def test_hours_per_week_after_the_plan_sum_it_up_and_are_no_steps():
    text = (
        "# Cerâmica em 2 semanas\n\n## SEMANA 1: Base\n\n- Amassar\n- Centralizar\n\n"
        "## SEMANA 2: Esmalte\n\n- Misturar\n- Queimar\n\n## ⏰ TEMPO TOTAL\n\n"
        "**Por semana:**\n- Semana 1: ~12h\n- Semana 2: ~9h (mais leve)\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Amassar", "Centralizar", "Misturar", "Queimar"], leaves


def test_days_timed_with_their_work_stay_steps():
    text = (
        "# Inglés\n\n## Mes 1\n\n#### Semana 1:\n"
        "* Día 1: 2 horas de videos de gramática básica.\n* Día 2: 2 horas de lectura sencilla.\n"
    )
    assert len(parse_roadmap(text).leaves()) == 2


def test_a_timetable_section_is_the_plan_and_the_guidance_around_it_is_text():
    text = (
        "# 烧窑日\n\n## 今天的时间表\n\n| 时间 | 事项 |\n|---|---|\n"
        "| 08:00 | 装窑 |\n| 09:00 | 升温 |\n| 12:00 | 午饭 |\n| 13:00 | 观察火色 |\n"
        "| 17:00 | 停火 |\n\n## 取舍顺序\n\n- 先砍观察火色。\n- 不能砍停火。\n\n"
        "## 记录存在哪里\n\n- 在本子上写下温度曲线。\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["装窑", "升温", "午饭", "观察火色", "停火"], leaves


def test_rules_of_the_plan_in_spanish_are_the_roadmaps_text():
    text = (
        "# Plan de cerámica — 3 días\n\n| Día | Foco |\n|---|---|\n| 1 | Amasado |\n"
        "| 2 | Torno |\n| 3 | Esmalte |\n\n## Reglas del plan\n"
        "- Cada sesión empieza limpiando la rueda.\n- Anotar al final del día qué quedó débil.\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Amasado", "Torno", "Esmalte"], leaves


def test_channels_to_watch_in_vietnamese_are_resources_not_steps():
    text = (
        "# Lộ trình học gốm\n\n### Đầu tiên là nhào đất\n\n#### Những kênh nên xem\n\n"
        "* Youtube: Kênh Gốm Việt\n\n* Sách: Gốm cho người mới\n\n"
        "#### Những thứ cần học\n\n* Nhào đất\n* Định tâm\n* Kéo thành\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Nhào đất", "Định tâm", "Kéo thành"], leaves


def test_a_bare_list_of_topics_with_a_few_remarks_is_a_list_and_an_arrow_done_ticks_one():
    lines = [
        "Wedging",
        "Centering on the wheel",
        "Opening and pulling walls -> done",
        "Trimming. V imp (the teacher checks this one every week)",
        "Handles",
        "Slips and engobes",
        "Bisque firing",
        "Glaze mixing",
        "Reduction firing, only at the community kiln (ask first)",
        "Raku",
    ]
    roadmap = parse_roadmap("\n".join(lines) + "\n")
    leaves = roadmap.leaves()
    assert len(leaves) == 10
    assert leaves[2].title == "Opening and pulling walls"
    assert [leaf.title for leaf in leaves if leaf.status.value == "done"] == [
        "Opening and pulling walls"
    ]


def test_a_first_heading_over_the_introduction_alone_names_the_document():
    text = (
        "# 30 Days of Pottery\n\n"
        "A month at the wheel: each day a new technique, practised until it sits.\n\n"
        "# Daily Log\n\n"
        "## Day 1\n\n- Wedging\n- Centering\n\n"
        "## Day 2\n\n- Opening\n- Pulling walls\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "30 Days of Pottery"
    assert [phase.title for phase in roadmap.nodes] == ["Day 1", "Day 2"]
    # a file name over the roadmap's own title heading stays a file name
    renamed = parse_roadmap(
        "# pottery-notes\n# A Month of Pottery\n\n" + text.split("# Daily Log\n\n")[1]
    )
    assert renamed.title == "A Month of Pottery"


def test_sub_lessons_linked_by_full_address_into_the_course_repository_are_steps():
    base = "https://github.com/potter/wheel-course/blob/main"
    text = (
        "# Wheel course\n\n## Part 6 (Glazes)\n\n"
        f"1. [Glaze basics]({base}/6/6.1%20Glaze%20basics.md)\n"
        f"\t1. [Dipping]({base}/6/6.1.1%20Dipping.md)\n"
        f"\t2. [Pouring]({base}/6/6.1.2%20Pouring.md)\n"
        f"2. [Test tiles]({base}/6/6.2%20Test%20tiles.md)\n\n"
        "## Part 7 (Firing)\n\n"
        "1. [Loading the kiln](https://example.org/kiln)\n"
        "\t- [Kiln shelf video](https://video.example.org/shelves)\n"
        "\t- [Cone chart](https://example.org/cones)\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Dipping",
        "Pouring",
        "Test tiles",
        "Loading the kiln",
    ]
    # pages elsewhere stay its reading list
    assert "Cone chart" in [resource.text for resource in roadmap.leaves()[-1].resources]


def test_pasted_day_lines_led_by_an_arrow_are_the_weeks_entries_however_long():
    text = (
        "Pottery Weekly Plan (3 days/week)\n"
        "Week 1: Clay\n\n"
        "Day 1 → Wedging by hand, ram's head and spiral, until the cut face shows no air.\n\n"
        "Day 2 → Centering on the wheel.\n\n"
        "Day 3 → Opening, pulling the walls up and compressing the floor of the cylinder.\n\n"
        "Week 2: Shapes\n\n"
        "Day 1 → Bowls.\n\n"
        "Day 2 → Trimming a foot ring on the bowls from last week once leather hard.\n\n"
        "Day 3 → Handles.\n"
    )
    assert [len(leaves) for _, leaves in _tree(parse_roadmap(text))] == [3, 3]


def test_a_filled_completion_date_in_a_day_log_marks_that_day_done():
    text = (
        "# Day 1: Wedging\n**Completion Date:** \n08.11.2020\n**Learned:** \nRam's head.\n"
        "# Day 2: Centering\n**Completion Date:** 09.11.2020\n\n**Learned:** Brace the elbow.\n\n"
        "# Day 3: Opening\n**Completion Date:** \n\n**Learned:** \n\n"
        "# Day 4: Pulling walls\n**Completion Date:**\n**Learned:**\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["done", "done", "todo", "todo"]


def test_a_schedule_naming_the_units_that_follow_inside_one_wrapper_is_an_overview():
    text = (
        "# A pottery school\n\n## The plan it wrote\n\n### Schedule\n"
        "1.Wedging (days 1-3)\n2.Throwing (days 4-9)\n3.Glazing (days 10-12)\n\n"
        "### Curriculum\n#### 1.Wedging\n- Ram's head\n- Spiral wedging\n"
        "#### 2.Throwing\n- Centering\n- Opening\n- Pulling walls\n"
        "#### 3.Glazing\n- Dipping\n- Pouring\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        "Ram's head",
        "Spiral wedging",
        "Centering",
        "Opening",
        "Pulling walls",
        "Dipping",
        "Pouring",
    ]


def test_a_contents_list_over_modules_with_asides_in_their_names_is_an_overview():
    text = (
        "# Гончарна справа\n\n## Зміст\n\n1. Глина\n2. Гончарне коло\n\n"
        "### 1. Глина (~ 5 домашніх завдань)\n\n1. **Замішування**\n2. **Сушіння**\n\n"
        "### 2. Гончарне коло (2 місяці)\n\n1. **Центрування**\n2. **Витягування стінок**\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Замішування", "Сушіння", "Центрування", "Витягування стінок"]


def test_a_tab_separated_log_with_empty_columns_to_fill_keeps_its_first_row():
    text = (
        "Pottery log\n\n"
        "Day\tDate\tTopic\tAna\tBen\tNotes\n"
        "1\tYYYY-MM-DD\tWedging\t\t\t\n"
        "2\tYYYY-MM-DD\tCentering\t\t\t\n"
        "3\tYYYY-MM-DD\tOpening\t\t\t\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Wedging",
        "Centering",
        "Opening",
    ]


def test_a_chat_answer_is_named_by_its_plan_and_a_day_table_under_a_tutorial_link_is_steps():
    text = (
        "Great, here is a plan for you:\n\n---\n\n"
        "## **Should You Follow a Roadmap Fully?**\n\nNo, not all of it.\n\n---\n\n"
        "## **Your 14-Day Pottery Plan (Free Studio Time)**\n\n"
        "### Week 1: *First Pots*\n\n"
        "**Tutorial to Follow**\n\n* [Wheel basics](https://video.example.org/wheel)\n\n"
        "| Day | Task |\n| --- | --- |\n| 1 | Wedge and center |\n| 2 | Open and pull |\n"
        "| 3 | Trim |\n\n"
        "### Week 2: *Glazes*\n\n- Mix a glaze\n- Dip the bisque\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Your 14-Day Pottery Plan (Free Studio Time)"
    assert [len(leaves) for _, leaves in _tree(roadmap)] == [3, 2]


def test_beside_a_mark_for_work_under_way_an_hourglass_waits_its_turn():
    text = "# Plan\n\n## Topics\n\n- ✅ Wedging\n- 🔄 Centering\n- ⏳ Trimming\n- ⏳ Glazing\n"
    states = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert states == [
        ("Wedging", "done"),
        ("Centering", "doing"),
        ("Trimming", "todo"),
        ("Glazing", "todo"),
    ]
    # alone, the hourglass is the work under way
    alone = parse_roadmap("# Plan\n\n## Topics\n\n- ✅ Wedging\n- ⏳ Centering\n- ⬜ Trimming\n")
    assert [leaf.status.value for leaf in alone.leaves()] == ["done", "doing", "todo"]


def test_a_label_saying_how_to_take_a_step_or_where_its_work_lives_stays_in_the_title():
    text = (
        "# Pottery log\n\n## Week 3\n\n"
        "- Trimming: cut a foot ring into the leather-hard bowls, then sign and date them.\n"
        "- Optional: repeat the trimming a week later on a bowl of your own design.\n"
        "- `glaze_log.csv` : kept a log of every glaze test and its firing.\n"
        "- Glaze.js: a small library that computes a glaze's oxides from its recipe, unit by "
        "unit.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0] == "Trimming"
    assert titles[1].startswith("Optional: repeat the trimming")
    assert "kept a log of every glaze test" in titles[2]
    assert titles[3] == "Glaze.js"  # a name that looks like a file, not set as code


def test_a_part_with_nothing_listed_yet_before_parts_of_boxes_stays_a_part():
    text = (
        "# Pottery, bottom up\n\n#### The order\n"
        "1. Wedging\n2. Throwing\n    - [x] Centering\n    - [ ] Opening\n"
        "3. [x] Trimming\n4. Glazing:\n    - [ ] Dipping\n    - [ ] Pouring\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centering", "Opening", "Trimming", "Dipping", "Pouring"]


def test_sentences_one_per_line_under_a_label_of_a_plain_outline_are_its_entries():
    text = (
        "    Clay Basics:\n"
        "        Understand what clay bodies are.\n"
        "        Learn about stoneware, the most common body for functional pots.\n"
        "        Get familiar with wedging, slaking and reclaiming clay.\n\n"
        "    The Wheel:\n"
        "        Learn how to center a pound of clay on the wheel.\n"
        "        Practice opening and pulling walls until the cylinder stands.\n\n"
        "    Glazing:\n"
        "        Mix a glaze from a recipe and test it on tiles.\n"
        "        Dip the bisque ware.\n"
    )
    assert [len(leaves) for _, leaves in _tree(parse_roadmap(text))] == [3, 2, 2]


def test_rules_of_equals_between_week_tables_divide_and_an_address_names_nothing():
    table = "| Day | Task |\n| --- | --- |\n| Mon | {0} |\n| Tue | {1} |\n"
    text = (
        table.format("Wedging", "Centering")
        + "\n-->> https://example.org/pottery#wheel\n\n============\nweek 2\n"
        + table.format("Trimming", "Handles")
        + "\n============\n"
        + table.format("Glazing", "Firing")
    )
    roadmap = parse_roadmap(text, source="plan.md")
    titles = [node.title for node in roadmap.walk()]
    assert not any("===" in title for title in titles)
    assert "https" not in roadmap.title
    assert len(roadmap.leaves()) == 6


def test_repositories_to_read_beside_a_weeks_topics_are_its_resources():
    text = (
        "## 6-Week Pottery Curriculum\n\n## WEEK 1: Clay\n\n### Topics:\n\n"
        "* Wedging\n* Centering\n\n### 💻 GitHub Repos:\n\n"
        "* kiln-log: [https://github.com/potter/kiln-log](https://github.com/potter/kiln-log)\n\n"
        "## WEEK 2: Glaze\n\n### Topics:\n\n* Dipping\n* Pouring\n\n### 💻 GitHub:\n\n"
        "* glaze-calc: [https://github.com/potter/glaze-calc](https://github.com/potter/glaze-calc)\n"
        "* cone-chart: [https://github.com/potter/cones](https://github.com/potter/cones)\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Wedging",
        "Centering",
        "Dipping",
        "Pouring",
    ]


def test_goals_naming_the_days_to_come_inside_a_wrapper_are_no_overview_of_them():
    from roadvault.parse.rules import recording

    text = (
        "# Week 2: Glazes\n\n## Goals This Week\n\n### Glaze Focus\n"
        "- Dipping and its thickness\n- Pouring over a bowl\n\n"
        "## Daily Schedule\n\n### Day 8: Dipping\n- Mix the glaze\n- Dip three test tiles\n\n"
        "### Day 9: Pouring\n- Pour over a bowl\n- Wipe the foot\n"
    )
    with recording() as decisions:
        parse_roadmap(text)
    assert [d.line for d in decisions if d.rule == "overview-list"] == []


def test_ticks_in_a_part_whose_heading_says_it_is_complete_are_done_among_boxes():
    text = (
        "# Pottery roadmap\n\n## ✅ Current modules (Completos)\n\n"
        "### 📘 [Module 01 - Clay](module01/)\n- ✓ Wedging\n- ✓ Pinch pots\n\n"
        "### 📘 [Module 02 - Wheel](module02/)\n- ✓ Centering\n- ✓ Opening\n\n"
        "## 🚀 Next modules\n\n### 📘 Module 03 - Glazes\n- [ ] Dipping\n- [ ] Pouring\n"
        "### 📘 Module 04 - Firing\n- [ ] Bisque\n- [ ] Glaze firing\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves][:4] == [
        ("Wedging", "done"),
        ("Pinch pots", "done"),
        ("Centering", "done"),
        ("Opening", "done"),
    ]
    assert len(leaves) == 8


def test_course_codes_in_brackets_are_units_to_take_not_template_blanks():
    text = (
        "# Pottery path\n\n## Section 1: Clay\n\n"
        "* [ ] [CER 101]\n* [ ] [CER 102]\n* [ ] [CER 103]\n\n"
        "## Template\n\n- [ ] [Lesson]\n- [ ] [Skill 1]\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["[CER 101]", "[CER 102]", "[CER 103]"]


def test_a_tick_after_some_problems_of_a_ladder_marks_them_solved_wherever_they_stand():
    text = (
        "# Chess tactics ladder\n\n## Rating 1000\n\n1. [Fork the queen](https://x.example/1)  ✔\n"
        "2. [Back-rank mate](https://x.example/2)\n3. [Pin the knight](https://x.example/3)  ✔\n"
        "4. [Skewer](https://x.example/4)\n\n## Rating 1200\n\n"
        "1. [Discovered check](https://x.example/5)\n2. [Deflection](https://x.example/6)  ✔\n"
        "3. [Zwischenzug](https://x.example/7)\n\n# Progression Rule\n"
        "- Solve **80%** of each rating before moving up.\n- Review every loss.\n"
    )
    roadmap = parse_roadmap(text)
    done = [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"]
    assert done == ["Fork the queen", "Pin the knight", "Deflection"]
    assert len(roadmap.leaves()) == 7
    assert "Review every loss" in roadmap.notes


def test_numbered_groups_of_topics_before_a_second_answer_are_a_plan_not_its_preamble():
    text = (
        "Para alguien que empieza, aquí hay algunos consejos y un orden sugerido:\n\n"
        "1. Fundamentos:\n\n- Alfabeto\n- Números\n- Saludos\n\n"
        "3. Gramática esencial:\n\n- Pronombres\n- Verbo to be\n\n"
        "Para el nivel siguiente, una guía:\n\n"
        "1. **Tiempos verbales**\n\n- Presente simple\n- Pasado simple\n- Futuro\n\n"
        "3. **Vocabulario**\n\n- Familia\n- Comida\n- Ropa\n- Lugares\n\n"
        "5. **Habilidades**\n\n- Presentarse\n- Preguntar\n- Describir\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:5] == ["Alfabeto", "Números", "Saludos", "Pronombres", "Verbo to be"]
    assert len(titles) == 15


def test_a_badge_before_each_topic_says_its_state_and_the_badge_key_is_text():
    done = "![Done](https://img.shields.io/badge/Learned-Done-brightgreen)"
    doing = "![In Progress](https://img.shields.io/badge/Now-In_Progress-yellow)"
    todo = "![Not Started](https://img.shields.io/badge/Planned-Not_Started-red)"
    text = (
        f"# Data science\n\n## Progress\n\nKey:\n* {done} - Topic learned\n"
        f"* {doing} - Studying now\n* {todo} - Not yet begun\n\n### 1. Fundamentals\n"
        f"* {done} _Linear algebra_\n* {done} _Hash functions_\n* {doing} _Sharding_\n"
        f"* {todo} _Regex_\n\n### 2. Statistics\n* {todo} _Descriptive statistics_\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Linear algebra", "Hash functions", "Sharding", "Regex", "Descriptive statistics",
    ]  # fmt: skip
    assert [leaf.status.value for leaf in leaves] == ["done", "done", "doing", "todo", "todo"]
    assert "Topic learned" in roadmap.notes


def test_a_navigation_heading_over_plain_topics_is_a_topic_and_over_links_is_the_pages():
    text = (
        "# Flutter\n\n## Navigation\n\n- [Basics](#basics)\n- [Widgets](#widgets)\n\n"
        "## Basics\n\n### Widgets\n\n- Stateless widgets\n- Stateful widgets\n\n"
        "### 📦 Navigation\n\n* `go_router`\n  * Stack navigation\n  * Tab navigation\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Stateless widgets", "Stateful widgets", "Stack navigation", "Tab navigation"]


def test_the_same_fields_under_every_skill_describe_it_and_a_days_sources_are_its_work():
    card = "     - Difficulty: {0}\n     - Time to master: {1} hours\n     - Focus: {2}\n"
    text = (
        "# Data science skill map\n\n## 1. Foundations\n- Sub-skills:\n  a) Basic maths\n"
        + card.format("Medium", "40-60", "linear algebra, calculus")
        + "\n  b) Statistics\n"
        + card.format("High", "60-80", "distributions, tests")
        + "\n## 2. Programming\n- Sub-skills:\n  a) Python\n"
        + card.format("Medium", "80-120", "data structures")
        + "\n  b) SQL\n"
        + card.format("Medium", "30-50", "joins, windows")
        + "\n## Week 1\n- **Mon 9/22**\n  - Udemy: Pods and YAML\n  - Docs: Deployments\n"
        "- **Tue 9/23**\n  - Udemy: Services\n  - Docs: Namespaces\n"
        "- **Wed 9/24**\n  - Udemy: Storage\n  - Docs: Volumes\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[:4] == ["Basic maths", "Statistics", "Python", "SQL"]
    assert len(titles) == 4 + 6
    assert "Udemy: Services" in titles


def test_a_book_with_a_subtitle_and_its_author_is_one_name_even_wrapped_onto_two_lines():
    text = (
        "# Art\n\n## Books\n\n- [ ] Force: Dynamic life drawing for animators by Michael Mattesi;\n"
        "- [ ] How to draw: Drawing and sketching objects from your\n"
        "imagination by Scott Robertson;\n"
        "- [ ] Anatomy drills\n  Twenty minutes a day, every day.\n"
        "- [ ] Gesture: this is where every figure starts and the one habit to keep\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [
        "Force: Dynamic life drawing for animators by Michael Mattesi;",
        "How to draw: Drawing and sketching objects from your imagination by Scott Robertson;",
        "Anatomy drills",
        "Gesture",
    ]


def test_pdfs_to_focus_on_are_the_days_resources_not_its_steps():
    text = (
        "# Cram\n\n### **Day 1: Foundations**\n\n**PDFs to Focus On**:\n"
        "- **Lesson 2**: [problems](assets/l2.pdf), [annotated](assets/l2a.pdf)\n"
        "- **Lesson 3**: [problems](assets/l3.pdf)\n\n#### Hours 1–2\n\n"
        "- Draw Lewis structures\n- Review isomers\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Draw Lewis structures", "Review isomers"]
    assert "assets/l2.pdf" in [r.url for r in roadmap.nodes[0].resources]


def test_a_progress_bar_after_each_course_says_how_far_it_is():
    bar = "![](https://geps.dev/progress/{})"
    text = (
        "# Courses\n\n## Front-end\n\n"
        f"* Node.js {bar.format(100)}\n* React {bar.format(87)}\n* Vue {bar.format(0)}\n"
        f"* [Foodiary](https://app.example/foodiary) {bar.format(100)}\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["Node.js", "React", "Vue", "Foodiary"]
    assert [leaf.status.value for leaf in leaves] == ["done", "doing", "todo", "done"]


def test_a_plain_text_schedule_of_week_lines_reads_each_week_and_its_tasks():
    week = (
        "Week {0}\n    End Date: 2025-05-{1}\n    Milestone: chapter {0} read\n    Tasks:\n"
        "        GS: Polity chapter {0} (intro, making, salient features)\n"
        "        Current Affairs: Newspaper Reading\n"
        "        Weekly Test: Prepare for and take the test on Polity chapter {0} and numeracy\n"
    )
    text = "".join(week.format(n, 10 + n) for n in range(1, 5))
    roadmap = parse_roadmap(text, source="plan.md")
    assert [node.title for node in roadmap.nodes] == ["Week 1", "Week 2", "Week 3", "Week 4"]
    assert [leaf.title for leaf in roadmap.nodes[0].leaves()] == [
        "GS: Polity chapter 1 (intro, making, salient features)",
        "Current Affairs: Newspaper Reading",
        "Weekly Test: Prepare for and take the test on Polity chapter 1 and numeracy",
    ]


def test_about_the_course_and_this_repository_sections_are_not_the_plan():
    text = (
        "# Mon parcours Python\n\n## À propos de la formation\n\n- Plus de 76 heures de vidéo\n"
        "- 15 projets concrets\n\n## Roadmap de progression\n\n- [x] Les bases\n"
        "- [ ] Fonctions et modules\n- [ ] POO\n\n## Ce dépôt GitHub\n\n- Mes notes personnelles\n"
        "- Les projets réalisés\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Les bases", "Fonctions et modules", "POO"]


def test_a_tick_with_a_date_after_an_entry_is_done_on_that_day():
    text = "\n".join(
        [
            "# Pottery log",
            "",
            "## Throwing",
            "",
            "1. Centering clay✔️[3/14/23]",
            "2. Opening the form ✅ 2023-03-20",
            "3. Pulling walls (2023-04-02) ✓",
            "4. Trimming feet",
            "",
            "## Glazing",
            "",
            "Progress: 0/10 ✓",
            "",
            "- Dipping",
            "- Brushing",
        ]
    )
    roadmap = parse_roadmap(text)
    states = {leaf.title: leaf.status for leaf in roadmap.leaves()}
    assert states == {
        "Centering clay": "done",
        "Opening the form": "done",
        "Pulling walls": "done",
        "Trimming feet": "todo",
        "Dipping": "todo",
        "Brushing": "todo",
    }, states


def test_a_page_opening_with_its_name_over_prose_keeps_it_beside_a_second_h1():
    text = "\n".join(
        [
            "# Birdsong by ear!",
            "",
            "Here I keep track of the calls I have learnt, and when.",
            "",
            "# Materials",
            "",
            "- [A field guide](https://example.org/guide) with recordings",
            "",
            "## Garden birds",
            "",
            "1. Blackbird",
            "2. Robin",
            "",
            "## Woodland birds",
            "",
            "1. Wren",
            "2. Chiffchaff",
        ]
    )
    assert parse_roadmap(text).title == "Birdsong by ear!"
    # a first H1 over the course's preface is no name: the course's own H1 is
    preface = text.replace("# Birdsong by ear!", "# Introduction").replace(
        "# Materials", "# Course: Garden birdsong"
    )
    assert parse_roadmap(preface).title == "Course: Garden birdsong"


def test_a_course_content_section_of_weeks_with_linked_lectures_is_the_course():
    text = "\n".join(
        [
            "# Acoustics I (2025)",
            "",
            "# Course links",
            "",
            "- [Forum](https://forum.example.org/acoustics)",
            "",
            "# Content",
            "",
            "- Week 1 (Feb. 3-7).",
            "  - Lecture 1 (Feb. 3): Waves and strings [[slides]](./l1.pdf)",
            "- Week 2 (Feb. 10-14).",
            "  - Lecture 2 (Feb. 10): Resonance [[slides]](./l2.pdf)",
            "  - Lab 1 (Feb. 12): Measuring a tube ([Exercises](./lab1.pdf))",
            "",
            "**Spring Break**",
            "",
            "- Week 3 (Mar. 3-7).",
            "  - Lecture 3 (Mar. 3): Room acoustics",
            "  - Lab 2 (Mar. 5): Reverberation time",
        ]
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert "Spring Break" not in titles, titles
    weeks = [node for node in roadmap.walk() if node.title.startswith("Week ")]
    assert [w.title for w in weeks] == [
        "Week 1 (Feb. 3-7).",
        "Week 2 (Feb. 10-14).",
        "Week 3 (Mar. 3-7).",
    ], titles
    # the week of one lecture keeps the lecture as its step, not as its description
    assert [leaf.title for leaf in weeks[0].leaves()] == [
        "Lecture 1 (Feb. 3): Waves and strings [slides]"
    ], titles
    assert len(weeks[2].leaves()) == 2
    # a table of contents pointing into the page stays navigation
    toc = text.replace("Waves and strings [[slides]](./l1.pdf)", "[Waves](#waves)")
    assert not any(n.title.startswith("Week 1") for n in parse_roadmap(toc).walk())


def test_next_steps_and_project_ideas_after_a_numbered_plan_are_text_but_a_bonus_module_stays():
    text = "\n".join(
        [
            "# Knitting in four weeks",
            "",
            "## Week 1: Casting on",
            "- Long-tail cast on",
            "- Knit stitch",
            "",
            "## Week 2: Purling",
            "- Purl stitch",
            "",
            "## Week 3: Shaping",
            "- Increases",
            "",
            "## Week 4: Finishing",
            "- Binding off",
            "",
            "## Next Steps & Project Ideas",
            "- A striped scarf for a friend",
            "- Join a local knitting circle",
            "",
            "## Bonus Module: Cables",
            "- Cable needle basics",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "A striped scarf for a friend" not in leaves, leaves
    assert "Cable needle basics" in leaves, leaves
    assert len(leaves) == 6, leaves


def test_a_holiday_word_alone_in_a_vocabulary_list_is_still_a_lesson():
    text = "\n".join(
        [
            "# Spanish A1",
            "",
            "## Unit 3: Free time",
            "",
            "- Deportes",
            "- Vacaciones",
            "- Música",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Deportes", "Vacaciones", "Música"], leaves


def test_a_page_that_centres_every_part_heading_has_one_banner_and_its_parts():
    def centred(heading: str) -> str:
        return f'<div align="center">\n\n{heading}\n\n</div>\n\n---\n\n'

    text = (
        centred("# Woodworking Path")
        + centred("### Hand tools")
        + "Topics:\n1. Sharpening a chisel\n2. Sawing to a line\n\n"
        + centred("### Joinery")
        + "Topics:\n1. Mortise and tenon\n2. Dovetails\n\n"
        + centred("### Finishing")
        + "Topics:\n1. Oil finishes\n2. Shellac\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Woodworking Path"
    assert _tree(roadmap) == [
        ("Hand tools", ["Sharpening a chisel", "Sawing to a line"]),
        ("Joinery", ["Mortise and tenon", "Dovetails"]),
        ("Finishing", ["Oil finishes", "Shellac"]),
    ]


def test_a_banner_of_title_and_tagline_blocks_names_the_page_and_stays_out_of_the_plan():
    text = (
        '<div align="center">\n\n# Woodworking Path\n\n</div>\n\n'
        '<div align="center">\n\n### From first cut to finished chair\n\n</div>\n\n'
        "## Hand tools\n\n- Sharpening a chisel\n- Sawing to a line\n\n"
        "## Joinery\n\n- Mortise and tenon\n- Dovetails\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Woodworking Path"
    assert _tree(roadmap) == [
        ("Hand tools", ["Sharpening a chisel", "Sawing to a line"]),
        ("Joinery", ["Mortise and tenon", "Dovetails"]),
    ]


def test_a_resources_section_named_with_its_purpose_or_two_adjectives_is_reading_not_steps():
    for name in ("Полезные ресурсы для изучения", "Materiais de Estudo Recomendados"):
        text = (
            "# Карпентри\n\n## Основы\n\n- Пилы\n- Стамески\n\n## Соединения\n\n"
            "- Шип и паз\n- Ласточкин хвост\n\n"
            f"## {name}\n\n- [Wood Whisperer](https://example.org/ww)\n"
            "- [Paul Sellers](https://example.org/ps)\n"
        )
        roadmap = parse_roadmap(text)
        assert [leaf.title for leaf in roadmap.leaves()] == [
            "Пилы",
            "Стамески",
            "Шип и паз",
            "Ласточкин хвост",
        ], name


def test_a_part_about_managing_resources_is_still_a_part():
    text = (
        "# Operating systems\n\n## Processes\n\n- Scheduling\n- Signals\n\n"
        "## Resource management\n\n- Memory allocation\n- File handles\n"
    )
    assert _tree(parse_roadmap(text)) == [
        ("Processes", ["Scheduling", "Signals"]),
        ("Resource management", ["Memory allocation", "File handles"]),
    ]


def test_a_part_name_of_many_short_syllables_over_named_lines_holds_them_as_entries():
    # Vietnamese spaces every syllable: seven "words" are a short name
    text = (
        "# Lộ trình\n\n1. Làm việc với cấu trúc dữ liệu cơ bản\n"
        "List: cách dùng danh sách.\nDict: khóa và giá trị.\n\n"
        "2. Lập trình hướng đối tượng trong Python\n"
        "Class: cách tạo lớp.\nObject: cách tạo đối tượng.\n"
    )
    parts = _tree(parse_roadmap(text))
    assert [phase for phase, _ in parts] == [
        "Làm việc với cấu trúc dữ liệu cơ bản",
        "Lập trình hướng đối tượng trong Python",
    ]
    assert [[leaf.split(":")[0] for leaf in leaves] for _, leaves in parts] == [
        ["List", "Dict"],
        ["Class", "Object"],
    ]


def test_a_plain_text_plan_lists_a_named_line_per_entry_under_each_numbered_part():
    parts = {
        "1. Python basics for the very first weeks": [
            "Setup: install Python and an editor such as VS Code, then run a first script.",
            "Loops: for and while loops, and how to leave them early with break.",
        ],
        "2. Working with data in the standard library": [
            "Files: reading and writing text and CSV files from a script.",
            "Modules: importing, packages and the search path, with a few exercises.",
        ],
        "3. Object-oriented programming with classes": [
            "Classes: attributes, methods and what self stands for in each call.",
            "Inheritance: overriding methods and calling the parent with super().",
        ],
        "4. Small projects to put it all together": [
            "Console app: a to-do list that saves its items in a JSON file.",
            "Web app: a first page with Flask that lists the same items.",
        ],
    }
    text = "\n".join(
        f"{number}. {name}\n" + "\n".join(lines) + "\n"
        for number, (name, lines) in enumerate(parts.items(), start=1)
    )
    assert [(phase, len(leaves)) for phase, leaves in _tree(parse_roadmap(text))] == [
        (name, 2) for name in parts
    ]


def test_a_plain_text_part_over_a_paragraph_keeps_the_paragraph_as_its_text():
    text = (
        "1. Python basics\n"
        "This first part takes about two weeks: you will install Python, write a few\n"
        "scripts and learn the syntax you need for the rest of the plan.\n\n"
        "2. Data\n"
        "Lists, dictionaries and sets, with small exercises for each of them.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any(title.startswith("This first part") for title in titles)


def test_a_tracker_drawn_with_short_ascii_branches_in_a_code_block_keeps_its_ticks():
    text = (
        "# My bread journey\n\n## TODO\n```\n1. Dough\n  |- [x] Flour types\n"
        "  |- [x] Hydration\n  | |- [x] Autolyse\n  |- [] Kneading\n\n2. Baking\n"
        "  |- [] Oven spring\n  |- [] Scoring\n```\n"
    )
    roadmap = parse_roadmap(text)
    assert [(phase.title, len(phase.leaves())) for phase in roadmap.nodes] == [
        ("1. Dough", 3),
        ("2. Baking", 2),
    ]
    done = [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"]
    assert done == ["Flour types", "Autolyse"]
    assert not any("|" in leaf.title for leaf in roadmap.leaves())


def test_a_table_row_that_starts_with_a_dash_is_no_drawn_branch():
    text = (
        "# Bread\n\n| Step | Note |\n|---|---|\n| - | skipped |\n| Mix | by hand |\n"
        "| Knead | ten minutes |\n| Proof | overnight |\n| Bake | hot oven |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[-4:] == ["Mix", "Knead", "Proof", "Bake"]


def test_a_log_whose_days_each_hold_a_done_or_a_to_do_list_gives_their_entries_that_status():
    text = (
        "# Pottery log\n\n"
        "## Day 1: Clay ✅\n### ✅ Completed tasks:\n- Wedged two kilos\n- Cleaned the wheel\n\n"
        "## Day 2: Centring ✅\n### ✅ Completed tasks:\n- Centred five balls\n\n"
        "## Day 3: Pulling walls ✅\n### ✅ Completed tasks:\n- Pulled a cylinder\n\n"
        "## Day 4: Trimming 🎯\n### 🔜 To-do list:\n- Trim the cylinders\n- Add a foot ring\n"
    )
    roadmap = parse_roadmap(text)
    assert [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()] == [
        ("Wedged two kilos", "done"),
        ("Cleaned the wheel", "done"),
        ("Centred five balls", "done"),
        ("Pulled a cylinder", "done"),
        ("Trim the cylinders", "todo"),
        ("Add a foot ring", "todo"),
    ]
    assert [len(phase.children) for phase in roadmap.nodes] == [2, 1, 1, 2]


def test_one_part_with_a_finished_list_is_no_board():
    text = (
        "# Pottery\n\n## Basics\n### Finished projects\n- A mug\n- A bowl\n\n"
        "## Glazes\n- Celadon\n- Tenmoku\n"
    )
    assert all(leaf.status.value == "todo" for leaf in parse_roadmap(text).leaves())


def test_a_first_week_written_as_the_only_h1_is_a_part_and_the_folder_names_the_plan():
    weeks = "".join(
        f"{'#' if week == 1 else '##'} Week {week} - Glazes {week}\n\n"
        f"### Week {week} - Watch\n\n- Lesson {2 * week - 1}\n- Lesson {2 * week}\n\n"
        for week in range(1, 5)
    )
    roadmap = parse_roadmap(weeks, source="Learn_pottery_online/README.md")
    assert roadmap.title == "Learn Pottery Online"
    assert [phase.title for phase in roadmap.nodes][:2] == [
        "Week 1 - Glazes 1",
        "Week 2 - Glazes 2",
    ]


def test_three_h1_parts_each_over_grouped_boxes_leave_the_note_named_by_its_file():
    part = "# {name}\n\n- [ ] **{group}**\n\t- [ ] {a}\n\t- [ ] {b}\n\n"
    text = "".join(
        part.format(name=name, group=group, a=a, b=b)
        for name, group, a, b in (
            ("Basics", "Clay", "Wedge", "Store"),
            ("Essentials", "Wheel", "Centre", "Open"),
            ("Mastery", "Glaze", "Mix", "Fire"),
        )
    )
    roadmap = parse_roadmap(text, source="vault/LYT/Checklist.md")
    assert roadmap.title == "Checklist"
    assert [phase.title for phase in roadmap.nodes] == ["Basics", "Essentials", "Mastery"]


def test_a_first_h1_over_numbered_h1_days_still_names_the_plan():
    # (each day groups its sessions, as the timetable above them does)
    days = "".join(
        f"# {n}/day:\n\n- Morning\n  - Warm-up\n  - Lesson {n}\n- Evening\n  - Review\n\n"
        for n in range(1, 5)
    )
    text = "# timetable\n\n- Morning\n  - 9:00 start\n  - 12:00 lunch\n\n" + days
    assert parse_roadmap(text, source="notes/schedule.md").title == "timetable"


def test_plain_advice_headings_beside_boxed_headings_are_notes():
    # a chat answer that writes a box for every thing to do: the plain lists under sibling
    # headings (habits, focus areas) are advice for the section, not more steps
    text = (
        "# Pottery in four months\n\n## Month 1: Basics\n\n### Clay\n\n- [ ] Wedge 5 kg\n"
        "- [ ] Pinch three bowls\n\n### Wheel\n\n- [ ] Centre 1 kg\n- [ ] Pull a cylinder\n\n"
        "## Month 2: Glazes\n\n### Dipping\n\n- [ ] Mix a celadon\n- [ ] Dip ten tiles\n\n"
        "## Beyond the wheel\n\n### Studio routine\n\n- **Every firing** - write down the cone\n"
        "- **Every pot** - photograph it\n\n### Sheets to write\n\n- [ ] Glaze recipe sheet\n"
        "- [ ] Kiln log sheet\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Glaze recipe sheet" in titles
    assert not [t for t in titles if t.startswith("Every")]
    assert len(titles) == 8


def test_plain_headings_beside_marks_read_later_stay_steps():
    # only boxes written in the source make the plain headings around them advice: a list
    # ticked with its own marks ("✅ …") keeps its plain entries as steps to do
    text = (
        "# Glazes\n\n## Tried\n\n### Matte\n\n- ✅ Satin white\n- ✅ Dry ash\n- Lichen\n\n"
        "### Gloss\n\n- Clear\n- Celadon\n- Tenmoku\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Tenmoku" in titles


def test_a_box_ticked_with_a_thumbs_up_shortcode_is_done():
    text = (
        "## Level 1 - Clay\n\n- [:thumbsup:] Wedging\n- [:thumbsup:] Pinching\n"
        "- [:hourglass_flowing_sand:] Coiling\n- [ ] Slabs\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {
        "Wedging": "done",
        "Pinching": "done",
        "Coiling": "doing",
        "Slabs": "todo",
    }
    # outside a box the shortcode is decoration, not a tick
    assert parse_roadmap("- Glazing :thumbsup:\n- Firing\n").leaves()[0].title == "Glazing"


def test_course_names_in_capitals_are_entries_however_long():
    # a curriculum printed one course per line, in capitals: a long name is still a course
    text = (
        "# 1 Semester\n\nCERAMIC MATERIALS\n\nHAND BUILDING\n\nGLAZE CHEMISTRY\n\n"
        "# 2 Semester\n\n"
        "KILN DESIGN AND FIRING SCHEDULES FOR STONEWARE AND PORCELAIN (CONE 6-10)\n\n"
        "WHEEL THROWING\n\nSURFACE DECORATION\n"
    )
    roadmap = parse_roadmap(text)
    assert [len(n.leaves()) for n in roadmap.nodes] == [3, 3]
    # prose in ordinary case stays the part's text
    prose = (
        "# 1 Semester\n\nCERAMIC MATERIALS\n\nHAND BUILDING\n\nGLAZE CHEMISTRY\n\n"
        "# 2 Semester\n\n"
        "In this term we look at how kilns are designed and how firing schedules work.\n"
    )
    titles = [n.title for n in parse_roadmap(prose).walk()]
    assert not [t for t in titles if t.startswith("In this term")]


def test_a_fenced_month_of_boxes_with_a_tally_to_fill_in_after_them_is_its_checklist():
    # the tally at the end is the tracker's own; a form starts with its blanks (see above)
    text = (
        "# Wall calendar\n\n## MONTH 1\n\n```\nWeek 1: Clay\n  [ ] Wedge 5 kg\n"
        "  [ ] Pinch a cup\n\nWeek 2: Wheel\n  [ ] Centre 1 kg\n  [x] Pull a cylinder\n\n"
        "Hours this month: _____ / 40\n```\n\n## MONTH 2\n\n```\nWeek 3: Glaze\n"
        "  [ ] Dip tiles\n  [ ] Mix a celadon\n  [ ] Fire to cone 6\n```\n"
    )
    roadmap = parse_roadmap(text)
    assert [len(n.leaves()) for n in roadmap.nodes] == [4, 3]
    assert [leaf.title for leaf in roadmap.leaves() if leaf.status.value == "done"] == [
        "Pull a cylinder"
    ]


def test_a_closing_section_of_the_days_that_follow_carries_the_plan_on():
    text = (
        "# 30 days of clay\n\n"
        "## Week 1: Hand building\n- **Day 1:** Wedging\n- **Day 2:** Pinch\n\n"
        "## Week 2: Wheel\n- **Day 3:** Centring\n- **Day 4:** Cylinders\n\n"
        "## Week 3: Glazes\n- **Day 5:** Dipping\n- **Day 6:** Firing\n\n"
        "## Final days:\n- **Day 7:** Final piece\n- **Day 8:** Wrap-up\n\n"
        "## Tips\n- Keep the clay wet\n- Clean the wheel\n"
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.nodes) == 4
    assert len(roadmap.leaves()) == 8


def test_a_bold_chinese_sentence_closing_a_post_is_its_sign_off_not_a_part():
    text = (
        "# Pottery\n\n## Basics\n\n- [ ] Wedging\n- [ ] Throwing\n\n---\n\n"
        "**我是小陶，一个正在努力学习陶艺的上班族。**\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedging", "Throwing"]


def test_an_empty_recap_module_among_modules_is_a_module():
    # a summary group restates the part it closes; a recap heading with nothing under it is
    # one more module of the series
    text = (
        "# Course\n\n## Milestone 1: Clay\n\n"
        "#### Module 1: Wedging\n\n#### Module 2: Pinching\n\n"
        "#### Module 3: Hand building recap\n\n#### Module 4: Coils\n\n"
        "## Milestone 2: Wheel\n\n#### Module 5: Centring\n\n#### Week 5 summary\n\n"
        "- We centred clay\n- We threw cylinders\n"
    )
    roadmap = parse_roadmap(text)
    assert [len(n.leaves()) for n in roadmap.nodes] == [4, 1]


def test_points_under_each_box_do_not_outvote_the_boxes():
    # a curriculum of boxed topics, each with four or five plain points: the boxes are the
    # steps, the points what each covers (before, the points outnumbered the boxes five to
    # one and the document was not read as a checklist)
    topics = "".join(
        f"- [ ] **{n}.1 Topic {n}**\n" + "".join(f"  - point {p} of topic {n}\n" for p in range(5))
        for n in range(1, 7)
    )
    text = f"# Clay course\n\n## Module 1: Basics\n\n{topics}"
    leaves = parse_roadmap(text).leaves()
    assert len(leaves) == 6
    assert "point 1 of topic 1" in leaves[0].notes


def test_glyph_led_labels_of_a_pasted_chat_plan_sit_inside_its_numbered_parts():
    """A chat answer pasted as plain text: "🔹 Phase 1: …" lines are the parts, and the
    glyph-led labels between them ("⚙️ Tools setup:") are sections inside the part."""
    text = "\n".join(
        [
            "🧭 A Year of Pottery",
            "Goal: throw a set of six matching mugs.",
            "",
            "🔹 Phase 1: Hand building (Weeks 1–8)",
            "🎯 Goal: make small pieces without a wheel.",
            "",
            "⚙️ Studio setup:",
            "Tools: a wedging table, a sponge, a needle tool",
            "",
            "Clay: 10 kg of stoneware, kept wet",
            "",
            "📅 Weekly plan:",
            "Pinch pots: three small bowls a week",
            "",
            "Coil pots: one tall vase, walls even",
            "",
            "🔹 Phase 2: The wheel (Weeks 9–24)",
            "🔧 Practice targets:",
            "Centre 2 kg of clay",
            "",
            "Pull a cylinder",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, [t.title for t in p.children]) for p in roadmap.nodes] == [
        ("Phase 1: Hand building", ["Studio setup", "Weekly plan"]),
        ("Phase 2: The wheel", ["Practice targets"]),
    ]


def test_a_task_card_whose_plan_and_checks_are_lists_under_labels_is_one_step():
    """ "### Task N" › "**Goal**: …", "**Plan**:" over its points, "**Definition of Done**:"
    over its checks, task after task: each task is a step, its card the step's note."""

    def task(n: int) -> list[str]:
        return [
            f"### Task {n}: Throw cylinder number {n}",
            f"- **Goal**: Raise a cylinder of {n} kg with even walls, and measure the walls.",
            "- **Plan**:",
            "1. Wedge the clay well and centre it on the wheel head.",
            "2. Open the form, then pull the walls up in three passes.",
            "- **Definition of Done**:",
            "- Walls no thicker than 6 mm anywhere along the height.",
            "- **Timebox**: 1–2 hours",
        ]

    text = "\n".join(["# Wheel practice", "## Week 1", *task(1), *task(2), *task(3)])
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Task 1: Throw cylinder number 1",
        "Task 2: Throw cylinder number 2",
        "Task 3: Throw cylinder number 3",
    ]
    assert "pull the walls up" in leaves[0].notes


def test_key_topics_listed_under_a_card_label_stay_the_steps():
    def part(name: str, topics: list[str]) -> list[str]:
        return [
            f"### {name}",
            f"- **What it is**: The part of the craft that covers {name.lower()} from the start.",
            "- **Key topics**:",
            *[f"- {topic}" for topic in topics],
        ]

    text = "\n".join(
        [
            "# Pottery",
            "## Foundations",
            *part("Clay", ["Wedging", "Storing clay"]),
            *part("Glaze", ["Mixing", "Dipping"]),
            *part("Kiln", ["Loading", "Cones"]),
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    topics = ["Wedging", "Storing clay", "Mixing", "Dipping", "Loading", "Cones"]
    assert [title for title in titles if title in topics] == topics, titles


def test_empty_part_headings_hold_the_headings_written_at_their_level_after_them():
    """ "### PHASE 1: Clay (Month 1)" with nothing under it, then "### Week 1-2: …" at the
    same level: the author wrote the phases and their weeks at one level; the weeks are
    the phase's, up to the next phase."""
    text = "\n".join(
        [
            "# Pottery in two months",
            "## Overview",
            "### PHASE 1: Clay (Month 1)",
            "### Week 1-2: Hand building",
            "- Pinch pots",
            "- Coil pots",
            "### Week 3-4: Slabs",
            "- Slab box",
            "### PHASE 2: Wheel (Month 2)",
            "### Week 5-6: Centring",
            "- Centre 1 kg",
            "### Week 7-8: Cylinders",
            "- Pull walls",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, len(p.leaves())) for p in roadmap.nodes] == [
        ("PHASE 1: Clay", 3),
        ("PHASE 2: Wheel", 2),
    ]


def test_a_parts_goals_and_skills_beside_what_it_teaches_are_its_text_in_vietnamese():
    def phase(n: int, topic: str) -> list[str]:
        return [
            f"# Phase {n} — Gốm {n}",
            "## Mục tiêu",
            "- Hiểu đất sét và cách chuẩn bị nó.",
            "- Có một góc làm việc an toàn.",
            "## Kiến thức sẽ học",
            f"- {topic} cơ bản",
            f"- {topic} nâng cao",
            "## Kỹ năng đạt được",
            "- Tự tin làm một sản phẩm nhỏ.",
        ]

    text = "\n".join([*phase(1, "Nhồi đất"), *phase(2, "Chuốt gốm")])
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [
        "Nhồi đất cơ bản",
        "Nhồi đất nâng cao",
        "Chuốt gốm cơ bản",
        "Chuốt gốm nâng cao",
    ]


def test_a_sponsors_list_by_its_tier_or_time_is_housekeeping():
    text = "\n".join(
        [
            "# Pottery in 30 days",
            "## Day 1",
            "- Wedging",
            "## Day 2",
            "- Centring",
            "## Current Sponsors",
            "- Clay Supply Co.",
            "## Gold sponsors",
            "- Kiln Works",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring"]


def test_a_field_left_blank_after_filled_ones_is_no_label_over_the_table():
    # a progress page: a heading, its fields as a form ("**Pomodoros:**" not filled in
    # yet), then the table of chapters; the blank field names no group
    text = (
        "# Reading log\n\n## The Pottery Handbook\n\n**Started:** 2021.12.28\n\n"
        "**Now at**: chapter 3\n\n**Pomodoros:**\n\n"
        "| Chapter | Status |\n|---|---|\n"
        "| 1. Clay bodies | ✔ |\n| 2. Wedging | ✔ |\n| 3. Throwing | |\n"
    )
    roadmap = parse_roadmap(text)
    [book] = roadmap.nodes
    assert [child.title for child in book.children] == [
        "1. Clay bodies",
        "2. Wedging",
        "3. Throwing",
    ]
    assert "**Pomodoros:**" in book.notes
    # "**Learn**:" over a list stays that list's label
    listed = parse_roadmap(
        "# Plan\n\n## Week 1\n\n**Goal:** set up\n\n**Learn**:\n\n- Git\n- Shell\n\n"
        "**Practice**:\n\n- Commit\n- Branch\n"
    )
    assert [c.title for c in listed.nodes[0].children] == ["Learn", "Practice"]


def test_a_legend_section_in_portuguese_or_italian_is_housekeeping():
    text = (
        "# Cerâmica\n\n##### Bloco 1: Argila ✅\n\n- [x] 1-1: _Tipos de argila_\n"
        "- [x] 1-2: _Amassar_\n\n##### Bloco 2: Torno 📚\n\n- [ ] 2-1: _Centralizar_\n\n"
        "##### Legenda:\n- ✅ Módulo completo\n- -  [x] Bloco completo\n"
        "- 📚 Módulo ainda não estudado\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "1-1: Tipos de argila",
        "1-2: Amassar",
        "2-1: Centralizar",
    ]


def test_a_weekend_review_written_without_boxes_is_still_a_day_of_the_week():
    days = "".join(
        f"### {day}\n- [ ] {first}\n- [ ] {second}\n\n"
        for day, first, second in [
            ("Monday", "Wedging", "Centring"),
            ("Tuesday", "Pulling walls", "Trimming"),
            ("Wednesday", "Handles", "Lids"),
        ]
    )
    text = (
        "# Pottery weeks\n\n## Week 1: Throwing\n\n"
        + days
        + "### Saturday/Sunday - Review\n- ✅ Throw every form again\n- ✅ Note what failed\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[-1] == "Saturday/Sunday - Review"
    assert len(titles) == 7
    review = roadmap.leaves()[-1]
    assert "Throw every form again" in review.notes
    assert review.status.value == "todo"


def test_one_section_over_one_list_of_groups_is_only_where_the_parts_stand():
    text = (
        "# Learning pottery\n\nWhat I learn, written down as I go.\n\n"
        "## Book completion status\n\n"
        "1. Clay :ballot_box_with_check:\n    1. Bodies :ballot_box_with_check:\n"
        "    2. Wedging :ballot_box_with_check:\n"
        "2. A first bowl :ballot_box_with_check:\n"
        "3. Throwing\n    1. Centring\n    2. Pulling walls\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["Clay", "A first bowl", "Throwing"]
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Bodies",
        "Wedging",
        "A first bowl",
        "Centring",
        "Pulling walls",
    ]


def test_a_goal_on_the_line_under_an_entry_is_its_note_not_more_of_its_name():
    # the entries' first lines end in one space (no hard break), so Markdown runs each
    # goal on into the entry; the goal is still the entry's note
    text = (
        "# 陶艺学习路线\n\n## 中阶\n\n1. 拉坯 \n   目标：掌握拉坯的基本手法\n"
        "2. 修坯 \n   目标：能修出圈足\n3. 上釉\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["拉坯", "修坯", "上釉"]
    assert "目标：掌握拉坯的基本手法" in roadmap.leaves()[0].notes
    # a name wrapped onto its next line stays one name, a colon in it or not
    wrapped = parse_roadmap(
        "# Plan\n\n## Week 1\n\n- Drawing objects and environments from\n"
        "  your imagination\n- Learn the basics of\n  Python: syntax and types\n"
    )
    titles = [leaf.title for leaf in wrapped.leaves()]
    assert titles[0].startswith("Drawing objects") and titles[0].endswith("imagination")
    assert "Python" in titles[1]


def test_headings_written_as_bullets_at_every_depth_keep_their_topics():
    # "* ### Week 1" over "\t* #### Introduction", "\t* #### …": every bullet is a heading;
    # the week's empty sub-headings are its topics, not a name and its subtitles
    text = (
        "# Pottery course\n\n# Topics covered and progress\n\n"
        "* ### Week 1\n\t* #### Clay bodies\n\t* #### Wedging\n\t* #### Kiln safety\n\n"
        "* ### Week 2\n\t* #### Centring\n  \t* #### Pulling walls\n"
    )
    roadmap = parse_roadmap(text)
    assert [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes] == [
        ("Week 1", ["Clay bodies", "Wedging", "Kiln safety"]),
        ("Week 2", ["Centring", "Pulling walls"]),
    ]


def test_a_revision_strategy_and_a_target_are_advice_and_a_goal_not_steps():
    text = (
        "# Pottery drills\n\n## Drills\n\n- Wedging\n- Centring\n- Pulling walls\n\n"
        "## Timeline\n- Start Date: [28/11/2025]\n- Target: Ready for the fair in 8 weeks\n\n"
        "## Revision Strategy\n- Review after: 2 days, then 1 week\n- Throw each form twice\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centring", "Pulling walls"]


def test_a_daily_record_of_dated_entries_beside_the_plan_is_the_learners_log():
    text = (
        "# 陶艺打卡\n\n## 模块\n\n| 模块 | 状态 |\n|---|---|\n| 揉泥 | ✅ |\n| 拉坯 | ⬜ |\n"
        "| 修坯 | ⬜ |\n\n## 每日记录\n\n### 2026-07-29（周二）\n- 揉泥：练了两小时\n"
        "- 反思：手腕要放松\n\n### 2026-07-30（周三）\n- 未开始\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["揉泥", "拉坯", "修坯"]
    assert "反思：手腕要放松" in roadmap.notes


def test_a_lesson_named_after_its_kind_keeps_its_name_and_sources_are_resources():
    text = (
        "# Гончарное дело\n\n## План занятий\n\n"
        "1. Вводный урок: подготовка глины, инструменты. Первое изделие\n"
        "2. Центровка. Подъём стенок\n3. Обточка\n\n"
        "## Дополнительные источники\n\n- [Книга о глазурях](https://example.org/glaze)\n"
        "- [Видео о печах](https://example.org/kiln)\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[0].startswith("Вводный урок: подготовка глины")
    assert len(titles) == 3


def test_a_course_pages_facts_and_a_holiday_week_are_not_steps():
    text = (
        "# 陶艺基础\n* 学期：2023 fall\n* 教师：王老师\n* 课时：每周2节\n* 教材：《陶艺入门》\n\n"
        "## 日程\n\n| 周数 | 讲授内容 |\n|---|---|\n| 1 | 揉泥 |\n| 2 | 拉坯 |\n"
        "| 3 | 国庆假期 |\n| 4 | 修坯 |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["揉泥", "拉坯", "修坯"]


def test_the_kind_of_work_before_a_link_leaves_the_link_in_the_name():
    text = (
        "# Pottery path\n\n## Projects\n\n"
        "- Guild Project - [Throw a Set of Six Mugs](https://example.org/mugs)\n"
        "- Glaze course - [Celadon Basics](https://example.org/celadon)\n"
        "- Trimming - [the studio's guide](https://example.org/trim)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Throw a Set of Six Mugs" in titles[0]
    assert "Celadon Basics" in titles[1]
    assert titles[2] == "Trimming"  # a topic, then its material


def test_practical_projects_told_in_prose_are_still_a_step():
    text = (
        "# Cerâmica\n\n## Fundamentos\n\n- Preparar a argila\n- Centralizar\n\n"
        "## Torno\n\n- Levantar paredes\n- Tornear\n\n"
        "## Projetos Práticos\n\nA melhor maneira de aprender é fazendo: crie peças reais à "
        "medida que avança.\n\n## Pratik Projeler\n\nHer hafta bir kase yapın.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[-2:] == ["Projetos Práticos", "Pratik Projeler"]


def test_a_practice_week_of_blank_days_among_named_weeks_is_a_week_of_the_course():
    text = (
        "# Pottery in 3 weeks\n\n### Week 1 - Clay\n\n- Day 01: Wedging\n- Day 02: Centering\n"
        "- Day 03: Pinch pots\n\n### Week 2 - Practice Week\n\n- Day 01: -\n- Day 02: -\n"
        "- Day 03: -\n\n### Week 3 - Wheel\n\n- Day 01: Opening\n- Day 02: Pulling walls\n"
        "- Day 03: Trimming\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes][1] == "Week 2 - Practice Week"
    assert len(roadmap.nodes[1].children) == 3


def test_the_projects_of_a_ticked_plan_are_study_the_author_did_not_tick():
    weeks = "".join(
        f"### Hafta {n}: Konu {n}\n\n" + "".join(f"- [ ] Adım {n}.{k}\n" for k in range(4)) + "\n"
        for n in range(1, 4)
    )
    text = (
        "# Çömlek Planı\n\n## Neden Çömlek?\n\n- Sakinleştirir\n- Eller için iyi\n\n"
        f"## Yol Haritası\n\n{weeks}## Pratik Projeler\n\n### Proje 1: Kupa\n\n"
        "**Süre:** 2 saat\n\n### Proje 2: Kase\n\n- Ayak açma\n- Sırlama\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert "Pratik Projeler" in titles and "Proje 1: Kupa" in titles, titles
    assert "Sakinleştirir" not in titles, titles


def test_directions_and_success_strategies_are_the_plans_advice_not_steps():
    text = (
        "# 30 Day Pottery Plan\n\n**Directions:**\n\n* Throw for at least an hour a day.\n"
        "* Keep every failed pot for a week.\n\n**Day 1**\n\n* Wedging\n* Centering\n\n"
        "**Day 2**\n\n* Opening\n* Pulling walls\n\n## Success Strategies\n\n"
        "**Motivation Maintenance**:\n- Set clear weekly goals\n- Celebrate small wins\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centering", "Opening", "Pulling walls"], titles


def test_sections_each_described_by_one_sentence_are_the_steps():
    text = (
        "## Pottery course\n\n#### Section 01: Clay\n\n- Learn how clay behaves when wet.\n\n"
        "#### Section 02: Wheel\n\n- Practise centering on the wheel.\n\n"
        "#### Section 03: Kiln\n\n- Understand how a firing schedule works.\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Section 01: Clay",
        "Section 02: Wheel",
        "Section 03: Kiln",
    ]
    assert leaves[0].notes == "Learn how clay behaves when wet."


def test_a_span_of_days_named_alone_is_a_slot_over_its_step():
    text = (
        "# Glaze plan\n\n### Day 1 - 30:\n- Mix ten test glazes and fire them.\n\n"
        "### Day 31 - 60:\n- Keep a glaze notebook of every firing.\n\n"
        "### Day 61 - 90:\n- Continue testing celadons and tenmokus.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()][
        -1
    ] == "Continue testing celadons and tenmokus."
    assert [(p.duration, p.planned_days) for p in roadmap.nodes][-1] == ("Day 61 - 90", (30, 30))


def test_a_last_updated_stamp_with_its_date_is_no_step():
    text = (
        "# Cerámica\n\n## Ruta 1\n\n- [x] Clase 01 | Amasado\n- [ ] Clase 02 | Centrado\n\n"
        "### `ÚLTIMA ACTUALIZACIÓN 21/12/2024`\n\n## Ruta 2\n\n- [ ] Clase 03 | Torneado\n\n"
        "Last updated: 2024-12-21\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Clase 01 | Amasado", "Clase 02 | Centrado", "Clase 03 | Torneado"], titles


def test_a_russian_finished_block_and_the_rules_of_working_with_a_mentor():
    text = (
        "# Гончарное дело\n\n### Блок 1: Глина — ЗАВЕРШЁН\n\n- Замес\n- Центровка\n\n"
        "### Блок 2: Круг — В ПРОЦЕССЕ\n\n- Вытягивание\n\n"
        "## Правила работы с ментором\n\n1. Ментор даёт задания\n2. Студент лепит сам\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, p.status.value) for p in roadmap.nodes] == [
        ("Блок 1: Глина", "done"),
        ("Блок 2: Круг", "doing"),
    ]
    assert [leaf.title for leaf in roadmap.leaves()] == ["Замес", "Центровка", "Вытягивание"]


def test_a_video_an_illustration_and_a_time_estimate_are_not_steps():
    text = (
        '# Pottery Roadmap\n\n## Intro video\n\n<div class="video">\n'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n</div>\n\n'
        '## Illustration\n\n<img src="/img/wheel.jpg" alt="The wheel" />\n\n'
        "## Roadmap\n\n1. **Wedging** - the base\n2. **Throwing** - the wheel\n"
        "3. **Firing** - the kiln\n\n## Estimated study time\n\n- **Basics**: 2-3 months\n"
        "- **Total**: 7-10 months\n\n## Thời gian học ước tính\n\n- **Cơ bản**: 2 tháng\n\n"
        "## Tài nguyên học tập\n\n- Tài liệu chính thức\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging - the base", "Throwing - the wheel", "Firing - the kiln"], titles


def test_korean_lecture_materials_are_the_courses_resources():
    text = (
        "# 도예\n\n## 물레 기초\n\n#### 강의 자료\n\n* [교재 깃허브](https://example.org/book)\n"
        "* [강의 영상](https://example.org/videos)\n\n#### 학습진도\n\n"
        "| 챕터 | 학습 내용 | 진행상태 |\n|---|---|---|\n"
        "| 1 | 꼬박밀기 | ✅ |\n| 2 | 중심잡기 | ⬜ |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["꼬박밀기", "중심잡기"]


def test_a_paragraph_log_of_numbered_sessions_after_a_line_of_text_is_read_line_by_line():
    sessions = "\n".join(f"进度{n}：练习拉坯第{n}次2026.7.{n + 1}" for n in range(12))
    text = f"# 陶艺记录\n\n## 进度\n一些记录\n{sessions}\n进度11：补交作品2026.7.20\n1111\n"
    roadmap = parse_roadmap(text, source="README.md")
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert len(titles) == 13 and titles[0].startswith("进度0"), titles
    assert "1111" not in titles and "一些记录" not in titles
    assert roadmap.leaves()[0].line == 5  # each entry keeps the line it was written on


def test_a_title_heading_over_bare_lines_is_the_title_not_an_entry():
    names = ["揉泥", "拉坯", "修坯", "上釉", "烧窑", "拉把手", "刻花", "施釉", "装窑"]
    roadmap = parse_roadmap("# 陶艺记录\n" + "\n".join(names) + "\n", source="README.md")
    assert roadmap.title == "陶艺记录"
    assert [leaf.title for leaf in roadmap.leaves()] == names


def test_the_technologies_and_libraries_a_repo_uses_are_not_steps():
    text = (
        "# kiln-projects\n\n## Lectures Included\n\n| Lecture | Topic | Status |\n|---|---|---|\n"
        "| Lecture 1 | Clay bodies | ✅ Completed |\n"
        "| Lecture 2 | Cone temperatures | ✅ Completed |\n\n"
        "## Technologies & Libraries\n\n* **Python**\n* **NumPy** – numerical computation\n"
        "* **SymPy** – symbolic math (glaze formulas, unity molecular formula)\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["Clay bodies", "Cone temperatures"]


def test_about_the_program_in_indonesian_vietnamese_and_spanish_is_the_intro():
    for about in ("Tentang Program", "Về khóa học", "Acerca del programa"):
        text = (
            f"# Kelas Keramik\n\n## {about}\n\nProgram intensif.\n\n- Hasil latihan\n"
            "- Catatan belajar\n\n## Progres\n\n| Modul | Topik | Status |\n|---|---|---|\n"
            "| 1 | Menguleni | ✅ |\n| 2 | Memusatkan | ⏳ |\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Menguleni", "Memusatkan"], (about, titles)


def test_an_equipment_list_and_a_weekly_time_commitment_are_not_steps():
    text = (
        "# Kiln Master Plan\n\n## Semester 1\n\n- Clay bodies\n- Cone packs\n\n"
        "## Semester 2\n\n- Reduction firing\n\n## Lab Equipment Checklist\n\n"
        "| Item | Model | Use |\n|---|---|---|\n| Pyrometer | K-type ($40) | Read the kiln. |\n"
        "| Scale | 0.1 g ($25) | Weigh glazes. |\n\n## Weekly Time Commitment\n\n"
        "- **Theory:** 5-7 hours/week (books).\n- **Studio:** 10+ hours/week.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Clay bodies", "Cone packs", "Reduction firing"], titles


def test_a_slot_the_title_gave_up_stays_beside_the_length_a_line_gives():
    text = (
        "# Pottery Year\n\n### 🏺 PART 1 — Hand Building (Weeks 1–3)\n\n"
        "**Duration:** 21 Days | **Daily Time:** 2 hours\n\n- Pinch pots\n- Coil pots\n\n"
        "### 🏺 PART 2 — The Wheel (Weeks 4–9)\n\n**Duration:** 42 Days (6 Weeks)\n\n"
        "- Centering\n- Pulling walls\n"
    )
    first, second = parse_roadmap(text).nodes
    assert (first.title, first.duration) == ("PART 1 — Hand Building", "Weeks 1–3 (21 Days)")
    assert first.planned_days == (21, 21)
    assert (second.title, second.duration) == ("PART 2 — The Wheel", "42 Days (6 Weeks)")


def test_the_outcome_after_some_weeks_is_what_the_part_gives_not_steps():
    text = (
        "# Pottery Year\n\n## Part 1: Hand Building\n\n#### Topics\n- Pinch pots\n- Coil pots\n\n"
        "#### Setup Checklist\n- [ ] Buy clay\n- [ ] Clear a table\n\n"
        "#### 🎓 Outcome After 3 Weeks\n✅ Confident with slabs  \n✅ Three finished pots  \n"
        "✅ A glaze notebook  \n✅ Ready for Part 2\n\n"
        "## Part 2: The Wheel\n\n#### Setup Checklist\n- [ ] Rent a wheel\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Confident with slabs" not in leaves and "Three finished pots" not in leaves, leaves
    assert "Rent a wheel" in leaves


def test_a_traffic_light_inside_a_box_is_a_state():
    text = (
        "# Glaze Lab\n\n### Progress\n```\n[✅] Basics\n    [✅] Mixing\n    [✅] Sieving\n"
        "[🟨] Firing\n    [✅] Bisque\n    [ ] Glaze firing\n[ ] Testing\n    [ ] Test tiles\n```\n"
    )
    roadmap = parse_roadmap(text)
    states = {node.title: node.status for node in roadmap.walk()}
    assert states["Firing"] == "doing" and states["Bisque"] == "done"
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Mixing", "Sieving", "Bisque", "Glaze firing", "Test tiles",
    ]  # fmt: skip


def test_labels_one_after_another_are_entries_not_filled_in_yet():
    text = (
        "# Kiln Notes\n- [Firing:](firing/)\n\t+ [Bisque](firing/bisque.md)\n"
        "\t+ [Glaze](firing/glaze.md)\n- [Clay:](clay/)\n\t+ [Bodies](clay/bodies.md)\n"
        "\t+ [Slips](clay/slips.md)\n\n"
        "- Glaze chemistry:\n- Kiln building:\n- Raku:\n\n- Salt firing\n- Wood firing\n"
    )
    titles = [node.title for node in parse_roadmap(text).nodes]
    assert titles[-5:] == ["Glaze chemistry", "Kiln building", "Raku", "Salt firing", "Wood firing"]


def test_a_checklist_fenced_under_another_language_is_read_with_the_page_title():
    text = (
        "# 📘 Ceramics Study Plan\n\n## Tujuan\nBelajar keramik dalam 1 tahun.\n\n```yaml\n"
        "## Roadmap & Checklist\n\n### 1. Clay (2 Minggu)\n- ✅ Jenis tanah liat\n"
        "- [ ] Menguleni\n\n### 2. Wheel (4 Minggu)\n- [ ] Memusatkan\n- [ ] Menarik dinding\n```\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Ceramics Study Plan"
    assert _tree(roadmap) == [
        ("1. Clay", ["Jenis tanah liat", "Menguleni"]),
        ("2. Wheel", ["Memusatkan", "Menarik dinding"]),
    ]
    assert roadmap.leaves()[0].status == "done"


def test_a_korean_progress_table_groups_rows_by_section_and_reads_the_ticks():
    rows = [
        ("1", "손빚기", "핀치"),
        ("1", "손빚기", "코일"),
        ("2", "물레", "센터링"),
        ("2", "물레", "성형"),
    ]
    text = (
        "# 도예 진도\n\n| 섹션 번호 | 섹션 제목 | 주제 | 진행 여부 |\n|---|---|---|---|\n"
        + "".join(
            f"| {n} | {section} | {topic} |✅ 2025/04/1{i} |\n"
            for i, (n, section, topic) in enumerate(rows)
        )
    )
    roadmap = parse_roadmap(text)
    assert [[leaf.title for leaf in phase.leaves()] for phase in roadmap.nodes] == [
        ["핀치", "코일"], ["센터링", "성형"],
    ]  # fmt: skip
    assert all(leaf.status == "done" for leaf in roadmap.leaves())


def test_polish_steps_in_folds_are_the_plan_even_when_only_described():
    text = (
        "# Zostań garncarzem\n\n## Dlaczego?\n\nBo glina uczy cierpliwości.\n\n## Roadmap\n\n"
        + "".join(
            f"<details>\n<summary><strong>⏳ Krok {n} — {name}</strong></summary>\n\n"
            f"{body}\n\n</details>\n\n"
            for n, (name, body) in enumerate(
                [
                    ("Przygotowanie", "Glina, narzędzia, stół."),
                    ("Toczenie", "Centrowanie i wyciąganie ścianek."),
                    ("Szkliwienie", "Mieszanie szkliw:\n\n- Próbki\n- Wypał testowy"),
                ]
            )
        )
    )
    titles = [phase.title for phase in parse_roadmap(text).nodes]
    assert titles == ["Krok 0 — Przygotowanie", "Krok 1 — Toczenie", "Krok 2 — Szkliwienie"]


def test_a_linked_introduction_chapter_and_a_linked_question_are_lessons():
    text = (
        "# Formation Céramique\n\n## 0. [Introduction](./chapitres/0_intro/index.md)\n\n"
        "## 1. Les bases\n\n- #### [L'argile](./chapitres/1/argile.md)\n"
        "- #### [Les outils](./chapitres/1/outils.md)\n\n## 2. Le tour\n\n"
        "- #### [Centrer quoi ?](./chapitres/2/intro.md)\n"
        "- #### [Centrer](./chapitres/2/centrer.md)\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == [
        "0. Introduction",
        "1. Les bases",
        "2. Le tour",
    ]
    assert [leaf.title for leaf in roadmap.nodes[2].leaves()] == ["Centrer quoi ?", "Centrer"]


def test_a_week_card_with_a_status_line_is_one_step_with_that_state():
    week = (
        "#### Week {n}: {name}\n- **Focus**: {name} in practice\n- **Reading**: chapter {n}\n"
        "- **Studio Task**: {task}\n- **Status**: {state}\n\n"
    )
    text = "# Ceramics Year\n\n### Month 1: Hand Building\n\n" + "".join(
        week.format(n=n, name=name, task=task, state=state)
        for n, (name, task, state) in enumerate(
            [
                ("Pinching", "Three pinch pots", "✅ Done"),
                ("Coiling", "A coil vase", "⬜ Not Started"),
                ("Slabs", "A slab box", "⬜ Not Started"),
            ],
            start=1,
        )
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Week 1: Pinching",
        "Week 2: Coiling",
        "Week 3: Slabs",
    ]
    assert [leaf.status for leaf in leaves] == ["done", "todo", "todo"]
    assert "Three pinch pots" in leaves[0].notes


def test_a_french_skills_tracker_reads_its_traffic_lights_and_acquired_list():
    text = (
        "# Suivi — Céramique\n\n## Profil\n- **Formation** : BTS design\n"
        "- **Objectif** : ouvrir un atelier\n\n## État des compétences\n\n"
        "| Compétence | Statut | Détail |\n|---|---|---|\n| Tournage | 🟡 À reprendre | — |\n"
        "| Émaillage | 🔴 À démarrer | — |\n| Modelage | 🟢 Bases acquises | — |\n"
        "| Cuisson | ⏳ Plus tard | — |\n\n## Modelage — Acquis\n\n- ✅ Pincer une forme\n"
        "- ✅ Monter au colombin\n\n## Prochaine séance\n\n- [ ] Centrer 2 kg\n"
    )
    roadmap = parse_roadmap(text)
    states = {leaf.title: leaf.status for leaf in roadmap.leaves()}
    assert states == {
        "Tournage": "doing",
        "Émaillage": "todo",
        "Modelage": "done",
        "Cuisson": "todo",
        "Pincer une forme": "done",
        "Monter au colombin": "done",
        "Centrer 2 kg": "todo",
    }, states


def test_the_one_chapter_tracked_so_far_is_a_part_not_a_wrapper():
    text = (
        "# The Potter's Book\n\n## 1 Working with Clay\n\n### 1.1 Clay Bodies\n\n"
        "#### 1.1.1 Earthenware\n- [x] Fire a test tile\n\n"
        "#### 1.1.2 Stoneware\n- [ ] Mix a body\n\n"
        "### 1.2 Wedging\n\n#### 1.2.1 Ram's head\n- [x] Wedge 1 kg\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["1 Working with Clay"]
    assert [topic.title for topic in roadmap.nodes[0].children] == [
        "1.1 Clay Bodies",
        "1.2 Wedging",
    ]


def test_a_syllabus_lists_its_weeks_as_records_from_the_first_and_keeps_its_admin_aside():
    weeks = "".join(
        f"**Week {n}: {name}**\n- Topics: {name.lower()} basics\n- Readings: Leach, ch. {n}\n"
        "- Due: N/A\n\n"
        for n, name in enumerate(["Clay", "Wedging", "Centering", "Trimming"], start=1)
    )
    text = (
        "# Course Syllabus\n\n## Ceramics I\n\n### Learning Objectives:\n"
        "- Throw a cylinder of even walls.\n- Glaze a pot safely.\n\n"
        f"### Weekly Schedule:\n{weeks}### Grading Scale:\n- A: 90-100%\n- B: 80-89%\n"
    )
    roadmap = parse_roadmap(text)
    weeks_read = [node for node in roadmap.walk() if node.title.startswith("Week ")]
    assert [node.title for node in weeks_read] == [
        "Week 1: Clay", "Week 2: Wedging", "Week 3: Centering", "Week 4: Trimming",
    ]  # fmt: skip
    titles = [node.title for node in roadmap.walk()]
    assert not any(t.startswith(("A:", "Throw a cylinder")) for t in titles), titles


def test_a_reading_appendix_beside_a_boxed_plan_is_reading_not_steps():
    text = (
        "# Kiln Exam Checklist\n\n## Core firing\n- [ ] Cone charts\n- [ ] Bisque schedule\n"
        "- [ ] Glaze schedule\n\n## Safety\n- [ ] Ventilation\n- [ ] Gloves and glasses\n\n"
        "# Essential Resources\n\n## Official Guides\n"
        "- [Orton cones](https://example.org/cones) - the cone chart\n"
        "- [Kiln manual](https://example.org/manual) - the maker's manual\n\n"
        "## Training\n- [Firing course](https://example.org/course) - free lessons\n"
        "- [Glaze lab](https://example.org/lab) - hands-on\n\n"
        "## Cone Summary\n- **Cone 06**: low fire\n- **Cone 6**: mid fire\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Cone charts", "Bisque schedule", "Glaze schedule", "Ventilation", "Gloves and glasses",
    ]  # fmt: skip


def test_a_project_named_in_bold_to_write_your_own_is_a_step_not_the_template():
    text = (
        "# Pottery by making\n\n### Step 1: Make your own tools\n\n👉 **Projects to do**:\n"
        "- **Carve a rib** (from a plastic card)\n- **Write your own glaze recipe** (cone 6)\n"
        "- **Build a banding wheel** (lazy susan)\n- _Add your own projects here_\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert any(title.startswith("Write your own glaze recipe") for title in titles), titles
    assert not any("Add your own" in title for title in titles), titles


def test_a_week_whose_labels_name_tracks_keeps_each_track_s_steps():
    week = (
        "### 📍 Week {n}\n- **Throwing**:\n  - {a}\n  - {b}\n- **Glazing**:\n  - {c}\n"
        "  - Photograph the tiles after the glaze firing\n"
        "- **Studio**:\n  - Clean the wheel and the splash pan after each session\n"
        "  - Reclaim the week's trimmings into a fresh bag\n\n"
    )
    text = "# Pottery Quarter\n\n## Month 1: Foundations\n\n" + "".join(
        week.format(n=n, a=a, b=b, c=c)
        for n, (a, b, c) in enumerate(
            [
                (
                    "Center 1 kg of clay – five times, timing each try",
                    "Open and compress the floor until it stops cracking",
                    "Mix a test glaze from the base recipe and weigh it twice",
                ),
                (
                    "Pull a cylinder – three pulls, walls even from foot to rim",
                    "Trim a foot ring on yesterday's leather-hard pots",
                    "Dip three tiles in the test glaze at three thicknesses",
                ),
                (
                    "Throw a bowl – wide curve, no S-crack in the floor",
                    "Throw a mug and pull a handle for it",
                    "Layer two glazes on tiles and note the overlap",
                ),
            ],
            start=1,
        )
    )
    roadmap = parse_roadmap(text)
    weeks = [node for node in roadmap.walk() if node.title.startswith("Week")]
    assert [len(week.leaves()) for week in weeks] == [6, 6, 6]
    assert any(leaf.title.startswith("Pull a cylinder") for leaf in roadmap.leaves())


def test_material_for_teachers_is_not_the_learner_s_plan():
    for heading in ("Für Lehrkräfte", "For Teachers", "Para docentes"):
        text = (
            "# Töpferkurs\n\n## Kapitel\n\n- Ton vorbereiten\n- Zentrieren\n- Hochziehen\n\n"
            f"## {heading}\n- 🎓 Unterrichtsplan\n- 📊 Übungsblätter\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Ton vorbereiten", "Zentrieren", "Hochziehen"], (heading, titles)


def test_how_a_study_group_runs_is_not_its_plan():
    for heading in ("진행 방식", "How it works", "Funcionamiento"):
        text = (
            f"# Pottery study\n\n## {heading}\n\n- **Rules**\n  - Watch one lesson a week\n"
            "  - Post your notes by Sunday\n- **Folders**\n  - notes/name.md\n\n"
            "## Progress\n\n- [x] Week 1: Wedging\n- [x] Week 2: Centring\n- [ ] Week 3: Pulling\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Week 1: Wedging", "Week 2: Centring", "Week 3: Pulling"], (
            heading,
            titles,
        )


def test_a_checklist_gone_through_each_time_is_not_progress():
    for heading in ("Checklist (before each commit)", "QUICK CHECKLIST (перед каждым коммитом)"):
        text = (
            "# Glaze lab\n\n## Phase 1: Tests\n\n- Line blend\n- Triaxial blend\n\n"
            f"## {heading}\n\n- [ ] Kiln shelf clean\n- [ ] Cones in place\n- [ ] Vent open\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Line blend", "Triaxial blend"], (heading, titles)


def test_facts_at_a_glance_metrics_and_a_mapping_to_the_plan_are_text():
    text = (
        "# Wheel in 8 weeks\n\n## Quick overview\n\n- Pieces: 40\n- Duration: 8 weeks\n"
        "- Studio days: Mon–Sat\n\n## Weeks\n\n### Week 1\n\n- Wedging\n- Centring\n\n"
        "### Week 2\n\n- Pulling\n- Trimming\n\n## Weekly Metrics & Targets\n\n"
        "- Pieces thrown\n- Pieces kept\n\n## Course modules → my roadmap mapping\n\n"
        "| Module | Weeks |\n|---|---|\n| Clay 1 | 1 |\n| Wheel 1 | 2 |\n\n"
        "## Extensions I can help with\n\nIf you'd like, I can:\n\n"
        "- Make a glaze plan.\n- Add a kiln log.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Pulling", "Trimming"], titles


def test_a_template_s_project_name_fields_are_not_projects():
    text = (
        "# 30 days of clay\n\n## Days\n\n- Wedging\n- Centring\n\n## Projects\n\n"
        "1. **Project Name**: Description of the project and key features.\n"
        "2. **Project Name**: Description of the project and key features.\n3. ...\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedging", "Centring"]


def test_an_overview_naming_sections_by_two_ideographs_is_an_overview():
    text = (
        "# 2024 陶艺计划\n\n## 计划\n\n1. **技法**：拉坯、修坯\n2. **釉料**：配釉与试片\n"
        "3. 其他，看展览\n\n### 技法\n\n- 拉坯\n- 修坯\n\n### 釉料\n\n- 配釉\n\n"
        "### 其他\n\n- 看展览\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["拉坯", "修坯", "配釉", "看展览"], titles


def test_dated_lines_under_a_heading_are_the_days_of_a_log():
    lines = [f"3月{day}日：拉坯 {day} 个" for day in range(1, 8)]
    text = (
        "## 练习\n\n目标是每天练习。到月底能拉出一个碗。\n\n"
        + "\n\n".join(lines)
        + "\n\n---\n\n已经练了三十个，现在需要复习，总结。\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "练习"
    assert [leaf.title for leaf in roadmap.leaves()] == lines


def test_a_chat_answer_pasted_as_text_takes_each_label_over_its_sentences_as_a_step():
    steps = ["Get Some Clay", "Wedge It Well", "Centre on the Wheel", "Say Hello to the Kiln!"]
    blocks = [
        f"{step if step.endswith('!') else step + ':'}\n"
        f"This step is about {step.lower()}, and it takes a few quiet evenings to learn well."
        for step in steps
    ]
    text = "\n\n".join(blocks) + "\n\nRemember, the journey is the point. Happy throwing!\n"
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == steps
    assert "quiet evenings" in roadmap.leaves()[0].notes


def test_learning_objectives_pasted_as_text_are_the_steps_and_their_answers_the_notes():
    goals = [
        "You name the three kinds of clay.",
        "You explain why clay is wedged.",
        "You describe what happens in a bisque firing.",
        "You compare earthenware with stoneware",
    ]
    answers = [
        "Earthenware, stoneware and porcelain differ in how hot they fire and how much "
        "water they take up after firing.",
        "Wedging pushes the air out of the clay and makes its water even, so the pot does "
        "not crack or burst in the kiln.",
        "The first firing drives out the last water and turns the clay into ceramic that no "
        "longer softens in water.",
        "Stoneware fires hotter and holds water without a glaze, while earthenware stays "
        "porous and needs its glaze.",
    ]
    text = (
        "\n\n".join(f"{goal} \n{answer}" for goal, answer in zip(goals, answers, strict=True))
        + "\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == goals
    assert "pushes the air out" in roadmap.leaves()[1].notes


def test_a_list_of_short_lines_under_each_title_line_is_no_headline_and_its_answer():
    # lines of a pasted outline are entries of their own, not one headline over a note
    text = (
        "Plan for the wheel\n\nWeek 1: Centring\nWedge the clay for ten minutes a day\n"
        "Centre a small lump\nOpen it up\n\nWeek 2: Pulling\nPull the walls up evenly\n"
        "Trim the foot\nDry it slowly\n\nWeek 3: Glazing\nMix a simple glaze\n"
        "Dip three pots\nFire them\n\nWeek 4: Review\nLook at every pot again\n"
        "Write down what failed\nPlan the next month\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Trim the foot" in leaves and len(leaves) >= 12, leaves


def test_a_page_name_keeps_the_pace_its_author_wrote_after_it():
    text = "# Clay Study Plan (2 hrs/day)\n\n## Week 1\n\n- Wedging\n\n## Week 2\n\n- Centring\n"
    assert parse_roadmap(text).title == "Clay Study Plan (2 hrs/day)"


def test_logseq_block_properties_are_no_words_of_the_plan():
    text = (
        "- ### 陶艺一个月计划\n\t- 第一周：\n\t  collapsed:: true\n\t\t- Day 1：揉泥\n"
        "\t\t- Day 2：定中心\n\t- 第二周：\n\t  collapsed:: true\n\t\t- Day 3：开孔\n"
        "\t\t  id:: 64f0c1a2-0000-4000-8000-000000000000\n\t\t- Day 4：提拉\n"
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert not any("::" in title for title in titles), titles
    assert [leaf.title for leaf in parse_roadmap(text).leaves()][-1] == "Day 4：提拉"


def test_a_chinese_heading_recommending_platforms_is_a_resource_list():
    text = (
        "# 陶艺计划\n\n## 第一周\n\n- 揉泥\n- 定中心\n\n## 第二周\n\n- 开孔\n\n"
        "## 推荐的一些学习平台\n\n1. Clayshare: 免费的视频课程\n2. Kilnbook: 烧窑记录工具\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["揉泥", "定中心", "开孔"], titles


def test_a_tree_drawn_beside_a_day_table_is_a_picture_of_the_plan_not_more_steps():
    rows = "\n".join(f"| **{day:02d}** | Glaze test {day} | ⏳ TODO |" for day in range(1, 9))
    text = (
        "# Glazing in 8 days\n\n## Tracker\n\n| Day | Topic | Status |\n|---|---|---|\n"
        + rows
        + "\n\n## Path\n\n```\n🚀 START\n├─ Week 1: Basics\n│  ├─ Mixing\n│  ├─ Dipping\n"
        "│  └─ Firing\n└─ Week 2: Colour\n   ├─ Oxides\n   └─ Layering\n```\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == [f"Glaze test {day}" for day in range(1, 9)], titles


def test_a_bullet_listing_topics_by_semicolons_is_the_sections_content_not_its_description():
    sections = {
        "Clay": "Wedging the clay; centring on the wheel; coning up and down",
        "Walls": "Opening the form; pulling the walls; collaring the neck",
        "Feet": "Trimming when leather hard; cutting foot rings; signing the base",
    }
    text = "# Wheel course\n\n" + "".join(f"## {k}\n\n- {v}\n\n" for k, v in sections.items())
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == list(sections)
    assert all(phase.leaves() for phase in roadmap.nodes)


def test_pasted_text_a_sentence_after_a_run_of_topic_names_is_a_remark_not_a_step():
    text = (
        "🚀 STAGE 1 — Clay\n\nTODO:\n\nWedging\n\nCentring\n\nConing\n\n"
        "This is where clay feels alive.\n\n🚀 STAGE 2 — Walls\n\nTopics:\n\nOpening\n\n"
        "Pulling\n\nCollaring\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Coning", "Opening", "Pulling", "Collaring"], titles


def test_pasted_text_lowercase_lines_under_a_numbered_entry_are_its_parts():
    text = (
        "🚀 STAGE 1 — Projects\n\nWe will build two small things:\n\n1) Glaze tile board\n\n"
        "tiles fired in one kiln load\n\nlabels written in oxide\n\n2) Lidded jar\n\n"
        "a flange that fits\n\n🚀 STAGE 2 — Firing\n\nTopics:\n\nBisque\n\nGlaze firing\n"
    )
    roadmap = parse_roadmap(text)
    jar = next(node for node in roadmap.walk() if node.title == "Glaze tile board")
    assert [child.title for child in jar.children] == [
        "tiles fired in one kiln load",
        "labels written in oxide",
    ]


def test_a_quick_start_guide_is_how_to_use_the_repository_not_steps():
    text = (
        "# Clay in 2 weeks\n\n## Week 1\n\n- Wedging\n- Centring\n\n## Week 2\n\n- Pulling\n\n"
        "## Quick Start Guide\n\n### Step 1: Clone\n\n- Clone this repository\n\n"
        "### Step 2: Folders\n\n- Make a folder per week\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Pulling"], titles


def test_a_lone_number_under_a_korean_day_heading_is_a_group_of_that_day():
    text = (
        "# 도예 기록\n\n## 1일차\n1. 흙 준비\n   - 꼬막밀기\n\n<br/>\n\n## 2일차\n1. 물레\n"
        "   - 중심잡기\n   - 기벽 올리기\n\n<br/>\n\n2. 중요 메모\n\n- 물은 적게\n\n<br/>\n\n"
        "2. 더 볼 것\n\n- 유약 책\n\n## 3일차\n1. 굽깎기\n   - 굽\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["1일차", "2일차", "3일차"]


def test_tools_and_resources_named_together_are_resources_in_any_language():
    for heading in ("工具与资源", "Tools and resources", "Herramientas y recursos"):
        text = (
            f"# Clay\n\n## Week 1\n\n- Wedging\n- Centring\n\n## {heading}\n\n"
            "- [Clay forum](https://example.org/forum)\n- [Kiln docs](https://example.org/kiln)\n"
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Wedging", "Centring"], (heading, titles)


def test_pasted_text_nests_each_new_kind_of_numbered_part_inside_the_last():
    text = (
        "https://chat.example.org/c/1234\n\n2-Month Clay Plan\n\nMonth 1: Basics\n\n"
        "Week 1: Clay\n\nDays 1-2: Wedging\n\nRam's head\n\nSpiral wedge\n\n"
        "Days 3-5: Centring\n\nCone up\n\nCone down\n\nWeek 2: Walls\n\nDays 1-3: Pulling\n\n"
        "First pull\n\nMonth 2: Glazes\n\nWeek 3: Mixing\n\nDays 1-2: Weighing\n\nScales\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "2-Month Clay Plan"
    assert [phase.title for phase in roadmap.nodes] == ["Month 1: Basics", "Month 2: Glazes"]
    week = roadmap.nodes[0].children[0]
    assert [day.title for day in week.children] == ["Days 1-2: Wedging", "Days 3-5: Centring"]


def test_a_readmes_installation_and_usage_sections_are_about_the_repository():
    text = (
        "# Clay roadmap\n\n## Track A\n\n1. Wedging\n2. Centring\n\n## Getting Started\n\n"
        "### Installation\n\n1. Clone the repository\n\n```bash\ngit clone https://example.org/clay\n"
        "```\n\n2. Install required packages\n\n### Learning Path Usage\n\n"
        "1. Start with Track A\n2. Track your progress\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring"], titles


def test_pasted_text_a_week_named_again_under_a_marked_section_stays_inside_it():
    text = (
        "Clay Plan\n\n📅 Week 1: Basics\n\nDay 1: Wedging\n\nRam's head\n\nDay 2: Centring\n\n"
        "Cone up\n\n📅 Week 2: Walls\n\nDay 3: Pulling\n\nFirst pull\n\n🚀 Success Metrics\n\n"
        "Week 1 Goal:\n\nCentre a pound of clay\n\nWeek 2 Goal:\n\nPull a cylinder\n"
    )
    roadmap = parse_roadmap(text)
    phases = [node.title for node in roadmap.nodes]
    assert not any("Goal" in title for title in phases), phases


def test_a_closing_part_timed_like_the_hours_before_it_is_the_plans_last_part():
    hours = "".join(
        f"## Hour {n}: {topic} (60 min)\n\n- {topic} basics\n- {topic} drills\n\n"
        for n, topic in enumerate(["Wedging", "Centring", "Pulling"], start=1)
    )
    text = (
        "# One-day clay plan\n\n" + hours + "## Wrap-Up (30 min)\n\n- Review key moves\n"
        "- Complete the recap quiz\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes][-1] == "Wrap-Up"
    assert roadmap.leaves()[-1].title == "Complete the recap quiz"


def test_pasted_text_with_parts_typed_under_other_lines_reads_one_line_at_a_time():
    # the plan's name, "Month 1" and "Week 1" typed in one block; "Week 2" right under a
    # project line: blank lines do not part this plan, its numbered lines do
    text = (
        "https://chat.example.org/c/42\n\n6-Week Clay Plan\nMonth 1: Hand Building\n"
        "Week 1: Pinching\n\nDays 1-2: First pots\n\nPinch a bowl\nPinch a cup\n\n"
        "Days 3-5: Thinner walls\n\nEven walls\nSmooth rims\n\n"
        "Weekend Project: a tea set\nWeek 2: Coils\n\nDays 1-3: Rolling\n\nEven coils\n"
        "Joining coils\n\nMonth 2: Wheel\nWeek 5: Centring\n\nDays 1-2: Cone\n\nCone up\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "6-Week Clay Plan"
    assert [phase.title for phase in roadmap.nodes] == [
        "Month 1: Hand Building",
        "Month 2: Wheel",
    ]
    assert [week.title for week in roadmap.nodes[0].children] == [
        "Week 1: Pinching",
        "Week 2: Coils",
    ]


def test_pasted_text_closing_sections_stand_beside_the_parts_not_inside_the_last():
    text = (
        "Clay Plan\n\nWeek 1: Basics\n\nDay 1: Wedging\n\nRam's head\n\nSpiral wedge\n\n"
        "Week 2: Walls\n\nDay 3: Pulling\n\nFirst pull\n\nSecond pull\n\n"
        "Daily Study Pattern (Weekdays)\n\n30 mins: Review yesterday's pots\n\n"
        "45 mins: Throw\n\nLearning Resources\n\nThe Potter's Handbook\n\nClay Basics Videos\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Ram's head", "Spiral wedge", "First pull", "Second pull"], titles


def test_pasted_text_a_colon_label_inside_a_day_stays_inside_it():
    text = (
        "Clay Plan\n\nWeek 1: Basics\n\nDay 1: Wedging (2 hours)\n\nLearning Method:\n\n"
        "Watch one wedging video\n\nPractice: wedge five balls\n\nDay 2: Centring (2 hours)\n\n"
        "Learning Method:\n\nCentre one pound\n\nWeek 2: Walls\n\nDay 3: Pulling\n\nFirst pull\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Week 1: Basics", "Week 2: Walls"]
    assert len(roadmap.leaves()) >= 3


def test_a_numbered_part_name_right_over_its_list_is_not_a_bare_line_of_the_intro():
    # every line ends in a hard break; the first part's name sits under the subtitle
    text = (
        "# Clay map  \n\nfor the spring course  \n\n---  \n\nStage 1  \n\n- wedging  \n"
        "- centring  \n- coning  \n\nStage 2  \n\n- pulling  \n- trimming  \n\n"
        "Stage 3  \n\n- glazing  \n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, len(p.leaves())) for p in roadmap.nodes] == [
        ("Stage 1", 3),
        ("Stage 2", 2),
        ("Stage 3", 1),
    ]


def test_a_board_of_week_states_ticks_the_weeks_it_counts_and_is_not_more_steps():
    text = (
        "# 陶艺\n\n## 学习计划\n### 第一周：揉泥\n- [揉泥](/w1/wedge.md)\n"
        "- [定中心](/w1/centre.md)\n\n"
        "### 第二周：拉坯\n- [拉坯](/w2/pull.md)\n\n## 进度看板\n| 周数 | 完成状态 | 关键成果 |\n"
        "|---|---|---|\n| 1 | ✅ 100% | 能定中心 |\n| 2 | 🚧 70% | 拉出直筒 |\n"
    )
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes] == ["第一周：揉泥", "第二周：拉坯"]
    assert [leaf.status for leaf in roadmap.leaves()] == ["done", "done", "todo"]
    assert "能定中心" in roadmap.notes


def test_a_progress_copy_of_the_plan_passes_its_struck_entries_to_the_plan():
    text = (
        "# Clay course\n\n## Modules\n\n### 01 - Wedging\n\n* Ram's head;\n* Spiral wedge;\n"
        "* Cone wedging.\n\n### 02 - Throwing\n\n* Centring;\n* Pulling;\n* Trimming.\n\n"
        "## Progress\n\n### 01 - Wedging ✅\n\n* ~~Ram's head;~~\n* ~~Spiral wedge;~~\n"
        "* ~~Cone wedging.~~\n\n### 02 - Throwing\n\n* ~~Centring;~~\n* Pulling;\n* Trimming.\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert len(leaves) == 6
    assert [leaf.status for leaf in leaves] == ["done"] * 4 + ["todo"] * 2


def test_a_plan_drawn_as_a_tree_outside_any_code_block_is_read_as_the_tree():
    text = (
        "# Clay plan\n\n|-- Week 1: Hand building\n|   |-- Pinching\n|   |   |-- Pinch a bowl\n"
        "|   |   |-- Pinch a cup\n|   |-- Coils\n|   |   |-- Roll even coils\n|\n"
        "|-- Week 2: Wheel\n|   |-- Centring\n|   |   |-- Cone up\n|   |   |-- Cone down\n"
        "|-- Resources and Community (https://example.org/clay)\n|   |-- Pottery books\n"
        "|   |-- Local studios\n\nLike this post? Share it!\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == [
        "Week 1: Hand building",
        "Week 2: Wheel",
    ]
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Pinch a bowl",
        "Pinch a cup",
        "Roll even coils",
        "Cone up",
        "Cone down",
    ]


def test_a_folder_tree_drawn_outside_code_beside_a_plan_is_not_read_as_steps():
    text = (
        "# Clay tool\n\n## Layout\n\n|-- README.md\n|-- clay.py\n|-- tests/\n|   |-- test_clay.py\n"
        "|-- pyproject.toml\n\n## Steps\n\n- Write the glaze calculator\n- Publish it\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Write the glaze calculator", "Publish it"], titles


def test_roman_numbered_bold_lines_under_a_bold_worded_part_are_its_sections():
    text = (
        "**CLAY PLAN**\n\n**PART 1: HAND BUILDING**\n\n**I. Pinching**\n\n- Pinch a bowl\n"
        "- Pinch a cup\n\n**II. Coils**\n\n- Roll coils\n- Join coils\n\n"
        "**PART: 2: THE WHEEL**\n\n**I. Centring**\n\n- Cone up\n- Cone down\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == [
        "PART 1: HAND BUILDING",
        "PART: 2: THE WHEEL",
    ]
    assert [len(phase.leaves()) for phase in roadmap.nodes] == [4, 2]


def test_a_closing_part_of_dated_entries_whatever_its_name_is_the_learners_log():
    text = (
        "# Clay roadmap\n\n## Order\n1. Wedging\n2. Centring\n3. Pulling\n4. Trimming\n\n"
        "## Where I am\n- 2022/11/16\n  * finished wedging\n- 2022/11/20\n  * finished centring\n"
        "- 2022/12/01\n  * pulled my first cylinder\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Wedging",
        "Centring",
        "Pulling",
        "Trimming",
    ]
    assert "2022/11/16" in roadmap.notes


def test_a_plan_made_only_of_dated_sessions_keeps_them_as_steps():
    text = (
        "# Clay course\n\n## Sessions\n- 2022/11/16\n  * wedging\n- 2022/11/23\n  * centring\n"
        "- 2022/11/30\n  * pulling\n"
    )
    assert len(parse_roadmap(text).leaves()) >= 3


def test_obsidian_callouts_nested_in_a_layout_callout_keep_their_boxes_and_ticks():
    text = (
        "# Clay\n\n## Week 1\n\n>[!multi-column| medium]\n>\n>>[!todo] Wedging\n"
        ">>- [ ] Ram's head\n>>- [x] Spiral wedge\n>\n>>[!todo] Also know\n>>- [ ] Cone\n\n"
        "## Week 2\n\n> [!todo] Throwing\n> - [ ] Centre\n> - [x] Pull\n"
    )
    roadmap = parse_roadmap(text)
    assert [phase.title for phase in roadmap.nodes] == ["Week 1", "Week 2"]
    assert [group.title for group in roadmap.nodes[0].children] == ["Wedging", "Also know"]
    assert [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()] == [
        ("Ram's head", "todo"),
        ("Spiral wedge", "done"),
        ("Cone", "todo"),
        ("Centre", "todo"),
        ("Pull", "done"),
    ]


def test_a_plain_text_syllabus_lists_its_topics_one_to_a_line_under_a_label():
    text = (
        "# CLAY101\nCLAY101 Ceramics, 7.5 credits, is a course for first-year students.\n\n"
        "Course Content\nThe goal of the course is that the student learns to throw and glaze.\n\n"
        "The course treats:\n\nWedging and centring. Ram's head and spiral wedging.\n"
        "Throwing cylinders. Pulling walls and trimming feet.\n"
        "Glazes and firing. Dipping, pouring and loading the kiln.\n\n"
        "Teaching\nThe teaching consists of studio sessions.\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Wedging and centring",
        "Throwing cylinders",
        "Glazes and firing",
    ]


def test_a_logged_day_whose_heading_ends_in_a_colon_is_still_one_of_the_days():
    text = (
        "# Clay log\n\n### Day 1: March\n\nDid wedging.\n\n### Day 2:\n\nWent to the studio.\n\n"
        "### Day 3:\n\nCentred.\n\n### Day 4: April\n\nPulled.\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert [t.split(":")[0] for t in titles] == ["Day 1", "Day 2", "Day 3", "Day 4"], titles


def test_a_goal_heading_over_a_paragraph_is_still_text():
    text = "# Clay\n\n## Week 1\n\n- Wedging\n- Centring\n\n### Goal:\n\nCentre a pound of clay.\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring"], titles
