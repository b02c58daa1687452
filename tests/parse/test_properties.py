"""Property tests: the parser never fails with anything but the project's own errors, and a
model rendered as a checklist reads back to the same titles, statuses, durations and shape."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import examples
from roadvault.errors import RoadvaultError
from roadvault.model import Node, Resource, Roadmap, Status
from roadvault.parse import decode_roadmap, parse_roadmap, roadmap_to_markdown
from roadvault.parse.durations import planned_days
from roadvault.parse.titles import clean_title, light_clean

# --- (1) arbitrary input -----------------------------------------------------------------------

_PIECES = [
    "# ",
    "## ",
    "### **",
    "**",
    "__",
    "*",
    "_",
    "- ",
    "* ",
    "+ ",
    "1. ",
    "2) ",
    "- [ ] ",
    "- [x] ",
    "[/] ",
    "[>] ",
    "\t",
    "  ",
    "    ",
    "\n",
    "\n\n",
    "---\n",
    "+++\n",
    "===\n",
    "> ",
    "> [!todo] ",
    "<details>\n",
    "<summary>",
    "</summary>\n",
    "</details>\n",
    "<!-- ",
    " -->",
    "%%",
    "```\n",
    "```markdown\n",
    "| a | b |\n",
    "|---|---|\n",
    "[[",
    "]]",
    "|",
    "#",
    "^",
    "[",
    "](",
    ")",
    "![",
    "(3 weeks)",
    "Month 1–2: ",
    "~10h",
    ": 2 hours/day",
    "Resources:",
    "**Recommended resources:**",
    "Table of Contents",
    "Sure! Here's",
    "Let me know",
    "title: x\n",
    "title: [\n",
    "&a [",
    "*a",
    "Week 3",
    "Step 1: ",
    "🔰 ",
    "é",
    "’",
    "\x00",
    "\r\n",
    "\u2028",
    "\ufeff",
    "x",
    "Topic",
]

markdownish = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
any_text = st.one_of(st.text(max_size=400), markdownish)


def _check_parse(text: str) -> None:
    try:
        roadmap = parse_roadmap(text, source="fuzz.md")
    except RoadvaultError:
        return
    roadmap.to_json()
    for node in roadmap.walk():
        assert node.id.startswith("rv-")
        assert node.title == node.title.strip()
        assert "\x00" not in node.title


@given(any_text)
@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_never_fails_with_a_foreign_error(text: str) -> None:
    _check_parse(text)


@given(st.binary(max_size=300))
@settings(max_examples=examples(150), deadline=None)
def test_decode_never_fails_with_a_foreign_error(data: bytes) -> None:
    try:
        text = decode_roadmap(data, source="fuzz.md")
    except RoadvaultError:
        return
    assert isinstance(text, str)


@pytest.mark.slow
@given(any_text)
@settings(max_examples=examples(5000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_parse_never_fails_with_a_foreign_error_long(text: str) -> None:
    _check_parse(text)


# --- (2) model → checklist → model ------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list("       -,.'&+/#!?%()[]*_<>|~^`\\")
    + list("éüñßøçåłžÆŒ’“”–—…日本語中文한국어Ωπ√∞")
)
_DURATIONS = [
    "3 weeks",
    "1-2 months",
    "Month 1–2",
    "Weeks 3-4",
    "~10h",
    "1.5 months",
    "ongoing",
    "2 days",
    "Week 5",
]
_MARKERS = [" ", "x", "X", "/", "-", ">", "?", "!"]


def _canonical_title(text: str) -> bool:
    """A title the parser itself could produce (it cleans titles; the model keeps them clean)."""
    parts = clean_title(text)
    return (
        bool(text)
        and parts.title == text
        and parts.duration is None
        and not parts.extra
        and not text.startswith("[")
        and "[[" not in text
    )


titles = st.text(_ALPHABET, min_size=1, max_size=30).filter(_canonical_title)
resource_texts = st.text(_ALPHABET, min_size=1, max_size=20).filter(
    lambda t: light_clean(t) == t and "[[" not in t and not t.startswith("[")
)
urls = st.from_regex(r"https://example\.org/[a-z0-9/]{0,12}", fullmatch=True)


@st.composite
def nodes(draw, depth: int = 0) -> Node:
    marker = draw(st.sampled_from(_MARKERS))
    status = Status.from_marker(marker)
    node = Node(
        title=draw(titles),
        status=status,
        marker=None if marker in (" ", "x", "X", "/", "-") else marker,
        duration=draw(st.none() | st.sampled_from(_DURATIONS)),
    )
    if node.duration:
        node.planned_days = planned_days(node.duration)
    texts = draw(st.lists(resource_texts, max_size=2, unique=True))
    node.resources = [Resource(text, draw(st.none() | urls)) for text in texts]
    if depth < 3:
        node.children = draw(st.lists(nodes(depth + 1), max_size=3))
    return node


@st.composite
def roadmaps(draw) -> Roadmap:
    return Roadmap(
        title=draw(titles),
        source="generated.md",
        nodes=draw(st.lists(nodes(), min_size=1, max_size=4)),
    )


def _shape(nodes_: list[Node]) -> list:
    return [
        (n.title, n.status, n.marker, n.duration, n.planned_days, n.resources, _shape(n.children))
        for n in nodes_
    ]


def _check_round_trip(roadmap: Roadmap) -> None:
    again = parse_roadmap(roadmap_to_markdown(roadmap), source=roadmap.source)
    assert again.title == roadmap.title
    # every node is written as its own task box, so each keeps its status: a ticked parent
    # does not tick a sub-item the author left open
    assert _shape(again.nodes) == _shape(roadmap.nodes)


@given(roadmaps())
@settings(max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_checklist_round_trip(roadmap: Roadmap) -> None:
    _check_round_trip(roadmap)


@pytest.mark.slow
@given(roadmaps())
@settings(max_examples=examples(3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_checklist_round_trip_long(roadmap: Roadmap) -> None:
    _check_round_trip(roadmap)


def test_a_resource_named_like_a_step_stays_a_resource_in_the_outline_form() -> None:
    """Found by the long round trip: "Resources:" › "RESUELVE" (no address) read back as a
    step once imperative words in Spanish were known; the outline form says what it means."""
    node = Node(title="0", id="", resources=[Resource("RESUELVE", None), Resource("Read", None)])
    _check_round_trip(Roadmap(title="0", source="generated.md", nodes=[node]))


def test_a_title_of_dashes_with_a_length_reads_back_from_the_outline_form() -> None:
    """Found by the long round trip: "- [ ] \\-- (3 weeks)" read back as a name drawn
    between rules ("-- Problem solving --"), the title "(3 weeks)" and no length."""
    nodes = [
        Node(title="0", id=""),
        Node(title="--", id="", duration="3 weeks", planned_days=(21, 21)),
    ]
    _check_round_trip(Roadmap(title="0", source="generated.md", nodes=nodes))
