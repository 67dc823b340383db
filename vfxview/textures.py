"""Float image textures: uploaded once per image, sampled with texelFetch."""

from __future__ import annotations

import numpy as np
from OpenGL import GL

__all__ = ["ImageTexture"]


class ImageTexture:
    """An RGBA32F texture holding one image's data window (row 0 = top row)."""

    def __init__(self) -> None:
        self.handle = int(GL.glGenTextures(1))
        self.size = (0, 0)

    def upload(self, rgba: np.ndarray) -> None:
        """Upload ``(H, W, 4)`` float32 pixels (needs a current context)."""
        data = np.ascontiguousarray(rgba, dtype=np.float32)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.handle)
        GL.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4)
        for param in (GL.GL_TEXTURE_MIN_FILTER, GL.GL_TEXTURE_MAG_FILTER):
            GL.glTexParameteri(GL.GL_TEXTURE_2D, param, GL.GL_NEAREST)
        h, w = data.shape[:2]
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA32F, w, h, 0, GL.GL_RGBA, GL.GL_FLOAT, data)
        self.size = (w, h)

    def bind(self, unit: int) -> None:
        """Bind to texture unit `unit`."""
        GL.glActiveTexture(GL.GL_TEXTURE0 + unit)
        GL.glBindTexture(GL.GL_TEXTURE_2D, self.handle)

    def delete(self) -> None:
        """Free the texture."""
        GL.glDeleteTextures([self.handle])
