"""Context variables, the search path, and file rules.

OpenColorIO expands ``$NAME`` and ``${NAME}`` in the search path and in
FileTransform paths from the config's ``environment`` section, where the
process environment overrides the declared defaults (OCIO documentation,
"Config syntax: environment"). Relative search-path entries are relative to
the config's working directory; a file is looked up in each entry in order.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Mapping

from vfx_rs.errors import OcioError
from vfx_rs.ocio.model import FileRule

__all__ = ["Context", "expand_vars", "match_file_rule", "search_colorspace_in_path"]

_VAR = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)")


def expand_vars(text: str, variables: Mapping[str, str], *, path: str | None = None, line: int | None = None) -> str:
    """Replace ``$NAME`` and ``${NAME}`` by their values; an unknown name raises `OcioError`."""

    def repl(m: re.Match[str]) -> str:
        name = m.group(1) or m.group(2)
        if name not in variables:
            raise OcioError(f"context variable ${name} in {text!r} is not set", path=path, line=line)
        return variables[name]

    return _VAR.sub(repl, text)


class Context:
    """The values a processor depends on beyond the config: variables and the search path.

    Parameters
    ----------
    working_dir
        Directory that relative search-path entries start from.
    search_path
        Entries as written in the config (may hold variables).
    environment
        The config's declared variables and their defaults.
    overrides
        Values that replace the defaults (the process environment by default).
    """

    def __init__(
        self,
        working_dir: str,
        search_path: Iterable[str],
        environment: Mapping[str, str],
        overrides: Mapping[str, str] | None = None,
    ) -> None:
        env = os.environ if overrides is None else overrides
        self.working_dir = working_dir
        self.search_path = tuple(search_path)
        self.variables: dict[str, str] = {k: str(env.get(k, v)) for k, v in environment.items()}
        # Variables not declared in the config still come from the process environment.
        for key, value in env.items():
            self.variables.setdefault(key, value)

    def key(self) -> tuple[tuple[str, str], ...]:
        """The variable values, hashable: processors are cached per context."""
        return tuple(sorted(self.variables.items()))

    def resolve_file(self, filename: str, *, path: str | None = None, line: int | None = None) -> str:
        """The existing file a FileTransform names, looked up along the search path.

        Raises `OcioError` naming the file, the config and the directories searched.
        """
        name = expand_vars(filename, self.variables, path=path, line=line)
        if os.path.isabs(name):
            if os.path.isfile(name):
                return name
            raise OcioError(f"LUT file {name!r} does not exist", path=path, line=line)
        searched = []
        for entry in self.search_path or ("",):
            folder = expand_vars(entry, self.variables, path=path, line=line)
            folder = os.path.join(self.working_dir, folder)
            candidate = os.path.normpath(os.path.join(folder, name))
            searched.append(os.path.normpath(folder))
            if os.path.isfile(candidate):
                return candidate
        raise OcioError(f"LUT file {name!r} not found in search path {searched}", path=path, line=line)


def search_colorspace_in_path(filepath: str, names: Iterable[str]) -> str | None:
    """The color space name found rightmost in `filepath` (longest on ties), case-insensitive.

    OCIO's ``ColorSpaceNamePathSearch`` rule (Config::parseColorSpaceFromString).
    """
    lower = filepath.lower()
    best: tuple[int, int, str] | None = None
    for name in names:
        pos = lower.rfind(name.lower())
        if pos < 0:
            continue
        cand = (pos + len(name), len(name), name)
        if best is None or cand[:2] > best[:2]:
            best = cand
    return None if best is None else best[2]


def _glob_regex(pattern: str) -> str:
    return fnmatch.translate(pattern).removeprefix("(?s:").removesuffix(")\\Z")


def match_file_rule(rule: FileRule, filepath: str) -> bool:
    """True if `filepath` matches a pattern/extension or regex file rule.

    OCIO matches the glob ``pattern.extension`` against the whole path, with
    the extension case-insensitive, and a ``regex`` against the whole path too
    (OCIO FileRules.cpp).
    """
    if rule.regex:
        return re.fullmatch(rule.regex, filepath) is not None
    pattern = _glob_regex(rule.pattern or "*")
    ext = _glob_regex(rule.extension or "*")
    return re.fullmatch(f"(?s:{pattern})\\.(?is:{ext})", filepath) is not None
