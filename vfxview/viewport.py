"""The viewport: a QOpenGLWidget drawing the current image through the display pipeline.

It subscribes to `ViewerState` and never writes it. Pan and zoom are view
data and live here: moving them only redraws. The fragment shader is
``display.frag`` with the GLSL of ``state.settings`` (`vfx_rs.view.ViewSettings.glsl`)
inserted; it is recompiled only when the settings' `structure` changes;
a new exposure, grade, channel or gamma uploads the live uniforms
(`ViewSettings.uniforms`) and nothing else.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from OpenGL import GL
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QSurfaceFormat, QWheelEvent
from PySide6.QtOpenGLWidgets import QOpenGLWidget

from vfx_rs.errors import VfxError
from vfx_rs.view import ViewSettings
from vfxview.cache import prepared_texture
from vfxview.display_cache import DisplayCache
from vfxview.glprogram import GlError, ShaderProgram, load_shader, read_float
from vfxview.state import ViewerState
from vfxview.textures import ImageTexture

__all__ = ["GL_MISSING", "Viewport", "gl_format"]

GL_MISSING = (
    "OpenGL 3.3 is not available, so the viewport cannot draw.\n"
    "Install a GPU driver or Mesa (Debian: libgl1-mesa-dri libegl1), or run under Xvfb.\n"
    "Export (--export) works without OpenGL."
)
"""The message shown in place of the viewport when no OpenGL 3.3 context can be made."""

_SAME_PICTURE = frozenset(
    {"image", "layered", "frame", "path", "error", "playing", "recent", "census", "census_overlay", "pinned"}
    | {"cache", "cache_mb", "fps", "loop", "in_point", "out_point", "input_reason"}
)
"""State fields that never change how a given image is drawn (any other change, a new clip too, empties the
display cache)."""

AHEAD_INTERVAL_MS = 30
"""While a clip is open and stopped, one read-ahead frame is drawn into the display cache this often (the UI
thread stays free between two), so playback after the read-ahead runs from the display cache from the first loop."""

_SKELETON_UNIFORMS = {
    "u_image": "int",
    "u_image_b": "int",
    "u_viewport": "vec2",
    "u_pan": "vec2",
    "u_zoom": "float",
    "u_display_window": "vec4",
    "u_data_window": "vec4",
    "u_checker": "int",
    "u_false_color": "int",
    "u_alpha_view": "int",
    "u_wipe": "float",
    "u_has_b": "int",
    "u_diff": "int",
    "u_outline": "int",
    "u_side": "int",
}


def gl_format() -> QSurfaceFormat:
    """OpenGL 3.3 core profile."""
    fmt = QSurfaceFormat()
    fmt.setVersion(3, 3)
    fmt.setProfile(QSurfaceFormat.OpenGLContextProfile.CoreProfile)
    return fmt


class Viewport(QOpenGLWidget):
    """Shows ``state.image``; emits `hovered` (image coordinates under the cursor) and `wipe_dragged` (Shift-drag).

    While a clip plays, each frame is drawn through the display shader into `display_cache` once and shown
    from it afterwards (a byte copy of the shader's own output at this size, pan and zoom: see
    `vfxview.display_cache`), so loops after the first skip the shader; stopped, every paint runs the shader.
    """

    hovered = Signal(float, float)
    gl_failed = Signal(str)
    gl_missing = Signal(str)
    wipe_dragged = Signal(float)
    zoomed = Signal(float)  # the new zoom (device pixels per image pixel) after fit, 1:1, wheel or set_zoom

    def __init__(self, state: ViewerState, parent: Any = None) -> None:
        super().__init__(parent)
        self.setFormat(gl_format())
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(False)
        self.state = state
        self.zoom = 1.0  # device pixels per image pixel
        self._drag: QPointF | None = None  # last mouse position of a drag
        self.pan = np.zeros(2)  # device-pixel position of the display window origin
        self._program: ShaderProgram | None = None
        self._structure: ViewSettings | None = None  # what the program was compiled for
        self._live: ViewSettings | None = None  # whose uniforms it holds
        self._textures: dict[str, ImageTexture] = {}
        self._dirty = {"image", "compare"}
        self._vao = 0
        self._uploaded_channel = "RGB"
        self._fit_pending = True
        self._fitted_size: tuple[float, float] | None = None
        self.compile_count = 0
        self.upload_count = 0
        self.uniform_updates = 0
        self.display_cache = DisplayCache()
        self._picture_version = 0  # bumped by every state change that can change how an image is drawn
        self._ahead = QTimer(self)  # draws the clip's cached frames into the display cache while stopped
        self._ahead.setSingleShot(True)
        self._ahead.timeout.connect(self._draw_ahead)
        state.changed.connect(self._on_state)

    # -- state --------------------------------------------------------------
    def _on_state(self, name: str, value: object) -> None:
        if name not in _SAME_PICTURE:
            self._picture_version += 1
        if name == "clip" and len(self.display_cache) and self._textures:  # free its textures now, not at next play
            self.makeCurrent()
            self.display_cache.clear()
            self.doneCurrent()
        if name in ("image", "compare") or (name == "channel" and "A" in (value, self._uploaded_channel)):
            self._dirty.update(("image", "compare"))  # the alpha view routes alpha into RGB at upload
        if name == "image" and value is not None:
            size = self._image_size()
            if size != self._fitted_size:  # a new image of another size is fitted; same size keeps the view
                self._fit_pending = True
        self.update()

    # -- GL -----------------------------------------------------------------
    def initializeGL(self) -> None:
        ctx = self.context()
        if (
            ctx is None
            or ctx.format().majorVersion() < 3
            or (ctx.format().majorVersion() == 3 and ctx.format().minorVersion() < 3)
        ):
            self.gl_missing.emit(GL_MISSING)
            return
        self._vao = int(GL.glGenVertexArrays(1))
        self._textures = {"image": ImageTexture(), "compare": ImageTexture()}
        self._dirty = {"image", "compare"}

    def _ensure_program(self) -> ShaderProgram:
        settings = self.state.settings
        structure = settings.structure()
        if self._program is None or structure != self._structure:
            glsl = settings.glsl()
            if self._program is not None:
                self._program.delete()
                self._program = None
            self._program = ShaderProgram(
                load_shader("fullscreen.vert"), load_shader("display.frag"), glsl, first_texture_unit=2
            )
            for name, kind in _SKELETON_UNIFORMS.items():
                self._program.declare(name, kind)
            self._structure, self._live = structure, settings
            self.compile_count += 1
        elif settings != self._live:
            self._program.set_uniforms(settings.uniforms())
            self._live = settings
            self.uniform_updates += 1
        return self._program

    def _upload(self) -> None:
        settings = self.state.settings
        for key in ("image", "compare"):
            if key in self._dirty and key in self._textures:
                img = getattr(self.state, key)
                rgba = self._prepared(img) if key == "image" else None
                if rgba is None:
                    rgba = settings.input_pixels(img) if img is not None else np.zeros((1, 1, 4), np.float32)
                self._textures[key].upload(rgba)
                self.upload_count += 1
        self._uploaded_channel = settings.channel
        self._dirty.clear()

    def _prepared(self, img: Any) -> np.ndarray | None:
        """The texture data a worker made for `img` (the read-ahead cache's frame, or the file read at start), if any."""
        if img is None or self.state.channel == "A":
            return None
        cache = self.state.cache
        entry = cache.get(self.state.frame) if cache is not None else None
        return entry.upload if entry is not None and entry.image is img else prepared_texture(img)

    def paintGL(self) -> None:
        if not self._textures:
            return
        GL.glClearColor(0.1, 0.1, 0.11, 1.0)
        GL.glClear(GL.GL_COLOR_BUFFER_BIT)
        if self.state.image is None:
            return
        if self._fit_pending:
            self.fit()
        ratio = self.devicePixelRatioF()
        size = (self.width() * ratio, self.height() * ratio)
        if not self.state.playing:
            self._draw(size, self.pan, self.zoom)
            if self.state.cache is not None and not self._ahead.isActive():
                self._ahead.start(AHEAD_INTERVAL_MS)
            return
        self.display_cache.show(
            self.state.image,
            self._view_key(),
            self._pixels(),
            self.defaultFramebufferObject(),
            lambda: self._draw(size, self.pan, self.zoom),
        )

    def _view_key(self) -> tuple[Any, ...]:
        return (self._picture_version, *self.pan.tolist(), self.zoom)

    def _pixels(self) -> tuple[int, int]:
        ratio = self.devicePixelRatioF()
        return (round(self.width() * ratio), round(self.height() * ratio))

    def _draw_ahead(self) -> None:
        """Draw the next read-ahead frame (in play order) that the display cache lacks for this view; then again."""
        s, pixels, key = self.state, self._pixels(), self._view_key()
        if s.playing or s.cache is None or s.channel == "A" or not self._textures or not self.isVisible():
            return
        if self._fit_pending or not self.display_cache.room(pixels):
            return
        span = range(s.in_point, s.out_point + 1)
        entries = (s.cache.get(f) for f in [f for f in span if f > s.frame] + [f for f in span if f <= s.frame])
        entry = next(
            (e for e in entries if e and e.upload is not None and not self.display_cache.has(e.image, key, pixels)),
            None,
        )
        if entry is None:
            if not s.cache.idle():  # frames still decoding: look again for them
                self._ahead.start(4 * AHEAD_INTERVAL_MS)
            return
        ratio = self.devicePixelRatioF()
        size = (self.width() * ratio, self.height() * ratio)
        self.makeCurrent()
        try:
            self._upload()  # the compare texture in step with the state; the frame's own data goes over "image"
            self._textures["image"].upload(entry.upload)
            self._dirty.add("image")  # the shown image goes back on the next paint
            drawn = self.display_cache.draw(
                entry.image, key, pixels, lambda: self._draw(size, self.pan, self.zoom, image=entry.image)
            )
        finally:
            GL.glBindFramebuffer(GL.GL_FRAMEBUFFER, self.defaultFramebufferObject())
            self.doneCurrent()
        if drawn:
            self._ahead.start(AHEAD_INTERVAL_MS)

    def _draw(
        self, size: tuple[float, float], pan: np.ndarray, zoom: float, outline: bool = True, image: Any = None
    ) -> bool:
        """Draw `image` (default the shown one, its texture brought up to date) into the bound framebuffer."""
        img = self.state.image if image is None else image
        if image is None:
            self._upload()
        try:
            program = self._ensure_program()
        except (GlError, VfxError, OSError, ValueError) as exc:  # a broken config or LUT: message, no image
            self.gl_failed.emit(str(exc))
            return False
        GL.glUseProgram(program.handle)
        x0, y0, x1, y1 = img.display_window
        d0, e0, d1, e1 = img.data_window
        s = self.state
        has_b = s.compare is not None and s.compare_mode != "off"
        values = {
            "u_image": 0,
            "u_image_b": 1,
            "u_viewport": size,
            "u_pan": pan,
            "u_zoom": zoom,
            "u_display_window": (0.0, 0.0, x1 - x0 + 1.0, y1 - y0 + 1.0),
            "u_data_window": (d0 - x0, e0 - y0, d1 - x0 + 1.0, e1 - y0 + 1.0),
            "u_checker": int(s.background == "checker"),
            "u_false_color": int(s.nan_false_color),
            "u_alpha_view": int(s.channel == "A"),
            "u_has_b": int(has_b),
            "u_wipe": float(s.wipe) if has_b and s.compare_mode == "wipe" else -1.0,
            "u_diff": int(has_b and s.compare_mode == "diff"),
            "u_outline": int(outline),
            "u_side": int(has_b and s.compare_mode == "side"),
        }
        for name, value in values.items():
            program.set_uniform(name, value)
        self._textures["image"].bind(0)
        self._textures["compare"].bind(1)
        program.bind_textures()
        GL.glBindVertexArray(self._vao)
        GL.glDrawArrays(GL.GL_TRIANGLES, 0, 3)
        return True

    def render_float(self) -> np.ndarray:
        """Draw the display window at 1:1 into an RGBA32F framebuffer and read it back ``(H, W, 4)``.

        The same shader and uniforms as on screen, without 8-bit quantisation:
        what the preview-parity tests compare with the NumPy core.
        """
        img = self.state.image
        if img is None or not self._textures:
            raise GlError("no image or no GL context to render")
        self.makeCurrent()
        x0, y0, x1, y1 = img.display_window
        w, h = x1 - x0 + 1, y1 - y0 + 1
        try:
            raw = read_float(
                w,
                h,
                lambda: self._draw((float(w), float(h)), np.zeros(2), 1.0, outline=False),
                self.defaultFramebufferObject(),
            )
        finally:
            self.doneCurrent()
        return raw[::-1].copy()  # GL rows run bottom-up; image rows top-down

    # -- view ---------------------------------------------------------------
    def _image_size(self) -> tuple[float, float]:
        img = self.state.image
        if img is None:
            return (1.0, 1.0)
        x0, y0, x1, y1 = img.display_window
        return (x1 - x0 + 1.0, y1 - y0 + 1.0)

    def fit(self) -> None:
        """Fit the display window in the viewport."""
        self._fit_pending = False
        ratio = self.devicePixelRatioF()
        vw, vh = self.width() * ratio, self.height() * ratio
        if self.state.compare is not None and self.state.compare_mode == "side":
            vw /= 2  # each image gets half the viewport
        iw, ih = self._image_size()
        self._fitted_size = (iw, ih) if self.state.image is not None else None
        self.zoom = max(min(vw / iw, vh / ih), 1e-4)
        self.pan = np.array([(vw - iw * self.zoom) / 2, (vh - ih * self.zoom) / 2])
        self.zoomed.emit(self.zoom)
        self.update()

    def one_to_one(self) -> None:
        """One image pixel per device pixel, centred."""
        self._fit_pending = False
        ratio = self.devicePixelRatioF()
        iw, ih = self._image_size()
        self.zoom = 1.0
        self.pan = np.array([(self.width() * ratio - iw) / 2, (self.height() * ratio - ih) / 2]).round()
        self.zoomed.emit(self.zoom)
        self.update()

    def zoom_at(self, factor: float, pos: QPointF) -> None:
        """Zoom by `factor` keeping the image point under `pos` (widget coordinates) fixed."""
        self._fit_pending = False
        ratio = self.devicePixelRatioF()
        p = np.array([pos.x(), pos.y()]) * ratio
        new_zoom = float(np.clip(self.zoom * factor, 1e-3, 512.0))
        self.pan = p - (p - self.pan) * (new_zoom / self.zoom)
        self.zoom = new_zoom
        self.zoomed.emit(self.zoom)
        self.update()

    def set_zoom(self, zoom: float) -> None:
        """Zoom to `zoom` device pixels per image pixel about the viewport's centre."""
        if zoom > 0 and zoom != self.zoom:
            self.zoom_at(zoom / self.zoom, QPointF(self.width() / 2, self.height() / 2))

    def image_pos(self, pos: QPointF) -> tuple[float, float]:
        """Display-window image coordinates of a widget position."""
        ratio = self.devicePixelRatioF()
        p = (np.array([pos.x(), pos.y()]) * ratio - self.pan) / self.zoom
        return float(p[0]), float(p[1])

    def resizeGL(self, w: int, h: int) -> None:
        if self._fit_pending and self.state.image is not None:
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom_at(2.0 ** (event.angleDelta().y() / 240.0), event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._drag = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        if event.buttons() & (Qt.MouseButton.LeftButton | Qt.MouseButton.MiddleButton) and self._drag is not None:
            if self.state.compare_mode == "wipe" and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.wipe_dragged.emit(pos.x() / max(self.width(), 1))
            else:
                delta = (pos - self._drag) * self.devicePixelRatioF()
                self.pan = self.pan + np.array([delta.x(), delta.y()])
                self._fit_pending = False
                self.update()
            self._drag = pos
        self.hovered.emit(*self.image_pos(pos))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
