from vfx_rs.pipeline.ops import GradingHueCurveOp

_HUE_HUE = (((0.0, 0.05), (0.2, 0.2), (0.4, 0.45), (0.6, 0.6), (0.8, 0.8)), None)
_HUE_SAT = (((0.0, 1.2), (0.25, 0.8), (0.5, 1.0), (0.75, 1.3)), None)
_HUE_FX = (((0.0, 0.0), (0.3, 0.05), (0.6, -0.03)), None)
_SAT_SAT = (((0.0, 0.0), (0.3, 0.4), (1.0, 0.95)), None)
_SAT_LUM = (((0.0, 1.0), (0.5, 0.95), (1.0, 1.05)), None)
_LUM_LUM = (((-7.0, -7.0), (-2.0, -2.3), (7.0, 7.0)), None)
_ALL = {"hue_hue": _HUE_HUE, "hue_sat": _HUE_SAT, "hue_fx": _HUE_FX, "sat_sat": _SAT_SAT, "sat_lum": _SAT_LUM}

KIND = "grading_hue_curve"
EXAMPLES = [
    GradingHueCurveOp(style="log", **_ALL),
    GradingHueCurveOp(style="video", inverse_direction=True, **_ALL),
    GradingHueCurveOp(style="linear", lum_lum=_LUM_LUM, **_ALL),
    GradingHueCurveOp(style="linear", lum_lum=_LUM_LUM, inverse_direction=True, **_ALL),
    GradingHueCurveOp(style="log", hsy=False, sat_sat=_SAT_SAT, hue_hue=_HUE_HUE),
]
