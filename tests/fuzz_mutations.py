"""Mutation fuzzing of the seeds and the corpus: ``python tests/fuzz_mutations.py [N] [SEED]``.

Each input is a seed or corpus report damaged by 1-12 random edits (deletions, duplications,
inserted tabs, pipes, newlines, markup, runs of delimiters, random Unicode), parsed and turned
into JSON. Prints the crashes (with their traceback and the input's head) and a summary line.
Not part of the pytest run: it is for long local runs (see docs/testing.md).
"""

from __future__ import annotations

import random
import sys
import time
import traceback

from conftest import CORPUS_DIR, read_corpus, read_seeds
from govinfo_report import parse

PIECES = [
    "\t",
    "|",
    "\n",
    "\r\n",
    "  ",
    "　",
    "一、",
    "（三）",
    "0",
    "12",
    "-",
    "/",
    "&nbsp;",
    "<td>",
    "**",
    "# ",
]


def mutate(rng: random.Random, text: str) -> str:
    for _ in range(rng.randint(1, 12)):
        op, at = rng.randrange(5), rng.randrange(len(text) + 1)
        if op == 0 and text:
            text = text[:at] + text[at + rng.randint(1, 50) :]
        elif op == 1:
            text = text[:at] + text[at : at + rng.randint(1, 200)] + text[at:]
        elif op == 2:
            text = text[:at] + rng.choice(PIECES) + text[at:]
        elif op == 3:
            code = rng.randint(0x20, 0x2FFFF) if rng.random() < 0.9 else rng.randint(0, 0x1F)
            text = text[:at] + chr(code) + text[at:]
        else:
            text = text[:at] + rng.choice(PIECES) * rng.randint(2, 30) + text[at:]
    return text


def main(count: int = 10_000, seed: int = 20261122) -> int:
    docs = list(read_seeds().values()) + list(read_corpus(CORPUS_DIR).values())
    rng = random.Random(seed)
    crashes = slow = 0
    started = time.perf_counter()
    for _ in range(count):
        text = mutate(rng, rng.choice(docs))
        began = time.perf_counter()
        try:
            parse(text).to_json()
        except Exception:
            crashes += 1
            traceback.print_exc()
            print(repr(text[:300]))
        slow += time.perf_counter() - began > 2
    seconds = time.perf_counter() - started
    print(f"inputs={count} crashes={crashes} slower_than_2s={slow} seconds={seconds:.0f}")
    return 1 if crashes else 0


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    raise SystemExit(main(*args))
