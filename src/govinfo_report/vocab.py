"""Vocabulary: headings, labels, aliases and numerals. Data only; the logic lives elsewhere.

All label patterns are written in *folded* form (see :func:`govinfo_report.text.fold`): NFKC,
then only CJK characters, letters and digits kept. ``（三）不予公开`` folds to ``三不予公开``.
A new local variant of a label means adding a string here, not code.
"""

from __future__ import annotations

from typing import NamedTuple

CHINESE_NUMERALS: dict[str, int] = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}

CHINESE_DIGITS: str = "〇一二三四五六七八九"
"""Digit ``d`` in Chinese numerals is ``CHINESE_DIGITS[d]`` (Word's chineseCounting list numbers)."""

# --------------------------------------------------------------------------- sections

SECTION_KEYWORDS: dict[int, tuple[str, ...]] = {
    # A heading is ``一、`` ... ``六、`` followed by a short text containing one of these.
    1: ("总体情况", "概述", "基本情况"),
    2: ("主动公开",),
    3: ("收到和处理", "依申请公开", "申请情况"),
    4: ("行政复议", "行政诉讼", "复议", "诉讼"),
    5: ("存在的主要问题", "主要问题", "存在问题", "改进情况", "改进措施"),
    6: ("其他需要报告", "其他事项", "需要报告的事项", "统计表"),
}
"""Words that make ``N、...`` a section heading rather than a table row label."""

INLINE_HEADINGS: tuple[str, ...] = (
    # Headings found inside a longer line in crawler dumps, where the page lost its line breaks.
    # Only full canonical forms are split out: they never occur inside prose or table labels.
    "一、总体情况",
    "一、概述",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "四、因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "五、存在的主要问题及改进情况",
    "五、政府信息公开工作存在的主要问题及改进情况",
    "五、存在问题及改进情况",
    "五、主要问题和改进措施",
    "六、其他需要报告的事项",
    "三、政府信息依申请公开工作情况",
    "六、政府信息公开情况统计表",
)

SECTION_TABLE: dict[int, str] = {2: "active_disclosure", 3: "applications", 4: "review_litigation"}
"""Which canonical table each section holds."""

# --------------------------------------------------------------------------- title

REPORT_TITLE_WORDS: tuple[str, ...] = ("政府信息公开", "政务公开")
REPORT_TITLE_ENDINGS: tuple[str, ...] = ("年度报告", "年报", "工作报告")

REPORT_NOTICE_PREFIXES: tuple[str, ...] = ("关于印发", "关于发布", "关于公布", "关于公开", "印发")
"""Words of a notice that issues the report (``关于印发XX局2023年…年度报告的通知``): the report's
title starts after the last of them, its organ is named after them (else before them)."""
REPORT_TITLE_ABOUT: tuple[str, ...] = ("关于",)
"""Joins the organ to the report's name (``XX市人民政府关于2024年…年度报告``): no part of the organ,
dropped from the start of a title (``关于XX局2023年…年度报告的公告``)."""
REPORT_NOTICE_SUFFIXES: tuple[str, ...] = ("的通知", "的公告", "的通告", "的函")
"""Words closing such a notice after the report's name (``…年度报告》的通知``): not part of the title."""
YEAR_RANGE_SEPARATORS: tuple[str, ...] = ("—", "－", "-", "–", "~", "～", "至", "到")
"""Between the two years of a range in a title (``2024—2025年``): such a title names no single year."""

PAGE_TITLE_SEPARATORS: tuple[str, ...] = ("_", "|", "｜", "-", "－", "–", "—")
"""Between a page title's parts (``政府信息公开年报_XX市人民政府``, ``XX市人民政府 - 年报``). A dash
counts only away from digits and 年, where it would be a year range."""
PAGE_POSITION_MARKERS: tuple[str, ...] = (
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "你现在的位置",
    "您当前的位置",
    "您所在的位置",
    "所在位置",
    "当前页面",
)
"""A line opening with one of these is a breadcrumb (``当前位置：首页 > 政务公开 > 年度报告``)."""
PAGE_TRAIL_SEPARATORS: tuple[str, ...] = (">", "＞", "»", "›", "→")
"""Between the links of a breadcrumb (``首页 > 政务公开``); ``/`` counts twice between CJK words."""
PAGE_SITE_WORDS: tuple[str, ...] = ("网站", "官网", "欢迎访问", "欢迎来到", "首页")
"""A short line with one of these that is no title names the site (``XX市人民政府门户网站``), no organ."""

CRAWLER_TITLE_PREFIXES: tuple[str, ...] = ("标题:", "标题：", "title:")
CRAWLER_CHROME_FIELDS: tuple[str, ...] = (
    "发布时间",
    "发布日期",
    "文号",
    "发布机构",
    "栏目",
    "原文链接",
    "本地目录",
    "来源",
    "索引号",
    "信息来源",
    "浏览次数",
    "字号",
    "成文日期",
    "主题分类",
    "公文种类",
)
"""A short line ``FIELD: value`` (``:`` or ``：``) with one of these fields is page chrome."""

CRAWLER_CHROME_LINES: tuple[str, ...] = (
    "页面链接",
    "打印本页",
    "关闭窗口",
    "分享到",
    "【打印】",
    "【关闭】",
)
"""A short line (at most 40 characters) starting with one of these is page chrome."""

# --------------------------------------------------------------------------- values

PLACEHOLDERS: frozenset[str] = frozenset(
    {"/", "／", "-", "－", "—", "——", "–", "无", "不涉及", "—-", "--", "\\", "×", "N/A", "n/a", "空"}
)
"""Cell texts meaning "nothing to report". Never read as 0."""

MONEY_UNITS: tuple[str, ...] = ("万元", "亿元", "元", "万")

# --------------------------------------------------------------------------- templates


class Marker(NamedTuple):
    pattern: str
    template: str


TEMPLATE_MARKERS: tuple[Marker, ...] = (
    Marker("本年新制作数量", "2019"),
    Marker("本年新公开数量", "2019"),
    Marker("对外公开总数量", "2019"),
    Marker("上一年项目数量", "2019"),
    Marker("第二十条第九项", "2019"),
    Marker("采购项目数量", "2019"),
    Marker("采购总金额", "2019"),
    Marker("政府集中采购", "2019"),
    Marker("本年制发件数", "2021"),
    Marker("本年废止件数", "2021"),
    Marker("现行有效件数", "2021"),
    Marker("本年处理决定数量", "2021"),
    Marker("本年收费金额", "2021"),
    Marker("逾期不补正", "2021"),
    Marker("未按收费通知要求缴纳费用", "2021"),
)
"""Labels that only one template has (SPEC.md §2). The template is decided by these, never the year."""

PRE2019_MARKERS: tuple[str, ...] = ("政府信息公开情况统计表", "指标名称计量单位", "历年累计")

# --------------------------------------------------------------------------- table 2


class BlockSpec(NamedTuple):
    key: str
    patterns: tuple[str, ...]


AD_BLOCKS: tuple[BlockSpec, ...] = (
    BlockSpec("art20_1", ("第二十条第一项",)),
    BlockSpec("art20_5", ("第二十条第五项",)),
    BlockSpec("art20_6", ("第二十条第六项",)),
    BlockSpec("art20_8", ("第二十条第八项",)),
    BlockSpec("art20_9", ("第二十条第九项",)),
)


class AdRowSpec(NamedTuple):
    block: str
    key: str
    patterns: tuple[str, ...]
    templates: frozenset[str] = frozenset({"2019", "2021"})


AD_ROWS: tuple[AdRowSpec, ...] = (
    AdRowSpec("art20_1", "rules", ("规章",)),
    AdRowSpec("art20_1", "normative_documents", ("行政规范性文件", "规范性文件")),
    AdRowSpec("art20_5", "administrative_license", ("行政许可",)),
    AdRowSpec(
        "art20_5", "other_external_management", ("其他对外管理服务事项", "其他对外管理"), frozenset({"2019"})
    ),
    AdRowSpec("art20_6", "administrative_penalty", ("行政处罚",)),
    AdRowSpec("art20_6", "administrative_coercion", ("行政强制",)),
    AdRowSpec("art20_8", "administrative_fees", ("行政事业性收费",)),
    AdRowSpec("art20_9", "centralized_procurement", ("政府集中采购",), frozenset({"2019"})),
)

AD_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "2019": {
        "art20_1": ("new_made", "new_published", "total_published"),
        "art20_5": ("previous_year", "change", "decisions"),
        "art20_6": ("previous_year", "change", "decisions"),
        "art20_8": ("previous_year", "change"),
        "art20_9": ("projects", "amount"),
    },
    "2021": {
        "art20_1": ("issued", "repealed", "in_force"),
        "art20_5": ("decisions",),
        "art20_6": ("decisions",),
        "art20_8": ("amount",),
    },
}

AD_MONEY_COLUMNS: frozenset[str] = frozenset({"amount"})
AD_SIGNED_COLUMNS: frozenset[str] = frozenset({"change"})
AD_MONEY_UNIT_DEFAULT: dict[str, str | None] = {"2021": "万元", "2019": None}
"""The unit of a money column when the cell does not write one (2021 prints 单位：万元 in the header)."""

AD_HEADER_WORDS: tuple[str, ...] = (
    "信息内容",
    "本年新",
    "制作数量",
    "公开数量",
    "对外公开总数",
    "本年处理决定数量",
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "本年增减",
    "上一年项目数量",
    "本年增",
    "处理决定数量",
    "采购项目数量",
    "采购总金额",
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
)

# --------------------------------------------------------------------------- table 3

APP_COLUMNS: tuple[str, ...] = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_services",
    "other_org",
    "total",
)
APP_COLUMNS_WITH_SUBTOTAL: tuple[str, ...] = (*APP_COLUMNS[:6], "org_subtotal", "total")
"""With 法人或其他组织小计 printed after 其他."""
APP_ORG_COLUMNS: tuple[str, ...] = ("commercial", "research", "social_welfare", "legal_services", "other_org")

APP_HEADER_WORDS: tuple[str, ...] = (
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "申请人情况",
    "勾稽关系",
    "数据1",
    "数据项目",
)
APP_SUBTOTAL_HEADER: str = "小计"
APP_SUBTOTAL_ROW_LABELS: tuple[str, ...] = ("小计",)
"""A row label that alone, right under a group's heading (（三）不予公开), names the group's printed
subtotal (合计 is not one: it also closes the results as their total)."""


class AppRowSpec(NamedTuple):
    key: str
    group: str | None
    """The printed group (（三）（四）（五）（六）) the row belongs to."""
    number: int | None
    """Its item number inside the group (the ``1.`` of ``1.属于国家秘密``)."""
    patterns: tuple[str, ...]
    """Folded label texts, most specific first."""
    templates: frozenset[str] = frozenset({"2019", "2021"})


APP_ROWS: tuple[AppRowSpec, ...] = (
    AppRowSpec("new_requests", None, 1, ("本年新收政府信息公开申请数量", "本年新收")),
    AppRowSpec("carried_over", None, 2, ("上年结转政府信息公开申请数量", "上年结转")),
    AppRowSpec("granted", None, 1, ("予以公开",)),
    AppRowSpec("partially_granted", None, 2, ("部分公开",)),
    AppRowSpec("withheld.state_secret", "withheld", 1, ("属于国家秘密", "国家秘密")),
    AppRowSpec("withheld.prohibited_by_law", "withheld", 2, ("其他法律行政法规禁止公开", "法律行政法规禁止")),
    AppRowSpec("withheld.security_stability", "withheld", 3, ("危及三安全一稳定", "三安全一稳定")),
    AppRowSpec("withheld.third_party_rights", "withheld", 4, ("保护第三方合法权益", "第三方合法权益")),
    AppRowSpec("withheld.internal_affairs", "withheld", 5, ("属于三类内部事务信息", "内部事务信息")),
    AppRowSpec("withheld.process_information", "withheld", 6, ("属于四类过程性信息", "过程性信息")),
    AppRowSpec("withheld.law_enforcement_files", "withheld", 7, ("属于行政执法案卷", "行政执法案卷")),
    AppRowSpec("withheld.administrative_query", "withheld", 8, ("属于行政查询事项", "行政查询事项")),
    AppRowSpec("unavailable.not_held", "unavailable", 1, ("本机关不掌握相关政府信息", "不掌握相关政府信息")),
    AppRowSpec("unavailable.needs_creation", "unavailable", 2, ("没有现成信息需要另行制作", "需要另行制作")),
    AppRowSpec(
        "unavailable.unclear_after_correction", "unavailable", 3, ("补正后申请内容仍不明确", "仍不明确")
    ),
    AppRowSpec(
        "not_processed.petition_complaint", "not_processed", 1, ("信访举报投诉类申请", "信访举报投诉")
    ),
    AppRowSpec("not_processed.duplicate", "not_processed", 2, ("重复申请",)),
    AppRowSpec("not_processed.publication", "not_processed", 3, ("要求提供公开出版物", "公开出版物")),
    AppRowSpec("not_processed.excessive", "not_processed", 4, ("无正当理由大量反复申请", "大量反复申请")),
    AppRowSpec(
        "not_processed.confirm_existing",
        "not_processed",
        5,
        ("要求行政机关确认或重新出具已获取信息", "重新出具"),
    ),
    AppRowSpec(
        "other.no_correction", "other", 1, ("申请人无正当理由逾期不补正", "逾期不补正"), frozenset({"2021"})
    ),
    AppRowSpec(
        "other.fee_unpaid",
        "other",
        2,
        ("申请人逾期未按收费通知要求缴纳费用", "未按收费通知要求缴纳费用", "未按收费通知"),
        frozenset({"2021"}),
    ),
    AppRowSpec("other.other", "other", 3, (), frozenset({"2021"})),
    AppRowSpec("total", None, 7, ("总计",)),
    AppRowSpec("carried_forward", None, 4, ("结转下年度继续办理", "结转下年度")),
)
"""Table 3 rows in template order (SPEC.md §2.2). ``other.other`` (``3.其他``) is found by its number."""


APP_FULL_LABELS: dict[str, str] = {
    "new_requests": "本年新收政府信息公开申请数量",
    "carried_over": "上年结转政府信息公开申请数量",
    "granted": "予以公开",
    "partially_granted": "部分公开区分处理的只计这一情形不计其他情形",
    "withheld.state_secret": "属于国家秘密",
    "withheld.prohibited_by_law": "其他法律行政法规禁止公开",
    "withheld.security_stability": "危及三安全一稳定",
    "withheld.third_party_rights": "保护第三方合法权益",
    "withheld.internal_affairs": "属于三类内部事务信息",
    "withheld.process_information": "属于四类过程性信息",
    "withheld.law_enforcement_files": "属于行政执法案卷",
    "withheld.administrative_query": "属于行政查询事项",
    "unavailable.not_held": "本机关不掌握相关政府信息",
    "unavailable.needs_creation": "没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "补正后申请内容仍不明确",
    "not_processed.petition_complaint": "信访举报投诉类申请",
    "not_processed.duplicate": "重复申请",
    "not_processed.publication": "要求提供公开出版物",
    "not_processed.excessive": "无正当理由大量反复申请",
    "not_processed.confirm_existing": "要求行政机关确认或重新出具已获取信息",
    "other.no_correction": "申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请",
    "other.fee_unpaid": "申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请",
    "total": "总计",
    "carried_forward": "结转下年度继续办理",
}
"""Each row's full label as the template prints it (folded, item numbers left out): a piece of one
of these, printed with numbers on its own line, is a label broken over lines, not a new row."""


SUBROW_MARKERS: tuple[str, ...] = ("其中",)
"""A label with one of these is a local breakdown of a row (``其中：网上申请``), kept as an extra row."""


class GroupSpec(NamedTuple):
    key: str
    number: int
    patterns: tuple[str, ...]


APP_GROUPS: tuple[GroupSpec, ...] = (
    GroupSpec("results", 3, ("本年度办理结果",)),
    GroupSpec("withheld", 3, ("不予公开",)),
    GroupSpec("unavailable", 4, ("无法提供",)),
    GroupSpec("not_processed", 5, ("不予处理",)),
    GroupSpec("other", 6, ("其他处理", "六其他")),  # ``（六）其他`` without 处理
)
"""Printed group labels. ``other`` doubles as the single （六）其他处理 row of the 2019 format."""

# --------------------------------------------------------------------------- table 4

RL_GROUPS: tuple[str, ...] = ("review", "litigation_direct", "litigation_after_review")
RL_COLUMNS: tuple[str, ...] = ("upheld", "corrected", "other", "pending", "total")
RL_GROUP_PATTERNS: dict[str, tuple[str, ...]] = {
    "review": ("行政复议",),
    "litigation_direct": ("未经复议直接起诉", "直接起诉"),
    "litigation_after_review": ("复议后起诉",),
}

# --------------------------------------------------------------------------- table anchors

TABLE_ANCHORS: dict[str, tuple[str, ...]] = {
    "active_disclosure": ("第二十条第一项", "第二十条第五项", "信息内容"),
    "applications": ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果"),
    "review_litigation": ("结果维持", "未经复议直接起诉", "复议后起诉"),
}
"""Folded texts whose presence tells which canonical table a grid is."""

# --------------------------------------------------------------------------- HTML page chrome

HTML_CHROME_NAMES: frozenset[str] = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
        "footer", "share", "bdsharebuttonbox", "toolbar", "sidebar", "copyright", "weizhi", "dqwz",
    }
)  # fmt: skip
"""``class``/``id`` name tokens of page chrome on government sites (``main-nav``, ``share_box``;
``dqwz``/``weizhi``: 当前位置, the breadcrumb). Header names are left out on purpose: article
headers hold the report's title."""

HTML_CHROME_WHOLE_NAMES: frozenset[str] = frozenset({"position", "location", "curpos", "foot"})
"""Chrome names matched only as a whole ``class``/``id`` value (``class="position"``, a breadcrumb),
never as a token: ``position-relative`` or ``section-foot`` name content."""

HTML_REPORT_MARKERS: tuple[str, ...] = (
    "总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请", "行政复议、行政诉讼",
    "存在的主要问题", "其他需要报告",
)  # fmt: skip
"""Text that keeps a chrome-named element: it holds the report's body, not chrome (a breadcrumb
may name the report's title, so the title is no marker)."""

# --------------------------------------------------------------------------- labels for people

TABLE_LABELS: dict[str, str] = {
    "active_disclosure": "主动公开政府信息情况",
    "applications": "收到和处理政府信息公开申请情况",
    "review_litigation": "政府信息公开行政复议、行政诉讼情况",
}
"""The tables' headings as the national templates print them (docs/schema.md is made from these)."""

BLOCK_LABELS: dict[str, str] = {
    "art20_1": "第二十条第（一）项",
    "art20_5": "第二十条第（五）项",
    "art20_6": "第二十条第（六）项",
    "art20_8": "第二十条第（八）项",
    "art20_9": "第二十条第（九）项",
}

ROW_LABELS: dict[str, str] = {
    "art20_1/rules": "规章",
    "art20_1/normative_documents": "行政规范性文件 (2019: 规范性文件)",
    "art20_5/administrative_license": "行政许可",
    "art20_5/other_external_management": "其他对外管理服务事项",
    "art20_6/administrative_penalty": "行政处罚",
    "art20_6/administrative_coercion": "行政强制",
    "art20_8/administrative_fees": "行政事业性收费",
    "art20_9/centralized_procurement": "政府集中采购",
    "new_requests": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "三、本年度办理结果 （一）予以公开",
    "partially_granted": "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "withheld": "（三）不予公开 — a printed subtotal",
    "withheld.state_secret": "（三）不予公开 1.属于国家秘密",
    "withheld.prohibited_by_law": "2.其他法律行政法规禁止公开",
    "withheld.security_stability": "3.危及“三安全一稳定”",
    "withheld.third_party_rights": "4.保护第三方合法权益",
    "withheld.internal_affairs": "5.属于三类内部事务信息",
    "withheld.process_information": "6.属于四类过程性信息",
    "withheld.law_enforcement_files": "7.属于行政执法案卷",
    "withheld.administrative_query": "8.属于行政查询事项",
    "unavailable": "（四）无法提供 — a printed subtotal",
    "unavailable.not_held": "（四）无法提供 1.本机关不掌握相关政府信息",
    "unavailable.needs_creation": "2.没有现成信息需要另行制作",
    "unavailable.unclear_after_correction": "3.补正后申请内容仍不明确",
    "not_processed": "（五）不予处理 — a printed subtotal",
    "not_processed.petition_complaint": "（五）不予处理 1.信访举报投诉类申请",
    "not_processed.duplicate": "2.重复申请",
    "not_processed.publication": "3.要求提供公开出版物",
    "not_processed.excessive": "4.无正当理由大量反复申请",
    "not_processed.confirm_existing": "5.要求行政机关确认或重新出具已获取信息",
    "other": "（六）其他处理 — the 2019 row, or a printed subtotal",
    "other.no_correction": "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.fee_unpaid": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "other.other": "3.其他",
    "total": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
    "review": "行政复议",
    "litigation_direct": "行政诉讼 · 未经复议直接起诉",
    "litigation_after_review": "行政诉讼 · 复议后起诉",
}

AD_COLUMN_LABELS: dict[str, dict[str, str]] = {
    "2019": {
        "new_made": "本年新制作数量",
        "new_published": "本年新公开数量",
        "total_published": "对外公开总数量",
        "previous_year": "上一年项目数量",
        "change": "本年增/减 (signed)",
        "decisions": "处理决定数量",
        "projects": "采购项目数量",
        "amount": "采购总金额 (money; unit as written, e.g. 251000元, 1082.33万)",
    },
    "2021": {
        "issued": "本年制发件数",
        "repealed": "本年废止件数",
        "in_force": "现行有效件数",
        "decisions": "本年处理决定数量",
        "amount": "本年收费金额（单位：万元） (money, decimal)",
    },
}

COLUMN_LABELS: dict[str, dict[str, str]] = {
    "applications": {
        "natural_person": "自然人",
        "commercial": "法人或其他组织 · 商业企业",
        "research": "科研机构",
        "social_welfare": "社会公益组织",
        "legal_services": "法律服务机构",
        "other_org": "其他",
        "org_subtotal": "法人或其他组织小计 (only in reports that print it)",
        "total": "总计",
    },
    "review_litigation": {
        "upheld": "结果维持",
        "corrected": "结果纠正",
        "other": "其他结果",
        "pending": "尚未审结",
        "total": "总计",
    },
}
