import numpy as np

from vfx_rs.pipeline import MatrixOp

KIND = "matrix"
EXAMPLES = [
    MatrixOp(matrix=[[0.6131, 0.3395, 0.0474], [0.0702, 0.9164, 0.0134], [0.0206, 0.1096, 0.8698]]),
    MatrixOp(matrix=np.diag([2.0, 0.5, 1.0]), offset=[0.1, -0.2, 0.0]),
    MatrixOp(matrix=np.eye(3) * 4.0, dynamic=True),
]
