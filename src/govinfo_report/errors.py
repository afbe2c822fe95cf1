"""The one exception type: :class:`ParseError`, and :class:`InputError` for input that cannot be read."""

from __future__ import annotations

from .diagnostics import diag
from .model import Diagnostic


class ParseError(ValueError):
    """Raised by ``strict=True`` when the report has error diagnostics, and (as
    :class:`InputError`) by ``parse_file``/``parse_bytes`` for input that is not a readable report
    file. ``diagnostics`` holds what went wrong."""

    def __init__(self, diagnostics: tuple[Diagnostic, ...]) -> None:
        self.diagnostics = diagnostics
        first = diagnostics[0] if diagnostics else None
        where = f" (line {first.span.start})" if first is not None and first.span is not None else ""
        summary = f"{first.code}: {first.message}{where}" if first is not None else "no diagnostics"
        more = f" (+{len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(summary + more)


class InputError(ParseError):
    """The bytes are not a report file the library can read: an unsupported format, too large, an
    unsafe archive, a scan without text, or a missing optional dependency.

    ``str(error)`` is one sentence saying what is wrong and what to do; ``code`` is the stable
    diagnostic code (``input.unsupported_format``, ``input.too_large`` ...).
    """

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        self.diagnostics = (diag(code, message),)
        ValueError.__init__(self, message)

    def __str__(self) -> str:
        return self.message


__all__ = ["InputError", "ParseError"]
