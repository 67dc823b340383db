"""`DisplayCache`: the viewport's drawn frames of a clip, so playback skips the display shader.

Each entry is the viewport exactly as the display shader drew it for one image (an RGBA8 texture of the
viewport's size, the widget's own framebuffer format): showing it again is a same-size `glBlitFramebuffer`
with nearest filtering, a byte copy, so a cached frame is identical to drawing it again. The cache belongs
to one *view*: everything else the picture depends on (display settings, pan, zoom, size, compare image and
mode, background...), given as a key; a new key empties it. Frames are found by the image object (held
weakly: a frame the read-ahead cache dropped and read again is a new object, drawn again). At most
`DISPLAY_CACHE_MB` of textures are kept, the oldest dropped first. Needs the GL context current.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from OpenGL import GL

__all__ = ["DISPLAY_CACHE_MB", "DisplayCache"]

DISPLAY_CACHE_MB = 512
"""Texture memory the display cache may hold (about 290 frames of an 826x534 viewport, 60 at 1920x1080)."""


class DisplayCache:
    """Drawn frames of one view, keyed by image object; `show` blits a frame, drawing it first if new."""

    def __init__(self, budget_mb: int = DISPLAY_CACHE_MB) -> None:
        self.budget = budget_mb * 2**20
        self.key: Hashable = None
        self.draws = 0  # frames drawn through the shader into the cache
        self.hits = 0  # frames shown from the cache
        self._size = (0, 0)
        self._frames: OrderedDict[int, tuple[weakref.ref[Any], int]] = OrderedDict()  # id(image) -> (ref, texture)
        self._fbo = 0

    def __len__(self) -> int:
        return len(self._frames)

    def _use(self, key: Hashable, size: tuple[int, int]) -> None:
        if key != self.key or size != self._size:
            self.clear()
            self.key, self._size = key, size

    def has(self, image: Any, key: Hashable, size: tuple[int, int]) -> bool:
        """Whether `image`'s frame for this view and size is held."""
        entry = self._frames.get(id(image))
        return key == self.key and size == self._size and entry is not None and entry[0]() is image

    def room(self, size: tuple[int, int]) -> bool:
        """Whether one more frame of `size` fits without dropping one."""
        return (len(self._frames) + 1) * size[0] * size[1] * 4 <= self.budget

    def draw(self, image: Any, key: Hashable, size: tuple[int, int], draw: Callable[[], bool]) -> bool:
        """Draw `image`'s frame into the cache now (drawing ahead of playback); leaves the cache's framebuffer bound."""
        self._use(key, size)
        return bool(self._draw(image, draw))

    def show(self, image: Any, key: Hashable, size: tuple[int, int], target: int, draw: Callable[[], bool]) -> bool:
        """Put `image`'s drawn frame in framebuffer `target` (``size`` pixels): from the cache, or `draw` it first.

        `draw` draws the frame into the bound framebuffer (viewport already set), as it would into `target`,
        and says whether it drew (False: nothing is kept or shown, and `show` returns False).
        """
        self._use(key, size)
        if self.has(image, key, size):
            self._frames.move_to_end(id(image))
            texture = self._frames[id(image)][1]
            self.hits += 1
        else:
            texture = self._draw(image, draw)
            if not texture:
                GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target)
                return False
        if not self._fbo:
            self._fbo = int(GL.glGenFramebuffers(1))
        GL.glBindFramebuffer(GL.GL_READ_FRAMEBUFFER, self._fbo)
        GL.glFramebufferTexture2D(GL.GL_READ_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, texture, 0)
        GL.glBindFramebuffer(GL.GL_DRAW_FRAMEBUFFER, target)
        w, h = size
        GL.glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL.GL_COLOR_BUFFER_BIT, GL.GL_NEAREST)
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, target)
        return True

    def _draw(self, image: Any, draw: Callable[[], bool]) -> int:
        w, h = self._size
        if id(image) in self._frames:  # a dead image's id reused by a new one
            GL.glDeleteTextures([self._frames.pop(id(image))[1]])
        while self._frames and (len(self._frames) + 1) * w * h * 4 > self.budget:
            GL.glDeleteTextures([self._frames.popitem(last=False)[1][1]])
        texture = int(GL.glGenTextures(1))
        GL.glBindTexture(GL.GL_TEXTURE_2D, texture)
        GL.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, w, h, 0, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, None)
        for param in (GL.GL_TEXTURE_MIN_FILTER, GL.GL_TEXTURE_MAG_FILTER):
            GL.glTexParameteri(GL.GL_TEXTURE_2D, param, GL.GL_NEAREST)
        if not self._fbo:
            self._fbo = int(GL.glGenFramebuffers(1))
        GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self._fbo)
        GL.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, texture, 0)
        GL.glViewport(0, 0, w, h)
        if not draw():
            GL.glDeleteTextures([texture])
            return 0
        self._frames[id(image)] = (weakref.ref(image), texture)
        self.draws += 1
        return texture

    def clear(self) -> None:
        """Drop every frame (needs the context current)."""
        if self._frames:
            GL.glDeleteTextures([texture for _, texture in self._frames.values()])
        self._frames.clear()
