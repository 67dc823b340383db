"""vfxview: the vfx-rs desktop viewer and grading app (PySide6 + OpenGL).

The viewport previews the display transform as GLSL generated from the same
`vfx_rs.pipeline` op list the NumPy core executes; export always goes
through the exact core.
"""

__all__: list[str] = []
