"""Data type descriptions: `BaseType`, `Aggregate`, `VecSemantics`, `TypeDesc`, `DataFormat`, `BitDepth`.

The vfx-rs-py ``core`` types, which follow OpenImageIO's ``TypeDesc``
(``typedesc.h``: a base type, an aggregate such as vec3 or matrix44, a
semantic hint and an array length). Plain values: no pixels involved.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from vfx_rs.errors import ArgumentError

__all__ = ["Aggregate", "BaseType", "BitDepth", "DataFormat", "TypeDesc", "VecSemantics"]


class BaseType(enum.IntEnum):
    """The scalar type of a value (OpenImageIO ``TypeDesc::BASETYPE``)."""

    Unknown = 0
    None_ = 1  # "None" is a Python keyword
    UInt8 = 2
    Int8 = 3
    UInt16 = 4
    Int16 = 5
    UInt32 = 6
    Int32 = 7
    UInt64 = 8
    Int64 = 9
    Half = 10
    Float = 11
    Double = 12
    String = 13
    Ptr = 14

    @property
    def size(self) -> int:
        """Bytes per value (pointers and strings: 8)."""
        return _BASE_SIZES[self.value]

    @property
    def name(self) -> str:  # type: ignore[override]
        """Short lower-case name: ``uint8``, ``half``, ``float``..."""
        return _BASE_NAMES[self.value]

    def is_floating_point(self) -> bool:
        """True for half, float and double."""
        return self in (BaseType.Half, BaseType.Float, BaseType.Double)

    def is_signed(self) -> bool:
        """True for signed integers and floating point."""
        return self in (BaseType.Int8, BaseType.Int16, BaseType.Int32, BaseType.Int64) or self.is_floating_point()

    def is_integer(self) -> bool:
        """True for the eight integer types."""
        return BaseType.UInt8 <= self <= BaseType.Int64


_BASE_SIZES = (0, 0, 1, 1, 2, 2, 4, 4, 8, 8, 2, 4, 8, 8, 8)
_BASE_NAMES = (
    "unknown",
    "none",
    "uint8",
    "int8",
    "uint16",
    "int16",
    "uint32",
    "int32",
    "uint64",
    "int64",
    "half",
    "float",
    "double",
    "string",
    "ptr",
)


class Aggregate(enum.IntEnum):
    """How many base values make one element (OpenImageIO ``TypeDesc::AGGREGATE``)."""

    Scalar = 1
    Vec2 = 2
    Vec3 = 3
    Vec4 = 4
    Matrix33 = 9
    Matrix44 = 16

    @property
    def count(self) -> int:
        """Values per element."""
        return int(self.value)

    def is_scalar(self) -> bool:
        """True for one value."""
        return self is Aggregate.Scalar

    def is_vector(self) -> bool:
        """True for vec2, vec3, vec4."""
        return self in (Aggregate.Vec2, Aggregate.Vec3, Aggregate.Vec4)

    def is_matrix(self) -> bool:
        """True for 3x3 and 4x4 matrices."""
        return self in (Aggregate.Matrix33, Aggregate.Matrix44)


class VecSemantics(enum.IntEnum):
    """What a vector means (OpenImageIO ``TypeDesc::VECSEMANTICS``)."""

    NoSemantics = 0
    Color = 1
    Point = 2
    Vector = 3
    Normal = 4
    Timecode = 5
    Keycode = 6
    Rational = 7

    def requires_transform(self) -> bool:
        """True for points, vectors and normals (they change with a coordinate system)."""
        return self in (VecSemantics.Point, VecSemantics.Vector, VecSemantics.Normal)


class DataFormat(enum.IntEnum):
    """Pixel storage formats; `name` is the `vfx_rs.Image.format` string (``"f16"``...)."""

    U8 = 0
    U16 = 1
    U32 = 2
    F16 = 3
    F32 = 4

    @property
    def bytes_per_channel(self) -> int:
        """Bytes per channel value."""
        return (1, 2, 4, 2, 4)[self.value]

    @property
    def bits(self) -> int:
        """Bits per channel value."""
        return self.bytes_per_channel * 8

    @property
    def name(self) -> str:  # type: ignore[override]
        """``u8``, ``u16``, ``u32``, ``f16`` or ``f32``."""
        return ("u8", "u16", "u32", "f16", "f32")[self.value]

    def is_float(self) -> bool:
        """True for f16 and f32."""
        return self in (DataFormat.F16, DataFormat.F32)

    def is_integer(self) -> bool:
        """True for u8, u16 and u32."""
        return not self.is_float()

    @classmethod
    def from_name(cls, name: str) -> DataFormat:
        """The member for an `Image.format` string."""
        names = {m.name: m for m in cls}
        if name not in names:
            raise ArgumentError(f"unknown data format {name!r}; expected one of: {', '.join(names)}")
        return names[name]


class BitDepth(enum.IntEnum):
    """Integer bit depths for the per-format writers (``io.write_dpx(..., bit_depth=BitDepth.Bit10)``)."""

    Bit8 = 8
    Bit10 = 10
    Bit12 = 12
    Bit16 = 16

    def __repr__(self) -> str:
        return f"BitDepth.{self._name_}"


@dataclass
class TypeDesc:
    """A value's type: base type, aggregate, semantics and array length (0: not an array, -1: unsized).

    Examples
    --------
    >>> TypeDesc.color(), TypeDesc.FLOAT.size(), TypeDesc.matrix44().size()
    (TypeDesc(color), 4, 64)
    """

    basetype: BaseType = BaseType.Float
    aggregate: Aggregate = Aggregate.Scalar
    vecsemantics: VecSemantics = VecSemantics.NoSemantics
    arraylen: int = 0

    UNKNOWN: ClassVar[TypeDesc]
    NONE: ClassVar[TypeDesc]
    UINT8: ClassVar[TypeDesc]
    INT8: ClassVar[TypeDesc]
    UINT16: ClassVar[TypeDesc]
    INT16: ClassVar[TypeDesc]
    UINT32: ClassVar[TypeDesc]
    INT32: ClassVar[TypeDesc]
    UINT64: ClassVar[TypeDesc]
    INT64: ClassVar[TypeDesc]
    HALF: ClassVar[TypeDesc]
    FLOAT: ClassVar[TypeDesc]
    DOUBLE: ClassVar[TypeDesc]
    STRING: ClassVar[TypeDesc]

    def __post_init__(self) -> None:
        self.basetype = BaseType(self.basetype)
        self.aggregate = Aggregate(self.aggregate)
        self.vecsemantics = VecSemantics(self.vecsemantics)
        self.arraylen = int(self.arraylen)

    @staticmethod
    def scalar(basetype: BaseType) -> TypeDesc:
        """One value of `basetype`."""
        return TypeDesc(basetype)

    @staticmethod
    def color() -> TypeDesc:
        """Three floats meaning a colour."""
        return TypeDesc(BaseType.Float, Aggregate.Vec3, VecSemantics.Color)

    @staticmethod
    def point() -> TypeDesc:
        """Three floats meaning a point."""
        return TypeDesc(BaseType.Float, Aggregate.Vec3, VecSemantics.Point)

    @staticmethod
    def vector() -> TypeDesc:
        """Three floats meaning a direction."""
        return TypeDesc(BaseType.Float, Aggregate.Vec3, VecSemantics.Vector)

    @staticmethod
    def normal() -> TypeDesc:
        """Three floats meaning a surface normal."""
        return TypeDesc(BaseType.Float, Aggregate.Vec3, VecSemantics.Normal)

    @staticmethod
    def matrix44() -> TypeDesc:
        """A 4x4 float matrix."""
        return TypeDesc(BaseType.Float, Aggregate.Matrix44)

    @staticmethod
    def matrix33() -> TypeDesc:
        """A 3x3 float matrix."""
        return TypeDesc(BaseType.Float, Aggregate.Matrix33)

    @staticmethod
    def int_array(len: int) -> TypeDesc:
        """An array of `len` 32-bit integers."""
        return TypeDesc(BaseType.Int32, arraylen=len)

    @staticmethod
    def float_array(len: int) -> TypeDesc:
        """An array of `len` floats."""
        return TypeDesc(BaseType.Float, arraylen=len)

    def basesize(self) -> int:
        """Bytes of one base value."""
        return self.basetype.size

    def elementsize(self) -> int:
        """Bytes of one element (base size times aggregate count)."""
        return self.basetype.size * self.aggregate.count

    def size(self) -> int:
        """Bytes of the whole value (times the array length for sized arrays)."""
        return self.elementsize() * (self.arraylen if self.arraylen > 0 else 1)

    def basevalues(self) -> int:
        """Base values in the whole value: elements times aggregate count (OpenImageIO's ``basevalues``)."""
        return self.numelements() * self.aggregate.count

    def numelements(self) -> int:
        """Elements (the array length, or 1)."""
        return self.arraylen if self.arraylen > 0 else 1

    def is_array(self) -> bool:
        """True for sized and unsized arrays."""
        return self.arraylen != 0

    def is_sized_array(self) -> bool:
        """True for arrays of known length."""
        return self.arraylen > 0

    def is_unsized_array(self) -> bool:
        """True for arrays of unknown length (``arraylen < 0``)."""
        return self.arraylen < 0

    def is_floating_point(self) -> bool:
        """True if the base type is half, float or double."""
        return self.basetype.is_floating_point()

    def is_signed(self) -> bool:
        """True if the base type is signed."""
        return self.basetype.is_signed()

    def is_unknown(self) -> bool:
        """True for the unknown base type."""
        return self.basetype is BaseType.Unknown

    def elementtype(self) -> TypeDesc:
        """The same type without the array."""
        return replace(self, arraylen=0)

    def scalartype(self) -> TypeDesc:
        """The base type alone."""
        return TypeDesc(self.basetype)

    def unarray(self) -> TypeDesc:
        """The same type without the array (`elementtype`)."""
        return self.elementtype()

    def array(self, len: int) -> TypeDesc:
        """An array of `len` of this element type."""
        return replace(self, arraylen=int(len))

    def with_semantics(self, semantics: VecSemantics) -> TypeDesc:
        """The same type meaning `semantics`."""
        return replace(self, vecsemantics=VecSemantics(semantics))

    def equivalent(self, other: Any) -> bool:
        """True if the base type and aggregate match (semantics and array length aside)."""
        return isinstance(other, TypeDesc) and (self.basetype, self.aggregate) == (other.basetype, other.aggregate)

    def __str__(self) -> str:
        semantic = {
            VecSemantics.Color: "color",
            VecSemantics.Point: "point",
            VecSemantics.Vector: "vector",
            VecSemantics.Normal: "normal",
        }.get(self.vecsemantics)
        if semantic is None:
            agg = self.aggregate
            semantic = {
                Aggregate.Scalar: self.basetype.name,
                Aggregate.Matrix33: "matrix33",
                Aggregate.Matrix44: "matrix44",
            }.get(agg, f"{self.basetype.name}[{agg.count}]")
        if self.arraylen > 0:
            return f"{semantic}[{self.arraylen}]"
        return f"{semantic}[]" if self.arraylen < 0 else semantic

    def __repr__(self) -> str:
        return f"TypeDesc({self})"


for _base in BaseType:
    setattr(TypeDesc, _base.name.upper(), TypeDesc(_base))
