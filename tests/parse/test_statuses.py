"""States told by fields under an entry rather than by a box."""

from __future__ import annotations

from roadvault.parse import parse_roadmap


def test_a_status_field_under_course_after_course_gives_each_its_state():
    """The fields come back under every course ("Status", "Link"), so they are read as the
    course's facets; the "Status" one still says whether the course is done."""
    text = "\n".join(
        [
            "# Specialisation",
            "## Courses",
            "- Course 1: Clay bodies",
            "    - **Status:** Completed",
            "    - **Link:** https://example.org/1",
            "- Course 2: Throwing",
            "    - **Status:** In progress",
            "    - **Link:** https://example.org/2",
            "- Course 3: Glazes",
            "    - **Status:** Not started",
            "    - **Link:** https://example.org/3",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Course 1: Clay bodies", "done"),
        ("Course 2: Throwing", "doing"),
        ("Course 3: Glazes", "todo"),
    ]


def test_ticks_scattered_over_an_outlines_lists_mark_those_entries_done():
    """No list holds two ticks and a bare entry, but over the outline ✅ leads some leaf
    entries and their neighbours are bare: the ticked ones are done, the others to do."""
    text = "\n".join(
        [
            "Glazes to try, one by one",
            "",
            "1. Clay",
            "- Stoneware",
            "    - Wedging",
            "- Porcelain",
            "    - Throwing thin",
            "",
            "2. Glazes",
            "- Matte",
            "    - ✅ Dolomite matte",
            "    - Barium-free matte",
            "    - Satin white",
            "- Gloss",
            "    - ✅ Clear gloss",
            "    - ✅ Celadon",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    done = [leaf.title for leaf in leaves if leaf.status.value == "done"]
    assert done == ["Dolomite matte", "Clear gloss", "Celadon"], [
        (leaf.title, leaf.status.value) for leaf in leaves
    ]


def test_a_tick_that_heads_a_label_in_a_chat_answer_is_an_icon():
    text = "\n".join(
        [
            "# Pottery plan",
            "## Phase 1: Hand building",
            "- ✅ What you will master:",
            "    - Pinch pots",
            "    - Coil pots",
            "- Tools",
            "    - ✅ Needle tool",
            "    - Sponge",
            "- ✅ Wedging",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert not [leaf.title for leaf in leaves if leaf.status.value == "done"]


def test_a_progress_summary_of_counts_with_icons_is_no_step():
    """ "🚧 In Progress: 1", "⏳ Remaining: 72": icons that read as states elsewhere, here
    on the figures of a summary; the summary is text, the boxes below are the plan."""
    text = "\n".join(
        [
            "# Glaze tests",
            "## 📊 Progress Summary",
            "- ✅ Completed: 2 / 6",
            "- 🚧 In Progress: 1",
            "- ⏳ Remaining: 3",
            "## Tests",
            "- [x] Celadon",
            "- [x] Tenmoku",
            "- [/] Shino",
            "- [ ] Ash",
            "- [ ] Crawl",
            "- [ ] Crackle",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes] == ["Tests"]
    assert len(roadmap.leaves()) == 6


def test_one_status_mark_in_place_of_a_box_is_that_entrys_state():
    """ "- 🔄 Wedging" over "- [ ] Centring", "- [ ] Opening": the author swapped the box
    for a mark; the entry is a step, under way, not a note of the list."""
    text = "\n".join(
        [
            "# Wheel",
            "## Basics",
            "- 🔄 Wedging",
            "- [ ] Centring",
            "- [ ] Opening",
            "## Forms",
            "- [ ] Cylinder",
            "- [ ] Bowl",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves][:3] == [
        ("Wedging", "doing"),
        ("Centring", "todo"),
        ("Opening", "todo"),
    ]


def test_ticks_on_every_weeks_learn_list_beside_a_bare_practice_list_are_decoration():
    def week(n: int) -> list[str]:
        return [
            f"### Week {n}: Part {n}",
            "**Learn**:",
            f"- ✅ Clay body {n}",
            f"- ✅ Glaze {n}",
            "",
            "**Practice**:",
            f"- Throw bowl {n}",
            f"- Trim bowl {n}",
            "",
        ]

    text = "\n".join(
        [
            "# Wheel course",
            "## Plan",
            *week(1),
            *week(2),
            *week(3),
            "## Community",
            "- Join the studio chat",
            "- Share a photo",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert not [leaf.title for leaf in leaves if leaf.status.value == "done"]


def test_a_legend_of_boxes_under_its_label_says_what_a_box_means():
    text = "\n".join(
        [
            "# 陶艺进度",
            "",
            "> 说明：",
            "> - [x] 表示已完成",
            "> - [ ] 表示未完成",
            "> - [~] 表示进行中",
            "",
            "## 第一周",
            "- [x] 揉泥",
            "- [ ] 拉坯",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["揉泥", "拉坯"]
    assert "表示已完成" in roadmap.notes


def test_a_cjk_state_word_set_off_by_a_space_after_the_entry_is_its_state():
    text = "\n".join(
        [
            "# 陶艺",
            "## 进度",
            "- 揉泥 完成",
            "- 拉坯 已完成",
            "- 修坯 未开始",
            "- 上釉",
            "- 完成作品",
        ]
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("揉泥", "done"),
        ("拉坯", "done"),
        ("修坯", "todo"),
        ("上釉", "todo"),
        ("完成作品", "todo"),
    ]


def test_a_name_struck_out_with_a_remark_after_a_dash_is_crossed_off():
    text = (
        "# Reading\n\n## Glazes\n\n- ~~The Complete Guide to Glazes~~ —— read it twice\n"
        "- Mastering Cone 6 Glazes\n- ~~Glaze basics~~ - too thin, not needed\n"
        "- Learn ~~Raku~~ Saggar firing\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["done", "todo", "done", "todo"]


def test_a_status_line_under_a_heading_is_that_parts_state():
    text = (
        "# Pottery journey\n\n## Progress\n\n### Week 2: Throwing ✅\n**Status:** Completed\n\n"
        "- Centring\n- Pulling walls\n\n### Week 3: Trimming\n**Status:** Planned\n\n- Feet\n"
        "- Lids\n\n### Week 4: Glazing\n**Status:** Completed\n\n- ✅ Dipping\n- Brushing\n"
        "- ✅ Wax resist\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Centring", "done"),
        ("Pulling walls", "done"),
        ("Feet", "todo"),
        ("Lids", "todo"),
        # the part's entries carry marks of their own: they say their states
        ("Dipping", "done"),
        ("Brushing", "todo"),
        ("Wax resist", "done"),
    ]


def test_a_cross_and_a_tick_before_sentences_mark_wrong_and_right_not_progress():
    text = (
        "# Deutsch B1\n\n## Tag 1: weil\n\n**Häufiger Fehler:** das Verb steht am Ende.\n\n"
        "- ❌ Ich komme nicht, weil ich bin müde.\n- ✅ Ich komme nicht, weil ich müde bin.\n\n"
        "## Tag 2: dass\n\n- Nebensätze mit dass\n- Übung 1\n"
    )
    assert all(leaf.status.value == "todo" for leaf in parse_roadmap(text).leaves())


def test_a_cross_and_a_tick_before_topic_names_are_states():
    text = "# Kiln log\n\n## Basics\n\n- ✅ Wedging\n- ❌ Centring\n- ✅ Pulling\n- ❌ Trimming\n"
    states = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert states.count("done") == 2


def _states(text: str) -> list[tuple[str, str]]:
    return [(leaf.title, leaf.status.value) for leaf in parse_roadmap(text).leaves()]


def test_a_tick_on_the_first_parts_headings_marks_their_entries_done():
    text = (
        "# Clay\n\n## Weeks\n\n### ✅ Week 1\n\n- Wedging\n- Centring\n\n### Week 2\n\n"
        "- Pulling\n\n### Week 3\n\n- Trimming\n"
    )
    assert _states(text) == [
        ("Wedging", "done"),
        ("Centring", "done"),
        ("Pulling", "todo"),
        ("Trimming", "todo"),
    ]


def test_ticks_after_every_part_in_a_done_section_mark_all_done_even_without_a_space():
    text = (
        "# 陶艺进度\n\n## 已完成\n\n**第1周 - 基础（Day1-2）✅**\n- Day1: 揉泥\n- Day2: 定中心\n\n"
        "**第2周 - 拉坯 ✅**\n- Day3: 开孔\n- Day4: 提拉\n"
    )
    assert {state for _title, state in _states(text)} == {"done"}


def test_a_tick_on_one_part_among_parts_with_icons_of_their_own_is_an_icon():
    text = (
        "# Clay\n\n### ✅ Basics\n\n- Wedging\n- Centring\n\n### 📘 Reading\n\n- Glaze book\n\n"
        "### 🔥 Firing\n\n- Bisque\n"
    )
    assert {state for _title, state in _states(text)} == {"todo"}


def test_a_pending_word_after_a_heading_is_its_state_not_its_name():
    text = (
        "# Clay\n\n## Phase 1\n\n### ✅ Week 1: Wedging - COMPLETED\n\n- Air out\n\n"
        "### ⏳ Week 2: Centring - PENDING\n\n- Cone up\n"
    )
    roadmap = parse_roadmap(text)
    titles = [node.title for node in roadmap.walk()]
    assert "Week 2: Centring" in titles and not any("PENDING" in t for t in titles), titles


def test_a_study_order_marked_done_inside_the_groups_rules_is_the_plan():
    text = (
        "# 도예 스터디\n\n## Rule\n\n- 시각: 매주 화 18:00\n- 진행 방식\n  1. 각자 연습\n"
        "  2. 모임에서 공유\n- 학습 순서\n  1. 꼬막밀기 [완료]\n  2. 물레 [완료]\n  3. 유약\n\n"
        "## Member\n\n| 이름 | GitHub |\n|---|---|\n| 김 | [@kim](https://github.com/kim) |\n"
        "| 이 | [@lee](https://github.com/lee) |\n"
    )
    assert _states(text) == [("꼬막밀기", "done"), ("물레", "done"), ("유약", "todo")]


def test_a_heading_that_only_says_done_marks_its_entries_done():
    text = (
        "# 100 dias de cerâmica\n\n## Realizado:\n\n**Dia** | **Histórico**\n:---:|---\n"
        "**001** | Amassei a argila e centralizei pela primeira vez.\n"
        "**002** | Puxei as paredes de um cilindro baixo.\n"
    )
    assert {state for _title, state in _states(text)} == {"done"}


def test_a_tick_after_every_entry_of_every_list_marks_them_all_done():
    modules = "".join(
        f"### Module {n}\n\n- Lesson {n} ✅\n- Challenge {n} ✅\n\n" for n in range(1, 4)
    )
    assert {state for _title, state in _states("# Clay bootcamp\n\n" + modules)} == {"done"}


def test_ticks_after_only_some_lists_entries_are_left_to_the_other_rules():
    text = (
        "# Clay\n\n### Module 1\n\n- Lesson 1 ✅\n- Challenge 1\n\n### Module 2\n\n"
        "- Lesson 2 ✅\n- Challenge 2\n\n### Module 3\n\n- Lesson 3\n- Challenge 3\n"
    )
    states = dict(_states(text))
    assert states["Lesson 3"] == "todo" and states["Challenge 3"] == "todo"


def test_a_tick_in_a_progress_list_that_restates_the_days_passes_to_that_day():
    days = "".join(
        f"### Day {n}: {topic}\n\n- Task 1: practise {topic.lower()}\n\n"
        for n, topic in enumerate(["Wedging", "Centring", "Pulling"], start=1)
    )
    text = (
        "# 3 days of clay\n\n## Progress\n\n- [x] **Day 1**: Wedging\n- [x] **Day 2**: Centring\n"
        "- [ ] **Day 3**: Pulling\n\n## Daily Tasks\n\n" + days
    )
    assert _states(text) == [
        ("Task 1: practise wedging", "done"),
        ("Task 1: practise centring", "done"),
        ("Task 1: practise pulling", "todo"),
    ]


def test_a_ticked_entry_written_only_in_brackets_is_the_learners_step_not_a_blank():
    text = (
        "# DP\n\n## 1D\n\n- [x] [Climbing Stairs](https://example.org/70)\n\n"
        "## 2D\n- [x] [Edit Distance]\n"
    )
    assert _states(text) == [("Climbing Stairs", "done"), ("[Edit Distance]", "done")]


def test_ticks_inside_a_read_column_say_which_entries_are_read_and_an_empty_column_goes():
    text = "# Clay book\n\n## 已读\n\nCh1 √\n\nCh2 √\n\nCh3\n\nCh4 √\n\nCh5\n\n## 未读\n"
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("Ch1", "done"),
        ("Ch2", "done"),
        ("Ch3", "todo"),
        ("Ch4", "done"),
        ("Ch5", "todo"),
    ]


def test_a_done_column_without_marks_of_its_own_still_marks_its_entries_done():
    text = "# Clay\n\n## Done\n\n- Wedging\n- Centring\n\n## To do\n\n- Pulling\n"
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["done", "done", "todo"]


def test_a_count_of_finished_exercises_after_a_name_says_how_far_it_is():
    text = (
        "# Clay\n\n## Part 1\n\n### 1. Wedging (28 of 28 challenges completed)\nIntro.\n"
        "### 2. Centring (3 of 52 challenges completed)\n### 3. Glazing (0 of 22)\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("1. Wedging (28 of 28 challenges completed)", "done"),
        ("2. Centring (3 of 52 challenges completed)", "doing"),
        ("3. Glazing (0 of 22)", "todo"),
    ]


def test_parts_of_a_series_numbered_one_of_three_are_not_counts_of_work_done():
    text = "# Clay\n\n## Lessons\n\n- Wedging (1/3)\n- Wedging (2/3)\n- Wedging (3/3)\n"
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["todo", "todo", "todo"]


def test_complete_after_a_chapter_begun_half_a_day_before_finishes_it_and_ticks_nothing():
    text = (
        "# Plan\n\n## Week 1\n**Day 1**\n- Maths: **Functions** (Half)\n"
        "- Chemistry: **Solutions** (Half)\n\n"
        "**Day 2**\n- Maths: **Functions** (Complete)\n- Chemistry: **Solutions** (Complete)\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["todo"] * 4


def test_done_after_a_name_written_again_is_still_a_tick():
    text = "# Plan\n\n## Week 1\n- Solutions (Part 1)\n- Solutions (done)\n- Kinetics\n"
    leaves = parse_roadmap(text).leaves()
    assert [leaf.status.value for leaf in leaves] == ["todo", "done", "todo"]


def test_a_box_and_its_state_word_after_the_name_say_how_far_it_is():
    text = (
        "# Ruta\n\n## Lecciones\n\n- **1_1_Barro**          - [x] Completada\n"
        "- **1_2_Torno**          - [ ] Pendiente\n- **1_3_Esmalte**        - [ ] Pendiente\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [(leaf.title, leaf.status.value) for leaf in leaves] == [
        ("1_1_Barro", "done"),
        ("1_2_Torno", "todo"),
        ("1_3_Esmalte", "todo"),
    ]


def test_a_box_after_a_name_then_more_words_is_not_a_state():
    text = "# Plan\n\n## Week 1\n\n- Read the guide - [x] marks mean optional here\n- Wedging\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[0].startswith("Read the guide"), titles
