"""Properties of ``parse_bytes``: any bytes give a Report or one ``InputError`` sentence; the
encoding never changes what is read; random WordprocessingML never breaks the DOCX reader."""

from __future__ import annotations

import codecs
import json
import zipfile
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import read_seeds
from govinfo_report import InputError, Report, parse, parse_bytes
from govinfo_report._source.docx import read_docx
from render import canonical, document_xml, docx_package, to_docx, to_html

SEEDS = read_seeds()
DOCX = to_docx(canonical())
PAGE = to_html(canonical()).encode("gb18030")


def outcome(data: bytes, filename: str | None = None) -> Report | InputError:
    try:
        return parse_bytes(data, filename=filename)
    except InputError as error:
        return error


def assert_sane(result: Report | InputError) -> None:
    if isinstance(result, InputError):
        message = str(result)
        assert message and "\n" not in message and message.endswith(".")
        assert result.code.startswith("input.")
    else:
        json.dumps(result.to_dict(cells=True))
        for d in result.diagnostics:
            assert d.span is None or 1 <= d.span.start <= d.span.end


@given(data=st.binary(max_size=3000), name=st.sampled_from([None, "a.html", "a.pdf", "a.docx", "a.doc"]))
def test_any_bytes_give_a_report_or_one_sentence(data: bytes, name: str | None) -> None:
    assert_sane(outcome(data, name))


@st.composite
def damaged(draw: Any, original: bytes) -> bytes:
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 200))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
    return bytes(data)


@given(data=damaged(DOCX))
def test_damaged_docx_gives_a_report_or_one_sentence(data: bytes) -> None:
    assert_sane(outcome(data, "report.docx"))


@given(data=damaged(PAGE))
def test_damaged_gbk_page_gives_a_report(data: bytes) -> None:
    assert_sane(outcome(data))


ENCODINGS = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-8 bom": lambda s: codecs.BOM_UTF8 + s.encode("utf-8"),
    "gb18030": lambda s: s.encode("gb18030"),
    "utf-16 bom": lambda s: s.encode("utf-16"),
}


@given(name=st.sampled_from(sorted(SEEDS)), encoding=st.sampled_from(sorted(ENCODINGS)))
def test_the_encoding_changes_nothing_that_is_read(name: str, encoding: str) -> None:
    text = SEEDS[name]
    from_bytes = parse_bytes(ENCODINGS[encoding](text)).to_dict()
    from_text = parse(text).to_dict()
    assert from_bytes.pop("source")["format"] == "text"
    from_text.pop("source")
    assert from_bytes == from_text


# --- random WordprocessingML -------------------------------------------------------------------

texts = st.text(alphabet=st.sampled_from(list("一二三、（）.0123456789 行政许可总计\t<&>")), max_size=12)
attr_values = st.sampled_from(
    ["", "0", "1", "2", "3", "-1", "--1", "²", "1000000", "99999999999", "x", "restart", "continue"]
)


@st.composite
def paragraph(draw: Any) -> str:
    runs = []
    for text in draw(st.lists(texts, max_size=3)):
        wrapper = draw(
            st.sampled_from(["{}", "<w:ins>{}</w:ins>", "<w:del>{}</w:del>", "<w:hyperlink>{}</w:hyperlink>"])
        )
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        runs.append(wrapper.format(f'<w:r><w:t xml:space="preserve">{escaped}</w:t><w:br/></w:r>'))
    number = ""
    if draw(st.booleans()):
        number = f'<w:pPr><w:pStyle w:val="{draw(st.sampled_from(["a", "b", "c"]))}"/></w:pPr>'
    elif draw(st.booleans()):
        level, num = draw(attr_values), draw(attr_values)
        number = f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr></w:pPr>'
    return f"<w:p>{number}{''.join(runs)}</w:p>"


@st.composite
def table(draw: Any, depth: int = 0) -> str:
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        cells = []
        for _ in range(draw(st.integers(0, 4))):
            props = ""
            if draw(st.booleans()):
                props += f'<w:gridSpan w:val="{draw(attr_values)}"/>'
            if draw(st.booleans()):
                value = draw(attr_values)
                props += f'<w:vMerge w:val="{value}"/>' if value else "<w:vMerge/>"
            inner = draw(paragraph())
            if depth < 2 and draw(st.integers(0, 5)) == 0:
                inner += draw(table(depth + 1))
            cells.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{inner}</w:tc>")
        before = (
            f'<w:trPr><w:gridBefore w:val="{draw(attr_values)}"/></w:trPr>' if draw(st.booleans()) else ""
        )
        rows.append(f"<w:tr>{before}{''.join(cells)}</w:tr>")
    return f"<w:tbl>{''.join(rows)}</w:tbl>"


NUMBERING = (
    '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="chineseCounting"/>'
    '<w:lvlText w:val="%1、%9"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="-5"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="2"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
)


STYLES = (
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:style w:styleId="a"><w:basedOn w:val="b"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
    '<w:style w:styleId="b"><w:basedOn w:val="a"/>'
    '<w:pPr><w:numPr><w:ilvl w:val="²"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)


@given(blocks=st.lists(st.one_of(paragraph(), table()), max_size=6))
def test_random_wordprocessingml_reads_into_rectangular_grids(blocks: list[str]) -> None:
    data = docx_package(
        document_xml("".join(blocks)), {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES}
    )
    document = read_docx(data)
    for _, grid in document.tables:
        assert grid and len({len(row) for row in grid}) == 1
    numbers = [n for _, n in document.lines] + [c.line for _, g in document.tables for r in g for c in r]
    assert all(n >= 1 for n in numbers)
    assert_sane(outcome(data))


def test_empty_zip_and_empty_bytes() -> None:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w"):
        pass
    assert isinstance(outcome(buffer.getvalue()), InputError)
    report = parse_bytes(b"")
    assert [d.code for d in report.diagnostics] == ["input.empty"]


def test_regression_corrupt_deflate_stream_is_one_sentence() -> None:
    # found by test_damaged_docx_gives_a_report_or_one_sentence: zlib.error escaped the reader
    data = bytearray(DOCX)
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 40 : start + 200] = b"\xff" * 160
    result = outcome(bytes(data))
    assert isinstance(result, InputError) and result.code == "input.corrupt"
