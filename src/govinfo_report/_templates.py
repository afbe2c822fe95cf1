"""Which national template a report follows, told from its table labels (docs/format.md §2).

Never from the year alone: organs use the wrong template. A report with no template label and
an old year, or the old statistics sheet (政府信息公开情况统计表), is ``pre2019``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from ._text import fold
from ._vocab import PRE2019_MARKERS, TEMPLATE_MARKERS
from .diagnostics import diag
from .model import Diagnostic


def detect_template(
    table_texts: Iterable[str], document_lines: Iterable[str], year: int | None
) -> tuple[str | None, list[Diagnostic]]:
    """``"2019"``, ``"2021"``, ``"pre2019"`` or None, with what was noticed on the way.

    ``document_lines`` are read only when no table label tells the template."""
    folded = fold("".join(table_texts))
    votes: Counter[str] = Counter(m.template for m in TEMPLATE_MARKERS if m.pattern in folded)
    if votes:
        ranked = votes.most_common()
        if len(ranked) == 1:
            return ranked[0][0], []
        if ranked[0][1] == ranked[1][1]:
            return None, [
                diag("template.mixed", "Labels of both templates appear equally; template unknown.")
            ]
        return ranked[0][0], [diag("template.mixed")]
    if (year is not None and year < 2019) or names_pre2019(fold("\n".join(document_lines))):
        return "pre2019", [diag("template.pre2019")]
    return None, [diag("template.unknown")] if folded else []


def names_pre2019(folded: str) -> bool:
    """Whether a folded text names the old statistics sheet (政府信息公开情况统计表 …)."""
    return any(m in folded for m in PRE2019_MARKERS)
