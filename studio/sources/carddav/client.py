"""Talking to a CardDAV server, read-only: discovery, sync reports, ETags, fetching cards."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx

from studio.errors import StudioError
from studio.sources.carddav import xml

TIMEOUT_S = 30.0
MULTIGET_BATCH = 100


class CardDavError(StudioError):
    """A CardDAV failure said as one sentence naming the server."""


class SyncTokenRejected(CardDavError):
    """The server has no sync-collection, or forgot our token: compare ETags instead."""


@dataclass(frozen=True)
class AddressBook:
    url: str
    name: str


@dataclass
class Changes:
    """What changed on the server: href → ETag of new or changed cards, removed hrefs."""

    changed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    token: str = ""


class CardDavClient:
    def __init__(self, url: str, user: str, password: str, *, timeout: float = TIMEOUT_S) -> None:
        self.url = url if url.endswith("/") else url + "/"
        self._host = urlsplit(url).netloc
        self._http = httpx.Client(
            auth=(user, password),
            timeout=timeout,
            follow_redirects=True,
            headers={"User-Agent": "Card Studio"},
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CardDavClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # --- discovery (RFC 6764 section 6, RFC 6352 section 7) ----------------------------

    def address_books(self) -> list[AddressBook]:
        """Every address book of the user, found from the URL they gave (a server, a
        principal or an address book)."""
        start = self._discovery_start()
        principal = self._href(start, "current-user-principal", xml.PRINCIPAL) or start
        home = (
            self._href(principal, "{urn:ietf:params:xml:ns:carddav}addressbook-home-set", xml.HOME_SET)
            or principal
        )
        books = [
            self._book(r) for r in self._propfind(home, xml.BOOKS, depth="1").responses if r.is_addressbook()
        ]
        if not books:  # the URL may be an address book itself
            books = [
                self._book(r)
                for r in self._propfind(start, xml.BOOKS, depth="0").responses
                if r.is_addressbook()
            ]
        if not books:
            raise CardDavError(f"{self._host} has no address book for this user (is the URL right?)")
        return books

    def _discovery_start(self) -> str:
        if urlsplit(self.url).path in ("", "/"):
            well_known = urljoin(self.url, "/.well-known/carddav")
            response = self._send("PROPFIND", well_known, xml.PRINCIPAL, depth="0", allow={404, 405})
            if response.status_code == 207:
                return str(response.url)
        return self.url

    def _href(self, url: str, prop: str, body: str) -> str:
        name = prop if prop.startswith("{") else f"{{DAV:}}{prop}"
        for response in self._propfind(url, body, depth="0").responses:
            href = response.href_in(name)
            if href:
                return urljoin(url, href)
        return ""

    def _book(self, response: xml.DavResponse) -> AddressBook:
        url = urljoin(self.url, response.href)
        return AddressBook(
            url, response.text("{DAV:}displayname") or urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
        )

    # --- changes ---------------------------------------------------------------------

    def changes_since(self, book: str, token: str | None) -> Changes:
        """RFC 6578: what changed since ``token`` (everything when None).

        Raises SyncTokenRejected when the server cannot answer that way."""
        response = self._send(
            "REPORT", book, xml.sync_collection(token), depth="0", allow={403, 409, 412, 501}
        )
        if response.status_code != 207:
            raise SyncTokenRejected(f"{self._host} cannot report changes by sync token")
        status = self._multistatus(response)
        changes = Changes(token=status.sync_token)
        for item in status.responses:
            if item.status == 404:
                changes.removed.append(urljoin(book, item.href))
            elif not item.href.endswith("/"):
                changes.changed[urljoin(book, item.href)] = item.text("{DAV:}getetag")
        return changes

    def etags(self, book: str) -> dict[str, str]:
        """href → ETag of every card (RFC 6352's way when there is no sync token)."""
        status = self._propfind(book, xml.ETAGS, depth="1")
        return {
            urljoin(book, r.href): r.text("{DAV:}getetag")
            for r in status.responses
            if not r.href.endswith("/") and r.status == 200
        }

    def cards(self, book: str, hrefs: list[str]) -> Iterator[tuple[str, str, bytes]]:
        """(href, ETag, vCard bytes) of each card, fetched with addressbook-multiget."""
        for start in range(0, len(hrefs), MULTIGET_BATCH):
            batch = [urlsplit(h).path for h in hrefs[start : start + MULTIGET_BATCH]]
            status = self._multistatus(self._send("REPORT", book, xml.multiget(batch), depth="1"))
            for item in status.responses:
                data = item.text("{urn:ietf:params:xml:ns:carddav}address-data")
                if item.status == 200 and data:
                    yield urljoin(book, item.href), item.text("{DAV:}getetag"), data.encode("utf-8")

    # --- HTTP --------------------------------------------------------------------------

    def _propfind(self, url: str, body: str, *, depth: str) -> xml.MultiStatus:
        return self._multistatus(self._send("PROPFIND", url, body, depth=depth))

    def _multistatus(self, response: httpx.Response) -> xml.MultiStatus:
        try:
            return xml.parse_multistatus(response.content)
        except ValueError as exc:
            raise CardDavError(f"{self._host} is not answering as a CardDAV server: {exc}") from None

    def _send(
        self, method: str, url: str, body: str, *, depth: str, allow: Collection[int] = ()
    ) -> httpx.Response:
        try:
            response = self._http.request(
                method,
                url,
                content=body.encode("utf-8"),
                headers={"Depth": depth, "Content-Type": "application/xml; charset=utf-8"},
            )
        except httpx.TimeoutException:
            raise CardDavError(f"{self._host} did not answer in time; try again later") from None
        except httpx.HTTPError as exc:
            raise CardDavError(
                f"cannot reach {self._host} ({_reason(exc)}); check the address and your internet connection"
            ) from None
        if response.status_code in allow:
            return response
        if response.status_code == 401:
            raise CardDavError(
                f"{self._host} refused the user name or password (for iCloud, "
                "Nextcloud and Fastmail use an app-specific password)"
            )
        if response.status_code == 403:
            raise CardDavError(f"{self._host} does not let this user read {urlsplit(url).path}")
        if response.status_code == 404:
            raise CardDavError(f"{self._host} has nothing at {urlsplit(url).path} (is the URL right?)")
        if response.status_code >= 400:
            raise CardDavError(
                f"{self._host} answered {response.status_code} {response.reason_phrase} "
                f"to {method} {urlsplit(url).path}"
            )
        return response


def _reason(exc: httpx.HTTPError) -> str:
    text = str(exc) or type(exc).__name__
    return text.split("] ", 1)[-1]
