"""Shader build errors reach the user as `GlError` with the driver's log, whatever type PyOpenGL returns it in."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6", reason="the viewer needs the [app] extra")


@pytest.fixture
def gl(qapp):
    from vfxview.glprobe import offscreen_context

    with offscreen_context() as context:
        yield context


def test_a_shader_that_does_not_compile_raises_with_the_log(gl) -> None:
    from OpenGL import GL

    from vfxview.glprogram import GlError, _compile

    with pytest.raises(GlError, match=r"shader compile failed:\n.*\S") as info:
        _compile(GL.GL_FRAGMENT_SHADER, "#version 330 core\nvoid main() { undeclared_name = 1.0; }\n")
    assert "   2 void main()" in str(info.value)  # the numbered source follows the log
