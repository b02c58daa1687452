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


# The source of a program or a notebook: "[Add two matrices](./Workouts/Add_matrix.c)",
# "[if-else](https://github.com/…/blob/main/demo/if-else.py)".
_CODE_FILE_RE = re.compile(
    r"\.(?:py|ipynb|c|h|cc|cpp|hpp|java|kt|js|jsx|ts|tsx|go|rs|rb|php|cs|swift|scala|sql|sh"
    r"|r|jl|hs|ml|ex|exs|lua|dart|m|asm|s|v|vhd|vhdl|sv)(?:[?#].*)?$",
    re.I,
)


MIN_CODE_LINKS = 2
MIN_CODE_SHARE = 0.75


def links_to_code(draft: Draft) -> bool:
    """Whether the links under `draft` (two at least, three in four of them) open a program's
    source file: the programs the learner writes or runs, each a step, not pages to read (a
    program's input file among them, "Entry.txt", changes nothing)."""
    hrefs = [href for d in walk(draft) for _, href in d.links]
    code = sum(1 for href in hrefs if _CODE_FILE_RE.search(href.strip("<>")))
    return code >= MIN_CODE_LINKS and code >= MIN_CODE_SHARE * len(hrefs)


def _is_link_only(draft: Draft) -> bool:
    if not draft.links:
        return False
    rest = draft.text
    for visible, _ in draft.links:
        rest = rest.replace(visible, " ", 1)
    return not re.sub(r"[\s,;:|·•\-–—()\[\]]+", "", rest)


# "[MD](hw01.md) · [PDF](hw01.pdf)", "[Slides](…) [Video](…)": the same material in
# several forms, named by its form; never a unit of its own.
_FORM_WORD_RE = re.compile(
    r"^(?:md|markdown|pdf|html?|ipynb|notebook|colab|jupyter|slides?|deck|video|recording"
    r"|audio|code|source|solutions?|notes|handout|pptx?|docx?|txt|epub|mp4|zip|tex|latex"
    r"|youtube|github|repo|online|web|download|english|中文|英文|讲义|课件|视频|代码|笔记)$",
    re.I,
)
# "Homework 01" › "Problems" › [MD] [PDF]: a generic name for the files of its parent.
_MATERIALS_LABEL_RE = re.compile(
    r"^(?:problems?|problem set|exercises?|materials?|files|downloads?|solutions?|slides"
    r"|handouts?|assignment|tasks?|statement|题目|习题|资料|問題|課題)$",
    re.I,
)


def _names_a_form(draft: Draft) -> bool:
    return all(_FORM_WORD_RE.match(light_clean(text).strip()) for text, _ in draft.links)


def _is_unit(draft: Draft) -> bool:
    return bool(_UNIT_WORD_RE.match(draft.text)) or has_numbering(draft.text)


# "https://github.com/owner/course/blob/main/6. Part/6.1.3 Le DOM.md": a page of a repository.
_REPO_PAGE_RE = re.compile(r"^https?://github\.com/([^/]+/[^/]+)/(?:blob|tree)/[^?#]+\.md$", re.I)


def _same_repository_pages(draft: Draft) -> bool:
    """The bullet and every link under it open Markdown pages of one GitHub repository: the
    course's own lessons, given by full address, as a relative link would give them."""

    def repository(href: str) -> str | None:
        match = _REPO_PAGE_RE.match(href.strip("<>"))
        return match[1].casefold() if match else None

    own = {repository(href) for _, href in draft.links}
    kids = {repository(href) for kid in draft.children for _, href in kid.links}
    return len(own) == 1 and None not in own and kids == own


def reading_list(draft: Draft) -> list[Resource] | None:
    """The resources of a bullet whose sub-bullets are only external links, else None."""
    if draft.kind != ITEM or not draft.children or not draft.title:
        return None
    kids = draft.children
    if any(k.kind != ITEM or k.is_task or k.children or not _is_link_only(k) for k in kids):
        return None
    if not all(_names_a_form(k) for k in kids) and not all(
        _external(href) for k in kids for _, href in k.links
    ):
        return None  # a relative link is a lesson file, unless it names a form (PDF)
    if _same_repository_pages(draft):
        return None  # lessons of the course the parent is one of, written as full addresses
    if all(_is_unit(k) for k in kids) or links_to_code(draft):
        return None
    return [Resource(light_clean(t) or h, h) for k in kids for t, h in k.links]


@rule("reading-list")
def links_to_resources(root: Draft) -> None:
    """A bullet whose sub-bullets are only links is one item with those links as resources,
    unless every link is numbered or named like a course unit, or opens a program's source
    file ("[if-else](…/demo/if-else.py)": a program to write or run), or the bullet and its
    links are all pages of one repository (a lesson's sub-lessons): then each is a step. Links
    named by a form ("[MD]", "[PDF]", "[Slides]") are resources even inside the repository,
    and "Homework 01" › "Problems" › those forms is the homework with its files."""
    for draft in walk(root):
        found = reading_list(draft)
        if found is None:
            continue
        for kid in draft.children:
            fired("reading-list", kid.line, "resource")
        draft.resources.extend(found)
        draft.children = []
    for draft in walk(root):
        only = draft.children[0] if len(draft.children) == 1 else None
        if (
            draft.kind == ITEM
            and only is not None
            and only.kind == ITEM
            and not only.children
            and not only.is_task
            and only.resources
            and _MATERIALS_LABEL_RE.match(light_clean(only.title).strip(" :："))
        ):
            fired("reading-list", only.line, "resource")
            draft.resources.extend(only.resources)
            draft.children = []
