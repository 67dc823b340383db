from vfx_rs.pipeline.ops import GradingPrimaryOp

KIND = "grading_primary"
EXAMPLES = [
    GradingPrimaryOp(
        style="log",
        brightness=(10.0, -5.0, 3.0, 2.0),
        contrast=(1.2, 0.9, 1.0, 1.1),
        gamma=(1.1, 0.8, 1.0, 1.2),
        saturation=1.3,
        pivot=-0.1,
        pivot_black=0.05,
        pivot_white=0.9,
        clamp_black=-0.05,
        clamp_white=1.1,
    ),
    GradingPrimaryOp(
        style="linear",
        offset=(0.01, -0.02, 0.0, 0.005),
        exposure=(0.5, -0.3, 0.0, 0.2),
        contrast=(1.2, 0.9, 1.0, 1.1),
        saturation=0.8,
        pivot=0.5,
        inverse_direction=True,
    ),
    GradingPrimaryOp(
        style="video",
        offset=(0.01, -0.02, 0.0, 0.005),
        lift=(0.02, 0.0, -0.01, 0.01),
        gain=(1.2, 0.9, 1.0, 1.1),
        gamma=(1.1, 0.9, 1.3, 1.0),
        saturation=1.2,
        pivot_black=0.02,
        pivot_white=0.95,
    ),
    GradingPrimaryOp(style="video", gamma=(1.1, 0.9, 1.3, 1.0), saturation=1.2, inverse_direction=True),
]
