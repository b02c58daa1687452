"""Title clean-up: what the learner reads on a checkbox."""

from __future__ import annotations

import pytest

from roadvault.parse import parse_roadmap
from roadvault.parse.titles import clean_title, plain_label, split_callout, split_task_marker


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("1. Programming Skills", "Programming Skills"),
        ("Step 1: Evaluate Your Readiness", "Evaluate Your Readiness"),
        ("Stage 3 – Projects", "Projects"),
        ("Phase II: Core", "Core"),
        ("📘 Topics:", "Topics"),
        ("1️⃣ Foundations", "Foundations"),
        ("Feedforward networks.", "Feedforward networks."),  # a sentence keeps its stop
        ("See e.g.", "See e.g."),
        ("Tools, etc.", "Tools, etc."),
        ("**stray bold", "stray bold"),
        ("Read book 📅 2024-05-01 ⏫ ^abc-12", "Read book"),
        ("Task 1.1: First task", "Task 1.1: First task"),  # the kind of part stays
        ("Chapter 3 – Loops", "Chapter 3 – Loops"),
        ("Beginner Python - [May 19, 2025 - May 25, 2025]", "Beginner Python"),
        ("C++ basics", "C++ basics"),
        ("2048 game", "2048 game"),
        ("My Roadmap", "My Roadmap"),
        ("Phase 1", "Phase 1"),
        ("Café “quotes” stay", "Café “quotes” stay"),
        ("Path finding: Dijkstra, A*", "Path finding: Dijkstra, A*"),  # a name's star
        ("Heuristics (IDA*)", "Heuristics (IDA*)"),
    ],
)
def test_clean_title(raw: str, title: str) -> None:
    assert clean_title(raw).title == title


def test_clean_title_keeps_taken_off_text_for_the_notes() -> None:
    parts = clean_title("Linear Algebra (3 weeks): 2 hours/day")
    assert (parts.title, parts.duration, parts.extra) == (
        "Linear Algebra",
        "3 weeks",
        ("2 hours/day",),
    )
    # dates closing a name go to the notes; inside it ("Week 2 (…): STL") they stay
    assert clean_title("Week 2: STL (2020.5.25-2020.5.31)").extra == ("(2020.5.25-2020.5.31)",)


def test_a_calendar_position_alone_is_title_and_duration() -> None:
    parts = clean_title("Week 3")
    assert (parts.title, parts.duration, parts.planned_days) == ("Week 3", "Week 3", (7, 7))


@pytest.mark.parametrize(
    ("text", "marker", "rest"),
    [
        ("[ ] a", " ", "a"),
        ("[x] a", "x", "a"),
        ("[X] a", "X", "a"),
        ("[/] a", "/", "a"),
        ("[-] a", "-", "a"),
        ("[>] a", ">", "a"),
        ("[] a", " ", "a"),
        ("[link] a", None, "[link] a"),
        ("a [x]", None, "a [x]"),
    ],
)
def test_split_task_marker(text: str, marker: str | None, rest: str) -> None:
    assert split_task_marker(text) == (marker, rest)


def test_callout_header() -> None:
    assert split_callout("[!todo]- Week 1") == ("todo", "Week 1")
    assert split_callout("[!NOTE]") == ("note", "")
    assert split_callout("[x] not a callout") is None


def test_plain_label_for_matching() -> None:
    assert plain_label("📚 **Recommended Resources:**") == "recommended resources"


def test_an_ordinal_word_without_a_separator_is_part_of_the_title_and_ids_do_not_change() -> None:
    from roadvault.parse import parse_roadmap

    for title in ("Topic Two renamed", "Module One Review", "Chapter 10 Summary"):
        assert clean_title(title).title == title
    kept = parse_roadmap("# X\n\n## Phase 1 Foundations\n- a\n").nodes[0]
    plain = parse_roadmap("# X\n\n## Foundations\n- a\n").nodes[0]
    assert kept.title == "Phase 1 Foundations" and kept.id == plain.id


def test_a_task_box_with_only_an_emoji_or_an_embed_is_still_an_item() -> None:
    """The author made a box: it never vanishes. An emoji stays the title; an embed or an
    image is named by its alt text or file name and kept in the item's notes."""
    from roadvault.parse import parse_roadmap

    text = (
        "# Plan\n\n## Part\n\n- [ ] 🚀\n- [x] ![[diagrams/flow chart.png]]\n"
        "- [ ] ![Big picture](img/overview.svg)\n- [ ] ![](img/map.png)\n- [ ] plain\n"
    )
    leaves = parse_roadmap(text, source="bare.md").leaves()
    assert [leaf.title for leaf in leaves] == ["🚀", "flow chart", "Big picture", "map", "plain"]
    assert leaves[1].status.value == "done"
    assert "![[diagrams/flow chart.png]]" in leaves[1].notes


def test_plain_bullets_of_badges_and_emoji_stay_decoration() -> None:
    from roadvault.parse import parse_roadmap

    text = "# Plan\n\n## Part\n\n- ![badge](https://img.shields.io/x.svg)\n- 🔥\n- real item\n"
    assert [leaf.title for leaf in parse_roadmap(text).leaves()] == ["real item"]


def test_a_kept_kind_label_leaves_the_id_as_it_was_when_the_label_was_cut():
    from roadvault.parse import parse_roadmap

    labelled = parse_roadmap("# Book\n\n## Chapter 3: Loops\n- For loops\n")
    bare = parse_roadmap("# Book\n\n## Loops\n- For loops\n")
    assert labelled.nodes[0].title == "Chapter 3: Loops"
    assert [n.id for n in labelled.walk()] == [n.id for n in bare.walk()]


def test_a_plain_text_checklist_line_keeps_its_name_and_moves_description_and_tags_out():
    from roadvault.parse import parse_roadmap

    text = (
        "# Systems\n\n## Memory | cpu | concept\n"
        "[x] Paging vs Segmentation :: how memory is split | https://example.org/a\n"
        "[ ] TLB | https://example.org/b\n"
    )
    roadmap = parse_roadmap(text)
    assert roadmap.nodes[0].title == "Memory"
    leaves = roadmap.nodes[0].leaves()
    assert [leaf.title for leaf in leaves] == ["Paging vs Segmentation", "TLB"]
    assert "how memory is split" in leaves[0].notes
    # the addresses are the topics' resources, links the learner can open
    assert [r.url for r in leaves[1].resources] == ["https://example.org/b"]
    assert [r.url for r in leaves[0].resources] == ["https://example.org/a"]


def test_a_sentence_keeps_its_full_stop_and_its_id():
    from roadvault.parse import parse_roadmap

    with_stop = parse_roadmap("# Plan\n\n## Week 1\n- Implement it from scratch.\n")
    without = parse_roadmap("# Plan\n\n## Week 1\n- Implement it from scratch\n")
    assert with_stop.leaves()[0].title == "Implement it from scratch."
    assert [n.id for n in with_stop.walk()] == [n.id for n in without.walk()]


def test_a_unit_label_stays_when_what_follows_is_only_another_numbered_place():
    text = (
        "# Course\n\n## Week 2\n- [Pottery course](https://example.org/course)\n"
        "    - [Unit 4: Pathway 3](https://example.org/u4p3) - skip the glaze test\n"
        "- Unit 2: Pathway 1\n- Unit 5: Layouts\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert "Unit 4: Pathway 3 - skip the glaze test" in titles, titles  # a link under a link
    assert "Unit 2: Pathway 1" in titles and "Unit 5: Layouts" in titles, titles


def test_an_action_label_keeps_what_it_acts_on_in_the_title():
    text = (
        "# 陶艺\n\n## 第 1 周\n- 学习: 揉泥、定中心、开孔。\n"
        "- Read: The Potter's Bible, chapters 1-3\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles[0].startswith("学习: 揉泥") and titles[1].startswith("Read: The Potter"), titles


def test_a_page_named_for_its_week_keeps_the_week_in_the_roadmaps_title():
    roadmap = parse_roadmap("# Studio Selective: Week 3\n\n- Wedging\n- Centering\n")
    assert roadmap.title == "Studio Selective: Week 3"


def test_an_address_after_a_colon_or_a_dash_leaves_the_title() -> None:
    from roadvault.parse.titles import clean_title

    assert clean_title("Funções: https://youtu.be/abc?si=x").title == "Funções"
    assert clean_title("Loops - https://example.org/loops").extra == ("https://example.org/loops",)
    assert clean_title("https://example.org/only").title == "https://example.org/only"


def test_a_folder_style_number_is_a_sign_of_order() -> None:
    # "01_HTML", "02_CSS": chapters named like the folders holding them come in order
    from roadvault.parse.titles import has_numbering

    assert has_numbering("01_HTML") and has_numbering("12_UnitTest")
    assert not has_numbering("snake_case names") and not has_numbering("2048_game")


def test_an_untitled_readme_or_index_page_is_named_by_its_folder():
    from roadvault.parse.shape import title_from_source

    assert title_from_source("python-roadmap/README.md") == "Python Roadmap"
    assert title_from_source("study/plans/index.html") == "Plans"
    assert title_from_source("rotina.md") == "Rotina"
    assert title_from_source("week_plan.html") == "Week Plan"
    assert title_from_source("README.md") == "README"  # no folder in the name: as it is
    text = "- Clay\n- Wheel\n"
    assert parse_roadmap(text, source="pottery-course/README.md").title == "Pottery Course"


def test_an_untitled_list_of_tasks_or_notes_is_named_by_its_folder():
    from roadvault.parse.shape import title_from_source

    assert title_from_source("kiln-100-days/tasks.md") == "Kiln 100 Days"
    assert title_from_source("glaze-study/TODO.md") == "Glaze Study"
    assert title_from_source("glaze-study/notes.md") == "Glaze Study"
    assert title_from_source("glaze-study/glaze-notes.md") == "Glaze Notes"


def test_a_slot_in_brackets_inside_a_heading_stays_in_its_title():
    text = (
        "# Speaking plan\n\n## Week 1 (Days 1-7): Foundation\n\n- Shadow a scene\n\n"
        "## Basics (Weeks 2-3)\n\n- Record yourself\n"
    )
    first, second = parse_roadmap(text).nodes
    # "(Days 1-7)" says when the week falls, as part of its name; a closing slot is a length
    assert (first.title, first.duration, first.planned_days) == (
        "Week 1 (Days 1-7): Foundation",
        "Days 1-7",
        (7, 7),
    )
    assert (second.title, second.duration) == ("Basics", "Weeks 2-3")


def test_a_slot_after_a_steps_name_stays_in_its_title():
    text = "# Bootcamp\n\n## Paso 2: Semana 1\n\n- Lee la guía\n\n## Basics: 3 weeks\n\n- Wedge\n"
    first, second = parse_roadmap(text).nodes
    # "Semana 1" says when step 2 falls; "3 weeks" only how long the basics take
    assert (first.title, first.duration) == ("Paso 2: Semana 1", "Semana 1")
    assert (second.title, second.duration) == ("Basics", "3 weeks")


def test_a_suggested_duration_line_in_spanish_or_french_times_its_part():
    text = (
        "# Plan\n\n## Etapa 1: Barro\n\n**Duración sugerida:** 2–3 semanas\n\n"
        "- Amasar\n- Tornear\n\n"
        "## Étape 2 : Four\n\n**Durée conseillée :** 1 semaine\n\n- Cuire\n- Émailler\n"
    )
    first, second = parse_roadmap(text).nodes
    assert (first.duration, second.duration) == ("2–3 semanas", "1 semaine")


def test_a_length_cut_from_before_a_colon_leaves_no_space_before_it():
    text = "# Day\n\n## Routine\n\n- Morning (30 min): wedge clay\n- Glaze (2h), then fire\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Morning: wedge clay", "Glaze, then fire"]


def test_dates_in_brackets_inside_a_heading_stay_in_its_title():
    text = "# P\n\n## Month 1\n\n### Week 1 (Jan 1 - Jan 7): Wedging\n\n- a\n- b\n"
    week = next(n for n in parse_roadmap(text).walk() if n.title.startswith("Week"))
    # like "(Days 1-7)", the dates say when this week falls, as part of its name
    assert (week.title, week.duration) == ("Week 1 (Jan 1 - Jan 7): Wedging", "Week 1")


def test_a_banner_title_centred_by_spaces_is_the_title():
    text = "============\n     Pottery Plan\n============\n\n- Wedging\n- Centering\n- Trimming\n"
    assert parse_roadmap(text, source="plan.md").title == "Pottery Plan"


def test_citation_numbers_a_chat_answer_leaves_after_a_title_are_not_title():
    assert clean_title("Two Sum (Array + Hash Map)[1][2]").title == "Two Sum (Array + Hash Map)"
    assert clean_title("Centering the clay[3].").title == "Centering the clay."
    assert clean_title("Array[0] access").title == "Array[0] access"  # an index, mid-title
    assert clean_title("Chapter [1]").title == "Chapter [1]"  # a number of its own


def test_a_hint_to_open_a_group_is_no_part_of_its_name():
    assert clean_title("🎯 학습 세부 항목 (펼쳐보세요)").title == "학습 세부 항목"
    assert clean_title("Week 1 (click to expand)").title == "Week 1"
    assert clean_title("Expand the kiln (expand)").title == "Expand the kiln"
    assert clean_title("Expand and contract").title == "Expand and contract"


def test_a_link_the_line_cut_off_leaves_its_text_in_the_title_and_its_address_aside():
    parts = clean_title("Glazes - [Glaze Book](https://example.org/glazes")
    assert parts.title == "Glazes - Glaze Book"
    assert "https://example.org/glazes" in parts.extra
    assert clean_title("Kilns [draft](notes").title == "Kilns [draft](notes"  # no address


def test_circled_and_roman_numeral_characters_number_a_part():
    text = "\n".join(
        [
            "# Pottery",
            *[
                f"# {mark} {name}\n- [x] {name} basics"
                for mark, name in zip("①②③", "ABC", strict=True)
            ],
            "# ④ Firing",
            "01. Bisque",
            "02. Glaze",
        ]
    )
    roadmap = parse_roadmap(text)
    assert [p.title for p in roadmap.nodes][-1] == "④ Firing"
    assert [leaf.title for leaf in roadmap.nodes[-1].leaves()] == ["Bisque", "Glaze"]
    assert clean_title("Ⅲ. Advanced glazes").title == "Advanced glazes"


def test_levels_modules_units_and_parts_are_numbered_in_many_languages():
    from roadvault.parse.titles import has_numbering

    for title in (
        "Livello 4: Smalti",
        "Poziom 2",
        "Moduł 3: Glina",
        "Modül 1",
        "Unité 2 : Tour",
        "Einheit 3",
        "Раздел 5. Обжиг",
        "Parte 1",
        "Część 2",
        "Bagian 7",
        "Phần 8",
    ):
        assert has_numbering(title), title
    assert not has_numbering("Partes del torno")


def test_the_first_of_several_h1_parts_is_no_title_even_when_it_groups_some_steps():
    text = "\n".join(
        [
            "# 1. Clay",
            "- [x] Wedge",
            "- [ ] Pinch",
            "  - [ ] a thumb pot",
            "  - [ ] a bowl",
            "# 2. Wheel",
            "- [ ] Centre",
            "# 3. Glaze",
            "- [ ] Dip",
            "# 4. Kiln",
            "- [ ] Load",
        ]
    )
    roadmap = parse_roadmap(text, source="Pottery-Study/README.md")
    assert roadmap.title == "Pottery Study", roadmap.title
    assert [p.title for p in roadmap.nodes] == ["1. Clay", "2. Wheel", "3. Glaze", "4. Kiln"]


def test_a_chat_answer_that_only_says_here_is_a_roadmap_leaves_the_name_to_its_file():
    text = "\n".join(
        [
            "This guide takes you from a first pot to selling your work.",
            "",
            "Here is a structured roadmap broken down into phases.",
            "",
            "### Phase 0: Clay",
            "- **Wedging:** Knead the clay until it has no air.",
            "- **Centring:** Press the clay to the middle of the wheel.",
            "### Phase 1: Forms",
            "- **Cylinders:** Pull three walls a day.",
        ]
    )
    roadmap = parse_roadmap(text, source="notes/From_Pots_to_Selling_Ceramics.md")
    assert roadmap.title == "From Pots To Selling Ceramics", roadmap.title
    named = parse_roadmap(
        text.replace("a structured roadmap", "a structured pottery roadmap"), source="x/a.md"
    )
    assert named.title == "Pottery roadmap", named.title


def test_a_heading_that_spells_out_the_front_matters_short_title_names_the_roadmap():
    text = "\n".join(
        [
            "---",
            "title: Sprint 1",
            "nav_order: 1",
            "---",
            "",
            "# Sprint 1 Lesson Plan",
            "A first look at the wheel.",
            "",
            "## Learning Goals for Sprint 1",
            "1. Learn that it is fine to collapse a pot.",
            "2. Learn where the studio keeps its tools.",
            "",
            "## Modules",
            "1. [Wedging](../modules/wedging)",
            "1. [Centring](../modules/centring)",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "Sprint 1 Lesson Plan", roadmap.title
    assert [leaf.title for leaf in roadmap.leaves()] == ["Wedging", "Centring"]
    short = parse_roadmap(text.replace("# Sprint 1 Lesson Plan", "# Wheel basics"))
    assert short.title == "Sprint 1", short.title


def test_one_emoji_line_in_a_page_without_headings_is_a_label_not_the_part_holding_the_plan():
    text = "\n".join(
        [
            "📅 Daily Pottery Plan (TR 🇹🇷 & EN 🇬🇧)",
            "",
            "🇹🇷 Türkçe",
            "",
            "Bu depo, 14 günlük çömlek çalışmamı içerir.",
            "",
            "EN English",
            "",
            "This repository holds my 14 days of pottery practice.",
            "",
            "| Gün | Görev | Task |",
            "| --- | --- | --- |",
            "| 1 | Kil hazırla | Prepare clay |",
            "| 2 | Ortala | Centre |",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title.startswith("📅 Daily Pottery Plan") or roadmap.title.startswith(
        "Daily Pottery Plan"
    ), roadmap.title


def test_a_text_opening_with_its_heading_over_prose_keeps_that_name_over_a_later_plan_heading():
    text = "\n".join(
        [
            "# 🚀12-Weeks-of-Pottery",
            "",
            "Welcome to the twelve weeks of pottery challenge! Learn, make and share.",
            "",
            "# 📅 Weekly Learning Plan",
            "",
            "🔹 Week 1: Clay (wedging, drying)",
            "",
            "🔹 Week 2: Wheel (centring, pulling)",
            "",
            "🔹 Week 3: Glazes (dipping, brushing)",
            "",
            "# 📖 How to Participate",
            "",
            "1️⃣ Fork this repository.",
        ]
    )
    roadmap = parse_roadmap(text)
    assert roadmap.title == "12-Weeks-of-Pottery", roadmap.title
    assert [node.title for node in roadmap.nodes] == ["Weekly Learning Plan"], [
        node.title for node in roadmap.nodes
    ]
    assert len(roadmap.leaves()) == 3


def test_a_plan_named_by_its_length_names_the_roadmap_not_the_tips_about_plans():
    text = (
        "# Four Week Plan\n\n### **Week 1**\n\n1. Wedging\n2. Centring\n\n"
        "### **Week 2**\n\n1. Pulling walls\n2. Trimming\n\n"
        "# Something to Refer Daily\n\n1. [Glaze chart](https://example.org/chart)\n\n"
        "# Some Important Pots\n\n1. [Teapot](https://example.org/teapot)\n\n"
        "# Tips for a Study Plan\n\n1. [Practise daily](https://example.org/tips)\n"
    )
    assert parse_roadmap(text).title == "Four Week Plan"


def test_a_timeline_heading_after_the_repositorys_header_names_the_roadmap():
    text = (
        "# Pottery_Study\nPottery study\n\nMain documents:\n\n- [Glaze docs](https://example.org/docs)\n"
        "- [Kiln blog](https://example.org/blog)\n\n---\n\n"
        "# 📅 Wheel Course Timeline (9/22 → 10/31)\n\n"
        "## Week 1 — Centring\n- **Mon 9/22**: wedge and centre\n- **Tue 9/23**: open the ball\n\n"
        "## Week 2 — Walls\n- **Mon 9/29**: pull walls\n- **Tue 9/30**: trim\n"
    )
    assert "Wheel Course Timeline" in parse_roadmap(text).title


def test_pythons_special_names_typed_bare_keep_their_underscores():
    text = "# Python\n\n- Day 40: __name__ and __main__\n- __init__ vs __new__\n- __Bold__ tip\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Day 40: __name__ and __main__", "__init__ vs __new__", "Bold tip"], titles


def test_a_cjk_plan_named_on_its_first_line_with_an_advising_aside_names_the_roadmap():
    text = (
        "🎯 7天陶艺学习计划（每日练习时间建议：2小时）\n\n📅 Day 1：揉泥\n• 揉泥练习\n• 定中心\n\n"
        "📅 Day 2：拉坯\n• 拉坯成型\n• 修坯\n"
    )
    roadmap = parse_roadmap(text, source="pottery/README.md")
    assert roadmap.title == "7天陶艺学习计划（每日练习时间建议：2小时）"
    assert [leaf.title for leaf in roadmap.leaves()] == ["揉泥练习", "定中心", "拉坯成型", "修坯"]


def test_a_range_of_steps_is_no_step_label_to_strip():
    text = (
        "# Pottery\n\n## Milestones\n- [ ] STEP 4-5 done (walls + trimming)\n"
        "- [ ] Phase 2-3 review\n- [ ] Step 6: Glazes\n\n### 重要な焼成温度の目安\n"
        "- **素焼き：** 800度\n- **本焼き：** 1250度\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["STEP 4-5 done (walls + trimming)", "Phase 2-3 review", "Step 6: Glazes"], (
        titles
    )


def test_ticks_typed_as_a_root_sign_or_a_letter_v_are_done():
    text = "# 陶艺\n\n- [√] 揉泥\n- [✓] 拉坯\n- [v] Trimming\n- [V] Glazing\n- [ ] Firing\n"
    states = [leaf.status.value for leaf in parse_roadmap(text).leaves()]
    assert states == ["done", "done", "done", "done", "todo"], states


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("18.10 -- demo 1", "demo 1"),
        ("1.2 - Glazes - Mixing a batch", "Glazes - Mixing a batch"),
        ("3. – Kiln loading", "Kiln loading"),
        ("1. -5 degrees is cold", "-5 degrees is cold"),
    ],
)
def test_the_dashes_between_a_number_and_its_name_go_with_the_number(raw, title):
    assert clean_title(raw).title == title


def test_parts_numbered_in_words_past_ten_are_numbered_parts():
    text = "# Pottery course\n\n" + "".join(
        f"## Unit {word}: {name}\n- [{name} notes](./{name.lower()}.md)\n\n"
        for word, name in [
            ("Ten", "Unit Ten: Kilns"),
            ("Eleven", "Unit Eleven: Glazes"),
            ("Twelve", "Unit Twelve: Selling"),
        ]
    )
    text += "## Unit Thirteen: Studio Practice\n"
    roadmap = parse_roadmap(text)
    assert [node.title for node in roadmap.nodes] == [
        "Unit Ten: Kilns",
        "Unit Eleven: Glazes",
        "Unit Twelve: Selling",
        "Unit Thirteen: Studio Practice",
    ]


def test_a_link_after_a_name_and_a_dash_is_the_topics_material_not_part_of_its_name():
    from roadvault.parse import parse_roadmap

    text = (
        "# Clay\n\n## Basics\n\n"
        "- `wedging` — [theory, videos, links](docs/01-wedging.md)\n"
        "- Centering - [notes and drills](docs/centering.md)\n"
        "- Glaze Docs - [Mixing a base glaze](https://example.org/glaze)\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == [
        "wedging",
        "Centering",
        "Glaze Docs - Mixing a base glaze",
    ]
    assert [r.url for r in leaves[0].resources] == ["docs/01-wedging.md"]


@pytest.mark.parametrize(
    ("raw", "title"),
    [
        ("อ่าน log, หาไฟล์", "อ่าน log, หาไฟล์"),  # Thai: the closing silent-letter mark
        ("गणित सीखें", "गणित सीखें"),  # Hindi: the closing vowel sign
        ("Ôn tập ✅️", "Ôn tập"),  # an emoji's variation selector still goes with the emoji
    ],
)
def test_a_word_keeps_the_vowel_and_tone_marks_that_end_it(raw, title):
    assert clean_title(raw).title == title


def test_labels_in_scripts_that_write_vowels_as_marks_keep_them():
    assert plain_label("**หัวข้อ:**") == "หัวข้อ"
    assert plain_label("विषय सूची") == "विषय सूची"


def test_about_a_subject_in_thai_arabic_or_persian_is_no_introduction():
    from roadvault.parse.sections import section_role

    assert section_role("เกี่ยวกับ Docker") is None  # "About Docker": a topic
    assert section_role("حول بايثون") is None
    assert section_role("درباره پایتون") is None
    assert section_role("เกี่ยวกับโปรเจกต์") == "intro"  # "About the project"
    assert section_role("حول هذا المشروع") == "intro"


def test_reference_links_after_a_name_and_empty_footnote_marks_leave_the_title():
    text = (
        "# Web\n\n## Front\n\n- [ ] React [1 ⇲](https://a.example/r) [2 ⇲](https://b.example/r)\n"
        "- [ ] Pods [^] and nodes [^4]\n- [ ] Docker [[3]](https://c.example/d)\n"
        "- [ ] Chapter [1](https://d.example/c)\n- [ ] Lessons [1](https://e.example/1), "
        "[2](https://e.example/2)\n"
    )
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "React", "Pods and nodes", "Docker", "Chapter 1", "Lessons",
    ]  # fmt: skip
    react = roadmap.leaves()[0]
    assert [r.url for r in react.resources] == ["https://a.example/r", "https://b.example/r"]


def test_an_empty_first_heading_over_the_parts_names_the_page():
    text = (
        "> Work in progress!\n\n### Algebra revision\n\n## Equations\n\n- Linear\n- Quadratic\n\n"
        "# Functions\n\n- Domains\n- Limits\n"
    )
    roadmap = parse_roadmap(text, source="notes/README.md")
    assert roadmap.title == "Algebra revision"
    assert [node.title for node in roadmap.nodes] == ["Equations", "Functions"]


def test_a_link_to_a_note_typed_as_an_image_is_a_link_and_a_picture_stays_a_picture():
    text = (
        "# C++\n\n## Basics\n\n* ![Pętla for](for.md)\n* ![Pointers](notes/ptr.md)\n"
        "* ![diagram](img/loop.png) Loop diagram\n"
    )
    leaves = parse_roadmap(text).leaves()
    assert [leaf.title for leaf in leaves] == ["Pętla for", "Pointers", "Loop diagram"]
    assert [r.url for r in leaves[1].resources] == ["notes/ptr.md"]


def test_a_bar_after_a_bare_address_sets_it_apart_and_is_no_part_of_it():
    text = (
        "# Security reading\n\n"
        "- [x] API security tips | https://example.org/guides/api-security| https://t.me/notes/43\n"
        "- [ ] TLS handshakes\n"
    )
    [first, _] = parse_roadmap(text).leaves()
    assert [res.url for res in first.resources] == [
        "https://example.org/guides/api-security",
        "https://t.me/notes/43",
    ]


def test_a_link_markdown_left_as_text_is_named_by_its_text():
    # spaces in the address, or a link inside an HTML summary: Markdown shows the brackets
    text = (
        "# Glaze course\n\n## Term 1\n\n- [Glaze Chemistry](docs/PLAN 2/Glaze Chemistry.pdf)\n"
        "- [Kiln Safety](docs/PLAN 2/Kiln Safety.pdf)\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Glaze Chemistry", "Kiln Safety"]


def test_a_pages_name_keeps_the_dates_it_was_written_for():
    # one page of a weekly series, or a course of one school year: the dates tell it apart
    assert parse_roadmap("# Week 1 Tracker (August 19-25, 2025)\n\n- Wedge\n").title == (
        "Week 1 Tracker (August 19-25, 2025)"
    )
    assert parse_roadmap("# Glazes (Spring 2024)\n\n- Mix\n").title == "Glazes (Spring 2024)"
    # an item's dates are still its note, not its name
    leaf = parse_roadmap("# Clay\n\n## Week 1\n\n- Wedge (August 19, 2025)\n").leaves()[0]
    assert leaf.title == "Wedge"


def test_a_colon_written_again_with_its_key_is_syntax_not_a_label():
    # "display: block vs. display: inline": the step teaches the syntax; a name with its
    # note ("Glazes: dipping and pouring") is still cut at its colon
    text = (
        "# Web\n\n## Layout\n\n- [x] Centring inline and block elements\n"
        "- [ ] Explaining and using the display: block vs. display: inline-block"
        " vs. display: grid\n"
        "- [ ] Glazes: dipping and pouring, with a note on safety\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[1:] == [
        "Explaining and using the display: block vs. display: inline-block vs. display: grid",
        "Glazes",
    ]


def test_a_date_field_left_to_fill_in_is_not_part_of_the_title():
    text = (
        "# JS\n\n## Part 1\n\n- [x] Variables — _Last Reviewed: yyyy-mm-dd_\n"
        "- [ ] Loops (dd/mm/yyyy)\n- [ ] Arrays - 2024-01-02\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    # a real date is the author's, and stays
    assert titles == ["Variables", "Loops", "Arrays - 2024-01-02"]


def test_an_operator_alone_is_the_title_not_a_decoration():
    roadmap = parse_roadmap("# C\n\n## Bitwise operators\n\n- &\n- ^\n- ~\n- <<\n")
    assert [leaf.title for leaf in roadmap.leaves()] == ["&", "^", "~", "<<"]


def test_a_colon_inside_code_at_the_end_labels_nothing_after_it():
    text = "# P\n\n### Week 3\n- Functions `def glaze(kiln):`\n- The `return` word\n- Booleans\n"
    roadmap = parse_roadmap(text)
    assert len(roadmap.nodes[0].children) == 3


def test_an_operator_with_its_length_keeps_both():
    parts = clean_title("^ (3 weeks)")
    assert (parts.title, parts.duration) == ("^", "3 weeks")


def test_an_obsidian_link_with_an_escape_inside_shows_its_alias():
    text = "# TOC\n\n- [[25 Process#^320bbc|25.1 The \\_exit() call]]\n- [[25 Process|25.2 Exit]]\n"
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles[1] == "25.2 Exit"
    assert "[[" not in titles[0] and titles[0].endswith("exit() call"), titles
