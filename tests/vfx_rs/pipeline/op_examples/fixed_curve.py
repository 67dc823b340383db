from vfx_rs.pipeline.ops.transfer import FixedCurveOp

KIND = "fixed_curve"
EXAMPLES = [
    FixedCurveOp(curve=c, encode=e)
    for c in ("st2084", "st2084_mirror", "hlg", "acescc", "apple_log")
    for e in (True, False)
]
