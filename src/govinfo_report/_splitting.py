"""Split a run of digits that lost its cell separators, by arithmetic.

Some crawled reports print a table row with its cells run together::

    一、本年新收政府信息公开申请数量21710000218

The run ``21710000218`` holds seven cells (six applicant columns and their total,
``217|1|0|0|0|0|218``). Only the consistency rules (docs/format.md §4, R1–R4) can tell where the cells
end; :func:`split_run` lists every reading that the rules allow, and says so when it had to stop
early. It never guesses: a caller keeps a row only when exactly one candidate is left and the
result is not ``truncated``.

What a reading is
-----------------
A reading of ``text`` into ``n`` fields is a cut of its characters (whitespace removed) into
``n`` non-empty consecutive fields such that

* every field is a canonical number: ASCII digits without a leading zero (``"0"`` itself is
  fine, ``"07"`` is not);
* a ``-`` may only begin a field whose index is in ``signed`` (R9: only ``change`` is signed);
  ``-0`` is not a number; a ``-`` anywhere else makes the reading impossible;
* with ``decimal_last=True`` the last field, and only it, may carry a decimal part
  (``39573802895.90``: money, R9); the integer part follows the same leading-zero rule and at
  least one digit follows the point;
* ``accept(values)`` returns True.

Values handed to the predicates
-------------------------------
``values`` is a tuple of :data:`Number`: an ``int`` for every field written without a decimal
point, a :class:`~decimal.Decimal` for the (last) field written with one. Integer fields are
never turned into Decimal, so sums of counts stay exact.

Limits
------
The search counts its work: every field it tries at some position (a "partial state") is one
unit, and every reading found is kept. When the work passes ``limit``, or more than ``limit``
readings exist, the search stops and the result has ``truncated=True``; the candidates then
hold only the readings found so far (possibly none), and the caller must treat the row as
ambiguous. A run longer than :data:`MAX_RUN_LENGTH` characters is not searched at all (empty,
``truncated=True``).

Rules with structure
--------------------
:func:`total_is_sum` (R3) and :func:`groups_total_is_sum` (R4) return a :class:`SumGroups`
rule. When ``accept`` is such a rule (and no ``accept_prefix`` is given), :func:`split_run`
does not enumerate blindly: for each group it places the total first, then splits the cells
before it into numbers adding up to that total, meeting in the middle (the first half of the
parts enumerated forwards, the second half backwards, joined on matching sums). Where no
``-`` is involved it prunes by arithmetic: a part has no more digits than the sum it belongs
to; q parts of at most d digits add up to fewer than ``d + len(str(q))`` digits; what is left
of a sum must be reachable with the characters and fields left; and the digit sum of the parts'
characters is congruent to the total modulo 9, wherever the cuts fall. Readings found this way
are checked against the rule once more before they are returned. Any other predicate is
searched by plain backtracking (ends tried in increasing order, with a syntactic feasibility
table so that no branch dead-ends on syntax); ``accept_prefix(values, rest)`` may then prune
partial readings. With the default limit, table 3 rows (six columns and a total, up to five
digits each) and flattened table 4 lines (15 numbers, up to four digits) complete in a few
milliseconds; far wider rows may come back ``truncated``.
Both searches live in :mod:`._split_search`.

Nothing here raises on any ``text``: bad characters, too many dots, an impossible ``n`` simply
give no candidates. Exceptions raised by a caller's own ``accept``/``accept_prefix`` propagate.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs

from ._split_search import _DIGITS, _Search, _Truncated

__all__ = [
    "MAX_RUN_LENGTH",
    "MAX_SPLIT_CANDIDATES",
    "Accept",
    "AcceptPrefix",
    "Number",
    "SplitResult",
    "SumGroups",
    "accept_all",
    "groups_total_is_sum",
    "split_run",
    "total_is_sum",
]

MAX_SPLIT_CANDIDATES: int = 10_000
"""Default ``limit``: stop after this many partial states examined or readings found."""

MAX_RUN_LENGTH: int = 300
"""Longest run (whitespace removed) that :func:`split_run` searches; longer runs are reported
as ``truncated`` with no candidates. Far beyond any real table row, and it keeps every number
well under Python's int/str conversion limit."""

Number = int | Decimal
"""A field's value: ``int``, or ``Decimal`` for a last field written with a decimal point."""

Accept = Callable[[tuple[Number, ...]], bool]
"""Predicate on a complete reading's values."""

AcceptPrefix = Callable[[tuple[Number, ...], str], bool]
"""Predicate on a partial reading: the values of the fields placed so far (1 to n-1 of them)
and the characters not yet consumed. Returning False prunes every reading that extends it, so
it must only return False when no acceptable completion exists."""

_ALLOWED = _DIGITS | {"-", "."}


def accept_all(values: tuple[Number, ...]) -> bool:
    """The default predicate: every syntactically valid reading is accepted."""
    return True


@attrs.frozen
class SplitResult:
    """What :func:`split_run` found."""

    candidates: tuple[tuple[str, ...], ...]
    """Every reading that satisfies the predicate, each as its field texts (whitespace removed),
    ordered by their field lengths, lexicographically (shortest first field first)."""
    truncated: bool
    """True if a limit stopped the search: ``candidates`` may be incomplete and the row must be
    treated as ambiguous."""


def _sum_equals(parts: tuple[Number, ...], total: Number) -> bool:
    """``sum(parts) == total``, exactly (Decimal arithmetic would round past 28 digits)."""
    if all(type(v) is int for v in parts):
        return sum(parts) == total  # int == Decimal compares exactly
    return sum((Fraction(v) for v in parts), Fraction(0)) == Fraction(total)


@attrs.frozen
class SumGroups:
    """Rule: the values fall into consecutive groups of ``group_size``; in each group the last
    value is the sum of the others.

    ``groups`` fixes the number of groups (None: any number, at least one). A rule that can
    never hold (``group_size < 1``) rejects everything. Instances are plain predicates on a
    tuple of values, and :func:`split_run` recognises them to search faster.
    """

    group_size: int
    groups: int | None = None

    def __call__(self, values: tuple[Number, ...]) -> bool:
        g = self.group_size
        if g < 1 or not values or len(values) % g:
            return False
        if self.groups is not None and len(values) != g * self.groups:
            return False
        return all(_sum_equals(values[i : i + g - 1], values[i + g - 1]) for i in range(0, len(values), g))


def total_is_sum(n_parts: int) -> SumGroups:
    """R3: exactly ``n_parts`` values, the last being the sum of the first ``n_parts - 1``
    (table 3: six applicant columns and ``total`` → ``total_is_sum(7)``)."""
    return SumGroups(group_size=n_parts, groups=1)


def groups_total_is_sum(group_size: int) -> SumGroups:
    """R4: the values form consecutive groups of ``group_size``, each group's last value being
    the sum of the others (table 4 flattened: 15 values = 3 groups of 5 →
    ``groups_total_is_sum(5)``)."""
    return SumGroups(group_size=group_size, groups=None)


def _cut(s: str, lengths: tuple[int, ...]) -> tuple[str, ...]:
    fields: list[str] = []
    pos = 0
    for size in lengths:
        fields.append(s[pos : pos + size])
        pos += size
    return tuple(fields)


def split_run(
    text: str,
    n: int,
    *,
    accept: Accept = accept_all,
    signed: frozenset[int] = frozenset(),
    limit: int = MAX_SPLIT_CANDIDATES,
    accept_prefix: AcceptPrefix | None = None,
    decimal_last: bool = False,
) -> SplitResult:
    """Every reading of ``text`` as ``n`` run-together numbers that ``accept`` allows.

    See the module docstring for what a reading is. ``signed`` holds the indices of the fields
    that may be negative; ``decimal_last`` lets the last field carry a decimal part; ``limit``
    bounds the work and the number of readings (beyond it: ``truncated=True``);
    ``accept_prefix`` prunes partial readings of the backtracking search. When
    ``accept_prefix`` is None and ``accept`` is a :class:`SumGroups` (as returned by
    :func:`total_is_sum` and :func:`groups_total_is_sum`), a dedicated search is used instead.
    """
    if not isinstance(text, str) or not isinstance(n, int) or n < 1:
        return SplitResult((), False)
    s = "".join(ch for ch in text if not ch.isspace())
    if len(s) > MAX_RUN_LENGTH:
        return SplitResult((), True)
    if n > len(s) or not _ALLOWED.issuperset(s) or s.count(".") > (1 if decimal_last else 0):
        return SplitResult((), False)
    search = _Search(s, n, frozenset(signed), max(0, limit), decimal_last)
    if not search.feasible[0] >> n & 1:
        return SplitResult((), False)
    found: list[tuple[int, ...]] = []
    truncated = False
    rule = accept if accept_prefix is None and isinstance(accept, SumGroups) else None
    structured = rule is not None
    try:
        if rule is not None:
            search.sum_groups(rule, found)
        else:
            search.generic(accept, accept_prefix, found)  # finds readings in sorted order
    except (_Truncated, RecursionError):
        truncated = True
    if structured:
        # Belt and braces: the dedicated search must never return a reading the rule rejects.
        found = [lengths for lengths in sorted(set(found)) if _checked(search, lengths, accept)]
    return SplitResult(tuple(_cut(s, lengths) for lengths in found), truncated)


def _checked(search: _Search, lengths: tuple[int, ...], accept: Accept) -> bool:
    values = search.values(lengths)
    return values is not None and accept(values)
