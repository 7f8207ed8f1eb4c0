from studio.model import Address, Contact
from studio.ui.contacts.detail import contact_html


def _html(country: str, street: str, postcode: str, city: str, region: str = "") -> str:
    contact = Contact(
        display_name="Anna",
        addresses=[Address(street=street, postal_code=postcode, city=city, region=region, country=country)],
    )
    return contact_html(contact, [], home_country="US", language="en").upper()


def test_us_address_puts_postcode_after_city():
    text = _html("US", "1 Main St", "62701", "Springfield", "IL")
    assert text.index("SPRINGFIELD") < text.index("62701") or text.index("Springfield") < text.index("62701")


def test_german_address_puts_postcode_before_city():
    text = _html("DE", "Hauptstr. 1", "10115", "Berlin")
    assert text.index("10115") < text.index("BERLIN")


def test_uk_address_puts_postcode_after_town():
    text = _html("GB", "1 High St", "SW1A 1AA", "London")
    assert text.index("LONDON") < text.index("SW1A 1AA")
