"""Hypothesis strategies for roadmap models."""

from __future__ import annotations

from hypothesis import strategies as st

from roadvault.model import Node, Resource, Roadmap, Status

from .roadmaps import with_ids

title_text = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=40
).filter(lambda text: text.strip())
plain_titles = st.sampled_from(
    [
        "Projects",
        "Basics",
        "Linear Algebra",
        "C# basics",
        "What is DNS?",
        "Joins: and more",
        "../../etc/passwd",
        "CON",
        "[Optional] Docker",
        "Über",
        "Home",
        "Progress",
        "🚀 Launch",
    ]
)
titles = plain_titles | title_text
durations = st.none() | st.sampled_from(["2 days", "3 weeks", "1-2 months", "~10h"])
statuses = st.sampled_from(list(Status))
resources = st.lists(
    st.builds(Resource, title_text, st.none() | st.just("https://example.org/a (b)")),
    max_size=2,
)


def nodes(max_depth: int) -> st.SearchStrategy[Node]:
    leaf = st.builds(
        Node,
        title=titles,
        status=statuses,
        duration=durations,
        marker=st.none() | st.just(">"),
        resources=resources,
    )
    if max_depth <= 1:
        return leaf
    return leaf | st.builds(
        Node,
        title=titles,
        duration=durations,
        notes=st.sampled_from(["", "**Goal:** learn it.", "- [ ] not a task\nplain"]),
        resources=resources,
        children=st.lists(nodes(max_depth - 1), min_size=1, max_size=4),
    )


@st.composite
def roadmaps(draw: st.DrawFn, max_depth: int = 4) -> Roadmap:
    roadmap = Roadmap(
        title=draw(titles),
        source="random.md",
        notes=draw(st.sampled_from(["", "An intro with a [[Wikilink]]?"])),
        nodes=draw(st.lists(nodes(max_depth), min_size=1, max_size=5)),
    )
    return with_ids(roadmap)
