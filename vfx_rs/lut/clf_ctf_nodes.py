"""CTF-only process nodes: ``ExposureContrast`` and ``Reference``.

``ExposureContrast`` (OpenColorIO CTFReaderExposureContrastElt): style
``linear``, ``video`` or ``log`` (``...Rev`` for the inverse), an
``ECParams`` child with ``exposure``, ``contrast`` and ``pivot`` (required),
``gamma`` (1), ``logExposureStep`` (0.088) and ``logMidGray`` (0.435);
``DynamicParameter`` children mark the values live. The ops are
`vfx_rs.pipeline.exposure_contrast` (matrices and an exponent).

``Reference`` (CTFReaderReferenceElt; FileFormatCTF.cpp BuildOp): the ops of
another CLF/CTF file named by ``path``, inverted when ``inverted="true"``.
The path is taken relative to the referring file's folder, then the
top-level file's (OCIO resolves it through the config's search path, which
for a FileTransform is usually that folder); ``basePath`` is ignored, as OCIO
ignores it. A reference by ``alias`` is skipped, as OCIO skips it (its
documented behaviour: "most alias operators may be ignored"), except
``currentMonitor``, which OCIO refuses. A file that refers to itself,
directly or through others, is refused.
"""

from __future__ import annotations

import os

from vfx_rs.errors import ArgumentError
from vfx_rs.lut.clf_context import NodeContext, wrap
from vfx_rs.lut.clf_xml import Node
from vfx_rs.pipeline.exposure_contrast import exposure_contrast_ops
from vfx_rs.pipeline.op import Op

__all__ = ["read_exposure_contrast", "read_reference"]

_EC_PARAMS = {
    "exposure": None,
    "contrast": None,
    "pivot": None,
    "gamma": 1.0,
    "logExposureStep": 0.088,
    "logMidGray": 0.435,
}
"""ECParams attributes and their defaults (None: required), as OCIO CTFReaderECParamsElt."""


def _inverted(ops: list[Op], node: Node) -> list[Op]:
    try:
        return [op.inverse() for op in reversed(ops)]
    except ArgumentError as exc:
        raise node.error(f"{node.tag} cannot be inverted: {exc.message}") from None


def read_exposure_contrast(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """An ``ExposureContrast`` node (module docstring)."""
    raw = node.attr("style")
    style = (raw or "").lower()
    base = style.removesuffix("rev")
    if base not in ("linear", "video", "log"):
        raise node.error(f"ExposureContrast style {raw!r} is not linear, video or log (or their Rev)")
    params = node.child("ECParams")
    if params is None:
        raise node.error("ExposureContrast needs an ECParams element")
    values: dict[str, float] = {}
    for name, default in _EC_PARAMS.items():
        value = params.number(name)
        if value is None and default is None:
            raise params.error(f"ExposureContrast ECParams needs {name!r}")
        values[name] = default if value is None else value  # type: ignore[assignment]
    dynamic = any(c.tag.lower() == "dynamicparameter" for c in node.children)
    ops = wrap(
        node,
        lambda: exposure_contrast_ops(
            base,
            exposure=values["exposure"],
            contrast=values["contrast"],
            gamma=values["gamma"],
            pivot=values["pivot"],
            log_exposure_step=values["logExposureStep"],
            log_midway_gray=values["logMidGray"],
            dynamic=dynamic,
        ),
    )
    return _inverted(ops, node) if style.endswith("rev") else ops


def _reference_path(node: Node, raw: str, context: NodeContext) -> str:
    folders = [os.path.dirname(os.fspath(context.path))]
    if context.chain:
        folders.append(os.path.dirname(context.chain[0]))
    for folder in folders:
        candidate = os.path.join(folder, raw)
        if os.path.isfile(candidate):
            return candidate
    raise node.error(f"Reference path {raw!r} names no file (looked in {', '.join(dict.fromkeys(folders))})")


def read_reference(node: Node, _in_max: float, _out_max: float, context: NodeContext) -> list[Op]:
    """A ``Reference`` node: the ops of the file it names (module docstring)."""
    alias, raw = node.attr("alias"), node.attr("path")
    if alias is not None:
        if raw is not None or node.attr("basePath") is not None:
            raise node.error("a Reference may not have both alias and path (or basePath)")
        if alias.lower() == "currentmonitor":
            raise node.error("the 'currentMonitor' Reference alias is not supported (as in OCIO)")
        return []
    if not raw:
        raise node.error("a Reference needs a path or an alias")
    path = _reference_path(node, raw, context)
    if os.path.realpath(path) in context.chain:
        raise node.error(f"Reference cycle: {raw!r} refers back to a file that refers to it")
    if os.path.splitext(path)[1].lower() not in (".clf", ".ctf"):
        raise node.error(f"Reference to {raw!r}: only CLF/CTF files may be referenced here")
    if context.read_ops is None:
        raise node.error("Reference nodes need a file reader")
    ops = context.read_ops(path, context.chain)
    inverted = (node.attr("inverted") or "").lower() == "true"
    return _inverted(ops, node) if inverted else ops
