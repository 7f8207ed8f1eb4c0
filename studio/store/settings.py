"""The user's settings, one JSON value per top-level field.

`Settings.printer` and `Settings.calibration` are not rows of their own: they are the
default printer profile's (`studio.store.printers`) duplex, stack and margin, and its label
calibration, read from it on load and written back to it on save when they changed, so the
older one-printer commands and forms keep working on the default profile.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

from studio.model import Calibration, PrinterProfile, PrinterSetup
from studio.settings import Settings
from studio.store.contact_search import refresh_phone_keys
from studio.store.home_country import stored_home_country
from studio.store.printers import PrinterProfileRepository

_FROM_PROFILE = ("printer", "calibration")


class SettingsRepository:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        self._printers = PrinterProfileRepository(connection)

    def load(self) -> Settings:
        """The saved settings; defaults for anything never saved."""
        data = {row[0]: json.loads(row[1]) for row in self._conn.execute("SELECT key, value FROM settings")
                if row[0] not in _FROM_PROFILE}
        settings = Settings.from_dict(data)
        profile = self._printers.default()
        settings.printer, settings.calibration = printer_setup(profile), dataclasses.replace(profile.labels)
        return settings

    def save(self, settings: Settings) -> None:
        """Save ``settings``; a new home country re-reads every contact's phone numbers written
        without a country code in it (`contact_search.refresh_phone_keys`), in the same transaction
        when the caller holds one."""
        home_before = stored_home_country(self._conn)
        self._conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(key, json.dumps(value, ensure_ascii=False)) for key, value in settings.to_dict().items()
             if key not in _FROM_PROFILE])
        self._save_printer(settings.printer, settings.calibration)
        if settings.home_country != home_before:
            refresh_phone_keys(self._conn)

    def _save_printer(self, printer: PrinterSetup, calibration: Calibration) -> None:
        """Write what changed of the one-printer settings into the default profile; the one
        calibration there was applies to labels and envelopes alike."""
        profile = self._printers.default()
        changed = profile
        if printer != printer_setup(profile):
            changed = dataclasses.replace(changed, duplex=printer.duplex, stack=printer.stack,
                                          margin_mm=printer.margin_mm)
        if calibration != profile.labels:
            changed = dataclasses.replace(changed, labels=dataclasses.replace(calibration),
                                          envelopes=dataclasses.replace(calibration))
        if changed is not profile or self._printers.default_name() is None:
            self._printers.save(changed)
            if self._printers.default_name() is None:
                self._printers.set_default(changed.name)


def printer_setup(profile: PrinterProfile) -> PrinterSetup:
    """The one-printer settings a profile gives."""
    return PrinterSetup(duplex=profile.duplex, stack=profile.stack, margin_mm=profile.margin_mm)
