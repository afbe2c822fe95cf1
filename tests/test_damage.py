"""The damage suite as tests: "never a wrong or invented number" after realistic damage.

``tests/damage.py`` has the kinds, the check and a runner (``python tests/damage.py --cases N``);
``tests/damage_bases.py`` the documents with known, distinct values. Here hypothesis draws a base
and the damage's spots, one test per kind, so a failing kind is named. The number of examples
follows the profile: ``ci`` about 600 cases in all, ``thorough`` about 20,000.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, Phase, assume, given, note, settings
from hypothesis import strategies as st

from damage import ALL_KINDS, CLAIMS, FAMILIES, Damaged, check, damage, excluded, markup_of, pool, start
from damage_bases import MARK, RENDER_LAYOUTS, TABLES, all_bases, real, real_sources, rendered_base, unmark

EXAMPLES = max(10, settings().max_examples * 2 // 5)
"""Examples per kind: 24 under ``ci`` (25 kinds: 600 cases), 800 under ``thorough`` (20,000)."""

PHASES = tuple(p for p in settings().phases if p is not Phase.shrink or not settings().derandomize)
"""``ci`` (derandomized) reports a failure as found: the damage's description says what was done,
and shrinking every failing kind would take minutes. Other profiles shrink."""


def eligible(kind: str) -> dict[str, list[str]]:
    """Family -> names of the pool's bases the kind may damage."""
    out: dict[str, list[str]] = {}
    for family, bases in pool().items():
        names = [b.name for b in bases if markup_of(b) in CLAIMS[kind]]
        out.update({family: names} if names else {})
    return out


def by_name(name: str):  # type: ignore[no-untyped-def]
    return next(b for bases in all_bases().values() for b in bases if b.name == name)


@pytest.mark.parametrize("kind", ALL_KINDS)
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    phases=PHASES,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(data=st.data())
def test_damage_never_gives_a_wrong_number(kind: str, data: st.DataObject) -> None:
    bases = eligible(kind)
    family = data.draw(st.sampled_from(sorted(bases)), label="family")
    base = by_name(data.draw(st.sampled_from(bases[family]), label="base"))
    case = damage(kind, base, lambda n: data.draw(st.integers(0, n - 1)))
    assume(case is not None)
    assert case is not None
    note(case.desc)
    problems = check(case)
    assert not problems, f"{len(problems)} problems after {case.desc}:\n" + "\n".join(
        p.split(" [")[0] for p in problems[:12]
    )


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_each_kind_damages_every_format_it_claims(kind: str) -> None:
    # a kind that found nothing to damage, or changed nothing, would pass the property unseen
    for fam in CLAIMS[kind]:
        bases = [b for bs in all_bases().values() for b in bs if markup_of(b) == fam]
        rng = random.Random(kind)
        damaged = []
        for i in range(60):
            case = damage(kind, bases[i % len(bases)], rng.randrange)
            if case is not None and case.content != case.base.content:
                damaged.append(case)
        assert damaged, f"{kind} damaged no {fam} base"
        assert all(set(c.truth) == set(c.base.truth) and c.unknown <= set(c.truth) for c in damaged)
    assert set(CLAIMS[kind]) <= set(FAMILIES)


def test_rendered_bases_print_every_value_once() -> None:
    for layout in RENDER_LAYOUTS:
        for seed in range(4):
            base = rendered_base(layout, ("2021", "2019")[seed % 2], seed)
            marked = [base.keys[ord(m.group(1)) - 0xE100] for m in MARK.finditer(base.marked)]
            numbers = [k for k, v in base.truth.items() if v is not None]
            assert sorted(marked) == sorted(numbers), base.name
            assert len({abs(v) for k, v in base.truth.items() if v is not None}) == len(numbers), base.name
            if layout != "runtogether":  # a crawler's digits run together: no token stands alone
                assert len(base.tokens) == len(numbers), base.name
            assert all(v is None or abs(v) >= 10 for v in base.truth.values()), base.name


def test_real_bases_are_renumbered_and_verified(corpus_dir) -> None:  # type: ignore[no-untyped-def]
    reals = [real(source) for source in real_sources()]
    renumbered = {t: sum(t in r.base.renumbered for r in reals if r.base) for t in TABLES}
    assert sum(r.base is not None for r in reals) >= 60, renumbered
    assert all(n >= 50 for n in renumbered.values()), renumbered
    for r in reals:
        if r.base is None:
            continue
        new = [k for k, v in r.base.truth.items() if v is not None and k.split(".")[0] in r.base.renumbered]
        values = [abs(r.base.truth[k]) for k in new]
        assert min(values) > 0, r.name
        assert len(set(values)) >= 0.9 * len(values), r.name  # a row's only value is its own total
        assert isinstance(r.base.content, bytes) or unmark(r.base.marked) == r.base.content, r.name


def test_undamaged_bases_are_read_right() -> None:
    # the damage pool leaves these out, so that they do not fail every kind; here they fail once
    failures = {b.name: check(b)[:3] for b in excluded()}
    assert not failures, "\n".join(f"{name}: {p}" for name, ps in failures.items() for p in ps)


def test_the_check_sees_a_swapped_value() -> None:
    base = rendered_base("tabs", "2021", 0)
    assert check(start(base)) == []
    lines = base.marked.split("\n")
    i = next(i for i, line in enumerate(lines) if "（一）予以公开" in line)
    one, two = list(MARK.finditer(lines[i]))[:2]
    line = lines[i]
    between = line[one.end() : two.start()]
    lines[i] = line[: one.start()] + two.group() + between + one.group() + line[two.end() :]
    problems = check(Damaged(base, "\n".join(lines), dict(base.truth), frozenset(), "swapped by hand"))
    assert len(problems) == 2, problems
    shifted = r"wrong applications\.granted\..*\(shifted from applications\.granted\."
    assert all(re.match(shifted, p) for p in problems)
