from vfx_rs.pipeline.ops.signed_log import SignedLogOp

KIND = "signed_log"
_CLOG3 = {
    "log_slope": 0.36726845,
    "lin_slope": 14.98325,
    "pos_offset": 0.12240537,
    "neg_offset": 0.12783901,
    "mid_slope": 1.9754798,
    "mid_offset": 0.12512219,
    "lo_code": 0.097465473,
    "hi_code": 0.15277891,
}
EXAMPLES = [
    SignedLogOp(**_CLOG3, encode=True),
    SignedLogOp(**_CLOG3, encode=False),
    SignedLogOp(
        log_slope=0.5,
        lin_slope=20.0,
        pos_offset=0.1,
        neg_offset=0.1,
        mid_offset=0.1,
        lo_code=0.1,
        hi_code=0.1,
        base=2.0,
        encode=False,
    ),
]
