"""Named limits that bound the work done on hostile or unusual input.

Each limit, when hit, produces a ``limits.*`` diagnostic instead of a hang or a crash.
"""

from __future__ import annotations

MAX_INPUT_CHARS = 20_000_000
"""Characters of input read at most; the rest is ignored (diagnostic ``limits.input_truncated``)."""

MAX_INPUT_LINES = 100_000
"""Lines of input read at most (a report has hundreds); the rest is ignored
(diagnostic ``limits.input_truncated``)."""

MAX_LINE_CHARS_FOR_LABELS = 4_000
"""A line longer than this is not searched for fuzzy label matches (exact matches still are)."""

MAX_FUZZY_LABEL_CHARS = 80
"""Fuzzy (error-tolerant) label matching is tried only on label texts up to this length."""

MAX_NUMBER_DIGITS = 24
"""Digits a cell's number may have; a longer one is read as text (no count or amount is that long)."""

MAX_TABLE_ROWS = 2_000
"""Rows of one rebuilt table kept at most."""

MAX_TABLE_CELLS = 50_000
"""Cells of one rebuilt table kept at most."""

MAX_ROW_CELLS = 64
"""Value cells of one row fitted to a template's columns at most; a row with more is a run of
delimiters or numbers, not a table row, and is left missing (``limits.row_cells``)."""

MAX_CONSTRAINT_COMBINATIONS = 5_000
"""Combinations of the readings of rows in doubt tried against the rules that tie rows together
(R1, R2, R5) at most; past it those rows are decided on their own rules only
(``limits.readings``), which leaves more cells missing, never a guess."""

MAX_ROW_READINGS = 512
"""Readings of one row's printed cells tried at most (blank cells put back, cells lost, added,
joined or split); a row with more is left missing (``limits.row_readings``)."""

MAX_BOX_CHARS = 200_000
"""Box-drawing characters (``│ ─ ┼``) a table region may hold to be read as a box-drawn table (a
report's table 3 drawn by w3m has about 10,000); past it the region is read by the other layouts.
The rules it draws are bounded like a PDF page's, by :data:`MAX_PDF_RULING_CROSSINGS`."""

# HTML tables (_tables/html.py)

MAX_SPAN = 100
"""Largest ``rowspan``/``colspan`` honoured; larger values are clamped (``colspan="100000"`` -> 100)."""

MAX_HTML_TABLE_CELLS = 20_000
"""Most grid positions (rows x width, padding included) one table may have; rows past it are dropped."""

MAX_DOCUMENT_CELLS = 500_000
"""Most grid positions over all tables of one document; tables past it are dropped.

A ``<td colspan=100 rowspan=100>`` under 100 empty ``<tr>`` is 10,000 positions from a few hundred
bytes, so without a document-wide cap a hostile page of a few megabytes could ask for gigabytes.
"""

# Files and bytes (_source/)

MAX_INPUT_BYTES = 32 * 1024 * 1024
"""Bytes ``parse_file``/``parse_bytes`` accept; a larger input is refused (``input.too_large``)
before it is read. Reports are at most a few megabytes, even as PDFs with embedded fonts."""

MAX_ARCHIVE_MEMBERS = 5_000
"""Members a DOCX (zip) archive may list; more is refused as unsafe (``input.unsafe_archive``)."""

MAX_ARCHIVE_UNCOMPRESSED = 256 * 1024 * 1024
"""Total uncompressed bytes a DOCX archive may declare; more is refused as unsafe."""

MAX_COMPRESSION_RATIO = 200
"""Uncompressed/compressed ratio a DOCX member may have (Word's XML reaches about 30; a zip bomb
reaches thousands). Members under :data:`RATIO_EXEMPT_BYTES` uncompressed are exempt."""

RATIO_EXEMPT_BYTES = 1024 * 1024
"""Members this small may have any compression ratio: they cannot do harm."""

MAX_XML_BYTES = 64 * 1024 * 1024
"""Bytes of one DOCX XML part read at most, whatever its header claims (``input.unsafe_archive``)."""

MAX_LIST_LABEL_CHARS = 32
"""A Word list-number template (``w:lvlText``, such as ``（%1）``) longer than this is not rendered:
real ones are a few characters, and a long one repeated on every paragraph is a memory bomb."""

MAX_PDF_PAGES = 300
"""PDF pages read at most; the rest are left out (``limits.pdf_pages``)."""

MAX_PDF_RULING_CROSSINGS = 5_000
"""Distinct ruling-line rows x columns a PDF page may draw for its tables to be read as grids
(a report's table 3 draws about 30 x 12); past it the page's tables are read from its text only
(``limits.pdf_ruling``): finding cells grows with the square of the crossings."""

MAX_PDF_PAGE_CHARS = 100_000
"""Characters of one PDF page read at most (a page of a report has about 1,500); the rest are
left out (``limits.pdf_objects``)."""

MAX_PDF_PAGE_OBJECTS = 50_000
"""Page objects (text runs, paths, images, forms and what forms hold) of one PDF page looked at
for ruling lines at most; the rest are left out (``limits.pdf_objects``)."""

MAX_PDF_PATH_SEGMENTS = 10_000
"""Segments of one PDF path object followed at most (a cell's border has four or five)."""

MAX_PDF_PAGE_SEGMENTS = 100_000
"""Path segments of one PDF page followed at most, over all its paths and the forms it draws (a
page of a report draws a few hundred); past it the page's other paths are left out
(``limits.pdf_objects``): a form of 10,000 segments drawn 1,000 times is ten million."""

MAX_PDF_FORM_DEPTH = 8
"""Form XObjects nested deeper than this are not looked into for ruling lines."""

MAX_PDF_SECONDS = 30
"""Seconds one PDF may take to read (text and ruling lines); pages not begun by then are left
out (``limits.pdf_time``). A report takes about 0.03 s. The check runs between pages: one page's
own work is bounded by the character, object, segment and ruling limits above, and one hostile
page PDFium itself is slow to load can overrun it by that page."""
