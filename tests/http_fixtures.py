"""A tiny programmable HTTP server on 127.0.0.1 for crawl tests: path → (status, headers, body)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = tuple[int, dict[str, str], bytes]


class QuietServer(ThreadingHTTPServer):
    """A client that hangs up mid-answer (a killed crawl, a timeout) is expected here, not an error."""

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class RoutesServer:
    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.hits: list[str] = []
        self.requests: list[dict[str, str]] = []
        self.times: list[tuple[str, float]] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib name
                owner.hits.append(self.path)
                owner.times.append((self.path, time.monotonic()))
                status, headers, body = owner.routes.get(self.path, (404, {}, b"not found"))
                if "X-Test-Sleep" in headers:  # a server that hangs before answering
                    time.sleep(float(headers["X-Test-Sleep"]))
                owner.requests.append(dict(self.headers))
                etag, modified = headers.get("ETag"), headers.get("Last-Modified")
                if status == 200 and ((etag and self.headers.get("If-None-Match") == etag) or
                                      (modified and self.headers.get("If-Modified-Since") == modified)):
                    status, body = 304, b""
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
