"""The raw material of a PDF page from PDFium (pypdfium2): glyphs with their boxes, and the
straight segments its path objects draw.

Everything here is geometry in page space, with ``y`` measured down from the top of the page
(the way text is read). Nothing is interpreted: lines of text are built in ``_pdf_lines``, grids
in ``_pdf_grid``. The calls go to PDFium's C API directly (``pypdfium2.raw``): a report has a few
thousand characters per page and the helper classes' per-call overhead would double the cost.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from typing import Any, NamedTuple

from .. import limits

THIN = 2.5
"""A path object this thin (in points) across its whole extent is one ruling line, whatever it is
drawn with: a stroked line, a filled hairline rectangle, a rectangle of zero height."""

GLYPH_MAX = 40.0
"""Points a glyph's loose box (from its font's ascent, descent and advance) may measure; a larger
one comes from a font scaled by its matrix (a size of 199 drawn at 9 points), and the glyph's
tight box is taken instead."""

MIN_RULE = 5.0
"""Points a hairline rectangle inside a filled path must run to be a rule (a glyph drawn as
outlines has thin strokes too, shorter than this)."""

STRAIGHT = 1.0
"""A segment whose ends differ by at most this much across its direction is horizontal or
vertical; anything more slanted is not a ruling line."""


class Glyph(NamedTuple):
    """One character as printed: its text and its loose box, in reading space. The box's bottom
    is the font's descent below the baseline, the same for every glyph of a font and size, so the
    glyphs of one line agree on it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    order: int
    """Position in the page's content order (the order the PDF draws its text)."""


class Segment(NamedTuple):
    """A straight horizontal (``x0 < x1``, ``y0 == y1``) or vertical (``x0 == x1``) segment."""

    x0: float
    y0: float
    x1: float
    y1: float


class Page(NamedTuple):
    number: int
    height: float
    glyphs: list[Glyph]
    segments: list[Segment]
    truncated: bool
    """True when the page held more objects or characters than the limits read."""


def raw() -> Any:
    """``pypdfium2.raw``, imported on first use (importing initialises PDFium)."""
    import pypdfium2
    import pypdfium2.raw as pdfium_c

    del pypdfium2
    return pdfium_c


def read_page(pdfium_c: Any, page: Any, number: int) -> Page:
    """The glyphs and segments of one loaded page."""
    height = float(pdfium_c.FPDF_GetPageHeightF(page))
    glyphs, cut_text = _glyphs(pdfium_c, page, height)
    segments, cut_paths = _segments(pdfium_c, page, height)
    return Page(number, height, glyphs, segments, cut_text or cut_paths)


def _glyphs(pdfium_c: Any, page: Any, height: float) -> tuple[list[Glyph], bool]:
    textpage = pdfium_c.FPDFText_LoadPage(page)
    if not textpage:
        return [], False
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        truncated = count > limits.MAX_PDF_PAGE_CHARS
        unicode, generated = pdfium_c.FPDFText_GetUnicode, pdfium_c.FPDFText_IsGenerated
        loose_box = pdfium_c.FPDFText_GetLooseCharBox
        rect = pdfium_c.FS_RECTF()
        tight = [ctypes.c_double() for _ in range(4)]
        tight_refs = [ctypes.byref(v) for v in tight]
        rect_ref = ctypes.byref(rect)
        out: list[Glyph] = []
        high = 0
        read = min(count, limits.MAX_PDF_PAGE_CHARS)
        codes = _codes(pdfium_c, textpage, read)
        for i in range(read):
            code = codes[i] if codes is not None else unicode(textpage, i)
            if code <= 0x20 or code in (0xFFFE, 0xFFFF, 0x3000, 0xA0):
                if code not in (0x20, 0x3000, 0xA0) or generated(textpage, i):
                    continue  # line breaks and the spaces PDFium adds on its own
                code = 0x20
            elif 0xD800 <= code <= 0xDBFF:
                high = code
                continue
            elif 0xDC00 <= code <= 0xDFFF:
                if not high:
                    continue
                code, high = 0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00), 0
            elif code > 0x10FFFF:
                continue  # a glyph name such as /uFFFFFF names no character
            high = 0
            if not loose_box(textpage, i, rect_ref):
                continue
            left, right = min(rect.left, rect.right), max(rect.left, rect.right)
            top, bottom = max(rect.top, rect.bottom), min(rect.top, rect.bottom)
            if (right - left > GLYPH_MAX or top - bottom > GLYPH_MAX) and pdfium_c.FPDFText_GetCharBox(
                textpage, i, *tight_refs
            ):
                left, right, bottom, top = (v.value for v in tight)
            out.append(Glyph(chr(code), left, right, height - top, height - bottom, i))
        return out, truncated
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)


def _codes(pdfium_c: Any, textpage: Any, count: int) -> list[int] | None:
    """The page's character codes in one call, when they are one UTF-16 unit per character
    (no character outside the Basic Multilingual Plane); None to ask character by character."""
    if count <= 0:
        return None
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    codes = list(buffer[:count])
    if written != count + 1 or any(0xD800 <= c <= 0xDFFF for c in codes):
        return None
    return codes


def _segments(pdfium_c: Any, page: Any, height: float) -> tuple[list[Segment], bool]:
    """The horizontal and vertical segments every visible path object draws, forms included."""
    out: list[Segment] = []
    count = pdfium_c.FPDFPage_CountObjects(page)
    truncated = count > limits.MAX_PDF_PAGE_OBJECTS
    objects = (pdfium_c.FPDFPage_GetObject(page, i) for i in range(min(count, limits.MAX_PDF_PAGE_OBJECTS)))
    budget = [limits.MAX_PDF_PAGE_OBJECTS]
    steps = limits.MAX_PDF_PAGE_SEGMENTS
    for obj, matrix in _flatten(pdfium_c, objects, None, budget, 0):
        if steps <= 0:
            return out, True
        found, used = _path_segments(pdfium_c, obj, matrix, height, steps)
        out.extend(found)
        steps -= used
    return out, truncated or budget[0] <= 0


Matrix = tuple[float, float, float, float, float, float]


def _flatten(
    pdfium_c: Any, objects: Iterator[Any], outer: Matrix | None, budget: list[int], depth: int
) -> Iterator[tuple[Any, Matrix | None]]:
    """Path objects with the matrix of the forms (XObjects) they sit in, ``None`` on the page."""
    for obj in objects:
        budget[0] -= 1
        if budget[0] < 0:
            return
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            yield obj, outer
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < limits.MAX_PDF_FORM_DEPTH:
            own = _matrix(pdfium_c, obj)
            inner = own if outer is None else _compose(own, outer)
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            children = (pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(max(count, 0)))
            yield from _flatten(pdfium_c, children, inner, budget, depth + 1)


def _matrix(pdfium_c: Any, obj: Any) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _path_segments(
    pdfium_c: Any, obj: Any, outer: Matrix | None, height: float, steps: int
) -> tuple[list[Segment], int]:
    """A path's segments, and how many of the page's budget of segments it used."""
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return [], 1
    if not fill.value and not stroke.value:
        return [], 1  # a clipping path or an invisible one
    filled_only = not stroke.value
    if outer is None:  # on the page, the bounds are already in page space
        box = [ctypes.c_float() for _ in range(4)]
        if not pdfium_c.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in box)):
            return [], 1
        left, bottom, right, top = (v.value for v in box)
        thin = _thin(left, height - top, right, height - bottom)
        if thin is not None:
            return [thin], 1
    matrix = _matrix(pdfium_c, obj)
    if outer is not None:
        matrix = _compose(matrix, outer)
    count = min(max(pdfium_c.FPDFPath_CountSegments(obj), 0), limits.MAX_PDF_PATH_SEGMENTS, steps)
    subpaths = _outline(pdfium_c, obj, matrix, height, count)
    if not filled_only:
        return [segment for subpath in subpaths for segment in subpath], count + 1
    # filled only: a shaded area is no rule, but each hairline rectangle in it is (a table's rules
    # drawn as one path of many thin rectangles)
    out = []
    for subpath in subpaths:
        xs = [v for s in subpath for v in (s.x0, s.x1)]
        ys = [v for s in subpath for v in (s.y0, s.y1)]
        thin = _thin(min(xs), min(ys), max(xs), max(ys)) if subpath else None
        if thin is not None and max(thin.x1 - thin.x0, thin.y1 - thin.y0) >= MIN_RULE:
            out.append(thin)
    return out, count + 1


def _thin(x0: float, y0: float, x1: float, y1: float) -> Segment | None:
    """A box no thicker than :data:`THIN` as the segment along its middle."""
    if y1 - y0 <= THIN and x1 - x0 > y1 - y0:
        middle = (y0 + y1) / 2
        return Segment(x0, middle, x1, middle)
    if x1 - x0 <= THIN and y1 - y0 > x1 - x0:
        middle = (x0 + x1) / 2
        return Segment(middle, y0, middle, y1)
    return None


def _outline(pdfium_c: Any, obj: Any, matrix: Matrix, height: float, count: int) -> list[list[Segment]]:
    """The straight horizontal and vertical pieces of the first ``count`` segments of a path's
    outline (a rectangle's four sides), by subpath."""
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[list[Segment]] = [[]]
    start = at = None
    for i in range(count):
        segment = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not segment or not pdfium_c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x), ctypes.byref(y)):
            continue
        px, py = _apply(matrix, x.value, y.value)
        point = (px, height - py)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
            if out[-1]:
                out.append([])
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and at is not None:
            _straight(at, point, out[-1])
        if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
            _straight(point, start, out[-1])
        at = point
    return [subpath for subpath in out if subpath]


def _straight(a: tuple[float, float], b: tuple[float, float], out: list[Segment]) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= STRAIGHT and abs(ax - bx) > STRAIGHT:
        y = (ay + by) / 2
        out.append(Segment(min(ax, bx), y, max(ax, bx), y))
    elif abs(ax - bx) <= STRAIGHT and abs(ay - by) > STRAIGHT:
        x = (ax + bx) / 2
        out.append(Segment(x, min(ay, by), x, max(ay, by)))


__all__ = ["Glyph", "Page", "Segment", "raw", "read_page"]
