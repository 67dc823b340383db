"""Deep images: `DeepImage` (what `vfx_rs.read_deep` returns), and vfx-rs-py's ``deep`` module:
`DeepData`, `DeepStats` and the functions `flatten_deep`, `deepen`, `deepen_with_z`, `deep_merge`,
`deep_holdout`, `deep_holdout_matte`, `deep_tidy`, `deep_stats`."""

from vfx_rs.deep.algo import (
    deep_holdout,
    deep_holdout_matte,
    deep_merge,
    deep_stats,
    deep_tidy,
    deepen,
    deepen_with_z,
    flatten_deep,
)
from vfx_rs.deep.data import DeepData, DeepStats
from vfx_rs.deep.image import DEPTH_CHANNELS, DeepImage

__all__ = [
    "DEPTH_CHANNELS",
    "DeepData",
    "DeepImage",
    "DeepStats",
    "deep_holdout",
    "deep_holdout_matte",
    "deep_merge",
    "deep_stats",
    "deep_tidy",
    "deepen",
    "deepen_with_z",
    "flatten_deep",
]
