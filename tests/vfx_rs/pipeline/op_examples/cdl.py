from vfx_rs.pipeline.ops.cdl import CdlOp

KIND = "cdl"
_GRADE = {"slope": (1.2, 0.9, 1.05), "offset": (0.02, -0.01, 0.05), "power": (1.3, 0.8, 1.1), "saturation": 0.7}
EXAMPLES = [
    CdlOp(**_GRADE, style="v1.2_fwd"),
    CdlOp(**_GRADE, style="v1.2_rev"),
    CdlOp(**_GRADE, style="noclamp_fwd"),
    CdlOp(**_GRADE, style="noclamp_rev"),
    CdlOp(slope=0.8, offset=0.1, power=2.0, saturation=1.4, style="noclamp_fwd"),
]
