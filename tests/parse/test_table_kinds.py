"""Kinds of tables the rules in docs/READING.md must read as their authors meant: each case
is a small roadmap of that kind, written for this test."""

from __future__ import annotations

from roadvault.model import Roadmap, Status
from roadvault.parse import parse_roadmap


def _tree(roadmap: Roadmap) -> list[tuple[str, list[str]]]:
    return [(phase.title, [leaf.title for leaf in phase.leaves()]) for phase in roadmap.nodes]


def test_a_table_of_goal_and_homework_under_each_lesson_is_that_lessons_notes():
    text = (
        "# Bread baking course\n\n## Month 1 - Basics\n\n"
        "### Lesson 1 — Flour and water\n\n"
        "| Field | Detail |\n|---|---|\n"
        "| Goal | Mix a simple dough by hand |\n"
        "| Homework | Bake one loaf and photograph the crumb |\n\n"
        "### Lesson 2 — Starters\n\n"
        "| Field | Detail |\n|---|---|\n"
        "| Goal | Feed a sourdough starter for a week |\n"
        "| Check | The starter doubles in six hours |\n"
        "| Homework | Keep a feeding log |\n"
    )
    roadmap = parse_roadmap(text)
    [(phase, lessons)] = _tree(roadmap)
    assert phase == "Month 1 - Basics"
    assert [title.endswith(("Flour and water", "Starters")) for title in lessons] == [True, True]
    lesson = roadmap.nodes[0].leaves()[1]
    assert "Goal: Feed a sourdough starter for a week" in lesson.notes
    assert "Homework: Keep a feeding log" in lesson.notes


def test_a_key_value_table_in_another_language_describes_its_lesson():
    text = (
        "# Curso de cerámica\n\n## Semana 1\n\n### Clase 1 — El torno\n\n"
        "| Elemento | Descripción |\n|---|---|\n"
        "| Objetivo | Centrar el barro |\n| Teoría | Velocidad y presión |\n"
        "| Tarea | Tres cilindros |\n\n"
        "### Clase 2 — Esmaltes\n\n"
        "| Elemento | Descripción |\n|---|---|\n"
        "| Objetivo | Preparar un esmalte |\n| Tarea | Probar dos colores |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Clase 1 — El torno", "Clase 2 — Esmaltes"]
    assert all(leaf.status is Status.TODO for leaf in roadmap.leaves())


def test_a_two_column_table_of_topics_and_resources_stays_items():
    text = (
        "# Statistics\n\n## Topics\n\n| Topic | Resources |\n|---|---|\n"
        "| Distributions | Chapter 2 |\n| Sampling | Chapter 3 |\n"
        "| Hypothesis tests | Chapter 5 |\n| Regression | Chapter 7 |\n"
    )
    assert _tree(parse_roadmap(text)) == [
        ("Topics", ["Distributions", "Sampling", "Hypothesis tests", "Regression"])
    ]


def _done(roadmap: Roadmap) -> list[str]:
    return [leaf.title for leaf in roadmap.leaves() if leaf.status is Status.DONE]


def test_status_codes_and_progress_bars_in_a_tracker_say_what_is_done():
    text = (
        "# 学习进度\n\n## 基础\n\n| 课程 | 状态 |\n|---|---|\n"
        "| Databases 101 | CPLT |\n| Operating Systems | [WIP](https://example.org/os) |\n"
        "| Tools | N/A |\n| Distributed Systems | TBD |\n\n"
        "## 讲座\n\n| 번호 | 강의 | 진척도 |\n|---|---|---|\n"
        "| 1 | Spring intro | ![](https://bars.example.dev/progress/100) |\n"
        "| 2 | Spring MVC | ![](https://bars.example.dev/progress/0) |\n"
    )
    roadmap = parse_roadmap(text)
    assert _done(roadmap) == ["Databases 101", "Spring intro"]
    statuses = {leaf.title: leaf.status for leaf in roadmap.leaves()}
    assert statuses["Operating Systems"] is Status.DOING
    assert statuses["Distributed Systems"] is Status.TODO
    assert not any("CPLT" in leaf.title or "progress" in leaf.title for leaf in roadmap.leaves())


def test_a_tick_at_the_end_of_a_cell_marks_its_row_done_and_leaves_the_title():
    text = (
        "# Piano practice\n\n| Day | Piece | Drills |\n|---|---|---|\n"
        "| 1 | Minuet in G | Scales C, G ✅ |\n| 2 | **Arabesque ✅** | Arpeggios |\n"
        "| 3 | Recital piece (Hoàn thành ✅) | Sight reading |\n| 4 | Prelude | Chords |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Minuet in G",
        "Arabesque",
        "Recital piece",
        "Prelude",
    ]
    assert _done(roadmap) == ["Minuet in G", "Arabesque", "Recital piece"]


def test_a_timetable_of_weeks_by_weekdays_gives_each_session_under_its_week():
    text = (
        "# Spanish evening course\n\n## Schedule\n\n"
        "| Semana | Lun | Mié | Vie |\n|---|---|---|---|\n"
        "| Semana 1 | Saludos | Números | Descanso |\n"
        "| Semana 2 | Verbos regulares | Ser y estar | Repaso oral |\n"
    )
    # the one "Schedule" section wraps the weeks: they become the phases
    assert _tree(parse_roadmap(text)) == [
        ("Semana 1", ["Saludos", "Números"]),
        ("Semana 2", ["Verbos regulares", "Ser y estar", "Repaso oral"]),
    ]


def test_a_week_topic_resources_table_stays_one_item_per_week():
    text = (
        "# Spanish evening course\n\n## Plan\n\n| Week | Topic | Resources |\n|---|---|---|\n"
        "| 1 | Greetings | Unit 1 audio |\n| 2 | Numbers | Unit 2 audio |\n"
        "| 3 | Regular verbs | Unit 3 audio |\n"
    )
    assert _tree(parse_roadmap(text)) == [("Plan", ["Greetings", "Numbers", "Regular verbs"])]


def test_a_week_with_one_point_stays_a_week_when_the_others_list_points():
    text = "# Plan\n\n| Week | Topics |\n|---|---|\n| 1 | - Arrays<br>- Lists |\n| 2 | - Trees |\n"
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["1", "2"]
    assert "Trees" in roadmap.nodes[1].title + roadmap.nodes[1].notes + str(
        [leaf.title for leaf in roadmap.nodes[1].leaves()]
    )


def test_what_the_learner_wrote_in_a_completed_column_says_done_or_not():
    text = (
        "# Self-study\n\n| Course | Completed |\n|---|---|\n| Algebra | [Finished] |\n"
        "| Calculus | [Took the class, got an A] |\n| Physics | [Incompleted] |\n"
        "| Chemistry | [] |\n| Biology | NA |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status for leaf in leaves] == [
        Status.DONE,
        Status.DONE,
        Status.TODO,
        Status.TODO,
        Status.SKIPPED,  # "NA": not applicable
    ]


def test_a_week_table_whose_every_column_is_a_day_gives_one_item_per_day():
    cell = "📅 **Day {n}**<br>🗂 **Topic:** {topic}<br>♻️ **Review:** {review}"
    days = [("Knife grips", "Safety"), ("Stocks", "Knife grips"), ("Sauces", "Stocks")]
    text = (
        "## 📅 WEEK 1 (MARCH)\n\n| Mon 3 | Tue 4 | Wed 5 | Thu 6 |\n|---|---|---|---|\n| "
        + " | ".join(cell.format(n=n, topic=t, review=r) for n, (t, r) in enumerate(days, 1))
        + " | Rest |\n"
    )
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes] == ["WEEK 1 (MARCH)"]
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Day 1: Knife grips",
        "Day 2: Stocks",
        "Day 3: Sauces",
    ]
    assert "Review:" in leaves[0].notes and "Safety" in leaves[0].notes


def test_a_course_table_grouped_by_a_merged_category_cell_in_japanese_groups_its_rows():
    rows = [
        ("1-1", "包丁<br>(約3h)", "基本の持ち方", "完了"),
        ("1-2", "", "みじん切り", "完了"),
        ("1-3", "", "かつらむき", ""),
        ("2-1", "出汁<br>(約2h)", "昆布出汁", "完了"),
        ("2-2", "", "鰹出汁", ""),
    ]
    body = "".join(f"|{a}|{b}|{c}|{d}|\n" for a, b, c, d in rows)
    text = (
        "## 和食の練習\n\n|No.|コース分類|コース|ステータス|\n|--|--|--|--|\n"
        + body
        + "\n## 感じたこと\n\n- 包丁は毎日触るのが大事だと思った\n- 出汁は思ったより簡単\n"
    )
    roadmap = parse_roadmap(text)
    groups = {node.title: [leaf.title for leaf in node.leaves()] for node in roadmap.walk()}
    assert groups["包丁"] == ["基本の持ち方", "みじん切り", "かつらむき"], groups
    assert groups["出汁"] == ["昆布出汁", "鰹出汁"], groups
    assert len(roadmap.leaves()) == 5  # the impressions are the learner's, not steps
    assert sum(leaf.status is Status.DONE for leaf in roadmap.leaves()) == 3


def test_a_statistics_table_by_category_is_no_step_but_a_course_table_with_counts_is():
    stats = (
        "## Statistics\n\n| Category | Total | Done | Progress |\n|---|---|---|---|\n"
        "| Books | 16 | 1 | 6% |\n| Practical Tasks | 10 | 2 | 20% |\n"
    )
    text = "# Kiln\n\n## Tasks\n\n- [ ] Stack the kiln\n- [x] Clean the shelves\n\n" + stats
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Stack the kiln",
        "Clean the shelves",
    ]
    courses = (
        "# Kiln\n\n## Courses taken\n\n| Course | Total hours | Done |\n|---|---|---|\n"
        "| Loading | 3 | 1 |\n| Firing | 4 | 2 |\n"
    )
    assert [leaf.title for leaf in parse_roadmap(courses).leaves()] == ["Loading", "Firing"]


def test_the_topic_column_names_the_rows_not_the_longer_assignments_beside_it():
    text = (
        "## Schedule\n\n| Unit | Topic | Assignments/Activities |\n|---|---|---|\n"
        "| Unit 1 | Clay bodies | Discussion: which clay for which pot, post by Friday |\n"
        "| Unit 2 | Glaze chemistry | Mix three test glazes and photograph the tiles |\n"
        "| Unit 3 | Kiln firing | Write a firing log for your first bisque load |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Clay bodies", "Glaze chemistry", "Kiln firing"], titles


def test_a_week_column_filled_only_where_a_week_starts_groups_the_rows_under_it():
    text = (
        "# Wheel class\n\n| Week | Notes | Monday | Thursday |\n|---|---|---|---|\n"
        "| W01 | | 3/2 | 3/5 |\n| | | **Wedging** <br> spiral and ram's head | **Centering** |\n"
        "| W02 | | 3/9 | 3/12 |\n| | | **Pulling walls**, <br>[Trim a foot](https://example.org/t) "
        "| **Glazing** |\n"
        "| W03 | No class | | |\n| | | Studio open | Studio open |\n"
        "| W04 | | 3/23 | 3/26 |\n| | | **Critique** | **Firing** |\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes][:4] == ["W01", "W02", "W03", "W04"]
    assert all(node.duration in (None, "") for node in roadmap.nodes[:4])
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert not any("<br>" in title for title in titles), titles


def test_a_table_of_lists_side_by_side_is_read_column_by_column():
    text = (
        "# Wheel\n\n**Skills**\n\n| Beginner | Intermediate | Expert |\n|---|---|---|\n"
        "| Wedging | Trimming | Altered forms |\n| Centering | Handles | Large platters |\n"
        "| Opening | Lids | |\n| Pulling walls | | |\n"
    )
    roadmap = parse_roadmap(text)
    groups = {
        node.title: [c.title for c in node.children] for node in roadmap.walk() if node.children
    }
    assert groups["Beginner"] == ["Wedging", "Centering", "Opening", "Pulling walls"], groups
    assert groups["Expert"] == ["Altered forms", "Large platters"], groups
    assert len(roadmap.leaves()) == 9


def test_a_table_whose_rows_belong_together_is_still_read_by_rows():
    text = (
        "# Log\n\n| No | Lesson | Link |\n|---|---|---|\n| 01 | Wedging | [w](https://e.x/w) |\n"
        "| 02 | Centering | |\n| 03 | Trimming | |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centering", "Trimming"]


def test_a_script_column_names_the_rows_and_the_description_is_their_note():
    text = (
        "# Automation\n\n| Script | Description | Status |\n|---|---|---|\n"
        "| `kiln_log.py` | Logs each firing's temperature curve to a file | ✅ |\n"
        "| `glaze_calc.py` | Converts a glaze recipe to batch weights | ⬜ |\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == ["kiln_log.py", "glaze_calc.py"]
    assert "temperature curve" in leaves[0].notes
    assert leaves[0].status is Status.DONE


def test_a_done_column_gives_its_rows_their_state_and_a_lone_progress_table_is_the_roadmap():
    text = (
        "# Spring\n\n## Progress\n\n| 강의 | 완료 |\n|:---:|:---:|\n"
        "| [Core](https://e.x/c) | ✅ |\n"
        "| [MVC](https://e.x/m) | ✅ |\n| Boot | `진행예정` |\n\n"
    )
    roadmap = parse_roadmap(text)  # not refused: the table is the whole roadmap
    states = [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()]
    assert states == [("Core", "done"), ("MVC", "done"), ("Boot", "todo")], states


def test_a_count_of_done_things_is_no_state():
    text = "# T\n\n| Area | 已完成 | 总数 |\n|---|---|---|\n| Clay | 0 | 6 |\n| Glaze | 0 | 3 |\n"
    assert all(leaf.status is Status.TODO for leaf in parse_roadmap(text).leaves())


def test_a_chapter_column_repeated_down_its_rows_groups_them():
    text = "\n".join(
        [
            "# Anatomy Review",
            "| Chapter | Topic | Status |",
            "|---|---|---|",
            "| Skeletal System | Bone tissue | ✅ |",
            "| Skeletal System | Joints | |",
            "| Muscular System | Muscle fibres | |",
            "| Muscular System | Contraction | |",
            "| Nervous System | Neurons | |",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("Skeletal System", ["Bone tissue", "Joints"]),
        ("Muscular System", ["Muscle fibres", "Contraction"]),
        ("Nervous System", ["Neurons"]),
    ]


def test_a_kind_column_whose_values_come_back_is_not_a_group():
    text = "\n".join(
        [
            "# Listening List",
            "| Category | Title |",
            "|---|---|",
            "| Podcast | History of Rome |",
            "| Book | SPQR |",
            "| Podcast | The Rest Is History |",
            "| Book | Rubicon |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["History of Rome", "SPQR", "The Rest Is History", "Rubicon"]


def test_a_stage_column_filled_once_per_stage_in_chinese_groups_its_rows():
    text = "\n".join(
        [
            "# 学习笔记",
            "| 课程阶段 | 课程笔记 | 课程地址 |",
            "|---|---|---|",
            "| 第一阶段: 基础 | 环境搭建 | |",
            "| | 基础语法 | |",
            "| | 流程控制 | |",
            "| 第二阶段: 进阶 | 多线程 | |",
            "| | 网络编程 | |",
        ]
    )
    assert _tree(parse_roadmap(text)) == [
        ("第一阶段: 基础", ["环境搭建", "基础语法", "流程控制"]),
        ("第二阶段: 进阶", ["多线程", "网络编程"]),
    ]


def test_a_problem_column_beside_a_topic_column_names_the_rows():
    text = "\n".join(
        [
            "# Chess Tactics",
            "| Topic | Puzzle | Link |",
            "|---|---|---|",
            "| Forks | Knight fork on f7 | https://example.org/1 |",
            "| Pins | Pin against the king | https://example.org/2 |",
            "| Forks | Royal fork | https://example.org/3 |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Knight fork on f7", "Pin against the king", "Royal fork"]


def test_the_main_focus_column_names_a_day_not_its_secondary_activity():
    text = "\n".join(
        [
            "# Revisão final",
            "| Dia | Foco Principal | Atividade Secundária |",
            "|---|---|---|",
            "| Segunda | Revisão de Álgebra | Ler resumos |",
            "| Terça | Revisão de Geometria | Refazer exercícios errados |",
            "| Quarta | Simulado | Organizar material |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Revisão de Álgebra", "Revisão de Geometria", "Simulado"]


def test_a_goal_date_column_never_names_the_rows():
    text = "\n".join(
        [
            "# Certification Tracker",
            "| Chapter | Element | Goal Date | Done |",
            "|---|---|---|---|",
            "| 1 | Read the foundation topics | 1/10/25 | |",
            "| | Answer the review questions | | |",
            "| 2 | Read the foundation topics | 8/10/25 | |",
            "| | Answer the review questions | | |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "1/10/25" not in leaves and "8/10/25" not in leaves, leaves
    assert leaves.count("Answer the review questions") == 2, leaves


def test_a_column_of_wikilinks_names_the_notes_even_under_a_note_header():
    text = "\n".join(
        [
            "# Course Map",
            "| Note | Purpose |",
            "|---|---|",
            "| [[Key Terms]] | The full glossary with definitions |",
            "| [[Employment Law]] | Every act the course refers to |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Key Terms", "Employment Law"]


def test_a_theme_column_named_inside_a_japanese_header_names_the_sessions():
    text = "\n".join(
        [
            "# 陶芸入門",
            "| 回 | 授業のテーマ | 授業の内容（90分） |",
            "|---|---|---|",
            "| 1 | オリエンテーション | 授業概要と評価方法の説明。必要な道具の準備について話す。 |",
            "| 2 | 粘土の種類 | 土の性質と練り方を学び、実際に菊練りを体験する。 |",
            "| 3 | 手びねり | 玉作りと紐作りで小さな器を作り、乾燥の注意点を学ぶ。 |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["オリエンテーション", "粘土の種類", "手びねり"]


def test_an_activity_column_names_the_rows_and_a_details_column_does_not():
    text = "\n".join(
        [
            "# Lịch học",
            "| Thời gian | Hoạt động | Chi tiết |",
            "|---|---|---|",
            "| 45 phút | **Phát âm** | Nghe và bắt chước từng âm, ghi âm lại giọng của mình |",
            "| 60 phút | **Từ vựng** | Học hai mươi từ mới bằng thẻ, ôn lại các từ của hôm qua |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Phát âm", "Từ vựng"]


def test_a_status_cell_written_as_a_github_shortcode_says_done():
    text = (
        "# Self-taught CS\n\n## Programming\n\n"
        "| Course | Status |\n|---|---|\n"
        "| Intro to Python | :heavy_check_mark: |\n"
        "| Data structures | :white_check_mark: |\n"
        "| Algorithms | :hourglass: |\n"
        "| Compilers | |\n\n## Systems\n\n- Operating systems\n- Networks\n"
    )
    phase = parse_roadmap(text).nodes[0]
    assert [(leaf.title, leaf.status) for leaf in phase.leaves()] == [
        ("Intro to Python", Status.DONE),
        ("Data structures", Status.DONE),
        ("Algorithms", Status.DOING),
        ("Compilers", Status.TODO),
    ]


def test_a_tracker_whose_last_rows_have_no_status_yet_is_still_read_by_rows():
    # the status column is filled from the top only, like a list column, but it is states
    text = (
        "# Self-taught CS\n\n## Programming\n\n"
        "| Course | Status |\n|---|---|\n"
        "| Intro to Python | done |\n| Data structures | in progress |\n"
        "| Algorithms | |\n| Compilers | |\n\n## Systems\n\n- Operating systems\n- Networks\n"
    )
    phase = parse_roadmap(text).nodes[0]
    assert [(leaf.title, leaf.status) for leaf in phase.leaves()] == [
        ("Intro to Python", Status.DONE),
        ("Data structures", Status.DOING),
        ("Algorithms", Status.TODO),
        ("Compilers", Status.TODO),
    ]


def test_the_topic_column_names_the_rows_not_the_longer_focus_beside_it():
    text = (
        "# Guia de cerâmica\n\n## Roteiro\n\n"
        "| Etapa | Tópico de Estudo | Foco Principal | Status |\n|---|---|---|---|\n"
        "| **01** | **Argila** | Tipos de argila, umidade, como amassar sem bolhas | ✅ |\n"
        "| **02** | **Torno** | Centralizar, abrir, levantar paredes finas | ⏳ |\n"
        "| **03** | **Esmaltes** | Química básica, aplicação por imersão, queima | ⬜ |\n\n"
        "## Prática\n\n- Uma caneca\n- Um prato\n"
    )
    phase = parse_roadmap(text).nodes[0]
    assert [(leaf.title, leaf.status) for leaf in phase.leaves()] == [
        ("Argila", Status.DONE),
        ("Torno", Status.DOING),
        ("Esmaltes", Status.TODO),
    ]


def test_a_day_row_listing_its_points_takes_the_status_columns_tick():
    text = (
        "# Knitting Sprint\n\n## Two-week plan\n\n"
        "Date | Plan | Complete\n:-: | :- | :-:\n"
        "3/1 | 1. Cast on<br>2. Knit stitch | ✅\n"
        "3/2 | 1. Purl stitch<br>2. Ribbing | ✅\n"
        "3/3 | 1. Decreases<br>2. Bind off |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "Cast on",
        "Knit stitch",
        "Purl stitch",
        "Ribbing",
        "Decreases",
        "Bind off",
    ]
    done = [leaf.title for leaf in leaves if leaf.status is Status.DONE]
    assert done == ["Cast on", "Knit stitch", "Purl stitch", "Ribbing"]


def test_a_progress_status_column_named_in_korean_gives_each_row_its_state():
    text = (
        "# 스터디\n\n## 문제\n\n| 주차 | 문제 | 진행<br/>현황 |\n|:-:|:-:|:-:|\n"
        "| 1주차 | 두 수의 합 | 완료 |\n| 2주차 | 멀리 뛰기 | 진행 중 |\n| 3주차 | 피자 | |\n"
    )
    states = [leaf.status for leaf in parse_roadmap(text).leaves()]
    assert states[:2] == [Status.DONE, Status.DOING], states


def test_a_lecture_table_whose_state_column_says_jinhaeng_sangtae_is_ticked_by_it():
    text = (
        "# 도예 강의\n\n### 유약\n|진행상태|강의내용|\n| --- | --- |\n"
        "| :white_check_mark: | [1강. 유약 개요](a.md) |\n"
        "| :white_check_mark: | [2강. 시유](b.md) |\n"
        "| | [3강. 소성](c.md) |\n"
    )
    states = [leaf.status for leaf in parse_roadmap(text).leaves()]
    assert states == [Status.DONE, Status.DONE, Status.TODO], states


def test_a_day_log_keeps_the_days_whose_topic_is_not_written_yet():
    text = (
        "# Glass Blowing Log\n\n## Week 1\n"
        "| Day | Date | Summary | Status |\n| :-: | :-: | :-- | :-: |\n"
        "| **001** |\n"
        "| **002** | 2 Mar | Gathering glass | ✅ |\n"
        "| **003** | 3 Mar | Marvering | ✅ |\n"
        "| **004** | 4 Mar | | ⬜ |\n"
        "| **005** | 5 Mar | | ⬜ |\n"
    )
    [(phase, leaves)] = _tree(parse_roadmap(text))
    assert phase == "Week 1"
    assert leaves[:2] == ["Gathering glass", "Marvering"]
    assert leaves[2:] == ["Day 004", "Day 005"], leaves


def test_a_key_of_one_symbol_per_row_is_text_but_a_column_of_the_same_tick_is_status():
    text = (
        "# Glass roadmap\n\n| Símbolo | Significado |\n|---|---|\n"
        "| 🔴 | **Crítico** — no avanzar sin dominar |\n| 🟡 | Importante |\n"
        "| 🟢 | Opcional |\n\n## Etapa 1\n\n| Hecho | Tarea |\n|---|---|\n"
        "| ✅ | Cortar vidrio |\n| ✅ | Pulir bordes |\n| | Soldar |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["Cortar vidrio", "Pulir bordes", "Soldar"]
    assert [leaf.status for leaf in leaves] == [Status.DONE, Status.DONE, Status.TODO]


def test_a_row_whose_title_cell_is_empty_takes_its_step_from_another_column():
    text = (
        "# Pottery course\n\n|Day | Slides | Worksheets | Notes |\n|---|---|---|---|\n"
        "|Day 1|M1S1|M1W1| |\n|Day 2|M1S2|M1W2| |\n|Day 3| | |Review for the firing test|\n"
        "|Day 4| | |Firing test|\n|Day 5|M2S1|M2W1| |\n|-----|----|----|\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["M1S1", "M1S2", "Review for the firing test", "Firing test", "M2S1"], titles


def test_a_tick_in_brackets_in_a_status_cell_is_done():
    text = (
        "# Kiln book\n\n| Chapter | Status |\n|---|---|\n| 1: Clay | [ ] |\n"
        "| 2: Firing | [✓] |\n| 3: Glaze | (✓) |\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {"1: Clay": "todo", "2: Firing": "done", "3: Glaze": "done"}


def test_a_reading_tracker_with_its_status_column_still_empty_keeps_its_rows():
    text = (
        "# Clay\n\n## Tier 1\n\n| Reading | Status | Evidence |\n| :-- | :-: | :-: |\n"
        "| [The Potter's Book](https://example.org/a) | | |\n"
        "| [Glaze Basics](https://example.org/b) | | |\n"
        "| [Kiln Notes](https://example.org/c) | | |\n\n"
        "## Log\n\n| Day | Done | Notes |\n|---|---|---|\n| Mon | | |\n| Tue | | |\n| Wed | | |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    # nothing read yet is still to read; the days of a blank log are not steps
    assert titles[:3] == ["The Potter's Book", "Glaze Basics", "Kiln Notes"]
    assert not {"Mon", "Tue", "Wed"} & set(titles)


def test_a_phase_table_stays_the_plan_beside_per_phase_advice_under_resources():
    text = (
        "# Cerâmica\n\n## Navegação\n\n| Fase | Duração | Descrição |\n|---|---|---|\n"
        "| Fase 1 | 2 meses | Modelagem |\n| Fase 2 | 2 meses | Torno |\n"
        "| Fase 3 | 1 mês | Esmaltes |\n\n## Recursos Recomendados\n\n"
        "### Fase 1 - Modelagem\n\n1. Leia o livro A\n2. Veja o vídeo B\n\n"
        "### Fase 2 - Torno\n\n1. Curso C\n2. Curso D\n"
    )
    roadmap = parse_roadmap(text)
    rows = {leaf.title: leaf.duration for leaf in roadmap.leaves()}
    # advice per phase under "Recommended resources" does not make the table an overview
    assert {"Modelagem", "Torno", "Esmaltes"} <= {title.split(": ")[-1] for title in rows}
    assert sorted(d for d in rows.values() if d) == ["1 mês", "2 meses", "2 meses"]


def test_a_status_cell_saying_when_it_is_planned_is_not_done():
    text = (
        "# Kiln\n\n| Month | Topic | Status |\n|---|---|---|\n| May | Bisque | ✅ 完了 |\n"
        "| June | Glaze | ✅ 完了予定 |\n| July | Raku | ✅ planned for July |\n"
    )
    statuses = {leaf.title: leaf.status.value for leaf in parse_roadmap(text).leaves()}
    assert statuses == {"Bisque": "done", "Glaze": "todo", "Raku": "todo"}


def test_a_day_off_in_a_schedule_is_no_step_and_keeps_its_group():
    text = (
        "# Clay course\n\n| Module | Date | Topic |\n|---|---|---|\n| Module 1 | 3/6 | Wedging |\n"
        "| | 3/8 | No class, spring break |\n| Module 2 | 3/13 | HOLIDAY - CAMPUS CLOSED |\n"
        "| | 3/15 | Centering |\n| | 3/20 | No lecture (happy Carnival!) |\n"
    )
    roadmap = parse_roadmap(text)
    parts = [(n.title, [c.title for c in n.children]) for n in roadmap.walk() if n.children]
    assert parts[-2:] == [("Module 1", ["Wedging"]), ("Module 2", ["Centering"])]


def test_a_category_column_right_of_the_titles_groups_the_rows_that_share_it():
    text = "\n".join(
        [
            "| Status | Lesson | Category | Notes |",
            "| --- | --- | --- | --- |",
            "| ☑ | [Pinch pots](https://example.org/1) | Hand building | |",
            "| ☑ | [Coil pots](https://example.org/2) | Hand building | [mine](notes/coil.md) |",
            "| ☐ | [Slab boxes](https://example.org/3) | Hand building | |",
            "| ☑ | [Centering](https://example.org/4) | Wheel | |",
            "| ☐ | [Pulling walls](https://example.org/5) | Wheel | |",
            "| ☐ | [Bisque firing](https://example.org/6) | Kiln | |",
            "| ☐ | [Glaze firing](https://example.org/7) | Kiln | |",
        ]
    )
    roadmap = parse_roadmap(text)
    groups = [
        (g.title, [(leaf.title, leaf.status.value) for leaf in g.leaves()]) for g in roadmap.nodes
    ]
    assert groups == [
        (
            "Hand building",
            [("Pinch pots", "done"), ("Coil pots", "done"), ("Slab boxes", "todo")],
        ),
        ("Wheel", [("Centering", "done"), ("Pulling walls", "todo")]),
        ("Kiln", [("Bisque firing", "todo"), ("Glaze firing", "todo")]),
    ], groups


def test_a_tech_stack_column_names_the_rows_and_a_focus_notes_column_describes_them():
    text = "\n".join(
        [
            "| Category | Tech Stack | Level | Focus / Notes |",
            "| :-- | :-- | :-: | :-- |",
            "| **Clay** | **Stoneware** | 🌴 | bodies, wedging |",
            "| | **Porcelain** | 🍀 | throwing thin (planned) |",
            "| **Kiln** | **Electric** | 🌴 | cone 6 firing |",
            "| | **Raku** | 🍀 | reduction (planned) |",
            "",
            "> **Proficiency Legend:**",
            ">",
            "> - 🍀 **Beginner:** learning the basics",
            "> - 🌴 **Intermediate:** works alone",
        ]
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Stoneware", "Porcelain", "Electric", "Raku"], titles


def test_progress_columns_of_a_mark_and_its_state_tick_the_rows():
    text = "\n".join(
        [
            "| # | Technique | Theory | Practice |",
            "|---|---|---|---|",
            "| 1 | Wedging | ✅ Completed | ✅ Completed |",
            "| 2 | Centering | ✅ Completed | ✅ Completed |",
            "| 3 | Trimming | 🔲 Pending | 🔲 Pending |",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Wedging", "done"),
        ("Centering", "done"),
        ("Trimming", "todo"),
    ]


def test_status_words_in_more_languages_tick_the_rows():
    from roadvault.parse.tables import status_of_words

    done = ["Terminé", "Completato", "Ukończone", "Tamamlandı", "Selesai", "Hoàn thành"]
    doing = ["In Bearbeitung", "In corso", "En progreso", "W trakcie", "Devam ediyor", "Đang học"]
    todo = ["Da fare", "Do zrobienia", "Belum selesai", "Chưa hoàn thành", "Nieukończone"]
    assert [status_of_words(w) for w in done] == ["x"] * len(done)
    assert [status_of_words(w) for w in doing] == ["/"] * len(doing)
    assert [status_of_words(w) for w in todo] == [" "] * len(todo)


def test_a_status_column_is_found_by_its_name_in_more_languages():
    for header in ("Stato", "Postęp", "Kemajuan", "状態", "Fatto", "Selesai"):
        text = "\n".join(
            [
                f"| Argomento | {header} |",
                "|---|---|",
                "| Argilla | done |",
                "| Tornio | in progress |",
            ]
        )
        leaves = parse_roadmap(text).leaves()
        assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
            ("Argilla", "done"),
            ("Tornio", "doing"),
        ], header


def test_the_title_column_is_found_by_its_name_in_more_languages():
    for header in ("Lezione", "Kurs", "Przedmiot", "Ders", "강의"):
        text = "\n".join(
            [
                f"| Ort | {header} | Note |",
                "|---|---|---|",
                "| Studio A | Argilla | ok |",
                "| Studio B | Tornio | ok |",
            ]
        )
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert titles == ["Argilla", "Tornio"], (header, titles)


def test_small_tables_inside_the_parts_are_their_steps_named_by_area_language_or_system():
    text = "\n".join(
        [
            "# Roteiro de cerâmica",
            "## 1) Fundamentos",
            "| Área | Conteúdos | Objetivo |",
            "|---|---|---|",
            "Argila | `argila`, `barro` | Preparar a massa |",
            "Torno | `torno` | Centrar e levantar |",
            "## 2) Esmaltes",
            "| Sistema | Pastas | Objetivo |",
            "|---|---|---|",
            "Fundamentos | `esmalte_base` | Misturar um esmalte |",
            "Queima | `forno` | Queimar a peça |",
        ]
    )
    phases = [(p.title, [leaf.title for leaf in p.leaves()]) for p in parse_roadmap(text).nodes]
    assert phases == [
        ("1) Fundamentos", ["Argila", "Torno"]),
        ("2) Esmaltes", ["Fundamentos", "Queima"]),
    ], phases


def test_a_table_typed_in_a_plain_block_after_a_code_block_is_read_and_the_code_is_not():
    text = "\n".join(
        [
            "# Kiln log",
            "```python",
            "temps = [900, 1240]",
            "```",
            "",
            "```",
            "Firing            | Cone",
            "----------------------",
            "✅ Bisque          | 04",
            "⬜ Glaze           | 6",
            "```",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Bisque", "done"),
        ("Glaze", "todo"),
    ]


def test_a_table_named_as_the_plan_beside_a_progress_checklist_is_kept():
    text = "\n".join(
        [
            "# Lớp gốm",
            "## CÁCH HỌC",
            "1. Mỗi bài có 2 file",
            "2. Làm xong thì báo",
            "## LỘ TRÌNH 4 TUẦN",
            "| Tuần | Chủ đề | Đích đến |",
            "|---|---|---|",
            "| **1** | Nhào đất | Một khối đất mịn |",
            "| **2** | Bóp chén | Một chén nhỏ |",
            "| **3** | Bàn xoay | Một hình trụ |",
            "| **4** | Tráng men | Một chén có men |",
            "## TIẾN ĐỘ",
            "- [x] Tuần 1 — Bài 1",
            "- [x] Tuần 1 — Bài 2",
            "- [ ] Tuần 2 — Bài 3",
            "- [ ] Tuần 2 — Bài 4",
            "- [ ] Tuần 3 — Bài 5",
        ]
    )
    titles = [node.title for node in parse_roadmap(text).walk()]
    assert "Nhào đất" in titles and "Tráng men" in titles, titles
    assert "Mỗi bài có 2 file" not in titles, titles


def test_a_key_table_whose_header_is_its_first_mark_gives_the_entries_their_state():
    text = (
        "# Kiln notes\n\n| 🟢 | **Fertig** |\n|---|---|\n| 🔴 | In Progress |\n\n"
        "## Glazes\n- 🟢 Celadon\n- 🔴 Tenmoku\n## Firing\n- 🟢 Bisque\n- 🔴 Raku\n"
    )
    roadmap = parse_roadmap(text)
    states = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    assert states == {"Celadon": "done", "Tenmoku": "doing", "Bisque": "done", "Raku": "doing"}
    assert "Kiln notes" in roadmap.title


def test_a_focus_column_named_in_indonesian_names_the_levels_steps():
    text = (
        "# Belajar Keramik\n\n## Roadmap\n\n| Level | Fokus | Output Skill Utama |\n"
        "| ----: | --- | --- |\n| 1 | Tanah liat dasar | Uleni, bentuk, keringkan |\n"
        "| 2 | Putaran | Centering, dinding, trimming |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Tanah liat dasar", "Putaran"]


def test_an_overall_progress_table_of_blanks_restates_the_phases_and_ticks_nothing():
    text = (
        "# Kiln tracker\n\n## Overall Progress\n\n| Phase | Completed | Total | Progress |\n"
        "|---|---|---|---|\n| Clay | __ / 2 | 2 | ☐☐ |\n| Glaze | __ / 2 | 2 | ☐☐ |\n"
        "| **TOTAL** | **__ / 4** | **4** | **___%** |\n\n"
        "## Phase 1: Clay\n\n| # | Assignment | Status |\n|---|---|---|\n"
        "| 1 | Wedging | ☐ |\n| 2 | Centering | ☐ |\n\n"
        "## Phase 2: Glaze\n\n| # | Assignment | Status |\n|---|---|---|\n"
        "| 1 | Dipping | ☐ |\n| 2 | Brushing | ☐ |\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Wedging",
        "Centering",
        "Dipping",
        "Brushing",
    ]
    assert all(leaf.status is Status.TODO for leaf in roadmap.leaves())


def test_a_bold_part_row_with_its_state_groups_the_rows_under_it():
    text = (
        "# Lernplan\n\n| Woche | Aufgabe | Status |\n|---|---|---|\n"
        "| **TEIL 1 – TON** | | **In Bearbeitung** |\n"
        "| 1 | Kneten | ✅ Erledigt |\n| 2 | Zentrieren | ⏳ Nicht begonnen |\n"
        "| **TEIL 2 – GLASUR** | | **⏳ Nicht begonnen** |\n"
        "| 3 | Tauchen | ⏳ Nicht begonnen |\n| 4 | Brennen | ⏳ Nicht begonnen |\n"
    )
    roadmap = parse_roadmap(text)
    groups = [node for node in roadmap.walk() if node.children]
    assert [len(g.leaves()) for g in groups if "TEIL" in g.title] == [2, 2]
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Kneten",
        "Zentrieren",
        "Tauchen",
        "Brennen",
    ]


def test_an_overview_tables_state_column_is_the_state_of_the_weeks_it_sums_up():
    text = "\n".join(
        [
            "# Çömlekçilik",
            "## Haftalik Plan",
            "| Hafta | Konu | Durum |",
            "|---|---|---|",
            "| 1 | Kil Hazirlama (KH) | Tamamlandi |",
            "| 2 | Tornada Ortalama | Tamamlandi |",
            "| 3 | Sirlama | Devam ediyor |",
            "| 4 | Raku Firini (RF) | Tamamlandi |",
            "## Detaylar",
            "### Hafta 1: Kil Hazirlama",
            "- Yogurma",
            "- Kurutma",
            "### Hafta 2: Tornada Ortalama",
            "- Merkezleme",
            "### Hafta 3: Sirlama",
            "- Daldirma",
            "- Firinlama",
            "### Hafta 4: Raku Firini",
            "- Raku",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "Yogurma",
        "Kurutma",
        "Merkezleme",
        "Daldirma",
        "Firinlama",
        "Raku",
    ]
    done = [leaf.title for leaf in leaves if leaf.status.value == "done"]
    assert done == ["Yogurma", "Kurutma", "Merkezleme", "Raku"], done


def test_points_beside_a_numbered_topic_say_what_it_covers_while_a_weeks_points_are_its_steps():
    topics = "\n".join(
        [
            "# Belajar Keramik",
            "| No | Materi | Sub Materi | Tujuan |",
            "|----|--------|------------|--------|",
            "| 1 | Tanah liat | - Jenis tanah<br>- Menguleni<br>- Mengeringkan | Paham bahan. |",
            "| 2 | Roda putar | - Memusatkan<br>- Menarik dinding | Bisa membentuk. |",
            "| 3 | Glasir | - Mencampur<br>- Mencelup | Bisa mewarnai. |",
        ]
    )
    leaves = [leaf.title for leaf in parse_roadmap(topics).leaves()]
    assert leaves == ["Tanah liat", "Roda putar", "Glasir"], leaves
    weeks = "\n".join(
        [
            "# Pottery",
            "| Week | Topic | Tasks |",
            "|---|---|---|",
            "| Week 1 | Clay | - Wedge 2 kg<br>- Dry a tile |",
            "| Week 2 | Wheel | - Centre<br>- Pull walls |",
        ]
    )
    assert len(parse_roadmap(weeks).leaves()) == 4, [
        leaf.title for leaf in parse_roadmap(weeks).leaves()
    ]


def test_a_result_column_saying_passed_ticks_the_module_and_a_learning_field_names_it():
    text = "\n".join(
        [
            "# Modulplan Töpferei",
            "| Jahr | Fach/Unterricht | Dozent | Lernfeld | Datum | Ergebnis |",
            "|---|---|---|---|---|---|",
            "| 2024 | TPF-Ton | A. Berg | Ton aufbereiten | 05.04.2024 | bestanden |",
            "| 2024 | TPF-Dreh | A. Berg | Gefäße drehen | 27.05.2024 | bestanden |",
            "| 2024 | TPF-Glas | B. Kern | Glasuren mischen | ... | ... |",
        ]
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [
        ("Ton aufbereiten", "done"),
        ("Gefäße drehen", "done"),
        ("Glasuren mischen", "todo"),
    ], leaves


def test_a_week_column_named_in_chinese_makes_the_listed_points_each_weeks_steps():
    text = (
        "# 烘焙计划\n\n| 周数 | 主题 | 每日任务 | 成果 |\n|---|---|---|---|\n"
        "| 第1周 | 面粉与水 | - 认识面粉<br>- 手揉面团<br>- 烤一个面包 | 第一个面包 |\n"
        "| 第2周 | 酵种 | - 养酵种<br>- 记录喂养 | 活跃的酵种 |\n"
        "| 第3周 | 整形 | - 预整形<br>- 最终整形<br>- 割包 | 漂亮的面包 |\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves[:3] == ["认识面粉", "手揉面团", "烤一个面包"], leaves
    assert len(leaves) == 8, leaves


def test_a_topic_column_named_in_traditional_characters_names_each_weeks_step():
    text = (
        "# 烘焙計畫\n\n| 週次 | 主題 | 具體內容 | 產出 |\n|---|---|---|---|\n"
        "| W1 | 麵粉與水 | 麵粉, 水分, 鹽 | 第一個麵包 |\n"
        "| W2 | 酵種 | 餵養, 溫度, 時間 | 活躍的酵種 |\n"
        "| W3 | 整形 | 預整形, 割包 | 漂亮的麵包 |\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    # the topic names the week's step; its contents and output are the step's notes
    assert leaves == ["麵粉與水", "酵種", "整形"], leaves


def test_a_stage_column_that_names_each_stage_after_its_number_titles_the_rows():
    text = (
        "# 陶艺六十天\n\n| 阶段 | 天数 | 任务 | 产出 |\n|---|---|---|---|\n"
        "| 0. 工具 | 0 | 买泥、买工具；整理工作台；把计划贴在墙上 | 一张照片 |\n"
        "| 1. 揉泥与定中心 | 1–3 | 每天揉泥三十分钟；练习定中心；记录失败原因 | 四个泥球 |\n"
        "| 2. 拉坯 | 4–9 | 开孔、拉高、收口；每天拉三个筒 | 十个筒 |\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    # the tasks describe each stage; the stage's own name is the step
    assert [title.split(". ")[-1] for title in leaves] == ["工具", "揉泥与定中心", "拉坯"], leaves


def test_the_boxes_one_column_over_from_an_empty_status_column_tick_the_rows():
    text = (
        "# Pottery courses\n\n## Wheel\n\n"
        "Course | Length | Status | Percentage\n:-- | :--: | :--: | :--:\n"
        "[Centring](https://example.org/c) | 4 weeks | 4 weeks | <ul><li>- [x] OK</li></ul>\n"
        "[Pulling](https://example.org/p) | 4 weeks | 1 weeks | 25.00%\n"
        "[Trimming](https://example.org/t) | 2 weeks | 0 weeks | 0.00%\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [("Centring", "done"), ("Pulling", "doing"), ("Trimming", "todo")], leaves


def test_an_area_column_names_the_rows_its_tasks_column_describes():
    text = (
        "# Pottery year\n\n## Week 0: Preparation\n\n| Area | Tasks | Resources |\n"
        "| :--- | :--- | :--- |\n"
        "| **Clay Skills** | Refresh wedging and centring. Throw ten cylinders. "
        "| [Guide](https://example.org/g) |\n"
        "| **Studio Setup** | Clean the wheel, order glazes, book kiln time. | Checklist |\n"
    )
    leaves = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert leaves == ["Clay Skills", "Studio Setup"], leaves


def test_a_weeks_own_table_repeating_its_topic_is_no_overview_of_the_weeks():
    text = (
        "# Pottery term\n\n### Week 1 - Throwing practice I\n| Date | Activity |\n|---|---|\n"
        "| 02/09 | Throwing practice |\n| 04/09 | Throwing practice |\n\n"
        "### Week 2 - Throwing practice II\n| Date | Activity |\n|---|---|\n"
        "| 09/09 | Throwing practice |\n| 11/09 | Trimming |\n\n"
        "### Week 3 - Glazes\n| Date | Activity |\n|---|---|\n| 16/09 | Dipping |\n"
    )
    assert len(parse_roadmap(text).leaves()) == 5


def test_a_holiday_row_in_bold_alone_is_a_day_off_not_a_group_of_the_lessons():
    text = (
        "# Töpferkurs\n\nNr | Datum | Thema\n---|---|---\n1 | 03.12. | Ton kneten\n"
        "2 | 10.12. | Zentrieren\n|| **Weihnachtsferien vom 23. Dezember bis zum 6. Januar**\n"
        "3 | 07.01. | Glasieren\n4 | 14.01. | Brennen\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Ton kneten",
        "Zentrieren",
        "Glasieren",
        "Brennen",
    ]
    # no group was made of the holiday: the lessons are one run, in one part
    assert [len(node.children) for node in roadmap.nodes] == [4]


def test_githubs_check_mark_shortcodes_in_an_unnamed_column_tick_the_rows():
    text = (
        "# 도예 학습 플랜\n\n### 1 기초\n\n"
        "| 파트 | 체크 | 학습시간 | 학습 내용 |\n|---|---|---|---|\n"
        "| 1 | :white_check_mark: | 4h | 흙 반죽 |\n| 1 | :white_large_square: | 5h | 중심 잡기 |\n"
        "| 2 | :heavy_check_mark: | 2h | 유약 |\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [("흙 반죽", "done"), ("중심 잡기", "todo"), ("유약", "done")], leaves


def test_named_columns_of_ticks_and_crosses_say_yes_or_no_not_done():
    text = (
        "# Taller de cerámica\n\n| Día | Presencial | Sincrónica | Temas |\n|---|---|---|---|\n"
        "| 5 Abril | ✔️ | ✔️ | Amasado |\n| 8 Abril | ❌ | ✔️ | Centrado |\n"
        "| 12 Abril | | | 🏖️ Semana santa |\n| 15 Abril | ✔️ | ✔️ | Esmaltes |\n"
    )
    leaves = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert leaves == [("Amasado", "todo"), ("Centrado", "todo"), ("Esmaltes", "todo")], leaves


def test_an_hourglass_beside_words_for_to_do_is_to_do():
    text = (
        "# Poterie\n\n| # | Titre | Statut |\n|---|---|---|\n| 1 | Argile | ✅ Validée |\n"
        "| 2 | Tournage | 🔄 En cours |\n| 3 | Émail | ⏳ À faire |\n| 4 | Cuisson | ⏳ Pending |\n"
    )
    states = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert states == ["done", "doing", "todo", "todo"], states


def test_a_column_of_links_to_note_paths_does_not_name_the_rows_a_named_column_does():
    text = (
        "# Plan de cerámica\n\n## Proyectos\n\n| # | Proyecto | Técnica | Estado | Link |\n"
        "|---|---|---|---|---|\n"
        "| 0 | Taza de té (gres) | Torno + esmalte | 🔲 | [[proyectos/00-taza]] |\n"
        "| 1 | Cuenco | Torno | 🔲 | [[proyectos/01-cuenco]] |\n"
        "| 2 | Jarrón | Churros + engobe | 🔲 | [[proyectos/02-jarron]] |\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Taza de té (gres)",
        "Cuenco",
        "Jarrón",
    ]
    # an Obsidian index whose links name its notes still takes them as the rows' names
    index = "# Cerámica\n\n| Nota | Resumen |\n|---|---|\n| [[Esmaltes]] | Todo sobre esmaltes |\n"
    index += "| [[Hornos]] | Cómo cargar un horno |\n"
    assert [leaf.title for leaf in parse_roadmap(index).leaves()] == ["Esmaltes", "Hornos"]


def test_a_description_names_no_row_beside_a_leftmost_column_of_names():
    text = (
        "# Pottery\n\n## Before you start\n\n"
        "| Prerequisites | Level | Description |\n|---|---|---|\n"
        "| Wedging | Beginner | Helps the clay hold together |\n"
        "| Centering | Beginner | Helps the clay hold together |\n"
        "| Trimming | Beginner | Makes a foot ring |\n\n"
        "## Week 1\n\n| # | Description |\n|---|---|\n"
        "| 1 | Throw a cylinder |\n| 2 | Pull a handle |\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, [leaf.title for leaf in p.leaves()]) for p in roadmap.nodes] == [
        ("Before you start", ["Wedging", "Centering", "Trimming"]),
        # with nothing else to name the rows, the description still does: no row is lost
        ("Week 1", ["Throw a cylinder", "Pull a handle"]),
    ]


def test_a_things_name_beats_its_description_and_a_label_and_number_does_not():
    text = (
        "# Pottery\n\n## Kilns\n\n| Event | When | Description |\n|---|---|---|\n"
        "| Bisque firing | May | Slow ramp to 1000 degrees, then cool overnight |\n"
        "| Glaze firing | June | Fast ramp to cone 6, hold for ten minutes |\n\n"
        "## Stages\n\n| Stage | Description |\n|---|---|\n"
        "| Stage 1 | Hand building |\n| Stage 2 | Wheel throwing |\n"
    )
    roadmap = parse_roadmap(text)
    assert [(p.title, [leaf.title for leaf in p.leaves()]) for p in roadmap.nodes] == [
        ("Kilns", ["Bisque firing", "Glaze firing"]),
        # "Stage 1" says which, the description what: the description names the step
        ("Stages", ["Hand building", "Wheel throwing"]),
    ]


def test_a_number_of_weeks_column_says_when_and_the_other_column_what():
    text = (
        "# Glazing plan\n\n| number of weeks | Learning Situation | Completion Status |\n"
        "| :--: | :--: | :--: |\n| FirstWeek | 釉薬 | None |\n"
        "| SecondWeek | 酸化物 | None |\n| ThirdWeek | 焼成 | None |\n"
    )
    # short names, as CJK ones are, still name the rows over the longer week labels
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["釉薬", "酸化物", "焼成"]


def test_a_banner_row_between_bold_week_rows_heads_the_rows_after_it():
    text = (
        "# Study log\n\n| Week | Topic | Problems |\n|---|---|---|\n"
        "| **Week 1** | Arrays | - |\n| **Week 2** | Lists | - |\n"
        "| **--- Problem solving ---** | | |\n"
        "| **Week 6** | Greedy | - |\n| **Week 7** | Graph search | - |\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert tree[-1] == ("Problem solving", ["Greedy", "Graph search"]), tree
    assert [leaf.title for leaf in roadmap.leaves()][:2] == ["Arrays", "Lists"]


def test_reading_slots_with_nothing_planned_yet_are_no_steps_and_keep_their_week():
    text = (
        "# Reading schedule\n\n## Week 4\n\n| Date | Day | Title | Review |\n|---|---|---|---|\n"
        "| 19/04/23 | Tue | [Kiln atmospheres][a] | [review](a.md) |\n"
        "| 19/04/23 | Tue | [Salt glazes][a] | [review](s.md) |\n"
        "| 19/04/25 | Thu | [Ash glazes][b] | [review](b.md) |\n"
        "| 19/04/25 | Thu | [Soda firing][b] | [review](d.md) |\n\n"
        "## Week 5\n\n| Date | Day | Title | Review |\n|---|---|---|---|\n"
        "| 19/04/30 | Tue | [Wood firing][c] | [review](c.md) |\n"
        "| 19/04/30 | Tue | [Pit firing][c] | [review](p.md) |\n"
        "| 19/05/02 | Thu | | |\n| 19/05/02 | Thu | | |\n\n"
        "[a]: https://example.org/a\n[b]: https://example.org/b\n[c]: https://example.org/c\n"
    )
    roadmap = parse_roadmap(text)
    tree = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    # Thursday of week 5 has no paper yet: no step named "Thu"; the week keeps its name
    assert tree == [
        ("Week 4", ["Kiln atmospheres", "Salt glazes", "Ash glazes", "Soda firing"]),
        ("Week 5", ["Wood firing", "Pit firing"]),
    ], tree


def test_a_theme_column_names_the_rows_and_the_content_beside_it_tells_them():
    text = (
        "# 陶芸\n\n| 日 | テーマ | 内容 | 進捗 |\n|---|---|---|:---:|\n"
        "| 0日目 | **土とは** | 粘土の種類と準備の仕方について | ✅ |\n"
        "| 1日目 | **菊練り** | 空気を抜く練り方を繰り返し練習する | ✅ |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["土とは", "菊練り"], titles


def test_a_short_name_column_names_the_rows_not_the_wordier_focus_beside_it():
    # "Hari | Topik | Fokus Belajar" (Indonesian: day, topic, what to focus on)
    text = (
        "# Belajar Tembikar\n\n| Hari | Topik | Fokus Belajar |\n|---|---|---|\n"
        "| **Day 1–2** | Tanah Liat | Jenis tanah liat, cara menguleni, dan menyimpan |\n"
        "| **Day 3** | Glasir | Mencampur glasir, mengukur, dan menguji warna di ubin |\n"
        "| **Day 4–5** | 🔥 Pembakaran | Suhu tungku, log pembakaran, dan keselamatan kerja |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Tanah Liat", "Glasir", "Pembakaran"], titles


def test_a_topic_and_goal_column_names_the_sessions_before_the_module_they_belong_to():
    text = (
        "# Pottery class\n\n| Session | Module | Topic / Goal | Status |\n|---|---|---|---|\n"
        "| 01 | 0: Setup | Studio tour, tools | ✅ Done |\n"
        "| 02 | 1: Hand building | Pinch pots | ✅ Done |\n"
        "| 03 | 1: Hand building | Coil pots | ➡️ Next |\n"
        "| 04 | | | ⏳ Scheduled |\n| 05 | | | |\n| 06 | | | |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:3] == ["Studio tour, tools", "Pinch pots", "Coil pots"], titles


def test_a_table_of_note_links_with_empty_columns_to_fill_is_a_tracker_not_a_blank_log():
    text = (
        "# 陶艺\n\n| 章节 | 作品 | 我的笔记 |\n| --- | -- | -- |\n"
        "| [[1-1-揉泥]] | | |\n| [[1-2-拉坯]] | | |\n| [[1-3-修坯]] | | |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["1-1-揉泥", "1-2-拉坯", "1-3-修坯"], titles


def test_a_name_column_names_the_rows_not_the_list_of_what_each_covers_beside_it():
    text = (
        "# 도예 8주\n\n| 주차 | 수업 | 다루는 내용 | 시간 |\n| --- | --- | --- | --- |\n"
        "| **1주차** | 흙 입문 | 꼬박밀기 / 보관 / 재생 | 약 1시간 30분 |\n"
        "| **2주차** | 물레 기초 | 중심 잡기 / 구멍 내기 / 벽 올리기 | 약 2시간 |\n"
        "| **3주차** | 유약 | 배합 / 시유 / 시험 소성 | 약 3시간 |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["흙 입문", "물레 기초", "유약"], titles


def test_points_in_a_cell_show_their_code_and_bold_as_markdown_shows_them():
    text = (
        "# Pottery\n\n| Week | Topic | Details |\n|---|---|---|\n"
        "| 1 | Kiln | • Load with `stilts`<br>• **Cone 6**: the usual top |\n"
        "| 2 | Glaze | • Dip `twice`<br>• Wax the foot |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert "Load with stilts" in titles and "Dip twice" in titles, titles
    assert not any("`" in title or "*" in title for title in titles), titles


def test_a_band_of_emphasized_cells_heads_the_plain_rows_under_it():
    text = (
        "# Pottery in two months\n\n| Week | Topic | Detail |\n| :--- | :--- | :--- |\n"
        "| **Month 1** | **Hand building** | *Focus: shaping by hand* |\n"
        "| 1 | Pinch pots | Thumb and fingers |\n| 2 | Coils | Rolling even coils |\n"
        "| **Month 2** | **The wheel** | *Focus: centring and pulling* |\n"
        "| 3 | Centring | Cone up and down |\n| 4 | Cylinders | Three pulls |\n"
    )
    tree = _tree(parse_roadmap(text))
    assert tree == [
        ("Month 1: Hand building", ["Pinch pots", "Coils"]),
        ("Month 2: The wheel", ["Centring", "Cylinders"]),
    ], tree


def test_a_topic_column_headed_in_thai_names_the_rows_before_the_lab_beside_it():
    text = (
        "# หลักสูตรเครื่องปั้นดินเผา\n\n## เดือน 1\n\n"
        "| สัปดาห์ | หัวข้อ | Lab |\n|---|---|---|\n"
        "| 1 | การนวดดิน — wedging, air bubbles | นวดดิน 2 กิโล |\n"
        "| 2 | การขึ้นรูป — centering, opening | ขึ้นรูปถ้วย 3 ใบ |\n"
        "| 3 | การเคลือบ — glaze, dipping | เคลือบถ้วย |\n"
    )
    [(_, rows)] = _tree(parse_roadmap(text))
    assert rows == [
        "การนวดดิน — wedging, air bubbles",
        "การขึ้นรูป — centering, opening",
        "การเคลือบ — glaze, dipping",
    ]


def test_what_the_learner_learned_is_no_name_for_a_row_of_a_challenge_log():
    text = (
        "# 30 days of pottery\n\n"
        "| Day | Challenge | What I Learned |\n|---|---|---|\n"
        "| 1 | Wedging | Air pockets crack a pot in the kiln; wedge until the cut face is even. |\n"
        "| 2 | Centering | Brace the elbow on the knee and let the wheel do the work. |\n"
        "| 3 | Opening | Leave a floor as thick as a finger, no thinner, then compress it. |\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == [
        "Wedging",
        "Centering",
        "Opening",
    ]


def test_a_status_column_of_arrows_and_hourglasses_has_one_week_under_way():
    text = (
        "# Pottery\n\n| Week | Topic | Status |\n|---|---|---|\n"
        "| 1 | Wedging | 🔄 |\n| 2 | Centering | ⏳ |\n| 3 | Trimming | ⏳ |\n"
    )
    states = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert states == ["doing", "todo", "todo"]


def test_a_subject_column_headed_in_chinese_names_the_rows_before_the_reference_column():
    text = (
        "# 陶艺笔记\n\n| 科目 | 进度 | 参考/推荐 |\n| :---: | :---: | :---: |\n"
        "| 拉坯 | `doing` | B站老师教学录制[视频](https://example.org/a) |\n"
        "| 上釉 | `done` | 暂无 |\n| 烧窑 | `to do` | 无 |\n"
    )
    rows = [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]
    assert rows == [("拉坯", "doing"), ("上釉", "done"), ("烧窑", "todo")]


def test_a_status_column_named_in_polish_ukrainian_or_persian_says_what_is_done():
    for header in ("Stan", "Стан", "وضعیت", "Voortgang"):
        text = (
            f"# Matura\n\n## Algorytmy\n\n| Temat | {header} | Uwagi |\n|---|:---:|---|\n"
            "| Rekurencja | ✅ Zrobione | |\n| Sortowanie | ❌ | trudne |\n"
            "| Sito Eratostenesa | ✅ Zrobione | |\n"
        )
        leaves = parse_roadmap(text).leaves()
        assert [leaf.title for leaf in leaves] == ["Rekurencja", "Sortowanie", "Sito Eratostenesa"]
        assert [leaf.status for leaf in leaves] == [Status.DONE, Status.TODO, Status.DONE], header


def test_a_chapter_or_entry_column_names_the_rows_beside_the_days_and_contents():
    text = (
        "# 🗓️ **Lịch học đại số (42 ngày)**\n\nVới trọng tâm chính là:\n\n"
        "- **LADR**: khung lý thuyết\n- **Jänich**: trực giác\n\n"
        "# 📘 **GIAI ĐOẠN 1: LADR (21 ngày)**\n\n"
        "|Chương|Số ngày|Nội dung mỗi ngày|\n|---|---|---|\n"
        "|Ch.1 Vector Spaces|5 ngày|1: Định nghĩa. 2: Ví dụ|\n"
        "|Ch.2 Span|6 ngày|1: Span. 2: Bài tập|\n\n"
        "# 📗 **GIAI ĐOẠN 2: Hình học (21 ngày)**\n\n|Mục|Ngày|Nội dung|\n|---|---|---|\n"
        "|Dual space|4|Vẽ minh họa|\n|Orthogonality|3|Góc vuông|\n\n"
        "# 📙 **GIAI ĐOẠN 3: Ôn tập (7 ngày)**\n\n|Mục|Ngày|Nội dung|\n|---|---|---|\n"
        "|Tổng kết|7|Viết note|\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Ch.1 Vector Spaces", "Ch.2 Span", "Dual space", "Orthogonality", "Tổng kết",
    ]  # fmt: skip
    assert roadmap.title.endswith("Lịch học đại số (42 ngày)")


def test_a_totals_row_closing_a_table_of_steps_is_no_step():
    text = (
        "# AWS\n\n| Section | Subject | Done |\n|---|---|---|\n| 1. | IAM | [x] |\n"
        "| 2. | EC2 | [x] |\n| 3. | S3 | [ ] |\n| **TOTAL** | | 2/3 |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["IAM", "EC2", "S3"]
    assert [leaf.status for leaf in leaves] == [Status.DONE, Status.DONE, Status.TODO]


def test_columns_of_boxed_names_are_lists_side_by_side_not_status_columns():
    text = (
        "# Boxes\n\n| Linux Boxes | Windows Boxes |\n| --- | --- |\n"
        "| \\[ ] Busqueda | \\[ ] Escape |\n"
        "| \\[x] Broker | \\[ ] Support |\n| \\[ ] Keeper | |\n| \\[ ] Magic | |\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["Linux Boxes", "Windows Boxes"]
    assert [leaf.title for leaf in roadmap.nodes[0].leaves()] == [
        "Busqueda", "Broker", "Keeper", "Magic",
    ]  # fmt: skip
    assert [leaf.status for leaf in roadmap.nodes[0].leaves()][:2] == [Status.TODO, Status.DONE]


def test_a_table_whose_rule_has_fewer_or_more_cells_than_its_header_is_still_a_table():
    # a page builder (kramdown, pandoc) shows these as tables; the rows are the lessons
    short_rule = (
        "# Pottery course\n\n| # | Date | Topic | Slides | Reading |\n|---|---|---|---|\n"
        "| L1 | Sep 2 | Clay bodies | [slides](s1.pdf) | |\n"
        "| L2 | Sep 4 | Wedging | [slides](s2.pdf) | Chapter 2 |\n"
        "| L3 | Sep 9 | Centering | | |\n"
    )
    long_rule = short_rule.replace("|---|---|---|---|", "|---|---|---|---|---|---|")
    for text in (short_rule, long_rule):
        titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
        assert [t for t in titles if t.endswith(("Clay bodies", "Wedging", "Centering"))] == [
            t for t in titles
        ]
        assert len(titles) == 3


def test_merged_cells_written_out_as_blanks_group_the_rows_under_them():
    # the day and its theme are filled on the first row of each day only, as merged cells
    text = (
        "# Woche 1\n\n| Tag | Thema | Aufgabe | Erledigt |\n|---|---|---|---|\n"
        "| Tag 1 | Holzarten | Eiche und Buche vergleichen | ✅ |\n"
        "| | | Maserung zeichnen | ✅ |\n"
        "| Tag 2 | Sägen | Japansäge ausprobieren | |\n"
        "| | | Gerade schneiden üben | |\n"
        "| | | Sägeblatt pflegen | |\n"
    )
    roadmap = parse_roadmap(text)
    assert _tree(roadmap) == [
        ("Tag 1: Holzarten", ["Eiche und Buche vergleichen", "Maserung zeichnen"]),
        ("Tag 2: Sägen", ["Japansäge ausprobieren", "Gerade schneiden üben", "Sägeblatt pflegen"]),
    ]
    assert [leaf.status for leaf in roadmap.leaves()][:3] == [Status.DONE, Status.DONE, Status.TODO]


def test_a_column_with_a_few_gaps_is_no_merged_cell():
    text = (
        "# Woodworking\n\n| Level | Topic |\n|---|---|\n"
        "| Beginner | Sharpening |\n| Beginner | Sawing |\n| | Planing |\n"
        "| Advanced | Dovetails |\n| Advanced | Veneering |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Sharpening", "Sawing", "Planing", "Dovetails", "Veneering"]


def test_a_row_whose_title_cell_is_a_dash_is_named_by_another_cell_and_kept():
    text = (
        "# Pottery course\n\n| Week | Topic | Notes |\n|---|---|---|\n"
        "| Week 1 | Wedging | bring an apron |\n| Week 2 | Pulling walls | |\n"
        "| Week 3 | - | Review and exercises |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[:2] == ["Wedging", "Pulling walls"]
    assert titles[2] == "Review and exercises"
    assert len(titles) == 3


def test_a_rule_drawn_again_under_the_rows_is_still_no_row():
    text = (
        "# Pottery course\n\n| Week | Subjects |\n|---|---|\n"
        "| Week 1 | Wedging |\n| Week 2 | Pulling walls |\n|---|---|\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedging", "Pulling walls"]


def test_a_week_column_naming_each_week_and_a_column_asking_if_it_is_done():
    # the week's cell names it after its number, the other cells list its exercises, and
    # the last column asks "Is it completed?" with a tick or a cross on every row
    text = (
        "# Photography course\n\n| Week | Workshop | Exercises | Is it completed? |\n"
        "|---|---|---|---|\n"
        "| [Week 0 Light](https://example.org/w0) | | Window light <br> Shade | ✅ |\n"
        "| [Week 1 Lenses](https://example.org/w1) | lab | Zoom walk <br> Primes | ✅ |\n"
        "| [Week 2 Exposure](https://example.org/w2) | lab | Bracketing | ❌ |\n"
        "| [Week 3 Colour](https://example.org/w3) | lab | White balance <br> Gels | ❌ |\n"
    )
    roadmap = parse_roadmap(text)
    leaves = roadmap.leaves()
    assert [leaf.title for leaf in leaves] == [
        "Week 0 Light",
        "Week 1 Lenses",
        "Week 2 Exposure",
        "Week 3 Colour",
    ]
    assert [leaf.status for leaf in leaves] == [Status.DONE, Status.DONE, Status.TODO, Status.TODO]


def test_a_completed_column_of_counts_says_how_much_of_each_row_is_done():
    text = (
        "# Pottery drills\n\n## Progress\n\n| # | Topic | Drills | Completed |\n|---|---|---|---|\n"
        "| 1 | Wedging | 9 | 9/9 ✅ |\n| 2 | Centring | 5 | 5/5 |\n| 3 | Pulling | 7 | 2/7 |\n"
        "| 4 | Trimming | 11 | 0/11 |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["Wedging", "Centring", "Pulling", "Trimming"]
    assert [leaf.status for leaf in leaves] == [
        Status.DONE,
        Status.DONE,
        Status.DOING,
        Status.TODO,
    ]


def test_a_holiday_row_in_a_course_table_is_no_step():
    text = (
        "# Töpferkurs\n\n| Woche | Datum | Thema |\n|---|---|---|\n"
        "| 1 | 05.02.2024 | Ton vorbereiten |\n| 2 | 12.02.2024 | Zentrieren |\n"
        "| | 19.02.2024 | :star: _Fasnachtsferien_ :star: |\n| 3 | 26.02.2024 | Hochziehen |\n"
        "| | 01.04.2024 | Osterferien |\n| 4 | 08.04.2024 | Abdrehen |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Ton vorbereiten", "Zentrieren", "Hochziehen", "Abdrehen"]


def test_a_date_solved_column_says_which_rows_are_done():
    text = (
        "# Glaze drills\n\n## Celadon\n\n| Drill | Difficulty | Date Solved |\n|---|---|---|\n"
        "| Test tiles | `Easy` | 10-14-2024 |\n| Line blend | `Medium` |  |\n"
        "| Triaxial | `Hard` | 08.11.2024 |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Test tiles", "done"),
        ("Line blend", "todo"),
        ("Triaxial", "done"),
    ]


def test_the_registrar_s_dates_in_a_course_schedule_are_not_lessons():
    text = (
        "# Ceramics 101 Schedule\n\nWeek | Topic | Assignment\n:-:|---|:-:\n"
        "_Sep 3_ | 1. Clay bodies. | [1](a1.md)\n_Sep 10_ | 2. Wedging. | [2](a2.md)\n"
        "_Oct 31_ | _Last day to withdraw without academic penalty._ | &nbsp;\n"
        "_Nov 3_ | 3. Centering. | [3](a3.md)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert not any("withdraw" in title for title in titles), titles
    assert len(titles) == 3, titles


def test_a_chapter_column_names_the_rows_beside_a_longer_content_column():
    text = (
        "# 陶艺学习进度\n\n## Week01\n\n| 章节 | 状态 | 日期 | 内容 |\n|---|---|---|---|\n"
        "| 拉坯基础 | ✅ | 2025-06-15 | 练习定中心和开孔，用了三块泥，第三块才成功 |\n"
        "| - | ✅ | 2025-06-16 | 提拉筒形，壁厚还是不均匀，需要多练 |\n"
        "| 修坯 | ✅ | 2025-06-17 | 学会用修坯刀修底足，做了两个碗底 |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0] == "拉坯基础" and titles[-1] == "修坯", titles


def test_a_table_counting_done_and_total_per_course_is_progress_not_steps():
    text = (
        "# Clay\n\n## Weeks\n\n### Week 1: Wedging\n\n- Air out\n\n### Week 2: Centring\n\n"
        "- Cone up\n\n## Progress Tracking\n\n| Course | Completed | Total | Percentage |\n"
        "|---|---|---|---|\n| Throwing | 1 | 12 | 8% |\n| Glazing | 0 | 10 | 0% |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Air out", "Cone up"], titles


def test_a_lecture_column_names_the_class_not_its_readings_and_not_the_lecture_number():
    text = (
        "# Schedule\n\n| Week | Lecture | Readings |\n|---|---|---|\n"
        "| 1 | Wedging clay | Ch 1, Ch 2 |\n| 2 | Centring | Ch 3 |\n"
    )
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["Wedging clay", "Centring"]
    numbered = (
        "# Schedule\n\n| Week | Topic | Lecture # |\n|---|---|---|\n"
        "| 1 | Wedging clay | 1.1 |\n| 2 | Centring | 2.1 |\n"
    )
    assert [leaf.title for leaf in parse_roadmap(numbered).leaves()] == ["Wedging clay", "Centring"]


def test_a_column_naming_the_week_again_does_not_name_the_rows_its_description_does():
    text = (
        "# Clay homework\n\n| Week | Folder | Description | Status |\n|---|---|---|---|\n"
        "| **1. Week** | [📁 Week-1](./Week-1) | Wedging drills (ram's head, spiral) | ✅ |\n"
        "| **2. Week** | [📁 Week-2](./Week-2) | Centring on the wheel | ✅ |\n"
        "| **3. Week** | [📁 Week-3](./Week-3) | Pulling walls (three pulls) | ⏳ |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[1] == "Centring on the wheel", titles


def test_a_sprint_column_of_bare_numbers_groups_the_rows_into_named_sprints():
    text = (
        "# Clay bootcamp\n\n| Sprint | Topic | Length |\n|---|---|---|\n"
        "| 1 | Wedging | 30 mins |\n| 1 | Centring | 3 hours |\n| 2 | Pulling | 4 hours |\n"
        "| 2 | Trimming | 2 hours |\n| 3 | Glazing | 5 hours |\n"
    )
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == ["Sprint 1", "Sprint 2", "Sprint 3"]
    assert [len(node.leaves()) for node in roadmap.nodes] == [2, 2, 1]


def test_a_tick_in_the_title_cell_of_some_rows_marks_them_done():
    text = (
        "# Plan\n\n## Semester 1\n\n| Module | Course | Grade |\n|---|---|---|\n"
        "| Basics | :heavy_check_mark: Wedging | 19 |\n"
        "| Basics | :heavy_check_mark: Centring | 18 |\n"
        "| Core | Glazing | |\n\n## Semester 2\n\n| Module | Course | Grade |\n|---|---|---|\n"
        "| Core | ✔️ Firing | 17 |\n| Core | Raku | |\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Wedging", "done"),
        ("Centring", "done"),
        ("Glazing", "todo"),
        ("Firing", "done"),
        ("Raku", "todo"),
    ]


def test_a_grade_column_whose_last_grade_is_not_in_yet_keeps_the_table_rows():
    text = (
        "# Plan\n\n## Semester 1\n\n| Course | Grade |\n|---|---|\n| Wedging | 19 |\n"
        "| Centring | 18 |\n| Glazing | |\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Glazing"], titles
