"""Bounds shared by the text parsers (LUT files, OCIO configs, XML): numbers, nesting, expansion.

Python's ``int()`` refuses decimal strings longer than 4,300 digits with a
bare `ValueError` (``sys.int_info.str_digits_check_threshold``, CPython
3.11+), and recursive structures can nest or alias without bound; the
parsers check these limits first and raise their own `vfx_rs.errors`
exception naming the file and line.
"""

from __future__ import annotations

import re

__all__ = ["MAX_ALIAS_NODES", "MAX_INT_DIGITS", "MAX_NESTING", "quote", "whole_number"]

MAX_INT_DIGITS = 18
"""Most digits a whole number in a text file may have (fits an int64)."""

MAX_NESTING = 64
"""Deepest nesting of YAML collections or XML elements accepted (OCIO configs and CLF files use under 10)."""

MAX_ALIAS_NODES = 1_000_000
"""Most YAML nodes a document may expand to once its aliases are followed ("billion laughs" guard)."""

_WHOLE = re.compile(rf"[+-]?[0-9]{{1,{MAX_INT_DIGITS}}}")


def whole_number(text: str) -> int | None:
    """The integer `text` spells in ASCII decimal (optional sign, at most `MAX_INT_DIGITS` digits), else None.

    Examples
    --------
    >>> whole_number("17"), whole_number("-3"), whole_number("1.5"), whole_number("9" * 5000)
    (17, -3, None, None)
    """
    return int(text) if _WHOLE.fullmatch(text) else None


def quote(text: str, limit: int = 60) -> str:
    """`text` quoted for an error message, cut to `limit` characters with an ellipsis.

    Examples
    --------
    >>> quote("abc"), quote("x" * 100, 5)
    ("'abc'", "'xxxxx...'")
    """
    return repr(text) if len(text) <= limit else repr(text[:limit] + "...")
