from vfx_rs.pipeline.ops import AcesRedModOp

KIND = "aces_red_mod"
EXAMPLES = [AcesRedModOp(), AcesRedModOp(forward=False)]
