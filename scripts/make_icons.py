#!/usr/bin/env python3
"""Draws Spanwright's app icons (public/icons/*.png) from the favicon's shapes, standard library only.

The favicon (public/favicon.svg) is a blue rounded square with a white bar over an amber one.
Browsers want PNGs for an installed app: 192 and 512 px, plus a "maskable" 512 px whose drawing
keeps inside the central safe zone (the platform may crop it to a circle). Run:
    python3 scripts/make_icons.py
"""
import struct
import zlib
from pathlib import Path

BLUE = (0x1D, 0x4E, 0xD8)
WHITE = (0xFF, 0xFF, 0xFF)
AMBER = (0xF5, 0x9E, 0x0B)
SAMPLES = 4  # per axis, for anti-aliased edges


def colour_at(x, y, maskable):
    """The colour (or None: transparent) at a point of the favicon's 32 x 32 view box."""
    if maskable:
        # Full bleed background; the bars shrink to 60 % around the centre (the safe zone is 80 %).
        bx, by = 16 + (x - 16) / 0.6, 16 + (y - 16) / 0.6
    else:
        bx, by = x, y
        if not in_rounded_square(x, y, 32, 6):
            return None
    if 7 <= bx <= 25 and 19.5 <= by <= 22.5:
        return AMBER
    if 9 <= bx <= 23 and 14.5 <= by <= 17.5:
        return WHITE
    return BLUE


def in_rounded_square(x, y, size, radius):
    cx = min(max(x, radius), size - radius)
    cy = min(max(y, radius), size - radius)
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius**2


def render(size, maskable):
    rows = bytearray()
    scale = 32 / size
    for py in range(size):
        rows.append(0)  # PNG filter: none
        for px in range(size):
            r = g = b = a = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    c = colour_at((px + (sx + 0.5) / SAMPLES) * scale, (py + (sy + 0.5) / SAMPLES) * scale, maskable)
                    if c is not None:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            n = SAMPLES * SAMPLES
            rows += bytes((r // a, g // a, b // a, 255 * a // n) if a else (0, 0, 0, 0))
    return png(size, bytes(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))

    header = struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b'')


if __name__ == '__main__':
    out = Path(__file__).resolve().parent.parent / 'public' / 'icons'
    out.mkdir(parents=True, exist_ok=True)
    for name, size, maskable in [('icon-192.png', 192, False), ('icon-512.png', 512, False), ('maskable-512.png', 512, True), ('apple-touch-icon.png', 180, True)]:
        (out / name).write_bytes(render(size, maskable))
        print(out / name)
