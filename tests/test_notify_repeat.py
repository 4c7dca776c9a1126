"""Delivery is at least once (issue 22 item 8): a `vigicam notify` killed after the service took its message,
before the answer came back, sends the same events again, each line with the same event id, so that a
receiver can drop the repeat."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import run_vigicam
from tests.test_bad_storage import fill
from tests.test_notify import Hook


class SlowHook(Hook):
    """The webhook of tests/test_notify.py, answering `seconds` late: it has the message already (in
    `bodies`, `taken` set), the sender not yet the answer."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self.taken = threading.Event()
        owner, quick = self, self.server.RequestHandlerClass

        class Slow(quick):  # type: ignore[misc, valid-type]
            def send_response(self, code: int, message: str | None = None) -> None:
                owner.taken.set()
                time.sleep(owner.seconds)
                super().send_response(code, message)

        self.server.RequestHandlerClass = Slow


def received_ids(bodies: list[dict]) -> list[int | None]:
    """The event id each event line of the messages starts with ('#16 Dreux: …'); None for a line without
    one (an event's quoted sentences are indented, so they are not event lines)."""
    lines = (line for body in bodies for line in body["message"].splitlines() if line and not line.startswith(" "))
    return [int(match.group(1)) if (match := re.match(r"#(\d+) ", line)) else None for line in lines]


def test_a_send_killed_after_the_service_took_it_goes_again_with_the_same_ids(db_path: Path, tmp_path: Path) -> None:
    fill(db_path, 3, sentence="à Dreux.")
    hook = SlowHook(seconds=3)
    config = tmp_path / "vigicam.toml"
    config.write_text(f'[notify]\nurls = ["{hook.url}"]\n', encoding="utf-8")
    command = [sys.executable, "-m", "vigicam", "--db", str(db_path), "--config", str(config), "notify"]
    sender = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert hook.taken.wait(60), "the message never reached the webhook"
    finally:
        sender.kill()
        sender.wait()
    hook.seconds = 0
    again = run_vigicam(db_path, "--config", str(config), "notify")
    assert again.returncode == 0 and again.stdout == "sent 3 events\n", again.stderr
    first, second = (received_ids([body]) for body in hook.bodies)
    assert first == second == [1, 2, 3]  # twice, as the same events: a receiver drops the repeat by its id
