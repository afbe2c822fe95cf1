"""Schema mapping: pairing detached labels, extra rows, templates never mixed."""

from __future__ import annotations

import pytest

from govinfo_report import CellState, parse

TITLE = "某某县人民政府2020年政府信息公开工作年度报告"


def table2_2019(*rows: str, sep: str = " ") -> str:
    header = sep.join(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"])
    return "\n".join(
        [
            TITLE,
            "一、总体情况",
            "正文。",
            "二、主动公开政府信息情况",
            "第二十条第（五）项",
            header,
            *rows,
            "三、收到和处理政府信息公开申请情况",
        ]
    )


def test_pdf_label_broken_over_lines_is_paired_with_its_numbers() -> None:
    # the label 其他对外管理服务事项 is broken after 服务; its numbers sit beside the fragment 事项
    report = parse(table2_2019("行政许可 0 0 0", "其他对外管理服务", "事项 20 -9 7447"))
    assert report.active_disclosure is not None
    row = report.active_disclosure.row("art20_5/other_external_management")
    assert [c.value for _, c in row.cells] == [20, -9, 7447]
    assert row.span is not None and (row.span.start, row.span.end) == (8, 9)  # fragment line, numbers line
    assert any(d.code == "row.bound_by_order" for d in report.diagnostics)
    assert report.extra_rows == ()


def test_a_local_extra_row_is_never_paired_with_a_label_left_without_values() -> None:
    # 其他对外管理服务事项 has no numbers; the local row below it is not a piece of any label
    report = parse(table2_2019("行政许可 1 2 3", "其他对外管理服务事项", "其他主动公开文件 5 0 5"))
    assert report.active_disclosure is not None
    missing = report.active_disclosure.get("art20_5/other_external_management", "previous_year")
    assert missing.value is None and missing.state is CellState.MISSING
    assert [(r.label, [c.value for c in r.cells]) for r in report.extra_rows] == [
        ("其他主动公开文件", [5, 0, 5])
    ]


def test_a_row_missing_a_cell_is_not_split_by_digit_count() -> None:
    # tab layout: 37 was written as one cell; the row lacks a cell, nothing may be guessed
    report = parse(table2_2019("行政许可\t5\t37", "其他对外管理服务事项\t1\t0\t1", sep="\t"))
    assert report.active_disclosure is not None
    row = report.active_disclosure.row("art20_5/administrative_license")
    assert [c.state for _, c in row.cells] == [CellState.MISSING] * 3
    assert any(d.code == "cells.too_few" for d in report.diagnostics)


def test_majority_of_labels_decides_and_rows_of_the_other_template_stay_extra() -> None:
    text = "\n".join(
        [
            "某局2021年政府信息公开工作年度报告",
            "二、主动公开政府信息情况",
            "第二十条第（一）项",
            "信息内容\t本年制发件数\t本年废止件数\t现行有效件数",
            "规章\t1\t0\t3",
            "第二十条第（五）项",
            "信息内容\t本年处理决定数量",
            "行政许可\t7",
            "第二十条第（八）项",
            "信息内容\t本年收费金额（单位：万元）",
            "行政事业性收费\t0",
            "第二十条第（九）项",
            "信息内容\t采购项目数量\t采购总金额",
            "政府集中采购\t2\t100万",
        ]
    )
    report = parse(text)
    assert report.template == "2021"
    assert report.active_disclosure is not None
    # 2021 markers: 本年制发件数 本年废止件数 现行有效件数 本年处理决定数量 本年收费金额 (5) against
    # 2019's 第二十条第九项 采购项目数量 采购总金额 政府集中采购 (4)
    assert [r.key for r in report.active_disclosure.rows] == [
        "art20_1/rules",
        "art20_5/administrative_license",
        "art20_8/administrative_fees",
    ]
    assert [d.code for d in report.diagnostics if "政府集中采购" in d.message] == [
        "row.other_template",
        "row.extra",
    ]
    assert [(r.label, [c.raw for c in r.cells]) for r in report.extra_rows] == [
        ("政府集中采购", ["2", "100万"])
    ]


def test_pdf_first_row_label_detached_from_its_numbers() -> None:
    # 数量 ends the label of 一、本年新收…数量: the label must not be taken for a header
    text = "\n".join(
        [
            "某局2023年政府信息公开工作年度报告",
            "三、收到和处理政府信息公开申请情况",
            "自然人 法人或其他组织 总计",
            "一、本年新收政府信息公开申请数量",
            "5 0 0 0 0 0 5",
            "二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1",
        ]
    )
    report = parse(text)
    assert report.applications is not None
    assert [c.value for _, c in report.applications.row("new_requests").cells] == [5, 0, 0, 0, 0, 0, 5]
    assert [c.value for _, c in report.applications.row("carried_over").cells] == [1, 0, 0, 0, 0, 0, 1]


@pytest.mark.parametrize("marker", ["政府信息公开情况统计表", "指标名称计量单位", "历年累计"])
def test_an_old_statistics_sheet_is_told_by_any_of_its_markers(marker: str) -> None:
    # no year before 2019 and no template label: each marker alone tells the old sheet
    text = (
        "某局政府信息公开工作年度报告\n一、概述\n本局工作情况如下。\n"
        f"附表：{marker}\n主动公开政府信息数\t条\t12\n"
    )
    result = parse(text)
    assert result.template == "pre2019"
    assert any(d.code == "template.pre2019" for d in result.diagnostics)
