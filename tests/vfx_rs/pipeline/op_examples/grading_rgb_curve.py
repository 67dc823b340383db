from vfx_rs.pipeline.ops import GradingRGBCurveOp

_RED = (((0.0, 0.0), (0.3, 0.35), (0.7, 0.8), (1.0, 1.0)), None)
_MASTER = (((0.0, 0.05), (0.5, 0.45), (1.0, 0.95)), None)
_GREEN = (((0.0, 0.0), (0.5, 0.6), (1.0, 1.0)), (1.2, 0.8, 1.1))

KIND = "grading_rgb_curve"
EXAMPLES = [
    GradingRGBCurveOp(style="log", red=_RED, master=_MASTER),
    GradingRGBCurveOp(style="video", green=_GREEN, master=_MASTER, inverse_direction=True),
    GradingRGBCurveOp(style="linear", master=(((-7.0, -7.0), (-2.0, -2.5), (0.0, 0.3), (7.0, 7.0)), None)),
    GradingRGBCurveOp(
        style="linear", master=(((-7.0, -7.0), (-2.0, -2.5), (0.0, 0.3), (7.0, 7.0)), None), inverse_direction=True
    ),
]
