"""Save the viewer's grade as an ASC CDL ``.cc`` (ColorCorrection) or ``.cdl`` (ColorDecisionList) file.

Element names from the ASC CDL v1.2 specification (ColorCorrection with
SOPNode Slope/Offset/Power and SatNode Saturation). The viewer's exposure
precedes the CDL and is folded into the slope: ``(x * 2^e) * s + o = x * (s * 2^e) + o``.
The viewer's grade has no power control yet, so Power is written as 1.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

from vfx_rs.errors import ArgumentError
from vfx_rs.io.atomic import atomic_output
from vfxview.state import DisplaySettings

__all__ = ["cdl_text", "save_cdl"]


def _triple(values: tuple[float, ...]) -> str:
    return " ".join(f"{v:.9g}" for v in values)


def cdl_text(s: DisplaySettings, kind: str = "cc", correction_id: str = "vfxview") -> str:
    """XML of the grade: ``kind`` ``cc`` (one ColorCorrection) or ``cdl`` (a ColorDecisionList)."""
    if kind not in ("cc", "cdl"):
        raise ArgumentError(f"CDL file kind must be 'cc' or 'cdl', not {kind!r}")
    gain = 2.0 ** float(s.exposure)
    cc = (
        f"<ColorCorrection id={quoteattr(correction_id)}>\n"
        "  <SOPNode>\n"
        f"    <Slope>{_triple(tuple(v * gain for v in s.slope))}</Slope>\n"
        f"    <Offset>{_triple(s.offset)}</Offset>\n"
        "    <Power>1 1 1</Power>\n"
        "  </SOPNode>\n"
        "  <SatNode>\n"
        f"    <Saturation>{s.saturation:.9g}</Saturation>\n"
        "  </SatNode>\n"
        "</ColorCorrection>\n"
    )
    if kind == "cc":
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + cc
    body = "".join(f"    {line}\n" for line in cc.splitlines())
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<ColorDecisionList xmlns="urn:ASC:CDL:v1.2">\n  <ColorDecision>\n'
        f"{body}  </ColorDecision>\n</ColorDecisionList>\n"
    )


def save_cdl(path: str | Path, s: DisplaySettings) -> None:
    """Write the grade to `path` (``.cc`` or ``.cdl`` by extension), atomically."""
    kind = Path(path).suffix.lower().lstrip(".")
    text = cdl_text(s, kind)
    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
