"""Finished PDFs: open them, show their folder, or print them through the Qt print dialog.

Where the chosen printer is a CUPS queue (Linux, macOS) the PDF itself goes to it with
`studio.printing.spooler`: the printer gets vector pages at 100 %. Elsewhere each PDF page
is rendered with QtPdf (`QPdfDocument`) onto the `QPrinter` in a pool thread, in bands at
the printer's own resolution (never less), each page on paper of its own size.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect, QRectF, QSize, QSizeF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from studio.errors import StudioError
from studio.model import PrinterProfile
from studio.printing import spooler
from studio.printing.hints import pdf_sides
from studio.printing.spooler import PrintRequest, Sides
from studio.progress import Progress
from studio.services import printer_profiles
from studio.ui import icons
from studio.ui.widgets import label

MIN_DPI = 300
BAND_PIXELS = 1024  # rows rendered at a time: a 1200 dpi page is drawn without a 500 MB image


def open_path(path: Path, parent: QWidget | None = None) -> bool:
    """Open a file or folder with the user's default application; when there is none, say
    so and show the path (selectable, with a Copy button)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle("Nothing to open it with")
    kind = "folder" if path.is_dir() else "file"
    box.setText(f"This computer has no program set to open this {kind}. It is here:")
    box.setInformativeText(str(path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    copy = box.addButton("Copy path", QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(str(path)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return False


def print_pdfs(printer: QPrinter, paths: Sequence[Path], progress: Progress) -> int:
    """Paint every page of ``paths`` onto ``printer``; returns the number of pages printed.

    Runs on a pool thread. Each page goes on paper of its own size (full page, no
    margins) and is drawn at the printer's resolution (at least ``MIN_DPI``), in bands.
    """
    documents = []
    total = 0
    for path in paths:
        document = QPdfDocument()
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise StudioError(f"{path} could not be opened for printing (is it a finished PDF?)")
        documents.append(document)
        total += document.pageCount()
    printer.setFullPage(True)
    dpi = max(MIN_DPI, printer.resolution())
    painter: QPainter | None = None
    done = 0
    try:
        for document in documents:
            for page in range(document.pageCount()):
                progress.step(done, total, f"Printing page {done + 1} of {total}")
                points = document.pagePointSize(page)
                layout = QPageLayout(
                    QPageSize(points, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait, QMarginsF()
                )
                if painter is None:
                    printer.setPageLayout(layout)
                    painter = QPainter()
                    if not painter.begin(printer):
                        raise StudioError(
                            "The printer could not be started. Is it switched on and connected?"
                        )
                else:
                    printer.setPageLayout(layout)
                    printer.newPage()
                _draw_in_bands(painter, printer, document, page, points, dpi)
                done += 1
        progress.step(done, total, "Printed")
    finally:
        if painter is not None:
            painter.end()
        for document in documents:
            document.close()
    return done


def _draw_in_bands(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int,
                   points: QSizeF, dpi: int) -> None:
    pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    target = printer.paperRect(QPrinter.Unit.DevicePixel)
    scale_y = target.height() / pixels.height()
    for top in range(0, pixels.height(), BAND_PIXELS):
        rows = min(BAND_PIXELS, pixels.height() - top)
        options = QPdfDocumentRenderOptions()
        options.setScaledSize(pixels)
        options.setScaledClipRect(QRect(0, top, pixels.width(), rows))
        band = document.render(page, QSize(pixels.width(), rows), options)
        painter.drawImage(QRectF(0, top * scale_y, target.width(), rows * scale_y), band)


def _sides(printer: QPrinter) -> Sides | None:
    """What the user chose in the dialog for two-sided PDFs; None (each PDF as it asks)
    when the printer's driver offers no two-sided choice to make."""
    if not _can_duplex(printer):
        return None
    mode = printer.duplex()
    return {QPrinter.DuplexMode.DuplexNone: Sides.ONE, QPrinter.DuplexMode.DuplexLongSide: Sides.LONG_EDGE,
            QPrinter.DuplexMode.DuplexShortSide: Sides.SHORT_EDGE}.get(mode)


def _can_duplex(printer: QPrinter) -> bool:
    info = QPrinterInfo.printerInfo(printer.printerName())
    offered = set(info.supportedDuplexModes()) if not info.isNull() else set()
    return bool(offered - {QPrinter.DuplexMode.DuplexNone, QPrinter.DuplexMode.DuplexAuto})


def _duplex_for(paths: Sequence[Path]) -> QPrinter.DuplexMode:
    """The duplex mode the first two-sided PDF of ``paths`` asks for; none when all are one-sided."""
    modes = {Sides.LONG_EDGE: QPrinter.DuplexMode.DuplexLongSide,
             Sides.SHORT_EDGE: QPrinter.DuplexMode.DuplexShortSide}
    for path in paths:
        mode = modes.get(pdf_sides(path))
        if mode is not None:
            return mode
    return QPrinter.DuplexMode.DuplexNone


def print_batches(paths: Sequence[Path]) -> list[list[Path]]:
    """The PDFs in the runs they print in: all at once; or, with a manual two-sided pair
    (`card_sheets.side_paths`: FILE-outside.pdf, FILE-inside.pdf), the outsides alone, then
    the insides and the rest (FILE.pdf, made beside the pair for a duplexer, left out)."""
    from studio.services.card_sheets import side_paths

    names = {p.name: p for p in paths}
    for path in paths:
        if not path.stem.endswith("-outside"):
            continue
        base = path.with_name(path.stem.removesuffix("-outside") + path.suffix)
        outside, inside = side_paths(base)
        if inside.name in names:
            rest = [p for p in paths if p.name not in (base.name, outside.name, inside.name)]
            return [[path], [names[inside.name], *rest]]
    return [list(paths)]


class PrintJob:
    """Ask for a printer with `QPrintDialog`, then print ``paths`` in the background, set up
    as the printer profile says (the default one unless ``profile`` is given): two-sided as
    it prints, the page size of the PDF, its system printer preselected; for manual
    two-sided printing the outsides first, then the turn-the-stack dialog, then the insides."""

    def __init__(self, paths: Sequence[Path], context: object, parent: QWidget,
                 profile: PrinterProfile | None = None) -> None:
        self._paths = [Path(p) for p in paths]
        self._context = context
        self._parent = parent
        self.profile = profile
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.dialog: QPrintDialog | None = None
        self.progress: QProgressDialog | None = None
        self.turn_dialog: QDialog | None = None

    def ask(self) -> None:
        if self.profile is not None:
            self._ask()
            return

        def found(profile: PrinterProfile) -> None:
            self.profile = profile
            self._ask()

        self._context.store.submit(  # type: ignore[attr-defined]
            lambda store: printer_profiles.find_profile(store, None), found,
            lambda _exc: (setattr(self, "profile", PrinterProfile()), self._ask()))

    def _ask(self) -> None:
        profile = self.profile or PrinterProfile()
        if profile.queue and not QPrinterInfo.printerInfo(profile.queue).isNull():
            self.printer.setPrinterName(profile.queue)
        # Two-sided as the cards were laid out for the profile; a manual run prints one side at a
        # time; envelopes and labels print one-sided whatever the dialog says (`job_sides`).
        manual = profile.duplex == "manual" or len(print_batches(self._paths)) > 1
        self.printer.setDuplex(QPrinter.DuplexMode.DuplexNone if manual else _duplex_for(self._paths))
        size = _first_page_size(self._paths)
        if size is not None:
            self.printer.setPageLayout(QPageLayout(QPageSize(size, QPageSize.Unit.Point),
                                                   QPageLayout.Orientation.Portrait, QMarginsF()))
        self.dialog = QPrintDialog(self.printer, self._parent)
        self.dialog.setWindowTitle(f"Print — {profile.name}")
        self.dialog.accepted.connect(self.start)
        # QPrintDialog.open() only exists as open(receiver, member) in PySide6: QDialog's
        # window-modal open() with the accepted signal is the one that takes no arguments.
        QDialog.open(self.dialog)

    def start(self) -> None:
        batches = print_batches(self._paths)
        self._run(batches[0], batches[1:])

    def _run(self, paths: list[Path], later: list[list[Path]]) -> None:
        progress = QProgressDialog("Printing…", "Cancel", 0, 0, self._parent)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(200)
        self.progress = progress
        tasks = self._context.tasks  # type: ignore[attr-defined]
        queue = self.printer.printerName()
        request = PrintRequest(queue, copies=max(1, self.printer.copyCount()), sides=_sides(self.printer))

        def work(steps: Progress) -> int:
            if queue and queue in spooler.queues():  # vector: the PDF itself to CUPS
                steps.step(0, len(paths), f"Sending {len(paths)} PDF(s) to {queue}")
                return len(spooler.submit(paths, request))
            return print_pdfs(self.printer, paths, steps)

        def done(_: object) -> None:
            self._finish()
            if later:
                self.turn_stack(paths[0], later)

        task = tasks.start(
            work,
            name="print",
            on_progress=self._step,
            on_done=done,
            on_cancelled=self._finish,
            on_error=self._failed,
            important=True,
        )
        progress.canceled.connect(task.cancel)

    def turn_stack(self, outside: Path, later: list[list[Path]]) -> None:
        """Show how to turn the printed stack; Print the insides goes on with ``later``."""
        from studio.ui.manual_duplex import ManualDuplexDialog

        dialog = ManualDuplexDialog(outside, later[0][0], self.profile or PrinterProfile(), self._parent)
        self.turn_dialog = dialog
        dialog.accepted.connect(lambda: self._run(later[0], later[1:]))
        dialog.open()

    def _step(self, done: int, total: int, what: str) -> None:
        # setValue() on a modal progress dialog processes events, so the job may finish (and
        # `_finish` drop the dialog) inside it: set the value last, on a reference of our own.
        progress = self.progress
        if progress is None:
            return
        progress.setLabelText(what)
        progress.setMaximum(max(total, 1))
        progress.setValue(done)

    def _finish(self) -> None:
        progress, self.progress = self.progress, None
        if progress is not None:
            progress.canceled.disconnect()
            progress.close()

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self._context.errors.show(exc, self._parent)  # type: ignore[attr-defined]


def _first_page_size(paths: Sequence[Path]) -> QSizeF | None:
    """The first page's size in points, so the dialog opens on the paper the PDF is made for."""
    if not paths:
        return None
    document = QPdfDocument()
    try:
        if document.load(str(paths[0])) != QPdfDocument.Error.None_ or document.pageCount() == 0:
            return None
        return document.pagePointSize(0)
    finally:
        document.close()


class PdfReadyDialog(QDialog):
    """“Your PDFs are ready”: open each, show the folder, or print them all."""

    def __init__(
        self, paths: Sequence[Path], title: str, text: str, context: object, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._paths = [Path(p) for p in paths]
        self._context = context
        self.print_job: PrintJob | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(label(title, "sectionTitle"))
        layout.addWidget(label(text, "muted", wrap=True))
        for path in self._paths:
            row = QHBoxLayout()
            row.addWidget(label(path.name), 1)
            open_button = QPushButton("Open")
            open_button.setAutoDefault(False)
            open_button.clicked.connect(lambda *_, p=path: open_path(p, self))
            row.addWidget(open_button)
            layout.addLayout(row)
        buttons = QDialogButtonBox()
        folder = buttons.addButton("Show folder", QDialogButtonBox.ButtonRole.ActionRole)
        folder.setIcon(icons.icon("folder"))
        folder.clicked.connect(lambda: open_path(self._paths[0].parent, self))
        print_button = buttons.addButton("Print…", QDialogButtonBox.ButtonRole.ActionRole)
        print_button.setIcon(icons.icon("print"))
        print_button.clicked.connect(self.print_all)
        for action in (folder, print_button):
            action.setAutoDefault(False)
        # Return closes; no other button takes the default's look (teal, bold, its icon dark).
        buttons.addButton(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def print_all(self) -> None:
        self.print_job = PrintJob(self._paths, self._context, self.parentWidget() or self)
        self.print_job.ask()
