from vfx_rs.pipeline.ops import CieCoordsOp

KIND = "cie_coords"
EXAMPLES = [CieCoordsOp(style=s, forward=f) for s in ("xyy", "uvy", "luv") for f in (True, False)]
