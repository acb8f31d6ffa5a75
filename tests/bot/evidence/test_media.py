import io

import pytest
from PIL import Image

from bot.evidence import media
from tests.bot.evidence import media_files as files


def clean(data, content_type=None):
    content_type = content_type or media.sniff(data).content_type
    return media.clean(content_type, data, max_pixels=10_000_000, thumbnail_px=320)


@pytest.mark.parametrize(
    "data, content_type, kind",
    [
        (files.jpeg(), "image/jpeg", "image"),
        (files.png(), "image/png", "image"),
        (files.webp(), "image/webp", "image"),
        (files.mp4(), "video/mp4", "video"),
        (files.mp4(brand=b"qt  "), "video/quicktime", "video"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x82\x84webm" + bytes(40), "video/webm", "video"),
        (files.elf(), "application/x-elf", "executable"),
        (files.pe(), "application/vnd.microsoft.portable-executable", "executable"),
        (b"#!/bin/sh\nrm -rf /\n", "text/x-script", "executable"),
        (files.pdf(), "application/pdf", "other"),
        (files.gif(), "image/gif", "image"),
        (files.mp4(brand=b"heic"), "image/heic", "image"),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "text/html", "other"),
        (b"just some text", "application/octet-stream", "other"),
    ],
)
def test_sniff_reads_magic_bytes(data, content_type, kind):
    assert media.sniff(data) == media.Sniffed(content_type, kind)


def test_jpeg_loses_gps_and_camera_but_keeps_pixels_and_orientation():
    original = files.jpeg(gps=True, orientation=6)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # really has GPS
    assert b"TestCam" in original and b"shot at home" in original

    cleaned = clean(original)

    image = Image.open(io.BytesIO(cleaned.data))
    exif = image.getexif()
    assert exif.get_ifd(0x8825) == {}
    assert dict(exif) == {0x0112: 6}  # only the orientation survives
    assert b"TestCam" not in cleaned.data and b"shot at home" not in cleaned.data
    assert image.tobytes() == Image.open(io.BytesIO(original)).tobytes()  # not re-encoded
    thumb = Image.open(io.BytesIO(cleaned.thumbnail))
    assert thumb.format == "JPEG" and thumb.size == (48, 64)  # rotated upright


def test_jpeg_drops_bytes_after_the_end_marker():
    original = files.jpeg() + b"PK\x03\x04 appended zip with secrets"
    assert b"secrets" not in clean(original).data


def test_png_loses_text_xmp_and_exif_chunks():
    original = files.png()
    assert b"XML:com.adobe.xmp" in original and b"eXIf" in original
    cleaned = clean(original).data
    for marker in (b"tEXt", b"iTXt", b"eXIf", b"xmp"):
        assert marker not in cleaned
    assert Image.open(io.BytesIO(cleaned)).getexif().get_ifd(0x8825) == {}
    assert Image.open(io.BytesIO(cleaned)).mode == "RGBA"


def test_webp_loses_exif_and_xmp_chunks():
    original = files.webp()
    assert b"EXIF" in original
    cleaned = clean(original).data
    assert b"EXIF" not in cleaned and b"XMP " not in cleaned
    assert Image.open(io.BytesIO(cleaned)).size == (32, 32)


def test_mp4_location_boxes_become_free_space_of_the_same_size():
    original = files.mp4()
    assert original.count(b"+31.2304+121.4737") == 3
    cleaned = clean(original).data
    assert len(cleaned) == len(original)
    assert b"31.2304" not in cleaned and b"udta" not in cleaned and b"meta" not in cleaned
    assert cleaned.endswith(original[-2048:])  # media data untouched


@pytest.mark.parametrize(
    "data",
    [
        files.jpeg(noise=True)[:-400],
        files.jpeg()[:200],
        files.png()[:-20],
        files.webp()[:-10],
        files.mp4()[:-100],
        files.mp4(with_moov=False),
        files.mp4()[:24],
        b"\xff\xd8\xff\xe0" + bytes(30),
    ],
    ids=[
        "jpeg-tail",
        "jpeg-head",
        "png",
        "webp",
        "mp4-cut",
        "mp4-no-moov",
        "mp4-header-only",
        "jpeg-garbage",
    ],
)
def test_truncated_or_damaged_files_are_refused(data):
    with pytest.raises(media.MediaError) as error:
        clean(data)
    assert error.value.code == "truncated"


def test_png_with_a_bad_crc_is_refused():
    data = bytearray(files.png(text=False))
    data[40] ^= 0xFF
    with pytest.raises(media.MediaError):
        clean(bytes(data))


def test_too_many_pixels_is_too_large():
    data = files.jpeg(width=400, height=300)
    with pytest.raises(media.MediaError) as error:
        media.clean("image/jpeg", data, max_pixels=100_000, thumbnail_px=320)
    assert error.value.code == "too_large"
