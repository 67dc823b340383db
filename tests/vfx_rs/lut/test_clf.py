"""``.clf``/``.ctf`` files checked against OpenColorIO's FileTransform on the same files.

Files come from PyOpenColorIO's writers (a GroupTransform written as
"Academy/ASC Common LUT Format" and as "Color Transform Format") and from
hand-written edge cases (every bit depth, 3x4 and legacy matrices, IndexMap,
rawHalfs, v2 files, per-channel parameters, a CTF InverseLUT1D). Each is read by `vfx_rs` and
applied to a dense grid reaching outside [0, 1]; the result matches OCIO's
CPU processor (F32, lossless) within `ATOL_LUT_OCIO`, measured as
``|ours - ocio| / max(1, |ocio|)`` (absolute up to 1, relative beyond).
Files we write are read by OCIO with the result of our pipeline, and read
back by us with identical op parameters.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs.lut as lut
from tests.tolerances import ATOL_CLF_REWRITE, ATOL_LUT_OCIO
from tests.vfx_rs.lut.ocio_ref import grid
from vfx_rs.lut.clf import read_clf, write_clf
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import (
    CdlOp,
    ExponentLinearOp,
    ExponentOp,
    HalfLut1DOp,
    LogOp,
    Lut1DOp,
    Lut3DOp,
    MatrixOp,
    RangeOp,
)
from vfx_rs.pipeline.ops.lut1d_half import half_domain

OCIO = pytest.importorskip("PyOpenColorIO")

FORMATS = {".clf": "Academy/ASC Common LUT Format", ".ctf": "Color Transform Format"}
"""OCIO's writer names for the two file kinds."""


def ocio_file(path: Path, rgb: np.ndarray, interpolation: object = None) -> np.ndarray:
    """`rgb` through OCIO's FileTransform of `path` (CPU, F32, lossless)."""
    cfg = OCIO.Config.CreateRaw()
    transform = OCIO.FileTransform(src=str(path))
    if interpolation is not None:
        transform.setInterpolation(interpolation)
    proc = cfg.getProcessor(transform)
    cpu = proc.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)
    out = np.ascontiguousarray(rgb.copy())
    cpu.applyRGB(out)
    return out


def assert_matches_ocio(path: Path, pipeline: Pipeline | None = None, rgb: np.ndarray | None = None) -> float:
    """Apply `path` (or `pipeline`) and OCIO's FileTransform of `path`; return the measured max error."""
    rgb = grid() if rgb is None else rgb
    ours = (read_clf(path) if pipeline is None else pipeline).applied(rgb)
    ref = ocio_file(path, rgb)
    assert np.array_equal(np.isnan(ours), np.isnan(ref)), "NaN pattern differs from OCIO"
    finite = np.isfinite(ref)
    assert np.array_equal(finite, np.isfinite(ours))
    err = np.abs(ours[finite] - ref[finite]) / np.maximum(1.0, np.abs(ref[finite]))
    assert err.max(initial=0.0) <= ATOL_LUT_OCIO, f"{path.name}: max error {err.max():.3g}"
    return float(err.max(initial=0.0))


def _lut1d(n: int, half: bool = False) -> object:
    t = OCIO.Lut1DTransform(length=n, inputHalfDomain=half, outputRawHalfs=half)
    x = np.nan_to_num(half_domain(), nan=0.0, posinf=0.0, neginf=0.0) if half else np.linspace(0.0, 1.0, n)
    data = np.stack([np.sign(x) * np.abs(x) ** 0.6, 0.1 + 0.8 * x, np.log2(np.abs(x) + 1.0) * 0.7], axis=1)
    t.setData(data.astype(np.float32).ravel())
    return t


def _lut3d(n: int, interpolation: object) -> object:
    t = OCIO.Lut3DTransform(gridSize=n, interpolation=interpolation)
    axis = np.linspace(0.0, 1.0, n)
    for i, r in enumerate(axis):
        for j, g in enumerate(axis):
            for k, b in enumerate(axis):
                t.setValue(i, j, k, r**1.4 * 0.9 + 0.1 * g, 0.2 * r + 0.7 * g**0.8 + 0.1 * b, b * b * 0.8 + 0.15)
    return t


def _styled(transform: object, style: object) -> object:
    transform.setStyle(style)  # type: ignore[attr-defined]
    return transform


def _groups() -> dict[str, list[object]]:
    inverse = OCIO.TRANSFORM_DIR_INVERSE
    return {
        "chain": [
            OCIO.MatrixTransform(
                matrix=[1.1, 0.1, 0, 0, 0, 0.9, 0.05, 0, 0.02, 0, 1.2, 0, 0, 0, 0, 1], offset=[0.01, 0.02, -0.01, 0]
            ),
            OCIO.RangeTransform(minInValue=-0.1, maxInValue=1.5, minOutValue=0.0, maxOutValue=1.0),
            OCIO.ExponentTransform(value=[2.2, 2.0, 1.8, 1.0]),
            OCIO.LogAffineTransform(logSideSlope=[0.3, 0.25, 0.2], linSideOffset=[0.01] * 3, logSideOffset=[0.6] * 3),
            OCIO.CDLTransform(slope=[1.1, 1, 0.9], offset=[0.01, 0, -0.01], power=[1.2, 1, 0.8], sat=1.1),
            _lut1d(33),
            _lut3d(9, OCIO.INTERP_TETRAHEDRAL),
            OCIO.ExponentWithLinearTransform(gamma=[2.4, 2.2, 2.6, 1], offset=[0.055, 0.099, 0.05, 0]),
        ],
        "styles": [
            _styled(
                OCIO.CDLTransform(slope=[0.9, 1.2, 1], offset=[-0.02, 0.05, 0], power=[0.8, 1.3, 1.1], sat=0.8),
                OCIO.CDL_ASC,
            ),
            OCIO.ExponentTransform(value=[1.5, 0.7, 2.0, 1.0], negativeStyle=OCIO.NEGATIVE_MIRROR),
            OCIO.ExponentTransform(
                value=[1.3, 1.3, 1.3, 1.0], negativeStyle=OCIO.NEGATIVE_PASS_THRU, direction=inverse
            ),
            _styled(
                OCIO.RangeTransform(minInValue=0.0, maxInValue=1.0, minOutValue=-0.2, maxOutValue=1.3),
                OCIO.RANGE_NO_CLAMP,
            ),
            OCIO.RangeTransform(minInValue=-0.1, minOutValue=-0.1),
            OCIO.RangeTransform(maxInValue=1.2, maxOutValue=1.2),
            OCIO.LogCameraTransform(
                linSideBreak=[0.01] * 3, logSideSlope=[0.25] * 3, logSideOffset=[0.5] * 3, linSideOffset=[0.02] * 3
            ),
            OCIO.LogCameraTransform(
                linSideBreak=[0.05] * 3,
                linearSlope=[3.0] * 3,
                logSideSlope=[0.25] * 3,
                logSideOffset=[0.5] * 3,
                linSideOffset=[0.1] * 3,
                direction=inverse,
            ),
            _lut3d(5, OCIO.INTERP_LINEAR),
            OCIO.ExponentWithLinearTransform(
                gamma=[2.4] * 3 + [1], offset=[0.055] * 3 + [0], negativeStyle=OCIO.NEGATIVE_MIRROR, direction=inverse
            ),
        ],
        "inverse_cdl_log10": [
            OCIO.LogTransform(base=10.0),
            OCIO.LogTransform(base=2.0, direction=inverse),
            OCIO.CDLTransform(
                slope=[1.2, 1, 0.8], offset=[0.02, 0, 0.01], power=[1.1, 0.9, 1], sat=1.2, direction=inverse
            ),
            _styled(OCIO.CDLTransform(slope=[1.1] * 3, power=[1.2] * 3, sat=0.9, direction=inverse), OCIO.CDL_ASC),
        ],
        "half_domain": [_lut1d(65536, half=True)],
    }


@pytest.mark.parametrize("ext", sorted(FORMATS))
@pytest.mark.parametrize("name", ["chain", "half_domain", "inverse_cdl_log10", "styles"])
def test_files_written_by_ocio_match_ocio(tmp_path: Path, name: str, ext: str) -> None:
    path = tmp_path / f"{name}{ext}"
    path.write_text(OCIO.GroupTransform(_groups()[name]).write(formatName=FORMATS[ext], config=OCIO.Config.CreateRaw()))
    assert_matches_ocio(path)
    assert isinstance(lut.read(path), Pipeline)


def test_half_domain_reaches_beyond_half_range(tmp_path: Path) -> None:
    path = tmp_path / "half.clf"
    path.write_text(
        OCIO.GroupTransform(_groups()["half_domain"]).write(formatName=FORMATS[".clf"], config=OCIO.Config.CreateRaw())
    )
    x = np.concatenate(
        [np.geomspace(1e-9, 1e5, 4001), -np.geomspace(1e-9, 1e5, 4001), [0.0, -0.0, 65504.0, 65519.0, 7e4]]
    )
    assert_matches_ocio(path, rgb=np.repeat(x[:, None], 3, axis=1).astype(np.float32))


def _clf(body: str, header: str = 'compCLFversion="3.0" id="t"') -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<ProcessList {header}>\n{body}</ProcessList>\n'


_RAMP11 = " ".join(str(v) for v in np.round(np.linspace(0, 1, 11) ** 0.5 * 1023))
_RAMP4 = "0 5 40 4095"

HAND_WRITTEN = {
    "matrix_10i_to_12i_3x4": _clf(
        '<Matrix inBitDepth="10i" outBitDepth="12i"><Array dim="3 4">\n'
        "3.5 0.2 0.1 100\n0.1 3.9 0.0 -50\n0.0 0.3 3.7 20\n</Array></Matrix>\n"
    ),
    "matrix_legacy_333_v2": _clf(
        '<Description>a v2 file</Description>\n<Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3 3">\n'
        "0.9 0.05 0.05\n0.1 0.8 0.1\n0 0.1 0.9\n</Array></Matrix>\n",
        'compCLFversion="2.0" id="v2"',
    ),
    "matrix_4x5_16i_to_32f": _clf(
        '<Matrix inBitDepth="16i" outBitDepth="32f"><Array dim="4 5 4">\n'
        "1.0e-5 0 0 0 0.01\n0 1.5e-5 0 0 0\n0 0 1.2e-5 0 -0.02\n0 0 0 1.0e-5 0\n</Array></Matrix>\n"
    ),
    "range_16i_to_8i": _clf(
        '<Range inBitDepth="16i" outBitDepth="8i"><minInValue>4096</minInValue><maxInValue>60000</maxInValue>'
        "<minOutValue>16</minOutValue><maxOutValue>235</maxOutValue></Range>\n"
    ),
    "range_max_only_12i_to_16f": _clf(
        '<Range inBitDepth="12i" outBitDepth="16f"><maxInValue>4095</maxInValue><maxOutValue>1.0</maxOutValue></Range>\n'
    ),
    "lut1d_10i_out_one_component": _clf(
        f'<LUT1D inBitDepth="32f" outBitDepth="10i"><Array dim="11 1">{_RAMP11}</Array></LUT1D>\n'
    ),
    "lut1d_12i_chain_index_map": _clf(
        '<Range inBitDepth="32f" outBitDepth="12i"><minInValue>0</minInValue><maxInValue>1</maxInValue>'
        "<minOutValue>0</minOutValue><maxOutValue>4095</maxOutValue></Range>\n"
        '<LUT1D inBitDepth="12i" outBitDepth="12i"><IndexMap dim="2">256@0 3840@3</IndexMap>'
        f'<Array dim="4 1">{_RAMP4}</Array></LUT1D>\n'
        '<Matrix inBitDepth="12i" outBitDepth="32f"><Array dim="3 3">'
        "2.442e-4 0 0 0 2.442e-4 0 0 0 2.442e-4</Array></Matrix>\n",
        'compCLFversion="2.0" id="index-map"',
    ),
    "lut1d_raw_halfs_16f": _clf(
        '<LUT1D inBitDepth="16f" outBitDepth="16f" rawHalfs="true"><Array dim="3 3">\n'
        "0 15360 14336\n14336 15360 16384\n15360 14336 0\n</Array></LUT1D>\n"
    ),
    "lut3d_16i_out_tetrahedral": _clf(
        '<LUT3D inBitDepth="32f" outBitDepth="16i" interpolation="tetrahedral"><Array dim="2 2 2 3">\n'
        "0 0 0\n0 0 65535\n0 40000 0\n5000 60000 65535\n65535 0 0\n60000 3000 50000\n65535 65535 0\n65535 65535 65535\n"
        "</Array></LUT3D>\n"
    ),
    "cdl_default_style_exponent_per_channel": _clf(
        '<ASC_CDL inBitDepth="32f" outBitDepth="32f"><SOPNode><Slope>1.2 1.0 0.9</Slope><Offset>-0.05 0 0.05</Offset>'
        "<Power>0.9 1.1 1.3</Power></SOPNode><SatNode><Saturation>1.3</Saturation></SatNode></ASC_CDL>\n"
        '<Exponent inBitDepth="32f" outBitDepth="32f" style="basicRev"><ExponentParams channel="R" exponent="2.2"/>'
        '<ExponentParams channel="G" exponent="1.8"/><ExponentParams channel="B" exponent="2.6"/>'
        "</Exponent>\n"
    ),
    "log_styles": _clf(
        '<Log inBitDepth="32f" outBitDepth="32f" style="log10"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="antiLog2"/>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="linToLog"><LogParams base="10" logSideSlope="0.2" '
        'logSideOffset="0.6" linSideSlope="1.1" linSideOffset="0.01"/></Log>\n'
        '<Log inBitDepth="32f" outBitDepth="32f" style="cameraLogToLin"><LogParams channel="R" base="2" logSideSlope="0.3" '
        'logSideOffset="0.5" linSideBreak="0.02" linSideOffset="0.05"/><LogParams channel="G" base="2" logSideSlope="0.2" '
        'logSideOffset="0.45" linSideBreak="0.03" linSideOffset="0.05"/><LogParams channel="B" base="2" logSideSlope="0.25" '
        'logSideOffset="0.5" linSideBreak="0.01" linSideOffset="0.04"/></Log>\n'
    ),
    "smpte_xmlns_only": _clf(
        '<Matrix inBitDepth="32f" outBitDepth="32f"><Array dim="3 3">2 0 0 0 1 0 0 0.5 1</Array></Matrix>\n',
        'xmlns="http://www.smpte-ra.org/ns/2136-1/2024"',
    ),
    "inverse_lut1d_10i_ctf": _clf(
        '<InverseLUT1D inBitDepth="10i" outBitDepth="32f"><Array dim="6 3">\n0 0 1023\n40 100 900\n150 300 700\n'
        "400 600 400\n800 800 100\n1023 1000 0\n</Array></InverseLUT1D>\n",
        'version="1.7" id="inverse"',
    ),
    "gamma_ctf_moncurve_rev": _clf(
        '<Gamma inBitDepth="32f" outBitDepth="32f" style="monCurveRev"><GammaParams gamma="2.4" offset="0.055"/></Gamma>\n',
        'version="1.7" id="ctf"',
    ),
}


@pytest.mark.parametrize("name", sorted(HAND_WRITTEN))
def test_hand_written_files_match_ocio(tmp_path: Path, name: str) -> None:
    ext = ".ctf" if name.endswith("_ctf") or "ctf" in name else ".clf"
    path = tmp_path / f"{name}{ext}"
    path.write_text(HAND_WRITTEN[name])
    rgb = grid()
    # Matrices mixing channels of +-1e6 cancel to float32 noise in both libraries; LUTs keep the extremes.
    assert_matches_ocio(path, rgb=rgb[:-3] if name.startswith("matrix") else rgb)


_LUT3D_NO_ATTRIBUTE = _clf(
    '<LUT3D inBitDepth="32f" outBitDepth="32f"><Array dim="2 2 2 3">\n'
    "0 0 0\n0 0 1\n0 1 0\n0.1 0.9 0.8\n1 0 0\n0.9 0.2 0.7\n1 1 0\n1 1 1\n</Array></LUT3D>\n"
)


@pytest.mark.parametrize("interpolation", ["default", "linear", "tetrahedral", "best"])
@pytest.mark.parametrize("attribute", [None, "tetrahedral", "trilinear"])
def test_file_interpolation_applies_to_lut3d_without_its_own(
    tmp_path: Path, interpolation: str, attribute: str | None
) -> None:
    text = _LUT3D_NO_ATTRIBUTE
    if attribute is not None:
        text = text.replace('outBitDepth="32f">', f'outBitDepth="32f" interpolation="{attribute}">')
    path = tmp_path / "cube.clf"
    path.write_text(text)
    rgb = grid()
    ours = read_clf(path, interpolation).applied(rgb)
    ref = ocio_file(path, rgb, getattr(OCIO, f"INTERP_{interpolation.upper()}"))
    assert np.max(np.abs(ours - ref)) <= ATOL_LUT_OCIO


def _written_ops() -> list[object]:
    axis = np.linspace(0.0, 1.0, 7)
    b, g, r = np.meshgrid(axis, axis, axis, indexing="ij")
    cube = np.stack([r**1.3, 0.8 * g + 0.1 * b, b**0.7], axis=-1)
    h = np.nan_to_num(half_domain(), nan=0.0, posinf=0.0, neginf=0.0)
    return [
        MatrixOp(matrix=[[0.9, 0.1, 0.0], [0.05, 0.9, 0.05], [0.0, 0.2, 0.8]], offset=[0.01, 0.0, -0.02]),
        RangeOp.from_bounds(-0.05, 1.4, 0.0, 1.2),
        RangeOp(scale=1.2, offset=-0.1),
        RangeOp(scale=0.9, offset=0.05, lo=0.0),
        ExponentOp(exponent=(1.2, 1.1, 0.9), style="mirror"),
        ExponentOp(exponent=(2.2, 2.2, 2.2), style="pass"),
        LogOp(base=2.0, log_side_slope=0.1, log_side_offset=0.6, lin_side_offset=0.02),
        LogOp(base=2.0, log_side_slope=0.5, lin_side_break=(0.1, 0.1, 0.1), linear_slope=(1.5, 1.5, 1.5), to_log=False),
        ExponentLinearOp(gamma=(2.4, 2.4, 2.2), offset=(0.055, 0.055, 0.099), decode=False, style="mirror"),
        Lut1DOp(table=np.stack([axis**0.5, axis, 1 - axis], 1), domain_min=[-0.1, 0, 0], domain_max=[1.2, 1, 2]),
        ExponentOp(exponent=(1.0, 1.0, 1.0), style="clamp"),
        CdlOp(
            slope=(1.1, 0.9, 1.0), offset=(0.02, -0.01, 0.0), power=(1.2, 0.8, 1.0), saturation=0.9, style="noclamp_fwd"
        ),
        CdlOp(
            slope=(1.1, 0.9, 1.0), offset=(0.02, -0.01, 0.0), power=(1.2, 0.8, 1.0), saturation=1.2, style="v1.2_rev"
        ),
        HalfLut1DOp(table=np.stack([h * 0.5, np.tanh(h), np.sign(h) * np.sqrt(np.abs(h))], 1)),
        Lut3DOp(table=cube, interpolation="tetrahedral"),
        Lut3DOp(
            table=cube[..., ::-1], domain_min=[-0.1, -0.1, 0.0], domain_max=[1.1, 1.3, 1.0], interpolation="trilinear"
        ),
    ]


@pytest.mark.parametrize("index", range(16))
def test_each_written_op_is_read_by_ocio_with_our_result(tmp_path: Path, index: int) -> None:
    path = tmp_path / "op.clf"
    pipeline = Pipeline([_written_ops()[index]], optimize=False)
    write_clf(path, pipeline)
    # Without the +-1e6 extremes: a channel-mixing matrix cancels them to float32 noise in both libraries.
    assert_matches_ocio(path, pipeline, rgb=grid()[:-3])


def test_written_files_read_by_ocio_and_back_exactly(tmp_path: Path) -> None:
    ops = _written_ops()
    path = tmp_path / "ours.clf"
    pipeline = Pipeline(ops, optimize=False)
    write_clf(path, pipeline, name="vfx-rs test", description="every writable op <&>")
    assert_matches_ocio(path, pipeline)
    rgb = grid()
    np.testing.assert_allclose(read_clf(path).applied(rgb), pipeline.applied(rgb), rtol=0, atol=ATOL_CLF_REWRITE)


def test_written_parameters_read_back_identical(tmp_path: Path) -> None:
    kinds = (Lut3DOp, LogOp, ExponentLinearOp, HalfLut1DOp, ExponentOp, MatrixOp, CdlOp)
    ops = [op for op in _written_ops() if isinstance(op, kinds) and not np.any(getattr(op, "domain_min", 0.0))]
    path = tmp_path / "params.clf"
    write_clf(path, ops)
    assert list(read_clf(path)) == list(Pipeline(ops))
