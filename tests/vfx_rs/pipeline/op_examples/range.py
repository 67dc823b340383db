from vfx_rs.pipeline import RangeOp

KIND = "range"
EXAMPLES = [
    RangeOp.from_bounds(0.0, 1.0, 0.0, 1.0),
    RangeOp.from_bounds(-0.1, 2.0, 0.05, 0.9),
    RangeOp.from_bounds(min_in=0.0, min_out=0.0),
    RangeOp.from_bounds(max_in=1.0, max_out=1.0),
    RangeOp.from_bounds(0.0, 4.0, 0.0, 1.0, clamp=False),
]
