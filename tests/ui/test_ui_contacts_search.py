"""The Contacts search box: accents, case and phone formats do not matter."""

from __future__ import annotations

from studio.model import Phone


def test_the_search_box_finds_muller_and_a_number_however_typed(qtbot, open_app, seed, person) -> None:
    muller = person("Jürgen", "Müller")
    muller.phones = [Phone("+49 171 2345678", "mobile")]
    seed(muller, person("Ann", "Miller"), person("Zoë", "Lund"))
    window, context = open_app()
    view = window.show_view("contacts")
    qtbot.waitUntil(lambda: view.model.rowCount() == 3)
    typed_and_found = [("muller", "Jürgen Müller"), ("MULLER", "Jürgen Müller"), ("Zoe", "Zoë Lund"),
                       ("171-234 5678", "Jürgen Müller"), ("01712345678", "Jürgen Müller")]
    for typed, name in typed_and_found:
        view.search.clear()
        qtbot.waitUntil(lambda: view.proxy.rowCount() == 3)
        qtbot.keyClicks(view.search, typed)
        qtbot.waitUntil(lambda: view.proxy.rowCount() == 1)
        assert view.proxy.index(0, 0).data() == name, typed
    view.grab().save("/tmp/contacts-search.png")
