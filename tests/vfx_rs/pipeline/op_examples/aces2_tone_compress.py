from vfx_rs.pipeline.ops import Aces2ToneCompressOp

KIND = "aces2_tone_compress"
EXAMPLES = [Aces2ToneCompressOp(), Aces2ToneCompressOp(forward=False), Aces2ToneCompressOp(peak=4000.0)]
