"""Hypothesis-generated inputs (seeded: ``derandomize=True``) for the readers, parsers and public API.

Every call either succeeds or raises a `vfx_rs.VfxError`; any other exception
is a bug. Bounded to a few dozen examples each.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import vfx_rs
from tests.fuzz.cases import FORMATS, outcome

BOUNDED = settings(
    max_examples=40,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

MAGICS = {
    "exr": b"\x76\x2f\x31\x01\x02\x00\x00\x00",
    "dpx": b"SDPX",
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "jpeg": b"\xff\xd8\xff\xe0",
    "tiff": b"II*\x00",
    "hdr": b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n",
    "bmp": b"BM",
    "webp": b"RIFF\x00\x01\x00\x00WEBPVP8 ",
    "gif": b"GIF89a",
}

HEADERS = {
    "cube": "LUT_3D_SIZE 2\n",
    "spi1d": "Version 1\nFrom 0 1\nLength 2\nComponents 1\n{\n",
    "spi3d": "SPILUT 1.0\n3 3\n2 2 2\n",
    "csp": "CSPLUTV100\n3D\n",
    "3dl": "0 512 1023 2047\n",
    "clf": '<ProcessList id="a" compCLFversion="3"><LUT1D inBitDepth="32f" outBitDepth="32f"><Array dim="2 3">',
    "cdl": "<ColorCorrection><SOPNode><Slope>",
    "ocio": "ocio_profile_version: 2\ncolorspaces:\n  - !<ColorSpace>\n",
}

TOKENS = st.sampled_from(
    ["0", "1", "-1", "0.5", "1e309", "nan", "9" * 30, " ", "\n", "\t", "{", "}", "[", "]", ":", "-", "!<", ">",
     "<", "/", "=", '"', "Array", "dim", "name", "LUT_1D_SIZE", "Transform", "*a", "&a", "#", "\x00", "é"]
)  # fmt: skip


def _read(name: str, data: bytes) -> tuple[str, str]:
    fmt = FORMATS[name]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"case{fmt.ext}"
        path.write_bytes(data)
        return outcome(fmt, str(path))


@pytest.mark.parametrize("name", list(MAGICS))
def test_random_bytes_after_a_magic_number(name: str) -> None:
    @BOUNDED
    @given(st.binary(max_size=600))
    def check(tail: bytes) -> None:
        verdict, detail = _read(name, MAGICS[name] + tail)
        assert verdict != "escaped", detail

    check()


@pytest.mark.parametrize("name", list(HEADERS))
def test_random_tokens_after_a_header(name: str) -> None:
    @BOUNDED
    @given(st.lists(TOKENS, max_size=80))
    def check(tokens: list[str]) -> None:
        verdict, detail = _read(name, (HEADERS[name] + "".join(tokens)).encode())
        assert verdict != "escaped", detail

    check()


ANYTHING = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=4),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


def _clean(call: Any) -> None:
    """Run `call`; a `VfxError` is a clean refusal, anything else fails the test."""
    with contextlib.suppress(vfx_rs.VfxError):
        call()


@BOUNDED
@given(ANYTHING, ANYTHING, ANYTHING)
def test_image_constructor(array: Any, names: Any, metadata: Any) -> None:
    _clean(lambda: vfx_rs.Image(array))
    _clean(lambda: vfx_rs.Image(np.zeros((2, 2, 3), np.float32), channel_names=names, metadata=metadata))


@BOUNDED
@given(ANYTHING)
def test_transfer_functions_and_luts(values: Any) -> None:
    _clean(lambda: vfx_rs.color.srgb_eotf(values))
    _clean(lambda: vfx_rs.lut.Lut1D(values))
    _clean(lambda: vfx_rs.lut.Lut3D(values))


SIZES = st.one_of(
    st.none() | st.booleans() | st.text(max_size=4) | st.lists(st.integers(), max_size=4),
    st.floats(-100, 100) | st.floats(1e8, 1e300) | st.sampled_from([float("nan"), float("inf"), -float("inf")]),
    st.integers(-10, 40) | st.integers(10**8, 10**30),
)
"""Sizes that are either cheap to honour or far past every bound (a legal 1e6 blur would only be slow)."""


@BOUNDED
@given(SIZES, SIZES, SIZES)
def test_ops_bound_their_arguments(radius: Any, size: Any, scale: Any) -> None:
    image = np.random.default_rng(0).random((6, 5, 3)).astype(np.float32)
    _clean(lambda: vfx_rs.ops.blur(image, radius=radius))
    _clean(lambda: vfx_rs.ops.blur(image, sigma=radius, type="gaussian"))
    _clean(lambda: vfx_rs.ops.median(image, size=size))
    _clean(lambda: vfx_rs.ops.histogram(image, bins=size))
    _clean(lambda: vfx_rs.ops.resize(image, scale=scale))
    _clean(lambda: vfx_rs.ops.resize(image, width=size))


@BOUNDED
@given(ANYTHING)
def test_paths(path: Any) -> None:
    _clean(lambda: vfx_rs.read(path))
    _clean(lambda: vfx_rs.lut.read_lut(path))
    _clean(lambda: vfx_rs.ocio.Config.from_string(path))
