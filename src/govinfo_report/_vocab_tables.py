"""Vocabulary of the three canonical tables: their blocks, rows, columns, groups and header words.

Data only, in the folded form described in :mod:`.vocab`, which re-exports every name here.
"""

from __future__ import annotations

from typing import NamedTuple

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
AD_DECREASE_WORDS: tuple[str, ...] = ("减少", "下降", "降低", "减", "负", "-", "－", "−")
"""Words beside a change that say it is a decrease (``3（减少）``): the sign is not in the number."""
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
"""Table 3 rows in template order (docs/format.md §2.2). ``other.other`` (``3.其他``) is found by
its number."""


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
