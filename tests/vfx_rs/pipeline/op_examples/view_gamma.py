from vfx_rs.pipeline.ops.viewer import ViewGammaOp

KIND = "view_gamma"
EXAMPLES = [ViewGammaOp(gamma=2.2), ViewGammaOp(gamma=0.5, dynamic=True), ViewGammaOp(gamma=1.0, dynamic=True)]
