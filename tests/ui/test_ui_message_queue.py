"""The message queue: from the wizard's review page, one recipient at a time with what is
known of them, openings to start from, the card updating as the user types, Ctrl+Return to
go on; the messages reach their own cards and the history."""

from __future__ import annotations

import datetime as dt

import pypdf
from PySide6.QtCore import Qt

from studio.store import open_store
from studio.store.history import Event
from tests.ui.test_ui_mailing_review import _close, _open, _to_review

TODAY = dt.date(2026, 12, 1)


def test_writing_a_message_for_each_person_in_the_wizard(
    qtbot, styled_app, app_paths, seed, person, tmp_path
) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"), person("Daniel", "Cohen"))
    with open_store(app_paths.db_path) as store, store.transaction():
        store.history.add_event(Event(contact_id=ids[1], kind="order", date=dt.date(2026, 11, 12),
                                      note="lavender body butter"))
    window, context = _open(qtbot, styled_app, app_paths, TODAY)
    wizard = _to_review(qtbot, window, ids)
    review = wizard.review
    dialog = review.write_messages()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=30000)
    names = [dialog.people.item(row).text().strip() for row in range(dialog.people.count())]
    assert names == [r.contact.name for r in review.plan.recipients]
    priya = names.index("Priya Raman")
    dialog.people.setCurrentRow(priya)
    assert "lavender body butter on Thu 12 Nov" in dialog.about.text()
    assert "Christmas, Fri 25 Dec" in dialog.about.text()
    assert "peaceful and joyful season" in dialog.openings.text()  # holiday-snow's openings

    renders = dialog.preview_renders
    dialog.openings.linkActivated.emit("0")  # a click on the first opening
    qtbot.keyClicks(dialog.editor, " Enjoy the lavender!")
    assert dialog.editor.toPlainText() == ("Wishing you and yours a peaceful and joyful season. "
                                           "Enjoy the lavender!")
    qtbot.waitUntil(lambda: dialog.preview_renders > renders and dialog.preview.pixmap() is not None
                    and not dialog.preview.pixmap().isNull(), timeout=30000)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.people.currentRow() == priya + 1 or priya == len(names) - 1
    assert dialog.people.item(priya).text().startswith("✓")
    assert dialog.count.text().startswith("1 of 3 written")

    other = 0 if priya != 0 else 1
    dialog.people.setCurrentRow(other)
    qtbot.keyClicks(dialog.editor, "wishing you and yours a peaceful and joyful season enjoy the lavender")
    assert "Priya Raman gets the same words." in dialog.notice.text()
    dialog.editor.clear()
    qtbot.keyClicks(dialog.editor, "Merry Christmas!")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)  # a new line, not the next person
    qtbot.keyClicks(dialog.editor, "See you in January.")
    assert dialog.notice.text() == ""
    in_order = [r.contact.id for r in review.plan.recipients]
    qtbot.waitUntil(lambda: dialog.previewed == (in_order[other], "Merry Christmas!\nSee you in January."),
                    timeout=30000)  # the card shown is the one being written
    dialog.resize(1024, 600)
    dialog.grab().save(str(tmp_path / "message-queue.png"))
    dialog.accept()

    qtbot.waitUntil(lambda: review.plan is not None, timeout=60000)
    assert review.written.text() == "2 of 3 cards have a message of their own."
    out = tmp_path / "out"
    review.folder.setText(str(out))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.produce.state == "done", timeout=120000)
    pages = [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out / "cards.pdf").pages]
    insides = {name: next(t for t in pages if f"Dear {name.split()[0]}" in t) for name in names}
    assert "Enjoy the lavender!" in insides["Priya Raman"]
    assert "See you in January." in insides[names[other]]
    with open_store(app_paths.db_path) as store:
        (mailing,) = store.history.mailings()
        written = {i.contact_name: i.message for i in mailing.items}
    assert written[names[other]] == "Merry Christmas!\nSee you in January."
    assert sum(1 for text in written.values() if text is None) == 1
    _close(window, context)


def test_a_verse_from_the_library_in_one_click(qtbot, styled_app, app_paths, seed, person, tmp_path) -> None:
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"))
    window, context = _open(qtbot, styled_app, app_paths, TODAY)
    wizard = _to_review(qtbot, window, ids)
    dialog = wizard.review.write_messages()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=30000)
    picker = dialog.choose_verse()
    assert picker.list.count() > 10
    assert {picker.list.item(i).data(Qt.ItemDataRole.UserRole).occasion
            for i in range(picker.list.count())} == {"holiday", "new-year"}  # holiday-snow's occasions
    picker.tone.setCurrentIndex(picker.tone.findData("fun"))
    qtbot.keyClicks(picker.search, "cookies")
    assert picker.list.count() == 1
    text = picker.list.item(0).text()
    picker.grab().save(str(tmp_path / "verse-picker.png"))
    picker.accept()
    assert dialog.editor.toPlainText() == text == ("Wishing you more cookies than calories this "
                                                   "holiday season!")
    qtbot.keyClicks(dialog.editor, " See you soon!")
    dialog.accept()
    qtbot.waitUntil(lambda: wizard.review.plan is not None, timeout=60000)
    assert text + " See you soon!" in wizard.draft.messages.values()

    wizard.back()
    wizard.back()
    card_page = wizard.currentPage()
    assert card_page is wizard.card
    picker = card_page.choose_verse()
    picker.scope.setCurrentIndex(picker.scope.findData("all"))
    qtbot.keyClicks(picker.search, "stretchy waistbands")
    picker.accept()
    assert card_page.message.toPlainText() == "Thankful for you, and for stretchy waistbands."
    _close(window, context)


def test_a_photo_for_one_persons_card_from_the_queue(
    qtbot, styled_app, app_paths, seed, person, tmp_path
) -> None:
    import textwrap

    from PySide6.QtWidgets import QApplication

    from tests.cli.test_photos_cli import MANIFEST, jpeg

    folder = app_paths.user_templates_dir / "photo-test"
    folder.mkdir(parents=True)
    (folder / "template.toml").write_text(textwrap.dedent(MANIFEST).replace("thinking-of-you", "christmas"),
                                          encoding="utf-8")
    ids = seed(person("Zoë", "Ångström"), person("Priya", "Raman"))
    window, context = _open(qtbot, styled_app, app_paths, TODAY)
    view = window.show_view("mailings")
    from studio.ui.mailings.preset import MailingPreset

    view.start(MailingPreset(occasion="christmas", year=2026, contact_ids=ids, template="photo-test"))
    wizard = view.wizard
    qtbot.waitUntil(lambda: wizard.choices is not None, timeout=30000)
    for _ in range(3):
        qtbot.waitUntil(wizard.currentPage().isComplete, timeout=60000)
        wizard.next()
    qtbot.waitUntil(lambda: wizard.review.plan is not None, timeout=60000)
    dialog = wizard.review.write_messages()
    qtbot.waitUntil(lambda: dialog.loaded, timeout=30000)
    assert dialog.photo_row.isVisible()
    photo = tmp_path / "zoe.jpg"
    photo.write_bytes(jpeg("#884422"))
    zoe = [dialog.people.item(i).text().strip() for i in range(dialog.people.count())].index("Zoë Ångström")
    dialog.people.setCurrentRow(zoe)
    dialog.set_photo(photo)
    qtbot.waitUntil(lambda: dialog.photo_label.text() == "zoe.jpg", timeout=10000)
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo", encoding="utf-8")
    dialog.set_photo(bad)
    qtbot.waitUntil(lambda: context.errors.last_message is not None, timeout=10000)
    for box in QApplication.topLevelWidgets():
        if box.objectName() == "errorMessage":
            box.close()
    assert dialog.photos() == {ids[0]: str(photo)}
    dialog.accept()
    qtbot.waitUntil(lambda: wizard.review.plan is not None, timeout=60000)
    assert dict(wizard.draft.request().photos) == {ids[0]: str(photo)}
    _close(window, context)
