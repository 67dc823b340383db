from vfx_rs.color.transfer.display import REC709, SRGB

KIND = "piecewise_power"
EXAMPLES = [*SRGB.encode, *SRGB.decode, *REC709.encode, *REC709.decode]
