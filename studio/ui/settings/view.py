"""The Settings view: every change is saved a moment after it is made (no Save button).

The stock pickers and the holiday list are filled from the services in the background;
the calibration test page is rendered in the background and offered to open or print.
"""

from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from studio.paths import AppPaths
from studio.progress import Progress
from studio.services.preferences import InvalidSettings, setting_label
from studio.settings import Settings
from studio.ui.accounts.panel import AccountsPanel
from studio.ui.context import AppContext
from studio.ui.settings.appearance import AppearanceGroup
from studio.ui.settings.forms import SettingsGroup
from studio.ui.settings.offer import OfferGroup
from studio.ui.settings.paper import PaperGroup
from studio.ui.settings.printers import PrinterProfilesGroup
from studio.ui.settings.rhythms import RhythmsGroup
from studio.ui.settings.schedule import HolidaysGroup, TimingGroup
from studio.ui.settings.sender import SenderGroup
from studio.ui.widgets import PageHeader, label, page_layout

_SAVE_DELAY_MS = 400


def load_choices(paths: AppPaths) -> dict[str, list[tuple[str, str]]]:
    """Envelope sizes, label stocks and holidays to offer, from the services (pool thread)."""
    from studio.services import occasions, stock

    envelopes = [(e.id, e.name) for e in stock.envelope_sizes(paths)]
    stocks = [
        (s.id, f"{s.brand} {s.part} — {s.description}")
        for s in stock.label_stocks(paths)
        if s.kind == "address"
    ]
    catalogue = occasions.holiday_calendar().catalogue
    holidays = [(key, catalogue.get(key).name) for key in catalogue.keys()]
    return {"envelopes": envelopes, "stocks": stocks, "holidays": holidays}


class SettingsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self._context = context
        self._loading = False
        self.sender = SenderGroup()
        # Country and language names in the user's own language (the desktop's locale).
        self.paper = PaperGroup(QLocale().name())
        self.calibration = PrinterProfilesGroup(context)  # the printer profiles, saved on their own
        self.timing = TimingGroup()
        self.holidays = HolidaysGroup()
        self.appearance = AppearanceGroup()
        self.offer = OfferGroup()
        self.groups: list[SettingsGroup] = [
            self.sender,
            self.paper,
            self.calibration,
            self.timing,
            self.holidays,
            self.appearance,
            self.offer,  # after the sender: it sets sender.ref on the sender the group wrote
        ]
        # Not a setting that is saved with the others: the accounts panel keeps its own store.
        self.rhythms = RhythmsGroup(context)  # saved at once, in its own table
        self.accounts = QGroupBox("Live address books")
        self.accounts_panel = AccountsPanel(context)
        QVBoxLayout(self.accounts).addWidget(self.accounts_panel)
        self.saved_label = QLabel("")
        self.saved_label.setObjectName("badgeOk")
        self.saved_label.hide()
        # Values the services refuse (an unknown country, a negative transit time ...):
        # shown until corrected; nothing of that edit is saved meanwhile.
        self.problem_label = label("", "badgeWarn", wrap=True)
        self.problem_label.hide()

        content = QWidget()
        self.grid = QGridLayout(content)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setHorizontalSpacing(18)
        self.grid.setVerticalSpacing(14)
        self.columns = 0
        self._arrange(2)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(content)
        scroll = self.scroll

        header_row = QHBoxLayout()
        header_row.addWidget(PageHeader("Settings", "Changes are saved as you make them."), 1)
        header_row.addWidget(self.saved_label)
        page_layout(self, header_row, self.problem_label, scroll)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        for group in self.groups:
            group.changed.connect(self._edited)
        # The colours are seen at once: no waiting for the typing pause the other fields need.
        self.appearance.changed.connect(lambda: None if self._loading else self.save_now())
        self.calibration.test_page_requested.connect(self.make_test_page)
        self.calibration.printer_test_requested.connect(self.make_printer_test)
        self.sender.signature_photo_chosen.connect(self.clean_signature)
        self.sender.handwriting_font_chosen.connect(self.keep_handwriting_font)
        self.sender.own_photo_chosen.connect(self.keep_own_photo)
        context.events.settings_changed.connect(self._external_change)
        self.load(context.settings)
        context.tasks.start(
            lambda _p: load_choices(context.paths),
            on_done=self._choices_loaded,
            on_error=lambda exc: None,
            name="settings-choices",
        )

    # --- layout: two columns, or one on a narrow window --------------------------------

    def _arrange(self, columns: int) -> None:
        """Place the groups in ``columns`` columns (2: side by side; 1: one under another)."""
        if columns == self.columns:
            return
        self.columns = columns
        grid = self.grid
        for group in [*self.groups, self.rhythms, self.accounts]:
            grid.removeWidget(group)
        for row in range(grid.rowCount()):
            grid.setRowStretch(row, 0)
        if columns == 2:
            grid.addWidget(self.sender, 0, 0, 2, 1)
            grid.addWidget(self.paper, 0, 1)
            grid.addWidget(self.calibration, 1, 1)
            grid.addWidget(self.timing, 2, 0)
            grid.addWidget(self.holidays, 2, 1)
            grid.addWidget(self.appearance, 3, 0)
            grid.addWidget(self.offer, 3, 1)
            grid.addWidget(self.rhythms, 4, 0, 1, 2)
            grid.addWidget(self.accounts, 5, 0, 1, 2)
            grid.setColumnStretch(1, 1)
            grid.setRowStretch(6, 1)
        else:
            for row, group in enumerate([*self.groups, self.rhythms, self.accounts]):
                grid.addWidget(group, row, 0)
            grid.setColumnStretch(1, 0)
            grid.setRowStretch(len(self.groups) + 2, 1)
        grid.setColumnStretch(0, 1)

    def _columns_that_fit(self) -> int:
        """2 when both columns fit beside each other at their smallest, else 1."""
        left = max(g.minimumSizeHint().width() for g in (self.sender, self.timing, self.appearance))
        right = max(g.minimumSizeHint().width()
                    for g in (self.paper, self.calibration, self.holidays, self.offer))
        room = self.width() - 2 * 28 - 8 - 20  # page margins, the grid's, a vertical scroll bar
        return 2 if left + self.grid.horizontalSpacing() + right <= room else 1

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._arrange(self._columns_that_fit())

    def load(self, settings: Settings) -> None:
        self._loading = True
        for group in self.groups:
            group.load(settings)
        self._loading = False

    def current(self) -> Settings:
        """The settings as the page shows them now."""
        settings = copy.deepcopy(self._context.settings)
        for group in self.groups:
            group.apply(settings)
        return settings

    def _edited(self) -> None:
        if not self._loading:
            self._save_timer.start()

    def save_now(self) -> None:
        self._save_timer.stop()
        self._context.save_settings(self.current(), self._saved, self._refused)

    @property
    def save_pending(self) -> bool:
        """An edit is waiting for its delay to pass before it is saved."""
        return self._save_timer.isActive()

    def flush_pending_saves(self) -> None:
        """Save at once an edit still waiting for its delay (the window is closing)."""
        self.calibration.flush()
        if self._save_timer.isActive():
            self.save_now()

    def _refused(self, error: InvalidSettings) -> None:
        lines = [f"<b>{html.escape(setting_label(name))}</b>: {html.escape(why)}"
                 for name, why in error.problems]
        self.problem_label.setText("Not saved. " + "<br/>".join(lines))
        self.problem_label.show()
        self.saved_label.hide()
        # Take the user to the first field at fault, so it can be put right at once.
        for name, _ in error.problems:
            widget = next((w for g in self.groups if (w := g.field_for(name)) is not None), None)
            if widget is not None:
                self.scroll.ensureWidgetVisible(widget)
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                break

    def _saved(self) -> None:
        self.problem_label.hide()
        self.saved_label.setText("Saved")
        self.saved_label.show()
        QTimer.singleShot(1800, self.saved_label.hide)

    def _external_change(self, settings: Settings) -> None:
        if not self._save_timer.isActive() and settings is not None:
            self.load(settings)

    def _choices_loaded(self, choices: dict[str, Any]) -> None:
        self.paper.set_choices(choices["envelopes"], choices["stocks"], self._context.settings)
        self.holidays.set_choices(choices["holidays"])
        self.holidays.load(self._context.settings)

    # --- calibration page ---------------------------------------------------------------

    def clean_signature(self, photo: str) -> None:
        """Clean the chosen photo into ink on the pool thread; the ink becomes the signature."""
        paths = self._context.paths
        self.sender.image_preview.setText("Cleaning the photo…")
        self.sender.image_preview.show()

        def work(_: Progress) -> Path:
            from studio.services import signature

            return signature.clean_signature(Path(photo), paths)

        def done(ink: Path) -> None:
            self.sender.image_path.setText("")  # the same file name again must still count as a change
            self.sender.image_path.setText(str(ink))

        def failed(exc: BaseException) -> None:
            self.sender.image_preview.setText("")
            self.sender.photo_preview.hide()
            self._context.errors.show(exc, self)

        self._context.tasks.start(work, on_done=done, on_error=failed, name="signature")

    def keep_handwriting_font(self, font: str) -> None:
        """Check the chosen font and keep a copy in the data folder (pool thread: reading a
        large font's alternates takes a moment); the copy becomes the handwriting font."""
        paths = self._context.paths
        self.sender.hand_note.setText("Reading the font…")

        def work(_: Progress) -> tuple[Path, str]:
            from studio.services import handwriting

            kept = handwriting.keep_handwriting_font(Path(font), paths)
            return kept, handwriting.alternate_letters(str(kept))

        def done(result: tuple[Path, str]) -> None:
            kept, letters = result
            self.sender.show_font(str(kept), letters)

        def failed(exc: BaseException) -> None:
            self.sender.hand_note.setText("")
            self._context.errors.show(exc, self)

        self._context.tasks.start(work, on_done=done, on_error=failed, name="handwriting font", owner=self)

    def keep_own_photo(self, photo: str) -> None:
        """Check the chosen photo and keep a copy in the data folder (pool thread: the disk);
        the copy becomes the sender's photo."""
        paths = self._context.paths

        def work(_: Progress) -> Path:
            from studio.services import photos

            return photos.keep_sender_photo(Path(photo), paths)

        def done(kept: Path) -> None:
            self.sender.own_photo.setText("")  # the same file name again must still count as a change
            self.sender.own_photo.setText(str(kept))

        def failed(exc: BaseException) -> None:
            self._context.errors.show(exc, self)

        self._context.tasks.start(work, on_done=done, on_error=failed, name="your photo", owner=self)

    def make_printer_test(self) -> None:
        """Render the two-sheet printer test and offer to open or print it."""
        settings = self.current()
        out = self._context.paths.data_dir / "printer-test.pdf"
        button = self.calibration.printer_test_button
        button.setEnabled(False)

        def work(_: Progress) -> Path:
            from studio.services import printer_setup

            return printer_setup.printer_test(out, settings)

        def done(path: Path) -> None:
            from studio.ui.printing import PdfReadyDialog

            button.setEnabled(True)
            self.printer_test_dialog = PdfReadyDialog(
                [Path(path)], "Printer test ready",
                "Print all 4 pages two-sided at 100 % (no “fit to page”) on plain paper, then set "
                "“Two-sided” and “Output tray” the way its pages tell you.", self._context, self)
            self.printer_test_dialog.open()

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            self._context.errors.show(exc, self)

        self._context.tasks.start(work, on_done=done, on_error=failed, name="printer-test")

    def make_test_page(self) -> None:
        """Render the calibration page for the chosen label stock and offer to open or print it."""
        settings = self.current()
        profile = self.calibration.profile()  # the page is drawn through the profile shown
        out = self._context.paths.data_dir / "calibration-page.pdf"
        self.calibration.test_button.setEnabled(False)

        def work(_: Progress) -> Path:
            from studio.services import mail_pieces

            return mail_pieces.calibration_page(None, out, settings, paths=self._context.paths,
                                                profile=profile)

        def done(path: Path) -> None:
            from studio.ui.printing import PdfReadyDialog

            self.calibration.test_button.setEnabled(True)
            dialog = PdfReadyDialog(
                [Path(path)],
                "Test page ready",
                "Print it at 100 % (no “fit to page”) on plain paper.",
                self._context,
                self,
            )
            dialog.open()

        def failed(exc: BaseException) -> None:
            self.calibration.test_button.setEnabled(True)
            self._context.errors.show(exc, self)

        self._context.tasks.start(work, on_done=done, on_error=failed, name="calibration-page")
