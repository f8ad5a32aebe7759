"""HTML as `mgpt index` reads it (retrieval/formats.py): what a reader of the page sees, in the
Markdown the chunker understands."""

import pytest

pytest.importorskip("bs4")

from mgpt.retrieval.chunking import sections  # noqa: E402
from mgpt.retrieval.formats import read_html  # noqa: E402

PAGE = b"""<html><body>
<div role="navigation"><a href="/">Home</a> | <a href="/models">Models</a></div>
<h2>Specifications</h2>
<dl><dt>Weight</dt><dd>3.2 kg</dd><dt>Colours:</dt><dd>red</dd><dd>blue</dd><dt>Warranty</dt></dl>
<div id="cookie-banner" hidden><p>We use cookies.</p></div>
<p aria-hidden="true">decoration</p><p style="color: red; display : none">not shown</p>
<p>Made in Utrecht.</p>
<div role="contentinfo">Nimbra B.V. 2025</div>
</body></html>"""


def test_definition_lists_become_record_lines_and_hidden_parts_go():
    text = read_html(PAGE)[0][1]
    assert text == "## Specifications\n\nWeight: 3.2 kg\nColours: red; blue\n\nMade in Utrecht."
    assert sections(text) == [("Specifications", ["Weight: 3.2 kg", "Colours: red; blue"]),
                              ("Specifications", ["Made in Utrecht."])]


def test_the_reading_data_was_recorded_with_stays_available():
    text = read_html(PAGE, definitions_and_hidden=False)[0][1]
    assert "Weight3.2 kgColours:redblueWarranty" in text and "We use cookies." in text and "Home" in text
