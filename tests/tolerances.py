"""Every tolerance the tests use, named by what it compares."""

ATOL_FLOAT32_ROUNDTRIP = 0.0
"""Lossless formats storing float32 give back the same bits."""

ATOL_HALF = 2.0**-11
"""Relative step of IEEE half precision (10-bit mantissa): a float32 -> half -> float32 round trip."""

ATOL_8BIT = 0.5 / 255.0
"""Half a code value of 8-bit quantisation."""

ATOL_16BIT = 0.5 / 65535.0
"""Half a code value of 16-bit quantisation."""

ATOL_JPEG_Q95 = 0.03
"""JPEG at quality 95 on smooth 8-bit content: measured worst error about 0.016."""

RTOL_TRANSFER = 1e-6
"""Transfer functions and matrices against colour-science (issue 3)."""

ATOL_DISPLAY_OCIO = 1e-4
"""Display-referred output against OpenColorIO's CPU processor (issues 3 and 5)."""

ATOL_LUT_OCIO = 1e-5
"""LUT application against OpenColorIO's FileTransform (issue 4)."""

ATOL_GLSL_VS_NUMPY = 1e-3
"""GLSL preview read back from a float framebuffer against the NumPy core (issue 7)."""
