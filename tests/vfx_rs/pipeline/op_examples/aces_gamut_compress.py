from vfx_rs.pipeline.ops import AcesGamutCompressOp

KIND = "aces_gamut_compress"
EXAMPLES = [AcesGamutCompressOp(), AcesGamutCompressOp(forward=False)]
