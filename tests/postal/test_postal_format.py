"""Addresses laid out by each country's rules, checked against real addresses.

The expected blocks follow each post's own published examples (USPS Pub 28, Canada Post
addressing guidelines, Royal Mail, An Post's Eircode examples, Deutsche Post, La Poste,
Japan Post's English and Japanese examples, China Post, NIPOST).
"""

from __future__ import annotations

import pytest

from studio.contacts.reader import read_vcard_file
from studio.errors import StudioError
from studio.model import Address, Contact
from studio.postal import address_problem, format_address, is_latin_text, recipient_name_lines


def fmt(name: str | list[str], street: str, city: str, region: str, code: str, country: str, *,
        home: str = "US", language: str = "en") -> list[str]:
    names = [name] if isinstance(name, str) else name
    return format_address(names, Address(street, city, region, code, country), home_country=home,
                          language=language)


def test_us_domestic_has_no_country_line_and_state_abbreviated() -> None:
    assert fmt("Jane Smith", "1600 Amphitheatre Pkwy\nBldg 40", "Mountain View", "California", "94043",
               "USA") == ["Jane Smith", "1600 Amphitheatre Pkwy", "Bldg 40", "MOUNTAIN VIEW, CA 94043"]


def test_us_from_abroad_gets_the_country_in_the_senders_language() -> None:
    lines = fmt("Jane Smith", "350 Fifth Avenue", "New York", "NY", "10118", "United States of America",
                home="DE", language="de")
    assert lines == ["Jane Smith", "350 Fifth Avenue", "NEW YORK, NY 10118", "VEREINIGTE STAATEN"]


def test_canada_is_all_upper_case_with_province_and_postcode_on_the_city_line() -> None:
    assert fmt("Marc Tremblay", "111 Wellington St", "Ottawa", "Ontario", "K1A 0A9", "Canada") == [
        "MARC TREMBLAY", "111 WELLINGTON ST", "OTTAWA ON K1A 0A9", "CANADA"]


def test_canada_in_french_for_a_french_speaking_sender() -> None:
    lines = fmt("Émilie Tremblay", "4520 rue Saint-Denis", "Montréal", "QC", "H2J 2L3", "Kanada",
                home="FR", language="fr")
    assert lines == ["ÉMILIE TREMBLAY", "4520 RUE SAINT-DENIS", "MONTRÉAL QC H2J 2L3", "CANADA"]


def test_uk_postcode_on_its_own_line_after_the_post_town() -> None:
    assert fmt("Oliver Brown", "Flat 3\n21 High Street", "Oxford", "Oxfordshire", "OX1 4AH", "UK") == [
        "Oliver Brown", "Flat 3", "21 High Street", "OXFORD", "OX1 4AH", "UNITED KINGDOM"]


def test_uk_domestic_for_a_british_sender() -> None:
    assert fmt("James Whitaker", "14 Hyde Park Road", "Leeds", "", "LS6 1AB", "England", home="GB") == [
        "James Whitaker", "14 Hyde Park Road", "LEEDS", "LS6 1AB"]


def test_ireland_eircode_last_and_county_kept() -> None:
    assert fmt("Siobhán Murphy", "12 Kildare Street", "Dublin 2", "Co. Dublin", "D02 XR20", "Ireland") == [
        "Siobhán Murphy", "12 Kildare Street", "DUBLIN 2", "Co. Dublin", "D02 XR20", "IRELAND"]


def test_germany_postcode_before_the_city() -> None:
    assert fmt("Hans Müller", "Marienplatz 8", "München", "Bayern", "80331", "Deutschland") == [
        "Hans Müller", "Marienplatz 8", "80331 MÜNCHEN", "GERMANY"]


def test_germany_domestic_for_a_german_sender() -> None:
    assert fmt("Anna Schmidt", "Schönhauser Allee 112", "Berlin", "", "10439", "DE", home="DE",
               language="de") == ["Anna Schmidt", "Schönhauser Allee 112", "10439 BERLIN"]


def test_france_postcode_before_the_city() -> None:
    assert fmt("Claire Dubois", "55 rue du Faubourg Saint-Honoré", "Paris", "", "75008", "France") == [
        "Claire Dubois", "55 rue du Faubourg Saint-Honoré", "75008 PARIS", "FRANCE"]


def test_japan_native_keeps_the_city_the_layout_leaves_out() -> None:
    # Google's Japanese layout has no city field: 千代田区 would be lost without the fix.
    lines = fmt("山田 太郎", "千代田1-1", "千代田区", "東京都", "100-8111", "日本")
    assert lines == ["〒100-8111", "東京都千代田区", "千代田1-1", "山田 太郎", "JAPAN"]


def test_japan_in_latin_letters_keeps_the_ward() -> None:
    lines = fmt("Taro Yamada", "1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-8111", "Japan")
    assert lines == ["Taro Yamada", "1-1 Chiyoda", "Chiyoda-ku, TOKYO", "100-8111", "JAPAN"]
    assert "Chiyoda-ku" in "\n".join(lines)


def test_japan_osaka_city_in_latin() -> None:
    lines = fmt("Hiroshi Sato", "2-5-12 Umeda", "Kita-ku", "Osaka", "530-0001", "JP")
    assert lines == ["Hiroshi Sato", "2-5-12 Umeda", "Kita-ku, OSAKA", "530-0001", "JAPAN"]


def test_china_native_postcode_first_province_and_district_together() -> None:
    lines = fmt("王伟", "景山前街4号", "东城区", "北京市", "100009", "中国")
    assert lines == ["100009", "北京市东城区", "景山前街4号", "王伟", "CHINA"]


def test_china_native_city_written_twice_is_printed_once() -> None:
    lines = fmt("王伟", "建国路88号", "北京", "北京", "100022", "China")
    assert lines[:3] == ["100022", "北京", "建国路88号"]


def test_china_in_latin_letters_leaves_no_stray_comma() -> None:
    lines = fmt("Li Na", "Chaoyang District, 88 Jianguo Road", "Beijing", "", "100022", "China")
    assert lines == ["Li Na", "Chaoyang District, 88 Jianguo Road", "Beijing", "100022", "CHINA"]


def test_nigeria_state_after_the_city_line() -> None:
    lines = fmt("Chinedu Okafor", "12 Allen Avenue", "Ikeja", "Lagos", "100271", "Nigeria")
    assert lines == ["Chinedu Okafor", "12 Allen Avenue", "IKEJA 100271", "LAGOS", "NIGERIA"]


def test_nigeria_city_and_state_of_the_same_name_print_once() -> None:
    lines = fmt("Chinedu Okafor", "12 Admiralty Way\nLekki Phase 1", "Lagos", "Lagos", "106104", "Nigeria")
    assert lines == ["Chinedu Okafor", "12 Admiralty Way", "Lekki Phase 1", "LAGOS 106104", "NIGERIA"]


def test_spain_province_spelled_out_not_coded() -> None:
    assert fmt("Ana García", "Calle Mayor 1", "Madrid", "Madrid", "28013", "España") == [
        "Ana García", "Calle Mayor 1", "28013 MADRID", "SPAIN"]


def test_russia_in_cyrillic() -> None:
    lines = fmt("Иван Петров", "ул. Тверская, д. 7, кв. 12", "Москва", "", "125009", "Россия")
    assert lines == ["Иван Петров", "УЛ. ТВЕРСКАЯ, Д. 7, КВ. 12", "МОСКВА", "125009", "RUSSIA"]


def test_city_states_and_emirates_lose_nothing() -> None:
    assert fmt("Tan Wei", "10 Bayfront Ave", "Singapore", "", "018956", "Singapore") == [
        "Tan Wei", "10 Bayfront Ave", "SINGAPORE 018956", "SINGAPORE"]
    assert fmt("Ahmed Al Mansouri", "Sheikh Zayed Rd", "Dubai", "", "", "UAE") == [
        "Ahmed Al Mansouri", "Sheikh Zayed Rd", "Dubai", "UNITED ARAB EMIRATES"]


# --- the script of the address chooses the place names; no place printed twice ---------------

def test_hong_kong_in_latin_letters_keeps_latin_place_names() -> None:
    lines = fmt("Chan Tai Man", "Flat 12A, 33 Nathan Road", "Tsim Sha Tsui", "Kowloon", "", "Hong Kong")
    assert lines == ["Chan Tai Man", "Flat 12A, 33 Nathan Road", "Tsim Sha Tsui", "KOWLOON",
                     "HONG KONG SAR CHINA"]


def test_hong_kong_in_chinese_keeps_chinese_place_names() -> None:
    lines = fmt("陳大文", "彌敦道33號12A室", "尖沙咀", "九龍", "", "香港")
    assert lines[:3] == ["九龍", "尖沙咀", "彌敦道33號12A室"]
    assert not any(is_latin_text(line) for line in lines[:3])


def test_dubai_in_latin_letters_is_not_given_its_arabic_name() -> None:
    lines = fmt("Ahmed Al Mansouri", "Office 1203, Emirates Towers", "Dubai", "Dubai", "",
                "United Arab Emirates")
    assert lines == ["Ahmed Al Mansouri", "Office 1203, Emirates Towers", "Dubai", "UNITED ARAB EMIRATES"]


def test_abu_dhabi_typed_in_arabic_stays_arabic() -> None:
    lines = fmt("أحمد المنصوري", "شارع الكورنيش", "", "أبو ظبي", "", "الإمارات العربية المتحدة")
    assert "أبو ظبي" in lines and "Abu Dhabi" not in lines


def test_egypt_city_and_governorate_of_the_same_name_print_once() -> None:
    lines = fmt("Omar Hassan", "12 Tahrir Street", "Cairo", "Cairo", "11511", "Egypt")
    assert lines == ["Omar Hassan", "12 Tahrir Street", "CAIRO", "11511", "EGYPT"]


def test_china_in_latin_letters_prints_beijing_once_with_its_postcode() -> None:
    lines = fmt("Li Na", "1 Jianguomenwai Avenue", "Beijing", "Beijing", "100022", "China")
    assert lines == ["Li Na", "1 Jianguomenwai Avenue", "BEIJING, 100022", "CHINA"]


@pytest.mark.parametrize("address", [
    ("Flat 12A, 33 Nathan Road", "Tsim Sha Tsui", "Kowloon", "", "Hong Kong"),
    ("Office 1203, Emirates Towers", "Dubai", "Dubai", "", "United Arab Emirates"),
    ("12 Tahrir Street", "Cairo", "Cairo", "11511", "Egypt"),
    ("1 Jianguomenwai Avenue", "Beijing", "Beijing", "100022", "China"),
    ("1-1 Chiyoda", "Chiyoda-ku", "Tokyo", "100-8111", "Japan"),
    ("Gangnam-daero 396", "Gangnam-gu", "Seoul", "06232", "South Korea"),
    ("ul. Tverskaya 7", "Moscow", "Moscow", "125009", "Russia"),
    ("12 Admiralty Way", "Lagos", "Lagos", "106104", "Nigeria"),
])
def test_a_latin_address_stays_latin_and_names_each_place_once(address: tuple[str, ...]) -> None:
    lines = fmt("A Person", *address)
    assert all(is_latin_text(line) for line in lines), lines
    places = [line.casefold() for line in lines[2:-1] if not any(ch.isdigit() for ch in line)]
    assert len(places) == len(set(places)), lines


def test_organisation_and_several_name_lines() -> None:
    lines = fmt(["Jane Smith", "Acme Inc."], "1 Main St", "Springfield", "IL", "62704", "")
    assert lines == ["Jane Smith", "Acme Inc.", "1 Main St", "SPRINGFIELD, IL 62704"]
    france = fmt(["Claire Dubois", "Atelier Dubois"], "3 rue Neuve", "Lyon", "", "69002", "FR")
    assert france[:2] == ["Atelier Dubois", "Claire Dubois"]  # La Poste: company first


def test_never_a_blank_line_from_empty_fields() -> None:
    for lines in (fmt("A B", "1 Road\n\n  \n", "Town", "", "", "IE"),
                  fmt("A B", "1 Road", "", "", "SW1A 2AA", "GB"),
                  fmt("A B", "1 Rua", "São Paulo", "", "01310-100", "Brasil")):
        assert all(line.strip() and line == line.strip() for line in lines)
        assert not any(line.startswith((",", "-")) or line.endswith((",", "-")) for line in lines)


@pytest.mark.parametrize("country, code_line", [("Kosovo", "KOSOVO"), ("Canary Islands", "CANARY ISLANDS")])
def test_rare_countries_still_print_everything(country: str, code_line: str) -> None:
    # Kosovo has a layout in the address data; the Canary Islands (IC) have none.
    lines = fmt("A B", "1 Road", "Town", "Region", "12345", country)
    assert lines[-1] == code_line
    assert {"A B", "1 Road"} <= set(lines)
    assert "town" in " ".join(lines).casefold() and "12345" in " ".join(lines)


def test_unknown_country_is_refused_with_its_name() -> None:
    with pytest.raises(StudioError, match="Germny"):
        fmt("A", "1 Road", "Town", "", "1", "Germny")


def _contact(**address: str) -> Contact:
    return Contact(id=1, given_name="Ada", family_name="Lovelace",
                   addresses=[Address(**address)] if address else [])


def test_address_problems_in_words() -> None:
    assert address_problem(_contact()) == "no postal address"
    assert address_problem(_contact(city="Springfield", region="IL", postal_code="62704")) == \
        "the address has no street"
    assert address_problem(_contact(street="1 Main St", country="USA")) == \
        "the address has neither a city nor a postal code"
    assert address_problem(_contact(street="1 Main St", city="Springfield", country="USA")) == \
        "the address has no state and no ZIP code"
    assert address_problem(_contact(street="1 Road", city="Town", country="Germny")) == \
        "the country 'Germny' is not recognised"
    assert address_problem(Contact(id=2, addresses=[Address("1 Road", "Town")])) == \
        "no name to address the mail to"


def test_usable_addresses_have_no_problem() -> None:
    assert address_problem(_contact(street="1 Main St", city="Springfield", region="IL")) is None
    assert address_problem(_contact(street="1 Main St", postal_code="62704", country="USA")) is None
    assert address_problem(_contact(street="Marienplatz 8", city="München", country="Deutschland")) is None
    assert address_problem(_contact(street="10 Bayfront Ave", postal_code="018956", country="SG")) is None
    assert address_problem(_contact(street="Sheikh Zayed Rd", region="Dubai", country="UAE")) is None
    assert address_problem(_contact(street="1 Main St", city="Springfield"), "GB") is None


def test_an_address_without_a_country_that_is_not_domestic_is_refused_with_the_reason() -> None:
    leeds = _contact(street="5 Elm Road", city="Leeds", postal_code="LS1 1AA")
    assert address_problem(leeds, "US") == (
        "no country given, and it is not a US address (postal code LS1 1AA is not a US ZIP code; "
        "there is no state): add the country")
    ontario = _contact(street="111 Wellington St", city="Ottawa", region="Ontario", postal_code="K1A 0A9")
    assert "Ontario is not a US state" in address_problem(ontario, "US")
    # The same addresses with their country, or for a sender at home there, are fine.
    assert address_problem(_contact(street="5 Elm Road", city="Leeds", postal_code="LS1 1AA", country="UK"),
                           "US") is None
    assert address_problem(leeds, "GB") is None


def test_a_domestic_address_without_a_country_is_still_fine() -> None:
    for address in (dict(street="1 Main St", city="Springfield", region="IL", postal_code="62704"),
                    dict(street="1 Main St", city="Springfield", region="Illinois", postal_code="62704-1234"),
                    dict(street="1 Main St", city="Springfield", region="IL"),
                    # A ZIP that does not match the state is a typo at home, not another country.
                    dict(street="1 Main St", city="Springfield", region="IL", postal_code="94043")):
        assert address_problem(_contact(**address), "US") is None, address
    munich = _contact(street="Marienplatz 8", city="München", postal_code="80331")
    assert address_problem(munich, "DE") is None


def test_a_japanese_phone_export_without_a_country_is_not_printed_as_us_mail(corpus) -> None:
    contact = read_vcard_file(corpus / "aosp-vcard/v21_japanese_2.vcf").cards[0].contact
    problem = address_problem(contact, "US")
    assert problem is not None and "postal code 150-8512 is not a US ZIP code" in problem
    assert address_problem(contact, "JP") is None


def test_preferred_address_is_the_one_checked() -> None:
    contact = Contact(id=3, display_name="Grace Kim", addresses=[
        Address(street="", city="Seattle", label="work"),
        Address(street="4216 Fremont Ave N", city="Seattle", region="WA", postal_code="98103",
                preferred=True)])
    assert address_problem(contact) is None


def test_name_lines_add_the_organisation_once() -> None:
    jane = Contact(display_name="Jane Smith", organization="Acme")
    assert recipient_name_lines(jane) == ["Jane Smith", "Acme"]
    assert recipient_name_lines(Contact(organization="Sunrise Yoga Studio")) == ["Sunrise Yoga Studio"]
