"""Links: a list of only links under a topic is the topic's reading list.

"- Syntax" followed by two sub-bullets that are nothing but links (a tutorial, a book
chapter) is one thing to learn with two resources, not two more checkboxes. Links that are
clearly units of a course (relative links to the repository's lesson files, or link texts
numbered like "Lesson 3", "Day 12", "Chapter 2") are steps and stay items.
"""

from __future__ import annotations

import re

from roadvault.model import Resource
from roadvault.parse.drafts import ITEM, Draft, walk
from roadvault.parse.rules import fired, rule
from roadvault.parse.titles import has_numbering, light_clean

_UNIT_WORD_RE = re.compile(
    r"^\s*(?:lesson|lecture|chapter|day|week|module|unit|part|section|episode|exercise|lab"
    r"|assignment|homework|problem set|pset|project|quiz)s?\b",
    re.I,
)


def _external(href: str) -> bool:
    return href.startswith(("http://", "https://", "www."))


def _is_link_only(draft: Draft) -> bool:
    if not draft.links:
        return False
    rest = draft.text
    for visible, _ in draft.links:
        rest = rest.replace(visible, " ", 1)
    return not re.sub(r"[\s,;:|·•\-–—()\[\]]+", "", rest)


def _is_unit(draft: Draft) -> bool:
    return bool(_UNIT_WORD_RE.match(draft.text)) or has_numbering(draft.text)


def reading_list(draft: Draft) -> list[Resource] | None:
    """The resources of a bullet whose sub-bullets are only external links, else None."""
    if draft.kind != ITEM or not draft.children or not draft.title:
        return None
    kids = draft.children
    if any(k.kind != ITEM or k.is_task or k.children or not _is_link_only(k) for k in kids):
        return None
    if not all(_external(href) for k in kids for _, href in k.links):
        return None
    if all(_is_unit(k) for k in kids):
        return None
    return [Resource(light_clean(t) or h, h) for k in kids for t, h in k.links]


@rule("reading-list")
def links_to_resources(root: Draft) -> None:
    """A bullet whose sub-bullets are only links is one item with those links as resources,
    unless every link is numbered or named like a course unit (then each is a step)."""
    for draft in walk(root):
        found = reading_list(draft)
        if found is None:
            continue
        for kid in draft.children:
            fired("reading-list", kid.line, "resource")
        draft.resources.extend(found)
        draft.children = []
