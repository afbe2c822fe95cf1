"""The JSON Schema of :meth:`Report.to_dict`, made from the vocabulary the parser uses.

The package ships it as ``report.schema.json`` (:func:`govinfo_report.json_schema` loads it);
``python -m govinfo_report._json_schema > src/govinfo_report/report.schema.json`` remakes it, and
a test keeps the two equal. One schema covers both forms of the output (values as numbers, or
with ``cells=True`` as cell objects, one form per document), both templates, the records of
``parse``'s JSON (a report with the ``path`` it was read from, or a file that gave no report),
and those of ``check``'s (a check with its ``path``).
"""

from __future__ import annotations

import json
from typing import Any

from ._vocab import (
    AD_COLUMNS,
    AD_ROWS,
    APP_COLUMNS_WITH_SUBTOTAL,
    APP_ROWS,
    RL_COLUMNS,
    RL_GROUPS,
)
from .model import SCHEMA_VERSION, CellState, Severity

_NULLABLE_STRING = {"type": ["string", "null"]}
_NULLABLE_INT = {"type": ["integer", "null"]}
_SPAN = {
    "description": "First and last source line, 1-based and inclusive.",
    "anyOf": [
        {"type": "array", "items": {"type": "integer", "minimum": 1}, "minItems": 2, "maxItems": 2},
        {"type": "null"},
    ],
}


def _object(properties: dict[str, Any], description: str, optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {
        "type": "object",
        "description": description,
        "properties": properties,
        "required": [key for key in properties if key not in optional],
        "additionalProperties": False,
    }


def _keyed(keys: list[str], value: dict[str, Any], description: str) -> dict[str, Any]:
    """An object whose keys are some of ``keys`` (a report prints only the rows it has)."""
    return {
        "type": "object",
        "description": description,
        "propertyNames": {"enum": sorted(keys)},
        "additionalProperties": value,
    }


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _tables(value: dict[str, Any]) -> dict[str, Any]:
    # the groups whose subtotal a report may print (``withheld`` …), as CanonicalTable.get knows them
    app_rows = _unique([spec.key for spec in APP_ROWS] + [spec.group for spec in APP_ROWS if spec.group])
    app_row = _keyed(list(APP_COLUMNS_WITH_SUBTOTAL), value, "A row's cells by column key.")
    blocks: dict[str, Any] = {}
    for block in _unique([spec.block for spec in AD_ROWS]):
        columns = _unique([c for template in AD_COLUMNS.values() for c in template.get(block, ())])
        rows = [spec.key for spec in AD_ROWS if spec.block == block]
        blocks[block] = _keyed(
            rows, _keyed(columns, value, "A row's cells by column key."), "A block's rows."
        )
    return {
        "applications": {
            "anyOf": [
                {"type": "null"},
                _keyed(app_rows, app_row, "Table 3 (收到和处理政府信息公开申请情况)."),
            ]
        },
        "review_litigation": {
            "anyOf": [
                {"type": "null"},
                _keyed(
                    list(RL_GROUPS),
                    _keyed(list(RL_COLUMNS), value, "A group's cells by column key."),
                    "Table 4 (行政复议、行政诉讼).",
                ),
            ]
        },
        "active_disclosure": {
            "anyOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "description": "Table 2 (主动公开), by block, then row.",
                    "properties": blocks,
                    "additionalProperties": False,
                },
            ]
        },
    }


_CHECK = {
    "rule": {"type": "string", "pattern": "^R[0-9]+$"},
    "table": {"type": "string"},
    "cells": {"type": "array", "items": {"type": "string"}},
    "target": {"type": "string"},
    "expected": _NULLABLE_INT,
    "actual": _NULLABLE_INT,
    "passed": {"type": "boolean"},
    "culprit": _NULLABLE_STRING,
    "message": {"type": "string"},
    "line": _NULLABLE_INT,
}


def _defs() -> dict[str, Any]:
    cell = _object(
        {
            "value": {"type": ["number", "null"]},
            "raw": {"type": "string"},
            "state": {"enum": [state.value for state in CellState]},
            "unit": _NULLABLE_STRING,
            "line": _NULLABLE_INT,
            "note": _NULLABLE_STRING,
            "disputed": {"type": "array", "items": {"type": "string"}},
        },
        "A cell with its evidence (to_dict(cells=True)).",
    )
    return {
        "number": {
            "description": "A value: a number, or null where the report gives none (never 0 for it).",
            "type": ["number", "null"],
        },
        "cell": cell,
        "section": _object(
            {
                "number": {"type": "integer"},
                "heading": {"type": "string"},
                "text": {"type": "string"},
                "span": _SPAN,
            },
            "A numbered section.",
        ),
        "statement": _object(
            {
                "phrase": {"type": "string"},
                "topic": {"type": "string"},
                "value": {"type": "number"},
                "unit": {"type": "string"},
                "line": {"type": "integer"},
                "table": _NULLABLE_STRING,
                "scopes": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
                "unlinked": _NULLABLE_STRING,
                "area": _NULLABLE_STRING,
            },
            "A number the prose states.",
        ),
        "check": _object(_CHECK, "One consistency rule on one set of cells."),
        "diagnostic": _object(
            {
                "code": {"type": "string"},
                "severity": {"enum": [severity.value for severity in Severity]},
                "message": {"type": "string"},
                "span": _SPAN,
            },
            "A problem found or a repair made.",
        ),
        "source": _object(
            {"format": {"type": "string"}, "encoding": _NULLABLE_STRING, "name": _NULLABLE_STRING},
            "Where the report was read from.",
        ),
        "attachment": _object(
            {"url": {"type": "string"}, "text": {"type": "string"}, "line": {"type": "integer"}},
            "A link on the page to a file that may hold the report.",
        ),
    }


def _array(name: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}


def _report(value: str, description: str) -> dict[str, Any]:
    """A report whose values are all ``value`` (``number`` or ``cell``)."""
    values = {"$ref": f"#/$defs/{value}"}
    extra_row = _object(
        {
            "table": {"type": "string"},
            "label": {"type": "string"},
            "values": {"type": "array", "items": values},
            "span": _SPAN,
        },
        "A row outside the template, under its own label.",
    )
    return _object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "path": {"type": "string", "description": "parse's JSON lines and arrays: the file read."},
            "title": _NULLABLE_STRING,
            "organ": _NULLABLE_STRING,
            "year": _NULLABLE_INT,
            "template": {"enum": ["2019", "2021", "pre2019", None]},
            "sections": _array("section"),
            **_tables(values),
            "extra_rows": {"type": "array", "items": extra_row},
            "statements": _array("statement"),
            "checks": _array("check"),
            "diagnostics": _array("diagnostic"),
            "source": {"$ref": "#/$defs/source"},
            "attachments": _array("attachment"),
        },
        description,
        optional=("path",),
    )


def build() -> dict[str, Any]:
    """The schema, as data."""
    compact = _report("number", "One report: Report.to_dict(), every value a number or null.")
    cells = _report("cell", "One report: Report.to_dict(cells=True), every value a cell.")
    failure = _object(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "path": {"type": "string"},
            "error": {"type": "string"},
            "code": {"type": "string"},
        },
        "parse's JSON lines and arrays: a file that gave no report, and why.",
    )
    check_record = _object(
        {"schema_version": {"const": SCHEMA_VERSION}, "path": _NULLABLE_STRING, **_CHECK},
        "check's JSON (lines): one check with the path of its report (null across years).",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:govinfo-report:report:{SCHEMA_VERSION}",
        "title": "govinfo_report output",
        "description": f"Schema version {SCHEMA_VERSION} of govinfo_report's JSON: a report, a file "
        "that gave none, or a check of govinfo-report check's JSON.",
        "anyOf": [
            {"$ref": "#/$defs/report"},
            {"$ref": "#/$defs/report_cells"},
            {"$ref": "#/$defs/failure"},
            {"$ref": "#/$defs/check_record"},
        ],
        "$defs": {
            "report": compact,
            "report_cells": cells,
            "failure": failure,
            "check_record": check_record,
            **_defs(),
        },
    }


def text() -> str:
    """The schema as the shipped file holds it."""
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    print(text(), end="")
