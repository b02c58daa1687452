"""Durations as people write them in roadmaps: "(3 weeks)", "1-2 months", "Month 1–2", "~10h".

Pure text functions. A *duration* is an amount of study time ("3 weeks", "1.5 months") or a
span of calendar positions ("Weeks 3-4" = two weeks); a *pace* ("2 hours/day") says how hard
to study, not for how long, and is never a duration.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass

# Calendar days per unit (docs/MODEL.md §4: month 30, year 365, hour 1/24).
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
_DASH = r"\s*(?:-|–|—|‒|~|～|〜|to|or|a|à|bis|至|到)\s*"
_CJK_DASH = r"\s*(?:-|–|—|‒|~|～|〜|至|到)\s*"
# Unit words: long forms anywhere, one-letter forms only glued to the number ("10h", "2w").
# Minutes: "min"/"minutes" only; a bare "m" could as well be months ("3m").
# Spanish, Portuguese, French and German units too ("3 semanas", "2 meses", "4 Wochen").
_UNIT_LONG = (
    r"(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?"
    r"|semanas?|m[eê]s(?:es)?|d[ií]as?|a[ñn]os?|horas?|minutos?|semaines?|mois|jours?|ans|ann[ée]es?"
    r"|heures?|wochen?|monate?n?|tage?n?|jahre?n?|stunden?|недел[ьяи]|месяц(?:а|ев)?|дн(?:я|ей)|лет|год(?:а)?"
    r"|hafta|ay|gün|gun|yıl|yil|saat|minggu|bulan|hari|tahun|jam|tuần|tháng|ngày|năm|giờ"
    r"|settiman[ae]|mes[ei]|giorn[oi]|ann[oi]|weken|maand(?:en)?|dagen|jaar|uur|menit|dakika|phút"
    r"|час(?:а|ов)?|tygodni[ea]?|miesi(?:ące|ęcy|ąca)|dni|godzin[ya]?|ore)"
)
# Units whose first letters would read as another unit ("hafta" is a week, not hours).
_WORD_UNITS = {
    "hafta": "week",
    "ay": "month",
    "gün": "day",
    "gun": "day",
    "yıl": "year",
    "yil": "year",
    "saat": "hour",
    "minggu": "week",
    "bulan": "month",
    "hari": "day",
    "tahun": "year",
    "jam": "hour",
    "tuần": "week",
    "tháng": "month",
    "ngày": "day",
    "năm": "year",
    "giờ": "hour",
    "settimana": "week",
    "settimane": "week",
    "mese": "month",
    "mesi": "month",
    "giorno": "day",
    "giorni": "day",
    "anno": "year",
    "anni": "year",
    "weken": "week",
    "maand": "month",
    "maanden": "month",
    "dagen": "day",
    "jaar": "year",
    "uur": "hour",
    "menit": "minute",
    "dakika": "minute",
    "phút": "minute",
    "uke": "week",
    "vecka": "week",
    "månad": "month",
    "tydzień": "week",
    "dzień": "day",
    "miesiąc": "month",
    "день": "day",
    "jour": "day",
    "woche": "week",
    "час": "hour",
    "часа": "hour",
    "часов": "hour",
    "tygodnie": "week",
    "tygodni": "week",
    "tygodnia": "week",
    "miesiące": "month",
    "miesięcy": "month",
    "miesiąca": "month",
    "dni": "day",
    "godzina": "hour",
    "godziny": "hour",
    "godzin": "hour",
    "ore": "hour",
}
_UNIT_SHORT = r"(?:min|h|d|w|mo|y)"
# Chinese, Japanese and Korean units follow the number directly ("2-3周", "2〜3ヶ月", "1-2개월").
_UNIT_CJK = (
    r"(?:个月|個月|ヶ月|か月|カ月|ヵ月|ケ月|개월|週間|星期|周|週|주|小时|小時|時間|시간"
    r"|天|日間|일|年|년|달)"
)
_APPROX = (
    r"(?:~|≈|about|approx(?:\.|imately)?|around|roughly|circa|ca\.|up\s+to|at\s+least"
    r"|约|大约|約|약)"
)

AMOUNT = (
    rf"(?:{_APPROX}\s*)?"
    # "a week", never "awk": an article is a word of its own
    rf"(?:(?:(?:{_NUM})(?:{_DASH}{_NUM})?\s*\+?\s*|(?<![^\W\d_])(?:half\s+an?|an?)\s+)"
    rf"{_UNIT_LONG}(?![\w/])"
    # "3d", "2w": a short unit is written in lower case; "1D", "3D" are dimensions
    rf"|\d{{1,3}}(?:\s*[-–—]\s*\d{{1,3}})?\+?(?-i:{_UNIT_SHORT})(?![\w/])"
    rf"|(?<![\d.])\d{{1,3}}(?:[.,]\d)?(?:{_CJK_DASH}\d{{1,3}}(?:[.,]\d)?)?\s*\+?\s*{_UNIT_CJK}"
    r"(?!\d))"
)
# "Week 3", "Weeks 3-4", "Month 1–2", "Days 1 to 5": positions in a calendar; also "第1-3周",
# "3주차", "1週目".
# Words of a calendar slot in the languages read ("Woche 3", "Hari 5", "Semaine 2").
_SLOT_WORDS = (
    r"weeks?|months?|days?|years?|semanas?|mes(?:es)?|d[ií]as?|hafta|minggu|tuần|settimana"
    r"|hari|bulan|ngày|tháng|gün|giorno|mese|wochen?|monate?|jour|semaine|mois|dag|uke|vecka"
    r"|månad|tydzień|dzień|miesiąc|недел[яи]|месяц[ыа]?|день|дни"
)
# "Weeks 1 and 2", "Semanas 5, 6 y 7": slots named one by one, the last after a conjunction.
_AND = r"(?:\s*,\s*\d{1,4})*\s*,?\s*(?:and|y|e|et|und|&)\s*"
ORDINAL = (
    rf"(?:(?:{_SLOT_WORDS})"
    rf"\s+\d{{1,4}}(?:(?:{_DASH}|{_AND})\d{{1,4}})?\+?(?![\w/])"
    rf"|第\s*\d{{1,3}}(?:{_CJK_DASH}\d{{1,3}})?\s*(?:周|週|个月|個月|ヶ月|か月|月|天|日)"
    rf"|\d{{1,3}}(?:{_CJK_DASH}\d{{1,3}})?\s*(?:주차|週目|개월차|일차))"
)
ONGOING = r"(?:ongoing|continuous(?:ly)?|self-paced|lifelong|open-ended|as\s+needed)"
# A pace: an amount per day/week ("2 hours/day", "5 hrs a week", "10h per week").
PACE = (
    rf"(?:{_APPROX}\s*)?{_NUM}(?:{_DASH}{_NUM})?\s*\+?\s*(?:{_UNIT_LONG}|h|mins?|minutes?)\s*"
    r"(?:/|per|a|an|each|every|por|par|pro|je|al|a la|ao|à)\s*"
    r"(?:day|week|wk|month|weekday|weekend|night|session|d[ií]as?|semanas?|mes(?:es)?|m[eê]s"
    r"|jours?|semaines?|mois|tag|woche|monat|giorno|settimana)s?"
    r"(?![\w])"
)
# The words that label a length, in one place for the two readers of labels: the prefix of
# a duration ("Duration: 3 weeks", `_LABEL`) and a label alone (`is_duration_label`).
DURATION_LABEL_WORDS = (
    r"total|duration|time|timeline|timeframe|time\s+frame|estimated(?:\s+(?:time|duration))?"
    r"|est\.?(?:\s+time)?|expected(?:\s+duration)?|length|approx\.?|how\s+long|workload"
    r"|time\s+(?:commitment|investment|required|needed|budget|to\s+complete|estimate)"
    r"|(?:study|learning)\s+(?:time|hours)"
    r"|(?:duración|duracion|duração|duracao|durée)"
    r"(?:\s+(?:estimada|estimad[ao]|estimée|aproximada|sugerid[ao]|recomendad[ao]|suggérée"
    r"|conseillée|prevista))?"
    r"|tiempo(?:\s+estimado)?|geschätzte\s+dauer|dedicação"
    r"|dauer|zeitaufwand|aufwand|zeitbedarf|zeit"
    r"|effort|esfuerzo|esforço|tempo(?:\s+estimado)?|temps(?:\s+estimé)?|estimativa"
    r"|学习时间|所需时间|耗时|学习时长|预计时长|建议时长|学习周期|时长|预计时间|时间|預計|预计|期間|期间|기간"
    r"|소요\s*시간|所要時間|目安"
    r"|thời gian|thời lượng|waktu|durasi|süre|время|срок|продолжительность|durata"
    r"|carga hor[áa]ria"
)
_LABEL = rf"(?:{DURATION_LABEL_WORDS})\s*[:=：-]?\s*"
_LABEL_ALONE_RE = re.compile(
    r"^(?:(?:expected|estimated|total|approximate|approx\.?|suggested|typical|overall) ){0,2}"
    rf"(?:{DURATION_LABEL_WORDS})$"
)


def is_duration_label(label: str) -> bool:
    """ "Estimated duration", "Study time", "Duración sugerida", "学习时长": a label (already
    reduced by `plain_label`) that says the length follows."""
    return bool(_LABEL_ALONE_RE.match(label))


# "1h30", "2h15min": hours and minutes written together.
_HOURS_MINUTES = r"\d{1,2}\s*h\s*\d{1,2}(?:\s*min)?(?![\w/])"
# "2×1h30", "3 x 1h": sessions of a length.
_SESSIONS = rf"\d{{1,2}}\s*[×xX]\s*(?:{_HOURS_MINUTES}|{AMOUNT})"
_ANY_DURATION = rf"(?:{ORDINAL}|{_SESSIONS}|{_HOURS_MINUTES}|{AMOUNT}|{ONGOING})"
_SESSIONS_RE = re.compile(r"^(?P<n>\d{1,2})\s*[×xX]\s*(?P<each>.+)$")
_HOURS_MINUTES_RE = re.compile(r"^(?P<h>\d{1,2})\s*h\s*(?P<m>\d{1,2})(?:\s*min)?$", re.I)

_WHOLE_RE = re.compile(rf"^\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*(?:total|each)?\s*$", re.I)
_PACE_WHOLE_RE = re.compile(rf"^\s*{PACE}\s*$", re.I)
# "(3 weeks)", "[Total: 3 months]", "(~2 weeks, 5 hours/week)", "(13 weeks / 26 sessions)"
# — first part only.
# "(8 weeks to complete)", "(8주 완성)", "(3个月完成)", "(8 semanas en total)": the length and a
# word that says it is the whole of it
_TO_FINISH = (
    r"(?:to\s+(?:complete|finish)|in\s+total|en\s+total|au\s+total|insgesamt|no\s+total"
    r"|完成|完了|で完了|で完成|修了|완성|완료|마스터)"
)
_PAREN_RE = re.compile(
    rf"\s*[\(\[（【]\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*(?:total|each|of\s+study|{_TO_FINISH})?\s*"
    rf"(?:[,;，；]\s*(?P<pace>{PACE})\s*|[,;，；]\s*{AMOUNT}\s*|[,;/，；]\s*\d{{1,3}}\s*[^\W\d_]{{2,}}\s*"
    # "(1–2 weeks, parallel with Stage 1)": a remark after the length
    rf"|[,;，；]\s*[^\W\d_][^()\[\]（）【】\n]{{0,40}}"
    # "(Month 1-4 / 2026年3-6月)": the same span in the calendar's dates
    rf"|\s/\s*[^()\[\]（）【】\n]{{1,40}})?[\)\]）】]",
    re.I,
)
# "(11 clases | 1h 26min)", "(12 videos · 3 hours)": a count of lessons, then their length
_COUNT_PAREN_RE = re.compile(
    rf"\s*[\(\[（【]\s*\d{{1,4}}\s*[^\W\d_]{{2,}}\s*[|·•,;/，；]\s*(?P<d>{_ANY_DURATION})\s*"
    rf"[\)\]）】]",
    re.I,
)
# "(choose 2 to start – 12+ weeks each)": a remark, then the length
_REMARK_PAREN_RE = re.compile(
    rf"\s+[\(（]\s*[^\W\d_][^()（）\n]{{0,40}}?(?:\s[-–—]|\s?[,;，；])\s*(?P<d>{_ANY_DURATION})\s*"
    rf"(?:each|total)?\s*(?:[,;，；]\s*{AMOUNT}\s*)?[\)）]",
    re.I,
)
_PAREN_PACE_RE = re.compile(rf"\s*[\(\[]\s*(?P<p>{PACE})\s*[\)\]]", re.I)
_TRAILING_PACE_RE = re.compile(rf"\s*(?:[:,;–—|·]|\s-)\s*(?P<p>{PACE})\s*\.?\s*$", re.I)
_LEADING_RE = re.compile(
    rf"^\s*(?:(?:next|first|over|in|within|for)\s+(?:the\s+)?)?(?P<d>{ORDINAL}|{AMOUNT})"
    # "WEEK 1. Obstetric Foundations": a full stop after the slot, as after a number
    r"\s*(?:[:：|–—]|\s-|\.(?=\s))\s*(?P<rest>\S.*)$",
    re.I,
)
# "Week 1 (Beginner Python)": a calendar position naming its topic in parentheses.
_LEADING_PAREN_RE = re.compile(
    rf"^\s*(?P<d>{ORDINAL})\s*\((?P<rest>[^()]+)\)\s*(?:[:：|–—]|\s-)?\s*(?P<tail>.*)$", re.I
)
# "Learn Python ~10h": an approximate amount may trail without a separator.
_TRAILING_APPROX_RE = re.compile(rf"^(?P<rest>.*?\S)\s+(?P<d>[~≈]\s*{AMOUNT})\s*$", re.I)
# "HTML 3-4 days", "Errors 2〜3ヶ月": a range of time, or a CJK amount, may trail bare.
_TRAILING_BARE_RE = re.compile(
    rf"^(?P<rest>.*?\S)\s*(?<![\d.])(?P<d>{_NUM}{_DASH}{_NUM}\s*{_UNIT_LONG}(?![\w/])"
    rf"|\d{{1,3}}(?:{_CJK_DASH}\d{{1,3}})?\s*{_UNIT_CJK})\s*$",
    re.I,
)
_SLASH_REMARK_RE = re.compile(r"\s/\s*(?P<r>[^()\[\]（）【】\n]{1,40})[\)\]）】]$")
# "Unity basics ⏱️ 2 weeks", "Git ⏳ 3 days": a clock before the length it gives.
_TRAILING_CLOCK_RE = re.compile(
    rf"^(?P<rest>.*?\S)\s*[⏱⏳⌛⏰🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛]\ufe0f?\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})"
    r"\s*$",
    re.I,
)
_TRAILING_RE = re.compile(
    rf"^(?P<rest>.*?\S)\s*(?:[:：|·–—,]|\s-)\s*(?:{_LABEL})?(?P<d>{_ANY_DURATION})\s*\.?\s*$",
    re.I,
)


# Set while reading roadvault's own outline form, which writes a duration only as
# "Title (3 weeks)": a title that merely ends in an amount ("Debates of 3-5 minutes") keeps it.
WRITTEN_FORM: ContextVar[bool] = ContextVar("roadvault_written_durations", default=False)


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


_CJK_UNIT_DAYS = {
    "个月": 30.0, "個月": 30.0, "ヶ月": 30.0, "か月": 30.0, "カ月": 30.0, "ヵ月": 30.0,
    "ケ月": 30.0, "개월": 30.0, "月": 30.0, "달": 30.0, "개월차": 30.0,
    "週間": 7.0, "星期": 7.0, "周": 7.0, "週": 7.0, "주": 7.0, "주차": 7.0, "週目": 7.0,
    "小时": 1 / 24, "小時": 1 / 24, "時間": 1 / 24, "시간": 1 / 24,
    "天": 1.0, "日間": 1.0, "日": 1.0, "일": 1.0, "일차": 1.0,
    "年": 365.0, "년": 365.0,
}  # fmt: skip


def _unit_days(unit: str) -> float:
    unit = unit.lower().rstrip(".")
    if unit in _CJK_UNIT_DAYS:
        return _CJK_UNIT_DAYS[unit]
    if unit in _WORD_UNITS:
        return _UNIT_DAYS[_WORD_UNITS[unit]]
    if unit.startswith("mi"):
        return _UNIT_DAYS["minute"]
    if unit.startswith(("h", "stund")):
        return _UNIT_DAYS["hour"]
    if unit.startswith(("mo", "mon", "mes", "mois", "мес")):
        return _UNIT_DAYS["month"]
    if unit.startswith(("d", "jour", "tag", "дн")):
        return _UNIT_DAYS["day"]
    if unit.startswith(("w", "sem", "нед")):
        return _UNIT_DAYS["week"]
    return _UNIT_DAYS["year"]


def _tidy(value: float) -> float:
    """Round to 2 decimals; a whole number comes back as an int (30, not 30.0)."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


_AMOUNT_PARTS = re.compile(
    rf"(?P<lo>{_NUM_OR_ARTICLE})(?:{_DASH}(?P<hi>{_NUM}))?\s*\+?\s*(?P<unit>[^\W\d_]+)",
    re.I,
)
_ORDINAL_PARTS = re.compile(
    rf"(?P<unit>{_SLOT_WORDS})"
    rf"\s+(?P<lo>\d{{1,4}})"
    rf"(?:(?:{_DASH}|{_AND})(?P<hi>\d{{1,4}}))?"
    rf"|第\s*(?P<lo2>\d{{1,3}})(?:{_CJK_DASH}(?P<hi2>\d{{1,3}}))?\s*(?P<unit2>\S+)"
    rf"|(?P<lo3>\d{{1,3}})(?:{_CJK_DASH}(?P<hi3>\d{{1,3}}))?\s*(?P<unit3>\S+)",
    re.I,
)


_UNIT_NAMES = {1.0: "day", 7.0: "week", 30.0: "month", 365.0: "year"}


def _slot_span(text: str) -> tuple[str, int, int] | None:
    """(unit word, first, last) of a text that is one calendar slot or a span of them
    ("Weeks 3-4" → ("Weeks", 3, 4), "第 2 周" → ("周", 2, 2)); a "+" after it is ignored."""
    bare = text.rstrip("+")
    ordinal = _ORDINAL_PARTS.fullmatch(bare)
    if ordinal is None or not re.fullmatch(ORDINAL, bare, re.I):
        return None
    lo_text = ordinal["lo"] or ordinal["lo2"] or ordinal["lo3"]
    hi_text = ordinal["hi"] or ordinal["hi2"] or ordinal["hi3"] or lo_text
    unit = ordinal["unit"] or ordinal["unit2"] or ordinal["unit3"]
    return unit, int(lo_text), int(hi_text)


def slot_place(title: str) -> tuple[float, int] | None:
    """The calendar place a title opens with, as (days in its unit, number): "Day 1: Data
    types" → (1.0, 1), "第3周 复习" → (7.0, 3); None when it opens with none."""
    match = re.match(ORDINAL, title.strip(), re.I)
    span = _slot_span(match.group(0)) if match else None
    return (_unit_days(span[0]), span[1]) if span else None


def slot_length(slot: str) -> str | None:
    """The length a span of calendar slots makes, in its own unit: "Weeks 3-4" → "2 weeks",
    "Semana 1" → "1 week", "第 7–8 周" → "2 weeks", "Days 71-90+" → "20+ days"; None for a
    duration that is not a slot."""
    text = slot.split(" / ")[0].strip()  # "Month 1-4 / 2026年3-6月": the slot, then dates
    span = _slot_span(text) if is_slot(text) else None
    if span is None:
        return None
    unit, first, last = span
    name = _UNIT_NAMES.get(_unit_days(unit))
    more = "+" if text.endswith("+") else ""
    if name is None or (more and first == last):
        return None  # "Weeks 25+": from week 25 on, for no known length
    lo, hi = sorted((first, last))
    count = hi - lo + 1
    return f"{count}{more} {name}{'' if count == 1 and not more else 's'}"


def planned_days(duration: str) -> tuple[float, float] | None:
    """`[min, max]` calendar days of a duration text, or None when it has no length
    ("ongoing") or cannot be read."""
    text = duration.strip()
    if re.fullmatch(ONGOING, text, re.I):
        return None
    sessions = _SESSIONS_RE.match(text)
    if sessions:
        each = planned_days(sessions["each"])
        times = int(sessions["n"])
        return (_tidy(each[0] * times), _tidy(each[1] * times)) if each else None
    hours_minutes = _HOURS_MINUTES_RE.match(text)
    if hours_minutes:
        days = (int(hours_minutes["h"]) + int(hours_minutes["m"]) / 60) * _UNIT_DAYS["hour"]
        return (_tidy(days), _tidy(days))
    span = _slot_span(text)
    if span and text.endswith("+"):
        return None  # "Weeks 17+": from then on, no known length
    if span:
        unit, first, last = span
        days = (abs(last - first) + 1) * _unit_days(unit)
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


# "1時間/日", "每天2小时", "週3時間", "하루 1시간": a pace in Chinese, Japanese or Korean.
_CJK_PACE_RE = re.compile(
    r"^\s*(?:(?:每天|每日|每周|毎日|毎週|週|하루|매일|주)\s*\d{1,3}(?:[.,]\d)?\s*"
    r"(?:小时|小時|時間|分钟|分|시간|분)"
    r"|\d{1,3}(?:[.,]\d)?(?:\s*[-~〜～]\s*\d{1,3})?\s*(?:小时|小時|時間|分钟|分|시간|분|h)"
    r"\s*(?:/|每|毎|per)\s*(?:日|天|週|周|월|일|주|day|week))"
)


def is_pace(text: str) -> bool:
    """ "2 hours/day", "5 hrs a week", "1時間/日": how hard to study, not for how long."""
    return bool(_PACE_WHOLE_RE.match(text) or _CJK_PACE_RE.match(text))


def _cut(text: str, start: int, end: int) -> str:
    # "Morning (30 min): clay" → "Morning: clay", not "Morning : clay"; a space the author
    # put before the colon ("Semaine 1 : Les bases") stays
    glue = "" if text[end : end + 1] in _CLOSING_MARKS and text[:start].strip() else " "
    return " ".join((text[:start].rstrip() + glue + text[end:]).split())


_CLOSING_MARKS = frozenset(":：,;.!?")


def _written_length(text: str) -> tuple[str, tuple[float, float] | None] | None:
    """The length the outline form wrote in a title's closing brackets, read back whole."""
    tail = " ".join(text.split())
    if "(" not in tail:
        found = parse_duration(tail)
        return (tail, planned_days(tail)) if found else None
    found = leading_duration(tail)
    return found if found and found[0] == tail else None


def is_slot(duration: str | None) -> bool:
    """ "Week 3", "Day 12", "第 2 周": a duration that says when (a place in the plan's
    calendar), not how long."""
    return bool(duration) and re.fullmatch(ORDINAL, str(duration).strip(), re.I) is not None


# one bracket may sit inside: "(Weeks 1–3 (21 Days))", "(Self-paced (~1-2 months))"
_WRITTEN_TAIL_RE = re.compile(r"\s\((?P<d>(?:[^()\n]|\([^()\n]{1,30}\)){1,60})\)\s*$")


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
    match = _WRITTEN_TAIL_RE.search(work) if WRITTEN_FORM.get() else None
    if match and (len(_PAREN_RE.findall(work)) >= 2 or "(" in match["d"]):
        # "\[Week 1\] Try something new. (Week 1)": the outline form's writer put the length
        # in the brackets at the end, whatever brackets the title has of its own
        read = _written_length(match["d"])
        if read:
            return TitleDuration(
                title=work[: match.start()].strip(),
                duration=read[0],
                planned_days=read[1],
                pace=pace,
            )
    if re.fullmatch(ORDINAL, work.strip().rstrip(":："), re.I):
        # "第 1 周", "Week 3", "Day 61 - 90:": a slot name, never "Day 61" and "90:"
        return TitleDuration(title=work.strip(), pace=pace)
    if len(_PAREN_RE.findall(work)) >= 2:
        # "Maths (2h) + Writing (1h)": the time of each part, no one length of the whole
        return TitleDuration(title=work.strip(), pace=pace)
    length: str | None = None  # the part of `duration` the planned days are read from
    match = _PAREN_RE.search(work) or _COUNT_PAREN_RE.search(work) or _REMARK_PAREN_RE.search(work)
    if match and (match.start() > 0 or match.end() < len(work)):
        duration = match["d"]
        found_pace = match.groupdict().get("pace")
        if found_pace and pace is None:
            pace = found_pace.strip()
        elif (
            not found_pace
            and re.search(r"[,;，；]", match.group(0))
            and not re.fullmatch(ORDINAL, duration.strip(), re.I)
        ):
            # "(One-time, 60-90 minutes)", "(2-3 weeks, ~35-45 hours)": the author's remark
            # and second figure stay with the length, not lost with the brackets (a slot,
            # "(Week 3, review)", stays a slot the schedule can place)
            length, duration = duration, match.group(0).strip(" \t([（【)]）】")
        # "Week 1 (Days 1-7): Basics": a slot in brackets inside the name says when, like
        # "Week 1:", so the title keeps it; "(3 weeks)" or a closing "(Week 3)" goes
        elif (
            not found_pace
            and re.fullmatch(ORDINAL, duration.strip(), re.I)
            and _SLASH_REMARK_RE.search(match.group(0))
        ):
            # "(Month 1-4 / 2026年3-6月)": the slot, and the same span in dates, stay together
            length, duration = duration, match.group(0).strip(" \t([（【)]）】")
        inside = work[match.end() :].strip(" \t:：-–—")
        if not (inside and re.fullmatch(ORDINAL, (length or duration).strip(), re.I)):
            work = _cut(work, match.start(), match.end())
    # the written form puts every duration in brackets at the end ("Week 1\: Basics (Week 1)"):
    # a slot leading its title there was the author's name, never read as a length
    written = WRITTEN_FORM.get()
    if duration is None and not written:
        match = _LEADING_RE.match(work)
        if match:
            duration = match["d"]
            # "Week 1: Basics" keeps its place in the plan in the title (the author's words,
            # and the order a learner reads notes in); "3 weeks: Basics" is only a length
            if not re.fullmatch(ORDINAL, duration.strip(), re.I):
                work = match["rest"]
    if duration is None and not written:
        match = _LEADING_PAREN_RE.match(work)
        if match:
            duration = match["d"]
            # "Semana 1 (julio)" is named by its slot, like "Week 1: Basics"
            if not re.fullmatch(ORDINAL, duration.strip(), re.I):
                work = f"{match['rest']} {match['tail']}" if match["tail"] else match["rest"]
    if duration is None and not written:
        match = (
            _TRAILING_RE.match(work)
            or _TRAILING_CLOCK_RE.match(work)
            or _TRAILING_APPROX_RE.match(work)
            or _TRAILING_BARE_RE.match(work)
        )
        if match:
            duration = match["d"]
            # "Paso 2: Semana 1": a closing slot after a name says when, and stays
            if not re.fullmatch(ORDINAL, duration.strip(), re.I):
                work = match["rest"]
    if duration is None:
        return TitleDuration(title=work.strip(), pace=pace)
    duration = " ".join(duration.split())
    days = planned_days(" ".join((length or duration).split()))
    return TitleDuration(title=work.strip(), duration=duration, planned_days=days, pace=pace)


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
        # "Apr 17 – Apr 30 (2 weeks)": the dates, then how long they make
        closing = _CLOSING_PAREN_RE.search(text)
        return parse_duration(closing["d"]) if closing else None
    found = " ".join(match["d"].split())
    days = planned_days(found)
    again = _SAME_LENGTH_PAREN_RE.match(text, match.end())
    counted = parse_duration(again["d"]) if again else None
    if again and counted:
        # "42 Days (6 Weeks)": the same length counted again in a larger unit stays with it;
        # "Self-paced (~1-2 months)" and a slot's "Weeks 4–8 (21 Days)" plan the length in
        # the brackets: the slot says when, the brackets how long
        slot = is_slot(found)
        found = f"{found} ({' '.join(again['d'].split())})"
        days = (counted[1] or days) if slot else (days or counted[1])
    return found, days


_SAME_LENGTH_PAREN_RE = re.compile(r"\s*[(（](?P<d>[^()（）]{1,20})[)）]")
_CLOSING_PAREN_RE = re.compile(r"[(（](?P<d>[^()（）]{1,40})[)）]\s*$")


def days_in_unit(word: str) -> float | None:
    """ "ngày" → 1, "Weeks" → 7, "MÊS" → 30: how many days a calendar word names, None when
    the word names none."""
    if not _UNIT_LONG_RE.fullmatch(word):
        return None
    return _unit_days(word)


_UNIT_LONG_RE = re.compile(_UNIT_LONG, re.I)
