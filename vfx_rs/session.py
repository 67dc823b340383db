"""Sessions as code: a viewer session saved as a short Python script that replays with the same numbers.

The script (`Session.script`) builds a `Session` (image, layer, frame range,
`vfx_rs.view.ViewSettings` written as its own ``repr``, which holds the grade,
compare image and mode) and calls `main`, so it runs three ways:
``python session.py --export out.exr`` (`vfx_rs` alone), ``vfxview --session
session.py`` and ``vfx view --session session.py [--export out.exr]``. Every
export goes through `Session.export` or the viewer's export, both
`ViewSettings.apply` and `export_channels`: the files are identical.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import runpy
import sys
from dataclasses import dataclass, field
from pathlib import Path

from vfx_rs.errors import ArgumentError, FormatError, VfxError
from vfx_rs.image import Image
from vfx_rs.view import ViewSettings

__all__ = ["COMPARE_MODES", "Session", "export_channels", "load_session", "main"]

COMPARE_MODES = ("off", "wipe", "side", "diff")
"""Compare modes of the viewer."""


def export_channels(image: Image, shown: Image, *, grade_only: bool = False) -> Image:
    """`shown` (RGBA from `ViewSettings.apply`) with the channels `image` has: no alpha added to an image
    without one, and one channel for a graded single-channel image."""
    names = image.channel_names
    if "A" in names or image.channels == 2:
        return shown
    if grade_only and image.channels == 1:
        return shown.with_pixels(shown.pixels[..., :1], names)
    return shown.with_pixels(shown.pixels[..., :3], ["R", "G", "B"])


@dataclass(frozen=True)
class Session:
    """What a review session shows.

    Attributes
    ----------
    image
        The shown file (for a sequence or movie: the file of `frame`).
    layer
        Layer of a multi-layer EXR (``""``: the first).
    frames
        In and out frames of the sequence or movie, or None for a single image.
    frame
        The shown frame number (0 for a single image).
    view
        The display chain, grade included.
    compare, compare_layer, compare_mode, wipe
        Image B's file (``""``: none), its layer (``""``: the first), the compare mode (`COMPARE_MODES`)
        and the wipe position.
    """

    image: str
    layer: str = ""
    frames: tuple[int, int] | None = None
    frame: int = 0
    view: ViewSettings = field(default_factory=ViewSettings)
    compare: str = ""
    compare_layer: str = ""
    compare_mode: str = "off"
    wipe: float = 0.5

    def __post_init__(self) -> None:
        if self.compare_mode not in COMPARE_MODES:
            raise ArgumentError(
                f"unknown compare mode {self.compare_mode!r}; expected one of {', '.join(COMPARE_MODES)}"
            )
        if not isinstance(self.view, ViewSettings):
            raise ArgumentError(f"view must be a vfx_rs.view.ViewSettings, got {type(self.view).__name__}")

    def read(self) -> Image:
        """The shown image: `image`, its `layer` if one is named."""
        import vfx_rs

        return vfx_rs.read_layer(self.image, self.layer) if self.layer else vfx_rs.read(self.image)

    def export(self, path: str | os.PathLike[str], **options: object) -> None:
        """Write the image as displayed through the exact NumPy core (what the viewer's export writes)."""
        import vfx_rs

        image = self.read()
        vfx_rs.write(path, export_channels(image, self.view.apply(image)), **options)

    def script(self) -> str:
        """A short Python script that rebuilds this session and replays it (see the module docstring)."""
        fields = "\n".join(
            f"    {f.name}={getattr(self, f.name)!r}," for f in dataclasses.fields(self) if f.name != "view"
        )
        return (
            '"""A vfxview session. Replay it with `python THIS.py --export out.exr` (vfx_rs alone),\n'
            '`vfxview --session THIS.py` or `vfx view --session THIS.py [--export out.exr]`."""\n\n'
            "from vfx_rs.session import Session, main\n"
            "from vfx_rs.view import ViewSettings\n\n"
            f"session = Session(\n{fields}\n    view={self.view!r},\n)\n\n"
            'if __name__ == "__main__":\n'
            "    main(session)\n"
        )

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write `script` (atomically)."""
        from vfx_rs.io.atomic import atomic_output

        with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as handle:
            handle.write(self.script())


def load_session(path: str | os.PathLike[str]) -> Session:
    """Run a session script (without its ``__main__`` part) and return its ``session``; raises `FormatError`."""
    if not Path(path).is_file():
        raise FormatError("no such session script", path=path)
    try:
        namespace = runpy.run_path(os.fspath(path), run_name="vfx_session")
    except VfxError as exc:
        raise FormatError(f"the session script fails: {exc}", path=path) from None
    except Exception as exc:  # a script is user code: any error becomes a clear message
        line = getattr(exc, "lineno", None)
        raise FormatError(f"the session script fails: {type(exc).__name__}: {exc}", path=path, line=line) from None
    session = namespace.get("session")
    if not isinstance(session, Session):
        raise FormatError("the script defines no `session = Session(...)`", path=path)
    return session


def main(session: Session, argv: list[str] | None = None) -> int:
    """The script's command line: ``--export OUT`` writes the session's image as displayed; exits on error."""
    p = argparse.ArgumentParser(description="replay a vfxview session with vfx_rs alone")
    p.add_argument("--export", metavar="OUT", required=True, help="write the image as displayed (NumPy core)")
    args = p.parse_args(argv)
    try:
        session.export(args.export)
    except (VfxError, OSError) as exc:
        print(f"session: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    return 0
