"""The ACES 1.3 view the CLI tests run against OCIO's own copy of the same config."""

ACES13_CONFIG = "cg-config-v2.2.0_aces-v1.3_ocio-v2.4"

ACES13_VIEW = (
    *("--config", f"ocio://{ACES13_CONFIG}", "--input", "ACEScg"),
    *("--display", "sRGB - Display", "--view", "ACES 1.0 - SDR Video"),
)
"""ACEScg through the ACES 1.3 CG config's SDR video view, as `vfx` options (not the default config: ACES 2.1)."""
