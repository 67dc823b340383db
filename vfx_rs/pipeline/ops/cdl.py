"""The ASC CDL as one op: slope, offset, power per channel, then saturation.

ASC CDL v1.2 (American Society of Cinematographers, "ASC Color Decision List
(ASC CDL) Transfer Functions and Interchange Syntax", v1.2, sections 3.2-3.3)::

    out = (in * slope + offset) ** power
    luma = 0.2126 R + 0.7152 G + 0.0722 B      (Rec. 709 weights)
    out = luma + saturation * (out - luma)

The four styles are those of OpenColorIO's CDLTransform / CDLOpData
(``CDL_V1_2_FWD``, ``CDL_V1_2_REV``, ``CDL_NO_CLAMP_FWD``,
``CDL_NO_CLAMP_REV``; also the CLF ``ASC_CDL`` styles ``Fwd``, ``Rev``,
``FwdNoClamp``, ``RevNoClamp``, S-2014-006 v3 section 3.6.10), with the
clamping and NaN behaviour of OCIO's CPU renderer (CDLOpCPU.cpp):

- ``v1.2_fwd``: slope and offset, clamp to [0, 1], power, saturation,
  clamp to [0, 1].
- ``v1.2_rev``: clamp, saturation ``1/sat``, clamp, power ``1/power``,
  minus offset, times ``1/slope``, clamp.
- ``noclamp_fwd`` / ``noclamp_rev``: the same steps without the clamps;
  the power leaves negative values unchanged.

Clamps send NaN to 0, and so does the no-clamp power (OCIO sets NaN to 0
there to match its SSE path) unless all powers are 1 (OCIO's optimizer then
renders the CDL as matrices, which keep NaN). The reverse styles use OCIO's reciprocal
``1 / max(v, 0.01)`` for slope, power and saturation, so a zero slope or
saturation (valid in OCIO) reverses as 100.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops.range import RangeOp

__all__ = ["CDL_LUMA", "CDL_STYLES", "CdlOp", "CdlStyle", "cdl_parameters"]

CdlStyle = Literal["v1.2_fwd", "v1.2_rev", "noclamp_fwd", "noclamp_rev"]

CDL_STYLES: tuple[CdlStyle, ...] = ("v1.2_fwd", "v1.2_rev", "noclamp_fwd", "noclamp_rev")
"""The CDL styles, named after OCIO's CDLOpData styles (CDL_V1_2_FWD, ...)."""

CDL_LUMA = (0.2126, 0.7152, 0.0722)
"""Rec. 709 luma weights of the CDL saturation (ASC CDL v1.2, section 3.3; ITU-R BT.709-6 item 3.2)."""

_RECIPROCAL_FLOOR = 0.01
"""OCIO's reverse CDL uses ``1 / max(v, 0.01)`` (CDLOpCPU.cpp, ``RcpMinValue``)."""


def _reciprocal(value: float) -> float:
    return 1.0 / max(value, _RECIPROCAL_FLOOR)


def _triple(value: object, name: str) -> tuple[float, float, float]:
    try:
        arr = np.asarray(value, dtype=np.float64)
        arr = np.broadcast_to(arr, (3,)) if arr.ndim == 0 else arr
    except (TypeError, ValueError) as exc:
        raise ArgumentError(f"CDL {name} must be one number or three, got {value!r}") from exc
    if arr.shape != (3,) or not np.all(np.isfinite(arr)):
        raise ArgumentError(f"CDL {name} must be one finite number or three, got {value!r}")
    return (float(arr[0]), float(arr[1]), float(arr[2]))


Triple = tuple[float, float, float]


def cdl_parameters(
    slope: object, offset: object, power: object, saturation: object
) -> tuple[Triple, Triple, Triple, float]:
    """Checked CDL values: three slopes >= 0, three offsets, three powers > 0, a saturation >= 0 (ASC CDL v1.2).

    Raises `vfx_rs.errors.ArgumentError` naming the bad value.
    """
    s, o, p = _triple(slope, "slope"), _triple(offset, "offset"), _triple(power, "power")
    try:
        sat = float(saturation)  # type: ignore[arg-type]
    except (TypeError, ValueError) as exc:
        raise ArgumentError(f"CDL saturation must be a number, got {saturation!r}") from exc
    if min(s) < 0.0:
        raise ArgumentError(f"CDL slope must be >= 0, got {s}")
    if min(p) <= 0.0:
        raise ArgumentError(f"CDL power must be > 0, got {p}")
    if not np.isfinite(sat) or sat < 0.0:
        raise ArgumentError(f"CDL saturation must be finite and >= 0, got {saturation!r}")
    return s, o, p, sat


def _clamp_unit(p: np.ndarray) -> None:
    """Clamp to [0, 1] in place, NaN to 0 (OCIO's CDL clamp)."""
    np.fmax(p, p.dtype.type(0.0), out=p)
    np.fmin(p, p.dtype.type(1.0), out=p)


@dataclass(frozen=True, kw_only=True, eq=False)
class CdlOp(Op):
    """ASC CDL v1.2 slope, offset, power and saturation in one of OCIO's styles.

    Attributes
    ----------
    slope
        Three slopes, each >= 0 (a scalar is broadcast).
    offset
        Three offsets.
    power
        Three powers, each > 0.
    saturation
        Saturation, >= 0.
    style
        ``"v1.2_fwd"``, ``"v1.2_rev"`` (clamp to [0, 1]), ``"noclamp_fwd"``
        or ``"noclamp_rev"``. The parameters are always the forward ones;
        a reverse style undoes them.
    """

    kind = "cdl"
    slope: tuple[float, float, float] = (1.0, 1.0, 1.0)
    offset: tuple[float, float, float] = (0.0, 0.0, 0.0)
    power: tuple[float, float, float] = (1.0, 1.0, 1.0)
    saturation: float = 1.0
    style: CdlStyle = "v1.2_fwd"

    def __post_init__(self) -> None:
        slope, offset, power, saturation = cdl_parameters(self.slope, self.offset, self.power, self.saturation)
        if self.style not in CDL_STYLES:
            raise ArgumentError(f"CDL style must be one of {', '.join(CDL_STYLES)}, got {self.style!r}")
        object.__setattr__(self, "slope", slope)
        object.__setattr__(self, "offset", offset)
        object.__setattr__(self, "power", power)
        object.__setattr__(self, "saturation", saturation)

    @property
    def clamps(self) -> bool:
        """True for the ASC v1.2 styles, which clamp to [0, 1]."""
        return self.style.startswith("v1.2")

    @property
    def forward(self) -> bool:
        """True for the forward styles."""
        return self.style.endswith("_fwd")

    def render_params(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
        """Slope, offset, power and saturation as the kernel uses them.

        Forward styles use the parameters; reverse styles the reciprocal
        slope, power and saturation and the negated offset (OCIO
        RenderParams::update).
        """
        if self.forward:
            return np.array(self.slope), np.array(self.offset), np.array(self.power), self.saturation
        return (
            np.array([_reciprocal(v) for v in self.slope]),
            -np.array(self.offset),
            np.array([_reciprocal(v) for v in self.power]),
            _reciprocal(self.saturation),
        )

    def apply_planar(self, p: np.ndarray) -> None:
        with np.errstate(invalid="ignore", over="ignore"):  # inf - inf is NaN, as in OCIO; no warning per tile
            self._apply(p)

    def _apply(self, p: np.ndarray) -> None:
        slope, offset, power, sat = self.render_params()
        t = p.dtype
        column = {k: v.astype(t).reshape(3, 1) for k, v in (("slope", slope), ("offset", offset), ("power", power))}
        # A no-clamp CDL of power 1 and saturation 1 is a scale and offset (OCIO's optimizer makes it a
        # matrix): the saturation step is skipped so Inf stays Inf instead of luma + (Inf - luma) = NaN.
        scale_only = not self.clamps and self.power == (1.0, 1.0, 1.0) and self.saturation == 1.0
        if self.forward:
            p *= column["slope"]
            p += column["offset"]
            self._power(p, column["power"])
            if not scale_only:
                self._saturation(p, sat)
        else:
            if self.clamps:
                _clamp_unit(p)
            if not scale_only:
                self._saturation(p, sat)
            self._power(p, column["power"])
            p += column["offset"]
            p *= column["slope"]
        if self.clamps:
            _clamp_unit(p)

    def _power(self, p: np.ndarray, power: np.ndarray) -> None:
        """The power step: clamped styles clamp first; no-clamp ones keep negatives, NaN to 0."""
        if self.clamps:
            _clamp_unit(p)
            np.power(p, power, out=p)
        elif self.power != (1.0, 1.0, 1.0):  # OCIO turns a power-1 CDL into matrices: NaN stays NaN
            p[np.isnan(p)] = 0.0
            np.power(p, power, out=p, where=p >= 0.0)

    @staticmethod
    def _saturation(p: np.ndarray, sat: float) -> None:
        w = np.asarray(CDL_LUMA, dtype=p.dtype)
        luma = w[0] * p[0] + w[1] * p[1] + w[2] * p[2]
        p -= luma
        p *= p.dtype.type(sat)
        p += luma

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.style)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        slope, offset, power, sat = self.render_params()
        ns, no, np_, nsat = names("slope"), names("offset"), names("power"), names("sat")
        uniforms = {
            ns: Uniform("vec3", slope),
            no: Uniform("vec3", offset),
            np_: Uniform("vec3", power),
            nsat: Uniform("float", sat),
        }
        luma = "vec3({}, {}, {})".format(*CDL_LUMA)
        clamp = "c = clamp(c, 0.0, 1.0);" if self.clamps else ""
        if self.clamps:
            power_line = f"c = pow(clamp(c, 0.0, 1.0), {np_});"
            sat_line = f"{{ float luma = dot(c, {luma}); c = vec3(luma) + {nsat} * (c - vec3(luma)); }}"
        else:  # power 1 leaves NaN; power 1 and saturation 1 is a scale and offset (Inf stays), as in NumPy
            power_line = (
                f"if ({np_} != vec3(1.0)) {{ c = mix(pow(max(c, vec3(0.0)), {np_}), c, lessThan(c, vec3(0.0))); }}"
            )
            sat_line = (
                f"if ({nsat} != 1.0 || {np_} != vec3(1.0)) "
                f"{{ float luma = dot(c, {luma}); c = vec3(luma) + {nsat} * (c - vec3(luma)); }}"
            )
        if self.forward:
            lines = [f"c = c * {ns} + {no};", power_line, sat_line, clamp]
        else:
            lines = [clamp, sat_line, power_line, f"c = (c + {no}) * {ns};", clamp]
        return GlslSnippet(body="\n".join(line for line in lines if line), uniforms=uniforms)

    def inverse(self) -> CdlOp:
        base = "v1.2" if self.clamps else "noclamp"
        style: CdlStyle = f"{base}_{'rev' if self.forward else 'fwd'}"  # type: ignore[assignment]
        return CdlOp(
            slope=self.slope,
            offset=self.offset,
            power=self.power,
            saturation=self.saturation,
            style=style,
            dynamic=self.dynamic,
        )

    def is_identity(self) -> bool:
        return (
            not self.clamps
            and self.slope == (1.0, 1.0, 1.0)
            and self.offset == (0.0, 0.0, 0.0)
            and self.power == (1.0, 1.0, 1.0)
            and self.saturation == 1.0
        )

    def is_inverse_of(self, other: Op) -> bool:
        # Reciprocals below OCIO's floor are not exact in the no-clamp styles; a clamping
        # pair cancels to a [0, 1] clamp (`pair_replacement`), as OCIO's lossless optimizer does.
        exact = min(*self.slope, *self.power, self.saturation) >= _RECIPROCAL_FLOOR
        return (self.clamps or exact) and super().is_inverse_of(other)

    def pair_replacement(self) -> list[Op]:
        """A clamping CDL and its inverse leave a [0, 1] clamp (OCIO CDLOpData::getIdentityReplacement)."""
        if not self.clamps:
            return []
        return [RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0)]
