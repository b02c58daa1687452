"""HTML in roadmaps, one small invented document per kind (docs/READING.md): tables inside
`<details>` groups with tick-box images, cells listing several entries, calendar slots over
their dates, and the headings, lists and groups HTML pages already had."""

from __future__ import annotations

from roadvault.model import Roadmap
from roadvault.parse import parse_roadmap, readable_text
from roadvault.parse.html_input import html_table_markdown, html_to_markdown, tick_image


def _leaves(roadmap: Roadmap) -> list[tuple[str, str]]:
    return [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()]


def _tree(nodes) -> list:
    return [(node.title, _tree(node.children)) if node.children else node.title for node in nodes]


# --- tables in <details> groups, ticked by images -------------------------------------------

_POTTERY_PAGE = """<html><body>
<h1>Pottery Path</h1>
<details><summary>Hand building</summary>
  <details><summary>Pinch pots</summary>
    <table>
      <tr>
        <td class="tick"><a href="#x"><img src="assets/checked_12.svg"></a></td>
        <th>Lesson</th>
        <td>Opening the ball</td>
      </tr>
      <tr>
        <td class="tick"><img src="assets/unchecked_12.svg"></td>
        <th>Project</th>
        <td>A nesting set</td>
      </tr>
    </table>
  </details>
  <details><summary>Coil building</summary>
    <table>
      <tr>
        <td><img src="assets/checked_12.svg"></td>
        <th>Lesson</th>
        <td>Rolling even coils</td>
      </tr>
    </table>
  </details>
</details>
</body></html>
"""


def test_rows_of_tables_in_details_groups_are_items_ticked_by_their_images():
    roadmap = parse_roadmap(_POTTERY_PAGE, source="pottery.html")
    assert _leaves(roadmap) == [
        ("Opening the ball", "done"),
        ("A nesting set", "todo"),
        ("Rolling even coils", "done"),
    ]
    assert _tree(roadmap.nodes) == [
        (
            "Hand building",
            [
                ("Pinch pots", ["Opening the ball", "A nesting set"]),
                ("Coil building", ["Rolling even coils"]),
            ],
        )
    ]


def test_a_table_whose_first_row_is_data_keeps_that_row():
    # no <thead>, no header cells: the first row is a lesson like the others
    markdown = html_to_markdown(_POTTERY_PAGE)
    assert "| ✅ | Lesson | Opening the ball |" in markdown
    assert markdown.count("| --- |") >= 2


def test_a_first_row_of_plain_cells_is_still_the_header():
    page = (
        "<html><body><table><tr><td>Topic</td><td>Notes</td></tr>"
        "<tr><td>Glazing</td><td>two coats</td></tr>"
        "<tr><td>Firing</td><td>cone 6</td></tr></table></body></html>"
    )
    assert _leaves(parse_roadmap(page, source="p.html")) == [
        ("Glazing", "todo"),
        ("Firing", "todo"),
    ]


def test_tick_images_are_told_by_name_or_alt_text():
    assert tick_image("img/checked_16.svg", "") == "x"
    assert tick_image("img/unchecked_16.svg", "") == " "
    assert tick_image("/icons/mark.png", "done") == "x"
    assert tick_image("/icons/mark.png", "to do") == " "
    assert tick_image("/icons/box-in-progress.png", "") == "/"
    assert tick_image("/icons/not_done.png", "") == " "
    assert tick_image("/logos/kiln-club.png", "Kiln club") is None
    assert tick_image("https://img.shields.io/badge/build-passing.svg", "build") is None


def test_a_tick_image_opening_a_list_entry_is_its_box():
    page = (
        "<html><body><h1>Glazes</h1><ul>"
        '<li><img src="i/checked.png"> Celadon</li>'
        '<li><img src="i/unchecked.png"> Tenmoku</li>'
        '<li>Shino <img src="i/checked.png"></li>'
        "</ul></body></html>"
    )
    assert _leaves(parse_roadmap(page, source="g.html")) == [
        ("Celadon", "done"),
        ("Tenmoku", "todo"),
        ("Shino", "todo"),  # an image after the text is no box
    ]


def test_logos_in_cells_say_nothing():
    page = (
        "<html><body><table><tr><th>Logo</th><th>Course</th></tr>"
        '<tr><td><img src="l/clay.png" alt="Clay"></td><td>Wedging</td></tr>'
        '<tr><td><img src="l/wheel.png"></td><td>Centering</td></tr>'
        "</table></body></html>"
    )
    roadmap = parse_roadmap(page, source="l.html")
    assert _leaves(roadmap) == [("Wedging", "todo"), ("Centering", "todo")]


def test_a_details_fragment_with_a_table_reads_as_a_pipe_table():
    fragment = (
        "\n    <table>\n      <tr><td><img src='r/checked_16.svg'></td><th>Quiz</th>"
        "<td>Clay bodies</td></tr>\n      <tr><td><img src='r/unchecked_16.svg'></td>"
        "<th>Lesson</th><td>Slips</td></tr>\n    </table>\n"
    )
    markdown = html_table_markdown(fragment)
    assert markdown is not None
    assert markdown.splitlines()[2:] == [
        "| ✅ | Quiz | Clay bodies |",
        "| ⬜ | Lesson | Slips |",
    ]
    assert html_table_markdown("\n<p>No table here</p>\n") is None


# --- cells listing several entries, calendar slots over their dates ---------------------------

_CALENDAR = """<html><body>
<table>
<thead><tr><th>Week</th><th>Topics</th><th>Quiz</th><th>Reading</th></tr></thead>
<tbody>
<tr>
  <td>1<br/>03/02-03/06</td>
  <td><a href="/l/rests.html">Rests</a><br/><a href="/l/clefs.html">Clefs</a></td>
  <td><a href="/q/1.html">Quiz 1</a><br/>Online quiz: clefs</td>
  <td>p. 1-10</td>
</tr>
<tr>
  <td>2<br/>03/09-03/13</td>
  <td>Scales<br>Intervals<br>Triads</td>
  <td>Online quiz: scales</td>
  <td>p. 11-40<br/>p. 52-60</td>
</tr>
</tbody>
</table>
</body></html>
"""


def test_a_calendar_row_is_its_week_and_the_topics_cell_its_steps():
    roadmap = parse_roadmap(_CALENDAR, source="calendar.html")
    assert _tree(roadmap.nodes) == [
        ("1", ["Rests", "Clefs"]),
        ("2", ["Scales", "Intervals", "Triads"]),
    ]
    first = roadmap.nodes[0]
    assert "Dates: 03/02-03/06" in first.notes
    assert "Quiz 1" in first.notes and "Online quiz: clefs" in first.notes


def test_entries_without_a_calendar_slot_are_one_item_each():
    page = """<html><body><h1>Music theory</h1><table>
<tr><th>Term</th><th>Lessons</th></tr>
<tr><td>Rhythm</td><td><a href="/a">Note values</a><br><a href="/b">Time signatures</a></td></tr>
<tr><td>Pitch</td><td>Clefs<br/>Key signatures</td></tr>
</table></body></html>"""
    titles = [title for title, _ in _leaves(parse_roadmap(page, source="m.html"))]
    assert titles == ["Note values", "Time signatures", "Clefs", "Key signatures"]


def test_a_sentence_broken_over_lines_stays_one_title():
    page = """<html><body><h1>Music theory</h1><table>
<tr><th>Unit</th><th>Lessons</th></tr>
<tr><td>Rhythm</td><td>Clap the rhythm of a song<br>you know well</td></tr>
<tr><td>Pitch</td><td>Sing a major scale, then<br>sing it again in minor.</td></tr>
</table></body></html>"""
    titles = [title for title, _ in _leaves(parse_roadmap(page, source="m.html"))]
    assert titles == [
        "Clap the rhythm of a song you know well",
        "Sing a major scale, then sing it again in minor.",
    ]


def test_a_week_cell_without_dates_is_not_split():
    page = """<html><body><table>
<thead><tr><th>Week</th><th>Topics</th></tr></thead>
<tr><td>1<br>Warm-up</td><td>Breathing</td></tr>
<tr><td>2<br>Range</td><td>Head voice</td></tr>
</table></body></html>"""
    markdown = html_to_markdown(page)
    assert "Dates" not in markdown
    titles = [title for title, _ in _leaves(parse_roadmap(page, source="v.html"))]
    assert titles == ["Breathing", "Head voice"]


# --- HTML headings, lists and groups read as before --------------------------------------------


def test_an_html_page_of_headings_lists_and_groups_reads_as_before():
    page = """<!doctype html><html><head><title>Sailing</title></head><body>
<nav><a href="/">Home</a></nav>
<h1>Sailing</h1>
<h2>Dinghy</h2>
<ul>
  <li><input type="checkbox" checked> Rigging</li>
  <li><input type="checkbox"> Tacking
    <ul><li>Roll tacks</li><li>Tacking in waves</li></ul>
  </li>
</ul>
<details><summary>Keelboat</summary>
<ol><li>Reefing</li><li>Heaving to</li></ol>
</details>
<footer>© club</footer>
</body></html>"""
    roadmap = parse_roadmap(page, source="sail.html")
    assert roadmap.title == "Sailing"
    assert _leaves(roadmap) == [
        ("Rigging", "done"),
        ("Roll tacks", "todo"),
        ("Tacking in waves", "todo"),
        ("Reefing", "todo"),
        ("Heaving to", "todo"),
    ]
    assert all("Home" not in node.title and "club" not in node.title for node in roadmap.walk())


def test_an_html_list_in_markdown_is_still_read_where_it_stands():
    text = "# Sailing\n\n## Dinghy\n\n<ul>\n<li>Rigging</li>\n<li>Tacking</li>\n</ul>\n"
    assert [title for title, _ in _leaves(parse_roadmap(text))] == ["Rigging", "Tacking"]


def test_a_headed_html_table_with_a_status_column_reads_as_before():
    page = """<table><thead><tr><th>Topic</th><th>Status</th></tr></thead><tbody>
<tr><td>Knots</td><td>Done</td></tr>
<tr><td>Charts</td><td>In progress</td></tr>
<tr><td>Tides</td><td>Not started</td></tr>
</tbody></table>
"""
    assert _leaves(parse_roadmap(page, source="t.html")) == [
        ("Knots", "done"),
        ("Charts", "doing"),
        ("Tides", "todo"),
    ]


def test_a_checklist_page_whose_boxes_stand_in_their_own_divs_is_read_not_refused():
    page = (
        "<!DOCTYPE html><html><head><title>Pottery checklist</title></head><body>"
        "<h1>Pottery checklist</h1><ul class='checklist'>"
        "<li class='item'><div class='head'><input type='checkbox'></div>"
        "<div class='title'>Clay basics</div>"
        "<ul><li class='sub'><div><input type='checkbox' checked></div><div>Wedging</div></li>"
        "<li class='sub'><div><input type='checkbox'></div><div>Centering</div></li></ul></li>"
        "</ul></body></html>"
    )
    roadmap = parse_roadmap(page)
    leaves = [(leaf.title, leaf.status.value) for leaf in roadmap.leaves()]
    assert leaves == [("Wedging", "done"), ("Centering", "todo")], leaves


# --- a tracker drawn with form controls ------------------------------------------------------

_LABEL_TRACKER = """<!doctype html><html><head><title>Tracker - keep your streak!</title></head>
<body><h1>Pottery checklist</h1>
<section><h2>March</h2>
  <div><h3>Week 1</h3>
    <div>
      <label><input type="checkbox" checked><span>Mon: Wedging</span></label>
      <label><input type="checkbox"><span>Tue: Centring</span></label>
      <label><input type="checkbox"><span>Wed: Opening</span></label>
    </div>
  </div>
  <div><h3>Week 2</h3>
    <label><input type="checkbox"><span>Mon-Fri: Throw ten cylinders</span></label>
  </div>
</section>
<section><h2>April</h2><div><h3>Week 3</h3>
  <label><input type="checkbox"><span>Glazing</span></label>
  <label><input type="checkbox"><span>Firing</span></label>
</div></section>
</body></html>"""


def test_checkbox_labels_side_by_side_are_one_task_each_and_the_h1_names_the_page():
    roadmap = parse_roadmap(_LABEL_TRACKER, source="tracker.html")
    assert roadmap.title == "Pottery checklist"
    assert _leaves(roadmap) == [
        ("Mon: Wedging", "done"),
        ("Tue: Centring", "todo"),
        ("Wed: Opening", "todo"),
        ("Mon-Fri: Throw ten cylinders", "todo"),
        ("Glazing", "todo"),
        ("Firing", "todo"),
    ]


def test_a_page_without_html_or_body_tags_and_a_long_style_block_is_read_as_html():
    css = "\n".join(f".c{n} {{ margin: {n}px; color: #333; }}" for n in range(60))
    page = (
        f'<meta charset="utf-8">\n<title>Kiln study set</title>\n<style>\n{css}\n</style>\n'
        '<section class="week">\n  <div class="head">\n    <span>SHEET 01</span>\n'
        "    <h2>Firing basics</h2>\n  </div>\n"
        '  <div class="day">\n    <h3>Cones and temperatures</h3>\n'
        '    <ul class="tasks">\n      <li>Read the cone chart</li>\n'
        "      <li>Log one bisque firing</li>\n    </ul>\n  </div>\n</section>\n"
        '<section class="week">\n  <div class="head">\n    <h2>Glaze firing</h2>\n  </div>\n'
        '  <ul class="tasks">\n    <li>Load a glaze kiln</li>\n  </ul>\n</section>\n'
        "<script>\n" + "\n".join(f"let v{n} = {n};" for n in range(40)) + "\n</script>\n"
    )
    from roadvault.parse.inputs import as_markdown

    assert as_markdown(page, source="kiln.html")[1] == "html"
    roadmap = parse_roadmap(page)
    assert [phase.title for phase in roadmap.nodes] == ["Firing basics", "Glaze firing"]
    assert [leaf.title for leaf in roadmap.leaves()] == [
        "Read the cone chart",
        "Log one bisque firing",
        "Load a glaze kiln",
    ]


def test_a_heading_inside_a_list_entry_labels_that_entry_and_keeps_the_list():
    page = (
        "<html><body><h1>Glazing</h1><ul>\n"
        "<li><b>Step 1:</b> Mix a test glaze.\n<h4>Some advice:</h4>\n"
        "<ul><li>Weigh dry.</li><li>Sieve twice.</li></ul></li>\n"
        "<li><b>Step 2:</b> Fire three test tiles.\n<h4>Some advice:</h4>\n"
        "<ul><li>Label the tiles.</li></ul></li>\n"
        "<li><b>Step 3:</b> Compare the tiles.</li>\n"
        "</ul></body></html>\n"
    )
    titles = [title for title, _ in _leaves(parse_roadmap(page, source="glaze.html"))]
    assert [t for t in titles if "tile" in t.lower() or "glaze" in t.lower()][:3] == [
        "Step 1: Mix a test glaze.",
        "Step 2: Fire three test tiles.",
        "Step 3: Compare the tiles.",
    ], titles
    assert "#### Some advice:" not in html_to_markdown(page)


def test_a_cell_spanning_rows_keeps_the_rows_below_it_in_their_columns():
    text = (
        "# Pottery school\n\n<table>\n"
        "<tr><td></td><td></td><td><b>Topic</b></td><td><b>Reading</b></td></tr>\n"
        '<tr><th rowspan="3">Term 1</th><td>Day 1</td><td>Wedging</td><td>Ch. 1</td></tr>\n'
        "<tr><td>Day 2</td><td>Centering</td><td>Ch. 2</td></tr>\n"
        "<tr><td>Day 3</td><td>Trimming</td><td>Ch. 3</td></tr>\n"
        '<tr><th rowspan="2">Term 2</th><td>Day 4</td><td>Glazing</td><td>Ch. 4</td></tr>\n'
        "<tr><td>Day 5</td><td>Firing</td><td>Ch. 5</td></tr>\n"
        "</table>\n"
    )
    roadmap = parse_roadmap(text)
    # "Term 1" spans three rows: each row below still has its topic in the Topic column
    parts = [(n.title, [c.title for c in n.children]) for n in roadmap.nodes]
    assert parts == [
        ("Term 1", ["Wedging", "Centering", "Trimming"]),
        ("Term 2", ["Glazing", "Firing"]),
    ]


def test_a_converters_stand_in_page_title_does_not_name_the_roadmap():
    text = (
        "<html><head><title>Converted document</title></head><body>"
        "<h1>Wheel Throwing 101</h1><h1>Topics</h1><ol><li>Wedging</li><li>Centering</li>"
        "<li>Trimming</li></ol></body></html>"
    )
    assert parse_roadmap(text, source="syllabus.html").title == "Wheel Throwing 101"


def test_a_tracker_page_drawn_by_its_script_is_read_from_the_scripts_data():
    page = (
        "<!DOCTYPE html><html><head><title>Kiln log</title></head><body><div id=app></div>"
        "<script>const DATA = {title: 'Kiln log', phases: [{title: 'Phase 1 — Bisque', "
        "items: ['Load the kiln', 'Fire to cone 04', `Unload cooled ware`]}, "
        "{title: 'Phase 2 — Glaze', items: [{text: 'Dip the pots', completed: true}, "
        "{text: 'Fire to cone 6'}],},]};\nmount(DATA);</script></body></html>"
    )
    roadmap = parse_roadmap(page, source="kiln.html")
    assert [n.title for n in roadmap.nodes] == ["Phase 1 — Bisque", "Phase 2 — Glaze"]
    statuses = {leaf.title: leaf.status.value for leaf in roadmap.leaves()}
    assert statuses["Dip the pots"] == "done" and statuses["Fire to cone 6"] == "todo"
    assert len(statuses) == 5


def test_a_script_literal_holding_code_is_not_read_as_a_plan():
    page = (
        "<!DOCTYPE html><html><body><div id=app></div><script>"
        "const DATA = {title: 'x', items: [load('a'), load('b'), load('c')]};"
        "</script></body></html>"
    )
    assert parse_roadmap(page, source="app.html").nodes == []


def test_a_row_holding_only_the_cell_that_spans_the_rows_below_names_them_and_is_no_entry():
    text = "\n".join(
        [
            "# Pottery reading group",
            "<table>",
            "  <tr><td /><td /><td>Ana</td><td>Ben</td></tr>",
            '  <tr><td rowspan="3">Week 1</td></tr>',
            '  <tr><td>Chapter 1</td><td><a href="notes/1-ana.md">📕</a></td><td /></tr>',
            "  <tr><td>Chapter 2</td><td /><td /></tr>",
            '  <tr><td rowspan="3">Week 2</td></tr>',
            "  <tr><td>Chapter 3</td><td /><td /></tr>",
            "  <tr><td>Chapter 4</td><td /><td /></tr>",
            '  <tr><td rowspan="3">Week 3</td></tr>',
            "  <tr><td>Chapter 5</td><td /><td /></tr>",
            "  <tr><td>Chapter 6</td><td /><td /></tr>",
            "</table>",
        ]
    )
    roadmap = parse_roadmap(text)
    weeks = [(n.title, [leaf.title for leaf in n.leaves()]) for n in roadmap.nodes]
    assert weeks == [
        ("Week 1", ["Chapter 1", "Chapter 2"]),
        ("Week 2", ["Chapter 3", "Chapter 4"]),
        ("Week 3", ["Chapter 5", "Chapter 6"]),
    ], weeks


def test_lessons_listed_as_bare_li_lines_in_a_quoted_details_group_are_items():
    text = "\n".join(
        [
            "## Courses",
            "",
            "<details><summary><b>P1 - Hand building</b></summary><blockquote>",
            "    <details><summary><u>Lectures</u></summary><blockquote>",
            "        <li>P1L1 - Lesson 1. Pinch pots <b>{photos}</b></li>",
            "        <li>P1L2 - Lesson 2. Coil building</li>",
            "        <li>P1L3 - Lesson 3. Slab work</li>",
            "    </blockquote></details>",
            "    <details><summary><u>Workshops</u></summary><blockquote>",
            "        <li>P1S1 - Lesson 1. A pinch-pot cup</li>",
            "        <li>P1S2 - Lesson 2. A coil vase</li>",
            "    </blockquote>",
            "    </details>",
            "</blockquote></details>",
        ]
    )
    titles = [title for title, _ in _leaves(parse_roadmap(text))]
    assert len(titles) == 5, titles
    assert any("Coil building" in title for title in titles), titles


def test_a_details_group_named_by_a_heading_in_its_summary_closes_the_section_before_it():
    text = (
        "# Pottery year\n\n## How to Use This Roadmap\n\n### Principles\n\n"
        "1. **Slow:** throw every day\n\n---\n\n"
        "<details>\n<summary><h2>Phase 1: Clay</h2></summary>\n\n"
        "### Week 1: Wedging\n\n- Wedge a kilo\n- Wedge two kilos\n\n"
        "### Week 2: Centring\n\n- Centre a small ball\n\n</details>\n\n"
        "<details>\n<summary><h2>Phase 2: Glaze</h2></summary>\n\n"
        "### Week 3: Dipping\n\n- Dip a test tile\n\n</details>\n"
    )
    roadmap = parse_roadmap(text)
    phases = [node.title for node in roadmap.nodes]
    assert phases[-2:] == ["Phase 1: Clay", "Phase 2: Glaze"], phases
    assert [leaf.title for leaf in roadmap.leaves()][-4:] == [
        "Wedge a kilo",
        "Wedge two kilos",
        "Centre a small ball",
        "Dip a test tile",
    ]


def _fold(summary: str, body: str, indent: str = "  ") -> str:
    return (
        f"{indent}<details>\n{indent}  <summary>{summary}</summary>\n\n{body}\n{indent}</details>\n"
    )


def test_folds_nested_in_html_with_their_lists_indented_to_show_the_nesting():
    # a page written as nested <details>, no heading of its own: the top folds are the parts
    # (their <h2> names a part, not the page), the inner ones the topics, and the bullets
    # indented four spaces under them (Markdown would show code) the topics' entries
    def part(name: str, topics: dict[str, list[str]]) -> str:
        inner = "\n".join(
            _fold(topic, "\n".join(f"    - {entry}" for entry in entries))
            for topic, entries in topics.items()
        )
        return f"<details>\n  <summary><h2>{name}</h2></summary>\n\n{inner}\n</details>\n"

    text = "\n".join(
        [
            part(
                "Shell basics",
                {
                    "1️⃣ Moving around": ["Paths (`cd`, `pwd`)", "Listing files (`ls -la`)"],
                    "2️⃣ Files": ["Copying (`cp`)", "Printing (`echo()` and `printf()`)"],
                },
            ),
            part(
                "Scripting",
                {
                    "1️⃣ Variables": ["Assigning a value", "Quoting rules"],
                    "2️⃣ Loops": ["`for` loops", "`while` loops", "Reading lines"],
                },
            ),
        ]
    )
    roadmap = parse_roadmap(text, source="shell-trail.md")
    assert roadmap.title == "Shell Trail"
    assert [(phase.title, len(phase.leaves())) for phase in roadmap.nodes] == [
        ("Shell basics", 4),
        ("Scripting", 5),
    ]
    assert "Printing (echo() and printf())" in [leaf.title for leaf in roadmap.leaves()]


def test_an_html_table_with_empty_lines_between_its_rows_is_read_to_its_end():
    rows = []
    for week, (day, topic) in enumerate(
        [("Mon 2", "Wedging clay"), ("Mon 9", "Centring"), ("Mon 16", "Pulling walls")], start=1
    ):
        rows.append(
            f"        <tr>\n            <td>Week {week}</td>\n            <td>\n"
            f"                <strong>{day}</strong><br>\n                {topic}<br>\n"
            f'                <a href="https://example.org/{week}.pdf">slides</a> |\n'
            f'                <a href="https://example.org/{week}.zip">files</a>\n'
            "                \n            </td>\n"
            f"            <td>Chapter {week}</td>\n        </tr>\n"
        )
    text = (
        "# Schedule\n\n<table>\n    <thead>\n        <tr>\n            <th>Week</th>\n"
        "            <th>Lecture Materials</th>\n            <th>Readings</th>\n"
        "        </tr>\n    </thead>\n    <tbody>\n" + "\n".join(rows) + "    </tbody>\n</table>\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == ["Mon 2 Wedging clay", "Mon 9 Centring", "Mon 16 Pulling walls"], titles
    assert [r.url for r in roadmap.leaves()[0].resources][:2] == [
        "https://example.org/1.pdf",
        "https://example.org/1.zip",
    ]


def test_markdown_written_inside_an_html_table_cell_stays_markdown():
    text = (
        "# Pottery\n\n<table>\n<tr>\n<td>\n\n- Wedging\n- Centring\n\n</td>\n<td>\n\n"
        "- Glazing\n- Firing\n\n</td>\n</tr>\n</table>\n"
    )
    titles = [leaf.title for leaf in parse_roadmap(text).leaves()]
    assert titles == ["Wedging", "Centring", "Glazing", "Firing"], titles


def test_bold_html_lines_under_an_html_heading_are_its_entries_and_spans_their_notes():
    text = (
        "# Clay bootcamp\n\n## Level 01\n\n<h3>Module 01</h3>\n<b>Wedging and centring</b>\n"
        "<br />\n<span>In this module we wedge the clay and centre it on the wheel.</span>\n"
        "<br />\n<b>Challenge: a cylinder</b>\n<br />\n<span>Throw one tall cylinder.</span>\n\n"
        "<h3>Module 02</h3>\n<b>Trimming</b>\n<br />\n<span>Trim a foot ring.</span>\n"
    )
    roadmap = parse_roadmap(text)
    titles = [leaf.title for leaf in roadmap.leaves()]
    assert titles == ["Wedging and centring", "Challenge: a cylinder", "Trimming"], titles
    assert "wedge the clay" in roadmap.leaves()[0].notes


def test_a_header_cell_spanning_columns_names_each_column_it_covers():
    text = (
        '# Kiln club\n\n<table>\n  <tr>\n    <td>Week</td>\n    <td colspan="3">Pieces</td>\n'
        "  </tr>\n  <tr>\n\t<td>Week 2</td>\n\t<td>Bowl</td>\n\t<td>Cup</td>\n\t<td>Plate</td>\n"
        "  </tr>\n  <tr>\n\t<td>Week 1</td>\n\t<td>Pinch pot</td>\n\t<td>Coil pot</td>\n"
        "\t<td>Slab box</td>\n  </tr>\n</table>\n"
    )
    roadmap = parse_roadmap(text)
    assert len(roadmap.leaves()) == 6
    assert all(len(week.leaves()) == 3 for week in roadmap.nodes), [n.title for n in roadmap.nodes]


def test_an_html_table_shown_in_a_code_block_keeps_its_empty_lines():
    code = "<table>\n  <tr><td>Wedging</td></tr>\n\n  <tr><td>Centring</td></tr>\n</table>"
    text = f"# Clay site\n\n## Week 1\n\n- Build a table page\n\n```html\n{code}\n```\n"
    roadmap = parse_roadmap(text)
    assert [leaf.title for leaf in roadmap.leaves()] == ["Build a table page"]
    assert readable_text(text)[0] == text  # the code is left as written
