"""The built site as the tests and benchmarks see it: its pages, served on localhost.

``toc_pages()`` lists the HTML page of every entry in ``_toc.yml`` and
``serve(directory)`` serves a folder on 127.0.0.1 in a background thread,
recording every request it answers.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import sys
import threading
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SITE_DIR = ROOT / "_build" / "html"
CHROMIUM_ENV = "CHROMIUM_PATH"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions",
]
"""Flags for a quiet Chromium: no background connections, no first-run work."""


def toc_pages(toc_file: Path = ROOT / "_toc.yml") -> list[str]:
    """HTML paths (relative to the site root) of every document in the table of contents."""
    toc = yaml.safe_load(toc_file.read_text(encoding="utf-8"))
    docs = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                docs.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return [f"{Path(doc).with_suffix('')}.html" for doc in docs]


def chromium_executable() -> str:
    """Debian's Chromium (``chromium`` on PATH), or the file named by ``$CHROMIUM_PATH``."""
    path = os.environ.get(CHROMIUM_ENV) or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise FileNotFoundError(f"no Chromium found: install Debian's chromium or set {CHROMIUM_ENV}")
    return path


COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".txt", ".csv", ".xml", ".map")
"""Files a static host serves gzip-compressed (when the browser accepts it)."""


@functools.lru_cache(maxsize=512)
def _gzipped(path: Path, mtime_ns: int, size: int) -> bytes:
    """A file's gzip encoding, made once per version of the file (as a static host keeps it)."""
    return gzip.compress(path.read_bytes(), mtime=0)


class _QuietHandler(SimpleHTTPRequestHandler):
    log = None
    compress = False

    def log_message(self, format, *args):  # noqa: A002 - signature set by the base class
        pass

    def send_response(self, code, message=None):
        self.log.append((self.path, code))
        super().send_response(code, message)

    def do_GET(self):  # noqa: N802 - name set by the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (self.compress and wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().do_GET()
        stat = path.stat()
        body = _gzipped(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A browser that closes a connection early (a page navigated away) is not an error."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path = SITE_DIR, *, compress: bool = False):
    """Serve ``directory`` on 127.0.0.1 (a free port); yield ``(base_url, request_log)``.

    With ``compress``, text files go out gzip-compressed, as any static host sends them.
    """
    if not (directory / "index.html").exists():
        raise FileNotFoundError(f"{directory} holds no built site: run `make book` first")
    log: list[tuple[str, int]] = []
    handler = functools.partial(type("Handler", (_QuietHandler,), {"log": log, "compress": compress}),
                                directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/", log
    finally:
        server.shutdown()
        server.server_close()
