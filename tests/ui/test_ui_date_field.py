"""The contact editor's date picker: day, month by name, and a year that may stay unknown."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialogButtonBox

from studio.model import PartialDate
from studio.ui.contacts.date_field import PartialDateField
from studio.ui.contacts.editor import ContactEditor


def _choose(field: PartialDateField, day: int, month: int, year: int | None) -> None:
    """Pick as a user does: the day and month lists, then the year box (or leave it unknown)."""
    field.day.setCurrentIndex(field.day.findData(day))
    field.month.setCurrentIndex(field.month.findData(month))
    if year is None:
        field.year.setValue(field.year.minimum())
    else:
        field.year.setValue(year)


def test_a_birthday_without_a_year_is_picked_and_saved_as_month_and_day(qtbot, styled_app, person) -> None:
    contact = person("Ana", "Silva")
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    _choose(editor.birthday, 14, 3, None)
    assert editor.birthday.year.text() == "year unknown"
    edited = editor.result_contact()
    assert edited.birthday == PartialDate(3, 14, None)
    assert edited.birthday.iso() == "--03-14"


def test_a_full_date_is_picked_and_a_stored_date_is_shown_in_the_pickers(qtbot, styled_app, person) -> None:
    contact = person("Ana", "Silva", birthday="1984-03-14")
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    field = editor.birthday
    assert (field.day.currentData(), field.month.currentData(), field.year.value()) == (14, 3, 1984)
    assert field.month.currentText() == QLocale().standaloneMonthName(3)  # a name, not "03"
    _choose(editor.anniversary, 2, 6, 2010)
    edited = editor.result_contact()
    assert edited.birthday == PartialDate(3, 14, 1984)
    assert edited.anniversary == PartialDate(6, 2, 2010)
    assert edited.customer_since is None  # an untouched picker is no date


def test_a_choice_that_is_no_date_is_named_and_save_stays_off(qtbot, styled_app, person) -> None:
    editor = ContactEditor(person("Ana", "Silva"))
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    field = editor.birthday
    field.setText("")  # `person` comes with a birthday
    field.day.setCurrentIndex(field.day.findData(31))
    assert not save.isEnabled()
    assert "Birthday: choose both a day and a month" in editor.problem.text()
    assert field.day.property("invalid") is True
    field.month.setCurrentIndex(field.month.findData(4))
    assert not save.isEnabled()
    assert f"31 {QLocale().standaloneMonthName(4)} is not a date." in editor.problem.text()
    _choose(field, 29, 2, 1983)
    assert f"29 {QLocale().standaloneMonthName(2)} 1983 is not a date." in editor.problem.text()
    _choose(field, 29, 2, None)  # a year-less 29 February is a real birthday
    assert save.isEnabled()
    assert field.day.property("invalid") is False
    assert editor.result_contact().birthday == PartialDate(2, 29, None)


def test_clear_removes_the_date(qtbot, styled_app, person) -> None:
    editor = ContactEditor(person("Ana", "Silva", birthday="1984-03-14"))
    qtbot.addWidget(editor)
    qtbot.mouseClick(editor.birthday.clear, Qt.MouseButton.LeftButton)
    assert editor.birthday.text() == ""
    assert editor.result_contact().birthday is None
    assert editor.is_changed()


def test_the_calendar_picks_a_day_with_its_year(qtbot, styled_app) -> None:
    field = PartialDateField()
    qtbot.addWidget(field)
    seen: list[str] = []
    field.textChanged.connect(seen.append)
    field.setText("--03-14")
    field.pick.menu().aboutToShow.emit()  # opening the calendar shows the chosen day
    assert field.calendar.selectedDate() == QDate(QDate.currentDate().year(), 3, 14)
    field.calendar.clicked.emit(QDate(1990, 12, 24))
    assert field.text() == "1990-12-24"
    assert seen[-1] == "1990-12-24"


def test_typing_into_the_pickers_works_from_the_keyboard(qtbot, styled_app) -> None:
    field = PartialDateField()
    qtbot.addWidget(field)
    field.show()
    field.year.setFocus()
    field.year.selectAll()
    qtbot.keyClicks(field.year, "1984")
    assert field.year.value() == 1984
    assert field.problem() == "choose both a day and a month (the year may stay unknown)."


def test_the_family_tab_edits_children_pronouns_and_greeting_form(qtbot, styled_app, person) -> None:
    from studio.model import Relative

    contact = person("Anna", "Schmidt")
    contact.children = [Relative("Jonas", PartialDate(5, 2, 2015))]
    editor = ContactEditor(contact)
    qtbot.addWidget(editor)
    assert editor.children.values() == [("Jonas", "2015-05-02", False)]
    editor.children.add_row("Mia", "")  # a child's birthday may stay empty
    editor.pronouns.setText("sie/ihr")
    editor.gram_gender.setCurrentIndex(editor.gram_gender.findData("feminine"))
    assert "Liebe Anna" in editor.gram_gender.currentText()
    edited = editor.result_contact()
    assert edited.children == [Relative("Jonas", PartialDate(5, 2, 2015)), Relative("Mia", None)]
    assert (edited.pronouns, edited.gram_gender) == ("sie/ihr", "feminine")
    assert editor.is_changed()
    editor.children.add_row("Lena", "2019-02-30")
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    assert "Lena’s birthday:" in editor.problem.text()
