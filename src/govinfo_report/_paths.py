"""File names as text that can be written anywhere.

A name read from the file system is ``str`` with its undecodable bytes kept as lone surrogates
(``os.fsdecode``: a GBK name unpacked on a UTF-8 system). Such a string cannot be written as
UTF-8, so every name the library writes (``Source.name``, ``path`` in JSON, ``source`` in rows,
messages) is :func:`shown`: each undecodable byte as ``\\xNN``, the rest as it is.
"""

from __future__ import annotations


def shown(name: str) -> str:
    """``name`` with its undecodable bytes as ``\\xNN`` escapes; a clean name unchanged."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


__all__ = ["shown"]
