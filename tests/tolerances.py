"""Every tolerance the tests use, named by what it compares."""

ATOL_FLOAT32_ROUNDTRIP = 0.0
"""Lossless formats storing float32 give back the same bits."""

ATOL_HALF = 2.0**-11
"""Relative step of IEEE half precision (10-bit mantissa): a float32 -> half -> float32 round trip."""

ATOL_FLOAT32_ULP = 1.2e-7
"""One float32 step near 1: OpenImageIO scales integer codes by a reciprocal, we divide."""

ATOL_8BIT = 0.5 / 255.0
"""Half a code value of 8-bit quantisation."""

ATOL_16BIT = 0.5 / 65535.0
"""Half a code value of 16-bit quantisation."""

ATOL_JPEG_Q95 = 0.06
"""JPEG at quality 95 (4:2:0 chroma) on the smooth test image of test_raster.py: measured worst error 0.053."""

RTOL_TRANSFER = 1e-6
"""Transfer functions and matrices against colour-science (issue 3)."""

RTOL_HLG_RGB_F32 = 2e-6
"""In-place float32 HLG EOTF/OOTF on RGB pixels and Canon Log 2/3 on images against colour-science in float64
(issue 3); measured 4.7e-7 (EOTF), 2.0e-7 (OOTF): float32 rounding of the luminance power."""

ATOL_DISPLAY_OCIO = 1e-4
"""Display-referred output against OpenColorIO's CPU processor (issues 3 and 5)."""

ATOL_CDL_OCIO = 1e-4
"""ASC CDL against OCIO's CDLTransform (every style, both directions) on a 17^3 grid over [-0.1, 64] and ramps:
absolute error where |ref| <= 1, relative above (issue 3's 1e-4 bound); measured 1.8e-7 (asc), 2.1e-6 (noclamp)."""

RTOL_CDL_ROUNDTRIP_F64 = 1e-9
"""ASC CDL noclamp forward then reverse in float64 (error relative above 1); measured below 1e-12."""

ATOL_LUT_OCIO = 1e-5
"""LUT application against OpenColorIO's FileTransform (issue 4)."""

RTOL_LUT_OCIO_ABOVE_1 = 1e-4
"""CLF/CTF nodes against OCIO above 1 (issue 18: 1e-5, and 1e-4 relative above 1): steep curves to 100
(PQ_TO_Lin) and float32 powers differ by a few ulps there; measured 3.1e-5 relative."""

RTOL_OCIO_SSE_POW = 5e-5
"""ExposureContrast against its exact float64 formula: OCIO's CPU renderer, and vfx_rs with it, raise to
the contrast with ssePower, an SSE approximation used even at OPTIMIZATION_LOSSLESS
(ExposureContrastOpCPU.cpp); measured 2.8e-5 relative on OCIO's exposure_contrast_linear.ctf."""

ATOL_CLF_REWRITE = 1e-6
"""A pipeline written to .clf and read back against the pipeline itself: exact parameters, but a
domain-scaled LUT or a one-sided clamping range is rewritten as a matrix plus a node, which rounds
differently in float32 (issue 4)."""

ATOL_GLSL_VS_NUMPY = 1e-3
"""GLSL preview read back from a float framebuffer against the NumPy core (issue 7)."""

RTOL_DISPLAY_CHAIN_F32 = 1e-5
"""The viewer's float32 display chain (exposure, CDL, saturation, sRGB, gamma) against a float64 model (issue 7)."""

ATOL_VIEWER_CDL_F32 = 3e-5
"""The viewer's float32 chain with its CdlOp grade against a float64 model: the CDL saturation runs as OCIO's
CPU renderer does, ``luma + sat * (c - luma)`` in float32 even at sat 1, losing up to eps32 * |luma| per channel
(scene values up to ~20, display-encoded after): measured 1.4e-5 on display values, 3.8e-6 graded (issue 7)."""

ATOL_SCREENSHOT = 4.0 / 255.0
"""A window screenshot (QWidget.grab, 8-bit) against the displayed value: the viewport's own
framebuffer matches within 2 codes; the composed window grab measured 2.5 codes off (issue 7)."""

ATOL_SCREENSHOT_SAMPLE = 8.0 / 255.0
"""A grab of the whole window showing the bundled sample (fitted, so filtered) against the span of the displayed
values in the 5x5 neighbourhood of each probed pixel: measured 6.0 codes (0.0234) under Xvfb/llvmpipe, while the
viewport's own framebuffer matches within 0.5 code at the same points (issue 7)."""

RTOL_STATS_FLOAT64 = 1e-12
"""ops.stats mean/std (float64 accumulation) against NumPy's float64 mean/std of the same values (issue 6)."""

RTOL_OPS_OCIO = 1e-5
"""Exponent/moncurve/log ops in float64 against OCIO's float32 CPU processor (LOSSLESS), relative to max(1, |ref|)."""

ATOL_TRANSFER_NEAR_ZERO = 1e-12
"""Absolute floor for transfer-function comparisons where the reference value is ~0 (float64 cancellation)."""

ATOL_MATRIX = 1e-12
"""Color matrices against colour-science's matrices derived from the same primaries (measured ~5e-16)."""

ATOL_RESIZE_OIIO = 1e-5
"""ops.resize against OpenImageIO's ImageBufAlgo.resize, same filter, values in 0..1 (issue 6): measured worst
6.6e-7 on smooth images and 2.6e-6 on uniform noise over the test grid, 6.5e-6 at 4K in bench/ops.py (float32
summation order; OIIO's gaussian uses fast_exp)."""

ATOL_FLOAT32_SUMS = 2e-6
"""Normalised float32 filter sums of values in 0..1 against another float32 implementation or a closed form:
a few ulps of 1 (issue 6: blur against OpenImageIO convolve and SciPy, composite and blend against OpenImageIO)."""

RTOL_OCIO_PROCESSOR = 1e-4
"""OCIO config processors (color space pairs, displays/views, looks) against OpenColorIO's CPU processor
(F32, LOSSLESS), relative to max(1, |ref|), after allowing per value the change OCIO itself shows when each
input moves by one part in a million (issue 5)."""

ATOL_OCIO_POWER_NOISE = 3e-4
"""Only for OCIO reference values below 1e-3 in magnitude: OCIO's float32 rounding left by a log/antilog pair
(~1e-9 where the exact value is 0) and then raised to an encoding power 1/2.4; measured 1.7e-4 (issue 5)."""

RTOL_OCIO_BUILTIN = 1e-4
"""The built-in ACES config and BuiltinTransform styles against OpenColorIO's CPU processor (F32, LOSSLESS) on the
17^3 grid over [-0.1, 64]: ``|ours - ocio| / max(1, |ocio|)``, no allowance for OCIO's own rounding (issue 5)."""

ATOL_BAKE_SHAPER3D_65 = 1e-3
"""A log2 shaper (65536 entries, -10..+8 stops around 0.18) + 65^3 .cube baked from a scene-linear chain
(grade matrix, ACEScct encode, sRGB encode), applied by OCIO (tetrahedral), against the direct chain on
log-uniform colours 1.8e-4..46 and greys 0..1.8e-4: measured 5.7e-4 (issue 4). A plain 65^3 LUT over 0..46: 0.28."""

RTOL_BAKE_3D_33_LOG = 6e-3
"""A 33^3 LUT baked from ACEScct decode, grade matrix, sRGB encode over codes 0..1 (outputs up to 10),
applied by OCIO (tetrahedral), against the direct chain, relative to max(1, |ref|): measured 4.0e-3
(issue 4)."""

ATOL_BAKE_1D_4096 = 5e-6
"""A 4096-entry 1D LUT over 0..2 baked from per-channel powers and sRGB encode, applied by OCIO, against
the direct chain: measured 3.0e-6 (issue 4)."""

ATOL_BAKE_ACES_GREYS_65 = 1.5e-3
"""vfx_rs.color.aces ACES 1.3 sRGB output transform baked by vfx_rs.lut.bake (log2 shaper, -10..+8 stops, 65536
entries, + 65^3 .cube), applied by OCIO (tetrahedral), against OCIO's direct transform (ACES 1.3 CG config, sRGB
display, SDR video view) and against our direct pipeline, on 2000 greys over the stop range: measured 1.0e-3
(OCIO's own Baker with the same shaper and sizes: 8.1e-3; our direct transform is within 4.8e-7 of OCIO's) (issue 4)."""

ATOL_BAKE_ACES_REC709_65 = 0.06
"""As ATOL_BAKE_ACES_GREYS_65, on 20000 Rec.709-gamut colours within one stop of grey per channel: measured
max 0.043, 99th percentile 7.4e-3, mean 9.3e-4 (OCIO's own Baker: max 0.043, 99th percentile 0.013, mean
2.2e-3). The ACES 1.3 output turns sharply near the gamut boundary; a 65-point lattice (0.28-stop cells)
cannot follow it closer (issue 4)."""

RTOL_ACES_BUILTIN_OCIO = 1e-5
"""ACES BuiltinTransform styles (XYZ out, HDR in nits/100) against OCIO's lossless CPU processor, error
relative to max(1, |value|), forward and inverse: measured at most 2.1e-6 (issue 3, part 5)."""

RTOL_ACES_INVERSE_OCIO = 1e-4
"""Inverse ACES BuiltinTransforms (display XYZ back to ACES2065-1) against OCIO's inverse, relative to
max(1, |value|), where OCIO's own round trip recovers the input: the inverse tone scale amplifies float32
rounding; measured at most 5.7e-5 (issue 3, part 5)."""

ATOL_CLI_GRADE_OCIO = 1e-6
"""`vfx grade` (exposure then ASC CDL, noclamp and asc styles) against OpenColorIO's MatrixTransform + CDLTransform
(F32, LOSSLESS) on values up to ~2.2 (issue 8): measured 2.4e-7 (noclamp) and 6e-8 (asc)."""

RTOL_CLI_DIFF_METRICS = 1e-6
"""`vfx diff` max/RMS/PSNR printed as JSON against the same metrics computed in float64 with NumPy from the
float32 pixels (issue 8)."""

ATOL_CLI_COLOR_ROUNDTRIP = 2e-6
"""`vfx color` sRGB-encoded 0..1 -> decode -> ACEScg -> sRGB -> encode, back to the input, two float32 runs with
matrices and power curves (issue 8): measured 9.1e-7."""

ATOL_ACES_OP_INVERSE = 2e-5
"""ACES fixed-function and B-spline ops followed by their inverses, on scene-linear samples 0.18 * 2**[-6, 5]
(also relative): exact to float32 except the glow on very dark pixels, whose saturation floor makes the
ACES/OCIO inverse approximate: measured 1.35e-5 (issue 3, part 5)."""

RTOL_ACES2_OCIO = 1e-4
"""ACES 2.0 output transforms (BuiltinTransform and FixedFunction styles) against OCIO's CPU processor (F32,
LOSSLESS), relative to max(1, |ref|), after allowing OCIO's own float32 noise (`oracle.ocio_noise`, issue 11):
the 31 styles forward on ACES values from -0.1 to 1e4 measured at most 3.3e-6, inverse on display XYZ from -0.1
to 1.2 x peak at most 2.8e-5 (tables bit-identical to OCIO's but for a rare upper-hull gamma entry)."""


ATOL_IBA_F32 = 2e-6
"""vfx-rs-py ops against OpenImageIO's ImageBufAlgo on float32 values in about -1..4 (issue 21): the same
formulas evaluated in float64 here and float32 there (a few float32 steps at 4)."""

RTOL_IBA_LOG = 3e-4
"""rangecompress/rangeexpand and sigmoid contrast_remap against ImageBufAlgo (issue 21), which evaluates its
log/exp in float32: measured 2.5e-5 relative (rangecompress), 8.6e-5 (rangeexpand), 2.8e-4 (rangeexpand
with use_luma), where the formula in float64
round-trips to 1e-7."""

ATOL_LUT_INVERSE_OCIO = 1e-6
"""Inverse 1D, half-domain and 3D LUT ops against OCIO's exact inversion (issue 20): absolute, relative above 1;
measured 1.2e-7 (1D), 6.4e-8 (half domain), 9e-8 (3D, including values outside the LUT's gamut)."""

RTOL_TRACE_VS_APPLY = 1e-6
"""`ViewSettings.trace` (one pixel through the ops) against the same pixel inside `apply`'s tiles: the same float32
kernels, but BLAS and NumPy's SIMD loops may round the last bits of a lone pixel differently (seen: 3e-8)."""

ATOL_TIFF_CONTAINER = {
    **{bits: 1.0 / 255.0 for bits in (1, 2, 4, 6, 8)},
    **{bits: 1.0 / 65535.0 for bits in (10, 12, 14, 16)},
    24: 2.0**-23,
    32: 2.0**-23,
}
"""A TIFF sample normalised by its own maximum against OpenImageIO, which first widens 1-6 bit samples to 8, 10-14
to 16 and 24 to 32 bits with integer arithmetic (``bit_convert``, truncating): within one code of that container
(issue 19); 32-bit: one float32 step near 1."""

RTOL_LOGLUV_DECODE = 1e-6
"""LogLuv/LogL decoded by libtiff to float32 against the cell-centre formulas of Larson's paper in float64 (issue 19)."""

RTOL_DEEP_OIIO = 1e-6
"""vfx_rs.deep against OpenImageIO's DeepData and deep ImageBufAlgo: both float32, log1p/expm1 of NumPy
against the C library's log1pf (merging overlaps), and compositing order within a pixel: a few ulp."""

ATOL_HUE_CURVE_OCIO = 1e-5
"""GradingHueCurveOp (float32) against PyOpenColorIO's GradingHueCurveTransform, relative to max(1, |ref|)
(issue 20): log and video styles measured bit-exact, linear 5.5e-6 (the luma's log2 and power in float32)."""

ATOL_VNG_LIBRAW_CODES = 2.0
"""VNG demosaic against LibRaw's vng_interpolate, in 16-bit code values: LibRaw's gradients and choice of
directions are exact integers like ours, but it rounds the bilinear start down (< 1), halves own-colour pairs
with a shift (< 0.5) and truncates the mean difference (< 1); measured 1.36 (issue 21)."""
