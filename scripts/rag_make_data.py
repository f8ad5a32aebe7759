"""Training lines that teach a small model to answer from its context: "C: ... Q: ... A: ...".

Every fact here is invented at random (product names from random syllables, random prices,
dates, colours, policies), so a model trained on it can only answer by copying from the
context it is given; it learns nothing about the knowledge base in corpora/kb. What it does
share with the knowledge base is the form: spec sheets written as "Name. field: value; ...",
FAQ entries ending "The field is value.", the question phrasings, and the prompt template of
mgpt.retrieval.prompt, built with the same fit_context that `mgpt ask` uses, so each line is
exactly what `ask` would send, followed by the answer.

    python scripts/rag_make_data.py -n 40000 --block-size 256 -o out/rag_train.txt
"""

import argparse
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
from mgpt.retrieval.prompt import fit_context, format_example  # noqa: E402

KB_NAMES = {"quillmoor", "kestrel", "plover", "ember", "drift", "glow", "tarn"}  # never generated
MONTHS = ("January February March April May June July August September October November December").split()
COLOURS = ["red", "blue", "green", "black", "white", "grey", "yellow", "orange", "navy", "teal", "olive", "sand",
           "slate", "rust", "copper", "charcoal", "purple", "pink", "brown", "silver", "gold", "cream", "lime",
           "coral", "maroon", "moss green", "forest green", "sky blue", "stone", "ivory", "amber", "indigo", "khaki"]
CITIES = "Bremen Leeds Lyon Graz Aarhus Ghent Turin Porto Tartu Krakow Bergen Utrecht Basel Cork Malmo".split()
STREETS = "Hafen Linden Berg Markt Muehlen Garten Kirch Wald Brunnen Rosen".split()
WORDS = {"fuel": ["gas canister", "alcohol", "wood", "petrol", "solid fuel", "diesel", "gas cartridge"],
         "fill": ["goose down", "duck down", "synthetic fibre", "wool", "polyester", "hollow fibre"],
         "material": ["aluminium", "steel", "carbon", "nylon", "canvas", "cotton", "bamboo", "titanium", "glass",
                      "ceramic", "leather", "rubber", "polyester", "recycled nylon"],
         "charging": ["USB-C", "micro USB", "solar panel", "AA batteries", "AAA batteries", "hand crank"],
         "poles": ["aluminium", "carbon", "fibreglass", "steel", "none"]}

CATEGORIES = {
    "tent": ["packed size", "sleeps", "poles", "height", "floor area"],
    "stove": ["boil time", "fuel", "output", "burn time"],
    "sleeping bag": ["comfort rating", "fill", "length", "limit rating"],
    "lantern": ["brightness", "battery life", "charging", "run time"],
    "backpack": ["capacity", "back length", "material", "max load"],
    "jacket": ["material", "fill", "sizes", "water column"],
    "kettle": ["capacity", "boil time", "material", "output"],
    "headlamp": ["brightness", "battery life", "charging", "beam distance"],
    "water filter": ["flow rate", "filter life", "material", "pore size"],
    "chair": ["max load", "height", "packed size", "material"],
    "mug": ["capacity", "material", "height", "lid"],
    "bike light": ["brightness", "run time", "charging", "mount"],
    "boot": ["sizes", "material", "sole", "height"],
    "kayak": ["length", "max load", "material", "seats"],
}
COMMON = ["price", "weight", "colours", "released", "warranty", "model number", "made in"]
POLICIES = ["standard delivery time", "express delivery time", "express delivery price", "standard delivery price",
            "returns window", "exchange window", "customer service hours", "shop opening hours", "pickup hours",
            "customer service phone number", "hotline number", "repair time", "repair price", "student discount",
            "member discount", "shop address", "warehouse address", "winter sale dates", "summer sale dates",
            "gift wrap price", "order cutoff time", "refund time", "price match window", "trade-in discount"]
LEADS = ["How long will it take?", "Can it be faster?", "What if I change my mind?", "When can I reach you?",
         "How do I contact you?", "How long do I wait?", "Is there a cheaper way?", "Where do I go?",
         "When does it start?", "Is there a discount?", "What does it cost?", "Any tips?", "Can I swap an item?",
         "What if it breaks?", "Do you wrap gifts?", "When do you open?", "I ordered late, what now?",
         "Is it free?", "Who pays for that?", "Where can I find it?", "Can I pick it up myself?"]
FILLER = ["Dry the {n} before you store it.", "Keep the {n} away from open flames.", "Clean the {n} with a soft cloth.",
          "Check every part of the {n} before a long trip.", "Read the manual before you use the {n} for the first time.",
          "Store the {n} in a cool, dry place.", "The {n} comes with a bag and a short guide."]


class Facts:
    """Random values, each of a field's own kind."""

    def __init__(self, rng):
        self.rng = rng

    def pick(self, seq):
        return seq[int(self.rng.integers(len(seq)))]

    def n(self, lo, hi):
        return int(self.rng.integers(lo, hi + 1))

    def date(self):
        return f"{self.n(1, 28)} {self.pick(MONTHS)} {self.n(2015, 2029)}"

    def name(self):
        """A product family name from random syllables, never one of the knowledge base's."""
        while True:
            consonants, vowels = "bcdfghjklmnprstvwz", "aeiou"
            word = "".join(self.pick(consonants) + self.pick(vowels) for _ in range(self.n(1, 3)))
            if self.rng.random() < 0.5:
                word += self.pick("nrlst")
            if word not in KB_NAMES and len(word) >= 3:
                return word.capitalize()

    def value(self, field):
        r, n, pick = self.rng.random(), self.n, self.pick
        if field.endswith("price"):
            return f"{n(3, 999)} {pick(['EUR', 'EUR', 'EUR', 'USD', 'GBP'])}"
        if field == "weight":
            return f"{n(1, 4)}.{n(0, 9)} kg" if r < 0.5 else f"{n(40, 990)} g"
        if field in ("packed size", "floor area"):
            return f"{n(10, 90)} x {n(8, 40)} cm"
        if field == "sleeps":
            return "1 person" if r < 0.2 else f"{n(2, 6)} people"
        if field == "colours":
            cs = list(dict.fromkeys(pick(COLOURS) for _ in range(n(1, 3))))
            return cs[0] if len(cs) == 1 else ", ".join(cs[:-1]) + " and " + cs[-1]
        if field in ("released",) or field.endswith("dates"):
            if field.endswith("dates"):
                a = n(1, 20)
                return f"{a} to {a + n(3, 8)} {pick(MONTHS)} {n(2024, 2029)}"
            return self.date()
        if field == "warranty":
            years = n(1, 12)
            return f"{years} years" if years > 1 else "1 year"
        if field in ("boil time",):
            return f"{n(1, 9)}.{n(0, 9)} minutes"
        if field in ("burn time", "battery life", "run time"):
            return f"{n(2, 120)} hours"
        if field in ("comfort rating", "limit rating"):
            return f"{n(-20, 12)} C"
        if field in ("brightness",):
            return f"{n(2, 30) * 25} lumens"
        if field in ("capacity",):
            return f"{n(1, 90)} litres" if r < 0.7 else f"{n(2, 15) * 50} ml"
        if field in ("back length",):
            a = n(38, 50)
            return f"{a} to {a + n(4, 10)} cm"
        if field in ("height", "length", "beam distance"):
            return f"{n(5, 400)} cm" if field != "beam distance" else f"{n(20, 250)} m"
        if field in ("output",):
            return f"{n(5, 40) * 100} W"
        if field in ("max load",):
            return f"{n(60, 250)} kg"
        if field in ("water column",):
            return f"{n(5, 30) * 1000} mm"
        if field in ("flow rate",):
            return f"{n(1, 20) / 10:g} litres per minute"
        if field in ("filter life",):
            return f"{n(2, 40) * 500} litres"
        if field in ("pore size",):
            return f"0.{n(1, 9)} microns"
        if field in ("sizes",):
            a = n(36, 40)
            return f"{a} to {a + n(4, 9)}"
        if field in ("seats", "lid", "mount", "sole"):
            return {"seats": f"{n(1, 3)}", "lid": pick(["yes", "no", "screw lid", "slide lid"]),
                    "mount": pick(["handlebar", "seat post", "helmet", "clip"]),
                    "sole": pick(["rubber", "Vibram", "EVA foam", "leather"])}[field]
        if field == "model number":
            return f"{pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}{pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}-{n(100, 9999)}"
        if field == "made in":
            return pick(["Portugal", "Poland", "Vietnam", "Italy", "Germany", "Taiwan", "Romania", "Estonia", "Norway"])
        if field.endswith("time") and "cutoff" in field:
            return f"{n(10, 20)}:00"
        if field.endswith("time"):
            if r < 0.5:
                a = n(1, 7)
                return f"{a} to {a + n(1, 5)} working days"
            return f"{n(1, 30)} {pick(['working days', 'days'])}"
        if field.endswith("window"):
            return f"{n(7, 100)} days"
        if field.endswith("hours"):
            a = n(6, 11)
            return f"{a}:{pick(['00', '30'])} to {a + n(6, 11)}:{pick(['00', '30'])}"
        if field.endswith("number"):
            return f"0{n(10, 99)} {n(1000, 9999)} {n(1000, 9999)}"
        if field.endswith("discount"):
            return f"{n(5, 50)} percent"
        if field.endswith("address"):
            street = f"{pick(STREETS)}strasse" if r < 0.5 else f"{self.name()} Road"
            return f"{street} {n(1, 120)}, {pick(CITIES)}"
        if field in WORDS:
            return pick(WORDS[field])
        raise ValueError(field)


def question_for(field, subject, rng):
    """The phrasings the knowledge base's question set uses (and a few others)."""
    if subject is None:
        verb = "are" if field.endswith(("hours", "dates")) else "is"
        return f"What {verb} the {field}?"
    if field == "colours" and rng.random() < 0.85:
        return f"What colours does the {subject} come in?"
    if field == "released" and rng.random() < 0.85:
        return f"When was the {subject} released?"
    if field == "sleeps" and rng.random() < 0.85:
        return f"How many people does the {subject} sleep?"
    verb = "are" if field in ("colours", "sizes") else "is"
    return f"What {verb} the {field} of the {subject}?"


def product_chunks(facts, rng):
    """A product line: 1-3 products of one family (near-identical names), two spec chunks each."""
    category = facts.pick(list(CATEGORIES))
    family, chunks = facts.name(), []
    if rng.random() < 0.85:
        subjects = [f"{family} {n} {category}" for n in rng.choice(np.arange(1, 900), size=facts.n(1, 3), replace=False)]
    else:
        subjects = [f"{family} {category}"]
    heading = f"{facts.name()} {category}s. " if rng.random() < 0.3 else ""
    for subject in subjects:
        own = list(rng.choice(CATEGORIES[category], size=2, replace=False))
        extra = [facts.pick(["model number", "made in"])] if rng.random() < 0.3 else []
        for fields in (["price", "weight"] + own, ["colours", "released", "warranty"] + extra):
            if rng.random() < 0.3:
                rng.shuffle(fields)
            values = {f: facts.value(f) for f in fields}
            text = f"{subject}. " + "; ".join(f"{f}: {values[f]}" for f in fields) + "."
            chunks.append((text, [(f, subject, values[f]) for f in fields]))
    if heading:
        text, qa = chunks[0]
        chunks[0] = (heading + text, qa)
    if rng.random() < 0.3:
        chunks.append((facts.pick(FILLER).format(n=category), []))
    return chunks


def faq_chunks(facts, rng):
    chunks = []
    for field in rng.choice(POLICIES, size=facts.n(2, 4), replace=False):
        value = facts.value(field)
        verb = "are" if field.endswith(("hours", "dates")) else "is"
        lead = facts.pick(LEADS) + " " if rng.random() < 0.9 else ""
        chunks.append((f"{lead}The {field} {verb} {value}.", [(field, None, value)]))
    return chunks


def example(facts, rng, block_size, reserve):
    """One line, or None when the chunk with the answer would not fit the block."""
    pools = [product_chunks(facts, rng) for _ in range(facts.n(1, 2))]
    if rng.random() < 0.35:
        pools.append(faq_chunks(facts, rng))
    chunks = [c for pool in pools for c in pool]
    answerable = [i for i, (_, qa) in enumerate(chunks) if qa]
    target = answerable[int(rng.integers(len(answerable)))]
    field, subject, answer = chunks[target][1][int(rng.integers(len(chunks[target][1])))]
    question = question_for(field, subject, rng)
    others = [i for i in range(len(chunks)) if i != target]
    rng.shuffle(others)
    position = 0 if rng.random() < 0.6 else int(rng.integers(0, min(3, len(others) + 1)))
    ranked = others[:position] + [target] + others[position:]
    ranked = ranked[:max(position + 1, facts.n(1, 4))]  # as `ask -k` retrieves a few
    texts = [chunks[i][0] for i in ranked]
    kept, _, truncated = fit_context(texts, question, block_size, reserve)
    if truncated or ranked.index(target) not in kept:
        return None
    return format_example([texts[i] for i in kept], question, answer)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("-n", type=int, default=40000, help="lines to write")
    p.add_argument("--block-size", type=int, default=256, help="the model's block size")
    p.add_argument("--reserve", type=int, default=32, help="characters kept for the answer (ask --max-new-tokens)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("-o", "--out", required=True)
    args = p.parse_args()
    rng = np.random.default_rng(args.seed)
    facts = Facts(rng)
    lines = []
    while len(lines) < args.n:
        line = example(facts, rng, args.block_size, args.reserve)
        if line is not None:
            lines.append(line)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    lengths = np.array([len(line) for line in lines])
    print(f"wrote {len(lines)} lines to {args.out}: {lengths.mean():.0f} characters on average, "
          f"{lengths.max()} at most, {len(set(''.join(lines)))} distinct characters", file=sys.stderr)


if __name__ == "__main__":
    main()
