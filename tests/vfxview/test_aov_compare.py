"""AOV-aware compare: beauty (layer of A) against the sum of its lighting AOVs made in the console; the census
and the difference are those NumPy gives on the same arrays."""

from __future__ import annotations

from pathlib import Path

import numpy as np

import vfx_rs
from vfxview import commands


def test_beauty_against_the_sum_of_aovs(window, qtbot, tmp_path: Path) -> None:
    rng = np.random.default_rng(6)
    diffuse = rng.uniform(0.0, 1.0, size=(10, 14, 3)).astype(np.float32)
    specular = rng.uniform(0.0, 0.3, size=(10, 14, 3)).astype(np.float32)
    beauty = diffuse + specular
    beauty[4, 9, 1] += 0.05  # a light the AOVs miss
    beauty[2, 3, 0] = np.nan  # a NaN only in the beauty
    path = tmp_path / "aovs.exr"
    vfx_rs.write_layers(
        path, {"beauty": vfx_rs.Image(beauty), "diffuse": vfx_rs.Image(diffuse), "specular": vfx_rs.Image(specular)}
    )
    window.docks["Census"].raise_()  # the census panel on screen: it follows A - B
    assert commands.open_image(window.state, path)
    commands.select_layer(window.state, "beauty")
    console = window.panels["Console"]
    console.run_line(f"aov = lambda n: vfx_rs.read_layer({str(path)!r}, n).numpy()")
    console.run_line("viewer.compare = aov('diffuse') + aov('specular')")
    console.run_line("viewer.compare_mode = 'diff'")
    assert window.state.compare_mode == "diff" and window.state.error == ""
    panel = window.panels["Census"]
    qtbot.waitUntil(lambda: panel.pending == 0 and panel.target_label.startswith("A - B"), timeout=10000)
    found = window.state.census
    delta = beauty - (diffuse + specular)
    assert found.counts["R"]["nan"] == int(np.isnan(delta[..., 0]).sum()) == 1
    assert found.positions["nan"] == [(3, 2)]
    assert found.counts["G"]["negative"] == int((delta[..., 1] < 0).sum())
    console.run_line("c = debug.census()")
    assert console.namespace["c"].counts == found.counts and "A - B" in panel.table.text()


def test_session_keeps_each_sides_layer(tmp_path: Path) -> None:
    from vfxview import session_commands
    from vfxview.state import ViewerState

    layers = {n: vfx_rs.Image(np.full((4, 6, 3), v, np.float32)) for n, v in (("beauty", 0.5), ("diffuse", 0.2))}
    vfx_rs.write_layers(tmp_path / "a.exr", layers)
    state = ViewerState()
    assert commands.open_image(state, tmp_path / "a.exr")
    commands.select_layer(state, "diffuse")
    commands.set_compare(state, "diff", tmp_path / "a.exr")
    commands.select_compare_layer(state, "beauty")
    assert session_commands.save_session(state, tmp_path / "s.py")
    replayed = ViewerState()
    assert session_commands.open_session(replayed, tmp_path / "s.py")
    assert (replayed.layer, replayed.compare_layer, replayed.compare_mode) == ("diffuse", "beauty", "diff")
    np.testing.assert_array_equal(replayed.compare.pixels, layers["beauty"].pixels)
