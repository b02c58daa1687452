"""Sections: which parts of a document are study material, and which are about the document.

A roadmap README carries more than the roadmap: a table of contents, an introduction, news,
testimonials, the people behind it, how to contribute, sponsors, a community chat, advice on
how to study. None of that is a step to tick. What a section *is* shows in two ways, and the
rules use both:

- its name, in the languages roadmaps are written in ("Contributing", "Índice", "目录",
  "謝辞"), including combined names ("Acknowledgements & Contributing") whose every part is
  such a name;
- its content: only in-page links (navigation), only quotations with an attribution
  (testimonials), only links to chat and social sites (community).

Housekeeping sections are dropped; advice ("Tips", "Key mindset", "Learning strategy") and
introductions move into the roadmap note's text, where the learner still reads them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from roadvault.parse.drafts import (
    CALLOUT,
    DETAILS,
    HEADING,
    IMPERATIVES,
    ITEM,
    PSEUDO,
    ROOT,
    ROW,
    Draft,
    holds_items,
    holds_task,
    is_date_title,
    is_facet_title,
    resource_kind,
    split_label,
    walk,
)
from roadvault.parse.durations import leading_duration, slot_place
from roadvault.parse.rules import fired, rule
from roadvault.parse.titles import (
    MONTH_NAMES,
    has_stage_word,
    led_by_a_weekday,
    names_a_plan,
    opens_a_part,
    plain_label,
    remove_controls,
    strip_decorations,
)

# One alternative per line: English first, then other languages.
_HOUSEKEEPING = r"""
table of contents?|contents?|toc|(?:mind ?map |topic |subject )?index
|(?:quick |site |page )?navigation|quick links|navega[çc][ãa]o(?: r[áa]pida)?
|navegaci[óo]n(?: r[áa]pida)?
|navigation rapide|schnellnavigation|navigazione(?: rapida)?|快速导航|导航|ナビゲーション|바로가기
|outline of this (?:repo|document|guide)
|what(?:'s| is) (?:inside|in (?:this|the) (?:repo|repository))|inside this (?:repo|repository)
|what you(?:['’]ll| will) find (?:here|in (?:this|the) (?:repo|repository))
|¿?qu[ée] encontrar[áa]s (?:aqu[íi]|en (?:este|el) repositorio)\??
|o que (?:você )?(?:vai )?encontrar(?:á)? (?:aqui|neste reposit[óo]rio)\??
|ce que vous trouverez ici|was (?:du|sie) hier finde(?:st|n)|这里有什么|本仓库(?:包含|内容)
|contribut\w*|how to contribute|ways to contribute
|licen[cs]e\w*|copyright|acknowledg\w*|thanks?|thank you|special thanks|credits?
|(?:(?:our |current |past |gold |silver |bronze |special |platinum )?(?:sponsors?(?:hip)?|backers?
|supporters?|patrons?))|support(?: this project| us| me| the project)?
|show your support|donat\w*|buy me a coffee|funding
|star history|stargazers|code of conduct|change ?logs?|release notes|version history
|authors?|maintainers?|contributors?|team|our team|core team|congratulations
|participants|members?|study members?|team members?|team (?:composition|roster)|who(?:['’]s| is) in
|참여자|참가자|멤버|팀원|스터디원|팀 구성|スタディメンバー|メンバー|参加者|成员|参与者
|小组成员|团队成员
|participantes|miembros|membres|teilnehmer(?:innen)?|mitglieder|участники|thành viên
|instructors?|teachers?|mentors?|coordinators?|course (?:coordinators?|staff|team|instructors?)
|for (?:teachers|instructors|educators)|(?:für|fuer) (?:lehrkräfte|lehrer(?:innen)?)
|pour les (?:enseignants|formateurs)|para (?:docentes|professores|profesores)
|per (?:gli )?(?:insegnanti|docenti)|dla nauczycieli|для (?:учителей|преподавателей)
|teaching (?:assistants?|team|staff)|tas?|office hours|graders?|staff
|about the (?:authors?|instructors?|team|maintainers?)|about me|who am i|who we are|the team
|citation|how to cite|cite|contact(?: me| us| info(?:rmation)?)?|get in touch|feedback
|connect(?: with (?:me|us))?|let['’]?s connect|stay connected|keep in touch
|contacts|mục lục|đóng góp|giấy phép|lời cảm ơn|daftar isi|kontribusi|lisensi|ucapan terima kasih
|evaluation|grading(?: system| policy| criteria| scale| breakdown| scheme)?
|how (?:we|you(?:['’]ll| will)? be) grade[ds]?
|assessment (?:criteria|policy|breakdown|weights?)|grade (?:scale|breakdown|distribution)
|academic (?:integrity|honesty)|honou?r code|plagiarism(?: policy)?
|integridad académica|código de honor|evaluación|calificación|avaliação|integridade acadêmica
|(?:sistema|critérios|crit[ée]rios?) de (?:avaliação|evaluación|calificación)
|sistema de evaluación|frequência|asistencia|presença|assiduidade|anwesenheit|assiduité
|attendance(?: policy| policies| requirements)?|(?:course |class |late |grading )polic(?:y|ies)
|late (?:work|submissions?)|submission (?:instructions|guidelines|rules|policy)|how to submit
|instruções (?:de|para) entrega|instrucciones (?:de|para) (?:entrega|env[ií]o)
|style ?guides?|coding style|code style|guías? de estilo|guias? de estilo|guide de style
|(?:tools?|software|technologies|tech stack) (?:needed|required|used|you(?:['’]ll| will) need)
|tech stack|technologies used|herramientas (?:necesarias|requeridas)|ferramentas necessárias
|tecnolog[íi]as (?:utilizadas|usadas)|technologies utilisées|verwendete technologien
|kullanılan teknolojiler|使用技术|技术栈|使用技術|技術スタック|사용 기술|기술 스택
|outils nécessaires|benötigte werkzeuge
|(?:kullanmanız |kullanacağınız )?gereken araçlar|gerekli araçlar|kullanılan araçlar
|mevcut durum(?:unuz|um)?|şu anki durum(?:unuz|um)?
|içindekiler|katkıda bulun\w*|katkı|lisans|teşekkürler|iletişim|kontakt|contato|contacto
|disclaimer|faq|faqs|frequently asked questions|q ?& ?a|back to top|translations?
|translations? in progress|other languages|read this in other languages
|(?:repository|repo|project|folder|directory|file) (?:structure|layout)(?: .*)?
|struktur (?:folder|repo(?:sitori)?|proyek|direktori)
|estructura (?:del |de )?(?:repositorio|proyecto|carpetas?|directorios?)
|estrutura (?:do |de )?(?:repositório|projeto|pastas?|diretórios?)
|struttura (?:del |delle )?(?:repository|progetto|cartelle)
|ordnerstruktur|verzeichnisstruktur|projektstruktur|structure du (?:dépôt|projet|répertoire)
|arborescence
|目录结构|目录介绍|目录说明|项目结构|文件结构|文件说明|仓库结构|ディレクトリ構成|フォルダ構成
|リポジトリ構成|폴더 구조|디렉토리 구조|파일 구조
|klasör yapısı|proje yapısı|cấu trúc thư mục|cấu trúc dự án
|struktura (?:repozytorium|folderów|projektu)
|(?:exam|examination) (?:dates|rules|registration|information|info|regulations|modalities|sessions)
|(?:the )?(?:exam|examination) (?:structure|format|overview|environment|details|facts|at a glance)
|about the (?:exam|examination)|시험 (?:구조|환경|정보|개요|구성|안내)
|考试(?:结构|信息|介绍|形式|概述|说明)
|試験(?:概要|形式|構成|情報|環境)|prüfungs(?:struktur|format|aufbau|ablauf|informationen)
|(?:estructura|formato) del examen|(?:estrutura|formato) da prova|format de l'examen
|modalità (?:d'esame|di esame|dell'esame)|appelli(?: d'esame)?|date (?:d'esame|degli esami)
|fechas de (?:examen|exámenes)|prüfungstermine|prüfungsmodalitäten
|modalités (?:d'examen|de l'examen)
|informazioni(?: generali| sul corso)?|información del curso|informações do curso
|informations pratiques
|course information|course info|course details|class information
|news|latest news|updates|latest updates|recent updates|announcements?|what'?s new
|testimonials?|reviews?|what (?:people|learners|students|others) (?:are )?say(?:ing)?
|success stories|wall of love|community|join (?:the|our) community|join us|discord|slack
|telegram|social(?: media)?|follow (?:me|us)|connect with (?:me|us)|newsletter
|stay (?:connected|in touch)|keep in touch
|join (?:the |our )?.{0,40}(?:community|discord|slack|telegram|server)|get involved
|(?:start|begin) your (?:journey|career|transformation)(?: today| now)?|ready to (?:start|begin)
|get started (?:today|now)|enrol+ (?:now|today)|apply (?:now|today)|contact us|get in touch
|(?:let['’]?s )?(?:build|learn)(?:ing)? in public|follow (?:my|the|along (?:with )?my) journey
|multi-?language support|available languages|supported languages
|progress statistics|repo stats|visitors?|progress|my progress|current progress
|vanity stats|(?:my|course|courses|learning|study|reading) stat(?:s|istics)|by the numbers
|today['’]?s progress|progress today|links? to (?:work|code|commits?)|what i (?:did|learned) today
|진행 현황|진행 상황|학습 현황|進捗状況|学習状況|学习进度|进度统计|进度情况
|overall progress|progress (?:log|tracking|tracker|summary|report|overview|so far|stats)
|status geral|estado general|statut général|gesamtstatus|stato generale|общий (?:статус|прогресс)
|总体进度|整体进度|全体の進捗|전체 진행(?: 상황)?
|(?:(?:skills?|progress|learning|study) )?dashboard|skills? (?:status|matrix|progress|overview)
|milestones achieved|achievements|completed milestones
|(?:overall|learning|study|progress) statistics|achievements? unlocked|badges? (?:earned|unlocked)
|strengths (?:and |& )?(?:areas (?:for|of) (?:growth|improvement)|weaknesses)
|comparison (?:to|with) (?:the )?plan|(?:weekly |daily |monthly )?review template
|(?:key |new )?skills (?:acquired|gained|learned|learnt|developed)(?: so far)?
|what i(?:'ve| have) (?:done|learned) so far
|current(?:ly)? (?:focus|learning|reading|working on|status)|now (?:learning|reading)|status
|what i(?:'m| am) (?:learning|reading|working on|doing)(?: now| right now)?|right now
|текущий фокус|сейчас изучаю|текущий статус|当前(?:进度|重点|学习|状态)|正在学习|近况
|完了状況|進捗状況|進捗|学習状況|学习进度|进度|完成情况|완료 현황|진행 상황|진도 현황
|(?:last updated|updated|最終更新|最后更新|更新日|최종 업데이트|última actualización
|última atualização|dernière mise à jour|zuletzt aktualisiert|последнее обновление)
(?: on)?[:：]?(?: ?\d[\d./\-年月日 ]{5,20})?
|現在の(?:学習|状況|フォーカス)|foco atual|enfoque actual|estado actual|aktueller (?:fokus|stand)
|related (?:projects|repos(?:itories)?|roadmaps|lists|courses|curricula|content)
|other (?:roadmaps|curricula|courses|repos(?:itories)?|projects|guides)|similar projects
|(?:available|all|my|our) roadmaps|roadmaps disponibles|roadmaps disponíveis|roadmaps disponibili
|(?:assessment|evaluation|grading) methods?(?: (?:and|&) \w+)?
|método de evaluación|forma de avalia[cç][aã]o
|(?:评估|考核)方式(?: .*)?|評価方法(?: .*)?|평가 방법(?: .*)?
|more (?:curricula|courses|roadmaps) from (?:us|\w+)|see also(?: .*)?
|lihat juga(?: .*)?|xem thêm(?: .*)?|ver también(?: .*)?|veja também(?: .*)?|voir aussi(?: .*)?
|siehe auch(?: .*)?
|how to use(?: this| the)? (?:repo(?:sitory)?|list|guide|roadmap|readme|project|document)
|how to use(?: it)?
|quick ?start(?: guide)?|quickstart
|installation(?: (?:guide|instructions|steps))?|usage
|(?:learning path|roadmap|repo(?:sitory)?) usage
|running (?:it )?locally|local (?:setup|development)|development setup
|how to (?:use|read|follow|navigate|approach) this .*|using this .*
|how (?:this|each|the) .{1,40} is (?:organi[sz]ed|structured|laid out)
|c[oó]mo (?:navegar|est[aá] organizad[oa]) .*|como (?:navegar|est[aá] organizad[oa]) .*
|c[oó]mo usar(?: este| esta| el| la| o| a)?(?: .*)?|c[oó]mo utilizar .*|comment utiliser .*
|utilisation|mode d'emploi
|wie (?:man )?(?:dieses|diese|diesen|das|den|die) .* (?:nutzt|benutzt|verwendet)
|benutzung|nutzung|anleitung|使い方|(?:この|本)?(?:リポジトリ|ロードマップ|資料)の使い方
|使用方法|使用说明|使用指南|如何使用(?:本|这个|此)?.*|怎么使用.*
|사용법|사용 방법|이용 방법|활용 방법|как (?:пользоваться|использовать) .*|как работать с .*
|cách sử dụng(?: .*)?|hướng dẫn sử dụng(?: .*)?|cara (?:menggunakan|pakai)(?: .*)?
|how this (?:repo|repository|list|guide|roadmap) works|using this (?:repo|repository|roadmap)
|how to (?:reproduce|run (?:the|this) (?:code|project|notebooks?))|running the notebooks?
|índice|indice|contenidos?|tabla de contenidos?|agradecimientos?|contribuciones|contribuir
|cómo contribuir|como contribuir|licencia|autor(?:es)?|patrocinadores|comunidad
|preguntas frecuentes|novedades|noticias|testimonios|créditos
|sumário|sumario|agradecimentos|contribuição|contribuindo|como contribuir|licença|comunidade
|sommaire|table des matières|remerciements|contribuer|communauté|auteurs
|inhaltsverzeichnis|inhalt|danksagung|mitwirken|lizenz|autoren
|目录|目錄|致谢|致謝|鸣谢|鳴謝|感谢|感謝|贡献|貢獻|贡献者|如何贡献|参与贡献|贡献指南|许可证|许可
|协议|开源协议|赞助|赞助商|支持|交流群|交流|社区|社群|联系|联系方式|联系我|关于作者|作者|常见问题
|更新日志|更新记录|版权|版权声明|声明|免责声明|打赏|公众号|友情链接|star 历史|star趋势
|目次|謝辞|貢献|コントリビュート|コントリビューション|ライセンス|著者|作者|コミュニティ
|よくある質問|更新履歴|免責事項|スポンサー|お問い合わせ
|목차|기여|기여하기|라이선스|감사의 글|커뮤니티
|содержание|оглавление|благодарности|лицензия|авторы|сообщество|структура репозитория
|автор|как помочь|частые вопросы|часто задаваемые вопросы|прогресс|мой прогресс
|зміст|подяки|ліцензія|автори?|спільнота|внесок|як допомогти|часті питання|мій прогрес
|comunità|społeczność|topluluk|komunitas|cộng đồng
|sobre m[íi]m?|à propos de moi|über mich|chi sono|обо мне|o mnie|hakkımda|tentang saya|về tôi
|关于我|自己紹介|자기소개|noticias|actualités|neuigkeiten|novità|новости|aktualności|haberler
|berita|tin tức|新闻|动态|お知らせ|ニュース|소식|뉴스
|spis treści|podziękowania|współpraca|licencja|autor|często zadawane pytania|postęp
|ringraziamenti|licenza|autore|domande frequenti|progressi|contribuire|sommario
|perguntas frequentes|progresso|auteur|foire aux questions|progression
|häufige fragen|fortschritt|sıkça sorulan sorular|ilerleme|yazar|pertanyaan umum|kemajuan
|penulis|câu hỏi thường gặp|tiến độ|tác giả|자주 묻는 질문|저자|진행 상황
|структура проекта
|legend|legends|key to (?:symbols|icons|the icons)|symbols|icons used
|(?:progress |status )?(?:markers?|marks|symbols|icons|emojis?) (?:legend|key|guide)
|(?:progress|status|tracking) (?:legend|key)
|how to read (?:this|the) (?:table|list|legend)
|凡例|图例|圖例|说明符号|标记说明|符号说明|状态说明|標記說明
|범례|leyenda|légende|legende|legenda|легенда|условные обозначения
|関連リポジトリ|関連プロジェクト|関連リンク|相关项目|相关仓库|相關專案|相关链接|友情项目
|repositorios relacionados|proyectos relacionados|projetos relacionados|repositórios relacionados
|projets (?:liés|connexes)|verwandte projekte|관련 저장소|관련 프로젝트
|(?:เอกสาร|ลิงก์)ที่เกี่ยวข้อง|संबंधित (?:लिंक|दस्तावेज़)|روابط ذات صلة|مستندات مرتبط
|สารบัญ|ผู้เขียน|ผู้จัดทำ|ใบอนุญาต|ลิขสิทธิ์|การมีส่วนร่วม|ร่วมพัฒนา|กิตติกรรมประกาศ|ขอบคุณ
|คำถามที่พบบ่อย|ชุมชน|ติดต่อ(?:เรา)?|ความคืบหน้า
|विषय सूची|अनुक्रमणिका|लेखक|लाइसेंस|योगदान(?: कैसे करें)?|आभार|धन्यवाद
|अक्सर पूछे जाने वाले प्रश्न|समुदाय|संपर्क(?: करें)?|प्रगति
|(?:ال)?فهرس|جدول المحتويات|(?:ال)?محتويات|(?:ال)?مؤلف|(?:ال)?ترخيص|(?:ال)?رخصة|(?:ال)?مساهمة
|كيفية المساهمة|شكر وتقدير|(?:ال)?شكر|(?:ال)?أسئلة (?:ال)?شائعة|(?:ال)?مجتمع|تواصل(?: معنا)?
|اتصل بنا|(?:ال)?تقدم|فهرست(?: مطالب)?|نویسنده|مجوز|مشارکت|قدردانی|سوالات متداول|ارتباط با ما
"""
_ADVICE = r"""
tips?|pro tips?|study tips?|learning tips?|tips (?:and|&) tricks|tips for \w+|final tips?
|general tips?|helpful tips?|key mindset|mindset|the right mindset|learning strategy
|study strategy|learning strategies|advice|general advice|final advice
|(?:revision|review|repetition|practice) (?:strategy|strategies|plan|schedule|cadence)
|a word of advice|some advice|how to study|how to learn|how to approach this|learning approach
|(?:daily |study |session )?guidance|(?:\w+ )?session guides?
|how to proceed|how to use this (?:plan|roadmap|guide)|study habits|habits
|directions|instructions|(?:study |general )?guidelines|instrucciones|instruções|consignes
|(?:success|success optimi[sz]ation) strategies|strategies for success
|study approach|things to (?:keep in mind|remember)|keep in mind
|(?:(?:additional|important|key|some|a few) )?points to (?:remember|keep in mind|note)
|(?:key )?takeaways
|how i(?:['’]m| am)? (?:learn(?:ing)?|study(?:ing)?)|how i(?:['’]ll| will) (?:learn|study)
|my (?:learning|study) (?:approach|process|method|workflow|routine)
|(?:daily|weekly|weekday|weekend) (?:study |learning )?(?:pattern|rhythm)(?: \(.*\))?
|(?:study|learning) (?:pattern|rhythm|routine)|(?:weekday|weekend) routine
|(?:when|if) (?:you(?:['’]re| are)?|i(?:['’]m| am)?) (?:get )?stuck|stuck\??|getting unstuck
|(?:important|additional|extra|other|general|side|misc(?:ellaneous)?) notes?
|(?:daily |study )?notes?|remarks|ghi chú|lưu ý|catatan(?: harian)?|notas|observaciones
|observações|anmerkungen|hinweise
|notas (?:adicionales|adicionais|finales|finais|importantes|generales|gerais)
|notes? (?:additionnelles?|suppl[ée]mentaires?|finales?|importantes?|g[ée]n[ée]rales?)
|note (?:aggiuntive|finali|importanti)|(?:zusätzliche|weitere|wichtige) (?:hinweise|anmerkungen)
|observa[çc][õo]es finais|observaciones finales
|(?:why|tại sao|vì sao|kenapa|mengapa|por qu[ée]|pourquoi|warum|perch[ée]) .*
|(?:为什么|為什麼|为何|なぜ|どうして|왜).*
|career (?:evolution|progression|growth|levels?|ladder)|evolução de carreira|progressão de carreira
|evolución (?:profesional|de carrera)|progresión profesional|évolution de carrière|karrierestufen
|remarques|备注|注意事项|注意事項|学習メモ|メモ|注意|說明|备忘|備考|注意点|참고 사항|비고|유의 사항
|golden rules|rules of thumb|guiding principles|best advice
|how (?:it|this|the study|the group) works|how we (?:study|work|meet|run (?:it|this))
|study (?:format|logistics)|(?:진행|운영|스터디) ?방식|进行方式|学习方式|進め方|勉強会の進め方
|modalidad de (?:estudio|trabajo)|funcionamiento|como funciona|comment ça marche|fonctionnement
|порядок работы|формат (?:занятий|обучения)
|(?:(?:progression|study|learning|ground|house|my|the|simple|daily|challenge|practice) )?rules?
|reglas|regras|regeln|règles|regole|правила|规则|ルール|규칙
|правила (?:работы|курса|обучения|занятий)(?: .*)?
|rules (?:of|for) (?:working|the course|studying|study)(?: .*)?
|working with (?:the |a |your )?mentor
|do'?s and don'?ts|common mistakes|mistakes to avoid|pitfalls to avoid|motivation
|staying motivated|stay motivated|how to stay consistent|final words?
|conclusions?|final thoughts?|closing thoughts?|wrapping up|wrap up|in closing|final notes?
|effort estimates?|estimated effort|time estimates?|estimated (?:study |learning )?time
|(?:weekly |daily )?time (?:commitment|budget|allocation)|(?:weekly |daily )?study hours
|thời gian (?:học )?(?:ước tính|dự kiến)|tiempo estimado(?: de estudio)?
|tempo estimado(?: de estudo)?|temps estimé|geschätzte (?:lern)?zeit
|(?:weekly |daily |monthly |progress |tracking )?metrics(?: to (?:monitor|track|watch))?
|(?:weekly |daily |monthly |progress )?metrics (?:&|and) (?:targets|goals|checkpoints)
|success metrics|north star(?: \w+)?|expected outcomes?|outcomes?|learning outcomes
|(?:expected |learning )?outcomes? (?:after|by the end of|at the end of) .*
|skills you(?:['’]ll| will) (?:gain|acquire|build|have)
|what you(?:['’]ll| will) (?:gain|achieve|be able to do)
|completion criteria|success criteria|definition of done|by the end(?: of this \w+)?|commands
|by the end of (?:this|the) \w+,? you(?:['’]ll| will) (?:have|be able to) .*
|criterios de (?:avance|éxito|finalización|aprobación)|critérios de (?:avanço|conclusão|sucesso)
|critères de (?:réussite|passage)|abschlusskriterien|erfolgskriterien|完成标准|通过标准|合格基準
|что должно получиться|что (?:вы )?получите|чему (?:вы )?научитесь|ожидаемые результаты
|критерии (?:завершения|успеха|готовности|при[её]мки)|критерії (?:завершення|успіху|готовності)
|criteri di (?:completamento|successo)|kryteria (?:ukończenia|sukcesu|zaliczenia)
|tamamlanma kriterleri|başarı kriterleri|完了条件|達成基準|完了基準|완료 기준|성공 기준
|what(?:'s| is) next|next steps after .*
|after (?:\d+|these|this|the|all|completing|finishing) .{0,40}you(?:['’]ll| will) .*
|by now you(?:['’]ll| will| should) .*|you(?:['’]ll| will) (?:now )?(?:know|be able to .*)
|consejos|recomendaciones|estrategia de aprendizaje|mentalidad|dicas|conseils
|estrat[ée]gias? de (?:aprendizaje|aprendizagem|estudio|estudo)|strat[ée]gie d'apprentissage
|strategia di (?:apprendimento|studio)|lernstrategien?|стратегия (?:обучения|изучения)
|学习策略|学習戦略|학습 전략
|(?:additional |final |general )?(?:observations|remarks)|observaciones(?: adicionales| finales)?
|observações(?: adicionais| finais)?|anmerkungen|remarques|備考|备注|비고
|(?:each|every) (?:\w+ )?(?:lesson|module|week|chapter|unit|day|folder|session|class|project)s?
(?: includes| contains| has| holds| consists of| comes with)(?: [^.!?]{0,40})?
|lesson (?:structure|format)|(?:session|class|meeting) (?:structure|format)
|cada (?:\S+ ){1,3}(?:contém|contiene|inclui|incluye|tem|tiene|contient|comprend)(?: .{0,40})?
|jede[rs]? (?:\S+ ){1,3}(?:enthält|umfasst|hat)(?: .{0,40})?
|chaque (?:\S+ ){1,3}(?:contient|comprend)(?: .{0,40})?
|format (?:setiap|tiap) (?:pertemuan|sesi)|struktur (?:setiap|tiap) pertemuan
|formato de (?:cada )?(?:clase|sesión|aula)|format (?:des|de chaque) (?:séances?|cours)
|formato (?:di ogni|delle) lezion[ei]|ablauf (?:jeder|der) (?:sitzung|stunde)
|每节课(?:的)?(?:结构|流程)|授業の流れ|수업 (?:구성|방식)
|what(?:'s| is) included|what you(?:['’]ll| will) get
|how to take (?:this|the) course|how (?:this|the) course works|course logistics|logistics
|certificates?|certification|cost|pricing|registration|how to register|enrol+ment

|建议|学习建议|学习方法|学习方式|学习技巧|心得|注意事项|小贴士|小提示|提示|忠告|心态|常见陷阱(?:规避)?|避坑(?:指南)?
|常见错误|常见误区|误区|学习资源推荐原则
|アドバイス|コツ|学習方法|勉強方法|学び方|心構え|注意点|ヒント
|.{1,12}のおすすめ|おすすめの(?:学習法|進め方|組み合わせ|順番)|(?:学習の)?進め方|学習のコツ|勉強法
|팁|학습 팁|공부 팁|조언|학습 방법|공부 방법|학습 방식|공부 방식|주의 ?사항|마음가짐
|советы|рекомендации|поради|рекомендації
|어떻게 공부.*|.{0,20}(?:보는|읽는|사용하는|활용하는) 방법|추천 .{0,12}경로|주간 루틴.*|산출물 기준
|(?:[\w#&'’-]+ ){0,3}(?:weekly|daily|monthly|study|studying|routine|checklist|notes?|journal
|log|logging|tracking|tracker|progress|review|planning|plan|session|reflection|retro|entry|day
|week)(?: [\w&'’-]+){0,2} templates?|templates? for (?:your |each |every )?(?:notes|the week|each
(?: \w+)?|every \w+|daily \w+|weekly \w+|tracking|logging|reviews?)
|plantillas? (?:de|para) (?:seguimiento|estudio|registro|notas|planificaci[óo]n|repaso|la semana
|cada \w+)|modelos? de (?:acompanhamento|estudo|registro|anota[çc][õo]es|revis[ãa]o)
|mod[èe]les? de (?:suivi|fiche|journal|notes|révision)
|(?:wochen|tages|lern|notiz|protokoll|wochenplan|fortschritts)vorlagen?
|шаблон (?:для )?(?:заметок|отч[её]та|недели|дня|плана|трекинга)
|.{0,20}(?:笔记|计划|周报|日报|月报|学习|复盘|记录|打卡|每日|每周|进度|ノート|計画|週報|日報|学習|記録
|振り返り|노트|계획|주간|일일|학습|기록|회고) ?(?:模板|模版|テンプレート|テンプレ|템플릿)
|basic principles|ground rules|study rules|기본 원칙|학습 원칙|(?:学习|基本|总体|整体|核心)?原则
|基本方針|学習方針
|reflections?|weekly reflections?|weekly review|retrospective|retro|reflexiones|reflexión
|reflexões|réflexions|reflexion|反思|회고|感想|所感|感じたこと|振り返り|学んだこと|느낀 점|소감
|impressions?|thoughts|my thoughts|lessons learned|what i learned|things i learned|感悟|心得体会
|principios básicos|princípios básicos|grundregeln|règles de base
|(?:learning |study |my |teaching )?philosoph(?:y|ie)|(?:key |core |learning |study )?principles
|(?:the )?(?:learning|study|practice)(?: \w+)? (?:model|method|cycle|loop|framework|system)
|m[ée]todos? de (?:estudio|estudo|aprendizaje|aprendizagem)|méthodes? (?:de travail|d'apprentissage)
|difficulty(?: weight)? (?:scale|legend|key|levels?)
|(?:difficulty |level |status |proficiency |skill |mastery )?legend
|notes? to (?:self|myself)|reminders?(?: to self)?
|(?:in )?a typical (?:week|day|session|class)|(?:weekly|daily) (?:structure|rhythm|routine|format)
|(?:my |the |a |your |suggested |sample )?(?:daily|weekly|study) workflow(?: .*)?
|(?:quick )?checklist (?:\(?(?:before|after) (?:each|every) .*|for (?:each|every) .*)
|(?:quick )?checklist \(?(?:перед|после) кажд\w+ .*|чек-?лист (?:перед|после) кажд\w+ .*
|checklist (?:antes|depois|después) de cada .*|checkliste vor jede[mr]? .*
|每次.{1,8}(?:前|后)(?:检查|清单)
|(?:(?:my|the|a|your|suggested|recommended|sample|example|ideal) )?(?:(?:daily|weekly|study
|studying|practice|practise|learning|training|morning|evening|coding) )+routines?
|rutinas? (?:de (?:estudio|pr[áa]ctica|entrenamiento)|diarias?|semanal(?:es)?)
(?: sugerida| recomendada| ideal)?
|rotinas? (?:de (?:estudos?|pr[áa]tica|treino)|di[áa]rias?|semanal|semanais)
(?: sugerida| recomendada| ideal)?
|routines? (?:d'[ée]tude|de (?:travail|pratique)|quotidienne|hebdomadaire)
(?: sugg[ée]r[ée]e| recommand[ée]e| id[ée]ale)?
|(?:general|overall) (?:strategy|approach)|estrat[ée]gia(?: geral| general)
|strat[ée]gie g[ée]n[ée]rale|gesamtstrategie|общая стратегия|总体策略|整体策略|全体の戦略|전체 전략
|(?:lern|tages|wochen|übungs|trainings)routinen?|учебная рутина|ежедневная рутина
|(?:学习|每日|每周|日常|练习)(?:例程|惯例|作息)|(?:毎日|学習|練習|週間?)の?ルーティン
|(?:학습|일일|매일|연습) 루틴
|(?:you )?(?:do not|don'?t|won'?t) need(?: to (?:learn|know|study))?(?: yet| now)?|(?:you )?can skip
|skip(?: for now| these)?|what to skip|what not to (?:learn|study|do)|not needed(?: yet)?
|out of scope|no necesitas|não precisa|不需要(?:学)?|可以跳过|跳过|必要ない|不要なもの|필요 없음
|(?:les |the )?(?:sites?|resources?|courses?|cours|ressources|recursos|books?|livres) to avoid
|(?:les |the )?(?:sites?|resources?|courses?|cours|ressources|recursos|books?|livres) à éviter
|(?:sites?|recursos|cursos|libros) a evitar|what to avoid|avoid these|避坑.*|避雷.*
|(?:(?:the|daily|study|practice|learning|golden|house|group|our|challenge|simple|basic|my) )*rules
|(?:(?:the|daily|study|practice|learning|golden|house|group|our|challenge) )*rules to follow
|rules to follow|(?:challenge|the) rules
|rules (?:of|for) (?:the|this) (?:challenge|plan|study|course)
|(?:스터디|프로젝트) 규칙|(?:学习|学習|小组|勉強会の?)(?:规则|規則|ルール)
|(?:\w+ )?(?:reglas|regras|règles|regeln|правила)(?: \w+){0,2}|(?:\w+ )?règles d'or|规则|ルール|규칙
|lời khuyên|mẹo(?: học tập)?|kinh nghiệm học|saran|kiat|tips belajar|ipuçları|tavsiyeler|öneriler
|(?:\w+ ){0,3}ipuçları|(?:günlük )?(?:çalışma|öğrenme) rutini|günlük rutin
|(?:pratik )?öğrenme yöntemleri|çalışma yöntemleri|metode belajar|cara belajar
|phương pháp học\b.*|cách học|советы|как учиться
|consigli(?: di studio)?|suggerimenti|metodo di studio|wskazówki|porady|tips en tricks
|astuces|lerntipps|tipps|советы по (?:обучению|изучению)|примечани[ея]|uwagi|notlar|참고

|(?:teaching |learning |course )?methodology|teaching (?:methods?|approach)
|(?:course |class )?polic(?:y|ies)|attendance(?: policy)?|late (?:work|submission) policy
|(?:minimum|graduation|completion|passing|course) requirements|requisitos (?:mínimos|de aprobación)
|(?:expected )?workload|competenc(?:y|ies)(?: to (?:develop|acquire))?|entry profile
|metodolog[íi]a(?: de .*| \w+)?|pol[íi]ticas(?: .*)?|consideraciones(?: adicionales| generales)?
|carga de trabajo|competencias?(?: a desarrollar| genéricas| específicas)?
|perfil de (?:ingreso|egreso)(?: .*)?|resultados de aprendizaje(?: .*)?
|plan de evaluaci[óo]n(?: .*)?|criterios de evaluaci[óo]n|competências(?: a desenvolver)?
|resultados de aprendizagem(?: .*)?|critérios de avaliação|plano de avaliação(?: .*)?
|méthodologie|méthodes pédagogiques|modalités d'évaluation|compétences(?: visées)?
|methodik|lehrmethoden?|lernergebnisse|kompetenzen|prüfungsleistungen?|bewertungskriterien
|教学方法|教学目标|课程目标|考核方式|成绩评定|评分标准|授業の方法|到達目標|成績評価(?:の方法)?
|評価方法|수업 방법|평가 방법|학습 성과|методология|оценивание|критерии оценки
|เคล็ดลับ(?:.*)?|คำแนะนำ(?:.*)?|ข้อแนะนำ|ข้อควรระวัง|วิธี(?:การ)?เรียน(?:.*)?|เทคนิคการเรียน
|सुझाव|टिप्स|सलाह|ध्यान देने योग्य बातें|पढ़ाई (?:के|का) तरीका
|(?:ال)?نصائح(?: .*)?|(?:ال)?توصيات|(?:ال)?إرشادات|نکات(?: .*)?|توصیه ها|پیشنهادات
"""
_INTRO = r"""
intro|introduction|about|about this .*|overview|preface|foreword|summary|conclusions?
|(?:my |mon |mein |meu |mi )?(?:profile|profil|perfil)|about me|über mich|à propos de moi
|sobre mim|sobre mí
|final (?:thoughts?|words?|notes?|remarks?)|closing (?:thoughts?|words?|notes?)
|notes?|wrap(?:ping)? up|in closing|remarks?|purpose|motivation|why .*|background
|description|goals?|who is this for|who this is for|target audience|audience
|(?:learning|course|key) objectives?
|(?:target |expected |learning |final )?outcomes?
|what you(?:['’]ll| will) (?:learn|achieve|get|build)
|by the end(?: of .*)?|end result|results you(?:['’]ll| will) get
|introducción|acerca de|sobre|prefacio|presentación|conclusión|introdução|sobre este .*
|(?:à|a) propos(?: de (?:la formation|ce cours|ce projet|ce dépôt|cette formation))?
|über (?:den kurs|diesen kurs|das projekt|dieses projekt)|sobre (?:o|el) curso
|about (?:the|this) (?:course|training|program(?:me)?|bootcamp)
|ce dépôt(?: github)?|dans ce dépôt|contenu du dépôt|ce que contient ce dépôt
|前言|简介|簡介|介绍|介紹|序|序言|说明|說明|关于|關於|写在前面|概述|总结|結語|结语|概览|总览
|(?:关于|關於)(?:本|这个|此)(?:项目|仓库|课程|教程|计划|文档)|本(?:项目|仓库|课程)(?:简介|介绍|说明)
|(?:このリポジトリ|本リポジトリ|このプロジェクト)について
|(?:이 )?(?:저장소|프로젝트|레포)(?:에 대해| 소개)
|목적|目的|이 저장소는.*|about this repo.*|왜 .{1,30}|为什么.{1,30}|なぜ.{1,30}
|вступ|огляд|передмова|про проєкт|про проект|висновки?|підсумки?
|项目概览|项目简介|项目介绍|введение|обзор|о проекте|вводн(?:ые|ая|ое) (?:данные|часть|информация)
|はじめに|概要|序文|まえがき|おわりに|まとめ|소개|개요
|summary of .*|resumen(?: .*)?|resumo(?: .*)?|r[ée]sum[ée]|zusammenfassung|tóm tắt(?: .*)?
|giới thiệu|tổng quan(?: .*)?|kết luận|ringkasan|pendahuluan|kesimpulan|özet|giriş|sonuç
|(?:course|program(?:me)?|curriculum|roadmap|plan) overview|genel bakış|panoramica|introduzione
|(?:quick|brief|short|high[- ]level) overview|at a glance|(?:key|quick) facts
|(?:.* )?(?:roadmap|plan|curriculum|week|schedule) mapping
|mapping (?:to|onto) (?:the |my )?(?:roadmap|plan|weeks?)
|general info(?:rmation)?|course info(?:rmation)?|genel bilgiler|informazioni generali
|informasi umum|thông tin chung|informaci[óo]n general|informações gerais
|tentang (?:program|kursus|kelas|repo(?:sitori)?|proyek|roadmap|ini)
|về (?:khóa học|chương trình|dự án)
|(?:program|kurs) hakkında|acerca del (?:programa|curso|proyecto)|sobre o (?:programa|projeto)
|informations? générales?|allgemeine informationen|общая информация|基本信息|基本情報|기본 정보
|요약|결론|итоги?|резюме
|conclusão|conclusões|fazit|schlussfolgerung|einleitung|заключение|podsumowanie|wprowadzenie
|conclusione|conclusioni|introduzione
|¿?para qui[ée]n es(?: este .*)?\??|para quem (?:é|serve)(?: .*)?\??|pour qui\s?\??
|für wen(?: .*)?\??
|a chi è rivolto\??|для кого(?: .*)?\??|dla kogo(?: .*)?\??|kimler için\??|untuk siapa\??
|dành cho ai\??|适合人群|适合谁|対象者|対象読者|대상(?: 독자)?
|บทนำ|เกี่ยวกับ(?:โปรเจกต์|โครงการ|เรา|ผู้เขียน|คอร์ส|หลักสูตร|เอกสารนี้)?|ภาพรวม|สรุป
|วัตถุประสงค์|เป้าหมาย|กลุ่มเป้าหมาย|ทำไม.{1,30}
|परिचय|भूमिका|अवलोकन|सारांश|निष्कर्ष|उद्देश्य|लक्ष्य|किसके लिए(?: है)?
|(?:ال)?مقدمة|نبذة(?: .*)?|حول (?:هذا|هذه|المشروع|الدورة|المؤلف)(?: .*)?|(?:ال)?خلاصة
|(?:ال)?ملخص|(?:ال)?أهداف|(?:ال)?هدف|لماذا .{1,30}|لمن (?:هذا|هذه) .*|مقدمه
|درباره(?: ما| من| این .*| پروژه| دوره)?|خلاصه|اهداف|چرا .{1,30}
"""


def _alternatives(block: str) -> str:
    """The lines of a block joined into one alternation (spaces inside a group, as in
    "(?:key |core )?principles", are the pattern's own and stay)."""
    joined = "".join(line.strip() for line in block.splitlines())
    # "İPUÇLARI" folds to "ipuçlari": a dotless ı typed in capitals is an I
    return re.sub(r"\|{2,}", "|", joined).strip("|").replace("ı", "[ıi]")


_HOUSEKEEPING_RE = re.compile(rf"^(?:{_alternatives(_HOUSEKEEPING)})$")
_ADVICE_RE = re.compile(rf"^(?:{_alternatives(_ADVICE)})$")
_INTRO_RE = re.compile(rf"^(?:{_alternatives(_INTRO)})$")
# "Acknowledgements & Contributing", "Agradecimientos y contribuciones", "致谢与贡献".
_JOINERS_RE = re.compile(r"\s*(?:,|&|\+|/|\||\band\b|\by\b|\be\b|\bund\b|\bet\b|与|和|及|、)\s*")

HOUSEKEEPING, ADVICE, INTRO = "housekeeping", "advice", "intro"

# Chat and social sites: a section that only links there is a community section.
_COMMUNITY_HOSTS = (
    "discord.gg",
    "discord.com",
    "discordapp.com",
    "t.me",
    "telegram.me",
    "slack.com",
    "twitter.com",
    "x.com",
    "reddit.com",
    "facebook.com",
    "linkedin.com",
    "instagram.com",
    "meetup.com",
    "gitter.im",
    "matrix.to",
    "zulipchat.com",
    "weibo.com",
    "qq.com",
    "mastodon.social",
    "bsky.app",
    "whatsapp.com",
    "chat.whatsapp.com",
)
_QUOTED_RE = re.compile(r"^\s*[\"“«„「『'‘].{8,}[\"”»“」』'’]?\s*(?:[-–—~]\s*\S.{0,60})?$", re.S)
_ATTRIBUTION_RE = re.compile(r"[\"”»」』'’]\s*[,]?\s*[-–—~]\s*\S|\s[-–—]\s*@?\w+\s*$")


def _matches(pattern: re.Pattern[str], title: str) -> bool:
    key = plain_label(title)
    if not key:
        return False
    if pattern.match(key):
        return True
    # "RULES (READ ONCE)", "FAQ (read first)": an aside after the name says how to read it
    bare = plain_label(_CJK_ASIDE_RE.sub("", strip_decorations(title)))
    if bare and bare != key and pattern.match(bare):
        return True
    parts = [part for part in _JOINERS_RE.split(key) if part]
    if len(parts) < 2:
        # "How to Contribute/Connect": the joiner is punctuation the label drops
        parts = [part for part in map(plain_label, _JOINERS_RE.split(title)) if part]
    return len(parts) > 1 and all(pattern.match(part) for part in parts)


# Advice named inside a longer title ("Common Mistakes to Avoid", "Tips for Beginners").
_ADVICE_WORD_RE = re.compile(
    # "tip" alone closes the name ("Pro tip"); before a noun it is a thing ("Tip Calculator")
    r"\b(?:tips|tip$|mistakes?|pitfalls?|advice|mindset|dos and don'?ts|consejos|dicas"
    r"|conseils|tipps|keys? to success|clés pour réussir|claves del éxito|chaves do sucesso)\b"
    r"|^why (?:learn|study|use|choose) |팁|조언|技巧|建议|心得|コツ|ヒント|心構え"
)


# "每日任务建议" (the day's suggested tasks), "Suggested exercises": work to do, worded as
# a suggestion, not advice on how to study.
_SUGGESTED_WORK_RE = re.compile(
    r"(?:任务|练习|作业|习题|题目|課題|タスク|과제)(?:建议|推荐)"
    r"|\b(?:suggested|recommended) (?:daily |weekly )?(?:tasks|exercises|practice|assignments)\b"
)


def section_role(title: str) -> str | None:
    """What a section's name says it is: housekeeping, advice, an introduction, or None
    (study material, or unknown)."""
    if _matches(_HOUSEKEEPING_RE, title):
        return HOUSEKEEPING
    if _SUGGESTED_WORK_RE.search(plain_label(title)):
        return None  # "每日任务建议", "Suggested exercises": the work itself, suggested
    if _matches(_ADVICE_RE, title):
        return ADVICE
    key = plain_label(title)
    # "7天核心学习计划（每日学习时间建议：3-4小时）": the aside advises, the name names a plan
    named = plain_label(_CJK_ASIDE_RE.sub("", strip_decorations(title))) or key
    if len(named.split()) <= 6 and _ADVICE_WORD_RE.search(named):
        return ADVICE
    if _matches(_INTRO_RE, title):
        return INTRO
    return _misspelt_role(key) or _head_word_role(title)


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_CJK_ASIDE_RE = re.compile(r"\s*[（(][^）)]*[）)]\s*$")


def _head_word_role(title: str) -> str | None:
    """Chinese, Japanese and Korean names end in their head word: "专栏文档链接目录" is a
    table of contents (目录), "项目学习建议" advice (建议)."""
    key = strip_decorations(title).strip(" :：*_")
    key = _CJK_ASIDE_RE.sub("", key).strip(" :：*_")
    if not key or not _CJK_RE.match(key[-1]):
        return None
    for role, words in _CJK_HEAD_WORDS:
        if key.endswith(words):
            return role
    return None


# One-word names, to recognise them misspelt ("Counclusion", "Acknowledgments").
def _top_level_words(pattern: str) -> list[str]:
    """The plain words among a pattern's top-level alternatives ("conclusions?" → conclusion)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    words = [part.removesuffix("s?") for part in parts]
    return [word for word in words if word.isalpha() and word.isascii() and len(word) >= 8]


_ONE_WORD_ROLES = {
    word: role
    for role, block in ((HOUSEKEEPING, _HOUSEKEEPING), (ADVICE, _ADVICE), (INTRO, _INTRO))
    for word in _top_level_words(_alternatives(block))
}


# Head words that say what a section is whatever precedes them (a curated few: "学习" or
# "支持" would end far too many study topics).
_CJK_HEAD_WORDS = (
    (
        HOUSEKEEPING,
        (
            "目录",
            "目錄",
            "目次",
            "致谢",
            "鸣谢",
            "许可证",
            "贡献指南",
            "更新日志",
            "常见问题",
            "免责声明",
            "목차",
            "再現手順",
            "再現方法",
            "実行方法",
            "复现步骤",
            "运行方法",
        ),
    ),
    (
        ADVICE,
        (
            "建议",
            "技巧",
            "心得",
            "注意事项",
            "小贴士",
            "误区",
            "避坑指南",
            "コツ",
            "ヒント",
            "目安",  # "重要な計算量の目安": a rule of thumb to look up, not a step
            "進め方",
            "学び方",
            "勉強法",
            "学習法",
            "心構え",
            "注意点",
            "アドバイス",
            "팁",
            "조언",
            "공부법",
            "주의사항",
        ),
    ),
    (INTRO, ("前言", "简介", "簡介", "介绍", "概述", "结语", "はじめに", "まとめ", "소개", "개요")),
)


def _misspelt_role(key: str) -> str | None:
    """A long one-word name one letter off a known one: a typo, not a new kind of section."""
    if " " in key or len(key) < 8 or not key.isalpha():
        return None
    for word, role in _ONE_WORD_ROLES.items():
        if abs(len(word) - len(key)) <= 1 and _one_edit_apart(word, key):
            return role
    return None


def _one_edit_apart(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) > len(b):
        a, b = b, a
    for i in range(len(a)):
        if a[i] != b[i]:
            # substitution, or b has one extra letter here
            return a[i + 1 :] == b[i + 1 :] or a[i:] == b[i + 1 :]
    return len(b) - len(a) == 1


@rule("housekeeping-section")
def is_housekeeping(draft: Draft) -> bool:
    """A section named for the document's housekeeping (contents, contributing, license,
    sponsors, news, testimonials, community, how to use the repo), in any of the languages
    roadmaps come in, holds nothing to study: it is dropped. (Later, with what it holds in
    view, a few come back: "Navigation" over entries that link nowhere is an app's topic.)"""
    if draft.kind not in (HEADING, PSEUDO, DETAILS, CALLOUT):
        return False
    if section_role(draft.title) != HOUSEKEEPING:
        return False
    if has_stage_word(draft.text or draft.title) or draft.duration:
        return False  # "Phase 3: Review", "Review (3 hours)": a step of the plan, not reviews
    fired("housekeeping-section", draft.line, "dropped", draft.title)
    return True


def _host(href: str) -> str:
    try:
        host = urlsplit(href).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _is_community_link(item: Draft) -> bool:
    links = [href for _, href in item.links if href.startswith(("http://", "https://"))]
    return bool(links) and all(
        any(_host(href) == h or _host(href).endswith("." + h) for h in _COMMUNITY_HOSTS)
        for href in links
    )


def _is_testimonial(item: Draft) -> bool:
    text = item.text.strip()
    return bool(_QUOTED_RE.match(text) and _ATTRIBUTION_RE.search(text))


@rule("community-or-testimonials")
def is_about_people(draft: Draft) -> bool:
    """A section whose every entry is a link to a chat or social site (a community section)
    or a quotation with its author (testimonials) is about people, not study: it is dropped,
    whatever it is called."""
    if draft.kind not in (HEADING, PSEUDO, DETAILS) or draft.is_task:
        return False
    items = [c for c in draft.children if c.kind in (ITEM, ROW)]
    if not items or len(items) != len(draft.children):
        return False
    if any(item.is_task or item.children for item in items):
        return False
    if all(_is_community_link(item) for item in items) or all(
        _is_testimonial(item) for item in items
    ):
        fired("community-or-testimonials", draft.line, "dropped", draft.title)
        for item in items:
            fired("community-or-testimonials", item.line, "dropped")
        return True
    return False


def section_text(draft: Draft) -> str:
    """A section as text for the roadmap note: its name, its prose, its entries as bullets."""
    parts = [draft.title, *draft.notes] if draft.title else list(draft.notes)
    bullets = []
    for inner in walk(draft):
        if inner is draft or not inner.title:
            continue
        bullets.append(f"- {inner.raw or inner.title}")
        bullets.extend(f"  {note}" for note in inner.notes if "\n" not in note)
    if bullets:
        parts.append("\n".join(bullets))
    return "\n\n".join(part for part in parts if part)


def pull_sections(
    draft: Draft, matches: Callable[[Draft, Draft], bool], take: Callable[[Draft, Draft], None]
) -> None:
    """Walk `draft`: each child for which `matches(child, parent)` holds is handed to
    `take(child, parent)` and left out; the others are walked in turn."""
    kept: list[Draft] = []
    for child in draft.children:
        if matches(child, draft):
            take(child, draft)
            continue
        pull_sections(child, matches, take)
        kept.append(child)
    draft.children = kept


def _to_notes(notes: list[str], name: str) -> Callable[[Draft, Draft], None]:
    """Hand a section to the roadmap note's text, firing `name` for all it held."""

    def take(section: Draft, _parent: Draft) -> None:
        notes.append(section_text(section))
        for inner in walk(section):
            fired(name, inner.line, "note")

    return take


def _asks(text: str) -> bool:
    return text.rstrip(" *_").endswith(("?", "？"))


def written_box(draft: Draft) -> bool:
    """A task box written as one ("- [ ]", "- [x]"), not a state read from a glyph or a
    word: "✅ Practise daily" / "❌ Skip the basics" in a do's and don'ts list are advice."""
    return draft.is_task and draft.glyph is None and draft.said is None


def holds_box(section: Draft) -> bool:
    return any(written_box(d) for d in walk(section))


FEW_BOXES_SHARE = 5  # one box in five entries or fewer


def _boxes_are_few(section: Draft) -> bool:
    entries = [d for d in walk(section) if d is not section and d.kind in (ITEM, ROW)]
    boxes = sum(1 for d in entries if written_box(d))
    return boxes * FEW_BOXES_SHARE <= len(entries)


def holds_work_boxes(section: Draft) -> bool:
    """Task boxes make a section after the plan part of the work, except boxes that only
    ask the learner ("- [ ] Can you explain it to someone else?"): those check understanding.
    (Inside the plan, a week's "- [ ] What did I learn?" box is the author's step.)"""
    return any(d.is_task and not _asks(d.text) for d in walk(section))


def _a_topic_of_its_part(section: Draft, parent: Draft) -> bool:
    """ "### Security mindset" between "### Networking" and "### Linux" inside "## Phase 1":
    a topic named with an advice word, when the name is more than that word ("Tips" and
    "Common mistakes" inside a phase are still advice) and it lists names like its
    siblings do, not sentences."""
    if not parent.numbered or _matches(_ADVICE_RE, section.title):
        return False
    siblings = [c for c in parent.children if c.kind == section.kind and c is not section]
    entries = [c for c in section.children if c.kind == ITEM]
    return (
        len(siblings) >= 2
        and bool(entries)
        and not any(_is_sentence(c) or len(c.title.split()) > MAX_TOPIC_WORDS for c in entries)
    )


# What a course grades: "quizzes", "final exam", "participation", "tareas", "Prüfung"…
_ASSESSED_RE = re.compile(
    r"\b(?:quiz\w*|exams?|midterms?|finals?|homeworks?|assignments?|projects?|labs?"
    r"|participation|attendance|presentations?|papers?|reports?|tests?|essays?|problem sets?"
    r"|exámenes|examen|tareas?|proyectos?|participación|provas?|trabalhos?|prüfung\w*"
    r"|hausaufgaben|devoirs?|examens?|partiels?|контрольн\w*|экзамен\w*)\b"
    r"|作业|考试|测验|課題|試験|レポート|과제|시험",
    re.I,
)
_WEIGHT_RE = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%")
MIN_WEIGHTS = 2


def _weights(section: Draft) -> list[float] | None:
    """The percentages a section's entries carry ("Homework (60 %)", "**Exams: 30%**"),
    when every entry carries one."""
    entries = [c for c in section.children if c.kind in (ITEM, ROW)]
    found: list[float] = []
    for entry in entries:
        match = _WEIGHT_RE.search(entry.text)
        if match is None or entry.is_task:
            return None
        found.append(float(match.group(1).replace(",", ".")))
    return found if len(found) >= MIN_WEIGHTS else None


@rule("grading-weights")
def grading_to_notes(draft: Draft, notes: list[str]) -> None:
    """A list whose entries are weighted to make a whole ("Homework (60 %)", "Final exam
    (40 %)") says how the course is graded: text, not steps. Weights that do not add up to
    about 100 % (progress marks, "JavaScript 80%") leave the list alone."""

    def is_grading(child: Draft, _parent: Draft) -> bool:
        weights = _weights(child) if child.kind in (HEADING, PSEUDO) else None
        if weights is None or not 95 <= sum(weights) <= 105:
            return False
        entries = [c for c in child.children if c.kind in (ITEM, ROW)]
        graded = [c for c in entries if _ASSESSED_RE.search(c.text)]
        return len(graded) * 2 >= len(entries)

    pull_sections(draft, is_grading, _to_notes(notes, "grading-weights"))


# "7", "~22", "37%", "435分", "1,5": a count or a measure opening a value.
_QUANTITY_RE = re.compile(r"^[~≈±约約]?\d[\d.,]*(?:[-–~]\d[\d.,]*)?(?:%|[^\W\d_]{1,12})?$")
_PAREN_RE = re.compile(r"[(（][^()（）]*[)）]")
# "37%", "7 of 19", "7 de 19", "3/10": a share of a whole, which a topic's time never is.
_REPORTED_RE = re.compile(r"\d\s*%|\d\s*(?:/|of|de|von|sur|di|из|中)\s*\d")


def reports_a_figure(text: str) -> bool:
    """ "7 of 19 (37%)", "5/30": a share or a count kept, not a thing to study."""
    return bool(_REPORTED_RE.search(text))


_STAT_LABEL_WORDS = 5
_STAT_VALUE_WORDS = 4
MIN_STATS = 3


def _stat_value(text: str) -> bool:
    """ "7 de 19 (37%)", "~22 horas", "100% async", "435分 / 420分": a figure with a few
    words of unit, not a name."""
    words = _PAREN_RE.sub(" ", text).replace("/", " / ").split()
    return 0 < len(words) <= _STAT_VALUE_WORDS and bool(_QUANTITY_RE.match(words[0]))


def _stat_entry(entry: Draft) -> str | None:
    """How an entry states a figure: "labelled" ("Courses completed: 7 of 19"), "count"
    ("36 lessons") or None. A label holding a number ("Week 1: 5 h") is a slot of the plan."""
    # a mark read from an icon ("🚧 In Progress: 1") is no box of the author's: a figure still
    if entry.kind not in (ITEM, ROW) or (entry.is_task and entry.boxed) or entry.children:
        return None
    return _stat_text(entry.text)


def _stat_text(raw: str) -> str | None:
    text = strip_decorations(raw.replace("*", "").replace("_", " ")).strip()
    # "DSA → 25 hrs": an arrow sets a figure beside its label as a colon does
    label, colon, value = text.replace("：", ":").replace(" → ", ": ").partition(":")
    if colon:
        fits = len(label.split()) <= _STAT_LABEL_WORDS and not re.search(r"\d", label)
        return "labelled" if fits and _stat_value(value) else None
    first = text.split()[0] if text.split() else ""
    return "count" if first.isdigit() and _stat_value(text) else None


MIN_SLOT_HOURS = 2


def _hours_by_slot(section: Draft) -> bool:
    """ "Semana 1: ~22h", "Semana 2: ~28h (mais intensa)": how long each part of the plan
    takes, one entry a part — a summary of the plan's time, not more steps."""
    entries = section.children
    if not entries:
        return False
    if all(e.kind in (PSEUDO, ITEM) and e.children and not e.is_task for e in entries):
        return all(_hours_by_slot(e) for e in entries)  # "**Por semana:**" over them
    if len(entries) < MIN_SLOT_HOURS:
        return False
    for entry in entries:
        if entry.kind != ITEM or entry.is_task or entry.children:
            return False
        label, colon, value = entry.text.replace("：", ":").partition(":")
        value = value.strip().lstrip("~≈±").strip()
        found = leading_duration(value)
        if not colon or not opens_a_part(label) or found is None or found[1] is None:
            return False
        if not _ASIDE_ONLY_RE.fullmatch(value[len(found[0]) :]):
            return False  # "Día 1: 2 horas de videos de gramática": the day's work, timed
    return True


_ASIDE_ONLY_RE = re.compile(r"\s*(?:[（(][^()（）]*[)）])?\s*")


def _stat_entries(section: Draft) -> list[tuple[str, str]] | None:
    """(kind, value) of every entry under `section`, a label over entries counted with
    them ("Distribution:" › "Completed: 7 courses"); None when any entry is not a figure."""
    found: list[tuple[str, str]] = []
    for entry in section.children:
        if entry.children and entry.kind == ITEM and not entry.is_task:
            inner = _stat_entries(entry)
            if inner is None or len(entry.text.split()) > _STAT_LABEL_WORDS:
                return None
            found.extend(inner)
            continue
        kind = _stat_entry(entry)
        if kind is None:
            return None
        found.append((kind, entry.text.partition(":")[2] or entry.text))
    return found


# "2026-01-12", "2026.04.09", "2026年1月12日", "12/01/2026": a calendar date.
_DATE_RE = re.compile(r"\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}|\d{1,2}[./]\d{1,2}[./]\d{4}")
_FIELD_LABEL_WORDS = 3
MIN_DATE_FIELDS = 2


def date_fields(section: Draft) -> bool:
    """ "Start date: 2026-01-12" / "End date: ongoing": every entry a short label with a
    short value, one of them a calendar date — when the learner studies, not what."""
    entries = section.children
    if len(entries) < MIN_DATE_FIELDS:
        return False
    dated = False
    for entry in entries:
        if entry.kind != ITEM or entry.is_task or entry.children or entry.links:
            return False
        text = strip_decorations(entry.text.replace("*", "")).replace("：", ":")
        label, colon, value = text.partition(":")
        if not colon or re.search(r"\d", label) or not value.strip():
            return False
        if len(label.split()) > _FIELD_LABEL_WORDS or len(value.split()) > _STAT_VALUE_WORDS:
            return False
        dated = dated or bool(_DATE_RE.search(value))
    return dated


def _only_a_date(section: Draft) -> bool:
    """ "## 🗓 学習開始日" › "2026-01-01": a section that holds nothing but a date says when."""
    if section.kind not in (HEADING, PSEUDO) or section.numbered or len(section.children) != 1:
        return False
    only = section.children[0]
    text = strip_decorations(only.text.replace("*", "")).strip(" .")
    return only.kind in (ITEM, PSEUDO) and not only.children and bool(_DATE_RE.fullmatch(text))


# "Week 1 Totals", "Total hours", "合计": a section named for the sums it reports.
_TOTALS_NAME_RE = re.compile(
    r"\btotals\b|\btotal (?:hours|time)\b|\bhours? (?:summary|totals?)\b|gesamtstunden"
    r"|合计|总计|合計|총계"
)
MIN_NAMED_TOTALS = 2


@rule("statistics-section")
def statistics_to_notes(draft: Draft, notes: list[str]) -> None:
    """A section whose every entry is a figure about the plan ("Courses completed: 7 of 19
    (37%)", "Total: ~452 minutes", "36 lessons", "Format: 100% online", "Interviews: 0") or
    says when the study runs ("Start date: 2026-01-12", "End date: ongoing") reports on it:
    text, not steps. Without a share, a count or a zero tally among them ("Python: 2 weeks",
    "Git: 25") the entries are topics with their time, and stay, unless the section is named
    for its totals ("Week 1 Totals" › "DSA → 25 hrs") or each entry is a part of the plan and
    its hours alone ("Semana 1: ~22h"), the plan's time summed up. Icons before the figures
    ("🚧 In Progress: 1", "⏳ Remaining: 72") are no states of steps, and a figure the section
    already holds as a note ("✅ Completed: 2 / 75") counts with the others."""

    pull_sections(
        draft, lambda child, _parent: is_statistics(child), _to_notes(notes, "statistics-section")
    )


def is_statistics(section: Draft) -> bool:
    """Whether every entry of `section` is a figure about the plan or its dates (see
    `statistics_to_notes`)."""
    if section.kind not in (HEADING, PSEUDO, ITEM) or section.is_task or not section.children:
        return False
    if date_fields(section) or _only_a_date(section) or _hours_by_slot(section):
        return True
    entries = _stat_entries(section)
    # "✅ Week 1 Totals" says what its figures are: two are enough, and hours will do
    totals = bool(_TOTALS_NAME_RE.search(plain_label(section.title)))
    # a figure already read as a note of the section ("✅ Completed: 2 / 75") counts with them
    noted = [
        ("labelled", note.partition(":")[2])
        for note in section.notes
        if _stat_text(note.lstrip("-*+ ")) == "labelled"
    ]
    if entries is None or len(entries) + len(noted) < (MIN_NAMED_TOTALS if totals else MIN_STATS):
        return False
    entries = entries + noted
    labelled = sum(kind == "labelled" for kind, _value in entries)
    # a tally at zero ("Offers: 0") is a count kept, never a topic's time
    reported = totals or any(
        kind == "count" or reports_a_figure(value) or value.strip() == "0"
        for kind, value in entries
    )
    return labelled * 2 >= len(entries) and reported


@rule("advice-section")
def advice_to_notes(draft: Draft, notes: list[str]) -> None:
    """Advice ("Tips", "Key mindset", "Learning strategy", "Directions", "Consejos",
    "学习建议") is read, not ticked: such a section, at any level, moves into the roadmap
    note's text. A stage numbered in the plan's series ("Stage 0 — Mindset & role
    clarity") stays a stage, and a title heading over the whole document ("# notas") names
    the file, not advice in it. A list in it whose entries the learner marks done ("## Rule"
    › "학습 순서" › "1. 네트워크 [완료]") is the plan kept there: it stays, the rest goes."""

    def is_advice(child: Draft, parent: Draft) -> bool:
        return (
            child.kind in (HEADING, PSEUDO, DETAILS, CALLOUT)
            # "❌ Skipping the basics" is advice, not a state; a session guide's one small
            # checklist among its instructions does not make it the plan
            and (not holds_box(child) or _boxes_are_few(child) or _standing_rules(child))
            and section_role(child.title) == ADVICE
            and not _holds_the_document(child, parent)
            and not _a_topic_of_its_part(child, parent)
            and not _a_stage_of_the_series(child, parent)
        )

    def tracked_inside(child: Draft, parent: Draft) -> bool:
        if not is_advice(child, parent):
            return False
        if not _tracks_states(child):
            return True
        # "## Rule" › "학습 순서" › "1. 네트워크 [완료]": the list the learner marks is the
        # plan kept inside the advice; the rules around it are advice still
        for entry in [c for c in child.children if not _holds_a_state(c)]:
            _to_notes(notes, "advice-section")(entry, child)
        child.children = [c for c in child.children if _holds_a_state(c)]
        return False

    pull_sections(draft, tracked_inside, _to_notes(notes, "advice-section"))


def _holds_a_state(draft: Draft) -> bool:
    return any(d.said is not None for d in walk(draft))


MIN_TRACKED_STATES = 2


def _tracks_states(section: Draft) -> bool:
    """ "## Rule" › "학습 순서" › "1. 네트워크 [완료]", "2. 자료구조 [완료]": entries the
    learner marks done, word by word, are the plan kept inside the section, not advice."""
    entries = [d for d in walk(section) if d.kind in (ITEM, ROW) and d is not section]
    return sum(1 for d in entries if d.said is not None) >= MIN_TRACKED_STATES


def _holds_the_document(section: Draft, parent: Draft) -> bool:
    """ "# notas" over every part: the heading names the document it opens (a notes file,
    a "Tips" page), not a section beside the plan."""
    return (
        parent.kind == ROOT
        and section is document_heading(parent)
        and any(c.kind == HEADING for c in section.children)
    )


def document_heading(root: Draft) -> Draft | None:
    """The heading over the whole document, at any level ("# notas", "## 통계 스터디"):
    the one section at the top, with no entry or other section beside it."""
    tops = [c for c in root.children if c.kind in (HEADING, PSEUDO, ITEM, ROW, DETAILS)]
    return tops[0] if len(tops) == 1 and tops[0].kind == HEADING else None


# "Rules", "Principles": what holds all along, never done once and for all.
_STANDING_RULES_RE = re.compile(
    r"^(?:(?:my |our |the |study |daily |golden |ground |house |core |key )*"
    r"(?:rules|principles)|reglas|regras|règles|regeln|правила|规则|ルール|규칙"
    r"|原则|原則|원칙)$"
)


def _standing_rules(section: Draft) -> bool:
    """ "## Rules" › "- [ ] No multitasking", "- [ ] Consistency over intensity": boxes the
    learner keeps on every day, not steps of the plan; so are the boxes of a checklist gone
    through each time ("Checklist (before each commit)")."""
    title = plain_label(section.title)
    return bool(_STANDING_RULES_RE.match(title) or _EACH_TIME_RE.search(title)) and all(
        not d.children for d in walk(section) if d.is_task
    )


_EACH_TIME_RE = re.compile(
    r"\b(?:before|after) (?:each|every)\b|(?:перед|после) кажд|antes de cada|depois de cada"
    r"|después de cada|avant chaque|après chaque|vor jede[mr]?\b|nach jede[mr]?\b|每次"
)


# "01-AWS-IAM/iam-basics.md", "notes/week1.md": a file of the repository.
_FILE_PATH_RE = re.compile(r"^[\w.@-]+(?:/[\w.@-]+)*\.(?:md|mdx|txt|ipynb|pdf)$")
# "Study Notes Location", "Files", "Where my notes live": a group named for where work is kept.
_FILES_GROUP_RE = re.compile(
    r"\b(?:notes?|files?|folders?|locations?|where|saved|stored|archivos|ubicación|arquivos"
    r"|dateien|fichiers)\b|文件|笔记|ファイル|ノート|파일|노트"
)
MIN_PATHS = 2


@rule("file-list")
def file_lists_to_notes(draft: Draft, notes: list[str]) -> None:
    """A group named for where work is kept whose entries are only files of the repository
    ("Study Notes Location" › "01-AWS-IAM-And-Accounts/iam-basics.md", "…/iam-policies.md")
    is text, not steps; a week's "📁 topics/03-compute-services/" folders are its topics, and
    so are the files of a week whose name has "File" in it ("Tuần 3 — Image & File")."""

    def is_file_list(child: Draft, _parent: Draft) -> bool:
        entries = [c for c in child.children if c.kind == ITEM]
        return (
            child.kind in (HEADING, PSEUDO)
            and bool(_FILES_GROUP_RE.search(plain_label(child.title)))
            # "Tuần 3 — Image & File": a week of the plan, whose topics are files to read
            and not opens_a_part(child.text or child.title)
            and len(entries) >= MIN_PATHS
            and len(entries) == len(child.children)
            and not any(c.children or c.is_task for c in entries)
            and all(_FILE_PATH_RE.match(c.title.strip("`")) for c in entries)
        )

    pull_sections(draft, is_file_list, _to_notes(notes, "file-list"))


# "Learning goals", "Objectives", "学习目标", "Objetivos": what the plan is for.
# "Learning Goals for Sprint 1", "Objetivos de la semana 2": goals named with their part.
_FOR_A_PART_RE = re.compile(
    r"\s+(?:for|of|in|de|del|de la|da|do|für|pour)\s+(?:the |this |la |el )?[^\W\d_]+\s+"
    r"(?:\d{1,3}|[ivx]{1,4})$"
)
_GOALS_SECTION_RE = re.compile(
    r"^(?:(?:my |our |the |learning |course |study |main |key |overall |final |expected "
    r"|dependency )*"
    r"(?:goals?|objectives?|outcomes?|aims?)(?: of (?:this|the) (?:plan|roadmap|course))?"
    r"|learning outcomes?|objetivos?(?: de aprendizaje| de aprendizagem| del curso)?|metas?"
    r"|objetivos? (?:del|do|de este|deste) (?:repositorio|repositório|proyecto|projeto)"
    r"|(?:goals?|objectives?) of (?:this|the) (?:repo|repository|project)"
    r"|(?:repo|repository|project) (?:goals?|objectives?|purpose)"
    r"|ziele?|lernziele?|kursziele?|objectifs?(?: d.apprentissage| pédagogiques| du cours)?"
    r"|цели(?: обучения| курса)?|obiettivi(?: del corso)?"
    r"|objetivos? (?:pedag[óo]gicos?|did[áa]cticos?|de la semana|da semana)"
    # what the week covers, listed beside the week's work: "Notions abordées"
    r"|notions? abordées|concepts? abordés|temas abordados|conceitos abordados"
    r"|(?:topics|concepts) covered(?: this week)?"
    r"|mục tiêu(?: học tập| khóa học)?|tujuan(?: pembelajaran| belajar| repository| repositori"
    r"| proyek)?"
    r"|(?:öğrenme )?hedefler(?:i)?|(?:öğrenme )?(?:çıktılar[ıi]?|kazanımlar[ıi]?)|amaç(?:lar)?"
    r"|leerdoelen|doelen|cele(?: nauki| kursu| szkolenia)?|cíle(?: kurzu)?"
    # what the learner can do after the part: "Kỹ năng đạt được", "Skills gained"
    r"|kỹ năng đạt được|skills (?:gained|acquired|you(?:'ll| will) (?:gain|have))"
    r"|compétences acquises|habilidades adquiridas|competências adquiridas|获得的技能|習得スキル"
    r"|цілі(?: курсу| навчання)?"
    r"|目标|学习目标|总体目标|总目标|整体目标|学習目標|目標|全体目標|목표|학습 목표|전체 목표"
    # what the repository itself is for: "## 1. 目的" › "進捗管理", "포트폴리오"
    r"|purpose|(?:the )?purpose of (?:this|the) (?:repo|repository|plan)|目的|목적|propósito"
    r"|学習の目的|学习目的|학습 목적"
    # "This repo was made for:", "Repo Ini Dibuat Untuk:", "Este repositorio es para"
    r"|(?:this |the |este |esta )?(?:repo|repository|repositori|repositorio|repositório)"
    r"(?: ini| this)?(?: \w+){0,2} (?:for|untuk|para|pour|für)"
    r"|zweck"
    # how the learner will know the plan worked: "Success Metrics & Milestones"
    r"|success (?:metrics|criteria|indicators|measures)(?: (?:and|&) milestones)?"
    r"|(?:key )?(?:metrics|indicators) (?:of|for) success|how to measure (?:success|progress)"
    # what finishing brings: "What you'll gain", "Bitirdiğinizde ne kazanmış olacaksınız?"
    r"|what you(?:'ll| will) (?:gain|have gained|achieve|be able to do)(?: .*)?"
    r"|(?:bitirdiğinizde |sonunda )?ne kazan(?:m[ıi]ş olacaks[ıi]n[ıi]z|acaks[ıi]n[ıi]z))$"
)


_OUTLINE_NUMBER_RE = re.compile(r"^\s*\d{1,2}[.)]\s+\S")


# "Environment", "开发环境 (Tech Stack)", "## 2. 環境": what the learner works with.
_ENVIRONMENT_RE = re.compile(
    r"^(?:(?:my |our |the )?(?:development |dev |working |learning )?environment|tech ?stack"
    r"|(?:my )?(?:setup|toolchain)|tools (?:i use|used)|entorno(?: de desarrollo)?"
    # "Lab Equipment Checklist": what to have at hand, not what to learn
    r"|(?:lab |required |recommended )?equipment(?: checklist| list)?|hardware (?:list|needed)"
    r"|ambiente(?: de desenvolvimento)?|(?:entwicklungs)?umgebung|environnement"
    r"|开发环境|開発環境|环境|環境|개발 ?환경|환경"
    # "附录：工具与环境推荐": an appendix of the tools and environment to install
    r"|(?:附录 ?)?(?:工具(?:与|和|及)环境|环境(?:与|和|及)工具)(?:推荐|配置|准备)?"
    r"|(?:appendix )?(?:tools (?:and|&) environment|environment (?:and|&) tools))"
    r"(?: \(?tech ?stack\)?)?$"
)
MAX_ENVIRONMENT_WORDS = 6
# "Technologies & Skills Covered", "Technologies used": what the work was done with, listed
# as long as the author likes.
_TECHNOLOGIES_USED_RE = re.compile(
    r"^(?:(?:technologies|tech|tools)(?: (?:&|and) (?:skills|tools|technologies|concepts))?"
    r" (?:covered|used)(?: \(?so far\)?)?|(?:technologies|tools) (?:&|and) libraries(?: used)?"
    r"|tecnolog[íi]as(?: utilizadas| usadas)|technologies utilisées|verwendete technologien"
    r"|使用技术|使用技術|技術スタック|사용 기술|기술 스택)$"
)


@rule("environment-section")
def _tool_name(entry: Draft) -> str:
    """ "Console: shows the program's output" names the console; what follows says what it
    does."""
    text = strip_decorations(entry.title or entry.text)
    split = split_label(text)
    return split[0] if split and split[1] else text


def environment_to_notes(draft: Draft, notes: list[str]) -> None:
    """A section naming what the learner works with ("## Environment" › "Python 3.13",
    "VS Code", "Windows 11"; "开发环境 (Tech Stack)" › "IDE: Visual Studio 2022") is
    the roadmap's text, not steps: short names (each perhaps with what it does: "Console:
    shows the output"), no task boxes, nothing to do. A setup
    section of actions ("Install Python", "Configure Git") stays."""

    def is_environment(child: Draft, parent: Draft) -> bool:
        if child.kind not in (HEADING, PSEUDO) or not child.children or holds_task(child):
            return False
        if child.numbered and not _OUTLINE_NUMBER_RE.match(child.text or ""):
            return False
        name = plain_label(child.title).rstrip(":：").casefold()
        used = bool(_TECHNOLOGIES_USED_RE.match(name))
        if not (used or _ENVIRONMENT_RE.match(name)):
            return False
        entries = child.children
        return all(
            e.kind in (ITEM, ROW)
            and not e.children
            and not e.is_task
            and (used or len(_tool_name(e).split()) <= MAX_ENVIRONMENT_WORDS)
            and not reads_as_action(e.title)
            for e in entries
        )

    pull_sections(draft, is_environment, _to_notes(notes, "environment-section"))


# "Key Topics", "Topics covered", "Content", "Temas": the group that holds a part's matter.
_TOPICS_GROUP_RE = re.compile(
    r"^(?:key |main |core )?(?:topics?(?: covered)?|concepts?|content|contents|syllabus"
    r"|what you(?:'ll| will) (?:learn|study|cover)|temas?|contenidos?|conteúdos?|themen|inhalte"
    r"|thèmes|sujets|主题|知识点|学习内容|内容|トピック|学習内容|주제|학습 내용"
    r"|konular|konu başlıkları|chủ đề|nội dung|topik|materi|темы|содержание"
    # "Kiến thức sẽ học", "Lo que aprenderás", "学ぶこと": what the part teaches, said so
    r"|kiến thức(?: sẽ học| cần học| cần nắm)?|những gì (?:bạn )?sẽ học"
    r"|lo que (?:vas a )?aprender[áa]s"
    r"|o que (?:você )?vai aprender|ce que (?:vous allez|tu vas) apprendre|was du lernst"
    r"|что (?:будем )?изуча(?:ем|ть)|materi yang dipelajari|öğrenilecekler"
    r"|学ぶこと|学ぶ内容|要学的内容|学习要点|배울 내용|배울 것"
    # "**Tasks:**" beside "**Objectives:**": the work the objectives are reached by
    r"|tasks?|to-?dos?|tareas?|tarefas?|tâches|aufgaben|задачи|任务|タスク|할 일)$"
)


@rule("goals-section")
def goals_to_notes(draft: Draft, notes: list[str]) -> None:
    """A section that says what the plan is for ("## Learning goals" › "Master the syntax",
    "## 学习目标"), beside the parts that hold the plan, is the roadmap's text: the goals are
    reached by doing the steps, not ticked on their own. Goals written as task boxes, a
    goals section that is the whole document, and a part's own objectives, stay, unless the
    part lists its topics or tasks beside them ("**Objectives:**" beside "**Tasks:**"). Under
    a title heading of any level ("## 통계 스터디" over every section) goals are the plan's."""

    title_heading = document_heading(draft)  # "## 통계 스터디" over every section

    def is_goals(child: Draft, parent: Draft) -> bool:
        if child.kind not in (HEADING, PSEUDO):
            return False
        if child.numbered and not _OUTLINE_NUMBER_RE.match(child.text or ""):
            return False  # "Phase 1: Goals" is a part; "## 1. 目的" only the README's numbering
        top = (
            parent.kind == ROOT
            or (parent.kind == HEADING and parent.level == 1)
            or parent is title_heading
        )
        if not top and not (
            any(
                _TOPICS_GROUP_RE.match(plain_label(c.title).rstrip(":："))
                for c in parent.children
                if c is not child and c.kind in (HEADING, PSEUDO) and c.children
            )
        ):
            # a week's "#### Learning Objectives" is that week's own list, unless the week
            # lists its "Key Topics" or "Tasks" beside them: then the objectives restate those
            return False
        name = _FOR_A_PART_RE.sub("", plain_label(child.title).rstrip(":：").casefold())
        if not _GOALS_SECTION_RE.match(name):
            return False
        if holds_task(child):
            return False
        others = [c for c in parent.children if c is not child and c.kind in (HEADING, PSEUDO)]
        return any(any(d.kind in (ITEM, ROW) for d in walk(c)) for c in others)

    pull_sections(draft, is_goals, _to_notes(notes, "goals-section"))


def _a_stage_of_the_series(section: Draft, parent: Draft) -> bool:
    """ "Stage 0 — Mindset & role clarity" before "Stage 1 — Python": numbered like the
    stages beside it, a part of the plan that only has an advice word in its name ("Step 7:
    Tips" and "5. Usage tips" are still advice)."""
    if not has_stage_word(section.text or section.title) or _matches(_ADVICE_RE, section.title):
        return False
    numbered = [c for c in parent.children if c.kind == section.kind and c.numbered]
    return len(numbered) >= 3 and bool(section.children)


_EXAMPLES_RE = re.compile(
    r"^(?:[\w-]+ )?(?:code |syntax |usage |sample |language[- ]specific )?"
    r"(?:examples?|samples?|snippets?|code samples?|beispiele?|codebeispiele?|ejemplos?"
    r"|exemplos?|exemples?|esempi|示例|例子|範例|代码示例|コード例|サンプル|例|예제|예시|примеры)$"
    # "Ejemplo de Aplicación", "Application example", "Anwendungsbeispiel": a use shown
    r"|^(?:examples?|ejemplos?|exemplos?|exemples?|esempi|beispiele?) (?:de |of |d'|di )?"
    r"(?:aplicaci[óo]n|aplica[çc][ãa]o|application|applicazione|uso|use|usage|utilisation)$"
    r"|^(?:application|usage|use) examples?$|^anwendungsbeispiele?$"
)
_INLINE_CODE_RE = re.compile(r"`[^`\n]+`")


_CODE_LABEL_RE = re.compile(r"^\s*(?:\*\*|__)?`[^`\n]+`(?:\*\*|__)?\s*[:：]\s*\S")


_CODE_DASH_RE = re.compile(r"^\s*`[^`]+`\s+[–—-]\s+\S")


# "`01-intro-basic.html`", "`lesson_03.py`": a file numbered in a series, one lesson each.
_NUMBERED_FILE_RE = re.compile(r"^\s*(?:\*\*|__)?`(?:[\w.-]*/)?\d{1,3}[-_.][^`/\s]*\.\w{1,5}`")


def _shows_code(item: Draft) -> bool:
    """ "- **Python:** `print("hi")`" (a label, then code) or "- `input()`: reads a line"
    / "- `README.md` – what it holds" (code, then what it does); a bare `<title>` names a
    topic, and a numbered file (`` `01-intro.html`: the first tags ``) a lesson."""
    if item.kind != ITEM or item.children or _NUMBERED_FILE_RE.match(item.raw):
        return False
    if _CODE_DASH_RE.match(item.raw):
        return True
    if ":" not in item.raw:
        return False
    if reads_as_action(item.raw.split(":", 1)[0]):
        return False  # "Revise the basic syntax: `<html>`, `<body>`": a step naming its code
    if _CODE_LABEL_RE.match(item.raw):
        return True
    # mostly code after the label: "`print()`", not a sentence naming `notes.md`
    rest = item.raw.split(":", 1)[1].strip(" *_")
    code = sum(len(match) for match in _INLINE_CODE_RE.findall(rest))
    return bool(rest) and code * 2 >= len(rest)


def _move_groups_to_step_notes(draft: Draft, matches: Callable[[Draft], bool], name: str) -> None:
    """Groups of entries under a step for which `matches` holds become that step's notes."""

    def is_group(child: Draft, _parent: Draft) -> bool:
        return (
            child.kind in (HEADING, PSEUDO)
            and any(c.kind == ITEM for c in child.children)
            and not holds_task(child)
            and not any(c.kind in (HEADING, PSEUDO) for c in child.children)
            and matches(child)
        )

    def to_step(group: Draft, step: Draft) -> None:
        step.notes.append(section_text(group))
        for inner in walk(group):
            fired(name, inner.line, "note")

    pull_sections(draft, is_group, to_step)


def _shows_examples(group: Draft) -> bool:
    entries = [c for c in group.children if c.kind == ITEM]
    return bool(_EXAMPLES_RE.match(plain_label(group.title).rstrip(":："))) or (
        len(entries) >= 2 and all(_shows_code(entry) for entry in entries)
    )


@rule("example-group")
def examples_to_notes(draft: Draft) -> None:
    """A group of examples ("**Language-specific examples:**", "Beispiele", "示例"), or of
    entries that each show or explain a line of code ("- **Python:** `print()`", "- `#`:
    starts a comment"), illustrates the step it stands in: it becomes that step's notes,
    not items to tick. So is a group whose entries are labelled by the same names as in two
    more groups ("**Python:** …", "**JavaScript:** …", "**C#:** …" in every week): a side
    by side comparison, repeated for each step."""
    repeated = _repeated_label_sets(draft)
    _move_groups_to_step_notes(
        draft,
        lambda group: (
            _shows_examples(group)
            # a bold group inside a step ("**Syntax:**"), never a step's own section: "## Day 1"
            # with "Theory:", "Task:" entries like every other day is the plan itself
            or (
                group.kind == PSEUDO
                and _entry_labels(group) in repeated
                # "**Week 2 — Flexbox**" › "Concept:", "Lab:", "Mini-project:" like every
                # other week: the weeks are the plan, their entries its steps
                and not opens_a_part(group.text or group.title)
            )
        ),
        "example-group",
    )


MIN_REPEATED_GROUPS = 3


_CALENDAR_LABEL_RE = re.compile(
    r"^(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?"
    r"|lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta"
    r"|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi"
    r"|vendredi|samedi|dimanche|周[一二三四五六日天]|星期[一二三四五六日天]|[月火水木金土日]曜日?"
    rf"|[월화수목금토일]요일|weekends?|morning|afternoon|evening|{MONTH_NAMES})$",
    re.I,
)


def _entry_labels(group: Draft) -> frozenset[str] | None:
    """The labels of a group's entries ("Python", "JavaScript"), when every entry has one."""
    entries = [c for c in group.children if c.kind == ITEM and not c.children]
    if len(entries) < 2 or len(entries) != len(group.children):
        return None
    labels = []
    for entry in entries:
        split = _LABEL_RE.match(strip_decorations(entry.text).replace("**", ""))
        if not split:
            return None
        label = split.group(1)
        if any(ch.isdigit() for ch in label) or _CALENDAR_LABEL_RE.match(plain_label(label)):
            return None  # "Semana 1:", "Week 2:", "Monday:": a plan's slots, not names compared
        labels.append(plain_label(label))
    return frozenset(labels) if len(set(labels)) == len(labels) else None


def _repeated_label_sets(root: Draft) -> set[frozenset[str]]:
    counts: dict[frozenset[str], int] = {}
    for group in walk(root):
        if group.kind in (PSEUDO, ITEM) and (labels := _entry_labels(group)):
            counts[labels] = counts.get(labels, 0) + 1
    return {labels for labels, count in counts.items() if count >= MIN_REPEATED_GROUPS}


_LABEL_RE = re.compile(r"^\s*([^:：]{1,30}?)\s*[:：]\s*\S")


_SELF_CHECK_RE = re.compile(
    r"^(?:self[- ]?(?:assessment|check|evaluation|test|quiz)|check your (?:understanding|knowledge)"
    r"|review questions|reflection(?: questions)?|questions to (?:ask yourself|reflect on)"
    r"|retro(?:spective)? (?:questions|prompts)|autoevaluaci[óo]n|autoavalia[çc][ãa]o"
    r"|auto-?[ée]valuation|selbsttest|selbstkontrolle|自测|自我检测|自我评估|自检|セルフチェック"
    r"|振り返り|자기 ?평가|자가 ?점검)$"
)


def _asks_the_learner(group: Draft) -> bool:
    title = plain_label(group.title).rstrip(":：")
    if _SELF_CHECK_RE.match(title):
        return True
    # "**Phase 1 Reflection**:" over "- What was the hardest concept?": questions to answer
    entries = [c for c in group.children if c.kind == ITEM]
    asked = [c for c in entries if not c.is_task and _asks(c.text)]
    return (
        bool(_REFLECTION_RE.search(title))
        and len(entries) >= 2
        and len(entries) == len(group.children)
        and len(asked) * 10 >= len(entries) * 6
    )


_REFLECTION_RE = re.compile(
    r"\b(?:reflections?|reflect|retrospective|review questions|questions|reflexión|reflexão"
    r"|preguntas|perguntas|fragen)\b|振り返り|反思|复盘|회고|질문",
    re.I,
)


@rule("self-check")
def self_checks_to_notes(draft: Draft) -> None:
    """Self-assessment questions ("**Autoevaluacion:** 1. What is the difference between a
    class and an object?") are for the learner to answer, not steps to tick: they become the
    step's notes. Boxes the author wrote stay items."""
    _move_groups_to_step_notes(draft, _asks_the_learner, "self-check")


# "Project 3: Chat app", "Mini-project – Budget CLI", "Proyecto final", "项目2：博客"
_PROJECT_TITLE_RE = re.compile(
    r"^(?:(?:mini|capstone|final|side|portfolio|guided|practice)[- ]?)?(?:project|projet"
    r"|proyecto|projeto|projekt|progetto|проект|项目|專案|项目实战|プロジェクト|프로젝트)(?![a-z])"
    r"|(?:project|projet|proyecto|projeto|projekt)$",
    re.I,
)
# What describes a project beside its name: hints, extensions, the concepts it teaches.
_PROJECT_FACET_RE = re.compile(
    r"^(?:key |implementation |debug(?:ging)? |pro |bonus |optional |possible |suggested )?"
    r"(?:hints?|tips?|extensions?|stretch goals?|features?|requirements?|ideas?|challenges?"
    r"|concepts?(?: (?:you(?:'|’)ll|you will|to) (?:learn|practice|use))?|learning tags"
    r"|what you(?:'|’)ll (?:build|learn|practice)|tech(?:nologies| stack)?|specs?"
    r"|pistas?|consejos|dicas|extensiones|extensões|conceptos(?: clave)?|conceitos(?:-chave)?"
    r"|提示|扩展|知识点|技术栈|ヒント|拡張|학습 포인트|힌트|확장)$"
)
MIN_PROJECT_FACETS = 1


def _describes_project(group: Draft) -> bool:
    label = plain_label(group.title).rstrip(":：")
    return is_facet_title(label) or bool(_PROJECT_FACET_RE.match(label.casefold()))


def _is_project_card(step: Draft) -> bool:
    """ "### Project 1: CLI Calculator" whose body is only labelled groups of what describes
    it ("Key concepts you'll learn", "Implementation hints", "Extensions")."""
    title = plain_label(step.text or step.title)
    if step.kind not in (HEADING, PSEUDO, ITEM) or not _PROJECT_TITLE_RE.match(title):
        return False
    groups = [c for c in step.children if c.kind in (HEADING, PSEUDO)]
    if len(groups) < MIN_PROJECT_FACETS or len(groups) != len(step.children):
        return False
    return all(
        _describes_project(group)
        and not any(inner.is_task for inner in walk(group))
        and not any(c.kind in (HEADING, PSEUDO) for c in group.children)
        for group in groups
    )


@rule("project-card")
def project_cards_to_steps(draft: Draft) -> None:
    """A project described by labelled groups ("### Project 2: To-do app" › "**Key concepts
    you'll learn:**", "**Implementation hints:**", "**Extensions:**", each a list) is one
    step, the project to build: the groups describe it and become its notes. A project
    whose list is its own steps ("- Set up the repo", "- Add tests"), or that holds a group
    not describing it ("**Steps:**"), keeps them as items."""
    for step in walk(draft):
        if _is_project_card(step):
            fold_into_notes(step, "project-card")


def fold_into_notes(step: Draft, rule_name: str) -> None:
    """Everything under `step` describes it: its entries and groups become its notes, and
    it is one step."""
    for child in step.children:
        step.notes.append(section_text(child))
        for inner in walk(child):
            fired(rule_name, inner.line, "note")
    step.children = []


def is_intro_title(title: str) -> bool:
    return section_role(title) == INTRO


_GENERIC_SUMMARY_RE = re.compile(
    r"^(?:click(?: here)? to (?:expand|show|open|see|view|reveal)(?: \w+){0,3}|toggle(?: \w+){0,2}"
    r"|expand(?: \w+){0,2}|show(?: \w+){0,2}|details|more|see more|read more|view more|open|spoiler"
    r"|展开|点击展开|點擊展開|点击查看|展開|詳細|詳細を見る|クリックして展開|ver más"
    r"|mostrar(?: más)?|haz clic(?: \w+){0,4}|clique(?: \w+){0,4}|펼치기|더 보기)$"
)


def is_generic_summary(title: str) -> bool:
    return bool(_GENERIC_SUMMARY_RE.match(plain_label(title)))


def anchor_of(text: str) -> str:
    """The in-page anchor a page builder gives a heading: "Chapter 1: Getting Started" →
    "chapter-1-getting-started" (GitHub's way: lower case, punctuation out, spaces to "-")."""
    visible = strip_decorations(remove_controls(text)).strip().casefold()
    return re.sub(r"[^\w\- ]", "", visible).replace(" ", "-")


def _linked_boxes(root: Draft) -> dict[str, Draft]:
    """Each anchor a task box links to ("- [x] [Chapter 1](#chapter-1-getting-started)")."""
    boxes: dict[str, Draft] = {}
    for draft in walk(root):
        if draft.kind == ITEM and draft.is_task:
            for _, href in draft.links:
                if href.startswith("#") and len(href) > 1:
                    boxes.setdefault(unquote(href[1:]).casefold(), draft)
    return boxes


MIN_LINKED_NOTES = 2


@rule("linked-notes")
def linked_notes_to_boxes(root: Draft) -> None:
    """A checklist whose boxes link into the page ("- [x] [Chapter 1: Getting
    Started](#chapter-1-getting-started)") over sections of prose by those names (what the
    learner wrote about each chapter): each section is its box's notes, not one more step.
    A section that lists steps of its own stays, and so does any section when fewer than
    two boxes find theirs."""
    boxes = _linked_boxes(root)
    if len(boxes) < MIN_LINKED_NOTES:
        return
    found = [
        (parent, child, box)
        for parent in walk(root)
        for child in parent.children
        if child.kind == HEADING
        and (box := boxes.get(anchor_of(child.text or child.title))) is not None
        and not any(d.kind in (ITEM, ROW) for d in walk(child) if d is not child)
    ]
    if len(found) < MIN_LINKED_NOTES:
        return
    for parent, section, box in found:
        prose = section_text(section).split("\n\n", 1)[1:]  # without its name
        box.notes.extend(prose)
        parent.children.remove(section)
        for inner in walk(section):
            fired("linked-notes", inner.line, "note", f"notes of line {box.line}")


@rule("transparent-details")
def open_generic_details(draft: Draft) -> None:
    """A `<details>` whose summary names nothing ("Click to expand", "Toggle section",
    "展开") only hides its content: what it holds belongs where the group stands."""
    kept: list[Draft] = []
    for child in draft.children:
        open_generic_details(child)
        if child.kind == DETAILS and child.title and is_generic_summary(child.title):
            fired("transparent-details", child.line, "dropped", child.title)
            kept.extend(child.children)
            draft.notes.extend(child.notes)
            draft.resources.extend(child.resources)
            continue
        kept.append(child)
    draft.children = kept


@rule("empty-details")
def drop_empty_details(draft: Draft) -> None:
    """A `<details>` fold with nothing to read inside ("Day 1 - Screenshot" over an image
    alone) shows a picture of the work, beside the entries it illustrates: no step."""
    kept: list[Draft] = []
    for child in draft.children:
        drop_empty_details(child)
        if (
            child.kind == DETAILS
            and not child.children
            and not child.notes
            and not child.resources
            and not child.is_task
        ):
            fired("empty-details", child.line, "dropped", child.title)
            continue
        kept.append(child)
    draft.children = kept


_SLOT_LABEL_RE = re.compile(r"^[^:：–—|]{1,24}?\s*[:：–—|]\s*(?=\S)")


def named_sections(root: Draft) -> list[tuple[Draft, str]]:
    """Each section with its name, with the name after its slot or numbering label ("Week
    1: Git" is named "week 1 git" and "git"), and without an aside in brackets ("HTML+CSS
    (~ 10 homeworks)" is also "html+css")."""
    named: list[tuple[Draft, str]] = []
    for d in walk(root):
        if d.kind not in (HEADING, PSEUDO, DETAILS) or not d.title:
            continue
        bare = _PAREN_RE.sub(" ", d.title)
        for name in {
            plain_label(d.title),
            plain_label(_SLOT_LABEL_RE.sub("", d.title, count=1)),
            plain_label(bare),
        }:
            if name:
                named.append((d, name))
    return named


_RECAP_RE = re.compile(
    r"\b(?:timeline|summary|overview|schedule|recap|at a glance|roadmap|plan|structure|outline"
    r"|curriculum|syllabus|learning path|study path|path|programme|program|journey|guide|route"
    r"|checkpoints?|deliverables?|milestones?|cronograma|resumen|temario|plan de estudios"
    r"|entregables|zeitplan|überblick|übersicht|lộ trình|kế hoạch|rencana belajar"
    r"|yol haritası|дорожная карта|учебный план|план обучения|piano di studio)\b"
    # no word boundaries inside CJK text: "总览路线" holds "路线"
    r"|时间线|时间表|总览|概览|路线|计划|检查点|交付|里程碑|スケジュール|概要|ロードマップ"
    r"|カリキュラム|マイルストーン|일정|로드맵|체크포인트"
)


def _names_a_section(item: Draft, sections: list[tuple[Draft, str]], parent: Draft) -> bool:
    """The entry starts with the name of another section ("Fundamentals is optional…")."""
    key = f"{plain_label(item.title)} "
    return any(
        section is not parent and _long_enough(name) and key.startswith(f"{name} ")
        for section, name in sections
    )


def _long_enough(name: str) -> bool:
    """Three letters at least to name a section by, or two ideographs ("其他", "基础")."""
    return len(name) >= 3 or (len(name) == 2 and all(_CJK_RE.match(c) for c in name))


# "Milestones achieved: - [ ] Completed Phase 1 - Foundation": boxes that restate the phases.
_MILESTONES_RE = re.compile(
    r"^(?:milestones?(?: achieved| reached)?|checkpoints?|progress checkpoints?|achievements?"
    r"|(?:my |overall |course |learning )?progress(?: tracker| tracking| overview)?"
    r"|progreso|progresso|fortschritt|progrès|прогресс|进度|学习进度|進捗|진도|진행 상황"
    r"|里程碑|マイルストーン|hitos)$"
)


_PLACE_RE = re.compile(
    r"\b(phase|stage|step|part|module|week|month|level|unit|chapter|fase|etapa|semana|módulo"
    r"|modulo|woche|étape)\s*(\d{1,3})\b",
    re.I,
)


_CJK_PLACE_RE = re.compile(
    r"第\s*(\d{1,3})\s*(周|週|天|日|阶段|階段|章|课|課|月|个月|部分)|(\d{1,3})\s*(주차|일차|단계)"
)


def _places(text: str) -> set[tuple[str, str]]:
    """ "Phase 2", "Semana 3", "第 1 周", "3주차": a place in the plan, as (unit, number)."""
    places = {(word.casefold(), number) for word, number in _PLACE_RE.findall(text)}
    for match in _CJK_PLACE_RE.finditer(text):
        number, unit = (match[1], match[2]) if match[1] else (match[3], match[4])
        places.add((unit, number))
    return places


def _shares_a_place(item: Draft, sections: list[tuple[Draft, str]], parent: Draft) -> bool:
    """ "Week 1: basics" in a list while "### Week 1 (Basics)" is a section."""
    places = _places(item.text)
    return bool(places) and any(
        section is not parent and bool(places & _places(section.text)) for section, _ in sections
    )


def _mentions_a_section(item: Draft, sections: list[tuple[Draft, str]], parent: Draft) -> bool:
    """The entry names a section, or its place ("Completed Phase 2 - Modern Frontend" for
    "Phase 2: Modern Frontend Development")."""
    key = f" {plain_label(item.title)} "
    places = _places(item.text)
    return any(
        section is not parent
        and ((len(name) >= 4 and f" {name} " in key) or bool(places & _places(section.text)))
        for section, name in sections
    )


def _comes_first(items: list[Draft], sections: list[tuple[Draft, str]], parent: Draft) -> bool:
    """The list stands before the sections it names (an overview at the top; an
    introduction or a prerequisites section may come before it)."""
    first = items[0].line or 0
    named = [
        section
        for section, name in sections
        if section is not parent
        and any(
            _names_a_section(item, [(section, name)], parent)
            or _shares_a_place(item, [(section, name)], parent)
            for item in items
        )
    ]
    return bool(named) and all((section.line or 0) > first for section in named)


@rule("overview-list")
def overviews_to_notes(root: Draft, notes: list[str]) -> None:
    """A list whose entries name the sections of the document ("1. **Fundamentals** is
    optional…" above a "Fundamentals" section, a closing timeline restating the phases, or
    "Milestones" boxes like "Completed Phase 1 - Foundation") is an overview: it is read as
    text, and the sections keep their items. A tick in it ("- [x] **Day 1**: Variables")
    passes to the section it names."""
    sections = named_sections(root)
    if len(sections) < 2:
        return
    holders = [root, *(d for d in root.children if d.kind in (HEADING, PSEUDO))]
    # a wrapper's own section named as an overview ("## The plan" › "### Schedule" › the
    # list, then "### Curriculum" › a section per entry)
    holders += [
        d
        for top in root.children
        if top.kind in (HEADING, PSEUDO)
        for d in top.children
        if d.kind in (HEADING, PSEUDO) and _RECAP_RE.search(plain_label(d.title))
    ]
    # an introduction's own sub-sections ("# Introduction" › "### Technologies" › the list)
    holders += [
        d
        for top in root.children
        if top.kind in (HEADING, PSEUDO) and is_intro_title(top.title)
        for d in walk(top)
        if d is not top and d.kind in (HEADING, PSEUDO)
    ]
    for parent in holders:
        items = [c for c in parent.children if c.kind == ITEM]
        milestones = parent is not root and bool(_MILESTONES_RE.match(plain_label(parent.title)))
        # boxes the author ticks are work; a mark beside a section's name ("Calculus ✅")
        # only shows how far along it is
        boxed = any(written_box(item) for item in items)
        if len(items) < 2 or (boxed and not milestones):
            continue
        allowed_misses = len(items) * 3 // 10
        misses = 0
        for item in items:
            named = (
                _names_a_section(item, sections, parent)
                or _shares_a_place(item, sections, parent)
                or (milestones and _mentions_a_section(item, sections, parent))
            )
            if not named:
                misses += 1
                if misses > allowed_misses:
                    break  # not an overview; stop early on long lists
        if misses > allowed_misses:
            continue
        recap = milestones or (
            parent is not root and bool(_RECAP_RE.search(plain_label(parent.title)))
        )
        if not (recap or _comes_first(items, sections, parent)):
            continue
        notes.append("\n".join(f"- {item.raw or item.title}" for item in items))
        carry_ticks(items, sections, parent)
        for item in items:
            fired("overview-list", item.line, "note")
            for inner in walk(item):
                fired("overview-list", inner.line, "note")
        parent.children = [c for c in parent.children if c.kind != ITEM]
        if parent is not root and not parent.children:
            notes[-1] = section_text(parent) + "\n\n" + notes[-1]
            _drop_emptied(root, parent, notes)


_PERCENT_RE = re.compile(r"\b\d{1,3}\s*%")
_COUNT_CELL_RE = re.compile(r"^\s*(\d{1,2})\s*$")
MIN_BOARD_ROWS = 2


def _row_count(row: Draft) -> int | None:
    """The number in a table row's first cell ("| 2 | 🚧 70% | …|" → 2), or None."""
    if len(row.cells) < 2:
        return None  # the count is not the row's only cell: that would be its name
    match = _COUNT_CELL_RE.match(row.cells[0])
    return int(match[1]) if match else None


def _ticked(draft: Draft) -> bool:
    """Ticked in a box, or marked done by a word or a glyph."""
    return (draft.marker or "").lower() == "x" or draft.said == "x" or draft.glyph == "x"


def _row_stated(row: Draft) -> bool:
    return row.marker not in (None, " ") or row.said is not None or row.glyph is not None


@rule("status-board")
def status_boards_to_notes(root: Draft, notes: list[str]) -> None:
    """A table whose rows only count the plan's parts ("| 1 | ✅ 100% | Flex and Grid |",
    "| 2 | 🚧 70% | … |"), each with a state and some with how far in percent, beside
    sections that are those parts ("第一周", "第二周", "Week 3") in the same order, is a board
    of how far each part is: progress, not more steps. Its rows go to the text, and a done
    row's tick passes to the part it counts, so no tick is lost. A table of parts that are
    not also sections is the plan itself; states with no figure may be steps of their own."""
    parts = [
        d for d in walk(root) if d.kind in (HEADING, PSEUDO) and opens_a_part(d.text or d.title)
    ]
    if len(parts) < MIN_BOARD_ROWS:
        return
    for parent in list(walk(root)):
        rows = [c for c in parent.children if c.kind in (ITEM, ROW)]
        if len(rows) < MIN_BOARD_ROWS or any(r.table is None or r.children for r in rows):
            continue
        if len({r.table for r in rows}) != 1 or not any(_row_stated(r) for r in rows):
            continue
        if not any(_PERCENT_RE.search(cell) for r in rows for cell in r.cells):
            continue  # states alone may be steps of their own; "✅ 100%" measures a part
        counts = [_row_count(r) for r in rows]
        if counts != list(range(1, len(rows) + 1)):
            continue
        inside = {id(d) for d in walk(parent)}
        peers = [d for d in parts if id(d) not in inside]
        level = min((d.level for d in peers), default=0)
        counted = [d for d in peers if d.level == level]
        if len(counted) < len(rows) or parent in walk(counted[0]):
            continue
        notes.append("\n".join(f"- {' | '.join(row.cells)}" for row in rows))
        for row, part in zip(rows, counted, strict=False):
            fired("status-board", row.line, "note")
            if _ticked(row) and part.said is None and part.marker is None:
                part.said = "x"
                fired("status-board", part.line, "phase", f"[x] from line {row.line}")
        parent.children = [c for c in parent.children if c not in rows]
        if parent is not root and not parent.children:
            notes[-1] = section_text(parent) + "\n\n" + notes[-1]
            _drop_emptied(root, parent, notes)


def carry_ticks(items: list[Draft], sections: list[tuple[Draft, str]], parent: Draft) -> None:
    """ "## Progress" › "- [x] **Day 1**: Variables" over the "### Day 1: Variables" section:
    the overview goes to the text, but its tick says the day is done; it is carried to the
    section it names (by its place, "Day 1", else by its name), so no tick is lost."""
    for item in items:
        if (item.marker or "").lower() != "x" and item.said != "x":
            continue
        places = _places(item.text)
        named = [
            section
            for section, name in sections
            if section is not parent
            and (
                (places and places & _places(section.text))
                or (not places and _names_a_section(item, [(section, name)], parent))
            )
        ]
        if named and named[0].said is None and named[0].marker is None:
            named[0].said = "x"
            fired("overview-list", named[0].line, "phase", "[x] from the overview")


# "Phase 2", "Week 3", "Módulo 4": a part of the plan named by its place in it.
_PART_PLACE_RE = re.compile(
    r"\b(?:phase|stage|step|part|module|level|unit|week|month|sprint|milestone|fase|etapa"
    r"|semana|m[óo]dulo|woche|semaine|[ée]tape)\s+(?:\d{1,3}|[ivx]{1,4})\b",
    re.I,
)
MIN_ORDER_ENTRIES = 3
ORDER_ENTRY_SHARE = 0.7


def _part_places(root: Draft) -> set[str]:
    """The places the plan's parts and steps are named by ("phase 2" for "Phase 2: APIs")."""
    places = set()
    for draft in walk(root):
        match = _PART_PLACE_RE.match(strip_decorations(draft.text or draft.title))
        if match:
            places.add(" ".join(match.group(0).casefold().split()))
    return places


def _refers_to_a_part(entry: Draft, places: set[str]) -> bool:
    """A sentence that mentions a part named elsewhere, without being that part itself."""
    title = strip_decorations(entry.text or entry.title)
    if _PART_PLACE_RE.match(title) or not (_is_sentence(entry) or len(title.split()) >= 6):
        return False
    return any(
        " ".join(match.group(0).casefold().split()) in places
        for match in _PART_PLACE_RE.finditer(title)
    )


@rule("order-advice")
def order_advice_to_notes(root: Draft, notes: list[str]) -> None:
    """A list of sentences that each speak of parts the plan names elsewhere ("1. Finish
    enough of Phase 1 that you can debug small programs.", "2. Do Phase 2 before any
    framework.") says how to go through the plan: advice for the roadmap's note, not more
    steps. Entries that are those parts ("Phase 2: APIs") stay steps."""
    places = _part_places(root)
    if not places:
        return
    for parent in list(walk(root)):
        items = [c for c in parent.children if c.kind == ITEM]
        if len(items) < MIN_ORDER_ENTRIES or any(i.children or i.is_task for i in items):
            continue
        referring = sum(1 for item in items if _refers_to_a_part(item, places))
        if referring < ORDER_ENTRY_SHARE * len(items):
            continue
        notes.append("\n".join(f"- {item.raw or item.title}" for item in items))
        for item in items:
            fired("order-advice", item.line, "note")
        parent.children = [c for c in parent.children if c.kind != ITEM]
        if parent is not root and not parent.children:
            notes[-1] = section_text(parent) + "\n\n" + notes[-1]
            _drop_emptied(root, parent, notes)


def _drop_emptied(root: Draft, emptied: Draft, notes: list[str]) -> None:
    """Take out a section the overview emptied, and the sections it leaves empty above it
    (an introduction with nothing else to study)."""
    for parent in walk(root):
        if emptied in parent.children:
            parent.children = [c for c in parent.children if c is not emptied]
            if (
                parent is not root
                and parent.kind in (HEADING, PSEUDO)
                and not any(d.kind in (ITEM, ROW) for d in walk(parent) if d is not parent)
            ):
                notes.append(section_text(parent))
                _drop_emptied(root, parent, notes)
            return


@rule("wrapper-section")
def open_wrapper(root: Draft) -> None:
    """A section that holds the numbered phases ("## Weekly Timeline Summary" over "### Phase
    1…", "### Phase 2…") while its siblings hold none is a wrapper, not the one phase: its
    sections take its place (numbered lines with nothing under them, "🔹 Week 4: Docker",
    are its steps, and leave it as it is). Sections named as stages ("Phase 1", "Fase 2",
    "基础阶段") say so whatever the wrapper is called ("Learning Phases", "Semester Goals"),
    when no part beside it is numbered or named as a stage."""

    def ordered(d: Draft) -> list[Draft]:
        # "🔹 Week 4: Containers" alone on its line, with nothing under it, is a step
        return [
            c
            for c in d.children
            if c.kind in (HEADING, PSEUDO, DETAILS) and c.numbered and (c.children or c.notes)
        ]

    wrapper = _stage_wrapper(root) or _plan_wrapper(root, ordered)
    if wrapper is None:
        return
    at = root.children.index(wrapper)
    fired("wrapper-section", wrapper.line, "dropped", wrapper.title)
    root.children[at : at + 1] = wrapper.children
    root.notes.extend(wrapper.notes)
    root.resources.extend(wrapper.resources)


def _plan_wrapper(root: Draft, ordered: Callable[[Draft], list[Draft]]) -> Draft | None:
    candidates = [
        d
        for d in root.children
        if d.kind in (HEADING, PSEUDO) and not d.numbered and not d.is_task and len(ordered(d)) >= 2
    ]
    if len(candidates) != 1:
        return None
    wrapper = candidates[0]
    if any(ordered(d) for d in root.children if d is not wrapper):
        return None
    if not _RECAP_RE.search(plain_label(wrapper.title)):
        return None  # only a name that says "the plan" ("Timeline", "Roadmap", "Curriculum")
    inside = sum(1 for d in walk(wrapper) if d.kind in (ITEM, ROW))
    everywhere = sum(1 for d in walk(root) if d.kind in (ITEM, ROW))
    if inside * 10 < everywhere * 6:
        return None  # most of the study is elsewhere: the wrapper is one part among others
    return wrapper


MIN_WRAPPED_STAGES = 3
# "算法学习阶段", "基礎段階", "기초 단계": a stage named by what it covers.
_STAGE_SUFFIX_RE = re.compile(r"(?:阶段|階段|段階|단계)$")


def _names_a_stage(title: str) -> bool:
    return has_stage_word(title) or bool(_STAGE_SUFFIX_RE.search(plain_label(title)))


def _stage_wrapper(root: Draft) -> Draft | None:
    """The one top section holding three or more sections named as stages, when no other
    top section holds any, and none named with its first word holds steps of its own
    ("Tầng SPRINT" beside "Tầng NỀN TẢNG": two tiers side by side)."""

    def stages(d: Draft) -> list[Draft]:
        return [
            c
            for c in d.children
            if c.kind in (HEADING, PSEUDO, DETAILS)
            and _names_a_stage(c.text or c.title)
            and c.children
        ]

    held = [d for d in root.children if d.kind in (HEADING, PSEUDO) and stages(d)]
    if len(held) != 1:
        return None
    wrapper = held[0]
    if wrapper.is_task or len(stages(wrapper)) < MIN_WRAPPED_STAGES:
        return None
    if any(
        d.numbered or _names_a_stage(d.text or d.title) or series_word(d.text or d.title)
        for d in root.children
        if d.kind in (HEADING, PSEUDO)
    ):
        return None  # "## Phase 1" beside it, or "Bloque 2" among blocks: parts of their own
    if _has_a_peer(wrapper, root):
        return None  # "Tầng SPRINT" beside "Tầng NỀN TẢNG": two tiers of the plan
    inside = sum(1 for d in walk(wrapper) if d.kind in (ITEM, ROW))
    everywhere = sum(1 for d in walk(root) if d.kind in (ITEM, ROW))
    if inside * 10 < everywhere * 6:
        return None  # most of the study is elsewhere: the wrapper is one part among others
    return wrapper


def _has_a_peer(section: Draft, root: Draft) -> bool:
    """Another top section named with the same first word ("Tier SPRINT", "Tier BASICS")
    that holds steps of its own: the two are parts side by side."""
    words = plain_label(section.title).split()
    if not words:
        return False
    return any(
        d is not section
        and d.kind in (HEADING, PSEUDO)
        and plain_label(d.title).split()[:1] == words[:1]
        and any(x.kind in (ITEM, ROW) for x in walk(d))
        for d in root.children
    )


# "Parcours 4", "Bloque 2: Matemáticas", "Track 3": a word and a number, whatever the
# language: a part in a series.
_SERIES_NAME_RE = re.compile(r"^([^\W\d_]+)\s+(?:\d{1,3}|[ivx]{1,4})\b", re.I)


def series_word(title: str) -> str:
    """ "Parcours 4: Métier" → "parcours"; "" when the name holds no word and number."""
    match = _SERIES_NAME_RE.match(plain_label(title))
    return match.group(1).casefold() if match else ""


# An entry that talks to the reader about the repository itself, not about the subject.
_REPO_CHATTER_RE = re.compile(
    r"\b(?:(?:send|submit|make|open) (?:a |your |us a )?pull requests?"
    r"|pull requests? (?:are )?welcome|open an issue"
    r"|raise (?:an|any) (?:genuine )?issues?|file an issue"
    r"|star (?:this|the) (?:repo|repository|project)|give (?:it|this|us|the repo) a star"
    r"|fork (?:this|the) (?:repo|repository)|become a sponsor|sponsor (?:this|me|us|the)"
    r"|buy me a coffee|feel free to|please (?:check|consider|star|share|note|see|read|raise)"
    r"|delete me|comment me out|subscribe to (?:my|our|the)|join (?:our|the) (?:discord|slack"
    r"|telegram|community)|(?:this|the) (?:repo|repository|readme|list) (?:is|was|will|has)"
    r"|if you (?:like|find|enjoy) (?:this|the) (?:repo|repository|list|project|guide))\b"
    r"|^(?:hearty |special |many |big |huge )?thanks\b|^thank you\b",
    re.I,
)


# A question put to the reader ("Would you like courses for each step?", "Ce plan te motive ?",
# "¿Quieres que…?", "需要我…吗？"): the assistant's offer at the end of a chat answer.
_OFFERS = (
    r"^(?:would you|do you want|want me|shall i|should i|can i|may i|need (?:more|any)"
    r"|any questions|tu veux|veux-tu|voulez-vous|quieres|¿|quer que|você quer|gostaria"
    r"|möchtest du|willst du|soll ich|需要我|要不要|是否需要)"
)
_OFFER_RE = re.compile(_OFFERS, re.I)
_TO_THE_READER_RE = re.compile(
    r"^(?:would you|do you|want me|shall i|should i|can i|may i|need (?:more|any)|any questions"
    r"|tu veux|veux-tu|voulez-vous|ce plan te|ça te|quieres|¿|quer que|você quer|gostaria"
    r"|möchtest du|willst du|soll ich|需要我|要不要|你想|您想|是否需要|如果你|如果您)"
    r"|\b(?:you|your|te|tu|vous|du|dich|dir|você)\b.*[?？]\s*$",
    re.I,
)


def asks_the_reader(text: str, *, offers_only: bool = False) -> bool:
    """A question addressed to the reader, not a topic phrased as a question ("What is
    HTTP?"). `offers_only`: only an offer ("Would you like…?"), not a question on the
    learner's own work ("What did you enjoy most?")."""
    text = strip_decorations(text).replace("**", "").replace("__", "").strip(" *_🚀💡👉")
    if not text.endswith(("?", "？")):
        return False
    pattern = _OFFER_RE if offers_only else _TO_THE_READER_RE
    return bool(pattern.search(text))


@rule("repo-chatter")
def drop_repo_chatter(draft: Draft, notes: list[str]) -> None:
    """An entry that talks to the reader about the repository ("Please check NOTES…", "Feel
    free to open an issue", "Become a Sponsor", "(delete me)") or asks the reader a question
    ("Would you like courses for each step?") is not study: it moves into
    the roadmap note. An entry the author wrote as a task box, or one such step among
    many that are not ("Fork this repo and start your log" in ten steps to join), stays."""
    kept: list[Draft] = []
    entries = [c for c in draft.children if c.kind == ITEM]
    chatter = {id(c) for c in entries if _REPO_CHATTER_RE.search(c.text)}
    # "##### (delete me or comment me out)" over a template's example day: a heading too
    chatter |= {
        id(c)
        for c in draft.children
        if c.kind in (HEADING, PSEUDO) and not c.children and _REPO_CHATTER_RE.search(c.text)
    }
    if entries and asks_the_reader(entries[-1].text, offers_only=True):
        chatter.add(id(entries[-1]))  # the closing offer of a chat answer
    # "2. Fork this repo and commit to the log" among ten steps to take: a step of the plan
    among_steps = len(entries) >= 6 and len(chatter) * 4 <= len(entries)
    for child in draft.children:
        drop_repo_chatter(child, notes)
        if (
            child.kind in (ITEM, HEADING, PSEUDO)
            and not child.is_task
            and not child.children
            and id(child) in chatter
            and not among_steps
        ):
            fired("repo-chatter", child.line, "note")
            notes.append(child.raw or child.text)
            continue
        kept.append(child)
    draft.children = kept


# "I can:", "If you want, I can also:", "Puedo:", "我还可以：": the assistant lists what it
# could do next.
# "If you want," in the languages answers come in: the offer that opens the sentence.
IF_YOU_WANT = (
    r"si (?:quieres|lo deseas|te sirve|prefieres)|se (?:quiser|preferir|vuoi|desejar)"
    r"|wenn du (?:willst|möchtest)|wenn sie (?:wollen|möchten)|si tu (?:veux|le souhaites)"
    r"|si vous (?:voulez|le souhaitez)|если (?:хочешь|хотите)|jeśli chcesz|istersen"
    r"|kalau mau|jika (?:kamu|anda) mau|nếu bạn muốn|如果你(?:愿意|需要|想)|需要的话|如果需要"
    r"|必要であれば|ご希望であれば|원하시면|원한다면"
)
_I_CAN_RE = re.compile(
    rf"^(?:(?:if you(?:['’]d)? (?:want|like|need)|{IF_YOU_WANT})\b[^:：]*?[,，、]?\s*)?"
    r"(?:i can(?: also)?(?: help)?|i could(?: also)?|i['’]d be happy to|i['’]m happy to"
    r"|next,? i can"
    r"|(?:yo )?(?:también )?puedo|podría|je peux|je pourrais|(?:eu )?(?:também )?posso"
    r"|ich kann|kann ich|posso|potrei|я могу|могу|mogę|yapabilirim|saya bisa|tôi có thể)\b"
    rf"|^(?:{IF_YOU_WANT})?[,，、\s]*(?:我可以|我还可以|我也可以|可以帮你|제가)",
    re.I,
)


# The assistant addressing the reader at the end of its answer.
_CLOSER_START = (
    r"^(?:tell me when|let me know (?:if|when|what|how)|feel free to (?:ask|reach)|want me to"
    r"|shall (?:we|i)|should i|would you like me to|just (?:say|ask|tell me)|ping me"
    r"|avísame|dime cuando|me avisa|me diga|dis-moi|sag mir|告诉我|需要的话|随时告诉我"
    r"|教えてください|알려 ?주세요)\b"
)
_CHAT_CLOSER_RE = re.compile(
    _CLOSER_START
    + r"|\b(?:and )?we(?:'ll| will) (?:dive|go|start|get|work) (?:deep|into|through|on)\b",
    re.I,
)
# The closing words that can only open the assistant's line ("we'll dive into…" may be a
# course's own sentence, mid-entry).
_CLOSER_START_RE = re.compile(_CLOSER_START, re.I)


def offers_on_its_own_line(text: str) -> bool:
    """A line that opens with the assistant's offer ("Would you like me to turn this into a
    file?"), in English or as "if you want, I can" in another language."""
    text = strip_decorations(text).strip()
    return bool(_OFFER_RE.match(text) or _CLOSER_START_RE.match(text)) or offers_if_wanted(text)


def closes_the_chat(text: str) -> bool:
    """ "Would you like me to turn this into a file?", "Let me know if…": the assistant
    addressing the reader as its answer ends."""
    return bool(_CHAT_CLOSER_RE.search(strip_decorations(text)))


_IF_YOU_WANT_RE = re.compile(rf"^(?:{IF_YOU_WANT})", re.I)


def offers_if_wanted(text: str) -> bool:
    """ "Se quiser, posso…", "如果你愿意，我可以…": an offer opened by "if you want"."""
    return bool(_IF_YOU_WANT_RE.match(strip_decorations(text).strip())) and offers_help(text)


def offers_help(text: str) -> bool:
    """ "I can:", "If you want, I can also:": the assistant about to list what it could do."""
    return bool(_I_CAN_RE.match(strip_decorations(text).replace("**", "").strip(" :：")))


def _offers_help(group: Draft) -> bool:
    return (
        group.kind in (PSEUDO, ITEM)
        and not group.is_task
        and bool(group.children)
        and offers_help(group.title or group.text)
        and all(c.kind == ITEM and not holds_task(c) for c in group.children)
    )


_ASSISTANT_HELP_RE = re.compile(r"\bI (?:can|could) (?:also )?(?:help|do)\b", re.I)


@rule("assistant-offer")
def drop_assistant_offers(root: Draft, notes: list[str]) -> None:
    """The list a chat answer ends with to say what the assistant could do next ("I can:"
    over "Make a daily study timetable", "Suggest free courses") is not study: it moves into
    the roadmap note, with the question heading it leaves empty ("Want next?"). Only at the
    end of the document, or right under a chat sentence offering help ("If you want, I can
    also:"): an "I can:" list of skills inside the plan stays. So is the answer's last entry
    when it speaks to the reader ("Tell me when you're ready, and we'll dive in!")."""
    entries = [d for d in walk(root) if d.kind in (ITEM, ROW)]
    if not entries:
        return
    parents = {id(c): d for d in walk(root) for c in d.children}
    last = entries[-1]
    if (
        last.kind == ITEM
        and not last.children
        and not last.is_task
        and closes_the_chat(last.text)
        and id(last) in parents
    ):
        # "5. Tell me when you're ready, and we'll dive into each week together!": the chat
        # speaking as the answer's last entry, not a step
        parents[id(last)].children.remove(last)
        notes.append(last.raw or last.text)
        fired("assistant-offer", last.line, "note")
        entries.pop()
        if not entries:
            return
    closing = {id(entries[-1])}  # the last entry and every section it stands in
    at = entries[-1]
    while id(at) in parents:
        at = parents[id(at)]
        closing.add(id(at))

    def closes(section: Draft) -> bool:
        return id(section) in closing

    def is_offer(child: Draft, _parent: Draft) -> bool:
        if not closes(child):
            return False
        if _offers_help(child):
            return True
        return (
            child.kind in (HEADING, PSEUDO)
            and bool(child.children)
            and all(_offers_help(c) for c in child.children)
        )

    pull_sections(root, is_offer, _to_notes(notes, "assistant-offer"))
    # "## Want more?" left with nothing once its offer list went: the closing question, and
    # "## Extensions I can help with" over "If you'd like, I can:" and the offers
    end = list(walk(root))[-1]
    if (
        end.kind == HEADING
        and not end.children
        and (end.title.rstrip().endswith(("?", "？")) or _ASSISTANT_HELP_RE.search(end.title))
    ):
        pull_sections(
            root, lambda child, _parent: child is end, _to_notes(notes, "assistant-offer")
        )


# The author selling something beside the plan: a newsletter, a paid course, a channel.
_PROMOTION_RE = re.compile(
    r"\b(?:newsletter|subscribe|subscription|sign up (?:for|to) (?:my|our)|my (?:youtube )?channel"
    r"|my (?:paid |online )?(?:course|book|ebook|bootcamp|mentorship|coaching)|patreon|ko-fi"
    r"|substack|discount|coupon|promo code|affiliate|hire me|book a call|dm me)\b",
    re.I,
)


@rule("promotion-section")
def drop_promotions(draft: Draft, notes: list[str]) -> None:
    """A section whose own text sells something beside the plan ("I publish a newsletter…
    The themes covered are: …", "Check out my paid course") is the author's promotion, not
    study: it moves into the roadmap note, lists and all. Sections with task boxes stay."""

    def is_promotion(child: Draft, _parent: Draft) -> bool:
        return (
            child.kind in (HEADING, PSEUDO)
            and not child.numbered
            and bool(child.notes)
            and bool(_PROMOTION_RE.search(" ".join(child.notes[:2])))
            and not holds_task(child)
            and not any(c.kind == HEADING for c in child.children)  # a whole part of the plan
        )

    pull_sections(draft, is_promotion, _to_notes(notes, "promotion-section"))


# "Week 1 summary", "第 1 周总结", "Phase 2 recap": a look back at the part just studied.
_RECAP_TITLE_RE = re.compile(
    r"(?:summary|recap|wrap-?up|retrospective|what (?:i|we|you) learned|review of the week"
    # what the learner took away from the part: "**Key Learnings:**", "Erkenntnisse"
    r"|learnings|takeaways|lessons learned|erkenntnisse|aprendizajes|aprendizados"
    r"|lo que aprend[íi]|o que aprendi|ce que j'ai appris|收获|学到的|心得|学んだこと|배운 점"
    r"|resumen|resumo|r[ée]capitulatif|zusammenfassung|tóm tắt|ringkasan|özet|итоги?"
    r"|总结|小结|回顾|まとめ|振り返り|요약|정리)$"
    # languages that put the head word first: "Tóm tắt nội dung 6 tháng", "Resumen del mes"
    r"|^(?:summary of|recap of|resumen|resumo|résumé|r[ée]capitulatif|zusammenfassung"
    r"|tóm tắt|ringkasan|özet|итоги)\b"
)


MAX_RECAP_WORDS = 8  # Vietnamese writes a word per syllable: "Tóm tắt nội dung 6 tháng"


@rule("recap-group")
def recaps_to_notes(draft: Draft) -> None:
    """A group that sums up the part it closes ("**Week 1 summary**", "第 1 周总结" with
    what was covered) restates that part: it becomes the part's notes, not more items.
    Groups with task boxes stay, and so does a recap heading with nothing under it (a
    module of a series that recaps: "Module-67: CRUD Recap") or one timed like the parts
    beside it ("## Wrap-Up (30 min)" after "## Hour 9 (60 min)")."""

    def is_recap(child: Draft, parent: Draft) -> bool:
        title = plain_label(child.title)
        return (
            child.kind in (HEADING, PSEUDO)
            and parent.kind != ROOT
            and bool(title)
            and bool(_RECAP_TITLE_RE.search(title))
            and len(title.split()) <= MAX_RECAP_WORDS
            and not holds_task(child)
            and not any(c.kind in (HEADING, PSEUDO) for c in child.children)
            # "## Wrap-Up (30 min)" after "## Hour 9 (60 min)": timed like the parts beside
            # it, the plan's last part
            and not (child.duration and any(s.duration for s in parent.children if s is not child))
            # "#### Module-67: CRUD Recap" alone among the modules: a module that recaps,
            # with nothing under it to restate the part
            and bool(child.children or child.notes)
        )

    def to_part(group: Draft, part: Draft) -> None:
        part.notes.append(section_text(group))
        for inner in walk(group):
            fired("recap-group", inner.line, "note")

    pull_sections(draft, is_recap, to_part)


def _names_one_seen(name: str, seen: set[str]) -> bool:
    """ "HTML and CSS" restates "HTML"; "JS" restates "JS ⭐⭐⭐"."""
    if name in seen:
        return True
    return len(name) >= 2 and any(
        len(other) >= 2 and (other in name or name in other) for other in seen
    )


MIN_RESTATED = 3


def _restates_entries(section: Draft, said: list[str]) -> bool:
    """Every entry of `section` (three at least) repeats a line of `said`, word for word."""
    if section.kind not in (HEADING, PSEUDO, ITEM) or holds_task(section):
        return False
    if section.numbered or re.search(r"\d", section.title):
        return False  # "Week 6" carrying last week's steps over is still a week of work
    entries = [d for d in walk(section) if d is not section and not d.children]
    if len(entries) < MIN_RESTATED or any(d.kind not in (ITEM, ROW) for d in entries):
        return False
    return all(
        len(name.split()) >= 2 and any(f" {name} " in other for other in said)
        for name in (plain_label(d.title) for d in entries)
    )


_FIRST_NUMBER_RE = re.compile(r"\d{1,3}")
MIN_CONTENTS_HEADINGS = 2


def _number_of(draft: Draft) -> str | None:
    """The first number a heading is written with ("Module 1. Basics" → "1")."""
    found = _FIRST_NUMBER_RE.search(draft.text or draft.title)
    return found.group(0) if found else None


@rule("contents-headings")
def contents_headings_to_notes(root: Draft, notes: list[str]) -> None:
    """Headings with nothing under them, one after another at the top of the document
    ("### Module 1. Basics", "### Module 2. Networks"), each numbered like a part that
    follows with its entries ("### Modul 1. 🔰 Basics" › its boxes), list the parts: a
    contents, not empty steps. Empty headings that are the plan, with no fuller parts after
    them, stay."""
    run: list[Draft] = []
    for child in root.children:
        if child.kind != HEADING or child.children or child.notes or child.is_task:
            break
        run.append(child)
    if len(run) < MIN_CONTENTS_HEADINGS:
        return
    later = {
        _number_of(d)
        for c in root.children[len(run) :]
        for d in walk(c)
        if d.kind in (HEADING, PSEUDO) and d.children
    }
    if not all(_number_of(h) is not None and _number_of(h) in later for h in run):
        return
    notes.append("\n".join(f"- {h.title}" for h in run))
    for heading in run:
        fired("contents-headings", heading.line, "note")
    root.children = root.children[len(run) :]


@rule("restated-entries")
def restated_entries_to_notes(root: Draft, notes: list[str]) -> None:
    """A closing part whose every entry (three at least) repeats a step given earlier
    ("What you will have made" › "Swatch sheet", "Sky study", each already a step of its
    part) sums the plan up: text, not a second set of steps. Only the last part is read
    so: inside a plan, steps come back on purpose (a weekly routine, a review)."""
    if len(root.children) < 2:
        return
    last = root.children[-1]
    said = [f" {plain_label(d.text)} " for c in root.children[:-1] for d in walk(c) if d.text]
    if _restates_entries(last, said):
        carry_restated_states([last], root.children[:-1])
        _to_notes(notes, "restated-entries")(last, root)
        root.children.pop()


_STRUCK_RE = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?~~.+~~[\s.;,]*$")


def _said_done(draft: Draft) -> bool:
    """Ticked, marked done, or struck through from end to end ("~~Loops;~~")."""
    return _ticked(draft) or bool(_STRUCK_RE.match(draft.raw))


def carry_restated_states(copies: list[Draft], parts: list[Draft]) -> None:
    """ "## Progress" restating the plan with its done entries struck or ticked: the copy
    goes to the text, but each done entry's state passes to the step it repeats, by the
    same words, so no tick is lost."""
    steps: dict[str, Draft] = {}
    for draft in _kept(parts, set(map(id, copies))):
        if draft.text:
            steps.setdefault(plain_label(draft.text), draft)
    for copy in copies:
        for entry in walk(copy):
            if entry is copy or not _said_done(entry):
                continue
            step = steps.get(plain_label(entry.text))
            if step is not None and step.marker is None and step.said is None:
                step.said = "x"
                fired("restated-entries", step.line, "item", f"[x] from line {entry.line}")


def _kept(drafts: list[Draft], copies: set[int]) -> list[Draft]:
    """Every draft under `drafts`, the copies and what is left out excepted."""
    found: list[Draft] = []
    for draft in drafts:
        if id(draft) in copies or draft.excluded:
            continue
        found.append(draft)
        found.extend(_kept(draft.children, copies))
    return found


def carry_states_from_excluded(root: Draft) -> None:
    """A section left out as housekeeping ("## Progress") that restates the plan's steps
    with ticks or strikes: before it goes, its done states pass to those steps."""
    dropped = [d for d in walk(root) if d.excluded and d.kind in (HEADING, PSEUDO)]
    if dropped:
        carry_restated_states(dropped, [root])


@rule("restated-sections")
def restated_sections_to_notes(root: Draft, notes: list[str]) -> None:
    """A part whose sub-headings name parts already given, with nothing to do under them
    ("4. Time plan" › "HTML and CSS", "JS" holding only schedule notes) plans the roadmap's
    time; it is text, not a second set of steps."""
    seen: set[str] = set()
    kept: list[Draft] = []
    for child in root.children:
        subs = [d for d in walk(child) if d is not child and d.kind in (HEADING, PSEUDO)]
        if (
            child.kind in (HEADING, PSEUDO)
            and len(subs) >= 2
            and not holds_items(child)
            and not holds_task(child)
            # last: every sub-heading against every title seen costs the most
            and sum(1 for c in subs if _names_one_seen(plain_label(c.title), seen)) * 10
            >= len(subs) * 7
        ):
            _to_notes(notes, "restated-sections")(child, root)
            continue
        seen.update(plain_label(d.title) for d in walk(child) if d.title)
        kept.append(child)
    root.children = kept


# "Oct 10th:", "June 8th -", "2024-01-02:", "[2024/03]", "12.03.2024:" at the start of an entry.
_DATED_ENTRY_RE = re.compile(
    rf"^\s*[\[(]?(?:(?:{MONTH_NAMES})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES})(?:\s+\d{{4}})?"
    r"|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\d{4}年\d{1,2}月(?:\d{1,2}日)?)[\])]?\s*[:：\-–—|]",
    re.I,
)
MIN_NEWS_ENTRIES = 3


@rule("dated-news")
def news_to_notes(draft: Draft, notes: list[str]) -> None:
    """A list whose entries are mostly dated announcements ("Oct 10th: the course became…",
    "2024-03-01: launched…") is news about the project, not study: it becomes text.
    Entries written as task boxes stay."""
    entries = [c for c in draft.children if c.kind == ITEM and not c.is_task]
    dated = [c for c in entries if _DATED_ENTRY_RE.match(c.text)]
    # "**Nov 1–7**" over the week's steps is a schedule: news is told, not broken into steps
    grouping = sum(1 for c in dated if any(k.kind == ITEM for k in c.children))
    if (
        len(entries) >= MIN_NEWS_ENTRIES
        and len(dated) * 10 >= len(entries) * 6
        and grouping * 2 < len(dated)
    ):
        notes.append("\n".join(f"- {c.raw or c.text}" for c in entries))
        for entry in entries:
            fired("dated-news", entry.line, "note")
        draft.children = [c for c in draft.children if c not in entries]
    for child in draft.children:
        if child.kind in (HEADING, PSEUDO, DETAILS):
            news_to_notes(child, notes)


MIN_REPEATED_LEAVES = 3


def _leaf_titles(draft: Draft) -> tuple[str, ...]:
    return tuple(
        plain_label(d.title) for d in walk(draft) if d is not draft and not d.children and d.title
    )


@rule("repeated-section")
def drop_repeated_sections(root: Draft, notes: list[str]) -> None:
    """A part that repeats an earlier part step for step (a chat page that shows the answer
    twice, as "Welcome message" and again under "Conversation") is the same plan, not a
    second one: the copy is left out. A part named by its place in the plan ("Week 2",
    "第七周") that repeats the one before is the same practice again, and stays."""
    seen: set[tuple[str, ...]] = set()
    kept: list[Draft] = []
    for child in root.children:
        leaves = _leaf_titles(child)
        if (
            child.kind in (HEADING, PSEUDO)
            and len(leaves) >= MIN_REPEATED_LEAVES
            and leaves in seen
            and not child.numbered
            and child.duration is None  # "Week 2" repeating "Week 1": practice, kept
            and not opens_a_part(child.text or child.title)  # "第七周" after "第六周" too
            and not holds_task(child)
        ):
            fired("repeated-section", child.line, "dropped", child.title)
            continue
        seen.add(leaves)
        kept.append(child)
    root.children = kept


def reads_as_action(title: str) -> bool:
    """ "Take the exam", "Build a portfolio": a step, even with only a paragraph under it;
    "Study Plan", "Practice Log" name a thing, not an action."""
    words = plain_label(title).split()
    if len(words) >= 2 and words[1] in _NOUN_AFTER_VERB_WORD:
        return False
    return bool(words) and words[0] in IMPERATIVES


# "Study plan", "Practice log", "Review notes": a verb-like word that names a kind of thing.
_NOUN_AFTER_VERB_WORD = frozenset(
    (
        "plan",
        "plans",
        "schedule",
        "guide",
        "notes",
        "tips",
        "log",
        "tracker",
        "overview",
        "roadmap",
        "routine",
        "checklist",
        "method",
        "methods",
        "strategy",
        "habits",
        "materials",
        "resources",
    )
)


@rule("prose-section")
def prose_sections_to_notes(draft: Draft, notes: list[str]) -> None:
    """In a document whose sections hold lists or tables, a heading over nothing but a
    paragraph, a code block or an embedded picture or video ("Tracking Progress", a FAQ
    question, "Project layout", "Intro video") is text, not a step. A numbered one, one with
    a duration, one that names an action ("Take the exam"), one whose lines say what to do
    ("Aprender un lenguaje…" / "Comprender cómo…"), one that links to the page it names (a
    course or a book, described: "## [The Missing Semester](https://…)"), one of a numbered
    series of three or more beside it ("### R1D2" over a paragraph between "### R1D1" and
    "### R1D3" over lists: a day of the log told in prose), and every one in a roadmap
    written only as headings and paragraphs stay steps; there a heading over nothing but
    code (a chart of the steps) is text all the same."""
    if any(holds_items(child) for child in draft.children):
        _prose_sections_to_notes(draft, notes)
    else:
        _code_sections_to_notes(draft, notes)
        _questions_to_notes(draft, notes, nested=False)


def _code_sections_to_notes(draft: Draft, notes: list[str]) -> None:
    """ "## Roadmap" over only a ```mermaid chart of the courses described below it: a
    drawing, in a roadmap of headings and paragraphs, not one more step."""
    kept: list[Draft] = []
    for child in draft.children:
        if (
            child.kind in (HEADING, PSEUDO)
            and child.held_code
            and not (child.children or child.resources or child.is_task)
            and not child.numbered
            and child.duration is None
        ):
            fired("prose-section", child.line, "note", child.title)
            notes.append("\n\n".join([child.title, *child.notes]))
            continue
        kept.append(child)
    draft.children = kept


def _questions_to_notes(draft: Draft, notes: list[str], *, nested: bool) -> None:
    """In a roadmap of headings and paragraphs, a question below a step ("Will AI tools
    replace DevOps engineers?") is discussion, not another step."""
    kept: list[Draft] = []
    for child in draft.children:
        question = (
            nested
            and child.kind in (HEADING, PSEUDO)
            and not child.children
            and not child.is_task
            # "### 3. What should your website be?" among numbered lessons: a lesson
            and not child.numbered
            and not names_a_page(child)
            and child.title.rstrip().endswith(("?", "？"))
        )
        if question:
            fired("prose-section", child.line, "note", child.title)
            notes.append("\n\n".join(part for part in [child.title, *child.notes] if part))
            continue
        if child.kind in (HEADING, PSEUDO):
            _questions_to_notes(child, notes, nested=True)
        kept.append(child)
    draft.children = kept


# "Proyecto 1: Sistema de recomendación", "Lab 3 – Joins", "Capstone": a step of a kind,
# even with only its description under it.
# "实战项目" (a practice project), "期末課題", "미니 프로젝트": the words that qualify a kind of
# step in Chinese, Japanese and Korean, shared by every reading of step kinds.
STEP_QUALIFIERS_CJK = r"实战|实践|综合|阶段|期末|毕业|実践|最終|실전|미니 ?"
_STEP_KIND = (
    rf"(?:mini[- ]|final |capstone |side |practical |hands-on |pratik |praktische "
    rf"|{STEP_QUALIFIERS_CJK})?"
    r"(?:projects?|proyectos?|projetos?|projekte?|projets?|projeler|proje"
    r"|labs?|exercises?|ejercicios?|exercícios?|assignments?|tareas?|homework|challenges?|retos?"
    r"|desafíos?|desafios?|capstone|kata|项目|プロジェクト|프로젝트|练习|演習|실습)"
)
# "Projetos Práticos", "Projets pratiques", "Proyectos prácticos": the qualifier after the kind
_AFTER_KIND = r"(?: (?:pr[áa]ticos|pratiques|pr[áa]cticos|pratici|practical|hands-on))?"
_STEP_KIND_TITLE_RE = re.compile(rf"^(?:{_STEP_KIND}{_AFTER_KIND}(?:\s*#?\d{{1,3}}\b|$))")
# "📦 Project: Chat app", "Lab 2 – Joins": the kind of step, then its name.
_STEP_KIND_NAMED_RE = re.compile(rf"^{_STEP_KIND}(?:\s*#?\d{{1,3}})?\s*[:：–—-]\s*\S", re.I)


def is_step_kind_title(title: str) -> bool:
    """Whether a title names a step by its kind ("Project: Chat app", "Lab 3", "Capstone")."""
    plain = strip_decorations(title).replace("**", "").replace("__", "").strip()
    return bool(_STEP_KIND_TITLE_RE.match(plain_label(title)) or _STEP_KIND_NAMED_RE.match(plain))


# "R1D3", "Day 3 - Review", "Lab 07": where an entry stands in a numbered series.
_SERIES_KEY_RE = re.compile(r"^\D{0,12}?\d{1,4}(?:[^\d\s]{1,3}\d{1,4})?")
MIN_SERIES = 3


def _series_key(title: str) -> str | None:
    found = _SERIES_KEY_RE.match(title.strip())
    return re.sub(r"\d+", "#", found.group(0)) if found else None


def _in_series(title: str, keys: Counter[str | None]) -> bool:
    key = _series_key(title)
    return key is not None and keys[key] >= MIN_SERIES


MIN_DAYS_BESIDE = 2


def _a_day_among_days(section: Draft, siblings: list[Draft]) -> bool:
    """ "### Saturday - Review" told in prose after "### Monday" … "### Friday" over their
    lists: a day of the week's plan, as the others are."""
    if not led_by_a_weekday(section.title):
        return False
    days = [d for d in siblings if d is not section and d.children and led_by_a_weekday(d.title)]
    return len(days) >= MIN_DAYS_BESIDE


def _prose_sections_to_notes(draft: Draft, notes: list[str]) -> None:
    kept: list[Draft] = []
    # "### R1D3" over a paragraph, among "### R1D1" and "### R1D2" over lists: one more
    # entry of the series, written as prose
    keys = Counter(
        _series_key(c.title) for c in draft.children if c.kind in (HEADING, PSEUDO) and c.title
    )
    for child in draft.children:
        if child.kind in (HEADING, PSEUDO) and child.children:
            # its own prose sub-sections first: "## Quiz" › "### PDF" leaves a prose "Quiz"
            had_children = True
            _prose_sections_to_notes(child, notes)
        else:
            had_children = False
        prose_only = (
            child.kind in (HEADING, PSEUDO)
            and not child.children
            and not child.is_task
            and not child.numbered
            and child.duration is None
            # notes of its own, code, or prose sub-sections now gone to the text
            and (bool(child.notes) or child.held_code or had_children)
            and child.said is None  # "Status: Underway" under it: a course being taken
            and not reads_as_action(child.title)
            # "Bonus: Learn DevSecOps": an action behind a label
            and not reads_as_action(child.title.partition(":")[2].strip())
            and not child.resources  # "**Resources:**" under it: a step with its reading
            and not is_step_kind_title(child.title)
            and not text_says_what_to_do(child)
            and not names_a_page(child)
            and not _in_series(child.title, keys)
            and not _a_day_among_days(child, draft.children)
        )
        if prose_only:
            fired("prose-section", child.line, "note", child.title)
            notes.append("\n\n".join(part for part in [child.title, *child.notes] if part))
            continue
        if child.kind in (HEADING, PSEUDO) and not had_children:
            _prose_sections_to_notes(child, notes)
        kept.append(child)
    draft.children = kept


def names_a_page(section: Draft) -> bool:
    """ "## [The Missing Semester of Your CS Education](https://missing.csail.mit.edu)" and a
    paragraph on it: the heading is a course or a book to take, described; "#### [Asynquoi
    ?](./chapters/4-0_intro.md)", "## 0. [Introduction](./chapters/0_intro/index.md)": a
    lesson of the course, the page beside the plan that teaches it."""
    if len(section.links) != 1:
        return False
    shown, href = section.links[0]
    return bool(_PAGE_HREF_RE.match(href)) and plain_label(shown) == plain_label(section.title)


# a page on the web, or one of the repository's own (a file or a folder), not a place on
# this page ("#setup") or an address to write to
_PAGE_HREF_RE = re.compile(
    r"^(?:https?://|\.{0,2}/?[\w%.-]+(?:/[\w%.+-]*)*(?:\.(?:md|html?|ipynb|pdf))?/?$)"
)


def text_says_what_to_do(section: Draft) -> bool:
    """ "#### Back-end:" over lines that each start with what to do ("Aprender un lenguaje…",
    "Conocer bases de datos…"): a part of the plan written in prose, not a remark."""
    lines = [line.strip() for note in section.notes for line in note.split("\n") if line.strip()]
    acting = sum(1 for line in lines if reads_as_action(line))
    return len(lines) >= 2 and acting * 2 >= len(lines)


# After a numbered plan, a section about practice is still part of it.
_PLAN_TAIL_RE = re.compile(
    r"\b(?:projects?|capstone|practice|exercises?|portfolio|interviews?|assignments?|labs?"
    r"|problems? (?:to solve|sets?|lists?)|(?:list|set) of problems|problem sets?"
    r"|challenges?|final (?:projects?|exam|assessment|week|phase|stage|month|steps?|tasks?)"
    r"|deliverables?|entregables|entregáveis|livrables|final boss|boss (?:level|fight|battle)"
    r"|bonus|extras?|advanced|next steps?|beyond|specialization|electives?"
    r"|proyectos?|projetos?|ejercicios|práctica|adicionales?|avanzad[oa]s?|avançad[oa]s?"
    r"|bônus|zusätzlich|fortgeschritten|weiterführend|projekte?|übungen|projets?|projeler)\b"
    # no word boundaries inside CJK text
    r"|项目|练习|额外|附加|进阶|高级|拓展|扩展|加分|実践|プロジェクト|演習|発展|応用|追加|交付物|成果物"
    r"|프로젝트|심화|추가|보너스"
)


def is_plan_tail(title: str) -> bool:
    """ "Projects to try", "Bonus", "Next steps": a part that may follow the numbered plan."""
    return bool(_PLAN_TAIL_RE.search(plain_label(title)))


MIN_TREE_GROUPS = 2
MIN_TREE_LEAVES = 6

# "Next steps", "Bonus", "Extras", "Project ideas", "Beyond the basics": what a learner may
# go on to after the plan, not its last part ("Bonus Module: CORS" is a module all the same).
_BEYOND_RE = re.compile(
    r"\b(?:next steps?|beyond|bonus|extras?|ideas?|idées|ideias|ideen)\b"
    r"|额外|附加|拓展|扩展|加分|追加|보너스|추가",
    re.I,
)
_PART_NOUN_RE = re.compile(
    r"\b(?:modules?|m[óo]dul[oe]s?|modul|units?|unidad|unidade|chapters?|cap[íi]tulo|weeks?"
    r"|semanas?|phases?|fases?|stages?|levels?|nivel|niveau)\b",
    re.I,
)


def _beyond_the_plan(title: str) -> bool:
    key = plain_label(title)
    # "EXTRA: Fundamentos de Machine Learning": one more part, labelled optional
    written = strip_decorations(title).replace("*", "").strip()
    labelled = re.match(r"^(?:extras?|bonus)\s*[:：\-–—]\s*\w", written, re.I)
    return bool(_BEYOND_RE.search(key)) and not _PART_NOUN_RE.search(key) and not labelled


def holds_a_topic_tree(section: Draft) -> bool:
    """ "Continuous learning" over "- Kernel dev" › "- Linux kernel development", "- Maths"
    › "- Matrix theory": bullets grouping more bullets, as the plan's own parts do, are
    study material after the plan, not remarks about it."""
    groups = [
        d
        for d in walk(section)
        if d.kind == ITEM and not d.label and any(c.kind == ITEM for c in d.children)
    ]
    leaves = [d for d in walk(section) if d.kind == ITEM and not d.children]
    # names of things to study, not sentences ("Join a community.", "What did I learn?") or
    # fields ("**Title:** e.g. Monday")
    names = [
        d
        for d in leaves
        if len(d.title.split()) <= MAX_TOPIC_WORDS
        and not _is_sentence(d)
        and not _LABEL_RE.match(d.text)
    ]
    return (
        len(groups) >= MIN_TREE_GROUPS
        and len(leaves) >= MIN_TREE_LEAVES
        and len(names) * 3 >= len(leaves) * 2
    )


MAX_TOPIC_WORDS = 8


def _is_sentence(draft: Draft) -> bool:
    return draft.text.rstrip(" *_").endswith((".", "?", "!", "。", "？", "！"))


# "Extra daily plan (2 hours/day)", "Bonus: weekly schedule": how to spend the plan's time.
_SCHEDULE_TITLE_RE = re.compile(
    r"\b(?:daily|weekly|study|time) (?:plan|schedule|routine)|\bschedules?\b|\broutine\b"
    r"|\btimeline\b|\bcalendar\b|日程|时间表|時間割|스케줄|horario|cronograma"
)


def _holds_words(section: Draft) -> bool:
    """Whether a section holds any text or entry (a code block alone is no word)."""
    return bool(section.children or section.notes or section.is_task)


# "October:", "Novembro —", "Dezembro (até dia 06):", "Week 9:": an entry led by its time.
_CALENDAR_ENTRY_RE = re.compile(
    rf"^(?:{MONTH_NAMES}|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre"
    r"|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro"
    r"|novembro|dezembro|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février"
    r"|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|(?:week|semana|semaine|woche|month|mes|mês|mois|monat"
    r"|day|d[ií]a|jour|tag|giorno|dag|hari|ngày|gün)\s+\d{1,3})\b[^:：]{0,24}[:：—–-]",
    re.I,
)


def _goes_on_by_the_calendar(section: Draft) -> bool:
    """ "After the exam (October to December)" › "October: rest, then …", "November: …",
    or "Final days" › "Day 29: Final project", "Day 30: Wrap-up": entries led by the months,
    weeks or days that follow carry the plan on."""
    entries = [c for c in section.children if c.kind == ITEM]
    timed = [c for c in entries if _CALENDAR_ENTRY_RE.match(strip_decorations(c.text))]
    return len(timed) >= 2 and len(timed) * 2 > len(entries)


def _timed_like(part: Draft, after: Draft) -> bool:
    """The section after the plan's last part gives its own length, as that part does."""
    return after.kind in (HEADING, PSEUDO) and bool(part.duration) and bool(after.duration)


@rule("plan-boundary")
def sections_after_the_plan(root: Draft, notes: list[str]) -> None:
    """When the author numbered the plan ("Phase 1…Phase 5", "Week 1…Week 8"), unnumbered
    sections after its last step ("Weekly schedule example", "Alternative approaches",
    "Getting started today") are about the plan, not in it: they become text. Sections on
    projects, practice or deliverables (unless they hold only a drawing or a chart), sections
    with task boxes, and sections holding a tree of topics (bullets grouping bullets), stay
    (but one that says it goes beyond the plan, "Next steps", "Bonus", "Project ideas",
    "Extras", is text all the same unless it names itself a part: "Bonus Module: CORS");
    so does a section named like the plan's last part ("4학년" after "2학년", "3학년") or timed
    like it ("## Wrap-Up (30 min)" after "## Hour 9: Optimization (60 min)"), and,
    when the plan is tracks that each number their stages alike, one more track whose parts
    are not numbered ("Mobile" › "Android", "iOS"), and a section whose own parts are
    numbered as the plan's sections number theirs ("## Glazes" › "### 1. Glaze basics")."""
    sections = [
        (index, child)
        for index, child in enumerate(root.children)
        if child.kind in (HEADING, PSEUDO)
    ]
    numbered = [index for index, child in sections if child.numbered]
    holders: list[int] = []
    if len(numbered) >= 3:
        last = numbered[-1]  # the plan is the numbered sections themselves
    else:
        holders = [index for index, child in sections if _numbered_parts_in(child) >= 3]
        if not holders:
            return
        last = holders[-1]  # the plan is wrapped in sections ("Learning Journey", "Part 2")
    tracks = _repeated_tracks([root.children[index] for index in holders])
    # "4학년" after "2학년" and "3학년": a part named like the last one goes on with the plan
    # and "## Wrap-Up (30 min)" after "## Hour 9 (60 min)": timed like the plan's parts
    while last + 1 < len(root.children) and (
        _same_series(root.children[last], root.children[last + 1])
        or _timed_like(root.children[last], root.children[last + 1])
    ):
        last += 1
    kept = root.children[: last + 1]
    for child in root.children[last + 1 :]:
        if (
            child.kind in (HEADING, PSEUDO)
            and not child.numbered
            and not holds_work_boxes(child)
            and not (
                _PLAN_TAIL_RE.search(plain_label(child.title))
                and not _beyond_the_plan(child.title)
                and not _SCHEDULE_TITLE_RE.search(plain_label(child.title))
                and _holds_words(child)
            )
            and not holds_a_topic_tree(child)
            and not _goes_on_by_the_calendar(child)
            # one more track among several ("Mobile" › "Android", "iOS" after "Front-end" ›
            # "Stage 1…3", "Back-end" › "Stage 1…3"): its parts are not numbered, that is all
            and not (tracks and _holds_parts(child))
            # "## Glazes" › "### 1. Glaze basics", "### 2. Mixing" after modules numbering
            # their lessons the same way: one more module, however short
            and not (holders and _numbers_like(child, [root.children[i] for i in holders]))
        ):
            _named_section_to_notes(child, notes, "plan-boundary")
            continue
        kept.append(child)
    root.children = kept


MIN_NUMBERED_LESSONS = 2
_SERIES_HEAD_RE = re.compile(r"^([^:：\-–—]{1,24}?)\s*(?:[:：\-–—]|$)")


def _series_shape(title: str) -> str | None:
    """ "2학년: 내실을 다지는 시기" → "#학년"; "Year 3 - Projects" → "year #": the name of a
    part with its number left out, or None when the name holds no number."""
    match = _SERIES_HEAD_RE.match(strip_decorations(title).replace("*", "").strip().casefold())
    if not match or not re.search(r"\d", match[1]):
        return None
    return re.sub(r"\d+", "#", match[1].strip())


def _same_series(last: Draft, after: Draft) -> bool:
    shape = _series_shape(last.text or last.title)
    return (
        after.kind == last.kind
        and after.level == last.level
        and shape is not None
        and _series_shape(after.text or after.title) == shape
    )


MIN_TRACK_PARTS = 2


def _repeated_tracks(holders: list[Draft]) -> bool:
    """Several sections that each number their parts the same way ("Front-end" › "Stage
    1…3", "Back-end" › "Stage 1…3"): tracks side by side."""
    shapes = [
        {_series_shape(c.text or c.title) for c in holder.children if c.numbered} - {None}
        for holder in holders
    ]
    return any(a & b for i, a in enumerate(shapes) for b in shapes[i + 1 :])


def _holds_parts(section: Draft) -> bool:
    """Sub-sections, two at least, each listing entries."""
    parts = [
        c
        for c in section.children
        if c.kind in (HEADING, PSEUDO) and any(d.kind in (ITEM, ROW) for d in walk(c))
    ]
    return len(parts) >= MIN_TRACK_PARTS


def _named_section_to_notes(section: Draft, notes: list[str], name: str) -> None:
    """Hand a section to the roadmap note's text; `name` fired with its title on the
    heading, and for every line it held."""
    fired(name, section.line, "note", section.title)
    for inner in walk(section):
        if inner is not section:
            fired(name, inner.line, "note")
    notes.append(section_text(section))


def _numbers_like(section: Draft, holders: list[Draft]) -> bool:
    """The section holds two numbered parts or more, numbered the way the plan's sections
    number theirs ("### 1. Glaze basics" beside "### 1. Getting started"; not "Week 1")."""
    if _numbered_parts_in(section) < MIN_NUMBERED_LESSONS:
        return False

    def styles(draft: Draft) -> set[str]:
        return {
            series_word(d.text or d.title)
            for d in walk(draft)
            if d is not draft and d.kind in (HEADING, PSEUDO) and d.numbered
        }

    plan_styles = set().union(*(styles(holder) for holder in holders))
    # a "Day 0", "Day 1" after the log's own days is the template's example, not more log
    return styles(section) == {""} and "" in plan_styles


def _numbered_parts_in(section: Draft) -> int:
    """How many numbered parts a section holds side by side, at its own level or deeper
    ("Study plan" › "Core phase" › "Phase 1…Phase 4" holds four)."""
    counts = [
        sum(1 for c in inner.children if c.kind in (HEADING, PSEUDO) and c.numbered)
        for inner in walk(section)
        if inner.kind in (HEADING, PSEUDO)
    ]
    return max(counts, default=0)


def _numbered_plan_start(root: Draft) -> int | None:
    """Where the numbered plan starts among `root`'s sections: the first of three numbered
    sections or more ("Phase 1…Phase 4"), or the first section holding three ("Study
    phases" › "Phase 1…"); None when the plan is not numbered."""
    sections = [(at, c) for at, c in enumerate(root.children) if c.kind in (HEADING, PSEUDO)]
    numbered = [at for at, child in sections if child.numbered]
    if len(numbered) >= 3:
        start, parts = numbered[0], len(numbered)
    else:
        # "2주 공부 계획" › "1주차", "2주차": a section named the plan says so with two parts
        holders = [
            (at, count)
            for at, child in sections
            if (count := _numbered_parts_in(child)) >= (2 if names_a_plan(child.title) else 3)
        ]
        if not holders:
            return None
        start, parts = holders[0]
        if names_a_plan(root.children[start].title):
            return start  # the author says where the plan is
    # a numbered part after many unnumbered ones ("Extra challenges" › "Month 1…3") is not
    # the plan: the sections before it are
    before = sum(1 for at, _ in sections if at < start)
    return start if before < parts else None


# "Step one", "First step", "Langkah Pertama", "Primera etapa": a place in the plan in words.
_STAGE_WORDS = r"(?:step|stage|phase|part|langkah|tahap|paso|etapa|fase|schritt|étape|passo)"
_ORDINAL_WORDS = (
    r"(?:one|two|three|first|second|third|final|last|pertama|kedua|ketiga|terakhir|primer[oa]?"
    r"|segund[oa]|tercer[oa]?|últim[oa]|ultim[oa]|erste[rn]?|zweite[rn]?|letzte[rn]?"
    r"|premi[eè]re?|derni[eè]re?)"
)
_WORDED_STAGE_RE = re.compile(
    rf"^(?:{_STAGE_WORDS}\s+{_ORDINAL_WORDS}|{_ORDINAL_WORDS}\s+{_STAGE_WORDS})\b", re.I
)


def _part_like(section: Draft, facets: set[str]) -> bool:
    """Whether `section` is built like a part of the plan: it holds numbered parts of its
    own ("Weekly plan" › "Week 1…"), a numbered list of steps, or the same sub-sections the
    numbered parts hold ("Learning objectives", "Exercises")."""
    subsections = [c for c in section.children if c.kind in (HEADING, PSEUDO)]
    if any(c.numbered or opens_a_part(c.text or c.title) for c in subsections):
        return True
    if any(plain_label(c.title).casefold() in facets for c in subsections):
        return True
    name = section.text or section.title
    if has_stage_word(name) or opens_a_part(name) or _WORDED_STAGE_RE.search(plain_label(name)):
        return True
    steps = [c for c in section.children if c.kind == ITEM and c.numbered and c.children]
    return len(steps) >= 3


# "Log", "Study log", "Journal", "学习日志", "Lerntagebuch", "Bitácora": the learner's record.
_LOG_NAME_RE = re.compile(
    r"^(?:(?:my |study |learning |progress |daily |dev )?(?:log|logs|journal|diary|logbook)"
    r"|(?:lern)?tagebuch|protokoll|bit[áa]cora|registro(?: de estudo| de estudio)?|di[áa]rio"
    r"|journal de bord|carnet|学习日志|学习日记|日志|日记|学習ログ|学習記録|日記|학습 ?일지|일지"
    r"|дневник|журнал"
    # "Daily records", "每日记录", "打卡记录": the record kept day by day, named as one
    r"|(?:daily |study |learning )records?|registro di[áa]rio|每日记录|学习记录|打卡记录"
    r"|日常记录|日々の記録|학습 ?기록|일일 ?기록)$",
    re.I,
)
MIN_DATED_ENTRIES = 2
MIN_PLAN_STEPS = 3


@rule("dated-log")
def dated_logs_to_notes(root: Draft, notes: list[str]) -> None:
    """A section named as the learner's log ("## Log", "学习日志", "Lerntagebuch") whose
    entries are dated ("### 20/03/2023" › "Learned that triangle angles sum to 180°"),
    beside parts that hold the plan, records what was done: the roadmap note's text, not
    more steps; so does a closing part of dated entries only, whatever its name, after
    parts with no date. A document that is only its log keeps its days as the steps."""
    for at, section in enumerate(root.children):
        if section.kind not in (HEADING, PSEUDO):
            continue
        if not _LOG_NAME_RE.match(plain_label(section.title)) and not _only_dated_after(root, at):
            continue
        dated = [
            c
            for c in section.children
            if c.kind in (HEADING, PSEUDO, ITEM) and is_date_title(c.title)
        ]
        others = [
            d
            for other in root.children
            if other is not section
            for d in walk(other)
            if d.kind in (ITEM, ROW) and not d.children
        ]
        if len(dated) >= MIN_DATED_ENTRIES and len(others) >= MIN_PLAN_STEPS:
            _named_section_to_notes(section, notes, "dated-log")
            root.children = root.children[:at] + root.children[at + 1 :]
            return


MIN_ONLY_DATED = 3


def _only_dated_after(root: Draft, at: int) -> bool:
    """The last part of the document, whatever its name ("## 현재까지 상황"), whose entries
    are all dates ("- 2022/11/16" › "Finished the course"), three at least, after parts
    that hold no date: what the learner has done so far, a log."""
    section = root.children[at]
    entries = [c for c in section.children if c.kind in (HEADING, PSEUDO, ITEM)]
    return (
        at == len(root.children) - 1
        and len(entries) >= MIN_ONLY_DATED
        and all(is_date_title(c.title) and (c.children or c.notes) for c in entries)
        and not any(is_date_title(d.title) for other in root.children[:at] for d in walk(other))
    )


MIN_RETOLD_PARTS = 3


@rule("retold-log")
def retold_logs_to_notes(root: Draft, notes: list[str]) -> None:
    """A section without boxes whose parts retell boxes the plan already ticks by their
    place ("## Daily progress" › "### Day 1: Data types" › what was learned, after "- [x] Day
    1: Data types") is the learner's log of the plan: text, not a second plan. Its parts must
    all name places the boxes name, three at least."""
    boxed = {
        place
        for d in walk(root)
        if d.kind == ITEM and d.boxed and (place := slot_place(plain_label(d.title))) is not None
    }
    if len(boxed) < MIN_RETOLD_PARTS:
        return
    kept: list[Draft] = []
    for section in root.children:
        parts = [d for d in walk(section) if d is not section and d.kind in (HEADING, PSEUDO)]
        places = [slot_place(plain_label(d.title)) for d in parts]
        if (
            section.kind in (HEADING, PSEUDO)
            and not holds_task(section)
            and len(places) >= MIN_RETOLD_PARTS
            and all(place is not None and place in boxed for place in places)
        ):
            _named_section_to_notes(section, notes, "retold-log")
            continue
        kept.append(section)
    root.children = kept


# "Tools & Setup Checklist", "Checkliste", "准备清单", "체크리스트": a list named to be ticked.
_CHECKLIST_NAME_RE = re.compile(
    r"\bcheck ?lists?\b|\bcheckliste\b|lista de (?:verificaci[óo]n|verifica[çc][ãa]o|control)"
    r"|liste de contr[ôo]le|清单|清單|チェックリスト|체크리스트|чек-?лист",
    re.I,
)


def _names_a_checklist(section: Draft) -> bool:
    """A section named a checklist whose entries say what to do ("Install Docker"): steps
    to tick before the plan starts, not text about it."""
    entries = [c for c in section.children if c.kind == ITEM]
    return bool(
        _CHECKLIST_NAME_RE.search(plain_label(section.title))
        and entries
        and sum(1 for e in entries if reads_as_action(e.title)) * 2 >= len(entries)
    )


@rule("plan-preamble")
def sections_before_the_plan(root: Draft, notes: list[str]) -> None:
    """When the author numbered the plan ("Semana 1…Semana 6", "Phase 1…Phase 4", or a
    section holding them, however deep: "Plan" › "Core phase" › "Phase 1…"; two are
    enough in a section named the plan: "2주 공부 계획" › "1주차", "2주차"), unnumbered
    sections before its first part ("Objetivos del curso", "Time management",
    "Development environment") say what the plan is for and how to work through it: they
    are text, not steps. Sections with task boxes, with a tree of topics (bullets grouping
    bullets), on projects and practice, or named a checklist of things to do ("Tools &
    Setup Checklist" › "Install Docker") stay."""
    start = _numbered_plan_start(root)
    if not start:
        return
    facets = {
        plain_label(inner.title).casefold()
        for part in root.children[start:]
        for inner in part.children
        if inner.kind in (HEADING, PSEUDO)
    }
    kept: list[Draft] = []
    for child in root.children[:start]:
        if (
            child.kind == HEADING
            and not child.numbered
            and not holds_work_boxes(child)
            and not _PLAN_TAIL_RE.search(plain_label(child.title))
            and not holds_a_topic_tree(child)
            and not _part_like(child, facets)
            and not _names_a_checklist(child)
        ):
            _named_section_to_notes(child, notes, "plan-preamble")
            continue
        kept.append(child)
    root.children = kept + root.children[start:]


_PREREQUISITES_RE = re.compile(
    r"^(?:prerequisites?|pre-?requisites?|requirements|what you need|what you(?:['’]ll| will) need"
    r"|before you (?:start|begin)|you should (?:already )?know|requisitos(?: previos)?"
    r"|pré-requisitos|prérequis|voraussetzungen|前置知识|前提知识|先决条件|预备知识|前提条件"
    r"|前提知識|必要な知識|선수 지식|사전 지식|前置要求|前提要求|基础要求|事前準備|사전 준비"
    r"|pr[ée]-?requis|prerrequisitos|vorkenntnisse|必要な環境|開発環境|必要なもの|用意するもの"
    r"|环境要求|环境准备|필요한 환경|준비물|what you(?:['’]ll| will)? need to (?:have|install)"
    r"|prerequisiti|requisiti|предварительные требования|требования|пререквизиты"
    r"|wymagania(?: wstępne)?|ön koşullar|ön gereksinimler|gereksinimler|prasyarat|persyaratan"
    r"|điều kiện tiên quyết|yêu cầu|kiến thức cần có)$"
)
MAX_PREREQUISITES = 8


def is_aside_title(title: str) -> bool:
    """A section beside the plan by its name: housekeeping, advice, an introduction,
    reading or prerequisites ("Prerequisites Skills", "Learning Resources", "FAQ")."""
    key = plain_label(title)
    if section_role(title) is not None or resource_kind(title) is not None:
        return True  # "Tools & Technologies" too: what the work is done with
    return bool(_PREREQUISITES_RE.match(key) or _PREREQUISITES_RE.match(key.split(" ")[0]))


@rule("prerequisites-list")
def prerequisites_to_notes(root: Draft, notes: list[str]) -> None:
    """A short list of what the learner should already bring ("Prerequisites: basic Python,
    some SQL") is a note on the roadmap, not steps of it. A prerequisites part with topics
    of its own (sub-sections to study), or with a time of its own, stays a phase."""
    kept: list[Draft] = []
    for child in root.children:
        if child.kind in (HEADING, PSEUDO):
            prerequisites_to_notes(child, notes)
        entries = child.children
        if (
            child.kind in (HEADING, PSEUDO)
            and _PREREQUISITES_RE.match(plain_label(child.title))
            # "Phase 6: Capstone" › "**Requirements:** 1. Containerize…": what the part asks
            and not (root.numbered and child.kind == PSEUDO)
            and not child.is_task
            # "STAGE 0 : PREREQUISITES (1–2 weeks)": a part the author gave time to is studied
            and not child.duration
            # emptied: its "Environment" and "References" parts were notes and resources
            and len(entries) <= MAX_PREREQUISITES
            and all(e.kind == ITEM and not e.children and not e.is_task for e in entries)
        ):
            fired("prerequisites-list", child.line, "note", child.title)
            for entry in entries:
                fired("prerequisites-list", entry.line, "note")
            notes.append(section_text(child))
            continue
        kept.append(child)
    root.children = kept


_PART_LABEL_RE = re.compile(r"^(?P<label>[^:：–—-]{2,40}?)\s*[:：–—-]\s+\S")


@rule("part-description")
def part_descriptions_to_notes(root: Draft) -> None:
    """A heading with only text under it, named for a part the plan lays out elsewhere
    ("## Module 1: Intro to Programming" and a paragraph, then a schedule whose "Module 1"
    groups the days), describes that part: its text becomes the part's notes, not one
    more step. Only a place in the plan ("Module 1", "Week 3") names a part so; a linked
    heading ("[1. Operating systems: three easy pieces](…)") is a book, and a heading whose
    name no other part carries stays as it is."""
    parts: dict[str, Draft] = {}
    for draft in walk(root):
        if draft is not root and draft.kind in (HEADING, PSEUDO) and draft.children:
            parts.setdefault(plain_label(draft.title), draft)

    def part_named(child: Draft) -> Draft | None:
        if child.kind not in (HEADING, PSEUDO) or child.children or child.is_task:
            return None
        if child.links or not child.notes:
            return None  # "### [1. Operating systems: three easy pieces](…)": a book
        label = _PART_LABEL_RE.match(strip_decorations(child.text or ""))
        if label is None or not opens_a_part(label["label"]):
            return None  # "Module 1:", "Week 3 –": a place in the plan, named again
        part = parts.get(plain_label(label["label"]))
        return part if part is not child else None

    def take(child: Draft, _parent: Draft) -> None:
        part = part_named(child)
        assert part is not None
        part.notes[:0] = [child.text.strip(), *child.notes]
        fired("part-description", child.line, "note", f"describes {part.title!r}")

    pull_sections(root, lambda child, _parent: part_named(child) is not None, take)


# "Day 1", "📘 Day 01", "Lesson 1", "第1天": the name of a course's first lesson.
_FIRST_LESSON_RE = re.compile(
    r"^(?:day|lesson|lecture|class|session|chapter|module|week|unit|día|dia|lección|lecci[oó]n"
    r"|aula|clase|semana|jour|leçon|tag|lektion|woche|день|урок|неделя|ngày|bài|hari|gün|hafta"
    r"|giorno|lezione)\s*0*1$|^第\s*(?:1|一)\s*[天日课課讲講周週章]$",
    re.IGNORECASE,
)
MIN_INDEX_ROWS = 5  # rows of lessons a table needs to be the course's index
_OWN_FILE_SHARE = 0.8  # of its rows that link to a lesson's own file


def _links_own_file(row: Draft) -> bool:
    """A link to a file of the repository ("./02_Day/variables.md"), not to a site."""
    return any(
        href and not urlsplit(href).scheme and not href.startswith(("#", "//"))
        for _, href in row.links
    )


def _lesson_index(root: Draft) -> list[Draft] | None:
    """The rows of the first table whose rows each link to a lesson's own file."""
    tables: dict[int, list[Draft]] = {}
    for draft in walk(root):
        if draft.kind == ROW and draft.table is not None:
            tables.setdefault(draft.table, []).append(draft)
    for rows in tables.values():
        linked = sum(_links_own_file(row) for row in rows)
        if len(rows) >= MIN_INDEX_ROWS and linked >= _OWN_FILE_SHARE * len(rows):
            return sorted(rows, key=lambda row: row.line or 0)
    return None


@rule("first-lesson-text")
def first_lesson_to_its_row(root: Draft) -> None:
    """A course README that lists its lessons in a table, each row linking to the lesson's
    own file ("| 01 | [Introduction](./readme.md) |", "| 02 | [Variables](./02_Day/…) |"),
    and after it prints the first lesson in full under "# 📘 Day 1": that text is the
    first lesson's (its setup, examples and exercises), not more steps of the plan. It
    becomes the note of the table's first row. A "Day 1" heading holding task boxes, or one
    without such an index above it, is a part of the plan."""
    rows = _lesson_index(root)
    if rows is None:
        return
    first, last_line = rows[0], rows[-1].line or 0

    def is_first_lesson(child: Draft, _parent: Draft) -> bool:
        return (
            child.kind == HEADING
            and (child.line or 0) > last_line
            and bool(_FIRST_LESSON_RE.match(plain_label(child.title).strip(" :：")))
            and not holds_task(child)
        )

    pull_sections(root, is_first_lesson, _to_notes(first.notes, "first-lesson-text"))


# "Cronograma Detalhado", "Course Schedule", "Calendário", "课程安排": the section of a
# course page that lays out its classes week by week.
_SCHEDULE_SECTION_RE = re.compile(
    r"^(?:(?:detailed |course |class |lecture |tentative |weekly |semester )?"
    r"(?:schedule|calendar|timetable)(?: and (?:topics|readings))?"
    r"|cronograma(?: detalhado| detallado| de aulas| das aulas| semanal| do curso| del curso)?"
    r"|calend[áa]rio(?: de aulas| das aulas| académico| acadêmico| del curso| do curso)?"
    r"|programación(?: semanal| del curso)?|planificación(?: semanal)?"
    r"|(?:semester|kurs)?(?:zeitplan|terminplan|semesterplan)|calendrier(?: du cours)?"
    r"|课程安排|课程表|日程|教学安排|授業計画|授業日程|スケジュール|일정|강의 일정|lịch học"
    # "今天的时间表", "本周时间安排": a timetable in Chinese, Japanese or Korean
    r"|.{0,6}(?:时间表|时间安排|日程表|時間割|タイムテーブル|시간표))$"
)
MIN_SCHEDULE_PARTS = 4
MIN_SCHEDULE_ROWS = 5


MIN_ANSWER_SECTIONS = 3


@rule("answer-plan")
def answer_plan_only(root: Draft, notes: list[str]) -> None:
    """An answer numbers its own outline ("**1. What is Python?**", "**2. Learning roadmap
    (table)**", "**3. Study tips:**", "**4. More resources:**"): when one of three numbered
    sections or more is named as the plan and lists its steps, the others say what the
    plan is for and how to use it, and are the roadmap's text. Sections with task boxes,
    parts of a plan ("Week 1"), projects and practice stay."""
    sections = [c for c in root.children if c.kind in (HEADING, PSEUDO)]
    numbered = [c for c in sections if c.numbered]
    plans = [
        c
        for c in numbered
        if names_a_plan(c.text or c.title)
        and sum(1 for d in walk(c) if d.kind in (ITEM, ROW) and not d.children) >= MIN_PLAN_STEPS
    ]
    if len(numbered) < MIN_ANSWER_SECTIONS or len(plans) != 1 or len(numbered) != len(sections):
        return
    kept: list[Draft] = []
    for child in root.children:
        if (
            child in numbered
            and child is not plans[0]
            and not holds_work_boxes(child)
            and not opens_a_part(plain_label(child.text or child.title))  # "2. Week 1: …"
            and not _PLAN_TAIL_RE.search(plain_label(child.title))
        ):
            _named_section_to_notes(child, notes, "answer-plan")
            continue
        kept.append(child)
    root.children = kept


@rule("course-schedule")
def schedule_is_the_plan(root: Draft, notes: list[str]) -> None:
    """A course page ("## Instruções de Entrega", "## Sistema de Avaliação", "## Ideias de
    projetos", then "## Cronograma Detalhado" › "### Semana 1…17") lays its plan out in the
    section named as its schedule, when that section holds four numbered parts or more (or is
    the timetable itself, a table of five slots or more: "## 今天的时间表") and no other
    section is numbered as a part: the other sections without task boxes are the course's
    text (submission rules, grading, project ideas), not steps."""
    sections = [c for c in root.children if c.kind in (HEADING, PSEUDO)]
    schedules = [
        c
        for c in sections
        if _SCHEDULE_SECTION_RE.match(plain_label(c.title))
        and (
            _numbered_parts_in(c) >= MIN_SCHEDULE_PARTS
            # the timetable itself: a table of slots, one row each
            or sum(1 for d in walk(c) if d.kind == ROW) >= MIN_SCHEDULE_ROWS
        )
    ]
    if len(schedules) != 1 or any(c.numbered for c in sections):
        return
    schedule = schedules[0]
    kept: list[Draft] = []
    for child in root.children:
        if child is not schedule and child.kind in (HEADING, PSEUDO) and not holds_task(child):
            _named_section_to_notes(child, notes, "course-schedule")
            continue
        kept.append(child)
    root.children = kept
