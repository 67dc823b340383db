"""What every CLF/CTF node reader shares: the `NodeContext` and the ``Array`` helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from vfx_rs._text import quote, whole_number
from vfx_rs.errors import ArgumentError
from vfx_rs.lut.clf_header import Header
from vfx_rs.lut.clf_xml import Node
from vfx_rs.lut.limits import Path
from vfx_rs.pipeline.op import Op

__all__ = ["NodeContext", "NodeReader", "array_dims", "array_of", "wrap"]


@dataclass(frozen=True)
class NodeContext:
    """What a node reader may need beyond the node: the file, its header, the FileTransform's
    LUT3D interpolation, the chain of files referring to this one (real paths, this one last)
    and the reader of referenced files."""

    path: Path
    header: Header
    lut3d_interpolation: str = "trilinear"
    chain: tuple[str, ...] = ()
    read_ops: Callable[[str, tuple[str, ...]], list[Op]] | None = None
    """Reads a referenced file's ops, given the chain of referring files (for ``Reference`` nodes)."""


NodeReader = Callable[[Node, float, float, NodeContext], list[Op]]
"""A node reader: node, in and out bit-depth maxima, context -> ops on normalized values."""


def array_dims(node: Node, array: Node) -> list[int]:
    """The ``dim`` attribute of `node`'s `array` as positive integers."""
    raw = array.attr("dim")
    if raw is None:
        raise array.error(f"{node.tag} Array has no dim attribute")
    parsed = [whole_number(d) for d in raw.split()]
    dims = [d for d in parsed if d is not None]
    if len(dims) != len(parsed):
        raise array.error(f"{node.tag} Array dim {quote(raw)} is not a list of integers")
    if not dims or min(dims) < 1:
        raise array.error(f"{node.tag} Array dim {raw!r} is not a list of positive integers")
    return dims


def array_of(node: Node) -> Node:
    """The ``Array`` child of `node`."""
    array = node.child("Array")
    if array is None:
        raise node.error(f"{node.tag} has no Array element")
    return array


def wrap(node: Node, build: Callable[[], list[Op]]) -> list[Op]:
    """`build()`, with an op's `ArgumentError` turned into a `LutError` naming the node and line."""
    try:
        return build()
    except ArgumentError as exc:
        raise node.error(f"invalid {node.tag}: {exc.message}") from None
