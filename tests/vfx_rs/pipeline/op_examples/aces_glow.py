from vfx_rs.pipeline.ops import AcesGlowOp

KIND = "aces_glow"
EXAMPLES = [AcesGlowOp(), AcesGlowOp(forward=False), AcesGlowOp(gain=0.075, mid=0.1)]
