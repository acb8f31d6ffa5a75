"""What an uploaded file really is, and a copy of it without personal metadata.

The type comes from the file's first bytes (magic numbers), never from its name or the type
the browser declared. Images and videos are then checked structurally and cleaned without
re-encoding, so the pixels the customer sent are the pixels an agent sees:

- JPEG: the segments are walked; EXIF (GPS, camera, time), XMP, IPTC, comments and unknown
  APPn segments are dropped, and everything after the end-of-image marker (secondary
  pictures, appended payloads) is cut. Only the EXIF orientation is kept, re-written as a
  minimal EXIF block, so photos are not shown on their side.
- PNG: chunks are walked with their CRCs; text, eXIf, time and unknown ancillary chunks are
  dropped.
- WebP: the RIFF chunks EXIF and XMP are dropped and their VP8X flags cleared.
- MP4/MOV: the box tree is checked (sizes add up, `ftyp` first, a `moov` present); `udta`,
  `meta` and `uuid` boxes (where phones keep location) are turned into `free` boxes of the
  same size, so sample offsets stay valid.
- WebM: only the header is checked.

Images are decoded completely (Pillow) to catch truncated files and to make the thumbnail.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from typing import Iterator, List, Tuple

from PIL import Image, ImageOps

JPEG = "image/jpeg"
PNG = "image/png"
WEBP = "image/webp"
MP4 = "video/mp4"
MOV = "video/quicktime"
WEBM = "video/webm"

EXECUTABLE = "executable"
IMAGE = "image"
VIDEO = "video"
OTHER = "other"

_HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"heim", b"heis"}
_AVIF_BRANDS = {b"avif", b"avis"}
_3GP_PREFIXES = (b"3gp", b"3g2")
_MACHO_MAGICS = (
    b"\xfe\xed\xfa\xce",
    b"\xce\xfa\xed\xfe",
    b"\xfe\xed\xfa\xcf",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",
)


class MediaError(Exception):
    """The file is not acceptable; `code` is one of the store's rejection codes."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Sniffed:
    """A content type read from magic bytes, and its family (an image may be unsupported)."""

    content_type: str
    kind: str  # IMAGE, VIDEO, EXECUTABLE or OTHER


@dataclass(frozen=True)
class Cleaned:
    """The file to store, its thumbnail (JPEG, images only) and its size in pixels."""

    data: bytes
    thumbnail: bytes | None
    width: int | None = None
    height: int | None = None


def sniff(data: bytes) -> Sniffed:
    """Identify a file by its first bytes."""
    head = data[:64]
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed(JPEG, IMAGE)
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed(PNG, IMAGE)
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed(WEBP, IMAGE)
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return Sniffed("image/heic", IMAGE)
        if brand in _AVIF_BRANDS:
            return Sniffed("image/avif", IMAGE)
        if brand.startswith(_3GP_PREFIXES):
            return Sniffed("video/3gpp", VIDEO)
        if brand == b"qt  ":
            return Sniffed(MOV, VIDEO)
        return Sniffed(MP4, VIDEO)
    if head[:4] == b"\x1a\x45\xdf\xa3":
        if b"webm" in data[:256]:
            return Sniffed(WEBM, VIDEO)
        return Sniffed("video/x-matroska", VIDEO)
    if head.startswith(b"\x7fELF"):
        return Sniffed("application/x-elf", EXECUTABLE)
    if head.startswith(b"MZ"):
        return Sniffed("application/vnd.microsoft.portable-executable", EXECUTABLE)
    if head.startswith(_MACHO_MAGICS):
        return Sniffed("application/x-mach-binary", EXECUTABLE)
    if head.startswith(b"#!"):
        return Sniffed("text/x-script", EXECUTABLE)
    if head.startswith((b"GIF87a", b"GIF89a")):
        return Sniffed("image/gif", IMAGE)
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return Sniffed("image/tiff", IMAGE)
    if head.startswith(b"BM"):
        return Sniffed("image/bmp", IMAGE)
    if head.startswith(b"%PDF-"):
        return Sniffed("application/pdf", OTHER)
    if head.startswith(b"PK\x03\x04"):
        return Sniffed("application/zip", OTHER)
    if head.lstrip().startswith(b"<"):
        return Sniffed("text/html", OTHER)
    return Sniffed("application/octet-stream", OTHER)


def clean(content_type: str, data: bytes, *, max_pixels: int, thumbnail_px: int) -> Cleaned:
    """Check and strip one file of a supported type; raise `MediaError` if it is damaged."""
    if content_type == JPEG:
        return _finish_image(_strip_jpeg(data), "JPEG", max_pixels, thumbnail_px)
    if content_type == PNG:
        return _finish_image(_strip_png(data), "PNG", max_pixels, thumbnail_px)
    if content_type == WEBP:
        return _finish_image(_strip_webp(data), "WEBP", max_pixels, thumbnail_px)
    if content_type in (MP4, MOV):
        return Cleaned(_strip_isobmff(data), None)
    if content_type == WEBM:
        return Cleaned(data, None)
    raise MediaError("unsupported_type", content_type)


# --- images ---------------------------------------------------------------------------


def _finish_image(data: bytes, fmt: str, max_pixels: int, thumbnail_px: int) -> Cleaned:
    """Decode the cleaned image fully, refuse bombs and damage, and make a thumbnail."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise MediaError("too_large", "too many pixels") from exc
        except Exception as exc:
            raise MediaError("truncated", f"cannot open: {exc}") from exc
        if image.format != fmt:
            raise MediaError("truncated", f"decoded as {image.format}")
        width, height = image.size
        if width * height > max_pixels:
            raise MediaError("too_large", f"{width}x{height} pixels")
        try:
            image.load()
        except Exception as exc:  # Pillow raises OSError, SyntaxError, ValueError...
            raise MediaError("truncated", str(exc)) from exc
        exif = image.getexif()
        if exif.get_ifd(0x8825) or 0x8825 in exif:
            raise MediaError("truncated", "location data survived stripping")
        thumb = _thumbnail(image, thumbnail_px)
    return Cleaned(data, thumb, width, height)


def _thumbnail(image: Image.Image, size: int) -> bytes:
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P", "PA"):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    elif upright.mode != "RGB":
        upright = upright.convert("RGB")
    upright.thumbnail((size, size))
    out = io.BytesIO()
    upright.save(out, "JPEG", quality=80, optimize=True)
    return out.getvalue()


_JPEG_KEEP_APP = {0xE0, 0xEE}  # APP0 (JFIF), APP14 (Adobe colour transform)
_JPEG_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def _strip_jpeg(data: bytes) -> bytes:
    """Return the JPEG up to its end marker, without metadata segments."""
    n = len(data)
    out: List[bytes] = [b"\xff\xd8"]
    orientation: int | None = None
    app0_index: int | None = None
    i = 2
    while True:
        if i >= n:
            raise MediaError("truncated", "no end-of-image marker")
        if data[i] != 0xFF:
            raise MediaError("truncated", f"no marker at byte {i}")
        while i < n and data[i] == 0xFF:
            i += 1
        if i >= n:
            raise MediaError("truncated", "file ends in a marker")
        marker = data[i]
        i += 1
        if marker == 0xD9:
            out.append(b"\xff\xd9")
            break
        if marker in _JPEG_STANDALONE:
            out.append(bytes((0xFF, marker)))
            continue
        if i + 2 > n:
            raise MediaError("truncated", "segment length missing")
        length = int.from_bytes(data[i : i + 2], "big")
        if length < 2 or i + length > n:
            raise MediaError("truncated", "segment runs past the end")
        segment = data[i - 2 : i + length]
        payload = data[i + 2 : i + length]
        i += length
        if marker == 0xE1:
            if payload.startswith(b"Exif\x00\x00") and orientation is None:
                orientation = _exif_orientation(payload)
            continue
        if marker == 0xE2:
            if payload.startswith(b"ICC_PROFILE\x00"):
                out.append(segment)
            continue
        if 0xE0 <= marker <= 0xEF:
            if marker in _JPEG_KEEP_APP:
                if marker == 0xE0 and app0_index is None:
                    app0_index = len(out)
                out.append(segment)
            continue
        if marker == 0xFE:  # comment
            continue
        out.append(segment)
        if marker == 0xDA:  # start of scan: copy the entropy-coded data up to the next marker
            start = i
            while True:
                j = data.find(b"\xff", i)
                if j < 0 or j + 1 >= n:
                    raise MediaError("truncated", "scan data runs past the end")
                following = data[j + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:
                    i = j + 2
                elif following == 0xFF:
                    i = j + 1
                else:
                    break
            out.append(data[start:j])
            i = j
    if orientation and orientation != 1:
        exif = Image.Exif()
        exif[0x0112] = orientation
        block = exif.tobytes()
        if not block.startswith(b"Exif\x00\x00"):
            block = b"Exif\x00\x00" + block
        out.insert(
            (app0_index + 1) if app0_index is not None else 1,
            b"\xff\xe1" + struct.pack(">H", len(block) + 2) + block,
        )
    return b"".join(out)


def _exif_orientation(payload: bytes) -> int | None:
    try:
        exif = Image.Exif()
        exif.load(payload)
        value = exif.get(0x0112)
    except Exception:
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


_PNG_KEEP = {
    b"tRNS",
    b"gAMA",
    b"cHRM",
    b"sRGB",
    b"iCCP",
    b"sBIT",
    b"pHYs",
    b"bKGD",
    b"acTL",
    b"fcTL",
    b"fdAT",
}


def _strip_png(data: bytes) -> bytes:
    """Return the PNG up to IEND with only critical and rendering chunks."""
    n = len(data)
    out: List[bytes] = [data[:8]]
    i = 8
    while True:
        if i + 8 > n:
            raise MediaError("truncated", "no IEND chunk")
        length = int.from_bytes(data[i : i + 4], "big")
        ctype = data[i + 4 : i + 8]
        end = i + 12 + length
        if end > n:
            raise MediaError("truncated", f"chunk {ctype!r} runs past the end")
        crc = int.from_bytes(data[end - 4 : end], "big")
        if zlib.crc32(data[i + 4 : end - 4]) != crc:
            raise MediaError("truncated", f"bad CRC in chunk {ctype!r}")
        critical = ctype[:1].isupper()
        if critical or ctype in _PNG_KEEP:
            out.append(data[i:end])
        i = end
        if ctype == b"IEND":
            return b"".join(out)


def _strip_webp(data: bytes) -> bytes:
    """Return the WebP without its EXIF and XMP chunks."""
    if len(data) < 12:
        raise MediaError("truncated", "short RIFF header")
    riff_end = 8 + int.from_bytes(data[4:8], "little")
    if riff_end > len(data):
        raise MediaError("truncated", "RIFF runs past the end")
    chunks: List[bytes] = []
    i = 12
    has_image = False
    while i < riff_end:
        if i + 8 > riff_end:
            raise MediaError("truncated", "chunk header runs past the end")
        fourcc = data[i : i + 4]
        size = int.from_bytes(data[i + 4 : i + 8], "little")
        end = i + 8 + size + (size & 1)
        if end > riff_end:
            raise MediaError("truncated", f"chunk {fourcc!r} runs past the end")
        chunk = data[i:end]
        if fourcc in (b"EXIF", b"XMP "):
            i = end
            continue
        if fourcc == b"VP8X" and size >= 1:
            flags = chunk[8] & ~0x0C  # clear the EXIF (0x08) and XMP (0x04) flags
            chunk = chunk[:8] + bytes((flags,)) + chunk[9:]
        if fourcc in (b"VP8 ", b"VP8L", b"ANMF"):
            has_image = True
        chunks.append(chunk)
        i = end
    if not has_image:
        raise MediaError("truncated", "no image data")
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


# --- MP4 / QuickTime --------------------------------------------------------------------

_ISO_METADATA_BOXES = {b"udta", b"meta", b"uuid"}
_ISO_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"edts", b"dinf", b"stbl"}


def _boxes(data: bytes | bytearray, start: int, end: int) -> Iterator[Tuple[bytes, int, int, int]]:
    """Yield (type, start, payload start, end) of the boxes between start and end."""
    i = start
    while i < end:
        if i + 8 > end:
            raise MediaError("truncated", "box header runs past the end")
        size = int.from_bytes(data[i : i + 4], "big")
        box_type = bytes(data[i + 4 : i + 8])
        header = 8
        if size == 1:
            if i + 16 > end:
                raise MediaError("truncated", "large box header runs past the end")
            size = int.from_bytes(data[i + 8 : i + 16], "big")
            header = 16
        elif size == 0:
            size = end - i
        if size < header or i + size > end:
            raise MediaError("truncated", f"box {box_type!r} runs past the end")
        yield box_type, i, i + header, i + size
        i += size


def _strip_isobmff(data: bytes) -> bytes:
    """Check the box tree of an MP4/MOV file and blank its metadata boxes."""
    buffer = bytearray(data)
    top = list(_boxes(data, 0, len(data)))
    if not top or top[0][0] != b"ftyp":
        raise MediaError("truncated", "no ftyp box first")
    if not any(box[0] == b"moov" for box in top):
        raise MediaError("truncated", "no moov box (the recording was not finished)")
    _blank_metadata(buffer, top)
    return bytes(buffer)


def _blank_metadata(buffer: bytearray, boxes: List[Tuple[bytes, int, int, int]]) -> None:
    """Turn metadata boxes into zero-filled `free` boxes of the same size, recursively."""
    for box_type, start, payload, end in boxes:
        if box_type in _ISO_METADATA_BOXES:
            buffer[start + 4 : start + 8] = b"free"
            buffer[payload:end] = bytes(end - payload)
        elif box_type in _ISO_CONTAINERS:
            _blank_metadata(buffer, list(_boxes(buffer, payload, end)))
