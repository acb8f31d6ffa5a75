"""Real files for the evidence tests, made here with Pillow and by hand (no fixtures on disk)."""

import io
import struct

from PIL import Image

GPS = {1: "N", 2: (31.0, 14.0, 25.0), 3: "E", 4: (121.0, 28.0, 10.0)}


def jpeg(width=64, height=48, color=(200, 30, 30), *, gps=False, orientation=None, noise=False):
    image = Image.new("RGB", (width, height), color)
    if noise:
        image = Image.effect_noise((width, height), 80).convert("RGB")
    exif = Image.Exif()
    exif[0x010F] = "TestCamMaker"
    exif[0x0110] = "TestCam X100"
    if orientation:
        exif[0x0112] = orientation
    if gps:
        exif[0x8825] = dict(GPS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes(), comment=b"shot at home")
    return buffer.getvalue()


def photo(width=640, height=480):
    """A photo-like JPEG (a parcel with a crack) with GPS in its EXIF."""
    from PIL import ImageDraw

    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for y in range(height):
        draw.line([(0, y), (width, y)], fill=(120 + y * 100 // height, 150 + y * 60 // height, 190))
    draw.rectangle([150, 170, 490, 420], fill=(196, 152, 98), outline=(120, 84, 40), width=6)
    draw.rectangle([150, 150, 490, 200], fill=(214, 172, 116), outline=(120, 84, 40), width=6)
    draw.line([(300, 200), (330, 260), (310, 300), (350, 360)], fill=(60, 30, 10), width=7)
    exif = Image.Exif()
    exif[0x8825] = dict(GPS)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, exif=exif.tobytes())
    return buffer.getvalue()


def png(width=40, height=30, *, text=True):
    from PIL import PngImagePlugin

    image = Image.new("RGBA", (width, height), (20, 120, 220, 200))
    info = PngImagePlugin.PngInfo()
    if text:
        info.add_text("Comment", "address: 上海市徐汇区某路 1 号")
        info.add_itxt("XML:com.adobe.xmp", "<x:xmpmeta>GPS 31.2304</x:xmpmeta>")
    exif = Image.Exif()
    exif[0x8825] = dict(GPS)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif.tobytes())
    return buffer.getvalue()


def webp(*, with_exif=True):
    image = Image.new("RGB", (32, 32), (10, 200, 10))
    exif = Image.Exif()
    if with_exif:
        exif[0x8825] = dict(GPS)
    buffer = io.BytesIO()
    image.save(buffer, "WEBP", exif=exif.tobytes() if with_exif else b"", xmp=b"<x>GPS</x>")
    return buffer.getvalue()


def box(box_type: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + box_type + payload


def mp4(*, brand=b"isom", location=True, with_moov=True):
    """A small ISO-BMFF file: ftyp, moov (mvhd, a track, udta with a location), mdat."""
    ftyp = box(b"ftyp", brand + b"\x00\x00\x02\x00" + brand + b"mp41")
    mvhd = box(b"mvhd", bytes(100))
    tkhd = box(b"tkhd", bytes(84))
    trak_udta = box(b"udta", box(b"\xa9xyz", b"\x00\x12\x15\xc7+31.2304+121.4737/"))
    trak = box(b"trak", tkhd + trak_udta)
    udta = box(b"udta", box(b"\xa9xyz", b"\x00\x12\x15\xc7+31.2304+121.4737/")) if location else b""
    meta = box(b"meta", b"com.apple.quicktime.location.ISO6709+31.2304+121.4737")
    moov = box(b"moov", mvhd + trak + udta + meta)
    mdat = box(b"mdat", bytes(range(256)) * 8)
    return ftyp + (moov if with_moov else b"") + mdat


def elf() -> bytes:
    return b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x02\x00\x3e\x00" + bytes(200)


def pe() -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00" + bytes(52) + b"\x80\x00\x00\x00" + bytes(64) + b"PE\x00\x00"
    )


def pdf() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def gif() -> bytes:
    buffer = io.BytesIO()
    Image.new("P", (8, 8)).save(buffer, "GIF")
    return buffer.getvalue()
