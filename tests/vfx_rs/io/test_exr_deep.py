"""Deep OpenEXR: `read_deep` gives the samples OpenImageIO reads, and `read` gives the flattened image
(front-to-back "over" of the depth-sorted samples), checked against OpenImageIO's flatten on the OpenEXR
project's deep files and against a per-pixel reference loop on unsorted synthetic samples."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import vfx_rs
from tests.conftest import TESTDATA, corpus_files
from tests.tolerances import ATOL_FLOAT32_ULP
from vfx_rs.deep import DeepImage
from vfx_rs.io.exr_deep import read_deep

DEEP = TESTDATA / "openexr-images" / "valid" / "openexr" / "v2" / "LowResLeftView"
DEEP_FILES = [DEEP / f"{n}.exr" for n in ("Balls", "Leaves", "Trunks")] if DEEP.is_dir() else []

RTOL_FLATTEN = 1e-6
"""Front-to-back over in float32 (ours) against OpenImageIO's float32 loop: a few ulp apart."""


def _oiio_samples(path: Path) -> tuple[np.ndarray, dict[str, list[float]], list[str]]:
    """Counts, and the samples of a seeded subset of pixels, read by OpenImageIO."""
    oiio = pytest.importorskip("OpenImageIO")
    dd = oiio.ImageBuf(str(path)).deepdata()
    names = [dd.channelname(c) for c in range(dd.channels)]
    counts = np.array([dd.samples(i) for i in range(dd.pixels)], np.int64)
    picks = np.random.default_rng(7).choice(np.nonzero(counts)[0], 300, replace=False)
    values = {n: [dd.deep_value(int(p), c, s) for p in picks for s in range(counts[p])] for c, n in enumerate(names)}
    return counts, {"pixels": picks.tolist(), **values}, names


@pytest.mark.testdata
@pytest.mark.parametrize("path", corpus_files(DEEP_FILES), ids=lambda p: p.stem if p else "none")
def test_read_deep_gives_the_samples_openimageio_reads(path: Path) -> None:
    deep = read_deep(path)
    counts, picked, names = _oiio_samples(path)
    assert sorted(deep.channel_names) == sorted(names)
    np.testing.assert_array_equal(deep.counts.ravel(), counts)
    offsets = deep.offsets()
    for name in names:
        ours = np.concatenate([deep.samples[name][offsets[p] : offsets[p + 1]] for p in picked["pixels"]])
        np.testing.assert_array_equal(ours, np.asarray(picked[name], np.float32))


@pytest.mark.testdata
@pytest.mark.parametrize("path", corpus_files(DEEP_FILES), ids=lambda p: p.stem if p else "none")
def test_read_flattens_like_openimageio(path: Path) -> None:
    oiio = pytest.importorskip("OpenImageIO")
    ours = vfx_rs.read(path)
    src = oiio.ImageBuf(str(path))
    flat = oiio.ImageBufAlgo.flatten(src)
    reference = flat.get_pixels(oiio.FLOAT)
    names = list(flat.spec().channelnames)
    assert ours.channel_names == ["R", "G", "B", "A", "Z"]
    for name in ("R", "G", "B", "A"):
        np.testing.assert_allclose(
            ours.pixels[..., ours.channel_index(name)], reference[..., names.index(name)], rtol=RTOL_FLATTEN, atol=1e-7
        )
    # Z: the nearest sample's depth (OpenImageIO blends depths instead); inf where a pixel has no samples.
    dd = src.deepdata()
    z = ours.pixels[..., ours.channel_index("Z")].ravel()
    for p in np.random.default_rng(3).choice(dd.pixels, 500, replace=False):
        n = dd.samples(int(p))
        expected = min(dd.deep_value(int(p), dd.Z_channel, s) for s in range(n)) if n else np.inf
        assert z[p] == np.float32(expected)
    roi = src.roi
    assert ours.data_window == (roi.xbegin, roi.ybegin, roi.xend - 1, roi.yend - 1)


def _reference_flatten(counts: np.ndarray, samples: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The over formula pixel by pixel, in float64, after sorting each pixel's samples by Z."""
    out = {n: np.zeros(counts.size) for n in samples}
    start = 0
    for p, n in enumerate(counts.ravel()):
        idx = sorted(range(start, start + n), key=lambda i: samples["Z"][i])
        start += n
        acc = 0.0
        for i in idx:
            if acc >= 1.0:
                break
            for name in ("R", "G", "B"):
                out[name][p] += (1.0 - acc) * samples[name][i]
            acc += (1.0 - acc) * samples["A"][i]
        out["A"][p] = acc
        out["Z"][p] = samples["Z"][idx[0]] if idx else np.inf
    return out


def test_flatten_sorts_unsorted_samples_and_composites_front_to_back() -> None:
    rng = np.random.default_rng(11)
    counts = rng.integers(0, 5, size=(9, 7)).astype(np.uint32)
    total = int(counts.sum())
    alpha = rng.uniform(0.0, 1.0, total).astype(np.float32)
    alpha[::7] = 1.0  # opaque samples hide what lies behind them
    samples = {
        "R": (rng.uniform(0, 2, total) * alpha).astype(np.float32),
        "G": (rng.uniform(0, 2, total) * alpha).astype(np.float32),
        "B": (rng.uniform(0, 2, total) * alpha).astype(np.float32),
        "A": alpha,
        "Z": rng.uniform(1.0, 100.0, total).astype(np.float32),
    }
    flat = DeepImage(counts, samples).flatten()
    reference = _reference_flatten(counts, {k: v.astype(np.float64) for k, v in samples.items()})
    for name in ("R", "G", "B", "A", "Z"):
        np.testing.assert_allclose(
            flat.pixels[..., flat.channel_index(name)].ravel(), reference[name], rtol=1e-6, atol=ATOL_FLOAT32_ULP
        )


def test_pixel_returns_that_pixels_samples() -> None:
    counts = np.array([[1, 0], [2, 1]], np.uint32)
    deep = DeepImage(counts, {"A": np.array([0.5, 0.2, 0.3, 1.0], np.float32), "Z": np.arange(4, dtype=np.float32)})
    np.testing.assert_array_equal(deep.pixel(0, 1)["Z"], [1.0, 2.0])
    assert deep.pixel(1, 0)["A"].size == 0
    with pytest.raises(vfx_rs.ArgumentError, match="outside"):
        deep.pixel(2, 0)


def test_bad_deep_arrays_and_flat_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(vfx_rs.ArgumentError, match="counts sum to 3"):
        DeepImage(np.array([[1, 2]], np.uint32), {"A": np.zeros(2, np.float32)})
    with pytest.raises(vfx_rs.ArgumentError, match="needs an A channel"):
        DeepImage(np.array([[1]], np.uint32), {"R": np.zeros(1, np.float32)}).flatten()
    flat = tmp_path / "flat.exr"
    vfx_rs.write(flat, vfx_rs.Image(np.zeros((2, 2, 3), np.float32)))
    with pytest.raises(vfx_rs.FormatError, match="flat pixels, not deep samples"):
        read_deep(flat)


def test_merge_combines_samples_over_the_union_of_data_windows() -> None:
    rng = np.random.default_rng(5)

    def layer(window: tuple[int, int, int, int]) -> DeepImage:
        w, h = window[2] - window[0] + 1, window[3] - window[1] + 1
        counts = rng.integers(0, 3, size=(h, w)).astype(np.uint32)
        n = int(counts.sum())
        a = rng.uniform(0.1, 0.9, n).astype(np.float32)
        chans = {c: (rng.uniform(0, 1, n) * a).astype(np.float32) for c in "RGB"}
        return DeepImage(counts, {**chans, "A": a, "Z": rng.uniform(1, 50, n).astype(np.float32)}, window)

    first, second = layer((2, 1, 6, 4)), layer((0, 3, 3, 7))
    merged = first.merge(second)
    assert merged.data_window == (0, 1, 6, 7)
    assert merged.total_samples == first.total_samples + second.total_samples
    # Each pixel of the union holds both images' samples: compare with the reference loop over them.
    for x, y in [(3, 3), (2, 4), (6, 1), (0, 7), (1, 1)]:
        expected = {c: [] for c in "RGBAZ"}
        for d in (first, second):
            px, py = x - d.data_window[0], y - d.data_window[1]
            if 0 <= px < d.width and 0 <= py < d.height:
                for c, v in d.pixel(px, py).items():
                    expected[c].extend(v.tolist())
        got = merged.pixel(x - 0, y - 1)
        for c in "RGBAZ":
            assert sorted(got[c].tolist()) == sorted(expected[c])
        n = len(expected["Z"])
        ref = _reference_flatten(np.array([[n]]), {c: np.asarray(v, np.float64) for c, v in expected.items()})
        flat = merged.flatten().pixels[y - 1, x]
        np.testing.assert_allclose(flat[:4], [ref[c][0] for c in "RGBA"], rtol=1e-6, atol=1e-7)
