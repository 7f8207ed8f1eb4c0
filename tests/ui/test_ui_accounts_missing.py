"""Live address books and missing details in the app, against a real Radicale server."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QInputDialog

from studio.paths import bundled_dir
from studio.store import open_store
from tests.sources.carddav_server import PASSWORD, USER, start_radicale


def test_add_and_sync_an_account_while_the_window_responds(
    qtbot, open_app, app_paths, tmp_path, monkeypatch
) -> None:
    server = start_radicale(tmp_path / "radicale")
    try:
        book = server.make_book()
        server.put(
            book,
            "ada.vcf",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada\r\nFN:Ada Byron\r\nN:Byron;Ada;;;\r\n"
            "EMAIL:ada@example.org\r\nEND:VCARD\r\n",
        )
        window, _ = open_app()
        window.show_accounts()
        dialog = window.accounts_dialog.panel
        qtbot.waitUntil(lambda: "No live address books" in dialog.status.text(), timeout=10000)
        dialog.add()
        form = dialog.add_dialog
        form.buttons.accepted.emit()  # empty: says what to fill in, stays open
        assert "Fill in the server" in form.problem.text()
        assert "contacts.google.com" in form.guide.text()
        form.url.setText(server.url)
        form.user.setText(USER)
        form.password.setText(PASSWORD)
        form.buttons.accepted.emit()
        qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() == 1, timeout=20000)
        assert dialog.tree.topLevelItem(0).text(0) == "Customers"
        # No keyring on a test machine: the password is asked for at sync.
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (PASSWORD, True))
        ticks = []
        timer = window.startTimer(10)
        window.timerEvent = lambda _event: ticks.append(1)
        dialog.sync_button.click()
        qtbot.waitUntil(lambda: "Synced Customers" in dialog.status.text(), timeout=30000)
        window.killTimer(timer)
        assert ticks  # the event loop kept running while the sync worked
        with open_store(app_paths.db_path) as store:
            assert [store.contacts.get(i).name for i in store.contacts.ids()] == ["Ada Byron"]
        dialog.grab().save(str(tmp_path / "accounts.png"))
    finally:
        server.stop()


def test_settings_shows_the_live_address_books_and_adds_one(qtbot, open_app, tmp_path) -> None:
    server = start_radicale(tmp_path / "radicale")
    try:
        server.make_book()
        window, _ = open_app()
        settings = window.show_view("settings")
        panel = settings.accounts_panel
        qtbot.waitUntil(lambda: "No live address books" in panel.status.text(), timeout=10000)
        assert panel.isVisibleTo(window)
        panel.add()
        form = panel.add_dialog
        form.url.setText(server.url)
        form.user.setText(USER)
        form.password.setText(PASSWORD)
        form.buttons.accepted.emit()
        qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 1, timeout=20000)
        assert panel.sync_button.isEnabled()
        window.show_accounts()  # File ▸ Live Address Books… shows the same account
        qtbot.waitUntil(lambda: window.accounts_dialog.panel.tree.topLevelItemCount() == 1, timeout=10000)
        window.accounts_dialog.close()
        settings.scroll.ensureWidgetVisible(settings.accounts)
        settings.grab().save(str(tmp_path / "settings-accounts.png"))
    finally:
        server.stop()


def test_missing_details_lists_people_and_copies_the_message(qtbot, open_app, app_paths) -> None:
    from studio.services.addressbook import import_vcards

    with open_store(app_paths.db_path) as store:
        import_vcards(store, [bundled_dir("assets") / "samples" / "sample-contacts.vcf"])
    window, _ = open_app()
    window.show_missing_details()
    dialog = window.missing_dialog
    qtbot.waitUntil(lambda: dialog.tree.topLevelItemCount() > 0, timeout=20000)
    first = dialog.rows[0]
    assert dialog.tree.topLevelItem(0).text(0) == first.contact.name
    assert dialog.message.toPlainText().startswith("Hi ")
    dialog.copy_message()
    assert QApplication.clipboard().text() == first.message
