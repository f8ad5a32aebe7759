"""Render the development base dev5's PDF manual (corpora/readerkb/dev5/manual.pdf) from its
hand-written text, corpora/readerkb/dev5-source.txt: a small appliance maker's printed manual
(an invented bread maker), A4, Helvetica 10 pt, body text hard-wrapped at WRAP characters,
numbered chapters listed in a table of contents with dot leaders, tables drawn as rows of cells,
a running header and a footer with the page number on every page.

dev5 is a development base (scripts/reader_eval.py DEVELOPMENT): it may be read and used for
choices, unlike the held-out bases.

The output is deterministic (fixed creation date, no compression): running
`python scripts/make_dev5.py` again gives the same bytes, which tests/test_readerkb.py checks
with the fpdf2 version that made the committed file (FPDF_VERSION).

The text file's markup: `# ` a chapter (listed in the contents when it starts with its number;
the first `# ` is the title), `## ` a section; paragraphs separated by blank lines (their lines
are joined and wrapped again); `- ` bullet items and `1. ` numbered steps (an indented line
continues an item); `| a | b |` table rows, the first row of a table its header; `> ` lines
printed as they are; `[contents]` the table of contents.
"""

import argparse
import datetime
import os
import re
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "corpora", "readerkb", "dev5-source.txt")
OUTPUT = os.path.join(ROOT, "corpora", "readerkb", "dev5", "manual.pdf")
FPDF_VERSION = "2.8.9"
CREATED = datetime.datetime(2025, 3, 4, 8, 30, 0, tzinfo=datetime.timezone.utc)
TITLE = "Loafwright BM-2 / BM-2 Plus"
DOCUMENT = "PH-BM2-EN issue 3, 03/2025"
WRAP = 95  # characters per line of body text
LINE = 4.6  # mm between lines of body text
MARGIN = 18  # mm

_ITEM = re.compile(r"^(- |\d+\. )")
_CHAPTER = re.compile(r"^\d+ ")
# a number and its unit stay on one line, as a typesetter keeps them ("40 °C", "150 g")
_UNIT = re.compile(r"(?<=\d) (?=(?:°C|cm|mm|ml|kg|g|W|V|Hz|dB|m|minutes|hours|tsp|tbsp)\b)")


def blocks(text):
    """(kind, payload) for each block of the source."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.split("\n")
        while lines and lines[0].startswith("#"):
            level = len(lines[0]) - len(lines[0].lstrip("#"))
            out.append((f"h{level}", lines.pop(0)[level:].strip()))
        if not lines:
            continue
        if lines[0].strip() == "[contents]":
            out.append(("contents", None))
        elif lines[0].startswith("|"):
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
            out.append(("list", [(_ITEM.match(i).group(1).strip(), i[_ITEM.match(i).end():]) for i in items]))
        else:
            out.append(("p", " ".join(line.strip() for line in lines)))
    return out


def wrap(text, width):
    glued = _UNIT.sub("\x00", text)
    lines = textwrap.wrap(glued, width=width, break_long_words=False, break_on_hyphens=False)
    return [line.replace("\x00", " ") for line in lines]


def _layout(text, output, chapters):
    """One rendering; `chapters` gives the contents' page numbers ({} on the first pass).
    Returns (pages, {chapter: page})."""
    from fpdf import FPDF

    class Manual(FPDF):
        def header(self):
            if self.page_no() == 1:
                return
            self.set_y(8)
            self.set_font("helvetica", size=8)
            self.cell(self.epw / 2, 5, TITLE)
            self.cell(self.epw / 2, 5, "User manual", align="R", new_x="LMARGIN", new_y="NEXT")
            self.line(MARGIN, 13.5, self.w - MARGIN, 13.5)
            self.set_y(MARGIN)

        def footer(self):
            self.set_y(-13)
            self.set_font("helvetica", size=8)
            self.cell(self.epw / 2, 5, f"Penhallow Appliances Ltd - {DOCUMENT}")
            self.cell(self.epw / 2, 5, f"Page {self.page_no()} of {{nb}}", align="R")

    pdf = Manual(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_compression(False)
    pdf.set_title(f"{TITLE} - User manual")
    pdf.set_author("Penhallow Appliances Ltd")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    room = pdf.epw
    found, first = {}, True

    def line(text, x=MARGIN, bold=False, size=10, height=LINE):
        pdf.set_font("helvetica", style="B" if bold else "", size=size)
        if pdf.get_string_width(text) > room - (x - MARGIN) + 0.01:
            raise ValueError(f"line wider than the page, wrap it shorter: {text!r}")
        pdf.set_x(x)
        pdf.cell(0, height, text, new_x="LMARGIN", new_y="NEXT")

    for kind, payload in blocks(text):
        if kind == "h1":
            if first:  # the title
                line(payload, bold=True, size=18, height=10)
                first = False
                continue
            pdf.ln(4)
            if pdf.get_y() > pdf.h - 70:  # no chapter heading near the foot of a page
                pdf.add_page()
            line(payload, bold=True, size=13, height=8)
            found[payload] = pdf.page_no()
            pdf.ln(1)
        elif kind == "h2":
            pdf.ln(2)
            if pdf.get_y() > pdf.h - 45:
                pdf.add_page()
            line(payload, bold=True, size=11, height=6)
            pdf.ln(0.5)
        elif kind == "contents":
            pdf.ln(2)
            line("Contents", bold=True, size=11, height=6)
            for chapter in [t for k, t in blocks(text) if k == "h1" and _CHAPTER.match(t)]:
                page = str(chapters.get(chapter, 0))
                pdf.set_font("helvetica", size=10)
                dots = "."
                while pdf.get_string_width(f"{chapter} {dots}. {page}") < room - 4:
                    dots += "."
                line(f"{chapter} {dots} {page}", x=MARGIN + 2)
            pdf.ln(3)
        elif kind == "lines":
            for text_line in payload:
                line(text_line)
            pdf.ln(2)
        elif kind == "p":
            for text_line in wrap(payload, WRAP):
                line(text_line)
            pdf.ln(2)
        elif kind == "list":
            for marker, body in payload:
                pdf.set_font("helvetica", size=10)
                lines = wrap(body, WRAP - 5)
                if pdf.get_y() + LINE * min(len(lines), 2) > pdf.page_break_trigger:
                    pdf.add_page()
                pdf.set_x(MARGIN + 2)
                pdf.cell(5, LINE, marker)
                for text_line in lines:
                    line(text_line, x=MARGIN + 8)
                pdf.ln(0.8)
            pdf.ln(1.5)
        elif kind == "table":
            widths = []
            for column in range(len(payload[0])):
                pdf.set_font("helvetica", style="B", size=10)
                widest = max(pdf.get_string_width(row[column]) for row in payload if column < len(row))
                widths.append(widest + 8)
            if pdf.get_y() + 6 * min(len(payload), 4) > pdf.page_break_trigger:
                pdf.add_page()
            for number, row in enumerate(payload):
                pdf.set_font("helvetica", style="B" if number == 0 else "", size=10)
                if pdf.get_y() + 6 > pdf.page_break_trigger:
                    pdf.add_page()
                pdf.set_x(MARGIN)
                for width, cell in zip(widths, row):
                    pdf.cell(width, 6, cell, border="B" if number == 0 else 0)
                pdf.ln(6)
            pdf.ln(3)
    if output:
        pdf.output(output)
    return pdf.page_no(), found


def render(output=OUTPUT, source=SOURCE):
    """Writes the PDF of `source` to `output` and returns the number of pages (two passes: the
    first finds the page each chapter starts on, for the contents)."""
    with open(source, encoding="utf-8") as f:
        text = f.read()
    _, chapters = _layout(text, None, {})
    pages, again = _layout(text, output, chapters)
    assert again == chapters, "the contents moved a chapter to another page"
    return pages


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
