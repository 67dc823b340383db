"""The contract's "Image Operations" and "Performance Tips" snippets (seed README), run as written."""

from __future__ import annotations

import numpy as np

import vfx_rs


def test_image_operations_snippet(rng: np.random.Generator) -> None:
    img = vfx_rs.Image(rng.random((540, 960, 4), dtype=np.float32))
    foreground, background = img, vfx_rs.Image(rng.random((540, 960, 4), dtype=np.float32))
    a, b = foreground, background

    import vfx_rs.ops as ops

    # Resize
    resized = ops.resize(img, width=1920, height=1080, filter="lanczos")
    assert resized.shape == (1080, 1920, 4)
    resized = ops.resize(img, scale=0.5)
    assert resized.shape == (270, 480, 4)

    # Blur
    blurred = ops.blur(img, radius=5, type="gaussian")
    assert blurred.shape == img.shape and blurred.numpy().std() < img.numpy().std()

    # Composite
    result = ops.over(foreground, background)
    assert result.channel_names == ["R", "G", "B", "A"]
    result = ops.blend(a, b, mode="multiply")
    assert result.shape == img.shape


def test_performance_tips_image_methods() -> None:
    img = vfx_rs.Image(np.full((64, 64, 3), 0.5, np.float32))
    # Good: use Image methods
    result = img.blur(sigma=2.0)
    assert isinstance(result, vfx_rs.Image) and np.allclose(result.numpy(), 0.5)
    assert img.resize(32).shape == (32, 32, 3)
    assert img.sharpen().shape == img.shape and len(img.stats()) == 3
