"""The Settings page: country and language pickers by name, every field checked before "Saved"."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from studio.store import open_store
from studio.ui.settings.pickers import CodePicker


def _open_settings(qtbot, open_app):  # noqa: ANN001, ANN202
    window, context = open_app()
    settings = window.show_view("settings")
    window.activateWindow()  # focus moves only inside the active window
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.waitUntil(lambda: settings.holidays.list.count() > 0, timeout=30000)
    return window, settings


def _type(qtbot, picker: CodePicker, text: str) -> None:  # noqa: ANN001
    """Type into the picker as a user does, then leave the field with Tab."""
    edit = picker.lineEdit()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    picker.completer().popup().hide()
    # Offscreen, the hidden popup stays the active window; a desktop gives it back at once.
    picker.window().activateWindow()
    qtbot.waitUntil(picker.isActiveWindow, timeout=2000)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def _focused(widget) -> bool:  # noqa: ANN001
    from PySide6.QtWidgets import QApplication

    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


def _saved(app_paths):  # noqa: ANN001, ANN202
    with open_store(app_paths.db_path) as store:
        return store.settings.load()


def test_typing_a_country_name_saves_its_code_not_two_letters_of_it(qtbot, open_app, app_paths) -> None:
    _window, settings = _open_settings(qtbot, open_app)
    picker = settings.paper.home_country
    _type(qtbot, picker, "Germany")
    qtbot.waitUntil(lambda: settings.saved_label.isVisible(), timeout=5000)
    assert _saved(app_paths).home_country == "DE"  # not "GE" (Georgia)
    _type(qtbot, picker, "Deutschland")  # a name in another language is understood too
    _type(qtbot, picker, "Canada")
    qtbot.waitUntil(lambda: _saved(app_paths).home_country == "CA", timeout=5000)
    _type(qtbot, settings.paper.language, "German")
    qtbot.waitUntil(lambda: _saved(app_paths).language == "de", timeout=5000)
    assert settings.paper.language.currentText() == "German"


def test_the_completer_finds_a_name_by_any_part_without_case_or_accents(qtbot) -> None:
    from studio.services.preferences import countries, resolve_home_country

    picker = CodePicker(resolve_home_country)
    qtbot.addWidget(picker)
    picker.set_choices(countries("de"))
    completer = picker.completer()
    completer.setCompletionPrefix("osterr")  # "Österreich", typed without the umlaut
    found = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
    assert found == ["Österreich"]
    completer.setCompletionPrefix("LAND")  # contained, in any case
    found = {completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())}
    assert {"Deutschland", "Finnland", "Island"} <= found
    picker.setCurrentIndex(picker.findText("Österreich"))
    assert picker.code() == "AT"


def test_names_are_shown_in_the_users_language(qtbot, open_app) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    try:
        _window, settings = _open_settings(qtbot, open_app)
        assert settings.paper.home_country.currentText() == "Vereinigte Staaten"
        assert settings.paper.language.currentText() == "Englisch"
        assert settings.paper.home_country.findText("Deutschland") >= 0
    finally:
        QLocale.setDefault(QLocale("en_US"))


def test_a_country_nobody_knows_is_named_focused_and_nothing_is_saved(qtbot, open_app, app_paths) -> None:
    _window, settings = _open_settings(qtbot, open_app)
    settings.sender.name.setText("Maya Lindqvist")
    _type(qtbot, settings.paper.home_country, "Germny")
    qtbot.waitUntil(lambda: settings.problem_label.isVisible(), timeout=5000)
    assert "Home country" in settings.problem_label.text() and "Germny" in settings.problem_label.text()
    assert not settings.saved_label.isVisible()
    qtbot.waitUntil(lambda: _focused(settings.paper.home_country), timeout=2000)
    saved = _saved(app_paths)
    assert saved.home_country == "US" and saved.sender.name == ""  # all of that edit or none
    _type(qtbot, settings.paper.home_country, "Germany")
    qtbot.waitUntil(lambda: not settings.problem_label.isVisible(), timeout=5000)
    assert _saved(app_paths).home_country == "DE" and _saved(app_paths).sender.name == "Maya Lindqvist"


def test_a_wrong_email_or_phone_is_refused_and_its_field_focused(qtbot, open_app, app_paths) -> None:
    _window, settings = _open_settings(qtbot, open_app)
    settings.sender.email.setText("maya at example")
    qtbot.waitUntil(lambda: settings.problem_label.isVisible(), timeout=5000)
    assert "Sender email" in settings.problem_label.text()
    qtbot.waitUntil(lambda: _focused(settings.sender.email), timeout=2000)
    assert _saved(app_paths).sender.email == ""
    settings.sender.email.setText("maya@example.com")
    settings.sender.phone.setText("call me")
    qtbot.waitUntil(lambda: "Sender phone" in settings.problem_label.text(), timeout=5000)
    assert _saved(app_paths).sender.email == ""
    settings.sender.phone.setText("+1 (503) 555-0100 ext. 12")
    qtbot.waitUntil(lambda: not settings.problem_label.isVisible(), timeout=5000)
    saved = _saved(app_paths)
    assert (saved.sender.email, saved.sender.phone) == ("maya@example.com", "+1 (503) 555-0100 ext. 12")


def test_the_mail_service_is_picked_by_what_it_means_and_saved(qtbot, open_app, app_paths) -> None:
    _window, settings = _open_settings(qtbot, open_app)
    service = settings.sender.mail_service
    assert service.currentData() == "310"  # the default: First-Class with tracking
    assert "with tracking" in service.currentText()
    service.setCurrentIndex(service.findData("300"))
    qtbot.waitUntil(lambda: _saved(app_paths).sender.imb_service == "300", timeout=5000)
    assert [service.itemData(i) for i in range(service.count())] == ["310", "300"]  # never 700


def test_the_printer_box_saves_duplex_and_stack_and_makes_the_printer_test(
        qtbot, open_app, app_paths) -> None:
    window, settings = _open_settings(qtbot, open_app)
    printer = settings.calibration
    assert printer.title() == "Printer" and printer.duplex.currentData() == "long"
    printer.duplex.setCurrentIndex(printer.duplex.findData("manual"))
    printer.stack.setCurrentIndex(printer.stack.findData("face-up"))
    qtbot.waitUntil(lambda: _saved(app_paths).printer.duplex == "manual", timeout=5000)
    assert _saved(app_paths).printer.stack == "face-up"
    qtbot.mouseClick(printer.printer_test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(settings, "printer_test_dialog", None) is not None, timeout=10000)
    made = app_paths.data_dir / "printer-test.pdf"
    assert made.is_file() and made.read_bytes().startswith(b"%PDF")
    settings.printer_test_dialog.close()


def test_a_signature_photo_is_cleaned_into_ink_and_saved(qtbot, open_app, app_paths, tmp_path) -> None:
    from tests.personal.phone_photo import phone_photo

    _window, settings = _open_settings(qtbot, open_app)
    photo = phone_photo(tmp_path / "photo.jpg")
    settings.sender.show_photo(str(photo))
    settings.sender.signature_photo_chosen.emit(str(photo))  # what Choose… does after the file dialog
    ink = app_paths.data_dir / "signature" / "signature.png"
    qtbot.waitUntil(lambda: _saved(app_paths).sender.signature_image == str(ink), timeout=15000)
    assert ink.is_file()
    assert settings.sender.photo_preview.isVisible() and settings.sender.image_preview.pixmap() is not None
    settings.sender.grab().save(str(tmp_path / "sender.png"))


def test_a_handwriting_font_is_kept_and_saved_with_uneven_lines(qtbot, open_app, app_paths, tmp_path) -> None:
    from tests.personal.handwriting_font import build_handwriting_font

    _window, settings = _open_settings(qtbot, open_app)
    font = build_handwriting_font(tmp_path / "my-hand.ttf")
    settings.sender.handwriting_font_chosen.emit(str(font))  # what Choose… does after the file dialog
    kept = app_paths.data_dir / "handwriting" / "my-hand.ttf"
    qtbot.waitUntil(lambda: _saved(app_paths).sender.handwriting_font == str(kept), timeout=15000)
    assert kept.is_file()
    assert "Repeated letters change shape: et" in settings.sender.hand_note.text()
    assert _saved(app_paths).sender.handwriting_jitter
    settings.sender.jitter.setChecked(False)
    qtbot.waitUntil(lambda: not _saved(app_paths).sender.handwriting_jitter, timeout=5000)
    settings.sender.grab().save(str(tmp_path / "sender-font.png"))
    not_a_font = tmp_path / "notes.ttf"
    not_a_font.write_text("not a font", encoding="utf-8")
    settings.sender.handwriting_font_chosen.emit(str(not_a_font))
    qtbot.waitUntil(lambda: not settings._context.tasks.busy, timeout=5000)
    assert _saved(app_paths).sender.handwriting_font == str(kept)  # the good one stays


def test_your_photo_is_kept_shown_and_saved_and_can_be_removed(qtbot, open_app, app_paths, tmp_path) -> None:
    from PIL import Image

    _window, settings = _open_settings(qtbot, open_app)
    photo = tmp_path / "me.jpg"
    Image.new("RGB", (600, 800), "#4f6b52").save(photo)
    settings.sender.own_photo_chosen.emit(str(photo))  # what Choose… does after the file dialog
    kept = app_paths.data_dir / "photo" / "me.jpg"
    qtbot.waitUntil(lambda: _saved(app_paths).sender.photo == str(kept), timeout=15000)
    assert kept.is_file()
    preview = settings.sender.own_photo_preview
    assert preview.isVisible() and not preview.pixmap().isNull()
    settings.sender.grab().save(str(tmp_path / "sender-photo.png"))
    not_a_photo = tmp_path / "notes.jpg"
    not_a_photo.write_text("not a photo", encoding="utf-8")
    settings.sender.own_photo_chosen.emit(str(not_a_photo))
    qtbot.waitUntil(lambda: not settings._context.tasks.busy, timeout=5000)
    assert _saved(app_paths).sender.photo == str(kept)  # the good one stays
    settings.sender.own_photo.clear()  # Remove
    qtbot.waitUntil(lambda: _saved(app_paths).sender.photo == "", timeout=5000)


def test_the_offer_link_is_checked_before_it_is_saved(qtbot, open_app, app_paths) -> None:
    _window, settings = _open_settings(qtbot, open_app)
    offer = settings.offer
    offer.url.setText("shop.example/?c={{ contact.id }}")
    qtbot.waitUntil(lambda: settings.problem_label.isVisible(), timeout=5000)
    problem = settings.problem_label.text()
    assert "Offer url" in problem and "not a web address" in problem
    qtbot.waitUntil(lambda: _focused(offer.url), timeout=2000)
    assert _saved(app_paths).offer.url == ""
    offer.ref.setText("maya42")
    offer.url.setText("https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}")
    offer.text.setText("10% off until {{ offer.expires }}")
    offer.days.setValue(45)
    qtbot.waitUntil(lambda: _saved(app_paths).offer.days == 45, timeout=5000)
    saved = _saved(app_paths)
    assert (saved.sender.ref, saved.offer.url, saved.offer.text) == (
        "maya42", "https://shop.example/?ref={{ sender.ref }}&c={{ contact.id }}",
        "10% off until {{ offer.expires }}")
