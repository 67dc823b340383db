"""CTF-only process nodes: ``ExposureContrast``, ``FixedFunction`` (and the older ``ACES`` and
``Function``) and ``Reference``.

``FixedFunction`` (OpenColorIO CTFReaderFixedFunctionElt): a ``style`` named
as FixedFunctionOpData.cpp names them (``RedMod10Fwd``, ``Rec2100SurroundRev``,
``HSV_TO_RGB``, ``ACESOutputTransform20Fwd``..., case-insensitive) and an
optional space-separated ``params``; the ops are
`vfx_rs.pipeline.fixed_functions.FIXED_FUNCTIONS` of the matching OCIO style,
inverted for the reverse styles. The deprecated ``ACES`` node (CTF 1.5) takes
the same styles (``Surround`` for Rec.2100 surround) with its gamma in an
``ACESParams`` child; ``Function`` (CTF 1.6) likewise.

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
from vfx_rs.pipeline.fixed_functions import FIXED_FUNCTIONS
from vfx_rs.pipeline.op import Op

__all__ = ["CTF_FIXED_STYLES", "read_exposure_contrast", "read_fixed_function", "read_reference"]

_EC_PARAMS = {
    "exposure": None,
    "contrast": None,
    "pivot": None,
    "gamma": 1.0,
    "logExposureStep": 0.088,
    "logMidGray": 0.435,
}
"""ECParams attributes and their defaults (None: required), as OCIO CTFReaderECParamsElt."""


def _pair(ocio_style: str, forward: str, inverse: str) -> dict[str, tuple[str, bool]]:
    return {forward.lower(): (ocio_style, False), inverse.lower(): (ocio_style, True)}


CTF_FIXED_STYLES: dict[str, tuple[str, bool]] = {
    **_pair("aces_redmod03", "RedMod03Fwd", "RedMod03Rev"),
    **_pair("aces_redmod10", "RedMod10Fwd", "RedMod10Rev"),
    **_pair("aces_glow03", "Glow03Fwd", "Glow03Rev"),
    **_pair("aces_glow10", "Glow10Fwd", "Glow10Rev"),
    **_pair("aces_darktodim10", "DarkToDim10", "DimToDark10"),
    **_pair("aces_gamutcomp13", "GamutComp13Fwd", "GamutComp13Rev"),
    **_pair("aces2_outputtransform", "ACESOutputTransform20Fwd", "ACESOutputTransform20Inv"),
    **_pair("aces2_rgb_to_jmh", "RGB_TO_JMh_20", "JMh_TO_RGB_20"),
    **_pair("aces2_tonescalecompress", "ToneScaleCompress20Fwd", "ToneScaleCompress20Inv"),
    **_pair("aces2_gamutcompress", "GamutCompress20Fwd", "GamutCompress20Inv"),
    **_pair("rec2100_surround", "Rec2100SurroundFwd", "Rec2100SurroundRev"),
    "surround": ("rec2100_surround", False),
    **_pair("rgb_to_hsv", "RGB_TO_HSV", "HSV_TO_RGB"),
    **_pair("xyz_to_xyy", "XYZ_TO_xyY", "xyY_TO_XYZ"),
    **_pair("xyz_to_uvy", "XYZ_TO_uvY", "uvY_TO_XYZ"),
    **_pair("xyz_to_luv", "XYZ_TO_LUV", "LUV_TO_XYZ"),
    **_pair("lin_to_pq", "Lin_TO_PQ", "PQ_TO_Lin"),
    **_pair("lin_to_gammalog", "Lin_TO_GammaLog", "GammaLog_TO_Lin"),
    **_pair("lin_to_doublelog", "Lin_TO_DoubleLog", "DoubleLog_TO_Lin"),
    **_pair("rgb_to_hsy_lin", "RGB_TO_HSY_LIN", "HSY_LIN_TO_RGB"),
    **_pair("rgb_to_hsy_log", "RGB_TO_HSY_LOG", "HSY_LOG_TO_RGB"),
    **_pair("rgb_to_hsy_vid", "RGB_TO_HSY_VID", "HSY_VID_TO_RGB"),
}
"""CTF FixedFunction styles (lower case; OCIO FixedFunctionOpData.cpp) to (OCIO config style, inverse)."""


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


def read_fixed_function(node: Node, _in_max: float, _out_max: float, _context: NodeContext) -> list[Op]:
    """A ``FixedFunction``, ``ACES`` or ``Function`` node (module docstring)."""
    raw = node.attr("style")
    if raw is None:
        raise node.error(f"{node.tag} has no style attribute")
    found = CTF_FIXED_STYLES.get(raw.lower())
    if found is None:
        raise node.error(f"{node.tag} style {raw!r} is unknown")
    style, inverse = found
    build = FIXED_FUNCTIONS[style]
    text = node.attr("params") or ""
    try:
        params = [float(v) for v in text.split()]
    except ValueError:
        raise node.error(f"{node.tag} params {text[:60]!r} are not numbers") from None
    aces_params = node.child("ACESParams")
    if aces_params is not None:
        gamma = aces_params.number("gamma")
        if gamma is None:
            raise aces_params.error("ACESParams needs a gamma attribute")
        params.append(gamma)
    ops = wrap(node, lambda: build(params))
    return _inverted(ops, node) if inverse else ops


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
