from vfx_rs.pipeline.ops import BSplineCurveOp

_POINTS = ((-5.26, -4.0), (-3.76, -3.58), (-2.25, -1.82), (-0.74, 0.68), (1.06, 2.87), (2.87, 3.83), (4.67, 4.0))
_SLOPES = (0.0, 0.56, 1.78, 1.55, 0.88, 0.18, 0.0)

KIND = "bspline_curve"
EXAMPLES = [
    BSplineCurveOp.from_points(_POINTS, _SLOPES),
    BSplineCurveOp.from_points(_POINTS, _SLOPES).inverse(),
    BSplineCurveOp.from_points(((0.0, 0.0), (0.5, 0.8), (1.0, 1.0)), (1.0, 0.9, 0.2)),
]
