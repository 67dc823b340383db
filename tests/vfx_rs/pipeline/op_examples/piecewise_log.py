from vfx_rs.color.transfer.camera import ARRI_LOGC3, PANASONIC_VLOG, RED_LOG3G10

KIND = "piecewise_log"
EXAMPLES = [*ARRI_LOGC3.encode, *ARRI_LOGC3.decode, *PANASONIC_VLOG.encode, *RED_LOG3G10.decode]
