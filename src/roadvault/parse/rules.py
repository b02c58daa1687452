"""The reading rules by name: each decision the parser makes about what a part of a roadmap
means is one named rule, so `roadvault parse --explain` can say which rule decided a line,
and the tests can hold every rule to a case it must fire on and a case it must leave alone
(tests/fixtures/rules/<name>/). docs/READING.md describes them for people.

A rule is registered with `@rule("name")` on the small pure function that applies it; the
function's docstring is the rule's description. `fired(name, line, verdict)` records a
decision while `recording()` is active (`--explain`), and costs one lookup otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeVar

F = TypeVar("F", bound=Callable[..., object])


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    family: str
    doc: str


RULES: dict[str, Rule] = {}


def rule(name: str) -> Callable[[F], F]:
    """Register the decorated function as the reading rule `name` (family = its module)."""

    def register(func: F) -> F:
        family = func.__module__.rsplit(".", 1)[-1]
        doc = " ".join((func.__doc__ or "").split())
        known = RULES.get(name)
        if known is not None and (known.family, known.doc) != (family, doc):
            # two rules under one name: --explain and docs/READING.md would tell only one
            raise ValueError(
                f"reading rule {name!r} is registered twice ({known.family}, {family})"
            )
        RULES[name] = Rule(name=name, family=family, doc=doc)
        return func

    return register


@dataclass(frozen=True, slots=True)
class Decision:
    """What rule `rule` decided source line `line` became (phase/topic/item/resource/note/
    dropped/title), with a short detail for people."""

    line: int
    verdict: str
    rule: str
    detail: str = ""


_DECISIONS: ContextVar[list[Decision] | None] = ContextVar("roadvault_decisions", default=None)


@contextmanager
def recording() -> Iterator[list[Decision]]:
    """Collect the decisions rules make while the block runs (for `parse --explain`)."""
    decisions: list[Decision] = []
    token = _DECISIONS.set(decisions)
    try:
        yield decisions
    finally:
        _DECISIONS.reset(token)


def fired(name: str, line: int | None, verdict: str, detail: str = "") -> None:
    """Record that rule `name` decided what source `line` became; costs one lookup when
    nobody is recording."""
    decisions = _DECISIONS.get()
    if decisions is not None and line is not None:
        decisions.append(Decision(line, verdict, name, detail))
