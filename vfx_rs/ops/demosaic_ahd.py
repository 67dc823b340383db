"""Adaptive homogeneity-directed demosaicing (Hirakawa & Parks 2005) of a Bayer mosaic.

K. Hirakawa and T. W. Parks, "Adaptive homogeneity-directed demosaicing algorithm", IEEE Trans. Image
Processing 14(3), 2005: the mosaic is interpolated twice, once along rows and once along columns, and each
pixel takes the interpolation that is more *homogeneous* around it in CIELab.

1. Green at red and blue sites, per direction, by the Hamilton-Adams filter along that direction
   (section III-A): ``G = (G[-1] + G[+1]) / 2 + (2 C[0] - C[-2] - C[+2]) / 4``, clipped to the two
   greens' range (as dcraw's implementation of the paper does).
2. Red and blue from the colour differences ``C - G`` of the nearest samples of that colour (bilinear
   on the difference planes, section III-B).
3. Both results in CIELab (colours taken as linear Rec. 709 / sRGB primaries, D65), and per pixel the
   homogeneity of each (section IV): the neighbours (left, right, up, down) closer than
   ``eps_L = min(max L-difference to the row neighbours in the row result, max to the column neighbours in
   the column result)`` in lightness and ``eps_C`` (the same with squared a*b* distances) in colour.
4. Homogeneity summed over 3x3; each pixel takes the direction with the larger sum, the mean on a tie.

Edges are mirrored (the mirror keeps the Bayer phase).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

__all__ = ["ahd"]

F64 = npt.NDArray[np.float64]

_PAD = 2

_RGB_TO_XYZ = np.array(
    [[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]]
)
"""Linear sRGB (Rec. 709 primaries, D65) to CIE XYZ (IEC 61966-2-1)."""

_D65 = np.array([0.95047, 1.0, 1.08883])
"""The D65 white point in XYZ (Y = 1)."""


class _Mirrored:
    """`plane` moved by ``(dy, dx)``: ``shifted(dy, dx)[y, x]`` is ``plane[y + dy, x + dx]``, edges mirrored."""

    def __init__(self, plane: F64) -> None:
        self.padded = np.pad(plane, _PAD, mode="reflect")
        self.shape = plane.shape

    def __call__(self, dy: int, dx: int) -> F64:
        h, w = self.shape
        return self.padded[_PAD + dy : _PAD + dy + h, _PAD + dx : _PAD + dx + w]


def _green(raw: F64, is_green: npt.NDArray[np.bool_], along_rows: bool) -> F64:
    """Green everywhere, interpolated along rows or along columns at the red and blue sites (step 1)."""
    at = _Mirrored(raw)
    step = (0, 1) if along_rows else (1, 0)
    near = [at(-step[0], -step[1]), at(step[0], step[1])]
    far = [at(-2 * step[0], -2 * step[1]), at(2 * step[0], 2 * step[1])]
    estimate = (near[0] + near[1]) / 2 + (2 * raw - far[0] - far[1]) / 4
    estimate = np.clip(estimate, np.minimum(*near), np.maximum(*near))
    return np.where(is_green, raw, estimate)


def _full(raw: F64, site: npt.NDArray[np.str_], green: F64) -> F64:
    """RGB from `green` and the colour differences of the red and blue samples (step 2)."""
    diff = _Mirrored(raw - green)
    row_has = {c: (site == c).any(axis=1, keepdims=True) for c in "RB"}
    planes = []
    for colour, other in (("R", "B"), ("B", "R")):
        diagonal = (diff(-1, -1) + diff(-1, 1) + diff(1, -1) + diff(1, 1)) / 4
        across = (diff(0, -1) + diff(0, 1)) / 2
        down = (diff(-1, 0) + diff(1, 0)) / 2
        at_green = np.where(row_has[colour], across, down)
        difference = np.where(site == colour, raw - green, np.where(site == other, diagonal, at_green))
        planes.append(green + difference)
    return np.stack([planes[0], green, planes[1]], axis=-1)


def _lab(rgb: F64) -> F64:
    """CIE 1976 L*a*b* of linear sRGB (CIE 15:2004, section 8.2.1)."""
    t = (rgb @ _RGB_TO_XYZ.T) / _D65
    delta = 6.0 / 29.0
    f = np.where(t > delta**3, np.cbrt(t), t / (3 * delta**2) + 4.0 / 29.0)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], axis=-1)


def ahd(raw: F64, site: npt.NDArray[np.str_]) -> F64:
    """The ``(h, w, 3)`` RGB of the mosaic `raw` whose sample colours are `site` (``"R"``/``"G"``/``"B"``)."""
    from scipy import ndimage

    is_green = site == "G"
    results = [_full(raw, site, _green(raw, is_green, along_rows)) for along_rows in (True, False)]
    labs = [_lab(r) for r in results]
    neighbours = ((0, -1), (0, 1), (-1, 0), (1, 0))  # left, right, up, down
    l_diff, ab_diff = [], []
    for lab in labs:
        at = [_Mirrored(lab[..., k]) for k in range(3)]
        l_diff.append([np.abs(lab[..., 0] - at[0](dy, dx)) for dy, dx in neighbours])
        ab_diff.append(
            [(lab[..., 1] - at[1](dy, dx)) ** 2 + (lab[..., 2] - at[2](dy, dx)) ** 2 for dy, dx in neighbours]
        )
    l_eps = np.minimum(np.maximum(l_diff[0][0], l_diff[0][1]), np.maximum(l_diff[1][2], l_diff[1][3]))
    ab_eps = np.minimum(np.maximum(ab_diff[0][0], ab_diff[0][1]), np.maximum(ab_diff[1][2], ab_diff[1][3]))
    scores = []
    for d in range(2):
        homogeneous = sum((l_diff[d][k] <= l_eps) & (ab_diff[d][k] <= ab_eps) for k in range(4))
        scores.append(ndimage.correlate(np.asarray(homogeneous, np.float64), np.ones((3, 3)), mode="mirror"))
    rows, cols = scores
    pick_rows, pick_cols = (rows > cols)[..., None], (cols > rows)[..., None]
    return np.where(pick_rows, results[0], np.where(pick_cols, results[1], (results[0] + results[1]) / 2))
