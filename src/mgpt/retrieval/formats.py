"""Reading documents in the formats help centres export: plain text and Markdown as they are,
HTML and PDF through the libraries the ecosystem uses for them (BeautifulSoup, pypdf), imported
only when such a file is read.

Each reader returns pages, [(page number, text)], in the Markdown the chunker understands:
HTML headings become `#` headings (so they name their section), its paragraphs, list items and
table rows become paragraphs, list items and pipe-table rows, a definition list `term:
definition` lines, and its scripts, styles, navigation and hidden parts are dropped; a PDF gives
one page per page, numbered from 1, so a chunk can say which page it came from, its text read
with its layout and put back into paragraphs, headings, lists and tables, its running header and
footer dropped (pdftext.py). Plain files are one page, number 0 ("no pages").

A file that cannot be read as its format says raises ValueError with the reason, and the
caller skips it by name.
"""

import io
import logging
import re
import warnings

from .pdftext import pdf_pages_markdown

HTML_DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button",
             "svg", "iframe", "head")
ARIA_DROP = ("navigation", "banner", "contentinfo", "search")
HTML_BLOCKS = ("p", "div", "section", "article", "main", "blockquote", "pre", "dd", "dt", "figcaption", "address")


def read_plain(data):
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return [(0, data.decode("utf-8"))]
    except UnicodeDecodeError as e:
        raise ValueError(f"not UTF-8 text (byte offset {e.start})") from None


def read_html(data, definitions_and_hidden=True):
    """definitions_and_hidden False reads a page as mgpt did before it read definition lists as
    `term: definition` lines and dropped hidden parts (for data recorded then: lab/readerdocs)."""
    try:
        from bs4 import BeautifulSoup
    except ImportError:
        raise ValueError("reading HTML needs BeautifulSoup: pip install 'mgpt[rag]'") from None
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    logging.getLogger("bs4").setLevel(logging.CRITICAL + 1)  # its notes on undecodable bytes would
    with warnings.catch_warnings():  # break the one-line rule of the command line
        warnings.simplefilter("ignore")
        soup = BeautifulSoup(data, "html.parser")
    root = soup.body or soup
    if root.find(True) is None and not root.get_text(strip=True):
        raise ValueError("no visible text (empty or broken HTML)")
    for tag in root.find_all(HTML_DROP) + (root.find_all(_not_shown) if definitions_and_hidden else []):
        if not tag.decomposed:  # (inside one decomposed before)
            tag.decompose()
    blocks = []
    _html_blocks(root, blocks, definitions_and_hidden)
    text = "\n\n".join(b for b in blocks if b.strip())
    if not text.strip():
        raise ValueError("no visible text (empty or broken HTML)")
    return [(0, text)]


def _not_shown(tag):
    """Hidden (the `hidden` attribute, aria-hidden, display: none) or a page's navigation, banner or
    footer by its ARIA role: what a reader of the page does not read as its text."""
    style = tag.get("style") or ""
    return (tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or tag.get("role") in ARIA_DROP
            or re.search(r"display\s*:\s*none|visibility\s*:\s*hidden", style) is not None)


def _html_definitions(dl):
    """A definition list as `term: definition` lines, a record block to the chunker ("Weight: 3 kg")."""
    lines = []
    for child in dl.find_all(("dt", "dd")):
        text = _inline(child)
        if not text:
            continue
        if child.name == "dt":
            lines.append(text.rstrip(":") + ":")
        elif lines and lines[-1].endswith(":"):
            lines[-1] = f"{lines[-1]} {text}"
        elif lines:
            lines[-1] = f"{lines[-1]}; {text}"
        else:
            lines.append(text)
    return "\n".join(line for line in lines if not line.endswith(":"))


def _inline(tag):
    return " ".join(tag.get_text("").split())


def _html_blocks(node, out, definitions=True):
    """Walks the tree: block elements become paragraphs, inline text joins its block."""
    from bs4 import NavigableString, Tag

    pending = []

    def flush():
        text = " ".join("".join(pending).split())
        if text:
            out.append(text)
        pending.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "Declaration", "ProcessingInstruction"):
                continue
            pending.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if re.fullmatch(r"h[1-6]", name):
            flush()
            heading = _inline(child)
            if heading:
                out.append("#" * int(name[1]) + " " + heading)
        elif name in ("ul", "ol"):
            flush()
            items = [_inline(li) for li in child.find_all("li")]
            out.append("\n".join(f"- {item}" for item in items if item))
        elif name == "table":
            flush()
            out.append(_html_table(child))
        elif name == "dl" and definitions:
            flush()
            out.append(_html_definitions(child))
        elif name == "details":  # an FAQ entry: its summary (the question) opens the block, which it names
            flush()
            summary = child.find("summary")
            question = _inline(summary.extract()) if summary else ""
            inner = []
            _html_blocks(child, inner, definitions)
            out.append("\n".join(part for part in [question, " ".join(inner)] if part))
        elif name == "br":
            pending.append("\n")
        elif name in HTML_BLOCKS or name in ("li", "body", "html"):
            flush()
            _html_blocks(child, out, definitions)
        else:
            pending.append(child.get_text(""))
    flush()


def _html_table(table):
    rows = []
    for tr in table.find_all("tr"):
        cells = [_inline(c).replace("|", "/") for c in tr.find_all(("th", "td"))]
        if cells:
            rows.append("| " + " | ".join(cells) + " |")
    if not rows:
        return ""
    header = table.find("tr")
    if header is not None and header.find("th") is not None:  # a header row names the columns
        width = rows[0].count("|") - 1
        rows.insert(1, "|" + "---|" * width)
    return "\n".join(rows)


def read_pdf(data):
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise ValueError("reading PDF needs pypdf: pip install 'mgpt[rag]'") from None
    logging.getLogger("pypdf").setLevel(logging.CRITICAL + 1)  # its warnings would break the one-line rule
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValueError("encrypted PDF (mgpt cannot read it; export an unencrypted copy)")
        pages = [(number, page.extract_text(extraction_mode="layout") or "") for number, page in enumerate(reader.pages, 1)]
    except PdfReadError as e:
        raise ValueError(f"not a readable PDF ({e})") from None
    except ValueError:
        raise
    except Exception as e:  # pypdf raises many kinds of errors on damaged files
        raise ValueError(f"not a readable PDF ({type(e).__name__}: {e})") from None
    pages = pdf_pages_markdown([(number, text) for number, text in pages if text.strip()])
    if not pages:
        raise ValueError("PDF without a text layer (scanned pages need OCR first)")
    return pages


READERS = {".txt": read_plain, ".md": read_plain, ".markdown": read_plain, ".html": read_html, ".htm": read_html,
           ".pdf": read_pdf}
