from vfx_rs.pipeline.ops.exponent import ExponentLinearOp

KIND = "exponent_linear"
EXAMPLES = [
    ExponentLinearOp(gamma=2.4, offset=0.055),
    ExponentLinearOp(gamma=2.4, offset=0.055, decode=False),
    ExponentLinearOp(gamma=(1 / 0.45, 2.2, 3.0), offset=(0.099, 0.05, 0.2), style="mirror"),
    ExponentLinearOp(gamma=(1 / 0.45, 2.2, 3.0), offset=(0.099, 0.05, 0.2), decode=False, style="mirror"),
]
