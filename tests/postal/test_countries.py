"""Free-text countries from real exports resolve to ISO codes; names come in the sender's language."""

from __future__ import annotations

import pytest

from studio.postal import country_name, resolve_country


@pytest.mark.parametrize("text, code", [
    ("USA", "US"), ("U.S.A.", "US"), ("us", "US"), ("United States of America", "US"), ("America", "US"),
    ("Vereinigte Staaten", "US"), ("États-Unis", "US"), ("Estados Unidos", "US"),
    ("Deutschland", "DE"), ("Germany", "DE"), ("Allemagne", "DE"), ("DEU", "DE"), ("de", "DE"),
    ("UK", "GB"), ("Great Britain", "GB"), ("England", "GB"), ("Scotland", "GB"), ("United Kingdom", "GB"),
    ("España", "ES"), ("Espana", "ES"), ("Spain", "ES"),
    ("Éire", "IE"), ("Republic of Ireland", "IE"), ("Canada", "CA"), ("Kanada", "CA"),
    ("日本", "JP"), ("Japan", "JP"), ("中国", "CN"), ("People's Republic of China", "CN"),
    ("Россия", "RU"), ("Nigeria", "NG"), ("  france  ", "FR"), ("Côte d’Ivoire", "CI"),
    ("Korea, Republic of", "KR"), ("South Korea", "KR"), ("Holland", "NL"), ("Schweiz", "CH"),
    ("Hong Kong", "HK"), ("UAE", "AE"), ("Türkiye", "TR"), ("Czech Republic", "CZ"),
])
def test_free_text_countries_resolve(text: str, code: str) -> None:
    assert resolve_country(text) == code


def test_empty_country_is_the_home_country_and_nonsense_is_none() -> None:
    assert resolve_country("", "de") == "DE"
    assert resolve_country("   ") is None
    assert resolve_country("Germny") is None
    assert resolve_country("Narnia", "US") is None


def test_country_names_in_the_senders_language() -> None:
    assert country_name("US", "de") == "Vereinigte Staaten"
    assert country_name("DE", "fr") == "Allemagne"
    assert country_name("JP", "es") == "Japón"
    assert country_name("GB", "pt-BR") == "Reino Unido"
    assert country_name("GB", "xx") == "United Kingdom"  # unknown language: English
