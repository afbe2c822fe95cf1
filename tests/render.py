"""Canonical reports with known values, rendered as the official tables in several formats.

The labels and the table structure (rowspan/colspan) are typed from the national templates
(国办公开办函〔2019〕60号 and 〔2021〕30号) as printed in docs/format.md, independently of the library's
vocabulary. ``expected(report)`` gives the values in ``Report.to_dict()``'s shape, computed here,
so a test compares the parser's output with numbers it did not produce.

A table is a list of rows; a row is a list of ``Spec`` cells (text, rowspan, colspan), the way
HTML writes them. ``to_text``, ``to_html`` and ``to_docx`` render the same report.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

APP_COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org")
RL_GROUPS = ("review", "litigation_direct", "litigation_after_review")
RL_COLUMNS = ("upheld", "corrected", "other", "pending", "total")


@dataclass(frozen=True)
class Spec:
    text: str
    rowspan: int = 1
    colspan: int = 1


Row = list[Spec]


def cells(*values: object) -> Row:
    return [Spec(str(v)) for v in values]


# --- canonical reports -------------------------------------------------------------------------


@dataclass
class Canonical:
    template: str
    organ: str
    year: int
    applications: dict[str, list[int]]
    """Row key -> the six applicant columns (the total is computed)."""
    review: dict[str, list[int]]
    """Group -> upheld, corrected, other, pending (the total is computed)."""
    active: dict[str, dict[str, list[str]]]
    """Block -> row -> cells as printed."""
    prose: dict[int, str] = field(default_factory=dict)
    """Section number -> its paragraph (a default sentence without numbers otherwise)."""
    org_subtotal: bool = False
    """Table 3 prints 法人或其他组织小计 after 其他 (docs/format.md §2.2)."""
    subtotals: str = ""
    """Table 3 prints group subtotals for （三）…（六）: ``"row"`` on the group's heading row,
    ``"小计"`` on a row of its own under the heading; ``""`` none."""
    extras: list[Extra] = field(default_factory=list)
    """Local rows the report adds (docs/format.md §2.1: kept under their own label)."""


@dataclass(frozen=True)
class Extra:
    """A local row: in ``table`` after the row ``after`` (a row key of that table)."""

    table: str
    after: str
    label: str
    values: tuple[str, ...]


WITHHELD = (
    "state_secret",
    "prohibited_by_law",
    "security_stability",
    "third_party_rights",
    "internal_affairs",
    "process_information",
    "law_enforcement_files",
    "administrative_query",
)
UNAVAILABLE = ("not_held", "needs_creation", "unclear_after_correction")
NOT_PROCESSED = ("petition_complaint", "duplicate", "publication", "excessive", "confirm_existing")
OTHER_2021 = ("no_correction", "fee_unpaid", "other")


def _result_keys(template: str) -> list[str]:
    keys = ["granted", "partially_granted"]
    keys += [f"withheld.{k}" for k in WITHHELD]
    keys += [f"unavailable.{k}" for k in UNAVAILABLE]
    keys += [f"not_processed.{k}" for k in NOT_PROCESSED]
    keys += [f"other.{k}" for k in OTHER_2021] if template == "2021" else ["other"]
    return keys


def consistent(
    results: dict[str, list[int]], carried_over: list[int], carried_forward: list[int]
) -> dict[str, list[int]]:
    """Table 3's rows around its result rows: the total is their sum, and new requests are what
    R1 makes them (new + carried over = total + carried forward), column by column."""
    total = [sum(col) for col in zip(*results.values(), strict=True)]
    new = [t + f - c for t, f, c in zip(total, carried_forward, carried_over, strict=True)]
    return {
        "new_requests": new,
        "carried_over": carried_over,
        **results,
        "total": total,
        "carried_forward": carried_forward,
    }


def canonical(template: str = "2021") -> Canonical:
    """A consistent report: new + carried over = results + carried forward, column by column."""
    results = dict.fromkeys(_result_keys(template), [0] * 6)
    results = {k: list(v) for k, v in results.items()}
    results["granted"] = [12, 3, 0, 1, 0, 2]
    results["partially_granted"] = [4, 0, 1, 0, 0, 0]
    results["withheld.third_party_rights"] = [1, 0, 0, 0, 0, 0]
    results["unavailable.not_held"] = [7, 1, 0, 0, 1, 0]
    results["not_processed.duplicate"] = [2, 0, 0, 0, 0, 0]
    results["other.no_correction" if template == "2021" else "other"] = [3, 0, 0, 0, 0, 1]
    applications = consistent(results, [2, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0])
    review = {
        "review": [2, 1, 0, 1],
        "litigation_direct": [1, 0, 0, 2],
        "litigation_after_review": [0, 0, 1, 0],
    }
    if template == "2021":
        active = {
            "art20_1": {"rules": ["0", "0", "3"], "normative_documents": ["5", "1", "27"]},
            "art20_5": {"administrative_license": ["1024"]},
            "art20_6": {"administrative_penalty": ["56"], "administrative_coercion": ["0"]},
            "art20_8": {"administrative_fees": ["12.75"]},
        }
    else:
        active = {
            "art20_1": {"rules": ["0", "0", "3"], "normative_documents": ["5", "5", "27"]},
            "art20_5": {
                "administrative_license": ["120", "-3", "1024"],
                "other_external_management": ["8", "0", "30"],
            },
            "art20_6": {
                "administrative_penalty": ["15", "2", "56"],
                "administrative_coercion": ["0", "0", "0"],
            },
            "art20_8": {"administrative_fees": ["2", "0"]},
            "art20_9": {"centralized_procurement": ["6", "251000元"]},
        }
    year = 2022 if template == "2021" else 2020
    return Canonical(template, "某市某某局", year, applications, review, active)


AD_COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    "2021": {
        "art20_1": ("issued", "repealed", "in_force"),
        "art20_5": ("decisions",),
        "art20_6": ("decisions",),
        "art20_8": ("amount",),
    },
    "2019": {
        "art20_1": ("new_made", "new_published", "total_published"),
        "art20_5": ("previous_year", "change", "decisions"),
        "art20_6": ("previous_year", "change", "decisions"),
        "art20_8": ("previous_year", "change"),
        "art20_9": ("projects", "amount"),
    },
}
"""Table 2's columns by template and block, written out here (not taken from the library)."""


def expected(report: Canonical) -> dict[str, object]:
    """The values ``to_dict()`` must give for the three tables (blank cells are absent here), and
    the local rows as ``(table, label, values)``."""
    applications = {k: _applicant_values(report, v) for k, v in report.applications.items()}
    for group in _printed_subtotals(report):
        applications[group] = _applicant_values(report, _group_sum(report, group))
    review = {
        g: {**dict(zip(RL_COLUMNS[:4], v, strict=True)), "total": sum(v)} for g, v in report.review.items()
    }
    columns = AD_COLUMNS[report.template]
    active: dict[str, dict[str, dict[str, object]]] = {}
    for block, rows in report.active.items():
        active[block] = {
            row: {col: _number(v) for col, v in zip(columns[block], values, strict=True)}
            for row, values in rows.items()
        }
    extras = [(e.table, e.label, [_number(v) for v in _extra_values(report, e)]) for e in report.extras]
    return {
        "applications": applications,
        "review_litigation": review,
        "active_disclosure": active,
        "extra_rows": extras,
    }


def _applicant_values(report: Canonical, six: list[int]) -> dict[str, int]:
    out = dict(zip(APP_COLUMNS, six, strict=True))
    if report.org_subtotal:
        out["org_subtotal"] = sum(six[1:])
    return {**out, "total": sum(six)}


def _printed_subtotals(report: Canonical) -> tuple[str, ...]:
    if not report.subtotals:
        return ()
    return ("withheld", "unavailable", "not_processed") + (("other",) if report.template == "2021" else ())


def _group_sum(report: Canonical, group: str) -> list[int]:
    children = [v for k, v in report.applications.items() if k.startswith(group + ".")]
    return [sum(column) for column in zip(*children, strict=True)]


def _extra_values(report: Canonical, extra: Extra) -> tuple[str, ...]:
    """A local row's cells as printed: in table 3 its six numbers, then the subtotal and total."""
    if extra.table != "applications":
        return extra.values
    six = [int(v) for v in extra.values]
    return tuple(str(v) for v in (*six, *([sum(six[1:])] if report.org_subtotal else []), sum(six)))


def _number(raw: str) -> object:
    """The compact value of a cell as printed: None for a blank or a placeholder, an int for a
    count, a float for money (``12.75``, ``251000元``)."""
    if raw.strip() in ("", "/", "／", "-", "—", "无", "不涉及"):
        return None
    digits = raw.rstrip("元万")
    return float(digits) if "." in digits or digits != raw else int(digits)


# --- the official tables -----------------------------------------------------------------------

WITHHELD_LABELS = (
    "1.属于国家秘密",
    "2.其他法律行政法规禁止公开",
    "3.危及“三安全一稳定”",
    "4.保护第三方合法权益",
    "5.属于三类内部事务信息",
    "6.属于四类过程性信息",
    "7.属于行政执法案卷",
    "8.属于行政查询事项",
)
UNAVAILABLE_LABELS = ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")
NOT_PROCESSED_LABELS = (
    "1.信访举报投诉类申请",
    "2.重复申请",
    "3.要求提供公开出版物",
    "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
)
OTHER_LABELS = (
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "3.其他",
)


def applications_table(report: Canonical) -> list[Row]:
    a = report.applications
    subtotal = report.org_subtotal
    orgs = 5 + subtotal

    def values(six: list[int]) -> Row:
        return cells(*six, *([sum(six[1:])] if subtotal else []), sum(six))

    def local(after: str) -> list[Row]:  # after a row outside the rowspan of 三、本年度办理结果
        return [
            [Spec(e.label, 1, 3), *cells(*_extra_values(report, e))]
            for e in report.extras
            if e.table == "applications" and e.after == after
        ]

    def row(key: str, *label: Spec) -> list[Row]:
        return [[*label, *values(a[key])], *local(key)]

    rows: list[Row] = [
        [
            Spec("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和", 3, 3),
            Spec("申请人情况", 1, 2 + orgs),
        ],
        [Spec("自然人", 2), Spec("法人或其他组织", 1, orgs), Spec("总计", 2)],
        cells(
            "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", *(["小计"] if subtotal else [])
        ),
        *row("new_requests", Spec("一、本年新收政府信息公开申请数量", 1, 3)),
        *row("carried_over", Spec("二、上年结转政府信息公开申请数量", 1, 3)),
    ]
    others = OTHER_LABELS if report.template == "2021" else ()
    groups = [
        ("（三）不予公开", "withheld", WITHHELD, WITHHELD_LABELS),
        ("（四）无法提供", "unavailable", UNAVAILABLE, UNAVAILABLE_LABELS),
        ("（五）不予处理", "not_processed", NOT_PROCESSED, NOT_PROCESSED_LABELS),
    ]
    if others:
        groups.append(("（六）其他处理", "other", OTHER_2021, OTHER_LABELS))
    printed = _printed_subtotals(report)
    results: list[Row] = [
        *row("granted", Spec("（一）予以公开", 1, 2)),
        *row("partially_granted", Spec("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)),
    ]
    for heading, group, keys, labels in groups:
        children = [(f"{group}.{key}", label) for key, label in zip(keys, labels, strict=True)]
        if group in printed and report.subtotals == "row":  # the heading row carries the subtotal
            results.append([Spec(heading, 1, 2), *values(_group_sum(report, group))])
            for key, label in children:
                results += row(key, Spec(label, 1, 2))
            continue
        height = len(children) + (group in printed)
        head = [Spec(heading, height)]
        if group in printed:
            results.append([*head, Spec("小计"), *values(_group_sum(report, group))])
            head = []
        for key, label in children:
            results += row(key, *head, Spec(label))
            head = []
    if not others:
        results += row("other", Spec("（六）其他处理", 1, 2))
    results += row("total", Spec("（七）总计", 1, 2))
    first = results[0]
    results[0] = [Spec("三、本年度办理结果", len(results)), *first]
    rows += results
    rows += row("carried_forward", Spec("四、结转下年度继续办理", 1, 3))
    return rows


def review_table(report: Canonical) -> list[Row]:
    heads = cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    values = [v for g in RL_GROUPS for v in (*report.review[g], sum(report.review[g]))]
    return [
        [Spec("行政复议", 1, 5), Spec("行政诉讼", 1, 10)],
        [*(Spec(h.text, 2) for h in heads), Spec("未经复议直接起诉", 1, 5), Spec("复议后起诉", 1, 5)],
        heads + heads,
        cells(*values),
    ]


def active_table(report: Canonical) -> list[Row]:
    r = report.active
    rows: list[Row] = []

    def block(item: str, header: list[str], body: dict[str, list[str]], labels: dict[str, str]) -> None:
        rows.append([Spec(f"第二十条第（{item}）项", 1, 4)])
        rows.append(_stretch(["信息内容", *header]))
        for key, values in body.items():
            rows.append(_stretch([labels[key], *values]))
            rows.extend(
                _stretch([e.label, *e.values])
                for e in report.extras
                if e.table == "active_disclosure" and e.after == key
            )

    if report.template == "2021":
        block(
            "一",
            ["本年制发件数", "本年废止件数", "现行有效件数"],
            r["art20_1"],
            {"rules": "规章", "normative_documents": "行政规范性文件"},
        )
        block("五", ["本年处理决定数量"], r["art20_5"], {"administrative_license": "行政许可"})
        block(
            "六",
            ["本年处理决定数量"],
            r["art20_6"],
            {"administrative_penalty": "行政处罚", "administrative_coercion": "行政强制"},
        )
        block("八", ["本年收费金额（单位：万元）"], r["art20_8"], {"administrative_fees": "行政事业性收费"})
    else:
        block(
            "一",
            ["本年新制作数量", "本年新公开数量", "对外公开总数量"],
            r["art20_1"],
            {"rules": "规章", "normative_documents": "规范性文件"},
        )
        changes = ["上一年项目数量", "本年增/减", "处理决定数量"]
        block(
            "五",
            changes,
            r["art20_5"],
            {"administrative_license": "行政许可", "other_external_management": "其他对外管理服务事项"},
        )
        block(
            "六",
            changes,
            r["art20_6"],
            {"administrative_penalty": "行政处罚", "administrative_coercion": "行政强制"},
        )
        block("八", ["上一年项目数量", "本年增/减"], r["art20_8"], {"administrative_fees": "行政事业性收费"})
        block("九", ["采购项目数量", "采购总金额"], r["art20_9"], {"centralized_procurement": "政府集中采购"})
    return rows


def _stretch(texts: list[str]) -> Row:
    """A row of a four-column table: the last cell spans what the row lacks."""
    row = cells(*texts)
    if len(row) < 4:
        row[-1] = Spec(row[-1].text, 1, 5 - len(row))
    return row


# --- the document --------------------------------------------------------------------------------

HEADINGS = (
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
)


def blocks(report: Canonical) -> list[str | list[Row]]:
    """The report as a sequence of paragraphs and tables."""
    title = f"{report.organ}{report.year}年政府信息公开工作年度报告"
    tables = {2: active_table(report), 3: applications_table(report), 4: review_table(report)}
    out: list[str | list[Row]] = [title]
    for number, heading in enumerate(HEADINGS, start=1):
        out.append(heading)
        out.append(report.prose.get(number, f"本机关认真落实政府信息公开工作要求，{heading[2:]}如下。"))
        if number in tables:
            out.append(tables[number])
    return out


def to_text(report: Canonical) -> str:
    """Plain text as a word processor saves it: one line per paragraph, a table row's cells
    separated by tabs, each merged cell written once."""
    lines: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            lines.append(block)
        else:
            lines.extend("\t".join(c.text for c in row) for row in block)
    return "\n".join(lines) + "\n"


def to_html(report: Canonical, *, chrome: bool = False) -> str:
    """An HTML page with the official rowspan/colspan tables (and, with ``chrome``, site chrome)."""
    body: list[str] = []
    for block in blocks(report):
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
        else:
            rows = "".join("<tr>" + "".join(_td(c) for c in row) + "</tr>" for row in block)
            body.append(f'<table border="1" cellspacing="0"><tbody>{rows}</tbody></table>')
    content = "\n".join(body)
    if chrome:
        content = (
            '<div class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a>政府信息公开年报</a></div>\n'
            '<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 年度报告</div>\n'
            '<div class="article"><div class="info">发布时间：2023-01-20 来源：本站</div>\n'
            f"{content}\n"
            '<div class="bdsharebuttonbox">分享到：<a>微信</a><a>微博</a></div></div>\n'
            '<div id="footer">主办单位：某市人民政府办公室 版权所有 ICP备案号 12345678</div>\n'
            "<script>var x = '一、本年新收政府信息公开申请数量 99';</script>"
        )
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>'
        f"{escape(report.organ)}{report.year}年政府信息公开工作年度报告</title></head>\n"
        f"<body>\n{content}\n</body></html>\n"
    )


def _td(cell: Spec) -> str:
    attrs = (f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else "") + (
        f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
    )
    return f"<td{attrs}>{escape(cell.text)}</td>"


# --- DOCX ----------------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)


def paragraph_xml(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def placements(
    rows: list[Row],
) -> tuple[dict[tuple[int, int], tuple[Spec, bool]], list[tuple[int, int, Spec]]]:
    """Where each cell of an HTML-style table sits: every grid position it covers, with whether
    it is the cell's top-left one, and the top-left position of every cell in order."""
    placed: dict[tuple[int, int], tuple[Spec, bool]] = {}
    origins: list[tuple[int, int, Spec]] = []
    for r, row in enumerate(rows):
        col = 0
        for cell in row:
            while (r, col) in placed:
                col += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    placed[(r + dr, col + dc)] = (cell, dr == 0 and dc == 0)
            origins.append((r, col, cell))
            col += cell.colspan
    return placed, origins


def table_xml(rows: list[Row]) -> str:
    """WordprocessingML for a table: ``w:gridSpan`` for colspans, ``w:vMerge`` for rowspans."""
    placed, _ = placements(rows)
    width = 1 + max(c for _, c in placed)
    out = ["<w:tbl><w:tblGrid>" + '<w:gridCol w:w="800"/>' * width + "</w:tblGrid>"]
    for r in range(len(rows)):
        out.append("<w:tr>")
        col = 0
        while col < width:
            cell, origin = placed[(r, col)]
            properties = f'<w:gridSpan w:val="{cell.colspan}"/>' if cell.colspan > 1 else ""
            if cell.rowspan > 1:
                properties += '<w:vMerge w:val="restart"/>' if origin else "<w:vMerge/>"
            text = cell.text if origin else ""
            out.append(f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph_xml(text)}</w:tc>")
            col += cell.colspan
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def document_xml(body: str) -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        f'xmlns:v="urn:schemas-microsoft-com:vml"><w:body>{body}<w:sectPr/></w:body></w:document>'
    )


def docx_package(document: str | bytes, extra: dict[str, str | bytes] | None = None) -> bytes:
    """A minimal .docx: content types, the package relationship, ``word/document.xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def to_docx(report: Canonical) -> bytes:
    body = "".join(
        paragraph_xml(block) if isinstance(block, str) else table_xml(block) for block in blocks(report)
    )
    return docx_package(document_xml(body))
