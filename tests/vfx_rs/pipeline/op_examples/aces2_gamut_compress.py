from vfx_rs.pipeline.ops import Aces2GamutCompressOp

KIND = "aces2_gamut_compress"
EXAMPLES = [Aces2GamutCompressOp(), Aces2GamutCompressOp(forward=False)]
