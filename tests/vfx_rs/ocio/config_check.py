"""Check a whole OCIO config against PyOpenColorIO: every color space pair, display view and look.

`check_config` builds each conversion with both libraries and compares them
with `tests.vfx_rs.ocio.oracle.compare` (1e-4, relative above 1, less OCIO's
own float32 sensitivity). A conversion OCIO refuses must be refused here
too; one OCIO builds must build here. Used by the tests on hand-written
configs and by ``bench/ocio_configs.py`` on real-world configs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tests.vfx_rs.ocio.oracle import compare, grid17, source_grid

__all__ = ["ConfigReport", "check_config"]

LIMIT = 1e-4
"""Largest error of a matching conversion (issue 20: 1e-4, relative above 1)."""


@dataclass
class ConfigReport:
    """Outcome of every conversion of one config."""

    path: str
    matched: list[str] = field(default_factory=list)
    mismatched: list[tuple[str, float | str]] = field(default_factory=list)
    ours_refused: list[tuple[str, str]] = field(default_factory=list)
    both_refused: list[str] = field(default_factory=list)
    ocio_only_refused: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Conversions OCIO builds."""
        return len(self.matched) + len(self.mismatched) + len(self.ours_refused)

    def failures(self) -> list[str]:
        """One line per conversion that does not match."""
        return [f"{what}: {err}" for what, err in [*self.mismatched, *self.ours_refused]] + [
            f"{what}: built here, refused by OCIO" for what in self.ocio_only_refused
        ]


def _pixels(encoding: str, values: int) -> np.ndarray:
    if values == 17:
        return source_grid(encoding)
    light = encoding in ("scene-linear", "display-linear", "data", "")
    axis = np.geomspace(1e-3, 64.0, values - 2) if light else np.linspace(0.0, 1.0, values - 2)
    return grid17(np.concatenate([[-0.05, 0.0], axis]))


def _check(report: ConfigReport, what: str, ref: Any, ours: Any, px: np.ndarray) -> None:
    from vfx_rs.errors import VfxError

    try:
        ref_proc = ref()
    except Exception:  # any OCIO refusal
        try:
            ours()
        except VfxError:
            report.both_refused.append(what)
        else:
            report.ocio_only_refused.append(what)
        return
    try:
        proc = ours()
    except VfxError as exc:
        report.ours_refused.append((what, str(exc)))
        return
    try:
        err = compare(ref_proc, proc, px, power_noise=True)
    except AssertionError as exc:
        report.mismatched.append((what, f"inf/NaN differ ({exc})"))
        return
    if err <= LIMIT:
        report.matched.append(what)
    else:
        report.mismatched.append((what, err))


def check_config(path: str, values: int = 17, sample: int | None = None) -> ConfigReport:
    """Compare every pair, view and look of the config at `path`; `values` per channel in the test grid.

    With `sample`, at most that many pairs and that many views, picked at random (seed 0), for large configs.
    """
    import PyOpenColorIO as OCIO

    from vfx_rs.ocio import Config

    ref = OCIO.Config.CreateFromFile(path)
    ours = Config.from_file(path)
    report = ConfigReport(path)
    names = [cs.getName() for cs in ref.getColorSpaces(OCIO.SEARCH_REFERENCE_SPACE_ALL, OCIO.COLORSPACE_ALL)]
    encodings = {n: ref.getColorSpace(n).getEncoding() for n in names}
    rng = np.random.default_rng(0)

    def pick(items: list[Any]) -> list[Any]:
        if sample is None or len(items) <= sample:
            return items
        return [items[i] for i in sorted(rng.choice(len(items), sample, replace=False))]

    for src, dst in pick(list(itertools.permutations(names, 2))):
        _check(
            report,
            f"{src} -> {dst}",
            lambda s=src, d=dst: ref.getProcessor(s, d),
            lambda s=src, d=dst: ours.processor(s, d),
            _pixels(encodings[src], values),
        )
    views = [(d, v, s) for d in ref.getDisplaysAll() for v in ref.getViews(d) for s in names]
    for display, view, src in pick(views):
        _check(
            report,
            f"{src} -> {display} / {view}",
            lambda s=src, d=display, v=view: ref.getProcessor(s, d, v, OCIO.TRANSFORM_DIR_FORWARD),
            lambda s=src, d=display, v=view: ours.display_processor(s, d, v),
            _pixels(encodings[src], values),
        )
    linear = "scene_linear" if ref.hasRole("scene_linear") else names[0]
    for look in ref.getLookNames():
        for sign in ("+", "-"):
            _check(
                report,
                f"look {sign}{look}",
                lambda lk=sign + look: ref.getProcessor(OCIO.LookTransform(linear, linear, lk)),
                lambda lk=sign + look: ours.processor(linear, linear, looks=lk),
                _pixels(encodings[ref.getColorSpace(linear).getName()], values),
            )
    return report
