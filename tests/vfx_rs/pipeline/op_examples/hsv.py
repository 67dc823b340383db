from vfx_rs.pipeline.ops import HsvOp

KIND = "hsv"
EXAMPLES = [HsvOp(to_hsv=True), HsvOp(to_hsv=False)]
