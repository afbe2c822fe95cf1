"""Items tied together, transitively: the one union-find the grid builder and the reading
engine share."""

from __future__ import annotations

from collections.abc import Iterable


def connected(count: int, links: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Items ``0 .. count - 1`` in groups, two items in one group when a chain of ``links`` ties
    them; each group in ascending order, the groups in the order of their smallest item."""
    parent = list(range(count))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


__all__ = ["connected"]
