"""What every built-in ACES config shares: BuiltinTransform references, display color spaces, roles, the look."""

from __future__ import annotations

from vfx_rs.ocio.model import ColorSpace, Look, Transform

__all__ = ["GAMUT_COMPRESSION_LOOK", "ROLES", "builtin_transform", "display_colorspace", "gamut_compression_look"]

_FILE_IO = ("file-io",)


def builtin_transform(style: str) -> Transform:
    """An OCIO BuiltinTransform of `style`."""
    return Transform("Builtin", {"style": style})


def display_colorspace(name: str, aliases: tuple[str, ...], encoding: str, style: str) -> ColorSpace:
    """A display color space encoding CIE XYZ (D65) with the ``DISPLAY - CIE-XYZ-D65_to_<style>`` builtin."""
    return ColorSpace(
        name=name,
        reference="display",
        aliases=aliases,
        family="Display",
        categories=_FILE_IO,
        encoding=encoding,
        bitdepth="32f",
        description=f"CIE XYZ (D65) to the {name.removesuffix(' - Display')} display encoding",
        from_reference=builtin_transform("DISPLAY - CIE-XYZ-D65_to_" + style),
    )


GAMUT_COMPRESSION_LOOK = "ACES 1.3 Reference Gamut Compression"
"""The config's one look: the ACES 1.3 reference gamut compression LMT, applied in ACES2065-1."""


ROLES = {
    "aces_interchange": "ACES2065-1",
    "cie_xyz_d65_interchange": "CIE XYZ-D65 - Display-referred",
    "color_picking": "sRGB Encoded Rec.709 (sRGB)",
    "color_timing": "ACEScct",
    "compositing_log": "ACEScct",
    "data": "Raw",
    "matte_paint": "ACEScct",
    "scene_linear": "ACEScg",
    "texture_paint": "sRGB Encoded Rec.709 (sRGB)",
}
"""The roles of every ACES CG and studio config (ACES 1.3 and 2.x)."""


def gamut_compression_look() -> Look:
    """The configs' one look: the ACES 1.3 reference gamut compression LMT, applied in ACES2065-1."""
    return Look(
        name=GAMUT_COMPRESSION_LOOK,
        process_space="ACES2065-1",
        transform=builtin_transform("ACES-LMT - " + GAMUT_COMPRESSION_LOOK),
        description="LMT compressing scene-referred camera values into the AP1 gamut (ACES 1.3)",
    )
