"""Docked panels; each takes the `ViewerState`, reads it, and writes it only through `vfxview.commands`."""

__all__: list[str] = []
