"""The attachments a landing page links to: what a scraper should fetch next.

Many government sites publish the annual report (政府信息公开工作年度报告) as a page whose body is a
single line ("XX局2023年政府信息公开工作年度报告", "详见附件") and a link to the real report: a PDF,
a Word or WPS file, an OFD, a spreadsheet or an archive. Such a page has no report in it to parse;
:func:`find_attachments` lists the files it points at, in document order, so the caller can fetch
them and parse those instead.

A link is an attachment when

* the path of its URL (query and fragment left out, percent-decoded, case-insensitive) ends in one
  of :data:`ATTACHMENT_EXTENSIONS`, or
* it is a download endpoint (its path contains one of :data:`DOWNLOAD_WORDS`, or it is an
  ``<a download>``) and it names a file: its visible text, ``title`` or ``download`` attribute ends
  in one of the extensions or contains one of :data:`ATTACHMENT_MARKERS`, or one of its query
  values (``?filename=2023.pdf``) ends in one of the extensions.

Links are ``<a href>`` and ``<area href>``, and the embedded documents ``<iframe src>``,
``<frame src>``, ``<embed src>`` and ``<object data>``. A PDF shown through a pdf.js viewer
(``viewer.html?file=/upload/2023.pdf``) is listed as the file itself. ``javascript:``,
``mailto:`` and the like (:data:`SKIPPED_SCHEMES`) and same-page ``#`` links are no attachments.
Links inside hidden elements are kept: a panel hidden until clicked often holds the very
attachment wanted.

Pure: no network, no file system; never raises on any input string.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from lxml import etree

from ._tables._html_tree import parse as parse_tree
from .diagnostics import diag
from .limits import MAX_INPUT_CHARS
from .model import Attachment, Diagnostic, Span

__all__ = (
    "ATTACHMENT_EXTENSIONS",
    "ATTACHMENT_MARKERS",
    "DOWNLOAD_WORDS",
    "MAX_ATTACHMENTS",
    "SKIPPED_SCHEMES",
    "VIEWER_PAGES",
    "VIEWER_PARAMETERS",
    "Attachment",
    "find_attachments",
    "links_to_report",
    "only_links",
)

_Element = Any
"""An lxml element (lxml ships no type information)."""


# --- vocabulary ------------------------------------------------------------------------------

ATTACHMENT_EXTENSIONS = (
    ".pdf", ".doc", ".docx", ".wps", ".ofd", ".xls", ".xlsx", ".et", ".zip", ".rar", ".7z",
)  # fmt: skip
"""File name endings (lower case) of the files a report is published as: PDF, Word, WPS (金山),
OFD (the Chinese fixed-layout format), Excel and WPS spreadsheets, archives."""

DOWNLOAD_WORDS = (
    "download", "downfile", "filedown", "downattach", "attach", "getfile", "fileget", "readfile",
)  # fmt: skip
"""Words (lower case) in the path of a download endpoint (``/module/download/downfile.jsp``,
``/fileDown.do``, ``/attachment/get``), whose URL does not show the file's name."""

ATTACHMENT_MARKERS = ("年度报告", "年报", "附件")
"""Words in the text or title of a link to a download endpoint that say it is the report."""

SKIPPED_SCHEMES = ("javascript:", "vbscript:", "mailto:", "tel:", "sms:", "data:", "about:")
"""URL schemes (lower case) of links that fetch nothing."""

VIEWER_PAGES = ("viewer.html", "viewer.htm")
"""Last path segments (lower case) of an online viewer (pdf.js) showing the file in a query value."""

VIEWER_PARAMETERS = ("file",)
"""Query parameters of a viewer page (:data:`VIEWER_PAGES`) holding the URL of the file shown."""

MAX_ATTACHMENTS = 100
"""At most this many attachments are listed for a page (the first ones in document order)."""

_LINKS = {"a": "href", "area": "href", "iframe": "src", "frame": "src", "embed": "src", "object": "data"}
"""The elements that point at a file, and the attribute holding its URL."""

_SHOWS_TEXT = frozenset({"a", "area", "object"})
"""Elements whose content is shown (an ``<object>``'s is its fallback); an iframe's is not."""

_UNSHOWN = frozenset({"script", "style"})
"""Elements whose text is not shown."""

_URL_NOISE = str.maketrans("", "", "\t\n\r")
"""Characters a browser removes from anywhere in a URL."""


# --- public -----------------------------------------------------------------------------------


def find_attachments(html: str, url: str | None = None) -> tuple[Attachment, ...]:
    """The attachments ``html`` links to, in document order, each URL once, at most
    :data:`MAX_ATTACHMENTS`.

    ``url`` is the page's own URL: links are resolved against it (through ``<base href>`` when
    the page has one). When it is not given (or not absolute), the page's ``<link
    rel="canonical">`` or ``<meta property="og:url">`` stands in for it when absolute; with no
    absolute base, links are kept as written.

    Returns ``()`` when nothing is found, and for anything that is not HTML. Never raises.
    """
    try:
        root = _parse(html)
        if root is None:
            return ()
        return _late_lines(html, _find(root, url))
    except Exception:  # a page that cannot be read simply has no attachments
        return ()


# --- parsing ----------------------------------------------------------------------------------

_LIBXML2_LAST_LINE = 65535
"""libxml2 reports every line past this one as this one."""


def _late_lines(html: str, found: tuple[Attachment, ...]) -> tuple[Attachment, ...]:
    """Links past libxml2's last counted line, placed by their file name in the text (in
    document order, from the previous one's line); left at that line when not found."""
    if all(a.line < _LIBXML2_LAST_LINE for a in found):
        return found
    lines = html.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = _LIBXML2_LAST_LINE - 1
    placed = []
    for attachment in found:
        if attachment.line >= _LIBXML2_LAST_LINE:
            name = urlsplit(attachment.url).path.rsplit("/", 1)[-1]
            names = {name, unquote(name)} - {""}
            line = next((i for i in range(at, len(lines)) if any(n in lines[i] for n in names)), None)
            if line is not None:
                at = line
                attachment = Attachment(attachment.url, attachment.text, line + 1)
        placed.append(attachment)
    return tuple(placed)


def _parse(html: str) -> _Element | None:
    """The lxml tree of ``html`` as the HTML reader parses it (:func:`._tables._html_tree.parse`:
    the encoding forced, libxml2's nesting limit raised to about 2,048 open elements, past which
    a link nested deeper is not found); None when there is nothing to parse."""
    if not isinstance(html, str) or "<" not in html:
        return None
    try:
        return parse_tree(html[:MAX_INPUT_CHARS])[0]
    except etree.ParserError:  # "Document is empty"
        return None


def _find(root: _Element, url: str | None) -> tuple[Attachment, ...]:
    base = _base(root, url)
    found: dict[str, Attachment] = {}
    for element in root.iter(*_LINKS):
        attachment = _attachment(element, base)
        if attachment is not None and attachment.url not in found:
            found[attachment.url] = attachment
            if len(found) >= MAX_ATTACHMENTS:
                break
    return tuple(found.values())


# --- base URL ---------------------------------------------------------------------------------


def _base(root: _Element, url: str | None) -> str | None:
    """The absolute URL links are resolved against; None when there is none."""
    document = _clean_url(url) if isinstance(url, str) else ""
    if not _is_absolute(document):
        document = _declared_url(root) or ""
    written = next((_clean_url(b.get("href")) for b in root.iter("base") if b.get("href")), "")
    base = document
    if written:
        declared = _join(document, written) if document else written
        base = declared if _is_absolute(declared) else document  # ``javascript:`` is no base
    return base if _is_absolute(base) else None


def _declared_url(root: _Element) -> str | None:
    """The page's own URL as it states it: ``<link rel="canonical">``, ``<meta property="og:url">``."""
    for link in root.iter("link"):
        rel = _attribute(link, "rel").lower().split()
        href = _clean_url(link.get("href"))
        if "canonical" in rel and _is_absolute(href):
            return href
    for meta in root.iter("meta"):
        content = _clean_url(meta.get("content"))
        if _attribute(meta, "property").strip().lower() == "og:url" and _is_absolute(content):
            return content
    return None


_WEB_SCHEMES = frozenset({"http", "https", "ftp"})
"""The schemes of a base links are resolved against (``<base href="javascript:…">`` is none)."""


def _is_absolute(url: str) -> bool:
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in _WEB_SCHEMES and bool(parts.netloc)


def _join(base: str, link: str) -> str:
    try:
        if _is_absolute(base) and not urlsplit(link).scheme:
            link = link.replace("\\", "/")  # a browser reads ``\upload\a.pdf`` as ``/upload/a.pdf``
        return urljoin(base, link)
    except ValueError:  # "Invalid IPv6 URL" and the like: keep the link as written
        return link


# --- links ------------------------------------------------------------------------------------


def _attachment(element: _Element, base: str | None) -> Attachment | None:
    tag = element.tag
    if not isinstance(tag, str) or tag not in _LINKS:
        return None
    written = _clean_url(element.get(_LINKS[tag]))
    if not written or written.startswith("#") or written.lower().startswith(SKIPPED_SCHEMES):
        return None
    target = _target(written, element)
    if target is None:
        return None
    resolved = _join(base, target) if base else target
    line = element.sourceline
    return Attachment(
        url=resolved, text=_text(element), line=line if isinstance(line, int) and line >= 1 else 1
    )


def _target(written: str, element: _Element) -> str | None:
    """The URL of the file ``written`` points at (itself, or the file its viewer shows); None when
    it points at no attachment."""
    try:
        parts = urlsplit(written)
    except ValueError:
        return None
    if _is_file_path(parts.path):
        return written
    last = _last_segment(parts.path)
    query = _query_values(parts.query)
    if last in VIEWER_PAGES:
        for name, value in query:
            if name.lower() in VIEWER_PARAMETERS and _names_file(value):
                return _join(written, value.strip())
    has_download = element.get("download") is not None
    if has_download or any(word in parts.path.lower() for word in DOWNLOAD_WORDS):
        names = (_text(element), _attribute(element, "title"), _attribute(element, "download"))
        if any(_names_report(name) for name in names) or any(_names_file(v) for _, v in query):
            return written
    return None


def _last_segment(path: str) -> str:
    """The last segment of a URL path, percent-decoded, lower case, without ``;jsessionid=``."""
    segment = path.rsplit("/", 1)[-1].split(";", 1)[0]
    return unquote(segment).strip().lower()


def _is_file_path(path: str) -> bool:
    return _last_segment(path).endswith(ATTACHMENT_EXTENSIONS)


def _names_file(value: str) -> bool:
    """Whether a query value is a file name or path with an attachment's extension."""
    try:
        path = urlsplit(value.strip()).path
    except ValueError:
        return False
    return _is_file_path(path)


def _names_report(name: str) -> bool:
    """Whether a link's text or title names an attachment."""
    name = name.strip().lower()
    return bool(name) and (name.endswith(ATTACHMENT_EXTENSIONS) or any(m in name for m in ATTACHMENT_MARKERS))


def _query_values(query: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(query, keep_blank_values=False)
    except ValueError:
        return []


def _text(element: _Element) -> str:
    """The visible text of a link, white space collapsed: "" for an ``<iframe>`` and the like,
    the text of scripts and styles left out."""
    if element.tag not in _SHOWS_TEXT:
        return ""
    pieces: list[str] = []
    unshown = 0  # scripts and styles open around the current node
    for event, node in etree.iterwalk(element, events=("start", "end")):
        if event == "start":
            unshown += node.tag in _UNSHOWN
            if not unshown:
                pieces.append(node.text or "")
        else:
            unshown -= node.tag in _UNSHOWN
            if node is not element and not unshown:
                pieces.append(node.tail or "")
    return " ".join("".join(pieces).split())


def _attribute(element: _Element, name: str) -> str:
    value = element.get(name)
    return value if isinstance(value, str) else ""


def _clean_url(value: object) -> str:
    """A URL as a browser reads it: surrounding white space and tabs and newlines inside removed."""
    if not isinstance(value, str):
        return ""
    return value.strip().translate(_URL_NOISE)


OUTLINE_CHARS = 100
"""A section whose body holds fewer characters than this is an entry of an outline (a landing
page listing the report's headings above its link), not the report's own text."""

PAGE_TEXT_CHARS = 1_000
"""A page with this many characters holds a report's text (a pointer page's line, its outline
and its chrome are fewer)."""


def only_links(tables: bool, statements: bool, bodies: list[str], text: str) -> bool:
    """Whether a page with links to report files holds no report of its own: no table of the
    report (``tables``), no figure its prose states (``statements``), at most one section with a
    body longer than an outline's entry (the last may hold the page's footer), and less text
    than a report's."""
    if tables or statements:
        return False
    if sum(_chars(body) >= OUTLINE_CHARS for body in bodies) >= 2:
        return False
    return _chars(text) < PAGE_TEXT_CHARS


def _chars(text: str) -> int:
    return len("".join(text.split()))


_NAMED = 5
"""The links a ``page.links_to_report`` message names (all are in ``Report.attachments``)."""


def links_to_report(attachments: tuple[Attachment, ...]) -> Diagnostic:
    """The diagnostic of a page whose report is elsewhere: it names the links, on their lines."""
    urls = ", ".join(a.url for a in attachments[:_NAMED])
    more = f" and {len(attachments) - _NAMED} more" if len(attachments) > _NAMED else ""
    lines = [a.line for a in attachments]
    return diag(
        "page.links_to_report",
        f"The page holds neither the report's tables nor its text, only links to files that may hold it: "
        f"{urls}{more}.",
        Span(min(lines), max(lines)),
    )
