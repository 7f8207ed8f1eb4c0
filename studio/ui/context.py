"""What every view of the app is given: where things are, how to run work, what changed.

There is no global app object: `AppContext.create` is called once by `app.main` (or by
a test) and handed to the main window, which hands it to each view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal

from studio.paths import AppPaths
from studio.services.occasion_cache import OccasionCache
from studio.services.preferences import InvalidSettings
from studio.services.preferences import save_settings as save_checked_settings
from studio.settings import Settings
from studio.ui.errors import ErrorReporter
from studio.ui.jobs import StoreThread, TaskRunner


class AppEvents(QObject):
    """Announcements after an operation changed something; views refresh themselves.

    The same idea as Anki's operations: whoever changes data says what changed, and
    whoever shows that data listens.
    """

    contacts_changed = Signal()
    settings_changed = Signal(object)  # the new Settings
    mailings_changed = Signal()
    touches_changed = Signal()  # a call, a message… was recorded or taken back
    templates_changed = Signal()
    open_view = Signal(str)  # ask the window to show a view ("today", "contacts", ...)
    start_mailing = Signal(object)  # a MailingRequest preset to open the wizard with
    design_card = Signal(object)  # (template_id, contact_id | None, occasion | None)


@dataclass
class AppContext:
    paths: AppPaths
    store: StoreThread
    tasks: TaskRunner
    ui_settings: QSettings
    errors: ErrorReporter
    events: AppEvents
    today: Callable[[], dt.date] = dt.date.today
    settings: Settings = field(default_factory=Settings)  # the user's, as last loaded or saved
    spelling: Any = None  # studio.ui.spelling.Spelling: the checker every message field shares
    # Everyone's occasions, kept between Today refreshes until a contact changes.
    occasions: OccasionCache = field(default_factory=OccasionCache)

    @classmethod
    def create(cls, paths: AppPaths, today: Callable[[], dt.date] | None = None) -> AppContext:
        """Start the store thread and the task pool for the database at ``paths.db_path``.

        UI preferences (window geometry, last choices) go to an INI file in the data
        folder, next to the database they belong with.
        """
        ui_settings = QSettings(str(paths.data_dir / "card-studio-ui.ini"), QSettings.Format.IniFormat)
        from studio.ui.spelling import Spelling

        context = cls(
            paths=paths,
            store=StoreThread(paths.db_path),
            tasks=TaskRunner(paths.db_path),
            ui_settings=ui_settings,
            errors=ErrorReporter(paths.log_path),
            events=AppEvents(),
            today=today or dt.date.today,
        )
        context.spelling = Spelling(context)
        return context

    def save_settings(self, settings: Settings, on_done: Callable[[], None] | None = None,
                      on_invalid: Callable[[InvalidSettings], None] | None = None) -> None:
        """Check and commit ``settings`` to the store, then announce them.

        Values Card Studio cannot use are not saved: ``on_invalid`` gets the problems
        (each setting's name and why), else they are reported like any other error.
        """

        def job(store) -> None:  # noqa: ANN001 - a Store, on the store thread
            save_checked_settings(store, settings, paths=self.paths)

        def failed(error: BaseException) -> None:
            if isinstance(error, InvalidSettings) and on_invalid is not None:
                on_invalid(error)
            else:
                self.store.failed.emit(error)

        def saved(_: object) -> None:
            self.settings = settings
            self.events.settings_changed.emit(settings)
            if on_done is not None:
                on_done()

        self.store.submit(job, saved, failed)

    def shutdown(self) -> None:
        self.tasks.shutdown()
        self.store.shutdown()
        self.ui_settings.sync()
