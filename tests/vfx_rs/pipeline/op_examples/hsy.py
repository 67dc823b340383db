from vfx_rs.pipeline.ops import HsyOp

KIND = "hsy"
EXAMPLES = [HsyOp(style=s, to_hsy=f) for s in ("lin", "log", "vid") for f in (True, False)]
