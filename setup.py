"""The top-level data folders go into the packages of a wheel (DESIGN.md: ``shaders/`` and ``resources/`` ship as
package data): ``resources/`` becomes ``vfx_rs/resources`` and ``shaders/`` becomes ``vfxview/shaders``.

Everything else about the distribution is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["vfx_rs", "vfx_rs.*", "vfxview", "vfxview.*"]),
        "vfx_rs.resources",
        "vfxview.shaders",
    ],
    package_dir={"vfx_rs.resources": "resources", "vfxview.shaders": "shaders"},
    package_data={"vfx_rs": ["py.typed"], "vfx_rs.resources": ["*"], "vfxview.shaders": ["*"]},
)
