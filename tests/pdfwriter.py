"""A tiny PDF writer for tests: a canonical report as a PDF with a Chinese text layer and ruled
tables, the way word processors export them, so the PDF path can be tested without fixtures.

Text uses an Identity-H Type0 font with a ToUnicode map (code = Unicode code point), which is all
a text extractor needs; no glyphs are embedded. Tables are drawn cell by cell with rectangles, or
with some outer borders left out (``open_sides``), as many Chinese statistical tables are printed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from render import Canonical, Row, blocks, placements

PAGE_W, PAGE_H, MARGIN = 595, 842, 40


def _to_unicode() -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ]
    ranges = [f"<{h:02X}00> <{h:02X}FF> <{h:02X}00>" for h in range(256) if not 0xD8 <= h <= 0xDF]
    for i in range(0, len(ranges), 100):
        chunk = ranges[i : i + 100]
        lines += [f"{len(chunk)} beginbfrange", *chunk, "endbfrange"]
    lines.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    return "\n".join(lines).encode()


@dataclass
class Pdf:
    size: float = 9
    open_sides: str = ""
    """``""`` (every border drawn), ``"right"`` (no right outer border) or ``"both"``."""
    pages: list[list[str]] = field(default_factory=list)
    y: float = 0

    def __post_init__(self) -> None:
        self.new_page()

    def new_page(self) -> None:
        self.pages.append([])
        self.y = PAGE_H - MARGIN

    def text(self, x: float, y: float, text: str, size: float) -> None:
        code = "".join(f"{ord(c):04X}" for c in text)
        self.pages[-1].append(f"BT /F1 {size} Tf {x:.2f} {y:.2f} Td <{code}> Tj ET")

    def paragraph(self, text: str) -> None:
        per = int((PAGE_W - 2 * MARGIN) / self.size)
        for i in range(0, max(len(text), 1), per):
            if self.y - self.size * 1.4 < MARGIN:
                self.new_page()
            self.y -= self.size * 1.4
            self.text(MARGIN, self.y, text[i : i + per], self.size)

    def table(self, rows: list[Row], widths: list[float], size: float = 7) -> None:
        _, origins = placements(rows)
        xs = [float(MARGIN)]
        for w in widths:
            xs.append(xs[-1] + w)

        def wrap(text: str, c: int, span: int) -> list[str]:
            per = max(int((sum(widths[c : c + span]) - 4) / size), 1)
            return [text[i : i + per] for i in range(0, len(text), per)] or [""]

        heights = [size * 1.3 + 4] * len(rows)
        for r, c, cell in origins:
            if cell.rowspan == 1:
                heights[r] = max(heights[r], len(wrap(cell.text, c, cell.colspan)) * size * 1.3 + 4)
        self.y -= 6
        where = []
        for r in range(len(rows)):
            if self.y - heights[r] < MARGIN:
                self.new_page()
            where.append((len(self.pages) - 1, self.y, self.y - heights[r]))
            self.y -= heights[r]
        for r, c, cell in origins:
            last = min(r + cell.rowspan, len(rows)) - 1
            pieces: dict[int, tuple[float, float]] = {}
            for rr in range(r, last + 1):
                page, top, bottom = where[rr]
                t, b = pieces.get(page, (top, bottom))
                pieces[page] = (max(t, top), min(b, bottom))
            x0, x1 = xs[c], xs[c + cell.colspan]
            for page, (top, bottom) in pieces.items():
                ops = self.pages[page]
                if not self.open_sides:
                    ops.append(f"{x0:.2f} {bottom:.2f} {x1 - x0:.2f} {top - bottom:.2f} re S")
                    continue
                ops.append(f"{x0:.2f} {top:.2f} m {x1:.2f} {top:.2f} l S")
                ops.append(f"{x0:.2f} {bottom:.2f} m {x1:.2f} {bottom:.2f} l S")
                if x0 > xs[0] + 0.1 or self.open_sides == "right":
                    ops.append(f"{x0:.2f} {top:.2f} m {x0:.2f} {bottom:.2f} l S")
                if x1 < xs[-1] - 0.1:
                    ops.append(f"{x1:.2f} {top:.2f} m {x1:.2f} {bottom:.2f} l S")
            page, top, _ = where[r]
            for i, line in enumerate(wrap(cell.text, c, cell.colspan)):
                if line:
                    code = "".join(f"{ord(ch):04X}" for ch in line)
                    self.pages[page].append(
                        f"BT /F1 {size} Tf {x0 + 2:.2f} {top - (i + 1) * size * 1.3:.2f} Td <{code}> Tj ET"
                    )
        self.y -= 4

    def to_bytes(self) -> bytes:
        objects: list[bytes] = [b"", b""]  # the catalog and the page tree, filled in below

        def add(body: bytes) -> int:
            objects.append(body)
            return len(objects)

        cmap = zlib.compress(_to_unicode())
        to_unicode = add(
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(cmap) + cmap + b"\nendstream"
        )
        descriptor = add(
            b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0"
            b" /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>"
        )
        cid = add(
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe)"
            b" /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor %d 0 R >>" % descriptor
        )
        font = add(
            b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H"
            b" /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid, to_unicode)
        )
        kids = []
        for ops in self.pages:
            content = zlib.compress("\n".join(ops).encode())
            stream = add(
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
            )
            kids.append(
                add(
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R"
                    b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (PAGE_W, PAGE_H, stream, font)
                )
            )
        objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
        objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
            b" ".join(b"%d 0 R" % k for k in kids),
            len(kids),
        )
        return pdf_file(objects)


def pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of numbered objects (object 1 the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def to_pdf(report: Canonical, *, open_sides: str = "") -> bytes:
    """The report as a PDF: paragraphs as text lines, tables ruled (page breaks inside them)."""
    pdf = Pdf(open_sides=open_sides)
    for block in blocks(report):
        if isinstance(block, str):
            pdf.paragraph(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        widths = {4: [160.0, 115.0, 120.0, 120.0], 15: [34.0] * 15}.get(
            width, [30.0, 70.0, 135.0] + [min(40.0, 280.0 / (width - 3))] * (width - 3)
        )
        pdf.table(block, widths)
    return pdf.to_bytes()
