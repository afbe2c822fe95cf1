"""Small text helpers shared by the stages: folding for label comparison."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_NOT_WORD = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")


@lru_cache(maxsize=8192)  # the stages fold the same labels and lines again and again
def fold(text: str) -> str:
    """Fold text for label comparison: NFKC, then only Han characters, letters and digits.

    ``（三） 不予公开`` → ``三不予公开``; ``本年增/减`` → ``本年增减``.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))
