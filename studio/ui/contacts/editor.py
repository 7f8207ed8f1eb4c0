"""The contact editor: names, ways to reach, addresses, dates, notes, tags — validated.

Birthdays, anniversaries and customer-since are picked as day, month and year, where the
year may be unknown (`PartialDateField`); other dates are typed as ``YYYY-MM-DD`` or
``--MM-DD``. `PartialDate.parse` decides either way, so the app accepts exactly what the
CLI prints. A date that is not a date (31 February, a day without a month) marks its
field and keeps OK disabled, with the reason beside it.
The dialog only builds a `Contact`; the contacts view commits it to the store.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from studio.model import GRAMMATICAL_GENDERS, Contact, Email, LabelledDate, PartialDate, Phone, Relative
from studio.ui.contacts.date_field import PartialDateField
from studio.ui.contacts.fields import AddressEditor, LabelledValues
from studio.ui.widgets import label

_DATE_HINT = "YYYY-MM-DD, or --MM-DD when the year is unknown"
# How a card's greeting addresses the person (RFC 9554 GRAMGENDER), with examples a user knows.
_GREETING_EXAMPLES = {
    "feminine": "Feminine: “Liebe Anna”, “Chère Anne”",
    "masculine": "Masculine: “Lieber Jonas”, “Cher Jean”",
    "common": "Common (neither feminine nor masculine)",
}
_ADDRESSED_AS = [("Not known", "")] + [
    (_GREETING_EXAMPLES.get(gender, gender.capitalize()), gender) for gender in GRAMMATICAL_GENDERS
]


def parse_date_field(text: str) -> tuple[PartialDate | None, str]:
    """(date, error): an empty field is no date and no error."""
    text = text.strip()
    if not text:
        return None, ""
    try:
        return PartialDate.parse(text), ""
    except ValueError:
        return None, f"“{text}” is not a date. Use {_DATE_HINT}, e.g. 1984-03-14 or --03-14."


def split_tags(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


class ContactEditor(QDialog):
    """Edit ``contact`` (a copy is edited); ``result_contact()`` gives the edited one."""

    def __init__(
        self, contact: Contact | None = None, known_tags: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._original = copy.deepcopy(contact) if contact is not None else Contact()
        self.setWindowTitle("Edit contact" if contact and contact.id else "New contact")
        # Only the height is fixed here: the width comes from the layout, so no caption is cut.
        self.setMinimumHeight(560)
        self.resize(620, 560)
        self._errors: dict[str, str] = {}

        self.given, self.family = QLineEdit(), QLineEdit()
        self.display = QLineEdit()
        self.display.setPlaceholderText("built from the name when left empty")
        self.nickname, self.organization, self.job_title = QLineEdit(), QLineEdit(), QLineEdit()
        self.spouse = QLineEdit()
        self.spouse.setPlaceholderText("printed on household cards, e.g. “Zoë & Henrik”")
        self.children = LabelledValues("Birthday", label_header="Name", required=0)
        self.children.setToolTip(f"Birthday: {_DATE_HINT}, or leave it empty")
        self.pronouns = QLineEdit()
        self.pronouns.setPlaceholderText("as they give them: she/her, he/him, they/them, sie/ihr")
        self.gram_gender = QComboBox()
        for text, value in _ADDRESSED_AS:
            self.gram_gender.addItem(text, value)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText("customer, vip, … (separate with commas)")
        if known_tags:
            completer = QCompleter(list(known_tags), self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.tags.setCompleter(completer)
        self.emails = LabelledValues("Email", "name@example.com")
        self.phones = LabelledValues("Phone")
        self.addresses = AddressEditor()
        self.birthday, self.anniversary, self.customer_since = (
            PartialDateField(), PartialDateField(), PartialDateField())
        self.other_dates = LabelledValues("Date")
        self.other_dates.setToolTip(_DATE_HINT)
        self.notes = QPlainTextEdit()
        self.problem = label("", "problemText", wrap=True)

        tabs = QTabWidget()
        tabs.addTab(self._person_tab(), "Person")
        tabs.addTab(self._reach_tab(), "Email && phone")
        tabs.addTab(self._address_tab(), "Address")
        tabs.addTab(self._family_tab(), "Family")
        tabs.addTab(self._dates_tab(), "Dates")
        tabs.addTab(self._notes_tab(), "Notes")
        self.tabs = tabs

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept_if_valid)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._load(self._original)
        for field in (
            self.birthday,
            self.anniversary,
            self.customer_since,
            self.given,
            self.family,
            self.display,
            self.organization,
        ):
            field.textChanged.connect(self._validate)
        self.other_dates.changed.connect(self._validate)
        self.children.changed.connect(self._validate)
        self.emails.changed.connect(self._validate)
        self._validate()
        self._loaded_form = self._form()
        self.given.setFocus()

    # --- layout -----------------------------------------------------------------------

    @staticmethod
    def _form_page(rows: Sequence[tuple[str, QWidget]]) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        for caption, widget in rows:
            form.addRow(caption, widget)
        return page

    def _person_tab(self) -> QWidget:
        return self._form_page(
            [
                ("Given name", self.given),
                ("Family name", self.family),
                ("Shown as", self.display),
                ("Nickname", self.nickname),
                ("Company", self.organization),
                ("Job title", self.job_title),
                ("Tags", self.tags),
            ]
        )

    def _family_tab(self) -> QWidget:
        """Who shares the household and how the greeting addresses them."""
        page = self._form_page(
            [
                ("Spouse / partner", self.spouse),
                ("Pronouns", self.pronouns),
                ("Greeting form", self.gram_gender),
            ]
        )
        page.layout().addRow(QLabel("Children"), self.children)
        return page

    def _reach_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(label("Email addresses", "sectionTitle"))
        layout.addWidget(self.emails)
        layout.addWidget(label("Phone numbers", "sectionTitle"))
        layout.addWidget(self.phones)
        return page

    def _address_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.addresses)
        layout.addStretch(1)
        return page

    def _dates_tab(self) -> QWidget:
        page = self._form_page(
            [
                ("Birthday", self.birthday),
                ("Wedding anniversary", self.anniversary),
                ("Customer since", self.customer_since),
            ]
        )
        form = page.layout()
        form.addRow(QLabel("Other dates"), self.other_dates)
        return page

    def _notes_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.notes)
        return page

    # --- values -----------------------------------------------------------------------

    def _load(self, c: Contact) -> None:
        for widget, value in (
            (self.given, c.given_name),
            (self.family, c.family_name),
            (self.display, c.display_name),
            (self.nickname, c.nickname),
            (self.organization, c.organization),
            (self.job_title, c.title),
            (self.spouse, c.spouse),
            (self.pronouns, c.pronouns),
            (self.tags, ", ".join(c.tags)),
            (self.birthday, c.birthday.iso() if c.birthday else ""),
            (self.anniversary, c.anniversary.iso() if c.anniversary else ""),
            (self.customer_since, c.customer_since.iso() if c.customer_since else ""),
        ):
            widget.setText(value)
        self.emails.set_values([(e.label, e.value, e.preferred) for e in c.emails])
        self.phones.set_values([(p.label, p.value, p.preferred) for p in c.phones])
        self.addresses.set_addresses(c.addresses)
        self.other_dates.set_values([(d.label, d.date.iso(), False) for d in c.dates])
        self.children.set_values(
            [(child.name, child.birthday.iso() if child.birthday else "", False) for child in c.children]
        )
        self.gram_gender.setCurrentIndex(max(0, self.gram_gender.findData(c.gram_gender)))
        self.notes.setPlainText(c.notes)

    def result_contact(self) -> Contact:
        """The edited contact (same id, photo and uid as the one given)."""
        c = copy.deepcopy(self._original)
        c.given_name, c.family_name = self.given.text().strip(), self.family.text().strip()
        c.display_name = self.display.text().strip()
        c.nickname, c.organization = self.nickname.text().strip(), self.organization.text().strip()
        c.title, c.spouse = self.job_title.text().strip(), self.spouse.text().strip()
        c.tags = split_tags(self.tags.text())
        c.emails = [Email(value, label, preferred) for label, value, preferred in self.emails.values()]
        c.phones = [Phone(value, label, preferred) for label, value, preferred in self.phones.values()]
        c.addresses = self.addresses.addresses()
        c.birthday = self.birthday.partial_date()
        c.anniversary = self.anniversary.partial_date()
        c.customer_since = self.customer_since.partial_date()
        c.dates = [
            LabelledDate(label or "Date", date)
            for label, text, _ in self.other_dates.values()
            if (date := parse_date_field(text)[0]) is not None
        ]
        c.children = [
            Relative(name, parse_date_field(text)[0]) for name, text, _ in self.children.values()
        ]
        c.pronouns = self.pronouns.text().strip()
        c.gram_gender = self.gram_gender.currentData()
        c.notes = self.notes.toPlainText().strip()
        return c

    # --- leaving without saving ----------------------------------------------------------

    def _form(self) -> tuple[object, ...]:
        """Everything the user can type or pick, as shown; compared to tell an edit."""
        lines = (
            self.given, self.family, self.display, self.nickname, self.organization, self.job_title,
            self.spouse, self.tags, self.birthday, self.anniversary, self.customer_since,
            self.pronouns,
        )
        return (
            tuple(line.text() for line in lines),
            self.emails.values(),
            self.phones.values(),
            self.addresses.addresses(),
            self.other_dates.values(),
            self.children.values(),
            self.gram_gender.currentData(),
            self.notes.toPlainText(),
        )

    def is_changed(self) -> bool:
        """True when something differs from what the editor opened with."""
        return self._form() != self._loaded_form

    def reject(self) -> None:
        """Cancel, Esc or closing the window: ask first if that would throw away edits."""
        if self.is_changed():
            if self._original.id:
                name = self._original.name or "this contact"
            else:
                name = self.result_contact().name or "this new contact"
            answer = QMessageBox.question(
                self,
                "Discard changes",
                f"Discard your changes to {name}?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    # --- validation -------------------------------------------------------------------

    def problems(self) -> list[str]:
        """Every reason the contact cannot be saved yet, as sentences."""
        found = []
        for caption, field in (
            ("Birthday", self.birthday),
            ("Wedding anniversary", self.anniversary),
            ("Customer since", self.customer_since),
        ):
            error = field.problem()
            field.mark_invalid(bool(error))
            if error:
                found.append(f"{caption}: {error}")
        for label_text, text, _ in self.other_dates.values():
            error = parse_date_field(text)[1]
            if error:
                found.append(f"{label_text or 'Other date'}: {error}")
        for name, text, _ in self.children.values():
            error = parse_date_field(text)[1]
            if error:
                found.append(f"{name}’s birthday: {error}")
        has_identity = (
            any(w.text().strip() for w in (self.given, self.family, self.display, self.organization))
            or self.emails.values()
        )
        if not has_identity:
            found.append("Give a name, a company or an email address so you can find this person again.")
        return found

    def _validate(self, *_: object) -> None:
        found = self.problems()
        self.problem.setText("\n".join(found))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)

    def _accept_if_valid(self) -> None:
        if not self.problems():
            self.accept()
