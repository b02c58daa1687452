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
