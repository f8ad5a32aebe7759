"""Value kinds of electronics: frequencies, data sizes and rates, screens, resolutions, cameras.
"""

from __future__ import annotations


from .formats import decimals_of, fmt_num, number_text, qualified, weighted, with_unit


def _frequency(rng):
    """'2.4 GHz', '5 GHz', '50/60 Hz', '2.4 and 5 GHz', '433 MHz'."""
    return rng.choice(("2.4 GHz", "5 GHz", "2.4GHz", "2.4 and 5 GHz", "2.4/5 GHz", "6 GHz", "50 Hz",
                       "50/60 Hz", "60 Hz", "433 MHz", "868 MHz", "3.2 GHz", "2.8GHz", "1.5 GHz",
                       "dual-band 2.4/5 GHz", "tri-band 2.4/5/6 GHz"))


def _freq_range(rng):
    """Frequency response: '20 Hz–20 kHz', '20Hz - 40kHz', '5 Hz to 40 kHz'."""
    lo = rng.choice((4, 5, 10, 15, 20, 20, 20, 30, 40, 45, 50, 60))
    hi = rng.choice((16, 18, 20, 20, 20, 22, 24, 25, 40, 40))
    return rng.choice((f"{lo} Hz–{hi} kHz", f"{lo}Hz - {hi}kHz", f"{lo} Hz to {hi} kHz", f"{lo}-{hi},000 Hz",
                       f"{lo} Hz - {hi} kHz", f"{lo}–{hi}000 Hz"))


def _refresh_rate(rng):
    """'60 Hz', '144Hz', '120 Hz', 'up to 240 Hz'."""
    hz = rng.choice((60, 60, 75, 90, 100, 120, 120, 144, 144, 165, 180, 240, 360))
    body = with_unit(rng, str(hz), "Hz", 0.25)
    return qualified(rng, body, ("up to",), 0.12)


def _data_size(rng):
    """'256 GB', '1 TB', '500 MB', '2TB', '64GB'."""
    r = rng.random()
    if r < 0.6:
        v, unit = rng.choice((16, 32, 64, 100, 128, 200, 256, 500, 512)), "GB"
    elif r < 0.85:
        v, unit = rng.choice((1, 2, 4, 5, 8, 10, 1.5)), "TB"
    else:
        v, unit = rng.choice((100, 250, 500, 750)), "MB"
    body = with_unit(rng, fmt_num(v, decimals_of(v)), unit, 0.3)
    return qualified(rng, body, ("up to",), 0.1)


def _memory(rng):
    """RAM: '8 GB', '16GB', '32 GB'."""
    v = rng.choice((2, 3, 4, 6, 8, 8, 12, 16, 16, 18, 24, 32, 36, 48, 64))
    return with_unit(rng, str(v), "GB", 0.3)


def _data_rate(rng):
    """'1,200 Mbps', '2.4 Gbps', '100 Mbit/s', '40 Gb/s'."""
    r = rng.random()
    if r < 0.5:
        v = rng.choice((100, 300, 450, 574, 867, 1000, 1200, 1201, 2402, 2976, 4804))
        return with_unit(rng, number_text(rng, v, group=0.6), rng.choice(("Mbps", "Mbit/s", "Mb/s")), 0.15)
    v = rng.choice((1, 2.4, 2.5, 5, 10, 20, 40, 4.8, 9.6))
    return qualified(rng, with_unit(rng, fmt_num(v, decimals_of(v)), rng.choice(("Gbps", "Gbit/s", "Gb/s")), 0.15), ("up to",), 0.2)


def _screen_size(rng):
    """'6.1"', '6.1 inches', '15.6 in', '68.6 cm (27")', '27 inches (68.6 cm)'."""
    s = rng.choice((1.4, 1.9, 5.4, 6.1, 6.1, 6.7, 6.8, 8.3, 10.9, 11, 12.9, 13.3, 14, 15.6, 16, 17.3,
                    21.5, 24, 27, 27, 32, 34, 43, 55, 65))
    num = fmt_num(s, decimals_of(s))
    r = rng.random()
    if r < 0.12:
        return f'{fmt_num(round(s * 2.54, 1), 1)} cm ({num}")'
    return weighted(rng, ((f'{num}"', 35), (f"{num} inches", 35), (f"{num} in", 20), (f"{num}in", 3),
                    (f"{num} inches ({fmt_num(round(s * 2.54, 1), 1)} cm)", 7)))


def _resolution(rng):
    """'1920 × 1080', '4K UHD', '2560 x 1440 (QHD)', 'Full HD', '3840×2160 pixels'."""
    w, h, name = rng.choice(((1920, 1080, "Full HD"), (2560, 1440, "QHD"), (3840, 2160, "4K UHD"),
                             (1366, 768, "HD"), (2880, 1800, "2.8K"), (3440, 1440, "UWQHD"),
                             (2532, 1170, ""), (2400, 1080, "FHD+"), (1280, 720, "HD"),
                             (5120, 2880, "5K"), (1920, 1200, "WUXGA"), (2560, 1600, "WQXGA")))
    x = rng.choice((" × ", " x ", "×", "x"))
    r = rng.random()
    if r < 0.15 and name:
        return name
    if r < 0.3 and name:
        return f"{w}{x}{h} ({name})"
    if r < 0.45:
        return f"{w}{x}{h} pixels"
    if r < 0.5:
        return f"{h}p"
    return f"{w}{x}{h}"


def _megapixels(rng):
    """'48 MP', '24.2 megapixels', '12MP', '50 MP', '20 Mpx'."""
    v = rng.choice((8, 12, 12, 16, 20, 24.2, 26.1, 33, 45.7, 48, 50, 61, 64, 108, 200))
    num = fmt_num(v, decimals_of(v))
    return rng.choice((f"{num} MP", f"{num}MP", f"{num} megapixels", f"{num} MP", f"{num} Mpx"))


def _zoom(rng):
    """A zoom factor: '3x', '10×', '5x', '3.5x', '30x'."""
    z = rng.choice((2, 3, 3, 3.5, 4, 5, 5, 10, 12, 20, 24, 30, 40, 50))
    return fmt_num(z, decimals_of(z)) + rng.choice(("x", "x", "×", "x", " x"))


def _aperture(rng):
    """'f/1.8', 'F1.4', 'f/2.8', 'f/1.8–2.4'."""
    a = rng.choice((1.2, 1.4, 1.7, 1.8, 1.8, 2.0, 2.2, 2.4, 2.8, 2.8, 3.5, 4.0, 5.6))
    b = a + rng.choice((0.6, 1.0, 1.2, 2.1))
    num = fmt_num(a, 1)
    return rng.choice((f"f/{num}", f"f/{num}", f"F{num}", f"f/{num}–{fmt_num(b, 1)}",
                       f"f{num}"))


def _video_mode(rng):
    """'4K at 60 fps', '1080p at 30 fps', '4K/30p', '5.3K60', '8K 24 fps'."""
    res = rng.choice(("4K", "4K", "1080p", "5.3K", "2.7K", "8K", "6K", "Full HD"))
    fps = rng.choice((24, 25, 30, 30, 60, 60, 120, 240))
    return rng.choice((f"{res} at {fps} fps", f"{res}/{fps}p", f"{res} {fps} fps", f"{res}{fps}",
                       f"{res} at {fps}fps", f"{res} @ {fps} fps", f"up to {res} at {fps} fps"))


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "frequency": _frequency,
    "freq_range": _freq_range,
    "refresh_rate": _refresh_rate,
    "data_size": _data_size,
    "memory": _memory,
    "data_rate": _data_rate,
    "screen_size": _screen_size,
    "resolution": _resolution,
    "megapixels": _megapixels,
    "zoom": _zoom,
    "aperture": _aperture,
    "video_mode": _video_mode,
}
