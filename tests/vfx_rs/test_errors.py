"""The error hierarchy: builtin bases, messages naming file and line, pickling."""

from __future__ import annotations

import pickle

import pytest

import vfx_rs


def test_hierarchy_matches_builtins() -> None:
    assert issubclass(vfx_rs.IoError, vfx_rs.VfxError) and issubclass(vfx_rs.IoError, OSError)
    assert issubclass(vfx_rs.FormatError, vfx_rs.VfxError) and issubclass(vfx_rs.FormatError, ValueError)
    assert issubclass(vfx_rs.LutError, vfx_rs.FormatError)
    assert issubclass(vfx_rs.OcioError, vfx_rs.VfxError)
    assert issubclass(vfx_rs.NotFoundError, KeyError)


def test_message_names_file_and_line_and_survives_pickling() -> None:
    err = vfx_rs.LutError("expected 3 numbers, got 2", path="grade.cube", line=12)
    assert str(err) == "grade.cube:12: expected 3 numbers, got 2"
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is vfx_rs.LutError and str(back) == str(err) and back.line == 12


def test_contract_error_handling_snippet(tmp_path) -> None:
    # The contract's "Error Handling" section, as written.
    caught = None
    try:
        img = vfx_rs.read(tmp_path / "missing.exr")  # noqa: F841
    except vfx_rs.IoError as e:
        caught = f"I/O error: {e}"
    except vfx_rs.FormatError as e:
        caught = f"Format error: {e}"
    assert caught is not None and caught.startswith("I/O error:") and "missing.exr" in caught

    bad = tmp_path / "bad.exr"
    bad.write_bytes(b"not an image at all")
    with pytest.raises(vfx_rs.FormatError, match=r"bad\.exr"):
        vfx_rs.read(bad)
