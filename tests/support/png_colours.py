#!/usr/bin/env python3
"""Counts the pixels of a PNG screenshot close to given colours, with the standard library
only, so that screenshot tests can assert what is on screen (e.g. blackout shading).

usage: png_colours.py FILE R,G,B[,TOLERANCE] ...  → prints one count per colour
       png_colours.py FILE --expect-at-least N R,G,B ...  → exit 1 if any count is below N
"""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG file")
    pos, idat, width, height, colour_type = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour_type not in (2, 6):
                raise SystemExit(f"{path}: only 8-bit RGB or RGBA PNGs are supported")
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    channels = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(line)
        previous = line
    return width, height, channels, rows


def count(rows, width, channels, rgb, tolerance):
    total = 0
    for line in rows:
        for x in range(width):
            r, g, b = line[x * channels:x * channels + 3]
            if abs(r - rgb[0]) <= tolerance and abs(g - rgb[1]) <= tolerance and abs(b - rgb[2]) <= tolerance:
                total += 1
    return total


def main(argv):
    path, args, minimum = argv[1], argv[2:], None
    if args[:1] == ["--expect-at-least"]:
        minimum, args = int(args[1]), args[2:]
    width, height, channels, rows = read_png(path)
    failed = False
    for spec in args:
        parts = [int(v) for v in spec.split(",")]
        rgb, tolerance = parts[:3], parts[3] if len(parts) > 3 else 8
        n = count(rows, width, channels, rgb, tolerance)
        print(f"{spec}: {n} pixels")
        if minimum is not None and n < minimum:
            print(f"{path}: expected at least {minimum} pixels of {spec}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
