"""CLF as SMPTE ST 2136-1 and OCIO's CTF superset, checked against PyOpenColorIO's FileTransform.

Each file is written here, read by `vfx_rs.lut.read_clf` and applied to a grid
reaching outside [0, 1]; OCIO's CPU processor (F32, lossless) applies the same
file, forward and, where the nodes invert, inverse (within 1e-5, and 1e-4
relative above 1, NaN where OCIO gives NaN). Files the
specification or OCIO makes illegal are refused by both, our message naming
the rule and the line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import ATOL_LUT_OCIO, RTOL_LUT_OCIO_ABOVE_1, RTOL_OCIO_SSE_POW
from tests.vfx_rs.lut.ocio_ref import grid, ocio_apply, ocio_file_cpu
from tests.vfx_rs.ocio.oracle import ocio_noise
from vfx_rs.errors import LutError, VfxError
from vfx_rs.lut import read_clf
from vfx_rs.pipeline.ops import HueAdjustOp

OCIO = pytest.importorskip("PyOpenColorIO")

SMPTE = "http://www.smpte-ra.org/ns/2136-1/2024"


def _file(tmp_path: Path, name: str, header: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<ProcessList {header}>\n{body}</ProcessList>\n')
    return path


def _check(path: Path, inverse: bool = False, rgb: np.ndarray | None = None, noise: bool = False) -> float:
    """Our pipeline of `path` (inverted if asked) against OCIO's on `rgb` (default `grid()`): within 1e-5,
    and 1e-4 relative above 1 (issue 18); the error in units of that tolerance. With `noise`, less OCIO's own
    float32 sensitivity (`tests.vfx_rs.ocio.oracle.ocio_noise`, the config checks' allowance)."""
    rgb = grid() if rgb is None else rgb
    pipeline = read_clf(path)
    ours = (pipeline.inverse() if inverse else pipeline).applied(rgb)
    ref = ocio_apply(path, rgb, inverse=inverse)
    slack = np.zeros(ref.shape)
    if noise:
        slack = ocio_noise(ocio_file_cpu(path, inverse=inverse), rgb, ref.astype(np.float64))
    assert np.array_equal(np.isnan(ours), np.isnan(ref)), "NaN pattern differs from OCIO"
    finite = np.isfinite(ref)
    assert np.array_equal(finite, np.isfinite(ours))
    a, b = ours[finite].astype(np.float64), ref[finite].astype(np.float64)
    allowed = np.where(np.abs(b) > 1.0, np.maximum(ATOL_LUT_OCIO, RTOL_LUT_OCIO_ABOVE_1 * np.abs(b)), ATOL_LUT_OCIO)
    err = np.maximum(np.abs(a - b) - np.nan_to_num(slack[finite]), 0.0) / allowed
    assert err.max(initial=0.0) <= 1.0, f"{path.name} (inverse={inverse}): {err.max():.3g} x the tolerance"
    return float(err.max(initial=0.0))


_MATRIX = (
    '<Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">1.1 0.1 0 0 0.9 0.05 0.02 0 1.2</Array></Matrix>\n'
)
_LUT1D = (
    '<LUT1D inBitDepth="32f" outBitDepth="32f"{attrs}><Array dim="5 3">\n'
    "0 0.02 0\n0.3 0.2 0.1\n0.55 0.45 0.3\n0.8 0.7 0.6\n1 0.95 1.1\n</Array></LUT1D>\n"
)
_LUT3D_NAN_INF = [
    f"{r / 2:.3g} {g / 2 * 0.9 + 0.05:.3g} {b / 2:.3g}" for r in range(3) for g in range(3) for b in range(3)
]
_LUT3D_NAN_INF[4] = "NaN 0.5 0.5"
_LUT3D_NAN_INF[13] = "0.5 inf 0.5"
_LUT3D_NAN_INF[17] = "0.5 0.5 -Infinity"
_LUT3D_NAN_INF[26] = "-inf 1 INF"
"""A 3x3x3 table (blue fastest) holding NaN and infinities, as OCIO reads them."""
_CINEON = 'gamma="0.6" refWhite="685" refBlack="95" highlight="1" shadow="0"'

MATCHING = {
    # SMPTE ST 2136-1:2024: the namespace alone versions the file, no id attribute, an <Id> element.
    "smpte_xmlns.clf": (f'xmlns="{SMPTE}"', f"<Id>urn:uuid:9d768121-0cf9-40a3-a8e3-7b49f79858a7</Id>\n{_MATRIX}"),
    "smpte_comp_version.clf": ('compCLFversion="ST2136-1:2024" id="a"', _MATRIX),
    "smpte_prefixed.clf": (
        f'xmlns:clf="{SMPTE}" id="p" compCLFversion="ST2136-1:2024"',
        _MATRIX.replace("<Matrix", "<clf:Matrix").replace("</Matrix", "</clf:Matrix"),
    ),
    # Unknown elements are ignored, as OCIO does (with a warning).
    "ignore.ctf": (
        'version="2.0" id="a"',
        "<Ignore><Matrix>junk</Matrix></Ignore>\n<Vendor a='1'/>\n" + _MATRIX.replace("<Array", "<Extra/><Array"),
    ),
    "cineon_log_v13.ctf": (
        'version="1.3" id="a"',
        f'<Log inBitDepth="32f" outBitDepth="32f" style="linToLog"><LogParams {_CINEON}/></Log>\n',
    ),
    "cineon_log_v2_channels.ctf": (
        'version="2" id="a"',
        '<Log inBitDepth="32f" outBitDepth="32f" style="logToLin">'
        + "".join(
            f'<LogParams channel="{c}" gamma="{g}" refWhite="{w}" refBlack="95" highlight="1" shadow="0.01"/>'
            for c, g, w in (("R", 0.6, 685), ("G", 0.55, 700), ("B", 0.65, 690))
        )
        + "</Log>\n",
    ),
    "moncurve_gamma1.ctf": (
        'version="1.3" id="a"',
        '<Gamma inBitDepth="32f" outBitDepth="32f" style="moncurveRev"><GammaParams gamma="1" offset="0.05"/></Gamma>\n'
        '<Gamma inBitDepth="32f" outBitDepth="32f" style="moncurveFwd"><GammaParams gamma="1" offset="0"/></Gamma>\n',
    ),
    "matrix_alpha_offsets.ctf": (
        'version="1.3" id="a"',
        '<Matrix inBitDepth="10i" outBitDepth="12i"><Array dim="4 5 4">\n'
        "3.24 -1.537 -0.4985 0.6 100\n-0.9693 1.876 0.04156 0.7 200\n0.0556 -0.204 1.0573 0.8 300\n"
        "1.2 1.3 1.4 1.5 0.4\n</Array></Matrix>\n",
    ),
    "matrix_v12_4x4x3.ctf": (
        'version="1.2" id="a"',
        '<Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="4 4 3">\n'
        "3.24 -1.537 -0.4985 0.1\n-0.9693 1.876 0.04156 0.2\n0.0556 -0.204 1.0573 0.3\n0 0 0 0\n</Array></Matrix>\n",
    ),
    "lut1d_hue_adjust.ctf": ('version="1.4" id="a"', _LUT1D.format(attrs=' hueAdjust="dw3"')),
    "lut1d_hue_adjust_v13_ignored.ctf": ('version="1.3" id="a"', _LUT1D.format(attrs=' hueAdjust="dw3"')),
    "inverse_lut1d_hue_adjust.ctf": (
        'version="1.4" id="a"',
        _LUT1D.format(attrs=' hueAdjust="dw3"').replace("LUT1D", "InverseLUT1D"),
    ),
    "index_map_v2.clf": (
        'compCLFversion="2.0" id="a"',
        '<LUT1D inBitDepth="10i" outBitDepth="12i"><IndexMap dim="2"> 64.5@0 940 @ 4 </IndexMap>'
        '<Array dim="5 1">0 1000 2000 3000 4095</Array></LUT1D>\n',
    ),
    "index_map_v3_ignored.clf": (
        'compCLFversion="3.0" id="a"',
        '<LUT1D inBitDepth="32f" outBitDepth="32f"><IndexMap dim="2">0.1@0 0.9@4</IndexMap>'
        '<Array dim="5 1">0 0.2 0.5 0.7 1</Array></LUT1D>\n',
    ),
    # Up to CTF 1.4 (LUT1D) and 1.6 (LUT3D) OCIO's older readers check an IndexMap and do not apply it.
    **{
        f"index_map_lut1d_v{v.replace('.', '')}_{n}.ctf": (
            f'version="{v}" id="a"',
            f'<LUT1D inBitDepth="32f" outBitDepth="32f"><IndexMap dim="{n}">{m}</IndexMap>'
            '<Array dim="3 1">0 0.5 1</Array></LUT1D>\n',
        )
        for v in ("1.3", "1.4", "1.5")
        for n, m in ((2, "0@0 2@2"),) + (((3, "0@0 1@1 2@2"),) if v != "1.5" else ())
    },
    **{
        f"index_map_lut3d_v{v.replace('.', '')}.ctf": (
            f'version="{v}" id="a"',
            '<LUT3D inBitDepth="32f" outBitDepth="32f"><IndexMap dim="2">0@0 2@1</IndexMap>'
            '<Array dim="2 2 2 3">0 0 0 0 0 1 0 1 0 0 1 1 1 0 0 1 0 1 1 1 0 1 1 1</Array></LUT3D>\n',
        )
        for v in ("1.6", "1.7")
    },
    # NaN and infinity in a table: OCIO applies them as 0 and the largest float32 (SanitizeFloat).
    "lut1d_nan_inf.clf": (
        'compCLFversion="3.0" id="a"',
        '<LUT1D inBitDepth="32f" outBitDepth="32f"><Array dim="4 3">\n'
        "NAN -NAN -NAN\nNaN nan INF\ninf inFInity -inf\n-infinity 0 0\n</Array></LUT1D>\n",
    ),
    # Inverted, OCIO searches the raw entries (NaN comparisons decide the flattening and the search).
    "lut1d_nan_inf_inside.clf": (
        'compCLFversion="3.0" id="a"',
        '<LUT1D inBitDepth="32f" outBitDepth="32f"><Array dim="6 3">\n'
        "0 1 nan\n0.2 nan 0.1\nnan 0.6 inf\n0.5 0.4 0.3\ninf 0.2 -inf\n1 0 0.9\n</Array></LUT1D>\n",
    ),
    # An integer output depth: OCIO scales the entries by the float32 1 / 4095 (the top entry 5118.75
    # becomes 1.2500001, not 1.25), which its inverse then searches.
    "lut1d_12i_extended.clf": (
        'compCLFversion="3.0" id="a"',
        '<LUT1D inBitDepth="8i" outBitDepth="12i"><Array dim="9 1">\n'
        "-1023.75 -210.7 358.02 1550.3 2934.6 3958.9 4643.4 5118.0 5118.75\n</Array></LUT1D>\n",
    ),
    # In a 3D table too; the infinities sit beside finite entries of both signs (trilinear must not
    # cancel the float32 limits against each other where OCIO does not).
    **{
        f"lut3d_nan_inf_{interp}.clf": (
            'compCLFversion="3.0" id="a"',
            f'<LUT3D inBitDepth="32f" outBitDepth="32f" interpolation="{interp}"><Array dim="3 3 3 3">\n'
            + "\n".join(_LUT3D_NAN_INF)
            + "\n</Array></LUT3D>\n",
        )
        for interp in ("trilinear", "tetrahedral")
    },
    "cdl_styles.ctf": (
        'version="2.0" id="a"',
        "".join(
            f'<ASC_CDL inBitDepth="32f" outBitDepth="32f" style="{style}"><SOPNode><Slope>1 1 0.8</Slope>'
            "<Offset>-0.02 0 0.15</Offset><Power>1.05 1.15 1.4</Power></SOPNode>"
            "<SatNode><Saturation>0.75</Saturation></SatNode></ASC_CDL>\n"
            for style in ("Fwd", "v1.2_Fwd", "Rev", "v1.2_Rev", "FwdNoClamp", "noClampFwd", "RevNoClamp", "noClampRev")
        ),
    ),
    "log_styles.clf": (
        'compCLFversion="3.0" id="a"',
        '<Log inBitDepth="32f" outBitDepth="32f" style="antiLog2"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="log2"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="linToLog"><LogParams logSideSlope="0.29" '
        'logSideOffset="0.67" linSideSlope="0.99" linSideOffset="0.011" base="10"/></Log>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="antiLog10"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="log10"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="logToLin"><LogParams logSideSlope="0.29" '
        'logSideOffset="0.67" linSideSlope="0.99" linSideOffset="0.011" base="10"/></Log>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="cameraLinToLog"><LogParams logSideSlope="0.057" '
        'logSideOffset="0.55" linSideBreak="0.0078125"/></Log>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="cameraLogToLin"><LogParams logSideSlope="0.057" '
        'logSideOffset="0.55" linSideBreak="0.0078125"/></Log>\n',
    ),
}
"""Files both readers take: (ProcessList attributes, body)."""

INVERTIBLE = {
    "smpte_xmlns.clf",
    "cineon_log_v13.ctf",
    "cineon_log_v2_channels.ctf",
    "moncurve_gamma1.ctf",
    "matrix_v12_4x4x3.ctf",
    "lut1d_hue_adjust.ctf",
    "lut1d_nan_inf.clf",
    "lut1d_nan_inf_inside.clf",
    "lut1d_12i_extended.clf",
}


def test_integer_depth_table_scaled_as_ocio(tmp_path: Path) -> None:
    """The inverse at the table's top entry (5118.75 / 4095 = 1.25), where OCIO's float32 scaling of the
    entries (1.2500001) puts the result inside the last segment rather than at its end."""
    header, body = MATCHING["lut1d_12i_extended.clf"]
    path = _file(tmp_path, "t.clf", header, body)
    _check(path, inverse=True, rgb=np.array([[1.25, 1.2499, 1.2500001], [1.25, 0.5, 1.3]], dtype=np.float32))


@pytest.mark.parametrize("name", sorted(MATCHING))
def test_files_match_ocio(tmp_path: Path, name: str) -> None:
    header, body = MATCHING[name]
    if name == "smpte_prefixed.clf":
        path = tmp_path / name
        path.write_text(f'<?xml version="1.0"?>\n<clf:ProcessList {header}>\n{body}</clf:ProcessList>\n')
    else:
        path = _file(tmp_path, name, header, body)
    _check(path)
    if name in INVERTIBLE:
        _check(path, inverse=True)


def test_hue_adjust_is_one_op(tmp_path: Path) -> None:
    header, body = MATCHING["lut1d_hue_adjust.ctf"]
    (op,) = read_clf(_file(tmp_path, "h.ctf", header, body)).ops
    assert isinstance(op, HueAdjustOp)


_CDL_NO_OFFSET = (
    '<ASC_CDL inBitDepth="32f" outBitDepth="32f" style="Fwd"><SOPNode><Slope>1 1 1</Slope><Power>1 1 1</Power>'
    "</SOPNode></ASC_CDL>\n"
)

ILLEGAL = {
    "cdl_missing_offset.clf": ('compCLFversion="3" id="a"', _CDL_NO_OFFSET, 3, "Offset is missing"),
    "range_empty.clf": (
        'compCLFversion="3" id="a"',
        '<Range inBitDepth="32f" outBitDepth="32f"></Range>\n',
        3,
        "empty",
    ),
    "range_half_pair.clf": (
        'compCLFversion="3" id="a"',
        '<Range inBitDepth="32f" outBitDepth="32f"><minInValue>0</minInValue></Range>\n',
        3,
        "both set or both missing",
    ),
    "no_nodes.clf": ('compCLFversion="3" id="a"', "<Description>nothing</Description>\n", 2, "no process node"),
    "log_in_clf2.clf": (
        'compCLFversion="2.0" id="a"',
        '<Log inBitDepth="32f" outBitDepth="32f" style="log10"/>\n',
        3,
        "CLF file version 2.0 does not support the Log node",
    ),
    "empty_id.clf": ('compCLFversion="3" id=""', _MATRIX, 2, "'id' is present but empty"),
    "smpte_and_version.ctf": (f'version="2.0" id="a" xmlns="{SMPTE}"', _MATRIX, 2, "both 'version'"),
    "bad_comp_version.clf": ('compCLFversion="ST2136-1:2025" id="a"', _MATRIX, 2, "not a version"),
    "future_ctf.ctf": ('version="2.7" id="a"', _MATRIX, 2, "newest read: 2.6"),
    "gamma_alpha_v13.ctf": (
        'version="1.3" id="a"',
        '<Gamma inBitDepth="32f" outBitDepth="32f" style="basicFwd"><GammaParams gamma="2.2"/>'
        '<GammaParams channel="A" gamma="1.2"/></Gamma>\n',
        3,
        "A needs CTF 1.5",
    ),
    "gamma_mirror_v17.ctf": (
        'version="1.7" id="a"',
        '<Gamma inBitDepth="32f" outBitDepth="32f" style="basicMirrorFwd"><GammaParams gamma="2.2"/></Gamma>\n',
        3,
        "newer file version",
    ),
    "hue_adjust_none.ctf": ('version="1.4" id="a"', _LUT1D.format(attrs=' hueAdjust="none"'), 3, "'dw3'"),
    "info_version.ctf": ('version="1.3" id="a"', '<Info version="3.0"/>\n' + _MATRIX, 3, "Info version"),
    "grading_in_v2.ctf": (
        'version="2.0" id="a"',
        '<GradingHueCurve inBitDepth="32f" outBitDepth="32f" style="log"/>\n',
        3,
        "does not support the GradingHueCurve node",
    ),
    "cineon_missing.ctf": (
        'version="1.3" id="a"',
        '<Log inBitDepth="32f" outBitDepth="32f" style="linToLog"><LogParams gamma="0.6" refWhite="685"/></Log>\n',
        3,
        "refBlack",
    ),
}
"""Files OCIO refuses: (attributes, body, line, words our message holds)."""


@pytest.mark.parametrize("name", sorted(ILLEGAL))
def test_illegal_files_refused_like_ocio(tmp_path: Path, name: str) -> None:
    header, body, line, words = ILLEGAL[name]
    path = _file(tmp_path, name, header, body)
    with pytest.raises(Exception):  # noqa: B017 - OCIO raises its plain Exception
        ocio_apply(path, grid()[:4])
    with pytest.raises(LutError) as info:
        read_clf(path)
    assert info.value.path == str(path)
    assert info.value.line == line
    assert words in info.value.message


def _ec(style: str, step: float, dynamic: bool = False) -> str:
    live = '<DynamicParameter param="EXPOSURE"/>' if dynamic else ""
    return (
        f'<ExposureContrast inBitDepth="32f" outBitDepth="32f" style="{style}">'
        f'<ECParams exposure="0.65" contrast="1.2" gamma="0.8" pivot="0.3" logExposureStep="{step}" logMidGray="0.4"/>'
        f"{live}</ExposureContrast>\n"
    )


@pytest.mark.parametrize("style", ["linear", "linearRev", "video", "videoRev", "log", "logRev"])
def test_exposure_contrast_matches_ocio_and_float64(tmp_path: Path, style: str) -> None:
    # OCIO 2.6's CPU logRev ignores logExposureStep (ECLogarithmicRevRenderer never sets it and keeps the
    # default 0.088), so the OCIO comparison uses the default step; the float64 model checks the others.
    step = 0.088 if style == "logRev" else 0.1
    path = _file(tmp_path, f"ec_{style}.ctf", 'version="2.0" id="a"', _ec(style, step, dynamic=style == "video"))
    rgb = grid(-0.2, 4.0)
    _check(path, rgb=rgb)
    ours = read_clf(path).applied(rgb)
    # The exact model (OCIO ExposureContrastOpData.h) in float64, independent of the op code.
    x = rgb.astype(np.float64)
    c, e, p = 1.2 * 0.8, 2.0**0.65, 0.3
    if style.startswith("log"):
        q = max(0.0, np.log2(p / 0.18) * step + 0.4)
        model = (x * c + (0.65 * step - q) * c + q) if style == "log" else (x - q) / c - 0.65 * step + q
    else:
        if style.startswith("video"):
            e, p = e ** (1 / 1.83), p ** (1 / 1.83)
        model = (
            p * np.maximum(0, x * e / p) ** c if not style.endswith("Rev") else p / e * np.maximum(0, x / p) ** (1 / c)
        )
    # The powers use OCIO's SSE approximation, as its CPU renderer does.
    np.testing.assert_allclose(ours, model, rtol=RTOL_OCIO_SSE_POW, atol=1e-6)


def test_exposure_contrast_log_rev_inverts_log_with_any_step(tmp_path: Path) -> None:
    path = _file(tmp_path, "ec_pair.ctf", 'version="2.0" id="a"', _ec("log", 0.1, dynamic=True) + _ec("logRev", 0.1))
    rgb = grid(-0.2, 4.0)
    np.testing.assert_allclose(read_clf(path).applied(rgb), rgb, atol=1e-6)


def test_reference_nested_and_inverted(tmp_path: Path) -> None:
    _file(tmp_path, "inner.clf", 'compCLFversion="3" id="i"', MATCHING["log_styles.clf"][1])
    (tmp_path / "sub").mkdir()
    _file(
        tmp_path / "sub",
        "middle.ctf",
        'version="1.7" id="m"',
        '<Reference inBitDepth="32f" outBitDepth="32f" path="inner.clf"/>\n',
    )
    header, body = MATCHING["cineon_log_v13.ctf"]
    _file(tmp_path, "cineon.ctf", header, body)
    top = _file(
        tmp_path,
        "top.ctf",
        'version="1.7" id="t"',
        '<Reference inBitDepth="32f" outBitDepth="32f" path="sub/middle.ctf" basePath="Shared"/>\n'
        '<Reference inBitDepth="32f" outBitDepth="32f" path="cineon.ctf" inverted="true"/>\n'
        '<Reference inBitDepth="32f" outBitDepth="32f" alias="someLook"/>\n',
    )
    _check(top)


@pytest.mark.parametrize(("name", "tag"), [("lut3d_nan_inf_tetrahedral.clf", "LUT3D")])
def test_table_with_infinity_refuses_inversion(tmp_path: Path, name: str, tag: str) -> None:
    """Forward it applies as OCIO (MATCHING above); OCIO inverts the raw infinities (not this package's
    inverse of the float32 limits), so the inverse of a 3D table is refused, named. (1D tables with
    infinities invert as OCIO: OCIO's lut1d_infinity.ctf in bench/lut_corpus.py.)"""
    header, body = MATCHING[name]
    with pytest.raises(VfxError, match="infinite"):
        read_clf(_file(tmp_path, "a.clf", header, body)).inverse()
    with pytest.raises(LutError, match=rf"a\.ctf:3: Inverse{tag}: .*infinite"):
        read_clf(_file(tmp_path, "a.ctf", 'version="2.0" id="a"', body.replace(tag, f"Inverse{tag}")))


def test_reference_cycle_refused(tmp_path: Path) -> None:
    body = '<Reference inBitDepth="32f" outBitDepth="32f" path="b.ctf"/>\n'
    a = _file(tmp_path, "a.ctf", 'version="1.7" id="a"', body)
    _file(tmp_path, "b.ctf", 'version="1.7" id="b"', body.replace("b.ctf", "a.ctf"))
    with pytest.raises(LutError, match="Reference cycle"):
        read_clf(a)


def test_inverse_lut3d_matches_ocio(tmp_path: Path) -> None:
    n = 5
    axis = np.linspace(0.0, 1.0, n)
    r, g, b = np.meshgrid(axis, axis, axis, indexing="ij")  # r slowest: CLF order, blue fastest
    table = np.stack([r**0.8 * 0.9 + 0.05 * g, 0.1 * r + 0.85 * g**1.1, 0.9 * b**0.9 + 0.05], axis=-1)
    rows = "\n".join(" ".join(f"{v * 4095:.3f}" for v in row) for row in table.reshape(-1, 3))
    path = _file(
        tmp_path,
        "inv3d.ctf",
        'version="1.6" id="a"',
        f'<InverseLUT3D inBitDepth="12i" outBitDepth="32f"><Array dim="{n} {n} {n} 3">\n{rows}\n</Array></InverseLUT3D>\n',
    )
    forward = read_clf(path).inverse()  # the table itself: its outputs are the points the inverse reaches
    rgb = forward.applied(grid(0.0, 1.0)[: 21**3])
    ours, ref = read_clf(path).applied(rgb), ocio_apply(path, rgb)
    np.testing.assert_allclose(ours, ref, atol=ATOL_LUT_OCIO)
