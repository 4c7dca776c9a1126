"""A page's markup reaches no notification live: vigicam sends its text as text, and Apprise escapes it for
the services that render HTML (e-mail) or Markdown (issue 22, item 7)."""

from __future__ import annotations

import email
import re

import pytest

from storage import open_database
from tests.test_notify import Hook, smtp_server
from tests.test_report_words import SOURCE, event
from vigicam.notify import NotifyConfig, deliver

HOSTILE = ("64 caméras <details open ontoggle=alert(1)>x</details> <img src=https://tracker.example/p.gif> "
           "<form action=https://evil.example><input name=pw></form> [voir](javascript:alert(1)) **gras**")


@pytest.fixture
def db(db_path):
    db = open_database(db_path)
    db["sources"].insert(SOURCE)
    db["changes"].insert(event("new", place="Dreux <b>x</b>", metric="cameras", new_value=64.0,
                               new_qualifier="exact", new_evidence=HOSTILE), alter=False)
    return db


@pytest.mark.parametrize("service_format", ["html", "markdown"])
def test_a_service_that_renders_markup_gets_the_page_text_escaped(db, service_format):
    hook = Hook()
    delivery = deliver(db, NotifyConfig(urls=[f"{hook.url}?format={service_format}"]))
    assert delivery.sent == 1 and len(hook.bodies) == 1
    message = hook.bodies[0]["message"]
    if service_format == "html":
        assert "<details" not in message and "<img" not in message and "<form" not in message
        assert "<b>" not in message
        assert "&lt;details&nbsp;open&nbsp;ontoggle=alert(1)&gt;" in message
    else:  # no tag can close, no link or emphasis can open: each such character is backslash-escaped
        assert not re.search(r"(?<!\\)[>\[\]()*]", message)
        assert "\\[voir\\]\\(javascript:alert\\(1\\)\\)" in message


def test_an_email_carries_no_live_html_from_a_page(db):
    with smtp_server() as (mailbox, mailto):
        assert deliver(db, NotifyConfig(urls=[mailto])).sent == 1
    assert len(mailbox.messages) == 1
    parts = [part for part in email.message_from_string(mailbox.messages[0]).walk() if not part.is_multipart()]
    bodies = {part.get_content_type(): part.get_payload(decode=True).decode() for part in parts}
    for body in (bodies.get("text/html") or "",):  # an HTML part, if any, holds the page's markup as text
        assert "<details" not in body and "<img" not in body and "<form" not in body
    assert "<details open ontoggle=alert(1)>" in bodies["text/plain"]  # the words arrive, as words
