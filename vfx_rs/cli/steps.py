"""Processing steps: what one subcommand does to an image, as plain picklable data.

A `Step` is the subcommand's name and its options (strings and numbers), so a
batch can send it to another process or a Dask worker. Each step module
(`vfx_rs.cli.color`, `ocio`, `lut`, `grade`, `imageops`) exposes either
``pipeline(options) -> Pipeline`` (a per-pixel step, which can be fused with
its neighbours and baked into a LUT) or ``apply_image(options, image, frame)
-> Image`` (a spatial step: resize, blur, composite).
"""

from __future__ import annotations

import argparse
import importlib
import shlex
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from vfx_rs.errors import ArgumentError

__all__ = [
    "STEP_MODULES",
    "Step",
    "apply_steps",
    "make_step",
    "parse_step",
    "pixel_pipeline",
    "step_module",
    "step_parser",
]

STEP_MODULES = {
    "color": "vfx_rs.cli.color",
    "ocio": "vfx_rs.cli.ocio",
    "lut": "vfx_rs.cli.lut",
    "grade": "vfx_rs.cli.grade",
    "resize": "vfx_rs.cli.imageops",
    "blur": "vfx_rs.cli.imageops",
    "composite": "vfx_rs.cli.imageops",
}
"""Step name -> the module implementing it."""


@dataclass(frozen=True)
class Step:
    """One processing step: a subcommand name and its parsed options."""

    kind: str
    options: dict[str, Any] = field(default_factory=dict, hash=False)

    def key(self) -> str:
        """A stable text key (for caching built pipelines in a worker)."""
        return f"{self.kind}:{sorted(self.options.items())!r}"


def step_module(kind: str) -> ModuleType:
    """The module implementing step `kind`."""
    if kind not in STEP_MODULES:
        raise ArgumentError(f"unknown step {kind!r}; known: {', '.join(STEP_MODULES)}")
    return importlib.import_module(STEP_MODULES[kind])


def step_parser(kind: str) -> argparse.ArgumentParser:
    """A parser for the options of step `kind` alone (used by ``vfx chain -s`` and ``vfx bake -s``)."""
    parser = argparse.ArgumentParser(prog=f"-s '{kind} ...'", add_help=False, exit_on_error=False)
    step_module(kind).add_step_arguments(parser, kind)
    return parser


def parse_step(text: str) -> Step:
    """Parse one step written as on its subcommand, e.g. ``"color --from ACEScg --to sRGB"``."""
    words = shlex.split(text)
    if not words:
        raise ArgumentError("empty step")
    kind, rest = words[0], words[1:]
    parser = step_parser(kind)
    try:
        args, extra = parser.parse_known_args(rest)
    except argparse.ArgumentError as exc:
        raise ArgumentError(f"step {text!r}: {exc}") from exc
    if extra:
        raise ArgumentError(f"step {text!r}: unrecognized arguments {' '.join(extra)}")
    return make_step(kind, args)


def make_step(kind: str, args: argparse.Namespace) -> Step:
    """The `Step` of `kind` from parsed arguments (the module checks and collects its options)."""
    return Step(kind, step_module(kind).step_options(args, kind))


_PIPELINES: dict[str, Any] = {}
"""Built pipelines by step key, per process: a worker builds each OCIO processor or LUT once, not per frame."""


def pixel_pipeline(steps: list[Step] | tuple[Step, ...]) -> Any:
    """One fused `Pipeline` for per-pixel steps; `ArgumentError` names a spatial step."""
    from vfx_rs.pipeline import Pipeline

    parts = []
    for step in steps:
        module = step_module(step.kind)
        if not hasattr(module, "pipeline"):
            raise ArgumentError(f"step {step.kind!r} is not a per-pixel transform (it cannot be baked or fused)")
        if step.key() not in _PIPELINES:
            _PIPELINES[step.key()] = module.pipeline(step.options)
        parts.append(_PIPELINES[step.key()])
    key = "|".join(s.key() for s in steps)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(parts)
    return _PIPELINES[key]


def apply_steps(image: Any, steps: tuple[Step, ...], frame: int | None = None) -> Any:
    """Apply `steps` in order; runs of per-pixel steps go through one fused pipeline."""
    run: list[Step] = []
    for step in (*steps, None):
        if step is not None and hasattr(step_module(step.kind), "pipeline"):
            run.append(step)
            continue
        if run:
            data = image.numpy()
            pixel_pipeline(run).apply(data)
            image = image.with_pixels(data)
            run = []
        if step is not None:
            image = step_module(step.kind).apply_image(step.options, image, frame)
    return image
