"""Float image textures: uploaded once per image, sampled with texelFetch (half-float data as RGBA16F)."""

from __future__ import annotations

import numpy as np
from OpenGL import GL

__all__ = ["ImageTexture"]


class ImageTexture:
    """An RGBA32F (or RGBA16F, for half data) texture holding one image's data window (row 0 = top row)."""

    def __init__(self) -> None:
        self.handle = int(GL.glGenTextures(1))
        self.size = (0, 0)
        self.internal = 0

    def upload(self, rgba: np.ndarray) -> None:
        """Upload ``(H, W, 4)`` pixels (needs a current context): float16 as half floats (RGBA16F), else float32.

        Half data is uploaded as it is (no conversion on the CPU); the same size reuses the storage.
        """
        half = rgba.dtype == np.float16
        data = np.ascontiguousarray(rgba, dtype=np.float16 if half else np.float32)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.handle)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 2 if half else 4)
        h, w = data.shape[:2]
        kind, internal = (GL.GL_HALF_FLOAT, GL.GL_RGBA16F) if half else (GL.GL_FLOAT, GL.GL_RGBA32F)
        if (w, h, internal) == (*self.size, self.internal):
            GL.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, w, h, GL.GL_RGBA, kind, data)
            return
        for param in (GL.GL_TEXTURE_MIN_FILTER, GL.GL_TEXTURE_MAG_FILTER):
            GL.glTexParameteri(GL.GL_TEXTURE_2D, param, GL.GL_NEAREST)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, internal, w, h, 0, GL.GL_RGBA, kind, data)
        self.size, self.internal = (w, h), internal

    def bind(self, unit: int) -> None:
        """Bind to texture unit `unit`."""
        GL.glActiveTexture(GL.GL_TEXTURE0 + unit)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.handle)

    def delete(self) -> None:
        """Free the texture."""
        GL.glDeleteTextures([self.handle])
