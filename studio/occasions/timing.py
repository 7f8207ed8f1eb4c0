"""When a card must be posted to arrive in time: transit days by country, a preparation day.

mail_by = occasion date − transit days − preparation days, where transit is
`Settings.transit_days_by_country[country]` if the user set one, else the domestic or the
international figure (the contact's country against `Settings.home_country`). The defaults
(3 domestic, 10 international) follow typical First-Class and international letter-post
service standards. A thank-you is the exception: it is due within two days of the order.
"""

from __future__ import annotations

import datetime as dt

from studio.model import Person
from studio.postal.countries import resolve_country
from studio.settings import Settings

THANK_YOU_WITHIN_DAYS = 2


def contact_country(contact: Person, home_country: str) -> str:
    """The ISO code of the country the contact's preferred address is in.

    An address without a country line, one whose country no one can resolve, and a contact
    without any address count as the home country (phones store domestic addresses without
    a country; the holiday list must still be someone's).
    """
    home = home_country.upper()
    address = contact.preferred_address()
    if address is None:
        return home
    return resolve_country(address.country, default=home) or home


def transit_days(country: str, settings: Settings) -> int:
    """Days a letter spends in the post to ``country`` from the user's home country."""
    country = country.upper()
    for code, days in settings.transit_days_by_country.items():  # asked for every occasion: no dict built
        if code.upper() == country:
            return int(days)
    if country == settings.home_country.upper():
        return settings.transit_days_domestic
    return settings.transit_days_international


def lead_days(country: str, settings: Settings) -> int:
    """Transit plus preparation: how many days before the occasion the card must go out."""
    return transit_days(country, settings) + settings.preparation_days


def mail_by(date: dt.date, country: str, settings: Settings) -> dt.date:
    """The last day to post a card for an occasion on ``date`` to someone in ``country``."""
    return date - dt.timedelta(days=lead_days(country, settings))


def thank_you_mail_by(order_date: dt.date) -> dt.date:
    """A thank-you goes out within two days of the order, whatever the transit."""
    return order_date + dt.timedelta(days=THANK_YOU_WITHIN_DAYS)


def max_lead_days(settings: Settings) -> int:
    """The longest lead of any country: how far ahead a listing must look for mail-by dates."""
    transit = [settings.transit_days_domestic, settings.transit_days_international,
               *(int(d) for d in settings.transit_days_by_country.values())]
    return max(transit) + settings.preparation_days
