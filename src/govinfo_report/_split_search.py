"""The search behind :func:`.splitting.split_run`: one run, its syntax tables, and two searches.

:class:`_Search` holds the run (whitespace removed) and the syntactic feasibility table; its
``generic`` method backtracks over field ends for any predicate, its ``sum_groups`` method
places each group's total and meets in the middle for a :class:`.splitting.SumGroups` rule.
The rules the search follows, and its limits, are described in :mod:`.splitting`.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._splitting import Accept, AcceptPrefix, Number, SumGroups

_DIGITS = frozenset("0123456789")


class _Truncated(Exception):
    """Internal: the work or result limit was reached."""


class _Search:
    """One search over one run. All positions index ``self.s`` (whitespace removed)."""

    def __init__(self, s: str, n: int, signed: frozenset[int], limit: int, decimal_last: bool) -> None:
        self.s = s
        self.n = n
        self.signed = signed
        self.limit = limit
        self.decimal_last = decimal_last
        self.work = 0
        length = len(s)
        # next_minus[i]: index of the first '-' at or after i (len(s) if none).
        self.next_minus = [length] * (length + 1)
        # run_end[i]: first index >= i that is not a digit.
        self.run_end = [length] * (length + 1)
        # digit_sum[i]: sum of the digits in s[:i].
        self.digit_sum = [0] * (length + 1)
        for i, ch in enumerate(s):
            self.digit_sum[i + 1] = self.digit_sum[i] + (int(ch) if ch in _DIGITS else 0)
        for i in range(length - 1, -1, -1):
            self.next_minus[i] = i if s[i] == "-" else self.next_minus[i + 1]
            self.run_end[i] = self.run_end[i + 1] if s[i] in _DIGITS else i
        # signed_bits: bit r set iff the field with r fields left (index n - r) may be signed.
        self.signed_bits = 0
        for i in signed:
            if 0 <= i < n:
                self.signed_bits |= 1 << (n - i)
        self.feasible = self._feasibility()

    # -- syntax ---------------------------------------------------------------------------

    def tick(self) -> None:
        self.work += 1
        if self.work > self.limit:
            raise _Truncated

    def int_ends(self, pos: int) -> range:
        """Ends (exclusive) of the integer fields that may start at ``pos``, sign permission aside."""
        s = self.s
        start = pos + 1 if s[pos] == "-" else pos
        if start >= len(s) or s[start] not in _DIGITS:
            return range(0)
        if s[start] == "0":
            # "0" alone; "-0" is not a number.
            return range(0) if start > pos else range(pos + 1, pos + 2)
        return range(start + 1, self.run_end[start] + 1)

    def field(self, start: int, end: int, index: int) -> Number | None:
        """The value of ``s[start:end]`` as field ``index``, or None if it cannot be that field."""
        text = self.s[start:end]
        if text.isdigit():  # plain digits, the usual field (``s`` holds ASCII digits, '-' and '.')
            return None if text[0] == "0" and end - start > 1 else int(text)
        if not text:
            return None
        negative = text[0] == "-"
        if negative and index not in self.signed:
            return None
        body = text[1:] if negative else text
        int_part, dot, frac = body.partition(".")
        if dot and not (self.decimal_last and index == self.n - 1 and end == len(self.s)):
            return None
        if not int_part or not _DIGITS.issuperset(int_part) or (int_part[0] == "0" and int_part != "0"):
            return None
        if dot:
            if not frac or not _DIGITS.issuperset(frac):
                return None
            value = Decimal(text)
            if negative and value == 0:
                return None
            return value
        if negative and int_part == "0":
            return None
        return int(text)

    def values(self, lengths: tuple[int, ...]) -> tuple[Number, ...] | None:
        """The values of the reading with these field lengths, or None if it is not valid."""
        result: list[Number] = []
        pos = 0
        for index, size in enumerate(lengths):
            value = self.field(pos, pos + size, index)
            if value is None:
                return None
            result.append(value)
            pos += size
        return tuple(result) if pos == len(self.s) and len(result) == self.n else None

    def _feasibility(self) -> list[int]:
        """feasible[pos]: bit r set iff ``s[pos:]`` splits syntactically into the last r fields."""
        s, n, length = self.s, self.n, len(self.s)
        full = (1 << (n + 1)) - 1
        feasible = [0] * (length + 1)
        feasible[length] = 1
        for pos in range(length - 1, -1, -1):
            mask = 0
            if self.field(pos, length, n - 1) is not None:
                mask = 0b10
            acc = 0
            for end in self.int_ends(pos):
                acc |= feasible[end]
            acc = (acc << 1) & full & ~0b11  # r >= 2: a non-last field; r == 1 handled above
            if s[pos] == "-":
                acc &= self.signed_bits
            feasible[pos] = mask | acc
        return feasible

    def ends(self, pos: int, k: int) -> Iterator[int]:
        """Ends of field ``k`` starting at ``pos`` after which the rest can still be split."""
        rest = self.n - k - 1
        if rest == 0:
            yield len(self.s)
            return
        if self.s[pos] == "-" and k not in self.signed:
            return
        for end in self.int_ends(pos):
            if self.feasible[end] >> rest & 1:
                yield end

    # -- generic backtracking --------------------------------------------------------------

    def generic(self, accept: Accept, accept_prefix: AcceptPrefix | None, out: list[tuple[int, ...]]) -> None:
        """Depth-first search over field ends (iterative: no recursion limit to hit)."""
        s, n, length = self.s, self.n, len(self.s)
        starts: list[int] = [0]
        values: list[Number] = []
        stack: list[Iterator[int]] = [self.ends(0, 0)]
        while stack:
            k = len(stack) - 1
            end = next(stack[-1], None)
            if end is None:
                stack.pop()
                starts.pop()
                if values:
                    values.pop()
                continue
            self.tick()
            value = self.field(starts[k], end, k)
            if value is None:
                continue
            if k == n - 1:
                if end == length and accept((*values, value)):
                    _add(out, _lengths(starts, end), self.limit)
                continue
            if accept_prefix is not None and not accept_prefix((*values, value), s[end:]):
                continue
            values.append(value)
            starts.append(end)
            stack.append(self.ends(end, k + 1))

    # -- sum groups ----------------------------------------------------------------------------

    def sum_groups(self, rule: SumGroups, out: list[tuple[int, ...]]) -> None:
        g, n = rule.group_size, self.n
        if g < 1 or n % g or (rule.groups is not None and n != g * rule.groups):
            return
        count = n // g
        memo: dict[tuple[int, int], list[tuple[int, ...]]] = {}

        def suffix(pos: int, gi: int) -> list[tuple[int, ...]]:
            """All splits of s[pos:] into groups gi..count-1, as field lengths."""
            key = (pos, gi)
            if key in memo:
                return memo[key]
            after = (count - gi - 1) * g
            length = len(self.s)
            found: list[tuple[int, ...]] = []
            if after == 0:
                ends: Iterator[int] | range = range(length, length + 1)
            else:
                ends = (e for e in range(pos + g, length - after + 1) if self.feasible[e] >> after & 1)
            for end in ends:
                groups = self.group(pos, end, gi * g, g - 1)
                if not groups:
                    continue
                tails = suffix(end, gi + 1) if after else [()]
                for head in groups:
                    for tail in tails:
                        _add(found, head + tail, self.limit)
            memo[key] = found
            return found

        for lengths in suffix(0, 0):
            _add(out, lengths, self.limit)

    def group(self, a: int, e: int, base: int, q: int) -> list[tuple[int, ...]]:
        """Splits of s[a:e] into q parts and their total (fields base..base+q), as lengths."""
        found: list[tuple[int, ...]] = []
        span = e - a
        nonneg = self.next_minus[a] >= e
        carry = len(str(q))
        dot = self.s.find(".", a, e)
        fraction = e - dot if dot >= 0 else 0  # '.' and decimals: only the total may hold them
        for tau in range(fraction + 1, span - q + 1):
            m = span - tau  # characters left for the q parts
            digits = tau - fraction  # the total's integer digits
            if q == 0 and m:
                continue
            if nonneg and q:
                if m > q * digits:  # every part <= total, so no part has more digits than the total
                    continue
                if digits > m - q + 1 + carry:  # q parts of <= m-q+1 digits sum to fewer digits
                    break
            self.tick()
            total = self.field(e - tau, e, base + q)
            if total is None:
                continue
            if isinstance(total, Decimal):
                if total != total.to_integral_value():
                    continue
                total = int(total)
            for parts in self.parts(a, e - tau, base, q, total):
                _add(found, (*parts, tau), self.limit)
        return found

    def parts(self, a: int, b: int, base: int, q: int, target: int) -> list[tuple[int, ...]]:
        """Splits of s[a:b] into q integer fields (indices base..base+q-1) adding up to ``target``.

        Meet in the middle: the first q // 2 fields are enumerated forwards from ``a``, the
        others backwards from ``b``, and the halves are joined where they meet with matching
        sums. With no '-' in the segment every field is <= target (so has no more digits than
        it), partial sums never exceed it, and the digit sum of the segment is congruent to
        ``target`` modulo 9 (a number is congruent to its digit sum, wherever the cuts fall).
        """
        if q == 0:
            return [()] if a == b and target == 0 else []
        m = b - a
        if m < q:
            return []
        nonneg = self.next_minus[a] >= b
        maxlen = m
        if nonneg:
            if target < 0:
                return []
            maxlen = _digits(target)
            if m > q * maxlen or (self.digit_sum[b] - self.digit_sum[a] - target) % 9:
                return []
        s, signed, half = self.s, self.signed, q // 2
        left: dict[tuple[int, int], list[tuple[int, ...]]] = {}  # (end, sum) -> field lengths
        found: list[tuple[int, ...]] = []
        lengths: list[int] = []

        def forward(pos: int, k: int, subtotal: int) -> None:
            if nonneg and not _reachable(target - subtotal, b - pos, q - k):
                return
            if k == half:
                left.setdefault((pos, subtotal), []).append(tuple(lengths))
                return
            index = base + k
            if s[pos] == "-" and index not in signed:
                return
            later = q - k - 1
            last_end = b - later  # leave a character for each later field
            longest = _digits(target - subtotal) if nonneg else maxlen
            for end in self.int_ends(pos):
                if end > last_end or end - pos > longest:
                    break
                if nonneg and b - end > later * longest:
                    continue  # the later fields, each <= what is left of the sum, cannot fill the rest
                self.tick()
                value = self.field(pos, end, index)
                if not isinstance(value, int):
                    continue
                if nonneg and subtotal + value > target:
                    break  # a longer field from the same start is larger still
                lengths.append(end - pos)
                forward(end, k + 1, subtotal + value)
                lengths.pop()

        def backward(end: int, k: int, subtotal: int) -> None:
            if nonneg and not _reachable(target - subtotal, end - a, q - k):
                return
            if k == q - half:
                tail = tuple(reversed(lengths))
                for head in left.get((end, target - subtotal), ()):
                    _add(found, head + tail, self.limit)
                return
            index = base + q - 1 - k
            earlier = q - k - 1
            first_start = a + earlier  # leave a character for each earlier field
            longest = _digits(target - subtotal) if nonneg else maxlen
            for start in range(end - 1, first_start - 1, -1):
                if end - start > longest:
                    break
                if nonneg and start - a > earlier * longest:
                    continue  # the earlier fields, each <= what is left of the sum, cannot fill the rest
                self.tick()
                value = self.field(start, end, index)
                if isinstance(value, int):
                    if nonneg and subtotal + value > target:
                        break  # a field reaching further left is larger still
                    lengths.append(end - start)
                    backward(start, k + 1, subtotal + value)
                    lengths.pop()
                if s[start] not in _DIGITS:
                    break  # a field reaching further left would contain this '-' or '.'

        forward(a, 0, 0)
        if left:
            backward(b, 0, 0)
        return found


def _digits(value: int) -> int:
    """Number of decimal digits of a non-negative int (1 for 0)."""
    return len(str(value)) if value >= 0 else 0


def _reachable(rest: int, chars: int, fields: int) -> bool:
    """Can ``fields`` non-negative numbers written with ``chars`` digits in all add up to ``rest``?

    A necessary condition only: the sum lies between the smallest possible (the longest field has
    at least ceil(chars / fields) digits, without a leading zero) and the largest possible (one
    field takes every spare digit, the others are single digits).
    """
    if fields == 0:
        return chars == 0 and rest == 0
    spare = chars - fields  # digits beyond one per field
    if rest < 0 or spare < 0 or chars > fields * _digits(rest):
        return False
    if _digits(rest) <= spare:  # rest < 10 ** spare <= the largest possible sum
        return True
    largest: int = 10 ** (spare + 1) - 1 + 9 * (fields - 1)
    return rest <= largest


def _lengths(starts: list[int], end: int) -> tuple[int, ...]:
    bounds = [*starts, end]
    return tuple(bounds[i + 1] - bounds[i] for i in range(len(starts)))


def _add(found: list[tuple[int, ...]], item: tuple[int, ...], limit: int) -> None:
    if len(found) >= limit:
        raise _Truncated
    found.append(item)
