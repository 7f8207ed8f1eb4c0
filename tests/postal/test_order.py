"""One order for the whole job: cards, envelopes and labels stack the same way."""

from __future__ import annotations

from studio.model import Address, Contact
from studio.services.mail_pieces import order_recipients


def _people() -> list[Contact]:
    return [
        Contact(id=1, given_name="Zoë", family_name="Adams",
                addresses=[Address("1 A St", "Austin", "TX", "78701")]),
        Contact(id=2, given_name="Hans", family_name="Müller",
                addresses=[Address("Marienplatz 8", "München", "", "80331", "Deutschland")]),
        Contact(id=3, given_name="Ann", family_name="Baker",
                addresses=[Address("2 B St", "Boston", "MA", "02108")]),
        Contact(id=4, given_name="Yuki", family_name="Abe",
                addresses=[Address("1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-8111", "Japan")]),
        Contact(id=5, given_name="Carl", family_name="Cole",
                addresses=[Address("3 C St", "Seattle", "WA", "98103-1234", "USA")]),
        Contact(id=6, given_name="Dora", family_name="Dunn"),  # no address: last in postal order
        Contact(id=7, given_name="Olaf", family_name="Schulz",
                addresses=[Address("Allee 1", "Berlin", "", "10439", "DE")]),
    ]


def test_by_name_is_family_then_given_name() -> None:
    ordered = order_recipients(_people(), "name")
    assert [c.id for c in ordered] == [4, 1, 3, 5, 6, 2, 7]


def test_by_postcode_domestic_first_then_each_country() -> None:
    ordered = order_recipients(_people(), "postal", home_country="US")
    assert [c.id for c in ordered] == [3, 1, 5, 7, 2, 4, 6]


def test_the_same_input_in_any_order_gives_the_same_stack() -> None:
    people = _people()
    assert [c.id for c in order_recipients(people[::-1], "postal", home_country="US")] == \
        [c.id for c in order_recipients(people, "postal", home_country="US")]
