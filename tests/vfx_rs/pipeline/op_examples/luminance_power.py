from vfx_rs.pipeline.ops.luminance_power import LuminancePowerOp

KIND = "luminance_power"
EXAMPLES = [
    LuminancePowerOp(gain=1.0, exponent=1.2),
    LuminancePowerOp(gain=1.0, exponent=1.2).inverse(),
    LuminancePowerOp(gain=0.5, exponent=1.0, weights=(0.2126, 0.7152, 0.0722)),
    LuminancePowerOp(gain=1.0, exponent=1.0 / 1.2, floor=1e-4),
    LuminancePowerOp(gain=2.0, exponent=1.0 / 1.2, floor=1e-4).inverse(),
]
