"""A real CardDAV server for tests: Radicale on 127.0.0.1, a free port, its own folder."""

from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.server_process import free_port, stop_process

USER, PASSWORD = "anna", "s3cret-app-password"
MKCOL = (
    '<?xml version="1.0"?><D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:set>'
    "<D:prop><D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>"
    "<D:displayname>{name}</D:displayname></D:prop></D:set></D:mkcol>"
)


@dataclass
class CardDavServer:
    url: str
    process: subprocess.Popen
    folder: Path

    def client(self) -> httpx.Client:
        return httpx.Client(auth=(USER, PASSWORD), base_url=self.url, timeout=30)

    def make_book(self, slug: str = "customers", name: str = "Customers") -> str:
        with self.client() as http:
            assert (
                http.request("MKCOL", f"/{USER}/{slug}/", content=MKCOL.format(name=name)).status_code == 201
            )
        return f"{self.url}/{USER}/{slug}/"

    def put(self, book: str, href: str, vcard: str | bytes) -> None:
        with self.client() as http:
            response = http.put(f"{book}{href}", content=vcard, headers={"Content-Type": "text/vcard"})
            assert response.status_code in (201, 204), response.text

    def delete(self, book: str, href: str) -> None:
        with self.client() as http:
            assert http.delete(f"{book}{href}").status_code in (200, 204)

    def stop(self) -> None:
        stop_process(self.process)


def start_radicale(folder: Path) -> CardDavServer:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = free_port()
    config = folder / "config"
    config.write_text(
        f"[server]\nhosts = 127.0.0.1:{port}\n"
        f"[auth]\ntype = htpasswd\nhtpasswd_filename = {folder / 'users'}\nhtpasswd_encryption = plain\n"
        "delay = 0\n"
        f"[storage]\nfilesystem_folder = {folder / 'collections'}\n"
        "[rights]\ntype = owner_only\n[logging]\nlevel = warning\n",
        encoding="utf-8",
    )
    log = open(folder / "radicale.log", "wb")  # noqa: SIM115 - kept open for the server's life
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--config", str(config)], stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Radicale exited: {(folder / 'radicale.log').read_text(errors='replace')}")
        try:
            httpx.get(url, timeout=1)
            return CardDavServer(url, process, folder)
        except httpx.HTTPError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeError("Radicale did not start within 20 s")
