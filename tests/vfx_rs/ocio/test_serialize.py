"""`ColorConfig.serialize` / `write_to_file`: the YAML written back loads in PyOpenColorIO and in `vfx_rs.ocio`
with the same names, roles, displays, views and rules as the original, and gives the same conversions
(PyOpenColorIO on the written file against PyOpenColorIO on the original, and ours against ours)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tests.tolerances import RTOL_OCIO_BUILTIN
from tests.vfx_rs.ocio.configs import V1_CONFIG, V2_CONFIG
from tests.vfx_rs.ocio.oracle import (
    CODE_VALUES,
    GRID_VALUES,
    LINEAR_ENCODINGS,
    check_queries,
    grid17,
    ocio_cpu,
    run_cpu,
)
from vfx_rs.ocio import Config
from vfx_rs.ocio.color_config import ColorConfig

OCIO = pytest.importorskip("PyOpenColorIO")

SOURCES = {
    "v2-text": V2_CONFIG,
    "v1-text": V1_CONFIG,
    "aces-1.3-cg": "ocio://cg-config-v2.2.0_aces-v1.3_ocio-v2.4",
    "aces-1.3-studio": "ocio://studio-config-v2.2.0_aces-v1.3_ocio-v2.4",
}


def _load(source: str) -> tuple[Config, object]:
    """Our config and PyOpenColorIO's, from config text or an ocio:// name."""
    if source.startswith("ocio://"):
        return Config.from_file(source), OCIO.Config.CreateFromFile(source)
    return Config.from_string(source), OCIO.Config.CreateFromStream(source)


def _ocio_run(config: object, src: str, dst: str, px: np.ndarray) -> np.ndarray | None:
    """PyOpenColorIO's conversion of `px`, or None where it cannot build the processor."""
    try:
        processor = config.getProcessor(src, dst)  # type: ignore[attr-defined]
    except OCIO.Exception:
        return None
    return run_cpu(ocio_cpu(processor), px)


@pytest.mark.parametrize("source", list(SOURCES.values()), ids=list(SOURCES))
def test_written_config_loads_alike_in_pyopencolorio_and_here(source: str, tmp_path: Path) -> None:
    ours, ref = _load(source)
    path = tmp_path / "written.ocio"
    ColorConfig(ours).write_to_file(path)
    text = path.read_text(encoding="utf-8")
    assert text == ColorConfig(ours).serialize()
    written_ref = OCIO.Config.CreateFromFile(str(path))
    back = Config.from_file(path)
    check_queries(written_ref, ours)
    check_queries(written_ref, back)
    check_queries(ref, back)
    exact = not source.startswith("ocio://")  # text configs: the same numbers; built-ins: ours against OCIO's
    target = "scene_linear" if "scene_linear" in ours.roles else next(iter(ours.colorspaces))
    checked = 0
    for name in ours.colorspace_names(include_inactive=True):
        space = ours.colorspace(name)
        if space.isdata:
            continue
        px = grid17((GRID_VALUES if space.encoding in LINEAR_ENCODINGS else CODE_VALUES)[::2])
        expected, got = _ocio_run(ref, name, target, px), _ocio_run(written_ref, name, target, px)
        assert (expected is None) == (got is None), name
        if expected is not None and got is not None:
            checked += 1
            if exact:
                np.testing.assert_array_equal(got, expected, err_msg=name)
            else:
                assert np.nanmax(np.abs(got - expected) / np.maximum(1.0, np.abs(expected))) <= RTOL_OCIO_BUILTIN, name
            np.testing.assert_array_equal(
                back.processor(name, target).apply(px), ours.processor(name, target).apply(px)
            )
    assert checked >= len(ours.colorspaces) // 2
    display = ours.default_display()
    view = ours.default_view(display)
    px = grid17(CODE_VALUES[::2])
    np.testing.assert_array_equal(
        back.display_processor(target, display, view).apply(px), ours.display_processor(target, display, view).apply(px)
    )
