from vfx_rs.pipeline.ops import AcesDarkToDimOp

KIND = "aces_dark_to_dim"
EXAMPLES = [AcesDarkToDimOp(), AcesDarkToDimOp().inverse()]
