"""PDF text (pdfplumber / pdftotext): cells separated by spaces, one table row per line at best.

Labels may sit on a line of their own, before or after their numbers; vertical labels leave
one character per line (``三`` ``、`` ``本`` ``年`` …) or glued in front of a row (``本 3.危及…``).
This strategy only cuts each line into a label and its trailing values; pairing labels with
detached values is done by the schema mapper, which knows the template's row order.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..model import GridCell
from ..normalize import Line
from ..values import is_value_text
from .grid import Grid, finish

NAME = "pdftext"

# one character of a vertical label, glued before a row whose own label starts with its item
# number (``本 3.危及…``, ``办 （三）不予公开``); a letter-spaced label (``规 章 1 2 3``) is left alone
_VERTICAL_PREFIX = regex.compile(
    r"^(?:\p{Han}|[、，,])\s+(?=[0-9０-９]{1,2}\s*[.、．]|[（(][一二三四五六七八九十]{1,2}[)）])"
)
_LETTER_SPACED = regex.compile(r"^\p{Han}(?:\s\p{Han}){1,12}(?:\s|$)")
_VERTICAL_ALONE = regex.compile(r"^(?:\p{Han}、?|[、，,])$")


def looks_like(lines: Sequence[Line]) -> bool:
    if any("\t" in ln.text or ln.text.lstrip().startswith("|") for ln in lines):
        return False
    texts = [ln.text.strip() for ln in lines if ln.text.strip()]
    if not texts:
        return False
    spaced = sum(1 for t in texts if len(_split_values(t)[1]) >= 1)
    return spaced >= 1


def _split_values(text: str) -> tuple[list[str], list[str]]:
    tokens = text.split()
    k = len(tokens)
    while k > 0 and is_value_text(tokens[k - 1]):
        k -= 1
    return tokens[:k], tokens[k:]


def rebuild(lines: Sequence[Line]) -> Grid | None:
    rows: list[list[GridCell]] = []
    for line in lines:
        text = line.text.strip()
        if not text or _VERTICAL_ALONE.match(text):
            continue
        text = _VERTICAL_PREFIX.sub("", text)
        if _LETTER_SPACED.match(text):  # ``规 章 1 2 3``: the label's characters spaced out
            head, tail = _split_values(text)
            text = "".join(head) + (" " + " ".join(tail) if tail else "")
        label_tokens, values = _split_values(text)
        row: list[GridCell] = []
        if label_tokens:
            row.append(GridCell(" ".join(label_tokens), line.number))
        row.extend(GridCell(v, line.number) for v in values)
        rows.append(row)
    return finish(NAME, rows)
