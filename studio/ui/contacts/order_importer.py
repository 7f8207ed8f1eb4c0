"""File ▸ Import Orders…: a back-office order export imported in the background.

The same steps as importing contacts (`ImportController`): an export whose columns do not
say where the order date or the customer is first gets `ColumnMapDialog` with the order
fields, and the map is saved for its header row; then `services.orders.import_orders` runs
on a pool thread with its own store, with progress and Cancel (a cancelled import leaves
the store as it was), and `ImportReportDialog` shows what it did: orders added, already
there, new customers, rows skipped by line.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from studio.progress import Progress
from studio.services.orders import (
    CUSTOMER_FIELDS,
    ORDER_FIELDS,
    orders_needing_map,
    save_order_map,
    suggested_order_fields,
)
from studio.services.session import Store
from studio.services.sheets import Table
from studio.ui.contacts.column_map_dialog import ColumnMapDialog
from studio.ui.contacts.importer import ImportController

ORDER_FILTER = "Order exports (*.csv *.tsv *.xlsx *.xls *.ods *.CSV *.XLSX);;All files (*)"


def order_export_problem(chosen: list[str]) -> str:
    """Why an order export's column choice cannot be imported yet ("" when it can)."""
    if "order_date" not in chosen:
        return "Choose the column with the order date."
    if not set(CUSTOMER_FIELDS) & set(chosen):
        return "Choose the column with the customer number, e-mail, phone or name."
    return ""


class OrderImportController(ImportController):
    """Imports one order export at a time for a window; ``finished(report)`` after it."""

    def choose_files(self) -> None:
        settings = self._context.ui_settings
        start = str(settings.value("import/orders_folder", str(Path.home())))
        path, _ = QFileDialog.getOpenFileName(self._parent, "Import orders", start, ORDER_FILTER)
        if path:
            settings.setValue("import/orders_folder", str(Path(path).parent))
            self.start([path])

    def start(self, paths: Any) -> None:
        """Import the first of ``paths`` (an export), asking what its columns hold if needed."""
        if self.busy or not paths:
            return
        path = Path(paths[0])
        self._context.store.submit(lambda store: orders_needing_map(store, path),
                                   lambda table: self._ask_map(path, table))

    def _ask_map(self, path: Path, table: Table | None) -> None:
        if table is None:
            self._import([path])
            return
        dialog = ColumnMapDialog(table, suggested_order_fields(table.headers), self._parent,
                                 fields=ORDER_FIELDS, problem=order_export_problem)
        self.column_dialog = dialog

        def chosen() -> None:
            mapping, headers = dialog.mapping(), table.headers
            self._context.store.submit(lambda store: save_order_map(store, path.stem, headers, mapping),
                                       lambda _: self._import([path]))

        dialog.accepted.connect(chosen)
        dialog.open()

    def _import(self, paths: Any) -> None:
        path = Path(paths[0])
        today, app_paths = self._context.today(), self._context.paths

        def work(store: Store, progress: Progress) -> Any:
            from studio.services.orders import import_orders  # imported off the GUI thread

            return import_orders(store, path, progress=progress, today=today, paths=app_paths)

        self._run(work, f"Importing the orders of {path.name}…", "Orders imported", "Importing orders")
