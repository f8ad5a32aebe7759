"""Edition 5: accessories and spare parts, each with a price, listed many to a block ("- Rear rack
bag, 18 litres: 79 EUR"). On the development bases the reader answered "How much is the child
seat?" with the price of the item listed before it: a chunk of such a list holds several names
and several prices, and only the name binds a price to the item asked about.

An accessory (world.py makes them) is a Product with one fact, its price, named by its item and
sometimes a detail ("Rear rack bag, 18 litres"); it is asked about by its item and is listed only
on its accessories page.
"""

from .snapshots import phrases

ITEMS = phrases()["accessory_items"]
DETAILS = phrases()["accessory_details"]  # after an item's name: ", {n} litres"
TITLES = phrases()["accessory_titles"]


def accessory_subjects(accessory):
    """How a customer names an accessory: by its item, without the detail its list gives."""
    item = accessory.family
    return [f"the {item}", f"a {item}", item, f"your {item}", f"the {item.lower()}", f"one {item}"]


def ghost_accessory(rng, company):
    """An accessory the company does not list: its price is not in the documents."""
    listed = {a.family for a in company.accessories}
    return rng.choice([i for i in ITEMS if i not in listed])


def accessories_page(w, accessories):
    """The list in one of the layouts shops use."""
    rng = w.rng
    style = rng.choice(("colon", "dash", "paren", "table", "lines", "bold"))
    rows = []
    for a in accessories:
        name, price = a.name, a.facts["price"]
        w.note(a, "price")
        rows.append({"colon": f"- {name}: {price}", "dash": f"- {name} – {price}", "paren": f"* {name} ({price})",
                     "table": f"| {name} | {price} |", "lines": f"{name}: {price}",
                     "bold": f"- **{name}**: {price}"}[style])
    if style == "table":
        header = rng.choice(("| Accessory | Price |", "| Item | Price |", "| Part | Cost |", "| | |"))
        rows = [header, "|---|---|"] + rows
    family = w.c.products[0].family if w.c.products else ""
    title = w.titled(rng.choice(TITLES).format(family=family))
    intro = rng.choice(("", "", "Sold separately.\n\n", "All accessories fit every model unless stated.\n\n"))
    return f"{title}\n\n{intro}" + "\n".join(rows) + "\n"
