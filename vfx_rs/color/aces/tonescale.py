"""The ACES 1.x segmented spline tone scales as OCIO's B-spline control points.

aces-dev ``lib/ACESlib.Tonescales.ctl`` defines the RRT tone scale
(``segmented_spline_c5_fwd``) and the ODT tone scales
(``segmented_spline_c9_fwd`` for 48 cd/m2; ``SSTS`` for the HDR ODTs) as
quadratic B-splines over log10 luminance. OpenColorIO 2
(``src/OpenColorIO/transforms/builtins/ACES.cpp``, Generate_tonecurve_ops and
Generate_hdr_tonecurve_ops) states the same curves as control points with
slopes of its monotonic quadratic B-spline; the values below are those, and
`vfx_rs.pipeline.ops.bspline` fits the curve through them the way OCIO does.
For SDR the RRT curve is followed by the 48-nit ODT curve; for HDR a single
curve per peak luminance combines the RRT and the SSTS.
"""

from __future__ import annotations

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline.ops import BSplineCurveOp

__all__ = ["HDR_TONE_CURVES", "RRT_CURVE", "SDR_ODT_CURVE", "hdr_tone_curve", "sdr_tone_curve"]

Curve = tuple[tuple[tuple[float, float], ...], tuple[float, ...]]

RRT_CURVE: Curve = (
    (
        (-5.26017743, -4.0),
        (-3.75502745, -3.57868829),
        (-2.24987747, -1.82131329),
        (-0.74472749, 0.68124124),
        (1.06145248, 2.87457742),
        (2.86763245, 3.83406206),
        (4.67381243, 4.0),
    ),
    (0.0, 0.55982688, 1.77532247, 1.55, 0.8787017, 0.18374463, 0.0),
)
"""RRT tone scale (segmented_spline_c5, log10 ACES to log10 OCES): control points and slopes (OCIO ACES.cpp)."""

SDR_ODT_CURVE: Curve = (
    (
        (-2.54062362, -1.69897000),
        (-2.08035721, -1.58843500),
        (-1.62009080, -1.35350000),
        (-1.15982439, -1.04695000),
        (-0.69955799, -0.65640000),
        (-0.23929158, -0.22141000),
        (0.22097483, 0.22814402),
        (0.68124124, 0.68124124),
        (1.01284632, 0.99142189),
        (1.34445140, 1.25800000),
        (1.67605648, 1.44995000),
        (2.00766156, 1.55910000),
        (2.33926665, 1.62260000),
        (2.67087173, 1.66065457),
        (3.00247681, 1.68124124),
    ),
    (
        0.0, 0.4803088, 0.5405565, 0.79149813, 0.9055625, 0.98460368, 0.96884766, 1.0,
        0.87078346, 0.73702127, 0.42068113, 0.23763206, 0.14535362, 0.08416378, 0.04,
    ),
)  # fmt: skip
"""48-nit ODT tone scale (segmented_spline_c9, log10 OCES to log10 cd/m2): control points and slopes (OCIO)."""

_HDR_LOW = ((-4.0, 0.0), (-3.57868829, 0.55982688), (-1.82131329, 1.77532247), (0.68124124, 1.55))
"""Output values and slopes of the first four control points, shared by every HDR curve (OCIO ACES.cpp)."""

HDR_TONE_CURVES: dict[float, tuple[tuple[float, ...], tuple[tuple[float, float], ...]]] = {
    1000.0: (
        (-5.60050155, -4.09535157, -2.59020159, -1.08505161, 0.22347059, 1.53199279, 2.84051500),
        ((2.22673503, 0.81219728), (2.87906206, 0.1848466), (3.0, 0.0)),
    ),
    2000.0: (
        (-5.59738488, -4.09223490, -2.58708492, -1.08193494, 0.37639718, 1.83472930, 3.29306142),
        ((2.42130131, 0.83637009), (3.16609199, 0.18505799), (3.30103, 0.0)),
    ),
    4000.0: (
        (-5.59503319, -4.08988322, -2.58473324, -1.07958326, 0.52855878, 2.13670081, 3.74484285),
        ((2.61625839, 0.85652519), (3.45351273, 0.18474395), (3.60205999, 0.0)),
    ),
    108.0: (
        (-5.37852506, -3.87337508, -2.36822510, -0.86307513, -0.03557710, 0.79192092, 1.61941895),
        ((1.60464482, 0.68179646), (1.96008059, 0.17726487), (2.03342376, 0.0)),
    ),
}
"""RRT + SSTS tone scale per peak luminance (cd/m2): the seven control x values, then output value and slope
of the last three points (the first four share `_HDR_LOW`); OCIO ACES.cpp Generate_hdr_tonecurve_ops."""


def _op(curve: Curve) -> BSplineCurveOp:
    points, slopes = curve
    return BSplineCurveOp.from_points(points, slopes)


def sdr_tone_curve() -> list[BSplineCurveOp]:
    """The RRT curve then the 48-nit ODT curve, both on log10 values."""
    return [_op(RRT_CURVE), _op(SDR_ODT_CURVE)]


def hdr_tone_curve(peak: float) -> BSplineCurveOp:
    """The combined RRT + HDR ODT curve for `peak` cd/m2 (108, 1000, 2000 or 4000), on log10 values."""
    try:
        xs, high = HDR_TONE_CURVES[peak]
    except KeyError:
        raise ArgumentError(f"no ACES HDR tone curve for {peak} nits; known: {sorted(HDR_TONE_CURVES)}") from None
    ys = [*_HDR_LOW, *high]
    return _op((tuple(zip(xs, (y for y, _ in ys), strict=True)), tuple(s for _, s in ys)))
