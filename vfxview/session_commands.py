"""Save the viewer's session as a Python script and replay one (no Qt): `vfx_rs.session` in the viewer."""

from __future__ import annotations

from pathlib import Path

from vfx_rs.errors import VfxError
from vfx_rs.session import Session, load_session
from vfxview import commands, playback
from vfxview.state import ViewerState, report_error

__all__ = ["apply_session", "current_session", "open_session", "save_session"]


def current_session(state: ViewerState) -> Session | None:
    """The shown image, layer, frame range, view settings and compare as a `Session` (None: no image open)."""
    if state.image is None or not state.path:
        return None
    clip = state.clip
    return Session(
        image=clip.path(state.frame) if clip is not None else state.path,
        layer=state.layer if len(state.layers) > 1 else "",
        frames=(state.in_point, state.out_point) if clip is not None else None,
        frame=state.frame if clip is not None else 0,
        view=state.settings,
        compare=state.compare_path if state.compare is not None else "",
        compare_layer=state.compare_layer if state.compare_path and len(state.compare_layers) > 1 else "",
        compare_mode=state.compare_mode if state.compare is not None else "off",
        wipe=state.wipe,
    )


def save_session(state: ViewerState, path: str | Path) -> bool:
    """File > Save Session: write `current_session` as a script (`vfx_rs.session.Session.save`)."""
    session = current_session(state)
    if session is None:
        report_error(state, "nothing to save: no image is open")
        return False
    try:
        session.save(path)
    except (VfxError, OSError) as exc:
        report_error(state, f"cannot save the session to {path}: {exc}")
        return False
    return True


def apply_session(state: ViewerState, session: Session) -> bool:
    """Show `session`: its image (its sequence or movie), layer, frame and range, compare image, view settings."""
    if not playback.open_path(state, session.image):
        return False
    if session.layer:
        commands.select_layer(state, session.layer)
        if state.layer != session.layer:
            return False
    if state.clip is not None and session.frames is not None:
        playback.set_in_out(state, *session.frames)
        playback.set_frame(state, session.frame)
    if session.compare:
        commands.set_compare(state, session.compare_mode, session.compare)
        if state.compare is None:
            return False
        if session.compare_layer:
            commands.select_compare_layer(state, session.compare_layer)
            if state.compare_layer != session.compare_layer:
                return False
    commands.set_wipe(state, session.wipe)
    return commands.set_settings(state, session.view)


def open_session(state: ViewerState, path: str | Path) -> bool:
    """Load a session script (`vfx_rs.session.load_session`) and show it; on failure ``state.error`` says why."""
    try:
        session = load_session(path)
    except VfxError as exc:
        report_error(state, f"cannot open session: {exc}")
        return False
    return apply_session(state, session)
