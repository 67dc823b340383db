"""A read-only float64 table is held by `Lut3DOp` and `Lut1DOp` as given (a reader hands its parsed values over):
the same results as a copied table, in float32 and float64, and the op stays immutable."""

from __future__ import annotations

import numpy as np
import pytest

from vfx_rs.errors import ArgumentError
from vfx_rs.pipeline import Pipeline
from vfx_rs.pipeline.ops import Lut1DOp, Lut3DOp


@pytest.mark.parametrize("interpolation", ["trilinear", "tetrahedral"])
def test_an_adopted_table_applies_as_a_copied_one(interpolation: str) -> None:
    rng = np.random.default_rng(4)
    n = 9
    values = rng.uniform(-0.2, 1.3, (n, n, n, 3))
    given = values.transpose(2, 1, 0, 3)  # a view in another order, as the CLF reader hands it over
    given.flags.writeable = False
    adopted = Lut3DOp(table=given, interpolation=interpolation)
    copied = Lut3DOp(table=np.array(given), interpolation=interpolation)
    assert adopted.table is given and not adopted.table.flags.writeable
    assert np.shares_memory(adopted.table, values) and not np.shares_memory(copied.table, values)
    px = rng.uniform(-0.1, 1.1, (500, 3))
    for dtype in (np.float32, np.float64):
        planar_a = np.ascontiguousarray(px.T, dtype=dtype)
        planar_c = planar_a.copy()
        adopted.apply_planar(planar_a)
        copied.apply_planar(planar_c)
        np.testing.assert_array_equal(planar_a, planar_c)
    np.testing.assert_array_equal(Pipeline([adopted]).applied(px), Pipeline([copied]).applied(px))
    with pytest.raises(ValueError):
        adopted.table[0, 0, 0, 0] = 1.0


def test_an_adopted_1d_table_applies_as_a_copied_one() -> None:
    rng = np.random.default_rng(5)
    given = np.sort(rng.uniform(-0.2, 1.3, (1024, 3)), axis=0)
    given.flags.writeable = False
    adopted, copied = Lut1DOp(table=given), Lut1DOp(table=np.array(given))
    assert adopted.table is given and copied.table is not given
    px = rng.uniform(-0.1, 1.1, (500, 3))
    np.testing.assert_array_equal(Pipeline([adopted]).applied(px), Pipeline([copied]).applied(px))
    np.testing.assert_array_equal(Pipeline([adopted.inverse()]).applied(px), Pipeline([copied.inverse()]).applied(px))
    bad = np.array(given)
    bad[3, 1] = np.nan
    bad.flags.writeable = False
    with pytest.raises(ArgumentError, match="finite"):
        Lut1DOp(table=bad)
