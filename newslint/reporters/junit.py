"""`--output-format junit`: JUnit XML for CI test reports.

A `<testsuite>` per file with problems and a `<testcase>` per diagnostic (a `<failure>`; an
`<error>` for an internal error). A clean run is one suite with one passing test case, so CI shows
that the check ran. A diagnostic in no file (a cross-file rule's crash) is in a suite named
`newslint`, its test case without `file` or `line`. Characters XML 1.0 cannot hold (control characters in a message) are written
as `\\uXXXX`.
"""

from __future__ import annotations

import re
from itertools import groupby
from typing import Any, TextIO
from xml.etree import ElementTree as ET

from newslint.diagnostics import Diagnostic

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def junit_tree(diagnostics: list[Diagnostic]) -> ET.Element:
    failures = sum(1 for d in diagnostics if d.rule != "internal-error")
    errors = len(diagnostics) - failures
    root = ET.Element(
        "testsuites",
        name="newslint",
        tests=str(max(len(diagnostics), 1)),
        failures=str(failures),
        errors=str(errors),
    )
    if not diagnostics:
        suite = ET.SubElement(
            root, "testsuite", name="newslint", tests="1", failures="0", errors="0", skipped="0"
        )
        ET.SubElement(suite, "testcase", name="all checks passed", classname="newslint")
        return root
    ordered = sorted(diagnostics, key=Diagnostic.sort_key)
    for path, group in groupby(ordered, key=lambda d: d.path):
        items = list(group)
        suite_errors = sum(1 for d in items if d.rule == "internal-error")
        suite = ET.SubElement(
            root,
            "testsuite",
            name=_clean(path or "newslint"),  # no path: the run's own problems (a crash)
            tests=str(len(items)),
            failures=str(len(items) - suite_errors),
            errors=str(suite_errors),
            skipped="0",
        )
        for d in items:
            if path:
                case = ET.SubElement(
                    suite,
                    "testcase",
                    name=_clean(f"{d.code} {d.rule} at {d.line}:{d.column}"),
                    classname=_clean(path),
                    file=_clean(path),
                    line=str(d.line),
                )
                where = f"{d.path}:{d.line}:{d.column}: "
            else:  # in no file (`newslint.diagnostics.NO_FILE`): no file or line to name
                case = ET.SubElement(
                    suite, "testcase", name=_clean(f"{d.code} {d.rule}"), classname="newslint"
                )
                where = ""
            kind = "error" if d.rule == "internal-error" else "failure"
            outcome = ET.SubElement(case, kind, message=_clean(d.message), type=d.severity.label)
            outcome.text = _clean(f"{where}{d.code} [{d.rule}] {d.severity.label}: {d.message}")
    return root


def write(diagnostics: list[Diagnostic], files: int, out: TextIO, **_: Any) -> None:
    tree = junit_tree(diagnostics)
    ET.indent(tree)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(tree, encoding="unicode"))
    out.write("\n")
