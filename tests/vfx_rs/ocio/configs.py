"""Hand-written OCIO configs the OCIO tests load with both PyOpenColorIO and `vfx_rs.ocio`."""

from __future__ import annotations

__all__ = ["V1_CONFIG", "V2_CONFIG"]

V2_CONFIG = """\
ocio_profile_version: 2.1

environment:
  SHOT: sh010
  SEQ: sq01
search_path:
  - luts
  - luts/${SEQ}/$SHOT
strictparsing: true
name: test-v2
description: hand-written test config

roles:
  default: lin_ap1
  scene_linear: lin_ap1
  color_timing: log_camera
  data: raw

file_rules:
  - !<Rule> {name: LogFiles, colorspace: log_affine, pattern: "*_log*", extension: "dpx"}
  - !<Rule> {name: Plates, colorspace: gamma22_tex, regex: ".*/plates/.*\\\\.tiff?"}
  - !<Rule> {name: ColorSpaceNamePathSearch}
  - !<Rule> {name: Default, colorspace: default}

viewing_rules:
  - !<Rule> {name: log_only, colorspaces: [log_affine, log_camera]}
  - !<Rule> {name: by_encoding, encodings: [scene-linear]}

shared_views:
  - !<View> {name: Film, view_transform: filmic, display_colorspace: <USE_DISPLAY_NAME>, looks: +grade}
  - !<View> {name: Plain, view_transform: plain, display_colorspace: <USE_DISPLAY_NAME>}

displays:
  sRGB - Display:
    - !<View> {name: Raw, colorspace: raw}
    - !<View> {name: Log, colorspace: log_affine, rule: log_only}
    - !<View> {name: Linear, colorspace: lin_ap1, rule: by_encoding}
    - !<Views> [Film, Plain]
  Gamma 2.2 Display:
    - !<View> {name: Direct, view_transform: display_tweak, display_colorspace: gamma22_display}
    - !<Views> [Plain, Film]
  Hidden Display:
    - !<View> {name: Raw, colorspace: raw}

active_displays: [Gamma 2.2 Display, sRGB - Display]
active_views: [Film, Plain, Direct, Raw, Log, Linear]
inactive_colorspaces: [unused_space]

default_view_transform: plain

view_transforms:
  - !<ViewTransform>
    name: filmic
    family: tonemaps
    from_scene_reference: !<GroupTransform>
      children:
        - !<MatrixTransform> {matrix: [0.9, 0.05, 0.05, 0, 0.02, 0.95, 0.03, 0, 0.01, 0.04, 0.95, 0, 0, 0, 0, 1]}
        - !<LogAffineTransform> {base: 2, log_side_slope: 0.08, log_side_offset: 0.6, lin_side_slope: 1, lin_side_offset: 0.005}
        - !<RangeTransform> {min_in_value: 0.05, max_in_value: 1.1, min_out_value: 0, max_out_value: 1}
        - !<ExponentTransform> {value: [2.2, 2.2, 2.2, 1]}
  - !<ViewTransform>
    name: plain
    to_scene_reference: !<MatrixTransform> {matrix: [1.1, 0, 0, 0, 0, 1.05, 0, 0, 0, 0, 0.95, 0, 0, 0, 0, 1], direction: inverse}
  - !<ViewTransform>
    name: display_tweak
    from_display_reference: !<MatrixTransform> {matrix: [0.98, 0.01, 0.01, 0, 0.0, 1.0, 0.0, 0, 0.01, 0.0, 0.99, 0, 0, 0, 0, 1]}

looks:
  - !<Look>
    name: grade
    process_space: log_camera
    transform: !<MatrixTransform> {matrix: [1.05, 0, 0, 0, 0, 1.0, 0, 0, 0, 0, 0.97, 0, 0, 0, 0, 1], offset: [0.01, 0, -0.01, 0]}
  - !<Look>
    name: film
    process_space: lin_ap1
    transform: !<ExponentTransform> {value: [1.1, 1.05, 1.0, 1], style: mirror}
    inverse_transform: !<ExponentTransform> {value: [1.1, 1.05, 1.0, 1], style: mirror, direction: inverse}

colorspaces:
  - !<ColorSpace>
    name: lin_ap1
    aliases: [ACEScg-ish, linear]
    family: Linear
    categories: [file-io, working-space]
    encoding: scene-linear
    isdata: false

  - !<ColorSpace>
    name: lin_ap0
    family: Linear
    encoding: scene-linear
    to_scene_reference: !<MatrixTransform> {matrix: [1.4514393161, -0.2365107469, -0.2149285693, 0, -0.0765537734, 1.1762296998, -0.0996759264, 0, 0.0083161484, -0.0060324498, 0.9977163014, 0, 0, 0, 0, 1]}

  - !<ColorSpace>
    name: log_affine
    family: Log
    encoding: log
    from_scene_reference: !<LogAffineTransform> {base: 10, log_side_slope: [0.25, 0.25, 0.25], log_side_offset: 0.5, lin_side_slope: 5.0, lin_side_offset: 0.01}

  - !<ColorSpace>
    name: log_camera
    family: Log
    encoding: log
    from_scene_reference: !<GroupTransform>
      children:
        - !<MatrixTransform> {matrix: [0.95, 0.03, 0.02, 0, 0.01, 0.97, 0.02, 0, 0.0, 0.02, 0.98, 0, 0, 0, 0, 1]}
        - !<LogCameraTransform> {base: 2, log_side_slope: 0.0570776, log_side_offset: 0.554795, lin_side_slope: 1, lin_side_offset: 0.0078125, lin_side_break: 0.0078125}

  - !<ColorSpace>
    name: log2_plain
    family: Log
    from_scene_reference: !<GroupTransform>
      children:
        - !<RangeTransform> {min_in_value: 0.001, min_out_value: 0.001}
        - !<LogTransform> {base: 2}

  - !<ColorSpace>
    name: camera_log_slope
    family: Log
    to_scene_reference: !<LogCameraTransform> {base: 10, log_side_slope: 0.3, log_side_offset: 0.6, lin_side_slope: 2, lin_side_offset: 0.1, lin_side_break: 0.01, linear_slope: 4.0, direction: inverse}

  - !<ColorSpace>
    name: gamma22_tex
    family: Texture
    categories: [file-io]
    encoding: sdr-video
    to_scene_reference: !<ExponentTransform> {value: 2.2, style: pass_thru}

  - !<ColorSpace>
    name: srgb_tex
    family: Texture
    encoding: sdr-video
    to_scene_reference: !<GroupTransform>
      children:
        - !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055}
        - !<MatrixTransform> {matrix: [0.6131, 0.3395, 0.0474, 0, 0.0702, 0.9164, 0.0134, 0, 0.0206, 0.1096, 0.8698, 0, 0, 0, 0, 1]}

  - !<ColorSpace>
    name: video_range
    family: Utility
    from_scene_reference: !<GroupTransform>
      direction: inverse
      children:
        - !<RangeTransform> {min_in_value: 0.0625, max_in_value: 0.918, min_out_value: 0, max_out_value: 1, style: noClamp}
        - !<ExponentWithLinearTransform> {gamma: [2.2, 2.3, 2.4, 1], offset: [0.05, 0.06, 0.099, 0], style: mirror}

  - !<ColorSpace>
    name: clamped
    family: Utility
    to_scene_reference: !<RangeTransform> {min_in_value: -0.05, max_in_value: 1.5, min_out_value: 0, max_out_value: 2}

  - !<ColorSpace>
    name: via_cst
    family: Utility
    to_scene_reference: !<GroupTransform>
      children:
        - !<ColorSpaceTransform> {src: log_affine, dst: lin_ap1}
        - !<MatrixTransform> {matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1], offset: [0.1, 0.1, 0.1, 0]}

  - !<ColorSpace>
    name: raw
    family: Utility
    isdata: true

  - !<ColorSpace>
    name: unused_space
    family: Utility
    to_scene_reference: !<MatrixTransform> {matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1]}

display_colorspaces:
  - !<ColorSpace>
    name: sRGB - Display
    family: Display
    encoding: sdr-video
    from_display_reference: !<ExponentWithLinearTransform> {gamma: 2.4, offset: 0.055, direction: inverse}

  - !<ColorSpace>
    name: Gamma 2.2 Display
    family: Display
    encoding: sdr-video
    from_display_reference: !<ExponentTransform> {value: 2.2, direction: inverse}

  - !<ColorSpace>
    name: gamma22_display
    family: Display
    encoding: sdr-video
    to_display_reference: !<GroupTransform>
      children:
        - !<ExponentTransform> {value: 2.2}
        - !<MatrixTransform> {matrix: [0.9, 0.1, 0, 0, 0, 1, 0, 0, 0, 0.1, 0.9, 0, 0, 0, 0, 1]}

named_transforms:
  - !<NamedTransform>
    name: to_log_nt
    aliases: [lognt]
    family: Utility
    transform: !<LogAffineTransform> {base: 10, log_side_slope: 0.5, log_side_offset: 0.3, lin_side_slope: 1, lin_side_offset: 0.02}
"""
"""A v2 config: every query-relevant section plus the transforms the op library covers."""

V1_CONFIG = """\
ocio_profile_version: 1

search_path: luts
strictparsing: true
luma: [0.2126, 0.7152, 0.0722]

roles:
  default: linear
  scene_linear: linear
  compositing_log: lg10
  color_picking: srgb8

displays:
  sRGB:
    - !<View> {name: Film, colorspace: srgb8, looks: warm}
    - !<View> {name: Log, colorspace: lg10}
    - !<View> {name: Raw, colorspace: raw}
  Rec709:
    - !<View> {name: Video, colorspace: rec709}

active_displays: []
active_views: []

looks:
  - !<Look>
    name: warm
    process_space: lg10
    transform: !<MatrixTransform> {matrix: [1.02, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0.97, 0, 0, 0, 0, 1]}

colorspaces:
  - !<ColorSpace>
    name: linear
    family: ""
    bitdepth: 32f
    isdata: false
    allocation: lg2
    allocationvars: [-15, 6]

  - !<ColorSpace>
    name: lg10
    family: log
    bitdepth: 10ui
    to_reference: !<GroupTransform>
      children:
        - !<MatrixTransform> {matrix: [2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1], offset: [-1.4, -1.4, -1.4, 0]}
        - !<LogTransform> {base: 10, direction: inverse}
        - !<MatrixTransform> {offset: [-0.01, -0.01, -0.01, 0]}

  - !<ColorSpace>
    name: srgb8
    family: srgb
    from_reference: !<GroupTransform>
      children:
        - !<ExponentTransform> {value: [2.4, 2.4, 2.4, 1], direction: inverse}

  - !<ColorSpace>
    name: rec709
    family: video
    from_reference: !<GroupTransform>
      children:
        - !<MatrixTransform> {matrix: [0.9, 0.05, 0.05, 0, 0.05, 0.9, 0.05, 0, 0.05, 0.05, 0.9, 0, 0, 0, 0, 1]}
        - !<ExponentTransform> {value: [0.45, 0.45, 0.45, 1]}

  - !<ColorSpace>
    name: raw
    family: raw
    isdata: true
"""
"""A v1 config: to_reference/from_reference, v1 views, a look."""
