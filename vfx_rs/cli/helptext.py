"""One help style for every ``vfx`` subcommand: plain text, defaults shown, examples kept as written."""

from __future__ import annotations

import argparse
import re

__all__ = ["HelpFormatter", "plain"]

_LITERAL = re.compile(r"``([^`]+)``|`([^`]+)`")


def plain(text: str) -> str:
    """Drop reStructuredText markup (````code````, ```name```) from a docstring used as help."""
    return _LITERAL.sub(lambda m: m.group(1) or m.group(2), text)


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Descriptions and epilogs as written (without reST markup); each option's default after its help."""

    def _format_text(self, text: str) -> str:
        return super()._format_text(plain(text))

    def _get_help_string(self, action: argparse.Action) -> str:
        text = plain(action.help or "")
        default = action.default
        shown = default not in (None, False, argparse.SUPPRESS) and not isinstance(default, list)
        if shown and action.option_strings and "default" not in text:
            text += f" (default: {default})"
        return text
