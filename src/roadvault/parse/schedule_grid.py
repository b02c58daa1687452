"""Schedule grids: a table whose rows are weeks (or dates) and whose columns are weekdays or
sessions ("| | Mon | Tue | Wed |", "| Week | Session 1 | Session 2 |", "| 週 | 月 | 火 |",
"| Semana | Lun | Mar |", "| Week | Lecture | Lab |"). Each filled cell is a session to
study; the row is the group that holds them, named by its first cell.

Pure: header and body cells in, a yes/no (and the columns that are slots) out.
"""

from __future__ import annotations

import re

from roadvault.parse.rules import rule
from roadvault.parse.titles import InlineText, plain_label, remove_controls

_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|weekend"
    r"|lun(?:es|di)?|mar(?:tes|di)?|mi[ée](?:rcoles)?|mer(?:credi)?|jue(?:ves)?|jeu(?:di)?"
    r"|vie(?:rnes)?|ven(?:dredi)?|s[áa]b(?:ado)?|sam(?:edi)?|dom(?:ingo)?|dim(?:anche)?"
    r"|segunda(?:-feira)?|ter[çc]a(?:-feira)?|quarta(?:-feira)?|quinta(?:-feira)?"
    r"|sexta(?:-feira)?"
    r"|mo(?:ntag)?|di(?:enstag)?|mi(?:ttwoch)?|do(?:nnerstag)?|fr(?:eitag)?|sa(?:mstag)?"
    r"|so(?:nntag)?"
    r"|пн|вт|ср|чт|пт|сб|вс|понедельник|вторник|среда|четверг|пятница|суббота|воскресенье"
    r"|thứ (?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ nhật"
    r"|[月火水木金土日](?:曜日?)?|(?:周|週|星期|礼拜)[一二三四五六日天]"
    r"|[월화수목금토일](?:요일)?"
)
_SESSIONS = (
    r"(?:day|session|class|lesson|lecture|lab|period|slot|block|part|día|dia|jour|tag"
    r"|sesión|sessão|séance|sitzung|buổi|ngày|занятие|день|урок|세션|교시|일차)"
    r"\s*#?\s*\d{1,2}"
    r"|第\s*\d{1,2}\s*(?:天|日|节|節|课|課|回|部)"
    r"|lectures?|labs?|tutorials?|seminars?|practicals?|workshops?|recitations?|sections?"
    r"|morning|afternoon|evening|night|am|pm"
    r"|mañana|tarde|noche|matin|après-midi|soir|vormittag|nachmittag|abend"
    r"|上午|下午|晚上|午前|午後|夜|오전|오후|저녁|утро|день|вечер|sáng|chiều|tối"
)
_SLOT_HEADER_RE = re.compile(rf"^(?:{_WEEKDAYS}|{_SESSIONS})$")
# "| Week | …", "| Date | …", "| | …": what a row of the grid is.
_ROW_HEADER_RE = re.compile(
    r"^(?:weeks?|wk|dates?|time|when|period|days?|module|unit|part|phase|month"
    r"|semanas?|fechas?|woche|datum|semaine|неделя|дата|tuần|ngày|tháng|hafta|minggu"
    r"|周|週|周次|日期|时间|時間|주|주차|날짜)?$"
)
_REST_CELL_RE = re.compile(
    r"^(?:[-–—/x×✗]|n/?a|none|rest(?: day)?|off|day off|free(?: day)?|break|holiday"
    r"|descanso|libre|repos|frei|ruhetag|休息|休み|휴식|отдых|выходной|nghỉ)$"
)
MIN_SLOTS = 2


def _cell_text(cell: InlineText) -> str:
    return " ".join(remove_controls(cell.text).split())


def is_rest(cell: InlineText) -> bool:
    """An empty slot, a dash or a day off ("Rest", "休息"): no session in it."""
    text = _cell_text(cell)
    return not text or bool(_REST_CELL_RE.match(plain_label(text) or text.casefold()))


@rule("schedule-grid")
def schedule_slots(header: list[InlineText], body: list[list[InlineText]]) -> list[int]:
    """A table whose columns after the first are weekdays or sessions ("Mon | Tue | Wed",
    "Lun | Mar", "月 | 火", "Day 1 | Day 2", "Session 1 | Session 2", "Lecture | Lab") and
    whose rows are weeks or dates is a timetable: each filled cell is a session to study
    (an item), under its row (a group named by its first cell). An ordinary "| Week |
    Topic | Resources |" table stays one item per row; a grid of ticks or hours is a log.
    A table whose every column is a day ("| Lunes 1 | Martes 2 | … |") is one week: each
    filled cell a day of the part it stands in. Gives the slot columns, or [] when the table
    is no such grid."""
    if len(header) < MIN_SLOTS + 1 or not body:
        return []
    days = [index for index, cell in enumerate(header) if _is_slot_header(cell)]
    if len(days) == len(header):
        # "| Lunes 1 | Martes 2 | … |": a week of days, each cell one day (no row names)
        return days if _sessions_in(body, days) else []
    if not _ROW_HEADER_RE.match(plain_label(header[0].text)):
        return []
    slots = [index for index in days if index]
    named = [index for index, cell in enumerate(header) if index and _cell_text(cell)]
    if len(slots) < MIN_SLOTS or len(slots) * 10 < len(named) * 8:
        return []
    if not all(len(row) > 0 and _cell_text(row[0]) for row in body[:1]):
        return []  # the first row names its week
    return slots if _sessions_in(body, slots) else []


# "Lunes 1", "Mon 3/4", "Tuesday (12)": a weekday header with the day's date.
_DATED_DAY_RE = re.compile(r"\s*[(（]?\d{1,2}(?:[./-]\d{1,2})?[)）]?$")


def _is_slot_header(cell: InlineText) -> bool:
    label = plain_label(cell.text)
    return bool(_SLOT_HEADER_RE.match(label) or _SLOT_HEADER_RE.match(_DATED_DAY_RE.sub("", label)))


def _sessions_in(body: list[list[InlineText]], slots: list[int]) -> bool:
    """Whether the slot cells hold sessions: words, not ticks, hours or numbers (a log)."""
    cells = [row[i] for row in body for i in slots if i < len(row) and not is_rest(row[i])]
    if not cells:
        return False
    words = [cell for cell in cells if sum(ch.isalpha() for ch in _cell_text(cell)) >= 3]
    return len(words) * 10 >= len(cells) * 7
