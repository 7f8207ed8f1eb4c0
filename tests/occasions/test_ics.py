"""The calendar export parses back with vobject and carries the mail-by reminders."""

from __future__ import annotations

import datetime as dt

import vobject

from studio.model import Occasion
from studio.occasions import to_icalendar

D = dt.date


def occasion(**fields) -> Occasion:
    base = dict(kind="birthday", name="Birthday", date=D(2027, 1, 2), mail_by=D(2026, 12, 29),
                contact_id=1, contact_name="Zoë Ångström-Núñez", years=43, key="birthday")
    base.update(fields)
    return Occasion(**base)


def test_export_parses_back_with_reminders_and_grouped_holidays() -> None:
    occasions = [
        occasion(),
        occasion(kind="holiday", name="Christmas", key="christmas", date=D(2026, 12, 25),
                 mail_by=D(2026, 12, 21), contact_id=2, contact_name="Robert Johnson", years=None),
        occasion(kind="holiday", name="Christmas", key="christmas", date=D(2026, 12, 25),
                 mail_by=D(2026, 12, 21), contact_id=3, contact_name="王小明", years=None),
    ]
    text = to_icalendar(occasions, dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC))
    calendar = vobject.readOne(text)
    events = {e.uid.value: e for e in calendar.vevent_list}
    assert len(events) == 4  # two occasions (Christmas grouped), each with a mail-by event

    summaries = sorted((e.dtstart.value, e.summary.value) for e in events.values())
    assert summaries == [
        (D(2026, 12, 21), "Mail Christmas cards: Robert Johnson, 王小明"),
        (D(2026, 12, 25), "Christmas (2 cards)"),
        (D(2026, 12, 29), "Mail card: Birthday, Zoë Ångström-Núñez"),
        (D(2027, 1, 2), "Birthday: Zoë Ångström-Núñez (43)"),
    ]
    reminders = [e for e in events.values() if hasattr(e, "valarm")]
    assert {e.dtstart.value for e in reminders} == {D(2026, 12, 21), D(2026, 12, 29)}
    assert all(e.valarm.trigger.value == dt.timedelta(hours=9) for e in reminders)
    assert all(e.dtend.value - e.dtstart.value == dt.timedelta(days=1) for e in events.values())


def test_uids_are_stable_across_exports() -> None:
    first = vobject.readOne(to_icalendar([occasion()], dt.datetime(2026, 1, 1)))
    second = vobject.readOne(to_icalendar([occasion()], dt.datetime(2026, 6, 1)))
    assert [e.uid.value for e in first.vevent_list] == [e.uid.value for e in second.vevent_list]


def test_a_birthday_gets_a_call_at_ten_with_the_numbers() -> None:
    birthday = Occasion(kind="birthday", name="Birthday", date=dt.date(2026, 12, 14),
                        mail_by=dt.date(2026, 12, 10), contact_id=7, contact_name="Zoë Ångström", years=40,
                        key="birthday")
    phones = {7: ["+1 503 555 0199", "0171 2345678"]}
    text = to_icalendar([birthday], dt.datetime(2026, 12, 1, tzinfo=dt.UTC), phones)
    events = {e.summary.value: e for e in vobject.readOne(text).vevent_list}
    call = events["Call Zoë Ångström"]
    assert call.dtstart.value == dt.datetime(2026, 12, 14, 10, 0) and call.dtstart.value.tzinfo is None
    assert call.dtend.value - call.dtstart.value == dt.timedelta(minutes=15)
    assert call.description.value == "Birthday of Zoë Ångström (turns 40).\n+1 503 555 0199\n0171 2345678"
    assert "Birthday: Zoë Ångström (40)" in events  # the day itself and the mail-by stay
    assert not [e for e in vobject.readOne(to_icalendar([birthday], dt.datetime(2026, 12, 1))).vevent_list
                if e.summary.value.startswith("Call")]  # without numbers asked for, no call events
