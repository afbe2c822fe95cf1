"""Small text helpers shared by the stages: folding for label comparison."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TypeVar

import regex

from ._vocab import APP_GROUP_LABELS

_NOT_WORD = regex.compile(r"[^\p{Han}\p{L}\p{N}]+")

SHORT_TEXT = 200
"""Texts up to this length are remembered by :func:`memo_short`; a longer one is computed each
time, so a cache never holds on to the long lines of a past input."""

_R = TypeVar("_R")
_F = TypeVar("_F", bound=Callable[..., object])

_CLEARS: list[Callable[[], None]] = []


def memo(maxsize: int) -> Callable[[_F], _F]:
    """``functools.lru_cache``, registered so that :func:`clear_memos` empties it."""

    def decorate(function: _F) -> _F:
        remembered = lru_cache(maxsize=maxsize)(function)
        _CLEARS.append(remembered.cache_clear)
        return remembered  # type: ignore[return-value]

    return decorate


def memo_short(maxsize: int) -> Callable[[Callable[[str], _R]], Callable[[str], _R]]:
    """Remember a pure function of a short text: labels and cells recur in every report, and the
    stages read the same ones again and again."""

    def decorate(function: Callable[[str], _R]) -> Callable[[str], _R]:
        remembered = memo(maxsize)(function)

        @wraps(function)
        def wrapper(text: str) -> _R:
            return remembered(text) if len(text) <= SHORT_TEXT else function(text)

        return wrapper

    return decorate


def clear_memos() -> None:
    """Forget every remembered result (the benchmarks time parses as a fresh process would)."""
    for clear in _CLEARS:
        clear()


@memo_short(8192)
def fold(text: str) -> str:
    """Fold text for label comparison: NFKC, then only Han characters, letters and digits.

    ``（三） 不予公开`` → ``三不予公开``; ``本年增/减`` → ``本年增减``.
    """
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


ITEM = regex.compile(
    r"^\s*(?:(?P<digit>[0-9０-９]{1,2})\s*[.、．]|[（(](?P<paren>[一二三四五六七八九十]{1,2})[)）]"
    r"|(?P<plain>[一二三四五六七八九十]{1,2})、)"
)
"""The item number a row's label opens with: ``4.``, ``（三）`` or ``(三)``, ``三、``."""


def in_group_label(folded: str, *, whole: bool = False) -> bool:
    """Whether a folded text is a piece of a table 3 group's printed label (``无法提`` of
    ``（四）无法提供``: such labels run down a narrow vertical cell beside the items); with
    ``whole``, the label itself counts too."""
    return bool(folded) and any(folded in g and (whole or folded != g) for g in APP_GROUP_LABELS)
