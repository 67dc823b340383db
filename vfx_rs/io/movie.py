"""QuickTime, MP4, MXF and Matroska movies: frames as `Image`, and encoding dailies.

Decoding and encoding go through PyAV (the FFmpeg binding that ``imageio[pyav]`` is built on; its wheels
carry FFmpeg). Frames are taken in their native Y'CbCr planes and converted here with the matrix and
range the stream declares (`vfx_rs.io.movie_yuv`), never through swscale's BT.601 default.

`read_movie` returns a `Movie`: its length, frame rate, start timecode and color tags, and each frame
(by index, decoded on demand with a seek to the nearest key frame) as an `Image` holding the encoded
R'G'B' values (0..1, not linearised: the transfer function stays for the view transform to undo, as
for a PNG) with ``metadata`` naming the frame, its timecode and the stream's tags. `write_movie`
encodes a sequence of images, atomically, with those tags in the container.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Any

import numpy as np

from vfx_rs.errors import ArgumentError, FormatError, IoError
from vfx_rs.image import Image
from vfx_rs.io.limits import check_size
from vfx_rs.io.movie_yuv import MATRIX_COEFFICIENTS, planes_to_rgb, rgb_to_planes
from vfx_rs.io.timecode import frames_to_timecode, timecode_to_frames

__all__ = [
    "CODECS",
    "MOVIE_EXTENSIONS",
    "PRIMARIES",
    "TRANSFERS",
    "WRITE_OPTIONS",
    "Movie",
    "read",
    "read_movie",
    "write",
    "write_movie",
]

WRITE_OPTIONS: dict[str, frozenset[str]] = {"movie": frozenset()}

MOVIE_EXTENSIONS = (".mov", ".mp4", ".m4v", ".mxf", ".mkv")
"""Extensions `vfx_rs.read` and the viewer treat as movies."""

PRIMARIES = {1: "bt709", 2: "unspecified", 5: "bt470bg", 6: "smpte170m", 9: "bt2020", 11: "smpte431", 12: "smpte432"}
"""H.273 ColourPrimaries codes (11: DCI-P3, 12: P3-D65)."""

TRANSFERS = {
    1: "bt709",
    2: "unspecified",
    6: "smpte170m",
    8: "linear",
    13: "iec61966-2-1",
    14: "bt2020-10",
    16: "smpte2084",
    18: "arib-std-b67",
}
"""H.273 TransferCharacteristics codes (13: sRGB, 16: PQ, 18: HLG)."""

CODECS = {
    "prores_422hq": ("prores_ks", "yuv422p10le", {"profile": "3"}),
    "prores_4444": ("prores_ks", "yuva444p10le", {"profile": "4"}),
    "h264": ("libx264", "yuv420p", {"crf": "16", "preset": "medium"}),
}
"""`write_movie` codec names -> (FFmpeg encoder, pixel format, encoder options)."""

_CONTAINERS = {".mov": "mov", ".mp4": "mp4", ".m4v": "mp4", ".mkv": "matroska", ".mxf": "mxf"}


def _av() -> Any:
    try:
        import av
    except ImportError as exc:  # pragma: no cover - the [movie] extra is missing
        raise FormatError('movies need PyAV: pip install "vfx-rs[movie]"') from exc
    return av


def _planes(frame: Any) -> tuple[list[np.ndarray], int]:
    """The frame's planes as 2D code arrays, and the bits per sample."""
    name = frame.format.name
    bits = 8
    for depth in (16, 14, 12, 10, 9):
        if f"p{depth}" in name:
            bits = depth
            break
    dtype = np.dtype("<u2") if bits > 8 else np.dtype(np.uint8)
    planes = []
    for plane in frame.planes:
        row = plane.line_size // dtype.itemsize
        data = np.frombuffer(memoryview(plane), dtype).reshape(plane.height, row)[:, : plane.width]
        planes.append(data)
    return planes, bits


class Movie:
    """A movie file open for reading; use as a sequence of `Image` frames and close it (or use ``with``)."""

    def __init__(self, path: str) -> None:
        from vfx_rs._files import open_regular

        av = _av()
        self.path = path
        with open_regular(path, "a movie"):  # a FIFO would block FFmpeg's open, a device never end
            pass
        try:
            self._container = av.open(path)
        except av.error.FileNotFoundError as exc:
            raise IoError("no such file", path=path) from exc
        except Exception as exc:
            raise FormatError(f"cannot open the movie: {exc}", path=path) from exc
        if not self._container.streams.video:
            self._container.close()
            raise FormatError("the movie has no video stream", path=path)
        self._stream = stream = self._container.streams.video[0]
        ctx = stream.codec_context
        if ctx is None:
            self._container.close()
            raise FormatError("the movie's video stream has no decoder (unknown or damaged codec)", path=path)
        self.width, self.height = int(ctx.width), int(ctx.height)
        check_size(self.width, self.height, 4, path)
        rate = stream.average_rate or stream.guessed_rate
        if not rate:
            raise FormatError("the movie's video stream has no frame rate", path=path)
        self.fps = Fraction(rate)
        self.timecode: str | None = stream.metadata.get("timecode") or self._container.metadata.get("timecode")
        self.codec = ctx.name
        self.pixel_format = ctx.pix_fmt
        self.tags = {
            "color_primaries": PRIMARIES.get(int(ctx.color_primaries or 2), "unspecified"),
            "transfer": TRANSFERS.get(int(ctx.color_trc or 2), "unspecified"),
            "matrix": MATRIX_COEFFICIENTS.get(int(ctx.colorspace or 2), "unspecified"),
            "range": "pc" if int(ctx.color_range or 0) == 2 else "tv",
        }
        frames = int(stream.frames or 0)
        if not frames and stream.duration and stream.time_base:
            frames = round(float(stream.duration * stream.time_base * self.fps))
        self.frame_count = frames
        self._start = stream.start_time or 0

    def __enter__(self) -> Movie:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the file."""
        self._container.close()

    def __len__(self) -> int:
        return self.frame_count

    def _index(self, frame: Any) -> int:
        return round(float((frame.pts - self._start) * self._stream.time_base * self.fps))

    def _image(self, frame: Any, index: int) -> Image:
        name = frame.format.name
        if not name.startswith(("yuv", "yuvj")):
            raise FormatError(f"movie frames in pixel format {name!r} are not supported (Y'CbCr only)", path=self.path)
        matrix = self.tags["matrix"] if self.tags["matrix"] != "unspecified" else "bt709"
        full = self.tags["range"] == "pc" or name.startswith("yuvj")
        planes, bits = _planes(frame)
        pixels = planes_to_rgb(planes, bits, matrix, full, self.path)
        if pixels.shape[2] == 4:
            pixels[..., :3] *= pixels[..., 3:]
        meta: dict[str, Any] = {
            **self.tags,
            "frame": index,
            "fps": float(self.fps),
            "frame_rate": f"{self.fps.numerator}/{self.fps.denominator}",
            "codec": self.codec,
            "pixel_format": name,
            "bit_depth": bits,
            "matrix_assumed": self.tags["matrix"] == "unspecified",
        }
        if self.timecode:
            meta["timecode"] = self.timecode
        return Image(pixels, None, "u8" if bits == 8 else "u16", meta)

    def _decode(self, seek: int, **options: Any) -> Iterator[Any]:
        """Frames from `seek` on; FFmpeg's errors on damaged data raise `FormatError`."""
        av = _av()
        try:
            self._container.seek(seek, **options)
            yield from self._container.decode(self._stream)
        except av.error.FFmpegError as exc:
            raise FormatError(f"damaged movie data: {exc.strerror or exc}", path=self.path) from exc

    def __iter__(self) -> Iterator[Image]:
        for frame in self._decode(0):
            yield self._image(frame, self._index(frame))

    def __getitem__(self, index: int) -> Image:
        if isinstance(index, bool) or not isinstance(index, (int, np.integer)):
            raise ArgumentError(f"frame index must be an integer, not {index!r}", path=self.path)
        index = int(index) + (self.frame_count if index < 0 else 0)
        if not 0 <= index < self.frame_count:
            raise ArgumentError(f"frame {index} out of range; the movie has {self.frame_count} frames", path=self.path)
        pts = self._start + int(Fraction(index) / self.fps / self._stream.time_base)
        for frame in self._decode(pts, stream=self._stream, backward=True, any_frame=False):
            found = self._index(frame)
            if found == index:
                return self._image(frame, index)
            if found > index:
                break
        raise FormatError(f"frame {index} could not be decoded (damaged or truncated movie)", path=self.path)

    def __repr__(self) -> str:
        return f"<vfx_rs.Movie {os.path.basename(self.path)} {self.width}x{self.height} {len(self)} frames @ {float(self.fps):g} fps>"


def read_movie(path: str | os.PathLike[str]) -> Movie:
    """Open a movie for reading (see `Movie`)."""
    from vfx_rs._files import check_path

    return Movie(check_path(path, "movie"))


def read(path: str, frame: int = 0) -> Image:
    """One frame of a movie (the first by default), for `vfx_rs.read`."""
    with Movie(path) as movie:
        return movie[frame]


def write(path: str, image: Image, fmt: str = "movie") -> None:
    """`vfx_rs.write` of one image to a movie name: refused, a movie is a sequence (`write_movie`)."""
    raise ArgumentError("a movie holds a sequence of frames: write it with vfx_rs.write_movie(path, frames, ...)")


def write_movie(
    path: str | os.PathLike[str],
    frames: Iterable[Image],
    fps: float | Fraction = 24,
    codec: str = "prores_422hq",
    *,
    timecode: str | None = None,
    color_primaries: str = "bt709",
    transfer: str = "bt709",
    matrix: str = "bt709",
) -> int:
    """Encode display-referred R'G'B' frames (0..1) as a movie; returns the number of frames written.

    Parameters
    ----------
    path
        The movie file; the extension picks the container (.mov, .mp4, .mkv, .mxf).
    frames
        Images of one size with 3 (or 4, for ``prores_4444``) channels, already through the view
        transform (display code values).
    codec
        One of `CODECS`: ProRes 422 HQ or 4444 (FFmpeg's prores_ks, 10 bit), or H.264 (8-bit 4:2:0).
    timecode
        Start timecode ``HH:MM:SS:FF`` written into the container.
    color_primaries, transfer, matrix
        The tags written into the stream (names of `PRIMARIES`, `TRANSFERS`, `movie_yuv.MATRIX_COEFFICIENTS`);
        the frames are converted to Y'CbCr with `matrix`.

    Raises
    ------
    ArgumentError
        Unknown codec, tag or frame rate, or frames of different sizes.
    FormatError
        The encoder is missing from this FFmpeg build.
    """
    from vfx_rs._files import check_path
    from vfx_rs.io.atomic import atomic_output

    av = _av()
    target = check_path(path, "movie")
    ext = os.path.splitext(target)[1].lower()
    if ext not in _CONTAINERS:
        raise ArgumentError(f"unknown movie extension {ext!r}; use one of {', '.join(_CONTAINERS)}", path=target)
    if codec not in CODECS:
        raise ArgumentError(f"unknown codec {codec!r}; use one of {', '.join(CODECS)}", path=target)
    tags = {}
    for what, value, table in (
        ("color_primaries", color_primaries, PRIMARIES),
        ("color_trc", transfer, TRANSFERS),
        ("colorspace", matrix, MATRIX_COEFFICIENTS),
    ):
        codes = [k for k, v in table.items() if v == value]
        if not codes:
            raise ArgumentError(f"unknown {what} {value!r}; use one of {', '.join(sorted(set(table.values())))}")
        tags[what] = codes[0]
    rate = Fraction(fps).limit_denominator(1001)
    if rate <= 0:
        raise ArgumentError(f"frame rate must be positive, not {fps!r}", path=target)
    start_timecode = frames_to_timecode(timecode_to_frames(timecode, rate), rate) if timecode else None
    encoder, pix_fmt, options = CODECS[codec]
    try:
        av.codec.Codec(encoder, "w")
    except Exception as exc:
        raise FormatError(f"this FFmpeg build has no {encoder} encoder (codec {codec!r})", path=target) from exc
    subsampling = (2, 2) if "420" in pix_fmt else (2, 1) if "422" in pix_fmt else (1, 1)
    count = 0
    with atomic_output(target) as tmp:
        container = av.open(tmp, "w", format=_CONTAINERS[ext])
        try:
            stream = container.add_stream(encoder, rate=rate, options=dict(options))
            stream.pix_fmt = pix_fmt
            for key, code in tags.items():
                setattr(stream.codec_context, key, code)
            stream.codec_context.color_range = 1  # narrow ("tv") range, as broadcast and ProRes expect
            if start_timecode:
                stream.metadata["timecode"] = start_timecode
            for image in frames:
                if count == 0:
                    stream.width, stream.height = image.width, image.height
                elif (image.width, image.height) != (stream.width, stream.height):
                    raise ArgumentError(
                        f"frame {count} is {image.width}x{image.height}; the movie is {stream.width}x{stream.height}"
                    )
                frame = _encode_frame(av, image, pix_fmt, matrix, subsampling)
                frame.pts = count
                for packet in stream.encode(frame):
                    container.mux(packet)
                count += 1
            for packet in stream.encode():
                container.mux(packet)
        finally:
            container.close()
        if count == 0:
            raise ArgumentError("no frames to write", path=target)
    return count


def _encode_frame(av: Any, image: Image, pix_fmt: str, matrix: str, subsampling: tuple[int, int]) -> Any:
    alpha = "yuva" in pix_fmt
    if image.channels not in ((3, 4) if alpha else (3,)):
        raise ArgumentError(
            f"{pix_fmt} frames need {'RGB(A)' if alpha else 'RGB'}; the image has {image.channels} channels"
        )
    data = image.numpy()
    if alpha:
        if data.shape[2] == 3:
            data = np.concatenate([data, np.ones_like(data[..., :1])], axis=-1)
        a = data[..., 3:]
        np.divide(data[..., :3], a, out=data[..., :3], where=a > 0)
    bits = 10 if "10" in pix_fmt else 8
    planes = rgb_to_planes(data, bits, matrix, False, subsampling)
    frame = av.VideoFrame(image.width, image.height, pix_fmt)
    for plane, codes in zip(frame.planes, planes, strict=True):
        row = plane.line_size // codes.dtype.itemsize
        buffer = np.zeros((plane.height, row), codes.dtype)
        buffer[:, : codes.shape[1]] = codes
        plane.update(buffer.tobytes())
    return frame
