"""``python -m vfxview``: the same as the ``vfxview`` command."""

import sys

from vfxview.app import main

__all__: list[str] = []

if __name__ == "__main__":
    sys.exit(main())
