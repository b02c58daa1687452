"""Status marks people write in table cells that are not a word of the status column's
vocabulary: short codes ("CPLT", "WIP", "TBA", "N/A"), an image standing for the state (a
progress bar at 100 %, a "checked_16.svg" tick box, alt="done"), and a tick at the end of an
ordinary cell ("Ex. 4–6 ✅", "Study in Pink (Completed ✅)").

Pure: cell text in, a checkbox character (x, /, space, -) or None out.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from roadvault.parse.rules import rule
from roadvault.parse.titles import InlineText, strip_decorations

# Short codes trackers use for a state: "CPLT", "WIP", "TBA", "N/A".
_CODES = {
    "cplt": "x",
    "cmpl": "x",
    "cmplt": "x",
    "compl": "x",
    "done": "x",
    "fin": "x",
    "ok": "x",
    "wip": "/",
    "inprog": "/",
    "ip": "/",
    "tba": " ",
    "tbd": " ",
    "tbc": " ",
    "todo": " ",
    "n/a": "-",
    "na": "-",
    "n.a.": "-",
    "skip": "-",
}
_CODE_RE = re.compile(r"^[\w/.]{2,6}$")


@rule("status-code")
def status_code(text: str) -> str | None:
    """A status cell holding a tracker's short code — "CPLT"/"DONE" (done), "WIP" (in
    progress), "TBA"/"TBD" (not started), "N/A" (skipped) — means that state, as the word
    would. A code is a whole cell (a link's text counts): "DONE" in a sentence is no code."""
    state = " ".join(strip_decorations(text).split()).casefold()
    if not _CODE_RE.match(state):
        return None
    return _CODES.get(state)


_CHECKBOX_INPUT_RE = re.compile(r"<input\b(?=[^>]*\btype\s*=\s*[\"']?checkbox)[^>]*>", re.I)
_CHECKED_RE = re.compile(r"\bchecked\b", re.I)


@rule("input-checkbox-cell")
def input_status(raw: str) -> str | None:
    """A cell holding an HTML checkbox (`<input type="checkbox">`, as a page renders a
    clickable box) is that box: ticked when it says `checked`, open otherwise."""
    found = _CHECKBOX_INPUT_RE.search(raw)
    if found is None:
        return None
    return "x" if _CHECKED_RE.search(found.group(0)) else " "


_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)")
_HTML_IMAGE_RE = re.compile(r"<img\b[^>]*>", re.I)
_ATTR_RE = re.compile(r"""\b(src|alt|title)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_PERCENT_RE = re.compile(r"(\d{1,3})(?:\.\d+)?\s*(?:%|/100\b)")
# "…/progress/100", "…/progress-bar.dev/40/", "…?progress=100", "…&value=0"
_URL_NUMBER_RE = re.compile(r"/(\d{1,3})(?:%|\.(?:svg|png))?/?$")
_QUERY_NUMBER_RE = re.compile(
    r"[?&](?:progress|percent(?:age)?|value|done|completed?|p)=(\d{1,3})(?:%|&|$)", re.I
)
_PROGRESS_URL_RE = re.compile(r"progress|percent|completion|bar", re.I)
_TODO_NAME_RE = re.compile(
    r"un-?checked|unticked|not[-_ ]?done|incomplete|uncompleted|unfinished|box[-_]?empty"
    r"|empty[-_]?box|checkbox[-_]?(?:blank|empty|off|outline)|\btodo\b|to[-_ ]do|pending"
    r"|not[-_ ]?started|not[-_ ]?yet",
    re.I,
)
_DOING_NAME_RE = re.compile(r"in[-_ ]?progress|\bwip\b|doing|ongoing|half", re.I)
_DONE_NAME_RE = re.compile(
    r"checked|ticked|\bdone\b|completed?|finished|\bcheck[-_ ]?mark|checkbox[-_]?(?:on|filled)"
    r"|\btick\b|\byes\b",
    re.I,
)


def _images(raw: str) -> list[tuple[str, str]]:
    """(alt text, address) of every image in a cell's Markdown source."""
    found = [(alt, src) for alt, src in _MD_IMAGE_RE.findall(raw)]
    for tag in _HTML_IMAGE_RE.findall(raw):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4)
            for m in _ATTR_RE.finditer(tag)
        }
        found.append((attrs.get("alt") or attrs.get("title") or "", attrs.get("src") or ""))
    return found


def _percent_mark(percent: int) -> str:
    return "x" if percent >= 100 else " " if percent <= 0 else "/"


def percent_state(text: str) -> str | None:
    """The mark a percentage in `text` gives ("100%" x, "60%" /, "0%" space), or None."""
    match = _PERCENT_RE.search(text)
    return _percent_mark(int(match.group(1))) if match else None


@rule("image-status-cell")
def image_status(cell: InlineText) -> str | None:
    """A cell that holds only an image can still say the row's state: a progress bar whose
    address ends in its percentage (".../progress/100" done, ".../0" not started, between:
    in progress), a tick box named for its state ("checked_16.svg" vs "unchecked_16.svg"), or
    an alt text that says it ("done", "todo", "75%"). Logos and badges say nothing."""
    if strip_decorations(cell.text).strip(" |"):
        return None
    marks = [mark for alt, src in _images(cell.raw) if (mark := _image_mark(alt, src))]
    return marks[0] if len(set(marks)) == 1 else None


def _image_mark(alt: str, src: str) -> str | None:
    """The state one image stands for: its percentage, or a name that says the state."""
    address = unquote(src)
    path = address.split("?", 1)[0].split("#", 1)[0]
    name = path.rsplit("/", 1)[-1]
    percent = _PERCENT_RE.search(alt)
    query = _QUERY_NUMBER_RE.search(address)
    number = _URL_NUMBER_RE.search(path) if _PROGRESS_URL_RE.search(address) else None
    if percent:
        return _percent_mark(int(percent.group(1)))
    if query:
        return _percent_mark(int(query.group(1)))
    if number:
        return _percent_mark(int(number.group(1)))
    if _TODO_NAME_RE.search(name) or _TODO_NAME_RE.search(alt):
        return " "
    if _DOING_NAME_RE.search(name) or _DOING_NAME_RE.search(alt):
        return "/"
    if _DONE_NAME_RE.search(name) or _DONE_NAME_RE.search(alt):
        return "x"
    return None


_LEADING_IMAGE_RE = re.compile(r"^\s*(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)")


_TRAILING_IMAGE_RE = re.compile(r"(?:!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>)\s*$")
MAX_TRAILING_IMAGE = 600  # characters: an image's alt text and address, with room to spare


def leading_image_status(raw: str) -> str | None:
    """ "![Done](…/badge/Done-brightgreen) Sharding": the state a badge or tick image before
    an entry's name stands for, as a glyph there would (None: a logo, or no image)."""
    return _image_state(_LEADING_IMAGE_RE.match(raw or ""))


def trailing_image_status(raw: str) -> str | None:
    """ "React ![](https://geps.dev/progress/87)": the state a progress bar or badge after
    the name stands for (None: a logo, or no image)."""
    # the end of the line only: a search from every "![" of a long line would cost its square
    return _image_state(_TRAILING_IMAGE_RE.search((raw or "")[-MAX_TRAILING_IMAGE:]))


def _image_state(found: re.Match[str] | None) -> str | None:
    images = _images(found.group(0)) if found else []
    return _image_mark(*images[0]) if images else None


# "… ✅", "… ✔️", "**OOP basics ✅**", "(Completed ✅)", "(Hoàn thành ✅)"
_END_TICK_RE = re.compile(
    r"\s*(?:[(（]\s*[^()（）]{0,24}?\s*)?[✅✔☑]\ufe0f?\s*[)）]?\s*(?:\*\*|__)?\s*$"
)
_DONE_WORDS_RE = re.compile(
    r"^(?:completed?|done|finished|hoàn thành|xong|terminado|completado|concluído|fini"
    r"|terminé|erledigt|fertig|abgeschlossen|已完成|完成|完了|완료|выполнено|готово|пройдено)?$",
    re.I,
)


@rule("end-tick")
def end_tick(text: str) -> tuple[str, str] | None:
    """A tick at the end of an ordinary cell ("Ex. 4–6 ✅", "**OOP basics ✅**") or a
    "(Completed ✅)" / "(Hoàn thành ✅)" after a title says the row is done: gives the text
    without the mark (and the word), or None. A tick inside the text ("✅ means passed")
    marks nothing, and a cell holding only a tick is a status cell (read as one)."""
    match = _END_TICK_RE.search(text)
    if not match:
        return None
    inner = re.sub(r"[\s()（）✅✔☑\ufe0f*_]+", " ", match.group(0)).strip()
    if inner and not _DONE_WORDS_RE.match(inner):
        return None
    rest = text[: match.start()].rstrip()
    if not strip_decorations(rest).strip(" *_"):
        return None  # a cell that is only a mark is a status cell, not a ticked one
    if match.group(0).rstrip().endswith(("**", "__")):
        rest = rest + match.group(0).rstrip()[-2:]
    return "x", rest
