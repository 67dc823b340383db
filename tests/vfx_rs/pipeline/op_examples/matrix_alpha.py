import numpy as np

from vfx_rs.pipeline.ops import AlphaMatrixOp

KIND = "matrix_alpha"
EXAMPLES = [
    AlphaMatrixOp(
        matrix=[[1.1, 0.1, 0.0, 0.2], [0.0, 0.9, 0.05, -0.1], [0.02, 0.0, 1.2, 0.3], [0.1, 0.2, 0.3, 0.9]],
        offset=[0.01, 0.02, -0.01, 0.0],
    ),
    AlphaMatrixOp(matrix=np.eye(4) + 0.1, offset=np.zeros(4)).inverse(),
]
