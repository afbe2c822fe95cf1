"""A tiny PDF writer for tests: a canonical report as a PDF with a Chinese text layer and ruled
tables, the way word processors export them, so the PDF path can be tested without fixtures.

Text uses an Identity-H Type0 font with a ToUnicode map (code = Unicode code point), which is all
a text extractor needs; no glyphs are embedded. Tables are drawn cell by cell with rectangles, or
with some outer borders left out (``open_sides``), as many Chinese statistical tables are printed.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field

from render import Canonical, Row, Spec, blocks, placements

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
    rules: bool = True
    """False: tables printed with no ruling lines at all (read from the PDF's text)."""
    repeat_header: bool = False
    """A table going on past a page break prints its header rows again (Word's "repeat header")."""
    footer: bool = False
    """Every page ends with its number (``- 2 -``), between the pieces of a table it breaks."""
    running_header: str = ""
    """A line every page prints at its top (a Word page header)."""
    split_rows: bool = False
    """A row that does not fit is cut at the page break: its first lines on this page, the rest on
    the next (Word's "allow row to break across pages")."""
    values_below: bool = False
    """A row cut by a page break prints its one-line cells (the numbers) on the next page, beside
    the end of its label (cells centred vertically), not beside its start."""
    vertical: str = "wrapped"
    """A tall narrow spanning cell's text: ``"wrapped"`` over lines, or rotated a quarter turn
    ``"up"`` (read bottom to top) or ``"down"``."""
    lead: float = 0
    """Blank space before every table, to move page breaks into it."""
    pages: list[list[str]] = field(default_factory=list)
    y: float = 0

    def __post_init__(self) -> None:
        self.new_page()

    def new_page(self) -> None:
        if self.pages and self.footer:
            self.text(PAGE_W / 2 - 10, MARGIN / 2, f"- {len(self.pages)} -", self.size)
        self.pages.append([])
        self.y = PAGE_H - MARGIN
        if self.running_header:
            self.text(MARGIN, PAGE_H - MARGIN / 2, self.running_header, self.size)

    def text(self, x: float, y: float, text: str, size: float, matrix: str = "") -> None:
        code = "".join(f"{ord(c):04X}" for c in text)
        place = f"{matrix} {x:.2f} {y:.2f} Tm" if matrix else f"{x:.2f} {y:.2f} Td"
        self.pages[-1].append(f"BT /F1 {size} Tf {place} <{code}> Tj ET")

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
        step = size * 1.3

        def wrap(text: str, c: int, span: int) -> list[str]:
            per = max(int((sum(widths[c : c + span]) - 4) / size), 1)
            return [text[i : i + per] for i in range(0, len(text), per)] or [""]

        def rotated(cell: Spec) -> bool:
            return self.vertical != "wrapped" and cell.rowspan > 1 and len(cell.text) > 3

        lines_of = [1] * len(rows)
        for r, c, cell in origins:
            if cell.rowspan == 1:
                lines_of[r] = max(lines_of[r], len(wrap(cell.text, c, cell.colspan)))
        if self.lead:
            if self.y - self.lead < MARGIN + 40:
                self.new_page()
            else:
                self.y -= self.lead
        header = next((r for r, row in enumerate(rows) if any(c.text.strip().isdigit() for c in row)), 0)
        self.y -= 6
        # pieces[r]: the parts of row r, each (page, top, bottom, first line, end line)
        pieces: list[list[tuple[int, float, float, int, int]]] = []
        copies: list[tuple[int, float]] = []  # (page, top) of each header printed again
        for r in range(len(rows)):
            parts: list[tuple[int, float, float, int, int]] = []
            done = 0
            while done < lines_of[r]:
                room, need = int((self.y - MARGIN - 4) // step), lines_of[r] - done
                fresh = self.y >= PAGE_H - MARGIN - 1
                cut = self.split_rows and not done and 1 <= room < need and r >= header
                if room < need and not cut and not fresh:
                    self.new_page()
                    if self.repeat_header and header and r >= header:
                        copies.append((len(self.pages) - 1, self.y))
                        self.y -= sum(lines_of[h] * step + 4 for h in range(header))
                    continue
                take = need if fresh else min(need, room)
                parts.append((len(self.pages) - 1, self.y, self.y - take * step - 4, done, done + take))
                self.y -= take * step + 4
                done += take
            pieces.append(parts)
        for r, c, cell in origins:
            last = min(r + cell.rowspan, len(rows)) - 1
            where = (xs[c], xs[c + cell.colspan], xs[0], xs[-1])
            self._cell(
                cell, where, pieces[r : last + 1], wrap(cell.text, c, cell.colspan), size, rotated(cell)
            )
        for page, top in copies:
            y = top
            tops = []
            for h in range(header):
                tops.append([(page, y, y - lines_of[h] * step - 4, 0, lines_of[h])])
                y -= lines_of[h] * step + 4
            for r, c, cell in origins:
                if r < header:
                    last = min(r + cell.rowspan, header) - 1
                    where = (xs[c], xs[c + cell.colspan], xs[0], xs[-1])
                    self._cell(cell, where, tops[r : last + 1], wrap(cell.text, c, cell.colspan), size, False)
        self.y -= 4

    def _cell(
        self,
        cell: Spec,
        x: tuple[float, float, float, float],
        parts: list[list[tuple[int, float, float, int, int]]],
        lines: list[str],
        size: float,
        rotate: bool,
    ) -> None:
        """One cell (``x``: its left and right, the table's left and right): its box on every
        page it reaches, its text where its rows put it."""
        boxes: dict[int, tuple[float, float]] = {}
        for row in parts:
            for page, top, bottom, _, _ in row:
                t, b = boxes.get(page, (top, bottom))
                boxes[page] = (max(t, top), min(b, bottom))
        for page, (top, bottom) in boxes.items():
            self._box(page, x, top, bottom)
        x0, x1 = x[0], x[1]
        page, (top, bottom) = next(iter(boxes.items()))
        if rotate and len(cell.text) * size <= top - bottom - 4:  # turned only where it fits
            code = "".join(f"{ord(ch):04X}" for ch in cell.text)
            middle, half = (x0 + x1) / 2, len(cell.text) * size / 2
            # PDFium leaves out the text of a font without glyph programs (this writer embeds
            # none; real files do) when it is turned exactly a quarter turn: a slope of 1/50 keeps it
            if self.vertical == "up":  # the baseline runs upwards: the first character at the bottom
                at = (
                    f"0.02 1 -1 0.02 {middle + size / 2:.2f} {max(bottom + 2, (top + bottom) / 2 - half):.2f}"
                )
            else:
                at = f"0.02 -1 1 0.02 {middle - size / 2:.2f} {min(top - 2, (top + bottom) / 2 + half):.2f}"
            self.pages[page].append(f"BT /F1 {size} Tf {at} Tm <{code}> Tj ET")
            return
        placed = parts[0] if cell.rowspan == 1 else [(*parts[0][0][:3], 0, len(lines))]
        if self.values_below and cell.rowspan == 1 and len(lines) == 1 and len(placed) > 1:
            placed = [(*placed[-1][:3], 0, 1)]  # a one-line cell of a cut row, on the row's last page
        for page, top, _, start, end in placed:
            for i, line in enumerate(lines[start:end]):
                if line:
                    code = "".join(f"{ord(ch):04X}" for ch in line)
                    self.pages[page].append(
                        f"BT /F1 {size} Tf {x0 + 2:.2f} {top - (i + 1) * size * 1.3:.2f} Td <{code}> Tj ET"
                    )

    def _box(self, page: int, x: tuple[float, float, float, float], top: float, bottom: float) -> None:
        if not self.rules:
            return
        x0, x1, first, last = x
        ops = self.pages[page]
        if not self.open_sides:
            ops.append(f"{x0:.2f} {bottom:.2f} {x1 - x0:.2f} {top - bottom:.2f} re S")
            return
        ops.append(f"{x0:.2f} {top:.2f} m {x1:.2f} {top:.2f} l S")
        ops.append(f"{x0:.2f} {bottom:.2f} m {x1:.2f} {bottom:.2f} l S")
        if x0 > first + 0.1 or self.open_sides == "right":
            ops.append(f"{x0:.2f} {top:.2f} m {x0:.2f} {bottom:.2f} l S")
        if x1 < last - 0.1:
            ops.append(f"{x1:.2f} {top:.2f} m {x1:.2f} {bottom:.2f} l S")

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


def to_pdf(report: Canonical, *, open_sides: str = "", **shape: object) -> bytes:
    """The report as a PDF: paragraphs as text lines, tables ruled (page breaks inside them);
    ``shape`` sets the other fields of :class:`Pdf` (``rules``, ``repeat_header``, ``footer``,
    ``split_rows``, ``vertical``)."""
    pdf = Pdf(open_sides=open_sides, **shape)  # type: ignore[arg-type]
    for block in blocks(report):
        if isinstance(block, str):
            pdf.paragraph(block)
            continue
        width = max(sum(c.colspan for c in row) for row in block)
        widths = {4: [160.0, 115.0, 120.0, 120.0], 15: [34.0] * 15}.get(
            width, [30.0, 70.0, 135.0] + [min(40.0, 280.0 / (width - 3))] * (width - 3)
        )
        pdf.table(block, widths)
    if pdf.footer:
        pdf.text(PAGE_W / 2 - 10, MARGIN / 2, f"- {len(pdf.pages)} -", pdf.size)
    return pdf.to_bytes()


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
"""The padding string of the PDF standard security handler."""


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def encrypted(pdf: bytes, user_password: str = "", owner_password: str = "owner") -> bytes:
    """A PDF written by :func:`pdf_file` encrypted with the standard security handler (revision 2,
    40-bit RC4): it opens without a password when ``user_password`` is empty."""
    import hashlib
    import re

    def padded(password: str) -> bytes:
        return (password.encode("latin-1") + _PAD)[:32]

    owner = _rc4(hashlib.md5(padded(owner_password)).digest()[:5], padded(user_password))
    permissions = -4
    file_id = hashlib.md5(pdf).digest()
    key = hashlib.md5(
        padded(user_password) + owner + permissions.to_bytes(4, "little", signed=True) + file_id
    ).digest()[:5]
    user = _rc4(key, _PAD)
    bodies = re.findall(rb"(\d+) 0 obj\n(.*?)\nendobj\n", pdf, flags=re.S)
    objects = []
    for number, body in bodies:
        head, sep, rest = body.partition(b"stream\n")
        if sep:
            data = rest[: rest.rindex(b"\nendstream")]
            object_key = hashlib.md5(key + int(number).to_bytes(3, "little") + b"\0\0").digest()[:10]
            body = head + sep + _rc4(object_key, data) + b"\nendstream"
        objects.append(body)
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>"
        % (owner.hex().encode(), user.hex().encode(), permissions)
    )
    encrypt = len(objects)
    out = pdf_file(objects)
    trailer = b"/Root 1 0 R >>"
    return out.replace(
        trailer,
        b"/Root 1 0 R /Encrypt %d 0 R /ID [<%s> <%s>] >>"
        % (encrypt, file_id.hex().encode(), file_id.hex().encode()),
    )
