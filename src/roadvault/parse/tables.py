"""Tables whose rows are items: a week-per-row schedule, a topic list with a status column.

Pure: markdown-it table nodes → draft rows (title, status, duration, notes, resources).
"""

from __future__ import annotations

import re
from itertools import pairwise

from markdown_it.tree import SyntaxTreeNode

from roadvault.model import Resource
from roadvault.parse.drafts import (
    ITEM,
    PSEUDO,
    ROW,
    Draft,
    inline_of,
    is_date_title,
    line_of,
    resource_kind,
    set_title,
)
from roadvault.parse.durations import is_slot, leading_duration
from roadvault.parse.rules import fired, rule
from roadvault.parse.schedule_grid import is_rest, schedule_slots
from roadvault.parse.table_status import (
    end_tick,
    image_status,
    input_status,
    percent_state,
    status_code,
)
from roadvault.parse.titles import (
    STATUS_MARKS,
    TRAFFIC_LIGHTS,
    InlineText,
    inline_lines,
    join_lines,
    light_clean,
    opens_a_part,
    plain_label,
    remove_controls,
    replace_shortcodes,
    split_task_marker,
    strip_decorations,
)


def table_rows(node: SyntaxTreeNode) -> tuple[list[list[InlineText]], list[int | None]]:
    """The cells of every row (header first), and each row's 1-based line."""
    rows: list[list[InlineText]] = []
    lines: list[int | None] = []
    for section in node.children:
        for row in section.children:
            rows.append([join_lines(inline_lines(inline_of(cell))) for cell in row.children])
            lines.append(line_of(row))
    return rows, lines


_TITLE_COLUMN_RE = re.compile(
    r"^(?:topics?|titles?|subjects?|focus(?: areas?)?|goals?|tasks?|items?|skills?|modules?"
    r"|lessons?|content|what(?: to (?:learn|study|do))?|themes?|areas?|concepts?|learn"
    r"|milestones?|objectives?|activit(?:y|ies)|projects?|steps?|names?|courses?|chapters?"
    r"|challenges?|lectures?(?: (?:materials?|topics?))?(?![ \t]*(?:\\?#|no\b|number|nr\b))"
    r"|sections?|units?|problem(?: name)?|exercises?|deliverables?|components?|systems?"
    r"|assignments?|homeworks?|due|agenda|activities|labs?|readings?|scripts?|programs?|apps?"
    r"|temas?|contenidos?|módulos?|technolog(?:y|ies)|tools?|technologien?|themen?"
    r"|proyectos?|projetos?|projets?|projekte?|проекты?|项目|プロジェクト|프로젝트"
    r"|(?:tech(?:nology)? )?stack"
    r"|t[óo]picos?(?: de estud(?:o|io))?|topics? (?:to|of) study|temas? de estud(?:o|io)"
    r"|тем[аы]|технологи[яи]|навык[и]?|курс[ы]?|урок[и]?|модул[ьи]|раздел[ы]?|задач[аи]"
    r"|cursos?|tarefas?|tareas?|actividad(?:es)?|aufgaben?|tâches?|assuntos?|conteúdos?"
    r"|thèmes?|sujets?|contenus?|cours|themen|inhalte?|atividades?|foco(?: principal)?"
    r"|enfoque(?: principal)?|(?:main|primary) focus|schwerpunkt|fokus(?: utama)?|重点|重點"
    r"|内容|学习内容|学習内容|主题|课程|模块|任务|项目|技能|知识点|章节|トピック|テーマ|課題|タスク"
    r"|內容|學習內容|主題|課程|模組|任務|專案|知識點|章節"  # the same in traditional characters
    r"|科目|学科|學科|과목"  # the subject, in Chinese, Japanese and Korean
    r"|項目|항목|주제|내용|nội dung|chủ đề|bài học|môn học|khóa học|kỹ năng|nhiệm vụ|(?:hạng )?mục"
    r"|materi|topik|konu(?:lar)?|argomenti?|contenuti|temat[y]?|hoạt động|kegiatan|etkinlik"
    # courses, subjects, lessons, tasks and activities in German, Italian, Polish, Turkish,
    # Indonesian, French, Spanish, Russian, Chinese, Japanese and Korean
    r"|thema|kurse?|cors[oi]|ders(?:ler)?|modul[e]?|materias?|matières?|fach|fächer"
    r"|lernfeld(?:er)?|lerneinheiten?"
    r"|предмет[ы]?|przedmioty?|lecci(?:ón|ones)|lezion[ei]|lekcj[ae]|compiti?|zadani[ae]"
    r"|görev(?:ler)?|tugas|activités?|aktivitäten?|attività|активност[ьи]|aktywności?"
    # "Área" as "Area"; "Linguagem", "Lenguaje": the programming language to learn ("Idioma"
    # is a course's language)
    r"|áreas?|linguage[mn]s?|lenguajes?|langages?|linguaggi?o?"
    r"|sistemas?|système|systeme|sisteme"
    r"|講座|강의|과제|活动|活動|활동"
    # a book's chapter: "Chương", "Capítulo", "Kapitel", "Глава", "Rozdział", "Bölüm", "Bab"
    r"|chương|cap[íi]tulos?|chapitres?|kapitel|глав[аы]|rozdzia[łl]y?|b[öo]l[üu]m|bab|章|장"
    # topic, content, lesson, subject and course in Thai, Hindi, Arabic, Persian and Hebrew
    r"|หัวข้อ|เนื้อหา|บทเรียน|วิชา|หลักสูตร|विषय|पाठ|टॉपिक|(?:ال)?موضوعا?ت?|(?:ال)?محتوى|(?:ال)?دروس"
    r"|(?:ال)?درس|محتوا|נושאי?ם?|תוכן)\b"
)
_DURATION_COLUMN_RE = re.compile(
    # "Number of weeks" over "FirstWeek", "SecondWeek": when, not what
    r"^(?:(?:number of |no\.? of |# of )?(?:weeks?|months?|days?)|duration|time(?:frame|line)?"
    r"|period|when|hours?|est\w*"
    r"|estimated time|schedule|dates?|phase|effort|length|workload|时间|時間|日期|期間"
    r"|[周週][数數次]?|期间|时间段|阶段|semanas?|fechas?|periodo|durée|semaines?|wochen?|기간|주차"
    r"|ngày|tuần|tháng|thời gian|hari|minggu|gün|hafta|settimane?"
    r"|dura[çc][ãa]o|duraci[óo]n|dauer|durata|meses|mois|monate?|时长|所要時間|소요 ?시간"
    r"|(?:학습 ?)?시간|学习时间|学时|学習時間|study (?:time|hours)"
    r"|продолжительность|срок)\b"
)
# Columns that say who offers or how, never what to study.
_NOT_TITLE_COLUMN_RE = re.compile(
    r"^(?:universit(?:y|ies)|institution|school|college|provider|platform|offered by|by|author"
    r"|instructors?|teachers?|professors?|source|links?|urls?|languages?|level|difficulty|cost"
    r"|price|rating|certificates?|type|format|notes?|comments?|remarks?|prerequisites?"
    r"|(?:relevant |related |course )?files?|attachments?|downloads?"
    r"|details?|chi tiết|detalles?|detalhes?|détails?|einzelheiten|详情|詳細|상세|rincian"
    # "What I learned", "Takeaways": the learner's reflection on a row, never its name
    r"|what (?:i|we) (?:learned|learnt|did|built|made)(?: today)?|(?:key )?learnings?"
    r"|takeaways?|reflections?|thoughts|o que aprendi|lo que aprend[ií]|ce que j'ai appris"
    r"|was ich gelernt habe|学到的|收获|心得|学んだこと|배운 ?점|что я узнал)$"
    # "Goal date", "Date completed", "Fecha": when a row is done, never what it is
    r"|^(?:[\w ]{0,20} )?(?:dates?|deadlines?|due dates?|fechas?|datum|日期|日付|날짜)"
    r"(?: [\w ]{0,20})?$"
)
# Columns that say something about a row, never what the row is.
_REMARK_COLUMN_RE = re.compile(
    r"^(?:notes?|comments?|remarks?|details?)$"
    r"|^(?:[\w ]{0,20} )?(?:dates?|deadlines?|due dates?|fechas?|datum|日期|日付|날짜)"
    r"(?: [\w ]{0,20})?$"
)
# A description names a row only when the other columns name it less well: a numbering
# ("| # | Description |"), a label and number ("| Fase | Descrição |" over "Fase 1",
# "Modelagem"), or a column headed for something else ("| Prerequisites | Description |",
# which the leftmost column then names).
_DESCRIPTION_COLUMN_RE = re.compile(
    r"^(?:descriptions?|descripción|descrição|beschreibung|описание|描述|说明|説明|설명)$"
)
# "| Relevant Files |", "| Slides |": what to open for the row, its resources.
_FILES_COLUMN_RE = re.compile(
    r"^(?:(?:relevant |related |course )?(?:files?|materials?|slides|handouts?|attachments?)"
    r"|downloads?)$"
)
_STATUS_COLUMN_RE = re.compile(
    r"^(?:status|done|complete[d]?|progress|check|✓|✔|✅|state|estado|situação|progreso"
    r"|progresso|statut|état|avancement|fortschritt|zustand|状态|狀態|状况|进度|進度|状況"
    r"|完成情况|完成状态|ステータス|進捗(?:状況)?|상태|진행 ?(?:상황|현황|상태)?"
    r"|학습 ?(?:상태|현황)|(?:완료|진행|수강) ?여부|현황|진척(?:도| 상황)?"
    r"|진도|статус|прогресс|состояние"
    r"|trạng thái|tiến độ|tình trạng|durum|ilerleme|stato|avanzamento|postęp|kemajuan"
    r"|progres|状態|進度狀況|stan|стан|voortgang|estatus|स्थिति|وضعیت|الحالة|حالة)$"
)
_INDEX_COLUMN_RE = re.compile(r"^(?:#|no\.?|nr\.?|n°|number|index|sl|s\.?no\.?)$")
_CHECK_CELL = {
    "[x]": "x",
    "[X]": "x",
    "[ ]": " ",
    "[]": " ",
    "[/]": "/",
    "[-]": "-",
    "✅": "x",
    "✔": "x",
    "✔️": "x",
    "☑": "x",
    "☑️": "x",
    "✓": "x",
    "done": "x",
    "yes": "x",
    "completed": "x",
    "complete": "x",
    "⬜": " ",
    "☐": " ",
    "🔲": " ",
    "❌": " ",
    "todo": " ",
    "to do": " ",
    "not started": " ",
    "no": " ",
    "in progress": "/",
    "doing": "/",
    "🔄": "/",
    "⏳": "/",
    "skipped": "-",
}


_PLANNED_RE = re.compile(
    r"予定|预计|預計|计划(?:中|完成)|예정|\b(?:planned|scheduled|expected|due|target(?:ed)?"
    r"|previst[oa]|prevue?|geplant|programad[oa])\b"
)


# "- [x] OK", "[ ] —": a task box typed in the cell, with at most one short word after it.
_BOX_AND_WORD_RE = re.compile(r"^(?:[-*+]\s+)?\[(?P<box>[ xX✓✔])\](?:\s+\S{1,12})?$")


_TODO_EN_RE = re.compile(r"\b(?:todo|to do|upcoming|planned|pending|not started|next)\b")
_TODO_WORDS_RE = re.compile(
    r"未开始|未開始|未着手|待开始|计划中|未完成|sin empezar|pendiente|não iniciado|pendente"
    r"|nicht begonnen|offen|à faire|시작 전|미완료|не начато|не изучено|запланировано"
    r"|da fare|non iniziato|do zrobienia|başlanmadı|belum|chưa|nie ?ukończon|niezakończon"
    r"|non (?:completato|fatto|terminato)|pas (?:terminé|fait)|nicht erledigt|tamamlanmad[ıi]"
    r"|plus tard|später|más tarde|mais tarde|più tardi|позже|нескоро"
)


def status_of_words(text: str) -> str | None:
    """The checkbox a status cell means ("✅ Complete" → x, "📖 Reading" → /, "Upcoming" → " ")."""
    # ":heavy_check_mark:" is how GitHub trackers write ✔ in a cell
    state = " ".join(replace_shortcodes(text).replace("\ufe0f", "").split())
    mark = _CHECK_CELL.get(state) or _CHECK_CELL.get(state.casefold())
    if mark is not None:
        return mark
    boxed = _BOX_AND_WORD_RE.match(state)
    if boxed is not None:
        return " " if boxed["box"] == " " else "x"  # "- [x] OK": a box ticked, and a word
    code = status_code(state)
    if code is not None:
        return code
    lowered = state.casefold()
    if re.search(r"\b(?:in bearbeitung|in arbeit|in corso|in progresso|en progreso)\b", lowered):
        return "/"  # "In Bearbeitung", "In corso": under way, whatever "in" says in English
    if re.search(r"\b(?:not|in|un|incomplete)\b", lowered) and "progress" not in lowered:
        return " "
    if _PLANNED_RE.search(lowered):
        return " "  # "✅ 完了予定", "✅ planned for May": when it should be done, not that it is
    if any(sign in state for sign in "✅✔☑✓") or re.search(
        r"\b(?:done|complete[d]?|finished)\b", lowered
    ):
        return "x"
    # "⏳ À faire", "⏳ Pending": the words say what the hourglass only decorates
    said_todo = bool(_TODO_EN_RE.search(lowered) or _TODO_WORDS_RE.search(lowered))
    if (any(sign in state for sign in "🔄⏳📖🚧") and not said_todo) or re.search(
        r"\b(?:in progress|doing|reading|started|ongoing|underway|wip|learning)\b", lowered
    ):
        return "/"
    if re.search(r"\b(?:skip(?:ped)?|dropped|cancel+ed)\b", lowered):
        return "-"
    if _TODO_EN_RE.search(lowered):
        return " "
    if state[:1] in "⬜☐⭕⏸🔲" or _TODO_WORDS_RE.search(lowered):
        return " "
    if re.search(
        r"已完成|完成|完了|済み|terminad[oa]|completad[oa]|concluíd[oa]|erledigt|fait|완료"
        r"|изучено|выполнено|готово|завершено|terminé|completato|fatto|ukończon[eay]"
        r"|zakończon[eay]|tamamland[ıi]|bitti|selesai|hoàn thành|xong"
        # learnt for good: "Acquis", "Maîtrisé", "Dominado", "Освоено"
        r"|\bacquise?s?\b|maîtrisée?s?|\bmastered\b|dominad[oa]s?|освоен[оа]?",
        lowered,
    ) or PASSED_RE.match(lowered.strip()):
        return "x"
    if re.search(
        r"进行中|学习中|進行中|学習中|en curso|em andamento|läuft|en cours|진행 중"
        r"|в процессе|изучаю|w trakcie|devam ediyor|sedang|đang (?:học|làm|thực hiện)",
        lowered,
    ):
        return "/"
    return None


def _check_cell(text: str) -> str | None:
    # ":white_check_mark:" is how GitHub writes ✅ in a cell
    return _CHECK_CELL.get(replace_shortcodes(text).strip().replace("\ufe0f", ""))


def _all_check_cells(body: list[list[InlineText]], index: int, *, marks_only: bool = False) -> bool:
    """Every row has a checkbox-like mark in this column ("✅", "⬜️", "[x]"; with
    `marks_only`, no words such as "yes"/"done")."""
    return bool(body) and all(
        len(row) > index
        and (
            (
                _check_cell(row[index].text) is not None
                # ":white_check_mark:" is GitHub's way to write ✅: a mark, not a word
                and not (
                    marks_only and any(c.isalpha() for c in replace_shortcodes(row[index].text))
                )
            )
            # "✅ Completed", "🔲 Pending": a mark and the state it stands for, still a mark
            or _mark_and_state(row[index].text)
        )
        for row in body
    )


_CROSS_MARKS = frozenset("❌✗✘✖")


def _crosses(body: list[list[InlineText]], index: int) -> bool:
    """The column's filled cells are ticks and crosses ("✔️", "❌"), a cross among them: a
    yes or a no, where "still to do" would be an empty box (⬜)."""
    cells = [replace_shortcodes(row[index].text).strip() for row in body if len(row) > index]
    cells = [cell for cell in cells if cell]
    return any(cell[:1] in _CROSS_MARKS for cell in cells) and all(
        _check_cell(cell) is not None for cell in cells
    )


def _status_where_the_boxes_are(
    roles: dict[str, int], keys: list[str], body: list[list[InlineText]]
) -> None:
    """ "| Courses | Duration | Status | Percentage |" over "| Calculus | 13 weeks | 13 weeks
    | - [x] OK |": the column named Status says no state on any row, and the boxes stand one
    column over. The column of boxes is the status."""
    at = roles.get("status")
    if at is None or roles.get("attempts") == at or roles.get("completed_on") == at:
        return
    if any(len(row) > at and status_of_words(row[at].text) is not None for row in body):
        return
    for index in range(len(keys)):
        if index not in roles.values() and _boxes_or_percents(body, index):
            roles["status"] = index
            return


_WHOLE_PERCENT_RE = re.compile(r"^\d{1,3}(?:[.,]\d+)?\s*%$")


def _boxes_or_percents(body: list[list[InlineText]], index: int) -> bool:
    """Every row holds a checkbox-like mark or a bare percentage here, and one a mark."""
    cells = [remove_controls(row[index].text).strip() if len(row) > index else "" for row in body]
    marks = [
        _check_cell(cell) is not None or _mark_and_state(cell) or bool(_BOX_AND_WORD_RE.match(cell))
        for cell in cells
    ]
    return any(marks) and all(
        mark or _WHOLE_PERCENT_RE.match(cell) for mark, cell in zip(marks, cells, strict=True)
    )


def _mark_and_state(text: str) -> bool:
    match = _MARK_AND_STATE_RE.match(remove_controls(text).strip())
    return bool(match) and _check_cell(match["mark"]) is not None


_MARK_AND_STATE_RE = re.compile(
    r"^(?P<mark>\W{1,3}?)\s*(?:completed?|done|finished|pending|in progress|ongoing"
    r"|not started|started|to ?do|completado|concluído|pendiente|pendente|erledigt|offen"
    r"|terminé|en cours"
    r"|完成|已完成|未完成|进行中|完了|未着手|進行中|완료|진행 ?중|미완료)$",
    re.I,
)


MIN_TICKS = 2


def _ticks_or_blanks(body: list[list[InlineText]], index: int) -> bool:
    """The column holds only check marks ("✅") and empty cells, two marks at least."""
    cells = [row[index].text.strip() if len(row) > index else "" for row in body]
    marks = [cell for cell in cells if cell]
    return (
        len(marks) >= MIN_TICKS
        and len(marks) < len(cells)
        and all(
            _check_cell(cell) is not None and not any(c.isalpha() for c in cell) for cell in marks
        )
    )


def _all_image_states(body: list[list[InlineText]], index: int) -> bool:
    """Every row's cell in this column is an image that says a state (image-status-cell)."""
    return bool(body) and all(len(row) > index and image_status(row[index]) for row in body)


# A column that asks "done?" ("Completed", "Finished", "Erledigt"), not "what state?".
_DONE_HEADER_RE = re.compile(
    # "Done?", and the same asked in full: "Is it completed?", "Have I finished?"
    r"^(?:(?:is (?:it|this)|have i|did i|are (?:they|these)) )?"
    r"(?:done|completed?|finished|passed|completado|terminado|concluído|feito|terminé|fait"
    r"|erledigt|abgeschlossen|已完成|完成|完了|済|완료|выполнено|пройдено|hecho|fatto"
    r"|completato|tamamland[ıi]|selesai|xong|hoàn thành|zrobione|ukończone)"
    r"(?: (?:yet|already))?\??$"
)
_NOT_DONE_RE = re.compile(
    r"\b(?:in|un)(?:complete|finish)\w*|\b(?:not|no|never|dropped|planned|scheduled|upcoming"
    r"|pending|later|next|to ?do|pendiente|planificado|geplant|offen|prévu|à venir)\b"
    r"|예정|진행 ?중|미완료|予定|未完了|未|计划|待|進行中|进行中",
    re.I,
)
_NO_ANSWER_RE = re.compile(r"^(?:n/?a|none|-+|\?+|tbd|soon)$", re.I)
# "__ / 10", "___": a blank of a template, left for the learner to fill in.
_BLANK_RE = re.compile(r"^_{2,}\s*(?:/\s*\d+)?$")


_SOLUTION_HEADER_RE = re.compile(
    r"^(?:my |own )?(?:solutions?|answers?|code|solved|soluci[óo]n(?:es)?|solu[çc][ãa]o"
    r"|solu[çc][õo]es|lösung(?:en)?|решение|解答|题解|解法|代码|풀이|解き方)$"
)
_UNSOLVED_RE = re.compile(r"^(?:todo|to do|tbd|wip|pending|pendiente|-|—|–|…|\.\.\.)$", re.I)


def _solved(text: str) -> str:
    words = remove_controls(text).strip(" []()`*_")
    return " " if not words or _UNSOLVED_RE.match(words) else "x"


@rule("solution-column")
def _is_solution_column(key: str, body: list[list[InlineText]], index: int) -> bool:
    """A "Solution" column whose cells hold a solution (a link to the code, "Rust") on some
    rows and "TODO" or nothing on others (or on all of them, nothing solved yet) says which
    problems are solved: the rows with a solution are done. A column where every row has
    one may be the problems' reading, and is left as it is."""
    if not _SOLUTION_HEADER_RE.match(key):
        return False
    states = {_solved(row[index].text) for row in body if len(row) > index}
    return " " in states


# "9/9 ✅", "2/7", "0/11": how many of the row's problems are done, out of how many.
_COUNT_DONE_RE = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})(?=\W*$)")


def _count_done(words: str) -> str | None:
    """ "7/7": all of it done; "0/11": none yet; "2/7": under way. None for anything else."""
    found = _COUNT_DONE_RE.match(words)
    if found is None:
        return None
    done, total = int(found[1]), int(found[2])
    if total == 0 or done > total:
        return None
    return "x" if done == total else " " if done == 0 else "/"


def _said_done(text: str) -> str | None:
    """In a "Completed" column, what the learner wrote ("[Took the class, got an A]",
    "Jan 2024") says it is done, and a count says how much ("7/7" done, "2/7" under way,
    "0/11" not started); an empty cell, "N/A" or "[]" says nothing."""
    words = remove_controls(text).strip(" []()")
    if not words or _NO_ANSWER_RE.match(words) or _BLANK_RE.match(words):
        return None
    counted = _count_done(words)
    if counted is not None:
        return counted
    if not any(c.isalnum() for c in words):
        return None
    if _NOT_DONE_RE.search(words):
        return " "
    return "x"


def _cell_status(cell: InlineText, line: int | None) -> str | None:
    """The checkbox a status cell means: its words, its code, or the image it holds."""
    boxed = input_status(cell.raw or cell.text)
    if boxed is not None:
        fired("input-checkbox-cell", line, "item", f"[{boxed}]")
        return boxed
    pictured = image_status(cell)
    if pictured is not None:
        fired("image-status-cell", line, "item", f"[{pictured}]")
        return pictured
    mark = status_of_words(cell.text)
    if mark is not None and status_code(cell.text) is not None:
        fired("status-code", line, "item", f"[{mark}]")
    if mark is None and _WHOLE_PERCENT_RE.match(remove_controls(cell.text).strip()):
        mark = percent_state(cell.text)  # "0.00%", "100%": how much of it is done
    if mark is None:
        # "🟢 Bases acquises", "🟡 À remettre en pratique", "🔴 À (re)démarrer": in a status
        # column, a coloured dot leading words the reader may not know is a traffic light
        mark = _TRAFFIC_LIGHTS.get(remove_controls(cell.text).strip()[:1])
    return mark


_TRAFFIC_LIGHTS = {**TRAFFIC_LIGHTS, "⚪": " "}  # a white dot in a status column: not yet


# Marks of work under way beside which an hourglass means "waiting its turn".
_UNDER_WAY_MARKS = frozenset("🔄🚧▶")


def hourglass_waits(marks: set[str]) -> bool:
    """Marks that say work is under way with 🔄 and give others ⏳ ("🔄 OOP" beside "⏳ Web",
    "| 1 | … | 🔄 |" over "| 2 | … | ⏳ |"): there the hourglass waits its turn, not started."""
    return "⏳" in marks and bool(marks & _UNDER_WAY_MARKS)


def _column_waits(body: list[list[InlineText]], at: int | None) -> bool:
    """A status column whose hourglass waits its turn (see `hourglass_waits`)."""
    if at is None:
        return False
    return hourglass_waits(
        {row[at].text.replace("\ufe0f", "").strip() for row in body if len(row) > at}
    )


def _row_status(
    row: list[InlineText],
    roles: dict[str, int],
    names: list[str],
    line: int | None,
    *,
    waiting: bool = False,
) -> str | None:
    """The checkbox the row's status column gives it, or None (no column, no answer)."""
    at = roles.get("status")
    if at is None or len(row) <= at:
        return None
    if waiting and row[at].text.replace("\ufe0f", "").strip() == "⏳":
        fired("status-code", line, "item", "[ ] waiting its turn")
        return " "
    if roles.get("attempts") == at:
        return "x" if remove_controls(row[at].text).strip() else " "
    if roles.get("completed_on") == at:
        mark = "x" if is_date_title(remove_controls(row[at].text)) else " "
        fired("completion-date-column", line, "item", f"[{mark}]")
        return mark
    if roles.get("solution") == at:
        mark = _solved(row[at].text)
        fired("solution-column", line, "item", f"[{mark}]")
        return mark
    mark = _cell_status(row[at], line)
    if mark is None and _DONE_HEADER_RE.match(plain_label(names[at])):
        mark = _said_done(row[at].text)
    return mark


# "1회 | 2회", "1st | 2nd", "Round 1 | Round 2", "一刷 | 二刷", "1周目 | 2周目": the times the
# learner went through an entry.
_ATTEMPT_HEADER_RE = re.compile(
    r"^(?:(?P<n>\d{1,2})\s*(?:회독?|차|刷|周目|回目?|遍|st|nd|rd|th)(?:\s*(?:round|pass|try|time))?"
    r"|(?:round|pass|try|attempt|review|revision)\s*(?P<m>\d{1,2})"
    r"|(?P<k>[一二三四五])(?:刷|周目|回目|遍))$",
    re.I,
)
MIN_ATTEMPTS = 2


def _attempt_headers(keys: list[str]) -> list[int]:
    """The columns headed by a time through ("1회", "2nd", "Round 3", "一刷")."""
    return [i for i, key in enumerate(keys) if _ATTEMPT_HEADER_RE.match(key.strip())]


@rule("attempt-columns")
def _attempt_columns(keys: list[str], body: list[list[InlineText]]) -> int | None:
    """Columns headed by the times through ("| Problem | 1회 | 2회 | 3회 |", "Round 1 |
    Round 2", "一刷 | 二刷"), holding only marks or dates, record when the learner went
    through each entry: an entry with a mark in the first of them is done. Returns that
    column."""
    numbered = _attempt_headers(keys)
    if len(numbered) < MIN_ATTEMPTS or numbered != list(
        range(numbered[0], numbered[0] + len(numbered))
    ):
        return None
    for index in numbered:
        cells = [remove_controls(row[index].text) for row in body if len(row) > index]
        if any(re.search(r"[^\W\d_]", cell) for cell in cells):
            return None  # words in the cells: not marks
    first = numbered[0]
    marked = sum(1 for row in body if len(row) > first and remove_controls(row[first].text))
    return first if marked else None


def _attempt_legend(keys: list[str], body: list[list[InlineText]]) -> bool:
    """A first row with a different mark under each time through ("| Problem | 🟥 | 🟧 |
    🟨 |") is the key to the marks, not an entry."""
    numbered = _attempt_headers(keys)
    first = body[0] if body else []
    marks = [remove_controls(first[i].text).strip() for i in numbered if i < len(first)]
    if len(marks) != len(numbered) or not all(marks) or len(set(marks)) != len(marks):
        return False
    if any(re.search(r"\d", mark) for mark in marks):
        return False  # dates: the first entry, gone through each time
    # an entry gone through every time carries the same marks: then the row is no key
    return not any(
        [remove_controls(row[i].text).strip() if i < len(row) else "" for i in numbered] == marks
        for row in body[1:]
    )


_SLOT_HEADER_RE = re.compile(
    r"^(?:day|week|session|lesson|día|dia|semana|jour|semaine|tag|woche|день|неделя"
    r"|天|日|周|週|일차?|주차?)s?$",
    re.I,
)


def _slot_title(
    row: list[InlineText], names: list[str], title_at: int, roles: dict[str, int]
) -> str | None:
    """ "| **009** | 23 Dec | | ⬜ |": a day of the log whose topic is not written yet is
    still a day of the plan — "Day 009" — when the row says something else about it (a
    date, a state)."""
    if title_at == 0 or not row or not _SLOT_HEADER_RE.match(plain_label(names[0]).strip()):
        return None
    slot = remove_controls(row[0].text).strip()
    others = [
        remove_controls(cell.text).strip()
        for index, cell in enumerate(row)
        if index not in (0, title_at)
    ]
    if not slot or not any(others) or "status" not in roles:
        return None
    return f"{names[0].strip(' *_')} {slot}"


_RULE_ROW_RE = re.compile(r"^[\s:|=_-]+$")


# A cell left empty on purpose: "-", "—", "n/a" (and an empty one).
_PLACEHOLDER_CELL_RE = re.compile(r"^(?:[-–—]{1,3}|n/?a)?$", re.I)


def _filled_cell(row: list[InlineText], title_at: int, roles: dict[str, int]) -> int | None:
    """The first cell with text outside the title and the columns of known roles (slot,
    status, index, group…): where a row whose title cell is empty names its step. A day or
    a date names none ("| 19/05/02 | Thu | | |": a session nothing is planned for yet)."""
    from roadvault.parse.labels import names_a_when  # labels reads sections, which reads us

    for index, cell in enumerate(row):
        text = remove_controls(cell.text).strip()
        if (
            index != title_at
            and index not in roles.values()
            and not _PLACEHOLDER_CELL_RE.match(text)
            and not names_a_when(text)
        ):
            return index
    return None


def _all_numbers(body: list[list[InlineText]], index: int) -> bool:
    values = [remove_controls(row[index].text).strip() for row in body if len(row) > index]
    return all(re.fullmatch(r"[\d.,]+\s*%?", value) for value in values if value)


_RESULT_COLUMN_RE = re.compile(
    r"^(?:results?|exam results?|ergebnis(?:se)?|resultados?|r[ée]sultats?|esito|wynik"
    r"|sonuç|结果|結果|결과)$"
)
# "bestanden", "passed", "aprobado": an exam passed, the module done.
PASSED_RE = re.compile(
    r"^(?:bestanden|passed|pass|aprobad[oa]|aprovad[oa]|r[ée]ussi|admis|superato|zaliczon[eay]"
    r"|geçti|lulus|通过|通過|合格|합격)\W*$",
    re.I,
)


def _is_result_column(key: str, body: list[list[InlineText]], index: int) -> bool:
    """A "Result" column holding "passed" on some rows: whether each module is done."""
    if not _RESULT_COLUMN_RE.match(key):
        return False
    values = [remove_controls(row[index].text).strip() for row in body if len(row) > index]
    return any(PASSED_RE.match(value) for value in values)


# "Completion Date", "Date completed", "Finished on", "Date Solved": when a row was done,
# filled once it is.
_COMPLETION_DATE_RE = re.compile(
    r"^(?:completion(?: date)?|completed(?: on| date)?|date (?:completed|finished|done|solved)"
    r"|finished(?: on| date)|done on|solved (?:on|date)|fecha de (?:finalizaci[óo]n|t[ée]rmino)"
    r"|data de conclus[ãa]o|erledigt am|abgeschlossen am|date de fin r[ée]elle"
    r"|完成(?:日期|时间|時間|日)|完了日|완료일)$"
)


@rule("completion-date-column")
def _is_completion_date_column(key: str, body: list[list[InlineText]], index: int) -> bool:
    """A "Completion Date" column with a date on some rows says which rows are done: those
    with a date; a row left blank is still to do. An end or due date is a plan, not this."""
    if not _COMPLETION_DATE_RE.match(key):
        return False
    return any(len(row) > index and is_date_title(remove_controls(row[index].text)) for row in body)


def _column_roles(header: list[str], body: list[list[InlineText]]) -> dict[str, int]:
    roles: dict[str, int] = {}
    keys = [plain_label(cell) for cell in header]
    for index, key in enumerate(keys):
        if "status" not in roles and (
            _STATUS_COLUMN_RE.match(key)
            # "| 강의 | 완료 |", "| Course | Done? |"; "| 已完成 | 总数 |" of counts is no state
            or (_DONE_HEADER_RE.match(key) and not _all_numbers(body, index))
            or (not key and _all_check_cells(body, index))
        ):
            roles["status"] = index
        elif "index" not in roles and _INDEX_COLUMN_RE.match(key):
            roles["index"] = index
        elif (
            "duration" not in roles
            and _DURATION_COLUMN_RE.match(key)
            and not _COMPLETION_DATE_RE.match(key)  # "Date Solved": when it was done
            and not _names_stages(body, index)
        ):
            roles["duration"] = index
        elif "resources" not in roles and (
            resource_kind(key) == "strong" or _FILES_COLUMN_RE.match(key)
        ):
            roles["resources"] = index
    if "status" not in roles:
        # "| Problem | Solution |" over "[Rust](./two_sum.rs)" and "TODO": solved or not yet
        for index, key in enumerate(keys):
            if index not in roles.values() and _is_solution_column(key, body, index):
                roles["status"] = roles["solution"] = index
                break
    # where a named column crosses rows out ("| Presencialidad | Sincrónica |" over ✔️ and
    # ❌), the table's named columns of marks say yes or no, none of them done
    yes_no = "status" not in roles and any(
        key and _crosses(body, index) for index, key in enumerate(keys)
    )
    if "status" not in roles:
        # "| Topic | Basic | Advanced |" with ✅/⬜ cells: the first such column is the status
        # (marks only: a "Free?" column of yes/no ticks nothing)
        for index in range(len(keys)):
            if (
                index not in roles.values()
                and _all_check_cells(body, index, marks_only=True)
                and not (keys[index] and yes_no)
            ):
                roles["status"] = index
                break
    if "status" not in roles:
        # "| ✅ | Set up a server |" over "|  | Add headers |": ticks left blank where not done
        for index in range(len(keys)):
            if (
                index not in roles.values()
                and _ticks_or_blanks(body, index)
                and not (keys[index] and yes_no)
            ):
                roles["status"] = index
                break
    if "status" not in roles:
        # "| Ergebnis |" over "bestanden" / "...": an exam's result says the module is done
        for index, key in enumerate(keys):
            if index not in roles.values() and _is_result_column(key, body, index):
                roles["status"] = index
                break
    if "status" not in roles:
        for index, key in enumerate(keys):
            if index not in roles.values() and _is_completion_date_column(key, body, index):
                roles["status"] = roles["completed_on"] = index
                break
    if "status" not in roles:
        attempts = _attempt_columns(keys, body)
        if attempts is not None:
            roles["status"] = roles["attempts"] = attempts
    if "status" not in roles:
        # "| Lecture | ![](…/progress/100) |": a column of images that each say a state
        for index in range(len(keys)):
            if index not in roles.values() and _all_image_states(body, index):
                roles["status"] = index
                break
    _status_where_the_boxes_are(roles, keys, body)
    taken = {i for role, i in roles.items() if role != "resources"}
    title = _title_column(keys, body, taken)
    if title is None and "resources" in roles and "status" in roles:
        title = roles["resources"]  # "| Resource | Progress |": each resource is a step
    if title is not None:
        roles["title"] = title
        if roles.get("resources") == title:
            del roles["resources"]
    return roles


_STAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*[.)、:：]\s*")
MAX_STAGE_NAME = 40


def _names_stages(body: list[list[InlineText]], index: int) -> bool:
    """ "| 阶段 |" over "0. 环境&工具", "1. 三件套极速过", or "| Week |" over "Week 0
    Scratch", "[Week 6 Python](…)": a stage column whose cells name each stage after its
    number — the names of the steps, not when or how long."""
    rows = [row[index] for row in body if len(row) > index]
    named = 0
    for cell in rows:
        text = remove_controls(cell.text).strip()
        rest = _STAGE_NUMBER_RE.sub("", text, count=1)
        slot = leading_duration(text)
        if rest == text and slot and is_slot(slot[0]) and text.startswith(slot[0]):
            rest = text[len(slot[0]) :].lstrip(" :.)、：-–—")  # "Week 0 Scratch", "Day 3: Arrays"
        # one link whose text is the whole cell names the stage and where it is taught
        whole_link = len(cell.links) == 1 and cell.links[0][0].strip() == text
        if (
            rest == text
            or (cell.links and not whole_link)
            or not rest[:1].isalpha()
            or len(rest) > MAX_STAGE_NAME
            or _KIND_NUMBER_RE.fullmatch(text)  # "1. Hafta": which week, no name of it
        ):
            continue  # "9:00–11:00", "1. [Docs](…)<br>2. …": a time, a list of links
        named += leading_duration(rest) is None
    return bool(rows) and named * 2 > len(rows)


# "Unit 1", "Week 2", a folder named so ("📁 Hafta-1", "week_02"), the number first ("1.
# Hafta", "3주차"): which one, not what
_KIND_NUMBER_RE = re.compile(
    r"(?:[^\w\s]\ufe0f?\s*)?[^\W\d_]{2,12}[.\-_]?\s*#?\d{1,3}[a-z]?/?"
    r"|\d{1,3}\.?\s*(?:hafta|gün|week|day|month|woche|tag|semaine|jour|semana|día|dia|mes"
    r"|周|週|天|日|月|주차|일차|회차|주|일)",
    re.I,
)
# Columns that name the work done on a subject, beside one that names the subject.
_WORK_COLUMN_RE = re.compile(
    r"^(?:assignments?|homeworks?|activit(?:y|ies)|tasks?|due|deliverables?|exercises?"
    r"|labs?|readings?|agenda|tarefas?|tareas?|devoirs?|aufgaben|作业|課題|과제|任务|任務|タスク)\b"
)
# A theme named inside a longer Chinese, Japanese or Korean header ("授業のテーマ", "学习主题").
_CJK_THEME_RE = re.compile(r"テーマ|主题|主題|トピック|주제|제목|標題|标题|タイトル")
# Columns that name one problem to solve, beside a topic column that sorts them.
_UNIT_COLUMN_RE = re.compile(
    r"^(?:problems?(?: name| title)?|questions?|challenges?|katas?|puzzles?"
    r"|problemas?|problèmes?|задач[аи]"
    r"|问题|題目|题目|問題|문제)$"
)
# "Secondary activity", "Bonus", "Optional": what goes beside the row's own work.
_SIDE_COLUMN_RE = re.compile(
    r"\b(?:secondary|side|bonus|extra|optional|secund[áa]ri[ao]s?|opcional|optionnel"
    r"|zusätzlich|補足|补充|보조)\b"
)
_SUBJECT_COLUMN_RE = re.compile(
    r"^(?:topics?|subjects?|titles?|themes?|lessons?|modules?|courses?|content|chapters?|areas?"
    r"|temas?|thèmes?|sujets?|themen?|тем[аы]|主题|内容|テーマ|주제|lernfeld(?:er)?|科目|과목"
    r"|章节|章節|チャプター|챕터|глав[аы]|kapitel|capítulos?|chapitres?"
    r"|หัวข้อ|विषय|(?:ال)?موضوع|נושא"
    r"|t[óo]picos?(?: de estud(?:o|io))?|topics? (?:to|of) study|temas? de estud(?:o|io))"
    # "Topic / Goal", "Course name": the subject, told with what the row aims at or is called
    r"(?: (?:goals?|names?|titles?|objectives?|focus))?$"
)
# "Content", "内容": what a row holds, told beside the column that names it.
_CONTENT_COLUMN_RE = re.compile(r"^(?:contents?|contenidos?|conteúdos?|contenus?|inhalte?|内容)$")
# "Focus / Notes", "Details & notes": a column of remarks, whatever it is also called.
_NOTES_TAIL_RE = re.compile(r"\b(?:notes?|comments?|remarks?)$")
# "Main focus" beside "Topic": what to stress within the topic, not the row's name.
_FOCUS_COLUMN_RE = re.compile(
    r"^(?:(?:main|primary) )?focus(?: areas?)?$|^(?:foco|enfoque)(?: principal)?$|^schwerpunkt$"
)


@rule("table-title-column")
def _title_column(keys: list[str], body: list[list[InlineText]], taken: set[int]) -> int | None:
    """A table's title column is chosen by meaning and content, not position: a header that
    names what to study (Topic, Course, Lesson, Module…) counts, and so do cells that name
    different things; a numbering, or a provider repeated row after row ("Duke", "Duke"), is
    never the title, nor a column of links to notes by their paths ("[[proyectos/01-retail]]")
    beside a column named for what the rows are ("Proyecto"). A description names the rows only when
    the other columns name them less well, and a leftmost column headed for something else
    names them before it does ("| Prerequisites | Level | Description |"). A row whose title cell is
    empty takes its step from the first other cell with text ("| Day 13 | | | Review for
    Midterm 1 |"), and a rule of dashes drawn again under the table is no row. A "Content"
    column beside one named for the topic or theme ("| テーマ | 内容 |") tells the row, the
    other names it. Past a dozen characters a longer cell names its row no better, so a
    column of short names beats a wordier one beside it ("| Topik | Fokus Belajar |"), and a
    subject told with its goal ("Topic / Goal") is still the subject. A column of lists
    ("Images / Compose / Swarm") right of a column of names says what each named row covers,
    and a column of lengths alone ("약 1시간 30분") names nothing, whatever its header. A row
    whose title cell is a dash ("| Week 6 | Review | - |") is named by another cell."""
    best: tuple[float, int] | None = None
    fallback: int | None = None  # the leftmost column, when no other names the rows
    filled_seen = False
    named_seen = False
    names_left = False  # a column of names, not lists, stands left of the one looked at
    # "| 阶段 |" over "0. 环境&工具": the stages are named, so they are what each row is
    stages = {
        index for index in range(len(keys)) if index not in taken and _names_stages(body, index)
    }
    for index, key in enumerate(keys):
        named_notes = _names_notes(body, index) and not (
            # "[[proyectos/00-dashboard-excel]]" beside a "Proyecto" column: where the
            # project's note is kept, while the named column says what it is
            _links_to_paths(body, index)
            and any(_TITLE_COLUMN_RE.match(k) for i, k in enumerate(keys) if i != index)
        )
        if index in taken:
            continue
        values = [" ".join(row[index].text.split()) for row in body if len(row) > index]
        values = [value for value in values if value]
        if not values or all(re.fullmatch(r"\d{1,4}\.?", value) for value in values):
            continue  # empty, or a numbering column
        if all(_only_a_length(value) for value in values):
            continue  # "약 1시간 30분", "3 hours": how long a row takes, whatever the header
        leftmost, filled_seen = not filled_seen, True
        if _NOT_TITLE_COLUMN_RE.match(key) and not named_notes:
            if leftmost and not _REMARK_COLUMN_RE.match(key):
                fallback = index  # "| Prerequisites | Level | Description |": the names
            continue
        # a column filled on a few rows only (a group cell, as if merged) names no row
        distinct = len(set(values)) / len(values) * min(1.0, len(values) / max(len(body), 1))
        # a code ("W1", "C") names less than a name; past a dozen characters, no more
        length = min(sum(len(value) for value in values) / len(values), 12) / 12
        named = 0.0
        if _TITLE_COLUMN_RE.match(key):
            named = 1.5 if not named_seen else 1.0  # the first named column is preferred
            named_seen = True
            subject = any(_SUBJECT_COLUMN_RE.match(k) for k in keys) or bool(stages)
            if _WORK_COLUMN_RE.match(key) and subject:
                named = 0.5  # "Assignments/Activities" beside "Topic": the work on a topic
            elif _SUBJECT_COLUMN_RE.match(key):
                named = 1.5  # "Topic" names what a row is about, wherever it stands
            if _SIDE_COLUMN_RE.search(key) or _NOTES_TAIL_RE.search(key):
                named = 0.0  # "Secondary activity" beside "Main focus"; "Focus / Notes"
            if _FOCUS_COLUMN_RE.match(key) and any(_SUBJECT_COLUMN_RE.match(k) for k in keys):
                named = 0.5  # "Foco principal" beside "Tópico de estudo"
        if named <= 0 and _CJK_THEME_RE.search(key):
            named = 1.5  # "授業のテーマ" (the class's theme), beside "授業の内容" (its content)
        if _UNIT_COLUMN_RE.match(key) and any(_SUBJECT_COLUMN_RE.match(k) for k in keys):
            named = 2.0  # "| Topic | Problem |": the problem is the step, the topic sorts it
        if resource_kind(key) == "strong" and not _TITLE_COLUMN_RE.match(key):
            named = -0.5  # "Resources": a title only when nothing else is
        if key and _GROUP_COLUMN_RE.match(key) and not _TITLE_COLUMN_RE.match(key):
            named = -0.5  # "Category": the group a row is in
        if all(_KIND_NUMBER_RE.fullmatch(value) for value in values):
            named -= 1.5  # "Unit 1", "Unit 2": which unit, not what it is about
        if _DESCRIPTION_COLUMN_RE.match(key):
            named -= 1.0  # "| 事项 | 时间 | 说明 |": the description says more about the row
        if _CONTENT_COLUMN_RE.match(key) and any(
            _SUBJECT_COLUMN_RE.match(k) or _CJK_THEME_RE.search(k)
            for i, k in enumerate(keys)
            if i != index and not _CONTENT_COLUMN_RE.match(k)
        ):
            # "| テーマ | 内容 |": the theme names it, the content tells, however long it is
            named = min(named, 0.5) - 1.0
        if named_notes or index in stages:
            named = max(named, 1.5)  # "| [[Key Terms]] | Full glossary… |": the note is the row
        listing = _lists_things(values)
        if listing and names_left:
            # "| Docker basics | Images / Compose / Networks |": the name, then what it covers
            named -= 1.0
        names_left = names_left or (not listing and distinct >= MIN_NAMES_DISTINCT)
        score = distinct * 2 + length + named - index * 0.05
        if best is None or score > best[0]:
            best = (score, index)
    if best and fallback is not None and _DESCRIPTION_COLUMN_RE.match(keys[best[1]]):
        return fallback  # "| Prerequisites | Level | Description |": the names, not the blurbs
    return best[1] if best else fallback


_LISTING_SPLIT_RE = re.compile(r"\s+/\s+|,\s+|、")
MAX_LISTED_WORDS = 4
MIN_NAMES_DISTINCT = 0.8


def _lists_things(values: list[str]) -> bool:
    """Most cells list several short things ("Images / Compose / Swarm", "Variables, loops,
    functions"), so the column says what each row covers; sentences do not count."""

    def listing(value: str) -> bool:
        pieces = _LISTING_SPLIT_RE.split(value)
        return (
            len(pieces) >= 2
            and not value.endswith((".", "。"))
            and all(0 < len(piece.split()) <= MAX_LISTED_WORDS for piece in pieces)
        )

    return sum(listing(value) for value in values) * 3 >= len(values) * 2


MAX_LENGTH_REST = 4


def _only_a_length(value: str) -> bool:
    """ "약 1시간 30분", "2-3 weeks", "about 4h": a length and nothing more to name a row by."""
    found = leading_duration(value)
    return found is not None and len(value) - len(found[0]) <= MAX_LENGTH_REST


def _names_notes(body: list[list[InlineText]], index: int) -> bool:
    """Every filled cell of the column is one link to a note of the vault ("[[Flashcards]]"),
    the way an Obsidian index names its notes."""
    cells = [row[index] for row in body if len(row) > index and row[index].text.strip()]
    return len(cells) >= 2 and all(_WIKILINK_CELL_RE.fullmatch(cell.raw.strip()) for cell in cells)


_WIKILINK_CELL_RE = re.compile(r"!?\[\[[^\[\]]+\]\]")
_WIKILINK_RE = re.compile(r"\[\[[^\[\]]+\]\]")


def _links_to_paths(body: list[list[InlineText]], index: int) -> bool:
    """Every link of the column opens a note by its path ("[[proyectos/01-retail]]"), with
    no name of its own shown."""
    cells = [row[index].raw.strip() for row in body if len(row) > index and row[index].text.strip()]
    return bool(cells) and all("/" in cell and "|" not in cell for cell in cells)


MAX_COLUMN_ENTRY_WORDS = 10


@rule("column-lists")
def _is_column_lists(header: list[InlineText], body: list[list[InlineText]]) -> bool:
    """A table whose columns are lists side by side ("| Base | Advanced | Expert |", each
    filled from the top down, to different depths) is read column by column: each column
    a group named by its header, each cell one entry ("[ ] Busqueda": a box ticking the
    name after it, not a state column). A row across it is no entry: its cells only share a
    line. A column of figures (grades, scores) is said of the rows, whose last is not in
    yet: the table is rows."""
    width = len(header)
    if width < 2 or len(body) < 2:
        return False
    columns = [
        [remove_controls(row[index].text).strip() if index < len(row) else "" for row in body]
        for index in range(width)
    ]
    depths = []
    for index, column in enumerate(columns):
        depth = next((at for at, cell in enumerate(column) if not cell), len(column))
        if any(column[depth:]):
            return False  # a gap, then more: rows, not a list filled from the top
        if depth and not remove_controls(header[index].text).strip():
            return False
        depths.append(depth)
    filled = [depth for depth in depths if depth]
    if len(filled) < 2 or len(set(filled)) < 2 or max(filled) < 3:
        return False
    if sum(1 for depth in depths if depth == len(body)) > 1:
        return False  # two columns down every row: a row's cells belong together
    if any(
        _STATUS_COLUMN_RE.match(plain_label(header[index].text))
        or all(
            status_of_words(cell) is not None and not _BOXED_NAME_RE.match(cell)
            for cell in column[:depth]
        )
        for index, (column, depth) in enumerate(zip(columns, depths, strict=True))
        if depth
    ):
        return False  # "| Course | Status |" with the last rows left blank: a tracker
    if any(
        depth and all(_FIGURE_CELL_RE.fullmatch(cell) for cell in column[:depth])
        for column, depth in zip(columns, depths, strict=True)
    ):
        return False  # "| Algebra | 18 |" over "| Statistics | |": a grade not in yet
    cells = [cell for column in columns for cell in column if cell]
    return all(
        len(cell.split()) <= MAX_COLUMN_ENTRY_WORDS and not _STATUS_ONLY_RE.match(cell)
        for cell in cells
    ) and any(not re.fullmatch(r"[\d\s.,%/:-]+", cell) for cell in cells)


_FIGURE_CELL_RE = re.compile(r"[\d\s.,%/:+-]+")
# "[ ] Busqueda", "(✓) Servmon": a box, then the name it ticks, not a state alone.
_BOXED_NAME_RE = re.compile(r"^\s*(?:\[[^\]\n]?\]|\(\s*[✓✔xX]?\s*\))\s*[^\W\d_]")
_STATUS_ONLY_RE = re.compile(rf"^[\sxX{''.join(sorted(STATUS_MARKS))}-]*$")


def _column_groups(
    header: list[InlineText], body: list[list[InlineText]], lines: list[int | None]
) -> list[Draft]:
    groups: list[Draft] = []
    for index, name in enumerate(header):
        group = Draft(PSEUDO, line=lines[0] if lines else None)
        set_title(group, name)
        for row, line in zip(body, lines, strict=False):
            if index >= len(row) or not remove_controls(row[index].text).strip():
                break
            entry = Draft(ROW, line=line)
            cell = row[index]
            marker, rest = split_task_marker(cell.text.lstrip())
            boxed = marker is not None and bool(rest.strip())
            if boxed:
                # "[ ] Busqueda", "[x] Broker": the cell's box ticks the name after it
                raw = re.sub(r"^\s*\\?\[[^\]\n]?\]\s*", "", cell.raw)
                cell = InlineText(text=rest, raw=raw, links=cell.links)
            set_title(entry, cell)
            if boxed:
                entry.marker = marker
            if entry.title:
                entry.resources.extend(
                    Resource(light_clean(text) or href, href)
                    for text, href in row[index].links
                    if not href.startswith("#")
                )
                group.children.append(entry)
                fired("column-lists", line, "item", f"column {group.title!r}")
        if group.children and group.title:
            groups.append(group)
    return groups


_BOLD_CELL_RE = re.compile(r"^(\*\*|__)[^*_\n]{1,60}\1$")
_ITALIC_CELL_RE = re.compile(r"^([*_])(?![*_\s])[^*_\n]{1,120}(?<!\s)\1$")


def _is_group_row(row: list[InlineText]) -> bool:
    """ "| **Freshman** | | |": one bold cell alone on its row names the rows below it, even
    where every row's first cell is bold, as long as it carries no number ("| **--- Problem
    solving ---** |" among "| **Week 6** | Greedy |"); so does a row of bold cells that
    leaves the entry's own cell empty ("| **PART 1 – Basics** | | **In progress** |": the
    part's name and its state)."""
    filled = [cell for cell in row if cell.text.strip()]
    if len(row) < 2 or not filled:
        return False
    if not _BOLD_CELL_RE.match(filled[0].raw.strip()) or not all(
        # "| **Bulan 1** | **Dasar-Dasar** | *Fokus: sintaks* |": the group's aim, in italics
        _BOLD_CELL_RE.match(cell.raw.strip()) or _ITALIC_CELL_RE.match(cell.raw.strip())
        for cell in filled[1:]
    ):
        return False
    if _NO_CLASS_RE.match(remove_controls(filled[0].text).strip(" *_")):
        return False  # "| | **Weihnachtsferien vom 23. Dezember …** |": days off, no group
    return len(filled) == 1 or (
        bool(row[0].text.strip()) and len(filled) < len(row) <= MAX_GROUP_ROW_CELLS
    )


def _group_name(row: list[InlineText]) -> InlineText:
    """The name of the group a row heads: its first filled cell, and the bold name beside a
    slot ("| **Bulan 1** | **Dasar-Dasar & Logika** |" → "Bulan 1: Dasar-Dasar & Logika")."""
    filled = [cell for cell in row if cell.text.strip()]
    first = filled[0]
    if len(filled) >= 2 and opens_a_part(first.text) and _BOLD_CELL_RE.match(filled[1].raw.strip()):
        text = f"{first.text.strip()}: {filled[1].text.strip()}"
        return InlineText(text=text, raw=text, links=[*first.links, *filled[1].links])
    return first


def _joined_name(first: InlineText, second: InlineText) -> InlineText:
    """ "Day 1" and "ES6 syntax" → "Day 1: ES6 syntax"."""
    text = f"{first.text.strip()}: {second.text.strip()}"
    raw = f"{first.raw.strip()}: {second.raw.strip()}"
    return InlineText(text=text, raw=raw, links=[*first.links, *second.links])


def _emphasized_row(row: list[InlineText]) -> bool:
    """ "| **Bulan 1** | **Dasar-Dasar & Logika** | *Fokus: sintaks* |": every cell filled and
    set in bold or italics, the first in bold — a part's band across the table."""
    cells = [cell.raw.strip() for cell in row]
    return (
        2 <= len(cells) <= MAX_GROUP_ROW_CELLS
        and bool(_BOLD_CELL_RE.match(cells[0]))
        and all(_BOLD_CELL_RE.match(c) or _ITALIC_CELL_RE.match(c) for c in cells[1:])
    )


MAX_GROUP_ROW_CELLS = 4
MIN_BANDS = 2


@rule("table-group-rows")
def _grouped_by_rows(
    header: list[InlineText],
    body: list[list[InlineText]],
    lines: list[int | None],
    starts: list[int],
) -> tuple[list[Draft], list[Resource]]:
    """A row holding one bold cell and nothing else ("| **Freshman** | |", then the
    level's tasks, then "| **Sophomore** | |") names a group of the rows after it, as a
    merged row across a spreadsheet does: each such row is a topic holding them. So does a
    band of emphasized cells among plain rows ("| **Bulan 1** | **Dasar-Dasar** | *Fokus: …*
    |"), named by its slot and its bold name ("Bulan 1: Dasar-Dasar")."""
    drafts: list[Draft] = []
    resources: list[Resource] = []
    bounds = [*starts, len(body)]
    if starts[0] > 0:
        found, more = table_items(header, body[: starts[0]], lines[: starts[0]])
        drafts.extend(found)
        resources.extend(more)
    for start, end in pairwise(bounds):
        group = Draft(PSEUDO, line=lines[start] if start < len(lines) else None)
        set_title(group, _group_name(body[start]))
        fired("table-group-rows", group.line, "topic", group.title)
        found, more = table_items(header, body[start + 1 : end], lines[start + 1 : end])
        group.children.extend(found)
        resources.extend(more)
        if group.children:
            drafts.append(group)
    return drafts, resources


# "`#courses`", "#review", "`--Y`", "`[?]`": a code the document uses, not a thing to study.
_CODE_CELL_RE = re.compile(r"`[^`\n]{1,30}`|#[^\W\d_][\w/-]{0,30}")


@rule("code-legend")
def explains_codes(body: list[list[InlineText]]) -> bool:
    """A two-column table whose first cells are each a code the document uses ("`#courses`"
    | "Unit/course content notes", "#review" | "Flagged for review") or a lone symbol ("🔴"
    | "Critical — do not move on without it") explains its tags and marks: a key to read
    by, not steps. Its header may be the first of them ("| 🟢 | Fertig |")."""
    if len(body) < 2 or any(len(row) != 2 for row in body):
        return False
    if not all(row[1].text.strip() for row in body):
        return False
    if all(_CODE_CELL_RE.fullmatch(row[0].raw.strip()) for row in body):
        return True
    # a different mark on each row: "✅ | Set up a server" over "✅ | Add headers" ticks
    symbols = [row[0].text.strip() for row in body]
    return all(_lone_symbol(symbol) for symbol in symbols) and len(set(symbols)) == len(symbols)


def _marks_header(header: list[InlineText]) -> bool:
    """ "| 🟢 | **Fertig** |": a header that is a mark and its meaning, the key's first row."""
    return (
        len(header) == 2 and _lone_symbol(header[0].text.strip()) and bool(header[1].text.strip())
    )


def _lone_symbol(text: str) -> bool:
    """ "🔴", "⭐⭐", "✅": marks only, no word or number."""
    marks = text.replace("\ufe0f", "").replace("\u200d", "").strip()
    return 0 < len(marks) <= 3 and not any(char.isalnum() or char.isspace() for char in marks)


MIN_WRAPPED_WIDTH = 30
WRAP_FILL = 0.6
FULL_WRAP = 0.95


@rule("wrapped-row")
def _join_wrapped_rows(
    body: list[list[InlineText]], lines: list[int | None]
) -> tuple[list[list[InlineText]], list[int | None]]:
    """A row with one cell filled, right under a row that filled that cell to the column's
    width ("| 8 | 2024-08-26 | Length property in JavaScript, toUpperCase(), |" then "| | |
    toLowerCase(), trim(), … |"), goes on with that cell: the author wrapped a long text
    over the rows of a plain-text table, as a terminal would. A row named in a cell of its
    own ("| | Advanced |" under "| Java | Core |") is a row of its own."""
    widths = [
        max((len(row[at].text.strip()) for row in body if len(row) > at), default=0)
        for at in range(max((len(row) for row in body), default=0))
    ]
    joined: list[list[InlineText]] = []
    kept_lines: list[int | None] = []
    last_line = ""  # the last line of the text wrapped so far, as the table shows it
    for row, line in zip(body, lines, strict=False):
        filled = [at for at, cell in enumerate(row) if cell.text.strip()]
        more = row[filled[0]].text.strip() if len(filled) == 1 else ""
        if (
            joined
            and more
            # "| | [Proxy en servicio de mensajería](…) |": a second exercise, linked
            and not row[filled[0]].links
            and _wraps_into(joined[-1], last_line, more, filled[0], widths)
        ):
            at = filled[0]
            joined[-1] = [*joined[-1][:at], _joined(joined[-1][at], row[at]), *joined[-1][at + 1 :]]
            fired("wrapped-row", line, "note", "goes on with the row above")
            last_line = more
            continue
        joined.append(row)
        kept_lines.append(line)
        last_line = ""
    return joined, kept_lines


def _wraps_into(
    row: list[InlineText], last_line: str, more: str, at: int, widths: list[int]
) -> bool:
    """Whether `more` goes on with the cell `at` of `row` (whose last line, once wrapped, is
    `last_line`): the row is named in its first cell, and the cell stops mid-sentence at the
    column's width ("…toUpperCase(),"), or the text goes on in lower case."""
    if at >= len(row) or at == 0 or not row[0].text.strip():
        return False
    text = last_line or row[at].text.strip()
    if widths[at] < MIN_WRAPPED_WIDTH or text.endswith((".", "。", "!", "?", ":", "：")):
        return False
    if text.endswith((",", ";", "-")) or more[:1].islower():
        return len(text) >= WRAP_FILL * widths[at]  # mid-sentence
    # "**Mock interview** (with a friend)" over "Review the mock": two rows
    return not text.endswith((")", "）", "]", "*")) and len(text) >= FULL_WRAP * widths[at]


def _joined(above: InlineText, more: InlineText) -> InlineText:
    return InlineText(
        text=f"{above.text.strip()} {more.text.strip()}",
        raw=f"{above.raw.strip()} {more.raw.strip()}",
        links=[*above.links, *more.links],
    )


def table_items(
    header: list[InlineText], body: list[list[InlineText]], lines: list[int | None]
) -> tuple[list[Draft], list[Resource]]:
    body, lines = _join_wrapped_rows(body, lines)
    if len(body) > 2 and _totals_row(body[-1]):
        # "| TOTAL | | 14/20 |" closing the rows: what they add up to, not one more step
        fired("count-table", lines[len(body) - 1] if len(lines) >= len(body) else None, "dropped")
        body, lines = body[:-1], lines[: len(body) - 1]
    starts = [at for at, row in enumerate(body) if _is_group_row(row)]
    if not starts:
        # bands set off only by their emphasis, among rows that have none
        banded = [at for at, row in enumerate(body) if _emphasized_row(row)]
        plain = [row for at, row in enumerate(body) if at not in banded and row]
        if len(banded) >= MIN_BANDS and not any(
            _BOLD_CELL_RE.match(cell.raw.strip()) for row in plain for cell in row[1:]
        ):
            starts = banded
    rest = [row for at, row in enumerate(body) if at not in starts and row]
    bold_first = sum(1 for row in rest if _BOLD_CELL_RE.match(row[0].raw.strip()))
    numbered = any(re.search(r"\d", "".join(c.text for c in body[at])) for at in starts)
    if bold_first * 2 > len(rest) and numbered:
        # "| **001** |" where every row's day is bold: a day left blank, no group (a name
        # with no number, "**--- Problem solving ---**", still heads the rows below it)
        starts = []
    if starts and len(starts) * 3 <= len(body):
        return _grouped_by_rows(header, body, lines, starts)
    if describes_step(header, body):
        for line in lines:
            fired("key-value-table", line, "note")
        return [_step_notes(header, body, lines[0] if lines else None)], []
    keyed = _marks_header(header)
    if explains_codes([header, *body] if keyed else body):
        for line in lines:
            fired("code-legend", line, "note")
        return [_step_notes(header, body, lines[0] if lines else None, keyed=keyed)], []
    if counts_only(header, body):
        holder = Draft(ROW, line=lines[0] if lines else None)
        names = [remove_controls(cell.text).strip() for cell in header]
        for row, line in zip(body, lines, strict=False):
            fired("count-table", line, "note")
            cells = [remove_controls(cell.text).strip() for cell in row]
            pairs = [f"{n} {c}".strip() for n, c in zip(names[1:], cells[1:], strict=False)]
            holder.notes.append(f"{cells[0]}: {', '.join(p for p in pairs if p)}")
        return [holder], []
    slots = schedule_slots(header, body)
    if slots:
        return _grid_sessions(header, body, lines, slots), []
    if _is_link_table(header, body):
        for line in lines:
            fired("link-table", line, "resource")
        return [], [_row_resource(row) for row in body if any(c.text.strip() for c in row)]
    keys = [plain_label(remove_controls(cell.text)) for cell in header]
    if _is_column_lists(header, body) and _attempt_columns(keys, body) is None:
        return _column_groups(header, body, lines), []
    names = [remove_controls(cell.text) for cell in header]
    roles = _column_roles(names, body)
    if "attempts" in roles and _attempt_legend(keys, body):
        fired("attempt-columns", lines[0] if lines else None, "dropped", "the marks' legend")
        body, lines = body[1:], lines[1:]
    drafts: list[Draft] = []
    resources: list[Resource] = []
    if "title" not in roles:
        if "resources" in roles:
            for row in body:
                resources.extend(_cell_resources(row, roles["resources"]))
        return drafts, resources
    title_at = roles["title"]
    waiting = _column_waits(body, roles.get("status"))
    by_position = next(i for i in range(len(names)) if i not in roles.values() or i == title_at)
    if title_at != by_position:
        for line in lines:
            fired("table-title-column", line, "item", f"title column {names[title_at]!r}")
    group_at = _group_column(body, title_at, roles, names)
    companion = None if group_at is None else group_companion(body, group_at, title_at)
    if group_at is not None and group_at == roles.get("duration"):
        del roles["duration"]  # "W01" over its rows names their week; it times none of them
    slot_at = roles.get("duration")
    # once some rows list points under their slot, a row with one point is read the same way
    nests = (
        slot_at is not None
        and slot_at != title_at
        and any(len(row) > title_at and len(_points(row[title_at])) >= 2 for row in body)
    )
    # points are a week's steps ("| Week 1 | Python basics | - Review syntax<br>- …"); beside
    # a topic with no slot ("| 4 | Basic tags | - Headings<br>- Paragraphs |") they say
    # what the topic covers
    points_at = None if nests or slot_at is None else _points_column(body, title_at, roles)
    tracks = _track_columns(names, body, roles) if slot_at == 0 and group_at is None else None
    groups: list[Draft] = []
    last_group = ""
    for row, line in _rows_by_entry(body, lines, title_at, roles):
        if tracks is not None:
            # "| 1–7 | Arrays, Strings | NumPy basics | HTML basics |": the days, a step in
            # each track
            draft = Draft(ROW, line=line)
            set_title(draft, row[slot_at])
            for index in tracks:
                if index < len(row) and _filled(row[index]):
                    child = Draft(ITEM, line=line)
                    track = light_clean(names[index]).strip(" *_")
                    set_title(
                        child,
                        InlineText(
                            text=f"{track}: {row[index].text.strip()}",
                            raw=f"{track}: {row[index].raw.strip()}",
                            links=row[index].links,
                        ),
                    )
                    draft.children.append(child)
            if draft.title or draft.children:
                draft.title = draft.title or remove_controls(row[slot_at].text).strip()
                fired("track-columns", line, "topic", f"{len(draft.children)} tracks")
                drafts.append(draft)
            continue
        group_text = (
            row[group_at].text.strip() if group_at is not None and len(row) > group_at else ""
        )
        if group_text and group_text != last_group:
            last_group = group_text
            group = Draft(PSEUDO, line=line)
            name = row[group_at]
            if re.fullmatch(r"\d{1,3}", name.text.strip()) and names[group_at].strip():
                # "| Sprint |" over "1", "1", "2": the group is "Sprint 1"
                label = f"{strip_decorations(names[group_at]).strip()} {name.text.strip()}"
                name = InlineText(text=label, raw=label)
            if companion is not None and len(row) > companion and row[companion].text.strip():
                # "Day 1" and "ES6 syntax" side by side: the group is "Day 1: ES6 syntax"
                name = _joined_name(name, row[companion])
            set_title(group, name)
            groups.append(group)
            fired("table-group-column", line, "topic", group.title)
        if len(row) <= title_at:
            continue
        said = row[title_at].text.strip() or next((c.text for c in row if c.text.strip()), "")
        if _NO_CLASS_RE.match(remove_controls(said).strip(" *_")):
            # after its group cell was read: "Module 2" may open on a holiday; a row with
            # only "**Weihnachtsferien …**" in another cell says the same
            fired("table-cell-list", line, "dropped", "no class that day")
            continue
        cell = row[title_at]
        draft = Draft(ROW, line=line)
        draft.cells = tuple(c.text.strip() for c in row)
        points = _points(cell) or (_single_point(cell) if nests else [])
        if (
            (len(points) >= 2 or (nests and points))
            and slot_at is not None
            and slot_at < len(row)
            and slot_at != title_at
        ):
            # "| Monday (1h) | - Arrays<br>- Linked lists |": the day is the item, the points
            # its sub-items
            fired("table-title-column", line, "item", "points under the row's slot")
            set_title(draft, row[slot_at])
            for point in points:
                child = Draft(ITEM, line=line)
                set_title(child, point)
                if child.title:
                    draft.children.append(child)
            if draft.title:
                _row_notes(draft, row, names, roles, {title_at, slot_at})
                mark = _row_status(row, roles, names, line, waiting=waiting)
                if mark is not None:
                    draft.marker = mark
                drafts.append(draft)
            continue
        ticked = None if "status" in roles else end_tick(cell.text)
        if ticked is not None:
            # "| **OOP basics ✅** |", "| Project (Completed ✅) |": done, mark off the title
            raw = end_tick(cell.raw)
            cell = InlineText(text=ticked[1], raw=raw[1] if raw else ticked[1], links=cell.links)
        cell, link_lines = _link_lines_apart(cell)
        if link_lines:
            fired("cell-link-lines", line, "resource", f"{len(link_lines)} links")
            draft.resources.extend(link_lines)
        set_title(draft, cell)
        marker, rest = split_task_marker(cell.text.strip())
        if marker is not None:
            draft.marker = marker
            set_title(draft, InlineText(text=rest, raw=rest, links=cell.links))
            draft.marker = marker
        filled_from = None
        if _PLACEHOLDER_CELL_RE.match(draft.title) and not all(
            _PLACEHOLDER_CELL_RE.match(remove_controls(c.text).strip()) for c in row
        ):
            # "| Week 6 | Review and exercises | - |": the dash says the cell is empty, the
            # row is still a step, named by another cell
            draft.title = ""
        if not draft.title and not draft.image_only:
            slot = _slot_title(row, names, title_at, roles)
            if slot:
                fired("table-title-column", line, "item", "a day not filled in yet")
                draft.title = slot
            elif (filled_from := _filled_cell(row, title_at, roles)) is not None:
                # "| Day 13 | | | Review for Midterm 1 |": the row's step is in another column
                fired("table-title-column", line, "item", f"from {names[filled_from]!r}")
                set_title(draft, row[filled_from])
        if not draft.title or draft.image_only or _RULE_ROW_RE.match(draft.title):
            continue  # "|------|----|": a rule drawn again below the table is no row
        if "status" in roles and len(row) > roles["status"]:
            mark = _row_status(row, roles, names, line, waiting=waiting)
            if mark is not None:
                draft.marker = mark
        elif ticked is not None or _ticked_elsewhere(row, title_at, group_at):
            fired("end-tick", line, "item", "[x]")
            draft.marker = "x"
        if "duration" in roles and len(row) > roles["duration"] and draft.duration is None:
            _row_duration(draft, row[roles["duration"]].text, names[roles["duration"]])
        if points_at is not None and points_at < len(row):
            fired("points-column", line, "topic", "the row's points are its steps")
            for point in _points(row[points_at]) or _single_point(row[points_at]):
                child = Draft(ITEM, line=line)
                set_title(child, point)
                if child.title:
                    draft.children.append(child)
        for index, value in enumerate(row):
            skipped = (
                title_at,
                group_at,
                companion,
                roles.get("status"),
                roles.get("index"),
                points_at,
            )
            if index in skipped or index == filled_from:
                continue
            text = remove_controls(value.text)
            if not text:
                continue
            if index == roles.get("resources") and value.links:
                draft.resources.extend(_cell_resources(row, index))
                continue
            if index == roles.get("duration") and draft.duration == _ordinal_text(
                text, names[index]
            ):
                continue
            name = names[index] if index < len(names) else ""
            draft.notes.append(f"{name}: {value.raw or text}" if name else value.raw or text)
        draft.resources.extend(
            Resource(light_clean(text) or href, href)
            for text, href in cell.links
            if not href.startswith("#")
        )
        (groups[-1].children if groups else drafts).append(draft)
    if groups:
        drafts = [*drafts, *(group for group in groups if group.children)]
    return drafts, resources


# "| Category | Technology | Status |": a column that names the group a row belongs to.
_GROUP_COLUMN_RE = re.compile(
    r"^(?:categor(?:y|ies)|group|section|area|domain|field|track|block|part|stage|phase"
    r"|категория|раздел|направление|分类|类别|類別|カテゴリ|カテゴリー|분류|카테고리"
    r"|categor[ií]as?|kategorie|bereich|catégorie|domaine"
    r"|chapters?|cap[íi]tulos?|chapitres?|kapitel|главы?|章|章节|章節|단원"
    r"|etapas?|fases?|étapes?|stufen?|этапы?|阶段|階段|段階|단계"
    # a slot filled only where it changes: "| W01 | 3/3 |", "| | Python basics |"
    r"|weeks?|days?|months?|modules?|units?|sessions?|lessons?|semanas?|mes(?:es)?|d[ií]as?"
    r"|semaines?|wochen?|неделя|周|週|天|月|주차|주|sprints?|iterations?|rounds?)?$"
)


@rule("table-group-column")
def _group_column(
    body: list[list[InlineText]], title_at: int, roles: dict[str, int], names: list[str]
) -> int | None:
    """A column left of the titles that is filled only where a new group starts ("| 🗃️
    Databases | SQL |", "| | PostgreSQL |", "| Java | Core |"), as a merged cell would be,
    groups the rows below it: each filled cell is a topic holding its rows. Right of the
    titles, a column named for categories ("| ☑ | [Nmap](…) | Tooling |") whose values run
    in blocks down the rows groups them the same way. Left of the titles, the merged cells
    alone say so, unless the column says who offers the rows or how ("| Day 1 | ES6 | Read
    the docs |", "| | | Write a demo |"): a cell filled, then blank ones under it."""
    for index in range(len(names)):
        if index == title_at or (index in roles.values() and index != roles.get("duration")):
            continue
        if index > title_at and not _CATEGORY_COLUMN_RE.match(plain_label(names[index])):
            continue
        cells = [row[index].text.strip() if len(row) > index else "" for row in body]
        named = bool(_GROUP_COLUMN_RE.match(plain_label(names[index])))
        # (not a column of who offers the rows or how: "| Studio A | Pinch pots |")
        merged = (
            index < title_at
            and not _NOT_TITLE_COLUMN_RE.match(plain_label(names[index]))
            and _merged_cells(cells)
        )
        if not named and not merged and not _GROUP_WORD_RE.search(names[index].casefold()):
            continue
        starts = _group_starts(cells)
        if (
            len(body) >= 4
            and cells[0]
            and 2 <= len(starts) <= len(body) * 6 // 10
            and not any(len(row) > index and row[index].links for row in body)
        ):
            return index
    return None


MIN_MERGED_BLANKS = 0.4


def _merged_cells(cells: list[str]) -> bool:
    """Cells as a merged cell is written out: the first filled, blank ones under each
    filled one, no value written twice in a row (two in five blank at least)."""
    filled = [at for at, cell in enumerate(cells) if cell]
    return (
        bool(cells)
        and bool(cells[0])
        and len(cells) - len(filled) >= MIN_MERGED_BLANKS * len(cells)
        and all(at + 1 < len(cells) and not cells[at + 1] for at in filled[:-1])
    )


def group_companion(body: list[list[InlineText]], group_at: int, title_at: int) -> int | None:
    """A column between the group column and the titles filled in exactly the same rows
    ("| Day 1 | ES6 syntax | Read the docs |", "| | | Write a demo |"): it names the group
    too, and says nothing of the rows."""

    def filled_rows(index: int) -> list[int]:
        return [at for at, row in enumerate(body) if len(row) > index and row[index].text.strip()]

    rows = filled_rows(group_at)
    return next((i for i in range(group_at + 1, title_at) if filled_rows(i) == rows), None)


def _group_starts(cells: list[str]) -> list[int]:
    """Where a group column's groups start: at each filled cell, as a merged cell is
    written, or at each change of a value repeated down its run ("| Burns | Assessment |",
    "| Burns | Fluid resuscitation |"); nothing when a value comes back after another."""
    starts = [at for at, cell in enumerate(cells) if cell and (at == 0 or cell != cells[at - 1])]
    if all(cells):
        values = [cells[at] for at in starts]
        if len(set(values)) != len(values):
            return []  # "Video", "Book", "Video": a kind per row, not groups
    return starts


# "| Room | Category |": a column right of the titles that can only name their groups.
_CATEGORY_COLUMN_RE = re.compile(
    r"^(?:categor(?:y|ies)|group|section|track|area|domain|topic area|path|categor[ií]as?"
    r"|kategorie|catégorie|категория|раздел|分类|类别|類別|カテゴリー?|분류|카테고리)$"
)


# "コース分類", "Course category", "Kategorie des Kurses": a header that names groups.
_GROUP_WORD_RE = re.compile(
    r"\b(?:categor(?:y|ies)|group|section|area|track|stage|phase|categor[ií]as?|kategorie)\b"
    r"|分類|分类|类别|類別|区分|カテゴリ|분류|카테고리|섹션|категория|раздел|阶段|階段|段階|단계"
)


def _ticked_elsewhere(row: list[InlineText], title_at: int, group_at: int | None) -> bool:
    """Another cell of the row ends with a tick ("| Arrays | Ex. 4–6 ✅ |")."""
    return any(
        index not in (title_at, group_at) and end_tick(cell.text) is not None
        for index, cell in enumerate(row)
    )


_LI_RE = re.compile(r"<li\b[^>]*>(.*?)(?=<li\b|</li>|</ul>|</ol>|$)", re.I | re.S)
_A_RE = re.compile(r"<a\b[^>]*?href=[\"']([^\"']*)[\"'][^>]*>(.*?)</a>", re.I | re.S)
_ANY_TAG_RE = re.compile(r"<[^>]*>")


def _html_entries(cell: InlineText) -> list[InlineText]:
    """The `<li>` entries of a cell written in HTML (`<ul><li><a href=…>A</a></li>…</ul>`)."""
    entries = []
    for match in _LI_RE.finditer(cell.raw):
        inner = match.group(1)
        links = [(_ANY_TAG_RE.sub("", text).strip(), href) for href, text in _A_RE.findall(inner)]
        text = " ".join(_ANY_TAG_RE.sub(" ", inner).split())
        if text:
            entries.append(InlineText(text=text, raw=text, links=links))
    return entries


_BREAK_RE = re.compile(
    r"\b(?:holidays?|vacations?|break|no class(?:es)?|vacances|ferien|vacaciones|férias"
    r"|feriado|jour férié)\b|假期|放假|休み|休講|방학",
    re.I,
)


def _same_across(row: list[InlineText], roles: dict[str, int], title_at: int) -> bool:
    """A row whose content columns all say the same, marked as a break ("AUTUMN HOLIDAYS" |
    "AUTUMN HOLIDAYS", highlighted or in capitals): a break in the calendar, not study."""
    skip = {roles.get("duration"), roles.get("index"), roles.get("status")}
    if title_at != 0:
        skip.add(0)  # the row's slot ("SEM 04", a date range) comes first
    content = [
        " ".join(remove_controls(cell.text).split()).casefold()
        for index, cell in enumerate(row)
        if index not in skip
    ]
    if len(content) < 2 or len(set(content)) != 1 or not content[0]:
        return False
    text = remove_controls(row[title_at].text) if len(row) > title_at else ""
    letters = [char for char in text if char.isalpha()]
    shouted = len(letters) >= 4 and sum(char.isupper() for char in letters) * 10 >= len(letters) * 8
    marked = any("<mark" in cell.raw.lower() for cell in row)
    return shouted or marked or bool(_BREAK_RE.search(content[0]))


def _blank_log(body: list[list[InlineText]]) -> bool:
    """ "| Mon | | | |" row after row: a log the learner fills in, not things to study."""
    return len(body) >= 3 and all(
        len(row) >= 3 and not any(remove_controls(cell.text).strip() for cell in row[1:])
        for row in body
    )


# "No class, spring break", "No lecture (Thanksgiving)", "Holiday": a day off in a schedule.
_NO_CLASS_RE = re.compile(
    r"^\W*(?:no (?:class|classes|lecture|lectures|session|school|meeting|lab)\b"
    r"|(?:public |bank )?holiday\b|spring break\b|fall break\b|winter break\b"
    r"|thanksgiving(?: break| holiday| recess)?\W*$|reading week\b|recess\b"
    r"|sin clases?\b|no hay clases?\b|feriado\b|festivo\b|sem aula\b|pas de cours\b"
    r"|kein unterricht\b|vorlesungsfrei\b|休讲|停课|放假|休講|休み|휴강"
    # "Weihnachtsferien vom 23. Dezember …", "Vacances de la Toussaint", "Semana Santa"
    r"|\w*ferien\b|vacances\b|vacaciones\b|férias\b|vacanze\b|semana santa\b|recesso\b"
    # the registrar's dates: "Last day to withdraw without academic penalty."
    r"|last day (?:to|for) (?:withdraw|drop|add|register|enrol)"
    r"|(?:withdrawal|drop|add) deadline\b)",
    re.I,
)


@rule("table-cell-list")
def _rows_by_entry(
    body: list[list[InlineText]], lines: list[int | None], title_at: int, roles: dict[str, int]
) -> list[tuple[list[InlineText], int | None]]:
    """A title cell holding an HTML list gives one item per `<li>` entry, each with the rest
    of its row; a row saying the same thing in every content column (a holiday, a special
    week) is no item, nor is a day off ("No class, spring break"), nor is a table whose rows
    are blank after their first cell (a log
    left to fill in) — unless it has a status column or links the things to study, on the
    web or as notes of the vault ("[[2-1-类和对象]]"): then it is a tracker not yet filled
    in."""
    out: list[tuple[list[InlineText], int | None]] = []
    # "| [Eloquent JavaScript](…) | | |" under "Reading | Status | Evidence": the learner's
    # tracker, its states not filled in yet; a log has dates or days down its first column,
    # never the notes of the vault ("| [[2-1-类和对象]] | | |": chapters, each a note)
    tracker = "status" in roles or any(
        row and (row[0].links or _WIKILINK_RE.search(row[0].raw)) for row in body
    )
    if _blank_log(body) and not tracker:
        for line in lines:
            fired("table-cell-list", line, "dropped", "a log left to fill in")
        return out
    for row, line in zip(body, lines, strict=False):
        if len(row) > title_at and _same_across(row, roles, title_at):
            fired("table-cell-list", line, "dropped", "same in every column")
            continue

        entries = _html_entries(row[title_at]) if len(row) > title_at else []
        if not entries:
            out.append((row, line))
            continue
        fired("table-cell-list", line, "item", f"{len(entries)} entries")
        out.extend(([*row[:title_at], entry, *row[title_at + 1 :]], line) for entry in entries)
    return out


_POINT_SPLIT_RE = re.compile(r"<br\s*/?>", re.I)
_POINT_RE = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")


def _points(cell: InlineText) -> list[InlineText]:
    """A cell listing points on `<br>`-separated lines ("- Arrays<br>- Linked lists")."""
    parts = [part for part in _POINT_SPLIT_RE.split(cell.raw) if part.strip()]
    if len(parts) < 2 or not all(_POINT_RE.match(part) for part in parts):
        return []
    raws = [_ANY_TAG_RE.sub("", _POINT_RE.sub("", part, count=1)).strip() for part in parts]
    # the text shown, as Markdown would show it: "`def`" is "def", "**Set**" is "Set"
    return [InlineText(text=_shown_inline(raw), raw=raw) for raw in raws if raw]


_MD_LINK_RE = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s[^)]*)?\)")
# Two links or more ending the cell, with only separators between them.
_LINK_RUN_RE = re.compile(r"(?:\[[^\]]*\]\([^)]*\)[ \t]*(?:\\?[|·•,/][ \t]*)?)+$")
MIN_LINK_RUN = 2
_ESCAPED_RE = re.compile(r"\\([!-/:-@\[-`{-~])")  # "\-": a dash the HTML reader escaped
_LINK_SEPARATORS_RE = re.compile(r"[\s|\\·•,;/()\[\]-]+")


@rule("cell-link-lines")
def _link_lines_apart(cell: InlineText) -> tuple[InlineText, list[Resource]]:
    """A title cell written on `<br>` lines whose last lines are only links ("**Tu Apr 2**
    <br>Introduction to Python<br>[slides](…) | [lecture files](…)"), or whose name is
    followed by two links or more with only separators between them: the links are the
    class's material, not words of its title; they go to the step's resources. A cell
    that is only links keeps them, as its name."""
    parts = _POINT_SPLIT_RE.split(cell.raw)
    if len(parts) < 2:
        # the lines joined by spaces: "Wedging clay [slides](…) | [files](…)"
        run = _LINK_RUN_RE.search(cell.raw)
        if run is None or len(_MD_LINK_RE.findall(run.group(0))) < MIN_LINK_RUN:
            return cell, []
        parts = [cell.raw[: run.start()], run.group(0)]
    kept: list[str] = []
    found: list[Resource] = []
    for part in parts:
        links = _MD_LINK_RE.findall(part)
        if links and not _LINK_SEPARATORS_RE.sub(
            "", _ANY_TAG_RE.sub("", _MD_LINK_RE.sub("", part))
        ):
            found.extend(Resource(light_clean(text) or href, href) for text, href in links)
        elif part.strip():
            kept.append(part.strip())
    if not found or not kept:
        return cell, []
    raw = " ".join(kept)
    shown = _ANY_TAG_RE.sub("", _shown_inline(_MD_LINK_RE.sub(r"\1", raw)))
    text = " ".join(_ESCAPED_RE.sub(r"\1", shown).split())
    links = [(t, h) for t, h in cell.links if any(h in part for part in kept)]
    return InlineText(text=text, raw=raw, links=links), found


_CODE_SPAN_RE = re.compile(r"`([^`\n]+)`")
_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _shown_inline(raw: str) -> str:
    return _STRONG_RE.sub(r"\2", _CODE_SPAN_RE.sub(r"\1", raw))


MIN_TRACKS = 3
TRACK_FILL_SHARE = 0.8


@rule("track-columns")
def _track_columns(
    names: list[str], body: list[list[InlineText]], roles: dict[str, int]
) -> list[int] | None:
    """A table whose first column is the plan's slots ("Day 1–7", "Week 3") and whose other
    columns are three tracks or more, each filled row after row ("| Day | DSA | Data Science
    | Web Dev |"), gives each slot one step per track, named by the track. A column that says
    what a row is (Topic, Task), or a note beside it, makes it an ordinary table."""
    taken = {roles.get(key) for key in ("duration", "status", "resources", "index")}
    columns = [index for index in range(len(names)) if index not in taken]
    if len(columns) < MIN_TRACKS or not body:
        return None
    for index in columns:
        key = plain_label(names[index])
        if not key or _TITLE_COLUMN_RE.match(key) or _NOT_TITLE_COLUMN_RE.match(key):
            return None
        if _NOTES_TAIL_RE.search(key) or _DURATION_COLUMN_RE.match(key):
            return None
        if _WORK_HEADER_RE.search(key):
            return None  # "Daily Task", "Günlük Ödev", "Example prompts": what a row is
        filled = sum(1 for row in body if len(row) > index and _filled(row[index]))
        if filled < TRACK_FILL_SHARE * len(body):
            return None
    return columns


# Words that name what a row is or holds, not a track of study.
_WORK_HEADER_RE = re.compile(
    r"\b(?:tasks?|to-?dos?|homework|assignments?|exercises?|prompts?|examples?|notes?"
    r"|descriptions?|details?|goals?|ödev|görev|örnek|tareas?|tarefas?|aufgaben?|beispiele?"
    r"|ejemplos?|exemplos?)\b|作业|任务|例|課題|タスク|과제|예시"
)


def _filled(cell: InlineText) -> bool:
    """A cell with something in it: "-", "—" or "…" hold a place, nothing more."""
    text = remove_controls(cell.text).strip()
    return bool(text) and not re.fullmatch(r"[-–—.…/]+|n/?a", text, re.I)


@rule("points-column")
def _points_column(
    body: list[list[InlineText]], title_at: int, roles: dict[str, int]
) -> int | None:
    """A column beside the titles whose cells list points ("| Week 1 | Python basics | -
    Review syntax<br>- Install Jupyter |") gives each row its steps: the row is a topic,
    each point an item under it. Only in a table of slots (a week, a day): beside a topic
    numbered in a list, the points say what the topic covers, its notes."""
    for index in range(max((len(row) for row in body), default=0)):
        if index == title_at or index in roles.values():
            continue
        listing = sum(1 for row in body if len(row) > index and len(_points(row[index])) >= 2)
        if listing >= 2 and listing * 2 >= len(body):
            return index
    return None


def _single_point(cell: InlineText) -> list[InlineText]:
    """A cell naming one point, as a point: its marker off, its links kept."""
    text = _POINT_RE.sub("", cell.text, count=1).strip()
    raw = _POINT_RE.sub("", cell.raw, count=1).strip()
    return [InlineText(text=text, raw=raw, links=cell.links)] if text else []


def _row_notes(
    draft: Draft, row: list[InlineText], names: list[str], roles: dict[str, int], used: set[int]
) -> None:
    """The row's other cells: resources where the column is for them, else notes."""
    for index, value in enumerate(row):
        text = remove_controls(value.text)
        if index in used or index in (roles.get("status"), roles.get("index")) or not text:
            continue
        if value.links:
            draft.resources.extend(_cell_resources(row, index))
        name = names[index] if index < len(names) else ""
        draft.notes.append(f"{name}: {value.raw or text}" if name else value.raw or text)


def _ordinal_text(value: str, header: str) -> str:
    """ "1" under a "Week" column reads "Week 1"."""
    value = " ".join(value.split())
    unit = plain_label(header)
    if re.fullmatch(r"\d{1,4}(?:[.,]\d{1,2})?(?:\s*[-–—]\s*\d{1,4})?", value) and re.match(
        r"^(?:hours?|hrs?|estimated hours|effort \(hours\))$", unit
    ):
        return f"{value} hours"
    if re.fullmatch(r"\d{1,4}(?:\s*[-–—]\s*\d{1,4})?", value) and re.match(
        r"^(weeks?|months?|days?)$", unit
    ):
        singular = unit.rstrip("s").capitalize()
        return f"{singular}s {value}" if re.search(r"[-–—]", value) else f"{singular} {value}"
    return value


def _row_duration(draft: Draft, value: str, header: str) -> None:
    found = leading_duration(_ordinal_text(value, header), whole=True)
    if found:
        draft.duration, draft.planned = found


# "| Link |", "| Enlace |", "| URL |": the column that gives each row's address
_LINK_COLUMN_RE = re.compile(
    r"^(?:links?|urls?|enlaces?|liens?|ligações|ссылк[аи]|链接|地址|リンク|링크|where|dónde|onde|où)$"
)


@rule("link-table")
def _is_link_table(header: list[InlineText], body: list[list[InlineText]]) -> bool:
    """ "| Recurso | Enlace |" over "| Learn Git Branching | https://… |": a table that
    names resources and gives each one's address, and nothing more, lists what to read for
    the part it stands in; its rows are resources, not steps. A table with a status,
    a time or any other column is left to the other table rules."""
    keys = [plain_label(remove_controls(cell.text)) for cell in header]
    if len(keys) != 2 or not body:
        return False
    name, link = keys
    if resource_kind(name) != "strong" or not _LINK_COLUMN_RE.match(link):
        return False
    return all(
        len(row) >= 2 and _address(row[1]) for row in body if any(c.text.strip() for c in row)
    )


_BARE_URL_RE = re.compile(r"^<?(https?://\S+?)>?$")


def _address(cell: InlineText) -> str | None:
    if cell.links:
        return cell.links[0][1]
    match = _BARE_URL_RE.match(cell.text.strip())
    return match.group(1) if match else None


def _row_resource(row: list[InlineText]) -> Resource:
    href = _address(row[1]) or ""
    return Resource(light_clean(row[0].text) or href, href)


def _cell_resources(row: list[InlineText], index: int) -> list[Resource]:
    if len(row) <= index:
        return []
    cell = row[index]
    if cell.links:
        return [Resource(light_clean(text) or href, href) for text, href in cell.links if href]
    text = light_clean(cell.text)
    return [Resource(text)] if text else []


# Family 1: "| Field | Detail |" tables that describe the step above them.

# "| Field | Detail |", "| Элемент | Описание |", "| Aspecto | Descripción |": a header
# that says the table pairs a key with what it says.
_KEY_HEADER_RE = re.compile(
    r"^(?:fields?|elements?|keys?|parameters?|params?|propert(?:y|ies)|attributes?|aspects?"
    r"|facets?|info(?:rmation)?|details?|what|part|component"
    r"|элемент|параметр|поле|атрибут|аспект|свойство|пункт|характеристика"
    r"|campo|elemento|parámetro|parametro|aspecto|atributo|champ|élément|paramètre|aspect"
    r"|feld|element|eigenschaft|merkmal|字段|要素|属性|参数|項目|要点|구분|요소|속성)$"
)
_VALUE_HEADER_RE = re.compile(
    r"^(?:details?|descriptions?|values?|contents?|info(?:rmation)?|explanation|notes?|what"
    r"|описание|значение|содержание|детали|подробности|descripción|descripcion|detalles?"
    r"|valor|contenido|descrição|detalhes|conteúdo|détails?|valeur|contenu|beschreibung"
    r"|wert|inhalt|details|说明|描述|内容|详情|説明|詳細|内容|설명|내용|상세)$"
)
# What a step's description is made of: its goal, theory, practice, homework, checks…
_FACET_LABEL_RE = re.compile(
    r"^(?:(?:main |learning |key |common |typical |expected |final )?"
    r"(?:goals?|objectives?|aims?|purpose|outcomes?|results?|theory|practice|exercises?"
    r"|homework|assignments?|tasks?|deliverables?|checks?|check ?points?|verification"
    r"|assessment|quiz|self[- ]check|mistakes?|pitfalls?|errors?|prerequisites?|requirements?"
    r"|duration|time|timebox|effort|format|description|summary|overview|topics?|concepts?"
    r"|readings?|resources?|materials?|tools?|notes?|project|level|difficulty|why|how|focus"
    r"|skills?|artifacts?|artefacts?|output|outputs|success criteria|criteria|definition of done"
    r"|tips?|hints?|lab|lecture|video|slides|when|status|scope|key ideas?|takeaways?)"
    r"|what you(?:'ll| will) (?:learn|build|do)|how to practice"
    r"|цель|цели|теория|практика|проверка|ошибки|типичные ошибки|дз|домашнее задание|задание"
    r"|задачи|результат|формат|артефакты|описание|материалы|ресурсы|время|длительность"
    r"|инструменты|темы?|итог|критерии|навыки|чек-лист"
    r"|objetivos?|tareas?|teoría|teoria|práctica|prática|pratica|ejercicios?|exercícios?"
    r"|descripción|descrição|duración|duração|recursos|resultados?|entregables?|entregáveis?"
    r"|evaluación|avaliação|requisitos|herramientas|ferramentas|temas?|errores comunes"
    r"|objectifs?|devoirs?|théorie|pratique|exercices?|durée|ressources|résultats?|outils"
    r"|ziele?|hausaufgaben?|theorie|praxis|übungen?|aufgaben?|dauer|ergebnis|werkzeuge"
    r"|目标|目的|理论|实践|练习|作业|任务|产出|成果|时长|时间|说明|描述|资源|工具|检查|验收"
    r"|常见错误|前置知识|要点|目標|理論|実践|演習|課題|宿題|成果物|所要時間|教材|確認"
    r"|목표|이론|실습|과제|숙제|결과물|소요 시간|자료|점검|확인)$"
)
MAX_KEY_WORDS = 4


@rule("key-value-table")
def is_facet_label(label: str) -> bool:
    """ "Goal", "Why", "Resources", "Цель": a label of one facet of a step."""
    return bool(_FACET_LABEL_RE.match(plain_label(label)))


def describes_step(header: list[InlineText], body: list[list[InlineText]]) -> bool:
    """A two-column table whose first column holds short labels of what a step is made of
    ("| Field | Detail |" over "Goal", "Homework"; "| Элемент | Описание |" over "Цель",
    "Теория"; "Objetivo", "Tarea") describes the step above it: its rows are that step's
    notes, not steps. A two-column list of many topics ("| Topic | Resources |") is items."""
    if len(header) != 2 or not body or any(len(row) != 2 for row in body):
        return False
    keys = [plain_label(row[0].text) for row in body]
    if any(
        not key or len(key.split()) > MAX_KEY_WORDS or len(key) > 40 or row[0].links
        for key, row in zip(keys, body, strict=True)
    ):
        return False
    if len(set(keys)) != len(keys):
        return False
    head = [plain_label(cell.text) for cell in header]
    facets = sum(1 for key in keys if _FACET_LABEL_RE.match(key))
    total = len(keys)
    if _header_is_pair(head):
        facets, total = facets + 1, total + 1
    named = _KEY_HEADER_RE.match(head[0]) and (not head[1] or _VALUE_HEADER_RE.match(head[1]))
    if named and not _TITLE_COLUMN_RE.match(head[0]):
        return facets >= 1 or len(body) <= MAX_KEY_WORDS * 2
    return facets >= 2 and facets * 10 >= total * 6


def _header_is_pair(head: list[str]) -> bool:
    """ "| Goal | Learn to write tests |": the header row is the first key and its value."""
    return bool(_FACET_LABEL_RE.match(head[0]) and head[1] and not _VALUE_HEADER_RE.match(head[1]))


# What a count table's rows count: totals and states ("Total lectures", "총 강의", "合計").
_TALLY_RE = re.compile(
    r"\b(?:total|sum|all|overall|count|remaining|left|progress|percent(?:age)?)\b|%"
    r"|合計|合计|总计|总数|총|전체|gesamt"
    r"|insgesamt|totale?s?|restantes?",
    re.I,
)
# A share of the whole done: "Percentage", "Progress", "%", "Remaining".
_SHARE_HEADER_RE = re.compile(
    r"\b(?:percent(?:age)?|progress|remaining|left)\b|%|진행률|进度|進捗|прогресс|progreso|progresso",
    re.I,
)
# "| Category | Total | Done | Progress |": rows that are kinds of things, counted.
_KIND_HEADER_RE = re.compile(
    r"^(?:categor(?:y|ies)|metric|stat(?:istic)?s?|type|kind|area|section|구분|분류|分类|類別"
    r"|区分|カテゴリ|項目|categor[ií]a|kategorie|catégorie)?$"
)
_COUNT_CELL_RE = re.compile(r"^[-–—]?\s*\d[\d.,]*\s*(?:%|/\s*\d+|h|hrs?|min)?$|^$", re.I)
MIN_COUNT_COLUMNS = 2


_TOTAL_CELL_RE = re.compile(
    r"^(?:total|totals|sum|overall|grand total|合計|合计|总计|총계|합계|gesamt|insgesamt|totale?"
    r"|итого|всего|toplam|tổng(?: cộng)?|jumlah|razem|suma)[:：]?$",
    re.I,
)


def _totals_row(row: list[InlineText]) -> bool:
    """ "| **TOTAL** | | 14/20 |": a first cell that says total, numbers or nothing after."""
    cells = [remove_controls(c.text).strip(" *_") for c in row]
    return (
        bool(cells)
        and bool(_TOTAL_CELL_RE.match(cells[0]))
        and all(_COUNT_CELL_RE.match(cell) for cell in cells[1:])
    )


@rule("count-table")
def counts_only(header: list[InlineText], body: list[list[InlineText]]) -> bool:
    """A table whose rows (or columns) are totals or states and whose other cells are all
    numbers ("| Total lectures | 44 | 34 | 3 |", "| Books | 16 | 1 | 6% |" under "| Category
    | Total | Done | Progress |" or "| Course | Completed | Total | Percentage |") counts the
    plan's progress: a summary to read, not steps —
    its rows become notes. Steps with their hours ("| Knife skills | 3 | 1 |") stay steps.
    So is a last row that says total over numbers or nothing ("| TOTAL | | 14/20 |") under
    a table of steps: what they add up to, not one more."""
    if len(header) < MIN_COUNT_COLUMNS + 1 or len(body) < 2:
        return False
    firsts = [remove_controls(row[0].text).strip() if row else "" for row in body]
    tallies = sum(1 for cell in firsts if _TALLY_RE.search(cell) or status_of_words(cell))
    counted = [remove_controls(cell.text).strip() for cell in header[1:]]
    counting = sum(1 for name in counted if _TALLY_RE.search(name) or status_of_words(name))
    by_kind = bool(_KIND_HEADER_RE.match(plain_label(header[0].text)))
    # "| Course | Completed | Total | Percentage |": every other column counts, and one
    # says how much of it is done ("| Course | Total hours | Done |" is courses with hours)
    by_kind = by_kind or (
        counting == len(counted) and any(_SHARE_HEADER_RE.search(name) for name in counted)
    )
    if tallies * 2 < len(body) and not (by_kind and counting * 2 >= len(counted)):
        return False  # "| Knife skills | 3 h | week 1 |": steps with their numbers
    numeric = 0
    for row in body:
        cells = [remove_controls(cell.text).strip() for cell in row[1:]]
        if not all(_COUNT_CELL_RE.match(cell) for cell in cells):
            return False
        numeric = max(numeric, sum(1 for cell in cells if cell))
    return numeric >= MIN_COUNT_COLUMNS


def _step_notes(
    header: list[InlineText],
    body: list[list[InlineText]],
    line: int | None,
    *,
    keyed: bool = False,
) -> Draft:
    """The rows of a key/value table as notes ("Goal: Learn to write tests") on an untitled
    row, which hands them to the step it stands in."""
    holder = Draft(ROW, line=line)
    pairs = body
    if keyed or _header_is_pair([plain_label(cell.text) for cell in header]):
        pairs = [header, *body]
    for key, value in pairs:
        # "🔴" as a key's mark is the label itself, not a decoration to clean away
        label = light_clean(remove_controls(key.text)).rstrip(":：") or key.text.strip()
        text = (value.raw or value.text).strip()
        if label and text:
            holder.notes.append(f"{label}: {text}")
            holder.resources.extend(
                Resource(light_clean(name) or href, href)
                for name, href in value.links
                if href and not href.startswith("#")
            )
    return holder


def _grid_sessions(
    header: list[InlineText],
    body: list[list[InlineText]],
    lines: list[int | None],
    slots: list[int],
) -> list[Draft]:
    """A timetable's rows as groups named by their first cell, each filled slot a session
    (schedule-grid); a row with no name continues the one above it."""
    groups: list[Draft] = []
    week = Draft(PSEUDO)  # a grid with no row names: its days belong to the part above
    for row, line in zip(body, lines, strict=False):
        name = row[0] if row else InlineText()
        if 0 in slots:
            group = week
        elif remove_controls(name.text).strip() or not groups:
            group = Draft(PSEUDO, line=line)
            set_title(group, name)
            groups.append(group)
            fired("schedule-grid", line, "topic", group.title)
            group = groups[-1]
        else:
            group = groups[-1]
        for index in slots:
            if index >= len(row) or is_rest(row[index]):
                continue
            cell = row[index]
            ticked = end_tick(cell.text)
            if ticked is not None:
                raw = end_tick(cell.raw)
                cell = InlineText(
                    text=ticked[1], raw=raw[1] if raw else ticked[1], links=cell.links
                )
            facets = _day_facets(cell)
            for entry in _points(cell) or ([facets[0]] if facets else [cell]):
                session = Draft(ROW, line=line)
                set_title(session, entry)
                if not session.title:
                    continue
                session.notes.extend(facet.raw for facet in facets[1:])
                if ticked is not None:
                    session.marker = "x"
                slot = remove_controls(header[index].text).strip()
                if slot:
                    session.notes.append(slot)
                session.resources.extend(
                    Resource(light_clean(text) or href, href)
                    for text, href in entry.links
                    if href and not href.startswith("#")
                )
                group.children.append(session)
                fired("schedule-grid", line, "item", session.title)
    if 0 in slots:
        return week.children
    return [group for group in groups if group.children]


_FACET_LINE_RE = re.compile(
    r"^[^\w]*(?:\*\*|__)?(?P<label>[^:*_<>]{1,24}?)[:：]\s*(?:\*\*|__)?\s*(?P<value>\S.*)$"
)


def _day_facets(cell: InlineText) -> list[InlineText]:
    """A day cell written as labelled lines ("📅 **Día 12**<br>🗂 **Tema:** Funciones<br>
    ♻️ **Repaso:** Bucles"): the day named by its first labelled line ("Día 12: Funciones"),
    then the other lines as its notes; [] for any other cell."""
    lines = [_ANY_TAG_RE.sub("", part).strip() for part in _POINT_SPLIT_RE.split(cell.raw)]
    lines = [line for line in lines if line]
    labelled = [line for line in lines if _FACET_LINE_RE.match(line)]
    if len(labelled) < 2:
        return []
    first = _FACET_LINE_RE.match(labelled[0])
    assert first is not None
    lead = lines[0] if lines[0] not in labelled else ""
    name = " ".join(remove_controls(lead.replace("**", "").replace("__", "")).split())
    title = f"{name}: {first['value']}" if name else first["value"]
    rest = [line for line in lines if line not in (lead, labelled[0])]
    return [InlineText(text=title, raw=title), *(InlineText(text=r, raw=r) for r in rest)]
