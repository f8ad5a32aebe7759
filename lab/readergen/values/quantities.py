"""Value kinds of physical quantities: weights, volumes, lengths, dimensions, power, voltage,
batteries, noise, temperatures, speeds.
"""

from __future__ import annotations

import random

from .formats import (count_word, decimals_of, fmt_num, log_uniform, nice, number_text, on_grid, qualified,
                      weighted, with_unit)


def _weight(rng):
    """Product weight: '2.1 kg', '850 g', '1,2 kg', '4.6 lb', '12 oz'."""
    r = rng.random()
    if r < 0.3:
        body = with_unit(rng, number_text(rng, on_grid(rng, 40, 950, 5)), rng.choice(("g", "g", "grams")))
    elif r < 0.7:
        kg = nice(log_uniform(rng, 1, 30))
        body = with_unit(rng, number_text(rng, kg, comma=0.25), rng.choice(("kg", "kg", "kg", "kilograms", "kilos")))
        if rng.random() < 0.15:
            body += f" ({fmt_num(round(kg * 2.2046, 1), 1)} lb)"
    elif r < 0.88:
        body = with_unit(rng, number_text(rng, round(log_uniform(rng, 0.5, 60), 1)), rng.choice(("lb", "lbs", "pounds")))
    else:
        body = with_unit(rng, number_text(rng, round(log_uniform(rng, 1, 30), 1)), rng.choice(("oz", "ounces")))
    return qualified(rng, body, ("about", "approx.", "just", "around", "only", "under"), 0.15)


def _heavy_weight(rng):
    """Vehicle mass or towing capacity: '1,650 kg', '1.5 tonnes', '3,500 lb'."""
    kg = on_grid(rng, 300, 3500, 50)
    r = rng.random()
    if r < 0.65:
        return with_unit(rng, number_text(rng, kg, group=0.8), "kg", 0.05)
    if r < 0.8:
        return f"{number_text(rng, round(kg / 1000, 1))} {rng.choice(('tonnes', 't', 'tons'))}"
    return with_unit(rng, number_text(rng, round(kg * 2.2046 / 50) * 50, group=0.8), rng.choice(("lb", "lbs")), 0.05)


def _load(rng):
    """Maximum load or user weight: '120 kg', '150 kg (330 lb)', '250 lbs'."""
    kg = on_grid(rng, 20, 200, 5)
    r = rng.random()
    if r < 0.6:
        body = with_unit(rng, number_text(rng, kg), rng.choice(("kg", "kg", "kilograms")), 0.1)
        if rng.random() < 0.2:
            body += f" ({round(kg * 2.2046)} lb)"
    else:
        body = with_unit(rng, str(int(round(kg * 2.2046 / 5) * 5)), rng.choice(("lb", "lbs", "pounds")), 0.1)
    return qualified(rng, body, ("up to",), 0.2)


def _laundry_load(rng):
    """Drum load of a washing machine or dryer: '8 kg', '10.5 kg'."""
    kg = rng.choice((5, 6, 7, 7, 8, 8, 9, 9, 10, 10.5, 11, 12))
    return with_unit(rng, number_text(rng, kg, comma=0.3), rng.choice(("kg", "kg", "kg", "kilograms", "kilos")), 0.1)


def _volume(rng):
    """Capacity: '1.5 litres', '750 ml', '1.7 L', '34 fl oz', '12 cups'."""
    r = rng.random()
    if r < 0.3:
        return with_unit(rng, number_text(rng, on_grid(rng, 100, 950, 50)), rng.choice(("ml", "ml", "mL", "millilitres")), 0.2)
    if r < 0.85:
        l = nice(log_uniform(rng, 0.5, 80))
        unit = rng.choice(("litres", "liters", "l", "L", "litres", "litre" if l == 1 else "litres"))
        body = with_unit(rng, number_text(rng, l, comma=0.25), unit, 0.15 if len(unit) == 1 else 0)
        return qualified(rng, body, ("up to", "about"), 0.1)
    if r < 0.95:
        return with_unit(rng, str(rng.randint(8, 64)), rng.choice(("fl oz", "oz")), 0)
    return f"{rng.randint(4, 14)} cups"


def _len_cm(rng: random.Random, lo: float, hi: float) -> str:
    cm = nice(log_uniform(rng, lo, hi))
    r = rng.random()
    if cm >= 100 and r < 0.4:
        return with_unit(rng, number_text(rng, round(cm / 100, 2), comma=0.25), rng.choice(("m", "m", "metres", "meters")), 0.1)
    if r < 0.75:
        return with_unit(rng, number_text(rng, cm, comma=0.25), rng.choice(("cm", "cm", "centimetres")), 0.15)
    if r < 0.85 and cm < 200:
        return with_unit(rng, str(int(cm * 10)), "mm", 0.1)
    inches = round(cm / 2.54, 1 if cm < 30 else 0)
    return rng.choice((f"{fmt_num(inches, decimals_of(inches))} inches", f"{fmt_num(inches, decimals_of(inches))} in",
                       f'{fmt_num(inches, decimals_of(inches))}"'))


def _length(rng):
    """A cable, cord or hose length: '1.5 m', '2 metres', '180 cm', '6 ft', '10 m'."""
    r = rng.random()
    if r < 0.55:
        m = rng.choice((0.5, 0.8, 1, 1.2, 1.5, 1.5, 1.8, 2, 2, 2.5, 3, 5, 6, 8, 10))
        return with_unit(rng, number_text(rng, m, comma=0.25), rng.choice(("m", "m", "m", "metres", "meters")), 0.1)
    if r < 0.8:
        return with_unit(rng, str(rng.choice((50, 80, 90, 100, 120, 150, 180, 200, 250, 300))), rng.choice(("cm", "cm", "centimetres")), 0.1)
    return f"{rng.choice((3, 4, 5, 6, 6, 8, 10, 15, 25, 30))} {rng.choice(('ft', 'feet'))}"


def _length_cm(rng):
    """A medium length: a cutting width, a blade, a bar: '38 cm', '55 centimetres', '18 inches', '420 mm'."""
    return _len_cm(rng, 12, 120)


def _small_length(rng):
    """A small size: '40 mm', '13 mm', '1.5 cm', '0.5 in'."""
    r = rng.random()
    if r < 0.75:
        mm = rng.choice((6, 8, 10, 10, 12, 13, 15, 20, 25, 30, 32, 40, 40, 45, 50))
        return with_unit(rng, str(mm), rng.choice(("mm", "mm", "millimetres")), 0.2)
    if r < 0.9:
        return with_unit(rng, number_text(rng, on_grid(rng, 0.5, 5, 0.5), comma=0.3), "cm", 0.1)
    return rng.choice(("1/2 in", '3/8"', "0.5 in", '1/4"', "1.5 inches"))


def _length_range(rng):
    """An adjustable range in cm or inches: '78–92 cm', 'between 60 and 125 cm', '30.5-35 in'."""
    if rng.random() < 0.85:
        lo = on_grid(rng, 40, 110, 1)
        hi = lo + on_grid(rng, 5, 50, 1)
        unit = rng.choice(("cm", "cm", "cm", "centimetres"))
    else:
        lo = on_grid(rng, 16, 40, 0.5)
        hi = lo + on_grid(rng, 2, 15, 0.5)
        unit = rng.choice(("in", "inches"))
    a, b = fmt_num(lo, decimals_of(lo)), fmt_num(hi, decimals_of(hi))
    return weighted(rng, ((f"{a}–{b} {unit}", 30), (f"{a}-{b} {unit}", 25), (f"{a} to {b} {unit}", 20),
                    (f"{a} {unit} to {b} {unit}", 10), (f"{a}–{b}{unit}" if len(unit) <= 2 else f"{a}–{b} {unit}", 5),
                    (f"between {a} and {b} {unit}", 10)))


def _dimensions(rng):
    """'52 x 19 cm', '120 × 60 × 75 cm', 'W 60 × D 55 × H 85 cm', '12.4 x 8.1 x 3.2 in'."""
    n = rng.choice((2, 3, 3, 3))
    cm_scale = log_uniform(rng, 8, 150)
    dims = [nice(cm_scale * rng.uniform(0.25, 1.6)) for _ in range(n)]
    dims = [d if d >= 1 else 1.0 for d in dims]
    unit = weighted(rng, (("cm", 60), ("mm", 15), ("in", 15), ("inches", 5), ("m", 5)))
    if unit == "mm":
        dims = [round(d * 10) for d in dims]
    elif unit in ("in", "inches"):
        dims = [round(d / 2.54, 1) for d in dims]
    elif unit == "m":
        dims = [round(d / 100, 2) for d in dims]
    comma = rng.random() < 0.2
    nums = [fmt_num(d, decimals_of(d), "de" if comma and decimals_of(d) else "en", False) for d in dims]
    x = weighted(rng, ((" x ", 45), (" × ", 35), ("x", 10), ("×", 5), (" by ", 5)))
    r = rng.random()
    if n == 3 and r < 0.12:
        xs = x if x.startswith(" ") else " x "
        return f"W {nums[0]}{xs}D {nums[1]}{xs}H {nums[2]} {unit}"
    if n == 3 and r < 0.2:
        return f"{nums[0]}{x}{nums[1]}{x}{nums[2]} {unit} (W{x.strip() or 'x'}D{x.strip() or 'x'}H)"
    if r < 0.3:
        return x.join(f"{v} {unit}" for v in nums)
    return x.join(nums) + ("" if rng.random() < 0.1 else " ") + unit


def _area(rng):
    """Floor area: '25 m²', 'up to 40 m²', '270 sq ft', '35 square metres'."""
    if rng.random() < 0.7:
        a = on_grid(rng, 10, 120, 5)
        body = weighted(rng, ((f"{fmt_num(a, 0)} m²", 50), (f"{fmt_num(a, 0)}m²", 10), (f"{fmt_num(a, 0)} sq m", 10),
                        (f"{fmt_num(a, 0)} square metres", 15), (f"{fmt_num(a, 0)} m2", 15)))
    else:
        a = on_grid(rng, 100, 1500, 25)
        body = rng.choice((f"{number_text(rng, a)} sq ft", f"{number_text(rng, a)} square feet", f"{number_text(rng, a)} sq. ft"))
    return qualified(rng, body, ("up to",), 0.25)


def _power(rng):
    """Power: '1,200 W', '1200W', '2.2 kW', '250 watts', '18 W'."""
    w = nice(log_uniform(rng, 5, 3000))
    w = round(w) if w >= 10 else w
    if w >= 1000 and rng.random() < 0.4:
        return with_unit(rng, number_text(rng, round(w / 1000, 1), comma=0.3), "kW", 0.1)
    return weighted(rng, ((with_unit(rng, number_text(rng, w, group=0.5), "W", 0.2), 70), (f"{number_text(rng, w)} watts", 20),
                    (f"up to {number_text(rng, w)} W", 10)))


def _voltage(rng):
    """'230 V', '220–240 V', '100-240V', '18V', '36 V'."""
    r = rng.random()
    if r < 0.35:
        v = rng.choice((3.7, 5, 7.4, 12, 14.4, 18, 18, 20, 24, 36, 36, 40, 48, 48, 52, 60))
        return with_unit(rng, fmt_num(v, decimals_of(v)), rng.choice(("V", "V", "volts")), 0.3)
    if r < 0.6:
        v = rng.choice((110, 120, 220, 230, 230, 240))
        return with_unit(rng, str(v), rng.choice(("V", "V", "volts", "V AC")), 0.25)
    lo, hi = rng.choice(((100, 240), (220, 240), (110, 240), (100, 127), (200, 240)))
    return rng.choice((f"{lo}–{hi} V", f"{lo}-{hi}V", f"{lo}-{hi} V", f"{lo} to {hi} V", f"{lo}–{hi} V AC"))


def _battery_capacity(rng):
    """'5,000 mAh', '4000mAh', '468 Wh', '4.0 Ah', '58 kWh'."""
    r = rng.random()
    if r < 0.45:
        mah = on_grid(rng, 100, 6000, 50) if rng.random() < 0.7 else on_grid(rng, 300, 1200, 10)
        return with_unit(rng, number_text(rng, mah, group=0.5), "mAh", 0.3)
    if r < 0.7:
        return with_unit(rng, str(int(on_grid(rng, 36, 1000, 1))), "Wh", 0.15)
    if r < 0.85:
        ah = rng.choice((1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 12.5, 13.4, 17.5))
        return with_unit(rng, fmt_num(ah, 1), "Ah", 0.2)
    return with_unit(rng, number_text(rng, on_grid(rng, 20, 110, 0.5), comma=0.2), "kWh", 0.1)


def _battery_type(rng):
    """Batteries a device needs: '3 AA batteries', '2 × AAA', 'one CR2032 coin cell'."""
    cell = rng.choice(("AA", "AAA", "AA", "AAA", "C", "D", "9V"))
    n = rng.randint(1, 2) if cell == "9V" else rng.randint(1, 6)
    r = rng.random()
    if r < 0.15:
        return rng.choice(("one CR2032 coin cell", "a CR2032 button cell", "two LR44 button cells",
                           "a CR2450 coin cell", "one 9V block battery"))
    num = count_word(rng, n, 1.0 if n == 1 else 0.45)
    noun = "battery" if n == 1 else "batteries"
    if r < 0.35:
        return f"{n} × {cell}" if rng.random() < 0.6 else f"{n}x {cell}"
    if r < 0.5:
        return f"{num} {cell} {noun} (not included)"
    if r < 0.6:
        return f"{num} {cell} {noun} (included)"
    return f"{num} {cell} {noun}"


def _noise(rng):
    """'58 dB', '42 dB(A)', '65 decibels', 'as low as 24 dB'."""
    db = rng.randint(18, 98)
    body = weighted(rng, ((f"{db} dB", 55), (f"{db}dB", 10), (f"{db} dB(A)", 15), (f"{db} dBA", 8),
                    (f"{db} decibels", 12)))
    return qualified(rng, body, ("as low as", "under", "less than", "about", "just"), 0.15)


def _temp(rng: random.Random, c: float, allow_f: bool = True) -> str:
    if allow_f and rng.random() < 0.15:
        f = round(c * 9 / 5 + 32)
        return rng.choice((f"{f} °F", f"{f}°F", f"{f} degrees Fahrenheit"))
    num = fmt_num(c, decimals_of(c))
    return weighted(rng, ((f"{num} °C", 45), (f"{num}°C", 30), (f"{num} degrees", 10), (f"{num} ° C", 2),
                    (f"{num} degrees Celsius", 5), (f"{num} C", 5)))


def _temperature(rng):
    """A hot temperature (ovens, irons, water): '220 °C', '90 degrees', '425 °F', 'about 230°C'."""
    c = weighted(rng, ((rng.choice(range(40, 260, 5)), 70), (rng.choice(range(60, 101, 5)), 20),
                 (rng.choice(range(260, 500, 10)), 10)))
    return qualified(rng, _temp(rng, c), ("about",), 0.06)


def _low_temperature(rng):
    """A cold temperature (sleeping bags, freezers, batteries): '-5°C', '-18 °C', '4 °C', '23 °F'."""
    return _temp(rng, rng.choice(tuple(range(-30, 16)) + (-18, -10, -5, 0)))


def _temperature_range(rng):
    """'40–100 °C', '-10 °C to 40 °C', '50 to 230 °C', '80-450 °F'."""
    if rng.random() < 0.5:
        lo = rng.choice(range(30, 110, 10))
        hi = lo + rng.choice(range(40, 200, 10))
    else:
        lo = rng.randint(-30, 5)
        hi = rng.choice(range(25, 60, 5))
    f = rng.random() < 0.12
    if f:
        lo, hi = round(lo * 9 / 5 + 32), round(hi * 9 / 5 + 32)
    deg = "°F" if f else "°C"
    return weighted(rng, ((f"{lo}–{hi} {deg}", 30), (f"{lo}-{hi}{deg}", 15), (f"{lo} {deg} to {hi} {deg}", 20),
                    (f"{lo} to {hi} {deg}", 20), (f"between {lo} and {hi} {deg}", 10), (f"{lo}{deg} – {hi}{deg}", 5)))


def _wash_temp(rng):
    """Washing temperature: '30 °C', '40 degrees', '60°C', '86 °F'."""
    c = rng.choice((20, 30, 30, 30, 40, 40, 60, 90))
    return _temp(rng, c)


def _speed(rng):
    """'25 km/h', '15.5 mph', '32 kph', '12 km/h'."""
    if rng.random() < 0.65:
        v = rng.choice((6, 12, 14, 16, 18, 20, 20, 25, 25, 25, 28, 30, 32, 45, 120, 140, 160, 180, 200))
        body = with_unit(rng, str(v), rng.choice(("km/h", "km/h", "km/h", "kph", "kmh")), 0.1)
    else:
        v = rng.choice((4, 8, 10, 12, 12.5, 15, 15.5, 18, 20, 28, 60, 90, 112, 125))
        body = with_unit(rng, fmt_num(v, decimals_of(v)), rng.choice(("mph", "mph", "miles per hour")), 0.05)
    return qualified(rng, body, ("up to",), 0.2)


def _rpm(rng):
    """A motor or tool speed: '1,800 rpm', '550 RPM', '22,000 rpm', 'up to 3,500 rpm'."""
    v = weighted(rng, ((on_grid(rng, 300, 3500, 50), 60), (on_grid(rng, 5000, 30000, 500), 40)))
    body = with_unit(rng, number_text(rng, v, group=0.7), rng.choice(("rpm", "rpm", "RPM", "rev/min", "revolutions per minute")), 0)
    return qualified(rng, body, ("up to",), 0.15)


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "weight": _weight,
    "heavy_weight": _heavy_weight,
    "load": _load,
    "laundry_load": _laundry_load,
    "volume": _volume,
    "length": _length,
    "length_cm": _length_cm,
    "small_length": _small_length,
    "length_range": _length_range,
    "dimensions": _dimensions,
    "area": _area,
    "power": _power,
    "voltage": _voltage,
    "battery_capacity": _battery_capacity,
    "battery_type": _battery_type,
    "noise": _noise,
    "temperature": _temperature,
    "low_temperature": _low_temperature,
    "temperature_range": _temperature_range,
    "wash_temp": _wash_temp,
    "speed": _speed,
    "rpm": _rpm,
}
