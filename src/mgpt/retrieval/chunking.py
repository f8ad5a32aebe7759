"""Cutting a document into chunks: by paragraph first, then by size, in characters.

A chunk is the unit that is embedded, stored and put into a prompt, so it must be small enough
for a small model's context: the defaults leave room for a question and an answer in a block
of 256 characters next to one or two chunks. Whitespace inside a chunk is collapsed to single
spaces (a prompt is one line), and a Markdown heading is joined to the paragraph below it, so
a chunk keeps the title that says what it is about.
"""

import re

DEFAULT_CHUNK_SIZE = 160
DEFAULT_OVERLAP = 32

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")


def check_sizes(chunk_size, overlap):
    """Returns an error message, or None when the sizes make sense."""
    if chunk_size < 16:
        return f"--chunk-size {chunk_size} is too small; use at least 16 characters"
    if not 0 <= overlap < chunk_size // 2:
        return f"--overlap {overlap} must be at least 0 and less than half of --chunk-size {chunk_size}"
    return None


def paragraphs(text):
    """Blank-line separated blocks, whitespace collapsed; heading-only blocks join the next block."""
    out, title = [], None
    for block in _BLANK_LINE.split(text.replace("\r\n", "\n")):
        lines = [line for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if all(_HEADING.match(line) for line in lines):
            heading = " ".join(_HEADING.sub("", line).strip() for line in lines)
            title = f"{title} {heading}" if title else heading
            continue
        body = " ".join(" ".join(lines).split())
        if title:
            body = f"{title}{'' if title[-1] in '.:;!?' else '.'} {body}"
            title = None
        out.append(body)
    if title:  # a heading at the very end still says something
        out.append(title)
    return out


def split_long(paragraph, chunk_size, overlap):
    """Windows of at most chunk_size characters, cut at spaces where possible; each window
    repeats about `overlap` characters of the one before, so a fact cut in two survives whole."""
    if len(paragraph) <= chunk_size:
        return [paragraph]
    pieces, start = [], 0
    while start < len(paragraph):
        end = min(start + chunk_size, len(paragraph))
        if end < len(paragraph):
            cut = paragraph.rfind(" ", start + chunk_size // 2, end + 1)
            if cut > start:
                end = cut
        pieces.append(paragraph[start:end].strip())
        if end >= len(paragraph):
            break
        next_start = max(end - overlap, start + 1)
        if overlap:
            space = paragraph.find(" ", next_start, end)  # begin the overlap at a word
            if space != -1:
                next_start = space + 1
        start = next_start
    return [p for p in pieces if p]


def chunk_text(text, chunk_size=DEFAULT_CHUNK_SIZE, overlap=DEFAULT_OVERLAP):
    """The chunks of one document, in order, without repeats (a repeated chunk adds nothing)."""
    seen, chunks = set(), []
    for paragraph in paragraphs(text):
        for piece in split_long(paragraph, chunk_size, overlap):
            if piece not in seen:
                seen.add(piece)
                chunks.append(piece)
    return chunks
