"""Tab completion: the bash script, sourced in a real bash, completes subcommands, options and the
built-in config's display and view names (checked against PyOpenColorIO's copy of that config)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PyOpenColorIO as OCIO
import pytest

from tests.vfx_rs.cli.conftest import ENV

CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"


@pytest.fixture(scope="module")
def bash_complete(tmp_path_factory: pytest.TempPathFactory):
    """Complete a command line in bash with the script `vfx completion bash` prints."""
    if shutil.which("bash") is None:
        pytest.skip("bash is not installed")
    bin_dir = tmp_path_factory.mktemp("bin")
    (bin_dir / "vfx").write_text(f'#!/bin/sh\nexec {sys.executable} -m vfx_rs.cli "$@"\n')
    (bin_dir / "vfx").chmod(0o755)
    env = {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV['PATH']}"}
    script = subprocess.run(["vfx", "completion", "bash"], capture_output=True, text=True, env=env, check=True).stdout

    def complete(*words: str) -> list[str]:
        quoted = " ".join("'" + w.replace("'", "'\\''") + "'" for w in words)
        program = (
            f'{script}\nCOMP_WORDS=({quoted}); COMP_CWORD={len(words) - 1}; _vfx; printf "%s\\n" "${{COMPREPLY[@]}}"'
        )
        out = subprocess.run(["bash", "-c", program], capture_output=True, text=True, env=env, timeout=60, check=True)
        return [line for line in out.stdout.splitlines() if line]

    return complete


def test_subcommands_and_options(bash_complete) -> None:
    assert set(bash_complete("vfx", "comp")) == {"composite", "completion"}
    assert "--alpha" in bash_complete("vfx", "convert", "--al")
    assert bash_complete("vfx", "blur", "--edge", "m") == ["mirror"]


def _unquoted(names: list[str]) -> set[str]:
    """bash completions come back shell-quoted (printf %q): "sRGB\\ -\\ Display"."""
    return {n.replace("\\", "") for n in names}


def test_display_and_view_names_from_the_config(bash_complete) -> None:
    reference = OCIO.Config.CreateFromBuiltinConfig(CONFIG)
    displays = bash_complete("vfx", "ocio", "--builtin", CONFIG, "--display", "")
    assert _unquoted(displays) == set(reference.getDisplays())
    views = bash_complete("vfx", "ocio", "--builtin", CONFIG, "--display", "sRGB - Display", "--view", "")
    assert _unquoted(views) == set(reference.getViews("sRGB - Display"))
    spaces = bash_complete("vfx", "ocio", "--builtin", CONFIG, "--from", "ACES")
    assert _unquoted(spaces) == {n for n in reference.getColorSpaceNames() if n.startswith("ACES")}


def test_file_names_complete_as_files(bash_complete, tmp_path: Path) -> None:
    (tmp_path / "plate.0001.exr").write_bytes(b"")
    assert bash_complete("vfx", "convert", str(tmp_path / "plate")) == [str(tmp_path / "plate.0001.exr")]


def test_zsh_script_passes_the_same_candidates(tmp_path: Path) -> None:
    """zsh's compadd works only inside a completion widget, so it is stubbed to print what it is given."""
    if shutil.which("zsh") is None:
        pytest.skip("zsh is not installed (make test installs it on Debian)")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "vfx").write_text(f'#!/bin/sh\nexec {sys.executable} -m vfx_rs.cli "$@"\n')
    (bin_dir / "vfx").chmod(0o755)
    env = {**ENV, "PATH": f"{bin_dir}{os.pathsep}{ENV['PATH']}"}
    script = subprocess.run(["vfx", "completion", "zsh"], capture_output=True, text=True, env=env, check=True).stdout
    program = (
        'compdef() { :; }; compadd() { shift; print -l -- "$@"; }; _files() { print FILES; }\n'
        f"{script}\nwords=(vfx blur --edge m); CURRENT=4; _vfx\nwords=(vfx convert pl); CURRENT=3; _vfx\n"
    )
    out = subprocess.run(["zsh", "-f", "-c", program], capture_output=True, text=True, env=env, timeout=60, check=True)
    assert out.stdout.split() == ["mirror", "FILES"]
