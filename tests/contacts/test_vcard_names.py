"""Reading name parts from a display name (FN) when a card has no N."""

from __future__ import annotations

import pytest

from studio.contacts.names import NameParts, split_display_name


@pytest.mark.parametrize(("display", "parts"), [
    ("Jane Smith", NameParts("", "Jane", "", "Smith", "")),
    ("Dr. Jane Smith", NameParts("Dr.", "Jane", "", "Smith", "")),
    ("Prof. Dr. Hans-Peter Müller-Lüdenscheidt",
     NameParts("Prof. Dr.", "Hans-Peter", "", "Müller-Lüdenscheidt", "")),
    ("Anna", NameParts("", "Anna", "", "", "")),
    ("Mrs. Berg", NameParts("Mrs.", "", "", "Berg", "")),
    ("Smith, Jane", NameParts("", "Jane", "", "Smith", "")),
    ("Smith, Jane Q., Jr.", NameParts("", "Jane", "Q.", "Smith", "Jr.")),
    ("Jane Smith, PhD", NameParts("", "Jane", "", "Smith", "PhD")),
    ("Martin Luther King Jr.", NameParts("", "Martin", "Luther", "King", "Jr.")),
    ("Sr. José García", NameParts("Sr.", "José", "", "García", "")),  # señor at the start
    ("Ludwig van Beethoven", NameParts("", "Ludwig", "", "van Beethoven", "")),
    ("Juan de la Cruz", NameParts("", "Juan", "", "de la Cruz", "")),
    ("Van Morrison", NameParts("", "Van", "", "Morrison", "")),
    # Gmail's FN (corpus: ez-vcard/John_Doe_GMAIL.vcf): a comma after an honorific is no "Family, Given"
    ("Mr. John Richter, James Doe Sr.", NameParts("Mr.", "John", "Richter James", "Doe", "Sr.")),
    ("jane@example.org", NameParts()),
    ("+1 503 555 0101", NameParts()),
])
def test_split_display_name(display: str, parts: NameParts) -> None:
    assert split_display_name(display) == parts
