"""Grading primary op: OpenColorIO's GradingPrimaryTransform (log, linear and video styles, both directions).

The parameters are OCIO's ``GradingPrimary`` values (OpenColorTransforms.h):
each of brightness, contrast, gamma, offset, exposure, lift and gain is
``(red, green, blue, master)``; saturation, a contrast pivot, black and white
pivots, and black and white clamps. OCIO combines them per style
(GradingPrimaryPreRender::update in GradingPrimary.cpp) into float32 values
and applies, per pixel (GradingPrimaryOpCPU.cpp):

- ``log``: ``x + (master + c) * 6.25 / 1023`` (brightness), then
  ``(x - p) * contrast + p`` with ``p = 0.5 + pivot * 0.5``, then the gamma
  ``1 / (master * c)`` around the black and white pivots, sign kept;
- ``linear``: ``(x + offset) * 2^exposure``, then ``|x / p|^contrast`` times
  ``p`` with the sign of x, ``p = 0.18 * 2^pivot``;
- ``video``: ``x + offset + lift``, then ``(x - black) * slope + black`` with
  ``slope = (white - black) / (white / gain + lift - black)``, then the gamma
  as ``log``;

and in every style the Rec. 709 luma saturation (0.2126, 0.7152, 0.0722) and
the clamp. The inverse undoes the steps in reverse order with the inverted
values (reciprocal contrast, gamma, exposure, slope and saturation). As in
OCIO's SSE path, powers use OCIO's approximation (`_ocio_sse.sse_power`)
and a NaN meets the clamp as the black clamp does.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.op import GlslNames, GlslSnippet, Op, Uniform
from vfx_rs.pipeline.ops._ocio_sse import sse_power

__all__ = ["GRADING_LUMA", "GradingPrimaryOp", "Rgbm"]

Rgbm = tuple[float, float, float, float]
"""OCIO's GradingRGBM: red, green, blue and master."""

GRADING_LUMA = (0.2126, 0.7152, 0.0722)
"""Rec. 709 luma weights of OCIO's grading saturation (GradingPrimaryOpCPU.cpp, LumaWeights)."""

_LOWER_BOUND = 0.01 - 0.000001
"""Smallest gamma (log, video) or contrast (linear) OCIO accepts (GradingPrimary::validate)."""

_F32_MAX = float(np.finfo(np.float32).max)


def _f32(v: float) -> float:
    """`v` rounded to float32; beyond its range, +-inf (OCIO's static_cast<float> of -DBL_MAX)."""
    with np.errstate(over="ignore"):
        return float(np.float32(v))


def _rgb(v: Rgbm, combine: str) -> tuple[float, float, float]:
    return tuple(v[3] + v[c] if combine == "+" else v[3] * v[c] for c in range(3))  # type: ignore[return-value]


@dataclass(frozen=True, kw_only=True, eq=False)
class GradingPrimaryOp(Op):
    """OCIO's grading primary (module docstring), built from OCIO's parameter values.

    Parameters
    ----------
    style
        ``"log"``, ``"linear"`` or ``"video"``.
    brightness, contrast, gamma, offset, exposure, lift, gain
        ``(red, green, blue, master)`` as in OCIO; each style reads its own.
    saturation, pivot, pivot_black, pivot_white, clamp_black, clamp_white
        As OCIO; `pivot` defaults to -0.2 for ``log`` and 0.18 otherwise; the
        clamps default to none (+-inf).
    inverse
        Apply the inverse.
    """

    kind = "grading_primary"
    style: Literal["log", "linear", "video"] = "log"
    brightness: Rgbm = (0.0, 0.0, 0.0, 0.0)
    contrast: Rgbm = (1.0, 1.0, 1.0, 1.0)
    gamma: Rgbm = (1.0, 1.0, 1.0, 1.0)
    offset: Rgbm = (0.0, 0.0, 0.0, 0.0)
    exposure: Rgbm = (0.0, 0.0, 0.0, 0.0)
    lift: Rgbm = (0.0, 0.0, 0.0, 0.0)
    gain: Rgbm = (1.0, 1.0, 1.0, 1.0)
    saturation: float = 1.0
    pivot: float | None = None
    pivot_black: float = 0.0
    pivot_white: float = 1.0
    clamp_black: float = -math.inf
    clamp_white: float = math.inf
    inverse_direction: bool = False
    _values: dict[str, tuple[float, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.style not in ("log", "linear", "video"):
            raise ArgumentError(f"grading primary style must be log, linear or video, got {self.style!r}")
        for name in ("brightness", "contrast", "gamma", "offset", "exposure", "lift", "gain"):
            value = tuple(float(v) for v in getattr(self, name))
            if len(value) != 4 or not all(math.isfinite(v) for v in value):
                raise ArgumentError(f"grading primary {name} must be 4 finite numbers (r, g, b, master)")
            object.__setattr__(self, name, value)
        if self.pivot is None:
            object.__setattr__(self, "pivot", -0.2 if self.style == "log" else 0.18)
        checked = self.gamma if self.style != "linear" else self.contrast
        if min(checked) < _LOWER_BOUND:
            what = "gamma" if self.style != "linear" else "contrast"
            raise ArgumentError(f"grading primary {what} {checked} is below the lower bound 0.01")
        if self.pivot_white - self.pivot_black < _LOWER_BOUND:
            raise ArgumentError("grading primary black pivot must be below the white pivot")
        if self.clamp_black > self.clamp_white:
            raise ArgumentError("grading primary black clamp must be below the white clamp")
        object.__setattr__(self, "_values", self._prerender())

    def _prerender(self) -> dict[str, tuple[float, ...]]:
        """Float32 values per step, as GradingPrimaryPreRender::update (module docstring)."""
        inv = self.inverse_direction
        pb, pw = self.pivot_black, self.pivot_white
        assert self.pivot is not None
        out: dict[str, tuple[float, ...]] = {}
        if self.style == "log":
            b = _rgb(self.brightness, "+")
            out["offset"] = tuple(_f32(-v * 6.25 / 1023.0 if inv else v * 6.25 / 1023.0) for v in b)
            c = _rgb(self.contrast, "*")
            out["contrast"] = tuple(_f32(1.0 / (v if v != 0 else 1.0)) if inv else _f32(v) for v in c)
            g = _rgb(self.gamma, "*")
            out["gamma"] = tuple(_f32(v) if inv else _f32(1.0 / v) for v in g)
            out["pivot"] = (_f32(0.5 + self.pivot * 0.5),)
        elif self.style == "linear":
            o = _rgb(self.offset, "+")
            out["offset"] = tuple(_f32(-v) if inv else _f32(v) for v in o)
            e = [2.0 ** _f32(v) for v in _rgb(self.exposure, "+")]
            out["scale"] = tuple(_f32(1.0 / _f32(v)) if inv else _f32(v) for v in e)
            c = _rgb(self.contrast, "*")
            out["contrast"] = tuple(_f32(1.0 / v) if inv else _f32(v) for v in c)
            out["pivot"] = (_f32(0.18 * 2.0**self.pivot),)
        else:
            o = _rgb(self.offset, "+")
            lift = _rgb(self.lift, "+")
            out["offset"] = tuple(_f32(-(a + b)) if inv else _f32(a + b) for a, b in zip(o, lift, strict=True))
            gain = [v if v != 0 else 1.0 for v in _rgb(self.gain, "*")]
            den = [pw / g + lv - pb for g, lv in zip(gain, lift, strict=True)]
            if inv:
                out["contrast"] = tuple(
                    _f32((pw / g + (lv - pb)) / (pw - pb)) for g, lv in zip(gain, lift, strict=True)
                )
            else:
                out["contrast"] = tuple(_f32((pw - pb) / (d if d != 0 else 1.0)) for d in den)
            g = _rgb(self.gamma, "*")
            out["gamma"] = tuple(_f32(v) if inv else _f32(1.0 / v) for v in g)
            out["pivot"] = (_f32(pb),)
        return out

    def _steps(self) -> list[str]:
        """Step names in the order applied."""
        forward = {
            "log": ["offset", "contrast", "gamma"],
            "linear": ["offset", "scale", "lin_contrast"],
            "video": ["offset", "contrast", "gamma"],
        }[self.style]
        steps = [*forward, "saturation", "clamp"]
        return steps[::-1] if self.inverse_direction else steps

    def _saturation(self) -> float:
        s = self.saturation
        return _f32(1.0 / (s if s != 0 else 1.0)) if self.inverse_direction else _f32(s)

    def structure_key(self) -> tuple[object, ...]:
        return (self.kind, self.style, self.inverse_direction)

    def is_identity(self) -> bool:
        v = self._values
        return (
            all(x == 0 for x in v["offset"])
            and all(x == 1 for x in v.get("contrast", (1.0,)))
            and all(x == 1 for x in v.get("gamma", (1.0,)))
            and all(x == 1 for x in v.get("scale", (1.0,)))
            and self._saturation() == 1.0
            and self.clamp_black == -math.inf
            and self.clamp_white == math.inf
        )

    def apply_planar(self, p: np.ndarray) -> None:
        with np.errstate(invalid="ignore", over="ignore", divide="ignore"):  # inf and NaN pass as in OCIO's C++
            self._apply(p)

    def _apply(self, p: np.ndarray) -> None:
        v, t = self._values, p.dtype.type
        pivot = t(v["pivot"][0])
        black, white = t(_f32(self.pivot_black)), t(_f32(self.pivot_white))
        for step in self._steps():
            if step == "offset":
                p += np.array(v["offset"], dtype=p.dtype)[:, None]
            elif step == "scale":
                p *= np.array(v["scale"], dtype=p.dtype)[:, None]
            elif step == "contrast":
                centre = pivot if self.style == "log" else black
                p -= centre
                p *= np.array(v["contrast"], dtype=p.dtype)[:, None]
                p += centre
            elif step == "gamma" and any(g != 1.0 for g in v["gamma"]):
                d = p - black
                span = white - black
                p[...] = np.abs(d) / span
                p[...] = sse_power(p, np.array(v["gamma"])[:, None])
                p *= np.copysign(span, d)
                p += black
            elif step == "lin_contrast" and any(c != 1.0 for c in v["contrast"]):
                sign = np.copysign(pivot, p)
                p /= pivot
                np.abs(p, out=p)
                p[...] = sse_power(p, np.array(v["contrast"])[:, None])
                p *= sign
            elif step == "saturation" and self._saturation() != 1.0:
                s = t(self._saturation())
                luma = sum(t(_f32(w)) * p[c] for c, w in enumerate(GRADING_LUMA))
                p -= luma
                p *= s
                p += luma
            elif step == "clamp":
                np.fmax(p, t(_f32(self.clamp_black)), out=p)
                np.fmin(p, t(_f32(self.clamp_white)), out=p)

    def glsl(self, names: GlslNames) -> GlslSnippet:
        v = self._values
        n = {
            k: names(k) for k in ("offset", "scale", "contrast", "gamma", "pivot", "black", "white", "sat", "lo", "hi")
        }
        code = {
            "offset": f"c += {n['offset']};",
            "scale": f"c *= {n['scale']};",
            "contrast": f"c = (c - {n['pivot']}) * {n['contrast']} + {n['pivot']};",
            "gamma": (
                f"{{ vec3 d = c - {n['black']}; float span = {n['white']} - {n['black']};\n"
                f"  c = pow(abs(d) / span, {n['gamma']}) * span * mix(vec3(1.0), vec3(-1.0), lessThan(d, vec3(0.0)))"
                f" + {n['black']}; }}"
            ),
            "lin_contrast": (
                f"c = pow(abs(c / {n['pivot']}), {n['contrast']}) * {n['pivot']}"
                " * mix(vec3(1.0), vec3(-1.0), lessThan(c, vec3(0.0)));"
            ),
            "saturation": f"{{ float luma = dot(c, vec3{GRADING_LUMA}); c = luma + {n['sat']} * (c - luma); }}",
            "clamp": f"c = clamp(c, {n['lo']}, {n['hi']});",
        }
        pivot = v["pivot"][0] if self.style != "video" else self.pivot_black
        uniforms = {
            n["offset"]: Uniform("vec3", np.array(v["offset"])),
            n["scale"]: Uniform("vec3", np.array(v.get("scale", (1.0,) * 3))),
            n["contrast"]: Uniform("vec3", np.array(v.get("contrast", (1.0,) * 3))),
            n["gamma"]: Uniform("vec3", np.array(v.get("gamma", (1.0,) * 3))),
            n["pivot"]: Uniform("float", pivot),
            n["black"]: Uniform("float", self.pivot_black),
            n["white"]: Uniform("float", self.pivot_white),
            n["sat"]: Uniform("float", self._saturation()),
            n["lo"]: Uniform("float", max(self.clamp_black, -_F32_MAX)),
            n["hi"]: Uniform("float", min(self.clamp_white, _F32_MAX)),
        }
        return GlslSnippet(body="\n".join(code[s] for s in self._steps()), uniforms=uniforms)

    def inverse(self) -> Op:
        """The same grade in the other direction (OCIO renders the inverse with inverted values)."""
        import dataclasses

        return dataclasses.replace(self, inverse_direction=not self.inverse_direction)
