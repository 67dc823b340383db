"""The CTF nodes `vfx_rs.lut.clf_write` writes for op kinds CLF has no node for (``.ctf`` files).

As OpenColorIO's CTF writer (CTFTransform.cpp) names them, at 32f in and out:

- `HueAdjustOp` around a `Lut1DOp` -> ``LUT1D`` with ``hueAdjust="dw3"``;
- `AlphaMatrixOp` -> ``Matrix`` with ``dim="4 5"`` (RGBA matrix and offsets);
- `Lut1DInverseOp`, `Lut3DInverseOp` -> ``InverseLUT1D``, ``InverseLUT3D``;
- `HsvOp` -> ``FixedFunction`` ``RGB_TO_HSV``/``HSV_TO_RGB``; `HsyOp` ->
  ``RGB_TO_HSY_LIN``/``HSY_LIN_TO_RGB`` (and ``LOG``, ``VID``); `CieCoordsOp` ->
  ``XYZ_TO_xyY``/``xyY_TO_XYZ`` (and ``uvY``, ``LUV``); `GammaLogOp`,
  `DoubleLogOp` -> ``Lin_TO_GammaLog``/``GammaLog_TO_Lin``,
  ``Lin_TO_DoubleLog``/``DoubleLog_TO_Lin`` with their params;
- `LuminancePowerOp` with BT.2100 weights, gain 1 and OCIO's luminance floor ->
  ``FixedFunction`` ``Rec2100SurroundFwd``/``Rev`` with the gamma as ``params``;
- `AcesRedModOp`, `AcesGlowOp` (ACES 0.3 and 1.0 values), `AcesDarkToDimOp`
  (gamma 0.9811 or its inverse), `AcesGamutCompressOp` -> ``FixedFunction``
  ``RedMod10``/``Glow03``/``Glow10``/``DarkToDim10``/``GamutComp13`` styles.

`ctf_node` returns None for any other op (the caller raises).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from vfx_rs.pipeline.fixed_functions import REC2100_SURROUND_FLOOR
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops.aces import AcesDarkToDimOp, AcesGamutCompressOp, AcesGlowOp, AcesRedModOp
from vfx_rs.pipeline.ops.cie_coords import CieCoordsOp
from vfx_rs.pipeline.ops.double_log import DoubleLogOp
from vfx_rs.pipeline.ops.gamma_log import GammaLogOp
from vfx_rs.pipeline.ops.hsv import HsvOp
from vfx_rs.pipeline.ops.hsy import HsyOp
from vfx_rs.pipeline.ops.hue_adjust import HueAdjustOp
from vfx_rs.pipeline.ops.luminance_power import BT2100_LUMA, LuminancePowerOp
from vfx_rs.pipeline.ops.lut1d import Lut1DOp
from vfx_rs.pipeline.ops.lut1d_inverse import Lut1DInverseOp
from vfx_rs.pipeline.ops.lut3d import Lut3DOp
from vfx_rs.pipeline.ops.lut3d_inverse import Lut3DInverseOp
from vfx_rs.pipeline.ops.matrix_alpha import AlphaMatrixOp

__all__ = ["ctf_node"]

_DEPTHS = 'inBitDepth="32f" outBitDepth="32f"'
_DIM_GAMMA = 0.9811
"""ACES dark-to-dim gamma (``ACESlib.ODT_Common.ctl`` DIM_SURROUND_GAMMA)."""


def _fixed(style: str, params: tuple[float, ...] = ()) -> str:
    values = f' params="{" ".join(repr(float(v)) for v in params)}"' if params else ""
    return f'    <FixedFunction {_DEPTHS} style="{style}"{values} />\n'


def _surround(op: LuminancePowerOp) -> str | None:
    if op.gain != 1.0 or op.weights != BT2100_LUMA:
        return None
    if math.isclose(op.floor, REC2100_SURROUND_FLOOR, rel_tol=1e-12):
        return _fixed("Rec2100SurroundFwd", (op.exponent,))
    gamma = 1.0 / op.exponent
    if math.isclose(op.floor, REC2100_SURROUND_FLOOR**gamma, rel_tol=1e-9):
        return _fixed("Rec2100SurroundRev", (gamma,))
    return None


def _glow(op: AcesGlowOp) -> str | None:
    version = {(0.075, 0.1): "03", (0.05, 0.08): "10"}.get((op.gain, op.mid))
    return None if version is None else _fixed(f"Glow{version}{'Fwd' if op.forward else 'Rev'}")


def _dark_to_dim(op: AcesDarkToDimOp) -> str | None:
    if math.isclose(op.gamma, _DIM_GAMMA, rel_tol=1e-12):
        return _fixed("DarkToDim10")
    return _fixed("DimToDark10") if math.isclose(op.gamma, 1.0 / _DIM_GAMMA, rel_tol=1e-12) else None


def _gamut(op: AcesGamutCompressOp) -> str:
    return _fixed(f"GamutComp13{'Fwd' if op.forward else 'Rev'}", (*op.limits, *op.thresholds, op.power))


def _cie(op: CieCoordsOp) -> str:
    name = {"xyy": "xyY", "uvy": "uvY", "luv": "LUV"}[op.style]
    return _fixed(f"XYZ_TO_{name}" if op.forward else f"{name}_TO_XYZ")


def _hsy(op: HsyOp) -> str:
    name = f"HSY_{op.style.upper()}"
    return _fixed(f"RGB_TO_{name}" if op.to_hsy else f"{name}_TO_RGB")


def _gamma_log(op: GammaLogOp) -> str:
    params = (op.mirror, op.break_, op.power, op.slope, op.offset, op.base, op.log_slope, op.log_offset)
    return _fixed("Lin_TO_GammaLog" if op.forward else "GammaLog_TO_Lin", (*params, op.lin_slope, op.lin_offset))


def _double_log(op: DoubleLogOp) -> str:
    params = (op.base, op.break1, op.break2, *op.seg1, *op.seg2, *op.line)
    return _fixed("Lin_TO_DoubleLog" if op.forward else "DoubleLog_TO_Lin", params)


def _rows(values: np.ndarray) -> str:
    return "".join("            " + " ".join(repr(float(v)) for v in row) + "\n" for row in values)


def _lut1d(tag: str, table: np.ndarray, extra: str = "") -> str:
    n = table.shape[0]
    return f'    <{tag} {_DEPTHS}{extra}>\n        <Array dim="{n} 3">\n{_rows(table)}        </Array>\n    </{tag}>\n'


def _unit_domain(op: Lut1DOp | Lut1DInverseOp | Lut3DOp | Lut3DInverseOp) -> bool:
    return bool(np.all(op.domain_min == 0.0) and np.all(op.domain_max == 1.0))


def _hue_adjust(op: HueAdjustOp) -> str | None:
    inner = op.inner
    if isinstance(inner, Lut1DOp) and _unit_domain(inner):
        return _lut1d("LUT1D", inner.table, ' hueAdjust="dw3"')
    if isinstance(inner, Lut1DInverseOp) and _unit_domain(inner):
        return _lut1d("InverseLUT1D", inner.table, ' hueAdjust="dw3"')
    return None


def _inverse_lut1d(op: Lut1DInverseOp) -> str | None:
    return _lut1d("InverseLUT1D", op.table) if _unit_domain(op) else None


def _inverse_lut3d(op: Lut3DInverseOp) -> str | None:
    if not _unit_domain(op):
        return None
    n = op.table.shape[0]
    body = _rows(np.asarray(op.table).transpose(2, 1, 0, 3).reshape(-1, 3))  # [b, g, r] -> blue fastest
    return (
        f'    <InverseLUT3D {_DEPTHS} interpolation="{op.interpolation}">\n'
        f'        <Array dim="{n} {n} {n} 3">\n{body}        </Array>\n    </InverseLUT3D>\n'
    )


def _alpha_matrix(op: AlphaMatrixOp) -> str:
    body = _rows(np.column_stack([op.matrix, op.offset]))
    return f'    <Matrix {_DEPTHS}>\n        <Array dim="4 5">\n{body}        </Array>\n    </Matrix>\n'


_WRITERS: dict[type[Op], Callable[[Op], str | None]] = {
    AlphaMatrixOp: _alpha_matrix,  # type: ignore[dict-item]
    HueAdjustOp: _hue_adjust,  # type: ignore[dict-item]
    Lut1DInverseOp: _inverse_lut1d,  # type: ignore[dict-item]
    Lut3DInverseOp: _inverse_lut3d,  # type: ignore[dict-item]
    HsvOp: lambda op: _fixed("RGB_TO_HSV" if op.to_hsv else "HSV_TO_RGB"),  # type: ignore[attr-defined]
    HsyOp: _hsy,  # type: ignore[dict-item]
    CieCoordsOp: _cie,  # type: ignore[dict-item]
    GammaLogOp: _gamma_log,  # type: ignore[dict-item]
    DoubleLogOp: _double_log,  # type: ignore[dict-item]
    LuminancePowerOp: _surround,  # type: ignore[dict-item]
    AcesRedModOp: lambda op: _fixed(f"RedMod10{'Fwd' if op.forward else 'Rev'}"),  # type: ignore[attr-defined]
    AcesGlowOp: _glow,  # type: ignore[dict-item]
    AcesDarkToDimOp: _dark_to_dim,  # type: ignore[dict-item]
    AcesGamutCompressOp: _gamut,  # type: ignore[dict-item]
}
"""CTF node writers by op type."""


def ctf_node(op: Op) -> str | None:
    """The CTF node text of `op`, or None when CTF has no node for it (or for these parameters)."""
    writer = _WRITERS.get(type(op))
    return None if writer is None else writer(op)
