"""Settings ▸ Printer: the printer profiles. Pick one (add, rename, remove, make it the
default), edit its fields, and see how envelopes go into it (the feed guide picture).

Profiles live in their own table, not with the other settings: each edit is saved a moment
after it is made through `studio.services.printer_profiles` on the store thread. The
group still answers for `Settings.printer` and `Settings.calibration` (the default
profile's), so the rest of the page reads and writes them as before.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from studio.model import Calibration, PrinterProfile
from studio.printing.profiles import CALIBRATION_LIMITS, MARGIN_LIMITS
from studio.printing.setup_answers import back_note
from studio.services import printer_profiles
from studio.services.printer_profiles import printer_setup
from studio.settings import Settings
from studio.ui.context import AppContext
from studio.ui.printer_pictures import FeedGuidePicture, feed_caption
from studio.ui.settings.forms import SettingsGroup, narrow_choices
from studio.ui.widgets import label, number_field

_SAVE_DELAY_MS = 400
DUPLEX_CHOICES = (
    ("Two-sided, long edge (like a book)", "long"),
    ("Two-sided, short edge (like a notepad)", "short"),
    ("One side at a time (I turn the stack by hand)", "manual"),
)
STACK_CHOICES = (("Face down (pages in order)", "face-down"), ("Face up (last page on top)", "face-up"))
TURN_CHOICES = (("Over its side edge, like a book page", "long"), ("Over its top edge", "short"))
KIND_CHOICES = (("Labels", "labels"), ("Envelopes", "envelopes"), ("Cards", "cards"))
FEED_CHOICES = (("Centred between the guides", "centre"), ("Against the left guide", "edge"))
FACE_CHOICES = (("Address side up", "up"), ("Address side down", "down"))
ROTATION_CHOICES = (("Top edge first (0°)", "0"), ("Stamp end first (90°)", "90"),
                    ("Bottom edge first (180°)", "180"), ("Return-address end first (270°)", "270"))
CARRIER_CHOICES = (("Its own size", "none"), ("A Letter page", "letter"), ("An A4 page", "a4"))


def _select(box: QComboBox, value: object) -> None:
    box.blockSignals(True)
    box.setCurrentIndex(max(0, box.findData(str(value))))
    box.blockSignals(False)


class PrinterProfilesGroup(SettingsGroup):
    """The profile picker, the chosen profile's fields and its feed guide picture."""

    test_page_requested = Signal()
    printer_test_requested = Signal()
    profiles_changed = Signal()  # a profile was saved, added, renamed or removed

    def __init__(self, context: AppContext | None = None) -> None:
        super().__init__("Printer")
        self._context = context
        self.profiles: list[PrinterProfile] = [PrinterProfile()]
        self.default_name = PrinterProfile().name
        self.current_name = self.default_name
        self._filling = False
        self._from_store = False  # the store's profiles have come: settings no longer stand in
        self.picker = QComboBox()
        self.picker.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.picker.setMinimumContentsLength(14)
        self.picker.setAccessibleName("Printer profile")
        self.add_button = QPushButton("Add")
        self.add_button.setToolTip("A new profile, a copy of this one, for another printer")
        self.remove_button = QPushButton("Remove")
        self.default_button = QPushButton("Make default")
        self.default_button.setToolTip("Print with this profile when no other is chosen")
        picker_row = QHBoxLayout()
        picker_row.addWidget(self.picker, 1)
        for widget in (self.add_button, self.remove_button):
            picker_row.addWidget(widget)
        self.form.addRow("Profile", picker_row)
        self.name = QLineEdit()
        self.name.setPlaceholderText("e.g. Office laser")
        name_row = QHBoxLayout()
        name_row.addWidget(self.name, 1)
        name_row.addWidget(self.default_button)
        self.form.addRow("Name", name_row)
        self.default_note = label("", "muted")
        self.form.addRow("", self.default_note)

        self.duplex = narrow_choices(DUPLEX_CHOICES)
        self.stack = narrow_choices(STACK_CHOICES)
        self.manual_turn = narrow_choices(TURN_CHOICES)
        self.manual_turn.setToolTip("One side at a time: how you turn the printed stack before its insides")
        self.margin = number_field(*MARGIN_LIMITS, 0.1, " mm", 1)
        self.margin.setToolTip("What your printer leaves blank at every paper edge: most lasers 4.2 mm, "
                               "inkjets 3 to 5 mm, 0 for borderless printing")
        self.setup_button = QPushButton("Set up this printer…")
        self.setup_button.setToolTip("Print the test sheets, say what came out, and save it to this profile")
        self.setup_button.clicked.connect(self.open_setup)
        self.setup_wizard: QWidget | None = None
        self.printer_test_button = QPushButton("Make printer test…")
        self.printer_test_button.setToolTip("Two sheets that tell, after one print, what to choose above")
        self.printer_test_button.clicked.connect(self.printer_test_requested.emit)
        self.form.addRow("Two-sided", self.duplex)
        self.form.addRow("Output tray", self.stack)
        self.form.addRow("Turn the stack", self.manual_turn)
        self.form.addRow("Blank edge", self.margin)
        tests = QHBoxLayout()
        tests.addWidget(self.setup_button)
        tests.addWidget(self.printer_test_button)
        tests.addStretch(1)
        self.form.addRow("", tests)
        self.back_note = label("", "muted", wrap=True)  # set by Set up this printer…, shown here
        self.form.addRow("", self.back_note)

        self.kind = narrow_choices(KIND_CHOICES)
        self.kind.setToolTip("Each kind of piece has its own shift and scale")
        self.offset_x, self.offset_y = (number_field(*CALIBRATION_LIMITS["offset_x"], 0.5, " mm"),
                                        number_field(*CALIBRATION_LIMITS["offset_y"], 0.5, " mm"))
        self.scale_x, self.scale_y = (number_field(*CALIBRATION_LIMITS["scale_x"], 0.001, "", 3),
                                      number_field(*CALIBRATION_LIMITS["scale_y"], 0.001, "", 3))
        hint = QLabel("Print the test page on plain paper, hold it against a label sheet or measure the "
                      "ruler, and enter how far off your printer is. Positive moves right and down.")
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        self.test_button = QPushButton("Make test page…")
        self.test_button.clicked.connect(self.test_page_requested.emit)
        self.form.addRow(hint)
        self.form.addRow("Calibrate", self.kind)
        shift = QHBoxLayout()
        shift.addWidget(self.offset_x, 1)  # the two rows' fields line up: equal halves
        shift.addWidget(label("down"))
        shift.addWidget(self.offset_y, 1)
        self.form.addRow("Shift right", shift)
        scale = QHBoxLayout()
        scale.addWidget(self.scale_x, 1)
        scale.addWidget(label("down"))
        scale.addWidget(self.scale_y, 1)
        self.form.addRow("Scale across", scale)
        self.form.addRow("", self.test_button)

        self.feed = narrow_choices(FEED_CHOICES)
        self.face = narrow_choices(FACE_CHOICES)
        self.rotation = narrow_choices(ROTATION_CHOICES)
        self.carrier = narrow_choices(CARRIER_CHOICES)
        self.carrier.setToolTip("For drivers that refuse an envelope-sized page: the envelope is printed "
                                "on a whole page, where the tray holds it")
        self.queue = QLineEdit()
        self.queue.setPlaceholderText("any printer")
        self.queue.setToolTip("The system printer this profile is for: the print dialog opens on it")
        self.form.addRow("Envelopes go in", self.feed)
        self.form.addRow("", self.face)
        self.form.addRow("", self.rotation)
        self.form.addRow("Print them on", self.carrier)
        self.feed_guide = FeedGuidePicture()
        self.feed_caption = label("", "muted", wrap=True)
        self.form.addRow(self.feed_guide)
        self.form.addRow(self.feed_caption)
        self.form.addRow("System printer", self.queue)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        for box in (self.duplex, self.stack, self.manual_turn, self.feed, self.face, self.rotation,
                    self.carrier):
            box.currentIndexChanged.connect(self._edited)
        for spin in (self.margin, self.offset_x, self.offset_y, self.scale_x, self.scale_y):
            spin.valueChanged.connect(self._edited)
        self.queue.textChanged.connect(self._edited)
        self.kind.currentIndexChanged.connect(lambda *_: self._show(self.profile()))
        self.picker.currentIndexChanged.connect(self._picked)
        self.name.editingFinished.connect(self.rename_current)
        self.add_button.clicked.connect(self.add_profile)
        self.remove_button.clicked.connect(lambda: self.remove_current())
        self.default_button.clicked.connect(self.make_default)
        self._show(self.profiles[0])
        self._fill_picker()
        self.reload()

    # --- the Settings page's view of the default profile ---------------------------------

    @property
    def fields(self) -> dict[str, QWidget]:
        return {"printer.duplex": self.duplex, "printer.stack": self.stack, "printer.margin_mm": self.margin,
                "calibration.offset_x": self.offset_x, "calibration.offset_y": self.offset_y,
                "calibration.scale_x": self.scale_x, "calibration.scale_y": self.scale_y}

    def load(self, settings: Settings) -> None:
        """Show the settings' printer as the default profile until the store's profiles come."""
        if not self._from_store:
            base = self.profiles[0]
            self.profiles = [dataclasses.replace(
                base, duplex=settings.printer.duplex, stack=settings.printer.stack,
                margin_mm=settings.printer.margin_mm, labels=dataclasses.replace(settings.calibration),
                envelopes=dataclasses.replace(settings.calibration))]
            self._show(self.profiles[0])

    def apply(self, settings: Settings) -> None:
        default = self.default_profile()
        settings.printer = printer_setup(default)
        settings.calibration = dataclasses.replace(default.labels)

    def default_profile(self) -> PrinterProfile:
        chosen = self.profile()
        if chosen.name == self.default_name:
            return chosen
        return next((p for p in self.profiles if p.name == self.default_name), self.profiles[0])

    # --- the chosen profile ------------------------------------------------------------------

    def profile(self) -> PrinterProfile:
        """The chosen profile as the fields show it now."""
        base = next((p for p in self.profiles if p.name == self.current_name), self.profiles[0])
        calibration = Calibration(self.offset_x.value(), self.offset_y.value(), self.scale_x.value(),
                                  self.scale_y.value())
        return dataclasses.replace(
            base, duplex=self.duplex.currentData(), stack=self.stack.currentData(),
            manual_turn=self.manual_turn.currentData(), margin_mm=self.margin.value(),
            envelope_feed=self.feed.currentData(), envelope_face=self.face.currentData(),
            envelope_rotation=int(self.rotation.currentData()), envelope_carrier=self.carrier.currentData(),
            queue=self.queue.text().strip(), **{self._shown_kind: calibration})

    def _show(self, profile: PrinterProfile) -> None:
        self._filling = True
        self.current_name = profile.name
        self._shown_kind = self.kind.currentData()
        self.name.setText(profile.name)
        for box, value in ((self.duplex, profile.duplex), (self.stack, profile.stack),
                           (self.manual_turn, profile.manual_turn), (self.feed, profile.envelope_feed),
                           (self.face, profile.envelope_face), (self.rotation, profile.envelope_rotation),
                           (self.carrier, profile.envelope_carrier)):
            _select(box, value)
        calibration = profile.calibration(self._shown_kind)
        for spin, value in ((self.margin, profile.margin_mm), (self.offset_x, calibration.offset_x),
                            (self.offset_y, calibration.offset_y), (self.scale_x, calibration.scale_x),
                            (self.scale_y, calibration.scale_y)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.queue.blockSignals(True)
        self.queue.setText(profile.queue)
        self.queue.blockSignals(False)
        self._filling = False
        self._refresh(profile)

    def _refresh(self, profile: PrinterProfile) -> None:
        is_default = profile.name == self.default_name
        self.manual_turn.setEnabled(profile.duplex == "manual")
        self.default_button.setEnabled(not is_default)
        self.remove_button.setEnabled(not is_default and len(self.profiles) > 1)
        self.default_note.setText("The default: used when no printer is chosen." if is_default else
                                  f"Used with --printer \"{profile.name}\" or when chosen to print.")
        self.feed_guide.set_profile(profile)
        self.feed_caption.setText(feed_caption(profile))
        self.back_note.setText(back_note(profile))

    def _fill_picker(self) -> None:
        self.picker.blockSignals(True)
        self.picker.clear()
        for profile in self.profiles:
            shown = f"{profile.name} (default)" if profile.name == self.default_name else profile.name
            self.picker.addItem(shown, profile.name)
        self.picker.setCurrentIndex(max(0, self.picker.findData(self.current_name)))
        self.picker.blockSignals(False)

    def _edited(self, *_: object) -> None:
        if self._filling:
            return
        profile = self.profile()
        self.profiles = [profile if p.name == profile.name else p for p in self.profiles]
        self._refresh(profile)
        self._save_timer.start()

    def _picked(self, index: int) -> None:
        self.flush()
        name = self.picker.itemData(index)
        chosen = next((p for p in self.profiles if p.name == name), None)
        if chosen is not None:
            self._show(chosen)

    # --- the store -----------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        """Read the profiles again (on the store thread) and show ``select`` or the one shown."""
        if self._context is None:
            return
        self._context.store.submit(printer_profiles.list_profiles,
                                   lambda result: self._loaded(result, select),
                                   lambda exc: self._context.errors.show(exc, self))

    def _loaded(self, result: tuple[list[PrinterProfile], str], select: str | None) -> None:
        self.profiles, self.default_name = result
        self._from_store = True
        wanted = select or self.current_name
        shown = next((p for p in self.profiles if p.name.casefold() == wanted.casefold()), self.profiles[0])
        self._show(shown)
        self._fill_picker()
        self._remember_default()

    def _run(self, job, select: str | None = None) -> None:  # noqa: ANN001 - a store job
        if self._context is None:
            return
        self._context.store.submit(job, lambda _: (self.reload(select), self.profiles_changed.emit()),
                                   lambda exc: (self._context.errors.show(exc, self), self.reload()))

    def save_now(self) -> None:
        self._save_timer.stop()
        profile = self.profile()
        self._run(lambda store: printer_profiles.save_profile(store, profile))

    def flush(self) -> None:
        """Save at once an edit still waiting for its delay (another profile is picked, the window closes)."""
        if self._save_timer.isActive():
            self.save_now()

    @property
    def save_pending(self) -> bool:
        return self._save_timer.isActive()

    def open_setup(self) -> None:
        """The printer setup wizard for the chosen profile; what it saves is shown here after."""
        if self._context is None:
            return
        from studio.ui.settings.printer_setup import PrinterSetupWizard

        self.flush()  # an edit still waiting is saved before the wizard's answers, never after
        profile = self.profile()
        wizard = PrinterSetupWizard(self._context, profile, self.window())
        wizard.saved.connect(lambda saved: (self.reload(saved.name), self.profiles_changed.emit()))
        self.setup_wizard = wizard
        wizard.open()

    def add_profile(self) -> None:
        self.flush()
        taken = {p.name.casefold() for p in self.profiles}
        number = len(self.profiles) + 1
        while f"printer {number}" in taken:
            number += 1
        name, like = f"Printer {number}", self.current_name
        self._run(lambda store: printer_profiles.add_profile(store, name, like=like), select=name)

    def rename_current(self) -> None:
        new, old = " ".join(self.name.text().split()), self.current_name
        if not new or new == old:
            self.name.setText(old)
            return
        self.flush()
        self._run(lambda store: printer_profiles.rename_profile(store, old, new), select=new)

    def make_default(self) -> None:
        self.flush()
        name = self.current_name
        self._run(lambda store: printer_profiles.set_default(store, name), select=name)

    def remove_current(self, *, confirm: bool = True) -> None:
        name = self.current_name

        def remove() -> None:
            self._save_timer.stop()
            self._run(lambda store: printer_profiles.remove_profile(store, name), select=self.default_name)

        if not confirm:
            remove()
            return
        box = QMessageBox(QMessageBox.Icon.Question, "Remove printer profile",
                          f"Remove the printer profile “{name}” and its calibration?",
                          QMessageBox.StandardButton.Cancel, self)
        remove_button = box.addButton("Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.buttonClicked.connect(lambda clicked: remove() if clicked is remove_button else None)
        self.confirm_box = box
        box.open()

    def _remember_default(self) -> None:
        """The app's copy of the settings follows the default profile as it is now."""
        if self._context is not None:
            self.apply(self._context.settings)
