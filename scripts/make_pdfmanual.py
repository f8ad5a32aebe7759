"""Render the held-out PDF manual (corpora/readerkb/pdfmanual/manual.pdf) from its hand-written
text, corpora/readerkb/sources/pdfmanual.txt, the way a printed manual is laid out: A4 pages,
Helvetica 10 pt, every paragraph hard-wrapped at a fixed width of WRAP characters (lines break
where the width runs out, paragraphs run on across pages), headings, bullet lists, a
specifications table and a footer with the page number.

The output is deterministic (fixed creation date, no compression, so no zlib version can change
a byte): running `python scripts/make_pdfmanual.py` again gives the same bytes, which
tests/test_readerkb.py checks. It needs fpdf2 (the test extra pins the version that made the
committed file, FPDF_VERSION).

The text file's markup: `# `, `## `, `### ` headings; paragraphs separated by blank lines (their
lines are joined and wrapped again); `- ` bullet items and `1. ` numbered steps (a line indented
under an item continues it); `| a | b | c` table rows, the first row of a table its header;
`> ` lines printed as they are (an address).
"""

import argparse
import datetime
import os
import re
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "corpora", "readerkb", "sources", "pdfmanual.txt")
OUTPUT = os.path.join(ROOT, "corpora", "readerkb", "pdfmanual", "manual.pdf")
FPDF_VERSION = "2.8.9"
CREATED = datetime.datetime(2024, 9, 16, 9, 0, 0, tzinfo=datetime.timezone.utc)
TITLE = "Grasby Trim 600 and Trim 1000 - User manual"
WRAP = 92  # characters per line of body text
LINE = 4.5  # mm between lines of body text
MARGIN = 20  # mm
TABLE_COLUMNS = (62, 54, 54)  # mm

_ITEM = re.compile(r"^(- |\d+\. )")


def blocks(text):
    """(kind, payload) for each block of the source: headings, paragraphs, lists, tables, lines."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.split("\n")
        while lines and lines[0].startswith("#"):  # a block may open with headings
            level = len(lines[0]) - len(lines[0].lstrip("#"))
            out.append((f"h{level}", lines.pop(0)[level:].strip()))
        if not lines:
            continue
        if lines[0].startswith("|"):
            out.append(("table", [[c.strip() for c in line.strip().strip("|").split("|")] for line in lines]))
        elif lines[0].startswith(">"):
            out.append(("lines", [line[1:].strip() for line in lines]))
        elif _ITEM.match(lines[0]):
            items = []
            for line in lines:
                if _ITEM.match(line):
                    items.append(line.strip())
                else:
                    items[-1] += " " + line.strip()
            out.append(("list", items))
        else:
            out.append(("p", " ".join(line.strip() for line in lines)))
    return out


# a number and its unit stay on one line, as a typesetter keeps them ("20 °C", "10 cm")
_UNIT = re.compile(r"(?<=\d) (?=(?:°C|m²|cm|mm|kg|min|Ah|dB|Hz|V|A|m)\b)")


def wrap(text, width):
    glued = _UNIT.sub("\x00", text)
    lines = textwrap.wrap(glued, width=width, break_long_words=False, break_on_hyphens=False)
    return [line.replace("\x00", " ") for line in lines]


def render(output=OUTPUT, source=SOURCE):
    """Writes the PDF of `source` to `output` and returns the number of pages."""
    from fpdf import FPDF

    class Manual(FPDF):
        def footer(self):
            self.set_y(-14)
            self.set_font("helvetica", size=8)
            self.cell(0, 5, f"{TITLE}   |   GM-TRIM-EN   |   Page {self.page_no()} of {{nb}}", align="C")

    with open(source, encoding="utf-8") as f:
        text = f.read()
    pdf = Manual(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_compression(False)
    pdf.set_title(TITLE)
    pdf.set_author("Grasby Garden Technology Ltd")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    room = pdf.epw

    def line(text, x=MARGIN, bold=False, size=10, height=LINE):
        pdf.set_font("helvetica", style="B" if bold else "", size=size)
        if pdf.get_string_width(text) > room - (x - MARGIN) + 0.01:
            raise ValueError(f"line wider than the page, wrap it shorter: {text!r}")
        pdf.set_x(x)
        pdf.cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    for kind, payload in blocks(text):
        if kind == "h1":
            if pdf.page_no() > 1 or pdf.get_y() > MARGIN + 1:
                pdf.ln(4)
            if pdf.get_y() > pdf.h - 60:  # no heading alone at the foot of a page
                pdf.add_page()
            line(payload, bold=True, size=15 if pdf.page_no() == 1 and pdf.get_y() < MARGIN + 1 else 13, height=8)
            pdf.ln(1)
        elif kind == "h2":
            pdf.ln(2)
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            line(payload, bold=True, size=11, height=6)
        elif kind == "h3":
            pdf.ln(1)
            if pdf.get_y() > pdf.h - 35:
                pdf.add_page()
            line(payload, bold=True)
        elif kind == "lines":
            for text_line in payload:
                line(text_line)
            pdf.ln(2)
        elif kind == "p":
            for text_line in wrap(payload, WRAP):
                line(text_line)
            pdf.ln(2)
        elif kind == "list":
            for item in items_of(payload):
                marker, body = item
                pdf.set_font("helvetica", size=10)
                lines = wrap(body, WRAP - 4)
                if pdf.get_y() + LINE > pdf.page_break_trigger:
                    pdf.add_page()
                pdf.set_x(MARGIN + 2)
                pdf.cell(5, LINE, marker)
                for text_line in lines:
                    line(text_line, x=MARGIN + 8)
                pdf.ln(0.8)
            pdf.ln(1.5)
        elif kind == "table":
            for number, row in enumerate(payload):
                pdf.set_font("helvetica", style="B" if number == 0 else "", size=10)
                if pdf.get_y() + 6 > pdf.page_break_trigger:
                    pdf.add_page()
                for width, cell in zip(TABLE_COLUMNS, row):
                    pdf.cell(width, 6, cell, border="B" if number == 0 else 0)
                pdf.ln(6)
            pdf.ln(3)
    pdf.output(output)
    return pdf.page_no()


def items_of(items):
    """(marker, text) of each list item: "-" or the step's number."""
    return [(_ITEM.match(item).group(1).strip(), item[_ITEM.match(item).end():]) for item in items]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=OUTPUT, help=f"where to write the PDF [default: {OUTPUT}]")
    args = parser.parse_args()
    import fpdf

    if fpdf.__version__ != FPDF_VERSION:
        print(f"warning: fpdf2 {fpdf.__version__}, not {FPDF_VERSION}: the bytes will differ from the committed file")
    pages = render(args.out)
    print(f"{args.out}: {pages} pages")


if __name__ == "__main__":
    main()
