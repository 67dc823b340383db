"""Batch frames on a Dask distributed cluster (the optional ``[dist]`` extra).

Each frame is one task calling the same `vfx_rs.cli.batch.run_task` as the
local process pool; results (and errors) are gathered as they complete.

Pointing a studio farm at it: start a scheduler (``dask scheduler``, port
8786) and workers on the render nodes (``dask worker tcp://HOST:8786
--nthreads 1 --nworkers N``) in an environment with vfx-rs installed, with
inputs and outputs on storage every node sees under the same paths; then
``vfx ... --scheduler tcp://HOST:8786``. ``--scheduler local`` starts a
`LocalCluster` of ``-j`` single-threaded worker processes on loopback.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

from vfx_rs.cli.batch import FrameResult, FrameTask, run_task
from vfx_rs.errors import ArgumentError

__all__ = ["run_on_dask"]


def _dask() -> Any:
    """The dask.distributed module, or an `ArgumentError` saying how to install it."""
    try:
        import dask.distributed
    except ImportError as exc:
        raise ArgumentError('--scheduler needs dask.distributed: pip install "vfx-rs[dist]"') from exc
    return dask.distributed


def _client(address: str, jobs: int) -> tuple[Any, Any]:
    dist = _dask()
    if address == "local":
        cluster = dist.LocalCluster(
            n_workers=jobs, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        return dist.Client(cluster), cluster
    return dist.Client(address, timeout=30), None


def run_on_dask(tasks: list[FrameTask], jobs: int, address: str) -> Iterator[FrameResult]:
    """Results as they complete, one Dask task per frame on the cluster at `address` (or ``local``)."""
    as_completed = _dask().as_completed
    if not tasks:
        return
    client, cluster = _client(address, jobs)
    try:
        info = client.scheduler_info()
        print(f"vfx: dask scheduler {info['address']}, {len(info['workers'])} workers", file=sys.stderr)
        futures = client.map(run_task, tasks, pure=False)
        by_key = {f.key: t for f, t in zip(futures, tasks, strict=True)}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as exc:  # the worker died or the task could not run
                yield FrameResult(by_key[future.key], f"{type(exc).__name__}: {exc}", 0.0)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
