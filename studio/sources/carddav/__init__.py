"""Read-only CardDAV: finding a user's address books (RFC 6764, RFC 6352) and fetching what
changed since the last sync (RFC 6578 sync-collection, with an ETag comparison where a
server has no sync tokens). The HTTP is httpx's; these modules only build and read the XML."""
