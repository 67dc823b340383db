"""Each OCIO transform type as pipeline ops.

The parameters and their defaults follow the OpenColorIO v2 transform
classes and their YAML keys (OpenColorIO documentation, "Transforms" and
"Config syntax"): a MatrixTransform's ``matrix`` is 16 values of a row-major
4x4 matrix and ``offset`` 4 values (only the RGB part acts; alpha is left
untouched); Exponent and ExponentWithLinear take 4 values (RGBA) or one;
Log/LogAffine/LogCamera take one value or three per parameter; Range bounds
are ``min_in_value``, ``max_in_value``, ``min_out_value``, ``max_out_value``
with ``style: noClamp`` to skip the clamp.

`compile_transform` builds the forward ops and, for ``direction: inverse``,
inverts them in reverse order. Transforms that refer to the config
(ColorSpace, Look, DisplayView) call back into the processor builder.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, Protocol

import numpy as np

from vfx_rs._text import whole_number
from vfx_rs.errors import ArgumentError, FormatError, OcioError, VfxError
from vfx_rs.ocio.model import Transform
from vfx_rs.ocio.transforms_fixed import fixed_function_ops
from vfx_rs.ocio.transforms_grading import cdl_ops, cdl_v1_ops, exposure_contrast_ops, number_param
from vfx_rs.ocio.transforms_grading_v2 import (
    grading_hue_curve_ops,
    grading_primary_ops,
    grading_rgb_curve_ops,
    grading_tone_ops,
)
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import ExponentLinearOp, ExponentOp, LogOp, MatrixOp, RangeOp

__all__ = ["Resolver", "compile_transform", "invert_ops"]


class Resolver(Protocol):
    """What a transform needs from the processor builder."""

    path: str | None
    memo: dict[int, tuple[Op, Op]]
    v1: bool

    def colorspace_ops(
        self, src: str, dst: str, data_bypass: bool, line: int | None, *, inverse: bool = False
    ) -> list[Op]:
        """Ops converting color space `src` to `dst` (or back, if `inverse`)."""

    def look_ops(self, src: str, dst: str, looks: str, line: int | None, *, inverse: bool = False) -> list[Op]:
        """Ops from `src` through `looks` to `dst` (or back)."""

    def display_view_ops(
        self, src: str, display: str, view: str, looks_bypass: bool, line: int | None, *, inverse: bool = False
    ) -> list[Op]:
        """Ops from `src` to `display` through `view` (or back)."""

    def resolve_file(self, filename: str, line: int | None) -> str:
        """The existing file a FileTransform names."""

    def expand(self, text: str, line: int | None) -> str:
        """`text` with its context variables replaced (OCIO's ``Context::resolveStringVar``)."""


def _values(t: Transform, key: str, count: int, default: float | None, path: str | None) -> tuple[float, ...]:
    """`count` floats from a scalar or a list (extra RGBA values dropped)."""
    raw = t.params.get(key, default)
    if raw is None:
        raise OcioError(f"{t.kind}Transform needs '{key}'", path=path, line=t.line)
    items = raw if isinstance(raw, list) else [raw] * count
    try:
        vals = tuple(float(v) for v in items)
    except (TypeError, ValueError):
        raise OcioError(f"{t.kind}Transform '{key}' must be numbers, got {raw!r}", path=path, line=t.line) from None
    if len(vals) != count and not (count == 3 and len(vals) == 4):
        raise OcioError(f"{t.kind}Transform '{key}' needs {count} values, got {len(vals)}", path=path, line=t.line)
    return vals[:count]


def _matrix(t: Transform, path: str | None) -> list[Op]:
    m = np.array(_values(t, "matrix", 16, None, path) if "matrix" in t.params else np.eye(4).ravel()).reshape(4, 4)
    offset = _values(t, "offset", 4, 0.0, path)
    return [MatrixOp(matrix=m[:3, :3], offset=np.array(offset[:3]))]


_EXPONENT_STYLES = {"clamp": "clamp", "mirror": "mirror", "pass_thru": "pass", "passthru": "pass"}
"""OCIO NegativeStyle names (YAML ``style``) to `ExponentOp` styles."""


def _exponent(t: Transform, path: str | None) -> list[Op]:
    style = str(t.params.get("style", "clamp")).lower()
    if style not in _EXPONENT_STYLES:
        raise OcioError(f"ExponentTransform style {style!r} is not clamp, mirror or pass_thru", path=path, line=t.line)
    return [ExponentOp(exponent=_values(t, "value", 3, 1.0, path), style=_EXPONENT_STYLES[style])]  # type: ignore[arg-type]


def _exponent_linear(t: Transform, path: str | None) -> list[Op]:
    style = str(t.params.get("style", "linear")).lower()
    if style not in ("linear", "mirror"):
        raise OcioError(f"ExponentWithLinearTransform style {style!r} is not linear or mirror", path=path, line=t.line)
    gamma = _values(t, "gamma", 3, None, path)
    offset = _values(t, "offset", 3, None, path)
    return [ExponentLinearOp(gamma=gamma, offset=offset, decode=True, style=style)]  # type: ignore[arg-type]


def _log(t: Transform, path: str | None) -> list[Op]:
    base = number_param(t, "base", 2.0, path)
    kw: dict[str, Any] = {"base": base, "to_log": True}
    if t.kind in ("LogAffine", "LogCamera"):
        for key, default in (
            ("log_side_slope", 1.0),
            ("log_side_offset", 0.0),
            ("lin_side_slope", 1.0),
            ("lin_side_offset", 0.0),
        ):
            kw[key] = _values(t, key, 3, default, path)
    if t.kind == "LogCamera":
        kw["lin_side_break"] = _values(t, "lin_side_break", 3, None, path)
        if "linear_slope" in t.params:
            kw["linear_slope"] = _values(t, "linear_slope", 3, None, path)
    return [LogOp(**kw)]


def _allocation(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    """An AllocationTransform as OCIO builds it (AllocationOp.cpp, CreateAllocationOps).

    ``uniform`` fits ``[vars[0], vars[1]]`` (default [0, 1]) onto [0, 1];
    ``lg2`` takes ``log2(x + vars[2])`` (offset default 0), then fits
    ``[vars[0], vars[1]]`` (default [-10, 6]) onto [0, 1]. OCIO reads the vars
    as float32 (OCIOYaml.cpp) and wants 0 or 2 of them (uniform), or 0, 2 or
    3 (lg2).
    """
    kind = str(t.params.get("allocation", "uniform")).strip().lower()
    raw = t.params.get("vars") or []
    try:
        values = [float(np.float32(v)) for v in (raw if isinstance(raw, list) else [raw])]
    except (TypeError, ValueError):
        raise OcioError(f"AllocationTransform vars must be numbers, got {raw!r}", path=path, line=t.line) from None
    counts = {"uniform": (0, 2), "lg2": (0, 2, 3)}
    if kind not in counts:
        raise OcioError(f"AllocationTransform allocation {kind!r} is not uniform or lg2", path=path, line=t.line)
    if len(values) not in counts[kind]:
        raise OcioError(
            f"AllocationTransform: wrong number of vars for the {kind} allocation ({len(values)})",
            path=path,
            line=t.line,
        )
    lo, hi = values[:2] if values else ((0.0, 1.0) if kind == "uniform" else (-10.0, 6.0))
    fit = MatrixOp(matrix=np.eye(3) / (hi - lo), offset=np.full(3, -lo / (hi - lo)))
    ops: list[Op] = [fit]
    if kind == "lg2":
        ops.insert(0, LogOp(base=2.0, to_log=True, lin_side_offset=(values[2] if len(values) > 2 else 0.0,) * 3))
    return [op.inverse() for op in reversed(ops)] if inverse else ops


def _builtin(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    from vfx_rs.ocio.builtin_transforms import builtin_ops

    style = t.params.get("style")
    if not style:
        raise OcioError("BuiltinTransform needs 'style'", path=path, line=t.line)
    try:
        return builtin_ops(str(style), inverse)
    except OcioError as exc:
        raise OcioError(exc.message, path=path, line=t.line) from None


def _range(t: Transform, path: str | None, inverse: bool) -> list[Op]:
    def bound(key: str) -> float | None:
        return None if t.params.get(key) is None else number_param(t, key, 0.0, path)

    style = str(t.params.get("style", "clamp")).lower()
    if style not in ("clamp", "noclamp"):
        raise OcioError(f"RangeTransform style {style!r} is not clamp or noClamp", path=path, line=t.line)
    lo_in, hi_in, lo_out, hi_out = (
        bound(k) for k in ("min_in_value", "max_in_value", "min_out_value", "max_out_value")
    )
    for a, b, side in ((lo_in, lo_out, "minimum"), (hi_in, hi_out, "maximum")):
        other = (hi_in, hi_out) if side == "minimum" else (lo_in, lo_out)
        if a is not None and b is not None and other == (None, None) and a != b:
            # OCIO RangeOpData::validate: a one-sided range may only clamp.
            raise OcioError(
                f"RangeTransform in and out {side} must be equal when the other bounds are missing",
                path=path,
                line=t.line,
            )
    if inverse:
        lo_in, hi_in, lo_out, hi_out = lo_out, hi_out, lo_in, hi_in
    return [RangeOp.from_bounds(lo_in, hi_in, lo_out, hi_out, clamp=style == "clamp")]


def _file(t: Transform, r: Resolver) -> list[Op]:
    src = t.params.get("src")
    if not src:
        raise OcioError("FileTransform needs 'src'", path=r.path, line=t.line)
    filename = r.resolve_file(str(src), t.line)
    ext = os.path.splitext(filename)[1].lower()
    if ext in (".cc", ".ccc", ".cdl"):
        return _cdl_file(t, filename, r.path, r.v1, r.expand(str(t.params.get("cccid", "") or ""), t.line))
    from vfx_rs.lut import Lut3D, read_clf, read_lut

    interpolation = str(t.params.get("interpolation", "default")).lower()
    try:
        if ext in (".clf", ".ctf"):  # a ProcessList, read as a Pipeline; interpolation for its LUT3D nodes
            return list(read_clf(filename, interpolation).ops)
        lut = read_lut(filename)
        if isinstance(lut, Lut3D) and interpolation == "default":
            interpolation = "linear"  # OCIO's default for 3D LUT files is trilinear
        return list(lut.to_ops(interpolation))
    except FormatError as exc:
        raise OcioError(f"FileTransform {filename!r}: {exc}", path=r.path, line=t.line) from None


def _cdl_file(t: Transform, filename: str, path: str | None, v1: bool, cccid: str) -> list[Op]:
    """A CDL file's correction, picked as OCIO does: `cccid` (context variables resolved) as an id, else as an
    index (empty: the first)."""
    from vfx_rs.color.cdl_files import read_cdl_collection

    try:
        cdls = read_cdl_collection(filename)
    except (FormatError, OSError) as exc:
        raise OcioError(f"FileTransform {filename!r}: {exc}", path=path, line=t.line) from None
    chosen = next((c for c in cdls if cccid and c.id == cccid), None)  # OCIO maps only non-empty ids
    index = whole_number(cccid or "0")
    if chosen is None and index is not None:
        if not 0 <= index < len(cdls):
            raise OcioError(
                f"cccid index {index} is outside [0, {len(cdls) - 1}] for {filename!r}", path=path, line=t.line
            )
        chosen = cdls[index]
    if chosen is None:
        ids = ", ".join(repr(c.id) for c in cdls)
        raise OcioError(f"cccid {cccid!r} is not in {filename!r} (ids: {ids})", path=path, line=t.line)
    style = str(t.params.get("cdl_style", "noclamp")).lower()
    if style not in ("asc", "noclamp"):
        raise OcioError(f"FileTransform cdl_style {style!r} is not asc or noclamp", path=path, line=t.line)
    return cdl_v1_ops(chosen) if v1 else list(chosen.ops(style))


_NEEDS_CONFIG: dict[str, Callable[[Transform, Resolver], list[Op]]] = {"File": _file}
"""Transforms whose ops depend on the config's files; inverted op by op."""

_CONFIG_DIRECTED: dict[str, Callable[[Transform, Resolver, bool], list[Op]]] = {
    "ColorSpace": lambda t, r, inv: r.colorspace_ops(  # names may hold context variables (ColorSpaceTransform.cpp)
        r.expand(str(t.params.get("src", "")), t.line),
        r.expand(str(t.params.get("dst", "")), t.line),
        bool(t.params.get("data_bypass", True)),
        t.line,
        inverse=inv,
    ),
    "Look": lambda t, r, inv: r.look_ops(
        str(t.params.get("src", "")), str(t.params.get("dst", "")), str(t.params.get("looks", "")), t.line, inverse=inv
    ),
    "DisplayView": lambda t, r, inv: r.display_view_ops(
        str(t.params.get("src", "")),
        str(t.params.get("display", "")),
        str(t.params.get("view", "")),
        bool(t.params.get("looks_bypass", False)),
        t.line,
        inverse=inv,
    ),
}
"""Transforms between config elements: inverted, each element takes the transform written for that direction
(as OCIO builds an inverse ColorSpaceTransform from dst to src), not the inverse of the forward ops."""

_SIMPLE: dict[str, Callable[[Transform, str | None], list[Op]]] = {
    "Matrix": _matrix,
    "Exponent": _exponent,
    "ExponentWithLinear": _exponent_linear,
    "Log": _log,
    "LogAffine": _log,
    "LogCamera": _log,
    "ExposureContrast": exposure_contrast_ops,
    "FixedFunction": fixed_function_ops,
}
"""Transforms that are ops of their parameters alone."""


def invert_ops(
    ops: list[Op], what: str, path: str | None, line: int | None, memo: dict[int, tuple[Op, Op]] | None = None
) -> list[Op]:
    """The ops undoing `ops`; a non-invertible op raises `OcioError`.

    `memo` remembers which op each inverse came from, so inverting twice
    gives back the original op exactly (a matrix inverted twice in float64
    would leave ~1e-20 where the original has exact zeros).
    """
    out = []
    try:
        for op in reversed(ops):
            if memo is not None and id(op) in memo:
                out.append(memo[id(op)][1])
                continue
            inv = op.inverse()
            if memo is not None:
                memo[id(inv)] = (inv, op)
            out.append(inv)
    except ArgumentError as exc:
        raise OcioError(f"{what} has no inverse: {exc}", path=path, line=line) from None
    return out


_DIRECTED: dict[str, Callable[[Transform, str | None, bool], list[Op]]] = {
    "Range": _range,
    "Builtin": _builtin,
    "GradingPrimary": grading_primary_ops,
    "GradingTone": grading_tone_ops,
    "GradingRGBCurve": grading_rgb_curve_ops,
    "GradingHueCurve": grading_hue_curve_ops,
    "Allocation": _allocation,
}
"""Transforms whose inverse is not the plain inverse of their forward ops (OCIO renders them differently);
CDL is one too, and also depends on the config's version."""


def compile_transform(t: Transform, r: Resolver, invert: bool = False) -> list[Op]:
    """The ops of transform `t` in its direction, or the other one if `invert`; unsupported kinds raise `OcioError`.

    A group inverted runs its children backwards, each inverted (as OCIO's
    GroupTransform); other transforms build their forward ops and invert them.
    """
    inverse = t.inverse != invert
    try:
        if t.kind == "Group":
            children = reversed(t.children) if inverse else t.children
            return [op for child in children for op in compile_transform(child, r, inverse)]
        if t.kind == "CDL":
            return cdl_ops(t, r.path, inverse, r.v1)
        if t.kind in _DIRECTED:
            return _DIRECTED[t.kind](t, r.path, inverse)
        if t.kind in _SIMPLE:
            ops = _SIMPLE[t.kind](t, r.path)
        elif t.kind in _NEEDS_CONFIG:
            ops = _NEEDS_CONFIG[t.kind](t, r)
        elif t.kind in _CONFIG_DIRECTED:
            return _CONFIG_DIRECTED[t.kind](t, r, inverse)
        else:
            raise OcioError(f"{t.kind}Transform not supported yet", path=r.path, line=t.line)
    except ArgumentError as exc:
        raise OcioError(f"{t.kind}Transform: {exc.message}", path=r.path, line=t.line) from None
    except (TypeError, ValueError, AttributeError) as exc:
        if isinstance(exc, VfxError):
            raise
        # A YAML value of the wrong kind (a list where a number belongs) that no check above named.
        raise OcioError(
            f"{t.kind}Transform has a parameter of the wrong kind ({exc})", path=r.path, line=t.line
        ) from None
    return invert_ops(ops, f"{t.kind}Transform", r.path, t.line, r.memo) if inverse else ops
