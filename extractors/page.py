"""Page → text blocks and metadata.

Headings, paragraphs, list items and table cells become separate blocks, never joined into one
sentence: "458" in a heading and "C'est le nombre de caméras installées" below it stay two blocks.
Navigation, headers, footers, forms, scripts and cookie banners are dropped.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import AnyStr

from bs4.dammit import UnicodeDammit
from lxml import etree

from extractors.metadata import find_dates_in_lines, find_dates_in_tree

DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "canvas", "button", "select", "option", "object", "embed", "head",
}
BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "dt", "dd", "blockquote", "figcaption",
    "caption", "pre", "div", "section", "article", "main", "ul", "ol", "table", "tr", "body", "address",
    "center", "dl", "fieldset", "figure", "hr", "legend", "details", "summary", "time",
}
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Cookie and consent banners, by the ids and classes their usual libraries give them.
BANNER_WORDS = ("cookie", "consent", "gdpr", "rgpd", "tarteaucitron", "didomi", "onetrust", "axeptio",
                "cnil-banner", "skip-?link")
# Matched on lower-cased text: an IGNORECASE scan of a whole page was seven times slower.
BANNER_RE = re.compile("|".join(BANNER_WORDS))
ID_AND_CLASS = etree.XPath("//@id|//@class")
ROLE_XPATH = etree.XPath(".//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='dialog'"
                         " or @aria-hidden='true' or @hidden]")
MAX_TEXT_CHARS = 2_000_000
MAX_BODY_BYTES = 2 * MAX_TEXT_CHARS  # French text in UTF-8: under 2 bytes a character
# Plain lxml elements (no lxml.html proxies): reading is all we do. Comments and PIs are dropped.
HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True)
CONTROL_BYTES = bytes([*range(9), *range(14, 32)])
SPACE_RE = re.compile(r"[ \t\r\f\v]+")
# Control and format characters (NUL, C1 controls, zero-width and direction marks), not newlines.
CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


class UnreadablePage(ValueError):
    """The body holds no text vigicam can read (binary, empty, unsupported type)."""


@dataclass
class Block:
    text: str
    kind: str = "p"  # "heading", "p", "cell", "item"


@dataclass
class Page:
    blocks: list[Block]
    title: str | None = None
    published: str | None = None
    updated: str | None = None
    encoding: str | None = None
    content_type: str = "text/html"
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The normalised text: blocks separated by a blank line."""
        return "\n\n".join(b.text for b in self.blocks)

    @property
    def content_hash(self) -> str:
        """Hash of the normalised text: two fetches of the same prose hash alike whatever the markup."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def head(data: AnyStr, limit: int, boundary: AnyStr) -> AnyStr:
    """The first `limit` characters or bytes, cut at the last `boundary` (a tag, a line) before it, or
    at a space when there is none near (a 10 MB single line): a huge page is read in part, never cut
    inside a word or a character."""
    if len(data) <= limit:
        return data
    cut = data.rfind(boundary, limit // 2, limit)
    if cut < 0:
        space = b" " if isinstance(data, bytes) else " "
        cut = data.rfind(space, 0, limit)  # type: ignore[arg-type]
    return data[: cut if cut > 0 else limit]


def charset_from_content_type(content_type: str | None) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def decode_body(body: bytes, content_type: str | None = None, *, is_html: bool = True) -> tuple[str, str]:
    """Bytes → text. The HTTP header's charset first, then the page's meta charset, then the bytes
    themselves; windows-1252 pages that declare nothing decode as windows-1252, not as mojibake."""
    declared = charset_from_content_type(content_type)
    if (declared or "utf-8").lower().replace("_", "-") in ("utf-8", "utf8") and is_mixed_utf8(body):
        # windows-1252 pasted into a UTF-8 page: each part read in its own encoding
        return body.decode("utf-8", errors=MIXED_ERRORS), "utf-8+windows-1252"
    dammit = UnicodeDammit(body, known_definite_encodings=[declared] if declared else [], is_html=is_html,
                           user_encodings=["utf-8", "windows-1252"])
    if dammit.unicode_markup is None:
        raise UnreadablePage("cannot decode the page's bytes")
    return dammit.unicode_markup, dammit.original_encoding or "utf-8"


UTF8_SEQUENCE_RE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
MIXED_ERRORS = "vigicam-windows-1252"


def _windows_1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as windows-1252 (latin-1 where undefined)."""
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return chunk.decode("windows-1252", errors="replace").replace("\ufffd", ""), error.end


codecs.register_error(MIXED_ERRORS, _windows_1252_fallback)


def is_mixed_utf8(body: bytes) -> bool:
    """UTF-8 sequences and bytes that are not UTF-8 in one body (a CMS pasting windows-1252 text)."""
    if body.isascii():
        return False
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return UTF8_SEQUENCE_RE.search(body) is not None
    return False


def looks_binary(body: bytes) -> bool:
    head = body[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs
        return False
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls > len(head) // 50


SOURCE_NEWLINE_RE = re.compile(r"[\r\n]+")  # a line break in HTML source renders as a space; <br> breaks lines


def _one_line(text: str) -> str:
    return SOURCE_NEWLINE_RE.sub(" ", text) if "\n" in text or "\r" in text else text


def clean_text(text: str) -> str:
    """NFC, no control characters, single spaces; keeps U+00A0 and U+202F, which French numbers use."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = CONTROL_RE.sub("", text)
    lines = [SPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def _block_kind(tag: str) -> str:
    if tag in HEADING_TAGS:
        return "heading"
    if tag in ("td", "th"):
        return "cell"
    if tag in ("li", "dt", "dd"):
        return "item"
    return "p"


def drop_chrome(root: etree._Element, markup: str) -> None:
    """Remove navigation, scripts, forms, banners before walking; one XPath, evaluated in C."""
    doomed = list(root.iter(*DROP_TAGS)) + ROLE_XPATH(root)
    if BANNER_RE.search(markup.lower()):  # most of the cost, so only when a banner word is in the page at all
        doomed += [value.getparent() for value in ID_AND_CLASS(root) if BANNER_RE.search(value.lower())]
    for el in doomed:
        if el.getparent() is not None:
            drop_tree(el)


def drop_tree(el: etree._Element) -> None:
    """Remove an element and what it holds, keeping the text that follows it (its tail)."""
    parent, previous = el.getparent(), el.getprevious()
    if el.tail:
        if previous is not None:
            previous.tail = (previous.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def html_blocks(root: etree._Element) -> list[Block]:
    """Walk the tree without recursion (a 10,000-deep page must not blow the stack). Call
    `drop_chrome` first: everything left is content."""
    blocks: list[Block] = []
    parts: list[str] = []
    kinds: list[str] = ["p"]
    pre = 0  # inside <pre>, line breaks are the page's; elsewhere a newline in the source is a space

    def flush() -> None:
        joined = "".join(parts)
        parts.clear()
        if joined and not joined.isspace() and (text := clean_text(joined)):
            blocks.append(Block(text, kinds[-1]))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        if not isinstance(el.tag, str):  # comments and processing instructions: only their tail is text
            if event == "end" and el.tail:
                parts.append(el.tail if pre else _one_line(el.tail))
            continue
        tag = el.tag.lower()
        if event == "start":
            if tag in BLOCK_TAGS:
                flush()
                kinds.append(_block_kind(tag))
            elif tag == "br":
                parts.append("\n")
            pre += tag == "pre"
            if el.text:
                parts.append(el.text if pre else _one_line(el.text))
        else:
            if tag in BLOCK_TAGS:
                flush()
                if len(kinds) > 1:
                    kinds.pop()
            pre -= tag == "pre"
            if el.tail:
                parts.append(el.tail if pre else _one_line(el.tail))
    flush()
    return blocks


def text_blocks(text: str) -> list[Block]:
    """Plain text: paragraphs are separated by blank lines; single line breaks stay inside a block."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", text):
        cleaned = clean_text(chunk)
        if cleaned:
            blocks.append(Block(cleaned))
    return blocks


def read_html(markup: str) -> Page:
    try:
        root = etree.fromstring(head(markup, MAX_TEXT_CHARS, "<") or "<html></html>", HTML_PARSER)
        if root is None:
            raise UnreadablePage("malformed HTML: no document")
    except (etree.ParserError, ValueError) as exc:
        raise UnreadablePage(f"malformed HTML: {exc}") from exc
    title_el = root.find(".//title")
    title = clean_text("".join(title_el.itertext())) if title_el is not None else None
    published, updated = find_dates_in_tree(root)
    drop_chrome(root, markup)
    blocks = html_blocks(root)
    if not published or not updated:
        line_published, line_updated = find_dates_in_lines(b.text for b in blocks[:60])
        published = published or line_published
        updated = updated or line_updated
    if not title:
        title = next((b.text for b in blocks if b.kind == "heading"), None)
    return Page(blocks=blocks, title=title or None, published=published, updated=updated)


TAG_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]{0,2000}>", re.IGNORECASE | re.DOTALL)


def read_stripped_html(markup: str) -> Page:
    """Markup the HTML parser could not structure: tags become line breaks, the text is kept."""
    import html

    page = read_text(html.unescape(TAG_RE.sub("\n\n", head(markup, MAX_TEXT_CHARS, "<"))))
    page.content_type = "text/html"
    page.warnings.append("markup too deep or broken to parse: text read without structure")
    return page


def gave_up_on_depth() -> bool:
    """Whether libxml2 stopped the last parse at its nesting limit (the rest of the page is then lost)."""
    return any(error.type_name == "ERR_RESOURCE_LIMIT" for error in HTML_PARSER.error_log)


def read_text(text: str) -> Page:
    blocks = text_blocks(head(text, MAX_TEXT_CHARS, "\n"))
    published, updated = find_dates_in_lines(b.text for b in blocks[:60])
    return Page(blocks=blocks, title=blocks[0].text[:200] if blocks else None, published=published,
                updated=updated, content_type="text/plain")


def read_pdf(body: bytes) -> Page:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as exc:  # pragma: no cover - pypdf is a declared dependency
        raise UnreadablePage("reading PDF needs pypdf: pip install pypdf") from exc
    import io

    try:
        reader = PdfReader(io.BytesIO(body))
        text = "\n\n".join((page.extract_text() or "") for page in reader.pages[:200])
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise UnreadablePage(f"unreadable PDF: {exc}") from exc
    page = read_text(text)
    page.content_type = "application/pdf"
    return page


def read_page(body: bytes, content_type: str | None = None) -> Page:
    """Any fetched body → a Page, or UnreadablePage with a reason a user can read."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if not body.strip():
        raise UnreadablePage("empty body")
    if mime == "application/pdf" or body.startswith(b"%PDF"):
        return read_pdf(body)
    if looks_binary(body):
        raise UnreadablePage(f"binary content ({mime or 'no type'})")
    if mime and not (mime.startswith("text/") or "html" in mime or "xml" in mime):
        raise UnreadablePage(f"unsupported content type {mime}")
    is_html = mime != "text/plain" and bool(re.search(rb"<(html|body|p|div|h\d|title)\b", body[:20000], re.I))
    body = head(body, MAX_BODY_BYTES, b"<" if is_html else b"\n")  # decode no more than is read
    markup, encoding = decode_body(body, content_type, is_html=is_html)
    markup = markup.replace("\x00", "")  # libxml2 would turn each NUL into U+FFFD, glued to the text
    page = read_html(markup) if is_html else read_text(markup)
    if is_html and gave_up_on_depth():
        page = read_stripped_html(markup)  # libxml2 stops at 256 levels of nesting: keep the text anyway
    page.encoding = encoding
    if not page.blocks:
        raise UnreadablePage("no text on the page")
    return page
