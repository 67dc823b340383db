"""`Roi3D`: a region of interest, OpenImageIO's ``ROI`` (pixel ranges with exclusive ends, plus channels)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Roi3D"]

_MIN, _MAX = -(2**31), 2**31 - 1


@dataclass
class Roi3D:
    """Pixels ``[xbegin, xend) x [ybegin, yend) x [zbegin, zend)`` and channels ``[chbegin, chend)``.

    ``chend < 0`` means every channel. Ops that take ``roi=`` return this region.

    Examples
    --------
    >>> r = Roi3D.new_2d(0, 10, 0, 5)
    >>> r.width, r.height, r.npixels(), r.contains(9, 4), r.contains(10, 4)
    (10, 5, 50, True, False)
    """

    xbegin: int = 0
    xend: int = 0
    ybegin: int = 0
    yend: int = 0
    zbegin: int = 0
    zend: int = 1
    chbegin: int = 0
    chend: int = -1

    @staticmethod
    def new_2d(xbegin: int, xend: int, ybegin: int, yend: int) -> Roi3D:
        """A 2D region over all channels."""
        return Roi3D(xbegin, xend, ybegin, yend)

    @staticmethod
    def new_2d_with_channels(xbegin: int, xend: int, ybegin: int, yend: int, chbegin: int, chend: int) -> Roi3D:
        """A 2D region over channels ``[chbegin, chend)``."""
        return Roi3D(xbegin, xend, ybegin, yend, 0, 1, chbegin, chend)

    @staticmethod
    def from_size(width: int, height: int) -> Roi3D:
        """``[0, width) x [0, height)``, all channels."""
        return Roi3D(0, width, 0, height)

    @staticmethod
    def all() -> Roi3D:
        """The unbounded region (OpenImageIO's ``ROI::All``)."""
        return Roi3D(_MIN, _MAX, _MIN, _MAX, _MIN, _MAX, 0, _MAX)

    def is_all(self) -> bool:
        """True for `all`."""
        return (self.xbegin, self.xend, self.ybegin, self.yend) == (_MIN, _MAX, _MIN, _MAX)

    def defined(self) -> bool:
        """True if the region holds at least one pixel."""
        return self.xbegin < self.xend and self.ybegin < self.yend and self.zbegin < self.zend

    @property
    def width(self) -> int:
        """``xend - xbegin`` (0 if negative)."""
        return max(self.xend - self.xbegin, 0)

    @property
    def height(self) -> int:
        """``yend - ybegin`` (0 if negative)."""
        return max(self.yend - self.ybegin, 0)

    @property
    def depth(self) -> int:
        """``zend - zbegin`` (0 if negative)."""
        return max(self.zend - self.zbegin, 0)

    @property
    def nchannels(self) -> int:
        """Channels in the region; -1 for all."""
        return -1 if self.chend < 0 else max(self.chend - self.chbegin, 0)

    def npixels(self) -> int:
        """width x height x depth."""
        return self.width * self.height * self.depth

    def contains(self, x: int, y: int, z: int = 0) -> bool:
        """True if pixel ``(x, y, z)`` is inside."""
        return self.xbegin <= x < self.xend and self.ybegin <= y < self.yend and self.zbegin <= z < self.zend

    def contains_with_channel(self, x: int, y: int, z: int, ch: int) -> bool:
        """True if pixel ``(x, y, z)`` and channel `ch` are inside."""
        return self.contains(x, y, z) and ch >= self.chbegin and (self.chend < 0 or ch < self.chend)

    def contains_roi(self, other: Roi3D) -> bool:
        """True if every pixel of `other` is inside."""
        return (
            self.xbegin <= other.xbegin
            and self.xend >= other.xend
            and self.ybegin <= other.ybegin
            and self.yend >= other.yend
            and self.zbegin <= other.zbegin
            and self.zend >= other.zend
        )

    def union(self, other: Roi3D) -> Roi3D:
        """The smallest region holding both."""
        chend = -1 if self.chend < 0 or other.chend < 0 else max(self.chend, other.chend)
        return Roi3D(
            min(self.xbegin, other.xbegin), max(self.xend, other.xend),
            min(self.ybegin, other.ybegin), max(self.yend, other.yend),
            min(self.zbegin, other.zbegin), max(self.zend, other.zend),
            min(self.chbegin, other.chbegin), chend,
        )  # fmt: skip

    def intersection(self, other: Roi3D) -> Roi3D | None:
        """The common region, or None if they do not overlap."""
        box = (
            max(self.xbegin, other.xbegin), min(self.xend, other.xend),
            max(self.ybegin, other.ybegin), min(self.yend, other.yend),
            max(self.zbegin, other.zbegin), min(self.zend, other.zend),
        )  # fmt: skip
        if not (box[0] < box[1] and box[2] < box[3] and box[4] < box[5]):
            return None
        if self.chend < 0:
            chend = other.chend
        elif other.chend < 0:
            chend = self.chend
        else:
            chend = min(self.chend, other.chend)
        return Roi3D(*box, max(self.chbegin, other.chbegin), chend)

    def __repr__(self) -> str:
        ch = "inf" if self.chend < 0 else str(self.chend)
        return (
            f"Roi3D(x=[{self.xbegin}, {self.xend}), y=[{self.ybegin}, {self.yend}), "
            f"z=[{self.zbegin}, {self.zend}), ch=[{self.chbegin}, {ch}))"
        )
