"""Write the bundled sample: a procedural scene-linear RGBA half EXR.

A 960x540 frame with a chart of 24 patches (approximate scene-linear Rec.709
reflectances of a ColorChecker under D65, 18% grey in the chart), a grey
ramp over eight stops either side of 18% grey, a bright emitter reaching
about 50, and a soft-edged alpha matte. Run: ``make sample``.
"""

from __future__ import annotations

import sys

import numpy as np

import vfx_rs

WIDTH, HEIGHT = 960, 540

# Approximate linear Rec.709 values of the 24 ColorChecker patches (rounded).
CHART = np.array(
    [
        [0.17, 0.09, 0.06],
        [0.55, 0.31, 0.22],
        [0.11, 0.19, 0.33],
        [0.10, 0.15, 0.06],
        [0.24, 0.22, 0.43],
        [0.13, 0.51, 0.41],
        [0.69, 0.20, 0.03],
        [0.06, 0.10, 0.38],
        [0.54, 0.09, 0.12],
        [0.10, 0.04, 0.14],
        [0.34, 0.50, 0.05],
        [0.75, 0.36, 0.02],
        [0.02, 0.05, 0.28],
        [0.06, 0.29, 0.07],
        [0.44, 0.03, 0.04],
        [0.84, 0.57, 0.01],
        [0.51, 0.09, 0.29],
        [0.00, 0.23, 0.37],
        [0.88, 0.88, 0.86],
        [0.58, 0.59, 0.59],
        [0.36, 0.36, 0.36],
        [0.18, 0.18, 0.18],
        [0.09, 0.09, 0.09],
        [0.03, 0.03, 0.03],
    ]
)


def make() -> np.ndarray:
    """The sample's pixels, (540, 960, 4) float32."""
    y, x = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    # Background: a soft blue-grey gradient, like a sky over a floor.
    rgb = np.stack([0.05 + 0.10 * (1 - y / HEIGHT), 0.06 + 0.12 * (1 - y / HEIGHT), 0.09 + 0.20 * (1 - y / HEIGHT)], -1)
    # The chart, 6x4 patches of 60 px with 8 px gaps, at top left.
    for i, colour in enumerate(CHART):
        r, c = divmod(i, 6)
        x0, y0 = 40 + c * 68, 40 + r * 68
        rgb[y0 : y0 + 60, x0 : x0 + 60] = colour
    # A grey ramp: 0.18 * 2**stops for stops -8..+8 across the bottom band.
    ramp = 0.18 * 2.0 ** np.linspace(-8.0, 8.0, WIDTH, dtype=np.float32)
    rgb[440:500, :] = ramp[np.newaxis, :, np.newaxis]
    # An emitter: a glowing sphere whose centre reaches about 50.
    d = np.hypot(x - 730, y - 200) / 110.0
    glow = 50.0 * np.exp(-4.0 * d**2) * (d < 1.6)
    rgb += glow[..., np.newaxis] * np.array([1.0, 0.85, 0.6], np.float32)
    # Alpha: opaque, except a soft circular hole at right showing what lies behind.
    alpha = np.clip(np.hypot(x - 880, y - 380) / 50.0 - 1.0, 0.0, 1.0)
    rgb *= alpha[..., np.newaxis]  # premultiplied, as EXR expects
    return np.concatenate([rgb, alpha[..., np.newaxis]], -1).astype(np.float32)


def main(path: str) -> None:
    rec709 = (0.64, 0.33, 0.30, 0.60, 0.15, 0.06, 0.3127, 0.3290)
    image = vfx_rs.Image(make().astype(np.float16), metadata={"chromaticities": rec709, "owner": "vfx-rs sample"})
    vfx_rs.write(path, image, compression="zip", pixel_type="half")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/sample.exr")
