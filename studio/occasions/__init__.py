"""Who has which occasion when: birthdays, anniversaries, holidays, thank-yous, and their mail-by dates.

Pure functions over contacts, recorded events and `Settings`; ``today`` is always passed in.

- `upcoming` / `due`: the occasions touching a window, and what must be posted today or is late.
- `check_occasion_key`, `occasion_instance`: which occasion keys exist, and what "the same
  occasion" means for never mailing a contact twice (`studio.occasions.keys`).
- `HolidayCalendar` / `load_catalogue`: holidays by country (the `holidays` library) and
  observances as data rules (`holidays.toml`).
- `mail_by`, `transit_days`, `contact_country`: the timing.
- `not_thanked_lately`: customers without a sent card in N days.
- `to_icalendar`: an iCalendar export with mail-by reminders.
"""

from studio.occasions.calendar import HolidayCalendar, HolidayCatalogue, HolidayDefinition, load_catalogue
from studio.occasions.ics import to_icalendar
from studio.occasions.keys import check_occasion_key, label_key, occasion_instance
from studio.occasions.neglect import NotThanked, is_customer, not_thanked_lately
from studio.occasions.timing import contact_country, lead_days, mail_by, thank_you_mail_by, transit_days
from studio.occasions.upcoming import (
    LATE_GRACE_DAYS,
    Window,
    due,
    due_among,
    due_window,
    late_until,
    sort_key,
    thank_you_occasion,
    upcoming,
)

__all__ = [
    "LATE_GRACE_DAYS", "HolidayCalendar", "HolidayCatalogue", "HolidayDefinition", "NotThanked", "Window",
    "check_occasion_key", "contact_country", "due", "due_among", "due_window",
    "is_customer", "label_key", "late_until", "lead_days",
    "load_catalogue", "mail_by", "not_thanked_lately", "occasion_instance", "sort_key", "thank_you_mail_by",
    "thank_you_occasion", "to_icalendar", "transit_days", "upcoming",
]
