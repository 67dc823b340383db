"""`Trace`: one pixel's value after every op of a pipeline, with each op's name and parameters.

`vfx_rs.view.ViewSettings.trace` builds it; the values are computed as the
NumPy executor computes them (float32, planar, op by op), so the last step
equals what `ViewSettings.apply` writes for that pixel.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from vfx_rs.pipeline.op import Op

__all__ = ["MAX_PARAM_VALUES", "Trace", "TraceStep", "op_params", "trace_pixel"]

MAX_PARAM_VALUES = 16
"""Array parameters with more values (LUT tables) are summarised by their shape."""


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        if value.size > MAX_PARAM_VALUES:
            return f"<{value.dtype} array {'x'.join(map(str, value.shape))}>"
        return value.tolist()
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, (np.floating, np.integer)):
        return value.item()
    return value


def op_params(op: Op) -> dict[str, Any]:
    """An op's parameters as plain data (large tables as their shape), without the ``dynamic`` flag."""
    return {f.name: _plain(getattr(op, f.name)) for f in dataclasses.fields(op) if f.compare and f.name != "dynamic"}


@dataclass(frozen=True)
class TraceStep:
    """One op: its position, kind, parameters and the RGB value after it."""

    index: int
    name: str
    params: dict[str, Any]
    value: tuple[float, float, float]


@dataclass(frozen=True)
class Trace:
    """A pixel's path through a pipeline: the RGB value it enters with, and every step."""

    x: int
    y: int
    input: tuple[float, float, float]
    steps: tuple[TraceStep, ...]

    @property
    def output(self) -> tuple[float, float, float]:
        """The value after the last op (the input when the pipeline is empty)."""
        return self.steps[-1].value if self.steps else self.input

    def table(self) -> str:
        """A text table: one line per op with its value and parameters."""

        def rgb(v: tuple[float, float, float]) -> str:
            return " ".join(f"{c:12.6g}" for c in v)

        lines = [f"pixel ({self.x}, {self.y})", f"{'':>3} {'input':<16} {rgb(self.input)}"]
        for step in self.steps:
            params = ", ".join(f"{k}={v}" for k, v in step.params.items())
            lines.append(f"{step.index:>3} {step.name:<16} {rgb(step.value)}  {params}")
        return "\n".join(lines)


def trace_pixel(ops: Sequence[Op], rgba: np.ndarray, x: int, y: int) -> Trace:
    """Run `ops` over one pixel's RGB (float32, as the executor's tiles) and record the value after each."""
    planar = np.ascontiguousarray(np.asarray(rgba, np.float32)[:3].reshape(3, 1))
    start = tuple(float(v) for v in planar[:, 0])
    steps = []
    for index, op in enumerate(ops):
        op.apply_planar(planar)
        value = (float(planar[0, 0]), float(planar[1, 0]), float(planar[2, 0]))
        steps.append(TraceStep(index, op.kind, op_params(op), value))
    return Trace(x, y, (start[0], start[1], start[2]), tuple(steps))
