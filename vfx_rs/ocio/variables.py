"""The vfx-rs-py ``ocio.Context``: named string variables resolved in ``$NAME`` and ``${NAME}`` references.

Values set on the context come first, then (unless made with `without_env`)
the process environment; a reference to an unknown name is left as written,
and `unresolved_vars` lists such names, as the original's context does. (The
config processors' own context, with the search path, is `vfx_rs.ocio.context.Context`.)
"""

from __future__ import annotations

import os
import re

__all__ = ["Context"]

_VAR = re.compile(r"\$\{([^}]*)\}|\$([A-Za-z0-9_]+)")


class Context:
    """String variables for paths such as ``/shows/$SEQ/shots/$SHOT/grade.csp``.

    Examples
    --------
    >>> ctx = Context.without_env()
    >>> ctx.set("SHOT", "sh010")
    >>> ctx.resolve("/shots/$SHOT/${LUT}.cube"), ctx.unresolved_vars("/shots/$SHOT/${LUT}.cube")
    ('/shots/sh010/${LUT}.cube', ['LUT'])
    """

    def __init__(self, use_env: bool = True) -> None:
        self._vars: dict[str, str] = {}
        self._use_env = use_env

    @staticmethod
    def without_env() -> Context:
        """A context that does not fall back on the process environment."""
        return Context(use_env=False)

    def set(self, name: str, value: str) -> None:
        """Set variable `name`."""
        self._vars[str(name)] = str(value)

    def get(self, name: str) -> str | None:
        """The value of `name`: set here, else from the environment (if used), else None."""
        if name in self._vars:
            return self._vars[name]
        return os.environ.get(name) if self._use_env else None

    def contains(self, name: str) -> bool:
        """True if `name` has a value."""
        return self.get(name) is not None

    def resolve(self, input: str) -> str:
        """`input` with every known variable replaced; unknown ones stay as written."""

        def repl(m: re.Match[str]) -> str:
            value = self.get(m.group(1) if m.group(1) is not None else m.group(2))
            return m.group(0) if value is None else value

        return _VAR.sub(repl, str(input))

    def unresolved_vars(self, input: str) -> list[str]:
        """Names referenced in `input` that have no value."""
        names = [m.group(1) if m.group(1) is not None else m.group(2) for m in _VAR.finditer(str(input))]
        return [n for n in names if self.get(n) is None]

    def has_unresolved(self, input: str) -> bool:
        """True if `input` references a name without a value."""
        return bool(self.unresolved_vars(input))

    def vars(self) -> dict[str, str]:
        """The variables set on this context (not the environment)."""
        return dict(self._vars)

    def variables(self) -> dict[str, str]:
        """Every value this context gives: the environment (if used) under the variables set here."""
        return {**(os.environ if self._use_env else {}), **self._vars}

    def clear(self) -> None:
        """Forget the variables set on this context."""
        self._vars.clear()

    def __len__(self) -> int:
        return len(self._vars)

    def is_empty(self) -> bool:
        """True if no variable was set on this context."""
        return not self._vars

    def __repr__(self) -> str:
        return f"Context({len(self)} vars)"
