"""``python -m vfx_rs.cli`` runs the `vfx` command."""

import sys

from vfx_rs.cli import main

sys.exit(main())
