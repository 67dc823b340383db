from vfx_rs.pipeline.ops import DoubleLogOp

KIND = "double_log"
_PARAMS = [10.0, 0.0, 0.5, -0.2, 0.3, -1.0, 1.0, 0.2, 0.5148, 1.0, 1.0, 0.5, 0.3]
EXAMPLES = [DoubleLogOp.from_params(_PARAMS), DoubleLogOp.from_params(_PARAMS).inverse()]
