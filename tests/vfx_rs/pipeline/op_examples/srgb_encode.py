from vfx_rs.pipeline.ops.viewer import SrgbEncodeOp

KIND = "srgb_encode"
EXAMPLES = [SrgbEncodeOp()]
