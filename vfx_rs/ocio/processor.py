"""Processors: an OCIO conversion compiled to a `Pipeline`.

The graph rules follow OpenColorIO v2 (Config::getProcessor,
ColorSpaceTransform, LookTransform, DisplayViewTransform): a color space goes
to its reference through ``to_*_reference`` (or the inverse of
``from_*_reference``); between the scene and display references the config's
default view transform is used (``default_view_transform`` if scene-referred,
else the first scene-referred view transform); data color spaces bypass every
conversion; looks run in their process spaces, ``-name`` inverted; a view
names either a color space or a view transform plus a display color space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from vfx_rs.errors import ArgumentError, OcioError
from vfx_rs.ocio.context import expand_vars
from vfx_rs.ocio.model import ColorSpace, Transform
from vfx_rs.ocio.transforms import compile_transform, invert_ops
from vfx_rs.pipeline.op import Op
from vfx_rs.pipeline.ops import MatrixOp, RangeOp
from vfx_rs.pipeline.pipeline import Pipeline

if TYPE_CHECKING:
    from vfx_rs.ocio.config import Config
    from vfx_rs.ocio.context import Context

__all__ = [
    "Processor",
    "build_processor",
    "file_transform_processor",
    "flat_view",
    "fuse_scales",
    "named_transform_processor",
    "parse_looks",
]


class Processor:
    """A compiled OCIO conversion; wraps a simplified `Pipeline`.

    Examples
    --------
    >>> import numpy as np
    >>> from vfx_rs.pipeline import MatrixOp, Pipeline
    >>> proc = Processor(Pipeline([MatrixOp(matrix=np.eye(3) * 2.0)]), "double")
    >>> proc.apply(np.ones((2, 3), dtype=np.float32)).tolist()
    [[2.0, 2.0, 2.0], [2.0, 2.0, 2.0]]
    """

    def __init__(
        self, pipeline: Pipeline, description: str = "", inverse: Callable[[], Processor] | None = None
    ) -> None:
        self.pipeline = pipeline
        self.description = description
        self._inverse = inverse

    def apply(self, data: np.ndarray, num_channels: int | None = None) -> np.ndarray:
        """Apply in place to float32 ``(H, W, 3|4)`` or ``(N, 3|4)`` pixels (alpha untouched); returns `data`.

        A flat array holds `num_channels` (3 by default) values per pixel, as vfx-rs-py's ``apply``.
        """
        self.pipeline.apply(flat_view(data, num_channels))
        return data

    def apply_rgb(self, pixels: np.ndarray) -> None:
        """Apply in place to a flat float32 array ``[r, g, b, r, g, b, ...]`` (vfx-rs-py)."""
        self.apply(_flat(pixels, 3), 3)

    def apply_rgba(self, pixels: np.ndarray) -> None:
        """Apply in place to a flat float32 array ``[r, g, b, a, ...]``, alpha untouched (vfx-rs-py)."""
        self.apply(_flat(pixels, 4), 4)

    def applied(self, data: Any) -> np.ndarray:
        """A transformed float32 copy of ``(..., 3|4)`` pixels."""
        return self.pipeline.applied(data)

    def inverse(self) -> Processor:
        """The processor undoing this one (a config's processors rebuild in the other direction)."""
        if self._inverse is not None:
            return self._inverse()
        return Processor(
            Pipeline(invert_ops(list(self.pipeline.ops), self.description, None, None)),
            f"inverse of {self.description}",
        )

    def is_identity(self) -> bool:
        """True if the processor changes nothing."""
        return self.pipeline.is_identity()

    def __repr__(self) -> str:
        return f"<vfx_rs.ocio.Processor {self.description} {self.pipeline!r}>"


def _flat(pixels: np.ndarray, channels: int) -> np.ndarray:
    if getattr(pixels, "ndim", None) != 1:
        raise ArgumentError(f"pixels must be a flat float32 array of {channels} values per pixel")
    return pixels


def flat_view(pixels: np.ndarray, num_channels: int | None) -> np.ndarray:
    """`pixels` as ``(..., C)``: a flat array is viewed as `num_channels` (3 by default) values per pixel."""
    if num_channels is not None and num_channels not in (3, 4):
        raise ArgumentError(f"num_channels must be 3 or 4, not {num_channels!r}")
    if not isinstance(pixels, np.ndarray) or pixels.ndim != 1:
        if num_channels is not None and np.shape(pixels)[-1:] != (num_channels,):
            raise ArgumentError(f"pixels have {np.shape(pixels)[-1:]} channels, not {num_channels}")
        return pixels
    n = num_channels or 3
    if pixels.size % n or not pixels.flags.c_contiguous:
        raise ArgumentError(f"a flat pixel array must be contiguous with a multiple of {n} values, not {pixels.size}")
    return pixels.reshape(-1, n)


_LOOK_TOKEN = re.compile(r"^([+-]?)(.+)$")


def parse_looks(text: str) -> list[list[tuple[str, bool]]]:
    """OCIO look strings: ``|``-separated alternatives of ``,``/``:``-separated ``[+-]name`` (True = forward)."""
    options = []
    for alt in text.split("|"):
        looks = []
        for token in re.split(r"[,:]", alt):
            token = token.strip()
            if token:
                m = _LOOK_TOKEN.match(token)
                assert m is not None
                looks.append((m.group(2).strip(), m.group(1) != "-"))
        options.append(looks)
    return options


class _Builder:
    """Compiles config elements to ops, detecting circular references."""

    def __init__(self, config: Config, context: Context) -> None:
        self.config = config
        self.context = context
        self.path = config.path
        self._stack: list[str] = []
        self.memo: dict[int, tuple[Op, Op]] = {}
        self.v1 = config.version[0] == 1

    def _compile(self, label: str, t: Transform | None, inverse: bool = False) -> list[Op]:
        if t is None:
            return []
        if label in self._stack:
            chain = " -> ".join([*self._stack[self._stack.index(label) :], label])
            raise OcioError(f"circular reference: {chain}", path=self.path, line=t.line)
        self._stack.append(label)
        try:
            return compile_transform(t, self, inverse)
        except OcioError as exc:
            if "has no inverse" in exc.message and inverse:
                raise OcioError(f"{label}: {exc.message}", path=exc.path, line=exc.line) from None
            raise
        finally:
            self._stack.pop()

    def _space(self, name: str, line: int | None) -> ColorSpace:
        try:
            return self.config.colorspace(name)
        except OcioError:
            raise OcioError(f"color space {name!r} is not in the config", path=self.path, line=line) from None

    def to_reference(self, cs: ColorSpace, inverse: bool = False) -> list[Op]:
        """Ops from `cs` to its reference (or back, if `inverse`).

        As OCIO (ColorSpace::getTransform in each direction): the transform
        written for that direction, else the other one inverted; a space
        with both uses its ``from_*_reference`` coming from the reference.
        """
        label = f"color space {cs.name!r}"
        return self._directed(label, cs.to_reference, cs.from_reference, inverse)

    def _directed(self, label: str, to: Transform | None, back: Transform | None, inverse: bool) -> list[Op]:
        """`to` (or `back` inverted) for the forward direction; `back` (or `to` inverted) for the inverse."""
        first, other = (back, to) if inverse else (to, back)
        if first is not None:
            return self._compile(label, first)
        return self._compile(label, other, True)

    def from_reference(self, cs: ColorSpace) -> list[Op]:
        return self.to_reference(cs, inverse=True)

    def view_transform_ops(self, name: str, line: int | None, inverse: bool = False) -> list[Op]:
        try:
            vt = self.config.view_transform(name)
        except OcioError:
            raise OcioError(f"view transform {name!r} is not in the config", path=self.path, line=line) from None
        return self._directed(f"view transform {vt.name!r}", vt.from_reference, vt.to_reference, inverse)

    def cross(self, src_ref: str, dst_ref: str, line: int | None) -> list[Op]:
        """Between the scene and display references through the default view transform."""
        if src_ref == dst_ref:
            return []
        cfg = self.config
        names = [n for n, vt in cfg.view_transforms.items() if vt.reference == "scene"]
        if cfg.default_view_transform in names:
            names.insert(0, cfg.default_view_transform)
        if not names:
            raise OcioError(
                "no scene-referred view transform joins the scene and display references", path=self.path, line=line
            )
        return self.view_transform_ops(names[0], line, inverse=src_ref != "scene")

    def _conversion(self, s: ColorSpace, d: ColorSpace, line: int | None) -> list[Part]:
        return [
            lambda inv: self.to_reference(s, inv),
            lambda inv: (
                self.cross(d.reference, s.reference, line) if inv else self.cross(s.reference, d.reference, line)
            ),
            lambda inv: self.to_reference(d, not inv),
        ]

    def colorspace_ops(
        self, src: str, dst: str, data_bypass: bool = True, line: int | None = None, *, inverse: bool = False
    ) -> list[Op]:
        return run(self.colorspace_parts(src, dst, data_bypass, line), inverse)

    def colorspace_parts(self, src: str, dst: str, data_bypass: bool = True, line: int | None = None) -> list[Part]:
        s, d = self._space(src, line), self._space(dst, line)
        same = s.name == d.name or (s.equalitygroup != "" and s.equalitygroup == d.equalitygroup)
        if same or (data_bypass and (s.isdata or d.isdata)):  # OCIO's AreColorSpacesInSameEqualityGroup
            return []
        return self._conversion(s, d, line)

    def _directed_ops(self, label: str, item: Any, forward: bool) -> list[Op]:
        """Ops of a look or named transform one way: its transform for that way, else the other one inverted."""
        ahead, back = (item.transform, item.inverse_transform) if forward else (item.inverse_transform, item.transform)
        if ahead:
            return self._compile(label, ahead)
        return self._compile(label, back, inverse=True)

    def _look_parts(self, src: ColorSpace, looks: str, line: int | None) -> tuple[list[Part], ColorSpace]:
        options = parse_looks(looks)
        for i, option in enumerate(options):
            missing = [n for n, _ in option if n not in self.config.looks and not self._has_look(n)]
            if missing and i + 1 < len(options):
                continue
            parts: list[Part] = []
            current = src
            for name, forward in option:
                try:
                    look = self.config.look(name)
                except OcioError:
                    raise OcioError(f"look {name!r} is not in the config", path=self.path, line=line) from None
                space = self._space(look.process_space, look.line) if look.process_space else current
                parts += self.colorspace_parts(current.name, space.name, True, look.line)
                current = space
                parts.append(self._look_part(look, forward))
            return parts, current
        return [], src

    def _look_part(self, look: Any, forward: bool) -> Part:
        return lambda inv: self._directed_ops(f"look {look.name!r}", look, forward != inv)

    def _has_look(self, name: str) -> bool:
        return name.lower() in (n.lower() for n in self.config.looks)

    def look_ops(self, src: str, dst: str, looks: str, line: int | None = None, *, inverse: bool = False) -> list[Op]:
        return run(self.look_parts(src, dst, looks, line), inverse)

    def look_parts(self, src: str, dst: str, looks: str, line: int | None = None) -> list[Part]:
        s, d = self._space(src, line), self._space(dst, line)
        parts, current = self._look_parts(s, looks, line)
        return parts + self.colorspace_parts(current.name, d.name, True, line)

    def display_view_ops(
        self,
        src: str,
        display: str,
        view: str,
        looks_bypass: bool = False,
        line: int | None = None,
        *,
        inverse: bool = False,
    ) -> list[Op]:
        return run(self.display_view_parts(src, display, view, looks_bypass, line), inverse)

    def display_view_parts(
        self,
        src: str,
        display: str,
        view: str,
        looks_bypass: bool = False,
        line: int | None = None,
        looks: str | None = None,
    ) -> list[Part]:
        cfg = self.config
        s = self._space(src, line)
        if looks is not None:
            # Looks given by the caller replace the view's, as OCIO's LegacyViewingPipeline: they run from `src`
            # to their result space, even before a data view.
            parts, current = self._look_parts(s, looks, line)
            return parts + self.display_view_parts(current.name, display, view, True, line)
        try:
            disp = cfg.display(display)
            v = cfg.view(disp.name, view) if view else cfg.view(disp.name, cfg.default_view(disp.name))
        except OcioError as exc:
            raise OcioError(exc.message, path=self.path, line=line) from None
        look_text = "" if looks_bypass else v.looks
        if v.view_transform:
            dcs_name = disp.name if v.display_colorspace == "<USE_DISPLAY_NAME>" else v.display_colorspace
            target = self._space(dcs_name, v.line)
        else:
            target = self._space(disp.name if v.colorspace == "<USE_DISPLAY_NAME>" else v.colorspace, v.line)
        if s.isdata or target.isdata:
            return []
        parts, current = self._look_parts(s, look_text, v.line)
        if not v.view_transform:
            return parts + self.colorspace_parts(current.name, target.name, True, v.line)
        try:
            vt = cfg.view_transform(v.view_transform)
        except OcioError:
            raise OcioError(
                f"view {v.name!r} names unknown view transform {v.view_transform!r}", path=self.path, line=v.line
            ) from None
        cur_ref, vt_ref, tgt_ref = current.reference, vt.reference, target.reference
        return [
            *parts,
            lambda inv: self.to_reference(current, inv),
            lambda inv: self.cross(vt_ref, cur_ref, v.line) if inv else self.cross(cur_ref, vt_ref, v.line),
            lambda inv: self.view_transform_ops(vt.name, v.line, inv),
            lambda inv: self.cross(tgt_ref, "display", v.line) if inv else self.cross("display", tgt_ref, v.line),
            lambda inv: self.to_reference(target, not inv),
        ]

    def resolve_file(self, filename: str, line: int | None) -> str:
        return self.context.resolve_file(filename, path=self.path, line=line)

    def expand(self, text: str, line: int | None) -> str:
        return expand_vars(text, self.context.variables, path=self.path, line=line)

    def named_or_space_parts(self, src: str, dst: str, looks: str) -> list[Part]:
        cfg = self.config
        src_nt = None if cfg.has_colorspace(src) else self._named(src)
        dst_nt = None if cfg.has_colorspace(dst) else self._named(dst)
        if src_nt is None and dst_nt is None:
            return self.look_parts(src, dst, looks) if looks else self.colorspace_parts(src, dst)
        parts: list[Part] = []
        if src_nt is not None:
            parts.append(lambda inv: self._directed_ops(f"named transform {src_nt.name!r}", src_nt, not inv))
        if dst_nt is not None:
            parts.append(lambda inv: self._directed_ops(f"named transform {dst_nt.name!r}", dst_nt, inv))
        return parts

    def _named(self, name: str) -> Any:
        try:
            return self.config.named_transform(name)
        except OcioError:
            raise OcioError(f"color space {name!r} is not in the config", path=self.path) from None


Part = Callable[[bool], list[Op]]
"""One step of a conversion: its ops forward (False) or inverted (True), each transform built in that direction."""


def run(parts: list[Part], inverse: bool = False) -> list[Op]:
    """The ops of `parts` in order, or of their inverses in reverse order."""
    ordered = reversed(parts) if inverse else parts
    return [op for part in ordered for op in part(inverse)]


def _scale_as_matrix(op: Op) -> Op:
    """An unclamped constant `RangeOp` as the equal `MatrixOp`, so that it fuses with its neighbouring matrices."""
    if isinstance(op, RangeOp) and not op.dynamic and np.isinf(op.lo) and np.isinf(op.hi):
        return MatrixOp(matrix=np.eye(3) * op.scale, offset=np.full(3, op.offset))
    return op


def fuse_scales(ops: list[Op]) -> list[Op]:
    """`ops` with each unclamped scale/offset beside a constant matrix written as a matrix.

    OCIO's optimizer turns such a range into a matrix and fuses it with its
    neighbours (OpOptimizers.cpp), so a chain ``matrix, scale, matrix`` is one
    float32 product there; kept apart, the float32 rounding of the middle
    values can dominate a channel that the last matrix cancels to near 0
    (a saturated color through an ACES output transform to P3, then PQ).
    """
    out = list(ops)
    for i, op in enumerate(ops):
        beside = [ops[j] for j in (i - 1, i + 1) if 0 <= j < len(ops)]
        if any(isinstance(n, MatrixOp) and not n.dynamic for n in beside):
            out[i] = _scale_as_matrix(op)
    return out


def build_processor(config: Config, key: tuple[Any, ...]) -> Processor:
    """The processor for a `Config.processor` / `Config.display_processor` cache key.

    An inverse processor is built in the inverse direction transform by
    transform (as OCIO does), not by inverting the forward ops: some
    transforms (OCIO's half-float tables, the ASC CDL) are rendered
    differently in reverse.
    """
    b = _Builder(config, config.context(dict(key[-1])))  # the context the key was made in
    if key[0] == "cs":
        _, src, dst, looks, inverse, _ctx = key
        parts = b.named_or_space_parts(src, dst, looks)
        desc = f"{src} -> {dst}" + (f" [{looks}]" if looks else "")
    else:
        _, src, display, view, looks, inverse, _ctx = key
        parts = b.display_view_parts(src, display, view or "", False, None, looks)
        desc = f"{src} -> {display} / {view or 'default view'}"
    ops = run(parts, inverse)
    if inverse:
        desc = f"inverse of {desc}"
    flipped = (*key[:-2], not inverse, key[-1])
    return Processor(Pipeline(fuse_scales(ops)), desc, lambda: config._cached_processor(flipped))


def named_transform_processor(config: Config, name: str, inverse: bool = False) -> Processor:
    """The processor of named transform `name` alone (OCIO's ``Config::getProcessor(namedTransform, direction)``)."""
    b = _Builder(config, config.context())
    ops = b._directed_ops(f"named transform {name!r}", b._named(name), not inverse)
    return Processor(Pipeline(fuse_scales(ops)), f"named transform {name}" + (" (inverse)" if inverse else ""))


def file_transform_processor(config: Config, filename: str, inverse: bool = False) -> Processor:
    """The processor of a FileTransform reading `filename` (resolved against the config's search path)."""
    b = _Builder(config, config.context())
    ops = compile_transform(Transform("File", {"src": str(filename)}), b, inverse)
    return Processor(Pipeline(fuse_scales(ops)), f"file {filename}" + (" (inverse)" if inverse else ""))
