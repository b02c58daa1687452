"""The reading rules by name: each decision the parser makes about what a part of a roadmap
means is one named rule, so `roadvault parse --explain` can say which rule decided a line,
and the tests can hold every rule to a case it must fire on and a case it must leave alone
(tests/fixtures/rules/<name>/). docs/READING.md describes them for people.

A rule is registered with `@rule("name")` on the small pure function that applies it; the
function's docstring is the rule's description. `fired(name, line)` records a decision with
the explain recorder (a no-op unless `--explain` is collecting).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

try:
    from roadvault.parse.explain import record
except ImportError:  # pragma: no cover - until the recorder lands

    def record(line: int, verdict: str, rule: str, detail: str = "") -> None:
        return None


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
        RULES[name] = Rule(name=name, family=family, doc=doc)
        return func

    return register


def fired(name: str, line: int | None, verdict: str, detail: str = "") -> None:
    """Tell the explain recorder that rule `name` decided what source `line` became."""
    if line is not None:
        record(line, verdict, name, detail)
