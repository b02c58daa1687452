"""The script-data reader turns JavaScript literals into data without running them."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from roadvault.parse.script_data import _as_json, _literal_end

KEYS = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,8}", fullmatch=True).filter(
    lambda key: key not in {"undefined"}
)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)
DATA = st.recursive(
    st.none() | st.booleans() | st.integers(-1000, 1000) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4),
    max_leaves=20,
)


def _js(value: object, quote: str) -> str:
    """`value` written as a person writes a JavaScript literal: bare keys, the given quote,
    trailing commas."""
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace(quote, "\\" + quote).replace("\n", "\\n")
        return f"{quote}{escaped}{quote}"
    if isinstance(value, list):
        return "[" + "".join(f"{_js(item, quote)}, " for item in value) + "]"
    if isinstance(value, dict):
        return "{" + "".join(f"{key}: {_js(item, quote)},\n" for key, item in value.items()) + "}"
    return json.dumps(value)


@given(DATA, st.sampled_from(["'", '"']))
def test_a_literal_written_by_hand_reads_back_as_its_data(value, quote):
    literal = _js(value, quote)
    assert json.loads(_as_json(literal)) == value


@given(DATA)
def test_the_literal_ends_at_its_own_closing_bracket(value):
    literal = _js([value], "'")
    text = f"const A = {literal}; render(A);"
    start = text.index("[")
    assert _literal_end(text, start) == start + len(literal)
