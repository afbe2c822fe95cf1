"""``python -m govinfo_report``: the command line of :mod:`govinfo_report.cli`.

Without a command (``python -m govinfo_report FILE...``) it parses the files as ``govinfo-report
parse --format json`` does (one JSON document for one file, an array for several), unless
``--format`` or ``--out`` names another format.
"""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main(prog="python -m govinfo_report"))
