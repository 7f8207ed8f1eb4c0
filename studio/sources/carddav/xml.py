"""The WebDAV/CardDAV request bodies and a reader for 207 Multi-Status answers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
_NS = {"d": DAV, "c": CARDDAV}

PRINCIPAL = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop>'
    "<d:current-user-principal/></d:prop></d:propfind>"
)
HOME_SET = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:" '
    'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><c:addressbook-home-set/></d:prop></d:propfind>'
)
BOOKS = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/>'
    "<d:displayname/></d:prop></d:propfind>"
)
ETAGS = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/>'
    "<d:resourcetype/></d:prop></d:propfind>"
)


def sync_collection(token: str | None) -> str:
    token_xml = f"<d:sync-token>{_escape(token)}</d:sync-token>" if token else "<d:sync-token/>"
    return (
        '<?xml version="1.0" encoding="utf-8"?><d:sync-collection xmlns:d="DAV:">'
        f"{token_xml}<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>"
    )


def multiget(hrefs: list[str]) -> str:
    refs = "".join(f"<d:href>{_escape(h)}</d:href>" for h in hrefs)
    return (
        '<?xml version="1.0" encoding="utf-8"?><c:addressbook-multiget xmlns:d="DAV:" '
        'xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><d:getetag/><c:address-data/></d:prop>'
        f"{refs}</c:addressbook-multiget>"
    )


@dataclass
class DavResponse:
    """One <response>: its href, the HTTP status of the resource (a 404 in a sync report
    means removed) and the properties that came with status 200."""

    href: str
    status: int = 200
    props: dict[str, ET.Element] = field(default_factory=dict)

    def text(self, name: str) -> str:
        element = self.props.get(name)
        return (element.text or "").strip() if element is not None else ""

    def href_in(self, name: str) -> str:
        element = self.props.get(name)
        found = element.find("d:href", _NS) if element is not None else None
        return (found.text or "").strip() if found is not None else ""

    def is_addressbook(self) -> bool:
        kind = self.props.get(f"{{{DAV}}}resourcetype")
        return kind is not None and kind.find("c:addressbook", _NS) is not None


@dataclass
class MultiStatus:
    responses: list[DavResponse]
    sync_token: str = ""


def parse_multistatus(body: bytes) -> MultiStatus:
    """Raises ValueError when ``body`` is not a DAV multistatus document."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise ValueError(f"the server's answer is not XML ({exc})") from None
    if root.tag != f"{{{DAV}}}multistatus":
        raise ValueError("the server's answer is not a WebDAV multistatus")
    responses = []
    for node in root.findall("d:response", _NS):
        href = (node.findtext("d:href", default="", namespaces=_NS) or "").strip()
        response = DavResponse(href, _status(node.findtext("d:status", default="", namespaces=_NS)))
        for propstat in node.findall("d:propstat", _NS):
            if _status(propstat.findtext("d:status", default="", namespaces=_NS)) != 200:
                continue
            props = propstat.find("d:prop", _NS)
            for prop in props if props is not None else []:
                response.props[prop.tag] = prop
        responses.append(response)
    token = (root.findtext("d:sync-token", default="", namespaces=_NS) or "").strip()
    return MultiStatus(responses, token)


def _status(line: str) -> int:
    parts = line.split()
    return int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else 200


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
