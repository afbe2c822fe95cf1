"""What a browser does not show of an HTML page, for the HTML reader (:mod:`.html`): hidden
elements, and zero-width characters (:data:`INVISIBLE`, taken out of the text by :func:`clean`).

An element is *removed* (no box, no text, no place in a table row) when its ``display`` is
``none``: from its inline ``style``, from a rule of a page ``<style>`` element that names one
class (``.hide{display:none}``), or, when neither sets ``display``, from the ``hidden``
attribute (a browser's own ``[hidden]{display:none}``, which any author ``display`` overrides).
``visibility: collapse`` on a row or row group (``tr``, ``tbody``, ``thead``, ``tfoot``) removes
the row too.

An element whose ``visibility`` is ``hidden`` (``collapse`` anywhere else) keeps its box but not
its text: a ``<td>`` stays an empty cell in its column. ``visibility`` is inherited, and a
descendant with ``visibility: visible`` is shown again; ``display: none`` cannot be undone below.

The CSS read is deliberately small: declarations ``display``/``visibility`` of an inline style
(the last one wins, ``!important`` over the rest), and rules whose selector is one class or a
comma list of single classes (``.a{...}``, ``.a, .b{...}``), outside ``@media`` blocks, in
``<style>`` elements for the screen. Other selectors (``div.a``, ``#id``, ``.a .b``), external
stylesheets and other ways to hide (``font-size:0``, off-screen positions, white on white) are
not read. ``aria-hidden`` hides nothing on screen and is ignored.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from lxml import etree

Element = Any
"""An lxml element (lxml ships no type information)."""

Declared = tuple[str, bool, int]
"""A declared value: the keyword (lower case), whether ``!important``, the order of its rule."""

_DECLARATION = re.compile(r"(?:^|;)\s*(display|visibility)\s*:\s*([^;]*)")
"""A ``display``/``visibility`` declaration of a lower-cased declaration block."""

_IMPORTANT = re.compile(r"!\s*important\s*$")
_KEYWORD = re.compile(r"[a-z-]+(?:\s+[a-z-]+)*")
_VISIBILITY = {
    "hidden": "hidden",
    "collapse": "collapse",
    "visible": "visible",
    "initial": "visible",
    "revert": "visible",
}
"""``visibility`` keywords and what they mean; ``inherit``/``unset`` (inherit) mean no change."""

_CLASS_SELECTOR = re.compile(r"\.-?[_a-z][\w-]*(?:\s*,\s*\.-?[_a-z][\w-]*)*")
"""A selector that is one class, or a comma list of single classes."""

_BRACE = re.compile(r"[{}]")

_MAX_SHEET_CHARS = 200_000
"""Characters of ``<style>`` text read per page."""
_MAX_RULES = 2_000
"""Class rules kept per page."""
_MAX_SCAN = 200_000
"""Elements looked at per page to tell whether hidden elements hold text."""

INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
"""Zero-width characters: removed from text, as they would glue to numbers."""
VISIBLE = re.compile("[^\\s" + "".join(map(chr, INVISIBLE)) + "]")
"""A visible character."""
_SCRIPTS = frozenset({"script", "style", "template", "noscript"})

_ROW_GROUPS = frozenset({"tr", "tbody", "thead", "tfoot"})
"""Elements that ``visibility: collapse`` removes, as ``display: none`` does."""


def declarations(css: str, order: int = 0) -> tuple[Declared | None, Declared | None]:
    """The ``display`` and ``visibility`` a declaration block (a ``style`` attribute or a rule's
    body) gives, each None when it sets none (or only values a browser would reject)."""
    found: list[Declared | None] = [None, None]
    lowered = css.lower()
    if "display" not in lowered and "visibility" not in lowered:
        return None, None
    for name, raw in _DECLARATION.findall(lowered):
        value = raw.strip()
        important = _IMPORTANT.search(value) is not None
        if important:
            value = value[: value.rindex("!")].strip()
        if not _KEYWORD.fullmatch(value):
            continue  # invalid: the declaration is dropped, an earlier one stays
        index = 0 if name == "display" else 1
        if index == 1:
            if value not in _VISIBILITY and value not in ("inherit", "unset"):
                continue
            value = _VISIBILITY.get(value, "inherit")
        before = found[index]
        if before is None or important or not before[1]:
            found[index] = (value, important, order)
    return found[0], found[1]


def _class_rules(root: Element) -> dict[str, tuple[Declared | None, Declared | None]]:
    """Class name -> the ``display`` and ``visibility`` the page's class rules give it (the later
    rule wins, ``!important`` over the rest)."""
    rules: dict[str, tuple[Declared | None, Declared | None]] = {}
    budget = _MAX_SHEET_CHARS
    order = 0
    for style in root.iter("style"):
        media = (style.get("media") or "").lower()
        if media.strip() and "screen" not in media and "all" not in media:
            continue  # a print stylesheet hides nothing on screen
        text = "".join(style.itertext())[:budget]
        budget -= len(text)
        for selectors, body in _top_rules(_uncommented(text).lower()):
            order += 1
            display, visibility = declarations(body, order)
            if display is None and visibility is None:
                continue
            for selector in selectors.split(","):
                name = selector.strip()[1:]
                before = rules.get(name, (None, None))
                rules[name] = (_cascade(before[0], display), _cascade(before[1], visibility))
            if len(rules) >= _MAX_RULES:
                return rules
        if budget <= 0:
            break
    return rules


def _top_rules(css: str) -> list[tuple[str, str]]:
    """The ``(selector, body)`` of each class rule at the top level of a style sheet; the rules
    inside an at-rule block (``@media print { ... }``) are left out."""
    rules: list[tuple[str, str]] = []
    depth = 0
    start = opened = 0
    nested = False
    for brace in _BRACE.finditer(css):
        at = brace.start()
        if css[at] == "{":
            if depth == 0:
                opened, nested = at, False
            nested = nested or depth > 0
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                selector = css[start:opened].rsplit(";", 1)[-1].strip()  # after an @import ...;
                if not nested and _CLASS_SELECTOR.fullmatch(selector):
                    rules.append((selector, css[opened + 1 : at]))
                start = at + 1
        else:
            start = at + 1  # a stray closing brace
    return rules


def _uncommented(css: str) -> str:
    """CSS with its comments and HTML comment markers taken out (a linear scan)."""
    parts: list[str] = []
    at = 0
    while True:
        start = css.find("/*", at)
        if start < 0:
            parts.append(css[at:])
            break
        parts.append(css[at:start])
        end = css.find("*/", start + 2)
        if end < 0:
            break
        at = end + 2
    return "".join(parts).replace("<!--", " ").replace("-->", " ")


def _cascade(first: Declared | None, second: Declared | None) -> Declared | None:
    """Which of two declarations of one property wins: ``!important`` first, then the later."""
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second, key=lambda d: (d[1], d[2]))


_STYLE_TEXTS = etree.XPath("//@style", smart_strings=False)
_STYLES = etree.XPath("//@style")
_HIDDEN = etree.XPath("//@hidden")


@attrs.define
class Visibility:
    """The hiding rules of one page, and the hidden elements met that held text."""

    rules: dict[str, tuple[Declared | None, Declared | None]] = attrs.field(factory=dict)
    marked: set[Element] = attrs.field(factory=set)
    """The elements that may hide (a ``hidden`` attribute, a ``style`` naming ``display`` or
    ``visibility``, a class with a rule): every other element shows as its parent does. The set
    keeps lxml's proxies alive, so identity holds."""
    muted: set[Element] = attrs.field(factory=set)
    """Table cells and captions whose own text is hidden (``visibility``), found by the reader."""
    hidden: list[tuple[Element, int]] = attrs.field(factory=list)
    """Each hidden element with text met (where hiding starts), with the line reached before it."""
    scan: int = _MAX_SCAN
    """Elements left to look at to tell whether a hidden one holds text (see :meth:`holds_text`)."""

    @classmethod
    def of(cls, root: Element) -> Visibility:
        rules = _class_rules(root)
        # libxml2 finds the attributes in one pass; an element without them is never looked at
        marked = {value.getparent() for value in _HIDDEN(root)}
        styles = "\n".join(_STYLE_TEXTS(root)).lower()
        if "display" in styles or "visibility" in styles:  # then find whose (most pages: none)
            for style in _STYLES(root):
                lowered = style.lower()
                if "display" in lowered or "visibility" in lowered:
                    marked.add(style.getparent())
        if rules:
            marked.update(
                node
                for node in root.iter()
                if isinstance(node.tag, str)
                and not rules.keys().isdisjoint((node.get("class") or "").lower().split())
            )
        return cls(rules, marked)

    def check(self, node: Element, shown: bool, tag: str | None, cursor: int) -> bool | None:
        """:meth:`state`, noting ``node`` when it hides text that was shown."""
        if node not in self.marked:
            return shown
        inner = self.state(node, shown, tag)
        if shown and not inner and self.holds_text(node):
            self.hidden.append((node, cursor))
        return inner

    def holds_text(self, node: Element) -> bool:
        """Whether an element has visible characters inside (not counting scripts and styles).
        The elements looked at are counted against :attr:`scan`: past it, every hidden element is
        taken to hold text, so nested hidden elements cannot make the page quadratic."""
        for sub in node.iter():
            self.scan -= 1
            if self.scan < 0 or (sub is not node and VISIBLE.search(sub.tail or "")):
                return True
            if sub.tag not in _SCRIPTS and isinstance(sub.text, str) and VISIBLE.search(sub.text):
                return True
        return False

    def state(self, node: Element, shown: bool, tag: str | None) -> bool | None:
        """Whether the text of ``node`` is shown, given whether its parent's is; None when the
        element is removed (``display: none``, ``hidden``, a collapsed row)."""
        style = node.get("style")
        hidden = node.get("hidden") is not None
        display, visibility = declarations(style) if style is not None else (None, None)
        names = node.get("class") if self.rules else None
        if names:
            ruled: tuple[Declared | None, Declared | None] = (None, None)
            for name in names.lower().split():
                rule = self.rules.get(name)
                if rule is not None:
                    ruled = (_cascade(ruled[0], rule[0]), _cascade(ruled[1], rule[1]))
            display, visibility = _over(display, ruled[0]), _over(visibility, ruled[1])
        if display is not None:
            if display[0] == "none":
                return None
        elif hidden:
            return None
        if visibility is None or visibility[0] == "inherit":
            return shown
        if visibility[0] == "collapse" and tag in _ROW_GROUPS:
            return None
        return visibility[0] == "visible"


def clean(text: str) -> str:
    """Whitespace runs (NBSP, U+3000, newlines included) -> one space, stripped; zero-width removed."""
    return " ".join(text.translate(INVISIBLE).split())


def first_visible_line(text: str, cursor: int) -> int | None:
    """The line of the first visible character of ``text`` starting on line ``cursor``, or None."""
    found = VISIBLE.search(text)
    return None if found is None else cursor + text.count("\n", 0, found.start())


def _over(inline: Declared | None, rule: Declared | None) -> Declared | None:
    """The inline declaration, unless a rule's ``!important`` one overrides it."""
    if inline is None or (rule is not None and rule[1] and not inline[1]):
        return rule
    return inline
