"""Page → text blocks and metadata.

Headings, paragraphs, list items and table cells become separate blocks, never joined into one
sentence: "458" in a heading and "C'est le nombre de caméras installées" below it stay two blocks.
Navigation, headers, footers, forms, scripts and cookie banners are dropped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

import lxml.html
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
BANNER_RE = re.compile(
    r"cookie|consent|gdpr|rgpd|tarteaucitron|didomi|onetrust|axeptio|cnil-banner|skip-?link",
    re.IGNORECASE,
)
MAX_TEXT_CHARS = 2_000_000
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


def charset_from_content_type(content_type: str | None) -> str | None:
    match = re.search(r"charset=[\"']?([\w.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def decode_body(body: bytes, content_type: str | None = None, *, is_html: bool = True) -> tuple[str, str]:
    """Bytes → text. The HTTP header's charset first, then the page's meta charset, then the bytes
    themselves; windows-1252 pages that declare nothing decode as windows-1252, not as mojibake."""
    declared = charset_from_content_type(content_type)
    dammit = UnicodeDammit(body, known_definite_encodings=[declared] if declared else [], is_html=is_html,
                           user_encodings=["utf-8", "windows-1252"])
    if dammit.unicode_markup is None:
        raise UnreadablePage("cannot decode the page's bytes")
    return dammit.unicode_markup, dammit.original_encoding or "utf-8"


def looks_binary(body: bytes) -> bool:
    head = body[:4096]
    if head.startswith((b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")):
        return True
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text has NULs
        return False
    controls = len(head) - len(head.translate(None, CONTROL_BYTES))
    return controls > len(head) // 50


def clean_text(text: str) -> str:
    """NFC, no control characters, single spaces; keeps U+00A0 and U+202F, which French numbers use."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = CONTROL_RE.sub("", text)
    lines = [SPACE_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def is_dropped(el: etree._Element) -> bool:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in DROP_TAGS:
        return True
    if el.get("role") in ("navigation", "banner", "contentinfo", "dialog"):
        return True
    if el.get("aria-hidden") == "true" or el.get("hidden") is not None:
        return True
    marker = f"{el.get('id', '')} {el.get('class', '')}"
    return bool(marker.strip()) and bool(BANNER_RE.search(marker))


def _block_kind(tag: str) -> str:
    if tag in HEADING_TAGS:
        return "heading"
    if tag in ("td", "th"):
        return "cell"
    if tag in ("li", "dt", "dd"):
        return "item"
    return "p"


def drop_chrome(root: etree._Element) -> None:
    """Remove navigation, scripts, forms, banners before walking: lxml finds them in C."""
    doomed = list(root.iter(*DROP_TAGS))
    doomed += [el for el in root.iterfind(".//*[@id]") if BANNER_RE.search(el.get("id", ""))]
    doomed += [el for el in root.iterfind(".//*[@class]") if BANNER_RE.search(el.get("class", ""))]
    doomed += root.xpath(".//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='dialog' "
                         "or @aria-hidden='true' or @hidden]")
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the element's tail text


def html_blocks(root: etree._Element) -> list[Block]:
    """Walk the tree without recursion (a 10,000-deep page must not blow the stack)."""
    blocks: list[Block] = []
    parts: list[str] = []
    kinds: list[str] = ["p"]
    skip_depth = 0

    def flush() -> None:
        joined = "".join(parts)
        parts.clear()
        if joined and not joined.isspace() and (text := clean_text(joined)):
            blocks.append(Block(text, kinds[-1]))

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if skip_depth or is_dropped(el):
                skip_depth += 1
                continue
            if tag in BLOCK_TAGS:
                flush()
                kinds.append(_block_kind(tag))
            elif tag == "br":
                parts.append("\n")
            if el.text and isinstance(el.tag, str):
                parts.append(el.text)
        else:
            if skip_depth:
                skip_depth -= 1
                if skip_depth == 0 and el.tail:
                    parts.append(el.tail)
                continue
            if tag in BLOCK_TAGS:
                flush()
                if len(kinds) > 1:
                    kinds.pop()
            if el.tail:
                parts.append(el.tail)
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
        root = lxml.html.document_fromstring(markup[:MAX_TEXT_CHARS] or "<html></html>")
    except (etree.ParserError, ValueError) as exc:
        raise UnreadablePage(f"malformed HTML: {exc}") from exc
    title_el = root.find(".//title")
    title = clean_text(title_el.text_content()) if title_el is not None else None
    published, updated = find_dates_in_tree(root)
    drop_chrome(root)
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

    page = read_text(html.unescape(TAG_RE.sub("\n\n", markup[:MAX_TEXT_CHARS])))
    page.content_type = "text/html"
    page.warnings.append("markup too deep or broken to parse: text read without structure")
    return page


def read_text(text: str) -> Page:
    blocks = text_blocks(text[:MAX_TEXT_CHARS])
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
    markup, encoding = decode_body(body, content_type, is_html=is_html)
    page = read_html(markup) if is_html else read_text(markup)
    if is_html and not page.blocks:
        page = read_stripped_html(markup)  # libxml2 gives up on very deep nesting: keep the text anyway
    page.encoding = encoding
    if not page.blocks:
        raise UnreadablePage("no text on the page")
    return page
