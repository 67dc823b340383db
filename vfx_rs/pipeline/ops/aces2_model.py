"""The ACES 2.0 colour appearance model: RGB to JMh and back (Hellwig 2022 with the ACES 2.0 parameters).

The ACES 2.0 output transform (aces-output ``lib/Lib.Academy.OutputTransform.ctl``, functions
``RGB_to_JMh``, ``JMh_to_RGB``; Hellwig, Stolitzka and Fairchild 2022, "Extending CIECAM02 and CAM16
for the Helmholtz-Kohlrausch effect") works in a CAM16-like space with the "stimulus" primaries and a
dim surround, computed as OpenColorIO 2.6 computes it (``src/OpenColorIO/ops/fixedfunction/ACES2/``,
``Transform.cpp`` init_JMhParams, RGB_to_Aab, Aab_to_JMh, JMh_to_Aab, Aab_to_RGB; constants in
``Common.h``): in float32, with the chromatic adaptation folded into one RGB to cone matrix and the
achromatic normalisation folded into the cone to Aab matrix. Matrices come from float64 primaries
(SMPTE RP 177, `vfx_rs.color.rgb_to_xyz_matrix`) rounded to float32, as OCIO's ColorLib.h does.

Kernels take float32 planar arrays ``(3, n)``; the GLSL helpers beside them compute the same per pixel.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "CAM_NL_OFFSET",
    "EXACT",
    "F32",
    "GLSL_MODEL",
    "PRIMARIES_AP0",
    "PRIMARIES_AP1",
    "PRIMARIES_CAM16",
    "F32Math",
    "JmhParams",
    "aab_to_jmh",
    "aab_to_rgb",
    "achromatic_to_y",
    "cone_compress",
    "cone_expand",
    "hue_radians",
    "jmh_params",
    "jmh_to_aab",
    "matvec",
    "model_gamma",
    "rgb_to_aab",
    "y_to_j",
]

F32 = np.float32
Primaries = tuple[float, float, float, float, float, float, float, float]
"""xy of red, green, blue and white, flat."""

PRIMARIES_AP0: Primaries = (0.7347, 0.2653, 0.0, 1.0, 0.0001, -0.077, 0.32168, 0.33767)
"""ACES AP0 (SMPTE ST 2065-1), the input primaries of the model (OCIO ColorMatrixHelpers.cpp ACES_AP0)."""

PRIMARIES_AP1: Primaries = (0.713, 0.293, 0.165, 0.83, 0.128, 0.044, 0.32168, 0.33767)
"""ACES AP1 (S-2014-004), the "reach" gamut of the gamut compression (OCIO ACES_AP1)."""

PRIMARIES_CAM16: Primaries = (0.8336, 0.1735, 2.3854, -1.4659, 0.087, -0.125, 0.333, 0.333)
"""The CAM16 cone space as xy primaries (aces-output ``Lib.Academy.OutputTransform.ctl`` CAM16_PRI; OCIO
Common.h CAM16::primaries)."""

REFERENCE_LUMINANCE = F32(100.0)
"""Luminance of RGB 1.0 in cd/m2 (OCIO Common.h reference_luminance)."""

L_A, Y_B = F32(100.0), F32(20.0)
"""Adapting luminance and background luminance factor (Common.h L_A, Y_b)."""

SURROUND = (F32(0.9), F32(0.59), F32(0.9))
"""Dim surround F, c, N_c (Common.h surround)."""

CAM_NL_OFFSET = F32(F32(0.2713) * F32(100.0))
"""The post-adaptation compression's offset, 0.2713 * 100 (Common.h cam_nl_offset)."""

CAM_NL_SCALE = F32(400.0)
"""4 * 100 (Common.h cam_nl_scale)."""

_NL_EXPONENT = F32(0.42)
_NL_INV_EXPONENT = F32(F32(1.0) / F32(0.42))
_RA_LIMIT = F32(0.99)


@dataclass(frozen=True)
class F32Math:
    """The float32 transcendental functions a kernel uses: `EXACT` (through float64, rounded: what glibc's ``powf``
    and the double ``cos``, ``sin``, ``log10`` that OCIO calls give, but for rare cases), or glibc's own
    (`aces2_libm.libm_math`, for the tables' bisections)."""

    power: Callable[..., Any]
    cos: Callable[..., Any]
    sin: Callable[..., Any]
    arctan2: Callable[..., Any]
    log10: Callable[..., Any]


def _through_f64(fn: Callable[..., Any]) -> Callable[..., Any]:
    def f32(*args: Any) -> Any:
        return fn(*(np.asarray(a, np.float64) for a in args)).astype(F32)

    return f32


EXACT = F32Math(*(_through_f64(fn) for fn in (np.power, np.cos, np.sin, np.arctan2, np.log10)))
"""libm-like float32 results, the kernels' math: NumPy's SIMD float32 loops are an ulp or two off libm, which
chains through the model amplify (forward on saturated colours into PQ, inverse near the display peak)."""


def model_gamma() -> np.float32:
    """``c * z``, the J exponent: ``0.59 * (1.48 + sqrt(20 / 100))`` (Transform.cpp model_gamma)."""
    return F32(SURROUND[1] * (F32(1.48) + np.sqrt(Y_B / REFERENCE_LUMINANCE)))


@dataclass(frozen=True)
class JmhParams:
    """The model for one set of RGB primaries (OCIO JMhParams): float32 matrices (apply as ``M @ rgb``)."""

    rgb_to_cone: np.ndarray
    cone_to_rgb: np.ndarray
    cone_to_aab: np.ndarray
    aab_to_cone: np.ndarray
    f_l_n: np.float32
    cz: np.float32
    inv_cz: np.float32
    a_w_j: np.float32
    inv_a_w_j: np.float32


def _f32_matmul(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """3x3 product in float32, each sum left to right as OCIO MatrixLib.h mult_f33_f33."""
    out = np.empty((3, 3), dtype=F32)
    for i in range(3):
        for j in range(3):
            out[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j] + a[i, 2] * b[2, j]
    return out


def _f32_matvec(m: np.ndarray, v: np.ndarray) -> np.ndarray:
    return np.array([m[i, 0] * v[0] + m[i, 1] * v[1] + m[i, 2] * v[2] for i in range(3)], dtype=F32)


def _rgb_to_xyz(primaries: Primaries) -> np.ndarray:
    """RGB to XYZ in float64 (SMPTE RP 177-1993, 3.3; OCIO ColorMatrixHelpers.cpp rgb2xyz_from_xy).

    The pipeline layer cannot import `vfx_rs.color`, so the four lines of RP 177 are here for the op's own
    primaries parameters; `vfx_rs.color.rgb_to_xyz_matrix` computes the same for named spaces.
    """
    xyz = np.array([[x / y, 1.0, (1.0 - x - y) / y] for x, y in np.reshape(primaries, (4, 2))]).T
    return xyz[:, :3] * np.linalg.solve(xyz[:, :3], xyz[:, 3])


def _cone_scalar(v: np.float32) -> np.float32:
    f = EXACT.power(v, _NL_EXPONENT)
    return F32(f / (CAM_NL_OFFSET + f))


@functools.lru_cache(maxsize=32)
def jmh_params(primaries: Primaries) -> JmhParams:
    """The model parameters for RGB in `primaries` (OCIO Transform.cpp init_JMhParams), cached."""
    base = np.array(
        [
            [F32(2.0), F32(1.0), F32(1.0) / F32(20.0)],
            [F32(1.0), F32(-12.0) / F32(11.0), F32(1.0) / F32(11.0)],
            [F32(1.0) / F32(9.0), F32(1.0) / F32(9.0), F32(-2.0) / F32(9.0)],
        ],
        dtype=F32,
    )
    matrix_16 = np.linalg.inv(_rgb_to_xyz(PRIMARIES_CAM16)).astype(F32)
    rgb_to_xyz = _rgb_to_xyz(primaries).astype(F32)
    xyz_w = _f32_matvec(rgb_to_xyz, np.full(3, REFERENCE_LUMINANCE, dtype=F32))
    rgb_w = _f32_matvec(matrix_16, xyz_w)
    k = F32(1.0) / (F32(5.0) * L_A + F32(1.0))
    k4 = k * k * k * k
    five_la = F32(5.0) * L_A
    f_l = F32(F32(0.2) * k4 * five_la) + F32(0.1) * EXACT.power(F32(1.0) - k4, F32(2.0)) * EXACT.power(
        five_la, F32(1.0) / F32(3.0)
    )
    f_l_n = F32(f_l / REFERENCE_LUMINANCE)
    cz = model_gamma()
    d_rgb = np.array([f_l_n * xyz_w[1] / rgb_w[i] for i in range(3)], dtype=F32)
    rgb_aw = np.array([_cone_scalar(F32(d_rgb[i] * rgb_w[i])) for i in range(3)], dtype=F32)
    cone_to_aab = (base * CAM_NL_SCALE).astype(F32)
    a_w = F32(cone_to_aab[0, 0] * rgb_aw[0] + cone_to_aab[0, 1] * rgb_aw[1] + cone_to_aab[0, 2] * rgb_aw[2])
    a_w_j = _cone_scalar(F32(f_l))
    to_cam16 = _f32_matmul(matrix_16, rgb_to_xyz) * REFERENCE_LUMINANCE
    rgb_to_cone = (d_rgb[:, None] * to_cam16).astype(F32)
    aab = np.empty((3, 3), dtype=F32)
    aab[0] = cone_to_aab[0] / a_w
    aab[1:] = cone_to_aab[1:] * F32(43.0) * SURROUND[2]
    return JmhParams(
        rgb_to_cone=rgb_to_cone,
        cone_to_rgb=np.linalg.inv(rgb_to_cone.astype(np.float64)).astype(F32),
        cone_to_aab=aab,
        aab_to_cone=np.linalg.inv(aab.astype(np.float64)).astype(F32),
        f_l_n=f_l_n,
        cz=cz,
        inv_cz=F32(F32(1.0) / cz),
        a_w_j=a_w_j,
        inv_a_w_j=F32(F32(1.0) / a_w_j),
    )


def cone_compress(v: np.ndarray, fm: F32Math = EXACT) -> np.ndarray:
    """Post-adaptation cone response compression, signed: ``sign(v) |v|^0.42 / (27.13 + |v|^0.42)``."""
    f = fm.power(np.abs(v), _NL_EXPONENT)
    out = f / (CAM_NL_OFFSET + f)
    return np.copysign(out, v, out=out)


def _cone_expand_abs(ra: np.ndarray, fm: F32Math) -> np.ndarray:
    """Inverse of the compression for ``Ra`` >= 0, limited to Ra <= 0.99 (Transform.cpp, the ``_inv`` helper)."""
    r = np.minimum(ra, _RA_LIMIT)
    return fm.power(CAM_NL_OFFSET * r / (F32(1.0) - r), _NL_INV_EXPONENT)  # type: ignore[no-any-return]


def cone_expand(v: np.ndarray, fm: F32Math = EXACT) -> np.ndarray:
    """The signed inverse of `cone_compress`."""
    out = _cone_expand_abs(np.abs(v), fm)
    return np.copysign(out, v, out=out)


def matvec(m: np.ndarray, v: np.ndarray) -> np.ndarray:
    """``m @ v`` for planar float32 ``v`` with each row's sum taken left to right in float32, as OCIO
    MatrixLib.h mult_f3_f33 (a BLAS product rounds differently, and near-neutral colours at the display
    peak amplify that past 1e-4 in the inverse transform)."""
    out = np.empty_like(v)
    tmp = np.empty_like(v[0])
    for i in range(3):
        row = out[i]
        np.multiply(v[0], m[i, 0], out=row)
        np.multiply(v[1], m[i, 1], out=tmp)
        row += tmp
        np.multiply(v[2], m[i, 2], out=tmp)
        row += tmp
    return out


def rgb_to_aab(rgb: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """RGB ``(3, n)`` to the achromatic response A and opponent a, b (Transform.cpp RGB_to_Aab)."""
    return matvec(p.cone_to_aab, cone_compress(matvec(p.rgb_to_cone, rgb), fm))


def hue_radians(h: np.ndarray) -> np.ndarray:
    """Hue in degrees to radians, ``pi * h / 180`` in float32 (Common.h to_radians)."""
    return F32(3.14159265358979) * h / F32(180.0)


def aab_to_jmh(aab: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """Aab to lightness J, colourfulness M, hue h in [0, 360]; A <= 0 gives 0, 0, 0 (Transform.cpp Aab_to_JMh)."""
    a, ca, cb = aab
    out = np.empty_like(aab)
    out[0] = F32(100.0) * fm.power(a, p.cz)
    out[1] = np.sqrt(ca * ca + cb * cb)
    h = fm.arctan2(cb, ca)
    h *= F32(180.0)
    h /= F32(3.14159265358979)
    out[2] = np.where(h < 0, h + F32(360.0), h)
    np.copyto(out, F32(0.0), where=a <= 0)
    return out


def jmh_to_aab(
    j: np.ndarray | np.float32, m: np.ndarray, cos_h: np.ndarray, sin_h: np.ndarray, p: JmhParams, fm: F32Math = EXACT
) -> np.ndarray:
    """J, M and the hue's cosine and sine to Aab (Transform.cpp JMh_to_Aab)."""
    out = np.empty((3, *np.shape(m)), dtype=F32)
    out[0] = fm.power(j * F32(0.01), p.inv_cz)
    np.multiply(m, cos_h, out=out[1])
    np.multiply(m, sin_h, out=out[2])
    return out


def aab_to_rgb(aab: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """Aab back to RGB (Transform.cpp Aab_to_RGB)."""
    return matvec(p.cone_to_rgb, cone_expand(matvec(p.aab_to_cone, aab), fm))


def achromatic_to_y(a: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """Luminance (1.0 = 100 cd/m2 scaled by 100) of an achromatic response A (Transform.cpp _A_to_Y); no sign
    handling: A < 0 gives NaN, which the tone scale's ``std::max`` then turns into 0, as in OCIO."""
    return _cone_expand_abs(p.a_w_j * a, fm) / p.f_l_n


def y_to_j(y: np.ndarray, p: JmhParams, fm: F32Math = EXACT) -> np.ndarray:
    """Lightness J of luminance |Y| (Transform.cpp _Y_to_J; the caller restores the sign)."""
    ra = cone_compress(np.abs(y) * p.f_l_n, fm)
    return F32(100.0) * fm.power(ra * p.inv_a_w_j, p.cz)  # type: ignore[no-any-return]


GLSL_MODEL = """float aces2_cone_fwd(float v) {
    float f = pow(abs(v), 0.42);
    return sign(v) * f / (27.13 + f);
}
float aces2_cone_inv_abs(float ra) {
    float r = min(ra, 0.99);
    return pow(27.13 * r / (1.0 - r), 1.0 / 0.42);
}
float aces2_cone_inv(float v) {
    return sign(v) * aces2_cone_inv_abs(abs(v));
}
vec3 aces2_rgb_to_aab(vec3 rgb, mat3 to_cone, mat3 to_aab) {
    vec3 c = to_cone * rgb;
    return to_aab * vec3(aces2_cone_fwd(c.x), aces2_cone_fwd(c.y), aces2_cone_fwd(c.z));
}
vec3 aces2_aab_to_jmh(vec3 aab, float cz) {
    if (aab.x <= 0.0) return vec3(0.0);
    float h = (aab.y == 0.0 && aab.z == 0.0) ? 0.0 : degrees(atan(aab.z, aab.y));
    return vec3(100.0 * pow(aab.x, cz), length(aab.yz), h < 0.0 ? h + 360.0 : h);
}
vec3 aces2_jmh_to_rgb(float j, float m, float cos_h, float sin_h, float inv_cz, mat3 from_aab, mat3 from_cone) {
    if (j < 0.0) return vec3(intBitsToFloat(0x7fc00000));  // powf of a negative J: NaN
    vec3 c = from_aab * vec3(pow(j * 0.01, inv_cz), m * cos_h, m * sin_h);
    return from_cone * vec3(aces2_cone_inv(c.x), aces2_cone_inv(c.y), aces2_cone_inv(c.z));
}
float aces2_y_to_j(float y, float f_l_n, float inv_a_w_j, float cz) {
    return 100.0 * pow(aces2_cone_fwd(abs(y) * f_l_n) * inv_a_w_j, cz);
}
float aces2_j_to_y(float j, float inv_cz, float a_w_j, float f_l_n) {
    return aces2_cone_inv_abs(a_w_j * pow(abs(j) * 0.01, inv_cz)) / f_l_n;
}
"""
"""GLSL twins of the model functions, shared by the ACES 2.0 ops (emitted once per program)."""
