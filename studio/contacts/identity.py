"""What makes two contact records the same person.

A contact yields identity keys: its UID, each e-mail (case-insensitive), each phone
number in E.164 form (`phones.phone_key`, read in the contact's country) and its name
together with each postal address. Two
records sharing a key are candidates for a merge; `names_compatible` refuses candidates
whose names contradict each other, so a shared household phone never merges two people
(`studio.contacts.matching` decides merge, review or apart). Names are compared
tolerantly (`comparable_name`): a title, a missing family name, a name written only as
FN, an initial or a nickname from the nickname table ("Mike" for "Michael") is no
contradiction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from nicknames import NickNamer

from studio.contacts.names import split_display_name
from studio.contacts.phones import phone_key, phone_region
from studio.model import Address, Contact

_SPACES = re.compile(r"\s+")
_NAME_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")  # "O'Brien", "Jean-Luc" are one word each
_MIN_PHONE_DIGITS = 6  # shorter numbers (extensions, short codes) identify no one


def normalise_text(text: str) -> str:
    """Case-folded, NFC, single-spaced: for comparing names and streets."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def fold_text(text: str) -> str:
    """`normalise_text` without accents, for searching: "Müller" and "MULLER" both give "muller"."""
    normal = normalise_text(text)
    if normal.isascii():
        return normal  # nothing to take off: most search text, and far quicker
    decomposed = unicodedata.normalize("NFKD", normal)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def normalise_email(email: str) -> str:
    return email.strip().casefold()


def phone_keys(contact: Contact, home_country: str = "") -> set[str]:
    """The keys of the contact's numbers that can identify a person (`phones.phone_key`),
    read in its address's country, else ``home_country`` (the user's, from the settings).

    A number of fewer than six digits (a short code, a bare extension) identifies no one.
    """
    region = phone_region(contact, home_country)
    keys = {phone_key(phone.value, region) for phone in contact.phones}
    return {key for key in keys if len(key.split(";ext=")[0].lstrip("+")) >= _MIN_PHONE_DIGITS}


def person_name(contact: Contact) -> str:
    """Normalised "given family", or the display name when the parts are missing."""
    parts = f"{contact.given_name} {contact.family_name}"
    return normalise_text(parts if parts.strip() else contact.display_name)


def address_key(address: Address) -> str:
    """The first street line and the postcode, normalised ("1 main st|62704"); "" if neither."""
    street = normalise_text(address.street.split("\n")[0])
    code = normalise_text(address.postal_code).replace(" ", "")
    if not street and not code:
        return ""
    return f"{street}|{code}"


def identity_keys(contact: Contact, home_country: str = "") -> set[tuple[str, str]]:
    """The (kind, key) pairs by which another record of the same person can be found.

    ``home_country`` (ISO code) is where numbers written without a country code are read
    when the contact's address names no country; with "" only "+…" numbers are whole.
    """
    keys: set[tuple[str, str]] = set()
    if contact.uid.strip():
        keys.add(("uid", contact.uid.strip()))
    for email in contact.emails:
        if "@" in email.value:
            keys.add(("email", normalise_email(email.value)))
    keys.update(("phone", key) for key in phone_keys(contact, home_country))
    name = person_name(contact)
    if name:
        for address in contact.addresses:
            if where := address_key(address):
                keys.add(("name-address", f"{name}|{where}"))
    return keys


@dataclass(frozen=True)
class ComparableName:
    """A personal name reduced for comparison: words case-folded, accents and titles dropped."""

    given: str  # the first given name ("" when unknown)
    family: frozenset[str]  # the words of the family name
    words: tuple[str, ...]  # every word of given, additional and family names, in order
    nickname: str = ""
    generation: frozenset[str] = frozenset()  # "jr", "sr", "iii" …


def comparable_name(contact: Contact) -> ComparableName | None:
    """The contact's personal name, from N or else from FN (`names.split_display_name`).

    None when it has none: only an e-mail, a phone or an organisation, or a display name
    that is an e-mail address or a number. (A display name that is a company's, "Acme
    Ltd", reads as a name, so a person does not merge into a company card by its phone.)
    """
    given, additional, family = contact.given_name, contact.additional_names, contact.family_name
    suffix = contact.suffix
    if not (given.strip() or family.strip()):
        parts = split_display_name(contact.display_name)
        given, additional, family, suffix = parts.given, parts.additional, parts.family, parts.suffix
    given_words = _name_words(given)
    while len(given_words) > 1 and given_words[0] in _TITLES:  # N given "Dr. Jane" (sloppy exports)
        given_words.pop(0)
    family_words = [part for word in _name_words(family) for part in word.split("-")]  # Ångström-Núñez
    words = (*given_words, *_name_words(additional), *family_words)
    if not words:
        return None
    nickname = _name_words(contact.nickname)
    return ComparableName(given_words[0] if given_words else "", frozenset(family_words), words,
                          nickname[0] if nickname else "", frozenset(_name_words(suffix)) & _GENERATIONS)


def names_compatible(a: Contact, b: Contact) -> bool:
    """Whether the names of two records may be one person's.

    They may when one side has no personal name (an e-mail-only card), or the names have
    the same words in any order ("Smith Jane", "山田 太郎" / "山田太郎"), or both of these hold:
    - the given names agree (equal, one an initial of the other, one the other's nickname
      field, or a short and a long form in the nickname table: "Mike" / "Michael",
      "Bob" / "Robert"), or one of them is missing ("Mrs. Berg");
    - the family names agree (one's words among the other's: "Núñez", "Ångström-Núñez"),
      or one of them is missing ("Anna" and "Anna Berg").
    Titles, case and accents do not count ("Dr. Jane Smith" is "Jane Smith", "Zoe" is
    "Zoë"). So two people sharing a household phone or e-mail, with different given names,
    stay apart; so do a "Sr." and a "Jr." of the same name.
    """
    name_a, name_b = comparable_name(a), comparable_name(b)
    if name_a is None or name_b is None:
        return True
    if name_a.generation and name_b.generation and name_a.generation != name_b.generation:
        return False  # John Smith Sr. and John Smith Jr., at one address
    if sorted(name_a.words) == sorted(name_b.words) or _same_run(name_a.words, name_b.words):
        return True
    if name_a.given and name_b.given and not _given_names_agree(name_a, name_b):
        return False
    family_a, family_b = name_a.family, name_b.family
    return not family_a or not family_b or family_a <= family_b or family_b <= family_a


def same_name(a: Contact, b: Contact) -> bool:
    """The same personal name, word for word (case, accents, titles and order aside)."""
    name_a, name_b = comparable_name(a), comparable_name(b)
    return name_a is not None and name_b is not None and sorted(name_a.words) == sorted(name_b.words)


_TITLES = frozenset({"mr", "mrs", "ms", "mx", "miss", "dr", "prof"})
_GENERATIONS = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _name_words(text: str) -> list[str]:
    """The words of a name, case-folded, without accents or dots ("Zoë" → "zoe")."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return _NAME_WORDS.findall(unicodedata.normalize("NFC", plain))


def _given_names_agree(a: ComparableName, b: ComparableName) -> bool:
    first_a, first_b = {a.given, a.nickname} - {""}, {b.given, b.nickname} - {""}
    if first_a & first_b:
        return True
    if any(_short_and_long_form(x, y) for x in first_a for y in first_b):
        return True
    if len(a.given) == 1 or len(b.given) == 1:  # "J. Smith" and "Jane Smith"
        return a.given[0] == b.given[0]
    return False


def _same_run(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """One name written without spaces: "山田太郎" and "山田 太郎" (either order)."""
    if len(a) != 1 and len(b) != 1:
        return False
    single, other = (a[0], b) if len(a) == 1 else (b[0], a)
    return len(other) > 1 and single in ("".join(other), "".join(reversed(other)))


@cache
def _nickname_table() -> NickNamer:
    """The nickname table (carltonnorthern/nicknames), read once: it is immutable data."""
    return NickNamer()


def _short_and_long_form(a: str, b: str) -> bool:
    """"mike" and "michael" (either way round), or two short forms of one name ("bill", "will")."""
    table = _nickname_table()
    return (b in table.nicknames_of(a) or a in table.nicknames_of(b)
            or bool(table.canonicals_of(a) & (table.canonicals_of(b) | {b})))
