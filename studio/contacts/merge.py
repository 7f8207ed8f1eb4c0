"""Merging two records of the same person (whether they ARE the same: `identity`).

The rule a user can rely on: what they already have is never lost and never replaced
by an empty value. From the incoming record Card Studio takes only what is new:
- an empty name part, organisation, title, nickname, spouse, grammatical gender,
  pronouns or UID is filled in;
- a date is filled in when missing, and a year-less date gains its year when the
  incoming one agrees on month and day;
- e-mails (compared case-insensitively), phones (compared in E.164 form,
  `phones.phone_key`, each read in its own record's country), addresses (street's
  first line + postcode), labelled dates, children (by name) and tags
  (case-insensitively) are added when not already there, and a child without a
  birthday takes the incoming one's; an existing item without a label takes the
  incoming item's label;
- a note that is not already part of the existing notes is appended after a blank line;
- the photo is kept, or taken when there was none.
``merge_contacts(c, c) == c``: importing the same file again changes nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from studio.contacts.identity import address_key, normalise_email, normalise_text
from studio.contacts.phones import phone_key, phone_region
from studio.model import Address, Contact, PartialDate, Phone

_SCALARS = ("uid", "display_name", "given_name", "family_name", "additional_names", "prefix",
            "suffix", "nickname", "organization", "title", "spouse", "gram_gender", "pronouns")


def merge_contacts(existing: Contact, incoming: Contact, home_country: str = "") -> Contact:
    """A new contact (with ``existing.id``) holding everything of both; inputs are untouched.

    ``home_country`` (the user's) is where numbers without a country code are read for a
    record whose address names no country. Phone numbers are kept as written.
    """
    merged = copy.deepcopy(existing)
    for name in _SCALARS:
        if not getattr(merged, name).strip() and getattr(incoming, name).strip():
            setattr(merged, name, getattr(incoming, name))
    merged.birthday = _merge_date(existing.birthday, incoming.birthday)
    merged.anniversary = _merge_date(existing.anniversary, incoming.anniversary)
    merged.customer_since = _merge_date(existing.customer_since, incoming.customer_since)
    merged.notes = _merge_notes(existing.notes, incoming.notes)
    _union(merged.emails, incoming.emails, lambda e: normalise_email(e.value))
    _union(merged.phones, incoming.phones, _phone_key(phone_region(existing, home_country)),
           _phone_key(phone_region(incoming, home_country)))
    _union(merged.addresses, incoming.addresses, _address_key)
    _union(merged.dates, incoming.dates, lambda d: (normalise_text(d.label), d.date))
    children = {normalise_text(c.name): c for c in merged.children}
    for child in incoming.children:
        known = children.get(normalise_text(child.name))
        if known is None:
            merged.children.append(copy.deepcopy(child))
            children[normalise_text(child.name)] = merged.children[-1]
        else:
            known.birthday = _merge_date(known.birthday, child.birthday)
    known_tags = {t.casefold() for t in merged.tags}
    for tag in incoming.tags:
        if tag.casefold() not in known_tags:
            merged.tags.append(tag)
            known_tags.add(tag.casefold())
    if merged.photo is None and incoming.photo is not None:
        merged.photo, merged.photo_type = incoming.photo, incoming.photo_type
    for items in (merged.emails, merged.phones, merged.addresses):
        _one_preferred_first(items)
    return merged


def _one_preferred_first(items: list) -> None:  # noqa: ANN001 - Email, Phone or Address
    """The stored contact's own preferred item stays first and alone marked; one the new card
    prefers counts only when the stored contact had none."""
    chosen = next((i for i in items if i.preferred), None)
    if chosen is None:
        return
    items.remove(chosen)
    items.insert(0, chosen)
    for item in items[1:]:
        item.preferred = False


def _merge_date(existing: PartialDate | None, incoming: PartialDate | None) -> PartialDate | None:
    if existing is None:
        return incoming
    if (existing.year is None and incoming is not None and incoming.year is not None
            and (incoming.month, incoming.day) == (existing.month, existing.day)):
        return incoming
    return existing


def _merge_notes(existing: str, incoming: str) -> str:
    if not incoming.strip() or incoming.strip() in existing:
        return existing
    if not existing.strip():
        return incoming
    return f"{existing}\n\n{incoming}"


def _phone_key(region: str) -> Callable[[Phone], str]:
    """The key of a phone of a record whose numbers are read in ``region``."""
    return lambda phone: phone_key(phone.value, region) or normalise_text(phone.value)


def _address_key(address: Address) -> str:
    """Street + postcode (as identity compares them); city/region/country when both are empty."""
    return address_key(address) or normalise_text(f"{address.city}|{address.region}|{address.country}")


def _union(items: list, incoming: list, key, incoming_key=None) -> None:  # type: ignore[type-arg]
    """Append incoming items whose key is new; give a label to an unlabelled known item.

    ``incoming_key`` keys the incoming items when they are keyed otherwise than ``items``
    (phones read in another record's country); ``key`` keys both when it is None.

    A label is filled in only when no item with that key has one yet, so merging a
    contact with itself (or merging the same record twice) changes nothing.
    """
    first: dict[object, object] = {}
    labelled: set[object] = set()
    for item in items:
        # A phone taken from another record earlier is known by its key in that record's
        # country too, so merging the same record again adds nothing.
        for known in {key(item), (incoming_key or key)(item)}:
            first.setdefault(known, item)
            if getattr(item, "label", ""):
                labelled.add(known)
    for item in incoming:
        k = (incoming_key or key)(item)
        if k not in first:
            copied = copy.copy(item)
            items.append(copied)
            first[k] = copied
        elif k not in labelled and getattr(item, "label", ""):
            first[k].label = item.label  # type: ignore[attr-defined]
        if getattr(item, "label", ""):
            labelled.add(k)
