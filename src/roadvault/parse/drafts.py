"""Draft nodes: what the outline reader builds before deciding what things mean.

Shared by the block reader (outline.py), tables (tables.py) and the second pass (shape.py).
Pure helpers only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it.tree import SyntaxTreeNode

from roadvault.model import Resource
from roadvault.parse.durations import WRITTEN_FORM
from roadvault.parse.table_status import leading_image_status, trailing_image_status
from roadvault.parse.titles import (
    MONTH_NAMES,
    WEEKDAY,
    InlineText,
    bare_task_title,
    clean_title,
    dated_tick,
    has_numbering,
    leading_status_glyph,
    plain_label,
    remove_controls,
    replace_shortcodes,
    split_task_marker,
    strip_decorations,
    trailing_status_glyph,
)

ROOT, HEADING, PSEUDO, ITEM, ROW, CALLOUT, DETAILS, QUOTE = (
    "root",
    "heading",
    "pseudo",
    "item",
    "row",
    "callout",
    "details",
    "quote",
)
SECTIONS = (HEADING, PSEUDO, DETAILS)  # open by level; a heading closes those at or below

_RES_NOUN = (
    r"(?:resources?|resource recommendations?|recommendations?|courses?|books?|textbooks?"
    # "Enhanced Resource Compilation", "Resource Library": the resources, gathered
    r"|resource (?:compilations?|collections?|lists?|library|libraries|hub|round-?up)"
    r"|reading(?: list| materials?)?|readings|references?|links?|materials?|videos?"
    r"|book ?lists?|lists? of books"
    r"|video tutorials?|tutorials?|platforms?|websites?|sites?|youtube(?: channels?| playlists?)?"
    r"|channels?|playlists?|documentations?|docs|articles?|blogs?|papers?|podcasts?|newsletters?"
    r"|cheat ?sheets?|moocs?|online courses?|learning sources|sources|bibliography|pdfs"
    # "💻 GitHub Repos:", "Codebases": code to read beside the topics, not steps
    r"|(?:github |code |reference |example )?repos|(?:github |code )?repositories|codebases?"
    r"|recursos|referencias|referências|bibliografía|bibliografia|materiales|materiais|libros"
    r"|plataformas?|plateformes?|sitios(?: web)?|páginas web|webs"
    r"|livros|cursos recomendados|ressources?|recurso"
    r"|références|livres|ressourcen|literatur|ресурсы|литература|материалы?|полезные ссылки"
    r"|источники|ссылки|статьи"
    r"|参考文献|参考资料|参考链接|(?:本文|本项目|本文档)?参考|学习资源|学习资料|资源|推荐资源|推荐书籍|书籍|相关资源"
    r"|阅读材料|阅读资料|推荐阅读|延伸阅读|拓展阅读|扩展阅读|学习材料|推荐数据源|数据源|推荐工具|推荐网站"
    # "学习资源推荐", "推荐教程", "おすすめ教材", "추천 도서": recommended, before or after
    r"|(?:学习)?(?:资源|资料|书籍|教程|网站|课程|视频)推荐|推荐(?:课程|教程|资料|视频)"
    r"|おすすめ(?:の)?(?:教材|書籍|本|リソース|サイト)|(?:教材|書籍|参考書)(?:紹介|一覧)"
    r"|추천 ?(?:도서|강의|자료|사이트)"
    r"|読み物|参考図書|읽을거리|읽기 자료"
    r"|リソース|参考リソース|参考資料|参考書|教材|書籍|学習リソース"
    r"|자료|참고 자료|학습 자료|추천 자료|강의 ?자료|강의 ?링크"
    # Turkish, Indonesian, Vietnamese, Italian, Polish, Dutch
    r"|kaynaklar|önerilen kaynaklar|kitaplar|online kurslar|kurslar|youtube kanalları"
    r"|sumber(?: belajar| referensi)?|referensi|buku|tài liệu(?: tham khảo| học tập)?"
    r"|tài nguyên(?: học tập| tham khảo)?"
    r"|sách|khóa học|(?:những )?kênh(?: youtube)?(?: nên xem)?|nguồn (?:học(?: tập)?|tài liệu)"
    r"|risorse|libri|corsi|materiali|zasoby|książki|kursy|materiały"
    r"|bronnen|boeken|cursussen"
    # Arabic, Persian, Hebrew, Hindi, Thai, Ukrainian: "المصادر المقترحة", "منابع پیشنهادی"
    r"|(?:ال)?مصادر(?: (?:ال)?مقترحة| (?:ال)?مفيدة| التعلم)?|(?:ال)?موارد(?: (?:ال)?مقترحة)?"
    r"|(?:ال)?مراجع|منابع(?: پیشنهادی| آموزشی)?|משאבים|מקורות|संसाधन|स्रोत|แหล่งข้อมูล"
    r"|แหล่ง(?:เรียน(?:รู้)?|อ้างอิง)(?:ฟรี)?|เอกสารอ้างอิง|หนังสือ(?:แนะนำ)?|คอร์ส(?:แนะนำ)?"
    r"|ลิงก์(?:ที่)?(?:เป็นประโยชน์|น่าสนใจ)|पुस्तकें|किताबें|उपयोगी लिंक|संदर्भ"
    r"|(?:ال)?كتب(?: (?:ال)?مقترحة)?|(?:ال)?دورات(?: (?:ال)?مقترحة)?|روابط مفيدة"
    r"|ресурси|література|корисні посилання)"
)
_RES_ADJ = (
    r"(?:recommended|suggested|useful|helpful|additional|further|free|paid|beginner|quick"
    r"|video|enhanced|curated|comprehensive|ultimate"
    r"|important|external|related|base|primary|required|secondary"
    r"|intermediate|advanced|core|main|optional|extra|learning|study|top|best|essential|good"
    r"|great|key|official|external|online|other|more|must read|must watch|reference"
    r"|weitere|zusätzliche|nützliche|empfohlene|autres|otros|outros|más|mais|altri"
    r"|bonnes|bons|meilleures|meilleurs|buenas|buenos|boas|bons|gute"
    r"|другие|дополнительные|полезные)"
)
# "Additional resources", "Recommended books", "Risorse consigliate": reading the author
# recommends beyond the plan's own, said by an adjective before or after the noun.
_FURTHER_READING_RE = re.compile(
    r"^(?:recommended|suggested|useful|helpful|additional|further|other|more|extra|external"
    r"|related|weitere|zusätzliche|nützliche|empfohlene|autres|otros|outros|más|mais|altri"
    r"|другие|дополнительные|полезные)\b"
    r"|\b(?:adicionales|adicionais|complementari[oa]s|complementares|recomendad[oa]s|útiles"
    r"|úteis|supplémentaires|complémentaires|recommandées|utiles|consigliat[ei]|utili"
    r"|aggiuntiv[ei]|empfohlen|полезные)$"
)
# "and" between two names of kinds, in the languages above: "Recursos y herramientas".
_RES_AND = r"(?:and|&|/|,|or|y|e|o|et|ou|und|oder|ve|dan|và|и|和|与|及|および|と|및|와|과)"
# Tools (and communities) named after resources ("Resources and tools") are more of them,
# not topics.
_RES_TOOL = (
    r"(?:tools?|software|platforms?|herramientas|ferramentas|outils|werkzeuge|strumenti"
    r"|инструменты|工具|ツール|도구"
    # "Resources and Community": where to read and whom to ask, neither of them a step
    r"|communit(?:y|ies)|comunidad(?:es)?|comunidade|communauté)"
)
# "gratuitos", "gratuites", "gratuite", "gratis": free, after the noun in Romance languages
_FREE = r"(?:gratuit[oa]s?|gratuites?|gratuit[ei]|gratis)"
_STRONG_RESOURCE_RE = re.compile(
    # "Next Steps and Resources", "Resources & Next Steps": where to go after the plan
    rf"^(?:next steps?\s*(?:and|&)\s*)?(?:{_RES_ADJ}\s+)*{_RES_NOUN}"
    rf"(?:\s*{_RES_AND}\s*(?:{_RES_ADJ}\s+)*(?:{_RES_NOUN}|{_RES_TOOL}))*"
    r"(?:\s*(?:and|&)\s*(?:notes?|next steps?))?"  # "… links and notes": they go with them
    r"(?:\s+(?:to (?:use|read|watch|follow|check|practi[cs]e|focus on)"
    r"|for (?:learning|practi[cs]e|practi[cs]ing|reference)|used"
    r"|para (?:practicar|praticar|aprender|estudiar|estudar)|pour (?:pratiquer"
    r"|apprendre)|zum (?:üben|lernen)|per (?:esercitarsi|imparare)"
    # "Полезные ресурсы для изучения", "Materiały do nauki", "Sumber untuk belajar"
    r"|для (?:изучения|обучения|практики|самостоятельного изучения|начинающих|вивчення)"
    r"|do nauki|untuk belajar|để học|öğrenmek için))?$"
    r"|^(?:recommended|suggested)(?:\s+[\w-]+){1,2}$"
    # "Cursos sugeridos", "Cours recommandés": courses, books or videos suggested, the
    # adjective after the noun
    r"|^(?:cursos|cours|corsi|livros|libros|livres|libri|v[íi]deos|vidéos|canais|canales"
    rf"|chaînes)\s+(?:{_FREE}|(?:{_FREE}\s+)?(?:recomendad[oa]s|sugerid[oa]s|suggérée?s"
    r"|recommandée?s|consigliat[ei]|suggerit[ei]))$"
    # "Recursos gratuitos", "Kostenlose Ressourcen": free reading, said after the noun or before
    rf"|^{_RES_NOUN}\s+{_FREE}$|^(?:kostenlose|бесплатные)\s+{_RES_NOUN}$"
    # the adjective after the noun: "Recursos adicionales", "Ressources complémentaires",
    # after "free" too: "Recursos gratuitos recomendados"
    # (two of them: "Materiais de estudo recomendados")
    rf"|^{_RES_NOUN}(?:\s+(?:{_FREE}\s+)?(?:adicionales|adicionais|complementari[oa]s|complementares"
    r"|recomendad[oa]s|sugerid[oa]s|suggérée?s|suggerit[ei]|útiles|úteis|supplémentaires"
    r"|complémentaires|recommandée?s|utiles"
    r"|de apoyo|de apoio|de estudio|de estudo|d'apprentissage|base|básica|básicas"
    r"|principal|principales|obligatoria|obligatorias|recomendada|recomendadas|de base"
    r"|consigliat[ei]|utili|aggiuntiv[ei]|di studio|empfohlen|полезные)){1,2}$"
    # "Tools and resources", "工具与资源", "Herramientas y recursos": tools named first
    rf"|^{_RES_TOOL}\s*{_RES_AND}\s*(?:{_RES_ADJ}\s+)*{_RES_NOUN}$"
    r"|^(?:工具|ツール|도구)\s*(?:与|和|及|と|및|와|과|&|/)\s*(?:资源|資源|资料|リソース|자료|리소스)$"
    # "推荐的一些基础词法和语法的学习平台": the platforms (sites, books…) recommended for it
    r"|^推荐的?[^，。,.]{0,24}?(?:平台|网站|资源|书籍|工具|课程|资料|教程|网课)$"
)
# "Suggested timeline", "Recommended order": plans, not resources.
_NOT_RESOURCE_RE = re.compile(
    r"\b(?:timeline|schedule|plan|path|order|roadmap|projects?|exercises?|(?<!next )steps?"
    # "Practice" is work to do; "Practice sources" are where to find it
    r"|(?<!to )(?<!for )practice"
    r"(?!\s+(?:sources?|resources?|platforms?|sites?|websites?|materials?)\b)"
    r"|approach|pace|routine|sequence|topics?|skills?)\b"
)
_WEAK_RESOURCE_RE = re.compile(
    r"^(?:(?:recommended|useful|key|essential|main|core|popular)\s+)*"
    # ("Stack" alone is the data structure a study plan covers; "Tech stack" is the tools)
    r"(?:tools?|frameworks?|libraries|software|tech stack|apps?|ides?|editors?|github)"
    r"(?:\s*(?:and|&|/|,)\s*(?:tools?|frameworks?|libraries|software|platforms?|resources?))*$"
)
# First words of an instruction ("Use X for Y."): such bullets are steps, not resource names.
IMPERATIVES = frozenset(
    (
        "use",
        "learn",
        "build",
        "try",
        "install",
        "implement",
        "practice",
        "practise",
        "explore",
        "study",
        "understand",
        "read",
        "watch",
        "write",
        "create",
        "complete",
        "set",
        "get",
        "master",
        "review",
        "apply",
        "work",
        "start",
        "make",
        "deploy",
        "join",
        "follow",
        "do",
        "solve",
        "design",
        "train",
        "compare",
        "experiment",
        "contribute",
        "participate",
        "focus",
        "take",
        "develop",
        "test",
        "run",
        "configure",
        "analyze",
        "analyse",
        "visualize",
        "set-up",
        "setup",
        "revise",
        "revisit",
        "recap",
        "memorize",
        "memorise",
        "research",
        "investigate",
        "identify",
        "inspect",
        "debug",
        "refactor",
        "document",
        "summarize",
        "summarise",
        "prepare",
        "publish",
        "submit",
        "finish",
        "add",
        "embed",
        "familiarize",
        "familiarise",
        # the same steps in the other languages roadmaps come in
        "leer",
        "lee",
        "ver",
        "mira",
        "mirar",
        "hacer",
        "haz",
        "estudiar",
        "estudia",
        "aprender",
        "aprende",
        "practicar",
        "practica",
        "completar",
        "completa",
        "resolver",
        "resuelve",
        "escribir",
        "escribe",
        "crear",
        "crea",
        "construir",
        "construye",
        "repasar",
        "repasa",
        # what to understand: "Conocer bases de datos…", "Comprender cómo…"
        "conocer",
        "comprender",
        "entender",
        "dominar",
        "familiarizarse",
        "explorar",
        "conhecer",
        "compreender",
        "comprendre",
        "maîtriser",
        "découvrir",
        "instalar",
        "instala",
        "enviar",
        "envía",
        "ler",
        "leia",
        "assistir",
        "assista",
        "fazer",
        "faça",
        "estudar",
        "estude",
        "aprenda",
        "praticar",
        "pratique",
        "escrever",
        "criar",
        "revisar",
        "lire",
        "lisez",
        "regarder",
        "regardez",
        "faire",
        "faites",
        "étudier",
        "apprendre",
        "pratiquer",
        "compléter",
        "résoudre",
        "écrire",
        "créer",
        "construire",
        "réviser",
        "installer",
        "lesen",
        "lies",
        "ansehen",
        "schauen",
        "machen",
        "lernen",
        "üben",
        "bearbeiten",
        "lösen",
        "schreiben",
        "erstellen",
        "bauen",
        "wiederholen",
        "installieren",
        "прочитать",
        "прочитай",
        "читать",
        "посмотреть",
        "посмотри",
        "сделать",
        "сделай",
        "изучить",
        "изучи",
        "выучить",
        "решить",
        "реши",
        "написать",
        "напиши",
        "создать",
        "создай",
        "пройти",
        "пройди",
        "повторить",
        "повтори",
        "установить",
    )
)
_LABEL_RE = re.compile(r"^\s*(?P<label>[^:：]{1,60}?)\s*[:：]\s*(?P<rest>.*)$", re.S)


@dataclass(eq=False)
class Draft:
    """A node while the outline is being read: more than the model keeps."""

    kind: str
    level: float = 0.0
    line: int | None = None
    col: int = 0  # indentation of a list item's marker
    title: str = ""
    text: str = ""  # visible text of the title line before clean-up
    raw: str = ""  # Markdown source of the title line
    marker: str | None = None  # checkbox character; None when not written as a task
    boxed: bool = False  # the source line itself holds the box ("- [ ] …"), not a mark read later
    duration: str | None = None
    planned: tuple[float, float] | None = None
    notes: list[str] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)
    children: list[Draft] = field(default_factory=list)
    label: bool = False  # the title ended with ":" (it names the group below it)
    numbered: bool = False  # the title had numbering or a "Phase N" word
    # the author's number before the title ("1.1", "IV."), and the title it was cut from:
    # shown again when the title is still that one (a rule may have named the draft anew)
    numbering: tuple[str, str] = ("", "")
    opened: bool = False  # a heading left open over the parts after it: they take its place
    excluded: bool = False
    section_status: str | None = None  # a board column's mark for what it holds
    image_only: bool = False
    anchor_only: bool = False
    table: int | None = None  # which table a row came from
    cells: tuple[str, ...] = ()  # a table row's cells as written, in plain text
    glyph: str | None = None  # checkbox a leading status glyph stands for ("✅ …" → "x")
    label_notes: int = 0  # "- **Purpose**: …" bullets read as this draft's notes
    held_code: bool = False  # a code block (or an embedded picture or video) stood right here
    blank_table: bool = False  # a table with a header and no rows stood right in it
    said: str | None = None  # the state a word after the title gives ("Git (done)")
    glyph_after: bool = False  # the status glyph follows the title ("Arrays ✅")
    stamped: bool = False  # the tick after the title is dated ("Intro ✔️[7/24/22]"): done

    @property
    def is_task(self) -> bool:
        return self.marker is not None


_DATED_TAIL_RE = re.compile(r"[(（][^()（）\n]*\b(?:19|20)\d\d\b[^()（）\n]*[)）]\s*$")
# "(2 hrs/day)", "(1h per day)", "(30 分钟/天)": the pace the plan asks for, said after its name
_PACE_TAIL_RE = re.compile(
    r"[(（][^()（）\n]*\d[^()（）\n]*(?:/|\bper\b|\ba\b|\bal\b|\bpor\b|每)\s*"
    r"(?:day|d|week|wk|día|dia|jour|tag|天|日|周|週)\.?\s*[)）]\s*$",
    re.I,
)


def name_as_written(heading: Draft) -> str:
    """ "# Revision Plan - 4 Weeks": a page's name keeps its length, as its author wrote it
    (a part's length goes to its duration; the page has none), and so does "# Week 1 Tracker
    (August 19-25, 2025)" its dates: they tell one page of a series from the next; and
    "# AZ-104 Study Plan (2 hrs/day)" the pace it asks for."""
    tail = _DATED_TAIL_RE.search(heading.text) or _PACE_TAIL_RE.search(heading.text)
    if not heading.duration and not tail:
        return heading.title
    whole = " ".join(strip_decorations(remove_controls(heading.text)).split()).strip(" *_")
    return whole or heading.title


def walk(draft: Draft) -> Iterable[Draft]:
    stack = [draft]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def holds_task(draft: Draft) -> bool:
    """The draft or anything under it is written as a task box."""
    return any(d.is_task for d in walk(draft))


_ASIDE_RE = re.compile(r"\s*[（(][^）)]*[）)]\s*")


@lru_cache(maxsize=8192)
def resource_kind(label: str) -> str | None:
    """ "strong" for labels that always mean resources ("Recommended Resources", "Books"),
    "weak" for those that do when their items are names ("Tools", "Frameworks")."""
    key = plain_label(label)
    if not key or _NOT_RESOURCE_RE.search(key):
        return None
    bare = plain_label(_ASIDE_RE.sub("", label))  # "Learning resources (from day 201)"
    if bare and bare != key and not _NOT_RESOURCE_RE.search(bare):
        key = bare if _STRONG_RESOURCE_RE.match(bare) or _WEAK_RESOURCE_RE.match(bare) else key
    if _STRONG_RESOURCE_RE.match(key):
        return "strong"
    if _WEAK_RESOURCE_RE.match(key):
        return "weak"
    return None


def names_further_reading(label: str) -> bool:
    """ "Additional Resources", "Weitere Ressourcen", "Risorse consigliate": reading the
    author recommends beyond the plan's own, whatever the plan's parts are made of (a bare
    "Courses", or "Intermediate Courses", may name the plan's parts)."""
    return resource_kind(label) == "strong" and bool(_FURTHER_READING_RE.search(plain_label(label)))


def holds_items(draft: Draft) -> bool:
    """Something below `draft` is a list item or a table row."""
    return any(d.kind in (ITEM, ROW) for d in walk(draft) if d is not draft)


def name_like(text: str) -> bool:
    """A resource name ("Pandas and Scikit-learn"), not an instruction ("Use X for Y.")."""
    words = text.split()
    if not words:
        return False
    if words[0].casefold().strip(",.:;") in IMPERATIVES:
        return False
    return len(words) <= 3 or (len(words) <= 8 and not text.rstrip().endswith("."))


_FACET_RE = re.compile(
    r"^(?:(?:what|things|topics|skills|concepts) (?:to|you(?:'|’)ll|you will) (?:learn|cover|study"
    r"|do|build|know|master)|(?:key |core |main )?(?:topics?|concepts?|skills?|goals?|objectives?"
    r"|outcomes?|tasks?|practice|exercises?|projects?|mini[- ]projects?|deliverables?|resources?"
    r"|tools?|libraries(?: to learn)?|milestones?|focus(?: areas?)?|learn|study|build|checkpoints?"
    r"|assignments?|homework|reading|materials?|actions?|action items?|hands[- ]on(?: practice)?"
    r"|sub-?topics?|subtemas?|subt[óo]picos?|t[óo]picos|temas|contenidos|conte[úu]dos"
    r"|sous-th[èe]mes|unterthemen|子主题|知识点|サブトピック|하위 주제)"
    r"(?: to (?:learn|practice|build|use|study))?)$"
    r"|^(?:learning objectives|outline|overview|syllabus|agenda|schedule|readings?|lectures?"
    r"|labs?|quizz?(?:es)?|tests?|notes|summary|homeworks?|videos?|slides)$"
)


def is_facet_title(title: str) -> bool:
    """ "What to learn", "Practice", "Learning Objectives", "Tools": a facet of a step (how
    the step is split), not a part of the plan of its own."""
    return bool(title) and bool(_FACET_RE.match(plain_label(title).rstrip(":：")))


_BRACKET_PAIRS = ("《》", "「」", "『』", "“”", "()", "（）", "【】", "[]", "«»")


def _opens_a_bracket(text: str) -> bool:
    """ "《重构" or "Refactoring (2nd ed" — the colon after it is inside a title or an aside."""
    return any(text.count(pair[0]) > text.count(pair[1]) for pair in _BRACKET_PAIRS)


def split_label(text: str) -> tuple[str, str] | None:
    match = _LABEL_RE.match(text)
    if not match or len(match["label"].split()) > 6 or "http" in match["label"]:
        return None
    if _opens_a_bracket(match["label"]):
        return None
    return match["label"], match["rest"].strip()


def line_of(node: SyntaxTreeNode) -> int | None:
    return node.map[0] + 1 if node.map else None


def inline_of(node: SyntaxTreeNode) -> SyntaxTreeNode | None:
    for child in node.children:
        if child.type == "inline":
            return child
    return None


_WEEKDAYS = r"mon|tue|wed|thu|fri|sat|sun"
# What is left of "Day 1: June 27, Monday" or "Week 3 (2024-03-04)" once the slot is read.
_DATE_TITLE_RE = re.compile(
    rf"^(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{MONTH_NAMES})"
    rf"|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    # "10-14-2024", "08.11.2020": day and month either way, the year written in full
    rf"|\d{{1,2}}([-.])\d{{1,2}}\1\d{{4}})"
    rf"(?:,?\s*(?:(?:{_WEEKDAYS})[a-z]*))?"
    # "2026-07-29（周二）", "2024-03-04 (Mon)": the day of the week in brackets after the date
    rf"(?:\s*[(（]\s*(?:{WEEKDAY})\s*[)）])?$",
    re.I,
)


def is_date_title(text: str) -> bool:
    """ "April 17, 2019", "2019-04-17", "17 April": a day's date and nothing else."""
    return bool(_DATE_TITLE_RE.match(text.strip()))


_DAY_SLOT_RE = re.compile(r"^(?:day|week|session|entry|tag|día|dia|jour)\s*\d{1,3}$", re.I)


# "Loops https://example.com/loops": an address typed as text, which CommonMark leaves
# unlinked; its closing punctuation is the sentence's, not the address's.
# A bare address ends at a space, a bracket, or the full-width brackets and stops CJK text
# closes it with ("（https://note.com/n/abc）").
# (a "|" ends the address: "…/api-security| https://t.me/…" sets links apart with bars)
_BARE_URL_RE = re.compile(
    r"(?<![\w(<\[/])https?://[^\s<>()\[\]（）【】「」、。，|]*[^\s<>()\[\]（）【】「」、。，|.,;:!?'\"]"
)


def _bare_urls(visible: str, raw: str, links: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The addresses typed as text in a line, each a link to itself: the topic's resource,
    as a written link would be. One escaped as text ("https\\://…", as the outline form
    writes a title's) stays text."""
    if "://" not in visible:
        return []
    for shown, _ in links:
        visible = visible.replace(shown, " ", 1)  # a link's own text is no address typed
    hrefs = {href for _, href in links}
    found = [m.group(0) for m in _BARE_URL_RE.finditer(visible) if m.group(0) in raw]
    return [(url, url) for url in dict.fromkeys(found) if url not in hrefs]


# A name that says where the link goes, not what it teaches.
_SOURCE_NAME_RE = re.compile(
    r"\b(?:docs?|documentation|documentación|documentação|dokumentation|wiki|blog|tutorials?"
    r"|articles?|videos?|youtube|mdn|handbook|manual|reference|文档|ドキュメント|문서)\W*$",
    re.I,
)


def _name_before_its_link(visible: str, links: list[tuple[str, str]]) -> str | None:
    """The name of a topic written before a dash and the one link that ends the line: the
    link is the topic's material, not part of its name. The kind of work before the dash
    ("FCC React Project - [Build a Markdown Previewer](…)") is no such name: there the link
    names the work, and stays in the title."""
    if len(links) != 1 or not links[0][0].strip():
        return None
    shown = links[0][0].strip()
    text = visible.rstrip()
    if not text.endswith(shown):
        return None
    # "`ref` — [theory, .value, links](docs/01-ref.md)": a name, a spaced dash, the link
    before = text[: -len(shown)].rstrip()
    name = before[:-1]
    if not before.endswith(("—", "–", "-")) or name == name.rstrip():
        return None
    name = name.rstrip()
    if not re.search(r"\w", name) or _SOURCE_NAME_RE.search(name):
        return None  # "React Docs - [Conditional Rendering](…)": the page names the topic
    if _KIND_OF_WORK_RE.search(name):
        return None  # "FCC React Project - [Build a Markdown Previewer](…)": the work's name
    return name


# "FCC React Project", "Backend course", "Weekly challenge": the kind of work a line names
# before the link that names the work itself.
_KIND_OF_WORK_RE = re.compile(
    r"\b(?:projects?|courses?|challenges?|labs?|exercises?|assignments?|homework|katas?"
    r"|proyecto|projeto|projet|projekt|curso|cours|kurs|项目|课程|プロジェクト|프로젝트)$",
    re.I,
)


# "Plan (5 min) + Draft \(15 min)" in the outline form: the writer escaped the bracket that
# closes the title, since the outline form writes a node's length in the closing bracket.
_KEPT_BRACKET_RE = re.compile(r"\\\([^()\n]*\)\s*$")


def set_title(draft: Draft, text: InlineText) -> None:
    """Fill a draft from its title line: checkbox, clean title, duration, and the signs the
    second pass reads (a label ending in ":", numbering, image-only, navigation link)."""
    visible = replace_shortcodes(text.text)
    raw = text.raw
    # "- `[ ]` = not done": a box written as code shows the syntax, it ticks nothing
    shown_as_code = raw.lstrip().startswith("`")
    if draft.kind in (ITEM, HEADING, DETAILS) and not shown_as_code:
        marker, rest = split_task_marker(visible.lstrip())
        if marker is not None:
            draft.marker = marker
            draft.boxed = True
            visible = rest
            raw = re.sub(r"^\s*\[[^\]\n]?\]\s*", "", raw)
    if draft.marker is None and draft.kind in (ITEM, DETAILS, ROW):
        draft.glyph = leading_status_glyph(visible)
        if draft.glyph is None:
            draft.glyph = trailing_status_glyph(visible)
            draft.glyph_after = draft.glyph is not None
        # (an entry's own: a dated summary of <details> would tick whatever the group holds)
        if (
            draft.kind != DETAILS
            and (draft.glyph is None or draft.glyph_after)
            and dated_tick(visible)
        ):
            draft.glyph, draft.glyph_after, draft.stamped = "x", True, True
        if draft.glyph is None and draft.kind == ITEM:
            # "![Done](…/badge/Done-brightgreen) Sharding", "React ![](…/progress/87)": a
            # badge or a progress bar, before or after the name, saying the state
            draft.glyph = leading_image_status(raw)
            if draft.glyph is None:
                draft.glyph = trailing_image_status(raw)
                draft.glyph_after = draft.glyph is not None
    draft.text = visible
    draft.raw = raw
    draft.links = [(t, href) for t, href in text.links if href]
    draft.links += _bare_urls(visible, raw, text.links)
    named = _name_before_its_link(visible, text.links) or visible
    if WRITTEN_FORM.get() and _KEPT_BRACKET_RE.search(raw):
        # the outline form's "Plan (5 min) + Draft \(15 min)": the closing bracket is the
        # title's own, not the length the form writes there; the title is cleaned as any
        # roadmap's (where it was one already), so its brackets are what they were
        token = WRITTEN_FORM.set(False)
        try:
            parts = clean_title(named)
        finally:
            WRITTEN_FORM.reset(token)
    else:
        parts = clean_title(named)
    draft.title = parts.title
    draft.numbering = (parts.numbering, parts.title)
    draft.duration, draft.planned = parts.duration, parts.planned_days
    if (
        parts.duration
        and _DAY_SLOT_RE.match(parts.duration)
        and _DATE_TITLE_RE.match(parts.title)
        and strip_decorations(visible).casefold().startswith(parts.duration.casefold())
    ):
        # "Day 1: June 27, Monday": a log entry is named by its day, not by its date
        draft.title = f"{parts.duration}: {parts.title}"
    if not draft.title and draft.marker is not None:
        draft.title = bare_task_title(visible, raw)
        if draft.title and not visible.strip():
            draft.notes.append(raw.strip())  # the embed itself, so the note still shows it
    draft.notes.extend(e for e in parts.extra if not _BARE_URL_RE.fullmatch(e))
    stripped = strip_decorations(remove_controls(visible)).rstrip(" *_")
    # "Funciones `def nombre(params):`": a colon inside code is the code's, no label's
    draft.label = stripped.endswith((":", "：")) and not raw.rstrip(" *_").endswith("`")
    draft.numbered = has_numbering(visible)
    draft.image_only = text.image_only
    draft.anchor_only = text.link_only and all(h.startswith("#") for _, h in text.links)
