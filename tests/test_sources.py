"""Files and bytes: formats told by content, encodings, DOCX and HTML structure, and bad input."""

from __future__ import annotations

import codecs
import io
import os
import sys
import threading
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest

from govinfo_report import InputError, ParseError, Report, limits, parse, parse_bytes, parse_file
from pdfwriter import pdf_file
from render import (
    Canonical,
    canonical,
    document_xml,
    docx_package,
    expected,
    paragraph_xml,
    placements,
    table_xml,
    to_docx,
    to_html,
    to_text,
)

TEMPLATES = ("2021", "2019")


def values(report: Report) -> dict[str, Any]:
    data = report.to_dict()
    return {k: data[k] for k in ("applications", "review_litigation", "active_disclosure")}


def assert_expected(report: Report, canon: Canonical) -> None:
    """Every value of the canonical report, and nothing else, in the three tables."""
    got = values(report)
    want = expected(canon)
    for table in ("applications", "review_litigation"):
        assert got[table] is not None, table
        for row, columns in want[table].items():  # type: ignore[attr-defined]
            assert got[table][row] == columns, (table, row)
    for block, rows in want["active_disclosure"].items():  # type: ignore[attr-defined]
        for row, columns in rows.items():
            assert got["active_disclosure"][block][row] == columns, (block, row)
    assert report.template == canon.template
    assert report.year == canon.year
    assert report.organ == canon.organ
    assert report.failed_checks == ()


# --- one report, every format ----------------------------------------------------------------


def python_docx_bytes(canon: Canonical) -> bytes:
    """The same report written by python-docx, whose ``merge`` writes gridSpan and vMerge."""
    docx = pytest.importorskip("docx")
    from render import blocks

    document = docx.Document()
    for block in blocks(canon):
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        placed, origins = placements(block)
        width = 1 + max(c for _, c in placed)
        table = document.add_table(rows=len(block), cols=width)
        for r, c, cell in origins:
            target = table.cell(r, c)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
            target.text = cell.text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("template", TEMPLATES)
def test_one_report_as_text_html_and_docx_gives_the_same_values(template: str) -> None:
    canon = canonical(template)
    reports = {
        "text": parse(to_text(canon)),
        "html": parse(to_html(canon)),
        "html bytes": parse_bytes(to_html(canon).encode("utf-8")),
        "page with chrome": parse(to_html(canon, chrome=True)),
        "docx": parse_bytes(to_docx(canon)),
        "python-docx": parse_bytes(python_docx_bytes(canon), filename="report.docx"),
    }
    for name, report in reports.items():
        assert_expected(report, canon), name
    first = values(reports["text"])
    assert all(values(r) == first for r in reports.values())
    assert reports["html"].source.format == "html"
    assert reports["docx"].source.format == "docx"
    assert reports["docx"].tables[0].strategy == "docx"
    assert reports["python-docx"].source.name == "report.docx"


def test_page_chrome_is_left_out_of_the_sections() -> None:
    canon = canonical()
    report = parse(to_html(canon, chrome=True))
    assert_expected(report, canon)
    everything = "\n".join(s.heading + s.text for s in report.sections) + (report.title or "")
    for chrome in ("首页", "当前位置", "分享到", "微博", "ICP备案号", "发布时间", "var x"):
        assert chrome not in everything
    assert [s.number for s in report.sections] == [1, 2, 3, 4, 5, 6]
    assert any(d.code == "normalize.crawler_chrome" for d in report.diagnostics)


def test_chrome_named_element_holding_the_report_is_kept() -> None:
    # a theme that puts the whole article in <div class="share-content"> must not lose it
    canon = canonical()
    page = (
        to_html(canon).replace("<body>", '<body><div class="share-wrap">').replace("</body>", "</div></body>")
    )
    assert_expected(parse(page), canon)


def test_layout_table_nesting_the_real_tables() -> None:
    canon = canonical()
    inner = to_html(canon).split("<body>")[1].split("</body>")[0]
    page = f"<html><body><table><tr><td>导航</td><td>{inner}</td></tr></table></body></html>"
    assert_expected(parse(page), canon)


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encode", "codec"),
    [
        (lambda s: s.encode("utf-8"), "utf-8"),
        (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8"),
        (lambda s: s.encode("gbk"), "gb18030"),
        (lambda s: s.encode("gb18030"), "gb18030"),
        (lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"), "utf-16-le"),
        (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be"),
        (lambda s: s.encode("utf-16-le"), "utf-16-le"),
    ],
    ids=["utf-8", "utf-8 bom", "gbk", "gb18030", "utf-16-le bom", "utf-16-be bom", "utf-16-le no bom"],
)
def test_text_in_any_encoding(encode: Any, codec: str) -> None:
    canon = canonical()
    report = parse_bytes(encode(to_text(canon)), filename="report.txt")
    assert report.source.encoding == codec
    assert_expected(report, canon)
    assert not [d for d in report.diagnostics if d.code.startswith("input.")]


def test_gbk_page_declaring_gb2312() -> None:
    canon = canonical()
    page = to_html(canon).replace('charset="utf-8"', 'charset="gb2312"')
    report = parse_bytes(page.encode("gbk"))
    assert report.source.format == "html"
    assert report.source.encoding == "gb18030"
    assert_expected(report, canon)


def test_declared_charset_wrong_gives_a_note_and_the_right_text() -> None:
    canon = canonical()
    page = to_html(canon).replace('charset="utf-8"', 'charset="gbk"')  # but the bytes are UTF-8
    report = parse_bytes(page.encode("utf-8"))
    assert report.source.encoding == "utf-8"
    assert_expected(report, canon)
    assert "input.charset_mismatch" in [d.code for d in report.diagnostics]


def test_charset_from_the_http_header_is_tried_first() -> None:
    canon = canonical()
    data = to_text(canon).encode("gb18030")
    report = parse_bytes(data, encoding="GB2312")
    assert report.source.encoding == "gb18030"
    assert_expected(report, canon)


def test_a_western_default_charset_does_not_garble_chinese() -> None:
    canon = canonical()
    page = to_html(canon).replace('charset="utf-8"', 'charset="iso-8859-1"')
    report = parse_bytes(page.encode("utf-8"), encoding="latin-1")
    assert report.source.encoding == "utf-8"
    assert_expected(report, canon)


def test_undecodable_bytes_are_reported_and_the_rest_is_read() -> None:
    canon = canonical()
    data = to_text(canon).encode("gbk")
    broken = data.replace("本机关认真落实".encode("gbk"), b"\x81\x20\xff", 1)
    report = parse_bytes(broken)
    assert report.source.encoding == "gb18030"
    found = [d for d in report.diagnostics if d.code == "input.undecodable"]
    assert len(found) == 1 and found[0].span is not None and found[0].span.start == 3
    assert_expected(report, canon)


def test_truncated_utf8_download_stays_utf8() -> None:
    canon = canonical()
    data = to_text(canon).encode("utf-8")
    data += "附件".encode()[:-1]  # the last character cut in the middle
    report = parse_bytes(data)
    assert report.source.encoding == "utf-8"
    assert "input.undecodable" in [d.code for d in report.diagnostics]
    assert_expected(report, canon)


# --- formats by content ----------------------------------------------------------------------


def test_file_formats_are_told_by_content_not_extension(tmp_path: Path) -> None:
    canon = canonical()
    misnamed = tmp_path / "report.pdf"
    misnamed.write_text(to_html(canon), encoding="utf-8")
    report = parse_file(misnamed)
    assert report.source.format == "html"
    assert "input.format_mismatch" in [d.code for d in report.diagnostics]
    assert_expected(report, canon)
    docx_as_doc = tmp_path / "report.doc"
    docx_as_doc.write_bytes(to_docx(canon))
    assert parse_file(docx_as_doc).source.format == "docx"
    plain = tmp_path / "report.md"
    plain.write_text(to_text(canon), encoding="utf-8")
    assert parse_file(plain).source.format == "text"
    assert [d.code for d in parse_file(plain).diagnostics if d.code.startswith("input.")] == []


@pytest.mark.parametrize(
    ("head", "words"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ("legacy", ".docx")),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, ("PNG", "OCR")),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 100, ("JPEG", "OCR")),
        (b"{\\rtf1\\ansi hello}", ("RTF", ".docx")),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 50, ("gzip",)),
        (bytes(range(256)) * 8, ("binary",)),
    ],
    ids=["doc", "png", "jpeg", "rtf", "gzip", "binary"],
)
def test_unsupported_formats_are_refused_in_one_sentence(head: bytes, words: tuple[str, ...]) -> None:
    with pytest.raises(InputError) as caught:
        parse_bytes(head, filename="年报.doc")
    message = str(caught.value)
    assert caught.value.code == "input.unsupported_format"
    assert message.startswith("年报.doc is ") and message.endswith(".") and "\n" not in message
    assert message.count(". ") == 0  # one sentence
    assert all(w in message for w in words)
    assert isinstance(caught.value, ParseError) and isinstance(caught.value, ValueError)


def test_zip_that_is_not_word_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(InputError, match="Excel") as caught:
        parse_bytes(buffer.getvalue())
    assert caught.value.code == "input.unsupported_format"


def test_damaged_zip_is_refused() -> None:
    data = to_docx(canonical())
    with pytest.raises(InputError) as caught:
        parse_bytes(data[: len(data) // 2])
    assert caught.value.code == "input.corrupt"


def test_wrong_types_and_missing_files() -> None:
    with pytest.raises(TypeError, match="parse_bytes"):
        parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="parse\\(\\)"):
        parse_bytes("text")  # type: ignore[arg-type]
    with pytest.raises(FileNotFoundError):
        parse_file("/nonexistent/report.html")


def test_strict_mode_applies_to_files() -> None:
    text = to_text(canonical())
    row = "2\t1\t0\t1\t4\t1\t0\t0\t2\t3\t0\t0\t1\t0\t1"  # table 4's 15 numbers
    assert row in text
    damaged = text.replace(row, "2\t1\t0").encode()
    assert parse_bytes(damaged).review_litigation is not None
    with pytest.raises(ParseError) as caught:
        parse_bytes(damaged, strict=True)
    assert [d.code for d in caught.value.diagnostics] == ["cells.too_few"]
    assert not isinstance(caught.value, InputError)


# --- DOCX structure --------------------------------------------------------------------------

NUMBERING = """<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def numbered(text: str, level: int = 0) -> str:
    return (
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="5"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r></w:p>"
    )


def test_docx_tracked_changes_text_boxes_bookmarks_fields_and_numbering() -> None:
    canon = canonical()
    body = [paragraph_xml(f"{canon.organ}{canon.year}年政府信息公开工作年度报告")]
    # tracked changes: the deleted year is gone, the inserted one kept; a bookmark inside the word
    body.append(
        "<w:p><w:r><w:t>本报告</w:t></w:r><w:del><w:r><w:delText>2021</w:delText></w:r></w:del>"
        '<w:ins><w:r><w:t>依据</w:t></w:r></w:ins><w:bookmarkStart w:id="0" w:name="_GoBack"/>'
        '<w:r><w:t>条例编制。</w:t></w:r><w:bookmarkEnd w:id="0"/>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r></w:p>"
    )
    # a text box, stored twice (mc:Choice and its VML fallback), must be read once
    box = "<w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent>"
    body.append(
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx>'
        f"{box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>{box}</v:textbox>"
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    from render import HEADINGS, active_table, applications_table, review_table

    tables = {2: active_table(canon), 3: applications_table(canon), 4: review_table(canon)}
    for number, heading in enumerate(HEADINGS, start=1):
        body.append(numbered(heading[2:]))  # auto-numbered: the text holds no 一、
        if number in tables:
            body.append(table_xml(tables[number]))
    data = docx_package(document_xml("".join(body)), {"word/numbering.xml": NUMBERING})
    report = parse_bytes(data)
    assert_expected(report, canon)
    assert [s.heading for s in report.sections] == list(HEADINGS)
    assert report.title == f"{canon.organ}{canon.year}年政府信息公开工作年度报告"


def test_docx_paragraph_text() -> None:
    body = (
        paragraph_xml("标题")
        + "<w:p><w:r><w:t>本报告</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>插入</w:t></w:r></w:ins>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:t>结束</w:t><w:br/><w:t>下一行</w:t></w:r></w:p>"
        + '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        "<w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p>"
        "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    from govinfo_report._source.docx import read_docx

    document = read_docx(docx_package(document_xml(body)))
    # one line per paragraph and per line break; the paragraph anchoring the text box is line 4
    # (empty, so left out) and the box's own paragraph line 5
    assert document.lines == (("标题", 1), ("本报告插入结束", 2), ("下一行", 3), ("文本框", 5))


def test_docx_auto_numbering_is_rendered() -> None:
    from govinfo_report._source.docx import read_docx

    body = numbered("总体情况") + numbered("主动公开", 1) + numbered("依申请", 1) + numbered("收到和处理")
    document = read_docx(docx_package(document_xml(body), {"word/numbering.xml": NUMBERING}))
    assert [t for t, _ in document.lines] == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请",
        "二、收到和处理",
    ]


def test_docx_merged_cells_and_grid_before() -> None:
    from govinfo_report._source.docx import read_docx

    table = (
        "<w:tbl>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr>'
        + paragraph_xml("项目")
        + "</w:tc><w:tc>"
        + paragraph_xml("本年新")
        + paragraph_xml("制作数量")
        + "</w:tc></w:tr>"
        '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc>'
        + paragraph_xml("7")
        + "</w:tc></w:tr>"
        '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>'
        + paragraph_xml("a")
        + '</w:tc><w:tc><w:tcPr><w:gridSpan w:val="100000"/></w:tcPr>'
        + paragraph_xml("b")
        + "</w:tc></w:tr></w:tbl>"
    )
    document = read_docx(docx_package(document_xml(table)))
    ((_, grid),) = document.tables
    texts = [[(c.text, c.spanned) for c in row] for row in grid]
    assert texts[0][:3] == [("项目", False), ("", True), ("本年新制作数量", False)]
    assert texts[1][:3] == [("", True), ("", True), ("7", False)]
    assert texts[2][:3] == [("", False), ("a", False), ("b", False)]
    assert len(grid[2]) == 2 + limits.MAX_SPAN
    assert document.clamped == (3,)
    assert [c.line for c in grid[1]] == [2] * len(grid[1])


def test_html_span_over_the_limit_is_reported() -> None:
    page = "<table><tr><td colspan='100000'>行政许可</td><td>3</td></tr></table>"
    report = parse(page)
    found = [d for d in report.diagnostics if d.code == "limits.span_clamped"]
    assert len(found) == 1 and found[0].span is not None and found[0].span.start == 1


# --- hostile input ---------------------------------------------------------------------------

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    "<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion laughs", "external entity"])
def test_docx_with_entities_is_refused(xml: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_bytes(docx_package(xml))
    assert caught.value.code == "input.unsafe_xml"  # refused before any entity is expanded
    assert "root:" not in str(caught.value)


def test_html_with_entities_reads_no_file() -> None:
    page = EXTERNAL_ENTITY.replace("w:", "")
    report = parse_bytes(page.encode())
    dumped = report.to_json()
    assert "root:" not in dumped


def test_zip_bomb_by_ratio_is_refused_before_decompressing() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document_xml(paragraph_xml("x")))
        archive.writestr("word/media/bomb.bin", b"\x00" * (8 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100_000
    with pytest.raises(InputError, match="compressed") as caught:
        parse_bytes(data)
    assert caught.value.code == "input.unsafe_archive"


def test_zip_bomb_by_total_size_and_member_count(monkeypatch: pytest.MonkeyPatch) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("word/document.xml", document_xml(paragraph_xml("x")))
        for i in range(30):
            archive.writestr(f"word/media/{i}.bin", b"x" * 1000)
    data = buffer.getvalue()
    monkeypatch.setattr(limits, "MAX_ARCHIVE_MEMBERS", 20)
    with pytest.raises(InputError, match="members"):
        parse_bytes(data)
    monkeypatch.setattr(limits, "MAX_ARCHIVE_MEMBERS", 5000)
    monkeypatch.setattr(limits, "MAX_ARCHIVE_UNCOMPRESSED", 10_000)
    with pytest.raises(InputError, match="decompress"):
        parse_bytes(data)


def test_xml_part_larger_than_it_claims_is_cut(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_XML_BYTES", 1000)
    data = docx_package(document_xml(paragraph_xml("一" * 2000)))
    with pytest.raises(InputError) as caught:
        parse_bytes(data)
    assert caught.value.code == "input.unsafe_archive"


SEED_TEXT = (Path(__file__).parents[1] / "src/govinfo_report/examples/seed_002.txt").read_text(
    encoding="utf-8"
)


def test_fifty_megabytes_are_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    with pytest.raises(InputError) as caught:
        parse_file(big)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert caught.value.code == "input.too_large"
    assert "big.html" in str(caught.value) and "MAX_INPUT_BYTES" in str(caught.value)
    assert peak < 1024 * 1024  # refused by its size, before it is read
    with pytest.raises(InputError):
        parse_bytes(b"<p>" * (limits.MAX_INPUT_BYTES // 3 + 1))


def test_a_small_file_is_read_by_its_size_not_by_the_limit(tmp_path: Path) -> None:
    # ``read(MAX_INPUT_BYTES + 1)`` set aside 32 MB for every file, whatever its size
    path = tmp_path / "seed.txt"
    path.write_text(SEED_TEXT, encoding="utf-8")
    parse_file(path)  # patterns compiled, vocabulary built
    tracemalloc.start()
    report = parse_file(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert report.applications is not None
    assert peak < 4 * 1024 * 1024


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_read_to_its_end_and_refused_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def through_a_pipe(data: bytes) -> Report:
        fifo = tmp_path / f"pipe{len(list(tmp_path.iterdir()))}"
        os.mkfifo(fifo)
        writer = threading.Thread(target=fifo.write_bytes, args=(data,))
        writer.start()
        try:
            return parse_file(fifo)
        finally:
            writer.join()

    data = SEED_TEXT.encode("utf-8")
    piped, direct = through_a_pipe(data).to_dict(), parse_bytes(data).to_dict()
    assert piped.pop("source")["name"].endswith("pipe0")
    direct.pop("source")
    assert piped == direct  # a pipe has no size: read in chunks to its end
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", len(data) - 1)
    with pytest.raises(InputError) as caught:
        through_a_pipe(data)
    assert caught.value.code == "input.too_large"


# --- PDF -------------------------------------------------------------------------------------


def blank_pdf(pages: int = 1) -> bytes:
    """A valid PDF whose pages have no text (what a scan looks like to a text extractor)."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"] * pages
    return pdf_file(objects)


def test_scanned_pdf_gets_a_clear_error() -> None:
    pytest.importorskip("pypdfium2")
    with pytest.raises(InputError) as caught:
        parse_bytes(blank_pdf(2), filename="scan.pdf")
    assert caught.value.code == "input.no_text_layer"
    assert "OCR" in str(caught.value) and "2 page" in str(caught.value)


def test_damaged_pdf_gets_a_clear_error() -> None:
    pytest.importorskip("pypdfium2")
    with pytest.raises(InputError) as caught:
        parse_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    assert caught.value.code in ("input.corrupt", "input.no_text_layer")
    assert "\n" not in str(caught.value)


def test_pdf_without_the_extra_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import fails as if not installed
    with pytest.raises(InputError) as caught:
        parse_bytes(blank_pdf())
    assert caught.value.code == "input.missing_extra"
    assert "pip install pypdfium2" in str(caught.value) and "'.[pdf]'" in str(caught.value)


def test_nested_chrome_candidates_are_told_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # 2,000 nested chrome-named divs around the report's text: each candidate used to rescan the
    # text below it (quadratic); which elements hold the report is now found once per page
    from govinfo_report._tables import html

    calls = []
    original = html._report_holders
    monkeypatch.setattr(html, "_report_holders", lambda root: calls.append(1) or original(root))
    depth = 2000
    page = "<html><body>" + '<div class="nav">x' * depth + "总体情况" + "中" * 1000
    page += "</div>" * depth + '<div class="share">分享到</div></body></html>'
    report = parse(page)
    assert calls == [1]
    dropped = [d for d in report.diagnostics if d.code == "normalize.crawler_chrome"]
    assert len(dropped) == 1 and "1 page chrome element" in dropped[0].message  # the share box only


def test_html_headings_in_p_h_and_strong_inside_running_text() -> None:
    page = (
        "<html><body><div><strong>某局2022年政府信息公开工作年度报告</strong></div>"
        "<div><strong>一、总体情况</strong>本年度，我局认真贯彻落实条例。<b>（一）主动公开</b>情况良好。"
        "<strong>二、主动公开政府信息情况</strong>详见下表。<strong>重点</strong>内容</div>"
        "<h2>三、收到和处理政府信息公开申请情况</h2><p>无。</p></body></html>"
    )
    report = parse(page)
    assert report.title == "某局2022年政府信息公开工作年度报告"
    assert [(s.number, s.heading) for s in report.sections] == [
        (1, "一、总体情况"),
        (2, "二、主动公开政府信息情况"),
        (3, "三、收到和处理政府信息公开申请情况"),
    ]
    assert [(s.heading, s.text) for s in report.sections[0].subsections] == [("（一）主动公开", "情况良好。")]
    assert report.sections[1].text == "详见下表。重点内容"  # emphasis that is no heading stays inline


# --- regressions from the review of this change ----------------------------------------------


def one_table(*rows: str) -> bytes:
    return docx_package(document_xml("<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"))


def tc(text: str, properties: str = "") -> str:
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{paragraph_xml(text)}</w:tc>"


@pytest.mark.parametrize("value", ["--2", "²", "x", "0", "1000000", "-3"])
def test_docx_unreadable_or_oversized_grid_span_is_clamped_and_reported(value: str) -> None:
    from govinfo_report._source.docx import read_docx

    document = read_docx(one_table(tc("行政许可", f'<w:gridSpan w:val="{value}"/>') + tc("7")))
    ((_, grid),) = document.tables
    assert document.clamped == (1,)
    assert grid[0][-1].text == "7"
    assert len(grid[0]) == (limits.MAX_SPAN if value == "1000000" else 1) + 1


def test_docx_unreadable_integers_elsewhere_fall_back_to_defaults() -> None:
    numbering = NUMBERING.replace('w:ilvl="1"', 'w:ilvl="--1"').replace(
        '<w:start w:val="1"/>', '<w:start w:val="²"/>', 1
    )
    body = '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="--1"/></w:trPr>' + tc("1") + "</w:tr></w:tbl>"
    body += numbered("总体情况")
    report = parse_bytes(docx_package(document_xml(body), {"word/numbering.xml": numbering}))
    assert report.source.format == "docx"
    assert [t.rows[0][0].text for t in report.tables] == ["1"]


def test_declared_charsets_that_are_no_text_encoding() -> None:
    canon = canonical()
    for charset in ("hex", "base64", "rot13", "punycode", "uu"):
        page = to_html(canon).replace('charset="utf-8"', f'charset="{charset}"').encode()
        report = parse_bytes(page)
        assert report.source.encoding == "utf-8"
        assert_expected(report, canon)
        assert parse_bytes(page, encoding=charset).source.encoding == "utf-8"


def test_declared_charsets_that_read_any_bytes_are_not_trusted() -> None:
    canon = canonical()
    utf8_page = to_html(canon).replace('charset="utf-8"', 'charset="utf-16"').encode()
    report = parse_bytes(utf8_page if len(utf8_page) % 2 == 0 else utf8_page + b" ")
    assert report.source.encoding == "utf-8"
    assert "input.charset_mismatch" in {d.code for d in report.diagnostics}
    assert_expected(report, canon)
    gbk = parse_bytes(to_text(canon).encode("gbk"), encoding="iso-8859-15")
    assert gbk.source.encoding == "gb18030"
    assert_expected(gbk, canon)


def test_utf16_without_bom_starting_with_chinese_prose() -> None:
    canon = canonical()
    canon.prose[1] = "本年度，我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实条例。" * 40
    for codec in ("utf-16-le", "utf-16-be"):
        report = parse_bytes(to_text(canon).encode(codec))
        assert report.source.encoding == codec
        assert_expected(report, canon)


def test_corrupt_lzma_member_is_one_sentence() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_LZMA) as archive:
        archive.writestr("word/document.xml", document_xml(paragraph_xml("x" * 400)))
    data = bytearray(buffer.getvalue())
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 20 : start + 60] = b"\x55" * 40
    with pytest.raises(InputError) as caught:
        parse_bytes(bytes(data))
    assert caught.value.code == "input.corrupt"


def test_docx_grid_of_a_few_bytes_cannot_ask_for_millions_of_positions() -> None:
    wide = tc("x", '<w:gridSpan w:val="100"/>') * 100
    data = one_table(wide, *(["<w:tc/>"] * 3000))
    assert len(data) < 20_000
    report = parse_bytes(data)
    assert "limits.table_truncated" in {d.code for d in report.diagnostics}
    assert sum(len(row) for t in report.tables for row in t.rows) <= limits.MAX_HTML_TABLE_CELLS


def ruled_pdf(lines: int) -> bytes:
    """A one-page PDF with a text line and a grid of ``lines`` x ``lines`` ruling lines 6 pt apart."""
    import zlib

    size = 20 + 6 * lines
    ops = [f"10 {10 + 6 * i} m {size - 10} {10 + 6 * i} l S" for i in range(lines)]
    ops += [f"{10 + 6 * i} 10 m {10 + 6 * i} {size - 10} l S" for i in range(lines)]
    ops.append("BT /F1 12 Tf 20 20 Td (Annual report text layer line) Tj ET")
    content = zlib.compress("\n".join(ops).encode())
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>" % (size, size),
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_file(objects)


def test_pdf_with_a_dense_ruling_grid_is_read_from_its_text() -> None:
    pytest.importorskip("pypdfium2")
    report = parse_bytes(ruled_pdf(200))  # 40,000 crossings: pdfplumber would take about a minute
    assert "limits.pdf_ruling" in {d.code for d in report.diagnostics}
    assert report.tables == ()
    small = parse_bytes(ruled_pdf(5))  # 25 crossings: read as a grid
    assert "limits.pdf_ruling" not in {d.code for d in small.diagnostics}
    assert [t.strategy for t in small.tables] == ["pdf"]


def test_two_numbers_in_one_cell_never_become_one() -> None:
    canon = canonical()
    from render import active_table

    # the 行政许可 cell written as two paragraphs, 1024 and 2

    rows = active_table(canon)
    for row in rows:
        if row[0].text == "行政许可":
            row[1] = type(row[1])("1024\x002", row[1].rowspan, row[1].colspan)
    xml = table_xml(rows).replace("1024\x002", '1024</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">2')
    report = parse_bytes(docx_package(document_xml(paragraph_xml("二、主动公开政府信息情况") + xml)))
    cell = (
        report.active_disclosure.get("art20_5/administrative_license", "decisions")
        if report.active_disclosure
        else None
    )
    assert cell is not None and cell.value is None and cell.raw == "1024 2"
    page = parse(
        "<p>二、主动公开政府信息情况</p>"
        + to_html(canon)
        .split("二、主动公开政府信息情况</p>")[1]
        .replace(">1024</td>", "><p>1024</p><p>2</p></td>")
    )
    html_cell = (
        page.active_disclosure.get("art20_5/administrative_license", "decisions")
        if page.active_disclosure
        else None
    )
    assert html_cell is not None and html_cell.value is None and html_cell.raw == "1024 2"


@pytest.mark.parametrize("level_text", ["%1", "%1.", "%1、"])
def test_list_number_is_never_glued_to_a_number(level_text: str) -> None:
    from govinfo_report._source.docx import read_docx

    numbering = NUMBERING.replace('w:val="%1、"', f'w:val="{level_text}"')
    cell = f"<w:tc>{numbered('12')}</w:tc>"
    document = read_docx(
        docx_package(document_xml(f"<w:tbl><w:tr>{cell}</w:tr></w:tbl>"), {"word/numbering.xml": numbering})
    )
    ((_, grid),) = document.tables
    assert grid[0][0].text == f"{level_text.replace('%1', '一')} 12"  # the list counts in Chinese


def test_chrome_named_wrapper_of_a_report_without_tables_is_kept() -> None:
    page = (
        '<html><body><div class="share-content"><p>某局2018年政府信息公开工作年度报告</p>'
        "<p><span>一、总体</span><span>情况</span></p><p>本年度无。</p></div>"
        '<div class="share">分享到</div></body></html>'
    )
    report = parse(page)
    assert report.source.format == "html"
    assert report.title == "某局2018年政府信息公开工作年度报告"
    assert [s.heading for s in report.sections] == ["一、总体情况"]


def test_docx_part_in_utf16_with_a_dtd_is_refused_by_the_parser_settings() -> None:
    # the byte check for "<!DOCTYPE" cannot see UTF-16 text: the parser's settings must refuse it
    xml = EXTERNAL_ENTITY.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    data = docx_package(xml.encode("utf-16"))
    with pytest.raises(InputError) as caught:
        parse_bytes(data)
    assert caught.value.code == "input.unsafe_xml"


STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/>
  <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/>
  <w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
</w:styles>"""


def styled(text: str, style: str, extra: str = "") -> str:
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'


def test_docx_heading_styles_carry_their_list_numbers() -> None:
    from govinfo_report._source.docx import read_docx

    body = (
        styled("总体情况", "1")
        + styled("主动公开", "2")
        + styled("不编号", "1", '<w:numPr><w:numId w:val="0"/></w:numPr>')
        + styled("依申请公开", "2")
        + styled("收到和处理政府信息公开申请情况", "1")
    )
    extra = {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES}
    document = read_docx(docx_package(document_xml(body), extra))
    assert [t for t, _ in document.lines] == [
        "一、总体情况",
        "（一）主动公开",
        "不编号",
        "（二）依申请公开",
        "二、收到和处理政府信息公开申请情况",
    ]


def test_docx_list_starting_at_zero_counts_on() -> None:
    from govinfo_report._source.docx import read_docx

    numbering = NUMBERING.replace(
        '<w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>',
        '<w:start w:val="0"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/>',
    )
    assert numbering != NUMBERING
    document = read_docx(
        docx_package(document_xml(numbered("甲") + numbered("乙")), {"word/numbering.xml": numbering})
    )
    assert [t for t, _ in document.lines] == ["0.甲", "1.乙"]


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("open_sides", ["", "right", "both"])
def test_canonical_report_as_pdf(template: str, open_sides: str) -> None:
    pytest.importorskip("pypdfium2")
    from pdfwriter import to_pdf

    canon = canonical(template)
    report = parse_bytes(to_pdf(canon, open_sides=open_sides), filename="report.pdf")
    assert report.source.format == "pdf"
    assert_expected(report, canon)
    codes = {d.code for d in report.diagnostics}
    # an open outer border is drawn back by the grid builder: the grid is read, not the text
    assert "table.ruled_rejected" not in codes
    assert {t.strategy for t in report.tables if t.kind == "applications" and t.used} == {"pdf"}


# --- regressions from the second review -------------------------------------------------------


def test_docx_two_numbering_instances_of_one_list_count_together() -> None:
    # headings numbered by their style (numId 1) and one by a direct numPr (numId 2) of the same
    # abstract list: Word shows 一 … 六, one list
    from govinfo_report._source.docx import read_docx

    numbering = NUMBERING.replace(
        '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>',
        '<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="0"/></w:num>',
    )
    body = styled("总体情况", "1") + styled(
        "主动公开", "1", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="6"/></w:numPr>'
    )
    body += styled("收到和处理", "1")
    document = read_docx(
        docx_package(document_xml(body), {"word/numbering.xml": numbering, "word/styles.xml": STYLES})
    )
    assert [t for t, _ in document.lines] == ["一、总体情况", "二、主动公开", "三、收到和处理"]


def test_docx_long_list_number_templates_are_not_rendered() -> None:
    from govinfo_report._source.docx import read_docx

    numbering = NUMBERING.replace('w:val="%1、"', 'w:val="' + "%1" * 50_000 + '"')
    body = numbered("总体情况") * 3000
    data = docx_package(document_xml(body), {"word/numbering.xml": numbering})
    assert len(data) < 50_000
    document = read_docx(data)
    assert [t for t, _ in document.lines][:2] == ["总体情况", "总体情况"]


def test_html_nested_emphasis_is_looked_into_a_bounded_depth(monkeypatch: pytest.MonkeyPatch) -> None:
    from govinfo_report._tables import html

    visited = []
    original = html._is_heading
    monkeypatch.setattr(html, "_is_heading", lambda node: visited.append(1) or original(node))
    page = "<p>" + "<b>" * 2000 + "<br>" * 20000 + "</b>" * 2000 + "</p>"
    report = parse(page)
    assert report.sections == ()
    assert len(visited) == 2000  # once per element, each bounded by _MAX_HEADING_ELEMENTS


@pytest.mark.parametrize(
    "names", ['class="section position-relative"', 'class="section-foot"', 'id="location-2"']
)
def test_content_classes_that_contain_chrome_words_are_kept(names: str) -> None:
    page = (
        "<html><body><p>某局2020年政府信息公开工作年度报告</p>"
        f"<div {names}><p>五、存在的主要问题及改进情况</p><p>问题如下。</p></div>"
        f"<div {names}><p>六、其他需要报告的事项</p><p>无。</p></div></body></html>"
    )
    report = parse(page)
    assert [s.number for s in report.sections] == [5, 6]
    assert "normalize.crawler_chrome" not in {d.code for d in report.diagnostics}


def test_whole_class_named_position_is_a_breadcrumb() -> None:
    page = (
        '<html><body><div class="position">当前位置：首页 &gt; 政务公开</div>'
        "<p>某局2020年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p></body></html>"
    )
    report = parse(page)
    assert "当前位置" not in report.sections[0].text and report.title is not None
    assert "normalize.crawler_chrome" in {d.code for d in report.diagnostics}


def test_encoding_and_filename_arguments_are_type_checked() -> None:
    with pytest.raises(TypeError):
        parse_bytes(b"x", encoding=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        parse_bytes(b"x", filename=b"a.txt")  # type: ignore[arg-type]
    assert parse_bytes("一、总体情况".encode(), encoding="utf\x00").source.encoding == "utf-8"


def test_utf16_without_bom_with_box_drawing_tables() -> None:
    text = "某局2020年政府信息公开工作年度报告\n" + (
        "┌──────┬──────┐\n│ 项目 │ 数量 │\n└──────┴──────┘\n" * 40
    )
    report = parse_bytes(text.encode("utf-16-le"))
    assert report.source.encoding == "utf-16-le"
    assert report.title == "某局2020年政府信息公开工作年度报告"


def test_text_that_mentions_the_pdf_signature_stays_text() -> None:
    text = "某局2020年政府信息公开工作年度报告\n附件格式说明：文件头为 %PDF-1.4 的文件为PDF。\n一、总体情况\n"
    report = parse_bytes(text.encode())
    assert report.source.format == "text" and report.title is not None
    pytest.importorskip("pypdfium2")
    junk_first = b"\x00\x00garbage\n" + blank_pdf()  # junk before the signature, %%EOF at the end
    with pytest.raises(InputError) as caught:
        parse_bytes(junk_first)
    assert caught.value.code == "input.no_text_layer"  # read as the PDF it is
