from vfx_rs.pipeline.ops import GammaLogOp

KIND = "gamma_log"
# An HLG-like curve: power 0.5 below 1/12 (slope sqrt(3)), a natural log above (BT.2100 a, b, c).
_HLG = [0.0, 1 / 12, 0.5, 3**0.5, 0.0, 2.718281828459045, 0.17883277, 0.55991073, 12.0, -0.28466892]
EXAMPLES = [GammaLogOp.from_params(_HLG), GammaLogOp.from_params(_HLG).inverse()]
