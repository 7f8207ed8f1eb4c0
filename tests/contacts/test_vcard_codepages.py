"""Legacy vCard files that do not say their code page: the guess, and the warning when in doubt.

The files are written here from Python strings (``.encode(code page)``), as Outlook writes
them: vCard 2.1, CRLF, raw 8-bit names with no CHARSET.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from studio.contacts.codepage import guess_code_page
from studio.contacts.plausibility import implausibility
from studio.contacts.reader import VCardFile, read_vcard_bytes, read_vcard_file

POLISH = [("Wiśniewski", "Łukasz"), ("Wójcik", "Małgorzata"), ("Kowalczyk", "Paweł"),
          ("Zielińska", "Agnieszka"), ("Dąbrowski", "Krzysztof"), ("Łęcka", "Żaneta")]
CZECH = [("Dvořák", "Antonín"), ("Černý", "Petr"), ("Svobodová", "Jana"), ("Procházka", "Tomáš"),
         ("Růžička", "Zdeněk")]
HUNGARIAN = [("Kovács", "Erzsébet"), ("Szőke", "Lőrinc"), ("Tóth", "Gábor"), ("Fülöp", "Győző"),
             ("Lőrincz", "Réka")]
GERMAN = [("Nüßlebaum", "Sören"), ("Müller", "Jürgen"), ("Schröder", "Björn"), ("Weiß", "Günther")]
FRENCH = [("Lefèvre", "François"), ("Dubois", "Hélène"), ("Rivière", "Chloé"), ("Lemaître", "Noël")]


def outlook_file(people: list[tuple[str, str]], city: str, street: str, code_page: str) -> bytes:
    cards = "".join(
        f"BEGIN:VCARD\r\nVERSION:2.1\r\nN:{family};{given}\r\nFN:{given} {family}\r\n"
        f"ADR;HOME:;;{street};{city};;;\r\nEND:VCARD\r\n" for family, given in people)
    return cards.encode(code_page)


def read(people: list[tuple[str, str]], city: str, street: str, code_page: str) -> VCardFile:
    return read_vcard_bytes(outlook_file(people, city, street, code_page), "export.vcf")


def displayed(parsed: VCardFile) -> list[str]:
    return [card.contact.display_name for card in parsed.cards]


def encoding_warnings(parsed: VCardFile) -> list[str]:
    return [str(p) for p in parsed.problems if "character set" in p.message]


@pytest.mark.parametrize(("people", "city", "street", "code_page"), [
    (POLISH, "Łódź", "ul. Świętokrzyska 12", "cp1250"),
    (CZECH, "České Budějovice", "Náměstí Přemysla Otakara II. 1", "cp1250"),
    (HUNGARIAN, "Győr", "Kossuth Lajos utca 5", "cp1250"),
    (GERMAN, "Mößlitz", "Große Straße 5", "cp1252"),
    (FRENCH, "Besançon", "Rue de l'Église 3", "cp1252"),
    (GERMAN[:2] + FRENCH[:2], "Köln", "Hauptstraße 1", "cp1252"),
], ids=["polish-cp1250", "czech-cp1250", "hungarian-cp1250", "german-cp1252", "french-cp1252",
        "german-and-french-cp1252"])
def test_an_undeclared_code_page_is_read_as_the_names_were_written(
        people: list[tuple[str, str]], city: str, street: str, code_page: str) -> None:
    parsed = read(people, city, street, code_page)
    assert displayed(parsed) == [f"{given} {family}" for family, given in people]
    assert [(c.contact.family_name, c.contact.given_name) for c in parsed.cards] == people
    assert {(a.street, a.city) for c in parsed.cards for a in c.contact.addresses} == {(street, city)}
    assert parsed.problems == []  # enough names to be sure: no warning


def test_one_polish_name_in_windows_1250_is_not_read_as_windows_1252() -> None:
    parsed = read(POLISH[:1], "", "", "cp1250")
    assert displayed(parsed) == ["Łukasz Wiśniewski"]  # not "£ukasz Wiœniewski"
    assert parsed.problems == []


def test_a_lone_ambiguous_name_is_read_with_a_warning_that_names_the_code_page() -> None:
    # "Søren" is Danish in Windows-1252, but would be a Czech-looking "Sřren" in Windows-1250
    parsed = read_vcard_bytes(
        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Kierkegaard;Søren\r\nFN:Søren Kierkegaard\r\nEND:VCARD\r\n"
        .encode("cp1252"), "export.vcf")
    assert displayed(parsed) == ["Søren Kierkegaard"]
    [warning] = encoding_warnings(parsed)
    assert warning.startswith("export.vcf:3: ")  # FILE:LINE, at a value that reads differently
    assert "read as Windows-1252 (Western European)" in warning
    assert 'Windows-1250 (Central European) is almost as likely ("Søren" would read "Sřren")' in warning


def test_a_lone_hungarian_name_is_read_as_hungarian() -> None:
    # "Erdõs Pál" would need two languages in one name (Estonian õ, and á)
    parsed = read([("Erdős", "Pál")], "", "", "cp1250")
    assert displayed(parsed) == ["Pál Erdős"] and parsed.problems == []


def test_when_one_word_cannot_tell_the_warning_shows_the_other_reading() -> None:
    # "Èapek" is as plausible a word as "Čapek": the more common code page is chosen, and
    # the warning shows the user what the other one would give
    parsed = read([("Čapek", "Karel")], "", "", "cp1250")
    assert displayed(parsed) == ["Karel Èapek"]
    [warning] = encoding_warnings(parsed)
    assert "read as Windows-1252" in warning and '("Èapek" would read "Čapek")' in warning


@pytest.mark.parametrize(("name", "text"), [
    ("German", "Sören Täve Nüßlebaum"), ("Greek", "Βαγγέλης"), ("Hebrew", "אפרים קישון"),
    ("Ukrainian", "Віталій Володимирович Кличко")])
def test_the_corpus_files_without_charset_are_read_without_doubt(corpus: Path, name: str, text: str) -> None:
    parsed = read_vcard_file(corpus / f"folkerkinzel-vcards/MultiAnsiFilterTests/{name}.vcf")
    assert displayed(parsed) == [text]
    assert encoding_warnings(parsed) == []


@pytest.mark.parametrize(("text", "code_page"), [
    ("Анна Смирнова;ул. Ленина 5;Москва", "cp1251"), ("Γιώργος Παπαδόπουλος;Αθήνα", "cp1253"),
    ("Ahmet Yılmaz;Ayşe Öztürk;İstanbul;Şişli", "cp1254"), ("Jānis Bērziņš;Rīga;Liepāja", "cp1257"),
    ("山田 太郎;東京都;鈴木 花子", "cp932"), ("Ľubomír Kováč;Košice;Žilina", "cp1250"),
    ("Björn Ångström;Åsa Nilsson;Göteborg;Malmö", "cp1252")])
def test_other_code_pages_are_told_apart(text: str, code_page: str) -> None:
    samples = [part.encode(code_page) for part in text.split(";")]
    guess = guess_code_page(samples)
    assert [s.decode(guess.codec) for s in samples] == text.split(";")


def test_a_code_page_declared_elsewhere_in_the_file_wins() -> None:
    # Outlook labels only its LABEL lines; the undeclared N and FN use the same code page
    assert guess_code_page(["Kovács".encode("cp1250")], ["cp1250"]).codec == "cp1250"


def test_symbols_and_mixed_scripts_inside_words_are_implausible() -> None:
    def score(*values: str) -> float:
        return implausibility([(value, 1) for value in values])

    assert score("Łukasz Wiśniewski", "Łódź") == 0
    assert score("£ukasz Wiœniewski", "£ódŸ") > 6  # £ glued to letters, Ÿ after a small letter
    assert score("Dvořák") == 0 < score("Dvoøák")  # no language writes both ø and á
    assert score("Sören") == 0 < score("Sцren")  # Latin and Cyrillic in one word
    assert score("1º andar", "Nº 5") == score("Ştefan") == 0 < score("ªtefan")
