"""CTF's fixed functions and grading nodes against PyOpenColorIO, and the new op kinds written as ``.ctf``.

Same method and tolerances as `tests.vfx_rs.lut.test_ctf` (whose helpers these tests use): each
file is applied by `vfx_rs.lut.read_clf` and by OCIO's FileTransform on a grid reaching outside
[0, 1], within 1e-5, and 1e-4 relative above 1.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_OCIO, RTOL_LUT_OCIO_ABOVE_1
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply
from tests.vfx_rs.lut.test_ctf import _check, _file
from vfx_rs.errors import LutError
from vfx_rs.lut import read_clf
from vfx_rs.pipeline.ops import HueAdjustOp

OCIO = pytest.importorskip("PyOpenColorIO")


_FIXED = (
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="RedMod03Fwd"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="RedMod10Fwd"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="Glow10Rev"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="DarkToDim10"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="GamutComp13Fwd" '
    'params="1.147 1.264 1.312 0.815 0.803 0.88 1.2"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="Rec2100SurroundRev" params="0.9"/>\n'
    '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="Lin_TO_PQ"/>\n'
)

FIXED_FILES = {
    "fixed_chain.ctf": ('version="2.0" id="a"', _FIXED),
    "hsv.ctf": ('version="2.0" id="a"', '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="RGB_to_HSV"/>\n'),
    "hsv_inverse.ctf": (
        'version="2.0" id="a"',
        '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="HSV_TO_RGB"/>\n',
    ),
    "aces_deprecated.ctf": (
        'version="1.6" id="a"',
        '<ACES inBitDepth="32f" outBitDepth="32f" style="Surround"><ACESParams gamma="1.2"/></ACES>\n'
        '<ACES inBitDepth="32f" outBitDepth="32f" style="DimToDark10"/>\n',
    ),
    # Alone: after other ops, last-bit differences flip the hue of near-greys between 0 and 1.
    "function_deprecated.ctf": (
        'version="1.6" id="a"',
        '<Function inBitDepth="32f" outBitDepth="32f" style="RGB_TO_HSV"/>\n',
    ),
}
"""Fixed functions in CTF, each style checked against OCIO (forward and inverse)."""


@pytest.mark.parametrize("name", sorted(FIXED_FILES))
def test_fixed_functions_match_ocio(tmp_path: Path, name: str) -> None:
    header, body = FIXED_FILES[name]
    path = _file(tmp_path, name, header, body)
    _check(path)
    if name not in ("hsv_inverse.ctf", "fixed_chain.ctf"):  # HSV_TO_RGB clamps saturation: no exact inverse
        _check(path, inverse=True)


@pytest.mark.parametrize("index", range(len(_FIXED.splitlines()) - 1))  # PQ: test_pq_to_lin below
def test_fixed_function_inverses_match_ocio(tmp_path: Path, index: int) -> None:
    # In [0, 1]: beyond it OCIO's PQ_TO_Lin and RedMod10Rev give NaN (a power and a square root of a
    # negative number) where vfx_rs's transfer and red-modifier ops saturate.
    path = _file(tmp_path, f"f{index}.ctf", 'version="2.0" id="a"', _FIXED.splitlines()[index] + "\n")
    _check(path, inverse=True, rgb=grid(0.0, 1.0)[: 21**3])


AMPLIFYING_CHAINS = {
    "surround_hsv.ctf": (
        'version="2" id="a"',
        '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="Rec2100SurroundFwd" params="0.8"/>\n'
        '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="HSV_to_RGB"/>\n',
    ),
    "red_mod_surround_hsv.ctf": (
        'version="1.6" id="a"',
        '<ACES inBitDepth="16i" outBitDepth="16i" style="RedMod03Rev"/>\n'
        '<ACES inBitDepth="16i" outBitDepth="16i" style="Surround"><ACESParams gamma="1.2"/></ACES>\n'
        '<Function inBitDepth="16i" outBitDepth="32f" style="HSV_to_RGB"/>\n',
    ),
}
"""HSV_TO_RGB after other fixed functions (OCIO's fixed_function.ctf and deprecated_ops.ctf): fed values that
are not HSV, a saturation clamped near 2 multiplies the last bit of what comes before by about 1000, so the
surround's power, the red modifier's float32 constants, hue weight and atan2 must round as OCIO's do. Where
the input sits on the red modifier's hue-window edge (-0.025, -0.1, -0.025: exactly -60 degrees) the result
hangs on the last bit of the system's atan2f, so the check allows OCIO's own float32 sensitivity there."""


@pytest.mark.parametrize("name", sorted(AMPLIFYING_CHAINS))
def test_ops_before_hsv_to_rgb_round_as_ocio(tmp_path: Path, name: str) -> None:
    header, body = AMPLIFYING_CHAINS[name]
    path = _file(tmp_path, name, header, body)
    greys = np.repeat(np.linspace(-1.0, 8.0, 901)[:, None], 3, axis=1)
    rgb = np.concatenate([grid(-0.25, 1.25), greys]).astype(np.float32)
    _check(path, rgb=rgb, noise=name.startswith("red_mod"))


_HLG = "0 0.0833333333 0.5 1.7320508 0 2.718281828 0.17883277 0.55991073 12 -0.28466892"
_DOUBLE_LOG = "10 0 0.5 -0.2 0.3 -1 1 0.2 0.5148 1 1 0.5 0.3"
CIE_HSY_LOG_STYLES = [
    ("XYZ_TO_xyY", ""),
    ("xyY_TO_XYZ", ""),
    ("XYZ_TO_uvY", ""),
    ("uvY_TO_XYZ", ""),
    ("XYZ_TO_LUV", ""),
    ("LUV_TO_XYZ", ""),
    *((f"{a}_TO_{b}", "") for v in ("LIN", "LOG", "VID") for a, b in (("RGB", f"HSY_{v}"), (f"HSY_{v}", "RGB"))),
    ("Lin_TO_GammaLog", _HLG),
    ("GammaLog_TO_Lin", _HLG),
    ("Lin_TO_DoubleLog", _DOUBLE_LOG),
    ("DoubleLog_TO_Lin", _DOUBLE_LOG),
]
"""CTF FixedFunction styles of the CIE coordinate, HSY and gamma-/double-log ops, with their params."""


@pytest.mark.parametrize(("style", "params"), CIE_HSY_LOG_STYLES)
def test_cie_hsy_and_log_fixed_functions_match_ocio(tmp_path: Path, style: str, params: str) -> None:
    attr = f' params="{params}"' if params else ""
    node = f'<FixedFunction inBitDepth="32f" outBitDepth="32f" style="{style}"{attr}/>\n'
    path = _file(tmp_path, "f.ctf", 'version="2.0" id="a"', node)
    special = np.array([[np.nan, 0.2, 0.3], [np.inf, 0.5, 0.1], [-np.inf, 0.2, 2.0], [0.2, np.nan, -np.inf]])
    rgb = np.concatenate([grid(-1.0, 3.0), special]).astype(np.float32)
    _check(path, rgb=rgb)
    _check(path, inverse=True, rgb=rgb)


def _st2084_decode(code: np.ndarray) -> np.ndarray:
    """SMPTE ST 2084 EOTF in float64, linear 1.0 = 100 cd/m2 (the published constants)."""
    m1, m2, c1, c2, c3 = 0.1593017578125, 78.84375, 0.8359375, 18.8515625, 18.6875
    v = np.abs(code) ** (1 / m2)
    return np.sign(code) * 100.0 * (np.maximum(v - c1, 0) / (c2 - c3 * v)) ** (1 / m1)


def test_pq_to_lin_matches_st2084_and_ocio(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "pq.ctf",
        'version="2.0" id="a"',
        '<FixedFunction inBitDepth="32f" outBitDepth="32f" style="PQ_TO_Lin"/>\n',
    )
    codes = grid(0.0, 1.0)[: 21**3]
    ours = read_clf(path).applied(codes).astype(np.float64)
    truth = _st2084_decode(codes.astype(np.float64))
    np.testing.assert_allclose(ours, truth, rtol=2e-6, atol=1e-9)
    # OCIO evaluates the steep curve in float32 powers: allow what a 1e-6 relative change of the code makes.
    slack = np.abs(_st2084_decode(codes.astype(np.float64) * (1 + 1e-6)) - truth)
    assert np.all(
        np.abs(ours - ocio_apply(path, codes)) <= ATOL_LUT_OCIO + slack + RTOL_LUT_OCIO_ABOVE_1 * np.abs(truth)
    )


def _written_ops() -> list[object]:
    from vfx_rs.pipeline.ops import (
        AcesDarkToDimOp,
        AcesGamutCompressOp,
        AcesGlowOp,
        AcesRedModOp,
        AlphaMatrixOp,
        CieCoordsOp,
        DoubleLogOp,
        GammaLogOp,
        HsvOp,
        HsyOp,
        LuminancePowerOp,
        Lut1DOp,
        Lut3DOp,
    )

    x = np.linspace(0.0, 1.0, 17)
    curve = Lut1DOp(table=np.stack([x**0.8, 0.05 + 0.9 * x, x**1.3], axis=1))
    axis = np.linspace(0.0, 1.0, 5)
    b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
    cube = Lut3DOp(table=np.stack([r**0.9, 0.1 * r + 0.85 * g, 0.95 * b + 0.02], axis=-1), interpolation="trilinear")
    return [
        HueAdjustOp(inner=curve),
        HueAdjustOp(inner=curve).inverse(),
        curve.inverse(),
        cube.inverse(),
        HsvOp(to_hsv=True),
        HsvOp(to_hsv=False),
        LuminancePowerOp(exponent=0.85, floor=1e-4),
        LuminancePowerOp(exponent=0.85, floor=1e-4).inverse(),
        AcesRedModOp(forward=False),
        AcesGlowOp(gain=0.075, mid=0.1),
        AcesDarkToDimOp(gamma=1 / 0.9811),
        AcesGamutCompressOp(forward=False),
        AlphaMatrixOp(matrix=np.eye(4) + 0.05, offset=[0.01, -0.02, 0.03, 0.1]),
        CieCoordsOp(style="luv"),
        CieCoordsOp(style="uvy", forward=False),
        HsyOp(style="lin"),
        HsyOp(style="vid", to_hsy=False),
        GammaLogOp.from_params([float(v) for v in _HLG.split()]),
        DoubleLogOp.from_params([float(v) for v in _DOUBLE_LOG.split()]).inverse(),
    ]


@pytest.mark.parametrize("index", range(len(_written_ops())))
def test_new_kinds_written_as_ctf_are_read_by_ocio_with_our_result(tmp_path: Path, index: int) -> None:
    from vfx_rs.lut import write_lut
    from vfx_rs.pipeline import Pipeline

    op = _written_ops()[index]
    path = tmp_path / f"op{index}.ctf"
    write_lut(path, Pipeline([op], optimize=False))  # type: ignore[list-item]
    # In [0, 1] for the 3D inverse (the table's range) and RedMod10Rev (OCIO: NaN beyond, see above).
    rgb = grid(0.0, 1.0)[: 21**3] if index in (3, 8) else grid()
    ours = Pipeline([op]).applied(rgb)  # type: ignore[list-item]
    ref = ocio_apply(path, rgb)
    np.testing.assert_allclose(ours, ref, atol=ATOL_LUT_OCIO, rtol=RTOL_LUT_OCIO_ABOVE_1)
    assert type(read_clf(path).ops[0]) is type(op)


def test_clf_refuses_kinds_only_ctf_holds(tmp_path: Path) -> None:
    from vfx_rs.lut import write_lut

    with pytest.raises(LutError, match=r"no CLF \(write a \.ctf"):
        write_lut(tmp_path / "h.clf", [_written_ops()[0]])


_PRIMARY = (
    '<Brightness rgb="0.1 -0.05 0.02" master="0.03"/><Contrast rgb="1.1 0.9 1.05" master="1.02"/>'
    '<Gamma rgb="1.1 0.95 1" master="1.05"/><Offset rgb="0.01 0 -0.01" master="0.005"/>'
    '<Exposure rgb="0.2 -0.1 0" master="0.1"/><Lift rgb="0.01 0.02 0" master="0"/>'
    '<Gain rgb="1.1 1 0.9" master="1.05"/><Saturation master="1.2"/><Pivot contrast="0.1" black="0.05" white="0.95"/>'
)
_TONE_CHILDREN = (
    '<Blacks rgb="1.1 1 0.9" master="1.05" start="0.1" width="0.3"/>'
    '<Shadows rgb="0.9 1 1.1" master="1" start="0.5" pivot="0.05"/>'
    '<Midtones rgb="1.05 1 1" master="1.1" center="0.4" width="0.6"/>'
    '<Highlights rgb="1 1.1 1" master="0.95" start="0.3" pivot="0.9"/>'
    '<Whites rgb="1 1 1.05" master="1" start="0.4" width="0.5"/><SContrast master="1.1"/>'
)


@pytest.mark.parametrize("kind", ["GradingPrimary", "GradingTone"])
@pytest.mark.parametrize("style", ["log", "linear", "video"])
def test_grading_nodes_match_ocio(tmp_path: Path, kind: str, style: str) -> None:
    children = _PRIMARY if kind == "GradingPrimary" else _TONE_CHILDREN
    if kind == "GradingPrimary" and style == "linear":
        children += '<Clamp black="-0.1" white="4"/>'
    body = f'<{kind} inBitDepth="32f" outBitDepth="32f" style="{style}">{children}</{kind}>\n'
    path = _file(tmp_path, f"{kind}_{style}.ctf", 'version="2.0" id="a"', body)
    rgb = grid(-0.1, 1.2)
    _check(path, rgb=rgb)
    _check(path, inverse=True, rgb=rgb)
    rev = _file(
        tmp_path, f"{kind}_{style}_rev.ctf", 'version="2.0" id="a"', body.replace(f'"{style}"', f'"{style}Rev"')
    )
    _check(rev, rgb=rgb)


_CURVES = (
    "<Red><ControlPoints>0 0.05, 0.3 0.25, 0.7 0.8, 1 1</ControlPoints></Red>"
    "<Green><ControlPoints>0 0 0.5 0.55 1 1.1</ControlPoints><Slopes>1.1 1 0.9</Slopes></Green>"
    "<Master><ControlPoints>0 0, 0.4 0.35, 1 1</ControlPoints></Master>"
)


@pytest.mark.parametrize("style", ["log", "linear", "video", "linear bypass"])
def test_grading_rgb_curve_matches_ocio(tmp_path: Path, style: str) -> None:
    curves = _CURVES.replace(" 1 1<", " 6 6<") if style == "linear" else _CURVES
    style, bypass = style.split()[0], ' bypassLinToLog="true"' if "bypass" in style else ""
    body = f'<GradingRGBCurve inBitDepth="32f" outBitDepth="32f" style="{style}"{bypass}>{curves}</GradingRGBCurve>\n'
    rgb = grid(-0.1, 1.2)
    rev = body.replace(f'"{style}"', f'"{style}Rev"')
    for name, text in ((f"c_{style}{bool(bypass)}.ctf", body), (f"c_{style}{bool(bypass)}_rev.ctf", rev)):
        path = _file(tmp_path, name, 'version="2.0" id="a"', text)
        _check(path, rgb=rgb)
        _check(path, inverse=True, rgb=rgb)


_HUE_CURVES = (
    "<HueHue><ControlPoints>0 0.05 0.2 0.2 0.4 0.45 0.6 0.6 0.8 0.8</ControlPoints></HueHue>"
    "<HueSat><ControlPoints>0 1.2, 0.25 0.8, 0.5 1, 0.75 1.3</ControlPoints></HueSat>"
    "<HueLum><ControlPoints>0.1 1.1 0.4 0.9 0.7 1</ControlPoints></HueLum>"
    "<SatSat><ControlPoints>0 0 0.3 0.4 1 0.95</ControlPoints><Slopes>1.2 1 0.8</Slopes></SatSat>"
    "<SatLum><ControlPoints>0 1 0.5 0.95 1 1.05</ControlPoints></SatLum>"
    "<HueFx><ControlPoints>0 0 0.3 0.05 0.6 -0.03</ControlPoints></HueFx>"
)
_HUE_LOG = "<LumSat><ControlPoints>0 0.9 0.5 1.1 1 1</ControlPoints></LumSat>"
_HUE_LIN = (
    "<LumSat><ControlPoints>-7 0.9 0 1.1 7 1</ControlPoints></LumSat>"
    "<LumLum><ControlPoints>-7 -7 -2 -2.3 7 7</ControlPoints></LumLum>"
)


@pytest.mark.parametrize("style", ["log", "linear", "video", "log none"])
def test_grading_hue_curve_matches_ocio(tmp_path: Path, style: str) -> None:
    style, hsy = style.split()[0], ' hsyTransform="none"' if "none" in style else ""
    curves = _HUE_CURVES + (_HUE_LIN if style == "linear" else _HUE_LOG)
    body = f'<GradingHueCurve inBitDepth="32f" outBitDepth="32f" style="{style}"{hsy}>{curves}</GradingHueCurve>\n'
    rgb = grid(-0.1, 1.2)
    rev = body.replace(f'"{style}"', f'"{style}Rev"')
    for name, text in ((f"h_{style}{bool(hsy)}.ctf", body), (f"h_{style}{bool(hsy)}_rev.ctf", rev)):
        path = _file(tmp_path, name, 'version="2.5" id="a"', text)
        _check(path, rgb=rgb)
        _check(path, inverse=True, rgb=rgb)


def test_grading_hue_curve_refuses_an_unknown_hsy_transform(tmp_path: Path) -> None:
    body = '<GradingHueCurve inBitDepth="32f" outBitDepth="32f" style="log" hsyTransform="rgb"/>\n'
    with pytest.raises(LutError, match="hsyTransform 'rgb'"):
        read_clf(_file(tmp_path, "hue.ctf", 'version="2.5" id="a"', body))
