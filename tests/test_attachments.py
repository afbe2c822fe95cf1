"""Tests for :mod:`govinfo_report._attachments`: the files a report's landing page links to."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo_report._attachments import (
    ATTACHMENT_EXTENSIONS,
    DOWNLOAD_WORDS,
    MAX_ATTACHMENTS,
    Attachment,
    find_attachments,
)

PAGE = "https://www.example.gov.cn/zwgk/xxgk/2024/0115/index.html"

LANDING = """<html>
<head><title>XX局2023年政府信息公开工作年度报告</title></head>
<body>
<p>XX局2023年政府信息公开工作年度报告，详见附件。</p>
<p>附件：<a href="../../files/2023年度报告.pdf">XX局2023年政府信息公开工作年度报告</a></p>
</body>
</html>"""


def urls(html: str, url: str | None = None) -> list[str]:
    return [a.url for a in find_attachments(html, url)]


def test_landing_page_relative_link_resolved_against_url() -> None:
    assert find_attachments(LANDING, PAGE) == (
        Attachment(
            url="https://www.example.gov.cn/zwgk/xxgk/files/2023年度报告.pdf",
            text="XX局2023年政府信息公开工作年度报告",
            line=5,
        ),
    )


def test_without_any_base_links_are_kept_as_written() -> None:
    assert urls(LANDING) == ["../../files/2023年度报告.pdf"]


def test_attachment_is_frozen() -> None:
    (found,) = find_attachments(LANDING, PAGE)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        found.url = "x"  # type: ignore[misc]


def test_base_href_relative_is_resolved_against_the_document_url() -> None:
    html = '<head><base href="/uploads/2024/"></head><body><a href="report.docx">报告</a></body>'
    assert urls(html, PAGE) == ["https://www.example.gov.cn/uploads/2024/report.docx"]


def test_absolute_base_href_needs_no_document_url() -> None:
    html = '<base href="http://files.example.gov.cn/a/"><a href="b/report.pdf">报告</a>'
    assert urls(html) == ["http://files.example.gov.cn/a/b/report.pdf"]


def test_relative_base_href_without_document_url_keeps_links_as_written() -> None:
    html = '<base href="/uploads/"><a href="report.pdf">报告</a>'
    assert urls(html) == ["report.pdf"]


def test_canonical_link_is_the_document_url() -> None:
    html = (
        '<head><link rel="canonical" href="https://xxgk.example.gov.cn/art/2024/1/15/art_1.html"></head>'
        '<body><a href="../../../../attach/0/report.pdf">下载</a></body>'
    )
    assert urls(html) == ["https://xxgk.example.gov.cn/attach/0/report.pdf"]


def test_og_url_is_the_document_url() -> None:
    html = '<meta property="og:url" content="https://a.example.gov.cn/x/y.html"><a href="z.ofd">z</a>'
    assert urls(html) == ["https://a.example.gov.cn/x/z.ofd"]


def test_relative_canonical_is_no_base() -> None:
    html = '<link rel="canonical" href="/x/y.html"><a href="z.pdf">z</a>'
    assert urls(html) == ["z.pdf"]


def test_url_argument_wins_over_canonical() -> None:
    html = '<link rel="canonical" href="https://other.example.com/p.html"><a href="z.pdf">z</a>'
    assert urls(html, PAGE) == ["https://www.example.gov.cn/zwgk/xxgk/2024/0115/z.pdf"]


def test_uppercase_extension_with_query_string() -> None:
    html = '<a href="/files/REPORT.PDF?v=2">年度报告</a>'
    assert urls(html, PAGE) == ["https://www.example.gov.cn/files/REPORT.PDF?v=2"]


def test_extension_in_query_or_fragment_alone_does_not_count() -> None:
    assert urls('<a href="/news/index.html?name=a.pdf">新闻</a><a href="/p.html#x.pdf">p</a>') == []


def test_percent_encoded_chinese_file_name() -> None:
    html = '<a href="/files/2023%E5%B9%B4%E5%BA%A6.docx">2023年度</a>'
    assert urls(html, PAGE) == ["https://www.example.gov.cn/files/2023%E5%B9%B4%E5%BA%A6.docx"]


def test_percent_encoded_extension() -> None:
    assert urls('<a href="/files/report%2Epdf">r</a>') == ["/files/report%2Epdf"]


def test_download_endpoint_with_file_name_as_text() -> None:
    html = '<a href="/common/fileDownload.do?id=8812">2023年度报告.pdf</a>'
    assert find_attachments(html, PAGE) == (
        Attachment(
            url="https://www.example.gov.cn/common/fileDownload.do?id=8812", text="2023年度报告.pdf", line=1
        ),
    )


def test_download_endpoint_with_marker_in_title() -> None:
    html = '<a href="/downfile.jsp?id=1" title="XX局政府信息公开工作年度报告">点击下载</a>'
    assert urls(html) == ["/downfile.jsp?id=1"]


def test_download_endpoint_with_file_name_in_query() -> None:
    html = '<a href="/module/download/downfile.jsp?classid=0&amp;filename=abc123.pdf">点击下载</a>'
    assert urls(html) == ["/module/download/downfile.jsp?classid=0&filename=abc123.pdf"]


def test_download_endpoint_naming_nothing_is_skipped() -> None:
    assert urls('<a href="/download.do?id=3">首页</a>') == []


def test_a_download_attribute_is_a_download_endpoint() -> None:
    assert urls('<a href="/file?id=3" download="report.pdf">下载</a>') == ["/file?id=3"]


def test_page_link_with_report_text_is_not_an_attachment() -> None:
    assert urls('<a href="/art/2024/1/15/art_1.html">2023年政府信息公开工作年度报告</a>') == []


@pytest.mark.parametrize(
    "href",
    [
        "javascript:void(0)",
        "JavaScript:download('a.pdf')",
        "mailto:gk@example.gov.cn?subject=a.pdf",
        "#a.pdf",
        "#",
    ],
)
def test_non_fetching_links_are_skipped(href: str) -> None:
    html = f'<a href="{href}" download="附件.pdf">附件.pdf</a><a href="/real.pdf">附件</a>'
    assert urls(html) == ["/real.pdf"]


def test_duplicates_removed_first_kept() -> None:
    html = (
        '<a href="/a.pdf">第一</a>\n<a href="/b.doc">第二</a>\n'
        '<a href="https://www.example.gov.cn/a.pdf">再次</a>\n<a href="/b.doc">again</a>'
    )
    found = find_attachments(html, PAGE)
    assert [(a.url, a.text, a.line) for a in found] == [
        ("https://www.example.gov.cn/a.pdf", "第一", 1),
        ("https://www.example.gov.cn/b.doc", "第二", 2),
    ]


def test_no_link_gives_empty_tuple() -> None:
    assert find_attachments("<html><body><p>详见附件</p></body></html>", PAGE) == ()


def test_links_to_pages_give_empty_tuple() -> None:
    assert find_attachments('<a href="/index.html">首页</a><a href="/x/">栏目</a>') == ()


def test_line_number_of_link_on_line_5() -> None:
    html = "<html>\n<body>\n<p>详见附件</p>\n<div>\n  <a href='/r.pdf'>r</a>\n</div>\n</body></html>"
    (found,) = find_attachments(html)
    assert found.line == 5


def test_line_numbers_count_crlf_and_cr_once() -> None:
    html = "<p>a</p>\r\n<p>b</p>\r<p>c</p>\r\n<a href=x.pdf>x</a>"
    assert [a.line for a in find_attachments(html)] == [4]


@pytest.mark.parametrize(
    "text",
    [
        "XX局2023年政府信息公开工作年度报告 详见附件 https://www.example.gov.cn/files/report.pdf",
        "2023年度报告.pdf",
        "a < b and c > d report.docx",
        "",
        "   \n\t ",
    ],
)
def test_plain_text_gives_empty_tuple(text: str) -> None:
    assert find_attachments(text, PAGE) == ()


def test_text_is_collapsed_and_leaves_out_scripts() -> None:
    html = '<a href="r.pdf">\n  2023年\u3000年度报告<script>var x = "no";</script>\n <b>（PDF）</b></a>'
    assert [a.text for a in find_attachments(html)] == ["2023年 年度报告 （PDF）"]


def test_image_link_has_empty_text() -> None:
    assert [a.text for a in find_attachments('<a href="r.pdf"><img src="pdf.png"></a>')] == [""]


def test_href_whitespace_stripped_and_entities_decoded() -> None:
    html = '<a href="  /files/r.pdf?a=1&amp;b=2\n">r</a><a href="/x/&#25253;&#21578;.pdf">r</a>'
    assert urls(html) == ["/files/r.pdf?a=1&b=2", "/x/报告.pdf"]


def test_protocol_relative_link_kept_unless_base_gives_scheme() -> None:
    html = '<a href="//files.example.gov.cn/r.pdf">r</a>'
    assert urls(html) == ["//files.example.gov.cn/r.pdf"]
    assert urls(html, PAGE) == ["https://files.example.gov.cn/r.pdf"]


def test_embedded_pdf_in_iframe_embed_object() -> None:
    html = (
        '<iframe src="/a.pdf"></iframe>\n<embed src="/b.pdf">\n<object data="/c.pdf">备用文字</object>\n'
        '<iframe src="/page.html"></iframe>'
    )
    assert [(a.url, a.text, a.line) for a in find_attachments(html)] == [
        ("/a.pdf", "", 1),
        ("/b.pdf", "", 2),
        ("/c.pdf", "备用文字", 3),
    ]


def test_pdfjs_viewer_gives_the_file_shown() -> None:
    html = '<iframe src="/static/pdfjs/web/viewer.html?file=%2Fupload%2F2023.pdf"></iframe>'
    assert urls(html, PAGE) == ["https://www.example.gov.cn/upload/2023.pdf"]


def test_jsessionid_after_the_file_name() -> None:
    assert urls('<a href="/files/r.pdf;jsessionid=ABC123">r</a>') == ["/files/r.pdf;jsessionid=ABC123"]


def test_every_extension_is_found() -> None:
    html = "".join(f'<a href="/f{ext.upper()}">f</a>' for ext in ATTACHMENT_EXTENSIONS)
    assert len(find_attachments(html)) == len(ATTACHMENT_EXTENSIONS)


def test_every_download_word_is_an_endpoint() -> None:
    html = "".join(
        f'<a href="/{word.upper()}.do?id={i}">附件{i}</a>' for i, word in enumerate(DOWNLOAD_WORDS)
    )
    assert len(find_attachments(html)) == len(DOWNLOAD_WORDS)


def test_capped_at_max_attachments() -> None:
    html = "".join(f'<a href="/f{i}.pdf">f</a>\n' for i in range(MAX_ATTACHMENTS + 50))
    found = find_attachments(html)
    assert len(found) == MAX_ATTACHMENTS
    assert found[-1].url == f"/f{MAX_ATTACHMENTS - 1}.pdf"


def test_meta_charset_does_not_garble_the_decoded_string() -> None:
    html = '<meta charset="gbk"><a href="/files/报告.pdf">年度报告</a>'
    assert find_attachments(html) == (Attachment(url="/files/报告.pdf", text="年度报告", line=1),)


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<",
        "<<<>>>",
        "\x00<a href='a.pdf'>\x00</a>",
        "<a href='http://[::1/a.pdf'>bad ipv6</a>",
        "\ud800<a href='a.pdf'>lone surrogate</a>",
        '<?xml version="1.0" encoding="gbk"?><a href="a.pdf">x</a>',
        "<a href>no value</a><a>no href</a><object></object>",
        "<!-- <a href='a.pdf'> -->",
        "<div>" * 3000 + "<a href='a.pdf'>deep</a>",
    ],
)
def test_garbage_never_raises(html: str) -> None:
    found = find_attachments(html)
    assert isinstance(found, tuple)
    assert all(isinstance(a, Attachment) and a.line >= 1 for a in found)


def test_nul_characters_are_dropped_not_fatal() -> None:
    assert urls("\x00<p>x</p>\x00<a href='/a.pdf'>a\x00</a>") == ["/a.pdf"]


def test_commented_out_link_is_not_found() -> None:
    assert find_attachments("<p>x</p><!-- <a href='a.pdf'>old</a> -->") == ()


def test_non_string_input_gives_empty_tuple() -> None:
    assert find_attachments(b"<a href='a.pdf'>a</a>") == ()  # type: ignore[arg-type]


@given(st.text(), st.one_of(st.none(), st.text(max_size=40)))
def test_any_text_gives_a_tuple(html: str, url: str | None) -> None:
    found = find_attachments(html, url)
    assert isinstance(found, tuple)
    assert len(found) <= MAX_ATTACHMENTS
    assert len({a.url for a in found}) == len(found)
    assert all(a.line >= 1 for a in found)


@given(
    st.lists(
        st.sampled_from(["<a href='", "x.pdf", "'>", "</a>", "<base href='", "http://h/", "\n", "&amp;"])
    )
)
def test_any_markup_soup_gives_a_tuple(pieces: list[str]) -> None:
    found = find_attachments("".join(pieces))
    assert isinstance(found, tuple)
    assert all(a.url.strip() == a.url and a.url for a in found)


# --- in the pipeline: Report.attachments and page.links_to_report ----------------------------------

_ONLY_A_LINK = (
    "<html><head><title>某局2023年政府信息公开工作年度报告</title></head><body>\n"
    "<p>某局2023年政府信息公开工作年度报告</p>\n"
    '<p><a href="/files/2023report.pdf">点击下载</a></p>\n'
    "</body></html>\n"
)


def test_a_page_that_only_links_names_its_links_against_the_url_given() -> None:
    from govinfo_report import parse, parse_bytes

    for report in (
        parse(_ONLY_A_LINK, url="https://gov.example.cn/xxgk/page.html"),
        parse_bytes(_ONLY_A_LINK.encode("gbk"), url="https://gov.example.cn/xxgk/page.html"),
    ):
        assert [a.url for a in report.attachments] == ["https://gov.example.cn/files/2023report.pdf"]
        (said,) = [d for d in report.diagnostics if d.code == "page.links_to_report"]
        assert "https://gov.example.cn/files/2023report.pdf" in said.message and said.span is not None
        assert (said.span.start, said.span.end) == (3, 3)
    relative = parse(_ONLY_A_LINK)
    assert [a.url for a in relative.attachments] == ["/files/2023report.pdf"]
    outline = parse(
        "<html><body><p>某局2023年政府信息公开工作年度报告</p><p>一、总体情况</p>"
        "<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>"
        '<p><a href="r.pdf">下载</a></p></body></html>'
    )
    assert len(outline.sections) == 3  # a landing page listing the report's headings
    assert "page.links_to_report" in {d.code for d in outline.diagnostics}


def test_a_page_holding_the_report_lists_its_links_but_is_no_pointer() -> None:
    from conftest import EXAMPLES_DIR
    from govinfo_report import parse
    from govinfo_report._tables.html import looks_like_html

    seed = (EXAMPLES_DIR / "seed_001.txt").read_text(encoding="utf-8")
    page = "<html><body><pre>" + seed + '</pre>\n<a href="report.pdf">附件：年度报告.pdf</a></body></html>'
    assert looks_like_html(page)
    report = parse(page)
    assert report.applications is not None and [a.url for a in report.attachments] == ["report.pdf"]
    assert "page.links_to_report" not in {d.code for d in report.diagnostics}
    prose = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，" * 40
    old = parse(
        f"<html><body><p>某局2016年政府信息公开工作年度报告</p><p>一、概述</p><p>{prose}</p>"
        '<p><a href="2016.doc">附件</a></p></body></html>'
    )
    assert old.template == "pre2019" and [a.url for a in old.attachments] == ["2016.doc"]
    assert "page.links_to_report" not in {d.code for d in old.diagnostics}  # the report's prose is here
    sheet = parse(
        "<html><body><p>某局2016年政府信息公开工作年度报告</p><table>"
        "<tr><td>指标名称</td><td>计量单位</td><td>统计数</td></tr><tr><td>主动公开政府信息数</td><td>条</td><td>120</td></tr>"
        '</table><p><a href="2016.pdf">附件</a></p></body></html>'
    )
    assert sheet.template == "pre2019" and sheet.tables  # an old statistics sheet, no heading
    assert "page.links_to_report" not in {d.code for d in sheet.diagnostics}
    text = parse("某局2023年政府信息公开工作年度报告\n[附件](report.pdf)\n")
    assert text.attachments == ()  # only an HTML page's links are read


def test_a_base_that_is_no_web_address_is_passed_over_and_backslashes_are_slashes() -> None:
    page = "https://www.a.gov.cn/zwgk/nb/t1.html"
    for base in ("javascript:void(0)", "data:text/html,x", "http://[::1"):
        html = f'<html><head><base href="{base}"></head><body><a href="nb.pdf">x</a></body></html>'
        assert [a.url for a in find_attachments(html, page)] == ["https://www.a.gov.cn/zwgk/nb/nb.pdf"], base
    backslashed = '<html><body><a href="\\upload\\2023\\nb.pdf">x</a></body></html>'
    assert [a.url for a in find_attachments(backslashed, page)] == ["https://www.a.gov.cn/upload/2023/nb.pdf"]


_FOOTER = "<p>【打印本页】【关闭窗口】 上一篇：关于印发某某办法的通知 下一篇：某局2022年年度报告</p>"
_META = (
    "<table><tr><td>索引号</td><td>11330000002482870X/2018-00123</td><td>发布机构</td><td>某局</td></tr>"
    "<tr><td>发布日期</td><td>2018-03-29</td><td>文号</td><td></td></tr></table>"
)


def test_pointer_pages_with_chrome_are_pointers_and_short_reports_are_not() -> None:
    from govinfo_report import parse

    def said(page: str) -> bool:
        return "page.links_to_report" in {d.code for d in parse(page).diagnostics}

    link = '<p><a href="/files/nb.pdf">附件：年度报告.pdf</a></p>'
    # an old report's page: its metadata table is no table of the report
    assert said(f"<html><body><p>某局2017年政府信息公开工作年度报告</p>{_META}{link}</body></html>")
    # an outline above the link, the page's footer after it (in the last section's body)
    outline = "".join(
        f"<p>{h}</p>" for h in ("一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项")
    )
    assert said(
        f"<html><body><p>某局2023年政府信息公开工作年度报告</p>{outline}{link}{_FOOTER * 2}</body></html>"
    )
    # a short report without numbered headings whose prose states its figures: the report is here
    prose = "第一部分 概述。本年度，我局收到政府信息公开申请12件，均已按时答复。" * 3
    assert not said(
        f"<html><body><p>某局2023年政府信息公开工作年度报告</p><p>{prose}</p>{link}</body></html>"
    )
    # a long one without headings or figures
    long_text = "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》，不断深化政务公开。" * 30
    assert not said(
        f"<html><body><p>某局2016年政府信息公开工作年度报告</p><p>{long_text}</p>{link}</body></html>"
    )
