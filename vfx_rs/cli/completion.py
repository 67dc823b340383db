"""Tab completion for bash and zsh: ``vfx completion bash|zsh`` prints the shell script.

The script asks ``vfx __complete INDEX WORD...`` for candidates, so completion always follows the
installed parser: subcommands, each subcommand's options and choices, and for ``--from``/``--to``/
``--input``, ``--display``, ``--view`` and ``--look(s)`` the names in the config the command line
names (``--config``/``--builtin``, else `vfx_rs.view.startup_config`: $OCIO or OCIO's default). Anything else completes as a
file name.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

__all__ = ["FILES", "add_parser", "candidates", "script"]

FILES = "__files__"
"""The answer that tells the shell script to complete file names."""

_SPACE_OPTIONS = ("--from", "--to", "--input", "--src", "--dst")

_BASH = r"""# bash completion for vfx: source <(vfx completion bash), or save to
# ~/.local/share/bash-completion/completions/vfx
_vfx() {
  local line cur="${COMP_WORDS[COMP_CWORD]}"
  COMPREPLY=()
  local out
  out=$(vfx __complete "$COMP_CWORD" "${COMP_WORDS[@]}" 2>/dev/null) || return 0
  if [ "$out" = "__files__" ]; then
    compopt -o filenames 2>/dev/null
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
    return 0
  fi
  while IFS= read -r line; do
    [ -n "$line" ] && COMPREPLY+=("$(printf '%q' "$line")")
  done <<< "$out"
}
complete -F _vfx vfx
"""

_ZSH = r"""#compdef vfx
# zsh completion for vfx: source <(vfx completion zsh), or save as _vfx in a folder of $fpath
_vfx() {
  local -a found
  found=("${(@f)$(vfx __complete $((CURRENT - 1)) "${words[@]}" 2>/dev/null)}")
  if [[ "${found[1]}" == "__files__" ]]; then
    _files
  else
    compadd -- "${found[@]}"
  fi
}
compdef _vfx vfx
"""


def script(shell: str) -> str:
    """The completion script for `shell` ("bash" or "zsh")."""
    return {"bash": _BASH, "zsh": _ZSH}[shell]


def add_parser(sub: Any) -> None:
    """Register ``vfx completion``."""
    p = sub.add_parser(
        "completion",
        help="print a bash or zsh completion script",
        description="Print the tab-completion script for your shell.",
        epilog="examples:\n  source <(vfx completion bash)     # in ~/.bashrc\n"
        "  source <(vfx completion zsh)      # in ~/.zshrc",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")
    p.set_defaults(run=lambda args: print(script(args.shell), end="") or 0)


def _option_value(words: Sequence[str], option: str) -> str | None:
    for i, word in enumerate(words[:-1]):
        if word == option:
            return words[i + 1]
        if word.startswith(option + "="):
            return word.split("=", 1)[1]
    return None


def _config_names(words: Sequence[str], option: str) -> list[str]:
    """Names for `option` from the config the command line names."""
    from vfx_rs.view import load_config, startup_config

    builtin = _option_value(words, "--builtin")
    if builtin and not builtin.startswith("ocio://"):
        builtin = "ocio://" + builtin
    cfg = load_config(_option_value(words, "--config") or builtin or startup_config())
    if option in _SPACE_OPTIONS:
        return list(cfg.colorspace_names()) + list(cfg.role_names())
    if option == "--display":
        return list(cfg.displays())
    if option == "--view":
        display = _option_value(words, "--display")
        return list(cfg.views(display)) if display else sorted({v for d in cfg.displays() for v in cfg.views(d)})
    return list(cfg.look_names())


def candidates(parser: argparse.ArgumentParser, words: Sequence[str], index: int) -> list[str]:
    """Completions for ``words[index]`` (``words[0]`` is ``vfx``), or ``[FILES]`` for a file name."""
    words = list(words) + [""] * (index + 1 - len(words))
    current = words[index].lstrip("'\"")
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if index <= 1:
        names = [n for n in commands.choices if not n.startswith("_")]
        return [n for n in names if n.startswith(current)]
    command = commands.choices.get(words[1])
    if command is None:
        return []
    options = {s: a for a in command._actions for s in a.option_strings}
    previous = options.get(words[index - 1])
    if previous is not None and previous.nargs != 0:
        flag = words[index - 1]
        if previous.choices is not None:
            found = [str(c) for c in previous.choices]
        elif flag in (*_SPACE_OPTIONS, "--display", "--view", "--looks", "--look"):
            found = _config_names(words[:index], flag)
        else:
            return [FILES]
        return [n for n in found if n.startswith(current)]
    if current.startswith("-"):
        return sorted(s for s in options if s.startswith(current))
    return [FILES]
