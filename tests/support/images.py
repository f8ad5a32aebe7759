"""The size of a picture file, read from its header: for the tests of `mgpt plot`, `mgpt attention`
and scripts/figures.py."""

import struct
import xml.etree.ElementTree as ET


def png_size(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", "not a PNG"
    return struct.unpack(">II", data[16:24])


def svg_size(path):
    """(width, height) in CSS pixels: matplotlib writes points, 3/4 of a pixel."""
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
    return tuple(round(float(root.get(side).removesuffix("pt")) * 4 / 3) for side in ("width", "height"))
