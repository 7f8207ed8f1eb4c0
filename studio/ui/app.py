"""Starting the desktop app: `card-studio`, or `studio` with no command.

`main` creates the QApplication, gives it the Card Studio look and icon, installs the
exception hook (friendly message, traceback to the log file, never to the user), opens
the main window on the chosen database and runs until the window closes.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QMessageBox, QWidget

from studio.errors import StudioError
from studio.paths import DB_FILENAME, AppPaths
from studio.services import stock
from studio.ui import icons
from studio.ui.appearance import AppearanceFollower, desktop_theme
from studio.ui.context import AppContext
from studio.ui.errors import install_excepthook
from studio.ui.main_window import MainWindow
from studio.ui.style import apply_style

APP_ID = "card-studio"


def create_application(argv: Sequence[str] | None = None) -> QApplication:
    """The QApplication, created once, styled; high-DPI scaling without rounding."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName("Card Studio")
    QCoreApplication.setApplicationName("Card Studio")
    app = QApplication(list(argv) if argv is not None else [sys.argv[0]])
    app.setApplicationDisplayName("Card Studio")
    QGuiApplication.setDesktopFileName(APP_ID)
    app.setWindowIcon(icons.app_icon())
    apply_style(app, desktop_theme(app))  # until the saved appearance is read
    return app


def open_window(paths: AppPaths, today: Callable[[], dt.date] | None = None) -> tuple[MainWindow, AppContext]:
    """The main window over the database at ``paths.db_path`` (not shown yet); the app's
    colours follow the Appearance setting while it is open."""
    context = AppContext.create(paths, today)
    window = MainWindow(context)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        follower = AppearanceFollower(app, context.settings.appearance, window)
        context.events.settings_changed.connect(follower.follow_settings)
    return window, context


def _parse(argv: Sequence[str] | None, db: str | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="card-studio", description="Card Studio, the desktop app.")
    parser.add_argument(
        "--db",
        metavar="FILE",
        default=db,
        help="the database to use (default: CARD_STUDIO_DB or the one in your data folder)",
    )
    parser.add_argument("files", nargs="*", help=".vcf files to import when the window opens")
    known, _qt_args = parser.parse_known_args(list(argv) if argv is not None else sys.argv[1:])
    return known


def database_problem(paths: AppPaths) -> StudioError | None:
    """Why the database at ``paths.db_path`` cannot be used, or None (it is opened, made if
    missing and brought up to date, then closed again)."""
    from studio.services.session import open_store

    try:
        open_store(paths.db_path).close()
    except StudioError as exc:
        return exc
    return None


def ask_for_database(
    paths: AppPaths,
    problem: StudioError,
    answered: Callable[[AppPaths | None], None],
    parent: QWidget | None = None,
) -> QMessageBox:
    """Say why the database cannot be opened, once; the user opens another, starts a new one or quits.

    Does not wait: ``answered`` is called with the paths to open instead (checked the same
    way; a file that will not do either is explained in the same box) or with None to quit.
    Returns the box, shown.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Card Studio")
    box.setObjectName("databaseProblem")
    box.setText("Card Studio cannot open this database.")
    open_other = box.addButton("Open Another…", QMessageBox.ButtonRole.AcceptRole)
    new = box.addButton("Start a New One…", QMessageBox.ButtonRole.AcceptRole)
    quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    for button in box.buttons():  # room for the default button's semi-bold text and its padding
        bold = QFont(button.font())
        bold.setWeight(QFont.Weight.DemiBold)
        button.setMinimumWidth(QFontMetrics(bold).horizontalAdvance(button.text()) + 36)
    box.setDefaultButton(open_other)
    box.setEscapeButton(quit_button)
    state = {"paths": paths}

    def explain(why: StudioError) -> None:
        box.setInformativeText(
            f"{why}.\n\nThe file was left as it is. Open another Card Studio database, "
            "start a new one, or quit."
        )

    def clicked(button: QAbstractButton) -> None:
        if button not in (open_other, new):
            box.deleteLater()
            answered(None)
            return
        tried = state["paths"]
        folder = tried.db_path.parent if tried.db_path.parent.is_dir() else tried.data_dir
        filters = "Card Studio database (*.sqlite3 *.sqlite *.db);;Any file (*)"
        if button is open_other:
            chosen, _ = QFileDialog.getOpenFileName(box, "Open a Card Studio database", str(folder), filters)
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                box, "Start a new Card Studio database", str(folder / DB_FILENAME), filters
            )
        if chosen:
            candidate = dataclasses.replace(tried, db_path=Path(chosen))
            why = database_problem(candidate)
            if why is None:
                box.deleteLater()
                answered(candidate)
                return
            state["paths"] = candidate
            explain(why)
        QTimer.singleShot(0, box.open)  # the box closes after any button: ask again

    explain(problem)
    box.buttonClicked.connect(clicked)
    box.open()
    return box


def warn_about_stock(paths: AppPaths, parent: QWidget | None = None) -> QMessageBox | None:
    """Say once, at start, which stock files were skipped as broken (file and line each);
    the app goes on with the rest of the stock. None when every stock file was read."""
    warnings = stock.stock_warnings(paths)
    if not warnings:
        return None
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Card Studio")
    box.setText("Some label or envelope stock files could not be read and were skipped. "
                "Fix them and restart Card Studio to use them.")
    box.setInformativeText("\n".join(warnings))
    box.open()  # not modal to the app: the window stays usable behind it
    return box


def main(argv: Sequence[str] | None = None, db: str | None = None) -> int:
    """Run the app until its window closes; returns the exit status.

    A database that cannot be opened (not a Card Studio database, written by a newer
    version, in a folder that cannot be made) is explained once, before any window
    opens; the user opens another, starts a new one, or quits (status 1).
    """
    args = _parse(argv, db)
    app = create_application()
    opened: list[tuple[MainWindow, AppContext, Callable[[], None]]] = []

    def start(paths: AppPaths | None) -> None:
        if paths is None:
            app.exit(1)
            return
        window, context = open_window(paths)
        opened.append((window, context, install_excepthook(context.errors)))
        window.closed.connect(app.quit)
        window.show()
        warn_about_stock(paths, window)
        if args.files:
            window.importer.start(args.files)

    paths = AppPaths.resolve(args.db)
    problem = database_problem(paths)
    if problem is None:
        start(paths)
    else:
        ask_for_database(paths, problem, start)
    try:
        status = app.exec()
    except StudioError as exc:
        QMessageBox.critical(None, "Card Studio", str(exc))
        status = 1
    finally:
        for _window, context, restore_hook in opened:
            context.shutdown()
            restore_hook()
    return status if opened else max(status, 1)


if __name__ == "__main__":
    sys.exit(main())
