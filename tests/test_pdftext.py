"""A PDF's layout text put back into blocks (retrieval/pdftext.py), and what the chunker then makes
of them; a real PDF through `read_pdf` where fpdf2 is installed."""

import importlib.util

import pytest

from mgpt.retrieval.chunking import chunk_text, sections
from mgpt.retrieval.pdftext import cells, pdf_pages_markdown, running_lines

PROSE = ("The bread maker keeps the loaf warm for up to sixty minutes after the programme ends, so",
         "you can take it out when it suits you. Take it out soon, or the crust goes soft and pale.")
TABLE = ("No.     Programme          500 g      750 g      1 kg",
         "1       Basic              2:50       2:55       3:00",
         "2       French             3:35       3:40       3:50",
         "7       Express            -          0:58       -")


def page(number, *lines):
    return (number, "\n".join([f"Loafwright BM-{number % 3}                          User manual", "", *lines, "",
                               f"Penhallow Ltd                                    Page {number} of 4"]))


PAGES = [
    page(1, "Contents", " 1 Safety ......................... 1", " 2 Baking a loaf ................... 2",
         " 3 Programmes ....................... 3", "", "", "1 Safety", "",
         " -    Use the bread maker indoors only, on a dry and flat surface, at least",
         "      10 cm from walls.", " -    Never put it in water."),
    page(2, "2 Baking a loaf", "", *PROSE, "Keep the bread in a paper bag."),
    page(3, "3 Programmes", "", *TABLE, "", "Express bakes a loaf of 750 g in under an hour. It needs water at about 40",
         "degrees and a little more yeast than the Basic recipe does."),
    page(4, "13      Sourdough          3:55       4:00       4:10", "14      Rye                3:20       3:25       3:30",
         "", "4 Guarantee", "", *PROSE),
]


def test_running_header_and_footer_go_digits_aside():
    assert running_lines([text for _, text in PAGES]) == {"Loafwright BM-# User manual", "Penhallow Ltd Page # of #"}
    text = "\n".join(t for _, t in pdf_pages_markdown(PAGES))
    assert "Penhallow" not in text and "User manual" not in text
    assert running_lines([text for _, text in PAGES[:2]]) == set()  # two pages: nothing is "running"


def test_cells_are_words_apart_by_three_spaces_or_more():
    assert cells("7       Express  bread   -") == [(0, "7"), (8, "Express  bread"), (25, "-")]
    assert cells("Prose with single spaces.") == [(0, "Prose with single spaces.")]


def test_layout_lines_become_headings_paragraphs_lists_and_tables():
    pages = dict(pdf_pages_markdown(PAGES))
    assert pages[1].startswith("Contents\n1 Safety ... 1\n2 Baking a loaf ... 2")  # leaders shortened
    assert "\n\n## 1 Safety\n\n- Use the bread maker indoors only, on a dry and flat surface, at least\n10 cm" in pages[1]
    assert pages[2].startswith("## 2 Baking a loaf\n\n" + " ".join(PROSE))
    assert pages[3].startswith("## 3 Programmes\n\n| No. | Programme | 500 g | 750 g | 1 kg |\n|---|---|---|---|---|\n"
                               "| 1 | Basic | 2:50 | 2:55 | 3:00 |")
    assert "| 7 | Express | - | 0:58 | - |\n\nExpress bakes" in pages[3]
    # a table opening a page under no header of its own continues the last page's
    assert pages[4].startswith("| No. | Programme | 500 g | 750 g | 1 kg |\n|---|---|---|---|---|\n| 13 | Sourdough |")
    assert "\n\n## 4 Guarantee\n\n" in pages[4]


def test_chunks_of_a_pdf_table_name_each_value_by_its_column():
    pages = dict(pdf_pages_markdown(PAGES))
    chunks = chunk_text(pages[3], chunk_size=140)
    assert all(c.startswith("3 Programmes. ") for c in chunks)
    assert any("No.: 2; Programme: French; 500 g: 3:35; 750 g: 3:40; 1 kg: 3:50." in c for c in chunks)
    assert any("Programme: Sourdough; 500 g: 3:55" in c for c in chunk_text(pages[4]))


def test_a_long_table_row_is_cut_between_cells_and_each_piece_names_its_item():
    row = "| D20 Silent | compressor | 20 litres | 3.5 litres | up to 50 m2 | 33 dB | 300 W | 14.1 kg | €359 |"
    text = ("| Model | Type | Per day | Tank | Room | Noise | Power | Weight | Price |\n|---|---|---|---|---|---|---|---|---|\n"
            + row)
    chunks = chunk_text(text, chunk_size=100, overlap=20)
    assert len(chunks) >= 2
    assert all(c.startswith("Model: D20 Silent; ") for c in chunks)
    assert any("Price: €359." in c for c in chunks) and any("Type: compressor" in c for c in chunks)
    assert all(len(c) <= 100 for c in chunks)
    old = chunk_text(text, chunk_size=100, overlap=20, rows_and_lines=False)  # as data recorded before read it
    assert not all(c.startswith("Model: D20 Silent; ") for c in old)


def test_short_lines_stay_lines_and_prose_stays_sentences():
    address = "Penhallow Appliances Ltd\nUnit 7, Kernick Road\nPenryn TR10 9EH\nUnited Kingdom"
    assert sections(address) == [(None, address.split("\n"))]
    assert sections(address, rows_and_lines=False) == [(None, [" ".join(address.split("\n"))])]
    prose = "It beeps.\nThen it stops.\nOpen the lid."  # lines that end sentences are prose
    assert sections(prose) == [(None, ["It beeps.", "Then it stops.", "Open the lid."])]
    assert sections("Short line\nanother one") == [(None, ["Short line another one"])]  # two lines: prose


@pytest.mark.skipif(importlib.util.find_spec("fpdf") is None, reason="fpdf2 not installed (the test extra brings it)")
def test_a_real_pdf_keeps_its_sections_and_tables(tmp_path):
    from fpdf import FPDF

    from mgpt.retrieval.formats import read_pdf

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.set_font("helvetica", size=11)
    for number, section in enumerate(("Filling", "Boiling", "Specifications"), 1):
        pdf.add_page()
        pdf.cell(0, 6, "Kettle K2 manual", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        pdf.cell(0, 6, f"{number} {section}", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
        pdf.multi_cell(0, 6, "The kettle boils a litre of water in about two and a half minutes, and it switches itself "
                             "off when the water boils or when the jug is lifted from its base. " * 2)
        pdf.ln(4)
        for row in (("", "K2", "K2 Plus"), ("Capacity", "1.5 l", "1.7 l"), (section, "2200 W", "3000 W")):
            for width, text in zip((50, 40, 40), row):
                pdf.cell(width, 6, text)
            pdf.ln(6)
        pdf.set_y(-20)
        pdf.cell(0, 6, f"Page {number} of 3")
    path = tmp_path / "k.pdf"
    pdf.output(str(path))
    pages = read_pdf(path.read_bytes())
    assert [n for n, _ in pages] == [1, 2, 3]
    for (number, text), section in zip(pages, ("Filling", "Boiling", "Specifications")):
        assert "Kettle K2 manual" not in text and "Page" not in text
        assert text.startswith(f"## {number} {section}\n\nThe kettle boils")
        assert "\n" not in text.split("\n\n")[1]  # the paragraph's wrapped lines joined
        assert f"| {section} | 2200 W | 3000 W |" in text  # (a row alike at the foot of every page would be "running")
    assert any("Specifications; K2: 2200 W; K2 Plus: 3000 W." in c for c in chunk_text(pages[2][1]))
