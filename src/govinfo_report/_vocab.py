"""Vocabulary: headings, labels, aliases and numerals. Data only; the logic lives elsewhere.

All label patterns are written in *folded* form (see :func:`govinfo_report._text.fold`): NFKC,
then only CJK characters, letters and digits kept. ``（三）不予公开`` folds to ``三不予公开``.
A new local variant of a label means adding a string here, not code.
The tables' own vocabulary (rows, columns, groups) is in :mod:`._vocab_tables`, the words of
the page around a report (title, breadcrumbs, chrome) in :mod:`._vocab_page`; both re-exported here.
"""

from __future__ import annotations

from typing import NamedTuple

from ._vocab_page import (
    CRAWLER_CHROME_FIELDS,
    CRAWLER_CHROME_LINES,
    CRAWLER_TITLE_PREFIXES,
    EMBEDDED_TITLE_LEADS,
    HTML_CHROME_NAMES,
    HTML_CHROME_WHOLE_NAMES,
    HTML_REPORT_MARKERS,
    ORGAN_PRONOUNS,
    OTHER_DOCUMENT_ENDINGS,
    PAGE_POSITION_MARKERS,
    PAGE_SITE_WORDS,
    PAGE_TITLE_SEPARATORS,
    PAGE_TRAIL_SEPARATORS,
    PROSE_AFTER_NAMES,
    PROSE_OPENINGS,
    REPORT_NOTICE_PREFIXES,
    REPORT_NOTICE_SUFFIXES,
    REPORT_TITLE_ABOUT,
    REPORT_TITLE_ENDINGS,
    REPORT_TITLE_WORDS,
    STATISTICS_PERIOD_WORDS,
    YEAR_RANGE_SEPARATORS,
)
from ._vocab_tables import (
    AD_BLOCKS,
    AD_COLUMNS,
    AD_DECREASE_WORDS,
    AD_HEADER_WORDS,
    AD_MONEY_COLUMNS,
    AD_MONEY_UNIT_DEFAULT,
    AD_ROWS,
    AD_SIGNED_COLUMNS,
    APP_COLUMNS,
    APP_COLUMNS_WITH_SUBTOTAL,
    APP_FULL_LABELS,
    APP_GROUPS,
    APP_HEADER_WORDS,
    APP_ORG_COLUMNS,
    APP_ROWS,
    APP_SUBTOTAL_HEADER,
    APP_SUBTOTAL_ROW_LABELS,
    RL_COLUMNS,
    RL_GROUP_PATTERNS,
    RL_GROUPS,
    SUBROW_MARKERS,
    AdRowSpec,
    AppRowSpec,
    BlockSpec,
    GroupSpec,
)

__all__ = [
    "AD_BLOCKS",
    "AD_COLUMNS",
    "AD_COLUMN_LABELS",
    "AD_DECREASE_WORDS",
    "AD_HEADER_WORDS",
    "AD_MONEY_COLUMNS",
    "AD_MONEY_UNIT_DEFAULT",
    "AD_ROWS",
    "AD_SIGNED_COLUMNS",
    "APP_COLUMNS",
    "APP_COLUMNS_WITH_SUBTOTAL",
    "APP_FULL_LABELS",
    "APP_GROUPS",
    "APP_GROUP_LABELS",
    "APP_HEADER_WORDS",
    "APP_ORG_COLUMNS",
    "APP_ROWS",
    "APP_SUBTOTAL_HEADER",
    "APP_SUBTOTAL_ROW_LABELS",
    "BLOCK_LABELS",
    "CHINESE_DIGITS",
    "CHINESE_NUMERALS",
    "COLUMN_LABELS",
    "CRAWLER_CHROME_FIELDS",
    "CRAWLER_CHROME_LINES",
    "CRAWLER_TITLE_PREFIXES",
    "DASHES",
    "EMBEDDED_TITLE_LEADS",
    "HTML_CHROME_NAMES",
    "HTML_CHROME_WHOLE_NAMES",
    "HTML_REPORT_MARKERS",
    "INLINE_HEADINGS",
    "MONEY_UNITS",
    "ORGAN_PRONOUNS",
    "OTHER_DOCUMENT_ENDINGS",
    "PAGE_POSITION_MARKERS",
    "PAGE_SITE_WORDS",
    "PAGE_TITLE_SEPARATORS",
    "PAGE_TRAIL_SEPARATORS",
    "PLACEHOLDERS",
    "PRE2019_MARKERS",
    "PROSE_AFTER_NAMES",
    "PROSE_OPENINGS",
    "REPORT_NOTICE_PREFIXES",
    "REPORT_NOTICE_SUFFIXES",
    "REPORT_TITLE_ABOUT",
    "REPORT_TITLE_ENDINGS",
    "REPORT_TITLE_WORDS",
    "RL_COLUMNS",
    "RL_GROUPS",
    "RL_GROUP_PATTERNS",
    "ROW_LABELS",
    "SECTION_KEYWORDS",
    "SECTION_TABLE",
    "STATISTICS_PERIOD_WORDS",
    "SUBROW_MARKERS",
    "TABLE_ANCHORS",
    "TABLE_LABELS",
    "TEMPLATE_MARKERS",
    "YEAR_RANGE_SEPARATORS",
    "AdRowSpec",
    "AppRowSpec",
    "BlockSpec",
    "GroupSpec",
    "Marker",
]

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

APP_GROUP_LABELS: tuple[str, ...] = tuple(
    p if p.startswith(CHINESE_DIGITS[g.number]) else CHINESE_DIGITS[g.number] + p
    for g in APP_GROUPS
    for p in g.patterns
)
"""Table 3's group labels as printed, folded, their numbers in front (``四无法提供``): pieces of
them run down a narrow vertical cell beside the items."""

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

# --------------------------------------------------------------------------- values

PLACEHOLDERS: frozenset[str] = frozenset(
    {"/", "／", "-", "－", "—", "——", "–", "无", "不涉及", "—-", "--", "\\", "×", "N/A", "n/a", "空"}
)
"""Cell texts meaning "nothing to report". Never read as 0."""

DASHES = "—–－"
"""Dashes a placeholder is written with, alone or doubled; one right before a number may be a
minus sign (``—3``) as well."""

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
"""Labels that only one template has (docs/format.md §2). The template is decided by these, never the year."""

PRE2019_MARKERS: tuple[str, ...] = ("政府信息公开情况统计表", "指标名称计量单位", "历年累计")

# --------------------------------------------------------------------------- table anchors

TABLE_ANCHORS: dict[str, tuple[str, ...]] = {
    "active_disclosure": ("第二十条第一项", "第二十条第五项", "信息内容"),
    "applications": ("本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "本年度办理结果"),
    "review_litigation": ("结果维持", "未经复议直接起诉", "复议后起诉"),
}
"""Folded texts whose presence tells which canonical table a grid is."""

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
