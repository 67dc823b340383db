from vfx_rs.pipeline.ops.exponent import ExponentOp

KIND = "exponent"
EXAMPLES = [
    ExponentOp(exponent=(2.2, 2.4, 1.8), style="clamp"),
    ExponentOp(exponent=0.5, style="mirror"),
    ExponentOp(exponent=(1 / 2.2, 2.0, 1.0), style="pass"),
]
