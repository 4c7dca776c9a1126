"""Page → blocks and metadata, and bad input that must end in a clear message, never an exception."""


import pytest

from extractors import extract_figures
from extractors.page import MAX_TEXT_CHARS, UnreadablePage, read_page

PAGE = """<html><head><title>Vidéoprotection - Ville</title>
<meta property="article:published_time" content="2023-02-01T10:00:00+01:00"></head><body>
<header><p>Ville de Dreux</p></header><nav><a href="/">Accueil 12 caméras</a></nav>
<div class="cookie-consent">Nous utilisons 3 cookies</div>
<main><h2>458</h2><p>C'est le nombre de caméras installées actuellement.</p>
<ul><li>40 %</li><li>50 %</li></ul></main><footer>Tél. 02 37 38 84 00</footer>
<script>var cameras = 999;</script></body></html>"""


def test_blocks_keep_headings_items_and_drop_chrome():
    page = read_page(PAGE.encode(), "text/html; charset=utf-8")
    assert [b.text for b in page.blocks] == ["458", "C'est le nombre de caméras installées actuellement.", "40 %",
                                             "50 %"]
    assert page.title == "Vidéoprotection - Ville"
    assert page.published == "2023-02-01"


def test_heading_and_paragraph_link_by_anaphora():
    page = read_page(PAGE.encode(), "text/html; charset=utf-8")
    assert [(f.metric, f.value) for f in extract_figures(page, place_hint="Dreux")][0] == ("cameras", 458)


def test_a_line_break_in_the_source_is_a_space_and_br_a_line_break():
    html = ("<html><body><p>Neuf autres caméras\nseront installées.</p><p>Caméras : 312<br>Opérateurs : 16</p>"
            "<pre>Caméras\n312</pre></body></html>")
    assert read_page(html.encode(), "text/html; charset=utf-8").text == (
        "Neuf autres caméras seront installées.\n\nCaméras : 312\nOpérateurs : 16\n\nCaméras\n312")


def test_windows_1252_without_charset():
    body = "<html><body><p>La ville a installé douze caméras près de l'école.</p></body></html>".encode("cp1252")
    assert "douze caméras près de l'école" in read_page(body, "text/html").text


def test_header_charset_wins_over_meta():
    body = '<html><head><meta charset="utf-8"></head><body><p>Sécurité</p></body></html>'.encode("cp1252")
    assert read_page(body, "text/html; charset=windows-1252").text == "Sécurité"


def test_invalid_utf8_is_decoded_not_crashed():
    body = b"<html><body><p>Caf\xc3 48 cam\xe9ras \xff\xfe</p></body></html>"
    assert "48" in read_page(body, "text/html; charset=utf-8").text


@pytest.mark.parametrize(
    "text, date_kind, expected",
    [
        ("<p>Publié le 03/02/2022</p><p>Texte</p>", "published", "2022-02-03"),
        ("<p>Mis à jour le 4 mai 2023</p><p>Texte</p>", "updated", "2023-05-04"),
        ('<time datetime="2021-06-30">30 juin</time><p>Texte</p>', "published", "2021-06-30"),
        ('<script type="application/ld+json">{"datePublished": "2020-01-16"}</script><p>Texte</p>', "published",
         "2020-01-16"),
    ],
)
def test_page_dates(text, date_kind, expected):
    page = read_page(f"<html><body>{text}</body></html>".encode(), "text/html")
    assert getattr(page, date_kind) == expected


@pytest.mark.parametrize(
    "body, content_type, reason",
    [
        (b"", "text/html", "empty"),
        (b"   \n ", "text/html", "empty"),
        (bytes(range(256)) * 100, "text/html", "binary"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png", "binary"),
        (b"<html><body><script>x</script></body></html>", "text/html", "no text"),
        (b"{}", "application/json", "unsupported"),
    ],
)
def test_unreadable_pages_have_a_reason(body, content_type, reason):
    with pytest.raises(UnreadablePage, match=reason):
        read_page(body, content_type)


def test_deep_nesting_is_bounded():
    body = ("<div>" * 10_000 + "<p>La ville compte 48 caméras.</p>" + "</div>" * 10_000).encode()
    page = read_page(body, "text/html")  # libxml2 stops at 256 levels; the text is still read
    assert [f.value for f in extract_figures(page)] == [48]


def test_a_page_of_100000_numbers_does_not_blow_up():
    body = ("<p>" + " ".join(str(i) for i in range(100_000)) + "</p>").encode()
    page = read_page(body, "text/html")
    assert extract_figures(page) == []


def test_a_50_mb_page_is_read_within_limits():
    body = b"<html><body>" + b"<p>Texte sans chiffre sur la ville.</p>" * 1_400_000 + b"</body></html>"
    page = read_page(body, "text/html")
    assert page.text.startswith("Texte sans chiffre") and len(page.text) <= MAX_TEXT_CHARS
    assert page.text.endswith("sur la ville.")  # cut between two tags, never inside a word


def test_nul_bytes_are_dropped_not_turned_into_replacement_characters():
    page = read_page(b"<p>La ville\x00 compte 148\x00 cam\xc3\xa9ras.</p>" + b" " * 400, "text/html")
    assert page.text == "La ville compte 148 caméras."
    assert [f.value for f in extract_figures(page)] == [148]


def test_windows_1252_pasted_into_a_utf8_page_reads_both_parts():
    body = "<p>La ville compte 148 caméras.</p>".encode() + "<p>Vingt caméras sont prévues.</p>".encode("cp1252")
    page = read_page(b"<html><body>" + body + b"</body></html>", "text/html; charset=utf-8")
    assert [b.text for b in page.blocks] == ["La ville compte 148 caméras.", "Vingt caméras sont prévues."]


def test_banners_are_found_whatever_the_case_of_their_names():
    body = ('<div id="CookieBanner"><p>Ce site utilise 3 cookies.</p></div><div class="TarteAuCitron-Alert">'
            "<p>Accepter les 2 services.</p></div><p>La ville compte 148 caméras.</p>").encode()
    assert [b.text for b in read_page(body, "text/html").blocks] == ["La ville compte 148 caméras."]
