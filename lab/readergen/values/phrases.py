"""Value kinds of free phrases: what a button does, how to clean or descale, and other short
verb or noun phrases that slot into a field's sentences.
"""

from __future__ import annotations

import random

from .formats import (count_word, decimals_of, fmt_num, joined, log_uniform, nice, number_text, NUMBER_WORDS,
                      on_grid, qualified, sample_of, weighted, with_unit)


_BUTTONS = ("the power button", "the reset button", "the Mode button", "the Bluetooth button",
            "the pairing button", "the M button", "the on/off button", "the + button", "the side button",
            "the play/pause button", "the button on the base", "both volume buttons", "the Wi-Fi button",
            "the start button", "the function button", "the main button", "the dial")
_PARTS = ("the left ear cup", "the right earbud", "the touch panel", "the control ring", "the left earbud",
          "the top of the speaker", "the crown", "the handle", "the right ear cup", "the display")


def _secs(rng: random.Random) -> str:
    n = rng.choice((2, 3, 3, 5, 5, 5, 8, 10, 10, 15, 20, 30))
    return f"{count_word(rng, n, 0.5)} seconds"


def _button_action(rng):
    """An imperative: 'hold the power button for five seconds', 'double-tap the right earbud'."""
    b, p = rng.choice(_BUTTONS), rng.choice(_PARTS)
    return weighted(rng, (
        (f"hold {b} for {_secs(rng)}", 25),
        (f"press and hold {b} for {_secs(rng)}", 18),
        (f"press and hold {p}", 8),
        (f"press {b} {rng.choice(('twice', 'three times', 'five times'))}", 8),
        (f"double-tap {p}", 5),
        (f"triple-tap {p}", 3),
        (f"tap and hold {p} for {_secs(rng)}", 6),
        (f"hold {b} until the light flashes", 7),
        (f"hold {b} until it beeps", 5),
        ("press the reset pin with a paperclip", 4),
        (f"press {b} and {rng.choice(_BUTTONS)} together", 5),
        (f"hold {b} while switching it on", 4),
        (f"turn {rng.choice(('the dial', 'the knob'))} to {rng.choice(('Reset', 'zero', 'P', 'the pairing symbol'))}", 2),
    ))


def _button_gesture(rng):
    """A press as a noun or gerund phrase, reads well after 'after' / 'by': 'a long press on the
    left ear cup', 'pressing the power button twice', 'a five-second press of the M button'."""
    b, p = rng.choice(_BUTTONS), rng.choice(_PARTS)
    n = rng.choice((2, 3, 3, 5, 5, 7, 10))
    return weighted(rng, (
        (f"a long press on {p}", 15), (f"a long press of {b}", 10), (f"a double tap on {p}", 8),
        (f"a {NUMBER_WORDS[n]}-second press of {b}", 10), (f"holding {b} for {_secs(rng)}", 20),
        (f"pressing {b} {rng.choice(('twice', 'three times'))}", 10), (f"tapping {p} three times", 5),
        (f"holding {b} until the light flashes", 10), (f"holding {p} for {_secs(rng)}", 8),
        (f"pressing {b} and {rng.choice(_BUTTONS)} together", 4),
    ))


def _cleaning_method(rng):
    """'rinse it with warm water', 'wipe it with a damp cloth', 'put it in the dishwasher'."""
    return rng.choice((
        "rinse it with warm water", "wipe it with a damp cloth", "put it in the dishwasher",
        "wash it by hand in warm soapy water", "wash it by hand only", "use a soft brush and mild soap",
        "rinse it under the tap", "run the self-cleaning programme", "soak it in warm soapy water",
        "wipe it down with a microfibre cloth", "wipe it with a soft, dry cloth", "use a damp cloth only",
        "rinse the parts and let them air-dry", "brush off dirt once it is dry", "hose it down gently",
        "wipe it with mild detergent", "clean it with an alcohol-free wipe", "use the supplied cleaning brush",
        "wash the removable cover at 30 °C", "vacuum it with a soft brush",
        "wipe the lenses with a lens cloth", "put it on the top rack of the dishwasher",
    ))


def _descale_method(rng):
    """'run the descaling programme', 'use a citric acid solution', 'use the supplied tablets'."""
    return rng.choice((
        "run the descaling programme", "run the descale cycle", "use a citric acid solution",
        "fill it with equal parts water and vinegar", "use the supplied descaling tablets",
        "use a liquid descaler and rinse twice", "boil a citric acid solution in it",
        "hold the descale button for three seconds", "start the Clean programme from the menu",
        "use a descaler for coffee machines", "soak the parts in diluted vinegar",
    ))


def _condition(rng):
    """A condition as a policy words it: 'only with the original receipt', 'if the item is unused'."""
    return rng.choice((
        "only with the original receipt", "as long as the tags are still attached", "if the item is unused",
        "in its original packaging", "with proof of purchase", "for unworn items only",
        "once per order", "if the seal is unbroken", "within 30 days of delivery", "for full-price items only",
        "if you have registered the product", "at no extra cost", "free of charge",
        "as long as stock lasts", "for members only", "with the order number", "for unopened items only",
        "in any of our stores", "online and in store", "except on sale items", "subject to availability",
        "if the item is in resaleable condition", "for a different size or colour",
    ))


def _location_phrase(rng):
    """Where something is: 'on the underside of the base', 'inside the battery compartment'."""
    part = rng.choice(("base", "unit", "motor housing", "water tank", "charging case", "frame", "lid",
                       "handle", "stand", "seat tube", "back panel", "device", "battery"))
    return weighted(rng, (
        (f"on the underside of the {part}", 25), (f"on the back of the {part}", 20),
        (f"inside the {rng.choice(('battery compartment', 'lid', 'charging case', 'door seal', 'filter housing'))}", 15),
        (f"under the {rng.choice(('water tank', 'drip tray', 'dust bin', 'bottom bracket', 'seat'))}", 10),
        (f"on the rating label on the {part}", 10), (f"behind the {rng.choice(('filter', 'door', 'front panel', 'battery'))}", 8),
        ("in the Settings menu under About", 6), ("on the original box", 6),
    ))


_MODES = ("Eco", "Normal", "Boost", "Turbo", "Auto", "Sleep", "Quiet", "Max", "Pulse", "Smoothie", "Crush",
          "Intensive", "Quick", "Delicate", "Night", "Sport", "Comfort", "Cool", "Dry", "Custom", "Standard",
          "Silent", "Power", "Gentle", "Carpet", "Hard Floor", "Warm", "Hot", "Tour", "Trail", "Soup", "Baby")


def _mode_list(rng):
    """'Eco, Normal and Boost', 'Auto / Sleep / Turbo', 'Quick, Eco, and Intensive'."""
    return joined(rng, sample_of(rng, _MODES, 2, 4))


_ACCESSORIES = ("a USB-C cable", "a carry pouch", "a user manual", "a wall charger", "a cleaning brush",
                "a spare filter", "a storage bag", "mounting screws", "an Allen key", "a quick-start guide",
                "a travel case", "a charging dock", "two spare filters", "a power adapter", "a remote control",
                "a wall bracket", "a protective cover", "three sizes of ear tips", "a recipe book",
                "a measuring cup", "a second battery", "a shoulder strap", "a tool kit", "a mounting kit",
                "a charging cable", "a microfibre cloth", "a spare belt", "two AA batteries")


def _accessory_list(rng):
    """What is in the box: 'a USB-C cable, a carry pouch and a user manual'."""
    return joined(rng, sample_of(rng, _ACCESSORIES, 1, 3))


def _compatibility(rng):
    """'iOS and Android', 'Windows, macOS and Linux', 'Android 9 or later', 'iPhone 12 and newer'."""
    return rng.choice((
        "iOS and Android", "Android and iOS", "iPhone and Android phones", "Windows, macOS and Linux",
        "Windows and macOS", "Windows 10 and 11", f"Android {rng.randint(8, 13)} or later",
        f"iOS {rng.randint(14, 17)} and later", f"iPhone {rng.randint(11, 15)} and newer",
        "all Bluetooth devices", "most smartphones and tablets", "Alexa and Google Assistant",
        "Apple HomeKit", "Chromebooks", "any USB-C laptop", f"macOS {rng.randint(11, 14)} or newer",
        "PlayStation 5 and Xbox Series X", "all Qi-compatible phones", "Shimano and SRAM groupsets",
        "standard 12 V sockets", "all our previous models", "Matter and Thread devices",
    ))


def _connectivity(rng):
    """'Bluetooth 5.3', 'Wi-Fi 6 and Bluetooth 5.2', 'Wi-Fi, Bluetooth and NFC', 'Ethernet and Wi-Fi'."""
    items = ("Bluetooth 5.3", "Bluetooth", "Wi-Fi", "Wi-Fi 6", "Wi-Fi 6E", "NFC", "USB-C", "Ethernet", "Zigbee",
             "Thread", "ANT+", "GPS", "5G", "4G LTE", "HDMI", "AirPlay 2", "Chromecast", "Bluetooth 5.2",
             "a 3.5 mm jack", "DisplayPort", "Thunderbolt 4", "optical input")
    return joined(rng, sample_of(rng, items, 1, 3))


def _os(rng):
    """'Android 14', 'Windows 11 Home', 'ChromeOS', 'iOS 17', 'Linux'."""
    return rng.choice((f"Android {rng.randint(12, 15)}", "Windows 11 Home", "Windows 11 Pro", "ChromeOS",
                       f"iOS {rng.randint(16, 18)}", "Ubuntu Linux", "macOS", f"iPadOS {rng.randint(16, 18)}",
                       "Wear OS", "Linux", "FreeDOS", "a custom Linux-based system", "Google TV", "Fire OS",
                       f"Android {rng.randint(12, 14)} (Go edition)"))


def _age(rng):
    """Who a toy or baby product is for; reads well after 'for': 'ages 8+', 'children aged 3 and
    over', 'babies from 6 months', 'kids aged 8 to 12', '14+'."""
    a = rng.choice((3, 4, 5, 6, 8, 8, 10, 12, 14))
    b = a + rng.choice((2, 3, 4, 6))
    return weighted(rng, (
        (f"ages {a}+", 20), (f"ages {a} and up", 12), (f"{a}+", 6), (f"children aged {a} and over", 10),
        (f"kids aged {a} to {b}", 10), (f"ages {a}–{b}", 10), (f"children from {a} years", 8),
        (rng.choice(("babies from birth", "babies from 6 months", "babies from 3 months", "toddlers from 18 months",
                     "children from 15 months", "ages 0–36 months", "newborns up to 13 kg",
                     "babies and toddlers up to 4 years")), 14),
        (f"anyone aged {a} or older", 4),
    ))


def _size_range(rng):
    """Reads well after 'sizes': 'XS to XXL', 'EU 36–46', 'UK 4–12', 'S–XL', '6 to 18', 'US 7–13'."""
    return rng.choice(("XS to XXL", "XS–XL", "S–XL", "S to 3XL", "XXS to XL", f"EU {rng.randint(34, 39)}–{rng.randint(44, 48)}",
                       f"UK {rng.randint(3, 6)}–{rng.randint(10, 13)}", f"US {rng.randint(5, 8)}–{rng.randint(12, 14)}",
                       f"{rng.choice((4, 6, 8))} to {rng.choice((18, 20, 22))}", "S, M, L and XL",
                       f"EU {rng.randint(35, 38)} to {rng.randint(45, 47)}", "XS, S, M, L, XL",
                       f"W28 to W{rng.choice((38, 40, 42))}", "2XS–2XL", "S to XL", "XS–3XL"))


def _torque(rng):
    """'50 Nm', '85 Nm', 'up to 60 Nm', '120 N·m'."""
    t = rng.choice((20, 30, 35, 40, 45, 50, 60, 65, 70, 75, 85, 90, 100, 120, 135, 250, 310, 420))
    body = rng.choice((f"{t} Nm", f"{t} Nm", f"{t}Nm", f"{t} N·m", f"{t} newton metres"))
    return qualified(rng, body, ("up to",), 0.2)


def _pressure(rng):
    """'15 bar', '2.5 bar', '130 bar', '35 psi', '19 bars'."""
    r = rng.random()
    if r < 0.7:
        b = rng.choice((1.5, 2.5, 3, 4, 9, 15, 15, 19, 20, 100, 110, 130, 140, 150))
        body = with_unit(rng, fmt_num(b, decimals_of(b)), rng.choice(("bar", "bar", "bars")), 0.1)
    else:
        body = with_unit(rng, str(rng.choice((30, 35, 50, 65, 80, 100, 120, 1800, 2000))), "psi", 0.1)
    return qualified(rng, body, ("up to",), 0.2)


def _suction(rng):
    """'22,000 Pa', '25 kPa', '180 AW', '4,000 Pa'."""
    r = rng.random()
    if r < 0.5:
        return qualified(rng, with_unit(rng, number_text(rng, on_grid(rng, 2000, 30000, 500), group=0.8), "Pa", 0.1), ("up to",), 0.2)
    if r < 0.75:
        return with_unit(rng, str(rng.randint(8, 30)), "kPa", 0.1)
    return qualified(rng, with_unit(rng, str(rng.choice((100, 115, 150, 180, 185, 230, 240))), rng.choice(("AW", "air watts")), 0.1),
                 ("up to",), 0.2)


def _energy_rating(rng):
    """EU energy label class: 'A', 'A+++', 'class B', 'C (A–G)'."""
    c = rng.choice(("A", "A", "B", "B", "C", "C", "D", "E", "F", "A+++", "A++", "A+"))
    return rng.choice((c, c, c, f"class {c}", f"{c} (on a scale from A to G)", f"{c} (A–G)"))


def _energy(rng):
    """Energy use: '0.85 kWh per cycle', '149 kWh/year', '0.5 W in standby'."""
    r = rng.random()
    if r < 0.4:
        v = rng.randint(45, 320)
        return rng.choice((f"{v} kWh per year", f"{v} kWh/year", f"{v} kWh/annum", f"{v} kWh a year"))
    if r < 0.8:
        v = on_grid(rng, 0.3, 1.5, 0.01)
        return rng.choice((f"{number_text(rng, v, comma=0.3)} kWh per cycle", f"{number_text(rng, v, comma=0.3)} kWh",
                           f"{number_text(rng, v, comma=0.3)} kWh per wash cycle"))
    v = rng.choice((0.3, 0.5, 0.5, 0.8, 1.0))
    return f"{fmt_num(v, 1)} W in standby"


def _airflow(rng):
    """'350 m³/h', '210 CFM', 'up to 420 m³/h', '300 m3/h'."""
    v = on_grid(rng, 100, 800, 10)
    return rng.choice((f"{fmt_num(v, 0)} m³/h", f"{fmt_num(v, 0)} m³/h", f"{fmt_num(v, 0)} m³/h",
                       f"{round(v / 1.7)} CFM", f"{fmt_num(v, 0)} m3/h", f"up to {fmt_num(v, 0)} m³/h"))


def _brightness(rng):
    """'800 lumens', '1,000 lm', '500 nits', 'up to 1,600 nits'."""
    if rng.random() < 0.55:
        v = rng.choice((100, 200, 300, 350, 400, 500, 600, 800, 1000, 1200, 1500, 2000, 3000))
        body = with_unit(rng, number_text(rng, v, group=0.6), rng.choice(("lumens", "lumens", "lm")), 0.1)
    else:
        v = rng.choice((250, 300, 350, 400, 500, 600, 1000, 1200, 1600, 2000, 3000))
        body = with_unit(rng, number_text(rng, v, group=0.6), rng.choice(("nits", "nits", "cd/m²")), 0.05)
    return qualified(rng, body, ("up to",), 0.2)


def _short_distance(rng):
    """Wireless range: '10 m', '30 feet', 'up to 15 metres', '100 m'."""
    r = rng.random()
    if r < 0.7:
        m = rng.choice((5, 8, 10, 10, 10, 12, 15, 20, 30, 50, 100, 150, 300))
        body = f"{m} {rng.choice(('m', 'm', 'metres', 'meters'))}"
    else:
        body = f"{rng.choice((30, 33, 40, 50, 100, 150, 300))} {rng.choice(('feet', 'ft'))}"
    return qualified(rng, body, ("up to", "about", "around"), 0.35)


def _distance(rng):
    """Vehicle range: '80 km', 'up to 50 miles', '120 km', '450 km (WLTP)'."""
    if rng.random() < 0.7:
        km = rng.choice((20, 25, 30, 35, 40, 45, 50, 60, 70, 80, 100, 120, 150, 180, 350, 420, 480, 560, 610))
        body = f"{km} {rng.choice(('km', 'km', 'kilometres', 'kilometers'))}"
        if km > 300 and rng.random() < 0.3:
            body += " (WLTP)"
    else:
        mi = rng.choice((15, 20, 25, 30, 40, 50, 60, 75, 100, 250, 300))
        body = f"{mi} {rng.choice(('miles', 'miles', 'mi'))}"
    return qualified(rng, body, ("up to", "up to", "about", "around"), 0.4)


def _wheel_size(rng):
    """Reads well before 'wheels': '27.5"', '29 inch', '700c', '20-inch', '10 in'."""
    s = rng.choice((8, 8.5, 10, 10, 12, 14, 16, 20, 24, 26, 27.5, 28, 29))
    if s >= 28 and rng.random() < 0.3:
        return rng.choice(("700c", "700C", "622 mm (700c)"))
    num = fmt_num(s, decimals_of(s))
    return rng.choice((f'{num}"', f"{num} inch", f"{num}-inch", f'{num}"', f"{num} in"))


def _hydrostatic(rng):
    """Waterproof rating of fabric: '3,000 mm', '5000 mm water column', '10,000mm'."""
    v = rng.choice((1500, 2000, 3000, 3000, 4000, 5000, 6000, 8000, 10000, 20000))
    num = number_text(rng, v, group=0.6)
    return rng.choice((f"{num} mm", f"{num} mm", f"{num}mm", f"{num} mm", f"{num} mm water column"))


def _ip_rating(rng):
    """Water resistance rating: 'IPX4', 'IP67', '5 ATM', 'IP68 (up to 6 m)'."""
    return rng.choice(("IPX4", "IPX4", "IPX5", "IPX7", "IP54", "IP55", "IP65", "IP66", "IP67", "IP67", "IP68",
                       "IP44", "5 ATM", "10 ATM", "IPX8", "IP24", "3 ATM", "IP68 (up to 6 m)",
                       "IP67 (1 m for 30 minutes)", "5 ATM (50 m)"))


def _acceleration(rng):
    """A 0-100 km/h or 0-60 mph time: '7.4 seconds', '6.1 s', '8.9 sec'."""
    t = round(rng.uniform(2.9, 12.5), 1)
    num = number_text(rng, t, comma=0.2)
    return rng.choice((f"{num} seconds", f"{num} seconds", f"{num} s", f"{num}s", f"{num} sec", f"just {num} seconds"))


def _volume_large(rng):
    """A large volume: a car boot, a fridge, a backpack, a grass box: '470 litres', '55 l', '1,200 L'."""
    l = nice(log_uniform(rng, 15, 700))
    l = round(l) if l >= 10 else l
    unit = rng.choice(("litres", "litres", "liters", "l", "L"))
    body = with_unit(rng, number_text(rng, l, group=0.6), unit, 0.1 if len(unit) == 1 else 0)
    if rng.random() < 0.08:
        body = f"{number_text(rng, round(l / 28.3, 1))} cu ft"
    return qualified(rng, body, ("up to", "about"), 0.1)


def _weight_small(rng):
    """A light weight: earbuds, watches, hoppers: '5.4 g', '250 g', '38 grams', '8.8 oz'."""
    r = rng.random()
    if r < 0.35:
        body = with_unit(rng, number_text(rng, round(rng.uniform(3, 12), 1), comma=0.25), rng.choice(("g", "g", "grams")))
    elif r < 0.85:
        body = with_unit(rng, str(int(on_grid(rng, 20, 900, 5))), rng.choice(("g", "g", "grams")))
    else:
        body = with_unit(rng, number_text(rng, round(rng.uniform(0.3, 30), 1)), rng.choice(("oz", "ounces")))
    return qualified(rng, body, ("just", "only", "about"), 0.15)


def _child_weight(rng):
    """A child's weight limit: '22 kg', 'up to 15 kg', '36 kg', '50 lb'."""
    kg = rng.choice((9, 13, 15, 15, 18, 20, 22, 22, 25, 36))
    if rng.random() < 0.2:
        body = f"{round(kg * 2.2046 / 5) * 5} {rng.choice(('lb', 'lbs', 'pounds'))}"
    else:
        body = with_unit(rng, str(kg), rng.choice(("kg", "kg", "kilograms", "kilos")), 0.1)
    return qualified(rng, body, ("up to",), 0.25)


def _fill(rng):
    """Insulation of a sleeping bag, jacket or duvet: 'duck down', '90/10 goose down'."""
    return rng.choice(("duck down", "goose down", "90/10 goose down", "800 fill power goose down",
                       "650 fill power duck down", "recycled synthetic fill", "hollow-fibre polyester",
                       "synthetic insulation", "merino wool wadding", "responsibly sourced down",
                       "recycled polyester fibres", "a down and feather blend", "PFC-free synthetic fill"))


def _timer(rng):
    """Longest timer setting: '24 hours', '12 h', '60 minutes', '99 minutes', '8 hours'."""
    r = rng.random()
    if r < 0.6:
        h = rng.choice((1, 2, 4, 8, 9, 12, 12, 24, 24))
        unit = "hour" if h == 1 else rng.choice(("hours", "hours", "h", "hrs"))
        return with_unit(rng, count_word(rng, h, 0.2), unit, 0.5 if unit == "h" else 0)
    m = rng.choice((30, 60, 60, 90, 99, 120, 180))
    return f"{m} {rng.choice(('minutes', 'minutes', 'mins', 'min'))}"


def _focal_length(rng):
    """Lens focal length: '24–70 mm', '50 mm', '18-55mm', '70-200 mm'."""
    if rng.random() < 0.4:
        f = rng.choice((14, 20, 24, 28, 35, 50, 50, 85, 90, 100, 135))
        return with_unit(rng, str(f), "mm", 0.25)
    a, b = rng.choice(((16, 35), (24, 70), (24, 105), (18, 55), (70, 200), (100, 400), (28, 75), (18, 135),
                       (150, 600), (12, 24)))
    return rng.choice((f"{a}–{b} mm", f"{a}-{b}mm", f"{a}-{b} mm", f"{a} to {b} mm", f"{a}–{b}mm"))


def _flow_rate(rng):
    """Water flow: '420 l/h', '7 litres per minute', '1.6 gpm', '500 litres per hour'."""
    r = rng.random()
    if r < 0.5:
        return f"{rng.choice((300, 360, 380, 420, 440, 500, 520, 600))} {rng.choice(('l/h', 'l/h', 'litres per hour', 'L/h'))}"
    if r < 0.85:
        v = rng.choice((5, 6, 6.5, 7, 8, 8.5, 9, 10, 12))
        return f"{number_text(rng, v, comma=0.2)} {rng.choice(('litres per minute', 'l/min', 'L/min'))}"
    return f"{rng.choice((1.2, 1.3, 1.5, 1.6, 2.0))} gpm"


def _small_range(rng):
    """A range in millimetres: a mowing height, a wrist size: '25–75 mm', '130-210 mm', '2.5 to 7.5 cm'."""
    if rng.random() < 0.5:
        lo = rng.choice((15, 20, 20, 25, 30, 35))
        hi = lo + rng.choice((40, 45, 50, 55, 60, 65))
    else:
        lo = rng.choice((110, 120, 125, 130, 135, 140, 150))
        hi = lo + rng.choice((50, 60, 65, 70, 80))
    if rng.random() < 0.15:
        a, b, unit = fmt_num(lo / 10, decimals_of(lo / 10)), fmt_num(hi / 10, decimals_of(hi / 10)), "cm"
    else:
        a, b, unit = str(lo), str(hi), rng.choice(("mm", "mm", "mm", "millimetres"))
    tight = f"{a}–{b}{unit}" if len(unit) == 2 else f"{a}–{b} {unit}"
    return weighted(rng, ((f"{a}–{b} {unit}", 35), (f"{a}-{b} {unit}", 25), (f"{a} to {b} {unit}", 25),
                    (f"between {a} and {b} {unit}", 10), (tight, 5)))


def _spin_speed(rng):
    """A washing machine spin speed: '1,400 rpm', '1200 RPM', 'up to 1,600 rpm'."""
    v = rng.choice((800, 1000, 1000, 1200, 1200, 1400, 1400, 1400, 1600, 1600, 1800))
    body = with_unit(rng, number_text(rng, v, group=0.6), rng.choice(("rpm", "rpm", "RPM", "rev/min", "revolutions per minute")), 0)
    return qualified(rng, body, ("up to",), 0.2)


def _count_medium(rng):
    """A count in the tens to low hundreds: '45', 'over 60', 'more than 100', '112'."""
    n = int(log_uniform(rng, 8, 160))
    if rng.random() < 0.3:
        n = n if n < 20 else int(round(n / 5) * 5)
        return f"{rng.choice(('over', 'more than', 'around', 'about', 'nearly'))} {n}"
    return str(n)


def _bean_capacity(rng):
    """How many coffee beans a hopper holds: '250 g', '300 grams', '1 kg', '8.8 oz'."""
    g = rng.choice((150, 200, 250, 250, 270, 300, 350, 400, 450, 500, 1000))
    if rng.random() < 0.12:
        return f"{fmt_num(round(g / 28.35, 1), 1)} oz"
    if g == 1000 and rng.random() < 0.7:
        return "1 kg"
    return with_unit(rng, str(g), rng.choice(("g", "g", "grams")), 0.15)


# the kinds of this module: name -> f(rng) -> str
KINDS = {
    "button_action": _button_action,
    "button_gesture": _button_gesture,
    "cleaning_method": _cleaning_method,
    "descale_method": _descale_method,
    "condition": _condition,
    "location_phrase": _location_phrase,
    "mode_list": _mode_list,
    "accessory_list": _accessory_list,
    "compatibility": _compatibility,
    "connectivity": _connectivity,
    "os": _os,
    "age": _age,
    "size_range": _size_range,
    "torque": _torque,
    "pressure": _pressure,
    "suction": _suction,
    "energy_rating": _energy_rating,
    "energy": _energy,
    "airflow": _airflow,
    "brightness": _brightness,
    "short_distance": _short_distance,
    "distance": _distance,
    "wheel_size": _wheel_size,
    "hydrostatic": _hydrostatic,
    "ip_rating": _ip_rating,
    "acceleration": _acceleration,
    "volume_large": _volume_large,
    "weight_small": _weight_small,
    "child_weight": _child_weight,
    "fill": _fill,
    "timer": _timer,
    "focal_length": _focal_length,
    "flow_rate": _flow_rate,
    "small_range": _small_range,
    "spin_speed": _spin_speed,
    "count_medium": _count_medium,
    "bean_capacity": _bean_capacity,
}
