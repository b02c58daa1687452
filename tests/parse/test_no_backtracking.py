"""Every regular expression in roadvault runs in reasonable time on hostile lines.

A learner's roadmap or note may hold "🔖-----Tags-----" or "week 1 week 1 … x": a pattern
with nested quantifiers would take exponential time on them and hang `build` or `watch`.
Each compiled pattern is tried on such lines under an alarm; a pattern that needs more than
a moment fails the test by name.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import sys

import pytest

import roadvault
from roadvault.parse import parse_roadmap

UNITS = ("-", " -", ":", " ", "1 ", "a ", "- ", "—", "|", "* ", "**", "__", "#", "(", "[",
         "1.", "a-", "week 1 ", "1-", " & ", "x ", ". ", "=", "~", "`", "<", "/")  # fmt: skip
TAILS = ("x", "!", "\n", "", "🔖")
REPEATS = 40  # 2**40 steps for a pattern that backtracks on them: hours, not a moment
LIMIT_S = 1.0


class _TooSlow(Exception):
    pass


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for info in pkgutil.walk_packages(roadvault.__path__, "roadvault."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{info.name}.{name}", value))
    return found


def _alarm(_signum, _frame):
    raise _TooSlow


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGALRM")
def test_no_pattern_backtracks_exponentially_on_hostile_lines():
    previous = signal.signal(signal.SIGALRM, _alarm)
    slow = []
    try:
        for name, pattern in _patterns():
            for unit in UNITS:
                for tail in TAILS:
                    text = unit * REPEATS + tail
                    signal.setitimer(signal.ITIMER_REAL, LIMIT_S)
                    try:
                        pattern.search(text)
                        pattern.match(text)
                    except _TooSlow:
                        slow.append(f"{name} on {unit!r}×{REPEATS}+{tail!r}")
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert not slow, slow


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGALRM")
def test_a_rule_of_dashes_around_a_word_is_read_at_once():
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 20)
    try:
        roadmap = parse_roadmap(
            "# Plan\n\n## Week 1\n\n- Wedging\n- Centering\n\n"
            "🔖-----------------------------------Tags---------------------------------  \n"
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert [leaf.title for leaf in roadmap.leaves()][:2] == ["Wedging", "Centering"]


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGALRM")
def test_long_runs_of_spaces_in_titles_are_read_in_one_pass():
    """Looking for the name before a dash and a link by a pattern that tried every space as
    the name's end walked the line again from each: 4,500 words before a link took a third
    of a second, twenty such lines seconds. Titles with long runs of spaces stay quick too."""
    from roadvault.parse.drafts import _name_before_its_link
    from roadvault.parse.titles import clean_title

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        for i in range(20):
            assert clean_title(f"Wedging{' ' * 9000}x{i}").title.startswith("Wedging")
            assert _name_before_its_link(f"{'a ' * 4500}x{i}", [(f"x{i}", "n.md")]) is None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
