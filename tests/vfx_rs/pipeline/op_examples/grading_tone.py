from vfx_rs.pipeline.ops import GradingToneOp

_ALL = {
    "blacks": (1.1, 0.9, 1.0, 1.2, 0.4, 0.4),
    "shadows": (1.2, 0.9, 1.0, 1.1, 0.5, 0.0),
    "midtones": (0.9, 1.1, 1.0, 1.05, 0.4, 0.6),
    "highlights": (0.8, 1.2, 1.0, 0.9, 0.3, 1.0),
    "whites": (0.9, 1.2, 1.0, 0.8, 0.4, 0.5),
}

KIND = "grading_tone"
EXAMPLES = [
    GradingToneOp(style="log", s_contrast=1.2, **_ALL),  # type: ignore[arg-type]
    GradingToneOp(style="log", s_contrast=1.2, inverse_direction=True, **_ALL),  # type: ignore[arg-type]
    GradingToneOp(style="video", whites=(1.3, 0.7, 1.0, 1.1, 0.5, 0.5), s_contrast=0.6),
    GradingToneOp(style="video", blacks=(1.3, 0.7, 1.0, 0.9, 0.4, 0.4), inverse_direction=True),
    GradingToneOp(
        style="linear",
        midtones=(1.2, 0.9, 1.0, 1.1, 0.0, 8.0),
        whites=(1.1, 1.0, 0.9, 1.2, 0.0, 8.0),
        s_contrast=1.3,
        inverse_direction=True,
    ),
]
