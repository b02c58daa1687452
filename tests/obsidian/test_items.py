"""The item-line grammar the updates read (obsidian/items.py): merge's item lines and the
checkbox that joining copies reads and sets agree on every line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from roadvault.obsidian.items import CHECKBOX, ITEM_LINE

_LEADS = st.sampled_from(["", "  ", "\t", "> ", ">> ", "> > ", ">\t", "  > ", ">\t> "])
_BULLETS = st.sampled_from(["-", "*", "+", "1.", "12)", "3."])
_MARKS = st.sampled_from([None, " ", "x", "X", "/", "-", "?"])
_TEXT = st.text(alphabet="ab [x]^-", min_size=1, max_size=12).filter(lambda t: t.strip())


@given(_LEADS, _BULLETS, _MARKS, _TEXT)
def test_an_item_lines_mark_is_the_checkbox_read_and_set_on_it(
    lead: str, bullet: str, mark: str | None, text: str
) -> None:
    box = f"[{mark}] " if mark is not None else ""
    line = f"{lead}{bullet} {box}{text.strip()} ^rv-abc123"
    item = ITEM_LINE.match(line)
    assert item is not None and item["id"] == "rv-abc123"
    checkbox = CHECKBOX.match(line)
    assert (checkbox.group(2) if checkbox else None) == item["mark"]
    if checkbox:
        # setting the mark keeps everything before and after the box
        changed = CHECKBOX.sub(lambda m: f"{m.group(1)}[z] ", line, count=1)
        again = ITEM_LINE.match(changed)
        assert again is not None
        assert (again["lead"], again["bullet"], again["mark"], again["text"]) == (
            item["lead"],
            item["bullet"],
            "z",
            item["text"],
        )


def test_a_line_without_our_id_is_no_item_of_the_updates():
    assert ITEM_LINE.match("- [ ] Arrays") is None
    assert ITEM_LINE.match("- [ ] Arrays ^my-own-id") is None
    assert CHECKBOX.match("- [x] Arrays").group(2) == "x"
