from vfx_rs.pipeline.ops.log import LogOp

KIND = "log"
_CAMERA = dict(
    base=10.0,
    log_side_slope=0.247190,
    log_side_offset=0.385537,
    lin_side_slope=5.555556,
    lin_side_offset=0.052272,
    lin_side_break=0.010591,
)
EXAMPLES = [
    LogOp(base=2.0),
    LogOp(base=2.0, to_log=False),
    LogOp(
        base=10.0,
        log_side_slope=(0.2, 0.3, 0.25),
        log_side_offset=0.6,
        lin_side_slope=(1.0, 2.0, 0.5),
        lin_side_offset=0.01,
    ),
    LogOp(**_CAMERA),
    LogOp(**_CAMERA, to_log=False),
    LogOp(**_CAMERA, linear_slope=(5.0, 4.0, 6.0)),
]
