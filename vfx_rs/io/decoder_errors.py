"""Codec library exceptions as words a user understands.

Decoders fail on damaged files in two ways: with a message about the file
("not a JPEG file", "Unable to query scanline information"), which is worth
showing, or with a Python error from inside their own parsing (TypeError,
IndexError, struct.error, a UnicodeDecodeError of a header string), whose
text ("'<' not supported between instances of 'NoneType' and 'int'") says
nothing about the file. `decoder_reason` keeps the first and replaces the
second.
"""

from __future__ import annotations

import struct

__all__ = ["decoder_reason"]

_INTERNAL = (
    TypeError,
    IndexError,
    KeyError,
    AttributeError,
    struct.error,
    UnicodeError,
    OverflowError,
    ZeroDivisionError,
    AssertionError,
    RecursionError,
    NotImplementedError,
)

_INTERNAL_VALUE_ERRORS = ("invalid literal for", "could not convert", "cannot reshape", "setting an array element")
"""Starts of `ValueError` messages Python and NumPy raise inside a decoder's own parsing."""


def decoder_reason(exc: BaseException) -> str:
    """Why a decoder refused a file: its own message, or a plain phrase for an error inside its parsing.

    Examples
    --------
    >>> decoder_reason(ValueError("not a JPEG file"))
    'not a JPEG file'
    >>> decoder_reason(TypeError("'<' not supported between instances of 'NoneType' and 'int'"))
    'a header field, length or offset is invalid (the decoder failed with TypeError)'
    """
    internal = isinstance(exc, ValueError) and str(exc).startswith(_INTERNAL_VALUE_ERRORS)
    if isinstance(exc, _INTERNAL) or internal:
        return f"a header field, length or offset is invalid (the decoder failed with {type(exc).__name__})"
    return str(exc).strip() or type(exc).__name__
