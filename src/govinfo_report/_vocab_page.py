"""Vocabulary of the page around a report: its title, the notice that issues it, breadcrumbs and
site chrome (crawler dumps and HTML). Data only; :mod:`.vocab` re-exports every name here.
"""

from __future__ import annotations

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
EMBEDDED_TITLE_LEADS: tuple[str, ...] = ("现将", "特将", "现予公布", "现予发布", "现发布", "现公布")
"""Words that present the report by its name in a sentence of its preamble
(``现将XX局2023年…年度报告向社会公布``), read where a tool dropped the title line."""
PROSE_OPENINGS: tuple[str, ...] = (
    *EMBEDDED_TITLE_LEADS,
    "现转发",
    "依据",
    "根据",
    "按照",
    "本报告",
    "为",
    "经",
    "与",
    "我",
    "本局",
    "本机关",
    "上年度",
)
"""Words a sentence of the preamble opens with: a line opening so names a report in prose, it
is no title (``根据市政府办公厅关于做好2019年…年度报告编制工作的通知``)."""
OTHER_DOCUMENT_ENDINGS: tuple[str, ...] = ("格式", "模板", "编制")
"""Words after a report's name that make it another document's name (``…年度报告格式``)."""
PROSE_AFTER_NAMES: tuple[str, ...] = (
    "向社会公布",
    "予以公布",
    "公布如下",
    "汇总如下",
    "显示",
    "由",
    *OTHER_DOCUMENT_ENDINGS,
)
"""What a sentence says right after a report's name it mentions: no title goes on so."""
ORGAN_PRONOUNS: frozenset[str] = frozenset(
    {
        "本机关",
        "本局",
        "本委",
        "本办",
        "本院",
        "本单位",
        "本部门",
        "我局",
        "我委",
        "我办",
        "我院",
        "我单位",
        "我机关",
        "我部门",
    }
)
"""Words an organ calls itself by, no name: ``现将本局2023年…年度报告``."""
STATISTICS_PERIOD_WORDS: tuple[str, ...] = ("统计期限", "统计时限", "统计期间", "统计区间", "统计时间")
"""Words before the period a report's figures cover (``统计期限自2019年1月1日起至2019年12月31日止``)."""
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
