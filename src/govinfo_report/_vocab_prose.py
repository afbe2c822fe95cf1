"""Vocabulary of the prose's numeric statements (收到政府信息公开申请21件): the phrases, the table
cells each speaks of, and the words that keep a number from speaking of them.

Conservative by design: a phrase is linked to a cell only where the format's own wording names
that cell's figure. Data only; :mod:`govinfo_report._statements` applies it.
"""

from __future__ import annotations

import attrs

Scopes = tuple[tuple[str, ...], ...]
"""The cells (``row:column``) whose sum a number may be; one tuple per reading of its wording."""

NEW = "new_requests:total"
CARRIED = "carried_over:total"
TOTAL = "total:total"
FORWARD = "carried_forward:total"


@attrs.frozen
class Phrase:
    """One statement pattern: the words before the number, and what the number counts."""

    topic: str
    """What it counts (the key of :attr:`govinfo_report.model.Statement.topic`)."""
    words: str
    """A regular expression for the words before the number (its verb and noun)."""
    table: str | None
    """The canonical table it speaks of; None for a figure no table holds."""
    scopes: dict[str, Scopes]
    """Its cells by template (``"2019"``, ``"2021"``, ``"*"`` for both); a template not named
    has no such cell."""
    context: tuple[str, ...] = ()
    """Words one of which its sentence must hold (or its section must be ``section``) for the
    number to be this table's: 行政复议 may be an organ's own case load."""
    section: int | None = None
    """The section about its figure, where the context asks less: no word for the requests'
    figures (section three), a case against the organ (被申请, 被提起) for reviews and lawsuits
    (section four)."""
    clause: bool = False
    """The context word must stand before it in its own sentence, not after it or in the sentence
    before (本年度制发…: a table 2 count of the report's year)."""
    money: bool = False
    """The number is an amount of money (decimals, 元/万元)."""


THIS_YEAR = ("本年", "今年", "全年", "当年", "年内")
"""Words in a statement's clause saying it counts the report's own year, whatever year its
sentence named before (``2021年收到…15件，本年度收到…39件``); a table 2 count of the year
(制发) needs one of them, or the report's year, in its clause."""
AT_YEAR_END = ("年底", "年末", "本年", "今年", "全年", "当年")
"""Words in a statement's clause saying it counts the report's year's end (现行有效: a stock);
or the report's year in its clause."""

CASE_CONTEXT = ("信息公开",)
"""Words in a review's or lawsuit's clause that make it a case over information disclosure (an
organ's own case load as a review body or a party is another figure); in section four, whose
heading says so, a case brought against the organ (被申请, 被提起 …) is one too."""
CASE_AGAINST = ("被申请", "被提起", "被起诉", "被诉")

_APPLY = r"(?:政府)?信息公开|依申请"
"""Words that make a sentence's 申请 a request for government information."""

NOT_REQUESTS = (
    "复议",
    "诉讼",
    "举报",
    "投诉",
    "信访",
    "诉求",
    "咨询",
    "热线",
    "工单",
    "留言",
    "来信",
    "来电",
)
"""Nouns that make a 申请, a 办结 or a 结转 in the same clause another thing than an information
request (a hotline's cases, a review's)."""
_NOT_REQUESTS = "|".join((*NOT_REQUESTS, "结转"))

_FILL = r"(?P<fill>(?:(?!" + _NOT_REQUESTS + r")[^，。；、,;:：！？\d\s]){0,20}?)"
"""Words between a verb and its 申请 (政府信息公开, 各类, 群众提出的 ...)."""

BEFORE_NUMBER = r"(?P<before>(?:数量|件数|总数|总量)?(?:共计|共|合计|总计|计|为|达到|达)?)"
"""Words allowed between the noun and the number (``申请数量为21件``, ``申请共21件``)."""

COUNT_UNITS = r"件次|件|宗|起|份"
MONEY_UNITS = r"万元|元"

REQUESTS_VERB_NEW = ("新收", "新接收")
"""Verbs that say the number counts new requests alone (the prose settles the scope)."""
REQUESTS_VERB_HANDLED = ("办理",)
"""Verbs that leave the number's scope open wider: requests handled may be those received, or
those closed (总计)."""

PHRASES: tuple[Phrase, ...] = (
    Phrase(
        "requests_received",
        r"(?P<verb>本年度?新收|新收|新接收|收到|受理|接收|接到|办理)" + _FILL + r"申请",
        "applications",
        {"*": ((NEW,), (NEW, CARRIED))},
        context=("信息公开", "依申请"),
        section=3,
    ),
    Phrase(
        "requests_carried_over",
        r"(?:上年度?|上一年度?|去年)结转(?:的)?(?:" + _APPLY + r")?(?:申请)?",
        "applications",
        {"*": ((CARRIED,),)},
        context=("申请",),
        section=3,
    ),
    Phrase(
        "requests_closed",
        r"(?:已)?办结(?:的)?(?:" + _APPLY + r")?(?:申请)?",
        "applications",
        {"*": ((TOTAL,),)},
        context=("申请",),
        section=3,
    ),
    Phrase(
        "requests_carried_forward",
        r"结转(?:至|到)?(?:下一?年度?|下年)(?:继续办理)?(?:的)?(?:申请)?",
        "applications",
        {"*": ((FORWARD,),)},
        context=("申请",),
        section=3,
    ),
    Phrase(
        "reviews",
        r"行政复议(?:案件|申请|案)?",
        "review_litigation",
        {"*": (("review:total",),)},
        context=CASE_CONTEXT,
        section=4,
    ),
    Phrase(
        "lawsuits",
        r"行政诉讼(?:案件|案)?",
        "review_litigation",
        {"*": (("litigation_direct:total", "litigation_after_review:total"),)},
        context=CASE_CONTEXT,
        section=4,
    ),
    Phrase(
        "normative_documents_in_force",
        r"现行有效(?:的)?(?:行政)?规范性文件",
        "active_disclosure",
        {"2021": (("art20_1/normative_documents:in_force",),)},
        context=AT_YEAR_END,
        clause=True,
    ),
    Phrase(
        "normative_documents_issued",
        r"(?:制发|印发|出台)(?:了)?(?:行政)?规范性文件",
        "active_disclosure",
        {"2021": (("art20_1/normative_documents:issued",),)},
        context=THIS_YEAR,
        clause=True,
    ),
    Phrase(
        "rules_in_force",
        r"现行有效(?:的)?(?:政府)?规章",
        "active_disclosure",
        {"2021": (("art20_1/rules:in_force",),)},
        context=AT_YEAR_END,
        clause=True,
    ),
    Phrase(
        "rules_issued",
        r"(?:制发|印发|出台)(?:了)?(?:政府)?规章",
        "active_disclosure",
        {"2021": (("art20_1/rules:issued",),)},
        context=THIS_YEAR,
        clause=True,
    ),
    Phrase(
        "fees",
        r"收取(?:了)?(?:政府)?信息(?:公开)?处理费(?:用)?",
        None,
        {},
        money=True,
    ),
)
"""The statements read, in the order they are tried (the first that fits a phrase wins)."""

QUALIFIERS_BEFORE = (
    "其中",
    "未",
    "不予",
    "上个",
    "清理",
    "梳理",
    "审查",
    "审核",
    "修订",
    "修改",
    "备案",
    "评估",
    "网上",
    "网络",
    "信函",
    "当面",
    "传真",
    "电子邮件",
    "邮寄",
    "自然人",
    "法人",
    "组织",
    "企业",
    "个人信息",
    "更正",
    "许可",
    "以来",
    "年来",
    "历年",
    "计划",
    "拟",
    "将",
    "下一步",
    "明年",
    "协助",
    "牵头",
    "起草",
    "市政府",
    "县政府",
    "省政府",
    "国务院",
    "累计",
    "同比",
    "环比",
    "比上年",
    "较上年",
    "比去年",
    "较去年",
    "上年",
    "去年",
    "上一年",
    "占",
    "约",
    "近",
    "超过",
    "逾",
    "分别",
    "平均",
    "每",
)
"""Words in a statement's clause, before its phrase, that make its number another figure than
the cell's: a part (其中; a channel, 网上, 信函; an applicant, 自然人, 法人), a running total or a
span of years (累计, 以来, 历年), a change, an estimate, another year's, a plan (计划, 拟, 将,
下一步), a negation (未办结, 不予受理), another act on the documents (清理, 审查 … 现行有效规范性
文件), another body's documents (协助, 牵头起草, 市政府印发)."""

NOT_STATED_IN = (5, 6)
"""Sections whose numbers are no figure of the tables: problems and plans, other matters."""

PART_AFTER = r"其中[^。！？!?]{0,20}?信息公开"
"""A part of the figure counted after it, in its sentence or the next (被申请行政复议22件，其中涉及
政府信息公开的12件): the figure counts more than the table's."""

OTHER_UNITS = ("件次",)
"""Units that count something else than the table's cells (times, not documents or cases)."""

SUB_BODIES = (
    "各部门",
    "各单位",
    "各乡镇",
    "各街道",
    "各级",
    "各地",
    "各县",
    "各区",
    "各镇",
    "所属",
    "下属",
    "系统",
)
"""Words in a statement's clause that make it count several bodies together (全市各部门共制发
…): the report's tables may be one body's."""

AREAS = ("全市", "全县", "全区", "全省", "全州", "全镇", "全乡", "全旗", "全盟", "全国")
"""Words in a statement's clause that make it count a whole area: a government's report counts
its area in its tables, a department's may not; R7 checks such a statement, the reader never
takes it to choose between readings."""

COMBINED = r"复议(?:[、和及与]|和提起|及提起|与提起)$"
"""Text right before 行政诉讼 saying the number counts reviews and lawsuits together."""

PART_OF = ("其中", "含", "包括", "(")
"""Words that make a figure stated beside another its part (``共收到申请21件，其中上年结转3件``)."""


QUALIFIERS_AFTER = ("余", "多", "以上", "左右", "以内", "以下")
"""Words right after the number (or its unit) that make it an estimate."""

CLAUSE_BREAKS = "，。；：,;:！？!?"
SENTENCE_BREAKS = "。！？!?"
"""Punctuation that ends a clause, and a sentence (where context words are looked for)."""
