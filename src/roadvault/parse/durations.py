"""Durations as people write them in roadmaps: "(3 weeks)", "1-2 months", "Month 1–2", "~10h".

Pure text functions. A *duration* is an amount of study time ("3 weeks", "1.5 months") or a
span of calendar positions ("Weeks 3-4" = two weeks); a *pace* ("2 hours/day") says how hard
to study, not for how long, and is never a duration.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Calendar days per unit (DESIGN §3: month 30, year 365, hour 1/24).
_UNIT_DAYS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "month": 30.0,
    "year": 365.0,
}

_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "half a": 0.5,
    "half an": 0.5,
}

_NUM = r"(?:\d{1,4}(?:[.,]\d{1,2})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NUM_OR_ARTICLE = rf"(?:{_NUM}|half\s+an?|an?)"
_DASH = r"\s*(?:-|–|—|‒|~|～|to|or)\s*"
# Unit words: long forms anywhere, one-letter forms only glued to the number ("10h", "2w").
# Minutes: "min"/"minutes" only; a bare "m" could as well be months ("3m").
_UNIT_LONG = r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)"
_UNIT_SHORT = r"(?:min|h|d|w|mo|y)"
_APPROX = r"(?:~|≈|about|approx(?:\.|imately)?|around|roughly|circa|ca\.|up\s+to|at\s+least)"

AMOUNT = (
    rf"(?:{_APPROX}\s*)?"
    rf"(?:(?:{_NUM_OR_ARTICLE})(?:{_DASH}{_NUM})?\s*\+?\s*{_UNIT_LONG}"
    rf"|{_NUM}(?:\s*[-–—]\s*{_NUM})?\+?{_UNIT_SHORT})(?![\w/])"
)
# "Week 3", "Weeks 3-4", "Month 1–2", "Days 1 to 5": positions in a calendar.
ORDINAL = rf"(?:weeks?|months?|days?|years?)\s+\d{{1,4}}(?:{_DASH}\d{{1,4}})?\+?(?![\w/])"
ONGOING = r"(?:ongoing|continuous(?:ly)?|self-paced|lifelong|open-ended|as\s+needed)"
# A pace: an amount per day/week ("2 hours/day", "5 hrs a week", "10h per week").
PACE = (
    rf"(?:{_APPROX}\s*)?{_NUM}(?:{_DASH}{_NUM})?\s*\+?\s*(?:{_UNIT_LONG}|h|mins?|minutes?)\s*"
    r"(?:/|per|a|an|each|every)\s*(?:day|week|wk|month|weekday|weekend|night|session)s?"
    r"(?![\w])"
)
_LABEL = (
    r"(?:total|duration|time|timeline|timeframe|time\s+frame|estimated(?:\s+time)?|est\.?"
    r"|expected(?:\s+duration)?|length|approx\.?)\s*[:=-]?\s*"
)
_ANY_DURATION = rf"(?:{ORDINAL}|{AMOUNT}|{ONGOING})"

_WHOLE_RE = re.compile(rf"^\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*(?:total|each)?\s*$", re.I)
_PACE_WHOLE_RE = re.compile(rf"^\s*{PACE}\s*$", re.I)
# "(3 weeks)", "[Total: 3 months]", "(~2 weeks, 5 hours/week)" — first part only.
_PAREN_RE = re.compile(
    rf"\s*[\(\[]\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*(?:total|each|of\s+study)?\s*"
    rf"(?:[,;]\s*(?P<pace>{PACE})\s*)?[\)\]]",
    re.I,
)
_PAREN_PACE_RE = re.compile(rf"\s*[\(\[]\s*(?P<p>{PACE})\s*[\)\]]", re.I)
_TRAILING_PACE_RE = re.compile(rf"\s*(?:[:,;–—|·]|\s-)\s*(?P<p>{PACE})\s*\.?\s*$", re.I)
_LEADING_RE = re.compile(
    rf"^\s*(?:(?:next|first|over|in|within|for)\s+(?:the\s+)?)?(?P<d>{ORDINAL}|{AMOUNT})"
    r"\s*(?:[:：|–—]|\s-)\s*(?P<rest>\S.*)$",
    re.I,
)
# "Week 1 (Beginner Python)": a calendar position naming its topic in parentheses.
_LEADING_PAREN_RE = re.compile(
    rf"^\s*(?P<d>{ORDINAL})\s*\((?P<rest>[^()]+)\)\s*(?:[:：|–—]|\s-)?\s*(?P<tail>.*)$", re.I
)
# "Learn Python ~10h": an approximate amount may trail without a separator.
_TRAILING_APPROX_RE = re.compile(rf"^(?P<rest>.*?\S)\s+(?P<d>[~≈]\s*{AMOUNT})\s*$", re.I)
_TRAILING_RE = re.compile(
    rf"^(?P<rest>.*?\S)\s*(?:[:：|·–—,]|\s-)\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*\.?\s*$",
    re.I,
)


@dataclass(frozen=True, slots=True)
class TitleDuration:
    """What `split_duration` found in a title."""

    title: str
    duration: str | None = None
    planned_days: tuple[float, float] | None = None
    pace: str | None = None


def _number(text: str) -> float:
    word = " ".join(text.lower().split())
    if word in _WORD_NUMBERS:
        return float(_WORD_NUMBERS[word])
    return float(word.replace(",", "."))


def _unit_days(unit: str) -> float:
    unit = unit.lower().rstrip(".")
    if unit.startswith("mi"):
        return _UNIT_DAYS["minute"]
    if unit.startswith("h"):
        return _UNIT_DAYS["hour"]
    if unit.startswith(("mo", "mon")):
        return _UNIT_DAYS["month"]
    if unit.startswith("d"):
        return _UNIT_DAYS["day"]
    if unit.startswith("w"):
        return _UNIT_DAYS["week"]
    return _UNIT_DAYS["year"]


def _tidy(value: float) -> float:
    """Round to 2 decimals; a whole number comes back as an int (30, not 30.0)."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


_AMOUNT_PARTS = re.compile(
    rf"(?P<lo>{_NUM_OR_ARTICLE})(?:{_DASH}(?P<hi>{_NUM}))?\s*\+?\s*(?P<unit>[a-z]+)",
    re.I,
)
_ORDINAL_PARTS = re.compile(
    rf"(?P<unit>weeks?|months?|days?|years?)\s+(?P<lo>\d{{1,4}})(?:{_DASH}(?P<hi>\d{{1,4}}))?",
    re.I,
)


def planned_days(duration: str) -> tuple[float, float] | None:
    """`[min, max]` calendar days of a duration text, or None when it has no length
    ("ongoing") or cannot be read."""
    text = duration.strip()
    if re.fullmatch(ONGOING, text, re.I):
        return None
    ordinal = _ORDINAL_PARTS.fullmatch(text.rstrip("+"))
    if ordinal and text.endswith("+"):
        return None  # "Weeks 17+": from then on, no known length
    if ordinal:
        lo, hi = int(ordinal["lo"]), int(ordinal["hi"] or ordinal["lo"])
        if hi < lo:
            lo, hi = hi, lo
        days = (hi - lo + 1) * _unit_days(ordinal["unit"])
        return (_tidy(days), _tidy(days))
    stripped = re.sub(rf"^{_APPROX}\s*", "", text, flags=re.I)
    amount = _AMOUNT_PARTS.fullmatch(stripped)
    if not amount:
        return None
    try:
        lo = _number(amount["lo"])
        hi = _number(amount["hi"]) if amount["hi"] else lo
    except ValueError:
        return None
    if hi < lo:
        lo, hi = hi, lo
    per = _unit_days(amount["unit"])
    return (_tidy(lo * per), _tidy(hi * per))


def parse_duration(text: str) -> tuple[str, tuple[float, float] | None] | None:
    """If the whole `text` is a duration ("3 weeks", "Total: 2 months", "Weeks 3-4"), return
    (duration text as written, planned days); otherwise None. A pace is not a duration."""
    if _PACE_WHOLE_RE.match(text):
        return None
    match = _WHOLE_RE.match(text)
    if not match:
        return None
    found = " ".join(match["d"].split())
    return found, planned_days(found)


def is_pace(text: str) -> bool:
    return bool(_PACE_WHOLE_RE.match(text))


def _cut(text: str, start: int, end: int) -> str:
    return " ".join((text[:start] + " " + text[end:]).split())


def split_duration(title: str) -> TitleDuration:
    """Take a duration (and a pace) out of a title: "Linear Algebra (3 weeks): 2 hours/day"
    → title "Linear Algebra", duration "3 weeks", pace "2 hours/day"."""
    pace: str | None = None
    work = title
    match = _TRAILING_PACE_RE.search(work)
    if match and match.start() > 0:
        pace = match["p"].strip()
        work = work[: match.start()].rstrip()
    if pace is None:
        match = _PAREN_PACE_RE.search(work)
        if match:
            pace = match["p"].strip()
            work = _cut(work, match.start(), match.end())

    duration: str | None = None
    match = _PAREN_RE.search(work)
    if match and (match.start() > 0 or match.end() < len(work)):
        duration = match["d"]
        if match["pace"] and pace is None:
            pace = match["pace"].strip()
        work = _cut(work, match.start(), match.end())
    if duration is None:
        match = _LEADING_RE.match(work)
        if match:
            duration, work = match["d"], match["rest"]
    if duration is None:
        match = _LEADING_PAREN_RE.match(work)
        if match:
            duration = match["d"]
            work = f"{match['rest']} {match['tail']}" if match["tail"] else match["rest"]
    if duration is None:
        match = _TRAILING_RE.match(work) or _TRAILING_APPROX_RE.match(work)
        if match:
            duration, work = match["d"], match["rest"]
    if duration is None:
        return TitleDuration(title=work.strip(), pace=pace)
    duration = " ".join(duration.split())
    return TitleDuration(
        title=work.strip(), duration=duration, planned_days=planned_days(duration), pace=pace
    )


_LEADING_DURATION_RE = re.compile(rf"^\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})", re.I)


def leading_duration(
    text: str, *, whole: bool = False
) -> tuple[str, tuple[float, float] | None] | None:
    """The duration `text` starts with ("3-6 months (depending on …)" → "3-6 months"), or,
    with `whole`, only when the text is nothing but a duration."""
    if whole:
        return parse_duration(text)
    if _PACE_WHOLE_RE.match(text) or re.match(rf"^\s*{PACE}", text, re.I):
        return None
    match = _LEADING_DURATION_RE.match(text)
    if not match:
        return None
    found = " ".join(match["d"].split())
    return found, planned_days(found)
