"""Shared test set-up: hypothesis profiles, the packaged seeds, and the optional real-report corpus.

Hypothesis profiles (pick one with ``HYPOTHESIS_PROFILE=<name>``):

* ``dev`` (default on a workstation): 100 examples per property; a 2 s deadline per example, so a
  pathological slow-down shows up without a loaded machine making it flaky.
* ``ci`` (default when ``CI`` is set): 60 examples per property, no deadline, and derandomized: the
  same examples on every run, so CI passes or fails on the code, not on the draw. New examples are
  for ``dev`` and ``thorough`` runs, which use random seeds.
* ``thorough``: 2000 examples per property, for a long local run before a release.

No custom pytest markers are needed: tests that need the corpus ask for the ``corpus_dir`` fixture,
which skips them when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("dev", max_examples=100, deadline=2000)
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "src" / "govinfo_report" / "examples"
"""The seed reports shipped with the package (``seed_*.txt``)."""

CORPUS_DIR = Path(__file__).parents[1].parent / "shared" / "corpus"
"""The real-report corpus beside the repository; not part of the project, so it may be absent."""

CORPUS_SUFFIXES = (".txt", ".md", ".html")
"""Raw corpus files read as text (PDFs are represented by their extracted ``.txt``)."""


def read_seeds() -> dict[str, str]:
    """``{name: text}`` for every ``seed_*.txt`` of the package examples, e.g. ``{"seed_000": ...}``."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES_DIR.glob("seed_*.txt"))}


def read_corpus(corpus: Path) -> dict[str, str]:
    """``{file name: text}`` for the raw corpus files (``raw/*.txt``, ``*.md``, ``*.html``)."""
    raw = corpus / "raw"
    return {
        p.name: p.read_text(encoding="utf-8")
        for p in sorted(raw.iterdir())
        if p.is_file() and p.suffix in CORPUS_SUFFIXES
    }


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The packaged seed reports, ``{name: text}``."""
    found = read_seeds()
    assert found, f"no seed_*.txt under {EXAMPLES_DIR}"
    return found


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; the test is skipped when it is absent."""
    if not (CORPUS_DIR / "raw").is_dir():
        pytest.skip(f"real-report corpus not found at {CORPUS_DIR}")
    return CORPUS_DIR


@pytest.fixture(scope="session")
def corpus_texts(corpus_dir: Path) -> dict[str, str]:
    """The raw corpus reports, ``{file name: text}`` (skips with ``corpus_dir``)."""
    found = read_corpus(corpus_dir)
    if not found:
        pytest.skip(f"no raw report files under {corpus_dir / 'raw'}")
    return found
