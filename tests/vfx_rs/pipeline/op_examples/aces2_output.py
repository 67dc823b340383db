from vfx_rs.pipeline.ops import Aces2OutputOp

_P3_D60 = (0.68, 0.32, 0.265, 0.69, 0.15, 0.06, 0.32168, 0.33767)

KIND = "aces2_output"
EXAMPLES = [
    Aces2OutputOp(),
    Aces2OutputOp(peak=1000.0, limiting=_P3_D60),
    # The inverse at 1000 nits: the parity inputs (up to 64) lie mostly inside its [0, 10] display range.
    Aces2OutputOp(peak=1000.0, limiting=_P3_D60, forward=False),
]
