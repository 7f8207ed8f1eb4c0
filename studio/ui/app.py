"""Starting the desktop app: `card-studio`, or `studio` with no command.

`main` creates the QApplication, gives it the Card Studio look and icon, installs the
exception hook (friendly message, traceback to the log file, never to the user), opens
the main window on the chosen database and runs until the window closes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from studio.errors import StudioError
from studio.paths import AppPaths
from studio.ui import icons
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
    apply_style(app)
    return app


def open_window(paths: AppPaths, today: Callable[[], dt.date] | None = None) -> tuple[MainWindow, AppContext]:
    """The main window over the database at ``paths.db_path`` (not shown yet)."""
    context = AppContext.create(paths, today)
    return MainWindow(context), context


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


def main(argv: Sequence[str] | None = None, db: str | None = None) -> int:
    """Run the app until its window closes; returns the exit status."""
    args = _parse(argv, db)
    app = create_application()
    paths = AppPaths.resolve(args.db)
    window, context = open_window(paths)
    restore_hook = install_excepthook(context.errors)
    window.closed.connect(app.quit)
    try:
        window.show()
        if args.files:
            window.importer.start(args.files)
        status = app.exec()
    except StudioError as exc:
        QMessageBox.critical(None, "Card Studio", str(exc))
        status = 1
    finally:
        context.shutdown()
        restore_hook()
    return status


if __name__ == "__main__":
    sys.exit(main())
