"""Hand-written OCIO config and LUT files for the viewer's color tests (read by vfx_rs and by PyOpenColorIO)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from vfx_rs.view import BUILTIN_CONFIG

HAND_CONFIG = """\
ocio_profile_version: 2
roles:
  default: lin_rec709
  scene_linear: lin_rec709
file_rules:
  - !<Rule> {name: Default, colorspace: default}
displays:
  sRGB:
    - !<View> {name: Standard, colorspace: srgb_display}
    - !<View> {name: Film, colorspace: srgb_display, looks: warm}
    - !<View> {name: Raw, colorspace: raw}
  Gamma22:
    - !<View> {name: Standard, colorspace: g22_display}
looks:
  - !<Look>
    name: warm
    process_space: lin_rec709
    transform: !<CDLTransform> {slope: [1.1, 1.0, 0.9], offset: [0.01, 0, -0.01], power: [1.0, 1.05, 1.1], sat: 0.9}
colorspaces:
  - !<ColorSpace> {name: lin_rec709}
  - !<ColorSpace>
    name: lin_p3
    to_scene_reference: !<MatrixTransform> {matrix: [1.2249, -0.2247, 0, 0, -0.0420, 1.0419, 0, 0, -0.0197, -0.0786, 1.0979, 0, 0, 0, 0, 1]}
  - !<ColorSpace>
    name: srgb_display
    from_scene_reference: !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055, direction: inverse}
  - !<ColorSpace>
    name: g22_display
    from_scene_reference: !<ExponentTransform> {value: 2.2, style: mirror, direction: inverse}
  - !<ColorSpace> {name: raw, isdata: true}
"""
"""A v2 config: two scene-linear spaces, an sRGB display with a look, a mirrored gamma 2.2 display, raw."""


def write_config(folder: Path) -> Path:
    """Write `HAND_CONFIG` as ``hand.ocio`` in `folder`."""
    path = folder / "hand.ocio"
    path.write_text(HAND_CONFIG, encoding="utf-8")
    return path


def write_cube_3d(folder: Path, size: int = 9) -> Path:
    """A 3D ``.cube`` with cross-channel terms (red index fastest, as the Resolve/Adobe format says)."""
    g = np.linspace(0.0, 1.0, size)
    b, gg, r = np.meshgrid(g, g, g, indexing="ij")  # rows run with r fastest
    out = np.stack([r**0.8 * 0.9 + 0.1 * gg, gg**1.2, 0.7 * b + 0.3 * r * gg], axis=-1).reshape(-1, 3)
    lines = ['TITLE "viewer test"', f"LUT_3D_SIZE {size}", *(f"{x:.7f} {y:.7f} {z:.7f}" for x, y, z in out)]
    path = folder / "look3d.cube"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


def write_cube_1d(folder: Path, size: int = 64) -> Path:
    """A 1D ``.cube``: a different gamma per channel over the domain 0..2."""
    x = np.linspace(0.0, 2.0, size)
    out = np.stack([x**0.45, x**0.5, (x / 2.0) ** 0.6], axis=-1)
    lines = [
        f"LUT_1D_SIZE {size}",
        "DOMAIN_MIN 0 0 0",
        "DOMAIN_MAX 2 2 2",
        *(f"{a:.7f} {b:.7f} {c:.7f}" for a, b, c in out),
    ]
    path = folder / "curve1d.cube"
    path.write_text("\n".join(lines) + "\n", encoding="ascii")
    return path


def ocio_cpu(processor: object) -> object:
    """OCIO's exact CPU processor (F32, LOSSLESS: no fast log/exp/pow approximations)."""
    import PyOpenColorIO as OCIO

    return processor.getOptimizedCPUProcessor(OCIO.BIT_DEPTH_F32, OCIO.BIT_DEPTH_F32, OCIO.OPTIMIZATION_LOSSLESS)


def ocio_apply(cpu: object, rgb: np.ndarray) -> np.ndarray:
    """Apply an OCIO CPU processor to float32 ``(..., 3|4)`` pixels (alpha kept); returns a float64 copy."""
    pixels = np.ascontiguousarray(rgb, np.float32).reshape(-1, rgb.shape[-1]).copy()
    (cpu.applyRGBA if rgb.shape[-1] == 4 else cpu.applyRGB)(pixels)
    return pixels.reshape(rgb.shape).astype(np.float64)


def ocio_display(config: object, rgb: np.ndarray, src: str, display: str, view: str, looks: str = "") -> np.ndarray:
    """`rgb` through PyOpenColorIO's display/view processor of `config` (`looks` overrides the view's looks)."""
    import PyOpenColorIO as OCIO

    transform = OCIO.DisplayViewTransform(src=src, display=display, view=view)
    if looks:
        pipeline = OCIO.LegacyViewingPipeline()
        pipeline.setDisplayViewTransform(transform)
        pipeline.setLooksOverride(looks)
        pipeline.setLooksOverrideEnabled(True)
        processor = pipeline.getProcessor(config, config.getCurrentContext())
    else:
        processor = config.getProcessor(transform)
    return ocio_apply(ocio_cpu(processor), rgb)


def ocio_builtin_display(
    rgb: np.ndarray, src: str, display: str, view: str, looks: str = "", config: str = BUILTIN_CONFIG
) -> np.ndarray:
    """Through OCIO's own copy of a built-in config (the ACES 1.3 CG config unless `config` names another)."""
    import PyOpenColorIO as OCIO

    return ocio_display(OCIO.Config.CreateFromFile(config), rgb, src, display, view, looks)


RULES = """\
file_rules:
  - !<Rule> {name: plates_p3, colorspace: lin_p3, pattern: "*_p3_*", extension: "*"}
  - !<Rule> {name: data, colorspace: raw, regex: ".*_data\\\\.exr$"}
  - !<Rule> {name: ColorSpaceNamePathSearch}
  - !<Rule> {name: Default, colorspace: default}
"""
"""File rules: a glob pattern, a regex, the color-space-name-in-path search, then the default role."""


def write_rules_config(folder: Path) -> Path:
    """`HAND_CONFIG` with `RULES` as its file rules, written as ``rules.ocio`` in `folder`."""
    text = HAND_CONFIG.replace("file_rules:\n  - !<Rule> {name: Default, colorspace: default}\n", RULES)
    assert RULES in text
    path = folder / "rules.ocio"
    path.write_text(text, encoding="utf-8")
    return path
