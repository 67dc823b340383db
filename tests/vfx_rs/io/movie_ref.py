"""Reference decoding of movie frames by FFmpeg itself (through PyAV), for the movie and dailies tests."""

from __future__ import annotations

from typing import Any

import numpy as np


def ffmpeg_rgb(frame: Any) -> np.ndarray:
    """FFmpeg's conversion of a decoded frame to float R'G'B' with BT.709 narrow-range input (clamped to 0..1)."""
    out = frame.reformat(
        format="gbrpf32le",
        src_colorspace="ITU709",
        dst_colorspace="ITU709",
        src_color_range="MPEG",
        dst_color_range="JPEG",
    )
    g, b, r = (
        np.frombuffer(memoryview(p), "<f4").reshape(p.height, p.line_size // 4)[:, : p.width] for p in out.planes[:3]
    )
    return np.stack([r, g, b], axis=-1)
