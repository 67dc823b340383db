from vfx_rs.pipeline.ops import AcesRedMod03Op

KIND = "aces_red_mod03"
EXAMPLES = [AcesRedMod03Op(forward=True), AcesRedMod03Op(forward=False)]
