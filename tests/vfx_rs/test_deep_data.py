"""vfx-rs-py's ``vfx_rs.deep`` (`DeepData` and the deep functions) against OpenImageIO's ``DeepData`` and its
deep ImageBufAlgo functions (``flatten``, ``deepen``, ``deep_merge``, ``deep_holdout``), on seeded synthetic
samples (with exact depth overlaps and opaque samples) and on the OpenEXR project's deep files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.conftest import TESTDATA, corpus_files
from tests.tolerances import RTOL_DEEP_OIIO
from vfx_rs.deep import DeepData
from vfx_rs.errors import ArgumentError

oiio = pytest.importorskip("OpenImageIO")

NAMES = ["R", "G", "B", "A", "Z"]
DEEP = TESTDATA / "openexr-images" / "valid" / "openexr" / "v2" / "LowResLeftView"


def _synthetic(pixels: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Counts and premultiplied RGBAZ rows: depths on a coarse grid (so some repeat), some samples opaque."""
    rng = np.random.default_rng(seed)
    counts = rng.integers(0, 6, pixels)
    n = int(counts.sum())
    alpha = np.where(rng.random(n) < 0.2, 1.0, rng.uniform(0.05, 0.95, n))
    colour = rng.uniform(0, 1, (n, 3)) * alpha[:, None]
    z = rng.integers(1, 5, n).astype(np.float64)
    return counts, np.column_stack([colour, alpha, z]).astype(np.float32)


def _ours(counts: np.ndarray, table: np.ndarray, names: list[str] = NAMES) -> DeepData:
    deep = DeepData(len(counts), names)
    deep.replace(counts.astype(np.int64), table.copy())
    return deep


def _theirs(counts: np.ndarray, table: np.ndarray, names: list[str] = NAMES):
    dd = oiio.DeepData()
    dd.init(len(counts), len(names), [oiio.FLOAT] * len(names), names)
    row = 0
    for p, n in enumerate(counts):
        dd.set_samples(p, int(n))
        for s in range(n):
            for c in range(len(names)):
                dd.set_deep_value(p, c, s, float(table[row, c]))
            row += 1
    return dd


def _assert_same(ours: DeepData, dd) -> None:
    assert ours.pixels == dd.pixels
    for p in range(dd.pixels):
        assert ours.samples(p) == dd.samples(p), p
        theirs = [[dd.deep_value(p, c, s) for c in range(dd.channels)] for s in range(dd.samples(p))]
        np.testing.assert_allclose(
            np.array(ours.pixel_values(p)).reshape(-1, dd.channels),
            np.array(theirs).reshape(-1, dd.channels),
            rtol=RTOL_DEEP_OIIO,
            atol=1e-7,
        )


def _deep_file(tmp_path: Path, name: str, counts: np.ndarray, table: np.ndarray, width: int):
    """A deep EXR written by OpenImageIO, read back as its ImageBuf."""
    spec = oiio.ImageSpec(width, len(counts) // width, len(NAMES), oiio.FLOAT)
    spec.channelnames, spec.deep = tuple(NAMES), True
    path = str(tmp_path / f"{name}.exr")
    out = oiio.ImageOutput.create(path)
    assert out.open(path, spec) and out.write_deep_image(_theirs(counts, table)) and out.close()
    return oiio.ImageBuf(path)


def test_per_pixel_operations_match_openimageio_deepdata() -> None:
    counts, table = _synthetic(40, 1)
    ours, dd = _ours(counts, table), _theirs(counts, table)
    assert (ours.z_channel, ours.a_channel, ours.channel_names()) == (dd.Z_channel, dd.A_channel, NAMES)
    for p in range(dd.pixels):
        assert ours.opaque_z(p) == pytest.approx(dd.opaque_z(p))
        for step in ("sort", "merge_overlaps", "occlusion_cull"):
            getattr(ours, step)(p)
            getattr(dd, step)(p)
        assert ours.opaque_z(p) == pytest.approx(dd.opaque_z(p))
    _assert_same(ours, dd)
    # Editing: inserted samples are 0 (OpenImageIO leaves them unset, so compare after writing them).
    for deep in (ours, dd):
        deep.erase_samples(3, 0, min(1, deep.samples(3)))
        deep.insert_samples(5, 0, 2)
        deep.set_samples(7, deep.samples(7) + 1)
    for p, s in [(5, 0), (5, 1), (7, dd.samples(7) - 1)]:
        assert ours.pixel_values(p)[s] == [0.0] * 5
        for c in range(5):
            dd.set_deep_value(p, c, s, 0.0)
    _assert_same(ours, dd)
    assert ours.capacity(5) >= ours.samples(5)
    _assert_same(DeepData.from_deep_image(ours.to_deep_image(8, 5)), dd)  # the edited pixels joined into one table


def test_tidy_is_sort_merge_cull_per_pixel() -> None:
    counts, table = _synthetic(300, 2)
    ours, dd = _ours(counts, table), _theirs(counts, table)
    vfx_rs.deep.deep_tidy(ours)
    for p in range(dd.pixels):
        dd.sort(p)
        dd.merge_overlaps(p)
        dd.occlusion_cull(p)
    _assert_same(ours, dd)


@pytest.mark.parametrize("cull", [False, True])
def test_deep_merge_matches_openimageio(tmp_path: Path, cull: bool) -> None:
    (ca, ta), (cb, tb) = _synthetic(48, 3), _synthetic(48, 4)
    merged = vfx_rs.deep.deep_merge(_ours(ca, ta), _ours(cb, tb), occlusion_cull=cull)
    a, b = _deep_file(tmp_path, "a", ca, ta, 8), _deep_file(tmp_path, "b", cb, tb, 8)
    # OpenImageIO 3.2's deep_merge appends B's samples to A's; the original then sorts and merges overlaps.
    dd = oiio.ImageBufAlgo.deep_merge(a, b, occlusion_cull=False).deepdata()
    for p in range(dd.pixels):
        dd.sort(p)
        dd.merge_overlaps(p)
        if cull:
            dd.occlusion_cull(p)
    _assert_same(merged, dd)


def test_holdout_matte_matches_openimageio(tmp_path: Path) -> None:
    (ca, ta), (ch, th) = _synthetic(48, 5), _synthetic(48, 6)
    ours, holdout = _ours(ca, ta), _ours(ch, th)
    for deep in (ours, holdout):
        deep.tidy()  # OpenImageIO's holdout reads sorted samples
    sorted_a, sorted_h = ours.table(), holdout.table()
    reference = oiio.ImageBufAlgo.deep_holdout(
        _deep_file(tmp_path, "a", *sorted_a, 8), _deep_file(tmp_path, "h", *sorted_h, 8)
    ).deepdata()
    vfx_rs.deep.deep_holdout_matte(ours, holdout)
    _assert_same(ours, reference)


def test_holdout_at_a_depth_keeps_the_nearer_samples() -> None:
    counts, table = _synthetic(30, 7)
    deep = _ours(counts, table)
    vfx_rs.deep.deep_holdout(deep, 2.5)
    np.testing.assert_array_equal(deep.table()[1], table[table[:, 4] <= 2.5])
    assert deep.stats().max_z <= 2.5
    with pytest.raises(ArgumentError, match="Z channel"):
        vfx_rs.deep.deep_holdout(DeepData(2, ["R", "A"]), 1.0)


def test_deepen_and_flatten_match_openimageio() -> None:
    rng = np.random.default_rng(8)
    rgba = rng.uniform(0.1, 1, (5, 7, 4)).astype(np.float32)
    src = oiio.ImageBuf(oiio.ImageSpec(7, 5, 4, oiio.FLOAT))
    src.set_pixels(src.roi, rgba)
    reference = oiio.ImageBufAlgo.deepen(src, 3.0).deepdata()
    deep = vfx_rs.deep.deepen(vfx_rs.Image(rgba), 3.0)
    _assert_same(deep, reference)
    z = vfx_rs.Image(rng.uniform(1, 9, (5, 7, 1)).astype(np.float32))
    with_z = vfx_rs.deep.deepen_with_z(vfx_rs.Image(rgba), z)
    np.testing.assert_array_equal(with_z.table()[1][:, 4], z.pixels.ravel())
    both = vfx_rs.deep.deep_merge(deep, with_z)
    flat = vfx_rs.deep.flatten_deep(both, 7, 5)
    merged = oiio.ImageBufAlgo.deep_merge(oiio.ImageBufAlgo.deepen(src, 3.0), _deepened(src, z.pixels))
    expected = oiio.ImageBufAlgo.flatten(merged).get_pixels(oiio.FLOAT)[..., :4]
    np.testing.assert_allclose(flat.pixels, expected, rtol=RTOL_DEEP_OIIO, atol=1e-7)
    assert flat.channel_names == ["R", "G", "B", "A"]


def _deepened(src, z: np.ndarray):
    """OpenImageIO's deepen of `src` with a Z channel taken from `z`."""
    withz = oiio.ImageBufAlgo.channel_append(src, oiio.ImageBuf(z))
    withz.specmod().channelnames = ("R", "G", "B", "A", "Z")
    return oiio.ImageBufAlgo.deepen(withz)


@pytest.mark.testdata
@pytest.mark.parametrize(
    "path", corpus_files([DEEP / "Trunks.exr"] if DEEP.is_dir() else []), ids=lambda p: p.stem if p else "none"
)
def test_file_samples_flatten_and_stats_match_openimageio(path: Path) -> None:
    image = vfx_rs.read_deep(path)
    deep = DeepData.from_deep_image(image)
    src = oiio.ImageBuf(str(path))
    dd = src.deepdata()
    counts = np.array([dd.samples(p) for p in range(dd.pixels)])
    np.testing.assert_array_equal(deep.all_samples(), counts)
    stats = vfx_rs.deep.deep_stats(deep)
    assert (stats.total_samples, stats.max_samples_per_pixel) == (counts.sum(), counts.max())
    assert (stats.empty_pixels, stats.multi_sample_pixels) == ((counts == 0).sum(), (counts > 1).sum())
    columns = [[dd.channelname(c) for c in range(dd.channels)].index(n) for n in deep.channel_names()]
    for p in np.random.default_rng(9).choice(np.flatnonzero(counts), 50, replace=False):
        theirs = [[dd.deep_value(int(p), c, s) for c in columns] for s in range(counts[p])]
        np.testing.assert_array_equal(deep.pixel_values(int(p)), theirs)
    flat = vfx_rs.deep.flatten_deep(deep, image.width, image.height)
    reference = oiio.ImageBufAlgo.flatten(src)
    names = list(reference.spec().channelnames)
    pixels = reference.get_pixels(oiio.FLOAT)
    for i, name in enumerate("RGBA"):
        np.testing.assert_allclose(flat.pixels[..., i], pixels[..., names.index(name)], rtol=RTOL_DEEP_OIIO, atol=1e-7)
    assert deep.to_deep_image(image.width, image.height).total_samples == counts.sum()


def test_bad_indices_and_shapes_raise() -> None:
    deep = DeepData(4, NAMES)
    deep.set_samples(1, 2)
    for call in (
        lambda: deep.samples(4),
        lambda: deep.value(1, 5, 0),
        lambda: deep.value(1, 0, 2),
        lambda: deep.erase_samples(1, 1, 2),
        lambda: deep.insert_samples(1, 3, 1),
        lambda: vfx_rs.deep.flatten_deep(deep, 3, 3),
        lambda: vfx_rs.deep.flatten_deep(DeepData(4, ["R", "Z"]), 2, 2),
        lambda: vfx_rs.deep.deep_merge(DeepData(1, ["A", "Z"]), DeepData(1, ["A", "Z", "Q"])),
    ):
        with pytest.raises(ArgumentError):
            call()
    assert repr(deep) == "DeepData(pixels=4, channels=5)" and "total_samples=2" in repr(deep.stats())
    deep.clear()
    assert (deep.pixels, deep.channels) == (0, 0)
