"""Small PDFs built byte by byte for tests: one page drawing a content stream in Helvetica."""

from __future__ import annotations

import zlib


def one_page_pdf(content: bytes, *, flate: bool = False) -> bytes:
    """A valid one-page PDF whose page draws `content` (a content stream, windows-1252 text)."""
    stream = zlib.compress(content, 9) if flate else content
    flate_filter = b"/Filter /FlateDecode " if flate else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< " + flate_filter + b"/Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(text: str) -> bytes:
    return one_page_pdf(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("cp1252"))


def flate_bomb_pdf(inflated: int = 100_000_000) -> bytes:
    """About 100 KB that inflate to `inflated` bytes: more than pypdf's 75 MB limit by default."""
    return one_page_pdf(b"BT /F1 12 Tf 72 720 Td (" + b" " * inflated + b") Tj ET", flate=True)


def scanned_pdf() -> bytes:
    """A page with nothing to read as text, as a scanned document's image-only page."""
    return one_page_pdf(b"")
