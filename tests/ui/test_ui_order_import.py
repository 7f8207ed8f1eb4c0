"""File ▸ Import Orders…: an export imported off the GUI thread, an unknown layout mapped
once, the report shown after, and what the customer buys on their page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from studio.store import open_store

FIXTURES = Path(__file__).resolve().parent.parent / "orders" / "fixtures"


def test_import_orders_from_the_file_menu_reports_and_shows_orders_on_the_page(
        qtbot, open_app, seed, person, monkeypatch, app_paths, idle) -> None:  # noqa: ANN001
    [robert] = seed(person("Robert", "Johnson", email="bob.johnson@example.com"))
    chosen = str(FIXTURES / "back-office-orders.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (chosen, "Order exports"))
    window, context = open_app()
    contacts = window.show_view("contacts")
    window.import_orders_action.trigger()  # File ▸ Import Orders…
    qtbot.waitUntil(lambda: window.order_importer.report_dialog is not None, timeout=30000)
    report = window.order_importer.report_dialog
    assert window.order_importer.column_dialog is None  # a layout Card Studio knows
    assert report.headline.text() == ("back-office-orders.csv: 5 orders added, 0 already there, "
                                      "2 new customers, 2 rows skipped.")
    tree = report.tree
    rows = {tree.topLevelItem(i).text(0): tree.topLevelItem(i) for i in range(tree.topLevelItemCount())}
    skipped = rows["back-office-orders.csv"]
    assert [skipped.child(i).text(0) for i in range(skipped.childCount())] == ["7", "8"]
    assert "not a valid date" in skipped.child(0).text(1)
    new = rows["New"]
    assert {new.child(i).text(1) for i in range(new.childCount())} == {"Priya Raman", "Hannah Lee"}
    report.accept()
    idle(context)
    contacts.select_contact(robert)
    qtbot.waitUntil(lambda: "Orders" in contacts.detail.body.text(), timeout=10000)
    text = contacts.detail.body.text()
    assert "2 orders, 1249.50 in all" in text and "reorder around 2026-12-28" in text
    assert text.index("Protein Shake") < text.index("Daily Greens x2")  # newest first


def test_an_unknown_export_is_mapped_with_the_order_fields_then_imported(
        qtbot, open_app, app_paths, idle) -> None:  # noqa: ANN001
    window, context = open_app()
    window.order_importer.start([FIXTURES / "no-order-ids.csv"])
    qtbot.waitUntil(lambda: window.order_importer.column_dialog is not None, timeout=30000)
    dialog = window.order_importer.column_dialog
    assert dialog.fields() == ["ignore", "name", "email", "items", "amount"]
    import_button = dialog.buttons.buttons()[0]
    assert not import_button.isEnabled() and "order date" in dialog.problem.text()
    dialog.pickers[0].setCurrentIndex(dialog.pickers[0].findData("order_date"))
    assert import_button.isEnabled()
    dialog.accept()
    qtbot.waitUntil(lambda: window.order_importer.report_dialog is not None, timeout=30000)
    assert "3 orders added" in window.order_importer.report_dialog.headline.text()
    idle(context)
    with open_store(app_paths.db_path) as store:
        assert sorted(e.amount for e in store.history.events(kinds=["order"])) == [12.0, 1234.5, 1234.5]
        assert store.column_maps.for_headers(dialog.table.headers, purpose="orders") is not None
